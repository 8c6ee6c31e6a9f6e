//! The questionnaire as data: which question comes next for the answers so far.
//!
//! Routing only: no rule logic and no words. [`path`] walks the questions in order, asking only
//! what the applicant's situation needs (a German citizen is never asked about police
//! appointments; a UK national is asked about the Brexit rules). A question whose answer decides
//! the route ("routing question") stops the walk until it is answered; other questions may be
//! skipped where [`Question`]'s answer can honestly be "I don't know yet".
//!
//! [`prune`] drops every answer that the current path no longer reaches, so that changing an
//! earlier answer never leaves stale answers behind to influence the decision.
//!
//! May import `domain` only.

pub mod answer;
pub mod enumerate;
pub mod estimate;

use chrono::NaiveDate;

use crate::domain::answers::{
    Answers, AppliedFor, Basis, BrexitRole, CardSituation, Citizenship, LetterSays,
    LongAbroadReason, Place, Status, SubmittedBy, Topic, TravelDocument, UkNationalBasis,
    UkRelationship,
};
use crate::domain::dates::{age_on, months_before};
use crate::domain::questions::{Check, Kind, Question as Q, QuestionSet};

pub use answer::{clear, get, set, AnswerValue};
pub use estimate::estimated_length;

/// 16 April 2021: from this day biometrics are taken at submission.
const BIOMETRICS_FROM: NaiveDate = match NaiveDate::from_ymd_opt(2021, 4, 16) {
    Some(d) => d,
    None => NaiveDate::MIN,
};
/// End of the Brexit transition period.
const TRANSITION_END: NaiveDate = match NaiveDate::from_ymd_opt(2020, 12, 31) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// Where the applicant stands in the questionnaire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    /// The questions on the current path, in order (answered, skipped and still open).
    pub path: Vec<Q>,
    /// The next question to ask, or `None` when every question on the path is answered or
    /// skipped.
    pub next: Option<Q>,
    /// The questions on the path whose answers decided the route.
    pub routing: QuestionSet,
}

impl Progress {
    /// True when nothing is left to ask: the result can be shown.
    pub fn is_complete(&self) -> bool {
        self.next.is_none()
    }

    /// How many questions on the path are done (answered or skipped).
    pub fn done(&self) -> usize {
        match self.next {
            Some(q) => self.path.iter().position(|p| *p == q).unwrap_or(0),
            None => self.path.len(),
        }
    }
}

struct Walk<'a> {
    a: &'a Answers,
    today: NaiveDate,
    skipped: &'a QuestionSet,
    path: Vec<Q>,
    routing: QuestionSet,
}

impl Walk<'_> {
    /// Asks a question that does not decide the route.
    fn ask(&mut self, q: Q) {
        if !self.path.contains(&q) {
            self.path.push(q);
        }
    }

    /// Asks a question that decides the route; `None` stops the walk until it is answered.
    fn route<T>(&mut self, q: Q, value: Option<T>) -> Option<T> {
        self.ask(q);
        self.routing.insert(q);
        value.filter(|_| offered(q, self.a))
    }
}

/// Whether the answer to `q`, if any, is one that the question offers for these answers. After
/// an earlier answer changed, a kept one may not be (a UK national's role, once the citizenship
/// is another): it is no answer then, and the question is asked again (issue 25: the walk took
/// it as answered while the rules read it, and named questions the walk no longer asked).
fn offered(q: Q, a: &Answers) -> bool {
    match get(a, q) {
        Some(AnswerValue::Choice(c)) if q.kind() == Kind::Choice => {
            choice_options(q, a).contains(&c.as_str())
        }
        _ => true,
    }
}

/// The questions reached by `answers` on `today` (ages depend on it), in order, and the next
/// one to ask.
pub fn progress(answers: &Answers, skipped: &QuestionSet, today: NaiveDate) -> Progress {
    let mut w = Walk {
        a: answers,
        today,
        skipped,
        path: Vec::new(),
        routing: QuestionSet::new(),
    };
    let _ = walk(&mut w);
    let answered = answer::answered(answers);
    let done = |q: Q| (answered.contains(q) && offered(q, answers)) || w.skipped.contains(q);
    let next = w.path.iter().copied().find(|q| !done(*q));
    Progress {
        path: w.path,
        next,
        routing: w.routing,
    }
}

/// The questions reached by `answers` on `today`, in order.
pub fn path(answers: &Answers, today: NaiveDate) -> Vec<Q> {
    progress(answers, &QuestionSet::new(), today).path
}

/// The answers with everything the current path does not reach removed, and the skipped set
/// restricted to the path. Changing an earlier answer then drops the answers of the old branch.
/// Under a topic, what the full check would reach with the same answers is kept too.
///
/// The answers kept are exactly those of `answers` that the path of the kept answers reaches: a
/// stale answer that the walk reads without asking (a file's, or one left by another branch) can
/// close a part of the path, and once it is dropped that part opens again with the answers
/// given for it (issue 25: a file lost answers its restored path then asked again).
pub fn prune(answers: &Answers, skipped: &QuestionSet, today: NaiveDate) -> (Answers, QuestionSet) {
    let mut given = answers.clone();
    // A date the questions do not ask answers the yes/no they do ask before it is dropped.
    given.fill_from_unasked(today);
    // The answers of `from` to the questions `current` reaches.
    let keep = |from: &Answers, current: &Answers| {
        let reached = reached(current, today);
        let mut next = Answers::default();
        for q in reached {
            if let Some(v) = get(from, q) {
                set(&mut next, q, v);
            }
        }
        (next, reached)
    };
    // The given answers on the path the kept ones make: each round keeps what the last one
    // reached, so an answer hidden only by a dropped one comes back.
    let mut current = given.clone();
    for _ in 0..=Q::ALL.len() {
        let (next, reached) = keep(&given, &current);
        if next == current {
            return (next, skipped.intersection(reached));
        }
        current = next;
    }
    // No such answers (answers that open and close each other's questions in turn; none is
    // known): drop what is not reached until nothing changes. Each round removes at least one
    // answer, so this ends.
    loop {
        let (next, reached) = keep(&current, &current);
        if next == current {
            return (next, skipped.intersection(reached));
        }
        current = next;
    }
}

/// The questions `answers` reach: their path, and under a topic the full check's too, so that
/// moving to another topic loses nothing (the chosen topic's rules read only its own).
fn reached(answers: &Answers, today: NaiveDate) -> QuestionSet {
    let mut reached: QuestionSet = path(answers, today).into_iter().collect();
    if answers.topic.is_some_and(|t| t != Topic::Everything) {
        let full = Answers {
            topic: Some(Topic::Everything),
            ..answers.clone()
        };
        reached.extend(path(&full, today));
    }
    reached
}

fn walk(w: &mut Walk) -> Option<()> {
    let a = w.a;
    let citizenship = w.route(Q::Citizenship, a.citizenship)?;
    if citizenship == Citizenship::EuEea {
        // The EU/EEA check is short (registration and permanent right): no topic to choose.
        return eu_national(w);
    }
    match w.route(Q::Topic, a.topic)? {
        Topic::Everything => everything(w, citizenship),
        Topic::Brexit => brexit_topic(w, citizenship),
        topic => topical(w, topic),
    }
}

/// The full check ("I'm not sure: check everything"): every question the situation needs.
fn everything(w: &mut Walk, citizenship: Citizenship) -> Option<()> {
    let a = w.a;
    match citizenship {
        Citizenship::EuEea => eu_national(w),
        Citizenship::Uk => {
            match w.route(Q::BrexitRole, a.brexit_role)? {
                BrexitRole::UkNational => uk_national(w)?,
                BrexitRole::FamilyMember => uk_family(w)?,
                BrexitRole::FrontierWorker | BrexitRole::FrontierWorkerFamily => {
                    return frontier(w)
                }
                BrexitRole::NotConcerned => {}
            }
            non_eu(w)
        }
        Citizenship::Other => {
            if w.route(Q::EuFamilyMember, a.eu_family_member)? {
                return non_eu(w);
            }
            match w.route(Q::BrexitRole, a.brexit_role)? {
                BrexitRole::FamilyMember => uk_family(w)?,
                BrexitRole::FrontierWorker | BrexitRole::FrontierWorkerFamily => {
                    return frontier(w)
                }
                BrexitRole::UkNational | BrexitRole::NotConcerned => {}
            }
            non_eu(w)
        }
    }
}

/// The Brexit rules (area K): the applicant's role, its facts, and a Brexit permit's expiry.
fn brexit_topic(w: &mut Walk, citizenship: Citizenship) -> Option<()> {
    let a = w.a;
    match w.route(Q::BrexitRole, a.brexit_role)? {
        BrexitRole::UkNational if citizenship == Citizenship::Uk => uk_national(w)?,
        // A family member's Brexit rules follow from the family facts alone.
        BrexitRole::FamilyMember => return uk_family(w),
        BrexitRole::FrontierWorker | BrexitRole::FrontierWorkerFamily => return frontier(w),
        _ => return Some(()),
    }
    if w.route(Q::Status, a.status)? == Status::BrexitTemporary {
        // Signs of an old permanent permit settle the Brexit rules: the residence
        // facts are not read then.
        let old_permit = a
            .old_permit_indicators
            .as_ref()
            .is_some_and(|s| !s.is_empty());
        w.ask(Q::PermitExpiry);
        // Stays abroad count only towards a Brexit permanent permit, for someone who moved
        // by the end of 2020.
        if !old_permit && a.uk_residence_start.is_some_and(|d| d <= TRANSITION_END) {
            w.ask(Q::StaysAbroad);
        }
    }
    Some(())
}

/// One topic for a non-EU/EEA or UK citizen: the status, then only that topic's facts. What
/// the applicant applies for follows from the topic where it can
/// ([`Topic::implied_applied_for`]), so it is not asked again.
fn topical(w: &mut Walk, topic: Topic) -> Option<()> {
    let a = w.a;
    if topic == Topic::GetCard {
        return get_card(w);
    }
    let status = w.route(Q::Status, a.status)?;
    let temporary = matches!(status, Status::Temporary | Status::BrexitTemporary);
    match topic {
        Topic::GetCard => get_card(w),
        Topic::CardProblem => card(w, status),
        Topic::Expiring if temporary => {
            if collective_basis(w)? {
                collective_protection(w, status, AppliedFor::Renewal)
            } else {
                renewal(w, AppliedFor::Renewal)
            }
        }
        Topic::Expiring => card(w, status),
        // Someone without a permit is asked to choose "get my card" (travel before the card).
        Topic::Travel => {
            match status {
                Status::Temporary | Status::BrexitTemporary => {
                    if collective_basis(w)? {
                        // What travel changes here is the extension's new end date (R-131,
                        // another citizenship leaves it open whatever the stays.
                        w.ask(Q::PermitExpiry);
                        w.ask(Q::FirstCollectivePermit);
                        w.ask(Q::OtherCitizenship);
                        if a.other_citizenship != Some(true) {
                            w.ask(Q::StaysAbroad);
                        }
                    } else if status == Status::BrexitTemporary {
                        // The absence limits of are for other temporary
                        // permits; a Brexit permit's continuity is the Brexit topic's.
                        w.ask(Q::PermitExpiry);
                    } else {
                        permit_and_stays(w);
                    }
                }
                _ => keep_permanent(w, status)?,
            }
            trip_with_card(w, status)
        }
        Topic::Permanent if temporary => {
            if collective_basis(w)? {
                // What follows five years is undecided, but the five-year date is the
                // holder's own.
                w.ask(Q::FirstCollectivePermit);
                return Some(());
            }
            permanent_planning(w)?;
            // A Brexit permanent permit counts the stays abroad from a move by the end of 2020
            // where another topic gave that move (issue 25).
            let old_permit = a
                .old_permit_indicators
                .as_ref()
                .is_some_and(|s| !s.is_empty());
            if status == Status::BrexitTemporary
                && !old_permit
                && a.uk_residence_start.is_some_and(|d| d <= TRANSITION_END)
            {
                w.ask(Q::StaysAbroad);
            }
            Some(())
        }
        Topic::Permanent => keep_permanent(w, status),
        Topic::CollectiveProtection => {
            if status == Status::Temporary {
                collective_protection(w, status, AppliedFor::Renewal)?;
            }
            Some(())
        }
        Topic::Brexit | Topic::Everything => Some(()),
    }
}

/// Getting the card after an application: what was applied for, then the police appointment
/// or the post (a new card only: the card questions).
fn get_card(w: &mut Walk) -> Option<()> {
    let a = w.a;
    let applied = w.route(Q::AppliedFor, a.applied_for)?;
    // What was applied for says the status (each fact once), except for a new card only.
    let status = match Topic::implied_status(applied) {
        Some(status) => status,
        None => w.route(Q::Status, a.status)?,
    };
    if collective_basis(w)? {
        // New applications are not assessed and the extension needs no card.
        if status != Status::Temporary || applied == AppliedFor::Renewal {
            return Some(());
        }
    }
    if applied == AppliedFor::NewCardOnly {
        card(w, status)
    } else {
        appointment(w, applied, status)
    }
}

/// Asks the basis where collective protection can be chosen (it then decides the route);
/// true for collective protection.
fn collective_basis(w: &mut Walk) -> Option<bool> {
    if offers_collective_protection(w.a) {
        Some(w.route(Q::Basis, w.a.basis)? == Basis::CollectiveProtection)
    } else {
        Some(false)
    }
}

/// Planning a permanent permit (R-070 … R-079).
fn permanent_planning(w: &mut Walk) -> Option<()> {
    let a = w.a;
    // a family member's residence time depends on the person in Norway.
    let basis = w.route(Q::Basis, a.basis)?;
    if basis == Basis::Family {
        w.ask(Q::FamilyFiveYearGroup);
    }
    // Ask less, work out more: the day the residence time is met is worked out from the first
    // permit that counts, which the applicant can read in a letter; it also dates the
    // training hours of an application registered before 1 September 2025 (R-079, W46). (A
    // day given in a file, `residence_requirement_date`, is read by the command line; the app
    // drops it on restoring, as it drops every answer off the path, and asks this instead.)
    w.ask(Q::FirstQualifyingPermitDate);
    // A permanent permit on the Brexit route follows the Brexit rules only: the
    // general requirements' facts are not read.
    if a.status == Some(Status::BrexitTemporary) || basis == Basis::Brexit {
        return Some(());
    }
    w.ask(Q::DateOfBirth);
    w.ask(Q::StaysAbroad);
    w.ask(Q::PermitGap);
    Some(())
}

/// Travel on a temporary permit: its dates and the stays abroad measured against them
/// . Without the expiry the stays count only towards a later permanent permit,
/// whose limit needs the residence-time group: unknown on this journey without
/// the basis, or for a family member (the five-year group is not asked here); without the start
/// it is the same.
fn permit_and_stays(w: &mut Walk) {
    w.ask(Q::PermitStart);
    w.ask(Q::PermitExpiry);
    // Not on the Brexit route either, where the general requirements do not apply.
    let group_known =
        w.a.basis
            .is_some_and(|b| !matches!(b, Basis::Family | Basis::Brexit));
    let period_known = ![Q::PermitStart, Q::PermitExpiry]
        .iter()
        .any(|q| w.skipped.contains(*q));
    if group_known || period_known {
        w.ask(Q::StaysAbroad);
    }
}

/// Keeping a permanent permit or right while abroad (R-080 … R-083).
fn keep_permanent(w: &mut Walk, status: Status) -> Option<()> {
    let a = w.a;
    if status == Status::PermanentPermit
        && w.route(Q::PlanAbroadOverTwoYears, a.plan_abroad_over_two_years)?
    {
        // only a qualifying reason and the intention to return keep the permit;
        // where the applicant is only says what to do after the grant.
        w.ask(Q::LongAbroadReason);
        if a.long_abroad_reason != Some(LongAbroadReason::Other) {
            w.ask(Q::IntendsToReturn);
            if a.intends_to_return != Some(false) {
                w.ask(Q::LocationNow);
            }
        }
    }
    w.ask(Q::StaysAbroad);
    Some(())
}

/// UK frontier workers and their families: only the two facts of the frontier rules.
/// Both must hold: someone who did not start by 2021 is not asked where they live.
fn frontier(w: &mut Walk) -> Option<()> {
    if w.route(Q::FrontierStartedBy2021, w.a.frontier_started_by_2021)? {
        w.ask(Q::FrontierLivesAbroad);
    }
    Some(())
}

/// EU/EEA nationals: registration and permanent right only; no card, no police questions.
fn eu_national(w: &mut Walk) -> Option<()> {
    let a = w.a;
    let status = w.route(Q::Status, a.status)?;
    if matches!(
        status,
        Status::EuPermanentCertificate | Status::PermanentRight
    ) {
        return Some(());
    }
    if !w.route(Q::EuStayOverThreeMonths, a.eu_stay_over_three_months)? {
        return Some(());
    }
    if w.route(Q::EuRegistered, a.eu_registered)? {
        w.ask(Q::EuResidenceStart);
        // Stays abroad are counted from the start of residence: without it they cannot count.
        if !w.skipped.contains(Q::EuResidenceStart) {
            w.ask(Q::StaysAbroad);
        }
    }
    Some(())
}

/// UK nationals living in Norway (R-100 … R-121).
fn uk_national(w: &mut Walk) -> Option<()> {
    let a = w.a;
    w.ask(Q::UkRegisteredAsEuFamily);
    let signs = w.route(Q::OldPermitIndicators, a.old_permit_indicators.as_ref())?;
    if !signs.is_empty() {
        return Some(());
    }
    let start = w.route(Q::UkResidenceStart, a.uk_residence_start)?;
    if start <= TRANSITION_END {
        w.ask(Q::UkBasisHistory);
        brexit_deadline(w)?;
    }
    Some(())
}

fn brexit_deadline(w: &mut Walk) -> Option<()> {
    let a = w.a;
    if !w.route(Q::BrexitAppliedByDeadline, a.brexit_applied_by_deadline)? {
        w.ask(Q::BrexitSpecialReasons);
    }
    Some(())
}

/// Family members of UK nationals (R-103, R-112 … ).
fn uk_family(w: &mut Walk) -> Option<()> {
    let a = w.a;
    let f = &a.uk_family;
    let rel = w.route(Q::UkRelationship, f.relationship)?;
    // a student's family members are only the spouse, a cohabitant and children under
    // 21, so the other relationships' conditions are not asked of them.
    let student = w.route(Q::UkNationalBasis, f.uk_national_basis)? == UkNationalBasis::Student;
    w.ask(Q::AppliedFrom);
    let close = matches!(
        rel,
        UkRelationship::Spouse
            | UkRelationship::Cohabitant
            | UkRelationship::Descendant
            | UkRelationship::Ascendant
    );
    if rel == UkRelationship::Descendant {
        w.ask(Q::UkChildBirthOrAdoption);
    }
    // a child born or adopted after 2020 has neither the relationship's date nor the
    // application deadline to meet.
    let born_after_2020 = a
        .uk_child_birth_or_adoption
        .is_some_and(|d| d > TRANSITION_END);
    if !born_after_2020 {
        w.ask(Q::UkRelationshipBefore2021);
    }
    if !close {
        w.ask(Q::UkLivingInNorwayBy2021);
    }
    match rel {
        UkRelationship::Spouse => {}
        UkRelationship::Cohabitant => {
            w.ask(Q::DateOfBirth);
            if !w.route(Q::UkChildrenTogether, f.children_together)? {
                w.ask(Q::UkCohabitationStart);
            }
        }
        UkRelationship::Descendant => {
            // Children of 21 or more must be supported. The date may be skipped, so
            // the walk goes on past it (issue 25: it stopped there, before the deadline).
            let dob = w.route(Q::DateOfBirth, a.date_of_birth);
            // Routing may only depend on earlier answers, so the age is taken today.
            let age = dob.and_then(|dob| age_on(dob, w.today));
            if !student && age.is_some_and(|age| age >= 21) {
                w.ask(Q::UkSupported);
            }
        }
        _ if student => {}
        UkRelationship::Engaged => {
            w.ask(Q::UkWeddingWithinSixMonths);
            w.ask(Q::UkHealthInsurance);
        }
        UkRelationship::Ascendant | UkRelationship::OtherSupported => w.ask(Q::UkSupported),
        UkRelationship::FosterChild => {
            w.ask(Q::DateOfBirth);
            w.ask(Q::UkFosterConfirmation);
            w.ask(Q::UkHealthInsurance);
        }
        UkRelationship::Sibling => {
            w.ask(Q::DateOfBirth);
            w.ask(Q::UkSiblingApproved);
            w.ask(Q::UkHealthInsurance);
        }
        UkRelationship::NeedsCare => {
            w.ask(Q::UkOnlyCarer);
            w.ask(Q::UkHealthInsurance);
        }
    }
    if born_after_2020 {
        return Some(());
    }
    brexit_deadline(w)
}

/// Everyone who holds or gets a Norwegian card (non-EU/EEA, UK and family members).
fn non_eu(w: &mut Walk) -> Option<()> {
    let a = w.a;
    let status = w.route(Q::Status, a.status)?;
    let applied = w.route(Q::AppliedFor, a.applied_for)?;
    // The basis decides the route only where collective protection can be chosen.
    let collective = if offers_collective_protection(a) {
        w.route(Q::Basis, a.basis)? == Basis::CollectiveProtection
    } else {
        w.ask(Q::Basis);
        false
    };
    if collective {
        return collective_protection(w, status, applied);
    }
    if status == Status::BrexitTemporary && !w.path.contains(&Q::UkResidenceStart) {
        w.ask(Q::UkResidenceStart);
        w.ask(Q::UkBasisHistory);
    }
    if applied == AppliedFor::NewCardOnly {
        card(w, status)?;
    } else {
        appointment(w, applied, status)?;
    }
    let temporary = matches!(status, Status::Temporary | Status::BrexitTemporary);
    if temporary || applied == AppliedFor::Renewal {
        renewal(w, applied)?;
    }
    if status == Status::Temporary {
        w.ask(Q::PermitStart);
        w.ask(Q::PermitExpiry);
        w.ask(Q::StaysAbroad);
    }
    if applied == AppliedFor::PermanentPermit {
        permanent_planning(w)?;
    }
    match status {
        Status::PermanentPermit => keep_permanent(w, status)?,
        Status::PermanentRight | Status::BrexitTemporary => w.ask(Q::StaysAbroad),
        _ => {}
    }
    Some(())
}

/// Whether collective protection is offered as a basis: to non-EU/EEA citizens without a
/// permit yet, with a temporary permit, or unsure (area P; it concerns people from Ukraine).
fn offers_collective_protection(a: &Answers) -> bool {
    let status = match a.topic {
        Some(Topic::GetCard) => a.applied_for.and_then(Topic::implied_status).or(a.status),
        _ => a.status,
    };
    a.citizenship == Some(Citizenship::Other)
        && matches!(
            status,
            Some(Status::NoneYet | Status::Temporary | Status::DontKnow)
        )
}

/// Temporary collective protection (R-130 … R-137). New applications are not assessed:
/// nothing more to ask. A holder applies for no renewal: the renewal questions are
/// replaced by the facts of the automatic extension, and there is no permanent planning
/// . The permit's expiry (Q16) is its end: asked once.
fn collective_protection(w: &mut Walk, status: Status, applied: AppliedFor) -> Option<()> {
    if status != Status::Temporary {
        return Some(());
    }
    match applied {
        // The extension is automatic: no application, so no appointment questions.
        AppliedFor::Renewal => {}
        // Area D applies as for other temporary permits.
        AppliedFor::NewCardOnly => card(w, status)?,
        _ => appointment(w, applied, status)?,
    }
    w.ask(Q::PermitExpiry);
    w.ask(Q::FirstCollectivePermit);
    w.ask(Q::PermitStart);
    w.ask(Q::DateOfBirth);
    w.ask(Q::StaysAbroad);
    w.ask(Q::OtherCitizenship);
    // the card expires with the permit; a trip is judged against it.
    if w.a.location_now != Some(Place::Abroad) {
        w.ask(Q::PlannedDeparture);
    }
    Some(())
}

/// The travel topic's card and trip: whether the card in hand is valid (what
/// is wrong with it, and a permanent status's own expiry), then the trip, judged against it.
fn trip_with_card(w: &mut Walk, status: Status) -> Option<()> {
    let situation = w.route(Q::CardSituation, w.a.card_situation.as_ref())?;
    // A lost, stolen or expired card is no card to travel with, whatever its date.
    let gone = situation.iter().any(|s| {
        matches!(
            s,
            CardSituation::Lost | CardSituation::Stolen | CardSituation::Expired
        )
    });
    if !gone && matches!(status, Status::PermanentPermit | Status::PermanentRight) {
        w.ask(Q::CardExpiry);
    }
    w.ask(Q::PlannedDeparture);
    Some(())
}

/// Police appointment or post (R-010 … R-027) and arrival (R-030 … R-034). `status` is the
/// one the rules read: on "get my card", what was applied for may imply another than an
/// answer kept from another topic (issue 25).
fn appointment(w: &mut Walk, applied: AppliedFor, status: Status) -> Option<()> {
    let a = w.a;
    // The police give the appointment after the rules that book one come first,
    // as the rules order them (issue 25): permanent right, and for an asylum
    // application, the day it was made (before 16 April 2021, R-010).
    let called_in = status != Status::PermanentRight
        && match applied {
            AppliedFor::BrexitPermit => true,
            AppliedFor::FirstAsylumWithPolice => {
                w.route(Q::ApplicationDate, a.application_date)? >= BIOMETRICS_FROM
            }
            _ => false,
        };
    // The application's date gives a Brexit family member's age.
    let family = a.brexit_role == Some(BrexitRole::FamilyMember);
    match applied {
        _ if called_in => {
            // Brexit applicants wait for the police's notice whatever the date.
            if family {
                w.ask(Q::ApplicationDate);
            }
            w.ask(Q::DateOfBirth);
            return Some(());
        }
        // Held permanent right books the appointment whatever was applied for.
        AppliedFor::BrexitPermit | AppliedFor::FirstAsylumWithPolice
            if status == Status::PermanentRight =>
        {
            if family {
                w.ask(Q::ApplicationDate);
            }
        }
        AppliedFor::PermanentRight => {}
        _ => {
            let date = w.route(Q::ApplicationDate, a.application_date)?;
            // Whether the rules send the card by post, before the letter: not
            // for permanent right, nor before 16 April 2021 or from abroad
            //
            let mut by_post = false;
            if date >= BIOMETRICS_FROM
                && w.route(Q::AppliedFrom, a.applied_from)? == Place::Norway
                && status != Status::PermanentRight
            {
                let renewal_like =
                    matches!(applied, AppliedFor::Renewal | AppliedFor::DerivedRefugee);
                // a travel document still to be turned in means an appointment, so who
                // handed in the application and the biometrics do not matter then.
                let document = w.route(Q::TravelDocument, a.travel_document)?;
                let turn_in = matches!(
                    document,
                    TravelDocument::Valid | TravelDocument::ExpiredNotHandedIn
                );
                if renewal_like {
                    by_post = !turn_in;
                } else if !turn_in
                    && w.route(Q::SubmittedBy, a.submitted_by)? == SubmittedBy::Myself
                {
                    w.ask(Q::BiometricsTaken);
                    by_post = a.biometrics_taken == Some(true);
                }
            }
            // A card that comes by post (the letter says no meeting is needed, or the rules
            // say so and the letter does not say otherwise): how to book, who must come along,
            // the appointment's day and a trip measured from it do not matter then.
            let letter = w.route(Q::LetterSaysMeetPolice, a.letter_says_meet_police)?;
            if letter == LetterSays::No || (by_post && letter != LetterSays::Yes) {
                // no card in hand until it comes by post.
                w.ask(Q::PlannedDeparture);
                return Some(());
            }
        }
    }
    // How the application was made only refines how to book; the full check asks it, a
    // topic's result gives both ways.
    if w.a.topic.is_none_or(|t| t == Topic::Everything) {
        w.ask(Q::Channel);
    }
    w.ask(Q::DateOfBirth);
    after_appointment(w)
}

/// The day of the appointment (or the card's order), whether a card already due was lost in
/// the mail, and a planned trip (R-030 … R-034).
fn after_appointment(w: &mut Walk) -> Option<()> {
    let a = w.a;
    w.ask(Q::AppointmentDate);
    trip_and_mail(w, a.appointment_date);
    Some(())
}

/// A planned trip is judged against the card's arrival: from the appointment's day, or
/// before it is booked, from the earliest a card could come. Only a card that should have come
/// by now can have been lost in the mail. (Both follow the date without waiting for it: they
/// come after it on the path.)
fn trip_and_mail(w: &mut Walk, appointment: Option<NaiveDate>) {
    w.ask(Q::PlannedDeparture);
    if appointment.is_some_and(|d| d < w.today) {
        w.ask(Q::CardLostInMail);
    }
}

/// Ordering a new card (R-040 … R-049).
fn card(w: &mut Walk, status: Status) -> Option<()> {
    let a = w.a;
    let situation = w.route(Q::CardSituation, a.card_situation.as_ref())?;
    let permanent = matches!(status, Status::PermanentPermit | Status::PermanentRight);
    let only_expiry = situation
        .iter()
        .all(|s| matches!(s, CardSituation::ExpiringSoon | CardSituation::Expired));
    // a temporary permit that expires is renewed, not replaced: its expiry then only
    // dates the renewal, which the "get my card" topic does not show.
    let renewal_only = only_expiry && !permanent;
    let lost = situation
        .iter()
        .any(|s| matches!(s, CardSituation::Lost | CardSituation::Stolen));
    let collective = status == Status::Temporary && a.basis == Some(Basis::CollectiveProtection);
    if permanent {
        // The expiry of a lost or stolen card cannot be read off it, and changes nothing then
        // (the card is replaced now, for the fee of a lost card).
        if !lost {
            w.ask(Q::CardExpiry);
        }
    } else if !(renewal_only && a.topic == Some(Topic::GetCard)) && (renewal_only || !collective) {
        // (A collective-protection permit stays valid while it is extended, R-131: its
        // expiry only dates a trip, asked below for someone in Norway.)
        w.ask(Q::PermitExpiry);
    }
    if renewal_only {
        // The card expires with the permit: a trip is judged against it.
        w.ask(Q::PlannedDeparture);
        return Some(());
    }
    // an expired temporary permit is renewed first, so no card can be ordered (not for
    // collective protection, which is extended without an application, R-131).
    let temporary = matches!(status, Status::Temporary | Status::BrexitTemporary);
    if temporary && !collective && a.permit_expiry.is_some_and(|e| e < w.today) {
        // No valid card, and none until the permit is renewed.
        w.ask(Q::PlannedDeparture);
        return Some(());
    }
    w.ask(Q::LocationNow);
    if collective && a.location_now != Some(Place::Abroad) {
        w.ask(Q::PermitExpiry);
    }
    if !lost {
        w.ask(Q::HandInOldCard);
    }
    w.ask(Q::DufNumber);
    // from abroad the card is ordered after the return: the passport to bring, the
    // appointment and a trip after it are for then.
    if a.location_now == Some(Place::Abroad) {
        return Some(());
    }
    w.ask(Q::NewPassportRecently);
    // a minor comes to the appointment with a parent or guardian.
    w.ask(Q::DateOfBirth);
    w.ask(Q::AppointmentDate);
    // the trip is judged whether or not the appointment is booked.
    w.ask(Q::PlannedDeparture);
    Some(())
}

/// Renewal deadline and rights while waiting (R-060 … R-068).
fn renewal(w: &mut Walk, applied: AppliedFor) -> Option<()> {
    let a = w.a;
    w.ask(Q::PermitExpiry);
    // where the applicant is matters for a protection-based permit only.
    if a.basis == Some(Basis::Protection) {
        w.ask(Q::LocationNow);
    }
    if applied == AppliedFor::Renewal {
        // Without the expiry there is no deadline to measure against: how the renewal was
        // made and the fallback's facts are not read then (R-061 … R-063).
        let expiry_skipped = w.skipped.contains(Q::PermitExpiry);
        if !expiry_skipped {
            w.ask(Q::RenewalDigital);
        }
        // The day it was handed in is the application's date (Q6), asked once.
        w.ask(Q::ApplicationDate);
        // Only a renewal handed in after the deadline (one month before the expiry, R-061)
        // needs the 37-day fallback's facts.
        let deadline = a.permit_expiry.and_then(|e| months_before(e, 1));
        let late = match (a.application_date, deadline) {
            (Some(on), Some(deadline)) => on > deadline,
            (Some(_), None) => !expiry_skipped,
            (None, _) => false,
        };
        if late {
            w.ask(Q::NoAppointmentBeforeDeadline);
            w.ask(Q::RenewalRegisteredOnline);
        }
    }
    // the card expires with the permit; a trip is judged against it.
    if a.location_now != Some(Place::Abroad) {
        w.ask(Q::PlannedDeparture);
    }
    Some(())
}

/// Sets the answer to `q` on a copy of `answers` and validates the result. Returns the new
/// answers, pruned to the new path, or the validation errors that concern `q` (an impossible
/// date, end before start, overlapping stays, a DUF number that is not 12 digits, …).
pub fn check_answer(
    answers: &Answers,
    skipped: &QuestionSet,
    q: Q,
    value: AnswerValue,
    today: NaiveDate,
) -> Result<(Answers, QuestionSet), Vec<crate::domain::case::AnswerError>> {
    let mut next = answers.clone();
    if !set(&mut next, q, value) {
        return Err(Vec::new());
    }
    let mut skipped = *skipped;
    skipped.remove(q);
    if let Err(errors) = crate::domain::case::Case::from_answers(&next, today) {
        // A period's dates are checked together (`Check::NotBefore`): either one, answered
        // second, shows it.
        let mine: Vec<_> = errors
            .into_iter()
            .filter(|e| {
                e.question() == q
                    || (matches!(e, crate::domain::case::AnswerError::EndBeforeStart { .. })
                        && e.question().checks().contains(&Check::NotBefore(q)))
            })
            .collect();
        if !mine.is_empty() {
            return Err(mine);
        }
    }
    Ok(prune(&next, &skipped, today))
}

/// The page after `q` on the path for `answers`: the next question in order (already answered
/// ones included, so Back and Continue walk the same pages), or `None` after the last one.
pub fn question_after(
    answers: &Answers,
    skipped: &QuestionSet,
    q: Q,
    today: NaiveDate,
) -> Option<Q> {
    let p = progress(answers, skipped, today);
    let pos = p.path.iter().position(|x| *x == q)?;
    p.path.get(pos + 1).copied()
}

/// The question before `q` on the path, or `None` for the first.
pub fn question_before(answers: &Answers, q: Q, today: NaiveDate) -> Option<Q> {
    let path = path(answers, today);
    let pos = path.iter().position(|x| *x == q)?;
    pos.checked_sub(1).and_then(|i| path.get(i).copied())
}

/// The choices offered for `q` given the answers so far (the UI shows the same subset).
pub fn choice_options(q: Q, a: &Answers) -> &'static [&'static str] {
    use crate::domain::answers::Citizenship as C;
    let topic = a.topic.unwrap_or(Topic::Everything);
    match (q, a.citizenship) {
        (Q::Topic, Some(C::Uk)) => &[
            "get_card",
            "card_problem",
            "expiring",
            "travel",
            "permanent",
            "brexit",
            "everything",
        ],
        // Only a permit can expire, be kept or lead to a permanent permit.
        (Q::Status, Some(C::Uk))
            if matches!(
                topic,
                Topic::Expiring | Topic::Permanent | Topic::CardProblem | Topic::Travel
            ) =>
        {
            &[
                "temporary",
                "brexit_temporary",
                "permanent_permit",
                "permanent_right",
            ]
        }
        (Q::Status, _)
            if matches!(
                topic,
                Topic::Expiring | Topic::Permanent | Topic::CardProblem | Topic::Travel
            ) =>
        {
            &["temporary", "permanent_permit", "permanent_right"]
        }
        (Q::Status, _) if topic == Topic::CollectiveProtection => &["none_yet", "temporary"],
        (Q::Basis, _) if !offers_collective_protection(a) => &[
            "work",
            "study",
            "family",
            "protection",
            "humanitarian",
            "brexit",
            "eu_family",
            "other",
        ],
        (Q::Status, Some(C::EuEea)) => &[
            "none_yet",
            "eu_registration",
            "eu_permanent_certificate",
            "dont_know",
        ],
        (Q::Status, Some(C::Uk)) => &[
            "none_yet",
            "temporary",
            "brexit_temporary",
            "permanent_permit",
            "permanent_right",
            "dont_know",
        ],
        (Q::Status, _)
            if a.brexit_role
                .is_some_and(|r| r != crate::domain::answers::BrexitRole::NotConcerned) =>
        {
            &[
                "none_yet",
                "temporary",
                "brexit_temporary",
                "permanent_permit",
                "permanent_right",
                "dont_know",
            ]
        }
        (Q::Status, _) => &[
            "none_yet",
            "temporary",
            "permanent_permit",
            "permanent_right",
            "dont_know",
        ],
        (Q::BrexitRole, Some(C::Other)) => {
            &["family_member", "frontier_worker_family", "not_concerned"]
        }
        (Q::BrexitRole, _) => &[
            "uk_national",
            "family_member",
            "frontier_worker",
            "frontier_worker_family",
            "not_concerned",
        ],
        _ => q.options(),
    }
}
