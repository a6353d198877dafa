//! « Votre acheteur public est… »: whether the prefect can mandate its debt (a commune, a
//! département, a région or one of their public establishments, CGCT L1612-16) sets
//! `public.prefect`, without which the prefect's path pays nothing.

use yew::prelude::*;

use super::props::StrategyProps;
use crate::state::Action;

const ID: &str = "public.prefect";

/// The two answers: the value written in `public.prefect`, and what the user reads.
const ANSWERS: [(&str, &str, &str); 2] = [
    (
        "local",
        "100",
        "Une commune, un département, une région ou un de leurs établissements publics",
    ),
    (
        "other",
        "0",
        "L'État, un de ses établissements, un hôpital ou un autre acheteur public",
    ),
];

/// The question, answered only once the user picks (until then the default, 0, holds).
pub fn buyer(props: &StrategyProps) -> Html {
    let typed = props.typed.get(ID).map(String::as_str);
    let option = |(code, value, label): (&'static str, &'static str, &'static str)| {
        let onchange = {
            let dispatch = props.dispatch.clone();
            Callback::from(move |_: Event| {
                dispatch.dispatch(Action::EditAssumption(ID.to_owned(), value.to_owned()))
            })
        };
        let id = format!("buyer-{code}");
        html! {
            <li>
                <input type="radio" name="buyer" id={id.clone()} value={code}
                    checked={typed == Some(value)} {onchange} />
                <label for={id}>{ label }</label>
            </li>
        }
    };
    html! {
        <fieldset class="supply" data-testid="public-buyer-kind">
            <legend>{ "Votre acheteur public est :" }</legend>
            <ul>{ for ANSWERS.into_iter().map(option) }</ul>
            <p class="hint">{ "Seule la dette d'une collectivité territoriale peut être mandatée d'office par le préfet (CGCT L1612-16) : tant que vous n'avez pas répondu, cette voie ne rapporte rien." }</p>
        </fieldset>
    }
}
