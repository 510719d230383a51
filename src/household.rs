//! What a household pays for a coverage year: each member's own [`Engine::premium`] answer, read
//! as lines (`lines.rs`), and the household's totals as the sums of those answers — no second
//! arithmetic, so the total equals the members' answers to the fen (`tests/household.rs`).
//!
//! A newborn (a member with a birth date) has no premium figure unless the sources give one:
//! the policy files hold no rule for newborns' contributions, so the member is answered "not
//! set" and left out of the totals, which say so.

use crate::api::*;
use crate::date::Date;
use crate::engine::Engine;
use crate::error::{Error, ErrorKind};
use crate::explain::note;
use crate::lines::dec;
use crate::money::Money;

/// At most this many members in one household.
pub const MAX_MEMBERS: usize = 12;

/// The payer whose lines are 医疗救助资助参保 (aid) rather than a subsidy.
const AID_PAYER: &str = "medical_assistance";

fn money(field: &str, s: &str) -> Result<Money, Error> {
    dec(s).map(Money::from_decimal).ok_or_else(|| {
        Error::new(
            ErrorKind::InvalidAmount,
            format!("{field}：“{s}”不是金额"),
            format!("{field}: \"{s}\" is not an amount"),
        )
    })
}

/// An error of member `i`'s premium, naming the member: `person.category` → `members[2].category`.
fn for_member(mut e: Error, i: usize) -> Error {
    let field = match e.field.as_deref() {
        None | Some("person") => String::new(),
        Some(f) => f.strip_prefix("person.").unwrap_or(f).to_string(),
    };
    e.field = Some(if field.is_empty() {
        format!("members[{i}]")
    } else {
        format!("members[{i}].{field}")
    });
    e.message_zh = format!("家庭成员 {}：{}", i + 1, e.message_zh);
    e.message_en = format!("member {}: {}", i + 1, e.message_en);
    e
}

fn check_size(r: &HouseholdRequest) -> Result<(), Error> {
    let n = r.members.len();
    if n == 0 || n > MAX_MEMBERS {
        return Err(Error::new(
            ErrorKind::InvalidInput,
            format!("家庭成员应为 1—{MAX_MEMBERS} 人，而不是 {n} 人"),
            format!("a household has 1 to {MAX_MEMBERS} members, not {n}"),
        )
        .field("members"));
    }
    Ok(())
}

/// A newborn's birth date: a date in the coverage year or the year before it.
fn born(m: &MemberInput, i: usize, year: u16) -> Result<Option<String>, Error> {
    let Some(text) = m.born.as_deref().filter(|s| !s.trim().is_empty()) else {
        return Ok(None);
    };
    let field = format!("members[{i}].born");
    let d = Date::parse(&field, text.trim())?;
    let y = i32::from(year);
    if d.year > y || d.year < y - 1 {
        return Err(Error::new(
            ErrorKind::InvalidDate,
            format!("家庭成员 {}：出生日期 {d} 不是 {year} 医保年度的新生儿（应在 {} 年或 {year} 年出生）；较大的孩子请按其类别填写，不填出生日期", i + 1, y - 1),
            format!("member {}: born {d}, not a newborn for coverage year {year} (born in {} or {year}); enter an older child by category, without a birth date", i + 1, y - 1),
        )
        .field(field));
    }
    Ok(Some(d.to_string()))
}

fn empty() -> Range {
    Range {
        low: String::new(),
        high: String::new(),
    }
}

fn named(id: &str, zh: &str, en: &str) -> Named {
    Named {
        id: id.to_string(),
        name_zh: zh.to_string(),
        name_en: en.to_string(),
    }
}

/// Why a member with a birth date has no figure.
fn newborn_not_set(p: &PremiumResult, born: &str) -> NoticeOut {
    note(
        "info",
        format!("新生儿（{born} 出生）：{} 医保年度的资料中没有新生儿参保缴费的规定（是否缴费、缴多少、何时参保），本测算不作估计，未计入家庭合计。请向当地医保经办机构咨询。", p.period.year),
        format!("Newborn (born {born}): the sources for coverage year {} set no rule for newborns' contributions (whether, how much, when to enrol); none is estimated, and the household total leaves the member out. Ask the local insurance office.", p.period.year),
        &p.period.doc,
        "",
    )
}

/// Why a member's own contribution is zero: the subsidy class their answer applied.
fn pays_nothing(p: &PremiumResult) -> Option<NoticeOut> {
    if !dec(&p.individual).is_some_and(|d| d.is_zero()) {
        return None;
    }
    let c = &p.subsidy_class;
    let with = dec(&p.individual_with_addons).unwrap_or_default();
    let (more_zh, more_en) = if with.is_zero() {
        (String::new(), String::new())
    } else {
        let y = Money::from_decimal(with).yuan_text();
        (
            format!("；附加险种仍需缴纳 {y}"),
            format!("; the add-ons still come to {y}"),
        )
    };
    Some(note(
        "info",
        format!("个人不缴基本医保费：适用“{}”，缴费标准由补助全额承担{more_zh}。", c.name_zh),
        format!("Pays no basic premium: \"{}\" applies and the subsidies cover the whole standard{more_en}.", c.name_en),
        &c.doc,
        &c.clause,
    ))
}

/// A member's answer read for the household: own share, aid, subsidy, add-ons.
fn member_out(p: PremiumResult, category: Named, statuses: Vec<Named>) -> Result<MemberOut, Error> {
    let mut aid = Money::ZERO;
    let mut subsidy = Money::ZERO;
    for x in &p.payers {
        let a = money("payers.amount", &x.amount)?;
        if x.payer == AID_PAYER {
            aid = aid + a;
        } else {
            subsidy = subsidy + a;
        }
    }
    let mut addons = Money::ZERO;
    for a in &p.addons {
        addons = addons + money("addons.amount", &a.amount)?;
    }
    Ok(MemberOut {
        category,
        statuses,
        born: None,
        individual: p.individual.clone(),
        aid: aid.plain(),
        subsidy: subsidy.plain(),
        addons: addons.plain(),
        with_addons: p.individual_with_addons.clone(),
        lines: crate::lines::premium_lines(&p),
        pays_nothing: pays_nothing(&p),
        not_set: None,
        premium: Some(p),
    })
}

/// The sums over the members with a figure, added to `out`.
fn totals(out: &mut HouseholdResult) -> Result<(), Error> {
    let mut sum = [Money::ZERO; 8];
    let mut addons: Vec<AddonTotal> = Vec::new();
    for m in &out.members {
        let Some(p) = &m.premium else { continue };
        for (k, s) in [
            &p.individual,
            &m.aid,
            &m.subsidy,
            &p.individual_with_addons,
            &p.ranges.individual.low,
            &p.ranges.individual.high,
            &m.addons,
            &m.addons,
        ]
        .into_iter()
        .enumerate()
        {
            sum[k] = sum[k] + money("members", s)?;
        }
        for a in &p.addons {
            let amt = money("addons.amount", &a.amount)?;
            match addons.iter_mut().find(|t| t.id == a.id) {
                Some(t) => {
                    t.members += 1;
                    t.amount = (money("addons", &t.amount)? + amt).plain();
                }
                None => addons.push(AddonTotal {
                    id: a.id.clone(),
                    name_zh: a.name_zh.clone(),
                    name_en: a.name_en.clone(),
                    members: 1,
                    amount: amt.plain(),
                }),
            }
        }
    }
    out.individual = sum[0].plain();
    out.aid = sum[1].plain();
    out.subsidy = sum[2].plain();
    out.total = sum[3].plain();
    out.individual_range = Range {
        low: sum[4].plain(),
        high: sum[5].plain(),
    };
    out.range = Range {
        low: (sum[4] + sum[6]).plain(),
        high: (sum[5] + sum[7]).plain(),
    };
    out.addons = addons;
    Ok(())
}

impl Engine {
    /// What a household pays for a coverage year: each member's [`Engine::premium`] answer and
    /// the sums of those answers. Any member's error fails the whole household, naming the
    /// member (`members[2].category`); no partial answer.
    pub fn household(&self, r: &HouseholdRequest) -> Result<HouseholdResult, Error> {
        check_size(r)?;
        let mut members = Vec::with_capacity(r.members.len());
        let mut period: Option<PeriodOut> = None;
        for (i, m) in r.members.iter().enumerate() {
            let person = PersonInput {
                scheme: r.scheme.clone(),
                region: r.region.clone(),
                category: m.category.clone(),
                statuses: m.statuses.clone(),
            };
            let req = PremiumRequest {
                person,
                date: r.date.clone(),
                year: r.year,
            };
            let mut p = self.premium(&req).map_err(|e| for_member(e, i))?;
            // the table of what each hardship class pays is for one person's answer
            p.hardship_classes.clear();
            let born = born(m, i, p.period.year)?;
            let who = self.who(&req.person).map_err(|e| for_member(e, i))?;
            let category = named(
                &who.category.id,
                &who.category.name_zh,
                &who.category.name_en,
            );
            let statuses = who
                .statuses
                .iter()
                .map(|s| named(&s.id, &s.name_zh, &s.name_en))
                .collect();
            period.get_or_insert_with(|| p.period.clone());
            let out = match &born {
                Some(b) => MemberOut {
                    category,
                    statuses,
                    born: Some(b.clone()),
                    individual: String::new(),
                    aid: String::new(),
                    subsidy: String::new(),
                    addons: String::new(),
                    with_addons: String::new(),
                    lines: Vec::new(),
                    pays_nothing: None,
                    not_set: Some(newborn_not_set(&p, b)),
                    premium: None,
                },
                None => member_out(p, category, statuses)?,
            };
            members.push(out);
        }
        let Some(period) = period else {
            return Err(
                Error::new(ErrorKind::InvalidInput, "没有家庭成员", "no members").field("members"),
            );
        };
        let mut sources: Vec<SourceOut> = Vec::new();
        for s in members
            .iter()
            .filter_map(|m| m.premium.as_ref())
            .flat_map(|p| p.sources.iter())
        {
            if !sources.iter().any(|x| x.id == s.id) {
                sources.push(s.clone());
            }
        }
        let pay_nothing = members
            .iter()
            .enumerate()
            .filter(|(_, m)| m.pays_nothing.is_some())
            .map(|(i, _)| i)
            .collect();
        let not_set: Vec<usize> = members
            .iter()
            .enumerate()
            .filter(|(_, m)| m.not_set.is_some())
            .map(|(i, _)| i)
            .collect();
        let mut notices = Vec::new();
        if !not_set.is_empty() {
            let who: Vec<String> = not_set.iter().map(|i| (i + 1).to_string()).collect();
            notices.push(note(
                "warning",
                format!("家庭合计不含成员 {}（缴费数额未设定）。", who.join("、")),
                format!(
                    "The household total leaves out member(s) {} (no figure set).",
                    who.join(", ")
                ),
                &period.doc,
                "",
            ));
        }
        let mut out = HouseholdResult {
            scheme: r.scheme.clone(),
            region: r.region.clone(),
            year: period.year,
            members,
            individual: String::new(),
            aid: String::new(),
            subsidy: String::new(),
            addons: Vec::new(),
            total: String::new(),
            individual_range: empty(),
            range: empty(),
            pay_nothing,
            not_set,
            period,
            sources,
            notices,
        };
        totals(&mut out)?;
        Ok(out)
    }
}
