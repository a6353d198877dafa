//! An FEC and the e-invoices of the same customer imported together (fixtures `make_fec.py`,
//! `make_einvoices.py`): one dossier for Garage Dupont SARL, whose invoices the books hold
//! under other numbers: within the books' period nothing is asked twice; after it, the invoices
//! join and the totals are those of the same rows typed by hand.

use chrono::NaiveDate;
use relance_engine::{compute, parse, RateTables};
use relance_import::{einvoice, fec, merge, text};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(path).unwrap()
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn joined(last_entry: Option<NaiveDate>) -> (relance_engine::Dossier, Vec<String>) {
    let books = fec::read(&text::decode(&fixture("732829320FEC20251231.txt")), 30).unwrap();
    let last_entry = last_entry.or(books.last_entry);
    let invoices = ["ubl-invoice.xml", "ubl-credit-note.xml", "cii-invoice.xml"]
        .map(|name| einvoice::read(&text::decode(&fixture(name))).unwrap());
    let customers = books.dossiers.len();
    // The creditor's SIREN, as `relance import` reads it from the FEC's name.
    let mut dossiers = books.dossiers;
    for d in &mut dossiers {
        d.creditor.identity.siren = "732829320".to_owned();
    }
    let ends = vec![last_entry; customers];
    let out = merge::fec_and_einvoices(dossiers, &ends, invoices.to_vec(), 30);
    // Joined by the name: every e-invoice went to the books' customer.
    assert!(out.rest.is_empty(), "{:?}", out.rest);
    assert_eq!(out.dossiers.len(), customers);
    let dupont = out
        .dossiers
        .into_iter()
        .find(|d| d.debtor.identity.name == "Garage Dupont SARL")
        .unwrap();
    (dupont, out.said)
}

#[test]
fn within_the_books_period_an_invoice_they_lack_is_not_asked() {
    let books = fec::read(&text::decode(&fixture("732829320FEC20251231.txt")), 30).unwrap();
    assert_eq!(books.last_entry, Some(ymd(2025, 9, 30)));
    let alone = books
        .dossiers
        .iter()
        .find(|d| d.debtor.identity.name == "Garage Dupont SARL")
        .unwrap()
        .clone();
    let (dupont, said) = joined(None);
    assert_eq!(dupont.debtor.identity.siren, "552100554");
    assert_eq!(dupont.debtor.identity.address, "4 avenue Foch\n75016 Paris");
    assert_eq!(dupont.creditor.identity.name, "Atelier Martin SAS");
    assert_eq!(dupont.invoices, alone.invoices);
    assert_eq!(dupont.credit_notes, alone.credit_notes);
    assert!(
        said[0].contains("FA-2025-201, FA-2025-230 introuvable(s) dans le FEC"),
        "{said:?}"
    );
    assert!(
        said[1].contains("avoir AV-2025-007 : il corrige la facture FA-2025-201"),
        "{said:?}"
    );
    let day = ymd(2025, 12, 31);
    assert_eq!(
        compute(&dupont, day, &RateTables::builtin()).totals,
        compute(&alone, day, &RateTables::builtin()).totals
    );
}

#[test]
fn after_the_books_last_entry_the_invoices_join_with_the_totals_typed_by_hand() {
    // As if the books ended on 28 February 2025 for these invoices.
    let (dupont, said) = joined(Some(ymd(2025, 2, 28)));
    let numbers: Vec<&str> = dupont.invoices.iter().map(|i| i.number.as_str()).collect();
    assert_eq!(numbers, ["FA-102", "FA-110", "FA-2025-201", "FA-2025-230"]);
    assert!(
        said[0].contains(
            "FA-2025-201, FA-2025-230 postérieure(s) à la dernière écriture du FEC (28/02/2025)"
        ),
        "{said:?}"
    );
    let typed = parse::dossier(
        r#"{"version": 3,
            "creditor": {"name": "Atelier Martin SAS", "kind": "company"},
            "debtor": {"name": "Garage Dupont SARL", "kind": "professional"},
            "invoices": [
              {"number": "FA-102", "issued": "2025-03-01", "due": "2025-03-31", "amount": "3600.00"},
              {"number": "FA-110", "issued": "2025-09-30", "due": "2025-10-30", "amount": "600.00"},
              {"number": "FA-2025-201", "issued": "2025-03-01", "due": "2025-03-31",
               "delivered": "2025-02-20", "amount": "2400.00"},
              {"number": "FA-2025-230", "issued": "2025-05-10", "due": "2025-06-09",
               "delivered": "2025-05-05", "amount": "1200.00"}],
            "payments": [{"date": "2025-05-05", "amount": "1000.00"}],
            "credit_notes": [{"date": "2025-03-15", "amount": "240.00", "invoice": "FA-2025-201"}]}"#,
    )
    .unwrap();
    let day = ymd(2025, 12, 31);
    assert_eq!(
        compute(&dupont, day, &RateTables::builtin()).totals,
        compute(&typed, day, &RateTables::builtin()).totals
    );
}
