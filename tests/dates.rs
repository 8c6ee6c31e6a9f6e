//! Named date arithmetic (rule book C-3, C-5): clamping, ages, month-to-day conversion, and
//! property tests over the whole of chrono's date range.

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;
use residence_checker::domain::dates::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn any_date() -> impl Strategy<Value = NaiveDate> {
    let min = NaiveDate::MIN.num_days_from_ce();
    let max = NaiveDate::MAX.num_days_from_ce();
    prop_oneof![
        (min..=max).prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap()),
        (min..=min + 800).prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap()),
        (max - 800..=max).prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap()),
        (1900 * 365..=2200 * 365).prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap()),
    ]
}

#[test]
fn a_same_day_range_lasts_one_day() {
    assert_eq!(DateRange::single(d(2025, 6, 1)).days(), 1);
    assert_eq!(
        DateRange::new(d(2025, 6, 1), d(2025, 6, 1)).unwrap().days(),
        1
    );
}

#[test]
fn a_range_ending_before_it_starts_is_rejected() {
    assert_eq!(DateRange::new(d(2025, 6, 2), d(2025, 6, 1)), None);
    let malformed = DateRange {
        start: d(2025, 6, 2),
        end: d(2025, 6, 1),
    };
    assert_eq!(malformed.days(), 0);
    assert!(!malformed.contains(d(2025, 6, 1)));
}

#[test]
fn a_stay_across_29_february_counts_the_leap_day() {
    assert_eq!(
        DateRange::new(d(2024, 2, 28), d(2024, 3, 1))
            .unwrap()
            .days(),
        3
    );
    assert_eq!(
        DateRange::new(d(2025, 2, 28), d(2025, 3, 1))
            .unwrap()
            .days(),
        2
    );
}

#[test]
fn the_whole_chrono_range_has_a_day_count() {
    let all = DateRange::new(NaiveDate::MIN, NaiveDate::MAX).unwrap();
    assert!(all.days() > 190_000_000);
    assert!(all.contains(NaiveDate::MIN) && all.contains(NaiveDate::MAX));
}

#[test]
fn ranges_touching_on_one_day_intersect_on_that_day() {
    let a = DateRange::new(d(2025, 1, 1), d(2025, 3, 1)).unwrap();
    let b = DateRange::new(d(2025, 3, 1), d(2025, 5, 1)).unwrap();
    assert_eq!(a.intersect(&b), Some(DateRange::single(d(2025, 3, 1))));
    assert_eq!(b.intersect(&a), Some(DateRange::single(d(2025, 3, 1))));
}

#[test]
fn one_month_after_31_january_is_the_end_of_february() {
    assert_eq!(add_months_clamped(d(2025, 1, 31), 1), Some(d(2025, 2, 28)));
    assert_eq!(add_months_clamped(d(2024, 1, 31), 1), Some(d(2024, 2, 29)));
    assert_eq!(add_months_clamped(d(2025, 1, 30), 1), Some(d(2025, 2, 28)));
    assert_eq!(add_months_clamped(d(2025, 1, 15), 1), Some(d(2025, 2, 15)));
}

#[test]
fn adding_a_month_and_removing_it_again_does_not_return_to_31_january() {
    let there = add_months_clamped(d(2025, 1, 31), 1).unwrap();
    assert_eq!(add_months_clamped(there, -1), Some(d(2025, 1, 28)));
}

#[test]
fn one_month_before_31_march_is_the_end_of_february() {
    assert_eq!(months_before(d(2025, 3, 31), 1), Some(d(2025, 2, 28)));
    assert_eq!(months_before(d(2024, 3, 31), 1), Some(d(2024, 2, 29)));
    assert_eq!(add_months_clamped(d(2024, 3, 31), -1), Some(d(2024, 2, 29)));
}

#[test]
fn three_months_before_30_september_is_30_june() {
    assert_eq!(months_before(d(2026, 9, 30), 3), Some(d(2026, 6, 30)));
}

#[test]
fn thirty_seven_days_before_expiry_is_plain_day_arithmetic() {
    assert_eq!(days_before(d(2025, 6, 30), 37), Some(d(2025, 5, 24)));
    assert_eq!(days_after(d(2025, 5, 24), 37), Some(d(2025, 6, 30)));
    assert_eq!(days_before(d(2025, 6, 30), 0), Some(d(2025, 6, 30)));
}

#[test]
fn one_year_after_29_february_is_28_february() {
    assert_eq!(years_after(d(2024, 2, 29), 1), Some(d(2025, 2, 28)));
    assert_eq!(years_after(d(2024, 2, 29), 4), Some(d(2028, 2, 29)));
    assert_eq!(years_before(d(2024, 2, 29), 1), Some(d(2023, 2, 28)));
}

#[test]
fn arithmetic_past_the_ends_of_the_calendar_is_none() {
    assert_eq!(add_months_clamped(NaiveDate::MAX, 1), None);
    assert_eq!(add_months_clamped(NaiveDate::MIN, -1), None);
    assert_eq!(add_months_clamped(d(2025, 1, 1), i32::MIN), None);
    assert_eq!(add_months_clamped(d(2025, 1, 1), i32::MAX), None);
    assert_eq!(months_before(NaiveDate::MIN, 1), None);
    assert_eq!(months_before(d(2025, 1, 1), u32::MAX), None);
    assert_eq!(days_after(NaiveDate::MAX, 1), None);
    assert_eq!(days_before(NaiveDate::MIN, 1), None);
    assert_eq!(years_after(d(2025, 1, 1), u32::MAX), None);
    assert_eq!(years_after(NaiveDate::MAX, 1), None);
    assert_eq!(years_before(NaiveDate::MIN, 1), None);
    assert_eq!(months_to_days_from(NaiveDate::MAX, 1), None);
    assert_eq!(add_months_clamped(NaiveDate::MAX, 0), Some(NaiveDate::MAX));
}

#[test]
fn someone_born_on_29_february_turns_older_on_1_march_in_a_common_year() {
    let dob = d(2008, 2, 29);
    assert_eq!(age_on(dob, d(2026, 2, 27)), Some(17));
    assert_eq!(age_on(dob, d(2026, 2, 28)), Some(17));
    assert_eq!(age_on(dob, d(2026, 3, 1)), Some(18));
    // In a leap year the birthday is 29 February itself.
    assert_eq!(age_on(dob, d(2028, 2, 28)), Some(19));
    assert_eq!(age_on(dob, d(2028, 2, 29)), Some(20));
}

#[test]
fn age_changes_on_the_birthday_itself() {
    let dob = d(2009, 6, 15);
    assert_eq!(age_on(dob, d(2025, 6, 14)), Some(15));
    assert_eq!(age_on(dob, d(2025, 6, 15)), Some(16));
    assert_eq!(age_on(dob, d(2027, 6, 15)), Some(18));
    assert_eq!(age_on(dob, dob), Some(0));
}

#[test]
fn age_before_birth_is_unknown() {
    assert_eq!(age_on(d(2009, 6, 15), d(2009, 6, 14)), None);
    assert!(age_on(NaiveDate::MIN, NaiveDate::MAX).is_some());
}

#[test]
fn six_months_in_days_depends_on_the_start_date() {
    assert_eq!(months_to_days_from(d(2025, 1, 1), 6), Some(181));
    assert_eq!(months_to_days_from(d(2024, 1, 1), 6), Some(182));
    assert_eq!(months_to_days_from(d(2025, 7, 1), 6), Some(184));
    assert_eq!(months_to_days_from(d(2025, 1, 1), 7), Some(212));
    assert_eq!(months_to_days_from(d(2025, 1, 1), 0), Some(0));
    assert_eq!(months_to_days_from(d(2025, 1, 1), -1), Some(-31));
}

proptest! {
    #[test]
    fn month_arithmetic_never_panics(date in any_date(), months in any::<i32>(), n in any::<u32>()) {
        let _ = add_months_clamped(date, months);
        let _ = months_before(date, n);
        let _ = days_before(date, n);
        let _ = days_after(date, n);
        let _ = years_after(date, n);
        let _ = years_before(date, n);
        let _ = months_to_days_from(date, months);
        let _ = age_on(date, date);
    }

    #[test]
    fn adding_months_never_increases_the_day_of_month(date in any_date(), months in -5000i32..5000) {
        if let Some(later) = add_months_clamped(date, months) {
            prop_assert!(later.day() <= date.day());
            let month_index = |x: NaiveDate| i64::from(x.year()) * 12 + i64::from(x.month0());
            prop_assert_eq!(month_index(later) - month_index(date), i64::from(months));
        }
    }

    #[test]
    fn going_back_after_adding_months_lands_within_three_days(date in any_date(), months in 0u32..2400) {
        if let Some(later) = add_months_clamped(date, months as i32) {
            let back = months_before(later, months).unwrap();
            prop_assert!(back <= date);
            prop_assert!(date.signed_duration_since(back).num_days() <= 3);
        }
    }

    #[test]
    fn months_to_days_agrees_with_add_months(date in any_date(), months in -2400i32..2400) {
        if let Some(days) = months_to_days_from(date, months) {
            let target = add_months_clamped(date, months).unwrap();
            prop_assert_eq!(target.signed_duration_since(date).num_days(), days);
            prop_assert_eq!(days >= 0, months >= 0);
        }
    }

    #[test]
    fn range_days_match_the_difference_plus_one(a in any_date(), b in any_date()) {
        let (start, end) = (a.min(b), a.max(b));
        let r = DateRange::new(start, end).unwrap();
        prop_assert_eq!(r.days(), end.signed_duration_since(start).num_days() + 1);
        prop_assert!(r.contains(start) && r.contains(end));
        prop_assert_eq!(r.intersect(&r), Some(r));
    }

    #[test]
    fn age_never_decreases_over_time(dob in any_date(), a in any_date(), b in any_date()) {
        let (earlier, later) = (a.min(b), a.max(b));
        if let (Some(x), Some(y)) = (age_on(dob, earlier), age_on(dob, later)) {
            prop_assert!(x <= y);
        }
    }
}

mod parse_iso_dates {
    use chrono::NaiveDate;
    use proptest::prelude::*;
    use residence_checker::domain::dates::parse_iso;

    proptest! {
        /// Every date chrono can write with a four-digit year reads back the same.
        #[test]
        fn every_written_date_reads_back(days in 0i64..(9999 * 366)) {
            let start = NaiveDate::from_ymd_opt(1, 1, 1).unwrap();
            if let Some(d) = start.checked_add_days(chrono::Days::new(days as u64)) {
                if d.year_ce().1 <= 9999 {
                    prop_assert_eq!(parse_iso(&d.format("%Y-%m-%d").to_string()), Some(d));
                }
            }
        }

        /// Never panics, and never accepts what chrono would not.
        #[test]
        fn agrees_with_chrono_or_is_stricter(s in "\\PC{0,12}|[0-9+-]{8,12}") {
            if let Some(d) = parse_iso(&s) {
                prop_assert_eq!(s.parse::<NaiveDate>().ok(), Some(d));
            }
        }
    }

    use chrono::Datelike;

    #[test]
    fn a_date_with_a_missing_leading_zero_or_a_day_that_does_not_exist_is_refused() {
        for bad in [
            "2024-1-01",
            "2024-13-01",
            "2023-02-29",
            "24-01-01",
            "2024/01/01",
            "",
            "2024-01-01 ",
            "+024-01-01",
        ] {
            assert_eq!(parse_iso(bad), None, "{bad}");
        }
    }
}
