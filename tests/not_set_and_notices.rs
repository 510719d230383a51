//! Claims a document leaves unset, notices addressed to hardship statuses, and the renewal
//! notice: what is shown to whom (the golden figures are in tests/scenarios/).

use yibao::api::*;
use yibao::{Engine, ErrorKind};

fn person(scheme: &str, region: &str, category: &str, statuses: &[&str]) -> PersonInput {
    PersonInput {
        scheme: scheme.into(),
        region: region.into(),
        category: category.into(),
        statuses: statuses.iter().map(|s| s.to_string()).collect(),
    }
}

fn claim(kind: &str, level: &str, date: &str) -> ClaimInput {
    ClaimInput {
        kind: kind.into(),
        level: level.into(),
        date: date.into(),
        medfee_sumamt: "10000".into(),
        fulamt_ownpay_amt: None,
        disease: (kind == "outpatient_major").then(|| "uremia_dialysis".into()),
    }
}

fn req(p: PersonInput, c: ClaimInput, paid_on: Option<&str>) -> ClaimRequest {
    ClaimRequest {
        person: p,
        paid_on: paid_on.map(Into::into),
        renewed_without_break: None,
        enrolment: None,
        claim: c,
        explain: true,
    }
}

fn has_notice(n: &[NoticeOut], doc: &str, clause: &str) -> bool {
    n.iter().any(|x| x.doc == doc && x.clause == clause)
}

#[test]
fn medical_assistance_notice_only_for_hardship_statuses() {
    let e = Engine::builtin().unwrap();
    let c = || claim("inpatient", "city", "2008-09-01");
    let plain = e
        .claim(&req(
            person("jilin-2008", "prefecture", "adult", &[]),
            c(),
            Some("2008-05-01"),
        ))
        .unwrap();
    let dibao = e
        .claim(&req(
            person("jilin-2008", "prefecture", "adult", &["dibao"]),
            c(),
            Some("2008-05-01"),
        ))
        .unwrap();
    assert!(!has_notice(&plain.notices, "民发[2007]156号", "三"));
    assert!(has_notice(&dibao.notices, "民发[2007]156号", "三"));
    // the same filter on premiums
    let prem = |st: &[&str]| {
        e.premium(&PremiumRequest {
            person: person("jilin-2008", "prefecture", "adult", st),
            date: None,
            year: None,
        })
        .unwrap()
        .notices
    };
    assert!(!has_notice(&prem(&[]), "民发[2007]156号", "三"));
    assert!(has_notice(
        &prem(&["low_income_elderly"]),
        "民发[2007]156号",
        "三"
    ));
}

#[test]
fn renewal_notice_only_when_a_claim_falls_in_a_later_contribution_year() {
    let e = Engine::builtin().unwrap();
    let p = || person("jilin-2008", "prefecture", "adult", &[]);
    let clause = "二(五)2 医疗服务等待期";
    let first = e
        .claim(&req(
            p(),
            claim("inpatient", "city", "2008-09-01"),
            Some("2008-05-01"),
        ))
        .unwrap();
    assert!(!first.notices.iter().any(|n| n.clause == clause));
    let later = e
        .claim(&req(
            p(),
            claim("inpatient", "city", "2009-06-01"),
            Some("2008-05-01"),
        ))
        .unwrap();
    assert!(later.notices.iter().any(|n| n.clause == clause));
    assert_eq!(later.hifp_pay, "4700.00");
    // stated either way: no notice
    let mut r = req(
        p(),
        claim("inpatient", "city", "2009-06-01"),
        Some("2008-05-01"),
    );
    r.renewed_without_break = Some(false);
    let no = e.claim(&r).unwrap();
    assert!(!no.notices.iter().any(|n| n.clause == clause));
    assert_eq!(no.hifp_pay, "0.00");
    // the figures-only path agrees
    assert_eq!(e.claim_figures(&r).unwrap().hifp_pay, "0.00");
}

#[test]
fn unset_claims_are_benefits_not_defined_on_every_path() {
    let e = Engine::builtin().unwrap();
    let r = req(
        person("jilin-2016", "jilin", "urban_adult", &[]),
        claim("outpatient_major", "city", "2017-05-01"),
        None,
    );
    for err in [e.claim(&r).unwrap_err(), e.claim_figures(&r).unwrap_err()] {
        assert!(matches!(err.kind, ErrorKind::BenefitsNotDefined), "{err}");
        assert_eq!(err.field.as_deref(), Some("claim.kind"));
        assert!(err.message_zh.contains("本文件未规定"));
        assert!(!err.message_en.is_empty());
    }
    // a compare keeps each level's answer in its row
    let rows = e.compare(&r).unwrap().rows;
    assert_eq!(rows.len(), 4);
    assert!(rows.iter().all(|x| x
        .error
        .as_ref()
        .is_some_and(|e| e.code == "benefits_not_defined")));
    // Jiangsu defines no benefits at all: the whole claim is not set
    let js = req(
        person("jiangsu-2007", "city_district", "adult", &[]),
        claim("inpatient", "city", "2007-06-01"),
        None,
    );
    assert!(matches!(
        e.claim(&js).unwrap_err().kind,
        ErrorKind::BenefitsNotDefined
    ));
}

#[test]
fn catalogue_lists_what_each_document_leaves_unset() {
    let e = Engine::builtin().unwrap();
    let cat = e.catalogue();
    let kinds = |id: &str| {
        cat.schemes
            .iter()
            .find(|s| s.id == id)
            .unwrap()
            .claim_kinds
            .clone()
    };
    // 2016: inpatient paid; the three outpatient kinds listed as not set, at every level
    let j16 = kinds("jilin-2016");
    assert_eq!(j16[0].id, "inpatient");
    for k in ["outpatient_major", "student_accident", "general_outpatient"] {
        let x = j16
            .iter()
            .find(|x| x.id == k)
            .unwrap_or_else(|| panic!("{k}"));
        assert!(x.name_zh.ends_with("（本文件未规定）"), "{}", x.name_zh);
        assert!(x.levels.is_empty() && x.categories.is_empty());
    }
    // Jiaxing general outpatient: paid at township, not set above it — all four levels answer
    let go = kinds("jiaxing-2008")
        .into_iter()
        .find(|x| x.id == "general_outpatient")
        .unwrap();
    assert_eq!(go.name_zh, "普通门诊");
    assert_eq!(
        go.levels,
        ["township", "county", "city", "province_or_outside"]
    );
    // 2008 leaves nothing unset
    assert!(kinds("jilin-2008")
        .iter()
        .all(|x| !x.name_zh.contains("未规定")));
}
