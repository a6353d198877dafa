//! « Si les hypothèses bougent »: the best path under each scenario.

use relance_engine::fr;
use relance_engine::strategy::Strategy;
use yew::prelude::*;

use super::table::{table, Row};

pub fn sensitivity(s: &Strategy) -> Html {
    let scenarios: Vec<Row> = s
        .sensitivity
        .iter()
        .map(|sc| {
            let top = sc.ranking.first();
            (
                sc.code,
                if sc.best_changed { "changed" } else { "" },
                html! { sc.label },
                vec![
                    top.map_or("—", |t| t.0.label()).to_owned(),
                    top.map_or_else(|| "—".to_owned(), |t| fr::amount(t.1)),
                    (if sc.best_changed {
                        "Oui, elle change"
                    } else {
                        "Non"
                    })
                    .to_owned(),
                ],
            )
        })
        .collect();
    html! {
        <>
            <h3>{ "Si les hypothèses bougent" }</h3>
            { table("sensitivity-table", "scenario", "Meilleure voie selon le scénario", &["Scénario", "Meilleure voie", "#Gain net espéré", "Meilleure voie changée ?"], scenarios) }
        </>
    }
}
