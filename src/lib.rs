//! Relance's web shell: a Yew single-page app that runs entirely in the browser.
//!
//! It owns rendering and browser glue only; every figure comes from `relance_engine`,
//! which this crate must never duplicate or second-guess.
//!
//! Module map: `app` (root component) · `derived` (what the engine makes of the form) · `state` (the typed form and its
//! actions) · `components` (the page's parts) · `hooks` (autosave, focus) · `web` (clock, storage, files, downloads,
//! panic fallback).

#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

pub mod app;
pub mod components;
pub mod derived;
pub mod hooks;
pub mod state;
pub mod web;

/// Mounts the root component into index.html's `<main id="app">`, in place of the loading line
/// src/boot.js put there, or the quick start, while the WebAssembly was on its way (into
/// `<body>` if a page has no such element); called once by `main`.
pub fn run() {
    web::panic::install();
    let document = web_sys::window().and_then(|window| window.document());
    let root = document
        .as_ref()
        .and_then(|document| document.get_element_by_id("app"));
    match root {
        Some(root) => {
            // What was typed in the quick start, if it was drawn (crates/quick).
            let handover = document.as_ref().and_then(web::quick::take);
            root.set_text_content(None);
            let _ = root.remove_attribute("aria-busy");
            yew::Renderer::<app::App>::with_root(root).render();
            if let Some(handover) = handover {
                handover.refocus();
            }
        }
        None => {
            yew::Renderer::<app::App>::new().render();
        }
    }
}
