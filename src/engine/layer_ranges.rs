//! The layers' ranges against brute force: every local figure of the 大病保险 and 医疗救助 rules
//! set to each end of its range independently (an open end at its natural bound: 100 % for a
//! ratio, no bound for an amount), on the basic fund's resident share at its low and high ends.
//! The lowest and highest of each payment and of the resident's part over all of them must be
//! the answer's range exactly (issue 16: the ranges were not the true lowest and highest).

use super::Engine;
use crate::api::{ClaimInput, PersonInput, Range};
use crate::claim::{year, Payment};
use crate::explain::Pick;
use crate::layers::{apply_claims, settle, Field, Line, Rules, NO_BOUND};
use crate::money::Money;
use crate::policy::load::{parse, Parsed};
use crate::policy::model::{Basis, Figure, Policy};
use rust_decimal::Decimal;

fn annual() -> Policy {
    let (file, text) = crate::builtin::FILES
        .iter()
        .find(|(f, _)| f.ends_with("jilin-2016/annual.toml"))
        .expect("the Jilin annual file");
    match parse(file, text) {
        Ok(Parsed::Policy(p, _)) => *p,
        _ => panic!("the Jilin annual file parses"),
    }
}

fn local_figures(p: &mut Policy) -> Vec<&mut Figure> {
    let mut v: Vec<&mut Figure> = Vec::new();
    for c in &mut p.critical {
        v.push(&mut c.threshold);
        v.push(&mut c.maximum);
        for b in &mut c.bands {
            v.push(&mut b.ratio);
        }
        for h in &mut c.hardship {
            v.push(&mut h.threshold_factor);
            v.push(&mut h.points);
        }
    }
    for a in &mut p.assistance {
        v.push(&mut a.ratio);
        v.push(&mut a.cap);
    }
    v.retain(|f| f.basis.is_local());
    v
}

/// A figure pinned at one end of its range (an open ceiling at its natural bound).
fn pin(f: &mut Figure, high: bool, ratio_like: bool) {
    let open = if ratio_like { Decimal::ONE } else { NO_BOUND };
    f.value = if high {
        f.max.unwrap_or(open)
    } else {
        f.min.unwrap_or(f.value)
    };
    f.basis = Basis::Stated;
}

fn span(v: &[Money]) -> (Money, Money) {
    let lo = v.iter().copied().min().unwrap_or(Money::ZERO);
    let hi = v.iter().copied().max().unwrap_or(Money::ZERO);
    (lo, hi)
}

fn m(s: &str) -> Money {
    Money::parse("x", s).unwrap()
}

fn same(r: &Range, want: (Money, Money), what: &str) {
    assert_eq!((m(&r.low), m(&r.high)), want, "{what}");
}

#[test]
fn layer_ranges_are_the_lowest_and_highest_over_every_figure_end() {
    let engine = Engine::builtin().expect("built-in policies load");
    let base = annual();
    let mut probe = base.clone();
    let figs = local_figures(&mut probe);
    let n = figs.len();
    // ratios (at most 1) open above at 100 %, amounts at no bound
    let ratio_like: Vec<bool> = figs
        .iter()
        .map(|f| f.value <= Decimal::ONE && f.max.is_none_or(|x| x <= Decimal::ONE))
        .collect();
    assert!(n >= 3, "the Jilin layers have local figures ({n})");
    let statuses: [&[&str]; 3] = [&["dibao"], &["poverty_registered"], &[]];
    let bills: [&[(&str, &str, &str)]; 3] = [
        &[("province", "2026-03-01", "300000")],
        &[
            ("city", "2026-02-01", "60000"),
            ("province", "2026-06-01", "150000"),
        ],
        &[("community", "2026-05-01", "20000")],
    ];
    let mut checked = 0;
    for st in statuses {
        let person = PersonInput {
            scheme: "jilin-2016".into(),
            region: "jilin".into(),
            category: "urban_adult".into(),
            statuses: st.iter().map(|s| s.to_string()).collect(),
        };
        let who = engine.who(&person).unwrap();
        for claims in bills {
            let claims: Vec<ClaimInput> = claims
                .iter()
                .map(|(level, date, total)| ClaimInput {
                    kind: "inpatient".into(),
                    level: (*level).into(),
                    date: (*date).into(),
                    medfee_sumamt: (*total).into(),
                    fulamt_ownpay_amt: None,
                    disease: None,
                })
                .collect();
            let (mut out, basics) = year(&who, Payment::default(), &claims, false).unwrap();
            let rules = Rules::from_files(std::iter::once(&base), st.to_vec());
            apply_claims(&rules, who.policy, &mut out, &basics, false);
            // brute force: each figure at each end, on each end of the basic fund
            let mut per: Vec<[Vec<Money>; 3]> = vec![Default::default(); claims.len()];
            let mut year_t: [Vec<Money>; 3] = Default::default();
            for mask in 0..1u32 << n {
                let mut p = base.clone();
                for (i, f) in local_figures(&mut p).into_iter().enumerate() {
                    pin(f, mask >> i & 1 == 1, ratio_like[i]);
                }
                let rules = Rules::from_files(std::iter::once(&p), st.to_vec());
                for hi in [false, true] {
                    let lines: Vec<Line> = basics.iter().map(|b| b.line_at(hi)).collect();
                    let run = settle(&rules, &lines, Pick::Assumed);
                    let mut t = [Money::ZERO; 3];
                    for (j, b) in basics.iter().enumerate() {
                        let (h, a) = (run.paid(Field::Hifmi, j), run.paid(Field::Maf, j));
                        let psn = b.psn_at(hi).sub_floor(h + a);
                        for (k, v) in [h, a, psn].into_iter().enumerate() {
                            per[j][k].push(v);
                            t[k] = t[k] + v;
                        }
                    }
                    for k in 0..3 {
                        year_t[k].push(t[k]);
                    }
                }
            }
            // the assumed answer lies inside, and is part of the span the engine reports
            for (j, c) in out.claims.iter().enumerate() {
                let at = |k: usize, s: &str| {
                    let mut v = per[j][k].clone();
                    v.push(m(s));
                    span(&v)
                };
                let what = format!("{st:?} claim {j}");
                same(
                    &c.ranges.hifmi_pay,
                    at(0, &c.hifmi_pay),
                    &format!("{what} hifmi"),
                );
                same(&c.ranges.maf_pay, at(1, &c.maf_pay), &format!("{what} maf"));
                same(
                    &c.ranges.psn_part_amt,
                    at(2, &c.psn_part_amt),
                    &format!("{what} psn"),
                );
                checked += 1;
            }
            let t = &out.totals;
            for (k, (r, s)) in [
                (&out.ranges.hifmi_pay, &t.hifmi_pay),
                (&out.ranges.maf_pay, &t.maf_pay),
                (&out.ranges.psn_part_amt, &t.psn_part_amt),
            ]
            .into_iter()
            .enumerate()
            {
                let mut v = year_t[k].clone();
                v.push(m(s));
                same(r, span(&v), &format!("{st:?} year field {k}"));
            }
        }
    }
    assert!(checked >= 9, "{checked}");
}
