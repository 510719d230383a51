//! The layers put into the engine's answers: a year's (or one claim's) results, the figures-only
//! results and the curve. Schemes without layer rules are left exactly as the basic settlement
//! gave them.
//!
//! Ranges: the basic settlement gives each claim's resident share at its low and high ends; the
//! layers' base at each end is that share less the out-of-scope and waiting parts, settled with
//! the layers' own local figures at the same end (threshold low and ratio, cap high for the low
//! end). The resident's part after the layers rises with the base, so the ends stay ends.

use super::{settle, steps, varies, Line, Paid, Rules, YearAcc};
use crate::api::*;
use crate::date::Date;
use crate::explain::{range_of, Pick};
use crate::money::Money;
use crate::policy::model::Policy;
use rust_decimal::Decimal;

/// A result's amount back as money: the results hold plain decimals (`1234.50`, whole fen; a
/// year's totals may exceed the input ceiling, so this is not [`Money::parse`], and not
/// `Decimal`'s `FromStr`, which brings scientific notation into the wasm).
fn m(s: &str) -> Money {
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let mut fen: i64 = 0;
    for b in int.bytes().chain(frac.bytes().chain(*b"00").take(2)) {
        if !b.is_ascii_digit() {
            return Money::ZERO;
        }
        fen = fen.saturating_mul(10).saturating_add(i64::from(b - b'0'));
    }
    Money::from_decimal(Decimal::new(fen, 2))
}

/// The context of one claim the figures-only answers lack: its date and benefit year.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Bill {
    pub date: Date,
    pub year: (Date, Date),
}

fn date(s: &str) -> Option<Date> {
    Date::parse("", s).ok()
}

/// The layers' base of a claim: policy-scope cost left to the resident after the basic fund.
fn base(dedc: &str, coins: &str, above: &str) -> Money {
    m(dedc) + m(coins) + m(above)
}

/// A year's claims (or one claim's) with the layers: each claim's hifmi_pay and maf_pay, fund and
/// resident totals, ranges, steps, the year's totals and ranges, notices, and the layers' use by
/// benefit year. `framework` holds the notices a rule replaces.
pub(crate) fn apply_claims(rules: &Rules, framework: &Policy, out: &mut YearResult, explain: bool) {
    if rules.is_empty() {
        return;
    }
    let mut lines = Vec::with_capacity(out.claims.len());
    for c in &out.claims {
        let (Some(d), Some(s), Some(e)) = (
            date(&c.date),
            date(&c.benefit_year_start),
            date(&c.benefit_year_end),
        ) else {
            return;
        };
        lines.push(Line {
            date: d,
            year: (s, e),
            base: base(&c.act_pay_dedc, &c.coinsurance_amt, &c.above_limit_amt),
        });
    }
    let (paid, years) = settle(rules, &lines, Pick::Assumed, Decimal::ZERO);
    if paid
        .iter()
        .all(|p| p.crit.is_none() && p.maf_ratio.is_none())
    {
        return;
    }
    // the ends: the basic settlement's low/high resident share, less what is outside the layers
    let end_lines = |hi: bool| -> Vec<Line> {
        out.claims
            .iter()
            .zip(&lines)
            .map(|(c, l)| {
                let psn = m(if hi {
                    &c.ranges.psn_part_amt.high
                } else {
                    &c.ranges.psn_part_amt.low
                });
                let outside = m(&c.fulamt_ownpay_amt) + m(&c.waiting_amt);
                Line {
                    base: psn.sub_floor(outside),
                    ..*l
                }
            })
            .collect()
    };
    let ends = if varies(rules, &lines)
        || out
            .claims
            .iter()
            .any(|c| c.ranges.psn_part_amt.low != c.ranges.psn_part_amt.high)
    {
        Some((
            settle(rules, &end_lines(false), Pick::Best, Decimal::ZERO).0,
            settle(rules, &end_lines(true), Pick::Worst, Decimal::ZERO).0,
        ))
    } else {
        None
    };
    let mut sums = [Money::ZERO; 6];
    for (j, c) in out.claims.iter_mut().enumerate() {
        let p = &paid[j];
        let (lo, hi) = match &ends {
            Some((b, w)) => (&b[j], &w[j]),
            None => (p, p),
        };
        fill(c, p, lo, hi);
        sums[0] = sums[0] + p.hifmi;
        sums[1] = sums[1] + p.maf;
        sums[2] = sums[2] + lo.hifmi;
        sums[3] = sums[3] + lo.maf;
        sums[4] = sums[4] + hi.hifmi;
        sums[5] = sums[5] + hi.maf;
        if explain {
            c.steps.extend(steps::claim_steps(
                rules,
                &lines[j],
                p,
                &m(&c.hifp_pay),
                &m(&c.medfee_sumamt),
            ));
            steps::assumptions(rules, &lines[j], &mut c.assumptions);
        }
    }
    let t = &mut out.totals;
    t.hifmi_pay = sums[0].plain();
    t.maf_pay = sums[1].plain();
    let fund = m(&t.hifp_pay) + sums[0] + sums[1];
    t.fund_pay_sumamt = fund.plain();
    t.psn_part_amt = m(&t.medfee_sumamt).sub_floor(fund).plain();
    let r = &mut out.ranges;
    r.hifmi_pay = range_of(&[sums[0], sums[2], sums[4]]);
    r.maf_pay = range_of(&[sums[1], sums[3], sums[5]]);
    let lo = m(&r.psn_part_amt.low).sub_floor(sums[2] + sums[3]);
    let hi = m(&r.psn_part_amt.high).sub_floor(sums[4] + sums[5]);
    r.psn_part_amt = range_of(&[m(&t.psn_part_amt), lo, hi]);
    replace_notices(rules, framework, &lines, &mut out.notices);
    out.notices.extend(steps::year_notices(rules, &lines));
    out.layers = layer_years(rules, &lines, &years);
}

/// One claim's layer figures and ranges.
fn fill(c: &mut ClaimResult, p: &Paid, lo: &Paid, hi: &Paid) {
    c.hifmi_pay = p.hifmi.plain();
    c.maf_pay = p.maf.plain();
    let fund = m(&c.hifp_pay) + p.hifmi + p.maf;
    c.fund_pay_sumamt = fund.plain();
    let psn = m(&c.medfee_sumamt).sub_floor(fund);
    c.psn_part_amt = psn.plain();
    let r = &mut c.ranges;
    r.hifmi_pay = range_of(&[p.hifmi, lo.hifmi, hi.hifmi]);
    r.maf_pay = range_of(&[p.maf, lo.maf, hi.maf]);
    let low = m(&r.psn_part_amt.low).sub_floor(lo.hifmi + lo.maf);
    let high = m(&r.psn_part_amt.high).sub_floor(hi.hifmi + hi.maf);
    r.psn_part_amt = range_of(&[psn, low, high]);
}

/// Drops the framework's notices ("not counted") that a layer rule used here answers.
fn replace_notices(
    rules: &Rules,
    framework: &Policy,
    lines: &[Line],
    notices: &mut Vec<NoticeOut>,
) {
    let mut ids: Vec<&str> = Vec::new();
    for l in lines {
        if let Some((_, c)) = rules.critical_at(l.date) {
            ids.extend(c.replaces_notices.iter().map(String::as_str));
        }
        if let Some((_, a)) = rules.assistance_at(l.date) {
            ids.extend(a.replaces_notices.iter().map(String::as_str));
        }
    }
    let doc = &framework.meta.doc;
    let gone: Vec<NoticeOut> = framework
        .notices
        .iter()
        .filter(|n| ids.contains(&n.id.as_str()))
        .map(|n| crate::explain::notice(n, doc))
        .collect();
    notices.retain(|n| !gone.contains(n));
}

/// Each layer's use per benefit year.
fn layer_years(rules: &Rules, lines: &[Line], years: &[YearAcc]) -> Vec<LayerYear> {
    let mut v = Vec::new();
    for y in years {
        let Some(l) = lines.iter().find(|l| l.year.0 == y.year.0) else {
            continue;
        };
        if let Some(p) = &y.crit {
            v.push(steps::critical_year(rules, l, y, p));
        }
        if y.maf_cap.is_some() {
            if let Some(ly) = steps::assistance_year(rules, lines, y) {
                v.push(ly);
            }
        }
    }
    v
}

/// The figures-only answers: the same arithmetic as [`apply_claims`] on the assumed run.
pub(crate) fn apply_figures(
    rules: &Rules,
    bills: &[Bill],
    figs: &mut [ClaimFigures],
) -> (Money, Money) {
    if rules.is_empty() || bills.len() != figs.len() {
        return (Money::ZERO, Money::ZERO);
    }
    let lines: Vec<Line> = bills
        .iter()
        .zip(figs.iter())
        .map(|(b, f)| Line {
            date: b.date,
            year: b.year,
            base: base(&f.act_pay_dedc, &f.coinsurance_amt, &f.above_limit_amt),
        })
        .collect();
    let (paid, _) = settle(rules, &lines, Pick::Assumed, Decimal::ZERO);
    let (mut h, mut a) = (Money::ZERO, Money::ZERO);
    for ((f, p), l) in figs.iter_mut().zip(&paid).zip(&lines) {
        f.hifmi_pay = p.hifmi.plain();
        f.maf_pay = p.maf.plain();
        let fund = m(&f.hifp_pay) + p.hifmi + p.maf;
        f.psn_part_amt = m(&f.medfee_sumamt).sub_floor(fund).plain();
        f.assumed |= varies(rules, std::slice::from_ref(l));
        h = h + p.hifmi;
        a = a + p.maf;
    }
    (h, a)
}

/// Totals of a figures-only year with the layers.
pub(crate) fn totals_with(t: &mut Totals, hifmi: Money, maf: Money) {
    t.hifmi_pay = hifmi.plain();
    t.maf_pay = maf.plain();
    let fund = m(&t.hifp_pay) + hifmi + maf;
    t.fund_pay_sumamt = fund.plain();
    t.psn_part_amt = m(&t.medfee_sumamt).sub_floor(fund).plain();
}

/// The curve: each point a fresh benefit year.
pub(crate) fn apply_curve(rules: &Rules, bill: Bill, points: &mut [CurvePoint]) {
    if rules.is_empty() {
        return;
    }
    for pt in points {
        let line = Line {
            date: bill.date,
            year: bill.year,
            base: pt.layer_base,
        };
        let (paid, _) = settle(rules, &[line], Pick::Assumed, Decimal::ZERO);
        let p = &paid[0];
        pt.hifmi_pay = p.hifmi.plain();
        pt.maf_pay = p.maf.plain();
        pt.psn_part_amt = m(&pt.psn_part_amt).sub_floor(p.hifmi + p.maf).plain();
    }
}
