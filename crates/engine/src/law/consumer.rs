//! What may be asked of a consumer.

use rust_decimal::Decimal;

use super::regime::Regime;

/// C. proc. civ. exéc. L111-8: without an enforceable title, recovery costs stay with the
/// creditor; a letter to a consumer claims the total without them.
pub fn claimable_without_title(regime: Regime, total: Decimal, extra_costs: Decimal) -> Decimal {
    match regime {
        Regime::B2b | Regime::Public => total,
        Regime::B2c => total - extra_costs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A trader is asked for everything; a consumer for everything but the extra costs.
    #[test]
    fn extra_costs_are_left_out_for_a_consumer_only() {
        let (total, extra) = (Decimal::new(250_000, 2), Decimal::new(15_000, 2));
        assert_eq!(claimable_without_title(Regime::B2b, total, extra), total);
        assert_eq!(
            claimable_without_title(Regime::B2c, total, extra),
            Decimal::new(235_000, 2)
        );
    }
}
