//! The layers after the basic fund in the CLI's tables, and the `enrolment` command (when
//! benefits start after a late or broken enrolment; the 大病保险 maximum after the incentives).

use super::args::Args;
use super::show::{yuan, Page};
use super::{is_zero, ok, person, person_line, to_json, Fail, Output};
use yibao::api::*;
use yibao::{Engine, Error, ErrorKind};

/// Rows for 大病保险, 医疗救助 and the funds' sum, shown when a layer paid.
pub fn rows(p: &Page, hifmi: (&str, &Range), maf: (&str, &Range), fund: &str) -> Vec<Vec<String>> {
    let mut v = Vec::new();
    if is_zero(hifmi.0) && is_zero(maf.0) {
        return v;
    }
    if !is_zero(hifmi.0) {
        v.push(vec![
            p.t("大病保险支出", "Critical-illness insurance pays")
                .to_string(),
            format!("{}{}", yuan(hifmi.0), p.range(hifmi.1)),
        ]);
    }
    if !is_zero(maf.0) {
        v.push(vec![
            p.t("医疗救助支出", "Medical assistance pays").to_string(),
            format!("{}{}", yuan(maf.0), p.range(maf.1)),
        ]);
    }
    v.push(vec![
        p.t("基金支付合计", "Funds pay in total").to_string(),
        yuan(fund),
    ]);
    v
}

/// The parts of what the resident pays, under 个人负担总金额: out of scope, the deductible, the
/// co-payment, the part above the limit, the waiting period's part — what the basic fund left.
/// When 大病保险 or 医疗救助 paid some of it, the parts are listed under what the resident bore
/// before them and the layers' payment is taken off, so the lines add up either way.
pub fn burden_rows(p: &Page, f: Burden) -> Vec<Vec<String>> {
    let layered = !is_zero(f.hifmi) || !is_zero(f.maf);
    let indent = if layered { "    " } else { "  " };
    let paid = dec(f.hifmi) + dec(f.maf);
    let mut v = Vec::new();
    if layered {
        v.push(vec![
            p.t(
                "  大病保险、医疗救助支付前",
                "  before critical-illness insurance and medical assistance",
            )
            .to_string(),
            yuan(&(dec(f.psn) + paid).to_string()),
        ]);
    }
    for (x, zh, en) in [
        (f.ownpay, "其中 全自费", "of which outside policy scope"),
        (f.dedc, "其中 起付线", "of which the deductible"),
        (f.coins, "其中 按比例自付", "of which co-payment"),
        (
            f.above,
            "其中 超过最高支付限额",
            "of which above the annual limit",
        ),
        (
            f.waiting,
            "其中 等待期内不予支付",
            "of which in the waiting period",
        ),
    ] {
        if !is_zero(x) {
            v.push(vec![format!("{indent}{}", p.t(zh, en)), yuan(x)]);
        }
    }
    if layered {
        v.push(vec![
            p.t("  减 大病保险、医疗救助支付", "  less what they pay")
                .to_string(),
            format!("−{}", yuan(&paid.to_string())),
        ]);
    }
    v
}

/// The amounts [`burden_rows`] lists, as the answer's decimal strings.
pub struct Burden<'a> {
    pub psn: &'a str,
    pub ownpay: &'a str,
    pub dedc: &'a str,
    pub coins: &'a str,
    pub above: &'a str,
    pub waiting: &'a str,
    pub hifmi: &'a str,
    pub maf: &'a str,
}

/// An answer's decimal string (always valid: the engine wrote it).
fn dec(s: &str) -> rust_decimal::Decimal {
    s.parse().unwrap_or_default()
}

fn count(a: &Args, flag: &str) -> Result<u16, Error> {
    match a.get(flag) {
        None => Ok(0),
        Some(s) => s
            .trim()
            .parse::<u16>()
            .ok()
            .filter(|n| *n <= 100)
            .ok_or_else(|| {
                Error::new(
                    ErrorKind::InvalidInput,
                    format!("{flag} 应为 0—100 的整数年数，收到“{s}”"),
                    format!("{flag} must be a whole number of years from 0 to 100, got \"{s}\""),
                )
                .field(flag)
            }),
    }
}

/// An optional `yes|no` flag.
fn yes_no(a: &Args, flag: &str) -> Result<Option<bool>, Error> {
    match a.get(flag) {
        None => Ok(None),
        Some("yes" | "true" | "是") => Ok(Some(true)),
        Some("no" | "false" | "否") => Ok(Some(false)),
        Some(x) => Err(Error::new(
            ErrorKind::InvalidInput,
            format!("{flag} 应为 yes 或 no，收到“{x}”"),
            format!("{flag} must be yes or no, got \"{x}\""),
        )
        .field(flag)),
    }
}

/// `--newborn`: the exempt group 国办发〔2024〕38号 names.
fn exempt(a: &Args) -> Option<String> {
    a.has("--newborn").then(|| "newborn".to_string())
}

/// The enrolment flags of `claim` and `compare` (`--in-window`, `--missed`, `--extra-paid`,
/// `--newborn`): how the person enrolled for the coverage year `--paid-on` pays for. `None`
/// when none is given.
pub fn enrolment_in(a: &Args) -> Result<Option<EnrolmentIn>, Error> {
    let e = EnrolmentIn {
        paid_in_window: yes_no(a, "--in-window")?,
        years_missed: count(a, "--missed")?,
        extra_years_paid: count(a, "--extra-paid")?,
        exempt: exempt(a),
    };
    Ok((e != EnrolmentIn::default()).then_some(e))
}

/// `yibao enrolment`: 去年参保了吗？断保几年？
pub fn enrolment(a: &Args, engine: &Engine) -> Result<Output, Fail> {
    a.no_positional()?;
    let year = super::coverage_year(&a.require("--year")?)?;
    let req = EnrolmentRequest {
        person: person(a, engine)?,
        year,
        years_continuous: count(a, "--continuous")?,
        years_missed: count(a, "--missed")?,
        paid_in_window: yes_no(a, "--in-window")?,
        extra_years_paid: count(a, "--extra-paid")?,
        no_claim_last_year: a.has("--no-claim-last-year"),
        paid_on: a.get("--paid-on").map(str::to_string),
        exempt: exempt(a),
    };
    let r = engine.enrolment(&req)?;
    if a.json {
        return to_json(&r);
    }
    let cat = engine.catalogue();
    let mut p = Page::new(a.lang);
    p.line(person_line(&p, &cat, &req.person));
    p.line(match p.lang {
        super::Lang::Zh => format!("{} 医保年度", r.year),
        super::Lang::En => format!("coverage year {}", r.year),
    });
    p.blank();
    let mut rows = vec![
        vec![
            p.t("待遇开始日期", "Benefits start").to_string(),
            r.benefits_from.clone(),
        ],
        vec![
            p.t("等待期（月）", "Waiting period (months)").to_string(),
            r.waiting_months.to_string(),
        ],
    ];
    if let Some(e) = &r.benefits_from_earliest {
        rows.push(vec![
            p.t("若属免设等待期的群体", "If among the exempt groups")
                .to_string(),
            e.clone(),
        ]);
    }
    rows.extend([vec![
        p.t("计入激励的连续参保年数", "Continuous years counted")
            .to_string(),
        r.continuous_years.to_string(),
    ]]);
    if let Some(m) = &r.maximum {
        rows.push(vec![
            p.t("大病保险最高支付限额", "Critical-illness maximum")
                .to_string(),
            yuan(m),
        ]);
    }
    p.table("", &rows);
    p.notices("请注意", "Notices", &r.notices);
    p.steps(&r.steps);
    ok(p.buf)
}
