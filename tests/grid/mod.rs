//! The answer grid (examples/answer_grid.rs, tests/packs.rs): requests over every built-in scheme ×
//! region × category × status set × claim kind × level × bill size × date, each answer or error
//! serialised to JSON and hashed per group, in a fixed order.
#![allow(dead_code, clippy::needless_update)]

use std::collections::BTreeMap;

use serde::Serialize;
use yibao::api::*;
use yibao::date::Date;
use yibao::{Engine, Error};

/// An engine made only of the built-in schemes' packs (each written from the TOML engine and
/// loaded on its own, in catalogue order), as the browser builds one.
pub fn packs_engine() -> Engine {
    let toml = Engine::builtin().unwrap_or_else(|e| panic!("{e:?}"));
    let mut e = Engine::default();
    for s in toml.catalogue().schemes {
        let bytes = toml.pack(&s.id).expect("pack");
        let name = yibao::engine::pack_name(&s.id, &bytes);
        let hash = &name[s.id.len() + 1..name.len() - 5];
        e.add_pack(&bytes, Some(hash)).expect("the pack reads");
    }
    e
}

/// Count and a 128-bit FNV-1a hash (two 64-bit lanes) of a group's answers, in order.
#[derive(Default, Clone, PartialEq, Debug)]
pub struct Group {
    pub count: u64,
    a: u64,
    b: u64,
}

impl Group {
    fn add(&mut self, bytes: &[u8]) {
        if self.count == 0 {
            self.a = 0xcbf2_9ce4_8422_2325;
            self.b = 0x6c62_272e_07bb_0142;
        }
        self.count += 1;
        for &x in bytes.iter().chain(b"\n") {
            self.a = (self.a ^ u64::from(x)).wrapping_mul(0x0000_0100_0000_01b3);
            self.b = (self.b ^ u64::from(x)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }
}

#[derive(Default, Clone, PartialEq, Debug)]
pub struct Digest(pub BTreeMap<&'static str, Group>);

impl Digest {
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        let mut total = 0;
        for (k, g) in &self.0 {
            total += g.count;
            s.push_str(&format!(
                "{k:<16} {:>8} {:016x}{:016x}\n",
                g.count, g.a, g.b
            ));
        }
        s.push_str(&format!("{:<16} {total:>8}\n", "total"));
        s
    }
}

fn json<T: Serialize>(r: &Result<T, Error>) -> String {
    match r {
        Ok(v) => serde_json::to_string(v).unwrap_or_default(),
        Err(e) => format!(
            "error {}",
            serde_json::to_string(&ErrorOut::from(e)).unwrap_or_default()
        ),
    }
}

/// Bill sizes (total, out-of-scope part).
const BILLS: &[(&str, &str)] = &[
    ("0", "0"),
    ("250.55", "0"),
    ("1200", "100"),
    ("8000", "0"),
    ("30000.01", "2000"),
    ("47000", "500"),
    ("150000", "0"),
    ("620000", "20000"),
];

/// The curve's bill sizes.
const CURVE: &[&str] = &[
    "0", "500", "2000", "10000", "50000", "100000", "300000", "800000",
];

fn shift(d: &str, months: u32) -> Option<String> {
    let d = Date::parse("d", d).ok()?;
    Some(d.add_months(months).to_string())
}

/// Claim dates for a scheme: early in its validity, a year on, and mid-year in each coverage year
/// from 2024 that it records (where the layers have rules).
fn dates(s: &SchemeOut) -> Vec<String> {
    let mut v: Vec<String> = [2, 15]
        .iter()
        .filter_map(|m| shift(&s.effective_from, *m))
        .collect();
    for y in &s.years {
        let d = format!("{}-06-15", y.year);
        if y.year >= 2024 && y.status != "not_found" && !v.contains(&d) {
            v.push(d);
        }
    }
    v
}

/// Status sets for a category: none, each that applies, and the first two hardship statuses.
fn status_sets(s: &SchemeOut, cat: &str) -> Vec<Vec<String>> {
    let fits: Vec<&StatusOut> = s
        .statuses
        .iter()
        .filter(|x| x.categories.is_empty() || x.categories.iter().any(|c| c == cat))
        .collect();
    let mut v = vec![Vec::new()];
    v.extend(fits.iter().map(|x| vec![x.id.clone()]));
    let hard: Vec<String> = fits
        .iter()
        .filter(|x| x.kind == "hardship")
        .take(2)
        .map(|x| x.id.clone())
        .collect();
    if hard.len() == 2 {
        v.push(hard);
    }
    v
}

/// Runs the grid on `engine`; `seen(group, json)` is called for every answer. `small` takes
/// every fourth bill and only the first two dates.
pub fn run(engine: &Engine, small: bool, seen: &mut dyn FnMut(&str, &str)) -> Digest {
    let mut d = Digest::default();
    let mut put = |group: &'static str, text: String| {
        seen(group, &text);
        d.0.entry(group).or_default().add(text.as_bytes());
    };
    let cat = engine.catalogue();
    put("catalogue", serde_json::to_string(&cat).unwrap_or_default());
    let bills: Vec<&(&str, &str)> = BILLS
        .iter()
        .enumerate()
        .filter(|(i, _)| !small || i % 4 == 1)
        .map(|(_, b)| b)
        .collect();
    for s in &cat.schemes {
        let mut ds = dates(s);
        if small {
            ds.truncate(2);
        }
        let paid_ons: Vec<Option<String>> = if s.benefit_year == "contribution" {
            vec![None, shift(&s.effective_from, 1)]
        } else {
            vec![None]
        };
        for r in &s.regions {
            for c in &s.categories {
                for statuses in status_sets(s, &c.id) {
                    let person = PersonInput {
                        scheme: s.id.clone(),
                        region: r.id.clone(),
                        category: c.id.clone(),
                        statuses,
                    };
                    person_answers(engine, s, &person, &ds, &bills, &paid_ons, &mut put);
                }
            }
        }
    }
    d
}

#[allow(clippy::too_many_arguments)]
fn person_answers(
    engine: &Engine,
    s: &SchemeOut,
    person: &PersonInput,
    dates: &[String],
    bills: &[&(&str, &str)],
    paid_ons: &[Option<String>],
    put: &mut dyn FnMut(&'static str, String),
) {
    put("eligibility", json(&engine.eligibility(person)));
    let mut years: Vec<Option<u16>> = vec![None];
    years.extend(s.years.iter().map(|y| Some(y.year)));
    years.push(Some(2035));
    for year in years {
        let r = PremiumRequest {
            person: person.clone(),
            date: None,
            year,
        };
        put("premium", json(&engine.premium(&r)));
    }
    for y in s.years.iter().filter(|y| y.year >= 2024) {
        for (missed, window) in [(0, true), (2, false)] {
            let r = EnrolmentRequest {
                person: person.clone(),
                year: y.year,
                years_continuous: if missed == 0 { 3 } else { 0 },
                years_missed: missed,
                paid_in_window: Some(window),
                paid_on: (!window).then(|| format!("{}-03-10", y.year)),
                ..Default::default()
            };
            put("enrolment", json(&engine.enrolment(&r)));
        }
    }
    let kinds = s
        .claim_kinds
        .iter()
        .filter(|k| k.categories.is_empty() || k.categories.contains(&person.category));
    for k in kinds {
        let levels: Vec<&Named> = s
            .levels
            .iter()
            .filter(|l| k.levels.is_empty() || k.levels.contains(&l.id))
            .collect();
        let disease = k.diseases.first().map(|x| x.id.clone());
        for date in dates {
            // with each contribution date; from 2025 also a late payment after a two-year break
            // (the waiting period of 国办发〔2024〕38号, issue 16)
            let mut variants: Vec<(Option<String>, Option<EnrolmentIn>)> =
                paid_ons.iter().map(|p| (p.clone(), None)).collect();
            if date.as_str() >= "2025" {
                let paid = format!("{}-02-10", &date[..4]);
                let e = EnrolmentIn {
                    paid_in_window: Some(false),
                    years_missed: 2,
                    ..Default::default()
                };
                variants.push((Some(paid), Some(e)));
            }
            for (paid_on, enrolment) in &variants {
                let claim = |level: &str, bill: &(&str, &str)| ClaimInput {
                    kind: k.id.clone(),
                    level: level.to_string(),
                    date: date.clone(),
                    medfee_sumamt: bill.0.to_string(),
                    fulamt_ownpay_amt: Some(bill.1.to_string()),
                    disease: disease.clone(),
                };
                let request = |c: ClaimInput, explain: bool| ClaimRequest {
                    person: person.clone(),
                    paid_on: paid_on.clone(),
                    enrolment: enrolment.clone(),
                    claim: c,
                    explain,
                    ..Default::default()
                };
                for l in &levels {
                    for bill in bills {
                        let full = request(claim(&l.id, bill), true);
                        put("claim", json(&engine.claim(&full)));
                        let lean = ClaimRequest {
                            explain: false,
                            ..full.clone()
                        };
                        put("claim_lean", json(&engine.claim(&lean)));
                        put("claim_figures", json(&engine.claim_figures(&full)));
                    }
                    let cr = CurveRequest {
                        person: person.clone(),
                        paid_on: paid_on.clone(),
                        enrolment: enrolment.clone(),
                        claim: claim(&l.id, &("0", "300")),
                        totals: CURVE.iter().map(|t| t.to_string()).collect(),
                        ..Default::default()
                    };
                    put("curve", json(&engine.curve(&cr)));
                }
                let first = levels.first().map_or("", |l| l.id.as_str());
                let cmp = request(claim(first, &("30000", "1000")), false);
                put("compare", json(&engine.compare(&cmp)));
                // a year: one claim per level and bill, dated a month apart, given out of order
                let mut claims = Vec::new();
                for (i, l) in levels.iter().enumerate() {
                    for (j, bill) in bills.iter().enumerate().skip(1).take(2) {
                        let mut c = claim(&l.id, bill);
                        c.date = shift(date, (i * 2 + j) as u32 % 11).unwrap_or(c.date);
                        claims.push(c);
                    }
                }
                claims.reverse();
                for renewed in [None, Some(false)] {
                    let yr = YearRequest {
                        person: person.clone(),
                        paid_on: paid_on.clone(),
                        enrolment: enrolment.clone(),
                        renewed_without_break: renewed,
                        claims: claims.clone(),
                        explain: true,
                        ..Default::default()
                    };
                    put("year", json(&engine.year(&yr)));
                    put("year_figures", json(&engine.year_figures(&yr)));
                }
            }
        }
    }
}
