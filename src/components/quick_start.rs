//! The first screen: one invoice's amount and due date (or issue date and payment terms),
//! the kind of debtor and the calculation date. It edits the dossier's first invoice.

use std::rc::Rc;

use chrono::NaiveDate;
use relance_engine::dossier::DebtorKind;
use relance_engine::form::{due_from_terms, Checked, InvoiceForm, TERMS};
use relance_engine::{fr, parse};
use yew::prelude::*;

use super::error_of;
use super::field::{Dispatch, Field, InputKind, RadioGroup, SelectField};
use crate::state::{FieldId, InvoiceField, OptionField, Party, PartyField};

/// The payment-terms choices, "date saisie" first: an empty choice means a typed due date.
pub static TERM_CHOICES: [(&str, &str); 6] =
    [TERMS[3], TERMS[0], TERMS[1], TERMS[5], TERMS[2], TERMS[4]];

/// Said under the payment terms of a public buyer's invoice.
pub const PUBLIC_TERMS_HINT: &str = "Acheteur public : 30 jours (C. commande publique R2192-10), 50 jours pour un établissement public de santé, 60 jours pour une entreprise publique.";

/// The debtor kinds, as the engine spells them.
pub static DEBTOR_KINDS: [(&str, &str); 3] = [
    (DebtorKind::Professional.code(), "un professionnel"),
    (DebtorKind::Consumer.code(), "un particulier (consommateur)"),
    (
        DebtorKind::Public.code(),
        "un acheteur public (État, collectivité, hôpital…)",
    ),
];

/// The hint under an issue date: the due date the terms give, or that it is optional.
pub fn issue_date_hint(row: &InvoiceForm) -> AttrValue {
    if row.terms.is_empty() || row.terms == "custom" {
        return AttrValue::from("Facultative : sert aux délais et à la prescription.");
    }
    match parse::date(row.issued.trim())
        .ok()
        .and_then(|d| due_from_terms(d, &row.terms))
    {
        Some(due) => AttrValue::from(format!("Échéance : {}", fr::date(due))),
        None => AttrValue::from("L'échéance se déduit de cette date et du délai."),
    }
}

/// Whether the row's due date is typed rather than derived from its terms.
pub fn due_is_typed(row: &InvoiceForm) -> bool {
    row.terms.is_empty() || row.terms == "custom"
}

#[derive(Properties, PartialEq)]
pub struct QuickStartProps {
    /// The first invoice (empty when there is none yet).
    pub invoice: InvoiceForm,
    pub invoice_count: usize,
    pub debtor_kind: AttrValue,
    pub formal_notice_date: AttrValue,
    pub as_of: AttrValue,
    pub today: Option<NaiveDate>,
    pub checked: Rc<Checked>,
    pub dispatch: Dispatch,
}

#[function_component(QuickStart)]
pub fn quick_start(props: &QuickStartProps) -> Html {
    let dispatch = &props.dispatch;
    let row = &props.invoice;
    let invoice = |field| FieldId::Invoice(0, field);
    let err = |field| error_of(&props.checked, field);
    let today = props.today.map_or_else(String::new, fr::date);
    html! {
        <section class="quick-start" aria-labelledby="qs-title">
            <h2 id="qs-title">{ "Calcul rapide" }</h2>
            if props.invoice_count > 1 {
                <p class="note">
                    { format!("Ce dossier compte {} factures : elles se modifient dans « Dossier complet » ci-dessous.", props.invoice_count) }
                </p>
            } else {
                <div class="grid">
                    <Field field={invoice(InvoiceField::Amount)} id_prefix="qs-"
                        label="Montant TTC de la facture (€)" kind={InputKind::Amount}
                        value={row.amount.clone()} error={err(invoice(InvoiceField::Amount))}
                        dispatch={dispatch.clone()} />
                    <SelectField field={invoice(InvoiceField::Terms)} id_prefix="qs-"
                        label="Délai de paiement" options={&TERM_CHOICES[..]}
                        value={row.terms.clone()}
                        hint={(props.debtor_kind == "public").then_some(PUBLIC_TERMS_HINT)}
                        dispatch={dispatch.clone()} />
                    <Field field={invoice(InvoiceField::Issued)} id_prefix="qs-"
                        label="Date d'émission" kind={InputKind::Date}
                        value={row.issued.clone()} error={err(invoice(InvoiceField::Issued))}
                        hint={issue_date_hint(row)} dispatch={dispatch.clone()} />
                    if due_is_typed(row) {
                        <Field field={invoice(InvoiceField::Due)} id_prefix="qs-"
                            label="Date d'échéance" kind={InputKind::Date}
                            value={row.due.clone()} error={err(invoice(InvoiceField::Due))}
                            dispatch={dispatch.clone()} />
                    }
                </div>
            }
            <RadioGroup field={FieldId::Party(Party::Debtor, PartyField::Kind)} id_prefix="qs-"
                legend="Le débiteur est" options={&DEBTOR_KINDS[..]}
                value={props.debtor_kind.clone()}
                error={err(FieldId::Party(Party::Debtor, PartyField::Kind))}
                dispatch={dispatch.clone()} />
            <div class="grid">
                if props.debtor_kind == "consumer" {
                    <fieldset class="notice-sent">
                        <legend>{ "Mise en demeure déjà envoyée ?" }</legend>
                        <Field field={FieldId::Option(OptionField::FormalNoticeDate)} id_prefix="qs-"
                            label="Date de la mise en demeure" kind={InputKind::Date}
                            value={props.formal_notice_date.clone()}
                            error={err(FieldId::Option(OptionField::FormalNoticeDate))}
                            hint="Si oui, sa date : les intérêts d'un particulier courent à partir de la mise en demeure. Sinon, laissez vide : l'étape Lettre la rédige."
                            dispatch={dispatch.clone()} />
                    </fieldset>
                }
                <Field field={FieldId::AsOf} label="Calculer au" kind={InputKind::Date}
                    value={props.as_of.clone()} error={err(FieldId::AsOf)}
                    hint={AttrValue::from(format!("Vide : aujourd'hui ({today})."))}
                    dispatch={dispatch.clone()} />
            </div>
        </section>
    }
}
