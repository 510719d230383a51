//! `check`: loads a set of policy files the way the engine does (layers, then frameworks, then
//! cities) and adds lint findings on top of validation: labels in both languages, citations on
//! every rule, and no two files claiming the same region for overlapping dates.

use crate::engine::Engine;
use crate::error::{Error, ErrorKind};
use crate::policy::model::Policy;

fn kind_rank(text: &str) -> u8 {
    // cheap pre-scan; a file that doesn't parse is reported by the real load below
    let t: Option<toml::Table> = toml::from_str(text).ok();
    match t.as_ref().and_then(|t| t.get("meta")).and_then(|m| m.get("kind")).and_then(|k| k.as_str()) {
        Some("layer") => 0,
        Some("framework") => 1,
        _ => 2,
    }
}

fn lint_labels(file: &str, p: &Policy, out: &mut Vec<Error>) {
    let mut need = |field: String, zh: &str, en: &str| {
        if zh.trim().is_empty() || en.trim().is_empty() {
            out.push(
                Error::new(ErrorKind::PolicyLint, format!("{field}：名称须同时有中文和英文"), format!("{field}: label needs both Chinese and English"))
                    .file(file)
                    .field(field),
            );
        }
    };
    need("meta".into(), &p.meta.name_zh, &p.meta.name_en);
    for r in &p.regions {
        need(format!("regions[{}]", r.id), &r.name_zh, &r.name_en);
    }
    for l in &p.levels {
        need(format!("levels[{}]", l.id), &l.name_zh, &l.name_en);
    }
    for c in &p.categories {
        need(format!("categories[{}]", c.id), &c.name_zh, &c.name_en);
    }
    for s in &p.statuses {
        need(format!("statuses[{}]", s.id), &s.name_zh, &s.name_en);
    }
    if let Some(pr) = &p.premium {
        for c in &pr.classes {
            need(format!("premium.classes[{}]", c.id), &c.name_zh, &c.name_en);
        }
    }
    for (i, r) in p.eligibility.iter().enumerate() {
        need(format!("eligibility[{i}]"), &r.reason_zh, &r.reason_en);
    }
    for (i, r) in p.eligibility.iter().enumerate() {
        if r.clause.trim().is_empty() {
            out.push(Error::new(ErrorKind::PolicyLint, format!("eligibility[{i}]：缺少条款出处"), format!("eligibility[{i}]: missing clause")).file(file).field(format!("eligibility[{i}]")));
        }
    }
}

/// Loads and checks `files` (name, text) together. Empty result: all good.
pub fn check_files(files: &[(String, String)]) -> Vec<Error> {
    let mut order: Vec<&(String, String)> = files.iter().collect();
    order.sort_by_key(|(_, t)| kind_rank(t));
    let mut engine = Engine::default();
    let mut errors = Vec::new();
    for (name, text) in order {
        match engine.add_policy(name, text) {
            Ok(_) => {
                if let Ok(crate::policy::Parsed::Policy(p, _)) = crate::policy::parse(name, text) {
                    lint_labels(name, &p, &mut errors);
                }
            }
            Err(es) => errors.extend(es),
        }
    }
    errors
}
