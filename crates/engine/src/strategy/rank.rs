//! Every path evaluated for a claim, in the order shown.

use super::claim::{blocked, Claim};
use super::ladder::{evaluate, Outcome};
use super::params::Assumptions;
use super::path::PathKind;
use super::warnings::{self, Warning};
use crate::order::sort_stable_by;

/// One path, evaluated for the dossier's claim.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathResult {
    pub path: PathKind,
    /// `false` when the path is closed to this claim (see `blocked`).
    pub eligible: bool,
    /// Why the path is closed, in French.
    pub blocked: Vec<String>,
    pub outcome: Outcome,
    pub warnings: Vec<Warning>,
}

/// Every path evaluated for `claim`: open paths whose fees are all known, by expected net; then
/// open paths with an unpublished fee (counted as zero, their figures flatter them); then the
/// closed ones. Ties keep the order of [`PathKind::ALL`].
pub fn rank(claim: Claim, assumptions: &Assumptions) -> Vec<PathResult> {
    let mut out: Vec<PathResult> = PathKind::ALL
        .into_iter()
        .map(|path| {
            let blocked = blocked(path, claim);
            PathResult {
                path,
                eligible: blocked.is_empty(),
                blocked,
                outcome: evaluate(path.steps(), claim, assumptions),
                warnings: warnings::for_path(path, claim, assumptions),
            }
        })
        .collect();
    sort_stable_by(&mut out, |a, b| {
        b.eligible
            .cmp(&a.eligible)
            .then(
                a.outcome
                    .unknown_fees
                    .is_empty()
                    .cmp(&b.outcome.unknown_fees.is_empty())
                    .reverse(),
            )
            .then(b.outcome.expected_net.cmp(&a.outcome.expected_net))
    });
    out
}
