//! TEMP stand-in.
use chrono::{Datelike, NaiveDate, Weekday};
/// TEMP
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CalendarRule {
    /// TEMP
    Statutory,
    /// TEMP
    BankEves,
}
/// TEMP
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holiday {
    /// TEMP
    ChristmasDay,
    /// TEMP
    AscensionDay,
    /// TEMP
    WhitMonday,
}
/// TEMP
pub fn holidays_in(_year: i32) -> Vec<(NaiveDate, Holiday)> {
    Vec::new()
}
/// TEMP
pub fn add_working_days(date: NaiveDate, n: u32, _rule: CalendarRule) -> Option<NaiveDate> {
    let mut d = date;
    let mut left = n;
    while left > 0 {
        d = d.succ_opt()?;
        if !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
            left -= 1;
        }
    }
    Some(d)
}
