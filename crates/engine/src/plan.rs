//! Payment plans ("échéancier"): a total spread over N dated instalments that add up exactly.
//!
//! Every instalment but the last is the total divided by N, rounded down to the cent; the last
//! one takes the remainder, so the instalments always add up to the total, to the cent and
//! beyond. Dates are the first date plus k × the interval in months, each computed from the
//! first date (31 January, monthly → 28/29 February, 31 March, 30 April…), never by chaining.

use chrono::{Months, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};

/// Most instalments a plan may have; more are clamped to it.
pub const MAX_INSTALMENTS: u32 = 60;

/// The instalments of `total` in `instalments` parts (clamped to 1..=[`MAX_INSTALMENTS`]),
/// the first on `first`, then every `interval_months` months (at least 1).
///
/// The sum of the amounts is exactly `total`. A date beyond chrono's range repeats the last
/// date that could be computed. Never panics.
pub fn schedule(
    total: Decimal,
    instalments: u32,
    first: NaiveDate,
    interval_months: u32,
) -> Vec<(NaiveDate, Decimal)> {
    let n = instalments.clamp(1, MAX_INSTALMENTS);
    let interval = interval_months.max(1);
    // Rounded towards zero: for a (meaningless) negative total, the shares stay below it too.
    let share = (total / Decimal::from(n)).round_dp_with_strategy(2, RoundingStrategy::ToZero);
    let mut out = Vec::with_capacity(n as usize);
    let mut allotted = Decimal::ZERO;
    let mut last_date = first;
    for k in 0..n {
        let date = interval
            .checked_mul(k)
            .and_then(|months| first.checked_add_months(Months::new(months)))
            .unwrap_or(last_date);
        last_date = date;
        let amount = if k + 1 == n { total - allotted } else { share };
        allotted += amount;
        out.push((date, amount));
    }
    out
}

/// The default first instalment date: one month after the letter (end-of-month clamped), or
/// the letter's date itself at the very end of the calendar.
pub fn default_first_date(letter_date: NaiveDate) -> NaiveDate {
    letter_date
        .checked_add_months(Months::new(1))
        .unwrap_or(letter_date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::ymd;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap_or_default()
    }

    fn show(plan: &[(NaiveDate, Decimal)]) -> Vec<String> {
        plan.iter().map(|(date, a)| format!("{date} {a}")).collect()
    }

    #[test]
    fn seed_total_in_three() {
        // 38 132,53 / 3 = 12 710,8433… → 12 710,84 twice, 38 132,53 − 25 421,68 = 12 710,85.
        let plan = schedule(d("38132.53"), 3, ymd(2026, 12, 22), 1);
        assert_eq!(
            show(&plan),
            [
                "2026-12-22 12710.84",
                "2027-01-22 12710.84",
                "2027-02-22 12710.85"
            ]
        );
        assert_eq!(plan.iter().map(|p| p.1).sum::<Decimal>(), d("38132.53"));
    }

    #[test]
    fn remainder_on_the_last_and_end_of_month() {
        // 100,00 / 3 = 33,333… → 33,33 + 33,33 + 33,34. From 31 January: the 28 February
        // (2027 is not a leap year), then 31 March (from the first date, not from February).
        let plan = schedule(d("100.00"), 3, ymd(2027, 1, 31), 1);
        assert_eq!(
            show(&plan),
            ["2027-01-31 33.33", "2027-02-28 33.33", "2027-03-31 33.34"]
        );
        // 2 497,62 in 4 every 3 months: 624,405 → 624,40 ×3, 2 497,62 − 1 873,20 = 624,42.
        let plan = schedule(d("2497.62"), 4, ymd(2028, 2, 29), 3);
        assert_eq!(
            show(&plan),
            [
                "2028-02-29 624.40",
                "2028-05-29 624.40",
                "2028-08-29 624.40",
                "2028-11-29 624.42"
            ]
        );
    }

    #[test]
    fn exact_division_and_tiny_totals() {
        let plan = schedule(d("1200.00"), 4, ymd(2026, 1, 15), 1);
        assert!(plan.iter().all(|p| p.1 == d("300.00")));
        // 0,02 in 3: 0,00 + 0,00 + 0,02.
        let plan = schedule(d("0.02"), 3, ymd(2026, 1, 15), 1);
        assert_eq!(
            plan.iter().map(|p| p.1.to_string()).collect::<Vec<_>>(),
            ["0.00", "0.00", "0.02"]
        );
        let plan = schedule(Decimal::ZERO, 2, ymd(2026, 1, 15), 1);
        assert_eq!(plan.iter().map(|p| p.1).sum::<Decimal>(), Decimal::ZERO);
    }

    #[test]
    fn clamps_and_never_panics() {
        assert_eq!(schedule(d("10"), 0, ymd(2026, 1, 1), 1).len(), 1);
        assert_eq!(schedule(d("10"), 1000, ymd(2026, 1, 1), 1).len(), 60);
        // Interval 0 is taken as 1 month.
        let plan = schedule(d("10"), 2, ymd(2026, 1, 1), 0);
        assert_eq!(plan.get(1).map(|p| p.0), Some(ymd(2026, 2, 1)));
        // Dates beyond chrono's range repeat the last computable one.
        let plan = schedule(d("10"), 60, NaiveDate::MAX, u32::MAX);
        assert_eq!(plan.len(), 60);
        assert!(plan.iter().all(|p| p.0 == NaiveDate::MAX));
        assert_eq!(plan.iter().map(|p| p.1).sum::<Decimal>(), d("10"));
        let plan = schedule(d("1000000000000.00"), 7, ymd(2026, 1, 1), 12);
        assert_eq!(
            plan.iter().map(|p| p.1).sum::<Decimal>(),
            d("1000000000000.00")
        );
        assert_eq!(
            default_first_date(ymd(2026, 1, 31)),
            ymd(2026, 2, 28),
            "end-of-month clamping"
        );
        assert_eq!(default_first_date(NaiveDate::MAX), NaiveDate::MAX);
    }

    #[test]
    fn sums_exactly_for_many_totals() {
        for cents in [1_i64, 7, 99, 100, 3_813_253, 999_999_999, 123_456_789_012] {
            let total = Decimal::new(cents, 2);
            for n in 1..=13 {
                let plan = schedule(total, n, ymd(2026, 3, 31), 1);
                assert_eq!(plan.len(), n as usize);
                assert_eq!(plan.iter().map(|p| p.1).sum::<Decimal>(), total);
                let first = plan.first().map(|p| p.1).unwrap_or_default();
                let last = plan.last().map(|p| p.1).unwrap_or_default();
                // Equal shares, the last one at most (n − 1) cents above them.
                assert!(plan.iter().rev().skip(1).all(|p| p.1 == first));
                assert!(last >= first && last - first < Decimal::new(i64::from(n), 2));
            }
        }
    }
}
