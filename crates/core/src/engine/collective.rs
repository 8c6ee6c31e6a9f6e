//! Area P of the rule book: temporary collective protection for people displaced from Ukraine
//! (R-130 … R-138).
//!
//! A holder of collective protection does not apply to renew: the permit is extended
//! automatically, one year at a time, and the new card comes by post, unless
//! something stops the extension. So for these holders this area replaces area E's
//! renewal rules, area F's absence rule for temporary permits and the planning for a permanent
//! permit; the call sites in the other areas ask [`holder`] / [`new_arrival`] and step
//! aside. New applications for collective protection are not assessed.
//!
//! Collective protection lasts at most five years. Revision 2026.12.2 counts them on
//! each holder's own dates (R-138, from the first permit, Q38): no extension is promised past
//! the five-year date, and from six months before it that date leads the area's findings. What
//! follows five years is not decided (K21): the findings say so, with the conditions of a later
//! permanent permit, and never give a date for one.
//!
//! Like every area, it sees the domain only through the engine's usual imports.

use chrono::NaiveDate;

use super::absence::{self, Threshold};
use super::decision::{Counted, DateKey, Finding, FindingKey, Priority, Value, Verdict};
use super::stays::with_check;
use super::{missing, Ctx, Out};
use crate::domain::answers::{AppliedFor, Basis, CardSituation, Status};
use crate::domain::dates::{days_before, months_before, years_after};
use crate::domain::questions::{Question as Q, COLLECTIVE_PROTECTION_FROM};
use crate::domain::refs::{Conflict, RuleId as R, Source as S};

/// Six months abroad in the last year of the permit stop the automatic extension.
const LIMIT_MONTHS: u32 = 6;
/// The letter about the extension comes about three weeks before the permit expires.
const LETTER_DAYS_BEFORE: u32 = 21;
/// Collective protection lasts at most five years.
const MAX_YEARS: u32 = 5;
/// From six months before the five-year date, that date leads the findings.
const LEAD_MONTHS: u32 = 6;
/// Three months before the five-year date: the day to start checking udi.no.
const CHECK_MONTHS: u32 = 3;
/// A later permit could lead to a permanent permit after three more years: about eight in all
/// (R-135, W86). Shown only as "at the earliest", never as a date.
const EARLIEST_PERMANENT_YEARS: u32 = 8;

/// The holder's five-year date: five years after the first permit (Q38), if given.
pub(crate) fn five_year_date(ctx: &Ctx) -> Option<NaiveDate> {
    ctx.a
        .first_collective_permit
        .and_then(|first| years_after(first, MAX_YEARS))
}

/// The earliest anyone can reach five years: five years after the first permits of 11 March
/// 2022 (R-138: "the first holders reach it in March 2027").
fn earliest_five_year_date() -> Option<NaiveDate> {
    years_after(COLLECTIVE_PROTECTION_FROM, MAX_YEARS)
}

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
            .sources(&[S::W81, S::W82, S::W90]),
        );
        return;
    }
    if !holder(ctx) {
        return;
    }
    five_years(ctx, out);
    let stop = no_extension(ctx);
    let extended = extension(ctx, out, &stop);
    // at five years no extension is promised, so nothing stops one either: the stays
    // abroad are said only when they would stop it.
    let at_limit = extended.get_key("limit") == Some("five_years_reached");
    if !(at_limit && stop.verdict == Verdict::No) {
        out.add(stop.clone());
    }
    // The card after the extension comes by post; a card lost, stolen or damaged now is
    // ordered as in area D, and that finding speaks for it.
    let a = ctx.a;
    let replacing_now = a.applied_for == Some(AppliedFor::NewCardOnly)
        && a.card_situation_any(|c| c.is_card_problem() || c == CardSituation::PassportSticker);
    if stop.verdict != Verdict::Yes && !replacing_now && !at_limit {
        card_by_post(ctx, out);
    }
    out.add(super::stays::with_ees(
        ctx,
        Finding::new(FindingKey::CollectiveTravel, Verdict::Yes, Priority::Info)
            .rules(&[R::R134, R::R070])
            .sources(&[S::W79, S::Seed001]),
    ));
    // R-135 (revised 2026.12.2, K21): at most five years; what follows is not decided; a
    // later permanent permit is conditional and never dated.
    out.add(
        Finding::new(FindingKey::CollectivePermanent, Verdict::No, Priority::Info)
            .rules(&[R::R135])
            .sources(&[S::W80, S::W84, S::W85, S::W86])
            .conflict(Conflict::K21)
            .param("years", Value::Count(Counted::Years, i64::from(MAX_YEARS)))
            .param(
                "earliest_years",
                Value::Count(Counted::Years, i64::from(EARLIEST_PERMANENT_YEARS)),
            ),
    );
}

/// the holder's own five-year date (Q38). With it: the date, and the day to start
/// checking udi.no; from six months before, the finding leads (an action). Without it: "five
/// years after your first permit", with no date, and when the first holders reach it.
fn five_years(ctx: &Ctx, out: &mut Out) {
    let f = Finding::new(
        FindingKey::CollectiveFiveYears,
        Verdict::Yes,
        Priority::Info,
    )
    .rules(&[R::R138, R::R135])
    .sources(&[S::W80, S::W84, S::W86])
    .conflict(Conflict::K21)
    .param("years", Value::Count(Counted::Years, i64::from(MAX_YEARS)));
    let Some(five) = five_year_date(ctx) else {
        // The earliest holders decide how soon this can matter for anyone.
        let soon = earliest_five_year_date()
            .and_then(|e| months_before(e, LEAD_MONTHS))
            .is_some_and(|lead| ctx.today >= lead);
        let mut f = f
            .verdict_maybe(&[Q::FirstCollectivePermit])
            .date("earliest_holders", earliest_five_year_date());
        f.priority = if soon {
            Priority::Action
        } else {
            Priority::Info
        };
        out.add(f);
        return;
    };
    let check_from = months_before(five, CHECK_MONTHS);
    let lead = months_before(five, LEAD_MONTHS);
    // Where the holder stands against the date, on the day evaluated.
    let stage = if ctx.today >= five {
        "reached"
    } else if check_from.is_some_and(|c| ctx.today >= c) {
        "check_now"
    } else if lead.is_some_and(|l| ctx.today >= l) {
        "soon"
    } else {
        "ahead"
    };
    let mut f = f
        .date("first_permit", ctx.a.first_collective_permit)
        .param("five_years", Value::Date(five))
        .param("stage", Value::Key(stage));
    if matches!(stage, "soon" | "ahead") {
        f = f.date("check_from", check_from);
        out.date(DateKey::CollectiveCheckUdi, check_from, &[R::R138]);
    }
    f.priority = if stage == "ahead" {
        Priority::Info
    } else {
        Priority::Action
    };
    out.date(DateKey::CollectiveFiveYears, Some(five), &[R::R138]);
    out.add(f);
}

/// is anything known that stops the automatic extension? Yes: more than six months
/// abroad in the last year of the permit. Maybe: close to the limit (C-4 / C-5), a citizen of
/// another country too, or answers missing. The finding is returned, for the caller to add.
fn no_extension(ctx: &Ctx) -> Finding {
    let a = ctx.a;
    let base = Finding::new(
        FindingKey::CollectiveNoExtension,
        Verdict::No,
        Priority::Info,
    )
    .rules(&[R::R133])
    .sources(&[S::W78, S::W82, S::W76])
    // K20: UDI's Norwegian page says the first year, the newer pages the last: the last.
    .conflict(Conflict::K20);
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
    f
}

/// with R-138: the permit is extended automatically for one more year, without an
/// application, but never past the five-year date; rights continue while waiting.
fn extension(ctx: &Ctx, out: &mut Out, stop: &Finding) -> Finding {
    let a = ctx.a;
    let mut verdict = match &stop.verdict {
        Verdict::Yes => Verdict::No,
        Verdict::No => Verdict::Yes,
        Verdict::Maybe { missing } => Verdict::Maybe {
            missing: missing.clone(),
        },
    };
    let five = five_year_date(ctx);
    let mut f = Finding::new(
        FindingKey::CollectiveExtension,
        Verdict::No,
        Priority::Action,
    )
    .rules(&[R::R130, R::R131])
    .sources(&[S::W76, S::W77]);
    if stop.verdict == Verdict::Yes {
        f = f.rules(&[R::R133]).sources(&[S::W78]);
    }
    let Some(expiry) = a.permit_expiry else {
        if five.is_none() && verdict == Verdict::Yes {
            // Nothing to cap against: say that five years is the limit.
            f = f.param("limit", Value::Key("five_years_unknown"));
        }
        f.verdict = verdict;
        out.add(f.clone());
        return f;
    };
    out.date(DateKey::PermitExpiry, Some(expiry), &[R::R131]);
    f = f.param("permit_expiry", Value::Date(expiry));
    // the five-year date (or, when it is not known, the earliest anyone reaches it)
    // caps the extension.
    let cap = five.or_else(earliest_five_year_date);
    let reached = cap.is_some_and(|c| expiry >= c);
    if verdict != Verdict::No && reached {
        f = f.rules(&[R::R138]).sources(&[S::W84, S::W86]);
        if five.is_some() {
            // The permit ends on or after the five-year date: no extension can be promised,
            // and what follows is not decided (R-135, K21).
            f = f
                .conflict(Conflict::K21)
                .param("limit", Value::Key("five_years_reached"))
                .date("five_years", five);
            verdict = Verdict::maybe(&[]);
        } else {
            // Whether it has been five years depends on the first permit.
            f = f.param("limit", Value::Key("five_years_unknown"));
            verdict = match verdict {
                Verdict::Maybe { mut missing } => {
                    missing.push(Q::FirstCollectivePermit);
                    Verdict::Maybe { missing }
                }
                _ => Verdict::maybe(&[Q::FirstCollectivePermit]),
            };
        }
    }
    f.verdict = verdict;
    // The letter and the new end date only when the extension is expected: not when it is
    // stopped, nor stated as certain when it may be.
    if f.verdict == Verdict::Yes {
        let mut new_expiry = new_expiry(expiry);
        match (new_expiry, five) {
            (Some(n), Some(c)) if n >= c => {
                // At most to the five-year date.
                new_expiry = Some(c);
                f = f
                    .rules(&[R::R138])
                    .sources(&[S::W84, S::W86])
                    .conflict(Conflict::K21)
                    .param("limit", Value::Key("at_most_five_years"));
            }
            (Some(_), None) => {
                f = f.param("limit", Value::Key("five_years_unknown"));
            }
            _ => {}
        }
        f = f
            .date("letter_around", days_before(expiry, LETTER_DAYS_BEFORE))
            .date("new_expiry", new_expiry);
        out.date(DateKey::CollectiveNewExpiry, new_expiry, &[R::R131]);
    }
    out.add(f.clone());
    f
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
