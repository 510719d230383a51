//! A premium answer read as lines — 缴费标准, 个人缴费, each payer's share, 补助合计, each add-on,
//! 个人合计 — each with the figure behind it when there is one (its basis, document, source and
//! grade). Nothing is computed here: every amount is one the answer already gives. The household
//! and the year-over-year diff both show an answer this way.

use crate::api::{FigureOut, PremiumLine, PremiumResult, Range};
use crate::money::Money;
use rust_decimal::Decimal;

/// A decimal string the engine wrote (`-12.5`, `400.00`, `0.05`): sign, digits, one point. Not
/// `Decimal`'s `FromStr`, whose general parser is ~10 KB gzipped of the wasm the widget loads.
pub(crate) fn dec(s: &str) -> Option<Decimal> {
    let (neg, digits) = match s.trim().strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, s.trim()),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let ok = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty() || !ok(int) || !ok(frac) || int.len() + frac.len() > 18 {
        return None;
    }
    let mut m: i64 = 0;
    for b in int.bytes().chain(frac.bytes()) {
        m = m * 10 + i64::from(b - b'0');
    }
    let d = Decimal::new(if neg { -m } else { m }, u32::try_from(frac.len()).ok()?);
    Some(d)
}

fn same(a: &str, b: &str) -> bool {
    matches!((dec(a), dec(b)), (Some(x), Some(y)) if x == y)
}

fn one(amount: &str) -> Range {
    Range {
        low: amount.to_string(),
        high: amount.to_string(),
    }
}

/// The figure of step `step` (with `role`) whose value is `amount`: the figure stands behind the
/// line only when the line is that figure (a worked-out amount has none).
fn figure_of(p: &PremiumResult, step: &str, role: &str, amount: &str) -> Option<FigureOut> {
    p.steps
        .iter()
        .filter(|s| s.id == step)
        .flat_map(|s| s.figures.iter())
        .find(|f| f.role == role && same(&f.raw, amount))
        .cloned()
}

fn line(
    id: String,
    zh: &str,
    en: &str,
    amount: &str,
    range: Range,
    figure: Option<FigureOut>,
) -> PremiumLine {
    PremiumLine {
        id,
        label_zh: zh.to_string(),
        label_en: en.to_string(),
        amount: amount.to_string(),
        range,
        figure,
    }
}

/// The lines of a premium answer, in the order a resident reads them.
pub(crate) fn premium_lines(p: &PremiumResult) -> Vec<PremiumLine> {
    let mut out = vec![line(
        "standard".into(),
        "缴费标准",
        "Contribution standard",
        &p.standard,
        p.ranges.standard.clone(),
        figure_of(p, "standard", "standard", &p.standard),
    )];
    let individual = figure_of(p, "individual", "individual", &p.individual)
        .or_else(|| figure_of(p, "individual_general", "individual", &p.individual));
    out.push(line(
        "individual".into(),
        "个人缴费",
        "Individual contribution",
        &p.individual,
        p.ranges.individual.clone(),
        individual,
    ));
    for x in &p.payers {
        let step = format!("subsidy_{}", x.payer);
        out.push(line(
            format!("payer_{}", x.payer),
            &x.name_zh,
            &x.name_en,
            &x.amount,
            x.range.clone(),
            figure_of(p, &step, "subsidy", &x.amount),
        ));
    }
    out.push(line(
        "subsidy_total".into(),
        "补助合计",
        "Subsidies in total",
        &p.subsidy_total,
        p.ranges.subsidy_total.clone(),
        None,
    ));
    for a in &p.addons {
        out.push(line(
            format!("addon_{}", a.id),
            &a.name_zh,
            &a.name_en,
            &a.amount,
            one(&a.amount),
            Some(a.figure.clone()),
        ));
    }
    if !p.addons.is_empty() {
        out.push(line(
            "with_addons".into(),
            "个人合计（含附加险种）",
            "Individual with add-ons",
            &p.individual_with_addons,
            with_addons_range(p),
            None,
        ));
    }
    out
}

/// The individual range with the add-ons on top at both ends (they are collected as they are).
fn with_addons_range(p: &PremiumResult) -> Range {
    let add: Decimal = p.addons.iter().filter_map(|a| dec(&a.amount)).sum();
    let end =
        |s: &str| dec(s).map_or_else(|| s.to_string(), |d| Money::from_decimal(d + add).plain());
    Range {
        low: end(&p.ranges.individual.low),
        high: end(&p.ranges.individual.high),
    }
}
