//! 与上年相比: one person's premium in two coverage years, line by line (`lines.rs` on each year's
//! own [`Engine::premium`] answer), the change, and the sources of both years; then the dated
//! rules after the basic fund (大病保险, 医疗救助) and the waiting period as in force at the end of
//! each year. A year no source covers says so (`year_not_sourced`, with the sourced years) and
//! nothing is compared; a projection is compared and labelled as one.

use crate::api::*;
use crate::date::Date;
use crate::engine::Engine;
use crate::error::{Error, ErrorKind};
use crate::explain::{note, Show};
use crate::lines::dec;
use crate::policy::model::{Figure, Policy};
use crate::timeline::fig_in;

fn bad_year(field: &str, y: u16) -> Error {
    Error::new(
        ErrorKind::InvalidInput,
        format!("医保年度 {y} 不在 1990—2100 之间"),
        format!("coverage year {y} is not between 1990 and 2100"),
    )
    .field(field)
}

/// A year's premium, or why the year has none (any other error is the person's, not the year's).
fn side(
    e: &Engine,
    person: &PersonInput,
    year: u16,
) -> Result<(DiffYear, Option<PremiumResult>), Error> {
    let req = PremiumRequest {
        person: person.clone(),
        date: None,
        year: Some(year),
    };
    match e.premium(&req) {
        Ok(p) => {
            let d = &p.period;
            let y = DiffYear {
                year,
                status: d.status.clone(),
                doc: d.doc.clone(),
                note_zh: d.note_zh.clone(),
                note_en: d.note_en.clone(),
                collection_from: d.collection_from.clone(),
                collection_to: d.collection_to.clone(),
                sources: p.sources.clone(),
                error: None,
            };
            Ok((y, Some(p)))
        }
        Err(err)
            if matches!(
                err.kind,
                ErrorKind::YearNotSourced | ErrorKind::DateOutsidePolicy
            ) =>
        {
            let y = DiffYear {
                year,
                status: "not_sourced".into(),
                doc: String::new(),
                note_zh: err.message_zh.clone(),
                note_en: err.message_en.clone(),
                collection_from: None,
                collection_to: None,
                sources: Vec::new(),
                error: Some(ErrorOut::from(&err)),
            };
            Ok((y, None))
        }
        Err(err) => Err(err),
    }
}

fn local(l: &PremiumLine) -> bool {
    l.range.low != l.range.high
        || l.figure
            .as_ref()
            .is_some_and(|f| !matches!(f.basis.as_str(), "stated" | "derived"))
}

fn change(a: &PremiumLine, b: &PremiumLine) -> Option<String> {
    let (x, y) = (dec(&a.amount)?, dec(&b.amount)?);
    let d = (y - x).normalize();
    Some(if d.is_sign_positive() && !d.is_zero() {
        format!("+{d}")
    } else {
        d.to_string()
    })
}

/// Lines of both years, matched by id: the earlier year's order, then lines only the later has.
fn pair(
    from: Vec<PremiumLine>,
    to: Vec<PremiumLine>,
    unit: &str,
    projection: bool,
) -> Vec<DiffLine> {
    let mut ids: Vec<(String, String, String)> = Vec::new();
    for l in from.iter().chain(&to) {
        if !ids.iter().any(|(id, _, _)| *id == l.id) {
            ids.push((l.id.clone(), l.label_zh.clone(), l.label_en.clone()));
        }
    }
    ids.into_iter()
        .map(|(id, zh, en)| {
            let a = from.iter().find(|l| l.id == id).cloned();
            let b = to.iter().find(|l| l.id == id).cloned();
            let unit = match id.as_str() {
                x if x.ends_with("ratio") || x.starts_with("band_") => "ratio",
                x if x.ends_with("months") => "months",
                _ => unit,
            };
            DiffLine {
                change: a.as_ref().zip(b.as_ref()).and_then(|(a, b)| change(a, b)),
                assumed: projection || a.iter().chain(&b).any(local),
                id,
                label_zh: zh,
                label_en: en,
                unit: unit.into(),
                from: a,
                to: b,
            }
        })
        .collect()
}

/// A dated rule's figure as a line of the year it holds in.
fn rule_line(p: &Policy, id: &str, f: &Figure, zh: &str, en: &str, how: Show) -> PremiumLine {
    let fig = fig_in(id, f, p, zh, en, how);
    let v = f.value.normalize().to_string();
    PremiumLine {
        id: id.into(),
        label_zh: zh.into(),
        label_en: en.into(),
        // a local figure open above (its ceiling not found) has no high end: ""
        range: Range {
            low: f
                .min
                .map_or_else(|| v.clone(), |m| m.normalize().to_string()),
            high: match (f.max, f.basis.is_local()) {
                (Some(m), _) => m.normalize().to_string(),
                (None, true) => String::new(),
                (None, false) => v.clone(),
            },
        },
        amount: v,
        figure: Some(fig),
    }
}

/// Whether a rule dated `from`–`to` is in force on `d`.
fn holds(from: &str, to: &Option<String>, d: Date) -> bool {
    let f = Date::parse("from", from).ok();
    let t = to.as_deref().and_then(|t| Date::parse("to", t).ok());
    f.is_some_and(|f| f <= d) && t.is_none_or(|t| d <= t)
}

/// The dated rules in force on the last day of `year`, as lines.
fn benefit_lines(files: &[&Policy], year: u16) -> Vec<PremiumLine> {
    let Some(end) = Date::new(i32::from(year), 12, 31) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for p in files {
        for c in p.critical.iter().filter(|c| holds(&c.from, &c.to, end)) {
            out.push(rule_line(
                p,
                "critical_threshold",
                &c.threshold,
                "大病保险起付标准",
                "Critical-illness threshold",
                Show::Yuan,
            ));
            for (i, b) in c.bands.iter().enumerate() {
                let (zh, en) = (
                    format!("大病保险第{}段支付比例", i + 1),
                    format!("Critical-illness band {} ratio", i + 1),
                );
                out.push(rule_line(
                    p,
                    &format!("band_{}", i + 1),
                    &b.ratio,
                    &zh,
                    &en,
                    Show::Percent,
                ));
            }
            out.push(rule_line(
                p,
                "critical_maximum",
                &c.maximum,
                "大病保险最高支付限额",
                "Critical-illness maximum",
                Show::Yuan,
            ));
        }
        for a in p.assistance.iter().filter(|a| holds(&a.from, &a.to, end)) {
            out.push(rule_line(
                p,
                "assistance_ratio",
                &a.ratio,
                "医疗救助比例（低保、特困）",
                "Medical assistance ratio (dibao, special hardship)",
                Show::Percent,
            ));
            out.push(rule_line(
                p,
                "assistance_cap",
                &a.cap,
                "医疗救助年度限额",
                "Medical assistance yearly cap",
                Show::Yuan,
            ));
        }
        for w in p.waiting.iter().filter(|w| holds(&w.from, &w.to, end)) {
            if let Some(f) = &w.fixed_months {
                out.push(rule_line(
                    p,
                    "waiting_fixed_months",
                    f,
                    "固定待遇等待期（月）",
                    "Fixed waiting period (months)",
                    Show::Months,
                ));
            }
        }
    }
    out
}

impl Engine {
    /// 与上年相比: the person's premium in `from` and `to`, line by line with the change and both
    /// years' sources, and the dated benefit rules of each year.
    pub fn diff(&self, r: &DiffRequest) -> Result<DiffResult, Error> {
        for (field, y) in [("from", r.from), ("to", r.to)] {
            if !(1990..=2100).contains(&y) {
                return Err(bad_year(field, y));
            }
        }
        let who = self.who(&r.person)?;
        let files = self.annual_for(&r.person, &who);
        let (from, a) = side(self, &r.person, r.from)?;
        let (to, b) = side(self, &r.person, r.to)?;
        let projection = [&from, &to].iter().any(|y| y.status == "projection");
        let compared = a.is_some() && b.is_some();
        let lines = pair(
            a.as_ref()
                .map(crate::lines::premium_lines)
                .unwrap_or_default(),
            b.as_ref()
                .map(crate::lines::premium_lines)
                .unwrap_or_default(),
            "yuan",
            projection,
        );
        let lines = if compared {
            lines
        } else {
            lines
                .into_iter()
                .map(|l| DiffLine { change: None, ..l })
                .collect()
        };
        let benefits = pair(
            benefit_lines(&files, r.from),
            benefit_lines(&files, r.to),
            "yuan",
            false,
        );
        let mut notices = Vec::new();
        for y in [&from, &to].into_iter().filter(|y| y.error.is_some()) {
            notices.push(note(
                "warning",
                format!("医保年度 {} 没有有来源的缴费数额，不作比较：{}", y.year, y.note_zh),
                format!("Coverage year {} has no sourced contribution figures, so nothing is compared: {}", y.year, y.note_en),
                "",
                "",
            ));
        }
        for y in [&from, &to]
            .into_iter()
            .filter(|y| y.status == "projection")
        {
            notices.push(note(
                "warning",
                format!("医保年度 {} 尚无通知：数额是标注的假设（预测），变化也只是预测。", y.year),
                format!("Coverage year {} has no notice yet: its figures are labelled assumptions (a projection), and so is the change.", y.year),
                &y.doc,
                "",
            ));
        }
        if who.policy.benefits.is_some() {
            notices.push(note(
                "info",
                format!("基本医保统筹基金的起付标准、支付比例和最高支付限额按方案文件（{}），不按医保年度变化，本表不作比较；下表只比较年度文件中按日期的规则（在各年最后一天有效者）。", who.policy.meta.doc),
                format!("The basic fund's deductibles, ratios and limits follow the scheme's document ({}), not the coverage year, and are not compared here; the benefit lines are the annual files' dated rules in force on each year's last day.", who.policy.meta.doc),
                &who.policy.meta.doc,
                "",
            ));
        }
        Ok(DiffResult {
            from,
            to,
            compared,
            lines,
            benefits,
            notices,
        })
    }
}
