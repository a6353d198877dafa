//! Every path evaluated for a claim, in the order shown.

use rust_decimal::Decimal;

use super::claim::{blocked, Claim};
use super::ladder::{evaluate, Outcome};
use super::params::Assumptions;
use super::path::PathKind;
use super::uncertainty::{self, overlap, span, End};
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
    /// Probability of being paid (0 to 1) and expected net with every figure's band read
    /// pessimistically, then optimistically (`uncertainty`); each holds the central value.
    /// Filled by [`with_ranges`] (`analyse`); the central value twice until then.
    pub probability_range: (Decimal, Decimal),
    pub net_range: (Decimal, Decimal),
    /// An open path whose net range meets the best open path's: as good, given the
    /// uncertainty (« équivalente compte tenu des incertitudes »). `false` for the best itself.
    pub overlaps_best: bool,
}

impl PathResult {
    /// `probability_range` in whole percents, as the sources support: the low end rounded
    /// down and the high end up, so that it still holds the central figure.
    pub fn chance_range_percent(&self) -> (Decimal, Decimal) {
        let (low, high) = self.probability_range;
        (
            (low * Decimal::ONE_HUNDRED).floor(),
            (high * Decimal::ONE_HUNDRED).ceil(),
        )
    }
}

/// Every path evaluated for `claim`: open paths whose fees are all known, by expected net; then
/// open paths with an unpublished fee (counted as zero, their figures flatter them); then the
/// closed ones. Ties keep the order of [`PathKind::ALL`]. Only the paths that exist against the
/// debtor ([`PathKind::open_to`]).
pub fn rank(claim: Claim, assumptions: &Assumptions) -> Vec<PathResult> {
    let mut out: Vec<PathResult> = PathKind::ALL
        .into_iter()
        .filter(|path| path.open_to(claim))
        .map(|path| {
            let blocked = blocked(path, claim);
            let outcome = evaluate(path.steps(), claim, assumptions);
            PathResult {
                path,
                eligible: blocked.is_empty(),
                blocked,
                probability_range: (outcome.probability_paid, outcome.probability_paid),
                net_range: (outcome.expected_net, outcome.expected_net),
                outcome,
                warnings: warnings::for_path(path, claim, assumptions),
                overlaps_best: false,
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

/// Fills each path's `probability_range` and `net_range` (every band read pessimistically, then
/// optimistically) and `overlaps_best`. Apart from [`rank`], which the sensitivity scenarios
/// call again and again without ranges.
pub fn with_ranges(paths: &mut [PathResult], claim: Claim, assumptions: &Assumptions) {
    let low = uncertainty::at(assumptions, End::Pessimistic);
    let high = uncertainty::at(assumptions, End::Optimistic);
    for p in paths.iter_mut() {
        let (o, steps) = (&p.outcome, p.path.steps());
        let (worse, better) = (evaluate(steps, claim, &low), evaluate(steps, claim, &high));
        p.probability_range = span(
            worse.probability_paid,
            o.probability_paid,
            better.probability_paid,
        );
        p.net_range = span(worse.expected_net, o.expected_net, better.expected_net);
    }
    if let Some(best) = paths
        .iter()
        .find(|p| p.eligible)
        .map(|p| (p.path, p.net_range))
    {
        for p in paths.iter_mut().filter(|p| p.eligible && p.path != best.0) {
            p.overlaps_best = overlap(p.net_range, best.1);
        }
    }
}
