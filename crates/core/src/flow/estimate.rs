//! "Question 3 of about 12": how many questions the journey asks in all, as the reader goes.
//!
//! The estimate is the longest way on: the questions known so far up to the next one, and the
//! most questions that ever follow that one on the chosen topic ([`LONGEST_TAIL`], the longest
//! tail after each question on the paths [`super::enumerate::walk_all`] walks, written by the
//! flow tests). Before the journey is known ([`journey`]: the citizenship, then the topic) there
//! is none: it may be the short EU/EEA check, one topic or the full check.
//!
//! The answers are replayed in the order they were asked. Each answer may raise the estimate by
//! no more than the questions it adds to the known path (issue 24: "1 of about 3", then "2 of
//! about 13"), and it is never below the questions known.
//!
//! May import `domain` and the rest of `flow`.

use chrono::NaiveDate;

use super::{get, progress, set, Progress};
use crate::domain::answers::{Answers, Citizenship, Topic};
use crate::domain::questions::{Question as Q, QuestionSet};

mod tails;

pub use tails::LONGEST_TAIL;

/// About how many questions the journey asks in all, counting those asked so far; `None` while
/// the journey is not known.
pub fn estimated_length(
    answers: &Answers,
    skipped: &QuestionSet,
    today: NaiveDate,
) -> Option<usize> {
    let mut replayed = Answers::default();
    let mut replayed_skipped = QuestionSet::new();
    let mut estimate: Option<usize> = None;
    let mut known: Vec<Q> = Vec::new();
    let mut replaying: Option<Q> = None;
    // Each round replays one answer, so this ends within the number of questions.
    for _ in 0..=Q::ALL.len() {
        let p = progress(&replayed, &replayed_skipped, today);
        if p.next.is_some() && p.next == replaying {
            // An answer the question no longer offers: it is the question still open.
            break;
        }
        estimate = match (estimate, longest_way_on(journey(&replayed), &p)) {
            (_, None) => None,
            (None, Some(longest)) => Some(longest.max(p.path.len())),
            (Some(before), Some(longest)) => {
                let added = p.path.iter().filter(|q| !known.contains(q)).count();
                Some(longest.min(before + added).max(p.path.len()))
            }
        };
        known = p.path;
        let Some(q) = p.next else {
            break;
        };
        replaying = Some(q);
        if skipped.contains(q) {
            replayed_skipped.insert(q);
        } else if !get(answers, q).is_some_and(|v| set(&mut replayed, q, v)) {
            break;
        }
    }
    estimate
}

/// The journey the answers follow, once it is known: the topic chosen, or `None` for an EU/EEA
/// citizen, who chooses none.
pub fn journey(a: &Answers) -> Option<Option<Topic>> {
    match a.citizenship? {
        Citizenship::EuEea => Some(None),
        _ => a.topic.map(Some),
    }
}

/// The questions up to the next one, and the most that follow it on this journey's paths; the
/// whole path once nothing is left to ask.
fn longest_way_on(journey: Option<Option<Topic>>, p: &Progress) -> Option<usize> {
    let topic = journey?;
    let Some(next) = p.next else {
        return Some(p.path.len());
    };
    let at = p.path.iter().position(|q| *q == next).unwrap_or(0);
    let tail = longest_tail(topic, next).unwrap_or_else(|| {
        // A question no path of the journey asks from the start (answers kept from another
        // topic): the journey's longest tail.
        LONGEST_TAIL
            .iter()
            .filter(|(t, _, _)| *t == topic)
            .map(|(_, _, n)| usize::from(*n))
            .max()
            .unwrap_or(0)
    });
    Some(at + 1 + tail)
}

/// The most questions that follow `q` on a path of the journey `topic`, if a path of it asks
/// `q`.
pub fn longest_tail(topic: Option<Topic>, q: Q) -> Option<usize> {
    LONGEST_TAIL
        .iter()
        .find(|(t, x, _)| *t == topic && *x == q)
        .map(|(_, _, n)| usize::from(*n))
}
