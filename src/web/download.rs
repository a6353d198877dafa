//! Downloads a text file made in the page: a `Blob`, an object URL and a temporary
//! `<a download>` clicked once. Nothing leaves the browser.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// The browser refused to build or start the download.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DownloadError;

impl DownloadError {
    pub const MESSAGE: &'static str = "Le navigateur a refusé de créer le fichier à télécharger.";
}

/// An object URL for `text` (UTF-8) with the MIME type `mime`. The caller revokes it.
pub fn object_url(text: &str, mime: &str) -> Result<String, DownloadError> {
    blob_url(&js_sys::Array::of1(&JsValue::from_str(text)), mime)
}

fn blob_url(parts: &js_sys::Array, mime: &str) -> Result<String, DownloadError> {
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        Blob::new_with_str_sequence_and_options(parts, &options).map_err(|_| DownloadError)?;
    Url::create_object_url_with_blob(&blob).map_err(|_| DownloadError)
}

/// Offers `text` as a file named `file_name`.
pub fn save(file_name: &str, mime: &str, text: &str) -> Result<(), DownloadError> {
    click_download(file_name, object_url(text, mime)?)
}

/// Offers `bytes` (a PDF, a DOCX) as a file named `file_name`.
pub fn save_bytes(file_name: &str, mime: &str, bytes: &[u8]) -> Result<(), DownloadError> {
    let array = js_sys::Uint8Array::from(bytes);
    click_download(file_name, blob_url(&js_sys::Array::of1(&array), mime)?)
}

fn click_download(file_name: &str, url: String) -> Result<(), DownloadError> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(DownloadError)?;
    let body = document.body().ok_or(DownloadError)?;
    let anchor: HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| DownloadError)?
        .dyn_into()
        .map_err(|_| DownloadError)?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.set_class_name("hidden-download");
    body.append_child(&anchor).map_err(|_| DownloadError)?;
    anchor.click();
    anchor.remove();
    // Revoking at once can cancel the download in some browsers: give it time.
    gloo_timers::callback::Timeout::new(30_000, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}
