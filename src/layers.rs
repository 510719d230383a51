//! After the basic fund (统筹基金): 城乡居民大病保险 (`hifmi_pay`) and 医疗救助 (`maf_pay`).
//!
//! The layers are dated rules of a scheme's annual files (`[[critical]]`, `[[assistance]]`).
//! 大病保险 pays on the benefit year's cumulative policy-scope cost left to the resident after the
//! basic fund — deductible part, coinsurance and cost above the basic limit; never the
//! out-of-scope part, never a claim in a waiting period — above a threshold, band by band, up to a
//! maximum payment. A claim's payment is the layer's payment on the cumulative amount after it
//! less that before it, so a year's claims add up to the year's payment exactly. 医疗救助 pays a
//! ratio of the policy-scope cost still left after 大病保险, up to a yearly cap, for residents with
//! one of its statuses. This module is the arithmetic; `layers/steps.rs` explains it and
//! `layers/apply.rs` puts it into the engine's answers.

mod apply;
mod steps;

pub(crate) use apply::{apply_claims, apply_curve, apply_figures, totals_with, Bill};

use crate::date::Date;
use crate::explain::{money, rate, val, Fav, Pick};
use crate::money::{Money, Rate};
use crate::policy::model::*;
use rust_decimal::Decimal;

/// The layer rules that may apply to a person: from the annual files of the scheme for the
/// person's region, with the person's statuses.
pub(crate) struct Rules<'a> {
    pub crit: Vec<(&'a Policy, &'a Critical)>,
    pub asst: Vec<(&'a Policy, &'a Assistance)>,
    pub statuses: Vec<&'a str>,
}

fn in_period(from: &str, to: &Option<String>, d: Date) -> bool {
    let from = Date::parse("from", from).ok();
    let to = to.as_deref().and_then(|t| Date::parse("to", t).ok());
    from.is_some_and(|f| f <= d) && to.is_none_or(|t| d <= t)
}

impl<'a> Rules<'a> {
    pub fn from_files(files: impl Iterator<Item = &'a Policy>, statuses: Vec<&'a str>) -> Self {
        let mut r = Rules {
            crit: Vec::new(),
            asst: Vec::new(),
            statuses,
        };
        for p in files {
            r.crit.extend(p.critical.iter().map(|c| (p, c)));
            r.asst.extend(p.assistance.iter().map(|a| (p, a)));
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
    pub fn critical_at(&self, d: Date) -> Option<(&'a Policy, &'a Critical)> {
        self.crit
            .iter()
            .find(|(_, c)| in_period(&c.from, &c.to, d))
            .copied()
    }
    /// The 医疗救助 rule in force on a date, if the person has one of its statuses.
    pub fn assistance_at(&self, d: Date) -> Option<(&'a Policy, &'a Assistance)> {
        self.asst
            .iter()
            .find(|(_, a)| in_period(&a.from, &a.to, d) && self.has_any(&a.statuses_any))
            .copied()
    }
    /// The hardship adjustment of a 大病保险 rule that applies to the person.
    pub fn hardship(&self, c: &'a Critical) -> Option<&'a CriticalHardship> {
        c.hardship.iter().find(|h| self.has_any(&h.statuses_any))
    }
}

/// One band as settled: from, upper edge (none: to the maximum), ratio after hardship points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct BandAt {
    pub from: Money,
    pub upto: Option<Money>,
    pub ratio: Rate,
}

/// A 大病保险 rule's figures under one pick, for one person.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct CritAt {
    pub threshold: Money,
    pub bands: Vec<BandAt>,
    pub maximum: Money,
}

/// The rule's figures: the threshold (times the hardship factor), each band's edges and ratio
/// (plus the hardship points, at most 100 %), the maximum. `extra` raises the maximum (the
/// continuity incentives), as a share of it.
pub(crate) fn crit_at(
    c: &Critical,
    h: Option<&CriticalHardship>,
    pick: Pick,
    extra: Decimal,
) -> CritAt {
    let mut threshold = money(&c.threshold, pick, Fav::Low);
    let mut points = Decimal::ZERO;
    if let Some(h) = h {
        threshold = threshold.times(rate(&h.threshold_factor, pick, Fav::Low));
        points = val(&h.points, pick, Fav::High);
    }
    let mut from = threshold;
    let bands = c
        .bands
        .iter()
        .map(|b| {
            let upto = b.upto.as_ref().map(|u| money(u, pick, Fav::Low));
            let r = (val(&b.ratio, pick, Fav::High) + points).min(Decimal::ONE);
            let band = BandAt {
                from,
                upto,
                ratio: Rate::from_decimal(r),
            };
            if let Some(u) = upto {
                from = from.max(u);
            }
            band
        })
        .collect();
    let base = money(&c.maximum, pick, Fav::High);
    CritAt {
        threshold,
        bands,
        maximum: base + base.times(Rate::from_decimal(extra.min(Decimal::ONE))),
    }
}

/// The cost of `cum` inside each band and what the band pays on it (before the maximum).
pub(crate) fn band_parts(p: &CritAt, cum: Money) -> Vec<(Money, Money)> {
    p.bands
        .iter()
        .map(|b| {
            let top = b.upto.map_or(cum, |u| cum.min(u));
            let part = top.sub_floor(b.from);
            (part, part.times(b.ratio))
        })
        .collect()
}

/// What 大病保险 pays on a cumulative base: the bands' payments, capped at the maximum.
pub(crate) fn critical_pay(p: &CritAt, cum: Money) -> Money {
    let s: Money = band_parts(p, cum).iter().map(|x| x.1).sum();
    s.min(p.maximum)
}

/// One claim as the layers see it: its date, its benefit year, its base (policy-scope cost left
/// to the resident after the basic fund).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Line {
    pub date: Date,
    pub year: (Date, Date),
    pub base: Money,
}

/// One claim's layers: payments, the cumulative base before and after it, the rules used.
#[derive(Clone, Debug, Default)]
pub(crate) struct Paid {
    pub hifmi: Money,
    pub maf: Money,
    pub cum_before: Money,
    pub cum_after: Money,
    pub pay_before: Money,
    pub pay_after: Money,
    /// What 医疗救助 counted on this claim (base less 大病保险) and had paid before it this year.
    pub maf_base: Money,
    pub maf_before: Money,
    pub crit: Option<CritAt>,
    pub maf_ratio: Option<Rate>,
    pub maf_cap: Option<Money>,
}

/// One benefit year's accumulators.
#[derive(Clone, Debug)]
pub(crate) struct YearAcc {
    pub year: (Date, Date),
    pub cum: Money,
    pub hifmi: Money,
    pub maf_counted: Money,
    pub maf: Money,
    pub crit: Option<CritAt>,
    pub maf_cap: Option<Money>,
}

/// Settles the layers of claims in settlement order under one pick; `extra` raises the
/// 大病保险 maximum (incentives). Returns each claim's layers and each benefit year's totals.
pub(crate) fn settle(
    rules: &Rules,
    lines: &[Line],
    pick: Pick,
    extra: Decimal,
) -> (Vec<Paid>, Vec<YearAcc>) {
    let mut years: Vec<YearAcc> = Vec::new();
    let mut out = Vec::with_capacity(lines.len());
    for l in lines {
        let i = match years.iter().position(|y| y.year.0 == l.year.0) {
            Some(i) => i,
            None => {
                years.push(YearAcc {
                    year: l.year,
                    cum: Money::ZERO,
                    hifmi: Money::ZERO,
                    maf_counted: Money::ZERO,
                    maf: Money::ZERO,
                    crit: None,
                    maf_cap: None,
                });
                years.len() - 1
            }
        };
        let acc = &mut years[i];
        let mut paid = Paid::default();
        if let Some((_, c)) = rules.critical_at(l.date) {
            let p = crit_at(c, rules.hardship(c), pick, extra);
            paid.cum_before = acc.cum;
            paid.cum_after = acc.cum + l.base;
            paid.pay_before = critical_pay(&p, paid.cum_before);
            paid.pay_after = critical_pay(&p, paid.cum_after);
            paid.hifmi = paid.pay_after.sub_floor(paid.pay_before);
            acc.cum = paid.cum_after;
            acc.hifmi = acc.hifmi + paid.hifmi;
            acc.crit = Some(p.clone());
            paid.crit = Some(p);
        }
        if let Some((_, a)) = rules.assistance_at(l.date) {
            let ratio = rate(&a.ratio, pick, Fav::High);
            let cap = money(&a.cap, pick, Fav::High);
            paid.maf_base = l.base.sub_floor(paid.hifmi);
            paid.maf_before = acc.maf;
            paid.maf = paid.maf_base.times(ratio).min(cap.sub_floor(acc.maf));
            acc.maf_counted = acc.maf_counted + paid.maf_base;
            acc.maf = acc.maf + paid.maf;
            acc.maf_cap = Some(cap);
            paid.maf_ratio = Some(ratio);
            paid.maf_cap = Some(cap);
        }
        out.push(paid);
    }
    (out, years)
}

/// Whether a local figure of the layers (one with a range) enters for these lines.
pub(crate) fn varies(rules: &Rules, lines: &[Line]) -> bool {
    lines.iter().any(|l| {
        rules.critical_at(l.date).is_some_and(|(_, c)| {
            c.threshold.basis.is_local()
                || c.maximum.basis.is_local()
                || c.bands.iter().any(|b| b.ratio.basis.is_local())
        }) || rules
            .assistance_at(l.date)
            .is_some_and(|(_, a)| a.ratio.basis.is_local() || a.cap.basis.is_local())
    })
}
