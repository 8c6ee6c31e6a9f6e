//! Area H of the rule book: the Brexit rules for UK nationals, their family members and
//! frontier workers (R-100 … R-124).

use chrono::NaiveDate;

use super::absence::{self, ExemptLength, Threshold};
use super::decision::{Counted, DateKey, Finding, FindingKey, Priority, Value, Verdict};
use super::{missing, Ctx, Out, BREXIT_APPLICATION_DEADLINE, BREXIT_TRANSITION_END};
use crate::domain::answers::{
    AppliedFor, Basis, BrexitRole, Citizenship, Place, Status, UkNationalBasis, UkRelationship,
};
use crate::domain::dates::{age_on, years_after, DateRange};
use crate::domain::questions::Question as Q;
use crate::domain::refs::{Conflict, RuleId as R, Source as S};

pub(crate) fn rules(ctx: &Ctx, out: &mut Out) {
    let a = ctx.a;
    let uk = a.citizenship == Some(Citizenship::Uk);
    if !uk && !matches!(a.brexit_role, Some(r) if r != BrexitRole::NotConcerned) {
        return;
    }
    match a.brexit_role {
        None => out.add(
            Finding::new(
                FindingKey::BrexitCovered,
                Verdict::maybe(&[Q::BrexitRole]),
                Priority::Action,
            )
            .rules(&[R::R100, R::R101])
            .sources(&[S::W55, S::W59, S::Seed004]),
        ),
        Some(BrexitRole::NotConcerned) => {
            out.add(
                Finding::new(FindingKey::BrexitCovered, Verdict::No, Priority::Info)
                    .rules(&[R::R100])
                    .sources(&[S::W55, S::W59])
                    .param("reason", Value::Key("not_concerned")),
            );
            if a.status.is_none_or(|s| s == Status::NoneYet) {
                out.add(
                    Finding::new(FindingKey::UkVisitor, Verdict::Yes, Priority::Info)
                        .rules(&[R::R123])
                        .sources(&[S::W56])
                        .param("days", Value::Days(90))
                        .param("period_days", Value::Days(180)),
                );
            }
        }
        Some(BrexitRole::UkNational) => uk_national(ctx, out),
        Some(BrexitRole::FamilyMember) => family_member(ctx, out),
        Some(BrexitRole::FrontierWorker | BrexitRole::FrontierWorkerFamily) => frontier(ctx, out),
    }
    card_remark(ctx, out);
}

/// True when the applicant holds or seeks a permit under the Brexit rules: a Brexit permit,
/// a Brexit application, or a permit on the Brexit basis. A later permanent permit then follows
/// the Brexit rules only (R-104 … R-110), never the general requirements of R-074 … R-079
///
pub(crate) fn on_brexit_route(ctx: &Ctx) -> bool {
    let a = ctx.a;
    a.status == Some(Status::BrexitTemporary)
        || a.applied_for == Some(AppliedFor::BrexitPermit)
        || a.basis == Some(Basis::Brexit)
}

/// R-100 … … for a UK national living in Norway.
fn uk_national(ctx: &Ctx, out: &mut Out) {
    let a = ctx.a;
    // registered as a family member of a non-UK EU/EEA national.
    if a.uk_registered_as_eu_family == Some(true) {
        out.add(
            Finding::new(FindingKey::BrexitEuFamily, Verdict::Yes, Priority::Action)
                .rules(&[R::R121])
                .sources(&[S::W61]),
        );
    }
    // signs of an old permanent permit: order a card, do not apply.
    if let Some(signs) = a.old_permit_indicators.as_ref().filter(|s| !s.is_empty()) {
        out.add(
            Finding::new(
                FindingKey::BrexitOldPermanentPermit,
                Verdict::Yes,
                Priority::Action,
            )
            .rules(&[R::R117])
            .sources(&[S::Seed004, S::W59])
            .param("signs", Value::Count(Counted::Signs, signs.len() as i64)),
        );
        return;
    }
    // moved to Norway by the end of 2020 with EU/EEA right of residence.
    let Some(start) = a.uk_residence_start else {
        out.add(
            Finding::new(
                FindingKey::BrexitCovered,
                Verdict::maybe(&[Q::UkResidenceStart]),
                Priority::Action,
            )
            .rules(&[R::R100, R::R101])
            .sources(&[S::Seed004, S::W54, S::W55]),
        );
        return;
    };
    if start > BREXIT_TRANSITION_END {
        out.add(
            Finding::new(FindingKey::BrexitCovered, Verdict::No, Priority::Action)
                .rules(&[R::R100, R::R101])
                .sources(&[S::W55, S::W59, S::Seed004])
                .param("reason", Value::Key("moved_after_2020"))
                .param("moved", Value::Date(start)),
        );
        return;
    }
    let covered = match a.uk_basis_history.as_ref() {
        Some(h) if !h.is_empty() => Verdict::Yes,
        _ => Verdict::maybe(&[Q::UkBasisHistory]),
    };
    out.add(
        Finding::new(FindingKey::BrexitCovered, covered, Priority::Info)
            .rules(&[R::R100, R::R101, R::R108])
            .sources(&[S::Seed004, S::W54, S::W55])
            .param("moved", Value::Date(start)),
    );
    deadline(ctx, out);
    waiting(ctx, out);
    permanent(
        ctx,
        out,
        start,
        &[R::R104, R::R105, R::R106, R::R108, R::R109, R::R110],
    );
    fees(ctx, out);
}

/// the 31 December 2021 application deadline.
fn deadline(ctx: &Ctx, out: &mut Out) {
    let a = ctx.a;
    // children born or adopted after 31 December 2020 have no deadline.
    if let Some(born) = a.uk_child_birth_or_adoption {
        let no_deadline = born > BREXIT_TRANSITION_END;
        out.add(
            Finding::new(
                FindingKey::BrexitChildNoDeadline,
                if no_deadline {
                    Verdict::Yes
                } else {
                    Verdict::No
                },
                Priority::Info,
            )
            .rules(&[R::R103])
            .sources(&[S::W54])
            .param("born_or_adopted", Value::Date(born)),
        );
        if no_deadline {
            return;
        }
    }
    let late = match a.brexit_applied_in_time() {
        Some(true) => return,
        Some(false) => ctx.today > BREXIT_APPLICATION_DEADLINE,
        None => {
            out.add(
                Finding::new(
                    FindingKey::BrexitLate,
                    Verdict::maybe(&[Q::BrexitAppliedByDeadline]),
                    Priority::Action,
                )
                .rules(&[R::R102])
                .sources(&[S::Seed004, S::W54, S::W58]),
            );
            return;
        }
    };
    let mut f = Finding::new(
        FindingKey::BrexitLate,
        if late { Verdict::Yes } else { Verdict::No },
        Priority::Action,
    )
    .rules(&[R::R102])
    .sources(&[S::Seed004, S::W54, S::W58, S::W57])
    .param("deadline", Value::Date(BREXIT_APPLICATION_DEADLINE));
    if late {
        f = f.param(
            "special_reasons",
            Value::Key(match a.brexit_special_reasons {
                Some(true) => "yes",
                Some(false) => "no",
                None => "unknown",
            }),
        );
    }
    out.add(f);
}

/// an application under the Brexit rules is pending.
fn waiting(ctx: &Ctx, out: &mut Out) {
    let a = ctx.a;
    let pending = a.applied_for == Some(AppliedFor::BrexitPermit)
        && matches!(a.status, None | Some(Status::NoneYet));
    if !pending {
        return;
    }
    out.add(
        Finding::new(FindingKey::BrexitWaiting, Verdict::Yes, Priority::Info)
            .rules(&[R::R068])
            .sources(&[S::W55, S::W57]),
    );
    out.add(
        Finding::new(
            FindingKey::BrexitPoliceProcess,
            Verdict::Yes,
            Priority::Action,
        )
        .rules(&[R::R111, R::R016])
        .sources(&[S::Seed004, S::W59]),
    );
    out.add(
        Finding::new(
            FindingKey::BrexitTravelPending,
            Verdict::Yes,
            Priority::Warning,
        )
        .rules(&[R::R120])
        .sources(&[S::W60])
        .param(
            "family",
            Value::Key(if a.citizenship == Some(Citizenship::Uk) {
                "uk"
            } else {
                "non_uk"
            }),
        ),
    );
}

/// R-104 … R-110 (and R-107 for family members), R-119: five continuous years lead to a
/// permanent permit; a temporary permit that expires before that is renewed through the
/// late-application route.
fn permanent(ctx: &Ctx, out: &mut Out, start: NaiveDate, rules: &[R]) {
    let a = ctx.a;
    if a.status != Some(Status::BrexitTemporary) {
        return;
    }
    let five = years_after(start, 5);
    let reached = five.is_some_and(|d| d <= ctx.today);
    let mut f = Finding::new(FindingKey::BrexitPermanent, Verdict::No, Priority::Action)
        .rules(rules)
        .sources(&[S::Seed004])
        .date("from", five);
    if !reached {
        out.date(DateKey::BrexitPermanentFrom, five, &[R::R104]);
        out.add(f);
        // the temporary permit expires before five years are reached.
        if let (Some(expiry), Some(five)) = (a.permit_expiry, five) {
            if expiry < five {
                out.add(
                    Finding::new(
                        FindingKey::BrexitTemporaryExpiring,
                        Verdict::Yes,
                        Priority::Action,
                    )
                    .rules(&[R::R119])
                    .sources(&[S::Seed004])
                    .param("permit_expiry", Value::Date(expiry)),
                );
            }
        }
        return;
    }
    let continuity = continuity(ctx, DateRange::new(start, ctx.today), &mut f);
    let basis_gaps = basis_covers(ctx, start, five);
    let gaps = missing(&[
        (Q::StaysAbroad, a.stays_abroad.is_some()),
        (Q::UkBasisHistory, basis_gaps.is_some()),
    ]);
    f = f.param(
        "basis",
        Value::Key(match basis_gaps {
            Some(true) => "covered",
            Some(false) => "gaps",
            None => "unknown",
        }),
    );
    f.verdict = if continuity == Threshold::Exceeded || basis_gaps == Some(false) {
        Verdict::No
    } else if !gaps.is_empty() {
        Verdict::Maybe { missing: gaps }
    } else if continuity == Threshold::Borderline {
        Verdict::maybe(&[])
    } else {
        Verdict::Yes
    };
    out.add(f);
}

/// R-105 (K5, K6): continuity over `period`. Exempt stays up to 12 consecutive months do not
/// count; stays of exactly 12 months are flagged (K5). The six months "in any one year" is
/// checked both per calendar year and per rolling year (K6).
fn continuity(ctx: &Ctx, period: Option<DateRange>, f: &mut Finding) -> Threshold {
    let Some(period) = period else {
        return Threshold::Within;
    };
    let mut ordinary = Vec::new();
    let mut worst = Threshold::Within;
    for stay in ctx.case.stays() {
        let Some(range) = DateRange::new(stay.from, stay.to) else {
            continue;
        };
        if stay.reason.is_exempt() {
            match absence::exempt_length(range) {
                ExemptLength::Within => continue,
                ExemptLength::ExactlyTwelveMonths => {
                    *f = f
                        .clone()
                        .conflict(Conflict::K5)
                        .rules(&[R::R009])
                        .param("exempt_stay", Value::Key("exactly_twelve_months"));
                    continue;
                }
                ExemptLength::Over => {
                    *f = f
                        .clone()
                        .param("exempt_stay", Value::Key("over_twelve_months"));
                    worst = Threshold::Exceeded;
                    continue;
                }
            }
        }
        ordinary.push(range);
    }
    let check = absence::check_six_months_per_year(&ordinary, period);
    let (calendar, rolling) = (check.calendar_year.threshold, check.rolling_year.threshold);
    *f = f
        .clone()
        .param(
            "calendar_year",
            Value::Key(super::stays::threshold_key(calendar)),
        )
        .param(
            "rolling_year",
            Value::Key(super::stays::threshold_key(rolling)),
        );
    if calendar != rolling {
        *f = f.clone().conflict(Conflict::K6);
    }
    // Conservative reading: the worse of the two.
    worst.max(calendar).max(rolling)
}

/// a basis held throughout the five years. `None` when no history was given.
fn basis_covers(ctx: &Ctx, start: NaiveDate, five: Option<NaiveDate>) -> Option<bool> {
    let history = ctx.a.uk_basis_history.as_ref().filter(|h| !h.is_empty())?;
    let end = five?.pred_opt()?;
    let periods: Vec<DateRange> = history
        .iter()
        .filter_map(|p| DateRange::new(p.from, p.to))
        .collect();
    // Merged and sorted, so that overlapping or touching periods count as one.
    let periods = absence::merge(&periods);
    let mut covered_until = start.pred_opt()?;
    for p in periods {
        if p.start > covered_until.succ_opt()? {
            break;
        }
        covered_until = covered_until.max(p.end);
    }
    Some(covered_until >= end)
}

/// R-112 …: a family member of a UK national.
fn family_member(ctx: &Ctx, out: &mut Out) {
    let a = ctx.a;
    let fam = &a.uk_family;
    if a.applied_from == Some(Place::Abroad) {
        out.add(
            Finding::new(FindingKey::BrexitFamilyAbroad, Verdict::Yes, Priority::Info)
                .rules(&[R::R122])
                .sources(&[S::W62]),
        );
    }
    let mut f = Finding::new(FindingKey::BrexitFamily, Verdict::Yes, Priority::Action)
        .rules(&[R::R112, R::R115])
        .sources(&[S::Seed004]);
    let (Some(rel), Some(basis)) = (fam.relationship, fam.uk_national_basis) else {
        let gaps = missing(&[
            (Q::UkRelationship, fam.relationship.is_some()),
            (Q::UkNationalBasis, fam.uk_national_basis.is_some()),
        ]);
        out.add(f.rules(&[R::R113, R::R114]).verdict_maybe(&gaps));
        return;
    };
    f = f
        .rules(&[if basis == UkNationalBasis::Student {
            R::R114
        } else {
            R::R113
        }])
        .param("relationship", Value::Key(relationship_key(rel)));
    let on = a.application_date.unwrap_or(ctx.today);
    // Born after the reference day (a child born after the application): age 0.
    let age = a.date_of_birth.map(|d| age_on(d, on).unwrap_or(0));
    let born_after_2020 = a
        .uk_child_birth_or_adoption
        .is_some_and(|d| d > BREXIT_TRANSITION_END);
    if born_after_2020 {
        f = f.rules(&[R::R103]);
    }

    let mut unmet: Vec<&'static str> = Vec::new();
    let mut gaps: Vec<Q> = Vec::new();
    let mut ambiguous = false;
    // The yes/no conditions of R-112 … R-114 that apply: (answer, question, key if not met).
    let mut needs: Vec<(Option<bool>, Q, &'static str)> = Vec::new();
    // the relationship existed before 31 December 2020 (children born later: R-103).
    if !born_after_2020 {
        needs.push((
            fam.relationship_before_2021,
            Q::UkRelationshipBefore2021,
            "relationship_before_2021",
        ));
    }
    let close_family = matches!(
        rel,
        UkRelationship::Spouse
            | UkRelationship::Cohabitant
            | UkRelationship::Descendant
            | UkRelationship::Ascendant
    );
    if !close_family {
        needs.push((
            fam.living_in_norway_by_2021,
            Q::UkLivingInNorwayBy2021,
            "living_in_norway_by_2021",
        ));
    }
    let insurance = (
        fam.health_insurance,
        Q::UkHealthInsurance,
        "health_insurance",
    );
    let supported = (fam.supported, Q::UkSupported, "supported");
    let student = basis == UkNationalBasis::Student;
    match rel {
        UkRelationship::Spouse => {}
        UkRelationship::Cohabitant => {
            match age {
                Some(age) if age < 18 => unmet.push("over_18"),
                Some(_) => {}
                None => gaps.push(Q::DateOfBirth),
            }
            if fam.children_together != Some(true) {
                match fam.cohabitation_start {
                    Some(start) => {
                        // Usually two years together by the end of 31 December 2020.
                        let by = BREXIT_TRANSITION_END
                            .succ_opt()
                            .unwrap_or(BREXIT_TRANSITION_END);
                        if years_after(start, 2).is_none_or(|d| d > by) {
                            unmet.push("two_years_cohabitation");
                        }
                    }
                    None if fam.children_together.is_none() => gaps.push(Q::UkChildrenTogether),
                    None => gaps.push(Q::UkCohabitationStart),
                }
            }
        }
        UkRelationship::Descendant => match age {
            Some(age) if age < 21 => {}
            // "Under 21" and "over 21" leave exactly 21 open (rule book R-113); a child who is
            // supported meets both readings (not under a student, R-114).
            Some(21) if !student && fam.supported == Some(true) => {}
            Some(21) => ambiguous = true,
            Some(_) if student => unmet.push("student_family_list"),
            Some(_) => needs.push(supported),
            None => gaps.push(Q::DateOfBirth),
        },
        _ if student => unmet.push("student_family_list"),
        UkRelationship::Engaged => {
            needs.push((
                fam.wedding_within_six_months,
                Q::UkWeddingWithinSixMonths,
                "wedding_within_six_months",
            ));
            needs.push(insurance);
        }
        UkRelationship::Ascendant | UkRelationship::OtherSupported => needs.push(supported),
        UkRelationship::FosterChild | UkRelationship::Sibling => {
            match age {
                Some(age) if age >= 18 => unmet.push("under_18"),
                Some(_) => {}
                None => gaps.push(Q::DateOfBirth),
            }
            needs.push(if rel == UkRelationship::FosterChild {
                (
                    fam.foster_confirmation,
                    Q::UkFosterConfirmation,
                    "foster_confirmation",
                )
            } else {
                (
                    fam.sibling_without_caregivers_approved,
                    Q::UkSiblingApproved,
                    "sibling_approved",
                )
            });
            needs.push(insurance);
        }
        UkRelationship::NeedsCare => {
            needs.push((fam.only_carer_in_norway, Q::UkOnlyCarer, "only_carer"));
            needs.push(insurance);
        }
    }
    for (answer, question, key) in needs {
        match answer {
            Some(true) => {}
            Some(false) => unmet.push(key),
            None => gaps.push(question),
        }
    }
    if age.is_some_and(|a| a < 18) {
        f = f.param("minor", Value::Key("yes"));
    }
    f.verdict = if !unmet.is_empty() {
        Verdict::No
    } else if !gaps.is_empty() {
        Verdict::Maybe { missing: gaps }
    } else if ambiguous {
        Verdict::maybe(&[])
    } else {
        Verdict::Yes
    };
    if ambiguous {
        f = f.param("age", Value::Key("exactly_21"));
    }
    out.add(f.param("unmet", Value::Keys(unmet)));
    deadline(ctx, out);
    waiting(ctx, out);
    if let Some(start) = a.uk_residence_start {
        permanent(
            ctx,
            out,
            start,
            &[R::R104, R::R105, R::R107, R::R108, R::R109, R::R110],
        );
    }
    fees(ctx, out);
}

fn relationship_key(rel: UkRelationship) -> &'static str {
    match rel {
        UkRelationship::Spouse => "spouse",
        UkRelationship::Cohabitant => "cohabitant",
        UkRelationship::Engaged => "engaged",
        UkRelationship::Descendant => "descendant",
        UkRelationship::Ascendant => "ascendant",
        UkRelationship::FosterChild => "foster_child",
        UkRelationship::Sibling => "sibling",
        UkRelationship::NeedsCare => "needs_care",
        UkRelationship::OtherSupported => "other_supported",
    }
}

/// frontier workers (and their family members).
fn frontier(ctx: &Ctx, out: &mut Out) {
    let a = ctx.a;
    let gaps = missing(&[
        (
            Q::FrontierStartedBy2021,
            a.frontier_started_by_2021.is_some(),
        ),
        (Q::FrontierLivesAbroad, a.frontier_lives_abroad.is_some()),
    ]);
    let verdict = match (a.frontier_started_by_2021, a.frontier_lives_abroad) {
        (Some(true), Some(true)) => Verdict::Yes,
        (Some(false), _) | (_, Some(false)) => Verdict::No,
        _ => Verdict::Maybe { missing: gaps },
    };
    let family = a.brexit_role == Some(BrexitRole::FrontierWorkerFamily);
    out.add(
        Finding::new(FindingKey::BrexitFrontierWorker, verdict, Priority::Action)
            .rules(&[R::R116])
            .sources(&[S::Seed004])
            .param("family", Value::Key(if family { "yes" } else { "no" })),
    );
}

/// a card under the Separation Agreement should say so under remarks (third-party
/// source, 2021: shown as such).
fn card_remark(ctx: &Ctx, out: &mut Out) {
    let a = ctx.a;
    let holds_brexit_permit = a.status == Some(Status::BrexitTemporary)
        || (a.status == Some(Status::PermanentPermit) && a.basis == Some(Basis::Brexit));
    if holds_brexit_permit {
        out.add(
            Finding::new(FindingKey::BrexitCardRemark, Verdict::Yes, Priority::Info)
                .rules(&[R::R125])
                .sources(&[S::W83]),
        );
    }
}

/// Brexit permits and cards were free (third-party source, 2021).
fn fees(ctx: &Ctx, out: &mut Out) {
    let a = ctx.a;
    if a.applied_for == Some(AppliedFor::BrexitPermit) || a.status == Some(Status::BrexitTemporary)
    {
        out.add(
            Finding::new(FindingKey::BrexitFees, Verdict::No, Priority::Info)
                .rules(&[R::R124])
                .sources(&[S::W63])
                .param("amount", Value::Nok(0)),
        );
    }
}
