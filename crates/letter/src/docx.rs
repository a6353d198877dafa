//! The letter as a DOCX (WordprocessingML), editable in Word and LibreOffice: the same blocks as
//! the PDF, laid out by the word processor.
//!
//! Parts: `[Content_Types].xml`, `_rels/.rels`, `docProps/core.xml` (title), `word/document.xml`,
//! `word/styles.xml` (Arial 10 pt, the metric twin of the PDF's Helvetica),
//! `word/_rels/document.xml.rels`, a footer with "Page N / M" (PAGE and NUMPAGES fields) and,
//! with an annex, its header. Geometry as in the PDF: A4, 20 mm side margins; the recipient
//! where a DL window envelope shows it (110 mm from the left edge, 50 mm from the top, 80 mm
//! wide); place and date right-aligned below the window; signatory on the right.
//! The annex is a section of its own (it starts on a new page); its title heads its first page
//! and is the page header of the following ones. Tables repeat their header row on each page.
//!
//! Text is XML-escaped and stripped of what XML 1.0 forbids; line breaks inside a paragraph
//! become `<w:br/>`.

use std::fmt::Write as _;

use crate::model::{Align, Block, Letter, Table};
use crate::{page, zip};

/// Twentieths of a point from tenths of a millimetre.
const fn mm(tenths: u32) -> u32 {
    tenths * 5_669 / 1_000
}

const PAGE_W: u32 = 11_906;
const PAGE_H: u32 = 16_838;
const MARGIN_SIDE: u32 = mm(page::SIDE_MARGIN as u32);
const MARGIN_TOP: u32 = mm(page::SENDER_TOP as u32);
const MARGIN_BOTTOM: u32 = mm(page::BOTTOM_MARGIN as u32);
const TEXT_WIDTH: u32 = PAGE_W - 2 * MARGIN_SIDE;
const SENDER_W: u32 = mm(page::SENDER_WIDTH as u32);
const WINDOW_X: u32 = mm(page::WINDOW_X as u32);
const WINDOW_Y: u32 = mm(page::WINDOW_TOP as u32);
const WINDOW_W: u32 = mm(page::WINDOW_WIDTH as u32);
const AFTER_WINDOW: u32 = mm(page::AFTER_WINDOW as u32);
/// Exact line height of the head's lines (13.5 pt, as in the PDF), so their height is known.
const HEAD_LINE: u32 = 270;

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_NS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL_TYPE: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML_DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// Whether XML 1.0 allows `c` in a document.
fn xml_allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// `text` escaped for XML content and attributes, without the characters XML 1.0 forbids
/// (and without the other control characters, which have no place in a letter).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push(' '),
            c if c.is_control() || !xml_allowed(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// A paragraph's properties, written in the schema's order.
#[derive(Default, Clone)]
struct Para {
    keep_next: bool,
    before: u32,
    after: u32,
    /// Exact line height (twips), else the style's single spacing.
    exact_line: Option<u32>,
    indent: u32,
    right_indent: u32,
    hanging: u32,
    right: bool,
    bold: bool,
    /// Half-points (20 = 10 pt); 0 for the default.
    size: u32,
    /// A section ending with this paragraph.
    section: Option<String>,
}

impl Para {
    fn write(&self, out: &mut String, text: &str) {
        out.push_str("<w:p><w:pPr>");
        if self.keep_next {
            out.push_str("<w:keepNext/>");
        }
        let _ = write!(
            out,
            "<w:spacing w:before=\"{}\" w:after=\"{}\"",
            self.before, self.after
        );
        if let Some(line) = self.exact_line {
            let _ = write!(out, " w:line=\"{line}\" w:lineRule=\"exact\"");
        }
        out.push_str("/>");
        // A hanging indent comes with a left indent (bullets), so it needs no test of its own.
        if self.indent > 0 || self.right_indent > 0 {
            let _ = write!(
                out,
                "<w:ind w:left=\"{}\" w:right=\"{}\" w:hanging=\"{}\"/>",
                self.indent, self.right_indent, self.hanging
            );
        }
        if self.right {
            out.push_str("<w:jc w:val=\"right\"/>");
        }
        let rpr = self.run_props();
        if !rpr.is_empty() {
            let _ = write!(out, "<w:rPr>{rpr}</w:rPr>");
        }
        if let Some(section) = &self.section {
            out.push_str(section);
        }
        out.push_str("</w:pPr>");
        for (i, line) in text.split('\n').enumerate() {
            let _ = write!(out, "<w:r>");
            if !rpr.is_empty() {
                let _ = write!(out, "<w:rPr>{rpr}</w:rPr>");
            }
            if i > 0 {
                out.push_str("<w:br/>");
            }
            let _ = write!(
                out,
                "<w:t xml:space=\"preserve\">{}</w:t></w:r>",
                escape(line)
            );
        }
        out.push_str("</w:p>");
    }

    fn run_props(&self) -> String {
        let mut rpr = String::new();
        if self.bold {
            rpr.push_str("<w:b/><w:bCs/>");
        }
        if self.size > 0 {
            let _ = write!(
                rpr,
                "<w:sz w:val=\"{0}\"/><w:szCs w:val=\"{0}\"/>",
                self.size
            );
        }
        rpr
    }
}

fn body_para() -> Para {
    Para {
        after: 120,
        ..Para::default()
    }
}

fn border(side: &str, size: u32, color: &str) -> String {
    format!("<w:{side} w:val=\"single\" w:sz=\"{size}\" w:space=\"0\" w:color=\"{color}\"/>")
}

/// Column widths in twips: the PDF's (weights, but no column narrower than its widest word).
fn column_widths(table: &Table) -> Vec<(u32, Align)> {
    let widths =
        crate::pdf::column_widths(table, i32::try_from(TEXT_WIDTH * 5).unwrap_or(i32::MAX));
    let mut out: Vec<(u32, Align)> = widths
        .into_iter()
        .map(|(w, align)| (u32::try_from(w / 5).unwrap_or(0), align))
        .collect();
    let used: u32 = out.iter().map(|c| c.0).sum();
    if let Some(last) = out.last_mut() {
        last.0 += TEXT_WIDTH.saturating_sub(used);
    }
    out
}

fn table(out: &mut String, table: &Table) {
    let cols = column_widths(table);
    out.push_str("<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblBorders>");
    out.push_str(&border("top", 8, "000000"));
    out.push_str(&border("bottom", 8, "000000"));
    out.push_str(&border("insideH", 2, "BFBFBF"));
    out.push_str(
        "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar>\
         <w:top w:w=\"40\" w:type=\"dxa\"/><w:left w:w=\"85\" w:type=\"dxa\"/>\
         <w:bottom w:w=\"40\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/>\
         </w:tblCellMar></w:tblPr><w:tblGrid>",
    );
    for (width, _) in &cols {
        let _ = write!(out, "<w:gridCol w:w=\"{width}\"/>");
    }
    out.push_str("</w:tblGrid>");
    let titles: Vec<String> = table.columns.iter().map(|c| c.title.clone()).collect();
    row(out, &cols, &titles, RowKind::Header);
    for r in &table.rows {
        row(out, &cols, r, RowKind::Body);
    }
    if let Some(total) = &table.total {
        row(out, &cols, total, RowKind::Total);
    }
    out.push_str("</w:tbl>");
    // A table is followed by a paragraph (Word needs one before a section end).
    Para {
        after: 120,
        size: 8,
        ..Para::default()
    }
    .write(out, "");
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum RowKind {
    Header,
    Body,
    Total,
}

fn row(out: &mut String, cols: &[(u32, Align)], cells: &[String], kind: RowKind) {
    out.push_str("<w:tr><w:trPr>");
    if kind == RowKind::Header {
        out.push_str("<w:tblHeader/>");
    }
    out.push_str("</w:trPr>");
    for (i, (width, align)) in cols.iter().enumerate() {
        let _ = write!(out, "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>");
        match kind {
            RowKind::Header => {
                let _ = write!(
                    out,
                    "<w:tcBorders>{}</w:tcBorders>",
                    border("bottom", 6, "000000")
                );
            }
            RowKind::Total => {
                let _ = write!(
                    out,
                    "<w:tcBorders>{}</w:tcBorders>",
                    border("top", 12, "000000")
                );
            }
            RowKind::Body => {}
        }
        out.push_str("</w:tcPr>");
        let text = cells.get(i).map(String::as_str).unwrap_or("");
        let p = Para {
            right: *align == Align::Right,
            bold: kind != RowKind::Body,
            size: 18,
            ..Para::default()
        };
        p.write(out, text);
        out.push_str("</w:tc>");
    }
    out.push_str("</w:tr>");
}

fn blocks(out: &mut String, blocks: &[Block]) {
    for block in blocks {
        match block {
            Block::Paragraph { text, .. } => body_para().write(out, text),
            Block::Heading(text) => Para {
                keep_next: true,
                before: 180,
                after: 80,
                bold: true,
                size: 22,
                ..Para::default()
            }
            .write(out, text),
            Block::Bullets(items) => {
                for item in items {
                    let p = Para {
                        after: 40,
                        indent: mm(80),
                        hanging: mm(50),
                        ..Para::default()
                    };
                    p.write(out, &format!("•\u{A0}\u{A0}{item}"));
                }
                Para {
                    after: 80,
                    size: 8,
                    ..Para::default()
                }
                .write(out, "");
            }
            Block::Table(t) => table(out, t),
        }
    }
}

fn section(footer: &str, header: Option<(&str, &str)>, top: u32) -> String {
    let mut s = String::from("<w:sectPr>");
    if let Some((first, rest)) = header {
        let _ = write!(
            s,
            "<w:headerReference w:type=\"first\" r:id=\"{first}\"/>\
             <w:headerReference w:type=\"default\" r:id=\"{rest}\"/>\
             <w:footerReference w:type=\"first\" r:id=\"{footer}\"/>"
        );
    }
    let _ = write!(
        s,
        "<w:footerReference w:type=\"default\" r:id=\"{footer}\"/>\
         <w:type w:val=\"nextPage\"/>\
         <w:pgSz w:w=\"{PAGE_W}\" w:h=\"{PAGE_H}\"/>\
         <w:pgMar w:top=\"{top}\" w:right=\"{MARGIN_SIDE}\" w:bottom=\"{MARGIN_BOTTOM}\" \
         w:left=\"{MARGIN_SIDE}\" w:header=\"{}\" w:footer=\"{}\" w:gutter=\"0\"/>",
        mm(100),
        mm(120)
    );
    if header.is_some() {
        s.push_str("<w:titlePg/>");
    }
    s.push_str("</w:sectPr>");
    s
}

fn document(letter: &Letter) -> String {
    let mut out = String::with_capacity(4_096);
    out.push_str(XML_DECL);
    let _ = write!(
        out,
        "<w:document xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\"><w:body>"
    );

    // The head is laid out in the flow (text exports and screen readers skip frames), with
    // exact line heights and the PDF's line breaks (Arial has Helvetica's widths), so that the
    // recipient lands in the envelope window: sender top left, 85 mm wide; recipient 110 mm from
    // the left edge, from 50 mm from the top, 80 mm wide; place and date below the window.
    let head_line = Para {
        exact_line: Some(HEAD_LINE),
        ..Para::default()
    };
    let height = |lines: &[String], width: u32| -> u32 {
        let n: usize = lines
            .iter()
            .enumerate()
            .map(|(i, l)| crate::pdf::line_count(i == 0, l, width))
            .sum();
        // Saturating, like the sums below: no letter has millions of lines, none may overflow.
        u32::try_from(n)
            .unwrap_or(u32::MAX)
            .saturating_mul(HEAD_LINE)
    };
    let sender_end = MARGIN_TOP.saturating_add(height(&letter.sender, SENDER_W));
    for (i, line) in letter.sender.iter().enumerate() {
        let p = Para {
            bold: i == 0,
            right_indent: TEXT_WIDTH - SENDER_W,
            ..head_line.clone()
        };
        p.write(&mut out, line);
    }
    let recipient_before = WINDOW_Y.saturating_sub(sender_end).max(mm(40));
    let recipient_end = sender_end
        .saturating_add(recipient_before)
        .saturating_add(height(&letter.recipient, WINDOW_W));
    for (i, line) in letter.recipient.iter().enumerate() {
        let p = Para {
            before: if i == 0 { recipient_before } else { 0 },
            indent: WINDOW_X - MARGIN_SIDE,
            right_indent: PAGE_W - MARGIN_SIDE - WINDOW_X - WINDOW_W,
            bold: i == 0,
            ..head_line.clone()
        };
        p.write(&mut out, line);
    }
    let before = AFTER_WINDOW.saturating_sub(recipient_end).max(mm(60));
    Para {
        before,
        after: 270,
        right: true,
        ..Para::default()
    }
    .write(&mut out, &letter.place_date);
    if let Some(sending) = &letter.sending {
        body_para().write(&mut out, sending);
    }
    let subject = format!("Objet : {}", letter.subject);
    let objet = Para {
        bold: true,
        ..Para::default()
    };
    let references = letter.references.len();
    Para {
        after: if references == 0 { 270 } else { 0 },
        ..objet
    }
    .write(&mut out, &subject);
    for (i, reference) in letter.references.iter().enumerate() {
        let after = if i + 1 == references { 270 } else { 0 };
        Para {
            after,
            ..Para::default()
        }
        .write(&mut out, reference);
    }
    body_para().write(&mut out, &letter.salutation);
    blocks(&mut out, &letter.body);

    // Closing and signatory (right side), kept together.
    Para {
        keep_next: true,
        before: 120,
        after: mm(80),
        ..Para::default()
    }
    .write(&mut out, &letter.closing);
    let footer = "rIdFooter";
    let letter_section = section(footer, None, MARGIN_TOP);
    let count = letter.signature.len();
    for (i, line) in letter.signature.iter().enumerate() {
        let last = i + 1 == count;
        let p = Para {
            keep_next: !last,
            indent: WINDOW_X - MARGIN_SIDE,
            bold: i == 0,
            section: (last && letter.annex.is_some()).then(|| letter_section.clone()),
            ..Para::default()
        };
        p.write(&mut out, line);
    }
    if count == 0 && letter.annex.is_some() {
        Para {
            section: Some(letter_section.clone()),
            ..Para::default()
        }
        .write(&mut out, "");
    }

    match &letter.annex {
        Some(annex) => {
            Para {
                keep_next: true,
                after: 200,
                bold: true,
                size: 22,
                ..Para::default()
            }
            .write(&mut out, &annex.title);
            blocks(&mut out, &annex.blocks);
            out.push_str(&section(
                footer,
                Some(("rIdHeaderFirst", "rIdHeader")),
                mm(250),
            ));
        }
        None => out.push_str(&letter_section),
    }
    out.push_str("</w:body></w:document>");
    out
}

fn footer() -> String {
    let field = |instr: &str| {
        format!(
            "<w:fldSimple w:instr=\" {instr} \"><w:r><w:rPr><w:sz w:val=\"16\"/></w:rPr>\
             <w:t>1</w:t></w:r></w:fldSimple>"
        )
    };
    format!(
        "{XML_DECL}<w:ftr xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\"><w:p><w:pPr><w:jc w:val=\"center\"/>\
         <w:rPr><w:sz w:val=\"16\"/></w:rPr></w:pPr>\
         <w:r><w:rPr><w:sz w:val=\"16\"/></w:rPr><w:t xml:space=\"preserve\">Page </w:t></w:r>{}\
         <w:r><w:rPr><w:sz w:val=\"16\"/></w:rPr><w:t xml:space=\"preserve\"> / </w:t></w:r>{}</w:p></w:ftr>",
        field("PAGE"),
        field("NUMPAGES")
    )
}

fn header(title: Option<&str>) -> String {
    let mut out = format!("{XML_DECL}<w:hdr xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\">");
    match title {
        Some(title) => {
            let _ = write!(
                out,
                "<w:p><w:pPr><w:pBdr>{}</w:pBdr><w:rPr><w:b/><w:sz w:val=\"22\"/></w:rPr></w:pPr>\
                 <w:r><w:rPr><w:b/><w:sz w:val=\"22\"/></w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
                border("bottom", 4, "000000"),
                escape(title)
            );
        }
        None => out.push_str("<w:p/>"),
    }
    out.push_str("</w:hdr>");
    out
}

const STYLES: &str = "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:eastAsia=\"Arial\" w:cs=\"Arial\"/>\
<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/><w:lang w:val=\"fr-FR\"/></w:rPr></w:rPrDefault>\
<w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"259\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>\
<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>\
<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>\
<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>\
<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>\
</w:styles>";

fn relationships(rels: &[(&str, &str, &str)]) -> String {
    let mut out = format!("{XML_DECL}<Relationships xmlns=\"{REL_NS}\">");
    for (id, kind, target) in rels {
        let _ = write!(
            out,
            "<Relationship Id=\"{id}\" Type=\"{kind}\" Target=\"{target}\"/>"
        );
    }
    out.push_str("</Relationships>");
    out
}

/// Renders the letter as DOCX bytes.
pub fn render(letter: &Letter) -> Vec<u8> {
    let wml = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    let annex_title = letter.annex.as_ref().map(|a| a.title.as_str());
    let mut types = format!(
        "{XML_DECL}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
         <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
         <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
         <Override PartName=\"/word/document.xml\" ContentType=\"{wml}.document.main+xml\"/>\
         <Override PartName=\"/word/styles.xml\" ContentType=\"{wml}.styles+xml\"/>\
         <Override PartName=\"/word/footer1.xml\" ContentType=\"{wml}.footer+xml\"/>\
         <Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
    );
    if annex_title.is_some() {
        let _ = write!(
            types,
            "<Override PartName=\"/word/header1.xml\" ContentType=\"{wml}.header+xml\"/>\
             <Override PartName=\"/word/header2.xml\" ContentType=\"{wml}.header+xml\"/>"
        );
    }
    types.push_str("</Types>");

    let package_rels = relationships(&[
        (
            "rId1",
            &format!("{REL_TYPE}/officeDocument"),
            "word/document.xml",
        ),
        (
            "rId2",
            "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
            "docProps/core.xml",
        ),
    ]);
    let core = format!(
        "{XML_DECL}<cp:coreProperties \
         xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>{}</dc:title>\
         <dc:creator>Relance</dc:creator><dc:language>fr-FR</dc:language></cp:coreProperties>",
        escape(&letter.subject)
    );
    let styles_type = format!("{REL_TYPE}/styles");
    let footer_type = format!("{REL_TYPE}/footer");
    let header_type = format!("{REL_TYPE}/header");
    let mut doc_rels = vec![
        ("rIdStyles", styles_type.as_str(), "styles.xml"),
        ("rIdFooter", footer_type.as_str(), "footer1.xml"),
    ];
    if annex_title.is_some() {
        doc_rels.push(("rIdHeader", header_type.as_str(), "header1.xml"));
        doc_rels.push(("rIdHeaderFirst", header_type.as_str(), "header2.xml"));
    }
    let doc_rels = relationships(&doc_rels);
    let styles = format!("{XML_DECL}{STYLES}");
    let document = document(letter);
    let footer = footer();
    let annex_headers = annex_title.map(|t| (header(Some(t)), header(None)));

    let mut files: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", types.as_bytes()),
        ("_rels/.rels", package_rels.as_bytes()),
        ("docProps/core.xml", core.as_bytes()),
        ("word/document.xml", document.as_bytes()),
        ("word/_rels/document.xml.rels", doc_rels.as_bytes()),
        ("word/styles.xml", styles.as_bytes()),
        ("word/footer1.xml", footer.as_bytes()),
    ];
    if let Some((running, first)) = &annex_headers {
        files.push(("word/header1.xml", running.as_bytes()));
        files.push(("word/header2.xml", first.as_bytes()));
    }
    zip::store(&files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_and_strip() {
        assert_eq!(escape("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&apos;");
        assert_eq!(escape("x\u{0}\u{7}\u{1F}\u{FFFE}\u{FFFF}y\tz"), "xy z");
        assert_eq!(escape("😀 é € \u{202F}"), "😀 é € \u{202F}");
    }

    #[test]
    fn columns_fill_the_text_width() {
        let letter = Letter::sample();
        let Some(Block::Table(t)) = letter.body.get(1) else {
            panic!("sample has a table")
        };
        let cols = column_widths(t);
        assert_eq!(cols.iter().map(|c| c.0).sum::<u32>(), TEXT_WIDTH);
    }
}
