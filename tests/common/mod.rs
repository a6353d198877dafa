//! Helpers shared by the browser component tests: mounting, typing, clicking and reading
//! the DOM, and resetting localStorage between tests (they share one page).
#![allow(dead_code)]

use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlInputElement};
use yew::BaseComponent;

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a browser document")
}

/// Mounts `C` into a fresh `<div>` appended to `<body>` and waits until Yew has rendered it.
pub async fn mount<C>() -> Element
where
    C: BaseComponent,
    C::Properties: Default,
{
    let document = document();
    let root = document.create_element("div").expect("a <div>");
    document
        .body()
        .expect("a <body>")
        .append_child(&root)
        .expect("root appended");
    yew::Renderer::<C>::with_root(root.clone()).render();
    flush().await;
    root
}

/// Lets Yew run every pending render and effect.
pub async fn flush() {
    yew::scheduler::flush().await;
}

/// Waits until the values that follow the form after a pause in typing (Stratégie, the letter
/// preview: `hooks::use_settled`) have caught up, then lets Yew render.
pub async fn settle() {
    let pause = relance_web::hooks::use_settled::PAUSE_MS + 50;
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, pause as i32);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    flush().await;
}

/// Text content of the first element matching `selector` under `root`, if any.
pub fn text(root: &Element, selector: &str) -> Option<String> {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
}

/// The first element matching `selector` under `root`; panics with a hint otherwise.
pub fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("no element matches {selector}: most likely, the app crashed"))
}

/// The `<input>` matching `selector`.
pub fn input(root: &Element, selector: &str) -> HtmlInputElement {
    find(root, selector)
        .dyn_into()
        .unwrap_or_else(|_| panic!("{selector} is not an <input>"))
}

/// Types `value` into the input matching `selector` (sets it, fires a bubbling `input`).
pub async fn fill(root: &Element, selector: &str, value: &str) {
    let input = input(root, selector);
    input.set_value(value);
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict("input", &init).expect("an input event");
    input.dispatch_event(&event).expect("event dispatched");
    flush().await;
}

/// Chooses `value` in the `<select>` matching `selector` (sets it, fires a bubbling `change`).
pub async fn choose(root: &Element, selector: &str, value: &str) {
    let select: web_sys::HtmlSelectElement = find(root, selector)
        .dyn_into()
        .unwrap_or_else(|_| panic!("{selector} is not a <select>"));
    select.set_value(value);
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict("change", &init).expect("a change event");
    select.dispatch_event(&event).expect("event dispatched");
    flush().await;
}

/// Clicks the button whose text is exactly `label`.
pub async fn click_button(root: &Element, label: &str) {
    let buttons = root.query_selector_all("button").expect("buttons");
    let button = (0..buttons.length())
        .filter_map(|i| buttons.get(i))
        .find(|b| b.text_content().as_deref() == Some(label))
        .unwrap_or_else(|| panic!("no button « {label} »"));
    button
        .dyn_into::<HtmlElement>()
        .expect("an element")
        .click();
    flush().await;
}

/// Replaces no-break spaces (U+00A0, U+202F) with ASCII spaces, so tests compare plain text.
pub fn plain_spaces(s: &str) -> String {
    s.replace(['\u{a0}', '\u{202f}'], " ")
}

/// The page's localStorage.
pub fn storage() -> web_sys::Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("localStorage")
}

/// Forgets what earlier tests saved.
pub fn clear_storage() {
    storage().clear().expect("storage cleared");
}
