//! Enrolment continuity (`Engine::enrolment`): golden cases with their arithmetic, and
//! properties — more continuous years never lower the 大病保险 maximum, more years missed never
//! bring benefits earlier, extra years paid never delay them.

use proptest::prelude::*;
use rust_decimal::Decimal;
use yibao::api::*;
use yibao::{Engine, ErrorKind};

fn engine() -> &'static Engine {
    use std::sync::OnceLock;
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| Engine::builtin().expect("built-in policies load"))
}

fn jilin() -> PersonInput {
    PersonInput {
        scheme: "jilin-2016".into(),
        region: "jilin".into(),
        category: "urban_adult".into(),
        statuses: vec![],
    }
}

fn req(year: u16, cont: u16, missed: u16, window: bool, paid_on: Option<&str>) -> EnrolmentRequest {
    EnrolmentRequest {
        person: jilin(),
        year,
        years_continuous: cont,
        years_missed: missed,
        paid_in_window: window,
        extra_years_paid: 0,
        no_claim_last_year: false,
        paid_on: paid_on.map(Into::into),
    }
}

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

#[test]
fn missed_two_years_waits_four_months() {
    // 国办发〔2024〕38号: fixed 3 (N6) + 1 for the second year of break (N7) = 4 months;
    // paid 2026-03-10 → covered from 2026-07-10
    let r = engine()
        .enrolment(&req(2026, 0, 2, false, Some("2026-03-10")))
        .unwrap();
    assert!(r.waiting);
    assert_eq!(
        (
            r.fixed_months,
            r.variable_months,
            r.reduced_months,
            r.waiting_months
        ),
        (3, 1, 0, 4)
    );
    assert_eq!(r.benefits_from, "2026-07-10");
    let s = &r.steps[0];
    assert_eq!(s.id, "waiting");
    assert!(s.text_zh.contains("断保 2 年"), "{}", s.text_zh);
    assert!(s
        .figures
        .iter()
        .any(|f| f.source.as_ref().is_some_and(|x| x.id == "N6")));
    // after a break the continuous years count from this year: 1, no incentive; maximum 400,000
    assert_eq!(r.continuous_years, 1);
    assert_eq!(r.maximum.as_deref(), Some("400000.00"));
}

#[test]
fn extra_years_paid_shorten_the_variable_period() {
    // missed 4 years: 3 + (4 − 1) × 1 = 6 months; 2 extra years paid: − 2 → 4 months
    let mut q = req(2026, 0, 4, false, Some("2026-04-30"));
    q.extra_years_paid = 2;
    let r = engine().enrolment(&q).unwrap();
    assert_eq!(
        (
            r.fixed_months,
            r.variable_months,
            r.reduced_months,
            r.waiting_months
        ),
        (3, 3, 2, 4)
    );
    // 2026-04-30 + 4 months = 2026-08-30
    assert_eq!(r.benefits_from, "2026-08-30");
    // 10 extra years cannot cut the fixed 3 months
    q.extra_years_paid = 10;
    let r = engine().enrolment(&q).unwrap();
    assert_eq!(r.waiting_months, 3);
}

#[test]
fn in_the_window_without_a_break_no_waiting_and_the_incentives() {
    // 7 continuous years up to 2025, 2026 is the 8th: 8 − 4 = 4 years × 1 % of 400,000 = 16,000
    // (J11; J4: 4,000 a year); last year no reimbursement: + 1 % = 4,000 → 420,000
    let mut q = req(2026, 7, 0, true, Some("2025-12-01"));
    q.no_claim_last_year = true;
    let r = engine().enrolment(&q).unwrap();
    assert!(!r.waiting);
    assert_eq!(r.benefits_from, "2026-01-01");
    assert_eq!(r.continuous_years, 8);
    assert_eq!(r.maximum_base.as_deref(), Some("400000.00"));
    assert_eq!(r.maximum_raise.as_deref(), Some("20000.00"));
    assert_eq!(r.maximum.as_deref(), Some("420000.00"));
    let s = r.steps.iter().find(|s| s.id == "critical_maximum").unwrap();
    assert_eq!(s.amount.as_deref(), Some("420000.00"));
}

#[test]
fn enrolled_last_year_but_paid_late_waits_the_fixed_period() {
    // continuous but outside the window: fixed 3 months, no variable part; 2026-03-15 → 2026-06-15
    let r = engine()
        .enrolment(&req(2026, 3, 0, false, Some("2026-03-15")))
        .unwrap();
    assert_eq!(r.waiting_months, 3);
    assert_eq!(r.benefits_from, "2026-06-15");
    // 4 continuous years with 2026: none after the 4th → no raise
    assert_eq!(r.maximum_raise.as_deref(), Some("0.00"));
}

#[test]
fn jiaxing_third_calendar_month() {
    // X1: "从缴费月起的第三个自然月开始享受待遇": paid 2024-03-20 → March, April, May → 2024-05-01
    let r = engine()
        .enrolment(&EnrolmentRequest {
            person: PersonInput {
                scheme: "jiaxing-2008".into(),
                region: "jiaxing".into(),
                category: "resident".into(),
                statuses: vec![],
            },
            year: 2024,
            years_continuous: 0,
            years_missed: 1,
            paid_in_window: false,
            extra_years_paid: 0,
            no_claim_last_year: false,
            paid_on: Some("2024-03-20".into()),
        })
        .unwrap();
    assert_eq!(r.benefits_from, "2024-05-01");
    assert!(r.maximum.is_none(), "Jiaxing's 大病保险 was not found");
    assert!(!r.notices.is_empty());
}

#[test]
fn refusals() {
    let e = engine();
    // a waiting period without a payment date
    let err = e.enrolment(&req(2026, 0, 2, false, None)).unwrap_err();
    assert_eq!(err.kind, ErrorKind::InvalidInput);
    assert_eq!(err.field.as_deref(), Some("paid_on"));
    // both continuous and missed
    let err = e
        .enrolment(&req(2026, 3, 2, false, Some("2026-03-01")))
        .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("years_missed"));
    // a year before any waiting rule (Jilin's rule is from 2025)
    let err = e.enrolment(&req(2024, 3, 0, true, None)).unwrap_err();
    assert_eq!(err.kind, ErrorKind::BenefitsNotDefined);
    // absurd counts
    let err = e.enrolment(&req(2026, 500, 0, true, None)).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("years_continuous"));
}

proptest! {
    #[test]
    fn more_continuous_years_never_lower_the_maximum(a in 0u16..60, b in 0u16..60, nc in any::<bool>()) {
        let (lo, hi) = (a.min(b), a.max(b));
        let run = |c: u16| {
            let mut q = req(2026, c, 0, true, None);
            q.no_claim_last_year = nc;
            engine().enrolment(&q).unwrap()
        };
        let (x, y) = (run(lo), run(hi));
        prop_assert!(d(x.maximum.as_deref().unwrap()) <= d(y.maximum.as_deref().unwrap()));
        prop_assert!(d(x.maximum.as_deref().unwrap()) >= d("400000"));
    }

    #[test]
    fn more_years_missed_never_bring_benefits_earlier(a in 1u16..30, b in 1u16..30, extra in 0u16..10, day in 1u32..300) {
        let (lo, hi) = (a.min(b), a.max(b));
        let paid = format!("2026-{:02}-{:02}", 1 + (day / 28) % 12, 1 + day % 28);
        let run = |m: u16| {
            let mut q = req(2026, 0, m, false, Some(&paid));
            q.extra_years_paid = extra;
            engine().enrolment(&q).unwrap()
        };
        let (x, y) = (run(lo), run(hi));
        prop_assert!(x.benefits_from <= y.benefits_from);
        prop_assert!(x.waiting_months >= 3 && x.waiting_months <= y.waiting_months);
        prop_assert!(x.benefits_from.as_str() > paid.as_str());
    }
}
