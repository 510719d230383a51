//! One error type for everything a user can get wrong. Each [`ErrorKind`] has a stable code (the
//! wasm edge and the CLI's `--json` carry it) and every error carries a Chinese and an English
//! message written for people, plus the field, policy file and clause where they apply.

use core::fmt;

/// What went wrong, one variant per failure a user can act on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// An amount that is negative, not a number, has more than two decimals or is absurdly large.
    InvalidAmount,
    /// A date that is not `YYYY-MM-DD` or lies outside 1990–2100.
    InvalidDate,
    /// A request whose shape is wrong (missing field, wrong type, unknown field).
    InvalidInput,
    /// A scheme, region, category, status, hospital level, claim kind or disease id that the
    /// policy does not define.
    UnknownId,
    /// A status that does not apply to the chosen category (e.g. 60+ elderly for a student).
    StatusNotApplicable,
    /// A date before the policy took effect or after it ended.
    DateOutsidePolicy,
    /// The person may not enrol in this scheme; the message names the clause and where they belong.
    NotEligible,
    /// The scheme does not pay for this kind of claim (for this person or at this level).
    ClaimNotCovered,
    /// The document leaves all reimbursement rules to the locality and gives no range.
    BenefitsNotDefined,
    /// The out-of-scope part of a bill exceeds the bill.
    OutOfScopeExceedsTotal,
    /// Too many claims, or a claim list out of bounds.
    TooManyClaims,
    /// A policy file that is not valid TOML or does not have the expected shape.
    PolicySyntax,
    /// A policy figure that breaks its own rules (basis without range, range inverted, ratio > 100 %…).
    PolicyFigure,
    /// A city policy value outside the range its provincial framework permits.
    PolicyOutOfRange,
    /// A relation the framework requires does not hold (segments, averages, community higher…).
    PolicyRelation,
    /// A city policy names a framework that is not loaded.
    PolicyUnknownFramework,
    /// Two policy files claim the same id or region, or a file names something twice.
    PolicyDuplicate,
    /// A lint finding in `check`: missing citation, missing English label, missing range.
    PolicyLint,
    /// Coverage years in policy files that overlap, leave an undeclared gap, or run backwards.
    PolicyPeriod,
    /// No source gives figures for the coverage year asked (医保年度); the message names the
    /// years that are sourced and what was looked for.
    YearNotSourced,
    /// Bytes handed in as a policy pack that are not one, are damaged (their checksum does not
    /// match), or are not the pack the catalogue names (another content hash).
    PackInvalid,
    /// A policy pack written for another format or a newer engine than this one.
    PackVersion,
}

impl ErrorKind {
    /// The stable machine code.
    pub fn code(self) -> &'static str {
        match self {
            ErrorKind::InvalidAmount => "invalid_amount",
            ErrorKind::InvalidDate => "invalid_date",
            ErrorKind::InvalidInput => "invalid_input",
            ErrorKind::UnknownId => "unknown_id",
            ErrorKind::StatusNotApplicable => "status_not_applicable",
            ErrorKind::DateOutsidePolicy => "date_outside_policy",
            ErrorKind::NotEligible => "not_eligible",
            ErrorKind::ClaimNotCovered => "claim_not_covered",
            ErrorKind::BenefitsNotDefined => "benefits_not_defined",
            ErrorKind::OutOfScopeExceedsTotal => "out_of_scope_exceeds_total",
            ErrorKind::TooManyClaims => "too_many_claims",
            ErrorKind::PolicySyntax => "policy_syntax",
            ErrorKind::PolicyFigure => "policy_figure",
            ErrorKind::PolicyOutOfRange => "policy_out_of_range",
            ErrorKind::PolicyRelation => "policy_relation",
            ErrorKind::PolicyUnknownFramework => "policy_unknown_framework",
            ErrorKind::PolicyDuplicate => "policy_duplicate",
            ErrorKind::PolicyLint => "policy_lint",
            ErrorKind::PolicyPeriod => "policy_period",
            ErrorKind::YearNotSourced => "year_not_sourced",
            ErrorKind::PackInvalid => "pack_invalid",
            ErrorKind::PackVersion => "pack_version",
        }
    }
}

/// An error with its context. Build with [`Error::new`] and the `field`/`file`/`clause` setters;
/// read its fields directly (`e.kind`, `e.message_zh`…). The details are boxed so that `Result`s
/// stay one pointer wide on the hot, successful path.
#[derive(Clone, PartialEq, Eq)]
pub struct Error(Box<Details>);

/// What an [`Error`] carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Details {
    pub kind: ErrorKind,
    pub message_zh: String,
    pub message_en: String,
    /// The input or policy field at fault (`claims[2].medfee_sumamt`, `benefits.inpatient…`).
    pub field: Option<String>,
    /// The policy file at fault, for policy errors.
    pub file: Option<String>,
    /// The document and clause the rule comes from (`吉政办发[2008]12号 二(五)2`).
    pub clause: Option<String>,
    /// For `not_eligible`: the scheme the document sends the person to instead.
    pub send_to_zh: Option<String>,
    pub send_to_en: Option<String>,
}

impl Error {
    pub fn new(kind: ErrorKind, zh: impl Into<String>, en: impl Into<String>) -> Error {
        Error(Box::new(Details {
            kind,
            message_zh: zh.into(),
            message_en: en.into(),
            field: None,
            file: None,
            clause: None,
            send_to_zh: None,
            send_to_en: None,
        }))
    }

    pub fn field(mut self, f: impl Into<String>) -> Error {
        self.field = Some(f.into());
        self
    }

    pub fn file(mut self, f: impl Into<String>) -> Error {
        self.file = Some(f.into());
        self
    }

    pub fn clause(mut self, c: impl Into<String>) -> Error {
        self.clause = Some(c.into());
        self
    }

    pub fn code(&self) -> &'static str {
        self.kind.code()
    }

    /// Prefixes the field path (used when an error inside one claim is reported for a year).
    pub fn within(mut self, prefix: &str) -> Error {
        self.field = Some(match self.field.take() {
            Some(f) => format!("{prefix}.{f}"),
            None => prefix.to_string(),
        });
        self
    }

    /// Reports a year's first claim as the single claim it was asked as: `claims[0].x` → `claim.x`.
    pub fn as_single_claim(mut self) -> Error {
        if let Some(rest) = self
            .field
            .as_deref()
            .and_then(|f| f.strip_prefix("claims[0]"))
        {
            self.field = Some(format!("claim{rest}"));
        }
        self
    }

    pub fn unknown(
        what_zh: &str,
        what_en: &str,
        field: &str,
        value: &str,
        known: &[&str],
    ) -> Error {
        let list = known.join(", ");
        Error::new(
            ErrorKind::UnknownId,
            format!("未知的{what_zh}“{value}”；可选：{list}"),
            format!("unknown {what_en} \"{value}\"; known: {list}"),
        )
        .field(field)
    }
}

impl core::ops::Deref for Error {
    type Target = Details;
    fn deref(&self) -> &Details {
        &self.0
    }
}

impl core::ops::DerefMut for Error {
    fn deref_mut(&mut self) -> &mut Details {
        &mut self.0
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}] ", self.code())?;
        if let Some(file) = &self.file {
            write!(f, "{file}: ")?;
        }
        write!(f, "{} / {}", self.message_zh, self.message_en)?;
        if let Some(c) = &self.clause {
            write!(f, "（依据 {c}）")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

/// Chinese for serde's standard shape messages (`missing field `x``, `unknown field`, `invalid
/// type: …, expected …`), so a resident or policy officer reads the problem in Chinese. Unknown
/// phrasings are returned as they are.
pub fn serde_zh(msg: &str) -> String {
    if let Some(rest) = msg.strip_prefix("missing field ") {
        return format!("缺少字段 {}", rest.trim_matches('`'));
    }
    if let Some(rest) = msg.strip_prefix("unknown field ") {
        let (name, expected) = rest.split_once(", expected").unwrap_or((rest, ""));
        let expected = expected
            .trim()
            .trim_start_matches("one of ")
            .replace('`', "");
        return if expected.is_empty() {
            format!("未知字段 {}", name.trim_matches('`'))
        } else {
            format!("未知字段 {}（可用：{}）", name.trim_matches('`'), expected)
        };
    }
    if let Some(rest) = msg.strip_prefix("unknown variant ") {
        let (name, expected) = rest.split_once(", expected").unwrap_or((rest, ""));
        return format!(
            "未知取值 {}（可用：{}）",
            name.trim_matches('`'),
            expected
                .trim()
                .trim_start_matches("one of ")
                .replace('`', "")
        );
    }
    if let Some(rest) = msg.strip_prefix("invalid type: ") {
        let (got, expected) = rest.split_once(", expected ").unwrap_or((rest, "?"));
        return format!("类型不对：得到 {}，应为 {}", got.replace('`', ""), expected);
    }
    if let Some(rest) = msg.strip_prefix("invalid length ") {
        return format!("长度不对：{rest}");
    }
    msg.to_string()
}

#[cfg(test)]
mod tests {
    use super::serde_zh;

    #[test]
    fn serde_messages_in_chinese() {
        assert_eq!(serde_zh("missing field `clause`"), "缺少字段 clause");
        assert_eq!(
            serde_zh("unknown field `foo`, expected one of `a`, `b`"),
            "未知字段 foo（可用：a, b）"
        );
        assert!(serde_zh("invalid type: integer `240`, expected a string")
            .starts_with("类型不对：得到 integer"));
        assert_eq!(serde_zh("something else"), "something else");
    }
}
