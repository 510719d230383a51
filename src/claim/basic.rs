//! The basic fund (统筹基金), the first stage a claim goes through: a pure settlement over the
//! settled form ([`super::form`]) giving the figures, and — when an explanation is asked for — a
//! typed trace ([`super::trace`]). No wording here.

use super::trace::{Rec, Seg, Trace};
use super::{In, Prepared};
use crate::date::Date;
use crate::error::{Error, ErrorKind};
use crate::explain::Pick;
use crate::form::Sched;
use crate::money::Money;
use crate::policy::model::*;
use crate::who::Who;

/// One benefit year's accumulators.
#[derive(Default)]
pub(super) struct Acc {
    pub cost: Money,
    pub fund: Money,
    /// Yearly deductibles: the claim kind, the level whose deductible the year's first claim of
    /// that kind set, and how much of it has been paid.
    dedc: Vec<(usize, usize, Money)>,
}

/// One claim settled by the basic fund.
pub(super) struct Out {
    pub fund: Money,
    pub dedc: Money,
    pub coins: Money,
    pub above: Money,
    pub waiting: Money,
    pub band: Money,
    pub start: Date,
    pub end: Date,
    /// The limit that applied and how much of it was used after this claim.
    pub limit: Money,
    pub used: Money,
    /// A local figure whose value depends on the pick entered this settlement: the best and
    /// worst runs can differ from the assumed one only when some claim sets this.
    pub varies: bool,
    /// A local figure entered, including segment edges (held at their assumed values).
    pub assumed: bool,
}

impl Out {
    /// A claim in a waiting period: the fund pays nothing, the policy-scope cost is `waiting`.
    fn waiting(
        inscp: Money,
        start: Date,
        end: Date,
        limit: Money,
        used: Money,
        varies: bool,
    ) -> Out {
        Out {
            fund: Money::ZERO,
            dedc: Money::ZERO,
            coins: Money::ZERO,
            above: Money::ZERO,
            waiting: inscp,
            band: Money::ZERO,
            start,
            end,
            limit,
            used,
            varies,
            assumed: varies,
        }
    }
}

/// The contribution as a settlement sees it: the first payment date, and whether later annual
/// payments continued without a break (then they start no new waiting period).
#[derive(Clone, Copy)]
pub(super) struct Paid {
    pub on: Option<Date>,
    pub renewed: bool,
}

pub(crate) fn benefit_year(kind: BenefitYearKind, anchor: Date, d: Date) -> (Date, Date) {
    match kind {
        BenefitYearKind::Natural => (
            Date {
                year: d.year,
                month: 1,
                day: 1,
            },
            Date {
                year: d.year,
                month: 12,
                day: 31,
            },
        ),
        BenefitYearKind::Contribution => {
            let mut k = 0u32;
            while anchor.add_months(12 * (k + 1)) <= d {
                k += 1;
            }
            (
                anchor.add_months(12 * k),
                anchor.add_months(12 * (k + 1)).pred(),
            )
        }
    }
}

/// The limit of the person's tier and category, or the error a claim answers without one.
fn limit(who: &Who, p: &Prepared) -> Result<usize, Error> {
    p.limit.ok_or_else(|| {
        Error::new(
            ErrorKind::PolicyRelation,
            format!("未规定“{}”的最高支付限额", who.category.name_zh),
            format!("no annual limit for \"{}\"", who.category.name_en),
        )
        .field("person.category")
    })
}

/// Settles one claim under one pick, in date order after the claims before it (`accs`).
pub(super) fn settle(
    who: &Who,
    p: &Prepared,
    c: &In,
    paid: Paid,
    accs: &mut Vec<(Date, Acc)>,
    pick: Pick,
    tr: &mut Trace,
) -> Result<Out, Error> {
    let b = p.b;
    let (start, end) = benefit_year(p.by, p.anchor, c.date);
    let ai = match accs.iter().position(|(s, _)| *s == start) {
        Some(i) => i,
        None => {
            accs.push((start, Acc::default()));
            accs.len() - 1
        }
    };
    let inscp = c.total - c.oos;
    tr.push(Rec::Bill { inscp });
    if who.policy.meta.benefit_year.is_some() {
        tr.push(Rec::BenefitYear { start, end });
    }
    let li = limit(who, p)?;
    let limit_fig = who.form.limits.get(li).copied();
    let lim = limit_fig.map_or(Money::ZERO, |l| l.at(pick));
    let mut varies = limit_fig.is_some_and(|l| l.local);
    let acc = &mut accs[ai].1;
    let used_of = |acc: &Acc| match b.limit_kind {
        LimitKind::EligibleCost => acc.cost,
        LimitKind::FundPayment => acc.fund,
    };
    // before benefits start under the annual waiting rule (late or broken enrolment)
    if let Some(s) = &p.start {
        varies |= s.local();
        let from = s.begins(pick);
        if c.date < from {
            tr.push(Rec::NotYet { from, inscp });
            return Ok(Out::waiting(inscp, start, end, lim, used_of(acc), varies));
        }
    }
    // waiting period
    if let (Some(w), Some(on), BenefitYearKind::Contribution) = (who.form.waiting, paid.on, p.by) {
        let n = w.at(pick);
        varies |= w.local;
        // renewed without a break: only the first payment starts a waiting period; otherwise
        // each annual payment (the start of each contribution year) does
        let on = if paid.renewed { on } else { start.max(on) };
        let wend = on.add_months(n);
        if c.date < wend {
            tr.push(Rec::Waiting {
                paid: on,
                months: n,
                last: wend.pred(),
                inscp,
            });
            return Ok(Out::waiting(inscp, start, end, lim, used_of(acc), varies));
        }
    }
    let dedc = deductible(who, c, acc, inscp, pick, &mut varies, tr)?;
    let counts = c.kf.counts;
    let (counted, above_cost) = if b.limit_kind == LimitKind::EligibleCost && counts {
        let room = lim.sub_floor(acc.cost);
        let counted = inscp.min(room);
        let before = acc.cost;
        acc.cost = acc.cost + counted;
        let above = inscp.sub_floor(counted.max(dedc));
        tr.push(Rec::LimitCost {
            limit: li,
            lim,
            before,
            room,
            counted,
            above,
        });
        (counted, above)
    } else {
        (inscp, Money::ZERO)
    };
    let (fund_raw, edge_local) = segments(who, c, dedc, counted, pick, &mut varies, tr)?;
    let band = counted.sub_floor(dedc);
    // fund-payment limit
    let (fund, above_fund) = if b.limit_kind == LimitKind::FundPayment && counts {
        let room = lim.sub_floor(acc.fund);
        let fund = fund_raw.min(room);
        tr.push(Rec::LimitFund {
            limit: li,
            lim,
            before: acc.fund,
            room,
            due: fund_raw,
            fund,
        });
        (fund, fund_raw - fund)
    } else {
        (fund_raw, Money::ZERO)
    };
    acc.fund = acc.fund + fund;
    let psn = c.total - fund;
    let above = above_cost + above_fund;
    let coins = psn - c.oos - dedc - above;
    tr.push(Rec::Result {
        fund,
        band,
        psn,
        dedc,
        coins,
        above,
    });
    Ok(Out {
        fund,
        dedc,
        coins,
        above,
        waiting: Money::ZERO,
        band,
        start,
        end,
        limit: lim,
        used: used_of(acc),
        varies,
        assumed: varies || edge_local,
    })
}

/// The deductible this claim pays: per admission, or once a year at the level of the year's first
/// claim of its kind, or none.
fn deductible(
    who: &Who,
    c: &In,
    acc: &mut Acc,
    inscp: Money,
    pick: Pick,
    varies: &mut bool,
    tr: &mut Trace,
) -> Result<Money, Error> {
    let per = c.kf.per;
    if per == DeductiblePer::None {
        return Ok(Money::ZERO);
    }
    let own = c.cell.dedc.ok_or_else(|| {
        let l = &who.policy.levels[c.level];
        Error::new(
            ErrorKind::PolicyRelation,
            format!("未规定{}在{}的起付标准", c.rule.name_zh, l.name_zh),
            format!("no deductible for {} at {}", c.rule.name_en, l.name_en),
        )
        .field("level")
    })?;
    // a yearly deductible is set once a year, at the level of the year's first claim
    let year_row = acc.dedc.iter().position(|x| x.0 == c.kind);
    let (set_at, used) = match (per, year_row) {
        (DeductiblePer::Year, Some(i)) => (acc.dedc[i].1, acc.dedc[i].2),
        _ => (c.level, Money::ZERO),
    };
    let (keyed, k) = if set_at == c.level {
        own
    } else {
        c.kf.cell(who.cat, set_at)
            .and_then(|x| x.dedc)
            .unwrap_or(own)
    };
    let d = k.at(pick);
    *varies |= k.local;
    let yearly = per == DeductiblePer::Year;
    let due = if yearly { d.sub_floor(used) } else { d };
    let paid = inscp.min(due);
    if yearly {
        match year_row {
            Some(i) => acc.dedc[i].2 = used + paid,
            None => acc.dedc.push((c.kind, c.level, paid)),
        }
    }
    tr.push(Rec::Deductible {
        keyed,
        set_at,
        d,
        used,
        paid,
    });
    Ok(paid)
}

/// The claim's counted cost between the deductible and the top, cut at the segment edges, each
/// part at its ratio (less the transfer penalty): the fund's payment before a fund-payment limit,
/// and whether a local edge entered.
fn segments(
    who: &Who,
    c: &In,
    dedc: Money,
    counted: Money,
    pick: Pick,
    varies: &mut bool,
    tr: &mut Trace,
) -> Result<(Money, bool), Error> {
    let sched: &Sched = c.cell.sched.as_ref().ok_or_else(|| {
        let l = &who.policy.levels[c.level];
        Error::new(
            ErrorKind::ClaimNotCovered,
            format!(
                "{}在{}没有规定“{}”的支付比例",
                c.rule.name_zh, l.name_zh, who.category.name_zh
            ),
            format!(
                "no ratio for {} at {} for {}",
                c.rule.name_en, l.name_en, who.category.name_en
            ),
        )
        .field("level")
        .clause(format!("{} {}", who.doc(), c.rule.clause))
    })?;
    let pts = c.cell.penalty.map(|(idx, pts)| {
        *varies |= pts.local;
        tr.push(Rec::Penalty { idx });
        pts.at(pick)
    });
    let mut edge_local = false;
    let mut fund = Money::ZERO;
    for (k, rf) in sched.ratios.iter().enumerate() {
        let seg_lo = k
            .checked_sub(1)
            .and_then(|j| sched.edges.get(j).copied())
            .unwrap_or(Money::ZERO);
        let a = dedc.max(seg_lo);
        let z = match sched.edges.get(k) {
            Some(h) => counted.min(*h),
            None => counted,
        };
        if z <= a {
            continue;
        }
        let part = z - a;
        let r = rf.at(pick);
        *varies |= rf.local;
        edge_local |= sched.edge_local.get(k).copied().unwrap_or(false);
        let eff = match pts {
            Some(p) => r.minus_points(p),
            None => r,
        };
        let amt = part.times(eff);
        fund = fund + amt;
        tr.push(Rec::Segment(Seg {
            s: sched.s,
            lr: sched.lr,
            k,
            a,
            z,
            part,
            r,
            pts,
            eff,
            amt,
        }));
    }
    Ok((fund, edge_local))
}
