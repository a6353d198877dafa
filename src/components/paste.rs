//! Invoices, payments and credit notes from a spreadsheet: rows pasted from Excel/LibreOffice
//! (tab separated) or a CSV file read in the browser. The engine's `paste::parse_for` reads
//! them; this shows what it understood and every rejected line ("ligne N : raison") before
//! anything is added.

use relance_engine::form::{InvoiceForm, PaymentForm, TERMS};
use relance_engine::paste::{self, Pasted};
use relance_engine::{fr, money, parse};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::field::Dispatch;
use crate::state::Action;
use crate::web;

#[derive(Properties, PartialEq)]
pub struct PasteProps {
    pub dispatch: Dispatch,
    /// The dossier's invoices: a pasted payment whose number is one of theirs pays it.
    pub invoices: Vec<InvoiceForm>,
}

fn read(text: &str, invoices: &[InvoiceForm]) -> Pasted {
    let numbers: Vec<String> = invoices.iter().map(|i| i.number.clone()).collect();
    paste::parse_for(text, &numbers)
}

/// « 2 factures, 1 paiement et 1 avoir ajoutés au dossier. »
fn added_text(p: &Pasted) -> String {
    let parts: Vec<String> = [
        (p.rows.len(), "facture"),
        (p.payments.len(), "paiement"),
        (p.credit_notes.len(), "avoir"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, word)| format!("{n} {word}{}", if *n > 1 { "s" } else { "" }))
    .collect();
    let feminine = if p.len() == p.rows.len() { "e" } else { "" };
    let plural = if p.len() > 1 { "s" } else { "" };
    format!(
        "{} ajouté{feminine}{plural} au dossier.",
        fr::join_and(&parts)
    )
}

/// A date of a pasted row, in French if it reads as one.
fn date_text(raw: &str) -> String {
    parse::date(raw).map_or_else(|_| raw.to_owned(), fr::date)
}

/// The due date of a pasted row, or its payment terms.
fn due_text(row: &InvoiceForm) -> String {
    match TERMS
        .iter()
        .find(|(code, _)| *code == row.terms && *code != "custom")
    {
        Some((_, label)) => format!("à {label}"),
        None => date_text(&row.due),
    }
}

fn amount_text(raw: &str) -> String {
    money::parse_amount(raw).map_or_else(|_| raw.to_owned(), |a| fr::amount(a.get()))
}

#[function_component(Paste)]
pub fn paste(props: &PasteProps) -> Html {
    let text = use_state_eq(String::new);
    let preview = use_state_eq(|| None::<Pasted>);
    let added = use_state_eq(|| None::<String>);

    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            text.set(area.value());
        })
    };
    let analyse = {
        let (text, preview, added) = (text.clone(), preview.clone(), added.clone());
        let invoices = props.invoices.clone();
        Callback::from(move |_: MouseEvent| {
            preview.set(Some(read(&text, &invoices)));
            added.set(None);
        })
    };
    let choose_file = {
        let (text, preview, added) = (text.clone(), preview.clone(), added.clone());
        let invoices = props.invoices.clone();
        Callback::from(move |e: Event| {
            let Some(file) = web::file::take_chosen(&e) else {
                return;
            };
            let (text, preview, added) = (text.clone(), preview.clone(), added.clone());
            let invoices = invoices.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match web::file::read_text(file).await {
                    Ok(content) => {
                        preview.set(Some(read(&content, &invoices)));
                        text.set(content);
                        added.set(None);
                    }
                    Err(e) => added.set(Some(e.message())),
                }
            });
        })
    };
    let add = {
        let (dispatch, text, preview, added) = (
            props.dispatch.clone(),
            text.clone(),
            preview.clone(),
            added.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            if let Some(p) = &*preview {
                added.set(Some(added_text(p)));
                dispatch.dispatch(Action::AppendPasted(Box::new(p.clone())));
            }
            preview.set(None);
            text.set(String::new());
        })
    };
    let cancel = {
        let preview = preview.clone();
        Callback::from(move |_: MouseEvent| preview.set(None))
    };

    html! {
        <details class="paste no-print">
            <summary>{ "Coller des factures, paiements ou avoirs depuis un tableur" }</summary>
            <div class="field">
                <label for="paste-text">{ "Lignes copiées depuis un tableur ou un fichier CSV" }</label>
                <textarea id="paste-text" value={(*text).clone()} {oninput} aria-describedby="paste-text-hint"
                    spellcheck="false" />
                <p class="hint" id="paste-text-hint">
                    { "Une ligne par facture : numéro, date d'émission, échéance, montant TTC (colonnes reconnues par leur en-tête ou leur contenu). Une colonne « Type » (facture, paiement, avoir) et une colonne « Facture concernée » ajoutent paiements et avoirs. Séparateur tabulation, « ; » ou « , » ; nombres et dates en français ou en anglais." }
                </p>
            </div>
            <div class="row-actions">
                <button type="button" onclick={analyse}>{ "Analyser" }</button>
                <input type="file" id="paste-file" class="file-input" accept=".csv,.tsv,.txt,text/csv,text/plain"
                    onchange={choose_file} />
                <label for="paste-file" class="file-button">{ "Lire un fichier CSV" }</label>
            </div>
            <div role="status">
                if let Some(message) = &*added {
                    <p>{ message }</p>
                }
            </div>
            if let Some(p) = &*preview {
                { preview_html(p, add, cancel) }
            }
        </details>
    }
}

fn preview_html(p: &Pasted, add: Callback<MouseEvent>, cancel: Callback<MouseEvent>) -> Html {
    let invoices = p
        .rows
        .iter()
        .map(|r| {
            vec![
                r.number.clone(),
                date_text(&r.issued),
                due_text(r),
                amount_text(&r.amount),
            ]
        })
        .collect();
    html! {
        <div class="paste-preview">
            if p.is_empty() {
                <p class="note">{ "Aucune ligne comprise comme une facture, un paiement ou un avoir." }</p>
            }
            { table("Factures comprises", &["N°", "Émise le", "Échéance", "Montant TTC"], invoices) }
            { table("Paiements compris", FLOW_COLUMNS, flows(&p.payments)) }
            { table("Avoirs compris", FLOW_COLUMNS, flows(&p.credit_notes)) }
            if !p.rejected.is_empty() {
                <h3 id="paste-rejected">{ format!("Lignes refusées ({})", p.rejected.len()) }</h3>
                <ul class="rejected" aria-labelledby="paste-rejected">
                    { for p.rejected.iter().map(|r| html! {
                        <li>{ format!("ligne {} : {}", r.line, r.reason) }</li>
                    }) }
                </ul>
            }
            <div class="row-actions">
                if !p.is_empty() {
                    <button type="button" class="primary" onclick={add}>
                        { if p.len() == p.rows.len() { "Ajouter ces factures" } else { "Ajouter ces lignes" } }
                    </button>
                }
                <button type="button" onclick={cancel}>{ "Annuler" }</button>
            </div>
        </div>
    }
}

const FLOW_COLUMNS: &[&str] = &["Date", "Facture concernée", "Montant"];

/// Payments or credit notes understood: date, the invoice each pays (or none), amount.
fn flows(list: &[PaymentForm]) -> Vec<Vec<String>> {
    list.iter()
        .map(|r| {
            let invoice = if r.invoice.is_empty() {
                "Aucune en particulier"
            } else {
                &r.invoice
            };
            vec![
                date_text(&r.date),
                invoice.to_owned(),
                amount_text(&r.amount),
            ]
        })
        .collect()
}

/// One table of what was understood (none when `rows` is empty); the last column is an
/// amount, and each cell carries its column's name for the narrow-screen cards.
#[inline(never)]
fn table(title: &str, cols: &[&'static str], rows: Vec<Vec<String>>) -> Html {
    if rows.is_empty() {
        return Html::default();
    }
    let last = cols.len() - 1;
    let class = |i: usize| if i == last { "num" } else { "" };
    html! {
        <table class="pasted">
            <caption>{ format!("{title} ({})", rows.len()) }</caption>
            <thead>
                <tr>{ for cols.iter().enumerate().map(|(i, c)| html! { <th scope="col" class={class(i)}>{ *c }</th> }) }</tr>
            </thead>
            <tbody>
                { for rows.into_iter().map(|cells| html! {
                    <tr>
                        { for cells.into_iter().zip(cols).enumerate().map(|(i, (cell, label))| html! {
                            <td class={class(i)} data-label={*label}>{ cell }</td>
                        }) }
                    </tr>
                }) }
            </tbody>
        </table>
    }
}
