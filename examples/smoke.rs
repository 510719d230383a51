use yibao::api::*;
fn main() {
    let e = match yibao::Engine::builtin() {
        Ok(e) => e,
        Err(es) => {
            for x in es {
                println!("{x}");
            }
            return;
        }
    };
    let person = PersonInput {
        scheme: "jilin-2008".into(),
        region: "prefecture".into(),
        category: "adult".into(),
        statuses: vec!["dibao".into()],
    };
    let p = e.premium(&PremiumRequest {
        person: person.clone(),
        date: Some("2008-06-01".into()),
    });
    match p {
        Ok(p) => {
            println!(
                "ind {} std {} class {} unassigned {}",
                p.individual, p.standard, p.subsidy_class.id, p.unassigned
            );
            for s in &p.steps {
                println!("  - {}: {}", s.title_zh, s.text_zh);
            }
            for pa in &p.payers {
                println!("  payer {} {} {:?}", pa.payer, pa.amount, pa.range);
            }
        }
        Err(e) => println!("ERR {e}"),
    }
    let c = e.claim(&ClaimRequest {
        person: PersonInput {
            statuses: vec![],
            ..person.clone()
        },
        paid_on: Some("2008-05-01".into()),
        claim: ClaimInput {
            kind: "inpatient".into(),
            level: "city".into(),
            date: "2008-10-01".into(),
            medfee_sumamt: "50000".into(),
            fulamt_ownpay_amt: Some("2000".into()),
            disease: None,
        },
    });
    match c {
        Ok(c) => {
            println!(
                "hifp {} psn {} dedc {} prop {} {:?}",
                c.hifp_pay, c.psn_part_amt, c.act_pay_dedc, c.pool_prop_selfpay, c.ranges
            );
            for s in &c.steps {
                println!("  - {}: {}", s.title_zh, s.text_zh);
            }
        }
        Err(e) => println!("ERR {e}"),
    }
}
