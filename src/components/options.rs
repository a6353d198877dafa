//! The engine's options: rate (legal default or contractual, and, for a contractual rate, what
//! applies where it is below the legal floor), rate period, day count, imputation of payments,
//! the 40 € indemnity, extra costs and the formal-notice date.

use std::rc::Rc;

use relance_engine::dossier::{BelowFloor, DayCount, Imputation, RateKind, RatePeriod};
use relance_engine::form::{Checked, OptionsForm};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::error_of;
use super::field::{Dispatch, Field, InputKind, RadioGroup, SelectField};
use crate::state::{Action, FieldId, OptionField};

static RATE_KINDS: [(&str, &str); 2] = [
    (
        RateKind::LegalDefault.code(),
        "taux légal par défaut (taux BCE + 10 points)",
    ),
    (RateKind::Contractual.code(), "taux prévu au contrat"),
];
static BELOW_FLOOR: [(&str, &str); 3] = [
    (
        BelowFloor::Floor.code(),
        "appliquer le plancher (recommandé)",
    ),
    (
        BelowFloor::Contractual.code(),
        "appliquer le taux contractuel tel quel",
    ),
    (
        BelowFloor::LegalDefault.code(),
        "appliquer le taux légal BCE + 10 points",
    ),
];
static RATE_PERIODS: [(&str, &str); 2] = [
    (
        RatePeriod::Semester.code(),
        "révisé chaque semestre (1er janvier, 1er juillet)",
    ),
    (
        RatePeriod::FrozenAtDueDate.code(),
        "figé au premier jour de retard",
    ),
];
static DAY_COUNTS: [(&str, &str); 2] = [
    (DayCount::Fixed365.code(), "année de 365 jours"),
    (
        DayCount::Actual.code(),
        "jours réels (366 les années bissextiles)",
    ),
];
static IMPUTATIONS: [(&str, &str); 2] = [
    (
        Imputation::InterestFirst.code(),
        "sur les intérêts d'abord (C. civ. 1343-1)",
    ),
    (
        Imputation::PrincipalFirst.code(),
        "sur le principal d'abord",
    ),
];

#[derive(Properties, PartialEq)]
pub struct OptionsProps {
    pub options: OptionsForm,
    pub checked: Rc<Checked>,
    pub dispatch: Dispatch,
}

#[function_component(Options)]
pub fn options(props: &OptionsProps) -> Html {
    let o = &props.options;
    let dispatch = &props.dispatch;
    let id = FieldId::Option;
    let err = |field| error_of(&props.checked, id(field));
    let indemnity = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            dispatch.dispatch(Action::SetIndemnity(input.checked()));
        })
    };
    html! {
        <fieldset class="options">
            <legend>{ "Options de calcul" }</legend>
            <RadioGroup field={id(OptionField::RateKind)} legend="Taux des pénalités"
                options={&RATE_KINDS[..]} value={o.rate_kind.clone()}
                error={err(OptionField::RateKind)} dispatch={dispatch.clone()} />
            <div class="grid">
                if o.rate_kind == "contractual" {
                    <Field field={id(OptionField::RatePercent)} label="Taux contractuel annuel (%)"
                        kind={InputKind::Percent} value={o.rate_percent.clone()}
                        error={err(OptionField::RatePercent)} dispatch={dispatch.clone()} />
                    <SelectField field={id(OptionField::BelowFloor)}
                        label="Si le taux contractuel est inférieur au plancher légal (3 × taux légal)"
                        options={&BELOW_FLOOR[..]} value={o.below_floor.clone()}
                        hint="Un contrat ne peut pas fixer un taux inférieur à trois fois le taux de l'intérêt légal (C. com. L441-10) ; le texte ne dit pas quel taux le remplace."
                        dispatch={dispatch.clone()} />
                }
                <SelectField field={id(OptionField::RatePeriod)} label="Période du taux"
                    options={&RATE_PERIODS[..]} value={o.rate_period.clone()}
                    error={err(OptionField::RatePeriod)} dispatch={dispatch.clone()} />
                <SelectField field={id(OptionField::DayCount)} label="Décompte des jours"
                    options={&DAY_COUNTS[..]} value={o.day_count.clone()} dispatch={dispatch.clone()} />
                <SelectField field={id(OptionField::Imputation)} label="Imputation des paiements"
                    options={&IMPUTATIONS[..]} value={o.imputation.clone()} dispatch={dispatch.clone()} />
                <Field field={id(OptionField::ExtraCosts)} label="Frais de recouvrement supplémentaires (€)"
                    kind={InputKind::Amount} value={o.extra_costs.clone()}
                    error={err(OptionField::ExtraCosts)}
                    hint="Frais justifiés au-delà de l'indemnité forfaitaire (C. com. L441-10 II)."
                    dispatch={dispatch.clone()} />
                <Field field={id(OptionField::FormalNoticeDate)} label="Date de la mise en demeure"
                    kind={InputKind::Date} value={o.formal_notice_date.clone()}
                    error={err(OptionField::FormalNoticeDate)}
                    hint="Point de départ des intérêts d'un particulier (C. civ. 1231-6)."
                    dispatch={dispatch.clone()} />
            </div>
            <div class="checkbox">
                <input type="checkbox" id="f-options-indemnity" checked={o.indemnity} onchange={indemnity} />
                <label for="f-options-indemnity">
                    { "Réclamer l'indemnité forfaitaire de 40 € par facture (C. com. D441-5)" }
                </label>
            </div>
        </fieldset>
    }
}
