//! A public buyer's request for payment (issue 12, feature `public`), read back from its PDF
//! (pdftotext, qpdf) and DOCX (LibreOffice): the Code de la commande publique's articles, the
//! sums equal to the décompte's, the copy to the public accountant, nothing of L441-10 or of a
//! mise en demeure.
#![cfg(feature = "public")]

mod common;

use relance_engine::{compute, fr, parse, RateTables};
use relance_letter::{docx, draft, pdf, LetterKind};

use common::*;

#[test]
fn a_public_buyer_gets_a_request_for_payment() {
    let path = format!(
        "{}/../engine/tests/golden/public_buyer.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let json = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut d = parse::dossier(&json).unwrap_or_else(|e| panic!("{e:?}"));
    d.letter.signatory = "Marc Martin".to_owned();
    d.debtor.identity.address = "Place de la Mairie\n01234 Trifouilly".to_owned();
    let as_of = d.as_of.unwrap_or_default();
    let c = compute(&d, as_of, &RateTables::builtin());
    let letter = draft(LetterKind::FormalNotice, &d, &c, &d.letter, as_of);
    let pdf_path = write("public-request.pdf", &pdf::render(&letter));
    qpdf_check(&pdf_path);
    let text = without_footers(&pdftotext(&pdf_path, true));
    let docx_path = write("public-request.docx", &docx::render(&letter));
    assert_same_words(&libreoffice_text(&docx_path), &text);
    let flat = squash(&text);
    for needle in [
        "Demande de paiement du principal restant dû, des intérêts moratoires et de l'indemnité forfaitaire".to_owned(),
        "mettre en paiement le principal restant dû".to_owned(),
        "articles L2192-12 et suivants du Code de la commande publique".to_owned(),
        fr::amount(c.totals.principal),
        fr::amount(c.totals.interest),
        fr::amount(c.totals.indemnities),
        fr::amount(c.totals.total),
        "article R2192-31".to_owned(),
        "article D2192-35".to_owned(),
        "article R2192-36".to_owned(),
        "Copie : le comptable public assignataire de la dépense.".to_owned(),
        "vaut, en tant que de besoin, mémoire en réclamation au sens du cahier des clauses administratives générales applicable au marché".to_owned(),
    ] {
        assert!(
            flat.contains(&squash(&needle)),
            "« {needle} » missing in:\n{text}"
        );
    }
    for word in [
        "L441-10",
        "D441-5",
        "1344",
        "Mise en demeure",
        "pénalités",
        "1231-6",
    ] {
        assert!(
            !text.contains(word),
            "« {word} » in a public buyer's request:\n{text}"
        );
    }
}
