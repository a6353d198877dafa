//! Reads a file the user chose in an `<input type="file">`, as text, in the browser
//! (`Blob.text()`); nothing is uploaded.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Event, File, HtmlInputElement};

/// The file could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileError;

impl FileError {
    pub const MESSAGE: &'static str = "Le fichier n'a pas pu être lu.";
}

/// The file chosen in the input that fired `event`, if any. Clears the input, so choosing
/// the same file again fires a new `change`.
pub fn take_chosen(event: &Event) -> Option<File> {
    let input: HtmlInputElement = event.target()?.dyn_into().ok()?;
    let file = input.files()?.get(0);
    input.set_value("");
    file
}

/// The text of `file` (decoded as UTF-8).
pub async fn read_text(file: File) -> Result<String, FileError> {
    let value = JsFuture::from(file.text()).await.map_err(|_| FileError)?;
    value.as_string().ok_or(FileError)
}
