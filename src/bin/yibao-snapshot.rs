//! Writes the built-in policies, parsed and validated from `policies/*.toml`, as the binary
//! snapshot the browser's default wasm module starts from.
//!
//!   cargo run --bin yibao-snapshot [-- OUT]      (OUT defaults to policies/builtin.snapshot)
//!
//! `tests/snapshot.rs` fails when the committed file no longer matches the TOML files.

use std::process::ExitCode;

fn main() -> ExitCode {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "policies/builtin.snapshot".to_string());
    let engine = match yibao::Engine::builtin() {
        Ok(e) => e,
        Err(errs) => {
            for e in errs {
                eprintln!("{e}");
            }
            return ExitCode::FAILURE;
        }
    };
    let bytes = engine.snapshot();
    let unchanged = std::fs::read(&out).is_ok_and(|old| old == bytes);
    if !unchanged {
        if let Err(e) = std::fs::write(&out, &bytes) {
            eprintln!("写入 {out} 失败 / could not write {out}: {e}");
            return ExitCode::FAILURE;
        }
    }
    println!(
        "{out}: {} bytes{}",
        bytes.len(),
        if unchanged {
            " (unchanged)"
        } else {
            " (written)"
        }
    );
    ExitCode::SUCCESS
}
