//! The FEC fixture (`fixtures/make_fec.py`, Windows-1252): what is imported, and the same
//! totals as the same invoices typed by hand.

use chrono::NaiveDate;
use relance_engine::{compute, parse, RateTables};
use relance_import::{fec, portfolio, text};

fn fixture() -> Vec<relance_engine::Dossier> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/732829320FEC20251231.txt"
    );
    let bytes = std::fs::read(path).unwrap();
    let text = text::decode(&bytes);
    assert!(fec::looks_like_fec(&text));
    let imported = fec::read(&text, 30).unwrap();
    assert!(imported.left_out.is_empty(), "{:?}", imported.left_out);
    imported.dossiers
}

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 12, 31).unwrap()
}

#[test]
fn one_dossier_per_customer_with_an_invoice_and_the_portfolio_of_those_who_owe() {
    let dossiers = fixture();
    let names: Vec<&str> = dossiers
        .iter()
        .map(|d| d.debtor.identity.name.as_str())
        .collect();
    assert_eq!(
        names,
        ["Boulangerie Martin", "Garage Dupont SARL", "Café du Port"]
    );
    // The payment lettered with FA-101 names it; the cheque of Garage Dupont is not lettered.
    assert_eq!(dossiers[0].payments[0].invoice.as_deref(), Some("FA-101"));
    assert_eq!(dossiers[1].payments[0].invoice, None);
    let rows = portfolio::rows(&dossiers, day(), &RateTables::builtin());
    let owing: Vec<(&str, String)> = rows
        .iter()
        .map(|r| (r.debtor.as_str(), r.total.to_string()))
        .collect();
    // Café du Port paid on time: it owes nothing and is left out; Boulangerie Martin paid late
    // and still owes penalties and the 40 € (C. com. L441-10, D441-5).
    assert_eq!(
        owing,
        [
            ("Garage Dupont SARL", "3553.17".to_owned()),
            ("Boulangerie Martin", "65.93".to_owned())
        ]
    );
}

#[test]
fn the_totals_are_those_of_the_same_invoices_typed_by_hand() {
    let typed = r#"{"version": 3, "creditor": {"kind": "company"},
        "debtor": {"name": "Garage Dupont SARL", "kind": "professional"},
        "invoices": [{"number": "FA-102", "issued": "01/03/2025", "amount": "3 600,00"},
                     {"number": "FA-110", "issued": "30/09/2025", "amount": "600,00"}],
        "payments": [{"date": "05/05/2025", "amount": "1 000,00"}]}"#;
    let typed = parse::dossier(typed).unwrap();
    let imported = fixture().remove(1);
    let tables = RateTables::builtin();
    assert_eq!(
        compute(&imported, day(), &tables).totals,
        compute(&typed, day(), &tables).totals
    );
    assert_eq!(parse::dossier(&imported.to_json()), Ok(imported));
}
