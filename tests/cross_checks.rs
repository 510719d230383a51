//! Cross-checks between sources: where one document explains another's figures, recompute one
//! from the other, reading the policy files (not hard-coded results).
//!
//! 民发[2007]156号 (policies/national-2007.toml) adds, for central/western regions, a central
//! top-up of 5 yuan (pupils and children on dibao or severely disabled) and 30 yuan (other dibao,
//! disabled unable to work, low-income elderly) on top of the general subsidy, and requires the
//! government's extra subsidy for those groups to be at least 10 and 60 yuan. 吉政办发[2008]12号
//! (policies/jilin-2008/framework.toml) reads as a central/western region: its hardship classes'
//! central shares must be the general class's central share plus those top-ups.

use rust_decimal::Decimal;
use yibao::api::{PersonInput, PremiumRequest};
use yibao::policy::{parse, Parsed, Payer, Policy, SubsidyClass};
use yibao::Engine;

const NATIONAL: &str = include_str!("../policies/national-2007.toml");
const JILIN: &str = include_str!("../policies/jilin-2008/framework.toml");

fn policy(name: &str, text: &str) -> Policy {
    match parse(name, text).unwrap() {
        Parsed::Policy(p, _) => *p,
        Parsed::City(_) => panic!("{name} is a city file"),
    }
}

fn central(c: &SubsidyClass) -> Decimal {
    c.lines
        .iter()
        .filter(|l| l.payer == Payer::Central)
        .filter_map(|l| l.amount.as_ref())
        .map(|f| f.value)
        .sum()
}

/// The class total for a contribution standard, recomputed from the file's own rules: a share of
/// the standard (but never below the fixed lines), or standard − individual with a `rest` line,
/// or the sum of the fixed lines.
fn class_total(c: &SubsidyClass, standard: Decimal, individual: Decimal) -> Decimal {
    let fixed: Decimal = c
        .lines
        .iter()
        .filter_map(|l| l.amount.as_ref())
        .map(|f| f.value)
        .sum();
    if let Some(p) = &c.total_pct_of_standard {
        (standard * p.value).max(fixed)
    } else if c.lines.iter().any(|l| l.rest) {
        (standard - individual).max(fixed)
    } else {
        fixed
    }
}

#[test]
fn jilin_central_shares_are_general_plus_national_topup() {
    let national = policy("national-2007.toml", NATIONAL);
    let jilin = policy("jilin-2008/framework.toml", JILIN);
    let layer = jilin
        .meta
        .layer
        .as_ref()
        .expect("Jilin 2008 names the national layer");
    assert_eq!(layer.id, national.meta.id);
    assert_eq!(
        layer.fiscal_region, "central_western",
        "Jilin is read as a central/western region"
    );
    let pr = jilin.premium.as_ref().unwrap();
    let general = pr
        .classes
        .iter()
        .find(|c| c.statuses_any.is_empty())
        .expect("a general class");
    let general_central = central(general);
    let mut explained = Vec::new();
    for c in pr.classes.iter().filter(|c| !c.statuses_any.is_empty()) {
        match &c.national_topup {
            Some(t) => {
                let top = national
                    .topups
                    .iter()
                    .find(|x| &x.id == t)
                    .unwrap_or_else(|| panic!("{}: top-up {t} not in the layer", c.id));
                assert_eq!(
                    central(c),
                    general_central + top.central_central_western.value,
                    "{}: central share should be the general {general_central} + the national central/western top-up {}",
                    c.id,
                    top.central_central_western.value
                );
                explained.push(t.clone());
            }
            // a hardship class the national notice does not name gets no national money
            None => assert_eq!(
                central(c),
                general_central,
                "{}: no national top-up, so the central share is the general one",
                c.id
            ),
        }
    }
    for t in &national.topups {
        assert!(
            explained.contains(&t.id),
            "national top-up {} explains no Jilin class",
            t.id
        );
    }
}

#[test]
fn jilin_hardship_totals_meet_the_national_floor_in_every_tier() {
    let national = policy("national-2007.toml", NATIONAL);
    let jilin = policy("jilin-2008/framework.toml", JILIN);
    let pr = jilin.premium.as_ref().unwrap();
    let mut checked = 0;
    for s in &pr.standards {
        let cat = s.category.as_str();
        let in_cat =
            |c: &&SubsidyClass| c.categories.is_empty() || c.categories.iter().any(|x| x == cat);
        let general = pr
            .classes
            .iter()
            .filter(in_cat)
            .find(|c| c.statuses_any.is_empty())
            .unwrap();
        let g_total = class_total(general, s.standard.value, s.individual.value);
        for c in pr.classes.iter().filter(in_cat) {
            let Some(t) = &c.national_topup else { continue };
            let top = national.topups.iter().find(|x| &x.id == t).unwrap();
            // the low end of every local figure too: the floor must hold over the whole range
            for standard in [s.standard.min.unwrap_or(s.standard.value), s.standard.value] {
                let extra = class_total(c, standard, s.individual.value) - g_total;
                assert!(
                    extra >= top.total_min.value,
                    "{}/{cat}/{}: extra subsidy {extra} below the national floor {}",
                    s.tier,
                    c.id,
                    top.total_min.value
                );
                checked += 1;
            }
        }
    }
    assert!(checked >= 6, "too few class/tier pairs checked: {checked}");
}

/// A person for each hardship class with a national top-up, in every region of the scheme.
fn hardship_people(e: &Engine, scheme: &str, jilin: &Policy) -> Vec<(String, PersonInput)> {
    let cat = e.catalogue();
    let s = cat.schemes.iter().find(|s| s.id == scheme).unwrap();
    let mut out = Vec::new();
    for c in &jilin.premium.as_ref().unwrap().classes {
        if c.national_topup.is_none() {
            continue;
        }
        for r in &s.regions {
            let person = PersonInput {
                scheme: scheme.into(),
                region: r.id.clone(),
                category: c.categories[0].clone(),
                statuses: vec![c.statuses_any[0].clone()],
            };
            out.push((c.id.clone(), person));
        }
    }
    out
}

fn national_discrepancies(
    e: &Engine,
    person: &PersonInput,
    layer_doc: &str,
) -> (String, Vec<String>) {
    let r = e
        .premium(&PremiumRequest {
            person: person.clone(),
            date: None,
            year: None,
        })
        .unwrap();
    assert!(
        r.steps.iter().any(|s| s.id == "national_topup"),
        "no national check step for {person:?}"
    );
    let d = r
        .notices
        .iter()
        .filter(|n| n.kind == "discrepancy" && n.doc == layer_doc)
        .map(|n| n.zh.clone())
        .collect();
    (r.subsidy_class.id, d)
}

#[test]
fn engine_reports_no_national_discrepancy_for_jilin() {
    let e = Engine::builtin().unwrap();
    let national = policy("national-2007.toml", NATIONAL);
    let jilin = policy("jilin-2008/framework.toml", JILIN);
    let people = hardship_people(&e, "jilin-2008", &jilin);
    assert!(people.len() >= 9, "{}", people.len());
    for (class, p) in &people {
        let (applied, d) = national_discrepancies(&e, p, &national.meta.doc);
        assert_eq!(&applied, class, "{p:?}");
        assert!(
            d.is_empty(),
            "{class} in {}: unexpected national discrepancy: {d:?}",
            p.region
        );
    }
}

#[test]
fn engine_flags_an_altered_central_share() {
    let line = r#"{ payer = "central", amount = { value = "45", basis = "stated", clause = "二(四)2(1)" } },"#;
    assert_eq!(
        JILIN.matches(line).count(),
        1,
        "the child class's central line moved; update this test"
    );
    let altered = JILIN
        .replace(line, &line.replace("\"45\"", "\"44\""))
        .replace("id = \"jilin-2008\"", "id = \"jilin-2008-altered\"");
    let mut e = Engine::builtin().unwrap();
    e.add_policy("altered.toml", &altered)
        .expect("the altered file is still valid on its own");
    let national = policy("national-2007.toml", NATIONAL);
    let jilin = policy("altered.toml", &altered);
    let mut flagged = 0;
    for (class, p) in hardship_people(&e, "jilin-2008-altered", &jilin) {
        let (_, d) = national_discrepancies(&e, &p, &national.meta.doc);
        if class == "child_hardship" {
            assert_eq!(
                d.len(),
                1,
                "{}: the 44 central share must be flagged: {d:?}",
                p.region
            );
            assert!(d[0].contains("不符"), "{}", d[0]);
            flagged += 1;
        } else {
            assert!(
                d.is_empty(),
                "{class}: only the altered class is flagged: {d:?}"
            );
        }
    }
    assert!(flagged >= 2);
}
