//! A drafted [`Letter`] as text, to hand it from one WebAssembly module to another: the web app
//! drafts and previews the letter, its second module (`crates/writers`) writes the PDF and the
//! DOCX. Not a file format: both sides are built together, from this one module.
//!
//! Every value is a token `<byte length>:<text>`, so any text goes through as it is; a list is
//! its length then its items; an optional value is a list of zero or one. The order is the
//! fields' order in [`Letter`]; a block starts with its tag (`p`, `h`, `b`, `t`), a column is
//! its title, `l` or `r`, and its weight. No JSON reader here: the writers' module stays small.

use crate::model::{Align, Annex, Block, Column, Letter, LetterKind, Table};

struct Out(String);

impl Out {
    fn text(&mut self, s: &str) {
        self.0.push_str(&s.len().to_string());
        self.0.push(':');
        self.0.push_str(s);
    }

    fn texts(&mut self, list: &[String]) {
        self.text(&list.len().to_string());
        for s in list {
            self.text(s);
        }
    }

    fn blocks(&mut self, list: &[Block]) {
        self.text(&list.len().to_string());
        for b in list {
            match b {
                Block::Paragraph { id, text } => {
                    self.text("p");
                    self.text(id);
                    self.text(text);
                }
                Block::Heading(t) => {
                    self.text("h");
                    self.text(t);
                }
                Block::Bullets(items) => {
                    self.text("b");
                    self.texts(items);
                }
                Block::Table(t) => {
                    self.text("t");
                    self.text(&t.columns.len().to_string());
                    for c in &t.columns {
                        self.text(&c.title);
                        self.text(if c.align == Align::Right { "r" } else { "l" });
                        self.text(&c.weight.to_string());
                    }
                    self.text(&t.rows.len().to_string());
                    for r in &t.rows {
                        self.texts(r);
                    }
                    match &t.total {
                        Some(total) => {
                            self.text("1");
                            self.texts(total);
                        }
                        None => self.text("0"),
                    }
                }
            }
        }
    }
}

/// The letter as text for [`from_wire`].
pub fn to_wire(l: &Letter) -> String {
    let mut out = Out(String::new());
    out.text(l.kind.code());
    out.texts(&l.sender);
    out.texts(&l.recipient);
    out.text(&l.place_date);
    out.texts(l.sending.as_slice());
    out.text(&l.subject);
    out.texts(&l.references);
    out.text(&l.salutation);
    out.blocks(&l.body);
    out.text(&l.closing);
    out.texts(&l.signature);
    match &l.annex {
        Some(a) => {
            out.text("1");
            out.text(&a.title);
            out.blocks(&a.blocks);
        }
        None => out.text("0"),
    }
    out.0
}

struct In<'a>(&'a str);

impl<'a> In<'a> {
    fn text(&mut self) -> Option<&'a str> {
        let (len, rest) = self.0.split_once(':')?;
        let len: usize = len.parse().ok()?;
        let text = rest.get(..len)?;
        self.0 = rest.get(len..)?;
        Some(text)
    }

    fn string(&mut self) -> Option<String> {
        self.text().map(str::to_owned)
    }

    fn count(&mut self) -> Option<usize> {
        self.text()?.parse().ok()
    }

    fn texts(&mut self) -> Option<Vec<String>> {
        (0..self.count()?).map(|_| self.string()).collect()
    }

    fn blocks(&mut self) -> Option<Vec<Block>> {
        (0..self.count()?).map(|_| self.block()).collect()
    }

    fn block(&mut self) -> Option<Block> {
        Some(match self.text()? {
            "p" => Block::Paragraph {
                id: self.string()?,
                text: self.string()?,
            },
            "h" => Block::Heading(self.string()?),
            "b" => Block::Bullets(self.texts()?),
            "t" => {
                let columns = (0..self.count()?)
                    .map(|_| {
                        Some(Column {
                            title: self.string()?,
                            align: match self.text()? {
                                "r" => Align::Right,
                                _ => Align::Left,
                            },
                            weight: self.text()?.parse().ok()?,
                        })
                    })
                    .collect::<Option<_>>()?;
                let rows = (0..self.count()?)
                    .map(|_| self.texts())
                    .collect::<Option<_>>()?;
                let total = match self.text()? {
                    "1" => Some(self.texts()?),
                    _ => None,
                };
                Block::Table(Table {
                    columns,
                    rows,
                    total,
                })
            }
            _ => return None,
        })
    }
}

/// The letter [`to_wire`] wrote, or `None` for anything else.
pub fn from_wire(wire: &str) -> Option<Letter> {
    let mut r = In(wire);
    let letter = Letter {
        kind: LetterKind::from_code(r.text()?)?,
        sender: r.texts()?,
        recipient: r.texts()?,
        place_date: r.string()?,
        sending: r.texts()?.pop(),
        subject: r.string()?,
        references: r.texts()?,
        salutation: r.string()?,
        body: r.blocks()?,
        closing: r.string()?,
        signature: r.texts()?,
        annex: match r.text()? {
            "1" => Some(Annex {
                title: r.string()?,
                blocks: r.blocks()?,
            }),
            _ => None,
        },
    };
    r.0.is_empty().then_some(letter)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_letter_comes_back_whole() {
        let letter = Letter::sample();
        assert_eq!(from_wire(&to_wire(&letter)), Some(letter));
    }

    /// Any text goes through: separators, digits, colons and multi-byte characters included.
    #[test]
    fn any_text_goes_through() {
        let mut letter = Letter::sample();
        letter.subject = "12:3:« é » \u{202f}€\n".to_owned();
        letter.sending = None;
        letter.annex = None;
        letter.sender = vec![String::new(), "0:".to_owned()];
        assert_eq!(from_wire(&to_wire(&letter)), Some(letter));
    }

    #[test]
    fn anything_else_is_none() {
        let whole = to_wire(&Letter::sample());
        for bad in ["", "x", "1:x", "7:relance", "99:relance"] {
            assert_eq!(from_wire(bad), None, "{bad}");
        }
        // Cut short, or with something after its end.
        assert_eq!(from_wire(&whole[..whole.len() - 1]), None);
        assert_eq!(from_wire(&format!("{whole}0:")), None);
    }
}
