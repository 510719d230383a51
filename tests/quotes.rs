//! Quotes that hold their figures (issue 16): every figure an annual or national file cites to a
//! `[[sources]]` entry must show its value in that source's `quote_zh` — as written in Chinese
//! notices (`400元`, `10万元`, `60%`, `5个百分点`, `3个月`, `4年`) — unless it is listed below
//! with the reason it cannot. A sum or difference of quoted figures passes when the figure's note
//! writes its arithmetic (`400 + 700 = 1100`); a labelled assumption (basis `assumed`, its note
//! saying what was not found) is not backed by its source and is not checked.

use rust_decimal::Decimal;
use toml::{Table, Value};

/// (file, figure path, why the quote cannot show the value).
const EXCEPTIONS: &[(&str, &str, &str)] = &[];

/// The ways a notice writes a value: plain and grouped digits, 万, percent, points, months, years.
fn spellings(v: Decimal) -> Vec<String> {
    let n = v.normalize();
    let mut out = vec![n.to_string()];
    if n.fract().is_zero() && n >= Decimal::from(1000) {
        let s = n.to_string();
        let mut g = String::new();
        for (i, c) in s.chars().enumerate() {
            if i > 0 && (s.len() - i) % 3 == 0 {
                g.push(',');
            }
            g.push(c);
        }
        out.push(g);
        if (n % Decimal::from(10_000)).is_zero() {
            out.push(format!("{}万", n / Decimal::from(10_000)));
        }
    }
    if n == Decimal::ONE {
        out.push("全额".into());
    }
    if n <= Decimal::ONE {
        let pct = (n * Decimal::from(100)).normalize();
        out.push(format!("{pct}%"));
        out.push(format!("{pct}％"));
        out.push(format!("{pct}个百分点"));
        // a factor written as the reduction ("降低50%")
        let cut = ((Decimal::ONE - n) * Decimal::from(100)).normalize();
        out.push(format!("降低{cut}%"));
    }
    out
}

/// Whether `text` has `s` as a whole number: no digit (or decimal point) right before or after.
fn holds(text: &str, s: &str) -> bool {
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit() || c == '.');
    text.match_indices(s).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + s.len()..].chars().next();
        let number_edge = |c| s.chars().next().is_some_and(|f| f.is_ascii_digit()) && digit(c);
        let glued_after = s.ends_with(|c: char| c.is_ascii_digit()) && digit(after);
        !(number_edge(before) || glued_after)
    })
}

/// A date as a notice writes it: `2025年2月28日` (and the plain `2025-02-28`).
fn date_spellings(d: &str) -> Vec<String> {
    let mut parts = d.split('-').map(|x| x.trim_start_matches('0').to_string());
    let (y, m, day) = (parts.next(), parts.next(), parts.next());
    let mut out = vec![d.to_string()];
    if let (Some(y), Some(m), Some(day)) = (y, m, day) {
        out.push(format!("{y}年{m}月{day}日"));
    }
    out
}

fn figures<'a>(path: String, v: &'a Value, out: &mut Vec<(String, &'a Table)>) {
    match v {
        Value::Table(t) => {
            let window = path.ends_with(".collection");
            if (t.contains_key("value") || window) && t.contains_key("source") {
                out.push((path.clone(), t));
            }
            for (k, x) in t {
                figures(format!("{path}.{k}"), x, out);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                figures(format!("{path}[{i}]"), x, out);
            }
        }
        _ => {}
    }
}

#[test]
fn every_quote_holds_the_figures_it_backs() {
    let mut missing = Vec::new();
    let mut checked = 0;
    for (file, text) in yibao::builtin::FILES {
        let doc: Table = text.parse().unwrap_or_else(|e| panic!("{file}: {e}"));
        let quotes: Vec<(String, String)> = doc
            .get("sources")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|s| {
                        Some((
                            s.get("id")?.as_str()?.to_string(),
                            s.get("quote_zh")?.as_str()?.to_string(),
                        ))
                    })
                    .collect()
            })
            .unwrap_or_default();
        let root = Value::Table(doc.clone());
        let mut figs = Vec::new();
        figures(String::new(), &root, &mut figs);
        for (path, t) in figs {
            let src = t["source"].as_str().unwrap_or_default();
            let Some((_, quote)) = quotes.iter().find(|(id, _)| id == src) else {
                continue;
            };
            checked += 1;
            let quote = quote.replace(['，', ' '], "");
            // a collection window (集中缴费期): both dates in the quote
            if !t.contains_key("value") {
                for k in ["from", "to"] {
                    let d = t[k].as_str().unwrap_or_default();
                    if !date_spellings(d).iter().any(|s| quote.contains(s.as_str())) {
                        missing.push(format!("{file} {path}.{k}: {d} not in {src}'s quote"));
                    }
                }
                continue;
            }
            let value: Decimal = t["value"].as_str().unwrap_or("x").parse().unwrap();
            if spellings(value).iter().any(|s| holds(&quote, s)) {
                continue;
            }
            // a sum or difference of quoted figures, its arithmetic in the figure's note or formula
            let text = |k: &str| {
                t.get(k)
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .replace(' ', "")
            };
            let note = format!("{}|{}", text("note_zh"), text("formula"));
            // a labelled assumption is not backed by its source: it says what was not found
            let basis = t.get("basis").and_then(Value::as_str).unwrap_or("");
            if basis == "assumed" && (note.contains("未找到") || note.contains("假设")) {
                continue;
            }
            let formula = text("formula");
            if spellings(value)
                .iter()
                .any(|s| holds(&note, &format!("={s}")) || holds(&formula, s))
            {
                continue;
            }
            if EXCEPTIONS
                .iter()
                .any(|(f, p, _)| file.ends_with(f) && *p == path)
            {
                continue;
            }
            missing.push(format!("{file} {path}: {value} not in {src}'s quote"));
        }
    }
    assert!(checked > 50, "{checked}");
    assert!(
        missing.is_empty(),
        "{} figures not in their quotes:\n{}",
        missing.len(),
        missing.join("\n")
    );
}
