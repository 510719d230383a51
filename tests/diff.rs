//! 与上年相比 (`Engine::diff`): each year's lines are that year's own premium answer, the change
//! is the difference, both years' sources are given; a year without a source is not compared.

use rust_decimal::Decimal;
use yibao::api::*;
use yibao::Engine;

fn engine() -> &'static Engine {
    use std::sync::OnceLock;
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| Engine::builtin().expect("built-in policies"))
}

fn adult(statuses: &[&str]) -> PersonInput {
    PersonInput {
        scheme: "jilin-2016".into(),
        region: "jilin".into(),
        category: "urban_adult".into(),
        statuses: statuses.iter().map(|s| s.to_string()).collect(),
    }
}

fn diff(person: PersonInput, from: u16, to: u16) -> DiffResult {
    engine().diff(&DiffRequest { person, from, to }).unwrap()
}

fn line<'a>(lines: &'a [DiffLine], id: &str) -> &'a DiffLine {
    lines
        .iter()
        .find(|l| l.id == id)
        .unwrap_or_else(|| panic!("no line {id}"))
}

fn source(l: &Option<PremiumLine>) -> (String, String) {
    let s = l
        .as_ref()
        .and_then(|l| l.figure.as_ref())
        .and_then(|f| f.source.as_ref())
        .expect("a source");
    (s.id.clone(), s.grade.clone())
}

/// The case: a Jilin adult from 2025 to 2026 — the subsidy 670 → 700 (N3 → N4, national
/// floors) and the individual 400 → 400 (J1, grade A → J3, grade B).
#[test]
fn jilin_adult_2025_to_2026() {
    let d = diff(adult(&[]), 2025, 2026);
    assert!(d.compared);
    let sub = line(&d.lines, "payer_government");
    assert_eq!(
        (
            sub.from.as_ref().unwrap().amount.as_str(),
            sub.to.as_ref().unwrap().amount.as_str()
        ),
        ("670.00", "700.00")
    );
    assert_eq!(sub.change.as_deref(), Some("+30"));
    assert!(sub.assumed, "both are national floors");
    assert_eq!(source(&sub.from), ("N3".into(), "B".into()));
    assert_eq!(source(&sub.to), ("N4".into(), "A/B".into()));
    let ind = line(&d.lines, "individual");
    assert_eq!(
        (
            ind.from.as_ref().unwrap().amount.as_str(),
            ind.to.as_ref().unwrap().amount.as_str()
        ),
        ("400.00", "400.00")
    );
    assert_eq!(ind.change.as_deref(), Some("0"));
    assert!(!ind.assumed);
    assert_eq!(source(&ind.from), ("J1".into(), "A".into()));
    assert_eq!(source(&ind.to), ("J3".into(), "B".into()));
    assert!(
        d.from.sources.iter().any(|s| s.id == "J1") && d.to.sources.iter().any(|s| s.id == "J3")
    );
    assert_eq!(d.from.collection_to.as_deref(), Some("2025-02-28"));
    // the benefits: 大病保险 from 2026-01-15 only; 2025's rule was not found, so no change
    let max = line(&d.benefits, "critical_maximum");
    assert!(max.from.is_none() && max.change.is_none());
    assert_eq!(max.to.as_ref().unwrap().amount, "400000");
    let wait = line(&d.benefits, "waiting_fixed_months");
    assert_eq!(
        (wait.unit.as_str(), wait.change.as_deref()),
        ("months", Some("0"))
    );
}

/// 2023 has no source: it says so (year_not_sourced, naming the sourced years) and nothing is
/// compared; 2024's individual share is an assumption and says so.
#[test]
fn a_year_without_a_source_is_not_compared() {
    let d = diff(adult(&[]), 2023, 2024);
    assert!(!d.compared);
    assert_eq!(d.from.status, "not_sourced");
    let e = d.from.error.as_ref().unwrap();
    assert_eq!(e.code, "year_not_sourced");
    assert!(
        e.message_zh.contains("有来源的医保年度"),
        "{}",
        e.message_zh
    );
    assert!(d
        .lines
        .iter()
        .all(|l| l.from.is_none() && l.change.is_none()));
    assert_eq!(
        line(&d.lines, "individual")
            .to
            .as_ref()
            .unwrap()
            .figure
            .as_ref()
            .unwrap()
            .basis,
        "assumed"
    );
    assert!(d
        .notices
        .iter()
        .any(|n| n.zh.contains("2023") && n.zh.contains("不作比较")));
}

#[test]
fn a_projection_is_compared_and_labelled() {
    let d = diff(adult(&[]), 2026, 2027);
    assert!(d.compared);
    assert_eq!(d.to.status, "projection");
    assert!(d.lines.iter().all(|l| l.assumed));
    assert_eq!(
        line(&d.lines, "payer_government").change.as_deref(),
        Some("+24")
    );
    assert!(d.notices.iter().any(|n| n.zh.contains("预测")));
}

#[test]
fn the_persons_errors_are_the_diffs() {
    let e = engine()
        .diff(&DiffRequest {
            person: adult(&["nope"]),
            from: 2025,
            to: 2026,
        })
        .unwrap_err();
    assert_eq!(
        (e.code(), e.field.as_deref()),
        ("unknown_id", Some("person.statuses[0]"))
    );
    let e = engine()
        .diff(&DiffRequest {
            person: adult(&[]),
            from: 1900,
            to: 2026,
        })
        .unwrap_err();
    assert_eq!(
        (e.code(), e.field.as_deref()),
        ("invalid_input", Some("from"))
    );
}

/// Over every scheme, region, category, status and pair of known years: each side's lines are
/// that year's premium answer's amounts, and the change is the difference.
#[test]
fn lines_are_each_years_premium() {
    let cat = engine().catalogue();
    let mut compared = 0;
    for s in &cat.schemes {
        let years: Vec<u16> = s.years.iter().map(|y| y.year).collect();
        for r in &s.regions {
            for c in &s.categories {
                let mut people = vec![Vec::new()];
                people.extend(
                    s.statuses
                        .iter()
                        .filter(|x| {
                            x.kind == "hardship"
                                && (x.categories.is_empty() || x.categories.contains(&c.id))
                        })
                        .map(|x| vec![x.id.clone()]),
                );
                for statuses in people {
                    let person = PersonInput {
                        scheme: s.id.clone(),
                        region: r.id.clone(),
                        category: c.id.clone(),
                        statuses,
                    };
                    for w in years.windows(2) {
                        let Ok(d) = engine().diff(&DiffRequest {
                            person: person.clone(),
                            from: w[0],
                            to: w[1],
                        }) else {
                            continue;
                        };
                        for (side, y) in [(0, w[0]), (1, w[1])] {
                            let p = engine().premium(&PremiumRequest {
                                person: person.clone(),
                                date: None,
                                year: Some(y),
                            });
                            for l in &d.lines {
                                let cell = if side == 0 { &l.from } else { &l.to };
                                match (&p, cell) {
                                    (Ok(p), Some(cell)) if l.id == "individual" => {
                                        assert_eq!(cell.amount, p.individual)
                                    }
                                    (Ok(p), Some(cell)) if l.id == "standard" => {
                                        assert_eq!(cell.amount, p.standard)
                                    }
                                    (Ok(p), Some(cell)) if l.id.starts_with("payer_") => {
                                        assert_eq!(
                                            Some(&cell.amount),
                                            p.payers
                                                .iter()
                                                .find(|x| l.id == format!("payer_{}", x.payer))
                                                .map(|x| &x.amount)
                                        );
                                    }
                                    (Err(_), Some(_)) => panic!(
                                        "{person:?} {y}: a line for a year without an answer"
                                    ),
                                    _ => {}
                                }
                            }
                        }
                        if d.compared {
                            compared += 1;
                            for l in d
                                .lines
                                .iter()
                                .filter(|l| l.from.is_some() && l.to.is_some())
                            {
                                let (a, b) = (l.from.as_ref().unwrap(), l.to.as_ref().unwrap());
                                let want = b.amount.parse::<Decimal>().unwrap()
                                    - a.amount.parse::<Decimal>().unwrap();
                                assert_eq!(
                                    l.change.as_ref().unwrap().parse::<Decimal>().unwrap(),
                                    want
                                );
                            }
                        }
                    }
                }
            }
        }
    }
    assert!(compared > 20, "only {compared} pairs compared");
}
