//! `yibao decision`: when to pay for a coverage year — the collection window, and paying today
//! (the system date, or `--today`), on `--paid-on`, or not at all: when benefits start and what a
//! bill (`--kind --level --date --total`) would cost in each case (CLI.md).

use super::args::{Args, Lang};
use super::show::{yuan, Page};
use super::{claim_input, coverage_year, layers, ok, person, to_json, Fail, Output};
use yibao::api::*;
use yibao::Engine;

/// Today's date from the system clock (UTC+8, the date residents live by), as `YYYY-MM-DD`.
fn system_today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = i64::try_from((secs + 8 * 3600) / 86_400).unwrap_or(0);
    // civil from days since 1970-01-01 (H. Hinnant's algorithm)
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

pub fn request(a: &Args, engine: &Engine) -> Result<DecisionRequest, yibao::Error> {
    let claim = match a.get("--total") {
        Some(_) => Some(claim_input(a, a.require("--level")?)?),
        None => None,
    };
    Ok(DecisionRequest {
        person: person(a, engine)?,
        year: coverage_year(&a.require("--year")?)?,
        today: a.get("--today").map_or_else(system_today, str::to_string),
        paid_on: a.get("--paid-on").map(str::to_string),
        enrolment: layers::enrolment_in(a)?,
        claim,
    })
}

fn row(p: &Page, today: &str, o: &DecisionOption) -> Vec<String> {
    let label = match (o.id.as_str(), &o.paid_on) {
        ("today", Some(d)) if d != today => {
            p.t("缴费期开始时缴费", "Pay when it opens").to_string()
        }
        ("today", _) => p.t("今天缴费", "Pay today").to_string(),
        ("none", _) => p.t("不缴费", "Do not pay").to_string(),
        (_, Some(d)) => format!("{d} {}", p.t("缴费", "pay")),
        _ => String::new(),
    };
    let from = match (&o.benefits_from, o.id.as_str()) {
        (_, "none") => p.t("不享受", "no cover").to_string(),
        (Some(f), _) if o.covered => f.clone(),
        (Some(f), _) => format!("{f}{}", p.t("（本年度不享受）", " (not this year)")),
        (None, _) => p.t("未找到规则", "no rule found").to_string(),
    };
    vec![
        label,
        o.paid_on.clone().unwrap_or_else(|| "—".into()),
        from,
        if o.id == "none" {
            "—".into()
        } else {
            format!("{} {}", o.waiting_months, p.t("个月", "months"))
        },
        yuan(&o.premium),
        o.bill_cost.as_deref().map_or_else(|| "—".into(), yuan),
        o.total.as_deref().map_or_else(|| "—".into(), yuan),
    ]
}

pub fn run(a: &Args, engine: &Engine) -> Result<Output, Fail> {
    a.no_positional()?;
    let req = request(a, engine)?;
    let r = engine.decision(&req)?;
    if a.json {
        return to_json(&r);
    }
    let title = (
        format!("何时缴费：医保年度 {}（今天 {}）", r.year, r.today),
        format!("When to pay: coverage year {} (today {})", r.year, r.today),
    );
    let mut p = super::diff::headed(a, engine, &req.person, title);
    let cat = engine.catalogue();
    if let (Some(f), Some(t)) = (&r.collection_from, &r.collection_to) {
        let left = match (r.days_left, p.lang) {
            (Some(n), Lang::Zh) if n >= 0 => format!("，还剩 {n} 天"),
            (Some(n), Lang::Zh) => format!("，已过 {} 天", -n),
            (Some(n), Lang::En) if n >= 0 => format!(", {n} days left"),
            (Some(n), Lang::En) => format!(", ended {} days ago", -n),
            (None, _) => String::new(),
        };
        let src = r
            .collection_source
            .as_ref()
            .map(|s| format!(" [{}·{}]", s.id, s.grade))
            .unwrap_or_default();
        p.line(match p.lang {
            Lang::Zh => format!("集中缴费期 {f} 至 {t}{left}{src}"),
            Lang::En => format!("Collection window {f} to {t}{left}{src}"),
        });
    }
    if let Some(c) = &req.claim {
        let s = cat.schemes.iter().find(|s| s.id == req.person.scheme);
        let kind = s.and_then(|s| s.claim_kinds.iter().find(|k| k.id == c.kind));
        let level = s.and_then(|s| s.levels.iter().find(|l| l.id == c.level));
        let kind = kind.map_or(c.kind.as_str(), |k| p.t(&k.name_zh, &k.name_en));
        let level = level.map_or(c.level.as_str(), |l| p.t(&l.name_zh, &l.name_en));
        let total = yuan(&c.medfee_sumamt);
        p.line(match p.lang {
            Lang::Zh => format!("一笔费用：{kind}，{level}，{}，{total}", c.date),
            Lang::En => format!("A bill: {kind}, {level}, {}, {total}", c.date),
        });
    }
    p.blank();
    let mut rows = vec![[
        ("", ""),
        ("缴费日", "paid on"),
        ("待遇开始", "covered from"),
        ("等待期", "waiting"),
        ("缴费", "premium"),
        ("这笔费用自付", "bill, you pay"),
        ("合计", "in all"),
    ]
    .iter()
    .map(|(zh, en)| p.t(zh, en).to_string())
    .collect::<Vec<_>>()];
    rows.extend(r.options.iter().map(|o| row(&p, &r.today, o)));
    p.table("", &rows);
    p.blank();
    for o in &r.options {
        let text = p.t(&o.zh, &o.en).to_string();
        p.line(format!("  - {text}"));
    }
    p.notices("请注意", "Notices", &r.notices);
    p.steps(&r.steps);
    if let Some(s) = &r.collection_source {
        p.sources(std::slice::from_ref(s));
    }
    ok(p.buf)
}
