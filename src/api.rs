//! The serialisable boundary of the core: request and response shapes shared by the wasm edge,
//! the CLI and tests. Plain data, no wasm or JS types. Money crosses as decimal strings
//! (`"1234.56"`); inputs are parsed here into core types with errors that name the field.
//!
//! Field names follow the national medical-insurance platform's pre-settlement/settlement output
//! (interfaces 2206/2207) where a field for the same quantity exists: `medfee_sumamt`,
//! `fulamt_ownpay_amt`, `inscp_scp_amt`, `act_pay_dedc`, `hifp_pay`, `pool_prop_selfpay`,
//! `psn_part_amt`, `fund_pay_sumamt`. Quantities with no such field have plain English names.

use serde::{Deserialize, Serialize};

// ---------------------------------------------------------------- requests

/// Who is asking: scheme (framework id), region, category and statuses.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PersonInput {
    pub scheme: String,
    pub region: String,
    pub category: String,
    /// Hardship statuses and situations (ids from the catalogue).
    #[serde(default)]
    pub statuses: Vec<String>,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PremiumRequest {
    pub person: PersonInput,
    /// The contribution date (`YYYY-MM-DD`); checked against the policy's validity. Defaults to
    /// the policy's first day in force.
    #[serde(default)]
    pub date: Option<String>,
    /// The coverage year (医保年度) asked about, e.g. `2026`. Absent: the year whose collection
    /// window holds `date`, else `date`'s calendar year, else the policy's first year.
    #[serde(default)]
    pub year: Option<u16>,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ClaimInput {
    /// `inpatient` | `outpatient_major` | `student_accident` | `general_outpatient`.
    pub kind: String,
    /// Hospital level id from the catalogue.
    pub level: String,
    /// Admission (or visit) date, `YYYY-MM-DD`.
    pub date: String,
    /// 医疗费总额, as a decimal string.
    pub medfee_sumamt: String,
    /// 全自费金额 (out-of-scope part), as a decimal string; default "0".
    #[serde(default)]
    pub fulamt_ownpay_amt: Option<String>,
    /// For `outpatient_major`: the disease id.
    #[serde(default)]
    pub disease: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ClaimRequest {
    pub person: PersonInput,
    /// Contribution date: starts the benefit year and the waiting period where the scheme counts
    /// from it. Absent: the waiting period is taken as served (a notice says so).
    #[serde(default)]
    pub paid_on: Option<String>,
    /// Whether the resident paid every later year without a break since `paid_on`. `true`: only
    /// the first payment starts a waiting period; `false`: each annual payment starts one (the
    /// literal "年度缴费后"). Absent: taken as `true`, and a notice says so when a claim falls in
    /// a later contribution year.
    #[serde(default)]
    pub renewed_without_break: Option<bool>,
    /// How the person enrolled for the coverage year the payment is for (the inputs `enrolment`
    /// takes): the waiting period it gives applies to the claim. Absent: taken as paid inside
    /// the collection window without a break, and a notice says so where a waiting rule exists.
    #[serde(default)]
    pub enrolment: Option<EnrolmentIn>,
    pub claim: ClaimInput,
    /// `false`: figures and ranges only, no explanation steps (much faster). Default `true`.
    #[serde(default = "yes")]
    pub explain: bool,
}

fn yes() -> bool {
    true
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct YearRequest {
    pub person: PersonInput,
    #[serde(default)]
    pub paid_on: Option<String>,
    /// As in [`ClaimRequest::renewed_without_break`].
    #[serde(default)]
    pub renewed_without_break: Option<bool>,
    /// As in [`ClaimRequest::enrolment`].
    #[serde(default)]
    pub enrolment: Option<EnrolmentIn>,
    /// Claims in any order; they are settled in date order (stable for equal dates).
    pub claims: Vec<ClaimInput>,
    /// `false`: figures and ranges only, no explanation steps. Default `true`.
    #[serde(default = "yes")]
    pub explain: bool,
}

/// How a person enrolled for the coverage year a payment (`paid_on`) is for: the inputs of
/// [`EnrolmentRequest`] that decide when benefits start, given with a claim, a year or a curve.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct EnrolmentIn {
    /// Whether the payment was inside the collection window. Absent: worked out from `paid_on`
    /// and the year's collection window where the annual file gives it, else taken as inside.
    #[serde(default)]
    pub paid_in_window: Option<bool>,
    /// Years not enrolled just before this coverage year (断保年数).
    #[serde(default)]
    pub years_missed: u16,
    /// Extra years paid (补缴) to shorten the variable waiting period.
    #[serde(default)]
    pub extra_years_paid: u16,
    /// A group the waiting rule's source names as exempt (`newborn`).
    #[serde(default)]
    pub exempt: Option<String>,
}

/// One bill's shape settled at many sizes (for a chart of out-of-pocket cost against the bill).
/// Assumed values only, no explanation; each point is a fresh benefit year.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CurveRequest {
    pub person: PersonInput,
    #[serde(default)]
    pub paid_on: Option<String>,
    /// As in [`ClaimRequest::enrolment`].
    #[serde(default)]
    pub enrolment: Option<EnrolmentIn>,
    /// The claim; its `medfee_sumamt` is replaced by each of `totals`, its out-of-scope part is
    /// kept (capped at each total).
    pub claim: ClaimInput,
    /// Bill sizes (decimal strings), at most 400.
    pub totals: Vec<String>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct CurvePoint {
    pub medfee_sumamt: String,
    pub hifp_pay: String,
    pub psn_part_amt: String,
    pub act_pay_dedc: String,
    pub above_limit_amt: String,
    /// 居民大病保险资金支出 at this bill size (0 without a 大病保险 rule for the date).
    pub hifmi_pay: String,
    /// 医疗救助基金支出 at this bill size.
    pub maf_pay: String,
    /// The layers' base at this size (policy-scope cost left after the basic fund); not sent.
    #[serde(skip)]
    pub layer_base: crate::money::Money,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct CurveResult {
    pub points: Vec<CurvePoint>,
    /// The smallest whole-yuan bill (same shape) at which the annual limit starts to bite, if
    /// it does below the largest total asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit_from: Option<String>,
    /// The smallest whole-yuan bill (same shape) at which 大病保险 starts to pay, if it does below
    /// the largest total asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hifmi_from: Option<String>,
    /// The deductible and the segment edges that apply (decimal strings), for marking a chart.
    pub deductible: String,
    pub edges: Vec<String>,
    pub limit_kind: String,
    pub limit: String,
}

/// One bill settled at every hospital level of the scheme (the claim's `level` is ignored).
pub type CompareRequest = ClaimRequest;

/// A resident's enrolment history for a coverage year, in plain words: how many years in a row
/// they were enrolled up to last year, how many years they missed just before, whether they paid
/// inside the collection window (集中缴费期), when they paid.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct EnrolmentRequest {
    pub person: PersonInput,
    /// 医保年度 asked about.
    pub year: u16,
    /// Years enrolled without a break up to last year (0 if not enrolled last year).
    #[serde(default)]
    pub years_continuous: u16,
    /// Years not enrolled just before this one (断保年数; 0 if enrolled last year).
    #[serde(default)]
    pub years_missed: u16,
    /// Whether the payment was made inside the collection window. Absent: worked out from
    /// `paid_on` and the coverage year's collection window where the annual file gives it, else
    /// taken as inside (a notice says so).
    #[serde(default)]
    pub paid_in_window: Option<bool>,
    /// Extra years paid (补缴) to shorten the variable waiting period.
    #[serde(default)]
    pub extra_years_paid: u16,
    /// Whether last year (enrolled) had no reimbursement at all (零报销).
    #[serde(default)]
    pub no_claim_last_year: bool,
    /// The payment date (needed when a waiting period applies).
    #[serde(default)]
    pub paid_on: Option<String>,
    /// A group the waiting rule's source names as exempt (`newborn`: 国办发〔2024〕38号
    /// "除新生儿等特殊群体外").
    #[serde(default)]
    pub exempt: Option<String>,
}

// ---------------------------------------------------------------- responses

/// A policy figure as used, with its provenance.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct FigureOut {
    /// What the figure is for, stable across languages: `deductible`, `ratio`, `edge`, `limit`,
    /// `waiting`, `penalty`, `standard`, `individual`, `subsidy`, `subsidy_pct`, `share`, `topup`.
    pub role: String,
    /// What the figure is, e.g. `起付标准（市级医疗机构）`.
    pub label_zh: String,
    pub label_en: String,
    /// Formatted for people: `¥600.00`, `50%`, `3`.
    pub value: String,
    /// The plain decimal (`600`, `0.5`, `3`) and its unit (`yuan` | `ratio` | `months`).
    pub raw: String,
    pub unit: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub raw_min: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub raw_max: Option<String>,
    /// `stated` | `derived` | `assumed` | `floor` | `ceiling`.
    pub basis: String,
    pub basis_zh: String,
    pub basis_en: String,
    pub doc: String,
    pub clause: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub formula: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note_zh: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note_en: Option<String>,
    /// For a figure from a later notice: where it was found and how reliable that is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceOut>,
    /// Where the figure comes from at a glance: the year of its source or document and its
    /// grade or basis, e.g. `2026·B`, `2025·A/B·下限`, `2008·假设`, `未找到·假设` (English:
    /// `2026·B`, `2025·A/B·floor`, `2008·assumed`, `not found·assumed`), so that a 2026 band and
    /// a 2008 deductible never look alike.
    pub origin_zh: String,
    pub origin_en: String,
}

/// Where a later figure was found (policy-sources/current/README.md): document, issuer, date,
/// page address, reliability grade in words, and the short quote.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct SourceOut {
    pub id: String,
    pub doc: String,
    pub issuer_zh: String,
    pub date: String,
    pub url: String,
    /// `A` | `A/B` | `A-mirror` | `B` | `C`.
    pub grade: String,
    /// The grade in words: `政府网站原文`, `官方媒体、省级党报报道`…
    pub grade_zh: String,
    pub grade_en: String,
    pub quote_zh: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note_zh: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note_en: Option<String>,
}

/// A coverage year the scheme has figures (or a recorded absence of figures) for.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct YearOut {
    pub year: u16,
    /// `document` (the framework's own figures) | `notice` | `derived` | `projection` | `not_found`.
    pub status: String,
    pub doc: String,
}

/// The coverage year a premium answer is for, and where its figures come from.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct PeriodOut {
    pub year: u16,
    /// `document` | `notice` | `derived` | `partial` | `projection`.
    pub status: String,
    pub doc: String,
    pub note_zh: String,
    pub note_en: String,
    /// 集中缴费期, where the notice gives it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub collection_from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub collection_to: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub collection_source: Option<SourceOut>,
    /// The newest coverage year with sourced figures (not a projection).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub newest_sourced_year: Option<u16>,
    /// Every coverage year the scheme knows of for this region.
    pub years: Vec<YearOut>,
}

/// A contribution collected with the premium for another insurance (长期护理保险).
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct AddonOut {
    pub id: String,
    pub name_zh: String,
    pub name_en: String,
    pub amount: String,
    pub where_zh: String,
    pub where_en: String,
    pub figure: FigureOut,
}

/// One step of an explanation, ready to show to a resident.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Step {
    /// Stable id: `deductible`, `segment_1`, `limit`, `penalty`, `waiting`, `subsidy_central`…
    pub id: String,
    pub title_zh: String,
    pub title_en: String,
    /// The arithmetic in words and figures.
    pub text_zh: String,
    pub text_en: String,
    /// The amount this step produces, if any (decimal string).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<String>,
    pub doc: String,
    pub clause: String,
    /// Figures used in this step (with basis and range).
    pub figures: Vec<FigureOut>,
}

/// The lowest and highest of a result (decimal strings). `high` is empty only where a figure is
/// shown with its own range and that range is open above (its ceiling was not found: the diff's
/// 大病保险 threshold); every computed result's range has both ends.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Range {
    pub low: String,
    pub high: String,
}

/// Something the resident should know: figures that don't reconcile, a rule read one way.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct NoticeOut {
    /// `discrepancy` | `info` | `warning`.
    pub kind: String,
    pub zh: String,
    pub en: String,
    pub doc: String,
    pub clause: String,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Verdict {
    /// `excluded` | `warning`.
    pub verdict: String,
    pub reason_zh: String,
    pub reason_en: String,
    pub send_to_zh: String,
    pub send_to_en: String,
    pub doc: String,
    pub clause: String,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct EligibilityResult {
    pub eligible: bool,
    pub verdicts: Vec<Verdict>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Ref {
    pub id: String,
    pub name_zh: String,
    pub name_en: String,
    pub doc: String,
    pub clause: String,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct PayerAmount {
    /// `central` | `provincial` | `city_county` | `local_government` | `government` | `employer` | `collective`.
    pub payer: String,
    pub name_zh: String,
    pub name_en: String,
    pub amount: String,
    pub range: Range,
    pub doc: String,
    pub clause: String,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct PremiumResult {
    pub scheme: String,
    pub region: String,
    pub category: String,
    pub tier: String,
    /// 缴费标准.
    pub standard: String,
    /// What the resident pays (个人缴费).
    pub individual: String,
    /// The subsidy class applied (the highest one the person qualifies for).
    pub subsidy_class: Ref,
    /// Every class the person qualifies for, highest first.
    pub qualifying_classes: Vec<String>,
    pub payers: Vec<PayerAmount>,
    pub subsidy_total: String,
    /// Part of the standard the document assigns to no one.
    pub unassigned: String,
    pub ranges: PremiumRanges,
    pub payment_options: Vec<NoticeOut>,
    pub notices: Vec<NoticeOut>,
    pub eligibility: EligibilityResult,
    pub steps: Vec<Step>,
    /// Local figures this answer rests on.
    pub assumptions: Vec<FigureOut>,
    /// The coverage year (医保年度) and where its figures come from.
    pub period: PeriodOut,
    /// Contributions for other insurances collected with this one, each its own line.
    pub addons: Vec<AddonOut>,
    /// `individual` plus every add-on, for where they apply.
    pub individual_with_addons: String,
    /// Every source of a later notice this answer cites.
    pub sources: Vec<SourceOut>,
    /// For a person with no status: what a resident of each hardship class of their category pays
    /// in the same year (empty otherwise).
    pub hardship_classes: Vec<HardshipClassOut>,
}

/// A hardship class of the year and what its members pay.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct HardshipClassOut {
    pub id: String,
    pub name_zh: String,
    pub name_en: String,
    pub statuses: Vec<String>,
    pub individual: String,
    pub range: Range,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct PremiumRanges {
    pub standard: Range,
    pub individual: Range,
    pub subsidy_total: Range,
    /// `individual_with_addons`'s range (an add-on whose aid for the person is not known runs
    /// from 0 to its amount).
    pub individual_with_addons: Range,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct ClaimRanges {
    pub hifp_pay: Range,
    pub psn_part_amt: Range,
    /// 大病保险 across the local figures' ranges (threshold).
    pub hifmi_pay: Range,
    /// 医疗救助 across the local figures' ranges (ratio, cap).
    pub maf_pay: Range,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct ClaimResult {
    pub kind: String,
    pub kind_zh: String,
    pub kind_en: String,
    pub level: String,
    pub level_zh: String,
    pub level_en: String,
    pub date: String,
    /// Benefit year the claim falls in: first and last day.
    pub benefit_year_start: String,
    pub benefit_year_end: String,
    /// 医疗费总额.
    pub medfee_sumamt: String,
    /// 全自费金额.
    pub fulamt_ownpay_amt: String,
    /// 符合政策范围金额.
    pub inscp_scp_amt: String,
    /// 实际支付起付线.
    pub act_pay_dedc: String,
    /// 基本医疗保险统筹基金支出.
    pub hifp_pay: String,
    /// 统筹基金支付比例: effective ratio on the cost above the deductible within the limit.
    pub pool_prop_selfpay: String,
    /// 个人负担总金额.
    pub psn_part_amt: String,
    /// 基金支付总额 (only the pooled fund is modelled, so equal to hifp_pay).
    pub fund_pay_sumamt: String,
    /// In-scope cost above the deductible that the resident co-pays (no 2206/2207 field).
    pub coinsurance_amt: String,
    /// In-scope cost (or fund payment) beyond the annual limit, borne by the resident.
    pub above_limit_amt: String,
    /// In-scope cost not paid because the claim falls in the waiting period.
    pub waiting_amt: String,
    /// The annual limit that applied: `eligible_cost` (caps counted policy-scope costs) or
    /// `fund_payment` (caps the fund's payments), its amount, and how much of it was used after
    /// this claim.
    pub limit_kind: String,
    pub limit: String,
    pub limit_used: String,
    pub ranges: ClaimRanges,
    pub steps: Vec<Step>,
    pub notices: Vec<NoticeOut>,
    pub assumptions: Vec<FigureOut>,
    /// 居民大病保险资金支出: what 大病保险 pays on this claim (0 where no rule applies).
    pub hifmi_pay: String,
    /// 医疗救助基金支出: what medical assistance pays on this claim.
    pub maf_pay: String,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Totals {
    pub medfee_sumamt: String,
    pub fulamt_ownpay_amt: String,
    pub inscp_scp_amt: String,
    pub act_pay_dedc: String,
    pub hifp_pay: String,
    pub psn_part_amt: String,
    pub fund_pay_sumamt: String,
    pub coinsurance_amt: String,
    pub above_limit_amt: String,
    pub waiting_amt: String,
    pub hifmi_pay: String,
    pub maf_pay: String,
}

/// Limit use in one benefit year.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct LimitUse {
    pub benefit_year_start: String,
    pub benefit_year_end: String,
    /// `eligible_cost` (caps policy-scope costs) | `fund_payment` (caps what the fund pays).
    pub limit_kind: String,
    pub limit: String,
    pub used: String,
    pub remaining: String,
    pub doc: String,
    pub clause: String,
}

/// One layer after the basic fund (`hifmi`: 大病保险, `maf`: 医疗救助) over one benefit year.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct LayerYear {
    pub layer: String,
    pub name_zh: String,
    pub name_en: String,
    pub benefit_year_start: String,
    pub benefit_year_end: String,
    /// 大病保险: the threshold that applied (after any hardship reduction); 医疗救助: 0.
    pub threshold: String,
    /// The bands as (upper edge or "" for the last, ratio after any hardship points).
    pub bands: Vec<BandOut>,
    /// 最高支付限额 (大病保险) or the yearly cap (医疗救助).
    pub maximum: String,
    /// The cumulative amount the layer counted (its base).
    pub counted: String,
    pub paid: String,
    pub remaining: String,
    pub doc: String,
    pub clause: String,
    pub figures: Vec<FigureOut>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct BandOut {
    pub from: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub upto: Option<String>,
    pub ratio: String,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct YearResult {
    /// Claims in settlement (date) order.
    pub claims: Vec<ClaimResult>,
    /// Index of each settled claim in the request's list.
    pub order: Vec<usize>,
    pub totals: Totals,
    pub limits: Vec<LimitUse>,
    pub ranges: ClaimRanges,
    pub notices: Vec<NoticeOut>,
    /// Each layer after the basic fund, per benefit year: threshold, bands, maximum, use.
    pub layers: Vec<LayerYear>,
}

/// One claim's settlement figures only (`Engine::claim_figures`): the assumed values, one run, no
/// ranges, steps or notices. `assumed` is true when a local figure (assumed, floor or ceiling)
/// entered the settlement: the answer is then an assumption and `claim` gives its range.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct ClaimFigures {
    pub medfee_sumamt: String,
    pub fulamt_ownpay_amt: String,
    pub inscp_scp_amt: String,
    pub act_pay_dedc: String,
    pub hifp_pay: String,
    pub psn_part_amt: String,
    pub coinsurance_amt: String,
    pub above_limit_amt: String,
    /// Present only when the claim fell in the waiting period (else it is zero).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub waiting_amt: Option<String>,
    pub limit: String,
    pub limit_used: String,
    pub assumed: bool,
    pub hifmi_pay: String,
    pub maf_pay: String,
}

/// A year's settlement figures only (`Engine::year_figures`): each claim in settlement (date)
/// order, `order` its index in the request, the totals, and `assumed` for the year.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct YearFigures {
    pub claims: Vec<ClaimFigures>,
    pub order: Vec<usize>,
    pub totals: Totals,
    pub assumed: bool,
}

/// When benefits start and the 大病保险 maximum after the continuity incentives.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct EnrolmentResult {
    pub year: u16,
    /// Whether a waiting period applies (outside the window or after a break, not exempt).
    pub waiting: bool,
    /// Whether the payment counts as inside the collection window (said, worked out from the
    /// payment date, or taken so).
    pub in_window: bool,
    /// The exempt group applied (`newborn`), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exempt: Option<String>,
    pub fixed_months: u32,
    pub variable_months: u32,
    pub reduced_months: u32,
    /// Months added to reach the minimum after a long break (国办发〔2024〕38号: at least 6
    /// months after a break of 4 years or more).
    pub floor_months: u32,
    pub waiting_months: u32,
    /// The first day benefits are paid.
    pub benefits_from: String,
    /// When the person may be among exempt groups the source does not list: the first day if
    /// they are (the answer's `benefits_from` takes the waiting period as applying).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub benefits_from_earliest: Option<String>,
    /// Continuous years counted for the incentives, this coverage year included.
    pub continuous_years: u16,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub maximum_base: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub maximum_raise: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub maximum: Option<String>,
    pub steps: Vec<Step>,
    pub notices: Vec<NoticeOut>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct CompareRow {
    pub level: String,
    pub name_zh: String,
    pub name_en: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result: Option<ClaimResult>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<ErrorOut>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct CompareResult {
    pub rows: Vec<CompareRow>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct ErrorOut {
    pub code: String,
    pub message_zh: String,
    pub message_en: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clause: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub send_to_zh: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub send_to_en: Option<String>,
}

impl From<&crate::error::Error> for ErrorOut {
    fn from(e: &crate::error::Error) -> Self {
        ErrorOut {
            code: e.code().to_string(),
            message_zh: e.message_zh.clone(),
            message_en: e.message_en.clone(),
            field: e.field.clone(),
            file: e.file.clone(),
            clause: e.clause.clone(),
            send_to_zh: e.send_to_zh.clone(),
            send_to_en: e.send_to_en.clone(),
        }
    }
}

// ---------------------------------------------------------------- catalogue

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Named {
    pub id: String,
    pub name_zh: String,
    pub name_en: String,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct RegionOut {
    pub id: String,
    pub name_zh: String,
    pub name_en: String,
    pub tier: String,
    /// `framework` (typical values of the document) or `city` (a city policy file).
    pub source: String,
    pub file: String,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct StatusOut {
    pub id: String,
    /// `hardship` | `situation`.
    pub kind: String,
    pub name_zh: String,
    pub name_en: String,
    /// Categories it applies to (empty = all).
    pub categories: Vec<String>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct ClaimKindOut {
    pub id: String,
    pub name_zh: String,
    pub name_en: String,
    pub categories: Vec<String>,
    /// Levels with an answer: where the scheme pays, and where its document sets nothing.
    pub levels: Vec<String>,
    pub diseases: Vec<Named>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct SchemeOut {
    pub id: String,
    pub name_zh: String,
    pub name_en: String,
    pub doc: String,
    pub title_zh: String,
    pub issuer_zh: String,
    pub effective_from: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effective_to: Option<String>,
    /// `contribution` | `natural`.
    pub benefit_year: String,
    pub regions: Vec<RegionOut>,
    pub categories: Vec<Named>,
    pub statuses: Vec<StatusOut>,
    pub levels: Vec<Named>,
    /// Claim kinds the scheme pays for, and those its document leaves unset (named
    /// `…（本文件未规定）`; a claim there is answered `benefits_not_defined`, not "not covered").
    pub claim_kinds: Vec<ClaimKindOut>,
    /// Why claims can't be computed, if the document sets no benefits.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub benefits_absent_zh: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub benefits_absent_en: Option<String>,
    pub notices: Vec<NoticeOut>,
    /// Coverage years (医保年度) with contribution figures or a recorded absence, in order.
    pub years: Vec<YearOut>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Catalogue {
    pub schemes: Vec<SchemeOut>,
}

/// What `Engine::add_pack` (`loadPack` in the browser) added.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct PackInfo {
    /// The scheme (framework) id.
    pub scheme: String,
    /// The pack's content hash (16 hex digits; its file name carries the first 12).
    pub hash: String,
    /// The pack format and the version of the engine that wrote it.
    pub format: u16,
    pub engine: String,
    /// The scheme's region ids (framework regions, then city files).
    pub regions: Vec<String>,
}

/// What `load_policy` added.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct LoadedPolicy {
    pub id: String,
    /// `framework` | `layer` | `city`.
    pub kind: String,
    /// The scheme (framework) id users select.
    pub scheme: String,
    pub regions: Vec<String>,
}

// ---------------------------------------------------------------- the family and the season

/// One member of a household: category, statuses and, for a newborn, the birth date.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct MemberInput {
    pub category: String,
    #[serde(default)]
    pub statuses: Vec<String>,
    /// A newborn's birth date (`YYYY-MM-DD`); absent for everyone else.
    #[serde(default)]
    pub born: Option<String>,
}

/// A household of up to [`crate::household::MAX_MEMBERS`] members under one scheme and region,
/// for one coverage year (as in [`PremiumRequest`]).
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct HouseholdRequest {
    pub scheme: String,
    pub region: String,
    #[serde(default)]
    pub year: Option<u16>,
    #[serde(default)]
    pub date: Option<String>,
    pub members: Vec<MemberInput>,
}

/// One line of a premium answer (个人缴费, a payer's share, an add-on…) with the figure behind it
/// when one is (its basis, source and grade); a worked-out amount has none.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct PremiumLine {
    /// `standard` | `individual` | `payer_<payer>` | `subsidy_total` | `addon_<id>` |
    /// `with_addons`.
    pub id: String,
    pub label_zh: String,
    pub label_en: String,
    pub amount: String,
    pub range: Range,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub figure: Option<FigureOut>,
}

/// A member's share of the household answer: their own `premium` answer (absent when their
/// premium is not set, e.g. a newborn's) and what the household reads from it.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct MemberOut {
    pub category: Named,
    pub statuses: Vec<Named>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub born: Option<String>,
    /// 个人缴费, without add-ons ("" when not set).
    pub individual: String,
    /// 医疗救助资助参保: the payer lines paid by medical assistance.
    pub aid: String,
    /// The other payers' lines (各级财政 and the like).
    pub subsidy: String,
    /// The add-ons (长期护理保险) the member's answer lists.
    pub addons: String,
    /// `individual` plus the add-ons: the member's `premium.individual_with_addons`.
    pub with_addons: String,
    pub lines: Vec<PremiumLine>,
    /// Why the member's own contribution is zero (the subsidy class applied), if it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pays_nothing: Option<NoticeOut>,
    /// Why there is no figure for the member (a newborn's premium not set by the sources).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_set: Option<NoticeOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub premium: Option<PremiumResult>,
}

/// An add-on summed over the members whose answers list it.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct AddonTotal {
    pub id: String,
    pub name_zh: String,
    pub name_en: String,
    pub members: usize,
    pub amount: String,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct HouseholdResult {
    pub scheme: String,
    pub region: String,
    pub year: u16,
    pub members: Vec<MemberOut>,
    /// Σ members' `individual`.
    pub individual: String,
    /// Σ of the members' `ranges.individual` ends.
    pub individual_range: Range,
    pub aid: String,
    pub subsidy: String,
    pub addons: Vec<AddonTotal>,
    /// Σ members' `individual_with_addons`: what the household pays.
    pub total: String,
    /// `individual_range` with the add-ons on top: the range of `total`.
    pub range: Range,
    /// Indices of the members who pay nothing for the basic premium.
    pub pay_nothing: Vec<usize>,
    /// Indices of the members without a figure (left out of the totals).
    pub not_set: Vec<usize>,
    pub period: PeriodOut,
    /// Every source the members' answers cite, once each.
    pub sources: Vec<SourceOut>,
    pub notices: Vec<NoticeOut>,
}

/// Two coverage years of one person's premium (and the benefits the annual files date), side by
/// side: 与上年相比.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct DiffRequest {
    pub person: PersonInput,
    pub from: u16,
    pub to: u16,
}

/// One year of a diff: where its figures come from, or why there are none.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct DiffYear {
    pub year: u16,
    /// As [`PeriodOut::status`], or `not_sourced` when no source gives the year's figures.
    pub status: String,
    pub doc: String,
    pub note_zh: String,
    pub note_en: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub collection_from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub collection_to: Option<String>,
    pub sources: Vec<SourceOut>,
    /// Why the year has no figures (`year_not_sourced`, with the years that are sourced).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<ErrorOut>,
}

/// One line in both years: the figure of each (absent where that year has none) and the change.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct DiffLine {
    pub id: String,
    pub label_zh: String,
    pub label_en: String,
    /// `yuan` | `ratio` | `months`.
    pub unit: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<PremiumLine>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<PremiumLine>,
    /// `to − from` (signed decimal string), when both years have the line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<String>,
    /// Whether either side rests on a local figure (an assumption, a floor) or a projection.
    pub assumed: bool,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct DiffResult {
    pub from: DiffYear,
    pub to: DiffYear,
    /// Both years have figures, so the premium lines are compared.
    pub compared: bool,
    pub lines: Vec<DiffLine>,
    /// The dated rules after the basic fund (大病保险, 医疗救助) and the waiting period, as in
    /// force at the end of each year; a line only one year has says the other was not found.
    pub benefits: Vec<DiffLine>,
    pub notices: Vec<NoticeOut>,
}

/// When to pay for a coverage year, as a decision: paying today, on a chosen date, or not at all.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct DecisionRequest {
    pub person: PersonInput,
    /// 医保年度 to decide about.
    pub year: u16,
    /// Today (`YYYY-MM-DD`): the core has no clock; the page passes the browser's date, the CLI
    /// the system date or `--today`.
    pub today: String,
    /// Another payment date to weigh, if any.
    #[serde(default)]
    pub paid_on: Option<String>,
    /// The enrolment history besides the payment date (years missed, extra years paid, exempt);
    /// whether a payment is inside the window is worked out from its date.
    #[serde(default)]
    pub enrolment: Option<EnrolmentIn>,
    /// A bill to weigh each choice by (its date inside the coverage year).
    #[serde(default)]
    pub claim: Option<ClaimInput>,
}

/// One choice: when it pays, when benefits start, what the bill would cost.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct DecisionOption {
    /// `today` | `chosen` | `none`.
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paid_on: Option<String>,
    /// Whether the payment counts as inside the collection window.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_window: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub benefits_from: Option<String>,
    pub waiting_months: u32,
    /// Whether benefits start inside the coverage year at all.
    pub covered: bool,
    /// What is paid for the year (the premium with add-ons; 0 when not paying).
    pub premium: String,
    /// The bill's figures under this choice (absent without a bill).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bill: Option<ClaimFigures>,
    /// What the resident bears for the bill (the whole bill when not insured).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bill_cost: Option<String>,
    /// `premium` + `bill_cost`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total: Option<String>,
    pub zh: String,
    pub en: String,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct DecisionResult {
    pub year: u16,
    pub today: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub collection_from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub collection_to: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub collection_source: Option<SourceOut>,
    /// Days from today to the window's last day (negative once it has passed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days_left: Option<i64>,
    pub options: Vec<DecisionOption>,
    /// The steps of the waiting rule for the later of the payments weighed.
    pub steps: Vec<Step>,
    pub notices: Vec<NoticeOut>,
}
