//! Interest after a judgment: legal interest on the award (C. civ. 1231-7), 5 points more two
//! months after the decision became enforceable (C. mon. fin. L313-3).

use chrono::{Months, NaiveDate};
use rust_decimal::Decimal;

use crate::calendar::next_day;

/// C. mon. fin. L313-3: the legal rate is increased by 5 points.
pub const INCREASE: Decimal = Decimal::from_parts(5, 0, 0, false, 0);

/// C. civ. 1231-7: interest runs from the judgment, or from the day the judge set.
pub fn interest_start(judgment: NaiveDate, interest_from: Option<NaiveDate>) -> Option<NaiveDate> {
    next_day(interest_from.unwrap_or(judgment))
}

/// C. mon. fin. L313-3: the first day of the increase, the day after two months counted from
/// the service of the decision (the same day number two months on, or that month's last day);
/// without service, none.
pub fn increase_from(served: Option<NaiveDate>) -> Option<NaiveDate> {
    served
        .and_then(|s| s.checked_add_months(Months::new(2)))
        .and_then(next_day)
}

/// CPCE L111-4: a judgment is enforced within 10 years of the day it is enforceable, which is
/// no earlier than its service (CPC 503); not served, its date. The last day to do so, at the
/// earliest.
pub fn enforcement_last_day(judgment: NaiveDate, served: Option<NaiveDate>) -> Option<NaiveDate> {
    served
        .unwrap_or(judgment)
        .checked_add_months(Months::new(120))
}

/// C. civ. 2224: arrears of interest more than 5 years old on `as_of` are prescribed: the
/// first day still claimable.
pub fn interest_claimable_from(as_of: NaiveDate) -> Option<NaiveDate> {
    as_of.checked_sub_months(Months::new(60))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::ymd;

    #[test]
    fn the_increase_starts_the_day_after_two_months_from_service() {
        assert_eq!(increase_from(Some(ymd(2025, 4, 2))), Some(ymd(2025, 6, 3)));
        assert_eq!(
            increase_from(Some(ymd(2024, 12, 31))),
            Some(ymd(2025, 3, 1))
        );
        assert_eq!(increase_from(None), None);
        assert_eq!(
            interest_start(ymd(2025, 3, 10), None),
            Some(ymd(2025, 3, 11))
        );
        let set = Some(ymd(2024, 11, 5));
        assert_eq!(
            interest_start(ymd(2025, 3, 10), set),
            Some(ymd(2024, 11, 6))
        );
    }
}
