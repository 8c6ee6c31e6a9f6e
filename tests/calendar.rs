//! Norwegian holidays and working days (rule book R-900…R-905, C-1, C-2, K11, K12; scenarios 15,
//! 17, 18, 19, 62, 63), with Easter checked against an independent algorithm.

use chrono::{Datelike, NaiveDate, Weekday};
use proptest::prelude::*;
use residence_checker::engine::calendar::*;
use CalendarRule::{BankEves, Statutory};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Gauss's Easter algorithm with the Gregorian corrections (a different method from the
/// Meeus–Jones–Butcher one in the crate).
fn gauss_easter(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year % 4;
    let c = year % 7;
    let k = year / 100;
    let p = (13 + 8 * k) / 25;
    let q = k / 4;
    let m = (15 - p + k - q).rem_euclid(30);
    let n = (4 + k - q).rem_euclid(7);
    let dd = (19 * a + m) % 30;
    let e = (2 * b + 4 * c + 6 * dd + n) % 7;
    if dd == 29 && e == 6 {
        return d(year, 4, 19);
    }
    if dd == 28 && e == 6 && (11 * m + 11) % 30 < 19 {
        return d(year, 4, 18);
    }
    let day_of_march = 22 + dd + e;
    if day_of_march > 31 {
        d(year, 4, (day_of_march - 31) as u32)
    } else {
        d(year, 3, day_of_march as u32)
    }
}

#[test]
fn easter_matches_gauss_for_every_year_2000_to_2100() {
    for year in 2000..=2100 {
        assert_eq!(easter_sunday(year), Some(gauss_easter(year)), "{year}");
    }
}

#[test]
fn easter_falls_on_known_dates() {
    for (y, m, day) in [
        (2000, 4, 23),
        (2008, 3, 23),
        (2011, 4, 24),
        (2024, 3, 31),
        (2025, 4, 20),
        (2038, 4, 25),
        (2076, 4, 19),
        (2100, 3, 28),
        (1583, 4, 10),
        (1818, 3, 22),
        (1943, 4, 25),
    ] {
        assert_eq!(easter_sunday(y), Some(d(y, m, day)), "{y}");
    }
}

#[test]
fn easter_is_always_a_sunday_between_22_march_and_25_april() {
    for year in 1583..=9999 {
        let e = easter_sunday(year).unwrap();
        assert_eq!(e.weekday(), Weekday::Sun, "{year}");
        assert!(e >= d(year, 3, 22) && e <= d(year, 4, 25), "{year}");
    }
}

#[test]
fn easter_outside_the_supported_years_is_unknown() {
    assert_eq!(easter_sunday(1582), None);
    assert_eq!(easter_sunday(10_000), None);
    assert_eq!(easter_sunday(i32::MIN), None);
    assert_eq!(easter_sunday(i32::MAX), None);
    assert!(holidays_in(1200).is_empty());
    assert!(holidays_on(NaiveDate::MAX).is_empty());
}

#[test]
fn movable_holidays_match_the_rule_book_table_2024_to_2028() {
    // Maundy Thu, Good Fri, Easter Sun, Easter Mon, Ascension, Whit Sun, Whit Mon.
    let table = [
        (
            2024,
            [(3, 28), (3, 29), (3, 31), (4, 1), (5, 9), (5, 19), (5, 20)],
        ),
        (
            2025,
            [(4, 17), (4, 18), (4, 20), (4, 21), (5, 29), (6, 8), (6, 9)],
        ),
        (
            2026,
            [(4, 2), (4, 3), (4, 5), (4, 6), (5, 14), (5, 24), (5, 25)],
        ),
        (
            2027,
            [(3, 25), (3, 26), (3, 28), (3, 29), (5, 6), (5, 16), (5, 17)],
        ),
        (
            2028,
            [(4, 13), (4, 14), (4, 16), (4, 17), (5, 25), (6, 4), (6, 5)],
        ),
    ];
    let kinds = [
        Holiday::MaundyThursday,
        Holiday::GoodFriday,
        Holiday::EasterSunday,
        Holiday::EasterMonday,
        Holiday::AscensionDay,
        Holiday::WhitSunday,
        Holiday::WhitMonday,
    ];
    for (year, dates) in table {
        let all = holidays_in(year);
        assert_eq!(all.len(), 12, "{year}");
        for ((m, day), kind) in dates.into_iter().zip(kinds) {
            assert!(all.contains(&(d(year, m, day), kind)), "{year} {kind:?}");
            assert!(holidays_on(d(year, m, day)).contains(&kind));
        }
        for (m, day) in [(1, 1), (5, 1), (5, 17), (12, 25), (12, 26)] {
            assert!(!holidays_on(d(year, m, day)).is_empty(), "{year}-{m}-{day}");
        }
    }
}

#[test]
fn ascension_is_39_days_after_easter_not_40() {
    let e = easter_sunday(2025).unwrap();
    let ascension = holidays_in(2025)
        .into_iter()
        .find(|(_, h)| *h == Holiday::AscensionDay)
        .unwrap()
        .0;
    assert_eq!(ascension.signed_duration_since(e).num_days(), 39);
    assert_eq!(ascension.weekday(), Weekday::Thu);
}

#[test]
fn the_2025_non_working_holidays_are_exactly_the_rule_book_list() {
    let expected = [
        (1, 1),
        (4, 17),
        (4, 18),
        (4, 20),
        (4, 21),
        (5, 1),
        (5, 17),
        (5, 29),
        (6, 8),
        (6, 9),
        (12, 25),
        (12, 26),
    ]
    .map(|(m, day)| d(2025, m, day));
    let got: Vec<NaiveDate> = holidays_in(2025).into_iter().map(|(x, _)| x).collect();
    assert_eq!(got, expected);
    for x in expected {
        assert!(!is_working_day(x, Statutory), "{x}");
    }
}

#[test]
fn christmas_eve_and_new_years_eve_2025_are_working_days_unless_bank_eves() {
    for x in [d(2025, 12, 24), d(2025, 12, 31)] {
        assert_eq!(x.weekday(), Weekday::Wed);
        assert!(is_working_day(x, Statutory));
        assert!(!is_working_day(x, BankEves));
        assert!(holidays_on(x).is_empty());
    }
    assert_eq!(CalendarRule::default(), Statutory);
}

#[test]
fn saturdays_and_sundays_are_not_working_days() {
    assert!(!is_working_day(d(2025, 4, 12), Statutory));
    assert!(!is_working_day(d(2025, 4, 13), Statutory));
    assert!(is_working_day(d(2025, 4, 14), Statutory));
}

#[test]
fn ascension_on_1_may_2008_is_one_non_working_day_with_two_holidays() {
    let may1 = d(2008, 5, 1);
    assert_eq!(
        holidays_on(may1),
        vec![Holiday::LabourDay, Holiday::AscensionDay]
    );
    let dates: Vec<NaiveDate> = holidays_in(2008).into_iter().map(|(x, _)| x).collect();
    assert_eq!(dates.iter().filter(|x| **x == may1).count(), 2);
    // Counted once: 30 Apr (Wed) to 2 May (Fri) 2008 is one working day (2 May).
    assert_eq!(
        working_days_between(d(2008, 4, 30), d(2008, 5, 2), Statutory),
        Some(1)
    );
    assert_eq!(
        add_working_days(d(2008, 4, 30), 1, Statutory),
        Some(d(2008, 5, 2))
    );
}

#[test]
fn whit_monday_on_17_may_2027_carries_two_holidays() {
    assert_eq!(
        holidays_on(d(2027, 5, 17)),
        vec![Holiday::ConstitutionDay, Holiday::WhitMonday]
    );
}

#[test]
fn holiday_names_serialise_in_snake_case() {
    assert_eq!(
        serde_json::to_string(&Holiday::MaundyThursday).unwrap(),
        "\"maundy_thursday\""
    );
    assert_eq!(serde_json::to_string(&BankEves).unwrap(), "\"bank_eves\"");
}

#[test]
fn appointment_14_april_2025_plus_20_working_days_is_16_may() {
    assert_eq!(
        add_working_days(d(2025, 4, 14), 20, Statutory),
        Some(d(2025, 5, 16))
    );
    assert_eq!(
        working_days_between(d(2025, 4, 14), d(2025, 5, 16), Statutory),
        Some(20)
    );
}

#[test]
fn appointment_15_december_2025_plus_20_working_days_depends_on_the_eves() {
    assert_eq!(
        add_working_days(d(2025, 12, 15), 20, Statutory),
        Some(d(2026, 1, 15))
    );
    assert_eq!(
        add_working_days(d(2025, 12, 15), 20, BankEves),
        Some(d(2026, 1, 19))
    );
}

#[test]
fn appointment_6_may_2024_plus_20_working_days_is_6_june() {
    assert_eq!(
        add_working_days(d(2024, 5, 6), 20, Statutory),
        Some(d(2024, 6, 6))
    );
}

#[test]
fn appointment_14_april_2025_plus_10_working_days_is_2_may() {
    assert_eq!(
        add_working_days(d(2025, 4, 14), 10, Statutory),
        Some(d(2025, 5, 2))
    );
}

#[test]
fn zero_working_days_is_the_appointment_day_even_on_a_holiday() {
    assert_eq!(
        add_working_days(d(2025, 5, 17), 0, Statutory),
        Some(d(2025, 5, 17))
    );
    assert_eq!(
        add_working_days(NaiveDate::MAX, 0, Statutory),
        Some(NaiveDate::MAX)
    );
}

#[test]
fn counting_from_a_holiday_starts_on_the_next_working_day() {
    assert_eq!(
        add_working_days(d(2025, 4, 17), 1, Statutory),
        Some(d(2025, 4, 22))
    );
}

#[test]
fn working_days_between_is_antisymmetric() {
    let (a, b) = (d(2024, 11, 3), d(2027, 2, 9));
    let forward = working_days_between(a, b, Statutory).unwrap();
    assert_eq!(working_days_between(b, a, Statutory), Some(-forward));
    assert_eq!(working_days_between(a, a, Statutory), Some(0));
}

#[test]
fn adding_working_days_across_many_years_matches_stepping_day_by_day() {
    let start = d(2023, 12, 29);
    let n = 1500;
    let mut cur = start;
    let mut left = n;
    while left > 0 {
        cur = cur.succ_opt().unwrap();
        if is_working_day(cur, BankEves) {
            left -= 1;
        }
    }
    assert_eq!(add_working_days(start, n, BankEves), Some(cur));
    assert_eq!(
        working_days_between(start, cur, BankEves),
        Some(i64::from(n))
    );
}

#[test]
fn huge_working_day_counts_return_none_quickly() {
    assert_eq!(add_working_days(d(2025, 1, 1), u32::MAX, Statutory), None);
    assert_eq!(add_working_days(NaiveDate::MAX, 1, Statutory), None);
    assert!(add_working_days(NaiveDate::MIN, 100_000_000, Statutory).is_some());
    assert!(working_days_between(NaiveDate::MIN, NaiveDate::MAX, BankEves).unwrap() > 130_000_000);
}

fn any_date() -> impl Strategy<Value = NaiveDate> {
    let min = NaiveDate::MIN.num_days_from_ce();
    let max = NaiveDate::MAX.num_days_from_ce();
    prop_oneof![
        (min..=max).prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap()),
        (max - 3000..=max).prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap()),
        (min..=min + 3000).prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap()),
        (1583 * 366..=9999 * 365).prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap()),
    ]
}

fn any_rule() -> impl Strategy<Value = CalendarRule> {
    prop_oneof![Just(Statutory), Just(BankEves)]
}

proptest! {
    #[test]
    fn adding_working_days_is_monotone_and_lands_on_working_days(
        date in any_date(), n in 0u32..2000, extra in 1u32..50, rule in any_rule()
    ) {
        let a = add_working_days(date, n, rule);
        let b = add_working_days(date, n + extra, rule);
        if let (Some(a), Some(b)) = (a, b) {
            prop_assert!(a < b);
        }
        if let Some(b) = b {
            prop_assert!(is_working_day(b, rule));
            prop_assert_eq!(working_days_between(date, b, rule), Some(i64::from(n + extra)));
        }
        if a.is_none() {
            prop_assert!(b.is_none());
        }
    }

    #[test]
    fn working_day_functions_never_panic(date in any_date(), other in any_date(), n in any::<u32>(), rule in any_rule()) {
        let _ = is_working_day(date, rule);
        let _ = holidays_on(date);
        let _ = holidays_in(date.year());
        let _ = add_working_days(date, n % 5_000, rule);
        let _ = add_working_days(date, n, rule);
        if date.signed_duration_since(other).num_days().abs() < 40_000 {
            let _ = working_days_between(date, other, rule);
        }
    }

    #[test]
    fn working_days_near_the_end_of_time_are_none_not_a_panic(back in 0i64..2000, n in 0u32..3000, rule in any_rule()) {
        let date = NaiveDate::MAX - chrono::Days::new(back as u64);
        if let Some(x) = add_working_days(date, n, rule) {
            prop_assert!(x >= date);
        }
    }
}
