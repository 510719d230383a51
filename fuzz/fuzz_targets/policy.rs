//! Policy loading: bytes → UTF-8 text → `parse`, `Engine::add_policy` (as a city against the
//! built-in frameworks, and as a framework beside the built-in layer) and `check_files`.
//! Seeds: `fuzz/seeds/policy` (the built-in files and the broken corpus).
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use yibao::Engine;

fn builtin() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| Engine::builtin().expect("built-in policies load"))
}

fn check(errs: &[yibao::Error]) {
    for e in errs {
        assert!(
            !e.message_zh.is_empty() && !e.message_en.is_empty(),
            "{e:?}"
        );
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(e) = yibao::policy::parse("fuzz.toml", text) {
        check(&[e]);
    }
    let mut e = builtin().clone();
    if let Err(errs) = e.add_policy("fuzz.toml", text) {
        assert!(!errs.is_empty());
        check(&errs);
    } else {
        // whatever loads must answer
        let _ = e.catalogue();
    }
    check(&yibao::lint::check_files(&[(
        "fuzz.toml".into(),
        text.into(),
    )]));
});
