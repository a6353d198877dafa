//! One small dossier per rule, at its edges: the day a rule starts or stops, the creditor or
//! debtor it depends on, the amount where it switches. Each test names the rule it pins, so a
//! change that breaks the rule breaks the test (`cargo xtask mutants` checks that they do).

use relance_engine::{compute_str, Computation, Notice};

/// Computes a dossier written as JSON; the test fails with the input errors if it is refused.
#[track_caller]
fn run(json: &str) -> Computation {
    match compute_str(json, None) {
        Ok(c) => c,
        Err(e) => panic!("dossier refused: {e:?}"),
    }
}

fn codes(c: &Computation) -> Vec<&'static str> {
    c.notices.iter().map(Notice::code).collect()
}

/// A dossier between traders with one invoice and what `extra` adds (payments, options…).
fn b2b(as_of: &str, due: &str, amount: &str, extra: &str) -> String {
    format!(
        r#"{{"version": 2, "as_of": "{as_of}",
            "creditor": {{"name": "Atelier Martin", "kind": "company"}},
            "debtor": {{"name": "Dupont SARL", "kind": "professional"}},
            "invoices": [{{"number": "F-1", "due": "{due}", "amount": "{amount}"}}]{extra}}}"#
    )
}

/// A payment made on the calculation date itself counts; only later ones are set aside.
#[test]
fn a_payment_on_the_calculation_date_is_applied() {
    let c = run(&b2b(
        "2026-03-31",
        "2026-01-31",
        "1000.00",
        r#", "payments": [{"date": "2026-03-31", "amount": "1000.00"}]"#,
    ));
    // 1 Feb – 31 Mar 2026: 1 000 × 12.15 % × 59 / 365 = 19.64 of penalties, paid first
    // (C. civ. 1343-1), so 19.64 of principal is left.
    assert_eq!(c.totals.principal.to_string(), "19.64");
    assert!(
        !codes(&c).contains(&"payment_after_as_of"),
        "{:?}",
        codes(&c)
    );

    let c = run(&b2b(
        "2026-03-30",
        "2026-01-31",
        "1000.00",
        r#", "payments": [{"date": "2026-03-31", "amount": "1000.00"}]"#,
    ));
    assert_eq!(c.totals.principal.to_string(), "1000.00");
    assert!(
        codes(&c).contains(&"payment_after_as_of"),
        "{:?}",
        codes(&c)
    );
}

/// C. civ. 1231-6 / C. mon. fin. L313-2: a private individual's claim on a consumer bears the
/// « particuliers » legal rate (6.67 % in 2026 S1); any other creditor's, « autres cas » (2.62 %).
#[test]
fn a_private_creditor_gets_the_particuliers_legal_rate() {
    let dossier = |creditor_kind: &str| {
        format!(
            r#"{{"version": 2, "as_of": "2026-05-31",
                "creditor": {{"name": "Paul Roux", "kind": "{creditor_kind}"}},
                "debtor": {{"name": "Claire Dubois", "kind": "consumer"}},
                "invoices": [{{"number": "1", "due": "2026-01-15", "amount": "3650.00"}}],
                "options": {{"formal_notice_date": "2026-03-31"}}}}"#
        )
    };
    // 1 April – 31 May 2026: 61 days on 3 650 €.
    let private = run(&dossier("individual_private"));
    let rates: Vec<String> = private.invoices[0]
        .segments
        .iter()
        .map(|s| s.rate.percent.normalize().to_string())
        .collect();
    assert_eq!(rates, ["6.67"]);
    // 3 650 × 6.67 % × 61 / 365 = 40.687 → 40.69
    assert_eq!(private.totals.interest.to_string(), "40.69");

    let company = run(&dossier("company"));
    // 3 650 × 2.62 % × 61 / 365 = 15.982 → 15.98
    assert_eq!(company.totals.interest.to_string(), "15.98");
}
