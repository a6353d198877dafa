//! Relance's letters. One [`Letter`] value, drafted from a dossier and its computed décompte
//! (`draft`), feeds every output: the on-screen preview, the PDF (`pdf`), the DOCX (`docx`)
//! and the plain text (`text`). They cannot disagree because they render the same blocks.
//!
//! Like the engine, this crate is pure: no clock, no I/O, no browser.

#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

pub mod annex;
pub mod docx;
pub mod draft;
pub mod model;
pub mod page;
pub mod pdf;
pub mod text;
pub mod user_text;
pub mod winansi;
pub mod zip;

pub use crate::draft::{before_sending, draft, draft_with, DraftOptions};
pub use crate::model::{Align, Block, Column, Letter, LetterKind, Table};
