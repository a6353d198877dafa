//! The DOCX's layout, read from its parts as Word would: where the recipient lands for a DL
//! window envelope, what is bold, indented or right-aligned, table widths and repeated header
//! rows, the annex's section with its running header, the page-number footer and the package's
//! parts. Fast (no external tool): `tests/pdf_docx.rs` checks the same files with `unzip -t`
//! and LibreOffice.
//!
//! Lengths are in twips (1/20 pt; 1 mm = 56.69 twips). The renderer converts tenths of a
//! millimetre with `× 5 669 / 1 000`, truncated: 20 mm = 1 133, 50 mm = 2 834, 85 mm = 4 818,
//! 110 mm = 6 235.

use relance_letter::model::Annex;
use relance_letter::{docx, zip, Align, Block, Column, Letter, Table};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// The parts of a stored ZIP, read from its central directory (sizes, offsets and CRC-32
/// checked against the local headers).
fn parts(bytes: &[u8]) -> Vec<(String, String)> {
    let u16_at = |i: usize| usize::from(u16::from_le_bytes([bytes[i], bytes[i + 1]]));
    let u32_at = |i: usize| {
        u32::from_le_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]) as usize
    };
    let eocd = bytes.len() - 22;
    assert_eq!(u32_at(eocd), 0x0605_4B50, "end of central directory");
    let count = u16_at(eocd + 10);
    let mut at = u32_at(eocd + 16);
    let mut out = Vec::new();
    for _ in 0..count {
        assert_eq!(u32_at(at), 0x0201_4B50, "central entry");
        let (crc, size, name_len) = (u32_at(at + 16), u32_at(at + 20), u16_at(at + 28));
        let local = u32_at(at + 42);
        let name = String::from_utf8(bytes[at + 46..at + 46 + name_len].to_vec()).unwrap();
        assert_eq!(u32_at(local), 0x0403_4B50, "{name}: local header");
        assert_eq!(u32_at(local + 14), crc, "{name}: CRC in both headers");
        let start = local + 30 + u16_at(local + 26) + u16_at(local + 28);
        let data = &bytes[start..start + size];
        assert_eq!(zip::crc32(data) as usize, crc, "{name}: CRC-32 of the data");
        out.push((name, String::from_utf8(data.to_vec()).unwrap()));
        at += 46 + name_len;
    }
    out
}

fn part(bytes: &[u8], name: &str) -> String {
    parts(bytes)
        .into_iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no part {name}"))
        .1
}

/// One `<w:p>` as Word reads it.
#[derive(Debug, Default)]
struct P {
    /// The runs' text, `\n` where a `<w:br/>` stands.
    text: String,
    in_table: bool,
    keep_next: bool,
    before: u32,
    after: u32,
    /// Exact line height, if any.
    exact_line: Option<u32>,
    /// `<w:ind>`: left, right, hanging.
    ind: Option<(u32, u32, u32)>,
    right: bool,
    /// Every run bold, and the paragraph mark too.
    bold: bool,
    /// Half-points of every run, if set.
    size: Option<u32>,
    /// A section ends with this paragraph.
    section: bool,
}

fn num(node: roxmltree::Node, name: &str) -> u32 {
    node.attribute((W, name))
        .unwrap_or_else(|| panic!("no w:{name} on {node:?}"))
        .parse()
        .unwrap()
}

fn child<'a, 'i>(node: roxmltree::Node<'a, 'i>, name: &str) -> Option<roxmltree::Node<'a, 'i>> {
    node.children().find(|c| c.has_tag_name((W, name)))
}

fn paragraphs(document: &str) -> Vec<P> {
    let doc = roxmltree::Document::parse(document).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .map(|p| {
            let ppr = child(p, "pPr").unwrap();
            let spacing = child(ppr, "spacing");
            let space = |name: &str| spacing.map_or(0, |s| num(s, name));
            let runs: Vec<_> = p.children().filter(|r| r.has_tag_name((W, "r"))).collect();
            let run_bold =
                |r: &roxmltree::Node| child(*r, "rPr").is_some_and(|rpr| child(rpr, "b").is_some());
            let run_size = |r: &roxmltree::Node| {
                child(*r, "rPr")
                    .and_then(|rpr| child(rpr, "sz"))
                    .map(|sz| num(sz, "val"))
            };
            let mark = child(ppr, "rPr");
            let mark_bold = mark.is_some_and(|m| child(m, "b").is_some());
            let mark_size = mark.and_then(|m| child(m, "sz")).map(|sz| num(sz, "val"));
            let sizes: Vec<Option<u32>> = runs.iter().map(run_size).collect();
            assert!(
                sizes.iter().all(|s| *s == mark_size),
                "runs and paragraph mark of the same size: {p:?}"
            );
            let bold = runs.iter().all(run_bold);
            assert_eq!(bold, mark_bold, "runs and paragraph mark equally bold");
            P {
                // In reading order: a `<w:br/>` is a line break where it stands.
                text: runs
                    .iter()
                    .flat_map(|r| r.children())
                    .filter_map(|n| {
                        if n.has_tag_name((W, "br")) {
                            Some("\n")
                        } else if n.has_tag_name((W, "t")) {
                            Some(n.text().unwrap_or(""))
                        } else {
                            None
                        }
                    })
                    .collect(),
                in_table: p.ancestors().any(|a| a.has_tag_name((W, "tc"))),
                keep_next: child(ppr, "keepNext").is_some(),
                before: space("before"),
                after: space("after"),
                exact_line: spacing.and_then(|s| {
                    let rule = s.attribute((W, "lineRule"))?;
                    assert_eq!(rule, "exact");
                    Some(num(s, "line"))
                }),
                ind: child(ppr, "ind")
                    .map(|i| (num(i, "left"), num(i, "right"), num(i, "hanging"))),
                right: child(ppr, "jc").map(|j| num_str(j, "val")) == Some("right".into()),
                bold: bold && !runs.is_empty(),
                size: mark_size,
                section: child(ppr, "sectPr").is_some(),
            }
        })
        .collect()
}

fn num_str(node: roxmltree::Node, name: &str) -> String {
    node.attribute((W, name)).unwrap().to_owned()
}

fn find<'a>(ps: &'a [P], text: &str) -> &'a P {
    ps.iter()
        .find(|p| p.text == text)
        .unwrap_or_else(|| panic!("no paragraph {text:?} in {ps:#?}"))
}

fn document(letter: &Letter) -> String {
    part(&docx::render(letter), "word/document.xml")
}

/// The top margin (15 mm) of the letter's section.
const TOP: u32 = 850;
/// One line of the head: 13.5 pt exactly, as in the PDF.
const LINE: u32 = 270;

/// Sample letter: sender top left in an 85 mm column (text width 170 mm = 9 640 twips, right
/// indent 9 640 − 4 818 = 4 822); recipient 110 mm from the page's left edge (indent 6 235 −
/// 1 133 = 5 102), 80 mm wide (right indent 11 906 − 1 133 − 6 235 − 4 535 = 3), its first line
/// at 50 mm from the top: 850 + 4 sender lines × 270 = 1 930, then 2 834 − 1 930 = 904 before
/// it. The place and date start 99 mm from the top, below the window: 2 834 + 3 × 270 = 3 644,
/// 5 612 − 3 644 = 1 968 before, right-aligned.
#[test]
fn docx_recipient_sits_in_the_envelope_window() {
    let letter = Letter::sample();
    let ps = paragraphs(&document(&letter));
    for (i, line) in letter.sender.iter().enumerate() {
        let p = find(&ps, line);
        assert_eq!(p.exact_line, Some(LINE), "{line}");
        assert_eq!(p.ind, Some((0, 4_822, 0)), "{line}");
        assert_eq!(p.before, 0, "{line}");
        assert_eq!(p.bold, i == 0, "{line}: the name is bold");
    }
    for (i, line) in letter.recipient.iter().enumerate() {
        let p = find(&ps, line);
        assert_eq!(p.exact_line, Some(LINE), "{line}");
        assert_eq!(p.ind, Some((5_102, 3, 0)), "{line}");
        assert_eq!(p.before, if i == 0 { 904 } else { 0 }, "{line}");
        assert_eq!(p.bold, i == 0, "{line}: the name is bold");
    }
    assert_eq!(TOP + 4 * LINE + 904, 2_834, "50 mm");
    let place = find(&ps, "Lyon, le 22 novembre 2026");
    assert_eq!((place.before, place.after), (1_968, 270));
    assert!(place.right && place.exact_line.is_none() && !place.bold);
    assert_eq!(2_834 + 3 * LINE + 1_968, 5_612, "99 mm");
    // The page: A4 (11 906 × 16 838), side margins 20 mm, bottom 25 mm, top 15 mm.
    let xml = document(&letter);
    assert!(xml.contains(
        "<w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"850\" w:right=\"1133\" \
         w:bottom=\"1417\" w:left=\"1133\" w:header=\"566\" w:footer=\"680\" w:gutter=\"0\"/>"
    ));
}

/// A sender block reaching past the window's top pushes the recipient down, keeping a 4 mm
/// (226 twips) gap; a sender line wider than 85 mm counts as two lines. The place and date then
/// keep at least 6 mm (340 twips) below the recipient.
#[test]
fn docx_long_sender_pushes_the_recipient_down() {
    let mut letter = Letter::sample();
    letter.sender = (1..=6).map(|i| format!("Ligne {i}")).collect();
    // 850 + 6 × 270 = 2 470: 2 834 − 2 470 = 364 before the recipient.
    let ps = paragraphs(&document(&letter));
    assert_eq!(find(&ps, "Boulangeries Martin SAS").before, 364);

    letter
        .sender
        .push("Une ligne d'adresse bien trop longue pour une colonne de 85 mm".into());
    // 850 + 8 × 270 = 3 010, past 2 834: the 4 mm minimum.
    let ps = paragraphs(&document(&letter));
    assert_eq!(find(&ps, "Boulangeries Martin SAS").before, 226);
    // 3 010 + 226 + 3 × 270 = 4 046; 5 612 − 4 046 = 1 566.
    assert_eq!(find(&ps, "Lyon, le 22 novembre 2026").before, 1_566);

    letter.recipient = (1..=12).map(|i| format!("Destinataire {i}")).collect();
    // 3 010 + 226 + 12 × 270 = 6 476, past 5 612: the 6 mm minimum.
    let ps = paragraphs(&document(&letter));
    assert_eq!(find(&ps, "Lyon, le 22 novembre 2026").before, 340);
}

/// Lines the sender block takes, read from the gap left above the recipient's first line.
fn sender_lines(sender: &[&str]) -> u32 {
    let mut letter = Letter::sample();
    letter.sender = sender.iter().map(|s| s.to_string()).collect();
    let before = find(&paragraphs(&document(&letter)), "Boulangeries Martin SAS").before;
    assert!(before > 226, "the sender stays above the window");
    (2_834 - TOP - before) / LINE
}

/// The sender's first line (the name) is bold and measured in bold: 100 "i" at 10 pt (Helvetica:
/// 222/1 000 em regular, 278 bold) are 222 pt = 4 440 twips in regular type, within the 85 mm
/// column (4 818 twips), but 278 pt = 5 560 twips in bold: two lines as the name.
#[test]
fn docx_sender_name_is_measured_in_bold() {
    let name = "i".repeat(100);
    assert_eq!(sender_lines(&["x", &name]), 2, "regular: one line each");
    assert_eq!(sender_lines(&[&name]), 2, "bold: the name wraps");
    assert_eq!(sender_lines(&[&name, "x"]), 3);
}

/// The body as the reader sees it: subject in bold with the references under it (the last one
/// spaced 270 twips from the salutation), paragraphs spaced 120 twips, an edited paragraph's
/// line breaks as `<w:br/>`, headings bold 11 pt kept with what follows, bullets with a hanging
/// "•" (indent 8 mm = 453, hanging 5 mm = 283), the closing kept with the signatory, whose name
/// is bold, 110 mm from the page's edge like the recipient.
#[test]
fn docx_body_paragraphs_keep_their_emphasis_and_spacing() {
    let mut letter = Letter::sample();
    letter.references.push("Référence : devis D-7".into());
    letter.body.push(Block::Paragraph {
        id: "multi".into(),
        text: "Première ligne\nDeuxième ligne".into(),
    });
    letter.signature.push("Pour la société".into());
    let ps = paragraphs(&document(&letter));

    let subject = find(&ps, "Objet : Mise en demeure de payer — facture F-2022-031");
    assert!(subject.bold && (subject.before, subject.after) == (0, 0));
    let first = find(&ps, "Facture F-2022-031 du 04/03/2022, échue le 03/04/2022");
    assert!(!first.bold && first.after == 0);
    assert_eq!(find(&ps, "Référence : devis D-7").after, 270);
    let sending = find(
        &ps,
        "Lettre recommandée avec accusé de réception n° 1A 123 456 7890 1",
    );
    assert_eq!(
        (sending.after, sending.bold, sending.ind),
        (120, false, None)
    );
    assert_eq!(find(&ps, "Madame, Monsieur,").after, 120);

    let multi = find(&ps, "Première ligne\nDeuxième ligne");
    assert_eq!(
        multi.after, 120,
        "one paragraph, its break before the second line"
    );
    let heading = find(&ps, "À défaut de paiement");
    assert!(heading.bold && heading.keep_next);
    assert_eq!(
        (heading.before, heading.after, heading.size),
        (180, 80, Some(22))
    );
    for item in ["requête en injonction de payer", "référé-provision"] {
        let bullet = find(&ps, &format!("•\u{A0}\u{A0}{item}"));
        assert_eq!(bullet.ind, Some((453, 0, 283)), "{item}");
        assert_eq!((bullet.after, bullet.bold, bullet.size), (40, false, None));
    }
    // After the list, a small empty paragraph (4 pt) spaces it from what follows.
    let list_end = ps
        .iter()
        .position(|p| p.text.ends_with("référé-provision"))
        .unwrap();
    assert_eq!(
        (
            ps[list_end + 1].text.as_str(),
            ps[list_end + 1].size,
            ps[list_end + 1].after
        ),
        ("", Some(8), 80)
    );
    let notice = find(
        &ps,
        "La présente vaut mise en demeure au sens de l'article 1344 du Code civil.",
    );
    assert!(!notice.bold && !notice.keep_next && notice.ind.is_none());

    let closing = find(&ps, &letter.closing);
    assert!(closing.keep_next && !closing.bold);
    assert_eq!((closing.before, closing.after), (120, 453));
    let signature: Vec<&P> = letter.signature.iter().map(|l| find(&ps, l)).collect();
    assert_eq!(
        signature
            .iter()
            .map(|p| (p.bold, p.keep_next, p.ind))
            .collect::<Vec<_>>(),
        [
            (true, true, Some((5_102, 0, 0))),
            (false, true, Some((5_102, 0, 0))),
            (false, false, Some((5_102, 0, 0)))
        ],
        "the signatory in bold, the block kept together"
    );
    assert!(
        signature.iter().all(|p| !p.section),
        "no annex: one section"
    );
}

/// Without references, the subject itself is spaced 270 twips from the salutation; without a
/// sending line, none is written.
#[test]
fn docx_subject_without_references() {
    let mut letter = Letter::sample();
    letter.references.clear();
    letter.sending = None;
    let ps = paragraphs(&document(&letter));
    let subject = find(&ps, "Objet : Mise en demeure de payer — facture F-2022-031");
    assert_eq!(subject.after, 270);
    assert!(ps.iter().all(|p| !p.text.starts_with("Lettre recommandée")));
}

/// One row of a table: its cells' widths, the cells' paragraphs, whether the row repeats on
/// each page, and its cells' borders.
struct Row {
    widths: Vec<u32>,
    cells: Vec<P>,
    header: bool,
    borders: Vec<String>,
}

fn tables(document: &str) -> Vec<(Vec<u32>, Vec<Row>)> {
    let doc = roxmltree::Document::parse(document).unwrap();
    let wrap = |n: roxmltree::Node| {
        let xml = &document[n.range()];
        format!("<w:x xmlns:w=\"{W}\" xmlns:r=\"{R}\">{xml}</w:x>")
    };
    doc.descendants()
        .filter(|n| n.has_tag_name((W, "tbl")))
        .map(|tbl| {
            let grid = child(tbl, "tblGrid")
                .unwrap()
                .children()
                .filter(|c| c.is_element())
                .map(|c| num(c, "w"))
                .collect();
            let rows = tbl
                .children()
                .filter(|c| c.has_tag_name((W, "tr")))
                .map(|tr| {
                    let tcs: Vec<_> = tr
                        .children()
                        .filter(|c| c.has_tag_name((W, "tc")))
                        .collect();
                    Row {
                        widths: tcs
                            .iter()
                            .map(|tc| num(child(child(*tc, "tcPr").unwrap(), "tcW").unwrap(), "w"))
                            .collect(),
                        cells: tcs
                            .iter()
                            .map(|tc| {
                                let mut p = paragraphs(&wrap(child(*tc, "p").unwrap())).remove(0);
                                p.in_table = true;
                                p
                            })
                            .collect(),
                        header: child(child(tr, "trPr").unwrap(), "tblHeader").is_some(),
                        borders: tcs
                            .iter()
                            .map(|tc| {
                                child(child(*tc, "tcPr").unwrap(), "tcBorders")
                                    .map(|b| document[b.range()].to_owned())
                                    .unwrap_or_default()
                            })
                            .collect(),
                    }
                })
                .collect();
            (grid, rows)
        })
        .collect()
}

/// The sample's claim table: columns weighted 3:1 over the 170 mm text width (9 640 twips:
/// 7 230 + 2 410), the title row repeated on each page, bold, ruled below; body rows in 9 pt
/// regular; the total bold, ruled above; amounts right-aligned.
#[test]
fn docx_table_rows_widths_and_alignment() {
    let letter = Letter::sample();
    let xml = document(&letter);
    let tables = tables(&xml);
    assert_eq!(tables.len(), 1);
    let (grid, rows) = &tables[0];
    assert_eq!(grid, &[7_230, 2_410]);
    assert_eq!(rows.len(), 5);
    let header_rule = "<w:tcBorders><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"0\" w:color=\"000000\"/></w:tcBorders>";
    let total_rule = "<w:tcBorders><w:top w:val=\"single\" w:sz=\"12\" w:space=\"0\" w:color=\"000000\"/></w:tcBorders>";
    for (i, row) in rows.iter().enumerate() {
        let (header, total) = (i == 0, i == rows.len() - 1);
        assert_eq!(&row.widths, grid, "row {i}: cells as wide as the grid");
        assert_eq!(row.header, header, "row {i}: only the title row repeats");
        let rule = if header {
            header_rule
        } else if total {
            total_rule
        } else {
            ""
        };
        assert_eq!(row.borders, [rule, rule], "row {i}");
        for (cell, right) in row.cells.iter().zip([false, true]) {
            assert_eq!(cell.bold, header || total, "row {i}: {}", cell.text);
            assert_eq!(cell.right, right, "row {i}: {}", cell.text);
            assert_eq!(cell.size, Some(18), "9 pt");
            assert_eq!((cell.before, cell.after), (0, 0));
        }
    }
    let texts: Vec<Vec<&str>> = rows
        .iter()
        .map(|r| r.cells.iter().map(|c| c.text.as_str()).collect())
        .collect();
    assert_eq!(
        texts,
        [
            vec!["Somme", "Montant"],
            vec!["Principal", "24 000,00 €"],
            vec!["Pénalités de retard (C. com. L441-10)", "14 092,53 €"],
            vec!["Indemnité forfaitaire (C. com. D441-5)", "40,00 €"],
            vec!["Total", "38 132,53 €"]
        ]
    );
    // The table's own borders: 1 pt above and below, hairlines between rows.
    assert!(xml.contains(
        "<w:tblBorders><w:top w:val=\"single\" w:sz=\"8\" w:space=\"0\" w:color=\"000000\"/>\
         <w:bottom w:val=\"single\" w:sz=\"8\" w:space=\"0\" w:color=\"000000\"/>\
         <w:insideH w:val=\"single\" w:sz=\"2\" w:space=\"0\" w:color=\"BFBFBF\"/></w:tblBorders>"
    ));
    // A small paragraph (4 pt, 120 twips after) follows each table.
    let ps = paragraphs(&xml);
    let after_table = ps
        .iter()
        .skip_while(|p| !p.in_table)
        .find(|p| !p.in_table)
        .unwrap();
    assert_eq!(
        (
            after_table.text.as_str(),
            after_table.size,
            after_table.after
        ),
        ("", Some(8), 120)
    );
}

/// Weights 1:1:1 do not divide 9 640 twips evenly: the last column takes the remainder, so the
/// table is exactly the text width; a row shorter than the columns gets empty cells; a
/// column whose word is wider than its share is widened, the others narrowed.
#[test]
fn docx_columns_fill_the_text_width() {
    let col = |title: &str, weight| Column {
        title: title.into(),
        align: Align::Left,
        weight,
    };
    let mut letter = Letter::sample();
    letter.body = vec![Block::Table(Table {
        columns: vec![col("A", 1), col("B", 1), col("C", 1)],
        rows: vec![vec!["a".into()]],
        total: None,
    })];
    let (grid, rows) = tables(&document(&letter)).remove(0);
    assert_eq!(grid, [3_213, 3_213, 3_214]);
    let cells: Vec<&str> = rows[1].cells.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(cells, ["a", "", ""]);

    letter.body = vec![Block::Table(Table {
        columns: vec![col("Fondement", 1), col("B", 8)],
        rows: vec![vec!["Anticonstitutionnellement".into(), "b".into()]],
        total: None,
    })];
    let (grid, _) = tables(&document(&letter)).remove(0);
    assert_eq!(grid.iter().sum::<u32>(), 9_640);
    assert!(
        grid[0] > 9_640 / 9,
        "the long word widens its column: {grid:?}"
    );
}

fn with_annex() -> Letter {
    let mut letter = Letter::sample();
    letter.annex = Some(Annex {
        title: "Annexe — Décompte <au> 22 novembre 2026".into(),
        blocks: vec![Block::Paragraph {
            id: "annex-method".into(),
            text: "Méthode.".into(),
        }],
    });
    letter
}

/// The `<w:sectPr>` elements of a document, in order.
fn sections(document: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(document).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name((W, "sectPr")))
        .map(|n| document[n.range()].to_owned())
        .collect()
}

const PAGE: &str = "<w:type w:val=\"nextPage\"/><w:pgSz w:w=\"11906\" w:h=\"16838\"/>";

/// Without an annex: one section, the page-number footer on every page, no header.
#[test]
fn docx_letter_alone_is_one_section_with_a_footer() {
    let xml = document(&Letter::sample());
    assert_eq!(
        sections(&xml),
        [format!(
            "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>{PAGE}\
             <w:pgMar w:top=\"850\" w:right=\"1133\" w:bottom=\"1417\" w:left=\"1133\" \
             w:header=\"566\" w:footer=\"680\" w:gutter=\"0\"/></w:sectPr>"
        )]
    );
    assert!(xml.ends_with("</w:sectPr></w:body></w:document>"));
}

/// With an annex: the letter's section ends with the signatory's last line; the annex starts
/// on a new page under its title (bold 11 pt, kept with what follows) and is a section of its
/// own, 25 mm from the top, whose first page has an empty header (the title is in the text)
/// and the following ones the title as running header.
#[test]
fn docx_annex_is_a_section_with_a_running_header() {
    let letter = with_annex();
    let xml = document(&letter);
    let ps = paragraphs(&xml);
    assert!(
        find(&ps, "Gérante").section,
        "the letter ends with its signature"
    );
    assert!(!find(&ps, "Claire Durand").section);
    let title = find(&ps, "Annexe — Décompte <au> 22 novembre 2026");
    assert!(title.bold && title.keep_next);
    assert_eq!((title.size, title.after), (Some(22), 200));
    assert!(xml.contains("Annexe — Décompte &lt;au&gt; 22 novembre 2026"));
    let letter_section = format!(
        "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>{PAGE}\
         <w:pgMar w:top=\"850\" w:right=\"1133\" w:bottom=\"1417\" w:left=\"1133\" \
         w:header=\"566\" w:footer=\"680\" w:gutter=\"0\"/></w:sectPr>"
    );
    let annex_section = format!(
        "<w:sectPr><w:headerReference w:type=\"first\" r:id=\"rIdHeaderFirst\"/>\
         <w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/>\
         <w:footerReference w:type=\"first\" r:id=\"rIdFooter\"/>\
         <w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>{PAGE}\
         <w:pgMar w:top=\"1417\" w:right=\"1133\" w:bottom=\"1417\" w:left=\"1133\" \
         w:header=\"566\" w:footer=\"680\" w:gutter=\"0\"/><w:titlePg/></w:sectPr>"
    );
    assert_eq!(
        sections(&xml),
        [letter_section.clone(), annex_section.clone()]
    );
    assert!(xml.ends_with(&format!("{annex_section}</w:body></w:document>")));

    // Without a signature, an empty paragraph ends the letter's section.
    let mut unsigned = with_annex();
    unsigned.signature.clear();
    let xml = document(&unsigned);
    assert_eq!(sections(&xml), [letter_section, annex_section]);
    let ps = paragraphs(&xml);
    let end = ps.iter().find(|p| p.section).unwrap();
    assert_eq!(end.text, "");
    // Without a signature and without an annex, no such paragraph.
    unsigned.annex = None;
    let ps = paragraphs(&document(&unsigned));
    assert!(ps.iter().all(|p| !p.section));
    assert_eq!(ps.last().unwrap().text, unsigned.closing);
}

/// The package: its parts in order, their content types and relationships; the headers only
/// with an annex (header1 the running title, bold, ruled below; header2 empty); the footer
/// "Page N / M" from the PAGE and NUMPAGES fields, 8 pt, centred; the title in the document
/// properties (escaped); Arial 10 pt in French as the default style.
#[test]
fn docx_package_parts_and_relationships() {
    let names = |bytes: &[u8]| parts(bytes).into_iter().map(|(n, _)| n).collect::<Vec<_>>();
    let plain = docx::render(&Letter::sample());
    let base = [
        "[Content_Types].xml",
        "_rels/.rels",
        "docProps/core.xml",
        "word/document.xml",
        "word/_rels/document.xml.rels",
        "word/styles.xml",
        "word/footer1.xml",
    ];
    assert_eq!(names(&plain), base);
    let annexed = docx::render(&with_annex());
    let mut all = base.to_vec();
    all.extend(["word/header1.xml", "word/header2.xml"]);
    assert_eq!(names(&annexed), all);

    let wml = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    let overrides = |bytes: &[u8]| {
        let types = part(bytes, "[Content_Types].xml");
        let doc = roxmltree::Document::parse(&types).unwrap();
        doc.descendants()
            .filter(|n| n.has_tag_name("Override") || n.has_tag_name("Default"))
            .map(|n| {
                (
                    n.attribute("PartName")
                        .or(n.attribute("Extension"))
                        .unwrap()
                        .to_owned(),
                    n.attribute("ContentType").unwrap().to_owned(),
                )
            })
            .collect::<Vec<_>>()
    };
    let mut types = vec![
        (
            "rels".to_owned(),
            "application/vnd.openxmlformats-package.relationships+xml".to_owned(),
        ),
        ("xml".into(), "application/xml".into()),
        (
            "/word/document.xml".into(),
            format!("{wml}.document.main+xml"),
        ),
        ("/word/styles.xml".into(), format!("{wml}.styles+xml")),
        ("/word/footer1.xml".into(), format!("{wml}.footer+xml")),
        (
            "/docProps/core.xml".into(),
            "application/vnd.openxmlformats-package.core-properties+xml".into(),
        ),
    ];
    assert_eq!(overrides(&plain), types);
    types.push(("/word/header1.xml".into(), format!("{wml}.header+xml")));
    types.push(("/word/header2.xml".into(), format!("{wml}.header+xml")));
    assert_eq!(overrides(&annexed), types);

    let rels = |bytes: &[u8], name: &str| {
        let xml = part(bytes, name);
        let doc = roxmltree::Document::parse(&xml).unwrap();
        doc.descendants()
            .filter(|n| n.has_tag_name("Relationship"))
            .map(|n| {
                format!(
                    "{} {} {}",
                    n.attribute("Id").unwrap(),
                    n.attribute("Type").unwrap().rsplit('/').next().unwrap(),
                    n.attribute("Target").unwrap()
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        rels(&annexed, "_rels/.rels"),
        [
            "rId1 officeDocument word/document.xml",
            "rId2 core-properties docProps/core.xml"
        ]
    );
    let doc_rels = [
        "rIdStyles styles styles.xml",
        "rIdFooter footer footer1.xml",
        "rIdHeader header header1.xml",
        "rIdHeaderFirst header header2.xml",
    ];
    assert_eq!(rels(&plain, "word/_rels/document.xml.rels"), doc_rels[..2]);
    assert_eq!(rels(&annexed, "word/_rels/document.xml.rels"), doc_rels);

    let running = part(&annexed, "word/header1.xml");
    let ps = paragraphs(&running);
    assert_eq!(ps.len(), 1);
    assert_eq!(ps[0].text, "Annexe — Décompte <au> 22 novembre 2026");
    assert!(ps[0].bold && ps[0].size == Some(22));
    assert!(running.contains(
        "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/></w:pBdr>"
    ));
    let first = part(&annexed, "word/header2.xml");
    let doc = roxmltree::Document::parse(&first).unwrap();
    assert!(doc.root_element().has_tag_name((W, "hdr")));
    assert_eq!(
        doc.descendants().filter(|n| n.is_element()).count(),
        2,
        "an empty header: {first}"
    );

    let footer = part(&plain, "word/footer1.xml");
    let doc = roxmltree::Document::parse(&footer).unwrap();
    let fields: Vec<&str> = doc
        .descendants()
        .filter_map(|n| n.attribute((W, "instr")))
        .collect();
    assert_eq!(fields, [" PAGE ", " NUMPAGES "]);
    let text: String = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "t")))
        .map(|n| n.text().unwrap_or(""))
        .collect();
    assert_eq!(text, "Page 1 / 1", "the fields' placeholders");
    assert!(footer.contains("<w:jc w:val=\"center\"/>"));
    assert_eq!(footer.matches("<w:sz w:val=\"16\"/>").count(), 5, "8 pt");

    let mut letter = Letter::sample();
    letter.subject = "Relance & « suite »".into();
    let core = part(&docx::render(&letter), "docProps/core.xml");
    let doc = roxmltree::Document::parse(&core).unwrap();
    let value = |tag: &str| {
        doc.descendants()
            .find(|n| n.tag_name().name() == tag)
            .and_then(|n| n.text())
            .map(str::to_owned)
    };
    assert_eq!(value("title").as_deref(), Some("Relance & « suite »"));
    assert_eq!(value("creator").as_deref(), Some("Relance"));
    assert_eq!(value("language").as_deref(), Some("fr-FR"));

    let styles = part(&plain, "word/styles.xml");
    roxmltree::Document::parse(&styles).unwrap();
    assert!(styles.contains("<w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\""));
    assert!(
        styles.contains("<w:sz w:val=\"20\"/>") && styles.contains("<w:lang w:val=\"fr-FR\"/>")
    );
}
