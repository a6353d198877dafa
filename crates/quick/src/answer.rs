//! What the quick start shows for an amount and a due date typed: each field's error, and the
//! figures or why there are none. Pure: the page's `draw` puts it on screen.

use chrono::NaiveDate;
use relance_engine::figures::{figures, total_title, why_no_interest, NoFigures};
use relance_engine::form::{check, Form};
use relance_engine::fr;

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
    /// Why the interest is 0 €, when a notice says so (an invoice not yet due).
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

/// What the quick start shows for `amount` and `due`, computed on `today`.
pub fn answer(amount: &str, due: &str, today: Option<NaiveDate>) -> Answer {
    let form = Form::one_invoice(amount, due);
    let checked = check(&form);
    let error = |path| checked.error(path).map(str::to_owned);
    Answer {
        amount_error: error(AMOUNT),
        due_error: error(DUE),
        figures: figures(&form, &checked, today)
            .map(|c| {
                let t = &c.totals;
                Figures {
                    total_title: total_title(&c),
                    total: fr::amount(t.total),
                    principal: fr::amount(t.principal),
                    interest_label: fr::interest_noun(c.regime).0,
                    interest: fr::amount(t.interest),
                    why_zero: why_no_interest(&c),
                    indemnities: fr::amount(t.indemnities),
                    daily: fr::amount(c.daily_accrual),
                }
            })
            .map_err(|why| match why {
                // No « Calculer au » here: only the browser's clock can fail to give a date.
                NoFigures::AsOf => NO_CLOCK,
                why => why.message(),
            }),
    }
}

/// Said when the browser's clock gives no date to compute on.
pub const NO_CLOCK: &str =
    "La date du jour est illisible dans ce navigateur : le calcul attend le reste de Relance, où « Calculer au » se saisit.";

#[cfg(test)]
mod tests {
    use super::*;
    use relance_engine::compute;
    use relance_engine::RateTables;

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    /// The same figures as the engine gives the app's form, written out as the app does.
    #[test]
    fn the_figures_are_the_engines() {
        let a = answer("24000", "03/04/2022", day(2026, 11, 22));
        let f = a.figures.unwrap();
        let dossier = check(&Form::one_invoice("24000", "03/04/2022"))
            .dossier
            .unwrap();
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

    /// Without a clock, no « Calculer au » to correct: the quick start says what it waits for.
    #[test]
    fn no_clock_is_said_in_the_quick_starts_words() {
        assert_eq!(answer("1500", "01/03/2026", None).figures, Err(NO_CLOCK));
    }
}
