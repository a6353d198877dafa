//! Helpers shared by the browser component tests: mounting and reading the DOM.

use web_sys::Element;
use yew::BaseComponent;

/// Mounts `C` into a fresh `<div>` appended to `<body>` and waits until Yew has rendered it.
pub async fn mount<C>() -> Element
where
    C: BaseComponent,
    C::Properties: Default,
{
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a browser document");
    let root = document.create_element("div").expect("a <div>");
    document
        .body()
        .expect("a <body>")
        .append_child(&root)
        .expect("root appended");
    yew::Renderer::<C>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    root
}

/// Text content of the first element matching `selector` under `root`, if any.
pub fn text(root: &Element, selector: &str) -> Option<String> {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
}

/// Replaces no-break spaces (U+00A0, U+202F) with ASCII spaces, so tests compare plain text.
pub fn plain_spaces(s: &str) -> String {
    s.replace(['\u{a0}', '\u{202f}'], " ")
}
