//! Money and rates: newtypes over [`Decimal`], never floats.
//!
//! Rounding rule (one place): every product `money × rate` is rounded to the fen (0.01 yuan)
//! half away from zero — 四舍五入, the public-finance convention — immediately, so every figure
//! shown in an explanation is the figure that is added up. Sums of fen amounts are exact.

use core::fmt;
use core::ops::{Add, Sub};
use rust_decimal::{Decimal, RoundingStrategy};

use crate::error::{Error, ErrorKind};

/// The largest amount accepted anywhere (¥100,000,000): bills, standards, limits. Larger input is
/// absurd for one resident and is rejected, which also keeps every sum far from overflow.
pub const MAX_YUAN: i64 = 100_000_000;

/// An amount of yuan, always a whole number of fen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(Decimal);

/// A ratio between 0 and 1 inclusive (统筹基金支付比例 and the like).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Rate(Decimal);

impl Money {
    pub const ZERO: Money = Money(Decimal::ZERO);

    /// From a decimal that is already known to be a valid amount (policy data checked at load).
    pub fn from_decimal(d: Decimal) -> Money {
        Money(d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero))
    }

    pub fn yuan(n: i64) -> Money {
        Money(Decimal::from(n))
    }

    pub fn decimal(self) -> Decimal {
        self.0
    }

    /// Parses user input: plain decimal digits, at most two decimals, not negative, at most
    /// [`MAX_YUAN`]. Thousands separators (`,` or `，`) and a leading `¥` are accepted.
    pub fn parse(field: &str, text: &str) -> Result<Money, Error> {
        let bad = |zh: &str, en: &str| {
            Err(Error::new(
                ErrorKind::InvalidAmount,
                format!("{field}：金额“{text}”{zh}"),
                format!("{field}: amount \"{text}\" {en}"),
            )
            .field(field))
        };
        let t = text.trim().trim_start_matches(['¥', '￥']);
        // copied only when there are separators to drop
        let cleaned: std::borrow::Cow<str> = if t.contains([',', '，']) {
            t.chars().filter(|c| *c != ',' && *c != '，').collect()
        } else {
            t.into()
        };
        if cleaned.is_empty() {
            return bad("为空", "is empty");
        }
        if cleaned.starts_with('-') {
            return bad("不能为负数", "must not be negative");
        }
        let mut dot = 0;
        for c in cleaned.chars() {
            match c {
                '0'..='9' => {}
                '.' => dot += 1,
                _ => return bad("不是数字", "is not a number"),
            }
        }
        if dot > 1 || cleaned.starts_with('.') || cleaned.ends_with('.') {
            return bad("不是数字", "is not a number");
        }
        if let Some((_, frac)) = cleaned.split_once('.') {
            if frac.len() > 2 {
                return bad(
                    "最多保留两位小数（分）",
                    "may have at most two decimals (fen)",
                );
            }
        }
        let int_len = cleaned
            .split('.')
            .next()
            .map_or(0, |s| s.trim_start_matches('0').len());
        if int_len > 9 {
            return bad(
                "超出上限 ¥100,000,000",
                "exceeds the ceiling of ¥100,000,000",
            );
        }
        // Digits only, at most 9 significant before the point and 2 after (checked above), so
        // the mantissa fits an i64; no need for Decimal's general (and large) string parser.
        let (mut mantissa, mut scale) = (0i64, 0u32);
        for c in cleaned.bytes() {
            if c == b'.' {
                scale = 1;
            } else {
                mantissa = mantissa * 10 + i64::from(c - b'0');
                if scale > 0 {
                    scale += 1;
                }
            }
        }
        let d = Decimal::new(mantissa, scale.saturating_sub(1));
        if d > Decimal::from(MAX_YUAN) {
            return bad(
                "超出上限 ¥100,000,000",
                "exceeds the ceiling of ¥100,000,000",
            );
        }
        Ok(Money(d.normalize().round_dp(2)))
    }

    pub fn min(self, other: Money) -> Money {
        if self <= other {
            self
        } else {
            other
        }
    }

    pub fn max(self, other: Money) -> Money {
        if self >= other {
            self
        } else {
            other
        }
    }

    /// `self − other`, but never below zero.
    pub fn sub_floor(self, other: Money) -> Money {
        if other >= self {
            Money::ZERO
        } else {
            Money(self.0 - other.0)
        }
    }

    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    /// Plain two-decimal form for machines and the JS boundary: `1234.50`.
    ///
    /// Written digit by digit from the mantissa (an amount is a whole number of fen): this is
    /// on every result field, and `Decimal`'s `Display` through `fmt` was a third of a claim.
    pub fn plain(self) -> String {
        let mut d = self.0;
        // an amount has at most two decimals (every constructor rounds to the fen), so its
        // mantissa scaled up is the fen count; `rescale` (a general multiply) only for others
        let m = match d.scale() {
            0 => d.mantissa().checked_mul(100),
            1 => d.mantissa().checked_mul(10),
            2 => Some(d.mantissa()),
            _ => None,
        };
        let m = match m {
            Some(m) => m,
            None => {
                d.rescale(2);
                d.mantissa()
            }
        };
        // amounts are bounded far below u64::MAX fen; anything else takes the slow, general path
        let Ok(u) = u64::try_from(m.unsigned_abs()) else {
            d.rescale(2);
            return d.to_string();
        };
        // written backwards into a stack buffer: one allocation, of the final length
        let mut buf = [0u8; 24];
        let mut i = buf.len() - 3;
        buf[i..].copy_from_slice(&[b'.', b'0' + (u % 100 / 10) as u8, b'0' + (u % 10) as u8]);
        let mut int = u / 100;
        loop {
            i -= 1;
            buf[i] = b'0' + (int % 10) as u8;
            int /= 10;
            if int == 0 {
                break;
            }
        }
        if m < 0 {
            i -= 1;
            buf[i] = b'-';
        }
        // only ASCII digits, '-' and '.' were written
        core::str::from_utf8(&buf[i..]).map_or_else(|_| String::new(), String::from)
    }

    /// Resident-facing form: `¥1,234.56`.
    pub fn yuan_text(self) -> String {
        let plain = self.plain();
        let (sign, digits) = match plain.strip_prefix('-') {
            Some(rest) => ("-", rest),
            None => ("", plain.as_str()),
        };
        let (int, frac) = digits.split_once('.').unwrap_or((digits, "00"));
        let mut grouped = String::with_capacity(int.len() + int.len() / 3);
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(c);
        }
        format!("{sign}¥{grouped}.{frac}")
    }

    /// `self × rate`, rounded to the fen half away from zero (四舍五入).
    pub fn times(self, rate: Rate) -> Money {
        Money::from_decimal(self.0 * rate.0)
    }
}

impl Add for Money {
    type Output = Money;
    fn add(self, rhs: Money) -> Money {
        Money(self.0 + rhs.0)
    }
}

impl Sub for Money {
    type Output = Money;
    /// Plain difference; callers that need a floor use [`Money::sub_floor`].
    fn sub(self, rhs: Money) -> Money {
        Money(self.0 - rhs.0)
    }
}

impl core::iter::Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, |a, b| a + b)
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.yuan_text())
    }
}

impl Rate {
    pub const ZERO: Rate = Rate(Decimal::ZERO);
    pub const ONE: Rate = Rate(Decimal::ONE);

    /// From a decimal already checked to lie in [0, 1].
    pub fn from_decimal(d: Decimal) -> Rate {
        Rate(d)
    }

    pub fn decimal(self) -> Decimal {
        self.0
    }

    /// Lowers the rate by `points` percentage points (e.g. 0.10), never below zero.
    pub fn minus_points(self, points: Decimal) -> Rate {
        if points >= self.0 {
            Rate::ZERO
        } else {
            Rate(self.0 - points)
        }
    }

    /// `fund / base` to four decimals, for the effective ratio of a claim; zero when base is zero.
    pub fn effective(fund: Money, base: Money) -> Rate {
        if base.0.is_zero() {
            Rate::ZERO
        } else {
            Rate(
                (fund.0 / base.0).round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero),
            )
        }
    }

    /// `0.65` → `65%`, `0.655` → `65.5%`.
    pub fn percent_text(self) -> String {
        let p = (self.0 * Decimal::ONE_HUNDRED).normalize();
        format!("{p}%")
    }

    /// Plain form for machines: `0.6500` style is avoided; `0.65`.
    pub fn plain(self) -> String {
        self.0.normalize().to_string()
    }
}

impl fmt::Display for Rate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.percent_text())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_formats() {
        let m = Money::parse("x", "1234567.5").unwrap();
        assert_eq!(m.plain(), "1234567.50");
        assert_eq!(m.yuan_text(), "¥1,234,567.50");
        assert_eq!(
            Money::parse("x", "¥1,000").unwrap().yuan_text(),
            "¥1,000.00"
        );
        assert_eq!(Money::yuan(0).yuan_text(), "¥0.00");
        assert_eq!(Money::yuan(999).yuan_text(), "¥999.00");
    }

    #[test]
    fn rejects_bad_amounts() {
        for bad in [
            "",
            "-1",
            "abc",
            "1.234",
            "1e5",
            "1..2",
            ".5",
            "NaN",
            "1000000000",
            "99999999999999999999999999999",
        ] {
            let e = Money::parse("medfee_sumamt", bad).unwrap_err();
            assert_eq!(e.kind, ErrorKind::InvalidAmount, "{bad}");
            assert!(e.message_zh.contains("medfee_sumamt"), "{bad}");
        }
    }

    #[test]
    fn plain_matches_decimal_formatting() {
        for (m, want) in [
            (0i64, "0.00"),
            (5, "0.05"),
            (50, "0.50"),
            (123456, "1234.56"),
            (-105, "-1.05"),
            (10_000_000_000, "100000000.00"),
        ] {
            assert_eq!(Money(Decimal::new(m, 2)).plain(), want);
            let mut d = Decimal::new(m, 2);
            d.rescale(2);
            assert_eq!(Money(Decimal::new(m, 2)).plain(), d.to_string());
        }
        // a value stored with fewer or more decimals is shown with two
        assert_eq!(Money(Decimal::new(7, 0)).plain(), "7.00");
        assert_eq!(Money(Decimal::new(-75, 1)).plain(), "-7.50");
        assert_eq!(Money(Decimal::new(12_3400, 4)).plain(), "12.34");
        assert_eq!(Money(Decimal::from(u64::MAX)).plain(), {
            let mut d = Decimal::from(u64::MAX);
            d.rescale(2);
            d.to_string()
        });
    }

    #[test]
    fn rounds_half_away_from_zero_to_the_fen() {
        let m = Money::parse("x", "0.05").unwrap();
        let r = Rate::from_decimal(Decimal::new(5, 1));
        assert_eq!(m.times(r).plain(), "0.03");
    }
}
