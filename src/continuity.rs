//! Enrolment continuity: when benefits start after a late or broken enrolment, and the 大病保险
//! maximum after the continuity incentives.
//!
//! Rules come from annual files: `[[waiting]]` (国办发〔2024〕38号 for Jilin from 2025: a fixed
//! 3 months for those who enrol outside the collection window or not continuously, plus 1 month
//! for each further year of break, less 1 month for each extra year paid; Jiaxing 2024: the third
//! calendar month counting the month of payment) and the `incentives` of `[[critical]]`
//! (Jilin: +1 % of the maximum for each continuous year after 4, +1 % the year after a year with
//! no reimbursement). The arithmetic is [`waiting`], [`start`] and [`raise`]; [`explain`] builds
//! the steps apart from it.

use crate::api::{EnrolmentRequest, EnrolmentResult, NoticeOut, Step};
use crate::date::Date;
use crate::error::{Error, ErrorKind};
use crate::explain::{note, step, Show};
use crate::money::{Money, Rate};
use crate::policy::model::*;
use crate::timeline::fig_in;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// At most this many years in any count of the request.
pub const MAX_YEARS: u16 = 100;

/// The waiting period in months: (fixed, variable before reduction, reduction, total).
pub(crate) fn waiting(w: &WaitingRule, missed: u16, extra_paid: u16) -> (u32, u32, u32, u32) {
    let n = |f: &Option<Figure>| {
        f.as_ref()
            .and_then(|f| f.value.trunc().to_u32())
            .unwrap_or(0)
    };
    let fixed = n(&w.fixed_months);
    let variable = n(&w.per_missed_year) * u32::from(missed.saturating_sub(1));
    let reduced = (n(&w.per_extra_year_paid) * u32::from(extra_paid)).min(variable);
    (fixed, variable, reduced, fixed + variable - reduced)
}

/// The date benefits start: `months` after payment, or (third calendar month) the first day of
/// the month two after the month of payment.
pub(crate) fn start(w: &WaitingRule, paid: Date, months: u32) -> Date {
    match w.kind {
        WaitingKind::Months => paid.add_months(months),
        WaitingKind::ThirdCalendarMonth => Date { day: 1, ..paid }.add_months(2),
    }
}

/// The share of the maximum the incentives add: continuous years counted including the coverage
/// year, after `after_years`, each `per_year`; a year with no reimbursement before, `zero_claim`.
pub(crate) fn raise(n: &Incentives, continuous: u16, no_claim_last_year: bool) -> (u32, Decimal) {
    let after = n.after_years.value.trunc().to_u16().unwrap_or(u16::MAX);
    let years = u32::from(continuous.saturating_sub(after));
    let mut share = n.per_year.value * Decimal::from(years);
    if no_claim_last_year {
        share += n.zero_claim.value;
    }
    (years, share)
}

fn in_period(from: &str, to: &Option<String>, d: Date) -> bool {
    let f = Date::parse("from", from).ok();
    let t = to.as_deref().and_then(|t| Date::parse("to", t).ok());
    f.is_some_and(|f| f <= d) && t.is_none_or(|t| d <= t)
}

fn bad(field: &str, zh: String, en: String) -> Error {
    Error::new(ErrorKind::InvalidInput, zh, en).field(field)
}

/// Checks the request's counts and dates; the payment date, if any.
fn check(r: &EnrolmentRequest) -> Result<Option<Date>, Error> {
    if !(1990..=2100).contains(&r.year) {
        return Err(bad(
            "year",
            format!("医保年度 {} 不在 1990—2100", r.year),
            format!("coverage year {} outside 1990–2100", r.year),
        ));
    }
    for (name, v) in [
        ("years_continuous", r.years_continuous),
        ("years_missed", r.years_missed),
        ("extra_years_paid", r.extra_years_paid),
    ] {
        if v > MAX_YEARS {
            return Err(bad(
                name,
                format!("{name} 最多 {MAX_YEARS} 年"),
                format!("{name}: at most {MAX_YEARS} years"),
            ));
        }
    }
    if r.years_missed > 0 && r.years_continuous > 0 {
        return Err(bad("years_missed", "去年参保了（连续参保年数大于0），就不能同时有断保年数；断保前的年数不计入连续参保".into(), "enrolled last year (continuous years above 0) and years missed cannot both be set; years before a break do not count as continuous".into()));
    }
    r.paid_on
        .as_deref()
        .filter(|s| !s.trim().is_empty())
        .map(|s| Date::parse("paid_on", s))
        .transpose()
}

/// The answer for a person resolved by the engine, from the annual files for their region.
pub(crate) fn enrolment<'a>(
    policy: &Policy,
    files: impl Iterator<Item = &'a Policy> + Clone,
    r: &EnrolmentRequest,
) -> Result<EnrolmentResult, Error> {
    let paid = check(r)?;
    let year_start = Date {
        year: i32::from(r.year),
        month: 1,
        day: 1,
    };
    let on = paid.unwrap_or(year_start);
    let rule = files.clone().find_map(|p| {
        p.waiting
            .iter()
            .find(|w| in_period(&w.from, &w.to, on))
            .map(|w| (p, w))
    });
    let Some((wp, w)) = rule else {
        return Err(Error::new(
            ErrorKind::BenefitsNotDefined,
            format!("{} 的资料中没有 {} 年（缴费日 {on}）适用的断保、补缴等待期规则", policy.meta.name_zh, r.year),
            format!("no waiting-period rule for late or broken enrolment is known for {} in {} (payment {on})", policy.meta.name_en, r.year),
        )
        .field("year")
        .clause(format!("{} {}", policy.meta.doc, policy.meta.effective_from_clause)));
    };
    let waits = r.years_missed > 0 || !r.paid_in_window;
    let (fixed, variable, reduced, months) = if waits {
        waiting(w, r.years_missed, r.extra_years_paid)
    } else {
        (0, 0, 0, 0)
    };
    let from = match (waits, paid) {
        (false, _) => year_start,
        (true, Some(p)) => start(w, p, months).max(year_start),
        (true, None) => {
            return Err(bad("paid_on", "未在集中缴费期参保或断保后参保：需要缴费日期才能算出待遇开始日期".into(), "enrolled outside the window or after a break: the payment date is needed to work out when benefits start".into()));
        }
    };
    let continuous = if r.years_missed > 0 {
        1
    } else {
        r.years_continuous.saturating_add(1)
    };
    let crit = files.clone().find_map(|p| {
        let at = from.max(year_start);
        let end = Date {
            year: i32::from(r.year),
            month: 12,
            day: 31,
        };
        p.critical
            .iter()
            .find(|c| in_period(&c.from, &c.to, at) || in_period(&c.from, &c.to, end))
            .map(|c| (p, c))
    });
    let no_claim = r.no_claim_last_year && r.years_missed == 0 && r.years_continuous > 0;
    let mut out = EnrolmentResult {
        year: r.year,
        waiting: waits,
        fixed_months: fixed,
        variable_months: variable,
        reduced_months: reduced,
        waiting_months: months,
        benefits_from: from.to_string(),
        continuous_years: continuous,
        maximum_base: None,
        maximum_raise: None,
        maximum: None,
        steps: Vec::new(),
        notices: Vec::new(),
    };
    out.steps.push(explain_waiting(wp, w, r, &out));
    match crit.and_then(|(p, c)| c.incentives.as_ref().map(|n| (p, c, n))) {
        Some((p, c, n)) => {
            let base = Money::from_decimal(c.maximum.value);
            let (years, share) = raise(n, continuous, no_claim);
            let add = base.times(Rate::from_decimal(share.min(Decimal::ONE)));
            out.maximum_base = Some(base.plain());
            out.maximum_raise = Some(add.plain());
            out.maximum = Some((base + add).plain());
            out.steps.push(explain_raise(
                p, c, n, continuous, years, no_claim, base, add,
            ));
        }
        None => out.notices.push(no_incentives(policy, r.year)),
    }
    Ok(out)
}

fn no_incentives(policy: &Policy, year: u16) -> NoticeOut {
    note(
        "info",
        format!("{year} 年本方案的大病保险规则与连续参保激励未找到，最高支付限额不作计算。"),
        format!("The critical-illness rules and continuity incentives for {year} were not found for this scheme; no maximum is worked out."),
        &policy.meta.doc,
        "",
    )
}

/// The waiting period, in words.
fn explain_waiting(p: &Policy, w: &WaitingRule, r: &EnrolmentRequest, o: &EnrolmentResult) -> Step {
    let mut figs = Vec::new();
    for (role, f, zh, en) in [
        (
            "fixed_months",
            &w.fixed_months,
            "固定待遇等待期（月）",
            "fixed waiting period (months)",
        ),
        (
            "per_missed_year",
            &w.per_missed_year,
            "每多断保1年增加（月）",
            "added per further year of break (months)",
        ),
        (
            "per_extra_year_paid",
            &w.per_extra_year_paid,
            "每多缴1年减少（月）",
            "removed per extra year paid (months)",
        ),
    ] {
        if let Some(f) = f {
            figs.push(fig_in(role, f, p, zh, en, Show::Months));
        }
    }
    let (zh, en) = if !o.waiting {
        (
            format!("在集中缴费期内缴费且未断保：不设等待期，{} 起享受 {} 医保年度待遇。", o.benefits_from, r.year),
            format!("Paid inside the collection window without a break: no waiting period; covered for {} from {}.", r.year, o.benefits_from),
        )
    } else if w.kind == WaitingKind::ThirdCalendarMonth {
        (
            format!("未在集中缴费期参保：从缴费月起的第三个自然月开始享受待遇 → {}。", o.benefits_from),
            format!("Enrolled outside the collection window: covered from the third calendar month counting the month of payment → {}.", o.benefits_from),
        )
    } else {
        let why_zh = if r.years_missed > 0 {
            format!("断保 {} 年", r.years_missed)
        } else {
            "未在集中缴费期内参保".into()
        };
        let why_en = if r.years_missed > 0 {
            format!("{} year(s) without cover", r.years_missed)
        } else {
            "enrolled outside the collection window".into()
        };
        (
            format!(
                "{why_zh}：固定等待期 {} 个月 + 变动等待期 {} 个月（断保超过1年的部分每年1个月）− 多缴 {} 年减少 {} 个月 = {} 个月；自缴费日 {} 起算 → {} 起享受待遇。",
                o.fixed_months, o.variable_months, r.extra_years_paid, o.reduced_months, o.waiting_months,
                r.paid_on.as_deref().unwrap_or(""), o.benefits_from
            ),
            format!(
                "{why_en}: fixed {} months + variable {} months (1 a year beyond the first year of break) − {} month(s) for {} extra year(s) paid = {} months from the payment on {} → covered from {}.",
                o.fixed_months, o.variable_months, o.reduced_months, r.extra_years_paid, o.waiting_months,
                r.paid_on.as_deref().unwrap_or(""), o.benefits_from
            ),
        )
    };
    step(
        "waiting",
        "待遇等待期",
        "Waiting period",
        format!("{zh}{}", w.note_zh),
        format!("{en} {}", w.note_en),
        None,
        p.source_doc(&w.source),
        &w.clause,
        figs,
    )
}

#[allow(clippy::too_many_arguments)]
fn explain_raise(
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
    let zc = if no_claim {
        format!(" + 上年零报销 {}", pct(n.zero_claim.value))
    } else {
        String::new()
    };
    let ze = if no_claim {
        format!(
            " + {} for a year with no reimbursement",
            pct(n.zero_claim.value)
        )
    } else {
        String::new()
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
