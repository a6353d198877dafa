//! `relance letter --kind requete-injonction | bordereau | declaration-creance | guide-cerfa`:
//! the court documents (issue 14), held back with a French message while what they need is
//! missing (unless `--brouillon`), the notes said on stderr, never in the document.

use chrono::NaiveDate;
use relance_engine::procedure::{self, Check};
use relance_engine::{compute, Dossier, RateTables};
use relance_letter::{Letter, LetterKind};

use crate::args;

/// The court document `args` asks for, or `None` for a letter.
pub fn document(
    args: &args::Letter,
    dossier: &Dossier,
    date: NaiveDate,
) -> Option<Result<Letter, String>> {
    let tables = RateTables::builtin();
    let proceedings = dossier.court.insolvency.as_ref();
    // A bordereau alone goes with the declaration when there is no court of a requête.
    let with_declaration = args.kind == LetterKind::Bordereau
        && proceedings.is_some()
        && dossier.court.injunction.court.trim().is_empty();
    let at_opening = args.kind == LetterKind::ClaimDeclaration || with_declaration;
    // The claim as it stood on the opening judgment (C. com. L622-25, L622-28).
    let on = match proceedings {
        Some(p) if at_opening => p.opened,
        _ => date,
    };
    let computation = compute(dossier, on, &tables);
    let check = match args.kind {
        LetterKind::ClaimDeclaration => procedure::declaration_check(dossier, date),
        LetterKind::InjunctionRequest | LetterKind::CerfaGuide => {
            procedure::injunction_check(dossier, &computation)
        }
        LetterKind::Bordereau => Check::default(),
        LetterKind::Reminder
        | LetterKind::FormalNotice
        | LetterKind::PaymentPlan
        | LetterKind::JudgmentExecution => return None,
    };
    let name = args.file.display();
    if dossier.judgment.is_some() {
        return Some(Err(format!(
            "{name} : après un jugement, ces actes ne servent plus : « relance compute » donne ce qui est dû"
        )));
    }
    let mut missing: Vec<String> = check.blockers.iter().map(|g| g.message.clone()).collect();
    // Names, addresses, the signatory, and the choice to keep an invoice that seems prescribed.
    let blanks = relance_engine::letter_blanks::before_letter(dossier, &computation);
    missing.extend(blanks.iter().map(|b| format!("indiquez {}", b.what)));
    if !missing.is_empty() && !args.draft {
        return Some(Err(format!(
            "{name} : {} (ou --brouillon pour un brouillon)",
            missing.join(" ; ")
        )));
    }
    for note in &check.notes {
        eprintln!("relance : à savoir : {note}");
    }
    Some(Ok(relance_letter::draft(
        args.kind,
        dossier,
        &computation,
        &dossier.letter,
        date,
    )))
}
