//! Autosave: the form goes to localStorage after every change. A failure (storage disabled
//! or full) never panics: the hook returns `true` and the page shows a small warning.

use std::rc::Rc;

use relance_engine::form::Form;
use yew::prelude::*;

use crate::web;

/// Saves `form` whenever it changes; returns whether the last save failed.
#[hook]
pub fn use_autosave(form: &Rc<Form>) -> bool {
    let failed = use_state_eq(|| false);
    {
        let failed = failed.clone();
        use_effect_with(form.clone(), move |form| {
            failed.set(web::storage::save_form(form).is_err());
        });
    }
    *failed
}
