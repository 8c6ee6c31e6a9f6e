//! Area A of the rule book: who needs a residence card (R-001 … R-009).

use super::decision::{DateKey, Finding, FindingKey, Priority, Value, Verdict};
use super::{absence, Ctx, Out};
use crate::domain::answers::{Citizenship, Status};
use crate::domain::dates::{years_after, DateRange};
use crate::domain::questions::Question;
use crate::domain::refs::{Conflict, RuleId as R, Source as S};

pub(crate) fn rules(ctx: &Ctx, out: &mut Out) {
    let a = ctx.a;
    match a.citizenship {
        None => out.add(
            Finding::new(
                FindingKey::CardNeeded,
                Verdict::maybe(&[Question::Citizenship]),
                Priority::Action,
            )
            .rules(&[R::R001, R::R002])
            .sources(&[S::Seed000, S::W17]),
        ),
        Some(Citizenship::EuEea) => eu_national(ctx, out),
        Some(Citizenship::Uk | Citizenship::Other) => non_eu_national(ctx, out),
    }
}

/// A, R-007, R-008, R-009.
fn eu_national(ctx: &Ctx, out: &mut Out) {
    let a = ctx.a;
    out.add(
        Finding::new(FindingKey::CardNeeded, Verdict::No, Priority::Action)
            .rules(&[R::R001])
            .sources(&[S::Seed000, S::Seed002, S::W17, S::W21, S::W19, S::W53]),
    );
    let permanent = matches!(
        a.status,
        Some(Status::EuPermanentCertificate | Status::PermanentRight)
    );
    if permanent {
        out.add(
            Finding::new(
                FindingKey::PermanentRightDocument,
                Verdict::Yes,
                Priority::Info,
            )
            .rules(&[R::R006, R::R007])
            .sources(&[S::Seed003])
            .param("document", Value::Key("certificate")),
        );
        return;
    }
    // registration when staying more than three months.
    let verdict = match (a.eu_stay_over_three_months, a.eu_registered) {
        (Some(false), _) => Verdict::No,
        (Some(true), Some(true)) => Verdict::No,
        (Some(true), Some(false)) => Verdict::Yes,
        (Some(true), None) => Verdict::maybe(&[Question::EuRegistered]),
        (None, _) => Verdict::maybe(&[Question::EuStayOverThreeMonths]),
    };
    let registered = a.eu_registered == Some(true);
    out.add(
        Finding::new(
            FindingKey::EuRegistration,
            verdict,
            if registered {
                Priority::Info
            } else {
                Priority::Action
            },
        )
        .rules(&[R::R004])
        .sources(&[S::W51, S::W52, S::W53])
        .param(
            "state",
            Value::Key(if registered {
                "registered"
            } else {
                "not_registered"
            }),
        ),
    );
    if a.eu_stay_over_three_months != Some(false) {
        permanent_right_after_five_years(ctx, out, &[R::R008, R::R009], &[S::W49, S::W53]);
    }
}

/// B, R-006 B.
fn non_eu_national(ctx: &Ctx, out: &mut Out) {
    let a = ctx.a;
    let eu_family = a.eu_family_member == Some(true);
    let mut card = Finding::new(FindingKey::CardNeeded, Verdict::Yes, Priority::Info)
        .rules(&[R::R002])
        .sources(&[S::W17, S::Seed000, S::Seed001]);
    if a.status == Some(Status::NoneYet) {
        card = card.param("when", Value::Key("once_granted"));
    }
    out.add(card);
    out.add(
        Finding::new(FindingKey::CardDuties, Verdict::Yes, Priority::Info)
            .rules(&[R::R003])
            .sources(&[S::Seed000]),
    );
    if !eu_family {
        return;
    }
    if a.status == Some(Status::PermanentRight) {
        out.add(
            Finding::new(
                FindingKey::PermanentRightDocument,
                Verdict::Yes,
                Priority::Info,
            )
            .rules(&[R::R006, R::R042])
            .sources(&[S::Seed003, S::W21])
            .param("document", Value::Key("card_ten_years"))
            .date("card_expiry", a.card_expiry),
        );
        return;
    }
    // R-005 B: a residence card for family members of EU/EEA nationals, normally five years.
    let expired = a.card_expiry.is_some_and(|e| e < ctx.today);
    out.add(
        Finding::new(FindingKey::EuFamilyCard, Verdict::Yes, Priority::Action)
            .rules(&[R::R005])
            .sources(&[S::W52, S::W25])
            .date("card_expiry", a.card_expiry)
            .param("expired", Value::Key(if expired { "yes" } else { "no" })),
    );
    out.date(DateKey::CardExpiry, a.card_expiry, &[R::R005]);
    permanent_right_after_five_years(ctx, out, &[R::R008, R::R009], &[S::W50]);
}

/// five continuous years give permanent right of residence; absences of more
/// than six months in a year break continuity unless exempt and shorter than 12 months.
fn permanent_right_after_five_years(ctx: &Ctx, out: &mut Out, rules: &[R], sources: &[S]) {
    let a = ctx.a;
    let Some(start) = a.eu_residence_start else {
        let f = Finding::new(
            FindingKey::EuPermanentRight,
            Verdict::maybe(&[Question::EuResidenceStart]),
            Priority::Info,
        )
        .rules(rules)
        .sources(sources);
        // The start of residence is asked of a registered EU/EEA citizen only: for anyone
        // else the finding names no question and says that the day is not known (issue 25).
        let asked = a.citizenship == Some(Citizenship::EuEea) && a.eu_registered == Some(true);
        out.add(if asked {
            f
        } else {
            f.verdict_maybe(&[]).param("start", Value::Key("unknown"))
        });
        return;
    };
    let from = years_after(start, 5);
    let mut f = Finding::new(FindingKey::EuPermanentRight, Verdict::No, Priority::Info)
        .rules(rules)
        .sources(sources)
        .date("from", from);
    if a.stays_abroad.is_none() {
        out.add(f.verdict_maybe(&[Question::StaysAbroad]));
        return;
    }
    let continuity = continuity(ctx, DateRange::new(start, ctx.today));
    f = f.param("continuity", Value::Key(continuity.as_key()));
    if continuity == Continuity::ExactlyTwelveMonths {
        f = f.conflict(Conflict::K5);
    }
    let reached = from.is_some_and(|d| d <= ctx.today);
    f.verdict = match (reached, continuity) {
        (_, Continuity::Broken) => Verdict::No,
        (true, Continuity::Kept) => Verdict::Yes,
        (true, _) => Verdict::maybe(&[]),
        (false, _) => Verdict::No,
    };
    if !reached && continuity != Continuity::Broken {
        out.date(DateKey::PermanentRightFrom, from, rules);
    }
    out.add(f);
}

/// Continuity of residence under the EU/EEA rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Continuity {
    /// No year with more than six months abroad, apart from exempt stays shorter than 12 months.
    Kept,
    /// Within a week of the six-month limit in some year.
    Borderline,
    /// An exempt stay of exactly 12 months: fine under "up to 12" (Brexit), not under "shorter
    /// than 12" (EU rules) (K5).
    ExactlyTwelveMonths,
    /// Broken.
    Broken,
}

impl Continuity {
    pub fn as_key(self) -> &'static str {
        match self {
            Continuity::Kept => "kept",
            Continuity::Borderline => "borderline",
            Continuity::ExactlyTwelveMonths => "exactly_twelve_months",
            Continuity::Broken => "broken",
        }
    }
}

/// R-009 applied to the case's stays within `period`.
pub(crate) fn continuity(ctx: &Ctx, period: Option<DateRange>) -> Continuity {
    let Some(period) = period else {
        return Continuity::Kept;
    };
    let mut result = Continuity::Kept;
    let mut ordinary = Vec::new();
    for stay in ctx.case.stays() {
        let Some(range) = DateRange::new(stay.from, stay.to) else {
            continue;
        };
        if stay.reason.is_exempt() {
            match absence::exempt_length(range) {
                absence::ExemptLength::Within => continue,
                absence::ExemptLength::ExactlyTwelveMonths => {
                    result = Continuity::ExactlyTwelveMonths;
                    continue;
                }
                absence::ExemptLength::Over => {
                    if stay.reason == crate::domain::answers::AbsenceReason::MilitaryCivilianService
                    {
                        continue;
                    }
                    return Continuity::Broken;
                }
            }
        }
        ordinary.push(range);
    }
    let check = absence::check_six_months_per_year(&ordinary, period);
    match check
        .calendar_year
        .threshold
        .max(check.rolling_year.threshold)
    {
        absence::Threshold::Exceeded => Continuity::Broken,
        absence::Threshold::Borderline if result == Continuity::Kept => Continuity::Borderline,
        _ => result,
    }
}
