//! Plain text of a letter, to paste into an e-mail: blocks separated by blank lines, tables as
//! aligned columns, bullets as "- ", the annex after a separator. Lines are not wrapped (the
//! mail client does it); paragraphs keep the line breaks the user typed.

use crate::model::{Align, Annex, Block, Letter, Table};

const SEPARATOR_WIDTH: usize = 72;

/// The letter as plain text, ending with a newline.
pub fn render(letter: &Letter) -> String {
    let mut out = Out::default();
    for line in &letter.sender {
        out.line(line);
    }
    out.blank();
    for line in &letter.recipient {
        out.line(line);
    }
    out.blank();
    out.line(&letter.place_date);
    out.blank();
    if let Some(sending) = &letter.sending {
        out.line(sending);
    }
    out.line(&format!("Objet : {}", letter.subject));
    for line in &letter.references {
        out.line(line);
    }
    out.blank();
    out.line(&letter.salutation);
    out.blank();
    blocks(&mut out, &letter.body);
    out.line(&letter.closing);
    out.blank();
    for line in &letter.signature {
        out.line(line);
    }
    if let Some(annex) = &letter.annex {
        render_annex(&mut out, annex);
    }
    out.finish()
}

fn render_annex(out: &mut Out, annex: &Annex) {
    out.blank();
    out.line(&"=".repeat(SEPARATOR_WIDTH));
    out.blank();
    out.line(&annex.title);
    out.blank();
    blocks(out, &annex.blocks);
}

fn blocks(out: &mut Out, blocks: &[Block]) {
    for block in blocks {
        match block {
            Block::Paragraph { text, .. } => {
                for line in text.lines() {
                    out.line(line);
                }
            }
            Block::Heading(text) => {
                out.line(text);
                out.line(&"-".repeat(width(text).min(SEPARATOR_WIDTH)));
            }
            Block::Bullets(items) => {
                for item in items {
                    out.line(&format!("- {}", one_line(item)));
                }
            }
            Block::Table(table) => render_table(out, table),
        }
        out.blank();
    }
}

fn render_table(out: &mut Out, table: &Table) {
    let cols = table.columns.len();
    let cell = |row: &[String], i: usize| one_line(row.get(i).map_or("", String::as_str));
    let mut widths: Vec<usize> = table.columns.iter().map(|c| width(&c.title)).collect();
    for row in table.rows.iter().chain(&table.total) {
        for (i, w) in widths.iter_mut().enumerate() {
            *w = (*w).max(width(&cell(row, i)));
        }
    }
    let format_row = |cells: Vec<String>| {
        let parts: Vec<String> = cells
            .iter()
            .zip(&widths)
            .zip(&table.columns)
            .map(|((text, w), column)| {
                let pad = " ".repeat(w.saturating_sub(width(text)));
                match column.align {
                    Align::Left => format!("{text}{pad}"),
                    Align::Right => format!("{pad}{text}"),
                }
            })
            .collect();
        parts.join("  ")
    };
    let rule = widths
        .iter()
        .map(|w| "-".repeat(*w))
        .collect::<Vec<_>>()
        .join("  ");
    out.line(&format_row(
        table.columns.iter().map(|c| one_line(&c.title)).collect(),
    ));
    out.line(&rule);
    for row in &table.rows {
        out.line(&format_row((0..cols).map(|i| cell(row, i)).collect()));
    }
    if let Some(total) = &table.total {
        out.line(&rule);
        out.line(&format_row((0..cols).map(|i| cell(total, i)).collect()));
    }
}

/// Characters shown (one per `char`; good enough for the Latin text of a letter).
fn width(text: &str) -> usize {
    text.chars().count()
}

fn one_line(text: &str) -> String {
    text.replace(['\r', '\n'], " ")
}

/// Lines without trailing blanks and never two blank lines in a row.
#[derive(Default)]
struct Out {
    text: String,
    last_blank: bool,
}

impl Out {
    fn line(&mut self, line: &str) {
        let line = line.trim_end();
        if line.is_empty() {
            self.blank();
            return;
        }
        self.text.push_str(line);
        self.text.push('\n');
        self.last_blank = false;
    }

    fn blank(&mut self) {
        if !self.last_blank && !self.text.is_empty() {
            self.text.push('\n');
            self.last_blank = true;
        }
    }

    fn finish(mut self) -> String {
        while self.text.ends_with("\n\n") {
            self.text.pop();
        }
        self.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_renders_with_aligned_table() {
        let text = render(&Letter::sample());
        assert!(text.starts_with("Atelier Numérique SARL\n12 rue des Lilas\n"));
        assert!(text.contains("Objet : Mise en demeure de payer — facture F-2022-031\n"));
        assert!(text.contains("- requête en injonction de payer\n"));
        let lines: Vec<&str> = text.lines().collect();
        let total = lines
            .iter()
            .find(|l| l.starts_with("Total"))
            .copied()
            .unwrap_or_default();
        let principal = lines
            .iter()
            .find(|l| l.starts_with("Principal"))
            .copied()
            .unwrap_or_default();
        // Right-aligned amounts end in the same column.
        assert_eq!(total.chars().count(), principal.chars().count());
        assert!(total.ends_with("38 132,53 €"));
        assert!(text.ends_with("Gérante\n"));
        assert!(!text.contains("\n\n\n"));
        assert!(text.lines().all(|l| l == l.trim_end()));
    }

    /// Edge lines: a letter without sender starts with the recipient (no blank first line); a
    /// table cell typed on two lines stays on one; a heading's rule is as long as the heading,
    /// at most 72 characters; the padding of a left-aligned last column is cut.
    #[test]
    fn edges_of_the_plain_text() {
        let mut letter = Letter::sample();
        letter.sender.clear();
        letter.body = vec![
            Block::Heading("Titre".into()),
            Block::Heading("é".repeat(80)),
            Block::Table(Table {
                columns: vec![crate::model::col("A", Align::Left, 1)],
                rows: vec![vec!["un\ndeux".into()]],
                total: None,
            }),
        ];
        let text = render(&letter);
        assert!(text.starts_with("Boulangeries Martin SAS\n"), "{text}");
        assert!(text.contains("\nTitre\n-----\n"), "{text}");
        assert!(text.contains(&format!("\n{}\n{}\n", "é".repeat(80), "-".repeat(72))));
        assert!(text.contains("\nA\n-------\nun deux\n"), "{text}");
    }
}
