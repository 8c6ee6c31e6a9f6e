//! The plan: one dated, numbered list of steps from the day evaluated, in the order they must
//! happen, that a person can follow without a mistake.
//!
//! The area rules give findings; [`super::checklist`] turns them into things to do and bring,
//! and the rules give key dates. [`build`] puts these together once, with the situation and the
//! applicant's own dates (a booked appointment, a trip), into a [`Plan`]: steps to do now, steps
//! to do by a date, events to wait for (a letter, the card in the post, an expiry, the
//! five-year date, the trip with its verdict), and steps that follow them. The checklist, the
//! next step, the key dates and the calendar file are views of the plan
//! ([`Plan::checklist`], [`Plan::key_dates`], [`Plan::next`]), never of the findings.
//!
//! **Every date is classified against the day evaluated, here.** A step's [`When`] never holds
//! a day before it: a deadline that has passed is a step for now, marked overdue; an event that
//! was expected and has passed is a step for now worded "if it has not happened, do this"
//! ([`Step::passed`]); an "earliest day" that has passed is "you can do this now". So no
//! renderer can write a past date as a coming one.
//!
//! Part of the engine: may import `domain` and the engine's decision types. Pure and never
//! panicking.

use chrono::NaiveDate;
use serde::Serialize;

use super::decision::{
    ChecklistItem, DateKey as D, Decision, FindingKey as F, ItemKey as I, ItemKind, ItemState,
    KeyDate,
};
use super::situation::CardTrack;
use crate::domain::answers::{Answers, LetterSays, Place};
use crate::domain::refs::RuleId;
use crate::domain::sort::sort_by_key;

/// What a step is: something to do, or an event the applicant waits for (named by its date).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "type", content = "key", rename_all = "snake_case")]
pub enum StepKey {
    /// A thing to do (a checklist item).
    Do(I),
    /// An event on (or about) a day.
    Event(D),
}

/// When a step happens. The dates here are never before the day evaluated: [`build`] turns a
/// passed day into [`When::Now`] with [`Step::passed`] set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "when", content = "date", rename_all = "snake_case")]
pub enum When {
    /// To do now (or, for an event that was expected, what to do now that its day has passed).
    Now,
    /// To do by this day.
    By(NaiveDate),
    /// To do from this day (not before).
    From(NaiveDate),
    /// An event on this day.
    On(NaiveDate),
    /// An event about this day.
    Around(NaiveDate),
    /// After the step before it; no date can be given.
    Then,
}

impl When {
    /// The day, if the step has one.
    pub fn date(self) -> Option<NaiveDate> {
        match self {
            When::By(d) | When::From(d) | When::On(d) | When::Around(d) => Some(d),
            When::Now | When::Then => None,
        }
    }
}

/// Where a day stands against the day evaluated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tense {
    /// Before it.
    Past,
    /// The day itself.
    Today,
    /// After it.
    Future,
}

impl Tense {
    /// The tense of `date` on `today`.
    pub fn of(date: NaiveDate, today: NaiveDate) -> Tense {
        match date.cmp(&today) {
            std::cmp::Ordering::Less => Tense::Past,
            std::cmp::Ordering::Equal => Tense::Today,
            std::cmp::Ordering::Greater => Tense::Future,
        }
    }
}

/// One step of the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    /// What it is.
    pub key: StepKey,
    /// When. Never a day before the day evaluated.
    pub when: When,
    /// The step's own day when it has passed (a deadline, an expected event): the words say
    /// what to do now.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub passed: Option<NaiveDate>,
    /// The first day it can happen, if that is still ahead (the card may come from; apply
    /// from).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<NaiveDate>,
    /// The day since which it can be done, when that has passed ("you can do this now").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since: Option<NaiveDate>,
    /// To do, overdue (its day passed) or done.
    pub state: ItemState,
    /// What it costs, in NOK, if anything.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost: Option<u32>,
    /// The other possible cost, when it depends.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost_alt: Option<u32>,
    /// A key that words the step for its case (a trip's verdict, the card by post, after the
    /// return to Norway).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub case: Option<&'static str>,
    /// The key date the step's day is shown as (in "Dates to remember" and the calendar).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_key: Option<D>,
    /// The findings it comes from (the reasons).
    pub findings: Vec<F>,
    /// The rules it applies.
    pub rules: Vec<RuleId>,
}

impl Step {
    fn new(key: StepKey, when: When) -> Step {
        Step {
            key,
            when,
            passed: None,
            start: None,
            since: None,
            state: ItemState::Todo,
            cost: None,
            cost_alt: None,
            case: None,
            date_key: None,
            findings: Vec::new(),
            rules: Vec::new(),
        }
    }

    /// The step's name: its item's key, or its event's date key (`order_new_card`,
    /// `card_expected_by`, `trip`).
    pub fn name(&self) -> &'static str {
        match self.key {
            StepKey::Do(i) => i.as_str(),
            StepKey::Event(d) => d.as_str(),
        }
    }

    /// The item, for a step to do.
    pub fn item(&self) -> Option<I> {
        match self.key {
            StepKey::Do(i) => Some(i),
            StepKey::Event(_) => None,
        }
    }

    /// The event's date key, for an event.
    pub fn event(&self) -> Option<D> {
        match self.key {
            StepKey::Event(d) => Some(d),
            StepKey::Do(_) => None,
        }
    }

    /// The step's day, whether still ahead or passed.
    pub fn day(&self) -> Option<NaiveDate> {
        self.when.date().or(self.passed)
    }
}

/// The plan: numbered steps, what the answers say is done, and what to bring.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Plan {
    /// The steps from the day evaluated, in order.
    pub steps: Vec<Step>,
    /// What the answers say is done already (not numbered).
    pub done: Vec<Step>,
    /// What to bring (to the appointment).
    pub bring: Vec<ChecklistItem>,
}

impl Plan {
    /// The next step: the first of the plan.
    pub fn next(&self) -> Option<&Step> {
        self.steps.first()
    }

    /// The checklist as a view of the plan: the steps to do in the plan's order, then what is
    /// done, then what to bring.
    pub fn checklist(&self) -> Vec<ChecklistItem> {
        let item = |s: &Step| {
            let key = s.item()?;
            Some(ChecklistItem {
                key,
                kind: ItemKind::Do,
                due: s.when.date().or(s.passed),
                cost: s.cost,
                cost_alt: s.cost_alt,
                state: s.state,
                rules: s.rules.clone(),
            })
        };
        self.steps
            .iter()
            .chain(&self.done)
            .filter_map(item)
            .chain(self.bring.iter().cloned())
            .collect()
    }

    /// The key dates as a view of the plan: every day of a step that is still ahead (or
    /// today), with the first day of a step that has one, in date order. A day that has passed
    /// is not a date to remember: its step says what to do now.
    pub fn key_dates(&self) -> Vec<KeyDate> {
        let mut dates: Vec<KeyDate> = Vec::new();
        let mut add = |key: D, date: NaiveDate, rules: &[RuleId]| {
            if !dates.iter().any(|d| d.key == key) {
                dates.push(KeyDate {
                    key,
                    date,
                    rules: rules.to_vec(),
                });
            }
        };
        for s in &self.steps {
            if let (Some(key), Some(date)) = (s.date_key, s.when.date()) {
                add(key, date, &s.rules);
            }
            if let (Some(start), Some(key)) = (s.start, start_key(s.key)) {
                add(key, start, &s.rules);
            }
        }
        // Date order, then key order.
        sort_by_key(&mut dates, |k| (k.date, k.key));
        dates
    }
}

/// The key date of a step's first day. (The card's earliest day is said in its step, not as a
/// second date of the same event.)
fn start_key(key: StepKey) -> Option<D> {
    match key {
        StepKey::Do(I::SubmitRenewal) => Some(D::RenewalRecommended),
        _ => None,
    }
}

/// Things done now, in the order they must happen: what comes first in the process comes
/// first (report the theft before ordering, order before paying and booking, book before the
/// appointment), then what prepares the post, then what can wait a little.
const NOW_ORDER: &[I] = &[
    I::CheckDecisionLetter,
    I::ContactEmbassy,
    I::SignedExplanation,
    I::PoliceReport,
    I::RegisterEu,
    I::ApplyEuFamilyCard,
    I::SubmitRenewal,
    I::RegisterRenewalOnline,
    I::ContactUdi,
    I::ExplainLateApplication,
    I::ApplyPermanent,
    I::ApplyToKeepPermanent,
    I::FindDufNumber,
    I::OrderNewCard,
    I::PayFee,
    I::BookAppointment,
    I::BookChildFingerprints,
    I::WaitForPolice,
    I::MoveTrip,
    I::CheckUdiFiveYears,
    I::CheckBrexitCardRemark,
    I::NamesOnLetterbox,
    I::PostenRegistration,
    I::TellPoliceNewAddress,
    I::WaitForCardBeforeTravel,
    I::CarryBrexitReceipt,
];

/// Items that are not done at a moment but hold while waiting: they follow the step they
/// belong to rather than being "now".
const WHILE_WAITING: &[I] = &[I::WaitForCardBeforeTravel, I::CarryBrexitReceipt];

/// Events that say "from this day you can", whose passing means "you can do this now": they
/// become the `since` of the step they open.
const OPENS: &[(D, I)] = &[
    (D::PermanentApplicationEarliest, I::ApplyPermanent),
    (D::BrexitPermanentFrom, I::ApplyPermanent),
];

/// Items whose day is the first day to do them ("from"), not a deadline.
const FROM_DAY: &[I] = &[I::CheckUdiFiveYears];

/// Events the plan shows, with how they are dated. Dates that are the day of a step to do
/// (a deadline, the day to order by, the first day to apply) are that step's, not events;
/// "safer to travel from" is the day after the card's arrival, which the card's event and the
/// trip's verdict say.
fn event_when(key: D, date: NaiveDate) -> Option<When> {
    match key {
        D::CardExpiry
        | D::PermitExpiry
        | D::CollectiveNewExpiry
        | D::CollectiveFiveYears
        | D::PermanentRightFrom
        | D::Appointment
        | D::Trip => Some(When::On(date)),
        D::CardExpectedBy => Some(When::By(date)),
        D::CollectiveLetter => Some(When::Around(date)),
        D::ResidenceTimeMet | D::BrexitPermanentFrom => Some(When::On(date)),
        D::RenewalDeadline
        | D::RenewalRecommended
        | D::OrderNewCardBy
        | D::CardExpectedEarliest
        | D::SafeToTravelFrom
        | D::PermanentApplicationEarliest
        | D::CollectiveCheckUdi
        | D::AppointmentBy
        | D::RegisterOnlineBy => None,
    }
}

/// Events whose passing leaves something to do now (worded by the text layer as "if it has
/// not happened, do this"); other passed events are no longer steps.
fn passed_event_stays(key: D) -> bool {
    matches!(
        key,
        D::CardExpectedBy | D::CollectiveLetter | D::CollectiveFiveYears | D::PermanentRightFrom
    )
}

fn finding_of(d: &Decision, key: F) -> Option<&super::decision::Finding> {
    d.finding(key)
}

/// Builds the plan of a decision (its findings, checklist, dates and situation) for the
/// applicant's answers. Called once by `evaluate`, after the checklist's states are set.
pub(crate) fn build(d: &Decision, a: &Answers) -> Plan {
    let today = d.today;
    let mut steps: Vec<Step> = Vec::new();
    let mut done: Vec<Step> = Vec::new();
    let mut bring: Vec<ChecklistItem> = Vec::new();
    let appointment = a.appointment_date;
    let booked_ahead = appointment.filter(|on| *on >= today);
    let abroad = a.location_now == Some(Place::Abroad);
    let ordered_by_booking = matches!(
        d.situation.card,
        CardTrack::OrderNow | CardTrack::OrderBy { .. }
    ) && appointment.is_some();

    // A list of trips abroad only for someone who has trips to list (issue 24's walks: the
    // list alone under "Things to bring" for a newcomer who answered none).
    let no_trips = a.stays_abroad.as_ref().is_some_and(Vec::is_empty);
    // Things to do, from the checklist.
    for item in &d.checklist {
        if item.kind == ItemKind::Bring {
            if !(no_trips && item.key == I::ListTripsAbroad) {
                bring.push(item.clone());
            }
            continue;
        }
        let mut s = Step::new(StepKey::Do(item.key), When::Now);
        s.cost = item.cost;
        s.cost_alt = item.cost_alt;
        s.rules = item.rules.clone();
        s.findings = item_findings(d, item.key);
        s.state = item.state;
        s.date_key = item_date_key(item.key);
        // A card is ordered (and paid for) before the appointment is booked: a booked
        // appointment says both are done.
        if ordered_by_booking && matches!(item.key, I::OrderNewCard | I::PayFee) {
            s.state = ItemState::Done;
        }
        if s.state == ItemState::Done {
            s.when = When::Now;
            done.push(s);
            continue;
        }
        match item.due {
            _ if WHILE_WAITING.contains(&item.key) => s.when = When::Then,
            Some(due) if FROM_DAY.contains(&item.key) => {
                if due > today {
                    s.when = When::From(due);
                } else {
                    s.since = Some(due);
                }
            }
            Some(due) if due < today => {
                // A deadline that has passed: now, and the words say what that means.
                s.when = When::Now;
                s.passed = Some(due);
                s.state = ItemState::Overdue;
            }
            Some(due) => s.when = When::By(due),
            None => {}
        }
        // Booking for a trip: the appointment itself must be on that day at the latest; with
        // a valid card, handed in at the appointment, it may also be after the trip.
        if item.key == I::BookAppointment && matches!(s.when, When::By(_)) {
            let trip = finding_of(d, F::TripBeforeCard);
            s.case = match trip {
                Some(t) if t.get_date("book_by").is_some() => Some("book_by"),
                Some(t) if t.get_date("appointment_by").is_some() => Some("appointment_by"),
                _ => None,
            };
        }
        // from abroad the card is ordered after the return to Norway.
        if abroad && matches!(item.key, I::OrderNewCard | I::PayFee | I::BookAppointment) {
            s.when = When::Then;
            s.case = Some("back_in_norway");
        }
        steps.push(s);
    }

    // The renewal's recommended first day, while it is ahead.
    if let Some(recommended) = d.date(D::RenewalRecommended).filter(|r| *r > today) {
        if let Some(s) = steps
            .iter_mut()
            .find(|s| s.key == StepKey::Do(I::SubmitRenewal))
        {
            s.start = Some(recommended);
        }
    }

    // "From this day you can": ahead, the step waits for it; passed, it is now, since then.
    for (key, item) in OPENS {
        let Some(date) = d.date(*key) else { continue };
        let Some(s) = steps.iter_mut().find(|s| s.key == StepKey::Do(*item)) else {
            continue;
        };
        if s.state != ItemState::Todo {
            continue;
        }
        if date > today {
            if s.when.date().is_none_or(|w| date > w) {
                s.when = When::From(date);
                s.date_key = Some(*key);
            }
        } else if s.since.is_none_or(|since| date > since) {
            s.since = Some(date);
        }
    }

    // Events, from the key dates.
    for kd in &d.dates {
        let Some(when) = event_when(kd.key, kd.date) else {
            continue;
        };
        // A date that a step above already stands for (the day it opens) is not an event too.
        if OPENS
            .iter()
            .any(|(k, item)| *k == kd.key && steps.iter().any(|s| s.key == StepKey::Do(*item)))
        {
            continue;
        }
        let mut s = Step::new(StepKey::Event(kd.key), when);
        s.rules = kd.rules.clone();
        s.findings = event_findings(d, kd.key);
        s.date_key = Some(kd.key);
        if kd.date < today {
            if !passed_event_stays(kd.key) {
                continue;
            }
            s.when = When::Now;
            s.passed = Some(kd.date);
            s.date_key = None;
        }
        if kd.key == D::CardExpectedBy {
            s.start = d.date(D::CardExpectedEarliest).filter(|e| *e > today);
        }
        steps.push(s);
    }

    // The police appointment: booked (a day), or still to book, or to wait for; and the card
    // after it (none when the application cannot be granted). The letter about a
    // collective-protection extension.
    let granted = d.situation.eligibility != super::situation::Eligibility::No;
    if let Some(on) = appointment.filter(|_| granted && has_appointment(d)) {
        let mut s = Step::new(StepKey::Event(D::Appointment), When::On(on));
        s.findings = vec![F::Appointment, F::OrderProcess]
            .into_iter()
            .filter(|k| finding_of(d, *k).is_some())
            .collect();
        s.rules = vec![RuleId::R021];
        s.date_key = Some(D::Appointment);
        if on < today {
            s.when = When::Now;
            s.passed = Some(on);
            s.date_key = None;
            s.state = ItemState::Done;
            done.push(s);
        } else {
            steps.push(s);
        }
    } else if granted && has_appointment(d) && !abroad {
        // Not booked yet: the appointment follows the booking.
        let mut s = Step::new(StepKey::Event(D::Appointment), When::Then);
        s.findings = vec![F::Appointment, F::OrderProcess, F::HowToBook]
            .into_iter()
            .filter(|k| finding_of(d, *k).is_some())
            .collect();
        s.rules = vec![RuleId::R021];
        steps.push(s);
    }
    if granted && d.date(D::CardExpectedBy).is_none() {
        if let Some(case) = card_coming(d) {
            let mut s = Step::new(StepKey::Event(D::CardExpectedBy), When::Then);
            s.case = Some(case);
            s.findings = [F::CardArrival, F::CollectiveCardByPost, F::PostalDelivery]
                .into_iter()
                .filter(|k| finding_of(d, *k).is_some())
                .collect();
            s.rules = vec![RuleId::R030, RuleId::R031];
            if !abroad {
                steps.push(s);
            }
        }
    }
    if let Some(f) = finding_of(d, F::CollectiveExtension).filter(|f| f.is_yes()) {
        if let Some(around) = f.get_date("letter_around") {
            let mut s = Step::new(StepKey::Event(D::CollectiveLetter), When::Around(around));
            s.findings = vec![F::CollectiveExtension];
            s.rules = f.rules.clone();
            s.date_key = Some(D::CollectiveLetter);
            if around < today {
                s.when = When::Now;
                s.passed = Some(around);
                s.date_key = None;
            }
            steps.push(s);
        }
    }
    // The trip, with its verdict.
    if let Some(trip) = finding_of(d, F::TripBeforeCard) {
        if let Some(departure) = trip.get_date("departure").filter(|t| *t >= today) {
            let mut s = Step::new(StepKey::Event(D::Trip), When::On(departure));
            s.case = trip.get_key("case");
            s.findings = vec![F::TripBeforeCard];
            s.rules = trip.rules.clone();
            s.date_key = Some(D::Trip);
            steps.push(s);
        }
    }

    tidy(d, a, &mut steps);
    // The appointment's step points to what to bring only when something listed is for it.
    if !bring.iter().any(|i| i.key.for_the_appointment()) {
        for s in steps.iter_mut() {
            if s.key == StepKey::Event(D::Appointment) && s.case.is_none() {
                s.case = Some("nothing_listed");
            }
        }
    }
    let steps = order(steps, booked_ahead.is_some());
    Plan { steps, done, bring }
}

/// One step per thing: what another step already says is not said again, and a step is worded
/// for the situation it is in.
fn tidy(d: &Decision, a: &Answers, steps: &mut Vec<Step>) {
    let has = |steps: &[Step], key: StepKey| steps.iter().any(|s| s.key == key);
    // The card's arrival says "do not travel before it has come".
    if has(steps, StepKey::Event(D::CardExpectedBy)) {
        steps.retain(|s| s.key != StepKey::Do(I::WaitForCardBeforeTravel));
    }
    // Someone who has met the police (an appointment given), or who has said what the letter
    // says about meeting them, has read it.
    let letter_read = matches!(
        a.letter_says_meet_police,
        Some(LetterSays::Yes | LetterSays::No)
    );
    if a.appointment_date.is_some() || letter_read {
        steps.retain(|s| s.key != StepKey::Do(I::CheckDecisionLetter));
    }
    // A card ordered (an appointment booked) was ordered with the DUF number.
    if a.appointment_date.is_some() {
        steps.retain(|s| s.key != StepKey::Do(I::FindDufNumber));
    }
    // The permit ends on the five-year date: one event, worded for both.
    let five = steps
        .iter()
        .find(|s| s.key == StepKey::Event(D::CollectiveFiveYears))
        .map(|s| s.when);
    if let Some(five @ When::On(_)) = five {
        let same = |s: &Step| s.key == StepKey::Event(D::PermitExpiry) && s.when == five;
        if steps.iter().any(same) {
            steps.retain(|s| !same(s));
            if let Some(s) = steps
                .iter_mut()
                .find(|s| s.key == StepKey::Event(D::CollectiveFiveYears))
            {
                s.case = Some("permit_ends");
                s.rules.push(RuleId::R131);
            }
        }
    }
    // A renewal handed in in time keeps the rights after the permit's expiry.
    if matches!(
        d.situation.permit,
        super::situation::PermitTrack::HandedInOnTime { .. }
            | super::situation::PermitTrack::HandedInLateFallback { .. }
    ) {
        for s in steps
            .iter_mut()
            .filter(|s| s.key == StepKey::Event(D::PermitExpiry))
        {
            s.case = Some("rights_kept");
            s.findings = vec![F::RightsWhileWaiting]
                .into_iter()
                .filter(|k| d.finding(*k).is_some())
                .collect();
        }
    }
    // The remark is checked on the new card when one is coming.
    if card_coming(d).is_some() || has(steps, StepKey::Event(D::CardExpectedBy)) {
        for s in steps
            .iter_mut()
            .filter(|s| s.key == StepKey::Do(I::CheckBrexitCardRemark) && s.when == When::Now)
        {
            s.when = When::Then;
            s.case = Some("new_card");
        }
    }
}

/// Whether the card is got at a police appointment (to book, booked, or a new card's).
fn has_appointment(d: &Decision) -> bool {
    matches!(
        d.situation.card,
        CardTrack::MustBook
            | CardTrack::Booked { .. }
            | CardTrack::OrderNow
            | CardTrack::OrderBy { .. }
    ) && (d.finding(F::Appointment).is_some()
        || d.finding(F::OrderProcess).is_some()
        || d.finding(F::CollectiveCardByPost)
            .is_some_and(|f| !f.is_yes()))
}

/// How a card that is coming comes, when its day is not known: after the appointment, or by
/// post.
fn card_coming(d: &Decision) -> Option<&'static str> {
    match d.situation.card {
        CardTrack::ComingByPost => Some("post"),
        CardTrack::MustBook | CardTrack::OrderNow | CardTrack::OrderBy { .. } => {
            has_appointment(d).then_some("after_appointment")
        }
        CardTrack::WaitForPolice => Some("after_police"),
        _ => d
            .finding(F::CollectiveCardByPost)
            .filter(|f| f.is_yes())
            .map(|_| "post"),
    }
}

/// The day of a step to do, as a key date.
fn item_date_key(item: I) -> Option<D> {
    match item {
        I::SubmitRenewal => Some(D::RenewalDeadline),
        I::OrderNewCard => Some(D::OrderNewCardBy),
        I::CheckUdiFiveYears => Some(D::CollectiveCheckUdi),
        I::BookAppointment => Some(D::AppointmentBy),
        I::RegisterRenewalOnline => Some(D::RegisterOnlineBy),
        _ => None,
    }
}

/// The findings a step to do comes from (its reasons on the page).
fn item_findings(d: &Decision, item: I) -> Vec<F> {
    let from: &[F] = match item {
        I::RegisterEu => &[F::EuRegistration],
        I::ApplyEuFamilyCard => &[F::EuFamilyCard, F::BrexitEuFamily],
        I::CheckDecisionLetter => &[F::DecisionLetterPrevails],
        I::BookAppointment => &[
            F::Appointment,
            F::HowToBook,
            F::OrderProcess,
            F::TripBeforeCard,
        ],
        I::WaitForPolice => &[F::Appointment, F::BrexitPoliceProcess],
        I::NamesOnLetterbox => &[F::PostalDelivery, F::CollectiveCardByPost],
        I::PostenRegistration | I::TellPoliceNewAddress => &[F::PostalDelivery],
        I::WaitForCardBeforeTravel => &[F::TripBeforeCard, F::NoTravelUntilCard],
        I::OrderNewCard => &[F::NewCard, F::OrderBy, F::BrexitOldPermanentPermit],
        I::PayFee => &[F::Fee],
        I::FindDufNumber => &[F::DufNumber],
        I::PoliceReport | I::ContactEmbassy | I::SignedExplanation => &[F::LostAbroad, F::NewCard],
        I::SubmitRenewal => &[F::RenewalDeadline, F::BrexitTemporaryExpiring],
        I::RegisterRenewalOnline => &[F::RightsWhileWaiting],
        I::ApplyToKeepPermanent => &[F::KeepPermanentAbroad],
        I::ApplyPermanent => &[F::PermanentApplicationTiming, F::BrexitPermanent],
        I::CarryBrexitReceipt => &[F::BrexitTravelPending],
        I::ExplainLateApplication => &[F::BrexitLate],
        I::CheckBrexitCardRemark => &[F::BrexitCardRemark],
        I::ContactUdi => &[F::CollectiveNoExtension],
        I::BookChildFingerprints => &[F::CollectiveCardByPost],
        I::MoveTrip => &[F::TripBeforeCard],
        I::CheckUdiFiveYears => &[F::CollectiveFiveYears],
        _ => &[],
    };
    from.iter()
        .copied()
        .filter(|k| d.finding(*k).is_some())
        .collect()
}

/// The findings an event comes from.
fn event_findings(d: &Decision, key: D) -> Vec<F> {
    let from: &[F] = match key {
        D::CardExpectedBy | D::CardExpectedEarliest => &[F::CardArrival],
        D::CardExpiry => &[F::OrderBy, F::NewCard, F::PermanentWithoutValidCard],
        D::PermitExpiry => &[
            F::RenewalDeadline,
            F::CollectiveExtension,
            F::BrexitTemporaryExpiring,
        ],
        D::CollectiveNewExpiry => &[F::CollectiveExtension],
        D::CollectiveFiveYears => &[F::CollectiveFiveYears],
        D::ResidenceTimeMet | D::PermanentApplicationEarliest => {
            &[F::PermanentRequirements, F::PermanentApplicationTiming]
        }
        D::PermanentRightFrom => &[F::EuPermanentRight],
        D::BrexitPermanentFrom => &[F::BrexitPermanent],
        _ => &[],
    };
    from.iter()
        .copied()
        .filter(|k| d.finding(*k).is_some())
        .collect()
}

/// The plan's order: a booked appointment first until its day; then what is overdue; then
/// what is to do now, in process order; then the dated steps and events by day, with each
/// undated step right after the step it follows; a step while waiting sits before the card's
/// arrival.
fn order(steps: Vec<Step>, appointment_booked: bool) -> Vec<Step> {
    let now_rank = |s: &Step| match s.item() {
        Some(i) => NOW_ORDER
            .iter()
            .position(|k| *k == i)
            .unwrap_or(NOW_ORDER.len()),
        // Passed events first among the now steps: they say what to do about them.
        None => 0,
    };
    // Partition: a booked appointment; overdue; now; dated; then (in the order in which they
    // follow each other, so each finds the one it follows).
    let mut first: Vec<Step> = Vec::new();
    let mut overdue: Vec<Step> = Vec::new();
    let mut now: Vec<Step> = Vec::new();
    let mut dated: Vec<Step> = Vec::new();
    let mut then: Vec<Step> = Vec::new();
    for s in steps {
        if appointment_booked && s.key == StepKey::Event(D::Appointment) {
            first.push(s);
        } else if s.state == ItemState::Overdue {
            overdue.push(s);
        } else {
            match s.when {
                When::Now => now.push(s),
                When::Then => then.push(s),
                _ => dated.push(s),
            }
        }
    }
    // Stable sorts: steps of the same rank keep the order they were built in.
    sort_by_key(&mut overdue, |x| {
        (x.passed.unwrap_or(NaiveDate::MIN), now_rank(x))
    });
    sort_by_key(&mut now, now_rank);
    sort_by_key(&mut dated, |x| {
        (x.when.date().unwrap_or(NaiveDate::MAX), now_rank(x))
    });
    let mut out: Vec<Step> = Vec::new();
    out.extend(first);
    out.extend(overdue);
    out.extend(now);
    let mut now_end = out.len();
    out.extend(dated);
    // Undated steps after the step they follow: the appointment after booking it (or after
    // ordering), the card after the appointment, waiting rules before the card. A step that
    // follows one to do now comes after all of those (what is "now" is done first).
    let then_order = |s: &Step| match s.key {
        StepKey::Do(I::OrderNewCard) => 0,
        StepKey::Do(I::PayFee) => 1,
        StepKey::Do(I::BookAppointment) => 2,
        StepKey::Event(D::Appointment) => 3,
        StepKey::Event(D::CardExpectedBy) => 4,
        StepKey::Do(I::CheckBrexitCardRemark) => 6,
        _ => 5,
    };
    sort_by_key(&mut then, then_order);
    for s in then {
        let after: &[StepKey] = match s.key {
            StepKey::Event(D::Appointment) => &[
                StepKey::Do(I::BookAppointment),
                StepKey::Do(I::BookChildFingerprints),
                StepKey::Do(I::PayFee),
                StepKey::Do(I::OrderNewCard),
            ],
            StepKey::Event(D::CardExpectedBy) => &[
                StepKey::Event(D::Appointment),
                StepKey::Do(I::WaitForPolice),
                StepKey::Do(I::NamesOnLetterbox),
            ],
            StepKey::Do(I::WaitForCardBeforeTravel) | StepKey::Do(I::CarryBrexitReceipt) => &[
                StepKey::Event(D::Appointment),
                StepKey::Do(I::BookAppointment),
                StepKey::Do(I::WaitForPolice),
                StepKey::Do(I::NamesOnLetterbox),
            ],
            StepKey::Do(I::PayFee) => &[StepKey::Do(I::OrderNewCard)],
            StepKey::Do(I::BookAppointment) => {
                &[StepKey::Do(I::PayFee), StepKey::Do(I::OrderNewCard)]
            }
            StepKey::Do(I::CheckBrexitCardRemark) => &[StepKey::Event(D::CardExpectedBy)],
            _ => &[],
        };
        let follows = after
            .iter()
            .find_map(|k| out.iter().position(|x| x.key == *k));
        let at = match follows {
            Some(p) if p >= now_end => p + 1,
            _ => now_end,
        };
        if at <= now_end {
            now_end += 1;
        }
        out.insert(at.min(out.len()), s);
    }
    out
}
