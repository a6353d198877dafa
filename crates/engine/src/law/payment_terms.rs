//! Payment terms between professionals (C. com. L441-10 I).

use chrono::NaiveDate;

use crate::calendar::{add_days, end_of_month};

/// Without agreed terms, payment is due on the 30th day after the invoice.
pub const DEFAULT_DAYS: u64 = 30;

/// The due date when no terms were agreed.
pub fn default_due(issued: NaiveDate) -> Option<NaiveDate> {
    add_days(issued, DEFAULT_DAYS)
}

/// "45 jours fin de mois": 45 days after the invoice, then to the end of that month.
pub fn forty_five_days_end_of_month(issued: NaiveDate) -> Option<NaiveDate> {
    add_days(issued, 45).and_then(end_of_month)
}

/// The longest lawful term: 60 days from the invoice or 45 days end of month (either way of
/// counting the latter).
pub fn cap(issued: NaiveDate) -> NaiveDate {
    let sixty = add_days(issued, 60);
    let then_eom = forty_five_days_end_of_month(issued);
    let eom_then = end_of_month(issued).and_then(|d| add_days(d, 45));
    [sixty, then_eom, eom_then]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::ymd;

    #[test]
    fn payment_terms_cap_takes_the_most_lenient_reading() {
        // 60 days from 31 Jan 2024 = 31 Mar; 45 days then end of month = 31 Mar; end of month
        // then 45 days = 16 Mar → cap 31 Mar.
        assert_eq!(cap(ymd(2024, 1, 31)), ymd(2024, 3, 31));
        // 10 Jan: 60 days = 10 Mar; +45 = 24 Feb → 29 Feb; 31 Jan + 45 = 16 Mar → cap 16 Mar.
        assert_eq!(cap(ymd(2024, 1, 10)), ymd(2024, 3, 16));
    }

    #[test]
    fn the_default_and_the_end_of_month_terms() {
        assert_eq!(default_due(ymd(2022, 3, 4)), Some(ymd(2022, 4, 3)));
        assert_eq!(
            forty_five_days_end_of_month(ymd(2024, 1, 10)),
            Some(ymd(2024, 2, 29))
        );
    }
}
