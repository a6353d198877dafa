//! The dossier's actions: load the example, export and import the dossier file, export the
//! décompte (CSV for a French spreadsheet, JSON as the CLI writes it) and clear everything
//! stored, after an in-page confirmation.
//!
//! Files are made and read in the browser; an invalid import is refused with the engine's
//! messages and leaves the current dossier untouched.

use relance_engine::form::Form;
use relance_engine::{parse, report, Computation, Dossier, InputErrorKind};
use relance_import::pace::{Progress, Stage};

use super::progress::progress_line;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use super::field::Dispatch;
use crate::derived::Latest;
use crate::state::Action;
use crate::web;

/// File names of the downloads.
pub const DOSSIER_FILE: &str = "dossier-relance.json";
/// Why the décompte's exports wait while a field is in error.
const PARTIAL: &str =
    "Corrigez d'abord les champs signalés : le décompte exporté serait incomplet.";

/// `decompte-<debtor>-<date>.<ext>`, as an accountant files it.
fn decompte_file(dossier: Option<&Dossier>, c: Option<&Computation>, ext: &str) -> String {
    let debtor =
        super::letter::files::slug(dossier.map_or("", |d| d.debtor.identity.name.as_str()));
    match c {
        Some(c) => format!("decompte-{debtor}-{}.{ext}", c.as_of),
        None => format!("decompte-{debtor}.{ext}"),
    }
}

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    /// The figures of the last keystroke, read on a click: the files are made from them (the
    /// dossier file is the valid part of the form). Compared by identity: a keystroke does
    /// not compare the dossier's invoices here.
    pub latest: Latest,
    /// Whether there is a décompte to export.
    pub computed: bool,
    /// How many fields are invalid (left out of an export).
    pub error_count: usize,
    /// Whether fields in error leave rows out of the figures: the décompte's exports wait.
    pub partial: bool,
    /// Whether anything was typed: « Charger un exemple » then asks first.
    pub has_input: bool,
    /// Whether « Annuler » can put back what the example replaced.
    pub can_undo: bool,
    pub dispatch: Dispatch,
}

/// What the toolbar last has to say.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Message {
    Done(String),
    /// A refusal, with the details (one line each).
    Refused(String, Vec<String>),
}

/// What reading `file` as a dossier file does: the form to show, or why not.
async fn dossier_file(file: web_sys::File) -> (Option<Form>, Message) {
    match web::file::read_text(file).await {
        Err(e @ web::file::FileError::TooLarge(_)) => (
            None,
            Message::Refused(
                "Fichier refusé. Le dossier en cours n'a pas changé.".to_owned(),
                vec![e.message()],
            ),
        ),
        Err(e) => (None, Message::Refused(e.message(), Vec::new())),
        Ok(text) => match read_import(&text) {
            Ok((form, done)) => (Some(form), Message::Done(done)),
            Err(refused) => (None, refused),
        },
    }
}

/// What importing invoice files does (issue 15): one debtor's dossier in the form, several
/// debtors in the portfolio, every file refused named; a lone dossier file is read as such.
async fn invoice_files(
    chosen: Vec<web_sys::File>,
    dispatch: &Dispatch,
    progress: &UseStateHandle<Option<Progress>>,
) -> Message {
    use relance_import::{fec, files};
    if let [file] = chosen.as_slice() {
        if file.name().to_lowercase().ends_with(".json") {
            let (form, message) = dossier_file(file.clone()).await;
            if let Some(form) = form {
                dispatch.dispatch(Action::Import(Box::new(form)));
            }
            return message;
        }
    }
    let mut read = Vec::new();
    let mut said = Vec::new();
    for file in &chosen {
        match web::file::read_bytes(file, fec::MAX_FILE_BYTES).await {
            Ok(bytes) => read.push(files::File {
                name: file.name(),
                bytes,
            }),
            Err(web::file::FileError::TooLarge(n)) => said.push(files::too_large(&file.name(), n)),
            Err(e) => said.push(format!("{} : {}", file.name(), e.message())),
        }
    }
    // In slices: the page paints the progress and answers between them.
    let mut pace = web::pace::Slices::new(|d: web::pace::Done| {
        if let web::pace::Work::Import(stage) = d.work {
            progress.set(Some(Progress {
                stage,
                done: d.done,
                total: d.total,
            }));
        }
    });
    let mut read = files::read_paced(&read, fec::DEFAULT_TERMS_DAYS, &mut pace).await;
    progress.set(None);
    said.append(&mut read.said);
    let notes = if said.is_empty() {
        String::new()
    } else {
        format!(" À savoir : {}", said.join(" ; "))
    };
    match read.dossiers.len() {
        0 => Message::Refused(
            "Aucune facture impayée dans ces fichiers. Le dossier en cours n'a pas changé."
                .to_owned(),
            said,
        ),
        1 => {
            let d = read.dossiers.remove(0);
            let name = d.debtor.identity.name.clone();
            dispatch.dispatch(Action::Import(Box::new(Form::from_dossier(&d))));
            Message::Done(format!("Dossier de {name} importé.{notes}"))
        }
        n => {
            dispatch.dispatch(Action::SetPortfolio(read.dossiers));
            Message::Done(format!(
                "{n} débiteurs importés : voir le portefeuille.{notes}"
            ))
        }
    }
}

/// How far the whole import is, in thousandths: the reading is nine tenths of it, the sorting
/// by customer the last tenth; never backwards from one to the other.
fn overall(p: &Progress) -> usize {
    match p.stage {
        Stage::Reading => p.per_mille() * 9 / 10,
        Stage::Sorting => 900 + p.per_mille() / 10,
    }
}

/// What the progress bar of an import measures.
fn progress_label(p: &Progress) -> String {
    match p.stage {
        Stage::Reading => format!("Lecture des fichiers : {} %", p.per_mille() / 10),
        Stage::Sorting => format!("Un dossier par client : {} sur {}", p.done, p.total),
    }
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

/// Closes the « Fichiers » menu, and with `focus` puts the focus back on its summary (Escape).
fn close_menu(menu: &NodeRef, focus: bool) {
    if let Some(menu) = menu.cast::<Element>() {
        let _ = menu.remove_attribute("open");
        if let Some(summary) = menu
            .first_element_child()
            .and_then(|s| s.dyn_into::<HtmlElement>().ok())
            .filter(|_| focus)
        {
            let _ = summary.focus();
        }
    }
}

/// A confirmation in the page: the question, « yes » (focused when it opens) and « Annuler ».
fn confirm(
    question: &'static str,
    yes_label: &'static str,
    yes: Callback<MouseEvent>,
    cancel: Callback<MouseEvent>,
    yes_ref: NodeRef,
) -> Html {
    html! {
        <div class="confirm" role="group" aria-labelledby="confirm-question">
            <p id="confirm-question">{ question }</p>
            <button type="button" class="danger" ref={yes_ref} onclick={yes}>{ yes_label }</button>
            <button type="button" onclick={cancel}>{ "Annuler" }</button>
        </div>
    }
}

/// Which confirmation is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ask {
    Nothing,
    Clear,
    Example,
}

const EXAMPLE_LOADED: &str = "Exemple chargé.";

#[function_component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    let message = use_state_eq(|| None::<Message>);
    // How far the invoice files are read, while they are.
    let progress = use_state_eq(|| None::<Progress>);
    // The confirmation open, if any: « Effacer mes données » or « Charger un exemple ».
    let asking = use_state_eq(|| Ask::Nothing);
    let confirm_ref = use_node_ref();
    let clear_ref = use_node_ref();
    let example_ref = use_node_ref();
    let was_open = use_mut_ref(|| Ask::Nothing);
    {
        // Move focus into a confirmation when it opens, back to its button when it closes;
        // not when the page opens (no confirmation was open).
        let refs = (confirm_ref.clone(), clear_ref.clone(), example_ref.clone());
        use_effect_with(*asking, move |open| {
            let closing = std::mem::replace(&mut *was_open.borrow_mut(), *open);
            let (confirm_ref, clear_ref, example_ref) = refs;
            let target = match (*open, closing) {
                (Ask::Nothing, Ask::Clear) => Some(clear_ref),
                (Ask::Nothing, Ask::Example) => Some(example_ref),
                (Ask::Nothing, Ask::Nothing) => None,
                _ => Some(confirm_ref),
            };
            if let Some(el) = target.and_then(|t| t.cast::<HtmlElement>()) {
                let _ = el.focus();
            }
        });
    }

    let load_example = {
        let (dispatch, message, asking) = (props.dispatch.clone(), message.clone(), asking.clone());
        Callback::from(move |_: MouseEvent| {
            asking.set(Ask::Nothing);
            dispatch.dispatch(Action::LoadExample);
            message.set(Some(Message::Done(EXAMPLE_LOADED.to_owned())));
        })
    };
    let ask = |what: Ask| {
        let asking = asking.clone();
        Callback::from(move |_: MouseEvent| asking.set(what))
    };
    let ask_example = if props.has_input {
        ask(Ask::Example)
    } else {
        load_example.clone()
    };
    let undo_example = {
        let (dispatch, message) = (props.dispatch.clone(), message.clone());
        let example_ref = example_ref.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Action::UndoExample);
            message.set(Some(Message::Done("Votre saisie est revenue.".to_owned())));
            // The button clicked goes away: focus goes back to « Charger un exemple ».
            if let Some(el) = example_ref.cast::<HtmlElement>() {
                let _ = el.focus();
            }
        })
    };
    let nothing = "Rien à exporter : aucune facture complète et valide.";
    // Files are serialised on click only: building them on every render would cost more
    // than the whole recomputation.
    // A file's name and text, from the figures of the click.
    type File = fn(Option<&Dossier>, Option<&Computation>) -> (String, Option<String>);
    let menu_ref = use_node_ref();
    let download = |mime: &'static str, left_out: usize, file: File| {
        let (message, menu_ref, latest) = (message.clone(), menu_ref.clone(), props.latest.clone());
        Callback::from(move |_: MouseEvent| {
            // The file is made: the menu closes, its message shows below.
            close_menu(&menu_ref, false);
            let figures = latest.get();
            let (name, text) = file(figures.dossier.as_deref(), figures.computation.as_deref());
            message.set(Some(save(&name, mime, text.as_deref(), left_out, nothing)));
        })
    };
    let export_dossier = download("application/json", props.error_count, |d, _| {
        (DOSSIER_FILE.to_owned(), d.map(Dossier::to_json))
    });
    let export_csv = download("text/csv;charset=utf-8", 0, |d, c| {
        let text = d.zip(c).map(|(d, c)| report::to_csv(d, c));
        (decompte_file(d, c, "csv"), text)
    });
    let export_json = download("application/json", 0, |d, c| {
        (decompte_file(d, c, "json"), c.map(report::to_json))
    });
    let import = {
        let (dispatch, message) = (props.dispatch.clone(), message.clone());
        Callback::from(move |e: Event| {
            let Some(file) = web::file::take_chosen(&e) else {
                return;
            };
            let (dispatch, message) = (dispatch.clone(), message.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let (form, outcome) = dossier_file(file).await;
                if let Some(form) = form {
                    dispatch.dispatch(Action::Import(Box::new(form)));
                }
                message.set(Some(outcome));
            });
        })
    };
    let import_invoices = {
        let (dispatch, message, progress) =
            (props.dispatch.clone(), message.clone(), progress.clone());
        Callback::from(move |e: Event| {
            let chosen = web::file::take_all(&e);
            if chosen.is_empty() {
                return;
            }
            // Said while the files are read: a large FEC takes seconds, its progress shown
            // under it (measured in docs/measurements.md).
            message.set(Some(Message::Done(format!(
                "Lecture de {} fichier{}…",
                chosen.len(),
                if chosen.len() > 1 { "s" } else { "" }
            ))));
            let (dispatch, message, progress) =
                (dispatch.clone(), message.clone(), progress.clone());
            wasm_bindgen_futures::spawn_local(async move {
                message.set(Some(invoice_files(chosen, &dispatch, &progress).await));
            });
        })
    };
    let clear = {
        let (dispatch, message, asking) = (props.dispatch.clone(), message.clone(), asking.clone());
        Callback::from(move |_: MouseEvent| {
            let stored = web::storage::clear();
            dispatch.dispatch(Action::Clear);
            asking.set(Ask::Nothing);
            message.set(Some(match stored {
                Ok(()) => Message::Done("Données effacées de ce navigateur.".to_owned()),
                Err(_) => {
                    Message::Refused(web::storage::StorageError::MESSAGE.to_owned(), Vec::new())
                }
            }));
        })
    };
    let on_menu_key = {
        let menu_ref = menu_ref.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                close_menu(&menu_ref, true);
            }
        })
    };
    let no_result = !props.computed || props.partial;
    let why = props.partial.then_some("export-why");

    html! {
        <div class="toolbar-block no-print">
            <div class="toolbar">
                <button type="button" ref={example_ref} onclick={ask_example}>{ "Charger un exemple" }</button>
                <details class="file-menu" ref={menu_ref} onkeydown={on_menu_key}>
                    <summary>{ "Fichiers" }</summary>
                    <nav class="file-actions" aria-label="Dossier">
                        <button type="button" onclick={export_dossier}>{ "Exporter le dossier" }</button>
                        <input type="file" id="import-dossier" class="file-input" data-testid="import-dossier"
                            accept=".json,application/json" onchange={import} />
                        <label for="import-dossier" class="file-button">{ "Importer un dossier" }</label>
                        <input type="file" id="import-invoices" class="file-input" data-testid="import-invoices"
                            multiple=true onchange={import_invoices} />
                        <label for="import-invoices" class="file-button">{ "Importer des factures (Factur-X, UBL, CII) ou un FEC" }</label>
                        <button type="button" onclick={export_csv} disabled={no_result}
                            aria-describedby={why}>{ "Exporter le décompte (CSV)" }</button>
                        <button type="button" onclick={export_json} disabled={no_result}
                            aria-describedby={why}>{ "Exporter le décompte (JSON)" }</button>
                        if props.partial {
                            <p class="hint" id="export-why">{ PARTIAL }</p>
                        }
                        <button type="button" class="danger" ref={clear_ref} onclick={ask(Ask::Clear)}>{ "Effacer mes données" }</button>
                    </nav>
                </details>
            </div>
            { match *asking {
                Ask::Nothing => html! {},
                Ask::Example => confirm(
                    "Remplacer votre saisie par l'exemple ? Vous pourrez revenir à votre saisie juste après.",
                    "Oui, charger l'exemple",
                    load_example,
                    ask(Ask::Nothing),
                    confirm_ref,
                ),
                Ask::Clear => confirm(
                    "Effacer le dossier et tout ce qui est enregistré dans ce navigateur ? Exportez-le d'abord pour le garder.",
                    "Oui, tout effacer",
                    clear,
                    ask(Ask::Nothing),
                    confirm_ref,
                ),
            } }
            if props.can_undo && matches!(&*message, Some(Message::Done(t)) if t == EXAMPLE_LOADED) {
                <p class="undo">
                    <button type="button" onclick={undo_example}>{ "Revenir à ma saisie" }</button>
                </p>
            }
            <div role="status" class="toolbar-status">
                if let Some(Message::Done(text)) = &*message {
                    <p>{ text }</p>
                }
            </div>
            if let Some(p) = *progress {
                { progress_line("import-progress", progress_label(&p), overall(&p)) }
            }
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
