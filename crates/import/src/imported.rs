//! The dossier an import gives, before the user completes it: a company creditor, a
//! professional debtor (all an accounting export or an invoice tells), the rows read, the
//! default options — and what every reader shares to get there: dates, unique numbers.

use std::collections::HashSet;

use chrono::NaiveDate;
use relance_engine::dossier::{
    CreditNote, Creditor, CreditorKind, Debtor, DebtorKind, Dossier, Identity, Invoice, Payment,
};

pub fn dossier(
    creditor: Identity,
    debtor: Identity,
    invoices: Vec<Invoice>,
    payments: Vec<Payment>,
    credit_notes: Vec<CreditNote>,
) -> Dossier {
    Dossier::new(
        Creditor {
            kind: CreditorKind::Company,
            identity: creditor,
        },
        Debtor {
            kind: DebtorKind::Professional,
            identity: debtor,
        },
        invoices,
        payments,
        credit_notes,
    )
}

/// A date as an FEC or CII writes it (`20240131`), or as UBL and people do (ISO, `31/01/2024`),
/// within the years a dossier accepts.
pub fn date(raw: &str) -> Option<NaiveDate> {
    let raw = raw.trim();
    let digits = raw.len() == 8 && raw.bytes().all(|b| b.is_ascii_digit());
    match (digits, raw.get(..4), raw.get(4..6), raw.get(6..)) {
        (true, Some(y), Some(m), Some(d)) => {
            relance_engine::parse::date(&format!("{y}-{m}-{d}")).ok()
        }
        _ => relance_engine::parse::date(raw).ok(),
    }
}

/// Whether a dossier file can hold `date` (`parse::date`'s years).
pub fn date_in_range(date: NaiveDate) -> bool {
    relance_engine::parse::date(&date.to_string()).is_ok()
}

/// `number`, or the next free « (2) », « (3) »… when `taken` has it: a dossier's numbers are
/// unique. The number returned is added to `taken`.
pub fn unique_number(number: &str, taken: &mut HashSet<String>) -> String {
    let mut unique = number.to_owned();
    let mut k = 2;
    while taken.contains(&unique) {
        unique = format!("{number} ({k})");
        k += 1;
    }
    taken.insert(unique.clone());
    unique
}
