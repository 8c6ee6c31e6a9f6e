//! One plan: the result never contradicts itself or the applicant's own answers.
//!
//! Every invariant below is checked over every enumerated path of the flow, each evaluated on
//! three days: the day the answers were given, three months later and two years later (the
//! answers stay, time passes). Each invariant is its own test, named as the property it holds.
//! The ones of issue 22 ("one plan") are named after the situation a person met: a step that a
//! finding says cannot be done, a past date written as a coming one, a booked appointment that
//! is not the next step, a travel ban for someone who lives abroad, card steps for someone the
//! rules do not cover, a step that assumes an application the answers do not give, two dates
//! for one event, a trip that is not judged.

use std::sync::OnceLock;
use std::time::Instant;

use chrono::{Months, NaiveDate};
use residence_checker::domain::answers::{Answers, CardSituation as C};
use residence_checker::domain::case::Case;
use residence_checker::engine::decision::{
    ChecklistItem, DateKey, Decision, FindingKey as F, ItemKey as I, ItemKind, ItemState, Verdict,
};
use residence_checker::engine::evaluate;
use residence_checker::engine::plan::{Step, StepKey, When};
use residence_checker::engine::situation::{CardTrack, Eligibility, Said, CONTRADICTIONS};
use residence_checker::engine::tense::FUTURE_DATES;
use residence_checker::flow::enumerate::walk_all;
use residence_checker::text::{lookup, render::item_text, tr, Lang};

fn walk_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).expect("date")
}

/// The answers of every enumerated path.
fn paths() -> &'static [Answers] {
    static PATHS: OnceLock<Vec<Answers>> = OnceLock::new();
    PATHS.get_or_init(|| {
        walk_all(&Answers::default(), walk_day())
            .expect("the flow walks")
            .into_iter()
            .map(|w| w.answers)
            .collect()
    })
}

/// The days each path is evaluated on.
fn days() -> [NaiveDate; 3] {
    let d = walk_day();
    [
        d,
        d.checked_add_months(Months::new(3)).unwrap_or(d),
        d.checked_add_months(Months::new(24)).unwrap_or(d),
    ]
}

/// Runs `check` on every (path, day) pair; collects at most a few failures with their answers.
fn every_case(name: &str, check: impl Fn(&Answers, NaiveDate, &Decision) -> Option<String>) {
    let started = Instant::now();
    let mut pairs = 0usize;
    let mut failures = Vec::new();
    for a in paths() {
        for day in days() {
            let Ok(case) = Case::from_answers(a, day) else {
                continue;
            };
            let d = evaluate(&case, day);
            pairs += 1;
            if let Some(problem) = check(a, day, &d) {
                if failures.len() < 3 {
                    failures.push(format!("{day}: {problem}\n  answers: {a:?}"));
                }
            }
        }
    }
    println!(
        "{name}: {pairs} (path, day) pairs in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    assert!(pairs > 50_000, "only {pairs} pairs");
    assert!(failures.is_empty(), "{name}:\n{}", failures.join("\n"));
}

fn item(d: &Decision, key: I) -> Option<&ChecklistItem> {
    d.checklist.iter().find(|i| i.key == key)
}

/// An item the applicant is told to do (not shown as done).
fn told_to(d: &Decision, key: I) -> bool {
    item(d, key).is_some_and(|i| i.state != ItemState::Done)
}

fn card_is(a: &Answers, wanted: &[C]) -> bool {
    a.card_situation
        .as_ref()
        .is_some_and(|s| s.iter().any(|c| wanted.contains(c)))
}

#[test]
fn no_to_do_is_dated_before_today_unless_it_is_overdue_and_says_what_to_do_now() {
    every_case("overdue", |_, day, d| {
        for i in &d.checklist {
            let past = i.due.is_some_and(|due| due < day);
            match i.state {
                ItemState::Todo if past => {
                    return Some(format!("{:?} is to do by a past day", i.key))
                }
                ItemState::Overdue => {
                    let own = format!("item.{}.overdue", i.key.as_str());
                    for lang in Lang::ALL {
                        let now =
                            lookup(lang, &own).unwrap_or_else(|| tr(lang, "ui.checklist.overdue"));
                        if !item_text(lang, i).contains(now) {
                            return Some(format!(
                                "{:?} is overdue without saying what to do now",
                                i.key
                            ));
                        }
                    }
                    if !past {
                        return Some(format!("{:?} is overdue but its day is ahead", i.key));
                    }
                }
                _ => {}
            }
        }
        // Dates to remember that ask for an action are not in the past.
        d.dates
            .iter()
            .find(|k| {
                matches!(k.key, DateKey::RenewalRecommended | DateKey::OrderNewCardBy)
                    && k.date < day
            })
            .map(|k| format!("{:?} on {} is in the past", k.key, k.date))
    });
}

#[test]
fn nothing_tells_the_applicant_to_do_what_their_answers_say_is_done() {
    every_case("done", |a, day, d| {
        if a.renewal_handed_in().is_some_and(|s| s <= day) {
            if told_to(d, I::SubmitRenewal) || told_to(d, I::RegisterRenewalOnline) {
                return Some("a handed-in renewal is to be applied for again".into());
            }
            if d.finding(F::RenewalDeadline).is_some() || d.finding(F::RenewalLeadTime).is_some() {
                return Some("a handed-in renewal gets the apply-by findings".into());
            }
        }
        if a.appointment_date.is_some() && told_to(d, I::BookAppointment) {
            return Some("a booked appointment is to be booked again".into());
        }
        if a.appointment_date.is_some() && told_to(d, I::FindDufNumber) {
            return Some(
                "a card ordered (an appointment booked) needs its DUF number found".into(),
            );
        }
        let letter_read = matches!(
            a.letter_says_meet_police,
            Some(
                residence_checker::domain::answers::LetterSays::Yes
                    | residence_checker::domain::answers::LetterSays::No
            )
        );
        if letter_read && told_to(d, I::CheckDecisionLetter) {
            return Some("someone who said what the letter says is told to read it".into());
        }
        let applied_permanent = a.applied_for
            == Some(residence_checker::domain::answers::AppliedFor::PermanentPermit)
            && a.application_date.is_some_and(|x| x <= day);
        if applied_permanent && told_to(d, I::ApplyPermanent) {
            return Some("an applicant for a permanent permit is told to apply".into());
        }
        None
    });
}

#[test]
fn a_lost_stolen_damaged_wrong_or_expired_card_is_ordered_now_not_by_a_later_date() {
    let now = [
        C::Lost,
        C::Stolen,
        C::Damaged,
        C::WrongInformation,
        C::ReceivedDefective,
        C::NameOrOtherChange,
        C::Expired,
    ];
    every_case("order now", |a, day, d| {
        let replace = card_is(a, &now) || a.card_expiry.is_some_and(|e| e < day);
        if !replace || !d.finding(F::NewCard).is_some_and(|f| f.is_yes()) {
            return None;
        }
        if let Some(i) = item(d, I::OrderNewCard).filter(|i| i.due.is_some()) {
            return Some(format!("the card is to be ordered by {:?}", i.due));
        }
        if d.finding(F::OrderBy).is_some() || d.date(DateKey::OrderNewCardBy).is_some() {
            return Some("an order-by date for a card to replace now".into());
        }
        (d.situation.card != CardTrack::OrderNow)
            .then(|| format!("card track {:?}", d.situation.card))
    });
}

#[test]
fn nothing_is_to_be_brought_that_the_answers_say_the_applicant_cannot_bring() {
    every_case("bring", |a, _, d| {
        let no_old_card = card_is(a, &[C::Lost, C::Stolen]) || a.hand_in_old_card == Some(false);
        if no_old_card && item(d, I::BringOldCard).is_some() {
            return Some("bring the old card, which is lost, stolen or kept".into());
        }
        if let Some(f) = d.finding(F::OrderProcess) {
            if no_old_card && f.get_key("old_card") == Some("bring") {
                return Some("the order process says bring the old card".into());
            }
        }
        if a.new_passport_recently == Some(false) && item(d, I::BringOldPassport).is_some() {
            return Some("bring an old passport, but there is no new one".into());
        }
        if a.stays_abroad.as_ref().is_some_and(Vec::is_empty)
            && d.plan.bring.iter().any(|i| i.key == I::ListTripsAbroad)
        {
            return Some("a list of trips abroad, but there are none".into());
        }
        None
    });
}

#[test]
fn a_police_report_only_for_a_lost_or_stolen_card() {
    every_case("police report", |a, _, d| {
        (item(d, I::PoliceReport).is_some() && !card_is(a, &[C::Lost, C::Stolen]))
            .then(|| "a police report for a card that is not lost or stolen".into())
    });
}

#[test]
fn nothing_assumes_a_permit_will_be_granted_when_the_answers_rule_it_out() {
    let assumes = [
        I::BookAppointment,
        I::WaitForPolice,
        I::NamesOnLetterbox,
        I::PostenRegistration,
        I::TellPoliceNewAddress,
        I::WaitForCardBeforeTravel,
        I::BringGuardian,
    ];
    every_case("eligibility", |_, _, d| {
        if d.situation.eligibility != Eligibility::No {
            return None;
        }
        if let Some(i) = assumes.iter().find(|k| item(d, **k).is_some()) {
            return Some(format!("{i:?} although the application cannot be granted"));
        }
        [
            F::PostalDelivery,
            F::NoTravelUntilCard,
            F::CardArrival,
            F::Appointment,
        ]
        .iter()
        .find(|k| d.finding(**k).is_some())
        .map(|k| format!("{k:?} although the application cannot be granted"))
    });
}

#[test]
fn nothing_about_booking_an_appointment_when_the_card_comes_by_post() {
    every_case("post", |_, _, d| {
        if d.situation.card != CardTrack::ComingByPost {
            return None;
        }
        if told_to(d, I::BookAppointment) || item(d, I::WaitForPolice).is_some() {
            return Some("an appointment item while the card comes by post".into());
        }
        d.finding(F::HowToBook)
            .map(|_| "how to book while the card comes by post".into())
    });
}

#[test]
fn no_two_findings_with_opposite_messages_on_the_same_topic() {
    every_case("contradictions", |_, _, d| {
        CONTRADICTIONS
            .iter()
            .find(|(x, y)| x.is_in(&d.findings) && y.is_in(&d.findings))
            .map(|(x, y)| format!("{x:?} and {y:?} both shown"))
    });
}

#[test]
fn every_planned_trip_gets_a_verdict_or_names_what_is_missing() {
    every_case("travel", |a, day, d| {
        let departure = a.planned_departure.filter(|x| *x >= day)?;
        if d.situation.eligibility == Eligibility::No {
            // No card is coming; the trip is not judged against one.
            return None;
        }
        let on_the_way = !matches!(d.situation.card, CardTrack::NotNeeded);
        match d.finding(F::TripBeforeCard) {
            None if on_the_way => Some(format!("no verdict for the trip on {departure}")),
            Some(f) => match &f.verdict {
                Verdict::Maybe { missing }
                    if missing.is_empty() && f.get_key("unknown").is_none() =>
                {
                    Some("the trip cannot be judged, and nothing is named".into())
                }
                _ => (f.get_date("departure") != Some(departure))
                    .then(|| "the verdict is for another day".into()),
            },
            None => None,
        }
    });
}

#[test]
fn things_to_bring_are_never_overdue_and_done_items_are_things_to_do() {
    every_case("kinds", |_, _, d| {
        d.checklist
            .iter()
            .find(|i| i.kind == ItemKind::Bring && i.state != ItemState::Todo)
            .map(|i| format!("{:?} to bring is {:?}", i.key, i.state))
    });
}

#[test]
fn the_plan_starts_with_the_booked_appointment_then_what_is_overdue() {
    every_case("next step", |a, day, d| {
        if let Some(s) = d.plan.steps.iter().find(|s| s.state == ItemState::Done) {
            return Some(format!("{} (done) as a step", s.name()));
        }
        let first = d.plan.steps.first()?;
        let booked = a.appointment_date.filter(|on| *on >= day);
        let appointment = d
            .plan
            .steps
            .iter()
            .any(|s| s.event() == Some(DateKey::Appointment));
        if booked.is_some() && appointment {
            return (first.event() != Some(DateKey::Appointment))
                .then(|| format!("{} before the booked appointment", first.name()));
        }
        let overdue = d.plan.steps.iter().any(|s| s.state == ItemState::Overdue);
        (overdue && first.state != ItemState::Overdue)
            .then(|| format!("{} before what is overdue", first.name()))
    });
}

/// The two journeys of issue 13, in words: a stolen card (L74) and a renewal handed in on
/// time (L73).
#[test]
fn the_plan_of_the_stolen_card_and_the_handed_in_renewal() {
    use residence_checker::report::view::build;
    let day = walk_day();
    let stolen = Answers {
        citizenship: Some(residence_checker::domain::answers::Citizenship::Other),
        status: Some(residence_checker::domain::answers::Status::PermanentPermit),
        applied_for: Some(residence_checker::domain::answers::AppliedFor::NewCardOnly),
        card_situation: Some(vec![C::Stolen]),
        card_expiry: NaiveDate::from_ymd_opt(2029, 3, 31),
        ..Answers::default()
    };
    let view = build(Lang::En, day, &stolen, None);
    let texts: Vec<&str> = view.plan.iter().map(|s| s.text.as_str()).collect();
    let position = |key: &str| texts.iter().position(|t| t.starts_with(tr(Lang::En, key)));
    let report = position("item.police_report").expect("a police report step");
    let order = position("item.order_new_card").expect("an order step");
    let book = position("item.book_appointment").expect("a booking step");
    assert!(report < order && order < book, "{texts:?}");
    assert_eq!(view.plan[order].when, tr(Lang::En, "plan.when.now"));
    assert!(texts.iter().all(|t| !t.contains("2028")), "{texts:?}");
    assert!(!view
        .bring_items
        .iter()
        .any(|i| i.contains(tr(Lang::En, "item.bring_old_card"))));

    let renewal = Answers {
        citizenship: Some(residence_checker::domain::answers::Citizenship::Other),
        status: Some(residence_checker::domain::answers::Status::Temporary),
        applied_for: Some(residence_checker::domain::answers::AppliedFor::Renewal),
        permit_expiry: NaiveDate::from_ymd_opt(2026, 12, 31),
        application_date: NaiveDate::from_ymd_opt(2026, 10, 20),
        ..Answers::default()
    };
    let view = build(Lang::En, day, &renewal, None);
    let apply = tr(Lang::En, "item.submit_renewal");
    assert!(
        view.plan.iter().all(|s| !s.text.contains(apply)),
        "{:?}",
        view.plan
    );
    let done = tr(Lang::En, "ui.checklist.done");
    assert!(
        view.done
            .iter()
            .any(|i| i.contains(apply) && i.contains(done)),
        "{:?}",
        view.done
    );
    assert!(view
        .dates
        .iter()
        .all(|(label, _)| label != tr(Lang::En, "date.renewal_recommended")));
}

// ---------------------------------------------------------------------------------------------
// One plan (issue 22).

/// A step the plan tells the applicant to do, now or by a day (not one for later, "when you are
/// back in Norway", nor one shown as done).
fn step_to_do(d: &Decision, key: I) -> Option<&Step> {
    d.plan
        .steps
        .iter()
        .find(|s| s.key == StepKey::Do(key) && s.when != When::Then)
}

/// Why something cannot be done, whether the result says so, and the steps it rules out.
type Cannot = (&'static str, fn(&Decision) -> bool, &'static [I]);

/// What a finding says cannot be done, with the steps it rules out (the conditions in the
/// rules' own words).
const CANNOT: &[Cannot] = &[
    (
        "a card cannot be ordered from abroad (R-048)",
        |d| d.finding(F::LostAbroad).is_some(),
        &[I::OrderNewCard, I::PayFee, I::BookAppointment],
    ),
    (
        "no new card: renew instead, or the permit has expired (R-041, R-043)",
        |d| {
            d.finding(F::NewCard)
                .is_some_and(|f| f.verdict == Verdict::No)
        },
        &[I::OrderNewCard, I::PayFee],
    ),
    (
        "the card comes by post (R-012, R-019)",
        |d| Said::with(F::Appointment, "route", Some("post")).is_in(&d.findings),
        &[I::BookAppointment, I::WaitForPolice],
    ),
    (
        "the police call you in: do not book (R-016, R-017)",
        |d| {
            Said::with(F::Appointment, "route", Some("police_summons")).is_in(&d.findings)
                || Said::with(F::Appointment, "route", Some("wait_for_notice")).is_in(&d.findings)
        },
        &[I::BookAppointment],
    ),
    (
        "collective protection is extended without an application (R-131)",
        |d| d.finding(F::CollectiveExtension).is_some(),
        &[I::SubmitRenewal, I::RegisterRenewalOnline],
    ),
    (
        "new applications for collective protection are not assessed (R-137)",
        |d| d.finding(F::CollectiveNewArrival).is_some(),
        &[
            I::OrderNewCard,
            I::PayFee,
            I::BookAppointment,
            I::NamesOnLetterbox,
        ],
    ),
    (
        "a card cannot be ordered without a valid permit or from abroad (R-043)",
        |d| {
            d.finding(F::OrderRequirements)
                .is_some_and(|f| f.verdict == Verdict::No)
        },
        &[I::OrderNewCard, I::PayFee, I::BookAppointment],
    ),
];

#[test]
fn no_step_that_a_finding_of_the_same_result_says_cannot_be_done() {
    every_case("cannot", |_, _, d| {
        for (why, says, ruled_out) in CANNOT {
            if !says(d) {
                continue;
            }
            if let Some(s) = ruled_out.iter().find_map(|k| step_to_do(d, *k)) {
                return Some(format!("step {} although {why}", s.name()));
            }
        }
        None
    });
}

#[test]
fn no_day_before_the_day_evaluated_is_written_as_a_coming_one() {
    every_case("tense", |_, day, d| {
        for s in d.plan.steps.iter().chain(&d.plan.done) {
            if let Some(date) = s.when.date().filter(|w| *w < day) {
                return Some(format!("step {} is {:?}, before {day}", s.name(), date));
            }
            if s.start.is_some_and(|st| st <= day) {
                return Some(format!("step {} starts on a passed day", s.name()));
            }
            if s.since.is_some_and(|st| st > day) || s.passed.is_some_and(|p| p >= day) {
                return Some(format!("step {}: since or passed is ahead", s.name()));
            }
            // A passed day is a step for now (or done), never dated.
            if s.passed.is_some() && s.when != When::Now {
                return Some(format!("step {} passed but not for now", s.name()));
            }
        }
        if let Some(k) = d.dates.iter().find(|k| k.date < day) {
            return Some(format!("the date to remember {:?} has passed", k.key));
        }
        for f in &d.findings {
            for (key, param) in FUTURE_DATES {
                if f.key == *key && f.get_date(param).is_some_and(|x| x < day) {
                    return Some(format!(
                        "{:?}.{param} is worded as coming but has passed",
                        key
                    ));
                }
            }
        }
        None
    });
}

/// The words that would write a date as coming are never given one of the dates the tense
/// rules list: a finding's title and body hold none of them (each is a sentence of its own,
/// which a passed date leaves for its `_passed` words), and every passed date that is kept has
/// its words in every language.
#[test]
fn coming_dates_have_past_words_and_titles_and_bodies_hold_none() {
    use residence_checker::engine::tense::passed_name;
    for (key, param) in FUTURE_DATES {
        for lang in Lang::ALL {
            for verdict in ["yes", "no", "maybe"] {
                for part in ["title", "body"] {
                    let k = format!("finding.{}.{verdict}.{part}", key.as_str());
                    let words = lookup(lang, &k).unwrap_or_default();
                    assert!(
                        !words.contains(&format!("{{{param}}}")),
                        "{k} uses {{{param}}}"
                    );
                }
            }
            if let Some(name) = passed_name(param) {
                let sentence = format!("finding.{}.{param}", key.as_str());
                let past = format!("finding.{}.{name}", key.as_str());
                if lookup(lang, &sentence).is_some() && param != &"earliest" {
                    assert!(lookup(lang, &past).is_some(), "{lang:?}: no {past}");
                }
            }
        }
    }
}

#[test]
fn a_booked_appointment_is_the_next_step_until_its_day() {
    every_case("appointment", |a, day, d| {
        let on = a.appointment_date.filter(|on| *on >= day)?;
        let event = d
            .plan
            .steps
            .iter()
            .position(|s| s.event() == Some(DateKey::Appointment))?;
        (event != 0).then(|| {
            format!(
                "the appointment on {on} is step {}, after {}",
                event + 1,
                d.plan.steps[0].name()
            )
        })
    });
}

#[test]
fn no_travel_ban_for_people_who_live_abroad() {
    every_case("abroad", |a, _, d| {
        if a.frontier_lives_abroad != Some(true) {
            return None;
        }
        if let Some(s) = [I::WaitForCardBeforeTravel, I::MoveTrip]
            .iter()
            .find_map(|k| d.plan.steps.iter().find(|s| s.key == StepKey::Do(*k)))
        {
            return Some(format!("{} for someone who lives abroad", s.name()));
        }
        [F::NoTravelUntilCard, F::TripBeforeCard]
            .iter()
            .find(|k| d.finding(**k).is_some())
            .map(|k| format!("{k:?} for someone who lives abroad"))
    });
}

#[test]
fn no_card_police_or_letterbox_steps_for_someone_the_rules_do_not_cover() {
    let steps = [
        I::BookAppointment,
        I::WaitForPolice,
        I::NamesOnLetterbox,
        I::PostenRegistration,
        I::TellPoliceNewAddress,
        I::WaitForCardBeforeTravel,
        I::CarryBrexitReceipt,
        I::OrderNewCard,
    ];
    every_case("not covered", |a, _, d| {
        if d.situation.eligibility != Eligibility::No {
            return None;
        }
        // Another permit's card may still be replaced: only without one is there no card.
        let holds_permit = matches!(
            a.status,
            Some(
                residence_checker::domain::answers::Status::Temporary
                    | residence_checker::domain::answers::Status::BrexitTemporary
                    | residence_checker::domain::answers::Status::PermanentPermit
                    | residence_checker::domain::answers::Status::PermanentRight
            )
        );
        if let Some(s) = d.plan.steps.iter().find(|s| {
            s.item()
                .is_some_and(|i| steps.contains(&i) && !(holds_permit && i == I::OrderNewCard))
                || matches!(
                    s.event(),
                    Some(DateKey::Appointment | DateKey::CardExpectedBy)
                )
        }) {
            return Some(format!("{} for someone the rules do not cover", s.name()));
        }
        [
            F::BrexitTravelPending,
            F::BrexitPoliceProcess,
            F::TravelWithCard,
            F::PostalDelivery,
        ]
        .iter()
        .filter(|k| !(holds_permit && **k == F::TravelWithCard))
        .find(|k| d.finding(**k).is_some())
        .map(|k| format!("{k:?} for someone the rules do not cover"))
    });
}

#[test]
fn no_step_assumes_an_application_the_answers_do_not_give() {
    use residence_checker::domain::questions::Question;
    use residence_checker::text::render::{question_summary, situation_line};
    let applied = question_summary(Lang::En, Question::AppliedFor);
    let status = question_summary(Lang::En, Question::Status);
    every_case("application", |a, _, d| {
        // The situation line says only what the applicant said (a status implied by what was
        // applied for, "none yet", is false for someone whose first permit was granted).
        if a.status.is_none() && situation_line(Lang::En, a).contains(&status) {
            return Some("the situation says a status the answers do not give".into());
        }
        if a.applied_for.is_some() {
            return None;
        }
        if let Some(s) = step_to_do(d, I::CheckDecisionLetter) {
            return Some(format!("{}: no application was given", s.name()));
        }
        situation_line(Lang::En, a)
            .contains(&applied)
            .then(|| "the situation says what was applied for".into())
    });
}

/// Where a finding names the day of an event the plan dates too: (finding, parameter, the
/// plan's date key).
const EVENT_DAYS: &[(F, &str, DateKey)] = &[
    (F::CardArrival, "expected_by", DateKey::CardExpectedBy),
    (
        F::CollectiveExtension,
        "new_expiry",
        DateKey::CollectiveNewExpiry,
    ),
    (
        F::CollectiveExtension,
        "letter_around",
        DateKey::CollectiveLetter,
    ),
    (
        F::CollectiveFiveYears,
        "five_years",
        DateKey::CollectiveFiveYears,
    ),
    (
        F::CollectiveFiveYears,
        "check_from",
        DateKey::CollectiveCheckUdi,
    ),
    (F::RenewalDeadline, "deadline", DateKey::RenewalDeadline),
    (F::OrderBy, "order_by", DateKey::OrderNewCardBy),
    (F::TripBeforeCard, "departure", DateKey::Trip),
    (
        F::PermanentApplicationTiming,
        "earliest",
        DateKey::PermanentApplicationEarliest,
    ),
];

#[test]
fn one_date_per_event_across_the_page() {
    every_case("one date", |_, _, d| {
        // The plan's own: one day per date key.
        let mut seen: Vec<(DateKey, NaiveDate)> = Vec::new();
        for s in &d.plan.steps {
            if let (Some(key), Some(day)) = (s.date_key, s.when.date()) {
                if let Some((_, other)) = seen.iter().find(|(k, _)| *k == key) {
                    if *other != day {
                        return Some(format!("{key:?} on {other} and {day}"));
                    }
                }
                seen.push((key, day));
            }
        }
        // The dates to remember and the checklist say the plan's days.
        for k in &d.dates {
            if let Some((_, day)) = seen.iter().find(|(key, _)| *key == k.key) {
                if *day != k.date {
                    return Some(format!(
                        "{:?}: {} in the dates, {day} in the plan",
                        k.key, k.date
                    ));
                }
            }
        }
        // The findings name the same day for the same event.
        for (finding, param, key) in EVENT_DAYS {
            let Some(said) = d.finding(*finding).and_then(|f| f.get_date(param)) else {
                continue;
            };
            if let Some((_, day)) = seen.iter().find(|(k, _)| k == key) {
                if *day != said {
                    return Some(format!(
                        "{finding:?}.{param} is {said}, the plan says {day}"
                    ));
                }
            }
        }
        None
    });
}

#[test]
fn a_trip_is_judged_whenever_it_is_known() {
    every_case("trip", |a, day, d| {
        let departure = a.planned_departure.filter(|x| *x >= day)?;
        if d.situation.eligibility == Eligibility::No || a.frontier_lives_abroad == Some(true) {
            return None;
        }
        let verdict = d.finding(F::TripBeforeCard);
        let step = d
            .plan
            .steps
            .iter()
            .find(|s| s.event() == Some(DateKey::Trip));
        match (verdict, step) {
            (None, _) if d.situation.card == CardTrack::NotNeeded => None,
            (None, _) => Some(format!("no verdict for the trip on {departure}")),
            (Some(_), None) => Some(format!("the trip on {departure} is not in the plan")),
            (Some(f), Some(s)) => {
                // a card that expires before the trip is a warning, not a maybe.
                if f.params.contains_key("card_expiry") && f.verdict != Verdict::Yes {
                    return Some("a card expiring before the trip is not a warning".into());
                }
                (s.case.is_none()).then(|| "the trip's step has no verdict".into())
            }
        }
    });
}

#[test]
fn a_step_points_to_the_things_to_bring_only_when_something_is_listed() {
    use residence_checker::text::render::step_words;
    let heading = tr(Lang::En, "ui.checklist.bring").to_string();
    every_case("bring", |_, day, d| {
        if !d.plan.bring.is_empty() {
            return None;
        }
        d.plan
            .steps
            .iter()
            .find(|s| step_words(Lang::En, s, day).text.contains(&heading))
            .map(|s| {
                format!(
                    "step {} points to \"{heading}\", and nothing is listed",
                    s.name()
                )
            })
    });
}

#[test]
fn every_day_to_act_by_is_among_the_dates_to_remember() {
    every_case("act by", |_, _, d| {
        let dates = d.plan.key_dates();
        d.plan.steps.iter().find_map(|s| match s.when {
            When::By(day) if s.item().is_some() && !dates.iter().any(|k| k.date == day) => Some(
                format!("{} by {day} is not among the dates to remember", s.name()),
            ),
            _ => None,
        })
    });
}

/// Issue 24: a lost-card result listed the Brexit pages and a students' page among its
/// sources. A page written for one group is listed only for a reader the answers place in it
/// (the Brexit pages for a UK national, a family member or frontier worker under the Brexit
/// rules, or a Brexit permit; the students' pages for a study permit), unless the finding
/// would have no source left; and every finding keeps a source.
#[test]
fn no_finding_lists_a_page_for_a_group_the_answers_do_not_place_the_reader_in() {
    use residence_checker::domain::answers::{
        AppliedFor, Basis, BrexitRole, Citizenship, Status, Topic,
    };
    use residence_checker::domain::refs::Audience;
    every_case("sources", |a, _, d| {
        let brexit = a.citizenship == Some(Citizenship::Uk)
            || matches!(
                a.brexit_role,
                Some(
                    BrexitRole::FamilyMember
                        | BrexitRole::FrontierWorker
                        | BrexitRole::FrontierWorkerFamily
                )
            )
            || a.basis == Some(Basis::Brexit)
            || a.status == Some(Status::BrexitTemporary)
            || a.applied_for == Some(AppliedFor::BrexitPermit)
            || a.topic == Some(Topic::Brexit);
        let student = a.basis == Some(Basis::Study);
        d.findings.iter().find_map(|f| {
            if f.sources.is_empty() {
                return Some(format!("{:?} has no source", f.key));
            }
            let foreign = |s: &&residence_checker::domain::refs::Source| match s.audience() {
                Audience::Brexit => !brexit,
                Audience::Students => !student,
                _ => false,
            };
            // A finding whose every page is for another group keeps them (its only sources).
            if f.sources.iter().all(|s| foreign(&s)) {
                return None;
            }
            let wrong = f.sources.iter().find(foreign)?;
            Some(format!(
                "{:?} lists {} ({})",
                f.key,
                wrong.id(),
                wrong.description()
            ))
        })
    });
}

/// Issue 24's walks: a first permit's appointment step said "Bring the things listed under
/// 'Things to bring'", and the list held only the trips to list for a permanent permit. The
/// step points to the list only when something on it is for the appointment, and always when
/// something is.
#[test]
fn the_appointment_step_points_to_things_to_bring_only_when_some_are_for_it() {
    every_case("bring", |_, _, d| {
        let for_it = d.plan.bring.iter().any(|i| i.key != I::ListTripsAbroad);
        let step = d
            .plan
            .steps
            .iter()
            .find(|s| s.key == StepKey::Event(DateKey::Appointment))?;
        let points = step.case.is_none();
        (points != for_it).then(|| {
            format!(
                "the appointment step {} to the list, which holds {:?}",
                if points { "points" } else { "does not point" },
                d.plan.bring.iter().map(|i| i.key).collect::<Vec<_>>()
            )
        })
    });
}
