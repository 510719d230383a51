//! The year-of-claims file (`yibao year --file claims.toml|.json`): the person, an optional
//! contribution date and the claims, in a readable shape that maps onto `api::YearRequest`.
//! Amounts may be written as whole numbers (`50000`) or strings (`"1234.56"`); the engine checks
//! them. The API's own field names (`medfee_sumamt`, `fulamt_ownpay_amt`) are accepted too, so a
//! JSON `YearRequest` is a valid file.

use serde::Deserialize;
use yibao::api::{ClaimInput, EnrolmentIn, PersonInput, YearRequest};
use yibao::{Error, ErrorKind};

/// Year files larger than this are refused before parsing.
const MAX_FILE_BYTES: u64 = 1024 * 1024;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct YearFile {
    person: PersonFile,
    #[serde(default)]
    paid_on: Option<String>,
    #[serde(default)]
    renewed_without_break: Option<bool>,
    /// How the person enrolled for the coverage year `paid_on` pays for (as the API's
    /// `enrolment`: `paid_in_window`, `years_missed`, `extra_years_paid`, `exempt`).
    #[serde(default)]
    enrolment: Option<EnrolmentIn>,
    #[serde(default)]
    claims: Vec<ClaimFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PersonFile {
    scheme: String,
    region: String,
    category: String,
    #[serde(default)]
    statuses: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClaimFile {
    kind: String,
    level: String,
    date: String,
    #[serde(alias = "medfee_sumamt")]
    total: Amount,
    #[serde(default, alias = "fulamt_ownpay_amt")]
    out_of_scope: Option<Amount>,
    #[serde(default)]
    disease: Option<String>,
}

/// An amount as written in the file; anything else (a float, a table) is reported by name.
#[derive(Deserialize)]
#[serde(untagged)]
enum Amount {
    Int(i64),
    Text(String),
    Other(serde::de::IgnoredAny),
}

fn invalid(zh: String, en: String, file: &str) -> Error {
    Error::new(ErrorKind::InvalidInput, zh, en).file(file)
}

fn amount(a: Amount, field: String, file: &str) -> Result<String, Error> {
    match a {
        Amount::Int(n) => Ok(n.to_string()),
        Amount::Text(s) => Ok(s),
        Amount::Other(_) => Err(invalid(
            format!("{field}：金额请写成整数（50000）或带引号的字符串（\"1234.56\"）"),
            format!(
                "{field}: write amounts as whole numbers (50000) or quoted strings (\"1234.56\")"
            ),
            file,
        )
        .field(field)),
    }
}

/// Reads and converts a year file.
pub fn load(path: &str) -> Result<YearRequest, Error> {
    let read_err = |e: std::io::Error| {
        invalid(
            format!("无法读取文件 {path}：{e}"),
            format!("cannot read {path}: {e}"),
            path,
        )
        .field("--file")
    };
    let meta = std::fs::metadata(path).map_err(read_err)?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(invalid(
            format!(
                "文件 {path} 过大（{} 字节，上限 {MAX_FILE_BYTES} 字节）",
                meta.len()
            ),
            format!(
                "{path} is too large ({} bytes, limit {MAX_FILE_BYTES})",
                meta.len()
            ),
            path,
        )
        .field("--file"));
    }
    let text = std::fs::read_to_string(path).map_err(read_err)?;
    let parsed: YearFile = if path.to_ascii_lowercase().ends_with(".json") {
        serde_json::from_str(&text).map_err(|e| {
            invalid(
                format!("JSON 格式错误（第{}行第{}列）：{e}", e.line(), e.column()),
                format!(
                    "invalid JSON (line {}, column {}): {e}",
                    e.line(),
                    e.column()
                ),
                path,
            )
        })?
    } else {
        toml::from_str(&text).map_err(|e| {
            let line = e.span().map_or(0, |s| {
                text[..s.start.min(text.len())].matches('\n').count() + 1
            });
            let msg = e.message().trim().to_string();
            invalid(
                format!("TOML 格式错误（第{line}行）：{msg}"),
                format!("invalid TOML (line {line}): {msg}"),
                path,
            )
            .field(format!("line {line}"))
        })?
    };
    let mut claims = Vec::with_capacity(parsed.claims.len());
    for (i, c) in parsed.claims.into_iter().enumerate() {
        let total = amount(c.total, format!("claims[{i}].total"), path)?;
        let out_of_scope = match c.out_of_scope {
            Some(a) => Some(amount(a, format!("claims[{i}].out_of_scope"), path)?),
            None => None,
        };
        claims.push(ClaimInput {
            kind: c.kind,
            level: c.level,
            date: c.date,
            medfee_sumamt: total,
            fulamt_ownpay_amt: out_of_scope,
            disease: c.disease,
        });
    }
    let p = parsed.person;
    Ok(YearRequest {
        person: PersonInput {
            scheme: p.scheme,
            region: p.region,
            category: p.category,
            statuses: p.statuses,
        },
        paid_on: parsed.paid_on,
        renewed_without_break: parsed.renewed_without_break,
        enrolment: parsed.enrolment,
        claims,
        explain: true,
    })
}
