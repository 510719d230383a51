//! Claims: one bill, or a year of bills in date order, settled as each document words it.
//!
//! Per claim (ARCHITECTURE.md § Claims):
//! 1. 符合政策范围金额 = 医疗费总额 − 全自费金额.
//! 2. Waiting period: a claim before the waiting period ends gets nothing from the fund.
//! 3. Deductible (起付标准): per admission, once per benefit year, or none, as the rule says.
//! 4. Limit: `eligible_cost` limits cap the policy-scope cost counted in the year (the deductible
//!    part counts); cost above the cap is the resident's. `fund_payment` limits cap what the fund
//!    pays in the year.
//! 5. Segments: the claim's cost between the deductible and the counted top is cut at the segment
//!    edges; each part is paid at its ratio, less any transfer penalty, each product rounded to
//!    the fen.
//! 6. 个人负担总金额 = 医疗费总额 − 统筹基金支出; its parts are listed.
//!
//! Every result is computed three times: with the labelled assumptions, and with every local
//! figure at the end of its range best and worst for the resident; the ranges are the span.
//!
//! The basic fund is the first stage a claim goes through (the layers in `crate::layers` follow),
//! in phases kept apart: `crate::form` (the policy resolved once, at load; its own module, which
//! `who` holds, so no module imports claim back), `parse` (claims read and
//! checked), `basic` (the pure settlement: figures and, when asked, a typed `trace`), `render`
//! (the trace into the bilingual steps). This module runs the picks and assembles the answers.

mod basic;
mod parse;
mod render;
mod trace;

use crate::api::*;
use crate::continuity::Start;
use crate::date::Date;
use crate::error::{Error, ErrorKind};
use crate::explain::{self, range_of, Pick};
use crate::layers::{Basic, Bill, Line};
use crate::money::{Money, Rate};
use crate::policy::model::*;
use crate::who::{Who, MAX_CLAIMS};
use basic::{settle, Acc, Out, Paid};
use parse::{prepare, In, Prepared};
use rust_decimal::Decimal;
use trace::{Rec, Trace};

/// The catalogue's claim kinds completed with what the document leaves unset: a paid kind gains
/// its unset levels, an unset kind is listed as `…（本文件未规定）` (its claims answer
/// `benefits_not_defined`). Empty categories or levels mean all.
pub(crate) fn add_not_set(kinds: &mut Vec<ClaimKindOut>, p: &Policy) {
    for n in p.benefits.iter().flat_map(|b| &b.not_set) {
        if let Some(k) = kinds.iter_mut().find(|k| k.id == n.kind) {
            // paid at some levels: its unset levels too (validation keeps them apart)
            if !k.levels.is_empty() {
                k.levels.extend_from_slice(&n.levels);
            }
            continue;
        }
        let (zh, en) = match n.kind.as_str() {
            "inpatient" => (
                "住院（本文件未规定）",
                "Inpatient stay (not set by this document)",
            ),
            "outpatient_major" => (
                "门诊大病（本文件未规定）",
                "Outpatient major disease (not set by this document)",
            ),
            "student_accident" => (
                "学生意外伤害门诊（本文件未规定）",
                "Pupil's accidental-injury outpatient treatment (not set by this document)",
            ),
            _ => (
                "普通门诊（本文件未规定）",
                "General outpatient (not set by this document)",
            ),
        };
        kinds.push(ClaimKindOut {
            id: n.kind.clone(),
            name_zh: zh.into(),
            name_en: en.into(),
            categories: n.categories.clone(),
            levels: n.levels.clone(),
            diseases: Vec::new(),
        });
    }
}

/// What a request says of the contribution: the payment date, whether later years were renewed
/// without a break, and — where an annual waiting rule covers the payment — the date benefits
/// start, decided by [`crate::continuity::decide`] (the decision `enrolment` answers with).
#[derive(Clone, Copy, Default)]
pub(crate) struct Payment<'a> {
    pub paid_on: Option<&'a str>,
    pub renewed: Option<bool>,
    pub start: Option<Start<'a>>,
    /// The coverage year the enrolment inputs describe, when no waiting rule is known for it.
    pub unruled: Option<u16>,
}

/// One settlement run: the settled claims and the benefit-year accumulators.
type Run = (Vec<Out>, Vec<(Date, Acc)>);

/// Settles prepared claims in order under one pick; with `traces`, each claim's trace too.
fn run(
    who: &Who,
    p: &Prepared,
    pick: Pick,
    mut traces: Option<&mut Vec<Vec<Rec>>>,
) -> Result<Run, Error> {
    let mut accs: Vec<(Date, Acc)> = Vec::new();
    let mut outs = Vec::with_capacity(p.ins.len());
    let paid = Paid {
        on: p.paid_on,
        renewed: p.renewed.unwrap_or(true),
    };
    for c in &p.ins {
        let mut recs = Vec::new();
        let mut tr = Trace(traces.is_some().then_some(&mut recs));
        outs.push(
            settle(who, p, c, paid, &mut accs, pick, &mut tr)
                .map_err(|e| e.within(&format!("claims[{}]", c.idx)))?,
        );
        if let Some(t) = traces.as_deref_mut() {
            t.push(recs);
        }
    }
    Ok((outs, accs))
}

/// A year's totals from its claims (`ins`) and one run's settlements of them (`outs`).
fn totals(ins: &[In], outs: &[Out]) -> Totals {
    let sum = |f: &dyn Fn(&Out, &In) -> Money| -> Money {
        ins.iter().zip(outs).map(|(c, o)| f(o, c)).sum()
    };
    Totals {
        medfee_sumamt: sum(&|_, c| c.total).plain(),
        fulamt_ownpay_amt: sum(&|_, c| c.oos).plain(),
        inscp_scp_amt: sum(&|_, c| c.total - c.oos).plain(),
        act_pay_dedc: sum(&|o, _| o.dedc).plain(),
        hifp_pay: sum(&|o, _| o.fund).plain(),
        psn_part_amt: sum(&|o, c| c.total - o.fund).plain(),
        fund_pay_sumamt: sum(&|o, _| o.fund).plain(),
        coinsurance_amt: sum(&|o, _| o.coins).plain(),
        above_limit_amt: sum(&|o, _| o.above).plain(),
        waiting_amt: sum(&|o, _| o.waiting).plain(),
        hifmi_pay: Money::ZERO.plain(),
        maf_pay: Money::ZERO.plain(),
    }
}

/// One claim's figures from its settlement.
fn figures_of(c: &In, o: &Out) -> ClaimFigures {
    ClaimFigures {
        medfee_sumamt: c.total.plain(),
        fulamt_ownpay_amt: c.oos.plain(),
        inscp_scp_amt: (c.total - c.oos).plain(),
        act_pay_dedc: o.dedc.plain(),
        hifp_pay: o.fund.plain(),
        psn_part_amt: (c.total - o.fund).plain(),
        coinsurance_amt: o.coins.plain(),
        above_limit_amt: o.above.plain(),
        waiting_amt: (!o.waiting.is_zero()).then(|| o.waiting.plain()),
        limit: o.limit.plain(),
        limit_used: o.used.plain(),
        assumed: o.assumed,
        hifmi_pay: Money::ZERO.plain(),
        maf_pay: Money::ZERO.plain(),
    }
}

/// One claim as the stages after the basic fund take it; `lo`, `hi`: the settlements at the
/// ends of the basic settlement's range (the resident's part lowest and highest).
fn basic(c: &In, o: &Out, lo: &Out, hi: &Out) -> Basic {
    Basic {
        line: Line::new(c.date, (o.start, o.end), o.dedc + o.coins + o.above),
        hifp: o.fund,
        total: c.total,
        psn_lo: c.total - lo.fund,
        psn_hi: c.total - hi.fund,
        outside_lo: c.oos + lo.waiting,
        outside_hi: c.oos + hi.waiting,
    }
}

/// Claims settled with the assumed values only: one run, no ranges or steps.
fn settle_assumed<'a>(
    who: &'a Who,
    pay: Payment<'a>,
    claims: &[ClaimInput],
) -> Result<(Prepared<'a>, Vec<Out>), Error> {
    let prep = prepare(who, pay, claims)?;
    let (outs, _) = run(who, &prep, Pick::Assumed, None)?;
    Ok((prep, outs))
}

/// One claim's figures: [`year`]'s assumed figures for a year of one claim.
pub(crate) fn claim_figures<'a>(
    who: &'a Who,
    pay: Payment<'a>,
    claim: &ClaimInput,
) -> Result<(ClaimFigures, Basic), Error> {
    let (prep, outs) =
        settle_assumed(who, pay, std::slice::from_ref(claim)).map_err(Error::as_single_claim)?;
    match (prep.ins.first(), outs.first()) {
        (Some(c), Some(o)) => Ok((figures_of(c, o), basic(c, o, o, o))),
        _ => Err(Error::new(ErrorKind::InvalidInput, "没有结果", "no result").field("claim")),
    }
}

/// A year's figures: [`year`]'s assumed figures and totals.
pub(crate) fn year_figures<'a>(
    who: &'a Who,
    pay: Payment<'a>,
    claims: &[ClaimInput],
) -> Result<(YearFigures, Vec<Basic>), Error> {
    let (prep, outs) = settle_assumed(who, pay, claims)?;
    let basics = prep
        .ins
        .iter()
        .zip(&outs)
        .map(|(c, o)| basic(c, o, o, o))
        .collect();
    let figures = YearFigures {
        claims: prep
            .ins
            .iter()
            .zip(&outs)
            .map(|(c, o)| figures_of(c, o))
            .collect(),
        order: prep.ins.iter().map(|c| c.idx).collect(),
        totals: totals(&prep.ins, &outs),
        assumed: outs.iter().any(|o| o.assumed),
    };
    Ok((figures, basics))
}

/// The notices of a year's answer: what was assumed for a missing contribution date or renewal,
/// segment edges held at their assumed values, and the policy's notices shown with claims.
fn year_notices(who: &Who, prep: &Prepared, outs: &[Out]) -> Vec<NoticeOut> {
    let doc = who.doc();
    let (b, anchor) = (prep.b, prep.anchor);
    let by_clause = || {
        who.policy
            .meta
            .benefit_year
            .as_ref()
            .map(|y| y.clause.clone())
            .unwrap_or_default()
    };
    let mut notices = Vec::new();
    if prep.paid_on.is_none() && prep.by == BenefitYearKind::Contribution {
        notices.push(explain::note(
            "info",
            format!("未提供缴费日期：待遇年度从第一笔费用的日期 {anchor} 起算，并按等待期已过计算。"),
            format!("No contribution date given: the benefit year starts at the first claim ({anchor}) and the waiting period is taken as served."),
            doc,
            &by_clause(),
        ));
    }
    // a claim in a later contribution year: whether that year's payment starts a waiting period
    // depends on the renewal, which the request did not state
    if let (Some(w), Some(_), None, BenefitYearKind::Contribution) =
        (&b.waiting_months, prep.paid_on, prep.renewed, prep.by)
    {
        if let Some(o) = outs.iter().find(|o| o.start > anchor) {
            notices.push(explain::note(
                "info",
                format!("未说明是否连续参保：按连续缴费计算，{} 起的年度不再设等待期。", o.start),
                format!("Renewal not stated: taken as unbroken, so the year from {} starts no new waiting period.", o.start),
                doc,
                &w.clause,
            ));
        }
    }
    if prep.ins.iter().any(|c| {
        c.rule
            .schedules
            .iter()
            .any(|s| s.edges.iter().any(|e| e.basis.is_local()))
    }) {
        notices.push(explain::note(
            "info",
            "费用分段的界点按假设值计算；区间（最低—最高）只随起付标准、支付比例、限额和等待期变动。".into(),
            "Segment edges are held at their assumed values; the low–high ranges vary deductibles, ratios, limits and waiting periods.".into(),
            doc,
            &b.clause,
        ));
    }
    notices.extend(enrolment_notices(who, prep, outs));
    notices.extend(explain::notices_for(
        &who.policy.notices,
        &|s| who.has(s),
        doc,
        true,
    ));
    notices
}

/// What the year's answer says of the enrolment inputs: what the waiting decision assumed, a
/// year the inputs describe that has no waiting rule, and claims after the coverage year the
/// inputs describe (taken as renewed inside the window).
fn enrolment_notices(who: &Who, prep: &Prepared, outs: &[Out]) -> Vec<NoticeOut> {
    let mut v = Vec::new();
    if let Some(y) = prep.unruled {
        v.push(explain::note(
            "info",
            format!("{y} 医保年度没有已知的断保、补缴待遇等待期规则（国办发〔2024〕38号自2025年起施行）：本测算不设等待期。"),
            format!("No waiting-period rule for late or broken enrolment is known for coverage year {y} (国办发〔2024〕38号 applies from 2025): no waiting period is applied."),
            who.doc(),
            "",
        ));
    }
    let Some(s) = &prep.start else {
        return v;
    };
    v.extend(crate::continuity::start_notice(s));
    let later = prep
        .ins
        .iter()
        .zip(outs)
        .find(|(c, _)| c.date.year > i32::from(s.year));
    if let Some((c, _)) = later {
        v.push(explain::note(
            "info",
            format!("所填参保情况是 {} 医保年度的；{} 起的费用按此后每年在集中缴费期内连续缴费计算，不再设等待期。", s.year, c.date),
            format!("The enrolment given is for coverage year {}; claims from {} on are taken as renewed inside each collection window, with no new waiting period.", s.year, c.date),
            s.file.source_doc(&s.rule.source),
            &s.rule.clause,
        ));
    }
    v
}

pub(crate) fn year<'a>(
    who: &'a Who,
    pay: Payment<'a>,
    claims: &[ClaimInput],
    explain_it: bool,
) -> Result<(YearResult, Vec<Basic>), Error> {
    let prep = prepare(who, pay, claims)?;
    let ins = &prep.ins;
    // one run per pick; when no figure that depends on the pick entered the assumed run, the
    // best and worst runs would repeat it exactly, so its figures stand for all three. Only the
    // assumed run keeps a trace, and only when the explanation is asked for.
    let mut traces = Vec::new();
    let first = run(who, &prep, Pick::Assumed, explain_it.then_some(&mut traces))?;
    let varies = first.0.iter().any(|o| o.varies);
    let mut runs: Vec<Run> = vec![first];
    if varies {
        for pick in [Pick::Best, Pick::Worst] {
            runs.push(run(who, &prep, pick, None)?);
        }
    }
    let notices = year_notices(who, &prep, &runs[0].0);
    let mut claims = Vec::with_capacity(ins.len());
    let mut basics = Vec::with_capacity(ins.len());
    for (j, c) in ins.iter().enumerate() {
        let (steps, assumptions) = match traces.get(j) {
            Some(t) => render::render(who, prep.b, c, prep.start.as_ref(), t),
            None => (Vec::new(), Vec::new()),
        };
        let mut out = claim_result(who, &prep, c, &runs[0].0[j]);
        let mut funds = [Money::ZERO; 3];
        let mut psns = [Money::ZERO; 3];
        for (k, r) in runs.iter().enumerate() {
            funds[k] = r.0[j].fund;
            psns[k] = c.total - r.0[j].fund;
        }
        let n = runs.len();
        out.ranges.hifp_pay = range_of(&funds[..n]);
        out.ranges.psn_part_amt = range_of(&psns[..n]);
        // the runs giving the lowest and highest resident share (the first of equals)
        let (mut lo, mut hi) = (0, 0);
        for k in 1..n {
            lo = if psns[k] < psns[lo] { k } else { lo };
            hi = if psns[k] > psns[hi] { k } else { hi };
        }
        basics.push(basic(c, &runs[0].0[j], &runs[lo].0[j], &runs[hi].0[j]));
        out.steps = steps;
        out.assumptions = assumptions;
        claims.push(out);
    }
    let sum = |f: &dyn Fn(&Out, &In) -> Money, run: usize| -> Money {
        ins.iter()
            .enumerate()
            .map(|(j, c)| f(&runs[run].0[j], c))
            .sum()
    };
    let funds: Vec<Money> = (0..runs.len()).map(|r| sum(&|o, _| o.fund, r)).collect();
    let psns: Vec<Money> = (0..runs.len())
        .map(|r| sum(&|o, c| c.total - o.fund, r))
        .collect();
    let year = YearResult {
        claims,
        order: ins.iter().map(|c| c.idx).collect(),
        totals: totals(ins, &runs[0].0),
        limits: limit_uses(who, &prep, &runs[0].1),
        ranges: ClaimRanges {
            hifp_pay: range_of(&funds),
            psn_part_amt: range_of(&psns),
            hifmi_pay: range_of(&[]),
            maf_pay: range_of(&[]),
        },
        notices,
        layers: Vec::new(),
    };
    Ok((year, basics))
}

/// One claim's answer from the assumed run (ranges, steps and assumptions filled in by `year`).
fn claim_result(who: &Who, prep: &Prepared, c: &In, o: &Out) -> ClaimResult {
    let level = &who.policy.levels[c.level];
    ClaimResult {
        kind: c.kind_id().into(),
        kind_zh: c.rule.name_zh.clone(),
        kind_en: c.rule.name_en.clone(),
        level: level.id.clone(),
        level_zh: level.name_zh.clone(),
        level_en: level.name_en.clone(),
        date: c.date.to_string(),
        benefit_year_start: o.start.to_string(),
        benefit_year_end: o.end.to_string(),
        medfee_sumamt: c.total.plain(),
        fulamt_ownpay_amt: c.oos.plain(),
        inscp_scp_amt: (c.total - c.oos).plain(),
        act_pay_dedc: o.dedc.plain(),
        hifp_pay: o.fund.plain(),
        pool_prop_selfpay: Rate::effective(o.fund, o.band).plain(),
        psn_part_amt: (c.total - o.fund).plain(),
        fund_pay_sumamt: o.fund.plain(),
        coinsurance_amt: o.coins.plain(),
        above_limit_amt: o.above.plain(),
        waiting_amt: o.waiting.plain(),
        limit_kind: prep.b.limit_kind.id().into(),
        limit: o.limit.plain(),
        limit_used: o.used.plain(),
        ranges: ClaimRanges {
            hifp_pay: range_of(&[]),
            psn_part_amt: range_of(&[]),
            hifmi_pay: range_of(&[]),
            maf_pay: range_of(&[]),
        },
        steps: Vec::new(),
        notices: vec![],
        assumptions: Vec::new(),
        hifmi_pay: Money::ZERO.plain(),
        maf_pay: Money::ZERO.plain(),
    }
}

/// The annual limit's use in each benefit year of the assumed run.
fn limit_uses(who: &Who, prep: &Prepared, accs: &[(Date, Acc)]) -> Vec<LimitUse> {
    let b = prep.b;
    let lim = prep
        .limit
        .and_then(|i| who.form.limits.get(i))
        .map_or(Money::ZERO, |l| l.at(Pick::Assumed));
    accs.iter()
        .map(|(s, acc)| {
            let used = if b.limit_kind == LimitKind::EligibleCost {
                acc.cost
            } else {
                acc.fund
            };
            let end = match prep.by {
                BenefitYearKind::Natural => Date {
                    year: s.year,
                    month: 12,
                    day: 31,
                },
                BenefitYearKind::Contribution => s.add_months(12).pred(),
            };
            LimitUse {
                benefit_year_start: s.to_string(),
                benefit_year_end: end.to_string(),
                limit_kind: b.limit_kind.id().into(),
                limit: lim.plain(),
                used: used.plain(),
                remaining: lim.sub_floor(used).plain(),
                doc: who.doc().to_string(),
                clause: b.limit_clause.clone(),
            }
        })
        .collect()
}

/// The resident's share at many bill sizes, assumed values only, one fresh benefit year each.
pub(crate) fn curve<'a>(
    who: &'a Who,
    pay: Payment<'a>,
    r: &CurveRequest,
) -> Result<(CurveResult, Bill), Error> {
    if r.totals.len() > MAX_CLAIMS {
        return Err(Error::new(
            ErrorKind::TooManyClaims,
            format!("最多 {MAX_CLAIMS} 个点，收到 {} 个", r.totals.len()),
            format!("at most {MAX_CLAIMS} points, got {}", r.totals.len()),
        )
        .field("totals"));
    }
    let totals = r
        .totals
        .iter()
        .enumerate()
        .map(|(i, t)| Money::parse(&format!("totals[{i}]"), t))
        .collect::<Result<Vec<_>, _>>()?;
    // the claim's own total is replaced by each point: parse it with a total that holds its
    // out-of-scope part
    let mut base = r.claim.clone();
    base.medfee_sumamt = base
        .fulamt_ownpay_amt
        .clone()
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| "0".into());
    // each point is a fresh first benefit year: renewal does not arise
    let mut prep = prepare(
        who,
        Payment {
            renewed: None,
            ..pay
        },
        std::slice::from_ref(&base),
    )
    .map_err(Error::as_single_claim)?;
    let base_oos = prep.ins[0].oos;
    let at = |prep: &mut Prepared, t: Money| -> Result<Out, Error> {
        prep.ins[0].total = t;
        prep.ins[0].oos = base_oos.min(t);
        let (mut outs, _) = run(who, prep, Pick::Assumed, None)?;
        Ok(outs.remove(0))
    };
    let mut points = Vec::with_capacity(totals.len());
    let mut biting: Option<Money> = None;
    for t in &totals {
        let o = at(&mut prep, *t)?;
        if !o.above.is_zero() && biting.is_none_or(|b| *t < b) {
            biting = Some(*t);
        }
        points.push(CurvePoint {
            medfee_sumamt: t.plain(),
            hifp_pay: o.fund.plain(),
            psn_part_amt: (*t - o.fund).plain(),
            act_pay_dedc: o.dedc.plain(),
            above_limit_amt: o.above.plain(),
            hifmi_pay: Money::ZERO.plain(),
            maf_pay: Money::ZERO.plain(),
            layer_base: o.dedc + o.coins + o.above,
        });
    }
    // bisection on whole yuan for where the limit starts to bite
    let limit_from = match biting {
        Some(hi) => {
            let (mut lo, mut hi) = (Decimal::ZERO, hi.decimal().ceil());
            while hi - lo > Decimal::ONE {
                let mid = ((lo + hi) / Decimal::TWO).floor();
                if at(&mut prep, Money::from_decimal(mid))?.above.is_zero() {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            Some(Money::from_decimal(hi).plain())
        }
        None => None,
    };
    let c = &prep.ins[0];
    let deductible = match c.kf.per {
        DeductiblePer::None => Money::ZERO,
        _ => c
            .cell
            .dedc
            .map_or(Money::ZERO, |(_, d)| d.at(Pick::Assumed)),
    };
    let edges = c
        .cell
        .sched
        .as_ref()
        .map(|s| s.edges.iter().map(|e| e.plain()).collect())
        .unwrap_or_default();
    let limit = prep.limit.and_then(|i| who.form.limits.get(i));
    let bill = Bill {
        date: c.date,
        year: basic::benefit_year(prep.by, prep.anchor, c.date),
    };
    let curve = CurveResult {
        points,
        limit_from,
        hifmi_from: None,
        deductible: deductible.plain(),
        edges,
        limit_kind: prep.b.limit_kind.id().into(),
        limit: limit.map_or(Money::ZERO, |l| l.at(Pick::Assumed)).plain(),
    };
    Ok((curve, bill))
}
