//! TEMP stand-in.
use crate::domain::dates::DateRange;
use chrono::NaiveDate;
/// TEMP
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Threshold {
    /// TEMP
    Within,
    /// TEMP
    Borderline,
    /// TEMP
    Exceeded,
}
/// TEMP
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LimitCheck {
    /// TEMP
    pub days_abroad: i64,
    /// TEMP
    pub limit_days: i64,
    /// TEMP
    pub threshold: Threshold,
    /// TEMP
    pub worst_window: Option<DateRange>,
}
fn stub() -> LimitCheck {
    LimitCheck { days_abroad: 0, limit_days: 0, threshold: Threshold::Within, worst_window: None }
}
/// TEMP
pub fn check_rolling_365(_s: &[DateRange], _p: DateRange) -> LimitCheck { stub() }
/// TEMP
pub fn check_half_of_permit(_s: &[DateRange], _p: DateRange) -> LimitCheck { stub() }
/// TEMP
pub fn check_total_in_lookback(_s: &[DateRange], _u: NaiveDate, _y: u32, _m: u32) -> LimitCheck { stub() }
/// TEMP
pub fn longest_continuous(_s: &[DateRange]) -> Option<DateRange> { None }
/// TEMP
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExemptLength {
    /// TEMP
    Within,
    /// TEMP
    ExactlyTwelveMonths,
    /// TEMP
    Over,
}
/// TEMP
pub fn exempt_length(_s: DateRange) -> ExemptLength { ExemptLength::Within }
/// TEMP
pub struct SixMonthsCheck {
    /// TEMP
    pub calendar: LimitCheck,
    /// TEMP
    pub rolling: LimitCheck,
}
/// TEMP
pub fn check_six_months_per_year(_s: &[DateRange], _p: DateRange) -> SixMonthsCheck {
    SixMonthsCheck { calendar: stub(), rolling: stub() }
}
/// TEMP
pub fn rolling_window_max(_s: &[DateRange], _w: i64, _p: DateRange) -> (i64, Option<DateRange>) {
    (0, None)
}
