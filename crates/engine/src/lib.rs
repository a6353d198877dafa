//! Relance's computation engine: what an unpaid invoice costs a French debtor, to the cent,
//! with the working shown.
//!
//! Input is a [`Dossier`] (read from the dossier JSON file by [`parse::dossier`]), a
//! calculation date and the [`RateTables`]; output is a [`Computation`]: per-invoice décompte,
//! totals, daily accrual and [`Notice`]s. The engine is pure: it never reads the clock,
//! storage or network, and knows nothing of the browser (see ARCHITECTURE.md).
//!
//! Module map: `calendar` (semesters, dates) · `money` (decimal parsing, rounding) · `rates`
//! (+ generated `reference::tables`) · `dossier` (the input model and file writer) · `parse`
//! (file reader, French field errors) · `compute` (the décompte) · `notice` · `fr` (all
//! French text) · `order` (the one stable sort) · `report` (JSON / CSV exports) · `strategy` (cost, delay and expected
//! net recovery of each way of chasing the claim).

// `json_text::json!` reads an object's tokens one at a time: the saved form's has hundreds.
#![recursion_limit = "512"]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

pub mod calendar;
pub mod codes;
pub mod compute;
pub mod dossier;
pub mod field_names;
pub mod figures;
pub mod form;
pub mod fr;
pub mod input_error;
pub mod json_text;
#[cfg(feature = "judgment")]
pub mod judgment;
pub mod law;
pub mod letter_blanks;
pub mod letter_fields;
pub mod money;
pub mod notice;
pub mod order;
pub mod parse;
pub mod paste;
pub mod plan;
#[cfg(feature = "court")]
pub mod procedure;
pub mod rates;
pub mod report;
pub mod segment;
pub mod strategy;

mod reference {
    pub mod links;
    pub mod rows;
    pub mod tables;
}

use chrono::NaiveDate;

pub use crate::compute::{compute, Computation, InvoiceResult, Regime, Segment, Totals};
pub use crate::dossier::Dossier;
pub use crate::notice::Notice;
pub use crate::parse::{InputError, InputErrorKind};
pub use crate::rates::RateTables;

/// The check case of the specification: 24 000,00 € of IT services invoiced on 4 March 2022,
/// due on 3 April 2022, unpaid on 22 November 2026.
pub const SEED_DOSSIER: &str = include_str!("../tests/golden/seed.json");

/// Reads a dossier file and computes it with the built-in rate tables, on `as_of` if given,
/// else on the file's `as_of`.
pub fn compute_str(json: &str, as_of: Option<NaiveDate>) -> Result<Computation, Vec<InputError>> {
    let dossier = parse::dossier(json)?;
    let Some(as_of) = as_of.or(dossier.as_of) else {
        return Err(vec![InputError {
            path: "as_of".to_owned(),
            kind: InputErrorKind::Missing,
        }]);
    };
    Ok(compute(&dossier, as_of, &RateTables::builtin()))
}
