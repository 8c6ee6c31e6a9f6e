//! One plan: the result never contradicts itself or the applicant's own answers.
//!
//! Every invariant below is checked over every enumerated path of the flow, each evaluated on
//! three days: the day the answers were given, three months later and two years later (the
//! answers stay, time passes). Each invariant is its own test, named as the property it holds.

use std::sync::OnceLock;
use std::time::Instant;

use chrono::{Months, NaiveDate};
use residence_checker::domain::answers::{Answers, CardSituation as C};
use residence_checker::domain::case::Case;
use residence_checker::engine::decision::{
    ChecklistItem, DateKey, Decision, FindingKey as F, ItemKey as I, ItemKind, ItemState, Verdict,
};
use residence_checker::engine::evaluate;
use residence_checker::engine::situation::{CardTrack, Eligibility, CONTRADICTIONS};
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
fn the_next_step_is_the_most_urgent_thing_still_to_do() {
    use residence_checker::engine::situation::next_steps;
    every_case("next step", |_, _, d| {
        let steps = next_steps(d);
        if steps.len() > 3 {
            return Some("more than three next steps".into());
        }
        if let Some(i) = steps
            .iter()
            .find(|i| i.state == ItemState::Done || i.kind != ItemKind::Do)
        {
            return Some(format!("{:?} ({:?}) as a next step", i.key, i.state));
        }
        let overdue = d.checklist.iter().any(|i| i.state == ItemState::Overdue);
        (overdue && steps.first().is_none_or(|i| i.state != ItemState::Overdue))
            .then(|| "an overdue item is not the first step".into())
    });
}

/// The two journeys of the issue, in words: a stolen card (L74) and a renewal handed in on
/// time (L73).
#[test]
fn the_next_step_of_the_stolen_card_and_the_handed_in_renewal() {
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
    let first = view.next_step.first().cloned().unwrap_or_default();
    assert!(
        first.starts_with(tr(Lang::En, "item.order_new_card")),
        "{first}"
    );
    assert!(!first.contains("2028"), "{first}");
    assert!(view
        .do_items
        .iter()
        .any(|i| i.contains(tr(Lang::En, "item.police_report"))));
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
        view.next_step.iter().all(|s| !s.contains(apply)),
        "{:?}",
        view.next_step
    );
    let done = tr(Lang::En, "ui.checklist.done");
    assert!(
        view.do_items
            .iter()
            .any(|i| i.contains(apply) && i.contains(done)),
        "{:?}",
        view.do_items
    );
    assert!(view
        .dates
        .iter()
        .all(|(label, _)| label != tr(Lang::En, "date.renewal_recommended")));
}
