//! Reads a file the user chose in an `<input type="file">`, as text (`Blob.text()`) or as bytes
//! (`Blob.arrayBuffer()`), in the browser; nothing is uploaded.
//!
//! The size is checked before anything is read: a file above the engine's
//! [`parse::MAX_FILE_BYTES`] is refused at once with the engine's French message, so a huge
//! file never becomes a string and the page stays responsive.

use relance_engine::parse::{self, InputErrorKind};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Event, File, HtmlInputElement};

/// The file could not be read, or was refused before reading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    /// The browser could not read it.
    Unreadable,
    /// Larger than [`parse::MAX_FILE_BYTES`] (its size in bytes); nothing was read.
    TooLarge(usize),
}

impl FileError {
    /// What the browser failing to read a file is told as.
    pub const MESSAGE: &'static str = "Le fichier n'a pas pu être lu.";

    /// The French message (the engine's for a file too large).
    pub fn message(&self) -> String {
        match self {
            FileError::Unreadable => Self::MESSAGE.to_owned(),
            FileError::TooLarge(bytes) => {
                let kind = InputErrorKind::FileTooLarge {
                    bytes: *bytes,
                    max: parse::MAX_FILE_BYTES,
                };
                relance_engine::fr::input_error(&kind)
            }
        }
    }
}

/// The file chosen in the input that fired `event`, if any. Clears the input, so choosing
/// the same file again fires a new `change`.
pub fn take_chosen(event: &Event) -> Option<File> {
    let input: HtmlInputElement = event.target()?.dyn_into().ok()?;
    let file = input.files()?.get(0);
    input.set_value("");
    file
}

/// The text of `file` (decoded as UTF-8); a file larger than [`parse::MAX_FILE_BYTES`] is
/// refused without being read.
pub async fn read_text(file: File) -> Result<String, FileError> {
    refuse_above(&file, parse::MAX_FILE_BYTES)?;
    let value = JsFuture::from(file.text())
        .await
        .map_err(|_| FileError::Unreadable)?;
    value.as_string().ok_or(FileError::Unreadable)
}

/// Every file chosen in the input that fired `event`, in order. Clears the input.
pub fn take_all(event: &Event) -> Vec<File> {
    let Some(input) = event
        .target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    let files = input
        .files()
        .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
        .unwrap_or_default();
    input.set_value("");
    files
}

/// The bytes of `file`; a file larger than `max` bytes is refused without being read.
pub async fn read_bytes(file: &File, max: usize) -> Result<Vec<u8>, FileError> {
    refuse_above(file, max)?;
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| FileError::Unreadable)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// A file larger than `max` bytes, refused from its size without being read.
fn refuse_above(file: &File, max: usize) -> Result<(), FileError> {
    let size = file.size();
    if size > max as f64 {
        // f64 → usize saturates; sizes are whole numbers of bytes.
        return Err(FileError::TooLarge(size as usize));
    }
    Ok(())
}
