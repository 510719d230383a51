//! ARCHITECTURE.md's invariant that no two core modules import each other, directly or through
//! others: the top-level modules of `src/` (a file `src/x.rs` with its directory `src/x/`) and
//! the `crate::x` paths their code names, checked for a cycle.

use std::collections::BTreeMap;
use std::path::Path;

/// The top-level module each `.rs` file under `src/` belongs to, and the text of its code lines.
fn sources() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            if p.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = p.strip_prefix(&src).unwrap();
            let first = rel
                .components()
                .next()
                .unwrap()
                .as_os_str()
                .to_string_lossy();
            let module = first.trim_end_matches(".rs").to_string();
            let code: String = std::fs::read_to_string(&p)
                .unwrap()
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .collect::<Vec<_>>()
                .join("\n");
            out.push((module, code));
        }
    }
    out
}

/// module → the core modules it names.
fn graph() -> BTreeMap<String, Vec<String>> {
    // the edges (wasm, the binaries) and the crate root are not core modules
    let skip = ["lib", "wasm", "bin"];
    let files = sources();
    let modules: Vec<String> = files
        .iter()
        .map(|(m, _)| m.clone())
        .filter(|m| !skip.contains(&m.as_str()))
        .collect();
    let mut g: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (m, code) in &files {
        if skip.contains(&m.as_str()) {
            continue;
        }
        let deps = g.entry(m.clone()).or_default();
        for part in code.split("crate::").skip(1) {
            let name: String = part
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if name != *m && modules.contains(&name) && !deps.contains(&name) {
                deps.push(name);
            }
        }
    }
    g
}

/// A cycle through `g`, as the modules along it, if there is one.
fn cycle(g: &BTreeMap<String, Vec<String>>) -> Option<Vec<String>> {
    fn visit(
        m: &str,
        g: &BTreeMap<String, Vec<String>>,
        path: &mut Vec<String>,
        done: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| p == m) {
            let mut c = path[i..].to_vec();
            c.push(m.to_string());
            return Some(c);
        }
        if done.iter().any(|d| d == m) {
            return None;
        }
        path.push(m.to_string());
        for d in g.get(m).into_iter().flatten() {
            if let Some(c) = visit(d, g, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.push(m.to_string());
        None
    }
    let mut done = Vec::new();
    g.keys()
        .find_map(|m| visit(m, g, &mut Vec::new(), &mut done))
}

#[test]
fn no_import_cycle_among_the_core_modules() {
    let g = graph();
    // the check sees the modules it should: the settlement's and the engine's
    for m in [
        "engine", "claim", "premium", "layers", "who", "form", "timeline",
    ] {
        assert!(g.contains_key(m), "module {m} not found: {:?}", g.keys());
    }
    assert!(
        g["engine"].contains(&"claim".to_string()),
        "{:?}",
        g["engine"]
    );
    if let Some(c) = cycle(&g) {
        panic!("import cycle: {}", c.join(" → "));
    }
}

#[test]
fn the_cycle_check_finds_a_cycle() {
    let mut g = BTreeMap::new();
    g.insert("a".to_string(), vec!["b".to_string()]);
    g.insert("b".to_string(), vec!["c".to_string()]);
    g.insert("c".to_string(), vec!["a".to_string()]);
    g.insert("d".to_string(), vec![]);
    assert_eq!(
        cycle(&g).map(|c| c.join(" → ")).as_deref(),
        Some("a → b → c → a")
    );
    g.insert("c".to_string(), vec!["d".to_string()]);
    assert_eq!(cycle(&g), None);
}
