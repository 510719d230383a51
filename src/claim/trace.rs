//! What a settlement did, as typed records: which rule, which figure (by index into the policy),
//! which amounts. The compute pass writes them only when an explanation is asked for;
//! `render.rs` turns them into the bilingual steps. No strings here.

use crate::date::Date;
use crate::money::{Money, Rate};
use rust_decimal::Decimal;

#[derive(Clone, Copy, Debug)]
pub(crate) enum Rec {
    /// 符合政策范围金额 = total − out-of-scope.
    Bill { inscp: Money },
    /// The claim's benefit year (only when the policy defines one).
    BenefitYear { start: Date, end: Date },
    /// The claim falls in the waiting period: paid on `paid`, `months` long, last day `last`.
    Waiting {
        paid: Date,
        months: u32,
        last: Date,
        inscp: Money,
    },
    /// The claim falls before benefits start under the annual waiting rule (国办发〔2024〕38号
    /// and the like: the decision `enrolment` answers with), on `from`.
    NotYet { from: Date, inscp: Money },
    /// The deductible: the row `keyed` of the rule's deductibles (set at level `set_at`), its
    /// amount `d`, `used` earlier in the year, `paid` on this claim.
    Deductible {
        keyed: usize,
        set_at: usize,
        d: Money,
        used: Money,
        paid: Money,
    },
    /// An `eligible_cost` limit (row `limit` of the benefits' limits).
    LimitCost {
        limit: usize,
        lim: Money,
        before: Money,
        room: Money,
        counted: Money,
        above: Money,
    },
    /// The transfer penalty (row `idx` of the rule's penalties).
    Penalty { idx: usize },
    /// One segment paid.
    Segment(Seg),
    /// A `fund_payment` limit: paid `before`, `room` left, `due` at the ratios, `fund` paid.
    LimitFund {
        limit: usize,
        lim: Money,
        before: Money,
        room: Money,
        due: Money,
        fund: Money,
    },
    /// What the fund paid and the resident's part with its pieces.
    Result {
        fund: Money,
        band: Money,
        psn: Money,
        dedc: Money,
        coins: Money,
        above: Money,
    },
}

/// Segment `k` (from 0) of the level row `lr` of schedule `s`, from `a` to `z`: `part` × `r`
/// (− `pts` points = `eff`) = `amt`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Seg {
    pub s: usize,
    pub lr: usize,
    pub k: usize,
    pub a: Money,
    pub z: Money,
    pub part: Money,
    pub r: Rate,
    pub pts: Option<Decimal>,
    pub eff: Rate,
    pub amt: Money,
}

/// Where a settlement writes its records: nowhere for the figures-only and range runs.
pub(crate) struct Trace<'t>(pub Option<&'t mut Vec<Rec>>);

impl Trace<'_> {
    pub fn push(&mut self, r: Rec) {
        if let Some(v) = &mut self.0 {
            v.push(r);
        }
    }
}
