//! After the basic fund (统筹基金): the payment layers, each a stage a claim goes through in turn —
//! 城乡居民大病保险 (`hifmi_pay`, `critical.rs`) and 医疗救助 (`maf_pay`, `assistance.rs`).
//!
//! The layers are dated rules of a scheme's annual files (`[[critical]]`, `[[assistance]]`). Each
//! stage settles a year's claims in order on what the basic fund and the stages before it left to
//! the resident in policy scope (deductible part, coinsurance and cost above the basic limit;
//! never the out-of-scope part, never a claim in a waiting period), keeping its own accumulators
//! per benefit year. 大病保险 pays above a threshold, band by band, up to a maximum payment, on the
//! benefit year's cumulative base: a claim's payment is the layer's payment on the cumulative base
//! after it less that before it, so a year's claims add up to the year's payment exactly. 医疗救助
//! pays a ratio of what 大病保险 left, up to a yearly cap, for residents with one of its statuses.
//!
//! A stage is a [`Stage`]: its arithmetic (`settle`) apart from its explanation (`steps`,
//! `assumptions`, `notices`, `year`). Adding a layer is a new module implementing it, its rules
//! in [`Rules`], and its entry in [`STAGES`]; `apply.rs` puts the pipeline into the answers.

mod apply;
mod assistance;
mod critical;
mod steps;

pub(crate) use apply::{apply_claims, apply_curve, apply_figures, totals_with, Bill};

#[cfg(test)]
mod tests {
    #[test]
    fn no_bound_is_a_thousand_trillion() {
        assert_eq!(
            super::NO_BOUND,
            rust_decimal::Decimal::from(1_000_000_000_000_000u64)
        );
    }
}

use crate::api::{FigureOut, LayerYear, NoticeOut, Step};
use crate::date::Date;
use crate::explain::{val, Fav, Pick};
use crate::money::{Money, Rate};
use crate::policy::model::*;
use rust_decimal::Decimal;

/// A rule's period, its dates read once: in force from `from` (a date that does not read is
/// never in force) to `to` (open when absent or unreadable).
#[derive(Clone, Copy, Debug)]
struct Period {
    from: Option<Date>,
    to: Option<Date>,
}

impl Period {
    fn of(from: &str, to: &Option<String>) -> Period {
        Period {
            from: Date::parse("from", from).ok(),
            to: to.as_deref().and_then(|t| Date::parse("to", t).ok()),
        }
    }
    fn holds(&self, d: Date) -> bool {
        self.from.is_some_and(|f| f <= d) && self.to.is_none_or(|t| d <= t)
    }
}

/// The layer rules that may apply to a person: from the annual files of the scheme for the
/// person's region, with the person's statuses.
pub(crate) struct Rules<'a> {
    crit: Vec<(&'a Policy, &'a Critical, Period)>,
    asst: Vec<(&'a Policy, &'a Assistance, Period)>,
    statuses: Vec<&'a str>,
}

impl<'a> Rules<'a> {
    pub fn from_files(files: impl Iterator<Item = &'a Policy>, statuses: Vec<&'a str>) -> Self {
        let mut r = Rules {
            crit: Vec::new(),
            asst: Vec::new(),
            statuses,
        };
        for p in files {
            r.crit.extend(
                p.critical
                    .iter()
                    .map(|c| (p, c, Period::of(&c.from, &c.to))),
            );
            r.asst.extend(
                p.assistance
                    .iter()
                    .map(|a| (p, a, Period::of(&a.from, &a.to))),
            );
        }
        r
    }
    pub fn is_empty(&self) -> bool {
        self.crit.is_empty() && self.asst.is_empty()
    }
    fn has_any(&self, list: &[String]) -> bool {
        list.iter().any(|s| self.statuses.contains(&s.as_str()))
    }
    /// The 大病保险 rule in force on a date.
    fn critical_at(&self, d: Date) -> Option<(&'a Policy, &'a Critical)> {
        self.crit
            .iter()
            .find(|(_, _, p)| p.holds(d))
            .map(|&(p, c, _)| (p, c))
    }
    /// A 大病保险 rule that starts after `d` and no later than `until` (in the same benefit year).
    fn critical_starting(&self, d: Date, until: Date) -> Option<(&'a Policy, &'a Critical)> {
        self.crit
            .iter()
            .find(|(_, _, p)| p.from.is_some_and(|f| d < f && f <= until))
            .map(|&(p, c, _)| (p, c))
    }
    /// The 医疗救助 rule in force on a date, if the person has one of its statuses.
    fn assistance_at(&self, d: Date) -> Option<(&'a Policy, &'a Assistance)> {
        self.asst
            .iter()
            .find(|(_, a, p)| p.holds(d) && self.has_any(&a.statuses_any))
            .map(|&(p, a, _)| (p, a))
    }
    /// The hardship adjustment of a 大病保险 rule that applies to the person.
    fn hardship(&self, c: &'a Critical) -> Option<&'a CriticalHardship> {
        c.hardship.iter().find(|h| self.has_any(&h.statuses_any))
    }
}

/// One band as settled: from, upper edge (none: to the maximum), ratio.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct BandAt {
    pub from: Money,
    pub upto: Option<Money>,
    pub ratio: Rate,
}

/// A layer rule's figures under one pick, for one person: the threshold, the bands, the maximum
/// payment (医疗救助: threshold zero, one band at its ratio, its cap).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct At {
    pub threshold: Money,
    pub bands: Vec<BandAt>,
    pub maximum: Money,
}

/// One claim as the layers see it: its date, its benefit year, its base (policy-scope cost left
/// to the resident after the basic fund), and what the stages before this one paid on it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Line {
    pub date: Date,
    pub year: (Date, Date),
    pub base: Money,
    pub earlier: Money,
}

impl Line {
    pub fn new(date: Date, year: (Date, Date), base: Money) -> Line {
        Line {
            date,
            year,
            base,
            earlier: Money::ZERO,
        }
    }
}

/// One claim as the basic fund (the first stage) settled it, for the stages after it: its line
/// (date, benefit year, base in the assumed run), the basic fund's payment, the bill, the
/// resident's part at the low and high ends of the basic settlement's range, and what lies
/// outside the layers at each end (the out-of-scope and waiting parts; the waiting part can
/// differ between the ends when the date benefits start is a labelled assumption).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Basic {
    pub line: Line,
    pub hifp: Money,
    pub total: Money,
    pub psn_lo: Money,
    pub psn_hi: Money,
    pub outside_lo: Money,
    pub outside_hi: Money,
}

impl Basic {
    /// The resident's part at the low or high end of the basic settlement's range.
    pub fn psn_at(&self, hi: bool) -> Money {
        if hi {
            self.psn_hi
        } else {
            self.psn_lo
        }
    }
    /// The claim as the layers take it at that end: its base is the resident's part less what
    /// lies outside the layers there.
    pub fn line_at(&self, hi: bool) -> Line {
        let outside = if hi { self.outside_hi } else { self.outside_lo };
        Line {
            base: self.psn_at(hi).sub_floor(outside),
            ..self.line
        }
    }
}

/// One claim settled by one stage: what it paid; what it counted on the claim and the year's
/// count before and after it; its payment on the count before and after (大病保险); the figures
/// it used (none: no rule of the stage applied).
#[derive(Clone, Debug, Default)]
pub(crate) struct Pay {
    pub paid: Money,
    pub base: Money,
    pub before: Money,
    pub after: Money,
    pub pay_before: Money,
    pub pay_after: Money,
    pub at: Option<At>,
}

/// One stage over one benefit year: what it counted and paid, the figures last used.
#[derive(Clone, Debug)]
pub(crate) struct YearUse {
    pub year: (Date, Date),
    pub counted: Money,
    pub paid: Money,
    pub at: Option<At>,
}

impl YearUse {
    /// The accumulators of `l`'s benefit year, added in the order the years first appear.
    fn of<'y>(years: &'y mut Vec<YearUse>, l: &Line) -> &'y mut YearUse {
        let i = match years.iter().position(|y| y.year.0 == l.year.0) {
            Some(i) => i,
            None => {
                years.push(YearUse {
                    year: l.year,
                    counted: Money::ZERO,
                    paid: Money::ZERO,
                    at: None,
                });
                years.len() - 1
            }
        };
        &mut years[i]
    }

    /// A stage's arithmetic over the lines in order: `f` settles one line given its benefit
    /// year's use so far (which it updates); the payments, and each year's use at the end.
    fn per_line(
        lines: &[Line],
        mut f: impl FnMut(&Line, &mut YearUse) -> Pay,
    ) -> (Vec<Pay>, Vec<YearUse>) {
        let mut years = Vec::new();
        let out = lines
            .iter()
            .map(|l| f(l, YearUse::of(&mut years, l)))
            .collect();
        (out, years)
    }
}

/// The payment field of the answers a stage fills.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Field {
    Hifmi,
    Maf,
}

/// A payment layer after the basic fund.
pub(crate) trait Stage: Sync {
    fn field(&self) -> Field;
    /// The document of the stage's rule in force on a date, if any.
    fn doc<'r>(&self, rules: &Rules<'r>, d: Date) -> Option<&'r str>;
    /// Whether one of the local figures (with a range) of the rule in force on a date enters.
    fn varies(&self, rules: &Rules, d: Date) -> bool;
    /// The framework's notices the rule in force on a date answers.
    fn replaces<'r>(&self, rules: &Rules<'r>, d: Date) -> &'r [String];
    /// Settles claims in settlement order under one pick: each claim's payment and each benefit
    /// year's use. A line's base for this stage is its base less what earlier stages paid.
    fn settle(&self, rules: &Rules, lines: &[Line], ends: &Ends) -> (Vec<Pay>, Vec<YearUse>);
    /// The local figures (with a range) of the rules in force on a date, for the ranges' corners.
    fn locals<'r>(&self, rules: &Rules<'r>, d: Date, out: &mut Vec<&'r Figure>);
    /// The steps explaining a claim's payment.
    #[cfg(feature = "explain")]
    fn steps(&self, rules: &Rules, l: &Line, p: &Pay, out: &mut Vec<Step>);
    /// The local figures of the rule in force on a date, for a claim's `assumptions`.
    #[cfg(feature = "explain")]
    fn assumptions(&self, rules: &Rules, d: Date, out: &mut Vec<FigureOut>);
    /// A year's notices about the stage.
    fn notices(&self, rules: &Rules, lines: &[Line], out: &mut Vec<NoticeOut>);
    /// The stage's use over one benefit year, when its rule applied in it.
    fn year(&self, rules: &Rules, lines: &[Line], y: &YearUse) -> Option<LayerYear>;
}

/// The stages after the basic fund, in the order a claim goes through them.
pub(crate) const STAGES: [&dyn Stage; 2] = [&critical::Critical, &assistance::Assistance];

/// Every stage's settlement of a year's claims under one pick.
pub(crate) struct Settled {
    /// By stage (as [`STAGES`]): each claim's payment, and the line the stage settled it on.
    pub pays: Vec<Vec<(Line, Pay)>>,
    /// By stage: each benefit year's use.
    pub years: Vec<Vec<YearUse>>,
}

impl Settled {
    /// What the stages filling `field` paid on claim `j`.
    pub fn paid(&self, field: Field, j: usize) -> Money {
        STAGES
            .iter()
            .zip(&self.pays)
            .filter(|(s, _)| s.field() == field)
            .filter_map(|(_, p)| p.get(j))
            .map(|(_, p)| p.paid)
            .sum()
    }
    /// Whether a rule of some stage applied to some claim.
    pub fn applied(&self) -> bool {
        self.pays
            .iter()
            .any(|v| v.iter().any(|(_, p)| p.at.is_some()))
    }
}

/// Which end of its range each local figure takes in a settlement: `default` for all but the
/// figures listed in `worst` (by identity), which take their worst end for the resident. The
/// ranges' corners put each figure at either end independently of the others.
pub(crate) struct Ends<'a> {
    pub default: Pick,
    pub worst: &'a [*const Figure],
}

impl Ends<'_> {
    pub fn pick(&self, f: &Figure) -> Pick {
        if self.worst.iter().any(|w| core::ptr::eq(*w, f)) {
            Pick::Worst
        } else {
            self.default
        }
    }
}

/// Runs claims through the stages in order under one pick.
pub(crate) fn settle(rules: &Rules, lines: &[Line], pick: Pick) -> Settled {
    settle_at(
        rules,
        lines,
        &Ends {
            default: pick,
            worst: &[],
        },
    )
}

/// Runs claims through the stages in order, each local figure at the end `ends` gives it.
pub(crate) fn settle_at(rules: &Rules, lines: &[Line], ends: &Ends) -> Settled {
    let mut ls = lines.to_vec();
    let mut out = Settled {
        pays: Vec::with_capacity(STAGES.len()),
        years: Vec::with_capacity(STAGES.len()),
    };
    for st in STAGES {
        let (pays, years) = st.settle(rules, &ls, ends);
        let mut with = Vec::with_capacity(pays.len());
        for (l, p) in ls.iter_mut().zip(pays) {
            let paid = p.paid;
            with.push((*l, p));
            l.earlier = l.earlier + paid;
        }
        out.pays.push(with);
        out.years.push(years);
    }
    out
}

/// An amount with no bound: the end of a range whose ceiling was not found (a threshold above
/// every bill: the layer pays nothing; a cap above every payment: no cap).
pub(crate) const NO_BOUND: Decimal = Decimal::from_parts(0xA4C6_8000, 0x0003_8D7E, 0, false, 0);

/// A layer figure under a pick. A local figure with no `max` (a "不低于" floor, or an
/// assumption whose ceiling was not found) is open above: at the end a pick asks for, it is
/// `open` — the natural bound (100 % for a ratio, [`NO_BOUND`] for an amount) — so the ranges
/// are the true lowest and highest, never the open figure's own value.
pub(crate) fn val_open(f: &Figure, pick: Pick, fav: Fav, open: Decimal) -> Decimal {
    let upper = matches!(
        (pick, fav),
        (Pick::Best, Fav::High) | (Pick::Worst, Fav::Low)
    );
    if f.basis.is_local() && upper && f.max.is_none() {
        open
    } else {
        val(f, pick, fav)
    }
}

/// Whether a figure is open above (local, no `max`).
pub(crate) fn open_above(f: &Figure) -> bool {
    f.basis.is_local() && f.max.is_none()
}

/// The `stale` notice of a stage whose rule's figures were sourced for a year (`as_of`: "现阶段")
/// and a claim dated after it, as the basic fund's `benefits_as_of` gives: the latest such
/// claim's year.
fn stale<'r>(
    lines: &[Line],
    rule_at: impl Fn(Date) -> Option<(&'r Policy, &'r String, Option<&'r AsOf>)>,
    zh: &str,
    en: &str,
) -> Option<NoticeOut> {
    let (l, (pol, src, a)) = lines
        .iter()
        .filter_map(|l| Some((l, rule_at(l.date)?)))
        .filter_map(|(l, (p, s, a))| Some((l, (p, s, a?))))
        .filter(|(l, (_, _, a))| l.date.year > i32::from(a.year))
        .max_by_key(|(l, _)| l.date)?;
    Some(crate::explain::note(
        "stale",
        format!(
            "{zh}的数额依据的是 {} 年的资料，而所问为 {} 年：{}",
            a.year, l.date.year, a.zh
        ),
        format!(
            "The {en} figures rest on sources of {}, and the claim is in {}: {}",
            a.year, l.date.year, a.en
        ),
        pol.source_doc(src),
        &a.clause,
    ))
}

/// Whether a local figure of the layers (one with a range) enters for these lines.
pub(crate) fn varies(rules: &Rules, lines: &[Line]) -> bool {
    lines
        .iter()
        .any(|l| STAGES.iter().any(|s| s.varies(rules, l.date)))
}
