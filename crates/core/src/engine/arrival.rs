//! Area C of the rule book: when the card should arrive (R-030 … R-034), counted in Norwegian
//! working days (R-900 … R-905), and when it is safe to travel.

use chrono::{Datelike, NaiveDate};

use super::appointment::{route, Route};
use super::calendar::{add_working_days, holidays_in, CalendarRule};
use super::decision::{Counted, DateKey, Finding, FindingKey, Priority, Value, Verdict};
use super::{Ctx, Out};
use crate::domain::answers::AppliedFor;
use crate::domain::questions::Question as Q;
use crate::domain::refs::{Conflict, RuleId as R, Source as S};

/// Working days from the appointment: optimistic (R-031 work page, R-034) and planning.
const OPTIMISTIC_WORKING_DAYS: u32 = 10;
const PLANNING_WORKING_DAYS: u32 = 20;
/// Extra working days to plan with if the card is lost in the mail (R-032, K18: "at least 20"
/// on the newer pages, W75), and the earliest (the older pages' "another ten").
const LOST_IN_MAIL_WORKING_DAYS: u32 = 20;
const LOST_IN_MAIL_EARLIEST_WORKING_DAYS: u32 = 10;

pub(crate) fn rules(ctx: &Ctx, out: &mut Out) {
    let Some(route) = route(out) else { return };
    match route {
        Route::Post => by_post(out),
        Route::Book => after_appointment(ctx, out, ctx.a.appointment_date),
        Route::PoliceSummons | Route::WaitForNotice => {
            arrival_after(ctx, out, ctx.a.appointment_date, true)
        }
    }
}

/// no appointment: up to 20 days / within three weeks by post.
fn by_post(out: &mut Out) {
    out.add(
        Finding::new(FindingKey::CardArrival, Verdict::Yes, Priority::Info)
            .rules(&[R::R030, R::R034])
            .sources(&[S::Seed000, S::W14, S::W15])
            .conflict(Conflict::K1)
            .param("route", Value::Key("post"))
            .param("days", Value::Days(20)),
    );
}

/// R-031 … R-034 after an appointment, from the appointment date. Also used for a new card
/// (area D), where the appointment is the photo appointment.
pub(crate) fn after_appointment(ctx: &Ctx, out: &mut Out, appointment: Option<NaiveDate>) {
    arrival_after(ctx, out, appointment, false)
}

/// [`after_appointment`]; `called_in` when the police give the appointment or say when to
/// book it: the questions do not ask its day then, so without it the finding
/// names no question and says that the police give the day (issue 25).
fn arrival_after(ctx: &Ctx, out: &mut Out, appointment: Option<NaiveDate>, called_in: bool) {
    let a = ctx.a;
    let replacement = a.applied_for == Some(AppliedFor::NewCardOnly);
    let mut rules = vec![R::R031, R::R034, R::R900, R::R901, R::R902, R::R905];
    let mut sources = vec![S::Seed001, S::Seed003, S::W09, S::W16, S::W17, S::H1, S::H2];
    if replacement {
        rules.push(R::R033);
        sources.push(S::Seed002);
    }
    let Some(day0) = appointment else {
        let f = Finding::new(
            FindingKey::CardArrival,
            Verdict::maybe(&[Q::AppointmentDate]),
            Priority::Info,
        )
        .rules(&rules)
        .sources(&sources)
        .conflict(Conflict::K1)
        .param("route", Value::Key("appointment"));
        out.add(if called_in {
            f.verdict_maybe(&[])
                .param("unknown", Value::Key("police_call"))
        } else {
            f
        });
        return;
    };
    let lost = a.card_lost_in_mail == Some(true);
    let planning = add_working_days(day0, PLANNING_WORKING_DAYS, CalendarRule::Statutory);
    // R-032 / K18: a card lost in the mail is made again: counted from the first card's
    // planning date, ten working days at the earliest, twenty to plan with.
    let (earliest, expected) = if lost {
        rules.push(R::R032);
        sources.push(S::W75);
        let after = |n| planning.and_then(|p| add_working_days(p, n, CalendarRule::Statutory));
        (
            after(LOST_IN_MAIL_EARLIEST_WORKING_DAYS),
            after(LOST_IN_MAIL_WORKING_DAYS),
        )
    } else {
        (
            add_working_days(day0, OPTIMISTIC_WORKING_DAYS, CalendarRule::Statutory),
            planning,
        )
    };
    let mut f = Finding::new(FindingKey::CardArrival, Verdict::Yes, Priority::Info)
        .conflict(Conflict::K1)
        .param("route", Value::Key("appointment"))
        .param("appointment", Value::Date(day0))
        .date("earliest", earliest)
        .date("expected_by", expected)
        .param(
            "working_days",
            Value::Count(Counted::WorkingDays, i64::from(PLANNING_WORKING_DAYS)),
        );
    if lost {
        f = f
            .param(
                "lost_in_mail",
                Value::Count(Counted::WorkingDays, i64::from(LOST_IN_MAIL_WORKING_DAYS)),
            )
            .conflict(Conflict::K18);
    }
    if let Some(end) = expected {
        // R-903 / K12: the eves are working days by statute; bank calendars close them.
        if spans_eve(day0, end) {
            rules.push(R::R903);
            // The same count on the bank calendar, a card lost in the mail included.
            let bank = |from: NaiveDate, n| add_working_days(from, n, CalendarRule::BankEves);
            let bank_by = bank(day0, PLANNING_WORKING_DAYS).and_then(|planning| {
                if lost {
                    bank(planning, LOST_IN_MAIL_WORKING_DAYS)
                } else {
                    Some(planning)
                }
            });
            f = f
                .conflict(Conflict::K12)
                .date("expected_by_bank_calendar", bank_by);
        }
        if spans_double_holiday(day0, end) {
            rules.push(R::R904);
        }
    }
    if spans_ascension_or_whitsun(day0, expected) {
        f = f.conflict(Conflict::K11);
    }
    f = f.rules(&rules).sources(&sources).conflict(Conflict::K15);
    out.date(DateKey::CardExpectedEarliest, earliest, &[R::R031, R::R034]);
    out.date(DateKey::CardExpectedBy, expected, &[R::R031, R::R034]);
    out.add(f);
    travel(out, expected);
}

/// the first day it is safer to travel, the day after the card is expected. The
/// planned trip itself is judged by area T (`engine::trip`), on every path.
fn travel(out: &mut Out, expected: Option<NaiveDate>) {
    let Some(expected) = expected else { return };
    out.date(
        DateKey::SafeToTravelFrom,
        expected.succ_opt(),
        &[R::R026, R::R034],
    );
}

fn years(from: NaiveDate, to: NaiveDate) -> std::ops::RangeInclusive<i32> {
    from.year()..=to.year().min(from.year().saturating_add(2))
}

fn spans_eve(from: NaiveDate, to: NaiveDate) -> bool {
    years(from, to).any(|y| {
        [(12, 24), (12, 31)].iter().any(|(m, d)| {
            NaiveDate::from_ymd_opt(y, *m, *d).is_some_and(|eve| from < eve && eve <= to)
        })
    })
}

fn spans_double_holiday(from: NaiveDate, to: NaiveDate) -> bool {
    years(from, to).any(|y| {
        let days = holidays_in(y);
        days.windows(2).any(|w| match w {
            [(a, _), (b, _)] => a == b && from < *a && *a <= to,
            _ => false,
        })
    })
}

fn spans_ascension_or_whitsun(from: NaiveDate, to: Option<NaiveDate>) -> bool {
    use super::calendar::Holiday;
    let Some(to) = to else { return false };
    years(from, to).any(|y| {
        holidays_in(y).iter().any(|(d, h)| {
            matches!(h, Holiday::AscensionDay | Holiday::WhitMonday) && from < *d && *d <= to
        })
    })
}
