//! Native benchmarks of the core (issue 4). Run with `bench/run.sh` or
//! `cargo bench --bench engine -- --warm-up-time 1 --measurement-time 3`.
//!
//! The requests are the ones `bench/wasm.mjs` sends through the wasm edge, so the two sets of
//! figures compare: a Jilin 2008 prefecture adult; the reference claim (city hospital, 50,000 total,
//! 2,000 out of scope — see tests/scenarios/jilin-2008.toml); a year of 20 claims. Two more go
//! through the layers after the basic fund (a Jilin 2026 低保 resident's inpatient claim).

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use yibao::api::{ClaimInput, ClaimRequest, PersonInput, PremiumRequest, YearRequest};
use yibao::Engine;

fn person() -> PersonInput {
    PersonInput {
        scheme: "jilin-2008".into(),
        region: "prefecture".into(),
        category: "adult".into(),
        statuses: vec![],
    }
}

fn reference_claim() -> ClaimRequest {
    ClaimRequest {
        person: person(),
        paid_on: Some("2008-05-01".into()),
        renewed_without_break: None,
        enrolment: None,
        claim: ClaimInput {
            kind: "inpatient".into(),
            level: "city".into(),
            date: "2008-10-01".into(),
            medfee_sumamt: "50000".into(),
            fulamt_ownpay_amt: Some("2000".into()),
            disease: None,
        },
        explain: true,
    }
}

/// 20 inpatient claims, August–December 2008, cycling through the hospital levels; the bills add
/// up past the annual limit so the limit tracking is exercised. Same list as bench/requests.mjs.
pub fn year_claims() -> Vec<ClaimInput> {
    const LEVELS: [&str; 4] = ["community", "county", "city", "province"];
    (0..20)
        .map(|i| ClaimInput {
            kind: "inpatient".into(),
            level: LEVELS[i % 4].into(),
            date: format!("2008-{:02}-{:02}", 8 + i / 4, 1 + 7 * (i % 4)),
            medfee_sumamt: format!("{}", 1000 + 1500 * i),
            fulamt_ownpay_amt: Some(format!("{}", 50 * i)),
            disease: None,
        })
        .collect()
}

fn benches(c: &mut Criterion) {
    let engine = Engine::builtin().expect("built-in policies load");

    let premium = PremiumRequest {
        person: person(),
        date: Some("2008-06-01".into()),
        year: None,
    };
    assert_eq!(engine.premium(&premium).unwrap().individual, "160.00");
    c.bench_function("premium", |b| {
        b.iter(|| engine.premium(black_box(&premium)).unwrap())
    });

    let claim = reference_claim();
    let r = engine.claim(&claim).unwrap();
    assert_eq!(
        (r.hifp_pay.as_str(), r.psn_part_amt.as_str()),
        ("24700.00", "25300.00")
    );
    c.bench_function("claim (inpatient, reference)", |b| {
        b.iter(|| engine.claim(black_box(&claim)).unwrap())
    });

    let year = YearRequest {
        person: person(),
        paid_on: Some("2008-05-01".into()),
        renewed_without_break: None,
        enrolment: None,
        claims: year_claims(),
        explain: true,
    };
    assert_eq!(engine.year(&year).unwrap().claims.len(), 20);
    c.bench_function("year (20 claims)", |b| {
        b.iter(|| engine.year(black_box(&year)).unwrap())
    });

    let lean = ClaimRequest {
        explain: false,
        ..claim.clone()
    };
    assert_eq!(engine.claim(&lean).unwrap().hifp_pay, "24700.00");
    c.bench_function("claim, no explanation (explain: false)", |b| {
        b.iter(|| engine.claim(black_box(&lean)).unwrap())
    });
    let lean_year = YearRequest {
        explain: false,
        ..year.clone()
    };
    c.bench_function("year (20 claims), no explanation", |b| {
        b.iter(|| engine.year(black_box(&lean_year)).unwrap())
    });
    let f = engine.claim_figures(&claim).unwrap();
    assert_eq!(
        (f.hifp_pay.as_str(), f.psn_part_amt.as_str()),
        ("24700.00", "25300.00")
    );
    c.bench_function("claim figures (assumed values only)", |b| {
        b.iter(|| engine.claim_figures(black_box(&claim)).unwrap())
    });
    assert_eq!(engine.year_figures(&year).unwrap().claims.len(), 20);
    c.bench_function("year figures (20 claims, assumed values only)", |b| {
        b.iter(|| engine.year_figures(black_box(&year)).unwrap())
    });
    let curve = yibao::api::CurveRequest {
        person: claim.person.clone(),
        paid_on: claim.paid_on.clone(),
        enrolment: None,
        claim: claim.claim.clone(),
        totals: (0..=40).map(|i| (i * 2500).to_string()).collect(),
    };
    assert_eq!(engine.curve(&curve).unwrap().points.len(), 41);
    c.bench_function("curve (41 bill sizes, for the chart)", |b| {
        b.iter(|| engine.curve(black_box(&curve)).unwrap())
    });

    // the layers after the basic fund: a Jilin 2026 低保 resident's inpatient claim goes through
    // 大病保险 and 医疗救助 as well
    let layered = ClaimRequest {
        person: PersonInput {
            scheme: "jilin-2016".into(),
            region: "jilin".into(),
            category: "urban_adult".into(),
            statuses: vec!["dibao".into()],
        },
        paid_on: None,
        renewed_without_break: None,
        enrolment: None,
        claim: ClaimInput {
            kind: "inpatient".into(),
            level: "province".into(),
            date: "2026-06-01".into(),
            medfee_sumamt: "150000".into(),
            fulamt_ownpay_amt: Some("1000".into()),
            disease: None,
        },
        explain: true,
    };
    let r = engine.claim(&layered).unwrap();
    assert!(r.hifmi_pay != "0.00" && r.maf_pay != "0.00");
    c.bench_function("claim with the layers (Jilin 2026, explained)", |b| {
        b.iter(|| engine.claim(black_box(&layered)).unwrap())
    });
    c.bench_function("claim figures with the layers (Jilin 2026)", |b| {
        b.iter(|| engine.claim_figures(black_box(&layered)).unwrap())
    });

    assert_eq!(engine.compare(&claim).unwrap().rows.len(), 4);
    c.bench_function("compare (all levels)", |b| {
        b.iter(|| engine.compare(black_box(&claim)).unwrap())
    });

    c.bench_function("load + validate all policies", |b| {
        b.iter(|| Engine::builtin().unwrap())
    });
}

criterion_group!(engine, benches);
criterion_main!(engine);
