//! Absence calculators (rule book C-4, C-5, R-071, R-072, R-074, R-080, R-083, R-009, R-105;
//! scenarios 38, 39, 42, 43, 46, 52): every limit tested the day before, on and after each
//! threshold, plus property tests against a naive day-by-day reference.

use chrono::{Datelike, Days, NaiveDate};
use proptest::prelude::*;
use residence_checker::domain::dates::DateRange;
use residence_checker::engine::absence::*;
use std::collections::BTreeSet;
use std::time::Instant;
use Threshold::{Borderline, Exceeded, Within};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn r(start: NaiveDate, end: NaiveDate) -> DateRange {
    DateRange::new(start, end).unwrap()
}

/// A stay of `days` days starting on `start`.
fn stay(start: NaiveDate, days: u64) -> DateRange {
    r(start, start + Days::new(days - 1))
}

fn three_year_permit() -> DateRange {
    r(d(2024, 6, 1), d(2027, 5, 31))
}

// ---------------------------------------------------------------- merging and counting

#[test]
fn a_stay_counts_both_the_departure_and_the_return_day() {
    let window = r(d(2025, 1, 1), d(2025, 12, 31));
    assert_eq!(
        days_abroad_in(&[r(d(2025, 3, 1), d(2025, 3, 1))], window),
        1
    );
    assert_eq!(
        days_abroad_in(&[r(d(2025, 3, 1), d(2025, 3, 2))], window),
        2
    );
}

#[test]
fn a_stay_across_29_february_2024_is_three_days() {
    let window = r(d(2024, 1, 1), d(2024, 12, 31));
    assert_eq!(
        days_abroad_in(&[r(d(2024, 2, 28), d(2024, 3, 1))], window),
        3
    );
}

#[test]
fn overlapping_stays_are_counted_once() {
    let stays = [
        r(d(2025, 1, 1), d(2025, 1, 10)),
        r(d(2025, 1, 5), d(2025, 1, 20)),
        r(d(2025, 1, 8), d(2025, 1, 9)),
    ];
    assert_eq!(merge(&stays), vec![r(d(2025, 1, 1), d(2025, 1, 20))]);
    assert_eq!(
        days_abroad_in(&stays, r(d(2025, 1, 1), d(2025, 12, 31))),
        20
    );
}

#[test]
fn stays_on_consecutive_days_merge_but_a_day_at_home_separates_them() {
    let adjacent = [
        r(d(2025, 1, 1), d(2025, 1, 3)),
        r(d(2025, 1, 4), d(2025, 1, 6)),
    ];
    assert_eq!(merge(&adjacent), vec![r(d(2025, 1, 1), d(2025, 1, 6))]);
    let apart = [
        r(d(2025, 1, 5), d(2025, 1, 6)),
        r(d(2025, 1, 1), d(2025, 1, 3)),
    ];
    assert_eq!(
        merge(&apart),
        vec![
            r(d(2025, 1, 1), d(2025, 1, 3)),
            r(d(2025, 1, 5), d(2025, 1, 6))
        ]
    );
}

#[test]
fn malformed_stays_are_ignored() {
    let bad = DateRange {
        start: d(2025, 2, 1),
        end: d(2025, 1, 1),
    };
    assert!(merge(&[bad]).is_empty());
    assert_eq!(days_abroad_in(&[bad], r(d(2025, 1, 1), d(2025, 12, 31))), 0);
}

#[test]
fn only_days_inside_the_window_are_counted() {
    let stays = [r(d(2024, 12, 20), d(2025, 1, 5))];
    assert_eq!(days_abroad_in(&stays, r(d(2025, 1, 1), d(2025, 12, 31))), 5);
}

// ---------------------------------------------------------------- thresholds

#[test]
fn threshold_bands_are_symmetric_around_the_limit() {
    assert_eq!(Threshold::classify(179, 182, DAY_TOLERANCE), Within);
    assert_eq!(Threshold::classify(180, 182, DAY_TOLERANCE), Borderline);
    assert_eq!(Threshold::classify(182, 182, DAY_TOLERANCE), Borderline);
    assert_eq!(Threshold::classify(184, 182, DAY_TOLERANCE), Borderline);
    assert_eq!(Threshold::classify(185, 182, DAY_TOLERANCE), Exceeded);
    assert_eq!(Threshold::classify(0, i64::MAX, MONTH_TOLERANCE), Within);
    assert_eq!(Threshold::classify(i64::MAX, i64::MIN, 0), Exceeded);
}

// ---------------------------------------------------------------- R-072 rolling 365 days

fn rolling(days: u64) -> LimitCheck {
    check_rolling_365(&[stay(d(2025, 2, 1), days)], three_year_permit())
}

#[test]
fn abroad_179_days_in_a_year_is_within_the_182_day_limit() {
    assert_eq!(rolling(179).threshold, Within);
}

#[test]
fn abroad_180_days_in_a_year_is_borderline() {
    assert_eq!(rolling(180).threshold, Borderline);
}

#[test]
fn abroad_exactly_182_days_in_a_year_is_borderline_but_not_over_the_limit() {
    let check = rolling(182);
    assert_eq!((check.days_abroad, check.limit_days), (182, 182));
    assert_eq!(check.threshold, Borderline);
    assert!(!check.is_over_limit());
    assert!(!rolling(181).is_over_limit());
}

#[test]
fn abroad_183_days_in_a_year_is_over_the_limit_but_borderline() {
    let check = rolling(183);
    assert_eq!(check.threshold, Borderline);
    assert!(check.is_over_limit());
    assert_eq!(rolling(184).threshold, Borderline);
}

#[test]
fn abroad_185_days_in_a_year_exceeds_the_182_day_limit() {
    assert_eq!(rolling(185).threshold, Exceeded);
}

#[test]
fn two_trips_in_2025_give_203_days_in_one_365_day_window() {
    // Scenario 39.
    let stays = [
        r(d(2025, 1, 10), d(2025, 5, 31)),
        r(d(2025, 10, 1), d(2025, 11, 30)),
    ];
    assert_eq!(stays[0].days(), 142);
    assert_eq!(stays[1].days(), 61);
    let check = check_rolling_365(&stays, three_year_permit());
    assert_eq!(check.days_abroad, 203);
    assert_eq!(check.threshold, Exceeded);
    assert_eq!(check.worst_window, Some(r(d(2025, 1, 10), d(2026, 1, 9))));
}

#[test]
fn trips_more_than_365_days_apart_are_not_added_together() {
    let stays = [stay(d(2025, 1, 1), 100), stay(d(2026, 4, 11), 100)];
    let check = check_rolling_365(&stays, three_year_permit());
    assert_eq!(check.days_abroad, 100);
    assert_eq!(check.threshold, Within);
}

#[test]
fn absence_outside_the_permit_period_is_not_counted() {
    let permit = r(d(2025, 1, 1), d(2027, 12, 31));
    let check = check_rolling_365(&[r(d(2024, 6, 1), d(2025, 1, 31))], permit);
    assert_eq!(check.days_abroad, 31);
}

#[test]
fn no_stays_means_nothing_abroad() {
    let check = check_rolling_365(&[], three_year_permit());
    assert_eq!(check.days_abroad, 0);
    assert_eq!(check.threshold, Within);
    assert_eq!(check.worst_window, None);
    assert_eq!(
        rolling_window_max(&[stay(d(2025, 1, 1), 3)], 0, three_year_permit()),
        (0, None)
    );
}

#[test]
fn ten_years_of_daily_trips_are_checked_quickly() {
    let start = d(2020, 1, 1);
    let daily: Vec<DateRange> = (0..3650).map(|i| stay(start + Days::new(i), 1)).collect();
    let every_other: Vec<DateRange> = (0..3650)
        .map(|i| stay(start + Days::new(2 * i), 1))
        .collect();
    let permit = r(start, d(2040, 12, 31));
    let t = Instant::now();
    let daily_check = check_rolling_365(&daily, permit);
    let sparse_check = check_rolling_365(&every_other, permit);
    let elapsed = t.elapsed();
    eprintln!("two rolling checks over 3,650 one-day trips each: {elapsed:?}");
    assert_eq!(daily_check.days_abroad, 365);
    assert_eq!(sparse_check.days_abroad, 183);
    assert_eq!(sparse_check.threshold, Borderline);
    // The budget is 1 ms in release; allow generous slack for unoptimised test builds.
    assert!(elapsed.as_millis() < 100, "took {elapsed:?}");
}

// ---------------------------------------------------------------- R-071 half of the permit

fn one_year_permit_2025() -> DateRange {
    r(d(2025, 1, 1), d(2025, 12, 31))
}

fn half(days: u64) -> LimitCheck {
    check_half_of_permit(&[stay(d(2025, 3, 1), days)], one_year_permit_2025())
}

#[test]
fn six_months_of_a_2025_one_year_permit_is_181_days() {
    assert_eq!(half(10).limit_days, 181);
    assert_eq!(half(10).worst_window, Some(one_year_permit_2025()));
}

#[test]
fn abroad_173_days_on_a_one_year_permit_is_within_six_months() {
    assert_eq!(half(173).threshold, Within);
}

#[test]
fn abroad_174_to_188_days_on_a_one_year_permit_is_borderline() {
    for days in [174, 180, 181, 182, 184, 188] {
        assert_eq!(half(days).threshold, Borderline, "{days}");
    }
    assert!(!half(181).is_over_limit());
    assert!(half(182).is_over_limit());
}

#[test]
fn abroad_189_days_on_a_one_year_permit_exceeds_six_months() {
    assert_eq!(half(189).threshold, Exceeded);
}

#[test]
fn abroad_200_days_on_a_one_year_permit_exceeds_six_months() {
    // Scenario 38.
    let check = half(200);
    assert_eq!(check.days_abroad, 200);
    assert_eq!(check.threshold, Exceeded);
}

#[test]
fn a_one_year_permit_starting_29_february_counts_its_first_year_to_27_february() {
    let permit = r(d(2024, 2, 29), d(2025, 2, 28));
    let check = check_half_of_permit(&[r(d(2025, 2, 27), d(2025, 2, 28))], permit);
    assert_eq!(check.limit_days, 182);
    assert_eq!(check.worst_window, Some(r(d(2024, 2, 29), d(2025, 2, 27))));
    assert_eq!(check.days_abroad, 1);
}

#[test]
fn a_permit_shorter_than_a_year_allows_half_its_days() {
    let permit = r(d(2025, 1, 1), d(2025, 6, 30)); // 181 days
    let check = |days| check_half_of_permit(&[stay(d(2025, 2, 1), days)], permit);
    assert_eq!(check(10).limit_days, 90);
    assert_eq!(check(87).threshold, Within);
    assert_eq!(check(88).threshold, Borderline);
    assert_eq!(check(90).threshold, Borderline);
    assert!(check(91).is_over_limit());
    assert_eq!(check(92).threshold, Borderline);
    assert_eq!(check(93).threshold, Exceeded);
}

#[test]
fn a_permit_one_day_short_of_a_year_uses_half_its_days() {
    let permit = r(d(2025, 1, 1), d(2025, 12, 30));
    assert_eq!(check_half_of_permit(&[], permit).limit_days, 182);
}

// ---------------------------------------------------------------- R-074 look-back totals

fn lookback(stays: &[DateRange], years: u32, months: u32) -> LimitCheck {
    check_total_in_lookback(stays, d(2025, 12, 31), years, months)
}

#[test]
fn seven_months_in_the_past_three_years_ending_2025_is_212_days() {
    let check = lookback(&[], 3, 7);
    assert_eq!(check.limit_days, 212);
    assert_eq!(check.worst_window, Some(r(d(2023, 1, 1), d(2025, 12, 31))));
}

#[test]
fn abroad_204_days_in_three_years_is_within_seven_months() {
    assert_eq!(
        lookback(&[stay(d(2024, 1, 1), 204)], 3, 7).threshold,
        Within
    );
}

#[test]
fn abroad_205_to_219_days_in_three_years_is_borderline_for_seven_months() {
    for days in [205, 211, 212, 213, 219] {
        assert_eq!(
            lookback(&[stay(d(2024, 1, 1), days)], 3, 7).threshold,
            Borderline
        );
    }
}

#[test]
fn abroad_220_days_in_three_years_exceeds_seven_months() {
    assert_eq!(
        lookback(&[stay(d(2024, 1, 1), 220)], 3, 7).threshold,
        Exceeded
    );
}

#[test]
fn eight_months_abroad_in_three_years_exceeds_the_seven_month_limit() {
    // Scenario 42.
    let check = lookback(&[r(d(2024, 3, 1), d(2024, 10, 31))], 3, 7);
    assert_eq!(check.days_abroad, 245);
    assert_eq!(check.threshold, Exceeded);
}

#[test]
fn nine_months_abroad_in_five_years_is_within_the_ten_month_protection_limit() {
    // Scenario 43.
    let check = lookback(&[r(d(2022, 1, 1), d(2022, 9, 30))], 5, 10);
    assert_eq!(check.limit_days, 304);
    assert_eq!(check.days_abroad, 273);
    assert_eq!(check.threshold, Within);
}

#[test]
fn ten_month_limit_has_borderline_edges_on_both_sides() {
    let at = |days| lookback(&[stay(d(2022, 1, 1), days)], 5, 10).threshold;
    assert_eq!(at(296), Within);
    assert_eq!(at(297), Borderline);
    assert_eq!(at(304), Borderline);
    assert_eq!(at(311), Borderline);
    assert_eq!(at(312), Exceeded);
}

#[test]
fn trips_before_the_look_back_window_do_not_count() {
    let check = lookback(&[r(d(2022, 12, 1), d(2023, 1, 10))], 3, 7);
    assert_eq!(check.days_abroad, 10);
}

#[test]
fn a_zero_year_look_back_counts_nothing() {
    let check = lookback(&[stay(d(2025, 12, 1), 31)], 0, 7);
    assert_eq!(check.days_abroad, 0);
    assert_eq!(check.worst_window, None);
}

// ---------------------------------------------------------------- two years

#[test]
fn the_longest_continuous_absence_is_found_after_merging() {
    let stays = [
        r(d(2020, 1, 1), d(2020, 6, 30)),
        r(d(2021, 1, 1), d(2021, 3, 31)),
        r(d(2021, 4, 1), d(2021, 8, 31)),
    ];
    assert_eq!(
        longest_continuous(&stays),
        Some(r(d(2021, 1, 1), d(2021, 8, 31)))
    );
    assert_eq!(longest_continuous(&[]), None);
}

#[test]
fn abroad_one_day_less_than_two_years_is_less_than_two_years() {
    let check = check_continuous_two_years(&[r(d(2024, 3, 1), d(2026, 2, 27))]);
    assert_eq!(check.reading, TwoYearReading::LessThanTwoYears);
}

#[test]
fn abroad_from_1_march_2024_to_28_february_2026_is_exactly_two_years() {
    let check = check_continuous_two_years(&[r(d(2024, 3, 1), d(2026, 2, 28))]);
    assert_eq!(check.reading, TwoYearReading::ExactlyTwoYears);
    assert_eq!(check.days, 730);
}

#[test]
fn abroad_one_day_more_than_two_years_is_more_than_two_years() {
    let check = check_continuous_two_years(&[r(d(2024, 3, 1), d(2026, 3, 1))]);
    assert_eq!(check.reading, TwoYearReading::MoreThanTwoYears);
}

#[test]
fn abroad_two_years_from_29_february_ends_on_27_february() {
    let check = check_continuous_two_years(&[r(d(2024, 2, 29), d(2026, 2, 27))]);
    assert_eq!(check.reading, TwoYearReading::ExactlyTwoYears);
}

#[test]
fn abroad_25_continuous_months_is_more_than_two_years() {
    // Scenario 46.
    let check = check_continuous_two_years(&[r(d(2023, 1, 1), d(2025, 1, 31))]);
    assert_eq!(check.reading, TwoYearReading::MoreThanTwoYears);
    assert_eq!(
        check_continuous_two_years(&[]).reading,
        TwoYearReading::LessThanTwoYears
    );
}

#[test]
fn two_separate_years_abroad_within_four_years_are_borderline_for_two_in_four() {
    let stays = [
        r(d(2020, 1, 1), d(2020, 12, 31)),
        r(d(2022, 1, 1), d(2022, 12, 31)),
    ];
    let check = check_two_years_in_four(&stays);
    assert_eq!(check.days_abroad, 731);
    assert_eq!(check.limit_days, 730);
    assert_eq!(check.threshold, Borderline);
    // Both four-year periods from 2019 and from 2020 hold the two years; the earliest is shown.
    assert_eq!(check.worst_window, Some(r(d(2019, 1, 1), d(2022, 12, 31))));
}

#[test]
fn three_years_abroad_within_four_years_exceeds_two_in_four() {
    let stays = [
        r(d(2020, 1, 1), d(2020, 12, 31)),
        r(d(2022, 1, 1), d(2023, 12, 31)),
    ];
    assert_eq!(check_two_years_in_four(&stays).threshold, Exceeded);
}

#[test]
fn one_year_abroad_is_within_two_in_four() {
    let check = check_two_years_in_four(&[r(d(2020, 1, 1), d(2020, 12, 31))]);
    assert_eq!(check.threshold, Within);
    assert_eq!(max_total_in_rolling_years(&[], 4), (0, None));
}

#[test]
fn a_one_year_period_starting_on_1_march_can_reach_the_next_leap_day() {
    // 2023-03-01…2024-02-29 is one year (366 days); starting a day earlier would end on
    // 2024-02-27 and lose two days. Found by the property test against the day-by-day reference.
    let stays = [
        r(d(2023, 9, 25), d(2024, 2, 29)),
        r(d(2023, 1, 1), d(2023, 3, 1)),
    ];
    let (days, window) = max_total_in_rolling_years(&stays, 1);
    assert_eq!(days, 159);
    assert_eq!(window, Some(r(d(2023, 3, 1), d(2024, 2, 29))));
}

#[test]
fn years_abroad_more_than_four_years_apart_are_not_added() {
    let stays = [
        r(d(2016, 1, 1), d(2016, 12, 31)),
        r(d(2020, 1, 1), d(2020, 12, 31)),
    ];
    assert_eq!(max_total_in_rolling_years(&stays, 4).0, 366);
}

// ---------------------------------------------------------------- exempt absences

#[test]
fn a_secondment_one_day_short_of_12_months_is_within() {
    assert_eq!(
        exempt_length(r(d(2025, 3, 1), d(2026, 2, 27))),
        ExemptLength::Within
    );
}

#[test]
fn a_secondment_of_exactly_12_consecutive_months_is_ambiguous() {
    // Scenario 52.
    assert_eq!(
        exempt_length(r(d(2025, 3, 1), d(2026, 2, 28))),
        ExemptLength::ExactlyTwelveMonths
    );
    assert_eq!(
        exempt_length(r(d(2024, 9, 1), d(2025, 8, 31))),
        ExemptLength::ExactlyTwelveMonths
    );
}

#[test]
fn a_secondment_one_day_over_12_months_is_over() {
    assert_eq!(
        exempt_length(r(d(2025, 3, 1), d(2026, 3, 1))),
        ExemptLength::Over
    );
}

#[test]
fn twelve_months_from_31_january_ends_on_30_january() {
    assert_eq!(
        exempt_length(r(d(2025, 1, 31), d(2026, 1, 30))),
        ExemptLength::ExactlyTwelveMonths
    );
}

#[test]
fn an_exempt_stay_at_the_end_of_time_is_within() {
    assert_eq!(
        exempt_length(DateRange::single(NaiveDate::MAX)),
        ExemptLength::Within
    );
}

// ---------------------------------------------------------------- R-105 six months per year

fn brexit_period() -> DateRange {
    r(d(2021, 1, 1), d(2025, 12, 31))
}

#[test]
fn a_winter_abroad_exceeds_six_months_in_a_rolling_year_but_not_in_a_calendar_year() {
    let stays = [r(d(2023, 10, 1), d(2024, 5, 31))];
    let check = check_six_months_per_year(&stays, brexit_period());
    assert_eq!(check.calendar_year.days_abroad, 152);
    assert_eq!(check.calendar_year.threshold, Within);
    assert_eq!(
        check.calendar_year.worst_window,
        Some(r(d(2024, 1, 1), d(2024, 12, 31)))
    );
    assert_eq!(check.rolling_year.days_abroad, 244);
    assert_eq!(check.rolling_year.threshold, Exceeded);
    assert!(check.readings_differ);
}

#[test]
fn a_whole_calendar_year_abroad_exceeds_six_months_under_both_readings() {
    let check = check_six_months_per_year(&[r(d(2024, 1, 1), d(2024, 12, 31))], brexit_period());
    assert_eq!(check.calendar_year.days_abroad, 366);
    assert_eq!(check.calendar_year.limit_days, 182);
    assert_eq!(check.calendar_year.threshold, Exceeded);
    assert_eq!(check.rolling_year.threshold, Exceeded);
    assert!(!check.readings_differ);
}

#[test]
fn six_months_from_1_january_2025_is_borderline_in_the_calendar_year() {
    let at = |end| check_six_months_per_year(&[r(d(2025, 1, 1), end)], brexit_period());
    assert_eq!(at(d(2025, 6, 22)).calendar_year.threshold, Within); // 173 days
    assert_eq!(at(d(2025, 6, 23)).calendar_year.threshold, Borderline); // 174 days
    assert_eq!(at(d(2025, 6, 30)).calendar_year.days_abroad, 181);
    assert_eq!(at(d(2025, 6, 30)).calendar_year.threshold, Borderline);
    assert_eq!(at(d(2025, 7, 7)).calendar_year.threshold, Borderline); // 188 days
    assert_eq!(at(d(2025, 7, 8)).calendar_year.threshold, Exceeded); // 189 days
}

#[test]
fn a_long_absence_spanning_many_years_finds_the_leap_year() {
    let period = r(d(2000, 1, 1), d(2040, 12, 31));
    let check = check_six_months_per_year(&[r(d(2021, 3, 1), d(2026, 2, 1))], period);
    assert_eq!(check.calendar_year.days_abroad, 366);
    assert_eq!(
        check.calendar_year.worst_window,
        Some(r(d(2024, 1, 1), d(2024, 12, 31)))
    );
}

#[test]
fn separate_trips_in_one_calendar_year_add_up() {
    let stays = [
        r(d(2022, 1, 1), d(2022, 3, 31)),
        r(d(2022, 9, 1), d(2022, 12, 31)),
        r(d(2023, 6, 1), d(2023, 6, 10)),
    ];
    let check = check_six_months_per_year(&stays, brexit_period());
    assert_eq!(check.calendar_year.days_abroad, 90 + 122);
    assert_eq!(check.calendar_year.threshold, Exceeded);
}

#[test]
fn no_absence_is_within_under_both_readings() {
    let check = check_six_months_per_year(&[], brexit_period());
    assert_eq!(check.calendar_year.days_abroad, 0);
    assert_eq!(check.rolling_year.days_abroad, 0);
    assert!(!check.readings_differ);
}

#[test]
fn check_results_serialise_with_snake_case_thresholds() {
    let json = serde_json::to_string(&rolling(200)).unwrap();
    assert!(json.contains("\"threshold\":\"exceeded\""), "{json}");
    let json = serde_json::to_string(&ExemptLength::ExactlyTwelveMonths).unwrap();
    assert_eq!(json, "\"exactly_twelve_months\"");
}

// ---------------------------------------------------------------- properties

/// Naive reference: the abroad days (inside `within`) as a set.
fn day_set(stays: &[DateRange], within: DateRange) -> BTreeSet<NaiveDate> {
    stays
        .iter()
        .filter_map(|s| s.intersect(&within))
        .flat_map(|s| s.start.iter_days().take_while(move |x| *x <= s.end))
        .collect()
}

fn naive_max(
    set: &BTreeSet<NaiveDate>,
    starts: DateRange,
    end_of: impl Fn(NaiveDate) -> NaiveDate,
) -> i64 {
    starts
        .start
        .iter_days()
        .take_while(|x| *x <= starts.end)
        .map(|s| set.range(s..=end_of(s)).count() as i64)
        .max()
        .unwrap_or(0)
}

fn base() -> NaiveDate {
    d(2023, 1, 1)
}

fn small_range(span: i64, max_len: i64) -> impl Strategy<Value = DateRange> {
    (0..span, 0..max_len).prop_map(|(off, len)| {
        let start = base() + Days::new(off as u64);
        r(start, start + Days::new(len as u64))
    })
}

fn extreme_date() -> impl Strategy<Value = NaiveDate> {
    let min = NaiveDate::MIN.num_days_from_ce();
    let max = NaiveDate::MAX.num_days_from_ce();
    prop_oneof![
        (min..=max),
        (min..=min + 1000),
        (max - 1000..=max),
        (730_000..=740_000),
    ]
    .prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap())
}

fn extreme_range() -> impl Strategy<Value = DateRange> {
    (extreme_date(), extreme_date()).prop_map(|(a, b)| r(a.min(b), a.max(b)))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn rolling_max_equals_a_day_by_day_reference(
        stays in prop::collection::vec(small_range(400, 40), 0..12),
        within in small_range(400, 400),
        window_days in 1i64..120,
    ) {
        let set = day_set(&stays, within);
        let starts = r(within.start - Days::new(window_days as u64), within.end);
        let expected = naive_max(&set, starts, |s| s + Days::new(window_days as u64 - 1));
        let (days, window) = rolling_window_max(&stays, window_days, within);
        prop_assert_eq!(days, expected);
        match window {
            Some(w) => {
                prop_assert_eq!(w.days(), window_days);
                prop_assert_eq!(days_abroad_in(&stays, w.intersect(&within).unwrap()), days);
            }
            None => prop_assert_eq!(days, 0),
        }
    }

    #[test]
    fn rolling_years_max_equals_a_day_by_day_reference(
        stays in prop::collection::vec(small_range(1500, 200), 0..6),
        years in 1u32..3,
    ) {
        let all = r(d(2000, 1, 1), d(2040, 12, 31));
        let set = day_set(&stays, all);
        let end_of = |s: NaiveDate| residence_checker::domain::dates::years_after(s, years).unwrap().pred_opt().unwrap();
        let starts = r(base() - Days::new(800), base() + Days::new(1800));
        prop_assert_eq!(max_total_in_rolling_years(&stays, years).0, naive_max(&set, starts, end_of));
    }

    #[test]
    fn worst_calendar_year_equals_a_day_by_day_reference(
        stays in prop::collection::vec(small_range(3000, 900), 0..6),
        period in small_range(3000, 3000),
    ) {
        let set = day_set(&stays, period);
        let expected = (2020..=2035)
            .map(|y| set.iter().filter(|x| x.year() == y).count() as i64)
            .max()
            .unwrap_or(0);
        let check = check_six_months_per_year(&stays, period);
        prop_assert_eq!(check.calendar_year.days_abroad, expected);
    }

    #[test]
    fn days_abroad_equal_a_day_by_day_reference(
        stays in prop::collection::vec(small_range(600, 60), 0..15),
        window in small_range(600, 300),
    ) {
        prop_assert_eq!(days_abroad_in(&stays, window), day_set(&stays, window).len() as i64);
    }

    #[test]
    fn adding_a_stay_never_reduces_the_counts(
        stays in prop::collection::vec(small_range(1200, 120), 0..15),
        extra in small_range(1200, 120),
        window in small_range(1200, 800),
    ) {
        let mut more = stays.clone();
        more.push(extra);
        prop_assert!(days_abroad_in(&more, window) >= days_abroad_in(&stays, window));
        prop_assert!(rolling_window_max(&more, 365, window).0 >= rolling_window_max(&stays, 365, window).0);
        prop_assert!(check_rolling_365(&more, window).days_abroad >= check_rolling_365(&stays, window).days_abroad);
        prop_assert!(max_total_in_rolling_years(&more, 4).0 >= max_total_in_rolling_years(&stays, 4).0);
        let six = |s: &[DateRange]| check_six_months_per_year(s, window);
        prop_assert!(six(&more).calendar_year.days_abroad >= six(&stays).calendar_year.days_abroad);
        prop_assert!(six(&more).rolling_year.days_abroad >= six(&stays).rolling_year.days_abroad);
        prop_assert!(check_continuous_two_years(&more).days >= check_continuous_two_years(&stays).days);
    }

    #[test]
    fn shortening_a_stay_never_increases_the_counts(
        stays in prop::collection::vec(small_range(1200, 120), 1..15),
        which in any::<prop::sample::Index>(),
        cut in 0u64..120,
        window in small_range(1200, 800),
    ) {
        let i = which.index(stays.len());
        let mut shorter = stays.clone();
        let s = shorter[i];
        shorter[i] = r(s.start, (s.end - Days::new(cut)).max(s.start));
        prop_assert!(days_abroad_in(&shorter, window) <= days_abroad_in(&stays, window));
        prop_assert!(rolling_window_max(&shorter, 365, window).0 <= rolling_window_max(&stays, 365, window).0);
        prop_assert!(check_half_of_permit(&shorter, window).days_abroad <= check_half_of_permit(&stays, window).days_abroad);
        prop_assert!(check_total_in_lookback(&shorter, window.end, 3, 7).days_abroad
            <= check_total_in_lookback(&stays, window.end, 3, 7).days_abroad);
    }

    #[test]
    fn calculators_never_panic_on_extreme_dates(
        stays in prop::collection::vec(extreme_range(), 0..200),
        period in extreme_range(),
        until in extreme_date(),
        window_days in any::<i64>(),
        years in any::<u32>(),
        months in any::<u32>(),
    ) {
        let _ = merge(&stays);
        let _ = days_abroad_in(&stays, period);
        let _ = rolling_window_max(&stays, window_days, period);
        let _ = rolling_window_max(&stays, 365, period);
        let _ = check_rolling_365(&stays, period);
        let _ = check_half_of_permit(&stays, period);
        let _ = check_total_in_lookback(&stays, until, years, months);
        let _ = check_total_in_lookback(&stays, until, years % 10, months % 20);
        let _ = longest_continuous(&stays);
        let _ = check_continuous_two_years(&stays);
        let _ = max_total_in_rolling_years(&stays, years);
        let _ = max_total_in_rolling_years(&stays, years % 5);
        let _ = check_two_years_in_four(&stays);
        let _ = check_six_months_per_year(&stays, period);
        for s in &stays {
            let _ = exempt_length(*s);
        }
    }

    #[test]
    fn a_check_is_never_more_severe_than_its_count_warrants(days in 0i64..1000, limit in 0i64..1000) {
        let t = Threshold::classify(days, limit, DAY_TOLERANCE);
        prop_assert_eq!(t == Exceeded, days > limit + DAY_TOLERANCE);
        prop_assert_eq!(t == Within, days < limit - DAY_TOLERANCE);
    }
}
