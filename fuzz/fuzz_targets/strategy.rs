//! Parse, compute, analyse the strategy with the dossier's overrides, date the plan of every
//! path and write the strategy report: never panics, and probabilities stay in [0, 1].
#![no_main]

use libfuzzer_sys::fuzz_target;
use relance_engine::strategy::{self, PathKind};
use relance_engine::{compute, parse, RateTables};
use rust_decimal::Decimal;

fuzz_target!(|data: &[u8]| {
    let input = relance_fuzz::input(data);
    let Ok(dossier) = parse::dossier(&input.text) else {
        return;
    };
    let today = input.as_of(&dossier);
    let computation = compute(&dossier, today, &RateTables::builtin());
    let analysis = strategy::analyse(&dossier, &computation, &dossier.strategy, today);
    for result in &analysis.paths {
        let p = result.outcome.probability_paid;
        assert!(
            (Decimal::ZERO..=Decimal::ONE).contains(&p),
            "{:?}: probability {p}",
            result.path
        );
    }
    for path in PathKind::ALL {
        let plan = strategy::timeline(path, &dossier, &computation, &analysis.assumptions, today);
        let _ = strategy::report::to_json(&analysis, Some(path), &plan);
    }
});
