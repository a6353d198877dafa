//! The web app's second module: the letter's PDF and DOCX writers. The app (the first module)
//! drafts the letter and sends it here as text (`relance_letter::wire`: length-prefixed tokens,
//! no JSON reader); `src/boot.js` requests this module once the app's is in, at a lower
//! priority, and exposes these functions as `globalThis.relanceWriters`. The calculator does
//! not wait for it.

use relance_letter::{docx, pdf, wire, Letter};
use wasm_bindgen::prelude::*;

fn read(letter: &str) -> Result<Letter, JsError> {
    wire::from_wire(letter).ok_or_else(|| JsError::new("lettre illisible"))
}

/// The letter's PDF.
#[wasm_bindgen]
pub fn pdf(letter: &str) -> Result<Vec<u8>, JsError> {
    read(letter).map(|l| pdf::render(&l))
}

/// The letter's DOCX.
#[wasm_bindgen]
pub fn docx(letter: &str) -> Result<Vec<u8>, JsError> {
    read(letter).map(|l| docx::render(&l))
}
