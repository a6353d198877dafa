//! What a payment plan is worth against a lump sum now: N instalments, each paid only if the
//! debtor has not stopped before it, each discounted at the creditor's cost of money.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::params::{Assumptions, Global};
use crate::money::{round, round_cents};
use crate::plan::schedule;

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;
const TWELVE: Decimal = Decimal::from_parts(12, 0, 0, false, 0);

/// A plan of `nominal` in instalments, valued today.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanValue {
    pub nominal: Decimal,
    /// (months from the agreement, amount, probability it is paid 0–1, its value today).
    pub instalments: Vec<(u32, Decimal, Decimal, Decimal)>,
    /// Sum of the instalments discounted, all paid.
    pub present_value: Decimal,
    /// Sum of the instalments discounted and weighed by the probability they are paid.
    pub expected_value: Decimal,
    /// The discount on a lump sum paid now that would be worth the same, in percent (1 dp).
    pub equivalent_discount: Decimal,
}

/// Values a plan of `nominal` with the plan assumptions (instalments, interval, risk of the
/// debtor stopping at each instalment, cost of money).
pub fn value_plan(nominal: Decimal, a: &Assumptions) -> PlanValue {
    let (rows, exact_pv, exact_ev) = rows(nominal, a);
    let equivalent_discount = if nominal.is_zero() {
        Decimal::ZERO
    } else {
        round((Decimal::ONE - exact_ev / nominal) * HUNDRED, 1)
    };
    PlanValue {
        nominal,
        instalments: rows,
        present_value: round_cents(exact_pv),
        expected_value: round_cents(exact_ev),
        equivalent_discount,
    }
}

/// Expected value of one euro spread over the plan, against one euro now (0 to 1).
pub(crate) fn plan_factor(a: &Assumptions) -> Decimal {
    let (_, _, ev) = rows(HUNDRED, a);
    ev / HUNDRED
}

type Rows = (Vec<(u32, Decimal, Decimal, Decimal)>, Decimal, Decimal);

fn rows(nominal: Decimal, a: &Assumptions) -> Rows {
    let count = u32::try_from(a.global(Global::PlanInstalments).trunc().mantissa())
        .unwrap_or(1)
        .clamp(1, 60);
    let interval = u32::try_from(a.global(Global::PlanInterval).trunc().mantissa())
        .unwrap_or(1)
        .clamp(1, 60);
    let stop = (a.global(Global::PlanDefault) / HUNDRED).clamp(Decimal::ZERO, Decimal::ONE);
    let rate = a.global(Global::CostOfMoney) / HUNDRED;
    let start = NaiveDate::MIN;
    let mut out = Vec::new();
    let (mut pv, mut ev) = (Decimal::ZERO, Decimal::ZERO);
    let mut alive = Decimal::ONE;
    for (k, (_, amount)) in (1u32..).zip(schedule(nominal, count, start, interval)) {
        let months = k * interval;
        alive *= Decimal::ONE - stop;
        let value = amount / (Decimal::ONE + rate * Decimal::from(months) / TWELVE);
        pv += value;
        ev += value * alive;
        out.push((months, amount, round(alive, 4), round_cents(value * alive)));
    }
    (out, pv, ev)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compute::Regime;

    #[test]
    fn plan_without_risk_or_cost_of_money_is_worth_its_nominal() {
        let a = Assumptions::defaults(Regime::B2b);
        let v = value_plan(Decimal::from(3000), &a);
        assert_eq!(v.instalments.len(), 3);
        assert_eq!(v.expected_value, Decimal::from(3000));
        assert_eq!(v.equivalent_discount, Decimal::ZERO);
    }

    #[test]
    fn risk_and_cost_of_money_lower_the_value() {
        let mut a = Assumptions::defaults(Regime::B2b);
        assert!(a.set("plan.default", Decimal::from(10)));
        assert!(a.set("global.cost_of_money", Decimal::from(12)));
        let v = value_plan(Decimal::from(3000), &a);
        // 1 000 × (0.9/1.01 + 0.81/1.02 + 0.729/1.03) = 2 392.97
        assert_eq!(v.expected_value, Decimal::new(239297, 2));
        assert!(v.present_value > v.expected_value);
        assert_eq!(v.equivalent_discount, Decimal::new(202, 1));
    }

    /// Every two months, 1 time in 10 stopping at each, 12 % a year: instalments at 2, 4 and 6
    /// months, worth 1 000 / 1.02 × 0.9 = 882.35, 1 000 / 1.04 × 0.81 = 778.85 and
    /// 1 000 / 1.06 × 0.729 = 687.74; all paid, 2 885.33; weighed, 2 348.93, as a lump sum
    /// now with a discount of 21.7 %.
    #[test]
    fn instalments_are_spaced_by_the_interval_and_discounted_by_their_month() {
        let mut a = Assumptions::defaults(Regime::B2b);
        assert!(a.set("plan.interval_months", Decimal::from(2)));
        assert!(a.set("plan.default", Decimal::from(10)));
        assert!(a.set("global.cost_of_money", Decimal::from(12)));
        let v = value_plan(Decimal::from(3000), &a);
        let thousand = Decimal::from(1000);
        assert_eq!(
            v.instalments,
            [
                (2, thousand, Decimal::new(9, 1), Decimal::new(88235, 2)),
                (4, thousand, Decimal::new(81, 2), Decimal::new(77885, 2)),
                (6, thousand, Decimal::new(729, 3), Decimal::new(68774, 2)),
            ]
        );
        assert_eq!(v.nominal, Decimal::from(3000));
        assert_eq!(v.present_value, Decimal::new(288533, 2));
        assert_eq!(v.expected_value, Decimal::new(234893, 2));
        assert_eq!(v.equivalent_discount, Decimal::new(217, 1));
    }

    /// Nothing to spread: no discount to speak of.
    #[test]
    fn a_plan_of_nothing_has_no_equivalent_discount() {
        let mut a = Assumptions::defaults(Regime::B2b);
        assert!(a.set("plan.default", Decimal::from(10)));
        let v = value_plan(Decimal::ZERO, &a);
        assert_eq!(v.expected_value, Decimal::ZERO);
        assert_eq!(v.equivalent_discount, Decimal::ZERO);
    }
}
