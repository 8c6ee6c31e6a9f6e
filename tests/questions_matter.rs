//! No question that cannot matter: on every enumerated path of a topic journey, each question
//! asked has some other answer (or skipping it, where allowed) that changes the decision shown
//! (findings with their verdicts and parameters, dates, checklist) or the route (the questions
//! that follow). The few justified exceptions are listed in [`EXCEPTIONS`] by (topic,
//! question) with the reason (issue 12, item 3).
//!
//! The test fails when a question is asked on some path where no sampled answer changes what
//! is shown there (a question that cannot matter: take it off that path in the flow, or sample
//! the value that makes the difference), and when an exception names a question its topic no
//! longer asks.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use chrono::NaiveDate;
use residence_checker::domain::answers::{Answers, Keyed, Topic};
use residence_checker::domain::case::Case;
use residence_checker::domain::questions::{Question, QuestionSet};
use residence_checker::engine::evaluate;
use residence_checker::flow::enumerate::{samples, walk_all, Walked};
use residence_checker::flow::{self, answer};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).expect("date")
}

fn walks() -> &'static [Walked] {
    static WALKS: OnceLock<Vec<Walked>> = OnceLock::new();
    WALKS.get_or_init(|| walk_all(&Answers::default(), today()).expect("the flow walks"))
}

/// (topic, question) pairs that may be asked on a path where no other answer changes what is
/// shown, with the reason they are asked all the same.
const EXCEPTIONS: &[(&str, &str, &str)] = &[
    (
        "expiring",
        "date_of_birth",
        "R-132: a child who turned six after the permit was granted must book an appointment for \
         the card after the extension; when the stays abroad (asked after) exceed six months in \
         the permit's last year the extension stops (R-133) and the card facts are not read. \
         Whether they exceed is the engine's absence count, which the flow does not repeat.",
    ),
    (
        "expiring",
        "permit_start",
        "As date_of_birth: the permit's start dates the sixth birthday against the grant \
         (R-132), not read when the stays abroad stop the extension (R-133).",
    ),
    (
        "collective_protection",
        "date_of_birth",
        "As on the expiring topic: the card after the extension (R-132) is not read when the \
         stays abroad stop the extension (R-133), which only the engine's absence count tells.",
    ),
    (
        "collective_protection",
        "permit_start",
        "As date_of_birth (R-132, R-133).",
    ),
];

/// What the applicant sees for these answers, and the route; `None` when refused.
fn outcome(answers: &Answers, skipped: &QuestionSet) -> Option<String> {
    let (answers, skipped) = flow::prune(answers, skipped, today());
    let case = Case::from_answers(&answers, today()).ok()?;
    let d = evaluate(&case, today());
    let route = flow::progress(&answers, &skipped, today()).path;
    Some(format!(
        "{:?}",
        (d.findings, d.dates, d.checklist, d.other_topics, route)
    ))
}

fn matters_here(w: &Walked, q: Question) -> bool {
    let Some(base) = outcome(&w.answers, &w.skipped) else {
        return true;
    };
    let current = answer::get(&w.answers, q);
    samples(q, &w.answers, today())
        .into_iter()
        .filter(|alt| *alt != current)
        .any(|alt| {
            let mut a = w.answers.clone();
            let mut s = w.skipped;
            match alt {
                Some(v) => {
                    s.remove(q);
                    if !answer::set(&mut a, q, v) {
                        return false;
                    }
                }
                None => {
                    answer::clear(&mut a, q);
                    s.insert(q);
                }
            }
            outcome(&a, &s).is_some_and(|o| o != base)
        })
}

#[test]
fn every_question_on_a_topic_journey_can_change_what_is_shown_there() {
    let mut dead: BTreeMap<(String, &str), usize> = BTreeMap::new();
    let mut excepted: BTreeSet<(&str, &str)> = BTreeSet::new();
    let mut asked: BTreeSet<(&str, &str)> = BTreeSet::new();
    let mut pairs = 0;
    for w in walks()
        .iter()
        .filter(|w| w.answers.topic != Some(Topic::Everything))
    {
        let topic = w.answers.topic.map_or("eu_eea", |t| t.key());
        for &q in &w.path {
            pairs += 1;
            asked.insert((topic, q.name()));
            if !matters_here(w, q) {
                match EXCEPTIONS
                    .iter()
                    .find(|(t, e, _)| *t == topic && *e == q.name())
                {
                    Some((t, e, _)) => {
                        excepted.insert((t, e));
                    }
                    None => *dead.entry((topic.to_string(), q.name())).or_default() += 1,
                }
            }
        }
    }
    assert!(pairs > 4_000, "only {pairs} (path, question) pairs checked");
    if std::env::var_os("PRINT_DEAD").is_some() {
        for (t, q) in dead.keys() {
            println!("    (\"{t}\", \"{q}\"),");
        }
    }
    assert!(
        dead.is_empty(),
        "questions asked where no answer changes anything ((topic, question): paths): {dead:#?}"
    );
    // Whether an excepted question is dead on a path depends on which sample each path got
    // (here: whether its stays exceed six months), so an exception need not be used; but it
    // must still name a question that its topic asks.
    let stale: Vec<_> = EXCEPTIONS
        .iter()
        .filter(|(t, q, _)| !asked.contains(&(*t, *q)))
        .map(|(t, q, _)| (t, q))
        .collect();
    assert!(
        stale.is_empty(),
        "exceptions for questions not asked: {stale:?}"
    );
    println!(
        "{pairs} (path, question) pairs; {} excepted",
        excepted.len()
    );
}
