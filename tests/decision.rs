//! When to pay (`Engine::decision`): each choice's start of benefits is `enrolment`'s and its bill
//! is `claim_figures`' for the same payment date and history; not paying leaves the whole bill.

use yibao::api::*;
use yibao::Engine;

fn engine() -> &'static Engine {
    use std::sync::OnceLock;
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| Engine::builtin().expect("built-in policies"))
}

fn adult() -> PersonInput {
    PersonInput {
        scheme: "jilin-2016".into(),
        region: "jilin".into(),
        category: "urban_adult".into(),
        statuses: Vec::new(),
    }
}

fn bill(date: &str) -> ClaimInput {
    ClaimInput {
        kind: "inpatient".into(),
        level: "province".into(),
        date: date.into(),
        medfee_sumamt: "50000".into(),
        fulamt_ownpay_amt: None,
        disease: None,
    }
}

fn ask(
    today: &str,
    paid_on: Option<&str>,
    missed: u16,
    claim: Option<ClaimInput>,
) -> DecisionRequest {
    DecisionRequest {
        person: adult(),
        year: 2026,
        today: today.into(),
        paid_on: paid_on.map(String::from),
        enrolment: Some(EnrolmentIn {
            years_missed: missed,
            ..Default::default()
        }),
        claim,
    }
}

/// The lead's case (tests/cli.rs): ¥50,000 on 2026-04-01 — paid 2026-03-10, outside the window,
/// benefits from 2026-06-10 and the fund pays nothing; paid inside the window, ¥33,075 is paid
/// and ¥16,925 is left; not paying, all ¥50,000.
#[test]
fn three_choices_for_a_jilin_adult() {
    let d = engine()
        .decision(&ask(
            "2026-03-10",
            Some("2026-02-20"),
            0,
            Some(bill("2026-04-01")),
        ))
        .unwrap();
    assert_eq!(
        (d.collection_from.as_deref(), d.collection_to.as_deref()),
        (Some("2025-11-01"), Some("2026-02-28"))
    );
    assert_eq!(d.days_left, Some(-10));
    assert_eq!(
        d.collection_source.as_ref().map(|s| s.id.as_str()),
        Some("J3")
    );
    let [today, chosen, none] = &d.options[..] else {
        panic!("{:?}", d.options)
    };
    assert_eq!(
        (
            today.id.as_str(),
            today.in_window,
            today.benefits_from.as_deref(),
            today.waiting_months
        ),
        ("today", Some(false), Some("2026-06-10"), 3)
    );
    assert_eq!(
        (
            today.premium.as_str(),
            today.bill_cost.as_deref(),
            today.total.as_deref()
        ),
        ("410.00", Some("50000.00"), Some("50410.00"))
    );
    assert_eq!(
        (
            chosen.in_window,
            chosen.benefits_from.as_deref(),
            chosen.waiting_months
        ),
        (Some(true), Some("2026-01-01"), 0)
    );
    assert_eq!(
        (chosen.bill_cost.as_deref(), chosen.total.as_deref()),
        (Some("16925.00"), Some("17335.00"))
    );
    assert_eq!(chosen.bill.as_ref().unwrap().hifp_pay, "33075.00");
    assert_eq!(
        (
            none.id.as_str(),
            none.covered,
            none.premium.as_str(),
            none.bill_cost.as_deref()
        ),
        ("none", false, "0.00", Some("50000.00"))
    );
    assert!(d.steps.iter().all(|s| s.id == "waiting") && !d.steps.is_empty());
}

#[test]
fn before_the_window_opens_and_after_the_year() {
    // before 2025-11-01: paying "today" counts from the window's first day
    let d = engine()
        .decision(&ask("2025-10-01", None, 0, None))
        .unwrap();
    assert_eq!(d.options[0].paid_on.as_deref(), Some("2025-11-01"));
    assert_eq!(d.options[0].benefits_from.as_deref(), Some("2026-01-01"));
    assert!(d.options[0].zh.contains("集中缴费期开始时"));
    assert_eq!(d.days_left, Some(150));
    // late in the year after a break of 2 years: 4 months from 2026-12-20, not this year; a bill
    // dated before the payment is the resident's in full
    let d = engine()
        .decision(&ask("2026-12-20", None, 2, Some(bill("2026-04-01"))))
        .unwrap();
    let o = &d.options[0];
    assert_eq!(
        (o.benefits_from.as_deref(), o.waiting_months, o.covered),
        (Some("2027-04-20"), 4, false)
    );
    assert!(o.bill.is_none());
    assert_eq!(o.bill_cost.as_deref(), Some("50000.00"));
    assert!(o.zh.contains("在缴费之前"));
}

#[test]
fn bad_input_is_refused() {
    let e = engine()
        .decision(&ask("2026-13-01", None, 0, None))
        .unwrap_err();
    assert_eq!(
        (e.code(), e.field.as_deref()),
        ("invalid_date", Some("today"))
    );
    let e = engine()
        .decision(&ask("2026-03-01", None, 0, Some(bill("2025-04-01"))))
        .unwrap_err();
    assert_eq!(
        (e.code(), e.field.as_deref()),
        ("invalid_input", Some("claim.date"))
    );
    let mut r = ask("2026-03-01", None, 0, None);
    r.enrolment = Some(EnrolmentIn {
        paid_in_window: Some(true),
        ..Default::default()
    });
    assert_eq!(
        engine().decision(&r).unwrap_err().field.as_deref(),
        Some("enrolment.paid_in_window")
    );
    let mut r = ask("2026-03-01", None, 0, None);
    r.year = 2023;
    assert_eq!(
        engine().decision(&r).unwrap_err().code(),
        "year_not_sourced"
    );
}

/// Over payment dates through the season and breaks of 0–3 years: each paying choice is what
/// `enrolment` and `claim_figures` answer for that date and history, and total = premium + cost.
#[test]
fn choices_are_the_engines_own_answers() {
    let mut days = Vec::new();
    for (y, m) in [
        (2025, 10),
        (2025, 11),
        (2025, 12),
        (2026, 1),
        (2026, 2),
        (2026, 3),
        (2026, 5),
        (2026, 8),
        (2026, 11),
    ] {
        for d in [1, 15, 28] {
            days.push(format!("{y}-{m:02}-{d:02}"));
        }
    }
    let mut checked = 0;
    for today in &days {
        for missed in 0..=3 {
            let d = engine()
                .decision(&ask(
                    "2025-09-01",
                    Some(today),
                    missed,
                    Some(bill("2026-12-15")),
                ))
                .unwrap();
            let o = d.options.iter().find(|o| o.id == "chosen").unwrap();
            let en = engine()
                .enrolment(&EnrolmentRequest {
                    person: adult(),
                    year: 2026,
                    years_missed: missed,
                    paid_on: Some(today.clone()),
                    ..Default::default()
                })
                .unwrap();
            assert_eq!(
                o.benefits_from.as_deref(),
                Some(en.benefits_from.as_str()),
                "{today} missed {missed}"
            );
            assert_eq!(o.in_window, Some(en.in_window));
            let f = engine()
                .claim_figures(&ClaimRequest {
                    person: adult(),
                    paid_on: Some(today.clone()),
                    renewed_without_break: None,
                    enrolment: Some(EnrolmentIn {
                        years_missed: missed,
                        ..Default::default()
                    }),
                    claim: bill("2026-12-15"),
                    explain: false,
                })
                .unwrap();
            assert_eq!(o.bill_cost.as_deref(), Some(f.psn_part_amt.as_str()));
            let total: rust_decimal::Decimal = o.premium.parse::<rust_decimal::Decimal>().unwrap()
                + f.psn_part_amt.parse::<rust_decimal::Decimal>().unwrap();
            assert_eq!(
                o.total
                    .as_ref()
                    .unwrap()
                    .parse::<rust_decimal::Decimal>()
                    .unwrap(),
                total
            );
            checked += 1;
        }
    }
    assert_eq!(checked, days.len() * 4);
}

mod garbage {
    use super::*;
    use proptest::prelude::*;

    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            Just(String::new()),
            Just("2026-02-30".to_string()),
            Just("urban_adult".to_string()),
            Just("dibao".to_string()),
            "[0-9-]{0,12}",
            "\\PC{0,12}",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Whatever the strings, household, diff and decision answer or give a typed error with
        /// both messages; they never panic.
        #[test]
        fn never_panic(a in text(), b in text(), c in text(), d in text(), y in 1980u16..2110, n in 0usize..15) {
            let members = (0..n).map(|i| MemberInput {
                category: if i % 2 == 0 { "urban_adult".into() } else { a.clone() },
                statuses: if i % 3 == 0 { vec![b.clone()] } else { Vec::new() },
                born: (i % 4 == 1).then(|| c.clone()),
            }).collect();
            let checks = [
                engine().household(&HouseholdRequest { scheme: "jilin-2016".into(), region: "jilin".into(), year: Some(y), date: None, members }).err(),
                engine().diff(&DiffRequest { person: PersonInput { category: a.clone(), ..adult() }, from: y, to: y.saturating_add(1) }).err(),
                engine().decision(&DecisionRequest {
                    person: adult(),
                    year: y,
                    today: c.clone(),
                    paid_on: Some(d.clone()),
                    enrolment: None,
                    claim: Some(ClaimInput { medfee_sumamt: b.clone(), date: d.clone(), ..bill("2026-04-01") }),
                }).err(),
            ];
            for e in checks.into_iter().flatten() {
                prop_assert!(!e.message_zh.is_empty() && !e.message_en.is_empty(), "{:?}", e);
            }
        }
    }
}
