//! The fixed recovery indemnity (C. com. L441-10, D441-5; C. commande publique D2192-35).

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::regime::Regime;
use crate::calendar::ymd;

/// D441-5: 40 € per invoice paid late.
pub const AMOUNT: Decimal = Decimal::from_parts(4000, 0, 0, false, 2);

/// D441-5 (décret n°2012-1115) applies to payment terms starting from 1 January 2013.
pub const FROM: NaiveDate = ymd(2013, 1, 1);

/// Whether an invoice owes the indemnity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Indemnity {
    /// Not owed: a consumer debtor, the option off, not yet late, or paid in full by its due date.
    None,
    /// Late, but its terms started before 2013.
    Before2013,
    /// Owed: [`AMOUNT`].
    Owed,
}

/// D441-5: 40 € for each invoice between professionals not fully paid on its due date
/// (`owed_at_due`: what was left on that day), once the due date has passed on `as_of`.
pub fn indemnity(
    regime: Regime,
    claimed: bool,
    issued: Option<NaiveDate>,
    due: NaiveDate,
    owed_at_due: Decimal,
    as_of: NaiveDate,
) -> Indemnity {
    // D2192-35: 40 € as well for a public buyer.
    if regime == Regime::B2c || !claimed || due >= as_of || owed_at_due <= Decimal::ZERO {
        Indemnity::None
    } else if issued.unwrap_or(due) < FROM {
        Indemnity::Before2013
    } else {
        Indemnity::Owed
    }
}
