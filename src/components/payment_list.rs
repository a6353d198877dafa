//! Partial payments and credit notes: date, amount and the invoice they settle (chosen among
//! the dossier's invoices; none lets the imputation rules choose).

use std::rc::Rc;

use relance_engine::form::{Checked, PaymentForm};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::error_of;
use super::field::{Dispatch, Field, InputKind};
use crate::hooks::use_focus_added_row::use_focus_added_row;
use crate::state::{Action, FieldId, Flow, FlowField};

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
        Flow::Acknowledgment => Words {
            title: "Reconnaissances de dette",
            row: "Reconnaissance",
            date: "Date de la reconnaissance écrite",
            amount: "",
            the_row: "la reconnaissance",
            add: "Ajouter une reconnaissance de dette",
            empty: "Aucune : un écrit du débiteur reconnaissant la dette (C. civ. 2240) fait repartir la prescription, comme un paiement.",
        },
    }
}

#[derive(Properties, PartialEq)]
pub struct FlowListProps {
    pub flow: Flow,
    pub rows: Vec<PaymentForm>,
    /// The dossier's invoice numbers.
    pub invoices: Rc<Vec<String>>,
    pub checked: Rc<Checked>,
    pub dispatch: Dispatch,
}

#[function_component(FlowList)]
pub fn flow_list(props: &FlowListProps) -> Html {
    let w = words(props.flow);
    let flow = props.flow;
    use_focus_added_row(props.rows.len(), true, move |i| {
        FieldId::Flow(flow, i, FlowField::Date).dom_id()
    });
    let add = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::AddFlow(flow)))
    };
    let title_id = match flow {
        Flow::Payment => "payments-title",
        Flow::CreditNote => "credit-notes-title",
        Flow::Acknowledgment => "acknowledgments-title",
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
                        invoices={props.invoices.clone()}
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
    pub invoices: Rc<Vec<String>>,
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
                if flow != Flow::Acknowledgment {
                    <Field field={id(FlowField::Amount)} label={w.amount} kind={InputKind::Amount}
                        value={props.row.amount.clone()} error={e_amount} dispatch={dispatch.clone()} />
                }
                { invoice_choice(id(FlowField::Invoice), &props.row.invoice, &props.invoices, e_invoice, flow, dispatch) }
            </div>
            <div class="row-actions">
                <button type="button" class="danger" onclick={remove}>
                    { "Supprimer" }<span class="sr-only">{ format!(" {} {n}", w.the_row) }</span>
                </button>
            </div>
        </fieldset>
    }
}

/// « Facture concernée »: one of the dossier's invoices, or none (the imputation rules choose).
/// A number that matches no invoice (from an imported file) stays selected, named as unknown.
fn invoice_choice(
    field: FieldId,
    current: &str,
    invoices: &[String],
    error: Option<AttrValue>,
    flow: Flow,
    dispatch: &Dispatch,
) -> Html {
    let id = field.dom_id();
    let current = current.trim();
    let unknown =
        (!current.is_empty() && !invoices.iter().any(|n| n == current)).then(|| current.to_owned());
    let onchange = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            dispatch.dispatch(Action::Edit(field, select.value()));
        })
    };
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    let describedby = match error {
        Some(_) => format!("{hint_id} {error_id}"),
        None => hint_id.clone(),
    };
    html! {
        <div class={classes!("field", error.is_some().then_some("invalid"))}>
            <label for={id.clone()}>{ "Facture concernée (n°)" }</label>
            <select id={id} ~value={wasm_bindgen::JsValue::from_str(current)}
                aria-invalid={error.is_some().then_some("true")}
                aria-describedby={describedby} {onchange}>
                <option value="" selected={current.is_empty()}>{ "Aucune en particulier" }</option>
                { for invoices.iter().map(|n| html! {
                    <option value={n.clone()} selected={n == current}>{ n.clone() }</option>
                }) }
                if let Some(n) = unknown {
                    <option value={n.clone()} selected=true>{ format!("{n} (facture inconnue)") }</option>
                }
            </select>
            <p class="hint" id={hint_id}>{ if flow == Flow::Acknowledgment {
                "Aucune : toutes les factures émises à cette date."
            } else {
                "Aucune : imputé sur la facture échue la première."
            } }</p>
            if let Some(error) = error {
                <p class="error" id={error_id}>{ error }</p>
            }
        </div>
    }
}
