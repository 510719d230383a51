//! Figures in time: which premium block holds for a coverage year (医保年度), and what the answer
//! says about where that block comes from.
//!
//! A scheme's contributions are a stack: the framework's own figures for the years its document
//! gives them (`[premium.years]`), then annual files (`kind = "annual"`), one row per coverage
//! year, each figure with its source. For a year no row and no framework span covers, there is
//! no premium: [`resolve`] returns `year_not_sourced`, naming the years that are sourced.
//! *Invariant:* an old figure is never carried into a later year.

use crate::api::FigureOut;
use crate::api::{PeriodOut, SourceOut, YearOut};
use crate::date::Date;
use crate::error::{Error, ErrorKind};
use crate::explain::{fig, Show};
use crate::policy::model::*;

/// The premium block for one coverage year and where it comes from.
pub(crate) struct YearBlock<'a> {
    pub year: u16,
    pub premium: &'a Premium,
    /// The file whose `[[sources]]` the block's figures cite (an annual file or the framework).
    pub file: &'a Policy,
    /// The annual row, when the block comes from one.
    pub row: Option<&'a AnnualYear>,
    /// The national minimums for that year, with the layer file that gives them.
    pub national: Option<(&'a Policy, &'a NationalYear)>,
}

impl YearBlock<'_> {
    pub fn doc(&self) -> &str {
        &self.file.meta.doc
    }
    /// The document a figure of this block cites: its own `doc`, its source's, or the file's.
    pub fn doc_of<'b>(&'b self, f: &'b Figure) -> &'b str {
        f.doc
            .as_deref()
            .or_else(|| {
                f.source
                    .as_deref()
                    .and_then(|id| self.file.source(id))
                    .map(|s| s.doc.as_str())
            })
            .unwrap_or(self.doc())
    }
}

/// The annual files of a scheme that apply to a region.
pub(crate) fn applicable<'a>(
    annual: &'a [(String, Policy)],
    region: &'a str,
) -> impl Iterator<Item = &'a Policy> + Clone + 'a {
    annual
        .iter()
        .map(|(_, p)| p)
        .filter(move |p| p.meta.regions.is_empty() || p.meta.regions.iter().any(|r| r == region))
}

/// The coverage years a framework's (or merged city's) own premium figures hold for: its
/// `[premium.years]`, else the calendar years of its validity.
pub(crate) fn framework_span(p: &Policy) -> Option<(u16, u16)> {
    let pr = p.premium.as_ref()?;
    if let Some(s) = &pr.years {
        return (!s.none).then_some((s.from, s.to));
    }
    let year = |s: &str| {
        Date::parse("meta", s)
            .ok()
            .and_then(|d| u16::try_from(d.year).ok())
    };
    let from = year(&p.meta.effective_from)?;
    let to = p.meta.effective_to.as_deref().map_or(Some(2100), year)?;
    Some((from, to))
}

/// Every coverage year the scheme has a row or span for, in order, with its status.
pub(crate) fn known_years<'a>(
    p: &Policy,
    annual: impl Iterator<Item = &'a Policy>,
) -> Vec<YearOut> {
    let mut out: Vec<YearOut> = Vec::new();
    if let Some((from, to)) = framework_span(p) {
        // an open span (no end date) lists its first year only
        let last = if to == 2100 { from } else { to };
        out.extend((from..=last).map(|y| YearOut {
            year: y,
            status: "document".into(),
            doc: p.meta.doc.clone(),
        }));
    }
    for a in annual {
        out.extend(a.years.iter().map(|r| YearOut {
            year: r.year,
            status: r.status.id().into(),
            doc: a.meta.doc.clone(),
        }));
    }
    out.sort_by_key(|y| y.year);
    out
}

/// The coverage year a contribution date pays for: the year whose 集中缴费期 holds the date, else
/// the date's calendar year.
pub(crate) fn coverage_year_of<'a>(d: Date, annual: impl Iterator<Item = &'a Policy>) -> u16 {
    let within = |c: &Collection| {
        let f = Date::parse("from", &c.from).ok();
        let t = Date::parse("to", &c.to).ok();
        f.zip(t).is_some_and(|(f, t)| f <= d && d <= t)
    };
    annual
        .flat_map(|a| a.years.iter())
        .find(|r| r.collection.as_ref().is_some_and(within))
        .map_or(u16::try_from(d.year).unwrap_or(0), |r| r.year)
}

/// The premium block in force for `year`, or `year_not_sourced`.
pub(crate) fn resolve<'a>(
    policy: &'a Policy,
    annual: impl Iterator<Item = &'a Policy> + Clone,
    layer: impl Fn(&str) -> Option<&'a Policy>,
    year: u16,
) -> Result<YearBlock<'a>, Error> {
    for a in annual.clone() {
        let Some(row) = a.years.iter().find(|r| r.year == year) else {
            continue;
        };
        let Some(premium) = &row.premium else {
            continue;
        };
        let national = a
            .meta
            .layer
            .as_ref()
            .and_then(|l| layer(&l.id))
            .and_then(|l| {
                l.years
                    .iter()
                    .find(|r| r.year == year)
                    .and_then(|r| r.national.as_ref())
                    .map(|n| (l, n))
            });
        return Ok(YearBlock {
            year,
            premium,
            file: a,
            row: Some(row),
            national,
        });
    }
    match (framework_span(policy), &policy.premium) {
        (Some((from, to)), Some(premium)) if (from..=to).contains(&year) => Ok(YearBlock {
            year,
            premium,
            file: policy,
            row: None,
            national: None,
        }),
        _ => Err(not_sourced(policy, annual, year)),
    }
}

fn not_sourced<'a>(
    policy: &Policy,
    annual: impl Iterator<Item = &'a Policy> + Clone,
    year: u16,
) -> Error {
    let known = known_years(policy, annual.clone());
    let list = |projection: &str| -> Vec<String> {
        known
            .iter()
            .filter(|y| y.status != "not_found")
            .map(|y| match y.status.as_str() {
                "projection" => format!("{}{projection}", y.year),
                _ => y.year.to_string(),
            })
            .collect()
    };
    let (sourced, sourced_en) = (list("（预测）"), list(" (projection)"));
    let mut zh =
        format!("医保年度 {year}：本项目资料中没有该年度的缴费数额，不能用其他年度的数额代替。");
    let mut en = format!("Coverage year {year}: the sources hold no contribution figures for it, and another year's figures are not carried over.");
    let looked = annual
        .flat_map(|a| a.years.iter())
        .find(|r| r.year == year && r.status == YearStatus::NotFound);
    if let Some(r) = looked {
        zh.push_str(&r.note_zh);
        en.push(' ');
        en.push_str(&r.note_en);
    }
    let span = policy.premium.as_ref().and_then(|p| p.years.as_ref());
    if let Some(s) = span.filter(|s| s.none) {
        zh.push_str(&format!(
            "{}没有给出任何年度的缴费数额：{}",
            policy.meta.doc, s.note_zh
        ));
        en.push_str(&format!(
            " {} gives no contribution amounts for any year: {}",
            policy.meta.doc, s.note_en
        ));
    } else if let Some(s) = span {
        let years = if s.from == s.to {
            s.from.to_string()
        } else {
            format!("{}—{}", s.from, s.to)
        };
        zh.push_str(&format!(
            "{}的缴费数额只适用于 {years} 医保年度：{}",
            policy.meta.doc, s.note_zh
        ));
        en.push_str(&format!(
            " {}'s contribution figures hold for coverage year(s) {} only: {}",
            policy.meta.doc,
            years.replace('—', "–"),
            s.note_en
        ));
    }
    zh.push_str(&format!("有来源的医保年度：{}。", sourced.join("、")));
    en.push_str(&format!(
        " Sourced coverage years: {}.",
        sourced_en.join(", ")
    ));
    let clause = span.map_or(policy.meta.effective_from_clause.as_str(), |s| &s.clause);
    Error::new(ErrorKind::YearNotSourced, zh, en)
        .field("year")
        .clause(format!("{} {}", policy.meta.doc, clause))
}

pub(crate) fn source_out(s: &Source) -> SourceOut {
    SourceOut {
        id: s.id.clone(),
        doc: s.doc.clone(),
        issuer_zh: s.issuer_zh.clone(),
        date: s.date.clone(),
        url: s.url.clone(),
        grade: s.grade.id().into(),
        grade_zh: s.grade.zh().into(),
        grade_en: s.grade.en().into(),
        quote_zh: s.quote_zh.clone(),
        note_zh: s.note_zh.clone(),
        note_en: s.note_en.clone(),
    }
}

/// What the answer says about the year: its status, collection window, the newest sourced year.
pub(crate) fn period_out(b: &YearBlock, known: Vec<YearOut>) -> PeriodOut {
    let newest = known
        .iter()
        .filter(|y| {
            matches!(
                y.status.as_str(),
                "document" | "notice" | "derived" | "partial"
            )
        })
        .map(|y| y.year)
        .max();
    let (status, note_zh, note_en) = match (b.row, b.premium.years.as_ref()) {
        (Some(r), _) => (r.status.id(), r.note_zh.clone(), r.note_en.clone()),
        (None, Some(s)) => ("document", s.note_zh.clone(), s.note_en.clone()),
        (None, None) => ("document", String::new(), String::new()),
    };
    let collection = b.row.and_then(|r| r.collection.as_ref());
    PeriodOut {
        year: b.year,
        status: status.into(),
        doc: b.doc().to_string(),
        note_zh,
        note_en,
        collection_from: collection.map(|c| c.from.clone()),
        collection_to: collection.map(|c| c.to.clone()),
        collection_source: collection
            .and_then(|c| b.file.source(&c.source))
            .map(source_out),
        newest_sourced_year: newest,
        years: known,
    }
}

/// A figure record citing its source in `p` (page address, grade, quote) when it names one. Its
/// document is the figure's own `doc`, else its source's, else the file's.
pub(crate) fn fig_in(
    role: &str,
    f: &Figure,
    p: &Policy,
    zh: impl Into<String>,
    en: impl Into<String>,
    how: Show,
) -> FigureOut {
    let src = f.source.as_deref().and_then(|id| p.source(id));
    let doc = src.map_or(p.meta.doc.as_str(), |s| s.doc.as_str());
    let mut o = fig(role, f, doc, zh, en, how);
    o.source = src.map(source_out);
    o.with_origin()
}
