//! The page follows the user's job: Montant → Parties → Stratégie → Lettre. A navigation names
//! each step and reaches it in one tap; a summary that stays in view gives the total, what a
//! day adds, and the next action.

use relance_engine::{fr, Computation};
use yew::prelude::*;

use super::form_errors::element_link;

/// `(DOM id, name)` of each step, in order.
pub const STEPS: [(&str, &str); 4] = [
    ("step-amount", "Montant"),
    ("step-parties", "Parties"),
    ("step-strategy", "Stratégie"),
    ("step-letter", "Lettre"),
];

/// The step navigation.
pub fn step_nav() -> Html {
    html! {
        <nav class="steps no-print" aria-label="Étapes">
            <ol>
                { for STEPS.iter().map(|(id, name)| html! { <li>{ element_link(AttrValue::Static(id), AttrValue::Static(name), None) }</li> }) }
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
