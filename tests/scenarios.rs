//! Runs every scenario under `tests/scenarios/*.toml` through validation and the engine, and
//! checks that every rule of the rule book is exercised by some scenario or listed in the
//! README under "Rules not covered" with a reason.
//!
//! A scenario file holds the answers, the day, and what is expected: findings (key, verdict,
//! rule ids that must be among the finding's rules, parameters, missing questions), findings that
//! must be absent, key dates, checklist items, or validation errors. See
//! `tests/scenarios/README.md`.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use chrono::NaiveDate;
use residence_checker::domain::answers::Answers;
use residence_checker::domain::case::Case;
use residence_checker::domain::refs::RuleId;
use residence_checker::engine::decision::{Decision, Value, Verdict};
use residence_checker::engine::evaluate;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Scenario {
    title: String,
    #[serde(default)]
    rulebook: Option<String>,
    today: NaiveDate,
    answers: Answers,
    #[serde(default)]
    expect: Vec<ExpectFinding>,
    #[serde(default)]
    absent: Vec<String>,
    #[serde(default)]
    dates: Vec<ExpectDate>,
    #[serde(default)]
    checklist: Vec<ExpectItem>,
    #[serde(default)]
    not_in_checklist: Vec<String>,
    /// Date keys that must not be among the dates to remember.
    #[serde(default)]
    not_in_dates: Vec<String>,
    /// "Your plan": its first steps, by name (an item's key, or an event's date key), in
    /// order; the first is the next step.
    #[serde(default)]
    plan: Option<Vec<String>>,
    #[serde(default)]
    errors: Vec<ExpectError>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectFinding {
    finding: String,
    verdict: String,
    #[serde(default)]
    rules: Vec<String>,
    #[serde(default)]
    params: toml::Table,
    #[serde(default)]
    missing: Option<Vec<String>>,
    #[serde(default)]
    conflicts: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectDate {
    key: String,
    date: NaiveDate,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectItem {
    item: String,
    #[serde(default)]
    due: Option<NaiveDate>,
    #[serde(default)]
    cost: Option<u32>,
    /// `todo`, `overdue` or `done`.
    #[serde(default)]
    state: Option<String>,
    /// The item has no date: it is to be done now.
    #[serde(default)]
    undated: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectError {
    question: String,
    error: String,
}

fn value_str(v: &Value) -> String {
    match v {
        Value::Date(d) => d.to_string(),
        Value::Nok(n) => n.to_string(),
        Value::Days(n) | Value::Number(n) | Value::Count(_, n) => n.to_string(),
        Value::Key(k) => (*k).to_string(),
        Value::Keys(ks) => ks.join(","),
        Value::Text(t) => t.clone(),
    }
}

fn toml_str(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => s.clone(),
        toml::Value::Integer(i) => i.to_string(),
        toml::Value::Array(a) => a.iter().map(toml_str).collect::<Vec<_>>().join(","),
        other => other.to_string(),
    }
}

/// Checks one scenario; returns the problems found and adds the rules it exercises.
fn check(s: &Scenario, exercised: &mut BTreeSet<String>) -> Vec<String> {
    let mut problems = Vec::new();
    let case = match Case::from_answers(&s.answers, s.today) {
        Ok(case) => case,
        Err(errors) => {
            let got: Vec<(String, String)> = errors
                .iter()
                .map(|e| {
                    let json = serde_json::to_value(e).unwrap_or_default();
                    let kind = json["error"].as_str().unwrap_or("?").to_string();
                    (e.question().name().to_string(), kind)
                })
                .collect();
            if s.errors.is_empty() {
                problems.push(format!("answers were refused: {got:?}"));
            }
            for want in &s.errors {
                if !got.contains(&(want.question.clone(), want.error.clone())) {
                    problems.push(format!(
                        "expected error {} on {}, got {got:?}",
                        want.error, want.question
                    ));
                }
            }
            return problems;
        }
    };
    if !s.errors.is_empty() {
        problems.push("expected validation errors, but the answers were accepted".into());
        return problems;
    }
    let d: Decision = evaluate(&case, s.today);
    for e in &s.expect {
        let Some(f) = d.findings.iter().find(|f| f.key.as_str() == e.finding) else {
            let have: Vec<&str> = d.findings.iter().map(|f| f.key.as_str()).collect();
            problems.push(format!(
                "no finding `{}` (have: {})",
                e.finding,
                have.join(", ")
            ));
            continue;
        };
        if f.verdict.as_str() != e.verdict {
            problems.push(format!(
                "`{}`: verdict {:?}, expected {}",
                e.finding, f.verdict, e.verdict
            ));
        }
        if let (Some(want), Verdict::Maybe { missing }) = (&e.missing, &f.verdict) {
            let got: Vec<&str> = missing.iter().map(|q| q.name()).collect();
            if got != want.iter().map(String::as_str).collect::<Vec<_>>() {
                problems.push(format!(
                    "`{}`: missing {got:?}, expected {want:?}",
                    e.finding
                ));
            }
        }
        for r in &e.rules {
            if f.rules.iter().any(|x| x.as_str() == r) {
                exercised.insert(r.clone());
            } else {
                problems.push(format!("`{}`: rule {r} not among {:?}", e.finding, f.rules));
            }
        }
        for c in &e.conflicts {
            if !f.conflicts.iter().any(|x| format!("{x:?}") == *c) {
                problems.push(format!("`{}`: conflict {c} not flagged", e.finding));
            }
        }
        for (name, want) in &e.params {
            let got = f.params.get(name.as_str()).map(value_str);
            if got.as_deref() != Some(toml_str(want).as_str()) {
                problems.push(format!(
                    "`{}`: param {name} = {got:?}, expected {}",
                    e.finding,
                    toml_str(want)
                ));
            }
        }
    }
    for key in &s.absent {
        if d.findings.iter().any(|f| f.key.as_str() == key) {
            problems.push(format!("finding `{key}` should be absent"));
        }
    }
    for want in &s.dates {
        let got = d
            .dates
            .iter()
            .find(|k| k.key.as_str() == want.key)
            .map(|k| k.date);
        if got != Some(want.date) {
            problems.push(format!(
                "date {}: {got:?}, expected {}",
                want.key, want.date
            ));
        }
    }
    for want in &s.checklist {
        match d.checklist.iter().find(|i| i.key.as_str() == want.item) {
            None => problems.push(format!("checklist has no `{}`", want.item)),
            Some(item) => {
                if want.due.is_some() && item.due != want.due {
                    problems.push(format!(
                        "`{}` due {:?}, expected {:?}",
                        want.item, item.due, want.due
                    ));
                }
                if want.cost.is_some() && item.cost != want.cost {
                    problems.push(format!(
                        "`{}` cost {:?}, expected {:?}",
                        want.item, item.cost, want.cost
                    ));
                }
                if want.undated && item.due.is_some() {
                    problems.push(format!(
                        "`{}` is due {:?}, expected now",
                        want.item, item.due
                    ));
                }
                let state = serde_json::to_value(item.state).unwrap_or_default();
                if let Some(want_state) = &want.state {
                    if state.as_str() != Some(want_state.as_str()) {
                        problems.push(format!(
                            "`{}` state {state}, expected {want_state}",
                            want.item
                        ));
                    }
                }
            }
        }
    }
    if let Some(want) = &s.plan {
        let got: Vec<&str> = d.plan.steps.iter().map(|s| s.name()).collect();
        if got.get(..want.len()).is_none_or(|g| g != want.as_slice()) {
            problems.push(format!("plan {got:?}, expected it to start {want:?}"));
        }
    }
    for key in &s.not_in_dates {
        if d.dates.iter().any(|k| k.key.as_str() == key) {
            problems.push(format!("dates should not have `{key}`"));
        }
    }
    for key in &s.not_in_checklist {
        if d.checklist.iter().any(|i| i.key.as_str() == key) {
            problems.push(format!("checklist should not have `{key}`"));
        }
    }
    problems
}

fn scenario_files() -> Vec<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .expect("tests/scenarios exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    files
}

/// Rules the README lists as not covered: lines `- R-xxx: reason` under `## Rules not covered`.
fn readme_not_covered() -> BTreeSet<String> {
    let readme = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .unwrap_or_default();
    let mut in_section = false;
    let mut ids = BTreeSet::new();
    for line in readme.lines() {
        if line.starts_with("## ") {
            in_section = line.trim() == "## Rules not covered";
            continue;
        }
        if in_section {
            if let Some(rest) = line.trim().strip_prefix("- ") {
                let id: String = rest.chars().take(5).collect();
                if id.starts_with("R-") && rest.len() > 8 {
                    ids.insert(id);
                }
            }
        }
    }
    ids
}

#[test]
fn every_scenario_gives_the_expected_outcome_and_every_rule_is_exercised() {
    let files = scenario_files();
    let mut exercised = BTreeSet::new();
    let mut failures = Vec::new();
    let mut rulebook_refs = BTreeSet::new();
    for path in &files {
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        let text = fs::read_to_string(path).expect("readable scenario");
        let scenario: Scenario = match toml::from_str(&text) {
            Ok(s) => s,
            Err(e) => {
                failures.push(format!("{name}: not a valid scenario: {e}"));
                continue;
            }
        };
        if let Some(r) = &scenario.rulebook {
            rulebook_refs.insert(r.clone());
        }
        for p in check(&scenario, &mut exercised) {
            failures.push(format!("{name} ({}): {p}", scenario.title));
        }
    }
    assert!(
        failures.is_empty(),
        "{} problem(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(
        files.len() >= 40,
        "expected the rule book's scenarios, found {}",
        files.len()
    );

    // Every rule-book scenario of section L has a fixture.
    for n in [
        1, 3, 4, 5, 7, 8, 9, 10, 11, 13, 14, 15, 17, 18, 19, 21, 23, 24, 25, 26, 28, 30, 31, 32,
        34, 37, 38, 39, 42, 43, 45, 46, 48, 49, 50, 52, 54, 57, 59, 60, 62, 63, 64, 65, 66, 67, 68,
        69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80,
    ] {
        assert!(
            rulebook_refs.contains(&format!("L{n}")),
            "rule-book scenario L{n} has no fixture"
        );
    }

    let not_covered = readme_not_covered();
    let missing: Vec<&str> = RuleId::ALL
        .iter()
        .map(|r| r.as_str())
        .filter(|r| !exercised.contains(*r) && !not_covered.contains(*r))
        .collect();
    assert!(
        missing.is_empty(),
        "rules neither exercised by a scenario nor listed under README 'Rules not covered': {missing:?}"
    );
    let both: Vec<&String> = not_covered.intersection(&exercised).collect();
    assert!(
        both.is_empty(),
        "README lists as not covered, but scenarios exercise: {both:?}"
    );
}

#[test]
fn the_rule_registry_matches_the_rule_book() {
    let book = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rulebook.md"))
        .expect("docs/rulebook.md");
    let mut ids: Vec<String> = Vec::new();
    for line in book.lines() {
        if let Some(rest) = line.strip_prefix("**R-") {
            ids.push(format!("R-{}", &rest[..3]));
        }
    }
    let registry: Vec<String> = RuleId::ALL.iter().map(|r| r.as_str().to_string()).collect();
    assert_eq!(ids, registry);
}

#[test]
fn the_vendored_rule_book_is_the_shared_one() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = root.join("../shared/rulebook.md");
    if let Ok(shared) = fs::read_to_string(shared) {
        let vendored = fs::read_to_string(root.join("docs/rulebook.md")).expect("docs/rulebook.md");
        assert!(
            shared == vendored,
            "docs/rulebook.md differs from ../shared/rulebook.md: copy it and review the rules"
        );
    }
}
