//! The « Procédure » step (issue 14): what a court or a mandataire needs beyond a letter (the
//! injonction's court, the parties as CPC 54 and 57 name them, the pieces in the bordereau's
//! order, the debtor's collective proceedings), the guards that hold a document back, and the
//! documents themselves: requête en injonction de payer (CPC 1405), the guide « Remplir le
//! Cerfa », the bordereau de pièces, the déclaration de créance (C. com. L622-24).
//!
//! Every rule is the engine's (`procedure::injunction_check`, `declaration_check`); the
//! documents are `relance_letter`'s, drawn by the letter step's preview.

use std::rc::Rc;

use relance_engine::form::{Checked, PieceForm};
use relance_engine::procedure::{self, Check};
use relance_engine::{compute, RateTables};
use relance_letter::LetterKind;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::error_of;
use super::field::{Dispatch, Field, InputKind, SelectField};
use super::form_errors::field_link;
use super::letter::preview::Preview;
use crate::derived::{Derived, Latest};
use crate::state::{Action, FieldId, PieceField};

static COURT_KINDS: [(&str, &str); 3] = [
    ("", "selon la forme juridique du débiteur"),
    (
        "commerce",
        "tribunal de commerce : débiteur commerçant, artisan ou société commerciale",
    ),
    ("judiciaire", "tribunal judiciaire : les autres débiteurs"),
];
static PROCEDURES: [(&str, &str); 4] = [
    ("", "aucune"),
    ("sauvegarde", "sauvegarde"),
    ("redressement", "redressement judiciaire"),
    ("liquidation", "liquidation judiciaire"),
];
static CIVILITIES: [(&str, &str); 3] = [("", "—"), ("M.", "M."), ("Mme", "Mme")];
static PIECE_KINDS: [(&str, &str); 11] = [
    ("contrat", "Contrat"),
    ("devis", "Devis"),
    ("commande", "Bon de commande"),
    ("livraison", "Bon de livraison"),
    ("facture", "Facture"),
    ("avoir", "Avoir"),
    ("correspondance", "Correspondance"),
    ("mise_en_demeure", "Mise en demeure"),
    ("accuse_reception", "Accusé de réception"),
    ("decompte", "Décompte"),
    ("autre", "Autre"),
];

/// The field of a court path: its label, kind and hint.
fn shape(path: &str) -> (&'static str, InputKind, Option<&'static str>) {
    let leaf = path.rsplit('.').next().unwrap_or(path);
    match (path, leaf) {
        ("injunction.court", _) => (
            "Tribunal saisi",
            InputKind::Text,
            Some("Celui du siège ou du domicile du débiteur (C. proc. civ. 1406), par exemple « Tribunal de commerce de Lyon »."),
        ),
        ("injunction.court_address", _) => ("Adresse du greffe", InputKind::Address, None),
        ("injunction.amicable_attempt", _) => (
            "Tentative de règlement amiable",
            InputKind::Text,
            Some("Conciliation, médiation… : devant le tribunal judiciaire, au-delà de 5 000 €, elle est exigée sauf exception (C. proc. civ. 750-1)."),
        ),
        ("insolvency.opened", _) => (
            "Jugement d'ouverture du",
            InputKind::Date,
            Some("Les intérêts s'arrêtent ce jour-là (C. com. L622-28)."),
        ),
        ("insolvency.published", _) => (
            "Publié au BODACC le",
            InputKind::Date,
            Some("Deux mois pour déclarer à compter de cette publication (R622-24)."),
        ),
        ("insolvency.court", _) => ("Tribunal de la procédure", InputKind::Text, None),
        ("insolvency.representative.name", _) => ("Mandataire judiciaire ou liquidateur", InputKind::Text, None),
        ("insolvency.representative.address", _) => ("Son adresse", InputKind::Address, None),
        ("insolvency.security", _) => (
            "Sûreté ou clause de réserve de propriété",
            InputKind::Text,
            Some("Vide : créance chirographaire."),
        ),
        ("insolvency.pending_case", _) => ("Instance déjà en cours (tribunal, n°)", InputKind::Text, None),
        (_, "legal_form") => ("Forme juridique", InputKind::Text, Some("SAS, SARL, SA, EURL…")),
        (_, "share_capital") => ("Capital social (€)", InputKind::Amount, None),
        (_, "rcs_city") => ("Ville du RCS", InputKind::Text, None),
        (_, "registered_office") => ("Siège social", InputKind::Address, Some("Vide : l'adresse de la partie.")),
        (_, "representative") => ("Représentant légal", InputKind::Text, None),
        (_, "representative_capacity") => ("Sa qualité", InputKind::Text, Some("Président, gérant…")),
        (_, "first_name") => ("Prénom", InputKind::Text, None),
        (_, "last_name") => ("Nom de famille", InputKind::Text, None),
        (_, "profession") => ("Profession", InputKind::Text, None),
        (_, "nationality") => ("Nationalité", InputKind::Text, None),
        (_, "birth_date") => ("Date de naissance", InputKind::Date, None),
        _ => ("Lieu de naissance", InputKind::Text, None),
    }
}

#[derive(Properties, PartialEq)]
pub struct ProcedureProps {
    pub court: std::collections::BTreeMap<String, String>,
    pub pieces: Vec<PieceForm>,
    pub creditor_kind: String,
    pub debtor_kind: String,
    pub edits: std::collections::BTreeMap<String, String>,
    pub checked: Rc<Checked>,
    pub settled: Rc<Derived>,
    pub latest: Latest,
    pub dispatch: Dispatch,
}

/// The « Procédure » step.
#[function_component(ProcedureStep)]
pub fn procedure_step(props: &ProcedureProps) -> Html {
    let chosen = use_state_eq(|| LetterKind::InjunctionRequest);
    let text = |path: &'static str| props.court.get(path).cloned().unwrap_or_default();
    let field = |path: &'static str| {
        let (label, kind, hint) = shape(path);
        let id = FieldId::Court(path);
        html! {
            <Field field={id} {label} {kind} value={text(path)} error={error_of(&props.checked, id)}
                hint={hint.map(AttrValue::from)} dispatch={props.dispatch.clone()} />
        }
    };
    let select = |path: &'static str,
                  label: &'static str,
                  options: &'static [(&'static str, &'static str)]| {
        let id = FieldId::Court(path);
        html! {
            <SelectField field={id} {label} {options} value={text(path)}
                error={error_of(&props.checked, id)} dispatch={props.dispatch.clone()} />
        }
    };
    // A company's registration, or a person's names (CPC 54, 57).
    let party = |who: &'static str, company: bool| -> Html {
        let paths: &[&'static str] = match (who, company) {
            ("creditor", true) => &[
                "creditor.legal_form",
                "creditor.share_capital",
                "creditor.rcs_city",
                "creditor.registered_office",
                "creditor.representative",
                "creditor.representative_capacity",
            ],
            ("creditor", false) => &[
                "creditor.first_name",
                "creditor.last_name",
                "creditor.profession",
                "creditor.nationality",
                "creditor.birth_date",
                "creditor.birth_place",
            ],
            (_, true) => &[
                "debtor.legal_form",
                "debtor.share_capital",
                "debtor.rcs_city",
                "debtor.registered_office",
                "debtor.representative",
                "debtor.representative_capacity",
                "debtor.first_name",
                "debtor.last_name",
            ],
            _ => &["debtor.first_name", "debtor.last_name"],
        };
        let civility = if who == "creditor" {
            "creditor.civility"
        } else {
            "debtor.civility"
        };
        html! {
            <>
                if !company || who == "debtor" {
                    { select(civility, "Civilité (personne physique)", &CIVILITIES[..]) }
                }
                { for paths.iter().map(|p| field(p)) }
            </>
        }
    };
    let creditor_company = props.creditor_kind.is_empty() || props.creditor_kind == "company";
    let debtor_company = props.debtor_kind != "consumer";
    let abroad = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let value = if input.checked() { "true" } else { "" };
            dispatch.dispatch(Action::Edit(
                FieldId::Court("insolvency.creditor_abroad"),
                value.into(),
            ));
        })
    };
    let add_piece = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::AddPiece))
    };
    let in_proceedings = !text("insolvency.procedure").is_empty();
    let kinds: Vec<(LetterKind, &str)> = [
        (
            LetterKind::InjunctionRequest,
            "Requête en injonction de payer",
        ),
        (LetterKind::CerfaGuide, "Guide « Remplir le Cerfa »"),
        (LetterKind::Bordereau, "Bordereau de pièces"),
        (LetterKind::ClaimDeclaration, "Déclaration de créance"),
    ]
    .into_iter()
    .filter(|(k, _)| in_proceedings || *k != LetterKind::ClaimDeclaration)
    .collect();
    let kind = if kinds.iter().any(|(k, _)| *k == *chosen) {
        *chosen
    } else {
        LetterKind::InjunctionRequest
    };
    // The declaration states the claim as it stood on the opening judgment (L622-28): computed
    // again only when the settled figures or that day change, not at each keystroke here.
    let on = props
        .settled
        .dossier
        .as_ref()
        .and_then(|d| d.court.insolvency.as_ref())
        .map(|p| p.opened)
        .filter(|_| kind == LetterKind::ClaimDeclaration);
    let figures = use_memo((props.settled.clone(), on), |(settled, on)| {
        match (on, &settled.dossier, &settled.computation) {
            (Some(on), Some(d), Some(_)) => Some(Rc::new(compute(d, *on, &RateTables::builtin()))),
            (_, _, c) => c.clone(),
        }
    });
    html! {
        <section class="procedure" aria-labelledby="procedure-title" data-testid="procedure">
            <h2 id="procedure-title">{ "Procédure" }</h2>
            <p class="hint">{ "Si la relance et la mise en demeure n'ont rien donné : la requête en injonction de payer (C. proc. civ. 1405) avec son bordereau de pièces, sur papier libre ; si le débiteur est en procédure collective, la déclaration de créance au mandataire ou au liquidateur (C. com. L622-24)." }</p>
            <details class="procedure-forms">
                <summary>{ "Tribunal, parties, pièces, procédure collective" }</summary>
                <fieldset>
                    <legend>{ "Le tribunal" }</legend>
                    <div class="grid">
                        { select("injunction.court_kind", "Tribunal compétent", &COURT_KINDS[..]) }
                        { field("injunction.court") }
                        { field("injunction.court_address") }
                        { field("injunction.amicable_attempt") }
                    </div>
                </fieldset>
                <fieldset>
                    <legend>{ "Le créancier devant le tribunal" }</legend>
                    <div class="grid">{ party("creditor", creditor_company) }</div>
                </fieldset>
                <fieldset>
                    <legend>{ "Le débiteur devant le tribunal" }</legend>
                    <div class="grid">{ party("debtor", debtor_company) }</div>
                </fieldset>
                <fieldset>
                    <legend>{ "Pièces" }</legend>
                    <p class="hint">{ "Les documents que vous joindrez, dans l'ordre du bordereau. Les factures, les avoirs, la mise en demeure et le décompte s'y ajoutent d'eux-mêmes." }</p>
                    { for props.pieces.iter().enumerate().map(|(i, p)| piece_row(i, p, props.pieces.len(), props)) }
                    <button type="button" onclick={add_piece}>{ "Ajouter une pièce" }</button>
                </fieldset>
                <fieldset>
                    <legend>{ "Procédure collective du débiteur" }</legend>
                    <div class="grid">
                        { select("insolvency.procedure", "Procédure", &PROCEDURES[..]) }
                        if in_proceedings {
                            { field("insolvency.opened") }
                            { field("insolvency.published") }
                            { field("insolvency.court") }
                            { field("insolvency.representative.name") }
                            { field("insolvency.representative.address") }
                            { field("insolvency.security") }
                            { field("insolvency.pending_case") }
                        }
                    </div>
                    if in_proceedings {
                        <div class="checkbox">
                            <input type="checkbox" id="f-insolvency-creditor_abroad"
                                checked={text("insolvency.creditor_abroad") == "true"} onchange={abroad} />
                            <label for="f-insolvency-creditor_abroad">{ "Le créancier est établi hors du territoire du tribunal (quatre mois au lieu de deux, R622-24)" }</label>
                        </div>
                    }
                </fieldset>
            </details>
            <fieldset class="radios">
                <legend>{ "Document" }</legend>
                { for kinds.iter().map(|(k, label)| {
                    let id = format!("procedure-kind-{}", k.code());
                    let onchange = {
                        let (chosen, k) = (chosen.clone(), *k);
                        Callback::from(move |_: Event| chosen.set(k))
                    };
                    html! {
                        <div class="radio">
                            <input type="radio" id={id.clone()} name="procedure-kind" value={k.code()}
                                checked={*k == kind} {onchange} />
                            <label for={id}>{ *label }</label>
                        </div>
                    }
                }) }
            </fieldset>
            { document(kind, on, (*figures).clone(), props) }
        </section>
    }
}

/// One piece: its kind, date and title, moved up or down, removed.
fn piece_row(i: usize, p: &PieceForm, count: usize, props: &ProcedureProps) -> Html {
    let id = |f| FieldId::Piece(i, f);
    let act = |action: Action| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(action.clone()))
    };
    let n = i + 1;
    html! {
        <fieldset class="row" key={i}>
            <legend>{ format!("Pièce {n}") }</legend>
            <div class="grid">
                <SelectField field={id(PieceField::Kind)} label="Nature" options={&PIECE_KINDS[..]}
                    value={p.kind.clone()} error={error_of(&props.checked, id(PieceField::Kind))}
                    dispatch={props.dispatch.clone()} />
                <Field field={id(PieceField::Date)} label="Date" kind={InputKind::Date} value={p.date.clone()}
                    error={error_of(&props.checked, id(PieceField::Date))} dispatch={props.dispatch.clone()} />
                <Field field={id(PieceField::Title)} label="Intitulé" value={p.title.clone()}
                    error={error_of(&props.checked, id(PieceField::Title))} dispatch={props.dispatch.clone()} />
            </div>
            <div class="row-actions">
                if i > 0 {
                    <button type="button" onclick={act(Action::MovePiece(i, true))}>
                        { "Monter" }<span class="sr-only">{ format!(" la pièce {n}") }</span>
                    </button>
                }
                if n < count {
                    <button type="button" onclick={act(Action::MovePiece(i, false))}>
                        { "Descendre" }<span class="sr-only">{ format!(" la pièce {n}") }</span>
                    </button>
                }
                <button type="button" class="danger" onclick={act(Action::RemovePiece(i))}>
                    { "Supprimer" }<span class="sr-only">{ format!(" la pièce {n}") }</span>
                </button>
            </div>
        </fieldset>
    }
}

/// The chosen document: what holds it back (by field), what to know, and its preview.
fn document(
    kind: LetterKind,
    on: Option<chrono::NaiveDate>,
    figures: Option<Rc<relance_engine::Computation>>,
    props: &ProcedureProps,
) -> Html {
    let (Some(dossier), Some(computation), Some(figures)) =
        (&props.settled.dossier, &props.settled.computation, figures)
    else {
        return html! { <p class="hint">{ "Les actes s'affichent dès que le décompte est calculé." }</p> };
    };
    if dossier.judgment.is_some() {
        return html! { <p class="note">{ "Après un jugement, ces actes ne servent plus : le décompte ci-dessus donne ce qui est dû, et l'étape Lettre la demande d'exécution." }</p> };
    }
    let check: Check = match kind {
        LetterKind::ClaimDeclaration => procedure::declaration_check(dossier, computation.as_of),
        LetterKind::Bordereau => Check::default(),
        _ => procedure::injunction_check(dossier, computation),
    };
    html! {
        <>
            if !check.blockers.is_empty() {
                <div class="warning" data-testid="procedure-guards">
                    <p>{ "Avant ce document :" }</p>
                    <ul>{ for check.blockers.iter().map(|g| html! { <li>{ field_link(&g.path, g.message.clone()) }</li> }) }</ul>
                </div>
            }
            if !check.notes.is_empty() {
                <div class="note" data-testid="procedure-notes">
                    <p>{ "À savoir :" }</p>
                    <ul>{ for check.notes.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
                </div>
            }
            if check.blockers.is_empty() {
                <Preview {kind} annex=true dossier={dossier.clone()} checked={props.settled.checked.clone()}
                    computation={figures} edits={props.edits.clone()} latest={props.latest.clone()}
                    dispatch={props.dispatch.clone()} scope="procedure" label="Aperçu du document" {on} />
            }
        </>
    }
}
