//! Checks on policy files: each figure against its own basis and range, the file's internal
//! references and relations, and a city file's values against its framework's permitted ranges.
//! Every failure names the file, the field and the clause.

use rust_decimal::Decimal;

use super::model::*;
use crate::date::Date;
use crate::error::{Error, ErrorKind};
use crate::money::MAX_YUAN;

pub use super::figures::{figures, Unit};

struct Ctx<'a> {
    file: &'a str,
    doc: &'a str,
    doc_override: Option<String>,
    errors: Vec<Error>,
}

impl Ctx<'_> {
    fn err(&mut self, kind: ErrorKind, field: &str, clause: &str, zh: String, en: String) {
        let doc = self.doc_override.as_deref().unwrap_or(self.doc);
        let clause = if clause.is_empty() {
            String::new()
        } else {
            format!("{doc} {clause}")
        };
        let mut e = Error::new(kind, format!("{field}：{zh}"), format!("{field}: {en}"))
            .file(self.file)
            .field(field);
        if !clause.is_empty() {
            e = e.clause(clause);
        }
        self.errors.push(e);
    }
}

fn pct(d: Decimal) -> String {
    format!("{}%", (d * Decimal::ONE_HUNDRED).normalize())
}

fn check_figure(c: &mut Ctx, path: &str, f: &Figure, unit: Unit) {
    // A figure that rests on another document is cited to that document.
    c.doc_override = f.doc.clone();
    check_figure_inner(c, path, f, unit);
    c.doc_override = None;
}

fn check_figure_inner(c: &mut Ctx, path: &str, f: &Figure, unit: Unit) {
    let clause = f.clause.clone();
    if f.clause.trim().is_empty() {
        c.err(
            ErrorKind::PolicyFigure,
            path,
            "",
            "缺少条款出处（clause）".into(),
            "missing clause citation".into(),
        );
    }
    let upper = match unit {
        Unit::Yuan => Decimal::from(MAX_YUAN),
        Unit::Ratio => Decimal::ONE,
        Unit::Months => Decimal::from(120),
        Unit::Count => Decimal::from(10),
    };
    for (name, v) in [("value", Some(f.value)), ("min", f.min), ("max", f.max)] {
        if let Some(v) = v {
            if v > upper {
                let (zh, en) = match unit {
                    Unit::Ratio => (
                        format!("{name} = {} 超过100%", pct(v)),
                        format!("{name} = {} exceeds 100%", pct(v)),
                    ),
                    _ => (
                        format!("{name} = {v} 超出合理上限 {upper}"),
                        format!("{name} = {v} exceeds the bound {upper}"),
                    ),
                };
                c.err(ErrorKind::PolicyFigure, path, &clause, zh, en);
            }
        }
    }
    if matches!(unit, Unit::Months | Unit::Count) && !f.value.fract().is_zero() {
        c.err(
            ErrorKind::PolicyFigure,
            path,
            &clause,
            "应为整数".into(),
            "must be a whole number".into(),
        );
    }
    if unit == Unit::Yuan && f.value.scale() > 2 && !f.value.round_dp(2).eq(&f.value) {
        c.err(
            ErrorKind::PolicyFigure,
            path,
            &clause,
            "金额最多两位小数".into(),
            "amounts have at most two decimals".into(),
        );
    }
    match f.basis {
        Basis::Stated => {
            if f.min.is_some() || f.max.is_some() {
                c.err(
                    ErrorKind::PolicyFigure,
                    path,
                    &clause,
                    "文件规定的数值（stated）不应带取值范围".into(),
                    "a stated figure has no range".into(),
                );
            }
        }
        Basis::Derived => {
            if f.formula.as_deref().is_none_or(|s| s.trim().is_empty()) {
                c.err(
                    ErrorKind::PolicyFigure,
                    path,
                    &clause,
                    "推算数值（derived）必须写出算式（formula）".into(),
                    "a derived figure needs its formula".into(),
                );
            }
        }
        // A later notice's "不低于" with no ceiling known: an open floor (value = min, no max).
        Basis::Floor if f.source.is_some() && f.max.is_none() && f.min == Some(f.value) => {}
        // An assumption whose ceiling the document names but no source gives (大病保险 threshold
        // "不高于上年度…人均可支配收入", the income not found): open above, said in its note.
        Basis::Assumed
            if f.max.is_none()
                && f.min.is_some_and(|lo| lo <= f.value)
                && f.note_zh.as_deref().is_some_and(|n| n.contains("未找到")) => {}
        Basis::Assumed | Basis::Floor | Basis::Ceiling => match (f.min, f.max) {
            (Some(lo), Some(hi)) => {
                if lo > hi {
                    c.err(
                        ErrorKind::PolicyFigure,
                        path,
                        &clause,
                        format!("取值范围颠倒：min {lo} > max {hi}"),
                        format!("range inverted: min {lo} > max {hi}"),
                    );
                } else if f.value < lo || f.value > hi {
                    c.err(
                        ErrorKind::PolicyFigure,
                        path,
                        &clause,
                        format!("取值 {} 不在自身范围 {lo}—{hi} 内", f.value),
                        format!("value {} outside its own range {lo}–{hi}", f.value),
                    );
                }
                if f.basis == Basis::Floor && f.value != lo {
                    c.err(
                        ErrorKind::PolicyFigure,
                        path,
                        &clause,
                        "下限（floor）取值应等于 min".into(),
                        "a floor figure's value must equal min".into(),
                    );
                }
                if f.basis == Basis::Ceiling && f.value != hi {
                    c.err(
                        ErrorKind::PolicyFigure,
                        path,
                        &clause,
                        "上限（ceiling）取值应等于 max".into(),
                        "a ceiling figure's value must equal max".into(),
                    );
                }
            }
            _ => c.err(
                ErrorKind::PolicyFigure,
                path,
                &clause,
                "地方取值（assumed/floor/ceiling）必须记录文件允许的范围 min 与 max".into(),
                "a local figure must record its permitted range (min and max)".into(),
            ),
        },
    }
}

fn dup_ids<'a>(c: &mut Ctx, what: &str, ids: impl Iterator<Item = &'a str>) {
    let mut seen: Vec<&str> = Vec::new();
    for id in ids {
        if seen.contains(&id) {
            c.err(
                ErrorKind::PolicyDuplicate,
                what,
                "",
                format!("“{id}”出现了两次"),
                format!("\"{id}\" appears twice"),
            );
        }
        seen.push(id);
    }
}

fn known(c: &mut Ctx, field: &str, list: &[String], ids: &[&str], allow_star: bool) {
    for x in list {
        if !(ids.contains(&x.as_str()) || allow_star && x == "*") {
            c.err(
                ErrorKind::PolicySyntax,
                field,
                "",
                format!("引用了未定义的“{x}”"),
                format!("refers to undefined \"{x}\""),
            );
        }
    }
}

fn mean(v: &[Decimal]) -> Decimal {
    if v.is_empty() {
        return Decimal::ZERO;
    }
    v.iter().copied().sum::<Decimal>() / Decimal::from(v.len() as u32)
}

fn check_dates(c: &mut Ctx, meta: &Meta) {
    let from = Date::parse("meta.effective_from", &meta.effective_from);
    let to = meta
        .effective_to
        .as_deref()
        .map(|t| Date::parse("meta.effective_to", t));
    if let Err(e) = &from {
        c.errors.push(e.clone().file(c.file));
    }
    if let Some(Err(e)) = &to {
        c.errors.push(e.clone().file(c.file));
    }
    if let (Ok(f), Some(Ok(t))) = (&from, &to) {
        if t < f {
            c.err(
                ErrorKind::PolicyRelation,
                "meta.effective_to",
                &meta.effective_from_clause,
                format!("失效日期 {t} 早于生效日期 {f}"),
                format!("ends ({t}) before it begins ({f})"),
            );
        }
    }
}

/// A city file's own dates: well-formed, in order, and inside its framework's validity.
pub fn check_city_meta(file: &str, city: &Meta, framework: &Meta) -> Vec<Error> {
    let mut c = Ctx {
        file,
        doc: &city.doc,
        doc_override: None,
        errors: Vec::new(),
    };
    check_dates(&mut c, city);
    if let Err(e) = Date::parse("meta.issued", &city.issued) {
        c.errors.push(e.file(file));
    }
    let parse = |s: &str| Date::parse("meta", s).ok();
    let (cf, ct) = (
        parse(&city.effective_from),
        city.effective_to.as_deref().and_then(parse),
    );
    let (ff, ft) = (
        parse(&framework.effective_from),
        framework.effective_to.as_deref().and_then(parse),
    );
    if let (Some(cf), Some(ff)) = (cf, ff) {
        if cf < ff {
            c.err(
                ErrorKind::PolicyRelation,
                "meta.effective_from",
                &framework.effective_from_clause,
                format!("生效日期 {cf} 早于框架文件生效日期 {ff}"),
                format!("begins ({cf}) before its framework ({ff})"),
            );
        }
    }
    // a city without an end date inherits its framework's
    if let (Some(ft), Some(ct)) = (ft, ct) {
        if ct > ft {
            c.err(
                ErrorKind::PolicyRelation,
                "meta.effective_to",
                &framework.effective_from_clause,
                format!("失效日期 {ct} 晚于框架文件失效日期 {ft}"),
                format!("ends ({ct}) after its framework ({ft})"),
            );
        }
    }
    c.errors
}

/// Checks one policy on its own: figures, ids, references, dates, and the relations its
/// constraints state. Returns every problem found.
pub fn check_policy(file: &str, p: &Policy) -> Vec<Error> {
    let mut c = Ctx {
        file,
        doc: &p.meta.doc,
        doc_override: None,
        errors: Vec::new(),
    };
    for (path, f, unit) in figures(p) {
        check_figure(&mut c, &path, f, unit);
    }
    check_dates(&mut c, &p.meta);
    if let Err(e) = Date::parse("meta.issued", &p.meta.issued) {
        c.errors.push(e.file(file));
    }
    dup_ids(&mut c, "regions", p.regions.iter().map(|r| r.id.as_str()));
    dup_ids(&mut c, "levels", p.levels.iter().map(|r| r.id.as_str()));
    dup_ids(
        &mut c,
        "categories",
        p.categories.iter().map(|r| r.id.as_str()),
    );
    dup_ids(&mut c, "statuses", p.statuses.iter().map(|r| r.id.as_str()));
    c.errors.extend(super::periods::check_time(file, p));
    if matches!(p.meta.kind, FileKind::Layer | FileKind::Annual) {
        return c.errors;
    }
    if p.meta.benefit_year.is_none() {
        c.err(
            ErrorKind::PolicySyntax,
            "meta.benefit_year",
            "",
            "缺少待遇年度规则".into(),
            "missing benefit_year".into(),
        );
    }
    let cats: Vec<&str> = p.categories.iter().map(|x| x.id.as_str()).collect();
    let stats: Vec<&str> = p.statuses.iter().map(|x| x.id.as_str()).collect();
    let levels: Vec<&str> = p.levels.iter().map(|x| x.id.as_str()).collect();
    for s in &p.statuses {
        known(
            &mut c,
            &format!("statuses[{}].categories", s.id),
            &s.categories,
            &cats,
            false,
        );
    }
    for (i, r) in p.eligibility.iter().enumerate() {
        let f = format!("eligibility[{i}]");
        known(&mut c, &f, &r.categories, &cats, false);
        known(&mut c, &f, &r.all, &stats, false);
        known(&mut c, &f, &r.none, &stats, false);
    }
    if let Some(pr) = &p.premium {
        check_premium(&mut c, "premium", pr, &cats, &stats);
        for r in &p.regions {
            if !pr.standards.iter().any(|s| s.tier == r.tier) {
                c.err(
                    ErrorKind::PolicyRelation,
                    &format!("regions[{}]", r.id),
                    &r.clause,
                    format!("档次“{}”没有缴费标准", r.tier),
                    format!("tier \"{}\" has no contribution standards", r.tier),
                );
            }
        }
    }
    for n in &p.notices {
        known(
            &mut c,
            &format!("notices[{}].statuses_any", n.id),
            &n.statuses_any,
            &stats,
            false,
        );
    }
    if let Some(b) = &p.benefits {
        check_benefits(&mut c, p, b, &cats, &levels);
        check_not_set(&mut c, p, b, &cats, &levels);
        let tiers: Vec<&str> = p.regions.iter().map(|r| r.tier.as_str()).collect();
        c.errors.extend(check_complete(file, p, &tiers));
    } else if p.benefits_absent.is_none() {
        c.err(
            ErrorKind::PolicySyntax,
            "benefits",
            "",
            "既没有 benefits，也没有说明原因的 benefits_absent".into(),
            "neither benefits nor benefits_absent".into(),
        );
    }
    c.errors
}

/// The premium blocks of an annual file's years against its framework's categories and statuses.
pub fn check_year_premiums(file: &str, annual: &Policy, framework: &Policy) -> Vec<Error> {
    let mut c = Ctx {
        file,
        doc: &annual.meta.doc,
        doc_override: None,
        errors: Vec::new(),
    };
    let cats: Vec<&str> = framework.categories.iter().map(|x| x.id.as_str()).collect();
    let stats: Vec<&str> = framework.statuses.iter().map(|x| x.id.as_str()).collect();
    for y in &annual.years {
        if let Some(pr) = &y.premium {
            check_premium(
                &mut c,
                &format!("years[{}].premium", y.year),
                pr,
                &cats,
                &stats,
            );
        }
    }
    c.errors
}

/// One premium block (a framework's, or one coverage year's) against the categories and statuses
/// of its framework: ids known, no duplicates, individual ≤ standard, payer lines well formed,
/// one general class per category.
fn check_premium(c: &mut Ctx, at: &str, pr: &Premium, cats: &[&str], stats: &[&str]) {
    dup_ids(
        c,
        &format!("{at}.classes"),
        pr.classes.iter().map(|x| x.id.as_str()),
    );
    let mut keys: Vec<String> = Vec::new();
    for s in &pr.standards {
        known(
            c,
            &format!("{at}.standards"),
            std::slice::from_ref(&s.category),
            cats,
            false,
        );
        let k = format!("{}/{}", s.tier, s.category);
        if keys.contains(&k) {
            c.err(
                ErrorKind::PolicyDuplicate,
                &format!("{at}.standards[{k}]"),
                "",
                "同一档次、类别的缴费标准出现两次".into(),
                "the same tier and category appear twice".into(),
            );
        }
        keys.push(k);
        if s.individual.value > s.standard.value {
            c.err(
                ErrorKind::PolicyRelation,
                &format!("{at}.standards[{}/{}].individual", s.tier, s.category),
                &s.individual.clause,
                format!(
                    "个人缴费 {} 高于缴费标准 {}",
                    s.individual.value, s.standard.value
                ),
                format!(
                    "individual share {} exceeds the standard {}",
                    s.individual.value, s.standard.value
                ),
            );
        }
    }
    for cl in &pr.classes {
        let f = format!("{at}.classes[{}]", cl.id);
        known(c, &f, &cl.categories, cats, false);
        known(c, &f, &cl.statuses_any, stats, false);
        let rests = cl.lines.iter().filter(|l| l.rest).count();
        if rests > 1 {
            c.err(
                ErrorKind::PolicyRelation,
                &f,
                &cl.clause,
                "最多一个 rest 出资方".into(),
                "at most one rest line".into(),
            );
        }
        for l in &cl.lines {
            if l.rest == l.amount.is_some() {
                c.err(
                    ErrorKind::PolicyRelation,
                    &format!("{f}.lines[{}]", l.payer.id()),
                    &cl.clause,
                    "每个出资方要么给出 amount，要么 rest = true".into(),
                    "each line has either an amount or rest = true".into(),
                );
            }
        }
        if cl.total_pct_of_standard.is_some() && rests == 0 {
            c.err(
                ErrorKind::PolicyRelation,
                &f,
                &cl.clause,
                "按比例确定总额时需要一个 rest 出资方承担余额".into(),
                "a percentage total needs a rest line".into(),
            );
        }
    }
    for cat in cats {
        let general = pr
            .classes
            .iter()
            .filter(|x| x.statuses_any.is_empty() && matches(&x.categories, cat))
            .count();
        let has_std = pr.standards.iter().any(|s| s.category == *cat);
        if has_std && general != 1 {
            c.err(
                ErrorKind::PolicyRelation,
                &format!("{at}.classes"),
                &pr.stacking_clause,
                format!(
                    "类别“{cat}”应有且只有一个普通补助类（statuses_any 为空），现有 {general} 个"
                ),
                format!("category \"{cat}\" needs exactly one general class, found {general}"),
            );
        }
    }
}

/// Every (category, level) a claim rule covers must resolve a deductible (unless the rule has
/// none) and a ratio schedule, and every tier must have a limit for each covered category — so a
/// file that passes `check` never fails a claim for a missing figure.
pub fn check_complete(file: &str, p: &Policy, tiers: &[&str]) -> Vec<Error> {
    let mut c = Ctx {
        file,
        doc: &p.meta.doc,
        doc_override: None,
        errors: Vec::new(),
    };
    let Some(b) = &p.benefits else {
        return c.errors;
    };
    for (kind, rule) in claim_rules(b) {
        for cat in p
            .categories
            .iter()
            .filter(|x| matches(&rule.categories, &x.id))
        {
            for level in p.levels.iter().filter(|x| matches(&rule.levels, &x.id)) {
                let at = format!("{}/{}", cat.id, level.id);
                if rule.deductible_per != DeductiblePer::None
                    && resolve_keyed(&rule.deductibles, &cat.id, &level.id).is_none()
                {
                    c.err(ErrorKind::PolicyRelation, &format!("benefits.{kind}.deductibles[{at}]"), &rule.deductible_clause, format!("{}在{}没有适用于“{}”的起付标准（城市文件覆盖列表时须列出全部行）", rule.name_zh, level.name_zh, cat.name_zh), format!("no deductible for {} at {} for \"{}\" (a city overriding a list must list every row)", rule.name_en, level.name_en, cat.name_en));
                }
                if resolve_ratios(rule, &cat.id, &level.id).is_none() {
                    c.err(
                        ErrorKind::PolicyRelation,
                        &format!("benefits.{kind}.schedules[{at}]"),
                        &rule.clause,
                        format!(
                            "{}在{}没有适用于“{}”的支付比例",
                            rule.name_zh, level.name_zh, cat.name_zh
                        ),
                        format!(
                            "no ratio for {} at {} for \"{}\"",
                            rule.name_en, level.name_en, cat.name_en
                        ),
                    );
                }
            }
            if rule.counts_toward_limit {
                for t in tiers {
                    if b.limit_for(t, &cat.id).is_none() {
                        c.err(
                            ErrorKind::PolicyRelation,
                            &format!("benefits.limits[{t}/{}]", cat.id),
                            &b.limit_clause,
                            format!("档次“{t}”没有“{}”的最高支付限额", cat.name_zh),
                            format!("tier \"{t}\" has no annual limit for \"{}\"", cat.name_en),
                        );
                    }
                }
            }
        }
    }
    c.errors.dedup_by(|a, b| a.field == b.field);
    c.errors
}

/// `benefits.not_set`: known kinds, categories and levels, and never a claim a rule pays for (a
/// claim is either paid by a rule or not set by the document, not both).
fn check_not_set(c: &mut Ctx, p: &Policy, b: &Benefits, cats: &[&str], levels: &[&str]) {
    let rules = claim_rules(b);
    for (i, n) in b.not_set.iter().enumerate() {
        let f = format!("benefits.not_set[{i}]");
        known(
            c,
            &format!("{f}.kind"),
            std::slice::from_ref(&n.kind),
            &CLAIM_KINDS,
            false,
        );
        known(c, &format!("{f}.categories"), &n.categories, cats, false);
        known(c, &format!("{f}.levels"), &n.levels, levels, false);
        if n.clause.trim().is_empty() {
            c.err(
                ErrorKind::PolicyFigure,
                &f,
                "",
                "缺少条款出处（clause）".into(),
                "missing clause citation".into(),
            );
        }
        let Some((_, r)) = rules.iter().find(|(k, _)| *k == n.kind) else {
            continue;
        };
        let paid = p.categories.iter().any(|cat| {
            matches(&n.categories, &cat.id)
                && matches(&r.categories, &cat.id)
                && p.levels
                    .iter()
                    .any(|l| matches(&n.levels, &l.id) && matches(&r.levels, &l.id))
        });
        if paid {
            c.err(
                ErrorKind::PolicyRelation,
                &f,
                &n.clause,
                format!("“{}”在部分类别和级别上已有支付规则，不能同时列为“文件未规定”", r.name_zh),
                format!(
                    "\"{}\" is paid by a rule for some of these categories and levels; it cannot also be \"not set\"",
                    n.kind
                ),
            );
        }
    }
}

fn check_benefits(c: &mut Ctx, p: &Policy, b: &Benefits, cats: &[&str], levels: &[&str]) {
    let stats: Vec<&str> = p.statuses.iter().map(|x| x.id.as_str()).collect();
    for l in &b.limits {
        known(c, "benefits.limits", &l.categories, cats, false);
    }
    let cons = b.constraints.as_ref();
    let max_seg = cons.and_then(|k| k.max_segments.as_ref());
    let community: Vec<&str> = p
        .levels
        .iter()
        .filter(|l| l.rank == 1)
        .map(|l| l.id.as_str())
        .collect();
    for (kind, rule) in claim_rules(b) {
        let base = format!("benefits.{kind}");
        known(c, &base, &rule.categories, cats, false);
        known(c, &base, &rule.levels, levels, false);
        known(c, &base, &rule.statuses_all, &stats, false);
        for d in &rule.deductibles {
            known(
                c,
                &format!("{base}.deductibles"),
                std::slice::from_ref(&d.level),
                levels,
                true,
            );
            known(
                c,
                &format!("{base}.deductibles"),
                &d.categories,
                cats,
                false,
            );
        }
        if rule.deductible_per != DeductiblePer::None && rule.deductibles.is_empty() {
            c.err(
                ErrorKind::PolicyRelation,
                &format!("{base}.deductibles"),
                &rule.deductible_clause,
                "设了起付方式却没有起付标准".into(),
                "a deductible rule without deductibles".into(),
            );
        }
        if rule.schedules.is_empty() {
            c.err(
                ErrorKind::PolicyRelation,
                &format!("{base}.schedules"),
                &rule.clause,
                "没有支付比例".into(),
                "no ratio schedule".into(),
            );
        }
        for s in &rule.schedules {
            let sk = format!("{base}.schedules[{}]", s.categories.join("+"));
            known(c, &sk, &s.categories, cats, false);
            check_edges(c, &sk, s, max_seg);
            check_level_rows(c, &sk, s, rule, levels);
            if let Some(k) = cons {
                check_constraints(c, &sk, s, kind, k, &community);
            }
        }
        for pe in &rule.penalties {
            known(
                c,
                &format!("{base}.penalties"),
                std::slice::from_ref(&pe.level),
                levels,
                false,
            );
        }
    }
}

/// A schedule's edges: no more segments than allowed, increasing, the first above zero.
fn check_edges(c: &mut Ctx, sk: &str, s: &Schedule, max_seg: Option<&Figure>) {
    let n = s.edges.len() + 1;
    if let Some(m) = max_seg {
        if Decimal::from(n as u32) > m.value {
            c.err(
                ErrorKind::PolicyRelation,
                &format!("{sk}.edges"),
                &m.clause,
                format!("费用分段 {n} 段，超过 {} 段的上限", m.value),
                format!("{n} segments exceed the maximum of {}", m.value),
            );
        }
    }
    for w in s.edges.windows(2) {
        if w[1].value <= w[0].value {
            c.err(
                ErrorKind::PolicyRelation,
                &format!("{sk}.edges"),
                &w[1].clause,
                format!("分段界点必须递增：{} 之后是 {}", w[0].value, w[1].value),
                format!(
                    "segment edges must increase: {} then {}",
                    w[0].value, w[1].value
                ),
            );
        }
    }
    if s.edges.first().is_some_and(|e| e.value.is_zero()) {
        c.err(
            ErrorKind::PolicyRelation,
            &format!("{sk}.edges[0]"),
            &s.edges[0].clause,
            "第一个分段界点必须大于0".into(),
            "the first edge must be above zero".into(),
        );
    }
}

/// A schedule's level rows: known levels, each once, one ratio per segment.
fn check_level_rows(c: &mut Ctx, sk: &str, s: &Schedule, rule: &ClaimRule, levels: &[&str]) {
    let n = s.edges.len() + 1;
    let mut seen: Vec<&str> = Vec::new();
    for lr in &s.levels {
        known(
            c,
            &format!("{sk}.levels"),
            std::slice::from_ref(&lr.level),
            levels,
            true,
        );
        if seen.contains(&lr.level.as_str()) {
            c.err(
                ErrorKind::PolicyDuplicate,
                &format!("{sk}.levels[{}]", lr.level),
                "",
                "同一级别出现两次".into(),
                "level appears twice".into(),
            );
        }
        seen.push(&lr.level);
        if lr.ratios.len() != n {
            c.err(
                ErrorKind::PolicyRelation,
                &format!("{sk}.levels[{}].ratios", lr.level),
                &rule.clause,
                format!(
                    "{} 个分段界点需要 {n} 个比例，实有 {} 个",
                    s.edges.len(),
                    lr.ratios.len()
                ),
                format!(
                    "{} edges need {n} ratios, found {}",
                    s.edges.len(),
                    lr.ratios.len()
                ),
            );
        }
    }
}

/// A schedule against the constraints: mean ratios above their floors, community paid higher.
fn check_constraints(
    c: &mut Ctx,
    sk: &str,
    s: &Schedule,
    kind: &str,
    k: &Constraints,
    community: &[&str],
) {
    for m in k.mean_ratio_min.iter().filter(|m| m.kind == kind) {
        let overlaps = m.categories.is_empty()
            || s.categories.is_empty()
            || m.categories.iter().any(|x| s.categories.contains(x));
        if !overlaps {
            continue;
        }
        for lr in &s.levels {
            let vals: Vec<Decimal> = lr.ratios.iter().map(|r| r.value).collect();
            let avg = mean(&vals);
            if avg < m.value.value {
                c.err(
                    ErrorKind::PolicyRelation,
                    &format!("{sk}.levels[{}].ratios", lr.level),
                    &m.value.clause,
                    format!(
                        "平均支付比例 {} 低于下限 {}",
                        pct(avg.round_dp(4)),
                        pct(m.value.value)
                    ),
                    format!(
                        "mean ratio {} below the minimum {}",
                        pct(avg.round_dp(4)),
                        pct(m.value.value)
                    ),
                );
            }
        }
    }
    if let Some(cl) = &k.community_higher_clause {
        let comm: Vec<&LevelRatios> = s
            .levels
            .iter()
            .filter(|l| community.contains(&l.level.as_str()))
            .collect();
        for cm in comm {
            let cm_avg = mean(&cm.ratios.iter().map(|r| r.value).collect::<Vec<_>>());
            for other in s
                .levels
                .iter()
                .filter(|l| !community.contains(&l.level.as_str()) && l.level != "*")
            {
                let o_avg = mean(&other.ratios.iter().map(|r| r.value).collect::<Vec<_>>());
                if cm_avg <= o_avg {
                    c.err(ErrorKind::PolicyRelation, &format!("{sk}.levels[{}].ratios", cm.level), cl, format!("基层（{}）的支付比例应高于{}（平均 {} 不高于 {}）", cm.level, other.level, pct(cm_avg.round_dp(4)), pct(o_avg.round_dp(4))), format!("community level ({}) must be paid at a higher ratio than {} (mean {} not above {})", cm.level, other.level, pct(cm_avg.round_dp(4)), pct(o_avg.round_dp(4))));
                }
            }
        }
    }
}

fn compare_figure(c: &mut Ctx, path: &str, f: &Figure, g: &Figure) {
    if !g.basis.is_local() {
        if f.value != g.value {
            c.err(
                ErrorKind::PolicyOutOfRange,
                path,
                &g.clause,
                format!("框架文件规定为 {}，城市文件不得改为 {}", g.value, f.value),
                format!(
                    "the framework states {}; a city may not change it to {}",
                    g.value, f.value
                ),
            );
        }
        return;
    }
    let (lo, hi) = (g.min.unwrap_or(g.value), g.max.unwrap_or(g.value));
    if f.value < lo || f.value > hi {
        c.err(
            ErrorKind::PolicyOutOfRange,
            path,
            &g.clause,
            format!("取值 {} 超出框架允许的范围 {lo}—{hi}", f.value),
            format!(
                "value {} outside the framework's permitted range {lo}–{hi}",
                f.value
            ),
        );
    }
    if f.min.is_some_and(|m| m < lo) || f.max.is_some_and(|m| m > hi) {
        c.err(
            ErrorKind::PolicyOutOfRange,
            path,
            &g.clause,
            format!("城市文件记录的范围超出框架范围 {lo}—{hi}"),
            format!("the city's recorded range exceeds the framework's {lo}–{hi}"),
        );
    }
}

fn no_match(c: &mut Ctx, path: &str) {
    c.err(
        ErrorKind::PolicyOutOfRange,
        path,
        "",
        "框架文件中没有对应的数值，无法核对范围".into(),
        "the framework has no matching figure to check against".into(),
    );
}

/// Checks a city policy (already merged) against its framework, figure by figure as they apply
/// to the city's tier and to every category and hospital level: a figure the framework states
/// must be unchanged, a local figure must lie in the framework's permitted range, and the city's
/// own recorded range must not be wider.
pub fn check_city_against(file: &str, city: &Policy, framework: &Policy, tier: &str) -> Vec<Error> {
    let mut c = Ctx {
        file,
        doc: &framework.meta.doc,
        doc_override: None,
        errors: Vec::new(),
    };
    let cats: Vec<&str> = framework.categories.iter().map(|x| x.id.as_str()).collect();
    let levels: Vec<&str> = framework.levels.iter().map(|x| x.id.as_str()).collect();
    // everything keyed by a path that does not depend on list layout
    let fw: Vec<(String, &Figure, Unit)> = figures(framework);
    for (path, f, _) in figures(city) {
        if path.starts_with("premium.standards")
            || path.starts_with("benefits.limits")
            || path.contains(".deductibles[")
            || path.contains(".schedules[")
            || path.contains(".penalties[")
        {
            continue;
        }
        match fw.iter().find(|(p, _, _)| *p == path) {
            Some((_, g, _)) => compare_figure(&mut c, &path, f, g),
            None => no_match(&mut c, &path),
        }
    }
    // the city's tier: standards and limits per category
    if let (Some(cp), Some(fp)) = (&city.premium, &framework.premium) {
        for s in cp.standards.iter().filter(|s| s.tier == tier) {
            let k = format!("premium.standards[{}/{}]", s.tier, s.category);
            match fp
                .standards
                .iter()
                .find(|g| g.tier == tier && g.category == s.category)
            {
                Some(g) => {
                    compare_figure(&mut c, &format!("{k}.standard"), &s.standard, &g.standard);
                    compare_figure(
                        &mut c,
                        &format!("{k}.individual"),
                        &s.individual,
                        &g.individual,
                    );
                }
                None => no_match(&mut c, &k),
            }
        }
    }
    if let (Some(cb), Some(fb)) = (&city.benefits, &framework.benefits) {
        for cat in &cats {
            let cf = cb.limit_for(tier, cat).map(|l| &l.amount);
            let gf = fb.limit_for(tier, cat).map(|l| &l.amount);
            if let (Some(f), Some(g)) = (cf, gf) {
                compare_figure(
                    &mut c,
                    &format!("benefits.limits[{tier}/{cat}].amount"),
                    f,
                    g,
                );
            }
        }
        let fw_rules = claim_rules(fb);
        for (kind, rule) in claim_rules(cb) {
            let Some((_, g_rule)) = fw_rules.iter().find(|(k, _)| *k == kind) else {
                no_match(&mut c, &format!("benefits.{kind}"));
                continue;
            };
            for cat in cats.iter().filter(|x| matches(&rule.categories, x)) {
                for level in levels.iter().filter(|x| matches(&rule.levels, x)) {
                    let at = format!("{cat}/{level}");
                    if let Some(d) = resolve_keyed(&rule.deductibles, cat, level) {
                        match resolve_keyed(&g_rule.deductibles, cat, level) {
                            Some(g) => compare_figure(
                                &mut c,
                                &format!("benefits.{kind}.deductibles[{at}].amount"),
                                &d.amount,
                                &g.amount,
                            ),
                            None => no_match(
                                &mut c,
                                &format!("benefits.{kind}.deductibles[{at}].amount"),
                            ),
                        }
                    }
                    if let Some((s, lr)) = resolve_ratios(rule, cat, level) {
                        let Some((gs, glr)) = resolve_ratios(g_rule, cat, level) else {
                            no_match(&mut c, &format!("benefits.{kind}.schedules[{at}]"));
                            continue;
                        };
                        for (i, r) in lr.ratios.iter().enumerate() {
                            // a city with fewer or more segments is compared with the framework's nearest segment;
                            // the segment count itself is checked against max_segments
                            if let Some(g) = glr.ratios.get(i).or(glr.ratios.last()) {
                                compare_figure(
                                    &mut c,
                                    &format!("benefits.{kind}.schedules[{at}].ratios[{i}]"),
                                    r,
                                    g,
                                );
                            }
                        }
                        for (i, e) in s.edges.iter().enumerate() {
                            if let Some(g) = gs.edges.get(i).or(gs.edges.last()) {
                                compare_figure(
                                    &mut c,
                                    &format!("benefits.{kind}.schedules[{cat}].edges[{i}]"),
                                    e,
                                    g,
                                );
                            }
                        }
                    }
                    if let Some(pe) = rule.penalties.iter().find(|p| p.level == *level) {
                        match g_rule.penalties.iter().find(|p| p.level == *level) {
                            Some(g) => compare_figure(
                                &mut c,
                                &format!("benefits.{kind}.penalties[{level}].points"),
                                &pe.points,
                                &g.points,
                            ),
                            None => no_match(
                                &mut c,
                                &format!("benefits.{kind}.penalties[{level}].points"),
                            ),
                        }
                    }
                }
            }
        }
    }
    // the same (category, level) is reported once per distinct message
    c.errors
        .dedup_by(|a, b| a.field == b.field && a.message_zh == b.message_zh);
    c.errors
}
