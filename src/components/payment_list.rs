//! Partial payments and credit notes: date, amount and the invoice they settle (typed, with
//! the dossier's invoice numbers suggested; empty lets the imputation rules choose).

use std::rc::Rc;

use relance_engine::form::{Checked, PaymentForm};
use yew::prelude::*;

use super::error_of;
use super::field::{Dispatch, Field, InputKind};
use crate::hooks::use_focus_added_row::use_focus_added_row;
use crate::state::{Action, FieldId, Flow, FlowField};

/// Id of the `<datalist>` of invoice numbers.
pub const INVOICE_NUMBERS: &str = "invoice-numbers";

/// The words of one list.
struct Words {
    title: &'static str,
    row: &'static str,
    date: &'static str,
    amount: &'static str,
    the_row: &'static str,
    add: &'static str,
    empty: &'static str,
}

fn words(flow: Flow) -> Words {
    match flow {
        Flow::Payment => Words {
            title: "Paiements partiels",
            row: "Paiement",
            date: "Date du paiement",
            amount: "Montant payé (€)",
            the_row: "le paiement",
            add: "Ajouter un paiement",
            empty: "Aucun paiement.",
        },
        Flow::CreditNote => Words {
            title: "Avoirs",
            row: "Avoir",
            date: "Date de l'avoir",
            amount: "Montant de l'avoir (€)",
            the_row: "l'avoir",
            add: "Ajouter un avoir",
            empty: "Aucun avoir.",
        },
    }
}

#[derive(Properties, PartialEq)]
pub struct FlowListProps {
    pub flow: Flow,
    pub rows: Vec<PaymentForm>,
    pub checked: Rc<Checked>,
    pub dispatch: Dispatch,
}

#[function_component(FlowList)]
pub fn flow_list(props: &FlowListProps) -> Html {
    let w = words(props.flow);
    let flow = props.flow;
    use_focus_added_row(props.rows.len(), move |i| {
        FieldId::Flow(flow, i, FlowField::Date).dom_id()
    });
    let add = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::AddFlow(flow)))
    };
    let title_id = match flow {
        Flow::Payment => "payments-title",
        Flow::CreditNote => "credit-notes-title",
    };
    html! {
        <section class="flows" aria-labelledby={title_id}>
            <h3 id={title_id}>{ w.title }</h3>
            if props.rows.is_empty() {
                <p class="note">{ w.empty }</p>
            }
            { for props.rows.iter().enumerate().map(|(index, row)| {
                let errors = [FlowField::Date, FlowField::Amount, FlowField::Invoice]
                    .map(|f| error_of(&props.checked, FieldId::Flow(flow, index, f)));
                html! {
                    <FlowRow key={index} {flow} {index} row={row.clone()} {errors}
                        dispatch={props.dispatch.clone()} />
                }
            }) }
            <button type="button" onclick={add}>{ w.add }</button>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct FlowRowProps {
    pub flow: Flow,
    pub index: usize,
    pub row: PaymentForm,
    /// Date, amount and invoice messages.
    pub errors: [Option<AttrValue>; 3],
    pub dispatch: Dispatch,
}

#[function_component(FlowRow)]
pub fn flow_row(props: &FlowRowProps) -> Html {
    let w = words(props.flow);
    let (flow, index) = (props.flow, props.index);
    let n = index + 1;
    let id = |field| FieldId::Flow(flow, index, field);
    let [e_date, e_amount, e_invoice] = props.errors.clone();
    let dispatch = &props.dispatch;
    let remove = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::RemoveFlow(flow, index)))
    };
    let date_hint = (flow == Flow::CreditNote).then_some(AttrValue::from("Facultative."));
    html! {
        <fieldset class="row">
            <legend>{ format!("{} {n}", w.row) }</legend>
            <div class="grid">
                <Field field={id(FlowField::Date)} label={w.date} kind={InputKind::Date}
                    value={props.row.date.clone()} error={e_date} hint={date_hint}
                    dispatch={dispatch.clone()} />
                <Field field={id(FlowField::Amount)} label={w.amount} kind={InputKind::Amount}
                    value={props.row.amount.clone()} error={e_amount} dispatch={dispatch.clone()} />
                <Field field={id(FlowField::Invoice)} label="Facture concernée (n°)"
                    value={props.row.invoice.clone()} error={e_invoice}
                    list={AttrValue::from(INVOICE_NUMBERS)}
                    hint="Vide : imputée sur la facture échue la première."
                    dispatch={dispatch.clone()} />
            </div>
            <div class="row-actions">
                <button type="button" class="danger" onclick={remove}>
                    { "Supprimer" }<span class="sr-only">{ format!(" {} {n}", w.the_row) }</span>
                </button>
            </div>
        </fieldset>
    }
}
