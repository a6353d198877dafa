//! An FEC (bytes, UTF-8 or Windows-1252): never panics; each dossier it gives is valid (its
//! file reads back to it) and computes with the engine's invariants.
#![no_main]

use libfuzzer_sys::fuzz_target;
use relance_engine::{compute, parse, RateTables};
use relance_import::{fec, text};

fuzz_target!(|data: &[u8]| {
    let text = text::decode(data);
    let Ok(imported) = fec::read(&text, 30) else {
        return;
    };
    for dossier in &imported.dossiers {
        assert_eq!(parse::dossier(&dossier.to_json()).as_ref(), Ok(dossier));
        let computation = compute(dossier, relance_fuzz::DEFAULT_AS_OF, &RateTables::builtin());
        relance_fuzz::check_computation(dossier, &computation);
    }
});
