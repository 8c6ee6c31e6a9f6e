//! Absence calculators: days spent outside Norway measured against the limits of the rule book
//! (R-071, R-072, R-074, R-080, R-083, R-009, R-105; conflicts K4, K5, K6).
//!
//! Conventions (rule book C-4, C-5):
//! * A stay abroad is a [`DateRange`]; every calendar day of it counts, **including the departure
//!   and the return day**. Overlapping or adjacent stays are merged, so each day counts once.
//!   Malformed ranges (`end < start`) are ignored.
//! * A limit given in months is converted to days with [`months_to_days_from`] from the start of
//!   the window it applies to (six months from 1 January 2025 = 181 days).
//! * [`Threshold::classify`]: a count within the tolerance of the limit, on **either** side, is
//!   [`Threshold::Borderline`]; otherwise more than the limit is [`Threshold::Exceeded`] and at
//!   most the limit is [`Threshold::Within`]. Tolerance: ±[`DAY_TOLERANCE`] days for limits given
//!   in days (C-4), ±[`MONTH_TOLERANCE`] days for limits given in months or years (C-5).
//!
//! Every calculator sorts and merges the stays once and then evaluates each candidate window in
//! logarithmic time (prefix sums and binary search): no loop over the days of the period. Nothing
//! here panics, for any dates in chrono's range or any number of stays.

use crate::domain::dates::{
    add_months_clamped, months_to_days_from, years_after, years_before, DateRange,
};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// Tolerance (days, either side) around a limit given in days (C-4: travel days are uncertain).
pub const DAY_TOLERANCE: i64 = 2;
/// Tolerance (days, either side) around a limit given in months or years (C-5).
pub const MONTH_TOLERANCE: i64 = 7;
/// R-072: at most 182 days abroad in any 365-day period.
pub const ROLLING_LIMIT_DAYS: i64 = 182;
/// R-080 (W40): two years abroad in total, in days.
pub const TWO_YEARS_DAYS: i64 = 730;
/// R-072: length of the rolling period in days.
pub const ROLLING_WINDOW_DAYS: i64 = 365;

/// How a count of days abroad compares with a limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Threshold {
    /// At most the limit, and more than the tolerance below it.
    Within,
    /// Within the tolerance of the limit, below or above it: warn and ask to confirm with UDI.
    Borderline,
    /// More than the limit by more than the tolerance.
    Exceeded,
}

impl Threshold {
    /// Classify `days` against `limit` with a tolerance of `tolerance` days on either side:
    /// `|days − limit| ≤ tolerance` is `Borderline`, otherwise `days > limit` is `Exceeded` and
    /// `days < limit` is `Within`.
    ///
    /// ```
    /// use residence_core::engine::absence::Threshold;
    /// assert_eq!(Threshold::classify(179, 182, 2), Threshold::Within);
    /// assert_eq!(Threshold::classify(180, 182, 2), Threshold::Borderline);
    /// assert_eq!(Threshold::classify(184, 182, 2), Threshold::Borderline);
    /// assert_eq!(Threshold::classify(185, 182, 2), Threshold::Exceeded);
    /// ```
    pub fn classify(days: i64, limit: i64, tolerance: i64) -> Self {
        if days.abs_diff(limit) <= tolerance.unsigned_abs() {
            Threshold::Borderline
        } else if days > limit {
            Threshold::Exceeded
        } else {
            Threshold::Within
        }
    }
}

/// The result of checking days abroad against one limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct LimitCheck {
    /// Days abroad counted in the worst window (C-4 counting).
    pub days_abroad: i64,
    /// The limit in days (`i64::MAX` if the limit lies beyond chrono's date range).
    pub limit_days: i64,
    /// How `days_abroad` compares with `limit_days`.
    pub threshold: Threshold,
    /// The window in which `days_abroad` was counted; `None` when there is no absence in it.
    pub worst_window: Option<DateRange>,
}

impl LimitCheck {
    fn new(days_abroad: i64, limit_days: i64, tolerance: i64, window: Option<DateRange>) -> Self {
        Self {
            days_abroad,
            limit_days,
            threshold: Threshold::classify(days_abroad, limit_days, tolerance),
            worst_window: window,
        }
    }

    /// Whether the count is strictly above the limit (regardless of the tolerance).
    pub fn is_over_limit(&self) -> bool {
        self.days_abroad > self.limit_days
    }
}

/// Sorted union of the stays: overlapping and adjacent stays (one ends the day before the next
/// starts) become one range. Malformed ranges (`end < start`) are dropped.
///
/// ```
/// use chrono::NaiveDate;
/// use residence_core::domain::dates::DateRange;
/// use residence_core::engine::absence::merge;
/// let r = |a: (i32, u32, u32), b: (i32, u32, u32)| DateRange::new(
///     NaiveDate::from_ymd_opt(a.0, a.1, a.2).unwrap(),
///     NaiveDate::from_ymd_opt(b.0, b.1, b.2).unwrap()).unwrap();
/// let merged = merge(&[r((2025, 1, 5), (2025, 1, 9)), r((2025, 1, 1), (2025, 1, 4))]);
/// assert_eq!(merged, vec![r((2025, 1, 1), (2025, 1, 9))]);
/// ```
pub fn merge(stays: &[DateRange]) -> Vec<DateRange> {
    merge_spans(stays.iter().copied())
        .into_iter()
        .filter_map(Span::to_range)
        .collect()
}

/// chrono's day number of a date (days from the common era), for cheap integer arithmetic.
fn day_number(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce())
}

/// The date with chrono's day number `n`, if it exists.
fn from_day_number(n: i64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(n).ok()?)
}

/// An inclusive range of day numbers (see [`day_number`]).
#[derive(Debug, Clone, Copy)]
struct Span {
    start: i64,
    end: i64,
}

impl Span {
    fn to_range(self) -> Option<DateRange> {
        DateRange::new(from_day_number(self.start)?, from_day_number(self.end)?)
    }
}

/// Sorted union of the valid stays as day-number spans (adjacent days merge).
fn merge_spans(stays: impl Iterator<Item = DateRange>) -> Vec<Span> {
    let mut sorted: Vec<Span> = stays
        .filter(|s| s.start <= s.end)
        .map(|s| Span {
            start: day_number(s.start),
            end: day_number(s.end),
        })
        .collect();
    sorted.sort_unstable_by_key(|s| (s.start, s.end));
    let mut merged: Vec<Span> = Vec::with_capacity(sorted.len());
    for span in sorted {
        match merged.last_mut() {
            Some(last) if span.start <= last.end + 1 => last.end = last.end.max(span.end),
            _ => merged.push(span),
        }
    }
    merged
}

/// Merged stays with prefix sums of their lengths, for counting any window in O(log n).
struct Abroad {
    spans: Vec<Span>,
    /// `prefix[i]` = total days of `spans[..i]`.
    prefix: Vec<i64>,
}

impl Abroad {
    /// Merge the stays, keeping only their days inside `clip` (all days if `clip` is `None`).
    fn new(stays: &[DateRange], clip: Option<DateRange>) -> Self {
        let spans = match clip {
            Some(c) => merge_spans(stays.iter().filter_map(|s| s.intersect(&c))),
            None => merge_spans(stays.iter().copied()),
        };
        let mut prefix = Vec::with_capacity(spans.len() + 1);
        prefix.push(0i64);
        let mut total = 0i64;
        for span in &spans {
            total += span.end - span.start + 1;
            prefix.push(total);
        }
        Self { spans, prefix }
    }

    /// Total days abroad.
    fn total(&self) -> i64 {
        self.prefix.last().copied().unwrap_or(0)
    }

    /// Days abroad from day number `start` to `end`, both included.
    fn days_in(&self, start: i64, end: i64) -> i64 {
        let i = self.spans.partition_point(|s| s.end < start);
        let j = self.spans.partition_point(|s| s.start <= end);
        if i >= j {
            return 0;
        }
        let (Some(first), Some(last), Some(lo), Some(hi)) = (
            self.spans.get(i),
            self.spans.get(j - 1),
            self.prefix.get(i),
            self.prefix.get(j),
        ) else {
            return 0;
        };
        let cut_left = (start - first.start).max(0);
        let cut_right = (last.end - end).max(0);
        hi - lo - cut_left - cut_right
    }

    /// Days abroad inside `window`.
    fn days_in_range(&self, window: DateRange) -> i64 {
        self.days_in(day_number(window.start), day_number(window.end))
    }

    /// The window with the most days abroad among windows starting on the first day of a merged
    /// stay and ending on day number `end_of(start)` (earliest on ties). For fixed-length windows
    /// this is the true maximum over all windows: sliding a window towards the nearest stay start
    /// never loses days.
    fn max_window(&self, end_of: impl Fn(i64) -> i64) -> (i64, Option<DateRange>) {
        self.best_window(self.spans.iter().map(|s| s.start), end_of)
    }

    /// As [`Abroad::max_window`] for windows of whole `years` (see [`year_window_end`]). Their
    /// end can jump two days when the start moves from 28 February to 1 March, so 1 March dates
    /// inside each stay are candidates too (those in the first and last `years + 9` years of a
    /// stay: enough to cover every leap-year phase; exact except, at most by a day, for windows
    /// lying wholly inside a stay longer than that which cross a non-leap century year).
    fn max_year_window(&self, years: u32) -> (i64, Option<DateRange>) {
        let reach = i32::try_from(years.min(400)).unwrap_or(400) + 9;
        let starts = self.spans.iter().flat_map(move |span| {
            let (y0, y1) = (
                from_day_number(span.start).map_or(0, |d| d.year()),
                from_day_number(span.end).map_or(0, |d| d.year()),
            );
            let head_end = y1.min(y0.saturating_add(reach));
            let head = y0..=head_end;
            let tail = y1.saturating_sub(reach).max(head_end.saturating_add(1))..=y1;
            let march_firsts = head
                .chain(tail)
                .filter_map(|y| NaiveDate::from_ymd_opt(y, 3, 1))
                .map(day_number)
                .filter(|&d| d > span.start && d <= span.end);
            core::iter::once(span.start).chain(march_firsts)
        });
        // A window that holds 29 February is a day longer, so the worst one may also end on
        // the last day of a stay rather than start on the first.
        let ends = self.spans.iter().filter_map(move |span| {
            let after = from_day_number(span.end)?.succ_opt()?;
            crate::domain::dates::years_before(after, years).map(day_number)
        });
        self.best_window(starts.chain(ends), |start| {
            year_window_end_day(start, years)
        })
    }

    /// The best window among those starting on `starts` (the earliest on ties).
    fn best_window(
        &self,
        starts: impl Iterator<Item = i64>,
        end_of: impl Fn(i64) -> i64,
    ) -> (i64, Option<DateRange>) {
        let mut best: (i64, Option<Span>) = (0, None);
        for start in starts {
            let end = end_of(start).max(start);
            let days = self.days_in(start, end);
            // The earliest window wins a tie, whatever order the candidates come in.
            let earlier = best.1.is_some_and(|b| start < b.start);
            if days > best.0 || (days == best.0 && days > 0 && earlier) {
                best = (days, Some(Span { start, end }));
            }
        }
        (best.0, best.1.and_then(Span::to_range))
    }

    /// The merged stays as date ranges.
    fn ranges(&self) -> impl Iterator<Item = DateRange> + '_ {
        self.spans.iter().filter_map(|s| s.to_range())
    }
}

/// Day-number version of [`year_window_end`].
fn year_window_end_day(start: i64, years: u32) -> i64 {
    from_day_number(start).map_or(day_number(NaiveDate::MAX), |d| {
        day_number(year_window_end(d, years))
    })
}

/// Total days abroad inside `window` (each day once, C-4).
///
/// ```
/// use chrono::NaiveDate;
/// use residence_core::domain::dates::DateRange;
/// use residence_core::engine::absence::days_abroad_in;
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let stays = [DateRange::new(d(2024, 2, 28), d(2024, 3, 1)).unwrap()];
/// let year = DateRange::new(d(2024, 1, 1), d(2024, 12, 31)).unwrap();
/// assert_eq!(days_abroad_in(&stays, year), 3);
/// ```
pub fn days_abroad_in(stays: &[DateRange], window: DateRange) -> i64 {
    Abroad::new(stays, Some(window)).total()
}

/// The largest number of days abroad in any window of `window_days` consecutive days, counting
/// only days inside `within` (e.g. the permit period), and the first such window (`None` when
/// there is no absence inside `within`, or `window_days <= 0`). A window near the end of chrono's
/// range is cut at `NaiveDate::MAX`. R-072 uses 365-day windows.
///
/// O(n log n) in the number of stays.
///
/// ```
/// use chrono::NaiveDate;
/// use residence_core::domain::dates::DateRange;
/// use residence_core::engine::absence::rolling_window_max;
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let r = |a, b| DateRange::new(a, b).unwrap();
/// let stays = [r(d(2025, 1, 10), d(2025, 5, 31)), r(d(2025, 10, 1), d(2025, 11, 30))];
/// let permit = r(d(2024, 6, 1), d(2027, 5, 31));
/// let (days, window) = rolling_window_max(&stays, 365, permit);
/// assert_eq!(days, 203);
/// assert_eq!(window, Some(r(d(2025, 1, 10), d(2026, 1, 9))));
/// ```
pub fn rolling_window_max(
    stays: &[DateRange],
    window_days: i64,
    within: DateRange,
) -> (i64, Option<DateRange>) {
    let Some(extra) = window_days.checked_sub(1).filter(|e| *e >= 0) else {
        return (0, None);
    };
    let last_day = day_number(NaiveDate::MAX);
    Abroad::new(stays, Some(within)).max_window(|start| start.saturating_add(extra).min(last_day))
}

/// The largest number of days abroad in any period of `years` years (from a day to the day
/// before the same date `years` later, see [`years_after`]), and the first such period; `None` if
/// there is no absence or `years == 0`. Candidate periods start on the first day of a stay or on a 1 March inside one. Used for the
/// "total of two years within a four-year period" rule (R-080, W40).
pub fn max_total_in_rolling_years(stays: &[DateRange], years: u32) -> (i64, Option<DateRange>) {
    if years == 0 {
        return (0, None);
    }
    Abroad::new(stays, None).max_year_window(years)
}

/// Last day of the period of `years` years starting on `start` (clamped to `NaiveDate::MAX`).
fn year_window_end(start: NaiveDate, years: u32) -> NaiveDate {
    years_after(start, years)
        .and_then(|d| d.pred_opt())
        .unwrap_or(NaiveDate::MAX)
}

/// R-072, multi-year permit: at most 182 days abroad in any 365-day period of the permit.
/// Exceeded if more than 182 days (beyond the ±2-day tolerance); 180…184 days is Borderline.
pub fn check_rolling_365(stays: &[DateRange], permit: DateRange) -> LimitCheck {
    let (days, window) = rolling_window_max(stays, ROLLING_WINDOW_DAYS, permit);
    LimitCheck::new(days, ROLLING_LIMIT_DAYS, DAY_TOLERANCE, window)
}

/// R-071, half of the permit period.
///
/// * A permit of at least one year (its end is on or after the day before
///   `years_after(start, 1)`): at most six months abroad in its first year, the window from the
///   start to the day before `years_after(start, 1)`; six months =
///   `months_to_days_from(start, 6)` days, tolerance ±[`MONTH_TOLERANCE`].
/// * A shorter permit: at most half its days (rounded down) over the whole permit, tolerance
///   ±[`DAY_TOLERANCE`].
///
/// Scenario 38: permit 2025-01-01…2025-12-31, limit 181 days; 200 days abroad is Exceeded,
/// 174…188 days Borderline.
pub fn check_half_of_permit(stays: &[DateRange], permit: DateRange) -> LimitCheck {
    let first_year_end = years_after(permit.start, 1).and_then(|d| d.pred_opt());
    match first_year_end {
        Some(year_end) if permit.end >= year_end => {
            let window = DateRange {
                start: permit.start,
                end: year_end,
            };
            let limit = months_to_days_from(permit.start, 6).unwrap_or(i64::MAX);
            LimitCheck::new(
                days_abroad_in(stays, window),
                limit,
                MONTH_TOLERANCE,
                Some(window),
            )
        }
        _ => LimitCheck::new(
            days_abroad_in(stays, permit),
            permit.days() / 2,
            DAY_TOLERANCE,
            Some(permit),
        ),
    }
}

/// R-074: total days abroad in the `years` years ending on `until` (the window from the day after
/// `years_before(until, years)` to `until`, both included) against `limit_months` months counted
/// from the window's first day (`months_to_days_from`), tolerance ±[`MONTH_TOLERANCE`].
/// 7 months in 3 years in general; 10 months in 5 years for protection permits (K3).
///
/// A window reaching before chrono's range starts at `NaiveDate::MIN`; a limit beyond the range is
/// `i64::MAX`. With `years == 0` the window is empty and no days are counted.
pub fn check_total_in_lookback(
    stays: &[DateRange],
    until: NaiveDate,
    years: u32,
    limit_months: u32,
) -> LimitCheck {
    let start = match years_before(until, years) {
        Some(d) => d.succ_opt(),
        None => Some(NaiveDate::MIN),
    };
    let window = start.and_then(|s| DateRange::new(s, until));
    let days = window.map_or(0, |w| days_abroad_in(stays, w));
    let limit = start
        .zip(i32::try_from(limit_months).ok())
        .and_then(|(s, m)| months_to_days_from(s, m))
        .unwrap_or(i64::MAX);
    LimitCheck::new(days, limit, MONTH_TOLERANCE, window)
}

/// The longest continuous absence (merged stays; the earliest on ties), or `None` if no stays.
pub fn longest_continuous(stays: &[DateRange]) -> Option<DateRange> {
    merge(stays).into_iter().fold(None, |best, r| match best {
        Some(b) if b.days() >= r.days() => Some(b),
        _ => Some(r),
    })
}

/// How a continuous absence compares with "two years" (R-080 "two years", W40, vs R-083/W41
/// "more than two years": conflict K4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TwoYearReading {
    /// Shorter than two years.
    LessThanTwoYears,
    /// Exactly two years: the last day abroad is the day before `years_after(start, 2)`.
    /// Lost under "two years" (W40), not under "more than two years" (W41): flag K4.
    ExactlyTwoYears,
    /// Longer than two years: lost under both readings.
    MoreThanTwoYears,
}

/// The result of the continuous-absence check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ContinuousCheck {
    /// The longest continuous absence, if any.
    pub longest: Option<DateRange>,
    /// Its length in days (0 if none).
    pub days: i64,
    /// How it compares with two years.
    pub reading: TwoYearReading,
}

/// R-080 / R-083: the longest continuous absence compared with two years. "Exactly two years"
/// means the absence ends on the day before `years_after(start, 2)` (e.g. 2024-03-01…2026-02-28).
/// Scenario 46: 25 continuous months is [`TwoYearReading::MoreThanTwoYears`].
pub fn check_continuous_two_years(stays: &[DateRange]) -> ContinuousCheck {
    let longest = longest_continuous(stays);
    let reading = longest.map_or(TwoYearReading::LessThanTwoYears, |r| {
        match years_after(r.start, 2).and_then(|d| d.pred_opt()) {
            Some(boundary) if r.end == boundary => TwoYearReading::ExactlyTwoYears,
            Some(boundary) if r.end > boundary => TwoYearReading::MoreThanTwoYears,
            _ => TwoYearReading::LessThanTwoYears,
        }
    });
    ContinuousCheck {
        longest,
        days: longest.map_or(0, |r| r.days()),
        reading,
    }
}

/// R-080 (W40): a total of two years abroad within a four-year period. The worst four-year period
/// from [`max_total_in_rolling_years`]; two years = [`TWO_YEARS_DAYS`] (730 days), tolerance
/// ±[`MONTH_TOLERANCE`].
pub fn check_two_years_in_four(stays: &[DateRange]) -> LimitCheck {
    // A fixed 730 days (two years of 365 days): a limit taken from the worst window's start
    // (730 or 731) would make the result depend on which of two equal windows is reported, so
    // adding a stay could lower it. The leap day is within the ±7-day borderline either way.
    let (days, window) = max_total_in_rolling_years(stays, 4);
    LimitCheck::new(days, TWO_YEARS_DAYS, MONTH_TOLERANCE, window)
}

/// Length of an exempt absence (pregnancy, illness, studies, secondment…) against "12 months"
/// (R-009, R-105, conflict K5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExemptLength {
    /// Shorter than 12 months: accepted under both readings.
    Within,
    /// Exactly 12 months: accepted under "up to 12 consecutive months" (Brexit, 004), not under
    /// "shorter than 12 continuous months" (EU, W49/W50). Flag K5.
    ExactlyTwelveMonths,
    /// Longer than 12 months (only military/civilian service may exceed it under EU rules).
    Over,
}

/// Classify an exempt stay: exactly 12 months when its last day is the day before
/// `add_months_clamped(start, 12)` (2025-03-01…2026-02-28), shorter before that, longer after.
///
/// ```
/// use chrono::NaiveDate;
/// use residence_core::domain::dates::DateRange;
/// use residence_core::engine::absence::{exempt_length, ExemptLength};
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let stay = DateRange::new(d(2025, 3, 1), d(2026, 2, 28)).unwrap();
/// assert_eq!(exempt_length(stay), ExemptLength::ExactlyTwelveMonths);
/// ```
pub fn exempt_length(stay: DateRange) -> ExemptLength {
    match add_months_clamped(stay.start, 12).and_then(|d| d.pred_opt()) {
        Some(boundary) if stay.end == boundary => ExemptLength::ExactlyTwelveMonths,
        Some(boundary) if stay.end > boundary => ExemptLength::Over,
        _ => ExemptLength::Within,
    }
}

/// Both readings of Brexit "not abroad more than 6 months in any one year" (R-105, K6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SixMonthsCheck {
    /// The worst calendar year (1 January…31 December, only days inside the period); six months =
    /// `months_to_days_from(1 January, 6)` (181, or 182 in a leap year).
    pub calendar_year: LimitCheck,
    /// The worst rolling year (a day to the day before the same date a year later); six months
    /// counted from that window's first day.
    pub rolling_year: LimitCheck,
    /// The two readings give different thresholds: warn (K6).
    pub readings_differ: bool,
}

/// R-105 (Brexit continuity): days abroad on non-exempt stays inside `period`, per calendar year
/// and per rolling year, each against six months with tolerance ±[`MONTH_TOLERANCE`].
pub fn check_six_months_per_year(
    stays_not_exempt: &[DateRange],
    period: DateRange,
) -> SixMonthsCheck {
    let abroad = Abroad::new(stays_not_exempt, Some(period));

    let mut years: Vec<i32> = Vec::with_capacity(abroad.spans.len() * 3);
    for r in abroad.ranges() {
        years.push(r.start.year());
        years.push(r.end.year());
        if let Some(y) = fully_covered_year(r) {
            years.push(y);
        }
    }
    years.sort_unstable();
    years.dedup();
    let mut calendar_year = LimitCheck::new(0, 181, MONTH_TOLERANCE, None);
    for year in years {
        let (Some(first), Some(last)) = (
            NaiveDate::from_ymd_opt(year, 1, 1),
            NaiveDate::from_ymd_opt(year, 12, 31),
        ) else {
            continue;
        };
        let Some(window) = DateRange::new(first, last).and_then(|y| y.intersect(&period)) else {
            continue;
        };
        let days = abroad.days_in_range(window);
        if days > calendar_year.days_abroad {
            let limit = months_to_days_from(first, 6).unwrap_or(181);
            calendar_year = LimitCheck::new(days, limit, MONTH_TOLERANCE, Some(window));
        }
    }

    let (days, window) = abroad.max_year_window(1);
    let limit = window
        .and_then(|w| months_to_days_from(w.start, 6))
        .unwrap_or(181);
    let rolling_year = LimitCheck::new(days, limit, MONTH_TOLERANCE, window);

    SixMonthsCheck {
        calendar_year,
        rolling_year,
        readings_differ: calendar_year.threshold != rolling_year.threshold,
    }
}

/// A calendar year lying wholly inside `r` (a leap year if there is one), if any: such a year is
/// the worst possible calendar year, so it is the only fully covered year worth checking.
fn fully_covered_year(r: DateRange) -> Option<i32> {
    let first = if (r.start.month(), r.start.day()) == (1, 1) {
        r.start.year()
    } else {
        r.start.year().checked_add(1)?
    };
    let last = if (r.end.month(), r.end.day()) == (12, 31) {
        r.end.year()
    } else {
        r.end.year().checked_sub(1)?
    };
    if first > last {
        return None;
    }
    let leap = (first..=last)
        .take(8)
        .find(|&y| NaiveDate::from_ymd_opt(y, 2, 29).is_some());
    Some(leap.unwrap_or(first))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn days_in_counts_partial_overlaps_at_both_ends() {
        let stays = [
            DateRange::new(d(2025, 1, 1), d(2025, 1, 10)).unwrap(),
            DateRange::new(d(2025, 2, 1), d(2025, 2, 10)).unwrap(),
        ];
        let abroad = Abroad::new(&stays, None);
        let w = DateRange::new(d(2025, 1, 6), d(2025, 2, 3)).unwrap();
        assert_eq!(abroad.days_in_range(w), 5 + 3);
        let inside = DateRange::new(d(2025, 1, 3), d(2025, 1, 4)).unwrap();
        assert_eq!(abroad.days_in_range(inside), 2);
    }
}
