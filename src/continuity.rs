//! Enrolment continuity: when benefits start after a late or broken enrolment, and the 大病保险
//! maximum after the continuity incentives.
//!
//! Rules come from annual files: `[[waiting]]` (国办发〔2024〕38号 for Jilin from 2025: except
//! newborns and other special groups, a fixed 3 months for those who enrol outside the collection
//! window or not continuously, plus 1 month for each further year of break, less 1 month for each
//! extra year paid, and at least 6 months in all after a break of 4 years or more; Jiaxing 2024:
//! the third calendar month counting the month of payment) and the `incentives` of `[[critical]]`
//! (Jilin: +1 % of the maximum for each continuous year after 4, +1 % the year after a year with
//! no reimbursement).
//!
//! One function decides the date benefits start, [`decide`]: `enrolment` answers with it, and a
//! claim settles against it (what falls before that date is `waiting_amt`), so the two can never
//! disagree. The arithmetic is [`waiting`], [`start`] and [`raise`]; the wording is in `words.rs`.

mod words;

pub(crate) use words::{start_notice, start_step};

use crate::api::{EnrolmentRequest, EnrolmentResult, NoticeOut};
use crate::date::Date;
use crate::error::{Error, ErrorKind};
use crate::explain::{note, Pick};
use crate::money::{Money, Rate};
use crate::policy::model::*;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// At most this many years in any count of the request.
pub const MAX_YEARS: u16 = 100;

/// What is known of the payment for one coverage year: the inputs `enrolment` and claims share.
#[derive(Clone, Copy, Debug)]
pub(crate) struct History<'a> {
    /// The coverage year (医保年度) the payment is for.
    pub year: u16,
    pub paid_on: Option<Date>,
    /// Whether the payment was made inside the collection window; `None`: not said.
    pub in_window: Option<bool>,
    /// Years not enrolled just before this one.
    pub missed: u16,
    /// Extra years paid (补缴) to shorten the variable period.
    pub extra_paid: u16,
    /// An exempt group the person belongs to (an id of the rule's `exempt`).
    pub exempt: Option<&'a str>,
}

/// How it is known whether the payment was inside the collection window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum WindowBy {
    /// The request said so.
    Said,
    /// From the payment date and the coverage year's collection window.
    Derived,
    /// Not said and not derivable: taken as inside the window (a notice says so).
    Assumed,
}

/// The date benefits start under one waiting rule for one payment, and how it was reached.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Start<'a> {
    pub file: &'a Policy,
    pub rule: &'a WaitingRule,
    pub year: u16,
    pub paid_on: Option<Date>,
    pub in_window: bool,
    pub window_by: WindowBy,
    /// The coverage year's collection window, where the annual file gives it.
    pub window: Option<(Date, Date)>,
    pub missed: u16,
    pub extra_paid: u16,
    /// Outside the window or after a break: the rule's waiting period applies unless exempt.
    pub waits: bool,
    /// A group the source names as exempt.
    pub exempt: Option<&'a Exemption>,
    /// The person holds a status that may be among the source's unlisted exempt groups: the
    /// waiting period is then a labelled assumption (applies; at best, none).
    pub unlisted: Option<&'a Unlisted>,
    /// The months: fixed, variable before reduction, reduction, added by the long-break floor,
    /// and the total.
    pub fixed: u32,
    pub variable: u32,
    pub reduced: u32,
    pub floor_added: u32,
    pub months: u32,
    /// The first day benefits are paid, under each pick (assumed, best, worst).
    pub from: [Date; 3],
}

impl Start<'_> {
    pub fn begins(&self, pick: Pick) -> Date {
        self.from[pick as usize]
    }
    /// Whether the date differs between the picks (an unlisted exemption).
    pub fn local(&self) -> bool {
        self.from[1] != self.from[2]
    }
}

/// The waiting period in months: (fixed, variable before reduction, reduction, added by the
/// long-break floor, total).
pub(crate) fn waiting(w: &WaitingRule, missed: u16, extra_paid: u16) -> (u32, u32, u32, u32, u32) {
    let n = |f: Option<&Figure>| f.and_then(|f| f.value.trunc().to_u32()).unwrap_or(0);
    let fixed = n(w.fixed_months.as_ref());
    let variable = n(w.per_missed_year.as_ref()) * u32::from(missed.saturating_sub(1));
    let reduced = (n(w.per_extra_year_paid.as_ref()) * u32::from(extra_paid)).min(variable);
    let total = fixed + variable - reduced;
    let floor = match &w.long_break {
        Some(lb) if u32::from(missed) >= n(Some(&lb.years)) => n(Some(&lb.min_months)),
        _ => 0,
    };
    let added = floor.saturating_sub(total);
    (fixed, variable, reduced, added, total + added)
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

fn year_start(year: u16) -> Date {
    Date {
        year: i32::from(year),
        month: 1,
        day: 1,
    }
}

/// The waiting rule in force for a payment (on its date, else on the coverage year's first day),
/// with the file that gives it.
pub(crate) fn rule_for<'a>(
    mut files: impl Iterator<Item = &'a Policy>,
    h: &History,
) -> Option<(&'a Policy, &'a WaitingRule)> {
    let on = h.paid_on.unwrap_or(year_start(h.year));
    files.find_map(|p| {
        p.waiting
            .iter()
            .find(|w| in_period(&w.from, &w.to, on))
            .map(|w| (p, w))
    })
}

/// The coverage year's collection window (集中缴费期), where an annual file gives it.
fn window<'a>(mut files: impl Iterator<Item = &'a Policy>, year: u16) -> Option<(Date, Date)> {
    files.find_map(|p| {
        let c = p
            .years
            .iter()
            .find(|r| r.year == year)?
            .collection
            .as_ref()?;
        Some((
            Date::parse("from", &c.from).ok()?,
            Date::parse("to", &c.to).ok()?,
        ))
    })
}

/// The date benefits start for `h` under the rule `w` of `file`, for a person with `statuses`:
/// the one decision `enrolment` and claims share. `files` are the annual files (for the
/// collection window).
pub(crate) fn decide<'a>(
    file: &'a Policy,
    w: &'a WaitingRule,
    files: impl Iterator<Item = &'a Policy>,
    h: &History,
    statuses: &[&str],
) -> Result<Start<'a>, Error> {
    let window = window(files, h.year);
    let (in_window, window_by) = match (h.in_window, h.paid_on, window) {
        (Some(b), _, _) => (b, WindowBy::Said),
        (None, Some(p), Some((f, t))) => (f <= p && p <= t, WindowBy::Derived),
        _ => (true, WindowBy::Assumed),
    };
    let exempt = match h.exempt {
        None => None,
        Some(id) => Some(w.exempt.iter().find(|e| e.id == id).ok_or_else(|| {
            let known: Vec<&str> = w.exempt.iter().map(|e| e.id.as_str()).collect();
            Error::unknown("免等待期人群", "exempt group", "exempt", id, &known)
        })?),
    };
    let waits = h.missed > 0 || !in_window;
    let unlisted = w.unlisted.as_ref().filter(|u| {
        waits
            && exempt.is_none()
            && u.statuses_any
                .iter()
                .any(|s| statuses.contains(&s.as_str()))
    });
    let first = year_start(h.year);
    let mut s = Start {
        file,
        rule: w,
        year: h.year,
        paid_on: h.paid_on,
        in_window,
        window_by,
        window,
        missed: h.missed,
        extra_paid: h.extra_paid,
        waits,
        exempt,
        unlisted,
        fixed: 0,
        variable: 0,
        reduced: 0,
        floor_added: 0,
        months: 0,
        from: [first; 3],
    };
    if !waits {
        return Ok(s);
    }
    let Some(paid) = h.paid_on else {
        return Err(bad("paid_on", "未在集中缴费期参保或断保后参保：需要缴费日期才能算出待遇开始日期".into(), "enrolled outside the window or after a break: the payment date is needed to work out when benefits start".into()));
    };
    let none = paid.max(first);
    if exempt.is_some() {
        s.from = [none; 3];
        return Ok(s);
    }
    (s.fixed, s.variable, s.reduced, s.floor_added, s.months) = waiting(w, h.missed, h.extra_paid);
    let at = start(w, paid, s.months).max(first);
    s.from = [at, if unlisted.is_some() { none } else { at }, at];
    Ok(s)
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
    check_counts(r.years_continuous, r.years_missed, r.extra_years_paid)?;
    r.paid_on
        .as_deref()
        .filter(|s| !s.trim().is_empty())
        .map(|s| Date::parse("paid_on", s))
        .transpose()
}

/// The counts of a request: each at most [`MAX_YEARS`]; a break and continuous years exclude
/// each other.
pub(crate) fn check_counts(continuous: u16, missed: u16, extra: u16) -> Result<(), Error> {
    for (name, v) in [
        ("years_continuous", continuous),
        ("years_missed", missed),
        ("extra_years_paid", extra),
    ] {
        if v > MAX_YEARS {
            return Err(bad(
                name,
                format!("{name} 最多 {MAX_YEARS} 年"),
                format!("{name}: at most {MAX_YEARS} years"),
            ));
        }
    }
    if missed > 0 && continuous > 0 {
        return Err(bad("years_missed", "去年参保了（连续参保年数大于0），就不能同时有断保年数；断保前的年数不计入连续参保".into(), "enrolled last year (continuous years above 0) and years missed cannot both be set; years before a break do not count as continuous".into()));
    }
    Ok(())
}

/// The error when no waiting rule is known for a year.
pub(crate) fn no_rule(policy: &Policy, year: u16, on: Date) -> Error {
    Error::new(
        ErrorKind::BenefitsNotDefined,
        format!("{} 的资料中没有 {year} 年（缴费日 {on}）适用的断保、补缴等待期规则", policy.meta.name_zh),
        format!("no waiting-period rule for late or broken enrolment is known for {} in {year} (payment {on})", policy.meta.name_en),
    )
    .field("year")
    .clause(format!("{} {}", policy.meta.doc, policy.meta.effective_from_clause))
}

/// The answer for a person resolved by the engine, from the annual files for their region.
pub(crate) fn enrolment<'a>(
    policy: &Policy,
    files: impl Iterator<Item = &'a Policy> + Clone,
    statuses: &[&str],
    r: &EnrolmentRequest,
) -> Result<EnrolmentResult, Error> {
    let paid = check(r)?;
    let h = History {
        year: r.year,
        paid_on: paid,
        in_window: r.paid_in_window,
        missed: r.years_missed,
        extra_paid: r.extra_years_paid,
        exempt: r.exempt.as_deref().filter(|s| !s.is_empty()),
    };
    let Some((wp, w)) = rule_for(files.clone(), &h) else {
        return Err(no_rule(policy, r.year, paid.unwrap_or(year_start(r.year))));
    };
    let s = decide(wp, w, files.clone(), &h, statuses)?;
    let from = s.begins(Pick::Assumed);
    let continuous = if r.years_missed > 0 {
        1
    } else {
        r.years_continuous.saturating_add(1)
    };
    let end = Date {
        year: i32::from(r.year),
        month: 12,
        day: 31,
    };
    let crit = files.clone().find_map(|p| {
        p.critical
            .iter()
            .find(|c| in_period(&c.from, &c.to, from) || in_period(&c.from, &c.to, end))
            .map(|c| (p, c))
    });
    let no_claim = r.no_claim_last_year && r.years_missed == 0 && r.years_continuous > 0;
    let mut out = EnrolmentResult {
        year: r.year,
        waiting: s.waits && s.exempt.is_none(),
        in_window: s.in_window,
        exempt: s.exempt.map(|e| e.id.clone()),
        fixed_months: s.fixed,
        variable_months: s.variable,
        reduced_months: s.reduced,
        floor_months: s.floor_added,
        waiting_months: s.months,
        benefits_from: from.to_string(),
        benefits_from_earliest: s.local().then(|| s.begins(Pick::Best).to_string()),
        continuous_years: continuous,
        maximum_base: None,
        maximum_raise: None,
        maximum: None,
        steps: Vec::new(),
        notices: Vec::new(),
    };
    out.steps.push(start_step(&s));
    out.notices.extend(start_notice(&s));
    match crit.and_then(|(p, c)| c.incentives.as_ref().map(|n| (p, c, n))) {
        Some((p, c, n)) => {
            let base = Money::from_decimal(c.maximum.value);
            let (years, share) = raise(n, continuous, no_claim);
            let add = base.times(Rate::from_decimal(share.min(Decimal::ONE)));
            out.maximum_base = Some(base.plain());
            out.maximum_raise = Some(add.plain());
            out.maximum = Some((base + add).plain());
            out.steps.push(words::raise_step(
                p, c, n, continuous, years, no_claim, base, add,
            ));
            // continuous years reaching back before the incentives began: the other reading
            let first = i32::from(r.year) - i32::from(continuous) + 1;
            if let Some(since) = n.since.filter(|s| first < i32::from(*s)) {
                let counted = u16::try_from(i32::from(r.year) - i32::from(since) + 1).unwrap_or(0);
                let (_, share) = raise(n, counted.min(continuous), no_claim);
                let other = base + base.times(Rate::from_decimal(share.min(Decimal::ONE)));
                out.notices.push(words::since_notice(
                    p,
                    n,
                    since,
                    continuous,
                    counted,
                    base + add,
                    other,
                ));
            }
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
