//! A value that follows another once it has stopped changing for a moment: Stratégie and the
//! letter preview redraw after a pause in typing, so that a keystroke paints the totals first
//! whatever the size of the dossier.

use std::rc::Rc;

use gloo_timers::callback::Timeout;
use yew::prelude::*;

/// The pause, in milliseconds, after which the settled value catches up.
pub const PAUSE_MS: u32 = 250;

/// What the hook keeps: the value shown, the latest one, and the pending catch-up.
struct Settling<T> {
    shown: Rc<T>,
    latest: Rc<T>,
    /// Dropped, so cancelled, when a newer value comes or the component goes.
    timer: Option<Timeout>,
}

/// `value` as it was [`PAUSE_MS`] after its last change (at first, `value` itself). A change
/// is a new `Rc` (as `use_memo` gives one when its inputs change): nothing is compared deeply.
/// The pending timer holds the hook's state until it is replaced: meant for the root component,
/// which lives as long as the page.
#[hook]
pub fn use_settled<T: 'static>(value: Rc<T>) -> Rc<T> {
    let state = use_mut_ref(|| Settling {
        shown: value.clone(),
        latest: value.clone(),
        timer: None,
    });
    let update = use_force_update();
    let mut s = state.borrow_mut();
    if !Rc::ptr_eq(&s.latest, &value) {
        s.latest = value;
        let state = state.clone();
        s.timer = Some(Timeout::new(PAUSE_MS, move || {
            {
                let mut s = state.borrow_mut();
                s.shown = s.latest.clone();
            }
            update.force_update();
        }));
    }
    s.shown.clone()
}
