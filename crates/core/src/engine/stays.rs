//! Area F of the rule book: travel and absence limits on temporary permits, and the absence
//! limit and other requirements for a later permanent permit (R-070 … R-079, revised 2026.12):
//! the three- or five-year group, time without a permit, income (R-078,
//! explained, never a figure) and Norwegian and social studies dated by the day the
//! application is registered.

use chrono::NaiveDate;

use super::absence::{self, LimitCheck, Threshold};
use super::decision::{Counted, DateKey, Finding, FindingKey, Priority, Value, Verdict};
use super::{Ctx, Out};
use crate::domain::answers::{AppliedFor, Basis, PermitGap, Status};
use crate::domain::dates::{add_months_clamped, age_on, years_after};
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
    // Collective protection has its own travel finding (R-134, which includes R-070).
    if holds_permit && !super::collective::holder(ctx) {
        // with the card lost, stolen or expired there is no card to travel with.
        let verdict = if super::trip::card_gone(ctx) {
            Verdict::No
        } else {
            Verdict::Yes
        };
        out.add(with_ees(
            ctx,
            Finding::new(FindingKey::TravelWithCard, verdict, Priority::Info)
                .rules(&[R::R070])
                .sources(&[S::Seed001, S::W56])
                .param("schengen_days", Value::Days(90)),
        ));
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

/// The day the EU's Entry/Exit System was fully in force (R-139, W87).
pub const EES_IN_FORCE_FROM: NaiveDate = match NaiveDate::from_ymd_opt(2026, 4, 10) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// R-070 / R-139 (revised 2026.12.2): from the day the Entry/Exit System is fully in force, a
/// travel finding says that a permit holder is not registered in it and shows the passport and
/// a valid card at the border.
pub(crate) fn with_ees(ctx: &Ctx, f: Finding) -> Finding {
    if ctx.today < EES_IN_FORCE_FROM {
        return f;
    }
    f.rules(&[R::R139])
        .sources(&[S::W87])
        .param("ees", Value::Key("not_registered"))
        .param("ees_from", Value::Date(EES_IN_FORCE_FROM))
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
            (Q::PermitExpiry, a.permit_expiry.is_some()),
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

/// which residence-time group the applicant is in, from the permit held (W69).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Group {
    /// Three years: work, studies that count, family with someone outside the five-year group.
    ThreeYears,
    /// Five years: protection, derived refugee status, resettlement, and their family members.
    FiveYears,
    /// Five years by W68, but seed 001 still says seven months in three years (K16).
    Humanitarian,
}

impl Group {
    fn years(self) -> u32 {
        match self {
            Group::ThreeYears => 3,
            Group::FiveYears | Group::Humanitarian => 5,
        }
    }

    fn key(self) -> &'static str {
        match self {
            Group::ThreeYears => "three_years",
            Group::FiveYears => "five_years",
            Group::Humanitarian => "humanitarian",
        }
    }
}

/// The group of R-076, or `None` when the answers do not settle it (the question that would
/// is returned by [`group_gap`]).
pub(crate) fn group(ctx: &Ctx) -> Option<Group> {
    let a = ctx.a;
    if a.applied_for == Some(AppliedFor::DerivedRefugee) {
        return Some(Group::FiveYears);
    }
    match a.basis? {
        Basis::Protection => Some(Group::FiveYears),
        Basis::Humanitarian => Some(Group::Humanitarian),
        Basis::Family => match a.family_five_year_group? {
            true => Some(Group::FiveYears),
            false => Some(Group::ThreeYears),
        },
        _ => Some(Group::ThreeYears),
    }
}

fn group_gap(ctx: &Ctx) -> Vec<Q> {
    if !planning(ctx) {
        return Vec::new();
    }
    match ctx.a.basis {
        None => vec![Q::Basis],
        Some(Basis::Family) if ctx.a.family_five_year_group.is_none() => {
            vec![Q::FamilyFiveYearGroup]
        }
        _ => Vec::new(),
    }
}

/// Whether the applicant plans a permanent permit: has applied for one, or asks about it (the
/// topic says so, `Answers::with_topic_implied`). Only then are the planning's facts asked (the
/// basis, a family member's five-year group, the first permit that counts); for anyone else
/// the residence time and the absence limit are background, whose "maybe" names none of them
/// and whose text says what they depend on (issue 25).
fn planning(ctx: &Ctx) -> bool {
    ctx.a.applied_for == Some(AppliedFor::PermanentPermit)
}

/// The day the residence-time requirement is met: as the applicant gave it, or the
/// first qualifying permit plus three or five years.
pub(crate) fn residence_time_met(ctx: &Ctx) -> Option<NaiveDate> {
    ctx.a.residence_requirement_date.or_else(|| {
        let years = group(ctx)?.years();
        years_after(ctx.a.first_qualifying_permit_date?, years)
    })
}

/// The questions that would settle [`residence_time_met`] when it is `None`: the first permit
/// that counts (the day itself is worked out, not asked) and what decides three or five years.
pub(crate) fn residence_time_gaps(ctx: &Ctx) -> Vec<Q> {
    let mut gaps = Vec::new();
    if ctx.a.first_qualifying_permit_date.is_none() {
        gaps.push(Q::FirstQualifyingPermitDate);
    }
    gaps.extend(group_gap(ctx));
    gaps
}

/// The day the permanent application is (or will be) registered: the application date for
/// someone who applied, today for someone planning (the rules in force today apply).
fn registration_day(ctx: &Ctx) -> (NaiveDate, bool) {
    let a = ctx.a;
    if a.applied_for == Some(AppliedFor::PermanentPermit) {
        match a.application_date {
            Some(d) => (d, true),
            None => (ctx.today, false),
        }
    } else {
        (ctx.today, true)
    }
}

/// The Norwegian and social-studies requirement for a permanent permit, by the day the
/// application is registered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LanguageRule {
    /// The rule's key for the text layer.
    pub key: &'static str,
    /// Youngest age the requirement applies to.
    pub min_age: u32,
    /// Oldest age the requirement applies to.
    pub max_age: u32,
}

/// before 1 September 2025 training hours, oral Norwegian A1 and social studies for ages
/// 16–55 (W46); from then oral Norwegian A2 and a social-studies test for ages 18–67 (W70, W71).
pub const LANGUAGE_RULE: &[super::Dated<LanguageRule>] = &[
    super::Dated {
        from: super::ymd(1900, 1, 1),
        until: Some(super::ymd(2025, 8, 31)),
        value: LanguageRule {
            key: "training_a1",
            min_age: 16,
            max_age: 55,
        },
        source: S::W46,
    },
    super::Dated {
        from: super::ymd(2025, 9, 1),
        until: None,
        value: LanguageRule {
            key: "a2_social_studies",
            min_age: 18,
            max_age: 67,
        },
        source: S::W70,
    },
];

/// K19: no transitional rule was found; applications registered in the three months before the
/// change (checker-internal choice) are shown both rules.
const LANGUAGE_CHANGE: NaiveDate = super::ymd(2025, 9, 1);

/// The income requirement's age band (R-078, W73). The amount changes every year and is never
/// shown.
const INCOME_AGES: (u32, u32) = (18, 67);

/// … R-079: absence limit and other requirements for a later permanent permit.
/// Not for the Brexit route: Brexit permanent permits have only the Brexit rules.
fn permanent_planning(ctx: &Ctx, out: &mut Out) {
    if super::brexit::on_brexit_route(ctx) {
        return;
    }
    permanent_absence(ctx, out);
    permanent_requirements(ctx, out);
    // The rest concerns the application itself; a temporary-permit holder who has not applied
    // sees the residence time and the absence limit as background.
    if ctx.a.applied_for == Some(AppliedFor::PermanentPermit) {
        language(ctx, out);
        income(ctx, out);
        permit_gap(ctx, out);
    }
}

/// at most 7 months abroad in 3 years (three-year group) or 10 months in 5 years
/// (five-year group); for strong humanitarian grounds both (K16), and both while the group is
/// not known.
fn permanent_absence(ctx: &Ctx, out: &mut Out) {
    let a = ctx.a;
    let group = group(ctx);
    let (years, months) = match group {
        Some(Group::ThreeYears) => (3, 7),
        _ => (5, 10),
    };
    let mut base = Finding::new(
        FindingKey::AbsencePermanentPlanning,
        Verdict::maybe(&[]),
        Priority::Info,
    )
    .rules(&[R::R074, R::R076])
    .sources(&[S::W69, S::W37, S::W38, S::Seed001])
    .param("years", Value::Count(Counted::Years, years))
    .param("months", Value::Count(Counted::Months, months));
    if group == Some(Group::Humanitarian) {
        base = base.conflict(Conflict::K16).sources(&[S::W68]);
    }
    let mut gaps = group_gap(ctx);
    // The stays are asked where the limit can be measured: always when planning, else with a
    // known group (`flow::permit_and_stays`).
    if a.stays_abroad.is_none() && (planning(ctx) || group.is_some()) {
        gaps.push(Q::StaysAbroad);
    }
    if group.is_none() || a.stays_abroad.is_none() {
        out.add(base.verdict_maybe(&gaps));
        return;
    }
    let until = residence_time_met(ctx)
        .filter(|d| *d > ctx.today)
        .unwrap_or(ctx.today);
    let stays = ctx.case.stay_ranges();
    let main = absence::check_total_in_lookback(&stays, until, years as u32, months as u32);
    let mut check = main;
    if group == Some(Group::Humanitarian) {
        // K16: the seed's 7 months in 3 years too; the worse of the two decides.
        let seed = absence::check_total_in_lookback(&stays, until, 3, 7);
        base = base.param("seed_threshold", Value::Key(threshold_key(seed.threshold)));
        if seed.threshold > main.threshold {
            check = seed;
        }
    }
    let (verdict, priority) = verdict_for(check.threshold);
    let mut f = with_check(base, &check).param("until", Value::Date(until));
    f.verdict = verdict;
    f.priority = priority;
    out.add(f);
}

/// three or five years with permits that count; when the time is met.
fn permanent_requirements(ctx: &Ctx, out: &mut Out) {
    let mut f = Finding::new(
        FindingKey::PermanentRequirements,
        Verdict::Yes,
        Priority::Info,
    )
    .rules(&[R::R075, R::R076])
    .sources(&[S::W68, S::W69, S::W45]);
    match group(ctx) {
        Some(g) => {
            f = f
                .param(
                    "residence_years",
                    Value::Count(Counted::Years, i64::from(g.years())),
                )
                .param("group", Value::Key(g.key()));
            if g == Group::Humanitarian {
                f = f.conflict(Conflict::K16);
            }
        }
        None => f.verdict = Verdict::maybe(&group_gap(ctx)),
    }
    if let Some(met) = residence_time_met(ctx) {
        f = f.date("met", Some(met));
        out.date(DateKey::ResidenceTimeMet, Some(met), &[R::R076]);
    } else if ctx.a.first_qualifying_permit_date.is_none() && f.is_yes() {
        let gaps: &[Q] = if planning(ctx) {
            &[Q::FirstQualifyingPermitDate]
        } else {
            &[]
        };
        f.verdict = Verdict::maybe(gaps);
    }
    out.add(f);
}

/// R-079 (K10, K19): Norwegian and social studies, by the day the application is registered.
fn language(ctx: &Ctx, out: &mut Out) {
    let a = ctx.a;
    let (day, known) = registration_day(ctx);
    let mut f = Finding::new(FindingKey::PermanentLanguage, Verdict::Yes, Priority::Info)
        .rules(&[R::R079])
        .sources(&[S::W70, S::W71, S::W46, S::W47, S::W48])
        .conflict(Conflict::K10);
    let Some(rule) = super::dated(LANGUAGE_RULE, day) else {
        out.add(f.verdict_maybe(&[]));
        return;
    };
    f = f
        .param("rule", Value::Key(rule.key))
        .param("min_age", Value::Number(i64::from(rule.min_age)))
        .param("max_age", Value::Number(i64::from(rule.max_age)));
    if known {
        f = f.param("registered", Value::Date(day));
    }
    let near_change = crate::domain::dates::months_before(LANGUAGE_CHANGE, 3)
        .is_some_and(|from| from <= day && day < LANGUAGE_CHANGE);
    if near_change {
        f = f
            .conflict(Conflict::K19)
            .param("both_rules", Value::Key("yes"));
    }
    if rule.key == "training_a1" {
        if let Some(first) = a.first_qualifying_permit_date {
            f = f.param("hours_period", Value::Key(hours_period(first)));
        }
    }
    let mut gaps = Vec::new();
    if !known {
        // The day of an application is asked where one was made (the full check, "get my
        // card"); on the permanent topic the applicant plans one, and today's rule is used
        // (issue 25).
        f = f.param("registration", Value::Key("today"));
    }
    match a.date_of_birth.and_then(|dob| age_on(dob, day)) {
        Some(age) => {
            let applies = (rule.min_age..=rule.max_age).contains(&age);
            f = f.param("age", Value::Number(i64::from(age)));
            if !applies {
                f.verdict = Verdict::No;
            }
        }
        None if a.date_of_birth.is_none() => gaps.push(Q::DateOfBirth),
        // Born after the registration day: the answers contradict each other.
        None => f.verdict = Verdict::maybe(&[]),
    }
    if !gaps.is_empty() || !known {
        f.verdict = Verdict::maybe(&gaps);
    }
    out.add(f);
}

/// The income requirement as a multiple of the National Insurance basic amount G (R-078,
/// revised 2026.12.2): 2.5 G from 1 January 2021 (W88, a third party quoting circular
/// G-27/2020). Before that day the checker knows no rule, so it says none. G itself changes
/// every 1 May: no amount is stored.
pub const INCOME_G_MULTIPLE: &[super::Dated<&str>] = &[super::Dated {
    from: super::ymd(2021, 1, 1),
    until: None,
    value: "two_and_a_half",
    source: S::W88,
}];

/// own income in the last 12 months for ages 18–67; explained, never a figure.
fn income(ctx: &Ctx, out: &mut Out) {
    let (day, _) = registration_day(ctx);
    let mut f = Finding::new(FindingKey::PermanentIncome, Verdict::Yes, Priority::Info)
        .rules(&[R::R078])
        .sources(&[S::W73, S::W72]);
    if let Some(multiple) = super::dated(INCOME_G_MULTIPLE, day) {
        f = f
            .sources(&[S::W88])
            .param("g_multiple", Value::Key(multiple));
    }
    match ctx.a.date_of_birth.and_then(|dob| age_on(dob, day)) {
        Some(age) => {
            f = f.param("age", Value::Number(i64::from(age)));
            if !(INCOME_AGES.0..=INCOME_AGES.1).contains(&age) {
                f.verdict = Verdict::No;
            }
        }
        None if ctx.a.date_of_birth.is_none() => f.verdict = Verdict::maybe(&[Q::DateOfBirth]),
        None => f.verdict = Verdict::maybe(&[]),
    }
    out.add(f);
}

/// at most three months in total without a valid permit; flagged, not computed.
fn permit_gap(ctx: &Ctx, out: &mut Out) {
    let f = Finding::new(FindingKey::PermanentPermitGap, Verdict::No, Priority::Info)
        .rules(&[R::R077])
        .sources(&[S::W69]);
    let f = match ctx.a.permit_gap {
        Some(PermitGap::None) => f,
        Some(PermitGap::UpToThreeMonths) => f.param("gap", Value::Key("up_to_three_months")),
        Some(PermitGap::OverThreeMonths) => {
            let mut f = f.param("gap", Value::Key("over_three_months"));
            f.verdict = Verdict::Yes;
            f.priority = Priority::Action;
            f
        }
        None => f.verdict_maybe(&[Q::PermitGap]),
    };
    out.add(f);
}

/// The training-hours period by the date of the first qualifying permit (W46; the rule before
/// 1 September 2025).
fn hours_period(first: NaiveDate) -> &'static str {
    if first >= super::ymd(2013, 9, 1) {
        "from_2013_09_01"
    } else if first >= super::ymd(2012, 1, 1) {
        "from_2012_01_01"
    } else if first >= super::ymd(2005, 9, 1) {
        "from_2005_09_01"
    } else {
        "before_2005_09_01"
    }
}
