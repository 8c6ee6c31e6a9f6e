//! Issue 25, item 8: a finished journey's "maybe" ("these answers would settle it: …") names
//! only questions that journey asks. A question the reader cannot reach is no help: the result
//! then names nothing and says in words what is unknown, or the flow asks the question.
//!
//! Each shape the outside fuzzing round found is a test here, made from its journey. The
//! general property is checked over every enumerated path (`flow::enumerate::walk_all`; the
//! topic journeys also on a day of the Application Portal, before the police's booking system)
//! and over seeded,
//! time-bounded random journeys (answers, skips, changed answers and "check another topic",
//! as the app makes them; `FUZZ_SEED` and `FUZZ_SECONDS` as in `tests/fuzz.rs`). The result is
//! checked as the page shows it (`engine::evaluate`, after the topic's focus).
//!
//! The few pairs a result may name though its journey does not ask them are listed in
//! [`UNASKED`], each with its reason and the sentence that the page shows with the "maybe" to
//! say how to find the answer instead; the tests check that the sentence is there, in every
//! language, wherever the pair is named, and that every listed pair still occurs.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use residence_checker::domain::answers::*;
use residence_checker::domain::case::Case;
use residence_checker::domain::questions::{Kind, Question, QuestionSet};
use residence_checker::engine::{evaluate, Finding, Verdict};
use residence_checker::flow;
use residence_checker::flow::enumerate::{samples, walk_all};
use residence_checker::text::{lookup, render::finding_body, Lang};

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
        date_of_birth: Some(ymd(1990, 1, 1)),
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
        first_qualifying_permit_date: Some(ymd(2023, 10, 2)),
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

// ---------------------------------------------------------------------------------------------
// The general property: over every enumerated path and random journeys
// ---------------------------------------------------------------------------------------------

/// A (topic, finding, question) that a finished result may name though the journey does not
/// ask the question: why, and the sentence the page shows with the "maybe" (a catalogue key)
/// that says how to find the answer instead.
struct Unasked {
    topic: Topic,
    finding: &'static str,
    question: &'static str,
    says: &'static str,
    why: &'static str,
}

/// The pairs a result may name unasked, each saying on the page how to find the answer.
const UNASKED: &[Unasked] = &[
    Unasked {
        topic: Topic::GetCard,
        finding: "how_to_book",
        question: "channel",
        says: "finding.how_to_book.how.portal_or_phone",
        why: "By design (flow::appointment, R-021): how the application was made only refines \
              how to book, so a topic does not ask it and its result gives both ways, each with \
              what to do. Only before 27 May 2024 (UDI's Application Portal) is it a maybe; \
              since then both ways are one instruction and the finding says yes.",
    },
    Unasked {
        topic: Topic::Travel,
        finding: "card_arrival",
        question: "appointment_date",
        says: "finding.card_arrival.route.appointment",
        why: "The travel topic judges a trip against the card in hand or the earliest a new \
              card can come (R-140, R-141) and does not ask the appointment's day; the page says \
              to count at least 20 working days from the appointment (R-031).",
    },
    Unasked {
        topic: Topic::Expiring,
        finding: "card_arrival",
        question: "appointment_date",
        says: "finding.card_arrival.route.appointment",
        why: "The expiring topic asks about the renewal, not its appointment (a renewal handed \
              in before 16 April 2021 needs one, R-010); the page says to count at least 20 \
              working days from the appointment (R-031).",
    },
    Unasked {
        topic: Topic::Travel,
        finding: "fee",
        question: "hand_in_old_card",
        says: "finding.fee.amount_high",
        why: "The travel topic asks what is wrong with the card, not how it is ordered (area \
              D); a card free of charge (received defective, or a permanent status's valid \
              card) is free only if the old one is handed in, and the page gives the fee if it \
              is not (R-045).",
    },
    Unasked {
        topic: Topic::GetCard,
        finding: "collective_card_by_post",
        question: "date_of_birth",
        says: "finding.collective_card_by_post.maybe.body",
        why: "For collective protection 'get my card' asks nothing more after the automatic \
              extension (R-131), and not the permit's start after another application; the \
              page says that a child who turned six after the permit was granted must meet the \
              police (R-132), which the reader knows from the child's age.",
    },
    Unasked {
        topic: Topic::GetCard,
        finding: "collective_card_by_post",
        question: "permit_start",
        says: "finding.collective_card_by_post.maybe.body",
        why: "As for date_of_birth: the permit's start dates the sixth birthday against the \
              grant (R-132), and the page says so.",
    },
    Unasked {
        topic: Topic::GetCard,
        finding: "trip_before_card",
        question: "permit_expiry",
        says: "finding.trip_before_card.maybe.body.case.valid_card",
        why: "A temporary permit's card that is only expiring is renewed with the permit \
              (R-041), so 'get my card' does not ask the permit's expiry; a planned trip is \
              judged against the card in hand (R-141), and the page says that its expiry date \
              is printed on the card and must cover the day of leaving and of coming back.",
    },
];

/// What was checked, and what broke the property.
#[derive(Default)]
struct Tally {
    results: usize,
    named: usize,
    excepted: BTreeMap<usize, usize>,
    problems: Vec<String>,
}

/// Whether the sentence `key` is among the finding's words on the page, in every language
/// (each piece of its template between placeholders).
fn page_says(f: &Finding, key: &str) -> bool {
    Lang::ALL.iter().all(|&lang| {
        let Some(template) = lookup(lang, key) else {
            return false;
        };
        let body = finding_body(lang, f).join("\n");
        template
            .split(['{', '}'])
            .step_by(2)
            .map(str::trim)
            .filter(|piece| !piece.is_empty())
            .all(|piece| body.contains(piece))
    })
}

impl Tally {
    /// Checks the result of a finished journey. `reachable`: questions the reader can reach
    /// besides the path (after "check another topic", the full check's, which the page offers
    /// and which asks them with the answers kept).
    fn check(
        &mut self,
        answers: &Answers,
        skipped: &QuestionSet,
        today: NaiveDate,
        reachable: &QuestionSet,
        label: &dyn Fn() -> String,
    ) {
        let progress = flow::progress(answers, skipped, today);
        if !progress.is_complete() {
            return;
        }
        let Ok(case) = Case::from_answers(answers, today) else {
            return;
        };
        self.results += 1;
        let topic = answers.topic;
        for f in evaluate(&case, today).findings {
            let Verdict::Maybe { missing } = &f.verdict else {
                continue;
            };
            for q in missing {
                self.named += 1;
                if progress.path.contains(q) || reachable.contains(*q) {
                    continue;
                }
                let listed = UNASKED.iter().position(|u| {
                    Some(u.topic) == topic && u.finding == f.key.as_str() && u.question == q.name()
                });
                let problem = match listed {
                    Some(i) if page_says(&f, UNASKED[i].says) => {
                        *self.excepted.entry(i).or_default() += 1;
                        continue;
                    }
                    Some(i) => format!(
                        "{} names {} (listed) without `{}` on the page",
                        f.key.as_str(),
                        q.name(),
                        UNASKED[i].says
                    ),
                    None => format!("{} names {}, not asked", f.key.as_str(), q.name()),
                };
                if self.problems.len() < 5 {
                    self.problems.push(format!(
                        "{problem} ({:?}, {today})\n  {}\n  path: {:?}",
                        topic,
                        label(),
                        progress.path.iter().map(|q| q.name()).collect::<Vec<_>>()
                    ));
                }
            }
        }
    }

    fn assert_holds(&self, what: &str) {
        assert!(
            self.problems.is_empty(),
            "{what}: a finished result names a question its journey does not ask:\n{}",
            self.problems.join("\n")
        );
    }
}

/// The check that the page says it finds the sentence where it is shown, in every language,
/// placeholders filled, and nowhere else.
#[test]
fn the_page_check_finds_a_sentence_only_where_it_is_shown() {
    use residence_checker::engine::{FindingKey, Priority, Value};
    let fee = Finding::new(FindingKey::Fee, Verdict::maybe(&[]), Priority::Action)
        .param("amount", Value::Nok(0));
    assert!(!page_says(&fee, "finding.fee.amount_high"));
    let fee = fee.param("amount_high", Value::Nok(300));
    assert!(page_says(&fee, "finding.fee.amount_high"));
    assert!(!page_says(&fee, "finding.fee.no_such_sentence"));
}

#[test]
fn no_enumerated_path_names_a_question_it_does_not_ask_but_the_listed_pairs() {
    let started = Instant::now();
    let mut tally = Tally::default();
    // Every path today (the police's own booking system), and every topic journey on a day
    // of UDI's Application Portal, before 27 May 2024 (the full check, over a hundred times as
    // many paths, asks how the application was made, and the random journeys take it then).
    let portal = ymd(2023, 6, 1);
    let mut starts = vec![(today(), Answers::default())];
    starts.push((
        portal,
        Answers {
            citizenship: Some(Citizenship::EuEea),
            ..Answers::default()
        },
    ));
    for citizenship in [Citizenship::Uk, Citizenship::Other] {
        let start = Answers {
            citizenship: Some(citizenship),
            ..Answers::default()
        };
        for topic in flow::choice_options(Question::Topic, &start) {
            let Some(topic) = Topic::from_key(topic).filter(|t| *t != Topic::Everything) else {
                continue;
            };
            starts.push((
                portal,
                Answers {
                    topic: Some(topic),
                    ..start.clone()
                },
            ));
        }
    }
    for (day, start) in starts {
        for w in walk_all(&start, day).expect("the flow walks") {
            tally.check(&w.answers, &w.skipped, day, &QuestionSet::new(), &|| {
                format!("{:?} skipped {:?}", w.answers, w.skipped)
            });
        }
    }
    println!(
        "{} results, {} questions named, excepted {:?}, in {:.1} s",
        tally.results,
        tally.named,
        tally.excepted,
        started.elapsed().as_secs_f64()
    );
    assert!(tally.results > 100_000, "only {} results", tally.results);
    tally.assert_holds("enumerated paths");
    // Every listed pair still occurs (a stale entry would hide nothing and mislead).
    let stale: Vec<_> = (0..UNASKED.len())
        .filter(|i| !tally.excepted.contains_key(i))
        .map(|i| (UNASKED[i].topic, UNASKED[i].finding, UNASKED[i].question))
        .collect();
    assert!(stale.is_empty(), "listed pairs no path names: {stale:?}");
    // Each reason says something.
    assert!(UNASKED.iter().all(|u| u.why.len() > 40));
}

/// xorshift64*, as in `tests/fuzz.rs`: small, fast and reproducible from its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn seed() -> u64 {
    std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5EED_2026_1201)
        .max(1)
}

fn budget() -> Duration {
    let secs = std::env::var("FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3.0_f64);
    Duration::from_secs_f64(secs)
}

/// Answers the journey's open questions as the app does (`flow::check_answer`, or a skip) with
/// random sample values, until it is finished (or a value is refused where no skip is allowed).
fn finish(
    rng: &mut Rng,
    answers: &mut Answers,
    skipped: &mut QuestionSet,
    today: NaiveDate,
    log: &mut Vec<String>,
) {
    for _ in 0..100 {
        let Some(q) = flow::progress(answers, skipped, today).next else {
            return;
        };
        answer(rng, answers, skipped, q, today, log);
    }
}

fn answer(
    rng: &mut Rng,
    answers: &mut Answers,
    skipped: &mut QuestionSet,
    q: Question,
    today: NaiveDate,
    log: &mut Vec<String>,
) {
    let values = samples(q, answers, today);
    let value = values[rng.below(values.len())].clone();
    log.push(format!("{}={value:?}", q.name()));
    match value {
        Some(v) => match flow::check_answer(answers, skipped, q, v, today) {
            Ok((a, s)) => (*answers, *skipped) = (a, s),
            Err(_) if q.is_skippable() => {
                skipped.insert(q);
                (*answers, *skipped) = flow::prune(answers, skipped, today);
            }
            Err(_) => {}
        },
        None => {
            flow::clear(answers, q);
            skipped.insert(q);
            (*answers, *skipped) = flow::prune(answers, skipped, today);
        }
    }
}

/// The questions the full check asks from these answers on: its path, and the paths it takes
/// as its open questions are answered (with a plain answer each, as `flow::estimated_length`
/// counts them: the first option offered, "no", today, none, or skipped).
fn full_check_reach(answers: &Answers, skipped: &QuestionSet, today: NaiveDate) -> QuestionSet {
    use flow::AnswerValue as V;
    let mut a = Answers {
        topic: Some(Topic::Everything),
        ..answers.clone()
    };
    let mut skipped = *skipped;
    let mut reach = QuestionSet::new();
    for _ in 0..Question::ALL.len() {
        let p = flow::progress(&a, &skipped, today);
        reach.extend(p.path.iter().copied());
        let Some(q) = p.next else {
            break;
        };
        let plain = match q.kind() {
            Kind::Choice => flow::choice_options(q, &a)
                .first()
                .map(|o| V::Choice((*o).to_string())),
            Kind::MultiChoice => Some(V::Choices(Vec::new())),
            Kind::YesNo => Some(V::YesNo(false)),
            Kind::Date => Some(V::Date(today)),
            Kind::Stays => Some(V::Stays(Vec::new())),
            Kind::Text | Kind::Periods => None,
        };
        if !plain.is_some_and(|v| flow::set(&mut a, q, v)) {
            skipped.insert(q);
        }
    }
    reach
}

/// Random journeys, as the app makes them: each open question answered with one of its sample
/// values or skipped; once finished, sometimes an earlier answer changed, or another topic
/// checked (the answers kept, `flow::check_answer` on the topic as `Action::ChooseTopic` does),
/// and the journey finished again. On days before and after the booking system changed.
#[test]
fn no_random_journey_names_a_question_it_does_not_ask_but_the_listed_pairs() {
    let seed = seed();
    let mut rng = Rng(seed ^ 0x8A5E);
    let days = [ymd(2023, 6, 1), ymd(2024, 5, 20), today(), ymd(2027, 9, 1)];
    let started = Instant::now();
    let mut tally = Tally::default();
    let mut journeys = 0u64;
    let mut moved = 0u64;
    while started.elapsed() < budget() {
        let day = days[rng.below(days.len())];
        let mut a = Answers::default();
        let mut skipped = QuestionSet::new();
        let mut log = Vec::new();
        let mut changed_topic = false;
        finish(&mut rng, &mut a, &mut skipped, day, &mut log);
        let first_topic = a.topic;
        for _ in 0..rng.below(3) {
            let p = flow::progress(&a, &skipped, day);
            if !p.is_complete() {
                break;
            }
            if rng.below(2) == 0 && p.path.contains(&Question::Topic) {
                // "Check another topic" on the result page.
                let topics = flow::choice_options(Question::Topic, &a);
                let topic = topics[rng.below(topics.len())];
                log.push(format!("another topic: {topic}"));
                let value = flow::AnswerValue::Choice(topic.to_string());
                if let Ok((na, ns)) = flow::check_answer(&a, &skipped, Question::Topic, value, day)
                {
                    (a, skipped) = (na, ns);
                    moved += 1;
                }
            } else {
                // "Change" an earlier answer on the check page.
                let q = p.path[rng.below(p.path.len())];
                answer(&mut rng, &mut a, &mut skipped, q, day, &mut log);
            }
            finish(&mut rng, &mut a, &mut skipped, day, &mut log);
            // Another topic, chosen on the result page or changed on the check page.
            changed_topic |= a.topic != first_topic;
        }
        // After another topic, the page offers the full check, which asks its questions with
        // the answers kept.
        let reachable = if changed_topic {
            full_check_reach(&a, &skipped, day)
        } else {
            QuestionSet::new()
        };
        tally.check(&a, &skipped, day, &reachable, &|| {
            format!(
                "seed {seed}, journey {journeys}: {}\n  answers: {}, skipped {skipped:?}",
                log.join(", "),
                serde_json::to_string(&a).unwrap_or_default()
            )
        });
        journeys += 1;
    }
    println!(
        "seed {seed}: {journeys} journeys ({moved} moves to another topic), {} finished \
         results, {} questions named, excepted {:?}",
        tally.results, tally.named, tally.excepted
    );
    assert!(journeys > 300, "only {journeys} journeys in {:?}", budget());
    tally.assert_holds("random journeys");
}
