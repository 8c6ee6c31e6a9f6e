//! Area E of the rule book: the renewal deadline and rights while waiting (R-060 … R-068).

use chrono::NaiveDate;

use super::decision::{DateKey, Finding, FindingKey, Priority, Value, Verdict};
use super::{Ctx, Out};
use crate::domain::answers::{AppliedFor, Basis, Place, Status};
use crate::domain::dates::{days_before, months_before};
use crate::domain::questions::Question as Q;
use crate::domain::refs::{Conflict, RuleId as R, Source as S};

/// Days before expiry by which a renewal must be registered online for the fallback.
const ONLINE_REGISTRATION_DAYS: u32 = 37;

/// Whether area E applies: a temporary permit, or a renewal application.
fn applies(ctx: &Ctx) -> bool {
    ctx.non_eu()
        && (matches!(
            ctx.a.status,
            Some(Status::Temporary | Status::BrexitTemporary)
        ) || ctx.a.applied_for == Some(AppliedFor::Renewal))
}

pub(crate) fn rules(ctx: &Ctx, out: &mut Out) {
    let a = ctx.a;
    // Area P: collective protection is extended automatically and gives no permanent
    // permit by itself: no renewal deadline, rights while waiting or permanent timing.
    if super::collective::holder(ctx) || super::collective::new_arrival(ctx) {
        return;
    }
    if ctx.non_eu() && a.applied_for == Some(AppliedFor::PermanentPermit) {
        permanent_timing(ctx, out);
    }
    if !applies(ctx) {
        return;
    }
    let Some(expiry) = a.permit_expiry else {
        out.add(
            Finding::new(
                FindingKey::RenewalDeadline,
                Verdict::maybe(&[Q::PermitExpiry]),
                Priority::Action,
            )
            .rules(&[R::R060])
            .sources(&[S::Seed004, S::W26]),
        );
        return;
    };
    let deadline = months_before(expiry, 1);
    let recommended = months_before(expiry, 3);
    out.date(DateKey::PermitExpiry, Some(expiry), &[R::R060]);
    out.date(DateKey::RenewalDeadline, deadline, &[R::R060]);
    out.date(DateKey::RenewalRecommended, recommended, &[R::R064]);
    let passed = deadline.is_some_and(|d| d < ctx.today);
    out.add(
        Finding::new(FindingKey::RenewalDeadline, Verdict::Yes, Priority::Action)
            .rules(&[R::R060])
            .sources(&[S::Seed004, S::W26, S::W27, S::W28, S::W30])
            .param("permit_expiry", Value::Date(expiry))
            .date("deadline", deadline)
            .param("passed", Value::Key(if passed { "yes" } else { "no" })),
    );
    out.add(
        Finding::new(FindingKey::RenewalLeadTime, Verdict::Yes, Priority::Info)
            .rules(&[R::R064])
            .sources(&[S::W29, S::W30, S::W31, S::W32])
            .conflict(Conflict::K2)
            .date("recommended", recommended)
            .date("deadline", deadline),
    );
    rights_while_waiting(ctx, out, expiry, deadline);
    abroad_and_gaps(ctx, out, expiry);
}

/// R-061 … R-063: was the renewal submitted in time to keep the same rights while waiting?
fn rights_while_waiting(ctx: &Ctx, out: &mut Out, expiry: NaiveDate, deadline: Option<NaiveDate>) {
    let a = ctx.a;
    let mut f = Finding::new(
        FindingKey::RightsWhileWaiting,
        Verdict::Yes,
        Priority::Action,
    )
    .rules(&[R::R061, R::R062])
    .sources(&[S::W26, S::W27, S::W28, S::W30])
    .date("deadline", deadline)
    .conflict(Conflict::K2);
    if a.renewal_digital == Some(true) {
        f = f.param("channel", Value::Key("digital"));
        if a.basis == Some(Basis::Study) {
            f = f.param("police_biometrics", Value::Key("still_needed"));
        }
    }
    let Some(submitted) = a.renewal_handed_in() else {
        let registered_by = days_before(expiry, ONLINE_REGISTRATION_DAYS);
        // The day a renewal was handed in is the application's date, for a renewal.
        f.verdict = match a.applied_for {
            None => Verdict::maybe(&[Q::AppliedFor]),
            Some(AppliedFor::Renewal) => Verdict::maybe(&[Q::ApplicationDate]),
            Some(_) => Verdict::maybe(&[]),
        };
        out.add(
            f.rules(&[R::R063])
                .date("register_online_by", registered_by),
        );
        return;
    };
    f = f.param("submitted", Value::Date(submitted));
    if deadline.is_some_and(|d| submitted <= d) {
        out.add(f.param("basis", Value::Key("on_time")));
        return;
    }
    // the 37-day online-registration fallback.
    f = f.rules(&[R::R063]);
    let limit = days_before(expiry, ONLINE_REGISTRATION_DAYS);
    f = f.date("register_online_by", limit);
    match (
        a.no_appointment_before_deadline,
        a.renewal_registered_online,
    ) {
        (Some(true), Some(reg)) if limit.is_some_and(|l| reg <= l) => {
            out.add(f.param("basis", Value::Key("registered_37_days")));
        }
        (Some(true), Some(_)) => {
            f.verdict = Verdict::maybe(&[]);
            out.add(f.param("basis", Value::Key("case_by_case")));
        }
        (Some(true), None) => {
            f.verdict = Verdict::maybe(&[Q::RenewalRegisteredOnline]);
            out.add(f);
        }
        (Some(false), _) => {
            f.verdict = Verdict::No;
            out.add(f.param("basis", Value::Key("late")));
        }
        (None, _) => {
            f.verdict = Verdict::maybe(&[Q::NoAppointmentBeforeDeadline]);
            out.add(f);
        }
    }
}

/// abroad when a protection-based permit expires; a gap without a permit.
fn abroad_and_gaps(ctx: &Ctx, out: &mut Out, expiry: NaiveDate) {
    let a = ctx.a;
    if a.basis == Some(Basis::Protection) && a.location_now == Some(Place::Abroad) {
        out.add(
            Finding::new(
                FindingKey::ProtectionRenewalAbroad,
                Verdict::Yes,
                Priority::Action,
            )
            .rules(&[R::R066])
            .sources(&[S::W33, S::W24])
            .param("permit_expiry", Value::Date(expiry)),
        );
    }
    let expired = expiry < ctx.today;
    if expired && a.renewal_handed_in().is_none() {
        out.add(
            Finding::new(FindingKey::PermitGap, Verdict::Yes, Priority::Warning)
                .rules(&[R::R067])
                .sources(&[S::W31, S::W32, S::W27, S::W35])
                .param("permit_expiry", Value::Date(expiry)),
        );
    }
}

/// a permanent application cannot be handed in more than three months before the
/// residence-time requirement is met.
fn permanent_timing(ctx: &Ctx, out: &mut Out) {
    let mut f = Finding::new(
        FindingKey::PermanentApplicationTiming,
        Verdict::Yes,
        Priority::Action,
    )
    .rules(&[R::R065, R::R064])
    .sources(&[S::W27, S::W34]);
    match super::stays::residence_time_met(ctx) {
        Some(met) => {
            let earliest = months_before(met, 3);
            f = f
                .param("requirement_met", Value::Date(met))
                .date("earliest", earliest);
            out.date(DateKey::PermanentApplicationEarliest, earliest, &[R::R065]);
        }
        None => f.verdict = Verdict::maybe(&super::stays::residence_time_gaps(ctx)),
    }
    out.add(f);
}
