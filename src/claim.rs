//! Claims: one bill, or a year of bills in date order, settled as each document words it.
//!
//! Per claim (ARCHITECTURE.md § Claims):
//! 1. 符合政策范围金额 = 医疗费总额 − 全自费金额.
//! 2. Waiting period: a claim before the waiting period ends gets nothing from the fund.
//! 3. Deductible (起付标准): per admission, once per benefit year, or none, as the rule says.
//! 4. Limit: `eligible_cost` limits cap the policy-scope cost counted in the year (the deductible
//!    part counts); cost above the cap is the resident's. `fund_payment` limits cap what the fund
//!    pays in the year.
//! 5. Segments: the claim's cost between the deductible and the counted top is cut at the segment
//!    edges; each part is paid at its ratio, less any transfer penalty, each product rounded to
//!    the fen.
//! 6. 个人负担总金额 = 医疗费总额 − 统筹基金支出; its parts are listed.
//!
//! Every result is computed three times: with the labelled assumptions, and with every local
//! figure at the end of its range best and worst for the resident; the ranges are the span.

use crate::api::*;
use crate::date::Date;
use crate::error::{Error, ErrorKind};
use crate::explain::{
    self, fig, money, range_of, rate, show, step, tag_en, tag_zh, Fav, Pick, Show,
};
use crate::money::{Money, Rate};
use crate::policy::model::claim_rules;
use crate::policy::model::*;
use crate::who::{in_force, Who, MAX_CLAIMS};
use rust_decimal::Decimal;

struct In<'a> {
    idx: usize,
    kind: &'static str,
    rule: &'a ClaimRule,
    level: &'a Level,
    date: Date,
    total: Money,
    oos: Money,
    disease: Option<&'a Label>,
}

#[derive(Default)]
struct Acc<'a> {
    cost: Money,
    fund: Money,
    /// Yearly deductibles: the claim kind, the level whose deductible the year's first claim of
    /// that kind set, and how much of it has been paid.
    dedc: Vec<(&'static str, &'a Level, Money)>,
}

struct Out {
    fund: Money,
    dedc: Money,
    coins: Money,
    above: Money,
    waiting: Money,
    band: Money,
    start: Date,
    end: Date,
    steps: Vec<Step>,
    assumptions: Vec<FigureOut>,
    /// The limit that applied and how much of it was used after this claim.
    limit: Money,
    used: Money,
    /// A local figure whose value depends on the pick entered this settlement: the best and
    /// worst runs can differ from the assumed one only when some claim sets this.
    varies: bool,
    /// A local figure entered, including segment edges (held at their assumed values).
    assumed: bool,
}

const KINDS: [&str; 4] = CLAIM_KINDS;

/// The catalogue's claim kinds completed with what the document leaves unset: a paid kind gains
/// its unset levels, an unset kind is listed as `…（本文件未规定）` (its claims answer
/// `benefits_not_defined`). Empty categories or levels mean all.
pub(crate) fn add_not_set(kinds: &mut Vec<ClaimKindOut>, p: &Policy) {
    for n in p.benefits.iter().flat_map(|b| &b.not_set) {
        if let Some(k) = kinds.iter_mut().find(|k| k.id == n.kind) {
            // paid at some levels: its unset levels too (validation keeps them apart)
            if !k.levels.is_empty() {
                k.levels.extend_from_slice(&n.levels);
            }
            continue;
        }
        let (zh, en) = match n.kind.as_str() {
            "inpatient" => (
                "住院（本文件未规定）",
                "Inpatient stay (not set by this document)",
            ),
            "outpatient_major" => (
                "门诊大病（本文件未规定）",
                "Outpatient major disease (not set by this document)",
            ),
            "student_accident" => (
                "学生意外伤害门诊（本文件未规定）",
                "Pupil's accidental-injury outpatient treatment (not set by this document)",
            ),
            _ => (
                "普通门诊（本文件未规定）",
                "General outpatient (not set by this document)",
            ),
        };
        kinds.push(ClaimKindOut {
            id: n.kind.clone(),
            name_zh: zh.into(),
            name_en: en.into(),
            categories: n.categories.clone(),
            levels: n.levels.clone(),
            diseases: Vec::new(),
        });
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
    let kind = KINDS
        .iter()
        .copied()
        .find(|k| *k == c.kind)
        .ok_or_else(|| Error::unknown("就诊类型", "claim kind", "kind", &c.kind, &KINDS))?;
    let rule = match kind {
        "inpatient" => b.inpatient.as_ref(),
        "outpatient_major" => b.outpatient_major.as_ref(),
        "student_accident" => b.student_accident.as_ref(),
        _ => b.general_outpatient.as_ref(),
    };
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
    let level = who
        .policy
        .levels
        .iter()
        .find(|l| l.id == c.level)
        .ok_or_else(|| {
            let known: Vec<&str> = who.policy.levels.iter().map(|l| l.id.as_str()).collect();
            Error::unknown("医疗机构级别", "hospital level", "level", &c.level, &known)
        })?;
    if !matches(&rule.levels, &level.id) {
        let zh = format!("“{}”在“{}”不予支付", rule.name_zh, level.name_zh);
        let en = format!("\"{}\" is not paid at \"{}\"", rule.name_en, level.name_en);
        return Err(not_covered(who, rule, zh, en, "level"));
    }
    let disease = if rule.diseases.is_empty() {
        None
    } else {
        let names: Vec<&str> = rule.diseases.iter().map(|d| d.name_zh.as_str()).collect();
        let Some(d) = &c.disease else {
            return Err(Error::new(
                ErrorKind::InvalidInput,
                format!("{}需要注明病种：{}", rule.name_zh, names.join("、")),
                format!("{} needs a disease", rule.name_en),
            )
            .field("disease"));
        };
        Some(rule.diseases.iter().find(|x| &x.id == d).ok_or_else(|| {
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
        })?)
    };
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
        kind,
        rule,
        level,
        date,
        total,
        oos,
        disease,
    })
}

pub(crate) fn benefit_year(kind: BenefitYearKind, anchor: Date, d: Date) -> (Date, Date) {
    match kind {
        BenefitYearKind::Natural => (
            Date {
                year: d.year,
                month: 1,
                day: 1,
            },
            Date {
                year: d.year,
                month: 12,
                day: 31,
            },
        ),
        BenefitYearKind::Contribution => {
            let mut k = 0u32;
            while anchor.add_months(12 * (k + 1)) <= d {
                k += 1;
            }
            (
                anchor.add_months(12 * k),
                anchor.add_months(12 * (k + 1)).pred(),
            )
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn settle<'a>(
    who: &Who,
    b: &Benefits,
    c: &In<'a>,
    anchor: Date,
    paid: Paid,
    accs: &mut Vec<(Date, Acc<'a>)>,
    pick: Pick,
    explain_it: bool,
) -> Result<Out, Error> {
    let paid_on = paid.on;
    let doc = who.doc();
    let cat = who.category.id.as_str();
    let by = who
        .policy
        .meta
        .benefit_year
        .as_ref()
        .map_or(BenefitYearKind::Natural, |x| x.kind);
    let (start, end) = benefit_year(by, anchor, c.date);
    let ai = match accs.iter().position(|(s, _)| *s == start) {
        Some(i) => i,
        None => {
            accs.push((start, Acc::default()));
            accs.len() - 1
        }
    };
    let inscp = c.total - c.oos;
    let mut steps = Vec::new();
    let mut assumptions = Vec::new();
    let mut varies = false;
    let mut note_fig = |f: &Figure, fo: &FigureOut| {
        if f.basis.is_local() {
            assumptions.push(fo.clone());
        }
    };
    let lvl = &c.level.name_zh;
    let lvl_en = &c.level.name_en;
    if explain_it {
        let dz = c
            .disease
            .map(|d| format!("（{}）", d.name_zh))
            .unwrap_or_default();
        let de = c
            .disease
            .map(|d| format!(" ({})", d.name_en))
            .unwrap_or_default();
        steps.push(step(
            "bill",
            "符合政策范围金额",
            "Policy-scope amount",
            format!(
                "{}{}·{}：医疗费总额 {} − 全自费金额 {} = 符合政策范围金额 {}",
                c.rule.name_zh, dz, lvl, c.total, c.oos, inscp
            ),
            format!(
                "{}{} · {}: total {} − out-of-scope {} = policy-scope {}",
                c.rule.name_en, de, lvl_en, c.total, c.oos, inscp
            ),
            Some(inscp),
            doc,
            &c.rule.clause,
            vec![],
        ));
        if let Some(y) = &who.policy.meta.benefit_year {
            steps.push(step(
                "benefit_year",
                "待遇年度",
                "Benefit year",
                format!("{} 至 {}。{}", start, end, y.note_zh),
                format!("{start} to {end}. {}", y.note_en),
                None,
                doc,
                &y.clause,
                vec![],
            ));
        }
    }
    // limit
    let limit = b.limit_for(&who.region.tier, cat).ok_or_else(|| {
        Error::new(
            ErrorKind::PolicyRelation,
            format!("未规定“{}”的最高支付限额", who.category.name_zh),
            format!("no annual limit for \"{}\"", who.category.name_en),
        )
        .field("person.category")
    })?;
    let lim = money(&limit.amount, pick, Fav::High);
    varies |= limit.amount.basis.is_local();
    // waiting period
    if let (Some(w), Some(p), BenefitYearKind::Contribution) = (&b.waiting_months, paid_on, by) {
        let months = explain::val(w, pick, Fav::Low);
        varies |= w.basis.is_local();
        let n: u32 = months.try_into().unwrap_or(0);
        // renewed without a break: only the first payment starts a waiting period; otherwise
        // each annual payment (the start of each contribution year) does
        let p = if paid.renewed { p } else { start.max(p) };
        let wend = p.add_months(n);
        if c.date < wend {
            if explain_it {
                let fo = fig(
                    "waiting",
                    w,
                    doc,
                    "医疗服务等待期（月）",
                    "Waiting period (months)",
                    Show::Months,
                );
                note_fig(w, &fo);
                steps.push(step(
                    "waiting",
                    "医疗服务等待期",
                    "Waiting period",
                    format!("缴费日 {p}，等待期 {} 个月{}，至 {} 止；本次 {} 在等待期内，统筹基金不支付。", n, tag_zh(w, Show::Months), wend.pred(), c.date),
                    format!("Paid {p}; waiting period {n} months{} ending {}; this claim on {} falls inside it, so the fund pays nothing.", tag_en(w, Show::Months), wend.pred(), c.date),
                    Some(inscp),
                    doc,
                    &w.clause,
                    vec![fo],
                ));
            }
            return Ok(Out {
                fund: Money::ZERO,
                dedc: Money::ZERO,
                coins: Money::ZERO,
                above: Money::ZERO,
                waiting: inscp,
                band: Money::ZERO,
                start,
                end,
                steps,
                assumptions,
                limit: lim,
                used: if b.limit_kind == LimitKind::EligibleCost {
                    accs[ai].1.cost
                } else {
                    accs[ai].1.fund
                },
                varies,
                assumed: varies,
            });
        }
    }
    // deductible
    let acc = &mut accs[ai].1;
    let dedc = match c.rule.deductible_per {
        DeductiblePer::None => Money::ZERO,
        per => {
            let k = resolve_keyed(&c.rule.deductibles, cat, &c.level.id).ok_or_else(|| {
                Error::new(
                    ErrorKind::PolicyRelation,
                    format!("未规定{}在{}的起付标准", c.rule.name_zh, lvl),
                    format!("no deductible for {} at {}", c.rule.name_en, lvl_en),
                )
                .field("level")
            })?;
            // a yearly deductible is set once a year, at the level of the year's first claim
            let year_row = acc.dedc.iter().position(|x| x.0 == c.kind);
            let (set_at, used) = match (per, year_row) {
                (DeductiblePer::Year, Some(i)) => (acc.dedc[i].1, acc.dedc[i].2),
                _ => (c.level, Money::ZERO),
            };
            let k = if set_at.id == c.level.id {
                k
            } else {
                resolve_keyed(&c.rule.deductibles, cat, &set_at.id).unwrap_or(k)
            };
            let d = money(&k.amount, pick, Fav::Low);
            varies |= k.amount.basis.is_local();
            let due = if per == DeductiblePer::Year {
                d.sub_floor(used)
            } else {
                d
            };
            let paid = inscp.min(due);
            if per == DeductiblePer::Year {
                match year_row {
                    Some(i) => acc.dedc[i].2 = used + paid,
                    None => acc.dedc.push((c.kind, c.level, paid)),
                }
            }
            if explain_it {
                let fo = fig(
                    "deductible",
                    &k.amount,
                    doc,
                    format!("起付标准（{}·{}）", c.rule.name_zh, set_at.name_zh),
                    format!("Deductible ({} · {})", c.rule.name_en, set_at.name_en),
                    Show::Yuan,
                );
                note_fig(&k.amount, &fo);
                let (pz, pe) = if per == DeductiblePer::Year {
                    (
                        format!(
                            "一个年度只设一次（按本年度首次就诊的{}确定），本年度此前已付 {used}，",
                            set_at.name_zh
                        ),
                        format!(
                            "once a year (set at the year's first visit, {}); {used} already paid this year; ",
                            set_at.name_en
                        ),
                    )
                } else {
                    (
                        "每次住院计一次，".to_string(),
                        "per admission; ".to_string(),
                    )
                };
                let nz = c.rule.deductible_note_zh.clone().unwrap_or_default();
                let ne = c.rule.deductible_note_en.clone().unwrap_or_default();
                steps.push(step(
                    "deductible",
                    "起付标准",
                    "Deductible",
                    format!(
                        "起付标准 {}{}，{}本次实际支付起付线 {}。{}",
                        d,
                        tag_zh(&k.amount, Show::Yuan),
                        pz,
                        paid,
                        nz
                    ),
                    format!(
                        "Deductible {}{}, {}this claim pays {}. {}",
                        d,
                        tag_en(&k.amount, Show::Yuan),
                        pe,
                        paid,
                        ne
                    ),
                    Some(paid),
                    k.amount.doc.as_deref().unwrap_or(doc),
                    &c.rule.deductible_clause,
                    vec![fo],
                ));
            }
            paid
        }
    };
    // built only when explaining: the hot, figures-only path skips these strings
    let lim_fig = || {
        fig(
            "limit",
            &limit.amount,
            doc,
            format!("最高支付限额（{}）", who.category.name_zh),
            format!("Annual limit ({})", who.category.name_en),
            Show::Yuan,
        )
    };
    let counts = c.rule.counts_toward_limit;
    let (counted, above_cost) = if b.limit_kind == LimitKind::EligibleCost && counts {
        let room = lim.sub_floor(acc.cost);
        let counted = inscp.min(room);
        let before = acc.cost;
        acc.cost = acc.cost + counted;
        let above = inscp.sub_floor(counted.max(dedc));
        if explain_it {
            let lim_fo = lim_fig();
            note_fig(&limit.amount, &lim_fo);
            steps.push(step(
                "limit",
                "超过最高支付限额的费用",
                "Cost above the annual limit",
                format!(
                    "最高支付限额 {}{}。{}本年度此前已计入 {}，剩余 {}；本次计入 {}，超出限额 {} 由个人负担。{}",
                    lim,
                    tag_zh(&limit.amount, Show::Yuan),
                    b.limit_note_zh,
                    before,
                    room,
                    counted,
                    above,
                    c.rule.limit_note_zh
                ),
                format!(
                    "Annual limit {}{}. {} Counted before this claim {}, room {}; counted now {}, above the limit {} (paid by you). {}",
                    lim,
                    tag_en(&limit.amount, Show::Yuan),
                    b.limit_note_en,
                    before,
                    room,
                    counted,
                    above,
                    c.rule.limit_note_en
                ),
                Some(above),
                limit.amount.doc.as_deref().unwrap_or(doc),
                &b.limit_clause,
                vec![lim_fo],
            ));
        }
        (counted, above)
    } else {
        (inscp, Money::ZERO)
    };
    // segments
    let (sched, lr) = resolve_ratios(c.rule, cat, &c.level.id).ok_or_else(|| {
        Error::new(
            ErrorKind::ClaimNotCovered,
            format!(
                "{}在{}没有规定“{}”的支付比例",
                c.rule.name_zh, lvl, who.category.name_zh
            ),
            format!(
                "no ratio for {} at {} for {}",
                c.rule.name_en, lvl_en, who.category.name_en
            ),
        )
        .field("level")
        .clause(format!("{} {}", doc, c.rule.clause))
    })?;
    let penalty = c.rule.penalties.iter().find(|p| p.level == c.level.id);
    let pts = penalty.map(|p| explain::val(&p.points, pick, Fav::Low));
    varies |= penalty.is_some_and(|p| p.points.basis.is_local());
    // segment edges are held at their assumed values in every run
    let edge = |k: usize| {
        sched
            .edges
            .get(k)
            .map(|e| money(e, Pick::Assumed, Fav::Low))
    };
    let mut edge_local = false;
    let band = counted.sub_floor(dedc);
    let mut fund_raw = Money::ZERO;
    if let (Some(p), true) = (penalty, explain_it) {
        steps.push(step(
            "penalty",
            "转诊降低补偿标准",
            "Transfer penalty",
            format!(
                "{}（下降 {}）",
                p.reason_zh,
                show(p.points.value, Show::Percent)
            ),
            format!(
                "{} (minus {} points)",
                p.reason_en,
                show(p.points.value, Show::Percent)
            ),
            None,
            doc,
            &p.points.clause,
            vec![fig(
                "penalty",
                &p.points,
                doc,
                "补偿标准下降（百分点）",
                "Penalty (percentage points)",
                Show::Percent,
            )],
        ));
    }
    for (k, rf) in lr.ratios.iter().enumerate() {
        let seg_lo = match k.checked_sub(1).and_then(edge) {
            Some(e) => e,
            None => Money::ZERO,
        };
        let seg_hi = edge(k);
        let a = dedc.max(seg_lo);
        let z = match seg_hi {
            Some(h) => counted.min(h),
            None => counted,
        };
        if z <= a {
            continue;
        }
        let part = z - a;
        let r = rate(rf, pick, Fav::High);
        varies |= rf.basis.is_local();
        edge_local |= sched.edges.get(k).is_some_and(|e| e.basis.is_local());
        let eff = match pts {
            Some(p) => r.minus_points(p),
            None => r,
        };
        let amt = part.times(eff);
        fund_raw = fund_raw + amt;
        if explain_it {
            let fo = fig(
                "ratio",
                rf,
                doc,
                format!(
                    "统筹基金支付比例（{}·{}·第{}段）",
                    c.rule.name_zh,
                    lvl,
                    k + 1
                ),
                format!(
                    "Fund ratio ({} · {} · segment {})",
                    c.rule.name_en,
                    lvl_en,
                    k + 1
                ),
                Show::Percent,
            );
            note_fig(rf, &fo);
            let mut figs = vec![fo];
            if let Some(e) = sched.edges.get(k) {
                let eo = fig(
                    "edge",
                    e,
                    doc,
                    format!("分段界点 {}", k + 1),
                    format!("Segment edge {}", k + 1),
                    Show::Yuan,
                );
                note_fig(e, &eo);
                figs.push(eo);
            }
            let (pz, pe) = match pts {
                Some(p) => (
                    format!(" − {} = {}", show(p, Show::Percent), eff),
                    format!(" − {} = {}", show(p, Show::Percent), eff),
                ),
                None => (String::new(), String::new()),
            };
            steps.push(step(
                format!("segment_{}", k + 1),
                &format!("第{}段", k + 1),
                &format!("Segment {}", k + 1),
                format!(
                    "本段费用 {a} 至 {z}：{} × {}{}{} = {}",
                    part,
                    r,
                    tag_zh(rf, Show::Percent),
                    pz,
                    amt
                ),
                format!(
                    "Cost from {a} to {z}: {} × {}{}{} = {}",
                    part,
                    r,
                    tag_en(rf, Show::Percent),
                    pe,
                    amt
                ),
                Some(amt),
                doc,
                &rf.clause,
                figs,
            ));
        }
    }
    // fund-payment limit
    let (fund, above_fund) = if b.limit_kind == LimitKind::FundPayment && counts {
        let room = lim.sub_floor(acc.fund);
        let fund = fund_raw.min(room);
        if explain_it {
            let lim_fo = lim_fig();
            note_fig(&limit.amount, &lim_fo);
            steps.push(step(
                "limit",
                "年度最高补偿额内的补偿",
                "Compensation within the annual maximum",
                format!("年度最高补偿额 {}{}。{}本年度此前已补偿 {}，剩余 {}；本次按比例应补偿 {}，实际补偿 {}，超出部分 {} 由个人负担。", lim, tag_zh(&limit.amount, Show::Yuan), b.limit_note_zh, acc.fund, room, fund_raw, fund, fund_raw - fund),
                format!("Annual maximum {}{}. {} Paid before this claim {}, room {}; due at the ratios {}, paid {}, excess {} borne by you.", lim, tag_en(&limit.amount, Show::Yuan), b.limit_note_en, acc.fund, room, fund_raw, fund, fund_raw - fund),
                Some(fund),
                limit.amount.doc.as_deref().unwrap_or(doc),
                &b.limit_clause,
                vec![lim_fo],
            ));
        }
        (fund, fund_raw - fund)
    } else {
        (fund_raw, Money::ZERO)
    };
    acc.fund = acc.fund + fund;
    let psn = c.total - fund;
    let above = above_cost + above_fund;
    let coins = psn - c.oos - dedc - above;
    if explain_it {
        steps.push(step(
            "result",
            "统筹基金支付与个人负担",
            "Fund pays / you pay",
            format!(
                "统筹基金支付 {}（统筹基金支付比例 {}）；个人负担 {} = 全自费 {} + 起付线 {} + 比例自付 {} + 超限额 {}",
                fund,
                Rate::effective(fund, band),
                psn,
                c.oos,
                dedc,
                coins,
                above
            ),
            format!("Fund pays {} (effective ratio {}); you pay {} = out-of-scope {} + deductible {} + co-payment {} + above limit {}", fund, Rate::effective(fund, band), psn, c.oos, dedc, coins, above),
            Some(psn),
            doc,
            &b.clause,
            vec![],
        ));
    }
    let used = if b.limit_kind == LimitKind::EligibleCost {
        acc.cost
    } else {
        acc.fund
    };
    Ok(Out {
        fund,
        dedc,
        coins,
        above,
        waiting: Money::ZERO,
        band,
        start,
        end,
        steps,
        assumptions,
        limit: lim,
        used,
        varies,
        assumed: varies || edge_local,
    })
}

/// Claims parsed, checked and in settlement order, with the benefit-year anchor.
struct Prepared<'a> {
    b: &'a Benefits,
    ins: Vec<In<'a>>,
    by: BenefitYearKind,
    paid_on: Option<Date>,
    /// Whether the resident renewed each year without a break (`None`: not said, taken as yes).
    renewed: Option<bool>,
    anchor: Date,
}

/// The contribution as a settlement sees it: the first payment date, and whether later annual
/// payments continued without a break (then they start no new waiting period).
#[derive(Clone, Copy)]
struct Paid {
    on: Option<Date>,
    renewed: bool,
}

/// Parses and checks a year's claims (`claims`, with the contribution date `paid_on`): the
/// common first half of [`year`], [`figures`] and [`curve`].
fn prepare<'a>(
    who: &'a Who,
    paid_on: Option<&str>,
    renewed: Option<bool>,
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
    let paid_on = match paid_on {
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
        renewed,
        anchor,
    })
}

/// One settlement run: the settled claims and the benefit-year accumulators.
type Run<'a> = (Vec<Out>, Vec<(Date, Acc<'a>)>);

/// Settles prepared claims in order under one pick.
fn run<'a>(who: &Who, p: &Prepared<'a>, pick: Pick, explain_it: bool) -> Result<Run<'a>, Error> {
    let mut accs: Vec<(Date, Acc)> = Vec::new();
    let mut outs = Vec::with_capacity(p.ins.len());
    let paid = Paid {
        on: p.paid_on,
        renewed: p.renewed.unwrap_or(true),
    };
    for c in &p.ins {
        outs.push(
            settle(who, p.b, c, p.anchor, paid, &mut accs, pick, explain_it)
                .map_err(|e| e.within(&format!("claims[{}]", c.idx)))?,
        );
    }
    Ok((outs, accs))
}

/// A year's totals from its claims (`ins`) and one run's settlements of them (`outs`).
fn totals(ins: &[In], outs: &[Out]) -> Totals {
    let sum = |f: &dyn Fn(&Out, &In) -> Money| -> Money {
        ins.iter().zip(outs).map(|(c, o)| f(o, c)).sum()
    };
    Totals {
        medfee_sumamt: sum(&|_, c| c.total).plain(),
        fulamt_ownpay_amt: sum(&|_, c| c.oos).plain(),
        inscp_scp_amt: sum(&|_, c| c.total - c.oos).plain(),
        act_pay_dedc: sum(&|o, _| o.dedc).plain(),
        hifp_pay: sum(&|o, _| o.fund).plain(),
        psn_part_amt: sum(&|o, c| c.total - o.fund).plain(),
        fund_pay_sumamt: sum(&|o, _| o.fund).plain(),
        coinsurance_amt: sum(&|o, _| o.coins).plain(),
        above_limit_amt: sum(&|o, _| o.above).plain(),
        waiting_amt: sum(&|o, _| o.waiting).plain(),
        hifmi_pay: Money::ZERO.plain(),
        maf_pay: Money::ZERO.plain(),
    }
}

/// One claim's figures from its settlement.
fn figures_of(c: &In, o: &Out) -> ClaimFigures {
    ClaimFigures {
        medfee_sumamt: c.total.plain(),
        fulamt_ownpay_amt: c.oos.plain(),
        inscp_scp_amt: (c.total - c.oos).plain(),
        act_pay_dedc: o.dedc.plain(),
        hifp_pay: o.fund.plain(),
        psn_part_amt: (c.total - o.fund).plain(),
        coinsurance_amt: o.coins.plain(),
        above_limit_amt: o.above.plain(),
        waiting_amt: (!o.waiting.is_zero()).then(|| o.waiting.plain()),
        limit: o.limit.plain(),
        limit_used: o.used.plain(),
        assumed: o.assumed,
        hifmi_pay: Money::ZERO.plain(),
        maf_pay: Money::ZERO.plain(),
    }
}

/// Claims settled with the assumed values only: one run, no ranges or steps.
fn settle_assumed<'a>(
    who: &'a Who,
    paid_on: Option<&str>,
    renewed: Option<bool>,
    claims: &[ClaimInput],
) -> Result<(Prepared<'a>, Vec<Out>), Error> {
    let prep = prepare(who, paid_on, renewed, claims)?;
    let (outs, _) = run(who, &prep, Pick::Assumed, false)?;
    Ok((prep, outs))
}

/// One claim's figures: [`year`]'s assumed figures for a year of one claim.
pub(crate) fn claim_figures(
    who: &Who,
    paid_on: Option<&str>,
    renewed: Option<bool>,
    claim: &ClaimInput,
) -> Result<ClaimFigures, Error> {
    let (prep, outs) = settle_assumed(who, paid_on, renewed, std::slice::from_ref(claim))
        .map_err(Error::as_single_claim)?;
    match (prep.ins.first(), outs.first()) {
        (Some(c), Some(o)) => Ok(figures_of(c, o)),
        _ => Err(Error::new(ErrorKind::InvalidInput, "没有结果", "no result").field("claim")),
    }
}

/// A year's figures: [`year`]'s assumed figures and totals.
pub(crate) fn year_figures(
    who: &Who,
    paid_on: Option<&str>,
    renewed: Option<bool>,
    claims: &[ClaimInput],
) -> Result<YearFigures, Error> {
    let (prep, outs) = settle_assumed(who, paid_on, renewed, claims)?;
    Ok(YearFigures {
        claims: prep
            .ins
            .iter()
            .zip(&outs)
            .map(|(c, o)| figures_of(c, o))
            .collect(),
        order: prep.ins.iter().map(|c| c.idx).collect(),
        totals: totals(&prep.ins, &outs),
        assumed: outs.iter().any(|o| o.assumed),
    })
}

/// The notices of a year's answer: what was assumed for a missing contribution date or renewal,
/// segment edges held at their assumed values, and the policy's notices shown with claims.
fn year_notices(who: &Who, prep: &Prepared, outs: &[Out]) -> Vec<NoticeOut> {
    let doc = who.doc();
    let (b, anchor) = (prep.b, prep.anchor);
    let by_clause = || {
        who.policy
            .meta
            .benefit_year
            .as_ref()
            .map(|y| y.clause.clone())
            .unwrap_or_default()
    };
    let mut notices = Vec::new();
    if prep.paid_on.is_none() && prep.by == BenefitYearKind::Contribution {
        notices.push(explain::note(
            "info",
            format!("未提供缴费日期：待遇年度从第一笔费用的日期 {anchor} 起算，并按等待期已过计算。"),
            format!("No contribution date given: the benefit year starts at the first claim ({anchor}) and the waiting period is taken as served."),
            doc,
            &by_clause(),
        ));
    }
    // a claim in a later contribution year: whether that year's payment starts a waiting period
    // depends on the renewal, which the request did not state
    if let (Some(w), Some(_), None, BenefitYearKind::Contribution) =
        (&b.waiting_months, prep.paid_on, prep.renewed, prep.by)
    {
        if let Some(o) = outs.iter().find(|o| o.start > anchor) {
            notices.push(explain::note(
                "info",
                format!("未说明是否连续参保：按连续缴费计算，{} 起的年度不再设等待期。", o.start),
                format!("Renewal not stated: taken as unbroken, so the year from {} starts no new waiting period.", o.start),
                doc,
                &w.clause,
            ));
        }
    }
    if prep.ins.iter().any(|c| {
        c.rule
            .schedules
            .iter()
            .any(|s| s.edges.iter().any(|e| e.basis.is_local()))
    }) {
        notices.push(explain::note(
            "info",
            "费用分段的界点按假设值计算；区间（最低—最高）只随起付标准、支付比例、限额和等待期变动。".into(),
            "Segment edges are held at their assumed values; the low–high ranges vary deductibles, ratios, limits and waiting periods.".into(),
            doc,
            &b.clause,
        ));
    }
    notices.extend(explain::notices_for(
        &who.policy.notices,
        &|s| who.has(s),
        doc,
        true,
    ));
    notices
}

pub(crate) fn year(
    who: &Who,
    paid_on: Option<&str>,
    renewed: Option<bool>,
    claims: &[ClaimInput],
    explain_it: bool,
) -> Result<YearResult, Error> {
    let doc = who.doc();
    let prep = prepare(who, paid_on, renewed, claims)?;
    let Prepared { b, by, .. } = prep;
    let ins = &prep.ins;
    // one run per pick; when no figure that depends on the pick entered the assumed run, the
    // best and worst runs would repeat it exactly, so its figures stand for all three
    let first = run(who, &prep, Pick::Assumed, explain_it)?;
    let varies = first.0.iter().any(|o| o.varies);
    let mut runs: Vec<Run> = vec![first];
    if varies {
        for pick in [Pick::Best, Pick::Worst] {
            runs.push(run(who, &prep, pick, false)?);
        }
    }
    let notices = year_notices(who, &prep, &runs[0].0);
    let mut claims = Vec::with_capacity(ins.len());
    let mut taken: Vec<(Vec<Step>, Vec<FigureOut>)> = runs[0]
        .0
        .iter_mut()
        .map(|o| {
            (
                std::mem::take(&mut o.steps),
                std::mem::take(&mut o.assumptions),
            )
        })
        .collect();
    for (j, c) in ins.iter().enumerate() {
        let o = &runs[0].0[j];
        let (steps, assumptions) = std::mem::take(&mut taken[j]);
        let mut funds = [Money::ZERO; 3];
        let mut psns = [Money::ZERO; 3];
        for (k, r) in runs.iter().enumerate() {
            funds[k] = r.0[j].fund;
            psns[k] = c.total - r.0[j].fund;
        }
        let n = runs.len();
        let (funds, psns) = (&funds[..n], &psns[..n]);
        claims.push(ClaimResult {
            kind: c.kind.into(),
            kind_zh: c.rule.name_zh.clone(),
            kind_en: c.rule.name_en.clone(),
            level: c.level.id.clone(),
            level_zh: c.level.name_zh.clone(),
            level_en: c.level.name_en.clone(),
            date: c.date.to_string(),
            benefit_year_start: o.start.to_string(),
            benefit_year_end: o.end.to_string(),
            medfee_sumamt: c.total.plain(),
            fulamt_ownpay_amt: c.oos.plain(),
            inscp_scp_amt: (c.total - c.oos).plain(),
            act_pay_dedc: o.dedc.plain(),
            hifp_pay: o.fund.plain(),
            pool_prop_selfpay: Rate::effective(o.fund, o.band).plain(),
            psn_part_amt: (c.total - o.fund).plain(),
            fund_pay_sumamt: o.fund.plain(),
            coinsurance_amt: o.coins.plain(),
            above_limit_amt: o.above.plain(),
            waiting_amt: o.waiting.plain(),
            limit_kind: b.limit_kind.id().into(),
            limit: o.limit.plain(),
            limit_used: o.used.plain(),
            ranges: ClaimRanges {
                hifp_pay: range_of(funds),
                psn_part_amt: range_of(psns),
                hifmi_pay: range_of(&[]),
                maf_pay: range_of(&[]),
            },
            steps,
            notices: vec![],
            assumptions,
            hifmi_pay: Money::ZERO.plain(),
            maf_pay: Money::ZERO.plain(),
        });
    }
    let sum = |f: &dyn Fn(&Out, &In) -> Money, run: usize| -> Money {
        ins.iter()
            .enumerate()
            .map(|(j, c)| f(&runs[run].0[j], c))
            .sum()
    };
    let totals = totals(ins, &runs[0].0);
    let funds: Vec<Money> = (0..runs.len()).map(|r| sum(&|o, _| o.fund, r)).collect();
    let psns: Vec<Money> = (0..runs.len())
        .map(|r| sum(&|o, c| c.total - o.fund, r))
        .collect();
    let limits = runs[0]
        .1
        .iter()
        .map(|(s, acc)| {
            let limit = b.limit_for(&who.region.tier, &who.category.id);
            let lim = limit.map_or(Money::ZERO, |l| money(&l.amount, Pick::Assumed, Fav::High));
            let used = if b.limit_kind == LimitKind::EligibleCost {
                acc.cost
            } else {
                acc.fund
            };
            let end = match by {
                BenefitYearKind::Natural => Date {
                    year: s.year,
                    month: 12,
                    day: 31,
                },
                BenefitYearKind::Contribution => s.add_months(12).pred(),
            };
            LimitUse {
                benefit_year_start: s.to_string(),
                benefit_year_end: end.to_string(),
                limit_kind: b.limit_kind.id().into(),
                limit: lim.plain(),
                used: used.plain(),
                remaining: lim.sub_floor(used).plain(),
                doc: doc.to_string(),
                clause: b.limit_clause.clone(),
            }
        })
        .collect();
    Ok(YearResult {
        claims,
        order: ins.iter().map(|c| c.idx).collect(),
        totals,
        limits,
        ranges: ClaimRanges {
            hifp_pay: range_of(&funds),
            psn_part_amt: range_of(&psns),
            hifmi_pay: range_of(&[]),
            maf_pay: range_of(&[]),
        },
        notices,
        layers: Vec::new(),
    })
}

/// The resident's share at many bill sizes, assumed values only, one fresh benefit year each.
pub(crate) fn curve(who: &Who, r: &CurveRequest) -> Result<CurveResult, Error> {
    if r.totals.len() > MAX_CLAIMS {
        return Err(Error::new(
            ErrorKind::TooManyClaims,
            format!("最多 {MAX_CLAIMS} 个点，收到 {} 个", r.totals.len()),
            format!("at most {MAX_CLAIMS} points, got {}", r.totals.len()),
        )
        .field("totals"));
    }
    let totals = r
        .totals
        .iter()
        .enumerate()
        .map(|(i, t)| Money::parse(&format!("totals[{i}]"), t))
        .collect::<Result<Vec<_>, _>>()?;
    // the claim's own total is replaced by each point: parse it with a total that holds its
    // out-of-scope part
    let mut base = r.claim.clone();
    base.medfee_sumamt = base
        .fulamt_ownpay_amt
        .clone()
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| "0".into());
    // each point is a fresh first benefit year: renewal does not arise
    let mut prep = prepare(who, r.paid_on.as_deref(), None, std::slice::from_ref(&base))
        .map_err(Error::as_single_claim)?;
    let base_oos = prep.ins[0].oos;
    let at = |prep: &mut Prepared, t: Money| -> Result<Out, Error> {
        prep.ins[0].total = t;
        prep.ins[0].oos = base_oos.min(t);
        let (mut outs, _) = run(who, prep, Pick::Assumed, false)?;
        Ok(outs.remove(0))
    };
    let mut points = Vec::with_capacity(totals.len());
    let mut biting: Option<Money> = None;
    for t in &totals {
        let o = at(&mut prep, *t)?;
        if !o.above.is_zero() && biting.is_none_or(|b| *t < b) {
            biting = Some(*t);
        }
        points.push(CurvePoint {
            medfee_sumamt: t.plain(),
            hifp_pay: o.fund.plain(),
            psn_part_amt: (*t - o.fund).plain(),
            act_pay_dedc: o.dedc.plain(),
            above_limit_amt: o.above.plain(),
            hifmi_pay: Money::ZERO.plain(),
            maf_pay: Money::ZERO.plain(),
            layer_base: o.dedc + o.coins + o.above,
        });
    }
    // bisection on whole yuan for where the limit starts to bite
    let limit_from = match biting {
        Some(hi) => {
            let (mut lo, mut hi) = (Decimal::ZERO, hi.decimal().ceil());
            while hi - lo > Decimal::ONE {
                let mid = ((lo + hi) / Decimal::TWO).floor();
                if at(&mut prep, Money::from_decimal(mid))?.above.is_zero() {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            Some(Money::from_decimal(hi).plain())
        }
        None => None,
    };
    let c = &prep.ins[0];
    let cat = who.category.id.as_str();
    let deductible = match c.rule.deductible_per {
        DeductiblePer::None => Money::ZERO,
        _ => resolve_keyed(&c.rule.deductibles, cat, &c.level.id)
            .map_or(Money::ZERO, |k| money(&k.amount, Pick::Assumed, Fav::Low)),
    };
    let edges = resolve_ratios(c.rule, cat, &c.level.id)
        .map(|(s, _)| {
            s.edges
                .iter()
                .map(|e| money(e, Pick::Assumed, Fav::Low).plain())
                .collect()
        })
        .unwrap_or_default();
    let limit = prep.b.limit_for(&who.region.tier, cat);
    Ok(CurveResult {
        points,
        limit_from,
        deductible: deductible.plain(),
        edges,
        limit_kind: prep.b.limit_kind.id().into(),
        limit: limit
            .map_or(Money::ZERO, |l| money(&l.amount, Pick::Assumed, Fav::High))
            .plain(),
    })
}
