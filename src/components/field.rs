//! Labelled form controls: a `<label for>`, the control, an optional hint and the field's
//! French error message right under it (`aria-describedby`, `aria-invalid`).
//!
//! Each control dispatches `Action::Edit` itself, so its props stay comparable and an
//! unchanged field is not re-rendered.

use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::state::{Action, AppState, FieldId};

/// The reducer's dispatcher: stable across renders, so it does not defeat prop comparison.
pub type Dispatch = UseReducerDispatcher<AppState>;

/// What a text field holds; decides its keyboard and placeholder.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum InputKind {
    #[default]
    Text,
    /// A date typed `JJ/MM/AAAA` (ISO is accepted too).
    Date,
    Amount,
    /// A whole number (days, instalments, months).
    Count,
    Percent,
    Email,
    Siren,
    /// A postal address: several lines (a `<textarea>`, Enter starts a line).
    Address,
}

/// The ids of a field's hint and error, and the `aria-describedby` list pointing at them.
struct Described {
    hint_id: String,
    error_id: String,
    describedby: Option<AttrValue>,
}

fn described(id: &str, hint: bool, error: bool) -> Described {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let ids: Vec<&str> = [(hint, hint_id.as_str()), (error, error_id.as_str())]
        .into_iter()
        .filter_map(|(on, id)| on.then_some(id))
        .collect();
    Described {
        describedby: (!ids.is_empty()).then(|| AttrValue::from(ids.join(" "))),
        hint_id,
        error_id,
    }
}

fn messages(d: &Described, hint: &Option<AttrValue>, error: &Option<AttrValue>) -> Html {
    html! {
        <>
            if let Some(hint) = hint {
                <p class="hint" id={d.hint_id.clone()}>{ hint }</p>
            }
            if let Some(error) = error {
                <p class="error" id={d.error_id.clone()}>{ error }</p>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct FieldProps {
    pub field: FieldId,
    pub label: AttrValue,
    pub value: AttrValue,
    #[prop_or_default]
    pub error: Option<AttrValue>,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    #[prop_or_default]
    pub kind: InputKind,
    /// Prefix of the DOM id, for a field shown in two places (quick start and full dossier).
    #[prop_or_default]
    pub id_prefix: AttrValue,
    /// Id of a `<datalist>` of suggestions.
    #[prop_or_default]
    pub list: Option<AttrValue>,
    pub dispatch: Dispatch,
}

/// A one-line text input.
#[function_component(Field)]
pub fn field(props: &FieldProps) -> Html {
    let id = format!("{}{}", props.id_prefix, props.field.dom_id());
    // A date is checked once the field is left: « date invalide » while typing is noise.
    // A date typed in the quick start module, focus kept, is still being typed (web::quick).
    let typing =
        use_state_eq(|| props.kind == InputKind::Date && crate::web::quick::typing_in(&id));
    let date = props.kind == InputKind::Date;
    let address = props.kind == InputKind::Address;
    let error = props.error.clone().filter(|_| !(date && *typing));
    let d = described(&id, props.hint.is_some(), error.is_some());
    let oninput = {
        let (dispatch, typing) = (props.dispatch.clone(), typing.clone());
        let field = props.field;
        Callback::from(move |e: InputEvent| {
            if address {
                let area: HtmlTextAreaElement = e.target_unchecked_into();
                dispatch.dispatch(Action::Edit(field, area.value()));
                return;
            }
            let input: HtmlInputElement = e.target_unchecked_into();
            let mut value = input.value();
            if date {
                typing.set(true);
                // Characters typed (not a deletion); `data`, unlike `inputType`, is also safe to
                // read on a plain `Event` a script dispatches.
                if e.data().is_some() {
                    if let Some(slashed) = relance_engine::form::date_typing(&value) {
                        input.set_value(&slashed);
                        value = slashed;
                    }
                }
            }
            dispatch.dispatch(Action::Edit(field, value));
        })
    };
    let onblur = {
        let (dispatch, typing, field) = (props.dispatch.clone(), typing.clone(), props.field);
        Callback::from(move |e: FocusEvent| {
            typing.set(false);
            // A short or dotted spelling (15/03/26, 15.03.2026) is written out as JJ/MM/AAAA on
            // leaving the field, so the century is on screen; ISO and JJ/MM/AAAA stay as typed.
            if date {
                let input: HtmlInputElement = e.target_unchecked_into();
                if let Some(written) = relance_engine::form::date_written_out(&input.value()) {
                    dispatch.dispatch(Action::Edit(field, written));
                }
            }
        })
    };
    // The browser's calendar (in the browser's language): a date input out of sight, opened by
    // the button beside the field; the date picked is written in the field as JJ/MM/AAAA.
    let calendar = use_node_ref();
    let open_calendar = {
        let calendar = calendar.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = calendar.cast::<HtmlInputElement>() {
                let _ = input.show_picker();
            }
        })
    };
    let picked = {
        let (dispatch, field) = (props.dispatch.clone(), props.field);
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Ok(d) = relance_engine::parse::date(&input.value()) {
                dispatch.dispatch(Action::Edit(field, relance_engine::fr::date(d)));
            }
        })
    };
    let (input_type, inputmode, placeholder, autocomplete) = match props.kind {
        InputKind::Text | InputKind::Address => ("text", None, None, None),
        InputKind::Date => ("text", Some("numeric"), Some("JJ/MM/AAAA"), Some("off")),
        InputKind::Count => ("text", Some("numeric"), None, Some("off")),
        InputKind::Amount => ("text", Some("decimal"), Some("1 234,56"), Some("off")),
        InputKind::Percent => ("text", Some("decimal"), Some("12,5"), Some("off")),
        InputKind::Email => ("email", None, None, Some("email")),
        InputKind::Siren => ("text", Some("numeric"), Some("123 456 789"), Some("off")),
    };
    html! {
        <div class={classes!("field", error.is_some().then_some("invalid"))}>
            <label for={id.clone()} id={date.then(|| format!("{id}-label"))}>{ &props.label }</label>
            if address {
                <textarea id={id} rows="3" autocomplete="street-address" value={props.value.clone()}
                    aria-invalid={error.is_some().then_some("true")}
                    aria-describedby={d.describedby.clone()} {oninput} />
            } else {
            <div class={date.then_some("date-input")}>
            <input
                id={id.clone()}
                type={input_type}
                {inputmode}
                {placeholder}
                {autocomplete}
                list={props.list.clone()}
                value={props.value.clone()}
                aria-invalid={error.is_some().then_some("true")}
                aria-describedby={d.describedby.clone()}
                {oninput}
                {onblur}
            />
            if date {
                <input type="date" class="date-native" id={format!("{id}-calendar")} tabindex="-1"
                    aria-hidden="true" ref={calendar} onchange={picked}
                    value={relance_engine::parse::typed_date(&props.value).map(relance_engine::dossier::iso).unwrap_or_default()} />
                // Its name does not repeat the field's (which labels the field only); the label
                // describes it.
                <button type="button" class="date-pick" onclick={open_calendar}
                    aria-label="Choisir dans un calendrier" aria-describedby={format!("{id}-label")}>
                    <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M2 3h12v11H2zM2 6h12M5 1v3M11 1v3" /></svg>
                </button>
            }
            </div>
            }
            { messages(&d, &props.hint, &error) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct SelectProps {
    pub field: FieldId,
    pub label: AttrValue,
    pub value: AttrValue,
    /// `(value, label)` pairs.
    pub options: &'static [(&'static str, &'static str)],
    #[prop_or_default]
    pub error: Option<AttrValue>,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    #[prop_or_default]
    pub id_prefix: AttrValue,
    pub dispatch: Dispatch,
}

/// A `<select>`; an empty value selects the first option, as the engine reads it.
/// The `selected` attributes give the first render; later changes (an example loaded, an
/// import) set the `value` property, since the attribute no longer moves a select once touched.
#[function_component(SelectField)]
pub fn select_field(props: &SelectProps) -> Html {
    let id = format!("{}{}", props.id_prefix, props.field.dom_id());
    let d = described(&id, props.hint.is_some(), props.error.is_some());
    let onchange = {
        let dispatch = props.dispatch.clone();
        let field = props.field;
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            dispatch.dispatch(Action::Edit(field, select.value()));
        })
    };
    let current = match props.value.as_str() {
        "" => props.options.first().map_or("", |(v, _)| *v),
        v => v,
    };
    html! {
        <div class={classes!("field", props.error.is_some().then_some("invalid"))}>
            <label for={id.clone()}>{ &props.label }</label>
            <select
                id={id}
                ~value={wasm_bindgen::JsValue::from_str(current)}
                aria-invalid={props.error.is_some().then_some("true")}
                aria-describedby={d.describedby.clone()}
                {onchange}
            >
                { for props.options.iter().map(|(value, label)| html! {
                    <option value={*value} selected={*value == current}>{ *label }</option>
                }) }
            </select>
            { messages(&d, &props.hint, &props.error) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct RadioProps {
    pub field: FieldId,
    pub legend: AttrValue,
    pub value: AttrValue,
    pub options: &'static [(&'static str, &'static str)],
    #[prop_or_default]
    pub error: Option<AttrValue>,
    #[prop_or_default]
    pub id_prefix: AttrValue,
    pub dispatch: Dispatch,
}

/// A group of radio buttons in a `<fieldset>`; an empty value checks the first one.
#[function_component(RadioGroup)]
pub fn radio_group(props: &RadioProps) -> Html {
    let base = format!("{}{}", props.id_prefix, props.field.dom_id());
    let d = described(&base, false, props.error.is_some());
    let current = match props.value.as_str() {
        "" => props.options.first().map_or("", |(v, _)| *v),
        v => v,
    };
    html! {
        <fieldset class={classes!("radios", props.error.is_some().then_some("invalid"))}
                  aria-describedby={d.describedby.clone()}>
            <legend>{ &props.legend }</legend>
            { for props.options.iter().map(|(value, label)| {
                let id = format!("{base}-{value}");
                let onchange = {
                    let dispatch = props.dispatch.clone();
                    let field = props.field;
                    let value = (*value).to_owned();
                    Callback::from(move |_: Event| {
                        dispatch.dispatch(Action::Edit(field, value.clone()));
                    })
                };
                html! {
                    <div class="radio">
                        <input type="radio" id={id.clone()} name={base.clone()} value={*value}
                               checked={*value == current} {onchange} />
                        <label for={id}>{ *label }</label>
                    </div>
                }
            }) }
            { messages(&d, &None, &props.error) }
        </fieldset>
    }
}
