//! `yibao pack`: policy packs, the validated binary form of a scheme's policies that the browser
//! fetches (ARCHITECTURE.md § Policy packs).
//!
//!   yibao pack FILE... [--out DIR]   the packs of the schemes the files belong to, checked first
//!                                    as `yibao check` checks them, with every built-in file
//!   yibao pack --builtin [--out DIR] every built-in scheme's pack
//!
//! Each pack is written as `DIR/<scheme>.<hash>.pack` (DIR defaults to the current folder), with
//! `DIR/index.json` listing them: what scripts/catalogue.mjs makes the widget's catalogue from.

use serde::Serialize;
use yibao::api::Catalogue;
use yibao::{Engine, Error, ErrorKind};

use super::args::{Args, Lang};
use super::show::Page;
use super::{files, ok, read_file, to_json, Fail, Output};

/// One pack written.
#[derive(Serialize)]
struct Written {
    scheme: String,
    file: String,
    path: String,
    hash: String,
    bytes: usize,
}

/// A scheme in index.json: what the widget needs before its pack arrives.
#[derive(Serialize)]
struct IndexScheme<'a> {
    id: &'a str,
    name_zh: &'a str,
    name_en: &'a str,
    effective_from: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    effective_to: Option<&'a str>,
    /// Coverage years with figures, as (year, status).
    years: Vec<(u16, &'a str)>,
    pack: &'a str,
    hash: &'a str,
    bytes: usize,
    /// (id, name_zh, name_en)
    regions: Vec<(&'a str, &'a str, &'a str)>,
}

#[derive(Serialize)]
struct Index<'a> {
    format: u16,
    engine: &'static str,
    schemes: Vec<IndexScheme<'a>>,
}

pub fn run(a: &Args) -> Result<Output, Fail> {
    let out = a.get("--out").unwrap_or(".").to_string();
    let builtin = a.has("--builtin");
    let (engine, schemes) = match (builtin, a.positional.is_empty()) {
        (true, true) => {
            let e = Engine::builtin().map_err(Fail)?;
            let ids = e.catalogue().schemes.into_iter().map(|s| s.id).collect();
            (e, ids)
        }
        (false, false) => {
            let mut given = Vec::new();
            for path in files::expand(&a.positional)? {
                let text = read_file(&path)?;
                given.push((path, text));
            }
            yibao::lint::pack_given(given).map_err(Fail)?
        }
        _ => {
            return Err(Error::new(
                ErrorKind::InvalidInput,
                "请给出政策文件，或者 --builtin（二者只能选一）",
                "give policy files, or --builtin (not both)",
            )
            .field("--builtin")
            .into())
        }
    };
    std::fs::create_dir_all(&out).map_err(|e| io_error(&out, &e))?;
    let mut written = Vec::new();
    for id in &schemes {
        let bytes = engine.pack(id).map_err(|e| not_a_scheme(e, id))?;
        let file = yibao::engine::pack_name(id, &bytes);
        let path = format!("{}/{file}", out.trim_end_matches('/'));
        std::fs::write(&path, &bytes).map_err(|e| io_error(&path, &e))?;
        written.push(Written {
            scheme: id.clone(),
            hash: file[id.len() + 1..file.len() - 5].to_string(),
            file,
            path,
            bytes: bytes.len(),
        });
    }
    let path = format!("{}/index.json", out.trim_end_matches('/'));
    let cat = engine.catalogue();
    let text = serde_json::to_string(&index(&cat, &written)).unwrap_or_default();
    std::fs::write(&path, text + "\n").map_err(|e| io_error(&path, &e))?;
    if a.json {
        return to_json(&written);
    }
    let mut p = Page::new(a.lang);
    for w in &written {
        p.line(format!(
            "{}  {}  {} {}",
            w.scheme,
            w.path,
            w.bytes,
            p.t("字节", "bytes")
        ));
    }
    p.line(match a.lang {
        Lang::Zh => format!("已写出 {} 个政策包（均已通过检查）", written.len()),
        Lang::En => format!(
            "{} policy packs written (every file checked)",
            written.len()
        ),
    });
    ok(p.buf)
}

fn index<'a>(cat: &'a Catalogue, written: &'a [Written]) -> Index<'a> {
    let schemes = written
        .iter()
        .filter_map(|w| {
            let s = cat.schemes.iter().find(|s| s.id == w.scheme)?;
            Some(IndexScheme {
                id: &s.id,
                name_zh: &s.name_zh,
                name_en: &s.name_en,
                effective_from: &s.effective_from,
                effective_to: s.effective_to.as_deref(),
                years: s
                    .years
                    .iter()
                    .filter(|y| y.status != "not_found")
                    .map(|y| (y.year, y.status.as_str()))
                    .collect(),
                pack: &w.file,
                hash: &w.hash,
                bytes: w.bytes,
                regions: s
                    .regions
                    .iter()
                    .map(|r| (r.id.as_str(), r.name_zh.as_str(), r.name_en.as_str()))
                    .collect(),
            })
        })
        .collect();
    Index {
        format: yibao::engine::PACK_FORMAT,
        engine: env!("CARGO_PKG_VERSION"),
        schemes,
    }
}

/// A given layer file has no pack of its own: it travels in the packs of the schemes naming it.
fn not_a_scheme(e: Error, id: &str) -> Error {
    if e.kind != ErrorKind::UnknownId {
        return e;
    }
    Error::new(
        ErrorKind::InvalidInput,
        format!("“{id}”是国家层，没有自己的政策包：它随引用它的方案的政策包一起写出，请同时给出方案的文件"),
        format!("\"{id}\" is a national layer and has no pack of its own: it goes into the packs of the schemes naming it; give the scheme's files too"),
    )
}

fn io_error(path: &str, e: &std::io::Error) -> Error {
    Error::new(
        ErrorKind::InvalidInput,
        format!("无法写入 {path}：{e}"),
        format!("cannot write {path}: {e}"),
    )
    .file(path)
}
