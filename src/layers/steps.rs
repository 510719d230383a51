//! The explanation of the layers, built apart from their arithmetic: a claim's steps (base,
//! threshold, each band, the maximum, 医疗救助, the sum of the funds), the local figures, the
//! notices, and each layer's use over a benefit year.

use super::{CritAt, Line, Paid, Rules, YearAcc};
use crate::api::{BandOut, FigureOut, LayerYear, NoticeOut, Step};
use crate::explain::{note, step, tag_en, tag_zh, Show};
use crate::money::Money;
use crate::policy::model::Policy;
use crate::timeline::fig_in;

/// A figure record with its source (page address, grade, quote) and the source's document.
fn y(m: Money) -> String {
    m.yuan_text()
}

/// A claim's layer steps.
pub(crate) fn claim_steps(
    rules: &Rules,
    l: &Line,
    p: &Paid,
    hifp: &Money,
    total: &Money,
) -> Vec<Step> {
    let mut v = Vec::new();
    if let (Some((pol, c)), Some(at)) = (rules.critical_at(l.date), &p.crit) {
        critical_steps(rules, pol, c, at, l, p, &mut v);
    }
    if let (Some((pol, a)), Some(ratio), Some(cap)) =
        (rules.assistance_at(l.date), p.maf_ratio, p.maf_cap)
    {
        let doc = pol.source_doc(&a.source);
        v.push(step(
            "assistance",
            "医疗救助",
            "Medical assistance",
            format!(
                "（本笔政策范围内个人负担 {} − 大病保险 {}）= {} × {}{} = {}；年度救助限额 {}{}，本年此前已救助 {} → 本笔医疗救助 {}。",
                y(l.base), y(p.hifmi), y(p.maf_base), ratio.percent_text(), tag_zh(&a.ratio, Show::Percent),
                y(p.maf_base.times(ratio)), y(cap), tag_zh(&a.cap, Show::Yuan), y(p.maf_before), y(p.maf)
            ),
            format!(
                "(policy-scope cost left to the resident {} − critical-illness insurance {}) = {} × {}{} = {}; yearly cap {}{}, assisted earlier this year {} → medical assistance on this claim {}.",
                y(l.base), y(p.hifmi), y(p.maf_base), ratio.percent_text(), tag_en(&a.ratio, Show::Percent),
                y(p.maf_base.times(ratio)), y(cap), tag_en(&a.cap, Show::Yuan), y(p.maf_before), y(p.maf)
            ),
            Some(p.maf),
            doc,
            &a.clause,
            vec![
                fig_in("maf_ratio", &a.ratio, pol, "医疗救助比例", "assistance ratio", Show::Percent),
                fig_in("maf_cap", &a.cap, pol, "年度救助限额", "yearly assistance cap", Show::Yuan),
            ],
        ));
    }
    let fund = *hifp + p.hifmi + p.maf;
    // the sum rests on the layers' own documents
    let sum_doc = rules
        .critical_at(l.date)
        .map(|(pol, c)| pol.source_doc(&c.source))
        .or_else(|| {
            rules
                .assistance_at(l.date)
                .map(|(pol, a)| pol.source_doc(&a.source))
        })
        .unwrap_or("");
    v.push(step(
        "fund_pay_sumamt",
        "基金支付合计与个人负担",
        "Funds in total and the resident's part",
        format!(
            "基金支付合计 = 统筹基金 {} + 大病保险 {} + 医疗救助 {} = {}；个人负担 = 医疗费总额 {} − {} = {}。",
            y(*hifp), y(p.hifmi), y(p.maf), y(fund), y(*total), y(fund), y(total.sub_floor(fund))
        ),
        format!(
            "Funds in total = basic fund {} + critical-illness insurance {} + medical assistance {} = {}; the resident's part = total {} − {} = {}.",
            y(*hifp), y(p.hifmi), y(p.maf), y(fund), y(*total), y(fund), y(total.sub_floor(fund))
        ),
        Some(total.sub_floor(fund)),
        sum_doc,
        "基金支付合计 fund_pay_sumamt",
        vec![],
    ));
    v
}

#[allow(clippy::too_many_arguments)]
fn critical_steps(
    rules: &Rules,
    pol: &Policy,
    c: &crate::policy::model::Critical,
    at: &CritAt,
    l: &Line,
    p: &Paid,
    v: &mut Vec<Step>,
) {
    let doc = pol.source_doc(&c.source);
    v.push(step(
        "critical_base",
        "大病保险：计入的费用",
        "Critical-illness insurance: what counts",
        format!(
            "本笔统筹基金支付后、政策范围内由个人负担的费用 {}（起付标准以下、按比例自付、超过基本医保限额部分；目录外等全自费部分不计入）；本医保年度累计 {} → {}。{}",
            y(l.base), y(p.cum_before), y(p.cum_after), c.scope_zh
        ),
        format!(
            "The policy-scope cost left to the resident after the basic fund on this claim: {} (below the deductible, coinsurance, above the basic limit; fully self-paid items do not count); this benefit year's total {} → {}. {}",
            y(l.base), y(p.cum_before), y(p.cum_after), c.scope_en
        ),
        Some(l.base),
        pol.source_doc("J9"),
        &c.clause,
        vec![],
    ));
    let h = rules.hardship(c);
    let mut figs = vec![fig_in(
        "critical_threshold",
        &c.threshold,
        pol,
        "大病保险起付标准",
        "critical-illness threshold",
        Show::Yuan,
    )];
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
            (
                format!(
                    "（困难群体：{} × {}）",
                    y(Money::from_decimal(c.threshold.value)),
                    crate::explain::show(h.threshold_factor.value, Show::Percent)
                ),
                format!(
                    " (hardship: {} × {})",
                    y(Money::from_decimal(c.threshold.value)),
                    crate::explain::show(h.threshold_factor.value, Show::Percent)
                ),
            )
        }
        None => (String::new(), String::new()),
    };
    v.push(step(
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
        pol.source_doc(c.threshold.source.as_deref().unwrap_or("")),
        &c.threshold.clause,
        figs,
    ));
    band_steps(pol, c, at, p, h, doc, v);
    v.push(step(
        "critical_pay",
        "大病保险支付",
        "Critical-illness insurance pays",
        format!(
            "本医保年度大病保险累计应付 {}（最高支付限额 {}），本笔之前已付 {} → 本笔大病保险支付 {} − {} = {}。",
            y(p.pay_after), y(at.maximum), y(p.pay_before), y(p.pay_after), y(p.pay_before), y(p.hifmi)
        ),
        format!(
            "Critical-illness insurance on this benefit year's total: {} (maximum {}); paid before this claim {} → on this claim {} − {} = {}.",
            y(p.pay_after), y(at.maximum), y(p.pay_before), y(p.pay_after), y(p.pay_before), y(p.hifmi)
        ),
        Some(p.hifmi),
        pol.source_doc(c.maximum.source.as_deref().unwrap_or("")),
        &c.maximum.clause,
        vec![fig_in("critical_maximum", &c.maximum, pol, "大病保险最高支付限额", "critical-illness maximum", Show::Yuan)],
    ));
}

/// One step per band the year's cumulative cost reaches: part × ratio (+ hardship points).
fn band_steps(
    pol: &Policy,
    c: &crate::policy::model::Critical,
    at: &CritAt,
    p: &Paid,
    h: Option<&crate::policy::model::CriticalHardship>,
    doc: &str,
    v: &mut Vec<Step>,
) {
    let parts = super::band_parts(at, p.cum_after);
    for (i, (b, (part, paid))) in at.bands.iter().zip(parts).enumerate() {
        if part.is_zero() {
            continue;
        }
        let top = b.upto.map_or("最高支付限额".to_string(), y);
        let top_en = b.upto.map_or("the maximum".to_string(), y);
        let (pz, pe) = match h {
            Some(h) => (
                format!(
                    "（{} + {}）",
                    crate::explain::show(c.bands[i].ratio.value, Show::Percent),
                    crate::explain::show(h.points.value, Show::Percent)
                ),
                format!(
                    " ({} + {} points)",
                    crate::explain::show(c.bands[i].ratio.value, Show::Percent),
                    crate::explain::show(h.points.value, Show::Percent)
                ),
            ),
            None => (String::new(), String::new()),
        };
        let mut figs = vec![fig_in(
            "critical_ratio",
            &c.bands[i].ratio,
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
        v.push(step(
            format!("critical_band_{}", i + 1),
            "大病保险分段",
            "Critical-illness band",
            format!(
                "{}—{} 段：累计 {} × {}{} = {}。",
                y(b.from),
                top,
                y(part),
                b.ratio.percent_text(),
                pz,
                y(paid)
            ),
            format!(
                "Band {}–{}: cumulative {} × {}{} = {}.",
                y(b.from),
                top_en,
                y(part),
                b.ratio.percent_text(),
                pe,
                y(paid)
            ),
            Some(paid),
            doc,
            &c.bands[i].ratio.clause,
            figs,
        ));
    }
}

/// The layers' local figures (with their ranges) in a claim's `assumptions`.
pub(crate) fn assumptions(rules: &Rules, l: &Line, out: &mut Vec<FigureOut>) {
    let mut add = |f: FigureOut| {
        if !out
            .iter()
            .any(|x| x.role == f.role && x.raw == f.raw && x.clause == f.clause)
        {
            out.push(f);
        }
    };
    if let Some((pol, c)) = rules.critical_at(l.date) {
        if c.threshold.basis.is_local() {
            add(fig_in(
                "critical_threshold",
                &c.threshold,
                pol,
                "大病保险起付标准",
                "critical-illness threshold",
                Show::Yuan,
            ));
        }
    }
    if let Some((pol, a)) = rules.assistance_at(l.date) {
        if a.ratio.basis.is_local() {
            add(fig_in(
                "maf_ratio",
                &a.ratio,
                pol,
                "医疗救助比例",
                "assistance ratio",
                Show::Percent,
            ));
        }
        if a.cap.basis.is_local() {
            add(fig_in(
                "maf_cap",
                &a.cap,
                pol,
                "年度救助限额",
                "yearly assistance cap",
                Show::Yuan,
            ));
        }
    }
}

/// Notices of a year with the layers: the maximum before incentives.
pub(crate) fn year_notices(rules: &Rules, lines: &[Line]) -> Vec<NoticeOut> {
    let mut v = Vec::new();
    if let Some((pol, c)) = lines.iter().find_map(|l| rules.critical_at(l.date)) {
        if let Some(n) = &c.incentives {
            v.push(note(
                "info",
                format!(
                    "大病保险最高支付限额按基础额 {} 计算：连续参保满{}年后每连续参保1年、当年零报销的次年，各提高{}（见“断保后什么时候能报销”）。{}",
                    y(Money::from_decimal(c.maximum.value)),
                    n.after_years.value.normalize(),
                    crate::explain::show(n.per_year.value, Show::Percent),
                    n.note_zh
                ),
                format!(
                    "The critical-illness maximum is the base {}: after {} continuous years each further year, and the year after a year with no reimbursement, raise it by {} each (see \"when am I covered after a break\"). {}",
                    y(Money::from_decimal(c.maximum.value)),
                    n.after_years.value.normalize(),
                    crate::explain::show(n.per_year.value, Show::Percent),
                    n.note_en
                ),
                pol.source_doc(n.per_year.source.as_deref().unwrap_or("")),
                &n.per_year.clause,
            ));
        }
    }
    v
}

fn year_ends(a: &YearAcc) -> (String, String) {
    (a.year.0.to_string(), a.year.1.to_string())
}

/// 大病保险 over one benefit year.
pub(crate) fn critical_year(rules: &Rules, l: &Line, a: &YearAcc, at: &CritAt) -> LayerYear {
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
        counted: a.cum.plain(),
        paid: a.hifmi.plain(),
        remaining: at.maximum.sub_floor(a.hifmi).plain(),
        doc: pol.source_doc(&c.source).to_string(),
        clause: c.clause.clone(),
        figures: vec![
            fig_in(
                "critical_threshold",
                &c.threshold,
                pol,
                "大病保险起付标准",
                "critical-illness threshold",
                Show::Yuan,
            ),
            fig_in(
                "critical_maximum",
                &c.maximum,
                pol,
                "大病保险最高支付限额",
                "critical-illness maximum",
                Show::Yuan,
            ),
        ],
    }
}

fn empty_year(layer: &str, a: &YearAcc) -> LayerYear {
    let (start, end) = year_ends(a);
    LayerYear {
        layer: layer.into(),
        name_zh: String::new(),
        name_en: String::new(),
        benefit_year_start: start,
        benefit_year_end: end,
        threshold: Money::ZERO.plain(),
        bands: vec![],
        maximum: Money::ZERO.plain(),
        counted: Money::ZERO.plain(),
        paid: Money::ZERO.plain(),
        remaining: Money::ZERO.plain(),
        doc: String::new(),
        clause: String::new(),
        figures: vec![],
    }
}

/// 医疗救助 over one benefit year.
pub(crate) fn assistance_year(rules: &Rules, lines: &[Line], a: &YearAcc) -> Option<LayerYear> {
    let (pol, r) = lines
        .iter()
        .filter(|l| l.year.0 == a.year.0)
        .find_map(|l| rules.assistance_at(l.date))?;
    let cap = a.maf_cap?;
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
            ratio: crate::explain::rate(
                &r.ratio,
                crate::explain::Pick::Assumed,
                crate::explain::Fav::High,
            )
            .plain(),
        }],
        maximum: cap.plain(),
        counted: a.maf_counted.plain(),
        paid: a.maf.plain(),
        remaining: cap.sub_floor(a.maf).plain(),
        doc: pol.source_doc(&r.source).to_string(),
        clause: r.clause.clone(),
        figures: vec![
            fig_in(
                "maf_ratio",
                &r.ratio,
                pol,
                "医疗救助比例",
                "assistance ratio",
                Show::Percent,
            ),
            fig_in(
                "maf_cap",
                &r.cap,
                pol,
                "年度救助限额",
                "yearly assistance cap",
                Show::Yuan,
            ),
        ],
    })
}
