//! A UBL or CII document (bytes): never panics; the invoices read give dossiers that are valid
//! (their files read back to them) and compute with the engine's invariants.
#![no_main]

use libfuzzer_sys::fuzz_target;
use relance_engine::{compute, parse, RateTables};
use relance_import::{einvoice, text};

fuzz_target!(|data: &[u8]| {
    let text = text::decode(data);
    let Ok(invoice) = einvoice::read(&text) else {
        return;
    };
    let mut note = invoice.clone();
    note.credit_note = !note.credit_note;
    let (dossiers, _) = einvoice::dossiers(vec![invoice, note], 30);
    for dossier in &dossiers {
        assert_eq!(parse::dossier(&dossier.to_json()).as_ref(), Ok(dossier));
        let computation = compute(dossier, relance_fuzz::DEFAULT_AS_OF, &RateTables::builtin());
        relance_fuzz::check_computation(dossier, &computation);
    }
});
