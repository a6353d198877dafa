//! Every invoice of the dossier, one `<fieldset>` per row, with add, duplicate and remove.
//!
//! Rows are components with comparable props, so typing in one row re-renders only that row.

use std::rc::Rc;

use relance_engine::form::{Checked, InvoiceForm};
use yew::prelude::*;

use super::error_of;
use super::field::{Dispatch, Field, InputKind, SelectField};
use super::quick_start::{due_is_typed, issue_date_hint, TERM_CHOICES};
use crate::hooks::use_focus_added_row::use_focus_added_row;
use crate::state::{Action, FieldId, InvoiceField};

const FIELDS: [InvoiceField; 6] = [
    InvoiceField::Number,
    InvoiceField::Issued,
    InvoiceField::Terms,
    InvoiceField::Due,
    InvoiceField::Amount,
    InvoiceField::Delivered,
];

#[derive(Properties, PartialEq)]
pub struct InvoiceListProps {
    pub invoices: Vec<InvoiceForm>,
    pub checked: Rc<Checked>,
    pub dispatch: Dispatch,
}

#[function_component(InvoiceList)]
pub fn invoice_list(props: &InvoiceListProps) -> Html {
    use_focus_added_row(props.invoices.len(), false, |i| {
        FieldId::Invoice(i, InvoiceField::Number).dom_id()
    });
    let add = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::AddInvoice))
    };
    html! {
        <section class="invoices" aria-labelledby="invoices-title">
            <h3 id="invoices-title">{ format!("Factures ({})", props.invoices.len()) }</h3>
            { for props.invoices.iter().enumerate().map(|(index, row)| {
                let errors = FIELDS.map(|f| error_of(&props.checked, FieldId::Invoice(index, f)));
                html! {
                    <InvoiceRow key={index} {index} row={row.clone()} {errors}
                        dispatch={props.dispatch.clone()} />
                }
            }) }
            <button type="button" onclick={add}>{ "Ajouter une facture" }</button>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct InvoiceRowProps {
    pub index: usize,
    pub row: InvoiceForm,
    /// The engine's messages, in the order of `FIELDS`.
    pub errors: [Option<AttrValue>; 6],
    pub dispatch: Dispatch,
}

#[function_component(InvoiceRow)]
pub fn invoice_row(props: &InvoiceRowProps) -> Html {
    let InvoiceRowProps {
        index,
        row,
        errors,
        dispatch,
    } = props;
    let index = *index;
    let n = index + 1;
    let id = |field| FieldId::Invoice(index, field);
    let [e_number, e_issued, e_terms, e_due, e_amount, e_delivered] = errors.clone();
    let on = |action: Action| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(action.clone()))
    };
    html! {
        <fieldset class="row">
            <legend>{ format!("Facture {n}") }</legend>
            <div class="grid">
                <Field field={id(InvoiceField::Number)} label="N° de facture" value={row.number.clone()}
                    error={e_number} dispatch={dispatch.clone()} />
                <Field field={id(InvoiceField::Amount)} label="Montant TTC (€)" kind={InputKind::Amount}
                    value={row.amount.clone()} error={e_amount} dispatch={dispatch.clone()} />
                <SelectField field={id(InvoiceField::Terms)} label="Délai de paiement"
                    options={&TERM_CHOICES[..]} value={row.terms.clone()} error={e_terms}
                    dispatch={dispatch.clone()} />
                <Field field={id(InvoiceField::Issued)} label="Date d'émission" kind={InputKind::Date}
                    value={row.issued.clone()} error={e_issued} hint={issue_date_hint(row)}
                    dispatch={dispatch.clone()} />
                if due_is_typed(row) {
                    <Field field={id(InvoiceField::Due)} label="Date d'échéance" kind={InputKind::Date}
                        value={row.due.clone()} error={e_due} dispatch={dispatch.clone()} />
                }
                <Field field={id(InvoiceField::Delivered)} label="Livraison ou fin de la prestation"
                    kind={InputKind::Date} value={row.delivered.clone()} error={e_delivered}
                    hint="Facultative : la prescription court de cette date (à défaut, de la facture)."
                    dispatch={dispatch.clone()} />
            </div>
            <div class="row-actions">
                <button type="button" onclick={on(Action::DuplicateInvoice(index))}>
                    { "Dupliquer" }<span class="sr-only">{ format!(" la facture {n}") }</span>
                </button>
                <button type="button" class="danger" onclick={on(Action::RemoveInvoice(index))}>
                    { "Supprimer" }<span class="sr-only">{ format!(" la facture {n}") }</span>
                </button>
            </div>
        </fieldset>
    }
}
