//! The amount and date parsers on arbitrary text: `Money::parse` (digits, ≤ 2 decimals,
//! ≤ ¥100,000,000, optional ¥ and separators) and `Date::parse` (YYYY-MM-DD, 1990–2100).
#![no_main]

use libfuzzer_sys::fuzz_target;
use yibao::date::{Date, MAX_YEAR, MIN_YEAR};
use yibao::money::{Money, MAX_YUAN};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match Money::parse("amount", text) {
        Ok(m) => {
            let d = m.decimal();
            assert!(
                !d.is_sign_negative() && d <= MAX_YUAN.into() && d.scale() <= 2,
                "{text:?} -> {d}"
            );
            let _ = (m.plain(), m.yuan_text());
        }
        Err(e) => assert!(
            e.code() == "invalid_amount" && !e.message_zh.is_empty() && !e.message_en.is_empty()
        ),
    }
    match Date::parse("date", text) {
        Ok(d) => {
            assert!((MIN_YEAR..=MAX_YEAR).contains(&d.year));
            assert_eq!(d.to_string(), text.trim());
            let _ = d.add_months(120).pred();
        }
        Err(e) => assert!(e.code() == "invalid_date" && !e.message_zh.is_empty()),
    }
});
