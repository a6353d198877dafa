//! "Today", read from the browser's clock in local time. The engine never reads the clock:
//! this date is only the default of "Calculer au".

use chrono::NaiveDate;

/// Today's date in the browser's time zone, if the clock gives a valid one.
pub fn today() -> Option<NaiveDate> {
    let now = js_sys::Date::new_0();
    let year = i32::try_from(now.get_full_year()).ok()?;
    NaiveDate::from_ymd_opt(year, now.get_month() + 1, now.get_date())
}
