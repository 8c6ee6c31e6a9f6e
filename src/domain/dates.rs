//! TEMPORARY stand-in: replaced by the dates work (same API).
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// An inclusive range of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct DateRange {
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
}
impl DateRange {
    /// A range, or `None` if `end` is before `start`.
    pub fn new(start: NaiveDate, end: NaiveDate) -> Option<Self> {
        (end >= start).then_some(DateRange { start, end })
    }
    /// Inclusive number of days.
    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }
}

/// TEMP
pub fn add_months_clamped(date: NaiveDate, months: i32) -> Option<NaiveDate> {
    if months >= 0 {
        date.checked_add_months(chrono::Months::new(months as u32))
    } else {
        date.checked_sub_months(chrono::Months::new(months.unsigned_abs()))
    }
}
/// TEMP
pub fn months_before(date: NaiveDate, n: u32) -> Option<NaiveDate> {
    date.checked_sub_months(chrono::Months::new(n))
}
/// TEMP
pub fn days_before(date: NaiveDate, n: u32) -> Option<NaiveDate> {
    date.checked_sub_days(chrono::Days::new(n.into()))
}
/// TEMP
pub fn years_after(date: NaiveDate, n: u32) -> Option<NaiveDate> {
    date.checked_add_months(chrono::Months::new(n * 12))
}
/// TEMP
pub fn age_on(dob: NaiveDate, on: NaiveDate) -> Option<u32> {
    use chrono::Datelike;
    let mut years = on.year() - dob.year();
    if (on.month(), on.day()) < (dob.month(), dob.day()) {
        years -= 1;
    }
    u32::try_from(years).ok()
}
