//! `yibao claim`, `compare` and `year`: one bill, the same bill at every level, and a year of
//! bills from a file, each with the enrolment history the request gives.

use super::*;

pub(super) fn claim_input(a: &Args, level: String) -> Result<ClaimInput, Error> {
    Ok(ClaimInput {
        kind: a.require("--kind")?,
        level,
        date: a.require("--date")?,
        medfee_sumamt: a.require("--total")?,
        fulamt_ownpay_amt: a.get("--out-of-scope").map(str::to_string),
        disease: a.get("--disease").map(str::to_string),
    })
}

/// The settlement figures of one claim as aligned label/value rows.
pub(super) fn claim_rows(p: &Page, c: &ClaimResult) -> Vec<Vec<String>> {
    let mut rows = vec![
        vec![
            p.t("医疗费总额", "Total bill").to_string(),
            yuan(&c.medfee_sumamt),
        ],
        vec![
            p.t("全自费金额", "Outside policy scope").to_string(),
            yuan(&c.fulamt_ownpay_amt),
        ],
        vec![
            p.t("符合政策范围金额", "Within policy scope").to_string(),
            yuan(&c.inscp_scp_amt),
        ],
        vec![
            p.t("实际支付起付线", "Deductible paid").to_string(),
            yuan(&c.act_pay_dedc),
        ],
        vec![
            p.t("统筹基金支出", "Fund pays").to_string(),
            format!("{}{}", yuan(&c.hifp_pay), p.range(&c.ranges.hifp_pay)),
        ],
        vec![
            p.t("统筹基金支付比例", "Fund share").to_string(),
            percent(&c.pool_prop_selfpay),
        ],
    ];
    rows.extend(layers::rows(
        p,
        (&c.hifmi_pay, &c.ranges.hifmi_pay),
        (&c.maf_pay, &c.ranges.maf_pay),
        &c.fund_pay_sumamt,
    ));
    rows.push(vec![
        p.t("个人负担总金额", "You pay").to_string(),
        format!(
            "{}{}",
            yuan(&c.psn_part_amt),
            p.range(&c.ranges.psn_part_amt)
        ),
    ]);
    rows.extend(layers::burden_rows(
        p,
        layers::Burden {
            psn: &c.psn_part_amt,
            ownpay: &c.fulamt_ownpay_amt,
            dedc: &c.act_pay_dedc,
            coins: &c.coinsurance_amt,
            above: &c.above_limit_amt,
            waiting: &c.waiting_amt,
            hifmi: &c.hifmi_pay,
            maf: &c.maf_pay,
        },
    ));
    rows
}

pub(super) fn claim_title(p: &Page, c: &ClaimResult) -> String {
    match p.lang {
        Lang::Zh => format!(
            "{} · {} · {}（待遇年度 {} 至 {}）",
            c.kind_zh, c.level_zh, c.date, c.benefit_year_start, c.benefit_year_end
        ),
        Lang::En => format!(
            "{} · {} · {} (benefit year {} to {})",
            c.kind_en, c.level_en, c.date, c.benefit_year_start, c.benefit_year_end
        ),
    }
}

pub(super) fn range_note(p: &mut Page) {
    p.line(p.t(
        "（范围：本结果所用的每个假设取值（见下方“本结果依据的地方取值”，各注来源年份）在其标注的范围内变动时，结果可能的最低—最高；不是当年政策允许的区间。）",
        "(Range: the lowest–highest result as each assumed figure this answer uses — listed below, each with its source year — moves within its labelled range; not the range this year's policy permits.)",
    ));
}

/// `--renewed yes|no`: whether later annual payments continued without a break.
pub(super) fn renewed(a: &Args) -> Result<Option<bool>, Error> {
    match a.get("--renewed") {
        None => Ok(None),
        Some("yes" | "true" | "是") => Ok(Some(true)),
        Some("no" | "false" | "否") => Ok(Some(false)),
        Some(x) => Err(Error::new(
            ErrorKind::InvalidInput,
            format!("--renewed 应为 yes（每年连续缴费，无中断）或 no，收到“{x}”"),
            format!("--renewed must be yes (paid every year without a break) or no, got \"{x}\""),
        )
        .field("renewed_without_break")),
    }
}

pub(super) fn claim(a: &Args, engine: &Engine) -> Result<Output, Fail> {
    a.no_positional()?;
    let req = ClaimRequest {
        person: person(a, engine)?,
        paid_on: a.get("--paid-on").map(str::to_string),
        renewed_without_break: renewed(a)?,
        enrolment: layers::enrolment_in(a)?,
        claim: claim_input(a, a.require("--level")?)?,
        explain: true,
    };
    let c = engine.claim(&req)?;
    if a.json {
        return to_json(&c);
    }
    let cat = engine.catalogue();
    let mut p = Page::new(a.lang);
    p.line(person_line(&p, &cat, &req.person));
    p.line(claim_title(&p, &c));
    p.blank();
    let rows = claim_rows(&p, &c);
    p.table("", &rows);
    if c.ranges.hifp_pay.low != c.ranges.hifp_pay.high
        || c.ranges.psn_part_amt.low != c.ranges.psn_part_amt.high
    {
        range_note(&mut p);
    }
    p.notices("请注意", "Notices", &c.notices);
    p.steps(&c.steps);
    p.assumptions(&c.assumptions);
    ok(p.buf)
}

pub(super) fn compare(a: &Args, engine: &Engine) -> Result<Output, Fail> {
    a.no_positional()?;
    let req = CompareRequest {
        person: person(a, engine)?,
        paid_on: a.get("--paid-on").map(str::to_string),
        renewed_without_break: renewed(a)?,
        enrolment: layers::enrolment_in(a)?,
        claim: claim_input(a, String::new())?,
        explain: true,
    };
    let r = engine.compare(&req)?;
    if a.json {
        return to_json(&r);
    }
    let cat = engine.catalogue();
    let mut p = Page::new(a.lang);
    p.line(person_line(&p, &cat, &req.person));
    if let Some(c) = r.rows.iter().find_map(|row| row.result.as_ref()) {
        let head = match a.lang {
            Lang::Zh => format!(
                "{} · {} · 医疗费总额 {} · 全自费 {}",
                c.kind_zh,
                c.date,
                yuan(&c.medfee_sumamt),
                yuan(&c.fulamt_ownpay_amt)
            ),
            Lang::En => format!(
                "{} · {} · total {} · outside scope {}",
                c.kind_en,
                c.date,
                yuan(&c.medfee_sumamt),
                yuan(&c.fulamt_ownpay_amt)
            ),
        };
        p.line(head);
    }
    p.blank();
    let mut rows = vec![vec![
        p.t("医院级别", "Hospital level").to_string(),
        p.t("起付线", "Deductible").to_string(),
        p.t("统筹基金支出", "Fund pays").to_string(),
        p.t("支付比例", "Fund share").to_string(),
        p.t("个人负担", "You pay").to_string(),
        p.t("个人负担范围", "You pay (range)").to_string(),
    ]];
    let mut notices: Vec<NoticeOut> = Vec::new();
    for row in &r.rows {
        let level = format!("{} ({})", name(&p, &row.name_zh, &row.name_en), row.level);
        match (&row.result, &row.error) {
            (Some(c), _) => {
                let range = &c.ranges.psn_part_amt;
                let range = if range.low == range.high {
                    String::new()
                } else {
                    format!("{}—{}", yuan(&range.low), yuan(&range.high))
                };
                rows.push(vec![
                    level,
                    yuan(&c.act_pay_dedc),
                    yuan(&c.hifp_pay),
                    percent(&c.pool_prop_selfpay),
                    yuan(&c.psn_part_amt),
                    range,
                ]);
                for n in &c.notices {
                    if !notices.iter().any(|x| x.zh == n.zh) {
                        notices.push(n.clone());
                    }
                }
            }
            (None, Some(e)) => rows.push(vec![
                level,
                format!(
                    "{}{}",
                    p.t("不予支付：", "not covered: "),
                    name(&p, &e.message_zh, &e.message_en)
                ),
            ]),
            (None, None) => rows.push(vec![level]),
        }
    }
    p.table("", &rows);
    p.notices("请注意", "Notices", &notices);
    p.blank();
    p.line(p.t(
        "每一级的计算过程：yibao claim … --level <级别>",
        "Working for one level: yibao claim … --level <level>",
    ));
    ok(p.buf)
}

pub(super) fn year(a: &Args, engine: &Engine) -> Result<Output, Fail> {
    a.no_positional()?;
    let file = a.require("--file")?;
    let req = yearfile::load(&file)?;
    let r = engine.year(&req)?;
    if a.json {
        return to_json(&r);
    }
    let cat = engine.catalogue();
    let mut p = Page::new(a.lang);
    p.line(person_line(&p, &cat, &req.person));
    let paid = match (&req.paid_on, a.lang) {
        (Some(d), Lang::Zh) => format!("缴费日期 {d}；共 {} 笔，按日期顺序结算", r.claims.len()),
        (Some(d), Lang::En) => format!(
            "paid on {d}; {} claims, settled in date order",
            r.claims.len()
        ),
        (None, Lang::Zh) => format!("共 {} 笔，按日期顺序结算", r.claims.len()),
        (None, Lang::En) => format!("{} claims, settled in date order", r.claims.len()),
    };
    p.line(paid);
    let mut notices: Vec<NoticeOut> = Vec::new();
    for (i, c) in r.claims.iter().enumerate() {
        p.blank();
        let orig = r.order.get(i).map_or(i, |o| *o) + 1;
        let head = match a.lang {
            Lang::Zh => format!(
                "第 {} 笔（文件中第 {orig} 条）：{}",
                i + 1,
                claim_title(&p, c)
            ),
            Lang::En => format!(
                "#{} (entry {orig} in the file): {}",
                i + 1,
                claim_title(&p, c)
            ),
        };
        p.line(head);
        let rows = claim_rows(&p, c);
        p.table("  ", &rows);
        if a.has("--steps") {
            p.steps(&c.steps);
        }
        for n in &c.notices {
            if !notices.iter().any(|x| x.zh == n.zh) {
                notices.push(n.clone());
            }
        }
    }
    p.blank();
    p.line(p.t("全年合计", "Totals"));
    let t = &r.totals;
    let mut rows = vec![
        vec![
            p.t("医疗费总额", "Total bills").to_string(),
            yuan(&t.medfee_sumamt),
        ],
        vec![
            p.t("全自费金额", "Outside policy scope").to_string(),
            yuan(&t.fulamt_ownpay_amt),
        ],
        vec![
            p.t("符合政策范围金额", "Within policy scope").to_string(),
            yuan(&t.inscp_scp_amt),
        ],
        vec![
            p.t("实际支付起付线", "Deductibles paid").to_string(),
            yuan(&t.act_pay_dedc),
        ],
        vec![
            p.t("统筹基金支出", "Fund pays").to_string(),
            format!("{}{}", yuan(&t.hifp_pay), p.range(&r.ranges.hifp_pay)),
        ],
    ];
    rows.extend(layers::rows(
        &p,
        (&t.hifmi_pay, &r.ranges.hifmi_pay),
        (&t.maf_pay, &r.ranges.maf_pay),
        &t.fund_pay_sumamt,
    ));
    rows.push(vec![
        p.t("个人负担总金额", "You pay").to_string(),
        format!(
            "{}{}",
            yuan(&t.psn_part_amt),
            p.range(&r.ranges.psn_part_amt)
        ),
    ]);
    rows.extend(layers::burden_rows(
        &p,
        layers::Burden {
            psn: &t.psn_part_amt,
            ownpay: &t.fulamt_ownpay_amt,
            dedc: &t.act_pay_dedc,
            coins: &t.coinsurance_amt,
            above: &t.above_limit_amt,
            waiting: &t.waiting_amt,
            hifmi: &t.hifmi_pay,
            maf: &t.maf_pay,
        },
    ));
    p.table("  ", &rows);
    if !r.limits.is_empty() {
        p.blank();
        p.line(p.t("最高支付限额使用情况", "Annual limit use"));
        let rows: Vec<Vec<String>> = r
            .limits
            .iter()
            .map(|l| {
                let kind = match (l.limit_kind.as_str(), a.lang) {
                    ("fund_payment", Lang::Zh) => "限基金支付额",
                    ("fund_payment", Lang::En) => "caps fund payment",
                    (_, Lang::Zh) => "限计入的医疗费",
                    (_, Lang::En) => "caps counted costs",
                };
                vec![
                    format!("{} — {}", l.benefit_year_start, l.benefit_year_end),
                    format!("{} {} ({kind})", p.t("限额", "limit"), yuan(&l.limit)),
                    format!("{} {}", p.t("已用", "used"), yuan(&l.used)),
                    format!("{} {}", p.t("剩余", "left"), yuan(&l.remaining)),
                    p.cite(&l.doc, &l.clause),
                ]
            })
            .collect();
        p.table("  ", &rows);
    }
    for n in &r.notices {
        if !notices.iter().any(|x| x.zh == n.zh) {
            notices.push(n.clone());
        }
    }
    p.notices("请注意", "Notices", &notices);
    ok(p.buf)
}
