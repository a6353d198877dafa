//! The letter's PDF and DOCX, written by the page's second WebAssembly module
//! (`crates/writers`), which `src/boot.js` exposes as `globalThis.relanceWriters` once it is in.
//! The letter goes there as JSON text (`relance_letter::wire`).

use relance_letter::{wire, Letter};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = relanceWriters, js_name = pdf)]
    fn pdf_of(letter: &str) -> Result<js_sys::Uint8Array, JsValue>;
    #[wasm_bindgen(catch, js_namespace = relanceWriters, js_name = docx)]
    fn docx_of(letter: &str) -> Result<js_sys::Uint8Array, JsValue>;
}

/// Why a file could not be written: the writers are not there (yet).
pub const MISSING: &str = "Le module qui écrit les fichiers PDF et DOCX n'est pas encore chargé : réessayez dans un instant, ou rechargez la page.";

/// The letter as a PDF, or `None` while the writers are not there.
pub fn pdf(letter: &Letter) -> Option<Vec<u8>> {
    pdf_of(&wire::to_wire(letter)).ok().map(|a| a.to_vec())
}

/// The letter as a DOCX, or `None` while the writers are not there.
pub fn docx(letter: &Letter) -> Option<Vec<u8>> {
    docx_of(&wire::to_wire(letter)).ok().map(|a| a.to_vec())
}
