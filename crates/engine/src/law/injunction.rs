//! The injonction de payer (CPC 1405 ff.): which court, and the deadlines after the order.

use chrono::{Months, NaiveDate};

use crate::dossier::{CourtKind, DebtorKind};

/// The legal forms of a commercial company (C. com. L210-1: by their form, whatever their
/// object), as people write them. A société d'exercice libéral is left to the user: its object
/// is a liberal profession's.
const COMMERCIAL_FORMS: &[&str] = &[
    "SA", "SAS", "SASU", "SARL", "EURL", "SNC", "SCS", "SCA", "SE",
];

/// Whether `legal_form` (« SAS », « S.A.R.L. », « sarl ») is a commercial company's.
pub fn is_commercial_form(legal_form: &str) -> bool {
    let letters: String = legal_form
        .chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_uppercase())
        .collect();
    COMMERCIAL_FORMS.contains(&letters.as_str())
}

/// CPC 1406: the user's choice when made; else a consumer before the tribunal judiciaire; a professional debtor with a commercial
/// company's form before the tribunal de commerce; otherwise the user says (a trader or a
/// craftsman goes to commerce, a liberal profession, an association or a civil company to the
/// tribunal judiciaire). No court for a public buyer: no injonction de payer against a public
/// person.
pub fn court_kind(
    chosen: Option<CourtKind>,
    debtor: DebtorKind,
    legal_form: &str,
) -> Option<CourtKind> {
    match debtor {
        DebtorKind::Public => return None,
        // CPC 1406 al. 1: a consumer is never before the tribunal de commerce.
        DebtorKind::Consumer => return Some(CourtKind::Judiciaire),
        DebtorKind::Professional if chosen.is_some() => return chosen,
        DebtorKind::Professional => {}
    }
    match debtor {
        DebtorKind::Consumer => Some(CourtKind::Judiciaire),
        DebtorKind::Professional if is_commercial_form(legal_form) => Some(CourtKind::Commerce),
        DebtorKind::Professional | DebtorKind::Public => None,
    }
}

/// Décret n° 2026-96: an order made from this day must be served within three months.
pub const THREE_MONTHS_FROM: NaiveDate = match NaiveDate::from_ymd_opt(2026, 9, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// CPC 1411: the order lapses unless served within six months of its date, three for an order
/// made from 1 September 2026 (décret n° 2026-96).
pub fn service_months(order: NaiveDate) -> u32 {
    if order >= THREE_MONTHS_FROM {
        3
    } else {
        6
    }
}

/// The last day to serve an order made on `order` (CPC 1411, CPC 641).
pub fn service_last_day(order: NaiveDate) -> Option<NaiveDate> {
    order.checked_add_months(Months::new(service_months(order)))
}

/// CPC 1416: the debtor may oppose within one month of the service.
pub const OPPOSITION_MONTHS: u32 = 1;

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn the_court_follows_the_debtor() {
        use CourtKind::{Commerce, Judiciaire};
        use DebtorKind::{Consumer, Professional, Public};
        assert_eq!(court_kind(None, Consumer, "SAS"), Some(Judiciaire));
        assert_eq!(court_kind(None, Professional, "S.A.R.L."), Some(Commerce));
        assert_eq!(court_kind(None, Professional, "sas"), Some(Commerce));
        assert_eq!(court_kind(None, Professional, "SCI"), None);
        assert_eq!(court_kind(None, Professional, "SELARL"), None);
        assert_eq!(
            court_kind(Some(Judiciaire), Professional, "SCI"),
            Some(Judiciaire)
        );
        assert_eq!(court_kind(Some(Commerce), Professional, ""), Some(Commerce));
        assert_eq!(court_kind(None, Professional, ""), None);
        assert_eq!(court_kind(Some(Judiciaire), Public, "SA"), None);
        assert_eq!(court_kind(Some(Commerce), Consumer, ""), Some(Judiciaire));
    }

    #[test]
    fn three_months_for_orders_from_september_2026() {
        assert_eq!(service_last_day(d(2026, 8, 31)), Some(d(2027, 2, 28)));
        assert_eq!(service_last_day(d(2026, 9, 1)), Some(d(2026, 12, 1)));
        assert_eq!(service_last_day(d(2026, 11, 30)), Some(d(2027, 2, 28)));
    }
}
