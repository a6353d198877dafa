//! No silent error: while a field is invalid, the list of what to correct sits above the
//! total, each item a link that opens and focuses its field.

use relance_engine::field_names::field_name;
use relance_engine::form::Checked;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::state::dom_id;

/// Focuses the field (or step) of `id`: its quick-start copy when there is one, else the
/// element itself, opening the `<details>` around it.
pub fn go_to_field(id: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(el) = document
        .get_element_by_id(&format!("qs-{id}"))
        .or_else(|| document.get_element_by_id(id))
    else {
        return;
    };
    let mut parent = el.parent_element();
    while let Some(p) = parent {
        if p.tag_name() == "DETAILS" {
            let _ = p.set_attribute("open", "");
        }
        parent = p.parent_element();
    }
    // A step is taller than the screen: its top, not its nearest edge, comes into view.
    if id.starts_with("step-") {
        el.scroll_into_view();
    }
    if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<HtmlElement>(el) {
        let _ = el.focus();
    }
}

/// A link to the field at dossier path `path`.
pub fn field_link(path: &str, text: String) -> Html {
    element_link(dom_id(path).into(), text.into(), None, None)
}

/// A link that opens, scrolls to and focuses the element of `id` (`go_to_field`); `current`
/// is its `aria-current` (the step navigation's « step »).
pub fn element_link(
    id: AttrValue,
    text: AttrValue,
    class: Option<&'static str>,
    current: Option<&'static str>,
) -> Html {
    let onclick = {
        let id = id.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            go_to_field(&id);
        })
    };
    html! { <a href={format!("#{id}")} {class} aria-current={current} {onclick}>{ text }</a> }
}

/// The list of fields to correct, or nothing.
pub fn form_errors(checked: &Checked) -> Html {
    let errors = &checked.errors;
    if errors.is_empty() {
        return html! {};
    }
    let n = errors.len();
    html! {
        <div class="form-errors" id="form-errors" tabindex="-1" data-testid="form-errors">
            <p><strong>{ if n == 1 { "1 champ à corriger".to_owned() } else { format!("{n} champs à corriger") } }</strong>
                { " : la lettre attend leur correction." }</p>
            <ul>
                { for errors.iter().map(|e| html! {
                    <li>{ field_link(&e.field, format!("{} : {}", field_name(&e.field), e.message)) }</li>
                }) }
            </ul>
        </div>
    }
}
