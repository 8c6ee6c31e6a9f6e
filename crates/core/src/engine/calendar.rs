//! Norwegian public holidays and working days (rule book R-900…R-905, C-1, C-2, K11, K12, K15).
//!
//! * Holidays: 1 January, Maundy Thursday (E−3), Good Friday (E−2), Easter Sunday (E), Easter
//!   Monday (E+1), 1 May, 17 May, Ascension Day (E+39), Whit Sunday (E+49), Whit Monday (E+50),
//!   25 and 26 December, where E is the Gregorian Easter Sunday.
//! * A working day is Monday–Friday and not a holiday (C-1; Saturdays are non-working).
//! * "N working days from a date": the date itself is day 0 (C-2).
//! * [`CalendarRule::BankEves`] additionally treats 24 and 31 December as non-working; it exists
//!   only to show conflict K12, the default is [`CalendarRule::Statutory`].
//!
//! Holidays are known for the years [`SUPPORTED_YEARS`] (where the Gregorian computus is
//! defined here); outside them no holidays are known and working days are simply Monday–Friday.
//! No function here panics, for any date in chrono's range or any count.

use chrono::{Datelike, NaiveDate, TimeDelta, Weekday};
use core::ops::RangeInclusive;
use serde::{Deserialize, Serialize};

/// Years for which holidays are computed (the Gregorian calendar from its first full year).
pub const SUPPORTED_YEARS: RangeInclusive<i32> = 1583..=9999;

/// A Norwegian public holiday (R-900, R-902). Ordinary Sundays are not listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Holiday {
    /// 1 January.
    NewYearsDay,
    /// Easter Sunday − 3 days.
    MaundyThursday,
    /// Easter Sunday − 2 days.
    GoodFriday,
    /// Gregorian Easter Sunday.
    EasterSunday,
    /// Easter Sunday + 1 day.
    EasterMonday,
    /// 1 May (official public high day).
    LabourDay,
    /// 17 May (official public high day).
    ConstitutionDay,
    /// Easter Sunday + 39 days (K11: not 40).
    AscensionDay,
    /// Easter Sunday + 49 days.
    WhitSunday,
    /// Easter Sunday + 50 days.
    WhitMonday,
    /// 25 December.
    ChristmasDay,
    /// 26 December.
    BoxingDay,
}

/// Which days besides weekends and statutory holidays count as non-working (conflict K12).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CalendarRule {
    /// Statutory holidays only (R-903: 24 and 31 December are working days). The default.
    #[default]
    Statutory,
    /// As statutory, and 24 and 31 December are non-working (some bank calendars); only for
    /// showing the K12 difference.
    BankEves,
}

/// Gregorian Easter Sunday of `year` (anonymous / Meeus–Jones–Butcher algorithm);
/// `None` outside [`SUPPORTED_YEARS`].
///
/// ```
/// use chrono::NaiveDate;
/// use residence_core::engine::calendar::easter_sunday;
/// assert_eq!(easter_sunday(2025), NaiveDate::from_ymd_opt(2025, 4, 20));
/// assert_eq!(easter_sunday(1200), None);
/// ```
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    if !SUPPORTED_YEARS.contains(&year) {
        return None;
    }
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// Movable holidays as (days after Easter Sunday, holiday).
const EASTER_OFFSETS: [(i64, Holiday); 7] = [
    (-3, Holiday::MaundyThursday),
    (-2, Holiday::GoodFriday),
    (0, Holiday::EasterSunday),
    (1, Holiday::EasterMonday),
    (39, Holiday::AscensionDay),
    (49, Holiday::WhitSunday),
    (50, Holiday::WhitMonday),
];

/// Fixed holidays as (month, day, holiday).
const FIXED: [(u32, u32, Holiday); 5] = [
    (1, 1, Holiday::NewYearsDay),
    (5, 1, Holiday::LabourDay),
    (5, 17, Holiday::ConstitutionDay),
    (12, 25, Holiday::ChristmasDay),
    (12, 26, Holiday::BoxingDay),
];

/// All holidays of `year`, sorted by date (then by holiday). A date may appear twice when two
/// holidays coincide (R-904, e.g. 1 May 2008 is also Ascension Day). Empty outside
/// [`SUPPORTED_YEARS`].
///
/// ```
/// use residence_core::engine::calendar::{holidays_in, Holiday};
/// let h = holidays_in(2027);
/// assert_eq!(h.len(), 12);
/// assert_eq!(h.iter().filter(|(d, _)| d.to_string() == "2027-05-17").count(), 2);
/// assert!(h.iter().any(|(_, x)| *x == Holiday::WhitMonday));
/// ```
pub fn holidays_in(year: i32) -> Vec<(NaiveDate, Holiday)> {
    let Some(easter) = easter_sunday(year) else {
        return Vec::new();
    };
    let fixed = FIXED
        .iter()
        .filter_map(|&(m, d, h)| Some((NaiveDate::from_ymd_opt(year, m, d)?, h)));
    let movable = EASTER_OFFSETS
        .iter()
        .filter_map(|&(off, h)| Some((easter.checked_add_signed(TimeDelta::try_days(off)?)?, h)));
    let mut all: Vec<_> = fixed.chain(movable).collect();
    all.sort();
    all
}

/// The holidays falling on `date`, in [`Holiday`] order (usually none or one; two when they
/// coincide, R-904).
///
/// ```
/// use chrono::NaiveDate;
/// use residence_core::engine::calendar::{holidays_on, Holiday};
/// let may_1_2008 = NaiveDate::from_ymd_opt(2008, 5, 1).unwrap();
/// assert_eq!(holidays_on(may_1_2008), vec![Holiday::LabourDay, Holiday::AscensionDay]);
/// ```
pub fn holidays_on(date: NaiveDate) -> Vec<Holiday> {
    if !SUPPORTED_YEARS.contains(&date.year()) {
        return Vec::new();
    }
    let mut found: Vec<Holiday> = FIXED
        .iter()
        .filter(|&&(m, d, _)| date.month() == m && date.day() == d)
        .map(|&(_, _, h)| h)
        .collect();
    if let Some(easter) = easter_sunday(date.year()) {
        let offset = date.signed_duration_since(easter).num_days();
        found.extend(
            EASTER_OFFSETS
                .iter()
                .filter(|&&(off, _)| off == offset)
                .map(|&(_, h)| h),
        );
    }
    found.sort();
    found
}

/// Whether `date` is a holiday (any of [`Holiday`]); allocation-free.
fn is_holiday(date: NaiveDate) -> bool {
    let Some(easter) = easter_sunday(date.year()) else {
        return false;
    };
    let offset = date.signed_duration_since(easter).num_days();
    FIXED
        .iter()
        .any(|&(m, d, _)| date.month() == m && date.day() == d)
        || EASTER_OFFSETS.iter().any(|&(off, _)| off == offset)
}

/// Whether `date` is a bank eve (24 or 31 December).
fn is_eve(date: NaiveDate) -> bool {
    date.month() == 12 && matches!(date.day(), 24 | 31)
}

/// Whether `date` is a working day: Monday–Friday, not a holiday, and under
/// [`CalendarRule::BankEves`] not 24 or 31 December (C-1, R-905).
///
/// ```
/// use chrono::NaiveDate;
/// use residence_core::engine::calendar::{is_working_day, CalendarRule};
/// let christmas_eve = NaiveDate::from_ymd_opt(2025, 12, 24).unwrap(); // a Wednesday
/// assert!(is_working_day(christmas_eve, CalendarRule::Statutory));
/// assert!(!is_working_day(christmas_eve, CalendarRule::BankEves));
/// ```
pub fn is_working_day(date: NaiveDate, rule: CalendarRule) -> bool {
    let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
    let eve = rule == CalendarRule::BankEves && is_eve(date);
    !(weekend || eve || is_holiday(date))
}

/// Number of Monday–Friday days in `year`, minus the weekday holidays (each date once).
fn working_days_in_year(year: i32, rule: CalendarRule) -> Option<u64> {
    let first = NaiveDate::from_ymd_opt(year, 1, 1)?;
    let length: u32 = if first.leap_year() { 366 } else { 365 };
    // 52 full weeks give 260 weekdays; the 1 or 2 remaining days start on first's weekday.
    let extra = (0..length - 364)
        .filter(|i| (first.weekday().num_days_from_monday() + i) % 7 < 5)
        .count();
    let mut non_working: Vec<NaiveDate> = holidays_in(year).into_iter().map(|(d, _)| d).collect();
    if rule == CalendarRule::BankEves {
        non_working.extend(NaiveDate::from_ymd_opt(year, 12, 24));
        non_working.extend(NaiveDate::from_ymd_opt(year, 12, 31));
    }
    non_working.sort();
    non_working.dedup();
    let weekday_holidays = non_working
        .iter()
        .filter(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
        .count();
    u64::try_from(260 + extra - weekday_holidays).ok()
}

/// Whether `date` is 31 December.
fn is_year_end(date: NaiveDate) -> bool {
    date.month() == 12 && date.day() == 31
}

/// The `n`-th working day after `date` (C-2: `date` is day 0 and need not be a working day);
/// `n = 0` returns `date` itself. `None` if the result is beyond chrono's date range.
///
/// Runs in time proportional to the number of years crossed, not days.
///
/// ```
/// use chrono::NaiveDate;
/// use residence_core::engine::calendar::{add_working_days, CalendarRule};
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// // Scenario 15: appointment Mon 14 April 2025 + 20 working days.
/// assert_eq!(add_working_days(d(2025, 4, 14), 20, CalendarRule::Statutory), Some(d(2025, 5, 16)));
/// ```
pub fn add_working_days(date: NaiveDate, n: u32, rule: CalendarRule) -> Option<NaiveDate> {
    let mut left = u64::from(n);
    // n working days need at least n calendar days.
    let room = NaiveDate::MAX.signed_duration_since(date).num_days();
    if i64::try_from(left).ok()? > room {
        return None;
    }
    let mut cur = date;
    while left > 0 {
        if is_year_end(cur) {
            let next_year = cur.year().checked_add(1)?;
            let in_year = working_days_in_year(next_year, rule)?;
            if left > in_year {
                cur = NaiveDate::from_ymd_opt(next_year, 12, 31)?;
                left -= in_year;
                continue;
            }
        }
        cur = cur.succ_opt()?;
        if is_working_day(cur, rule) {
            left -= 1;
        }
    }
    Some(cur)
}

/// The latest day from which `n` working days end on or before `by`: the last day an
/// appointment can be so that a card made in `n` working days is there by `by` (R-140: "book by").
/// `add_working_days(day, n, rule) <= by` holds for the result, and fails for the next working
/// day. `None` if the result cannot be represented.
///
/// ```
/// use chrono::NaiveDate;
/// use residence_core::engine::calendar::{add_working_days, latest_start_for, CalendarRule};
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// // 20 working days before Friday 16 May 2025 (Easter and 1 May in between): 14 April.
/// assert_eq!(latest_start_for(d(2025, 5, 16), 20, CalendarRule::Statutory), Some(d(2025, 4, 14)));
/// assert_eq!(add_working_days(d(2025, 4, 14), 20, CalendarRule::Statutory), Some(d(2025, 5, 16)));
/// ```
pub fn latest_start_for(by: NaiveDate, n: u32, rule: CalendarRule) -> Option<NaiveDate> {
    // Counting back: the n working days in (start, by] are the ones the card needs.
    let mut left = n;
    let mut cur = by;
    while left > 0 {
        if is_working_day(cur, rule) {
            left -= 1;
        }
        cur = cur.pred_opt()?;
    }
    Some(cur)
}

/// Number of working days after `a` up to and including `b`, so that
/// `add_working_days(a, n, rule) == Some(b)` implies `working_days_between(a, b, rule) == Some(n)`.
/// Negative (the count in `(b, a]`, negated) when `b < a`; 0 when `a == b`.
/// Runs in time proportional to the number of years crossed. `None` only if an intermediate date
/// cannot be represented (not expected for valid dates).
///
/// ```
/// use chrono::NaiveDate;
/// use residence_core::engine::calendar::{working_days_between, CalendarRule};
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// assert_eq!(working_days_between(d(2024, 5, 6), d(2024, 6, 6), CalendarRule::Statutory), Some(20));
/// ```
pub fn working_days_between(a: NaiveDate, b: NaiveDate, rule: CalendarRule) -> Option<i64> {
    if b < a {
        return working_days_between(b, a, rule).map(|n| -n);
    }
    let count_days = |from: NaiveDate, to: NaiveDate| -> Option<i64> {
        // Working days in (from, to], stepping day by day (at most one year here).
        let mut count = 0;
        let mut cur = from;
        while cur < to {
            cur = cur.succ_opt()?;
            if is_working_day(cur, rule) {
                count += 1;
            }
        }
        Some(count)
    };
    if a.year() == b.year() {
        return count_days(a, b);
    }
    let mut total = count_days(a, NaiveDate::from_ymd_opt(a.year(), 12, 31)?)?;
    for year in a.year() + 1..b.year() {
        total += i64::try_from(working_days_in_year(year, rule)?).ok()?;
    }
    total += count_days(NaiveDate::from_ymd_opt(b.year() - 1, 12, 31)?, b)?;
    Some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_latest_start_is_the_last_day_whose_working_days_end_in_time() {
        let rule = CalendarRule::Statutory;
        let first = NaiveDate::from_ymd_opt(2025, 11, 1).unwrap();
        for by in first.iter_days().take(500) {
            for n in [1, 10, 20] {
                let start = latest_start_for(by, n, rule).unwrap();
                assert!(add_working_days(start, n, rule).unwrap() <= by, "{by} {n}");
                // The next working day after the start is too late.
                let mut next = start.succ_opt().unwrap();
                while !is_working_day(next, rule) {
                    next = next.succ_opt().unwrap();
                }
                assert!(add_working_days(next, n, rule).unwrap() > by, "{by} {n}");
            }
        }
    }

    #[test]
    fn working_days_in_a_year_match_day_by_day_count() {
        for year in [2024, 2025, 2026, 2027, 2028, 2008] {
            for rule in [CalendarRule::Statutory, CalendarRule::BankEves] {
                let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap();
                let naive = first
                    .iter_days()
                    .take_while(|d| d.year() == year)
                    .filter(|d| is_working_day(*d, rule))
                    .count() as u64;
                assert_eq!(
                    working_days_in_year(year, rule),
                    Some(naive),
                    "{year} {rule:?}"
                );
            }
        }
    }
}
