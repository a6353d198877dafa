//! Invoices from a spreadsheet: rows pasted from Excel/LibreOffice (tab separated) or a CSV
//! file read in the browser. The engine's `paste::parse` reads them; this shows what it
//! understood and every rejected line ("ligne N : raison") before anything is added.

use relance_engine::form::{InvoiceForm, TERMS};
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
        Callback::from(move |_: MouseEvent| {
            preview.set(Some(paste::parse(&text)));
            added.set(None);
        })
    };
    let choose_file = {
        let (text, preview, added) = (text.clone(), preview.clone(), added.clone());
        Callback::from(move |e: Event| {
            let Some(file) = web::file::take_chosen(&e) else {
                return;
            };
            let (text, preview, added) = (text.clone(), preview.clone(), added.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match web::file::read_text(file).await {
                    Ok(content) => {
                        preview.set(Some(paste::parse(&content)));
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
                let n = p.rows.len();
                dispatch.dispatch(Action::AppendInvoices(p.rows.clone()));
                added.set(Some(format!("{n} facture(s) ajoutée(s) au dossier.")));
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
            <summary>{ "Coller des factures depuis un tableur" }</summary>
            <div class="field">
                <label for="paste-text">{ "Lignes copiées depuis un tableur ou un fichier CSV" }</label>
                <textarea id="paste-text" value={(*text).clone()} {oninput} aria-describedby="paste-text-hint"
                    spellcheck="false" />
                <p class="hint" id="paste-text-hint">
                    { "Une facture par ligne : numéro, date d'émission, échéance, montant TTC (colonnes reconnues par leur en-tête ou leur contenu). Séparateur tabulation, « ; » ou « , » ; nombres et dates en français ou en anglais." }
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
    html! {
        <div class="paste-preview">
            if p.rows.is_empty() {
                <p class="note">{ "Aucune ligne comprise comme une facture." }</p>
            } else {
                <table class="pasted">
                    <caption>{ format!("Factures comprises ({})", p.rows.len()) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "N°" }</th>
                            <th scope="col">{ "Émise le" }</th>
                            <th scope="col">{ "Échéance" }</th>
                            <th scope="col" class="num">{ "Montant TTC" }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for p.rows.iter().map(|r| html! {
                            <tr>
                                <td data-label="N°">{ &r.number }</td>
                                <td class="date" data-label="Émise le">{ date_text(&r.issued) }</td>
                                <td class="date" data-label="Échéance">{ due_text(r) }</td>
                                <td class="num" data-label="Montant TTC">{ amount_text(&r.amount) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
            if !p.rejected.is_empty() {
                <h3 id="paste-rejected">{ format!("Lignes refusées ({})", p.rejected.len()) }</h3>
                <ul class="rejected" aria-labelledby="paste-rejected">
                    { for p.rejected.iter().map(|r| html! {
                        <li>{ format!("ligne {} : {}", r.line, r.reason) }</li>
                    }) }
                </ul>
            }
            <div class="row-actions">
                if !p.rows.is_empty() {
                    <button type="button" class="primary" onclick={add}>{ "Ajouter ces factures" }</button>
                }
                <button type="button" onclick={cancel}>{ "Annuler" }</button>
            </div>
        </div>
    }
}
