//! The wasm edge writes answers as JSON with its own writer (src/wasm/json.rs, compiled here
//! natively): the same text serde_json writes, for every answer of the grid (so the page's
//! `JSON.parse` reads exactly what the CLI's `--json` prints), and for odd strings and values.

#[path = "../src/wasm/json.rs"]
mod json;

use serde::Serialize;

fn same<T: Serialize + ?Sized>(v: &T) {
    let want = serde_json::to_string(v).expect("serde_json");
    let got = json::to_json(v).expect("json.rs");
    assert_eq!(got, want);
}

#[test]
fn every_kind_of_answer_is_written_as_serde_json_writes_it() {
    use yibao::api::*;
    let e = yibao::Engine::builtin().unwrap();
    let cat = e.catalogue();
    same(&cat);
    let mut n = 0;
    for s in &cat.schemes {
        let date = if s.years.iter().any(|y| y.year == 2026) {
            "2026-05-01".to_string()
        } else {
            format!("{}-10-01", &s.effective_from[..4])
        };
        for r in &s.regions {
            for c in &s.categories {
                for st in std::iter::once(vec![])
                    .chain(s.statuses.iter().take(2).map(|x| vec![x.id.clone()]))
                {
                    let person = PersonInput {
                        scheme: s.id.clone(),
                        region: r.id.clone(),
                        category: c.id.clone(),
                        statuses: st,
                    };
                    if let Ok(v) = e.eligibility(&person) {
                        same(&v);
                    }
                    for y in &s.years {
                        let req = PremiumRequest {
                            person: person.clone(),
                            date: None,
                            year: Some(y.year),
                        };
                        match e.premium(&req) {
                            Ok(v) => same(&v),
                            Err(err) => same(&ErrorOut::from(&err)),
                        }
                        n += 1;
                    }
                    for k in &s.claim_kinds {
                        let level = k
                            .levels
                            .first()
                            .or(s.levels.first().map(|l| &l.id))
                            .cloned()
                            .unwrap_or_default();
                        let claim = ClaimInput {
                            kind: k.id.clone(),
                            level,
                            date: date.clone(),
                            medfee_sumamt: "123456.78".into(),
                            fulamt_ownpay_amt: Some("1000".into()),
                            disease: k.diseases.first().map(|d| d.id.clone()),
                        };
                        let req = ClaimRequest {
                            person: person.clone(),
                            paid_on: None,
                            claim: claim.clone(),
                            explain: true,
                            ..Default::default()
                        };
                        match e.claim(&req) {
                            Ok(v) => same(&v),
                            Err(err) => same(&ErrorOut::from(&err)),
                        }
                        if let Ok(v) = e.claim_figures(&req) {
                            same(&v);
                        }
                        if let Ok(v) = e.compare(&ClaimRequest {
                            explain: false,
                            ..req.clone()
                        }) {
                            same(&v);
                        }
                        let yr = YearRequest {
                            person: person.clone(),
                            claims: vec![claim.clone(), claim.clone()],
                            explain: true,
                            ..Default::default()
                        };
                        if let Ok(v) = e.year(&yr) {
                            same(&v);
                        }
                        if let Ok(v) = e.year_figures(&yr) {
                            same(&v);
                        }
                        let cr = CurveRequest {
                            person: person.clone(),
                            claim,
                            totals: vec!["0".into(), "5000".into(), "500000".into()],
                            ..Default::default()
                        };
                        if let Ok(v) = e.curve(&cr) {
                            same(&v);
                        }
                        n += 1;
                    }
                    for y in s.years.iter().filter(|y| y.year >= 2025) {
                        let req = EnrolmentRequest {
                            person: person.clone(),
                            year: y.year,
                            years_missed: 2,
                            paid_in_window: Some(false),
                            paid_on: Some(format!("{}-03-10", y.year)),
                            ..Default::default()
                        };
                        match e.enrolment(&req) {
                            Ok(v) => same(&v),
                            Err(err) => same(&ErrorOut::from(&err)),
                        }
                    }
                }
            }
        }
    }
    assert!(n > 100, "{n}");
}

#[test]
fn strings_numbers_and_shapes() {
    same("quote \" backslash \\ newline \n tab \t cr \r nul \u{0} bell \u{7} unit \u{1f} 中文 ¥ 𝄞");
    same(&vec![Some(1u16), None, Some(65535)]);
    same(&(-5i64, 18446744073709551615u64, true, 'x', '\n'));
    #[derive(Serialize)]
    enum E {
        Unit,
        New(u8),
        Tuple(u8, String),
        Struct { a: Option<String> },
    }
    same(&[
        E::Unit,
        E::New(1),
        E::Tuple(2, "t".into()),
        E::Struct { a: None },
    ]);
    let mut m = std::collections::BTreeMap::new();
    m.insert("k\"ey", vec![1u8, 2]);
    m.insert("b", vec![]);
    same(&m);
    let mut ints = std::collections::BTreeMap::new();
    ints.insert(7u32, "seven");
    same(&ints);
    // floats (only a TOML float in a file the editor reads): the same number, if not the same text
    #[allow(clippy::disallowed_types)]
    let floats = (0.5f64, 1e21f64, -0.0f64, 3.0f64, f64::NAN);
    let a: serde_json::Value = serde_json::from_str(&json::to_json(&floats).unwrap()).unwrap();
    let b: serde_json::Value =
        serde_json::from_str(&serde_json::to_string(&floats).unwrap()).unwrap();
    assert_eq!(a, b);
}
