//! The browser's default module starts from `policies/builtin.snapshot` instead of the TOML files.
//! These tests keep the two the same engine.

use yibao::api::{ClaimInput, ClaimRequest, PersonInput, PremiumRequest};
use yibao::builtin::SNAPSHOT;
use yibao::Engine;

#[test]
fn committed_snapshot_matches_the_toml_files() {
    let engine = Engine::builtin().expect("built-in policies load");
    let fresh = engine.snapshot();
    assert!(
        fresh == SNAPSHOT,
        "policies/builtin.snapshot is stale ({} bytes committed, {} from the TOML files): \
         run `cargo run --bin yibao-snapshot` (./build.sh build does) and commit it",
        SNAPSHOT.len(),
        fresh.len()
    );
}

#[test]
fn snapshot_reads_back_to_the_same_bytes() {
    let engine = Engine::from_snapshot(SNAPSHOT).expect("snapshot reads");
    assert_eq!(engine.snapshot(), SNAPSHOT);
}

/// Every scheme, region and category through both engines: same catalogue, premiums and claims.
#[test]
fn snapshot_engine_answers_like_the_toml_engine() {
    let toml = Engine::builtin().unwrap();
    let snap = Engine::from_snapshot(SNAPSHOT).unwrap();
    let cat = toml.catalogue();
    assert_eq!(cat, snap.catalogue());
    let mut compared = 0;
    for s in &cat.schemes {
        for r in &s.regions {
            for c in &s.categories {
                let person = PersonInput {
                    scheme: s.id.clone(),
                    region: r.id.clone(),
                    category: c.id.clone(),
                    statuses: vec![],
                };
                let pr = PremiumRequest {
                    person: person.clone(),
                    date: None,
                    year: None,
                };
                assert_eq!(
                    format!("{:?}", toml.premium(&pr)),
                    format!("{:?}", snap.premium(&pr))
                );
                for l in &s.levels {
                    let req = ClaimRequest {
                        person: person.clone(),
                        paid_on: None,
                        renewed_without_break: None,
                        enrolment: None,
                        claim: ClaimInput {
                            kind: "inpatient".into(),
                            level: l.id.clone(),
                            date: s.effective_from.clone(),
                            medfee_sumamt: "23456.78".into(),
                            fulamt_ownpay_amt: Some("1200".into()),
                            disease: None,
                        },
                        explain: true,
                    };
                    let a = toml.claim(&req);
                    assert_eq!(format!("{a:?}"), format!("{:?}", snap.claim(&req)));
                    compared += usize::from(a.is_ok());
                }
            }
        }
    }
    assert!(compared > 20, "only {compared} claims settled");
}

#[test]
fn damaged_snapshots_are_errors() {
    for cut in [0, 3, 4, 100, SNAPSHOT.len() / 2, SNAPSHOT.len() - 1] {
        let e = Engine::from_snapshot(&SNAPSHOT[..cut]).unwrap_err();
        assert_eq!(e.code(), "policy_syntax");
        assert!(e.message_zh.contains("损坏"), "{}", e.message_zh);
    }
    let mut longer = SNAPSHOT.to_vec();
    longer.push(0);
    assert!(Engine::from_snapshot(&longer).is_err());
    let mut other_version = SNAPSHOT.to_vec();
    other_version[3] = 99;
    assert!(Engine::from_snapshot(&other_version).is_err());
}
