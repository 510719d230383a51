//! Human output: a buffered page, money as ¥1,234.56, ratios as percentages, columns aligned by
//! display width (CJK characters count two).

use rust_decimal::Decimal;
use yibao::api::{AddonOut, FigureOut, NoticeOut, PeriodOut, Range, SourceOut, Step};
use yibao::money::{Money, Rate};

use crate::args::Lang;

/// The page being written; printed in one go at the end.
pub struct Page {
    pub buf: String,
    pub lang: Lang,
}

impl Page {
    pub fn new(lang: Lang) -> Page {
        Page {
            buf: String::new(),
            lang,
        }
    }

    pub fn line(&mut self, s: impl AsRef<str>) {
        self.buf.push_str(s.as_ref());
        self.buf.push('\n');
    }

    pub fn blank(&mut self) {
        if !self.buf.is_empty() && !self.buf.ends_with("\n\n") {
            self.buf.push('\n');
        }
    }

    /// Chinese or English by the page's language.
    pub fn t<'a>(&self, zh: &'a str, en: &'a str) -> &'a str {
        match self.lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// Aligned rows, columns separated by two spaces; the last column is not padded.
    pub fn table(&mut self, indent: &str, rows: &[Vec<String>]) {
        let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
        let mut widths = vec![0; cols];
        for r in rows {
            for (i, c) in r.iter().enumerate() {
                widths[i] = widths[i].max(width(c));
            }
        }
        for r in rows {
            let mut s = String::from(indent);
            let last = r.iter().rposition(|c| !c.is_empty()).unwrap_or(0);
            for (i, c) in r.iter().enumerate().take(last + 1) {
                s.push_str(c);
                if i < last {
                    s.push_str(&" ".repeat(widths[i] - width(c) + 2));
                }
            }
            self.line(s);
        }
    }

    /// `依据 吉政办发[2008]12号 二(四)2(2)` / `Source: …`.
    pub fn cite(&self, doc: &str, clause: &str) -> String {
        let c = [doc.trim(), clause.trim()]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
        if c.is_empty() {
            String::new()
        } else {
            format!("{} {c}", self.t("依据", "Source:"))
        }
    }

    /// A range in words when its ends differ: `（范围 ¥86.00—¥134.00）`.
    pub fn range(&self, r: &Range) -> String {
        if r.low == r.high {
            String::new()
        } else if r.high.is_empty() {
            // open above: the ceiling was not found
            match self.lang {
                Lang::Zh => format!("（不低于 {}，上限未找到）", yuan(&r.low)),
                Lang::En => format!(" (at least {}, no ceiling found)", yuan(&r.low)),
            }
        } else {
            match self.lang {
                Lang::Zh => format!("（范围 {}—{}）", yuan(&r.low), yuan(&r.high)),
                Lang::En => format!(" (range {}–{})", yuan(&r.low), yuan(&r.high)),
            }
        }
    }

    pub fn notices(&mut self, title_zh: &str, title_en: &str, notices: &[NoticeOut]) {
        if notices.is_empty() {
            return;
        }
        self.blank();
        self.line(self.t(title_zh, title_en));
        for n in notices {
            let tag = match (n.kind.as_str(), self.lang) {
                ("discrepancy", Lang::Zh) => "【文件不一致】",
                ("warning", Lang::Zh) => "【注意】",
                ("stale", Lang::Zh) => "【数额不是当年来源】",
                ("stale", Lang::En) => "[not from this year's sources] ",
                (_, Lang::Zh) => "【说明】",
                ("discrepancy", Lang::En) => "[discrepancy] ",
                ("warning", Lang::En) => "[warning] ",
                (_, Lang::En) => "[note] ",
            };
            let text = self.t(&n.zh, &n.en).to_string();
            self.line(format!("  - {tag}{text}"));
            let c = self.cite(&n.doc, &n.clause);
            if !c.is_empty() {
                self.line(format!("    {c}"));
            }
        }
    }

    pub fn steps(&mut self, steps: &[Step]) {
        if steps.is_empty() {
            return;
        }
        self.blank();
        self.line(self.t("计算过程", "How it was worked out"));
        for (i, s) in steps.iter().enumerate() {
            let title = self.t(&s.title_zh, &s.title_en).to_string();
            let amount = s
                .amount
                .as_deref()
                .map(|a| format!("  {}", yuan(a)))
                .unwrap_or_default();
            let num = format!("{}.", i + 1);
            let pad = " ".repeat(num.len() + 3);
            let tags = self.origins(&s.figures);
            self.line(format!("  {num} {title}{amount}{tags}"));
            let text = self.t(&s.text_zh, &s.text_en).to_string();
            self.line(format!("{pad}{text}"));
            let c = self.cite(&s.doc, &s.clause);
            if !c.is_empty() {
                self.line(format!("{pad}{c}"));
            }
        }
    }

    /// The origin tags of figures (`〔2026·B；2008·假设〕`), each once, in order; empty without
    /// figures.
    pub fn origins(&self, figs: &[FigureOut]) -> String {
        let mut tags: Vec<&str> = Vec::new();
        for f in figs {
            let t = self.t(&f.origin_zh, &f.origin_en);
            if !tags.contains(&t) {
                tags.push(t);
            }
        }
        if tags.is_empty() {
            return String::new();
        }
        match self.lang {
            Lang::Zh => format!("  〔{}〕", tags.join("；")),
            Lang::En => format!("  [{}]", tags.join("; ")),
        }
    }

    /// The coverage year and where its figures come from, under the person line.
    pub fn period(&mut self, r: &PeriodOut) {
        let status = match (r.status.as_str(), self.lang) {
            ("notice", Lang::Zh) => "年度缴费通知",
            ("derived", Lang::Zh) => "由相邻年度通知推算",
            ("projection", Lang::Zh) => "尚无通知：标注假设",
            ("partial", Lang::Zh) => "部分数额有来源，其余为标注假设",
            ("partial", Lang::En) => "some figures sourced, the others labelled assumptions",
            (_, Lang::Zh) => "文件本身的数额",
            ("notice", Lang::En) => "annual notice",
            ("derived", Lang::En) => "worked out from a neighbouring year's notice",
            ("projection", Lang::En) => "no notice yet: labelled assumptions",
            (_, Lang::En) => "the document's own figures",
        };
        let window = match (&r.collection_from, &r.collection_to, self.lang) {
            (Some(f), Some(t), Lang::Zh) => format!("；集中缴费期 {f} 至 {t}"),
            (Some(f), Some(t), Lang::En) => format!("; collection {f} to {t}"),
            _ => String::new(),
        };
        self.line(match self.lang {
            Lang::Zh => format!("医保年度 {}（{status}，{}）{window}", r.year, r.doc),
            Lang::En => format!("Coverage year {} ({status}, {}){window}", r.year, r.doc),
        });
        if let Some(n) = r.newest_sourced_year.filter(|n| *n < r.year) {
            self.line(match self.lang {
                Lang::Zh => format!("【注意】最新有来源的医保年度为 {n}，本年度数额为假设。"),
                Lang::En => format!("[note] The newest sourced coverage year is {n}; this year's figures are assumptions."),
            });
        }
    }

    /// Add-ons (长期护理保险) as their own lines, and the total with them.
    pub fn addons(&mut self, addons: &[AddonOut], total: &str, range: &Range) {
        let total = format!("{}{}", yuan(total), self.range(range));
        for ad in addons {
            let text = match self.lang {
                Lang::Zh => format!(
                    "  另：{} {}（{}），合计 {}",
                    ad.name_zh,
                    yuan(&ad.amount),
                    ad.where_zh,
                    total
                ),
                Lang::En => format!(
                    "  Plus: {} {} ({}), {} in all",
                    ad.name_en,
                    yuan(&ad.amount),
                    ad.where_en,
                    total
                ),
            };
            self.line(text);
        }
    }

    /// The later notices this answer cites: document, issuer, date, grade in words, quote, page.
    pub fn sources(&mut self, sources: &[SourceOut]) {
        if sources.is_empty() {
            return;
        }
        self.blank();
        self.line(self.t("来源", "Sources"));
        for s in sources {
            let grade = self.t(&s.grade_zh, &s.grade_en).to_string();
            self.line(format!(
                "  [{}] {}（{}，{}）",
                s.id, s.doc, s.issuer_zh, s.date
            ));
            let label = self.t("可信度", "Grade");
            self.line(format!("      {label}：{}（{grade}）", s.grade));
            self.line(format!("      “{}”", s.quote_zh));
            self.line(format!("      {}", s.url));
        }
    }

    pub fn assumptions(&mut self, figs: &[FigureOut]) {
        if figs.is_empty() {
            return;
        }
        self.blank();
        self.line(self.t("本结果依据的地方取值", "Local figures this answer rests on"));
        let rows: Vec<Vec<String>> = figs
            .iter()
            .map(|f| {
                let range = match (&f.min, &f.max) {
                    (Some(lo), Some(hi)) => match self.lang {
                        Lang::Zh => format!("范围 {lo}—{hi}"),
                        Lang::En => format!("range {lo}–{hi}"),
                    },
                    _ => String::new(),
                };
                let range = match (&f.min, &f.max, self.lang) {
                    (Some(lo), None, Lang::Zh) => format!("不低于 {lo}，上限未知"),
                    (Some(lo), None, Lang::En) => format!("at least {lo}, no ceiling known"),
                    _ => range,
                };
                vec![
                    self.t(&f.label_zh, &f.label_en).to_string(),
                    f.value.clone(),
                    self.t(&f.origin_zh, &f.origin_en).to_string(),
                    self.t(&f.basis_zh, &f.basis_en).to_string(),
                    range,
                    self.cite(&f.doc, &f.clause),
                ]
            })
            .collect();
        self.table("  ", &rows);
    }
}

/// A decimal string as `¥1,234.56` (negative as `-¥…`); anything unparsable is shown as given.
pub fn yuan(s: &str) -> String {
    let (sign, digits) = match s.trim().strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", s.trim()),
    };
    match Money::parse("amount", digits) {
        Ok(m) => format!("{sign}{}", m.yuan_text()),
        Err(_) => s.to_string(),
    }
}

/// A ratio string (`0.5563`) as `55.63%`.
pub fn percent(s: &str) -> String {
    match s.trim().parse::<Decimal>() {
        Ok(d) => Rate::from_decimal(d).percent_text(),
        Err(_) => s.to_string(),
    }
}

/// Display width in terminal columns: wide (CJK, fullwidth) characters count two.
pub fn width(s: &str) -> usize {
    s.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum()
}

fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(yuan("1234.5"), "¥1,234.50");
        assert_eq!(yuan("-10.00"), "-¥10.00");
        assert_eq!(yuan("x"), "x");
        assert_eq!(percent("0.5563"), "55.63%");
        assert_eq!(width("个人a"), 5);
    }
}
