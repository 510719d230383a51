//! Runs every golden case in `tests/scenarios/*.toml` (format: tests/scenarios/README.md).
//! Exact string equality for money; the case name is in every failure.

mod common;

use common::{scenario_files, Case};
use serde_json::Value;
use yibao::api::*;
use yibao::Engine;

fn run(e: &Engine, c: &Case) -> Result<Value, yibao::Error> {
    let claim = || c.claim.clone().unwrap_or_default();
    let v = match c.op.as_str() {
        "premium" => serde_json::to_value(e.premium(&PremiumRequest {
            person: c.person.clone(),
            date: c.date.clone(),
            year: c.year,
        })?),
        "eligibility" => serde_json::to_value(e.eligibility(&c.person)?),
        "claim" => serde_json::to_value(e.claim(&ClaimRequest {
            person: c.person.clone(),
            paid_on: c.paid_on.clone(),
            renewed_without_break: c.renewed_without_break,
            enrolment: c.enrolment.clone(),
            claim: claim(),
            explain: true,
        })?),
        "compare" => serde_json::to_value(e.compare(&ClaimRequest {
            person: c.person.clone(),
            paid_on: c.paid_on.clone(),
            renewed_without_break: c.renewed_without_break,
            enrolment: c.enrolment.clone(),
            claim: claim(),
            explain: true,
        })?),
        "year" => serde_json::to_value(e.year(&YearRequest {
            person: c.person.clone(),
            paid_on: c.paid_on.clone(),
            renewed_without_break: c.renewed_without_break,
            enrolment: c.enrolment.clone(),
            claims: c.claims.clone().unwrap_or_default(),
            explain: true,
        })?),
        other => panic!("{}: unknown op {other}", c.name),
    };
    Ok(v.expect("results serialise"))
}

/// Walks `a.b.0.c` and `list[key=value]` selectors through a JSON value.
fn lookup<'a>(mut v: &'a Value, path: &str) -> Option<&'a Value> {
    for part in path.split('.') {
        if let Some((name, sel)) = part.split_once('[') {
            let sel = sel.trim_end_matches(']');
            let (k, want) = sel.split_once('=')?;
            v = v
                .get(name)?
                .as_array()?
                .iter()
                .find(|x| x.get(k).and_then(|y| y.as_str()) == Some(want))?;
        } else if let Ok(i) = part.parse::<usize>() {
            v = v.get(i)?;
        } else {
            v = v.get(part)?;
        }
    }
    Some(v)
}

fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[test]
fn scenarios() {
    let engine = Engine::builtin().expect("built-in policies load");
    let mut failures = Vec::new();
    let mut count = 0;
    for (f, file) in &scenario_files() {
        for c in &file.case {
            count += 1;
            let label = format!("{} › {}", f.file_name().unwrap().to_string_lossy(), c.name);
            match (run(&engine, c), &c.expect, &c.error) {
                (Ok(v), Some(exp), None) => {
                    assert!(!exp.is_empty(), "{label}: empty expect");
                    for (path, want) in exp {
                        let want = want
                            .as_str()
                            .unwrap_or_else(|| panic!("{label}: expected values are strings"));
                        match lookup(&v, path) {
                            Some(got) if text(got) == want => {}
                            Some(got) => failures
                                .push(format!("{label}: {path} = {} (expected {want})", text(got))),
                            None => failures.push(format!("{label}: {path} missing in {v}")),
                        }
                    }
                }
                (Err(e), None, Some(exp)) => {
                    if e.code() != exp.code {
                        failures.push(format!(
                            "{label}: error code {} (expected {}): {e}",
                            e.code(),
                            exp.code
                        ));
                    }
                    if exp.field.is_some() && e.field != exp.field {
                        failures.push(format!(
                            "{label}: error field {:?} (expected {:?})",
                            e.field, exp.field
                        ));
                    }
                    if let Some(m) = &exp.message {
                        if !e.message_zh.contains(m.as_str()) {
                            failures
                                .push(format!("{label}: message “{}” lacks “{m}”", e.message_zh));
                        }
                    }
                    assert!(!e.message_en.is_empty(), "{label}: English message");
                }
                (Ok(v), None, Some(exp)) => {
                    failures.push(format!("{label}: expected error {} but got {v}", exp.code))
                }
                (Err(e), Some(_), None) => failures.push(format!("{label}: unexpected error {e}")),
                _ => failures.push(format!("{label}: a case has exactly one of expect / error")),
            }
        }
    }
    assert!(count >= 60, "only {count} cases found");
    assert!(
        failures.is_empty(),
        "{} of {count} scenario checks failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
