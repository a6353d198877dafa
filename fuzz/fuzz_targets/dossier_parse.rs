//! The dossier reader on any bytes: never panics; a dossier it accepts is written back
//! (`Dossier::to_json`) as a file it reads to the same dossier, and shown in the web form
//! (`Form::from_dossier`) as fields that read back to the same dossier — when the page reads it:
//! a judgment, rates entered by the user, the court part or capitalisation are the command
//! line's for now (the page refuses them by name).
#![no_main]

use libfuzzer_sys::fuzz_target;
use relance_engine::form::{check, Form};
use relance_engine::parse;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(dossier) = parse::dossier(&text) {
        let written = dossier.to_json();
        match parse::dossier(&written) {
            Ok(again) => assert_eq!(again, dossier, "written as {written}"),
            Err(errors) => panic!("its own output is refused: {errors:?}\n{written}"),
        }
        let page_reads_it = dossier.judgment.is_none()
            && dossier.rates.is_empty()
            && dossier.court == Default::default()
            && dossier.options.capitalisation_from.is_none();
        if !page_reads_it {
            return;
        }
        let form = Form::from_dossier(&dossier);
        let checked = check(&form);
        assert_eq!(checked.errors, [], "the form refuses an imported dossier");
        assert_eq!(checked.dossier.as_ref(), Some(&dossier), "form round trip");
    }
});
