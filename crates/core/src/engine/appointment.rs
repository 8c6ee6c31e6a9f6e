//! Area B of the rule book: police appointment or card by post, and how to book
//! (R-010 … R-027).
//!
//! Evaluation order (rule book): R-010 (before 16 April 2021) → the exceptions R-013 … R-018 →
//! R-019 (renewals) → R-012 (default: by post) → always R-020 (the decision letter prevails).

use super::decision::{Finding, FindingKey, Priority, Value, Verdict};
use super::{missing, Ctx, Out, BIOMETRICS_AT_SUBMISSION_FROM};
use crate::domain::answers::{
    AppliedFor, Basis, BrexitRole, Channel, LetterSays, Place, Status, SubmittedBy, TravelDocument,
};
use crate::domain::dates::age_on;
use crate::domain::questions::Question as Q;
use crate::domain::refs::{Conflict, RuleId as R, Source as S};

/// How the card reaches the applicant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Route {
    /// Book a police appointment yourself.
    Book,
    /// The card comes by post; no appointment.
    Post,
    /// The police call you in; do not book.
    PoliceSummons,
    /// Wait for the police to tell you to book.
    WaitForNotice,
}

impl Route {
    fn as_key(self) -> &'static str {
        match self {
            Route::Book => "book",
            Route::Post => "post",
            Route::PoliceSummons => "police_summons",
            Route::WaitForNotice => "wait_for_notice",
        }
    }
}

/// The route decided by [`rules`], read back from the finding by later areas.
pub(crate) fn route(out: &Out) -> Option<Route> {
    let f = out.has(FindingKey::Appointment)?;
    match f.get_key("route")? {
        "book" => Some(Route::Book),
        "post" => Some(Route::Post),
        "police_summons" => Some(Route::PoliceSummons),
        "wait_for_notice" => Some(Route::WaitForNotice),
        _ => None,
    }
}

/// Whether area B applies: a non-EU/EEA national who applied for a permit (not only a new card).
fn applies(ctx: &Ctx) -> bool {
    ctx.non_eu()
        && !matches!(ctx.a.applied_for, Some(AppliedFor::NewCardOnly))
        && !matches!(
            ctx.a.status,
            Some(Status::EuRegistration | Status::EuPermanentCertificate)
        )
}

pub(crate) fn rules(ctx: &Ctx, out: &mut Out) {
    if !applies(ctx) {
        return;
    }
    // Area P: new applications for collective protection are not assessed, and a
    // holder's extension is automatic, with no application to meet the police for.
    if super::collective::new_arrival(ctx)
        || (super::collective::holder(ctx) && ctx.a.applied_for == Some(AppliedFor::Renewal))
    {
        return;
    }
    let a = ctx.a;
    let Some(applied_for) = a.applied_for else {
        // A frontier worker is asked only the frontier rules' facts, not what was
        // applied for: the decision letter says (the text), and no question is named (issue 25).
        let frontier = matches!(
            a.brexit_role,
            Some(BrexitRole::FrontierWorker | BrexitRole::FrontierWorkerFamily)
        );
        out.add(
            Finding::new(
                FindingKey::Appointment,
                Verdict::maybe(if frontier { &[] } else { &[Q::AppliedFor] }),
                Priority::Action,
            )
            .rules(&[R::R012, R::R020])
            .sources(&[S::Seed000, S::W06]),
        );
        return;
    };
    let mut f = decide(ctx, applied_for);
    // the decision letter prevails.
    f = f.rules(&[R::R020]).sources(&[S::W06, S::W07]);
    let by_letter = match a.letter_says_meet_police {
        Some(LetterSays::Yes) => Some(Route::Book),
        Some(LetterSays::No) => Some(Route::Post),
        Some(LetterSays::Unsure) | None => None,
    };
    let computed = f.get_key("route");
    // The letter settles "book" against "post" (and any "maybe"); it does not turn a police
    // summons or a Brexit notice into self-booking.
    if let Some(letter) = by_letter {
        if computed.is_none_or(|r| r == "book" || r == "post") {
            if computed.is_some_and(|r| r != letter.as_key()) {
                f = f.param("letter", Value::Key("overrides"));
            }
            f.verdict = if letter == Route::Book {
                Verdict::Yes
            } else {
                Verdict::No
            };
            f = f.param("route", Value::Key(letter.as_key()));
        }
    }
    let route = f.get_key("route");
    let verdict_yes = f.is_yes();
    // The applicant's own appointment, when given: the finding does not ask for it again.
    let f = match a.appointment_date {
        Some(on) if route.is_some_and(|r| r == "book") => f.param("booked", Value::Date(on)),
        _ => f,
    };
    out.add(f);
    out.add(
        Finding::new(
            FindingKey::DecisionLetterPrevails,
            Verdict::Yes,
            Priority::Info,
        )
        .rules(&[R::R020])
        .sources(&[S::W06, S::W07]),
    );
    if verdict_yes {
        how_to_book(ctx, out);
    }
    if route.is_some_and(|r| r != "post") {
        guardian(ctx, out);
    }
    if route.is_some() {
        after_card_ordered(ctx, out);
    }
}

/// The route before the decision letter is considered.
fn decide(ctx: &Ctx, applied_for: AppliedFor) -> Finding {
    let a = ctx.a;
    let book = |rules: &[R], sources: &[S], reason: &'static str| {
        Finding::new(FindingKey::Appointment, Verdict::Yes, Priority::Action)
            .rules(rules)
            .sources(sources)
            .param("route", Value::Key(Route::Book.as_key()))
            .param("reason", Value::Key(reason))
    };
    // permanent right of residence (non-EU family member): always an appointment.
    if applied_for == AppliedFor::PermanentRight || a.status == Some(Status::PermanentRight) {
        return book(&[R::R022], &[S::Seed003], "permanent_right");
    }
    // Brexit applicants wait for the police to tell them to book.
    if applied_for == AppliedFor::BrexitPermit {
        return Finding::new(FindingKey::Appointment, Verdict::No, Priority::Action)
            .rules(&[R::R016, R::R111])
            .sources(&[S::Seed000, S::Seed004, S::W59])
            .param("route", Value::Key(Route::WaitForNotice.as_key()));
    }
    // applied before 16 April 2021: always an appointment.
    if let Some(date) = a.application_date {
        if date < BIOMETRICS_AT_SUBMISSION_FROM {
            return book(
                &[R::R010],
                &[S::Seed001, S::W10, S::W11, S::W67],
                "before_2021_04_16",
            );
        }
    }
    // first-time asylum lodged with the police: the police call you in.
    if applied_for == AppliedFor::FirstAsylumWithPolice {
        return Finding::new(FindingKey::Appointment, Verdict::No, Priority::Action)
            .rules(&[R::R017, R::R011])
            .sources(&[S::Seed000, S::Seed001, S::W08])
            .param("route", Value::Key(Route::PoliceSummons.as_key()));
    }
    // applied from abroad.
    if a.applied_from == Some(Place::Abroad) {
        return book(
            &[R::R013, R::R011],
            &[S::Seed000, S::Seed001, S::W07, S::W09],
            "applied_abroad",
        );
    }
    // R-014 A/B: a travel document still to be turned in.
    match a.travel_document {
        Some(TravelDocument::ExpiredNotHandedIn) => {
            return book(
                &[R::R014, R::R019, R::R011],
                &[S::Seed000, S::Seed001, S::W08],
                "travel_document",
            )
            .param("document", Value::Key("expired"));
        }
        Some(TravelDocument::Valid) => {
            return book(
                &[R::R014, R::R019, R::R011],
                &[S::Seed000],
                "travel_document",
            )
            .param("document", Value::Key("valid"))
            .conflict(Conflict::K7);
        }
        _ => {}
    }
    // power of attorney; R-018: employer applied online.
    match a.submitted_by {
        Some(SubmittedBy::PowerOfAttorney) => {
            return book(
                &[R::R015, R::R011],
                &[S::Seed000, S::W09],
                "power_of_attorney",
            );
        }
        Some(SubmittedBy::Employer) => {
            return book(&[R::R018, R::R011], &[S::W07], "employer_applied");
        }
        _ => {}
    }
    // From here on the application date decides between R-010 and the post route.
    let renewal_like = matches!(
        applied_for,
        AppliedFor::Renewal | AppliedFor::DerivedRefugee
    );
    let mut gaps = missing(&[
        (Q::ApplicationDate, a.application_date.is_some()),
        (Q::AppliedFrom, a.applied_from.is_some()),
        (Q::TravelDocument, a.travel_document.is_some()),
    ]);
    if !renewal_like {
        gaps.extend(missing(&[
            (Q::SubmittedBy, a.submitted_by.is_some()),
            (Q::BiometricsTaken, a.biometrics_taken.is_some()),
        ]));
    }
    if !gaps.is_empty() {
        return Finding::new(
            FindingKey::Appointment,
            Verdict::Maybe { missing: gaps },
            Priority::Action,
        )
        .rules(&[R::R010, R::R012, R::R013, R::R014, R::R015, R::R018])
        .sources(&[S::Seed000, S::Seed001, S::W09]);
    }
    let post = |rules: &[R], sources: &[S], reason: &'static str| {
        Finding::new(FindingKey::Appointment, Verdict::No, Priority::Action)
            .rules(rules)
            .sources(sources)
            .param("route", Value::Key(Route::Post.as_key()))
            .param("reason", Value::Key(reason))
    };
    // renewals and derived refugee status: by post unless R-014 applies (checked above).
    if renewal_like {
        let reason = if applied_for == AppliedFor::DerivedRefugee {
            "derived_refugee"
        } else {
            "renewal"
        };
        let mut f = post(&[R::R019, R::R011], &[S::Seed001, S::W08], reason);
        if a.travel_document == Some(TravelDocument::ExpiredHandedIn) {
            f = f.rules(&[R::R014]);
        }
        return f;
    }
    // applied from Norway, in person, biometrics registered → by post.
    if a.biometrics_taken == Some(true) && a.submitted_by == Some(SubmittedBy::Myself) {
        let mut f = post(
            &[R::R012, R::R011],
            &[S::Seed000, S::Seed001, S::W09],
            "biometrics_taken",
        );
        if a.travel_document == Some(TravelDocument::ExpiredHandedIn) {
            f = f.rules(&[R::R014]);
        }
        return f;
    }
    // Biometrics not registered: the police must take them.
    book(&[R::R012, R::R011], &[S::Seed000, S::W06], "no_biometrics")
}

/// how to book. The channel is dated (K17): the police's own booking system since
/// 27 May 2024 ([`super::BOOKING_SYSTEM`]), UDI's Application Portal before.
fn how_to_book(ctx: &Ctx, out: &mut Out) {
    let channel = ctx.a.channel;
    let system = super::dated(super::BOOKING_SYSTEM, ctx.today);
    // Since the police's own system, both ways are one instruction: no need to ask.
    let verdict = match (channel, system) {
        (Some(_), _) | (None, Some(super::BookingSystem::Police)) => Verdict::Yes,
        (None, _) => Verdict::maybe(&[Q::Channel]),
    };
    let how = match (system, channel) {
        (Some(super::BookingSystem::Police), Some(Channel::Online)) => "police_system",
        (Some(super::BookingSystem::Police), Some(Channel::Paper)) => "phone_or_email",
        (Some(super::BookingSystem::Police), None) => "police_system_or_phone",
        (_, Some(Channel::Online)) => "portal",
        (_, Some(Channel::Paper)) => "phone",
        (_, None) => "portal_or_phone",
    };
    let mut f = Finding::new(FindingKey::HowToBook, verdict, Priority::Action)
        .rules(&[R::R021])
        .sources(&[S::Seed000, S::Seed001, S::Seed003, S::W12, S::W13])
        .param("how", Value::Key(how));
    if system == Some(super::BookingSystem::Police) {
        f = f.sources(&[S::W74]).conflict(Conflict::K17);
    }
    out.add(f);
}

/// under 18 at the appointment: a parent or guardian must come along (also at the
/// appointment for a new card, area D).
pub(crate) fn guardian(ctx: &Ctx, out: &mut Out) {
    let a = ctx.a;
    let on = a.appointment_date.unwrap_or(ctx.today);
    let f = Finding::new(
        FindingKey::GuardianMustAttend,
        Verdict::No,
        Priority::Action,
    )
    .rules(&[R::R023])
    .sources(&[S::Seed001, S::Seed003, S::W10, S::W11]);
    match a.date_of_birth.and_then(|dob| age_on(dob, on)) {
        Some(age) if age < 18 => {
            let mut f = f.param("age", Value::Number(i64::from(age)));
            f.verdict = Verdict::Yes;
            out.add(f);
        }
        Some(_) => {}
        None if a.date_of_birth.is_none() => out.add(f.verdict_maybe(&[Q::DateOfBirth])),
        None => {}
    }
}

/// R-024 … R-027: what follows once the card is ordered.
fn after_card_ordered(ctx: &Ctx, out: &mut Out) {
    out.add(
        Finding::new(FindingKey::PostalDelivery, Verdict::Yes, Priority::Action)
            .rules(&[R::R024])
            .sources(&[S::Seed000, S::Seed001, S::Seed003, S::W14, S::W66]),
    );
    out.add(
        Finding::new(
            FindingKey::NoTravelUntilCard,
            Verdict::Yes,
            Priority::Warning,
        )
        .rules(&[R::R026])
        .sources(&[S::Seed000, S::Seed001, S::Seed003, S::W35]),
    );
    out.add(
        Finding::new(
            FindingKey::CardReturnedToPolice,
            Verdict::Yes,
            Priority::Info,
        )
        .rules(&[R::R025])
        .sources(&[S::W17, S::W10, S::W64]),
    );
    if matches!(ctx.a.basis, Some(Basis::Protection | Basis::Humanitarian)) {
        out.add(
            Finding::new(FindingKey::NationalIdNumber, Verdict::Yes, Priority::Info)
                .rules(&[R::R027])
                .sources(&[S::Seed001]),
        );
    }
}
