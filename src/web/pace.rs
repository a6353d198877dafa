//! A long reading in the page, paced: at each of its stops, once a slice of work has taken
//! [`SLICE_MS`], the progress is shown and the browser gets the thread back (a timer of 0 ms)
//! to paint and answer the user before the work goes on (issue 15: a 200 000-line FEC).
//!
//! The slice is the browser task's, shared by every paced work: the portfolio's rows and its
//! keeping, started in one task, take 40 ms of it together, not 40 ms each.
//!
//! The import's reading stops at the import crate's [`Pace`]; the page's own works (the
//! portfolio's rows, its letters, its keeping) at [`Slices::stop`], with their own [`Work`].

use std::cell::Cell;
use std::future::Future;

use relance_import::pace::{per_mille, Pace, Progress, Stage};
use wasm_bindgen_futures::JsFuture;

/// What a paced work of the page is doing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Work {
    /// An import, at its reading's stage.
    Import(Stage),
    /// The portfolio's rows: `done` and `total` count the dossiers.
    Rows,
    /// A letter per debtor: `done` and `total` count the dossiers.
    Letters,
    /// The portfolio's JSON, kept in this browser: `done` and `total` count the dossiers.
    Keeping,
}

/// How far a paced work of the page has got.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Done {
    pub work: Work,
    pub done: usize,
    pub total: usize,
}

impl Done {
    /// `done` in thousandths of `total` (1 000 when there is nothing to do).
    pub fn per_mille(&self) -> usize {
        per_mille(self.done, self.total)
    }
}

/// The longest slice of work between two returns to the browser: under the 50 ms a task may
/// take before the page feels held.
pub const SLICE_MS: f64 = 40.0;

thread_local! {
    /// When the current slice began: the last time a paced work got the thread back (long ago
    /// in a task that no paced work began, such as a keystroke's: its first stop is a return).
    static SINCE: Cell<f64> = const { Cell::new(0.0) };
}

/// Stops that last only when the slice is over; `show` is told the progress then, from the
/// second stop on (a work that ends within its first slices shows none).
pub struct Slices<F> {
    show: F,
    started: bool,
}

impl<F: FnMut(Done)> Slices<F> {
    pub fn new(show: F) -> Slices<F> {
        Slices {
            show,
            started: false,
        }
    }

    /// A stop of `work`, `done` of `total`: it lasts only when the slice is over.
    #[allow(clippy::float_arithmetic)] // milliseconds, not money
    pub fn stop(&mut self, work: Work, done: usize, total: usize) -> impl Future<Output = ()> {
        let over = now() - SINCE.get() >= SLICE_MS;
        if over && self.started {
            (self.show)(Done { work, done, total });
        }
        self.started |= over;
        async move {
            if over {
                next_task().await;
                SINCE.set(now());
            }
        }
    }
}

impl<F: FnMut(Done)> Pace for Slices<F> {
    fn pause(&mut self, p: Progress) -> impl Future<Output = ()> {
        self.stop(Work::Import(p.stage), p.done, p.total)
    }
}

/// Milliseconds from the page's start: the monotonic clock (a date may be set back, or fixed
/// by a test).
fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Ready in a later task of the browser's event loop (after a paint if one is due).
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let timer = web_sys::window().map(|w| w.set_timeout_with_callback(&resolve));
        if !matches!(timer, Some(Ok(_))) {
            // No timer: go on at once rather than never.
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = JsFuture::from(promise).await;
}
