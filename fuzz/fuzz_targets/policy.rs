//! Policy loading: bytes → UTF-8 text → `Engine::check_policy` (parse, then as a city against the
//! built-in frameworks, or as a framework beside the built-in layer), `add_policy` when it passes,
//! and `check_files`.
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
    // checked against the shared built-in engine without cloning it (the engine is resolved once
    // per process); parse errors come back the same way
    match builtin().check_policy("fuzz.toml", text) {
        Err(errs) => {
            assert!(!errs.is_empty());
            check(&errs);
        }
        Ok(_) => {
            // whatever passes must load, and then answer
            let mut e = builtin().clone();
            e.add_policy("fuzz.toml", text).expect("checked files load");
            let _ = e.catalogue();
        }
    }
    check(&yibao::lint::check_files(&[(
        "fuzz.toml".into(),
        text.into(),
    )]));
});
