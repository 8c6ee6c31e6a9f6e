//! Exhaustive tests of the questionnaire: every path is walked (choices enumerated, dates and
//! lists sampled at their thresholds); every question and every outcome is reachable; no path
//! dead-ends or loops; answers the path no longer reaches are dropped.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use chrono::NaiveDate;
use residence_checker::domain::answers::{Answers, AppliedFor, Basis, Citizenship, Status, Topic};
use residence_checker::domain::case::Case;
use residence_checker::domain::questions::{Question, QuestionSet};
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
    let reached: QuestionSet = walks()
        .iter()
        .flat_map(|w| w.path.iter().copied())
        .collect();
    // The Brexit application date is part of the answers format (a saved summary may carry
    // it) but the questionnaire asks only whether the application was in time; the same for
    // the passport's date. The day the residence time is met is worked out from the first
    // permit that counts, which is asked instead (issue 22: ask less, work out more).
    let not_asked = [
        Question::BrexitApplicationDate,
        Question::NewPassportDate,
        Question::ResidenceRequirementDate,
    ];
    let missing: Vec<&str> = Question::ALL
        .iter()
        .filter(|q| !reached.contains(**q) && !not_asked.contains(q))
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
            // The Brexit role is asked on the Brexit topic and in the full check.
            Some(Citizenship::Uk)
                if matches!(w.answers.topic, Some(Topic::Brexit | Topic::Everything)) =>
            {
                assert!(w.path.contains(&Question::BrexitRole))
            }
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
    let reached: QuestionSet = flow::path(&pruned, today()).into_iter().collect();
    for q in Question::ALL {
        if flow::answer::is_answered(&pruned, *q) {
            assert!(reached.contains(*q), "{} kept but not reached", q.name());
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

/// The answers with what the topic implies (as the rules read them).
fn implied(w: &Walked) -> Answers {
    w.answers.with_topic_implied()
}

fn collective(w: &Walked) -> bool {
    implied(w).basis == Some(Basis::CollectiveProtection)
}

#[test]
fn other_citizenship_is_asked_only_on_collective_protection_paths() {
    let mut asked = 0;
    for w in walks() {
        if w.path.contains(&Question::OtherCitizenship) {
            asked += 1;
            assert!(collective(w), "{:?}", w.path);
        }
    }
    assert!(asked > 0, "never asked");
}

#[test]
fn collective_protection_paths_ask_no_renewal_or_permanent_planning_questions_and_each_fact_once() {
    let renewal = [
        Question::RenewalDigital,
        Question::NoAppointmentBeforeDeadline,
        Question::RenewalRegisteredOnline,
        Question::ResidenceRequirementDate,
        Question::FirstQualifyingPermitDate,
        Question::PlanAbroadOverTwoYears,
    ];
    let appointment = [
        Question::ApplicationDate,
        Question::AppliedFrom,
        Question::SubmittedBy,
        Question::BiometricsTaken,
        Question::TravelDocument,
        Question::LetterSaysMeetPolice,
        Question::Channel,
        Question::AppointmentDate,
    ];
    let mut holders = 0;
    for w in walks().iter().filter(|w| collective(w)) {
        assert!(!w.path.iter().any(|q| renewal.contains(q)), "{:?}", w.path);
        let a = implied(w);
        // The topic "get my card" asks only about the card; the others the extension's facts.
        let card_only = w.answers.topic == Some(Topic::GetCard);
        match a.status {
            Some(Status::NoneYet | Status::DontKnow) => {
                // new applications are not assessed; nothing more to ask.
                let last = if w.answers.topic == Some(Topic::CollectiveProtection) {
                    Question::Status
                } else {
                    Question::Basis
                };
                assert_eq!(w.path.last(), Some(&last), "{:?}", w.path);
            }
            Some(Status::Temporary) if card_only => {
                if a.applied_for == Some(AppliedFor::Renewal) {
                    assert_eq!(w.path.last(), Some(&Question::Basis), "{:?}", w.path);
                }
            }
            Some(Status::Temporary) if w.answers.topic == Some(Topic::Travel) => {
                // Another citizenship leaves the extension open whatever the stays;
                // the five-year date caps it.
                let mut wanted = vec![
                    Question::PermitExpiry,
                    Question::FirstCollectivePermit,
                    Question::OtherCitizenship,
                ];
                if a.other_citizenship != Some(true) {
                    wanted.push(Question::StaysAbroad);
                }
                for q in wanted {
                    assert!(w.path.contains(&q), "{} not asked: {:?}", q.name(), w.path);
                }
            }
            Some(Status::Temporary) if w.answers.topic == Some(Topic::Permanent) => {
                // no permanent permit on collective protection: nothing to plan but
                // the holder's own five-year date.
                assert_eq!(
                    w.path.last(),
                    Some(&Question::FirstCollectivePermit),
                    "{:?}",
                    w.path
                );
            }
            Some(Status::Temporary) => {
                holders += 1;
                for q in [
                    Question::PermitExpiry,
                    Question::FirstCollectivePermit,
                    Question::PermitStart,
                    Question::DateOfBirth,
                    Question::StaysAbroad,
                    Question::OtherCitizenship,
                ] {
                    assert!(w.path.contains(&q), "{} not asked: {:?}", q.name(), w.path);
                }
                if a.applied_for == Some(AppliedFor::Renewal) {
                    // (A family member of a UK national was asked earlier where they applied
                    // from: only the questions after the basis are about the application.)
                    let after = w.path.iter().skip_while(|q| **q != Question::Basis);
                    assert!(
                        !after.clone().any(|q| appointment.contains(q)),
                        "{:?}",
                        w.path
                    );
                }
            }
            other => panic!("collective protection offered with status {other:?}"),
        }
    }
    assert!(holders > 0);
}

/// On the Brexit route: a Brexit permit, a Brexit application or a permit on the Brexit basis.
fn on_brexit_route(a: &Answers) -> bool {
    a.status == Some(Status::BrexitTemporary)
        || a.applied_for == Some(AppliedFor::BrexitPermit)
        || a.basis == Some(Basis::Brexit)
}

/// an applicant on the Brexit route never sees the general permanent-permit
/// requirements (absence limit, residence time, language and social studies, income, time
/// without a permit: R-074 … R-079), neither as a finding, a checklist item, a date, nor in the
/// words of the result page (which the summary and the print lay out), in either language.
#[test]
fn brexit_route_paths_never_get_the_general_permanent_requirements() {
    use residence_checker::domain::refs::RuleId as R;
    use residence_checker::report::view::build;
    use residence_checker::text::{tr, Lang};
    let general = [R::R074, R::R075, R::R076, R::R077, R::R078, R::R079];
    let keys = [
        FindingKey::AbsencePermanentPlanning,
        FindingKey::PermanentRequirements,
        FindingKey::PermanentLanguage,
        FindingKey::PermanentIncome,
        FindingKey::PermanentPermitGap,
    ];
    let mut checked = 0;
    for w in walks().iter().filter(|w| on_brexit_route(&w.answers)) {
        let Ok(case) = Case::from_answers(&w.answers, today()) else {
            continue;
        };
        let d = evaluate(&case, today());
        let leaks: Vec<String> = d
            .findings
            .iter()
            .filter(|f| keys.contains(&f.key) || f.rules.iter().any(|r| general.contains(r)))
            .map(|f| f.key.as_str().to_string())
            .chain(
                d.checklist
                    .iter()
                    .filter(|i| i.rules.iter().any(|r| general.contains(r)))
                    .map(|i| i.key.as_str().to_string()),
            )
            .chain(
                d.dates
                    .iter()
                    .filter(|k| k.rules.iter().any(|r| general.contains(r)))
                    .map(|k| k.key.as_str().to_string()),
            )
            .collect();
        assert!(leaks.is_empty(), "{:?}: {leaks:?}", w.answers);
        if checked % 16 == 0 {
            for lang in Lang::ALL {
                let view = build(lang, today(), &w.answers, None);
                let words: String = view
                    .sections
                    .iter()
                    .flat_map(|s| s.findings.iter().map(|f| f.title.clone()))
                    .collect();
                for key in keys {
                    for verdict in ["yes", "no", "maybe"] {
                        let title_key = format!("finding.{}.{verdict}.title", key.as_str());
                        let title = tr(lang, &title_key);
                        assert!(!words.contains(title), "{lang:?} {:?}: {title}", w.answers);
                    }
                }
            }
        }
        checked += 1;
    }
    assert!(checked > 100, "only {checked} Brexit-route paths");
    println!("{checked} Brexit-route paths checked");
}

/// The questions of revision 2026.12 appear only where they can matter.
#[test]
fn the_new_permanent_questions_are_asked_only_of_permanent_applicants() {
    let mut family_asked = 0;
    for w in walks() {
        let a = implied(w);
        let permanent = a.applied_for == Some(AppliedFor::PermanentPermit);
        let asks = |q| w.path.contains(&q);
        if asks(Question::PermitGap) {
            assert!(permanent, "{:?}", w.path);
        }
        if asks(Question::FamilyFiveYearGroup) {
            assert!(permanent && a.basis == Some(Basis::Family));
            family_asked += 1;
        }
        // Only the topics that plan a permanent permit ask it ("get my card" asks about the
        // card).
        let plans = matches!(
            w.answers.topic,
            Some(Topic::Permanent | Topic::Everything) | None
        );
        if permanent && a.basis == Some(Basis::Family) && plans {
            assert!(asks(Question::FamilyFiveYearGroup), "{:?}", w.path);
        }
    }
    assert!(family_asked > 0);
}

/// The budgets of issue 12: over every topic journey (and the EU/EEA check, which has no
/// topic), the median path asks at most 10 questions and the longest at most 16. The full
/// check ("check everything") is reported by `cargo xtask flow`, not budgeted.
#[test]
fn topic_journeys_keep_within_the_question_budgets() {
    use residence_checker::flow::enumerate::Figures;
    let journeys = Figures::of(
        walks()
            .iter()
            .filter(|w| w.answers.topic != Some(Topic::Everything)),
    );
    assert!(journeys.paths > 300, "{journeys}");
    assert!(journeys.within_budget(), "over budget: {journeys}");
    let everything = Figures::of(
        walks()
            .iter()
            .filter(|w| w.answers.topic == Some(Topic::Everything)),
    );
    assert!(everything.paths > journeys.paths, "{everything}");
}

/// Issue 25: a file that holds a stale answer the path reads but does not ask lost answers on
/// loading. Here a sibling's file also gives a child's birth after 2020 (asked only of a
/// descendant), which the walk reads to skip the relationship's date: the first round of
/// pruning dropped both the stale birth and the relationship's answer, and the pruned path,
/// without the birth, asked the relationship again.
#[test]
fn restoring_keeps_an_answer_that_a_stale_one_hid() {
    use residence_checker::domain::answers::{BrexitRole, UkNationalBasis, UkRelationship};
    let mut file = Answers {
        citizenship: Some(Citizenship::Other),
        topic: Some(Topic::Everything),
        eu_family_member: Some(false),
        brexit_role: Some(BrexitRole::FamilyMember),
        uk_child_birth_or_adoption: NaiveDate::from_ymd_opt(2021, 1, 1),
        ..Answers::default()
    };
    file.uk_family.relationship = Some(UkRelationship::Sibling);
    file.uk_family.uk_national_basis = Some(UkNationalBasis::WorkerOrFunds);
    file.uk_family.relationship_before_2021 = Some(false);
    let (restored, _) = flow::prune(&file, &QuestionSet::new(), today());
    let path = flow::path(&restored, today());
    assert!(
        path.contains(&Question::UkRelationshipBefore2021),
        "{path:?}"
    );
    assert_eq!(restored.uk_family.relationship_before_2021, Some(false));
    assert_eq!(restored.uk_child_birth_or_adoption, None);
}

/// The estimate's table (`flow::estimate::LONGEST_TAIL`) is the longest tail after each
/// question on the paths walked. After a change to the flow: `UPDATE_SNAPSHOTS=1 cargo test
/// --test flow`, and read the difference.
#[test]
fn the_estimate_table_is_the_longest_tail_after_each_question_on_every_path() {
    let source = residence_checker::flow::enumerate::longest_tails_source(walks());
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/crates/core/src/flow/estimate/tails.rs"
    );
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(file, &source).expect("write the table");
        return;
    }
    let kept = std::fs::read_to_string(file).expect("the table");
    assert!(
        kept == source,
        "the estimate's table is out of date: UPDATE_SNAPSHOTS=1 cargo test --test flow"
    );
}

/// Issue 24: "Question 1 of about 3", then "2 of about 13". On every path, from the first
/// question to the last: once the journey is known there is an estimate; it never grows by
/// more than the questions the answer added to the known path; it is never below the
/// question's number.
#[test]
fn the_estimate_never_grows_by_more_than_an_answer_adds_on_every_path() {
    struct Step {
        asked: (Question, Option<AnswerValue>),
        estimate: Option<usize>,
    }
    let day = today();
    let mut before: Vec<Step> = Vec::new();
    let (mut states, mut computed) = (0usize, 0usize);
    // How far the first estimate is over the path's length, on topic journeys and on the full
    // check: (sum, count).
    let mut first_over = [(0usize, 0usize); 2];
    for w in walks() {
        let mut a = Answers::default();
        let mut skipped = QuestionSet::new();
        let mut steps: Vec<Step> = Vec::new();
        let mut known: Vec<Question> = Vec::new();
        let mut last: Option<usize> = None;
        loop {
            let p = flow::progress(&a, &skipped, day);
            let Some(q) = p.next else {
                assert_eq!(p.path, w.path);
                break;
            };
            let value = flow::get(&w.answers, q).filter(|_| !w.skipped.contains(q));
            let i = steps.len();
            let shared = before.len() > i
                && steps.iter().zip(&before).all(|(s, b)| s.asked == b.asked)
                && before[i].asked == (q, value.clone());
            let estimate = if shared {
                before[i].estimate
            } else {
                computed += 1;
                flow::estimated_length(&a, &skipped, day)
            };
            states += 1;
            let n = p.path.iter().position(|x| *x == q).map_or(0, |i| i + 1);
            let added = p.path.iter().filter(|x| !known.contains(x)).count();
            match (last, estimate) {
                (Some(_), None) => panic!("the estimate went away at {}: {:?}", q.name(), p.path),
                (Some(was), Some(now)) => assert!(
                    now <= was + added,
                    "at {} the estimate grew from {was} to {now}, the answer added {added}: {:?}",
                    q.name(),
                    p.path
                ),
                (None, Some(now)) => {
                    let over =
                        &mut first_over[usize::from(w.answers.topic == Some(Topic::Everything))];
                    over.0 += now.saturating_sub(w.path.len());
                    over.1 += 1;
                }
                (None, None) => {}
            }
            if let Some(now) = estimate {
                assert!(now >= n, "question {n} of about {now}: {:?}", p.path);
            }
            last = estimate;
            known = p.path.clone();
            steps.push(Step {
                asked: (q, value.clone()),
                estimate,
            });
            match value {
                Some(v) => assert!(flow::set(&mut a, q, v), "{}", q.name()),
                None => {
                    skipped.insert(q);
                }
            }
        }
        assert!(last.is_some(), "no estimate on {:?}", w.path);
        before = steps;
    }
    let mean = |(sum, count): (usize, usize)| sum as f64 / count.max(1) as f64;
    println!(
        "{states} question pages on {} paths ({computed} estimated); the first estimate is on \
         average {:.1} questions over the path's length on a topic, {:.1} on the full check",
        walks().len(),
        mean(first_over[0]),
        mean(first_over[1]),
    );
}
