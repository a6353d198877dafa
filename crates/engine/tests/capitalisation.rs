//! Capitalisation of interest (C. civ. 1343-2, issue 13): on each anniversary of
//! `options.capitalisation_from` the interest still owed joins the base. The golden case
//! (`golden/capitalisation.json`, checked by `golden/capitalisation_check.py`) is in
//! `golden.rs`; here: bad input, the consumer's notice, and properties.
#![cfg(feature = "judgment")]

use chrono::NaiveDate;
use proptest::prelude::*;
use relance_engine::{compute, parse, Notice, RateTables};
use rust_decimal::Decimal;

fn dossier(options: &str, payments: &str, debtor: &str) -> String {
    format!(
        r#"{{"version": 3, "as_of": "2026-06-30",
            "creditor": {{"name": "Atelier Numérique", "kind": "company"}},
            "debtor": {{"name": "Boulangeries Martin", "kind": "{debtor}"}},
            "invoices": [{{"number": "F-1", "due": "2022-12-31", "amount": "10000.00"}}],
            "payments": [{payments}],
            "options": {{"formal_notice_date": "2023-01-10"{options}}}}}"#
    )
}

fn errors(json: &str) -> Vec<String> {
    match parse::dossier(json) {
        Ok(_) => Vec::new(),
        Err(e) => e.iter().map(|e| e.path.clone()).collect(),
    }
}

fn total(json: &str) -> Decimal {
    let d = parse::dossier(json).unwrap_or_else(|e| panic!("{e:?}"));
    compute(&d, d.as_of.unwrap_or_default(), &RateTables::builtin())
        .totals
        .total
}

#[test]
fn capitalisation_after_the_calculation_date_or_in_an_old_file_is_named() {
    let late = dossier(
        r#", "capitalisation_from": "2026-07-01""#,
        "",
        "professional",
    );
    assert_eq!(errors(&late), ["options.capitalisation_from"]);
    let old = late
        .replace(r#""version": 3"#, r#""version": 2"#)
        .replace("2026-07-01", "2024-01-01");
    assert_eq!(errors(&old), ["options.capitalisation_from"]);
    let bad = dossier(r#", "capitalisation_from": "hier""#, "", "professional");
    assert_eq!(errors(&bad), ["options.capitalisation_from"]);
}

#[test]
fn against_a_consumer_it_is_said() {
    let json = dossier(r#", "capitalisation_from": "2023-06-01""#, "", "consumer");
    let d = parse::dossier(&json).unwrap_or_else(|e| panic!("{e:?}"));
    let c = compute(&d, d.as_of.unwrap_or_default(), &RateTables::builtin());
    assert!(c.notices.contains(&Notice::CapitalisationConsumer));
    assert_eq!(c.invoices[0].capitalisations.len(), 3);
    let none = compute(
        &parse::dossier(&dossier("", "", "consumer")).unwrap_or_else(|e| panic!("{e:?}")),
        d.as_of.unwrap_or_default(),
        &RateTables::builtin(),
    );
    assert!(!none.notices.contains(&Notice::CapitalisationConsumer));
}

#[test]
fn payments_go_to_simple_interest_then_capitalised_then_principal() {
    // 16 % from 1 January 2023; capitalised on 1 March 2024 (1 863,01 €), paid 2 000 € on
    // 1 April 2024: the simple interest since (a month) first, the rest to the capitalised.
    let json = dossier(
        r#", "rate": {"kind": "contractual", "percent": "16"}, "capitalisation_from": "2023-03-01""#,
        r#"{"date": "2024-04-01", "amount": "2000.00"}"#,
        "professional",
    );
    let d = parse::dossier(&json).unwrap_or_else(|e| panic!("{e:?}"));
    let c = compute(&d, d.as_of.unwrap_or_default(), &RateTables::builtin());
    let inv = &c.invoices[0];
    assert_eq!(inv.capitalisations[0].amount.to_string(), "1863.01");
    assert_eq!(inv.payments[0].to_principal, Decimal::ZERO);
    // After the payment, the base is the principal and what is left of the capitalised sum.
    let after = inv
        .segments
        .iter()
        .find(|s| s.from == NaiveDate::from_ymd_opt(2024, 4, 2).unwrap_or_default())
        .unwrap_or_else(|| panic!("no segment after the payment"));
    let simple_since: Decimal = inv
        .segments
        .iter()
        .filter(|s| s.from >= NaiveDate::from_ymd_opt(2024, 3, 1).unwrap_or_default())
        .filter(|s| s.to <= NaiveDate::from_ymd_opt(2024, 4, 1).unwrap_or_default())
        .map(|s| s.interest)
        .sum();
    let to_capitalised = Decimal::from(2000) - simple_since;
    assert_eq!(
        after.base,
        Decimal::from(10_000) + dec("1863.01") - to_capitalised
    );
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap_or_default()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// A payment the day before an anniversary or on it changes nothing before that day:
    /// the same periods, the same capitalisations; and the total only by what one day's
    /// order can make of the same money.
    #[test]
    fn a_payments_place_around_an_anniversary_changes_only_what_follows(
        years in 1u32..4,
        paid in 1u32..6_000,
        percent in 9u32..30,
    ) {
        let from = NaiveDate::from_ymd_opt(2023, 3, 1).unwrap_or_default();
        let anniversary = relance_engine::law::capitalisation::anniversary(from, years)
            .unwrap_or_default();
        let before = anniversary.pred_opt().unwrap_or_default();
        let run = |day: NaiveDate| {
            let json = dossier(
                &format!(r#", "rate": {{"kind": "contractual", "percent": "{percent}"}}, "capitalisation_from": "{from}""#),
                &format!(r#"{{"date": "{day}", "amount": "{paid}"}}"#),
                "professional",
            );
            let d = parse::dossier(&json).unwrap_or_else(|e| panic!("{e:?}"));
            compute(&d, d.as_of.unwrap_or_default(), &RateTables::builtin())
        };
        let (early, late) = (run(before), run(anniversary));
        let (a, b) = (&early.invoices[0], &late.invoices[0]);
        let settled = |i: &relance_engine::InvoiceResult| {
            i.segments.iter().filter(|s| s.to < before).cloned().collect::<Vec<_>>()
        };
        prop_assert_eq!(settled(a), settled(b));
        let earlier = |i: &relance_engine::InvoiceResult| {
            i.capitalisations.iter().filter(|c| c.date < anniversary).cloned().collect::<Vec<_>>()
        };
        prop_assert_eq!(earlier(a), earlier(b));
        // Paid a day later, after the capitalisation: never less owed.
        prop_assert!(late.totals.total >= early.totals.total);
    }

    /// Capitalisation never lowers what is owed, wherever the payment falls.
    #[test]
    fn capitalisation_never_lowers_what_is_owed(
        from_days in 0u64..1200,
        paid_days in 0u64..1260,
        paid in 1u32..15_000,
        debtor in prop_oneof![Just("professional"), Just("consumer")],
    ) {
        let start = NaiveDate::from_ymd_opt(2023, 1, 1).unwrap_or_default();
        let from = start + chrono::Days::new(from_days);
        let on = start + chrono::Days::new(paid_days);
        let payment = format!(r#"{{"date": "{on}", "amount": "{paid}"}}"#);
        let with = dossier(&format!(r#", "capitalisation_from": "{from}""#), &payment, debtor);
        let without = dossier("", &payment, debtor);
        prop_assert!(total(&with) >= total(&without));
    }
}

fn judged(capitalisation_from: &str, awarded: &str) -> relance_engine::Computation {
    let json = format!(
        r#"{{"version": 3, "as_of": "2026-06-30",
            "creditor": {{"name": "Atelier Martin", "kind": "company"}},
            "debtor": {{"name": "Dupont SARL", "kind": "professional"}},
            "invoices": [{{"number": "F-1", "due": "2024-07-03", "amount": "12000.00"}}],
            "judgment": {{"date": "2025-03-10", "principal": "12000.00", "interest_awarded": "{awarded}"}},
            "options": {{"capitalisation_from": "{capitalisation_from}"}}}}"#
    );
    let d = parse::dossier(&json).unwrap_or_else(|e| panic!("{e:?}"));
    compute(&d, d.as_of.unwrap_or_default(), &RateTables::builtin())
}

fn events(dates_amounts: &[relance_engine::compute::Capitalised]) -> Vec<String> {
    dates_amounts
        .iter()
        .map(|c| format!("{} {}", c.date, c.amount))
        .collect()
}

/// Nothing owed on an anniversary, nothing capitalised: before the invoice bears interest, or
/// the day after a judgment that awarded none. On the judgment's own day, what it awarded is
/// owed, and joins the base.
#[test]
fn an_anniversary_with_nothing_owed_capitalises_nothing() {
    let json = dossier(
        r#", "rate": {"kind": "contractual", "percent": "16"}, "capitalisation_from": "2020-06-01""#,
        "",
        "professional",
    );
    let d = parse::dossier(&json).unwrap_or_else(|e| panic!("{e:?}"));
    let c = compute(&d, d.as_of.unwrap_or_default(), &RateTables::builtin());
    let dates: Vec<String> = c.invoices[0]
        .capitalisations
        .iter()
        .map(|e| e.date.to_string())
        .collect();
    assert_eq!(
        dates,
        ["2023-06-01", "2024-06-01", "2025-06-01", "2026-06-01"]
    );
    let r = judged("2024-03-11", "0")
        .judgment
        .unwrap_or_else(|| panic!("no account"));
    assert_eq!(
        r.capitalisations
            .first()
            .map(|e| e.date.to_string())
            .as_deref(),
        Some("2026-03-11")
    );
    let r = judged("2024-03-10", "600.00")
        .judgment
        .unwrap_or_else(|| panic!("no account"));
    assert_eq!(events(&r.capitalisations)[0], "2025-03-10 600.00");
}

/// Capitalisation from the calculation date itself is not after it.
#[test]
fn capitalisation_from_the_calculation_date_is_accepted() {
    let same = dossier(
        r#", "capitalisation_from": "2026-06-30""#,
        "",
        "professional",
    );
    assert_eq!(errors(&same), Vec::<String>::new());
}

/// The judgment's court and number are written back only when given.
#[test]
fn a_judgments_court_and_number_are_kept() {
    let with = r#"{"version": 3, "as_of": "2026-03-31",
        "creditor": {"name": "A", "kind": "company"}, "debtor": {"name": "B", "kind": "professional"},
        "invoices": [{"number": "F-1", "due": "2024-07-03", "amount": "100.00"}],
        "judgment": {"date": "2025-03-10", "principal": "100.00", "court": "Tribunal de commerce de Lyon", "reference": "RG 25/1"}}"#;
    let d = parse::dossier(with).unwrap_or_else(|e| panic!("{e:?}"));
    let text = d.to_json();
    assert!(
        text.contains("\"court\": \"Tribunal de commerce de Lyon\""),
        "{text}"
    );
    assert_eq!(parse::dossier(&text).ok(), Some(d));
    let without = with.replace(
        r#", "court": "Tribunal de commerce de Lyon", "reference": "RG 25/1""#,
        "",
    );
    let text = parse::dossier(&without)
        .unwrap_or_else(|e| panic!("{e:?}"))
        .to_json();
    assert!(
        !text.contains("\"court\"") && !text.contains("\"reference\""),
        "{text}"
    );
}
