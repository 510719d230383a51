//! The browser edge: the only module that knows about wasm-bindgen and JS values.
//!
//! One [`Engine`] per page lives in a thread-local, built lazily from the built-in policies.
//! Inputs are plain JS objects read by `input.rs` into the [`crate::api`] request types; outputs
//! are plain (JSON-compatible) JS objects; every failure is thrown as a JS `Error` whose
//! `message` is the Chinese message and which carries `code`, `message_zh`, `message_en`,
//! `field`, `file`, `clause`, `send_to_zh`, `send_to_en`. Nothing here panics on user input, and
//! a failed call leaves the engine as it was.

use std::cell::RefCell;

#[cfg(feature = "loader")]
mod editor;
mod flat;
mod input;
mod json;
#[cfg(feature = "season")]
mod season;
use input::FromJs;

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::api::{
    ClaimRequest, CompareRequest, CurveRequest, EnrolmentRequest, ErrorOut, PersonInput,
    PremiumRequest, YearRequest,
};
use crate::{Engine, Error, ErrorKind};

thread_local! {
    static ENGINE: RefCell<Option<Engine>> = const { RefCell::new(None) };
}

/// Runs `f` with the engine: the full module's starts with the built-in policies (from their TOML
/// text); the others start empty and are handed packs (`loadPack`).
fn with_engine<R>(f: impl FnOnce(&mut Engine) -> Result<R, JsValue>) -> Result<R, JsValue> {
    ENGINE.with(|cell| {
        let mut slot = cell.try_borrow_mut().map_err(|_| {
            error_to_js(&Error::new(
                ErrorKind::InvalidInput,
                "计算器正忙，请稍后再试",
                "the calculator is busy; try again",
            ))
        })?;
        if slot.is_none() {
            #[cfg(feature = "loader")]
            let e = Engine::builtin().map_err(|errs| errors_to_js(&errs))?;
            #[cfg(not(feature = "loader"))]
            let e = Engine::default();
            *slot = Some(e);
        }
        match slot.as_mut() {
            Some(engine) => f(engine),
            None => Err(JsValue::from_str("engine unavailable")),
        }
    })
}

fn set(target: &JsValue, key: &str, value: &JsValue) {
    // Setting a property on a fresh plain object or Error cannot fail; ignore the Result.
    let _ = js_sys::Reflect::set(target, &JsValue::from_str(key), value);
}

fn set_opt(target: &JsValue, key: &str, value: Option<&String>) {
    match value {
        Some(v) => set(target, key, &JsValue::from_str(v)),
        None => set(target, key, &JsValue::NULL),
    }
}

fn fill_error_fields(target: &JsValue, e: &Error) {
    set(target, "code", &JsValue::from_str(e.code()));
    set(target, "message_zh", &JsValue::from_str(&e.message_zh));
    set(target, "message_en", &JsValue::from_str(&e.message_en));
    set_opt(target, "field", e.field.as_ref());
    set_opt(target, "file", e.file.as_ref());
    set_opt(target, "clause", e.clause.as_ref());
    set_opt(target, "send_to_zh", e.send_to_zh.as_ref());
    set_opt(target, "send_to_en", e.send_to_en.as_ref());
}

fn error_to_js(e: &Error) -> JsValue {
    let err = js_sys::Error::new(&e.message_zh);
    let v: JsValue = err.into();
    fill_error_fields(&v, e);
    v
}

#[cfg(feature = "loader")]
fn errors_to_js(errs: &[Error]) -> JsValue {
    let Some(first) = errs.first() else {
        return error_to_js(&Error::new(
            ErrorKind::InvalidInput,
            "未知错误",
            "unknown error",
        ));
    };
    let v = error_to_js(first);
    if errs.len() > 1 {
        let zh = format!("共 {} 处错误；第一处：{}", errs.len(), first.message_zh);
        let en = format!("{} errors; the first: {}", errs.len(), first.message_en);
        set(&v, "message", &JsValue::from_str(&zh));
        set(&v, "message_zh", &JsValue::from_str(&zh));
        set(&v, "message_en", &JsValue::from_str(&en));
    }
    let list = js_sys::Array::new();
    for e in errs {
        let o: JsValue = js_sys::Object::new().into();
        fill_error_fields(&o, e);
        list.push(&o);
    }
    set(&v, "errors", &list);
    v
}

fn input<T: FromJs>(value: JsValue) -> Result<T, JsValue> {
    T::from_js(&value, "").map_err(|e| error_to_js(&e))
}

/// An answer as a JS object: written as JSON here (`json.rs`) and read by the parser the page
/// gave `useJsonParse` (the host guard hands it a fresh realm's `JSON.parse`, which the host page
/// cannot have replaced), else by the global `JSON.parse`. One string crosses instead of a
/// property set per field (serde-wasm-bindgen's way, 5 KB gzipped more of wasm).
fn output<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let failed = |zh: String, en: String| error_to_js(&Error::new(ErrorKind::InvalidInput, zh, en));
    let text = json::to_json(value).map_err(|e| {
        failed(
            format!("结果无法转换：{e}"),
            format!("could not convert the result: {e}"),
        )
    })?;
    PARSE
        .with(|p| match p.borrow().as_ref() {
            Some(f) => f.call1(&JsValue::NULL, &JsValue::from_str(&text)),
            None => js_sys::JSON::parse(&text),
        })
        .map_err(|_| failed("结果无法读取".into(), "could not read the result".into()))
}

thread_local! {
    static PARSE: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// The JSON parser answers are read with (`output`): the widget passes a fresh realm's
/// `JSON.parse`, so a host page that replaced its own cannot change an answer.
#[wasm_bindgen(js_name = useJsonParse)]
pub fn use_json_parse(parse: js_sys::Function) {
    PARSE.with(|p| *p.borrow_mut() = Some(parse));
}

/// The crate version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Adds a scheme's policy pack (a `.pack` file's bytes). `hash`: the content hash its file name
/// carries (`<scheme>.<hash>.pack`), checked when given. A pack that is not one, is damaged, is
/// another than named or needs a newer engine throws `pack_invalid` / `pack_version`; loading the
/// same pack again changes nothing. Not in the full module, which reads the policy files
/// themselves (and writes packs: `packScheme`).
#[cfg(not(feature = "loader"))]
#[wasm_bindgen(js_name = loadPack, unchecked_return_type = "PackInfo")]
pub fn load_pack(bytes: &[u8], hash: Option<String>) -> Result<JsValue, JsValue> {
    with_engine(|engine| {
        let info = engine
            .add_pack(bytes, hash.as_deref())
            .map_err(|e| error_to_js(&e))?;
        output(&info)
    })
}

/// Schemes, regions, categories, statuses, hospital levels and claim kinds, with labels.
#[wasm_bindgen(unchecked_return_type = "Catalogue")]
pub fn catalogue() -> Result<JsValue, JsValue> {
    with_engine(|engine| output(&engine.catalogue()))
}

/// Whether the person may enrol in the scheme, and if not why and where they belong.
#[wasm_bindgen(unchecked_return_type = "EligibilityResult")]
pub fn eligibility(
    #[wasm_bindgen(unchecked_param_type = "PersonInput")] person: JsValue,
) -> Result<JsValue, JsValue> {
    let p: PersonInput = input(person)?;
    with_engine(|engine| {
        let r = engine.eligibility(&p).map_err(|e| error_to_js(&e))?;
        output(&r)
    })
}

/// The premium: what the resident pays and what each payer contributes.
#[wasm_bindgen(unchecked_return_type = "PremiumResult")]
pub fn premium(
    #[wasm_bindgen(unchecked_param_type = "PremiumRequest")] req: JsValue,
) -> Result<JsValue, JsValue> {
    let r: PremiumRequest = input(req)?;
    with_engine(|engine| {
        let out = engine.premium(&r).map_err(|e| error_to_js(&e))?;
        output(&out)
    })
}

/// One bill's shape at many sizes, for the chart: one crossing instead of one per point.
#[wasm_bindgen(unchecked_return_type = "CurveResult")]
pub fn curve(
    #[wasm_bindgen(unchecked_param_type = "CurveRequest")] req: JsValue,
) -> Result<JsValue, JsValue> {
    let r: CurveRequest = input(req)?;
    with_engine(|engine| {
        let out = engine.curve(&r).map_err(|e| error_to_js(&e))?;
        output(&out)
    })
}

/// One claim settled, with every step of the explanation.
#[wasm_bindgen(unchecked_return_type = "ClaimResult")]
pub fn claim(
    #[wasm_bindgen(unchecked_param_type = "ClaimRequest")] req: JsValue,
) -> Result<JsValue, JsValue> {
    let r: ClaimRequest = input(req)?;
    with_engine(|engine| {
        let out = engine.claim(&r).map_err(|e| error_to_js(&e))?;
        output(&out)
    })
}

/// A year of claims settled in date order, with the annual limit being used up.
#[wasm_bindgen(unchecked_return_type = "YearResult")]
pub fn year(
    #[wasm_bindgen(unchecked_param_type = "YearRequest")] req: JsValue,
) -> Result<JsValue, JsValue> {
    let r: YearRequest = input(req)?;
    with_engine(|engine| {
        let out = engine.year(&r).map_err(|e| error_to_js(&e))?;
        output(&out)
    })
}

/// One claim's figures only: the assumed values settled once, no ranges, steps or notices (the
/// fast call; `assumed: true` says `claim` would give a range).
#[wasm_bindgen(js_name = claimFigures, unchecked_return_type = "ClaimFigures")]
pub fn claim_figures(
    #[wasm_bindgen(unchecked_param_type = "ClaimRequest")] req: JsValue,
) -> Result<JsValue, JsValue> {
    let r: ClaimRequest = match flat::claim_request(&req) {
        Some(r) => r,
        None => input(req)?,
    };
    with_engine(|engine| {
        let out = engine.claim_figures(&r).map_err(|e| error_to_js(&e))?;
        flat::claim_figures(&out)
    })
}

/// A year's figures only: each claim's and the totals, assumed values, one settlement.
#[wasm_bindgen(js_name = yearFigures, unchecked_return_type = "YearFigures")]
pub fn year_figures(
    #[wasm_bindgen(unchecked_param_type = "YearRequest")] req: JsValue,
) -> Result<JsValue, JsValue> {
    let r: YearRequest = match flat::year_request(&req) {
        Some(r) => r,
        None => input(req)?,
    };
    with_engine(|engine| {
        let out = engine.year_figures(&r).map_err(|e| error_to_js(&e))?;
        flat::year_figures(&out)
    })
}

/// One bill settled at every hospital level of the scheme.
#[wasm_bindgen(unchecked_return_type = "CompareResult")]
pub fn compare(
    #[wasm_bindgen(unchecked_param_type = "CompareRequest")] req: JsValue,
) -> Result<JsValue, JsValue> {
    let r: CompareRequest = input(req)?;
    with_engine(|engine| {
        let out = engine.compare(&r).map_err(|e| error_to_js(&e))?;
        output(&out)
    })
}

/// When benefits start after a late or broken enrolment, and the 大病保险 maximum after the
/// continuity incentives (去年参保了吗？断保几年？).
#[wasm_bindgen(unchecked_return_type = "EnrolmentResult")]
pub fn enrolment(
    #[wasm_bindgen(unchecked_param_type = "EnrolmentRequest")] req: JsValue,
) -> Result<JsValue, JsValue> {
    let r: EnrolmentRequest = input(req)?;
    with_engine(|engine| {
        let out = engine.enrolment(&r).map_err(|e| error_to_js(&e))?;
        output(&out)
    })
}

/// Loads a portal's own policy file (TOML text) with the same validation as the built-in ones.
/// On failure nothing is added and the thrown error carries every problem in `errors`.
/// Only in the full module (`pkg/full/`, built with the `loader` feature): the default module
/// starts from the precompiled snapshot and has no TOML parser.
#[cfg(feature = "loader")]
#[wasm_bindgen(js_name = loadPolicy, unchecked_return_type = "LoadedPolicy")]
pub fn load_policy(file_name: &str, text: &str) -> Result<JsValue, JsValue> {
    with_engine(|engine| {
        let out = engine
            .add_policy(file_name, text)
            .map_err(|errs| errors_to_js(&errs))?;
        output(&out)
    })
}

/// `ErrorOut` is what compare rows carry; keep the type referenced so the mirror below stays
/// honest if it changes shape.
const _: fn(&Error) -> ErrorOut = |e| ErrorOut::from(e);

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** Money and ratios cross as decimal strings, e.g. "1234.56". */
export type Decimal = string;

export interface PersonInput {
  scheme: string;
  region: string;
  category: string;
  statuses?: string[];
}
export interface PremiumRequest {
  person: PersonInput;
  /** YYYY-MM-DD; defaults to the policy's first day in force. */
  date?: string | null;
  /** 医保年度 as four digits, e.g. "2026"; absent: the year whose collection window holds
   *  `date`, else its calendar year. A year no source covers is error "year_not_sourced". */
  year?: string | null;
}
export interface ClaimInput {
  /** "inpatient" | "outpatient_major" | "student_accident" | "general_outpatient" */
  kind: string;
  level: string;
  date: string;
  /** 医疗费总额 */
  medfee_sumamt: Decimal;
  /** 全自费金额 */
  fulamt_ownpay_amt?: Decimal | null;
  disease?: string | null;
}
export interface ClaimRequest {
  person: PersonInput;
  paid_on?: string | null;
  /** paid every later year without a break: only the first payment starts a waiting period;
   *  false: each annual payment starts one; absent: taken as true (a notice says so) */
  renewed_without_break?: boolean | null;
  /** how the person enrolled for the coverage year paid_on pays for: its waiting period (国办发〔2024〕38号)
   *  applies to the claim; absent: taken as paid inside the window without a break (a notice says so) */
  enrolment?: EnrolmentIn | null;
  claim: ClaimInput;
  /** false: figures and ranges only, no steps (faster); default true */
  explain?: boolean;
}
export type CompareRequest = ClaimRequest;
/** The inputs of EnrolmentRequest that decide when benefits start. Counts as strings ("0"–"100"). */
export interface EnrolmentIn {
  /** paid inside the collection window? absent: worked out from paid_on and the window, else taken as yes */
  paid_in_window?: boolean | null;
  years_missed?: string; extra_years_paid?: string;
  /** an exempt group the waiting rule names: "newborn" */
  exempt?: string | null;
}
export interface YearRequest {
  person: PersonInput;
  paid_on?: string | null;
  /** as in ClaimRequest */
  renewed_without_break?: boolean | null;
  /** as in ClaimRequest */
  enrolment?: EnrolmentIn | null;
  claims: ClaimInput[];
  /** false: figures and ranges only, no steps; default true */
  explain?: boolean;
}

export interface FigureOut {
  /** "deductible" | "ratio" | "edge" | "limit" | "waiting" | "penalty" | "standard" | "individual" | "subsidy" | "subsidy_pct" | "share" | "topup" */
  role: string;
  label_zh: string; label_en: string;
  /** formatted for people: "¥600.00", "50%" */
  value: string;
  /** plain decimal and unit ("yuan" | "ratio" | "months") */
  raw: Decimal; unit: string; raw_min?: Decimal; raw_max?: Decimal;
  /** "stated" | "derived" | "assumed" | "floor" | "ceiling" */
  basis: string; basis_zh: string; basis_en: string;
  doc: string; clause: string;
  min?: Decimal; max?: Decimal; formula?: string; note_zh?: string; note_en?: string;
  /** for a figure from a later notice: where it was found and how reliable that is */
  source?: SourceOut;
}
export interface SourceOut {
  id: string; doc: string; issuer_zh: string; date: string; url: string;
  /** "A" | "A/B" | "A-mirror" | "B" | "C", and in words (政府网站原文, 官方媒体、省级党报报道 …) */
  grade: string; grade_zh: string; grade_en: string;
  quote_zh: string; note_zh?: string; note_en?: string;
}
export interface YearOut {
  year: number;
  /** "document" | "notice" | "derived" | "partial" | "projection" | "not_found" */
  status: string; doc: string;
}
export interface PeriodOut {
  year: number;
  /** "document" | "notice" | "derived" | "partial" | "projection" */
  status: string; doc: string; note_zh: string; note_en: string;
  /** 集中缴费期 */
  collection_from?: string; collection_to?: string; collection_source?: SourceOut;
  newest_sourced_year?: number; years: YearOut[];
}
export interface AddonOut {
  id: string; name_zh: string; name_en: string; amount: Decimal;
  where_zh: string; where_en: string; figure: FigureOut;
}
export interface Step {
  id: string; title_zh: string; title_en: string; text_zh: string; text_en: string;
  amount?: Decimal; doc: string; clause: string; figures: FigureOut[];
}
export interface Range { low: Decimal; high: Decimal; }
export interface NoticeOut {
  /** "discrepancy" | "info" | "warning" | "stale" (figures not from the year asked) */
  kind: string; zh: string; en: string; doc: string; clause: string;
}
export interface Verdict {
  /** "excluded" | "warning" */
  verdict: string; reason_zh: string; reason_en: string;
  send_to_zh: string; send_to_en: string; doc: string; clause: string;
}
export interface EligibilityResult { eligible: boolean; verdicts: Verdict[]; }
export interface Ref { id: string; name_zh: string; name_en: string; doc: string; clause: string; }
export interface PayerAmount {
  payer: string; name_zh: string; name_en: string; amount: Decimal; range: Range;
  doc: string; clause: string;
}
export interface PremiumRanges { standard: Range; individual: Range; subsidy_total: Range; }
export interface PremiumResult {
  scheme: string; region: string; category: string; tier: string;
  standard: Decimal; individual: Decimal; subsidy_class: Ref; qualifying_classes: string[];
  payers: PayerAmount[]; subsidy_total: Decimal; unassigned: Decimal; ranges: PremiumRanges;
  payment_options: NoticeOut[]; notices: NoticeOut[]; eligibility: EligibilityResult;
  steps: Step[]; assumptions: FigureOut[];
  /** the coverage year and where its figures come from */
  period: PeriodOut;
  /** 长期护理保险 and the like, collected with the premium, each its own line */
  addons: AddonOut[]; individual_with_addons: Decimal;
  /** every later notice this answer cites */
  sources: SourceOut[];
  /** for a person with no status: what each hardship class of their category pays that year */
  hardship_classes: HardshipClassOut[];
}
export interface HardshipClassOut {
  id: string; name_zh: string; name_en: string; statuses: string[];
  individual: Decimal; range: Range;
}
export interface ClaimRanges { hifp_pay: Range; psn_part_amt: Range; hifmi_pay: Range; maf_pay: Range; }
export interface ClaimResult {
  kind: string; kind_zh: string; kind_en: string;
  level: string; level_zh: string; level_en: string; date: string;
  benefit_year_start: string; benefit_year_end: string;
  medfee_sumamt: Decimal; fulamt_ownpay_amt: Decimal; inscp_scp_amt: Decimal;
  act_pay_dedc: Decimal; hifp_pay: Decimal; pool_prop_selfpay: Decimal; psn_part_amt: Decimal;
  fund_pay_sumamt: Decimal; coinsurance_amt: Decimal; above_limit_amt: Decimal;
  waiting_amt: Decimal;
  /** "eligible_cost" | "fund_payment"; the limit that applied and how much was used after this claim */
  limit_kind: string; limit: Decimal; limit_used: Decimal;
  ranges: ClaimRanges; steps: Step[]; notices: NoticeOut[];
  assumptions: FigureOut[];
  /** 居民大病保险资金支出 and 医疗救助基金支出 (0.00 where no rule applies); fund_pay_sumamt =
   *  hifp_pay + hifmi_pay + maf_pay, psn_part_amt = medfee_sumamt − fund_pay_sumamt */
  hifmi_pay: Decimal; maf_pay: Decimal;
}
export interface Totals {
  medfee_sumamt: Decimal; fulamt_ownpay_amt: Decimal; inscp_scp_amt: Decimal;
  act_pay_dedc: Decimal; hifp_pay: Decimal; psn_part_amt: Decimal; fund_pay_sumamt: Decimal;
  coinsurance_amt: Decimal; above_limit_amt: Decimal; waiting_amt: Decimal;
  hifmi_pay: Decimal; maf_pay: Decimal;
}
export interface BandOut { from: Decimal; upto?: Decimal; ratio: Decimal; }
/** One layer after the basic fund over a benefit year: "hifmi" (大病保险) or "maf" (医疗救助). */
export interface LayerYear {
  layer: string; name_zh: string; name_en: string;
  benefit_year_start: string; benefit_year_end: string;
  threshold: Decimal; bands: BandOut[]; maximum: Decimal;
  counted: Decimal; paid: Decimal; remaining: Decimal;
  doc: string; clause: string; figures: FigureOut[];
}
export interface LimitUse {
  benefit_year_start: string; benefit_year_end: string;
  /** "eligible_cost" | "fund_payment" */
  limit_kind: string; limit: Decimal; used: Decimal; remaining: Decimal;
  doc: string; clause: string;
}
export interface YearResult {
  claims: ClaimResult[]; order: number[]; totals: Totals; limits: LimitUse[];
  ranges: ClaimRanges; notices: NoticeOut[]; layers: LayerYear[];
}
/** claimFigures: the assumed figures only (no ranges, steps or notices). */
export interface ClaimFigures {
  medfee_sumamt: Decimal; fulamt_ownpay_amt: Decimal; inscp_scp_amt: Decimal;
  act_pay_dedc: Decimal; hifp_pay: Decimal; psn_part_amt: Decimal;
  coinsurance_amt: Decimal; above_limit_amt: Decimal;
  /** present only when the claim fell in the waiting period */
  waiting_amt?: Decimal;
  limit: Decimal; limit_used: Decimal;
  /** a local (assumed/floor/ceiling) figure entered: ask `claim` for the range */
  assumed: boolean;
  hifmi_pay: Decimal; maf_pay: Decimal;
}
/** yearFigures: claims in settlement order (`order` = their request indexes), totals. */
export interface YearFigures {
  claims: ClaimFigures[]; order: number[]; totals: Totals; assumed: boolean;
}
export interface ErrorOut {
  code: string; message_zh: string; message_en: string;
  field?: string; file?: string; clause?: string; send_to_zh?: string; send_to_en?: string;
}
export interface CompareRow {
  level: string; name_zh: string; name_en: string; result?: ClaimResult; error?: ErrorOut;
}
export interface CompareResult { rows: CompareRow[]; }
export interface CurveRequest { person: PersonInput; paid_on?: string; enrolment?: EnrolmentIn | null; claim: ClaimInput; totals: Decimal[]; }
export interface CurvePoint { medfee_sumamt: Decimal; hifp_pay: Decimal; psn_part_amt: Decimal; act_pay_dedc: Decimal; above_limit_amt: Decimal; hifmi_pay: Decimal; maf_pay: Decimal; }
/** 去年参保了吗？断保几年？ Counts as strings of whole years ("0"–"100"). */
export interface EnrolmentRequest {
  person: PersonInput; year: string;
  /** years enrolled in a row up to last year ("0" if not enrolled last year) */
  years_continuous?: string;
  /** years not enrolled just before ("0" if enrolled last year) */
  years_missed?: string;
  /** paid inside the collection window (集中缴费期)? absent: worked out from paid_on and the window, else taken as yes */
  paid_in_window?: boolean | null;
  extra_years_paid?: string; no_claim_last_year?: boolean;
  /** needed when a waiting period applies */
  paid_on?: string;
  /** an exempt group the waiting rule names: "newborn" */
  exempt?: string | null;
}
export interface EnrolmentResult {
  year: number; waiting: boolean; in_window: boolean; exempt?: string;
  fixed_months: number; variable_months: number; reduced_months: number;
  /** months added to reach the minimum after a long break (≥ 6 after 4 years or more) */
  floor_months: number; waiting_months: number;
  /** the first day benefits are paid */
  benefits_from: string;
  /** when the person may be among exempt groups the source does not list: the first day if they are */
  benefits_from_earliest?: string;
  continuous_years: number;
  maximum_base?: Decimal; maximum_raise?: Decimal; maximum?: Decimal;
  steps: Step[]; notices: NoticeOut[];
}
export interface CurveResult {
  points: CurvePoint[];
  /** smallest whole-yuan bill at which the annual limit starts to bite */
  limit_from?: Decimal;
  /** the smallest whole-yuan bill at which 大病保险 starts to pay, if within the totals */
  hifmi_from?: Decimal;
  deductible: Decimal; edges: Decimal[];
  /** "eligible_cost" | "fund_payment" */
  limit_kind: string; limit: Decimal;
}

export interface Named { id: string; name_zh: string; name_en: string; }
export interface RegionOut {
  id: string; name_zh: string; name_en: string; tier: string;
  /** "framework" | "city" */
  source: string; file: string;
}
export interface StatusOut {
  id: string; kind: string; name_zh: string; name_en: string;
  /** Categories it applies to (empty = all). */
  categories: string[];
}
export interface ClaimKindOut {
  id: string; name_zh: string; name_en: string; categories: string[]; levels: string[];
  diseases: Named[];
}
export interface SchemeOut {
  id: string; name_zh: string; name_en: string; doc: string; title_zh: string;
  issuer_zh: string; effective_from: string; effective_to?: string;
  benefit_year: string; regions: RegionOut[]; categories: Named[]; statuses: StatusOut[];
  /** paid kinds, and kinds the document leaves unset (named "…（本文件未规定）"; their claims
   *  throw benefits_not_defined); a kind's levels include those where the document sets nothing */
  levels: Named[]; claim_kinds: ClaimKindOut[];
  benefits_absent_zh?: string; benefits_absent_en?: string; notices: NoticeOut[];
  /** coverage years with contribution figures (or a recorded absence), in order */
  years: YearOut[];
}
export interface Catalogue { schemes: SchemeOut[]; }
export interface LoadedPolicy { id: string; kind: string; scheme: string; regions: string[]; }
/** What loadPack added: the scheme, the pack's content hash, its format and writer's version. */
export interface PackInfo { scheme: string; hash: string; format: number; engine: string; regions: string[]; }

/** What every thrown error carries (it is a JS Error whose message is message_zh). */
export interface YibaoError extends Error {
  code: string; message_zh: string; message_en: string;
  field: string | null; file: string | null; clause: string | null;
  send_to_zh: string | null; send_to_en: string | null;
  /** loadPolicy only: every problem found. */
  errors?: ErrorOut[];
}
"#;
