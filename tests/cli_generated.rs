//! Generated command lines: whatever the arguments, the binary answers with exit 0, 1 (check
//! findings) or 2 (a bilingual error), never a panic.

use std::process::Command;

use proptest::prelude::*;

const WORDS: &[&str] = &[
    "list",
    "premium",
    "claim",
    "compare",
    "year",
    "eligibility",
    "check",
    "help",
    "--json",
    "--lang",
    "en",
    "zh",
    "fr",
    "--scheme",
    "jilin-2008",
    "jiaxing-2008",
    "jilin-2016",
    "jiangsu-2007",
    "nope",
    "--region",
    "prefecture",
    "county",
    "changchun",
    "jiaxing",
    "--category",
    "adult",
    "student_child",
    "resident",
    "--status",
    "dibao",
    "low_income_elderly",
    "--kind",
    "inpatient",
    "outpatient_major",
    "student_accident",
    "general_outpatient",
    "--level",
    "city",
    "community",
    "township",
    "--date",
    "2008-10-01",
    "2008-02-30",
    "--total",
    "50000",
    "-5",
    "abc",
    "1.234",
    "1e9",
    "--out-of-scope",
    "2000",
    "--paid-on",
    "2008-05-01",
    "--disease",
    "uremia_dialysis",
    "--file",
    "/nonexistent.toml",
    "--policy",
    "--",
    "--help",
    "--version",
    "regions",
    "levels",
    "kinds",
    "",
    "¥1,000",
    "--total=100",
    "--status=dibao,low_income_elderly",
];

fn arg() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (0..WORDS.len()).prop_map(|i| WORDS[i].to_string()),
        1 => "\\PC{0,12}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn no_command_line_panics(args in prop::collection::vec(arg(), 0..10)) {
        let out = Command::new(env!("CARGO_BIN_EXE_yibao")).args(&args).output().expect("runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        prop_assert!(!stderr.contains("panicked"), "panic for {args:?}: {stderr}");
        let code = out.status.code();
        prop_assert!(matches!(code, Some(0..=2)), "exit {code:?} for {args:?}: {stderr}");
        if code == Some(2) {
            prop_assert!(stderr.contains("错误") && stderr.contains("Error"), "bilingual error for {args:?}: {stderr}");
        }
    }
}
