//! Shared by the test binaries that read the hand-checked scenario cases
//! (`tests/scenarios/*.toml`, format: tests/scenarios/README.md).
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use serde::Deserialize;
use yibao::api::*;

#[derive(Deserialize)]
pub struct File {
    pub case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub name: String,
    pub op: String,
    pub person: PersonInput,
    #[serde(default)]
    pub date: Option<String>,
    /// For `premium`: the coverage year (医保年度).
    #[serde(default)]
    pub year: Option<u16>,
    #[serde(default)]
    pub paid_on: Option<String>,
    #[serde(default)]
    pub renewed_without_break: Option<bool>,
    #[serde(default)]
    pub enrolment: Option<EnrolmentIn>,
    #[serde(default)]
    pub claim: Option<ClaimInput>,
    #[serde(default)]
    pub claims: Option<Vec<ClaimInput>>,
    #[serde(default)]
    pub expect: Option<toml::Table>,
    #[serde(default)]
    pub error: Option<Expected>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expected {
    pub code: String,
    #[serde(default)]
    pub field: Option<String>,
    #[serde(default)]
    pub message: Option<String>,
}

/// Every scenario file, sorted by name, parsed.
pub fn scenario_files() -> Vec<(PathBuf, File)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|f| {
            let text = std::fs::read_to_string(&f).unwrap();
            let file: File =
                toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
            (f, file)
        })
        .collect()
}
