//! The page's parts. Each component renders what the user typed (from `AppState`) or what
//! the engine computed (from `Checked` / `Computation`); none of them computes money.

pub mod decompte;
pub mod field;
pub mod form_errors;
pub mod invoice_list;
pub mod judgment;
pub mod judgment_decompte;
pub mod letter;
pub mod notices;
pub mod options;
pub mod parties;
pub mod paste;
pub mod payment_list;
pub mod portfolio;
pub mod procedure;
pub mod progress;
pub mod quick_start;
pub mod segment_row;
pub mod steps;
pub mod strategy;
pub mod toolbar;
pub mod totals;
pub mod unbroken;
pub mod user_rates;

use relance_engine::form::Checked;
use yew::AttrValue;

use crate::state::FieldId;

/// The engine's French message for `field`, if it has one.
pub fn error_of(checked: &Checked, field: FieldId) -> Option<AttrValue> {
    // Most forms have no error: no path is spelt out for each field of each row.
    if checked.errors.is_empty() {
        return None;
    }
    checked
        .error(&field.path())
        .map(|m| AttrValue::from(m.to_owned()))
}
