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
        paid_in_window: Some(window),
        extra_years_paid: 0,
        no_claim_last_year: false,
        paid_on: paid_on.map(Into::into),
        exempt: None,
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
    // missed 3 years: 3 + (3 − 1) × 1 = 5 months; 2 extra years paid: − 2 → 3 months
    let mut q = req(2026, 0, 3, false, Some("2026-04-30"));
    q.extra_years_paid = 2;
    let r = engine().enrolment(&q).unwrap();
    assert_eq!(
        (
            r.fixed_months,
            r.variable_months,
            r.reduced_months,
            r.floor_months,
            r.waiting_months
        ),
        (3, 2, 2, 0, 3)
    );
    // 2026-04-30 + 3 months = 2026-07-30
    assert_eq!(r.benefits_from, "2026-07-30");
    // 10 extra years cannot cut the fixed 3 months
    q.extra_years_paid = 10;
    let r = engine().enrolment(&q).unwrap();
    assert_eq!(r.waiting_months, 3);
}

#[test]
fn a_break_of_four_years_or_more_keeps_six_months() {
    // N12 (国办发〔2024〕38号): "连续断缴4年及以上的，修复后固定待遇等待期和变动待遇等待期之和原则上
    // 不少于6个月". Missed 4, 2 extra paid: 3 + 3 − 2 = 4 → raised to 6 (2 added).
    let mut q = req(2026, 0, 4, false, Some("2026-04-30"));
    q.extra_years_paid = 2;
    let r = engine().enrolment(&q).unwrap();
    assert_eq!(
        (
            r.variable_months,
            r.reduced_months,
            r.floor_months,
            r.waiting_months
        ),
        (3, 2, 2, 6)
    );
    assert_eq!(r.benefits_from, "2026-10-30");
    assert!(
        r.steps[0].text_zh.contains("不少于 6 个月"),
        "{}",
        r.steps[0].text_zh
    );
    assert!(r.steps[0]
        .figures
        .iter()
        .any(|f| f.role == "long_break_min_months"));
    // the review's case: missed 5, 5 extra paid: 3 + 4 − 4 = 3 → 6
    let mut q = req(2026, 0, 5, false, Some("2026-03-10"));
    q.extra_years_paid = 5;
    let r = engine().enrolment(&q).unwrap();
    assert_eq!((r.floor_months, r.waiting_months), (3, 6));
    assert_eq!(r.benefits_from, "2026-09-10");
    // without extra years paid the floor adds nothing: 3 + 4 = 7
    let r = engine()
        .enrolment(&req(2026, 0, 5, false, Some("2026-03-10")))
        .unwrap();
    assert_eq!((r.floor_months, r.waiting_months), (0, 7));
}

#[test]
fn newborns_wait_none_and_the_unlisted_groups_get_a_range() {
    // the exemption 38号 names: no waiting period, citing the clause
    let mut q = req(2026, 0, 0, false, Some("2026-03-10"));
    q.person.category = "student_child".into();
    q.exempt = Some("newborn".into());
    let r = engine().enrolment(&q).unwrap();
    assert!(!r.waiting);
    assert_eq!(r.exempt.as_deref(), Some("newborn"));
    assert_eq!(
        (r.waiting_months, r.benefits_from.as_str()),
        (0, "2026-03-10")
    );
    assert!(
        r.steps[0].text_zh.contains("新生儿不设待遇等待期"),
        "{}",
        r.steps[0].text_zh
    );
    assert_eq!(r.steps[0].clause, "待遇等待期");
    // an exemption the rule does not name is refused with the ones it does
    q.exempt = Some("veteran".into());
    let err = engine().enrolment(&q).unwrap_err();
    assert_eq!(err.kind, ErrorKind::UnknownId);
    assert!(err.message_zh.contains("newborn"));
    // a 特困 child paying late: "等特殊群体" lists no one else, so the waiting period is taken
    // as applying, and the answer says that at best (if exempt locally) it starts on payment
    let mut q = req(2026, 0, 0, false, Some("2026-03-10"));
    q.person.category = "student_child".into();
    q.person.statuses = vec!["tekun_support".into()];
    let r = engine().enrolment(&q).unwrap();
    assert!(r.waiting);
    assert_eq!(r.benefits_from, "2026-06-10");
    assert_eq!(r.benefits_from_earliest.as_deref(), Some("2026-03-10"));
    assert!(
        r.notices.iter().any(|n| n.zh.contains("名单未找到")),
        "{:?}",
        r.notices
    );
    // a resident with no such status: no range
    let r = engine()
        .enrolment(&req(2026, 0, 0, false, Some("2026-03-10")))
        .unwrap();
    assert_eq!(r.benefits_from_earliest, None);
    // with the status but no waiting period (in the window, no break): nothing to range over
    let mut q = req(2026, 3, 0, true, Some("2025-12-01"));
    q.person.statuses = vec!["dibao".into()];
    let r = engine().enrolment(&q).unwrap();
    assert_eq!((r.waiting, r.benefits_from_earliest), (false, None));
    assert!(
        !r.notices.iter().any(|n| n.zh.contains("名单未找到")),
        "{:?}",
        r.notices
    );
}

#[test]
fn the_window_is_read_from_the_payment_date_when_not_said() {
    // J3: 2026's window is 2025-11-01 to 2026-02-28
    let mut q = req(2026, 3, 0, true, Some("2026-03-10"));
    q.paid_in_window = None;
    let r = engine().enrolment(&q).unwrap();
    assert!(!r.in_window && r.waiting);
    assert_eq!(r.benefits_from, "2026-06-10");
    assert!(
        r.steps[0].text_zh.contains("2025-11-01 至 2026-02-28"),
        "{}",
        r.steps[0].text_zh
    );
    q.paid_on = Some("2026-02-28".into());
    let r = engine().enrolment(&q).unwrap();
    assert!(r.in_window && !r.waiting);
    assert_eq!(r.benefits_from, "2026-01-01");
    // said explicitly, it is taken as said
    q.paid_on = Some("2026-03-10".into());
    q.paid_in_window = Some(true);
    assert!(!engine().enrolment(&q).unwrap().waiting);
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
            paid_in_window: Some(false),
            extra_years_paid: 0,
            no_claim_last_year: false,
            paid_on: Some("2024-03-20".into()),
            exempt: None,
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

/// A ¥50,000 inpatient claim at the highest level, with the enrolment of `q` (the same inputs).
fn claim_like(q: &EnrolmentRequest, date: &str) -> Result<ClaimResult, yibao::Error> {
    let level = if q.person.scheme == "jiaxing-2008" {
        "township"
    } else {
        "province"
    };
    engine().claim(&ClaimRequest {
        person: q.person.clone(),
        paid_on: q.paid_on.clone(),
        renewed_without_break: None,
        enrolment: Some(EnrolmentIn {
            paid_in_window: q.paid_in_window,
            years_missed: q.years_missed,
            extra_years_paid: q.extra_years_paid,
            exempt: q.exempt.clone(),
        }),
        claim: ClaimInput {
            kind: "inpatient".into(),
            level: level.into(),
            date: date.into(),
            medfee_sumamt: "50000".into(),
            fulamt_ownpay_amt: None,
            disease: None,
        },
        explain: true,
    })
}

fn day_before(s: &str) -> String {
    let d = yibao::date::Date::parse("d", s).unwrap();
    d.pred().to_string()
}

/// `enrolment` and `claim` decide the date benefits start with one function: over a grid of
/// enrolments (in or out of the window, said or read from the date, years missed, extra years
/// paid, exempt or possibly exempt), a claim on the day `enrolment` names is paid and a claim the
/// day before is not; at the best end (an unlisted exemption) the claim's range reaches the paid
/// answer; errors are the same.
#[test]
fn claims_and_enrolment_agree_on_when_benefits_start() {
    let mut checked = 0;
    let people: [(&str, &str, &str, &[&str]); 3] = [
        ("jilin-2016", "jilin", "urban_adult", &[]),
        ("jilin-2016", "jilin", "student_child", &["tekun_support"]),
        ("jiaxing-2008", "jiaxing", "resident", &[]),
    ];
    for (scheme, region, cat, st) in people {
        let (year, dates): (u16, &[&str]) = if scheme == "jiaxing-2008" {
            (2024, &["2024-01-10", "2024-03-20", "2024-11-30"])
        } else {
            (
                2026,
                &[
                    "2025-11-15",
                    "2026-02-28",
                    "2026-03-10",
                    "2026-07-01",
                    "2026-12-20",
                ],
            )
        };
        for paid in dates.iter().map(|d| Some(*d)).chain([None]) {
            for window in [None, Some(true), Some(false)] {
                for (missed, extra) in [(0, 0), (1, 0), (2, 1), (4, 0), (4, 3), (6, 6)] {
                    for exempt in [None, Some("newborn")] {
                        let mut q = req(year, 0, missed, true, paid);
                        q.person = PersonInput {
                            scheme: scheme.into(),
                            region: region.into(),
                            category: cat.into(),
                            statuses: st.iter().map(|s| s.to_string()).collect(),
                        };
                        q.paid_in_window = window;
                        q.extra_years_paid = extra;
                        q.exempt = exempt.map(Into::into);
                        checked += agree(&q);
                    }
                }
            }
        }
    }
    assert!(checked > 150, "{checked}");
}

/// One grid point of the agreement; 1 when a claim was compared.
fn agree(q: &EnrolmentRequest) -> usize {
    let label = format!("{q:?}");
    let e = engine().enrolment(q);
    let paid = q.paid_on.clone();
    let probe = paid.clone().unwrap_or_else(|| format!("{}-06-01", q.year));
    let r = match e {
        Ok(r) => r,
        Err(err) => {
            // the claim refuses alike (an exemption the rule does not name, no payment date)
            match claim_like(q, &probe) {
                Err(c) => assert_eq!(c.kind, err.kind, "{label}: {c:?} vs {err:?}"),
                Ok(_) => assert!(
                    err.kind == ErrorKind::BenefitsNotDefined,
                    "{label}: {err:?}"
                ),
            }
            return 0;
        }
    };
    let from = r.benefits_from.clone();
    let first_paid = paid.clone().map_or(from.clone(), |p| p.max(from.clone()));
    let on = match claim_like(q, &first_paid) {
        Ok(c) => c,
        // a scheme whose benefits are not in force then (Jiaxing's 2008 document in 2024)
        Err(e) if e.kind == ErrorKind::DateOutsidePolicy => return 0,
        Err(e) => panic!("{label}: {e:?}"),
    };
    assert_eq!(on.waiting_amt, "0.00", "{label}: paid from {from}");
    let before = day_before(&from);
    if paid.as_deref().is_some_and(|p| p <= before.as_str()) {
        let c = claim_like(q, &before).unwrap_or_else(|e| panic!("{label}: {e:?}"));
        assert_eq!(
            c.waiting_amt, c.inscp_scp_amt,
            "{label}: {before} is before {from}"
        );
        assert_eq!(c.hifp_pay, "0.00", "{label}");
        assert!(
            c.steps
                .iter()
                .any(|s| s.id == "waiting" && s.text_zh.contains(&from)),
            "{label}"
        );
        // possibly exempt: at the best end the claim is paid as it would be from the earliest day
        if let Some(early) = &r.benefits_from_earliest {
            assert!(early.as_str() <= before.as_str(), "{label}");
            assert_ne!(
                c.ranges.psn_part_amt.low, c.ranges.psn_part_amt.high,
                "{label}"
            );
            assert_eq!(
                c.ranges.psn_part_amt.low, on.ranges.psn_part_amt.low,
                "{label}"
            );
        }
    }
    1
}
