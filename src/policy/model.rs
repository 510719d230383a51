//! The policy file format, as typed structs deserialised from TOML.
//!
//! Every number is a [`Figure`]: a decimal written as a quoted string, with its basis, the clause
//! it comes from, and — for anything the document leaves to the locality — the permitted range.
//! See README.md § "Policy files" for the format as a policy officer sees it.

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer};

/// How a figure is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// The document states this exact value.
    Stated,
    /// Computed from stated values; `formula` shows the arithmetic.
    Derived,
    /// A local assumption chosen inside `[min, max]`, the range the document leaves to the locality.
    Assumed,
    /// The document states a minimum ("不低于"); the value used is that minimum; `max` bounds the range.
    Floor,
    /// The document states a maximum ("不超过"); the value used is that maximum; `min` bounds the range.
    Ceiling,
}

impl Basis {
    pub fn id(self) -> &'static str {
        match self {
            Basis::Stated => "stated",
            Basis::Derived => "derived",
            Basis::Assumed => "assumed",
            Basis::Floor => "floor",
            Basis::Ceiling => "ceiling",
        }
    }
    pub fn zh(self) -> &'static str {
        match self {
            Basis::Stated => "文件规定",
            Basis::Derived => "据文件推算",
            Basis::Assumed => "地方取值假设",
            Basis::Floor => "文件下限",
            Basis::Ceiling => "文件上限",
        }
    }
    pub fn en(self) -> &'static str {
        match self {
            Basis::Stated => "stated",
            Basis::Derived => "derived",
            Basis::Assumed => "local assumption",
            Basis::Floor => "document floor",
            Basis::Ceiling => "document ceiling",
        }
    }
    /// Whether the figure may move within a range (it feeds the low/high outcomes).
    pub fn is_local(self) -> bool {
        matches!(self, Basis::Assumed | Basis::Floor | Basis::Ceiling)
    }
}

/// Decimals in policy files are quoted strings, never TOML floats.
pub fn de_decimal<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
    let s = String::deserialize(d)?;
    parse_decimal(&s).map_err(serde::de::Error::custom)
}

fn de_opt_decimal<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
    let s = Option::<String>::deserialize(d)?;
    match s {
        None => Ok(None),
        Some(s) => parse_decimal(&s)
            .map(Some)
            .map_err(serde::de::Error::custom),
    }
}

pub fn parse_decimal(s: &str) -> Result<Decimal, String> {
    let ok = !s.is_empty()
        && s.len() <= 20
        && s.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && s.bytes().filter(|b| *b == b'.').count() <= 1
        && !s.starts_with('.')
        && !s.ends_with('.');
    if !ok {
        return Err(format!("“{s}”不是非负十进制数（须写成带引号的字符串，如 \"240\"） / \"{s}\" is not a non-negative decimal written as a quoted string"));
    }
    s.parse::<Decimal>().map_err(|e| format!("“{s}”: {e}"))
}

/// One number from a policy document, with its provenance.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    #[serde(deserialize_with = "de_decimal")]
    pub value: Decimal,
    pub basis: Basis,
    /// Clause in the document, e.g. `二(五)2 起付标准`.
    pub clause: String,
    /// The document, when not the file's own (e.g. a 2016 figure resting on a 2008 clause).
    #[serde(default)]
    pub doc: Option<String>,
    #[serde(default, deserialize_with = "de_opt_decimal")]
    pub min: Option<Decimal>,
    #[serde(default, deserialize_with = "de_opt_decimal")]
    pub max: Option<Decimal>,
    /// For derived figures: the arithmetic.
    #[serde(default)]
    pub formula: Option<String>,
    #[serde(default)]
    pub note_zh: Option<String>,
    #[serde(default)]
    pub note_en: Option<String>,
    /// For figures from a later notice: the id of the file's `[[sources]]` entry it comes from
    /// (page address, grade, quote). Required in annual files.
    #[serde(default)]
    pub source: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    /// A provincial or municipal document: stated figures, ranges, and default assumptions.
    Framework,
    /// A national layer (subsidy top-ups) that frameworks refer to.
    Layer,
    /// A locality implementing a framework: its own values, checked against the framework.
    City,
    /// Annual notices for a framework's scheme: contributions by 医保年度 (coverage year), each
    /// figure with its source (see [`AnnualYear`]).
    Annual,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BenefitYearKind {
    /// A full year from the contribution date, possibly across calendar years.
    Contribution,
    /// The natural (calendar) year.
    Natural,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BenefitYear {
    pub kind: BenefitYearKind,
    pub clause: String,
    pub note_zh: String,
    pub note_en: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LayerUse {
    pub id: String,
    /// `central_western` or `eastern`, for the national hardship top-ups.
    pub fiscal_region: String,
    pub note_zh: String,
    pub note_en: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub id: String,
    pub kind: FileKind,
    pub name_zh: String,
    pub name_en: String,
    /// Document number, e.g. `吉政办发[2008]12号`.
    pub doc: String,
    pub title_zh: String,
    pub issuer_zh: String,
    pub issuer_en: String,
    pub issued: String,
    pub effective_from: String,
    pub effective_from_clause: String,
    #[serde(default)]
    pub effective_to: Option<String>,
    #[serde(default)]
    pub effective_to_note_zh: Option<String>,
    #[serde(default)]
    pub effective_to_note_en: Option<String>,
    #[serde(default)]
    pub benefit_year: Option<BenefitYear>,
    #[serde(default)]
    pub layer: Option<LayerUse>,
    /// For city and annual files: the framework id this file implements.
    #[serde(default)]
    pub framework: Option<String>,
    /// For annual files: the regions (framework or city region ids) the notices apply to;
    /// empty = every region of the scheme.
    #[serde(default)]
    pub regions: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    pub id: String,
    /// The contribution tier (keys standards and limits).
    pub tier: String,
    pub name_zh: String,
    pub name_en: String,
    pub clause: String,
    #[serde(default)]
    pub note_zh: Option<String>,
    #[serde(default)]
    pub note_en: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    pub id: String,
    pub name_zh: String,
    pub name_en: String,
    /// 1 = community/township … 4 = province and above; community-level rules use rank 1.
    pub rank: u8,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Label {
    pub id: String,
    pub name_zh: String,
    pub name_en: String,
    #[serde(default)]
    pub clause: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StatusKind {
    /// A hardship group that attracts subsidy (低保, 重度残疾…).
    Hardship,
    /// A situation that affects eligibility or who pays (already in employee insurance…).
    Situation,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Status {
    pub id: String,
    pub kind: StatusKind,
    pub name_zh: String,
    pub name_en: String,
    /// Categories this status can apply to; empty = all.
    #[serde(default)]
    pub categories: Vec<String>,
    #[serde(default)]
    pub clause: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Excluded,
    Warning,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EligibilityRule {
    #[serde(default)]
    pub categories: Vec<String>,
    /// All of these statuses present…
    #[serde(default)]
    pub all: Vec<String>,
    /// …and none of these.
    #[serde(default)]
    pub none: Vec<String>,
    pub verdict: Verdict,
    pub reason_zh: String,
    pub reason_en: String,
    pub send_to_zh: String,
    pub send_to_en: String,
    pub clause: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Standard {
    pub tier: String,
    pub category: String,
    /// 缴费标准: the contribution standard per person-year.
    pub standard: Figure,
    /// 个人缴纳: the resident's own share in the general case.
    pub individual: Figure,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Payer {
    Central,
    Provincial,
    CityCounty,
    LocalGovernment,
    Government,
    Employer,
    Collective,
    MedicalAssistance,
}

impl Payer {
    pub fn id(self) -> &'static str {
        match self {
            Payer::Central => "central",
            Payer::Provincial => "provincial",
            Payer::CityCounty => "city_county",
            Payer::LocalGovernment => "local_government",
            Payer::Government => "government",
            Payer::Employer => "employer",
            Payer::Collective => "collective",
            Payer::MedicalAssistance => "medical_assistance",
        }
    }
    pub fn zh(self) -> &'static str {
        match self {
            Payer::Central => "中央财政",
            Payer::Provincial => "省财政",
            Payer::CityCounty => "市、县财政",
            Payer::LocalGovernment => "当地政府（市、县财政）",
            Payer::Government => "各级财政（文件未分级）",
            Payer::Employer => "用人单位/企业",
            Payer::Collective => "集体",
            Payer::MedicalAssistance => "医疗救助基金",
        }
    }
    pub fn en(self) -> &'static str {
        match self {
            Payer::Central => "Central government",
            Payer::Provincial => "Provincial government",
            Payer::CityCounty => "City and county governments",
            Payer::LocalGovernment => "Local government (city/county)",
            Payer::Government => "Government (levels not specified)",
            Payer::Employer => "Employer",
            Payer::Collective => "Village or community collective",
            Payer::MedicalAssistance => "Medical assistance fund",
        }
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PayerLine {
    pub payer: Payer,
    /// A fixed amount; absent on the one `rest` line.
    #[serde(default)]
    pub amount: Option<Figure>,
    /// This payer covers whatever the class total needs beyond the fixed lines.
    #[serde(default)]
    pub rest: bool,
    #[serde(default)]
    pub clause: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubsidyClass {
    pub id: String,
    pub name_zh: String,
    pub name_en: String,
    pub clause: String,
    #[serde(default)]
    pub categories: Vec<String>,
    /// Statuses that qualify (any one). Empty: the general class for its categories.
    #[serde(default)]
    pub statuses_any: Vec<String>,
    pub lines: Vec<PayerLine>,
    /// Class total as a share of the standard ("不低于缴费标准的80%").
    #[serde(default)]
    pub total_pct_of_standard: Option<Figure>,
    /// Link to a national top-up (layer) that explains part of this class.
    #[serde(default)]
    pub national_topup: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Extra {
    pub id: String,
    pub name_zh: String,
    pub name_en: String,
    pub statuses_any: Vec<String>,
    pub payer: Payer,
    /// Share of the resident's remaining individual payment this payer covers.
    pub share_of_individual: Figure,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextClause {
    pub zh: String,
    pub en: String,
    pub clause: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Premium {
    /// Where the document says subsidies do not stack (就高不就低), or our note that it is silent.
    pub stacking_clause: String,
    pub stacking_zh: String,
    pub stacking_en: String,
    pub standards: Vec<Standard>,
    pub classes: Vec<SubsidyClass>,
    #[serde(default)]
    pub extras: Vec<Extra>,
    #[serde(default)]
    pub payment_options: Vec<TextClause>,
    /// The coverage years (医保年度) these figures hold for; absent: the document's whole validity.
    #[serde(default)]
    pub years: Option<YearSpan>,
    /// Contributions collected with this one but for another insurance (长期护理保险), shown as
    /// their own lines.
    #[serde(default)]
    pub addons: Vec<Addon>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LimitKind {
    /// The limit caps the policy-scope *costs* counted in a year (吉林: 最高支付限额 is a 医疗费总额).
    EligibleCost,
    /// The limit caps what the fund *pays* in a year (嘉兴: 年度最高补偿额).
    FundPayment,
}

impl LimitKind {
    /// The id used in results: `eligible_cost` | `fund_payment`.
    pub fn id(self) -> &'static str {
        match self {
            LimitKind::EligibleCost => "eligible_cost",
            LimitKind::FundPayment => "fund_payment",
        }
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limit {
    #[serde(default)]
    pub tiers: Vec<String>,
    #[serde(default)]
    pub categories: Vec<String>,
    pub amount: Figure,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeductiblePer {
    Admission,
    Year,
    None,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Keyed {
    #[serde(default)]
    pub categories: Vec<String>,
    /// A level id, or `*` for every level.
    pub level: String,
    pub amount: Figure,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelRatios {
    /// A level id, or `*` for every level.
    pub level: String,
    pub ratios: Vec<Figure>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Schedule {
    #[serde(default)]
    pub categories: Vec<String>,
    /// Segment boundaries on the claim's policy-scope cost; n edges make n+1 segments.
    #[serde(default)]
    pub edges: Vec<Figure>,
    pub levels: Vec<LevelRatios>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Penalty {
    pub level: String,
    /// Percentage points taken off every segment's ratio (0.10 = 10 个百分点).
    pub points: Figure,
    pub reason_zh: String,
    pub reason_en: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimRule {
    pub name_zh: String,
    pub name_en: String,
    pub clause: String,
    /// Categories covered; empty = all.
    #[serde(default)]
    pub categories: Vec<String>,
    /// Levels where the scheme pays for this kind; empty = all.
    #[serde(default)]
    pub levels: Vec<String>,
    /// Statuses the person must all have (e.g. `school_pupil` for pupils' accident cover).
    #[serde(default)]
    pub statuses_all: Vec<String>,
    #[serde(default)]
    pub not_covered_zh: Option<String>,
    #[serde(default)]
    pub not_covered_en: Option<String>,
    pub deductible_per: DeductiblePer,
    pub deductible_clause: String,
    #[serde(default)]
    pub deductible_note_zh: Option<String>,
    #[serde(default)]
    pub deductible_note_en: Option<String>,
    #[serde(default)]
    pub deductibles: Vec<Keyed>,
    pub schedules: Vec<Schedule>,
    #[serde(default)]
    pub penalties: Vec<Penalty>,
    #[serde(default)]
    pub diseases: Vec<Label>,
    /// Whether this kind's costs/payments count toward the annual limit.
    pub counts_toward_limit: bool,
    pub limit_note_zh: String,
    pub limit_note_en: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeanRatioMin {
    pub kind: String,
    #[serde(default)]
    pub categories: Vec<String>,
    pub value: Figure,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Constraints {
    #[serde(default)]
    pub max_segments: Option<Figure>,
    /// Clause requiring community facilities to be paid at a higher ratio.
    #[serde(default)]
    pub community_higher_clause: Option<String>,
    #[serde(default)]
    pub mean_ratio_min: Vec<MeanRatioMin>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Benefits {
    pub clause: String,
    pub limit_kind: LimitKind,
    pub limit_clause: String,
    pub limit_note_zh: String,
    pub limit_note_en: String,
    #[serde(default)]
    pub waiting_months: Option<Figure>,
    pub limits: Vec<Limit>,
    #[serde(default)]
    pub inpatient: Option<ClaimRule>,
    #[serde(default)]
    pub outpatient_major: Option<ClaimRule>,
    #[serde(default)]
    pub student_accident: Option<ClaimRule>,
    #[serde(default)]
    pub general_outpatient: Option<ClaimRule>,
    #[serde(default)]
    pub constraints: Option<Constraints>,
    /// Claims the document leaves unset: answered `benefits_not_defined`, never "not covered".
    #[serde(default)]
    pub not_set: Vec<NotSet>,
}

/// A claim kind (at some levels, for some categories) on which the document sets nothing: the
/// answer is "not set by this document" (`benefits_not_defined`) with the reason, not "not paid".
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotSet {
    /// A claim kind id (one of [`CLAIM_KINDS`]).
    pub kind: String,
    /// Categories it concerns; empty = all.
    #[serde(default)]
    pub categories: Vec<String>,
    /// Levels it concerns; empty = all.
    #[serde(default)]
    pub levels: Vec<String>,
    pub zh: String,
    pub en: String,
    pub clause: String,
}

/// The claim kinds a benefits section can define.
pub const CLAIM_KINDS: [&str; 4] = [
    "inpatient",
    "outpatient_major",
    "student_accident",
    "general_outpatient",
];

impl Benefits {
    /// The entry saying the document sets nothing for this claim kind, category and level.
    pub fn not_set_for(&self, kind: &str, cat: &str, level: &str) -> Option<&NotSet> {
        self.not_set
            .iter()
            .find(|n| n.kind == kind && matches(&n.categories, cat) && matches(&n.levels, level))
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Notice {
    pub id: String,
    pub zh: String,
    pub en: String,
    pub clause: String,
    /// `discrepancy` (figures that don't reconcile) or `info`.
    pub kind: String,
    /// The document the notice rests on, when not the file's own (e.g. 民发[2007]156号).
    #[serde(default)]
    pub doc: Option<String>,
    /// Shown only to a person with one of these statuses; empty = everyone.
    #[serde(default)]
    pub statuses_any: Vec<String>,
    /// Also shown with claim and year results (not only with premiums and the catalogue).
    #[serde(default)]
    pub on_claims: bool,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topup {
    pub id: String,
    pub name_zh: String,
    pub name_en: String,
    pub clause: String,
    /// 政府原则上再按不低于人均…元给予补助.
    pub total_min: Figure,
    /// 中央财政对中西部地区按人均…元给予补助.
    pub central_central_western: Figure,
    pub eastern_zh: String,
    pub eastern_en: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BenefitsAbsent {
    pub zh: String,
    pub en: String,
    pub clause: String,
}

/// A framework or layer file (and a city file once merged with its framework).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    pub meta: Meta,
    #[serde(default)]
    pub regions: Vec<Region>,
    #[serde(default)]
    pub levels: Vec<Level>,
    #[serde(default)]
    pub categories: Vec<Label>,
    #[serde(default)]
    pub statuses: Vec<Status>,
    #[serde(default)]
    pub eligibility: Vec<EligibilityRule>,
    #[serde(default)]
    pub premium: Option<Premium>,
    #[serde(default)]
    pub benefits: Option<Benefits>,
    /// Why there are no benefits (a document that leaves them all to the locality).
    #[serde(default)]
    pub benefits_absent: Option<BenefitsAbsent>,
    #[serde(default)]
    pub notices: Vec<Notice>,
    #[serde(default)]
    pub topups: Vec<Topup>,
    /// Where the later figures come from (annual and national-annual files).
    #[serde(default)]
    pub sources: Vec<Source>,
    /// Figures by coverage year (annual files and the national annual layer).
    #[serde(default)]
    pub years: Vec<AnnualYear>,
    /// The newest year the benefit figures rest on; a claim dated in a later year gets a banner.
    #[serde(default)]
    pub benefits_as_of: Option<AsOf>,
    /// 城乡居民大病保险 rules by date (annual files): the layer after the basic fund.
    #[serde(default)]
    pub critical: Vec<Critical>,
    /// 医疗救助 rules by date (annual files): the layer after 大病保险, for those who qualify.
    #[serde(default)]
    pub assistance: Vec<Assistance>,
    /// Waiting periods by date for late or broken enrolment (annual files; 国办发〔2024〕38号).
    #[serde(default)]
    pub waiting: Vec<WaitingRule>,
}

/// Helper: does a category/tier filter list match (empty matches all)?
pub fn matches(list: &[String], id: &str) -> bool {
    list.is_empty() || list.iter().any(|x| x == id)
}

/// The deductible (or other keyed figure) that applies to a category at a level: the exact
/// level's row, else the `*` row.
pub fn resolve_keyed<'a>(list: &'a [Keyed], cat: &str, level: &str) -> Option<&'a Keyed> {
    let cands = || list.iter().filter(|k| matches(&k.categories, cat));
    cands()
        .find(|k| k.level == level)
        .or_else(|| cands().find(|k| k.level == "*"))
}

/// The schedule for a category and its ratios at a level (the exact level, else `*`).
pub fn resolve_ratios<'a>(
    rule: &'a ClaimRule,
    cat: &str,
    level: &str,
) -> Option<(&'a Schedule, &'a LevelRatios)> {
    let s = rule
        .schedules
        .iter()
        .find(|s| matches(&s.categories, cat))?;
    let lr = s
        .levels
        .iter()
        .find(|l| l.level == level)
        .or_else(|| s.levels.iter().find(|l| l.level == "*"))?;
    Some((s, lr))
}

impl Benefits {
    /// The annual limit that applies to a contribution tier and category.
    pub fn limit_for(&self, tier: &str, category: &str) -> Option<&Limit> {
        self.limits
            .iter()
            .find(|l| matches(&l.tiers, tier) && matches(&l.categories, category))
    }
}

/// The claim kinds a benefits section defines, with their ids.
pub fn claim_rules(b: &Benefits) -> Vec<(&'static str, &ClaimRule)> {
    let mut v = Vec::new();
    if let Some(r) = &b.inpatient {
        v.push(("inpatient", r));
    }
    if let Some(r) = &b.outpatient_major {
        v.push(("outpatient_major", r));
    }
    if let Some(r) = &b.student_accident {
        v.push(("student_accident", r));
    }
    if let Some(r) = &b.general_outpatient {
        v.push(("general_outpatient", r));
    }
    v
}

// ---------------------------------------------------------------- time

/// Coverage years (医保年度) a premium block's figures hold for, both ends included.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearSpan {
    pub from: u16,
    pub to: u16,
    /// The document gives no amounts: its (illustrative) figures hold for no coverage year, and
    /// every year comes from annual files or is `year_not_sourced` (Jilin 2016: "不低于现有标准"
    /// with no figures; 2017's standard was not found).
    #[serde(default)]
    pub none: bool,
    /// The clause that limits the figures in time (e.g. "2008年我省暂按70元执行").
    pub clause: String,
    pub note_zh: String,
    pub note_en: String,
}

/// The year a block of figures rests on, and what to tell someone asking about a later year.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AsOf {
    /// The last year the figures are taken to hold for; a claim after it gets the notice.
    pub year: u16,
    pub zh: String,
    pub en: String,
    pub clause: String,
    /// What the figures rest on when that is older than `year` (Jilin 2016's benefit amounts:
    /// "2008年试点文件（吉政办发[2008]12号）的数额"), for the notice's first words.
    #[serde(default)]
    pub rests_on_zh: Option<String>,
    #[serde(default)]
    pub rests_on_en: Option<String>,
}

/// A contribution collected together with the basic premium for another insurance.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Addon {
    pub id: String,
    pub name_zh: String,
    pub name_en: String,
    /// What the resident pays for it.
    pub amount: Figure,
    /// Where it applies, as the source words it (e.g. 长春、吉林、四平等长护险试点地区).
    pub where_zh: String,
    pub where_en: String,
    /// Residents whose own premium is fully aided, for whom the sources do not say whether the
    /// add-on is aided too: for them the amount is a labelled assumption from 0 to the amount.
    #[serde(default)]
    pub unclear_for: Option<AddonUnclear>,
}

/// Who an add-on may or may not be aided for, and what the answer says.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AddonUnclear {
    pub statuses_any: Vec<String>,
    pub note_zh: String,
    pub note_en: String,
}

/// How reliable a later figure's source is (see policy-sources/current/README.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
pub enum Grade {
    /// A government page, or a verbatim copy of an official notice showing number and issuer.
    A,
    /// Stated as "A/B": an official notice as quoted by an implementing government or the press.
    #[serde(rename = "A/B")]
    AB,
    /// A mirror of an official notice.
    #[serde(rename = "A-mirror")]
    AMirror,
    /// State or provincial press, a mirror of a government page, a verification log.
    B,
    /// Aggregator, lifestyle or forum reposts: only as a labelled assumption with a range.
    C,
}

impl Grade {
    pub fn id(self) -> &'static str {
        match self {
            Grade::A => "A",
            Grade::AB => "A/B",
            Grade::AMirror => "A-mirror",
            Grade::B => "B",
            Grade::C => "C",
        }
    }
    pub fn zh(self) -> &'static str {
        match self {
            Grade::A => "政府网站原文",
            Grade::AB => "政府网站转引或官方媒体报道",
            Grade::AMirror => "官方通知的转载全文",
            Grade::B => "官方媒体报道、政府网页的镜像或转引",
            Grade::C => "非官方转载（仅作假设参考）",
        }
    }
    pub fn en(self) -> &'static str {
        match self {
            Grade::A => "government page",
            Grade::AB => "official notice as quoted by a government page or official press",
            Grade::AMirror => "full copy of the official notice",
            Grade::B => "official press, or a mirror or quotation of a government page",
            Grade::C => "unofficial repost (assumption only)",
        }
    }
    /// Whether a figure from this source may be encoded as the text words it.
    pub fn citable(self) -> bool {
        self != Grade::C
    }
}

/// Where a later figure was found: document, issuer, date, page address, grade, short quote.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The row id in policy-sources/current/README.md (N3, J1, X1…).
    pub id: String,
    /// Document number and/or title as known ("number not confirmed" where it is not).
    pub doc: String,
    pub issuer_zh: String,
    pub date: String,
    pub url: String,
    pub grade: Grade,
    pub quote_zh: String,
    #[serde(default)]
    pub note_zh: Option<String>,
    #[serde(default)]
    pub note_en: Option<String>,
}

/// 集中缴费期: when contributions for a coverage year are collected.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Collection {
    pub from: String,
    pub to: String,
    pub source: String,
}

/// National minimums for one coverage year (国家医保局、财政部、税务总局 annual notices).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NationalYear {
    /// 人均财政补助标准 (per-capita fiscal subsidy).
    pub subsidy: Figure,
    /// 个人缴费标准; absent where no notice sets it yet.
    #[serde(default)]
    pub individual: Option<Figure>,
}

/// One coverage year of an annual or national-annual file.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnnualYear {
    pub year: u16,
    /// `notice` (figures from that year's notice), `derived` (worked out from a neighbouring
    /// year's notice), `projection` (a year no notice covers yet: labelled assumptions), or
    /// `not_found` (looked for and not found: no figures; `note_*` says what was looked for).
    pub status: YearStatus,
    pub note_zh: String,
    pub note_en: String,
    #[serde(default)]
    pub collection: Option<Collection>,
    #[serde(default)]
    pub premium: Option<Premium>,
    #[serde(default)]
    pub national: Option<NationalYear>,
    #[serde(default)]
    pub notices: Vec<Notice>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum YearStatus {
    Notice,
    Derived,
    Projection,
    NotFound,
    /// Some of the year's figures have a source, the others are labelled assumptions (Jilin
    /// 2024: the subsidy from the government work report, the individual share not found).
    Partial,
}

impl YearStatus {
    pub fn id(self) -> &'static str {
        match self {
            YearStatus::Notice => "notice",
            YearStatus::Derived => "derived",
            YearStatus::Projection => "projection",
            YearStatus::NotFound => "not_found",
            YearStatus::Partial => "partial",
        }
    }
}

impl Policy {
    /// A source of this file by id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }
    /// The document a source of this file names, else the file's own.
    pub fn source_doc(&self, id: &str) -> &str {
        self.source(id)
            .map_or(self.meta.doc.as_str(), |s| s.doc.as_str())
    }
}

// ---------------------------------------------------------------- layers after the basic fund

/// One band of 大病保险: the cumulative policy-scope cost left to the resident up to `upto`
/// (the last band has none: up to the maximum) is paid at `ratio`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    #[serde(default)]
    pub upto: Option<Figure>,
    pub ratio: Figure,
}

/// Hardship groups' adjustment of 大病保险: the threshold times `threshold_factor`, each band's
/// ratio raised by `points`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CriticalHardship {
    pub statuses_any: Vec<String>,
    pub threshold_factor: Figure,
    pub points: Figure,
}

/// Raises of the 大病保险 maximum for continuous enrolment and years without reimbursement.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Incentives {
    /// Continuous years after which each further continuous year raises the maximum.
    pub after_years: Figure,
    /// The raise per further continuous year, as a share of the maximum.
    pub per_year: Figure,
    /// The raise after a year with no reimbursement, as a share of the maximum.
    pub zero_claim: Figure,
    /// A national floor on each raise in yuan (国办发〔2024〕38号: at least 1,000), checked.
    #[serde(default)]
    pub floor_per_year: Option<Figure>,
    /// The year the incentives start (国办发〔2024〕38号: from 2025): whether continuous years
    /// before it count is not said, so an answer reaching back before it shows both readings.
    #[serde(default)]
    pub since: Option<u16>,
    pub note_zh: String,
    pub note_en: String,
}

/// 城乡居民大病保险 from a date: on the year's cumulative policy-scope cost left to the resident
/// after the basic fund, above a threshold, in bands, up to a maximum payment.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Critical {
    pub from: String,
    #[serde(default)]
    pub to: Option<String>,
    /// The source the rule comes from (a `[[sources]]` id).
    pub source: String,
    pub clause: String,
    pub threshold: Figure,
    pub bands: Vec<Band>,
    /// 最高支付限额: a cap on what the layer pays in a benefit year.
    pub maximum: Figure,
    #[serde(default)]
    pub hardship: Vec<CriticalHardship>,
    #[serde(default)]
    pub incentives: Option<Incentives>,
    /// What counts: policy scope as in basic insurance (the scope note shown).
    pub scope_zh: String,
    pub scope_en: String,
    /// Notices (ids) of the framework this rule answers, no longer shown with claims it settles.
    #[serde(default)]
    pub replaces_notices: Vec<String>,
    /// The year the rule's figures were sourced for ("现阶段"): a claim dated after it gets a
    /// `stale` notice, as the basic fund's `benefits_as_of` gives.
    #[serde(default)]
    pub as_of: Option<AsOf>,
}

/// 医疗救助 from a date: for residents with one of `statuses_any`, a share of the policy-scope
/// cost still left after 大病保险, up to a yearly cap.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assistance {
    pub from: String,
    #[serde(default)]
    pub to: Option<String>,
    pub source: String,
    pub clause: String,
    pub statuses_any: Vec<String>,
    pub ratio: Figure,
    pub cap: Figure,
    #[serde(default)]
    pub replaces_notices: Vec<String>,
    /// As [`Critical::as_of`].
    #[serde(default)]
    pub as_of: Option<AsOf>,
}

/// How the date benefits start is counted for late or broken enrolment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WaitingKind {
    /// Fixed months plus variable months per further year of break, from the payment date.
    Months,
    /// From the first day of the third calendar month counting the payment month (Jiaxing).
    ThirdCalendarMonth,
}

/// The waiting period for those who enrol outside the collection window or not continuously.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WaitingRule {
    pub from: String,
    #[serde(default)]
    pub to: Option<String>,
    pub kind: WaitingKind,
    pub source: String,
    pub clause: String,
    /// 固定待遇等待期 (months).
    #[serde(default)]
    pub fixed_months: Option<Figure>,
    /// 变动待遇等待期: months per further year of break (beyond the first).
    #[serde(default)]
    pub per_missed_year: Option<Figure>,
    /// Months of the variable period removed per extra year paid.
    #[serde(default)]
    pub per_extra_year_paid: Option<Figure>,
    /// A break this long or longer keeps a total waiting period of at least some months after
    /// extra years paid (国办发〔2024〕38号: 4 years, 6 months).
    #[serde(default)]
    pub long_break: Option<LongBreak>,
    /// The groups the source names as exempt (新生儿), each an id a request may give.
    #[serde(default)]
    pub exempt: Vec<Exemption>,
    /// Groups the source exempts without listing them ("等特殊群体"): the statuses that may be
    /// among them, so that for their holders the waiting period is a labelled assumption.
    #[serde(default)]
    pub unlisted: Option<Unlisted>,
    pub note_zh: String,
    pub note_en: String,
}

/// 连续断缴 `years` 年及以上的，修复后固定和变动待遇等待期之和原则上不少于 `min_months` 个月.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LongBreak {
    pub years: Figure,
    pub min_months: Figure,
}

/// A group the waiting rule's source names as exempt.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exemption {
    /// What a request gives (`exempt = "newborn"`).
    pub id: String,
    pub name_zh: String,
    pub name_en: String,
    pub source: String,
    pub clause: String,
    pub note_zh: String,
    pub note_en: String,
}

/// Exempt groups the source leaves unlisted ("新生儿等特殊群体"): the statuses whose holders may
/// be among them, and what the answer says.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unlisted {
    pub statuses_any: Vec<String>,
    pub source: String,
    pub clause: String,
    pub note_zh: String,
    pub note_en: String,
}
