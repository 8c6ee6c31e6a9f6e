//! The result page as plain words: what the report worker works out (rules and words) and the
//! browser page shows.
//!
//! The rules engine and the result words are large, so the first-load app does not carry them:
//! the worker evaluates the answers, renders every finding, date and checklist item in the
//! reader's language with [`build`], and sends the [`ResultView`] as text
//! ([`crate::wire::view::encode`]); the page reads it back with [`crate::wire::view::decode`]
//! and only lays it out.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::domain::answers::Answers;
use crate::domain::case::Case;
use crate::engine::decision::{Decision, ItemState, Priority};
use crate::engine::evaluate;
use crate::engine::outcome::{compare, digest};
use crate::text::render::{
    conflict_text, date_label, error_text, finding_body, finding_title, format_date, item_text,
    missing_text, rule_title, step_words,
};
use crate::text::{tr, tr_with, Lang};

/// One step of the plan, in words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StepView {
    /// `todo`, `overdue` or `event` (the page's style).
    pub state: String,
    /// When: "Now", "By 15 December 2026", "Then", …
    pub when: String,
    /// What to do, or what happens.
    pub text: String,
    /// Why: the findings it comes from, as (the finding's id on the page, its title).
    pub why: Vec<(String, String)>,
    /// The rules, as "R-…".
    pub rules: Vec<String>,
}

/// One finding, in words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FindingView {
    /// Its key, for the page's anchor (`f-<id>`), which a plan step links to.
    pub id: String,
    /// `yes`, `no` or `maybe` (the page's colour).
    pub verdict: String,
    /// The one-line statement.
    pub title: String,
    /// The explanation, paragraph by paragraph.
    pub body: Vec<String>,
    /// What would settle a "maybe".
    pub missing: Option<String>,
    /// The recorded conflicts between sources.
    pub conflicts: Vec<String>,
    /// The rules, as "R-… – title".
    pub rules: Vec<String>,
    /// The sources' addresses.
    pub sources: Vec<String>,
}

/// A group of findings of one priority.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SectionView {
    /// `action`, `warning` or `info`.
    pub priority: String,
    /// The heading.
    pub heading: String,
    /// The findings.
    pub findings: Vec<FindingView>,
}

/// The whole result, in words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ResultView {
    /// "Your plan": the numbered steps from today, in order; the first is the next step.
    pub plan: Vec<StepView>,
    /// What the answers say is done already.
    pub done: Vec<String>,
    /// The findings by priority, most important first.
    pub sections: Vec<SectionView>,
    /// The key dates: label and date.
    pub dates: Vec<(String, String)>,
    /// Documents to bring.
    pub bring_items: Vec<String>,
    /// Every source once, in order of first mention.
    pub sources: Vec<String>,
    /// The rules version and review date line.
    pub rules_version: String,
    /// Validation errors (a safety net: answers are checked as they are given).
    pub errors: Vec<String>,
    /// What changed since a loaded file was saved (empty when nothing did, or nothing was
    /// loaded).
    pub changes: Vec<String>,
    /// "Other things that may concern you": the other topics with something to say, as the
    /// topic's key (an option of the topic question) and its words.
    pub other_topics: Vec<(String, String)>,
    /// The bokmål copy of the checklist for the staff at the counter, when the view is in
    /// another language (see [`staff_copy`]); the page prints it when the applicant asks.
    pub staff_copy: Option<StaffCopyView>,
}

/// The plan once more in bokmål, for the staff at the counter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StaffCopyView {
    /// "Copy for the staff at the counter (bokmål)".
    pub heading: String,
    /// The heading of the steps ("Your plan").
    pub do_title: String,
    /// The plan's steps, numbered, each "when: what".
    pub do_items: Vec<String>,
    /// The heading of the documents, and the documents.
    pub bring_title: String,
    /// The documents to bring.
    pub bring_items: Vec<String>,
}

/// The bokmål plan of `d` for the counter staff.
pub fn staff_copy(d: &Decision) -> StaffCopyView {
    let nb = Lang::Nb;
    StaffCopyView {
        heading: tr(nb, "ui.print.staff_copy.heading").to_string(),
        do_title: tr(nb, "plan.title").to_string(),
        do_items: plan_lines(nb, d),
        bring_title: tr(nb, "ui.checklist.bring").to_string(),
        bring_items: bring_words(nb, d),
    }
}

/// The plan's steps as numbered lines, "1. When: what" (the staff copy, the command line).
pub fn plan_lines(lang: Lang, d: &Decision) -> Vec<String> {
    d.plan
        .steps
        .iter()
        .enumerate()
        .map(|(n, s)| {
            let w = step_words(lang, s, d.today);
            format!("{}. {}: {}", n + 1, w.when, w.text)
        })
        .collect()
}

/// What to bring, in words: the result page and the staff copy list the same items.
fn bring_words(lang: Lang, d: &Decision) -> Vec<String> {
    d.plan.bring.iter().map(|i| item_text(lang, i)).collect()
}

/// The plan in words: each step's when and what, and its reasons (the findings shown on the
/// page, by id and title) and rules.
fn plan_view(lang: Lang, d: &Decision) -> Vec<StepView> {
    d.plan
        .steps
        .iter()
        .map(|s| {
            let w = step_words(lang, s, d.today);
            let state = match (s.item(), s.state) {
                (_, ItemState::Overdue) => "overdue",
                (Some(_), _) => "todo",
                (None, _) if s.passed.is_some() => "overdue",
                (None, _) => "event",
            };
            StepView {
                state: state.to_string(),
                when: w.when,
                text: w.text,
                why: s
                    .findings
                    .iter()
                    .filter_map(|k| d.finding(*k))
                    .map(|f| (f.key.as_str().to_string(), finding_title(lang, f)))
                    .collect(),
                rules: s.rules.iter().map(|r| r.as_str().to_string()).collect(),
            }
        })
        .collect()
}

/// Works out the result for `answers` on `today` and puts it in words; when `saved` holds the
/// result digest of a loaded file (`engine::outcome::digest`), also lists what changed since
/// (new rules, or time passing).
pub fn build(
    lang: Lang,
    today: NaiveDate,
    answers: &Answers,
    saved: Option<&BTreeMap<String, String>>,
) -> ResultView {
    match Case::from_answers(answers, today) {
        Ok(case) => {
            let decision = evaluate(&case, today);
            let mut view = from_decision(lang, &decision);
            if lang != Lang::Nb {
                view.staff_copy = Some(staff_copy(&decision));
            }
            if let Some(saved) = saved {
                view.changes = changes(lang, &decision, saved);
            }
            view
        }
        Err(errors) => ResultView {
            errors: errors.iter().map(|e| error_text(lang, e)).collect(),
            ..ResultView::default()
        },
    }
}

/// What changed between a saved result digest and `decision`, one sentence per finding.
pub fn changes(lang: Lang, decision: &Decision, saved: &BTreeMap<String, String>) -> Vec<String> {
    let verdict = |v: &Option<String>| match v.as_deref() {
        Some(v @ ("yes" | "no" | "maybe")) => {
            tr(lang, &format!("ui.changes.verdict.{v}")).to_string()
        }
        _ => tr(lang, "ui.changes.verdict.none").to_string(),
    };
    compare(saved, &digest(decision))
        .into_iter()
        .map(|c| {
            let title = decision
                .findings
                .iter()
                .find(|f| f.key.as_str() == c.finding)
                .map(|f| finding_title(lang, f))
                .unwrap_or_else(|| c.finding.replace('_', " "));
            tr_with(
                lang,
                "ui.changes.row",
                &[
                    ("finding", &title),
                    ("before", &verdict(&c.before)),
                    ("after", &verdict(&c.after)),
                ],
            )
        })
        .collect()
}

/// Puts a decision in words.
pub fn from_decision(lang: Lang, d: &Decision) -> ResultView {
    let sections = [
        (Priority::Action, "action", "ui.priority.action"),
        (Priority::Warning, "warning", "ui.priority.warning"),
        (Priority::Info, "info", "ui.priority.info"),
    ]
    .into_iter()
    .map(|(priority, id, key)| SectionView {
        priority: id.to_string(),
        heading: tr(lang, key).to_string(),
        findings: d
            .findings
            .iter()
            .filter(|f| f.priority == priority)
            .map(|f| FindingView {
                id: f.key.as_str().to_string(),
                verdict: f.verdict.as_str().to_string(),
                title: finding_title(lang, f),
                body: finding_body(lang, f),
                missing: missing_text(lang, f),
                conflicts: f
                    .conflicts
                    .iter()
                    .map(|c| conflict_text(lang, *c))
                    .collect(),
                rules: f
                    .rules
                    .iter()
                    .map(|r| format!("{} – {}", r.as_str(), rule_title(lang, *r)))
                    .collect(),
                sources: f.sources.iter().map(|s| s.url().to_string()).collect(),
            })
            .collect(),
    })
    .filter(|s| !s.findings.is_empty())
    .collect();
    let mut sources: Vec<String> = Vec::new();
    for s in d.findings.iter().flat_map(|f| f.sources.iter()) {
        if !sources.iter().any(|u| u == s.url()) {
            sources.push(s.url().to_string());
        }
    }
    ResultView {
        plan: plan_view(lang, d),
        done: d
            .plan
            .done
            .iter()
            .map(|s| step_words(lang, s, d.today).text)
            .collect(),
        sections,
        dates: d
            .dates
            .iter()
            .map(|k| (date_label(lang, k.key), format_date(lang, k.date)))
            .collect(),
        bring_items: bring_words(lang, d),
        sources,
        rules_version: rules_line(lang, d),
        errors: Vec::new(),
        changes: Vec::new(),
        other_topics: d
            .other_topics
            .iter()
            .map(|t| {
                let key = crate::domain::answers::Keyed::key(*t);
                (
                    key.to_string(),
                    tr(lang, &format!("q.topic.opt.{key}")).to_string(),
                )
            })
            .collect(),
        staff_copy: None,
    }
}

/// The rules version and review date; after the review-by day also the warning that the rules
/// may have changed, with UDI's address (the result page, the summary and the print all show
/// this line).
fn rules_line(lang: Lang, d: &Decision) -> String {
    let reviewed = format_date(lang, d.rules_reviewed);
    let mut line = tr_with(
        lang,
        "ui.rules_version",
        &[("version", d.rules_version), ("date", &reviewed)],
    );
    if d.rules_may_be_outdated() {
        line.push(' ');
        line.push_str(&tr_with(lang, "ui.rules_outdated", &[("date", &reviewed)]));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::answers::{Citizenship, Status};
    use crate::wire::view::{decode, encode};

    fn sample() -> ResultView {
        let answers = Answers {
            citizenship: Some(Citizenship::Uk),
            status: Some(Status::NoneYet),
            ..Answers::default()
        };
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_default();
        build(Lang::En, today, &answers, None)
    }

    #[test]
    fn the_staff_copy_is_the_bokmal_checklist_of_the_same_result_and_only_off_bokmal() {
        use crate::domain::answers::{AppliedFor, Basis, CardSituation};
        // L24: a stolen card, with steps to do and documents to bring.
        let answers = Answers {
            citizenship: Some(Citizenship::Other),
            status: Some(Status::Temporary),
            basis: Some(Basis::Work),
            applied_for: Some(AppliedFor::NewCardOnly),
            card_situation: Some(vec![CardSituation::Stolen]),
            ..Answers::default()
        };
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_default();
        let nb = build(Lang::Nb, today, &answers, None);
        assert_eq!(nb.staff_copy, None, "a bokmål result needs no bokmål copy");
        // Every other language, nynorsk too, gets the copy in bokmål.
        for lang in Lang::ALL.into_iter().filter(|&l| l != Lang::Nb) {
            let copy = build(lang, today, &answers, None)
                .staff_copy
                .unwrap_or_default();
            assert!(!copy.do_items.is_empty() && !copy.bring_items.is_empty());
            // The same steps as the bokmål result's plan, in the same words.
            let steps: Vec<String> = nb
                .plan
                .iter()
                .enumerate()
                .map(|(n, s)| format!("{}. {}: {}", n + 1, s.when, s.text))
                .collect();
            assert_eq!(copy.do_items, steps, "{lang:?}");
            assert_eq!(copy.bring_items, nb.bring_items, "{lang:?}");
        }
    }

    #[test]
    fn a_result_survives_the_trip_through_text_unchanged() {
        let view = sample();
        assert!(!view.sections.is_empty());
        assert_eq!(decode(&encode(&view)), Some(view));
    }

    #[test]
    fn tabs_and_line_breaks_in_words_cannot_break_the_records() {
        let view = ResultView {
            sections: vec![SectionView {
                priority: "info".into(),
                heading: "a\tb".into(),
                findings: vec![FindingView {
                    verdict: "yes".into(),
                    title: "t\nF\tno\tforged".into(),
                    ..FindingView::default()
                }],
            }],
            rules_version: "v".into(),
            ..ResultView::default()
        };
        // The words come back as they were (escaped on the wire), and forge no record.
        let back = decode(&encode(&view)).unwrap_or_default();
        assert_eq!(back.sections[0].heading, "a\tb");
        assert_eq!(back.sections[0].findings.len(), 1);
        assert_eq!(back.sections[0].findings[0].title, "t\nF\tno\tforged");
    }

    #[test]
    fn a_saved_result_that_differs_from_today_s_is_listed_as_changes() {
        let answers = Answers {
            citizenship: Some(Citizenship::Uk),
            status: Some(Status::NoneYet),
            ..Answers::default()
        };
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_default();
        let case = Case::from_answers(&answers, today).unwrap_or_else(|_| unreachable!());
        let decision = evaluate(&case, today);
        let same = digest(&decision);
        assert!(build(Lang::En, today, &answers, Some(&same))
            .changes
            .is_empty());
        let mut other = same.clone();
        let (first, _) = same.iter().next().unwrap_or_else(|| unreachable!());
        other.insert(first.clone(), "gone".into());
        other.insert("card_returned_to_police".into(), "yes".into());
        let view = build(Lang::En, today, &answers, Some(&other));
        assert_eq!(view.changes.len(), 2, "{:?}", view.changes);
        assert_eq!(decode(&encode(&view)), Some(view));
    }

    #[test]
    fn text_that_is_not_a_result_is_refused() {
        assert_eq!(decode(""), None);
        assert_eq!(decode("P\torphan paragraph\nV\tv"), None);
        assert_eq!(decode("Z\tunknown\nV\tv"), None);
        assert_eq!(decode("<html>"), None);
    }
    #[test]
    fn after_the_review_by_day_every_result_says_the_rules_may_have_changed() {
        let answers = Answers {
            citizenship: Some(Citizenship::EuEea),
            ..Answers::default()
        };
        let review_by = crate::engine::RULES_REVIEW_BY;
        for (today, outdated) in [(review_by, false), (review_by + chrono::Days::new(1), true)] {
            for lang in Lang::ALL {
                let view = build(lang, today, &answers, None);
                let warning = tr_with(
                    lang,
                    "ui.rules_outdated",
                    &[("date", &format_date(lang, crate::engine::RULES_REVIEWED))],
                );
                assert_eq!(
                    view.rules_version.contains(&warning),
                    outdated,
                    "{today} {lang:?}: {}",
                    view.rules_version
                );
                assert_eq!(view.rules_version.contains("https://www.udi.no"), outdated);
            }
        }
    }
}
