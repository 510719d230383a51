//! The broken-policy corpus: every file in `tests/policies/broken/` must be rejected with exactly
//! the errors written at its top, never a panic.
//!
//! Expectation lines (typst-style), one per error, in any order:
//!
//! ```text
//! # Error: code | field | clause | a substring of message_zh
//! ```
//!
//! `-` in the field or clause column means "none". Every error must also name the file it was
//! loaded as (`tests/policies/broken/<name>.toml`) and carry non-empty Chinese and English
//! messages. By default a city file is loaded into `Engine::builtin()` and a framework or layer
//! into a fresh engine holding only the built-in national layer; `# Engine: builtin` or
//! `# Engine: layer` overrides that. Set `BROKEN_PRINT=1` to print what every file produces in
//! the expectation format.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use yibao::policy::load::MAX_POLICY_BYTES;
use yibao::{Engine, Error};

#[derive(Debug, Clone, PartialEq)]
struct Expected {
    code: String,
    field: Option<String>,
    clause: Option<String>,
    message: String,
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/policies/broken")
}

fn opt(s: &str) -> Option<String> {
    let s = s.trim();
    if s == "-" {
        None
    } else {
        Some(s.to_string())
    }
}

fn expectations(text: &str) -> (Vec<Expected>, Option<String>, Vec<String>) {
    let mut out = Vec::new();
    let mut engine = None;
    let mut malformed = Vec::new();
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("# Error:") {
            let cols: Vec<&str> = rest.split(" | ").collect();
            if cols.len() != 4 {
                malformed.push(format!(
                    "expectation needs 4 columns (code | field | clause | message): {line}"
                ));
                continue;
            }
            out.push(Expected {
                code: cols[0].trim().to_string(),
                field: opt(cols[1]),
                clause: opt(cols[2]),
                message: cols[3].trim().to_string(),
            });
        } else if let Some(rest) = line.strip_prefix("# Engine:") {
            engine = Some(rest.trim().to_string());
        }
    }
    (out, engine, malformed)
}

fn layer_engine() -> Engine {
    let mut e = Engine::default();
    let (file, text) = yibao::builtin::FILES[0];
    e.add_policy(file, text)
        .expect("built-in national layer loads");
    e
}

fn engine_for(text: &str, header: Option<&str>) -> Engine {
    let kind = text.parse::<toml::Table>().ok().and_then(|t| {
        t.get("meta")
            .and_then(|m| m.get("kind"))
            .and_then(|k| k.as_str())
            .map(str::to_string)
    });
    let builtin = match header {
        Some("builtin") => true,
        Some("layer") => false,
        Some(other) => panic!("unknown # Engine: {other}"),
        None => kind.as_deref() != Some("framework") && kind.as_deref() != Some("layer"),
    };
    if builtin {
        Engine::builtin().expect("built-in policies load")
    } else {
        layer_engine()
    }
}

fn render(e: &Error) -> String {
    format!(
        "# Error: {} | {} | {} | {}",
        e.code(),
        e.field.as_deref().unwrap_or("-"),
        e.clause.as_deref().unwrap_or("-"),
        e.message_zh
    )
}

fn matches(x: &Expected, e: &Error) -> bool {
    x.code == e.code()
        && x.field == e.field
        && x.clause == e.clause
        && e.message_zh.contains(&x.message)
}

/// Loads one corpus file; returns a description of every mismatch (empty: as expected).
fn check_one(path: &Path) -> Vec<String> {
    let name = format!(
        "tests/policies/broken/{}",
        path.file_name().unwrap().to_string_lossy()
    );
    let text = std::fs::read_to_string(path).unwrap();
    let (expected, header, malformed) = expectations(&text);
    let mut problems: Vec<String> = malformed
        .into_iter()
        .map(|m| format!("{name}: {m}"))
        .collect();
    if expected.is_empty() {
        problems.push(format!("{name}: no `# Error:` lines"));
    }
    let mut engine = engine_for(&text, header.as_deref());
    // check_policy (no adding) answers exactly what add_policy answers
    let checked = engine
        .check_policy(&name, &text)
        .map_err(|es| es.iter().map(render).collect::<Vec<_>>());
    let result = catch_unwind(AssertUnwindSafe(|| engine.add_policy(&name, &text)));
    if let Ok(r) = &result {
        let added = r
            .clone()
            .map_err(|es| es.iter().map(render).collect::<Vec<_>>());
        if checked != added {
            problems.push(format!(
                "{name}: check_policy answered {checked:?}, add_policy {added:?}"
            ));
        }
    }
    let errors = match result {
        Err(_) => return vec![format!("{name}: PANICKED")],
        Ok(Ok(_)) => return vec![format!("{name}: loaded without error")],
        Ok(Err(errors)) => errors,
    };
    if std::env::var_os("BROKEN_PRINT").is_some() {
        eprintln!("== {name}");
        for e in &errors {
            eprintln!("{}", render(e));
        }
    }
    for e in &errors {
        if e.file.as_deref() != Some(name.as_str()) {
            problems.push(format!(
                "{name}: error names file {:?}: {}",
                e.file,
                render(e)
            ));
        }
        if e.message_zh.trim().is_empty() || e.message_en.trim().is_empty() {
            problems.push(format!("{name}: empty message: {}", render(e)));
        }
    }
    if errors.len() != expected.len() {
        problems.push(format!(
            "{name}: expected {} errors, got {}",
            expected.len(),
            errors.len()
        ));
    }
    let mut used = vec![false; errors.len()];
    for x in &expected {
        match errors
            .iter()
            .enumerate()
            .position(|(i, e)| !used[i] && matches(x, e))
        {
            Some(i) => used[i] = true,
            None => problems.push(format!("{name}: expected error not produced: {x:?}")),
        }
    }
    for (i, e) in errors.iter().enumerate() {
        if !used[i] {
            problems.push(format!("{name}: unexpected error:\n{}", render(e)));
        }
    }
    problems
}

fn corpus() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_broken_file_fails_exactly_as_written() {
    let files = corpus();
    assert!(files.len() >= 20, "corpus too small: {}", files.len());
    let problems: Vec<String> = files.iter().flat_map(|p| check_one(p)).collect();
    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// The corpus covers the defects issue 5 names; a file removed by mistake shows up here.
#[test]
fn corpus_covers_the_required_defects() {
    let names: Vec<String> = corpus()
        .iter()
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    for required in [
        "missing_field",
        "wrong_type_number",
        "wrong_type_number_in_override",
        "unknown_field",
        "unknown_framework",
        "edges_overlapping",
        "edges_unordered",
        "ratio_above_100",
        "deductible_out_of_range",
        "too_many_segments",
        "waiting_over_ceiling",
        "dates_reversed",
        "city_dates_reversed",
        "city_region_twice",
        "city_region_of_framework",
        "stated_figure_changed",
        "assumed_without_range",
        "derived_without_formula",
        "community_not_higher",
        "mean_ratio_below_floor",
        "toml_syntax",
    ] {
        assert!(
            names.iter().any(|n| n == required),
            "missing corpus file {required}.toml"
        );
    }
}

/// The base the broken framework files are cut from loads cleanly, so each of them fails only
/// for the defect it was given.
#[test]
fn check_policy_adds_nothing() {
    // every built-in file checked against an engine that has all the others: the engine's
    // answers (its catalogue) stay the same, and add_policy then answers the same as the check
    let mut engine = Engine::default();
    for (file, text) in yibao::builtin::FILES {
        let before = format!("{:?}", engine.catalogue());
        let checked = engine.check_policy(file, text);
        assert!(checked.is_ok(), "{file}: {checked:?}");
        assert_eq!(format!("{:?}", engine.catalogue()), before, "{file}");
        assert_eq!(engine.add_policy(file, text), checked, "{file}");
        // checked again once loaded: a duplicate
        let again = engine.check_policy(file, text).unwrap_err();
        assert!(
            again
                .iter()
                .any(|e| e.kind == yibao::ErrorKind::PolicyDuplicate),
            "{file}: {again:?}"
        );
    }
}

#[test]
fn minimal_framework_is_valid() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/policies/minimal-framework.toml");
    let text = std::fs::read_to_string(path).unwrap();
    let mut e = layer_engine();
    e.add_policy("tests/policies/minimal-framework.toml", &text)
        .unwrap();
}

/// The unmodified Changchun file is the base of the broken city files; it must load on its own
/// (under a different region id, since the built-in engine already has it).
#[test]
fn changchun_base_is_valid() {
    let text = include_str!("../policies/jilin-2008/changchun.toml")
        .replace("id = \"jilin-2008-changchun\"", "id = \"jilin-2008-test\"")
        .replace("id = \"changchun\"", "id = \"test-city\"");
    let mut e = Engine::builtin().unwrap();
    e.add_policy("test.toml", &text).unwrap();
}

fn oversized() -> String {
    let base = include_str!("../policies/jilin-2008/changchun.toml");
    let mut text = String::with_capacity(MAX_POLICY_BYTES + 4096);
    text.push_str(base);
    while text.len() <= MAX_POLICY_BYTES {
        text.push_str(
            "# padding padding padding padding padding padding padding padding padding\n",
        );
    }
    text
}

/// A file over the size limit is refused before parsing (generated here, not committed).
#[test]
fn oversized_file_is_refused() {
    let text = oversized();
    let mut e = Engine::builtin().unwrap();
    let errs = e.add_policy("huge.toml", &text).unwrap_err();
    assert_eq!(errs.len(), 1);
    let err = &errs[0];
    assert_eq!(err.code(), "policy_syntax");
    assert_eq!(err.file.as_deref(), Some("huge.toml"));
    assert!(
        err.message_zh.contains("政策文件过大"),
        "{}",
        err.message_zh
    );
    assert!(err.message_en.contains("too large"), "{}", err.message_en);
    // exactly at the limit is still parsed (and here, fine)
    let mut at_limit = include_str!("../policies/jilin-2008/changchun.toml")
        .replace("jilin-2008-changchun", "jilin-2008-x")
        .replace("id = \"changchun\"", "id = \"x\"");
    while at_limit.len() < MAX_POLICY_BYTES {
        at_limit.push('\n');
    }
    assert_eq!(at_limit.len(), MAX_POLICY_BYTES);
    e.add_policy("limit.toml", &at_limit).unwrap();
}

/// Core bug (reported to the lead): the size-limit error names no field, while every other
/// policy error does. A portal showing "which field?" gets nothing.
#[test]
fn oversized_error_names_the_whole_file() {
    let errs = Engine::builtin()
        .unwrap()
        .add_policy("huge.toml", &oversized())
        .unwrap_err();
    assert!(
        errs[0].field.as_deref().is_some_and(|f| !f.is_empty()),
        "size-limit error has no field: {:?}",
        errs[0]
    );
}

/// A rejected file leaves the engine as it was: the built-in policies still answer.
#[test]
fn rejected_files_leave_the_engine_working() {
    let mut e = Engine::builtin().unwrap();
    let before = e.files();
    for p in corpus() {
        let text = std::fs::read_to_string(&p).unwrap();
        let _ = e.add_policy("x.toml", &text);
    }
    assert_eq!(e.files(), before);
    let req: yibao::api::PremiumRequest = serde_json::from_str(
        r#"{"person":{"scheme":"jilin-2008","region":"changchun","category":"adult"}}"#,
    )
    .unwrap();
    e.premium(&req).unwrap();
}

/// Regression (fixed in core): a wrong type inside `[overrides]` was reported against the
/// field `overrides` with no path or line, so a portal editor cannot tell which value is wrong.
#[test]
fn core_bug_override_type_error_names_the_field() {
    let path = corpus_dir().join("wrong_type_number_in_override.toml");
    let text = std::fs::read_to_string(path).unwrap();
    let errs = Engine::builtin()
        .unwrap()
        .add_policy("x.toml", &text)
        .unwrap_err();
    let named = errs.iter().any(|e| {
        e.field
            .as_deref()
            .is_some_and(|f| f.contains("waiting_months"))
            || e.message_zh.contains("waiting_months")
    });
    assert!(
        named,
        "the error should name benefits.waiting_months.value: {errs:?}"
    );
}
