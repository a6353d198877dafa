//! « Votre facture porte sur… »: goods or services, asked in plain words, sets the VAT already
//! paid (`global.vat_paid`) that the « Ne plus rien faire » path recovers.

use relance_engine::strategy::Supply;
use yew::prelude::*;

use super::props::StrategyProps;
use crate::state::Action;

const ID: &str = "global.vat_paid";

/// The question, answered only once the user picks (until then the default, 0 %, holds): read
/// from the value as typed, which the analysis follows after a pause in typing.
pub fn supply(props: &StrategyProps) -> Html {
    let typed = props.typed.get(ID);
    let option = |supply: Supply| {
        let onchange = {
            let dispatch = props.dispatch.clone();
            Callback::from(move |_: Event| {
                dispatch.dispatch(Action::EditAssumption(
                    ID.to_owned(),
                    supply.vat_paid_typed().to_owned(),
                ))
            })
        };
        let id = format!("supply-{}", supply.code());
        html! {
            <li>
                <input type="radio" name="supply" id={id.clone()} value={supply.code()}
                    checked={typed.map(String::as_str) == Some(supply.vat_paid_typed())} {onchange} />
                <label for={id}>{ supply.label() }</label>
            </li>
        }
    };
    html! {
        <fieldset class="supply" data-testid="supply">
            <legend>{ "Votre facture porte sur :" }</legend>
            <ul>{ for Supply::ALL.into_iter().map(option) }</ul>
            <p class="hint">{ "Pour « Ne plus rien faire » : la TVA reversée sur une créance définitivement irrécouvrable se récupère (CGI 272). Autre taux, ou option pour les débits : part de TVA dans les hypothèses générales." }</p>
        </fieldset>
    }
}
