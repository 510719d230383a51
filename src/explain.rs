//! Building explanation steps and figure records, and picking a figure's value for the assumed
//! answer or for the ends of its permitted range.

use core::fmt;
use rust_decimal::Decimal;

use crate::api::{FigureOut, NoticeOut, Range, Step};
use crate::money::{Money, Rate};
use crate::policy::model::{Figure, Notice};

/// Which value of each local figure to use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    /// The labelled assumption (the answer shown).
    Assumed,
    /// Every local figure at the end of its range that is best for the resident.
    Best,
    /// Every local figure at the end of its range that is worst for the resident.
    Worst,
}

pub const PICKS: [Pick; 3] = [Pick::Assumed, Pick::Best, Pick::Worst];

/// Which end of a figure's range favours the resident.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fav {
    /// Lower is better for the resident (deductibles, own contribution, waiting period).
    Low,
    /// Higher is better for the resident (ratios, limits, subsidies).
    High,
}

pub fn val(f: &Figure, pick: Pick, fav: Fav) -> Decimal {
    if !f.basis.is_local() {
        return f.value;
    }
    let lo = f.min.unwrap_or(f.value);
    let hi = f.max.unwrap_or(f.value);
    match (pick, fav) {
        (Pick::Assumed, _) => f.value,
        (Pick::Best, Fav::Low) | (Pick::Worst, Fav::High) => lo,
        (Pick::Best, Fav::High) | (Pick::Worst, Fav::Low) => hi,
    }
}

pub fn money(f: &Figure, pick: Pick, fav: Fav) -> Money {
    Money::from_decimal(val(f, pick, fav))
}

pub fn rate(f: &Figure, pick: Pick, fav: Fav) -> Rate {
    Rate::from_decimal(val(f, pick, fav))
}

/// How a figure's value reads to a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Show {
    Yuan,
    Percent,
    Months,
}

/// An amount as a resident reads it, `¥1,234.56` — what [`Money::yuan_text`] gives, written
/// straight into the formatter (the explanation writes dozens per claim; `yuan_text` allocates
/// three strings each). Tested equal to `yuan_text` below.
#[derive(Clone, Copy)]
pub struct Yuan(pub Money);

impl fmt::Display for Yuan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.0.decimal();
        let fen = match d.scale() {
            0 => d.mantissa().checked_mul(100),
            1 => d.mantissa().checked_mul(10),
            2 => Some(d.mantissa()),
            _ => None,
        };
        let Some(u) = fen.and_then(|m| u64::try_from(m.unsigned_abs()).ok()) else {
            return f.write_str(&self.0.yuan_text());
        };
        // written backwards: two decimals, then digits grouped by three, then ¥ and the sign
        let mut buf = [0u8; 40];
        let mut i = buf.len() - 3;
        buf[i..].copy_from_slice(&[b'.', b'0' + (u % 100 / 10) as u8, b'0' + (u % 10) as u8]);
        let mut int = u / 100;
        let mut n = 0;
        loop {
            if n > 0 && n % 3 == 0 {
                i -= 1;
                buf[i] = b',';
            }
            i -= 1;
            buf[i] = b'0' + (int % 10) as u8;
            int /= 10;
            n += 1;
            if int == 0 {
                break;
            }
        }
        i -= 2;
        buf[i..i + 2].copy_from_slice("¥".as_bytes());
        if d.is_sign_negative() && u != 0 {
            i -= 1;
            buf[i] = b'-';
        }
        f.write_str(core::str::from_utf8(&buf[i..]).map_err(|_| fmt::Error)?)
    }
}

pub fn show(d: Decimal, how: Show) -> String {
    match how {
        Show::Yuan => Yuan(Money::from_decimal(d)).to_string(),
        Show::Percent => Rate::from_decimal(d).percent_text(),
        Show::Months => format!("{}", d.normalize()),
    }
}

pub fn fig(
    role: &str,
    f: &Figure,
    doc: &str,
    label_zh: impl Into<String>,
    label_en: impl Into<String>,
    how: Show,
) -> FigureOut {
    let unit = match how {
        Show::Yuan => "yuan",
        Show::Percent => "ratio",
        Show::Months => "months",
    };
    FigureOut {
        role: role.to_string(),
        raw: f.value.normalize().to_string(),
        unit: unit.to_string(),
        raw_min: f.min.map(|d| d.normalize().to_string()),
        raw_max: f.max.map(|d| d.normalize().to_string()),
        label_zh: label_zh.into(),
        label_en: label_en.into(),
        value: show(f.value, how),
        basis: f.basis.id().to_string(),
        basis_zh: f.basis.zh().to_string(),
        basis_en: f.basis.en().to_string(),
        doc: f.doc.clone().unwrap_or_else(|| doc.to_string()),
        clause: f.clause.clone(),
        min: f.min.map(|d| show(d, how)),
        max: f.max.map(|d| show(d, how)),
        formula: f.formula.clone(),
        note_zh: f.note_zh.clone(),
        note_en: f.note_en.clone(),
        source: None,
        origin_zh: String::new(),
        origin_en: String::new(),
    }
    .with_origin()
}

impl FigureOut {
    /// Sets the origin tag from the figure's source (its date's year and grade) or, without
    /// one, from its document's year and its basis; see [`FigureOut::origin_zh`].
    pub fn with_origin(mut self) -> FigureOut {
        let (word_zh, word_en) = match self.basis.as_str() {
            "stated" => ("原文", "stated"),
            "derived" => ("推算", "derived"),
            "floor" => ("下限", "floor"),
            "ceiling" => ("上限", "ceiling"),
            _ => ("假设", "assumed"),
        };
        let (year, grade) = match &self.source {
            // a lead whose date is not known: the year its document names
            Some(s) => (
                s.date
                    .get(..4)
                    .filter(|y| year_in(y))
                    .or_else(|| doc_year(&s.doc)),
                Some(s.grade.as_str()),
            ),
            None => (doc_year(&self.doc), None),
        };
        let (year_zh, year_en) = match year {
            Some(y) => (y, y),
            None if grade.is_some() => ("年份未知", "year unknown"),
            None => ("未找到", "not found"),
        };
        (self.origin_zh, self.origin_en) = match (grade, self.basis.as_str()) {
            (Some(g), b) => {
                let gz = if g == "A-mirror" { "A镜像" } else { g };
                let (sz, se) = if b == "stated" {
                    (String::new(), String::new())
                } else {
                    (format!("·{word_zh}"), format!("·{word_en}"))
                };
                (format!("{year_zh}·{gz}{sz}"), format!("{year_en}·{g}{se}"))
            }
            (None, _) => (
                format!("{year_zh}·{word_zh}"),
                format!("{year_en}·{word_en}"),
            ),
        };
        self
    }
}

fn year_in(y: &str) -> bool {
    y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) && ("1990"..="2100").contains(&y)
}

/// The year a document's number or title carries (`吉政办发[2008]12号` → 2008): the first run of
/// four digits from 1990 to 2100.
fn doc_year(doc: &str) -> Option<&str> {
    let b = doc.as_bytes();
    (0..b.len().saturating_sub(3)).find_map(|i| {
        let y = doc.get(i..i + 4)?;
        let edge = |j: usize| b.get(j).is_none_or(|c| !c.is_ascii_digit());
        (year_in(y) && (i == 0 || edge(i - 1)) && edge(i + 4)).then_some(y)
    })
}

/// Short tag for a figure inside step text: `（地方取值假设，范围 ¥300.00—¥900.00）`.
pub fn tag_zh(f: &Figure, how: Show) -> String {
    match (f.basis.is_local(), f.min, f.max) {
        (true, Some(lo), None) => {
            format!("（{}，不低于 {}，上限未知）", f.basis.zh(), show(lo, how))
        }
        (true, Some(lo), Some(hi)) => format!(
            "（{}，范围 {}—{}）",
            f.basis.zh(),
            show(lo, how),
            show(hi, how)
        ),
        _ => format!("（{}）", f.basis.zh()),
    }
}

pub fn tag_en(f: &Figure, how: Show) -> String {
    match (f.basis.is_local(), f.min, f.max) {
        (true, Some(lo), None) => format!(
            " ({}, at least {}, no ceiling known)",
            f.basis.en(),
            show(lo, how)
        ),
        (true, Some(lo), Some(hi)) => format!(
            " ({}, range {}–{})",
            f.basis.en(),
            show(lo, how),
            show(hi, how)
        ),
        _ => format!(" ({})", f.basis.en()),
    }
}

#[allow(clippy::too_many_arguments)]
pub fn step(
    id: impl Into<String>,
    title_zh: &str,
    title_en: &str,
    text_zh: String,
    text_en: String,
    amount: Option<Money>,
    doc: &str,
    clause: &str,
    figures: Vec<FigureOut>,
) -> Step {
    Step {
        id: id.into(),
        title_zh: title_zh.to_string(),
        title_en: title_en.to_string(),
        text_zh,
        text_en,
        amount: amount.map(Money::plain),
        doc: doc.to_string(),
        clause: clause.to_string(),
        figures,
    }
}

/// A policy notice as shown; `doc` is the file's document, used unless the notice names another.
pub fn notice(n: &Notice, doc: &str) -> NoticeOut {
    NoticeOut {
        kind: n.kind.clone(),
        zh: n.zh.clone(),
        en: n.en.clone(),
        doc: n.doc.clone().unwrap_or_else(|| doc.to_string()),
        clause: n.clause.clone(),
    }
}

/// The policy notices for a person (`has` tells their statuses): those without a status filter
/// and those naming one of the person's statuses; with `claims_only`, only those shown with
/// claim results.
pub fn notices_for(
    notices: &[Notice],
    has: &dyn Fn(&str) -> bool,
    doc: &str,
    claims_only: bool,
) -> Vec<NoticeOut> {
    notices
        .iter()
        .filter(|n| !claims_only || n.on_claims)
        .filter(|n| n.statuses_any.is_empty() || n.statuses_any.iter().any(|s| has(s)))
        .map(|n| notice(n, doc))
        .collect()
}

pub fn note(kind: &str, zh: String, en: String, doc: &str, clause: &str) -> NoticeOut {
    NoticeOut {
        kind: kind.to_string(),
        zh,
        en,
        doc: doc.to_string(),
        clause: clause.to_string(),
    }
}

/// The low–high span of a value computed under each pick.
pub fn range_of(values: &[Money]) -> Range {
    let lo = values.iter().copied().min().unwrap_or(Money::ZERO);
    let hi = values.iter().copied().max().unwrap_or(Money::ZERO);
    Range {
        low: lo.plain(),
        high: hi.plain(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::model::Basis;

    #[test]
    fn a_document_names_its_year() {
        assert_eq!(doc_year("吉政办发[2008]12号"), Some("2008"));
        assert_eq!(doc_year("吉政办发〔2016〕84号"), Some("2016"));
        assert_eq!(
            doc_year("省政府关于建立城镇居民基本医疗保险制度的意见（江苏，2007-04-05）"),
            Some("2007")
        );
        assert_eq!(doc_year("民发[2007]156号"), Some("2007"));
        // not part of a longer number, not outside 1990–2100
        assert_eq!(doc_year("编号 120081 与 3000"), None);
        assert_eq!(
            doc_year("本项目的假设（吉林省医疗救助年度救助限额未找到）"),
            None
        );
    }

    fn figure(basis: Basis, doc: Option<&str>) -> Figure {
        Figure {
            value: Decimal::from(900),
            basis,
            clause: "二(五)2".into(),
            doc: doc.map(Into::into),
            min: Some(Decimal::from(300)),
            max: Some(Decimal::from(900)),
            formula: None,
            note_zh: None,
            note_en: None,
            source: None,
        }
    }

    #[test]
    fn the_origin_tag_tells_a_2026_band_from_a_2008_deductible() {
        // a 2016 scheme's deductible resting on the 2008 pilot, assumed
        let d = fig(
            "deductible",
            &figure(Basis::Assumed, Some("吉政办发[2008]12号")),
            "吉政办发〔2016〕84号",
            "",
            "",
            Show::Yuan,
        );
        assert_eq!(
            (d.origin_zh.as_str(), d.origin_en.as_str()),
            ("2008·假设", "2008·assumed")
        );
        // the document's own stated figure
        let mut f = figure(Basis::Stated, None);
        (f.min, f.max) = (None, None);
        let s = fig("ratio", &f, "吉政办发〔2016〕84号", "", "", Show::Percent);
        assert_eq!(s.origin_zh, "2016·原文");
        // a later notice's figure: its source's year and grade, and the basis unless stated
        let mut band = s.clone();
        band.source = Some(crate::api::SourceOut {
            id: "J7".into(),
            doc: String::new(),
            issuer_zh: String::new(),
            date: "2026-01-15".into(),
            url: String::new(),
            grade: "B".into(),
            grade_zh: String::new(),
            grade_en: String::new(),
            quote_zh: String::new(),
            note_zh: None,
            note_en: None,
        });
        let band = band.with_origin();
        assert_eq!(band.origin_zh, "2026·B");
        let mut floor = band.clone();
        floor.basis = "floor".into();
        floor.source.as_mut().unwrap().grade = "A-mirror".into();
        let floor = floor.with_origin();
        assert_eq!(
            (floor.origin_zh.as_str(), floor.origin_en.as_str()),
            ("2026·A镜像·下限", "2026·A-mirror·floor")
        );
        // this project's own assumption, nothing found
        let p = fig(
            "maf_cap",
            &figure(Basis::Assumed, Some("本项目的假设（未找到）")),
            "x",
            "",
            "",
            Show::Yuan,
        );
        assert_eq!(p.origin_zh, "未找到·假设");
    }

    #[test]
    fn yuan_writes_what_yuan_text_gives() {
        let cases = [
            "0",
            "0.5",
            "1",
            "12.3",
            "999.99",
            "1000",
            "1234.56",
            "100000000",
            "123456789.01",
            "-0.01",
            "-1234.5",
            "-1000000",
        ];
        for c in cases {
            let m = Money::from_decimal(c.parse().unwrap());
            assert_eq!(Yuan(m).to_string(), m.yuan_text(), "{c}");
        }
        for fen in (0..2_000_000i64).step_by(997) {
            let m = Money::from_decimal(Decimal::new(fen, 2));
            assert_eq!(Yuan(m).to_string(), m.yuan_text(), "{fen}");
            let m = Money::from_decimal(Decimal::new(fen * 1_000, 1));
            assert_eq!(Yuan(m).to_string(), m.yuan_text(), "{fen}");
        }
    }
}
