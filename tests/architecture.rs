//! ARCHITECTURE.md's invariant that no two modules import each other, directly or through others,
//! checked for a cycle at three levels: the core's top-level modules (a file `src/x.rs` with its
//! directory `src/x/`) by the `crate::x` paths their code names; the policy checks and readers
//! (`src/policy/*.rs`) by their `super::x` and `crate::policy::x` paths; and the page's modules
//! (`www/**/*.js`) by their static and dynamic relative imports.

use std::collections::BTreeMap;
use std::path::Path;

/// A Rust file's code lines (comments left out, so a path named in a doc comment is no import).
fn code_of(p: &Path) -> String {
    std::fs::read_to_string(p)
        .unwrap()
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

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
            out.push((module, code_of(&p)));
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

/// `src/policy/`'s modules → the sibling modules each names.
fn policy_graph() -> BTreeMap<String, Vec<String>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/policy");
    let mut files: Vec<(String, String)> = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let p = entry.unwrap().path();
        if p.extension().is_some_and(|e| e == "rs") {
            let name = p.file_stem().unwrap().to_string_lossy().to_string();
            files.push((name, code_of(&p)));
        }
    }
    let names: Vec<String> = files.iter().map(|f| f.0.clone()).collect();
    let mut g = BTreeMap::new();
    for (m, code) in &files {
        let mut deps: Vec<String> = Vec::new();
        for sep in ["super::", "crate::policy::"] {
            for part in code.split(sep).skip(1) {
                let name: String = part
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                // `mod.rs` re-exports its children (`pub use load::…`): it is above them all
                if m != "mod" && name != *m && names.contains(&name) && !deps.contains(&name) {
                    deps.push(name);
                }
            }
        }
        g.insert(m.clone(), deps);
    }
    g
}

/// `www/`'s modules (paths under it) → the modules each imports, statically or dynamically.
fn www_graph() -> BTreeMap<String, Vec<String>> {
    let www = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("www")
        .canonicalize()
        .unwrap();
    let mut files = Vec::new();
    let mut stack = vec![www.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "js") {
                files.push(p);
            }
        }
    }
    let mut g = BTreeMap::new();
    for f in &files {
        let rel = |p: &Path| {
            p.strip_prefix(&www)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        };
        let text = std::fs::read_to_string(f).unwrap();
        let mut deps: Vec<String> = Vec::new();
        // `from './x.js'`, `import './x.js'` and `import('./x.js')`
        for (i, q) in text.char_indices() {
            if q != '\'' && q != '"' {
                continue;
            }
            let rest = &text[i + 1..];
            if !(rest.starts_with("./") || rest.starts_with("../")) {
                continue;
            }
            let Some(end) = rest.find(q) else { continue };
            let before = text[..i].trim_end();
            if !["from", "import", "import("]
                .iter()
                .any(|k| before.ends_with(k))
            {
                continue;
            }
            let Ok(target) = f.parent().unwrap().join(&rest[..end]).canonicalize() else {
                continue; // generated into dist/ (catalogue.js, divisions.js, pkg/)
            };
            let t = rel(&target);
            if target.starts_with(&www) && !deps.contains(&t) {
                deps.push(t);
            }
        }
        g.insert(rel(f), deps);
    }
    g
}

#[test]
fn no_import_cycle_among_the_policy_modules() {
    let g = policy_graph();
    for m in ["validate", "periods", "layers", "figures", "load", "model"] {
        assert!(g.contains_key(m), "module {m} not found: {:?}", g.keys());
    }
    assert!(g["validate"].contains(&"periods".to_string()), "{g:?}");
    assert!(g["periods"].contains(&"layers".to_string()), "{g:?}");
    if let Some(c) = cycle(&g) {
        panic!("import cycle in src/policy/: {}", c.join(" → "));
    }
}

#[test]
fn no_import_cycle_among_the_page_modules() {
    let g = www_graph();
    // the check sees the imports it should: static, dynamic, up a level
    let has = |a: &str, b: &str| g.get(a).is_some_and(|d| d.iter().any(|x| x == b));
    assert!(has("ui.js", "calc/shell.js"), "{g:?}");
    assert!(has("ui.js", "layers.js"), "dynamic import: {g:?}");
    assert!(has("extras.js", "picker.js"), "dynamic import: {g:?}");
    assert!(has("calc/shell.js", "extras.js"), "../ import: {g:?}");
    if let Some(c) = cycle(&g) {
        panic!("import cycle in www/: {}", c.join(" → "));
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
