//! Words for everything the engine and the flow produce: questions, answers, findings,
//! checklist items, dates, errors, conflicts and rules, in the reader's language.
//!
//! Pure and never panicking: every word comes from the catalogue (see [`super::catalogue`]),
//! and a missing entry shows its key instead of failing. The keys it reads:
//!
//! - `q.<name>.title`, `.hint`, `.summary`, `.opt.<option>` for every question;
//! - `finding.<key>.<verdict>.title` and `.body`, where the body may only use placeholders the
//!   engine always sets for that finding and verdict;
//! - `finding.<key>.<param>.<value>`: a sentence appended to the body when a key (or list of
//!   keys) parameter has that value, and `finding.<key>.<param>`: a sentence appended when a
//!   parameter that is only sometimes set is present. Both are optional;
//! - `item.<key>` (and optionally `item.<key>.due` for the wording of its date), `date.<key>`, `error.<variant>`, `conflict.k<n>`, `rule.r-<nnn>`, `ui.*`.

use chrono::{Datelike, NaiveDate};

use super::catalogue::fill;
use super::plural::Plural;
use super::{tr, tr_with, Lang};
use crate::domain::answers::{AbsenceReason, Answers, EeaBasis};
use crate::domain::case::{max_entries, AnswerError};
use crate::domain::questions::{Kind, Question};
use crate::domain::refs::{Conflict, RuleId};
use crate::engine::decision::{
    ChecklistItem, DateKey, Finding, ItemKey, ItemState, Value, Verdict,
};
use crate::engine::plan::{Step, StepKey, When};
use crate::flow::answer::{get, AnswerValue};

use super::lookup;

/// Groups the digits of `n` in threes with `sep`.
fn group(n: u64, sep: &str) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + 4);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

fn format_number(lang: Lang, n: i64) -> String {
    let sep = match lang {
        Lang::En | Lang::Ar => ",",
        Lang::Nb | Lang::Nn | Lang::Uk => "\u{a0}",
    };
    let grouped = group(n.unsigned_abs(), sep);
    isolate(
        lang,
        if n < 0 {
            format!("−{grouped}")
        } else {
            grouped
        },
    )
}

/// Latin digits, dates and typed text inside right-to-left words: wrapped in the Unicode
/// first-strong isolate (U+2068 … U+2069), so "2 March 2026" or a DUF number keeps its order
/// inside an Arabic sentence, on the page, in the summary and in the calendar file alike.
/// Left-to-right languages get the text unchanged.
pub fn isolate(lang: Lang, text: String) -> String {
    if lang.is_rtl() {
        format!("\u{2068}{text}\u{2069}")
    } else {
        text
    }
}

/// A counted word for `n` in `lang`, by its CLDR plural category: the catalogue entry
/// `plural.<word>.<category>` (falling back to `.other`) with `{n}` filled.
///
/// ```
/// use residence_core::text::{render::format_count, Lang};
/// assert_eq!(format_count(Lang::En, "months", 1), "1 month");
/// assert_eq!(format_count(Lang::En, "months", 3), "3 months");
/// assert_eq!(format_count(Lang::Nb, "working_days", 20), "20 arbeidsdager");
/// ```
pub fn format_count(lang: Lang, word: &str, n: i64) -> String {
    let key = format!("plural.{word}.{}", Plural::of(lang, n).name());
    let template = lookup(lang, &key)
        .or_else(|| lookup(lang, &format!("plural.{word}.other")))
        .unwrap_or(&key);
    fill(template, &[("n", &format_number(lang, n))])
}

/// A date in words: "22 November 2026" in English, "22. november 2026" in bokmål.
///
/// ```
/// use chrono::NaiveDate;
/// use residence_core::text::{render::format_date, Lang};
/// let d = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
/// assert_eq!(format_date(Lang::En, d), "22 November 2026");
/// assert_eq!(format_date(Lang::Nb, d), "22. november 2026");
/// ```
pub fn format_date(lang: Lang, date: NaiveDate) -> String {
    let month_key = format!("ui.month.{}", date.month());
    let month = tr(lang, &month_key);
    isolate(
        lang,
        tr_with(
            lang,
            "ui.date.format",
            &[
                ("day", &date.day().to_string()),
                ("month", month),
                ("year", &date.year().to_string()),
            ],
        ),
    )
}

/// An amount of Norwegian kroner: "NOK 300" in English, "300 kroner" in bokmål.
///
/// ```
/// use residence_core::text::{render::format_nok, Lang};
/// assert_eq!(format_nok(Lang::En, 300), "NOK 300");
/// assert_eq!(format_nok(Lang::Nb, 300), "300 kroner");
/// assert_eq!(format_nok(Lang::En, 1500), "NOK 1,500");
/// ```
pub fn format_nok(lang: Lang, amount: u32) -> String {
    tr_with(
        lang,
        "ui.nok",
        &[("amount", &format_number(lang, i64::from(amount)))],
    )
}

/// A number of days: "1 day", "20 days" / "1 dag", "20 dager".
fn format_days(lang: Lang, days: i64) -> String {
    format_count(lang, "days", days)
}

fn format_key(lang: Lang, key: &str) -> String {
    match lookup(lang, &format!("value.{key}")) {
        Some(v) => fill(v, &[]),
        None => key.replace('_', " "),
    }
}

/// A finding's value in words.
///
/// ```
/// use residence_core::engine::decision::Value;
/// use residence_core::text::{render::format_value, Lang};
/// assert_eq!(format_value(Lang::En, &Value::Days(20)), "20 days");
/// assert_eq!(format_value(Lang::Nb, &Value::Nok(0)), "0 kroner");
/// assert_eq!(format_value(Lang::En, &Value::Number(3)), "3");
/// ```
pub fn format_value(lang: Lang, value: &Value) -> String {
    match value {
        Value::Date(d) => format_date(lang, *d),
        Value::Nok(n) => format_nok(lang, *n),
        Value::Days(d) => format_days(lang, *d),
        Value::Number(n) => isolate(lang, n.to_string()),
        Value::Count(what, n) => format_count(lang, what.as_str(), *n),
        Value::Key(k) => format_key(lang, k),
        Value::Keys(ks) => ks
            .iter()
            .map(|k| format_key(lang, k))
            .collect::<Vec<_>>()
            .join(", "),
        Value::Text(t) => isolate(lang, t.clone()),
    }
}

fn q_key(q: Question, part: &str) -> String {
    format!("q.{}.{part}", q.name())
}

/// The question as a page heading.
///
/// ```
/// use residence_core::domain::questions::Question;
/// use residence_core::text::{render::question_title, Lang};
/// assert_eq!(question_title(Lang::En, Question::Citizenship), "What is your citizenship?");
/// ```
pub fn question_title(lang: Lang, q: Question) -> String {
    fill(tr(lang, &q_key(q, "title")), &[])
}

/// One helpful sentence under the heading, and the sentence about an option
/// (`q.<question>.hint.opt.<option>`) only when that option is `offered` (a question's options
/// may depend on the answers before it: a hint never names one that is not there).
///
/// ```
/// use residence_core::domain::questions::Question;
/// use residence_core::text::{render::question_hint, Lang};
/// let with = question_hint(Lang::En, Question::Status, &["temporary", "dont_know"]);
/// assert!(with.ends_with("choose \"I don't know\"."));
/// assert!(!question_hint(Lang::En, Question::Status, &["temporary"]).contains("know"));
/// ```
pub fn question_hint(lang: Lang, q: Question, offered: &[&str]) -> String {
    let mut hint = fill(tr(lang, &q_key(q, "hint")), &[]);
    for o in offered {
        if let Some(more) = crate::text::lookup(lang, &q_key(q, &format!("hint.opt.{o}"))) {
            if !hint.is_empty() {
                hint.push(' ');
            }
            hint.push_str(&fill(more, &[]));
        }
    }
    hint
}

/// The short label on the "check your answers" page.
///
/// ```
/// use residence_core::domain::questions::Question;
/// use residence_core::text::{render::question_summary, Lang};
/// assert_eq!(question_summary(Lang::En, Question::Citizenship), "Citizenship");
/// assert_eq!(question_summary(Lang::Nb, Question::Citizenship), "Statsborgerskap");
/// ```
pub fn question_summary(lang: Lang, q: Question) -> String {
    fill(tr(lang, &q_key(q, "summary")), &[])
}

/// The words of the button that skips `q`: the question's own (`q.<name>.skip`, for example
/// "I have no trip planned"), else "I don't know yet" (`ui.skip`). Only what is honest for
/// that question.
pub fn skip_label(lang: Lang, q: Question) -> String {
    fill(
        lookup(lang, &q_key(q, "skip")).unwrap_or_else(|| tr(lang, "ui.skip")),
        &[],
    )
}

/// How a skipped question is shown among the answers: its own words (`q.<name>.skipped`),
/// else "Not answered (I don't know yet)" (`ui.skipped`).
pub fn skipped_label(lang: Lang, q: Question) -> String {
    fill(
        lookup(lang, &q_key(q, "skipped")).unwrap_or_else(|| tr(lang, "ui.skipped")),
        &[],
    )
}

/// The label of an option (`"yes"`/`"no"` for yes/no questions).
///
/// ```
/// use residence_core::domain::questions::Question;
/// use residence_core::text::{render::option_label, Lang};
/// assert_eq!(option_label(Lang::En, Question::Citizenship, "uk"), "The United Kingdom");
/// ```
pub fn option_label(lang: Lang, q: Question, option: &str) -> String {
    fill(tr(lang, &q_key(q, &format!("opt.{option}"))), &[])
}

fn snake<T: crate::domain::answers::Keyed>(value: &T) -> &'static str {
    value.key()
}

/// The label of a reason for a stay abroad.
///
/// ```
/// use residence_core::domain::answers::AbsenceReason;
/// use residence_core::text::{render::absence_reason_label, Lang};
/// assert_eq!(absence_reason_label(Lang::En, AbsenceReason::WorkAbroad), "Work abroad");
/// ```
pub fn absence_reason_label(lang: Lang, reason: AbsenceReason) -> String {
    fill(
        tr(lang, &format!("q.stays_abroad.reason.{}", snake(&reason))),
        &[],
    )
}

/// The label of an EU/EEA basis of residence in the basis history.
pub fn eea_basis_label(lang: Lang, basis: EeaBasis) -> String {
    fill(
        tr(lang, &format!("q.uk_basis_history.basis.{}", snake(&basis))),
        &[],
    )
}

fn range_text(lang: Lang, from: NaiveDate, to: NaiveDate, what: &str) -> String {
    tr_with(
        lang,
        "ui.range",
        &[
            ("from", &format_date(lang, from)),
            ("to", &format_date(lang, to)),
            ("what", what),
        ],
    )
}

/// The answer to `q` as text for the "check your answers" page, or `None` if unanswered.
///
/// ```
/// use residence_core::domain::answers::{Answers, Citizenship};
/// use residence_core::domain::questions::Question;
/// use residence_core::text::{render::answer_summary, Lang};
/// let answers = Answers { citizenship: Some(Citizenship::Uk), ..Answers::default() };
/// assert_eq!(
///     answer_summary(Lang::En, &answers, Question::Citizenship).as_deref(),
///     Some("The United Kingdom")
/// );
/// assert_eq!(answer_summary(Lang::En, &answers, Question::Basis), None);
/// ```
pub fn answer_summary(lang: Lang, answers: &Answers, q: Question) -> Option<String> {
    Some(match get(answers, q)? {
        AnswerValue::Choice(c) => option_label(lang, q, &c),
        AnswerValue::Choices(cs) if cs.is_empty() => fill(tr(lang, "ui.none_of_these"), &[]),
        AnswerValue::Choices(cs) => cs
            .iter()
            .map(|c| option_label(lang, q, c))
            .collect::<Vec<_>>()
            .join("; "),
        AnswerValue::YesNo(b) => option_label(lang, q, if b { "yes" } else { "no" }),
        AnswerValue::Date(d) => format_date(lang, d),
        AnswerValue::Text(t) => t,
        AnswerValue::Stays(stays) if stays.is_empty() => fill(tr(lang, "ui.stays.none"), &[]),
        AnswerValue::Stays(stays) => stays
            .iter()
            .map(|s| range_text(lang, s.from, s.to, &absence_reason_label(lang, s.reason)))
            .collect::<Vec<_>>()
            .join("\n"),
        AnswerValue::Periods(ps) if ps.is_empty() => fill(tr(lang, "ui.periods.none"), &[]),
        AnswerValue::Periods(ps) => ps
            .iter()
            .map(|p| range_text(lang, p.from, p.to, &eea_basis_label(lang, p.basis)))
            .collect::<Vec<_>>()
            .join("\n"),
    })
}

/// The applicant's situation in one line, for the top of the printout and the summary page:
/// "question: answer" for citizenship, status, basis and what was applied for, joined with
/// " · ". Empty before any of them is answered.
///
/// ```
/// use residence_core::domain::answers::{Answers, Citizenship};
/// use residence_core::text::{render::situation_line, Lang};
/// let answers = Answers { citizenship: Some(Citizenship::Uk), ..Answers::default() };
/// assert_eq!(situation_line(Lang::En, &answers), "Citizenship: The United Kingdom");
/// ```
pub fn situation_line(lang: Lang, answers: &Answers) -> String {
    // Only what the applicant said, and the basis a topic says (collective protection): the
    // status that what was applied for implies on "get my card" is not shown ("none yet" is
    // false for someone whose first permit was granted), and what a topic implies was applied
    // for is not either: choosing a topic is not an application (the topic itself is shown).
    let implied = answers.with_topic_implied();
    let answers = &Answers {
        basis: implied.basis,
        ..answers.clone()
    };
    [
        Question::Citizenship,
        Question::Topic,
        Question::Status,
        Question::Basis,
        Question::AppliedFor,
    ]
    .iter()
    .filter_map(|q| {
        let answer = answer_summary(lang, answers, *q)?;
        Some(format!("{}: {answer}", question_summary(lang, *q)))
    })
    .collect::<Vec<_>>()
    .join(" · ")
}

fn finding_args(lang: Lang, f: &Finding) -> Vec<(&'static str, String)> {
    f.params
        .iter()
        .map(|(name, value)| (*name, format_value(lang, value)))
        .collect()
}

fn fill_owned(template: &str, args: &[(&'static str, String)]) -> String {
    let borrowed: Vec<(&str, &str)> = args.iter().map(|(n, v)| (*n, v.as_str())).collect();
    fill(template, &borrowed)
}

/// The catalogue key of a finding's title or body: a key parameter may word it itself
/// (`finding.<key>.<verdict>.<part>.<param>.<value>`, for example a trip's `case`), else the
/// verdict's own (`finding.<key>.<verdict>.<part>`).
fn finding_key(lang: Lang, f: &Finding, part: &str) -> String {
    let base = format!("finding.{}.{}.{part}", f.key.as_str(), f.verdict.as_str());
    f.params
        .iter()
        .filter_map(|(name, value)| match value {
            Value::Key(k) => Some(format!("{base}.{name}.{k}")),
            _ => None,
        })
        .find(|key| lookup(lang, key).is_some())
        .unwrap_or(base)
}

/// The one-line statement of a finding.
///
/// ```
/// use residence_core::engine::decision::{Finding, FindingKey, Priority, Verdict};
/// use residence_core::text::{render::finding_title, Lang};
/// let f = Finding::new(FindingKey::Appointment, Verdict::Yes, Priority::Action);
/// assert_eq!(finding_title(Lang::En, &f), "You must book an appointment with the police");
/// ```
pub fn finding_title(lang: Lang, f: &Finding) -> String {
    fill_owned(
        tr(lang, &finding_key(lang, f, "title")),
        &finding_args(lang, f),
    )
}

/// The explanation of a finding: the body paragraph with its placeholders filled, then one
/// sentence for each key parameter value the catalogue has words for
/// (`finding.<key>.<param>.<value>`), then one for each other parameter that is present and
/// has words (`finding.<key>.<param>`), each in parameter-name order.
///
/// ```
/// use residence_core::engine::decision::{Finding, FindingKey, Priority, Value, Verdict};
/// use residence_core::text::{render::finding_body, Lang};
/// let f = Finding::new(FindingKey::Appointment, Verdict::Yes, Priority::Action)
///     .param("route", Value::Key("book"))
///     .param("reason", Value::Key("applied_abroad"));
/// let body = finding_body(Lang::En, &f);
/// assert!(body.len() >= 2);
/// assert!(body.iter().all(|p| !p.contains('{')));
/// ```
pub fn finding_body(lang: Lang, f: &Finding) -> Vec<String> {
    let args = finding_args(lang, f);
    let mut out = vec![fill_owned(tr(lang, &finding_key(lang, f, "body")), &args)];
    let base = format!("finding.{}", f.key.as_str());
    // Sentences for key values first (they explain the situation), then the sentences for
    // values that are only sometimes known (dates, amounts).
    let mut by_value = Vec::new();
    let mut by_presence = Vec::new();
    for (name, value) in &f.params {
        match value {
            Value::Key(k) => by_value.push(format!("{base}.{name}.{k}")),
            Value::Keys(ks) => by_value.extend(ks.iter().map(|k| format!("{base}.{name}.{k}"))),
            _ => by_presence.push(format!("{base}.{name}")),
        }
    }
    for key in by_value.iter().chain(&by_presence) {
        if let Some(template) = lookup(lang, key) {
            out.push(fill_owned(template, &args));
        }
    }
    out
}

/// For a "maybe" with missing answers: the sentence naming the questions that would settle it.
///
/// ```
/// use residence_core::domain::questions::Question;
/// use residence_core::engine::decision::{Finding, FindingKey, Priority, Verdict};
/// use residence_core::text::{render::missing_text, Lang};
/// let f = Finding::new(
///     FindingKey::CardNeeded,
///     Verdict::maybe(&[Question::Citizenship]),
///     Priority::Action,
/// );
/// assert_eq!(
///     missing_text(Lang::En, &f).as_deref(),
///     Some("These answers would settle it: Citizenship")
/// );
/// ```
pub fn missing_text(lang: Lang, f: &Finding) -> Option<String> {
    match &f.verdict {
        Verdict::Maybe { missing } if !missing.is_empty() => {
            let names: Vec<String> = missing.iter().map(|q| question_summary(lang, *q)).collect();
            Some(tr_with(
                lang,
                "ui.missing",
                &[("questions", &names.join(", "))],
            ))
        }
        _ => None,
    }
}

/// A checklist line, with its date and cost when it has them; an overdue item says what to do
/// now, a done one that it is done.
///
/// ```
/// use residence_core::engine::decision::{ChecklistItem, ItemKey, ItemKind, ItemState};
/// use residence_core::text::{render::item_text, Lang};
/// let mut item = ChecklistItem {
///     key: ItemKey::PayFee,
///     kind: ItemKind::Do,
///     due: None,
///     cost: Some(300),
///     cost_alt: None,
///     state: ItemState::Todo,
///     rules: vec![],
/// };
/// assert_eq!(item_text(Lang::En, &item), "Pay the fee for the new card (NOK 300)");
/// item.cost = Some(0);
/// item.cost_alt = Some(300);
/// assert_eq!(item_text(Lang::En, &item), "Pay the fee for the new card (NOK 0 or NOK 300)");
/// ```
pub fn item_text(lang: Lang, item: &ChecklistItem) -> String {
    let key = item.key.as_str();
    let mut out = fill(tr(lang, &format!("item.{key}")), &[]);
    let mut extra = Vec::new();
    if let Some(due) = item.due {
        // An item may word its date itself (`item.<key>.due`), e.g. "from" instead of "by".
        let own = format!("item.{key}.due");
        let template = lookup(lang, &own).unwrap_or_else(|| tr(lang, "ui.checklist.due"));
        extra.push(fill(template, &[("date", &format_date(lang, due))]));
    }
    match (item.cost, item.cost_alt) {
        (Some(cost), Some(alt)) => extra.push(tr_with(
            lang,
            "ui.checklist.cost_either",
            &[
                ("amount", &format_nok(lang, cost)),
                ("other", &format_nok(lang, alt)),
            ],
        )),
        (Some(cost), None) => extra.push(tr_with(
            lang,
            "ui.checklist.cost",
            &[("amount", &format_nok(lang, cost))],
        )),
        _ => {}
    }
    if !extra.is_empty() {
        out.push_str(" (");
        out.push_str(&extra.join(", "));
        out.push(')');
    }
    // The line with its state, as the catalogue joins them (a translator sets the punctuation).
    match item.state {
        ItemState::Todo => out,
        ItemState::Overdue => {
            // What to do now: the item's own words (`item.<key>.overdue`), else the general ones.
            let own = format!("item.{key}.overdue");
            let now = lookup(lang, &own).unwrap_or_else(|| tr(lang, "ui.checklist.overdue"));
            tr_with(
                lang,
                "ui.checklist.overdue_line",
                &[("item", &out), ("now", now)],
            )
        }
        ItemState::Done => tr_with(
            lang,
            "ui.checklist.done_line",
            &[("item", &out), ("done", tr(lang, "ui.checklist.done"))],
        ),
    }
}

/// A step of the plan in words: when it is, and what to do or what happens.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StepWords {
    /// "Now", "By 15 December 2026", "Around 20 December 2026", "Then", …
    pub when: String,
    /// What to do, or what happens, with what to do about it.
    pub text: String,
}

/// The words of one step of the plan on `today` (the step's dates are never before it: the
/// plan words a passed day as what to do now, [`crate::engine::plan`]).
///
/// Keys: `plan.when.*`; a step to do reads `item.<key>` (and `item.<key>.overdue` or
/// `ui.checklist.overdue` when its day has passed); an event reads `plan.event.<key>` while
/// its day is ahead, `plan.event.<key>.past` once it has passed, and `plan.event.<key>.<case>`
/// for a case (the card by post, a trip's verdict). A first day still ahead adds
/// `plan.<key>.start` (else `plan.start`); a day since which it can be done adds `plan.since`.
pub fn step_words(lang: Lang, step: &Step, today: NaiveDate) -> StepWords {
    let date_words = |d: NaiveDate| format_date(lang, d);
    let when = match step.when {
        When::Now if step.state == ItemState::Overdue => tr(lang, "plan.when.overdue").to_string(),
        When::Now => tr(lang, "plan.when.now").to_string(),
        When::Then => tr(lang, "plan.when.then").to_string(),
        w => match w.date() {
            Some(d) if d == today => tr(lang, "plan.when.today").to_string(),
            Some(d) => {
                let key = match w {
                    When::By(_) => "plan.when.by",
                    When::From(_) => "plan.when.from",
                    When::Around(_) => "plan.when.around",
                    _ => "plan.when.on",
                };
                tr_with(lang, key, &[("date", &date_words(d))])
            }
            None => tr(lang, "plan.when.now").to_string(),
        },
    };
    let day = step.day().map(date_words).unwrap_or_default();
    let mut parts: Vec<String> = Vec::new();
    let name = match step.key {
        StepKey::Do(item) => {
            let key = item.as_str();
            let mut line = fill(tr(lang, &format!("item.{key}")), &[]);
            match (step.cost, step.cost_alt) {
                (Some(cost), Some(alt)) => {
                    line.push_str(" (");
                    line.push_str(&tr_with(
                        lang,
                        "ui.checklist.cost_either",
                        &[
                            ("amount", &format_nok(lang, cost)),
                            ("other", &format_nok(lang, alt)),
                        ],
                    ));
                    line.push(')');
                }
                (Some(cost), None) => {
                    line.push_str(" (");
                    line.push_str(&format_nok(lang, cost));
                    line.push(')');
                }
                _ => {}
            }
            // A step is a sentence: the item's words end with a full stop in the plan.
            if !line.ends_with(['.', '!', '?', ':', '。']) {
                line.push('.');
            }
            parts.push(line);
            if let Some(case) = step.case {
                parts.push(tr(lang, &format!("plan.case.{case}")).to_string());
            }
            if step.state == ItemState::Overdue {
                let own = format!("item.{key}.overdue");
                let now = lookup(lang, &own).unwrap_or_else(|| tr(lang, "ui.checklist.overdue"));
                parts.push(tr_with(lang, "plan.passed", &[("date", &day)]));
                parts.push(now.to_string());
            }
            key
        }
        StepKey::Event(event) => {
            let key = event.as_str();
            let base = format!("plan.event.{key}");
            let own = match (step.passed, step.case) {
                (Some(_), _) => format!("{base}.past"),
                (None, Some(case)) => format!("{base}.{case}"),
                (None, None) => base,
            };
            parts.push(tr_with(lang, &own, &[("date", &day)]));
            key
        }
    };
    if let Some(start) = step.start {
        let own = format!("plan.{name}.start");
        let template = lookup(lang, &own).unwrap_or_else(|| tr(lang, "plan.start"));
        parts.push(fill(template, &[("date", &date_words(start))]));
    }
    if let Some(since) = step.since {
        parts.push(tr_with(lang, "plan.since", &[("date", &date_words(since))]));
    }
    let text = parts.join(" ");
    let text = if step.state == ItemState::Done && step.item().is_some() {
        tr_with(
            lang,
            "ui.checklist.done_line",
            &[("item", &text), ("done", tr(lang, "ui.checklist.done"))],
        )
    } else {
        text
    };
    StepWords { when, text }
}

/// The checklist line of an item key alone (no date or cost).
pub fn item_label(lang: Lang, key: ItemKey) -> String {
    fill(tr(lang, &format!("item.{}", key.as_str())), &[])
}

/// The label of a key date.
///
/// ```
/// use residence_core::engine::decision::DateKey;
/// use residence_core::text::{render::date_label, Lang};
/// assert_eq!(date_label(Lang::En, DateKey::RenewalDeadline), "Renewal deadline");
/// ```
pub fn date_label(lang: Lang, key: DateKey) -> String {
    fill(tr(lang, &format!("date.{}", key.as_str())), &[])
}

/// The key of an error's message (`error.<variant>`; `error.end_before_start.entry` when the
/// error names an entry of a list).
fn error_key(err: &AnswerError) -> String {
    let variant = err.kind();
    match err {
        AnswerError::EndBeforeStart { index: Some(_), .. } => format!("error.{variant}.entry"),
        _ => format!("error.{variant}"),
    }
}

/// A clear message naming what to fix.
///
/// ```
/// use residence_core::domain::case::AnswerError;
/// use residence_core::text::{render::error_text, Lang};
/// let msg = error_text(Lang::En, &AnswerError::DufLength { length: 11 });
/// assert!(msg.contains("11"));
/// ```
pub fn error_text(lang: Lang, err: &AnswerError) -> String {
    let question = question_summary(lang, err.question());
    let mut args: Vec<(&'static str, String)> = vec![
        ("question", question),
        (
            "max",
            format_number(lang, max_entries(err.question()) as i64),
        ),
    ];
    match err {
        AnswerError::DateOutOfRange { date, .. } | AnswerError::DateInFuture { date, .. } => {
            args.push(("date", format_date(lang, *date)));
        }
        AnswerError::DateTooEarly { date, earliest, .. } => {
            args.push(("date", format_date(lang, *date)));
            args.push(("earliest", format_date(lang, *earliest)));
        }
        AnswerError::EndBeforeStart { index, .. } => {
            if let Some(i) = index {
                args.push(("index", (i.saturating_add(1)).to_string()));
            }
        }
        AnswerError::OverlappingStays { first, second } => {
            args.push(("first", first.saturating_add(1).to_string()));
            args.push(("second", second.saturating_add(1).to_string()));
        }
        AnswerError::TooManyEntries { count, .. } => {
            args.push(("count", format_count(lang, "entries", *count as i64)));
        }
        AnswerError::DufLength { length } => {
            args.push(("length", format_count(lang, "digits", *length as i64)));
        }
        AnswerError::DufNotDigits => {}
        AnswerError::DufImplausibleYear { year } => args.push(("year", year.to_string())),
    }
    fill_owned(tr(lang, &error_key(err)), &args)
}

/// Every catalogue key [`error_text`] may read.
pub fn error_keys() -> Vec<String> {
    use crate::domain::questions::Question as Q;
    let d = NaiveDate::MIN;
    [
        AnswerError::DateOutOfRange {
            question: Q::ApplicationDate,
            date: d,
        },
        AnswerError::DateInFuture {
            question: Q::DateOfBirth,
            date: d,
        },
        AnswerError::DateTooEarly {
            question: Q::FirstCollectivePermit,
            date: d,
            earliest: d,
        },
        AnswerError::EndBeforeStart {
            question: Q::PermitExpiry,
            index: None,
        },
        AnswerError::EndBeforeStart {
            question: Q::StaysAbroad,
            index: Some(0),
        },
        AnswerError::OverlappingStays {
            first: 0,
            second: 1,
        },
        AnswerError::TooManyEntries {
            question: Q::StaysAbroad,
            count: 5001,
        },
        AnswerError::DufLength { length: 3 },
        AnswerError::DufNotDigits,
        AnswerError::DufImplausibleYear { year: 1800 },
    ]
    .iter()
    .map(error_key)
    .collect()
}

/// What the official sources disagree on, and what the checker does.
pub fn conflict_text(lang: Lang, conflict: Conflict) -> String {
    let key = format!("conflict.k{}", conflict.number());
    fill(tr(lang, &key), &[])
}

/// The short plain title of a rule.
///
/// ```
/// use residence_core::domain::refs::RuleId;
/// use residence_core::text::{render::rule_title, Lang};
/// assert!(rule_title(Lang::En, RuleId::R020).contains("decision letter"));
/// ```
pub fn rule_title(lang: Lang, rule: RuleId) -> String {
    let key = format!("rule.{}", rule.as_str().to_ascii_lowercase());
    fill(tr(lang, &key), &[])
}

/// The word for a verdict (`ui.verdict.yes` …).
pub fn verdict_label(lang: Lang, verdict: &Verdict) -> String {
    fill(tr(lang, &format!("ui.verdict.{}", verdict.as_str())), &[])
}

/// Every catalogue key a question needs, for the completeness tests.
pub fn question_keys(q: Question) -> Vec<String> {
    let mut keys = vec![q_key(q, "title"), q_key(q, "hint"), q_key(q, "summary")];
    match q.kind() {
        Kind::Choice | Kind::MultiChoice => {
            keys.extend(q.options().iter().map(|o| q_key(q, &format!("opt.{o}"))));
        }
        Kind::YesNo => {
            keys.push(q_key(q, "opt.yes"));
            keys.push(q_key(q, "opt.no"));
        }
        Kind::Date | Kind::Text | Kind::Stays | Kind::Periods => {}
    }
    keys
}
