//! The chart's curve equals full claims point by point; `limit_from` is where the limit starts to
//! bite; `explain: false` changes nothing but the explanation.

use yibao::api::*;
use yibao::Engine;

fn person(scheme: &str, region: &str, category: &str) -> PersonInput {
    PersonInput {
        scheme: scheme.into(),
        region: region.into(),
        category: category.into(),
        statuses: vec![],
    }
}

fn claim(kind: &str, level: &str, date: &str, total: &str) -> ClaimInput {
    ClaimInput {
        kind: kind.into(),
        level: level.into(),
        date: date.into(),
        medfee_sumamt: total.into(),
        fulamt_ownpay_amt: Some("1000".into()),
        disease: None,
    }
}

#[test]
fn curve_points_equal_full_claims() {
    let e = Engine::builtin().unwrap();
    let p = person("jilin-2008", "prefecture", "adult");
    let base = claim("inpatient", "city", "2008-09-01", "1");
    let totals: Vec<String> = [
        "0", "500", "1000", "5000", "12345.67", "45000", "60000", "200000",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let c = e
        .curve(&CurveRequest {
            person: p.clone(),
            paid_on: Some("2008-05-01".into()),
            enrolment: None,
            claim: base.clone(),
            totals: totals.clone(),
        })
        .unwrap();
    assert_eq!(c.points.len(), totals.len());
    for (t, pt) in totals.iter().zip(&c.points) {
        let mut one = base.clone();
        one.medfee_sumamt = t.clone();
        let t_dec: rust_decimal::Decimal = t.parse().unwrap();
        one.fulamt_ownpay_amt = Some(if t_dec < rust_decimal::Decimal::from(1000) {
            t.clone()
        } else {
            "1000".into()
        });
        let full = e
            .claim(&ClaimRequest {
                person: p.clone(),
                paid_on: Some("2008-05-01".into()),
                enrolment: None,
                renewed_without_break: None,
                claim: one,
                explain: true,
            })
            .unwrap();
        assert_eq!(
            (pt.hifp_pay.as_str(), pt.psn_part_amt.as_str()),
            (full.hifp_pay.as_str(), full.psn_part_amt.as_str()),
            "bill {t}"
        );
        assert_eq!(pt.above_limit_amt, full.above_limit_amt, "bill {t}");
    }
    // in scope = bill − 1,000 exceeds the 45,000 cost limit from a bill of 46,001
    assert_eq!(c.limit_from.as_deref(), Some("46001.00"));
    assert_eq!(
        (
            c.deductible.as_str(),
            c.limit.as_str(),
            c.limit_kind.as_str()
        ),
        ("600.00", "45000.00", "eligible_cost")
    );
    assert_eq!(
        c.edges,
        vec!["10000.00".to_string(), "30000.00".to_string()]
    );
}

#[test]
fn curve_finds_where_a_payment_limit_bites() {
    let e = Engine::builtin().unwrap();
    let mut base = claim("inpatient", "township", "2008-03-01", "1");
    base.fulamt_ownpay_amt = None;
    let c = e
        .curve(&CurveRequest {
            person: person("jiaxing-2008", "jiaxing", "resident"),
            paid_on: None,
            enrolment: None,
            claim: base,
            totals: vec!["100000".into(), "200000".into()],
        })
        .unwrap();
    // (t − 300) × 60% > 70,000 ⇔ t > 116,966.67 → 116,967
    assert_eq!(c.limit_from.as_deref(), Some("116967.00"));
    assert_eq!(c.points[1].hifp_pay, "70000.00");
    assert_eq!(c.limit_kind, "fund_payment");
}

#[test]
fn curve_rejects_bad_totals_by_index() {
    let e = Engine::builtin().unwrap();
    let err = e
        .curve(&CurveRequest {
            person: person("jilin-2008", "prefecture", "adult"),
            paid_on: None,
            enrolment: None,
            claim: claim("inpatient", "city", "2008-09-01", "1"),
            totals: vec!["100".into(), "-3".into()],
        })
        .unwrap_err();
    assert_eq!(
        (err.code(), err.field.as_deref()),
        ("invalid_amount", Some("totals[1]"))
    );
}

#[test]
fn explain_false_keeps_every_figure() {
    let e = Engine::builtin().unwrap();
    let req = |explain| ClaimRequest {
        person: person("jilin-2008", "county", "student_child"),
        paid_on: Some("2008-05-01".into()),
        enrolment: None,
        renewed_without_break: None,
        claim: claim("inpatient", "county", "2008-09-01", "20000"),
        explain,
    };
    let (full, lean) = (e.claim(&req(true)).unwrap(), e.claim(&req(false)).unwrap());
    assert!(!full.steps.is_empty() && lean.steps.is_empty());
    assert_eq!(
        (&full.hifp_pay, &full.psn_part_amt, &full.ranges),
        (&lean.hifp_pay, &lean.psn_part_amt, &lean.ranges)
    );
}

/// `hifmi_from` is the smallest whole-yuan bill at which 大病保险 pays: the full claim at it pays,
/// the one a yuan below does not; without a 大病保险 rule there is none.
#[test]
fn curve_finds_where_critical_illness_insurance_starts() {
    let e = Engine::builtin().unwrap();
    let totals: Vec<String> = (0..=40).map(|i| (i * 15000).to_string()).collect();
    let mut found = 0;
    for statuses in [vec![], vec!["dibao".to_string()]] {
        for level in ["community", "province"] {
            let p = PersonInput {
                statuses: statuses.clone(),
                ..person("jilin-2016", "jilin", "urban_adult")
            };
            let mut base = claim("inpatient", level, "2026-06-01", "1");
            base.fulamt_ownpay_amt = Some("2000".into());
            let c = e
                .curve(&CurveRequest {
                    person: p.clone(),
                    paid_on: None,
                    enrolment: None,
                    claim: base.clone(),
                    totals: totals.clone(),
                })
                .unwrap();
            let Some(from) = c.hifmi_from.clone() else {
                continue;
            };
            found += 1;
            let hifmi = |t: &str| {
                let r = e
                    .claim(&ClaimRequest {
                        person: p.clone(),
                        claim: ClaimInput {
                            medfee_sumamt: t.into(),
                            ..base.clone()
                        },
                        explain: false,
                        ..Default::default()
                    })
                    .unwrap();
                r.hifmi_pay
            };
            let from_d: rust_decimal::Decimal = from.parse().unwrap();
            assert_ne!(hifmi(&from), "0.00", "{statuses:?} {level}: pays at {from}");
            let below = (from_d - rust_decimal::Decimal::ONE).to_string();
            assert_eq!(
                hifmi(&below),
                "0.00",
                "{statuses:?} {level}: nothing at {below}"
            );
            // and the points agree: none pays below it, every one above it pays
            for pt in &c.points {
                let t: rust_decimal::Decimal = pt.medfee_sumamt.parse().unwrap();
                assert_eq!(
                    pt.hifmi_pay != "0.00",
                    t >= from_d,
                    "{statuses:?} {level} at {t}"
                );
            }
        }
    }
    assert!(found >= 3, "大病保险 started on only {found} curves");
    let c = e
        .curve(&CurveRequest {
            person: person("jilin-2008", "prefecture", "adult"),
            paid_on: Some("2008-05-01".into()),
            enrolment: None,
            claim: claim("inpatient", "city", "2008-09-01", "1"),
            totals,
        })
        .unwrap();
    assert_eq!(c.hifmi_from, None);
}
