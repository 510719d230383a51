//! Policy packs (issue 17): the browser builds its engine from each scheme's pack instead of the
//! TOML files. These tests keep the two the same engine, and hold the reader to its promise: bytes
//! that are not an intact pack of this format are an error, never a panic or a partial engine.

#[path = "grid/mod.rs"]
mod grid;

use proptest::prelude::*;
use yibao::api::{ClaimInput, ClaimRequest, PersonInput};
use yibao::engine::{checksum, pack_name, PACK_FORMAT};
use yibao::{Engine, ErrorKind};

fn toml() -> Engine {
    Engine::builtin().expect("built-in policies load")
}

/// (scheme, pack bytes, hash) of every built-in scheme.
fn packs() -> Vec<(String, Vec<u8>, String)> {
    let e = toml();
    e.catalogue()
        .schemes
        .iter()
        .map(|s| {
            let b = e.pack(&s.id).unwrap();
            let name = pack_name(&s.id, &b);
            let hash = name[s.id.len() + 1..name.len() - 5].to_string();
            (s.id.clone(), b, hash)
        })
        .collect()
}

/// Replaces the trailing checksum after a change to the body.
fn reseal(b: &mut [u8]) {
    let n = b.len() - 8;
    let sum = checksum(&b[..n]);
    b[n..].copy_from_slice(&sum.to_le_bytes());
}

/// The answer grid (every fourth bill, two dates per scheme) through the TOML engine and the
/// engine made of packs: byte-identical answers. `cargo run --release --example answer_grid --
/// --engine packs --check tests/answers.digest` runs the whole grid.
#[test]
fn packs_answer_like_the_toml_files() {
    let t = grid::run(&toml(), true, &mut |_, _| {});
    let p = grid::run(&grid::packs_engine(), true, &mut |_, _| {});
    assert!(t.0["claim"].count > 1000, "{}", t.to_text());
    assert_eq!(t.to_text(), p.to_text());
}

#[test]
fn a_pack_reads_back_to_the_same_bytes() {
    for (id, bytes, hash) in packs() {
        let mut e = Engine::default();
        let info = e.add_pack(&bytes, Some(&hash)).unwrap();
        assert_eq!(info.scheme, id);
        assert!(info.hash.starts_with(&hash));
        assert_eq!(info.format, PACK_FORMAT);
        assert!(!info.regions.is_empty());
        assert_eq!(e.pack(&id).unwrap(), bytes, "{id}");
        // the catalogue row is the TOML engine's
        let row = |e: &Engine| e.catalogue().schemes.into_iter().find(|s| s.id == id);
        assert_eq!(row(&e), row(&toml()));
    }
}

fn claim(scheme: &str, region: &str) -> ClaimRequest {
    ClaimRequest {
        person: PersonInput {
            scheme: scheme.into(),
            region: region.into(),
            category: "adult".into(),
            statuses: vec![],
        },
        paid_on: Some("2008-05-01".into()),
        claim: ClaimInput {
            kind: "inpatient".into(),
            level: "city".into(),
            date: "2008-10-01".into(),
            medfee_sumamt: "50000".into(),
            fulamt_ownpay_amt: Some("2000".into()),
            disease: None,
        },
        explain: true,
        ..Default::default()
    }
}

#[test]
fn schemes_are_added_one_pack_at_a_time() {
    let all = packs();
    let mut e = Engine::default();
    // nothing loaded: the scheme is unknown, as any unknown id
    let err = e.claim(&claim("jilin-2008", "prefecture")).unwrap_err();
    assert_eq!(err.kind, ErrorKind::UnknownId);
    let (_, b, h) = all.iter().find(|p| p.0 == "jilin-2008").unwrap();
    e.add_pack(b, Some(h)).unwrap();
    let c = e.claim(&claim("jilin-2008", "prefecture")).unwrap();
    assert_eq!(c.hifp_pay, "24700.00");
    // the same pack again changes nothing
    e.add_pack(b, None).unwrap();
    assert_eq!(e.catalogue().schemes.len(), 1);
    // every other pack too; their national layers are shared
    for (_, b, h) in &all {
        e.add_pack(b, Some(h)).unwrap();
    }
    assert_eq!(e.catalogue(), toml().catalogue());
}

#[test]
fn another_pack_of_a_loaded_scheme_is_refused() {
    let all = packs();
    let (_, b, _) = all.iter().find(|p| p.0 == "jilin-2016").unwrap();
    // the same scheme loaded from its TOML files (the full module) takes no pack of it
    let mut t = toml();
    assert_eq!(
        t.add_pack(b, None).unwrap_err().kind,
        ErrorKind::PolicyDuplicate
    );
}

#[test]
fn damaged_packs_are_errors_and_leave_the_engine_as_it_was() {
    let all = packs();
    let (_, good, hash) = all.iter().find(|p| p.0 == "jilin-2016").unwrap();
    let mut e = Engine::default();
    let check = |e: &mut Engine, bytes: &[u8], expect: Option<&str>, kind: ErrorKind| {
        let err = e.add_pack(bytes, expect).unwrap_err();
        assert_eq!(err.kind, kind, "{err}");
        assert!(!err.message_zh.is_empty() && !err.message_en.is_empty());
        assert_eq!(err.field.as_deref(), Some("pack"));
        assert!(e.catalogue().schemes.is_empty());
    };
    // not a pack: empty, too short, another file
    for b in [
        &b""[..],
        b"YBPK",
        b"[meta]\nid = \"x\"\n",
        b"\x00asm\x01\x00\x00\x00",
    ] {
        check(&mut e, b, None, ErrorKind::PackInvalid);
    }
    // cut short anywhere, or one byte changed
    for cut in [5, 100, good.len() / 2, good.len() - 1] {
        check(&mut e, &good[..cut], None, ErrorKind::PackInvalid);
    }
    for at in [4, 40, good.len() / 3, good.len() - 9, good.len() - 1] {
        let mut b = good.clone();
        b[at] ^= 0x20;
        check(&mut e, &b, None, ErrorKind::PackInvalid);
    }
    // intact, but not the one the catalogue names (a stale cache)
    check(&mut e, good, Some("0123456789ab"), ErrorKind::PackInvalid);
    check(&mut e, good, Some(""), ErrorKind::PackInvalid);
    // a damaged body that still has a matching checksum: the reader refuses it as well
    let mut b = good.clone();
    let n = b.len();
    b[n / 2..n - 8].fill(0xff);
    reseal(&mut b);
    check(&mut e, &b, None, ErrorKind::PackInvalid);
    // a newer format, or an older one
    for format in [PACK_FORMAT + 1, 0] {
        let mut b = good.clone();
        b[4] = format as u8;
        reseal(&mut b);
        check(&mut e, &b, None, ErrorKind::PackVersion);
    }
    // written by a newer engine
    let mut b = good.clone();
    let v = env!("CARGO_PKG_VERSION");
    let at = b.windows(v.len()).position(|w| w == v.as_bytes()).unwrap();
    b[at] = b'9';
    reseal(&mut b);
    let err = e.add_pack(&b, None).unwrap_err();
    assert_eq!(err.kind, ErrorKind::PackVersion);
    assert!(err.message_zh.contains("更新"), "{err}");
    // and the good pack still loads afterwards
    e.add_pack(good, Some(hash)).unwrap();
    assert_eq!(e.catalogue().schemes.len(), 1);
}

#[test]
fn a_layer_that_differs_from_the_loaded_one_is_refused() {
    let all = packs();
    let (_, j16, _) = all.iter().find(|p| p.0 == "jilin-2016").unwrap();
    // the national annual layer jilin-2016 names, loaded first with one word changed
    let (file, text) = yibao::builtin::FILES
        .iter()
        .find(|(f, _)| f.ends_with("national-annual.toml"))
        .unwrap();
    let changed = text.replacen("筹资国家标准", "筹资全国标准", 1);
    assert_ne!(&changed, text);
    let mut e = Engine::default();
    e.add_policy(file, &changed).unwrap();
    let err = e.add_pack(j16, None).unwrap_err();
    assert_eq!(err.kind, ErrorKind::PolicyDuplicate, "{err}");
    assert!(e.catalogue().schemes.is_empty());
    // the layer as shipped is the pack's own: it loads
    let mut e = Engine::default();
    e.add_policy(file, text).unwrap();
    e.add_pack(j16, None).unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// Any change to a pack's body, resealed so the checksum passes, is read or refused, never a
    /// panic; what reads is a whole engine that answers (or refuses) a claim.
    #[test]
    fn the_reader_never_panics(at in 0usize..20_000, len in 1usize..64, byte in any::<u8>()) {
        let all = packs();
        let (_, good, _) = &all[0];
        let mut b = good.clone();
        let n = b.len() - 8;
        let start = at % n;
        for x in &mut b[start..(start + len).min(n)] {
            *x = byte;
        }
        reseal(&mut b);
        let mut e = Engine::default();
        if e.add_pack(&b, None).is_ok() {
            let _ = e.claim(&claim("jilin-2008", "prefecture"));
            let _ = e.catalogue();
        }
    }
}
