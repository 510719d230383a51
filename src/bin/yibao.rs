//! `yibao` — the command-line interface to the 医保测算 core. Human output is Chinese first
//! (`--lang en` for English); `--json` prints the API response as JSON. Errors go to stderr in
//! both languages with exit code 2; `check` findings exit 1. See CLI.md.

#[path = "yibao/args.rs"]
mod args;
#[path = "yibao/check.rs"]
mod check;
#[path = "yibao/city.rs"]
mod city;
#[path = "yibao/claims.rs"]
mod claims;
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
#[path = "yibao/list.rs"]
mod list;
#[path = "yibao/pack.rs"]
mod pack;
#[path = "yibao/premium.rs"]
mod premium;
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
use claims::claim_input;
use premium::coverage_year;
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
        return check::check(a);
    }
    if cmd == "pack" {
        return pack::run(a);
    }
    let engine = engine(a)?;
    match cmd {
        "list" => list::list(a, &engine),
        "premium" => premium::premium(a, &engine),
        "eligibility" => premium::eligibility(a, &engine),
        "claim" => claims::claim(a, &engine),
        "compare" => claims::compare(a, &engine),
        "year" => claims::year(a, &engine),
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
