//! Generated-input tests: nothing panics, and every rejection is an `Err(Error)` with a Chinese
//! and an English message. Policy text (random and mutated built-in files), JSON requests, and
//! the amount and date parsers.
//!
//! Each property runs `PROPTEST_CASES` cases (default 64, so `cargo test` stays fast); run e.g.
//! `PROPTEST_CASES=5000 cargo test --release --test hardening` for a longer pass.

use std::sync::OnceLock;

use proptest::prelude::*;
use serde_json::{json, Value};
use yibao::api::{ClaimRequest, PersonInput, PremiumRequest, YearRequest};
use yibao::date::{Date, MAX_YEAR, MIN_YEAR};
use yibao::engine::{MAX_CLAIMS, MAX_STATUSES};
use yibao::money::{Money, MAX_YUAN};
use yibao::{Engine, Error};

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(64)
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: cases(),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn builtin() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| Engine::builtin().expect("built-in policies load"))
}

fn layer_only() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| {
        let mut e = Engine::default();
        let (f, t) = yibao::builtin::FILES[0];
        e.add_policy(f, t).unwrap();
        e
    })
}

fn well_formed(e: &Error) -> Result<(), TestCaseError> {
    prop_assert!(!e.message_zh.trim().is_empty(), "empty message_zh: {e:?}");
    prop_assert!(!e.message_en.trim().is_empty(), "empty message_en: {e:?}");
    prop_assert!(!e.code().is_empty());
    Ok(())
}

// ------------------------------------------------------------------ policy text

/// One edit to a policy file.
#[derive(Clone, Debug)]
enum Mutation {
    DeleteLine(usize),
    DuplicateLine(usize),
    SwapLines(usize, usize),
    /// Replace the n-th quoted decimal with another string.
    Number(usize, String),
    /// Swap the n-th and m-th quoted decimals.
    SwapNumbers(usize, usize),
    /// Insert text at a (char-boundary-adjusted) position.
    Insert(usize, String),
    Truncate(usize),
}

fn garbage() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\"".to_string()),
        Just("[".to_string()),
        Just("[[benefits.inpatient.schedules]]\n".to_string()),
        Just("\nvalue = 1\n".to_string()),
        Just("= =".to_string()),
        Just("{ value = \"1e9\" }".to_string()),
        Just("\u{0}".to_string()),
        Just("起付标准".to_string()),
        Just("\n[meta]\n".to_string()),
        Just("\nkind = \"city\"\n".to_string()),
        "\\PC{0,12}",
    ]
}

fn number_text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("0".to_string()),
        Just("1".to_string()),
        Just("1.5".to_string()),
        Just("100000000".to_string()),
        Just("100000001".to_string()),
        Just("99999999999999999999".to_string()),
        Just("0.000000000000000001".to_string()),
        Just("-1".to_string()),
        Just("".to_string()),
        Just("１００".to_string()),
        "[0-9]{1,12}(\\.[0-9]{1,4})?",
        "\\PC{0,6}",
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (0usize..600).prop_map(Mutation::DeleteLine),
        (0usize..600).prop_map(Mutation::DuplicateLine),
        (0usize..600, 0usize..600).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        (0usize..300, number_text()).prop_map(|(n, s)| Mutation::Number(n, s)),
        (0usize..300, 0usize..300).prop_map(|(a, b)| Mutation::SwapNumbers(a, b)),
        (0usize..60_000, garbage()).prop_map(|(p, s)| Mutation::Insert(p, s)),
        (0usize..60_000).prop_map(Mutation::Truncate),
    ]
}

/// Byte ranges of the quoted decimals (`"240"`, `"0.65"`) in `text`, quotes excluded.
fn quoted_numbers(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'"' {
            let mut j = i + 1;
            while j < b.len() && (b[j].is_ascii_digit() || b[j] == b'.') {
                j += 1;
            }
            if j > i + 1 && j < b.len() && b[j] == b'"' {
                out.push((i + 1, j));
                i = j + 1;
                continue;
            }
        }
        i += 1;
    }
    out
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn apply(text: &str, m: &Mutation) -> String {
    let mut lines: Vec<&str> = text.split('\n').collect();
    let n = lines.len();
    match m {
        Mutation::DeleteLine(i) => {
            lines.remove(i % n);
            lines.join("\n")
        }
        Mutation::DuplicateLine(i) => {
            let l = lines[i % n];
            lines.insert(i % n, l);
            lines.join("\n")
        }
        Mutation::SwapLines(a, b) => {
            lines.swap(a % n, b % n);
            lines.join("\n")
        }
        Mutation::Number(k, s) => {
            let nums = quoted_numbers(text);
            if nums.is_empty() {
                return text.to_string();
            }
            let (a, b) = nums[k % nums.len()];
            format!("{}{}{}", &text[..a], s, &text[b..])
        }
        Mutation::SwapNumbers(x, y) => {
            let nums = quoted_numbers(text);
            if nums.len() < 2 {
                return text.to_string();
            }
            let (mut p, mut q) = (nums[x % nums.len()], nums[y % nums.len()]);
            if p.0 > q.0 {
                std::mem::swap(&mut p, &mut q);
            }
            if p == q {
                return text.to_string();
            }
            format!(
                "{}{}{}{}{}",
                &text[..p.0],
                &text[q.0..q.1],
                &text[p.1..q.0],
                &text[p.0..p.1],
                &text[q.1..]
            )
        }
        Mutation::Insert(p, s) => {
            let i = floor_boundary(text, *p % (text.len() + 1));
            format!("{}{}{}", &text[..i], s, &text[i..])
        }
        Mutation::Truncate(p) => {
            let i = floor_boundary(text, *p % (text.len() + 1));
            text[..i].to_string()
        }
    }
}

/// Loads `text` as the policy file `name` into a copy of `base`; checks the no-panic contract.
fn load_checked(base: &Engine, name: &str, text: &str) -> Result<(), TestCaseError> {
    let _ = yibao::policy::parse(name, text)
        .map_err(|e| well_formed(&e))
        .err()
        .transpose()?;
    let mut e = base.clone();
    let before = e.files();
    match e.add_policy(name, text) {
        Ok(_) => {
            // whatever loaded must also answer queries without panicking
            exercise(&e)?;
        }
        Err(errs) => {
            prop_assert!(!errs.is_empty(), "Err(vec![]) for {name}");
            for err in &errs {
                well_formed(err)?;
                prop_assert_eq!(
                    err.file.as_deref(),
                    Some(name),
                    "error without the file name: {:?}",
                    err
                );
            }
            prop_assert_eq!(e.files(), before, "a rejected file changed the engine");
        }
    }
    let errs = yibao::lint::check_files(&[(name.to_string(), text.to_string())]);
    for err in &errs {
        well_formed(err)?;
    }
    Ok(())
}

/// Runs a few valid-shaped queries against every scheme and region an engine knows.
fn exercise(e: &Engine) -> Result<(), TestCaseError> {
    let cat = e.catalogue();
    for s in &cat.schemes {
        for r in s.regions.iter().take(3) {
            for c in &s.categories {
                let person = PersonInput {
                    scheme: s.id.clone(),
                    region: r.id.clone(),
                    category: c.id.clone(),
                    statuses: vec![],
                };
                check(e.premium(&PremiumRequest {
                    person: person.clone(),
                    date: None,
                    year: None,
                }))?;
                for k in &s.claim_kinds {
                    let claim = yibao::api::ClaimInput {
                        kind: k.id.clone(),
                        level: s.levels.first().map(|l| l.id.clone()).unwrap_or_default(),
                        date: s.effective_from.clone(),
                        medfee_sumamt: "12345.67".into(),
                        fulamt_ownpay_amt: None,
                        disease: k.diseases.first().map(|d| d.id.clone()),
                    };
                    check(e.claim(&ClaimRequest {
                        person: person.clone(),
                        paid_on: None,
                        renewed_without_break: None,
                        enrolment: None,
                        claim,
                        explain: true,
                    }))?;
                }
            }
        }
    }
    Ok(())
}

fn check<T>(r: Result<T, Error>) -> Result<(), TestCaseError> {
    if let Err(e) = r {
        well_formed(&e)?;
    }
    Ok(())
}

fn builtin_file() -> impl Strategy<Value = usize> {
    0..yibao::builtin::FILES.len()
}

proptest! {
    #![proptest_config(config())]

    /// Built-in files with one to four random edits: rejected cleanly or loaded and usable.
    #[test]
    fn mutated_builtin_policies_never_panic(i in builtin_file(), ms in prop::collection::vec(mutation(), 1..5)) {
        let (name, text) = yibao::builtin::FILES[i];
        let mut t = text.to_string();
        for m in &ms {
            t = apply(&t, m);
        }
        // cities against the built-in frameworks (with a fresh region id so a clean load is
        // possible), frameworks and layers beside the built-in layer
        if name.ends_with("changchun.toml") {
            let t = t.replace("jilin-2008-changchun", "jilin-2008-mutant").replace("id = \"changchun\"", "id = \"mutant\"");
            load_checked(builtin(), "mutant.toml", &t)?;
        } else if i == 0 {
            load_checked(&Engine::default(), "mutant.toml", &t)?;
        } else {
            load_checked(layer_only(), "mutant.toml", &t)?;
        }
    }

    /// Arbitrary text, and arbitrary text after a valid-looking header.
    #[test]
    fn random_policy_text_never_panics(body in "\\PC{0,400}", kind in prop_oneof![Just("framework"), Just("layer"), Just("city"), Just("")]) {
        load_checked(builtin(), "random.toml", &body)?;
        let t = format!("[meta]\nid = \"r\"\nkind = \"{kind}\"\nframework = \"jilin-2008\"\n{body}");
        load_checked(builtin(), "random.toml", &t)?;
    }

    /// Decimal strings in policy figures: anything that is not a plain non-negative decimal is
    /// a syntax error, never a panic or a silent zero.
    #[test]
    fn policy_decimals(s in number_text()) {
        let text = include_str!("../policies/jilin-2008/changchun.toml").replace("jilin-2008-changchun", "jilin-2008-d").replace("id = \"changchun\"", "id = \"d\"")
            + &format!("\n[overrides.benefits.waiting_months]\nvalue = \"{s}\"\n");
        load_checked(builtin(), "decimal.toml", &text)?;
    }
}

// ------------------------------------------------------------------ JSON requests

fn id_like() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop_oneof![
            Just("jilin-2008"), Just("jilin-2016"), Just("jiaxing-2008"), Just("jiangsu-2007"),
            Just("changchun"), Just("prefecture"), Just("county"), Just("adult"), Just("student_child"),
            Just("university_student"), Just("dibao"), Just("severe_disabled_child"), Just("low_income_elderly"),
            Just("employee_insured"), Just("community"), Just("city"), Just("province"), Just("inpatient"),
            Just("outpatient_major"), Just("student_accident"), Just("general_outpatient"), Just("cancer_therapy"),
            Just("uremia_dialysis"), Just("*"),
        ].prop_map(str::to_string),
        1 => "\\PC{0,10}",
    ]
}

fn amount_like() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[0-9]{1,9}(\\.[0-9]{1,2})?",
        1 => Just("100000000".to_string()),
        1 => Just("100000000.01".to_string()),
        1 => Just("¥1,234.50".to_string()),
        1 => Just("-5".to_string()),
        1 => Just("1e3".to_string()),
        1 => "\\PC{0,12}",
    ]
}

fn date_like() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (1988i32..2103, 0u8..14, 0u8..33).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        1 => "\\PC{0,12}",
        1 => Just("2008-02-29".to_string()),
        1 => Just("2100-12-31".to_string()),
    ]
}

fn person_json() -> impl Strategy<Value = Value> {
    (
        id_like(),
        id_like(),
        id_like(),
        prop::collection::vec(id_like(), 0..4),
    )
        .prop_map(|(s, r, c, st)| json!({"scheme": s, "region": r, "category": c, "statuses": st}))
}

fn claim_json() -> impl Strategy<Value = Value> {
    (id_like(), id_like(), date_like(), amount_like(), prop::option::of(amount_like()), prop::option::of(id_like()))
        .prop_map(|(k, l, d, a, o, dis)| json!({"kind": k, "level": l, "date": d, "medfee_sumamt": a, "fulamt_ownpay_amt": o, "disease": dis}))
}

/// Any JSON value, for shape errors.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        "-?[0-9]{1,20}\\.[0-9]{1,6}(e-?[0-9]{1,3})?"
            .prop_map(|s| serde_json::from_str::<Value>(&s).unwrap_or(Value::Null)),
        "\\PC{0,8}".prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    Just("person".to_string()),
                    Just("claim".to_string()),
                    Just("claims".to_string()),
                    Just("date".to_string()),
                    "[a-z_]{1,8}"
                ],
                inner,
                0..4
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn run_json(v: &Value) -> Result<(), TestCaseError> {
    let e = builtin();
    let text = v.to_string();
    if let Ok(r) = serde_json::from_str::<PremiumRequest>(&text) {
        check(e.premium(&r))?;
        check(e.eligibility(&r.person))?;
    }
    if let Ok(r) = serde_json::from_str::<ClaimRequest>(&text) {
        check(e.claim(&r))?;
        check(e.compare(&r))?;
    }
    if let Ok(r) = serde_json::from_str::<YearRequest>(&text) {
        check(e.year(&r))?;
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn random_premium_requests(p in person_json(), d in prop::option::of(date_like())) {
        run_json(&json!({"person": p, "date": d}))?;
    }

    #[test]
    fn random_claim_requests(p in person_json(), c in claim_json(), paid in prop::option::of(date_like())) {
        run_json(&json!({"person": p, "paid_on": paid, "claim": c}))?;
    }

    #[test]
    fn random_year_requests(p in person_json(), cs in prop::collection::vec(claim_json(), 0..12), paid in prop::option::of(date_like())) {
        run_json(&json!({"person": p, "paid_on": paid, "claims": cs}))?;
    }

    /// Valid people with random bills: every answer is consistent, whatever the amounts.
    #[test]
    fn valid_people_random_bills(cat in prop_oneof![Just("adult"), Just("student_child")], region in prop_oneof![Just("changchun"), Just("prefecture"), Just("county")],
                                 level in prop_oneof![Just("community"), Just("county"), Just("city"), Just("province")],
                                 total in 0i64..=MAX_YUAN, fen in 0i64..100, oos in 0i64..=MAX_YUAN, month in 4u8..=12) {
        let total = format!("{}.{fen:02}", total.min(MAX_YUAN - 1));
        let req = json!({"person": {"scheme": "jilin-2008", "region": region, "category": cat}, "paid_on": "2008-04-01",
                         "claim": {"kind": "inpatient", "level": level, "date": format!("2008-{month:02}-15"), "medfee_sumamt": total, "fulamt_ownpay_amt": oos.to_string()}});
        let r: ClaimRequest = serde_json::from_value(req).unwrap();
        match builtin().claim(&r) {
            Ok(c) => {
                let total: rust_decimal::Decimal = c.medfee_sumamt.parse().unwrap();
                let fund: rust_decimal::Decimal = c.hifp_pay.parse().unwrap();
                let psn: rust_decimal::Decimal = c.psn_part_amt.parse().unwrap();
                prop_assert!(fund >= rust_decimal::Decimal::ZERO && fund <= total, "fund {fund} outside 0..={total}");
                prop_assert_eq!(fund + psn, total);
            }
            Err(e) => {
                well_formed(&e)?;
                prop_assert!(e.field.is_some(), "claim error without field: {e:?}");
            }
        }
    }

    /// Arbitrary JSON: a shape error from serde, or an engine answer; never a panic.
    #[test]
    fn arbitrary_json(v in any_json()) {
        run_json(&v)?;
    }

    /// Amount strings: Ok means digits with at most two decimals and at most ¥100,000,000;
    /// anything else is `invalid_amount` naming the field.
    #[test]
    fn amounts(s in prop_oneof![amount_like(), "[0-9,，.¥￥ -]{0,16}", "\\PC{0,20}"]) {
        match Money::parse("claim.medfee_sumamt", &s) {
            Ok(m) => {
                let d = m.decimal();
                prop_assert!(d >= rust_decimal::Decimal::ZERO && d <= rust_decimal::Decimal::from(MAX_YUAN), "{s:?} -> {d}");
                prop_assert!(d.scale() <= 2, "{s:?} -> {d}");
            }
            Err(e) => {
                well_formed(&e)?;
                prop_assert_eq!(e.code(), "invalid_amount");
                prop_assert_eq!(e.field.as_deref(), Some("claim.medfee_sumamt"));
            }
        }
    }

    /// Date strings: Ok means a real day in 1990–2100 that prints back as the input.
    #[test]
    fn dates(s in prop_oneof![date_like(), "[0-9-]{8,12}", "\\PC{0,12}"]) {
        match Date::parse("date", &s) {
            Ok(d) => {
                prop_assert!((MIN_YEAR..=MAX_YEAR).contains(&d.year));
                prop_assert_eq!(d.to_string(), s.trim());
                // month arithmetic near the end of the range stays well-defined
                let _ = d.add_months(36).pred();
            }
            Err(e) => {
                well_formed(&e)?;
                prop_assert_eq!(e.code(), "invalid_date");
            }
        }
    }
}

// ------------------------------------------------------------------ bounds

fn inpatient(date: &str, amount: &str) -> Value {
    json!({"kind": "inpatient", "level": "province", "date": date, "medfee_sumamt": amount})
}

/// The largest accepted year: MAX_CLAIMS claims of ¥100,000,000 each. Sums stay exact.
#[test]
fn max_claims_of_max_amounts() {
    let claims: Vec<Value> = (0..MAX_CLAIMS)
        .map(|i| {
            inpatient(
                &format!("2008-{:02}-{:02}", 4 + i % 9, 1 + i % 28),
                "100000000",
            )
        })
        .collect();
    let r: YearRequest = serde_json::from_value(json!({"person": {"scheme": "jilin-2008", "region": "changchun", "category": "adult"}, "paid_on": "2008-04-01", "claims": claims})).unwrap();
    let y = builtin().year(&r).unwrap();
    assert_eq!(y.totals.medfee_sumamt, "40000000000.00");
    let one_more: Vec<Value> = (0..=MAX_CLAIMS)
        .map(|_| inpatient("2008-05-01", "1"))
        .collect();
    let r: YearRequest = serde_json::from_value(json!({"person": {"scheme": "jilin-2008", "region": "changchun", "category": "adult"}, "claims": one_more})).unwrap();
    let e = builtin().year(&r).unwrap_err();
    assert_eq!(e.code(), "too_many_claims");
    assert_eq!(e.field.as_deref(), Some("claims"));
}

#[test]
fn too_many_statuses() {
    let statuses: Vec<&str> = vec!["dibao"; MAX_STATUSES + 1];
    let p: PersonInput = serde_json::from_value(json!({"scheme": "jilin-2008", "region": "changchun", "category": "adult", "statuses": statuses})).unwrap();
    let e = builtin().eligibility(&p).unwrap_err();
    assert_eq!(e.code(), "invalid_input");
    assert_eq!(e.field.as_deref(), Some("person.statuses"));
    // exactly the limit is fine (duplicates collapse)
    let p = PersonInput {
        statuses: vec!["dibao".into(); MAX_STATUSES],
        ..p
    };
    builtin().eligibility(&p).unwrap();
}

/// Every claim kind, level and category of every built-in scheme at the extremes of the accepted
/// ranges (0, 0.01, the ceiling; the first and the last day in force).
#[test]
fn builtin_extremes() {
    let e = builtin();
    for s in e.catalogue().schemes {
        let last = s
            .effective_to
            .clone()
            .unwrap_or_else(|| "2100-12-31".into());
        for r in &s.regions {
            for c in &s.categories {
                for st in std::iter::once(None).chain(s.statuses.iter().map(Some)) {
                    let person = PersonInput {
                        scheme: s.id.clone(),
                        region: r.id.clone(),
                        category: c.id.clone(),
                        statuses: st.map(|x| vec![x.id.clone()]).unwrap_or_default(),
                    };
                    check_plain(e.premium(&PremiumRequest {
                        person: person.clone(),
                        date: Some(last.clone()),
                        year: None,
                    }));
                    for k in &s.claim_kinds {
                        for l in &s.levels {
                            for amount in ["0", "0.01", "100000000"] {
                                for date in [&s.effective_from, &last] {
                                    let claim = yibao::api::ClaimInput {
                                        kind: k.id.clone(),
                                        level: l.id.clone(),
                                        date: date.clone(),
                                        medfee_sumamt: amount.into(),
                                        fulamt_ownpay_amt: None,
                                        disease: k.diseases.first().map(|d| d.id.clone()),
                                    };
                                    check_plain(e.claim(&ClaimRequest {
                                        person: person.clone(),
                                        paid_on: None,
                                        renewed_without_break: None,
                                        enrolment: None,
                                        claim,
                                        explain: true,
                                    }));
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn check_plain<T>(r: Result<T, Error>) {
    if let Err(e) = r {
        assert!(
            !e.message_zh.is_empty() && !e.message_en.is_empty(),
            "{e:?}"
        );
    }
}
