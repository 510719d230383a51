//! The binary form of validated policies that policy packs are made of (`crate::engine`'s pack
//! module: header, layout and checksum), so the browser can start without a TOML parser, the
//! serde deserialisers of the model or the validation code.
//!
//! The format is the model's fields in declaration order: strings and lists as a LEB128 length then
//! the items, options and booleans as one byte, decimals as a LEB128-zigzag mantissa and a scale,
//! unit enums as one byte. Reading checks every length against the bytes left, every tag, UTF-8
//! and decimal scale. On the first inconsistency the reader is marked failed and every later read
//! gives an empty value (reads never return early, which keeps the decoding code small: no drop
//! paths for half-built structs); the caller then refuses the whole pack. Damaged bytes are an
//! error, never a panic or a partial engine. Every model field is written because
//! [`bin_struct!`] builds each struct with a literal (a field left out does not compile).

use rust_decimal::Decimal;

use super::model::*;

/// Reads a snapshot front to back.
pub struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    failed: bool,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader {
            bytes,
            pos: 0,
            failed: false,
        }
    }
    /// Marks the snapshot damaged and returns `v` (the empty value the read gives instead).
    fn fail<T>(&mut self, v: T) -> T {
        self.failed = true;
        self.pos = self.bytes.len();
        v
    }
    fn byte(&mut self) -> u8 {
        match self.bytes.get(self.pos) {
            Some(&b) => {
                self.pos += 1;
                b
            }
            None => self.fail(0),
        }
    }
    fn take(&mut self, n: usize) -> &'a [u8] {
        match self.bytes.get(self.pos..self.pos.saturating_add(n)) {
            Some(s) => {
                self.pos += n;
                s
            }
            None => self.fail(&[]),
        }
    }
    fn uleb(&mut self) -> u128 {
        let mut v: u128 = 0;
        for shift in (0..126).step_by(7) {
            let b = self.byte();
            v |= u128::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return v;
            }
        }
        self.fail(0)
    }
    /// A length, which can never exceed the bytes left (every item takes at least one byte).
    fn len(&mut self) -> usize {
        let n = self.uleb();
        if n > (self.bytes.len() - self.pos) as u128 {
            return self.fail(0);
        }
        n as usize
    }
    /// How far the reader is, in bytes.
    pub fn pos(&self) -> usize {
        self.pos
    }
    /// A list's length (as `Vec`'s `get` reads it), for a caller that reads the items itself.
    pub fn list_len(&mut self) -> usize {
        self.len()
    }
    /// Skips `n` bytes (a header the caller has checked).
    pub fn skip(&mut self, n: usize) {
        self.take(n);
    }
    /// Whether every byte was read and nothing was damaged.
    pub fn finished(&self) -> bool {
        !self.failed && self.pos == self.bytes.len()
    }
}

fn put_uleb(out: &mut Vec<u8>, mut v: u128) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

/// A value that can be written to and read from a snapshot.
pub trait Bin: Sized {
    fn put(&self, out: &mut Vec<u8>);
    /// Reads a value; on damaged input marks `r` failed and returns an empty value.
    fn get(r: &mut Reader) -> Self;
}

impl Bin for String {
    fn put(&self, out: &mut Vec<u8>) {
        put_uleb(out, self.len() as u128);
        out.extend_from_slice(self.as_bytes());
    }
    fn get(r: &mut Reader) -> Self {
        let n = r.len();
        match core::str::from_utf8(r.take(n)) {
            Ok(s) => s.to_string(),
            Err(_) => r.fail(String::new()),
        }
    }
}

impl Bin for bool {
    fn put(&self, out: &mut Vec<u8>) {
        out.push(u8::from(*self));
    }
    fn get(r: &mut Reader) -> Self {
        match r.byte() {
            0 => false,
            1 => true,
            _ => r.fail(false),
        }
    }
}

impl Bin for u8 {
    fn put(&self, out: &mut Vec<u8>) {
        out.push(*self);
    }
    fn get(r: &mut Reader) -> Self {
        r.byte()
    }
}

impl Bin for u16 {
    fn put(&self, out: &mut Vec<u8>) {
        put_uleb(out, u128::from(*self));
    }
    fn get(r: &mut Reader) -> Self {
        let v = r.uleb();
        u16::try_from(v).unwrap_or_else(|_| r.fail(0))
    }
}

impl Bin for Decimal {
    fn put(&self, out: &mut Vec<u8>) {
        let m = self.mantissa();
        // zigzag, so small negative numbers stay short
        put_uleb(out, ((m << 1) ^ (m >> 127)) as u128);
        out.push(self.scale() as u8);
    }
    fn get(r: &mut Reader) -> Self {
        let z = r.uleb();
        let m = (z >> 1) as i128 ^ -((z & 1) as i128);
        let scale = u32::from(r.byte());
        match Decimal::try_from_i128_with_scale(m, scale) {
            Ok(d) => d,
            Err(_) => r.fail(Decimal::ZERO),
        }
    }
}

impl<T: Bin> Bin for Option<T> {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            None => out.push(0),
            Some(v) => {
                out.push(1);
                v.put(out);
            }
        }
    }
    fn get(r: &mut Reader) -> Self {
        match r.byte() {
            0 => None,
            1 => Some(T::get(r)),
            _ => r.fail(None),
        }
    }
}

impl<T: Bin> Bin for Vec<T> {
    fn put(&self, out: &mut Vec<u8>) {
        put_uleb(out, self.len() as u128);
        for v in self {
            v.put(out);
        }
    }
    fn get(r: &mut Reader) -> Self {
        let n = r.len();
        let mut v = Vec::with_capacity(n.min(64));
        for _ in 0..n {
            if r.failed {
                break;
            }
            v.push(T::get(r));
        }
        v
    }
}

impl<A: Bin, B: Bin> Bin for (A, B) {
    fn put(&self, out: &mut Vec<u8>) {
        self.0.put(out);
        self.1.put(out);
    }
    fn get(r: &mut Reader) -> Self {
        (A::get(r), B::get(r))
    }
}

impl<T: Bin> Bin for Box<T> {
    fn put(&self, out: &mut Vec<u8>) {
        (**self).put(out);
    }
    fn get(r: &mut Reader) -> Self {
        Box::new(T::get(r))
    }
}

/// Fields in declaration order. The struct literal in `get` fails to compile when a field is
/// missing from the list, so the format cannot silently drop one.
macro_rules! bin_struct {
    ($($t:ident { $($f:ident),* $(,)? })*) => {$(
        impl Bin for $t {
            fn put(&self, out: &mut Vec<u8>) {
                $(self.$f.put(out);)*
            }
            fn get(r: &mut Reader) -> Self {
                $t { $($f: Bin::get(r),)* }
            }
        }
    )*};
}

/// Unit enums as their variant's position in the list.
macro_rules! bin_enum {
    ($($t:ident [$($v:ident),* $(,)?])*) => {$(
        impl Bin for $t {
            fn put(&self, out: &mut Vec<u8>) {
                const ALL: &[$t] = &[$($t::$v),*];
                out.push(ALL.iter().position(|x| x == self).unwrap_or(0) as u8);
            }
            fn get(r: &mut Reader) -> Self {
                const ALL: &[$t] = &[$($t::$v),*];
                match ALL.get(usize::from(r.byte())) {
                    Some(v) => *v,
                    None => r.fail(ALL[0]),
                }
            }
        }
    )*};
}

bin_enum! {
    Basis [Stated, Derived, Assumed, Floor, Ceiling]
    FileKind [Framework, Layer, City, Annual]
    BenefitYearKind [Contribution, Natural]
    StatusKind [Hardship, Situation]
    Verdict [Excluded, Warning]
    Payer [
        Central, Provincial, CityCounty, LocalGovernment, Government, Employer, Collective,
        MedicalAssistance,
    ]
    Grade [A, AB, AMirror, B, C]
    YearStatus [Notice, Derived, Projection, NotFound, Partial]
    LimitKind [EligibleCost, FundPayment]
    DeductiblePer [Admission, Year, None]
    WaitingKind [Months, ThirdCalendarMonth]
}

bin_struct! {
    Figure { value, basis, clause, doc, min, max, formula, note_zh, note_en, source }
    BenefitYear { kind, clause, note_zh, note_en }
    LayerUse { id, fiscal_region, note_zh, note_en }
    Meta {
        id, kind, name_zh, name_en, doc, title_zh, issuer_zh, issuer_en, issued, effective_from,
        effective_from_clause, effective_to, effective_to_note_zh, effective_to_note_en,
        benefit_year, layer, framework, regions,
    }
    Region { id, tier, name_zh, name_en, clause, note_zh, note_en }
    Level { id, name_zh, name_en, rank }
    Label { id, name_zh, name_en, clause }
    Status { id, kind, name_zh, name_en, categories, clause }
    EligibilityRule {
        categories, all, none, verdict, reason_zh, reason_en, send_to_zh, send_to_en, clause,
    }
    Standard { tier, category, standard, individual }
    PayerLine { payer, amount, rest, clause }
    SubsidyClass {
        id, name_zh, name_en, clause, categories, statuses_any, lines, total_pct_of_standard,
        national_topup,
    }
    Extra { id, name_zh, name_en, statuses_any, payer, share_of_individual }
    TextClause { zh, en, clause }
    Premium {
        stacking_clause, stacking_zh, stacking_en, standards, classes, extras, payment_options,
        years, addons,
    }
    YearSpan { from, to, none, clause, note_zh, note_en }
    AsOf { year, zh, en, clause, rests_on_zh, rests_on_en }
    Addon { id, name_zh, name_en, amount, where_zh, where_en, unclear_for }
    AddonUnclear { statuses_any, note_zh, note_en }
    Source { id, doc, issuer_zh, date, url, grade, quote_zh, note_zh, note_en }
    Collection { from, to, source }
    NationalYear { subsidy, individual }
    AnnualYear { year, status, note_zh, note_en, collection, premium, national, notices }
    Limit { tiers, categories, amount }
    Keyed { categories, level, amount }
    LevelRatios { level, ratios }
    Schedule { categories, edges, levels }
    Penalty { level, points, reason_zh, reason_en }
    ClaimRule {
        name_zh, name_en, clause, categories, levels, statuses_all, not_covered_zh, not_covered_en,
        deductible_per, deductible_clause, deductible_note_zh, deductible_note_en, deductibles,
        schedules, penalties, diseases, counts_toward_limit, limit_note_zh, limit_note_en,
    }
    MeanRatioMin { kind, categories, value }
    Constraints { max_segments, community_higher_clause, mean_ratio_min }
    Benefits {
        clause, limit_kind, limit_clause, limit_note_zh, limit_note_en, waiting_months, limits,
        inpatient, outpatient_major, student_accident, general_outpatient, constraints,
        not_set,
    }
    NotSet { kind, categories, levels, zh, en, clause }
    Notice { id, zh, en, clause, kind, doc, statuses_any, on_claims }
    Topup {
        id, name_zh, name_en, clause, total_min, central_central_western, eastern_zh, eastern_en,
    }
    BenefitsAbsent { zh, en, clause }
    Policy {
        meta, regions, levels, categories, statuses, eligibility, premium, benefits,
        benefits_absent, notices, topups, sources, years, benefits_as_of, critical, assistance,
        waiting,
    }
    Band { upto, ratio }
    CriticalHardship { statuses_any, threshold_factor, points }
    Incentives { after_years, per_year, zero_claim, floor_per_year, since, note_zh, note_en }
    Critical {
        from, to, source, clause, threshold, bands, maximum, hardship, incentives, scope_zh,
        scope_en, replaces_notices, as_of,
    }
    Assistance { from, to, source, clause, statuses_any, ratio, cap, replaces_notices, as_of }
    WaitingRule {
        from, to, kind, source, clause, fixed_months, per_missed_year, per_extra_year_paid,
        long_break, exempt, unlisted, note_zh, note_en,
    }
    LongBreak { years, min_months }
    Exemption { id, name_zh, name_en, source, clause, note_zh, note_en }
    Unlisted { statuses_any, source, clause, note_zh, note_en }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round<T: Bin>(v: &T) -> Option<T> {
        let mut out = Vec::new();
        v.put(&mut out);
        let mut r = Reader::new(&out);
        let back = T::get(&mut r);
        r.finished().then_some(back)
    }

    /// Reads `bytes` as a `T`; `None` when the reader failed.
    fn read<T: Bin>(bytes: &[u8]) -> Option<T> {
        let mut r = Reader::new(bytes);
        let v = T::get(&mut r);
        (!r.failed).then_some(v)
    }

    #[test]
    fn decimals_round_trip_with_scale_and_sign() {
        for s in [
            "0",
            "0.10",
            "240",
            "-3.5",
            "79228162514264337593543950335",
            "0.0000001",
        ] {
            let d: Decimal = s.parse().unwrap();
            let back = round(&d).unwrap();
            assert_eq!(back.to_string(), d.to_string(), "{s}");
        }
    }

    #[test]
    fn damaged_bytes_are_refused() {
        // a length larger than what is left
        assert!(read::<String>(&[5, b'a']).is_none());
        assert_eq!(read::<String>(&[1, b'a']).as_deref(), Some("a"));
        // a bad option tag, a bad bool, an unknown enum variant
        assert!(read::<Option<u8>>(&[2, 0]).is_none());
        assert!(read::<bool>(&[7]).is_none());
        assert!(read::<Basis>(&[9]).is_none());
        // a decimal scale above 28
        assert!(read::<Decimal>(&[2, 29]).is_none());
        // invalid UTF-8
        assert!(read::<String>(&[2, 0xff, 0xfe]).is_none());
        // a LEB128 that never ends, and one past the end
        assert!(read::<Vec<u8>>(&[0xff; 40]).is_none());
        assert!(read::<Vec<u8>>(&[0x80]).is_none());
        // a list whose items run out
        assert!(read::<Vec<String>>(&[2, 1, b'a']).is_none());
    }

    #[test]
    fn enums_keep_their_variant() {
        for p in [Payer::Central, Payer::Collective, Payer::CityCounty] {
            assert_eq!(round(&p), Some(p));
        }
    }
}
