//! Command-line parsing: `yibao COMMAND [TOPIC|FILES...] [--flag value]...`. Hand-written so that
//! every complaint comes out in Chinese and English, with the flag named as the error's field.

use yibao::{Error, ErrorKind};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

/// The subcommands and the flags each accepts (beyond the global `--json`, `--lang`, `--help`,
/// `--policy`). A trailing `*` marks a repeatable flag; a leading `!` a flag without a value.
pub const COMMANDS: &[(&str, &[&str])] = &[
    ("list", &["--scheme"]),
    (
        "premium",
        &[
            "--scheme",
            "--region",
            "--city",
            "--category",
            "--status*",
            "--date",
            "--year",
        ],
    ),
    (
        "eligibility",
        &["--scheme", "--region", "--city", "--category", "--status*"],
    ),
    (
        "claim",
        &[
            "--scheme",
            "--region",
            "--city",
            "--category",
            "--status*",
            "--kind",
            "--level",
            "--date",
            "--total",
            "--out-of-scope",
            "--disease",
            "--paid-on",
            "--renewed",
            "--in-window",
            "--missed",
            "--extra-paid",
            "!--newborn",
        ],
    ),
    (
        "compare",
        &[
            "--scheme",
            "--region",
            "--city",
            "--category",
            "--status*",
            "--kind",
            "--date",
            "--total",
            "--out-of-scope",
            "--disease",
            "--paid-on",
            "--renewed",
            "--in-window",
            "--missed",
            "--extra-paid",
            "!--newborn",
        ],
    ),
    ("year", &["--file", "!--steps"]),
    (
        "enrolment",
        &[
            "--scheme",
            "--region",
            "--city",
            "--category",
            "--status*",
            "--year",
            "--continuous",
            "--missed",
            "--in-window",
            "--extra-paid",
            "!--no-claim-last-year",
            "--paid-on",
            "!--newborn",
        ],
    ),
    (
        "household",
        &[
            "--scheme",
            "--region",
            "--city",
            "--year",
            "--date",
            "--member*",
        ],
    ),
    (
        "diff",
        &[
            "--scheme",
            "--region",
            "--city",
            "--category",
            "--status*",
            "--from",
            "--to",
        ],
    ),
    (
        "decision",
        &[
            "--scheme",
            "--region",
            "--city",
            "--category",
            "--status*",
            "--year",
            "--today",
            "--paid-on",
            "--missed",
            "--extra-paid",
            "!--newborn",
            "--kind",
            "--level",
            "--date",
            "--total",
            "--out-of-scope",
            "--disease",
        ],
    ),
    ("check", &[]),
    ("pack", &["--out", "!--builtin"]),
    ("help", &[]),
];

const GLOBAL: &[&str] = &["!--json", "--lang", "!--help", "--policy*"];

#[derive(Debug)]
pub struct Args {
    /// `None`: no command given.
    pub cmd: Option<String>,
    pub positional: Vec<String>,
    pub json: bool,
    pub lang: Lang,
    pub help: bool,
    pub version: bool,
    opts: Vec<(String, String)>,
}

fn usage_error(zh: String, en: String, field: &str) -> Error {
    Error::new(ErrorKind::InvalidInput, zh, en).field(field)
}

/// The spec of `flag` among `specs`: (takes a value, repeatable).
fn spec(specs: &[&str], flag: &str) -> Option<(bool, bool)> {
    specs.iter().find_map(|s| {
        let no_value = s.starts_with('!');
        let rep = s.ends_with('*');
        let name = s.trim_start_matches('!').trim_end_matches('*');
        (name == flag).then_some((!no_value, rep))
    })
}

fn command_flags(cmd: &str) -> &'static [&'static str] {
    COMMANDS
        .iter()
        .find(|(c, _)| *c == cmd)
        .map_or(&[], |(_, f)| f)
}

/// Whether `flag` takes a value in any command (used before the command is known).
fn takes_value_anywhere(flag: &str) -> bool {
    spec(GLOBAL, flag).is_some_and(|s| s.0)
        || COMMANDS
            .iter()
            .any(|(_, f)| spec(f, flag).is_some_and(|s| s.0))
}

pub fn known_commands() -> String {
    COMMANDS
        .iter()
        .map(|(c, _)| *c)
        .collect::<Vec<_>>()
        .join(", ")
}

fn flag_list(cmd: &str) -> String {
    let mut v: Vec<&str> = command_flags(cmd)
        .iter()
        .map(|s| s.trim_start_matches('!').trim_end_matches('*'))
        .collect();
    v.extend(
        GLOBAL
            .iter()
            .map(|s| s.trim_start_matches('!').trim_end_matches('*')),
    );
    v.join(" ")
}

impl Args {
    pub fn parse(raw: Vec<String>) -> Result<Args, Error> {
        let mut a = Args {
            cmd: None,
            positional: Vec::new(),
            json: false,
            lang: Lang::Zh,
            help: false,
            version: false,
            opts: Vec::new(),
        };
        // (flag, value) pairs in order, checked against the command once it is known
        let mut flags: Vec<(String, Option<String>)> = Vec::new();
        let mut it = raw.into_iter();
        let mut rest_positional = false;
        while let Some(arg) = it.next() {
            if rest_positional || arg == "-" || !arg.starts_with('-') {
                if a.cmd.is_none() && !rest_positional {
                    a.cmd = Some(arg);
                } else {
                    a.positional.push(arg);
                }
                continue;
            }
            if arg == "--" {
                rest_positional = true;
                continue;
            }
            match arg.as_str() {
                "-h" | "--help" => {
                    a.help = true;
                    continue;
                }
                "-V" | "--version" => {
                    a.version = true;
                    continue;
                }
                "--json" => {
                    a.json = true;
                    continue;
                }
                _ => {}
            }
            if !arg.starts_with("--") {
                return Err(usage_error(
                    format!("未知选项“{arg}”（选项以 -- 开头，如 --scheme）"),
                    format!("unknown option \"{arg}\" (options start with --, e.g. --scheme)"),
                    &arg,
                ));
            }
            let (name, inline) = match arg.split_once('=') {
                Some((n, v)) => (n.to_string(), Some(v.to_string())),
                None => (arg.clone(), None),
            };
            let value = match inline {
                Some(v) => Some(v),
                None if takes_value_anywhere(&name) => match it.next() {
                    Some(v) if !v.starts_with("--") => Some(v),
                    _ => {
                        return Err(usage_error(
                            format!("选项 {name} 缺少取值"),
                            format!("option {name} needs a value"),
                            &name,
                        ));
                    }
                },
                None => None,
            };
            flags.push((name, value));
        }
        if a.cmd.as_deref() == Some("help") {
            a.help = true;
            a.cmd = a.positional.first().cloned();
            a.positional.clear();
        }
        let cmd = a.cmd.clone().unwrap_or_default();
        if !cmd.is_empty() && !COMMANDS.iter().any(|(c, _)| *c == cmd) {
            return Err(usage_error(
                format!("未知命令“{cmd}”；可用：{}", known_commands()),
                format!("unknown command \"{cmd}\"; known: {}", known_commands()),
                "command",
            ));
        }
        for (name, value) in flags {
            let s = spec(GLOBAL, &name).or_else(|| spec(command_flags(&cmd), &name));
            let Some((wants_value, repeatable)) = s else {
                let (zh, en) = if cmd.is_empty() {
                    (
                        format!("未知选项“{name}”"),
                        format!("unknown option \"{name}\""),
                    )
                } else {
                    (
                        format!("未知选项“{name}”；{cmd} 可用的选项：{}", flag_list(&cmd)),
                        format!(
                            "unknown option \"{name}\"; {cmd} accepts: {}",
                            flag_list(&cmd)
                        ),
                    )
                };
                return Err(usage_error(zh, en, &name));
            };
            match (wants_value, value) {
                (false, Some(_)) => {
                    return Err(usage_error(
                        format!("选项 {name} 不带取值"),
                        format!("option {name} takes no value"),
                        &name,
                    ));
                }
                (false, None) => a.opts.push((name, String::new())),
                (true, None) => {
                    return Err(usage_error(
                        format!("选项 {name} 缺少取值"),
                        format!("option {name} needs a value"),
                        &name,
                    ));
                }
                (true, Some(v)) => {
                    if !repeatable && a.opts.iter().any(|(n, _)| *n == name) {
                        return Err(usage_error(
                            format!("选项 {name} 只能给一次"),
                            format!("option {name} may be given only once"),
                            &name,
                        ));
                    }
                    if name == "--lang" {
                        a.lang = match v.as_str() {
                            "zh" | "zh-CN" | "cn" => Lang::Zh,
                            "en" => Lang::En,
                            _ => {
                                return Err(usage_error(
                                    format!("--lang 应为 zh 或 en，而不是“{v}”"),
                                    format!("--lang must be zh or en, not \"{v}\""),
                                    "--lang",
                                ));
                            }
                        };
                    }
                    a.opts.push((name, v));
                }
            }
        }
        Ok(a)
    }

    /// The value of a single-valued flag.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.opts
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn has(&self, name: &str) -> bool {
        self.opts.iter().any(|(n, _)| n == name)
    }

    /// Every value of a repeatable flag; comma-separated values are split.
    pub fn all(&self, name: &str) -> Vec<String> {
        self.opts
            .iter()
            .filter(|(n, _)| n == name)
            .flat_map(|(_, v)| {
                v.split([',', '，'])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(String::from)
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    /// Every value of a repeatable flag as given (no splitting at commas).
    pub fn raw_all(&self, name: &str) -> Vec<&str> {
        self.opts
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    pub fn require(&self, name: &str) -> Result<String, Error> {
        match self.get(name) {
            Some(v) if !v.trim().is_empty() => Ok(v.trim().to_string()),
            Some(_) => Err(usage_error(
                format!("选项 {name} 的取值为空"),
                format!("option {name} is empty"),
                name,
            )),
            None => Err(usage_error(
                format!("缺少必需的选项 {name}"),
                format!("missing required option {name}"),
                name,
            )),
        }
    }

    /// Fails if any positional argument was given to a command that takes none.
    pub fn no_positional(&self) -> Result<(), Error> {
        match self.positional.first() {
            Some(p) => Err(usage_error(
                format!("多余的参数“{p}”（{} 不接受位置参数；选项以 -- 开头）", self.cmd.as_deref().unwrap_or("")),
                format!("unexpected argument \"{p}\" ({} takes no positional arguments; options start with --)", self.cmd.as_deref().unwrap_or("")),
                p,
            )),
            None => Ok(()),
        }
    }
}
