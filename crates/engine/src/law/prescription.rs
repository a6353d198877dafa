//! Prescription of the claim: how long the creditor may still sue, decided once for the
//! décompte's notices, Stratégie's warnings and its timeline, and the letters.

use chrono::{Datelike, Months, NaiveDate};

use super::regime::Regime;
use crate::calendar::days_inclusive;

/// How close the claim is to prescription on the calculation date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// The last day to act has passed (C. civ. 2229).
    Prescribed,
    /// The last day to act is at most [`SOON_DAYS`] days away.
    Soon,
    /// Further away.
    Running,
}

impl Status {
    /// Stable code, used in the result and strategy JSON.
    pub fn code(self) -> &'static str {
        match self {
            Status::Prescribed => "prescribed",
            Status::Soon => "soon",
            Status::Running => "running",
        }
    }
}

/// Within this many days before the last day to act, the claim is flagged as soon prescribed.
pub const SOON_DAYS: i64 = 183;

/// What the period runs from: the end of the service, or the last event that started it again.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Start {
    /// The delivery of the goods or the end of the service (Cass. com. 26 Feb 2020
    /// n° 18-25.036; Cass. 1re civ. 19 May 2021 n° 20-12.520).
    Delivered(NaiveDate),
    /// The invoice's issue date, when the delivery date is unknown: the service ended by then.
    Issued(NaiveDate),
    /// The due date, when neither is known.
    Due(NaiveDate),
    /// A payment applied to the invoice: an acknowledgment of the debt (C. civ. 2240).
    Payment(NaiveDate),
    /// The debtor's written acknowledgment of the debt (C. civ. 2240).
    Acknowledged(NaiveDate),
}

impl Start {
    /// The delivery date when known, else the issue date, else the due date.
    pub fn of(delivered: Option<NaiveDate>, issued: Option<NaiveDate>, due: NaiveDate) -> Start {
        match (delivered, issued) {
            (Some(d), _) => Start::Delivered(d),
            (None, Some(d)) => Start::Issued(d),
            (None, None) => Start::Due(due),
        }
    }

    pub fn date(self) -> NaiveDate {
        match self {
            Start::Delivered(d)
            | Start::Issued(d)
            | Start::Due(d)
            | Start::Payment(d)
            | Start::Acknowledged(d) => d,
        }
    }

    /// C. civ. 2231: an interruption starts a new period of the same length from its date; one
    /// dated on or before the current start changes nothing.
    pub fn restarted(self, by: Start) -> Start {
        if by.date() > self.date() {
            by
        } else {
            self
        }
    }
}

/// One invoice's prescription.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Term {
    pub regime: Regime,
    pub start: Start,
    pub years: u32,
    /// The last day on which an action still interrupts it (C. civ. 2228, 2229).
    pub last_day: NaiveDate,
}

impl Term {
    /// Where the claim stands on `as_of`.
    pub fn status(&self, as_of: NaiveDate) -> Status {
        if as_of > self.last_day {
            Status::Prescribed
        } else if days_inclusive(as_of, self.last_day) <= SOON_DAYS + 1 {
            Status::Soon
        } else {
            Status::Running
        }
    }
}

/// C. com. L110-4 (5 years between traders, as C. civ. 2224) / C. conso. L218-2 (2 years from a
/// professional to a consumer) / loi n° 68-1250 art. 1 (4 years against a public person).
pub fn years(regime: Regime) -> u32 {
    match regime {
        Regime::B2b => 5,
        Regime::B2c => 2,
        Regime::Public => 4,
    }
}

/// The prescription of a claim whose period runs from `start`; `None` only if the last day
/// falls beyond the calendar.
pub fn term(regime: Regime, start: Start) -> Option<Term> {
    let years = years(regime);
    let from = start.date();
    let last_day = match regime {
        // Loi n° 68-1250 art. 1: from 1 January of the year after the start, so through
        // 31 December of the fourth year after it.
        Regime::Public => NaiveDate::from_ymd_opt(from.year().checked_add(4)?, 12, 31)?,
        // C. civ. 2229: the same day N years later (29 February → 28 February).
        Regime::B2b | Regime::B2c => from.checked_add_months(Months::new(12 * years))?,
    };
    Some(Term {
        regime,
        start,
        years,
        last_day,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::ymd;

    #[test]
    fn the_term_runs_from_the_delivery_else_the_issue_else_the_due_date() {
        let start = Start::of(None, Some(ymd(2022, 3, 4)), ymd(2022, 4, 3));
        let t = term(Regime::B2b, start);
        assert_eq!(t.map(|t| t.last_day), Some(ymd(2027, 3, 4)));
        let start = Start::of(None, None, ymd(2024, 2, 29));
        let t = term(Regime::B2c, start);
        assert_eq!(
            t.map(|t| (t.start, t.last_day)),
            Some((Start::Due(ymd(2024, 2, 29)), ymd(2026, 2, 28)))
        );
        let start = Start::of(
            Some(ymd(2022, 1, 20)),
            Some(ymd(2022, 3, 4)),
            ymd(2022, 4, 3),
        );
        assert_eq!(start, Start::Delivered(ymd(2022, 1, 20)));
        assert_eq!(
            term(Regime::B2b, start).map(|t| t.last_day),
            Some(ymd(2027, 1, 20))
        );
    }

    #[test]
    fn a_public_claim_runs_four_years_from_the_first_of_january_after() {
        for (start, last) in [
            (ymd(2022, 1, 1), ymd(2026, 12, 31)),
            (ymd(2022, 12, 31), ymd(2026, 12, 31)),
            (ymd(2023, 1, 1), ymd(2027, 12, 31)),
        ] {
            let t = term(Regime::Public, Start::Issued(start));
            assert_eq!(t.map(|t| (t.years, t.last_day)), Some((4, last)), "{start}");
        }
    }

    #[test]
    fn only_a_later_event_restarts_the_period() {
        let start = Start::Delivered(ymd(2022, 5, 10));
        let later = Start::Payment(ymd(2023, 2, 1));
        assert_eq!(start.restarted(later), later);
        assert_eq!(later.restarted(start), later);
        let same_day = Start::Acknowledged(ymd(2022, 5, 10));
        assert_eq!(start.restarted(same_day), start);
    }

    #[test]
    fn the_status_turns_on_the_last_day_and_183_days_before() {
        let Some(t) = term(Regime::B2b, Start::Due(ymd(2021, 3, 31))) else {
            panic!("in the calendar")
        };
        assert_eq!(t.status(ymd(2026, 4, 1)), Status::Prescribed);
        assert_eq!(t.status(ymd(2026, 3, 31)), Status::Soon);
        assert_eq!(t.status(ymd(2025, 9, 29)), Status::Soon);
        assert_eq!(t.status(ymd(2025, 9, 28)), Status::Running);
    }
}
