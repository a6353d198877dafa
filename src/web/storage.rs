//! The autosave: the raw form, as JSON, in `localStorage` under [`KEY`].
//!
//! Storage can be missing (private mode, disabled), full or refused; each operation then
//! returns [`StorageError`] and the page keeps working without persistence.

use relance_engine::form::Form;

/// The localStorage key of the saved form (`Form::to_json`, version 1).
pub const KEY: &str = "relance.v1.form";

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

/// Forgets the saved form.
pub fn clear() -> Result<(), StorageError> {
    local_storage()?.remove_item(KEY).map_err(|_| StorageError)
}
