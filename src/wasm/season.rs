//! The wasm edge of the family and season questions (issue 18): `household` and `diff`, their
//! requests read field by field like the others (`input.rs`), errors naming the field.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsValue;

use super::input::{as_string, bad, coverage_year, enrolment_in, person, FromJs, Obj};
use super::{error_to_js, input, output, with_engine};
use crate::api::{ClaimInput, DecisionRequest, DiffRequest, HouseholdRequest, MemberInput};
use crate::Error;

impl FromJs for MemberInput {
    fn from_js(v: &JsValue, path: &str) -> Result<Self, Error> {
        let o = Obj::new(v, path, &["category", "statuses", "born"])?;
        Ok(MemberInput {
            category: o.string("category")?,
            statuses: o.list("statuses", as_string)?.unwrap_or_default(),
            born: o.opt_string("born")?,
        })
    }
}

impl FromJs for HouseholdRequest {
    fn from_js(v: &JsValue, path: &str) -> Result<Self, Error> {
        let o = Obj::new(v, path, &["scheme", "region", "year", "date", "members"])?;
        let members = o.list("members", MemberInput::from_js)?.ok_or_else(|| {
            bad(
                "members",
                "输入格式不正确：缺少字段 members".into(),
                "invalid input: missing field `members`".into(),
            )
        })?;
        Ok(HouseholdRequest {
            scheme: o.string("scheme")?,
            region: o.string("region")?,
            year: o
                .opt_string("year")?
                .map(|y| coverage_year(&y))
                .transpose()?,
            date: o.opt_string("date")?,
            members,
        })
    }
}

impl FromJs for DiffRequest {
    fn from_js(v: &JsValue, path: &str) -> Result<Self, Error> {
        let o = Obj::new(v, path, &["person", "from", "to"])?;
        let year = |k: &str| coverage_year(&o.string(k)?).map_err(|e| e.field(k));
        Ok(DiffRequest {
            person: person(&o)?,
            from: year("from")?,
            to: year("to")?,
        })
    }
}

impl FromJs for DecisionRequest {
    fn from_js(v: &JsValue, path: &str) -> Result<Self, Error> {
        let o = Obj::new(
            v,
            path,
            &["person", "year", "today", "paid_on", "enrolment", "claim"],
        )?;
        Ok(DecisionRequest {
            person: person(&o)?,
            year: coverage_year(&o.string("year")?)?,
            today: o.string("today")?,
            paid_on: o.opt_string("paid_on")?,
            enrolment: enrolment_in(&o)?,
            claim: o
                .opt("claim")
                .map(|c| ClaimInput::from_js(&c, "claim"))
                .transpose()?,
        })
    }
}

/// What a household pays for a coverage year: each member's premium answer and their sums.
#[wasm_bindgen(unchecked_return_type = "HouseholdResult")]
pub fn household(
    #[wasm_bindgen(unchecked_param_type = "HouseholdRequest")] req: JsValue,
) -> Result<JsValue, JsValue> {
    let r: HouseholdRequest = input(req)?;
    with_engine(|engine| {
        let out = engine.household(&r).map_err(|e| error_to_js(&e))?;
        output(&out)
    })
}

/// 与上年相比: one person's premium in two coverage years, line by line, with both sources.
#[wasm_bindgen(unchecked_return_type = "DiffResult")]
pub fn diff(
    #[wasm_bindgen(unchecked_param_type = "DiffRequest")] req: JsValue,
) -> Result<JsValue, JsValue> {
    let r: DiffRequest = input(req)?;
    with_engine(|engine| {
        let out = engine.diff(&r).map_err(|e| error_to_js(&e))?;
        output(&out)
    })
}

/// When to pay for a coverage year: paying today (the browser's date, passed in), on a chosen
/// date, or not at all — when benefits start and what a bill would cost in each case.
#[wasm_bindgen(unchecked_return_type = "DecisionResult")]
pub fn decision(
    #[wasm_bindgen(unchecked_param_type = "DecisionRequest")] req: JsValue,
) -> Result<JsValue, JsValue> {
    let r: DecisionRequest = input(req)?;
    with_engine(|engine| {
        let out = engine.decision(&r).map_err(|e| error_to_js(&e))?;
        output(&out)
    })
}
