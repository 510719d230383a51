//! Calendar dates (`YYYY-MM-DD`), hand-written to keep the WASM small: parsing, ordering,
//! adding months (for waiting periods and contribution years).

use core::fmt;

use crate::error::{Error, ErrorKind};

/// Dates outside this span are rejected as absurd.
pub const MIN_YEAR: i32 = 1990;
pub const MAX_YEAR: i32 = 2100;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if is_leap(y) => 29,
        _ => 28,
    }
}

impl Date {
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Strict `YYYY-MM-DD`.
    pub fn parse(field: &str, text: &str) -> Result<Date, Error> {
        let bad = || {
            Error::new(
                ErrorKind::InvalidDate,
                format!("{field}：日期“{text}”无效，应为 YYYY-MM-DD（{MIN_YEAR}—{MAX_YEAR} 年）"),
                format!("{field}: \"{text}\" is not a valid date; expected YYYY-MM-DD ({MIN_YEAR}–{MAX_YEAR})"),
            )
            .field(field)
        };
        let t = text.trim();
        let b = t.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(bad());
        }
        let digits = |s: &[u8]| -> Option<u32> {
            s.iter().try_fold(0u32, |n, &c| {
                c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
            })
        };
        let y = digits(&b[0..4]).ok_or_else(bad)?;
        let m = digits(&b[5..7]).ok_or_else(bad)?;
        let d = digits(&b[8..10]).ok_or_else(bad)?;
        Date::new(y as i32, m as u8, d as u8).ok_or_else(bad)
    }

    /// The same day `n` months later, clamped to the month's end (Jan 31 + 1 month = Feb 28/29).
    pub fn add_months(self, n: u32) -> Date {
        let total = self.year as i64 * 12 + (self.month as i64 - 1) + n as i64;
        let year = (total / 12) as i32;
        let month = (total % 12 + 1) as u8;
        let day = self.day.min(days_in_month(year, month));
        Date { year, month, day }
    }

    /// The day before this one.
    pub fn pred(self) -> Date {
        if self.day > 1 {
            Date {
                day: self.day - 1,
                ..self
            }
        } else if self.month > 1 {
            let m = self.month - 1;
            Date {
                month: m,
                day: days_in_month(self.year, m),
                ..self
            }
        } else {
            Date {
                year: self.year - 1,
                month: 12,
                day: 31,
            }
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_months() {
        let d = Date::parse("d", "2008-01-31").unwrap();
        assert_eq!(d.add_months(1).to_string(), "2008-02-29");
        assert_eq!(d.add_months(12).to_string(), "2009-01-31");
        assert_eq!(
            Date::parse("d", "2009-03-01").unwrap().pred().to_string(),
            "2009-02-28"
        );
        for bad in [
            "2008-02-30",
            "2008-13-01",
            "08-01-01",
            "2008/01/01",
            "abcd-ef-gh",
            "1800-01-01",
            "2008-1-011",
        ] {
            assert_eq!(
                Date::parse("d", bad).unwrap_err().kind,
                ErrorKind::InvalidDate,
                "{bad}"
            );
        }
    }
}
