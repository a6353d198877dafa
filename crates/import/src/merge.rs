//! One dossier per debtor when an FEC and e-invoices of the same customer are imported together
//! (issue 15): the books give the invoices they hold, the payments and their lettering; the
//! e-invoices give the legal name, the SIREN, the address, the due and delivery dates the FEC does
//! not hold, and what came after the books' last entry. In doubt, the dossier claims less, and
//! says so: a letter must not ask twice for one invoice.
//!
//! The e-invoices of one seller and buyer join the FEC account that holds one of them (its
//! number — letters and digits, case aside — with its date or amount), else one of them by its
//! date and amount (booked under another reference), else the account of the same name — this
//! last only when the books' creditor is known (its SIREN in the FEC's name) —, unless the
//! creditors' or the debtors' SIRENs differ. Two accounts for one buyer: each invoice to the
//! account holding it, the others apart; one account by name for two companies: apart. All said.
//! Within a joined account (each FEC's own last entry):
//! - a matched invoice keeps the books' amount (a difference is said), takes an assumed due
//!   date's place, the delivery date, the legal name, SIREN and address;
//! - an invoice the books do not hold is added only when dated after their last entry (its
//!   later payments are unknown, said); within their period it is probably booked under
//!   another reference: said, not added, and the credit notes correcting it follow it;
//! - a credit note matches a booked one of the same amount within 31 days (and the same invoice
//!   when both name one), unless dated after the books; any other is deducted, said.
//!
//! The books' creditor is completed from the invoices only when their SIRENs agree.

use chrono::NaiveDate;
use relance_engine::dossier::{CreditNote, Dossier, Identity, Invoice};
use relance_engine::fr;

use std::collections::HashSet;

use crate::einvoice::{by_seller_and_buyer, due_of, row, EInvoice, Party};
use crate::imported::unique_number;

/// Days between a credit note's date and its entry in the books for them to be one.
const SAME_CREDIT_NOTE_DAYS: i64 = 31;

/// What joining gives: the books' dossiers (joined), the e-invoices no account took (for
/// `einvoice::dossiers`), and what was done, in French.
#[derive(Debug, Default)]
pub struct Joined {
    pub dossiers: Vec<Dossier>,
    pub rest: Vec<EInvoice>,
    pub said: Vec<String>,
}

/// Joins `invoices` to the FEC's dossiers `books`, the last entry of each one's FEC in
/// `last_entries` (by position; none: the books' period is unknown, nothing is added).
pub fn fec_and_einvoices(
    mut books: Vec<Dossier>,
    last_entries: &[Option<NaiveDate>],
    invoices: Vec<EInvoice>,
    terms_days: u32,
) -> Joined {
    let last_entry = |i: usize| last_entries.get(i).copied().flatten();
    let groups = by_seller_and_buyer(invoices);
    // Each group's accounts, before any join fills a SIREN.
    let found: Vec<(Vec<usize>, bool)> = groups
        .iter()
        .map(|(_, list)| candidates(&books, list))
        .collect();
    let sirens: Vec<String> = groups
        .iter()
        .map(|(_, list)| {
            list.first()
                .map(|i| i.buyer.siren.clone())
                .unwrap_or_default()
        })
        .collect();
    let mut out = Joined::default();
    let mut joined = Vec::new();
    for (g, ((_, list), (accounts, by_name))) in groups.into_iter().zip(&found).enumerate() {
        let buyer = list
            .first()
            .map(|i| match i.buyer.siren.as_str() {
                "" => i.buyer.name.clone(),
                siren => format!("{} (SIREN {siren})", i.buyer.name),
            })
            .unwrap_or_default();
        // Several accounts holding its numbers: each invoice to the account that holds it,
        // each credit note to the one holding the invoice it corrects; the others apart.
        if !by_name && accounts.len() > 1 {
            let mut parts: Vec<(usize, Vec<EInvoice>)> = Vec::new();
            let mut unplaced = Vec::new();
            for inv in list {
                let number = if inv.credit_note {
                    inv.corrects.clone().unwrap_or_default()
                } else {
                    inv.number.clone()
                };
                let holder = accounts.iter().copied().find(|&a| {
                    books.get(a).is_some_and(|f| {
                        f.invoices.iter().any(|b| {
                            number_key(&b.number) == number_key(&number)
                                || !inv.credit_note && same_row(b, &inv)
                        })
                    })
                });
                match holder {
                    Some(a) => match parts.iter_mut().find(|(b, _)| *b == a) {
                        Some((_, part)) => part.push(inv),
                        None => parts.push((a, vec![inv])),
                    },
                    None => unplaced.push(inv),
                }
            }
            // A credit note naming no invoice held: deducted on the first account rather than
            // lost (in doubt, claim less).
            let (notes, unplaced): (Vec<EInvoice>, Vec<EInvoice>) =
                unplaced.into_iter().partition(|i| i.credit_note);
            if let (Some(&a), false) = (accounts.first(), notes.is_empty()) {
                let numbers: Vec<&str> = notes.iter().map(|i| i.number.as_str()).collect();
                out.said.push(format!(
                    "client {buyer} : avoir(s) {} sans facture d'un seul compte du FEC : déduit(s) sur le compte « {} », par prudence",
                    numbers.join(", "),
                    name_of(&books, a)
                ));
                match parts.iter_mut().find(|(b, _)| *b == a) {
                    Some((_, part)) => part.extend(notes),
                    None => parts.push((a, notes)),
                }
            }
            if !unplaced.is_empty() {
                let numbers: Vec<&str> = unplaced.iter().map(|i| i.number.as_str()).collect();
                out.said.push(format!(
                    "client {buyer} : ses factures sont sur plusieurs comptes du FEC ; {} dans un dossier à part",
                    numbers.join(", ")
                ));
            }
            out.rest.extend(unplaced);
            for (a, part) in parts {
                if let Some(f) = books.get_mut(a) {
                    let done = join_invoices(f, &part, last_entry(a), terms_days, &mut out.said);
                    joined.push((a, part, done));
                }
            }
            continue;
        }
        let target = match accounts.as_slice() {
            [one] => {
                // One account taken by name by two companies (two SIRENs): which is whose is
                // unknown.
                let siren = |h: usize| sirens.get(h).map_or("", String::as_str);
                let shared = *by_name
                    && found.iter().enumerate().any(|(h, (other, _))| {
                        h != g && other.contains(one) && !same_siren(siren(h), siren(g))
                    });
                if shared {
                    out.said.push(format!(
                        "client {buyer} : le compte « {} » du FEC porte aussi le nom d'un autre client des factures électroniques ; ses factures restent dans un dossier à part",
                        name_of(&books, *one)
                    ));
                    None
                } else {
                    Some(*one)
                }
            }
            [] => None,
            several => {
                let names: Vec<String> = several.iter().map(|&i| name_of(&books, i)).collect();
                out.said.push(format!(
                    "client {buyer} : plusieurs comptes du FEC peuvent être le sien ({}) ; ses factures électroniques restent dans un dossier à part",
                    names.join(", ")
                ));
                None
            }
        };
        match target.and_then(|i| books.get_mut(i).map(|f| (i, f))) {
            // A SIREN an earlier join gave the account may now say it is another debtor.
            Some((i, f)) if compatible(&f.debtor.identity, list.first().map(|i| &i.buyer)) => {
                let done = join_invoices(f, &list, last_entry(i), terms_days, &mut out.said);
                joined.push((i, list, done));
            }
            _ => out.rest.extend(list),
        }
    }
    // The credit notes once every invoice has joined: the one they correct may come from
    // another file.
    let mut of_account: Vec<(usize, Done)> = Vec::new();
    for (i, _, done) in &joined {
        match of_account.iter_mut().find(|(j, _)| j == i) {
            Some((_, all)) => {
                all.aliases.extend(done.aliases.iter().cloned());
                all.left.extend(done.left.iter().cloned());
            }
            None => of_account.push((*i, done.clone())),
        }
    }
    for (i, list, _) in joined {
        let done = of_account
            .iter()
            .find(|(j, _)| *j == i)
            .map(|(_, d)| d.clone())
            .unwrap_or_default();
        if let Some(f) = books.get_mut(i) {
            join_credit_notes(f, &list, &done, last_entry(i), &mut out.said);
        }
    }
    out.dossiers = books;
    out
}

fn name_of(books: &[Dossier], i: usize) -> String {
    books
        .get(i)
        .map(|d| d.debtor.identity.name.clone())
        .unwrap_or_default()
}

/// Not two different SIRENs.
fn same_siren(a: &str, b: &str) -> bool {
    a.is_empty() || b.is_empty() || a == b
}

fn compatible(debtor: &Identity, buyer: Option<&Party>) -> bool {
    buyer.is_none_or(|b| same_siren(&debtor.siren, &b.siren))
}

/// The accounts of `books` a group of e-invoices may belong to, and whether they were found by
/// name (no number in common).
fn candidates(books: &[Dossier], list: &[EInvoice]) -> (Vec<usize>, bool) {
    let Some(first) = list.first() else {
        return (Vec::new(), false);
    };
    let open = |f: &Dossier| {
        same_siren(&f.creditor.identity.siren, &first.seller.siren)
            && same_siren(&f.debtor.identity.siren, &first.buyer.siren)
    };
    // An invoice's number with its date or amount (folded numbers alike may be other
    // invoices); a credit note's corrected invoice by its number.
    let holds = |b: &Invoice| {
        list.iter().any(|i| {
            if i.credit_note {
                i.corrects
                    .as_deref()
                    .is_some_and(|n| number_key(n) == number_key(&b.number))
            } else {
                same_invoice(b, i)
            }
        })
    };
    let by_number: Vec<usize> = books
        .iter()
        .enumerate()
        .filter(|(_, f)| open(f) && f.invoices.iter().any(holds))
        .map(|(i, _)| i)
        .collect();
    if !by_number.is_empty() {
        return (by_number, false);
    }
    // An invoice of the same date and amount: booked under another reference.
    let by_row: Vec<usize> = books
        .iter()
        .enumerate()
        .filter(|(_, f)| {
            open(f)
                && f.invoices
                    .iter()
                    .any(|b| list.iter().any(|i| !i.credit_note && same_row(b, i)))
        })
        .map(|(i, _)| i)
        .collect();
    if !by_row.is_empty() {
        return (by_row, false);
    }
    // By name only when the books' creditor is known: else any seller's invoices could join.
    let by_name = books
        .iter()
        .enumerate()
        .filter(|(_, f)| {
            open(f)
                && !f.creditor.identity.siren.is_empty()
                && same_name(&f.debtor.identity.name, &first.buyer.name)
        })
        .map(|(i, _)| i)
        .collect();
    (by_name, true)
}

/// The books' invoice `b` is `inv`: its number alike (folded numbers alike may be other
/// invoices) with its date or its amount.
fn same_invoice(b: &Invoice, inv: &EInvoice) -> bool {
    number_key(&b.number) == number_key(&inv.number)
        && (b.issued == Some(inv.issued) || b.amount == inv.amount)
}

/// The books' invoice `b` has `inv`'s date and amount: `inv` booked under another reference.
fn same_row(b: &Invoice, inv: &EInvoice) -> bool {
    b.issued == Some(inv.issued) && b.amount == inv.amount
}

/// An invoice number compared: letters and digits, upper case (« FA-2025/201 » is « FA2025201 »).
fn number_key(number: &str) -> String {
    number
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
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

/// Fills the blanks of `into` from `party`.
fn fill(into: &mut Identity, party: &Party) {
    for (field, value) in [
        (&mut into.name, &party.name),
        (&mut into.siren, &party.siren),
        (&mut into.address, &party.address),
    ] {
        if field.trim().is_empty() {
            field.clone_from(value);
        }
    }
}

/// What joining the invoices leaves for their credit notes: the e-invoice numbers the books hold
/// under another, with theirs; the numbers left out.
#[derive(Clone, Debug, Default)]
struct Done {
    aliases: Vec<(String, String)>,
    left: Vec<String>,
}

/// Joins the invoices of `list` (one seller and buyer) to the books' dossier `f`.
fn join_invoices(
    f: &mut Dossier,
    list: &[EInvoice],
    last_entry: Option<NaiveDate>,
    terms_days: u32,
    said: &mut Vec<String>,
) -> Done {
    let mut aliases = Vec::new();
    let Some(first) = list.first() else {
        return Done::default();
    };
    let label = f.debtor.identity.name.clone();
    // The legal name of the invoices (BT-44) for the letters, rather than the account's label.
    let legal = first.buyer.name.trim();
    if !legal.is_empty() {
        if !same_name(legal, &label) {
            said.push(format!(
                "compte « {label} » du FEC : nom repris des factures électroniques, « {legal} »"
            ));
        }
        f.debtor.identity.name = legal.to_owned();
    }
    let who = f.debtor.identity.name.clone();
    fill(&mut f.debtor.identity, &first.buyer);
    // The creditor is the books': completed from the invoices only once its SIREN says they
    // are its own.
    if f.creditor.identity.siren == first.seller.siren {
        fill(&mut f.creditor.identity, &first.seller);
    }
    let books_end = last_entry.map(fr::date).unwrap_or_default();
    let after_books = |day: NaiveDate| last_entry.is_some_and(|end| day > end);
    let booked_invoices = f.invoices.len();
    let mut matched = vec![false; booked_invoices];
    let mut later = Vec::new();
    let mut unknown = Vec::new();
    for inv in list.iter().filter(|i| !i.credit_note) {
        // By number among every row, those just added too: a second version of an invoice is
        // that invoice (a dossier's numbers are unique).
        let by_number = f.invoices.iter().position(|b| same_invoice(b, inv));
        let by_row = || {
            (0..booked_invoices).find(|&k| {
                !matched.get(k).copied().unwrap_or(true)
                    && f.invoices.get(k).is_some_and(|b| same_row(b, inv))
            })
        };
        let found = by_number.or_else(by_row);
        match found.and_then(|k| f.invoices.get_mut(k).map(|b| (k, b))) {
            Some((k, books)) => {
                if let Some(flag) = matched.get_mut(k) {
                    *flag = true;
                }
                if number_key(&books.number) != number_key(&inv.number) {
                    said.push(format!(
                        "client {who}, facture {} : celle du FEC « {} » (même date, même montant)",
                        inv.number, books.number
                    ));
                    aliases.push((inv.number.clone(), books.number.clone()));
                }
                if books.amount != inv.amount {
                    let (was, is) = (fr::amount(books.amount.get()), fr::amount(inv.amount.get()));
                    said.push(if k < booked_invoices {
                        format!(
                            "client {who}, facture {} : {was} dans le FEC, {is} sur la facture électronique ; le montant du FEC est repris",
                            inv.number
                        )
                    } else {
                        format!(
                            "client {who}, facture {} : deux versions ({was}, puis {is}) ; la première est reprise",
                            inv.number
                        )
                    });
                }
                if books.due_assumed {
                    if let Ok((due, false)) = due_of(inv, terms_days) {
                        books.due = due;
                        books.due_assumed = false;
                    }
                }
                if books.delivered.is_none() {
                    books.delivered = inv.delivered;
                }
            }
            None if after_books(inv.issued) => {
                let mut taken: HashSet<String> =
                    f.invoices.iter().map(|b| b.number.clone()).collect();
                match row(inv, unique_number(&inv.number, &mut taken), terms_days) {
                    Ok(added) => {
                        later.push(inv.number.clone());
                        f.invoices.push(added);
                    }
                    Err(why) => said.push(format!("client {who}, {why} ; non reprise")),
                }
            }
            None => unknown.push(inv.number.clone()),
        }
    }
    if !later.is_empty() {
        said.push(format!(
            "client {who} : facture(s) {} postérieure(s) à la dernière écriture du FEC ({books_end}), reprise(s) des factures électroniques ; les paiements reçus depuis ne sont pas connus",
            later.join(", ")
        ));
    }
    if !unknown.is_empty() {
        said.push(format!(
            "client {who} : facture(s) {} introuvable(s) dans le FEC, qui couvre sa date : sans doute comptabilisée(s) sous une autre référence, non reprise(s) ; ajoutez-la au dossier si elle manque",
            unknown.join(", ")
        ));
    }
    Done {
        aliases,
        left: unknown,
    }
}

/// Joins the credit notes of `list` to `f`, once the invoices have joined (`done`), the books
/// ending on `last_entry`.
fn join_credit_notes(
    f: &mut Dossier,
    list: &[EInvoice],
    done: &Done,
    last_entry: Option<NaiveDate>,
    said: &mut Vec<String>,
) {
    let who = f.debtor.identity.name.clone();
    let booked_notes = f.credit_notes.len();
    let mut taken = vec![false; booked_notes];
    for note in list.iter().filter(|i| i.credit_note) {
        // The invoice it corrects, as the books number it.
        let corrects = note.corrects.as_deref().map(|n| {
            done.aliases
                .iter()
                .find(|(e, _)| e == n)
                .map_or(n, |(_, books)| books.as_str())
        });
        let held = corrects.and_then(|n| {
            f.invoices
                .iter()
                .find(|b| number_key(&b.number) == number_key(n))
                .map(|b| b.number.clone())
        });
        // The credit note of an invoice left out of this import follows it; one of an invoice
        // the books hold under another reference is deducted all the same (below).
        if let Some(n) = note
            .corrects
            .as_deref()
            .filter(|n| held.is_none() && done.left.iter().any(|l| l == n))
        {
            said.push(format!(
                "client {who}, avoir {} : il corrige la facture {n}, non reprise ; non repris",
                note.number
            ));
            continue;
        }
        let corrects = held;
        // Dated after the books' last entry, it cannot be in them.
        let bookable = last_entry.is_none_or(|end| note.issued <= end);
        let same = (0..booked_notes).find(|&k| {
            bookable
                && !taken.get(k).copied().unwrap_or(true)
                && f.credit_notes.get(k).is_some_and(|c| {
                    c.amount == note.amount
                        && c.date.is_some_and(|d| {
                            (d - note.issued).num_days().abs() <= SAME_CREDIT_NOTE_DAYS
                        })
                        && (c.invoice.is_none() || corrects.is_none() || c.invoice == corrects)
                })
        });
        match same {
            Some(k) => {
                if let Some(flag) = taken.get_mut(k) {
                    *flag = true;
                }
                let on = f
                    .credit_notes
                    .get(k)
                    .and_then(|c| c.date)
                    .map(fr::date)
                    .unwrap_or_default();
                said.push(format!(
                    "client {who}, avoir {} ({}) : celui du FEC du {on}, compté une fois",
                    note.number,
                    fr::amount(note.amount.get())
                ));
            }
            None => {
                said.push(format!(
                    "client {who}, avoir {} ({}) : absent du FEC, déduit par prudence",
                    note.number,
                    fr::amount(note.amount.get())
                ));
                f.credit_notes.push(CreditNote {
                    date: Some(note.issued),
                    amount: note.amount,
                    invoice: corrects,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use relance_engine::money::Eur;

    fn eur(v: i64) -> Eur {
        Eur::new(rust_decimal::Decimal::from(v)).unwrap()
    }

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, m, d).unwrap()
    }

    fn party(name: &str, siren: &str) -> Party {
        Party {
            name: name.to_owned(),
            siren: siren.to_owned(),
            address: String::new(),
        }
    }

    const SELLER: &str = "732829320";

    /// An e-invoice of the seller to `buyer` (its SIREN `siren`).
    fn e(number: &str, issued: NaiveDate, amount: i64, buyer: &str, siren: &str) -> EInvoice {
        EInvoice {
            number: number.to_owned(),
            issued,
            credit_note: false,
            due: Some(issued + chrono::Days::new(30)),
            corrects: None,
            delivered: None,
            amount: eur(amount),
            seller: party("Atelier Martin SAS", SELLER),
            buyer: party(buyer, siren),
            penalty_note: None,
        }
    }

    fn credit(number: &str, issued: NaiveDate, amount: i64, corrects: Option<&str>) -> EInvoice {
        EInvoice {
            credit_note: true,
            corrects: corrects.map(str::to_owned),
            ..e(number, issued, amount, "Garage Dupont SARL", "552100554")
        }
    }

    /// A customer account of the books with invoices `(number, date, amount)`.
    fn account(name: &str, invoices: &[(&str, NaiveDate, i64)]) -> Dossier {
        let invoices = invoices
            .iter()
            .map(|&(number, issued, amount)| Invoice {
                number: number.to_owned(),
                issued: Some(issued),
                due: issued + chrono::Days::new(30),
                due_assumed: true,
                amount: eur(amount),
                delivered: None,
            })
            .collect();
        let creditor = Identity {
            siren: SELLER.to_owned(),
            ..Identity::default()
        };
        let debtor = Identity {
            name: name.to_owned(),
            ..Identity::default()
        };
        crate::imported::dossier(creditor, debtor, invoices, vec![], vec![])
    }

    /// What the join said in place `i` holds `words`.
    #[track_caller]
    fn says(said: &[String], i: usize, words: &str) {
        assert!(
            said.get(i).is_some_and(|s| s.contains(words)),
            "{words:?} not in said[{i}]: {said:?}"
        );
    }

    /// What the join said holds `words` somewhere.
    #[track_caller]
    fn says_somewhere(said: &[String], words: &str) {
        assert!(
            said.iter().any(|s| s.contains(words)),
            "{words:?} not said: {said:?}"
        );
    }

    fn run(books: Vec<Dossier>, end: NaiveDate, invoices: Vec<EInvoice>) -> Joined {
        let ends = vec![Some(end); books.len()];
        fec_and_einvoices(books, &ends, invoices, 30)
    }

    #[test]
    fn names_and_numbers_fold() {
        assert!(same_name("DUPONT S.A.R.L.", "Dupont SARL"));
        assert!(same_name("Société Générale", "SOCIETE GENERALE"));
        assert!(!same_name("Dupont", "Dupond"));
        assert!(!same_name("", ""));
        assert!(!same_name("...", "--"));
        assert_eq!(number_key("fa-2025/201"), "FA2025201");
    }

    /// The books' invoice, found by its number or by its date and amount, is not asked twice:
    /// it keeps the books' amount and takes the invoice's due date, delivery date and names.
    #[test]
    fn an_invoice_the_books_hold_is_not_added() {
        let books = account(
            "GARAGE DUPONT",
            &[("FA2025/201", day(3, 1), 2400), ("VT00042", day(4, 2), 600)],
        );
        let mut by_number = e(
            "FA-2025-201",
            day(3, 1),
            2500,
            "Garage Dupont SARL",
            "552100554",
        );
        by_number.delivered = Some(day(2, 20));
        let by_row = e(
            "FA-2025-215",
            day(4, 2),
            600,
            "Garage Dupont SARL",
            "552100554",
        );
        let out = run(vec![books], day(12, 31), vec![by_number, by_row]);
        assert!(out.rest.is_empty());
        let d = &out.dossiers[0];
        let numbers: Vec<&str> = d.invoices.iter().map(|i| i.number.as_str()).collect();
        assert_eq!(numbers, ["FA2025/201", "VT00042"]);
        let first = &d.invoices[0];
        assert_eq!(
            (first.amount, first.due, first.due_assumed),
            (eur(2400), day(3, 31), false)
        );
        assert_eq!(first.delivered, Some(day(2, 20)));
        assert_eq!(d.debtor.identity.name, "Garage Dupont SARL");
        assert_eq!(d.debtor.identity.siren, "552100554");
        assert_eq!(out.said.len(), 3, "{:?}", out.said);
        says(
            &out.said,
            2,
            "facture FA-2025-215 : celle du FEC « VT00042 »",
        );
        says(&out.said, 0, "nom repris des factures électroniques");
        says(&out.said, 1, "2 400,00 € dans le FEC, 2 500,00 €");
    }

    /// An invoice the books do not hold: added when dated after their last entry, else left to
    /// the user (probably booked under another reference); its credit note follows it.
    #[test]
    fn an_invoice_the_books_lack_is_added_only_after_their_last_entry() {
        let books = || account("Garage Dupont SARL", &[("FA-1", day(1, 10), 100)]);
        let invoices = || {
            vec![
                e("FA-2", day(6, 1), 300, "Garage Dupont SARL", ""),
                credit("AV-1", day(6, 15), 50, Some("FA-2")),
            ]
        };
        let within = run(vec![books()], day(9, 30), invoices());
        assert_eq!(within.dossiers[0].invoices.len(), 1);
        assert!(within.dossiers[0].credit_notes.is_empty());
        says(&within.said, 0, "FA-2 introuvable(s) dans le FEC");
        says(
            &within.said,
            1,
            "avoir AV-1 : il corrige la facture FA-2, non reprise",
        );
        let after = run(vec![books()], day(5, 31), invoices());
        let d = &after.dossiers[0];
        assert_eq!(d.invoices.len(), 2);
        assert_eq!(
            (d.invoices[1].due, d.invoices[1].due_assumed),
            (day(7, 1), false)
        );
        assert_eq!(d.credit_notes.len(), 1);
        assert_eq!(d.credit_notes[0].invoice.as_deref(), Some("FA-2"));
        says(
            &after.said,
            0,
            "FA-2 postérieure(s) à la dernière écriture du FEC (31/05/2025)",
        );
        says(&after.said, 1, "AV-1 (50,00 €) : absent du FEC, déduit");
    }

    /// A credit note the books hold (same amount, within 31 days, same invoice when both say)
    /// counts once; any other is deducted.
    #[test]
    fn a_credit_note_the_books_hold_counts_once() {
        let with_note = |date: NaiveDate, invoice: Option<&str>| {
            let mut f = account(
                "Garage Dupont SARL",
                &[("FA-1", day(1, 10), 500), ("FA-2", day(1, 12), 500)],
            );
            f.credit_notes = vec![CreditNote {
                date: Some(date),
                amount: eur(100),
                invoice: invoice.map(str::to_owned),
            }];
            f
        };
        let notes = |books: Dossier, note: EInvoice| {
            run(vec![books], day(12, 31), vec![note]).dossiers[0]
                .credit_notes
                .len()
        };
        let f1 = Some("FA-1");
        assert_eq!(
            notes(
                with_note(day(3, 16), None),
                credit("AV", day(3, 15), 100, f1)
            ),
            1
        );
        assert_eq!(
            notes(
                with_note(day(3, 16), f1),
                credit("AV", day(3, 15), 100, None)
            ),
            1
        );
        assert_eq!(
            notes(with_note(day(4, 15), f1), credit("AV", day(3, 15), 100, f1)),
            1
        );
        // Another amount, another invoice, more than 31 days apart: another credit note.
        assert_eq!(
            notes(
                with_note(day(3, 16), None),
                credit("AV", day(3, 15), 50, f1)
            ),
            2
        );
        assert_eq!(
            notes(
                with_note(day(3, 16), f1),
                credit("AV", day(3, 15), 100, Some("FA-2"))
            ),
            2
        );
        assert_eq!(
            notes(with_note(day(4, 16), f1), credit("AV", day(3, 15), 100, f1)),
            2
        );
        // One booked credit note stands for one of the invoices', not two.
        let out = run(
            vec![with_note(day(3, 16), None)],
            day(12, 31),
            vec![
                credit("AV-1", day(3, 15), 100, f1),
                credit("AV-2", day(3, 15), 100, f1),
            ],
        );
        assert_eq!(out.dossiers[0].credit_notes.len(), 2);
        says(
            &out.said,
            0,
            "AV-1 (100,00 €) : celui du FEC du 16/03/2025, compté une fois",
        );
    }

    #[test]
    fn no_join_when_the_account_could_be_another_debtor() {
        let dupont = || account("Garage Dupont SARL", &[("FA-1", day(1, 10), 100)]);
        // Another creditor's invoice to a customer of the same name.
        let mut other = e("FA-9", day(2, 1), 100, "Garage Dupont SARL", "");
        other.seller = party("Autre SAS", "552100554");
        let out = run(vec![dupont()], day(12, 31), vec![other]);
        assert_eq!((out.dossiers[0].invoices.len(), out.rest.len()), (1, 1));
        // Two accounts of that name: which one is unknown.
        let out = run(
            vec![dupont(), dupont()],
            day(12, 31),
            vec![e("FA-9", day(2, 1), 100, "GARAGE DUPONT SARL", "")],
        );
        assert_eq!(out.rest.len(), 1);
        says(&out.said, 0, "plusieurs comptes du FEC peuvent être le sien (Garage Dupont SARL, Garage Dupont SARL)");
        // Two companies of that name (two SIRENs): the one sharing a number joins, not the other.
        let out = run(
            vec![dupont()],
            day(12, 31),
            vec![
                e("FA-1", day(1, 10), 100, "Garage Dupont SARL", "552100554"),
                e("FA-7", day(2, 1), 700, "Garage Dupont SARL", "542051180"),
            ],
        );
        assert_eq!(out.dossiers[0].debtor.identity.siren, "552100554");
        assert_eq!(out.rest.len(), 1);
        assert_eq!(out.rest[0].number, "FA-7");
        says_somewhere(&out.said, "porte aussi le nom d'un autre client");
        // Neither a number nor a name in common: apart, unsaid.
        let out = run(
            vec![dupont()],
            day(12, 31),
            vec![e("FA-9", day(2, 1), 100, "Boulangerie Martin", "")],
        );
        assert_eq!(out.rest.len(), 1);
        assert!(out.said.is_empty(), "{:?}", out.said);
    }

    /// One buyer's invoices held on two accounts: each joins the account holding it, none is
    /// asked twice; one neither holds stays apart, said.
    #[test]
    fn invoices_on_two_accounts_join_each_its_own() {
        let books = vec![
            account("Garage Dupont SARL", &[("FA-1", day(1, 10), 100)]),
            account("GARAGE DUPONT", &[("FA-2", day(2, 10), 200)]),
        ];
        let out = run(
            books,
            day(12, 31),
            vec![
                e("FA-1", day(1, 10), 100, "Garage Dupont SARL", "552100554"),
                e("FA-2", day(2, 10), 200, "Garage Dupont SARL", "552100554"),
                credit("AV-2", day(2, 20), 20, Some("FA-2")),
                e("FA-3", day(3, 10), 300, "Garage Dupont SARL", "552100554"),
                // On neither account: deducted on the first rather than lost.
                credit("AV-X", day(3, 20), 10, None),
            ],
        );
        let counts: Vec<(usize, usize)> = out
            .dossiers
            .iter()
            .map(|d| (d.invoices.len(), d.credit_notes.len()))
            .collect();
        assert_eq!(counts, [(1, 1), (1, 1)]);
        says_somewhere(&out.said, "avoir(s) AV-X sans facture d'un seul compte du FEC : déduit(s) sur le compte « Garage Dupont SARL »");
        assert_eq!(out.rest.len(), 1);
        assert_eq!(out.rest[0].number, "FA-3");
        says_somewhere(&out.said, "client Garage Dupont SARL (SIREN 552100554) : ses factures sont sur plusieurs comptes du FEC ; FA-3 dans un dossier à part");
    }

    /// A SIREN an earlier join gave the account tells another company apart, even sharing a
    /// number.
    #[test]
    fn a_siren_given_by_a_join_keeps_another_company_apart() {
        let books = account(
            "Garage Dupont SARL",
            &[("FA-1", day(1, 10), 100), ("FA-2", day(2, 10), 200)],
        );
        let out = run(
            vec![books],
            day(12, 31),
            vec![
                e("FA-1", day(1, 10), 100, "Garage Dupont SARL", "552100554"),
                e("FA-2", day(2, 10), 200, "Garage Dupont SARL", "542051180"),
            ],
        );
        assert_eq!(out.dossiers[0].debtor.identity.siren, "552100554");
        assert_eq!(out.rest.len(), 1);
        assert_eq!(out.rest[0].buyer.siren, "542051180");
    }

    /// The books hold the invoice under their own reference: its credit note goes on it.
    #[test]
    fn a_credit_note_follows_the_books_reference_of_its_invoice() {
        let books = account("Garage Dupont SARL", &[("VT00042", day(4, 2), 600)]);
        let out = run(
            vec![books],
            day(12, 31),
            vec![
                e("FA-215", day(4, 2), 600, "Garage Dupont SARL", ""),
                credit("AV-9", day(4, 20), 60, Some("FA-215")),
            ],
        );
        let notes = &out.dossiers[0].credit_notes;
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].invoice.as_deref(), Some("VT00042"));
    }

    /// Two versions of one invoice after the books: one row, the difference said.
    #[test]
    fn two_versions_of_an_invoice_make_one_row() {
        let books = account("Garage Dupont SARL", &[("FA-1", day(1, 10), 100)]);
        let out = run(
            vec![books],
            day(5, 31),
            vec![
                e("FA-2", day(6, 2), 300, "Garage Dupont SARL", ""),
                e("FA-2", day(6, 2), 350, "Garage Dupont SARL", ""),
            ],
        );
        let d = &out.dossiers[0];
        assert_eq!(d.invoices.len(), 2);
        assert_eq!(d.invoices[1].amount, eur(300));
        assert_eq!(relance_engine::parse::dossier(&d.to_json()).as_ref(), Ok(d));
        says_somewhere(&out.said, "FA-2 : deux versions (300,00 €, puis 350,00 €)");
    }

    /// The books hold the invoice under another reference and another label: it joins by its
    /// date and amount, not as another debtor's.
    #[test]
    fn an_invoice_under_another_reference_and_label_joins_by_date_and_amount() {
        let books = account("GARAGE DUP.", &[("VT00042", day(3, 1), 2400)]);
        let out = run(
            vec![books],
            day(12, 31),
            vec![e(
                "FA-2025-201",
                day(3, 1),
                2400,
                "Garage Dupont SARL",
                "552100554",
            )],
        );
        assert!(out.rest.is_empty(), "{:?}", out.rest);
        assert_eq!(out.dossiers[0].invoices.len(), 1);
        assert_eq!(out.dossiers[0].debtor.identity.siren, "552100554");
    }

    /// Folded numbers alike are one invoice only with the same date or amount.
    #[test]
    fn alike_numbers_of_other_dates_and_amounts_are_other_invoices() {
        let books = account("Garage Dupont SARL", &[("F-12-3", day(4, 1), 100)]);
        let out = run(
            vec![books],
            day(10, 31),
            vec![e("F-1-23", day(11, 1), 700, "Garage Dupont SARL", "")],
        );
        let d = &out.dossiers[0];
        assert_eq!(d.invoices.len(), 2);
        assert_eq!(d.invoices[0].due, day(5, 1));
        assert_eq!(relance_engine::parse::dossier(&d.to_json()).as_ref(), Ok(d));
    }

    /// A credit note dated after the books' last entry is not in them; one correcting an
    /// invoice they hold under another reference is deducted, not dropped.
    #[test]
    fn a_credit_note_after_the_books_or_on_another_reference_is_deducted() {
        let mut books = account("Garage Dupont SARL", &[("VT00042", day(3, 1), 2400)]);
        books.credit_notes = vec![CreditNote {
            date: Some(day(12, 10)),
            amount: eur(240),
            invoice: None,
        }];
        let out = run(
            vec![books.clone()],
            day(12, 16),
            vec![credit("AV-1", day(12, 20), 240, None)],
        );
        assert_eq!(out.dossiers[0].credit_notes.len(), 2);
        let out = run(
            vec![books],
            day(12, 31),
            vec![credit("AV-2", day(6, 1), 500, Some("FA-2025-201"))],
        );
        assert_eq!(out.dossiers[0].credit_notes.len(), 2);
        says_somewhere(&out.said, "AV-2 (500,00 €) : absent du FEC, déduit");
    }

    /// Books whose creditor is unknown (an FEC's name without its SIREN) take invoices by their
    /// numbers or rows only, never by a customer's name, and keep their creditor blank.
    #[test]
    fn books_of_an_unknown_creditor_take_no_invoice_by_name() {
        let mut books = account("Garage Dupont SARL", &[("FA-1", day(1, 10), 100)]);
        books.creditor.identity.siren.clear();
        let mut other = e("FA-9", day(2, 1), 100, "Garage Dupont SARL", "");
        other.seller = party("Autre SAS", "542051180");
        let out = run(vec![books.clone()], day(12, 31), vec![other]);
        assert_eq!(out.rest.len(), 1);
        let out = run(
            vec![books],
            day(12, 31),
            vec![e("FA-1", day(1, 10), 100, "Garage Dupont SARL", "")],
        );
        assert!(out.rest.is_empty());
        assert_eq!(out.dossiers[0].creditor.identity.name, "");
    }

    /// Each account is read against its own FEC's last entry.
    #[test]
    fn each_account_has_its_books_last_entry() {
        let books = vec![
            account("Garage Dupont SARL", &[("A-1", day(1, 10), 100)]),
            account("Boulangerie Martin", &[("B-1", day(1, 10), 100)]),
        ];
        let ends = [Some(day(12, 31)), Some(day(3, 10))];
        let out = fec_and_einvoices(
            books,
            &ends,
            vec![
                e("A-2", day(6, 1), 200, "Garage Dupont SARL", ""),
                e("B-2", day(6, 1), 200, "Boulangerie Martin", ""),
            ],
            30,
        );
        let counts: Vec<usize> = out.dossiers.iter().map(|d| d.invoices.len()).collect();
        assert_eq!(counts, [1, 2]);
    }

    /// A number alike is the books' invoice only with its date or its amount.
    #[test]
    fn a_number_alike_joins_only_with_its_date_or_amount() {
        let books = || account("Garage Dupont SARL", &[("F-12-3", day(4, 1), 100)]);
        let joins = |issued, amount| {
            let out = run(
                vec![books()],
                day(12, 31),
                vec![e("F-1-23", issued, amount, "Autre nom", "")],
            );
            out.rest.is_empty()
        };
        assert!(!joins(day(11, 1), 700));
        assert!(joins(day(11, 1), 100));
        assert!(joins(day(4, 1), 700));
    }

    /// Split between two accounts: an invoice goes to the one holding its date and amount; a
    /// credit note naming no invoice to the first, whatever its date and amount.
    #[test]
    fn a_split_places_invoices_by_row_too() {
        let books = vec![
            account("Garage Dupont SARL", &[("FA-1", day(1, 10), 100)]),
            account(
                "GARAGE DUPONT",
                &[("FA-2", day(2, 10), 200), ("VT-3", day(3, 10), 300)],
            ),
        ];
        let out = run(
            books,
            day(12, 31),
            vec![
                e("FA-1", day(1, 10), 100, "Garage Dupont SARL", "552100554"),
                e("FA-2", day(2, 10), 200, "Garage Dupont SARL", "552100554"),
                e("FA-3", day(3, 10), 300, "Garage Dupont SARL", "552100554"),
                credit("AV-X", day(3, 10), 300, None),
            ],
        );
        assert!(out.rest.is_empty(), "{:?}", out.rest);
        let counts: Vec<(usize, usize)> = out
            .dossiers
            .iter()
            .map(|d| (d.invoices.len(), d.credit_notes.len()))
            .collect();
        assert_eq!(counts, [(1, 1), (2, 0)]);
    }

    /// A credit note in another file than its invoice, booked under another reference: it
    /// goes on the books' reference.
    #[test]
    fn a_credit_note_of_another_group_finds_its_invoice_by_its_reference() {
        let books = account("Garage Dupont SARL", &[("VT-7", day(5, 2), 700)]);
        let mut note = credit("AV-7", day(5, 20), 70, Some("FA-7"));
        note.buyer = party("Garage Dupont SARL", "");
        let out = run(
            vec![books],
            day(12, 31),
            // The credit note's file first: the invoice's reference comes later.
            vec![
                note,
                e("FA-7", day(5, 2), 700, "Garage Dupont SARL", "552100554"),
            ],
        );
        assert!(out.rest.is_empty(), "{:?}", out.rest);
        let notes = &out.dossiers[0].credit_notes;
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].invoice.as_deref(), Some("VT-7"));
    }

    /// An invoice of the books' last day is within their period.
    #[test]
    fn the_books_last_day_is_theirs() {
        let books = || account("Garage Dupont SARL", &[("FA-1", day(1, 10), 100)]);
        let invoice = || vec![e("FA-2", day(6, 30), 300, "Garage Dupont SARL", "")];
        assert_eq!(
            run(vec![books()], day(6, 30), invoice()).dossiers[0]
                .invoices
                .len(),
            1
        );
        assert_eq!(
            run(vec![books()], day(6, 29), invoice()).dossiers[0]
                .invoices
                .len(),
            2
        );
    }

    /// Credit notes alone (the invoice in the books) join the account by the invoice they
    /// correct.
    #[test]
    fn credit_notes_alone_join_the_invoice_they_correct() {
        let books = account("GARAGE DUPONT", &[("FA-2025-201", day(3, 1), 2400)]);
        let out = run(
            vec![books],
            day(12, 31),
            vec![credit("AV-7", day(12, 20), 240, Some("FA-2025-201"))],
        );
        assert!(out.rest.is_empty());
        let notes = &out.dossiers[0].credit_notes;
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].invoice.as_deref(), Some("FA-2025-201"));
    }
}
