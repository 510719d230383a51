//! When to pay, as a decision (缴费期与待遇等待期): for a coverage year, the collection window,
//! and for paying today, on a chosen date, or not at all — the date benefits start
//! ([`Engine::enrolment`], the decision claims share) and what a chosen bill would cost
//! ([`Engine::claim_figures`] with the same payment date and history). The core has no clock:
//! "today" is an input.

use crate::api::*;
use crate::date::Date;
use crate::engine::Engine;
use crate::error::{Error, ErrorKind};
use crate::explain::note;
use crate::money::Money;

/// Days since 1970-01-01 of a civil date (for the days left in the window).
fn day_number(d: Date) -> i64 {
    let (y, m) = if d.month <= 2 {
        (i64::from(d.year) - 1, i64::from(d.month) + 9)
    } else {
        (i64::from(d.year), i64::from(d.month) - 3)
    };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * m + 2) / 5 + i64::from(d.day) - 1;
    era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
}

fn bad(field: &str, zh: String, en: String) -> Error {
    Error::new(ErrorKind::InvalidInput, zh, en).field(field)
}

/// What the request says of the history besides the payment (the window is worked out from each
/// date, so a said `paid_in_window` is refused).
fn history(r: &DecisionRequest) -> Result<EnrolmentIn, Error> {
    let e = r.enrolment.clone().unwrap_or_default();
    if e.paid_in_window.is_some() {
        return Err(bad("enrolment.paid_in_window", "何时缴费由各个缴费日期判断是否在集中缴费期内，请不要另给 paid_in_window".into(), "whether each payment is inside the window is worked out from its date; leave paid_in_window out".into()));
    }
    Ok(e)
}

/// The answer's words for one paying choice, `when` saying when it pays.
fn words(
    when: (String, String),
    en: &Result<EnrolmentResult, Error>,
    year: u16,
) -> (String, String) {
    let (when_zh, when_en) = when;
    match en {
        Err(x) => (
            format!("{when_zh}：{}；待遇开始日期不作计算。", x.message_zh),
            format!("{when_en}: {}; no start date is worked out.", x.message_en),
        ),
        Ok(e) if !e.waiting => (
            format!(
                "{when_zh}：{}，不设等待期，{} 起享受 {year} 年度待遇。",
                if e.in_window {
                    "在集中缴费期内且未断保"
                } else {
                    "免于等待期"
                },
                e.benefits_from
            ),
            format!(
                "{when_en}: {}, no waiting period; covered for {year} from {}.",
                if e.in_window {
                    "inside the collection window without a break"
                } else {
                    "exempt from the waiting period"
                },
                e.benefits_from
            ),
        ),
        Ok(e) => (
            format!(
                "{when_zh}：{}，等待期 {} 个月，{} 起享受待遇。",
                if e.in_window {
                    "断保后参保"
                } else {
                    "不在集中缴费期内"
                },
                e.waiting_months,
                e.benefits_from
            ),
            format!(
                "{when_en}: {}, a waiting period of {} months; covered from {}.",
                if e.in_window {
                    "enrolling after a break"
                } else {
                    "outside the collection window"
                },
                e.waiting_months,
                e.benefits_from
            ),
        ),
    }
}

impl Engine {
    /// One paying choice (`id`, paying on `on`, said as `when`): the start of benefits and the
    /// bill under it — a bill dated before the payment is the resident's in full.
    fn choice(
        &self,
        r: &DecisionRequest,
        e: &EnrolmentIn,
        (id, on, when): (&str, Date, (String, String)),
        premium: Money,
    ) -> Result<(DecisionOption, Vec<Step>), Error> {
        let er = EnrolmentRequest {
            person: r.person.clone(),
            year: r.year,
            years_continuous: 0,
            years_missed: e.years_missed,
            paid_in_window: None,
            extra_years_paid: e.extra_years_paid,
            no_claim_last_year: false,
            paid_on: Some(on.to_string()),
            exempt: e.exempt.clone(),
        };
        let en = match self.enrolment(&er) {
            Err(x) if x.kind != ErrorKind::BenefitsNotDefined => return Err(x),
            x => x,
        };
        let end = Date::new(i32::from(r.year), 12, 31);
        let from = en
            .as_ref()
            .ok()
            .and_then(|x| Date::parse("benefits_from", &x.benefits_from).ok());
        let (mut zh, mut en_text) = words(when, &en, r.year);
        let mut bill = None;
        let mut cost = None;
        if let Some(c) = &r.claim {
            if Date::parse("claim.date", &c.date)? < on {
                zh.push_str(&format!("{} 的这笔费用在缴费之前，不能报销。", c.date));
                en_text.push_str(&format!(
                    " The bill of {} comes before the payment and is not reimbursed.",
                    c.date
                ));
                cost = Some(Money::parse("claim.medfee_sumamt", &c.medfee_sumamt)?);
            } else {
                let f = self.claim_figures(&ClaimRequest {
                    person: r.person.clone(),
                    paid_on: Some(on.to_string()),
                    renewed_without_break: None,
                    enrolment: Some(EnrolmentIn {
                        paid_in_window: None,
                        ..e.clone()
                    }),
                    claim: c.clone(),
                    explain: false,
                })?;
                cost = Some(Money::parse("psn_part_amt", &f.psn_part_amt)?);
                bill = Some(f);
            }
        }
        let opt = DecisionOption {
            id: id.into(),
            paid_on: Some(on.to_string()),
            in_window: en.as_ref().ok().map(|x| x.in_window),
            benefits_from: en.as_ref().ok().map(|x| x.benefits_from.clone()),
            waiting_months: en.as_ref().map_or(0, |x| x.waiting_months),
            covered: from.zip(end).is_none_or(|(f, e)| f <= e),
            premium: premium.plain(),
            bill,
            bill_cost: cost.map(Money::plain),
            total: cost.map(|c| (c + premium).plain()),
            zh,
            en: en_text,
        };
        let steps = en.map(|x| x.steps).unwrap_or_default();
        Ok((
            opt,
            steps.into_iter().filter(|s| s.id == "waiting").collect(),
        ))
    }

    /// When to pay for `r.year`: the window, and paying today (or on the window's first day
    /// when it has not opened), on `r.paid_on`, or not at all — when benefits start and what
    /// `r.claim` would cost in each case.
    pub fn decision(&self, r: &DecisionRequest) -> Result<DecisionResult, Error> {
        let today = Date::parse("today", &r.today)?;
        let chosen = r
            .paid_on
            .as_deref()
            .filter(|s| !s.trim().is_empty())
            .map(|s| Date::parse("paid_on", s))
            .transpose()?;
        let e = history(r)?;
        if let Some(c) = &r.claim {
            let d = Date::parse("claim.date", &c.date)?;
            if d.year != i32::from(r.year) {
                return Err(bad(
                    "claim.date",
                    format!("就医日期 {d} 不在 {} 医保年度内", r.year),
                    format!("the bill's date {d} is not in coverage year {}", r.year),
                ));
            }
        }
        let p = self.premium(&PremiumRequest {
            person: r.person.clone(),
            date: None,
            year: Some(r.year),
        })?;
        let premium = Money::parse("individual_with_addons", &p.individual_with_addons)?;
        let per = &p.period;
        let window_from = per
            .collection_from
            .as_deref()
            .and_then(|s| Date::parse("from", s).ok());
        let window_to = per
            .collection_to
            .as_deref()
            .and_then(|s| Date::parse("to", s).ok());
        let mut notices = Vec::new();
        if per.collection_to.is_none() {
            notices.push(note("info", format!("{} 医保年度的集中缴费期在资料中未找到：是否在缴费期内按各缴费日期无法判断，按在缴费期内计算。", r.year), format!("The collection window for coverage year {} was not found in the sources: a payment is taken as inside it.", r.year), &per.doc, ""));
        }
        let first = match window_from {
            Some(f) if today < f => (
                "today",
                f,
                (
                    format!("集中缴费期开始时（{f}）缴费"),
                    format!("Paying when the window opens ({f})"),
                ),
            ),
            _ => (
                "today",
                today,
                (
                    format!("今天（{today}）缴费"),
                    format!("Paying today ({today})"),
                ),
            ),
        };
        let (first, steps) = self.choice(r, &e, first, premium)?;
        let mut options = vec![first];
        if let Some(c) = chosen {
            let when = (format!("{c} 缴费"), format!("Paying on {c}"));
            options.push(self.choice(r, &e, ("chosen", c, when), premium)?.0);
        }
        let whole = r
            .claim
            .as_ref()
            .map(|c| Money::parse("claim.medfee_sumamt", &c.medfee_sumamt))
            .transpose()?;
        options.push(DecisionOption {
            id: "none".into(),
            paid_on: None,
            in_window: None,
            benefits_from: None,
            waiting_months: 0,
            covered: false,
            premium: Money::ZERO.plain(),
            bill: None,
            bill_cost: whole.map(Money::plain),
            total: whole.map(Money::plain),
            zh: format!("不缴费：{} 年度不享受居民医保待遇，就医费用全部自付；以后再参保时，断保年数会加长等待期。", r.year),
            en: format!("Not paying: no cover in {}, every bill is paid in full; enrolling later, the years without cover lengthen the waiting period.", r.year),
        });
        Ok(DecisionResult {
            year: r.year,
            today: today.to_string(),
            collection_from: per.collection_from.clone(),
            collection_to: per.collection_to.clone(),
            collection_source: per.collection_source.clone(),
            days_left: window_to.map(|t| day_number(t) - day_number(today)),
            options,
            steps,
            notices,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers() {
        let d = |y, m, dd| day_number(Date::new(y, m, dd).unwrap());
        assert_eq!(d(1990, 1, 1), 7305);
        assert_eq!(d(2026, 2, 28) - d(2026, 1, 10), 49);
        assert_eq!(d(2024, 3, 1) - d(2024, 2, 28), 2);
        assert_eq!(d(2026, 1, 1) - d(2025, 1, 1), 365);
    }
}
