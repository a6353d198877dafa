//! The autosave: the raw form, as JSON, in `localStorage` under [`KEY`]; the imported
//! portfolio's dossiers, and which one the form shows, under [`PORTFOLIO_KEY`].
//!
//! Storage can be missing (private mode, disabled), full or refused; each operation then
//! returns [`StorageError`] and the page keeps working without persistence.

use std::rc::Rc;

use relance_engine::form::Form;
use relance_engine::Dossier;
use serde_json::Value;

use super::pace::{Done, Slices, Work};

/// The localStorage key of the saved form (`Form::to_json`, version 1).
pub const KEY: &str = "relance.v1.form";

/// What is said when the portfolio could not be kept (the form may still be).
pub const PORTFOLIO_NOT_KEPT: &str =
    "Portefeuille non gardé dans ce navigateur (stockage plein ou désactivé) : il ne survivra \
     pas à un rechargement. Exportez-le en CSV, ou importez de nouveau vos fichiers pour le \
     retrouver.";

/// localStorage is unavailable or refused the operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StorageError;

impl StorageError {
    /// What the user is told (small, non-blocking).
    pub const MESSAGE: &'static str =
        "Enregistrement impossible dans ce navigateur (stockage désactivé ou plein) : \
         vos saisies ne survivront pas à un rechargement. Exportez le dossier pour le garder.";
}

fn local_storage() -> Result<web_sys::Storage, StorageError> {
    web_sys::window()
        .ok_or(StorageError)?
        .local_storage()
        .ok()
        .flatten()
        .ok_or(StorageError)
}

/// The saved text, if any.
pub fn load() -> Option<String> {
    local_storage().ok()?.get_item(KEY).ok().flatten()
}

/// The saved form, if there is one this version can read.
pub fn load_form() -> Option<Form> {
    load().and_then(|text| Form::from_json(&text))
}

/// Saves `form`; an empty form removes the key, so nothing is stored until something is typed.
pub fn save_form(form: &Form) -> Result<(), StorageError> {
    let storage = local_storage()?;
    if *form == Form::default() {
        storage.remove_item(KEY).map_err(|_| StorageError)
    } else {
        storage
            .set_item(KEY, &form.to_json())
            .map_err(|_| StorageError)
    }
}

/// The localStorage key of the portfolio: `{"portfolio_version": 1, "dossiers": [...], "open": 2}`,
/// each dossier as its file holds it, `open` the one the form shows (absent: none).
pub const PORTFOLIO_KEY: &str = "relance.v1.portfolio";

/// The portfolio's dossiers kept in this browser (a dossier this version cannot read is left
/// out; none when nothing is kept), and the one the form shows.
pub fn load_portfolio() -> (Vec<Dossier>, Option<usize>) {
    let text = local_storage()
        .ok()
        .and_then(|s| s.get_item(PORTFOLIO_KEY).ok().flatten());
    let Some(Ok(Value::Object(root))) = text.map(|t| relance_engine::json_text::read(&t)) else {
        return (Vec::new(), None);
    };
    if root.get("portfolio_version").and_then(Value::as_u64) != Some(1) {
        return (Vec::new(), None);
    }
    let list = root.get("dossiers").and_then(Value::as_array);
    let read: Vec<Option<Dossier>> = list
        .into_iter()
        .flatten()
        .map(|v| relance_engine::parse::dossier_of_value(v).ok())
        .collect();
    // The open one is kept only if every dossier read back, so that its place is the same.
    let open = root
        .get("open")
        .and_then(Value::as_u64)
        .and_then(|i| usize::try_from(i).ok())
        .filter(|i| *i < read.len() && read.iter().all(Option::is_some));
    (read.into_iter().flatten().collect(), open)
}

/// The text kept for `dossiers` and the one the form shows (none: no text), written a dossier
/// at a time with a stop at `pace` every few: 2 000 dossiers are megabytes of JSON.
pub async fn portfolio_text(
    dossiers: &[Rc<Dossier>],
    open: Option<usize>,
    pace: &mut Slices<impl FnMut(Done)>,
) -> Option<String> {
    if dossiers.is_empty() {
        return None;
    }
    let mut text = String::from(r#"{"dossiers":["#);
    let total = dossiers.len();
    for (done, d) in dossiers.iter().enumerate() {
        if done % 20 == 0 {
            pace.stop(Work::Keeping, done, total).await;
        }
        if done > 0 {
            text.push(',');
        }
        text.push_str(&relance_engine::json_text::compact(&d.to_value()));
    }
    text.push(']');
    if let Some(i) = open {
        text.push_str(&format!(r#","open":{i}"#));
    }
    text.push_str(r#","portfolio_version":1}"#);
    Some(text)
}

/// Keeps the portfolio's `text` in this browser ([`portfolio_text`]); none removes the key.
pub fn save_portfolio(text: Option<&str>) -> Result<(), StorageError> {
    let storage = local_storage()?;
    match text {
        Some(text) => storage.set_item(PORTFOLIO_KEY, text),
        None => storage.remove_item(PORTFOLIO_KEY),
    }
    .map_err(|_| StorageError)
}

/// Forgets the saved form and the portfolio.
pub fn clear() -> Result<(), StorageError> {
    let storage = local_storage()?;
    storage.remove_item(KEY).map_err(|_| StorageError)?;
    storage.remove_item(PORTFOLIO_KEY).map_err(|_| StorageError)
}
