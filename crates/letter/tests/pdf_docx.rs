//! The PDF and DOCX renderers, checked with the tools a reader would use: `pdftotext` and
//! `qpdf --check` (Debian `poppler-utils`, `qpdf`) for the PDF; the DOCX's own zip and XML, and
//! LibreOffice (Debian `libreoffice-writer-nogui`) converting it to text.
//!
//! A missing tool fails the test with the package to install. Rendered files are kept under
//! `target/tmp/relance-letter-render/` for a look (`pdftoppm -png`).

mod common;

use common::*;

use relance_letter::model::Annex;
use relance_letter::winansi;
use relance_letter::{docx, pdf, zip, Align, Block, Column, Letter, LetterKind, Table};

/// Every text of the letter, in reading order.
fn texts(letter: &Letter) -> Vec<String> {
    let mut all: Vec<String> = Vec::new();
    all.extend(letter.sender.iter().cloned());
    all.extend(letter.recipient.iter().cloned());
    all.push(letter.place_date.clone());
    all.extend(letter.sending.iter().cloned());
    all.push(format!("Objet : {}", letter.subject));
    all.extend(letter.references.iter().cloned());
    all.push(letter.salutation.clone());
    let blocks = |all: &mut Vec<String>, blocks: &[Block]| {
        for block in blocks {
            match block {
                Block::Paragraph { text, .. } | Block::Heading(text) => all.push(text.clone()),
                Block::Bullets(items) => all.extend(items.iter().cloned()),
                Block::Table(t) => {
                    all.extend(t.columns.iter().map(|c| c.title.clone()));
                    for row in t.rows.iter().chain(&t.total) {
                        all.extend(row.iter().cloned());
                    }
                }
            }
        }
    };
    blocks(&mut all, &letter.body);
    all.push(letter.closing.clone());
    all.extend(letter.signature.iter().cloned());
    if let Some(annex) = &letter.annex {
        all.push(annex.title.clone());
        blocks(&mut all, &annex.blocks);
    }
    all
}

/// Asserts that `extracted` contains every text of the letter, as WinAnsi shows it.
fn assert_contains_all(format: &str, extracted: &str, letter: &Letter) {
    let haystack = squash(&without_footers(extracted));
    for text in texts(letter) {
        let want = squash(&winansi::lossy(&text));
        assert!(
            haystack.contains(&want),
            "{format} text lacks {text:?} (looked for {want:?})"
        );
    }
}

/// A letter built to break things: markup, PDF string delimiters, emoji, 300-character words,
/// 200 invoices, an annex over several pages.
fn hostile() -> Letter {
    let long_word = "Z".repeat(300);
    let mut letter = Letter::sample();
    letter.sender = vec![
        "<script>alert('x')</script> & Fils (SARL) \\ backslash \\\\ double".into(),
        "Rue des (parenthèses non fermées ( et \\) échappées".into(),
        "Emoji 😀 et drapeau 🇫🇷 et flèche → fin".into(),
        format!("Mot {long_word}"),
    ];
    letter.recipient = vec![
        "Société « Guillemets » & Cie — Ω".into(),
        "Ligne\tavec\u{7}contrôle\u{0}et\u{1F}zéro-largeur\u{200B}ici".into(),
        "38000 Grenoble".into(),
    ];
    letter.subject = "Mise en demeure ) ( \\ <b>gras</b> — 300 caractères".into();
    letter.references.push(format!("Référence {long_word}"));
    let rows: Vec<Vec<String>> = (1..=200)
        .map(|i| {
            vec![
                format!("F-2024-{i:03} (lot {i}) <x>"),
                format!("{:02}/03/2024", i % 28 + 1),
                format!("{}\u{202F}{:03},{:02}\u{A0}€", i, i * 7 % 1000, i % 100),
            ]
        })
        .collect();
    let mut body = letter.body.clone();
    body.insert(
        0,
        Block::Paragraph {
            id: "long".into(),
            text: format!("Un mot très long : {long_word}.\nEt une deuxième ligne\\ (fin)."),
        },
    );
    body.push(Block::Table(Table {
        columns: vec![
            Column {
                title: "Facture".into(),
                align: Align::Left,
                weight: 3,
            },
            Column {
                title: "Échéance".into(),
                align: Align::Left,
                weight: 2,
            },
            Column {
                title: "Montant TTC".into(),
                align: Align::Right,
                weight: 2,
            },
        ],
        rows,
        total: Some(vec![
            "Total".into(),
            String::new(),
            "123\u{202F}456,78\u{A0}€".into(),
        ]),
    }));
    body.push(Block::Bullets(vec![
        format!("Puce longue : {}", "mot ".repeat(80)),
        "Puce avec cellule géante".into(),
    ]));
    body.push(Block::Table(Table {
        columns: vec![
            Column {
                title: "Cellule".into(),
                align: Align::Left,
                weight: 1,
            },
            Column {
                title: "Montant".into(),
                align: Align::Right,
                weight: 1,
            },
        ],
        rows: vec![vec!["mot ".repeat(700), "1,00 €".into()]],
        total: None,
    }));
    letter.body = body;
    let annex_rows: Vec<Vec<String>> = (1..=150)
        .map(|i| {
            vec![
                format!("{:02}/01/2024", i % 28 + 1),
                format!("{:02}/02/2024", i % 28 + 1),
                format!("{i}"),
                "24 000,00 €".into(),
                "14,50 %".into(),
                "C. com. L441-10".into(),
                format!("{i},{:02} €", i % 100),
            ]
        })
        .collect();
    let col = |title: &str, align, weight| Column {
        title: title.into(),
        align,
        weight,
    };
    letter.annex = Some(Annex {
        title: "Annexe — Décompte au 22 novembre 2026".into(),
        blocks: vec![
            Block::Paragraph {
                id: "method".into(),
                text: "Méthode : pénalités (L441-10), 365 jours.".into(),
            },
            Block::Heading("Facture F-2022-031".into()),
            Block::Table(Table {
                columns: vec![
                    col("Du", Align::Left, 2),
                    col("Au", Align::Left, 2),
                    col("Jours", Align::Right, 1),
                    col("Base", Align::Right, 2),
                    col("Taux", Align::Right, 1),
                    col("Fondement", Align::Left, 2),
                    col("Intérêts", Align::Right, 2),
                ],
                rows: annex_rows,
                total: Some(vec![
                    "Total".into(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    "9 999,99 €".into(),
                ]),
            }),
        ],
    });
    letter
}

/// "Page N / M" labels of a PDF's text: M, and every N from 1 to M present.
fn page_count(text: &str) -> usize {
    let flat = text.replace(['\u{A0}', '\u{202F}'], " ");
    let total: usize = flat
        .split("Page 1 / ")
        .nth(1)
        .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|n| n.parse().ok())
        .expect("a \"Page 1 / N\" footer");
    for n in 1..=total {
        assert!(
            flat.contains(&format!("Page {n} / {total}")),
            "no footer \"Page {n} / {total}\""
        );
    }
    total
}

#[test]
fn sample_pdf_is_valid_and_has_every_text() {
    let letter = Letter::sample();
    let bytes = pdf::render(&letter);
    assert!(bytes.starts_with(b"%PDF-"));
    let path = write("sample.pdf", &bytes);
    qpdf_check(&path);
    let text = pdftotext(&path, false);
    assert_contains_all("PDF", &text, &letter);
    for word in [
        "é",
        "è",
        "à",
        "ç",
        "ô",
        "œ",
        "«",
        "»",
        "€",
        "—",
        "Objet : Mise en demeure",
    ] {
        assert!(text.contains(word), "PDF text lacks {word:?}:\n{text}");
    }
    assert_eq!(page_count(&text), 1);
    // Document information.
    let raw = String::from_utf8_lossy(&bytes);
    assert!(raw.contains("/Producer (Relance)"), "no Producer");
    assert!(raw.contains("/Title"), "no Title");
    assert!(raw.contains("/BaseFont /Helvetica-Bold") && raw.contains("/WinAnsiEncoding"));
    assert!(raw.contains("/MediaBox [0 0 595 842]"), "A4 page");
}

#[test]
fn hostile_long_pdf_is_valid_paginated_and_has_every_text() {
    let letter = hostile();
    let bytes = pdf::render(&letter);
    let path = write("hostile.pdf", &bytes);
    qpdf_check(&path);
    // Raw order = content-stream order: a cell's wrapped lines stay together.
    let text = pdftotext(&path, true);
    assert_contains_all("PDF", &text, &letter);
    assert!(
        text.contains("Emoji ? et drapeau ?? et flèche ? fin"),
        "emoji → '?':\n{text}"
    );
    assert!(!text.contains('\u{FFFD}'));
    let pages = page_count(&text);
    assert!(pages > 5, "200 rows and an annex on {pages} pages");
    // The table header is repeated on the pages the invoice table runs over, the annex title
    // on every annex page.
    let headers = text.matches("Montant TTC").count();
    assert!(headers >= 3, "header row repeated {headers} times");
    let annex_pages = text
        .matches("Annexe — Décompte au 22 novembre 2026")
        .count();
    assert!(annex_pages >= 2, "annex title on {annex_pages} pages");
    // Page-by-page: the annex starts on a page of its own, under its title.
    let by_page: Vec<&str> = text.split('\u{C}').collect();
    let first_annex = by_page
        .iter()
        .position(|p| p.contains("Annexe — Décompte"))
        .expect("an annex page");
    assert!(by_page[first_annex]
        .trim_start()
        .starts_with("Annexe — Décompte"));
    assert!(!by_page[first_annex - 1].contains("Méthode : pénalités"));
    for page in &by_page[first_annex..by_page.len() - 1] {
        assert!(
            page.trim_start().starts_with("Annexe — Décompte"),
            "annex page without its title:\n{page}"
        );
    }
}

#[test]
fn pdf_strings_escape_delimiters() {
    let mut letter = Letter::sample();
    letter.subject = r"a ) b ( c \ d \\ e ((f)".into();
    let bytes = pdf::render(&letter);
    let path = write("delimiters.pdf", &bytes);
    qpdf_check(&path);
    let text = pdftotext(&path, false);
    assert!(text.contains(r"Objet : a ) b ( c \ d \\ e ((f)"), "{text}");
}

/// The entries of a ZIP of stored entries (what `zip::store` writes), CRCs checked.
fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let u16_at = |i: usize| usize::from(u16::from_le_bytes([bytes[i], bytes[i + 1]]));
    let u32_at =
        |i: usize| u32::from_le_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
    let mut entries = Vec::new();
    let mut at = 0;
    while u32_at(at) == 0x0403_4B50 {
        assert_eq!(u16_at(at + 8), 0, "stored entries only");
        let crc = u32_at(at + 14);
        let size = u32_at(at + 18) as usize;
        let name_len = u16_at(at + 26);
        let extra = u16_at(at + 28);
        let name =
            String::from_utf8(bytes[at + 30..at + 30 + name_len].to_vec()).expect("utf-8 name");
        let start = at + 30 + name_len + extra;
        let data = bytes[start..start + size].to_vec();
        assert_eq!(zip::crc32(&data), crc, "CRC of {name}");
        entries.push((name, data));
        at = start + size;
    }
    assert_eq!(
        u32_at(at),
        0x0201_4B50,
        "central directory after the entries"
    );
    entries
}

/// Checks the package with `unzip -t` and parses every XML part; returns the text of
/// word/document.xml, one line per paragraph.
fn docx_text(name: &str, bytes: &[u8]) -> String {
    let path = write(name, bytes);
    let out = run(
        "unzip",
        "unzip",
        &["-tq", path.to_str().expect("utf-8 path")],
    );
    assert!(
        out.status.success(),
        "unzip -t {name}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let entries = unzip(bytes);
    let names: Vec<&str> = entries.iter().map(|(n, _)| n.as_str()).collect();
    for part in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/styles.xml",
    ] {
        assert!(names.contains(&part), "{name} lacks {part}: {names:?}");
    }
    let mut document = String::new();
    for (part, data) in &entries {
        let xml = std::str::from_utf8(data).unwrap_or_else(|e| panic!("{part} is not UTF-8: {e}"));
        let doc = roxmltree::Document::parse(xml)
            .unwrap_or_else(|e| panic!("{part} is not well-formed: {e}"));
        if part == "word/document.xml" {
            for p in doc.descendants().filter(|n| n.has_tag_name("p")) {
                for t in p
                    .descendants()
                    .filter(|n| n.has_tag_name("t") || n.has_tag_name("br"))
                {
                    document.push_str(if t.has_tag_name("br") {
                        "\n"
                    } else {
                        t.text().unwrap_or("")
                    });
                }
                document.push('\n');
            }
        }
    }
    document
}

/// What a DOCX keeps of a text: everything but control characters (tabs become spaces).
fn docx_kept(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control() || c.is_whitespace())
        .collect()
}

fn assert_docx_contains_all(format: &str, extracted: &str, letter: &Letter) {
    let haystack = squash(extracted);
    for text in texts(letter) {
        let want = squash(&docx_kept(&text));
        assert!(
            haystack.contains(&want),
            "{format} text lacks {text:?} (looked for {want:?})"
        );
    }
}

#[test]
fn sample_docx_is_valid_and_has_every_text() {
    let letter = Letter::sample();
    let bytes = docx::render(&letter);
    let text = docx_text("sample.docx", &bytes);
    assert_docx_contains_all("DOCX", &text, &letter);
    assert!(text.contains("Objet : Mise en demeure de payer — facture F-2022-031"));
    assert_eq!(bytes, docx::render(&letter), "same letter, same bytes");
}

#[test]
fn hostile_docx_is_valid_escaped_and_has_every_text() {
    let letter = hostile();
    let bytes = docx::render(&letter);
    let text = docx_text("hostile.docx", &bytes);
    assert_docx_contains_all("DOCX", &text, &letter);
    let entries = unzip(&bytes);
    let xml = String::from_utf8(
        entries
            .iter()
            .find(|(n, _)| n == "word/document.xml")
            .expect("document")
            .1
            .clone(),
    )
    .expect("utf-8");
    assert!(xml.contains("&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; Fils"));
    assert!(!xml.contains("<script>") && !xml.contains('\u{7}') && !xml.contains('\u{0}'));
    assert!(
        xml.contains("Emoji 😀 et drapeau 🇫🇷"),
        "the DOCX keeps Unicode"
    );
    // The annex is a section of its own with a running header.
    assert_eq!(xml.matches("<w:sectPr>").count(), 2);
    assert!(entries.iter().any(|(n, d)| n == "word/header1.xml"
        && String::from_utf8_lossy(d).contains("Annexe — Décompte au 22 novembre 2026")));
    assert_eq!(
        xml.matches("<w:tblHeader/>").count(),
        4,
        "each table repeats its header row"
    );
}

#[test]
fn libreoffice_converts_the_docx_and_its_text_matches_the_pdf() {
    for (name, letter) in [("sample", Letter::sample()), ("hostile", hostile())] {
        let docx_path = write(&format!("lo-{name}.docx"), &docx::render(&letter));
        let lo = libreoffice_text(&docx_path);
        assert_docx_contains_all("LibreOffice", &lo, &letter);
        let pdf_path = write(&format!("lo-{name}.pdf"), &pdf::render(&letter));
        let pdf_text = pdftotext(&pdf_path, true);
        if name == "sample" {
            // Same words (the PDF's footers aside; no word is cut in the sample).
            assert_same_words(&lo, &pdf_text);
        } else {
            // Long words are cut by the PDF's line breaks: compare without whitespace.
            assert!(squash(&winansi::lossy(&lo)).len() > 10_000);
            assert_contains_all("LibreOffice (as WinAnsi)", &winansi::lossy(&lo), &letter);
        }
    }
}

/// The drafted letters of the engine's golden dossiers (every kind, décompte annexed).
fn drafted() -> Vec<(String, Letter)> {
    use relance_engine::letter_fields::LetterFields;
    use relance_engine::{compute, parse, RateTables};
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("a date");
    let fields = LetterFields {
        place: "Lyon".into(),
        signatory: "Claire Durand".into(),
        capacity: "Gérante".into(),
        tracking_number: "1A 123 456 7890 1".into(),
        iban: "FR7630006000011234567890189".into(),
        bic: "AGRIFRPP".into(),
        contract_reference: "devis n° D-2022-007 du 12/02/2022".into(),
        ..LetterFields::default()
    };
    let mut out = Vec::new();
    for name in [
        "seed",
        "b2c",
        "several_invoices",
        "contractual",
        "frozen_rate",
        "leap_year",
        "partial_payments",
    ] {
        let path = format!(
            "{}/../engine/tests/golden/{name}.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let json = std::fs::read_to_string(&path).expect("golden dossier");
        let dossier = parse::dossier(&json).expect("a valid dossier");
        let computation = compute(&dossier, day, &RateTables::builtin());
        for kind in [
            LetterKind::Reminder,
            LetterKind::FormalNotice,
            LetterKind::PaymentPlan,
        ] {
            let letter = relance_letter::draft(kind, &dossier, &computation, &fields, day);
            out.push((format!("{name}-{}", kind.code()), letter));
        }
    }
    out
}

#[test]
fn drafted_letters_render_as_valid_pdf_and_docx_with_every_text() {
    for (name, letter) in drafted() {
        let path = write(&format!("{name}.pdf"), &pdf::render(&letter));
        qpdf_check(&path);
        let text = pdftotext(&path, true);
        assert_contains_all(&format!("{name}.pdf"), &text, &letter);
        page_count(&text);
        let docx_text = docx_text(&format!("{name}.docx"), &docx::render(&letter));
        assert_docx_contains_all(&format!("{name}.docx"), &docx_text, &letter);
    }
}

#[test]
fn libreoffice_text_of_a_drafted_formal_notice_matches_the_pdf() {
    let (name, letter) = drafted()
        .into_iter()
        .find(|(n, _)| n == "seed-mise-en-demeure")
        .expect("the seed formal notice");
    let docx_path = write(&format!("lo-{name}.docx"), &docx::render(&letter));
    let lo = libreoffice_text(&docx_path);
    assert_docx_contains_all("LibreOffice", &lo, &letter);
    let pdf_text = pdftotext(
        &write(&format!("lo-{name}.pdf"), &pdf::render(&letter)),
        true,
    );
    // The PDF repeats the annex title and table headers on each page; LibreOffice's text has
    // neither headers nor footers: the same words either way.
    assert_same_words(&lo, &pdf_text);
}
