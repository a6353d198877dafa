//! UBL and CII invoices (`fixtures/make_einvoices.py`): what each gives, one dossier per seller
//! and buyer, and the same totals as the same invoices typed by hand.

use chrono::NaiveDate;
use relance_engine::{compute, parse, RateTables};
use relance_import::einvoice::{self, EInvoice};

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).unwrap()
}

fn read(name: &str) -> EInvoice {
    einvoice::read(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn each_syntax_gives_its_business_terms() {
    let ubl = read("ubl-invoice.xml");
    assert_eq!(ubl.number, "FA-2025-201");
    assert_eq!(
        (ubl.issued, ubl.due),
        (ymd(2025, 3, 1), Some(ymd(2025, 3, 31)))
    );
    assert_eq!(ubl.delivered, Some(ymd(2025, 2, 20)));
    assert_eq!(ubl.amount.get().to_string(), "2400.00");
    assert_eq!(ubl.seller.name, "Atelier Martin SAS");
    assert_eq!(ubl.seller.siren, "732829320", "from the SIRET");
    assert_eq!(ubl.buyer.address, "4 avenue Foch\n75016 Paris");
    let note = read("ubl-credit-note.xml");
    assert!(note.credit_note);
    assert_eq!(note.corrects.as_deref(), Some("FA-2025-201"));
    // No BT-9: « Paiement à 45 jours » (BT-20) gives the due date.
    assert_eq!(read("ubl-terms.xml").due, Some(ymd(2025, 7, 17)));
    let cii = read("cii-invoice.xml");
    assert_eq!(
        (cii.issued, cii.due),
        (ymd(2025, 5, 10), Some(ymd(2025, 6, 9)))
    );
    assert_eq!(cii.delivered, Some(ymd(2025, 5, 5)));
    assert_eq!(cii.buyer.siren, "552100554");
}

/// A credit note with no invoice of the same seller and buyer is said, not silently dropped.
#[test]
fn an_orphan_credit_note_is_said() {
    let (dossiers, left_out) = einvoice::dossiers(vec![read("ubl-credit-note.xml")], 30);
    assert!(dossiers.is_empty());
    assert_eq!(
        left_out,
        ["avoir(s) AV-2025-007 pour Garage Dupont SARL sans facture du même vendeur et du même client : non repris"]
    );
}

#[test]
fn what_is_not_a_euro_invoice_is_refused_in_french() {
    let dollars = einvoice::read(&fixture("ubl-dollars.xml")).unwrap_err();
    assert_eq!(
        dollars,
        "facture FA-2025-299 : en USD ; Relance ne calcule qu'en euros"
    );
    let order = einvoice::read(&fixture("not-an-invoice.xml")).unwrap_err();
    assert!(order.contains("élément racine « Order »"), "{order}");
    assert!(einvoice::read("<Invoice><cbc:ID>")
        .unwrap_err()
        .starts_with("XML illisible"));
}

#[test]
fn one_dossier_per_seller_and_buyer_with_the_totals_typed_by_hand() {
    let all = [
        "ubl-invoice.xml",
        "ubl-credit-note.xml",
        "ubl-terms.xml",
        "cii-invoice.xml",
    ]
    .map(read)
    .to_vec();
    let (dossiers, left_out) = einvoice::dossiers(all, 30);
    assert!(left_out.is_empty(), "{left_out:?}");
    assert_eq!(dossiers.len(), 1);
    let d = &dossiers[0];
    assert_eq!(d.creditor.identity.siren, "732829320");
    assert_eq!(d.debtor.identity.name, "Garage Dupont SARL");
    assert_eq!(d.invoices.len(), 3);
    assert_eq!(d.credit_notes[0].invoice.as_deref(), Some("FA-2025-201"));
    let typed = r#"{"version": 3,
        "creditor": {"name": "Atelier Martin SAS", "kind": "company"},
        "debtor": {"name": "Garage Dupont SARL", "kind": "professional"},
        "invoices": [
          {"number": "FA-2025-201", "issued": "01/03/2025", "due": "31/03/2025", "amount": "2 400,00", "delivered": "20/02/2025"},
          {"number": "FA-2025-240", "issued": "02/06/2025", "due": "17/07/2025", "amount": "600,00"},
          {"number": "FA-2025-230", "issued": "10/05/2025", "due": "09/06/2025", "amount": "1 200,00", "delivered": "05/05/2025"}],
        "credit_notes": [{"date": "15/03/2025", "amount": "240,00", "invoice": "FA-2025-201"}]}"#;
    let typed = parse::dossier(typed).unwrap();
    let day = ymd(2025, 12, 31);
    let tables = RateTables::builtin();
    let (imported, by_hand) = (compute(d, day, &tables), compute(&typed, day, &tables));
    assert_eq!(imported.totals, by_hand.totals);
    assert_eq!(parse::dossier(&d.to_json()).as_ref(), Ok(d));
}

/// A Factur-X PDF (`fixtures/make_facturx.py`: the factur-x library over a pypdf page) carries
/// `cii-invoice.xml`; the same file rewritten by qpdf with object streams and a cross-reference
/// stream gives the same invoice.
#[test]
fn the_invoice_inside_a_factur_x_pdf() {
    let expected = read("cii-invoice.xml");
    for name in ["facturx.pdf", "facturx-object-streams.pdf"] {
        let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
        let bytes = std::fs::read(path).unwrap();
        assert!(relance_import::pdf::looks_like_pdf(&bytes));
        assert_eq!(
            relance_import::pdf::read(&bytes).as_ref(),
            Ok(&expected),
            "{name}"
        );
    }
}

/// The late-penalty note (BT-22 with subject code PMD; `#PMD#` in UBL) is said beside the
/// invoices that carry it, once per buyer and text; any other note is not it.
#[test]
fn the_penalty_note_is_said_beside_its_invoices() {
    let ubl = read("ubl-invoice.xml");
    assert_eq!(
        ubl.penalty_note.as_deref(),
        Some("Pénalités de retard : taux BCE + 10 points ; indemnité forfaitaire 40 €.")
    );
    let cii = read("cii-invoice.xml");
    assert_eq!(
        cii.penalty_note.as_deref(),
        Some("Pénalités de retard : taux BCE + 10 points.")
    );
    let other = einvoice::read(&fixture("ubl-invoice.xml").replace("#PMD#", "#AAB#")).unwrap();
    assert_eq!(other.penalty_note, None);
    let cii_other = einvoice::read(&fixture("cii-invoice.xml").replace(">PMD<", ">AAB<")).unwrap();
    assert_eq!(cii_other.penalty_note, None);
    let said = einvoice::penalty_notes(&[
        ubl,
        read("ubl-terms.xml"),
        cii.clone(),
        cii,
        // A credit note's note is not an invoice's penalties.
        einvoice::read(&fixture("ubl-credit-note.xml").replace(
            "<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>",
            "<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode><cbc:Note>#PMD#Avoir</cbc:Note>",
        ))
        .unwrap(),
    ]);
    assert_eq!(said.len(), 2, "{said:?}");
    assert!(
        said[0].starts_with("client Garage Dupont SARL, facture(s) FA-2025-201, FA-2025-240 : pénalités de retard selon la facture : « Pénalités de retard : taux BCE + 10 points ; indemnité"),
        "{said:?}"
    );
    assert!(said[0].ends_with("(options.rate)"), "{said:?}");
    assert!(said[1].contains("facture(s) FA-2025-230 :"), "{said:?}");
    // A note of any length stays one line of at most 500 characters.
    let long = "x ".repeat(400);
    let text =
        fixture("ubl-invoice.xml").replace("#PMD#Pénalités", &format!("#PMD#{long}\n\tPénalités"));
    let note = einvoice::read(&text).unwrap().penalty_note.unwrap();
    assert_eq!(note.chars().count(), einvoice::MAX_NOTE_CHARS + 1, "{note}");
    assert!(note.ends_with('…') && !note.contains('\n'), "{note}");
}

/// An invoice read twice (its XML and its Factur-X PDF) counts once, said; the same number with
/// another amount is another version of it: the first is kept, not both, said.
#[test]
fn an_invoice_read_twice_counts_once() {
    let cii = read("cii-invoice.xml");
    let (dossiers, said) = einvoice::dossiers(vec![cii.clone(), cii.clone()], 30);
    assert_eq!(dossiers.len(), 1);
    assert_eq!(dossiers[0].invoices.len(), 1);
    assert_eq!(
        said,
        ["client Garage Dupont SARL : FA-2025-230 lue deux fois (même vendeur, même numéro, même date, même montant) : comptée une fois"]
    );
    let other = einvoice::read(&fixture("cii-invoice.xml").replace("1200.00", "1300.00")).unwrap();
    let (dossiers, said) = einvoice::dossiers(vec![cii, other], 30);
    assert_eq!(dossiers[0].invoices.len(), 1);
    assert_eq!(dossiers[0].invoices[0].amount.get().to_string(), "1200.00");
    assert_eq!(
        said,
        ["client Garage Dupont SARL : facture(s) FA-2025-230 en deux versions (même numéro, autre date ou montant) : la première lue est reprise"]
    );
}
