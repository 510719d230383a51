//! The settled form of a policy's benefits: resolved once when the policy is loaded (or read from
//! the snapshot) so that settling a claim reads plain numbers by index. Every lookup a claim needs
//! is made here per claim kind × category × level; every local figure is held at its three picks
//! (assumed, best, worst).

use crate::explain::{val, Fav, Pick};
use crate::money::{Money, Rate};
use crate::policy::model::*;
use rust_decimal::Decimal;

/// A figure's value under each pick, and whether it is local (so the picks can differ).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Picked<T> {
    v: [T; 3],
    pub local: bool,
}

/// A figure's value under each pick (one function for every kind of figure: it is most of the
/// form's code).
#[inline(never)]
fn picks(f: &Figure, fav: Fav) -> [Decimal; 3] {
    [
        val(f, Pick::Assumed, fav),
        val(f, Pick::Best, fav),
        val(f, Pick::Worst, fav),
    ]
}

impl<T: Copy> Picked<T> {
    fn of(f: &Figure, fav: Fav, conv: fn(Decimal) -> T) -> Self {
        let [a, b, c] = picks(f, fav);
        Picked {
            v: [conv(a), conv(b), conv(c)],
            local: f.basis.is_local(),
        }
    }
    pub fn at(&self, pick: Pick) -> T {
        self.v[pick as usize]
    }
}

/// A claim rule's segment schedule for one category and level: which schedule and level row of
/// the rule, each segment's ratio, the edges (held at their assumed values in every run).
#[derive(Clone, Debug)]
pub(crate) struct Sched {
    pub s: usize,
    pub lr: usize,
    pub ratios: Vec<Picked<Rate>>,
    pub edges: Vec<Money>,
    pub edge_local: Vec<bool>,
}

/// What a claim of one kind, category and level reads: the deductible row (index into the rule's
/// `deductibles`) and amount, the schedule, the transfer penalty (index into `penalties`).
#[derive(Clone, Debug, Default)]
pub(crate) struct Cell {
    pub dedc: Option<(usize, Picked<Money>)>,
    pub sched: Option<Sched>,
    pub penalty: Option<(usize, Picked<Decimal>)>,
}

/// One claim rule resolved: its kind (index into [`CLAIM_KINDS`]), how its deductible applies,
/// and a cell per category × level of the policy.
#[derive(Clone, Debug)]
pub(crate) struct KindForm {
    pub per: DeductiblePer,
    pub counts: bool,
    levels: usize,
    cells: Vec<Cell>,
}

impl KindForm {
    pub fn cell(&self, cat: usize, level: usize) -> Option<&Cell> {
        self.cells.get(cat * self.levels + level)
    }
}

/// A policy's benefits resolved (empty when it has none).
#[derive(Clone, Debug, Default)]
pub(crate) struct Form {
    /// By claim kind, in the order of [`CLAIM_KINDS`].
    pub kinds: Vec<Option<KindForm>>,
    /// Each annual limit's amount, in the order of `benefits.limits`.
    pub limits: Vec<Picked<Money>>,
    /// The waiting period in whole months.
    pub waiting: Option<Picked<u32>>,
}

fn money_of(f: &Figure, fav: Fav) -> Picked<Money> {
    Picked::of(f, fav, Money::from_decimal)
}

fn cell(rule: &ClaimRule, cat: &str, level: &str) -> Cell {
    let dedc = rule
        .deductibles
        .iter()
        .position(|k| matches(&k.categories, cat) && k.level == level)
        .or_else(|| {
            rule.deductibles
                .iter()
                .position(|k| matches(&k.categories, cat) && k.level == "*")
        })
        .map(|i| (i, money_of(&rule.deductibles[i].amount, Fav::Low)));
    let sched = rule
        .schedules
        .iter()
        .position(|s| matches(&s.categories, cat))
        .and_then(|s| {
            let sc = &rule.schedules[s];
            let lr = sc
                .levels
                .iter()
                .position(|l| l.level == level)
                .or_else(|| sc.levels.iter().position(|l| l.level == "*"))?;
            Some(Sched {
                s,
                lr,
                ratios: sc.levels[lr]
                    .ratios
                    .iter()
                    .map(|r| Picked::of(r, Fav::High, Rate::from_decimal))
                    .collect(),
                edges: sc
                    .edges
                    .iter()
                    .map(|e| Money::from_decimal(val(e, Pick::Assumed, Fav::Low)))
                    .collect(),
                edge_local: sc.edges.iter().map(|e| e.basis.is_local()).collect(),
            })
        });
    let penalty = rule
        .penalties
        .iter()
        .position(|x| x.level == level)
        .map(|i| {
            (
                i,
                Picked::of(&rule.penalties[i].points, Fav::Low, core::convert::identity),
            )
        });
    Cell {
        dedc,
        sched,
        penalty,
    }
}

/// A rule's cells, category by category, level by level.
fn cells(p: &Policy, rule: &ClaimRule) -> Vec<Cell> {
    let mut v = Vec::with_capacity(p.categories.len() * p.levels.len());
    for c in &p.categories {
        for l in &p.levels {
            v.push(cell(rule, &c.id, &l.id));
        }
    }
    v
}

impl Form {
    /// Resolves a policy's benefits. Never fails: what is missing stays `None` and the settlement
    /// reports it as the error it always was.
    pub fn of(p: &Policy) -> Form {
        let Some(b) = &p.benefits else {
            return Form::default();
        };
        let rules = [
            &b.inpatient,
            &b.outpatient_major,
            &b.student_accident,
            &b.general_outpatient,
        ];
        let kinds = rules
            .iter()
            .map(|r| {
                r.as_ref().map(|rule| KindForm {
                    per: rule.deductible_per,
                    counts: rule.counts_toward_limit,
                    levels: p.levels.len(),
                    cells: cells(p, rule),
                })
            })
            .collect();
        Form {
            kinds,
            limits: b
                .limits
                .iter()
                .map(|l| money_of(&l.amount, Fav::High))
                .collect(),
            waiting: b
                .waiting_months
                .as_ref()
                .map(|w| Picked::of(w, Fav::Low, |d| d.try_into().unwrap_or(0u32))),
        }
    }
}
