//! Figures in time, over every scheme × region × category × hardship status × coverage year
//! 1995–2035: an answer for a year is built only from figures that hold for that year, and a year
//! no source covers is an error, never another year's figures.

use yibao::api::*;
use yibao::Engine;

struct Asked {
    person: PersonInput,
    year: u16,
}

/// Every person the catalogue allows: no status, or one hardship status that applies.
fn people(e: &Engine) -> Vec<PersonInput> {
    let mut out = Vec::new();
    for s in e.catalogue().schemes {
        for r in &s.regions {
            for c in &s.categories {
                let mut statuses = vec![vec![]];
                for st in &s.statuses {
                    let applies = st.categories.is_empty() || st.categories.contains(&c.id);
                    if st.kind == "hardship" && applies {
                        statuses.push(vec![st.id.clone()]);
                    }
                }
                for st in statuses {
                    out.push(PersonInput {
                        scheme: s.id.clone(),
                        region: r.id.clone(),
                        category: c.id.clone(),
                        statuses: st,
                    });
                }
            }
        }
    }
    out
}

fn figures(r: &PremiumResult) -> Vec<&FigureOut> {
    r.steps
        .iter()
        .filter(|s| s.id != "national_standard")
        .flat_map(|s| s.figures.iter())
        .chain(r.assumptions.iter())
        .chain(r.addons.iter().map(|a| &a.figure))
        .collect()
}

/// What is wrong with one answer (empty: nothing).
fn problems(a: &Asked, r: &Result<PremiumResult, yibao::Error>) -> Vec<String> {
    let who = format!("{:?} in {}", a.person, a.year);
    let mut out = Vec::new();
    let r = match r {
        Ok(r) => r,
        Err(e) => {
            let ok = matches!(
                e.code(),
                "year_not_sourced" | "date_outside_policy" | "not_eligible"
            );
            if !ok {
                out.push(format!("{who}: unexpected error {e}"));
            }
            return out;
        }
    };
    let p = &r.period;
    if p.year != a.year {
        out.push(format!("{who}: answered for {}", p.year));
    }
    let listed = p
        .years
        .iter()
        .any(|y| y.year == a.year && y.status == p.status);
    if !listed {
        out.push(format!(
            "{who}: status {} not listed for the year",
            p.status
        ));
    }
    for f in figures(r) {
        let firm = matches!(f.basis.as_str(), "stated" | "derived" | "floor" | "ceiling");
        match (p.status.as_str(), &f.source) {
            // a projection states nothing
            ("projection", _) if f.basis != "assumed" => out.push(format!(
                "{who}: {} is {} in a projection",
                f.label_en, f.basis
            )),
            // a year row's figures all say where they come from, and none from a later year
            ("notice" | "derived", None) => {
                out.push(format!("{who}: {} has no source", f.label_en))
            }
            ("notice" | "derived", Some(s))
                if firm && s.date[..4].parse::<u16>().unwrap() > a.year =>
            {
                out.push(format!(
                    "{who}: {} rests on a source of {}",
                    f.label_en, s.date
                ))
            }
            // the document's own figures carry no later notice's source
            ("document", Some(s)) => out.push(format!(
                "{who}: {} cites {} in a document year",
                f.label_en, s.id
            )),
            _ => {}
        }
    }
    out
}

#[test]
fn every_answer_rests_on_figures_for_its_year() {
    let e = Engine::builtin().expect("built-in policies load");
    let mut failures = Vec::new();
    let mut answered = 0;
    for person in people(&e) {
        for year in 1995..=2035 {
            let a = Asked {
                person: person.clone(),
                year,
            };
            let r = e.premium(&PremiumRequest {
                person: person.clone(),
                date: None,
                year: Some(year),
            });
            answered += usize::from(r.is_ok());
            failures.extend(problems(&a, &r));
        }
    }
    assert!(answered > 100, "only {answered} answers");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_2008_pilot_answers_2008_only() {
    let e = Engine::builtin().expect("built-in policies load");
    let person = PersonInput {
        scheme: "jilin-2008".into(),
        region: "prefecture".into(),
        category: "adult".into(),
        statuses: vec![],
    };
    for year in 2008..=2016 {
        let r = e.premium(&PremiumRequest {
            person: person.clone(),
            date: None,
            year: Some(year),
        });
        match (year, r) {
            (2008, Ok(r)) => assert_eq!(r.subsidy_total, "70.00"),
            (_, Err(err)) => assert_eq!(err.code(), "year_not_sourced", "{year}"),
            (_, Ok(r)) => panic!("{year}: answered with {}", r.subsidy_total),
        }
    }
}

#[test]
fn a_year_recorded_as_not_found_is_never_answered() {
    let e = Engine::builtin().expect("built-in policies load");
    let mut seen = 0;
    for s in e.catalogue().schemes {
        for y in s.years.iter().filter(|y| y.status == "not_found") {
            for r in &s.regions {
                for c in &s.categories {
                    let out = e.premium(&PremiumRequest {
                        person: PersonInput {
                            scheme: s.id.clone(),
                            region: r.id.clone(),
                            category: c.id.clone(),
                            statuses: vec![],
                        },
                        date: None,
                        year: Some(y.year),
                    });
                    seen += 1;
                    assert!(out.is_err(), "{} {} {}: answered", s.id, r.id, y.year);
                }
            }
        }
    }
    assert!(seen > 0);
}
