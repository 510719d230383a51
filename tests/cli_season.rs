//! The binary's household, diff and decision commands (issue 18): real output, figures checked
//! against the `premium` command's own answers.

#[path = "common/bin.rs"]
mod bin;
use bin::*;

/// Fen from a decimal string ("1490.00" → 149000).
fn fen(s: &str) -> i64 {
    let (int, frac) = s.split_once('.').unwrap_or((s, "0"));
    int.parse::<i64>().unwrap() * 100 + format!("{frac:0<2}")[..2].parse::<i64>().unwrap()
}

const HOUSEHOLD: &[&str] = &[
    "household",
    "--scheme",
    "jilin-2016",
    "--region",
    "jilin",
    "--year",
    "2026",
    "--member",
    "urban_adult",
    "--member",
    "urban_adult",
    "--member",
    "student_child",
    "--member",
    "urban_adult:dibao",
];

/// What `yibao premium --json` answers for one member (category and statuses) in Jilin 2026.
fn premium(category: &str, status: Option<&str>) -> serde_json::Value {
    let mut args = vec![
        "premium",
        "--scheme",
        "jilin-2016",
        "--region",
        "jilin",
        "--year",
        "2026",
        "--category",
        category,
        "--json",
    ];
    if let Some(s) = status {
        args.extend(["--status", s]);
    }
    let o = yibao(&args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    json(&o)
}

#[test]
fn household_total_is_the_four_premium_answers() {
    let answers = [
        premium("urban_adult", None),
        premium("urban_adult", None),
        premium("student_child", None),
        premium("urban_adult", Some("dibao")),
    ];
    let sum: i64 = answers
        .iter()
        .map(|a| fen(a["individual_with_addons"].as_str().unwrap()))
        .sum();
    let own: i64 = answers
        .iter()
        .map(|a| fen(a["individual"].as_str().unwrap()))
        .sum();

    let mut args = HOUSEHOLD.to_vec();
    args.push("--json");
    let o = yibao(&args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let h = json(&o);
    assert_eq!(fen(h["total"].as_str().unwrap()), sum);
    assert_eq!(fen(h["individual"].as_str().unwrap()), own);
    let members = h["members"].as_array().unwrap();
    assert_eq!(members.len(), 4);
    for (m, a) in members.iter().zip(&answers) {
        assert_eq!(m["with_addons"], a["individual_with_addons"]);
        assert_eq!(m["premium"]["individual"], a["individual"]);
    }

    // the text: each member, and the total as the premium answers sum it (¥1,490.00 by hand:
    // 3 × (400 + 10) + (250 + 10))
    assert_eq!(sum, 149_000);
    let o = yibao(HOUSEHOLD);
    assert!(o.status.success());
    let text = squeezed(&stdout(&o));
    for line in [
        "家庭成员 4 人",
        "1. 城镇居民（成年，原城镇居民医保缴费档）",
        "3. 在校学生、少年儿童",
        "4. 城镇居民（成年，原城镇居民医保缴费档） · 城乡低保对象",
        "个人缴费 ¥400.00 〔2025·B·J3〕",
        "个人缴费 ¥250.00（范围 ¥0.00—¥250.00）",
        "家庭缴费合计 ¥1,490.00（范围 ¥1,240.00—¥1,490.00）",
        "长期护理保险费（4 人） ¥40.00",
        "[J3] 吉医保联[2025]19号",
    ] {
        assert!(text.contains(line), "missing {line:?} in\n{text}");
    }
    let o = yibao(&[HOUSEHOLD, &["--lang", "en"]].concat());
    assert!(squeezed(&stdout(&o)).contains("The household pays ¥1,490.00"));
}

#[test]
fn household_errors_name_the_member() {
    let o = yibao(&[
        "household",
        "--scheme",
        "jilin-2016",
        "--region",
        "jilin",
        "--year",
        "2026",
        "--member",
        "urban_adult",
        "--member",
        "retired:dibao",
        "--json",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let e = &json(&o)["errors"][0];
    assert_eq!(e["code"], "unknown_id");
    assert_eq!(e["field"], "members[1].category");
    assert!(String::from_utf8_lossy(&o.stderr).contains("家庭成员 2："));
    // no member at all
    let o = yibao(&["household", "--scheme", "jilin-2016", "--region", "jilin"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--member"));
    // a newborn by `born=` in the member's list
    let o = yibao(&[
        "household",
        "--scheme",
        "jilin-2016",
        "--region",
        "jilin",
        "--year",
        "2026",
        "--member",
        "urban_adult",
        "--member",
        "student_child:born=2026-03-01",
    ]);
    assert!(o.status.success());
    let text = squeezed(&stdout(&o));
    assert!(text.contains("新生儿（2026-03-01 出生）"), "{text}");
    assert!(text.contains("家庭缴费合计 ¥410.00"), "{text}");
}

const DIFF: &[&str] = &[
    "diff",
    "--scheme",
    "jilin-2016",
    "--region",
    "jilin",
    "--category",
    "urban_adult",
    "--from",
    "2025",
    "--to",
    "2026",
];

/// The case: the subsidy 670 → 700 and the individual 400 → 400, with both sources.
#[test]
fn diff_shows_both_years_with_their_sources() {
    let o = yibao(DIFF);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = squeezed(&stdout(&o));
    for line in [
        "与上年相比：医保年度 2025 → 2026",
        "个人缴费 ¥400.00 〔2025·A·J1〕 ¥400.00 〔2025·B·J3〕 不变",
        "各级财政（文件未分级） ¥670.00 〔2024·B·下限·N3〕 ¥700.00 〔2025·A/B·下限·N4〕 +¥30.00（含假设）",
        "2025 年的来源",
        "[J1] 吉林省2025年度城乡居民医保缴费通知",
        "2026 年的来源",
        "[J3] 吉医保联[2025]19号",
        "大病保险最高支付限额 未找到 ¥400,000.00 〔2026·B·J8〕 —",
    ] {
        assert!(text.contains(line), "missing {line:?} in\n{text}");
    }
    let mut args = DIFF.to_vec();
    args.push("--json");
    let d = json(&yibao(&args));
    let sub = d["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["id"] == "payer_government")
        .unwrap();
    assert_eq!(
        (sub["from"]["amount"].as_str(), sub["to"]["amount"].as_str()),
        (Some("670.00"), Some("700.00"))
    );
    assert_eq!(sub["from"]["figure"]["source"]["id"], "N3");
    assert_eq!(sub["to"]["figure"]["source"]["id"], "N4");

    // a year without a source says so instead of comparing
    let o = yibao(&[
        "diff",
        "--scheme",
        "jilin-2016",
        "--region",
        "jilin",
        "--category",
        "urban_adult",
        "--from",
        "2023",
        "--to",
        "2024",
    ]);
    assert!(o.status.success());
    let text = squeezed(&stdout(&o));
    assert!(text.contains("2023：没有来源"), "{text}");
    assert!(
        text.contains("个人缴费 没有来源 ¥380.00（范围 ¥380.00—¥400.00） 〔2023·A/B·假设·N2〕 —"),
        "{text}"
    );
    assert!(text.contains("不作比较"), "{text}");
}

/// When to pay: the window, three choices, the bill under each; `--today` fixes the date.
#[test]
fn decision_weighs_today_a_chosen_date_and_not_paying() {
    let o = yibao(&[
        "decision",
        "--scheme",
        "jilin-2016",
        "--region",
        "jilin",
        "--category",
        "urban_adult",
        "--year",
        "2026",
        "--today",
        "2026-03-10",
        "--paid-on",
        "2026-02-20",
        "--kind",
        "inpatient",
        "--level",
        "province",
        "--date",
        "2026-04-01",
        "--total",
        "50000",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = squeezed(&stdout(&o));
    for line in [
        "何时缴费：医保年度 2026（今天 2026-03-10）",
        "集中缴费期 2025-11-01 至 2026-02-28，已过 10 天 [J3·B]",
        "一笔费用：住院，省级（省以上）医疗机构，2026-04-01，¥50,000.00",
        "今天缴费 2026-03-10 2026-06-10 3 个月 ¥410.00 ¥50,000.00 ¥50,410.00",
        "2026-02-20 缴费 2026-02-20 2026-01-01 0 个月 ¥410.00 ¥16,925.00 ¥17,335.00",
        "不缴费 — 不享受 — ¥0.00 ¥50,000.00 ¥50,000.00",
    ] {
        assert!(text.contains(line), "missing {line:?} in\n{text}");
    }
    // without --today the system date is today: a date, in JSON
    let o = yibao(&[
        "decision",
        "--scheme",
        "jilin-2016",
        "--region",
        "jilin",
        "--category",
        "urban_adult",
        "--year",
        "2026",
        "--json",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let d = json(&o);
    let today = d["today"].as_str().unwrap();
    assert!(today.len() == 10 && today.starts_with("20"), "{today}");
    assert_eq!(d["options"].as_array().unwrap().len(), 2);
}
