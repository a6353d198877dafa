//! A UBL or CII document (bytes): never panics; the invoices read give dossiers that are valid
//! (their files read back to them) and compute with the engine's invariants — alone, and joined
//! to the customers of the import tests' FEC (`merge`), before and after its last entry.
#![no_main]

use libfuzzer_sys::fuzz_target;
use relance_engine::{compute, parse, Dossier, RateTables};
use relance_import::{einvoice, fec, merge, text};

/// The import tests' FEC: Garage Dupont SARL among its customers, as the fuzzed invoices' seeds.
const BOOKS: &[u8] = include_bytes!("../../crates/import/tests/fixtures/732829320FEC20251231.txt");

fn check(dossier: &Dossier) {
    assert_eq!(parse::dossier(&dossier.to_json()).as_ref(), Ok(dossier));
    let computation = compute(dossier, relance_fuzz::DEFAULT_AS_OF, &RateTables::builtin());
    relance_fuzz::check_computation(dossier, &computation);
}

fuzz_target!(|data: &[u8]| {
    let text = text::decode(data);
    let Ok(invoice) = einvoice::read(&text) else {
        return;
    };
    let mut note = invoice.clone();
    note.credit_note = !note.credit_note;
    let both = vec![invoice, note];
    let (dossiers, _) = einvoice::dossiers(both.clone(), 30);
    dossiers.iter().for_each(check);
    let Ok(books) = fec::read(&text::decode(BOOKS), 30) else {
        return;
    };
    for last_entry in [books.last_entry, chrono::NaiveDate::from_ymd_opt(1900, 1, 1)] {
        let ends = vec![last_entry; books.dossiers.len()];
        let joined = merge::fec_and_einvoices(books.dossiers.clone(), &ends, both.clone(), 30);
        joined.dossiers.iter().for_each(check);
        let (rest, _) = einvoice::dossiers(joined.rest, 30);
        rest.iter().for_each(check);
    }
});
