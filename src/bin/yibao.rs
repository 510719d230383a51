//! `yibao` — the command-line interface to the 医保测算 core. Human output is Chinese first
//! (`--lang en` for English); `--json` prints the API response as JSON. Errors go to stderr in
//! both languages with exit code 2; `check` findings exit 1. See CLI.md.

#[path = "yibao/args.rs"]
mod args;
#[path = "yibao/city.rs"]
mod city;
#[path = "yibao/decision.rs"]
mod decision;
#[path = "yibao/diff.rs"]
mod diff;
#[path = "yibao/files.rs"]
mod files;
#[path = "yibao/help.rs"]
mod help;
#[path = "yibao/household.rs"]
mod household;
#[path = "yibao/layers.rs"]
mod layers;
#[path = "yibao/pack.rs"]
mod pack;
#[path = "yibao/show.rs"]
mod show;
#[path = "yibao/yearfile.rs"]
mod yearfile;

use std::io::Write;

use rust_decimal::Decimal;
use serde::Serialize;
use yibao::api::*;
use yibao::{Engine, Error, ErrorKind};

use args::{Args, Lang};
use show::{percent, yuan, Page};

/// One or more errors that end the run.
struct Fail(Vec<Error>);

impl From<Error> for Fail {
    fn from(e: Error) -> Fail {
        Fail(vec![e])
    }
}

/// What a command produced: text for stdout and the exit code.
struct Output {
    text: String,
    code: i32,
}

fn ok(text: String) -> Result<Output, Fail> {
    Ok(Output { text, code: 0 })
}

fn main() {
    let raw: Vec<String> = match std::env::args_os()
        .skip(1)
        .map(|a| a.into_string())
        .collect::<Result<Vec<_>, _>>()
    {
        Ok(v) => v,
        Err(a) => {
            let e = Error::new(
                ErrorKind::InvalidInput,
                format!("参数不是有效的 UTF-8 文本：{}", a.to_string_lossy()),
                format!("argument is not valid UTF-8: {}", a.to_string_lossy()),
            );
            report(&[e], false);
            std::process::exit(2);
        }
    };
    let args = match Args::parse(raw) {
        Ok(a) => a,
        Err(e) => {
            report(&[e], false);
            to_stderr("用法见 yibao --help / see yibao --help");
            std::process::exit(2);
        }
    };
    let code = match run(&args) {
        Ok(out) => {
            emit(&out.text);
            out.code
        }
        Err(Fail(errs)) => {
            report(&errs, args.json);
            2
        }
    };
    std::process::exit(code);
}

/// Writes to stdout; a closed pipe (`yibao list | head -1`) ends the run quietly.
fn emit(text: &str) {
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            to_stderr(&format!(
                "错误：无法写出结果：{e}\nError: cannot write output: {e}"
            ));
            std::process::exit(2);
        }
    }
}

fn to_stderr(s: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{s}");
}

/// Every error in both languages on stderr; with `--json` also `{"errors": [...]}` on stdout.
fn report(errs: &[Error], json: bool) {
    let mut s = String::new();
    for e in errs {
        s.push_str(&format!(
            "错误 [{}]: {}\nError: {}\n",
            e.code(),
            e.message_zh,
            e.message_en
        ));
        if let Some(f) = &e.file {
            s.push_str(&format!("  文件 file: {f}\n"));
        }
        if let Some(f) = &e.field {
            match flag_for(f) {
                Some(flag) if flag != f => s.push_str(&format!("  字段 field: {f} ({flag})\n")),
                _ => s.push_str(&format!("  字段 field: {f}\n")),
            }
        }
        if let Some(c) = &e.clause {
            s.push_str(&format!("  依据 clause: {c}\n"));
        }
        if let (Some(zh), Some(en)) = (&e.send_to_zh, &e.send_to_en) {
            s.push_str(&format!("  应参加 belongs to: {zh} / {en}\n"));
        }
    }
    let _ = std::io::stderr().lock().write_all(s.as_bytes());
    if json {
        #[derive(Serialize)]
        struct Errors {
            errors: Vec<ErrorOut>,
        }
        let v = Errors {
            errors: errs.iter().map(ErrorOut::from).collect(),
        };
        if let Ok(t) = serde_json::to_string_pretty(&v) {
            emit(&format!("{t}\n"));
        }
    }
}

/// The command-line option behind an API field (`claim.medfee_sumamt` → `--total`).
fn flag_for(field: &str) -> Option<&'static str> {
    let base = field.split('[').next().unwrap_or(field);
    Some(match base {
        "person.scheme" => "--scheme",
        "person.region" => "--region",
        "person.category" => "--category",
        "person.statuses" => "--status",
        "claim.kind" => "--kind",
        "claim.level" => "--level",
        "claim.date" | "date" => "--date",
        "claim.medfee_sumamt" => "--total",
        "claim.fulamt_ownpay_amt" => "--out-of-scope",
        "claim.disease" => "--disease",
        "paid_on" => "--paid-on",
        "renewed_without_break" => "--renewed",
        _ => return None,
    })
}

fn to_json<T: Serialize>(v: &T) -> Result<Output, Fail> {
    match serde_json::to_string_pretty(v) {
        Ok(t) => ok(format!("{t}\n")),
        Err(e) => Err(Error::new(
            ErrorKind::InvalidInput,
            format!("无法生成 JSON：{e}"),
            format!("cannot produce JSON: {e}"),
        )
        .into()),
    }
}

fn run(a: &Args) -> Result<Output, Fail> {
    if a.version {
        return ok(format!("yibao {}\n", env!("CARGO_PKG_VERSION")));
    }
    let Some(cmd) = a.cmd.as_deref() else {
        if a.help {
            return ok(format!("{}\n", help::text(None)));
        }
        to_stderr(help::text(None));
        return Err(Error::new(
            ErrorKind::InvalidInput,
            format!("缺少命令；可用：{}", args::known_commands()),
            format!("missing command; known: {}", args::known_commands()),
        )
        .field("command")
        .into());
    };
    if a.help {
        return ok(format!("{}\n", help::text(Some(cmd))));
    }
    if cmd == "check" {
        return check(a);
    }
    if cmd == "pack" {
        return pack::run(a);
    }
    let engine = engine(a)?;
    match cmd {
        "list" => list(a, &engine),
        "premium" => premium(a, &engine),
        "eligibility" => eligibility(a, &engine),
        "claim" => claim(a, &engine),
        "compare" => compare(a, &engine),
        "year" => year(a, &engine),
        "enrolment" => layers::enrolment(a, &engine),
        "household" => household::run(a, &engine),
        "diff" => diff::run(a, &engine),
        "decision" => decision::run(a, &engine),
        _ => ok(format!("{}\n", help::text(None))),
    }
}

fn read_file(path: &str) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(|e| {
        Error::new(
            ErrorKind::InvalidInput,
            format!("无法读取文件 {path}：{e}"),
            format!("cannot read {path}: {e}"),
        )
        .file(path)
    })
}

/// The built-in engine plus any `--policy` files.
fn engine(a: &Args) -> Result<Engine, Fail> {
    let mut e = Engine::builtin().map_err(Fail)?;
    for f in a.all("--policy") {
        let text = read_file(&f)?;
        e.add_policy(&f, &text).map_err(Fail)?;
    }
    Ok(e)
}

// ---------------------------------------------------------------- names

fn scheme<'a>(cat: &'a Catalogue, id: &str) -> Result<&'a SchemeOut, Error> {
    cat.schemes.iter().find(|s| s.id == id).ok_or_else(|| {
        let known: Vec<&str> = cat.schemes.iter().map(|s| s.id.as_str()).collect();
        Error::unknown("方案", "scheme", "--scheme", id, &known)
    })
}

fn name<'a>(p: &Page, zh: &'a str, en: &'a str) -> &'a str {
    match p.lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// `吉林省… · 市（州）统筹地区 · 成年居民 · 低保` from the catalogue (ids where unknown).
fn person_line(p: &Page, cat: &Catalogue, person: &PersonInput) -> String {
    let Some(s) = cat.schemes.iter().find(|s| s.id == person.scheme) else {
        return person.scheme.clone();
    };
    let mut parts = vec![name(p, &s.name_zh, &s.name_en).to_string()];
    parts.push(
        s.regions
            .iter()
            .find(|r| r.id == person.region)
            .map_or(person.region.clone(), |r| {
                name(p, &r.name_zh, &r.name_en).to_string()
            }),
    );
    parts.push(
        s.categories
            .iter()
            .find(|c| c.id == person.category)
            .map_or(person.category.clone(), |c| {
                name(p, &c.name_zh, &c.name_en).to_string()
            }),
    );
    for st in &person.statuses {
        parts.push(
            s.statuses
                .iter()
                .find(|x| &x.id == st)
                .map_or(st.clone(), |x| name(p, &x.name_zh, &x.name_en).to_string()),
        );
    }
    parts.join(" · ")
}

fn person(a: &Args, engine: &Engine) -> Result<PersonInput, Error> {
    let (scheme, region) = scheme_region(a, engine)?;
    Ok(PersonInput {
        scheme,
        region,
        category: a.require("--category")?,
        statuses: a.all("--status"),
    })
}

/// `--scheme` and `--region`, or what `--city` resolves to.
fn scheme_region(a: &Args, engine: &Engine) -> Result<(String, String), Error> {
    Ok(match a.get("--city") {
        // a division by code, name or pinyin (city.rs); --region would say it twice
        Some(c) if a.has("--region") => {
            return Err(Error::new(
                ErrorKind::InvalidInput,
                format!("--city {c} 已确定统筹地区，不要同时给出 --region"),
                format!("--city {c} sets the region; leave out --region"),
            )
            .field("--region"))
        }
        Some(c) => city::resolve(c, a.get("--scheme"), &engine.catalogue())?,
        None => (a.require("--scheme")?, a.require("--region")?),
    })
}

fn is_zero(s: &str) -> bool {
    s.trim().parse::<Decimal>().is_ok_and(|d| d.is_zero())
}

// ---------------------------------------------------------------- list

fn list(a: &Args, engine: &Engine) -> Result<Output, Fail> {
    if a.positional.len() > 1 {
        return Err(Error::new(
            ErrorKind::InvalidInput,
            format!("多余的参数“{}”", a.positional[1]),
            format!("unexpected argument \"{}\"", a.positional[1]),
        )
        .field(a.positional[1].clone())
        .into());
    }
    let topic = a.positional.first().map_or("schemes", String::as_str);
    const TOPICS: &[&str] = &[
        "schemes",
        "regions",
        "categories",
        "statuses",
        "levels",
        "kinds",
    ];
    if !TOPICS.contains(&topic) {
        return Err(Error::unknown("列表", "list topic", "topic", topic, TOPICS).into());
    }
    let cat = engine.catalogue();
    let schemes: Vec<&SchemeOut> = match a.get("--scheme") {
        Some(id) => vec![scheme(&cat, id)?],
        None => cat.schemes.iter().collect(),
    };
    if a.json {
        return match topic {
            "schemes" if a.has("--scheme") => to_json(&schemes[0]),
            "schemes" => to_json(&cat),
            _ => {
                let mut m = serde_json::Map::new();
                for s in &schemes {
                    let v = match topic {
                        "regions" => serde_json::to_value(&s.regions),
                        "categories" => serde_json::to_value(&s.categories),
                        "statuses" => serde_json::to_value(&s.statuses),
                        "levels" => serde_json::to_value(&s.levels),
                        _ => serde_json::to_value(&s.claim_kinds),
                    };
                    m.insert(s.id.clone(), v.unwrap_or_default());
                }
                to_json(&m)
            }
        };
    }
    let mut p = Page::new(a.lang);
    if topic == "schemes" {
        let header = vec![
            p.t("方案", "scheme").into(),
            p.t("名称 / 文件", "name / document").into(),
            p.t("有效期", "in force").into(),
        ];
        let mut rows = vec![header];
        for s in &schemes {
            let to = s
                .effective_to
                .clone()
                .unwrap_or_else(|| p.t("（未定）", "(open)").into());
            let (first, second) = match p.lang {
                Lang::Zh => (&s.name_zh, &s.name_en),
                Lang::En => (&s.name_en, &s.name_zh),
            };
            rows.push(vec![
                s.id.clone(),
                first.clone(),
                format!("{} — {to}", s.effective_from),
            ]);
            rows.push(vec![String::new(), second.clone()]);
            rows.push(vec![String::new(), s.doc.clone()]);
        }
        p.table("", &rows);
        p.blank();
        p.line(p.t(
            "查看某方案的编号：yibao list regions|categories|statuses|levels|kinds --scheme <方案>",
            "A scheme's ids: yibao list regions|categories|statuses|levels|kinds --scheme <scheme>",
        ));
        return ok(p.buf);
    }
    for (i, s) in schemes.iter().enumerate() {
        if i > 0 {
            p.blank();
        }
        if schemes.len() > 1 {
            p.line(format!("{} — {}", s.id, name(&p, &s.name_zh, &s.name_en)));
        }
        let rows = topic_rows(&p, a.lang, topic, s);
        if rows.is_empty() {
            let why = match (topic, &s.benefits_absent_zh, &s.benefits_absent_en) {
                ("kinds" | "levels", Some(zh), Some(en)) => name(&p, zh, en).to_string(),
                _ => p.t("（无）", "(none)").to_string(),
            };
            p.line(format!("  {why}"));
        } else {
            p.table("  ", &rows);
        }
    }
    ok(p.buf)
}

/// The rows of one `list` topic for one scheme, in the page's language first.
fn topic_rows(p: &Page, lang: Lang, topic: &str, s: &SchemeOut) -> Vec<Vec<String>> {
    let both = |zh: &str, en: &str| -> [String; 2] {
        match lang {
            Lang::Zh => [zh.to_string(), en.to_string()],
            Lang::En => [en.to_string(), zh.to_string()],
        }
    };
    match topic {
        "regions" => s
            .regions
            .iter()
            .map(|r| {
                let [x, y] = both(&r.name_zh, &r.name_en);
                let src = if r.source == "city" {
                    format!("{} {}", p.t("城市文件", "city file"), r.file)
                } else {
                    p.t("框架典型取值", "framework").to_string()
                };
                vec![
                    r.id.clone(),
                    x,
                    y,
                    format!("{} {}", p.t("档次", "tier"), r.tier),
                    src,
                ]
            })
            .collect(),
        "categories" => s
            .categories
            .iter()
            .map(|c| [vec![c.id.clone()], both(&c.name_zh, &c.name_en).to_vec()].concat())
            .collect(),
        "levels" => s
            .levels
            .iter()
            .map(|c| [vec![c.id.clone()], both(&c.name_zh, &c.name_en).to_vec()].concat())
            .collect(),
        "statuses" => s
            .statuses
            .iter()
            .map(|x| {
                let kind = if x.kind == "hardship" {
                    p.t("困难群体", "hardship")
                } else {
                    p.t("情形", "situation")
                };
                let cats = if x.categories.is_empty() {
                    p.t("所有类别", "all categories").to_string()
                } else {
                    x.categories.join(",")
                };
                [
                    vec![x.id.clone()],
                    both(&x.name_zh, &x.name_en).to_vec(),
                    vec![kind.to_string(), cats],
                ]
                .concat()
            })
            .collect(),
        _ => {
            let mut rows = Vec::new();
            for k in &s.claim_kinds {
                let levels = if k.levels.is_empty() {
                    p.t("所有级别", "all levels").to_string()
                } else {
                    k.levels.join(",")
                };
                let cats = if k.categories.is_empty() {
                    p.t("所有类别", "all categories").to_string()
                } else {
                    k.categories.join(",")
                };
                rows.push(
                    [
                        vec![k.id.clone()],
                        both(&k.name_zh, &k.name_en).to_vec(),
                        vec![cats, levels],
                    ]
                    .concat(),
                );
                for d in &k.diseases {
                    rows.push(
                        [
                            vec![format!("  --disease {}", d.id)],
                            both(&d.name_zh, &d.name_en).to_vec(),
                        ]
                        .concat(),
                    );
                }
            }
            rows
        }
    }
}

// ---------------------------------------------------------------- premium, eligibility

fn premium(a: &Args, engine: &Engine) -> Result<Output, Fail> {
    a.no_positional()?;
    let req = PremiumRequest {
        person: person(a, engine)?,
        date: a.get("--date").map(str::to_string),
        year: a.get("--year").map(coverage_year).transpose()?,
    };
    let r = engine.premium(&req)?;
    if a.json {
        return to_json(&r);
    }
    let cat = engine.catalogue();
    let mut p = Page::new(a.lang);
    p.line(person_line(&p, &cat, &req.person));
    p.period(&r.period);
    p.blank();
    let class = format!(
        "{}  {}",
        name(&p, &r.subsidy_class.name_zh, &r.subsidy_class.name_en),
        p.cite(&r.subsidy_class.doc, &r.subsidy_class.clause)
    );
    // each figure's origin (source year and grade) beside it, from the step that uses it
    let tag = |p: &Page, f: &dyn Fn(&Step) -> bool| {
        r.steps
            .iter()
            .find(|s| f(s))
            .map(|s| p.origins(&s.figures))
            .unwrap_or_default()
    };
    let std_tag = tag(&p, &|s| s.id == "standard");
    let own_tag = tag(&p, &|s| s.figures.iter().any(|f| f.role == "individual"));
    let rows = vec![
        vec![
            p.t("缴费标准", "Contribution standard").to_string(),
            format!(
                "{}{}{std_tag}",
                yuan(&r.standard),
                p.range(&r.ranges.standard)
            ),
        ],
        vec![
            p.t("个人缴费", "You pay").to_string(),
            format!(
                "{}{}{own_tag}",
                yuan(&r.individual),
                p.range(&r.ranges.individual)
            ),
        ],
        vec![
            p.t("政府补助合计", "Subsidies in total").to_string(),
            format!(
                "{}{}",
                yuan(&r.subsidy_total),
                p.range(&r.ranges.subsidy_total)
            ),
        ],
        vec![p.t("补助类别", "Subsidy class").to_string(), class],
    ];
    p.table("", &rows);
    p.blank();
    p.line(p.t("各方承担", "Who pays"));
    let mut rows = vec![vec![
        p.t("个人缴费", "You pay").to_string(),
        format!(
            "{}{}{own_tag}",
            yuan(&r.individual),
            p.range(&r.ranges.individual)
        ),
    ]];
    for pa in &r.payers {
        let id = format!("subsidy_{}", pa.payer);
        rows.push(vec![
            name(&p, &pa.name_zh, &pa.name_en).to_string(),
            format!(
                "{}{}{}",
                yuan(&pa.amount),
                p.range(&pa.range),
                tag(&p, &|s| s.id == id)
            ),
            p.cite(&pa.doc, &pa.clause),
        ]);
    }
    if !is_zero(&r.unassigned) {
        rows.push(vec![
            p.t("未指明", "Unassigned").to_string(),
            yuan(&r.unassigned),
            p.t("文件未指明由谁承担", "the document assigns it to no one")
                .to_string(),
        ]);
    }
    p.table("  ", &rows);
    p.addons(
        &r.addons,
        &r.individual_with_addons,
        &r.ranges.individual_with_addons,
    );
    let warnings: Vec<NoticeOut> = r
        .eligibility
        .verdicts
        .iter()
        .map(|v| NoticeOut {
            kind: "warning".into(),
            zh: format!("{}应参加：{}", v.reason_zh, v.send_to_zh),
            en: format!("{} Belongs to: {}", v.reason_en, v.send_to_en),
            doc: v.doc.clone(),
            clause: v.clause.clone(),
        })
        .collect();
    p.notices("参保提示", "Enrolment", &warnings);
    p.notices("缴费方式", "Ways to pay", &r.payment_options);
    p.notices("请注意", "Notices", &r.notices);
    p.steps(&r.steps);
    p.assumptions(&r.assumptions);
    p.sources(&r.sources);
    ok(p.buf)
}

/// `--year 2026`: a coverage year (医保年度) as four digits.
fn coverage_year(s: &str) -> Result<u16, Error> {
    s.trim()
        .parse::<u16>()
        .ok()
        .filter(|y| (1990..=2100).contains(y))
        .ok_or_else(|| {
            Error::new(
                ErrorKind::InvalidInput,
                format!("医保年度“{s}”应为 1990—2100 之间的四位年份，如 2026"),
                format!("coverage year \"{s}\" must be a year from 1990 to 2100, e.g. 2026"),
            )
            .field("--year")
        })
}

fn eligibility(a: &Args, engine: &Engine) -> Result<Output, Fail> {
    a.no_positional()?;
    let person = person(a, engine)?;
    let r = engine.eligibility(&person)?;
    if a.json {
        return to_json(&r);
    }
    let cat = engine.catalogue();
    let mut p = Page::new(a.lang);
    p.line(person_line(&p, &cat, &person));
    p.blank();
    p.line(if r.eligible {
        p.t("可以参加本方案。", "May enrol in this scheme.")
    } else {
        p.t("不能参加本方案。", "May not enrol in this scheme.")
    });
    for v in &r.verdicts {
        let tag = match (v.verdict.as_str(), a.lang) {
            ("excluded", Lang::Zh) => "【不能参加】",
            (_, Lang::Zh) => "【注意】",
            ("excluded", Lang::En) => "[excluded] ",
            (_, Lang::En) => "[warning] ",
        };
        p.line(format!("  - {tag}{}", name(&p, &v.reason_zh, &v.reason_en)));
        let send = name(&p, &v.send_to_zh, &v.send_to_en);
        if !send.is_empty() {
            p.line(format!("    {}{send}", p.t("应参加：", "Belongs to: ")));
        }
        p.line(format!("    {}", p.cite(&v.doc, &v.clause)));
    }
    ok(p.buf)
}

// ---------------------------------------------------------------- claims

fn claim_input(a: &Args, level: String) -> Result<ClaimInput, Error> {
    Ok(ClaimInput {
        kind: a.require("--kind")?,
        level,
        date: a.require("--date")?,
        medfee_sumamt: a.require("--total")?,
        fulamt_ownpay_amt: a.get("--out-of-scope").map(str::to_string),
        disease: a.get("--disease").map(str::to_string),
    })
}

/// The settlement figures of one claim as aligned label/value rows.
fn claim_rows(p: &Page, c: &ClaimResult) -> Vec<Vec<String>> {
    let mut rows = vec![
        vec![
            p.t("医疗费总额", "Total bill").to_string(),
            yuan(&c.medfee_sumamt),
        ],
        vec![
            p.t("全自费金额", "Outside policy scope").to_string(),
            yuan(&c.fulamt_ownpay_amt),
        ],
        vec![
            p.t("符合政策范围金额", "Within policy scope").to_string(),
            yuan(&c.inscp_scp_amt),
        ],
        vec![
            p.t("实际支付起付线", "Deductible paid").to_string(),
            yuan(&c.act_pay_dedc),
        ],
        vec![
            p.t("统筹基金支出", "Fund pays").to_string(),
            format!("{}{}", yuan(&c.hifp_pay), p.range(&c.ranges.hifp_pay)),
        ],
        vec![
            p.t("统筹基金支付比例", "Fund share").to_string(),
            percent(&c.pool_prop_selfpay),
        ],
    ];
    rows.extend(layers::rows(
        p,
        (&c.hifmi_pay, &c.ranges.hifmi_pay),
        (&c.maf_pay, &c.ranges.maf_pay),
        &c.fund_pay_sumamt,
    ));
    rows.push(vec![
        p.t("个人负担总金额", "You pay").to_string(),
        format!(
            "{}{}",
            yuan(&c.psn_part_amt),
            p.range(&c.ranges.psn_part_amt)
        ),
    ]);
    rows.extend(layers::burden_rows(
        p,
        layers::Burden {
            psn: &c.psn_part_amt,
            ownpay: &c.fulamt_ownpay_amt,
            dedc: &c.act_pay_dedc,
            coins: &c.coinsurance_amt,
            above: &c.above_limit_amt,
            waiting: &c.waiting_amt,
            hifmi: &c.hifmi_pay,
            maf: &c.maf_pay,
        },
    ));
    rows
}

fn claim_title(p: &Page, c: &ClaimResult) -> String {
    match p.lang {
        Lang::Zh => format!(
            "{} · {} · {}（待遇年度 {} 至 {}）",
            c.kind_zh, c.level_zh, c.date, c.benefit_year_start, c.benefit_year_end
        ),
        Lang::En => format!(
            "{} · {} · {} (benefit year {} to {})",
            c.kind_en, c.level_en, c.date, c.benefit_year_start, c.benefit_year_end
        ),
    }
}

fn range_note(p: &mut Page) {
    p.line(p.t(
        "（范围：本结果所用的每个假设取值（见下方“本结果依据的地方取值”，各注来源年份）在其标注的范围内变动时，结果可能的最低—最高；不是当年政策允许的区间。）",
        "(Range: the lowest–highest result as each assumed figure this answer uses — listed below, each with its source year — moves within its labelled range; not the range this year's policy permits.)",
    ));
}

/// `--renewed yes|no`: whether later annual payments continued without a break.
fn renewed(a: &Args) -> Result<Option<bool>, Error> {
    match a.get("--renewed") {
        None => Ok(None),
        Some("yes" | "true" | "是") => Ok(Some(true)),
        Some("no" | "false" | "否") => Ok(Some(false)),
        Some(x) => Err(Error::new(
            ErrorKind::InvalidInput,
            format!("--renewed 应为 yes（每年连续缴费，无中断）或 no，收到“{x}”"),
            format!("--renewed must be yes (paid every year without a break) or no, got \"{x}\""),
        )
        .field("renewed_without_break")),
    }
}

fn claim(a: &Args, engine: &Engine) -> Result<Output, Fail> {
    a.no_positional()?;
    let req = ClaimRequest {
        person: person(a, engine)?,
        paid_on: a.get("--paid-on").map(str::to_string),
        renewed_without_break: renewed(a)?,
        enrolment: layers::enrolment_in(a)?,
        claim: claim_input(a, a.require("--level")?)?,
        explain: true,
    };
    let c = engine.claim(&req)?;
    if a.json {
        return to_json(&c);
    }
    let cat = engine.catalogue();
    let mut p = Page::new(a.lang);
    p.line(person_line(&p, &cat, &req.person));
    p.line(claim_title(&p, &c));
    p.blank();
    let rows = claim_rows(&p, &c);
    p.table("", &rows);
    if c.ranges.hifp_pay.low != c.ranges.hifp_pay.high
        || c.ranges.psn_part_amt.low != c.ranges.psn_part_amt.high
    {
        range_note(&mut p);
    }
    p.notices("请注意", "Notices", &c.notices);
    p.steps(&c.steps);
    p.assumptions(&c.assumptions);
    ok(p.buf)
}

fn compare(a: &Args, engine: &Engine) -> Result<Output, Fail> {
    a.no_positional()?;
    let req = CompareRequest {
        person: person(a, engine)?,
        paid_on: a.get("--paid-on").map(str::to_string),
        renewed_without_break: renewed(a)?,
        enrolment: layers::enrolment_in(a)?,
        claim: claim_input(a, String::new())?,
        explain: true,
    };
    let r = engine.compare(&req)?;
    if a.json {
        return to_json(&r);
    }
    let cat = engine.catalogue();
    let mut p = Page::new(a.lang);
    p.line(person_line(&p, &cat, &req.person));
    if let Some(c) = r.rows.iter().find_map(|row| row.result.as_ref()) {
        let head = match a.lang {
            Lang::Zh => format!(
                "{} · {} · 医疗费总额 {} · 全自费 {}",
                c.kind_zh,
                c.date,
                yuan(&c.medfee_sumamt),
                yuan(&c.fulamt_ownpay_amt)
            ),
            Lang::En => format!(
                "{} · {} · total {} · outside scope {}",
                c.kind_en,
                c.date,
                yuan(&c.medfee_sumamt),
                yuan(&c.fulamt_ownpay_amt)
            ),
        };
        p.line(head);
    }
    p.blank();
    let mut rows = vec![vec![
        p.t("医院级别", "Hospital level").to_string(),
        p.t("起付线", "Deductible").to_string(),
        p.t("统筹基金支出", "Fund pays").to_string(),
        p.t("支付比例", "Fund share").to_string(),
        p.t("个人负担", "You pay").to_string(),
        p.t("个人负担范围", "You pay (range)").to_string(),
    ]];
    let mut notices: Vec<NoticeOut> = Vec::new();
    for row in &r.rows {
        let level = format!("{} ({})", name(&p, &row.name_zh, &row.name_en), row.level);
        match (&row.result, &row.error) {
            (Some(c), _) => {
                let range = &c.ranges.psn_part_amt;
                let range = if range.low == range.high {
                    String::new()
                } else {
                    format!("{}—{}", yuan(&range.low), yuan(&range.high))
                };
                rows.push(vec![
                    level,
                    yuan(&c.act_pay_dedc),
                    yuan(&c.hifp_pay),
                    percent(&c.pool_prop_selfpay),
                    yuan(&c.psn_part_amt),
                    range,
                ]);
                for n in &c.notices {
                    if !notices.iter().any(|x| x.zh == n.zh) {
                        notices.push(n.clone());
                    }
                }
            }
            (None, Some(e)) => rows.push(vec![
                level,
                format!(
                    "{}{}",
                    p.t("不予支付：", "not covered: "),
                    name(&p, &e.message_zh, &e.message_en)
                ),
            ]),
            (None, None) => rows.push(vec![level]),
        }
    }
    p.table("", &rows);
    p.notices("请注意", "Notices", &notices);
    p.blank();
    p.line(p.t(
        "每一级的计算过程：yibao claim … --level <级别>",
        "Working for one level: yibao claim … --level <level>",
    ));
    ok(p.buf)
}

fn year(a: &Args, engine: &Engine) -> Result<Output, Fail> {
    a.no_positional()?;
    let file = a.require("--file")?;
    let req = yearfile::load(&file)?;
    let r = engine.year(&req)?;
    if a.json {
        return to_json(&r);
    }
    let cat = engine.catalogue();
    let mut p = Page::new(a.lang);
    p.line(person_line(&p, &cat, &req.person));
    let paid = match (&req.paid_on, a.lang) {
        (Some(d), Lang::Zh) => format!("缴费日期 {d}；共 {} 笔，按日期顺序结算", r.claims.len()),
        (Some(d), Lang::En) => format!(
            "paid on {d}; {} claims, settled in date order",
            r.claims.len()
        ),
        (None, Lang::Zh) => format!("共 {} 笔，按日期顺序结算", r.claims.len()),
        (None, Lang::En) => format!("{} claims, settled in date order", r.claims.len()),
    };
    p.line(paid);
    let mut notices: Vec<NoticeOut> = Vec::new();
    for (i, c) in r.claims.iter().enumerate() {
        p.blank();
        let orig = r.order.get(i).map_or(i, |o| *o) + 1;
        let head = match a.lang {
            Lang::Zh => format!(
                "第 {} 笔（文件中第 {orig} 条）：{}",
                i + 1,
                claim_title(&p, c)
            ),
            Lang::En => format!(
                "#{} (entry {orig} in the file): {}",
                i + 1,
                claim_title(&p, c)
            ),
        };
        p.line(head);
        let rows = claim_rows(&p, c);
        p.table("  ", &rows);
        if a.has("--steps") {
            p.steps(&c.steps);
        }
        for n in &c.notices {
            if !notices.iter().any(|x| x.zh == n.zh) {
                notices.push(n.clone());
            }
        }
    }
    p.blank();
    p.line(p.t("全年合计", "Totals"));
    let t = &r.totals;
    let mut rows = vec![
        vec![
            p.t("医疗费总额", "Total bills").to_string(),
            yuan(&t.medfee_sumamt),
        ],
        vec![
            p.t("全自费金额", "Outside policy scope").to_string(),
            yuan(&t.fulamt_ownpay_amt),
        ],
        vec![
            p.t("符合政策范围金额", "Within policy scope").to_string(),
            yuan(&t.inscp_scp_amt),
        ],
        vec![
            p.t("实际支付起付线", "Deductibles paid").to_string(),
            yuan(&t.act_pay_dedc),
        ],
        vec![
            p.t("统筹基金支出", "Fund pays").to_string(),
            format!("{}{}", yuan(&t.hifp_pay), p.range(&r.ranges.hifp_pay)),
        ],
    ];
    rows.extend(layers::rows(
        &p,
        (&t.hifmi_pay, &r.ranges.hifmi_pay),
        (&t.maf_pay, &r.ranges.maf_pay),
        &t.fund_pay_sumamt,
    ));
    rows.push(vec![
        p.t("个人负担总金额", "You pay").to_string(),
        format!(
            "{}{}",
            yuan(&t.psn_part_amt),
            p.range(&r.ranges.psn_part_amt)
        ),
    ]);
    rows.extend(layers::burden_rows(
        &p,
        layers::Burden {
            psn: &t.psn_part_amt,
            ownpay: &t.fulamt_ownpay_amt,
            dedc: &t.act_pay_dedc,
            coins: &t.coinsurance_amt,
            above: &t.above_limit_amt,
            waiting: &t.waiting_amt,
            hifmi: &t.hifmi_pay,
            maf: &t.maf_pay,
        },
    ));
    p.table("  ", &rows);
    if !r.limits.is_empty() {
        p.blank();
        p.line(p.t("最高支付限额使用情况", "Annual limit use"));
        let rows: Vec<Vec<String>> = r
            .limits
            .iter()
            .map(|l| {
                let kind = match (l.limit_kind.as_str(), a.lang) {
                    ("fund_payment", Lang::Zh) => "限基金支付额",
                    ("fund_payment", Lang::En) => "caps fund payment",
                    (_, Lang::Zh) => "限计入的医疗费",
                    (_, Lang::En) => "caps counted costs",
                };
                vec![
                    format!("{} — {}", l.benefit_year_start, l.benefit_year_end),
                    format!("{} {} ({kind})", p.t("限额", "limit"), yuan(&l.limit)),
                    format!("{} {}", p.t("已用", "used"), yuan(&l.used)),
                    format!("{} {}", p.t("剩余", "left"), yuan(&l.remaining)),
                    p.cite(&l.doc, &l.clause),
                ]
            })
            .collect();
        p.table("  ", &rows);
    }
    for n in &r.notices {
        if !notices.iter().any(|x| x.zh == n.zh) {
            notices.push(n.clone());
        }
    }
    p.notices("请注意", "Notices", &notices);
    ok(p.buf)
}

// ---------------------------------------------------------------- check

fn check(a: &Args) -> Result<Output, Fail> {
    let mut given = 0;
    let (files, findings) = if a.positional.is_empty() {
        let files: Vec<(String, String)> = yibao::builtin::FILES
            .iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect();
        let findings = yibao::lint::check_files(&files);
        (files, findings)
    } else {
        let mut mine = Vec::new();
        for path in files::expand(&a.positional)? {
            let text = read_file(&path)?;
            mine.push((path, text));
        }
        given = mine.len();
        yibao::lint::check_given(mine)
    };
    let code = if findings.is_empty() { 0 } else { 1 };
    if a.json {
        #[derive(Serialize)]
        struct CheckOut {
            ok: bool,
            files: Vec<String>,
            findings: Vec<ErrorOut>,
        }
        let v = CheckOut {
            ok: findings.is_empty(),
            files: files.iter().map(|f| f.0.clone()).collect(),
            findings: findings.iter().map(ErrorOut::from).collect(),
        };
        return to_json(&v).map(|o| Output { code, ..o });
    }
    let mut p = Page::new(a.lang);
    for e in &findings {
        let mut s = format!("{}: ", e.file.as_deref().unwrap_or("-"));
        if let Some(f) = &e.field {
            s.push_str(&format!("{f}: "));
        }
        let msg = name(&p, &e.message_zh, &e.message_en);
        // the core's policy messages often start with the field again
        let msg = e
            .field
            .as_deref()
            .and_then(|f| msg.strip_prefix(f))
            .and_then(|m| m.strip_prefix('：').or_else(|| m.strip_prefix(": ")))
            .unwrap_or(msg);
        s.push_str(msg);
        if let Some(c) = &e.clause {
            s.push_str(&format!(" ({} {c})", p.t("依据", "per")));
        }
        p.line(s);
    }
    let deps = files.len() - given;
    let what = match (a.lang, given, deps) {
        (Lang::Zh, 0, _) => format!("{} 个内置政策文件", files.len()),
        (Lang::Zh, _, 0) => format!("{given} 个文件"),
        (Lang::Zh, _, _) => format!("{given} 个文件（另有 {deps} 个内置依赖文件）"),
        (Lang::En, 0, _) => format!("{} built-in policy files", files.len()),
        (Lang::En, _, 0) => format!("{given} files"),
        (Lang::En, _, _) => format!("{given} files (with {deps} built-in dependencies)"),
    };
    let summary = match (a.lang, findings.len()) {
        (Lang::Zh, 0) => format!("检查通过：{what}，没有发现问题。"),
        (Lang::En, 0) => format!("OK: {what}, no findings."),
        (Lang::Zh, n) => format!("发现 {n} 个问题：{what}。"),
        (Lang::En, n) => format!("{n} findings in {what}."),
    };
    p.line(summary);
    Ok(Output { text: p.buf, code })
}
