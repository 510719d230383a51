//! Reads request objects from JS values into the [`crate::api`] request types.
//!
//! Hand-written rather than serde-wasm-bindgen's `Deserializer`: the requests are a handful of
//! string fields, and serde's generic path brought float formatting, `Debug` string escaping and
//! the derived visitors into the module the widget downloads (about 12 KB gzipped). The rules are
//! the same as the serde derives' on the native side (`#[serde(deny_unknown_fields)]`, optional
//! fields may be absent or `null`), and every error names the field, in Chinese and English.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::api::{
    ClaimInput, ClaimRequest, CurveRequest, EnrolmentIn, EnrolmentRequest, PersonInput,
    PremiumRequest, YearRequest,
};
use crate::{Error, ErrorKind};

/// A request type read from a JS value; `path` names it in errors (`claim`, `claims[3]`…).
pub trait FromJs: Sized {
    fn from_js(v: &JsValue, path: &str) -> Result<Self, Error>;
}

/// Lists longer than this are refused before they are read (the engine's own limits are lower).
const LIST_LIMIT: u32 = 100_000;

pub(super) fn bad(path: &str, zh: String, en: String) -> Error {
    Error::new(ErrorKind::InvalidInput, zh, en).field(path)
}

pub(super) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// A plain object with only the `known` keys.
pub(super) struct Obj<'a> {
    v: &'a JsValue,
    path: &'a str,
}

impl<'a> Obj<'a> {
    pub(super) fn new(v: &'a JsValue, path: &'a str, known: &[&str]) -> Result<Obj<'a>, Error> {
        let what = if path.is_empty() { "request" } else { path };
        if !v.is_object() || Array::is_array(v) {
            return Err(bad(
                what,
                format!("输入格式不正确：{what} 应为对象"),
                format!("invalid input: {what} must be an object"),
            ));
        }
        for key in Object::keys(v.unchecked_ref::<Object>()).iter() {
            let key = key.as_string().unwrap_or_default();
            if !known.contains(&key.as_str()) {
                let list = known.join("、");
                return Err(bad(
                    &join(path, &key),
                    format!("输入格式不正确：未知字段 {key}（可用：{list}）"),
                    format!("invalid input: unknown field `{key}` (expected one of {list})"),
                ));
            }
        }
        Ok(Obj { v, path })
    }

    /// The value at `key`, or `None` when absent, `undefined` or `null`.
    pub(super) fn opt(&self, key: &str) -> Option<JsValue> {
        let x = Reflect::get(self.v, &JsValue::from_str(key)).ok()?;
        (!x.is_undefined() && !x.is_null()).then_some(x)
    }

    fn req(&self, key: &str) -> Result<JsValue, Error> {
        self.opt(key).ok_or_else(|| {
            bad(
                &join(self.path, key),
                format!("输入格式不正确：缺少字段 {key}"),
                format!("invalid input: missing field `{key}`"),
            )
        })
    }

    pub(super) fn string(&self, key: &str) -> Result<String, Error> {
        let v = self.req(key)?;
        v.as_string()
            .ok_or_else(|| not_string(&join(self.path, key)))
    }

    pub(super) fn opt_string(&self, key: &str) -> Result<Option<String>, Error> {
        self.opt(key)
            .map(|x| {
                x.as_string()
                    .ok_or_else(|| not_string(&join(self.path, key)))
            })
            .transpose()
    }

    fn flag(&self, key: &str, default: bool) -> Result<bool, Error> {
        Ok(self.opt_flag(key)?.unwrap_or(default))
    }

    /// A boolean that may be absent (or `null`): `None` then.
    fn opt_flag(&self, key: &str) -> Result<Option<bool>, Error> {
        self.opt(key)
            .map(|x| {
                x.as_bool().ok_or_else(|| {
                    let p = join(self.path, key);
                    bad(
                        &p,
                        format!("输入格式不正确：{p} 应为 true 或 false"),
                        format!("invalid input: {p} must be true or false"),
                    )
                })
            })
            .transpose()
    }

    /// A list; the engine refuses lists over its own limits with the exact count, and lists past
    /// [`LIST_LIMIT`] are refused here, before converting a million items.
    pub(super) fn list<T>(
        &self,
        key: &str,
        item: impl Fn(&JsValue, &str) -> Result<T, Error>,
    ) -> Result<Option<Vec<T>>, Error> {
        let Some(x) = self.opt(key) else {
            return Ok(None);
        };
        let p = join(self.path, key);
        if !Array::is_array(&x) {
            return Err(bad(
                &p,
                format!("输入格式不正确：{p} 应为数组"),
                format!("invalid input: {p} must be an array"),
            ));
        }
        let arr: Array = x.unchecked_into();
        if arr.length() > LIST_LIMIT {
            return Err(bad(
                &p,
                format!("输入格式不正确：{p} 过长（{} 项）", arr.length()),
                format!("invalid input: {p} is too long ({} items)", arr.length()),
            ));
        }
        let mut out = Vec::with_capacity(arr.length() as usize);
        for (i, v) in arr.iter().enumerate() {
            out.push(item(&v, &format!("{p}[{i}]"))?);
        }
        Ok(Some(out))
    }
}

/// A list item that must be a string (the field path is only built for the error).
pub(super) fn as_string(v: &JsValue, path: &str) -> Result<String, Error> {
    v.as_string().ok_or_else(|| not_string(path))
}

fn not_string(path: &str) -> Error {
    bad(
        path,
        format!("输入格式不正确：{path} 应为字符串（金额写成 \"1234.56\"）"),
        format!("invalid input: {path} must be a string (amounts as \"1234.56\")"),
    )
}

impl FromJs for PersonInput {
    fn from_js(v: &JsValue, path: &str) -> Result<Self, Error> {
        let o = Obj::new(v, path, &["scheme", "region", "category", "statuses"])?;
        Ok(PersonInput {
            scheme: o.string("scheme")?,
            region: o.string("region")?,
            category: o.string("category")?,
            statuses: o.list("statuses", as_string)?.unwrap_or_default(),
        })
    }
}

impl FromJs for ClaimInput {
    fn from_js(v: &JsValue, path: &str) -> Result<Self, Error> {
        let o = Obj::new(
            v,
            path,
            &[
                "kind",
                "level",
                "date",
                "medfee_sumamt",
                "fulamt_ownpay_amt",
                "disease",
            ],
        )?;
        Ok(ClaimInput {
            kind: o.string("kind")?,
            level: o.string("level")?,
            date: o.string("date")?,
            medfee_sumamt: o.string("medfee_sumamt")?,
            fulamt_ownpay_amt: o.opt_string("fulamt_ownpay_amt")?,
            disease: o.opt_string("disease")?,
        })
    }
}

pub(super) fn person(o: &Obj) -> Result<PersonInput, Error> {
    PersonInput::from_js(&o.req("person")?, "person")
}

fn claim(o: &Obj) -> Result<ClaimInput, Error> {
    ClaimInput::from_js(&o.req("claim")?, "claim")
}

impl FromJs for PremiumRequest {
    fn from_js(v: &JsValue, path: &str) -> Result<Self, Error> {
        let o = Obj::new(v, path, &["person", "date", "year"])?;
        Ok(PremiumRequest {
            person: person(&o)?,
            date: o.opt_string("date")?,
            year: o
                .opt_string("year")?
                .map(|y| coverage_year(&y))
                .transpose()?,
        })
    }
}

/// `year: "2026"`: a coverage year (医保年度), four digits as a string like every other input.
pub(super) fn coverage_year(s: &str) -> Result<u16, Error> {
    let ok = s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit());
    s.parse::<u16>()
        .ok()
        .filter(|y| ok && (1990..=2100).contains(y))
        .ok_or_else(|| {
            bad(
                "year",
                format!("输入格式不正确：year 应为 1990—2100 之间的四位年份字符串（如 \"2026\"），而不是“{s}”"),
                format!("invalid input: year must be a four-digit year from 1990 to 2100 as a string (e.g. \"2026\"), not \"{s}\""),
            )
        })
}

impl FromJs for ClaimRequest {
    fn from_js(v: &JsValue, path: &str) -> Result<Self, Error> {
        let o = Obj::new(
            v,
            path,
            &[
                "person",
                "paid_on",
                "renewed_without_break",
                "enrolment",
                "claim",
                "explain",
            ],
        )?;
        Ok(ClaimRequest {
            person: person(&o)?,
            paid_on: o.opt_string("paid_on")?,
            renewed_without_break: o.opt_flag("renewed_without_break")?,
            enrolment: enrolment_in(&o)?,
            claim: claim(&o)?,
            explain: o.flag("explain", true)?,
        })
    }
}

impl FromJs for YearRequest {
    fn from_js(v: &JsValue, path: &str) -> Result<Self, Error> {
        let o = Obj::new(
            v,
            path,
            &[
                "person",
                "paid_on",
                "renewed_without_break",
                "enrolment",
                "claims",
                "explain",
            ],
        )?;
        let claims = o.list("claims", ClaimInput::from_js)?;
        Ok(YearRequest {
            person: person(&o)?,
            paid_on: o.opt_string("paid_on")?,
            renewed_without_break: o.opt_flag("renewed_without_break")?,
            enrolment: enrolment_in(&o)?,
            claims: claims.ok_or_else(|| {
                bad(
                    "claims",
                    "输入格式不正确：缺少字段 claims".into(),
                    "invalid input: missing field `claims`".into(),
                )
            })?,
            explain: o.flag("explain", true)?,
        })
    }
}

impl FromJs for CurveRequest {
    fn from_js(v: &JsValue, path: &str) -> Result<Self, Error> {
        let o = Obj::new(
            v,
            path,
            &["person", "paid_on", "enrolment", "claim", "totals"],
        )?;
        let totals = o.list("totals", as_string)?;
        Ok(CurveRequest {
            person: person(&o)?,
            paid_on: o.opt_string("paid_on")?,
            enrolment: enrolment_in(&o)?,
            claim: claim(&o)?,
            totals: totals.ok_or_else(|| {
                bad(
                    "totals",
                    "输入格式不正确：缺少字段 totals".into(),
                    "invalid input: missing field `totals`".into(),
                )
            })?,
        })
    }
}

/// A count of whole years as a string, "0" to "100".
fn years(o: &Obj, key: &str) -> Result<u16, Error> {
    let Some(s) = o.opt_string(key)? else {
        return Ok(0);
    };
    let ok = !s.is_empty() && s.len() <= 3 && s.bytes().all(|b| b.is_ascii_digit());
    s.parse::<u16>()
        .ok()
        .filter(|n| ok && *n <= 100)
        .ok_or_else(|| {
            let p = join(o.path, key);
            bad(
                &p,
                format!("输入格式不正确：{p} 应为 0—100 的整数年数字符串（如 \"2\"），而不是“{s}”"),
                format!("invalid input: {p} must be a whole number of years from 0 to 100 as a string (e.g. \"2\"), not \"{s}\""),
            )
        })
}

impl FromJs for EnrolmentRequest {
    fn from_js(v: &JsValue, path: &str) -> Result<Self, Error> {
        let o = Obj::new(
            v,
            path,
            &[
                "person",
                "year",
                "years_continuous",
                "years_missed",
                "paid_in_window",
                "extra_years_paid",
                "no_claim_last_year",
                "paid_on",
                "exempt",
            ],
        )?;
        Ok(EnrolmentRequest {
            person: person(&o)?,
            year: coverage_year(&o.string("year")?)?,
            years_continuous: years(&o, "years_continuous")?,
            years_missed: years(&o, "years_missed")?,
            paid_in_window: o.opt_flag("paid_in_window")?,
            extra_years_paid: years(&o, "extra_years_paid")?,
            no_claim_last_year: o.flag("no_claim_last_year", false)?,
            paid_on: o.opt_string("paid_on")?,
            exempt: o.opt_string("exempt")?,
        })
    }
}

/// A request's `enrolment` (how the person enrolled for the coverage year of `paid_on`): the
/// fields of [`EnrolmentRequest`] that decide when benefits start; counts as strings.
pub(super) fn enrolment_in(o: &Obj) -> Result<Option<EnrolmentIn>, Error> {
    let Some(v) = o.opt("enrolment") else {
        return Ok(None);
    };
    let path = join(o.path, "enrolment");
    let e = Obj::new(
        &v,
        &path,
        &[
            "paid_in_window",
            "years_missed",
            "extra_years_paid",
            "exempt",
        ],
    )?;
    Ok(Some(EnrolmentIn {
        paid_in_window: e.opt_flag("paid_in_window")?,
        years_missed: years(&e, "years_missed")?,
        extra_years_paid: years(&e, "extra_years_paid")?,
        exempt: e.opt_string("exempt")?,
    }))
}
