//! `yibao household`: what a household pays for a coverage year — each member's lines from their
//! own premium answer, the totals, who pays nothing and why, and the sources (CLI.md).

use super::args::{Args, Lang};
use super::show::{yuan, Page};
use super::{coverage_year, ok, to_json, Fail, Output};
use yibao::api::*;
use yibao::{Engine, Error, ErrorKind};

/// `CATEGORY[:STATUS[,STATUS]...]`, where an item `born=YYYY-MM-DD` makes the member a newborn.
pub fn member(spec: &str, i: usize) -> Result<MemberInput, Error> {
    let (cat, rest) = spec.split_once([':', '：']).unwrap_or((spec, ""));
    let cat = cat.trim();
    if cat.is_empty() {
        return Err(Error::new(
            ErrorKind::InvalidInput,
            format!("--member “{spec}”：缺少人员类别（写法 类别[:身份,身份]，如 urban_adult:dibao）"),
            format!("--member \"{spec}\": no category (write CATEGORY[:STATUS,STATUS], e.g. urban_adult:dibao)"),
        )
        .field(format!("members[{i}].category")));
    }
    let mut m = MemberInput {
        category: cat.to_string(),
        ..MemberInput::default()
    };
    for item in rest
        .split([',', '，'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        match item.strip_prefix("born=") {
            Some(d) => m.born = Some(d.to_string()),
            None => m.statuses.push(item.to_string()),
        }
    }
    Ok(m)
}

pub fn request(a: &Args, engine: &Engine) -> Result<HouseholdRequest, Error> {
    let (scheme, region) = super::scheme_region(a, engine)?;
    let members = a
        .raw_all("--member")
        .iter()
        .enumerate()
        .map(|(i, s)| member(s, i))
        .collect::<Result<Vec<_>, _>>()?;
    if members.is_empty() {
        return Err(Error::new(
            ErrorKind::InvalidInput,
            "缺少 --member：每位家庭成员一个（如 --member urban_adult --member student_child）",
            "missing --member: one per household member (e.g. --member urban_adult --member student_child)",
        )
        .field("--member"));
    }
    Ok(HouseholdRequest {
        scheme,
        region,
        year: a.get("--year").map(coverage_year).transpose()?,
        date: a.get("--date").map(str::to_string),
        members,
    })
}

/// `〔2025·B·J3〕`: a figure's origin (its source's year and grade, or its document's year and
/// basis — the tag every figure carries) and the source's id for the list of sources.
pub fn tag(p: &Page, f: Option<&FigureOut>) -> String {
    let Some(f) = f else {
        return p.t("（推算）", "(worked out)").to_string();
    };
    let origin = p.t(&f.origin_zh, &f.origin_en);
    match (&f.source, p.lang) {
        (Some(s), Lang::Zh) => format!("〔{origin}·{}〕", s.id),
        (Some(s), Lang::En) => format!("[{origin}·{}]", s.id),
        (None, Lang::Zh) => format!("〔{origin}〕"),
        (None, Lang::En) => format!("[{origin}]"),
    }
}

fn names(p: &Page, m: &MemberOut) -> String {
    let mut v = vec![p.t(&m.category.name_zh, &m.category.name_en).to_string()];
    v.extend(
        m.statuses
            .iter()
            .map(|s| p.t(&s.name_zh, &s.name_en).to_string()),
    );
    if let Some(b) = &m.born {
        v.push(match p.lang {
            super::Lang::Zh => format!("新生儿（{b} 出生）"),
            super::Lang::En => format!("newborn (born {b})"),
        });
    }
    v.join(" · ")
}

/// The household's lines as text, shared with the short form's counting in tests.
pub fn text(p: &mut Page, r: &HouseholdResult, head: &str) {
    p.line(head);
    p.period(&r.period);
    p.blank();
    p.line(match p.lang {
        super::Lang::Zh => format!("家庭成员 {} 人", r.members.len()),
        super::Lang::En => format!("{} members", r.members.len()),
    });
    for (i, m) in r.members.iter().enumerate() {
        p.line(format!("  {}. {}", i + 1, names(p, m)));
        if let Some(n) = &m.not_set {
            p.line(format!("     {}", p.t(&n.zh, &n.en)));
            continue;
        }
        let rows: Vec<Vec<String>> = m
            .lines
            .iter()
            .filter(|l| l.id != "standard" && l.id != "subsidy_total")
            .map(|l| {
                vec![
                    p.t(&l.label_zh, &l.label_en).to_string(),
                    format!("{}{}", yuan(&l.amount), p.range(&l.range)),
                    tag(p, l.figure.as_ref()),
                ]
            })
            .collect();
        p.table("     ", &rows);
        if let Some(n) = &m.pays_nothing {
            let c = p.cite(&n.doc, &n.clause);
            p.line(format!("     {} {c}", p.t(&n.zh, &n.en)));
        }
    }
    p.blank();
    p.line(p.t("家庭合计", "Household"));
    let mut rows = vec![vec![
        p.t("个人缴费", "Individual contributions").to_string(),
        format!("{}{}", yuan(&r.individual), p.range(&r.individual_range)),
    ]];
    for a in &r.addons {
        rows.push(vec![
            format!(
                "{}（{} {}）",
                p.t(&a.name_zh, &a.name_en),
                a.members,
                p.t("人", "members")
            ),
            yuan(&a.amount),
        ]);
    }
    rows.push(vec![
        p.t("家庭缴费合计", "The household pays").to_string(),
        format!("{}{}", yuan(&r.total), p.range(&r.range)),
    ]);
    rows.push(vec![
        p.t("医疗救助资助", "Medical assistance aid").to_string(),
        yuan(&r.aid),
    ]);
    rows.push(vec![
        p.t("财政等补助", "Subsidies").to_string(),
        yuan(&r.subsidy),
    ]);
    p.table("  ", &rows);
    p.notices("请注意", "Notices", &r.notices);
    p.sources(&r.sources);
}

/// `吉林省… · 吉林省统筹地区` from the catalogue (ids where unknown).
pub fn place_line(p: &Page, cat: &Catalogue, scheme: &str, region: &str) -> String {
    let Some(s) = cat.schemes.iter().find(|s| s.id == scheme) else {
        return scheme.to_string();
    };
    let r = s.regions.iter().find(|r| r.id == region);
    format!(
        "{} · {}",
        p.t(&s.name_zh, &s.name_en),
        r.map_or(region, |r| p.t(&r.name_zh, &r.name_en))
    )
}

pub fn run(a: &Args, engine: &Engine) -> Result<Output, Fail> {
    a.no_positional()?;
    let req = request(a, engine)?;
    let r = engine.household(&req)?;
    if a.json {
        return to_json(&r);
    }
    let cat = engine.catalogue();
    let mut p = Page::new(a.lang);
    let head = place_line(&p, &cat, &req.scheme, &req.region);
    text(&mut p, &r, &head);
    ok(p.buf)
}
