//! Checks on the layers after the basic fund (`[[critical]]` 大病保险, `[[assistance]]` 医疗救助)
//! and on the waiting rules (`[[waiting]]`) of an annual file: dates in order without overlap,
//! listed sources, bands that close, statuses the framework knows.

use super::model::*;
use super::periods::{err, unknown_source};
use crate::date::Date;
use crate::error::{Error, ErrorKind};

/// One dated rule as the checks see it.
struct Dated<'a> {
    at: String,
    from: &'a str,
    to: Option<&'a str>,
    source: &'a str,
}

fn dated<'a>(list: &str, from: &'a str, to: &'a Option<String>, source: &'a str) -> Dated<'a> {
    Dated {
        at: format!("{list}[{from}]"),
        from,
        to: to.as_deref(),
        source,
    }
}

/// Dates parse, run forward, and the rules of one list follow each other without overlap.
fn check_dated(file: &str, p: &Policy, rules: &[Dated], errs: &mut Vec<Error>) {
    let mut prev_end: Option<(Option<Date>, &str)> = None;
    for r in rules {
        if p.source(r.source).is_none() {
            errs.push(unknown_source(file, &format!("{}.source", r.at), r.source));
        }
        let from = match Date::parse(&format!("{}.from", r.at), r.from) {
            Ok(d) => d,
            Err(e) => {
                errs.push(e.file(file));
                continue;
            }
        };
        let to = match r.to.map(|t| Date::parse(&format!("{}.to", r.at), t)) {
            Some(Ok(d)) => Some(d),
            Some(Err(e)) => {
                errs.push(e.file(file));
                continue;
            }
            None => None,
        };
        if to.is_some_and(|t| t < from) {
            errs.push(err(
                ErrorKind::PolicyPeriod,
                file,
                &r.at,
                format!("截止日期早于起始日期 {from}"),
                format!("ends before it starts ({from})"),
            ));
        }
        if let Some((end, prev)) = prev_end {
            if end.is_none_or(|e| e >= from) {
                errs.push(err(ErrorKind::PolicyPeriod, file, &r.at, format!("与前一条（{prev} 起）的期间重叠或顺序颠倒：按起始日期递增，前一条须写 to"), format!("overlaps or precedes the rule from {prev}: rules run in order of `from`, the earlier one with a `to`")));
            }
        }
        prev_end = Some((to, r.from));
    }
}

fn relation(file: &str, at: &str, zh: String, en: String) -> Error {
    err(ErrorKind::PolicyRelation, file, at, zh, en)
}

/// The rules of the layers and of waiting: only in annual files; dates, sources, bands.
pub fn check_layers(file: &str, p: &Policy, errs: &mut Vec<Error>) {
    let any = !p.critical.is_empty() || !p.assistance.is_empty() || !p.waiting.is_empty();
    if any && p.meta.kind != FileKind::Annual {
        errs.push(err(
            ErrorKind::PolicySyntax,
            file,
            "critical",
            "大病保险、医疗救助和等待期规则（critical / assistance / waiting）只能写在年度文件中"
                .into(),
            "critical, assistance and waiting rules belong in annual files".into(),
        ));
        return;
    }
    let crit: Vec<Dated> = p
        .critical
        .iter()
        .map(|c| dated("critical", &c.from, &c.to, &c.source))
        .collect();
    check_dated(file, p, &crit, errs);
    let asst: Vec<Dated> = p
        .assistance
        .iter()
        .map(|a| dated("assistance", &a.from, &a.to, &a.source))
        .collect();
    check_dated(file, p, &asst, errs);
    let wait: Vec<Dated> = p
        .waiting
        .iter()
        .map(|w| dated("waiting", &w.from, &w.to, &w.source))
        .collect();
    check_dated(file, p, &wait, errs);
    for c in &p.critical {
        check_bands(file, c, errs);
        for (i, h) in c.hardship.iter().enumerate() {
            if h.statuses_any.is_empty() {
                errs.push(relation(
                    file,
                    &format!("critical[{}].hardship[{i}].statuses_any", c.from),
                    "须列出适用的身份".into(),
                    "must list the statuses it applies to".into(),
                ));
            }
        }
    }
    for a in &p.assistance {
        if a.statuses_any.is_empty() {
            errs.push(relation(
                file,
                &format!("assistance[{}].statuses_any", a.from),
                "须列出可获救助的身份".into(),
                "must list the statuses that qualify".into(),
            ));
        }
    }
    for w in &p.waiting {
        let months = w.fixed_months.is_some() && w.per_missed_year.is_some();
        let none = w.fixed_months.is_none()
            && w.per_missed_year.is_none()
            && w.per_extra_year_paid.is_none();
        let ok = match w.kind {
            WaitingKind::Months => months,
            WaitingKind::ThirdCalendarMonth => none,
        };
        if !ok || (w.long_break.is_some() && w.kind != WaitingKind::Months) {
            errs.push(relation(file, &format!("waiting[{}]", w.from), "kind = \"months\" 须有 fixed_months 和 per_missed_year；third_calendar_month 不带月数".into(), "kind = \"months\" needs fixed_months and per_missed_year; third_calendar_month takes no months".into()));
        }
        check_exempt(file, p, w, errs);
    }
}

/// A waiting rule's exempt groups: ids unique, sources listed; the unlisted groups' source.
fn check_exempt(file: &str, p: &Policy, w: &WaitingRule, errs: &mut Vec<Error>) {
    let at = format!("waiting[{}]", w.from);
    for (i, e) in w.exempt.iter().enumerate() {
        if w.exempt[..i].iter().any(|x| x.id == e.id) || e.id.trim().is_empty() {
            errs.push(relation(
                file,
                &format!("{at}.exempt[{i}].id"),
                format!("免等待期人群的 id“{}”为空或重复", e.id),
                format!("exempt group id \"{}\" is empty or repeated", e.id),
            ));
        }
        if p.source(&e.source).is_none() {
            errs.push(unknown_source(
                file,
                &format!("{at}.exempt[{i}].source"),
                &e.source,
            ));
        }
    }
    if let Some(u) = &w.unlisted {
        if p.source(&u.source).is_none() {
            errs.push(unknown_source(
                file,
                &format!("{at}.unlisted.source"),
                &u.source,
            ));
        }
    }
}

/// Bands: at least one; every band but the last has an upper edge, the last none; edges rise,
/// and the threshold (at its highest) lies below the first edge; the maximum is above zero.
fn check_bands(file: &str, c: &Critical, errs: &mut Vec<Error>) {
    let at = format!("critical[{}]", c.from);
    let n = c.bands.len();
    if n == 0 {
        errs.push(relation(
            file,
            &format!("{at}.bands"),
            "至少需要一个分段".into(),
            "needs at least one band".into(),
        ));
        return;
    }
    let mut prev = c
        .threshold
        .max
        .unwrap_or(c.threshold.value)
        .max(c.threshold.value);
    for (i, b) in c.bands.iter().enumerate() {
        let f = format!("{at}.bands[{i}].upto");
        match (&b.upto, i + 1 == n) {
            (Some(_), true) => errs.push(relation(
                file,
                &f,
                "最后一段不写上限（至最高支付限额）".into(),
                "the last band has no upper edge (it runs to the maximum)".into(),
            )),
            (None, false) => errs.push(relation(
                file,
                &f,
                "除最后一段外每段都须写上限".into(),
                "every band but the last needs an upper edge".into(),
            )),
            (Some(u), false) => {
                if u.value <= prev {
                    errs.push(relation(file, &f, format!("分段上限 {} 须高于前一界点（起付标准或上一段）{prev}", u.value), format!("upper edge {} must be above the previous edge (threshold or band) {prev}", u.value)));
                }
                prev = u.value;
            }
            (None, true) => {}
        }
    }
    if c.maximum.value.is_zero() {
        errs.push(relation(
            file,
            &format!("{at}.maximum"),
            "最高支付限额须大于0".into(),
            "the maximum must be above 0".into(),
        ));
    }
}

/// The statuses an annual file's layers name exist in its framework.
pub fn check_layer_statuses(
    file: &str,
    annual: &Policy,
    framework: &Policy,
    errs: &mut Vec<Error>,
) {
    let known: Vec<&str> = framework.statuses.iter().map(|s| s.id.as_str()).collect();
    let mut lists: Vec<(String, &[String])> = Vec::new();
    for c in &annual.critical {
        for (i, h) in c.hardship.iter().enumerate() {
            lists.push((
                format!("critical[{}].hardship[{i}].statuses_any", c.from),
                &h.statuses_any,
            ));
        }
    }
    for a in &annual.assistance {
        lists.push((
            format!("assistance[{}].statuses_any", a.from),
            &a.statuses_any,
        ));
    }
    for w in &annual.waiting {
        if let Some(u) = &w.unlisted {
            lists.push((
                format!("waiting[{}].unlisted.statuses_any", w.from),
                &u.statuses_any,
            ));
        }
    }
    for (at, list) in lists {
        for s in list.iter().filter(|s| !known.contains(&s.as_str())) {
            errs.push(err(
                ErrorKind::PolicyUnknownFramework,
                file,
                &at,
                format!(
                    "框架“{}”没有身份“{s}”；已有：{}",
                    framework.meta.id,
                    known.join(", ")
                ),
                format!(
                    "framework \"{}\" has no status \"{s}\"; known: {}",
                    framework.meta.id,
                    known.join(", ")
                ),
            ));
        }
    }
}
