//! The paths ranked: the best one announced, then every path with its expected net, chance,
//! delay and risks, or why it is closed.

use relance_engine::fr;
use relance_engine::strategy::{Field, PathKind, Strategy};
use rust_decimal::Decimal;
use yew::prelude::*;

use super::table::{table, Row};

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

/// An amount whose spaces do not break: a range may wrap at « à » only.
fn no_break(amount: String) -> String {
    amount.replace(' ', "\u{a0}")
}

/// The verdict: the sentence naming the best path, first thing of the step.
pub fn verdict(s: &Strategy) -> Html {
    html! {
        if let Some(b) = s.best() {
            <p class="strategy-best" data-testid="strategy-best">
                { "Selon vos hypothèses, la voie la plus rentable est : " }
                <strong>{ b.path.label() }</strong>
                { format!(" — gain net espéré {} ({} de la créance).", fr::amount(b.outcome.expected_net), fr::percent_short(b.outcome.net_percent, 0)) }
                { equivalents(s) }
                { rests_on(s, b.path) }
            </p>
        }
    }
}

/// What the chances of `path` rest on when it is not an official figure, in one sentence.
fn rests_on(s: &Strategy, path: PathKind) -> String {
    s.assumptions
        .chance_basis(path.steps())
        .and_then(|b| b.rests_on())
        .map_or_else(String::new, |what| {
            format!(" Ses chances reposent sur des {what} : des ordres de grandeur, à remplacer par les vôtres dans les hypothèses.")
        })
}

/// How the ranges in brackets are made, under the table.
const RANGES: &str = "Entre parenthèses, la fourchette : chaque hypothèse lue du côté défavorable puis favorable, d'autant plus large que sa source est fragile (chances ±20 points pour un chiffre de forum ou une hypothèse, ±10 pour une source secondaire ; frais, temps et délais ±50 % ou ±25 % ; textes officiels fixes). Deux voies dont les fourchettes se chevauchent sont équivalentes compte tenu des incertitudes.";

/// The paths as good as the best given the uncertainty, in one sentence (or nothing).
fn equivalents(s: &Strategy) -> String {
    let names: Vec<&str> = s
        .paths
        .iter()
        .filter(|p| p.overlaps_best)
        .map(|p| p.path.label())
        .collect();
    match names.len() {
        0 => String::new(),
        1 => format!(
            " Compte tenu des incertitudes, elle est équivalente à : {}.",
            names.join("")
        ),
        _ => format!(
            " Compte tenu des incertitudes, elle est équivalente à ces {} voies : {}.",
            names.len(),
            names.join(" ; ")
        ),
    }
}

/// The table of every path (`chosen` highlighted), most profitable first; paths whose fees are
/// not published come after the others, and the caption says so.
pub fn ranking(s: &Strategy, chosen: PathKind) -> Html {
    let regime = s.claim.regime;
    let paths: Vec<Row> = s.paths.iter().enumerate().map(|(rank, r)| {
        let o = &r.outcome;
        let first = rank == 0 && r.eligible;
        let head = html! {
            <>
                <span class="path-name">
                    { if r.eligible { format!("{}. {}", rank + 1, r.path.label()) } else { r.path.label().to_owned() } }
                </span>
                if first { <span class="badge best">{ "meilleure option" }</span> }
                if r.eligible && !o.unknown_fees.is_empty() { <span class="badge">{ "frais non publiés" }</span> }
                if r.overlaps_best { <span class="badge" data-testid="overlaps-best">{ "équivalente à la meilleure" }</span> }
                <details class="path-details">
                    <summary>{ format!("Étapes et points d'attention ({})", r.warnings.len()) }</summary>
                    <p>{ if o.steps.is_empty() { "Aucune démarche : la créance est passée en perte." } else { "Chaque étape, si les précédentes n'ont rien donné, est rentable en moyenne à partir du principal indiqué :" } }</p>
                    <ol class="path-steps" data-testid="path-steps">
                        { for o.steps.iter().map(|st| html! {
                            <li data-step={st.step.code()}>
                                { st.step.label(regime) }{ " : " }
                                <span class="amount">{ st.threshold.map_or_else(|| "jamais seule".to_owned(), |t| format!("dès {}", fr::whole_euros(t))) }</span>
                                // The chance it rests on, and how sure that figure is.
                                <span class="step-basis">{ format!(
                                    " (chance {} : {})",
                                    fr::percent_short(s.assumptions.step(st.step, Field::Success), 0),
                                    s.assumptions.basis(st.step, Field::Success).label()
                                ) }</span>
                            </li>
                        }) }
                    </ol>
                    <ul>{ for r.warnings.iter().map(|w| html! { <li data-code={w.code}>{ &w.message }</li> }) }</ul>
                </details>
            </>
        };
        let cells = if r.eligible {
            vec![
                // The central figure, then its range on a second line (`white-space: pre`).
                format!("{}\n({} à {})", fr::amount(o.expected_net), no_break(fr::whole_euros(r.net_range.0)), no_break(fr::whole_euros(r.net_range.1))),
                fr::percent_short(o.net_percent, 0),
                {
                    let (low, high) = r.chance_range_percent();
                    format!(
                        "{}\n({} à {})",
                        fr::percent_short(o.probability_paid * HUNDRED, 0),
                        fr::percent_short(low, 0),
                        fr::percent_short(high, 0)
                    )
                },
                match (o.expected_days, o.steps.first(), o.steps.last()) {
                    (Some(_), Some(f), Some(l)) => format!("{}\n({} à {})", fr::duration(o.expected_days), fr::days(f.ends), fr::days(l.ends)),
                    _ => fr::duration(o.expected_days),
                },
                fr::amount(o.cost_at_risk),
                fr::amount(o.best_case),
                fr::amount(o.worst_case),
            ]
        } else {
            vec![format!("Voie fermée : {}.", r.blocked.join(" ; "))]
        };
        let class = match (r.eligible, r.path == chosen) {
            (false, true) => "closed chosen",
            (false, false) => "closed",
            (true, true) => "chosen",
            (true, false) => "",
        };
        (r.path.code(), class, head, cells)
    }).collect();
    let unpublished = s
        .paths
        .iter()
        .any(|r| r.eligible && !r.outcome.unknown_fees.is_empty());
    html! {
        <>
            { table(
                "strategy-table",
                "strategy-row",
                &format!(
                    "Les voies de recouvrement pour une créance de {}, de la plus rentable à la moins rentable{}",
                    fr::whole_euros(s.claim.total()),
                    if unpublished { " (celles aux frais non publiés en dernier)" } else { "" }
                ),
                &["Voie", "#Gain net espéré", "#% de la créance", "#Chance d'être payé", "#Délai moyen d'encaissement", "#Coût en jeu", "#Meilleur cas", "#Pire cas"],
                paths,
            ) }
            <p class="hint" data-testid="ranges-hint">{ RANGES }</p>
        </>
    }
}
