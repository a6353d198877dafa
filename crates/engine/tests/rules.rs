//! One small dossier per rule, at its edges: the day a rule starts or stops, the creditor or
//! debtor it depends on, the amount where it switches. Each test names the rule it pins, so a
//! change that breaks the rule breaks the test (`cargo xtask mutants` checks that they do).

mod common;

use common::run;
use relance_engine::{Computation, InvoiceResult, Notice};

/// Whether the computation carries the notice `code`; fails naming the notices it has.
#[track_caller]
fn assert_notice(c: &Computation, code: &str, expected: bool) {
    let codes: Vec<&str> = c.notices.iter().map(Notice::code).collect();
    assert_eq!(codes.contains(&code), expected, "{code} in {codes:?}");
}

/// Each payment an invoice received: date, part to interest, part to principal.
fn splits(inv: &InvoiceResult) -> Vec<String> {
    inv.payments
        .iter()
        .map(|p| format!("{} {} {}", p.date, p.to_interest, p.to_principal))
        .collect()
}

/// A dossier with one invoice (`invoice`: its fields after the number) between a creditor and
/// a debtor of the given kinds, and what `extra` adds (payments, options…).
fn dossier(as_of: &str, kinds: (&str, &str), invoice: &str, extra: &str) -> String {
    let (creditor, debtor) = kinds;
    format!(
        r#"{{"version": 2, "as_of": "{as_of}",
            "creditor": {{"name": "Atelier Martin", "kind": "{creditor}"}},
            "debtor": {{"name": "Dupont", "kind": "{debtor}"}},
            "invoices": [{{"number": "F-1", {invoice}}}]{extra}}}"#
    )
}

const B2B: (&str, &str) = ("company", "professional");
const B2C: (&str, &str) = ("company", "consumer");

/// Between traders: one invoice due `due` of `amount`.
fn b2b(as_of: &str, due: &str, amount: &str, extra: &str) -> String {
    let invoice = format!(r#""due": "{due}", "amount": "{amount}""#);
    dossier(as_of, B2B, &invoice, extra)
}

/// A payment made on the calculation date itself counts; only later ones are set aside.
#[test]
fn a_payment_on_the_calculation_date_is_applied() {
    let paid_on_31_march = |as_of: &str| {
        let payment = r#", "payments": [{"date": "2026-03-31", "amount": "1000.00"}]"#;
        run(&b2b(as_of, "2026-01-31", "1000.00", payment))
    };
    let c = paid_on_31_march("2026-03-31");
    // 1 Feb – 31 Mar 2026: 1 000 × 12.15 % × 59 / 365 = 19.64 of penalties, paid first
    // (C. civ. 1343-1), so 19.64 of principal is left.
    assert_eq!(c.totals.principal.to_string(), "19.64");
    assert_notice(&c, "payment_after_as_of", false);

    let c = paid_on_31_march("2026-03-30");
    assert_eq!(c.totals.principal.to_string(), "1000.00");
    assert_notice(&c, "payment_after_as_of", true);
}

/// C. civ. 1231-6 / C. mon. fin. L313-2: a private individual's claim on a consumer bears the
/// « particuliers » legal rate (6.67 % in 2026 S1); any other creditor's, « autres cas » (2.62 %).
#[test]
fn a_private_creditor_gets_the_particuliers_legal_rate() {
    let dossier = |creditor_kind: &str| {
        dossier(
            "2026-05-31",
            (creditor_kind, "consumer"),
            r#""due": "2026-01-15", "amount": "3650.00""#,
            r#", "options": {"formal_notice_date": "2026-03-31"}"#,
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

/// C. civ. 1343-1: a partial payment goes to interest first, the rest to principal.
#[test]
fn a_partial_payment_pays_interest_then_principal() {
    let c = run(&b2b(
        "2026-03-31",
        "2026-01-31",
        "1000.00",
        r#", "payments": [{"date": "2026-03-31", "amount": "100.00"}]"#,
    ));
    let inv = &c.invoices[0];
    // 19.64 of penalties (1 000 × 12.15 % × 59 / 365), then 80.36 of principal.
    assert_eq!(splits(inv), ["2026-03-31 19.64 80.36"]);
    assert_eq!(inv.principal.to_string(), "919.64");
    assert_eq!(inv.interest.to_string(), "0.00");
}

/// With « principal d'abord » chosen, a payment pays all principal, then interest; what is
/// left of the interest is paid by the next payment, not lost.
#[test]
fn principal_first_then_the_interest_left_is_paid_by_the_next_payment() {
    let c = run(&b2b(
        "2026-04-30",
        "2026-01-31",
        "1000.00",
        r#", "payments": [{"date": "2026-03-31", "amount": "1010.00"},
                          {"date": "2026-04-30", "amount": "9.64"}],
            "options": {"imputation": "principal_first"}"#,
    ));
    let inv = &c.invoices[0];
    let split = splits(inv);
    // 19.64 accrued by 31 March (1 000 × 12.15 % × 59 / 365): 10.00 paid then, 9.64 on 30 April.
    assert_eq!(
        split,
        [
            "2026-03-31 0 1000.00",
            "2026-03-31 10.00 0.00",
            "2026-04-30 9.64 0.00"
        ]
    );
    assert_eq!(inv.interest.to_string(), "0.00");
    assert_notice(&c, "unallocated_payment", false);
}

/// A payment that names its invoice goes there first, in the order chosen: principal first
/// pays all 1 000 € of principal, then 10 € of the 19.64 € of penalties.
#[test]
fn a_payment_naming_its_invoice_pays_principal_first_when_so_chosen() {
    let c = run(&b2b(
        "2026-03-31",
        "2026-01-31",
        "1000.00",
        r#", "payments": [{"date": "2026-03-31", "amount": "1010.00", "invoice": "F-1"}],
            "options": {"imputation": "principal_first"}"#,
    ));
    let inv = &c.invoices[0];
    assert_eq!(splits(inv), ["2026-03-31 10.00 1000.00"]);
    assert_eq!(inv.interest.to_string(), "9.64");
}

/// A payment split evenly between interest and principal is applied like any other:
/// 39.28 € = 19.64 € of penalties + 19.64 € of principal.
#[test]
fn a_payment_half_interest_half_principal_is_applied() {
    let c = run(&b2b(
        "2026-03-31",
        "2026-01-31",
        "1000.00",
        r#", "payments": [{"date": "2026-03-31", "amount": "39.28"}]"#,
    ));
    assert_eq!(c.invoices[0].principal.to_string(), "980.36");
    assert_notice(&c, "unallocated_payment", false);
}

/// Nothing accrues by the day when no interest runs: a consumer never put on notice
/// (C. civ. 1231-6), or an invoice not yet due.
#[test]
fn no_daily_accrual_when_no_interest_runs() {
    let consumer = run(&dossier(
        "2026-05-31",
        B2C,
        r#""due": "2026-01-15", "amount": "3650.00""#,
        "",
    ));
    assert_eq!(consumer.daily_accrual.to_string(), "0.00");
    assert_eq!(consumer.totals.interest.to_string(), "0.00");

    let not_yet_due = run(&b2b("2026-01-31", "2026-01-31", "3650.00", ""));
    assert_eq!(not_yet_due.daily_accrual.to_string(), "0.00");
    // From the day after: 3 650 × 12.15 % / 365 = 1.215 → 1.22 a day.
    let due = run(&b2b("2026-02-01", "2026-01-31", "3650.00", ""));
    assert_eq!(due.daily_accrual.to_string(), "1.22");
    // And that first day is owed: one day of penalties, 1.22.
    assert_eq!(due.totals.interest.to_string(), "1.22");
}

/// A consumer's invoice of 3 650 € due 15 January 2026, computed on 31 May 2026, with a formal
/// notice dated `notice`.
fn consumer_noticed(notice: &str) -> Computation {
    run(&dossier(
        "2026-05-31",
        B2C,
        r#""due": "2026-01-15", "amount": "3650.00""#,
        &format!(r#", "options": {{"formal_notice_date": "{notice}"}}"#),
    ))
}

/// Why no interest yet, said: an invoice due on the calculation date or later (not the day
/// before); a consumer's formal notice dated after it (C. civ. 1231-6), not on it.
#[test]
fn a_total_without_interest_says_why() {
    assert_notice(
        &run(&b2b("2026-01-31", "2026-01-31", "10", "")),
        "not_yet_due",
        true,
    );
    assert_notice(
        &run(&b2b("2026-01-30", "2026-01-31", "10", "")),
        "not_yet_due",
        true,
    );
    assert_notice(
        &run(&b2b("2026-02-01", "2026-01-31", "10", "")),
        "not_yet_due",
        false,
    );
    let later = consumer_noticed("2026-06-01");
    assert_notice(&later, "formal_notice_after_as_of", true);
    assert_eq!(later.totals.interest.to_string(), "0.00");
    assert_notice(
        &consumer_noticed("2026-05-31"),
        "formal_notice_after_as_of",
        false,
    );
    // Between traders the notice date changes nothing: no such notice.
    let traders = run(&b2b(
        "2026-05-31",
        "2026-01-15",
        "10",
        r#", "options": {"formal_notice_date": "2026-06-01"}"#,
    ));
    assert_notice(&traders, "formal_notice_after_as_of", false);
}

/// C. civ. 1305-2 and 1344: a consumer's formal notice dated before the due date demands what
/// cannot yet be demanded, so no interest runs, and the notice says why; one dated on the due
/// date does put the debtor in default.
#[test]
fn a_formal_notice_before_the_due_date_has_no_effect() {
    let early = consumer_noticed("2026-01-14");
    assert_notice(&early, "formal_notice_before_due", true);
    assert_eq!(early.totals.interest.to_string(), "0.00");
    assert!(early.invoices.iter().all(|i| i.accrual_start.is_none()));
    let on_due = consumer_noticed("2026-01-15");
    assert_notice(&on_due, "formal_notice_before_due", false);
    assert!(on_due.totals.interest > rust_decimal::Decimal::ZERO);
    // Between traders the notice date changes nothing.
    let traders = run(&b2b(
        "2026-05-31",
        "2026-01-15",
        "10",
        r#", "options": {"formal_notice_date": "2026-01-01"}"#,
    ));
    assert_notice(&traders, "formal_notice_before_due", false);
}

/// D441-5: the 40 € indemnity is owed for an invoice not fully paid on its due date; not on
/// the due date itself, not for one paid by then (in part or with a credit note), and not for
/// terms that started before 1 January 2013.
#[test]
fn the_recovery_indemnity_starts_the_day_after_the_due_date_for_what_was_unpaid_then() {
    let indemnity = |as_of: &str, extra: &str| run(&b2b(as_of, "2026-01-31", "1000.00", extra));
    assert_eq!(
        indemnity("2026-01-31", "").totals.indemnities.to_string(),
        "0.00"
    );
    assert_eq!(
        indemnity("2026-02-01", "").totals.indemnities.to_string(),
        "40.00"
    );

    let paid_on_time = r#", "payments": [{"date": "2026-01-31", "amount": "1000.00"}]"#;
    assert_eq!(
        indemnity("2026-03-31", paid_on_time)
            .totals
            .indemnities
            .to_string(),
        "0.00"
    );
    let credited =
        r#", "credit_notes": [{"date": "2026-01-20", "amount": "1000.00", "invoice": "F-1"}]"#;
    assert_eq!(
        indemnity("2026-03-31", credited)
            .totals
            .indemnities
            .to_string(),
        "0.00"
    );
    let paid_late = r#", "payments": [{"date": "2026-02-01", "amount": "1000.00"}]"#;
    assert_eq!(
        indemnity("2026-03-31", paid_late)
            .totals
            .indemnities
            .to_string(),
        "40.00"
    );

    let issued = |date: &str| {
        let invoice = format!(r#""issued": "{date}", "due": "2014-01-31", "amount": "1000.00""#);
        run(&dossier("2014-06-30", B2B, &invoice, ""))
    };
    let on_the_first_day = issued("2013-01-01");
    assert_eq!(on_the_first_day.totals.indemnities.to_string(), "40.00");
    assert_notice(&on_the_first_day, "indemnity_before_2013", false);
    let before = issued("2012-12-31");
    assert_eq!(before.totals.indemnities.to_string(), "0.00");
    assert_notice(&before, "indemnity_before_2013", true);
    let long_before = issued("2012-06-01");
    assert_eq!(long_before.totals.indemnities.to_string(), "0.00");
}

/// C. com. L441-10: a contractual rate may equal three times the legal rate; below it the
/// reader is told (2026 S1: 3 × 2.62 % = 7.86 %).
#[test]
fn a_contractual_rate_at_the_floor_is_accepted_and_below_it_is_flagged() {
    let with_rate = |rate: &str| {
        run(&b2b(
            "2026-03-31",
            "2026-01-31",
            "1000.00",
            &format!(r#", "options": {{"rate": {{"kind": "contractual", "percent": "{rate}"}}}}"#),
        ))
    };
    assert_notice(&with_rate("7.86"), "contractual_rate_below_floor", false);
    assert_notice(&with_rate("7.85"), "contractual_rate_below_floor", true);
}

/// Between traders, format version 3: one invoice due `due` of `amount` at a contractual
/// `rate`, with `below_floor` (`None`: the key left out) and the other `options`.
fn contractual(
    as_of: &str,
    due: &str,
    amount: &str,
    rate: &str,
    below_floor: Option<&str>,
    options: &str,
) -> String {
    let below_floor = below_floor
        .map(|b| format!(r#", "below_floor": "{b}""#))
        .unwrap_or_default();
    let extra = format!(
        r#", "options": {{"rate": {{"kind": "contractual", "percent": "{rate}"{below_floor}}}{options}}}"#
    );
    b2b(as_of, due, amount, &extra).replace(r#""version": 2"#, r#""version": 3"#)
}

/// Each segment as `from to rate interest`.
fn segments(c: &Computation) -> Vec<String> {
    c.invoices
        .iter()
        .flat_map(|i| &i.segments)
        .map(|s| {
            format!(
                "{} {} {} {}",
                s.from,
                s.to,
                s.rate.percent.normalize(),
                s.interest
            )
        })
        .collect()
}

/// C. com. L441-10 floor (2026 S1: 3 × 2.62 % = 7.86 %), at its edge, with each choice: a
/// clause at the floor stands whatever the choice; 0.01 point below it, the floor, the clause
/// with a notice, or ECB + 10 points (2.15 + 10 = 12.15 %) apply, and so does the daily
/// accrual. 100 000 € from 1 February to 31 March 2026 (59 days):
///   × 7.86 % × 59 / 365 = 1 270.520… → 1 270.52, per day 21.534… → 21.53
///   × 7.85 % × 59 / 365 = 1 268.904… → 1 268.90, per day 21.506… → 21.51
///   × 12.15 % × 59 / 365 = 1 963.972… → 1 963.97, per day 33.287… → 33.29
#[test]
fn a_contractual_rate_below_the_floor_gives_way_as_chosen_and_at_the_floor_stands() {
    let run_with = |rate: &str, below_floor: &str| {
        run(&contractual(
            "2026-03-31",
            "2026-01-31",
            "100000.00",
            rate,
            Some(below_floor),
            "",
        ))
    };
    let figures = |c: &Computation| {
        let codes: Vec<&str> = c.notices.iter().map(Notice::code).collect();
        (segments(c), c.daily_accrual.to_string(), codes.join(" "))
    };
    for below_floor in ["floor", "contractual", "default"] {
        assert_eq!(
            figures(&run_with("7.86", below_floor)),
            (
                vec!["2026-02-01 2026-03-31 7.86 1270.52".to_owned()],
                "21.53".to_owned(),
                String::new()
            ),
            "{below_floor}"
        );
    }
    assert_eq!(
        figures(&run_with("7.85", "floor")),
        (
            vec!["2026-02-01 2026-03-31 7.86 1270.52".to_owned()],
            "21.53".to_owned(),
            "contractual_rate_raised_to_floor".to_owned()
        )
    );
    assert_eq!(
        figures(&run_with("7.85", "contractual")),
        (
            vec!["2026-02-01 2026-03-31 7.85 1268.90".to_owned()],
            "21.51".to_owned(),
            "contractual_rate_below_floor".to_owned()
        )
    );
    assert_eq!(
        figures(&run_with("7.85", "default")),
        (
            vec!["2026-02-01 2026-03-31 12.15 1963.97".to_owned()],
            "33.29".to_owned(),
            "contractual_rate_replaced_by_default".to_owned()
        )
    );
    // Format version 3 without the key: the floor; version 2: the clause, as it always was.
    let unsaid = contractual("2026-03-31", "2026-01-31", "100000.00", "7.85", None, "");
    assert_eq!(
        segments(&run(&unsaid)),
        ["2026-02-01 2026-03-31 7.86 1270.52"]
    );
    let v2 = unsaid.replace(r#""version": 3"#, r#""version": 2"#);
    assert_eq!(segments(&run(&v2)), ["2026-02-01 2026-03-31 7.85 1268.90"]);
}

/// C. com. L441-10 before 2013: the default rate follows each ECB move, so a clause of 1 %
/// below the 2011 floor (3 × 0.38 % = 1.14 %) replaced by ECB + 10 points changes rate on 13
/// April, 13 July, 9 November and 14 December 2011 as well as on 1 July. 10 000 €:
///   × 11.00 % ×  12 / 365 =  36.164… →  36.16   (1 – 12 Apr)
///   × 11.25 % ×  79 / 365 = 243.493… → 243.49   (13 Apr – 30 Jun)
///   × 11.25 % ×  12 / 365 =  36.986… →  36.99   (1 – 12 Jul)
///   × 11.50 % × 119 / 365 = 374.931… → 374.93   (13 Jul – 8 Nov)
///   × 11.25 % ×  35 / 365 = 107.876… → 107.88   (9 Nov – 13 Dec)
///   × 11.00 % ×  18 / 365 =  54.246… →  54.25   (14 – 31 Dec)
#[test]
fn the_default_rate_replacing_a_clause_before_2013_follows_each_ecb_move() {
    let c = run(&contractual(
        "2011-12-31",
        "2011-03-31",
        "10000.00",
        "1",
        Some("default"),
        "",
    ));
    assert_eq!(
        segments(&c),
        [
            "2011-04-01 2011-04-12 11 36.16",
            "2011-04-13 2011-06-30 11.25 243.49",
            "2011-07-01 2011-07-12 11.25 36.99",
            "2011-07-13 2011-11-08 11.5 374.93",
            "2011-11-09 2011-12-13 11.25 107.88",
            "2011-12-14 2011-12-31 11 54.25",
        ]
    );
    assert_notice(&c, "contractual_rate_replaced_by_default", true);
}

/// With `rate_period: "frozen_at_due_date"`, the default rate that replaces a clause below the
/// floor is the one of the first day of delay: 9.50 % from 4 April 2022 stands until 2023 S2,
/// whose floor is 3 × 4.22 % = 12.66 %; then ECB 0.00 % on 1 January 2022 + 10 points:
///   10 000 × 10.00 % × 184 / 365 = 504.109… → 504.11
#[test]
fn the_default_rate_replacing_a_clause_follows_the_rate_period_option() {
    let c = run(&contractual(
        "2023-12-31",
        "2022-04-03",
        "10000.00",
        "9.5",
        Some("default"),
        r#", "rate_period": "frozen_at_due_date""#,
    ));
    let last = c.invoices[0].segments.last().map(|s| {
        format!(
            "{} {} {}",
            s.from,
            s.interest,
            relance_engine::fr::rate_basis(&s.rate)
        )
    });
    assert_eq!(
        last.as_deref(),
        Some("2023-07-01 504.11 taux contractuel de 9,50 % inférieur au plancher légal de 12,66 % : taux BCE 0,00 % au 01/01/2022 + 10 points (C. com. L441-10)")
    );
    assert_eq!(
        segments(&c)[..3],
        [
            "2022-04-04 2022-06-30 9.5 229.04",
            "2022-07-01 2022-12-31 9.5 478.90",
            "2023-01-01 2023-06-30 9.5 471.10",
        ]
    );
}

/// Where no legal rate gives a floor (days before 2009, when the LME's 3 × did not apply yet)
/// the clause stands, without a notice about it, whatever the choice; beyond the tables the last legal rate (2026 S2, 2.75 %, unverified)
/// gives a provisional floor of 8.25 %, flagged as such. 10 000 € at 8 % then:
///   × 8.25 % × 59 / 365 = 133.356… → 133.36   (1 Feb – 31 Mar 2027)
#[test]
fn the_floor_is_not_applied_without_a_legal_rate_and_is_provisional_beyond_the_tables() {
    for below_floor in ["floor", "default"] {
        let c = run(&contractual(
            "2008-12-31",
            "2008-06-30",
            "10000.00",
            "0.5",
            Some(below_floor),
            "",
        ));
        assert_eq!(
            segments(&c),
            ["2008-07-01 2008-12-31 0.5 25.21"],
            "{below_floor}"
        );
        assert!(
            !c.notices
                .iter()
                .any(|n| n.code().starts_with("contractual_rate")),
            "{below_floor}: {:?}",
            c.notices
        );
    }
    let c = run(&contractual(
        "2027-03-31",
        "2027-01-31",
        "10000.00",
        "8",
        Some("floor"),
        "",
    ));
    assert_eq!(segments(&c), ["2027-02-01 2027-03-31 8.25 133.36"]);
    let rate = &c.invoices[0].segments[0].rate;
    assert!(rate.provisional);
    assert_eq!(
        relance_engine::fr::rate_basis(rate),
        "taux contractuel de 8,00 % porté au plancher de trois fois le taux de l'intérêt légal 2e semestre 2026, 3 × 2,75 % (C. com. L441-10)"
    );
    for code in [
        "contractual_rate_raised_to_floor",
        "provisional_rate",
        "unverified_rate",
    ] {
        assert_notice(&c, code, true);
    }
}

/// C. com. L110-4 / C. conso. L218-2: a claim still owed after 5 years (2 against a consumer)
/// from its due date is flagged; a claim paid off is not, however old.
#[test]
fn prescription_is_flagged_for_what_is_still_owed() {
    // Ten years of penalties on 1 000 € exceed the principal: still owed, flagged.
    let old = run(&b2b("2026-03-31", "2014-01-31", "1000.00", ""));
    assert!(old.totals.interest > old.totals.principal);
    assert_notice(&old, "prescription", true);

    let paid = run(&b2b(
        "2026-03-31",
        "2014-01-31",
        "1000.00",
        r#", "payments": [{"date": "2014-01-31", "amount": "1000.00"}]"#,
    ));
    assert_notice(&paid, "prescription", false);

    // A consumer never put on notice owes no interest, but the principal is still a claim.
    let consumer = run(&dossier(
        "2026-05-31",
        B2C,
        r#""due": "2024-01-15", "amount": "500.00""#,
        "",
    ));
    assert_notice(&consumer, "prescription", true);
}

/// Days with no known rate bear nothing and are reported, one notice per run of such days:
/// a run crossing a semester is one notice, two runs apart are two.
#[test]
fn each_run_of_days_without_a_rate_is_one_notice() {
    use relance_engine::calendar::ymd;
    use relance_engine::rates::{LegalCategory, LegalRow, Status};
    use relance_engine::{compute, parse, RateTables};
    use rust_decimal::Decimal;

    // Only 2020 S1 and 2021 S1 are known (the real « autres cas » rates): 2020 S2 is a gap.
    static LEGAL: [LegalRow; 2] = [
        LegalRow {
            from: ymd(2020, 1, 1),
            to: ymd(2020, 6, 30),
            category: LegalCategory::AutresCas,
            percent: Decimal::from_parts(87, 0, 0, false, 2),
            status: Status::Src,
            source: "test",
        },
        LegalRow {
            from: ymd(2021, 1, 1),
            to: ymd(2021, 6, 30),
            category: LegalCategory::AutresCas,
            percent: Decimal::from_parts(79, 0, 0, false, 2),
            status: Status::Src,
            source: "test",
        },
    ];
    let tables = RateTables {
        legal: &LEGAL,
        ..RateTables::builtin()
    };
    let json = dossier(
        "2021-03-31",
        B2C,
        r#""due": "2019-03-15", "amount": "1000.00""#,
        r#", "options": {"formal_notice_date": "2019-03-31"}"#,
    );
    let dossier = parse::dossier(&json).unwrap_or_else(|e| panic!("{e:?}"));
    let c = compute(&dossier, ymd(2021, 3, 31), &tables);
    let gaps: Vec<String> = c
        .notices
        .iter()
        .filter_map(|n| match n {
            Notice::RateUnavailable { from, to, .. } => Some(format!("{from} {to}")),
            _ => None,
        })
        .collect();
    assert_eq!(gaps, ["2019-04-01 2019-12-31", "2020-07-01 2020-12-31"]);
    let known: Vec<String> = c.invoices[0]
        .segments
        .iter()
        .map(|s| format!("{} {}", s.from, s.to))
        .collect();
    assert_eq!(known, ["2020-01-01 2020-06-30", "2021-01-01 2021-03-31"]);
}

/// Each prescription notice as `invoice last_day status`.
fn prescriptions(c: &Computation) -> Vec<String> {
    c.notices
        .iter()
        .filter_map(|n| match n {
            Notice::Prescription {
                invoice,
                term,
                status,
            } => Some(format!("{invoice} {} {}", term.last_day, status.code())),
            _ => None,
        })
        .collect()
}

/// C. civ. 2228, 2229: a claim due 31 March 2021 (issue date unknown) can still be pursued on
/// 31 March 2026, its last day, not on 1 April; it is flagged "soon" from 183 days before.
#[test]
fn prescription_is_acquired_the_day_after_the_last_day_of_the_term() {
    let on = |as_of: &str| prescriptions(&run(&b2b(as_of, "2021-03-31", "1000.00", "")));
    assert_eq!(on("2025-09-28"), [""; 0]);
    assert_eq!(on("2025-09-29"), ["F-1 2026-03-31 soon"]);
    assert_eq!(on("2026-03-31"), ["F-1 2026-03-31 soon"]);
    assert_eq!(on("2026-04-01"), ["F-1 2026-03-31 prescribed"]);
}

/// The period counts from the issue date when it is known (the service ended by then), else
/// from the due date; 2 years against a consumer (C. conso. L218-2).
#[test]
fn prescription_counts_from_the_issue_date_when_known() {
    let issued = r#""issued": "2021-03-01", "due": "2021-03-31", "amount": "1000.00""#;
    let c = run(&dossier("2026-03-02", B2B, issued, ""));
    assert_eq!(prescriptions(&c), ["F-1 2026-03-01 prescribed"]);
    let consumer = r#""issued": "2024-05-10", "due": "2024-06-09", "amount": "500.00""#;
    let c = run(&dossier("2026-05-10", B2C, consumer, ""));
    assert_eq!(prescriptions(&c), ["F-1 2026-05-10 soon"]);
}

/// C. com. L441-10 I: payment terms may reach 60 days from the invoice or 45 days end of month;
/// a due date beyond the most lenient reading is flagged (10 Jan 2024: 16 March).
#[test]
fn payment_terms_up_to_the_cap_are_lawful_and_beyond_are_flagged() {
    let due = |date: &str| {
        let invoice = format!(r#""issued": "2024-01-10", "due": "{date}", "amount": "1000.00""#);
        run(&dossier("2024-06-30", B2B, &invoice, ""))
    };
    assert_notice(&due("2024-03-16"), "payment_terms_beyond_cap", false);
    assert_notice(&due("2024-03-17"), "payment_terms_beyond_cap", true);
    assert_notice(&due("2024-05-31"), "payment_terms_beyond_cap", true);
}

/// CPCE L111-8: without an enforceable title the extra recovery costs are not claimed from a
/// consumer; a trader is asked for the whole total.
#[test]
fn the_claimable_total_leaves_out_extra_costs_for_a_consumer() {
    let costs = r#", "options": {"extra_costs": "150.00", "formal_notice_date": "2026-02-01"}"#;
    let invoice = r#""due": "2026-01-15", "amount": "1000.00""#;
    let consumer = run(&dossier("2026-03-31", B2C, invoice, costs));
    assert_eq!(consumer.totals.extra_costs.to_string(), "150.00");
    assert_eq!(
        consumer.claimable_without_title(),
        consumer.totals.total - consumer.totals.extra_costs
    );
    let trader = run(&dossier("2026-03-31", B2B, invoice, costs));
    assert_eq!(trader.claimable_without_title(), trader.totals.total);
    assert!(trader.totals.extra_costs > rust_decimal::Decimal::ZERO);
}

/// C. com. L441-10 I: without agreed terms, 30 days, counted from the delivery or the service
/// (the invoice date stands in for it); a consumer is told of an assumption, not of L441-10.
#[test]
fn a_missing_due_date_is_assumed_30_days_after_the_invoice_and_said_per_regime() {
    let invoice = r#""issued": "2024-01-10", "amount": "1000.00""#;
    for (kinds, cites) in [(B2B, true), (B2C, false)] {
        let c = run(&dossier("2024-06-30", kinds, invoice, ""));
        assert_eq!(c.invoices[0].due.to_string(), "2024-02-09");
        let message = c
            .notices
            .iter()
            .find(|n| n.code() == "due_date_assumed")
            .map(Notice::message)
            .unwrap_or_default();
        assert!(
            message.contains("supposé dû le 09/02/2024, 30 jours après la date de la facture"),
            "{message}"
        );
        assert_eq!(message.contains("L441-10"), cites, "{message}");
        assert_eq!(
            message.contains("réception des marchandises ou de l'exécution de la prestation"),
            cites,
            "{message}"
        );
    }
}

/// A version-3 dossier with one debtor of `debtor` kind, the invoices (each a JSON object) and
/// what `extra` adds (payments, acknowledgments, options…).
fn v3(as_of: &str, debtor: &str, invoices: &[&str], extra: &str) -> String {
    format!(
        r#"{{"version": 3, "as_of": "{as_of}",
            "creditor": {{"name": "Atelier Martin", "kind": "company"}},
            "debtor": {{"name": "Commune de Trifouilly", "kind": "{debtor}"}},
            "invoices": [{}]{extra}}}"#,
        invoices.join(", ")
    )
}

/// C. commande publique R2192-31: the ECB rate of 1 January 2025 (3.15 %, from 18 December
/// 2024) + 8 points = 11.15 % for a delay that began on 21 May 2025, kept in the second half
/// of 2025 where L441-10 would re-anchor (2.15 + 10). Segments still split at 1 July and after
/// the payment, which goes to interest first (C. civ. 1343-1); 40 € (D2192-35).
/// 10 000 × 11.15 % × 41 / 365 = 125.25 twice; the payment of 4 000 leaves 6 250.50;
/// 6 250.50 × 11.15 % × 143 / 365 = 273.04.
#[test]
fn a_public_buyer_owes_one_rate_for_the_whole_delay() {
    let c = run(&v3(
        "2025-12-31",
        "public",
        &[r#"{"number": "F-1", "due": "2025-05-20", "amount": "10000.00"}"#],
        r#", "payments": [{"date": "2025-08-10", "amount": "4000.00"}]"#,
    ));
    assert_eq!(
        segments(&c),
        [
            "2025-05-21 2025-06-30 11.15 125.25",
            "2025-07-01 2025-08-10 11.15 125.25",
            "2025-08-11 2025-12-31 11.15 273.04",
        ]
    );
    assert_eq!(splits(&c.invoices[0]), ["2025-08-10 250.50 3749.50"]);
    let t = &c.totals;
    let totals = [t.principal, t.interest, t.indemnities, t.total].map(|d| d.to_string());
    assert_eq!(totals, ["6250.50", "273.04", "40.00", "6563.54"]);
}

/// R2192-31: the semester in which the delay began fixes the rate: 1 January 2026 (ECB
/// 2.15 %) for a delay from 11 June 2026, 1 July 2026 (2.40 %, from 17 June) for one from
/// 21 July; the ECB move of 16 September 2026 changes neither. Before 1 April 2019 (décret
/// n° 2013-269) nothing is computed.
#[test]
fn a_public_rate_is_that_of_the_semester_in_which_the_delay_began() {
    let invoice =
        |due: &str| format!(r#"{{"number": "F-1", "due": "{due}", "amount": "5000.00"}}"#);
    let c = run(&v3("2026-11-30", "public", &[&invoice("2026-06-10")], ""));
    assert_eq!(
        segments(&c),
        [
            "2026-06-11 2026-06-30 10.15 27.81",
            "2026-07-01 2026-11-30 10.15 212.73",
        ]
    );
    let c = run(&v3("2026-11-30", "public", &[&invoice("2026-07-20")], ""));
    assert_eq!(segments(&c), ["2026-07-21 2026-11-30 10.4 189.48"]);
    let c = run(&v3("2019-05-31", "public", &[&invoice("2019-02-28")], ""));
    assert!(c.invoices[0].segments.is_empty());
    assert_notice(&c, "rate_unavailable", true);
}

/// Each invoice's last day to act, as `invoice last_day`.
fn last_days(c: &Computation) -> Vec<String> {
    c.invoices
        .iter()
        .map(|i| match i.prescription {
            Some(t) => format!("{} {}", i.number, t.last_day),
            None => format!("{} -", i.number),
        })
        .collect()
}

/// Prescription runs from the delivery (Cass. com. 26 Feb 2020 n° 18-25.036), else the issue
/// date, else the due date, and starts again at a payment applied to the invoice or a written
/// acknowledgment covering it (C. civ. 2240), never at one made once it had run out. 5 years
/// between traders (L110-4), 2 against a consumer (C. conso. L218-2), 4 from 1 January after
/// against a public buyer (loi n° 68-1250).
#[test]
fn prescription_starts_again_at_a_payment_or_an_acknowledgment() {
    let invoices = [
        r#"{"number": "A", "delivered": "2021-02-10", "issued": "2021-03-01", "due": "2021-03-31", "amount": "1000.00"}"#,
        r#"{"number": "B", "issued": "2021-06-15", "due": "2021-07-15", "amount": "1000.00"}"#,
        r#"{"number": "C", "due": "2021-09-30", "amount": "1000.00"}"#,
        r#"{"number": "D", "delivered": "2015-01-10", "due": "2015-02-10", "amount": "1000.00"}"#,
    ];
    let as_of = "2026-02-11";
    let c = run(&v3(as_of, "professional", &invoices, ""));
    assert_eq!(
        last_days(&c),
        [
            "D 2020-01-10",
            "A 2026-02-10",
            "B 2026-06-15",
            "C 2026-09-30"
        ]
    );
    assert_eq!(
        prescriptions(&c),
        [
            "A 2026-02-10 prescribed",
            "B 2026-06-15 soon",
            "D 2020-01-10 prescribed"
        ]
    );
    // A payment naming B, an acknowledgment of C, one of everything after D had run out.
    let events = r#", "payments": [{"date": "2023-05-05", "amount": "100.00", "invoice": "B"}],
        "acknowledgments": [{"date": "2024-01-10", "invoice": "C"}, {"date": "2021-06-01"}]"#;
    let c = run(&v3(as_of, "professional", &invoices, events));
    assert_eq!(
        last_days(&c),
        [
            "D 2020-01-10",
            "A 2026-06-01",
            "B 2028-05-05",
            "C 2029-01-10"
        ]
    );
    // Events after the calculation date do not count yet.
    let c = run(&v3("2023-05-04", "professional", &invoices, events));
    assert_eq!(
        last_days(&c),
        [
            "D 2020-01-10",
            "A 2026-06-01",
            "B 2026-06-15",
            "C 2026-09-30"
        ]
    );
    // 2 years against a consumer; 4 from 1 January after against a public buyer.
    let events = r#", "payments": [{"date": "2023-05-05", "amount": "100.00", "invoice": "B"}],
        "acknowledgments": [{"date": "2021-06-01"}]"#;
    let c = run(&v3(as_of, "consumer", &invoices[..2], events));
    assert_eq!(last_days(&c), ["A 2023-06-01", "B 2025-05-05"]);
    let c = run(&v3(as_of, "public", &invoices[..2], events));
    assert_eq!(last_days(&c), ["A 2025-12-31", "B 2027-12-31"]);
}

/// What the regulation fixes for a public buyer cannot be chosen (R2192-31); an
/// acknowledgment before its invoice is a mistake; the version-3 keys are unknown to a
/// version-2 file. Each is named by its field.
#[test]
fn version_3_inputs_are_checked_by_field() {
    let errors = |json: &str| -> Vec<String> {
        match relance_engine::parse::dossier(json) {
            Ok(_) => Vec::new(),
            Err(e) => e.iter().map(|e| e.path.clone()).collect(),
        }
    };
    let invoice =
        r#"{"number": "F-1", "issued": "2025-03-01", "due": "2025-03-31", "amount": "100.00"}"#;
    let options = r#", "options": {"rate": {"kind": "contractual", "percent": "12"},
        "rate_period": "frozen_at_due_date"}"#;
    assert_eq!(
        errors(&v3("2025-12-31", "public", &[invoice], options)),
        ["options.rate.kind", "options.rate_period"]
    );
    assert_eq!(
        errors(&v3("2025-12-31", "professional", &[invoice], options)),
        [""; 0]
    );
    let early = r#", "acknowledgments": [{"date": "2025-02-28", "invoice": "F-1"}]"#;
    assert_eq!(
        errors(&v3("2025-12-31", "professional", &[invoice], early)),
        ["acknowledgments[0].date"]
    );
    let delivered =
        r#"{"number": "F-1", "due": "2025-03-31", "amount": "100.00", "delivered": "2025-03-01"}"#;
    let v2 = v3("2025-12-31", "professional", &[delivered], "")
        .replace("\"version\": 3", "\"version\": 2");
    assert_eq!(errors(&v2), ["invoices[0].delivered"]);
}

/// Rates the user enters beyond the shipped tables: an ECB change on 16 December 2026 (2.90 %)
/// gives 12.90 % for the first half of 2027, a 2027-1 legal rate (2.81 % autres cas) for a
/// consumer's interest, each segment marked « user » and named in a `user_rate` notice; without
/// them, the last known rates, provisional. 10 000 × 12.40 % × 31 / 365 = 105.32; × 12.90 % × 90
/// / 365 = 318.08. 1 000 × 2.75 % × 46 / 365 = 3.47; × 2.81 % × 59 / 365 = 4.54.
#[test]
fn rates_entered_by_the_user_extend_the_tables() {
    let rates = r#", "rates": {"ecb": [{"from": "2026-12-16", "percent": "2,90", "source": "BCE, communiqué"}],
        "legal": [{"semester": "2027-1", "particuliers": "6.91", "autres_cas": "2.81", "source": "arrêté"}]}"#;
    let invoice = [r#"{"number": "F-1", "due": "2026-11-30", "amount": "10000.00"}"#];
    let c = run(&v3("2027-03-31", "professional", &invoice, rates));
    assert_eq!(
        segments(&c),
        [
            "2026-12-01 2026-12-31 12.4 105.32",
            "2027-01-01 2027-03-31 12.9 318.08"
        ]
    );
    let status: Vec<&str> = c.invoices[0]
        .segments
        .iter()
        .map(|s| s.rate.status.code())
        .collect();
    assert_eq!(status, ["SRC-3P", "user"]);
    assert!(c.invoices[0].segments.iter().all(|s| !s.rate.provisional));
    assert_notice(&c, "user_rate", true);
    assert_notice(&c, "provisional_rate", false);
    let without = run(&v3("2027-03-31", "professional", &invoice, ""));
    assert_eq!(segments(&without)[1], "2027-01-01 2027-03-31 12.65 311.92");
    assert_notice(&without, "provisional_rate", true);
    assert_notice(&without, "user_rate", false);

    let notice = r#", "options": {"formal_notice_date": "2026-11-15"}"#;
    let consumer = [r#"{"number": "F-1", "due": "2026-10-31", "amount": "1000.00"}"#];
    let c = run(&v3(
        "2027-02-28",
        "consumer",
        &consumer,
        &format!("{rates}{notice}"),
    ));
    assert_eq!(
        segments(&c),
        [
            "2026-11-16 2026-12-31 2.75 3.47",
            "2027-01-01 2027-02-28 2.81 4.54"
        ]
    );
    // A row that no day uses is no notice.
    let c = run(&v3("2026-12-10", "professional", &invoice, rates));
    assert_notice(&c, "user_rate", false);
}

/// A rate row without its source, a malformed semester, two rows for the same date: refused,
/// each named by its field.
#[test]
fn rates_entered_by_the_user_are_checked_by_field() {
    let errors = |rates: &str| -> Vec<String> {
        let invoice = [r#"{"number": "F-1", "due": "2026-11-30", "amount": "100.00"}"#];
        let json = v3(
            "2027-03-31",
            "professional",
            &invoice,
            &format!(r#", "rates": {rates}"#),
        );
        match relance_engine::parse::dossier(&json) {
            Ok(_) => Vec::new(),
            Err(e) => e.iter().map(|e| e.path.clone()).collect(),
        }
    };
    assert_eq!(
        errors(r#"{"ecb": [{"from": "2026-12-16", "percent": "2.9"}]}"#),
        ["rates.ecb[0].source"]
    );
    assert_eq!(
        errors(
            r#"{"ecb": [{"from": "2026-12-16", "percent": "2.9", "source": "a"},
            {"from": "2026-12-16", "percent": "3", "source": "b"}]}"#
        ),
        ["rates.ecb[1].from"]
    );
    for bad in ["2027-3", "2027", "2014-2", "deux mille"] {
        let legal = format!(
            r#"{{"legal": [{{"semester": "{bad}", "particuliers": "6", "autres_cas": "2", "source": "a"}}]}}"#
        );
        assert_eq!(errors(&legal), ["rates.legal[0].semester"], "{bad}");
    }
}

/// C. commande publique R2192-36: once a public buyer has paid the principal, the moratory
/// interest and the indemnity are due within 45 days (10 August → 24 September 2025); nothing
/// is said while principal is owed, nor once everything is paid.
#[test]
fn a_public_buyer_owes_the_accessories_45_days_after_the_principal() {
    let invoice = [r#"{"number": "F-1", "due": "2025-05-20", "amount": "1000.00"}"#];
    let paid = |payments: &str| run(&v3("2025-12-31", "public", &invoice, payments));
    let principal =
        r#", "payments": [{"date": "2025-08-10", "amount": "1000.00", "invoice": "F-1"}]"#;
    let options = r#", "options": {"imputation": "principal_first"}"#;
    let c = paid(&format!("{principal}{options}"));
    let deadlines: Vec<String> = c
        .notices
        .iter()
        .filter_map(|n| match n {
            Notice::PublicAccessoriesDue { paid, deadline, .. } => {
                Some(format!("{paid} {deadline}"))
            }
            _ => None,
        })
        .collect();
    assert_eq!(deadlines, ["2025-08-10 2025-09-24"]);
    assert_notice(&paid(options), "public_accessories_due", false);
    // The indemnity is never taken from a payment: without it, paying the interest too leaves
    // nothing to say.
    let everything = r#", "payments": [{"date": "2025-08-10", "amount": "1100.00"}]"#;
    let no_indemnity = r#", "options": {"imputation": "principal_first", "indemnity": false}"#;
    let c = paid(&format!("{everything}{no_indemnity}"));
    assert_eq!(c.totals.total.to_string(), "0.00");
    assert_notice(&c, "public_accessories_due", false);
}

/// Found in review: an ECB row entered for a later date does not make the shipped rates of the
/// semesters before it look final (they stay provisional beyond the shipped table); an
/// acknowledgment after the delivery but before the invoice was issued is a valid one.
#[test]
fn an_entered_rate_leaves_earlier_semesters_provisional_and_delivery_counts() {
    let rates = r#", "rates": {"ecb": [{"from": "2027-09-01", "percent": "3", "source": "BCE"}]}"#;
    let invoice = [r#"{"number": "F-1", "due": "2026-11-30", "amount": "1000.00"}"#];
    let c = run(&v3("2027-12-31", "professional", &invoice, rates));
    let provisional: Vec<bool> = c.invoices[0]
        .segments
        .iter()
        .map(|s| s.rate.provisional)
        .collect();
    assert_eq!(provisional, [false, true, true]);
    assert_notice(&c, "provisional_rate", true);

    let delivered = [
        r#"{"number": "F-1", "delivered": "2025-01-10", "issued": "2025-02-01", "due": "2025-03-03", "amount": "100.00"}"#,
    ];
    let ack = r#", "acknowledgments": [{"date": "2025-01-20", "invoice": "F-1"}]"#;
    let c = run(&v3("2025-12-31", "professional", &delivered, ack));
    let term = c.invoices[0].prescription.unwrap();
    assert_eq!(term.last_day.to_string(), "2030-01-20");
}
