//! « Votre facture porte sur… »: goods or services, asked in plain words, sets the VAT already
//! paid (`global.vat_paid`) that the « Ne plus rien faire » path recovers.

use relance_engine::fr;
use relance_engine::strategy::{Global, Strategy, Supply};
use yew::prelude::*;

use super::props::StrategyProps;
use crate::state::Action;

const ID: &str = "global.vat_paid";

/// The question, answered only once the user picks (until then the default, 0 %, holds).
pub fn supply(s: &Strategy, props: &StrategyProps) -> Html {
    let answered = props
        .typed
        .contains_key(ID)
        .then(|| Supply::of(s.assumptions.global(Global::VatPaid)))
        .flatten();
    let option = |supply: Supply| {
        let onchange = {
            let dispatch = props.dispatch.clone();
            Callback::from(move |_: Event| {
                dispatch.dispatch(Action::EditAssumption(
                    ID.to_owned(),
                    fr::decimal(supply.vat_paid()),
                ))
            })
        };
        let id = format!("supply-{}", supply.code());
        html! {
            <li>
                <input type="radio" name="supply" id={id.clone()} value={supply.code()}
                    checked={answered == Some(supply)} {onchange} />
                <label for={id}>{ supply.label() }</label>
            </li>
        }
    };
    html! {
        <fieldset class="supply" data-testid="supply">
            <legend>{ "Votre facture porte sur :" }</legend>
            <ul>{ for Supply::ALL.into_iter().map(option) }</ul>
            <p class="hint">{ "Pour la voie « Ne plus rien faire » : la TVA déjà reversée sur une créance devenue définitivement irrécouvrable se récupère (CGI 272). Autre taux, ou services avec option pour les débits : saisissez la part de TVA dans les hypothèses générales." }</p>
        </fieldset>
    }
}
