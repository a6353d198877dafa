//! `cargo bench -p relance-engine --bench compute` (or `cargo xtask bench`): the time to compute
//! a dossier of 1 000 invoices with 10 partial payments each, spread over 10 years
//! (2016–2026), with the built-in rate tables. Prints the median of the runs; the target is
//! under 5 ms natively (ARCHITECTURE.md records the figure).

// Timing is this file's whole point, and milliseconds for display are not money.
#![allow(clippy::disallowed_methods, clippy::float_arithmetic)]

use std::hint::black_box;
use std::time::Instant;

use chrono::{Days, NaiveDate};
use relance_engine::dossier::{
    Creditor, CreditorKind, Debtor, DebtorKind, Dossier, Identity, Invoice, Options, Payment,
};
use relance_engine::money::Eur;
use relance_engine::{compute, RateTables};
use rust_decimal::Decimal;

fn dossier() -> Dossier {
    let start = NaiveDate::from_ymd_opt(2016, 1, 1).unwrap_or_default();
    let mut invoices = Vec::new();
    let mut payments = Vec::new();
    for i in 0..1000u64 {
        let due = start + Days::new(i * 3);
        let number = format!("F-{i:04}");
        let amount = Decimal::new(100_000 + (i as i64 * 7_919) % 5_000_000, 2);
        invoices.push(Invoice {
            number: number.clone(),
            issued: Some(due - Days::new(30)),
            due,
            due_assumed: false,
            amount: Eur::new(amount).unwrap_or(Eur::ZERO),
            delivered: None,
        });
        for k in 0..10u64 {
            payments.push(Payment {
                date: due + Days::new(30 + k * 97 + i % 13),
                amount: Eur::new(amount / Decimal::from(25))
                    .map(|e| Eur::new(relance_engine::money::round_cents(e.get())).unwrap_or(e))
                    .unwrap_or(Eur::ZERO),
                invoice: if k % 2 == 0 {
                    Some(number.clone())
                } else {
                    None
                },
            });
        }
    }
    Dossier {
        as_of: None,
        creditor: Creditor {
            kind: CreditorKind::Company,
            identity: Identity::default(),
        },
        debtor: Debtor {
            kind: DebtorKind::Professional,
            identity: Identity::default(),
        },
        invoices,
        payments,
        credit_notes: Vec::new(),
        acknowledgments: Vec::new(),
        rates: Default::default(),
        judgment: None,
        options: Options::default(),
        letter: relance_engine::letter_fields::LetterFields::default(),
        strategy: Default::default(),
        #[cfg(feature = "court")]
        court: Default::default(),
    }
}

fn main() {
    let d = dossier();
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_default();
    let tables = RateTables::builtin();
    let warm = compute(&d, as_of, &tables);
    let segments: usize = warm.invoices.iter().map(|i| i.segments.len()).sum();
    let mut runs: Vec<f64> = (0..30)
        .map(|_| {
            let t = Instant::now();
            black_box(compute(black_box(&d), as_of, &tables));
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    runs.sort_by(|a, b| a.total_cmp(b));
    let median = runs[runs.len() / 2];
    println!(
        "compute: 1000 invoices × 10 payments over 10 years ({segments} segments): median {median:.2} ms, min {:.2} ms (30 runs)",
        runs[0]
    );

    // The strategy of the check case: ten paths, chart with breakevens, eight scenarios.
    let seed =
        relance_engine::parse::dossier(relance_engine::SEED_DOSSIER).unwrap_or_else(|_| d.clone());
    let computation = compute(&seed, as_of, &tables);
    let overrides = relance_engine::strategy::Overrides::new();
    let mut runs: Vec<f64> = (0..30)
        .map(|_| {
            let t = Instant::now();
            black_box(relance_engine::strategy::analyse(
                black_box(&seed),
                &computation,
                &overrides,
                as_of,
            ));
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    runs.sort_by(|a, b| a.total_cmp(b));
    println!(
        "strategy::analyse (check case): median {:.2} ms, min {:.2} ms (30 runs)",
        runs[runs.len() / 2],
        runs[0]
    );
}
