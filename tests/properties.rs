//! Invariants over generated inputs: fund + resident = bill, nothing negative, no limit exceeded,
//! the resident's share never falls as the bill grows, a year equals the sum of its claims,
//! results lie inside their own ranges, premiums add up to the standard.

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

/// (scheme, region, category, statuses, kind, levels, year, paid_on)
#[derive(Clone, Debug)]
struct Setup {
    scheme: &'static str,
    region: &'static str,
    category: &'static str,
    kind: &'static str,
    level: &'static str,
    disease: Option<&'static str>,
    year: i32,
    paid_on: Option<&'static str>,
    statuses: &'static [&'static str],
}

fn setups() -> Vec<Setup> {
    let mut v = Vec::new();
    for region in ["prefecture", "county", "changchun"] {
        for level in ["community", "county", "city", "province"] {
            for (category, kind, disease) in [
                ("adult", "inpatient", None),
                ("student_child", "inpatient", None),
                ("adult", "outpatient_major", Some("cancer_therapy")),
                ("student_child", "student_accident", None),
            ] {
                v.push(Setup {
                    scheme: "jilin-2008",
                    region,
                    category,
                    kind,
                    level,
                    disease,
                    year: 2009,
                    paid_on: Some("2008-05-01"),
                    statuses: &[],
                });
            }
        }
    }
    for level in ["township", "county", "city", "province_or_outside"] {
        for category in ["resident", "student"] {
            v.push(Setup {
                scheme: "jiaxing-2008",
                region: "jiaxing",
                category,
                kind: "inpatient",
                level,
                disease: None,
                year: 2008,
                paid_on: None,
                statuses: &[],
            });
        }
    }
    v.push(Setup {
        scheme: "jiaxing-2008",
        region: "jiaxing",
        category: "resident",
        kind: "general_outpatient",
        level: "township",
        disease: None,
        year: 2008,
        paid_on: None,
        statuses: &[],
    });
    for level in ["community", "county", "city", "province"] {
        for category in ["urban_adult", "rural_adult", "student_child"] {
            v.push(Setup {
                scheme: "jilin-2016",
                region: "jilin",
                category,
                kind: "inpatient",
                level,
                disease: None,
                year: 2019,
                paid_on: None,
                statuses: &[],
            });
        }
    }
    // 2026: the basic fund, then 大病保险 and, for 低保 and 特困, 医疗救助
    for level in ["community", "city", "province"] {
        for statuses in [
            &[][..],
            &["dibao"],
            &["tekun_support"],
            &["poverty_registered"],
        ] {
            v.push(Setup {
                scheme: "jilin-2016",
                region: "jilin",
                category: "urban_adult",
                kind: "inpatient",
                level,
                disease: None,
                year: 2026,
                paid_on: None,
                statuses,
            });
        }
    }
    v
}

fn person(s: &Setup) -> PersonInput {
    PersonInput {
        scheme: s.scheme.into(),
        region: s.region.into(),
        category: s.category.into(),
        // pupils' accident cover is for pupils at school (jilin-2008 二(五)1)
        statuses: if s.kind == "student_accident" {
            vec!["school_pupil".into()]
        } else {
            s.statuses.iter().map(|x| x.to_string()).collect()
        },
    }
}

fn claim(s: &Setup, month: u8, fen_total: u64, fen_oos: u64) -> ClaimInput {
    let total = Decimal::new(fen_total as i64, 2);
    let oos = Decimal::new(fen_oos.min(fen_total) as i64, 2);
    ClaimInput {
        kind: s.kind.into(),
        level: s.level.into(),
        date: format!("{}-{:02}-15", s.year, month.clamp(1, 4)),
        medfee_sumamt: total.to_string(),
        fulamt_ownpay_amt: Some(oos.to_string()),
        disease: s.disease.map(Into::into),
    }
}

fn setup() -> impl Strategy<Value = Setup> {
    let all = setups();
    (0..all.len()).prop_map(move |i| all[i].clone())
}

fn check_claim(c: &ClaimResult) {
    let total = d(&c.medfee_sumamt);
    let fund = d(&c.hifp_pay);
    let (hifmi, maf) = (d(&c.hifmi_pay), d(&c.maf_pay));
    let psn = d(&c.psn_part_amt);
    // the layered form: the basic fund, 大病保险 and 医疗救助 with the resident's part make the bill
    assert_eq!(fund + hifmi + maf + psn, total, "funds + resident = bill");
    assert_eq!(
        fund + hifmi + maf,
        d(&c.fund_pay_sumamt),
        "fund_pay_sumamt is the sum of the funds"
    );
    for x in [
        &c.hifp_pay,
        &c.hifmi_pay,
        &c.maf_pay,
        &c.psn_part_amt,
        &c.act_pay_dedc,
        &c.coinsurance_amt,
        &c.above_limit_amt,
        &c.waiting_amt,
        &c.inscp_scp_amt,
    ] {
        assert!(d(x) >= Decimal::ZERO, "negative figure {x} in {c:?}");
    }
    assert_eq!(
        d(&c.fulamt_ownpay_amt)
            + d(&c.act_pay_dedc)
            + d(&c.coinsurance_amt)
            + d(&c.above_limit_amt)
            + d(&c.waiting_amt)
            - hifmi
            - maf,
        psn,
        "parts of the resident's share add up (less what the layers pay)"
    );
    assert!(
        hifmi + maf <= d(&c.act_pay_dedc) + d(&c.coinsurance_amt) + d(&c.above_limit_amt),
        "the layers pay only on the policy-scope cost left after the basic fund"
    );
    for (v, r) in [(hifmi, &c.ranges.hifmi_pay), (maf, &c.ranges.maf_pay)] {
        assert!(d(&r.low) <= v && v <= d(&r.high), "layer inside its range");
    }
    assert!(
        d(&c.ranges.hifp_pay.low) <= fund && fund <= d(&c.ranges.hifp_pay.high),
        "fund inside its range"
    );
    assert!(
        d(&c.ranges.psn_part_amt.low) <= psn && psn <= d(&c.ranges.psn_part_amt.high),
        "resident share inside its range"
    );
    assert!(
        fund <= d(&c.inscp_scp_amt),
        "the fund pays no more than the policy-scope amount"
    );
    let r = d(&c.pool_prop_selfpay);
    assert!(r >= Decimal::ZERO && r <= Decimal::ONE, "ratio in [0, 1]");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn one_claim_adds_up(s in setup(), total in 0u64..300_000_000, oos in 0u64..50_000_000) {
        let r = engine().claim(&ClaimRequest { person: person(&s), paid_on: s.paid_on.map(Into::into), renewed_without_break: None, enrolment: None, claim: claim(&s, 3, total, oos), explain: true, }).unwrap();
        check_claim(&r);
    }

    #[test]
    fn resident_share_never_falls_as_the_bill_grows(s in setup(), a in 0u64..100_000_000, b in 0u64..100_000_000, oos in 0u64..1_000_000) {
        let (lo, hi) = (a.min(b), a.max(b));
        let run = |t: u64| engine().claim(&ClaimRequest { person: person(&s), paid_on: s.paid_on.map(Into::into), renewed_without_break: None, enrolment: None, claim: claim(&s, 3, t, oos.min(lo)), explain: true, }).unwrap();
        let (x, y) = (run(lo), run(hi));
        prop_assert!(d(&x.psn_part_amt) <= d(&y.psn_part_amt), "{} > {}", x.psn_part_amt, y.psn_part_amt);
        prop_assert!(d(&x.hifp_pay) <= d(&y.hifp_pay));
    }

    #[test]
    fn a_year_is_the_sum_of_its_claims_and_respects_the_limit(s in setup(), bills in prop::collection::vec((1u8..=4, 0u64..8_000_000_000, 0u64..10_000_000), 1..12)) {
        let claims: Vec<ClaimInput> = bills.iter().map(|(m, t, o)| claim(&s, *m, *t, *o)).collect();
        let y = engine().year(&YearRequest { person: person(&s), paid_on: s.paid_on.map(Into::into), renewed_without_break: None, enrolment: None, claims, explain: true, }).unwrap();
        let sum = |f: fn(&ClaimResult) -> &String| y.claims.iter().map(|c| d(f(c))).sum::<Decimal>();
        prop_assert_eq!(sum(|c| &c.hifp_pay), d(&y.totals.hifp_pay));
        prop_assert_eq!(sum(|c| &c.psn_part_amt), d(&y.totals.psn_part_amt));
        prop_assert_eq!(sum(|c| &c.medfee_sumamt), d(&y.totals.medfee_sumamt));
        prop_assert_eq!(sum(|c| &c.hifmi_pay), d(&y.totals.hifmi_pay));
        prop_assert_eq!(sum(|c| &c.maf_pay), d(&y.totals.maf_pay));
        prop_assert_eq!(d(&y.totals.fund_pay_sumamt) + d(&y.totals.psn_part_amt), d(&y.totals.medfee_sumamt));
        prop_assert_eq!(d(&y.totals.hifp_pay) + d(&y.totals.hifmi_pay) + d(&y.totals.maf_pay), d(&y.totals.fund_pay_sumamt));
        for c in &y.claims { check_claim(c); }
        for l in &y.limits {
            prop_assert!(d(&l.used) <= d(&l.limit), "limit exceeded: {:?}", l);
            if l.limit_kind == "fund_payment" {
                let paid: Decimal = y.claims.iter().filter(|c| c.benefit_year_start == l.benefit_year_start).map(|c| d(&c.hifp_pay)).sum();
                prop_assert!(paid <= d(&l.limit));
            }
        }
        prop_assert!(d(&y.ranges.psn_part_amt.low) <= d(&y.totals.psn_part_amt) && d(&y.totals.psn_part_amt) <= d(&y.ranges.psn_part_amt.high));
    }
}

fn premium_people() -> Vec<(
    &'static str,
    &'static str,
    &'static str,
    Vec<&'static str>,
    &'static str,
)> {
    vec![
        ("jilin-2008", "prefecture", "adult", vec![], "2008-06-01"),
        ("jilin-2008", "county", "adult", vec!["dibao"], "2008-06-01"),
        (
            "jilin-2008",
            "prefecture",
            "adult",
            vec!["certified_poor_disabled", "low_income_elderly"],
            "2008-06-01",
        ),
        (
            "jilin-2008",
            "county",
            "adult",
            vec!["disabled_unable_to_work"],
            "2008-06-01",
        ),
        (
            "jilin-2008",
            "changchun",
            "student_child",
            vec!["severe_disabled_child"],
            "2008-06-01",
        ),
        (
            "jilin-2008",
            "changchun",
            "adult",
            vec!["dibao"],
            "2008-06-01",
        ),
        (
            "jiaxing-2008",
            "jiaxing",
            "resident",
            vec!["dibao"],
            "2008-06-01",
        ),
        (
            "jiaxing-2008",
            "jiaxing",
            "resident",
            vec!["nonlocal_enterprise_worker"],
            "2008-06-01",
        ),
        // coverage years from the annual files (the date's calendar year)
        (
            "jilin-2016",
            "jilin",
            "rural_adult",
            vec!["dibao"],
            "2026-06-01",
        ),
        (
            "jilin-2016",
            "jilin",
            "urban_adult",
            vec!["dibao"],
            "2025-06-01",
        ),
        (
            "jilin-2016",
            "jilin",
            "urban_adult",
            vec!["poverty_registered"],
            "2024-06-01",
        ),
        (
            "jilin-2016",
            "jilin",
            "student_child",
            vec!["tekun_support"],
            "2026-06-01",
        ),
        (
            "jilin-2016",
            "jilin",
            "rural_adult",
            vec!["orphan"],
            "2027-06-01",
        ),
        (
            "jiaxing-2008",
            "jiaxing",
            "resident",
            vec!["dibao"],
            "2024-06-01",
        ),
        (
            "jiangsu-2007",
            "nantong",
            "adult",
            vec!["dibao_family"],
            "2026-06-01",
        ),
        (
            "jiangsu-2007",
            "nantong",
            "student_child",
            vec![],
            "2025-06-01",
        ),
        (
            "jiangsu-2007",
            "county",
            "adult",
            vec!["employee_dependant"],
            "2007-06-01",
        ),
        (
            "jiangsu-2007",
            "city_district",
            "student_child",
            vec!["dibao_family", "employee_only_child"],
            "2007-06-01",
        ),
    ]
}

#[test]
fn premiums_add_up_to_the_standard_and_stay_in_range() {
    for (scheme, region, category, statuses, date) in premium_people() {
        let p = engine()
            .premium(&PremiumRequest {
                person: PersonInput {
                    scheme: scheme.into(),
                    region: region.into(),
                    category: category.into(),
                    statuses: statuses.iter().map(|s| s.to_string()).collect(),
                },
                date: Some(date.into()),
                year: None,
            })
            .unwrap();
        let paid: Decimal = p.payers.iter().map(|x| d(&x.amount)).sum();
        assert_eq!(
            d(&p.individual) + paid + d(&p.unassigned),
            d(&p.standard),
            "{scheme}/{region}/{category}/{statuses:?}"
        );
        assert!(
            d(&p.ranges.individual.low) <= d(&p.individual)
                && d(&p.individual) <= d(&p.ranges.individual.high)
        );
        for x in &p.payers {
            assert!(
                d(&x.range.low) <= d(&x.amount) && d(&x.amount) <= d(&x.range.high),
                "{scheme} {}",
                x.payer
            );
            assert!(d(&x.amount) >= Decimal::ZERO);
        }
        assert!(
            !p.steps.is_empty()
                && p.steps
                    .iter()
                    .all(|s| !s.clause.is_empty() && !s.doc.is_empty()),
            "every step cites its clause"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// `Money::plain` writes digits itself; it must say exactly what `Decimal` would.
    #[test]
    fn plain_money_equals_decimal_formatting(fen in 0u64..10_000_000_001) {
        let d = Decimal::new(fen as i64, 2);
        let m = yibao::money::Money::parse("x", &d.to_string()).unwrap();
        let mut want = d;
        want.rescale(2);
        prop_assert_eq!(m.plain(), want.to_string());
    }
}
