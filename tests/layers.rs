//! The layers after the basic fund (大病保险 hifmi_pay, 医疗救助 maf_pay) over generated bills:
//! no layer pays above its maximum, a larger bill never lowers what the funds pay, the
//! figures-only calls and the curve equal the full claim, and a scheme without layer rules pays
//! nothing through them.

use proptest::prelude::*;
use rust_decimal::Decimal;
use yibao::api::*;
use yibao::Engine;

fn engine() -> &'static Engine {
    use std::sync::OnceLock;
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| Engine::builtin().expect("built-in policies load"))
}

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

const STATUSES: [&[&str]; 4] = [&[], &["dibao"], &["tekun_support"], &["poverty_registered"]];
const LEVELS: [&str; 4] = ["community", "county", "city", "province"];

fn person(st: usize) -> PersonInput {
    PersonInput {
        scheme: "jilin-2016".into(),
        region: "jilin".into(),
        category: "urban_adult".into(),
        statuses: STATUSES[st].iter().map(|s| s.to_string()).collect(),
    }
}

fn bill(level: usize, month: u8, fen: u64, oos: u64) -> ClaimInput {
    ClaimInput {
        kind: "inpatient".into(),
        level: LEVELS[level].into(),
        date: format!("2026-{:02}-20", month.clamp(1, 12)),
        medfee_sumamt: Decimal::new(fen as i64, 2).to_string(),
        fulamt_ownpay_amt: Some(Decimal::new(oos.min(fen) as i64, 2).to_string()),
        disease: None,
    }
}

fn claim(st: usize, c: ClaimInput) -> ClaimResult {
    engine()
        .claim(&ClaimRequest {
            person: person(st),
            paid_on: None,
            enrolment: None,
            renewed_without_break: None,
            claim: c,
            explain: true,
        })
        .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    #[test]
    fn no_layer_pays_above_its_maximum(st in 0usize..4, lv in 0usize..4, bills in prop::collection::vec((1u8..=12, 0u64..60_000_000, 0u64..2_000_000), 1..8)) {
        let claims: Vec<ClaimInput> = bills.iter().map(|(m, t, o)| bill(lv, *m, *t, *o)).collect();
        let y = engine().year(&YearRequest { person: person(st), paid_on: None, enrolment: None, renewed_without_break: None, claims, explain: false }).unwrap();
        for l in &y.layers {
            prop_assert!(d(&l.paid) <= d(&l.maximum), "{} paid {} above {}", l.layer, l.paid, l.maximum);
            prop_assert_eq!(d(&l.paid) + d(&l.remaining), d(&l.maximum));
            let sum: Decimal = y.claims.iter().map(|c| d(if l.layer == "hifmi" { &c.hifmi_pay } else { &c.maf_pay })).sum();
            prop_assert_eq!(sum, d(&l.paid));
        }
        prop_assert!(d(&y.totals.hifmi_pay) <= d("400000"));
        prop_assert!(d(&y.totals.maf_pay) <= d("50000"));
        prop_assert_eq!(d(&y.totals.hifp_pay) + d(&y.totals.hifmi_pay) + d(&y.totals.maf_pay) + d(&y.totals.psn_part_amt), d(&y.totals.medfee_sumamt));
        // the figures-only year equals the full year
        let f = engine().year_figures(&YearRequest { person: person(st), paid_on: None, enrolment: None, renewed_without_break: None, claims: bills.iter().map(|(m, t, o)| bill(lv, *m, *t, *o)).collect(), explain: false }).unwrap();
        prop_assert_eq!(&f.totals, &y.totals);
    }

    #[test]
    fn a_larger_bill_never_lowers_what_the_layers_pay(st in 0usize..4, lv in 0usize..4, a in 0u64..100_000_000, b in 0u64..100_000_000, oos in 0u64..1_000_000) {
        let (lo, hi) = (a.min(b), a.max(b));
        let (x, y) = (claim(st, bill(lv, 3, lo, oos.min(lo))), claim(st, bill(lv, 3, hi, oos.min(lo))));
        prop_assert!(d(&x.hifmi_pay) <= d(&y.hifmi_pay), "hifmi {} > {}", x.hifmi_pay, y.hifmi_pay);
        prop_assert!(d(&x.hifmi_pay) + d(&x.maf_pay) <= d(&y.hifmi_pay) + d(&y.maf_pay));
        prop_assert!(d(&x.fund_pay_sumamt) <= d(&y.fund_pay_sumamt));
        prop_assert!(d(&x.psn_part_amt) <= d(&y.psn_part_amt));
    }

    #[test]
    fn hardship_never_leaves_more_to_the_resident(lv in 0usize..4, t in 0u64..100_000_000) {
        let adult = claim(0, bill(lv, 5, t, 0));
        for st in 1..4 {
            let h = claim(st, bill(lv, 5, t, 0));
            prop_assert!(d(&h.psn_part_amt) <= d(&adult.psn_part_amt));
            prop_assert!(d(&h.hifmi_pay) >= d(&adult.hifmi_pay));
        }
    }
}

#[test]
fn the_curve_carries_the_layers_as_the_claim_does() {
    let e = engine();
    for st in 0..4 {
        let base = bill(3, 3, 100, 0);
        let totals: Vec<String> = ["0", "20000", "150000", "300000", "800000", "2000000"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let c = e
            .curve(&CurveRequest {
                person: person(st),
                paid_on: None,
                enrolment: None,
                claim: base.clone(),
                totals: totals.clone(),
            })
            .unwrap();
        for (t, p) in totals.iter().zip(&c.points) {
            let mut one = base.clone();
            one.medfee_sumamt = t.clone();
            let full = claim(st, one);
            assert_eq!(p.hifmi_pay, full.hifmi_pay, "{st} {t}");
            assert_eq!(p.maf_pay, full.maf_pay, "{st} {t}");
            assert_eq!(p.psn_part_amt, full.psn_part_amt, "{st} {t}");
        }
    }
}

#[test]
fn schemes_without_layer_rules_pay_nothing_through_them() {
    let c = engine()
        .claim(&ClaimRequest {
            person: PersonInput {
                scheme: "jilin-2008".into(),
                region: "prefecture".into(),
                category: "adult".into(),
                statuses: vec!["dibao".into()],
            },
            paid_on: Some("2008-05-01".into()),
            enrolment: None,
            renewed_without_break: None,
            claim: ClaimInput {
                kind: "inpatient".into(),
                level: "city".into(),
                date: "2008-10-01".into(),
                medfee_sumamt: "300000".into(),
                fulamt_ownpay_amt: None,
                disease: None,
            },
            explain: true,
        })
        .unwrap();
    assert_eq!(c.hifmi_pay, "0.00");
    assert_eq!(c.maf_pay, "0.00");
    assert_eq!(d(&c.hifp_pay) + d(&c.psn_part_amt), d(&c.medfee_sumamt));
    assert_eq!(c.fund_pay_sumamt, c.hifp_pay);
    assert!(c.steps.iter().all(|s| !s.id.starts_with("critical")));
}
