//! What a checked form computes to: the figures on the calculation date typed, or on today when
//! none is typed, or why there are none. The page's app and its quick start (`crates/quick`)
//! both show these.

use chrono::NaiveDate;

use crate::form::{Checked, Form, InvoiceForm};
use crate::{compute, fr, Computation, Notice, RateTables};

/// Why a form gives no figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoFigures {
    /// Nothing typed in any invoice yet.
    Empty,
    /// Invoices typed, none complete and valid.
    NoValidInvoice,
    /// A calculation date that cannot be read (or no clock to default it to).
    AsOf,
}

impl NoFigures {
    /// What the page says in place of the figures.
    pub fn message(self) -> &'static str {
        match self {
            NoFigures::Empty => {
                "Saisissez le montant et l'échéance d'une facture : le total s'affiche aussitôt."
            }
            NoFigures::NoValidInvoice => {
                "Aucune facture complète et valide : corrigez les champs signalés."
            }
            NoFigures::AsOf => "Corrigez la date « Calculer au » pour voir le calcul.",
        }
    }
}

/// The calculation date: the one typed if valid, `today` when none is typed.
pub fn as_of(form: &Form, checked: &Checked, today: Option<NaiveDate>) -> Option<NaiveDate> {
    match checked.as_of {
        Some(d) => Some(d),
        None if form.as_of.trim().is_empty() => today,
        None => None,
    }
}

/// The figures of `checked` (the reading of `form`) on its calculation date, with the shipped
/// rate tables.
pub fn figures(
    form: &Form,
    checked: &Checked,
    today: Option<NaiveDate>,
) -> Result<Computation, NoFigures> {
    match (&checked.dossier, as_of(form, checked, today)) {
        (Some(dossier), Some(as_of)) => Ok(compute(dossier, as_of, &RateTables::builtin())),
        (None, _) if form.invoices.iter().all(|i| *i == InvoiceForm::default()) => {
            Err(NoFigures::Empty)
        }
        (None, _) => Err(NoFigures::NoValidInvoice),
        (Some(_), None) => Err(NoFigures::AsOf),
    }
}

/// « Total dû au 22/11/2026 : », before the total.
pub fn total_title(c: &Computation) -> String {
    format!("Total dû au {} : ", fr::date(c.as_of))
}

/// Why no interest is owed, when a notice says it: the formal notice dated after the
/// calculation date or before the due date, an invoice not yet due.
pub fn why_no_interest(c: &Computation) -> Option<String> {
    if !c.totals.interest.is_zero() {
        return None;
    }
    c.notices
        .iter()
        .find(|n| {
            matches!(
                n,
                Notice::FormalNoticeAfterAsOf { .. }
                    | Notice::FormalNoticeBeforeDue { .. }
                    | Notice::NotYetDue { .. }
            )
        })
        .map(Notice::message)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::check;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn form(amount: &str, due: &str, as_of: &str) -> Form {
        Form {
            as_of: as_of.into(),
            ..Form::one_invoice(amount, due)
        }
    }

    fn of(f: &Form, today: Option<NaiveDate>) -> Result<Computation, NoFigures> {
        figures(f, &check(f), today)
    }

    #[test]
    fn the_typed_date_wins_over_today() {
        let f = form("1500", "01/03/2026", "01/06/2026");
        let c = of(&f, Some(day(2026, 12, 7))).unwrap();
        assert_eq!(c.as_of, day(2026, 6, 1));
    }

    #[test]
    fn no_typed_date_is_today_and_no_clock_is_said() {
        let f = form("1500", "01/03/2026", "  ");
        assert_eq!(
            of(&f, Some(day(2026, 12, 7))).unwrap().as_of,
            day(2026, 12, 7)
        );
        assert_eq!(of(&f, None).unwrap_err(), NoFigures::AsOf);
    }

    #[test]
    fn an_unreadable_date_is_not_today() {
        let f = form("1500", "01/03/2026", "31/02/2026");
        assert_eq!(of(&f, Some(day(2026, 12, 7))).unwrap_err(), NoFigures::AsOf);
    }

    #[test]
    fn why_there_are_no_figures() {
        assert_eq!(of(&Form::default(), None).unwrap_err(), NoFigures::Empty);
        assert_eq!(of(&form("", "", ""), None).unwrap_err(), NoFigures::Empty);
        let bad = form("abc", "01/03/2026", "");
        assert_eq!(
            of(&bad, Some(day(2026, 12, 7))).unwrap_err(),
            NoFigures::NoValidInvoice
        );
        for why in [NoFigures::Empty, NoFigures::NoValidInvoice, NoFigures::AsOf] {
            assert!(why.message().ends_with('.'));
        }
        assert_ne!(NoFigures::Empty.message(), NoFigures::AsOf.message());
    }

    #[test]
    fn the_total_is_titled_with_its_date() {
        let c = of(&form("1500", "01/03/2026", "01/06/2026"), None).unwrap();
        assert_eq!(total_title(&c), "Total dû au 01/06/2026 : ");
    }

    #[test]
    fn no_interest_is_explained_by_its_notice_only() {
        let due = of(&form("1500", "01/03/2026", "01/06/2026"), None).unwrap();
        assert_eq!(why_no_interest(&due), None);
        let not_yet = of(&form("1500", "01/03/2027", "01/06/2026"), None).unwrap();
        let why = why_no_interest(&not_yet).unwrap();
        assert!(why.contains("01/03/2027"), "{why}");
        // A formal notice after the calculation date: no interest yet for a consumer.
        let mut consumer = form("1500", "01/03/2026", "01/06/2026");
        consumer.debtor.kind = "consumer".into();
        consumer.options.formal_notice_date = "01/07/2026".into();
        let c = of(&consumer, None).unwrap();
        assert!(c.totals.interest.is_zero());
        assert_eq!(
            why_no_interest(&c),
            c.notices
                .iter()
                .find(|n| matches!(n, Notice::FormalNoticeAfterAsOf { .. }))
                .map(Notice::message)
        );
        assert!(why_no_interest(&c).is_some());
    }
}
