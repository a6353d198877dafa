//! The quick start's own WebAssembly module (issue 16: usable before everything has arrived).
//!
//! `src/boot.js` requests it first, then the app's module once it is in. It draws one
//! invoice's amount and due date with the same ids as the app's quick start
//! (`#qs-f-invoices-0-amount`, `#qs-f-invoices-0-due`) and the total owed
//! (`data-testid="total-due"`), computed by the engine as the app computes it. When the app
//! starts it takes over what was typed here, and the focus (`src/web/quick.rs`).
//!
//! No Yew: a few kilobytes of page glue (`web-sys`) over the engine's check and computation.

pub mod answer;
#[cfg(target_arch = "wasm32")]
mod page;
pub mod stored;

#[cfg(target_arch = "wasm32")]
pub use page::start;
