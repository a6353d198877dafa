//! What the quick start shows for an amount and a due date typed: each field's error, and the
//! figures or why there are none. Pure: the page's `draw` puts it on screen.

use chrono::NaiveDate;
use relance_engine::figures::figures;
use relance_engine::form::{check, Form, InvoiceForm};
use relance_engine::{fr, Notice};

/// The paths of the two fields, as the engine names them (their ids: `qs-f-invoices-0-…`).
pub const AMOUNT: &str = "invoices[0].amount";
pub const DUE: &str = "invoices[0].due";

/// The figures, written out as the app's « Ce que doit le débiteur » writes them.
#[derive(Debug, PartialEq, Eq)]
pub struct Figures {
    /// « Total dû au 07/12/2026 : »
    pub total_title: String,
    pub total: String,
    pub principal: String,
    pub interest_label: &'static str,
    pub interest: String,
    /// Why the interest is 0 €, when the engine says so (an invoice not yet due).
    pub why_zero: Option<String>,
    pub indemnities: String,
    pub daily: String,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Answer {
    pub amount_error: Option<String>,
    pub due_error: Option<String>,
    /// The figures, or what is said in their place.
    pub figures: Result<Figures, &'static str>,
}

/// The form the app would hold with these two fields typed in its quick start.
pub fn form(amount: &str, due: &str) -> Form {
    Form {
        invoices: vec![InvoiceForm {
            amount: amount.to_owned(),
            due: due.to_owned(),
            ..InvoiceForm::default()
        }],
        ..Form::default()
    }
}

/// What the quick start shows for `amount` and `due`, computed on `today`.
pub fn answer(amount: &str, due: &str, today: Option<NaiveDate>) -> Answer {
    let form = form(amount, due);
    let checked = check(&form);
    let error = |path| checked.error(path).map(str::to_owned);
    Answer {
        amount_error: error(AMOUNT),
        due_error: error(DUE),
        figures: figures(&form, &checked, today)
            .map(|c| {
                let t = &c.totals;
                Figures {
                    total_title: format!("Total dû au {} : ", fr::date(c.as_of)),
                    total: fr::amount(t.total),
                    principal: fr::amount(t.principal),
                    interest_label: fr::interest_noun(c.regime).0,
                    interest: fr::amount(t.interest),
                    why_zero: t
                        .interest
                        .is_zero()
                        .then(|| {
                            c.notices
                                .iter()
                                .find(|n| matches!(n, Notice::NotYetDue { .. }))
                                .map(Notice::message)
                        })
                        .flatten(),
                    indemnities: fr::amount(t.indemnities),
                    daily: fr::amount(c.daily_accrual),
                }
            })
            .map_err(|why| why.message()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use relance_engine::compute;
    use relance_engine::figures::NoFigures;
    use relance_engine::RateTables;

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    /// The same figures as the engine gives the app's form, written out as the app does.
    #[test]
    fn the_figures_are_the_engines() {
        let a = answer("24000", "03/04/2022", day(2026, 11, 22));
        let f = a.figures.unwrap();
        let dossier = check(&form("24000", "03/04/2022")).dossier.unwrap();
        let c = compute(&dossier, day(2026, 11, 22).unwrap(), &RateTables::builtin());
        assert_eq!(f.total, fr::amount(c.totals.total));
        // The deploy test's figure for the same invoice in the app.
        assert_eq!(f.total, "38 132,53 €");
        assert_eq!(f.total_title, "Total dû au 22/11/2026 : ");
        assert_eq!(f.principal, "24 000,00 €");
        assert_eq!(f.indemnities, "40,00 €");
        assert_eq!(f.interest, fr::amount(c.totals.interest));
        assert_eq!(f.interest_label, fr::interest_noun(c.regime).0);
        assert_eq!(f.daily, fr::amount(c.daily_accrual));
        assert_eq!(f.why_zero, None);
        assert_eq!((a.amount_error, a.due_error), (None, None));
    }

    #[test]
    fn an_invoice_not_yet_due_says_why_its_interest_is_nil() {
        let f = answer("1500", "01/03/2027", day(2026, 12, 7))
            .figures
            .unwrap();
        assert_eq!(f.interest, "0,00 €");
        let why = f.why_zero.unwrap();
        assert!(why.contains("01/03/2027"), "{why}");
    }

    #[test]
    fn each_field_says_its_own_error_and_nothing_is_computed() {
        let a = answer("douze", "01/03/2026", day(2026, 12, 7));
        assert!(a.amount_error.is_some());
        assert_eq!(a.due_error, None);
        assert_eq!(a.figures, Err(NoFigures::NoValidInvoice.message()));
        let a = answer("1500", "31/02/2026", day(2026, 12, 7));
        assert_eq!(a.amount_error, None);
        assert!(a.due_error.is_some());
        assert_eq!(
            answer("", "", day(2026, 12, 7)).figures,
            Err(NoFigures::Empty.message())
        );
    }
}
