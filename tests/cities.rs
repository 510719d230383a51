//! A city file implementing a framework: the README's recipe, end to end.

use yibao::api::*;
use yibao::{Engine, ErrorKind};

/// The README's recipe as a file (community deductible 150).
const SIPING: &str = include_str!("policies/siping-city.toml");

fn person(region: &str) -> PersonInput {
    PersonInput {
        scheme: "jilin-2008".into(),
        region: region.into(),
        category: "adult".into(),
        statuses: vec![],
    }
}

fn claim(level: &str, date: &str) -> ClaimRequest {
    ClaimRequest {
        person: person("siping"),
        paid_on: Some("2008-07-01".into()),
        renewed_without_break: None,
        enrolment: None,
        claim: ClaimInput {
            kind: "inpatient".into(),
            level: level.into(),
            date: date.into(),
            medfee_sumamt: "5000".into(),
            fulamt_ownpay_amt: None,
            disease: None,
        },
        explain: true,
    }
}

#[test]
fn a_city_overrides_deductibles_within_the_framework() {
    let mut e = Engine::builtin().unwrap();
    let loaded = e.add_policy("siping.toml", SIPING).unwrap();
    assert_eq!(loaded.scheme, "jilin-2008");
    assert_eq!(loaded.regions, vec!["siping".to_string()]);
    // community: the city's 150; 4,850 × 65% = 3,152.50
    let c = e.claim(&claim("community", "2008-11-01")).unwrap();
    assert_eq!(
        (c.act_pay_dedc.as_str(), c.hifp_pay.as_str()),
        ("150.00", "3152.50")
    );
    let step = c.steps.iter().find(|s| s.id == "deductible").unwrap();
    assert_eq!(
        (step.figures[0].doc.as_str(), step.figures[0].basis.as_str()),
        ("测试文件", "stated")
    );
    // city hospital: the "*" row, 500; 4,500 × 50% = 2,250
    let c = e.claim(&claim("city", "2008-11-01")).unwrap();
    assert_eq!(
        (c.act_pay_dedc.as_str(), c.hifp_pay.as_str()),
        ("500.00", "2250.00")
    );
    // the prefecture tier's standards apply
    let p = e
        .premium(&PremiumRequest {
            person: person("siping"),
            date: Some("2008-08-01".into()),
            year: None,
        })
        .unwrap();
    assert_eq!(p.individual, "160.00");
    // the city's own validity: before 2008-07-01 is outside it
    let err = e
        .premium(&PremiumRequest {
            person: person("siping"),
            date: Some("2008-05-01".into()),
            year: None,
        })
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::DateOutsidePolicy);
    // the catalogue lists it as a city region
    let cat = e.catalogue();
    let s = cat.schemes.iter().find(|s| s.id == "jilin-2008").unwrap();
    assert!(s
        .regions
        .iter()
        .any(|r| r.id == "siping" && r.source == "city"));
}

#[test]
fn a_city_out_of_range_is_rejected_and_the_engine_still_works() {
    let mut e = Engine::builtin().unwrap();
    let bad = SIPING.replacen(r#"value = "150""#, r#"value = "250""#, 1);
    assert_ne!(bad, SIPING);
    let errs = e.add_policy("siping.toml", &bad).unwrap_err();
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!(errs[0].kind, ErrorKind::PolicyOutOfRange);
    assert_eq!(errs[0].file.as_deref(), Some("siping.toml"));
    assert_eq!(
        errs[0].field.as_deref(),
        Some("benefits.inpatient.deductibles[adult/community].amount")
    );
    assert_eq!(
        errs[0].clause.as_deref(),
        Some("吉政办发[2008]12号 二(五)2 起付标准")
    );
    assert!(
        errs[0].message_zh.contains("100—200"),
        "{}",
        errs[0].message_zh
    );
    // nothing was added
    assert!(e.claim(&claim("community", "2008-11-01")).is_err());
    assert!(e
        .catalogue()
        .schemes
        .iter()
        .all(|s| s.regions.iter().all(|r| r.id != "siping")));
}
