//! Property tests over arbitrary answers: validation and evaluation never panic, the decision's
//! invariants hold, the answers file round-trips, and the absence calculators are monotone.
//!
//! Two generators are used (`tests/support/mod.rs`): a *wild* one (every field optional, every enum variant, dates
//! anywhere in chrono's range including `NaiveDate::MIN`/`MAX`, DUF numbers of random characters,
//! overlapping and reversed stays) that mostly fails validation, and a *plausible* one (dates in
//! the accepted range, stays that do not overlap) that mostly passes it, so the engine's
//! invariants are exercised on many validated cases.

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use proptest::sample::select;
use residence_checker::domain::answers::*;
use residence_checker::domain::case::Case;
use residence_checker::domain::dates::DateRange;
use residence_checker::domain::format;
use residence_checker::engine::absence::{
    check_half_of_permit, check_rolling_365, check_six_months_per_year, check_total_in_lookback,
    check_two_years_in_four, days_abroad_in, max_total_in_rolling_years, rolling_window_max,
};
use residence_checker::engine::{evaluate, Decision, FindingKey, Verdict, RULES_VERSION};

mod support;
use support::*;

// ---------------------------------------------------------------------------------------------
// Invariants of a decision
// ---------------------------------------------------------------------------------------------

/// True when the answer at `path` (e.g. `uk_family.relationship`) is absent or null.
fn unanswered(json: &serde_json::Value, path: &str) -> bool {
    let mut v = json;
    for part in path.split('.') {
        match v.get(part) {
            Some(next) => v = next,
            None => return true,
        }
    }
    v.is_null()
}

/// `uk_basis_history: []` means "not given" (documented on the field), so asking for it again is
/// right.
fn empty_means_not_given(json: &serde_json::Value, path: &str) -> bool {
    path == "uk_basis_history"
        && json
            .get(path)
            .and_then(|v| v.as_array())
            .is_some_and(Vec::is_empty)
}

fn check_invariants(
    answers: &Answers,
    case: &Case,
    today: NaiveDate,
    d: &Decision,
) -> Result<(), TestCaseError> {
    prop_assert_eq!(d.rules_version, RULES_VERSION);
    prop_assert!(!d.rules_version.is_empty());
    prop_assert!(d.rules_reviewed > ymd(2025, 1, 1));
    prop_assert_eq!(d.today, today);
    let json = serde_json::to_value(answers).expect("answers serialise");
    for f in &d.findings {
        prop_assert!(!f.rules.is_empty(), "finding {:?} has no rule", f.key);
        prop_assert!(!f.sources.is_empty(), "finding {:?} has no source", f.key);
        if let Verdict::Maybe { missing } = &f.verdict {
            for q in missing {
                prop_assert!(
                    unanswered(&json, q.name()) || empty_means_not_given(&json, q.name()),
                    "finding {} says `{}` is missing, but it is answered: {}",
                    f.key.as_str(),
                    q.name(),
                    json.pointer(&format!("/{}", q.name().replace('.', "/")))
                        .map(|v| v.to_string())
                        .unwrap_or_default()
                );
            }
        }
    }
    for pair in d.findings.windows(2) {
        prop_assert!(
            pair[0].priority <= pair[1].priority,
            "findings not sorted by priority"
        );
    }
    for pair in d.dates.windows(2) {
        prop_assert!(pair[0].date <= pair[1].date, "dates not sorted");
    }
    for k in &d.dates {
        prop_assert!(!k.rules.is_empty(), "date {:?} has no rule", k.key);
    }
    for item in &d.checklist {
        prop_assert!(
            !item.rules.is_empty(),
            "checklist item {:?} has no rule",
            item.key
        );
    }
    // Determinism, and the decision serialises (what the CLI and the app do with it).
    prop_assert_eq!(&evaluate(case, today), d);
    prop_assert!(serde_json::to_string(d).is_ok());
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// (a) and (b): validation and evaluation never panic; invariants
// ---------------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(256), ..ProptestConfig::default() })]

    #[test]
    fn validation_never_panics_on_wild_answers(a in wild_answers(), today in wild_today()) {
        let first = Case::from_answers(&a, today);
        // Deterministic too.
        prop_assert_eq!(first, Case::from_answers(&a, today));
    }

    #[test]
    fn evaluation_of_wild_answers_that_validate_keeps_invariants(a in wild_answers(), today in wild_today()) {
        if let Ok(case) = Case::from_answers(&a, today) {
            let d = evaluate(&case, today);
            check_invariants(&a, &case, today, &d)?;
        }
    }

    #[test]
    fn evaluation_of_plausible_answers_keeps_invariants((a, today) in plausible_case()) {
        if let Ok(case) = Case::from_answers(&a, today) {
            let d = evaluate(&case, today);
            check_invariants(&a, &case, today, &d)?;
        }
    }

    /// A validated case evaluated on any day at all (even near chrono's limits) does not panic.
    #[test]
    fn evaluation_on_any_day_never_panics((a, valid_on) in plausible_case(), today in wild_today()) {
        if let Ok(case) = Case::from_answers(&a, valid_on) {
            let d = evaluate(&case, today);
            check_invariants(&a, &case, today, &d)?;
        }
    }
}

/// The plausible generator must actually produce validated cases, or the invariant properties
/// above would test nothing.
#[test]
fn plausible_generator_mostly_validates() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = plausible_case();
    let mut ok = 0;
    let total = 100;
    for _ in 0..total {
        let (a, today) = strategy.new_tree(&mut runner).unwrap().current();
        if Case::from_answers(&a, today).is_ok() {
            ok += 1;
        }
    }
    assert!(
        ok >= total / 4,
        "only {ok} of {total} plausible cases validated"
    );
}

// ---------------------------------------------------------------------------------------------
// (c) the answers file
// ---------------------------------------------------------------------------------------------

fn arb_json() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value as J;
    let leaf = prop_oneof![
        Just(J::Null),
        any::<bool>().prop_map(J::Bool),
        any::<i64>().prop_map(J::from),
        any::<u64>().prop_map(J::from),
        any::<f64>().prop_map(J::from),
        ".{0,12}".prop_map(J::String),
        select(vec![
            "residence-checker-answers",
            "2025-01-01",
            "+10000-01-01",
            "-0001-12-31",
            "2025-02-30",
            "eu_eea",
            "uk",
            "temporary",
            "lost",
            "other",
            "201258697561",
        ])
        .prop_map(|s| J::String(s.to_string())),
    ];
    let key = select(vec![
        "format",
        "format_version",
        "rules_version",
        "today",
        "answers",
        "citizenship",
        "status",
        "stays_abroad",
        "from",
        "to",
        "reason",
        "uk_family",
        "relationship",
        "card_situation",
        "duf_number",
        "permit_start",
        "unknown_field",
    ]);
    leaf.prop_recursive(4, 64, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(J::Array),
            prop::collection::btree_map(key.clone().prop_map(str::to_string), inner, 0..8)
                .prop_map(|m| J::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(256), ..ProptestConfig::default() })]

    #[test]
    fn answers_file_round_trips(
        a in wild_answers(),
        rules_version in o(".{0,16}"),
        today in o(wild_date()),
    ) {
        let text = format::write(&a, rules_version.as_deref(), today);
        let file = format::parse(&text);
        prop_assert!(file.is_ok(), "written file does not parse: {:?}\n{}", file, text);
        let file = file.unwrap();
        prop_assert_eq!(&file.answers, &a);
        prop_assert_eq!(file.rules_version, rules_version);
        prop_assert_eq!(file.today, today);
        prop_assert_eq!(file.format_version, format::FORMAT_VERSION);
        prop_assert_eq!(file.format.as_str(), format::FORMAT_NAME);
    }

    #[test]
    fn parse_never_panics_on_arbitrary_text(text in "\\PC{0,300}") {
        let _ = format::parse(&text);
    }

    #[test]
    fn parse_never_panics_on_arbitrary_json(mut v in arb_json(), envelope in any::<bool>()) {
        if envelope {
            if let serde_json::Value::Object(m) = &mut v {
                m.insert("format".into(), format::FORMAT_NAME.into());
                m.insert("format_version".into(), 1.into());
            }
        }
        let _ = format::parse(&v.to_string());
    }

    /// A written file with random bytes cut out or changed: refused or accepted, never a panic;
    /// whatever is accepted validates and evaluates without panicking either.
    #[test]
    fn parse_never_panics_on_mangled_files(
        a in wild_answers(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..6),
        today in plausible_today(),
    ) {
        let mut bytes = format::write(&a, None, None).into_bytes();
        for (at, byte, op) in edits {
            if bytes.is_empty() {
                break;
            }
            let i = at.index(bytes.len());
            match op {
                0 => { bytes.remove(i); }
                1 => bytes[i] = byte,
                _ => bytes.truncate(i),
            }
        }
        let text = String::from_utf8_lossy(&bytes);
        if let Ok(file) = format::parse(&text) {
            if let Ok(case) = Case::from_answers(&file.answers, today) {
                let _ = evaluate(&case, today);
            }
        }
    }
}

#[test]
fn parse_rejects_what_it_must() {
    assert!(matches!(
        format::parse(""),
        Err(format::FormatError::NotJson { .. })
    ));
    assert!(matches!(
        format::parse("{}"),
        Err(format::FormatError::NotAnswersFile)
    ));
    assert!(matches!(
        format::parse(r#"{"format":"residence-checker-answers","format_version":3,"answers":{}}"#),
        Err(format::FormatError::UnsupportedVersion { version: 3 })
    ));
    let unknown = format::parse(
        r#"{"format":"residence-checker-answers","format_version":1,"answers":{"colour":"red"}}"#,
    );
    assert!(
        matches!(unknown, Err(format::FormatError::Field { .. })),
        "{unknown:?}"
    );
    let bad_stay = format::parse(
        r#"{"format":"residence-checker-answers","format_version":1,
            "answers":{"stays_abroad":[{"from":"2025-01-01","to":"2025-13-01","reason":"other"}]}}"#,
    );
    match bad_stay {
        Err(format::FormatError::Field { path, .. }) => {
            assert_eq!(path, "answers.stays_abroad[0].to")
        }
        other => panic!("{other:?}"),
    }
    let big = " ".repeat(format::MAX_FILE_BYTES + 1);
    assert!(matches!(
        format::parse(&big),
        Err(format::FormatError::TooLarge { .. })
    ));
}

// ---------------------------------------------------------------------------------------------
// (d) monotonicity of absence
// ---------------------------------------------------------------------------------------------

fn range_in(lo: NaiveDate, hi: NaiveDate, max_len: u64) -> impl Strategy<Value = DateRange> {
    (days_between(lo, hi), 0..=max_len).prop_map(move |(s, len)| {
        let start = day(s);
        let end = start
            .checked_add_days(Days::new(len))
            .unwrap_or(NaiveDate::MAX);
        DateRange { start, end }
    })
}

/// Possibly overlapping stays between 2018 and 2032.
fn stay_ranges() -> impl Strategy<Value = Vec<DateRange>> {
    prop::collection::vec(range_in(ymd(2018, 1, 1), ymd(2032, 12, 31), 200), 0..40)
}

fn permit() -> impl Strategy<Value = DateRange> {
    (days_between(ymd(2018, 1, 1), ymd(2030, 12, 31)), 0u64..3700).prop_map(|(s, len)| {
        let start = day(s);
        DateRange {
            start,
            end: start.checked_add_days(Days::new(len)).unwrap_or(start),
        }
    })
}

/// The same stay, shortened: a later start and/or an earlier end (never empty).
fn shorten(r: DateRange, cut_start: u64, cut_end: u64) -> DateRange {
    let len = u64::try_from(r.days().max(1) - 1).unwrap_or(0);
    let cut_start = cut_start.min(len);
    let cut_end = cut_end.min(len - cut_start);
    DateRange {
        start: r
            .start
            .checked_add_days(Days::new(cut_start))
            .unwrap_or(r.start),
        end: r.end.checked_sub_days(Days::new(cut_end)).unwrap_or(r.end),
    }
}

/// Rank of the engine's verdict on time abroad: not at risk < borderline < at risk.
fn absence_rank(d: &Decision) -> Option<u8> {
    d.finding(FindingKey::AbsenceTemporaryPermit)
        .map(|f| match &f.verdict {
            Verdict::No => 0,
            Verdict::Maybe { .. } => 1,
            Verdict::Yes => 2,
        })
}

fn temporary_case(permit: DateRange, stays: &[DateRange]) -> Answers {
    Answers {
        citizenship: Some(Citizenship::Other),
        status: Some(Status::Temporary),
        basis: Some(Basis::Work),
        permit_start: Some(permit.start),
        permit_expiry: Some(permit.end),
        stays_abroad: Some(
            stays
                .iter()
                .map(|r| Stay {
                    from: r.start,
                    to: r.end,
                    reason: AbsenceReason::Other,
                })
                .collect(),
        ),
        ..Answers::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(256), ..ProptestConfig::default() })]

    /// Adding a stay never reduces the days abroad, the rolling-window maximum or any
    /// calculator's classification (Within < Borderline < Exceeded).
    #[test]
    fn adding_a_stay_never_reduces_absence(
        stays in stay_ranges(),
        extra in range_in(ymd(2018, 1, 1), ymd(2032, 12, 31), 400),
        permit in permit(),
    ) {
        let mut more = stays.clone();
        more.push(extra);
        prop_assert!(days_abroad_in(&more, permit) >= days_abroad_in(&stays, permit));
        prop_assert!(rolling_window_max(&more, 365, permit).0 >= rolling_window_max(&stays, 365, permit).0);
        prop_assert!(max_total_in_rolling_years(&more, 4).0 >= max_total_in_rolling_years(&stays, 4).0);

        let (before, after) = (check_rolling_365(&stays, permit), check_rolling_365(&more, permit));
        prop_assert!(after.days_abroad >= before.days_abroad);
        prop_assert!(after.threshold >= before.threshold);

        let (before, after) = (check_half_of_permit(&stays, permit), check_half_of_permit(&more, permit));
        prop_assert!(after.days_abroad >= before.days_abroad);
        prop_assert!(after.threshold >= before.threshold);

        for (years, months) in [(3, 7), (5, 10)] {
            let (before, after) = (
                check_total_in_lookback(&stays, permit.end, years, months),
                check_total_in_lookback(&more, permit.end, years, months),
            );
            prop_assert!(after.days_abroad >= before.days_abroad);
            prop_assert!(after.threshold >= before.threshold);
        }

        prop_assert!(check_two_years_in_four(&more).days_abroad >= check_two_years_in_four(&stays).days_abroad);
        prop_assert!(check_two_years_in_four(&more).threshold >= check_two_years_in_four(&stays).threshold);

        let (before, after) = (check_six_months_per_year(&stays, permit), check_six_months_per_year(&more, permit));
        prop_assert!(after.calendar_year.days_abroad >= before.calendar_year.days_abroad);
        prop_assert!(after.rolling_year.days_abroad >= before.rolling_year.days_abroad);
    }

    /// A case that passes a limit still passes with a shorter stay (and one that exceeds it still
    /// exceeds it with a longer one): shortening a stay never raises a classification.
    #[test]
    fn a_shorter_stay_never_makes_things_worse(
        stays in stay_ranges().prop_filter("need a stay", |s| !s.is_empty()),
        which in any::<prop::sample::Index>(),
        cut_start in 0u64..100,
        cut_end in 0u64..100,
        permit in permit(),
    ) {
        let i = which.index(stays.len());
        let mut shorter = stays.clone();
        shorter[i] = shorten(stays[i], cut_start, cut_end);
        let (long, short) = (check_rolling_365(&stays, permit), check_rolling_365(&shorter, permit));
        prop_assert!(short.days_abroad <= long.days_abroad);
        prop_assert!(short.threshold <= long.threshold);
        let (long, short) = (check_half_of_permit(&stays, permit), check_half_of_permit(&shorter, permit));
        prop_assert!(short.days_abroad <= long.days_abroad);
        prop_assert!(short.threshold <= long.threshold);
        let (long, short) = (
            check_total_in_lookback(&stays, permit.end, 3, 7),
            check_total_in_lookback(&shorter, permit.end, 3, 7),
        );
        prop_assert!(short.threshold <= long.threshold);
    }

    /// Rolling-window maximum against a brute-force count over every 365-day window.
    #[test]
    fn rolling_window_max_matches_brute_force(
        stays in prop::collection::vec(range_in(ymd(2024, 1, 1), ymd(2026, 12, 31), 120), 0..8),
        permit in (days_between(ymd(2024, 1, 1), ymd(2025, 12, 31)), 0u64..900).prop_map(|(s, len)| {
            let start = day(s);
            DateRange { start, end: start.checked_add_days(Days::new(len)).unwrap() }
        }),
    ) {
        let abroad = |d: NaiveDate| permit.contains(d) && stays.iter().any(|s| s.contains(d));
        let mut best = 0i64;
        let mut start = permit.start.checked_sub_days(Days::new(364)).unwrap();
        while start <= permit.end {
            let mut n = 0;
            let mut d = start;
            for _ in 0..365 {
                if abroad(d) {
                    n += 1;
                }
                d = d.succ_opt().unwrap();
            }
            best = best.max(n);
            start = start.succ_opt().unwrap();
        }
        prop_assert_eq!(rolling_window_max(&stays, 365, permit).0, best);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(96), ..ProptestConfig::default() })]

    /// Through the engine: on a temporary permit, shortening a stay abroad never turns "not at
    /// risk" into "borderline" or "at risk", and adding one never does the reverse.
    #[test]
    fn engine_absence_verdict_is_monotone(
        seq in (days_between(ymd(2019, 1, 1), ymd(2024, 12, 31)),
                prop::collection::vec((1u64..60, 0u64..120), 1..30)),
        which in any::<prop::sample::Index>(),
        cut_end in 1u64..120,
        permit_len in 100u64..2000,
        today in plausible_today(),
    ) {
        let (start, steps) = seq;
        let mut cursor = day(start);
        let mut stays = Vec::new();
        for (gap, len) in steps {
            let from = cursor.checked_add_days(Days::new(gap)).unwrap();
            let to = from.checked_add_days(Days::new(len)).unwrap();
            stays.push(DateRange { start: from, end: to });
            cursor = to;
        }
        let permit = DateRange {
            start: day(start),
            end: day(start).checked_add_days(Days::new(permit_len)).unwrap(),
        };
        let i = which.index(stays.len());
        let mut shorter = stays.clone();
        shorter[i] = shorten(stays[i], 0, cut_end);
        let mut fewer = stays.clone();
        fewer.remove(i);

        let rank = |s: &[DateRange]| {
            let a = temporary_case(permit, s);
            let case = Case::from_answers(&a, today).expect("valid");
            absence_rank(&evaluate(&case, today))
        };
        let full = rank(&stays);
        prop_assert!(full.is_some());
        prop_assert!(rank(&shorter) <= full);
        prop_assert!(rank(&fewer) <= full);
    }
}

// ---------------------------------------------------------------------------------------------
// Rule-book scenarios for absence (L-38, L-39) through the engine
// ---------------------------------------------------------------------------------------------

#[test]
fn scenario_39_three_year_permit_203_days_is_at_risk() {
    let r = |a, b| DateRange::new(a, b).unwrap();
    let stays = [
        r(ymd(2025, 1, 10), ymd(2025, 5, 31)),
        r(ymd(2025, 10, 1), ymd(2025, 11, 30)),
    ];
    let permit = r(ymd(2024, 6, 1), ymd(2027, 5, 31));
    let today = ymd(2026, 11, 22);
    let case = Case::from_answers(&temporary_case(permit, &stays), today).unwrap();
    let d = evaluate(&case, today);
    let f = d.finding(FindingKey::AbsenceTemporaryPermit).unwrap();
    assert_eq!(f.verdict, Verdict::Yes);
    // Dropping the second stay (61 days) leaves 142 days: not at risk.
    let case = Case::from_answers(&temporary_case(permit, &stays[..1]), today).unwrap();
    let d = evaluate(&case, today);
    assert_eq!(
        d.finding(FindingKey::AbsenceTemporaryPermit)
            .unwrap()
            .verdict,
        Verdict::No
    );
}

#[test]
fn scenario_38_one_year_permit_200_days_exceeds_and_181_is_borderline() {
    let permit = DateRange::new(ymd(2025, 1, 1), ymd(2025, 12, 31)).unwrap();
    let stay = |days: u64| {
        vec![DateRange {
            start: ymd(2025, 2, 1),
            end: ymd(2025, 2, 1)
                .checked_add_days(Days::new(days - 1))
                .unwrap(),
        }]
    };
    let today = ymd(2026, 11, 22);
    let rank = |days| {
        let case = Case::from_answers(&temporary_case(permit, &stay(days)), today).unwrap();
        absence_rank(&evaluate(&case, today)).unwrap()
    };
    assert_eq!(rank(200), 2);
    assert_eq!(rank(181), 1);
    assert_eq!(rank(184), 1);
    assert_eq!(rank(150), 0);
}

// ---------------------------------------------------------------------------------------------
// Known bugs, found by the properties above (strict form of the "missing is unanswered" invariant)
// ---------------------------------------------------------------------------------------------

fn answered_but_missing(a: &Answers, today: NaiveDate) -> Vec<(&'static str, &'static str)> {
    let case = Case::from_answers(a, today).expect("valid answers");
    let d = evaluate(&case, today);
    let json = serde_json::to_value(a).unwrap();
    let mut out = Vec::new();
    for f in &d.findings {
        if let Verdict::Maybe { missing } = &f.verdict {
            for q in missing {
                if !unanswered(&json, q.name()) {
                    out.push((f.key.as_str(), q.name()));
                }
            }
        }
    }
    out
}

#[test]

fn a_card_situation_with_no_reason_for_a_new_card_is_not_asked_again() {
    let today = ymd(2026, 11, 22);
    let a = Answers {
        citizenship: Some(Citizenship::Other),
        status: Some(Status::PermanentPermit),
        applied_for: Some(AppliedFor::NewCardOnly),
        card_situation: Some(vec![]),
        ..Answers::default()
    };
    assert_eq!(answered_but_missing(&a, today), vec![]);
    let a = Answers {
        citizenship: Some(Citizenship::Other),
        status: Some(Status::EuRegistration),
        card_situation: Some(vec![CardSituation::ExpiringSoon]),
        ..Answers::default()
    };
    assert_eq!(answered_but_missing(&a, today), vec![]);
}

#[test]

fn an_unknown_status_is_not_asked_again_for_a_new_card() {
    let today = ymd(2026, 11, 22);
    for status in [Status::NoneYet, Status::DontKnow] {
        let a = Answers {
            citizenship: Some(Citizenship::Other),
            status: Some(status),
            card_situation: Some(vec![CardSituation::Expired]),
            ..Answers::default()
        };
        assert_eq!(answered_but_missing(&a, today), vec![], "{status:?}");
    }
}

#[test]

fn a_child_born_after_the_application_is_not_asked_for_a_date_of_birth_again() {
    let today = ymd(2026, 11, 22);
    let a = Answers {
        citizenship: Some(Citizenship::Other),
        brexit_role: Some(BrexitRole::FamilyMember),
        application_date: Some(ymd(2020, 6, 1)),
        date_of_birth: Some(ymd(2020, 12, 19)),
        uk_family: UkFamilyAnswers {
            relationship: Some(UkRelationship::Descendant),
            uk_national_basis: Some(UkNationalBasis::WorkerOrFunds),
            ..UkFamilyAnswers::default()
        },
        ..Answers::default()
    };
    assert_eq!(answered_but_missing(&a, today), vec![]);
}

/// R-080 "two years within four": the worst four-year period is the *earliest* one with the most
/// days, and its limit (24 months from its start, 730 or 731 days) depends on that start. Adding a
/// short, earlier trip can move the reported window to one whose limit is a day longer, turning
/// "exceeded" into "borderline": the classification is not monotone in the stays.
#[test]

fn adding_a_stay_never_lowers_the_two_years_in_four_result() {
    use residence_checker::engine::absence::Threshold;
    let r = |a, b| DateRange::new(a, b).unwrap();
    // 738 days from 2025-03-01; two years from then = 730 days: 8 over, Exceeded.
    let long = r(ymd(2025, 3, 1), ymd(2027, 3, 8));
    let before = check_two_years_in_four(&[long]);
    assert_eq!(before.days_abroad, 738);
    assert_eq!(before.threshold, Threshold::Exceeded);
    // Add 8 days in March 2023: the period from 2023-03-01 also holds 738 days, but two years
    // from 2023-03-01 is 731 days (29 Feb 2024), so it is "7 over": Borderline.
    let after = check_two_years_in_four(&[r(ymd(2023, 3, 1), ymd(2023, 3, 8)), long]);
    assert!(after.days_abroad >= before.days_abroad);
    assert!(
        after.threshold >= before.threshold,
        "adding a stay lowered the classification: {before:?} -> {after:?}"
    );
}

/// R-105 rolling year: `check_six_months_per_year` only tries one-year windows that start on the
/// first day of a *merged* stay. That finds the maximum for fixed-length windows, but a one-year
/// window is 366 days when it holds 29 February, so the worst window may start inside a merged
/// stay. Here the 366-day window 2031-04-07…2032-04-06 holds 347 days abroad; once an earlier stay
/// adjacent to the first one is added, 2031-04-07 is no longer a stay start and the reported
/// maximum drops to 346 (adding a stay *reduced* the days abroad).
#[test]

fn the_rolling_year_finds_366_day_windows_that_start_inside_a_stay() {
    let r = |a, b| DateRange::new(a, b).unwrap();
    let period = r(ymd(2022, 7, 25), ymd(2032, 4, 6));
    let stays = vec![
        r(ymd(2031, 4, 7), ymd(2031, 10, 10)),
        r(ymd(2031, 10, 30), ymd(2032, 4, 6)),
    ];
    let before = check_six_months_per_year(&stays, period).rolling_year;
    assert_eq!(before.days_abroad, 347);
    let mut more = stays.clone();
    more.push(r(ymd(2030, 10, 30), ymd(2031, 4, 6)));
    let after = check_six_months_per_year(&more, period).rolling_year;
    // The window 2031-04-07..=2032-04-06 still holds 347 days abroad.
    assert_eq!(
        days_abroad_in(&more, r(ymd(2031, 4, 7), ymd(2032, 4, 6))),
        347
    );
    assert_eq!(after.days_abroad, 347, "{after:?}");
}

proptest! {
    /// The small line form in which the report worker hands loaded answers to the page keeps
    /// every answer exactly, whatever the answers (wild dates, any DUF text, long lists).
    #[test]
    fn answers_survive_the_line_form_unchanged(answers in wild_answers()) {
        let lines = residence_checker::wire::lines::to_lines(&answers);
        prop_assert_eq!(residence_checker::wire::lines::from_lines(&lines), Some(answers));
    }

    /// Any text: reading it never panics, and whatever is accepted writes back the same.
    #[test]
    fn the_line_form_reads_any_text_without_panicking(text in "\\PC{0,80}") {
        if let Some(a) = residence_checker::wire::lines::from_lines(&text) {
            prop_assert_eq!(residence_checker::wire::lines::from_lines(&residence_checker::wire::lines::to_lines(&a)), Some(a));
        }
    }
}
