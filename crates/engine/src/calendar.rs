//! Calendar arithmetic on timezone-free dates: semesters, inclusive day counts, leap years,
//! and the two date spellings the dossier accepts (ISO `2022-04-03`, French `03/04/2022`).
//!
//! Every helper returns `Option` instead of panicking near the ends of chrono's range, so that
//! no input can crash a computation.

use chrono::{Datelike, Days, NaiveDate};

/// A date known at compile time; an invalid one is a compile error, never a runtime panic.
/// Meant for constants only (rate tables, legal thresholds, tests), never for user data.
#[allow(clippy::panic)]
pub const fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => panic!("invalid date constant"),
    }
}

/// First day of the semester containing `date` (1 January or 1 July).
pub fn semester_start(date: NaiveDate) -> NaiveDate {
    let month = if date.month() <= 6 { 1 } else { 7 };
    date.with_day(1)
        .and_then(|d| d.with_month(month))
        .unwrap_or(date)
}

/// Last day of the semester containing `date` (30 June or 31 December).
pub fn semester_end(date: NaiveDate) -> NaiveDate {
    let (month, day) = if date.month() <= 6 { (6, 30) } else { (12, 31) };
    NaiveDate::from_ymd_opt(date.year(), month, day).unwrap_or(date)
}

/// Short French label of a semester: `2e semestre 2026`.
pub fn semester_label(date: NaiveDate) -> String {
    let half = if date.month() <= 6 { "1er" } else { "2e" };
    format!("{half} semestre {}", date.year())
}

/// Number of days from `from` through `to`, both included (0 when `to` is before `from`).
pub fn days_inclusive(from: NaiveDate, to: NaiveDate) -> i64 {
    ((to - from).num_days() + 1).max(0)
}

pub fn next_day(date: NaiveDate) -> Option<NaiveDate> {
    date.succ_opt()
}

pub fn previous_day(date: NaiveDate) -> Option<NaiveDate> {
    date.pred_opt()
}

pub fn add_days(date: NaiveDate, days: u64) -> Option<NaiveDate> {
    date.checked_add_days(Days::new(days))
}

pub fn is_leap_year(year: i32) -> bool {
    NaiveDate::from_ymd_opt(year, 2, 29).is_some()
}

/// Last day of the month containing `date`.
pub fn end_of_month(date: NaiveDate) -> Option<NaiveDate> {
    let first = date.with_day(1)?;
    first.checked_add_months(chrono::Months::new(1))?.pred_opt()
}

/// Parses `YYYY-MM-DD` or `D/M/YYYY` (French order). Returns `None` for anything else,
/// including impossible dates such as `31/02/2026`.
pub fn parse_date(raw: &str) -> Option<NaiveDate> {
    let s = raw.trim();
    let (y, m, d) = if let Some((day, rest)) = s.split_once('/') {
        let (month, year) = rest.split_once('/')?;
        if year.len() != 4 || !(1..=2).contains(&day.len()) || !(1..=2).contains(&month.len()) {
            return None;
        }
        (year, month, day)
    } else {
        let mut parts = s.split('-');
        let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || year.len() != 4 || month.len() != 2 || day.len() != 2 {
            return None;
        }
        (year, month, day)
    };
    // Every part has its length checked above; digits only, since `+4` would parse as 4.
    let all_digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if !(all_digits(y) && all_digits(m) && all_digits(d)) {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// `2024-03-04`, `04/03/2024`, `4.3.2024`, `04-03-2024`, `04/03/24`; slash, dot and dash
/// dates day first, or month first when `month_first`; two-digit years in 2000–2099. What
/// people type and spreadsheets paste; a dossier file is read strictly (`parse_date`). The
/// caller bounds the year, so that it can say « hors limites » rather than « invalide ».
pub fn parse_loose_date(raw: &str, month_first: bool) -> Option<NaiveDate> {
    let s = raw.trim();
    if let Some(d) = parse_date(s).filter(|_| s.len() == 10 && s.as_bytes().get(4) == Some(&b'-')) {
        return Some(d);
    }
    let parts: Vec<&str> = s.split(['/', '.', '-']).collect();
    let [a, b, y] = parts.as_slice() else {
        return None;
    };
    let num = |p: &str| {
        (!p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<u32>().ok())
            .flatten()
    };
    let (a, b, year) = (num(a)?, num(b)?, num(y)?);
    let year = match y.len() {
        2 => 2000 + year,
        4 => year,
        _ => return None,
    };
    let (day, month) = if month_first { (b, a) } else { (a, b) };
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn semesters() {
        assert_eq!(semester_start(ymd(2024, 6, 30)), ymd(2024, 1, 1));
        assert_eq!(semester_start(ymd(2024, 7, 1)), ymd(2024, 7, 1));
        assert_eq!(semester_end(ymd(2024, 2, 29)), ymd(2024, 6, 30));
        assert_eq!(semester_end(ymd(2024, 12, 31)), ymd(2024, 12, 31));
        assert_eq!(semester_label(ymd(2026, 11, 22)), "2e semestre 2026");
    }

    #[test]
    fn inclusive_days() {
        // 4 April to 30 June 2022: 27 + 31 + 30 = 88 days.
        assert_eq!(days_inclusive(ymd(2022, 4, 4), ymd(2022, 6, 30)), 88);
        assert_eq!(days_inclusive(ymd(2022, 4, 4), ymd(2022, 4, 4)), 1);
        assert_eq!(days_inclusive(ymd(2022, 4, 5), ymd(2022, 4, 4)), 0);
    }

    #[test]
    fn dates_in_both_spellings() {
        assert_eq!(parse_date("2022-04-03"), Some(ymd(2022, 4, 3)));
        assert_eq!(parse_date(" 03/04/2022 "), Some(ymd(2022, 4, 3)));
        assert_eq!(parse_date("3/4/2022"), Some(ymd(2022, 4, 3)));
        for bad in [
            "31/02/2026",
            "2026-02-30",
            "2022-4-3",
            "03-04-2022",
            "",
            "2022/04/03",
            "+2022-04-03",
            "03/04/22",
            // One wrong part in a date otherwise right: each check counts on its own.
            "003/04/2022",
            "03/004/2022",
            "2022-04-03-01",
            "02022-04-03",
            "2022-004-03",
            "2022-04-003",
            "+3/04/2022",
            "03/+4/2022",
            "03/04/+202",
            "+202-04-03",
            "2022-+4-03",
            "2022-04-+3",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn month_ends_and_leap_years() {
        assert_eq!(end_of_month(ymd(2024, 2, 10)), Some(ymd(2024, 2, 29)));
        assert_eq!(end_of_month(ymd(2023, 12, 31)), Some(ymd(2023, 12, 31)));
        assert!(is_leap_year(2024) && !is_leap_year(2100) && is_leap_year(2000));
        assert_eq!(next_day(NaiveDate::MAX), None);
    }
}
