//! Regulated fees that depend on the amount: the commissaire de justice's tariff
//! (C. com. A444-10 s.), as read in `legal-reference.md` §4.7 (amounts of the 1 March 2024
//! tariff, still listed for 2026–2028 by a secondary reading: to be confirmed, so they are shown
//! as unverified). Fees are HT; VAT and disbursements are added as in the reference's example.

use rust_decimal::Decimal;

const fn d(units: u32, scale: u32) -> Decimal {
    Decimal::from_parts(units, 0, 0, false, scale)
}

/// Émolument for serving an injonction de payer (request and order), HT.
pub const SERVE_PAYMENT_ORDER: Decimal = d(2579, 2);
/// Émolument for an assignation, HT.
pub const SUMMONS: Decimal = d(1828, 2);
/// Émolument for serving a decision, HT.
pub const SERVE_DECISION: Decimal = d(2579, 2);
/// Émolument for a saisie-attribution act (A444-16, version not dated), HT.
pub const SEIZURE: Decimal = d(4361, 2);
/// Émolument for a commandement de payer before a saisie-vente, HT (2021 tariff, read on a
/// commissaire de justice's site: not verified).
pub const COMMAND_TO_PAY: Decimal = d(2021, 2);
/// Travel fee used in the reference's worked example, HT (paper service; not verified).
const TRAVEL: Decimal = d(940, 2);
/// Disbursements (postage) in the same example.
const DISBURSEMENTS: Decimal = d(390, 2);
/// VAT on the commissaire de justice's fees.
const VAT: Decimal = d(120, 2);

/// A444-46: the coefficient applied to fixed émoluments, by the amount of the obligation.
pub fn coefficient(amount: Decimal) -> Decimal {
    if amount <= d(128, 0) {
        d(5, 1)
    } else if amount <= d(1280, 0) {
        Decimal::ONE
    } else {
        d(2, 0)
    }
}

/// What serving one act costs the creditor, VAT and disbursements included:
/// (émolument × A444-46 coefficient + travel) × 1.2 + disbursements.
pub fn service_fee(emolument: Decimal, amount: Decimal) -> Decimal {
    (emolument * coefficient(amount) + TRAVEL) * VAT + DISBURSEMENTS
}

/// A444-32 (n°129): the proportional fee the creditor pays on sums a commissaire de justice
/// recovers (dépens excluded), by brackets of the total recovered, capped; a fixed fee when the
/// claim is 188 € or less; VAT included.
pub fn a444_32(claim: Decimal, recovered: Decimal) -> Decimal {
    if recovered <= Decimal::ZERO {
        return Decimal::ZERO;
    }
    if claim <= d(188, 0) {
        return d(2128, 2) * VAT;
    }
    const BRACKETS: [(u32, u32); 5] = [
        (125, 1161),
        (610, 1064),
        (1525, 1016),
        (52_400, 387),
        (u32::MAX, 298),
    ];
    let mut fee = Decimal::ZERO;
    let mut floor = Decimal::ZERO;
    for (ceiling, bp) in BRACKETS {
        let ceiling = Decimal::from(ceiling);
        // The part of `recovered` within this bracket (none once below its floor).
        let slice = (recovered.min(ceiling) - floor).max(Decimal::ZERO);
        fee += slice * Decimal::new(i64::from(bp), 4);
        floor = ceiling;
    }
    fee.min(d(5540, 0)) * VAT
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serving_an_order_above_1280_matches_the_reference_example() {
        // legal-reference §4.2: (25.79 × 2 + 9.40) × 1.2 + 3.90 = 77.076 ≈ 77 € TTC.
        assert_eq!(service_fee(SERVE_PAYMENT_ORDER, d(3000, 0)), d(77076, 3));
        assert_eq!(coefficient(d(128, 0)), d(5, 1));
        assert_eq!(coefficient(d(1280, 0)), Decimal::ONE);
        assert_eq!(coefficient(d(128001, 3)), Decimal::ONE);
    }

    #[test]
    fn a444_32_brackets_and_cap() {
        assert_eq!(a444_32(d(100, 0), Decimal::ZERO), Decimal::ZERO);
        assert_eq!(a444_32(d(100, 0), d(100, 0)), d(2128, 2) * VAT);
        // 1 000 €: 125 × 11.61 % + 485 × 10.64 % + 390 × 10.16 % = 105.7405 HT.
        assert_eq!(a444_32(d(1000, 0), d(1000, 0)), d(1057405, 4) * VAT);
        // Above 188 € of claim, the proportional fee even on a small amount recovered.
        assert_eq!(a444_32(d(1000, 0), d(100, 0)), d(11610, 3) * VAT);
        // The HT cap of 5 540 € is reached near 170 000 €.
        assert_eq!(a444_32(d(1_000_000, 0), d(1_000_000, 0)), d(5540, 0) * VAT);
    }

    /// Every bracket at its rate: 100 000 € recovered gives 125 × 11.61 % + 485 × 10.64 % +
    /// 915 × 10.16 % + 50 875 × 3.87 % + 47 600 × 2.98 % = 3 546.423 € HT; at exactly
    /// 125 € only the first bracket counts (14.5125 € HT); at 188 € of claim the fixed fee.
    #[test]
    fn a444_32_counts_each_bracket_once() {
        assert_eq!(a444_32(d(100_000, 0), d(100_000, 0)), d(3_546_423, 3) * VAT);
        assert_eq!(a444_32(d(1000, 0), d(125, 0)), d(145_125, 4) * VAT);
        assert_eq!(a444_32(d(188, 0), d(188, 0)), d(2128, 2) * VAT);
        // 189 € of claim: 125 × 11.61 % + 63 × 10.64 % = 21.2157 € HT.
        assert_eq!(a444_32(d(189, 0), d(188, 0)), d(212_157, 4) * VAT);
    }

    /// The coefficient above 1 280 € is 2; serving a decision on a 100 € claim costs
    /// (25.79 × 0.5 + 9.40) × 1.2 + 3.90 = 30.654 €, on a 1 000 € claim
    /// (25.79 + 9.40) × 1.2 + 3.90 = 46.128 €.
    #[test]
    fn service_fees_follow_the_coefficient() {
        assert_eq!(coefficient(d(1281, 0)), d(2, 0));
        assert_eq!(coefficient(Decimal::ZERO), d(5, 1));
        assert_eq!(service_fee(SERVE_DECISION, d(100, 0)), d(30654, 3));
        assert_eq!(service_fee(SERVE_DECISION, d(1000, 0)), d(46128, 3));
        // A saisie act: (43.61 + 9.40) × 1.2 + 3.90 = 67.512 €.
        assert_eq!(service_fee(SEIZURE, d(1000, 0)), d(67512, 3));
    }
}
