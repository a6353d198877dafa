//! The dossier an import gives, before the user completes it: a company creditor, a
//! professional debtor (all an accounting export or an invoice tells), the rows read, the
//! default options.

use relance_engine::dossier::{
    CreditNote, Creditor, CreditorKind, Debtor, DebtorKind, Dossier, Identity, Invoice, Options,
    Payment,
};

pub fn dossier(
    creditor: Identity,
    debtor: Identity,
    invoices: Vec<Invoice>,
    payments: Vec<Payment>,
    credit_notes: Vec<CreditNote>,
) -> Dossier {
    Dossier {
        as_of: None,
        creditor: Creditor {
            kind: CreditorKind::Company,
            identity: creditor,
        },
        debtor: Debtor {
            kind: DebtorKind::Professional,
            identity: debtor,
        },
        invoices,
        payments,
        credit_notes,
        acknowledgments: Vec::new(),
        rates: Default::default(),
        judgment: None,
        options: Options::default(),
        letter: Default::default(),
        strategy: Default::default(),
    }
}
