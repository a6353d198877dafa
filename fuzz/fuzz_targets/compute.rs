//! Parse, then compute on a date taken from the input (see `relance_fuzz::input`) and export
//! the result as JSON and CSV: never panics, and the totals add up.
#![no_main]

use libfuzzer_sys::fuzz_target;
use relance_engine::{compute, parse, report, RateTables};

fuzz_target!(|data: &[u8]| {
    let input = relance_fuzz::input(data);
    if let Ok(dossier) = parse::dossier(&input.text) {
        let computation = compute(&dossier, input.as_of(&dossier), &RateTables::builtin());
        relance_fuzz::check_computation(&dossier, &computation);
        let json = report::to_json(&computation);
        assert!(json.starts_with('{'), "{json}");
        let _ = report::to_csv(&dossier, &computation);
    }
});
