//! The creditor of a debtor in collective proceedings (C. com. livre VI): when to declare the
//! claim, what it is as at the opening judgment, and the last day to ask to be relieved.
//! The same rules hold in redressement (L631-14) and in liquidation (L641-3).

use chrono::{Months, NaiveDate};

use crate::dossier::Procedure;

/// C. com. R622-24: two months from the BODACC publication of the opening judgment; two more
/// for a creditor who does not live in the territory where the court sits.
pub fn declaration_last_day(published: NaiveDate, creditor_abroad: bool) -> Option<NaiveDate> {
    let months = if creditor_abroad { 4 } else { 2 };
    // CPC 641: a period of months ends on the day of the same number, else the month's last.
    published.checked_add_months(Months::new(months))
}

/// C. com. L622-26 al. 3: the action en relevé de forclusion, within six months of the
/// publication.
pub fn relief_last_day(published: NaiveDate) -> Option<NaiveDate> {
    published.checked_add_months(Months::new(6))
}

/// C. com. L622-28 al. 1 (L641-3 in liquidation): the opening judgment stops interest and
/// late-payment increases; the claim is declared as it stood that day.
pub fn interest_stops(opened: NaiveDate) -> NaiveDate {
    opened
}

/// C. com. L622-29 (sauvegarde, redressement): the opening does not make sums not yet due
/// payable; L643-1: a liquidation does.
pub fn makes_payable(procedure: Procedure) -> bool {
    procedure == Procedure::Liquidation
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn two_months_four_abroad_from_the_publication() {
        assert_eq!(
            declaration_last_day(d(2026, 3, 12), false),
            Some(d(2026, 5, 12))
        );
        assert_eq!(
            declaration_last_day(d(2026, 3, 12), true),
            Some(d(2026, 7, 12))
        );
        // CPC 641: no 31 April, so the month's last day.
        assert_eq!(
            declaration_last_day(d(2026, 2, 28), false),
            Some(d(2026, 4, 28))
        );
        assert_eq!(
            declaration_last_day(d(2025, 12, 31), false),
            Some(d(2026, 2, 28))
        );
        assert_eq!(relief_last_day(d(2026, 3, 12)), Some(d(2026, 9, 12)));
    }

    #[test]
    fn only_a_liquidation_makes_later_sums_payable() {
        assert!(makes_payable(Procedure::Liquidation));
        assert!(!makes_payable(Procedure::Recovery));
        assert!(!makes_payable(Procedure::Safeguard));
    }
}
