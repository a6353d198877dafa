//! Every assumption, editable, with its unit, its source and how sure it is: the general ones
//! and one group per step.

use relance_engine::fr;
use relance_engine::law::Regime;
use relance_engine::strategy::params::{Param, Slot};
use relance_engine::strategy::StepKind;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::props::StrategyProps;
use crate::state::Action;

/// The « Hypothèses » block: reset, the general assumptions, then one group per step (open
/// when one of its values was changed).
pub fn assumptions(all: &[Param], regime: Regime, props: &StrategyProps) -> Html {
    let field = |p: &Param| assumption(p, props);
    let reset = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::ResetAssumptions))
    };
    let steps = StepKind::ALL.iter().map(|&step| {
        let mine: Vec<&Param> = all
            .iter()
            .filter(|p| matches!(p.slot, Slot::Step(s, _) if s == step))
            .collect();
        let changed = mine
            .iter()
            .filter(|p| props.typed.contains_key(&p.id))
            .count();
        if mine.is_empty() {
            return html! {};
        }
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
    }
}

#[inline(never)]
/// One assumption: label with its unit, the value as typed (or the default), the engine's
/// French error, and where the default comes from with how sure it is.
pub fn assumption(p: &Param, props: &StrategyProps) -> Html {
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
            <label for={dom.clone()}>{ p.label }{ p.unit.label_suffix() }</label>
            <input id={dom} type="text" inputmode="decimal" autocomplete="off"
                value={typed.cloned().unwrap_or_else(|| fr::decimal(p.default))}
                aria-invalid={error.map(|_| "true")}
                aria-describedby={if error.is_some() { format!("{error_id} {source_id}") } else { source_id.clone() }}
                {oninput} />
            if let Some(e) = error {
                <p class="error" id={error_id}>{ e }</p>
            }
            <p class="hint source" id={source_id}>
                <span class={format!("source-basis {}", p.basis.code())}>{ p.basis.label() }</span>
                { " " }{ p.source }
                { if typed.is_some() { format!(" Valeur par défaut : {}.", fr::decimal(p.default)) } else { String::new() } }
            </p>
        </div>
    }
}
