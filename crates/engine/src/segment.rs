//! A segment of a décompte: days with one base and one rate, and its interest rounded to the
//! cent — the arithmetic the invoices' décompte and a judgment's account share.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use crate::calendar::is_leap_year;
use crate::dossier::DayCount;
use crate::money::round_cents;
use crate::rates::RateQuote;

const HUNDRED: Decimal = Decimal::from_parts(100, 0, 0, false, 0);

/// Days with one base and one rate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub from: NaiveDate,
    /// Last day, included.
    pub to: NaiveDate,
    pub days: i64,
    pub base: Decimal,
    pub rate: RateQuote,
    /// 365, or 366 for a leap year with the `actual` day count.
    pub divisor: u32,
    /// base × rate × days / divisor, rounded to the cent.
    pub interest: Decimal,
}

/// Interest of a segment: base × rate % × days / divisor, rounded to the cent half away from
/// zero: exactly in integers (several times faster than decimal division), or in `Decimal`
/// where the integer product would not fit (never for amounts and rates the dossier accepts).
pub fn segment_interest(base: Decimal, percent: Decimal, days: i64, divisor: u32) -> Decimal {
    exact_interest(base, percent, days, divisor)
        .unwrap_or_else(|| decimal_interest(base, percent, days, divisor))
}

/// The integer way: cents × rate mantissa × days over 10^scale × 100 × divisor; `None` if a
/// product overflows `i128` or the divisor is 0.
fn exact_interest(base: Decimal, percent: Decimal, days: i64, divisor: u32) -> Option<Decimal> {
    let numerator = round_cents(base)
        .mantissa()
        .checked_mul(percent.mantissa())?
        .checked_mul(i128::from(days))?;
    let denominator = 10i128
        .checked_pow(percent.scale())?
        .checked_mul(100 * i128::from(divisor))?;
    let (q, r) = (
        numerator.checked_div(denominator)?,
        numerator.checked_rem(denominator)?,
    );
    // Half away from zero: move away from zero when the remainder is at least half.
    let cents = if 2 * r.abs() >= denominator {
        q + numerator.signum()
    } else {
        q
    };
    Some(Decimal::from_i128_with_scale(cents, 2))
}

fn decimal_interest(base: Decimal, percent: Decimal, days: i64, divisor: u32) -> Decimal {
    round_cents(base * percent * Decimal::from(days) / (HUNDRED * Decimal::from(divisor)))
}

/// 365, or 366 for a day of a leap year with the `actual` day count.
pub fn divisor(day: NaiveDate, day_count: DayCount) -> u32 {
    match day_count {
        DayCount::Actual if is_leap_year(day.year()) => 366,
        _ => 365,
    }
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap_or_default()
    }

    /// The integer fast path rounds exactly like the decimal formula, half away from zero.
    #[test]
    fn segment_interest_matches_the_decimal_formula() {
        for (base, rate, days, divisor, want) in [
            ("24000.00", "10", 88, 365, "578.63"),
            ("50000.00", "14.5", 182, 366, "3605.19"),
            // 73 × 10 % × 1 / 365 = 0.02 exactly; 36.50 × 10 % × 5 / 365 = 0.05 exactly.
            ("73.00", "10", 1, 365, "0.02"),
            ("36.50", "10", 5, 365, "0.05"),
            // 0.5 cent: 1.825 × 1 % × 365 / 365 = 0.01825 → 0.02; 0.73 × 2.5 % × 100 / 365 = 0.005 → 0.01.
            ("1.83", "1", 365, 365, "0.02"),
            ("0.73", "2.5", 100, 365, "0.01"),
            ("1000000000000.00", "100", 36500, 365, "100000000000000.00"),
            ("0.01", "0.0001", 1, 365, "0.00"),
        ] {
            let case = format!("{base} × {rate} % × {days} / {divisor}");
            let exact = exact_interest(d(base), d(rate), days, divisor);
            assert_eq!(
                exact.map(|e| e.to_string()).as_deref(),
                Some(want),
                "{case}"
            );
            let slow = decimal_interest(d(base), d(rate), days, divisor);
            assert_eq!(slow.to_string(), want, "{case}");
            assert_eq!(
                segment_interest(d(base), d(rate), days, divisor),
                slow,
                "{case}"
            );
        }
    }

    /// A rate with 27 decimals makes the integer product overflow: the decimal way gives the
    /// same cent. 10 000 000 × 12.15 % × 59 / 365 = 196 397.260… → 196 397.26.
    #[test]
    fn segment_interest_beyond_the_integer_range_is_computed_in_decimal() {
        let long_rate = d("12.150000000000000000000000000");
        assert_eq!(long_rate.scale(), 27);
        let (base, days, divisor) = (d("10000000.00"), 59, 365);
        assert_eq!(exact_interest(base, long_rate, days, divisor), None);
        assert_eq!(
            segment_interest(base, long_rate, days, divisor).to_string(),
            "196397.26"
        );
        assert_eq!(exact_interest(base, d("1"), days, 0), None);
    }
}
