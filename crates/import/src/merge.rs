//! One dossier per debtor when an FEC and e-invoices of the same customer are imported together
//! (issue 15): the books give the payments and their lettering, the invoices give the due
//! dates, the delivery dates, the SIREN and the addresses the FEC does not hold.
//!
//! An e-invoice dossier joins the FEC dossier that shares one of its invoice numbers (the books
//! and the invoices number them alike), else the one of the same name (letters and digits only,
//! case and accents aside), unless both creditors have a SIREN and they differ. Two candidates:
//! kept apart, said. In the joined dossier:
//! - the parties' blanks are filled from the invoices (SIREN, address, the creditor's name);
//! - an invoice in both keeps the FEC's amount (a difference is said), takes the e-invoice's due
//!   date when the FEC's is only assumed, and its delivery date;
//! - an invoice only in the e-invoices is added (the FEC may end before it), said;
//! - a credit note of the e-invoices is left out when the FEC holds one of the same amount (for
//!   the same invoice when both name one), else added.

use std::collections::HashSet;

use relance_engine::dossier::{Dossier, Identity};

/// The FEC's dossiers with the e-invoices' joined where they are the same debtor's, then the
/// e-invoice dossiers joined to none; what was done is said in the second list.
pub fn fec_and_einvoices(
    mut fec: Vec<Dossier>,
    einvoices: Vec<Dossier>,
) -> (Vec<Dossier>, Vec<String>) {
    let mut said = Vec::new();
    let mut apart = Vec::new();
    for e in einvoices {
        let candidates: Vec<usize> = {
            let by_number: Vec<usize> = (0..fec.len())
                .filter(|&i| {
                    fec.get(i)
                        .is_some_and(|f| same_creditor(f, &e) && shares_a_number(f, &e))
                })
                .collect();
            if by_number.is_empty() {
                (0..fec.len())
                    .filter(|&i| {
                        fec.get(i).is_some_and(|f| {
                            same_creditor(f, &e)
                                && same_name(&f.debtor.identity.name, &e.debtor.identity.name)
                        })
                    })
                    .collect()
            } else {
                by_number
            }
        };
        match candidates.as_slice() {
            [one] => {
                if let Some(f) = fec.get_mut(*one) {
                    join(f, e, &mut said);
                }
            }
            [] => apart.push(e),
            _ => {
                said.push(format!(
                    "client {} : plusieurs comptes du FEC peuvent être le sien ; ses factures électroniques restent dans un dossier à part",
                    e.debtor.identity.name
                ));
                apart.push(e);
            }
        }
    }
    fec.extend(apart);
    (fec, said)
}

/// Not two different SIRENs for the creditor.
fn same_creditor(f: &Dossier, e: &Dossier) -> bool {
    let (a, b) = (&f.creditor.identity.siren, &e.creditor.identity.siren);
    a.is_empty() || b.is_empty() || a == b
}

fn shares_a_number(f: &Dossier, e: &Dossier) -> bool {
    let numbers: HashSet<&str> = f.invoices.iter().map(|i| i.number.as_str()).collect();
    e.invoices
        .iter()
        .any(|i| numbers.contains(i.number.as_str()))
}

/// Lowercase letters and digits, accents removed: « DUPONT S.A.R.L. » and « Dupont SARL » are
/// one name.
fn folded(name: &str) -> String {
    name.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'â' | 'ä' | 'á' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' => 'i',
            'ô' | 'ö' | 'ó' => 'o',
            'ù' | 'û' | 'ü' | 'ú' => 'u',
            'ç' => 'c',
            'ÿ' => 'y',
            other => other,
        })
        .filter(char::is_ascii_alphanumeric)
        .collect()
}

fn same_name(a: &str, b: &str) -> bool {
    let a = folded(a);
    !a.is_empty() && a == folded(b)
}

/// Fills the blanks of `into` from `from`.
fn fill(into: &mut Identity, from: &Identity) {
    for (field, value) in [
        (&mut into.name, &from.name),
        (&mut into.siren, &from.siren),
        (&mut into.address, &from.address),
        (&mut into.email, &from.email),
    ] {
        if field.trim().is_empty() {
            field.clone_from(value);
        }
    }
}

/// Joins the e-invoice dossier `e` to the FEC dossier `f`.
fn join(f: &mut Dossier, e: Dossier, said: &mut Vec<String>) {
    let who = f.debtor.identity.name.clone();
    fill(&mut f.debtor.identity, &e.debtor.identity);
    fill(&mut f.creditor.identity, &e.creditor.identity);
    let mut added = Vec::new();
    for inv in e.invoices {
        match f.invoices.iter_mut().find(|i| i.number == inv.number) {
            Some(books) => {
                if books.amount != inv.amount {
                    said.push(format!(
                        "client {who}, facture {} : {} dans le FEC, {} sur la facture électronique ; le montant du FEC est repris",
                        inv.number,
                        relance_engine::fr::amount(books.amount.get()),
                        relance_engine::fr::amount(inv.amount.get())
                    ));
                }
                if books.due_assumed && !inv.due_assumed {
                    books.due = inv.due;
                    books.due_assumed = false;
                }
                if books.delivered.is_none() {
                    books.delivered = inv.delivered;
                }
            }
            // Its number is in neither the books nor the other invoices (a dossier's
            // numbers are unique): it joins as it is.
            None => {
                added.push(inv.number.clone());
                f.invoices.push(inv);
            }
        }
    }
    if !added.is_empty() {
        said.push(format!(
            "client {who} : facture(s) {} absente(s) du FEC, reprise(s) des factures électroniques",
            added.join(", ")
        ));
    }
    // The books hold the credit notes they record: one of the same amount (and invoice) is the
    // same credit note.
    let mut booked: Vec<bool> = vec![false; f.credit_notes.len()];
    for note in e.credit_notes {
        let same = f.credit_notes.iter().enumerate().position(|(k, c)| {
            !booked.get(k).copied().unwrap_or(true)
                && c.amount == note.amount
                && (c.invoice.is_none() || note.invoice.is_none() || c.invoice == note.invoice)
        });
        match same.and_then(|k| booked.get_mut(k)) {
            Some(flag) => *flag = true,
            None => f.credit_notes.push(note),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use relance_engine::dossier::{CreditNote, Invoice};
    use relance_engine::money::Eur;

    fn eur(v: i64) -> Eur {
        Eur::new(rust_decimal::Decimal::from(v)).unwrap()
    }

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, m, d).unwrap()
    }

    fn invoice(number: &str, amount: i64, due: NaiveDate, assumed: bool) -> Invoice {
        Invoice {
            number: number.to_owned(),
            issued: Some(day(1, 10)),
            due,
            due_assumed: assumed,
            amount: eur(amount),
            delivered: None,
        }
    }

    fn party(name: &str, siren: &str) -> Identity {
        Identity {
            name: name.to_owned(),
            siren: siren.to_owned(),
            ..Identity::default()
        }
    }

    fn dossier(creditor: Identity, debtor: &str, invoices: Vec<Invoice>) -> Dossier {
        crate::imported::dossier(creditor, party(debtor, ""), invoices, vec![], vec![])
    }

    #[test]
    fn an_invoice_in_both_keeps_the_books_amount_and_takes_the_invoice_dates() {
        let books = dossier(
            party("", "732829320"),
            "DUPONT SARL",
            vec![invoice("F-1", 1200, day(2, 9), true)],
        );
        let mut e_inv = invoice("F-1", 1250, day(3, 10), false);
        e_inv.delivered = Some(day(1, 5));
        let mut e = dossier(
            party("Atelier Martin SAS", "732829320"),
            "Garage Dupont",
            vec![e_inv, invoice("F-2", 300, day(4, 1), false)],
        );
        e.debtor.identity.siren = "552100554".to_owned();
        e.debtor.identity.address = "4 avenue Foch\n75016 Paris".to_owned();
        e.credit_notes = vec![
            // The books hold it already (below): not twice.
            CreditNote {
                date: Some(day(3, 15)),
                amount: eur(100),
                invoice: Some("F-1".to_owned()),
            },
            CreditNote {
                date: Some(day(3, 20)),
                amount: eur(50),
                invoice: Some("F-2".to_owned()),
            },
        ];
        let mut books = books;
        books.credit_notes = vec![CreditNote {
            date: Some(day(3, 16)),
            amount: eur(100),
            invoice: None,
        }];
        // Joined by the number F-1, though the names differ.
        let (out, said) = fec_and_einvoices(vec![books], vec![e]);
        assert_eq!(out.len(), 1);
        let d = &out[0];
        assert_eq!(d.debtor.identity.name, "DUPONT SARL");
        assert_eq!(d.debtor.identity.siren, "552100554");
        assert_eq!(d.debtor.identity.address, "4 avenue Foch\n75016 Paris");
        assert_eq!(d.creditor.identity.name, "Atelier Martin SAS");
        let f1 = &d.invoices[0];
        assert_eq!(
            (f1.amount, f1.due, f1.due_assumed),
            (eur(1200), day(3, 10), false)
        );
        assert_eq!(f1.delivered, Some(day(1, 5)));
        assert_eq!(d.invoices[1].number, "F-2");
        let notes: Vec<Eur> = d.credit_notes.iter().map(|c| c.amount).collect();
        assert_eq!(notes, [eur(100), eur(50)]);
        assert_eq!(said.len(), 2, "{said:?}");
        assert!(
            said[0].contains("1 200,00 € dans le FEC, 1 250,00 €"),
            "{said:?}"
        );
        assert!(
            said[1].contains("facture(s) F-2 absente(s) du FEC"),
            "{said:?}"
        );
    }

    fn note(amount: i64, invoice: Option<&str>) -> CreditNote {
        CreditNote {
            date: Some(day(3, 1)),
            amount: eur(amount),
            invoice: invoice.map(str::to_owned),
        }
    }

    /// The credit notes left after joining `books` and `einvoice` ones: the books' first.
    fn joined_notes(books: Vec<CreditNote>, einvoice: Vec<CreditNote>) -> Vec<CreditNote> {
        let mut f = dossier(
            party("", ""),
            "Dupont",
            vec![invoice("F-1", 500, day(2, 9), true)],
        );
        f.credit_notes = books;
        let mut e = dossier(party("", ""), "Dupont", vec![]);
        e.credit_notes = einvoice;
        let (out, _) = fec_and_einvoices(vec![f], vec![e]);
        out[0].credit_notes.clone()
    }

    #[test]
    fn a_credit_note_of_the_books_is_not_counted_twice() {
        let f1 = Some("F-1");
        // Another amount, another invoice: another credit note.
        assert_eq!(
            joined_notes(vec![note(100, None)], vec![note(50, None)]).len(),
            2
        );
        assert_eq!(
            joined_notes(vec![note(100, f1)], vec![note(100, Some("F-2"))]).len(),
            2
        );
        // The same amount, the same invoice or one of them unsaid: the same.
        assert_eq!(
            joined_notes(vec![note(100, f1)], vec![note(100, f1)]).len(),
            1
        );
        assert_eq!(
            joined_notes(vec![note(100, f1)], vec![note(100, None)]).len(),
            1
        );
        assert_eq!(
            joined_notes(vec![note(100, None)], vec![note(100, f1)]).len(),
            1
        );
        // One booked credit note stands for one of the invoices', not two.
        let twice = joined_notes(vec![note(100, None)], vec![note(100, f1), note(100, f1)]);
        assert_eq!(twice.len(), 2);
        assert_eq!(twice[1].invoice.as_deref(), Some("F-1"));
    }

    #[test]
    fn a_due_date_of_the_books_is_kept_when_not_assumed() {
        let books = dossier(
            party("", ""),
            "Dupont",
            vec![invoice("F-1", 100, day(2, 9), false)],
        );
        let e = dossier(
            party("", ""),
            "Dupont",
            vec![invoice("F-1", 100, day(3, 10), false)],
        );
        let (out, said) = fec_and_einvoices(vec![books], vec![e]);
        assert_eq!(out[0].invoices[0].due, day(2, 9));
        assert!(said.is_empty(), "{said:?}");
    }

    #[test]
    fn no_join_between_two_creditors_nor_to_two_customers() {
        let books = dossier(
            party("", "732829320"),
            "Dupont",
            vec![invoice("F-1", 100, day(2, 9), true)],
        );
        let other = dossier(
            party("Autre SAS", "552100554"),
            "Dupont",
            vec![invoice("F-1", 100, day(2, 9), false)],
        );
        let (out, said) = fec_and_einvoices(vec![books.clone()], vec![other]);
        assert_eq!(out.len(), 2);
        assert!(said.is_empty());
        // Two accounts of the same name in the books: which one is unknown.
        let e = dossier(
            party("", ""),
            "DUPONT",
            vec![invoice("F-9", 100, day(2, 9), false)],
        );
        let (out, said) = fec_and_einvoices(vec![books.clone(), books], vec![e]);
        assert_eq!(out.len(), 3);
        assert!(said[0].contains("plusieurs comptes du FEC"), "{said:?}");
        // No name, no number in common: apart, unsaid.
        let e = dossier(
            party("", ""),
            "Martin",
            vec![invoice("F-9", 100, day(2, 9), false)],
        );
        let books = dossier(party("", ""), "Dupont", vec![]);
        let (out, said) = fec_and_einvoices(vec![books], vec![e]);
        assert_eq!(out.len(), 2);
        assert!(said.is_empty());
    }

    #[test]
    fn names_fold_case_accents_and_punctuation() {
        assert!(same_name("DUPONT S.A.R.L.", "Dupont SARL"));
        assert!(same_name("Société Générale", "SOCIETE GENERALE"));
        assert!(!same_name("Dupont", "Dupond"));
        assert!(!same_name("", ""));
        assert!(!same_name("...", "--"));
    }
}
