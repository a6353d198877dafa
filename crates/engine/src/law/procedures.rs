//! Which court procedures a claim may use, and what they require.

use rust_decimal::Decimal;

use super::regime::Regime;

/// CPCE R125-1: the small-claims procedure is for claims of 5 000 € at most, interest included.
pub const SMALL_CLAIMS_CAP: Decimal = Decimal::from_parts(5000, 0, 0, false, 0);
/// CPC 750-1: up to 5 000 €, a lawsuit must be preceded by an attempt at amicable resolution.
pub const AMICABLE_ATTEMPT_CAP: Decimal = Decimal::from_parts(5000, 0, 0, false, 0);
/// CPC 760-761 (tribunal judiciaire), 853 (tribunal de commerce): a lawyer is mandatory above
/// 10 000 €.
pub const LAWYER_THRESHOLD: Decimal = Decimal::from_parts(10_000, 0, 0, false, 0);

/// CPCE R125-1: whether a claim of `total` (interest included) may use the small-claims
/// procedure.
pub fn small_claims_open(total: Decimal) -> bool {
    total <= SMALL_CLAIMS_CAP
}

/// CPCE L126-1: the procedure for uncontested commercial claims is between traders only.
pub fn uncontested_open(regime: Regime) -> bool {
    regime == Regime::B2b
}

/// CPC 750-1: whether a lawsuit for `total` needs an amicable attempt first.
pub fn amicable_attempt_required(total: Decimal) -> bool {
    total <= AMICABLE_ATTEMPT_CAP
}

/// CPC 760-761, 853: whether a lawsuit for `total` needs a lawyer.
pub fn lawyer_required(total: Decimal) -> bool {
    total > LAWYER_THRESHOLD
}
