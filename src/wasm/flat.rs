//! One crossing each way for the figures calls: the request arrives as one string flattened by
//! `flat.js` (or `None`, and the caller reads the object field by field as before), and the
//! answer leaves as one string that `flat.js` splits into the object. The format is private to
//! this pair of files: fields joined by U+001F, claims by U+001E, list items by U+001D; an
//! optional string is empty when absent and `=`-prefixed when present; a flag is `1`, `0` or
//! empty.

use wasm_bindgen::prelude::*;

use crate::api::{ClaimFigures, ClaimInput, ClaimRequest, PersonInput, YearFigures, YearRequest};

#[wasm_bindgen(module = "/src/wasm/flat.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = flatClaim)]
    fn flat_claim(r: &JsValue) -> Result<Option<String>, JsValue>;
    #[wasm_bindgen(catch, js_name = flatYear)]
    fn flat_year(r: &JsValue) -> Result<Option<String>, JsValue>;
    #[wasm_bindgen(catch, js_name = claimFiguresOf)]
    fn claim_figures_of(s: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = yearFiguresOf)]
    fn year_figures_of(s: &str) -> Result<JsValue, JsValue>;
}

const US: char = '\u{1f}';
const RS: char = '\u{1e}';
const GS: char = '\u{1d}';

/// The request read from its flat form, or `None` when it has none (read it field by field).
pub fn claim_request(v: &JsValue) -> Option<ClaimRequest> {
    let s = flat_claim(v).ok()??;
    let f: Vec<&str> = s.split(US).collect();
    let [sc, re, ca, st, paid, renewed, explain, claim @ ..] = f.as_slice() else {
        return None;
    };
    Some(ClaimRequest {
        person: person(sc, re, ca, st),
        paid_on: opt(paid)?,
        renewed_without_break: flag(renewed)?,
        enrolment: None,
        claim: claim_input(claim)?,
        explain: flag(explain)?.unwrap_or(true),
    })
}

/// A year request read from its flat form, or `None`.
pub fn year_request(v: &JsValue) -> Option<YearRequest> {
    let s = flat_year(v).ok()??;
    let mut parts = s.split(RS);
    let head: Vec<&str> = parts.next()?.split(US).collect();
    let [sc, re, ca, st, paid, renewed, explain] = head.as_slice() else {
        return None;
    };
    let claims = parts
        .map(|c| claim_input(&c.split(US).collect::<Vec<_>>()))
        .collect::<Option<Vec<_>>>()?;
    Some(YearRequest {
        person: person(sc, re, ca, st),
        paid_on: opt(paid)?,
        renewed_without_break: flag(renewed)?,
        enrolment: None,
        claims,
        explain: flag(explain)?.unwrap_or(true),
    })
}

fn person(scheme: &str, region: &str, category: &str, statuses: &str) -> PersonInput {
    PersonInput {
        scheme: scheme.into(),
        region: region.into(),
        category: category.into(),
        statuses: match statuses {
            "" => Vec::new(),
            s => s.split(GS).map(String::from).collect(),
        },
    }
}

fn claim_input(f: &[&str]) -> Option<ClaimInput> {
    let [kind, level, date, total, own, disease] = f else {
        return None;
    };
    Some(ClaimInput {
        kind: kind.to_string(),
        level: level.to_string(),
        date: date.to_string(),
        medfee_sumamt: total.to_string(),
        fulamt_ownpay_amt: opt(own)?,
        disease: opt(disease)?,
    })
}

/// `Some(None)` absent, `Some(Some(v))` present, `None` malformed.
fn opt(s: &str) -> Option<Option<String>> {
    match s {
        "" => Some(None),
        s => s.strip_prefix('=').map(|v| Some(v.to_string())),
    }
}

fn flag(s: &str) -> Option<Option<bool>> {
    match s {
        "" => Some(None),
        "1" => Some(Some(true)),
        "0" => Some(Some(false)),
        _ => None,
    }
}

fn put_claim(c: &ClaimFigures, out: &mut String) {
    let waiting = c.waiting_amt.as_deref().unwrap_or("");
    let assumed = if c.assumed { "1" } else { "0" };
    let fields = [
        &c.medfee_sumamt,
        &c.fulamt_ownpay_amt,
        &c.inscp_scp_amt,
        &c.act_pay_dedc,
        &c.hifp_pay,
        &c.psn_part_amt,
        &c.coinsurance_amt,
        &c.above_limit_amt,
        waiting,
        &c.limit,
        &c.limit_used,
        assumed,
        &c.hifmi_pay,
        &c.maf_pay,
    ];
    put_fields(&fields, out);
}

fn put_fields(fields: &[&str], out: &mut String) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(US);
        }
        out.push_str(f);
    }
}

/// The claim's figures as a JS object, through one string.
pub fn claim_figures(c: &ClaimFigures) -> Result<JsValue, JsValue> {
    let mut s = String::with_capacity(160);
    put_claim(c, &mut s);
    claim_figures_of(&s)
}

/// The year's figures as a JS object, through one string.
pub fn year_figures(y: &YearFigures) -> Result<JsValue, JsValue> {
    let mut s = String::with_capacity(200 + 160 * y.claims.len());
    s.push(if y.assumed { '1' } else { '0' });
    s.push(US);
    for (i, o) in y.order.iter().enumerate() {
        if i > 0 {
            s.push(GS);
        }
        s.push_str(&o.to_string());
    }
    let t = &y.totals;
    for f in [
        &t.medfee_sumamt,
        &t.fulamt_ownpay_amt,
        &t.inscp_scp_amt,
        &t.act_pay_dedc,
        &t.hifp_pay,
        &t.psn_part_amt,
        &t.fund_pay_sumamt,
        &t.coinsurance_amt,
        &t.above_limit_amt,
        &t.waiting_amt,
        &t.hifmi_pay,
        &t.maf_pay,
    ] {
        s.push(US);
        s.push_str(f);
    }
    for c in &y.claims {
        s.push(RS);
        put_claim(c, &mut s);
    }
    year_figures_of(&s)
}
