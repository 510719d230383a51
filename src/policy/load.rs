//! Parsing policy text into [`Parsed`] and merging a city file over its framework.
//!
//! The core does no I/O: callers hand in `(file name, text)`; the file name is only used in
//! error messages.

use serde::Deserialize;

use super::de::{from_table, DeError};

use super::model::{FileKind, Meta, Policy, Region};
use crate::error::{Error, ErrorKind};

/// Policy files larger than this are rejected before parsing.
pub const MAX_POLICY_BYTES: usize = 512 * 1024;

/// A city file: its region and the values it overrides in its framework.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CityFile {
    pub meta: Meta,
    pub region: Region,
    #[serde(default)]
    pub overrides: toml::Table,
}

#[derive(Clone, Debug)]
pub enum Parsed {
    /// A framework or layer, with its raw table (kept for merging cities over it).
    Policy(Box<Policy>, toml::Table),
    City(Box<CityFile>),
}

fn syntax(file: &str, text: &str, e: &toml::de::Error) -> Error {
    let (line, col) = match e.span() {
        Some(span) => {
            // `get` rather than indexing: never panic on an offset inside a multi-byte character
            let before = text.get(..span.start.min(text.len())).unwrap_or(text);
            let line = before.matches('\n').count() + 1;
            let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            (line, col)
        }
        None => (0, 0),
    };
    let msg = e.message().trim().to_string();
    Error::new(
        ErrorKind::PolicySyntax,
        format!("第{line}行第{col}列：{msg}"),
        format!("line {line}, column {col}: {msg}"),
    )
    .file(file)
    .field(format!("line {line}"))
}

/// Parses one policy file. Shape errors (missing field, wrong type, unknown field, TOML syntax)
/// come back as `policy_syntax` with the line and column.
pub fn parse(file: &str, text: &str) -> Result<Parsed, Error> {
    if text.len() > MAX_POLICY_BYTES {
        return Err(Error::new(
            ErrorKind::PolicySyntax,
            format!(
                "政策文件过大（{} 字节，上限 {} 字节）",
                text.len(),
                MAX_POLICY_BYTES
            ),
            format!(
                "policy file too large ({} bytes, limit {})",
                text.len(),
                MAX_POLICY_BYTES
            ),
        )
        .file(file)
        .field("(整个文件)"));
    }
    let table: toml::Table = toml::from_str(text).map_err(|e| syntax(file, text, &e))?;
    let kind = table
        .get("meta")
        .and_then(|m| m.get("kind"))
        .and_then(|k| k.as_str())
        .unwrap_or("")
        .to_string();
    match kind.as_str() {
        "city" => {
            let city: CityFile = from_table(&table).map_err(|e| shape(file, &e))?;
            Ok(Parsed::City(Box::new(city)))
        }
        "framework" | "layer" | "annual" => {
            let p: Policy = from_table(&table).map_err(|e| shape(file, &e))?;
            Ok(Parsed::Policy(Box::new(p), table))
        }
        other => Err(Error::new(
            ErrorKind::PolicySyntax,
            format!("meta.kind 应为 framework、layer、city 或 annual，而不是“{other}”"),
            format!("meta.kind must be framework, layer, city or annual, not \"{other}\""),
        )
        .file(file)
        .field("meta.kind")),
    }
}

/// A file that is valid TOML but not the policy format: names the field.
fn shape(file: &str, e: &DeError) -> Error {
    let field = e.path.clone().unwrap_or_else(|| "(文件顶层)".to_string());
    Error::new(
        ErrorKind::PolicySyntax,
        format!("{field}：格式不符（{}）", crate::error::serde_zh(&e.msg)),
        format!("{field}: {}", e.msg),
    )
    .file(file)
    .field(field)
}

const OVERRIDABLE: [&str; 3] = ["premium", "benefits", "notices"];

/// Deep-merges `over` into `base`: tables merge key by key, anything else (arrays included)
/// replaces. A key the framework does not have is an error naming its path.
fn merge(base: &mut toml::Table, over: &toml::Table, path: &str, file: &str) -> Result<(), Error> {
    for (k, v) in over {
        let here = if path.is_empty() {
            k.clone()
        } else {
            format!("{path}.{k}")
        };
        match (base.get_mut(k), v) {
            (Some(toml::Value::Table(b)), toml::Value::Table(o)) => merge(b, o, &here, file)?,
            (Some(slot), _) => *slot = v.clone(),
            (None, _) => {
                return Err(Error::new(
                    ErrorKind::PolicySyntax,
                    format!("overrides.{here}：框架文件中没有这一项，不能覆盖"),
                    format!("overrides.{here}: the framework has no such field to override"),
                )
                .file(file)
                .field(format!("overrides.{here}")))
            }
        }
    }
    Ok(())
}

/// The framework table with the city's overrides applied, as a typed policy.
pub fn merge_city(framework: &toml::Table, city: &CityFile, file: &str) -> Result<Policy, Error> {
    for k in city.overrides.keys() {
        if !OVERRIDABLE.contains(&k.as_str()) {
            return Err(Error::new(
                ErrorKind::PolicySyntax,
                format!("overrides.{k}：城市文件只能覆盖 premium、benefits、notices"),
                format!("overrides.{k}: a city file may override only premium, benefits, notices"),
            )
            .file(file)
            .field(format!("overrides.{k}")));
        }
    }
    let mut merged = framework.clone();
    merge(&mut merged, &city.overrides, "", file)?;
    from_table::<Policy>(&merged).map_err(|e| {
        let mut err = shape(file, &e);
        err.field = Some(format!("overrides.{}", e.path.as_deref().unwrap_or("")));
        err
    })
}

pub fn kind_id(k: FileKind) -> &'static str {
    match k {
        FileKind::Framework => "framework",
        FileKind::Layer => "layer",
        FileKind::City => "city",
        FileKind::Annual => "annual",
    }
}
