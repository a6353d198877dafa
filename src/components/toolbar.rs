//! The dossier's actions: load the example, export and import the dossier file, export the
//! décompte (CSV for a French spreadsheet, JSON as the CLI writes it) and clear everything
//! stored, after an in-page confirmation.
//!
//! Files are made and read in the browser; an invalid import is refused with the engine's
//! messages and leaves the current dossier untouched.

use std::rc::Rc;

use relance_engine::form::Form;
use relance_engine::{parse, report, Computation, Dossier, InputErrorKind};
use web_sys::HtmlElement;
use yew::prelude::*;

use super::field::Dispatch;
use crate::state::Action;
use crate::web;

/// File names of the downloads.
pub const DOSSIER_FILE: &str = "dossier-relance.json";
pub const CSV_FILE: &str = "decompte.csv";
pub const JSON_FILE: &str = "decompte.json";

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    /// The valid part of the form, which is what "Exporter le dossier" writes.
    pub dossier: Option<Rc<Dossier>>,
    /// How many fields are invalid (left out of an export).
    pub error_count: usize,
    pub computation: Option<Rc<Computation>>,
    pub dispatch: Dispatch,
}

/// What the toolbar last has to say.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Message {
    Done(String),
    /// A refusal, with the details (one line each).
    Refused(String, Vec<String>),
}

/// Reads an imported file: a dossier file, or the form saved by the panic fallback.
fn read_import(text: &str) -> Result<(Form, String), Message> {
    match parse::dossier(text) {
        Ok(d) => {
            let n = d.invoices.len();
            Ok((Form::from_dossier(&d), format!("Dossier importé : {n} facture(s).")))
        }
        Err(errors) => match Form::from_json(text) {
            // A saved form is held to the dossier's limits too: a hand-made one must not
            // freeze the page.
            Some(form) if too_many(&form).is_some() => Err(Message::Refused(
                "Fichier refusé. Le dossier en cours n'a pas changé.".to_owned(),
                too_many(&form).into_iter().collect(),
            )),
            Some(form) => Ok((form, "Saisie restaurée depuis la sauvegarde.".to_owned())),
            None => Err(Message::Refused(
                "Fichier refusé : ce n'est pas un dossier Relance valide. Le dossier en cours n'a pas changé.".to_owned(),
                errors.iter().map(ToString::to_string).collect(),
            )),
        },
    }
}

/// The engine's French message when `form` holds more rows than a dossier may.
fn too_many(form: &Form) -> Option<String> {
    [
        (form.invoices.len(), "factures", parse::MAX_INVOICES),
        (form.credit_notes.len(), "avoirs", parse::MAX_INVOICES),
        (form.payments.len(), "paiements", parse::MAX_PAYMENTS),
    ]
    .into_iter()
    .find(|(n, _, max)| n > max)
    .map(|(_, what, max)| relance_engine::fr::input_error(&InputErrorKind::TooMany { what, max }))
}

/// Offers `text` as the file `name`; says how it went (and how many invalid fields were left out).
fn save(name: &str, mime: &str, text: Option<&str>, left_out: usize, nothing: &str) -> Message {
    let Some(text) = text else {
        return Message::Refused(nothing.to_owned(), Vec::new());
    };
    match web::download::save(name, mime, text) {
        Ok(()) if left_out > 0 => Message::Done(format!(
            "Fichier {name} créé, sans les {left_out} champ(s) invalide(s) signalé(s)."
        )),
        Ok(()) => Message::Done(format!("Fichier {name} créé.")),
        Err(_) => Message::Refused(web::download::DownloadError::MESSAGE.to_owned(), Vec::new()),
    }
}

#[function_component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    let message = use_state_eq(|| None::<Message>);
    let confirming = use_state_eq(|| false);
    let confirm_ref = use_node_ref();
    let clear_ref = use_node_ref();
    let was_open = use_mut_ref(|| false);
    {
        // Move focus into the confirmation when it opens, back to its button when it closes;
        // not when the page opens (the confirmation was never open).
        let (confirm_ref, clear_ref) = (confirm_ref.clone(), clear_ref.clone());
        use_effect_with(*confirming, move |open| {
            let closing = std::mem::replace(&mut *was_open.borrow_mut(), *open);
            let target = match (*open, closing) {
                (true, _) => Some(confirm_ref),
                (false, true) => Some(clear_ref),
                (false, false) => None,
            };
            if let Some(el) = target.and_then(|t| t.cast::<HtmlElement>()) {
                let _ = el.focus();
            }
        });
    }

    let load_example = {
        let (dispatch, message) = (props.dispatch.clone(), message.clone());
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Action::LoadExample);
            message.set(Some(Message::Done("Exemple chargé.".to_owned())));
        })
    };
    let nothing = "Rien à exporter : aucune facture complète et valide.";
    // Files are serialised on click only: building them on every render would cost more
    // than the whole recomputation.
    type Text = Rc<dyn Fn() -> Option<String>>;
    let download = |name: &'static str, mime: &'static str, left_out: usize, text: Text| {
        let message = message.clone();
        Callback::from(move |_: MouseEvent| {
            message.set(Some(save(name, mime, text().as_deref(), left_out, nothing)));
        })
    };
    let dossier = props.dossier.clone();
    let export_dossier = download(
        DOSSIER_FILE,
        "application/json",
        props.error_count,
        Rc::new(move || dossier.as_ref().map(|d| d.to_json())),
    );
    let computation = props.computation.clone();
    let export_csv = download(
        CSV_FILE,
        "text/csv;charset=utf-8",
        0,
        Rc::new(move || computation.as_ref().map(|c| report::to_csv(c))),
    );
    let computation = props.computation.clone();
    let export_json = download(
        JSON_FILE,
        "application/json",
        0,
        Rc::new(move || computation.as_ref().map(|c| report::to_json(c))),
    );
    let import = {
        let (dispatch, message) = (props.dispatch.clone(), message.clone());
        Callback::from(move |e: Event| {
            let Some(file) = web::file::take_chosen(&e) else {
                return;
            };
            let (dispatch, message) = (dispatch.clone(), message.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let outcome = match web::file::read_text(file).await {
                    Err(e @ web::file::FileError::TooLarge(_)) => Message::Refused(
                        "Fichier refusé. Le dossier en cours n'a pas changé.".to_owned(),
                        vec![e.message()],
                    ),
                    Err(e) => Message::Refused(e.message(), Vec::new()),
                    Ok(text) => match read_import(&text) {
                        Ok((form, done)) => {
                            dispatch.dispatch(Action::Import(Box::new(form)));
                            Message::Done(done)
                        }
                        Err(refused) => refused,
                    },
                };
                message.set(Some(outcome));
            });
        })
    };
    let ask_clear = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    let cancel_clear = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(false))
    };
    let clear = {
        let (dispatch, message, confirming) =
            (props.dispatch.clone(), message.clone(), confirming.clone());
        Callback::from(move |_: MouseEvent| {
            let stored = web::storage::clear();
            dispatch.dispatch(Action::Clear);
            confirming.set(false);
            message.set(Some(match stored {
                Ok(()) => Message::Done("Données effacées de ce navigateur.".to_owned()),
                Err(_) => {
                    Message::Refused(web::storage::StorageError::MESSAGE.to_owned(), Vec::new())
                }
            }));
        })
    };
    let no_result = props.computation.is_none();

    html! {
        <div class="toolbar-block no-print">
            <nav class="toolbar" aria-label="Dossier">
                <button type="button" onclick={load_example}>{ "Charger un exemple" }</button>
                <button type="button" onclick={export_dossier}>{ "Exporter le dossier" }</button>
                <input type="file" id="import-dossier" class="file-input" data-testid="import-dossier"
                    accept=".json,application/json" onchange={import} />
                <label for="import-dossier" class="file-button">{ "Importer un dossier" }</label>
                <button type="button" onclick={export_csv} disabled={no_result}>{ "Exporter le décompte (CSV)" }</button>
                <button type="button" onclick={export_json} disabled={no_result}>{ "Exporter le décompte (JSON)" }</button>
                <button type="button" class="danger" ref={clear_ref} onclick={ask_clear}>{ "Effacer mes données" }</button>
            </nav>
            if *confirming {
                <div class="confirm" role="group" aria-labelledby="confirm-clear">
                    <p id="confirm-clear">
                        { "Effacer le dossier et tout ce qui est enregistré dans ce navigateur ? Exportez-le d'abord pour le garder." }
                    </p>
                    <button type="button" class="danger" ref={confirm_ref} onclick={clear}>{ "Oui, tout effacer" }</button>
                    <button type="button" onclick={cancel_clear}>{ "Annuler" }</button>
                </div>
            }
            <div role="status" class="toolbar-status">
                if let Some(Message::Done(text)) = &*message {
                    <p>{ text }</p>
                }
            </div>
            if let Some(Message::Refused(text, details)) = &*message {
                <div role="alert" class="alert">
                    <p>{ text }</p>
                    if !details.is_empty() {
                        <ul>{ for details.iter().map(|d| html! { <li>{ d }</li> }) }</ul>
                    }
                </div>
            }
        </div>
    }
}
