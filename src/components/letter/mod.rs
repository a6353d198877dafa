//! The "Lettre" step: the letter's kind and fields, a preview of the drafted letter whose
//! paragraphs can be edited in place (edits kept in the form, hence in the dossier file),
//! and the downloads (PDF, DOCX) and the text copy.
//!
//! One `relance_letter::Letter` feeds the preview and every file, so they cannot disagree.
//! The preview is plain Yew nodes: letter text is always escaped, never set as HTML. Files
//! are built on click only.
//!
//! `preview` draws the letter and its actions; `files` names the files.

pub mod files;
pub mod preview;

use std::rc::Rc;

use relance_engine::form::{Checked, LetterForm};
use relance_engine::letter_fields::Sending;
use relance_letter::LetterKind;
use web_sys::HtmlInputElement;
use yew::prelude::*;

pub use files::{file_stem, slug, DOCX_MIME, PDF_MIME};
use preview::Preview;

use super::error_of;
use super::field::{Dispatch, Field, InputKind, RadioGroup, SelectField};
use crate::derived::{Derived, Latest};
use crate::state::{Action, FieldId, LetterField};

static KINDS: [(&str, &str); 3] = [
    (LetterKind::FormalNotice.code(), "Mise en demeure"),
    (LetterKind::Reminder.code(), "Relance amiable"),
    (LetterKind::PaymentPlan.code(), "Proposition d'échéancier"),
];
/// A public buyer gets one letter: the request for payment (C. commande publique R2192-31 ff.),
/// drafted in place of the mise en demeure.
static PUBLIC_KINDS: [(&str, &str); 1] = [(
    LetterKind::FormalNotice.code(),
    "Demande de paiement (acheteur public)",
)];
/// After a judgment, one letter: the demand to pay before enforcement by a commissaire de
/// justice, with the décompte since the decision (C. civ. 1231-7, C. mon. fin. L313-3).
static JUDGED_KINDS: [(&str, &str); 1] = [(
    LetterKind::JudgmentExecution.code(),
    "Demande d'exécution du jugement",
)];
static SENDINGS: [(&str, &str); 4] = [
    (
        Sending::Lrar.code(),
        "Lettre recommandée avec accusé de réception",
    ),
    (Sending::Lre.code(), "Lettre recommandée électronique"),
    (Sending::Email.code(), "Courriel"),
    (Sending::Letter.code(), "Lettre simple"),
];

/// The kind chosen in the form (empty, unknown, or a judgment's letter without a judgment =
/// mise en demeure).
pub fn kind_of(code: &str) -> LetterKind {
    match LetterKind::from_code(code) {
        Some(kind) if KINDS.iter().any(|(c, _)| *c == kind.code()) => kind,
        _ => LetterKind::FormalNotice,
    }
}

#[derive(Properties, PartialEq)]
pub struct LetterProps {
    pub letter: LetterForm,
    /// The form as checked at the last keystroke: the errors beside the fields.
    pub checked: Rc<Checked>,
    /// The figures after a pause in typing (`hooks::use_settled`): the preview and the choices
    /// that depend on them.
    pub settled: Rc<Derived>,
    /// The figures of the last keystroke, for the files.
    pub latest: Latest,
    pub dispatch: Dispatch,
}

/// The "Lettre" section.
#[function_component(LetterStep)]
pub fn letter_step(props: &LetterProps) -> Html {
    let l = &props.letter;
    let dispatch = &props.dispatch;
    let id = FieldId::Letter;
    let err = |field| error_of(&props.checked, id(field));
    let public =
        matches!(&props.settled.computation, Some(c) if c.regime == relance_engine::Regime::Public);
    let judged = matches!(&props.settled.computation, Some(c) if c.judgment.is_some());
    let kind = if judged {
        LetterKind::JudgmentExecution
    } else if public {
        LetterKind::FormalNotice
    } else {
        kind_of(&l.kind)
    };
    let annex = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            dispatch.dispatch(Action::SetAnnex(input.checked()));
        })
    };
    let show_unverified = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            dispatch.dispatch(Action::SetShowUnverified(input.checked()));
        })
    };
    let keep_prescribed = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            dispatch.dispatch(Action::SetKeepPrescribed(input.checked()));
        })
    };
    let prescribed = props.settled.computation.as_ref().is_some_and(|c| {
        c.invoices.iter().any(|i| {
            i.prescription.is_some_and(|t| {
                t.status(c.as_of) == relance_engine::law::prescription::Status::Prescribed
            })
        })
    });
    // The consumer mediator is for a consumer's letters, the terms-of-sale clause for a trader's.
    let b2c = props
        .settled
        .computation
        .as_ref()
        .is_some_and(|c| c.regime == relance_engine::Regime::B2c);
    let unverified = props.settled.computation.as_ref().is_some_and(|c| {
        c.invoices
            .iter()
            .flat_map(|i| &i.segments)
            .any(|s| s.rate.status == relance_engine::rates::Status::Unverified)
    });
    let text = |field: LetterField, label: &'static str, value: &String| {
        let needed = props
            .checked
            .letter_blank(&id(field).path())
            .then(|| AttrValue::from(super::parties::LETTER_NEEDS_IT));
        html! {
            <Field field={id(field)} label={label} value={value.clone()}
                error={err(field)} hint={needed} dispatch={dispatch.clone()} />
        }
    };
    html! {
        <section class="letter" aria-labelledby="letter-title">
            <h2 id="letter-title">{ "Lettre" }</h2>
            if judged {
                <RadioGroup field={id(LetterField::Kind)} legend="Type de lettre"
                    options={&JUDGED_KINDS[..]} value={kind.code()} dispatch={dispatch.clone()} />
                <p class="hint" data-testid="letter-judgment">
                    { "Après une décision, la lettre demande de payer ce qu'elle condamne à payer, avant son exécution forcée par un commissaire de justice." }
                </p>
            } else if public {
                <RadioGroup field={id(LetterField::Kind)} legend="Type de lettre"
                    options={&PUBLIC_KINDS[..]} value={kind.code()} dispatch={dispatch.clone()} />
                <p class="hint" data-testid="letter-public">{ relance_engine::fr::PUBLIC_BUYER_LETTER }</p>
            } else {
                <RadioGroup field={id(LetterField::Kind)} legend="Type de lettre"
                    options={&KINDS[..]} value={l.kind.clone()} dispatch={dispatch.clone()} />
            }
            <fieldset class="letter-fields">
                <legend>{ "Ce que la lettre doit dire" }</legend>
                <div class="grid">
                    { text(LetterField::Place, "Lieu (ville)", &l.place) }
                    { text(LetterField::Signatory, "Signataire", &l.signatory) }
                    { text(LetterField::Capacity, "Qualité du signataire", &l.capacity) }
                    <Field field={id(LetterField::DeadlineDays)} label="Délai accordé au débiteur (jours après réception)"
                        kind={InputKind::Count} value={l.deadline_days.clone()}
                        error={err(LetterField::DeadlineDays)} dispatch={dispatch.clone()} />
                    <SelectField field={id(LetterField::Sending)} label="Mode d'envoi"
                        options={&SENDINGS[..]} value={l.sending.clone()} dispatch={dispatch.clone()} />
                    if matches!(Sending::from_code(&l.sending).unwrap_or_default(), Sending::Lrar | Sending::Lre) {
                        { text(LetterField::TrackingNumber, "N° de recommandé (LRAR / LRE)", &l.tracking_number) }
                    }
                    { text(LetterField::Iban, "IBAN", &l.iban) }
                    { text(LetterField::Bic, "BIC", &l.bic) }
                    { text(LetterField::ContractReference, "Référence du contrat, devis ou commande", &l.contract_reference) }
                    if b2c {
                        <Field field={id(LetterField::ConsumerMediator)} label="Médiateur de la consommation"
                            value={l.consumer_mediator.clone()} error={err(LetterField::ConsumerMediator)}
                            hint="Nom et coordonnées (C. conso. L616-1) ; cité dans la lettre."
                            dispatch={dispatch.clone()} />
                    } else {
                        <Field field={id(LetterField::TermsReference)} label="Clause des conditions générales (pénalités, indemnité)"
                            value={l.terms_reference.clone()} error={err(LetterField::TermsReference)}
                            hint="Par exemple « article 9 de nos conditions générales de vente » ; citée dans la lettre."
                            dispatch={dispatch.clone()} />
                    }
                    <Field field={id(LetterField::Reminders)} label="Relances déjà envoyées (dates)"
                        value={l.reminders.clone()} error={err(LetterField::Reminders)}
                        hint="JJ/MM/AAAA, séparées par des virgules."
                        dispatch={dispatch.clone()} />
                    if kind == LetterKind::PaymentPlan {
                        <Field field={id(LetterField::PlanInstalments)} label="Nombre d'échéances"
                            kind={InputKind::Count} value={l.plan_instalments.clone()}
                            error={err(LetterField::PlanInstalments)} dispatch={dispatch.clone()} />
                        <Field field={id(LetterField::PlanFirstDate)} label="Date de la première échéance"
                            kind={InputKind::Date} value={l.plan_first_date.clone()}
                            error={err(LetterField::PlanFirstDate)}
                            hint="Vide : un mois après la lettre." dispatch={dispatch.clone()} />
                        <Field field={id(LetterField::PlanIntervalMonths)} label="Intervalle (mois)"
                            kind={InputKind::Count} value={l.plan_interval_months.clone()}
                            error={err(LetterField::PlanIntervalMonths)} dispatch={dispatch.clone()} />
                        <Field field={id(LetterField::PlanTotal)} label="Montant à échelonner (€)"
                            kind={InputKind::Amount} value={l.plan_total.clone()}
                            error={err(LetterField::PlanTotal)}
                            hint="Vide : le total dû." dispatch={dispatch.clone()} />
                    }
                </div>
                <div class="checkbox">
                    <input type="checkbox" id="f-letter-annex" checked={l.annex} onchange={annex} />
                    <label for="f-letter-annex">{ "Joindre le décompte en annexe" }</label>
                </div>
                if prescribed {
                    <div class="checkbox">
                        <input type="checkbox" id="f-letter-keep_prescribed" checked={l.keep_prescribed}
                            onchange={keep_prescribed} />
                        <label for="f-letter-keep_prescribed">
                            { "Maintenir dans la lettre les factures qui semblent prescrites" }
                        </label>
                    </div>
                }
                if unverified {
                    <div class="checkbox">
                        <input type="checkbox" id="f-letter-show_unverified" checked={l.show_unverified}
                            onchange={show_unverified} />
                        <label for="f-letter-show_unverified">
                            { "Garder dans la lettre la mention « non vérifié » des taux non confirmés" }
                        </label>
                    </div>
                }
            </fieldset>
            {
                match (&props.settled.dossier, &props.settled.computation) {
                    (Some(dossier), Some(computation)) => html! {
                        <Preview {kind} annex={l.annex} dossier={dossier.clone()}
                            checked={props.settled.checked.clone()}
                            computation={computation.clone()} edits={l.edits.clone()}
                            latest={props.latest.clone()} dispatch={dispatch.clone()} />
                    },
                    _ => html! {
                        <p class="hint">{ "La lettre s'affiche dès que le décompte est calculé." }</p>
                    },
                }
            }
        </section>
    }
}
