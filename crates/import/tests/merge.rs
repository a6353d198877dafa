//! An FEC and the e-invoices of the same customer imported together (fixtures `make_fec.py`,
//! `make_einvoices.py`): one dossier for Garage Dupont SARL, the books' payments with the
//! invoices' SIREN, address, due and delivery dates, and the same totals as typed by hand.

use chrono::NaiveDate;
use relance_engine::{compute, parse, RateTables};
use relance_import::{einvoice, fec, merge, text};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(path).unwrap()
}

#[test]
fn the_books_and_the_invoices_of_one_customer_make_one_dossier() {
    let books = fec::read(&text::decode(&fixture("732829320FEC20251231.txt")), 30)
        .unwrap()
        .dossiers;
    let invoices = ["ubl-invoice.xml", "ubl-credit-note.xml", "cii-invoice.xml"]
        .map(|name| einvoice::read(&text::decode(&fixture(name))).unwrap());
    let (einvoices, left_out) = einvoice::dossiers(invoices.to_vec(), 30);
    assert!(left_out.is_empty(), "{left_out:?}");
    assert_eq!(einvoices.len(), 1);
    let customers = books.len();
    let (all, said) = merge::fec_and_einvoices(books, einvoices);
    // Joined by the name: no dossier more than the books' customers.
    assert_eq!(all.len(), customers);
    let dupont = all
        .iter()
        .find(|d| d.debtor.identity.name == "Garage Dupont SARL")
        .unwrap();
    assert_eq!(dupont.debtor.identity.siren, "552100554");
    assert_eq!(dupont.debtor.identity.address, "4 avenue Foch\n75016 Paris");
    assert_eq!(dupont.creditor.identity.name, "Atelier Martin SAS");
    let numbers: Vec<&str> = dupont.invoices.iter().map(|i| i.number.as_str()).collect();
    assert_eq!(numbers, ["FA-102", "FA-110", "FA-2025-201", "FA-2025-230"]);
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].contains("FA-2025-201, FA-2025-230 absente(s) du FEC"),
        "{said:?}"
    );
    // The same rows typed by hand give the same totals.
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
    let day = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
    let merged = compute(dupont, day, &RateTables::builtin());
    let by_hand = compute(&typed, day, &RateTables::builtin());
    assert_eq!(merged.totals, by_hand.totals);
    // The invoices' own dates, not the assumed 30 days.
    let ubl = &dupont.invoices[2];
    assert!(!ubl.due_assumed);
    assert_eq!(ubl.due, NaiveDate::from_ymd_opt(2025, 3, 31).unwrap());
    assert_eq!(ubl.delivered, NaiveDate::from_ymd_opt(2025, 2, 20));
}
