//! No question that cannot matter: on every enumerated path of a topic journey, each question
//! asked has some other answer (or skipping it, where allowed) that changes the decision shown
//! (findings with their verdicts and parameters, dates, checklist) or the route (the questions
//! that follow). The few justified exceptions are listed in [`EXCEPTIONS`] with the reason.
//!
//! Not finished (issue 12, item 3): [`NOT_YET`] lists the (topic, question) pairs where, on
//! some path, the question is still asked although no sampled answer changes what is shown
//! there. The test fails when a pair not in the list appears (a new question that cannot
//! matter) and when a listed pair no longer occurs (then take it off the list), so the list
//! only shrinks. Some pairs come from the enumerator's few samples per date, not the flow.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use chrono::NaiveDate;
use residence_checker::domain::answers::{Answers, Keyed, Topic};
use residence_checker::domain::case::Case;
use residence_checker::domain::questions::Question;
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

/// Questions that may be asked on a path where no other answer changes what is shown, with
/// the reason they are asked all the same.
const EXCEPTIONS: &[(Question, &str)] = &[];

/// The (topic, question) pairs still to fix; see the module docs.
const NOT_YET: &[(&str, &str)] = &[
    ("brexit", "frontier_started_by_2021"),
    ("brexit", "stays_abroad"),
    ("brexit", "uk_basis_history"),
    ("brexit", "uk_family.health_insurance"),
    ("brexit", "uk_family.sibling_without_caregivers_approved"),
    ("brexit", "uk_family.supported"),
    ("brexit", "uk_family.wedding_within_six_months"),
    ("brexit", "uk_residence_start"),
    ("card_problem", "duf_number"),
    ("card_problem", "hand_in_old_card"),
    ("card_problem", "location_now"),
    ("card_problem", "new_passport_recently"),
    ("eu_eea", "stays_abroad"),
    ("expiring", "date_of_birth"),
    ("expiring", "location_now"),
    ("expiring", "new_passport_recently"),
    ("expiring", "permit_start"),
    ("get_card", "application_date"),
    ("get_card", "biometrics_taken"),
    ("get_card", "card_lost_in_mail"),
    ("get_card", "date_of_birth"),
    ("get_card", "duf_number"),
    ("get_card", "hand_in_old_card"),
    ("get_card", "location_now"),
    ("get_card", "new_passport_recently"),
    ("get_card", "permit_expiry"),
    ("permanent", "date_of_birth"),
    ("permanent", "first_qualifying_permit_date"),
    ("permanent", "permit_gap"),
    ("permanent", "stays_abroad"),
    ("travel", "intends_to_return"),
    ("travel", "location_now"),
    ("travel", "permit_start"),
    ("travel", "stays_abroad"),
];

/// What the applicant sees for these answers, and the route; `None` when refused.
fn outcome(answers: &Answers, skipped: &BTreeSet<Question>) -> Option<String> {
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
            let mut s = w.skipped.clone();
            match alt {
                Some(v) => {
                    s.remove(&q);
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
    let mut pairs = 0;
    for w in walks()
        .iter()
        .filter(|w| w.answers.topic != Some(Topic::Everything))
    {
        for &q in &w.path {
            if EXCEPTIONS.iter().any(|(e, _)| *e == q) {
                continue;
            }
            pairs += 1;
            if !matters_here(w, q) {
                let topic = w.answers.topic.map_or("eu_eea", |t| t.key());
                *dead.entry((topic.to_string(), q.name())).or_default() += 1;
            }
        }
    }
    assert!(pairs > 4_000, "only {pairs} (path, question) pairs checked");
    if std::env::var_os("PRINT_DEAD").is_some() {
        for (t, q) in dead.keys() {
            println!("    (\"{t}\", \"{q}\"),");
        }
    }
    let new: Vec<_> = dead
        .iter()
        .filter(|((t, q), _)| !NOT_YET.contains(&(t.as_str(), *q)))
        .collect();
    assert!(
        new.is_empty(),
        "questions asked where no answer changes anything ((topic, question): paths): {new:#?}"
    );
    let fixed: Vec<_> = NOT_YET
        .iter()
        .filter(|(t, q)| !dead.contains_key(&(t.to_string(), *q)))
        .collect();
    assert!(fixed.is_empty(), "fixed: take off NOT_YET: {fixed:?}");
    println!(
        "{pairs} (path, question) pairs; {} still in NOT_YET",
        dead.len()
    );
}
