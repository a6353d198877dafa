//! The bordereau de pièces (CPC 1407; C. com. R622-23): the user's pieces with the invoices,
//! the credit notes, the formal notice and the décompte added, numbered in one order.

use chrono::NaiveDate;

use crate::dossier::{Dossier, PieceKind};
use crate::order::sort_stable_by;

/// Where a listed piece comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// `pieces[i]` of the dossier.
    User(usize),
    /// `invoices[i]`.
    Invoice(usize),
    /// `credit_notes[i]`.
    CreditNote(usize),
    /// The mise en demeure of `options.formal_notice_date`.
    FormalNotice(NaiveDate),
    /// The décompte annexed to the document.
    Decompte,
}

/// One line of the bordereau, numbered from 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Listed {
    pub number: usize,
    pub kind: PieceKind,
    pub source: Source,
}

/// Where a kind of piece stands in the bordereau: what the claim rests on, then the invoices
/// and credit notes, then the letters, the décompte last. Within a rank, the user's order.
fn rank(kind: PieceKind) -> u8 {
    match kind {
        PieceKind::Contract | PieceKind::Quote | PieceKind::Order => 0,
        PieceKind::Delivery => 1,
        PieceKind::Invoice => 2,
        PieceKind::CreditNote => 3,
        PieceKind::Correspondence
        | PieceKind::FormalNotice
        | PieceKind::ReceiptAcknowledgment
        | PieceKind::Other => 4,
        PieceKind::Decompte => 5,
    }
}

/// The bordereau of `dossier`: its pieces, and every invoice whose number no invoice piece's
/// title names, every credit note unless the user lists credit notes, the formal notice unless
/// the user lists one, and the décompte unless the user lists one.
pub fn bordereau(dossier: &Dossier) -> Vec<Listed> {
    let pieces = &dossier.court.pieces;
    let has = |kind: PieceKind| pieces.iter().any(|p| p.kind == kind);
    let mut items: Vec<(PieceKind, Source)> = pieces
        .iter()
        .enumerate()
        .map(|(i, p)| (p.kind, Source::User(i)))
        .collect();
    for (i, invoice) in dossier.invoices.iter().enumerate() {
        let named = pieces
            .iter()
            .any(|p| p.kind == PieceKind::Invoice && p.title.contains(invoice.number.as_str()));
        if !named {
            items.push((PieceKind::Invoice, Source::Invoice(i)));
        }
    }
    if !has(PieceKind::CreditNote) {
        let notes = (0..dossier.credit_notes.len()).map(Source::CreditNote);
        items.extend(notes.map(|s| (PieceKind::CreditNote, s)));
    }
    if let Some(date) = dossier.options.formal_notice_date {
        if !has(PieceKind::FormalNotice) {
            // Before the first letter of the user's that is dated after it (its receipt).
            let later = items.iter().position(|(kind, source)| match source {
                Source::User(i) => {
                    rank(*kind) == rank(PieceKind::FormalNotice)
                        && pieces
                            .get(*i)
                            .and_then(|p| p.date)
                            .is_some_and(|d| d > date)
                }
                _ => false,
            });
            let notice = (PieceKind::FormalNotice, Source::FormalNotice(date));
            match later {
                Some(at) => items.insert(at, notice),
                None => items.push(notice),
            }
        }
    }
    if !has(PieceKind::Decompte) {
        items.push((PieceKind::Decompte, Source::Decompte));
    }
    sort_stable_by(&mut items, |a, b| rank(a.0).cmp(&rank(b.0)));
    items
        .into_iter()
        .enumerate()
        .map(|(i, (kind, source))| Listed {
            number: i + 1,
            kind,
            source,
        })
        .collect()
}
