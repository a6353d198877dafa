//! The page follows the user's job: Montant → Parties → Stratégie → Lettre → Procédure. A navigation names
//! each step and reaches it in one tap; a summary that stays in view gives the total, what a
//! day adds, and the next action.

use relance_engine::{fr, Computation};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::form_errors::element_link;

/// `(DOM id, name)` of each step, in order.
pub const STEPS: [(&str, &str); 5] = [
    ("step-amount", "Montant"),
    ("step-parties", "Parties"),
    ("step-strategy", "Stratégie"),
    ("step-letter", "Lettre"),
    ("step-procedure", "Procédure"),
];

/// The step being read: the last whose top has reached the bottom of the sticky navigation
/// (whatever its height once wrapped), 0 above them all. A step scrolled to by a link stops
/// at the page's `scroll-padding-top` (3.5rem), which counts as reached too.
#[allow(clippy::float_arithmetic)] // pixels, not money
fn in_view() -> usize {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return 0;
    };
    let bar = document
        .query_selector("nav.steps")
        .ok()
        .flatten()
        .map_or(0.0, |nav| nav.get_bounding_client_rect().bottom())
        .max(56.0)
        + 8.0;
    STEPS
        .iter()
        .rposition(|(id, _)| {
            document
                .get_element_by_id(id)
                .is_some_and(|e| e.get_bounding_client_rect().top() <= bar)
        })
        .unwrap_or(0)
}

/// The step navigation; the step in view is `aria-current="step"`, updated once per frame
/// while the page scrolls.
#[function_component(StepNav)]
pub fn step_nav() -> Html {
    let current = use_state_eq(|| 0usize);
    {
        let current = current.clone();
        use_effect_with((), move |_| {
            current.set(in_view());
            let window = web_sys::window();
            // Many scroll events come per frame: the layout is read once, on the next frame.
            let pending = std::rc::Rc::new(std::cell::Cell::new(false));
            let update = Closure::<dyn Fn()>::new({
                let (current, pending) = (current.clone(), pending.clone());
                move || {
                    pending.set(false);
                    current.set(in_view());
                }
            });
            let listener = Closure::<dyn Fn()>::new({
                let window = window.clone();
                move || {
                    if let (Some(w), false) = (&window, pending.replace(true)) {
                        let _ = w.request_animation_frame(update.as_ref().unchecked_ref());
                    }
                }
            });
            if let Some(w) = &window {
                let _ =
                    w.add_event_listener_with_callback("scroll", listener.as_ref().unchecked_ref());
            }
            move || {
                if let Some(w) = window {
                    let _ = w.remove_event_listener_with_callback(
                        "scroll",
                        listener.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }
    html! {
        <nav class="steps no-print" aria-label="Étapes">
            <ol>
                { for STEPS.iter().enumerate().map(|(i, (id, name))| html! {
                    <li>
                        { element_link((*id).into(), (*name).into(), None, (i == *current).then_some("step")) }
                    </li>
                }) }
            </ol>
        </nav>
    }
}

/// The total, what a day adds and the next action, kept in view while typing; `partial` when
/// rows in error are left out of the total.
pub fn summary(computation: Option<&Computation>, partial: bool) -> Html {
    let Some(c) = computation else {
        return html! {};
    };
    html! {
        <aside class="summary no-print" aria-label="Résumé">
            <p>
                <span class="summary-label">{ if partial { "Total incomplet : " } else { "Total dû : " } }</span>
                <strong class="amount" data-testid="summary-total">{ fr::amount(c.totals.total) }</strong>
                <span class="summary-daily">{ format!(" + {} par jour", fr::amount(c.daily_accrual)) }</span>
            </p>
            { element_link(
                "step-letter".into(),
                "Écrire la mise en demeure".into(),
                Some("summary-next"),
                None,
            ) }
        </aside>
    }
}
