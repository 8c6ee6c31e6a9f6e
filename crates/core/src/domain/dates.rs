//! Named calendar arithmetic: inclusive date ranges, month arithmetic with documented clamping,
//! ages, and the conversion of "N months" into a day count.
//!
//! Adding months is ambiguous ("one month after 31 January"), so every such operation here is a
//! named helper with its convention written down (rule book C-3, C-5), instead of ad-hoc arithmetic
//! scattered through the rules. Every helper is total: dates anywhere in chrono's `NaiveDate` range
//! (including `NaiveDate::MIN` and `NaiveDate::MAX`) and any count are accepted, and a result that
//! cannot be represented is `None`, never a panic.

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// An inclusive range of calendar days: both `start` and `end` belong to the range.
///
/// Build it with [`DateRange::new`], which rejects `end < start`. The fields are public for
/// convenient reading and (de)serialisation; a hand-built range with `end < start` is treated as
/// empty by [`DateRange::days`] and [`DateRange::contains`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct DateRange {
    /// First day of the range (included).
    pub start: NaiveDate,
    /// Last day of the range (included).
    pub end: NaiveDate,
}

impl DateRange {
    /// A range from `start` to `end`, both included; `None` if `end` is before `start`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use residence_core::domain::dates::DateRange;
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// assert!(DateRange::new(d(2025, 1, 2), d(2025, 1, 1)).is_none());
    /// assert_eq!(DateRange::new(d(2025, 1, 1), d(2025, 1, 1)).unwrap().days(), 1);
    /// ```
    pub fn new(start: NaiveDate, end: NaiveDate) -> Option<Self> {
        (start <= end).then_some(Self { start, end })
    }

    /// A range of exactly one day.
    pub fn single(day: NaiveDate) -> Self {
        Self {
            start: day,
            end: day,
        }
    }

    /// Number of calendar days in the range, counting both ends (a same-day range is 1 day).
    /// A malformed range (`end < start`) has 0 days.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use residence_core::domain::dates::DateRange;
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// // Spans 29 February 2024: 28 Feb, 29 Feb, 1 Mar.
    /// assert_eq!(DateRange::new(d(2024, 2, 28), d(2024, 3, 1)).unwrap().days(), 3);
    /// ```
    pub fn days(&self) -> i64 {
        (self.end.signed_duration_since(self.start).num_days() + 1).max(0)
    }

    /// Whether `date` lies in the range (both ends included).
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }

    /// The days the two ranges have in common, or `None` if they share no day.
    pub fn intersect(&self, other: &DateRange) -> Option<DateRange> {
        DateRange::new(self.start.max(other.start), self.end.min(other.end))
    }
}

/// Parses a calendar date written `YYYY-MM-DD` (two-digit month and day), exactly as a
/// browser's date field, the answers format and chrono's `Display` write it: a year of 0–9999
/// in four digits without a sign, a year outside that range with its sign and no leading zero
/// (`+10000-01-01`, `-0001-12-31`). Anything else (`+2024-01-05`, `02024-01-05`,
/// `-0000-01-01`, `20240-01-05`), or a day that does not exist, is `None`, so every date has
/// one spelling. Hand-written so the browser app does not carry chrono's general parser.
///
/// ```
/// use residence_core::domain::dates::parse_iso;
/// use chrono::NaiveDate;
/// assert_eq!(parse_iso("2024-02-29"), NaiveDate::from_ymd_opt(2024, 2, 29));
/// assert_eq!(parse_iso("2023-02-29"), None);
/// assert_eq!(parse_iso("2024-2-29"), None);
/// assert_eq!(parse_iso("-0001-12-31"), NaiveDate::from_ymd_opt(-1, 12, 31));
/// assert_eq!(parse_iso("+10000-01-01"), NaiveDate::from_ymd_opt(10000, 1, 1));
/// for other in ["+2024-01-05", "02024-01-05", "-0000-01-01", "20240-01-05", " 2024-01-05"] {
///     assert_eq!(parse_iso(other), None, "{other}");
/// }
/// ```
pub fn parse_iso(text: &str) -> Option<NaiveDate> {
    let (negative, rest) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let b = rest.as_bytes();
    let n = b.len().checked_sub(6)?;
    if !(4..=6).contains(&n) || b[n] != b'-' || b[n + 3] != b'-' {
        return None;
    }
    let num = |range: std::ops::Range<usize>| -> Option<i32> {
        b.get(range)?.iter().try_fold(0i32, |n, c| {
            c.is_ascii_digit().then(|| n * 10 + i32::from(c - b'0'))
        })
    };
    let year = num(0..n)?;
    // One spelling per year: four digits for 0–9999 (a sign only before -0001 … -9999), more
    // digits only with a sign and without a leading zero.
    let signed = text.len() != rest.len();
    let canonical = match (signed, n) {
        (false, 4) => true,
        (true, 4) => negative && year > 0,
        (true, _) => b[0] != b'0' && year > 9999,
        (false, _) => false,
    };
    if !canonical {
        return None;
    }
    NaiveDate::from_ymd_opt(
        if negative { -year } else { year },
        num(n + 1..n + 3)? as u32,
        num(n + 4..n + 6)? as u32,
    )
}

/// The same day-of-month `months` calendar months later (or earlier, if negative), clamped to the
/// last day of a shorter target month (rule book C-3).
///
/// 31 January + 1 month = 28 February (29 in a leap year); 31 March − 1 month = 28/29 February.
/// The result's day-of-month is never larger than the input's.
///
/// **Not reversible**: `add_months_clamped(add_months_clamped(31 Jan, 1), -1)` is 28 January, not
/// 31 January. `None` if the result is outside chrono's date range or `months == i32::MIN`.
///
/// ```
/// use chrono::NaiveDate;
/// use residence_core::domain::dates::add_months_clamped;
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// assert_eq!(add_months_clamped(d(2025, 1, 31), 1), Some(d(2025, 2, 28)));
/// assert_eq!(add_months_clamped(d(2024, 1, 31), 1), Some(d(2024, 2, 29)));
/// assert_eq!(add_months_clamped(d(2025, 3, 31), -1), Some(d(2025, 2, 28)));
/// assert_eq!(add_months_clamped(NaiveDate::MAX, 1), None);
/// ```
pub fn add_months_clamped(date: NaiveDate, months: i32) -> Option<NaiveDate> {
    if months >= 0 {
        date.checked_add_months(Months::new(months.unsigned_abs()))
    } else {
        date.checked_sub_months(Months::new(months.unsigned_abs()))
    }
}

/// The same day-of-month `n` months earlier, clamped to the end of a shorter month (C-3: "one
/// month before 31 March" is 28/29 February). `None` if not representable.
///
/// ```
/// use chrono::NaiveDate;
/// use residence_core::domain::dates::months_before;
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// assert_eq!(months_before(d(2024, 3, 31), 1), Some(d(2024, 2, 29)));
/// assert_eq!(months_before(d(2026, 9, 30), 3), Some(d(2026, 6, 30)));
/// ```
pub fn months_before(date: NaiveDate, n: u32) -> Option<NaiveDate> {
    date.checked_sub_months(Months::new(n))
}

/// `n` calendar days before `date` (C-3: "37 days before expiry"). `None` if not representable.
pub fn days_before(date: NaiveDate, n: u32) -> Option<NaiveDate> {
    date.checked_sub_days(Days::new(u64::from(n)))
}

/// `n` calendar days after `date`. `None` if not representable.
pub fn days_after(date: NaiveDate, n: u32) -> Option<NaiveDate> {
    date.checked_add_days(Days::new(u64::from(n)))
}

/// The same calendar day `n` years later, clamped: 29 February + 1 year = 28 February.
/// Equal to `add_months_clamped(date, 12 * n)`. `None` if not representable.
///
/// ```
/// use chrono::NaiveDate;
/// use residence_core::domain::dates::years_after;
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// assert_eq!(years_after(d(2024, 2, 29), 1), Some(d(2025, 2, 28)));
/// assert_eq!(years_after(d(2024, 2, 29), 4), Some(d(2028, 2, 29)));
/// ```
pub fn years_after(date: NaiveDate, n: u32) -> Option<NaiveDate> {
    let months = i32::try_from(n).ok()?.checked_mul(12)?;
    add_months_clamped(date, months)
}

/// The same calendar day `n` years earlier, clamped: 29 February − 1 year = 28 February.
/// `None` if not representable.
pub fn years_before(date: NaiveDate, n: u32) -> Option<NaiveDate> {
    let months = i32::try_from(n).ok()?.checked_mul(12)?;
    add_months_clamped(date, -months)
}

/// Age in completed years on the day `on`; `None` if `on` is before `date_of_birth`.
///
/// Convention for people born on **29 February**: in a non-leap year they become a year older on
/// **1 March** (not on 28 February), which is Norwegian practice. In leap years the birthday is
/// 29 February as usual.
///
/// ```
/// use chrono::NaiveDate;
/// use residence_core::domain::dates::age_on;
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// assert_eq!(age_on(d(2008, 2, 29), d(2026, 2, 28)), Some(17));
/// assert_eq!(age_on(d(2008, 2, 29), d(2026, 3, 1)), Some(18));
/// assert_eq!(age_on(d(2010, 6, 15), d(2026, 6, 15)), Some(16));
/// ```
pub fn age_on(date_of_birth: NaiveDate, on: NaiveDate) -> Option<u32> {
    if on < date_of_birth {
        return None;
    }
    let mut years = on.year() - date_of_birth.year();
    // Comparing (month, day) makes a 29 February birthday fall after 28 February, so the
    // birthday in a non-leap year is 1 March.
    if (on.month(), on.day()) < (date_of_birth.month(), date_of_birth.day()) {
        years -= 1;
    }
    u32::try_from(years).ok()
}

/// Number of days from `start` to `add_months_clamped(start, months)`: the day count used to
/// compare a number of days against a limit given in months (C-5).
///
/// Six months from 1 January 2025 is 1 July 2025, so `months_to_days_from(2025-01-01, 6)` is 181;
/// the same from 1 January 2024 is 182 (leap year). Negative for negative `months`.
/// `None` if the target date is not representable.
///
/// ```
/// use chrono::NaiveDate;
/// use residence_core::domain::dates::months_to_days_from;
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// assert_eq!(months_to_days_from(d(2025, 1, 1), 6), Some(181));
/// assert_eq!(months_to_days_from(d(2024, 1, 1), 6), Some(182));
/// assert_eq!(months_to_days_from(d(2025, 1, 1), 12), Some(365));
/// ```
pub fn months_to_days_from(start: NaiveDate, months: i32) -> Option<i64> {
    let end = add_months_clamped(start, months)?;
    Some(end.signed_duration_since(start).num_days())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn intersect_of_disjoint_ranges_is_none() {
        let a = DateRange::new(d(2025, 1, 1), d(2025, 1, 10)).unwrap();
        let b = DateRange::new(d(2025, 1, 11), d(2025, 1, 20)).unwrap();
        assert_eq!(a.intersect(&b), None);
        let c = DateRange::new(d(2025, 1, 10), d(2025, 1, 20)).unwrap();
        assert_eq!(a.intersect(&c), Some(DateRange::single(d(2025, 1, 10))));
    }
}

/// Strict reading of dates in the answers format: exactly `YYYY-MM-DD` ([`parse_iso`]), for
/// `#[serde(deserialize_with)]`. chrono's own reading also accepts spaces and one-digit months;
/// the browser's codec (`wire::codec`) does not carry that parser, so both read the same
/// strict form.
pub mod strict {
    use chrono::NaiveDate;
    use serde::{de::Error, Deserialize, Deserializer};

    /// The message for a date that is not written `YYYY-MM-DD`.
    pub const MESSAGE: &str = "expected a date written YYYY-MM-DD";

    /// A date.
    pub fn date<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let s = String::deserialize(d)?;
        super::parse_iso(&s).ok_or_else(|| D::Error::custom(MESSAGE))
    }

    /// An optional date (`null` is none).
    pub fn option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        Option::<String>::deserialize(d)?
            .map(|s| super::parse_iso(&s).ok_or_else(|| D::Error::custom(MESSAGE)))
            .transpose()
    }
}
