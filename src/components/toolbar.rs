//! The dossier's actions: load the example, import and export files, clear everything.

use yew::prelude::*;

use super::field::Dispatch;
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub dispatch: Dispatch,
}

#[function_component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    let load_example = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::LoadExample))
    };
    html! {
        <nav class="toolbar" aria-label="Dossier">
            <button type="button" onclick={load_example}>{ "Charger un exemple" }</button>
        </nav>
    }
}
