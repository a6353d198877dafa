//! The creditor and the debtor: name, kind, SIREN (check digit validated by the engine),
//! address and e-mail.

use std::rc::Rc;

use relance_engine::dossier::{CreditorKind, DebtorKind};
use relance_engine::form::{Checked, PartyForm};
use yew::prelude::*;

use super::error_of;
use super::field::{Dispatch, Field, InputKind, SelectField};
use crate::state::{FieldId, Party, PartyField};

/// Creditor kinds, as the engine spells them.
pub static CREDITOR_KINDS: [(&str, &str); 3] = [
    (CreditorKind::Company.code(), "société"),
    (
        CreditorKind::IndividualProfessional.code(),
        "entrepreneur individuel",
    ),
    (CreditorKind::IndividualPrivate.code(), "particulier"),
];

/// Debtor kinds, as the engine spells them.
pub static DEBTOR_KINDS: [(&str, &str); 3] = [
    (DebtorKind::Professional.code(), "professionnel"),
    (DebtorKind::Consumer.code(), "particulier (consommateur)"),
    (DebtorKind::Public.code(), "acheteur public"),
];

/// Said under a blank field that a letter needs.
pub const LETTER_NEEDS_IT: &str = "À renseigner pour produire la lettre.";

#[derive(Properties, PartialEq)]
pub struct PartiesProps {
    pub creditor: PartyForm,
    pub debtor: PartyForm,
    pub checked: Rc<Checked>,
    pub dispatch: Dispatch,
}

#[function_component(Parties)]
pub fn parties(props: &PartiesProps) -> Html {
    html! {
        <div class="parties">
            { party(Party::Creditor, &props.creditor, props) }
            { party(Party::Debtor, &props.debtor, props) }
        </div>
    }
}

fn party(which: Party, p: &PartyForm, props: &PartiesProps) -> Html {
    let (legend, of, kinds): (_, _, &'static [(&str, &str)]) = match which {
        Party::Creditor => ("Créancier", "du créancier", &CREDITOR_KINDS),
        Party::Debtor => ("Débiteur", "du débiteur", &DEBTOR_KINDS),
    };
    let id = |field| FieldId::Party(which, field);
    let err = |field| error_of(&props.checked, id(field));
    // A name or an address a letter needs, said next to the field once a letter can be drafted.
    let needed = |field: PartyField| {
        props
            .checked
            .letter_blank(&id(field).path())
            .then(|| AttrValue::from(LETTER_NEEDS_IT))
    };
    let label = |what: &str| AttrValue::from(format!("{what} {of}"));
    let dispatch = &props.dispatch;
    html! {
        <fieldset>
            <legend>{ legend }</legend>
            <div class="grid">
                <Field field={id(PartyField::Name)} label={label("Nom")} value={p.name.clone()}
                    error={err(PartyField::Name)} hint={needed(PartyField::Name)}
                    dispatch={dispatch.clone()} />
                <SelectField field={id(PartyField::Kind)} label={label("Statut")} options={kinds}
                    value={p.kind.clone()} error={err(PartyField::Kind)} dispatch={dispatch.clone()} />
                <Field field={id(PartyField::Siren)} label={label("SIREN")} kind={InputKind::Siren}
                    value={p.siren.clone()} error={err(PartyField::Siren)}
                    hint="9 chiffres ; facultatif." dispatch={dispatch.clone()} />
                <Field field={id(PartyField::Address)} label={label("Adresse")} kind={InputKind::Address} value={p.address.clone()}
                    error={err(PartyField::Address)} hint={needed(PartyField::Address)}
                    dispatch={dispatch.clone()} />
                <Field field={id(PartyField::Email)} label={label("E-mail")} kind={InputKind::Email}
                    value={p.email.clone()} error={err(PartyField::Email)} dispatch={dispatch.clone()} />
            </div>
        </fieldset>
    }
}
