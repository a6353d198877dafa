//! Rates newer than the shipped tables (issue 12): the last day the tables cover, and the ECB
//! changes and semesters' legal rates the user adds, each with its source. They are kept in the
//! dossier (`rates.ecb[]`, `rates.legal[]`); the engine marks every figure computed with one.

use std::rc::Rc;

use relance_engine::form::{Checked, RateForm};
use relance_engine::{fr, RateTables};
use yew::prelude::*;

use super::error_of;
use super::field::{Dispatch, Field, InputKind};
use crate::hooks::use_focus_added_row::use_focus_added_row;
use crate::state::{Action, FieldId, RateField, RateList};

#[derive(Properties, PartialEq)]
pub struct UserRatesProps {
    pub ecb: Vec<RateForm>,
    pub legal: Vec<RateForm>,
    pub checked: Rc<Checked>,
    pub dispatch: Dispatch,
}

#[function_component(UserRates)]
pub fn user_rates(props: &UserRatesProps) -> Html {
    let tables = RateTables::builtin();
    let known = match tables.legal_known_through() {
        Some(legal) => format!(
            "Relance connaît le taux BCE jusqu'au {} et le taux de l'intérêt légal jusqu'au {}.",
            fr::date(tables.ecb_complete_through),
            fr::date(legal)
        ),
        None => String::new(),
    };
    html! {
        <section class="user-rates" aria-labelledby="user-rates-title">
            <h3 id="user-rates-title">{ "Taux plus récents que ceux de Relance" }</h3>
            <p class="hint">
                { known }
                { " Au-delà, le dernier taux connu est appliqué et marqué provisoire. Si un taux plus récent a été publié, saisissez-le avec sa source : il est gardé dans le dossier, et chaque ligne calculée avec lui porte « saisi par vous »." }
            </p>
            <RateRows list={RateList::Ecb} rows={props.ecb.clone()} checked={props.checked.clone()}
                dispatch={props.dispatch.clone()} />
            <RateRows list={RateList::Legal} rows={props.legal.clone()} checked={props.checked.clone()}
                dispatch={props.dispatch.clone()} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct RateRowsProps {
    list: RateList,
    rows: Vec<RateForm>,
    checked: Rc<Checked>,
    dispatch: Dispatch,
}

/// The rows of one list, and its « Ajouter » button.
#[function_component(RateRows)]
fn rate_rows(props: &RateRowsProps) -> Html {
    let list = props.list;
    use_focus_added_row(props.rows.len(), true, move |i| {
        FieldId::Rate(list, i, RateField::When).dom_id()
    });
    let add = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::AddRate(list)))
    };
    let ecb = list == RateList::Ecb;
    html! {
        <>
            { for props.rows.iter().enumerate().map(|(i, row)| {
                let id = |field| FieldId::Rate(list, i, field);
                let err = |field| error_of(&props.checked, id(field));
                let field = |f: RateField, label: &'static str, kind: InputKind, value: &String, hint: Option<&'static str>| html! {
                    <Field field={id(f)} label={label} {kind} value={value.clone()} error={err(f)}
                        hint={hint.map(AttrValue::from)} dispatch={props.dispatch.clone()} />
                };
                let remove = {
                    let dispatch = props.dispatch.clone();
                    Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::RemoveRate(list, i)))
                };
                let n = i + 1;
                html! {
                    <fieldset class="row" key={i}>
                        <legend>{ if ecb { format!("Taux BCE saisi {n}") } else { format!("Taux légal saisi {n}") } }</legend>
                        <div class="grid">
                            if ecb {
                                { field(RateField::When, "Date du changement", InputKind::Date, &row.when, None) }
                                { field(RateField::Percent, "Taux de refinancement de la BCE (%)", InputKind::Percent, &row.percent, None) }
                            } else {
                                { field(RateField::When, "Semestre", InputKind::Text, &row.when,
                                    Some("AAAA-1 : janvier à juin ; AAAA-2 : juillet à décembre.")) }
                                { field(RateField::Percent, "Taux légal, créancier particulier (%)", InputKind::Percent, &row.percent, None) }
                                { field(RateField::Other, "Taux légal, autres cas (%)", InputKind::Percent, &row.other, None) }
                            }
                            { field(RateField::Source, "Source", InputKind::Text, &row.source,
                                Some("Le texte qui publie ce taux : décision de la BCE, arrêté au Journal officiel.")) }
                        </div>
                        <div class="row-actions">
                            <button type="button" class="danger" onclick={remove}>
                                { "Supprimer" }<span class="sr-only">{ if ecb { format!(" le taux BCE saisi {n}") } else { format!(" le taux légal saisi {n}") } }</span>
                            </button>
                        </div>
                    </fieldset>
                }
            }) }
            <button type="button" onclick={add}>
                { if ecb { "Ajouter un taux BCE" } else { "Ajouter les taux légaux d'un semestre" } }
            </button>
        </>
    }
}
