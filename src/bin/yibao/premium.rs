//! `yibao premium` and `yibao eligibility`: a coverage year's contribution, each figure with its
//! origin, and whether the person may enrol.

use super::*;

pub(super) fn premium(a: &Args, engine: &Engine) -> Result<Output, Fail> {
    a.no_positional()?;
    let req = PremiumRequest {
        person: person(a, engine)?,
        date: a.get("--date").map(str::to_string),
        year: a.get("--year").map(coverage_year).transpose()?,
    };
    let r = engine.premium(&req)?;
    if a.json {
        return to_json(&r);
    }
    let cat = engine.catalogue();
    let mut p = Page::new(a.lang);
    p.line(person_line(&p, &cat, &req.person));
    p.period(&r.period);
    p.blank();
    let class = format!(
        "{}  {}",
        name(&p, &r.subsidy_class.name_zh, &r.subsidy_class.name_en),
        p.cite(&r.subsidy_class.doc, &r.subsidy_class.clause)
    );
    // each figure's origin (source year and grade) beside it, from the step that uses it
    let tag = |p: &Page, f: &dyn Fn(&Step) -> bool| {
        r.steps
            .iter()
            .find(|s| f(s))
            .map(|s| p.origins(&s.figures))
            .unwrap_or_default()
    };
    let std_tag = tag(&p, &|s| s.id == "standard");
    let own_tag = tag(&p, &|s| s.figures.iter().any(|f| f.role == "individual"));
    let rows = vec![
        vec![
            p.t("缴费标准", "Contribution standard").to_string(),
            format!(
                "{}{}{std_tag}",
                yuan(&r.standard),
                p.range(&r.ranges.standard)
            ),
        ],
        vec![
            p.t("个人缴费", "You pay").to_string(),
            format!(
                "{}{}{own_tag}",
                yuan(&r.individual),
                p.range(&r.ranges.individual)
            ),
        ],
        vec![
            p.t("政府补助合计", "Subsidies in total").to_string(),
            format!(
                "{}{}",
                yuan(&r.subsidy_total),
                p.range(&r.ranges.subsidy_total)
            ),
        ],
        vec![p.t("补助类别", "Subsidy class").to_string(), class],
    ];
    p.table("", &rows);
    p.blank();
    p.line(p.t("各方承担", "Who pays"));
    let mut rows = vec![vec![
        p.t("个人缴费", "You pay").to_string(),
        format!(
            "{}{}{own_tag}",
            yuan(&r.individual),
            p.range(&r.ranges.individual)
        ),
    ]];
    for pa in &r.payers {
        let id = format!("subsidy_{}", pa.payer);
        rows.push(vec![
            name(&p, &pa.name_zh, &pa.name_en).to_string(),
            format!(
                "{}{}{}",
                yuan(&pa.amount),
                p.range(&pa.range),
                tag(&p, &|s| s.id == id)
            ),
            p.cite(&pa.doc, &pa.clause),
        ]);
    }
    if !is_zero(&r.unassigned) {
        rows.push(vec![
            p.t("未指明", "Unassigned").to_string(),
            yuan(&r.unassigned),
            p.t("文件未指明由谁承担", "the document assigns it to no one")
                .to_string(),
        ]);
    }
    p.table("  ", &rows);
    p.addons(
        &r.addons,
        &r.individual_with_addons,
        &r.ranges.individual_with_addons,
    );
    let warnings: Vec<NoticeOut> = r
        .eligibility
        .verdicts
        .iter()
        .map(|v| NoticeOut {
            kind: "warning".into(),
            zh: format!("{}应参加：{}", v.reason_zh, v.send_to_zh),
            en: format!("{} Belongs to: {}", v.reason_en, v.send_to_en),
            doc: v.doc.clone(),
            clause: v.clause.clone(),
        })
        .collect();
    p.notices("参保提示", "Enrolment", &warnings);
    p.notices("缴费方式", "Ways to pay", &r.payment_options);
    p.notices("请注意", "Notices", &r.notices);
    p.steps(&r.steps);
    p.assumptions(&r.assumptions);
    p.sources(&r.sources);
    ok(p.buf)
}

/// `--year 2026`: a coverage year (医保年度) as four digits.
pub(super) fn coverage_year(s: &str) -> Result<u16, Error> {
    s.trim()
        .parse::<u16>()
        .ok()
        .filter(|y| (1990..=2100).contains(y))
        .ok_or_else(|| {
            Error::new(
                ErrorKind::InvalidInput,
                format!("医保年度“{s}”应为 1990—2100 之间的四位年份，如 2026"),
                format!("coverage year \"{s}\" must be a year from 1990 to 2100, e.g. 2026"),
            )
            .field("--year")
        })
}

pub(super) fn eligibility(a: &Args, engine: &Engine) -> Result<Output, Fail> {
    a.no_positional()?;
    let person = person(a, engine)?;
    let r = engine.eligibility(&person)?;
    if a.json {
        return to_json(&r);
    }
    let cat = engine.catalogue();
    let mut p = Page::new(a.lang);
    p.line(person_line(&p, &cat, &person));
    p.blank();
    p.line(if r.eligible {
        p.t("可以参加本方案。", "May enrol in this scheme.")
    } else {
        p.t("不能参加本方案。", "May not enrol in this scheme.")
    });
    for v in &r.verdicts {
        let tag = match (v.verdict.as_str(), a.lang) {
            ("excluded", Lang::Zh) => "【不能参加】",
            (_, Lang::Zh) => "【注意】",
            ("excluded", Lang::En) => "[excluded] ",
            (_, Lang::En) => "[warning] ",
        };
        p.line(format!("  - {tag}{}", name(&p, &v.reason_zh, &v.reason_en)));
        let send = name(&p, &v.send_to_zh, &v.send_to_en);
        if !send.is_empty() {
            p.line(format!("    {}{send}", p.t("应参加：", "Belongs to: ")));
        }
        p.line(format!("    {}", p.cite(&v.doc, &v.clause)));
    }
    ok(p.buf)
}
