//! The engine's notices, in plain French: what the reader must know about a result that is
//! nonetheless computed (unverified or provisional rate, prescription, unallocated payment…).

use relance_engine::Notice;
use yew::prelude::*;

use super::unbroken::unbroken;

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub notices: Vec<Notice>,
}

#[function_component(Notices)]
pub fn notices(props: &NoticesProps) -> Html {
    html! {
        <section class="notices" aria-labelledby="notices-title">
            <h2 id="notices-title">{ "Remarques" }</h2>
            <div role="status">
                if props.notices.is_empty() {
                    <p class="note">{ "Aucune remarque sur ce calcul." }</p>
                } else {
                    <ul>
                        { for props.notices.iter().map(|n| html! { <li>{ unbroken(&n.message()) }</li> }) }
                    </ul>
                }
            </div>
        </section>
    }
}
