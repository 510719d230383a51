//! What the checks of a policy file share (`validate`, `periods`, `layers`, which sit above
//! it and below one another in that order: no check imports one above it): every figure of a
//! file with a stable path and what it measures, and the errors the checks report.

use super::model::*;
use crate::error::{Error, ErrorKind};

/// What a figure measures, for bounds checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Yuan,
    Ratio,
    Months,
    Count,
}

/// Every figure of a policy with a stable path (independent of list order).
pub fn figures(p: &Policy) -> Vec<(String, &Figure, Unit)> {
    let mut out = Vec::new();
    if let Some(pr) = &p.premium {
        premium_figures("premium", pr, &mut out);
    }
    for y in &p.years {
        if let Some(pr) = &y.premium {
            premium_figures(&format!("years[{}].premium", y.year), pr, &mut out);
        }
        if let Some(n) = &y.national {
            out.push((
                format!("years[{}].national.subsidy", y.year),
                &n.subsidy,
                Unit::Yuan,
            ));
            if let Some(f) = &n.individual {
                out.push((
                    format!("years[{}].national.individual", y.year),
                    f,
                    Unit::Yuan,
                ));
            }
        }
    }
    if let Some(b) = &p.benefits {
        if let Some(w) = &b.waiting_months {
            out.push(("benefits.waiting_months".into(), w, Unit::Months));
        }
        for l in &b.limits {
            out.push((
                format!(
                    "benefits.limits[{}/{}].amount",
                    l.tiers.join("+"),
                    l.categories.join("+")
                ),
                &l.amount,
                Unit::Yuan,
            ));
        }
        if let Some(c) = &b.constraints {
            if let Some(f) = &c.max_segments {
                out.push(("benefits.constraints.max_segments".into(), f, Unit::Count));
            }
            for m in &c.mean_ratio_min {
                out.push((
                    format!(
                        "benefits.constraints.mean_ratio_min[{}/{}]",
                        m.kind,
                        m.categories.join("+")
                    ),
                    &m.value,
                    Unit::Ratio,
                ));
            }
        }
        for (kind, rule) in claim_rules(b) {
            for d in &rule.deductibles {
                out.push((
                    format!(
                        "benefits.{kind}.deductibles[{}/{}].amount",
                        d.categories.join("+"),
                        d.level
                    ),
                    &d.amount,
                    Unit::Yuan,
                ));
            }
            for s in &rule.schedules {
                let sk = format!("benefits.{kind}.schedules[{}]", s.categories.join("+"));
                for (i, e) in s.edges.iter().enumerate() {
                    out.push((format!("{sk}.edges[{i}]"), e, Unit::Yuan));
                }
                for lr in &s.levels {
                    for (i, r) in lr.ratios.iter().enumerate() {
                        out.push((
                            format!("{sk}.levels[{}].ratios[{i}]", lr.level),
                            r,
                            Unit::Ratio,
                        ));
                    }
                }
            }
            for pe in &rule.penalties {
                out.push((
                    format!("benefits.{kind}.penalties[{}].points", pe.level),
                    &pe.points,
                    Unit::Ratio,
                ));
            }
        }
    }
    layer_figures(p, &mut out);
    for t in &p.topups {
        out.push((
            format!("topups[{}].total_min", t.id),
            &t.total_min,
            Unit::Yuan,
        ));
        out.push((
            format!("topups[{}].central_central_western", t.id),
            &t.central_central_western,
            Unit::Yuan,
        ));
    }
    out
}

/// The figures of the layers after the basic fund and of the waiting rules (annual files).
fn layer_figures<'a>(p: &'a Policy, out: &mut Vec<(String, &'a Figure, Unit)>) {
    for c in &p.critical {
        let at = format!("critical[{}]", c.from);
        out.push((format!("{at}.threshold"), &c.threshold, Unit::Yuan));
        out.push((format!("{at}.maximum"), &c.maximum, Unit::Yuan));
        for (i, b) in c.bands.iter().enumerate() {
            if let Some(u) = &b.upto {
                out.push((format!("{at}.bands[{i}].upto"), u, Unit::Yuan));
            }
            out.push((format!("{at}.bands[{i}].ratio"), &b.ratio, Unit::Ratio));
        }
        for (i, h) in c.hardship.iter().enumerate() {
            let k = format!("{at}.hardship[{i}]");
            out.push((
                format!("{k}.threshold_factor"),
                &h.threshold_factor,
                Unit::Ratio,
            ));
            out.push((format!("{k}.points"), &h.points, Unit::Ratio));
        }
        if let Some(n) = &c.incentives {
            let k = format!("{at}.incentives");
            out.push((format!("{k}.after_years"), &n.after_years, Unit::Count));
            out.push((format!("{k}.per_year"), &n.per_year, Unit::Ratio));
            out.push((format!("{k}.zero_claim"), &n.zero_claim, Unit::Ratio));
            if let Some(f) = &n.floor_per_year {
                out.push((format!("{k}.floor_per_year"), f, Unit::Yuan));
            }
        }
    }
    for a in &p.assistance {
        let at = format!("assistance[{}]", a.from);
        out.push((format!("{at}.ratio"), &a.ratio, Unit::Ratio));
        out.push((format!("{at}.cap"), &a.cap, Unit::Yuan));
    }
    for w in &p.waiting {
        let at = format!("waiting[{}]", w.from);
        for (name, f) in [
            ("fixed_months", &w.fixed_months),
            ("per_missed_year", &w.per_missed_year),
            ("per_extra_year_paid", &w.per_extra_year_paid),
        ] {
            if let Some(f) = f {
                out.push((format!("{at}.{name}"), f, Unit::Months));
            }
        }
        if let Some(lb) = &w.long_break {
            out.push((format!("{at}.long_break.years"), &lb.years, Unit::Count));
            out.push((
                format!("{at}.long_break.min_months"),
                &lb.min_months,
                Unit::Months,
            ));
        }
    }
}

/// The figures of one premium block, under `at` (`premium` or `years[2026].premium`).
fn premium_figures<'a>(at: &str, pr: &'a Premium, out: &mut Vec<(String, &'a Figure, Unit)>) {
    for s in &pr.standards {
        let k = format!("{at}.standards[{}/{}]", s.tier, s.category);
        out.push((format!("{k}.standard"), &s.standard, Unit::Yuan));
        out.push((format!("{k}.individual"), &s.individual, Unit::Yuan));
    }
    for c in &pr.classes {
        if let Some(f) = &c.total_pct_of_standard {
            let k = format!("{at}.classes[{}].total_pct_of_standard", c.id);
            out.push((k, f, Unit::Ratio));
        }
        for l in &c.lines {
            if let Some(f) = &l.amount {
                let k = format!("{at}.classes[{}].lines[{}].amount", c.id, l.payer.id());
                out.push((k, f, Unit::Yuan));
            }
        }
    }
    for e in &pr.extras {
        let k = format!("{at}.extras[{}].share_of_individual", e.id);
        out.push((k, &e.share_of_individual, Unit::Ratio));
    }
    for a in &pr.addons {
        out.push((
            format!("{at}.addons[{}].amount", a.id),
            &a.amount,
            Unit::Yuan,
        ));
    }
}

pub(super) fn err(kind: ErrorKind, file: &str, field: &str, zh: String, en: String) -> Error {
    Error::new(kind, format!("{field}：{zh}"), format!("{field}: {en}"))
        .file(file)
        .field(field)
}

pub(super) fn unknown_source(file: &str, at: &str, id: &str) -> Error {
    err(
        ErrorKind::PolicyFigure,
        file,
        at,
        format!("来源“{id}”未在 [[sources]] 中列出"),
        format!("source \"{id}\" is not listed in [[sources]]"),
    )
}
