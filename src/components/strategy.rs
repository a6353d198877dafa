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

use std::collections::BTreeMap;
use std::rc::Rc;

use chrono::NaiveDate;
use relance_engine::form::Checked;
use relance_engine::strategy::params::{params, Param, Slot};
use relance_engine::strategy::{self, MilestoneKind, PathKind, StepKind, Strategy, Unit};
use relance_engine::{fr, Computation, Dossier};
use rust_decimal::Decimal;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::chart::{chart, euros};
use super::field::Dispatch;
use crate::state::Action;

pub use relance_engine::strategy::DISCLAIMER;

/// A decimal as a French user types it: `6,11`, `0,5`, `1100`.
pub fn decimal_text(value: Decimal) -> String {
    value.normalize().to_string().replace('.', ",")
}

/// `65 %`, `112,9 %`.
fn percent(value: Decimal, dp: u32) -> String {
    format!("{} %", decimal_text(value.round_dp(dp)))
}

/// `45 j`, or `165 j (≈ 5,4 mois)` from two months on.
fn delay(days: Option<Decimal>) -> String {
    match days {
        None => "—".to_owned(),
        Some(d) if d < Decimal::from(60) => format!("{} j", d.round()),
        Some(d) => format!(
            "{} j (≈ {} mois)",
            d.round(),
            decimal_text((d / Decimal::new(304, 1)).round_dp(1))
        ),
    }
}

fn unit_text(unit: Unit) -> &'static str {
    match unit {
        Unit::Euro => " (€)",
        Unit::Percent => " (%)",
        Unit::PercentPerYear => " (% par an)",
        Unit::Hours => " (heures)",
        Unit::Days => " (jours)",
        Unit::EuroPerHour => " (€ de l'heure)",
        Unit::Count => "",
    }
}

/// A table row: code, class, header cell, other cells.
pub type Row = (&'static str, &'static str, Html, Vec<String>);

/// A table (class and `data-testid` `testid`) in its own scrolling region. A header starting
/// with `#` marks a right-aligned (numeric) column. Each row: its code (`data-path`, and
/// `data-testid` `<row>-<code>`), a class, its header cell and its other cells; a single cell
/// spans the row.
#[inline(never)]
pub fn table(
    testid: &'static str,
    row: &'static str,
    caption: &str,
    cols: &[&'static str],
    rows: Vec<Row>,
) -> Html {
    let cols: Vec<(&str, &str)> = cols
        .iter()
        .map(|c| match c.strip_prefix('#') {
            Some(c) => (c, "num"),
            None => (*c, ""),
        })
        .collect();
    let span = cols.len().saturating_sub(1).to_string();
    html! {
        <div class="table-wrap" tabindex="0" role="region" aria-label={caption.to_owned()}>
            <table class={testid} data-testid={testid}>
                <caption>{ caption }</caption>
                <thead><tr>{ for cols.iter().map(|(c, class)| html! { <th scope="col" class={*class}>{ *c }</th> }) }</tr></thead>
                <tbody>
                    { for rows.into_iter().map(|(code, class, head, cells)| {
                        let one = cells.len() == 1 && cols.len() > 2;
                        html! {
                            <tr {class} data-path={code} data-testid={format!("{row}-{code}")}>
                                <th scope="row">{ head }</th>
                                { for cells.into_iter().zip(cols.iter().skip(1)).map(|(cell, (label, class))| html! {
                                    <td class={*class} data-label={*label} colspan={one.then(|| span.clone())}>{ cell }</td>
                                }) }
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct StrategyProps {
    pub dossier: Option<Rc<Dossier>>,
    pub computation: Option<Rc<Computation>>,
    /// Today, from the browser's clock (`None`: the calculation date is used).
    pub today: Option<NaiveDate>,
    /// The assumptions as typed (`form.strategy`).
    pub typed: BTreeMap<String, String>,
    pub checked: Rc<Checked>,
    pub dispatch: Dispatch,
}

/// The "Stratégie" section: always its heading and disclaimer, the analysis on request.
#[function_component(StrategyStep)]
pub fn strategy_step(props: &StrategyProps) -> Html {
    let open = use_state_eq(|| false);
    let chosen = use_state_eq(|| None::<PathKind>);
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
    let body = match (&*analysis, &props.dossier, &props.computation, today) {
        (Some(s), Some(d), Some(c), Some(today)) => {
            let path = (*chosen)
                .or_else(|| s.best().map(|p| p.path))
                .unwrap_or(PathKind::FormalNotice);
            let choose = {
                let chosen = chosen.clone();
                Callback::from(move |e: Event| {
                    let select: HtmlSelectElement = e.target_unchecked_into();
                    chosen.set(PathKind::from_code(&select.value()));
                })
            };
            let timeline = strategy::timeline(path, d, c, &s.assumptions, today);
            view(s, path, &timeline, choose, props)
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
                { " Dix façons de chercher à être payé, comparées avec des hypothèses que vous pouvez modifier." }
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
    timeline: &[strategy::Milestone],
    choose: Callback<Event>,
    props: &StrategyProps,
) -> Html {
    let regime = s.claim.regime;
    let all = params(regime);
    let field = |p: &Param| assumption(p, props);
    let reset = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::ResetAssumptions))
    };
    let plan = &s.plan;
    let best = s.best();
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
                <details class="path-details">
                    <summary>{ format!("Étapes et points d'attention ({})", r.warnings.len()) }</summary>
                    <p>{ r.path.steps().iter().map(|st| st.label(regime)).collect::<Vec<_>>().join(" → ") }</p>
                    <ul>{ for r.warnings.iter().map(|w| html! { <li data-code={w.code}>{ &w.message }</li> }) }</ul>
                </details>
            </>
        };
        let cells = if r.eligible {
            vec![
                fr::amount(o.expected_net),
                percent(o.net_percent, 1),
                percent(o.probability_paid * Decimal::ONE_HUNDRED, 0),
                delay(o.expected_days),
                fr::amount(o.cost_at_risk),
                fr::amount(o.best_case),
                fr::amount(o.worst_case),
            ]
        } else {
            vec![format!("Voie fermée : {}.", r.blocked.join(" ; "))]
        };
        let class = match (r.eligible, r.path == path) {
            (false, true) => "closed chosen",
            (false, false) => "closed",
            (true, true) => "chosen",
            (true, false) => "",
        };
        (r.path.code(), class, head, cells)
    }).collect();
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
            percent(plan.equivalent_discount, 1),
        ),
    ];
    let steps = StepKind::ALL.iter().map(|&step| {
        let mine: Vec<&Param> = all
            .iter()
            .filter(|p| matches!(p.slot, Slot::Step(s, _) if s == step))
            .collect();
        let changed = mine
            .iter()
            .filter(|p| props.typed.contains_key(&p.id))
            .count();
        let label = step.label(regime);
        html! {
            <details class="assumption-group" data-step={step.code()} open={changed > 0}>
                <summary>
                    { match changed {
                        0 => label.to_owned(),
                        1 => format!("{label} (1 valeur modifiée)"),
                        n => format!("{label} ({n} valeurs modifiées)"),
                    } }
                </summary>
                <div class="grid">{ for mine.into_iter().map(field) }</div>
            </details>
        }
    });
    html! {
        <>
            <ul class="strategy-warnings" data-testid="strategy-warnings">
                { for s.warnings.iter().map(|w| html! { <li class="warning" data-code={w.code}>{ &w.message }</li> }) }
            </ul>
            if let Some(b) = best {
                <p class="strategy-best" data-testid="strategy-best">
                    { "Selon vos hypothèses, la voie la plus rentable est : " }
                    <strong>{ b.path.label() }</strong>
                    { format!(" — gain net espéré {} ({} de la créance).", fr::amount(b.outcome.expected_net), percent(b.outcome.net_percent, 1)) }
                </p>
            }
            { table(
                "strategy-table",
                "strategy-row",
                &format!("Les voies de recouvrement pour une créance de {}, de la plus rentable à la moins rentable", euros(s.claim.total())),
                &["Voie", "#Gain net espéré", "#% de la créance", "#Chance d'être payé", "#Délai moyen d'encaissement", "#Coût en jeu", "#Meilleur cas", "#Pire cas"],
                paths,
            ) }
            <h3>{ "Gain net selon le montant de la créance" }</h3>
            { chart(s) }

            <h3 id="timeline-title">{ "Que faire maintenant" }</h3>
            <div class="field timeline-path">
                <label for="strategy-path">{ "Voie suivie" }</label>
                <select id="strategy-path" onchange={choose}
                    ~value={wasm_bindgen::JsValue::from_str(path.code())}>
                    { for s.paths.iter().map(|p| html! {
                        <option value={p.path.code()} selected={p.path == path}>
                            { p.path.label() }{ if p.eligible { "" } else { " (fermée)" } }
                        </option>
                    }) }
                </select>
            </div>
            <ol class="timeline" data-testid="timeline" aria-labelledby="timeline-title">
                { for timeline.iter().map(|m| {
                    let (code, label) = match m.kind {
                        MilestoneKind::Action => ("action", "À faire"),
                        MilestoneKind::Deadline => ("deadline", "Date limite"),
                        MilestoneKind::Done => ("done", "Fait"),
                        MilestoneKind::Prescription => ("prescription", "Prescription"),
                    };
                    html! {
                        <li class={format!("milestone {code}")} data-kind={code}>
                            <time datetime={m.date.to_string()}>{ fr::date(m.date) }</time>
                            <span class="kind">{ label }</span>
                            <strong>{ &m.title }</strong>
                            <p>{ &m.detail }</p>
                        </li>
                    }
                }) }
            </ol>

            <h3>{ "Si les hypothèses bougent" }</h3>
            { table("sensitivity-table", "scenario", "Meilleure voie selon le scénario", &["Scénario", "Meilleure voie", "#Gain net espéré", "Meilleure voie changée ?"], scenarios) }

            <h3>{ "Échéancier ou paiement immédiat" }</h3>
            <p class="note">{ "Ce que vaut aujourd'hui un échéancier du principal, selon le nombre d'échéances, leur rythme, le risque que le débiteur s'arrête et votre coût de l'argent (hypothèses générales)." }</p>
            <dl class="figures" data-testid="plan-value">
                { for figures.into_iter().map(|(dt, dd)| html! { <div><dt>{ dt }</dt><dd class="amount">{ dd }</dd></div> }) }
            </dl>
            <div class="grid assumptions">{ for all.iter().filter(|p| p.id.starts_with("plan.")).map(field) }</div>

            <div class="assumptions" data-testid="assumptions">
                <h3>{ "Hypothèses" }</h3>
                <p class="note">{ "Chaque valeur indique d'où elle vient. Modifiez-la : le classement, le graphique et le calendrier suivent aussitôt. Vos valeurs sont gardées dans le dossier." }</p>
                <button type="button" onclick={reset} disabled={props.typed.is_empty()}>
                    { "Rétablir les valeurs par défaut" }
                </button>
                <h4>{ "Hypothèses générales" }</h4>
                <div class="grid">
                    { for all.iter().filter(|p| matches!(p.slot, Slot::Global(_)) && !p.id.starts_with("plan.")).map(field) }
                </div>
                <h4>{ "Par étape" }</h4>
                { for steps }
            </div>
        </>
    }
}

#[inline(never)]
/// One assumption: label with its unit, the value as typed (or the default), the engine's
/// French error, and where the default comes from with how sure it is.
fn assumption(p: &Param, props: &StrategyProps) -> Html {
    let dom = format!("a-{}", p.id.replace('.', "-"));
    let typed = props.typed.get(&p.id);
    let error = props.checked.error(&format!("strategy.{}", p.id));
    let (source_id, error_id) = (format!("{dom}-source"), format!("{dom}-error"));
    let oninput = {
        let dispatch = props.dispatch.clone();
        let id = p.id.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            dispatch.dispatch(Action::EditAssumption(id.clone(), input.value()));
        })
    };
    let class = match (error.is_some(), typed.is_some()) {
        (true, _) => "field invalid",
        (false, true) => "field changed",
        (false, false) => "field",
    };
    html! {
        <div {class} data-param={p.id.clone()}>
            <label for={dom.clone()}>{ p.label }{ unit_text(p.unit) }</label>
            <input id={dom} type="text" inputmode="decimal" autocomplete="off"
                value={typed.cloned().unwrap_or_else(|| decimal_text(p.default))}
                aria-invalid={error.map(|_| "true")}
                aria-describedby={if error.is_some() { format!("{error_id} {source_id}") } else { source_id.clone() }}
                {oninput} />
            if let Some(e) = error {
                <p class="error" id={error_id}>{ e }</p>
            }
            <p class="hint source" id={source_id}>
                <span class={format!("basis {}", p.basis.code())}>{ p.basis.label() }</span>
                { " " }{ p.source }
                { if typed.is_some() { format!(" Valeur par défaut : {}.", decimal_text(p.default)) } else { String::new() } }
            </p>
        </div>
    }
}
