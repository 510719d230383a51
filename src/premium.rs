//! Premium: the contribution standard, the resident's own payment, the subsidy by payer, and any
//! part of the standard that the document assigns to no one.
//!
//! Rules (see ARCHITECTURE.md § Premium):
//! 1. The person's classes are the general class of their category plus every hardship class a
//!    status qualifies them for; one class applies — the one with the largest total (就高不就低;
//!    a hardship class wins a tie).
//! 2. A class total is the sum of its fixed lines; with `total_pct_of_standard` it is that share of
//!    the standard; with a `rest` line and no percentage it is standard − individual share. The
//!    `rest` payer covers total − fixed lines.
//!    A hardship class never totals less than the general class (the resident would keep the
//!    general one), e.g. an optional class whose share is assumed 0–100%.
//! 3. The resident pays the general individual share less what the applied class gives above the
//!    general class (never below zero); `extras` (employer, aid) then pay a share of that. The
//!    worst end of the range also takes the other reading, standard − class total, when it is
//!    higher (a document that states only the subsidy leaves both open).
//! 4. unassigned = standard − resident's share before extras − class total. A negative value means
//!    the figures over-fund the standard; it is reported as a discrepancy, not hidden.

use crate::api::*;
use crate::error::{Error, ErrorKind};
use crate::explain::{
    self, fig, money, range_of, rate, step, tag_en, tag_zh, Fav, Pick, Show, PICKS,
};
use crate::money::Money;
use crate::policy::model::*;
use crate::timeline::{fig_in, period_out, YearBlock};
use crate::who::Who;

struct ClassCalc<'a> {
    class: &'a SubsidyClass,
    total: Money,
    lines: Vec<(Payer, Money, &'a PayerLine)>,
    pct_total: Option<Money>,
}

struct Calc<'a> {
    standard: Money,
    base_individual: Money,
    classes: Vec<ClassCalc<'a>>,
    applied: usize,
    general: usize,
    extra_from_class: Money,
    after_class: Money,
    extras: Vec<(&'a Extra, Money)>,
    individual: Money,
    unassigned: Money,
    over: Money,
}

/// A class's total and payer lines; `floor` is the least total it gives (the general class's
/// total, for a hardship class).
fn class_calc<'a>(
    c: &'a SubsidyClass,
    s: Money,
    i0: Money,
    pick: Pick,
    floor: Money,
) -> ClassCalc<'a> {
    let fixed: Money = c
        .lines
        .iter()
        .filter_map(|l| l.amount.as_ref())
        .map(|f| money(f, pick, Fav::High))
        .sum();
    let has_rest = c.lines.iter().any(|l| l.rest);
    let (total, pct_total) = if let Some(p) = &c.total_pct_of_standard {
        let t = s.times(rate(p, pick, Fav::High));
        (t.max(fixed), Some(t))
    } else if has_rest {
        (s.sub_floor(i0).max(fixed), None)
    } else {
        (fixed, None)
    };
    let total = if has_rest { total.max(floor) } else { total };
    let rest = total.sub_floor(fixed);
    let lines = c
        .lines
        .iter()
        .map(|l| match &l.amount {
            Some(f) => (l.payer, money(f, pick, Fav::High), l),
            None => (l.payer, rest, l),
        })
        .collect();
    ClassCalc {
        class: c,
        total,
        lines,
        pct_total,
    }
}

fn calc<'a>(
    who: &Who,
    pr: &'a Premium,
    std: &Standard,
    pick: Pick,
    force: Option<&str>,
) -> Result<Calc<'a>, Error> {
    let s = money(&std.standard, pick, Fav::Low);
    let i0 = money(&std.individual, pick, Fav::Low).min(s);
    let cat = who.category.id.as_str();
    let general_total = pr
        .classes
        .iter()
        .find(|c| c.statuses_any.is_empty() && matches(&c.categories, cat))
        .map_or(Money::ZERO, |c| {
            class_calc(c, s, i0, pick, Money::ZERO).total
        });
    let mut classes: Vec<ClassCalc> = pr
        .classes
        .iter()
        .filter(|c| matches(&c.categories, cat))
        .filter(|c| c.statuses_any.is_empty() || c.statuses_any.iter().any(|x| who.has(x)))
        .map(|c| {
            let floor = if c.statuses_any.is_empty() {
                Money::ZERO
            } else {
                general_total
            };
            class_calc(c, s, i0, pick, floor)
        })
        .collect();
    // highest total first; a hardship class before the general one on a tie
    classes.sort_by(|a, b| {
        b.total.cmp(&a.total).then(
            a.class
                .statuses_any
                .is_empty()
                .cmp(&b.class.statuses_any.is_empty()),
        )
    });
    let general = classes
        .iter()
        .position(|c| c.class.statuses_any.is_empty())
        .ok_or_else(|| {
            Error::new(
                ErrorKind::PolicyRelation,
                format!("方案没有适用于“{}”的普通补助类", who.category.name_zh),
                format!("no general class for \"{}\"", who.category.name_en),
            )
            .field("premium.classes")
        })?;
    let applied = force
        .and_then(|id| classes.iter().position(|c| c.class.id == id))
        .unwrap_or(0);
    let extra_from_class = classes[applied].total.sub_floor(classes[general].total);
    let mut after_class = i0.sub_floor(extra_from_class);
    if pick == Pick::Worst && applied != general {
        // the other reading of a hardship class: the resident pays what the subsidy leaves
        after_class = after_class.max(s.sub_floor(classes[applied].total));
    }
    let mut extras = Vec::new();
    let mut left = after_class;
    for e in &pr.extras {
        if e.statuses_any.iter().any(|x| who.has(x)) {
            let amt = after_class
                .times(rate(&e.share_of_individual, pick, Fav::High))
                .min(left);
            left = left.sub_floor(amt);
            extras.push((e, amt));
        }
    }
    let funded = after_class + classes[applied].total;
    let (unassigned, over) = if funded <= s {
        (s - funded, Money::ZERO)
    } else {
        (Money::ZERO, funded - s)
    };
    Ok(Calc {
        standard: s,
        base_individual: i0,
        classes,
        applied,
        general,
        extra_from_class,
        after_class,
        extras,
        individual: left,
        unassigned,
        over,
    })
}

fn standard_for<'a>(who: &Who, pr: &'a Premium) -> Result<&'a Standard, Error> {
    pr.standards
        .iter()
        .find(|s| s.tier == who.region.tier && s.category == who.category.id)
        .ok_or_else(|| {
            Error::new(
                ErrorKind::UnknownId,
                format!(
                    "“{}”没有规定“{}”的缴费标准",
                    who.region.name_zh, who.category.name_zh
                ),
                format!(
                    "no contribution standard for \"{}\" in \"{}\"",
                    who.category.name_en, who.region.name_en
                ),
            )
            .field("person.category")
        })
}

/// What the explanation stages read: the person, the year's block, and the three runs.
struct Cx<'a> {
    who: &'a Who<'a>,
    b: &'a YearBlock<'a>,
    doc: String,
    pr: &'a Premium,
    std: &'a Standard,
    calcs: &'a [Calc<'a>],
    eligibility: &'a EligibilityResult,
}

/// What they write: steps, notices, local figures and payer lines, in order.
#[derive(Default)]
struct Out {
    steps: Vec<Step>,
    notices: Vec<NoticeOut>,
    assumptions: Vec<FigureOut>,
    payers: Vec<PayerAmount>,
}

pub(crate) fn premium(
    who: &Who,
    b: &YearBlock,
    known: Vec<YearOut>,
    eligibility: EligibilityResult,
) -> Result<PremiumResult, Error> {
    let pr = b.premium;
    let std = standard_for(who, pr).map_err(|e| missing_standard(e, b))?;
    let calcs = picks(who, pr, std)?;

    let cx = Cx {
        who,
        b,
        doc: b.doc().to_string(),
        pr,
        std,
        calcs: &calcs,
        eligibility: &eligibility,
    };
    let mut out = Out::default();
    for f in [
        explain_standard,
        explain_class,
        explain_payers,
        explain_reduction,
        explain_topup,
        explain_extras,
        explain_rest,
    ] {
        f(&cx, &mut out);
    }
    let Out {
        mut steps,
        mut notices,
        mut assumptions,
        payers,
    } = out;
    let doc = cx.doc;
    let a = &calcs[0];
    let applied = &a.classes[a.applied];
    let addons = addons(who, b, &mut steps, &mut assumptions, a.individual);
    let with_addons = addons
        .iter()
        .fold(a.individual, |t, x| t + Money::from_decimal(x.1));
    // the low end: the lowest individual share with each add-on at its lowest
    let lows: Money = addons.iter().map(|x| Money::from_decimal(x.2)).sum();
    let highs: Money = addons.iter().map(|x| Money::from_decimal(x.1)).sum();
    if let Some((layer, n)) = b.national {
        // the year's own figures' sources, to tell a check from a figure compared with itself
        let src = |f: Option<&Figure>| {
            f.and_then(|f| f.source.as_deref())
                .and_then(|id| b.file.source(id))
        };
        let sub = applied.class.lines.iter().find_map(|l| l.amount.as_ref());
        steps.push(national_step(
            b,
            layer,
            n,
            (a.standard - a.base_individual, src(sub)),
            (a.base_individual, src(Some(&std.individual))),
        ));
    }
    notices.extend(year_notices(b));
    let pick = |f: fn(&Calc) -> Money| -> Vec<Money> { calcs.iter().map(f).collect() };
    let period = period_out(b, known);
    let sources = sources_cited(&steps, &assumptions, &period);
    Ok(PremiumResult {
        scheme: who.policy.meta.id.clone(),
        region: who.region.id.clone(),
        category: who.category.id.clone(),
        tier: who.region.tier.clone(),
        standard: a.standard.plain(),
        individual: a.individual.plain(),
        subsidy_class: Ref {
            id: applied.class.id.clone(),
            name_zh: applied.class.name_zh.clone(),
            name_en: applied.class.name_en.clone(),
            doc: doc.clone(),
            clause: applied.class.clause.clone(),
        },
        qualifying_classes: a.classes.iter().map(|c| c.class.id.clone()).collect(),
        payers,
        subsidy_total: applied.total.plain(),
        unassigned: a.unassigned.plain(),
        ranges: PremiumRanges {
            standard: range_of(&pick(|c| c.standard)),
            individual: range_of(&pick(|c| c.individual)),
            subsidy_total: range_of(&pick(|c| c.classes[c.applied].total)),
            individual_with_addons: range_of(
                &calcs
                    .iter()
                    .flat_map(|c| [c.individual + lows, c.individual + highs])
                    .collect::<Vec<_>>(),
            ),
        },
        payment_options: pr
            .payment_options
            .iter()
            .map(|o| explain::note("info", o.zh.clone(), o.en.clone(), &doc, &o.clause))
            .collect(),
        notices,
        eligibility,
        steps,
        assumptions,
        period,
        addons: addons.into_iter().map(|x| x.0).collect(),
        individual_with_addons: with_addons.plain(),
        sources,
        hardship_classes: Vec::new(),
    })
}

/// What the person pays in the year and its range, without the explanation: the three picks of
/// [`premium`]'s arithmetic only (the hardship-class table asks this once per class).
pub(crate) fn individual_only(who: &Who, b: &YearBlock) -> Result<(String, Range), Error> {
    let std = standard_for(who, b.premium).map_err(|e| missing_standard(e, b))?;
    let calcs = picks(who, b.premium, std)?;
    let values: Vec<Money> = calcs.iter().map(|c| c.individual).collect();
    Ok((values[0].plain(), range_of(&values)))
}

/// The arithmetic at the three picks: the assumed values first, then best and worst with the
/// class the assumed run applied.
fn picks<'a>(who: &Who, pr: &'a Premium, std: &Standard) -> Result<Vec<Calc<'a>>, Error> {
    let first = calc(who, pr, std, Pick::Assumed, None)?;
    let applied_id = first.classes[first.applied].class.id.clone();
    let mut calcs = vec![first];
    for p in &PICKS[1..] {
        calcs.push(calc(who, pr, std, *p, Some(&applied_id))?);
    }
    Ok(calcs)
}

/// A coverage year's block lacks the person's category: say so as a year without figures.
fn missing_standard(e: Error, b: &YearBlock) -> Error {
    match b.row {
        None => e,
        Some(r) => Error::new(
            ErrorKind::YearNotSourced,
            format!("医保年度 {}：{}（{}）", r.year, e.message_zh, b.doc()),
            format!("coverage year {}: {} ({})", r.year, e.message_en, b.doc()),
        )
        .field("person.category")
        .clause(b.doc()),
    }
}

/// The add-ons (长期护理保险) of the block: a step and a figure each, paid on top of the premium.
/// The add-ons (长期护理保险): each with its step, its amount and its lowest amount for this
/// person (0 when the sources do not say whether a fully aided resident's add-on is aided too).
fn addons(
    who: &Who,
    b: &YearBlock,
    steps: &mut Vec<Step>,
    assumptions: &mut Vec<FigureOut>,
    individual: Money,
) -> Vec<(AddonOut, rust_decimal::Decimal, rust_decimal::Decimal)> {
    let mut out = Vec::new();
    for ad in &b.premium.addons {
        let unclear = ad
            .unclear_for
            .as_ref()
            .filter(|u| u.statuses_any.iter().any(|s| who.has(s)));
        // for them, the amount is a labelled assumption from 0 (aided) to the amount (paid)
        let amount = match unclear {
            Some(u) => Figure {
                basis: Basis::Assumed,
                min: Some(rust_decimal::Decimal::ZERO),
                max: Some(ad.amount.value),
                note_zh: Some(u.note_zh.clone()),
                note_en: Some(u.note_en.clone()),
                ..ad.amount.clone()
            },
            None => ad.amount.clone(),
        };
        let f = fig_in(
            "addon",
            &amount,
            b.file,
            ad.name_zh.clone(),
            ad.name_en.clone(),
            Show::Yuan,
        );
        if amount.basis.is_local() {
            assumptions.push(f.clone());
        }
        let amt = Money::from_decimal(ad.amount.value);
        steps.push(step(
            format!("addon_{}", ad.id),
            &ad.name_zh,
            &ad.name_en,
            format!(
                "{}：另缴 {}{}，与基本医保费同时缴纳；合计 {} + {} = {}{}",
                ad.where_zh,
                amt,
                tag_zh(&amount, Show::Yuan),
                individual,
                amt,
                individual + amt,
                unclear.map_or(String::new(), |u| format!("。{}", u.note_zh))
            ),
            format!(
                "{}: {} more{}, collected with the premium; {} + {} = {}{}",
                ad.where_en,
                amt,
                tag_en(&amount, Show::Yuan),
                individual,
                amt,
                individual + amt,
                unclear.map_or(String::new(), |u| format!(". {}", u.note_en))
            ),
            Some(amt),
            b.doc_of(&ad.amount),
            &ad.amount.clause,
            vec![f.clone()],
        ));
        out.push((
            AddonOut {
                id: ad.id.clone(),
                name_zh: ad.name_zh.clone(),
                name_en: ad.name_en.clone(),
                amount: amt.plain(),
                where_zh: ad.where_zh.clone(),
                where_en: ad.where_en.clone(),
                figure: f,
            },
            ad.amount.value,
            if unclear.is_some() {
                rust_decimal::Decimal::ZERO
            } else {
                ad.amount.value
            },
        ));
    }
    out
}

/// The year's national minimums (国家医保局等 annual notice) against this block.
fn national_step(
    b: &YearBlock,
    layer: &Policy,
    n: &NationalYear,
    (subsidy, sub_src): (Money, Option<&Source>),
    (individual, ind_src): (Money, Option<&Source>),
) -> Step {
    let floor = Money::from_decimal(n.subsidy.value);
    // the year's figure rests on the national notice itself: equal by construction, not checked
    let itself = |own: Option<&Source>, national: &Figure| {
        let theirs = national.source.as_deref().and_then(|id| layer.source(id));
        own.zip(theirs)
            .is_some_and(|(x, y)| x.url == y.url || x.doc == y.doc)
    };
    let ok = |x: bool, same: bool| {
        match (same, x) {
        (true, _) => (
            "即取自这一国家标准，本地自己的数额未找到，不是核对结果",
            "taken from this national standard itself; the local figure was not found, so this is no check",
        ),
        (false, true) => ("相符", "consistent"),
        (false, false) => ("低于国家标准", "below the national standard"),
    }
    };
    let (sz, se) = ok(subsidy >= floor, itself(sub_src, &n.subsidy));
    let mut zh = format!(
        "医保年度 {} 国家标准：人均财政补助不低于 {}；本年度财政补助 {}（{}）",
        b.year, floor, subsidy, sz
    );
    let mut en = format!(
        "National standard for coverage year {}: fiscal subsidy at least {}; here {} ({})",
        b.year, floor, subsidy, se
    );
    let mut figs = vec![fig_in(
        "national_subsidy",
        &n.subsidy,
        layer,
        "国家人均财政补助标准",
        "National per-capita fiscal subsidy",
        Show::Yuan,
    )];
    match &n.individual {
        Some(f) => {
            let (iz, ie) = ok(
                individual >= Money::from_decimal(f.value),
                itself(ind_src, f),
            );
            zh.push_str(&format!(
                "；个人缴费标准 {}，本年度 {}（{}）。",
                Money::from_decimal(f.value),
                individual,
                iz
            ));
            en.push_str(&format!(
                "; individual standard {}, here {} ({}).",
                Money::from_decimal(f.value),
                individual,
                ie
            ));
            figs.push(fig_in(
                "national_individual",
                f,
                layer,
                "国家个人缴费标准",
                "National individual contribution",
                Show::Yuan,
            ));
        }
        None => {
            zh.push_str("；国家个人缴费标准：未找到该年度通知。");
            en.push_str("; national individual standard: no notice found for this year.");
        }
    }
    let clause = n.subsidy.clause.clone();
    let doc = figs[0].doc.clone();
    step(
        "national_standard",
        "与国家年度标准核对",
        "Check against the national annual standard",
        zh,
        en,
        None,
        &doc,
        &clause,
        figs,
    )
}

/// Notices of the year row, and a banner when the year is a projection rather than a notice.
fn year_notices(b: &YearBlock) -> Vec<NoticeOut> {
    let Some(r) = b.row else {
        return Vec::new();
    };
    let mut out: Vec<NoticeOut> = r
        .notices
        .iter()
        .map(|n| explain::notice(n, b.doc()))
        .collect();
    if r.status == YearStatus::Projection {
        out.insert(
            0,
            explain::note(
                "stale",
                format!("医保年度 {} 尚无缴费通知：{}", r.year, r.note_zh),
                format!(
                    "No contribution notice for coverage year {} yet: {}",
                    r.year, r.note_en
                ),
                b.doc(),
                "",
            ),
        );
    }
    out
}

/// Every source the answer cites, once, in the order first cited.
fn sources_cited(steps: &[Step], assumptions: &[FigureOut], period: &PeriodOut) -> Vec<SourceOut> {
    let mut out: Vec<SourceOut> = Vec::new();
    let figs = steps
        .iter()
        .flat_map(|s| s.figures.iter())
        .chain(assumptions);
    let all = figs
        .filter_map(|f| f.source.as_ref())
        .chain(period.collection_source.as_ref());
    for s in all {
        if !out.iter().any(|x| x.id == s.id) {
            out.push(s.clone());
        }
    }
    out
}

/// The standard and the general individual share, with their figures.
fn explain_standard(cx: &Cx, o: &mut Out) {
    let Cx { who, b, std, .. } = cx;
    let a = &cx.calcs[0];

    let cat_zh = &who.category.name_zh;
    let cat_en = &who.category.name_en;
    let Out {
        steps, assumptions, ..
    } = o;
    let f_std = fig_in(
        "standard",
        &std.standard,
        b.file,
        format!("缴费标准（{cat_zh}）"),
        format!("Contribution standard ({cat_en})"),
        Show::Yuan,
    );
    steps.push(step(
        "standard",
        "缴费标准",
        "Contribution standard",
        format!(
            "{}·{}：每人每年 {}{}",
            who.region.name_zh,
            cat_zh,
            a.standard,
            tag_zh(&std.standard, Show::Yuan)
        ),
        format!(
            "{} · {}: {} per person-year{}",
            who.region.name_en,
            cat_en,
            a.standard,
            tag_en(&std.standard, Show::Yuan)
        ),
        Some(a.standard),
        b.doc_of(&std.standard),
        &std.standard.clause,
        vec![f_std.clone()],
    ));
    let f_ind = fig_in(
        "individual",
        &std.individual,
        b.file,
        format!("个人缴纳（{cat_zh}，普通居民）"),
        format!("Individual share ({cat_en}, general)"),
        Show::Yuan,
    );
    steps.push(step(
        "individual_general",
        "个人缴纳（普通居民）",
        "Individual share (general case)",
        format!(
            "普通居民个人缴纳 {}{}",
            a.base_individual,
            tag_zh(&std.individual, Show::Yuan)
        ),
        format!(
            "General individual share {}{}",
            a.base_individual,
            tag_en(&std.individual, Show::Yuan)
        ),
        Some(a.base_individual),
        b.doc_of(&std.individual),
        &std.individual.clause,
        vec![f_ind.clone()],
    ));
    for f in [(&std.standard, f_std), (&std.individual, f_ind)] {
        if f.0.basis.is_local() {
            assumptions.push(f.1);
        }
    }
}

/// Which subsidy class applies (就高不就低 or the file's stacking rule).
fn explain_class(cx: &Cx, o: &mut Out) {
    let Cx { doc, pr, .. } = cx;
    let a = &cx.calcs[0];
    let applied = &a.classes[a.applied];
    let Out { steps, .. } = o;
    // class selection
    let names_zh: Vec<String> = a
        .classes
        .iter()
        .map(|c| format!("{}（{}）", c.class.name_zh, c.total))
        .collect();
    let names_en: Vec<String> = a
        .classes
        .iter()
        .map(|c| format!("{} ({})", c.class.name_en, c.total))
        .collect();
    steps.push(step(
        "subsidy_class",
        "适用的补助类别",
        "Subsidy class applied",
        format!(
            "符合的补助类别：{}。{}适用：{}。",
            names_zh.join("；"),
            pr.stacking_zh,
            applied.class.name_zh
        ),
        format!(
            "Qualifying classes: {}. {} Applied: {}.",
            names_en.join("; "),
            pr.stacking_en,
            applied.class.name_en
        ),
        Some(applied.total),
        doc,
        &pr.stacking_clause,
        vec![],
    ));
}

/// The class total (a share of the standard) and each payer's line.
fn explain_payers(cx: &Cx, o: &mut Out) {
    let Cx { b, doc, calcs, .. } = cx;
    let a = &cx.calcs[0];
    let applied = &a.classes[a.applied];
    let Out {
        steps,
        assumptions,
        payers,
        ..
    } = o;
    if let (Some(p), Some(t)) = (&applied.class.total_pct_of_standard, applied.pct_total) {
        let f = fig_in(
            "subsidy_pct",
            p,
            b.file,
            format!("补助占缴费标准比例（{}）", applied.class.name_zh),
            format!("Subsidy as share of standard ({})", applied.class.name_en),
            Show::Percent,
        );
        if p.basis.is_local() {
            assumptions.push(f.clone());
        }
        steps.push(step(
            "subsidy_total",
            "补助总额",
            "Subsidy total",
            format!(
                "缴费标准 {} × {}{} = {}",
                a.standard,
                explain::show(p.value, Show::Percent),
                tag_zh(p, Show::Percent),
                t
            ),
            format!(
                "Standard {} × {}{} = {}",
                a.standard,
                explain::show(p.value, Show::Percent),
                tag_en(p, Show::Percent),
                t
            ),
            Some(t),
            doc,
            &p.clause,
            vec![f],
        ));
    }
    for (i, (payer, amt, line)) in applied.lines.iter().enumerate() {
        let clause = line
            .amount
            .as_ref()
            .map(|f| f.clause.clone())
            .or_else(|| line.clause.clone())
            .unwrap_or_else(|| applied.class.clause.clone());
        let ldoc = line
            .amount
            .as_ref()
            .map_or(doc.as_str(), |f| b.doc_of(f))
            .to_string();
        let mut figs = Vec::new();
        let (tz, te) = match &line.amount {
            Some(f) => {
                let fo = fig_in(
                    "subsidy",
                    f,
                    b.file,
                    format!("{}补助（{}）", payer.zh(), applied.class.name_zh),
                    format!("{} subsidy ({})", payer.en(), applied.class.name_en),
                    Show::Yuan,
                );
                if f.basis.is_local() {
                    assumptions.push(fo.clone());
                }
                figs.push(fo);
                (
                    format!("{}补助 {}{}", payer.zh(), amt, tag_zh(f, Show::Yuan)),
                    format!("{} pays {}{}", payer.en(), amt, tag_en(f, Show::Yuan)),
                )
            }
            None => {
                let fixed: Money = applied
                    .lines
                    .iter()
                    .filter(|l| l.2.amount.is_some())
                    .map(|l| l.1)
                    .sum();
                (
                    format!(
                        "其余由{}承担：补助总额 {} − 已列明的 {} = {}",
                        payer.zh(),
                        applied.total,
                        fixed,
                        amt
                    ),
                    format!(
                        "The rest falls to {}: total {} − listed {} = {}",
                        payer.en(),
                        applied.total,
                        fixed,
                        amt
                    ),
                )
            }
        };
        let vals: Vec<Money> = calcs
            .iter()
            .map(|c| {
                c.classes[c.applied]
                    .lines
                    .get(i)
                    .map_or(Money::ZERO, |l| l.1)
            })
            .collect();
        payers.push(PayerAmount {
            payer: payer.id().into(),
            name_zh: payer.zh().into(),
            name_en: payer.en().into(),
            amount: amt.plain(),
            range: range_of(&vals),
            doc: ldoc.clone(),
            clause: clause.clone(),
        });
        steps.push(step(
            format!("subsidy_{}", payer.id()),
            payer.zh(),
            payer.en(),
            tz,
            te,
            Some(*amt),
            &ldoc,
            &clause,
            figs,
        ));
    }
}

/// A hardship class's extra subsidy taken off the individual share.
fn explain_reduction(cx: &Cx, o: &mut Out) {
    let Cx { doc, .. } = cx;
    let a = &cx.calcs[0];
    let applied = &a.classes[a.applied];
    let general = &a.classes[a.general];
    let Out { steps, .. } = o;
    if a.applied != a.general {
        steps.push(step(
            "individual_reduction",
            "困难群体个人缴费减免",
            "Reduction of the individual share",
            format!(
                "本类补助 {} 比普通居民补助 {} 多 {}，从个人缴纳中减去：{} − {} = {}",
                applied.total, general.total, a.extra_from_class, a.base_individual, a.extra_from_class, a.after_class
            ),
            format!(
                "This class gives {} vs {} for everyone, {} more, taken off the individual share: {} − {} = {}",
                applied.total, general.total, a.extra_from_class, a.base_individual, a.extra_from_class, a.after_class
            ),
            Some(a.after_class),
            doc,
            &applied.class.clause,
            vec![],
        ));
    }
}

/// The class checked against the national hardship top-ups (民发[2007]156号).
fn explain_topup(cx: &Cx, o: &mut Out) {
    let Cx { who, .. } = cx;
    let a = &cx.calcs[0];
    let applied = &a.classes[a.applied];
    let general = &a.classes[a.general];
    let Out { steps, notices, .. } = o;
    // national layer cross-check
    if let (Some(t), Some(layer), Some(lu)) = (
        &applied.class.national_topup,
        who.layer,
        &who.policy.meta.layer,
    ) {
        if let Some(top) = layer.topups.iter().find(|x| &x.id == t) {
            let ldoc = &layer.meta.doc;
            let central = |c: &ClassCalc| {
                c.lines
                    .iter()
                    .filter(|l| l.0 == Payer::Central)
                    .map(|l| l.1)
                    .sum::<Money>()
            };
            let extra_central = central(applied).sub_floor(central(general));
            let min_total = Money::from_decimal(top.total_min.value);
            let cw = Money::from_decimal(top.central_central_western.value);
            let total_ok = a.extra_from_class >= min_total;
            let central_ok = lu.fiscal_region != "central_western" || extra_central == cw;
            let (zh, en) = (
                format!(
                    "{}：政府对家庭缴费再补助不低于 {}，本方案多补 {}（{}）；中西部中央财政追加 {}，本方案中央补助 {} − 普通 {} = {}（{}）。{}",
                    top.name_zh,
                    min_total,
                    a.extra_from_class,
                    if total_ok { "相符" } else { "不足" },
                    cw,
                    central(applied),
                    central(general),
                    extra_central,
                    if central_ok { "相符" } else { "不符" },
                    lu.note_zh
                ),
                format!(
                    "{}: the government top-up must be at least {}; this scheme adds {} ({}); the central top-up for central/western regions is {}, here {} − {} = {} ({}). {}",
                    top.name_en,
                    min_total,
                    a.extra_from_class,
                    if total_ok { "consistent" } else { "short" },
                    cw,
                    central(applied),
                    central(general),
                    extra_central,
                    if central_ok { "consistent" } else { "inconsistent" },
                    lu.note_en
                ),
            );
            steps.push(step(
                "national_topup",
                "与国家困难群体补助政策核对",
                "Check against the national hardship top-ups",
                zh.clone(),
                en.clone(),
                None,
                ldoc,
                &top.clause,
                vec![
                    fig(
                        "topup",
                        &top.total_min,
                        ldoc,
                        "国家追加补助下限",
                        "National top-up floor",
                        Show::Yuan,
                    ),
                    fig(
                        "topup",
                        &top.central_central_western,
                        ldoc,
                        "中央财政追加（中西部）",
                        "Central top-up (central/western)",
                        Show::Yuan,
                    ),
                ],
            ));
            if !(total_ok && central_ok) {
                notices.push(explain::note("discrepancy", zh, en, ldoc, &top.clause));
            }
        }
    }
}

/// Employers or aid paying a share of what the resident still owes.
fn explain_extras(cx: &Cx, o: &mut Out) {
    let Cx { b, doc, calcs, .. } = cx;
    let a = &cx.calcs[0];
    let Out {
        steps,
        assumptions,
        payers,
        ..
    } = o;
    for (i, (e, amt)) in a.extras.iter().enumerate() {
        let f = fig_in(
            "share",
            &e.share_of_individual,
            b.file,
            format!("{}承担个人缴费的比例", e.payer.zh()),
            format!("Share of the individual payment paid by {}", e.payer.en()),
            Show::Percent,
        );
        if e.share_of_individual.basis.is_local() {
            assumptions.push(f.clone());
        }
        steps.push(step(
            format!("extra_{}", e.id),
            &e.name_zh,
            &e.name_en,
            format!(
                "{} × {}{} = {}，由{}承担",
                a.after_class,
                explain::show(e.share_of_individual.value, Show::Percent),
                tag_zh(&e.share_of_individual, Show::Percent),
                amt,
                e.payer.zh()
            ),
            format!(
                "{} × {}{} = {}, paid by {}",
                a.after_class,
                explain::show(e.share_of_individual.value, Show::Percent),
                tag_en(&e.share_of_individual, Show::Percent),
                amt,
                e.payer.en()
            ),
            Some(*amt),
            doc,
            &e.share_of_individual.clause,
            vec![f],
        ));
        let vals: Vec<Money> = calcs
            .iter()
            .map(|c| c.extras.get(i).map_or(Money::ZERO, |x| x.1))
            .collect();
        payers.push(PayerAmount {
            payer: e.payer.id().into(),
            name_zh: e.payer.zh().into(),
            name_en: e.payer.en().into(),
            amount: amt.plain(),
            range: range_of(&vals),
            doc: doc.clone(),
            clause: e.share_of_individual.clause.clone(),
        });
    }
}

/// What the resident pays, the part assigned to no one, and the notices.
fn explain_rest(cx: &Cx, o: &mut Out) {
    let Cx {
        who,
        b,
        doc,
        pr,
        std,
        eligibility,
        ..
    } = cx;
    let a = &cx.calcs[0];
    let applied = &a.classes[a.applied];
    let Out { steps, notices, .. } = o;
    steps.push(step(
        "individual",
        "个人缴费",
        "You pay",
        format!("您每年缴纳 {}", a.individual),
        format!("You pay {} a year", a.individual),
        Some(a.individual),
        b.doc_of(&std.individual),
        &std.individual.clause,
        vec![],
    ));
    if !a.unassigned.is_zero() {
        let zh = format!(
            "缴费标准 {} − 个人缴纳 {} − 补助 {} = {}：文件未指明由谁承担这部分。",
            a.standard, a.after_class, applied.total, a.unassigned
        );
        let en = format!("Standard {} − individual {} − subsidy {} = {}: the document assigns this part to no one.", a.standard, a.after_class, applied.total, a.unassigned);
        steps.push(step(
            "unassigned",
            "未指明承担者的部分",
            "Part assigned to no one",
            zh,
            en,
            Some(a.unassigned),
            doc,
            &pr.stacking_clause,
            vec![],
        ));
    }
    if !a.over.is_zero() {
        notices.push(explain::note(
            "discrepancy",
            format!("个人缴纳与补助合计超过缴费标准 {}：文件数字不能完全对应。", a.over),
            format!("Individual share plus subsidies exceed the standard by {}: the figures do not reconcile.", a.over),
            doc,
            &pr.stacking_clause,
        ));
    }
    // the framework's own notices speak of its figures; a year from an annual file has its own
    if b.row.is_none() {
        notices.extend(explain::notices_for(
            &who.policy.notices,
            &|s| who.has(s),
            doc,
            false,
        ));
    }
    for v in &eligibility.verdicts {
        notices.push(explain::note(
            "warning",
            v.reason_zh.clone(),
            v.reason_en.clone(),
            &v.doc,
            &v.clause,
        ));
    }
}
