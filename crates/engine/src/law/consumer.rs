//! What may be asked of a consumer.

use rust_decimal::Decimal;

use super::regime::Regime;

/// C. proc. civ. exéc. L111-8: without an enforceable title, recovery costs stay with the
/// creditor; a letter to a consumer claims the total without them.
pub fn claimable_without_title(regime: Regime, total: Decimal, extra_costs: Decimal) -> Decimal {
    match regime {
        Regime::B2b => total,
        Regime::B2c => total - extra_costs,
    }
}
