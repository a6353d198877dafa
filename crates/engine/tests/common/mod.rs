//! What several integration test files share.

use relance_engine::{compute, parse, Computation, Dossier, RateTables};

/// Computes a dossier written as JSON; the test fails with the input errors if it is refused.
#[track_caller]
#[allow(dead_code)] // `input.rs` needs the dossier too: it calls `read`.
pub fn run(json: &str) -> Computation {
    read(json).1
}

/// Reads a dossier written as JSON and computes it on its `as_of` with the built-in rate
/// tables; the test fails with the input errors if it is refused or has no `as_of`.
#[track_caller]
pub fn read(json: &str) -> (Dossier, Computation) {
    let dossier = match parse::dossier(json) {
        Ok(d) => d,
        Err(e) => panic!("dossier refused: {e:?}"),
    };
    let Some(as_of) = dossier.as_of else {
        panic!("dossier without as_of");
    };
    let c = compute(&dossier, as_of, &RateTables::builtin());
    (dossier, c)
}
