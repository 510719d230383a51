use yibao::Engine;
#[test]
fn show() {
    let e = Engine::builtin().unwrap();
    let reqs = [
        r#"{"person":{"scheme":"jilin-2008","region":"prefecture","category":"adult"},"claim":{"kind":"inpatient","level":"city","date":"2008-09-01","medfee_sumamt":"1.234"}}"#,
        r#"{"person":{"scheme":"jilin-2008","region":"prefecture","category":"adult"},"claim":{"kind":"inpatient","level":"city","date":"2008-13-01","medfee_sumamt":"1"}}"#,
        r#"{"person":{"scheme":"jilin-2008","region":"atlantis","category":"adult"},"claim":{"kind":"inpatient","level":"city","date":"2008-09-01","medfee_sumamt":"1"}}"#,
        r#"{"person":{"scheme":"jilin-2008","region":"prefecture","category":"adult","statuses":["severe_disabled_child"]},"claim":{"kind":"inpatient","level":"city","date":"2008-09-01","medfee_sumamt":"1"}}"#,
        r#"{"person":{"scheme":"jilin-2008","region":"prefecture","category":"adult"},"claim":{"kind":"inpatient","level":"city","date":"2018-09-01","medfee_sumamt":"1"}}"#,
        r#"{"person":{"scheme":"jilin-2008","region":"prefecture","category":"adult","statuses":["employee_insured"]},"claim":{"kind":"inpatient","level":"city","date":"2008-09-01","medfee_sumamt":"1"}}"#,
        r#"{"person":{"scheme":"jilin-2008","region":"prefecture","category":"adult"},"claim":{"kind":"student_accident","level":"city","date":"2008-09-01","medfee_sumamt":"1"}}"#,
        r#"{"person":{"scheme":"jilin-2016","region":"prefecture","category":"adult"},"claim":{"kind":"inpatient","level":"city","date":"2017-09-01","medfee_sumamt":"1"}}"#,
        r#"{"person":{"scheme":"jilin-2008","region":"prefecture","category":"adult"},"claim":{"kind":"inpatient","level":"city","date":"2008-09-01","medfee_sumamt":"100","fulamt_ownpay_amt":"200"}}"#,
    ];
    for r in reqs {
        let q: yibao::api::ClaimRequest = serde_json::from_str(r).unwrap();
        match e.claim(&q) {
            Ok(_) => println!("OK"),
            Err(x) => println!(
                "{} | {:?} | {} | {}",
                x.code(),
                x.field,
                x.message_zh,
                x.message_en
            ),
        }
    }
    let y: yibao::api::YearRequest = serde_json::from_str(r#"{"person":{"scheme":"jilin-2008","region":"prefecture","category":"adult"},"claims":[]}"#).unwrap();
    let x = e.year(&y).unwrap_err();
    println!(
        "{} | {:?} | {} | {}",
        x.code(),
        x.field,
        x.message_zh,
        x.message_en
    );
    println!(
        "{:?}",
        e.catalogue()
            .schemes
            .iter()
            .map(|s| (
                s.id.clone(),
                s.regions.iter().map(|r| r.id.clone()).collect::<Vec<_>>()
            ))
            .collect::<Vec<_>>()
    );
}
