//! Building explanation steps and figure records, and picking a figure's value for the assumed
//! answer or for the ends of its permitted range.

use rust_decimal::Decimal;

use crate::api::{FigureOut, NoticeOut, Range, Step};
use crate::money::{Money, Rate};
use crate::policy::model::{Figure, Notice};

/// Which value of each local figure to use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    /// The labelled assumption (the answer shown).
    Assumed,
    /// Every local figure at the end of its range that is best for the resident.
    Best,
    /// Every local figure at the end of its range that is worst for the resident.
    Worst,
}

pub const PICKS: [Pick; 3] = [Pick::Assumed, Pick::Best, Pick::Worst];

/// Which end of a figure's range favours the resident.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fav {
    /// Lower is better for the resident (deductibles, own contribution, waiting period).
    Low,
    /// Higher is better for the resident (ratios, limits, subsidies).
    High,
}

pub fn val(f: &Figure, pick: Pick, fav: Fav) -> Decimal {
    if !f.basis.is_local() {
        return f.value;
    }
    let lo = f.min.unwrap_or(f.value);
    let hi = f.max.unwrap_or(f.value);
    match (pick, fav) {
        (Pick::Assumed, _) => f.value,
        (Pick::Best, Fav::Low) | (Pick::Worst, Fav::High) => lo,
        (Pick::Best, Fav::High) | (Pick::Worst, Fav::Low) => hi,
    }
}

pub fn money(f: &Figure, pick: Pick, fav: Fav) -> Money {
    Money::from_decimal(val(f, pick, fav))
}

pub fn rate(f: &Figure, pick: Pick, fav: Fav) -> Rate {
    Rate::from_decimal(val(f, pick, fav))
}

/// How a figure's value reads to a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Show {
    Yuan,
    Percent,
    Months,
}

pub fn show(d: Decimal, how: Show) -> String {
    match how {
        Show::Yuan => Money::from_decimal(d).yuan_text(),
        Show::Percent => Rate::from_decimal(d).percent_text(),
        Show::Months => format!("{}", d.normalize()),
    }
}

pub fn fig(
    role: &str,
    f: &Figure,
    doc: &str,
    label_zh: impl Into<String>,
    label_en: impl Into<String>,
    how: Show,
) -> FigureOut {
    let unit = match how {
        Show::Yuan => "yuan",
        Show::Percent => "ratio",
        Show::Months => "months",
    };
    FigureOut {
        role: role.to_string(),
        raw: f.value.normalize().to_string(),
        unit: unit.to_string(),
        raw_min: f.min.map(|d| d.normalize().to_string()),
        raw_max: f.max.map(|d| d.normalize().to_string()),
        label_zh: label_zh.into(),
        label_en: label_en.into(),
        value: show(f.value, how),
        basis: f.basis.id().to_string(),
        basis_zh: f.basis.zh().to_string(),
        basis_en: f.basis.en().to_string(),
        doc: f.doc.clone().unwrap_or_else(|| doc.to_string()),
        clause: f.clause.clone(),
        min: f.min.map(|d| show(d, how)),
        max: f.max.map(|d| show(d, how)),
        formula: f.formula.clone(),
        note_zh: f.note_zh.clone(),
        note_en: f.note_en.clone(),
        source: None,
    }
}

/// Short tag for a figure inside step text: `（地方取值假设，范围 ¥300.00—¥900.00）`.
pub fn tag_zh(f: &Figure, how: Show) -> String {
    match (f.basis.is_local(), f.min, f.max) {
        (true, Some(lo), None) => {
            format!("（{}，不低于 {}，上限未知）", f.basis.zh(), show(lo, how))
        }
        (true, Some(lo), Some(hi)) => format!(
            "（{}，范围 {}—{}）",
            f.basis.zh(),
            show(lo, how),
            show(hi, how)
        ),
        _ => format!("（{}）", f.basis.zh()),
    }
}

pub fn tag_en(f: &Figure, how: Show) -> String {
    match (f.basis.is_local(), f.min, f.max) {
        (true, Some(lo), None) => format!(
            " ({}, at least {}, no ceiling known)",
            f.basis.en(),
            show(lo, how)
        ),
        (true, Some(lo), Some(hi)) => format!(
            " ({}, range {}–{})",
            f.basis.en(),
            show(lo, how),
            show(hi, how)
        ),
        _ => format!(" ({})", f.basis.en()),
    }
}

#[allow(clippy::too_many_arguments)]
pub fn step(
    id: impl Into<String>,
    title_zh: &str,
    title_en: &str,
    text_zh: String,
    text_en: String,
    amount: Option<Money>,
    doc: &str,
    clause: &str,
    figures: Vec<FigureOut>,
) -> Step {
    Step {
        id: id.into(),
        title_zh: title_zh.to_string(),
        title_en: title_en.to_string(),
        text_zh,
        text_en,
        amount: amount.map(Money::plain),
        doc: doc.to_string(),
        clause: clause.to_string(),
        figures,
    }
}

/// A policy notice as shown; `doc` is the file's document, used unless the notice names another.
pub fn notice(n: &Notice, doc: &str) -> NoticeOut {
    NoticeOut {
        kind: n.kind.clone(),
        zh: n.zh.clone(),
        en: n.en.clone(),
        doc: n.doc.clone().unwrap_or_else(|| doc.to_string()),
        clause: n.clause.clone(),
    }
}

/// The policy notices for a person (`has` tells their statuses): those without a status filter
/// and those naming one of the person's statuses; with `claims_only`, only those shown with
/// claim results.
pub fn notices_for(
    notices: &[Notice],
    has: &dyn Fn(&str) -> bool,
    doc: &str,
    claims_only: bool,
) -> Vec<NoticeOut> {
    notices
        .iter()
        .filter(|n| !claims_only || n.on_claims)
        .filter(|n| n.statuses_any.is_empty() || n.statuses_any.iter().any(|s| has(s)))
        .map(|n| notice(n, doc))
        .collect()
}

pub fn note(kind: &str, zh: String, en: String, doc: &str, clause: &str) -> NoticeOut {
    NoticeOut {
        kind: kind.to_string(),
        zh,
        en,
        doc: doc.to_string(),
        clause: clause.to_string(),
    }
}

/// The low–high span of a value computed under each pick.
pub fn range_of(values: &[Money]) -> Range {
    let lo = values.iter().copied().min().unwrap_or(Money::ZERO);
    let hi = values.iter().copied().max().unwrap_or(Money::ZERO);
    Range {
        low: lo.plain(),
        high: hi.plain(),
    }
}
