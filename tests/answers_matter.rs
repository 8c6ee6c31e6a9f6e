//! No dead answers: every answer field that the format accepts and the flow asks can change
//! the decision somewhere.
//!
//! For each question, the test walks the enumerated paths that ask it and tries every other
//! sample answer (and skipping, where allowed) on each; the question matters as soon as one
//! change gives another decision (findings with their verdicts and parameters, dates or
//! checklist). A question that never matters is a dead answer: use it in a rule, or stop asking
//! and accepting it. The two fields the questions do not ask are checked on their own: they
//! answer the question that is asked; so do the two fields of version-1 files that version 2
//! replaced (each fact once).

use std::sync::OnceLock;

use chrono::NaiveDate;
use residence_checker::domain::answers::Answers;
use residence_checker::domain::case::Case;
use residence_checker::domain::format::{self, AnswersFile};
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

/// The decision for `answers` (pruned as the app prunes them), in a comparable form; `None`
/// when the answers are refused.
fn decision(answers: &Answers, skipped: &QuestionSet) -> Option<String> {
    let (answers, _) = flow::prune(answers, skipped, today());
    let case = Case::from_answers(&answers, today()).ok()?;
    let d = evaluate(&case, today());
    Some(format!("{:?}", (d.findings, d.dates, d.checklist)))
}

/// `answers` with `q` answered `alt` (`None`: skipped), or `None` if the value is refused.
fn with(
    answers: &Answers,
    skipped: &QuestionSet,
    q: Question,
    alt: Option<answer::AnswerValue>,
) -> Option<(Answers, QuestionSet)> {
    let mut answers = answers.clone();
    let mut skipped = *skipped;
    match alt {
        Some(v) => {
            skipped.remove(q);
            answer::set(&mut answers, q, v).then_some(())?;
        }
        None => {
            answer::clear(&mut answers, q);
            skipped.insert(q);
        }
    }
    Some((answers, skipped))
}

/// Whether some other answer to `q` changes the decision for these answers.
fn changes_here(answers: &Answers, skipped: &QuestionSet, q: Question) -> bool {
    let Some(base) = decision(answers, skipped) else {
        return false;
    };
    let current = answer::get(answers, q);
    samples(q, answers, today())
        .into_iter()
        .filter(|alt| *alt != current)
        .filter_map(|alt| with(answers, skipped, q, alt))
        .any(|(a, s)| decision(&a, &s).is_some_and(|d| d != base))
}

/// Whether some other answer to `q` changes the decision on some path that asks it. The
/// enumerator gives questions that do not route one sample per path, so a condition that needs
/// two answers together (e.g. "started work by 2021" and "lives abroad") may be met on no
/// walked path: then one other answer on the path is changed too.
fn matters(q: Question) -> bool {
    let paths = || walks().iter().filter(|w| w.path.contains(&q));
    if paths().any(|w| changes_here(&w.answers, &w.skipped, q)) {
        return true;
    }
    paths().any(|w| {
        w.path.iter().filter(|p| **p != q).any(|&p| {
            let current = answer::get(&w.answers, p);
            samples(p, &w.answers, today())
                .into_iter()
                .filter(|alt| *alt != current)
                .filter_map(|alt| with(&w.answers, &w.skipped, p, alt))
                .any(|(a, s)| {
                    let (a, s) = flow::prune(&a, &s, today());
                    flow::path(&a, today()).contains(&q) && changes_here(&a, &s, q)
                })
        })
    })
}

#[test]
fn every_question_the_flow_asks_can_change_the_decision() {
    let asked: QuestionSet = walks().iter().flat_map(|w| w.path.clone()).collect();
    let dead: Vec<&str> = Question::ALL
        .iter()
        .filter(|q| asked.contains(**q))
        .filter(|q| !matters(**q))
        .map(|q| q.name())
        .collect();
    assert!(
        dead.is_empty(),
        "questions whose answer never changes the decision: {dead:?}"
    );
}

#[test]
fn the_fields_the_flow_does_not_ask_are_exactly_the_dates_that_answer_asked_questions() {
    let asked: QuestionSet = walks().iter().flat_map(|w| w.path.clone()).collect();
    let not_asked: Vec<Question> = Question::ALL
        .iter()
        .copied()
        .filter(|q| !asked.contains(*q))
        .collect();
    // (And the day the residence time is met: worked out from the first permit that counts,
    // which is asked instead, issue 22.)
    assert_eq!(
        not_asked,
        [
            Question::NewPassportDate,
            Question::ResidenceRequirementDate,
            Question::BrexitApplicationDate
        ]
    );
}

/// Each fact once: a version-1 file that gives the permit's last day (`permit_end`) or the
/// renewal's hand-in day (`renewal_submitted`), fields version 2 no longer has, reads as the
/// same answers with that date in the asked field (the permit's expiry, the application's
/// date), so it gets the same decision.
#[test]
fn a_version_1_field_of_an_asked_fact_answers_it_after_migration() {
    type Older = fn(&mut Answers, NaiveDate);
    let older: [(Question, Older); 2] = [
        (Question::PermitExpiry, |a, d| a.permit_end = Some(d)),
        (Question::ApplicationDate, |a, d| {
            a.renewal_submitted = Some(d)
        }),
    ];
    for (asked, give_older) in older {
        let mut checked = 0;
        for w in walks()
            .iter()
            .filter(|w| answer::get(&w.answers, asked).is_some())
            .step_by(211)
        {
            let Some(answer::AnswerValue::Date(day)) = answer::get(&w.answers, asked) else {
                continue;
            };
            let mut v1 = w.answers.clone();
            answer::clear(&mut v1, asked);
            give_older(&mut v1, day);
            let mut file = AnswersFile::new(v1, None, None);
            file.format_version = 1;
            let read = format::parse(&format::write_file(&file)).expect("a version-1 file");
            assert_eq!(read.answers, w.answers, "{}", asked.name());
            assert_eq!(
                decision(&read.answers, &w.skipped),
                decision(&w.answers, &w.skipped)
            );
            checked += 1;
        }
        assert!(checked > 5, "{}: {checked} paths", asked.name());
    }
}

/// A file that gives only the passport's date (or the Brexit application's date) gets the
/// same decision as one that answers the asked yes/no question.
#[test]
fn an_unasked_date_answers_the_asked_question() {
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).expect("date");
    let cases = [
        (
            Question::NewPassportRecently,
            Question::NewPassportDate,
            [(d(2023, 1, 10), true), (d(2020, 6, 1), false)],
        ),
        (
            Question::BrexitAppliedByDeadline,
            Question::BrexitApplicationDate,
            [(d(2021, 12, 31), true), (d(2022, 1, 1), false)],
        ),
    ];
    for (asked, unasked, dates) in cases {
        let w = walks()
            .iter()
            .find(|w| answer::get(&w.answers, asked).is_some())
            .expect("a path that asks the question");
        for (date, yes) in dates {
            let mut by_answer = w.answers.clone();
            answer::set(&mut by_answer, asked, answer::AnswerValue::YesNo(yes));
            let mut by_date = w.answers.clone();
            answer::clear(&mut by_date, asked);
            answer::set(&mut by_date, unasked, answer::AnswerValue::Date(date));
            assert_eq!(
                decision(&by_date, &w.skipped),
                decision(&by_answer, &w.skipped),
                "{} = {date} should read as {} = {yes}",
                unasked.name(),
                asked.name()
            );
        }
    }
}
