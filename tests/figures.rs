//! The figures-only calls (`Engine::claim_figures`, `Engine::year_figures`) against the full ones:
//! for every scenario case and for generated requests, the figures equal the full result's
//! assumed figures, `assumed` is set whenever the full result lists an assumption (and when it is
//! not set the ranges are single values), and bad input gives the very same error.

mod common;

use common::{scenario_files, Case};
use proptest::prelude::*;
use yibao::api::*;
use yibao::{Engine, Error};

fn engine() -> &'static Engine {
    use std::sync::OnceLock;
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| Engine::builtin().expect("built-in policies load"))
}

fn same_error(label: &str, a: &Error, b: &Error) {
    assert_eq!(a.code(), b.code(), "{label}: code");
    assert_eq!(a.field, b.field, "{label}: field");
    assert_eq!(a.message_zh, b.message_zh, "{label}: message_zh");
    assert_eq!(a.message_en, b.message_en, "{label}: message_en");
    assert_eq!(a.clause, b.clause, "{label}: clause");
    assert_eq!(a.file, b.file, "{label}: file");
}

fn single(r: &Range) -> bool {
    r.low == r.high
}

fn same_claim(label: &str, f: &ClaimFigures, c: &ClaimResult) {
    let pairs = [
        ("medfee_sumamt", &f.medfee_sumamt, &c.medfee_sumamt),
        (
            "fulamt_ownpay_amt",
            &f.fulamt_ownpay_amt,
            &c.fulamt_ownpay_amt,
        ),
        ("inscp_scp_amt", &f.inscp_scp_amt, &c.inscp_scp_amt),
        ("act_pay_dedc", &f.act_pay_dedc, &c.act_pay_dedc),
        ("hifp_pay", &f.hifp_pay, &c.hifp_pay),
        ("psn_part_amt", &f.psn_part_amt, &c.psn_part_amt),
        ("coinsurance_amt", &f.coinsurance_amt, &c.coinsurance_amt),
        ("above_limit_amt", &f.above_limit_amt, &c.above_limit_amt),
        ("limit", &f.limit, &c.limit),
        ("limit_used", &f.limit_used, &c.limit_used),
        ("hifmi_pay", &f.hifmi_pay, &c.hifmi_pay),
        ("maf_pay", &f.maf_pay, &c.maf_pay),
    ];
    for (name, a, b) in pairs {
        assert_eq!(a, b, "{label}: {name}");
    }
    assert_eq!(
        f.waiting_amt.as_deref().unwrap_or("0.00"),
        c.waiting_amt,
        "{label}: waiting_amt"
    );
    assert_eq!(
        f.waiting_amt.is_some(),
        c.waiting_amt != "0.00",
        "{label}: waiting_amt present only when not zero"
    );
}

/// Claim figures against the full claim (explained and lean), or the same error.
fn check_claim(label: &str, r: &ClaimRequest) -> bool {
    let e = engine();
    let full = e.claim(&ClaimRequest {
        explain: true,
        ..r.clone()
    });
    let lean = e.claim(&ClaimRequest {
        explain: false,
        ..r.clone()
    });
    let figs = e.claim_figures(r);
    match (full, lean, figs) {
        (Ok(full), Ok(lean), Ok(f)) => {
            same_claim(label, &f, &full);
            same_claim(label, &f, &lean);
            assert_eq!(
                full.ranges, lean.ranges,
                "{label}: ranges explained vs lean"
            );
            if !full.assumptions.is_empty() {
                assert!(
                    f.assumed,
                    "{label}: assumptions listed but assumed is false"
                );
            }
            if !f.assumed {
                assert!(
                    single(&full.ranges.hifp_pay) && single(&full.ranges.psn_part_amt),
                    "{label}: not assumed but the ranges are spans: {:?}",
                    full.ranges
                );
                assert_eq!(full.ranges.hifp_pay.low, f.hifp_pay, "{label}");
            }
            true
        }
        (Err(a), Err(b), Err(c)) => {
            same_error(label, &a, &b);
            same_error(label, &a, &c);
            false
        }
        (a, b, c) => panic!(
            "{label}: claim {:?} / lean {:?} / figures {:?} disagree on success",
            a.map(|x| x.hifp_pay),
            b.map(|x| x.hifp_pay),
            c.map(|x| x.hifp_pay)
        ),
    }
}

/// Year figures against the full year (explained and lean), or the same error.
fn check_year(label: &str, r: &YearRequest) -> bool {
    let e = engine();
    let full = e.year(&YearRequest {
        explain: true,
        ..r.clone()
    });
    let lean = e.year(&YearRequest {
        explain: false,
        ..r.clone()
    });
    let figs = e.year_figures(r);
    match (full, lean, figs) {
        (Ok(full), Ok(lean), Ok(f)) => {
            assert_eq!(f.claims.len(), full.claims.len(), "{label}: claims");
            assert_eq!(f.order, full.order, "{label}: order");
            assert_eq!(f.totals, full.totals, "{label}: totals");
            assert_eq!(lean.totals, full.totals, "{label}: lean totals");
            assert_eq!(
                full.ranges, lean.ranges,
                "{label}: ranges explained vs lean"
            );
            for (j, (a, b)) in f.claims.iter().zip(&full.claims).enumerate() {
                same_claim(&format!("{label} claims[{j}]"), a, b);
                if !b.assumptions.is_empty() {
                    assert!(
                        a.assumed,
                        "{label} claims[{j}]: assumptions but not assumed"
                    );
                }
            }
            if full.claims.iter().any(|c| !c.assumptions.is_empty()) {
                assert!(
                    f.assumed,
                    "{label}: assumptions listed but assumed is false"
                );
            }
            assert_eq!(f.assumed, f.claims.iter().any(|c| c.assumed), "{label}");
            if !f.assumed {
                assert!(
                    single(&full.ranges.hifp_pay) && single(&full.ranges.psn_part_amt),
                    "{label}: not assumed but the ranges are spans"
                );
            }
            true
        }
        (Err(a), Err(b), Err(c)) => {
            same_error(label, &a, &b);
            same_error(label, &a, &c);
            false
        }
        (a, b, c) => panic!(
            "{label}: year {:?} / lean {:?} / figures {:?} disagree on success",
            a.map(|x| x.totals),
            b.map(|x| x.totals),
            c.map(|x| x.totals)
        ),
    }
}

/// A claim for a case that has none (premium and eligibility cases): the scheme's first claim
/// kind at its first level, on the case's date or the policy's first day.
fn some_claim(c: &Case) -> ClaimInput {
    let cat = engine().catalogue();
    let s = cat.schemes.iter().find(|s| s.id == c.person.scheme);
    let kind = s.and_then(|s| s.claim_kinds.first());
    ClaimInput {
        kind: kind.map_or("inpatient".into(), |k| k.id.clone()),
        level: s
            .and_then(|s| s.levels.first())
            .map_or("city".into(), |l| l.id.clone()),
        date: c
            .date
            .clone()
            .or_else(|| s.map(|s| s.effective_from.clone()))
            .unwrap_or_else(|| "2010-01-01".into()),
        medfee_sumamt: "12345.67".into(),
        fulamt_ownpay_amt: Some("345.6".into()),
        disease: kind.and_then(|k| k.diseases.first()).map(|d| d.id.clone()),
    }
}

#[test]
fn every_scenario_case() {
    let (mut cases, mut settled) = (0, 0);
    for (f, file) in &scenario_files() {
        for c in &file.case {
            cases += 1;
            let label = format!("{} › {} ({})", f.display(), c.name, c.op);
            let claim = c.claim.clone().unwrap_or_else(|| some_claim(c));
            let req = ClaimRequest {
                person: c.person.clone(),
                paid_on: c.paid_on.clone(),
                renewed_without_break: None,
                enrolment: None,
                claim: claim.clone(),
                explain: true,
            };
            settled += usize::from(check_claim(&label, &req));
            let claims = c.claims.clone().unwrap_or_else(|| vec![claim]);
            let year = YearRequest {
                person: c.person.clone(),
                paid_on: c.paid_on.clone(),
                renewed_without_break: None,
                enrolment: None,
                claims,
                explain: true,
            };
            check_year(&label, &year);
        }
    }
    assert!(cases >= 77, "only {cases} cases");
    assert!(settled >= 30, "only {settled} cases settled");
}

/// (scheme, region, category, kind, level, disease, year, paid_on)
type Setup = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    i32,
    Option<&'static str>,
);

fn setups() -> Vec<Setup> {
    let mut v = Vec::new();
    for region in ["prefecture", "county", "changchun"] {
        for level in ["community", "county", "city", "province"] {
            for (cat, kind, dis) in [
                ("adult", "inpatient", None),
                ("student_child", "inpatient", None),
                ("adult", "outpatient_major", Some("cancer_therapy")),
                ("student_child", "student_accident", None),
            ] {
                v.push((
                    "jilin-2008",
                    region,
                    cat,
                    kind,
                    level,
                    dis,
                    2009,
                    Some("2008-05-01"),
                ));
                v.push((
                    "jilin-2008",
                    region,
                    cat,
                    kind,
                    level,
                    dis,
                    2008,
                    Some("2008-06-20"),
                ));
            }
        }
    }
    for level in ["township", "county", "city", "province_or_outside"] {
        for cat in ["resident", "student"] {
            v.push((
                "jiaxing-2008",
                "jiaxing",
                cat,
                "inpatient",
                level,
                None,
                2008,
                None,
            ));
        }
    }
    v.push((
        "jiaxing-2008",
        "jiaxing",
        "resident",
        "general_outpatient",
        "township",
        None,
        2008,
        None,
    ));
    for level in ["community", "county", "city", "province"] {
        for cat in ["urban_adult", "rural_adult", "student_child"] {
            v.push((
                "jilin-2016",
                "jilin",
                cat,
                "inpatient",
                level,
                None,
                2019,
                None,
            ));
        }
    }
    for s in engine().catalogue().schemes {
        // every scheme at least once, whatever it is
        let Some(k) = s.claim_kinds.first() else {
            continue;
        };
        let leak = |x: &str| -> &'static str { Box::leak(x.to_string().into_boxed_str()) };
        let year: i32 = s.effective_from[..4].parse().unwrap();
        v.push((
            leak(&s.id),
            leak(&s.regions[0].id),
            leak(&s.categories[0].id),
            leak(&k.id),
            leak(&s.levels[0].id),
            k.diseases.first().map(|d| leak(&d.id)),
            year + 1,
            None,
        ));
    }
    v
}

fn setup() -> impl Strategy<Value = Setup> {
    let all = setups();
    (0..all.len()).prop_map(move |i| all[i])
}

fn person(s: &Setup) -> PersonInput {
    PersonInput {
        scheme: s.0.into(),
        region: s.1.into(),
        category: s.2.into(),
        statuses: vec![],
    }
}

fn claim(s: &Setup, month: u8, day: u8, fen_total: u64, fen_oos: u64) -> ClaimInput {
    let (t, o) = (fen_total, fen_oos);
    ClaimInput {
        kind: s.3.into(),
        level: s.4.into(),
        date: format!("{}-{:02}-{:02}", s.6, month.clamp(1, 12), day.clamp(1, 28)),
        medfee_sumamt: fen::text(t),
        fulamt_ownpay_amt: Some(fen::text(o.min(t))),
        disease: s.5.map(Into::into),
    }
}

/// Amounts as text from whole fen, without floats.
mod fen {
    pub fn text(fen: u64) -> String {
        format!("{}.{:02}", fen / 100, fen % 100)
    }
}

/// Input that may be wrong: each field either right or from a small set of wrong values.
fn wrong(right: String, bad: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop_oneof![
        4 => Just(right),
        1 => prop::sample::select(bad).prop_map(String::from),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn claim_figures_equal_the_claim(s in setup(), month in 1u8..=12, day in 1u8..=28,
                                     total in 0u64..300_000_000, oos in 0u64..50_000_000) {
        let r = ClaimRequest {
            person: person(&s),
            paid_on: s.7.map(Into::into),
            renewed_without_break: None,
            enrolment: None,
            claim: claim(&s, month, day, total, oos),
            explain: true,
        };
        check_claim(&format!("{r:?}"), &r);
    }

    #[test]
    fn year_figures_equal_the_year(s in setup(),
            bills in prop::collection::vec((1u8..=12, 1u8..=28, 0u64..8_000_000_000, 0u64..10_000_000), 1..24)) {
        let claims = bills.iter().map(|(m, d, t, o)| claim(&s, *m, *d, *t, *o)).collect();
        let r = YearRequest { person: person(&s), paid_on: s.7.map(Into::into), renewed_without_break: None, enrolment: None, claims, explain: false };
        check_year(&format!("{r:?}"), &r);
    }

    #[test]
    fn bad_input_gives_the_same_errors(s in setup(), total in 0u64..30_000_000,
            kind in wrong(String::new(), &["", "dental", "inpatient", "student_accident"]),
            level in wrong(String::new(), &["", "moon", "city", "township"]),
            date in wrong(String::new(), &["", "2008-02-30", "1989-12-31", "2101-01-01", "2008-1-1", "2030-06-01", "2000-06-01"]),
            amount in wrong(String::new(), &["", "-1", "1.234", "abc", "100000001", "¥1,000.5", " 12 "]),
            oos in wrong(String::new(), &["", "-5", "999999999", "1e3", "20,000"]),
            paid_on in wrong(String::new(), &["", "2008-13-01", "2099-01-01", "1995-01-01", "2008-12-31"]),
            category in wrong(String::new(), &["", "alien", "student_child", "adult"]),
            statuses in wrong(String::new(), &["poor", "disabled", "low_income", "retired"])) {
        let mut c = claim(&s, 6, 15, total, total / 7);
        let pick = |x: String, right: &str| if x.is_empty() { right.to_string() } else { x };
        c.kind = pick(kind, &c.kind);
        c.level = pick(level, &c.level);
        c.date = pick(date, &c.date);
        c.medfee_sumamt = pick(amount, &c.medfee_sumamt);
        c.fulamt_ownpay_amt = Some(pick(oos, c.fulamt_ownpay_amt.as_deref().unwrap_or("")));
        let mut p = person(&s);
        p.category = pick(category, &p.category);
        if !statuses.is_empty() {
            p.statuses = vec![statuses];
        }
        let paid_on = if paid_on.is_empty() { s.7.map(Into::into) } else { Some(paid_on) };
        let r = ClaimRequest { person: p.clone(), paid_on: paid_on.clone(), renewed_without_break: None, enrolment: None, claim: c.clone(), explain: true };
        check_claim(&format!("{r:?}"), &r);
        let good = claim(&s, 3, 1, total, 0);
        let y = YearRequest { person: p, paid_on, renewed_without_break: None, enrolment: None, claims: vec![good, c], explain: true };
        check_year(&format!("{y:?}"), &y);
    }
}

#[test]
fn empty_and_oversized_years_fail_alike() {
    let s = setups()[0];
    for n in [0, 401] {
        let r = YearRequest {
            person: person(&s),
            paid_on: s.7.map(Into::into),
            renewed_without_break: None,
            enrolment: None,
            claims: vec![claim(&s, 3, 1, 100_000, 0); n],
            explain: true,
        };
        assert!(!check_year(&format!("{n} claims"), &r));
    }
}
