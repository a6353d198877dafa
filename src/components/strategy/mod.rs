//! The "Stratégie" step: the ways of chasing the claim side by side (expected net, chance,
//! delay, what is at risk), the chart of expected net against the claim amount, a dated
//! "Que faire maintenant" for a chosen path, how the ranking moves when the assumptions move,
//! what a payment plan is worth, and every assumption with its source, editable.
//!
//! Everything comes from `relance_engine::strategy`. The analysis runs only while the section
//! is open, and is memoised on the dossier (which holds the valid assumption overrides), the
//! computation and today: typing elsewhere on the page costs nothing while it is closed.
//! Assumptions are kept as typed in `form.strategy`; an invalid one shows the engine's French
//! error beside it and the analysis keeps the default.
//!
//! Rendering is data-driven (one `html!` per kind of row or cell) to keep the WebAssembly small.
//!
//! Its parts, each a plain function of the analysis: `paths` (the verdict and the ranking),
//! `supply` (goods or services, for the VAT the abandon path recovers), `buyer` (a public buyer:
//! a local authority, whose debt the prefect can mandate, or not),
//! `chart`, `timeline`, `sensitivity`, `plan_value`, `assumptions`, then the texts cited
//! (`strategy::cited`), each in one sentence, on request; `table` draws their tables and
//! `props` is what the step receives.

mod assumptions;
mod buyer;
pub mod chart;
mod paths;
mod plan_value;
mod props;
mod sensitivity;
mod supply;
mod table;
mod timeline;

use relance_engine::strategy::params::params;
use relance_engine::strategy::{self, Milestone, PathKind, Strategy};
use relance_engine::Regime;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::unbroken::unbroken;

pub use props::StrategyProps;
pub use relance_engine::strategy::DISCLAIMER;

/// The "Stratégie" section: always its heading and disclaimer, the analysis on request.
#[function_component(StrategyStep)]
pub fn strategy_step(props: &StrategyProps) -> Html {
    let open = use_state_eq(|| false);
    let chosen = use_state_eq(|| None::<PathKind>);
    // The paths the chart draws, once the user ticks or unticks one (`None`: the default).
    let shown = use_state_eq(|| None::<Vec<PathKind>>);
    let today = props.today.or(props.computation.as_ref().map(|c| c.as_of));
    let analysis = use_memo(
        (
            *open,
            props.dossier.clone(),
            props.computation.clone(),
            today,
        ),
        |(open, dossier, computation, today)| match (open, dossier, computation, today) {
            (true, Some(d), Some(c), Some(t)) => Some(strategy::analyse(d, c, &d.strategy, *t)),
            _ => None,
        },
    );
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let public = props
        .computation
        .as_ref()
        .is_some_and(|c| c.regime == Regime::Public);
    let judged = props
        .computation
        .as_ref()
        .is_some_and(|c| c.judgment.is_some());
    let body = match (&*analysis, &props.dossier, &props.computation, today) {
        (Some(s), Some(d), Some(c), Some(today)) => {
            // A path chosen before the debtor became public (or the reverse) gives way.
            let path = (*chosen)
                .filter(|p| p.open_to(s.claim))
                .or_else(|| s.best().map(|p| p.path))
                .unwrap_or(PathKind::AmicableOnly);
            let choose = {
                let chosen = chosen.clone();
                Callback::from(move |e: Event| {
                    let select: HtmlSelectElement = e.target_unchecked_into();
                    chosen.set(PathKind::from_code(&select.value()));
                })
            };
            let timeline = strategy::timeline(path, d, c, &s.assumptions, today);
            let drawn = (*shown).clone().unwrap_or_else(|| chart::default_shown(s));
            let toggle = {
                let (shown, drawn) = (shown.clone(), drawn.clone());
                Callback::from(move |p: PathKind| {
                    let mut next = drawn.clone();
                    match next.iter().position(|q| *q == p) {
                        Some(i) => {
                            next.remove(i);
                        }
                        None => next.push(p),
                    }
                    shown.set(Some(next));
                })
            };
            let chart = chart::chart(s, &drawn, toggle);
            view(s, path, &timeline, choose, chart, props)
        }
        _ if *open => html! {
            <p class="hint">{ "L'analyse s'affiche dès que le décompte est calculé." }</p>
        },
        _ => html! {},
    };
    html! {
        <section class={if *open { "strategy" } else { "strategy no-print" }} aria-labelledby="strategy-title">
            <h2 id="strategy-title">{ "Stratégie" }</h2>
            <p class="disclaimer">
                <strong>{ DISCLAIMER }</strong>
                { if judged {
                    " Trois façons d'obtenir l'exécution de la décision, comparées entre elles et à l'abandon de la créance, avec des hypothèses que vous pouvez modifier."
                } else if public {
                    " Six façons de chercher à être payé par un acheteur public, comparées entre elles et à l'abandon de la créance, avec des hypothèses que vous pouvez modifier."
                } else {
                    " Dix façons de chercher à être payé, comparées entre elles et à l'abandon de la créance, avec des hypothèses que vous pouvez modifier."
                } }
            </p>
            <button type="button" aria-expanded={if *open { "true" } else { "false" }}
                aria-controls="strategy-body" onclick={toggle}>
                { if *open { "Masquer l'analyse" } else { "Comparer les voies de recouvrement" } }
            </button>
            <div id="strategy-body">{ body }</div>
        </section>
    }
}

/// The analysis: warnings, paths, chart, timeline, sensitivity, plan, assumptions.
fn view(
    s: &Strategy,
    path: PathKind,
    milestones: &[Milestone],
    choose: Callback<Event>,
    chart: Html,
    props: &StrategyProps,
) -> Html {
    let all = params(s.claim);
    let cited = if s.claim.judgment.is_some() {
        strategy::cited::CITED_JUDGMENT
    } else if s.claim.regime == Regime::Public {
        strategy::cited::CITED_PUBLIC
    } else {
        strategy::cited::CITED
    };
    html! {
        <>
            if s.claim.judgment.is_some() {
                <p class="note" data-testid="strategy-judgment">
                    { "Après la décision : seule son exécution est comparée, par la lettre qui demande de payer puis la saisie-attribution des comptes, la saisie-attribution tout de suite, ou la saisie-vente des biens, chacune au tarif du commissaire de justice. Les intérêts de la décision sont réclamés à chaque étape." }
                </p>
            }
            if s.claim.regime == Regime::Public {
                <p class="note" data-testid="strategy-public">{ relance_engine::fr::PUBLIC_BUYER_STRATEGY }</p>
            }
            { paths::verdict(s) }
            <ul class="strategy-warnings" data-testid="strategy-warnings">
                { for s.warnings.iter().map(|w| html! { <li class="warning" data-code={w.code}>{ unbroken(&w.message) }</li> }) }
            </ul>
            { supply::supply(props) }
            if s.claim.regime == Regime::Public {
                { buyer::buyer(props) }
            }
            { paths::ranking(s, path) }
            <h3>{ "Gain net selon le montant de la créance" }</h3>
            { chart }
            { timeline::timeline(s, path, milestones, choose) }
            { sensitivity::sensitivity(s) }
            if s.claim.regime != Regime::Public {
                { plan_value::plan_value(s, &all, props) }
            }
            { assumptions::assumptions(&all, s.claim.regime, props) }
            <details class="cited" data-testid="strategy-cited">
                <summary>{ "Les textes cités, en bref" }</summary>
                <dl>
                    { for cited.iter().map(|(cited, text)| html! {
                        <><dt>{ unbroken(cited) }</dt><dd>{ unbroken(text) }</dd></>
                    }) }
                </dl>
            </details>
        </>
    }
}
