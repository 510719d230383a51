//! The answer grid: every built-in scheme × region × category × status set × claim kind × level ×
//! bill size × date through premium, eligibility, claim (explained, `explain: false`, figures),
//! year (explained, figures), curve, compare and enrolment, each answer (or error) as JSON, hashed
//! per group. A change that must not change any answer (a new loading path, a refactoring) is
//! checked byte for byte against the digest recorded before it:
//!
//!   cargo run --release --example answer_grid -- --check tests/answers.digest
//!   cargo run --release --example answer_grid -- --write tests/answers.digest
//!   cargo run --release --example answer_grid -- --dump FILE      (every answer, one a line)
//!
//! `--engine toml` (default) answers from the TOML files (`Engine::builtin`), `--engine packs`
//! from the built-in packs (`policies/packs/`, each scheme's pack loaded on its own), as the
//! browser does; `--small` takes every fourth bill and date (what `tests/packs.rs` runs in debug).
//! The digest changes when answers change on purpose (a new field, a new rule): record it again
//! from the commit before the change that must keep answers, then check after it.

use std::fmt::Write as _;
use std::process::ExitCode;

use yibao::Engine;

#[path = "../tests/grid/mod.rs"]
mod grid;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let opt = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let small = args.iter().any(|a| a == "--small");
    let engine = match opt("--engine").as_deref() {
        None | Some("toml") => Engine::builtin().unwrap_or_else(|e| panic!("{e:?}")),
        Some("packs") => grid::packs_engine(),
        Some(other) => {
            eprintln!("unknown engine {other} (toml | packs)");
            return ExitCode::from(2);
        }
    };
    let mut dump = opt("--dump").map(|_| String::new());
    let digest = grid::run(&engine, small, &mut |group, json| {
        if let Some(d) = dump.as_mut() {
            let _ = writeln!(d, "{group}\t{json}");
        }
    });
    let text = digest.to_text();
    print!("{text}");
    if let (Some(path), Some(d)) = (opt("--dump"), dump) {
        std::fs::write(&path, d).expect("write the dump");
    }
    if let Some(path) = opt("--write") {
        std::fs::write(&path, &text).expect("write the digest");
        eprintln!("written to {path}");
    }
    if let Some(path) = opt("--check") {
        let want = std::fs::read_to_string(&path).expect("read the digest");
        if want != text {
            eprintln!("answers differ from {path}: rerun with --dump on both commits and diff");
            return ExitCode::FAILURE;
        }
        eprintln!("every answer is byte-identical to {path}");
    }
    ExitCode::SUCCESS
}
