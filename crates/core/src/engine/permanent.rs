//! Area G of the rule book: losing or keeping permanent status through long stays abroad
//! (R-080 … R-083).

use super::absence::{self, Threshold, TwoYearReading};
use super::decision::{Counted, Finding, FindingKey, Priority, Value, Verdict};
use super::stays::with_check;
use super::{Ctx, Out};
use crate::domain::answers::{AbsenceReason, Citizenship, LongAbroadReason, Place, Status};
use crate::domain::dates::DateRange;
use crate::domain::questions::Question as Q;
use crate::domain::refs::{Conflict, RuleId as R, Source as S};

pub(crate) fn rules(ctx: &Ctx, out: &mut Out) {
    if ctx.a.citizenship == Some(Citizenship::EuEea) {
        return;
    }
    match ctx.a.status {
        Some(Status::PermanentPermit) => {
            permanent_permit_loss(ctx, out);
            keep_while_abroad(ctx, out);
        }
        Some(Status::PermanentRight) => permanent_right_loss(ctx, out),
        _ => {}
    }
}

/// a continuous absence of two years, or two years in total within four years (K4).
fn permanent_permit_loss(ctx: &Ctx, out: &mut Out) {
    let base = Finding::new(FindingKey::PermanentPermitLoss, Verdict::No, Priority::Info)
        .rules(&[R::R080])
        .sources(&[S::W40, S::W41, S::W44])
        .conflict(Conflict::K4);
    if ctx.a.stays_abroad.is_none() {
        out.add(base.verdict_maybe(&[Q::StaysAbroad]));
        return;
    }
    let stays = ctx.case.stay_ranges();
    let continuous = absence::check_continuous_two_years(&stays);
    let in_four = absence::check_two_years_in_four(&stays);
    let mut f = with_check(base, &in_four).param("longest_days", Value::Days(continuous.days));
    if let Some(l) = continuous.longest {
        f = f
            .date("longest_from", Some(l.start))
            .date("longest_to", Some(l.end));
    }
    let (verdict, reason) = match (continuous.reading, in_four.threshold) {
        (TwoYearReading::MoreThanTwoYears, _) => (Verdict::Yes, "continuous"),
        (_, Threshold::Exceeded) => (Verdict::Yes, "two_in_four"),
        (TwoYearReading::ExactlyTwoYears, _) => (Verdict::maybe(&[]), "exactly_two_years"),
        (_, Threshold::Borderline) => (Verdict::maybe(&[]), "two_in_four_borderline"),
        _ => (Verdict::No, "within"),
    };
    f.priority = if verdict == Verdict::No {
        Priority::Info
    } else {
        Priority::Action
    };
    f.verdict = verdict;
    out.add(f.param("reason", Value::Key(reason)));
}

/// keeping a permanent permit while living abroad for more than two years.
fn keep_while_abroad(ctx: &Ctx, out: &mut Out) {
    let a = ctx.a;
    if a.plan_abroad_over_two_years != Some(true) {
        return;
    }
    let f = Finding::new(
        FindingKey::KeepPermanentAbroad,
        Verdict::Yes,
        Priority::Action,
    )
    .rules(&[R::R081, R::R082])
    .sources(&[S::W42, S::W43]);
    let qualifying = a.long_abroad_reason.map(|r| r != LongAbroadReason::Other);
    let f = match (qualifying, a.intends_to_return) {
        (Some(true), Some(true)) => {
            let in_norway = a.location_now != Some(Place::Abroad);
            f.param(
                "after_grant",
                Value::Key(if in_norway {
                    "order_card"
                } else {
                    "entry_visa"
                }),
            )
        }
        (Some(false), _) | (_, Some(false)) => {
            let mut f = f.param("reason", Value::Key("does_not_qualify"));
            f.verdict = Verdict::No;
            f
        }
        _ => {
            let gaps = super::missing(&[
                (Q::LongAbroadReason, a.long_abroad_reason.is_some()),
                (Q::IntendsToReturn, a.intends_to_return.is_some()),
            ]);
            f.verdict_maybe(&gaps)
        }
    };
    out.add(f);
}

/// permanent right of residence is lost after more than two continuous years abroad
/// (exempt reasons as in R-009: national service may be longer).
fn permanent_right_loss(ctx: &Ctx, out: &mut Out) {
    let base = Finding::new(FindingKey::PermanentRightLoss, Verdict::No, Priority::Info)
        .rules(&[R::R083, R::R009])
        .sources(&[S::Seed003]);
    if ctx.a.stays_abroad.is_none() {
        out.add(base.verdict_maybe(&[Q::StaysAbroad]));
        return;
    }
    let counted: Vec<DateRange> = ctx
        .case
        .stays()
        .iter()
        .filter(|s| s.reason != AbsenceReason::MilitaryCivilianService)
        .filter_map(|s| DateRange::new(s.from, s.to))
        .collect();
    let check = absence::check_continuous_two_years(&counted);
    let mut f = base.param("longest_days", Value::Days(check.days));
    {
        if check.reading == TwoYearReading::MoreThanTwoYears {
            f.verdict = Verdict::Yes;
            f.priority = Priority::Action;
            f = f.param("new_period_years", Value::Count(Counted::Years, 5));
        }
    }
    out.add(f);
}
