//! The rules: [`evaluate`] turns a validated [`Case`] and a day into a [`Decision`].
//!
//! One module per area of the rule book, each a set of small rules tagged with their rule ids
//! and sources. May import `domain` only. Never reads the clock (the day is passed in) and never
//! panics, on any input.

pub mod absence;
pub mod calendar;
pub mod checklist;
pub mod decision;
pub mod outcome;
pub mod plan;
pub mod situation;
mod sources;
pub mod tense;
pub mod topic;
pub mod trip;

mod appointment;
mod arrival;
mod brexit;
mod collective;
mod new_card;
mod permanent;
mod renewal;
mod stays;
mod who;

use chrono::NaiveDate;

use crate::domain::answers::{Answers, Citizenship, Topic};
use crate::domain::case::Case;
use crate::domain::questions::Question;
use crate::domain::refs::Source;
use decision::DateKey;
pub use decision::{Decision, Finding, FindingKey, KeyDate, Priority, Value, Verdict};

/// The version of the rules. Bump it whenever a rule's outcome changes; saved summaries carry it.
pub const RULES_VERSION: &str = "2026.12.2";

/// The day the rules were last checked against their sources (rule book revision 2026.12.2).
pub const RULES_REVIEWED: NaiveDate = ymd(2026, 12, 5);

/// The day by which the rules must be reviewed again (rule book, section N: fees change every
/// 1 January; collective protection changes often). After it, every result says that the rules
/// may have changed.
pub const RULES_REVIEW_BY: NaiveDate = ymd(2027, 3, 1);

/// A value that holds for a period, with its legal reference (design: "dated values with
/// references, no silent fallback"). A lookup outside every period returns `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dated<T: 'static> {
    /// First day the value is known to hold.
    pub from: NaiveDate,
    /// Last day it holds, if it has ended.
    pub until: Option<NaiveDate>,
    /// The value.
    pub value: T,
    /// Where it is published.
    pub source: Source,
}

/// Looks up the value in force on `day`.
pub fn dated<T: Copy>(table: &[Dated<T>], day: NaiveDate) -> Option<T> {
    table
        .iter()
        .find(|d| d.from <= day && d.until.is_none_or(|u| day <= u))
        .map(|d| d.value)
}

pub(crate) const fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(d) => d,
        None => NaiveDate::MIN,
    }
}

/// The fee for a new residence card, NOK (R-045). The earliest source stating NOK 300 that the
/// rule book read is The Local of 21 April 2022; the amount before that is not known to the
/// checker, so earlier days have no value.
pub const CARD_FEE_NOK: &[Dated<u32>] = &[Dated {
    from: ymd(2022, 4, 21),
    until: None,
    value: 300,
    source: Source::W18,
}];

/// Where police appointments for residence matters are booked (R-021).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BookingSystem {
    /// UDI's Application Portal, logged in with the account that applied.
    ApplicationPortal,
    /// The police's own queue and booking system.
    Police,
}

/// The booking channel in force on a day (R-021, K17). The seeds do not say since when the
/// Application Portal was used, so its row starts at the earliest date the checker accepts.
pub const BOOKING_SYSTEM: &[Dated<BookingSystem>] = &[
    Dated {
        from: ymd(1900, 1, 1),
        until: Some(ymd(2024, 5, 26)),
        value: BookingSystem::ApplicationPortal,
        source: Source::W12,
    },
    Dated {
        from: ymd(2024, 5, 27),
        until: None,
        value: BookingSystem::Police,
        source: Source::W74,
    },
];

/// 16 April 2021: biometrics taken when the application is handed in (R-010, R-011).
pub const BIOMETRICS_AT_SUBMISSION_FROM: NaiveDate = ymd(2021, 4, 16);
/// End of the Brexit transition period (R-100).
pub const BREXIT_TRANSITION_END: NaiveDate = ymd(2020, 12, 31);
/// Deadline for Brexit applications (R-100, R-102).
pub const BREXIT_APPLICATION_DEADLINE: NaiveDate = ymd(2021, 12, 31);

/// What every rule can see: the case, its answers, and the day.
pub(crate) struct Ctx<'a> {
    pub case: &'a Case,
    pub a: &'a Answers,
    pub today: NaiveDate,
}

impl Ctx<'_> {
    /// Non-EU/EEA nationals (including UK nationals) hold cards; EU/EEA nationals do not.
    pub fn non_eu(&self) -> bool {
        matches!(
            self.a.citizenship,
            Some(Citizenship::Uk | Citizenship::Other)
        )
    }
}

/// Findings and dates gathered while the rules run.
#[derive(Default)]
pub(crate) struct Out {
    pub findings: Vec<Finding>,
    pub dates: Vec<KeyDate>,
}

impl Out {
    pub fn add(&mut self, finding: Finding) {
        self.findings.push(finding);
    }

    pub fn date(
        &mut self,
        key: DateKey,
        date: Option<NaiveDate>,
        rules: &[crate::domain::refs::RuleId],
    ) {
        if let Some(date) = date {
            if !self.dates.iter().any(|d| d.key == key) {
                // Kept in date order (then key order) as they come.
                let at = self
                    .dates
                    .iter()
                    .position(|d| (d.date, d.key) > (date, key))
                    .unwrap_or(self.dates.len());
                self.dates.insert(
                    at,
                    KeyDate {
                        key,
                        date,
                        rules: rules.to_vec(),
                    },
                );
            }
        }
    }

    pub fn has(&self, key: FindingKey) -> Option<&Finding> {
        self.findings.iter().find(|f| f.key == key)
    }
}

/// Evaluates every rule of the rule book for `case` on `today`.
///
/// The order of the findings is: actions, then warnings, then background, each in rule-book
/// order. Never panics.
///
/// ```
/// use residence_core::domain::{answers::*, case::Case};
/// use residence_core::engine::{evaluate, FindingKey, Verdict};
/// let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
/// let answers = Answers { citizenship: Some(Citizenship::EuEea), ..Answers::default() };
/// let decision = evaluate(&Case::from_answers(&answers, today).unwrap(), today);
/// assert_eq!(decision.finding(FindingKey::CardNeeded).unwrap().verdict, Verdict::No);
/// ```
pub fn evaluate(case: &Case, today: NaiveDate) -> Decision {
    let ctx = Ctx {
        case,
        a: case.answers(),
        today,
    };
    let mut out = Out::default();
    who::rules(&ctx, &mut out);
    if ctx.a.citizenship.is_some() {
        brexit::rules(&ctx, &mut out);
        appointment::rules(&ctx, &mut out);
        arrival::rules(&ctx, &mut out);
        new_card::rules(&ctx, &mut out);
        renewal::rules(&ctx, &mut out);
        stays::rules(&ctx, &mut out);
        permanent::rules(&ctx, &mut out);
        collective::rules(&ctx, &mut out);
    }
    let Out {
        mut findings,
        mut dates,
    } = out;
    // One plan: where the applicant stands is decided once, and the rest follows it.
    let situation = situation::decide(&ctx, &findings);
    situation::reconcile(&situation, &ctx, &mut findings, &mut dates);
    // Topic first: the findings of the applicant's question, and the other topics that speak.
    let chosen = ctx.a.topic.unwrap_or(Topic::Everything);
    let other_topics = topic::others(chosen, &findings);
    topic::focus(chosen, &mut findings, &mut dates);
    // Stable: actions, then warnings, then background, each in rule-book order. A partition
    // rather than a sort keeps the app small (each sort is compiled anew per type).
    let findings: Vec<Finding> = [Priority::Action, Priority::Warning, Priority::Info]
        .iter()
        .flat_map(|p| findings.iter().filter(move |f| f.priority == *p).cloned())
        .collect();
    let mut decision = Decision {
        rules_version: RULES_VERSION,
        rules_reviewed: RULES_REVIEWED,
        rules_review_by: RULES_REVIEW_BY,
        today,
        findings,
        dates,
        checklist: Vec::new(),
        situation,
        topic: chosen,
        other_topics,
        plan: plan::Plan::default(),
    };
    let mut items = checklist::build(&decision);
    situation::states(&decision.situation, &ctx, &mut items);
    decision.checklist = items;
    // One plan: the checklist and the dates to remember are its views from here on.
    let plan = plan::build(&decision, ctx.a);
    decision.checklist = plan.checklist();
    decision.dates = plan.key_dates();
    decision.plan = plan;
    // No past date in a future sentence.
    tense::settle(&mut decision.findings, today);
    // Only the pages that may concern this reader.
    sources::keep_relevant(&mut decision.findings, &ctx);
    decision
}

/// The questions among `wanted` that are still unanswered, for a "maybe".
pub(crate) fn missing(pairs: &[(Question, bool)]) -> Vec<Question> {
    pairs
        .iter()
        .filter(|(_, given)| !given)
        .map(|(q, _)| *q)
        .collect()
}
