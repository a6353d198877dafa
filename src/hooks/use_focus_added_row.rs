//! Focus management for the lists: a row added with "Ajouter…" gets the focus in its first
//! field, so keyboard users land where they must type next.

use yew::prelude::*;

/// Focuses the element with id `id_of(len - 1)` when `len` grows by exactly one (an
/// "Ajouter" click), from an empty list too if `from_empty`: the first invoice is typed in the
/// quick start, so it does not take the focus, but a first payment is added with a click.
/// An import or a paste of several rows does not move the focus.
#[hook]
pub fn use_focus_added_row<F>(len: usize, from_empty: bool, id_of: F)
where
    F: Fn(usize) -> String + 'static,
{
    let previous = use_mut_ref(|| len);
    use_effect_with(len, move |len| {
        let before = std::mem::replace(&mut *previous.borrow_mut(), *len);
        if (before >= 1 || from_empty) && *len == before + 1 {
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
