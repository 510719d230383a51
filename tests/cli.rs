//! Runs the built `yibao` binary and checks its real output: figures, messages and exit codes.

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

#[path = "common/bin.rs"]
mod bin;
use bin::*;

const PERSON: &[&str] = &[
    "--scheme",
    "jilin-2008",
    "--region",
    "prefecture",
    "--category",
    "adult",
];
const CLAIM: &[&str] = &[
    "--kind",
    "inpatient",
    "--date",
    "2008-10-01",
    "--total",
    "50000",
    "--out-of-scope",
    "2000",
    "--paid-on",
    "2008-05-01",
];

fn cmd(sub: &str, extra: &[&str]) -> Vec<String> {
    let mut v = vec![sub.to_string()];
    v.extend(PERSON.iter().map(|s| s.to_string()));
    v.extend(extra.iter().map(|s| s.to_string()));
    v
}

fn run(args: &[String]) -> Output {
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    yibao(&a)
}

fn temp_dir(name: &str) -> PathBuf {
    let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("cli-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

/// Asserts a usage or input error: exit 2, both languages on stderr, no panic.
fn assert_error(o: &Output, code: &str, zh: &str) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(2), "stderr: {err}");
    assert!(err.contains(&format!("错误 [{code}]:")), "stderr: {err}");
    assert!(err.contains(zh), "want {zh:?} in stderr: {err}");
    assert!(err.contains("\nError: "), "stderr: {err}");
    assert!(!err.contains("panicked"), "stderr: {err}");
}

// ---------------------------------------------------------------- premium

#[test]
fn premium_for_a_dibao_adult_shows_the_individual_and_unassigned_parts() {
    let o = run(&cmd("premium", &["--status", "dibao"]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = squeezed(&stdout(&o));
    assert!(out.contains("缴费标准 ¥240.00"), "{out}");
    assert!(out.contains("个人缴费 ¥38.00"), "{out}");
    assert!(out.contains("未指明 ¥10.00"), "{out}");
    assert!(out.contains("中央财政 ¥70.00"), "{out}");
    assert!(
        out.contains("市、县财政 ¥86.00（范围 ¥86.00—¥134.00）"),
        "{out}"
    );
    assert!(
        out.contains("补助类别 其他低保对象 依据 吉政办发[2008]12号 二(四)2(2)"),
        "{out}"
    );
    // numbered steps with their clauses
    assert!(out.contains("4. 补助总额 ¥192.00"), "{out}");
    assert!(out.contains("缴费标准 ¥240.00 × 80%"), "{out}");
    assert!(out.contains("依据 吉政办发[2008]12号 二(四)2(2)"), "{out}");
}

#[test]
fn premium_in_english() {
    let o = run(&cmd("premium", &["--status", "dibao", "--lang", "en"]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = squeezed(&stdout(&o));
    assert!(out.contains("You pay ¥38.00"), "{out}");
    assert!(out.contains("Unassigned ¥10.00"), "{out}");
    assert!(
        out.contains("Source: 吉政办发[2008]12号 二(四)2(2)"),
        "{out}"
    );
    assert!(!out.contains("个人缴费"), "{out}");
}

#[test]
fn premium_json_is_the_api_response() {
    let o = run(&cmd("premium", &["--json", "--status", "dibao"]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v = json(&o);
    assert_eq!(v["individual"], "38.00");
    assert_eq!(v["unassigned"], "10.00");
    assert_eq!(v["standard"], "240.00");
    assert_eq!(v["subsidy_class"]["id"], "other_dibao");
}

#[test]
fn statuses_may_be_comma_separated_and_repeated() {
    let a = run(&cmd(
        "premium",
        &["--json", "--status", "dibao,flexible_or_migrant_worker"],
    ));
    let b = run(&cmd(
        "premium",
        &[
            "--json",
            "--status",
            "dibao",
            "--status",
            "flexible_or_migrant_worker",
        ],
    ));
    assert_eq!(a.status.code(), Some(0), "{}", stderr(&a));
    assert_eq!(json(&a), json(&b));
    assert_eq!(json(&a)["individual"], "38.00");
}

#[test]
fn eligibility_names_the_scheme_an_insured_employee_belongs_to() {
    let o = run(&cmd("eligibility", &["--status", "employee_insured"]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("不能参加本方案。"), "{out}");
    assert!(out.contains("应参加：城镇职工基本医疗保险"), "{out}");
    assert!(out.contains("依据 吉政办发[2008]12号 二(三)"), "{out}");
    let ok = run(&cmd("eligibility", &["--json"]));
    assert_eq!(json(&ok)["eligible"], true);
}

#[test]
fn premium_for_an_ineligible_person_is_an_error_with_send_to() {
    let o = run(&cmd("premium", &["--status", "employee_insured"]));
    assert_error(&o, "not_eligible", "不能参加吉林省城镇居民基本医疗保险");
    assert!(
        stderr(&o).contains("应参加 belongs to: 城镇职工基本医疗保险"),
        "{}",
        stderr(&o)
    );
}

// ---------------------------------------------------------------- claims

#[test]
fn claim_hand_checked_inpatient_stay() {
    let o = run(&cmd(
        "claim",
        &[&["--level", "city", "--json"], CLAIM].concat(),
    ));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v = json(&o);
    assert_eq!(v["inscp_scp_amt"], "48000.00");
    assert_eq!(v["act_pay_dedc"], "600.00");
    assert_eq!(v["hifp_pay"], "24700.00");
    assert_eq!(v["psn_part_amt"], "25300.00");
    assert_eq!(v["above_limit_amt"], "3000.00");
}

#[test]
fn claim_human_output_shows_the_settlement_fields_and_steps() {
    let o = run(&cmd("claim", &[&["--level", "city"], CLAIM].concat()));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = squeezed(&stdout(&o));
    for want in [
        "医疗费总额 ¥50,000.00",
        "全自费金额 ¥2,000.00",
        "符合政策范围金额 ¥48,000.00",
        "实际支付起付线 ¥600.00",
        "统筹基金支出 ¥24,700.00（范围 ¥13,230.00—¥31,290.00）",
        "统筹基金支付比例 55.63%",
        "个人负担总金额 ¥25,300.00（范围 ¥18,710.00—¥36,770.00）",
        "其中 超过最高支付限额 ¥3,000.00",
        "¥9,400.00 × 50%",
        "¥15,000.00 × 60%",
        "依据 吉政办发[2008]12号 二(五)2 起付标准",
        "待遇年度 2008-05-01 至 2009-04-30",
    ] {
        assert!(out.contains(want), "want {want:?} in:\n{out}");
    }
}

#[test]
fn claim_renewed_no_starts_a_waiting_period_at_each_annual_payment() {
    // paid 2008-05-01; the second contribution year starts 2009-05-01; with --renewed no its
    // payment starts a 3-month waiting period (to 2009-07-31), so a stay on 2009-06-01 is unpaid
    let claim = |renewed: &str| {
        let o = run(&cmd(
            "claim",
            &[
                "--kind",
                "inpatient",
                "--level",
                "city",
                "--date",
                "2009-06-01",
                "--total",
                "10000",
                "--paid-on",
                "2008-05-01",
                "--renewed",
                renewed,
                "--json",
            ],
        ));
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        json(&o)
    };
    // 600; 9,400 × 50% = 4,700
    assert_eq!(claim("yes")["hifp_pay"], "4700.00");
    let no = claim("no");
    assert_eq!(no["hifp_pay"], "0.00");
    assert_eq!(no["waiting_amt"], "10000.00");
    let o = run(&cmd(
        "claim",
        &[&["--level", "city", "--renewed", "maybe"], CLAIM].concat(),
    ));
    assert_error(&o, "invalid_input", "--renewed");
}

#[test]
fn compare_settles_the_bill_at_every_level() {
    let o = run(&cmd("compare", &[CLAIM, &["--json"]].concat()));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v = json(&o);
    let rows = v["rows"].as_array().expect("rows");
    let levels: Vec<&str> = rows.iter().filter_map(|r| r["level"].as_str()).collect();
    assert_eq!(levels, ["community", "county", "city", "province"]);
    assert_eq!(rows[2]["result"]["hifp_pay"], "24700.00");
    let human = squeezed(&stdout(&run(&cmd("compare", CLAIM))));
    assert!(
        human.contains("市级医疗机构 (city) ¥600.00 ¥24,700.00 55.63% ¥25,300.00"),
        "{human}"
    );
    assert!(
        human.contains("社区卫生服务机构 (community) ¥100.00"),
        "{human}"
    );
}

#[test]
fn compare_rejects_level() {
    let o = run(&cmd("compare", &[CLAIM, &["--level", "city"]].concat()));
    assert_error(&o, "invalid_input", "未知选项“--level”");
}

// ---------------------------------------------------------------- bad input

#[test]
fn negative_amount_is_rejected_by_the_engine() {
    let o = run(&cmd(
        "claim",
        &[
            "--kind",
            "inpatient",
            "--level",
            "city",
            "--date",
            "2008-10-01",
            "--total",
            "-5",
        ],
    ));
    assert_error(&o, "invalid_amount", "金额“-5”不能为负数");
    assert!(
        stderr(&o).contains("claim.medfee_sumamt (--total)"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn non_numeric_amount_is_rejected() {
    let o = run(&cmd(
        "claim",
        &[
            "--kind",
            "inpatient",
            "--level",
            "city",
            "--date",
            "2008-10-01",
            "--total",
            "abc",
        ],
    ));
    assert_error(&o, "invalid_amount", "金额“abc”不是数字");
    let o = run(&cmd(
        "claim",
        &[
            "--kind",
            "inpatient",
            "--level",
            "city",
            "--date",
            "2008-10-01",
            "--total",
            "100",
            "--out-of-scope",
            "1.234",
        ],
    ));
    assert_error(&o, "invalid_amount", "最多保留两位小数");
}

#[test]
fn unknown_scheme() {
    let o = yibao(&[
        "premium",
        "--scheme",
        "nope",
        "--region",
        "prefecture",
        "--category",
        "adult",
    ]);
    assert_error(&o, "unknown_id", "未知的方案“nope”");
    assert!(
        stderr(&o).contains("jilin-2008"),
        "known schemes listed: {}",
        stderr(&o)
    );
}

#[test]
fn unknown_flag_missing_value_and_missing_option() {
    assert_error(
        &run(&cmd("premium", &["--bogus", "1"])),
        "invalid_input",
        "未知选项“--bogus”",
    );
    assert_error(
        &run(&cmd("premium", &["--status"])),
        "invalid_input",
        "选项 --status 缺少取值",
    );
    assert_error(
        &run(&cmd("premium", &["--date", "--json"])),
        "invalid_input",
        "选项 --date 缺少取值",
    );
    assert_error(
        &yibao(&["premium", "--scheme", "jilin-2008"]),
        "invalid_input",
        "缺少必需的选项 --region",
    );
    assert_error(
        &run(&cmd(
            "premium",
            &["--date", "2008-06-01", "--date", "2008-07-01"],
        )),
        "invalid_input",
        "只能给一次",
    );
    assert_error(
        &yibao(&["frobnicate"]),
        "invalid_input",
        "未知命令“frobnicate”",
    );
    assert_error(&yibao(&[]), "invalid_input", "缺少命令");
    assert_error(
        &run(&cmd("premium", &["--lang", "fr"])),
        "invalid_input",
        "--lang 应为 zh 或 en",
    );
    assert_error(
        &run(&cmd("premium", &["extra"])),
        "invalid_input",
        "多余的参数“extra”",
    );
}

#[test]
fn bad_date_and_unknown_level_come_from_the_engine() {
    let o = run(&cmd(
        "claim",
        &[
            "--kind",
            "inpatient",
            "--level",
            "city",
            "--date",
            "2008-13-01",
            "--total",
            "100",
        ],
    ));
    assert_error(&o, "invalid_date", "2008-13-01");
    let o = run(&cmd(
        "claim",
        &[
            "--kind",
            "inpatient",
            "--level",
            "moon",
            "--date",
            "2008-10-01",
            "--total",
            "100",
        ],
    ));
    assert_error(&o, "unknown_id", "moon");
}

#[test]
fn errors_with_json_also_print_json_on_stdout() {
    let o = run(&cmd(
        "claim",
        &[
            "--json",
            "--kind",
            "inpatient",
            "--level",
            "city",
            "--date",
            "2008-10-01",
            "--total",
            "abc",
        ],
    ));
    assert_eq!(o.status.code(), Some(2));
    let v = json(&o);
    assert_eq!(v["errors"][0]["code"], "invalid_amount");
    assert_eq!(v["errors"][0]["field"], "claim.medfee_sumamt");
}

// ---------------------------------------------------------------- year

#[test]
fn year_file_settles_claims_in_date_order() {
    let o = yibao(&["year", "--file", "tests/cli/year.toml", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v = json(&o);
    assert_eq!(v["order"], serde_json::json!([1, 0]));
    assert_eq!(v["claims"][0]["date"], "2008-10-01");
    assert_eq!(v["claims"][0]["hifp_pay"], "20500.00");
    // second stay: only 45,000 − 38,000 = 7,000 counts; (7,000 − 900) × 45% = 2,745
    assert_eq!(v["claims"][1]["hifp_pay"], "2745.00");
    assert_eq!(v["claims"][1]["above_limit_amt"], "21499.50");
    assert_eq!(v["totals"]["hifp_pay"], "23245.00");
    assert_eq!(v["totals"]["psn_part_amt"], "46755.00");
    assert_eq!(v["limits"][0]["remaining"], "0.00");
}

#[test]
fn year_human_output_lists_claims_totals_and_limit_use() {
    let o = yibao(&["year", "--file", "tests/cli/year.toml"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = squeezed(&stdout(&o));
    for want in [
        "第 1 笔（文件中第 2 条）：住院 · 市级医疗机构 · 2008-10-01",
        "第 2 笔（文件中第 1 条）：住院 · 省级（省以上）医疗机构 · 2009-01-15",
        "其中 超过最高支付限额 ¥21,499.50",
        "统筹基金支出 ¥23,245.00",
        "限额 ¥45,000.00 (限计入的医疗费) 已用 ¥45,000.00 剩余 ¥0.00",
    ] {
        assert!(out.contains(want), "want {want:?} in:\n{out}");
    }
    assert!(!out.contains("计算过程"), "steps only with --steps");
    let steps = stdout(&yibao(&[
        "year",
        "--file",
        "tests/cli/year.toml",
        "--steps",
    ]));
    assert!(steps.contains("计算过程"), "{steps}");
}

#[test]
fn year_json_file_with_api_field_names() {
    let dir = temp_dir("year-json");
    let path = dir.join("claims.json");
    let text = r#"{"person":{"scheme":"jilin-2008","region":"prefecture","category":"adult"},"paid_on":"2008-05-01",
        "claims":[{"kind":"inpatient","level":"city","date":"2008-10-01","medfee_sumamt":"50000","fulamt_ownpay_amt":"2000"}]}"#;
    std::fs::write(&path, text).expect("write");
    let o = yibao(&["year", "--json", "--file", path.to_str().expect("path")]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(json(&o)["totals"]["hifp_pay"], "24700.00");
}

#[test]
fn year_file_errors() {
    let dir = temp_dir("year-bad");
    let float = dir.join("float.toml");
    std::fs::write(&float, "[person]\nscheme = \"jilin-2008\"\nregion = \"prefecture\"\ncategory = \"adult\"\n[[claims]]\nkind = \"inpatient\"\nlevel = \"city\"\ndate = \"2008-10-01\"\ntotal = 1.5\n").expect("write");
    assert_error(
        &yibao(&["year", "--file", float.to_str().expect("path")]),
        "invalid_input",
        "claims[0].total：金额请写成整数",
    );
    let unknown = dir.join("unknown.toml");
    std::fs::write(&unknown, "[person]\nscheme = \"jilin-2008\"\nregion = \"prefecture\"\ncategory = \"adult\"\nshoe_size = 42\n").expect("write");
    assert_error(
        &yibao(&["year", "--file", unknown.to_str().expect("path")]),
        "invalid_input",
        "TOML 格式错误（第5行）",
    );
    let negative = dir.join("negative.toml");
    std::fs::write(&negative, "[person]\nscheme = \"jilin-2008\"\nregion = \"prefecture\"\ncategory = \"adult\"\n[[claims]]\nkind = \"inpatient\"\nlevel = \"city\"\ndate = \"2008-10-01\"\ntotal = -3\n").expect("write");
    assert_error(
        &yibao(&["year", "--file", negative.to_str().expect("path")]),
        "invalid_amount",
        "不能为负数",
    );
    assert_error(
        &yibao(&["year", "--file", "tests/cli/no-such-file.toml"]),
        "invalid_input",
        "无法读取文件",
    );
}

// ---------------------------------------------------------------- check

#[test]
fn check_builtin_policies_passes() {
    let o = yibao(&["check"]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert_eq!(
        stdout(&o).trim(),
        "检查通过：11 个内置政策文件，没有发现问题。"
    );
}

#[test]
fn check_a_folder_checks_every_policy_file_under_it() {
    // the repository's own policies/ folder: every file given, so no built-in dependency is added
    let o = yibao(&["check", "policies"]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    // every built-in file lives under policies/, and nothing else there is a policy file
    let want = format!(
        "检查通过：{} 个文件，没有发现问题。",
        yibao::builtin::FILES.len()
    );
    assert_eq!(stdout(&o).trim(), want);
    let v = json(&yibao(&["check", "--json", "policies/"]));
    let files: Vec<&str> = v["files"]
        .as_array()
        .expect("files")
        .iter()
        .filter_map(|f| f.as_str())
        .collect();
    assert!(
        files
            .iter()
            .any(|f| f.ends_with("jilin-2008/changchun.toml")),
        "{files:?}"
    );
    assert!(
        files.iter().any(|f| f.ends_with("national-2007.toml")),
        "{files:?}"
    );
    assert!(!files.iter().any(|f| f.ends_with(".snapshot")), "{files:?}");

    // a folder with a good and a bad city file, one of them in a sub-folder, and a non-TOML file
    let dir = temp_dir("check-dir");
    std::fs::create_dir_all(dir.join("sub")).expect("mkdir");
    std::fs::write(dir.join("good.toml"), city("150")).expect("write");
    std::fs::write(
        dir.join("sub/bad.toml"),
        city("50")
            .replace("jilin-2008-siping-test", "jilin-2008-siping-test2")
            .replace("id = \"siping\"", "id = \"siping2\""),
    )
    .expect("write");
    std::fs::write(dir.join("notes.txt"), "not a policy").expect("write");
    let d = dir.to_str().expect("path");
    let o = yibao(&["check", d]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{out}{}", stderr(&o));
    let bad = dir.join("sub/bad.toml");
    let want = format!(
        "{}: benefits.inpatient.deductibles[adult/community].amount: 取值 50 超出框架允许的范围 100—200",
        bad.display()
    );
    assert!(
        out.lines().any(|l| l.starts_with(&want)),
        "want {want:?} in:\n{out}"
    );
    assert!(
        out.contains("发现 1 个问题：2 个文件（另有 6 个内置依赖文件）"),
        "{out}"
    );

    // a folder without policy files is an input error naming it
    let empty = temp_dir("check-empty");
    let o = yibao(&["check", empty.to_str().expect("path")]);
    assert_error(&o, "invalid_input", "中没有政策文件");
}

// ---------------------------------------------------------------- --city

#[test]
fn city_by_code_name_pinyin_or_initials_gives_its_region() {
    let explicit = |scheme: &str, region: &str, category: &str| {
        let o = yibao(&[
            "premium",
            "--scheme",
            scheme,
            "--region",
            region,
            "--category",
            category,
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        stdout(&o)
    };
    let by_city = |city: &str, scheme: Option<&str>, category: &str| {
        let mut args = vec!["premium", "--city", city, "--category", category];
        if let Some(s) = scheme {
            args.extend(["--scheme", s]);
        }
        let o = yibao(&args);
        assert_eq!(o.status.code(), Some(0), "{city}: {}", stderr(&o));
        stdout(&o)
    };
    // under the 2008 Jilin scheme: 四平市 is a prefecture, 桦甸市 a county-level city, 长春 its own file
    let prefecture = explicit("jilin-2008", "prefecture", "adult");
    for c in ["220300", "四平市", "四平", "siping", "SiPing", "sp"] {
        assert_eq!(by_city(c, Some("jilin-2008"), "adult"), prefecture, "{c}");
    }
    let county = explicit("jilin-2008", "county", "adult");
    assert_ne!(county, prefecture);
    for c in ["220282", "桦甸市", "huadian"] {
        assert_eq!(by_city(c, Some("jilin-2008"), "adult"), county, "{c}");
    }
    assert_eq!(
        by_city("长春", Some("jilin-2008"), "adult"),
        explicit("jilin-2008", "changchun", "adult")
    );
    // without --scheme: the most recent scheme that covers it (what a resident uses now)
    assert_eq!(
        by_city("四平", None, "urban_adult"),
        explicit("jilin-2016", "jilin", "urban_adult")
    );
    assert_eq!(
        by_city("海宁", None, "resident"),
        explicit("jiaxing-2008", "jiaxing", "resident")
    );
    assert_eq!(
        by_city("320600", None, "adult"),
        explicit("jiangsu-2007", "nantong", "adult")
    );
    assert_eq!(
        by_city("wuxi", None, "adult"),
        explicit("jiangsu-2007", "city_district", "adult")
    );
    assert_eq!(
        by_city("邳州", None, "adult"),
        explicit("jiangsu-2007", "county", "adult")
    );
}

#[test]
fn city_errors_say_what_is_wrong() {
    let run = |extra: &[&str]| {
        let mut args = vec!["premium", "--category", "adult"];
        args.extend(extra);
        yibao(&args)
    };
    assert_error(
        &run(&["--city", "北京"]),
        "invalid_input",
        "没有找到地区“北京”",
    );
    assert_error(
        &run(&["--city", "dh"]),
        "invalid_input",
        "对应多个地区，请写明：220183 德惠市",
    );
    assert_error(
        &run(&["--city", "海宁", "--scheme", "jilin-2008"]),
        "invalid_input",
        "海宁市（330481）不在方案 jilin-2008 的范围内；适用：jiaxing-2008",
    );
    assert_error(
        &run(&[
            "--city",
            "四平",
            "--scheme",
            "jilin-2008",
            "--region",
            "county",
        ]),
        "invalid_input",
        "不要同时给出 --region",
    );
}

/// The shared city fixture with its community deductible set to `value`.
fn city(value: &str) -> String {
    include_str!("policies/siping-city.toml").replacen(
        r#"value = "150""#,
        &format!(r#"value = "{value}""#),
        1,
    )
}

#[test]
fn check_reports_a_city_deductible_outside_the_framework_range() {
    let dir = temp_dir("check");
    let path = dir.join("siping.toml");
    std::fs::write(&path, city("50")).expect("write");
    let p = path.to_str().expect("path");
    let o = yibao(&["check", p]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{out}{}", stderr(&o));
    let want = format!("{p}: benefits.inpatient.deductibles[adult/community].amount: 取值 50 超出框架允许的范围 100—200 (依据 吉政办发[2008]12号 二(五)2 起付标准)");
    assert!(out.lines().any(|l| l == want), "want {want:?} in:\n{out}");
    assert!(out.contains("发现 1 个问题"), "{out}");
    let v = json(&yibao(&["check", "--json", p]));
    assert_eq!(v["ok"], false);
    assert_eq!(v["findings"][0]["code"], "policy_out_of_range");
    // loading it for a calculation fails the same way
    let o = yibao(&[
        "premium",
        "--policy",
        p,
        "--scheme",
        "jilin-2008",
        "--region",
        "siping",
        "--category",
        "adult",
    ]);
    assert_error(&o, "policy_out_of_range", "超出框架允许的范围 100—200");
}

#[test]
fn check_a_valid_city_file_with_its_builtin_framework() {
    let dir = temp_dir("check-ok");
    let path = dir.join("siping.toml");
    std::fs::write(&path, city("150")).expect("write");
    let o = yibao(&["check", path.to_str().expect("path")]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert_eq!(
        stdout(&o).trim(),
        "检查通过：1 个文件（另有 6 个内置依赖文件），没有发现问题。"
    );
}

#[test]
fn check_reports_syntax_errors_with_the_line() {
    let dir = temp_dir("check-syntax");
    let path = dir.join("broken.toml");
    std::fs::write(&path, "[meta]\nid = \"x\"\nkind = \"city\n").expect("write");
    let p = path.to_str().expect("path");
    let o = yibao(&["check", p]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(
        stdout(&o).starts_with(&format!("{p}: line 3: 第3行")),
        "{}",
        stdout(&o)
    );
}

// ---------------------------------------------------------------- list, help, pipes

#[test]
fn list_shows_ids_and_names() {
    let out = squeezed(&stdout(&yibao(&["list"])));
    assert!(
        out.contains("jilin-2008 吉林省城镇居民基本医疗保险（2008年试点） 2008-04-01 — 2016-12-31"),
        "{out}"
    );
    let out = squeezed(&stdout(&yibao(&[
        "list",
        "regions",
        "--scheme",
        "jilin-2008",
    ])));
    assert!(
        out.contains(
            "changchun 长春市 Changchun 档次 changchun 城市文件 policies/jilin-2008/changchun.toml"
        ),
        "{out}"
    );
    let out = squeezed(&stdout(&yibao(&[
        "list",
        "kinds",
        "--scheme",
        "jilin-2008",
    ])));
    assert!(
        out.contains("--disease uremia_dialysis 尿毒症透析治疗"),
        "{out}"
    );
    let out = squeezed(&stdout(&yibao(&[
        "list",
        "levels",
        "--scheme",
        "jilin-2008",
        "--lang",
        "en",
    ])));
    assert!(out.contains("city City hospital 市级医疗机构"), "{out}");
    let v = json(&yibao(&[
        "list",
        "statuses",
        "--scheme",
        "jilin-2008",
        "--json",
    ]));
    assert!(v["jilin-2008"]
        .as_array()
        .expect("statuses")
        .iter()
        .any(|s| s["id"] == "dibao"));
    assert_error(
        &yibao(&["list", "regions", "--scheme", "nope"]),
        "unknown_id",
        "未知的方案“nope”",
    );
    assert_error(&yibao(&["list", "hats"]), "unknown_id", "未知的列表“hats”");
}

#[test]
fn help_for_every_command() {
    for (c, want) in [
        ("list", "yibao list [TOPIC]"),
        ("premium", "yibao premium --scheme S"),
        ("eligibility", "yibao eligibility --scheme S"),
        ("claim", "--out-of-scope A"),
        ("compare", "yibao compare --scheme S"),
        ("year", "yibao year --file"),
        ("check", "yibao check [FILES or FOLDERS...]"),
    ] {
        let o = yibao(&[c, "--help"]);
        assert_eq!(o.status.code(), Some(0));
        assert!(stdout(&o).contains(want), "{c}: {}", stdout(&o));
        assert_eq!(stdout(&yibao(&["help", c])), stdout(&o));
    }
    assert!(stdout(&yibao(&["--help"])).contains("命令 Commands:"));
}

#[test]
fn closed_stdout_does_not_panic() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_yibao"))
        .args([
            "premium",
            "--scheme",
            "jilin-2008",
            "--region",
            "prefecture",
            "--category",
            "adult",
            "--status",
            "dibao",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    drop(child.stdout.take());
    let o = child.wait_with_output().expect("wait");
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
    assert_eq!(o.status.code(), Some(0));
}

// ---------------------------------------------------------------- what the resident pays, in parts

/// The amount on the first line of `out` starting with `label` (after squeezing spaces).
fn amount(out: &str, label: &str) -> Option<rust_decimal::Decimal> {
    let line = out.lines().find(|l| l.trim_start().starts_with(label))?;
    let rest = line.trim_start()[label.len()..].trim_start();
    let negative = rest.starts_with('−');
    let digits: String = rest
        .trim_start_matches('−')
        .trim_start_matches('¥')
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
        .filter(|c| *c != ',')
        .collect();
    let v: rust_decimal::Decimal = digits.parse().ok()?;
    Some(if negative { -v } else { v })
}

/// The 其中 lines add up to what the resident pays, or, when 大病保险/医疗救助 paid, to what the
/// resident bore before them, less what they paid.
fn parts_add_up(out: &str) {
    let total = amount(out, "个人负担总金额").expect("个人负担总金额");
    let parts: rust_decimal::Decimal = out
        .lines()
        .filter(|l| l.trim_start().starts_with("其中"))
        .map(|l| {
            let label: String = l
                .trim_start()
                .split(' ')
                .take(2)
                .collect::<Vec<_>>()
                .join(" ");
            amount(out, &label).unwrap()
        })
        .sum();
    match amount(out, "大病保险、医疗救助支付前") {
        Some(before) => {
            assert_eq!(
                parts, before,
                "the parts make the amount before the layers:\n{out}"
            );
            let less = amount(out, "减 大病保险、医疗救助支付").expect("the layers' line");
            let layers = amount(out, "大病保险支出").unwrap_or_default()
                + amount(out, "医疗救助支出").unwrap_or_default();
            assert_eq!(-less, layers, "{out}");
            assert_eq!(before + less, total, "{out}");
        }
        None => assert_eq!(
            parts, total,
            "the parts make what the resident pays:\n{out}"
        ),
    }
}

#[test]
fn the_parts_of_what_the_resident_pays_add_up_with_and_without_the_layers() {
    let base = [
        "--scheme",
        "jilin-2016",
        "--region",
        "jilin",
        "--category",
        "urban_adult",
    ];
    let mut layered = 0;
    for status in [None, Some("dibao")] {
        for total in ["5000", "80000", "300000", "900000"] {
            let mut args = vec!["claim"];
            args.extend(base);
            if let Some(s) = status {
                args.extend(["--status", s]);
            }
            args.extend([
                "--kind",
                "inpatient",
                "--level",
                "province",
                "--date",
                "2026-03-01",
            ]);
            args.extend(["--total", total, "--out-of-scope", "1000"]);
            let o = yibao(&args);
            assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
            let out = squeezed(&stdout(&o));
            layered += usize::from(out.contains("大病保险、医疗救助支付前"));
            parts_add_up(&out);
        }
    }
    assert!(
        layered >= 4,
        "only {layered} claims went through the layers"
    );
    let o = run(&cmd("claim", &[&["--level", "city"], CLAIM].concat()));
    parts_add_up(&squeezed(&stdout(&o)));
}

/// Issue 16's case: a Jilin adult who paid on 2026-03-10, after the 2026 window closed on
/// 2026-02-28, admitted 2026-04-01 with ¥50,000 at province level. The claim applies the waiting
/// period `enrolment` computes for the same person (benefits from 2026-06-10): the fund pays
/// nothing, and the step says why; with `--in-window yes` it pays as before.
#[test]
fn a_claim_in_the_waiting_period_is_not_paid_and_says_why() {
    let args = |extra: &[&str]| {
        let mut v: Vec<&str> = vec![
            "claim",
            "--scheme",
            "jilin-2016",
            "--region",
            "jilin",
            "--category",
            "urban_adult",
            "--kind",
            "inpatient",
            "--level",
            "province",
            "--date",
            "2026-04-01",
            "--total",
            "50000",
            "--paid-on",
            "2026-03-10",
            "--json",
        ];
        v.extend_from_slice(extra);
        v.iter().map(|s| s.to_string()).collect::<Vec<_>>()
    };
    let run = |extra: &[&str]| {
        let a = args(extra);
        let o = yibao(&a.iter().map(String::as_str).collect::<Vec<_>>());
        assert!(o.status.success(), "{}", stderr(&o));
        json(&o)
    };
    let late = run(&[]);
    assert_eq!(late["hifp_pay"], "0.00");
    assert_eq!(late["hifmi_pay"], "0.00");
    assert_eq!(late["waiting_amt"], "50000.00");
    assert_eq!(late["psn_part_amt"], "50000.00");
    let w = late["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "waiting")
        .expect("a waiting step");
    let text = w["text_zh"].as_str().unwrap();
    assert!(
        text.contains("2026-06-10") && text.contains("不在"),
        "{text}"
    );
    assert!(w["doc"].as_str().unwrap().contains("国办发〔2024〕38号"));
    let e = yibao(&[
        "enrolment",
        "--scheme",
        "jilin-2016",
        "--region",
        "jilin",
        "--category",
        "urban_adult",
        "--year",
        "2026",
        "--paid-on",
        "2026-03-10",
        "--json",
    ]);
    assert_eq!(json(&e)["benefits_from"], "2026-06-10");
    // said to be inside the window: paid as without the enrolment flags
    let kept = run(&["--in-window", "yes"]);
    assert_eq!(kept["waiting_amt"], "0.00");
    assert_eq!(kept["hifp_pay"], "33075.00");
    // in text, the part in the waiting period is named
    let a = args(&[]);
    let o = yibao(
        &a.iter()
            .map(String::as_str)
            .filter(|s| *s != "--json")
            .collect::<Vec<_>>(),
    );
    let out = squeezed(&stdout(&o));
    assert!(out.contains("等待期内不予支付 ¥50,000.00"), "{out}");
}

/// Issue 16: beside each figure its source year and grade (or basis), in the CLI text — a 2026
/// 大病保险 band and a 2008-pilot deductible never look alike — and the banner names the 2008
/// pilot, not "2017 年的资料".
#[test]
fn each_figure_says_where_it_comes_from() {
    let o = yibao(&[
        "claim",
        "--scheme",
        "jilin-2016",
        "--region",
        "jilin",
        "--category",
        "urban_adult",
        "--status",
        "dibao",
        "--kind",
        "inpatient",
        "--level",
        "province",
        "--date",
        "2026-03-01",
        "--total",
        "300000",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = squeezed(&stdout(&o));
    let line = |needle: &str| {
        out.lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("no line with {needle}: {out}"))
            .to_string()
    };
    assert!(line("起付标准 ¥900.00").contains("〔2008·假设〕"), "{out}");
    assert!(
        line("大病保险分段 ¥58,671.60").contains("〔2026·B〕"),
        "{out}"
    );
    assert!(
        line("大病保险起付标准 ¥9,736.00").contains("2023·C·假设"),
        "{out}"
    );
    // the local figures' table has the tag as a column
    assert!(
        out.contains("最高支付限额（城镇居民（成年，原城镇居民医保缴费档）） ¥45,000.00 2008·假设"),
        "{out}"
    );
    // the banner: the 2008 pilot's figures
    assert!(out.contains("待遇数额是2008年试点文件"), "{out}");
    assert!(!out.contains("2017 年的资料"), "{out}");
    // the 医疗救助 cap is this project's assumption, not cited to 国办发〔2021〕42号
    let cap = line("年度救助限额 ¥50,000.00 未找到·假设");
    assert!(
        cap.contains("依据 本项目的假设") && !cap.contains("42号"),
        "{cap}"
    );
    // the premium: each line with its tag
    let o = yibao(&[
        "premium",
        "--scheme",
        "jilin-2016",
        "--region",
        "jilin",
        "--category",
        "urban_adult",
        "--year",
        "2026",
    ]);
    let out = squeezed(&stdout(&o));
    assert!(out.contains("个人缴费 ¥400.00 〔2025·B〕"), "{out}");
    assert!(out.contains("¥700.00 〔2025·A/B·下限〕"), "{out}");
}
