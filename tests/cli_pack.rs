//! `yibao pack` (issue 17): a portal's files become the pack its widget loads, validated as it is
//! written; the built-in schemes' packs are the ones the TOML engine writes.

use std::path::{Path, PathBuf};
use std::process::Output;

use yibao::api::{PersonInput, PremiumRequest};
use yibao::Engine;

#[path = "common/bin.rs"]
mod bin;
use bin::*;

/// Asserts the run succeeded, showing its stderr otherwise.
fn succeeded(o: &Output) {
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

fn temp_dir(name: &str) -> PathBuf {
    let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("pack-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

fn packs_in(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "pack"))
        .collect();
    v.sort();
    v
}

fn city(value: &str) -> String {
    include_str!("policies/siping-city.toml").replacen(
        r#"value = "150""#,
        &format!(r#"value = "{value}""#),
        1,
    )
}

fn premium(e: &Engine, region: &str) -> String {
    let r = PremiumRequest {
        person: PersonInput {
            scheme: "jilin-2008".into(),
            region: region.into(),
            category: "adult".into(),
            statuses: vec![],
        },
        date: None,
        year: None,
    };
    format!("{:?}", e.premium(&r))
}

/// `yibao pack` on the city fixture with its community deductible set to `value`, in a fresh
/// folder named `name`: the output folder and the run.
fn pack_city(name: &str, value: &str) -> (PathBuf, Output) {
    let dir = temp_dir(name);
    let path = dir.join("siping.toml");
    std::fs::write(&path, city(value)).expect("write");
    let out = dir.join("out");
    let args = [
        "pack",
        path.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--json",
    ];
    let o = yibao(&args);
    (out, o)
}

#[test]
fn a_city_file_becomes_its_schemes_pack() {
    let (out, o) = pack_city("city", "150");
    succeeded(&o);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v[0]["scheme"], "jilin-2008");
    let files = packs_in(&out);
    assert_eq!(files.len(), 1, "{files:?}");
    let name = files[0].file_name().unwrap().to_str().unwrap().to_string();
    assert_eq!(v[0]["file"], name.as_str());
    assert!(
        name.starts_with("jilin-2008.") && name.ends_with(".pack"),
        "{name}"
    );
    let hash = &name["jilin-2008.".len()..name.len() - ".pack".len()];
    assert_eq!(hash.len(), 12);
    // the pack holds the city with its framework and the built-in city, answering as the files do
    let bytes = std::fs::read(&files[0]).unwrap();
    let mut packed = Engine::default();
    let info = packed.add_pack(&bytes, Some(hash)).expect("the pack reads");
    assert_eq!(
        info.regions,
        ["prefecture", "county", "changchun", "siping"]
    );
    let mut files_engine = Engine::builtin().unwrap();
    files_engine
        .add_policy("siping.toml", &city("150"))
        .expect("loads");
    for region in ["siping", "changchun", "prefecture"] {
        assert_eq!(
            premium(&packed, region),
            premium(&files_engine, region),
            "{region}"
        );
    }
}

#[test]
fn a_file_with_findings_writes_no_pack() {
    let (out, o) = pack_city("bad", "250");
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("错误 [policy_out_of_range]:"), "{err}");
    assert!(err.contains("超出框架允许的范围 100—200"), "{err}");
    assert!(!out.exists() || packs_in(&out).is_empty());
}

#[test]
fn the_builtin_packs_are_the_engines() {
    let out = temp_dir("builtin");
    let o = yibao(&["pack", "--builtin", "--out", out.to_str().unwrap()]);
    succeeded(&o);
    let e = Engine::builtin().unwrap();
    let ids: Vec<String> = e.catalogue().schemes.into_iter().map(|s| s.id).collect();
    let files = packs_in(&out);
    assert_eq!(files.len(), ids.len());
    for id in &ids {
        let want = e.pack(id).unwrap();
        let name = yibao::engine::pack_name(id, &want);
        assert_eq!(
            std::fs::read(out.join(&name)).expect("pack written"),
            want,
            "{name}"
        );
    }
    let index: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("index.json")).unwrap()).unwrap();
    assert_eq!(index["format"], yibao::engine::PACK_FORMAT);
    assert_eq!(index["schemes"].as_array().unwrap().len(), ids.len());
    assert_eq!(index["schemes"][0]["regions"][0][0], "prefecture");
    // files and --builtin together are refused
    let o = yibao(&["pack", "--builtin", "tests/policies/siping-city.toml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--builtin"));
}
