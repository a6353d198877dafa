//! Expected net recovery against the amount of the claim, for every path, and the amounts where
//! a path starts to pay off (against doing nothing, and against the amicable reminder alone).

use rust_decimal::Decimal;

use super::claim::{blocked, Claim, MAX_CLAIM};
use super::ladder::expected_net;
use super::params::Assumptions;
use super::path::{PathKind, StepKind};
use crate::money::round_cents;

/// Number of intervals the amount axis is cut into.
pub const INTERVALS: u32 = 50;

/// What a breakeven is measured against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Versus {
    /// Expected net above zero: chasing costs less than it brings.
    Zero,
    /// Better than the amicable reminder alone: escalating pays off.
    Amicable,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Breakeven {
    pub path: PathKind,
    pub versus: Versus,
    /// Smallest claim principal, in whole euros, from which the path pays off.
    pub amount: Decimal,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Series {
    pub path: PathKind,
    /// Expected net at each amount of [`Chart::amounts`], `None` where the path is closed.
    pub points: Vec<Option<Decimal>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chart {
    /// Principal amounts on the horizontal axis, from 0 to a round maximum.
    pub amounts: Vec<Decimal>,
    pub series: Vec<Series>,
    pub breakevens: Vec<Breakeven>,
    /// The dossier's principal, to mark on the axis.
    pub claim: Decimal,
}

/// Smallest "round" number (1, 2 or 5 × 10ⁿ) at least `value`, and at least 1 000.
fn round_up(value: Decimal) -> Decimal {
    let mut unit = Decimal::ONE_THOUSAND;
    loop {
        for m in [1u32, 2, 5] {
            let candidate = unit * Decimal::from(m);
            if candidate >= value {
                return candidate;
            }
        }
        match unit.checked_mul(Decimal::TEN) {
            Some(next) => unit = next,
            None => return value,
        }
    }
}

/// The axis for a claim: 0 to at least twice the claim and at least 10 000 €.
pub fn axis(principal: Decimal) -> Vec<Decimal> {
    let top = round_up((principal.min(MAX_CLAIM) * Decimal::TWO).max(Decimal::from(10_000)));
    (0..=INTERVALS)
        .map(|i| top * Decimal::from(i) / Decimal::from(INTERVALS))
        .collect()
}

pub(crate) fn chart(claim: Claim, a: &Assumptions) -> Chart {
    let amounts = axis(claim.principal);
    let mut series = Vec::new();
    let mut breakevens = Vec::new();
    let baseline = PathKind::AmicableOnly.steps();
    let top = amounts.last().copied().unwrap_or_default();
    for path in PathKind::ALL.into_iter().filter(|p| p.open_to(claim)) {
        let points = amounts
            .iter()
            .map(|&x| {
                let c = claim.scaled(x);
                blocked(path, c)
                    .is_empty()
                    .then(|| round_cents(expected_net(path.steps(), c, a)))
            })
            .collect();
        series.push(Series { path, points });
        let open = |x: Decimal| blocked(path, claim.scaled(x)).is_empty();
        if let Some(amount) = find(path.steps(), None, claim, a, top, &open) {
            breakevens.push(Breakeven {
                path,
                versus: Versus::Zero,
                amount,
            });
        }
        // Against the reminder alone, where it is open (not after a decision).
        if path != PathKind::AmicableOnly && PathKind::AmicableOnly.open_to(claim) {
            if let Some(amount) = find(path.steps(), Some(baseline), claim, a, top, &open) {
                breakevens.push(Breakeven {
                    path,
                    versus: Versus::Amicable,
                    amount,
                });
            }
        }
    }
    Chart {
        amounts,
        series,
        breakevens,
        claim: claim.principal,
    }
}

/// The smallest principal, in whole euros up to `upto`, from which the ladder `steps` does at
/// least as well as `other` (or as zero), for claims shaped like `claim`: accessories scale
/// with the principal. `None` when it never does, or always does.
pub fn breakeven(
    steps: &[StepKind],
    other: Option<&[StepKind]>,
    claim: Claim,
    a: &Assumptions,
    upto: Decimal,
) -> Option<Decimal> {
    find(steps, other, claim, a, upto, &|_| true)
}

fn find(
    steps: &[StepKind],
    other: Option<&[StepKind]>,
    claim: Claim,
    a: &Assumptions,
    upto: Decimal,
    open: &dyn Fn(Decimal) -> bool,
) -> Option<Decimal> {
    let gap = |x: Decimal| {
        let c = claim.scaled(x);
        let base = other.map_or(Decimal::ZERO, |o| expected_net(o, c, a));
        expected_net(steps, c, a) - base
    };
    let top = upto.floor();
    let intervals = Decimal::from(INTERVALS);
    let mut low = Decimal::ZERO;
    if !open(low) || gap(low) >= Decimal::ZERO {
        return None;
    }
    for i in 1..=INTERVALS {
        let high = (top * Decimal::from(i) / intervals).floor();
        if high <= low {
            continue;
        }
        if !open(high) {
            return None;
        }
        if gap(high) >= Decimal::ZERO {
            // gap(low) < 0 <= gap(high): bisect to the euro.
            let (mut lo, mut hi) = (low, high);
            while hi - lo > Decimal::ONE {
                let mid = ((lo + hi) / Decimal::TWO).floor();
                if gap(mid) >= Decimal::ZERO {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            return Some(hi);
        }
        low = high;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_is_round_and_covers_twice_the_claim() {
        let a = axis(Decimal::from(24_000));
        assert_eq!(a.len(), INTERVALS as usize + 1);
        assert_eq!(a.last(), Some(&Decimal::from(50_000)));
        assert_eq!(
            axis(Decimal::from(300)).last(),
            Some(&Decimal::from(10_000))
        );
        assert_eq!(axis(Decimal::MAX).len(), INTERVALS as usize + 1);
    }

    /// 6 000 € doubled is 12 000 €, above the 10 000 € minimum: the axis goes to 20 000 € in
    /// steps of 400 €.
    #[test]
    fn axis_of_a_mid_sized_claim_is_twice_it_rounded_up() {
        let a = axis(Decimal::from(6000));
        assert_eq!(a.first(), Some(&Decimal::ZERO));
        assert_eq!(a.get(1), Some(&Decimal::from(400)));
        assert_eq!(a.last(), Some(&Decimal::from(20_000)));
    }

    /// The round numbers are 1, 2 and 5 × 10ⁿ, from 1 000.
    #[test]
    fn round_up_goes_to_the_next_1_2_5_step() {
        let r = |v: i64| round_up(Decimal::from(v));
        assert_eq!(r(0), Decimal::from(1000));
        assert_eq!(r(1000), Decimal::from(1000));
        assert_eq!(r(1001), Decimal::from(2000));
        assert_eq!(r(2001), Decimal::from(5000));
        assert_eq!(r(5001), Decimal::from(10_000));
        assert_eq!(r(120_000), Decimal::from(200_000));
    }
}
