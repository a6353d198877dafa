//! The « Jugement » part of the full dossier (issue 13): a judgment or an injonction de payer
//! made enforceable, and the day capitalisation was asked. Once its date and principal are
//! typed, what is owed comes from it (C. civ. 1231-7, C. mon. fin. L313-3, C. civ. 1343-2).

use std::rc::Rc;

use relance_engine::form::{Checked, JudgmentForm};
use yew::prelude::*;

use super::error_of;
use super::field::{Dispatch, Field, InputKind};
use crate::state::{FieldId, OptionField};

#[derive(Properties, PartialEq)]
pub struct JudgmentProps {
    pub judgment: JudgmentForm,
    pub capitalisation_from: String,
    pub checked: Rc<Checked>,
    pub dispatch: Dispatch,
}

/// Label, kind and hint of each field, by its dossier key (`JudgmentForm::fields`).
fn shape(key: &str) -> (&'static str, InputKind, Option<&'static str>) {
    match key {
        "date" => ("Date de la décision", InputKind::Date, None),
        "served" => (
            "Date de la signification",
            InputKind::Date,
            Some("Deux mois après, le taux de l'intérêt légal est majoré de 5 points (C. mon. fin. L313-3). Vide : pas encore signifiée."),
        ),
        "principal" => ("Principal de la condamnation (€)", InputKind::Amount, None),
        "interest_awarded" => (
            "Intérêts fixés par la décision (€)",
            InputKind::Amount,
            Some("Les intérêts que la décision chiffre jusqu'à sa date, s'il y en a."),
        ),
        "article_700" => (
            "Article 700 du CPC (€)",
            InputKind::Amount,
            Some("Il porte intérêts avec le principal."),
        ),
        "costs" => (
            "Dépens liquidés (€)",
            InputKind::Amount,
            Some("Sans intérêts."),
        ),
        "interest_from" => (
            "Intérêts à compter du",
            InputKind::Date,
            Some("Si le juge a fixé un autre point de départ ; vide : la date de la décision."),
        ),
        "court" => (
            "Juridiction",
            InputKind::Text,
            Some("Par exemple : Tribunal de commerce de Lyon."),
        ),
        _ => (
            "Numéro (RG)",
            InputKind::Text,
            Some("Pour la lettre : « RG n° 25/01234 »."),
        ),
    }
}

#[function_component(JudgmentPart)]
pub fn judgment_part(props: &JudgmentProps) -> Html {
    let field = |id: FieldId, value: &String| {
        let key = match id {
            FieldId::Judgment(key) => key,
            _ => "capitalisation_from",
        };
        let (label, kind, hint) = match key {
            "capitalisation_from" => (
                "Capitalisation des intérêts demandée le",
                InputKind::Date,
                Some("Le jour où elle a été demandée en justice ou convenue : chaque année, les intérêts dus s'ajoutent au capital (C. civ. 1343-2). Vide : pas de capitalisation."),
            ),
            key => shape(key),
        };
        html! {
            <Field field={id} {label} {kind} value={value.clone()}
                error={error_of(&props.checked, id)} hint={hint.map(AttrValue::from)}
                dispatch={props.dispatch.clone()} />
        }
    };
    html! {
        <section class="judgment" aria-labelledby="judgment-title" data-testid="judgment">
            <h3 id="judgment-title">{ "Jugement" }</h3>
            <p class="hint">
                { "Si un jugement, ou une injonction de payer revêtue de la formule exécutoire, a condamné le débiteur : ce qui est dû se calcule alors sur la décision, intérêts au taux légal depuis sa date (C. civ. 1231-7). Le décompte des factures reste visible jusqu'à cette date." }
            </p>
            <div class="grid">
                { for props.judgment.fields().into_iter().map(|(key, value)| field(FieldId::Judgment(key), value)) }
                { field(FieldId::Option(OptionField::CapitalisationFrom), &props.capitalisation_from) }
            </div>
        </section>
    }
}
