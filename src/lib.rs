//! Relance's web shell: a Yew single-page app that runs entirely in the browser.
//!
//! It owns rendering and browser glue only; every figure comes from `relance_engine`,
//! which this crate must never duplicate or second-guess.

pub mod app;

/// Mounts the root component into `<body>`; called once by `main`.
pub fn run() {
    // Yew would install this hook too; setting it here keeps the choice visible.
    yew::set_custom_panic_hook(Box::new(console_error_panic_hook::hook));
    yew::Renderer::<app::App>::new().render();
}
