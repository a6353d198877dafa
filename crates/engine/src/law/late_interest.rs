//! Late-payment interest: from which day it runs, at which rate.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::regime::Regime;
use crate::calendar::{next_day, semester_start, ymd};
use crate::dossier::CreditorKind;
use crate::reference::rows::LegalCategory;

/// C. com. L441-10: the ECB rate plus 10 percentage points.
pub const ECB_MARGIN: Decimal = Decimal::from_parts(10, 0, 0, false, 0);

/// ECB + 10 points applies to contracts from 1 January 2009 (loi LME n°2008-776); earlier days
/// fall under ECB + 7 for older contracts, which Relance does not compute.
pub const ECB_PLUS_TEN_FROM: NaiveDate = ymd(2009, 1, 1);

/// C. com. L441-10 al. 3 (loi n°2012-387 art. 121, in force 1 January 2013): the ECB rate of
/// 1 January applies to the first semester, that of 1 July to the second.
pub const SEMESTER_RULE_FROM: NaiveDate = ymd(2013, 1, 1);

/// C. commande publique R2192-31: the ECB rate plus 8 points, for a public buyer.
pub const PUBLIC_MARGIN: Decimal = Decimal::from_parts(8, 0, 0, false, 0);

/// The Code de la commande publique (R2192-31) applies from 1 April 2019; a delay that began
/// earlier fell under décret n° 2013-269, which Relance does not compute.
pub const PUBLIC_RATE_FROM: NaiveDate = ymd(2019, 4, 1);

/// C. com. L441-10: a contractual rate may not be below three times the legal rate.
pub const FLOOR_MULTIPLE: Decimal = Decimal::from_parts(3, 0, 0, false, 0);

/// The first day that bears interest: C. com. L441-10, the day after the due date; C. civ.
/// 1231-6 (consumer), the day after a formal notice dated on or after the due date.
pub fn accrual_start(
    regime: Regime,
    due: NaiveDate,
    formal_notice: Option<NaiveDate>,
) -> Option<NaiveDate> {
    match regime {
        // C. commande publique L2192-12: for a public buyer too, from the day after the due date.
        Regime::B2b | Regime::Public => next_day(due),
        // C. civ. 1305-2: what is owed at a term cannot be demanded before it, so a notice
        // dated before the due date puts no one in default (C. civ. 1344): no interest runs.
        Regime::B2c => formal_notice.filter(|n| *n >= due).and_then(next_day),
    }
}

/// C. mon. fin. L313-2: the "particuliers" legal rate is owed to a creditor who is a natural
/// person not acting for professional needs; every other creditor gets the "autres cas" rate.
pub fn legal_category(creditor: CreditorKind) -> LegalCategory {
    match creditor {
        CreditorKind::IndividualPrivate => LegalCategory::Particuliers,
        _ => LegalCategory::AutresCas,
    }
}

/// The day whose ECB rate a day of delay bears: from 2013 the first day of its semester, before
/// then the day itself (the "most recent" refinancing operation).
pub fn ecb_reference_day(day: NaiveDate) -> NaiveDate {
    if day >= SEMESTER_RULE_FROM {
        semester_start(day)
    } else {
        day
    }
}

/// C. com. L441-10: the default penalty rate from an ECB rate.
pub fn default_rate(ecb: Decimal) -> Decimal {
    ecb + ECB_MARGIN
}

/// C. commande publique R2192-31: the moratory interest rate from an ECB rate.
pub fn public_rate(ecb: Decimal) -> Decimal {
    ecb + PUBLIC_MARGIN
}

/// C. commande publique R2192-36: moratory interest and the indemnity are paid within 45 days
/// of the payment of the principal.
pub fn public_accessories_deadline(principal_paid: NaiveDate) -> Option<NaiveDate> {
    crate::calendar::add_days(principal_paid, 45)
}

/// C. com. L441-10: the lowest lawful contractual rate, from the legal rate.
pub fn contractual_floor(legal: Decimal) -> Decimal {
    legal * FLOOR_MULTIPLE
}

/// C. com. L441-10: whether a contractual rate is below the floor; a rate equal to it is lawful.
pub fn is_below_floor(contractual: Decimal, floor: Decimal) -> bool {
    contractual < floor
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interest_runs_from_the_day_after_the_due_date_or_a_notice_sent_once_due() {
        let due = ymd(2025, 3, 15);
        assert_eq!(
            accrual_start(Regime::B2b, due, None),
            Some(ymd(2025, 3, 16))
        );
        assert_eq!(accrual_start(Regime::B2c, due, None), None);
        let notice = Some(ymd(2025, 6, 2));
        assert_eq!(
            accrual_start(Regime::B2c, due, notice),
            Some(ymd(2025, 6, 3))
        );
        // A notice before the due date has no effect (C. civ. 1305-2, 1344); on the due date it has.
        let early = Some(ymd(2025, 3, 1));
        assert_eq!(accrual_start(Regime::B2c, due, early), None);
        assert_eq!(
            accrual_start(Regime::B2c, due, Some(due)),
            Some(ymd(2025, 3, 16))
        );
    }

    #[test]
    fn the_rate_rules() {
        assert_eq!(default_rate(Decimal::new(215, 2)), Decimal::new(1215, 2));
        assert_eq!(
            contractual_floor(Decimal::new(262, 2)),
            Decimal::new(786, 2)
        );
        assert!(is_below_floor(Decimal::new(785, 2), Decimal::new(786, 2)));
        assert!(!is_below_floor(Decimal::new(786, 2), Decimal::new(786, 2)));
        assert_eq!(ecb_reference_day(ymd(2024, 8, 20)), ymd(2024, 7, 1));
        assert_eq!(ecb_reference_day(ymd(2012, 8, 20)), ymd(2012, 8, 20));
        assert_eq!(
            legal_category(CreditorKind::IndividualPrivate),
            LegalCategory::Particuliers
        );
        assert_eq!(
            legal_category(CreditorKind::Company),
            LegalCategory::AutresCas
        );
    }
}
