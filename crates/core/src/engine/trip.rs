//! Area T of the rule book: trips, the card and the border (R-139 … R-142), on every path.
//!
//! A planned trip (Q23) is judged wherever the applicant has no valid card in hand or is
//! waiting for one, whatever the topic they chose: against the card in hand and its expiry
//! against the new card's expected arrival (R-031 … R-034), or, before the appointment
//! is booked, against the earliest a card could come if it were booked today. The
//! verdict is one finding, [`FindingKey::TripBeforeCard`], with a `case` that says which of
//! these it is; [`judge`] also gives the travel track of the situation. People who live abroad
//! cross the border as their daily life: they get no travel ban, but what to carry.
//!
//! Part of the engine: may import `domain` and the engine's decision types. Pure and never
//! panicking.

use chrono::NaiveDate;

use super::calendar::{add_working_days, latest_start_for, CalendarRule};
use super::decision::{Finding, FindingKey as F, Priority, Value, Verdict};
use super::situation::{CardTrack, TravelTrack};
use super::Ctx;
use crate::domain::answers::{CardSituation as C, Status};
use crate::domain::questions::Question;
use crate::domain::refs::{RuleId as R, Source as S};

/// Working days from an appointment to the card: optimistic and planning.
const EARLIEST_WORKING_DAYS: u32 = 10;
const PLANNING_WORKING_DAYS: u32 = 20;

/// The card the applicant holds now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum InHand {
    /// A valid card, until this day if known; `handed_in` when it is given up at an
    /// appointment for its replacement (a damaged or wrong card).
    Valid {
        until: Option<NaiveDate>,
        handed_in: bool,
    },
    /// No valid card: lost, stolen, expired, or none issued yet.
    None,
}

/// When a new card comes, as far as the answers tell.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Arrival {
    /// No new card is coming (or none is needed).
    NotComing,
    /// After an appointment on a known day: these dates (R-031 … R-034).
    Dated {
        earliest: NaiveDate,
        expected_by: NaiveDate,
    },
    /// After an appointment not booked yet.
    AfterBooking,
    /// By post, within about three weeks of a decision whose day is not known.
    ByPost,
    /// The police call the applicant in, or say when to book.
    PoliceCall,
    /// The answers do not date it; these questions would.
    Unknown(Vec<Question>),
}

/// Whether the applicant lives outside Norway and crosses the border daily: a frontier
/// worker, or a frontier worker's family member, who lives abroad.
pub(crate) fn lives_abroad(ctx: &Ctx) -> bool {
    ctx.a.frontier_lives_abroad == Some(true)
}

fn find(findings: &[Finding], key: F) -> Option<&Finding> {
    findings.iter().find(|f| f.key == key)
}

/// Whether the answers say the applicant has no usable card now: lost, stolen or expired
/// (then "carry your card" cannot be said, R-140).
pub(crate) fn card_gone(ctx: &Ctx) -> bool {
    let a = ctx.a;
    a.card_lost_or_stolen()
        || a.card_situation_any(|c| c == C::Expired)
        || a.card_expiry.is_some_and(|e| e < ctx.today)
}

/// The card in hand now.
fn in_hand(ctx: &Ctx, card: &CardTrack) -> InHand {
    let a = ctx.a;
    let temporary = matches!(a.status, Some(Status::Temporary | Status::BrexitTemporary));
    let permanent = matches!(
        a.status,
        Some(Status::PermanentPermit | Status::PermanentRight)
    );
    let gone = card_gone(ctx);
    // A card is in hand only where a permit has been given.
    if gone || !(temporary || permanent) {
        return InHand::None;
    }
    // A temporary permit's card expires with the permit; a permanent one has its own
    // expiry (Q15).
    let until = if permanent {
        a.card_expiry
    } else {
        a.permit_expiry
    };
    if until.is_some_and(|u| u < ctx.today) {
        return InHand::None;
    }
    let handed_in =
        matches!(card, CardTrack::OrderNow | CardTrack::OrderBy { .. }) && a.can_hand_in_old_card();
    InHand::Valid { until, handed_in }
}

/// When the new card comes.
fn arrival(ctx: &Ctx, findings: &[Finding], card: &CardTrack) -> Arrival {
    let a = ctx.a;
    if let Some(f) = find(findings, F::CardArrival) {
        if let (Some(earliest), Some(expected_by)) =
            (f.get_date("earliest"), f.get_date("expected_by"))
        {
            return Arrival::Dated {
                earliest,
                expected_by,
            };
        }
        if f.get_key("route") == Some("post") {
            return Arrival::ByPost;
        }
    }
    match card {
        CardTrack::NotNeeded | CardTrack::Unknown => {
            if find(findings, F::CollectiveCardByPost).is_some_and(|f| f.is_yes()) {
                Arrival::ByPost
            } else if a.card_situation_any(|c| c == C::Expired || c.is_card_problem()) {
                // A card to replace, whose order the answers do not reach.
                Arrival::AfterBooking
            } else {
                Arrival::NotComing
            }
        }
        CardTrack::ComingByPost => Arrival::ByPost,
        CardTrack::WaitForPolice => Arrival::PoliceCall,
        CardTrack::MustBook | CardTrack::OrderNow | CardTrack::OrderBy { .. } => {
            Arrival::AfterBooking
        }
        CardTrack::Booked { .. } => Arrival::Unknown(vec![Question::AppointmentDate]),
    }
}

/// Judges the planned trip: the travel track and its finding (none when there is no trip to
/// judge). Called once, by the situation, after the area rules.
pub(crate) fn judge(
    ctx: &Ctx,
    findings: &[Finding],
    card: &CardTrack,
) -> (TravelTrack, Option<Finding>) {
    let a = ctx.a;
    let Some(departure) = a.planned_departure.filter(|d| *d >= ctx.today) else {
        return (TravelTrack::NoTrip, None);
    };
    // the border is daily life.
    if lives_abroad(ctx) {
        return (TravelTrack::NoTrip, None);
    }
    if *card == CardTrack::NotNeeded && find(findings, F::CollectiveCardByPost).is_none() {
        return (TravelTrack::Safe { departure }, None);
    }
    let base = |verdict: Verdict, case: &'static str| {
        let priority = match verdict {
            Verdict::No => Priority::Info,
            _ => Priority::Warning,
        };
        Finding::new(F::TripBeforeCard, verdict, priority)
            .rules(&[R::R140, R::R026, R::R034])
            .sources(&[S::Seed000, S::Seed001, S::W35])
            .param("departure", Value::Date(departure))
            .param("case", Value::Key(case))
    };
    let hand = in_hand(ctx, card);
    let coming = arrival(ctx, findings, card);
    let today = ctx.today;
    let rule = CalendarRule::Statutory;

    // The card in hand covers the day of departure, and is not handed in before it.
    if let InHand::Valid { until, handed_in } = hand {
        let booked = a.appointment_date;
        let kept = !handed_in || booked.is_none_or(|b| b > departure);
        match until {
            Some(until) if until >= departure && kept => {
                let mut f = base(Verdict::No, "valid_card").date("valid_until", Some(until));
                if handed_in && booked.is_none() {
                    // Handed in at an appointment not yet booked: after the trip, or early
                    // enough for the new card to come first.
                    f = f.rules(&[R::R047]).date(
                        "book_by",
                        departure
                            .pred_opt()
                            .and_then(|d| latest_start_for(d, PLANNING_WORKING_DAYS, rule))
                            .filter(|d| *d >= today),
                    );
                }
                return (TravelTrack::Safe { departure }, Some(f));
            }
            None if kept && coming == Arrival::NotComing => {
                // Valid, but the answers do not say until when.
                let f = base(Verdict::maybe(&[expiry_question(ctx)]), "valid_card");
                return (
                    TravelTrack::CannotJudge {
                        departure,
                        missing: vec![expiry_question(ctx)],
                    },
                    Some(f),
                );
            }
            _ => {}
        }
    }
    // the card in hand expires before the trip.
    let expires_before = match hand {
        InHand::Valid {
            until: Some(until), ..
        } if until < departure => Some(until),
        _ => None,
    };
    let with_expiry = |f: Finding| match expires_before {
        Some(until) => f
            .rules(&[R::R141, R::R049, R::R048])
            .sources(&[S::W22, S::W24])
            .param("card_expiry", Value::Date(until)),
        None => f,
    };
    // A temporary permit's card, old or new, is valid only as long as the permit:
    // a permit that ends before the trip needs renewing first, whatever card comes.
    let temporary = matches!(a.status, Some(Status::Temporary | Status::BrexitTemporary));
    let permit_ends = a.permit_expiry.filter(|e| *e < departure);
    if let (true, Some(end)) = (temporary, permit_ends) {
        // After the expiry comes a renewal; for collective protection, the extension's card by
        // post, on a day the checker cannot know.
        let next = if super::collective::holder(ctx) {
            "decision_date"
        } else {
            "no_new_card"
        };
        let f = base(Verdict::Yes, "expires_before")
            .rules(&[R::R141, R::R049, R::R048])
            .sources(&[S::W22, S::W24])
            .param("card_expiry", Value::Date(end))
            .param("unknown", Value::Key(next));
        return (TravelTrack::NoCard { departure }, Some(f));
    }
    // No card in hand on the day: the new card decides.
    let (track, f) = match coming {
        Arrival::Dated {
            earliest,
            expected_by,
        } => {
            let safe_from = expected_by.succ_opt();
            if expected_by < departure {
                (
                    TravelTrack::Safe { departure },
                    base(Verdict::No, "card_before_trip"),
                )
            } else if earliest >= departure {
                (
                    TravelTrack::NoCard { departure },
                    no_card_in_time(base(Verdict::Yes, "no_card_in_time"))
                        .date("safe_from", safe_from),
                )
            } else {
                (
                    TravelTrack::AtRisk {
                        departure,
                        safe_from,
                        book_by: None,
                    },
                    base(Verdict::Yes, "card_may_be_late").date("safe_from", safe_from),
                )
            }
        }
        Arrival::AfterBooking => {
            // The earliest a card can come: an appointment today.
            let earliest = add_working_days(today, EARLIEST_WORKING_DAYS, rule);
            if earliest.is_none_or(|e| e >= departure) {
                (
                    TravelTrack::NoCard { departure },
                    no_card_in_time(base(Verdict::Yes, "no_card_in_time")),
                )
            } else {
                let book_by = departure
                    .pred_opt()
                    .and_then(|d| latest_start_for(d, PLANNING_WORKING_DAYS, rule));
                let f = base(Verdict::Yes, "book_first");
                let f = match book_by {
                    // The appointment itself must be on this day at the latest (no old card to keep).
                    Some(by) if by >= today => f.date("appointment_by", Some(by)),
                    // Too late even for an appointment today: coming back needs a visa.
                    _ => no_card_in_time(f.param("book_by_passed", Value::Key("yes"))),
                };
                (
                    TravelTrack::AtRisk {
                        departure,
                        safe_from: None,
                        book_by: book_by.filter(|by| *by >= today),
                    },
                    f,
                )
            }
        }
        Arrival::ByPost | Arrival::PoliceCall | Arrival::Unknown(_) | Arrival::NotComing => {
            let (missing, unknown) = match &coming {
                Arrival::ByPost => (Vec::new(), "decision_date"),
                Arrival::PoliceCall => (Vec::new(), "police_call"),
                Arrival::Unknown(missing) => (missing.clone(), "arrival"),
                _ => (Vec::new(), "no_new_card"),
            };
            if coming == Arrival::NotComing && expires_before.is_none() {
                // No card in hand and none coming that the checker can see.
                (
                    TravelTrack::NoCard { departure },
                    no_card_in_time(base(Verdict::Yes, "no_valid_card")),
                )
            } else if expires_before.is_some() {
                // a warning, not a "maybe": the card will have expired.
                (
                    TravelTrack::NoCard { departure },
                    base(Verdict::Yes, "expires_before").param("unknown", Value::Key(unknown)),
                )
            } else {
                (
                    TravelTrack::CannotJudge {
                        departure,
                        missing: missing.clone(),
                    },
                    base(Verdict::maybe(&missing), "cannot_judge")
                        .param("unknown", Value::Key(unknown)),
                )
            }
        }
    };
    (track, Some(with_expiry(f)))
}

/// The words of a trip that no card can be in time for: do not travel before the new card; if
/// the trip cannot wait, coming back needs a visa (R-048, R-049, W35).
fn no_card_in_time(f: Finding) -> Finding {
    f.rules(&[R::R141, R::R048, R::R049])
        .sources(&[S::W22, S::W24])
}

/// The question that dates the card in hand: its own expiry for a permanent status, the
/// permit's for a temporary one.
fn expiry_question(ctx: &Ctx) -> Question {
    if matches!(
        ctx.a.status,
        Some(Status::PermanentPermit | Status::PermanentRight)
    ) {
        Question::CardExpiry
    } else {
        Question::PermitExpiry
    }
}

/// for someone who lives abroad, what the card is at the border and what to carry until
/// it comes, instead of "do not travel".
pub(crate) fn border_finding(ctx: &Ctx) -> Option<Finding> {
    lives_abroad(ctx).then(|| {
        Finding::new(F::LivesAbroadBorder, Verdict::Yes, Priority::Info)
            .rules(&[R::R142, R::R116])
            .sources(&[S::Seed004])
    })
}
