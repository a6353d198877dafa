//! Focus management for the lists: a row added with "Ajouter…" gets the focus in its first
//! field, so keyboard users land where they must type next.

use yew::prelude::*;

/// Focuses the element with id `id_of(len - 1)` when `len` grows by exactly one from a
/// non-empty list (an "Ajouter" click). A first row (typed in the quick start), an import
/// or a paste do not move the focus.
#[hook]
pub fn use_focus_added_row<F>(len: usize, id_of: F)
where
    F: Fn(usize) -> String + 'static,
{
    let previous = use_mut_ref(|| len);
    use_effect_with(len, move |len| {
        let before = std::mem::replace(&mut *previous.borrow_mut(), *len);
        if before >= 1 && *len == before + 1 {
            let element = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(&id_of(len - 1)));
            if let Some(el) =
                element.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
            {
                let _ = el.focus();
            }
        }
    });
}
