//! The page follows the user's job: Montant → Parties → Stratégie → Lettre. A navigation names
//! each step and reaches it in one tap; a summary that stays in view gives the total, what a
//! day adds, and the next action.

use relance_engine::{fr, Computation};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::form_errors::{element_link, go_to_field};

/// `(DOM id, name)` of each step, in order.
pub const STEPS: [(&str, &str); 4] = [
    ("step-amount", "Montant"),
    ("step-parties", "Parties"),
    ("step-strategy", "Stratégie"),
    ("step-letter", "Lettre"),
];

/// The step being read: the last whose top has reached the sticky navigation (0 above them all).
fn in_view() -> usize {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return 0;
    };
    STEPS
        .iter()
        .rposition(|(id, _)| {
            document
                .get_element_by_id(id)
                .is_some_and(|e| e.get_bounding_client_rect().top() < 80.0)
        })
        .unwrap_or(0)
}

/// The step navigation; the step in view is `aria-current="step"`, updated as the page scrolls.
#[function_component(StepNav)]
pub fn step_nav() -> Html {
    let current = use_state_eq(|| 0usize);
    {
        let current = current.clone();
        use_effect_with((), move |_| {
            current.set(in_view());
            let window = web_sys::window();
            let listener = Closure::<dyn Fn()>::new(move || current.set(in_view()));
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
                { for STEPS.iter().enumerate().map(|(i, (id, name))| {
                    let onclick = Callback::from(move |e: MouseEvent| {
                        e.prevent_default();
                        go_to_field(id);
                    });
                    html! {
                        <li>
                            <a href={format!("#{id}")} {onclick}
                                aria-current={(i == *current).then_some("step")}>{ *name }</a>
                        </li>
                    }
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
            ) }
        </aside>
    }
}
