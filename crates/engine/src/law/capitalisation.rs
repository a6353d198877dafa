//! Capitalisation of interest (anatocisme, C. civ. 1343-2): interest due for a whole year bears
//! interest when the contract or a court decision says so. As the dossier gives it
//! (`options.capitalisation_from`), on each anniversary of that day the interest still owed
//! joins the base.

use chrono::{Months, NaiveDate};
use rust_decimal::Decimal;

/// Interest that joined the base on an anniversary of `options.capitalisation_from`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Capitalised {
    pub date: NaiveDate,
    pub amount: Decimal,
}

/// The `k`-th anniversary of `from` (k ≥ 1); a 29 February gives the 28th in other years.
pub fn anniversary(from: NaiveDate, k: u32) -> Option<NaiveDate> {
    from.checked_add_months(Months::new(k.checked_mul(12)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn each_year_on_the_same_day() {
        assert_eq!(anniversary(d(2024, 3, 15), 1), Some(d(2025, 3, 15)));
        assert_eq!(anniversary(d(2024, 3, 15), 3), Some(d(2027, 3, 15)));
        assert_eq!(anniversary(d(2024, 2, 29), 1), Some(d(2025, 2, 28)));
        assert_eq!(anniversary(d(2024, 2, 29), 4), Some(d(2028, 2, 29)));
    }
}
