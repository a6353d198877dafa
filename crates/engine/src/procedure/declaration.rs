//! The claim declared to the mandataire or the liquidator: the décompte as it stood on the
//! opening judgment (C. com. L622-25), interest stopped that day (L622-28), the sums due
//! then apart from those falling due later, with their dates.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::compute::{compute, Computation};
use crate::dossier::{Dossier, Insolvency};
use crate::law::insolvency;
use crate::rates::RateTables;

/// What a déclaration de créance states.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Declared {
    /// The décompte on the opening day: interest stops then (L622-28).
    pub computation: Computation,
    /// Indices in `computation.invoices` of the invoices due by the opening day (« échues »).
    pub due: Vec<usize>,
    /// Those due later (« à échoir », L622-25 al. 1), with their own due dates.
    pub not_yet_due: Vec<usize>,
    /// Everything due on the opening day: the décompte's total less the sums to fall due.
    pub due_total: Decimal,
    /// The principal of the invoices due later.
    pub not_yet_due_total: Decimal,
    /// A liquidation makes them payable at once (C. com. L643-1): declared with the sums due,
    /// under their contractual due dates.
    pub made_payable: bool,
    /// The last day to declare (R622-24), when the publication date is known.
    pub last_day: Option<NaiveDate>,
    /// The last day to ask to be relieved of a missed deadline (L622-26).
    pub relief_last_day: Option<NaiveDate>,
}

/// The claim of `dossier` as at the opening of `proceedings`.
pub fn declared(dossier: &Dossier, proceedings: &Insolvency, tables: &RateTables) -> Declared {
    let opened = insolvency::interest_stops(proceedings.opened);
    split(compute(dossier, opened, tables), proceedings)
}

/// [`declared`] from the décompte the caller computed on the opening day (the date the
/// document then states is the computation's).
pub fn split(computation: Computation, proceedings: &Insolvency) -> Declared {
    let opened = computation.as_of;
    let (mut due, mut not_yet_due) = (Vec::new(), Vec::new());
    let mut not_yet_due_total = Decimal::ZERO;
    for (i, invoice) in computation.invoices.iter().enumerate() {
        if invoice.principal.is_zero() && invoice.total.is_zero() {
            continue;
        }
        if invoice.due > opened {
            not_yet_due.push(i);
            not_yet_due_total += invoice.principal;
        } else {
            due.push(i);
        }
    }
    let published = proceedings.published;
    Declared {
        due_total: computation.totals.total - not_yet_due_total,
        computation,
        due,
        not_yet_due,
        not_yet_due_total,
        made_payable: insolvency::makes_payable(proceedings.procedure),
        last_day: published
            .and_then(|p| insolvency::declaration_last_day(p, proceedings.creditor_abroad)),
        relief_last_day: published.and_then(insolvency::relief_last_day),
    }
}
