//! A long reading in the page, paced: at each of its stops, once a slice of work has taken
//! [`SLICE_MS`], the progress is shown and the browser gets the thread back (a timer of 0 ms)
//! to paint and answer the user before the work goes on (issue 15: a 200 000-line FEC).
//!
//! The slice is the browser task's, shared by every paced work: the portfolio's rows and its
//! keeping, started in one task, take 40 ms of it together, not 40 ms each.

use std::cell::Cell;
use std::future::Future;

use relance_import::pace::{Pace, Progress};
use wasm_bindgen_futures::JsFuture;

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

impl<F: FnMut(Progress)> Slices<F> {
    pub fn new(show: F) -> Slices<F> {
        Slices {
            show,
            started: false,
        }
    }
}

impl<F: FnMut(Progress)> Pace for Slices<F> {
    #[allow(clippy::float_arithmetic)] // milliseconds, not money
    fn pause(&mut self, progress: Progress) -> impl Future<Output = ()> {
        let over = now() - SINCE.get() >= SLICE_MS;
        if over && self.started {
            (self.show)(progress);
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
