//! Exhaustive tests of the questionnaire: every path is walked (choices enumerated, dates and
//! lists sampled at their thresholds); every question and every outcome is reachable; no path
//! dead-ends or loops; answers the path no longer reaches are dropped.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use chrono::NaiveDate;
use residence_checker::domain::answers::{Answers, Citizenship};
use residence_checker::domain::case::Case;
use residence_checker::domain::questions::Question;
use residence_checker::engine::decision::FindingKey;
use residence_checker::engine::evaluate;
use residence_checker::flow::enumerate::{walk_all, Walked};
use residence_checker::flow::{self, AnswerValue};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).expect("date")
}

fn walks() -> &'static [Walked] {
    static WALKS: OnceLock<Vec<Walked>> = OnceLock::new();
    WALKS.get_or_init(|| match walk_all(&Answers::default(), today()) {
        Ok(w) => w,
        Err(e) => panic!("the flow is broken: {e}"),
    })
}

#[test]
fn every_path_ends_with_a_result_and_the_longest_is_reported() {
    let walks = walks();
    assert!(walks.len() > 1_000, "only {} paths", walks.len());
    let longest = walks.iter().max_by_key(|w| w.path.len()).expect("a path");
    let names: Vec<&str> = longest.path.iter().map(|q| q.name()).collect();
    println!(
        "{} paths walked; longest has {} questions: {}",
        walks.len(),
        longest.path.len(),
        names.join(" → ")
    );
    for w in walks {
        let p = flow::progress(&w.answers, &w.skipped, today());
        assert!(p.is_complete(), "incomplete path {:?}", w.path);
        assert_eq!(p.path, w.path);
        let unique: BTreeSet<_> = w.path.iter().collect();
        assert_eq!(
            unique.len(),
            w.path.len(),
            "a question asked twice: {:?}",
            w.path
        );
    }
}

#[test]
fn every_question_is_reachable() {
    let reached: BTreeSet<Question> = walks()
        .iter()
        .flat_map(|w| w.path.iter().copied())
        .collect();
    // The Brexit application date is part of the answers format (a saved summary may carry
    // it) but the questionnaire asks only whether the application was in time.
    let not_asked = [Question::BrexitApplicationDate, Question::NewPassportDate];
    let missing: Vec<&str> = Question::ALL
        .iter()
        .filter(|q| !reached.contains(q) && !not_asked.contains(q))
        .map(|q| q.name())
        .collect();
    assert!(missing.is_empty(), "never asked: {missing:?}");
}

#[test]
fn every_outcome_is_reachable_and_every_complete_path_evaluates() {
    let mut seen = BTreeSet::new();
    for w in walks() {
        let case = Case::from_answers(&w.answers, today())
            .unwrap_or_else(|e| panic!("a walked path gave invalid answers: {e:?}"));
        for f in evaluate(&case, today()).findings {
            seen.insert(f.key);
        }
    }
    let missing: Vec<&str> = FindingKey::ALL
        .iter()
        .filter(|k| !seen.contains(k))
        .map(|k| k.as_str())
        .collect();
    assert!(missing.is_empty(), "outcomes no path reaches: {missing:?}");
}

#[test]
fn a_german_citizen_is_never_asked_about_the_police_and_a_uk_national_is_asked_about_brexit() {
    let police = [
        Question::AppointmentDate,
        Question::SubmittedBy,
        Question::BiometricsTaken,
        Question::Channel,
        Question::LetterSaysMeetPolice,
    ];
    for w in walks() {
        match w.answers.citizenship {
            Some(Citizenship::EuEea) => {
                assert!(!w.path.iter().any(|q| police.contains(q)), "{:?}", w.path)
            }
            Some(Citizenship::Uk) => assert!(w.path.contains(&Question::BrexitRole)),
            _ => {}
        }
    }
}

#[test]
fn changing_an_earlier_answer_drops_the_answers_the_new_path_no_longer_reaches() {
    // A UK national's Brexit answers vanish when the citizenship changes to EU/EEA.
    let uk = walks()
        .iter()
        .find(|w| {
            w.answers.citizenship == Some(Citizenship::Uk) && w.answers.uk_residence_start.is_some()
        })
        .expect("a UK walk");
    let mut changed = uk.answers.clone();
    assert!(flow::set(
        &mut changed,
        Question::Citizenship,
        AnswerValue::Choice("eu_eea".into())
    ));
    let (pruned, skipped) = flow::prune(&changed, &uk.skipped, today());
    assert_eq!(pruned.citizenship, Some(Citizenship::EuEea));
    assert_eq!(pruned.uk_residence_start, None);
    assert_eq!(pruned.brexit_role, None);
    let reached: BTreeSet<Question> = flow::path(&pruned, today()).into_iter().collect();
    for q in Question::ALL {
        if flow::answer::is_answered(&pruned, *q) {
            assert!(reached.contains(q), "{} kept but not reached", q.name());
        }
    }
    assert!(skipped.iter().all(|q| reached.contains(q)));
}

#[test]
fn pruning_a_complete_walk_changes_nothing() {
    for w in walks().iter().step_by(97) {
        let (pruned, skipped) = flow::prune(&w.answers, &w.skipped, today());
        assert_eq!(pruned, w.answers);
        assert_eq!(skipped, w.skipped);
    }
}

#[test]
fn the_graphviz_file_names_every_reached_question() {
    let dot = residence_checker::flow::enumerate::to_dot(walks());
    assert!(dot.starts_with("digraph flow {"));
    assert!(dot.contains("\"citizenship\" -> \"status\" [label=\"eu_eea\"]"));
    assert!(dot.contains("-> result;"));
}
