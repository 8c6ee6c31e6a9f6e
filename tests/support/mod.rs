//! Answer generators shared by the property tests (`tests/properties.rs`) and the codec tests
//! (`tests/codec.rs`): a *wild* generator (every field optional, every enum variant, dates
//! anywhere in chrono's range including `NaiveDate::MIN`/`MAX`, DUF numbers of random
//! characters, overlapping and reversed stays) and a *plausible* one (dates in the accepted
//! range, stays that do not overlap). Each test crate uses only some of them.
#![allow(dead_code)]

use chrono::{Datelike, Days, NaiveDate};
use proptest::prelude::*;
use proptest::sample::select;
use residence_checker::domain::answers::*;
use residence_checker::domain::case::{EARLIEST_DATE, LATEST_DATE};

/// The number of cases: `n`, or `PROPTEST_CASES` when set (for a deeper run, e.g.
/// `PROPTEST_CASES=5000 cargo test --test properties`).
pub fn cases(n: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(n)
}

pub fn day(n: i32) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(n).unwrap_or(NaiveDate::MIN)
}

pub fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub fn days_between(a: NaiveDate, b: NaiveDate) -> std::ops::RangeInclusive<i32> {
    a.num_days_from_ce()..=b.num_days_from_ce()
}

/// Any date chrono can represent, biased towards interesting places.
pub fn wild_date() -> BoxedStrategy<NaiveDate> {
    let min = NaiveDate::MIN.num_days_from_ce();
    let max = NaiveDate::MAX.num_days_from_ce();
    prop_oneof![
        4 => days_between(ymd(1990, 1, 1), ymd(2035, 12, 31)).prop_map(day),
        2 => days_between(ymd(1, 1, 1), ymd(9999, 12, 31)).prop_map(day),
        1 => (min..=max).prop_map(day),
        1 => (min..=min + 1000).prop_map(day),
        1 => (max - 1000..=max).prop_map(day),
        1 => select(vec![
            NaiveDate::MIN,
            NaiveDate::MAX,
            ymd(1899, 12, 31),
            EARLIEST_DATE,
            LATEST_DATE,
            ymd(2200, 1, 1),
            ymd(2020, 12, 31),
            ymd(2021, 4, 16),
            ymd(2024, 2, 29),
        ]),
    ]
    .boxed()
}

/// A date the validation accepts (1900…2199), mostly recent.
pub fn plausible_date() -> BoxedStrategy<NaiveDate> {
    prop_oneof![
        6 => days_between(ymd(1995, 1, 1), ymd(2032, 12, 31)).prop_map(day),
        1 => days_between(EARLIEST_DATE, LATEST_DATE).prop_map(day),
        1 => select(vec![EARLIEST_DATE, LATEST_DATE, ymd(2020, 12, 31), ymd(2021, 12, 31)]),
    ]
    .boxed()
}

pub fn wild_today() -> BoxedStrategy<NaiveDate> {
    wild_date()
}

pub fn plausible_today() -> BoxedStrategy<NaiveDate> {
    prop_oneof![
        4 => days_between(ymd(2020, 1, 1), ymd(2030, 12, 31)).prop_map(day),
        1 => days_between(EARLIEST_DATE, LATEST_DATE).prop_map(day),
    ]
    .boxed()
}

pub fn reason() -> impl Strategy<Value = AbsenceReason> {
    select(vec![
        AbsenceReason::PregnancyChildbirth,
        AbsenceReason::SeriousIllness,
        AbsenceReason::StudiesResearchTraining,
        AbsenceReason::Secondment,
        AbsenceReason::MilitaryCivilianService,
        AbsenceReason::WorkAbroad,
        AbsenceReason::Other,
    ])
}

/// Stays as typed by anyone: overlapping, reversed, anywhere.
pub fn wild_stays() -> BoxedStrategy<Vec<Stay>> {
    let stay = prop_oneof![
        3 => (wild_date(), -40i64..400, reason()).prop_map(|(from, len, reason)| {
            let to = if len >= 0 {
                from.checked_add_days(Days::new(len.unsigned_abs()))
            } else {
                from.checked_sub_days(Days::new(len.unsigned_abs()))
            };
            Stay { from, to: to.unwrap_or(from), reason }
        }),
        1 => (wild_date(), wild_date(), reason()).prop_map(|(from, to, reason)| Stay { from, to, reason }),
    ];
    prop::collection::vec(stay, 0..300).boxed()
}

/// Stays that pass validation: consecutive, non-overlapping, in a shuffled order.
pub fn plausible_stays() -> BoxedStrategy<Vec<Stay>> {
    (
        days_between(ymd(1990, 1, 1), ymd(2030, 12, 31)),
        prop::collection::vec((1u64..90, 0u64..60, reason()), 0..300),
    )
        .prop_map(|(start, steps)| {
            let mut cursor = day(start);
            let mut stays = Vec::with_capacity(steps.len());
            for (gap, len, reason) in steps {
                let Some(from) = cursor.checked_add_days(Days::new(gap)) else {
                    break;
                };
                let Some(to) = from.checked_add_days(Days::new(len)) else {
                    break;
                };
                if to > LATEST_DATE {
                    break;
                }
                stays.push(Stay { from, to, reason });
                cursor = to;
            }
            stays
        })
        .prop_shuffle()
        .boxed()
}

pub fn basis_history(dates: BoxedStrategy<NaiveDate>) -> BoxedStrategy<Vec<BasisPeriod>> {
    let basis = select(vec![
        EeaBasis::Employee,
        EeaBasis::SelfEmployed,
        EeaBasis::Student,
        EeaBasis::SufficientFunds,
        EeaBasis::FamilyMember,
    ]);
    prop::collection::vec(
        (dates, 0u64..2000, basis, any::<bool>()).prop_map(|(from, len, basis, reversed)| {
            let to = from.checked_add_days(Days::new(len)).unwrap_or(from);
            if reversed {
                BasisPeriod {
                    from: to,
                    to: from,
                    basis,
                }
            } else {
                BasisPeriod { from, to, basis }
            }
        }),
        0..20,
    )
    .boxed()
}

pub fn wild_duf() -> BoxedStrategy<String> {
    prop_oneof![
        "\\PC{0,30}",
        ".{0,20}",
        "[0-9 ]{0,20}",
        "[0-9]{12}",
        (1850u32..2200, "[0-9]{8}").prop_map(|(y, rest)| format!("{y}{rest}")),
        (1990u32..2026, "[0-9]{6}", "[0-9]{2}").prop_map(|(y, a, b)| format!("{y} {a} {b}")),
        Just(String::new()),
        Just("٠١٢٣٤٥٦٧٨٩٠١".to_string()), // Arabic-Indic digits: not ASCII digits
        Just("2012\u{00a0}586975\u{2003}61".to_string()), // unusual whitespace
    ]
    .boxed()
}

pub fn plausible_duf() -> BoxedStrategy<String> {
    prop_oneof![
        3 => (1990u32..2020, "[0-9]{6}", "[0-9]{2}", any::<bool>()).prop_map(|(y, a, b, spaced)| {
            if spaced { format!("{y} {a} {b}") } else { format!("{y}{a}{b}") }
        }),
        1 => wild_duf(),
    ]
    .boxed()
}

pub fn o<T: std::fmt::Debug + Clone + 'static>(
    s: impl Strategy<Value = T> + 'static,
) -> BoxedStrategy<Option<T>> {
    prop::option::of(s).boxed()
}

pub fn b() -> BoxedStrategy<Option<bool>> {
    o(any::<bool>())
}

pub fn uk_family(dates: BoxedStrategy<NaiveDate>) -> BoxedStrategy<UkFamilyAnswers> {
    (
        o(select(vec![
            UkRelationship::Spouse,
            UkRelationship::Cohabitant,
            UkRelationship::Engaged,
            UkRelationship::Descendant,
            UkRelationship::Ascendant,
            UkRelationship::FosterChild,
            UkRelationship::Sibling,
            UkRelationship::NeedsCare,
            UkRelationship::OtherSupported,
        ])),
        o(select(vec![
            UkNationalBasis::WorkerOrFunds,
            UkNationalBasis::Student,
        ])),
        b(),
        b(),
        o(dates),
        b(),
        b(),
        b(),
        b(),
        b(),
        b(),
        b(),
    )
        .prop_map(
            |(
                relationship,
                uk_national_basis,
                relationship_before_2021,
                living_in_norway_by_2021,
                cohabitation_start,
                children_together,
                wedding_within_six_months,
                health_insurance,
                supported,
                foster_confirmation,
                sibling_without_caregivers_approved,
                only_carer_in_norway,
            )| UkFamilyAnswers {
                relationship,
                uk_national_basis,
                relationship_before_2021,
                living_in_norway_by_2021,
                cohabitation_start,
                children_together,
                wedding_within_six_months,
                health_insurance,
                supported,
                foster_confirmation,
                sibling_without_caregivers_approved,
                only_carer_in_norway,
            },
        )
        .boxed()
}

pub fn answers_with(
    dates: BoxedStrategy<NaiveDate>,
    stays: BoxedStrategy<Vec<Stay>>,
    duf: BoxedStrategy<String>,
) -> BoxedStrategy<Answers> {
    let place = || select(vec![Place::Norway, Place::Abroad]);
    let d = || o(dates.clone());
    let g1 = (
        o(select(vec![
            Citizenship::EuEea,
            Citizenship::Uk,
            Citizenship::Other,
        ])),
        b(),
        o(select(vec![
            BrexitRole::UkNational,
            BrexitRole::FamilyMember,
            BrexitRole::FrontierWorker,
            BrexitRole::FrontierWorkerFamily,
            BrexitRole::NotConcerned,
        ])),
        o(select(vec![
            Status::NoneYet,
            Status::Temporary,
            Status::PermanentPermit,
            Status::PermanentRight,
            Status::BrexitTemporary,
            Status::EuRegistration,
            Status::EuPermanentCertificate,
            Status::DontKnow,
        ])),
        o(select(vec![
            Basis::Work,
            Basis::Study,
            Basis::Family,
            Basis::Protection,
            Basis::Humanitarian,
            Basis::CollectiveProtection,
            Basis::Brexit,
            Basis::EuFamily,
            Basis::Other,
        ])),
        o(select(vec![
            AppliedFor::FirstPermit,
            AppliedFor::Renewal,
            AppliedFor::PermanentPermit,
            AppliedFor::PermanentRight,
            AppliedFor::DerivedRefugee,
            AppliedFor::FirstAsylumWithPolice,
            AppliedFor::BrexitPermit,
            AppliedFor::NewCardOnly,
        ])),
        d(),
        o(place()),
        o(select(vec![
            SubmittedBy::Myself,
            SubmittedBy::Employer,
            SubmittedBy::PowerOfAttorney,
        ])),
        b(),
        o(select(vec![
            TravelDocument::None,
            TravelDocument::Valid,
            TravelDocument::ExpiredHandedIn,
            TravelDocument::ExpiredNotHandedIn,
        ])),
        o(select(vec![
            LetterSays::Yes,
            LetterSays::No,
            LetterSays::Unsure,
        ])),
    );
    let card_situation = prop::collection::vec(
        select(vec![
            CardSituation::ExpiringSoon,
            CardSituation::Expired,
            CardSituation::Lost,
            CardSituation::Stolen,
            CardSituation::Damaged,
            CardSituation::WrongInformation,
            CardSituation::ReceivedDefective,
            CardSituation::NameOrOtherChange,
            CardSituation::PassportSticker,
        ]),
        0..5,
    );
    let g2 = (
        o(select(vec![Channel::Online, Channel::Paper])),
        d(),
        o(card_situation),
        d(),
        d(),
        o(place()),
        b(),
        o(duf),
        b(),
        d(),
        d(),
        b(),
    );
    let g3 = (
        d(),
        d(),
        d(),
        b(),
        b(),
        d(),
        d(),
        o(stays),
        d(),
        d(),
        b(),
        o(select(vec![
            LongAbroadReason::NationalService,
            LongAbroadReason::Work,
            LongAbroadReason::HigherStudies,
            LongAbroadReason::AccompanyingFamily,
            LongAbroadReason::Other,
        ])),
    );
    let indicators = prop::collection::vec(
        select(vec![
            OldPermitIndicator::Arrived1990sOrEarlier,
            OldPermitIndicator::PermanentSticker,
            OldPermitIndicator::EeaWorkPermanentBefore2010,
            OldPermitIndicator::NorwegianSpouseThreeYears,
        ]),
        0..4,
    );
    let g4 = (
        b(),
        d(),
        o(basis_history(dates.clone())),
        b(),
        d(),
        b(),
        d(),
        uk_family(dates.clone()),
        b(),
        b(),
        o(indicators),
        b(),
    );
    let g5 = (
        b(),
        b(),
        d(),
        b(),
        b(),
        o(select(vec![
            PermitGap::None,
            PermitGap::UpToThreeMonths,
            PermitGap::OverThreeMonths,
        ])),
        o(select(Topic::ALL.to_vec())),
        d(),
    );
    (g1, g2, g3, g4, g5)
        .prop_map(|(g1, g2, g3, g4, g5)| {
            let (
                citizenship,
                eu_family_member,
                brexit_role,
                status,
                basis,
                applied_for,
                application_date,
                applied_from,
                submitted_by,
                biometrics_taken,
                travel_document,
                letter_says_meet_police,
            ) = g1;
            let (
                channel,
                date_of_birth,
                card_situation,
                card_expiry,
                permit_expiry,
                location_now,
                hand_in_old_card,
                duf_number,
                new_passport_recently,
                new_passport_date,
                appointment_date,
                card_lost_in_mail,
            ) = g2;
            let (
                planned_departure,
                renewal_registered_online,
                _renewal_submitted,
                no_appointment_before_deadline,
                renewal_digital,
                permit_start,
                _permit_end,
                stays_abroad,
                residence_requirement_date,
                first_qualifying_permit_date,
                plan_abroad_over_two_years,
                long_abroad_reason,
            ) = g3;
            let (
                intends_to_return,
                uk_residence_start,
                uk_basis_history,
                brexit_applied_by_deadline,
                brexit_application_date,
                brexit_special_reasons,
                uk_child_birth_or_adoption,
                uk_family,
                frontier_started_by_2021,
                frontier_lives_abroad,
                old_permit_indicators,
                uk_registered_as_eu_family,
            ) = g4;
            let (
                eu_stay_over_three_months,
                eu_registered,
                eu_residence_start,
                other_citizenship,
                family_five_year_group,
                permit_gap,
                topic,
                first_collective_permit,
            ) = g5;
            Answers {
                citizenship,
                topic,
                first_collective_permit,
                eu_family_member,
                brexit_role,
                status,
                basis,
                applied_for,
                application_date,
                applied_from,
                submitted_by,
                biometrics_taken,
                travel_document,
                letter_says_meet_police,
                channel,
                date_of_birth,
                card_situation,
                card_expiry,
                permit_expiry,
                location_now,
                hand_in_old_card,
                duf_number,
                new_passport_recently,
                new_passport_date,
                appointment_date,
                card_lost_in_mail,
                planned_departure,
                renewal_registered_online,
                renewal_submitted: None,
                no_appointment_before_deadline,
                renewal_digital,
                permit_start,
                permit_end: None,
                stays_abroad,
                residence_requirement_date,
                first_qualifying_permit_date,
                plan_abroad_over_two_years,
                long_abroad_reason,
                intends_to_return,
                uk_residence_start,
                uk_basis_history,
                brexit_applied_by_deadline,
                brexit_application_date,
                brexit_special_reasons,
                uk_child_birth_or_adoption,
                uk_family,
                frontier_started_by_2021,
                frontier_lives_abroad,
                old_permit_indicators,
                uk_registered_as_eu_family,
                eu_stay_over_three_months,
                eu_registered,
                eu_residence_start,
                family_five_year_group,
                permit_gap,
                other_citizenship,
            }
        })
        .boxed()
}

pub fn wild_answers() -> BoxedStrategy<Answers> {
    answers_with(wild_date(), wild_stays(), wild_duf())
}

/// Answers and a day that usually pass validation.
pub fn plausible_case() -> BoxedStrategy<(Answers, NaiveDate)> {
    (
        answers_with(plausible_date(), plausible_stays(), plausible_duf()),
        plausible_today(),
    )
        .prop_map(|(mut a, today)| {
            if let (Some(s), Some(e)) = (a.permit_start, a.permit_expiry) {
                if e < s {
                    a.permit_start = Some(e);
                    a.permit_expiry = Some(s);
                }
            }
            if let Some(dob) = a.date_of_birth {
                a.date_of_birth = Some(dob.min(today));
            }
            if let Some(h) = a.uk_basis_history.as_mut() {
                for p in h.iter_mut() {
                    if p.to < p.from {
                        std::mem::swap(&mut p.from, &mut p.to);
                    }
                }
            }
            (a, today)
        })
        .boxed()
}

/// A second, independent base64url encoder for the tests.
pub fn base64url(bytes: &[u8]) -> String {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut bits = 0u32;
    let mut n = 0;
    let mut out = String::new();
    for b in bytes {
        bits = (bits << 8) | u32::from(*b);
        n += 8;
        while n >= 6 {
            n -= 6;
            out.push(char::from(A[((bits >> n) & 63) as usize]));
        }
    }
    if n > 0 {
        out.push(char::from(A[((bits << (6 - n)) & 63) as usize]));
    }
    out
}

/// Issue 25, the round trip: every file, link and page-to-worker request the app writes from
/// `file` (which the reader accepted) on `today`, is accepted again by the reader that reads it
/// and holds the same answers. The app writes them from the answers as loaded and, once the
/// reader restores them, as pruned to their path (`flow::prune`): the page's request to the
/// worker (`ui::save::answers_json`, with the restored file's rules version and saved result,
/// and without), the answers kept on the device (`ui::store`), the hand-off link
/// (`ui::save::handoff_link`) and, when the answers are valid, the downloaded answers file
/// (`report::answers_file`). Returns what went wrong.
pub fn written_back(
    file: &residence_checker::domain::format::AnswersFile,
    today: NaiveDate,
) -> Result<(), String> {
    use residence_checker::domain::format::{self, AnswersFile};
    use residence_checker::engine::RULES_VERSION;
    use residence_checker::ui::save::answers_json;
    use residence_checker::wire::codec;
    let (pruned, _) = residence_checker::flow::prune(
        &file.answers,
        &residence_checker::domain::questions::QuestionSet::new(),
        today,
    );
    for answers in [&file.answers, &pruned] {
        let same = |what: &str, read: Result<AnswersFile, format::FormatError>| match read {
            Ok(read) if read.answers == *answers => Ok(read),
            Ok(read) => Err(format!(
                "{what}: read back as other answers: {:?}",
                read.answers
            )),
            Err(e) => Err(format!("{what}: refused: {e}")),
        };
        for restored in [Some(file), None] {
            let request = answers_json(answers, today, restored);
            let read = same("the page's request", format::parse(&request))?;
            let rules = restored.map_or(Some(RULES_VERSION), |r| r.rules_version.as_deref());
            if read.today != Some(today)
                || read.rules_version.as_deref() != rules
                || read.result != restored.and_then(|r| r.result.clone())
            {
                return Err(format!("the page's request: read back otherwise: {read:?}"));
            }
        }
        let kept = AnswersFile::new(answers.clone(), Some(RULES_VERSION), None);
        same(
            "the stored answers",
            format::parse(&codec::write(&kept, false)),
        )?;
        same("the link", codec::from_fragment(&codec::to_fragment(&kept)))?;
        if let Ok(case) = residence_checker::domain::case::Case::from_answers(answers, today) {
            let decision = residence_checker::engine::evaluate(&case, today);
            let download = residence_checker::report::answers_file(answers, today, &decision);
            same("the downloaded file", format::parse(&download))?;
        }
    }
    Ok(())
}
