//! Rows pasted from a spreadsheet: never panics; a rejected line has a line number of the
//! text; the accepted rows, put in a form, pass `form::check` without an error on their
//! dates, terms or amounts, and are computed.
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
    // What the paste accepted, the form accepts (a number may only be a duplicate).
    let refused: Vec<_> = checked
        .errors
        .iter()
        .filter(|e| e.field.starts_with("invoices[") && !e.field.ends_with(".number"))
        .collect();
    assert!(refused.is_empty(), "{refused:?}\n{:?}", form.invoices);
    if let Some(dossier) = &checked.dossier {
        let computation = compute(dossier, relance_fuzz::DEFAULT_AS_OF, &RateTables::builtin());
        relance_fuzz::check_computation(dossier, &computation);
    }
});
