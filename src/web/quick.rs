//! The quick start's hand-over (`crates/quick`, issue 16): the small module that answered while
//! this app was on its way drew one invoice's amount and due date under the ids the app uses.
//! At start-up the app takes what was typed there into its form, and the focus back to the
//! same field, caret included.

use std::cell::RefCell;

use relance_engine::form::{Form, InvoiceForm};
use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlInputElement};

use crate::state::{FieldId, InvoiceField};

/// The ids of the two fields in the app's quick start (`id_prefix="qs-"`), which
/// `crates/quick` draws alike.
fn ids() -> [String; 2] {
    [InvoiceField::Amount, InvoiceField::Due]
        .map(|f| format!("qs-{}", FieldId::Invoice(0, f).dom_id()))
}

thread_local! {
    static TYPED: RefCell<Option<Form>> = const { RefCell::new(None) };
    /// The date field left with the focus in the quick start: being typed, its error waits
    /// until it is left, as the quick start did.
    static TYPING: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// What the quick start holds: its two fields, and the one with the focus with its selection.
pub struct Handover {
    focus: Option<(String, Option<u32>, Option<u32>)>,
}

fn input(document: &Document, id: &str) -> Option<HtmlInputElement> {
    document.get_element_by_id(id)?.dyn_into().ok()
}

/// Reads the quick start before the app replaces it; `None` when it was not drawn.
pub fn take(document: &Document) -> Option<Handover> {
    let ids = ids();
    let [amount_id, due_id] = &ids;
    let (amount, due) = (input(document, amount_id)?, input(document, due_id)?);
    let form = Form::one_invoice(&amount.value(), &due.value());
    if form.invoices.iter().any(|i| *i != InvoiceForm::default()) {
        TYPED.set(Some(form));
    }
    let focus = document
        .active_element()
        .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        .filter(|e| ids.contains(&e.id()))
        .map(|e| {
            (
                e.id(),
                e.selection_start().ok().flatten(),
                e.selection_end().ok().flatten(),
            )
        });
    if let Some((id, _, _)) = &focus {
        if id == due_id {
            TYPING.set(Some(id.clone()));
        }
    }
    Some(Handover { focus })
}

/// Whether the date field `id` was being typed in the quick start (said once: its first
/// render in the app).
pub fn typing_in(id: &str) -> bool {
    TYPING.with_borrow_mut(|t| t.take_if(|t| t == id).is_some())
}

/// The form typed in the quick start, once (the app's first state when nothing is saved).
pub fn typed() -> Option<Form> {
    TYPED.take()
}

impl Handover {
    /// Puts the focus back where it was, once the app has drawn the field (its first render
    /// is scheduled, not done, when `render()` returns).
    pub fn refocus(self) {
        let Some((id, start, end)) = self.focus else {
            return;
        };
        let focus = move || {
            let document = web_sys::window().and_then(|w| w.document());
            let Some(field) = document.and_then(|d| input(&d, &id)) else {
                return false;
            };
            let _ = field.focus();
            if let (Some(start), Some(end)) = (start, end) {
                let _ = field.set_selection_range(start, end);
            }
            true
        };
        wasm_bindgen_futures::spawn_local(async move {
            if !focus() {
                gloo_timers::callback::Timeout::new(0, move || {
                    focus();
                })
                .forget();
            }
        });
    }
}
