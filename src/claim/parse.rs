//! Reading a year's claims against the policy: ids to indices (claim kind, hospital level), the
//! rule and its settled cell, amounts and dates, and every check a claim must pass before it is
//! settled, each with its bilingual error.

use crate::api::ClaimInput;
use crate::continuity::Start;
use crate::date::Date;
use crate::error::{Error, ErrorKind};
use crate::form::{Cell, KindForm};
use crate::money::Money;
use crate::policy::model::claim_rules;
use crate::policy::model::*;
use crate::who::{in_force, Who, MAX_CLAIMS};

use super::Payment;

const KINDS: [&str; 4] = CLAIM_KINDS;

/// One claim read: its position in the request, kind (index into [`CLAIM_KINDS`]), rule and the
/// rule's settled form, level (index into the policy's levels) and cell, date and amounts.
pub(super) struct In<'a> {
    pub idx: usize,
    pub kind: usize,
    pub rule: &'a ClaimRule,
    pub kf: &'a KindForm,
    pub cell: &'a Cell,
    pub level: usize,
    pub date: Date,
    pub total: Money,
    pub oos: Money,
    pub disease: Option<&'a Label>,
}

impl In<'_> {
    pub fn kind_id(&self) -> &'static str {
        KINDS[self.kind]
    }
}

/// A claim the rule does not pay for: the rule's own wording when it has one, else the default.
fn not_covered(who: &Who, rule: &ClaimRule, zh: String, en: String, field: &str) -> Error {
    Error::new(
        ErrorKind::ClaimNotCovered,
        rule.not_covered_zh.clone().unwrap_or(zh),
        rule.not_covered_en.clone().unwrap_or(en),
    )
    .field(field)
    .clause(format!("{} {}", who.doc(), rule.clause))
}

fn parse_claim<'a>(
    who: &'a Who,
    b: &'a Benefits,
    c: &ClaimInput,
    idx: usize,
) -> Result<In<'a>, Error> {
    let cat = &who.category;
    let ki = KINDS
        .iter()
        .position(|k| *k == c.kind)
        .ok_or_else(|| Error::unknown("就诊类型", "claim kind", "kind", &c.kind, &KINDS))?;
    let kind = KINDS[ki];
    let rule = [
        &b.inpatient,
        &b.outpatient_major,
        &b.student_accident,
        &b.general_outpatient,
    ][ki]
        .as_ref();
    // where the document sets nothing, say so rather than "not covered"
    let pays =
        rule.is_some_and(|r| matches(&r.categories, &cat.id) && matches(&r.levels, &c.level));
    if let (false, Some(ns)) = (pays, b.not_set_for(kind, &cat.id, &c.level)) {
        let field = if rule.is_some_and(|r| matches(&r.categories, &cat.id)) {
            "level"
        } else {
            "kind"
        };
        return Err(
            Error::new(ErrorKind::BenefitsNotDefined, ns.zh.clone(), ns.en.clone())
                .field(field)
                .clause(format!("{} {}", who.doc(), ns.clause)),
        );
    }
    let rule = rule.ok_or_else(|| {
        let have: Vec<&str> = claim_rules(b)
            .iter()
            .map(|(_, r)| r.name_zh.as_str())
            .collect();
        Error::new(
            ErrorKind::ClaimNotCovered,
            format!(
                "{}不支付这类费用（“{}”）；本方案支付：{}",
                who.policy.meta.name_zh,
                c.kind,
                have.join("、")
            ),
            format!(
                "{} does not pay for \"{}\"",
                who.policy.meta.name_en, c.kind
            ),
        )
        .field("kind")
        .clause(format!("{} {}", who.doc(), b.clause))
    })?;
    if !matches(&rule.categories, &cat.id) {
        let zh = format!("“{}”不适用于“{}”", rule.name_zh, cat.name_zh);
        let en = format!("\"{}\" does not apply to \"{}\"", rule.name_en, cat.name_en);
        return Err(not_covered(who, rule, zh, en, "kind"));
    }
    if let Some(s) = rule.statuses_all.iter().find(|s| !who.has(s)) {
        let zh = format!("“{}”需要状态 {s}", rule.name_zh);
        let en = format!("\"{}\" needs the status {s}", rule.name_en);
        return Err(not_covered(who, rule, zh, en, "kind"));
    }
    let li = who
        .policy
        .levels
        .iter()
        .position(|l| l.id == c.level)
        .ok_or_else(|| {
            let known: Vec<&str> = who.policy.levels.iter().map(|l| l.id.as_str()).collect();
            Error::unknown("医疗机构级别", "hospital level", "level", &c.level, &known)
        })?;
    let level = &who.policy.levels[li];
    if !matches(&rule.levels, &level.id) {
        let zh = format!("“{}”在“{}”不予支付", rule.name_zh, level.name_zh);
        let en = format!("\"{}\" is not paid at \"{}\"", rule.name_en, level.name_en);
        return Err(not_covered(who, rule, zh, en, "level"));
    }
    let disease = disease(who, rule, c)?;
    let (kf, cell) = who
        .form
        .kinds
        .get(ki)
        .and_then(Option::as_ref)
        .and_then(|kf| Some((kf, kf.cell(who.cat, li)?)))
        .ok_or_else(|| {
            Error::new(
                ErrorKind::PolicyRelation,
                "政策的结算形式不完整",
                "the policy's settled form is incomplete",
            )
            .field("level")
        })?;
    let date = Date::parse("date", &c.date)?;
    let total = Money::parse("medfee_sumamt", &c.medfee_sumamt)?;
    let oos = match &c.fulamt_ownpay_amt {
        Some(s) if !s.trim().is_empty() => Money::parse("fulamt_ownpay_amt", s)?,
        _ => Money::ZERO,
    };
    if oos > total {
        return Err(Error::new(
            ErrorKind::OutOfScopeExceedsTotal,
            format!("全自费金额 {} 大于医疗费总额 {}", oos, total),
            format!(
                "out-of-scope amount {} exceeds the total bill {}",
                oos, total
            ),
        )
        .field("fulamt_ownpay_amt"));
    }
    Ok(In {
        idx,
        kind: ki,
        rule,
        kf,
        cell,
        level: li,
        date,
        total,
        oos,
        disease,
    })
}

/// The disease a claim names, when its rule pays only for listed diseases.
fn disease<'a>(who: &Who, rule: &'a ClaimRule, c: &ClaimInput) -> Result<Option<&'a Label>, Error> {
    if rule.diseases.is_empty() {
        return Ok(None);
    }
    let names: Vec<&str> = rule.diseases.iter().map(|d| d.name_zh.as_str()).collect();
    let Some(d) = &c.disease else {
        return Err(Error::new(
            ErrorKind::InvalidInput,
            format!("{}需要注明病种：{}", rule.name_zh, names.join("、")),
            format!("{} needs a disease", rule.name_en),
        )
        .field("disease"));
    };
    Ok(Some(rule.diseases.iter().find(|x| &x.id == d).ok_or_else(
        || {
            Error::new(
                ErrorKind::ClaimNotCovered,
                format!(
                    "“{d}”不在{}范围内；暂定为：{}",
                    rule.name_zh,
                    names.join("、")
                ),
                format!(
                    "\"{d}\" is not among the covered {}: {}",
                    rule.name_en,
                    rule.diseases
                        .iter()
                        .map(|x| x.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )
            .field("disease")
            .clause(format!("{} {}", who.doc(), rule.clause))
        },
    )?))
}

/// Claims parsed, checked and in settlement order, with the benefit-year anchor.
pub(super) struct Prepared<'a> {
    pub b: &'a Benefits,
    pub ins: Vec<In<'a>>,
    pub by: BenefitYearKind,
    pub paid_on: Option<Date>,
    /// Whether the resident renewed each year without a break (`None`: not said, taken as yes).
    pub renewed: Option<bool>,
    /// When benefits start under the annual waiting rule for the payment, if one applies.
    pub start: Option<Start<'a>>,
    /// The coverage year the request's enrolment inputs describe, when no waiting rule is known
    /// for it (the claims are settled without one, and a notice says so).
    pub unruled: Option<u16>,
    pub anchor: Date,
    /// The annual limit of the person's tier and category (index into `b.limits`).
    pub limit: Option<usize>,
}

/// Parses and checks a year's claims (`claims`, with the contribution date `paid_on`): the
/// common first half of `year`, `claim_figures`, `year_figures` and `curve`.
pub(super) fn prepare<'a>(
    who: &'a Who,
    pay: Payment<'a>,
    claims: &[ClaimInput],
) -> Result<Prepared<'a>, Error> {
    let doc = who.doc();
    let b = who.policy.benefits.as_ref().ok_or_else(|| {
        let (zh, en, cl) = who.policy.benefits_absent.as_ref().map_or(
            (
                "本方案未规定待遇".to_string(),
                "no benefits defined".to_string(),
                String::new(),
            ),
            |x| (x.zh.clone(), x.en.clone(), x.clause.clone()),
        );
        Error::new(ErrorKind::BenefitsNotDefined, zh, en).clause(format!("{doc} {cl}"))
    })?;
    if claims.is_empty() {
        return Err(Error::new(
            ErrorKind::InvalidInput,
            "至少需要一笔费用",
            "at least one claim is needed",
        )
        .field("claims"));
    }
    if claims.len() > MAX_CLAIMS {
        return Err(Error::new(
            ErrorKind::TooManyClaims,
            format!("一年最多 {MAX_CLAIMS} 笔费用，收到 {} 笔", claims.len()),
            format!("at most {MAX_CLAIMS} claims a year, got {}", claims.len()),
        )
        .field("claims"));
    }
    let by = who
        .policy
        .meta
        .benefit_year
        .as_ref()
        .map_or(BenefitYearKind::Natural, |x| x.kind);
    let paid_on = match pay.paid_on {
        Some(s) if !s.trim().is_empty() => {
            let d = Date::parse("paid_on", s)?;
            in_force(who.policy, d, "paid_on", 0)?;
            Some(d)
        }
        _ => None,
    };
    let mut ins = Vec::with_capacity(claims.len());
    for (i, c) in claims.iter().enumerate() {
        let p = parse_claim(who, b, c, i).map_err(|e| e.within(&format!("claims[{i}]")))?;
        let grace = if by == BenefitYearKind::Contribution {
            12
        } else {
            0
        };
        in_force(who.policy, p.date, "date", grace)
            .map_err(|e| e.within(&format!("claims[{i}]")))?;
        ins.push(p);
    }
    ins.sort_by_key(|c| (c.date, c.idx));
    let anchor = paid_on.unwrap_or(ins[0].date);
    if let Some(first) = ins.first() {
        if first.date < anchor {
            return Err(Error::new(
                ErrorKind::ClaimNotCovered,
                format!(
                    "就诊日期 {} 早于缴费日期 {}：待遇从缴费后开始",
                    first.date, anchor
                ),
                format!(
                    "claim date {} is before the contribution date {}",
                    first.date, anchor
                ),
            )
            .field(format!("claims[{}].date", first.idx)));
        }
    }
    Ok(Prepared {
        b,
        ins,
        by,
        paid_on,
        renewed: pay.renewed,
        start: pay.start,
        unruled: pay.unruled,
        anchor,
        limit: b.limits.iter().position(|l| {
            matches(&l.tiers, &who.region.tier) && matches(&l.categories, &who.category.id)
        }),
    })
}
