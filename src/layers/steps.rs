//! What the stages' explanations share: amounts as text, a benefit year's ends, the layer-year
//! record of a year without its rule, and the step adding up the funds after every stage.

use super::{Rules, YearUse, STAGES};
use crate::api::{LayerYear, Step};
use crate::date::Date;
use crate::explain::{step, Yuan};
use crate::money::Money;

pub(super) fn y(m: Money) -> Yuan {
    Yuan(m)
}

pub(super) fn year_ends(a: &YearUse) -> (String, String) {
    (a.year.0.to_string(), a.year.1.to_string())
}

pub(super) fn empty_year(layer: &str, a: &YearUse) -> LayerYear {
    let (start, end) = year_ends(a);
    LayerYear {
        layer: layer.into(),
        name_zh: String::new(),
        name_en: String::new(),
        benefit_year_start: start,
        benefit_year_end: end,
        threshold: Money::ZERO.plain(),
        bands: vec![],
        maximum: Money::ZERO.plain(),
        counted: Money::ZERO.plain(),
        paid: Money::ZERO.plain(),
        remaining: Money::ZERO.plain(),
        doc: String::new(),
        clause: String::new(),
        figures: vec![],
    }
}

/// The funds in total on a claim and the resident's part: the basic fund (`hifp`), 大病保险
/// (`hifmi`) and 医疗救助 (`maf`); the document is the first stage's in force on `date`.
#[cfg(feature = "explain")]
pub(super) fn sum_step(
    rules: &Rules,
    date: Date,
    hifp: Money,
    hifmi: Money,
    maf: Money,
    total: Money,
) -> Step {
    let fund = hifp + hifmi + maf;
    // the sum rests on the layers' own documents
    let sum_doc = STAGES.iter().find_map(|s| s.doc(rules, date)).unwrap_or("");
    let psn = total.sub_floor(fund);
    step(
        "fund_pay_sumamt",
        "基金支付合计与个人负担",
        "Funds in total and the resident's part",
        format!(
            "基金支付合计 = 统筹基金 {} + 大病保险 {} + 医疗救助 {} = {}；个人负担 = 医疗费总额 {} − {} = {}。",
            y(hifp), y(hifmi), y(maf), y(fund), y(total), y(fund), y(psn)
        ),
        format!(
            "Funds in total = basic fund {} + critical-illness insurance {} + medical assistance {} = {}; the resident's part = total {} − {} = {}.",
            y(hifp), y(hifmi), y(maf), y(fund), y(total), y(fund), y(psn)
        ),
        Some(psn),
        sum_doc,
        "基金支付合计 fund_pay_sumamt",
        vec![],
    )
}
