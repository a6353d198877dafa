//! The drafted letter as the user will send it: its downloads (PDF, DOCX), the text copy, and
//! each paragraph editable in place.

use std::rc::Rc;

use relance_engine::{Computation, Dossier};
use relance_letter::{Align, Block, DraftOptions, Letter, LetterKind};
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::files::{file_stem, DOCX_MIME, PDF_MIME};
use crate::components::field::Dispatch;
use crate::components::form_errors::field_link;
use crate::derived::Latest;
use crate::state::Action;
use crate::web;

/// The letter of `kind` for the dossier, dated the day of its computation.
fn draft(kind: LetterKind, annex: bool, dossier: &Dossier, computation: &Computation) -> Letter {
    relance_letter::draft_with(
        kind,
        dossier,
        computation,
        &dossier.letter,
        computation.as_of,
        &DraftOptions { annex },
    )
}

#[derive(Properties, PartialEq)]
pub struct PreviewProps {
    pub kind: LetterKind,
    pub annex: bool,
    pub dossier: Rc<Dossier>,
    /// The form as checked: its errors and its blanks hold the files back.
    pub checked: Rc<relance_engine::form::Checked>,
    pub computation: Rc<Computation>,
    /// The figures of the last keystroke: the files and the text copy are drafted from them on
    /// click, while the preview shows `dossier` and `computation`, those of the last pause.
    pub latest: Latest,
    /// The raw edits as typed (the textarea shows them, not their cleaned form).
    pub edits: std::collections::BTreeMap<String, String>,
    pub dispatch: Dispatch,
    /// Prefix of the preview's DOM ids (`letter-blanks`), for a second preview in the page.
    #[prop_or(AttrValue::Static("letter"))]
    pub scope: AttrValue,
    /// The preview's accessible name.
    #[prop_or(AttrValue::Static("Aperçu de la lettre"))]
    pub label: AttrValue,
    /// The day the figures are taken on, when not the calculation date (a déclaration de
    /// créance: the opening judgment, C. com. L622-28): the files are computed on it too.
    #[prop_or_default]
    pub on: Option<chrono::NaiveDate>,
}

/// Why no file was written: the form, as typed since the preview, holds the letter back (the
/// same words as the notice above the buttons).
const CHANGED: &str = "Des champs sont à corriger avant la lettre. ";

/// What the actions last have to say.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Message {
    Done(String),
    Refused(String),
}

/// The drafted letter, its downloads and its paragraphs' editors.
#[function_component(Preview)]
pub fn preview(props: &PreviewProps) -> Html {
    // The décompte annex can run to thousands of rows: the preview drafts it only on request,
    // so a keystroke elsewhere stays cheap. Files and the text copy draft it on click.
    let show_annex = use_state_eq(|| false);
    let letter = use_memo(
        (
            props.kind,
            props.annex && *show_annex,
            props.dossier.clone(),
            props.computation.clone(),
        ),
        |(kind, annex, dossier, computation)| draft(*kind, *annex, dossier, computation),
    );
    // The whole letter and its file stem, from the figures of the click; `None` when they
    // hold it back (a field to correct or a blank typed since the last pause).
    let full = {
        let (kind, annex, latest, on) = (props.kind, props.annex, props.latest.clone(), props.on);
        move || {
            let now = latest.get();
            let (dossier, computation) = (now.dossier.as_ref()?, now.computation.as_ref()?);
            let at;
            let computation = match on {
                Some(on) => {
                    at = relance_engine::compute(
                        dossier,
                        on,
                        &relance_engine::RateTables::builtin(),
                    );
                    &at
                }
                None => &**computation,
            };
            let held = !now.checked.errors.is_empty()
                || !now.checked.letter_missing(computation).is_empty();
            (!held).then(|| {
                let public = computation.regime == relance_engine::Regime::Public;
                let stem = file_stem(
                    kind,
                    public,
                    &dossier.debtor.identity.name,
                    computation.as_of,
                );
                (draft(kind, annex, dossier, computation), stem)
            })
        }
    };
    let editing = use_state_eq(|| None::<String>);
    let message = use_state_eq(|| None::<Message>);
    let fallback = use_state_eq(|| None::<String>);
    let fallback_ref = use_node_ref();
    {
        let fallback_ref = fallback_ref.clone();
        use_effect_with(fallback.is_some(), move |open| {
            if let (true, Some(area)) = (*open, fallback_ref.cast::<HtmlTextAreaElement>()) {
                let _ = area.focus();
                area.select();
            }
        });
    }
    let download = |ext: &'static str, mime: &'static str, render: fn(&Letter) -> Vec<u8>| {
        let (full, message) = (full.clone(), message.clone());
        Callback::from(move |_: MouseEvent| {
            let Some((letter, stem)) = full() else {
                message.set(Some(Message::Refused(CHANGED.to_owned())));
                return;
            };
            let bytes = render(&letter);
            let name = format!("{stem}.{ext}");
            message.set(Some(match web::download::save_bytes(&name, mime, &bytes) {
                Ok(()) => Message::Done(format!("Fichier {name} créé.")),
                Err(_) => Message::Refused(web::download::DownloadError::MESSAGE.to_owned()),
            }));
        })
    };
    let pdf = download("pdf", PDF_MIME, relance_letter::pdf::render);
    let docx = download("docx", DOCX_MIME, relance_letter::docx::render);
    let copy = {
        let (full, message, fallback) = (full.clone(), message.clone(), fallback.clone());
        Callback::from(move |_: MouseEvent| {
            let Some((letter, _)) = full() else {
                message.set(Some(Message::Refused(CHANGED.to_owned())));
                return;
            };
            let text = relance_letter::text::render(&letter);
            let clipboard = web_sys::window().map(|w| w.navigator().clipboard());
            let (message, fallback) = (message.clone(), fallback.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let copied = match clipboard {
                    Some(c) => JsFuture::from(c.write_text(&text)).await.is_ok(),
                    None => false,
                };
                if copied {
                    fallback.set(None);
                    message.set(Some(Message::Done(
                        "Texte copié dans le presse-papiers.".to_owned(),
                    )));
                } else {
                    fallback.set(Some(text));
                    message.set(Some(Message::Refused(
                        "Copie automatique impossible : le texte est sélectionné ci-dessous, copiez-le (Ctrl+C).".to_owned(),
                    )));
                }
            });
        })
    };
    let paragraph = |pid: &str, text: &str| -> Html {
        let edited = props.edits.get(pid);
        let open = editing.as_deref() == Some(pid);
        let toggle = {
            let (editing, pid) = (editing.clone(), pid.to_owned());
            Callback::from(move |_: MouseEvent| {
                editing.set(if open { None } else { Some(pid.clone()) });
            })
        };
        let reset = {
            let (dispatch, pid) = (props.dispatch.clone(), pid.to_owned());
            Callback::from(move |_: MouseEvent| {
                dispatch.dispatch(Action::ResetParagraph(pid.clone()))
            })
        };
        let oninput = {
            let (dispatch, pid) = (props.dispatch.clone(), pid.to_owned());
            Callback::from(move |e: InputEvent| {
                let area: HtmlTextAreaElement = e.target_unchecked_into();
                dispatch.dispatch(Action::EditParagraph(pid.clone(), area.value()));
            })
        };
        let area_id = format!("{}-edit-{pid}", props.scope);
        html! {
            <div class={classes!("paragraph", edited.is_some().then_some("edited"))} data-paragraph={pid.to_owned()}>
                if open {
                    <label for={area_id.clone()} class="sr-only">{ "Texte du paragraphe" }</label>
                    <textarea id={area_id} rows="6"
                        value={edited.cloned().unwrap_or_else(|| text.to_owned())} {oninput} />
                } else {
                    <p>{ text }</p>
                }
                <div class="paragraph-actions">
                    <button type="button" class="link" onclick={toggle} aria-expanded={if open { "true" } else { "false" }}>
                        { if open { "Terminer" } else { "Modifier" } }
                    </button>
                    if edited.is_some() {
                        <button type="button" class="link" onclick={reset}>{ "Rétablir" }</button>
                    }
                </div>
            </div>
        }
    };
    let blocks = |blocks: &[Block]| -> Html {
        blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph { id, text } => paragraph(id, text),
                Block::Heading(h) => html! { <h4>{ h }</h4> },
                Block::Bullets(items) => html! {
                    <ul>{ for items.iter().map(|i| html! { <li>{ i }</li> }) }</ul>
                },
                Block::Table(t) => {
                    let class = |c: usize| match t.columns.get(c).map(|c| c.align) {
                        Some(Align::Right) => "num",
                        _ => "",
                    };
                    html! {
                        <div class="letter-table">
                            <table>
                                <thead><tr>{ for t.columns.iter().enumerate().map(|(i, c)| html! { <th scope="col" class={class(i)}>{ &c.title }</th> }) }</tr></thead>
                                <tbody>
                                    { for t.rows.iter().map(|r| html! {
                                        <tr>{ for r.iter().enumerate().map(|(i, cell)| html! { <td class={class(i)}>{ cell }</td> }) }</tr>
                                    }) }
                                </tbody>
                                if let Some(total) = &t.total {
                                    <tfoot><tr>{ for total.iter().enumerate().map(|(i, cell)| html! { <td class={class(i)}>{ cell }</td> }) }</tr></tfoot>
                                }
                            </table>
                        </div>
                    }
                }
            })
            .collect()
    };
    let lines =
        |lines: &[String]| -> Html { lines.iter().map(|l| html! { <>{ l }<br /></> }).collect() };
    let toggle_annex = {
        let show_annex = show_annex.clone();
        Callback::from(move |_: MouseEvent| show_annex.set(!*show_annex))
    };
    let l = &*letter;
    // Every blank in a letter is read by the debtor's lawyer: no file until they are filled.
    let blanks = props.checked.letter_missing(&props.computation);
    let errors = props.checked.errors.len();
    let held = !blanks.is_empty() || errors > 0;
    let blanks_id = format!("{}-blanks", props.scope);
    let text_id = format!("{}-text", props.scope);
    let notes = relance_letter::before_sending(
        props.kind,
        &props.dossier,
        &props.computation,
        &props.dossier.letter,
        props.computation.as_of,
    );
    html! {
        <>
            if !notes.is_empty() {
                <div class="warning letter-notes" data-testid="letter-notes">
                    <p>{ "Avant d'envoyer cette lettre :" }</p>
                    <ul>{ for notes.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
                </div>
            }
            if held {
                <div class="warning letter-missing" id={blanks_id.clone()} data-testid="letter-missing">
                    if errors > 0 {
                        <p>
                            { CHANGED }
                            <a href="#form-errors">{ "Voir la liste" }</a>
                        </p>
                    }
                    if !blanks.is_empty() {
                        <div data-testid="letter-blanks">
                            <p>{ relance_engine::letter_blanks::message(&blanks) }</p>
                            <ul>
                                { for blanks.iter().map(|b| html! {
                                    <li>{ field_link(&b.path, b.what.clone()) }</li>
                                }) }
                            </ul>
                        </div>
                    }
                </div>
            }
            <div class="letter-actions">
                <button type="button" onclick={pdf} disabled={held}
                    aria-describedby={held.then(|| blanks_id.clone())}>{ "Télécharger le PDF" }</button>
                <button type="button" onclick={docx} disabled={held}
                    aria-describedby={held.then(|| blanks_id.clone())}>{ "Télécharger le DOCX" }</button>
                <button type="button" onclick={copy} disabled={held}
                    aria-describedby={held.then(|| blanks_id.clone())}>{ "Copier le texte" }</button>
            </div>
            <div role="status" class="letter-status">
                { match &*message {
                    Some(Message::Done(m)) => html! { <p class="done">{ m }</p> },
                    Some(Message::Refused(m)) => html! { <p class="warning">{ m }</p> },
                    None => html! {},
                } }
            </div>
            if let Some(text) = &*fallback {
                <label for={text_id.clone()} class="sr-only">{ "Texte de la lettre" }</label>
                <textarea id={text_id} class="letter-text" readonly=true rows="12"
                    ref={fallback_ref} value={text.clone()} />
            }
            <article class="letter-preview" aria-label={props.label.clone()}>
                <div class="letter-head">
                    <p class="sender">{ lines(&l.sender) }</p>
                    <p class="recipient">{ lines(&l.recipient) }</p>
                </div>
                <p class="place-date">{ &l.place_date }</p>
                if let Some(sending) = &l.sending {
                    <p class="sending">{ sending }</p>
                }
                <p class="subject"><strong>{ "Objet : " }{ &l.subject }</strong></p>
                if !l.references.is_empty() {
                    <p class="references">{ lines(&l.references) }</p>
                }
                <p>{ &l.salutation }</p>
                { blocks(&l.body) }
                <p>{ &l.closing }</p>
                <p class="signature">{ lines(&l.signature) }</p>
                if let Some(annex) = &l.annex {
                    <section class="annex" aria-label={annex.title.clone()}>
                        <h3>{ &annex.title }</h3>
                        { blocks(&annex.blocks) }
                    </section>
                }
                if props.annex && props.kind != LetterKind::PaymentPlan {
                    <p class="annex-toggle">
                        <button type="button" onclick={toggle_annex}>
                            { if *show_annex { "Masquer l'annexe" } else { "Afficher l'annexe (décompte détaillé)" } }
                        </button>
                    </p>
                }
            </article>
        </>
    }
}
