//! The "Lettre" step: the letter's kind and fields, a preview of the drafted letter whose
//! paragraphs can be edited in place (edits kept in the form, hence in the dossier file),
//! and the downloads (PDF, DOCX) and the text copy.
//!
//! One `relance_letter::Letter` feeds the preview and every file, so they cannot disagree.
//! The preview is plain Yew nodes: letter text is always escaped, never set as HTML. Files
//! are built on click only.

use std::rc::Rc;

use chrono::NaiveDate;
use relance_engine::form::{Checked, LetterForm};
use relance_engine::{Computation, Dossier};
use relance_letter::{Align, Block, DraftOptions, Letter, LetterKind};
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::error_of;
use super::field::{Dispatch, Field, InputKind, RadioGroup, SelectField};
use crate::state::{Action, FieldId, LetterField};
use crate::web;

static KINDS: [(&str, &str); 3] = [
    ("mise-en-demeure", "Mise en demeure"),
    ("relance", "Relance amiable"),
    ("echeancier", "Proposition d'échéancier"),
];
static SENDINGS: [(&str, &str); 4] = [
    ("lrar", "Lettre recommandée avec accusé de réception"),
    ("lre", "Lettre recommandée électronique"),
    ("email", "Courriel"),
    ("letter", "Lettre simple"),
];

pub const PDF_MIME: &str = "application/pdf";
pub const DOCX_MIME: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// The kind chosen in the form (empty or unknown = mise en demeure).
pub fn kind_of(code: &str) -> LetterKind {
    LetterKind::from_code(code).unwrap_or(LetterKind::FormalNotice)
}

/// A file-name slug: lowercase ASCII, accents removed, other characters → `-`, at most 40
/// characters, `debiteur` when nothing is left.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().map(relance_engine::fr::lower) {
        let ascii: &str = match c {
            'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => "a",
            'ç' => "c",
            'é' | 'è' | 'ê' | 'ë' => "e",
            'î' | 'ï' | 'í' | 'ì' => "i",
            'ô' | 'ö' | 'ó' | 'ò' | 'õ' | 'ø' => "o",
            'ù' | 'û' | 'ü' | 'ú' => "u",
            'ÿ' | 'ý' => "y",
            'ñ' => "n",
            'œ' => "oe",
            'æ' => "ae",
            'ß' => "ss",
            c if c.is_ascii_alphanumeric() => {
                out.push(c);
                continue;
            }
            _ => "-",
        };
        out.push_str(ascii);
    }
    let mut collapsed = String::new();
    for part in out.split('-').filter(|p| !p.is_empty()) {
        if !collapsed.is_empty() {
            collapsed.push('-');
        }
        collapsed.push_str(part);
    }
    collapsed.truncate(40);
    let trimmed = collapsed.trim_end_matches('-');
    if trimmed.is_empty() {
        "debiteur".to_owned()
    } else {
        trimmed.to_owned()
    }
}

/// `mise-en-demeure-boulangeries-martin-sas-2026-11-22` (without the extension).
pub fn file_stem(kind: LetterKind, debtor: &str, date: NaiveDate) -> String {
    format!("{}-{}-{}", kind.code(), slug(debtor), date)
}

#[derive(Properties, PartialEq)]
pub struct LetterProps {
    pub letter: LetterForm,
    pub checked: Rc<Checked>,
    pub dossier: Option<Rc<Dossier>>,
    pub computation: Option<Rc<Computation>>,
    pub dispatch: Dispatch,
}

/// The "Lettre" section.
#[function_component(LetterStep)]
pub fn letter_step(props: &LetterProps) -> Html {
    let l = &props.letter;
    let dispatch = &props.dispatch;
    let id = FieldId::Letter;
    let err = |field| error_of(&props.checked, id(field));
    let kind = kind_of(&l.kind);
    let annex = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            dispatch.dispatch(Action::SetAnnex(input.checked()));
        })
    };
    let text = |field: LetterField, label: &'static str, value: &String| {
        html! {
            <Field field={id(field)} label={label} value={value.clone()}
                error={err(field)} dispatch={dispatch.clone()} />
        }
    };
    html! {
        <section class="letter" aria-labelledby="letter-title">
            <h2 id="letter-title">{ "Lettre" }</h2>
            <RadioGroup field={id(LetterField::Kind)} legend="Type de lettre"
                options={&KINDS[..]} value={l.kind.clone()} dispatch={dispatch.clone()} />
            <fieldset class="letter-fields">
                <legend>{ "Ce que la lettre doit dire" }</legend>
                <div class="grid">
                    { text(LetterField::Place, "Lieu (ville)", &l.place) }
                    { text(LetterField::Signatory, "Signataire", &l.signatory) }
                    { text(LetterField::Capacity, "Qualité du signataire", &l.capacity) }
                    <Field field={id(LetterField::DeadlineDays)} label="Délai de paiement (jours)"
                        kind={InputKind::Amount} value={l.deadline_days.clone()}
                        error={err(LetterField::DeadlineDays)} dispatch={dispatch.clone()} />
                    <SelectField field={id(LetterField::Sending)} label="Mode d'envoi"
                        options={&SENDINGS[..]} value={l.sending.clone()} dispatch={dispatch.clone()} />
                    if matches!(l.sending.as_str(), "" | "lrar" | "lre") {
                        { text(LetterField::TrackingNumber, "N° de recommandé (LRAR / LRE)", &l.tracking_number) }
                    }
                    { text(LetterField::Iban, "IBAN", &l.iban) }
                    { text(LetterField::Bic, "BIC", &l.bic) }
                    { text(LetterField::ContractReference, "Référence du contrat, devis ou commande", &l.contract_reference) }
                    <Field field={id(LetterField::Reminders)} label="Relances déjà envoyées (dates)"
                        value={l.reminders.clone()} error={err(LetterField::Reminders)}
                        hint="JJ/MM/AAAA, séparées par des virgules."
                        dispatch={dispatch.clone()} />
                    if kind == LetterKind::PaymentPlan {
                        <Field field={id(LetterField::PlanInstalments)} label="Nombre d'échéances"
                            kind={InputKind::Amount} value={l.plan_instalments.clone()}
                            error={err(LetterField::PlanInstalments)} dispatch={dispatch.clone()} />
                        <Field field={id(LetterField::PlanFirstDate)} label="Date de la première échéance"
                            kind={InputKind::Date} value={l.plan_first_date.clone()}
                            error={err(LetterField::PlanFirstDate)}
                            hint="Vide : un mois après la lettre." dispatch={dispatch.clone()} />
                        <Field field={id(LetterField::PlanIntervalMonths)} label="Intervalle (mois)"
                            kind={InputKind::Amount} value={l.plan_interval_months.clone()}
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
            </fieldset>
            {
                match (&props.dossier, &props.computation) {
                    (Some(dossier), Some(computation)) => html! {
                        <Preview {kind} annex={l.annex} dossier={dossier.clone()}
                            computation={computation.clone()} edits={l.edits.clone()}
                            dispatch={dispatch.clone()} />
                    },
                    _ => html! {
                        <p class="hint">{ "La lettre s'affiche dès que le décompte est calculé." }</p>
                    },
                }
            }
        </section>
    }
}

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
    pub computation: Rc<Computation>,
    /// The raw edits as typed (the textarea shows them, not their cleaned form).
    pub edits: std::collections::BTreeMap<String, String>,
    pub dispatch: Dispatch,
}

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
    let full = {
        let (kind, annex) = (props.kind, props.annex);
        let (dossier, computation) = (props.dossier.clone(), props.computation.clone());
        move || draft(kind, annex, &dossier, &computation)
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
    let stem = file_stem(
        props.kind,
        &props.dossier.debtor.identity.name,
        props.computation.as_of,
    );
    let download = |ext: &'static str, mime: &'static str, render: fn(&Letter) -> Vec<u8>| {
        let (full, message) = (full.clone(), message.clone());
        let name = format!("{stem}.{ext}");
        Callback::from(move |_: MouseEvent| {
            let bytes = render(&full());
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
            let text = relance_letter::text::render(&full());
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
        let area_id = format!("letter-edit-{pid}");
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
    html! {
        <>
            <div class="letter-actions">
                <button type="button" onclick={pdf}>{ "Télécharger le PDF" }</button>
                <button type="button" onclick={docx}>{ "Télécharger le DOCX" }</button>
                <button type="button" onclick={copy}>{ "Copier le texte" }</button>
            </div>
            <div role="status" class="letter-status">
                { match &*message {
                    Some(Message::Done(m)) => html! { <p class="done">{ m }</p> },
                    Some(Message::Refused(m)) => html! { <p class="warning">{ m }</p> },
                    None => html! {},
                } }
            </div>
            if let Some(text) = &*fallback {
                <label for="letter-text" class="sr-only">{ "Texte de la lettre" }</label>
                <textarea id="letter-text" class="letter-text" readonly=true rows="12"
                    ref={fallback_ref} value={text.clone()} />
            }
            <article class="letter-preview" aria-label="Aperçu de la lettre">
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
