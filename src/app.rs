//! Root component: the page frame and, for now, the seed example computed by the engine.
//!
//! It formats nothing itself: amounts are rendered with `relance_engine::fr`.

use yew::prelude::*;

/// Page title, also used as the `<h1>`.
pub const TITLE: &str = "Relance — calcul des pénalités de retard";

/// The whole application.
#[function_component(App)]
pub fn app() -> Html {
    // The seed dossier is constant, so it is computed once per mount.
    let seed = use_memo((), |_| seed_total());
    html! {
        <main>
            <h1>{ TITLE }</h1>
            <p>{ "Exemple : ce que coûte au débiteur une facture impayée." }</p>
            {
                match &*seed {
                    Ok(total) => html! {
                        <p>{ "Total dû : " }<strong data-testid="total-due">{ total }</strong></p>
                    },
                    Err(message) => html! {
                        <p role="alert" data-testid="compute-error">{ *message }</p>
                    },
                }
            }
        </main>
    }
}

/// Computes the seed example and formats its total in French.
fn seed_total() -> Result<String, &'static str> {
    relance_engine::compute_str(relance_engine::SEED_DOSSIER, None)
        .map(|c| relance_engine::fr::amount(c.totals.total))
        .map_err(|_| "Le calcul de l'exemple a échoué : les données de l'exemple sont invalides.")
}
