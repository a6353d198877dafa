//! What several integration test files share.

use relance_engine::{compute_str, Computation};

/// Computes a dossier written as JSON; the test fails with the input errors if it is refused.
#[track_caller]
pub fn run(json: &str) -> Computation {
    match compute_str(json, None) {
        Ok(c) => c,
        Err(e) => panic!("dossier refused: {e:?}"),
    }
}
