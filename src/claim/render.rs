//! The basic fund's explanation: one renderer from a settlement's trace ([`super::trace`]) to the
//! steps in Chinese and English, and the local figures that entered (`assumptions`). All of the
//! basic fund's step wording lives here; the arithmetic never sees it.

use super::trace::{Rec, Seg};
use super::In;
use crate::api::{FigureOut, Step};
use crate::continuity::{start_step, Start};
use crate::date::Date;
use crate::explain::{fig, show, step, tag_en, tag_zh, Show, Yuan as Y};
use crate::money::{Money, Rate};
use crate::policy::model::*;
use crate::who::Who;

/// What rendering one claim reads: the person, the benefits, the claim, and the figures noted so
/// far (local figures go to `assumptions`).
struct R<'r> {
    who: &'r Who<'r>,
    b: &'r Benefits,
    c: &'r In<'r>,
    /// When benefits start under the annual waiting rule, if one applies.
    start: Option<&'r Start<'r>>,
    assumptions: Vec<FigureOut>,
}

impl<'r> R<'r> {
    fn doc(&self) -> &str {
        self.who.doc()
    }
    fn level(&self, i: usize) -> &'r Level {
        &self.who.policy.levels[i]
    }
    /// A figure record, kept among the assumptions when the figure is local.
    fn fig(&mut self, role: &str, f: &Figure, zh: String, en: String, how: Show) -> FigureOut {
        let fo = fig(role, f, self.doc(), zh, en, how);
        if f.basis.is_local() {
            self.assumptions.push(fo.clone());
        }
        fo
    }
}

/// The steps and the local figures of one claim's basic settlement.
pub(super) fn render(
    who: &Who,
    b: &Benefits,
    c: &In,
    start: Option<&Start>,
    recs: &[Rec],
) -> (Vec<Step>, Vec<FigureOut>) {
    let mut r = R {
        who,
        b,
        c,
        start,
        assumptions: Vec::new(),
    };
    let steps = recs.iter().map(|x| one(&mut r, x)).collect();
    (steps, r.assumptions)
}

fn one(r: &mut R, rec: &Rec) -> Step {
    let (c, doc) = (r.c, r.who.doc());
    match *rec {
        Rec::Bill { inscp } => bill(r, inscp),
        Rec::BenefitYear { start, end } => {
            let (nz, ne, cl) = match &r.who.policy.meta.benefit_year {
                Some(y) => (y.note_zh.as_str(), y.note_en.as_str(), y.clause.as_str()),
                None => ("", "", ""),
            };
            step(
                "benefit_year",
                "待遇年度",
                "Benefit year",
                format!("{} 至 {}。{}", start, end, nz),
                format!("{start} to {end}. {}", ne),
                None,
                doc,
                cl,
                vec![],
            )
        }
        Rec::Waiting {
            paid,
            months,
            last,
            inscp,
        } => waiting(r, paid, months, last, inscp),
        Rec::NotYet { from, inscp } => not_yet(r, from, inscp),
        Rec::Deductible {
            keyed,
            set_at,
            d,
            used,
            paid,
        } => deductible(r, keyed, set_at, d, used, paid),
        Rec::LimitCost {
            limit,
            lim,
            before,
            room,
            counted,
            above,
        } => limit_cost(r, limit, lim, before, room, counted, above),
        Rec::Penalty { idx } => {
            let p = &c.rule.penalties[idx];
            step(
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
            )
        }
        Rec::Segment(s) => segment(r, &s),
        Rec::LimitFund {
            limit,
            lim,
            before,
            room,
            due,
            fund,
        } => limit_fund(r, limit, lim, before, room, due, fund),
        Rec::Result {
            fund,
            band,
            psn,
            dedc,
            coins,
            above,
        } => step(
            "result",
            "统筹基金支付与个人负担",
            "Fund pays / you pay",
            format!(
                "统筹基金支付 {}（统筹基金支付比例 {}）；个人负担 {} = 全自费 {} + 起付线 {} + 比例自付 {} + 超限额 {}",
                Y(fund), Rate::effective(fund, band), Y(psn), Y(c.oos), Y(dedc), Y(coins), Y(above)
            ),
            format!("Fund pays {} (effective ratio {}); you pay {} = out-of-scope {} + deductible {} + co-payment {} + above limit {}", Y(fund), Rate::effective(fund, band), Y(psn), Y(c.oos), Y(dedc), Y(coins), Y(above)),
            Some(psn),
            doc,
            &r.b.clause,
            vec![],
        ),
    }
}

#[allow(clippy::too_many_arguments)]
fn limit_cost(
    r: &mut R,
    limit: usize,
    lim: Money,
    before: Money,
    room: Money,
    counted: Money,
    above: Money,
) -> Step {
    let (c, doc) = (r.c, r.who.doc());
    let b = r.b;
    let lf = &b.limits[limit].amount;
    let lim_fo = limit_fig(r, lf);
    step(
                "limit",
                "超过最高支付限额的费用",
                "Cost above the annual limit",
                format!(
                    "最高支付限额 {}{}。{}本年度此前已计入 {}，剩余 {}；本次计入 {}，超出限额 {} 由个人负担。{}",
                    Y(lim), tag_zh(lf, Show::Yuan), b.limit_note_zh, Y(before), Y(room), Y(counted), Y(above), c.rule.limit_note_zh
                ),
                format!(
                    "Annual limit {}{}. {} Counted before this claim {}, room {}; counted now {}, above the limit {} (paid by you). {}",
                    Y(lim), tag_en(lf, Show::Yuan), b.limit_note_en, Y(before), Y(room), Y(counted), Y(above), c.rule.limit_note_en
                ),
                Some(above),
                doc,
                &b.limit_clause,
                vec![lim_fo],
            )
}

#[allow(clippy::too_many_arguments)]
fn limit_fund(
    r: &mut R,
    limit: usize,
    lim: Money,
    before: Money,
    room: Money,
    due: Money,
    fund: Money,
) -> Step {
    let doc = r.who.doc();
    let b = r.b;
    let lf = &b.limits[limit].amount;
    let lim_fo = limit_fig(r, lf);
    step(
                "limit",
                "年度最高补偿额内的补偿",
                "Compensation within the annual maximum",
                format!("年度最高补偿额 {}{}。{}本年度此前已补偿 {}，剩余 {}；本次按比例应补偿 {}，实际补偿 {}，超出部分 {} 由个人负担。", Y(lim), tag_zh(lf, Show::Yuan), b.limit_note_zh, Y(before), Y(room), Y(due), Y(fund), Y(due - fund)),
                format!("Annual maximum {}{}. {} Paid before this claim {}, room {}; due at the ratios {}, paid {}, excess {} borne by you.", Y(lim), tag_en(lf, Show::Yuan), b.limit_note_en, Y(before), Y(room), Y(due), Y(fund), Y(due - fund)),
                Some(fund),
                lf.doc.as_deref().unwrap_or(doc),
                &b.limit_clause,
                vec![lim_fo],
            )
}

fn bill(r: &mut R, inscp: Money) -> Step {
    let (c, doc) = (r.c, r.who.doc());
    let dz = c
        .disease
        .map(|d| format!("（{}）", d.name_zh))
        .unwrap_or_default();
    let de = c
        .disease
        .map(|d| format!(" ({})", d.name_en))
        .unwrap_or_default();
    let l = r.level(c.level);
    step(
        "bill",
        "符合政策范围金额",
        "Policy-scope amount",
        format!(
            "{}{}·{}：医疗费总额 {} − 全自费金额 {} = 符合政策范围金额 {}",
            c.rule.name_zh,
            dz,
            l.name_zh,
            Y(c.total),
            Y(c.oos),
            Y(inscp)
        ),
        format!(
            "{}{} · {}: total {} − out-of-scope {} = policy-scope {}",
            c.rule.name_en,
            de,
            l.name_en,
            Y(c.total),
            Y(c.oos),
            Y(inscp)
        ),
        Some(inscp),
        doc,
        &c.rule.clause,
        vec![],
    )
}

fn limit_fig(r: &mut R, lf: &Figure) -> FigureOut {
    let cat = r.who.category;
    r.fig(
        "limit",
        lf,
        format!("最高支付限额（{}）", cat.name_zh),
        format!("Annual limit ({})", cat.name_en),
        Show::Yuan,
    )
}

fn waiting(
    r: &mut R,
    paid: crate::date::Date,
    n: u32,
    last: crate::date::Date,
    inscp: Money,
) -> Step {
    let (c, doc) = (r.c, r.who.doc());
    let Some(w) = &r.b.waiting_months else {
        return step(
            "waiting",
            "医疗服务等待期",
            "Waiting period",
            String::new(),
            String::new(),
            Some(inscp),
            doc,
            "",
            vec![],
        );
    };
    let fo = r.fig(
        "waiting",
        w,
        "医疗服务等待期（月）".into(),
        "Waiting period (months)".into(),
        Show::Months,
    );
    step(
        "waiting",
        "医疗服务等待期",
        "Waiting period",
        format!("缴费日 {paid}，等待期 {} 个月{}，至 {} 止；本次 {} 在等待期内，统筹基金不支付。", n, tag_zh(w, Show::Months), last, c.date),
        format!("Paid {paid}; waiting period {n} months{} ending {}; this claim on {} falls inside it, so the fund pays nothing.", tag_en(w, Show::Months), last, c.date),
        Some(inscp),
        doc,
        &w.clause,
        vec![fo],
    )
}

fn deductible(r: &mut R, keyed: usize, set_at: usize, d: Money, used: Money, paid: Money) -> Step {
    let (c, doc) = (r.c, r.who.doc());
    let k = &c.rule.deductibles[keyed];
    let at = r.level(set_at);
    let (at_zh, at_en) = (at.name_zh.as_str(), at.name_en.as_str());
    let fo = r.fig(
        "deductible",
        &k.amount,
        format!("起付标准（{}·{}）", c.rule.name_zh, at_zh),
        format!("Deductible ({} · {})", c.rule.name_en, at_en),
        Show::Yuan,
    );
    let (pz, pe) = if c.kf.per == DeductiblePer::Year {
        (
            format!(
                "一个年度只设一次（按本年度首次就诊的{at_zh}确定），本年度此前已付 {}，",
                Y(used)
            ),
            format!(
                "once a year (set at the year's first visit, {at_en}); {} already paid this year; ",
                Y(used)
            ),
        )
    } else {
        (
            "每次住院计一次，".to_string(),
            "per admission; ".to_string(),
        )
    };
    let nz = c.rule.deductible_note_zh.as_deref().unwrap_or_default();
    let ne = c.rule.deductible_note_en.as_deref().unwrap_or_default();
    step(
        "deductible",
        "起付标准",
        "Deductible",
        format!(
            "起付标准 {}{}，{}本次实际支付起付线 {}。{}",
            Y(d),
            tag_zh(&k.amount, Show::Yuan),
            pz,
            Y(paid),
            nz
        ),
        format!(
            "Deductible {}{}, {}this claim pays {}. {}",
            Y(d),
            tag_en(&k.amount, Show::Yuan),
            pe,
            Y(paid),
            ne
        ),
        Some(paid),
        // the rule's own document and clause; the figure record cites the document it rests on
        doc,
        &c.rule.deductible_clause,
        vec![fo],
    )
}

fn segment(r: &mut R, s: &Seg) -> Step {
    let Seg {
        k,
        a,
        z,
        part,
        r: rt,
        pts,
        eff,
        amt,
        ..
    } = *s;
    let (c, doc) = (r.c, r.who.doc());
    let sched = &c.rule.schedules[s.s];
    let rf = &sched.levels[s.lr].ratios[k];
    let l = r.level(c.level);
    let (lz, le) = (l.name_zh.as_str(), l.name_en.as_str());
    let fo = r.fig(
        "ratio",
        rf,
        format!(
            "统筹基金支付比例（{}·{}·第{}段）",
            c.rule.name_zh,
            lz,
            k + 1
        ),
        format!(
            "Fund ratio ({} · {} · segment {})",
            c.rule.name_en,
            le,
            k + 1
        ),
        Show::Percent,
    );
    let mut figs = vec![fo];
    if let Some(e) = sched.edges.get(k) {
        figs.push(r.fig(
            "edge",
            e,
            format!("分段界点 {}", k + 1),
            format!("Segment edge {}", k + 1),
            Show::Yuan,
        ));
    }
    let p = pts
        .map(|p| format!(" − {} = {}", show(p, Show::Percent), eff))
        .unwrap_or_default();
    step(
        format!("segment_{}", k + 1),
        &format!("第{}段", k + 1),
        &format!("Segment {}", k + 1),
        format!(
            "本段费用 {} 至 {}：{} × {}{}{} = {}",
            Y(a),
            Y(z),
            Y(part),
            rt,
            tag_zh(rf, Show::Percent),
            p,
            Y(amt)
        ),
        format!(
            "Cost from {} to {}: {} × {}{}{} = {}",
            Y(a),
            Y(z),
            Y(part),
            rt,
            tag_en(rf, Show::Percent),
            p,
            Y(amt)
        ),
        Some(amt),
        doc,
        &rf.clause,
        figs,
    )
}

/// A claim before benefits start under the annual waiting rule: the decision's step (the one
/// `enrolment` gives), with what it means for this claim.
fn not_yet(r: &mut R, from: Date, inscp: Money) -> Step {
    let c = r.c;
    let mut s = match r.start {
        Some(s) => start_step(s),
        None => step(
            "waiting",
            "待遇等待期",
            "Waiting period",
            String::new(),
            String::new(),
            None,
            r.who.doc(),
            "",
            vec![],
        ),
    };
    s.text_zh = format!(
        "本次就诊 {} 在待遇开始日 {from} 之前：统筹基金不支付，符合政策范围的 {} 由个人负担。{}",
        c.date,
        Y(inscp),
        s.text_zh
    );
    s.text_en = format!(
        "This claim on {} falls before benefits start on {from}: the fund pays nothing, and the policy-scope {} is the resident's. {}",
        c.date,
        Y(inscp),
        s.text_en
    );
    s.amount = Some(inscp.plain());
    s
}
