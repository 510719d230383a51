//! `check`: loads a set of policy files the way the engine does (layers, then frameworks, then
//! cities) and adds lint findings on top of validation: labels in both languages, citations on
//! every rule, notes on every assumed figure, and no two files claiming the same region (or the
//! same framework id) for overlapping dates.

use crate::date::Date;
use crate::engine::Engine;
use crate::error::{Error, ErrorKind};
use crate::policy::load::{parse, CityFile, Parsed};
use crate::policy::model::claim_rules;
use crate::policy::model::{Basis, Policy};
use crate::policy::validate::figures;

fn kind_rank(text: &str) -> u8 {
    // cheap pre-scan; a file that doesn't parse is reported by the real load below
    let t: Option<toml::Table> = toml::from_str(text).ok();
    match t
        .as_ref()
        .and_then(|t| t.get("meta"))
        .and_then(|m| m.get("kind"))
        .and_then(|k| k.as_str())
    {
        Some("layer") => 0,
        Some("framework") => 1,
        Some("annual") => 3,
        _ => 2,
    }
}

/// A label must exist in both Chinese and English.
fn need_both(out: &mut Vec<Error>, file: &str, field: String, zh: &str, en: &str) {
    if zh.trim().is_empty() || en.trim().is_empty() {
        out.push(
            Error::new(
                ErrorKind::PolicyLint,
                format!("{field}：名称须同时有中文和英文"),
                format!("{field}: label needs both Chinese and English"),
            )
            .file(file)
            .field(field),
        );
    }
}

fn lint_labels(file: &str, p: &Policy, out: &mut Vec<Error>) {
    let mut need = |field: String, zh: &str, en: &str| {
        need_both(out, file, field, zh, en);
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
        need(
            format!("eligibility[{i}].send_to"),
            &r.send_to_zh,
            &r.send_to_en,
        );
    }
    if let Some(pr) = &p.premium {
        for e in &pr.extras {
            need(format!("premium.extras[{}]", e.id), &e.name_zh, &e.name_en);
        }
        for (i, o) in pr.payment_options.iter().enumerate() {
            need(format!("premium.payment_options[{i}]"), &o.zh, &o.en);
        }
    }
    if let Some(b) = &p.benefits {
        for (kind, rule) in claim_rules(b) {
            need(format!("benefits.{kind}"), &rule.name_zh, &rule.name_en);
            for d in &rule.diseases {
                need(
                    format!("benefits.{kind}.diseases[{}]", d.id),
                    &d.name_zh,
                    &d.name_en,
                );
            }
            for pe in &rule.penalties {
                need(
                    format!("benefits.{kind}.penalties[{}]", pe.level),
                    &pe.reason_zh,
                    &pe.reason_en,
                );
            }
        }
    }
    for n in &p.notices {
        need(format!("notices[{}]", n.id), &n.zh, &n.en);
    }
    for n in p.benefits.iter().flat_map(|b| &b.not_set) {
        need(format!("benefits.not_set[{}]", n.kind), &n.zh, &n.en);
    }
    for t in &p.topups {
        need(format!("topups[{}]", t.id), &t.name_zh, &t.name_en);
    }
    for (i, r) in p.eligibility.iter().enumerate() {
        if r.clause.trim().is_empty() {
            out.push(
                Error::new(
                    ErrorKind::PolicyLint,
                    format!("eligibility[{i}]：缺少条款出处"),
                    format!("eligibility[{i}]: missing clause"),
                )
                .file(file)
                .field(format!("eligibility[{i}]")),
            );
        }
    }
}

/// The group a figure's note may be shared with: the edges of one schedule, or the ratios of one
/// schedule (all levels). A note on one member explains the list; other figures stand alone.
fn note_group(path: &str) -> String {
    if let Some(i) = path.find(".schedules[") {
        let rest = &path[i..];
        let end = rest.find(']').map_or(rest.len(), |j| j + 1);
        let kind = if rest[end..].starts_with(".edges") {
            "edges"
        } else {
            "ratios"
        };
        return format!("{}{}", &path[..i + end], kind);
    }
    path.to_string()
}

/// Every assumed figure carries a note in both languages saying why this value was chosen (a
/// list of edges or ratios may share one note on any of its members).
fn lint_notes(file: &str, p: &Policy, out: &mut Vec<Error>) {
    let has = |s: &Option<String>| s.as_deref().is_some_and(|x| !x.trim().is_empty());
    let mut groups: Vec<(String, String, bool, bool)> = Vec::new(); // group, first path, zh, en
    for (path, f, _) in figures(p) {
        if f.basis != Basis::Assumed {
            continue;
        }
        let g = note_group(&path);
        match groups.iter_mut().find(|x| x.0 == g) {
            Some(x) => {
                x.2 |= has(&f.note_zh);
                x.3 |= has(&f.note_en);
            }
            None => groups.push((g, path, has(&f.note_zh), has(&f.note_en))),
        }
    }
    for (_, path, zh, en) in groups {
        if !(zh && en) {
            let missing = match (zh, en) {
                (false, false) => "note_zh、note_en",
                (false, true) => "note_zh",
                _ => "note_en",
            };
            out.push(
                Error::new(
                    ErrorKind::PolicyLint,
                    format!("{path}：假设取值（assumed）缺少说明 {missing}（为何取这个值）"),
                    format!(
                        "{path}: assumed figure lacks {} (why this value)",
                        missing.replace('、', ", ")
                    ),
                )
                .file(file)
                .field(path),
            );
        }
    }
}

fn lint_city_labels(file: &str, c: &CityFile, out: &mut Vec<Error>) {
    for (field, zh, en) in [
        ("meta", &c.meta.name_zh, &c.meta.name_en),
        ("region", &c.region.name_zh, &c.region.name_en),
    ] {
        need_both(out, file, field.to_string(), zh, en);
    }
}

/// What a file claims: a framework id, or a region of a framework, for a span of dates.
struct Claim {
    /// `framework` or `region`.
    what: &'static str,
    scheme: String,
    id: String,
    from: Option<Date>,
    to: Option<Date>,
    file: String,
}

fn overlaps(a: &Claim, b: &Claim) -> bool {
    // an unreadable date is reported by validation; treat it as unbounded here
    let starts_before_end = |x: &Claim, y: &Claim| match (x.from, y.to) {
        (Some(f), Some(t)) => f <= t,
        _ => true,
    };
    starts_before_end(a, b) && starts_before_end(b, a)
}

fn span(c: &Claim) -> String {
    let d = |x: Option<Date>| x.map_or("…".to_string(), |d| d.to_string());
    format!("{}—{}", d(c.from), d(c.to))
}

fn claims_of(
    name: &str,
    text: &str,
    frameworks: &[(String, Option<Date>, Option<Date>)],
) -> Vec<Claim> {
    let date = |s: Option<&str>| s.and_then(|t| Date::parse("", t).ok());
    match parse(name, text) {
        Ok(Parsed::Policy(p, _)) if p.meta.kind != crate::policy::model::FileKind::Layer => {
            let (from, to) = (
                date(Some(&p.meta.effective_from)),
                date(p.meta.effective_to.as_deref()),
            );
            let mut v = vec![Claim {
                what: "framework",
                scheme: p.meta.id.clone(),
                id: p.meta.id.clone(),
                from,
                to,
                file: name.to_string(),
            }];
            v.extend(p.regions.iter().map(|r| Claim {
                what: "region",
                scheme: p.meta.id.clone(),
                id: r.id.clone(),
                from,
                to,
                file: name.to_string(),
            }));
            v
        }
        Ok(Parsed::City(c)) => {
            let Some(fw) = c.meta.framework.clone() else {
                return Vec::new();
            };
            // a city's own dates, bounded by its framework's end when it names none
            let fw_to = frameworks.iter().find(|f| f.0 == fw).and_then(|f| f.2);
            let to = date(c.meta.effective_to.as_deref()).or(fw_to);
            vec![Claim {
                what: "region",
                scheme: fw,
                id: c.region.id.clone(),
                from: date(Some(&c.meta.effective_from)),
                to,
                file: name.to_string(),
            }]
        }
        _ => Vec::new(),
    }
}

/// No two files claim the same framework id, or the same region of one framework, for
/// overlapping dates. The engine refuses the second file; this names the first one and the dates.
fn lint_overlaps(files: &[&(String, String)], out: &mut Vec<Error>) {
    let mut frameworks = Vec::new();
    for (name, text) in files {
        if let Ok(Parsed::Policy(p, _)) = parse(name, text) {
            let d = |s: Option<&str>| s.and_then(|t| Date::parse("", t).ok());
            frameworks.push((
                p.meta.id.clone(),
                d(Some(&p.meta.effective_from)),
                d(p.meta.effective_to.as_deref()),
            ));
        }
    }
    let claims: Vec<Claim> = files
        .iter()
        .flat_map(|(n, t)| claims_of(n, t, &frameworks))
        .collect();
    for (i, b) in claims.iter().enumerate() {
        let Some(a) = claims[..i].iter().find(|a| {
            a.what == b.what
                && a.scheme == b.scheme
                && a.id == b.id
                && a.file != b.file
                && overlaps(a, b)
        }) else {
            continue;
        };
        let (zh, en, field) = if b.what == "framework" {
            (
                format!("框架 id“{}”同时由 {}（{}）和 {}（{}）定义，有效期重叠", b.id, a.file, span(a), b.file, span(b)),
                format!("framework id \"{}\" is defined by both {} ({}) and {} ({}), for overlapping dates", b.id, a.file, span(a), b.file, span(b)),
                "meta.id",
            )
        } else {
            (
                format!("地区“{}”（方案“{}”）同时由 {}（{}）和 {}（{}）定义，有效期重叠", b.id, b.scheme, a.file, span(a), b.file, span(b)),
                format!("region \"{}\" of \"{}\" is claimed by both {} ({}) and {} ({}), for overlapping dates", b.id, b.scheme, a.file, span(a), b.file, span(b)),
                "region.id",
            )
        };
        out.push(
            Error::new(ErrorKind::PolicyLint, zh, en)
                .file(b.file.clone())
                .field(field),
        );
    }
}

/// Loads and checks `files` (name, text) together. Empty result: all good.
pub fn check_files(files: &[(String, String)]) -> Vec<Error> {
    let mut order: Vec<&(String, String)> = files.iter().collect();
    order.sort_by_key(|(_, t)| kind_rank(t));
    let mut engine = Engine::default();
    let mut errors = Vec::new();
    for (name, text) in &order {
        // parsed once: linted, then added (the findings count only for a file that loads)
        let parsed = match parse(name, text) {
            Ok(p) => p,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        let mut found = Vec::new();
        match &parsed {
            Parsed::Policy(p, _) => {
                lint_labels(name, p, &mut found);
                lint_notes(name, p, &mut found);
            }
            Parsed::City(c) => lint_city_labels(name, c, &mut found),
        }
        match engine.add_parsed(name, parsed) {
            Ok(_) => errors.extend(found),
            Err(es) => errors.extend(es),
        }
    }
    lint_overlaps(&order, &mut errors);
    errors
}

/// `(meta.id, meta.kind)` of a policy text, if it parses that far.
fn meta_of(text: &str) -> (Option<String>, Option<String>) {
    let t: Option<toml::Table> = toml::from_str(text).ok();
    let meta = t.as_ref().and_then(|t| t.get("meta"));
    let get = |k: &str| {
        meta.and_then(|m| m.get(k))
            .and_then(|v| v.as_str())
            .map(String::from)
    };
    (get("id"), get("kind"))
}

/// What `yibao check FILES` does, for the CLI and the page's policy editor alike: the `given`
/// files checked together with the built-in layer and framework files they depend on (a given
/// file whose `meta.id` equals a built-in one replaces it; built-in cities are not added).
/// Returns every file checked (the built-in dependencies first) and the findings.
pub fn check_given(given: Vec<(String, String)>) -> (Vec<(String, String)>, Vec<Error>) {
    let ids: Vec<String> = given.iter().filter_map(|(_, t)| meta_of(t).0).collect();
    let mut files: Vec<(String, String)> = Vec::new();
    for (n, t) in crate::builtin::FILES {
        let (id, kind) = meta_of(t);
        let dependency = matches!(kind.as_deref(), Some("layer" | "framework"));
        if dependency && !id.is_some_and(|i| ids.contains(&i)) {
            files.push((n.to_string(), t.to_string()));
        }
    }
    files.extend(given);
    let findings = check_files(&files);
    (files, findings)
}

/// What `yibao pack FILES` and the policy editor's export write packs from: the `given` files
/// with every built-in file (a given file whose `meta.id` equals a built-in one replaces it),
/// checked as `check` checks them (lints included: a pack is validated when it is written). When
/// nothing is found, the engine they load into and the schemes the given files belong to.
pub fn pack_given(given: Vec<(String, String)>) -> Result<(Engine, Vec<String>), Vec<Error>> {
    let ids: Vec<String> = given.iter().filter_map(|(_, t)| meta_of(t).0).collect();
    let mut files: Vec<(String, String)> = crate::builtin::FILES
        .iter()
        .filter(|(_, t)| !meta_of(t).0.is_some_and(|i| ids.contains(&i)))
        .map(|(n, t)| (n.to_string(), t.to_string()))
        .collect();
    let names: Vec<String> = given.iter().map(|(n, _)| n.clone()).collect();
    files.extend(given);
    let findings = check_files(&files);
    if !findings.is_empty() {
        return Err(findings);
    }
    files.sort_by_key(|(_, t)| kind_rank(t));
    let mut engine = Engine::default();
    let mut schemes: Vec<String> = Vec::new();
    for (name, text) in &files {
        let added = engine.add_policy(name, text)?;
        if names.contains(name) && !schemes.contains(&added.scheme) {
            schemes.push(added.scheme);
        }
    }
    Ok((engine, schemes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn builtin_files() -> Vec<(String, String)> {
        crate::builtin::FILES
            .iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect()
    }

    fn lint_only(errs: &[Error]) -> Vec<&Error> {
        errs.iter()
            .filter(|e| e.kind == ErrorKind::PolicyLint)
            .collect()
    }

    const MINIMAL: &str = include_str!("../tests/policies/minimal-framework.toml");
    const LAYER: &str = include_str!("../policies/national-2007.toml");
    const CHANGCHUN: &str = include_str!("../policies/jilin-2008/changchun.toml");

    fn with_layer(files: &[(&str, String)]) -> Vec<Error> {
        let mut v = vec![("national.toml".to_string(), LAYER.to_string())];
        v.extend(files.iter().map(|(n, t)| (n.to_string(), t.clone())));
        check_files(&v)
    }

    #[test]
    fn builtin_files_are_clean() {
        let errs = check_files(&builtin_files());
        assert!(errs.is_empty(), "{errs:#?}");
    }

    #[test]
    fn minimal_framework_is_clean() {
        let errs = with_layer(&[("min.toml", MINIMAL.to_string())]);
        assert!(errs.is_empty(), "{errs:#?}");
    }

    #[test]
    fn assumed_figure_without_notes() {
        let t = MINIMAL.replace(r#"amount = { value = "300", basis = "stated", clause = "三" }"#, r#"amount = { value = "300", basis = "assumed", min = "100", max = "300", clause = "三" }"#);
        let errs = with_layer(&[("min.toml", t.clone())]);
        let l = lint_only(&errs);
        assert_eq!(l.len(), 1, "{errs:#?}");
        assert_eq!(
            l[0].field.as_deref(),
            Some("benefits.inpatient.deductibles[/*].amount")
        );
        assert_eq!(l[0].file.as_deref(), Some("min.toml"));
        assert!(
            l[0].message_zh.contains("note_zh、note_en"),
            "{}",
            l[0].message_zh
        );
        // only the English note: still missing note_zh
        let t2 = t.replace(
            r#"clause = "三" }
"#,
            r#"clause = "三", note_en = "why" }
"#,
        );
        let errs = with_layer(&[("min.toml", t2)]);
        let l = lint_only(&errs);
        assert_eq!(l.len(), 1, "{errs:#?}");
        assert!(
            l[0].message_en.contains("lacks note_zh"),
            "{}",
            l[0].message_en
        );
    }

    #[test]
    fn one_note_covers_a_list_of_ratios() {
        let ratios = r#"ratios = [ { value = "0.50", basis = "stated", clause = "三" }, { value = "0.60", basis = "stated", clause = "三" } ]"#;
        let noted = r#"ratios = [ { value = "0.50", basis = "assumed", min = "0.3", max = "0.7", clause = "三", note_zh = "假设", note_en = "assumed" }, { value = "0.60", basis = "assumed", min = "0.3", max = "0.7", clause = "三" } ]"#;
        assert!(MINIMAL.contains(ratios));
        let errs = with_layer(&[("min.toml", MINIMAL.replace(ratios, noted))]);
        assert!(errs.is_empty(), "{errs:#?}");
        let bare = noted.replace(r#", note_zh = "假设", note_en = "assumed""#, "");
        let errs = with_layer(&[("min.toml", MINIMAL.replace(ratios, &bare))]);
        let l = lint_only(&errs);
        assert_eq!(l.len(), 1, "{errs:#?}");
        assert_eq!(
            l[0].field.as_deref(),
            Some("benefits.inpatient.schedules[].levels[*].ratios[0]")
        );
    }

    #[test]
    fn labels_need_both_languages() {
        let t = MINIMAL
            .replace(r#"name_en = "Inpatient""#, r#"name_en = "  ""#)
            .replace(r#"name_zh = "社区""#, r#"name_zh = """#);
        let errs = with_layer(&[("min.toml", t)]);
        let fields: Vec<&str> = lint_only(&errs)
            .iter()
            .filter_map(|e| e.field.as_deref())
            .collect();
        assert_eq!(
            fields,
            ["levels[community]", "benefits.inpatient"],
            "{errs:#?}"
        );
    }

    #[test]
    fn city_labels_need_both_languages() {
        let t = CHANGCHUN
            .replace("id = \"changchun\"", "id = \"other\"")
            .replace("jilin-2008-changchun", "jilin-2008-other")
            .replace("name_en = \"Changchun\"", "name_en = \"\"");
        let mut files = builtin_files();
        files.push(("other.toml".into(), t));
        let errs = check_files(&files);
        let l = lint_only(&errs);
        assert_eq!(l.len(), 1, "{errs:#?}");
        assert_eq!(l[0].field.as_deref(), Some("region"));
        assert_eq!(l[0].file.as_deref(), Some("other.toml"));
    }

    #[test]
    fn two_cities_claim_one_region() {
        let second = CHANGCHUN.replace("jilin-2008-changchun", "jilin-2008-changchun-b");
        let mut files = builtin_files();
        files.push(("b.toml".into(), second));
        let errs = check_files(&files);
        let l = lint_only(&errs);
        assert_eq!(l.len(), 1, "{errs:#?}");
        assert_eq!(l[0].file.as_deref(), Some("b.toml"));
        assert_eq!(l[0].field.as_deref(), Some("region.id"));
        assert!(
            l[0].message_zh
                .contains("policies/jilin-2008/changchun.toml"),
            "{}",
            l[0].message_zh
        );
        assert!(
            l[0].message_zh.contains("2008-04-01—2016-12-31"),
            "{}",
            l[0].message_zh
        );
        // the engine refuses the second file too
        assert!(errs
            .iter()
            .any(|e| e.kind == ErrorKind::PolicyDuplicate && e.file.as_deref() == Some("b.toml")));
    }

    #[test]
    fn a_city_claims_a_framework_region() {
        let t = CHANGCHUN
            .replace("id = \"changchun\"", "id = \"county\"")
            .replace("jilin-2008-changchun", "jilin-2008-county");
        let mut files: Vec<(String, String)> = builtin_files()
            .into_iter()
            .filter(|(n, _)| !n.ends_with("changchun.toml"))
            .collect();
        files.push(("county.toml".into(), t));
        let l: Vec<Error> = check_files(&files)
            .into_iter()
            .filter(|e| e.kind == ErrorKind::PolicyLint)
            .collect();
        assert_eq!(l.len(), 1, "{l:#?}");
        assert!(
            l[0].message_zh
                .contains("policies/jilin-2008/framework.toml"),
            "{}",
            l[0].message_zh
        );
    }

    #[test]
    fn same_region_for_disjoint_dates_is_no_overlap() {
        let a = Claim {
            what: "region",
            scheme: "s".into(),
            id: "r".into(),
            from: Date::new(2008, 1, 1),
            to: Date::new(2008, 12, 31),
            file: "a".into(),
        };
        let b = Claim {
            from: Date::new(2009, 1, 1),
            to: None,
            file: "b".into(),
            ..Claim { ..a_clone(&a) }
        };
        assert!(!overlaps(&a, &b));
        let c = Claim {
            from: Date::new(2008, 12, 31),
            to: None,
            file: "c".into(),
            ..a_clone(&a)
        };
        assert!(overlaps(&a, &c));
        let open = Claim {
            from: None,
            to: None,
            file: "d".into(),
            ..a_clone(&a)
        };
        assert!(overlaps(&a, &open));
    }

    fn a_clone(c: &Claim) -> Claim {
        Claim {
            what: c.what,
            scheme: c.scheme.clone(),
            id: c.id.clone(),
            from: c.from,
            to: c.to,
            file: c.file.clone(),
        }
    }

    #[test]
    fn two_frameworks_with_one_id() {
        let mut files = builtin_files();
        let copy = include_str!("../policies/jilin-2008/framework.toml").to_string();
        files.push(("copy.toml".into(), copy));
        let errs = check_files(&files);
        let l = lint_only(&errs);
        // the framework id and both of its regions
        assert_eq!(l.len(), 3, "{errs:#?}");
        assert_eq!(l[0].field.as_deref(), Some("meta.id"));
        assert!(
            l[0].message_zh.contains("框架 id“jilin-2008”"),
            "{}",
            l[0].message_zh
        );
        assert!(l.iter().all(|e| e.file.as_deref() == Some("copy.toml")));
        // a later framework reusing the id for a later period is not an overlap
        let later = include_str!("../policies/jilin-2008/framework.toml")
            .replace(
                "effective_from = \"2008-04-01\"",
                "effective_from = \"2017-01-01\"",
            )
            .replace(
                "effective_to = \"2016-12-31\"",
                "effective_to = \"2020-12-31\"",
            );
        let mut files = builtin_files();
        files.push(("later.toml".into(), later));
        let errs = check_files(&files);
        assert!(lint_only(&errs).is_empty(), "{errs:#?}");
    }

    #[test]
    fn broken_input_does_not_panic() {
        for t in [
            "",
            "[meta",
            "[meta]\nkind = \"city\"",
            "[meta]\nkind = \"framework\"\nid = 3",
            "\u{0}",
        ] {
            let errs = check_files(&[("x.toml".into(), t.into())]);
            assert!(!errs.is_empty(), "{t:?}");
            assert!(errs
                .iter()
                .all(|e| !e.message_zh.is_empty() && !e.message_en.is_empty()));
        }
    }
}
