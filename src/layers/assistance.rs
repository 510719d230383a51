//! 医疗救助 (`maf_pay`): the stage after 大病保险, for residents with one of its statuses — a
//! ratio of the policy-scope cost the earlier stages left, up to a yearly cap. The arithmetic
//! first, then its explanation.

use super::steps::{y, year_ends};
use super::{
    open_above, val_open, At, BandAt, Ends, Field, Line, Pay, Rules, Stage, YearUse, NO_BOUND,
};
use crate::api::{BandOut, FigureOut, LayerYear, NoticeOut, Step};
use crate::date::Date;
use crate::explain::{note, rate, show, step, tag_en, tag_zh, Fav, Pick, Show};
use crate::money::{Money, Rate};
use crate::policy::model::{self, Figure, Policy};
use crate::timeline::fig_in;
use rust_decimal::Decimal;

pub(crate) struct Assistance;

impl Stage for Assistance {
    fn field(&self) -> Field {
        Field::Maf
    }
    fn doc<'r>(&self, rules: &Rules<'r>, d: Date) -> Option<&'r str> {
        rules
            .assistance_at(d)
            .map(|(pol, a)| pol.source_doc(&a.source))
    }
    fn varies(&self, rules: &Rules, d: Date) -> bool {
        rules
            .assistance_at(d)
            .is_some_and(|(_, a)| a.ratio.basis.is_local() || a.cap.basis.is_local())
    }
    fn replaces<'r>(&self, rules: &Rules<'r>, d: Date) -> &'r [String] {
        rules
            .assistance_at(d)
            .map_or(&[], |(_, a)| a.replaces_notices.as_slice())
    }
    fn locals<'r>(&self, rules: &Rules<'r>, d: Date, out: &mut Vec<&'r Figure>) {
        if let Some((_, a)) = rules.assistance_at(d) {
            out.extend([&a.ratio, &a.cap]);
        }
    }
    fn settle(&self, rules: &Rules, lines: &[Line], ends: &Ends) -> (Vec<Pay>, Vec<YearUse>) {
        YearUse::per_line(lines, |l, acc| {
            let mut pay = Pay::default();
            if let Some((_, a)) = rules.assistance_at(l.date) {
                let open = |f, bound| val_open(f, ends.pick(f), Fav::High, bound);
                let ratio = Rate::from_decimal(open(&a.ratio, Decimal::ONE));
                let cap = Money::from_decimal(open(&a.cap, NO_BOUND));
                pay.base = l.base.sub_floor(l.earlier);
                pay.before = acc.paid;
                pay.paid = pay.base.times(ratio).min(cap.sub_floor(acc.paid));
                acc.counted = acc.counted + pay.base;
                acc.paid = acc.paid + pay.paid;
                let at = At {
                    threshold: Money::ZERO,
                    bands: vec![BandAt {
                        from: Money::ZERO,
                        upto: None,
                        ratio,
                    }],
                    maximum: cap,
                };
                acc.at = Some(at.clone());
                pay.at = Some(at);
            }
            pay
        })
    }
    #[cfg(feature = "explain")]
    fn steps(&self, rules: &Rules, l: &Line, p: &Pay, out: &mut Vec<Step>) {
        if let (Some((pol, a)), Some(at)) = (rules.assistance_at(l.date), &p.at) {
            out.push(claim_step(pol, a, at, l, p));
        }
    }
    #[cfg(feature = "explain")]
    fn assumptions(&self, rules: &Rules, d: Date, out: &mut Vec<FigureOut>) {
        if let Some((pol, a)) = rules.assistance_at(d) {
            if a.ratio.basis.is_local() {
                out.push(ratio_fig(pol, a));
            }
            if a.cap.basis.is_local() {
                out.push(cap_fig(pol, a));
            }
        }
    }
    fn notices(&self, rules: &Rules, lines: &[Line], out: &mut Vec<NoticeOut>) {
        let used = lines.iter().find_map(|l| rules.assistance_at(l.date));
        if let Some((pol, a)) = used.filter(|(_, a)| open_above(&a.ratio)) {
            let r = show(a.ratio.value, Show::Percent);
            out.push(note(
                "info",
                format!("医疗救助比例只知不低于 {r}：结果范围的最低一端按 100% 计算。"),
                format!("The medical-assistance ratio is known only as at least {r}: the low end of the range takes 100 %."),
                pol.source_doc(a.ratio.source.as_deref().unwrap_or(&a.source)),
                &a.ratio.clause,
            ));
        }
        out.extend(super::stale(
            lines,
            |d| {
                rules
                    .assistance_at(d)
                    .map(|(p, a)| (p, &a.source, a.as_of.as_ref()))
            },
            "医疗救助",
            "medical assistance",
        ));
    }
    fn year(&self, rules: &Rules, lines: &[Line], a: &YearUse) -> Option<LayerYear> {
        year(rules, lines, a)
    }
}

// ---- the explanation ----

fn ratio_fig(pol: &Policy, a: &model::Assistance) -> FigureOut {
    fig_in(
        "maf_ratio",
        &a.ratio,
        pol,
        "医疗救助比例",
        "assistance ratio",
        Show::Percent,
    )
}

fn cap_fig(pol: &Policy, a: &model::Assistance) -> FigureOut {
    fig_in(
        "maf_cap",
        &a.cap,
        pol,
        "年度救助限额",
        "yearly assistance cap",
        Show::Yuan,
    )
}

fn claim_step(pol: &Policy, a: &model::Assistance, at: &At, l: &Line, p: &Pay) -> Step {
    let ratio = at.bands.first().map(|b| b.ratio).unwrap_or_default();
    let cap = at.maximum;
    let doc = pol.source_doc(&a.source);
    step(
        "assistance",
        "医疗救助",
        "Medical assistance",
        format!(
            "（本笔政策范围内个人负担 {} − 大病保险 {}）= {} × {}{} = {}；年度救助限额 {}{}，本年此前已救助 {} → 本笔医疗救助 {}。",
            y(l.base), y(l.earlier), y(p.base), ratio.percent_text(), tag_zh(&a.ratio, Show::Percent),
            y(p.base.times(ratio)), y(cap), tag_zh(&a.cap, Show::Yuan), y(p.before), y(p.paid)
        ),
        format!(
            "(policy-scope cost left to the resident {} − critical-illness insurance {}) = {} × {}{} = {}; yearly cap {}{}, assisted earlier this year {} → medical assistance on this claim {}.",
            y(l.base), y(l.earlier), y(p.base), ratio.percent_text(), tag_en(&a.ratio, Show::Percent),
            y(p.base.times(ratio)), y(cap), tag_en(&a.cap, Show::Yuan), y(p.before), y(p.paid)
        ),
        Some(p.paid),
        doc,
        &a.clause,
        vec![ratio_fig(pol, a), cap_fig(pol, a)],
    )
}

/// 医疗救助 over one benefit year.
fn year(rules: &Rules, lines: &[Line], a: &YearUse) -> Option<LayerYear> {
    let (pol, r) = lines
        .iter()
        .filter(|l| l.year.0 == a.year.0)
        .find_map(|l| rules.assistance_at(l.date))?;
    let cap = a.at.as_ref()?.maximum;
    let (start, end) = year_ends(a);
    Some(LayerYear {
        layer: "maf".into(),
        name_zh: "医疗救助".into(),
        name_en: "Medical assistance".into(),
        benefit_year_start: start,
        benefit_year_end: end,
        threshold: Money::ZERO.plain(),
        bands: vec![BandOut {
            from: Money::ZERO.plain(),
            upto: None,
            ratio: rate(&r.ratio, Pick::Assumed, Fav::High).plain(),
        }],
        maximum: cap.plain(),
        counted: a.counted.plain(),
        paid: a.paid.plain(),
        remaining: cap.sub_floor(a.paid).plain(),
        doc: pol.source_doc(&r.source).to_string(),
        clause: r.clause.clone(),
        figures: vec![ratio_fig(pol, r), cap_fig(pol, r)],
    })
}
