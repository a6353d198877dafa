//! Every path evaluated for a claim, in the order shown.

use super::claim::{blocked, Claim};
use super::ladder::{evaluate, Outcome};
use super::params::Assumptions;
use super::path::PathKind;
use super::warnings::{self, Warning};

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
    insertion_sort(&mut out, |a, b| {
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

/// A stable sort for the handful of items here (10 paths, a dozen milestones): the standard
/// library's stable sort costs several KB of wasm per item type.
pub(crate) fn insertion_sort<T>(items: &mut [T], order: impl Fn(&T, &T) -> std::cmp::Ordering) {
    for i in 1..items.len() {
        let mut j = i;
        // Moves item `i` left while its left neighbour orders after it (none left of 0).
        loop {
            let (left, right) = items.split_at_mut(j);
            match (left.last(), right.first()) {
                (Some(a), Some(b)) if order(a, b) == std::cmp::Ordering::Greater => {
                    items.swap(j - 1, j);
                    j -= 1;
                }
                _ => break,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Items move left past every item that orders after them, however far; equal items keep
    /// their order.
    #[test]
    fn insertion_sort_is_a_stable_sort() {
        let mut items = [(2, 'a'), (3, 'b'), (1, 'c'), (2, 'd'), (0, 'e')];
        insertion_sort(&mut items, |x, y| x.0.cmp(&y.0));
        assert_eq!(items, [(0, 'e'), (1, 'c'), (2, 'a'), (2, 'd'), (3, 'b')]);
        let mut none: [u8; 0] = [];
        insertion_sort(&mut none, u8::cmp);
        let mut sorted = [1, 2, 3];
        insertion_sort(&mut sorted, i32::cmp);
        assert_eq!(sorted, [1, 2, 3]);
    }
}
