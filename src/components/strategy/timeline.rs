//! « Que faire maintenant »: the path followed, chosen in a list, and its dated milestones.

use relance_engine::fr;
use relance_engine::strategy::report::milestone_kind_code;
use relance_engine::strategy::{Milestone, MilestoneKind, PathKind, StepKind, Strategy};
use yew::prelude::*;

use crate::components::form_errors::element_link;

/// The step of the page that drafts a milestone's document, and the link's words.
fn document_link(step: Option<StepKind>) -> Option<(&'static str, &'static str)> {
    match step? {
        StepKind::PaymentOrder => Some(("step-procedure", "Préparer la requête (étape Procédure)")),
        StepKind::Reminder
        | StepKind::FormalNotice
        | StepKind::PaymentRequest
        | StepKind::ExecutionDemand => Some(("step-letter", "Préparer la lettre (étape Lettre)")),
        _ => None,
    }
}

/// The path chooser and the dated plan of `path`.
pub fn timeline(
    s: &Strategy,
    path: PathKind,
    milestones: &[Milestone],
    choose: Callback<Event>,
) -> Html {
    html! {
        <>
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
                { for milestones.iter().map(|m| {
                    let code = milestone_kind_code(m.kind);
                    html! {
                        <li class={format!("milestone {code}")} data-kind={code}>
                            <time datetime={m.date.to_string()}>{ fr::date(m.date) }</time>
                            <span class="kind">{ m.kind.label() }</span>
                            <strong>{ &m.title }</strong>
                            <p>{ &m.detail }</p>
                            if let Some((id, text)) = document_link(m.step).filter(|_| m.kind == MilestoneKind::Action) {
                                <p class="milestone-link">{ element_link(id.into(), text.into(), None, None) }</p>
                            }
                        </li>
                    }
                }) }
            </ol>
        </>
    }
}
