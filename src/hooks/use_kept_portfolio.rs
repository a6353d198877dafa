//! The portfolio kept in this browser as it changes (issue 15): at once when a debtor is
//! imported, removed or opened; after a pause in typing when its open dossier changes (the
//! form itself is kept at once, and goes back to that dossier after a reload). Its text is
//! written in slices: 2 000 dossiers are megabytes of JSON, which must not hold the page.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use relance_engine::Dossier;
use yew::prelude::*;

use super::use_settled::PAUSE_MS;
use crate::web;
use crate::web::pace::Slices;

/// What was last kept (at start-up, what was just loaded: not written back), and the number
/// of the latest change: an older writing that ends after it is not kept.
struct Kept {
    dossiers: Rc<Vec<Rc<Dossier>>>,
    open: Option<usize>,
    change: u64,
}

/// Keeps `dossiers` and the `open` one; returns whether the last keeping failed.
#[hook]
pub fn use_kept_portfolio(dossiers: Rc<Vec<Rc<Dossier>>>, open: Option<usize>) -> bool {
    let failed = use_state_eq(|| false);
    let kept = use_mut_ref(|| Kept {
        dossiers: dossiers.clone(),
        open,
        change: 0,
    });
    {
        let failed = failed.clone();
        use_effect_with((dossiers, open), move |(dossiers, open)| {
            let (unchanged, typed, change) = {
                let mut k = kept.borrow_mut();
                let same_open = k.open == *open;
                k.change += 1;
                (
                    Rc::ptr_eq(&k.dossiers, dossiers) && same_open,
                    same_open && open.is_some() && k.dossiers.len() == dossiers.len(),
                    k.change,
                )
            };
            let (dossiers, open) = (dossiers.clone(), *open);
            let keep = move || keep(kept, change, dossiers, open, failed);
            let later = match (unchanged, typed) {
                (true, _) => None,
                (false, true) => Some(Timeout::new(PAUSE_MS, keep)),
                (false, false) => {
                    keep();
                    None
                }
            };
            // A newer change cancels a pending one (it keeps the newer portfolio).
            move || drop(later)
        });
    }
    *failed
}

/// Writes the text of change number `change` in slices, then keeps it unless a newer change
/// has come meanwhile.
fn keep(
    kept: Rc<RefCell<Kept>>,
    change: u64,
    dossiers: Rc<Vec<Rc<Dossier>>>,
    open: Option<usize>,
    failed: UseStateHandle<bool>,
) {
    wasm_bindgen_futures::spawn_local(async move {
        let mut pace = Slices::new(|_| ());
        let text = web::storage::portfolio_text(&dossiers, open, &mut pace).await;
        let mut k = kept.borrow_mut();
        if k.change == change {
            failed.set(web::storage::save_portfolio(text.as_deref()).is_err());
            k.dossiers = dossiers;
            k.open = open;
        }
    });
}
