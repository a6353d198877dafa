//! Component tests: the root component mounted in headless Chromium (wasm-bindgen-test).
//!
//! Run by `cargo xtask test` with `--target wasm32-unknown-unknown`; see `tests/webdriver.json`.
#![cfg(target_arch = "wasm32")]

mod common;

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

use relance_web::app::{App, TITLE};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn shows_the_title() {
    let root = common::mount::<App>().await;
    assert_eq!(common::text(&root, "h1").as_deref(), Some(TITLE));
}

// The total the engine must give for its seed dossier (fails until the engine lands).
#[wasm_bindgen_test]
async fn shows_the_seed_total() {
    let root = common::mount::<App>().await;
    let total = common::text(&root, "[data-testid=total-due]").map(|t| common::plain_spaces(&t));
    assert_eq!(total.as_deref(), Some("38 132,53 €"));
}
