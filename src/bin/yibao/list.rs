//! `yibao list`: schemes, or one scheme's regions, categories, statuses, levels and claim kinds.

use super::*;

pub(super) fn list(a: &Args, engine: &Engine) -> Result<Output, Fail> {
    if a.positional.len() > 1 {
        return Err(Error::new(
            ErrorKind::InvalidInput,
            format!("多余的参数“{}”", a.positional[1]),
            format!("unexpected argument \"{}\"", a.positional[1]),
        )
        .field(a.positional[1].clone())
        .into());
    }
    let topic = a.positional.first().map_or("schemes", String::as_str);
    const TOPICS: &[&str] = &[
        "schemes",
        "regions",
        "categories",
        "statuses",
        "levels",
        "kinds",
    ];
    if !TOPICS.contains(&topic) {
        return Err(Error::unknown("列表", "list topic", "topic", topic, TOPICS).into());
    }
    let cat = engine.catalogue();
    let schemes: Vec<&SchemeOut> = match a.get("--scheme") {
        Some(id) => vec![scheme(&cat, id)?],
        None => cat.schemes.iter().collect(),
    };
    if a.json {
        return match topic {
            "schemes" if a.has("--scheme") => to_json(&schemes[0]),
            "schemes" => to_json(&cat),
            _ => {
                let mut m = serde_json::Map::new();
                for s in &schemes {
                    let v = match topic {
                        "regions" => serde_json::to_value(&s.regions),
                        "categories" => serde_json::to_value(&s.categories),
                        "statuses" => serde_json::to_value(&s.statuses),
                        "levels" => serde_json::to_value(&s.levels),
                        _ => serde_json::to_value(&s.claim_kinds),
                    };
                    m.insert(s.id.clone(), v.unwrap_or_default());
                }
                to_json(&m)
            }
        };
    }
    let mut p = Page::new(a.lang);
    if topic == "schemes" {
        let header = vec![
            p.t("方案", "scheme").into(),
            p.t("名称 / 文件", "name / document").into(),
            p.t("有效期", "in force").into(),
        ];
        let mut rows = vec![header];
        for s in &schemes {
            let to = s
                .effective_to
                .clone()
                .unwrap_or_else(|| p.t("（未定）", "(open)").into());
            let (first, second) = match p.lang {
                Lang::Zh => (&s.name_zh, &s.name_en),
                Lang::En => (&s.name_en, &s.name_zh),
            };
            rows.push(vec![
                s.id.clone(),
                first.clone(),
                format!("{} — {to}", s.effective_from),
            ]);
            rows.push(vec![String::new(), second.clone()]);
            rows.push(vec![String::new(), s.doc.clone()]);
        }
        p.table("", &rows);
        p.blank();
        p.line(p.t(
            "查看某方案的编号：yibao list regions|categories|statuses|levels|kinds --scheme <方案>",
            "A scheme's ids: yibao list regions|categories|statuses|levels|kinds --scheme <scheme>",
        ));
        return ok(p.buf);
    }
    for (i, s) in schemes.iter().enumerate() {
        if i > 0 {
            p.blank();
        }
        if schemes.len() > 1 {
            p.line(format!("{} — {}", s.id, name(&p, &s.name_zh, &s.name_en)));
        }
        let rows = topic_rows(&p, a.lang, topic, s);
        if rows.is_empty() {
            let why = match (topic, &s.benefits_absent_zh, &s.benefits_absent_en) {
                ("kinds" | "levels", Some(zh), Some(en)) => name(&p, zh, en).to_string(),
                _ => p.t("（无）", "(none)").to_string(),
            };
            p.line(format!("  {why}"));
        } else {
            p.table("  ", &rows);
        }
    }
    ok(p.buf)
}

/// The rows of one `list` topic for one scheme, in the page's language first.
pub(super) fn topic_rows(p: &Page, lang: Lang, topic: &str, s: &SchemeOut) -> Vec<Vec<String>> {
    let both = |zh: &str, en: &str| -> [String; 2] {
        match lang {
            Lang::Zh => [zh.to_string(), en.to_string()],
            Lang::En => [en.to_string(), zh.to_string()],
        }
    };
    match topic {
        "regions" => s
            .regions
            .iter()
            .map(|r| {
                let [x, y] = both(&r.name_zh, &r.name_en);
                let src = if r.source == "city" {
                    format!("{} {}", p.t("城市文件", "city file"), r.file)
                } else {
                    p.t("框架典型取值", "framework").to_string()
                };
                vec![
                    r.id.clone(),
                    x,
                    y,
                    format!("{} {}", p.t("档次", "tier"), r.tier),
                    src,
                ]
            })
            .collect(),
        "categories" => s
            .categories
            .iter()
            .map(|c| [vec![c.id.clone()], both(&c.name_zh, &c.name_en).to_vec()].concat())
            .collect(),
        "levels" => s
            .levels
            .iter()
            .map(|c| [vec![c.id.clone()], both(&c.name_zh, &c.name_en).to_vec()].concat())
            .collect(),
        "statuses" => s
            .statuses
            .iter()
            .map(|x| {
                let kind = if x.kind == "hardship" {
                    p.t("困难群体", "hardship")
                } else {
                    p.t("情形", "situation")
                };
                let cats = if x.categories.is_empty() {
                    p.t("所有类别", "all categories").to_string()
                } else {
                    x.categories.join(",")
                };
                [
                    vec![x.id.clone()],
                    both(&x.name_zh, &x.name_en).to_vec(),
                    vec![kind.to_string(), cats],
                ]
                .concat()
            })
            .collect(),
        _ => {
            let mut rows = Vec::new();
            for k in &s.claim_kinds {
                let levels = if k.levels.is_empty() {
                    p.t("所有级别", "all levels").to_string()
                } else {
                    k.levels.join(",")
                };
                let cats = if k.categories.is_empty() {
                    p.t("所有类别", "all categories").to_string()
                } else {
                    k.categories.join(",")
                };
                rows.push(
                    [
                        vec![k.id.clone()],
                        both(&k.name_zh, &k.name_en).to_vec(),
                        vec![cats, levels],
                    ]
                    .concat(),
                );
                for d in &k.diseases {
                    rows.push(
                        [
                            vec![format!("  --disease {}", d.id)],
                            both(&d.name_zh, &d.name_en).to_vec(),
                        ]
                        .concat(),
                    );
                }
            }
            rows
        }
    }
}
