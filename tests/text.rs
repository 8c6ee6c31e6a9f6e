//! The words of the result page: every key the renderer can ask for exists in every language,
//! and rendering real decisions (every scenario and every path of the flow) leaves no
//! placeholder unfilled and no catalogue key showing.

use std::fs;
use std::path::Path;

use chrono::NaiveDate;
use residence_checker::domain::answers::Answers;
use residence_checker::domain::case::{AnswerError, Case};
use residence_checker::domain::questions::Question;
use residence_checker::domain::refs::{Conflict, RuleId};
use residence_checker::engine::decision::{
    ChecklistItem, DateKey, Decision, Finding, FindingKey, ItemKey, ItemKind, ItemState, Priority,
    Value, Verdict,
};
use residence_checker::engine::evaluate;
use residence_checker::flow::enumerate::walk_all;
use residence_checker::text::render::{self, error_keys, question_keys};
use residence_checker::text::Lang;
use serde::Deserialize;

const CONFLICTS: [Conflict; 21] = [
    Conflict::K1,
    Conflict::K2,
    Conflict::K3,
    Conflict::K4,
    Conflict::K5,
    Conflict::K6,
    Conflict::K7,
    Conflict::K8,
    Conflict::K9,
    Conflict::K10,
    Conflict::K11,
    Conflict::K12,
    Conflict::K13,
    Conflict::K14,
    Conflict::K15,
    Conflict::K16,
    Conflict::K17,
    Conflict::K18,
    Conflict::K19,
    Conflict::K20,
    Conflict::K21,
];

fn has(lang: Lang, key: &str) -> bool {
    residence_checker::text::lookup(lang, key).is_some()
}

fn missing_keys(keys: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut out = Vec::new();
    for key in keys {
        for lang in Lang::ALL {
            if !has(lang, &key) {
                out.push(format!("{}: {key}", lang.code()));
            }
        }
    }
    out
}

#[test]
fn every_question_has_its_words() {
    let keys = Question::ALL.iter().flat_map(|q| question_keys(*q));
    let mut keys: Vec<String> = keys.collect();
    keys.extend(
        [
            "pregnancy_childbirth",
            "serious_illness",
            "studies_research_training",
            "secondment",
            "military_civilian_service",
            "work_abroad",
            "other",
        ]
        .iter()
        .map(|r| format!("q.stays_abroad.reason.{r}")),
    );
    keys.extend(
        [
            "employee",
            "self_employed",
            "student",
            "sufficient_funds",
            "family_member",
        ]
        .iter()
        .map(|b| format!("q.uk_basis_history.basis.{b}")),
    );
    let missing = missing_keys(keys);
    assert!(missing.is_empty(), "missing question words: {missing:#?}");
}

#[test]
fn every_finding_verdict_item_date_error_conflict_and_rule_has_words() {
    let mut keys = Vec::new();
    for key in FindingKey::ALL {
        for verdict in ["yes", "no", "maybe"] {
            for part in ["title", "body"] {
                keys.push(format!("finding.{}.{verdict}.{part}", key.as_str()));
            }
        }
    }
    keys.extend(ItemKey::ALL.iter().map(|k| format!("item.{}", k.as_str())));
    keys.extend(DateKey::ALL.iter().map(|k| format!("date.{}", k.as_str())));
    keys.extend(error_keys());
    keys.extend(
        CONFLICTS
            .iter()
            .map(|c| format!("conflict.{}", format!("{c:?}").to_ascii_lowercase())),
    );
    keys.extend(
        RuleId::ALL
            .iter()
            .map(|r| format!("rule.{}", r.as_str().to_ascii_lowercase())),
    );
    for ui in [
        "ui.continue",
        "ui.checklist.cost_either",
        "ui.checklist.overdue",
        "ui.checklist.done",
        "ui.checklist.overdue_line",
        "ui.checklist.done_line",
        "ui.rules_outdated",
        "ui.back",
        "ui.skip",
        "ui.change",
        "ui.check.title",
        "ui.result.title",
        "ui.error.summary",
        "ui.error.required",
        "ui.error.date.invalid",
        "ui.error.date.day",
        "ui.error.date.month",
        "ui.error.date.year",
        "ui.date.day",
        "ui.date.month",
        "ui.date.year",
        "ui.date.example",
        "ui.stays.add",
        "ui.stays.remove",
        "ui.stays.from",
        "ui.stays.to",
        "ui.stays.reason",
        "ui.stays.none",
        "ui.progress",
        "ui.verdict.yes",
        "ui.verdict.no",
        "ui.verdict.maybe",
        "ui.priority.action",
        "ui.priority.warning",
        "ui.priority.info",
        "ui.why",
        "ui.rules",
        "ui.sources",
        "ui.missing",
        "ui.conflict",
        "ui.rules_version",
        "ui.not_advice",
        "ui.start_over",
        "ui.checklist.title",
        "ui.checklist.do",
        "ui.checklist.bring",
        "ui.checklist.due",
        "ui.checklist.cost",
        "ui.dates.title",
    ] {
        keys.push(ui.to_string());
    }
    let missing = missing_keys(keys);
    assert!(missing.is_empty(), "missing words: {missing:#?}");
}

/// The words of every parameter value the engine sets, where a sentence is expected. A value
/// left out here (e.g. `threshold = within`) is covered by the verdict's body.
#[test]
fn parameter_values_that_change_the_sentence_have_words() {
    let expected: &[(&str, &str, &[&str])] = &[
        (
            "appointment",
            "route",
            &["post", "police_summons", "wait_for_notice"],
        ),
        (
            "appointment",
            "reason",
            &[
                "permanent_right",
                "before_2021_04_16",
                "applied_abroad",
                "travel_document",
                "power_of_attorney",
                "employer_applied",
                "no_biometrics",
                "renewal",
                "derived_refugee",
                "biometrics_taken",
            ],
        ),
        ("appointment", "document", &["expired", "valid"]),
        ("appointment", "letter", &["overrides"]),
        (
            "how_to_book",
            "how",
            &[
                "portal",
                "phone",
                "portal_or_phone",
                "police_system",
                "phone_or_email",
                "police_system_or_phone",
            ],
        ),
        ("card_arrival", "route", &["post", "appointment"]),
        (
            "permanent_right_document",
            "document",
            &["certificate", "card_ten_years"],
        ),
        (
            "eu_permanent_right",
            "continuity",
            &["kept", "borderline", "exactly_twelve_months", "broken"],
        ),
        (
            "new_card",
            "reason",
            &[
                "eu_eea_national",
                "renew_permit_instead",
                "permit_expired",
                "collective_extension",
            ],
        ),
        (
            "new_card",
            "reasons",
            &[
                "permanent_permit_expiring",
                "permanent_right_expiring",
                "lost_stolen_damaged",
                "wrong_information",
                "received_defective",
                "passport_sticker",
            ],
        ),
        (
            "order_requirements",
            "unmet",
            &["in_norway", "valid_permit"],
        ),
        (
            "fee",
            "reasons",
            &[
                "expired",
                "lost_stolen_damaged",
                "passport_sticker",
                "old_card_not_handed_in",
                "information_change",
                "permanent_valid_card",
                "received_defective",
            ],
        ),
        ("order_process", "new_passport", &["yes", "unknown"]),
        ("order_process", "old_card", &["bring"]),
        ("renewal_lead_time", "recommended_passed", &["yes"]),
        ("trip_before_card", "unknown", &["decision_date", "arrival"]),
        ("lost_abroad", "lost", &["yes", "no"]),
        ("permanent_without_valid_card", "abroad", &["yes"]),
        ("renewal_deadline", "passed", &["yes"]),
        (
            "rights_while_waiting",
            "basis",
            &["on_time", "registered_37_days", "case_by_case", "late"],
        ),
        ("rights_while_waiting", "channel", &["digital"]),
        (
            "rights_while_waiting",
            "police_biometrics",
            &["still_needed"],
        ),
        (
            "absence_temporary_permit",
            "limit",
            &["half_of_permit", "rolling_365"],
        ),
        (
            "permanent_requirements",
            "group",
            &["three_years", "five_years", "humanitarian"],
        ),
        (
            "permanent_language",
            "rule",
            &["a2_social_studies", "training_a1"],
        ),
        ("permanent_language", "both_rules", &["yes"]),
        ("permanent_language", "registration", &["today"]),
        (
            "permanent_language",
            "hours_period",
            &[
                "from_2013_09_01",
                "from_2012_01_01",
                "from_2005_09_01",
                "before_2005_09_01",
            ],
        ),
        (
            "absence_permanent_planning",
            "seed_threshold",
            &["exceeded", "borderline"],
        ),
        ("permanent_permit_gap", "gap", &["up_to_three_months"]),
        (
            "permanent_permit_loss",
            "reason",
            &[
                "continuous",
                "two_in_four",
                "exactly_two_years",
                "two_in_four_borderline",
            ],
        ),
        (
            "keep_permanent_abroad",
            "after_grant",
            &["order_card", "entry_visa"],
        ),
        ("keep_permanent_abroad", "reason", &["does_not_qualify"]),
        (
            "brexit_covered",
            "reason",
            &["not_concerned", "moved_after_2020"],
        ),
        ("brexit_late", "special_reasons", &["yes", "no", "unknown"]),
        ("brexit_permanent", "basis", &["covered", "gaps"]),
        (
            "brexit_permanent",
            "exempt_stay",
            &["exactly_twelve_months", "over_twelve_months"],
        ),
        ("brexit_family", "minor", &["yes"]),
        ("collective_no_extension", "other_citizenship", &["yes"]),
        ("collective_no_extension", "threshold", &["borderline"]),
        ("brexit_family", "age", &["exactly_21"]),
        (
            "brexit_family",
            "unmet",
            &[
                "relationship_before_2021",
                "living_in_norway_by_2021",
                "over_18",
                "two_years_cohabitation",
                "student_family_list",
                "supported",
                "wedding_within_six_months",
                "health_insurance",
                "under_18",
                "foster_confirmation",
                "sibling_approved",
                "only_carer",
            ],
        ),
        ("brexit_frontier_worker", "family", &["yes"]),
        ("brexit_travel_pending", "family", &["uk", "non_uk"]),
        ("eu_family_card", "expired", &["yes"]),
        ("eu_registration", "state", &["registered"]),
        ("eu_permanent_right", "start", &["unknown"]),
        ("card_arrival", "unknown", &["police_call"]),
        ("card_needed", "when", &["once_granted"]),
    ];
    let keys = expected.iter().flat_map(|(finding, param, values)| {
        values
            .iter()
            .map(move |v| format!("finding.{finding}.{param}.{v}"))
    });
    let missing = missing_keys(keys);
    assert!(missing.is_empty(), "missing parameter words: {missing:#?}");
}

fn check_text(what: &str, text: &str, problems: &mut Vec<String>) {
    let raw_key = text.split_whitespace().any(|word| {
        [
            "finding.",
            "item.",
            "q.",
            "date.",
            "ui.",
            "error.",
            "rule.",
            "conflict.",
        ]
        .iter()
        .any(|prefix| {
            word.find(prefix).is_some_and(|at| {
                word[at + prefix.len()..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            })
        })
    });
    let bad = text.contains('{') || text.contains('}') || raw_key || text.trim().is_empty();
    if bad && problems.len() < 50 {
        problems.push(format!("{what}: {text:?}"));
    }
}

fn render_decision(
    label: &str,
    answers: Option<&Answers>,
    d: &Decision,
    problems: &mut Vec<String>,
) {
    for lang in Lang::ALL {
        let tag = format!("{label} [{}]", lang.code());
        for f in &d.findings {
            let what = format!("{tag} {}.{}", f.key.as_str(), f.verdict.as_str());
            check_text(&what, &render::finding_title(lang, f), problems);
            for p in render::finding_body(lang, f) {
                check_text(&what, &p, problems);
            }
            if let Some(m) = render::missing_text(lang, f) {
                check_text(&what, &m, problems);
            }
            for c in &f.conflicts {
                check_text(&what, &render::conflict_text(lang, *c), problems);
            }
            for r in &f.rules {
                check_text(&what, &render::rule_title(lang, *r), problems);
            }
        }
        for item in &d.checklist {
            check_text(&tag, &render::item_text(lang, item), problems);
        }
        for date in &d.dates {
            check_text(&tag, &render::date_label(lang, date.key), problems);
        }
        for q in answers.map_or(&[][..], |_| Question::ALL) {
            if let Some(s) = answers.and_then(|a| render::answer_summary(lang, a, *q)) {
                check_text(&format!("{tag} answer {}", q.name()), &s, problems);
            }
        }
    }
}

#[derive(Deserialize)]
struct Scenario {
    today: NaiveDate,
    answers: Answers,
}

#[test]
fn every_scenario_renders_without_gaps() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let mut problems = Vec::new();
    let mut count = 0;
    let mut entries: Vec<_> = fs::read_dir(&dir)
        .expect("scenario directory")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    entries.sort();
    for path in entries {
        let text = fs::read_to_string(&path).expect("readable scenario");
        // Scenario files carry more fields (expectations); only the answers and day are read.
        let scenario: Scenario = match toml::from_str(&text) {
            Ok(s) => s,
            Err(e) => panic!("{}: {e}", path.display()),
        };
        let label = path.file_name().map(|n| n.to_string_lossy().to_string());
        let label = label.unwrap_or_default();
        match Case::from_answers(&scenario.answers, scenario.today) {
            Ok(case) => {
                let d = evaluate(&case, scenario.today);
                render_decision(&label, Some(&scenario.answers), &d, &mut problems);
                count += 1;
            }
            Err(errors) => {
                for lang in Lang::ALL {
                    for e in &errors {
                        check_text(&label, &render::error_text(lang, e), &mut problems);
                    }
                }
            }
        }
    }
    assert!(count > 10, "only {count} scenarios evaluated");
    assert!(problems.is_empty(), "rendering problems: {problems:#?}");
}

/// What decides the words of a finding: its key, verdict, and parameter names and key values.
fn shape(f: &Finding) -> String {
    let params: Vec<String> = f
        .params
        .iter()
        .map(|(name, v)| match v {
            Value::Key(k) => format!("{name}={k}"),
            Value::Keys(ks) => format!("{name}={}", ks.join("+")),
            _ => (*name).to_string(),
        })
        .collect();
    format!(
        "{}.{} {} {:?}",
        f.key.as_str(),
        f.verdict.as_str(),
        params.join(","),
        f.conflicts
    )
}

#[test]
fn every_flow_path_renders_without_gaps() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).expect("date");
    let walks = walk_all(&Answers::default(), today).expect("the flow walks");
    let mut problems = Vec::new();
    // Words depend only on the finding, its verdict and which parameters (and key values) it
    // has, so each such shape is rendered once.
    let mut seen = std::collections::BTreeSet::new();
    for (i, w) in walks.iter().enumerate() {
        if let Ok(case) = Case::from_answers(&w.answers, today) {
            let mut d = evaluate(&case, today);
            d.findings.retain(|f| seen.insert(shape(f)));
            d.checklist.retain(|it| {
                seen.insert(format!(
                    "{:?}{}{}",
                    it.key,
                    it.due.is_some(),
                    it.cost.is_some()
                ))
            });
            // Answer summaries go through the answers format and are slower: sample them.
            let answers = (i % 64 == 0).then_some(&w.answers);
            render_decision(&format!("path {i}"), answers, &d, &mut problems);
        }
        if problems.len() >= 50 {
            break;
        }
    }
    assert!(problems.is_empty(), "rendering problems: {problems:#?}");
}

#[test]
fn every_error_renders_in_both_languages() {
    let d = NaiveDate::from_ymd_opt(2300, 1, 2).expect("date");
    let errors = [
        AnswerError::DateOutOfRange {
            question: Question::ApplicationDate,
            date: d,
        },
        AnswerError::DateInFuture {
            question: Question::DateOfBirth,
            date: d,
        },
        AnswerError::DateTooEarly {
            question: Question::FirstCollectivePermit,
            date: d,
            earliest: d,
        },
        AnswerError::EndBeforeStart {
            question: Question::PermitExpiry,
            index: None,
        },
        AnswerError::EndBeforeStart {
            question: Question::StaysAbroad,
            index: Some(2),
        },
        AnswerError::OverlappingStays {
            first: 0,
            second: 1,
        },
        AnswerError::TooManyEntries {
            question: Question::StaysAbroad,
            count: 5001,
        },
        AnswerError::DufLength { length: 11 },
        AnswerError::DufNotDigits,
        AnswerError::DufImplausibleYear { year: 2999 },
    ];
    let mut problems = Vec::new();
    for lang in Lang::ALL {
        for e in &errors {
            check_text(
                &format!("{e:?}"),
                &render::error_text(lang, e),
                &mut problems,
            );
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
    let en = render::error_text(
        Lang::En,
        &AnswerError::EndBeforeStart {
            question: Question::StaysAbroad,
            index: Some(2),
        },
    );
    assert!(en.contains('3'), "indexes are shown 1-based: {en}");
}

#[test]
fn hand_built_findings_render_in_both_languages() {
    // Every finding and verdict with no parameters: titles and bodies that need no value.
    let mut problems = Vec::new();
    for key in FindingKey::ALL {
        for verdict in [Verdict::Yes, Verdict::No, Verdict::maybe(&[])] {
            let f = Finding::new(*key, verdict, Priority::Info);
            for lang in Lang::ALL {
                let title = render::finding_title(lang, &f);
                // A title may name a value; bodies are checked with real values above.
                if !title.contains('{') {
                    check_text(key.as_str(), &title, &mut problems);
                }
            }
        }
    }
    let item = ChecklistItem {
        key: ItemKey::SubmitRenewal,
        kind: ItemKind::Do,
        due: NaiveDate::from_ymd_opt(2026, 12, 24),
        cost: Some(1500),
        cost_alt: None,
        state: ItemState::Todo,
        rules: vec![],
    };
    assert_eq!(
        render::item_text(Lang::En, &item),
        "Apply to renew your permit (by 24 December 2026, NOK 1,500)"
    );
    assert!(render::item_text(Lang::Nb, &item).contains("24. desember 2026"));
    assert!(render::item_text(Lang::Nn, &item).contains("24. desember 2026"));
    let stays = Answers {
        stays_abroad: Some(vec![]),
        ..Answers::default()
    };
    assert!(render::answer_summary(Lang::En, &stays, Question::StaysAbroad).is_some());
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn nynorsk_writes_its_own_words_dates_counts_and_amounts() {
    use residence_checker::text::render::{format_count, format_date, format_nok};
    use residence_checker::text::tr;
    let months = [
        "januar",
        "februar",
        "mars",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "desember",
    ];
    for (m, name) in (1..=12).zip(months) {
        let date = NaiveDate::from_ymd_opt(2027, m, 3).unwrap_or_default();
        assert_eq!(format_date(Lang::Nn, date), format!("3. {name} 2027"));
    }
    // Plural as bokmål (one/other), with nynorsk words; thousands with a no-break space.
    assert_eq!(format_count(Lang::Nn, "days", 1), "1 dag");
    assert_eq!(
        format_count(Lang::Nn, "working_days", 20),
        "20 arbeidsdagar"
    );
    assert_eq!(format_count(Lang::Nn, "months", 2), "2 månader");
    assert_eq!(format_nok(Lang::Nn, 1500), "1\u{a0}500 kroner");
    // Nynorsk, not a copy of bokmål: the start page and the questions have their own words.
    for (key, nynorsk) in [
        (
            "start.title",
            "Finn ut kva som gjeld for opphaldskortet ditt",
        ),
        ("app.name", "Opphaldskortsjekken"),
        ("ui.skip", "Eg veit ikkje"),
        ("plan.title", "Planen din"),
    ] {
        assert_eq!(tr(Lang::Nn, key), nynorsk, "{key}");
    }
}

/// The words between quotation marks in a text ("…", “…”, «…», „…“).
fn quoted(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (open, close) in [('"', '"'), ('“', '”'), ('«', '»'), ('„', '“')] {
        let mut rest = text;
        while let Some(i) = rest.find(open) {
            let after = &rest[i + open.len_utf8()..];
            let Some(j) = after.find(close) else { break };
            out.push(after[..j].to_string());
            rest = &after[j + close.len_utf8()..];
        }
    }
    out
}

#[test]
fn a_hint_names_only_options_its_question_offers_on_every_path() {
    use residence_checker::domain::questions::Kind;
    use residence_checker::flow::{self, choice_options};
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).expect("date");
    let walks = walk_all(&Answers::default(), today).expect("the flow walks");
    let mut seen = std::collections::BTreeSet::new();
    let mut problems = std::collections::BTreeSet::new();
    let mut checked = 0;
    for w in walks {
        // The answers as they stood when each question was asked.
        let mut before = Answers::default();
        for &q in &w.path {
            let offered: &[&str] = match q.kind() {
                Kind::Choice | Kind::MultiChoice => choice_options(q, &before),
                _ => &[],
            };
            if seen.insert((q, offered.to_vec())) {
                for lang in Lang::ALL {
                    let hint = render::question_hint(lang, q, offered);
                    let mut labels: Vec<String> = offered
                        .iter()
                        .map(|o| render::option_label(lang, q, o))
                        .collect();
                    if q.kind() == Kind::YesNo {
                        labels.extend(["yes", "no"].map(|o| render::option_label(lang, q, o)));
                    }
                    if q.is_skippable() {
                        labels.push(render::skip_label(lang, q));
                    }
                    for quote in quoted(&hint) {
                        checked += 1;
                        if !labels.contains(&quote) {
                            problems.insert(format!(
                                "{} ({}): the hint names \"{quote}\", but the options are {labels:?}",
                                q.name(),
                                lang.code()
                            ));
                        }
                    }
                }
            }
            if let Some(v) = flow::get(&w.answers, q) {
                flow::set(&mut before, q, v);
            }
        }
    }
    assert!(checked > 0, "no hint quotes an option");
    assert!(problems.is_empty(), "{problems:#?}");
}
