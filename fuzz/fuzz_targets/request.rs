//! JSON requests: bytes → serde_json → `PremiumRequest` / `ClaimRequest` / `YearRequest` →
//! the engine (premium, eligibility, claim, compare, year). Seeds: `fuzz/seeds/request`.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use yibao::api::{ClaimRequest, PremiumRequest, YearRequest};
use yibao::Engine;

fn builtin() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| Engine::builtin().expect("built-in policies load"))
}

fn check<T>(r: Result<T, yibao::Error>) {
    if let Err(e) = r {
        assert!(
            !e.message_zh.is_empty() && !e.message_en.is_empty(),
            "{e:?}"
        );
    }
}

fuzz_target!(|data: &[u8]| {
    let e = builtin();
    if let Ok(r) = serde_json::from_slice::<PremiumRequest>(data) {
        check(e.premium(&r));
        check(e.eligibility(&r.person));
    }
    if let Ok(r) = serde_json::from_slice::<ClaimRequest>(data) {
        check(e.claim(&r));
        check(e.compare(&r));
    }
    if let Ok(r) = serde_json::from_slice::<YearRequest>(data) {
        check(e.year(&r));
    }
});
