//! The layers put into the engine's answers: a year's (or one claim's) results, the figures-only
//! results and the curve. Schemes without layer rules are left exactly as the basic settlement
//! gave them.
//!
//! Ranges: the basic settlement gives each claim's resident share at its low and high ends; the
//! layers' base at each end is that share less the out-of-scope and waiting parts, settled with
//! the layers' own local figures at the same end (threshold low and ratio, cap high for the low
//! end). The resident's part after the layers rises with the base, so the ends stay ends.

use super::{settle, settle_at, steps, varies, Basic, Ends, Field, Line, Rules, Settled, STAGES};
use crate::api::*;
use crate::date::Date;
use crate::explain::{range_of, Pick};
use crate::money::Money;
use crate::policy::model::{Figure, Policy};
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
        // no rule applied, but a stage may still have something to say (a rule starting later
        // in the claims' benefit year)
        for st in STAGES {
            st.notices(rules, &lines, &mut out.notices);
        }
        return;
    }
    let corners = if varies(rules, &lines) || basics.iter().any(|b| b.psn_lo != b.psn_hi) {
        corners(rules, basics)
    } else {
        Vec::new()
    };
    // per claim and per corner: (the resident's part, hifmi, maf), the assumed run first
    let mut sums = vec![(Money::ZERO, Money::ZERO, Money::ZERO); corners.len() + 1];
    for (j, (c, b)) in out.claims.iter_mut().zip(basics).enumerate() {
        let assumed = (
            b.total - b.hifp,
            run.paid(Field::Hifmi, j),
            run.paid(Field::Maf, j),
        );
        let mut at = vec![assumed];
        at.extend(corners.iter().map(|(hi, r)| {
            let psn = b.psn_at(*hi);
            (psn, r.paid(Field::Hifmi, j), r.paid(Field::Maf, j))
        }));
        fill(c, b, &at);
        for (s, (psn, h, m)) in sums.iter_mut().zip(&at) {
            *s = (s.0 + psn.sub_floor(*h + *m), s.1 + *h, s.2 + *m);
        }
        #[cfg(feature = "explain")]
        if explain {
            explain_claim(rules, &run, b, j, c);
        }
    }
    let t = &mut out.totals;
    totals_with(t, sums[0].1, sums[0].2);
    let r = &mut out.ranges;
    r.hifmi_pay = range_of(&sums.iter().map(|s| s.1).collect::<Vec<_>>());
    r.maf_pay = range_of(&sums.iter().map(|s| s.2).collect::<Vec<_>>());
    let mut psns: Vec<Money> = sums[1..].iter().map(|s| s.0).collect();
    psns.push(m(&t.psn_part_amt));
    r.psn_part_amt = range_of(&psns);
    replace_notices(rules, framework, &lines, &mut out.notices);
    for st in STAGES {
        st.notices(rules, &lines, &mut out.notices);
    }
    out.layers = layer_years(rules, &lines, &run);
}

/// At most this many groups of figures are cornered one by one (2ⁿ settlements for each end of
/// the basic settlement); beyond it each stage's figures move together (none of the built-in
/// schemes comes near: Jilin's layers have 3 to 5 local figures).
const MAX_CORNERED: usize = 10;

/// Every corner of the ranges: the basic settlement's low and high ends (its resident share
/// less what is outside the layers at that end), each with the layers' local figures at their
/// best or worst ends. The payments need not move together: a higher 大病保险 threshold leaves
/// more to 医疗救助, and in a year of several claims a higher ratio uses up the yearly cap on an
/// earlier claim — so for a year each figure takes either end independently of the others. For one
/// claim each stage's figures move together: within a stage every payment rises with each of its
/// figures' best ends, and only the stages pull against each other. `engine/layer_ranges.rs`
/// checks both against each figure pinned at its ends.
fn corners(rules: &Rules, basics: &[Basic]) -> Vec<(bool, Settled)> {
    // the groups of figures that move together: one per stage for one claim, else one per figure
    let mut groups: Vec<Vec<*const Figure>> = Vec::new();
    for st in STAGES {
        let mut v = Vec::new();
        for b in basics {
            st.locals(rules, b.line.date, &mut v);
        }
        let mut stage: Vec<*const Figure> = Vec::new();
        for f in v.into_iter().filter(|f| f.basis.is_local()) {
            let f: *const Figure = f;
            if !stage.iter().any(|x| core::ptr::eq(*x, f)) {
                stage.push(f);
            }
        }
        match basics.len() {
            1 => groups.push(stage),
            _ => groups.extend(stage.into_iter().map(|f| vec![f])),
        }
    }
    groups.retain(|g| !g.is_empty());
    if groups.len() > MAX_CORNERED {
        groups = vec![groups.concat()];
    }
    let mut v = Vec::new();
    for hi in [false, true] {
        let lines: Vec<Line> = basics.iter().map(|b| b.line_at(hi)).collect();
        for mask in 0..1usize << groups.len() {
            let worst: Vec<*const Figure> = (0..groups.len())
                .filter(|i| mask >> i & 1 == 1)
                .flat_map(|i| groups[i].iter().copied())
                .collect();
            let ends = Ends {
                default: Pick::Best,
                worst: &worst,
            };
            v.push((hi, settle_at(rules, &lines, &ends)));
        }
    }
    v
}

/// One claim's layer steps (each stage's, then the sum) and the layers' local figures.
#[cfg(feature = "explain")]
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

/// One claim's layer figures and ranges from the assumed run and the corners: each `(the basic
/// settlement's resident part at that end, hifmi, maf)`, the assumed run first.
fn fill(c: &mut ClaimResult, b: &Basic, at: &[(Money, Money, Money)]) {
    let (_, h, a) = at[0];
    c.hifmi_pay = h.plain();
    c.maf_pay = a.plain();
    let fund = b.hifp + h + a;
    c.fund_pay_sumamt = fund.plain();
    let psn = b.total.sub_floor(fund);
    c.psn_part_amt = psn.plain();
    let r = &mut c.ranges;
    r.hifmi_pay = range_of(&at.iter().map(|x| x.1).collect::<Vec<_>>());
    r.maf_pay = range_of(&at.iter().map(|x| x.2).collect::<Vec<_>>());
    let mut psns: Vec<Money> = at[1..].iter().map(|x| x.0.sub_floor(x.1 + x.2)).collect();
    psns.push(psn);
    r.psn_part_amt = range_of(&psns);
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
