//! The portfolio's rows (issue 15), computed in slices so that 2 000 debtors never hold the
//! page, and only for the dossiers that changed: a keystroke in the open dossier, or a debtor
//! removed, computes again one row or none, not every debtor's.

use std::rc::Rc;

use chrono::NaiveDate;
use relance_engine::{Dossier, RateTables};
use relance_import::portfolio::{self, Row};
use yew::prelude::*;

use crate::web::pace::{Done, Slices, Work};

/// Dossiers computed between two looks at whether a newer portfolio has come.
const BETWEEN_CHECKS: usize = 50;

/// Rows computed for one portfolio on one day, the largest total first.
#[derive(PartialEq)]
pub struct Computed {
    /// The portfolio computed: a row's `dossier` index is a place in it.
    pub from: Rc<Vec<Rc<Dossier>>>,
    pub rows: Rc<Vec<Row>>,
}

/// The last rows computed, one per dossier in its place (`None`: it owes nothing).
#[derive(Default)]
struct Cache {
    from: Rc<Vec<Rc<Dossier>>>,
    day: Option<NaiveDate>,
    rows: Vec<Option<Row>>,
    /// Raised at each new portfolio or day: an older computation stops.
    generation: u64,
}

/// The rows of `dossiers` on `today` once computed (until then, the previous portfolio's), and
/// how far the computation is while it lasts.
#[hook]
pub fn use_portfolio_rows(
    dossiers: Rc<Vec<Rc<Dossier>>>,
    today: Option<NaiveDate>,
) -> (Option<Rc<Computed>>, Option<Done>) {
    let computed = use_state(|| None::<Rc<Computed>>);
    let progress = use_state_eq(|| None::<Done>);
    let cache = use_mut_ref(Cache::default);
    {
        let (computed, progress) = (computed.clone(), progress.clone());
        use_effect_with((dossiers, today), move |(dossiers, today)| {
            let generation = {
                let mut c = cache.borrow_mut();
                c.generation += 1;
                c.generation
            };
            let (Some(today), dossiers) = (*today, dossiers.clone()) else {
                return;
            };
            wasm_bindgen_futures::spawn_local(async move {
                let (old, old_day, old_rows) = {
                    let c = cache.borrow();
                    (c.from.clone(), c.day, c.rows.clone())
                };
                let tables = RateTables::builtin();
                let total = dossiers.len();
                let mut pace = Slices::new(|p| progress.set(Some(p)));
                let mut rows = Vec::with_capacity(total);
                // Where the previous portfolio is read: a dossier removed shifts the rest by one.
                let mut next = 0;
                for (i, d) in dossiers.iter().enumerate() {
                    if i % BETWEEN_CHECKS == 0 {
                        pace.stop(Work::Rows, i, total).await;
                        if cache.borrow().generation != generation {
                            return;
                        }
                    }
                    let same = |k: usize| old_day == Some(today) && old.get(k) == Some(d);
                    let kept = [next, next + 1].into_iter().find(|k| same(*k));
                    next = kept.unwrap_or(next) + 1;
                    rows.push(match kept.and_then(|k| old_rows.get(k)) {
                        Some(row) => row.clone().map(|r| Row { dossier: i, ..r }),
                        None => portfolio::row_of(i, d, today, &tables),
                    });
                }
                if cache.borrow().generation != generation {
                    return;
                }
                let mut sorted: Vec<Row> = rows.iter().flatten().cloned().collect();
                portfolio::sort(&mut sorted);
                *cache.borrow_mut() = Cache {
                    from: dossiers.clone(),
                    day: Some(today),
                    rows,
                    generation,
                };
                progress.set(None);
                computed.set(Some(Rc::new(Computed {
                    from: dossiers,
                    rows: Rc::new(sorted),
                })));
            });
        });
    }
    ((*computed).clone(), *progress)
}
