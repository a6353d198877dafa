//! The court documents (issue 14) as a reader gets them: the PDF read back with `pdftotext`
//! and checked with `qpdf`, the DOCX opened by LibreOffice, for a company debtor, a consumer
//! before the tribunal judiciaire, a claim over 10 000 € and a debtor in redressement: every
//! invoice and piece in the bordereau's order, every amount equal to the décompte's (the
//! declaration's as at the opening judgment), the court; then hostile text and 200 pieces.
#![cfg(feature = "court")]

mod common;

use chrono::NaiveDate;
use relance_engine::dossier::{Dossier, Piece, PieceKind};
use relance_engine::procedure::{self, Source};
use relance_engine::{compute, fr, parse, Computation, RateTables};
use relance_letter::{docx, draft, pdf, Letter, LetterKind};

use common::*;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default()
}

fn dossier(name: &str) -> Dossier {
    let path = format!(
        "{}/../engine/tests/court/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let json = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    parse::dossier(&json).unwrap_or_else(|e| panic!("{name}: {e:?}"))
}

/// The décompte a document states: on the opening day for a declaration.
fn computed(kind: LetterKind, d: &Dossier) -> Computation {
    let on = match (kind, &d.court.insolvency) {
        (LetterKind::ClaimDeclaration, Some(p)) => p.opened,
        _ => day(),
    };
    compute(d, on, &RateTables::builtin())
}

/// The document drafted, rendered as PDF and DOCX; its PDF text (footers out), after checking
/// the PDF with qpdf and that LibreOffice reads the DOCX with the same words.
fn rendered(name: &str, kind: LetterKind, d: &Dossier) -> (Letter, Computation, String) {
    let c = computed(kind, d);
    let letter = draft(kind, d, &c, &d.letter, day());
    let stem = format!("court-{name}-{}", kind.code());
    let pdf_path = write(&format!("{stem}.pdf"), &pdf::render(&letter));
    qpdf_check(&pdf_path);
    let text = without_footers(&pdftotext(&pdf_path, true));
    let docx_path = write(&format!("{stem}.docx"), &docx::render(&letter));
    assert_same_words(&libreoffice_text(&docx_path), &text);
    (letter, c, text)
}

/// The bordereau's titles, as the document writes them, in order.
fn piece_titles(d: &Dossier) -> Vec<String> {
    procedure::bordereau(d)
        .iter()
        .map(|l| match l.source {
            Source::User(i) => d.court.pieces[i].title.clone(),
            Source::Invoice(i) => format!("Facture n° {}", d.invoices[i].number),
            Source::CreditNote(_) => "Avoir de".to_owned(),
            Source::FormalNotice(_) => "Lettre de mise en demeure".to_owned(),
            Source::Decompte => "Décompte des sommes dues".to_owned(),
        })
        .collect()
}

fn amounts(c: &Computation) -> Vec<String> {
    let t = &c.totals;
    [t.principal, t.interest, t.indemnities, t.total]
        .iter()
        .filter(|a| !a.is_zero())
        .map(|a| fr::amount(*a))
        .collect()
}

#[test]
fn a_requete_against_a_company_before_the_commercial_court() {
    let d = dossier("company");
    let (letter, c, text) = rendered("company", LetterKind::InjunctionRequest, &d);
    in_order(
        &text,
        &[
            "Madame ou Monsieur le Président".into(),
            "Tribunal de commerce de Grenoble".into(),
            "Requête en injonction de payer".into(),
            "SARL au capital de 10 000,00 €".into(),
            "registre du commerce et des sociétés de Lyon sous le numéro 732 829 320".into(),
            "représentée par Claire Durand, gérante".into(),
            "SAS, immatriculée au registre du commerce et des sociétés de Grenoble sous le numéro 552 100 554".into(),
            "F-2026-031".into(),
            "F-2026-058".into(),
            // Each payment and credit note as applied, so that the table adds up.
            "Le règlement de 500,00 € du 01/07/2026 a été imputé sur la facture n° F-2026-031, d'abord sur les pénalités de retard échues (71,12 €), puis sur le principal (428,88 €)".into(),
            "L'avoir du 20/06/2026 de 200,00 € a été déduit de la facture n° F-2026-058".into(),
            "article 1405, 1°".into(),
            "elle résulte de « Devis D-2026-004 signé » (pièce n° 1)".into(),
        ],
    );
    in_order(&text, &amounts(&c));
    in_order(
        &text,
        &[
            "prie Madame ou Monsieur le Président du Tribunal de commerce de Grenoble".into(),
            "les pénalités de retard à échoir sur le principal de 3 571,12 €, du 02/12/2026 jusqu'au paiement, au taux prévu par l'article L441-10 du Code de commerce, soit 12,40 % l'an au 01/12/2026".into(),
            "soit la somme totale de 3 847,41 € arrêtée au 01/12/2026, outre les dépens".into(),
            "Bordereau des pièces produites à l'appui de la requête".into(),
        ],
    );
    in_order(&text, &piece_titles(&d));
    assert!(text.contains("article 1408"));
    assert_eq!(
        letter
            .annex
            .as_ref()
            .map(|a| a.title.ends_with("(pièce n° 8)")),
        Some(true)
    );
    // The guide names the commercial court's form and the deadline to serve.
    let (_, _, guide) = rendered("company", LetterKind::CerfaGuide, &d);
    assert!(guide.contains("Cerfa n° 12946*02"));
    in_order(&guide, &amounts(&c));
    assert!(squash(&guide).contains(&squash(
        "dans les trois mois de sa date (six mois si elle a été rendue avant le 01/09/2026"
    )));
}

#[test]
fn a_requete_against_a_consumer_before_the_tribunal_judiciaire() {
    let d = dossier("individual");
    let (_, c, text) = rendered("individual", LetterKind::InjunctionRequest, &d);
    in_order(
        &text,
        &[
            "Tribunal judiciaire d'Avignon".into(),
            "M. Julien Morel, plombier, né le 17 mai 1984 à Orange (Vaucluse), de nationalité française, demeurant 8 chemin des Vignes, 84000 Avignon".into(),
            "Mme Sophie Lambert, demeurant 3 rue Carnot, 84000 Avignon".into(),
            "2026-014".into(),
            "articles 1231-6 et 1344-1 du Code civil".into(),
        ],
    );
    in_order(&text, &amounts(&c));
    for word in ["L441-10", "D441-5", "40 €", "pénalités"] {
        assert!(!text.contains(word), "« {word} » in a consumer's requête");
    }
    let (_, _, guide) = rendered("individual", LetterKind::CerfaGuide, &d);
    assert!(guide.contains("Cerfa n° 12948*06"));
    assert!(squash(&guide).contains(&squash("750-1")));
}

#[test]
fn a_claim_over_ten_thousand_euros() {
    let d = dossier("large");
    let (_, c, text) = rendered("large", LetterKind::InjunctionRequest, &d);
    assert!(c.totals.total > rust_decimal::Decimal::from(10_000));
    in_order(&text, &["Tribunal de commerce de Saint-Étienne".into()]);
    in_order(&text, &amounts(&c));
    in_order(&text, &piece_titles(&d));
    let (_, _, guide) = rendered("large", LetterKind::CerfaGuide, &d);
    assert!(squash(&guide).contains(&squash(
        "chaque partie devra être représentée par un avocat devant le tribunal de commerce (C. proc. civ. 853)"
    )));
}

#[test]
fn a_declaration_as_at_the_opening_judgment() {
    let d = dossier("redressement");
    let (_, c, text) = rendered("redressement", LetterKind::ClaimDeclaration, &d);
    let p = d
        .court
        .insolvency
        .clone()
        .unwrap_or_else(|| panic!("no proceedings"));
    let declared = procedure::split(c.clone(), &p);
    assert_eq!(c.as_of, p.opened);
    in_order(
        &text,
        &[
            "SELARL Mandataires Alpes, Me Anne Roux".into(),
            "Déclaration de créance — Boulangeries Martin — procédure de redressement judiciaire ouverte le 23/09/2026".into(),
            "Tribunal de commerce de Grenoble du 23/09/2026".into(),
            "Sommes échues au 23/09/2026".into(),
            "F-2026-031".into(),
            fr::amount(declared.due_total),
            "L622-28".into(),
            "Sommes à échoir".into(),
            "F-2026-090 31/10/2026".into(),
            fr::amount(declared.not_yet_due_total),
            "articles L622-29 et L631-14".into(),
            "Total déclaré".into(),
            fr::amount(c.totals.total),
            "clause de réserve de propriété".into(),
            "Pour information, un règlement de 300,00 € le 15 octobre 2026 a été reçu après le jugement d'ouverture".into(),
            format!("certifie sincère la créance déclarée ci-dessus, d'un montant total de {}", fr::amount(c.totals.total)),
            "faite et signée par Claire Durand, gérante, qui représente légalement Atelier Numérique (article L622-24".into(),
        ],
    );
    in_order(&text, &piece_titles(&d));
    // The annex's total, split as the declaration splits it.
    in_order(
        &text,
        &[format!(
            "Créance déclarée au 23/09/2026 : sommes échues {} ; sommes à échoir {} ; total {}",
            fr::amount(declared.due_total),
            fr::amount(declared.not_yet_due_total),
            fr::amount(c.totals.total)
        )],
    );
    // Nothing after the opening: the payment of 15 October is not deducted.
    assert_eq!(c.invoices[0].principal.to_string(), "2400.00");
}

fn hostile(d: &mut Dossier) {
    let evil = "<w:p>]]></w:t> ) ( \\ %PDF endstream \u{202e}evil\u{202c} 🧾 «»";
    let long = format!("{} fin-du-titre", "Très long titre de pièce ".repeat(40));
    for details in [&mut d.court.creditor, &mut d.court.debtor] {
        details.legal_form = format!("SARL {evil}");
        details.rcs_city = evil.to_owned();
        details.registered_office = format!("{evil}\n75001 Paris");
        details.representative = evil.to_owned();
        details.representative_capacity = evil.to_owned();
    }
    d.court.injunction.court = format!("Tribunal de commerce {evil}");
    d.court.injunction.court_address = evil.to_owned();
    d.court.pieces = (0..200)
        .map(|i| Piece {
            kind: if i % 2 == 0 {
                PieceKind::Correspondence
            } else {
                PieceKind::Other
            },
            date: None,
            title: if i == 7 {
                long.clone()
            } else {
                format!("Pièce {i} {evil}")
            },
        })
        .collect();
}

#[test]
fn hostile_text_and_two_hundred_pieces() {
    let mut d = dossier("company");
    hostile(&mut d);
    let (letter, _, text) = rendered("hostile", LetterKind::InjunctionRequest, &d);
    assert!(page_count(&pdftotext_of(&letter)) > 3);
    // The 1 000-character title wraps and is all there; the bidi override is gone.
    assert!(squash(&text).contains(&squash(&d.court.pieces[7].title)));
    assert!(!text.contains('\u{202e}'));
    in_order(
        &text,
        &(0..200)
            .filter(|i| *i != 7)
            .map(|i| format!("Pièce {i} "))
            .collect::<Vec<_>>(),
    );
    let mut declaration = dossier("redressement");
    hostile(&mut declaration);
    if let Some(p) = declaration.court.insolvency.as_mut() {
        p.security = "<b>&amp;</b> ) ( \\".repeat(30);
        p.representative_name = "Me <script>".to_owned();
    }
    let (_, _, text) = rendered("hostile", LetterKind::ClaimDeclaration, &declaration);
    assert!(text.contains("Me <script>"));
    rendered("hostile", LetterKind::Bordereau, &declaration);
    rendered("hostile", LetterKind::CerfaGuide, &d);
}

fn pdftotext_of(letter: &Letter) -> String {
    let path = write("court-pages.pdf", &pdf::render(letter));
    pdftotext(&path, true)
}

/// Pages from the footers « Page N / M ».
fn page_count(text: &str) -> usize {
    text.lines()
        .filter(|l| l.trim().starts_with("Page ") && l.contains(" / "))
        .count()
}

#[test]
fn a_declaration_in_liquidation_and_one_with_nothing_due_yet() {
    let mut d = dossier("redressement");
    if let Some(p) = d.court.insolvency.as_mut() {
        p.procedure = relance_engine::dossier::Procedure::Liquidation;
        p.pending_case = "Tribunal de commerce de Grenoble, RG 2026F00123".to_owned();
    }
    d.letter.signatory = "Marc Petit".to_owned();
    d.letter.capacity = "Comptable".to_owned();
    let (_, c, text) = rendered("liquidation", LetterKind::ClaimDeclaration, &d);
    in_order(
        &text,
        &[
            "procédure de liquidation judiciaire".into(),
            "articles L622-28 et L641-3".into(),
            "Sommes devenues exigibles du fait du jugement de liquidation judiciaire".into(),
            "F-2026-090 31/10/2026".into(),
            "article L643-1".into(),
            "Sommes devenues exigibles du fait de la liquidation judiciaire".into(),
            fr::amount(c.totals.total),
            "fait l'objet d'une instance en cours : Tribunal de commerce de Grenoble, RG 2026F00123".into(),
            "faite par Marc Petit, comptable, en vertu du pouvoir spécial écrit que lui a donné Atelier Numérique".into(),
        ],
    );
    assert!(!text.contains("Sommes à échoir"));
    // Opened before any invoice fell due: nothing due, said in a sentence, no empty table.
    let mut early = dossier("redressement");
    if let Some(p) = early.court.insolvency.as_mut() {
        p.opened = NaiveDate::from_ymd_opt(2026, 3, 20).unwrap_or_default();
    }
    early.invoices.truncate(1);
    early.invoices[0].issued = NaiveDate::from_ymd_opt(2026, 3, 4);
    let (_, _, text) = rendered("early", LetterKind::ClaimDeclaration, &early);
    assert!(text.contains("Aucune somme n'était échue au 20/03/2026"));
    assert!(!text.contains("Total échu"));
}
