//! Rows pasted from a spreadsheet: never panics; every line is accepted or rejected with a
//! line number of the text; the accepted rows, put in a form, go through `form::check` and,
//! when valid, `compute`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use relance_engine::{compute, form, paste, RateTables};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let pasted = paste::parse(&text);
    let lines = text.lines().count().max(1);
    for rejected in &pasted.rejected {
        assert!(
            (1..=lines).contains(&rejected.line),
            "line {} of {lines}: {rejected:?}",
            rejected.line
        );
    }
    let form = form::Form {
        invoices: pasted.rows,
        ..form::Form::default()
    };
    let checked = form::check(&form);
    if let Some(dossier) = &checked.dossier {
        let computation = compute(dossier, relance_fuzz::DEFAULT_AS_OF, &RateTables::builtin());
        relance_fuzz::check_computation(dossier, &computation);
    }
});
