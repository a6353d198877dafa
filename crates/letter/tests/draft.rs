//! Drafted letters, checked on their plain text and their blocks: parties, invoices, every
//! figure of the décompte, the deadline, the articles cited per regime, edits, and hostile input.

use std::str::FromStr;

use chrono::NaiveDate;
use relance_engine::dossier::{Invoice, Payment};
use relance_engine::letter_fields::{LetterFields, Sending};
use relance_engine::money::Eur;
use relance_engine::{compute, fr, parse, Computation, Dossier, RateTables, Regime};
use relance_letter::model::Annex;
use relance_letter::{draft, draft_with, text, Block, DraftOptions, Letter, LetterKind, Table};
use rust_decimal::Decimal;

const KINDS: [LetterKind; 3] = [
    LetterKind::Reminder,
    LetterKind::FormalNotice,
    LetterKind::PaymentPlan,
];

/// The engine's golden dossiers (`crates/engine/tests/golden/`).
const GOLDEN: [&str; 7] = [
    "seed",
    "b2c",
    "several_invoices",
    "contractual",
    "frozen_rate",
    "leap_year",
    "partial_payments",
];

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn day() -> NaiveDate {
    ymd(2026, 11, 22)
}

fn golden(name: &str) -> (Dossier, Computation) {
    let path = format!(
        "{}/../engine/tests/golden/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let json = std::fs::read_to_string(&path).unwrap();
    let dossier = parse::dossier(&json).unwrap();
    let c = compute(&dossier, day(), &RateTables::builtin());
    (dossier, c)
}

fn fields() -> LetterFields {
    LetterFields {
        place: "Lyon".into(),
        signatory: "Claire Durand".into(),
        capacity: "Gérante".into(),
        tracking_number: "1A 123 456 7890 1".into(),
        iban: "FR7630006000011234567890189".into(),
        bic: "AGRIFRPP".into(),
        contract_reference: "devis n° D-2022-007 du 12/02/2022".into(),
        reminders: vec![ymd(2022, 5, 12), ymd(2022, 9, 3)],
        ..LetterFields::default()
    }
}

fn all_blocks(letter: &Letter) -> impl Iterator<Item = &Block> {
    letter
        .body
        .iter()
        .chain(letter.annex.iter().flat_map(|a: &Annex| a.blocks.iter()))
}

fn paragraph<'a>(letter: &'a Letter, id: &str) -> Option<&'a str> {
    all_blocks(letter).find_map(|b| match b {
        Block::Paragraph { id: i, text } if i == id => Some(text.as_str()),
        _ => None,
    })
}

fn ids(letter: &Letter) -> Vec<String> {
    all_blocks(letter)
        .filter_map(|b| match b {
            Block::Paragraph { id, .. } => Some(id.clone()),
            _ => None,
        })
        .collect()
}

/// "12 345,67 €" → 12345.67.
fn parse_amount(cell: &str) -> Decimal {
    let compact: String = cell.chars().filter(|c| !matches!(c, ' ' | '€')).collect();
    Decimal::from_str(&compact.replace(',', ".")).unwrap_or_else(|_| panic!("amount {cell:?}"))
}

fn tables(letter: &Letter) -> Vec<&Table> {
    all_blocks(letter)
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .collect()
}

#[track_caller]
fn assert_contains(text: &str, needle: &str, what: &str) {
    assert!(
        text.contains(needle),
        "{what}: missing {needle:?} in\n{text}"
    );
}

/// Everything every letter must show for a dossier.
fn check_common(name: &str, d: &Dossier, c: &Computation, kind: LetterKind, text: &str) {
    let what = format!("{name} {kind:?}");
    assert_contains(text, &d.creditor.identity.name, &what);
    assert_contains(text, &d.debtor.identity.name, &what);
    assert_contains(text, "Lyon, le 22 novembre 2026", &what);
    assert_contains(text, "Claire Durand\nGérante", &what);
    // Deadline: 8 days from receipt, never a date the debtor may already have passed.
    assert_contains(
        text,
        "dans un délai de 8 jours à compter de la réception de la présente",
        &what,
    );
    assert!(
        !text.contains("au plus tard le"),
        "{what}: a dated deadline"
    );
    assert_contains(text, "Pièces jointes : copie de", &what);
    assert_contains(
        text,
        "IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP",
        &what,
    );
    for inv in &c.invoices {
        assert_contains(text, &format!("n° {}", inv.number), &what);
        assert_contains(text, &fr::amount(inv.amount), &what);
        assert_contains(text, &fr::amount(inv.total), &what);
        for s in &inv.segments {
            assert_contains(text, &fr::amount(s.interest), &what);
            assert_contains(text, &fr::amount(s.base), &what);
            assert_contains(text, &fr::percent(s.rate.percent), &what);
            assert_contains(text, &fr::rate_basis(&s.rate), &what);
            assert_contains(
                text,
                &format!("{}  {}", fr::date(s.from), fr::date(s.to)),
                &what,
            );
        }
        if !inv.segments.is_empty() {
            assert_contains(text, &fr::amount(inv.interest_accrued), &what);
        }
    }
    let t = &c.totals;
    assert_contains(text, &fr::amount(t.principal), &what);
    assert_contains(text, &fr::amount(t.interest_accrued), &what);
    assert_contains(text, &fr::amount(t.total), &what);
    match c.regime {
        Regime::Public => panic!("{what}: no letter is drafted for a public buyer yet"),
        Regime::B2b => {
            assert_contains(text, &fr::amount(t.indemnities), &what);
            assert_contains(text, "L441-10", &what);
            assert_contains(text, "D441-5", &what);
        }
        Regime::B2c => {
            assert!(
                !text.contains("40,00 €"),
                "{what}: B2C letter names the 40 € indemnity"
            );
            assert!(
                !text.contains("40 €"),
                "{what}: B2C letter names the 40 € indemnity"
            );
            assert!(
                !text.contains("L441-10"),
                "{what}: B2C letter cites L441-10"
            );
            assert!(!text.contains("D441-5"), "{what}: B2C letter cites D441-5");
            assert!(!text.contains("indemnité forfaitaire"), "{what}");
            assert!(
                !text.contains("Pénalités"),
                "{what}: B2C letter speaks of penalties"
            );
            assert_contains(text, "1231-6", &what);
        }
    }
}

#[test]
fn golden_dossiers_every_kind() {
    for name in GOLDEN {
        let (d, c) = golden(name);
        for kind in KINDS {
            let letter = draft(kind, &d, &c, &fields(), day());
            let text = text::render(&letter);
            check_common(name, &d, &c, kind, &text);
            // Paragraph ids are unique.
            let mut seen = ids(&letter);
            let count = seen.len();
            seen.sort();
            seen.dedup();
            assert_eq!(
                seen.len(),
                count,
                "{name} {kind:?}: duplicate paragraph ids"
            );
        }
    }
}

#[test]
fn seed_formal_notice() {
    let (d, c) = golden("seed");
    let letter = draft(LetterKind::FormalNotice, &d, &c, &fields(), day());
    assert!(letter.subject.starts_with("Mise en demeure de payer"));
    assert_eq!(
        letter.sending.as_deref(),
        Some("Lettre recommandée avec accusé de réception n° 1A 123 456 7890 1")
    );
    assert_eq!(
        letter.sender,
        [
            "Atelier Numérique SARL",
            "12 rue des Lilas",
            "69003 Lyon",
            "SIREN 732 829 320"
        ]
    );
    assert_eq!(
        letter.recipient,
        [
            "Boulangeries Martin SAS",
            "4 place du Marché",
            "38000 Grenoble"
        ]
    );
    assert_eq!(letter.place_date, "Lyon, le 22 novembre 2026");
    assert_eq!(
        paragraph(&letter, "notice-1344"),
        Some("La présente vaut mise en demeure au sens de l'article 1344 du Code civil.")
    );
    let deadline = paragraph(&letter, "deadline").unwrap();
    assert_contains(deadline, "38 132,53 €", "deadline");
    assert_contains(
        deadline,
        "nous vous mettons en demeure de nous régler, dans un délai de 8 jours à compter de la réception de la présente, la somme de 38 132,53 €, les pénalités de retard continuant de courir sur le principal restant dû de 24 000,00 € jusqu'au complet paiement.",
        "deadline",
    );
    let facts = paragraph(&letter, "facts").unwrap();
    assert_contains(facts, "devis n° D-2022-007 du 12/02/2022", "facts");
    assert_contains(facts, "12/05/2022 et 03/09/2022", "facts");
    let intro = paragraph(&letter, "intro").unwrap();
    assert_contains(intro, "Atelier Numérique SARL (SIREN 732 829 320)", "intro");
    assert_contains(intro, "F-2022-031 du 04/03/2022", "intro");
    assert_contains(intro, "24 000,00 € TTC, échue le 03/04/2022", "intro");
    let consequences = paragraph(&letter, "consequences").unwrap();
    assert_contains(consequences, "injonction de payer", "consequences");
    assert_contains(consequences, "tribunal de commerce", "consequences");
    assert_contains(consequences, "référé", "consequences");
    let rates = paragraph(&letter, "claim-rates").unwrap();
    assert_contains(rates, "10 points", "rates");
    assert_contains(rates, "8,15 € par jour", "rates");
    // The claim table: principal, penalties, one indemnity, total, from the engine.
    let claim = tables(&letter)
        .into_iter()
        .find(|t| t.columns.first().map(|c| c.title.as_str()) == Some("Somme"))
        .unwrap();
    let amounts: Vec<&str> = claim.rows.iter().map(|r| r[1].as_str()).collect();
    assert_eq!(amounts, ["24 000,00 €", "14 092,53 €", "40,00 €"]);
    assert_eq!(claim.total.as_ref().unwrap()[1], "38 132,53 €");
    let text = text::render(&letter);
    assert_contains(
        &text,
        "Objet : Mise en demeure de payer — facture n° F-2022-031\n",
        "text",
    );
    assert_contains(&text, "(1 694 jours)", "text");
}

#[test]
fn b2c_formal_notice_cites_the_civil_code_only() {
    let (d, c) = golden("b2c");
    let letter = draft(LetterKind::FormalNotice, &d, &c, &fields(), day());
    let interest = paragraph(&letter, "claim-interest").unwrap();
    assert_contains(
        interest,
        "articles 1231-6 et 1344-1 du Code civil",
        "interest",
    );
    // One start: the earlier notice, not this letter as well.
    assert_contains(
        interest,
        "courent sur le principal restant dû depuis la mise en demeure du 02/06/2025",
        "interest",
    );
    assert!(
        !interest.contains("à compter de sa réception"),
        "{interest}"
    );
    assert_contains(
        interest,
        "97,62 €",
        "already accrued since the notice of 02/06/2025",
    );
    let consequences = paragraph(&letter, "consequences").unwrap();
    assert_contains(consequences, "tribunal judiciaire", "consequences");
    assert_contains(
        consequences,
        "juge des contentieux de la protection",
        "consequences",
    );
    assert!(!consequences.contains("tribunal de commerce"));
    // A private person writes in the first person singular.
    assert_contains(
        paragraph(&letter, "deadline").unwrap(),
        "je vous mets en demeure de me régler, dans un délai de 8 jours à compter de la réception de la présente, la somme de 2 497,62 €, les intérêts au taux de l'intérêt légal continuant de courir sur le principal restant dû de 2 400,00 € jusqu'au complet paiement",
        "deadline",
    );
    // 2 497,62 € holds interest: no interest on it (C. civ. 1343-2).
    assert!(!text::render(&letter).contains("augmentée des intérêts"));
    assert!(letter.closing.starts_with("Je vous prie"));
}

#[test]
fn b2c_without_formal_notice_has_no_interest() {
    let (mut d, _) = golden("b2c");
    d.options.formal_notice_date = None;
    d.options.extra_costs = Eur::new(Decimal::new(15000, 2)).unwrap();
    let c = compute(&d, day(), &RateTables::builtin());
    assert!(c.totals.interest.is_zero());
    for kind in KINDS {
        let letter = draft(kind, &d, &c, &fields(), day());
        let text = text::render(&letter);
        assert_contains(
            &text,
            "courent à compter de la mise en demeure",
            "no interest yet",
        );
        // Recovery costs cannot be claimed from a consumer without a title (L111-8).
        assert!(
            !text.contains("150,00 €"),
            "{kind:?}: extra costs claimed from a consumer"
        );
        assert!(!text.contains("2 550,00 €"), "{kind:?}");
        assert!(!text.contains("L441-10") && !text.contains("40 €"));
    }
}

#[test]
fn reminder_mentions_penalties_calmly_in_b2b_only() {
    let (d, c) = golden("seed");
    let letter = draft(LetterKind::Reminder, &d, &c, &fields(), day());
    assert!(letter.subject.starts_with("Relance amiable"));
    let penalties = paragraph(&letter, "penalties").unwrap();
    assert_contains(
        penalties,
        "article L441-10 du Code de commerce",
        "penalties",
    );
    assert_contains(penalties, "40 € par facture (article D441-5", "penalties");
    assert_contains(penalties, "14 092,53 €", "penalties");
    assert!(paragraph(&letter, "notice-1344").is_none());
    assert_contains(
        paragraph(&letter, "request").unwrap(),
        "la somme de 38 132,53 € dans un délai de 8 jours à compter de la réception de la présente.",
        "request: the whole sum, not the principal alone",
    );
    assert!(paragraph(&letter, "contact").is_some());
    let (d, c) = golden("b2c");
    let letter = draft(LetterKind::Reminder, &d, &c, &fields(), day());
    assert!(paragraph(&letter, "penalties").is_none());
}

#[test]
fn several_invoices_tables_add_up() {
    let (d, c) = golden("several_invoices");
    for kind in KINDS {
        let letter = draft(kind, &d, &c, &fields(), day());
        for table in tables(&letter) {
            let Some(total) = &table.total else { continue };
            let last = table.columns.len() - 1;
            let sum: Decimal = table.rows.iter().map(|r| parse_amount(&r[last])).sum();
            assert_eq!(sum, parse_amount(&total[last]), "{kind:?}: {table:?}");
        }
    }
    // The invoice paid on time is not claimed but stays in the annex; the one paid late still
    // owes its 40 € and is listed.
    let letter = draft(LetterKind::FormalNotice, &d, &c, &fields(), day());
    assert!(letter
        .subject
        .contains("F-2022-045, F-2023-112 et F-2025-007"));
    assert!(!letter.subject.contains("F-2024-050"));
    let annex = letter.annex.as_ref().unwrap();
    assert!(annex.title.contains("22 novembre 2026"));
    let text = text::render(&letter);
    assert_contains(
        &text,
        "Règlement du 01/03/2023 imputé : 471,46 € sur les pénalités et 3 528,54 € sur le principal",
        "annex",
    );
    assert_contains(&text, "Avoir imputé : 2 000,00 €", "annex");
    assert_contains(&text, "40 € × 3", "claim");
    assert_contains(&text, "120,00 €", "claim");
    assert_contains(&text, "14 109,98 €", "claim");
}

#[test]
fn payment_plan_adds_up_with_the_remainder_last() {
    let (d, c) = golden("seed");
    let letter = draft(LetterKind::PaymentPlan, &d, &c, &fields(), day());
    assert!(letter.subject.starts_with("Proposition d'échéancier"));
    let plan = tables(&letter)[0];
    let cells: Vec<(&str, &str)> = plan
        .rows
        .iter()
        .map(|r| (r[1].as_str(), r[2].as_str()))
        .collect();
    assert_eq!(
        cells,
        [
            ("22/12/2026", "12 710,84 €"),
            ("22/01/2027", "12 710,84 €"),
            ("22/02/2027", "12 710,85 €")
        ]
    );
    assert_eq!(plan.total.as_ref().unwrap()[2], "38 132,53 €");
    let default = paragraph(&letter, "plan-default").unwrap();
    assert_contains(default, "totalité du solde restant dû", "default");
    assert_contains(default, "immédiatement exigible", "default");
    assert_contains(default, "pénalités de retard", "default");
    let annex = letter.annex.as_ref().unwrap();
    assert!(annex
        .blocks
        .contains(&Block::Heading("Bon pour accord".into())));
    assert_contains(
        paragraph(&letter, "plan-slip").unwrap(),
        "agissant pour le compte de Boulangeries Martin SAS",
        "slip",
    );
    assert_contains(
        paragraph(&letter, "plan-slip-signature").unwrap(),
        "Bon pour accord",
        "slip",
    );
    assert_contains(
        paragraph(&letter, "plan-slip-date").unwrap(),
        "Fait à",
        "slip",
    );

    // A chosen total, first date and rhythm.
    let mut f = fields();
    f.plan.instalments = 4;
    f.plan.interval_months = 3;
    f.plan.first_date = Some(ymd(2027, 1, 31));
    f.plan.total = Some(Eur::new(Decimal::new(3_000_001, 2)).unwrap());
    let letter = draft(LetterKind::PaymentPlan, &d, &c, &f, day());
    let plan = tables(&letter)[0];
    let rows: Vec<(&str, &str)> = plan
        .rows
        .iter()
        .map(|r| (r[1].as_str(), r[2].as_str()))
        .collect();
    // 30 000,01 / 4 = 7 500,0025 → 7 500,00 × 3 + 7 500,01.
    assert_eq!(
        rows,
        [
            ("31/01/2027", "7 500,00 €"),
            ("30/04/2027", "7 500,00 €"),
            ("31/07/2027", "7 500,00 €"),
            ("31/10/2027", "7 500,01 €")
        ]
    );
    assert_contains(
        paragraph(&letter, "plan").unwrap(),
        "30 000,01 € en 4 versements",
        "plan",
    );

    // B2C: the default clause speaks of legal interest, never of L441-10.
    let (d, c) = golden("b2c");
    let letter = draft(LetterKind::PaymentPlan, &d, &c, &fields(), day());
    let default = paragraph(&letter, "plan-default").unwrap();
    assert_contains(default, "intérêt légal", "b2c default");
    assert_contains(
        paragraph(&letter, "plan-slip").unwrap(),
        "Je soussigné(e) Claire Dubois",
        "slip",
    );
}

#[test]
fn edits_replace_paragraphs_by_id() {
    let (d, c) = golden("seed");
    let mut f = fields();
    f.edits.insert(
        "intro".into(),
        "  Texte réécrit\r\npar l'utilisateur.  ".into(),
    );
    f.edits
        .insert("annex-method".into(), "Méthode expliquée autrement.".into());
    f.edits.insert("no-such-paragraph".into(), "ignoré".into());
    for kind in KINDS {
        let plain = draft(kind, &d, &c, &fields(), day());
        let edited = draft(kind, &d, &c, &f, day());
        assert_eq!(ids(&plain), ids(&edited), "edits keep the ids");
        assert_eq!(
            paragraph(&edited, "intro"),
            Some("Texte réécrit\npar l'utilisateur.")
        );
        assert_eq!(
            paragraph(&edited, "annex-method"),
            Some("Méthode expliquée autrement.")
        );
        let text = text::render(&edited);
        assert_contains(&text, "Texte réécrit\npar l'utilisateur.\n", "edited text");
        assert!(!text.contains("ignoré"));
        assert!(!text.contains(paragraph(&plain, "intro").unwrap()));
    }
    // Ids do not depend on the date or the figures.
    let later = compute(&d, ymd(2027, 3, 1), &RateTables::builtin());
    for kind in KINDS {
        assert_eq!(
            ids(&draft(kind, &d, &c, &fields(), day())),
            ids(&draft(kind, &d, &later, &fields(), ymd(2027, 3, 1)))
        );
    }
}

#[test]
fn options_and_fields_change_what_they_should() {
    let (d, c) = golden("seed");
    let no_annex = DraftOptions { annex: false };
    let letter = draft_with(
        LetterKind::FormalNotice,
        &d,
        &c,
        &fields(),
        day(),
        &no_annex,
    );
    assert!(letter.annex.is_none());
    assert!(!text::render(&letter).contains("détail en annexe"));
    let plan = draft_with(LetterKind::PaymentPlan, &d, &c, &fields(), day(), &no_annex);
    assert_eq!(
        plan.annex.as_ref().map(|a| a.title.as_str()),
        Some("Annexe — Bon pour accord")
    );

    let mut f = LetterFields {
        deadline_days: 15,
        sending: Sending::Email,
        ..LetterFields::default()
    };
    let letter = draft(LetterKind::FormalNotice, &d, &c, &f, day());
    assert_contains(
        paragraph(&letter, "deadline").unwrap(),
        "dans un délai de 15 jours à compter de la réception de la présente",
        "deadline",
    );
    assert_eq!(
        letter.sending.as_deref(),
        Some("Envoyée par courrier électronique")
    );
    assert_eq!(letter.place_date, "Le 22 novembre 2026");
    assert_eq!(letter.signature, ["Atelier Numérique SARL"]);
    let payment = paragraph(&letter, "payment").unwrap();
    assert!(!payment.contains("IBAN"));
    assert_contains(payment, "à l'ordre d'Atelier Numérique SARL", "payment");
    // A reminder names its sending mode only when registered with a number.
    assert_eq!(draft(LetterKind::Reminder, &d, &c, &f, day()).sending, None);
    for sending in [Sending::Lrar, Sending::Lre] {
        let unnumbered = LetterFields {
            sending,
            ..LetterFields::default()
        };
        assert_eq!(
            draft(LetterKind::Reminder, &d, &c, &unnumbered, day()).sending,
            None,
            "{sending:?} without its number"
        );
    }
    f.sending = Sending::Lre;
    assert_eq!(
        draft(LetterKind::FormalNotice, &d, &c, &f, day())
            .sending
            .as_deref(),
        Some("Lettre recommandée électronique")
    );
}

fn hostile_dossier() -> Dossier {
    let (mut d, _) = golden("seed");
    let long = "x".repeat(300);
    d.creditor.identity.name =
        "<script>alert('x')</script> (Ateliers) \\ \"Ω\" 🚀\u{202e}\n".into();
    d.creditor.identity.address =
        format!("{long}\n\u{0}\t, 12, rue (des) <b>Lilas</b>\\\n69003 Lyon 🏭");
    d.creditor.identity.email = "a@b.c\u{7}".into();
    d.debtor.identity.name = format!("Ö{long}");
    d.debtor.identity.address = ",,,\n\n".into();
    d.debtor.identity.siren = "not a siren".into();
    d.invoices = (0..200)
        .map(|i| Invoice {
            number: format!(
                "F-{i:03}-<i>(\\){}",
                if i == 7 { long.as_str() } else { "😀" }
            ),
            issued: (i % 3 != 0).then(|| ymd(2022, 1, 1) + chrono::Days::new(i)),
            due: ymd(2022, 2, 1) + chrono::Days::new(i * 3),
            due_assumed: false,
            amount: Eur::new(Decimal::new(100_000 + i as i64 * 137, 2)).unwrap(),
            delivered: None,
        })
        .collect();
    d.payments = vec![Payment {
        date: ymd(2023, 6, 1),
        amount: Eur::new(Decimal::new(5_000_000, 2)).unwrap(),
        invoice: None,
    }];
    d
}

#[test]
fn hostile_input_drafts_without_panic() {
    let d = hostile_dossier();
    let c = compute(&d, day(), &RateTables::builtin());
    let mut f = fields();
    f.place = "<img src=x onerror=alert(1)>\u{2066}".into();
    f.signatory = "\\\\ 🖋".into();
    f.capacity = "x".repeat(300);
    f.tracking_number = "\n".into();
    f.iban = "FR76 3000 6000 0112 3456 7890 189\u{0}".into();
    f.contract_reference = "(((".into();
    f.deadline_days = u32::MAX;
    f.plan.instalments = 10_000;
    f.plan.interval_months = u32::MAX;
    f.edits
        .insert("intro".into(), "<script>\u{0}</script>\n\n\n😀".into());
    for kind in KINDS {
        let letter = draft(kind, &d, &c, &f, day());
        let text = text::render(&letter);
        // Plain text, verbatim (renderers escape), control characters removed.
        assert_contains(
            &text,
            "<script>alert('x')</script> (Ateliers) \\ \"Ω\" 🚀",
            "name",
        );
        assert!(!text.contains('\u{202e}') && !text.contains('\u{0}') && !text.contains('\u{7}'));
        assert!(letter
            .sender
            .iter()
            .chain(&letter.recipient)
            .all(|l| !l.contains('\n')));
        assert!(letter
            .sender
            .iter()
            .any(|l| l.contains("12, rue (des) <b>Lilas</b>\\")));
        for inv in &c.invoices {
            assert_contains(&text, &inv.number, "invoice number");
        }
        assert_eq!(
            paragraph(&letter, "intro"),
            Some("<script></script>\n\n\n😀")
        );
        if kind == LetterKind::PaymentPlan {
            let plan = tables(&letter)[0];
            assert_eq!(plan.rows.len(), 60, "instalments clamped");
            let sum: Decimal = plan.rows.iter().map(|r| parse_amount(&r[2])).sum();
            assert_eq!(sum, c.totals.total);
        }
    }
}

#[test]
fn every_block_kind_is_rendered_as_text() {
    let (d, c) = golden("several_invoices");
    let letter = draft(LetterKind::FormalNotice, &d, &c, &fields(), day());
    let text = text::render(&letter);
    assert!(text.ends_with('\n') && !text.ends_with("\n\n"));
    assert!(!text.contains("\n\n\n"));
    assert!(text.lines().all(|l| l == l.trim_end()));
    let (letter_part, annex_part) = text.split_once(&"=".repeat(72)).unwrap();
    assert_contains(
        letter_part,
        "Sommes réclamées\n----------------\n",
        "heading",
    );
    assert_contains(
        letter_part,
        "\n- Facture n° F-2023-112 : du 03/12/2023",
        "bullets",
    );
    assert_contains(
        annex_part,
        "Annexe — Décompte des sommes dues au 22 novembre 2026",
        "annex",
    );
    assert_contains(annex_part, "Du          Au          Jours", "table header");
}

/// A rate marked UNVERIFIED in the tables (2026 S2 legal rates) is marked in the annex, with an
/// editable warning, only when the user keeps the mark knowingly (`show_unverified`); otherwise
/// the letter shows the rate unmarked and the warning is said beside it. The seed (no
/// unverified rate) has neither.
#[test]
fn unverified_rates_are_marked_in_the_annex_only_when_kept() {
    let (d, c) = golden("b2c");
    let letter = draft(LetterKind::FormalNotice, &d, &c, &fields(), day());
    let body = text::render(&letter);
    assert_contains(&body, "2,75 %", "b2c annex");
    assert!(!body.contains("non vérifié"), "{body}");
    assert!(paragraph(&letter, "annex-unverified").is_none());
    let notes = relance_letter::before_sending(LetterKind::FormalNotice, &d, &c, &fields(), day());
    assert!(
        notes.iter().any(|n| n.starts_with("Taux non confirmé dans une source officielle : 2,75 % (taux de l'intérêt légal 2e semestre 2026")),
        "{notes:?}"
    );
    let kept = LetterFields {
        show_unverified: true,
        ..fields()
    };
    let letter = draft(LetterKind::FormalNotice, &d, &c, &kept, day());
    assert_contains(
        &text::render(&letter),
        "2,75 % (non vérifié)",
        "b2c annex, kept",
    );
    assert!(
        paragraph(&letter, "annex-unverified").is_some(),
        "warning paragraph"
    );
    let notes = relance_letter::before_sending(LetterKind::FormalNotice, &d, &c, &kept, day());
    assert!(
        notes.iter().all(|n| !n.starts_with("Taux non confirmé")),
        "{notes:?}"
    );
    let (d, c) = golden("seed");
    let kept_seed = LetterFields {
        show_unverified: true,
        ..fields()
    };
    let letter = draft(LetterKind::FormalNotice, &d, &c, &kept_seed, day());
    assert!(!text::render(&letter).contains("non vérifié"));
    assert!(paragraph(&letter, "annex-unverified").is_none());
}

/// Several unverified rates are named together, and the warning agrees with them in number.
#[test]
fn several_unverified_rates_are_said_in_the_plural() {
    use relance_engine::rates::Status;
    let (d, _) = golden("b2c");
    let builtin = RateTables::builtin();
    // The rate of the first semester of 2026 taken as unverified too.
    let legal: Vec<_> = builtin
        .legal
        .iter()
        .map(|row| {
            let mut row = *row;
            if row.from == ymd(2026, 1, 1) {
                row.status = Status::Unverified;
            }
            row
        })
        .collect();
    let tables = RateTables {
        legal: Box::leak(legal.into_boxed_slice()),
        ..builtin
    };
    let c = compute(&d, day(), &tables);
    let notes = relance_letter::before_sending(LetterKind::FormalNotice, &d, &c, &fields(), day());
    let note = notes
        .iter()
        .find(|n| n.starts_with("Taux non confirmés dans une source officielle : 2,62 % ("))
        .unwrap_or_else(|| panic!("{notes:?}"));
    assert_contains(note, " ; 2,75 % (", "both rates");
    assert_contains(
        note,
        "Vérifiez-les avant d'envoyer la lettre : ils y figurent sans la mention « non vérifié »",
        "plural",
    );
}

/// A list, table or paragraph with nothing in it would still take room in the PDF and DOCX
/// (a spacer, a header row): a letter holds none.
#[track_caller]
fn assert_no_empty_block(name: &str, letter: &Letter) {
    for block in all_blocks(letter) {
        let empty = match block {
            Block::Bullets(items) => items.is_empty(),
            Block::Table(t) => t.rows.is_empty(),
            Block::Paragraph { text, .. } | Block::Heading(text) => text.is_empty(),
        };
        assert!(!empty, "{name}: empty block {block:?}");
    }
}

/// Compares `text` with the pinned file `tests/letters/{name}.txt`; with `UPDATE_LETTERS=1`,
/// writes it instead (then read the diff before committing it).
#[track_caller]
fn assert_pinned(name: &str, text: &str) {
    let path = format!("{}/tests/letters/{name}.txt", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("UPDATE_LETTERS").is_some() {
        std::fs::create_dir_all(std::path::Path::new(&path).parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        return;
    }
    let pinned = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{path}: {e} (UPDATE_LETTERS=1 writes it)"));
    if pinned != text {
        let line = pinned
            .lines()
            .zip(text.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(pinned.lines().count().min(text.lines().count()));
        panic!(
            "{name}: the letter differs from {path} from line {}:\n  pinned: {:?}\n  drafted: {:?}\n(UPDATE_LETTERS=1 rewrites the file)",
            line + 1,
            pinned.lines().nth(line),
            text.lines().nth(line)
        );
    }
}

/// Every golden dossier's three letters, word for word: the sentences, figures, dates and
/// articles a debtor reads (reviewed by hand when pinned; a change must be a deliberate one).
#[test]
fn golden_letters_read_word_for_word() {
    for name in GOLDEN {
        let (d, c) = golden(name);
        for kind in KINDS {
            let letter = draft(kind, &d, &c, &fields(), day());
            let name = format!("{name}-{}", kind.code());
            assert_no_empty_block(&name, &letter);
            assert_pinned(&name, &text::render(&letter));
        }
    }
}

fn eur(cents: i64) -> Eur {
    Eur::new(Decimal::new(cents, 2)).unwrap()
}

fn invoice(number: &str, issued: Option<NaiveDate>, due: NaiveDate, cents: i64) -> Invoice {
    Invoice {
        number: number.into(),
        issued,
        due,
        due_assumed: false,
        amount: eur(cents),
        delivered: None,
    }
}

/// The three letters of `d` computed and drafted on `date`, pinned as `{name}-{kind}`.
fn assert_pinned_letters(name: &str, d: &Dossier, f: &LetterFields, date: NaiveDate) {
    let c = compute(d, date, &RateTables::builtin());
    for kind in KINDS {
        let letter = draft(kind, d, &c, f, date);
        let name = format!("{name}-{}", kind.code());
        assert_no_empty_block(&name, &letter);
        assert_pinned(&name, &text::render(&letter));
    }
}

/// B2B options away from the defaults, word for word: no indemnity (none claimed, summed or
/// announced), payments imputed on the principal first (as the contract says), 150 € of extra
/// recovery costs claimed (L441-10), an invoice without an issue date, e-mail addresses, and a
/// letter on 1 March 2027 whose 2027 rate is not yet published (marked provisional). Fields:
/// no place, plain mail, no signatory (the capacity under the company's name), no contract,
/// the same reminder twice (named once), an IBAN without BIC.
#[test]
fn b2b_options_reads_word_for_word() {
    let (mut d, _) = golden("seed");
    d.options.indemnity = false;
    d.options.imputation = relance_engine::dossier::Imputation::PrincipalFirst;
    d.options.extra_costs = eur(15_000);
    d.invoices[0].issued = None;
    d.payments = vec![Payment {
        date: ymd(2023, 1, 15),
        amount: eur(500_000),
        invoice: None,
    }];
    d.creditor.identity.email = "compta@atelier-numerique.fr".into();
    d.debtor.identity.email = "direction@boulangeries-martin.fr".into();
    let f = LetterFields {
        capacity: "Service recouvrement".into(),
        sending: Sending::Letter,
        iban: "FR7630006000011234567890189".into(),
        reminders: vec![ymd(2022, 5, 12), ymd(2022, 5, 12)],
        ..LetterFields::default()
    };
    assert_pinned_letters("b2b-options", &d, &f, ymd(2027, 3, 1));
}

/// A consumer who paid part after the formal notice, word for word: legal interest partly
/// paid by imputation (C. civ. 1343-1), no recovery costs claimed (L111-8), the letter sent
/// by e-mail to the debtor's address, signed by the creditor in person (no company line), the
/// plan in a single instalment.
#[test]
fn b2c_partly_paid_reads_word_for_word() {
    let (mut d, _) = golden("b2c");
    d.options.extra_costs = eur(8_000);
    d.debtor.identity.email = "claire.dubois@example.fr".into();
    d.payments = vec![Payment {
        date: ymd(2026, 1, 10),
        amount: eur(100_000),
        invoice: None,
    }];
    let mut f = fields();
    f.signatory = "Julien Morel".into();
    f.capacity = String::new();
    f.sending = Sending::Email;
    f.contract_reference = String::new();
    f.reminders = vec![ymd(2025, 5, 2)];
    f.plan.instalments = 1;
    assert_pinned_letters("b2c-partly-paid", &d, &f, day());
}

/// Five open invoices (more than three: the subject counts them, the references point to the
/// table, the payment reference says "concernées"), one without an issue date ("—"), written
/// by a sole trader ("je"), sent by registered e-mail; the rate frozen at the first day of
/// delay.
#[test]
fn many_invoices_read_word_for_word() {
    let (mut d, _) = golden("seed");
    d.creditor.kind = relance_engine::dossier::CreditorKind::IndividualProfessional;
    d.creditor.identity.name = "Élodie Marchand, architecte".into();
    d.options.rate_period = relance_engine::dossier::RatePeriod::FrozenAtDueDate;
    d.invoices = vec![
        invoice("A-1", Some(ymd(2025, 1, 10)), ymd(2025, 2, 9), 120_000),
        invoice("A-2", None, ymd(2025, 3, 12), 80_050),
        invoice("A-3", Some(ymd(2025, 4, 1)), ymd(2025, 5, 1), 45_000),
        invoice("A-4", Some(ymd(2025, 9, 15)), ymd(2025, 10, 15), 300_000),
        invoice("A-5", Some(ymd(2026, 2, 2)), ymd(2026, 3, 4), 9_999),
    ];
    let mut f = fields();
    f.sending = Sending::Lre;
    f.tracking_number = "LRE-2026-0042".into();
    assert_pinned_letters("many-invoices", &d, &f, day());
}

/// A single invoice whose principal was paid in full, late: it is "réglée après son
/// échéance", and the reminder asks for the penalties and the indemnity still owed.
#[test]
fn invoice_paid_late_reads_word_for_word() {
    let (mut d, _) = golden("seed");
    d.payments = vec![Payment {
        date: ymd(2022, 6, 15),
        amount: eur(2_400_000),
        invoice: None,
    }];
    d.options.imputation = relance_engine::dossier::Imputation::PrincipalFirst;
    assert_pinned_letters("paid-late", &d, &fields(), day());
}

/// Nothing owed (the invoice paid in full on its due date): the letters still name it, no
/// penalty or rate is announced, and the annex says no interest was computed.
#[test]
fn nothing_owed_reads_word_for_word() {
    let (mut d, _) = golden("seed");
    d.payments = vec![Payment {
        date: ymd(2022, 4, 3),
        amount: eur(2_400_000),
        invoice: None,
    }];
    assert_pinned_letters("nothing-owed", &d, &fields(), day());
}

/// A payment plan for more than three invoices refers to the décompte once, "au titre des 5
/// factures (détail en annexe)" (it said "détaillées en annexe (détail en annexe)"); without
/// the décompte annexed (the plan letter then annexes only its acceptance slip) it names
/// every invoice instead of pointing to an annex that does not list them.
#[test]
fn plan_for_many_invoices_points_to_the_annex_once() {
    let (mut d, _) = golden("seed");
    d.invoices = (1..=5)
        .map(|i| invoice(&format!("A-{i}"), None, ymd(2025, i, 10), 100_000))
        .collect();
    let c = compute(&d, day(), &RateTables::builtin());
    let letter = draft(LetterKind::PaymentPlan, &d, &c, &fields(), day());
    let intro = paragraph(&letter, "intro").unwrap();
    assert!(
        intro.ends_with("au titre des 5 factures (détail en annexe)."),
        "{intro}"
    );
    let alone = draft_with(
        LetterKind::PaymentPlan,
        &d,
        &c,
        &fields(),
        day(),
        &DraftOptions { annex: false },
    );
    let intro = paragraph(&alone, "intro").unwrap();
    assert!(
        intro.ends_with("au titre des factures n° A-1, A-2, A-3, A-4 et A-5."),
        "{intro}"
    );
}

/// A 9,50 % clause below the C. com. L441-10 floor from 2023 S2 to 2025 S1 (the engine's
/// golden dossiers `below_floor_*`), word for word: the letter and its annex say that the
/// floor replaced it, that ECB + 10 points replaced it, or that it was applied as agreed, and
/// never cite the article for the clause's rate alone as if it were lawful.
#[test]
fn contractual_rate_below_the_floor_reads_word_for_word() {
    let lawful = "au taux contractuel de 9,50 % l'an (";
    for mode in ["floor", "contractual", "default"] {
        let (d, c) = golden(&format!("below_floor_{mode}"));
        for kind in KINDS {
            let letter = draft(kind, &d, &c, &fields(), day());
            let text = text::render(&letter);
            assert!(!text.contains(lawful), "{mode} {}:\n{text}", kind.code());
            assert_contains(&text, "trois fois le taux de l'intérêt légal", mode);
        }
        assert_pinned_letters(&format!("below-floor-{mode}"), &d, &fields(), day());
    }
    // The default rate of the semester of the first day of delay says so, in the letter and
    // its annex.
    let (mut d, _) = golden("below_floor_default");
    d.options.rate_period = relance_engine::dossier::RatePeriod::FrozenAtDueDate;
    let c = compute(&d, day(), &RateTables::builtin());
    let text = text::render(&draft(LetterKind::FormalNotice, &d, &c, &fields(), day()));
    for said in [
        "la plus récente, en vigueur au 1er janvier ou au 1er juillet du semestre au cours duquel le retard a commencé, majoré de 10 points, s'applique à sa place (article L441-10 du Code de commerce).",
        "majoré de 10 points, en vigueur au 1er janvier ou au 1er juillet du semestre au cours duquel le retard a commencé (C. com. L441-10).",
    ] {
        assert_contains(&text, said, "frozen default");
    }
}
