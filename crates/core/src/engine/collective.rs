//! Area P of the rule book: temporary collective protection for people displaced from Ukraine
//! (R-130 … R-137).
//!
//! A holder of collective protection does not apply to renew: the permit is extended
//! automatically, one year at a time, and the new card comes by post, unless
//! something stops the extension. So for these holders this area replaces area E's
//! renewal rules, area F's absence rule for temporary permits and the planning for a permanent
//! permit; the call sites in the other areas ask [`holder`] / [`new_arrival`] and step
//! aside. New applications for collective protection are not assessed.
//!
//! Like every area, it sees the domain only through the engine's usual imports.

use chrono::NaiveDate;

use super::absence::{self, Threshold};
use super::decision::{Counted, DateKey, Finding, FindingKey, Priority, Value, Verdict};
use super::stays::with_check;
use super::{missing, Ctx, Out};
use crate::domain::answers::{AppliedFor, Basis, CardSituation, Status};
use crate::domain::dates::{days_before, years_after};
use crate::domain::questions::Question as Q;
use crate::domain::refs::{RuleId as R, Source as S};

/// Six months abroad in the last year of the permit stop the automatic extension.
const LIMIT_MONTHS: u32 = 6;
/// The letter about the extension comes about three weeks before the permit expires.
const LETTER_DAYS_BEFORE: u32 = 21;

fn collective(ctx: &Ctx) -> bool {
    ctx.non_eu() && ctx.a.basis == Some(Basis::CollectiveProtection)
}

/// A holder of a permit under collective protection: area P replaces areas E and F.
pub(crate) fn holder(ctx: &Ctx) -> bool {
    collective(ctx) && ctx.a.status == Some(Status::Temporary)
}

/// Someone without a permit yet (or unsure) asking about collective protection: not assessed
///
pub(crate) fn new_arrival(ctx: &Ctx) -> bool {
    collective(ctx) && matches!(ctx.a.status, Some(Status::NoneYet | Status::DontKnow))
}

pub(crate) fn rules(ctx: &Ctx, out: &mut Out) {
    if new_arrival(ctx) {
        out.add(
            Finding::new(
                FindingKey::CollectiveNewArrival,
                Verdict::Yes,
                Priority::Action,
            )
            .rules(&[R::R137, R::R130])
            .sources(&[S::W81, S::W82]),
        );
        return;
    }
    if !holder(ctx) {
        return;
    }
    let stop = no_extension(ctx, out);
    extension(ctx, out, &stop);
    // The card after the extension comes by post; a card lost, stolen or damaged now is
    // ordered as in area D, and that finding speaks for it.
    let a = ctx.a;
    let replacing_now = a.applied_for == Some(AppliedFor::NewCardOnly)
        && a.card_situation_any(|c| c.is_card_problem() || c == CardSituation::PassportSticker);
    if stop.verdict != Verdict::Yes && !replacing_now {
        card_by_post(ctx, out);
    }
    out.add(
        Finding::new(FindingKey::CollectiveTravel, Verdict::Yes, Priority::Info)
            .rules(&[R::R134, R::R070])
            .sources(&[S::W79, S::Seed001]),
    );
    out.add(
        Finding::new(FindingKey::CollectivePermanent, Verdict::No, Priority::Info)
            .rules(&[R::R135])
            .sources(&[S::W80])
            .param("years", Value::Count(Counted::Years, 5)),
    );
}

/// is anything known that stops the automatic extension? Yes: more than six months
/// abroad in the last year of the permit. Maybe: close to the limit (C-4 / C-5), a citizen of
/// another country too, or answers missing. The finding is added and returned.
fn no_extension(ctx: &Ctx, out: &mut Out) -> Finding {
    let a = ctx.a;
    let base = Finding::new(
        FindingKey::CollectiveNoExtension,
        Verdict::No,
        Priority::Info,
    )
    .rules(&[R::R133])
    .sources(&[S::W78, S::W82]);
    let mut gaps = missing(&[
        (Q::StaysAbroad, a.stays_abroad.is_some()),
        (Q::OtherCitizenship, a.other_citizenship.is_some()),
    ]);
    let mut f = base;
    let mut exceeded = false;
    let mut borderline = false;
    if a.stays_abroad.is_some() {
        // The last year of the permit: the 365 days ending on the expiry (today if unknown).
        let until = a.permit_expiry.unwrap_or(ctx.today);
        let check =
            absence::check_total_in_lookback(&ctx.case.stay_ranges(), until, 1, LIMIT_MONTHS);
        exceeded = check.threshold == Threshold::Exceeded;
        borderline = check.threshold == Threshold::Borderline;
        f = with_check(f, &check).param("until", Value::Date(until));
        if a.permit_expiry.is_none() && !exceeded {
            gaps.insert(0, Q::PermitExpiry);
        }
    }
    if a.other_citizenship == Some(true) {
        f = f.param("other_citizenship", Value::Key("yes"));
    }
    let (verdict, priority) = if exceeded {
        (Verdict::Yes, Priority::Action)
    } else if borderline || a.other_citizenship == Some(true) {
        (Verdict::maybe(&gaps), Priority::Warning)
    } else if !gaps.is_empty() {
        (Verdict::maybe(&gaps), Priority::Info)
    } else {
        (Verdict::No, Priority::Info)
    };
    f.verdict = verdict;
    f.priority = priority;
    out.add(f.clone());
    f
}

/// the permit is extended automatically for one more year, without an
/// application; rights continue while waiting.
fn extension(ctx: &Ctx, out: &mut Out, stop: &Finding) {
    let a = ctx.a;
    let verdict = match &stop.verdict {
        Verdict::Yes => Verdict::No,
        Verdict::No => Verdict::Yes,
        Verdict::Maybe { missing } => Verdict::Maybe {
            missing: missing.clone(),
        },
    };
    let mut f = Finding::new(FindingKey::CollectiveExtension, verdict, Priority::Action)
        .rules(&[R::R130, R::R131])
        .sources(&[S::W76, S::W77]);
    if stop.verdict == Verdict::Yes {
        f = f.rules(&[R::R133]).sources(&[S::W78]);
    }
    if let Some(expiry) = a.permit_expiry {
        out.date(DateKey::PermitExpiry, Some(expiry), &[R::R131]);
        f = f.param("permit_expiry", Value::Date(expiry));
        // The letter and the new end date only when the extension is expected: not when it is
        // stopped, nor stated as certain when it may be.
        if f.verdict == Verdict::Yes {
            let new_expiry = new_expiry(expiry);
            f = f
                .date("letter_around", days_before(expiry, LETTER_DAYS_BEFORE))
                .date("new_expiry", new_expiry);
            out.date(DateKey::CollectiveNewExpiry, new_expiry, &[R::R131]);
        }
    }
    out.add(f);
}

/// The extended permit runs one year from the old expiry date.
fn new_expiry(expiry: NaiveDate) -> Option<NaiveDate> {
    years_after(expiry, 1)
}

/// after the extension the new card comes by post, except for a child who turned six
/// after the permit was granted: the child must meet the police to give fingerprints.
fn card_by_post(ctx: &Ctx, out: &mut Out) {
    let a = ctx.a;
    let f = Finding::new(
        FindingKey::CollectiveCardByPost,
        Verdict::Yes,
        Priority::Action,
    )
    .rules(&[R::R132, R::R024])
    .sources(&[S::W76, S::W14]);
    let Some(dob) = a.date_of_birth else {
        let gaps = missing(&[
            (Q::DateOfBirth, false),
            (Q::PermitStart, a.permit_start.is_some()),
        ]);
        out.add(f.verdict_maybe(&gaps));
        return;
    };
    // The extension takes effect when the permit expires (today if the expiry is unknown).
    let on = a.permit_expiry.unwrap_or(ctx.today);
    let Some(sixth) = years_after(dob, 6) else {
        out.add(f);
        return;
    };
    if sixth > on {
        out.add(f);
        return;
    }
    match a.permit_start {
        None => out.add(f.verdict_maybe(&[Q::PermitStart])),
        Some(start) if sixth > start => {
            let mut f = f
                .rules(&[R::R021])
                .param("sixth_birthday", Value::Date(sixth));
            f.verdict = Verdict::No;
            out.add(f);
        }
        Some(_) => out.add(f),
    }
}
