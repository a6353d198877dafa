//! The letter as a PDF: A4, the standard Helvetica fonts (not embedded) with WinAnsiEncoding,
//! real text, and a small layout engine of its own.
//!
//! Layout is computed in integer centipoints (1/100 pt), from the top of the page downwards;
//! every page's content stream starts with a `0.01` scale so those integers are written as they
//! are (no floating-point arithmetic: the workspace denies it; and no `f32` handed to
//! pdf-writer, whose float writer would bring Rust's float formatting into the wasm). Text widths come from the AFM
//! advance widths in [`crate::winansi`].
//!
//! Page 1: sender top left; the recipient's address where a French DL window envelope (window
//! on the right) shows it — text from 110 mm from the left edge and 50 mm from the top, at most
//! 80 mm wide, inside a window of about 100 × 45 mm at 100–200 mm × 45–95 mm once the sheet is
//! folded in three; place and date right-aligned below the window; the sending mode; "Objet :"
//! in bold; references; salutation; body; closing; the signatory on the right. Every page has
//! "Page N / M" in its footer; the annex starts on a new page and its title is repeated at the
//! top of each of its pages; a table cut by a page break repeats its header row.

use pdf_writer::{Name, Pdf, Ref, TextStr};

use crate::model::{Align, Block, Letter, Table};
use crate::{page, winansi};

/// Centipoints from tenths of a millimetre (1 mm = 72 / 25.4 pt).
const fn mm(tenths: i32) -> i32 {
    tenths * 28_346 / 1_000
}

/// A4 rounded to whole points, as written in the MediaBox: 595 × 842 pt (209.9 × 297.0 mm; the
/// exact 595.28 × 841.89 would need a real number, and pdf-writer's `f32` writer pulls Rust's
/// float formatting into the wasm: +20 KB gzip, measured). Readers report it as A4.
const PAGE_W: i32 = 59_500;
const PAGE_H: i32 = 84_200;
const LEFT: i32 = mm(page::SIDE_MARGIN as i32);
const RIGHT: i32 = PAGE_W - mm(page::SIDE_MARGIN as i32);
const WIDTH: i32 = RIGHT - LEFT;
const TOP: i32 = mm(page::NEXT_PAGE_TOP as i32);
const BOTTOM: i32 = PAGE_H - mm(page::BOTTOM_MARGIN as i32);
const FOOTER_BASELINE: i32 = PAGE_H - mm(page::FOOTER_FROM_BOTTOM as i32);

const SENDER_TOP: i32 = mm(page::SENDER_TOP as i32);
const SENDER_WIDTH: i32 = mm(page::SENDER_WIDTH as i32);
const WINDOW_X: i32 = mm(page::WINDOW_X as i32);
const WINDOW_TOP: i32 = mm(page::WINDOW_TOP as i32);
/// To the right margin of this 209.9 mm MediaBox (`page::WINDOW_WIDTH` less 0.1 mm).
const WINDOW_WIDTH: i32 = RIGHT - WINDOW_X;
const AFTER_WINDOW: i32 = mm(page::AFTER_WINDOW as i32);

const BODY: i32 = 1_000;
const BODY_LEAD: i32 = 1_350;
const HEAD: i32 = 1_100;
const HEAD_LEAD: i32 = 1_450;
const SMALL: i32 = 900;
const SMALL_LEAD: i32 = 1_150;
const FOOT: i32 = 800;
const PARA_GAP: i32 = 600;
const BULLET_INDENT: i32 = mm(80);
const CELL_PAD: i32 = mm(15);
const ROW_PAD: i32 = 250;
/// Space for the handwritten signature, under the signatory's name.
const SIGNATURE_SPACE: i32 = mm(200);

#[derive(Clone, Copy, PartialEq, Eq)]
enum Font {
    Regular,
    Bold,
}

impl Font {
    fn name(self) -> Name<'static> {
        match self {
            Font::Regular => Name(b"F1"),
            Font::Bold => Name(b"F2"),
        }
    }

    fn bold(self) -> bool {
        self == Font::Bold
    }
}

/// Width of `bytes` in centipoints at `size`.
fn text_width(font: Font, size: i32, bytes: &[u8]) -> i32 {
    let units = i64::from(winansi::text_width(font.bold(), bytes));
    i32::try_from(units * i64::from(size) / 1_000).unwrap_or(i32::MAX)
}

/// Baseline offset from the top of a line box: the Helvetica ascender (718) and descender (207)
/// are centred in the line.
fn baseline(size: i32, lead: i32) -> i32 {
    (lead - size * 925 / 1_000) / 2 + size * 718 / 1_000
}

/// Greedy word wrap of WinAnsi bytes at `width` centipoints; breaks only at U+0020 (never at a
/// no-break space); a word wider than the line is cut between characters.
fn wrap(font: Font, size: i32, bytes: &[u8], width: i32) -> Vec<Vec<u8>> {
    let max = i64::from(width.max(1)) * 1_000 / i64::from(size.max(1));
    let glyph = |b: u8| i64::from(winansi::width(font.bold(), b));
    let space = glyph(winansi::SPACE);
    let mut lines = Vec::new();
    let mut line: Vec<u8> = Vec::new();
    let mut used = 0_i64;
    for word in bytes
        .split(|&b| b == winansi::SPACE)
        .filter(|w| !w.is_empty())
    {
        let w: i64 = word.iter().map(|&b| glyph(b)).sum();
        if !line.is_empty() && used + space + w <= max {
            line.push(winansi::SPACE);
            line.extend_from_slice(word);
            used += space + w;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if w <= max {
            line.extend_from_slice(word);
            used = w;
            continue;
        }
        used = 0;
        for &b in word {
            if !line.is_empty() && used + glyph(b) > max {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            line.push(b);
            used += glyph(b);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// A text's lines: its own line breaks kept, each line wrapped; at least one (maybe empty) line.
fn lines(font: Font, size: i32, text: &str, width: i32) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for part in text.split('\n') {
        let wrapped = wrap(font, size, &winansi::encode(part), width);
        if wrapped.is_empty() {
            out.push(Vec::new());
        } else {
            out.extend(wrapped);
        }
    }
    out
}

/// How many lines `text` takes at 10 pt in `twips` (1/20 pt) of width, as this layout breaks it
/// (the DOCX uses it to place the recipient: Arial has Helvetica's widths).
pub(crate) fn line_count(bold: bool, text: &str, twips: u32) -> usize {
    let font = if bold { Font::Bold } else { Font::Regular };
    let width = i32::try_from(twips.saturating_mul(5)).unwrap_or(i32::MAX);
    lines(font, BODY, text, width).len()
}

/// A table column placed on the page.
struct Col {
    x: i32,
    width: i32,
    align: Align,
}

/// A row laid out: each cell's lines and the row's font.
struct Row {
    cells: Vec<Vec<Vec<u8>>>,
    font: Font,
}

impl Row {
    fn line_count(&self) -> usize {
        self.cells.iter().map(Vec::len).max().unwrap_or(0).max(1)
    }

    fn height(&self) -> i32 {
        2 * ROW_PAD + count(self.line_count()) * SMALL_LEAD
    }
}

/// A number of lines as a layout integer (no text has 2³¹ lines).
fn count(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

/// Lines of a table row that fit in `room` centipoints, with the row's padding.
fn lines_fitting(room: i32) -> usize {
    usize::try_from((room - 2 * ROW_PAD) / SMALL_LEAD).unwrap_or(0)
}

/// A page's content stream, written here rather than with pdf-writer's `Content`: its `f32`
/// operands would bring Rust's float formatting into the wasm. Every operand is an integer, in
/// the centipoints set up by the initial `cm`.
struct Ops(Vec<u8>);

impl Ops {
    fn new() -> Ops {
        Ops(b"0.01 0 0 0.01 0 0 cm\n".to_vec())
    }

    fn raw(&mut self, bytes: &[u8]) -> &mut Ops {
        self.0.extend_from_slice(bytes);
        self
    }

    /// An integer operand, then a space.
    fn int(&mut self, v: i32) -> &mut Ops {
        if v < 0 {
            self.0.push(b'-');
        }
        let mut digits = [0_u8; 10];
        let mut n = v.unsigned_abs();
        let mut len = 0;
        for slot in digits.iter_mut() {
            *slot = b'0' + (n % 10) as u8;
            n /= 10;
            len += 1;
            if n == 0 {
                break;
            }
        }
        self.0.extend(digits.iter().take(len).rev());
        self.0.push(b' ');
        self
    }

    /// `BT /F size Tf x y Td (bytes) Tj ET`; `( ) \\` escaped, other bytes as they are.
    fn show(&mut self, font: Font, size: i32, x: i32, y: i32, bytes: &[u8]) {
        self.raw(b"BT /")
            .raw(font.name().0)
            .raw(b" ")
            .int(size)
            .raw(b"Tf ");
        self.int(x).int(y).raw(b"Td (");
        for &b in bytes {
            match b {
                b'(' | b')' | b'\\' => self.0.extend_from_slice(&[b'\\', b]),
                b'\n' => self.0.extend_from_slice(b"\\n"),
                b'\r' => self.0.extend_from_slice(b"\\r"),
                _ => self.0.push(b),
            }
        }
        self.raw(b") Tj ET\n");
    }

    /// A horizontal rule of `width` centipoints, black or light grey.
    fn rule(&mut self, x1: i32, x2: i32, y: i32, width: i32, light: bool) {
        self.raw(if light { b"q 0.75 G " } else { b"q " });
        self.int(width)
            .raw(b"w ")
            .int(x1)
            .int(y)
            .raw(b"m ")
            .int(x2)
            .int(y)
            .raw(b"l S Q\n");
    }
}

/// The pages being laid out.
struct Writer {
    done: Vec<Ops>,
    page: Ops,
    /// Top of the next line, from the top of the page.
    y: i32,
    /// Where the body of the current page starts (under its running headers): nothing was
    /// placed on the page yet while `y == body_top`.
    body_top: i32,
    /// The annex title, repeated at the top of each annex page.
    running: Option<Vec<u8>>,
}

impl Writer {
    fn new() -> Writer {
        Writer {
            done: Vec::new(),
            page: Ops::new(),
            y: TOP,
            body_top: TOP,
            running: None,
        }
    }

    fn running_height(&self) -> i32 {
        if self.running.is_some() {
            HEAD_LEAD + 700
        } else {
            0
        }
    }

    fn new_page(&mut self) {
        let full = std::mem::replace(&mut self.page, Ops::new());
        self.done.push(full);
        self.y = TOP;
        if let Some(title) = self.running.clone() {
            for line in wrap(Font::Bold, HEAD, &title, WIDTH).into_iter().take(1) {
                self.text_line(Font::Bold, HEAD, HEAD_LEAD, LEFT, &line);
            }
            self.rule(LEFT, RIGHT, self.y + 200, 60, false);
            self.y += 700;
        }
        self.body_top = self.y;
    }

    fn has_content(&self) -> bool {
        self.y > self.body_top
    }

    fn room(&self) -> i32 {
        BOTTOM - self.y
    }

    /// Starts a new page unless `height` fits on this one (or this page is still empty); tells
    /// whether it did.
    fn need(&mut self, height: i32) -> bool {
        let full = height > self.room() && self.has_content();
        if full {
            self.new_page();
        }
        full
    }

    fn text(&mut self, font: Font, size: i32, x: i32, baseline_y: i32, bytes: &[u8]) {
        if bytes.is_empty() {
            return;
        }
        self.page.show(font, size, x, PAGE_H - baseline_y, bytes);
    }

    /// One line of text at the cursor, then the cursor moves down.
    fn text_line(&mut self, font: Font, size: i32, lead: i32, x: i32, bytes: &[u8]) {
        self.text(font, size, x, self.y + baseline(size, lead), bytes);
        self.y += lead;
    }

    fn rule(&mut self, x1: i32, x2: i32, y: i32, width: i32, light: bool) {
        self.page.rule(x1, x2, PAGE_H - y, width, light);
    }

    /// A wrapped text at `x`, kept with at least its second line, page breaks between lines.
    fn paragraph(&mut self, font: Font, size: i32, lead: i32, x: i32, width: i32, text: &str) {
        let lines = lines(font, size, text, width);
        self.need(lead * count(lines.len().min(2)));
        for line in lines {
            self.need(lead);
            self.text_line(font, size, lead, x, &line);
        }
    }

    fn blocks(&mut self, blocks: &[Block]) {
        for block in blocks {
            match block {
                Block::Paragraph { text, .. } => {
                    self.paragraph(Font::Regular, BODY, BODY_LEAD, LEFT, WIDTH, text);
                    self.y += PARA_GAP;
                }
                Block::Heading(text) => {
                    if self.has_content() {
                        self.y += 300;
                    }
                    let lines = lines(Font::Bold, HEAD, text, WIDTH);
                    // Kept with two lines of what follows.
                    self.need(HEAD_LEAD * count(lines.len()) + 2 * BODY_LEAD);
                    for line in lines {
                        self.text_line(Font::Bold, HEAD, HEAD_LEAD, LEFT, &line);
                    }
                    self.y += 200;
                }
                Block::Bullets(items) => {
                    for item in items {
                        let lines = lines(Font::Regular, BODY, item, WIDTH - BULLET_INDENT);
                        self.need(BODY_LEAD * count(lines.len().min(2)));
                        for (i, line) in lines.iter().enumerate() {
                            self.need(BODY_LEAD);
                            if i == 0 {
                                let y = self.y + baseline(BODY, BODY_LEAD);
                                self.text(Font::Regular, BODY, LEFT + mm(30), y, &[0x95]);
                            }
                            self.text_line(
                                Font::Regular,
                                BODY,
                                BODY_LEAD,
                                LEFT + BULLET_INDENT,
                                line,
                            );
                        }
                    }
                    self.y += PARA_GAP;
                }
                Block::Table(table) => {
                    self.table(table);
                    self.y += PARA_GAP;
                }
            }
        }
    }

    fn table(&mut self, table: &Table) {
        let cols = columns(table);
        let row = |cells: &[String], font: Font| Row {
            cells: cols
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let text = cells.get(i).map(String::as_str).unwrap_or("");
                    lines(font, SMALL, text, c.width - 2 * CELL_PAD)
                })
                .collect(),
            font,
        };
        let titles: Vec<String> = table.columns.iter().map(|c| c.title.clone()).collect();
        let header = row(&titles, Font::Bold);
        let rows: Vec<Row> = table.rows.iter().map(|r| row(r, Font::Regular)).collect();
        let total = table.total.as_ref().map(|r| row(r, Font::Bold));

        // The header row stays with the first row.
        let first = rows.first().or(total.as_ref()).map_or(0, Row::height);
        self.need(header.height() + first + 200);
        let header_top = self.y;
        self.header_row(&header, &cols);
        // Lines of a row that a page continued under its title and this header holds.
        let fresh_fit = lines_fitting(BOTTOM - TOP - self.running_height() - (self.y - header_top));
        let last = rows.len();
        for (i, r) in rows.iter().enumerate() {
            self.row(r, &cols, &header, fresh_fit);
            if i + 1 < last {
                self.rule(LEFT, RIGHT, self.y, 30, true);
            }
        }
        if let Some(total) = &total {
            // The rule above the total moves with it, under a repeated header.
            if self.need(total.height() + 100) {
                self.header_row(&header, &cols);
            }
            self.rule(LEFT, RIGHT, self.y, 80, false);
            self.y += 60;
            self.row(total, &cols, &header, fresh_fit);
        }
    }

    fn header_row(&mut self, header: &Row, cols: &[Col]) {
        self.rule(LEFT, RIGHT, self.y, 80, false);
        self.row_lines(header, cols, 0, header.line_count());
        self.rule(LEFT, RIGHT, self.y, 50, false);
        self.y += 60;
    }

    /// A row, on this page if it fits, else on the next (header repeated) when `fresh_fit`, the
    /// lines such a page holds, are enough; a row taller than that is cut between lines.
    fn row(&mut self, row: &Row, cols: &[Col], header: &Row, fresh_fit: usize) {
        let n = row.line_count();
        let mut start = 0;
        loop {
            let remaining = n - start;
            let fit = lines_fitting(self.room());
            if fit >= remaining {
                self.row_lines(row, cols, start, remaining);
                return;
            }
            if self.has_content() && (fit == 0 || (start == 0 && remaining <= fresh_fit)) {
                self.new_page();
                self.header_row(header, cols);
                self.body_top = self.y;
                continue;
            }
            let k = fit.max(1);
            self.row_lines(row, cols, start, k);
            start += k;
            self.new_page();
            self.header_row(header, cols);
            self.body_top = self.y;
        }
    }

    /// Lines `start .. start + k` of every cell of a row, then the cursor moves under them.
    fn row_lines(&mut self, row: &Row, cols: &[Col], start: usize, k: usize) {
        let top = self.y + ROW_PAD;
        for (col, cell) in cols.iter().zip(&row.cells) {
            for (j, line) in cell.iter().skip(start).take(k).enumerate() {
                let x = match col.align {
                    Align::Left => col.x + CELL_PAD,
                    Align::Right => {
                        col.x + col.width - CELL_PAD - text_width(row.font, SMALL, line)
                    }
                };
                let y = top + count(j) * SMALL_LEAD + baseline(SMALL, SMALL_LEAD);
                self.text(row.font, SMALL, x, y, line);
            }
        }
        self.y += 2 * ROW_PAD + count(k) * SMALL_LEAD;
    }

    /// The first page's head: sender, recipient, place and date, sending mode, subject,
    /// references, salutation.
    fn head(&mut self, letter: &Letter) {
        let block = |w: &mut Writer, x: i32, top: i32, width: i32, lines_of: &[String]| {
            w.y = top;
            for (i, text) in lines_of.iter().enumerate() {
                let font = if i == 0 { Font::Bold } else { Font::Regular };
                for line in lines(font, BODY, text, width) {
                    w.text_line(font, BODY, BODY_LEAD, x, &line);
                }
            }
            w.y
        };
        let sender_end = block(self, LEFT, SENDER_TOP, SENDER_WIDTH, &letter.sender);
        let recipient_end = block(self, WINDOW_X, WINDOW_TOP, WINDOW_WIDTH, &letter.recipient);
        self.y = (recipient_end + mm(60))
            .max(sender_end + mm(60))
            .max(AFTER_WINDOW);
        for line in lines(Font::Regular, BODY, &letter.place_date, WIDTH) {
            let x = RIGHT - text_width(Font::Regular, BODY, &line);
            self.text_line(Font::Regular, BODY, BODY_LEAD, x, &line);
        }
        self.y += BODY_LEAD;
        if let Some(sending) = &letter.sending {
            self.paragraph(Font::Regular, BODY, BODY_LEAD, LEFT, WIDTH, sending);
            self.y += PARA_GAP;
        }
        let subject = format!("Objet : {}", letter.subject);
        self.paragraph(Font::Bold, BODY, BODY_LEAD, LEFT, WIDTH, &subject);
        for reference in &letter.references {
            self.paragraph(Font::Regular, BODY, BODY_LEAD, LEFT, WIDTH, reference);
        }
        self.y += BODY_LEAD;
        self.paragraph(
            Font::Regular,
            BODY,
            BODY_LEAD,
            LEFT,
            WIDTH,
            &letter.salutation,
        );
        self.y += PARA_GAP;
    }

    /// The closing formula and the signatory (right side), kept together.
    fn close(&mut self, letter: &Letter) {
        let closing = lines(Font::Regular, BODY, &letter.closing, WIDTH);
        let signature: Vec<(Font, Vec<u8>)> = letter
            .signature
            .iter()
            .enumerate()
            .flat_map(|(i, text)| {
                let font = if i == 0 { Font::Bold } else { Font::Regular };
                lines(font, BODY, text, WINDOW_WIDTH)
                    .into_iter()
                    .map(move |l| (font, l))
            })
            .collect();
        // Taller than a page: `need` starts a page and the lines break where they must.
        let height = BODY_LEAD * count(closing.len() + signature.len()) + mm(80) + SIGNATURE_SPACE;
        self.need(height);
        for line in closing {
            self.need(BODY_LEAD);
            self.text_line(Font::Regular, BODY, BODY_LEAD, LEFT, &line);
        }
        self.y += mm(80);
        for (font, line) in signature {
            self.need(BODY_LEAD);
            self.text_line(font, BODY, BODY_LEAD, WINDOW_X, &line);
        }
    }

    /// All pages, each with its footer.
    fn finish(mut self) -> Vec<Ops> {
        let last = std::mem::replace(&mut self.page, Ops::new());
        self.done.push(last);
        let total = self.done.len();
        let mut pages = self.done;
        for (i, page) in pages.iter_mut().enumerate() {
            let label = winansi::encode(&format!("Page {} / {}", i + 1, total));
            let x = (PAGE_W - text_width(Font::Regular, FOOT, &label)) / 2;
            page.raw(b"q 0.35 g\n");
            page.show(Font::Regular, FOOT, x, PAGE_H - FOOTER_BASELINE, &label);
            page.raw(b"Q\n");
        }
        pages
    }
}

/// Widest unbreakable word of a cell text at the table's size, in centipoints.
fn widest_word(font: Font, text: &str) -> i32 {
    text.split('\n')
        .flat_map(|line| {
            winansi::encode(line)
                .split(|&b| b == winansi::SPACE)
                .map(|word| text_width(font, SMALL, word))
                .collect::<Vec<_>>()
        })
        .max()
        .unwrap_or(0)
}

/// Width left for the columns not held at their minimum, and the sum of their weights.
fn free_share(total: i64, specs: &[(i64, Align)], min: &[i64], held: &[bool]) -> (i64, i64) {
    let held_width: i64 = min
        .iter()
        .zip(held)
        .filter(|(_, h)| **h)
        .map(|(m, _)| m)
        .sum();
    let weight: i64 = specs
        .iter()
        .zip(held)
        .filter(|(_, h)| !**h)
        .map(|(s, _)| s.0)
        .sum();
    (total - held_width, weight)
}

/// Column widths (centipoints, adding up to `total`) and alignments: `total` shared in
/// proportion to the weights (a weight of 0 counts as 1), except that a column is never made
/// narrower than its widest word when all the columns' widest words fit — a date or an amount
/// is not cut because its column's weight is small. A table without columns gets one equal
/// column per cell of its widest row. The DOCX uses the same widths.
pub(crate) fn column_widths(table: &Table, total: i32) -> Vec<(i32, Align)> {
    let specs: Vec<(i64, Align)> = if table.columns.is_empty() {
        let n = table
            .rows
            .iter()
            .chain(&table.total)
            .map(Vec::len)
            .max()
            .unwrap_or(1);
        vec![(1, Align::Left); n.max(1)]
    } else {
        table
            .columns
            .iter()
            .map(|c| (i64::from(c.weight.max(1)), c.align))
            .collect()
    };
    let mut min: Vec<i64> = vec![0; specs.len()];
    let titles: Vec<String> = table.columns.iter().map(|c| c.title.clone()).collect();
    let rows = std::iter::once((&titles, Font::Bold))
        .chain(table.rows.iter().map(|r| (r, Font::Regular)))
        .chain(table.total.iter().map(|r| (r, Font::Bold)));
    for (row, font) in rows {
        for (m, cell) in min.iter_mut().zip(row) {
            // + 10: slack for the rounding of the wrapper's width in font units.
            *m = (*m).max(i64::from(widest_word(font, cell)) + i64::from(2 * CELL_PAD) + 10);
        }
    }
    let total = i64::from(total.max(1));
    // Columns held at their minimum; the others share what is left by weight.
    let mut held = vec![false; specs.len()];
    if min.iter().sum::<i64>() <= total {
        loop {
            let (free, weight) = free_share(total, &specs, &min, &held);
            let mut changed = false;
            for ((spec, m), h) in specs.iter().zip(&min).zip(held.iter_mut()) {
                // An unheld column's weight (at least 1) is in `weight`.
                if !*h && free * spec.0 / weight < *m {
                    *h = true;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
    }
    let (free, weight) = free_share(total, &specs, &min, &held);
    let weight = weight.max(1);
    let mut acc = 0_i64;
    let mut shared = 0_i64;
    // Cumulative rounding: the last unheld column ends at `free` exactly, so the widths add up
    // to `total` (some column is always unheld: were every unheld column's share, rounded down,
    // below its minimum, the minimums would add up to more than `free`).
    specs
        .iter()
        .zip(&min)
        .zip(&held)
        .map(|((&(w, align), &m), &h)| {
            let width = if h {
                m
            } else {
                acc += w;
                let end = free * acc / weight;
                let width = end - shared;
                shared = end;
                width
            };
            (i32::try_from(width).unwrap_or(0), align)
        })
        .collect()
}

/// Column positions on the page.
fn columns(table: &Table) -> Vec<Col> {
    let mut x = LEFT;
    column_widths(table, WIDTH)
        .into_iter()
        .map(|(width, align)| {
            let col = Col { x, width, align };
            x += width;
            col
        })
        .collect()
}

/// Renders the letter as PDF bytes.
pub fn render(letter: &Letter) -> Vec<u8> {
    let mut w = Writer::new();
    w.head(letter);
    w.blocks(&letter.body);
    w.y += PARA_GAP;
    w.close(letter);
    if let Some(annex) = &letter.annex {
        w.running = Some(winansi::encode(&annex.title));
        w.new_page();
        w.blocks(&annex.blocks);
    }
    let pages = w.finish();

    let catalog = Ref::new(1);
    let tree = Ref::new(2);
    let regular = Ref::new(3);
    let bold = Ref::new(4);
    let info = Ref::new(5);
    let ids: Vec<(Ref, Ref)> = (0..pages.len())
        .map(|i| {
            let i = i32::try_from(i).unwrap_or(0);
            (Ref::new(6 + 2 * i), Ref::new(7 + 2 * i))
        })
        .collect();

    let mut pdf = Pdf::new();
    pdf.catalog(catalog).pages(tree).lang(TextStr("fr-FR"));
    {
        let mut tree_dict = pdf.pages(tree);
        tree_dict
            .kids(ids.iter().map(|p| p.0))
            .count(count(ids.len()));
        tree_dict
            .insert(Name(b"MediaBox"))
            .array()
            .items([0, 0, PAGE_W / 100, PAGE_H / 100]);
        tree_dict
            .resources()
            .fonts()
            .pair(Font::Regular.name(), regular)
            .pair(Font::Bold.name(), bold);
    }
    pdf.type1_font(regular)
        .base_font(Name(b"Helvetica"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));
    pdf.type1_font(bold)
        .base_font(Name(b"Helvetica-Bold"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));
    pdf.document_info(info)
        .title(TextStr(&letter.subject))
        .producer(TextStr("Relance"))
        .creator(TextStr("Relance"));
    for (content, (page, stream)) in pages.into_iter().zip(&ids) {
        pdf.page(*page).parent(tree).contents(*stream);
        pdf.stream(*stream, &content.0);
    }
    pdf.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A block exactly as tall as the room left stays on the page; one centipoint more starts a
    /// new page (no letter reaches equality today: every height ends in 0 or 6 and the room in
    /// 1–5 or 8, so only this test tells `>` from `>=`).
    #[test]
    fn a_block_that_fills_the_room_left_exactly_stays_on_the_page() {
        let mut w = Writer::new();
        w.y = TOP + 1_000;
        let room = w.room();
        assert!(!w.need(room));
        assert_eq!((w.done.len(), w.y), (0, TOP + 1_000));
        assert!(w.need(room + 1));
        assert_eq!((w.done.len(), w.y), (1, TOP));
    }
    use crate::model::Column;

    #[test]
    fn wrap_breaks_at_spaces_only_and_cuts_long_words() {
        let bytes = winansi::encode("aaa bbb\u{A0}ccc ddd");
        // "aaa bbb ccc" does not fit in the width of 8 'a's at 10 pt; "bbb ccc" stays whole.
        let width = text_width(Font::Regular, 1_000, b"aaaaaaaa");
        let got = wrap(Font::Regular, 1_000, &bytes, width);
        assert_eq!(
            got,
            vec![b"aaa".to_vec(), b"bbb\xA0ccc".to_vec(), b"ddd".to_vec()]
        );
        let long = vec![b'x'; 100];
        let got = wrap(Font::Regular, 1_000, &long, width);
        assert!(got.len() > 5);
        assert!(got
            .iter()
            .all(|l| text_width(Font::Regular, 1_000, l) <= width));
        assert_eq!(got.concat(), long);
    }

    #[test]
    fn ops_write_integers_and_escaped_strings() {
        let mut ops = Ops(Vec::new());
        ops.int(0).int(-7).int(i32::MIN).int(i32::MAX).int(59_500);
        assert_eq!(ops.0, b"0 -7 -2147483648 2147483647 59500 ");
        let mut ops = Ops(Vec::new());
        ops.show(Font::Bold, 1_000, 10, -20, b"a(b)c\\d\xE9");
        assert_eq!(
            ops.0,
            b"BT /F2 1000 Tf 10 -20 Td (a\\(b\\)c\\\\d\xE9) Tj ET\n"
        );
        // Line breaks never reach a line (the text is split at them), but would stay visible
        // escapes rather than end-of-line bytes.
        let mut ops = Ops(Vec::new());
        ops.show(Font::Regular, 900, 0, 0, b"a\nb\rc");
        assert_eq!(ops.0, b"BT /F1 900 Tf 0 0 Td (a\\nb\\rc) Tj ET\n");
    }

    #[test]
    fn columns_share_the_width() {
        let t = Letter::sample();
        let Some(Block::Table(table)) = t.body.get(1) else {
            panic!("sample has a table")
        };
        let cols = columns(table);
        assert_eq!(cols.len(), 2);
        assert_eq!(cols[0].x, LEFT);
        assert_eq!(cols[1].x + cols[1].width, RIGHT);
        assert!((cols[0].width - 3 * cols[1].width).abs() <= 3);
    }

    #[test]
    fn narrow_columns_keep_their_widest_word() {
        let col = |title: &str, weight| Column {
            title: title.into(),
            align: Align::Left,
            weight,
        };
        let table = Table {
            columns: vec![col("Du", 1), col("Jours", 1), col("Fondement", 30)],
            rows: vec![vec![
                "01/01/2022".into(),
                "181".into(),
                "C. com. L441-10".into(),
            ]],
            total: None,
        };
        let widths = column_widths(&table, WIDTH);
        assert_eq!(widths.iter().map(|w| w.0).sum::<i32>(), WIDTH);
        let date = text_width(Font::Regular, SMALL, b"01/01/2022") + 2 * CELL_PAD + 10;
        let jours = text_width(Font::Bold, SMALL, b"Jours") + 2 * CELL_PAD + 10;
        assert_eq!(widths[0].0, date);
        assert_eq!(widths[1].0, jours);
        // Words that cannot all fit: plain weights.
        let wide = Table {
            columns: vec![col("a", 1), col("b", 1)],
            rows: vec![vec!["x".repeat(400), "y".into()]],
            total: None,
        };
        let widths = column_widths(&wide, WIDTH);
        assert!((widths[0].0 - widths[1].0).abs() <= 1);
    }

    /// The DOCX places its address with the PDF's line count: a width in twips (1/20 pt, so
    /// 5 centipoints) and the 10 pt body font.
    #[test]
    fn line_count_is_the_pdf_wrapping_in_twips() {
        let name = "Boulangeries Martin SAS";
        let regular = winansi::text_width(false, &winansi::encode(name));
        let bold = winansi::text_width(true, &winansi::encode(name));
        assert!(regular < bold);
        // Just as wide as the text: units / 1000 × 10 pt × 20 twips/pt = units / 5, rounded up.
        let twips = bold.div_ceil(5);
        assert_eq!(line_count(true, name, twips), 1);
        assert_eq!(line_count(true, name, twips - 1), 2);
        assert_eq!(line_count(false, name, regular.div_ceil(5)), 1);
        // Narrower than a letter: one letter a line.
        assert_eq!(line_count(false, "abc", 1), 3);
        assert_eq!(line_count(false, "a\n\nb", 4_530), 3);
        assert_eq!(line_count(false, "", 4_530), 1);
    }

    /// Without columns, a table gets one column of weight 1 per cell of its widest row (the
    /// total counts): 48 162 / 3 = 16 054 each; a weight of 0 counts as 1.
    #[test]
    fn a_table_without_columns_shares_the_width_equally() {
        let table = Table {
            columns: Vec::new(),
            rows: vec![vec!["a".into(), "b".into()], vec!["c".into()]],
            total: Some(vec!["x".into(), "y".into(), "z".into()]),
        };
        assert_eq!(column_widths(&table, WIDTH), vec![(16_054, Align::Left); 3]);
        let table = Table {
            columns: vec![
                Column {
                    title: "A".into(),
                    align: Align::Right,
                    weight: 0,
                },
                Column {
                    title: "B".into(),
                    align: Align::Left,
                    weight: 1,
                },
            ],
            rows: Vec::new(),
            total: None,
        };
        assert_eq!(
            column_widths(&table, 1_000),
            vec![(500, Align::Right), (500, Align::Left)]
        );
        let empty = Table {
            columns: Vec::new(),
            rows: Vec::new(),
            total: None,
        };
        assert_eq!(column_widths(&empty, 1_000), vec![(1_000, Align::Left)]);
    }

    /// Weights shared by cumulative rounding add up to the width: 1 000 in thirds is 333, 333,
    /// 334; with the first column held at its widest word, the others share the rest.
    #[test]
    fn shared_widths_add_up_to_the_total() {
        let col = |title: &str, weight| Column {
            title: title.into(),
            align: Align::Left,
            weight,
        };
        let thirds = Table {
            columns: vec![col("", 1), col("", 1), col("", 1)],
            rows: Vec::new(),
            total: None,
        };
        let widths: Vec<i32> = column_widths(&thirds, 1_000).iter().map(|w| w.0).collect();
        assert_eq!(widths, [333, 333, 334]);
        // "Montant" bold at 9 pt: 3 888 units → 3 499 cp, + 2 × 425 + 10 = 4 359 held (its
        // share would be 3 333); the other two share 10 000 − 4 359 = 5 641: 2 820 and 2 821.
        let held = Table {
            columns: vec![col("Montant", 1), col("", 1), col("", 1)],
            rows: Vec::new(),
            total: None,
        };
        let widths: Vec<i32> = column_widths(&held, 10_000).iter().map(|w| w.0).collect();
        assert_eq!(widths, [4_359, 2_820, 2_821]);
        // A column whose share is exactly its widest word is not held: 13 079 in thirds ends at
        // 4 359, 8 719 and 13 079, so the middle column ("Montant", 4 359) gets 4 360.
        let middle = Table {
            columns: vec![col("", 1), col("Montant", 1), col("", 1)],
            rows: Vec::new(),
            total: None,
        };
        let widths: Vec<i32> = column_widths(&middle, 13_079).iter().map(|w| w.0).collect();
        assert_eq!(widths, [4_359, 4_360, 4_360]);
    }

    #[test]
    fn window_block_is_inside_a_dl_window() {
        // Window of a DL envelope (right): about 100..200 mm × 45..95 mm of the folded sheet.
        assert!(WINDOW_X >= mm(1000) && WINDOW_X + WINDOW_WIDTH <= mm(2000));
        assert!(WINDOW_TOP >= mm(450) && WINDOW_TOP + 6 * BODY_LEAD <= mm(950));
    }
}
