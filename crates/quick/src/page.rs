//! The quick start on the page: drawn into `<main id="app">` in place of boot.js's loading
//! line, unless the app is already there or the browser keeps a dossier.

use std::cell::Cell;

use chrono::NaiveDate;
use relance_engine::form::{date_typing, date_written_out};
use wasm_bindgen::prelude::*;
use web_sys::{Document, Event, HtmlInputElement, InputEvent};

use crate::answer::{answer, Answer};
use crate::stored::KEYS;

const AMOUNT: &str = "qs-f-invoices-0-amount";
const DUE: &str = "qs-f-invoices-0-due";

/// What is drawn: the app's quick start and totals, as far as one invoice goes. Static text
/// only; the figures are set as text (`show`).
const HTML: &str = r#"<section class="quick-start" aria-labelledby="qs-title"><h2 id="qs-title">Calcul rapide</h2><div class="grid"><div class="field"><label for="qs-f-invoices-0-amount">Montant TTC de la facture (€)</label><input id="qs-f-invoices-0-amount" type="text" inputmode="decimal" placeholder="1 234,56" autocomplete="off"><p class="error" id="qs-f-invoices-0-amount-error" hidden></p></div><div class="field"><label for="qs-f-invoices-0-due">Date d'échéance</label><input id="qs-f-invoices-0-due" type="text" inputmode="numeric" placeholder="JJ/MM/AAAA" autocomplete="off"><p class="error" id="qs-f-invoices-0-due-error" hidden></p></div></div><p class="hint" role="status">Débiteur professionnel, calcul à ce jour. Le reste de Relance arrive…</p></section><section class="totals" aria-labelledby="totals-title"><h2 id="totals-title">Ce que doit le débiteur</h2><div id="qs-figures"></div></section>"#;

/// The figures, drawn in `#qs-figures` while there are some (in their place otherwise, a
/// line saying why), as the app draws them: the same `data-testid`s, present only with figures.
const FIGURES: &str = r#"<p class="total-due" aria-live="polite" aria-atomic="true"><span id="qs-total-title"></span><strong class="amount" data-testid="total-due"></strong></p><dl class="figures"><div><dt>Principal restant dû</dt><dd class="amount" data-testid="total-principal"></dd></div><div id="qs-interest"><dt id="qs-interest-label"></dt><dd class="amount" data-testid="total-interest"></dd></div><div><dt>Indemnités forfaitaires de recouvrement</dt><dd class="amount" data-testid="total-indemnities"></dd></div></dl><p class="daily">+ <span class="amount" data-testid="daily-accrual"></span> par jour de retard</p>"#;

thread_local! {
    /// The due date is being typed: its error waits for the field to be left, as in the app.
    static TYPING: Cell<bool> = const { Cell::new(false) };
}

/// Draws the quick start; called by boot.js once this module is in.
#[wasm_bindgen]
pub fn start() {
    let _ = draw();
}

fn draw() -> Option<()> {
    let window = web_sys::window()?;
    let storage = window.local_storage().ok().flatten();
    if KEYS.iter().any(|key| {
        storage
            .as_ref()
            .is_some_and(|s| s.get_item(key).ok().flatten().is_some())
    }) {
        return None;
    }
    let document = window.document()?;
    let app = document.get_element_by_id("app")?;
    // boot.js's loading line still there: the app has not started.
    app.query_selector(".boot-status").ok()??;
    app.set_inner_html(HTML);
    let _ = app.remove_attribute("aria-busy");
    listen(&document, AMOUNT, "input", |_, _| {});
    listen(&document, DUE, "input", |input, event| {
        TYPING.set(true);
        let typed = event.dyn_ref::<InputEvent>().and_then(InputEvent::data);
        if typed.is_some() {
            if let Some(slashed) = date_typing(&input.value()) {
                input.set_value(&slashed);
            }
        }
    });
    listen(&document, DUE, "blur", |input, _| {
        TYPING.set(false);
        if let Some(written) = date_written_out(&input.value()) {
            input.set_value(&written);
        }
    });
    show(&document);
    Some(())
}

/// On `kind` at the input `id`: `then`, and the answer shown again.
fn listen(document: &Document, id: &str, kind: &str, then: fn(&HtmlInputElement, &Event)) {
    let Some(input) = input(document, id) else {
        return;
    };
    let (document, target) = (document.clone(), input.clone());
    let handler = Closure::<dyn Fn(Event)>::new(move |event: Event| {
        then(&target, &event);
        show(&document);
    });
    let _ = input.add_event_listener_with_callback(kind, handler.as_ref().unchecked_ref());
    handler.forget();
}

fn input(document: &Document, id: &str) -> Option<HtmlInputElement> {
    document.get_element_by_id(id)?.dyn_into().ok()
}

fn today() -> Option<NaiveDate> {
    let now = js_sys::Date::new_0();
    let year = i32::try_from(now.get_full_year()).ok()?;
    NaiveDate::from_ymd_opt(year, now.get_month() + 1, now.get_date())
}

fn show(document: &Document) {
    let value = |id| input(document, id).map(|i| i.value()).unwrap_or_default();
    let Answer {
        amount_error,
        due_error,
        figures,
    } = answer(&value(AMOUNT), &value(DUE), today());
    field_error(document, AMOUNT, amount_error.as_deref());
    field_error(
        document,
        DUE,
        due_error.as_deref().filter(|_| !TYPING.get()),
    );
    let text = |selector: &str, text: &str| {
        if let Ok(Some(e)) = document.query_selector(selector) {
            e.set_text_content(Some(text));
        }
    };
    let Some(block) = document.get_element_by_id("qs-figures") else {
        return;
    };
    match figures {
        Ok(f) => {
            if document.get_element_by_id("qs-total-title").is_none() {
                block.set_inner_html(FIGURES);
            }
            text("#qs-total-title", &f.total_title);
            text("[data-testid=total-due]", &f.total);
            text("[data-testid=total-principal]", &f.principal);
            text("#qs-interest-label", f.interest_label);
            text("[data-testid=total-interest]", &f.interest);
            why_zero(document, f.why_zero.as_deref());
            text("[data-testid=total-indemnities]", &f.indemnities);
            text("[data-testid=daily-accrual]", &f.daily);
        }
        Err(why) => {
            if document.get_element_by_id("qs-empty").is_none() {
                block.set_inner_html(r#"<p class="empty" id="qs-empty"></p>"#);
            }
            text("#qs-empty", why);
        }
    }
}

/// Why the interest is 0 €, under it while there is a reason.
fn why_zero(document: &Document, why: Option<&str>) {
    let line = document
        .query_selector("[data-testid=why-zero]")
        .ok()
        .flatten();
    match (why, line) {
        (Some(why), Some(line)) => line.set_text_content(Some(why)),
        (Some(why), None) => {
            let (Some(interest), Ok(line)) = (
                document.get_element_by_id("qs-interest"),
                document.create_element("dd"),
            ) else {
                return;
            };
            line.set_class_name("why-zero");
            let _ = line.set_attribute("data-testid", "why-zero");
            line.set_text_content(Some(why));
            let _ = interest.append_child(&line);
        }
        (None, Some(line)) => line.remove(),
        (None, None) => {}
    }
}

/// The field's error under it, and the input marked invalid and described by it.
fn field_error(document: &Document, id: &str, error: Option<&str>) {
    let (Some(input), Some(line)) = (
        input(document, id),
        document.get_element_by_id(&format!("{id}-error")),
    ) else {
        return;
    };
    line.set_text_content(error);
    let _ = line.toggle_attribute_with_force("hidden", error.is_none());
    if let Some(field) = input.parent_element() {
        let _ = field
            .class_list()
            .toggle_with_force("invalid", error.is_some());
    }
    let _ = match error {
        Some(_) => input
            .set_attribute("aria-invalid", "true")
            .and_then(|()| input.set_attribute("aria-describedby", &line.id())),
        None => input
            .remove_attribute("aria-invalid")
            .and_then(|()| input.remove_attribute("aria-describedby")),
    };
}
