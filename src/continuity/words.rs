//! The wording of enrolment continuity: the step that says when benefits start and why, the
//! notices of what was assumed, and the 大病保险 maximum with the incentives. Only reads what
//! [`super::decide`] and [`super::raise`] worked out.

use super::{Start, WindowBy};
use crate::api::{FigureOut, NoticeOut, Step};
use crate::explain::{note, step, Pick, Show};
use crate::money::{Money, Rate};
use crate::policy::model::*;
use crate::timeline::fig_in;
use rust_decimal::Decimal;

/// The rule's figures that entered, for the step.
fn figures(s: &Start) -> Vec<FigureOut> {
    let (p, w) = (s.file, s.rule);
    let mut figs = Vec::new();
    let lb = w.long_break.as_ref();
    for (role, f, zh, en) in [
        (
            "fixed_months",
            w.fixed_months.as_ref(),
            "固定待遇等待期（月）",
            "fixed waiting period (months)",
        ),
        (
            "per_missed_year",
            w.per_missed_year.as_ref(),
            "每多断保1年增加（月）",
            "added per further year of break (months)",
        ),
        (
            "per_extra_year_paid",
            w.per_extra_year_paid.as_ref(),
            "每多缴1年减少（月）",
            "removed per extra year paid (months)",
        ),
        (
            "long_break_years",
            lb.map(|l| &l.years),
            "连续断缴年数达到（年）",
            "break of at least (years)",
        ),
        (
            "long_break_min_months",
            lb.map(|l| &l.min_months),
            "修复后等待期不少于（月）",
            "waiting period after repair at least (months)",
        ),
    ] {
        if let Some(f) = f {
            figs.push(fig_in(role, f, p, zh, en, Show::Months));
        }
    }
    figs
}

/// Why the waiting period applies, in words.
fn why(s: &Start) -> (String, String) {
    if s.missed > 0 {
        return (
            format!("断保 {} 年", s.missed),
            format!("{} year(s) without cover", s.missed),
        );
    }
    match (s.window_by, s.window, s.paid_on) {
        (WindowBy::Derived, Some((f, t)), Some(p)) => (
            format!(
                "缴费日 {p} 不在 {} 医保年度集中缴费期（{f} 至 {t}）内",
                s.year
            ),
            format!(
                "paid on {p}, outside the collection window for {} ({f} to {t})",
                s.year
            ),
        ),
        _ => (
            "未在集中缴费期内参保".into(),
            "enrolled outside the collection window".into(),
        ),
    }
}

/// No waiting period: inside the window without a break.
fn no_wait(s: &Start, from: String) -> (String, String) {
    let (wz, we) = match (s.window_by, s.window, s.paid_on) {
        (WindowBy::Derived, Some((f, t)), Some(p)) => (
            format!("缴费日 {p} 在集中缴费期（{f} 至 {t}）内"),
            format!("paid on {p}, inside the collection window ({f} to {t})"),
        ),
        (WindowBy::Assumed, _, _) => (
            "未说明缴费是否在集中缴费期内，按在期内计算".into(),
            "whether the payment was inside the collection window was not said; taken as inside"
                .into(),
        ),
        _ => (
            "在集中缴费期内缴费".into(),
            "paid inside the collection window".into(),
        ),
    };
    (
        format!(
            "{wz}且未断保：不设等待期，{from} 起享受 {} 医保年度待遇。",
            s.year
        ),
        format!(
            "{we}, without a break: no waiting period; covered for {} from {from}.",
            s.year
        ),
    )
}

/// The months of the waiting period, in words.
fn months(s: &Start, from: &str) -> (String, String) {
    let (why_zh, why_en) = why(s);
    let paid = s.paid_on.map(|d| d.to_string()).unwrap_or_default();
    if s.rule.kind == WaitingKind::ThirdCalendarMonth {
        return (
            format!("{why_zh}：从缴费月起的第三个自然月开始享受待遇 → {from}。"),
            format!("{why_en}: covered from the third calendar month counting the month of payment → {from}."),
        );
    }
    let (fz, fe) = match (&s.rule.long_break, s.floor_added) {
        (Some(lb), n) if n > 0 => (
            format!(
                " + 断保 {} 年及以上、修复后不少于 {} 个月，补足 {n} 个月",
                lb.years.value.normalize(),
                lb.min_months.value.normalize()
            ),
            format!(
                " + {n} to reach the {}-month minimum after a break of {} years or more",
                lb.min_months.value.normalize(),
                lb.years.value.normalize()
            ),
        ),
        _ => (String::new(), String::new()),
    };
    (
        format!(
            "{why_zh}：固定等待期 {} 个月 + 变动等待期 {} 个月（断保超过1年的部分每年1个月）− 多缴 {} 年减少 {} 个月{fz} = {} 个月；自缴费日 {paid} 起算 → {from} 起享受待遇。",
            s.fixed, s.variable, s.extra_paid, s.reduced, s.months
        ),
        format!(
            "{why_en}: fixed {} months + variable {} months (1 a year beyond the first year of break) − {} month(s) for {} extra year(s) paid{fe} = {} months from the payment on {paid} → covered from {from}.",
            s.fixed, s.variable, s.reduced, s.extra_paid, s.months
        ),
    )
}

/// The step saying when benefits start for the coverage year, and why.
pub(crate) fn start_step(s: &Start) -> Step {
    let from = s.begins(Pick::Assumed).to_string();
    let w = s.rule;
    let (zh, en) = if !s.waits {
        no_wait(s, from)
    } else if let Some(e) = s.exempt {
        let (why_zh, why_en) = why(s);
        (
            format!(
                "{why_zh}，但{}不设待遇等待期：自 {from} 起享受待遇。{}",
                e.name_zh, e.note_zh
            ),
            format!(
                "{why_en}, but {} have no waiting period: covered from {from}. {}",
                e.name_en, e.note_en
            ),
        )
    } else {
        let (mut zh, mut en) = months(s, &from);
        if let Some(u) = s.unlisted {
            let best = s.begins(Pick::Best);
            zh.push_str(&format!(
                "（{}若属免设等待期的特殊群体，则自 {best} 起。）",
                u.note_zh
            ));
            en.push_str(&format!(
                " ({} If counted among the exempt special groups: from {best}.)",
                u.note_en
            ));
        }
        (zh, en)
    };
    let (doc, clause) = match s.exempt {
        Some(e) => (s.file.source_doc(&e.source), e.clause.as_str()),
        None => (s.file.source_doc(&w.source), w.clause.as_str()),
    };
    step(
        "waiting",
        "待遇等待期",
        "Waiting period",
        format!("{zh}{}", w.note_zh),
        format!("{en} {}", w.note_en),
        None,
        doc,
        clause,
        if s.waits && s.exempt.is_none() {
            figures(s)
        } else {
            vec![]
        },
    )
}

/// What the decision assumed, said once: the window taken as kept when nothing said otherwise,
/// and an exemption the source does not list.
pub(crate) fn start_notice(s: &Start) -> Option<NoticeOut> {
    let doc = s.file.source_doc(&s.rule.source);
    if let Some(u) = s.unlisted {
        let best = s.begins(Pick::Best);
        let at = s.begins(Pick::Assumed);
        return Some(note(
            "info",
            format!("待遇开始日期按 {at} 计算（等待期适用）；{}若当地将其列为免设等待期的特殊群体，则自 {best} 起，结果取两者之间。", u.note_zh),
            format!("Benefits taken to start on {at} (the waiting period applies). {} If the locality counts them among the exempt groups, from {best}; results span both.", u.note_en),
            s.file.source_doc(&u.source),
            &u.clause,
        ));
    }
    (s.window_by == WindowBy::Assumed && s.paid_on.is_none() && s.missed == 0).then(|| {
        note(
            "info",
            format!("未说明参保情况：按在 {} 医保年度集中缴费期内缴费、未断保计算，不设待遇等待期。在缴费期外参保或断保后参保的，待遇开始日期会推后（可填写缴费日期、是否在缴费期内、断保年数）。", s.year),
            format!("Enrolment not described: taken as paid inside the collection window for {} without a break, so no waiting period. Enrolling outside the window or after a break delays benefits (give the payment date, whether it was inside the window and the years without cover).", s.year),
            doc,
            &s.rule.clause,
        )
    })
}

#[allow(clippy::too_many_arguments)]
pub(super) fn raise_step(
    p: &Policy,
    c: &Critical,
    n: &Incentives,
    continuous: u16,
    years: u32,
    no_claim: bool,
    base: Money,
    add: Money,
) -> Step {
    let pct = |d: Decimal| Rate::from_decimal(d).percent_text();
    let (zc, ze) = if no_claim {
        (
            format!(" + 上年零报销 {}", pct(n.zero_claim.value)),
            format!(
                " + {} for a year with no reimbursement",
                pct(n.zero_claim.value)
            ),
        )
    } else {
        (String::new(), String::new())
    };
    let mut figs = vec![
        fig_in(
            "critical_maximum",
            &c.maximum,
            p,
            "大病保险最高支付限额",
            "critical-illness maximum",
            Show::Yuan,
        ),
        fig_in(
            "after_years",
            &n.after_years,
            p,
            "连续参保满（年）",
            "continuous years before incentives",
            Show::Months,
        ),
        fig_in(
            "per_year",
            &n.per_year,
            p,
            "每连续参保1年提高",
            "raise per further continuous year",
            Show::Percent,
        ),
        fig_in(
            "zero_claim",
            &n.zero_claim,
            p,
            "零报销次年提高",
            "raise after a year without reimbursement",
            Show::Percent,
        ),
    ];
    if let Some(f) = &n.floor_per_year {
        figs.push(fig_in(
            "floor_per_year",
            f,
            p,
            "国家规定每项不低于",
            "national floor per raise",
            Show::Yuan,
        ));
    }
    step(
        "critical_maximum",
        "大病保险最高支付限额（含激励）",
        "Critical-illness maximum with incentives",
        format!(
            "连续参保 {continuous} 年（含本年），满 {} 年之后的 {years} 年 × {}{zc}：{} + {} = {}。{}",
            n.after_years.value.normalize(), pct(n.per_year.value), base.yuan_text(), add.yuan_text(), (base + add).yuan_text(), n.note_zh
        ),
        format!(
            "{continuous} continuous year(s) including this one; {years} year(s) after {} × {}{ze}: {} + {} = {}. {}",
            n.after_years.value.normalize(), pct(n.per_year.value), base.yuan_text(), add.yuan_text(), (base + add).yuan_text(), n.note_en
        ),
        Some(base + add),
        p.source_doc(n.per_year.source.as_deref().unwrap_or(&c.source)),
        &n.per_year.clause,
        figs,
    )
}

/// Continuous years before the incentives began (国办发〔2024〕38号: from 2025) count in the
/// answer; whether they do was not found, so the other reading's maximum is said too.
pub(super) fn since_notice(
    p: &Policy,
    n: &Incentives,
    since: u16,
    continuous: u16,
    counted: u16,
    all: Money,
    from_since: Money,
) -> NoticeOut {
    note(
        "info",
        format!("连续参保 {continuous} 年中有 {since} 年以前的年份：参保激励自 {since} 年起实行，此前的连续参保年数是否计入，资料未写、未找到。本测算计入（最高支付限额 {}）；若只从 {since} 年算起（连续 {counted} 年），则为 {}。", all.yuan_text(), from_since.yuan_text()),
        format!("Some of the {continuous} continuous years are before {since}: the incentives start in {since}, and whether earlier years count is not said and was not found. They count here (maximum {}); counted only from {since} ({counted} years), it is {}.", all.yuan_text(), from_since.yuan_text()),
        p.source_doc(n.per_year.source.as_deref().unwrap_or("")),
        &n.per_year.clause,
    )
}
