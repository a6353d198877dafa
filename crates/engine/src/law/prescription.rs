//! Prescription of the claim: how long the creditor may still sue, decided once for the
//! décompte's notices, Stratégie's warnings and its timeline.

use chrono::{Months, NaiveDate};

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

/// What the period starts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Start {
    /// The invoice's issue date: the service ended by then (the careful reading of Cass. com.
    /// 26 Feb 2020 n° 18-25.036, which runs it from the end of the service).
    Issued(NaiveDate),
    /// The due date, when the issue date is unknown.
    Due(NaiveDate),
}

impl Start {
    /// The issue date when known, else the due date.
    pub fn of(issued: Option<NaiveDate>, due: NaiveDate) -> Start {
        issued.map_or(Start::Due(due), Start::Issued)
    }

    pub fn date(self) -> NaiveDate {
        match self {
            Start::Issued(d) | Start::Due(d) => d,
        }
    }
}

/// One invoice's prescription.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Term {
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
/// professional to a consumer).
pub fn years(regime: Regime) -> u32 {
    match regime {
        Regime::B2b => 5,
        Regime::B2c => 2,
    }
}

/// The prescription of an invoice issued on `issued` (if known) and due on `due`; `None` only
/// if the last day falls beyond the calendar.
pub fn term(regime: Regime, issued: Option<NaiveDate>, due: NaiveDate) -> Option<Term> {
    let start = Start::of(issued, due);
    let years = years(regime);
    let last_day = start.date().checked_add_months(Months::new(12 * years))?;
    Some(Term {
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
    fn the_term_runs_from_the_issue_date_else_the_due_date() {
        let t = term(Regime::B2b, Some(ymd(2022, 3, 4)), ymd(2022, 4, 3));
        assert_eq!(t.map(|t| t.last_day), Some(ymd(2027, 3, 4)));
        let t = term(Regime::B2c, None, ymd(2024, 2, 29));
        assert_eq!(
            t.map(|t| (t.start, t.last_day)),
            Some((Start::Due(ymd(2024, 2, 29)), ymd(2026, 2, 28)))
        );
    }

    #[test]
    fn the_status_turns_on_the_last_day_and_183_days_before() {
        let Some(t) = term(Regime::B2b, None, ymd(2021, 3, 31)) else {
            panic!("in the calendar")
        };
        assert_eq!(t.status(ymd(2026, 4, 1)), Status::Prescribed);
        assert_eq!(t.status(ymd(2026, 3, 31)), Status::Soon);
        assert_eq!(t.status(ymd(2025, 9, 29)), Status::Soon);
        assert_eq!(t.status(ymd(2025, 9, 28)), Status::Running);
    }
}
