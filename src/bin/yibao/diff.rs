//! `yibao diff`: 与上年相比 — one person's premium in two coverage years side by side, the change
//! and the sources of both years; a year without a source says so instead of comparing (CLI.md).

use super::args::{Args, Lang};
use super::household::tag;
use super::show::{percent, yuan, Page};
use super::{coverage_year, ok, person, person_line, to_json, Fail, Output};
use yibao::api::*;
use yibao::Engine;

/// A value in its unit: `¥1,100.00`, `60%`, `3 个月`.
pub fn value(p: &Page, unit: &str, v: &str) -> String {
    match unit {
        "ratio" => percent(v),
        "months" => format!("{v} {}", p.t("个月", "months")),
        _ => yuan(v),
    }
}

/// The change in words: `+¥30.00`, `不变`, `+5 个百分点`.
pub fn change(p: &Page, unit: &str, c: &str) -> String {
    let (sign, digits) = match c.strip_prefix('-') {
        Some(d) => ("−", d),
        None => ("+", c.trim_start_matches('+')),
    };
    if digits
        .parse::<rust_decimal::Decimal>()
        .is_ok_and(|d| d.is_zero())
    {
        return p.t("不变", "unchanged").to_string();
    }
    match unit {
        "ratio" => {
            let pts = percent(digits).trim_end_matches('%').to_string();
            format!("{sign}{pts} {}", p.t("个百分点", "points"))
        }
        _ => format!("{sign}{}", value(p, unit, digits)),
    }
}

fn cell(p: &Page, unit: &str, l: Option<&PremiumLine>, none: &str) -> String {
    match l {
        Some(l) => {
            let t = tag(p, l.figure.as_ref());
            let gap = if t.starts_with('（') { "" } else { " " };
            format!("{}{}{gap}{t}", value(p, unit, &l.amount), p.range(&l.range))
        }
        None => none.to_string(),
    }
}

fn rows(p: &Page, r: &DiffResult, lines: &[DiffLine], none: &str) -> Vec<Vec<String>> {
    let mut v = vec![vec![
        String::new(),
        r.from.year.to_string(),
        r.to.year.to_string(),
        p.t("变化", "change").to_string(),
    ]];
    for l in lines {
        let ch = match &l.change {
            Some(c) if l.assumed => format!(
                "{}{}",
                change(p, &l.unit, c),
                p.t("（含假设）", " (assumed)")
            ),
            Some(c) => change(p, &l.unit, c),
            None => "—".into(),
        };
        v.push(vec![
            p.t(&l.label_zh, &l.label_en).to_string(),
            cell(p, &l.unit, l.from.as_ref(), none),
            cell(p, &l.unit, l.to.as_ref(), none),
            ch,
        ]);
    }
    v
}

fn year_line(p: &Page, y: &DiffYear) -> String {
    let status = match (y.status.as_str(), p.lang) {
        ("not_sourced", Lang::Zh) => "没有来源".to_string(),
        ("not_sourced", Lang::En) => "not sourced".to_string(),
        ("projection", Lang::Zh) => format!("预测（标注假设），{}", y.doc),
        ("projection", Lang::En) => format!("projection (labelled assumptions), {}", y.doc),
        ("partial", Lang::Zh) => format!("部分有来源（其余为标注假设），{}", y.doc),
        ("partial", Lang::En) => {
            format!("partly sourced (the rest labelled assumptions), {}", y.doc)
        }
        (_, _) => y.doc.clone(),
    };
    let window = match (&y.collection_from, &y.collection_to) {
        (Some(f), Some(t)) => match p.lang {
            Lang::Zh => format!("；集中缴费期 {f} 至 {t}"),
            Lang::En => format!("; collection {f} to {t}"),
        },
        _ => String::new(),
    };
    match p.lang {
        Lang::Zh => format!("  {}：{status}{window}", y.year),
        Lang::En => format!("  {}: {status}{window}", y.year),
    }
}

/// A page for a person's answer, headed by the person line and `title`.
pub fn headed(a: &Args, engine: &Engine, person: &PersonInput, title: (String, String)) -> Page {
    let mut p = Page::new(a.lang);
    p.line(person_line(&p, &engine.catalogue(), person));
    p.line(match p.lang {
        Lang::Zh => title.0,
        Lang::En => title.1,
    });
    p
}

pub fn run(a: &Args, engine: &Engine) -> Result<Output, Fail> {
    a.no_positional()?;
    let req = DiffRequest {
        person: person(a, engine)?,
        from: coverage_year(&a.require("--from")?).map_err(|e| e.field("--from"))?,
        to: coverage_year(&a.require("--to")?).map_err(|e| e.field("--to"))?,
    };
    let r = engine.diff(&req)?;
    if a.json {
        return to_json(&r);
    }
    let title = (
        format!("与上年相比：医保年度 {} → {}", r.from.year, r.to.year),
        format!("Compared: coverage year {} → {}", r.from.year, r.to.year),
    );
    let mut p = headed(a, engine, &req.person, title);
    p.line(year_line(&p, &r.from));
    p.line(year_line(&p, &r.to));
    p.blank();
    let none = p.t("没有来源", "not sourced").to_string();
    let t = rows(&p, &r, &r.lines, &none);
    p.table("", &t);
    if !r.benefits.is_empty() {
        p.blank();
        p.line(p.t(
            "待遇（年度文件中按日期的规则，各年最后一天有效者）",
            "Benefits (the annual files' dated rules in force on each year's last day)",
        ));
        let none = p.t("未找到", "not found").to_string();
        let t = rows(&p, &r, &r.benefits, &none);
        p.table("  ", &t);
    }
    p.notices("请注意", "Notices", &r.notices);
    for y in [&r.from, &r.to] {
        if !y.sources.is_empty() {
            let mut q = Page::new(a.lang);
            q.sources(&y.sources);
            p.blank();
            p.line(match p.lang {
                Lang::Zh => format!("{} 年的来源", y.year),
                Lang::En => format!("Sources for {}", y.year),
            });
            for l in q.buf.lines().skip_while(|l| l.is_empty()).skip(1) {
                p.line(l);
            }
        }
    }
    ok(p.buf)
}
