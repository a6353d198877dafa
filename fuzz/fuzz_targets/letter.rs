//! Parse, compute, draft each kind of letter (with and without the annex) and render it as
//! PDF, DOCX and text: never panics, the PDF starts with `%PDF-` and every XML part of the
//! DOCX (a stored ZIP) is well-formed.
#![no_main]

use libfuzzer_sys::fuzz_target;
use relance_engine::{compute, parse, RateTables};
use relance_letter::{docx, draft_with, pdf, text, DraftOptions, LetterKind};

const KINDS: [LetterKind; 3] = [
    LetterKind::Reminder,
    LetterKind::FormalNotice,
    LetterKind::PaymentPlan,
];

fuzz_target!(|data: &[u8]| {
    let input = relance_fuzz::input(data);
    let Ok(dossier) = parse::dossier(&input.text) else {
        return;
    };
    let date = input.as_of(&dossier);
    let computation = compute(&dossier, date, &RateTables::builtin());
    for kind in KINDS {
        for annex in [true, false] {
            let options = DraftOptions { annex };
            let letter = draft_with(
                kind,
                &dossier,
                &computation,
                &dossier.letter,
                date,
                &options,
            );
            let pdf = pdf::render(&letter);
            assert!(pdf.starts_with(b"%PDF-"), "{kind:?}");
            let docx = docx::render(&letter);
            relance_fuzz::check_docx(&docx);
            let _ = text::render(&letter);
        }
    }
});
