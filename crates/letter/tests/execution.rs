//! The demand to execute a judgment (issue 13), read back from its PDF (pdftotext, qpdf) and
//! its DOCX (LibreOffice): the decision and what it awarded, the 5-point increase and its date,
//! the sums owed equal to the judgment's account, a deadline, enforcement; the account annexed.
#![cfg(feature = "judgment")]

mod common;

use relance_engine::{compute, fr, parse, Dossier, RateTables};
use relance_letter::{docx, draft, pdf, LetterKind};

use common::*;

fn dossier() -> Dossier {
    let path = format!(
        "{}/../engine/tests/court/execution.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let json = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    parse::dossier(&json).unwrap_or_else(|e| panic!("{e:?}"))
}

/// The PDF's text, after checking the PDF and that LibreOffice reads the same words.
fn rendered(name: &str, d: &Dossier) -> (relance_engine::Computation, String) {
    let as_of = d.as_of.unwrap_or_default();
    let c = compute(d, as_of, &RateTables::builtin());
    let letter = draft(LetterKind::JudgmentExecution, d, &c, &d.letter, as_of);
    let pdf_path = write(&format!("{name}.pdf"), &pdf::render(&letter));
    qpdf_check(&pdf_path);
    let text = without_footers(&pdftotext(&pdf_path, true));
    let docx_path = write(&format!("{name}.docx"), &docx::render(&letter));
    assert_same_words(&libreoffice_text(&docx_path), &text);
    (c, text)
}

#[test]
fn the_demand_states_the_judgment_and_its_account() {
    let d = dossier();
    let (c, text) = rendered("execution", &d);
    let r = c.judgment.clone().unwrap_or_else(|| panic!("no account"));
    in_order(
        &text,
        &[
            "Objet : Demande d'exécution de la décision du 10 mars 2025".into(),
            "Décision du 10/03/2025 — Tribunal de commerce de Lyon — RG n° 2024F01234".into(),
            "Signifiée le 02/04/2025".into(),
            "La décision du Tribunal de commerce de Lyon du 10 mars 2025 a condamné Dupont SARL à payer à Atelier Martin : 12 000,00 € en principal, 850,00 € d'intérêts arrêtés à la date de la décision, 1 500,00 € au titre de l'article 700 du Code de procédure civile et les dépens, liquidés à 120,50 €".into(),
            "à compter du 11 mars 2025 (article 1231-7 du Code civil)".into(),
            "Ce taux est majoré de cinq points à compter du 3 juin 2025".into(),
            "3 000,00 € le 15/09/2025".into(),
            fr::amount(r.base_owed),
            fr::amount(r.interest_owed()),
            fr::amount(r.costs_owed),
            fr::amount(r.total()),
            format!("régler la somme de {} dans un délai de 8 jours à compter de la réception", fr::amount(r.total())),
            "en indiquant en référence la décision du 10/03/2025".into(),
            "commissaire de justice de l'exécution forcée".into(),
            "Annexe — Décompte des sommes dues au 31 mars 2026".into(),
            "C. mon. fin. L313-3".into(),
            fr::amount(r.interest_accrued),
            "Total dû".into(),
            fr::amount(r.total()),
        ],
    );
    // The judgment's account, not the invoices': no invoice reference, no L441-10.
    assert!(!text.contains("L441-10"), "{text}");
    assert!(!text.contains("numéro de la facture"));
}

#[test]
fn an_unserved_judgment_has_no_increase_yet() {
    let mut d = dossier();
    if let Some(j) = d.judgment.as_mut() {
        j.served = None;
        j.court.clear();
        j.reference.clear();
    }
    let (_, text) = rendered("execution-unserved", &d);
    assert!(text.contains("Décision du 10/03/2025"));
    assert!(!text.contains("Signifiée"));
    assert!(!text.contains("majoré de cinq points"));
    assert!(text.contains("La décision du 10 mars 2025 a condamné Dupont SARL"));
    // Not served: serve it first, then enforce.
    assert!(squash(&text).contains(&squash(
        "À défaut, nous ferons signifier cette décision par un commissaire de justice et en poursuivrons l'exécution forcée"
    )));
}

fn golden(name: &str) -> Dossier {
    let path = format!(
        "{}/../engine/tests/golden/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let json = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut d = parse::dossier(&json).unwrap_or_else(|e| panic!("{e:?}"));
    d.letter.signatory = "Marc Martin".to_owned();
    d.letter.place = "Lyon".to_owned();
    d
}

/// C. civ. 1343-2 on a judgment: the capitalisation said in the letter, its row in the
/// annex's recapitulation, whose rows add up to the total.
#[test]
fn a_capitalised_judgment_says_so_and_its_recap_adds_up() {
    let d = golden("judgment_capitalised");
    let (c, text) = rendered("execution-capitalised", &d);
    let r = c.judgment.clone().unwrap_or_else(|| panic!("no account"));
    in_order(
        &text,
        &[
            "La capitalisation des intérêts s'applique (article 1343-2 du Code civil) : les intérêts échus ont été ajoutés à la base des intérêts les 01/05/2024, 01/05/2025 et 01/05/2026".into(),
            format!("Intérêts capitalisés restant dus (C. civ. 1343-2) {}", fr::amount(r.capitalised_owed)),
            format!("Total dû {}", fr::amount(r.total())),
        ],
    );
    assert_eq!(
        r.base_owed + r.awarded_owed + r.accrued_owed + r.capitalised_owed + r.costs_owed,
        r.total()
    );
}

/// C. civ. 1343-2 on invoices: the mise en demeure says when interest joined the base, and
/// that penalties run on the capitalised sums too (the daily figure counts them).
#[test]
fn a_capitalised_invoice_says_so_in_the_formal_notice() {
    let d = golden("capitalisation");
    let as_of = d.as_of.unwrap_or_default();
    let c = compute(&d, as_of, &RateTables::builtin());
    let letter = draft(LetterKind::FormalNotice, &d, &c, &d.letter, as_of);
    let text = relance_letter::text::render(&letter);
    in_order(
        &text,
        &[
            "sur le principal restant dû et les pénalités capitalisées jusqu'au complet paiement, soit actuellement 5,67 € par jour".into(),
            "Conformément à la capitalisation des intérêts prévue au contrat (article 1343-2 du Code civil), les pénalités échues ont été ajoutées à leur base les 01/03/2024, 01/03/2025 et 01/03/2026".into(),
            "Capitalisation du 01/03/2024 : 1 863,01 € d'intérêts ajoutés à la base des intérêts (C. civ. 1343-2)".into(),
        ],
    );
}
