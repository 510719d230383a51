//! The layers put into the engine's answers: a year's (or one claim's) results, the figures-only
//! results and the curve. Schemes without layer rules are left exactly as the basic settlement
//! gave them.
//!
//! Ranges: the basic settlement gives each claim's resident share at its low and high ends; the
//! layers' base at each end is that share less the out-of-scope and waiting parts, settled with
//! the layers' own local figures at the same end (threshold low and ratio, cap high for the low
//! end). The resident's part after the layers rises with the base, so the ends stay ends.

use super::{settle, steps, varies, Basic, Field, Line, Rules, Settled, STAGES};
use crate::api::*;
use crate::date::Date;
use crate::explain::{range_of, Pick};
use crate::money::Money;
use crate::policy::model::Policy;
use rust_decimal::Decimal;

/// A year total back as money: the totals hold plain decimals (`1234.50`, whole fen; a
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

/// A year's claims (or one claim's) with the layers: each claim's hifmi_pay and maf_pay, fund and
/// resident totals, ranges, steps, the year's totals and ranges, notices, and the layers' use by
/// benefit year. `framework` holds the notices a rule replaces.
pub(crate) fn apply_claims(
    rules: &Rules,
    framework: &Policy,
    out: &mut YearResult,
    basics: &[Basic],
    explain: bool,
) {
    if rules.is_empty() || basics.len() != out.claims.len() {
        return;
    }
    let lines: Vec<Line> = basics.iter().map(|b| b.line).collect();
    let run = settle(rules, &lines, Pick::Assumed);
    if !run.applied() {
        return;
    }
    // the ends: the basic settlement's low/high resident share, less what is outside the layers
    let end_lines = |hi: bool| -> Vec<Line> {
        basics
            .iter()
            .map(|b| Line {
                base: if hi {
                    b.psn_hi.sub_floor(b.outside_hi)
                } else {
                    b.psn_lo.sub_floor(b.outside_lo)
                },
                ..b.line
            })
            .collect()
    };
    let ends = if varies(rules, &lines) || basics.iter().any(|b| b.psn_lo != b.psn_hi) {
        Some((
            settle(rules, &end_lines(false), Pick::Best),
            settle(rules, &end_lines(true), Pick::Worst),
        ))
    } else {
        None
    };
    let runs: [&Settled; 3] = match &ends {
        Some((b, w)) => [&run, b, w],
        None => [&run, &run, &run],
    };
    // by run (assumed, low end, high end): hifmi and maf summed over the claims
    let mut sums = [(Money::ZERO, Money::ZERO); 3];
    for (j, (c, b)) in out.claims.iter_mut().zip(basics).enumerate() {
        let paid = runs.map(|r| (r.paid(Field::Hifmi, j), r.paid(Field::Maf, j)));
        fill(c, b, paid);
        for (s, p) in sums.iter_mut().zip(paid) {
            *s = (s.0 + p.0, s.1 + p.1);
        }
        if explain {
            explain_claim(rules, &run, b, j, c);
        }
    }
    let t = &mut out.totals;
    totals_with(t, sums[0].0, sums[0].1);
    let r = &mut out.ranges;
    r.hifmi_pay = range_of(&sums.map(|s| s.0));
    r.maf_pay = range_of(&sums.map(|s| s.1));
    let lo = m(&r.psn_part_amt.low).sub_floor(sums[1].0 + sums[1].1);
    let hi = m(&r.psn_part_amt.high).sub_floor(sums[2].0 + sums[2].1);
    r.psn_part_amt = range_of(&[m(&t.psn_part_amt), lo, hi]);
    replace_notices(rules, framework, &lines, &mut out.notices);
    for st in STAGES {
        st.notices(rules, &lines, &mut out.notices);
    }
    out.layers = layer_years(rules, &lines, &run);
}

/// One claim's layer steps (each stage's, then the sum) and the layers' local figures.
fn explain_claim(rules: &Rules, run: &Settled, b: &Basic, j: usize, c: &mut ClaimResult) {
    let l = &b.line;
    for (st, pays) in STAGES.iter().zip(&run.pays) {
        if let Some((line, p)) = pays.get(j) {
            st.steps(rules, line, p, &mut c.steps);
        }
    }
    c.steps.push(steps::sum_step(
        rules,
        l.date,
        b.hifp,
        run.paid(Field::Hifmi, j),
        run.paid(Field::Maf, j),
        b.total,
    ));
    let mut figs = Vec::new();
    for st in STAGES {
        st.assumptions(rules, l.date, &mut figs);
    }
    for f in figs {
        let seen = c
            .assumptions
            .iter()
            .any(|x| x.role == f.role && x.raw == f.raw && x.clause == f.clause);
        if !seen {
            c.assumptions.push(f);
        }
    }
}

/// One claim's layer figures and ranges: (hifmi, maf) in the assumed run and at the low and
/// high ends.
fn fill(c: &mut ClaimResult, b: &Basic, paid: [(Money, Money); 3]) {
    let [p, lo, hi] = paid;
    c.hifmi_pay = p.0.plain();
    c.maf_pay = p.1.plain();
    let fund = b.hifp + p.0 + p.1;
    c.fund_pay_sumamt = fund.plain();
    let psn = b.total.sub_floor(fund);
    c.psn_part_amt = psn.plain();
    let r = &mut c.ranges;
    r.hifmi_pay = range_of(&[p.0, lo.0, hi.0]);
    r.maf_pay = range_of(&[p.1, lo.1, hi.1]);
    let low = b.psn_lo.sub_floor(lo.0 + lo.1);
    let high = b.psn_hi.sub_floor(hi.0 + hi.1);
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
        for st in STAGES {
            ids.extend(st.replaces(rules, l.date).iter().map(String::as_str));
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

/// Each layer's use per benefit year: the years in order, each stage in order.
fn layer_years(rules: &Rules, lines: &[Line], run: &Settled) -> Vec<LayerYear> {
    let mut v = Vec::new();
    let n = run.years.first().map_or(0, Vec::len);
    for i in 0..n {
        for (st, years) in STAGES.iter().zip(&run.years) {
            if let Some(y) = years.get(i).filter(|y| y.at.is_some()) {
                v.extend(st.year(rules, lines, y));
            }
        }
    }
    v
}

/// The figures-only answers: the same arithmetic as [`apply_claims`] on the assumed run.
pub(crate) fn apply_figures(
    rules: &Rules,
    basics: &[Basic],
    figs: &mut [ClaimFigures],
) -> (Money, Money) {
    if rules.is_empty() || basics.len() != figs.len() {
        return (Money::ZERO, Money::ZERO);
    }
    let lines: Vec<Line> = basics.iter().map(|b| b.line).collect();
    let run = settle(rules, &lines, Pick::Assumed);
    let (mut h, mut a) = (Money::ZERO, Money::ZERO);
    for (j, ((f, l), b)) in figs.iter_mut().zip(&lines).zip(basics).enumerate() {
        let (ph, pm) = (run.paid(Field::Hifmi, j), run.paid(Field::Maf, j));
        f.hifmi_pay = ph.plain();
        f.maf_pay = pm.plain();
        let fund = b.hifp + ph + pm;
        f.psn_part_amt = b.total.sub_floor(fund).plain();
        f.assumed |= varies(rules, std::slice::from_ref(l));
        h = h + ph;
        a = a + pm;
    }
    (h, a)
}

/// Totals of a year with the layers.
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
        let line = Line::new(bill.date, bill.year, pt.layer_base);
        let run = settle(rules, &[line], Pick::Assumed);
        let (h, a) = (run.paid(Field::Hifmi, 0), run.paid(Field::Maf, 0));
        pt.hifmi_pay = h.plain();
        pt.maf_pay = a.plain();
        pt.psn_part_amt = m(&pt.psn_part_amt).sub_floor(h + a).plain();
    }
}
