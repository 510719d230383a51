//! The household answer is the members' own premium answers summed: the total equals the sum of
//! `premium` for each member to the fen (a property over random households of every scheme), a
//! member's error fails the household naming the member, a newborn is "not set".

use proptest::prelude::*;
use rust_decimal::Decimal;
use yibao::api::*;
use yibao::Engine;

fn engine() -> &'static Engine {
    use std::sync::OnceLock;
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| Engine::builtin().expect("built-in policies"))
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap_or_else(|_| panic!("not a decimal: {s:?}"))
}

fn member(category: &str, statuses: &[&str]) -> MemberInput {
    MemberInput {
        category: category.into(),
        statuses: statuses.iter().map(|s| s.to_string()).collect(),
        born: None,
    }
}

fn jilin(members: Vec<MemberInput>) -> HouseholdRequest {
    HouseholdRequest {
        scheme: "jilin-2016".into(),
        region: "jilin".into(),
        year: Some(2026),
        date: None,
        members,
    }
}

fn premium_of(r: &HouseholdRequest, m: &MemberInput) -> Result<PremiumResult, yibao::Error> {
    engine().premium(&PremiumRequest {
        person: PersonInput {
            scheme: r.scheme.clone(),
            region: r.region.clone(),
            category: m.category.clone(),
            statuses: m.statuses.clone(),
        },
        date: r.date.clone(),
        year: r.year,
    })
}

/// The household: two adults, a pupil, an adult with 低保 (Jilin 2026).
#[test]
fn four_members_sum_to_their_premiums() {
    let r = jilin(vec![
        member("urban_adult", &[]),
        member("urban_adult", &[]),
        member("student_child", &[]),
        member("urban_adult", &["dibao"]),
    ]);
    let h = engine().household(&r).unwrap();
    let sum: Decimal = r
        .members
        .iter()
        .map(|m| dec(&premium_of(&r, m).unwrap().individual_with_addons))
        .sum();
    assert_eq!(dec(&h.total), sum);
    // by hand: 3 × (400 + 10 长护) + (250 + 10) = 1,490; own contributions 3 × 400 + 250 = 1,450
    assert_eq!(h.total, "1490.00");
    assert_eq!(h.individual, "1450.00");
    assert_eq!(h.addons.len(), 1);
    assert_eq!(
        (h.addons[0].members, h.addons[0].amount.as_str()),
        (4, "40.00")
    );
    // the 低保 member: 150 of medical-assistance aid (J2, an assumption for 2026), 700 subsidy
    let d = &h.members[3];
    assert_eq!(
        (d.individual.as_str(), d.aid.as_str(), d.subsidy.as_str()),
        ("250.00", "150.00", "700.00")
    );
    assert_eq!(h.aid, "150.00");
    assert_eq!(h.subsidy, "2800.00");
    // the range: the 低保 member's own share may be 0–250 (aid assumed 150–400)
    assert_eq!(
        (h.range.low.as_str(), h.range.high.as_str()),
        ("1240.00", "1490.00")
    );
    assert!(h.pay_nothing.is_empty() && h.not_set.is_empty());
    // each line of an adult with the figure behind it: 个人缴费 400 from J3, grade B
    let ind = h.members[0]
        .lines
        .iter()
        .find(|l| l.id == "individual")
        .unwrap();
    let src = ind.figure.as_ref().and_then(|f| f.source.as_ref()).unwrap();
    assert_eq!(
        (ind.amount.as_str(), src.id.as_str(), src.grade.as_str()),
        ("400.00", "J3", "B")
    );
    assert!(h.sources.iter().any(|s| s.id == "J3") && h.sources.iter().any(|s| s.id == "J2"));
}

#[test]
fn who_pays_nothing_says_why() {
    let r = jilin(vec![
        member("rural_adult", &["tekun_support"]),
        member("urban_adult", &[]),
    ]);
    let h = engine().household(&r).unwrap();
    assert_eq!(h.pay_nothing, vec![0]);
    let why = h.members[0].pays_nothing.as_ref().unwrap();
    assert!(why.zh.contains("特困人员"), "{}", why.zh);
    assert!(
        why.zh.contains("¥10.00"),
        "the 长护 add-on is still due: {}",
        why.zh
    );
    assert_eq!(h.members[0].individual, "0.00");
    assert_eq!(h.members[0].aid, "400.00");
}

#[test]
fn a_newborn_is_not_set_and_left_out() {
    let mut baby = member("student_child", &[]);
    baby.born = Some("2026-03-01".into());
    let r = jilin(vec![member("urban_adult", &[]), baby]);
    let h = engine().household(&r).unwrap();
    assert_eq!(h.not_set, vec![1]);
    assert!(h.members[1].premium.is_none() && h.members[1].lines.is_empty());
    assert!(h.members[1].not_set.as_ref().unwrap().zh.contains("新生儿"));
    assert_eq!(h.total, "410.00");
    assert!(h.notices.iter().any(|n| n.zh.contains("不含成员 2")));
    // a birth date that is not a newborn's for the year
    let mut old = member("student_child", &[]);
    old.born = Some("2020-05-01".into());
    let e = engine().household(&jilin(vec![old])).unwrap_err();
    assert_eq!(
        (e.code(), e.field.as_deref()),
        ("invalid_date", Some("members[0].born"))
    );
    let mut bad = member("student_child", &[]);
    bad.born = Some("2026-02-30".into());
    let e = engine().household(&jilin(vec![bad])).unwrap_err();
    assert_eq!(
        (e.code(), e.field.as_deref()),
        ("invalid_date", Some("members[0].born"))
    );
}

#[test]
fn errors_name_the_member() {
    let e = engine()
        .household(&jilin(vec![
            member("urban_adult", &[]),
            member("urban_adult", &[]),
            member("pensioner", &[]),
        ]))
        .unwrap_err();
    assert_eq!(
        (e.code(), e.field.as_deref()),
        ("unknown_id", Some("members[2].category"))
    );
    assert!(e.message_zh.starts_with("家庭成员 3："), "{}", e.message_zh);
    assert!(e.message_en.starts_with("member 3: "), "{}", e.message_en);
    let e = engine()
        .household(&jilin(vec![member("urban_adult", &["no_such"])]))
        .unwrap_err();
    assert_eq!(e.field.as_deref(), Some("members[0].statuses[0]"));
    let e = engine()
        .household(&jilin(vec![member("urban_adult", &[]); 13]))
        .unwrap_err();
    assert_eq!(
        (e.code(), e.field.as_deref()),
        ("invalid_input", Some("members"))
    );
    let e = engine().household(&jilin(Vec::new())).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("members"));
    // a year with figures for one member's category only: Jiaxing 2024 has no pupils' row
    let r = HouseholdRequest {
        scheme: "jiaxing-2008".into(),
        region: "jiaxing".into(),
        year: Some(2024),
        date: None,
        members: vec![member("resident", &[]), member("student", &[])],
    };
    let e = engine().household(&r).unwrap_err();
    assert_eq!(
        (e.code(), e.field.as_deref()),
        ("year_not_sourced", Some("members[1].category"))
    );
    // a year no source covers, for everyone
    let mut r = jilin(vec![member("urban_adult", &[])]);
    r.year = Some(2023);
    assert_eq!(
        engine().household(&r).unwrap_err().code(),
        "year_not_sourced"
    );
}

/// A random household under a random scheme and region of the catalogue, in a year it knows (or
/// one it does not).
fn household() -> impl Strategy<Value = HouseholdRequest> {
    let cat = engine().catalogue();
    let schemes: Vec<SchemeOut> = cat.schemes;
    (
        0..schemes.len(),
        any::<prop::sample::Index>(),
        any::<prop::sample::Index>(),
        prop::collection::vec((any::<prop::sample::Index>(), any::<u32>()), 1..=12),
        0..6u8,
    )
        .prop_map(move |(si, ri, yi, ms, other_year)| {
            let s = &schemes[si];
            let region = ri.get(&s.regions).id.clone();
            let year = if other_year == 0 || s.years.is_empty() {
                2019 + (yi.index(10) as u16)
            } else {
                yi.get(&s.years).year
            };
            let members = ms
                .iter()
                .map(|(ci, bits)| {
                    let c = ci.get(&s.categories);
                    // most members have no status, some a hardship status, a few any status
                    let fits: Vec<&StatusOut> = s
                        .statuses
                        .iter()
                        .filter(|x| x.categories.is_empty() || x.categories.contains(&c.id))
                        .filter(|x| bits % 8 == 0 || x.kind == "hardship")
                        .collect();
                    let statuses = match (bits % 8, fits.len()) {
                        (0..=2, n) if n > 0 => vec![fits[(bits / 8) as usize % n].id.clone()],
                        _ => Vec::new(),
                    };
                    MemberInput {
                        category: c.id.clone(),
                        statuses,
                        born: None,
                    }
                })
                .collect();
            HouseholdRequest {
                scheme: s.id.clone(),
                region,
                year: Some(year),
                date: None,
                members,
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// The household is exactly its members' premium answers: each member's figures are their
    /// answer's, the totals are the sums to the fen; one member's error is the household's,
    /// naming the first member that fails.
    #[test]
    fn total_is_the_sum_of_premium(r in household()) {
        let answers: Vec<_> = r.members.iter().map(|m| premium_of(&r, m)).collect();
        match (engine().household(&r), answers.iter().position(|a| a.is_err())) {
            (Ok(h), None) => {
                let ps: Vec<&PremiumResult> = answers.iter().map(|a| a.as_ref().unwrap()).collect();
                let sum = |f: fn(&PremiumResult) -> &str| ps.iter().map(|p| dec(f(p))).sum::<Decimal>();
                prop_assert_eq!(dec(&h.total), sum(|p| &p.individual_with_addons));
                prop_assert_eq!(dec(&h.individual), sum(|p| &p.individual));
                prop_assert_eq!(dec(&h.individual_range.low), sum(|p| &p.ranges.individual.low));
                prop_assert_eq!(dec(&h.individual_range.high), sum(|p| &p.ranges.individual.high));
                let payers: Decimal = ps.iter().flat_map(|p| p.payers.iter()).map(|x| dec(&x.amount)).sum();
                prop_assert_eq!(dec(&h.aid) + dec(&h.subsidy), payers);
                for (m, p) in h.members.iter().zip(&ps) {
                    prop_assert_eq!(&m.with_addons, &p.individual_with_addons);
                    prop_assert_eq!(&m.individual, &p.individual);
                    prop_assert_eq!(m.pays_nothing.is_some(), dec(&p.individual).is_zero());
                    let line = m.lines.iter().find(|l| l.id == "individual").unwrap();
                    prop_assert_eq!(&line.amount, &p.individual);
                }
                prop_assert_eq!(h.year, ps[0].period.year);
            }
            (Err(e), Some(i)) => {
                let first = answers[i].as_ref().unwrap_err();
                prop_assert_eq!(e.code(), first.code());
                let field = e.field.clone().unwrap_or_default();
                prop_assert!(field.starts_with(&format!("members[{i}]")), "{} for member {}", field, i);
            }
            (Ok(_), Some(i)) => prop_assert!(false, "household answered but member {} fails: {:?}", i, answers[i]),
            (Err(e), None) => prop_assert!(false, "household failed but every member answers: {}", e),
        }
    }
}
