//! What is chased, and the paths the law closes to it.

use rust_decimal::Decimal;

use super::path::{PathKind, Setting, StepKind};
use crate::compute::Computation;
use crate::law::procedures::{small_claims_open, uncontested_open};
use crate::law::Regime;

/// What is chased: the principal still owed, and the accessories (penalties or interest, the
/// 40 € indemnities, justified costs) the debtor can be made to pay on top, as of the
/// calculation date. Interest that keeps running during a procedure is not counted: with a
/// zero cost of money it would make the slowest path look best.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Claim {
    pub regime: Regime,
    pub principal: Decimal,
    pub extras: Decimal,
    /// A decision already obtained (then `principal` and `extras` are its account's).
    pub judgment: Option<Judged>,
}

/// A decision in hand: whether it has been served, which enforcement needs first (CPC 503).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Judged {
    pub served: bool,
}

impl From<Claim> for Setting {
    fn from(claim: Claim) -> Setting {
        Setting {
            regime: claim.regime,
            judged: claim.judgment.is_some(),
        }
    }
}

/// Largest principal or accessories the model works with (10¹⁵ €): beyond, figures are
/// clamped so that no product overflows.
pub const MAX_CLAIM: Decimal = Decimal::from_parts(0xA4C6_8000, 0x3_8D7E, 0, false, 0);

impl Claim {
    pub fn from_computation(c: &Computation) -> Claim {
        let t = &c.totals;
        Claim {
            regime: c.regime,
            principal: t.principal.clamp(Decimal::ZERO, MAX_CLAIM),
            extras: (t.total - t.principal).clamp(Decimal::ZERO, MAX_CLAIM),
            #[cfg(feature = "judgment")]
            judgment: c.judgment.as_ref().map(|j| Judged {
                served: j.served.is_some(),
            }),
            #[cfg(not(feature = "judgment"))]
            judgment: None,
        }
    }

    /// The same claim scaled to `principal` (accessories in proportion), for the chart.
    pub fn scaled(self, principal: Decimal) -> Claim {
        let principal = principal.clamp(Decimal::ZERO, MAX_CLAIM);
        let scale = |part: Decimal| {
            if self.principal.is_zero() {
                Decimal::ZERO
            } else {
                (part / self.principal)
                    .checked_mul(principal)
                    .unwrap_or(MAX_CLAIM)
                    .min(MAX_CLAIM)
            }
        };
        Claim {
            regime: self.regime,
            principal,
            extras: scale(self.extras),
            judgment: self.judgment,
        }
    }

    pub fn total(self) -> Decimal {
        self.principal + self.extras
    }
}

/// Why `path` is closed to `claim`, if it is.
pub fn blocked(path: PathKind, claim: Claim) -> Vec<String> {
    let mut out = Vec::new();
    let steps = path.steps();
    if steps.contains(&StepKind::SmallClaims) && !small_claims_open(claim.total()) {
        out.push(
            "réservée aux créances de 5 000 € au plus, intérêts compris (CPCE R125-1)".to_owned(),
        );
    }
    if steps.contains(&StepKind::Uncontested) && !uncontested_open(claim.regime) {
        out.push("réservée aux créances entre commerçants (CPCE L126-1)".to_owned());
    }
    out
}
