//! Where the applicant stands, decided once: one plan instead of a pile of findings.
//!
//! The area rules each answer their own question. [`decide`] then reads the case and those
//! findings once and settles where the applicant stands on each track: the card, the permit
//! (renewal), a planned trip, and whether what they apply for can be granted. [`reconcile`]
//! makes the findings and dates agree with that situation (a stolen card is ordered now, not
//! "by" a date three months before the old one expires; a renewal that was handed in is not
//! "applied for" again; nothing about getting a card when the applicant cannot apply), and
//! [`states`] gives every checklist item its state: to do (with its date), overdue (with what
//! to do now), or done. Items that do not apply are left out.
//!
//! The pairs of findings whose messages contradict each other are kept as data
//! ([`CONTRADICTIONS`]), next to the rules that decide which one stays.
//!
//! Part of the engine: may import `domain` only. Pure and never panicking.

use chrono::NaiveDate;
use serde::Serialize;

use super::decision::{
    ChecklistItem, DateKey, Finding, FindingKey as F, ItemKey as I, ItemKind, ItemState, KeyDate,
    Value, Verdict,
};
use super::Ctx;
use crate::domain::answers::CardSituation as C;
use crate::domain::questions::Question;

/// The card track: what happens next about the residence card.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(tag = "card", rename_all = "snake_case")]
pub enum CardTrack {
    /// No residence card (EU/EEA citizens, or nothing the checker knows of).
    NotNeeded,
    /// The police call the applicant in, or tell them when to book: nothing to book yet.
    WaitForPolice,
    /// The card comes by post; no appointment.
    ComingByPost,
    /// An appointment must be booked and has not been (no date given).
    MustBook,
    /// An appointment is booked on this day.
    Booked {
        /// The appointment.
        on: NaiveDate,
    },
    /// A new card must be ordered now: the card is lost, stolen, damaged, wrong or expired, or
    /// the day to order by has passed.
    OrderNow,
    /// A new card should be ordered by this day (three months before the old one expires).
    OrderBy {
        /// The day.
        by: NaiveDate,
    },
    /// The answers do not say (yet) what happens with the card.
    #[default]
    Unknown,
}

/// The permit track: renewal of a temporary permit (area E).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(tag = "permit", rename_all = "snake_case")]
pub enum PermitTrack {
    /// No renewal concerns the applicant.
    #[default]
    NotApplicable,
    /// The expiry date is not known.
    Unknown,
    /// The recommended day to apply (three months before expiry) is still ahead.
    NotYetDue {
        /// One month before expiry: the last day to keep the rights while waiting.
        deadline: NaiveDate,
    },
    /// Between the recommended day and the deadline: apply now.
    Due {
        /// The deadline.
        deadline: NaiveDate,
    },
    /// The renewal was handed in by the deadline.
    HandedInOnTime {
        /// The day it was handed in.
        on: NaiveDate,
    },
    /// Handed in after the deadline, registered online at least 37 days before expiry.
    HandedInLateFallback {
        /// The day it was handed in.
        on: NaiveDate,
    },
    /// Handed in after the deadline, without the fallback (or case by case).
    HandedInLate {
        /// The day it was handed in.
        on: NaiveDate,
    },
    /// Handed in, but whether by the deadline is not known (the expiry date is not known).
    HandedIn {
        /// The day it was handed in.
        on: NaiveDate,
    },
    /// The deadline has passed and nothing was handed in.
    Late {
        /// The deadline.
        deadline: NaiveDate,
    },
}

impl PermitTrack {
    /// True when a renewal application has been handed in.
    pub fn handed_in(&self) -> bool {
        matches!(
            self,
            PermitTrack::HandedInOnTime { .. }
                | PermitTrack::HandedInLateFallback { .. }
                | PermitTrack::HandedInLate { .. }
                | PermitTrack::HandedIn { .. }
        )
    }
}

/// The travel track: a planned trip against the card in hand and the new card's arrival
/// (area T, [`super::trip`]).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(tag = "travel", rename_all = "snake_case")]
pub enum TravelTrack {
    /// No trip is planned (or none was given), or none is judged (the applicant lives abroad).
    #[default]
    NoTrip,
    /// The card in hand is valid on the day, or the new card should have arrived.
    Safe {
        /// The day of departure.
        departure: NaiveDate,
    },
    /// The trip is before the card is likely to arrive.
    AtRisk {
        /// The day of departure.
        departure: NaiveDate,
        /// The first day it is safer to travel, if known.
        safe_from: Option<NaiveDate>,
        /// The last day to have the appointment for the card to come in time, if it is not
        /// booked yet and that day is still ahead.
        book_by: Option<NaiveDate>,
    },
    /// No valid card can be in hand on the day: no new card can come in time, or the card in
    /// hand expires before it.
    NoCard {
        /// The day of departure.
        departure: NaiveDate,
    },
    /// The trip cannot be judged: these answers are missing (or none would tell).
    CannotJudge {
        /// The day of departure.
        departure: NaiveDate,
        /// What would settle it.
        missing: Vec<Question>,
    },
}

/// Whether what the applicant applies for can be granted, as far as the checker can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Eligibility {
    /// Nothing in the answers stands in the way.
    #[default]
    Yes,
    /// The answers rule it out (for example a relationship the Brexit rules do not cover).
    No,
    /// It depends on answers or on UDI.
    Depends,
}

/// Where the applicant stands on each track.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Situation {
    /// The card.
    pub card: CardTrack,
    /// The permit's renewal.
    pub permit: PermitTrack,
    /// A planned trip.
    pub travel: TravelTrack,
    /// Whether it can be granted.
    pub eligibility: Eligibility,
    /// The verdict on the planned trip, as a finding ([`super::trip::judge`]); placed among the
    /// findings by [`reconcile`].
    #[serde(skip)]
    pub trip: Option<Finding>,
}

/// A finding, optionally only when it has a parameter (with this value, if given).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Said {
    /// The finding.
    pub key: F,
    /// The parameter it must have, and its value if that matters.
    pub with: Option<(&'static str, Option<&'static str>)>,
}

impl Said {
    /// The finding, whatever its parameters.
    pub const fn any(key: F) -> Said {
        Said { key, with: None }
    }

    /// The finding with this parameter (and value, if given).
    pub const fn with(key: F, param: &'static str, value: Option<&'static str>) -> Said {
        Said {
            key,
            with: Some((param, value)),
        }
    }

    /// Whether one of `findings` says this.
    pub fn is_in(&self, findings: &[Finding]) -> bool {
        findings.iter().any(|f| {
            f.key == self.key
                && self.with.is_none_or(|(name, value)| match value {
                    None => f.params.contains_key(name),
                    Some(v) => f.get_key(name) == Some(v),
                })
        })
    }
}

/// Pairs of messages that contradict each other: never both on one result.
pub const CONTRADICTIONS: &[(Said, Said)] = &[
    // "Order by <date>" against "order now" for a card lost abroad.
    (
        Said::any(F::OrderBy),
        Said::with(F::LostAbroad, "lost", Some("yes")),
    ),
    // "Apply to renew" against "you handed it in: your rights while waiting".
    (
        Said::any(F::RenewalDeadline),
        Said::with(F::RightsWhileWaiting, "submitted", None),
    ),
    // "Apply two to three months before" against a renewal already handed in.
    (
        Said::any(F::RenewalLeadTime),
        Said::with(F::RightsWhileWaiting, "submitted", None),
    ),
    // "The card comes by post, no appointment" against "how to book your appointment".
    (
        Said::with(F::Appointment, "route", Some("post")),
        Said::any(F::HowToBook),
    ),
    // A general travel warning against the verdict for the planned trip.
    (
        Said::any(F::NoTravelUntilCard),
        Said::any(F::TripBeforeCard),
    ),
];

/// Whether the answers say the card must be replaced now (not "by" a later day): a problem
/// with the card itself, a passport sticker, or an expired card.
fn replace_now(ctx: &Ctx) -> bool {
    ctx.a
        .card_situation_any(|c| c.is_card_problem() || matches!(c, C::PassportSticker | C::Expired))
        || ctx.a.card_expiry.is_some_and(|e| e < ctx.today)
}

fn find(findings: &[Finding], key: F) -> Option<&Finding> {
    findings.iter().find(|f| f.key == key)
}

/// Decides the situation from the case and the area rules' findings.
pub(crate) fn decide(ctx: &Ctx, findings: &[Finding]) -> Situation {
    // The Brexit rules decide a Brexit (or first) permit, not a new card for a permit held.
    let eligibility = if ctx.a.applied_for == Some(crate::domain::answers::AppliedFor::NewCardOnly)
    {
        Eligibility::Yes
    } else {
        eligibility(findings)
    };
    let card = card(ctx, findings);
    let permit = permit(ctx, findings);
    // No card is coming when the application cannot be granted: no trip to judge against it.
    let (travel, trip) = if eligibility == Eligibility::No {
        (TravelTrack::NoTrip, None)
    } else {
        super::trip::judge(ctx, findings, &card)
    };
    Situation {
        card,
        permit,
        travel,
        eligibility,
        trip,
    }
}

fn eligibility(findings: &[Finding]) -> Eligibility {
    let decisive = [F::BrexitFamily, F::BrexitFrontierWorker];
    let verdicts: Vec<&Verdict> = findings
        .iter()
        .filter(|f| decisive.contains(&f.key))
        .map(|f| &f.verdict)
        .collect();
    if verdicts.iter().any(|v| **v == Verdict::No) {
        Eligibility::No
    } else if verdicts.iter().any(|v| matches!(v, Verdict::Maybe { .. })) {
        Eligibility::Depends
    } else {
        Eligibility::Yes
    }
}

fn card(ctx: &Ctx, findings: &[Finding]) -> CardTrack {
    if find(findings, F::CardNeeded).is_some_and(|f| f.verdict == Verdict::No) {
        return CardTrack::NotNeeded;
    }
    if find(findings, F::NewCard).is_some_and(|f| f.is_yes()) {
        let by = find(findings, F::OrderBy).and_then(|o| o.get_date("order_by"));
        return match by {
            Some(by) if !replace_now(ctx) && by >= ctx.today => CardTrack::OrderBy { by },
            _ => CardTrack::OrderNow,
        };
    }
    if let Some(f) = find(findings, F::CollectiveCardByPost) {
        return match f.verdict {
            Verdict::Yes => CardTrack::ComingByPost,
            Verdict::No => match ctx.a.appointment_date {
                Some(on) => CardTrack::Booked { on },
                None => CardTrack::MustBook,
            },
            Verdict::Maybe { .. } => CardTrack::Unknown,
        };
    }
    match find(findings, F::Appointment).and_then(|f| f.get_key("route")) {
        Some("post") => CardTrack::ComingByPost,
        Some("book") => match ctx.a.appointment_date {
            Some(on) => CardTrack::Booked { on },
            None => CardTrack::MustBook,
        },
        Some("police_summons" | "wait_for_notice") => CardTrack::WaitForPolice,
        _ => CardTrack::Unknown,
    }
}

fn permit(ctx: &Ctx, findings: &[Finding]) -> PermitTrack {
    let Some(renewal) = find(findings, F::RenewalDeadline) else {
        return PermitTrack::NotApplicable;
    };
    let deadline = renewal.get_date("deadline");
    if let Some(on) = ctx.a.renewal_handed_in() {
        let basis = find(findings, F::RightsWhileWaiting).and_then(|f| f.get_key("basis"));
        return match (basis, deadline) {
            (Some("on_time"), _) => PermitTrack::HandedInOnTime { on },
            (Some("registered_37_days"), _) => PermitTrack::HandedInLateFallback { on },
            (_, Some(deadline)) if on <= deadline => PermitTrack::HandedInOnTime { on },
            (_, Some(_)) => PermitTrack::HandedInLate { on },
            (_, None) => PermitTrack::HandedIn { on },
        };
    }
    let Some(deadline) = deadline else {
        return PermitTrack::Unknown;
    };
    let recommended = find(findings, F::RenewalLeadTime).and_then(|f| f.get_date("recommended"));
    if deadline < ctx.today {
        PermitTrack::Late { deadline }
    } else if recommended.is_none_or(|r| r <= ctx.today) {
        PermitTrack::Due { deadline }
    } else {
        PermitTrack::NotYetDue { deadline }
    }
}

/// Findings about getting a card that assume the application is granted.
const ASSUMES_GRANT: &[F] = &[
    F::Appointment,
    F::HowToBook,
    F::GuardianMustAttend,
    F::PostalDelivery,
    F::CardReturnedToPolice,
    F::NoTravelUntilCard,
    F::NationalIdNumber,
    F::CardArrival,
    F::TripBeforeCard,
    // The Brexit police process and the receipt to travel with are for people the rules cover.
    F::BrexitPoliceProcess,
    F::BrexitTravelPending,
];

/// Dates that follow from getting a card.
const CARD_DATES: &[DateKey] = &[
    DateKey::CardExpectedEarliest,
    DateKey::CardExpectedBy,
    DateKey::SafeToTravelFrom,
];

/// Makes the findings and dates agree with the situation. Called once, after the area rules.
pub(crate) fn reconcile(
    s: &Situation,
    ctx: &Ctx,
    findings: &mut Vec<Finding>,
    dates: &mut Vec<KeyDate>,
) {
    if s.eligibility == Eligibility::No {
        findings.retain(|f| !ASSUMES_GRANT.contains(&f.key));
        dates.retain(|d| !CARD_DATES.contains(&d.key));
    }
    // signs of an old permanent permit mean ordering a card, not renewing: the area-D
    // "renew instead" gives way.
    if find(findings, F::BrexitOldPermanentPermit).is_some_and(|f| f.is_yes()) {
        findings.retain(|f| {
            !(f.key == F::NewCard
                && f.verdict == Verdict::No
                && f.get_key("reason") == Some("renew_permit_instead"))
        });
    }
    if s.card == CardTrack::OrderNow {
        findings.retain(|f| f.key != F::OrderBy);
        dates.retain(|d| d.key != DateKey::OrderNewCardBy);
    }
    if s.permit.handed_in() {
        // The rights while waiting speak for a renewal that was handed in.
        findings.retain(|f| !matches!(f.key, F::RenewalDeadline | F::RenewalLeadTime));
        dates.retain(|d| {
            !matches!(
                d.key,
                DateKey::RenewalDeadline | DateKey::RenewalRecommended
            )
        });
    }
    // A recommended day in the past is no date to remember; the deadline speaks.
    dates.retain(|d| d.key != DateKey::RenewalRecommended || d.date >= ctx.today);
    if let Some(f) = findings.iter_mut().find(|f| f.key == F::RenewalLeadTime) {
        if f.get_date("recommended").is_some_and(|r| r < ctx.today) {
            f.params.remove("recommended");
            f.params.insert("recommended_passed", Value::Key("yes"));
        }
    }
    if s.card == CardTrack::ComingByPost {
        findings.retain(|f| f.key != F::HowToBook);
    }
    // Area T: the one verdict on the planned trip (none from the area rules), and no general
    // "do not travel" beside it or for someone who lives abroad.
    findings.retain(|f| f.key != F::TripBeforeCard);
    if let Some(trip) = &s.trip {
        findings.push(trip.clone());
    }
    if find(findings, F::TripBeforeCard).is_some() || super::trip::lives_abroad(ctx) {
        findings.retain(|f| f.key != F::NoTravelUntilCard);
    }
    if let Some(border) = super::trip::border_finding(ctx) {
        findings.push(border);
    }
}

/// Gives each checklist item its state and drops the items the situation rules out.
pub(crate) fn states(s: &Situation, ctx: &Ctx, items: &mut Vec<ChecklistItem>) {
    let a = ctx.a;
    let granted = s.eligibility != Eligibility::No;
    // no card is ordered on a permit that has expired (it is renewed first).
    let orderable = super::new_card::permit_not_expired(ctx);
    let new_card_only = a.applied_for == Some(crate::domain::answers::AppliedFor::NewCardOnly);
    // Someone the rules do not cover may hold another permit, whose card is theirs to replace.
    let holds_permit = matches!(
        a.status,
        Some(
            crate::domain::answers::Status::Temporary
                | crate::domain::answers::Status::BrexitTemporary
                | crate::domain::answers::Status::PermanentPermit
                | crate::domain::answers::Status::PermanentRight
        )
    );
    let has_card = granted || holds_permit;
    items.retain(|i| match i.key {
        // Nothing to hand in or bring that the applicant no longer has.
        I::BringOldCard => a.can_hand_in_old_card(),
        // A police report is for a lost or stolen card only.
        I::PoliceReport => a.card_lost_or_stolen(),
        I::OrderNewCard | I::PayFee => orderable && has_card,
        // The appointment for a new card follows its order.
        I::BookAppointment => {
            if new_card_only {
                orderable && has_card
            } else {
                granted
            }
        }
        // Nothing about getting the card when the application cannot be granted.
        I::WaitForPolice
        | I::NamesOnLetterbox
        | I::PostenRegistration
        | I::TellPoliceNewAddress
        | I::WaitForCardBeforeTravel
        | I::BringGuardian
        | I::BringTravelDocument => granted,
        // Registering online is the fallback for someone who has not handed in yet.
        I::RegisterRenewalOnline => !s.permit.handed_in(),
        _ => true,
    });
    if s.card == CardTrack::ComingByPost {
        items.retain(|i| !matches!(i.key, I::BookAppointment | I::WaitForPolice));
    }
    // A renewal that was handed in is shown as done (its finding gave way to the rights while
    // waiting).
    if s.permit.handed_in() && !items.iter().any(|i| i.key == I::SubmitRenewal) {
        items.insert(
            0,
            ChecklistItem {
                key: I::SubmitRenewal,
                kind: ItemKind::Do,
                due: None,
                cost: None,
                cost_alt: None,
                state: ItemState::Done,
                rules: vec![crate::domain::refs::RuleId::R061],
            },
        );
    }
    // The online-registration fallback is gone once its day has passed.
    items.retain(|i| i.key != I::RegisterRenewalOnline || i.due.is_none_or(|d| d >= ctx.today));
    let applied_permanent = a.applied_for
        == Some(crate::domain::answers::AppliedFor::PermanentPermit)
        && a.application_date.is_some_and(|d| d <= ctx.today);
    for item in items.iter_mut() {
        if item.key == I::OrderNewCard && s.card == CardTrack::OrderNow {
            item.due = None;
        }
        // "Travel from <day> at the earliest": once the day has passed, wait for the card itself.
        if item.key == I::WaitForCardBeforeTravel && item.due.is_some_and(|d| d < ctx.today) {
            item.due = None;
        }
        let done = match item.key {
            I::SubmitRenewal => s.permit.handed_in(),
            I::ApplyPermanent => applied_permanent,
            I::BookAppointment | I::BookChildFingerprints => a.appointment_date.is_some(),
            _ => false,
        };
        item.state = if done {
            ItemState::Done
        } else if item.kind == ItemKind::Do && item.due.is_some_and(|d| d < ctx.today) {
            ItemState::Overdue
        } else {
            ItemState::Todo
        };
    }
}
