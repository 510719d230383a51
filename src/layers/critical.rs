//! 城乡居民大病保险 (`hifmi_pay`): the first stage after the basic fund. The arithmetic first
//! (the rule's figures under a pick, the bands, the cumulative payment), then its explanation.

use super::steps::{empty_year, y, year_ends};
use super::{
    open_above, val_open, At, BandAt, Ends, Field, Line, Pay, Rules, Stage, YearUse, NO_BOUND,
};
use crate::api::{BandOut, FigureOut, LayerYear, NoticeOut, Step};
use crate::date::Date;
use crate::explain::{note, show, step, tag_en, tag_zh, Fav, Show};
use crate::money::{Money, Rate};
use crate::policy::model::{self, CriticalHardship, Figure, Policy};
use crate::timeline::fig_in;
use rust_decimal::Decimal;

pub(crate) struct Critical;

/// The rule's figures: the threshold (times the hardship factor), each band's edges and ratio
/// (plus the hardship points, at most 100 %), the maximum.
fn at(c: &model::Critical, h: Option<&CriticalHardship>, ends: &Ends) -> At {
    let amount = |f, fav| Money::from_decimal(val_open(f, ends.pick(f), fav, NO_BOUND));
    let ratio = |f, fav| val_open(f, ends.pick(f), fav, Decimal::ONE);
    let mut threshold = amount(&c.threshold, Fav::Low);
    let mut points = Decimal::ZERO;
    if let Some(h) = h {
        threshold = threshold.times(Rate::from_decimal(ratio(&h.threshold_factor, Fav::Low)));
        points = ratio(&h.points, Fav::High);
    }
    let mut from = threshold;
    let bands = c
        .bands
        .iter()
        .map(|b| {
            let upto = b.upto.as_ref().map(|u| amount(u, Fav::Low));
            let r = (ratio(&b.ratio, Fav::High) + points).min(Decimal::ONE);
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
    At {
        threshold,
        bands,
        maximum: amount(&c.maximum, Fav::High),
    }
}

/// The cost of `cum` inside each band and what the band pays on it (before the maximum).
fn band_parts(p: &At, cum: Money) -> impl Iterator<Item = (Money, Money)> + '_ {
    p.bands.iter().map(move |b| {
        let top = b.upto.map_or(cum, |u| cum.min(u));
        let part = top.sub_floor(b.from);
        (part, part.times(b.ratio))
    })
}

/// What 大病保险 pays on a cumulative base: the bands' payments, capped at the maximum.
fn pay_on(p: &At, cum: Money) -> Money {
    let s: Money = band_parts(p, cum).map(|x| x.1).sum();
    s.min(p.maximum)
}

impl Stage for Critical {
    fn field(&self) -> Field {
        Field::Hifmi
    }
    fn doc<'r>(&self, rules: &Rules<'r>, d: Date) -> Option<&'r str> {
        rules
            .critical_at(d)
            .map(|(pol, c)| pol.source_doc(&c.source))
    }
    fn varies(&self, rules: &Rules, d: Date) -> bool {
        rules.critical_at(d).is_some_and(|(_, c)| {
            c.threshold.basis.is_local()
                || c.maximum.basis.is_local()
                || c.bands.iter().any(|b| b.ratio.basis.is_local())
                || rules.hardship(c).is_some_and(|h| {
                    h.threshold_factor.basis.is_local() || h.points.basis.is_local()
                })
        })
    }
    fn replaces<'r>(&self, rules: &Rules<'r>, d: Date) -> &'r [String] {
        rules
            .critical_at(d)
            .map_or(&[], |(_, c)| c.replaces_notices.as_slice())
    }
    fn locals<'r>(&self, rules: &Rules<'r>, d: Date, out: &mut Vec<&'r Figure>) {
        if let Some((_, c)) = rules.critical_at(d) {
            out.extend([&c.threshold, &c.maximum]);
            out.extend(c.bands.iter().map(|b| &b.ratio));
            if let Some(h) = rules.hardship(c) {
                out.extend([&h.threshold_factor, &h.points]);
            }
        }
    }
    fn settle(&self, rules: &Rules, lines: &[Line], ends: &Ends) -> (Vec<Pay>, Vec<YearUse>) {
        YearUse::per_line(lines, |l, acc| {
            let mut pay = Pay::default();
            if let Some((_, c)) = rules.critical_at(l.date) {
                let p = at(c, rules.hardship(c), ends);
                pay.base = l.base.sub_floor(l.earlier);
                pay.before = acc.counted;
                pay.after = acc.counted + pay.base;
                pay.pay_before = pay_on(&p, pay.before);
                pay.pay_after = pay_on(&p, pay.after);
                pay.paid = pay.pay_after.sub_floor(pay.pay_before);
                acc.counted = pay.after;
                acc.paid = acc.paid + pay.paid;
                acc.at = Some(p.clone());
                pay.at = Some(p);
            }
            pay
        })
    }
    #[cfg(feature = "explain")]
    fn steps(&self, rules: &Rules, l: &Line, p: &Pay, out: &mut Vec<Step>) {
        if let (Some((pol, c)), Some(at)) = (rules.critical_at(l.date), &p.at) {
            steps(rules, pol, c, at, p, out);
        }
    }
    #[cfg(feature = "explain")]
    fn assumptions(&self, rules: &Rules, d: Date, out: &mut Vec<FigureOut>) {
        if let Some((pol, c)) = rules.critical_at(d) {
            if c.threshold.basis.is_local() {
                out.push(threshold_fig(pol, c));
            }
            if let Some(h) = rules.hardship(c) {
                if h.threshold_factor.basis.is_local() {
                    out.push(fig_in(
                        "critical_threshold_factor",
                        &h.threshold_factor,
                        pol,
                        "困难群体起付标准系数",
                        "hardship threshold factor",
                        Show::Percent,
                    ));
                }
                if h.points.basis.is_local() {
                    out.push(fig_in(
                        "critical_points",
                        &h.points,
                        pol,
                        "困难群体提高比例",
                        "hardship points",
                        Show::Percent,
                    ));
                }
            }
        }
    }
    fn notices(&self, rules: &Rules, lines: &[Line], out: &mut Vec<NoticeOut>) {
        out.extend(incentives(rules, lines));
        out.extend(before_start(rules, lines));
        let used = lines.iter().find_map(|l| rules.critical_at(l.date));
        if let Some((pol, c)) = used.filter(|(_, c)| open_above(&c.threshold)) {
            out.push(note(
                "info",
                "大病保险起付标准的上限未找到：结果范围的最高一端按起付标准高于本年费用、大病保险不支付计算。".into(),
                "The critical-illness threshold's ceiling was not found: the high end of the range takes a threshold above the year's costs, so that the layer pays nothing.".into(),
                pol.source_doc(c.threshold.source.as_deref().unwrap_or(&c.source)),
                &c.threshold.clause,
            ));
        }
        out.extend(super::stale(
            lines,
            |d| {
                rules
                    .critical_at(d)
                    .map(|(p, c)| (p, &c.source, c.as_of.as_ref()))
            },
            "大病保险",
            "critical-illness insurance",
        ));
    }
    fn year(&self, rules: &Rules, lines: &[Line], a: &YearUse) -> Option<LayerYear> {
        let l = lines.iter().find(|l| l.year.0 == a.year.0)?;
        let at = a.at.as_ref()?;
        Some(year(rules, l, a, at))
    }
}

// ---- the explanation ----

fn threshold_fig(pol: &Policy, c: &model::Critical) -> FigureOut {
    fig_in(
        "critical_threshold",
        &c.threshold,
        pol,
        "大病保险起付标准",
        "critical-illness threshold",
        Show::Yuan,
    )
}

fn maximum_fig(pol: &Policy, c: &model::Critical) -> FigureOut {
    fig_in(
        "critical_maximum",
        &c.maximum,
        pol,
        "大病保险最高支付限额",
        "critical-illness maximum",
        Show::Yuan,
    )
}

/// A claim's 大病保险 steps: what counts, the threshold, each band reached, the payment.
#[cfg(feature = "explain")]
fn steps(rules: &Rules, pol: &Policy, c: &model::Critical, at: &At, p: &Pay, v: &mut Vec<Step>) {
    let doc = pol.source_doc(&c.source);
    v.push(step(
        "critical_base",
        "大病保险：计入的费用",
        "Critical-illness insurance: what counts",
        format!(
            "本笔统筹基金支付后、政策范围内由个人负担的费用 {}（起付标准以下、按比例自付、超过基本医保限额部分；目录外等全自费部分不计入）；本医保年度累计 {} → {}。{}",
            y(p.base), y(p.before), y(p.after), c.scope_zh
        ),
        format!(
            "The policy-scope cost left to the resident after the basic fund on this claim: {} (below the deductible, coinsurance, above the basic limit; fully self-paid items do not count); this benefit year's total {} → {}. {}",
            y(p.base), y(p.before), y(p.after), c.scope_en
        ),
        Some(p.base),
        pol.source_doc("J9"),
        &c.clause,
        vec![],
    ));
    let h = rules.hardship(c);
    v.push(threshold_step(pol, c, at, h));
    band_steps(pol, c, at, p, h, doc, v);
    v.push(step(
        "critical_pay",
        "大病保险支付",
        "Critical-illness insurance pays",
        format!(
            "本医保年度大病保险累计应付 {}（最高支付限额 {}），本笔之前已付 {} → 本笔大病保险支付 {} − {} = {}。",
            y(p.pay_after), y(at.maximum), y(p.pay_before), y(p.pay_after), y(p.pay_before), y(p.paid)
        ),
        format!(
            "Critical-illness insurance on this benefit year's total: {} (maximum {}); paid before this claim {} → on this claim {} − {} = {}.",
            y(p.pay_after), y(at.maximum), y(p.pay_before), y(p.pay_after), y(p.pay_before), y(p.paid)
        ),
        Some(p.paid),
        pol.source_doc(c.maximum.source.as_deref().unwrap_or("")),
        &c.maximum.clause,
        vec![maximum_fig(pol, c)],
    ));
}

fn threshold_step(
    pol: &Policy,
    c: &model::Critical,
    at: &At,
    h: Option<&CriticalHardship>,
) -> Step {
    let mut figs = vec![threshold_fig(pol, c)];
    let (hz, he) = match h {
        Some(h) => {
            figs.push(fig_in(
                "critical_threshold_factor",
                &h.threshold_factor,
                pol,
                "困难群体起付标准系数",
                "hardship threshold factor",
                Show::Percent,
            ));
            let base = y(Money::from_decimal(c.threshold.value));
            let f = show(h.threshold_factor.value, Show::Percent);
            let n = |x: &Option<String>| x.clone().unwrap_or_default();
            (
                format!(
                    "（困难群体：{base} × {f}。{}）",
                    n(&h.threshold_factor.note_zh)
                ),
                format!(
                    " (hardship: {base} × {f}. {})",
                    n(&h.threshold_factor.note_en)
                ),
            )
        }
        None => (String::new(), String::new()),
    };
    step(
        "critical_threshold",
        "大病保险起付标准",
        "Critical-illness threshold",
        format!(
            "起付标准 {}{}{}。",
            y(at.threshold),
            hz,
            tag_zh(&c.threshold, Show::Yuan)
        ),
        format!(
            "Threshold {}{}{}.",
            y(at.threshold),
            he,
            tag_en(&c.threshold, Show::Yuan)
        ),
        Some(at.threshold),
        pol.source_doc(&c.source),
        &c.threshold.clause,
        figs,
    )
}

/// One step per band the year's cumulative cost reaches: part × ratio (+ hardship points).
fn band_steps(
    pol: &Policy,
    c: &model::Critical,
    at: &At,
    p: &Pay,
    h: Option<&CriticalHardship>,
    doc: &str,
    v: &mut Vec<Step>,
) {
    for (i, (b, (part, paid))) in at.bands.iter().zip(band_parts(at, p.after)).enumerate() {
        if part.is_zero() {
            continue;
        }
        let top = b
            .upto
            .map_or("最高支付限额".to_string(), |u| y(u).to_string());
        let top_en = b
            .upto
            .map_or("the maximum".to_string(), |u| y(u).to_string());
        let ratio = &c.bands[i].ratio;
        let (pz, pe) = match h {
            Some(h) => {
                let (r, pts) = (
                    show(ratio.value, Show::Percent),
                    show(h.points.value, Show::Percent),
                );
                (format!("（{r} + {pts}）"), format!(" ({r} + {pts} points)"))
            }
            None => (String::new(), String::new()),
        };
        let mut figs = vec![fig_in(
            "critical_ratio",
            ratio,
            pol,
            "大病保险支付比例",
            "critical-illness ratio",
            Show::Percent,
        )];
        if let Some(u) = &c.bands[i].upto {
            figs.push(fig_in(
                "critical_edge",
                u,
                pol,
                "分段上限",
                "band edge",
                Show::Yuan,
            ));
        }
        if let Some(h) = h {
            figs.push(fig_in(
                "critical_points",
                &h.points,
                pol,
                "困难群体提高比例",
                "hardship points",
                Show::Percent,
            ));
        }
        let r = b.ratio.percent_text();
        v.push(step(
            format!("critical_band_{}", i + 1),
            "大病保险分段",
            "Critical-illness band",
            format!(
                "{}—{} 段：累计 {} × {}{} = {}。",
                y(b.from),
                top,
                y(part),
                r,
                pz,
                y(paid)
            ),
            format!(
                "Band {}–{}: cumulative {} × {}{} = {}.",
                y(b.from),
                top_en,
                y(part),
                r,
                pe,
                y(paid)
            ),
            Some(paid),
            doc,
            &ratio.clause,
            figs,
        ));
    }
}

/// The notice of a year with 大病保险: the maximum before the continuity incentives.
fn incentives(rules: &Rules, lines: &[Line]) -> Option<NoticeOut> {
    let (pol, c) = lines.iter().find_map(|l| rules.critical_at(l.date))?;
    let n = c.incentives.as_ref()?;
    Some(note(
        "info",
        format!(
            "大病保险最高支付限额按基础额 {} 计算：连续参保满{}年后每连续参保1年、当年零报销的次年，各提高{}（见“断保后什么时候能报销”）。{}",
            y(Money::from_decimal(c.maximum.value)),
            n.after_years.value.normalize(),
            show(n.per_year.value, Show::Percent),
            n.note_zh
        ),
        format!(
            "The critical-illness maximum is the base {}: after {} continuous years each further year, and the year after a year with no reimbursement, raise it by {} each (see \"when am I covered after a break\"). {}",
            y(Money::from_decimal(c.maximum.value)),
            n.after_years.value.normalize(),
            show(n.per_year.value, Show::Percent),
            n.note_en
        ),
        pol.source_doc(n.per_year.source.as_deref().unwrap_or("")),
        &n.per_year.clause,
    ))
}

/// Claims before the 大病保险 rule starts, in a benefit year in which it starts: outside it, and
/// the rule before was not found (so nothing is computed for them: not "not covered").
fn before_start(rules: &Rules, lines: &[Line]) -> Option<NoticeOut> {
    let (l, (pol, c)) = lines.iter().find_map(|l| {
        if rules.critical_at(l.date).is_some() {
            return None;
        }
        Some((l, rules.critical_starting(l.date, l.year.1)?))
    })?;
    Some(note(
        "info",
        format!("{} 的费用在大病保险规则施行日 {} 之前：此前的大病保险、医疗救助规则未找到，这笔费用未计入大病保险累计，也不计算医疗救助（不是“不予支付”）；施行日后的累计从 0 起算。", l.date, c.from),
        format!("The claim of {} is before the critical-illness rule starts on {}: the rules before it were not found, so the claim is not counted toward critical-illness insurance and no medical assistance is worked out for it (not \"not covered\"); the count after that date starts at 0.", l.date, c.from),
        pol.source_doc(&c.source),
        &c.clause,
    ))
}

/// 大病保险 over one benefit year (`l`: the year's first claim).
fn year(rules: &Rules, l: &Line, a: &YearUse, at: &At) -> LayerYear {
    let (pol, c) = match rules.critical_at(l.date) {
        Some(x) => x,
        None => return empty_year("hifmi", a),
    };
    let (start, end) = year_ends(a);
    LayerYear {
        layer: "hifmi".into(),
        name_zh: "城乡居民大病保险".into(),
        name_en: "Critical-illness insurance".into(),
        benefit_year_start: start,
        benefit_year_end: end,
        threshold: at.threshold.plain(),
        bands: at
            .bands
            .iter()
            .map(|b| BandOut {
                from: b.from.plain(),
                upto: b.upto.map(Money::plain),
                ratio: b.ratio.plain(),
            })
            .collect(),
        maximum: at.maximum.plain(),
        counted: a.counted.plain(),
        paid: a.paid.plain(),
        remaining: at.maximum.sub_floor(a.paid).plain(),
        doc: pol.source_doc(&c.source).to_string(),
        clause: c.clause.clone(),
        figures: vec![threshold_fig(pol, c), maximum_fig(pol, c)],
    }
}
