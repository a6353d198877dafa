//! After a judgment (issue 13): the rules at their edges, bad input, and properties.
#![cfg(feature = "judgment")]

mod common;

use chrono::NaiveDate;
use common::run;
use proptest::prelude::*;
use relance_engine::{compute, parse, RateTables};

fn dossier(judgment: &str, extra: &str) -> String {
    format!(
        r#"{{"version": 3, "as_of": "2026-03-31",
            "creditor": {{"name": "Atelier Martin", "kind": "company"}},
            "debtor": {{"name": "Dupont SARL", "kind": "professional"}},
            "invoices": [{{"number": "F-1", "due": "2024-07-03", "amount": "12000.00"}}],
            "judgment": {judgment}{extra}}}"#
    )
}

fn errors(json: &str) -> Vec<String> {
    match parse::dossier(json) {
        Ok(_) => Vec::new(),
        Err(e) => e.iter().map(|e| e.path.clone()).collect(),
    }
}

/// Served before the judgment, no principal, a negative sum, a judgment in a version-2 file:
/// each named by its field.
#[test]
fn bad_judgments_are_named_by_field() {
    let served_early = r#"{"date": "2025-03-10", "served": "2025-03-01", "principal": "100"}"#;
    assert_eq!(errors(&dossier(served_early, "")), ["judgment.served"]);
    assert_eq!(
        errors(&dossier(r#"{"date": "2025-03-10"}"#, "")),
        ["judgment.principal"]
    );
    let negative = r#"{"date": "2025-03-10", "principal": "100", "costs": "-5"}"#;
    assert_eq!(errors(&dossier(negative, "")), ["judgment.costs"]);
    let v2 = dossier(r#"{"date": "2025-03-10", "principal": "100"}"#, "")
        .replace("\"version\": 3", "\"version\": 2");
    assert_eq!(errors(&v2), ["judgment"]);
}

/// The increase runs from the day after two months counted from service: served on 31
/// December, from 1 March (28 February is the last day of the second month).
#[test]
fn the_increase_starts_after_two_months_counted_from_service() {
    let c = run(&dossier(
        r#"{"date": "2024-12-20", "served": "2024-12-31", "principal": "1000"}"#,
        "",
    ));
    let j = c.judgment.unwrap();
    assert_eq!(j.increase_from, NaiveDate::from_ymd_opt(2025, 3, 1));
    let cut: Vec<String> = j
        .segments
        .iter()
        .map(|s| format!("{} {}", s.from, s.rate.percent))
        .collect();
    assert_eq!(cut[..2], ["2024-12-21 4.92", "2025-01-01 3.71"]);
    assert_eq!(cut[2], "2025-03-01 8.71");
}

fn judged(served: Option<u32>, paid: Option<(u32, u32)>) -> String {
    let day = |n: u32| {
        NaiveDate::from_ymd_opt(2025, 3, 10)
            .and_then(|d| d.checked_add_days(chrono::Days::new(u64::from(n))))
            .map_or(String::new(), |d| d.to_string())
    };
    let served = served.map_or(String::new(), |s| format!(r#", "served": "{}""#, day(s)));
    let payments = paid.map_or(String::new(), |(d, a)| {
        format!(
            r#", "payments": [{{"date": "{}", "amount": "{a}"}}]"#,
            day(d)
        )
    });
    dossier(
        &format!(
            r#"{{"date": "2025-03-10"{served}, "principal": "12000", "interest_awarded": "850", "article_700": "1500", "costs": "120.50"}}"#
        ),
        &payments,
    )
}

proptest! {
    /// C. mon. fin. L313-3 only ever adds: served or not, whatever the payment, the total owed
    /// with the increase is at least that without; and it is the sum of what it says is owed.
    #[test]
    fn the_increase_never_lowers_what_is_owed(
        served in 0u32..300,
        paid in proptest::option::of((1u32..380, 1u32..20000)),
    ) {
        let tables = RateTables::builtin();
        let as_of = NaiveDate::from_ymd_opt(2026, 3, 31).unwrap();
        let with = parse::dossier(&judged(Some(served), paid)).unwrap();
        let without = parse::dossier(&judged(None, paid)).unwrap();
        let (a, b) = (compute(&with, as_of, &tables), compute(&without, as_of, &tables));
        prop_assert!(a.totals.total >= b.totals.total, "{} < {}", a.totals.total, b.totals.total);
        let t = &a.totals;
        prop_assert_eq!(t.total, t.principal + t.interest + t.extra_costs);
        let j = a.judgment.unwrap();
        let sum: rust_decimal::Decimal = j.segments.iter().map(|s| s.interest).sum();
        prop_assert_eq!(sum, j.interest_accrued);
    }
}

/// Found in review: rates the user entered count after a judgment too (and are named); a
/// judgment dated after the calculation date counts for nothing yet; a payment after it is
/// said, not silently dropped.
#[test]
fn a_judgment_meets_entered_rates_future_dates_and_late_payments() {
    let rates = r#", "rates": {"legal": [{"semester": "2027-1", "particuliers": "9", "autres_cas": "9.99", "source": "arrêté"}]}"#;
    let json = dossier(r#"{"date": "2025-03-10", "principal": "1000"}"#, rates)
        .replace("2026-03-31", "2027-03-31");
    let c = run(&json);
    let j = c.judgment.as_ref().unwrap();
    let last = j.segments.last().unwrap();
    assert_eq!(last.rate.percent.to_string(), "9.99");
    assert_eq!(last.rate.status.code(), "user");
    let codes: Vec<&str> = c.notices.iter().map(|n| n.code()).collect();
    assert!(codes.contains(&"user_rate"), "{codes:?}");

    let future = run(&dossier(
        r#"{"date": "2026-06-10", "principal": "1000"}"#,
        "",
    ));
    assert!(future.judgment.is_none());
    let codes: Vec<&str> = future.notices.iter().map(|n| n.code()).collect();
    assert!(codes.contains(&"judgment_after_as_of"), "{codes:?}");

    let later = r#", "payments": [{"date": "2026-05-01", "amount": "100"}]"#;
    let c = run(&dossier(
        r#"{"date": "2025-03-10", "principal": "1000"}"#,
        later,
    ));
    let codes: Vec<&str> = c.notices.iter().map(|n| n.code()).collect();
    assert!(codes.contains(&"payment_after_as_of"), "{codes:?}");
}

/// CPCE L111-4: 10 years to enforce a judgment, said from 183 days before its last day; C. civ.
/// 2224: interest more than 5 years old is said to be prescribed.
#[test]
fn an_old_judgment_says_its_last_day_and_its_prescribed_interest() {
    let old = dossier(r#"{"date": "2016-03-01", "principal": "1000"}"#, "")
        .replace("2026-03-31", "2026-01-15");
    let c = run(&old);
    let said: Vec<String> = c
        .notices
        .iter()
        .filter(|n| n.code().starts_with("judgment_"))
        .map(|n| n.message())
        .collect();
    assert_eq!(said.len(), 2, "{said:?}");
    assert!(said[0].contains("jusqu'au 01/03/2026"), "{said:?}");
    assert!(said[1].contains("échus avant le 15/01/2021"), "{said:?}");
    let recent = run(&dossier(
        r#"{"date": "2025-03-10", "principal": "1000"}"#,
        "",
    ));
    assert!(recent
        .notices
        .iter()
        .all(|n| !n.code().starts_with("judgment_")));
}

/// CPCE L111-4's ten years run from the day the decision is enforceable, no earlier than its
/// service: a decision served two months after its date is still enforceable on the day ten
/// years after its date.
#[test]
fn the_ten_years_to_enforce_count_from_service() {
    let served = |as_of: &str| {
        run(&dossier(
            r#"{"date": "2016-03-01", "served": "2016-05-02", "principal": "1000"}"#,
            "",
        )
        .replace("2026-03-31", as_of))
        .notices
        .iter()
        .filter(|n| n.code() == "judgment_enforcement")
        .map(|n| n.message())
        .collect::<Vec<String>>()
    };
    let said = served("2026-03-15");
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].contains("jusqu'au 02/05/2026 au moins"), "{said:?}");
    let said = served("2026-05-03");
    assert!(
        said[0].contains("semble écoulé depuis le 02/05/2026"),
        "{said:?}"
    );
}
