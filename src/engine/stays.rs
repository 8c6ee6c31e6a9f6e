//! Area F of the rule book: travel and absence limits on temporary permits, and the absence
//! limit and other requirements for a later permanent permit (R-070 … R-075).

use chrono::NaiveDate;

use super::absence::{self, LimitCheck, Threshold};
use super::decision::{Finding, FindingKey, Priority, Value, Verdict};
use super::{Ctx, Out};
use crate::domain::answers::{AppliedFor, Basis, Status};
use crate::domain::dates::{add_months_clamped, age_on};
use crate::domain::questions::Question as Q;
use crate::domain::refs::{Conflict, RuleId as R, Source as S};

pub(crate) fn rules(ctx: &Ctx, out: &mut Out) {
    let a = ctx.a;
    if !ctx.non_eu() {
        return;
    }
    let holds_permit = matches!(
        a.status,
        Some(
            Status::Temporary
                | Status::PermanentPermit
                | Status::PermanentRight
                | Status::BrexitTemporary
        )
    );
    if holds_permit {
        out.add(
            Finding::new(FindingKey::TravelWithCard, Verdict::Yes, Priority::Info)
                .rules(&[R::R070])
                .sources(&[S::Seed001, S::W56])
                .param("schengen_days", Value::Days(90)),
        );
    }
    // Area P: for collective protection R-133 replaces, and there is no planning
    // for a permanent permit.
    if super::collective::holder(ctx) || super::collective::new_arrival(ctx) {
        return;
    }
    if a.status == Some(Status::Temporary) {
        temporary_permit_absence(ctx, out);
        permanent_planning(ctx, out);
    } else if a.applied_for == Some(AppliedFor::PermanentPermit) {
        permanent_planning(ctx, out);
    }
}

/// Puts a limit check's figures on a finding.
pub(crate) fn with_check(f: Finding, check: &LimitCheck) -> Finding {
    let f = f
        .param("days_abroad", Value::Days(check.days_abroad))
        .param("limit_days", Value::Days(check.limit_days))
        .param("threshold", Value::Key(threshold_key(check.threshold)));
    match check.worst_window {
        Some(w) => f
            .date("window_start", Some(w.start))
            .date("window_end", Some(w.end)),
        None => f,
    }
}

pub(crate) fn threshold_key(t: Threshold) -> &'static str {
    match t {
        Threshold::Within => "within",
        Threshold::Borderline => "borderline",
        Threshold::Exceeded => "exceeded",
    }
}

/// Exceeded: yes, at risk; borderline: maybe (C-4 / C-5: sources do not say how travel days
/// count); within: no.
fn verdict_for(t: Threshold) -> (Verdict, Priority) {
    match t {
        Threshold::Exceeded => (Verdict::Yes, Priority::Action),
        Threshold::Borderline => (Verdict::maybe(&[]), Priority::Warning),
        Threshold::Within => (Verdict::No, Priority::Info),
    }
}

/// is the temporary permit at risk because of time abroad?
fn temporary_permit_absence(ctx: &Ctx, out: &mut Out) {
    let a = ctx.a;
    let base = Finding::new(
        FindingKey::AbsenceTemporaryPermit,
        Verdict::maybe(&[]),
        Priority::Info,
    )
    .rules(&[R::R071, R::R072, R::R073])
    .sources(&[S::Seed001, S::W36, S::W39]);
    let Some(permit) = ctx.case.permit() else {
        let gaps = super::missing(&[
            (Q::PermitStart, a.permit_start.is_some()),
            (Q::PermitEnd, a.permit_end.is_some()),
        ]);
        out.add(base.verdict_maybe(&gaps));
        return;
    };
    if a.stays_abroad.is_none() {
        out.add(base.verdict_maybe(&[Q::StaysAbroad]));
        return;
    }
    let stays = ctx.case.stay_ranges();
    let one_year_or_less = add_months_clamped(permit.start, 12).is_none_or(|y| permit.end < y);
    let (check, rule, kind) = if one_year_or_less {
        (
            absence::check_half_of_permit(&stays, permit),
            R::R071,
            "half_of_permit",
        )
    } else {
        (
            absence::check_rolling_365(&stays, permit),
            R::R072,
            "rolling_365",
        )
    };
    let (verdict, priority) = verdict_for(check.threshold);
    let mut f = with_check(
        Finding::new(FindingKey::AbsenceTemporaryPermit, verdict, priority)
            .rules(&[rule])
            .sources(&[S::Seed001, S::W36, S::W39])
            .param("limit", Value::Key(kind)),
        &check,
    );
    if check.threshold == Threshold::Exceeded {
        f = f.rules(&[R::R073]);
    }
    out.add(f);
}

/// absence limit and other requirements for a later permanent permit.
fn permanent_planning(ctx: &Ctx, out: &mut Out) {
    let a = ctx.a;
    let protection = a.basis == Some(Basis::Protection);
    let (years, months) = if protection { (5, 10) } else { (3, 7) };
    let sources: &[S] = if protection {
        &[S::W37, S::W38, S::Seed001]
    } else {
        &[S::Seed001, S::W38, S::W37]
    };
    let base = Finding::new(
        FindingKey::AbsencePermanentPlanning,
        Verdict::maybe(&[]),
        Priority::Info,
    )
    .rules(&[R::R074])
    .sources(sources)
    .conflict(Conflict::K3)
    .param("years", Value::Number(years))
    .param("months", Value::Number(months));
    let gaps = super::missing(&[
        (Q::Basis, a.basis.is_some()),
        (Q::StaysAbroad, a.stays_abroad.is_some()),
    ]);
    if gaps.is_empty() {
        let until = a.residence_requirement_date.unwrap_or(ctx.today);
        let check = absence::check_total_in_lookback(
            &ctx.case.stay_ranges(),
            until,
            years as u32,
            months as u32,
        );
        let (verdict, priority) = verdict_for(check.threshold);
        let mut f = with_check(base, &check).param("until", Value::Date(until));
        f.verdict = verdict;
        f.priority = priority;
        out.add(f);
    } else {
        out.add(base.verdict_maybe(&gaps));
    }
    permanent_requirements(ctx, out);
}

/// three years' residence; Norwegian and social studies for ages 16–55 (K10).
fn permanent_requirements(ctx: &Ctx, out: &mut Out) {
    let a = ctx.a;
    let mut f = Finding::new(
        FindingKey::PermanentRequirements,
        Verdict::Yes,
        Priority::Info,
    )
    .rules(&[R::R075])
    .sources(&[S::W45, S::W46, S::W47, S::W48])
    .conflict(Conflict::K10)
    .param("residence_years", Value::Number(3));
    let gaps = super::missing(&[
        (Q::DateOfBirth, a.date_of_birth.is_some()),
        (
            Q::FirstQualifyingPermitDate,
            a.first_qualifying_permit_date.is_some(),
        ),
    ]);
    if let Some(age) = a.date_of_birth.and_then(|dob| age_on(dob, ctx.today)) {
        let band = if (16..=55).contains(&age) {
            "in_band"
        } else {
            "outside_band"
        };
        f = f
            .param("age", Value::Number(i64::from(age)))
            .param("language_band", Value::Key(band));
    }
    if let Some(first) = a.first_qualifying_permit_date {
        f = f.param("hours_period", Value::Key(hours_period(first)));
        if first < ymd(2021, 1, 1) {
            f = f.param("a2_rule", Value::Key("applies"));
        }
    }
    if !gaps.is_empty() {
        f.verdict = Verdict::Maybe { missing: gaps };
    }
    out.add(f);
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

/// The training-hours period by the date of the first qualifying permit (W46).
fn hours_period(first: NaiveDate) -> &'static str {
    if first >= ymd(2013, 9, 1) {
        "from_2013_09_01"
    } else if first >= ymd(2012, 1, 1) {
        "from_2012_01_01"
    } else if first >= ymd(2005, 9, 1) {
        "from_2005_09_01"
    } else {
        "before_2005_09_01"
    }
}
