//! « Échéancier ou paiement immédiat »: what a payment plan of the principal is worth today,
//! with the plan's own assumptions beside it.

use relance_engine::fr;
use relance_engine::strategy::params::Param;
use relance_engine::strategy::Strategy;
use yew::prelude::*;

use super::assumptions::assumption;
use super::props::StrategyProps;

pub fn plan_value(s: &Strategy, all: &[Param], props: &StrategyProps) -> Html {
    let plan = &s.plan;
    let figures = [
        ("Montant échelonné", fr::amount(plan.nominal)),
        (
            "Valeur aujourd'hui, tout payé",
            fr::amount(plan.present_value),
        ),
        (
            "Valeur espérée, risque d'arrêt compris",
            fr::amount(plan.expected_value),
        ),
        (
            "Remise équivalente sur un paiement immédiat",
            fr::percent_short(plan.equivalent_discount, 1),
        ),
    ];
    html! {
        <>
            <h3>{ "Échéancier ou paiement immédiat" }</h3>
            <p class="note">{ "Ce que vaut aujourd'hui un échéancier du principal, selon le nombre d'échéances, leur rythme, le risque que le débiteur s'arrête et votre coût de l'argent (hypothèses générales)." }</p>
            <dl class="figures" data-testid="plan-value">
                { for figures.into_iter().map(|(dt, dd)| html! { <div><dt>{ dt }</dt><dd class="amount">{ dd }</dd></div> }) }
            </dl>
            <div class="grid assumptions">{ for all.iter().filter(|p| p.id.starts_with("plan.")).map(|p| assumption(p, props)) }</div>
        </>
    }
}
