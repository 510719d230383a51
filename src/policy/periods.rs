//! Checks on figures in time: coverage years (医保年度) in order with no undeclared gap and no
//! overlap, every later figure tied to a source with its grade, and an annual file against the
//! framework it dates.
//!
//! *Invariant:* a figure in a `[[years]]` row names its `source`; a grade-C source backs only an
//! `assumed` figure; the rows of one file run year by year (a year that was looked for and not
//! found is a row with `status = "not_found"`, never a hole).

use super::figures::{err, figures, unknown_source};
use super::model::*;
use crate::date::Date;
use crate::error::{Error, ErrorKind};

const YEARS: std::ops::RangeInclusive<u16> = 1990..=2100;

/// A file's own time rules: its sources, its rows of years, its premium span, and that every
/// figure in a year row has a source of a grade that allows its basis.
pub fn check_time(file: &str, p: &Policy) -> Vec<Error> {
    let mut errs = Vec::new();
    check_sources(file, p, &mut errs);
    check_rows(file, p, &mut errs);
    if let Some(span) = p.premium.as_ref().and_then(|pr| pr.years.as_ref()) {
        check_span(file, "premium.years", span, &mut errs);
    }
    for (path, f, _) in figures(p) {
        check_provenance(file, p, &path, f, &mut errs);
    }
    super::layers::check_layers(file, p, &mut errs);
    errs
}

fn check_sources(file: &str, p: &Policy, errs: &mut Vec<Error>) {
    let mut seen: Vec<&str> = Vec::new();
    for s in &p.sources {
        let at = format!("sources[{}]", s.id);
        if seen.contains(&s.id.as_str()) {
            errs.push(err(
                ErrorKind::PolicyDuplicate,
                file,
                &at,
                "来源 id 出现两次".into(),
                "source id appears twice".into(),
            ));
        }
        seen.push(&s.id);
        // a grade-C lead may not know its date ("未知"); every other source has one
        let unknown = s.grade == Grade::C && s.date == "未知";
        if let (false, Err(e)) = (unknown, Date::parse(&format!("{at}.date"), &s.date)) {
            errs.push(e.file(file));
        }
        for (name, v) in [
            ("url", &s.url),
            ("quote_zh", &s.quote_zh),
            ("doc", &s.doc),
            ("issuer_zh", &s.issuer_zh),
        ] {
            if v.trim().is_empty() {
                errs.push(err(
                    ErrorKind::PolicyFigure,
                    file,
                    &format!("{at}.{name}"),
                    "来源须写明文件、发布机关、网页地址和原文摘录".into(),
                    "a source needs its document, issuer, page address and quote".into(),
                ));
            }
        }
    }
}

fn check_span(file: &str, at: &str, span: &YearSpan, errs: &mut Vec<Error>) {
    if !YEARS.contains(&span.from) || !YEARS.contains(&span.to) {
        errs.push(err(
            ErrorKind::PolicyPeriod,
            file,
            at,
            format!("医保年度 {}—{} 超出 1990—2100", span.from, span.to),
            format!("coverage years {}–{} outside 1990–2100", span.from, span.to),
        ));
    }
    if span.from > span.to {
        errs.push(err(
            ErrorKind::PolicyPeriod,
            file,
            at,
            format!("起始年度 {} 晚于截止年度 {}", span.from, span.to),
            format!("starts ({}) after it ends ({})", span.from, span.to),
        ));
    }
}

/// Year rows: each year once, in order, one after another; a row's content fits its status.
fn check_rows(file: &str, p: &Policy, errs: &mut Vec<Error>) {
    for (i, y) in p.years.iter().enumerate() {
        let at = format!("years[{}]", y.year);
        if !YEARS.contains(&y.year) {
            errs.push(err(
                ErrorKind::PolicyPeriod,
                file,
                &at,
                "医保年度超出 1990—2100".into(),
                "coverage year outside 1990–2100".into(),
            ));
        }
        if let Some(prev) = i.checked_sub(1).map(|j| p.years[j].year) {
            if y.year <= prev {
                errs.push(err(ErrorKind::PolicyPeriod, file, &at, format!("医保年度 {} 与前一行 {prev} 重叠或顺序颠倒（每个年度只能写一行，按年份递增）", y.year), format!("coverage year {} overlaps or precedes the row before ({prev}); one row per year, in order", y.year)));
            } else if y.year > prev + 1 {
                let missing = if y.year == prev + 2 {
                    (prev + 1).to_string()
                } else {
                    format!("{}—{}", prev + 1, y.year - 1)
                };
                errs.push(err(ErrorKind::PolicyPeriod, file, &at, format!("医保年度 {missing} 缺失：{prev} 与 {} 之间有空档；查无来源的年度也要写一行 status = \"not_found\" 并说明查找过什么", y.year), format!("coverage year(s) {} missing between {prev} and {}; a year looked for and not found is a row with status = \"not_found\" saying what was looked for", missing.replace('—', "–"), y.year)));
            }
        }
        let has = y.premium.is_some() || y.national.is_some();
        if (y.status == YearStatus::NotFound) == has {
            let (zh, en) = if has {
                (
                    "status = \"not_found\" 的年度不能有数额",
                    "a not_found year has no figures",
                )
            } else {
                (
                    "该年度没有数额，应写 status = \"not_found\"",
                    "a year without figures is status = \"not_found\"",
                )
            };
            errs.push(err(
                ErrorKind::PolicyPeriod,
                file,
                &at,
                zh.into(),
                en.into(),
            ));
        }
        if let Some(c) = &y.collection {
            check_collection(file, p, &at, y.year, c, errs);
        }
    }
}

fn check_collection(
    file: &str,
    p: &Policy,
    at: &str,
    year: u16,
    c: &Collection,
    errs: &mut Vec<Error>,
) {
    let at = format!("{at}.collection");
    let from = Date::parse(&format!("{at}.from"), &c.from).map_err(|e| e.file(file));
    let to = Date::parse(&format!("{at}.to"), &c.to).map_err(|e| e.file(file));
    match (from, to) {
        (Ok(f), Ok(t)) => {
            if f > t || f.year > i32::from(year) || t.year + 1 < i32::from(year) {
                errs.push(err(ErrorKind::PolicyPeriod, file, &at, format!("集中缴费期 {f}—{t} 与医保年度 {year} 不相符（应在该年度之前或之内，且起止有序）"), format!("collection window {f}–{t} does not fit coverage year {year}")));
            }
        }
        (f, t) => errs.extend(f.err().into_iter().chain(t.err())),
    }
    if p.source(&c.source).is_none() {
        errs.push(unknown_source(file, &format!("{at}.source"), &c.source));
    }
}

/// A figure in a year row needs a listed source; a grade-C source only backs an assumption.
fn check_provenance(file: &str, p: &Policy, path: &str, f: &Figure, errs: &mut Vec<Error>) {
    match &f.source {
        // this project's own assumption, where nothing was found: no source, its `doc` says so
        None if f.basis == Basis::Assumed && f.doc.is_some() => {}
        None if ["years[", "critical[", "assistance[", "waiting["]
            .iter()
            .any(|k| path.starts_with(k)) =>
        {
            errs.push(err(
            ErrorKind::PolicyFigure,
            file,
            path,
            "缺少来源（source）：年度数额必须注明出处的文件、网页地址、可信度等级和原文摘录".into(),
            "missing source: a coverage-year figure must name where it comes from (document, page address, grade, quote)".into(),
        ))
        }
        None => {}
        Some(id) => match p.source(id) {
            None => errs.push(unknown_source(file, &format!("{path}.source"), id)),
            Some(s) if !s.grade.citable() && f.basis != Basis::Assumed => errs.push(err(
                ErrorKind::PolicyFigure,
                file,
                path,
                format!("来源“{id}”为C级（非官方转载），只能作为标注的地方取值假设（assumed，带范围），不能作为 {}", f.basis.id()),
                format!("source \"{id}\" is grade C: only an assumption with a range, not {}", f.basis.id()),
            )),
            Some(_) => {}
        },
    }
}

/// An annual file against its framework: the categories and statuses it names exist, the
/// regions it applies to exist, and no year it gives is one the framework's own figures hold.
pub fn check_annual_against(
    file: &str,
    annual: &Policy,
    framework: &Policy,
    regions: &[&str],
) -> Vec<Error> {
    let mut errs = Vec::new();
    for r in &annual.meta.regions {
        if !regions.contains(&r.as_str()) {
            errs.push(err(
                ErrorKind::PolicyUnknownFramework,
                file,
                "meta.regions",
                format!(
                    "方案“{}”没有地区“{r}”；已有：{}",
                    framework.meta.id,
                    regions.join(", ")
                ),
                format!(
                    "scheme \"{}\" has no region \"{r}\"; known: {}",
                    framework.meta.id,
                    regions.join(", ")
                ),
            ));
        }
    }
    super::layers::check_layer_statuses(file, annual, framework, &mut errs);
    let span = framework.premium.as_ref().and_then(|p| p.years.as_ref());
    if let Some(span) = span.filter(|s| !s.none) {
        for y in &annual.years {
            if (span.from..=span.to).contains(&y.year) && y.status != YearStatus::NotFound {
                errs.push(err(ErrorKind::PolicyPeriod, file, &format!("years[{}]", y.year), format!("医保年度 {} 已由框架文件 {} 的缴费数额规定（{}—{}），两处重叠", y.year, framework.meta.doc, span.from, span.to), format!("coverage year {} is already set by the framework {} ({}–{}): overlapping periods", y.year, framework.meta.doc, span.from, span.to)));
            }
        }
    }
    errs
}

/// Two annual files of one scheme may not give the same year for a region they share.
pub fn check_annual_overlap(file: &str, new: &Policy, old: &Policy) -> Option<Error> {
    let shared = new.meta.regions.is_empty()
        || old.meta.regions.is_empty()
        || new
            .meta
            .regions
            .iter()
            .any(|r| old.meta.regions.contains(r));
    let year = new
        .years
        .iter()
        .filter(|y| y.status != YearStatus::NotFound)
        .find(|y| {
            old.years
                .iter()
                .any(|o| o.year == y.year && o.status != YearStatus::NotFound)
        })?;
    shared.then(|| err(ErrorKind::PolicyPeriod, file, &format!("years[{}]", year.year), format!("医保年度 {} 已由年度文件“{}”规定（地区重叠），两处重叠", year.year, old.meta.id), format!("coverage year {} is already set by annual file \"{}\" for the same regions: overlapping periods", year.year, old.meta.id)))
}
