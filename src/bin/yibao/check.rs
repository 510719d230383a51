//! `yibao check`: the policy files validated as the engine loads them, one line per finding.

use super::*;

pub(super) fn check(a: &Args) -> Result<Output, Fail> {
    let mut given = 0;
    let (files, findings) = if a.positional.is_empty() {
        let files: Vec<(String, String)> = yibao::builtin::FILES
            .iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect();
        let findings = yibao::lint::check_files(&files);
        (files, findings)
    } else {
        let mut mine = Vec::new();
        for path in files::expand(&a.positional)? {
            let text = read_file(&path)?;
            mine.push((path, text));
        }
        given = mine.len();
        yibao::lint::check_given(mine)
    };
    let code = if findings.is_empty() { 0 } else { 1 };
    if a.json {
        #[derive(Serialize)]
        struct CheckOut {
            ok: bool,
            files: Vec<String>,
            findings: Vec<ErrorOut>,
        }
        let v = CheckOut {
            ok: findings.is_empty(),
            files: files.iter().map(|f| f.0.clone()).collect(),
            findings: findings.iter().map(ErrorOut::from).collect(),
        };
        return to_json(&v).map(|o| Output { code, ..o });
    }
    let mut p = Page::new(a.lang);
    for e in &findings {
        let mut s = format!("{}: ", e.file.as_deref().unwrap_or("-"));
        if let Some(f) = &e.field {
            s.push_str(&format!("{f}: "));
        }
        let msg = name(&p, &e.message_zh, &e.message_en);
        // the core's policy messages often start with the field again
        let msg = e
            .field
            .as_deref()
            .and_then(|f| msg.strip_prefix(f))
            .and_then(|m| m.strip_prefix('：').or_else(|| m.strip_prefix(": ")))
            .unwrap_or(msg);
        s.push_str(msg);
        if let Some(c) = &e.clause {
            s.push_str(&format!(" ({} {c})", p.t("依据", "per")));
        }
        p.line(s);
    }
    let deps = files.len() - given;
    let what = match (a.lang, given, deps) {
        (Lang::Zh, 0, _) => format!("{} 个内置政策文件", files.len()),
        (Lang::Zh, _, 0) => format!("{given} 个文件"),
        (Lang::Zh, _, _) => format!("{given} 个文件（另有 {deps} 个内置依赖文件）"),
        (Lang::En, 0, _) => format!("{} built-in policy files", files.len()),
        (Lang::En, _, 0) => format!("{given} files"),
        (Lang::En, _, _) => format!("{given} files (with {deps} built-in dependencies)"),
    };
    let summary = match (a.lang, findings.len()) {
        (Lang::Zh, 0) => format!("检查通过：{what}，没有发现问题。"),
        (Lang::En, 0) => format!("OK: {what}, no findings."),
        (Lang::Zh, n) => format!("发现 {n} 个问题：{what}。"),
        (Lang::En, n) => format!("{n} findings in {what}."),
    };
    p.line(summary);
    Ok(Output { text: p.buf, code })
}
