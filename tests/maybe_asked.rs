//! Issue 25, item 8: a finished journey's "maybe" ("these answers would settle it: …") names
//! only questions that journey asks. A question the reader cannot reach is no help: the result
//! then names nothing and says in words what is unknown, or the flow asks the question.
//!
//! Each shape the outside fuzzing round found is a test here, made from its journey.

use chrono::NaiveDate;
use residence_checker::domain::answers::*;
use residence_checker::domain::case::Case;
use residence_checker::domain::questions::{Question, QuestionSet};
use residence_checker::engine::{evaluate, Verdict};
use residence_checker::flow;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn today() -> NaiveDate {
    ymd(2026, 12, 1)
}

/// The (finding, question) pairs of the result shown for a finished journey whose "maybe"
/// names a question that the journey's path does not ask. Panics if the journey is not
/// finished: a shape is a journey the reader completed.
fn named_but_not_asked(
    answers: &Answers,
    skipped: &QuestionSet,
    today: NaiveDate,
) -> Vec<(&'static str, &'static str)> {
    let progress = flow::progress(answers, skipped, today);
    assert!(
        progress.is_complete(),
        "not a finished journey: {:?} is open",
        progress.next
    );
    let case = Case::from_answers(answers, today).expect("valid answers");
    let mut out = Vec::new();
    for f in evaluate(&case, today).findings {
        if let Verdict::Maybe { missing } = &f.verdict {
            for q in missing {
                if !progress.path.contains(q) {
                    out.push((f.key.as_str(), q.name()));
                }
            }
        }
    }
    out
}

/// An EU citizen who has stayed more than three months and not registered: the flow asks the
/// start of residence only of the registered, so the permanent right after five years does not
/// name it (it says in words that the day is not known).
#[test]
fn an_eu_citizen_who_has_not_registered_is_not_asked_for_the_start_of_residence() {
    for status in [Status::NoneYet, Status::EuRegistration, Status::DontKnow] {
        let a = Answers {
            citizenship: Some(Citizenship::EuEea),
            status: Some(status),
            eu_stay_over_three_months: Some(true),
            eu_registered: Some(false),
            ..Answers::default()
        };
        assert_eq!(
            named_but_not_asked(&a, &QuestionSet::new(), today()),
            vec![],
            "{status:?}"
        );
    }
}

/// The same for a family member of an EU/EEA citizen, whose full check never asks it.
#[test]
fn a_family_member_of_an_eu_citizen_is_not_asked_for_the_start_of_residence() {
    let a = Answers {
        citizenship: Some(Citizenship::Other),
        topic: Some(Topic::Everything),
        eu_family_member: Some(true),
        status: Some(Status::PermanentPermit),
        applied_for: Some(AppliedFor::NewCardOnly),
        basis: Some(Basis::Family),
        card_situation: Some(vec![CardSituation::Damaged]),
        card_expiry: Some(ymd(2028, 1, 1)),
        location_now: Some(Place::Norway),
        hand_in_old_card: Some(true),
        duf_number: Some("2012 586975 61".into()),
        new_passport_recently: Some(false),
        appointment_date: Some(ymd(2026, 12, 14)),
        planned_departure: Some(ymd(2027, 3, 1)),
        plan_abroad_over_two_years: Some(false),
        stays_abroad: Some(vec![]),
        ..Answers::default()
    };
    assert_eq!(
        named_but_not_asked(&a, &QuestionSet::new(), today()),
        vec![]
    );
}

/// A UK national who applied for a Brexit permit waits for the police's notice, and a
/// first-time asylum seeker is called in: the flow asks neither for the appointment's
/// day, so the card's arrival does not name it (it says that the police give the day).
#[test]
fn an_applicant_the_police_call_in_is_not_asked_for_the_appointment_date() {
    let brexit = Answers {
        citizenship: Some(Citizenship::Uk),
        topic: Some(Topic::GetCard),
        applied_for: Some(AppliedFor::BrexitPermit),
        status: Some(Status::NoneYet),
        date_of_birth: Some(ymd(1990, 5, 1)),
        ..Answers::default()
    };
    let asylum = Answers {
        citizenship: Some(Citizenship::Other),
        topic: Some(Topic::GetCard),
        applied_for: Some(AppliedFor::FirstAsylumWithPolice),
        basis: Some(Basis::Protection),
        application_date: Some(ymd(2026, 10, 1)),
        date_of_birth: Some(ymd(1990, 5, 1)),
        ..Answers::default()
    };
    for a in [brexit, asylum] {
        assert_eq!(
            named_but_not_asked(&a, &QuestionSet::new(), today()),
            vec![],
            "{:?}",
            a.applied_for
        );
    }
}

/// After "check another topic" the answers are kept: here a full check's status (permanent
/// right) stays under "get my card", where what was applied for (a renewal) says the status
/// instead (a temporary permit, `Answers::with_topic_implied`). The rules read the status the
/// topic implies; the flow read the kept one, and did not ask the travel document that the
/// rules then named.
#[test]
fn after_another_topic_the_flow_reads_the_status_the_topic_implies() {
    use flow::AnswerValue::{Choice, Date};
    let day = today();
    let choice = |s: &str| Choice(s.to_string());
    // The full check, as answered.
    let full = [
        (Question::Citizenship, choice("uk")),
        (Question::Topic, choice("everything")),
        (Question::BrexitRole, choice("not_concerned")),
        (Question::Status, choice("permanent_right")),
        (Question::AppliedFor, choice("renewal")),
        (Question::Basis, choice("work")),
        (Question::ApplicationDate, Date(ymd(2026, 10, 22))),
        (Question::AppliedFrom, choice("norway")),
        (Question::LetterSaysMeetPolice, choice("unsure")),
        (Question::Channel, choice("online")),
        (Question::DateOfBirth, Date(ymd(1990, 5, 1))),
        (Question::AppointmentDate, Date(ymd(2026, 12, 14))),
        (Question::PlannedDeparture, Date(ymd(2027, 3, 1))),
        (Question::PermitExpiry, Date(ymd(2026, 12, 31))),
        (Question::RenewalDigital, flow::AnswerValue::YesNo(true)),
        (Question::StaysAbroad, flow::AnswerValue::Stays(vec![])),
    ];
    let mut a = Answers::default();
    let mut skipped = QuestionSet::new();
    for (q, v) in full {
        assert_eq!(flow::progress(&a, &skipped, day).next, Some(q));
        (a, skipped) = flow::check_answer(&a, &skipped, q, v, day).expect("accepted");
    }
    assert!(flow::progress(&a, &skipped, day).is_complete());
    // "Check another topic": get my card. The status is kept.
    (a, skipped) =
        flow::check_answer(&a, &skipped, Question::Topic, choice("get_card"), day).expect("topic");
    assert_eq!(a.status, Some(Status::PermanentRight));
    // The rest of the journey, as the app asks it (the renewal's card comes by post unless a
    // travel document is to be turned in, R-014, R-019).
    while let Some(q) = flow::progress(&a, &skipped, day).next {
        let v = match q {
            Question::TravelDocument => choice("none"),
            _ => panic!("{} asked again", q.name()),
        };
        (a, skipped) = flow::check_answer(&a, &skipped, q, v, day).expect("accepted");
    }
    assert_eq!(named_but_not_asked(&a, &skipped, day), vec![]);
}

/// A temporary permit's holder who does not plan a permanent permit sees its residence time
/// and absence limit as background. Only planning a permanent permit asks the group's facts
/// (a family member's five-year group) and the first permit that counts; on the travel topic
/// the basis is asked only where collective protection can be chosen, and the stays abroad only
/// where a limit can be measured (`flow::permit_and_stays`). The background names none of them.
#[test]
fn background_for_a_permanent_permit_names_no_question_of_the_planning() {
    let day = today();
    let full = |basis| Answers {
        citizenship: Some(Citizenship::Other),
        topic: Some(Topic::Everything),
        eu_family_member: Some(false),
        brexit_role: Some(BrexitRole::NotConcerned),
        status: Some(Status::Temporary),
        applied_for: Some(AppliedFor::Renewal),
        basis: Some(basis),
        application_date: Some(ymd(2026, 10, 22)),
        applied_from: Some(Place::Norway),
        travel_document: Some(TravelDocument::None),
        letter_says_meet_police: Some(LetterSays::No),
        planned_departure: Some(ymd(2027, 3, 1)),
        permit_expiry: Some(ymd(2026, 12, 31)),
        renewal_digital: Some(true),
        permit_start: Some(ymd(2024, 12, 31)),
        stays_abroad: Some(vec![]),
        ..Answers::default()
    };
    let travel = |citizenship, basis| Answers {
        citizenship: Some(citizenship),
        topic: Some(Topic::Travel),
        status: Some(Status::Temporary),
        basis,
        permit_expiry: Some(ymd(2027, 1, 30)),
        card_situation: Some(vec![CardSituation::ExpiringSoon]),
        planned_departure: Some(ymd(2026, 12, 21)),
        ..Answers::default()
    };
    let mut uk = travel(Citizenship::Uk, None);
    uk.permit_start = Some(ymd(2025, 12, 1));
    uk.stays_abroad = Some(vec![]);
    let skipped_start: QuestionSet = [Question::PermitStart].into_iter().collect();
    let cases = [
        (full(Basis::Family), QuestionSet::new()),
        (full(Basis::Work), QuestionSet::new()),
        (uk, QuestionSet::new()),
        (
            travel(Citizenship::Other, Some(Basis::Family)),
            skipped_start,
        ),
    ];
    let named: Vec<_> = cases
        .iter()
        .map(|(a, skipped)| named_but_not_asked(a, skipped, day))
        .collect();
    assert_eq!(named, vec![vec![]; 4]);
}

/// On the permanent topic the applicant plans a permanent permit (the topic implies the
/// application, `Topic::implied_applied_for`), and the day of an application is not asked:
/// the Norwegian requirement, dated by the day the application is registered, uses the
/// rule in force today and says so, naming no question.
#[test]
fn planning_a_permanent_permit_is_not_asked_for_the_application_date() {
    let a = Answers {
        citizenship: Some(Citizenship::Other),
        topic: Some(Topic::Permanent),
        status: Some(Status::Temporary),
        basis: Some(Basis::Study),
        residence_requirement_date: Some(ymd(2026, 10, 2)),
        date_of_birth: Some(ymd(1991, 12, 1)),
        stays_abroad: Some(vec![]),
        permit_gap: Some(PermitGap::None),
        ..Answers::default()
    };
    assert_eq!(
        named_but_not_asked(&a, &QuestionSet::new(), today()),
        vec![]
    );
}

/// A frontier worker's full check asks only the two facts of the frontier rules, not
/// what was applied for: the police appointment does not name it.
#[test]
fn a_frontier_worker_is_not_asked_what_was_applied_for() {
    let worker = Answers {
        citizenship: Some(Citizenship::Uk),
        topic: Some(Topic::Everything),
        brexit_role: Some(BrexitRole::FrontierWorker),
        frontier_started_by_2021: Some(true),
        frontier_lives_abroad: Some(true),
        ..Answers::default()
    };
    let family = Answers {
        citizenship: Some(Citizenship::Other),
        eu_family_member: Some(false),
        brexit_role: Some(BrexitRole::FrontierWorkerFamily),
        ..worker.clone()
    };
    let named: Vec<_> = [worker, family]
        .iter()
        .map(|a| named_but_not_asked(a, &QuestionSet::new(), today()))
        .collect();
    assert_eq!(named, vec![vec![]; 2]);
}

/// A UK national's child who skips the date of birth ("I don't know yet", which it allows):
/// the date decides whether a child of 21 or more must be supported, and the walk
/// stopped at it, skipped, before the Brexit deadline's question, which the result then named.
#[test]
fn a_child_who_skips_the_date_of_birth_is_still_asked_the_brexit_deadline() {
    let child = |citizenship| Answers {
        citizenship: Some(citizenship),
        topic: Some(Topic::Brexit),
        brexit_role: Some(BrexitRole::FamilyMember),
        applied_from: Some(Place::Norway),
        uk_child_birth_or_adoption: Some(ymd(2020, 12, 31)),
        uk_family: UkFamilyAnswers {
            relationship: Some(UkRelationship::Descendant),
            uk_national_basis: Some(UkNationalBasis::WorkerOrFunds),
            relationship_before_2021: Some(true),
            ..UkFamilyAnswers::default()
        },
        ..Answers::default()
    };
    let skipped: QuestionSet = [Question::DateOfBirth].into_iter().collect();
    let named: Vec<_> = [Citizenship::Uk, Citizenship::Other]
        .into_iter()
        .map(|citizenship| {
            let mut a = child(citizenship);
            // The journey goes on to the deadline: answered, it is finished.
            if flow::progress(&a, &skipped, today()).next == Some(Question::BrexitAppliedByDeadline)
            {
                a.brexit_applied_by_deadline = Some(true);
            }
            named_but_not_asked(&a, &skipped, today())
        })
        .collect();
    assert_eq!(named, vec![vec![]; 2]);
}

/// The rules decide the appointment in the rule book's order: permanent right books one
/// then an application before 16 April 2021 does, and only then do the police
/// call in a first-time asylum seeker or tell a Brexit applicant when to book.
/// The flow took those two for police calls first, and never asked the appointment's day that
/// the rules then named.
#[test]
fn the_flow_asks_an_appointment_in_the_order_the_rules_decide_it() {
    let day = today();
    let asylum_2021 = Answers {
        citizenship: Some(Citizenship::Uk),
        topic: Some(Topic::GetCard),
        applied_for: Some(AppliedFor::FirstAsylumWithPolice),
        application_date: Some(ymd(2021, 4, 15)),
        date_of_birth: Some(ymd(2002, 6, 1)),
        ..Answers::default()
    };
    let permanent_right = Answers {
        citizenship: Some(Citizenship::Other),
        topic: Some(Topic::GetCard),
        applied_for: Some(AppliedFor::BrexitPermit),
        status: Some(Status::PermanentRight),
        date_of_birth: Some(ymd(1990, 5, 1)),
        ..Answers::default()
    };
    let named: Vec<_> = [asylum_2021, permanent_right]
        .into_iter()
        .map(|mut a| {
            // The journey as the reader finishes it: what it asks now is answered.
            while let Some(q) = flow::progress(&a, &QuestionSet::new(), day).next {
                let v = match q {
                    Question::ApplicationDate => flow::AnswerValue::Date(ymd(2026, 10, 22)),
                    Question::AppliedFrom => flow::AnswerValue::Choice("abroad".into()),
                    Question::LetterSaysMeetPolice => flow::AnswerValue::Choice("yes".into()),
                    Question::AppointmentDate => flow::AnswerValue::Date(ymd(2026, 12, 14)),
                    Question::PlannedDeparture => flow::AnswerValue::Date(ymd(2027, 3, 1)),
                    _ => panic!("{} asked", q.name()),
                };
                assert!(flow::set(&mut a, q, v));
            }
            named_but_not_asked(&a, &QuestionSet::new(), day)
        })
        .collect();
    assert_eq!(named, vec![vec![]; 2]);
}

/// A UK national with a Brexit temporary permit answers the Brexit topic, then checks the
/// permanent topic: the result there says whether a Brexit permanent permit can be applied for
/// which counts the stays abroad. Moving to the new topic dropped the stays
/// (the full check does not reach them before what was applied for is answered), and the
/// permanent topic did not ask them again, though the result named them.
#[test]
fn a_brexit_permanent_permit_on_the_permanent_topic_asks_the_stays_abroad() {
    use flow::AnswerValue::{Choice, Choices, Date, Periods, Stays, YesNo};
    let day = today();
    let choice = |s: &str| Choice(s.to_string());
    let mut a = Answers::default();
    let mut skipped = QuestionSet::new();
    let answer = |a: &mut Answers, skipped: &mut QuestionSet, q: Question| {
        let v = match q {
            Question::Citizenship => choice("uk"),
            Question::Topic => choice("brexit"),
            Question::BrexitRole => choice("uk_national"),
            Question::UkRegisteredAsEuFamily => YesNo(false),
            Question::OldPermitIndicators => Choices(vec![]),
            Question::UkResidenceStart => Date(ymd(2015, 6, 1)),
            Question::UkBasisHistory => Periods(vec![BasisPeriod {
                from: ymd(2015, 6, 1),
                to: day,
                basis: EeaBasis::Employee,
            }]),
            Question::BrexitAppliedByDeadline => YesNo(true),
            Question::Status => choice("brexit_temporary"),
            Question::PermitExpiry => Date(ymd(2027, 6, 30)),
            Question::StaysAbroad => Stays(vec![]),
            Question::Basis => choice("work"),
            _ => {
                skipped.insert(q);
                *a = flow::prune(a, skipped, day).0;
                return;
            }
        };
        (*a, *skipped) = flow::check_answer(a, skipped, q, v, day).expect("accepted");
    };
    while let Some(q) = flow::progress(&a, &skipped, day).next {
        answer(&mut a, &mut skipped, q);
    }
    assert_eq!(a.stays_abroad, Some(vec![]));
    // "Check another topic": permanent residence.
    (a, skipped) =
        flow::check_answer(&a, &skipped, Question::Topic, choice("permanent"), day).expect("topic");
    while let Some(q) = flow::progress(&a, &skipped, day).next {
        answer(&mut a, &mut skipped, q);
    }
    assert_eq!(named_but_not_asked(&a, &skipped, day), vec![]);
}

/// "Change" on the check page: a UK national's Brexit journey, then the citizenship changed
/// to another. The kept role (a UK national) is not one the question offers to other citizens,
/// but the flow took it as answered, ended the journey there, and the rules read it and named
/// the move to Norway that the journey no longer asked. An answer the question no longer offers
/// is now open again.
#[test]
fn a_changed_answer_leaves_no_answer_the_question_no_longer_offers() {
    use flow::AnswerValue::{Choice, Choices, Date, Periods, YesNo};
    let day = today();
    let choice = |s: &str| Choice(s.to_string());
    let mut a = Answers::default();
    let mut skipped = QuestionSet::new();
    let answer = |a: &mut Answers, skipped: &mut QuestionSet, q: Question| {
        let v = match q {
            Question::Citizenship => choice("uk"),
            Question::Topic => choice("brexit"),
            Question::BrexitRole => choice("uk_national"),
            Question::UkRegisteredAsEuFamily => YesNo(false),
            Question::OldPermitIndicators => Choices(vec![]),
            Question::UkResidenceStart => Date(ymd(2020, 12, 31)),
            Question::UkBasisHistory => Periods(vec![BasisPeriod {
                from: ymd(2018, 12, 1),
                to: day,
                basis: EeaBasis::Employee,
            }]),
            Question::BrexitAppliedByDeadline => YesNo(true),
            Question::Status => choice("permanent_permit"),
            _ => panic!("{} asked", q.name()),
        };
        (*a, *skipped) = flow::check_answer(a, skipped, q, v, day).expect("accepted");
    };
    while let Some(q) = flow::progress(&a, &skipped, day).next {
        answer(&mut a, &mut skipped, q);
    }
    // "Change": another citizenship. The journey asks the role again, among the roles it
    // offers to other citizens.
    (a, skipped) = flow::check_answer(&a, &skipped, Question::Citizenship, choice("other"), day)
        .expect("accepted");
    let next = flow::progress(&a, &skipped, day).next;
    if next == Some(Question::BrexitRole) {
        (a, skipped) = flow::check_answer(
            &a,
            &skipped,
            Question::BrexitRole,
            choice("not_concerned"),
            day,
        )
        .expect("accepted");
    }
    assert_eq!(named_but_not_asked(&a, &skipped, day), vec![]);
}
