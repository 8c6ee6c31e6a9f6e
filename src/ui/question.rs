//! One question per page, with the right control for its kind: radio choices, checkboxes,
//! yes/no, a date as day / month / year fields, the DUF number, and editors for stays abroad
//! and basis periods. Errors appear in a summary at the top that receives focus and links to
//! the field; the values typed so far are kept.
//!
//! The page only collects and checks the shape of the input (a date that exists, a choice
//! made); validation of meaning comes from the domain through [`flow::check_answer`].

use std::collections::BTreeSet;

use chrono::NaiveDate;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::domain::answers::{AbsenceReason, Answers, BasisPeriod, EeaBasis, Keyed, Stay};
use crate::domain::questions::{Kind, Question};
use crate::flow::{self, AnswerValue};
use crate::platform;
use crate::text::render::{error_text, option_label, question_hint, question_title};
use crate::text::{tr, tr_with, Lang};

/// Properties of [`QuestionPage`].
#[derive(Properties, PartialEq)]
pub struct QuestionPageProps {
    /// The language to show.
    pub lang: Lang,
    /// The question on this page.
    pub question: Question,
    /// The answers so far (to prefill and to validate against).
    pub answers: Answers,
    /// The questions skipped so far.
    pub skipped: BTreeSet<Question>,
    /// The day the rules are applied for.
    pub today: NaiveDate,
    /// Position of this question on the path (1-based).
    pub step: usize,
    /// About how many questions the journey asks in all (`flow::estimated_length`).
    pub of: usize,
    /// Called with a valid answer.
    pub on_answer: Callback<AnswerValue>,
    /// Called when the reader skips (only offered for skippable questions).
    pub on_skip: Callback<()>,
    /// Called when the reader goes back.
    pub on_back: Callback<()>,
}

/// A row of the stays or periods editor, as typed.
#[derive(Debug, Clone, PartialEq, Default)]
struct Row {
    from: String,
    to: String,
    kind: String,
}

/// What the reader has typed or chosen so far.
#[derive(Debug, Clone, PartialEq, Default)]
struct Draft {
    choice: Option<String>,
    choices: Vec<String>,
    day: String,
    month: String,
    year: String,
    text: String,
    rows: Vec<Row>,
}

impl Draft {
    fn from_answer(value: Option<AnswerValue>) -> Draft {
        let mut d = Draft::default();
        match value {
            Some(AnswerValue::Choice(c)) => d.choice = Some(c),
            Some(AnswerValue::YesNo(b)) => d.choice = Some(if b { "yes" } else { "no" }.into()),
            Some(AnswerValue::Choices(cs)) => d.choices = cs,
            Some(AnswerValue::Date(date)) => {
                use chrono::Datelike;
                d.day = date.day().to_string();
                d.month = date.month().to_string();
                d.year = date.year().to_string();
            }
            Some(AnswerValue::Text(t)) => d.text = t,
            Some(AnswerValue::Stays(stays)) => {
                d.rows = stays
                    .iter()
                    .map(|s| Row {
                        from: s.from.to_string(),
                        to: s.to.to_string(),
                        kind: key_of(&s.reason),
                    })
                    .collect()
            }
            Some(AnswerValue::Periods(periods)) => {
                d.rows = periods
                    .iter()
                    .map(|p| Row {
                        from: p.from.to_string(),
                        to: p.to.to_string(),
                        kind: key_of(&p.basis),
                    })
                    .collect()
            }
            None => {}
        }
        d
    }
}

fn key_of<T: Keyed>(v: &T) -> String {
    v.key().to_string()
}

fn parse_key<T: Keyed>(s: &str) -> Option<T> {
    T::from_key(s)
}

const ABSENCE_REASONS: &[&str] = &[
    "other",
    "work_abroad",
    "pregnancy_childbirth",
    "serious_illness",
    "studies_research_training",
    "secondment",
    "military_civilian_service",
];
const BASES: &[&str] = &[
    "employee",
    "self_employed",
    "student",
    "sufficient_funds",
    "family_member",
];

/// An error shown in the summary and next to its field.
#[derive(Debug, Clone, PartialEq)]
struct FieldError {
    field: String,
    message: String,
}

/// Reads the draft into an answer, or the errors that stop it.
fn to_answer(q: Question, d: &Draft, lang: Lang) -> Result<AnswerValue, Vec<FieldError>> {
    let field = field_id(q);
    let err = |field: String, key: &str| FieldError {
        field,
        message: tr(lang, key).to_string(),
    };
    match q.kind() {
        Kind::Choice => d
            .choice
            .clone()
            .map(AnswerValue::Choice)
            .ok_or_else(|| vec![err(format!("{field}-0"), "ui.error.required")]),
        Kind::YesNo => match d.choice.as_deref() {
            Some("yes") => Ok(AnswerValue::YesNo(true)),
            Some("no") => Ok(AnswerValue::YesNo(false)),
            _ => Err(vec![err(format!("{field}-0"), "ui.error.required")]),
        },
        Kind::MultiChoice => Ok(AnswerValue::Choices(d.choices.clone())),
        Kind::Text => {
            if d.text.trim().is_empty() {
                Err(vec![err(field, "ui.error.required")])
            } else {
                Ok(AnswerValue::Text(d.text.trim().to_string()))
            }
        }
        Kind::Date => parse_date(&d.day, &d.month, &d.year)
            .map(AnswerValue::Date)
            .map_err(|(part, key)| vec![err(format!("{field}-{part}"), key)]),
        Kind::Stays | Kind::Periods => {
            let mut errors = Vec::new();
            let mut stays = Vec::new();
            let mut periods = Vec::new();
            for (i, row) in d.rows.iter().enumerate() {
                let from = crate::domain::dates::parse_iso(&row.from);
                let to = crate::domain::dates::parse_iso(&row.to);
                if from.is_none() {
                    errors.push(err(format!("{field}-{i}-from"), "ui.error.date.invalid"));
                }
                if to.is_none() {
                    errors.push(err(format!("{field}-{i}-to"), "ui.error.date.invalid"));
                }
                if let (Some(from), Some(to)) = (from, to) {
                    if q.kind() == Kind::Stays {
                        let reason = parse_key(&row.kind).unwrap_or(AbsenceReason::Other);
                        stays.push(Stay { from, to, reason });
                    } else {
                        let basis = parse_key(&row.kind).unwrap_or(EeaBasis::Employee);
                        periods.push(BasisPeriod { from, to, basis });
                    }
                }
            }
            if !errors.is_empty() {
                Err(errors)
            } else if q.kind() == Kind::Stays {
                Ok(AnswerValue::Stays(stays))
            } else {
                Ok(AnswerValue::Periods(periods))
            }
        }
    }
}

/// A date typed as day, month and year; the error names the part to fix.
fn parse_date(
    day: &str,
    month: &str,
    year: &str,
) -> Result<NaiveDate, (&'static str, &'static str)> {
    let num = |s: &str| s.trim().parse::<u32>().ok();
    let (d, m, y) = (num(day), num(month), num(year));
    if day.trim().is_empty() && month.trim().is_empty() && year.trim().is_empty() {
        return Err(("day", "ui.error.date.invalid"));
    }
    let Some(d) = d.filter(|d| (1..=31).contains(d)) else {
        return Err(("day", "ui.error.date.day"));
    };
    let Some(m) = m.filter(|m| (1..=12).contains(m)) else {
        return Err(("month", "ui.error.date.month"));
    };
    let Some(y) = y.filter(|y| (1000..=9999).contains(y)) else {
        return Err(("year", "ui.error.date.year"));
    };
    NaiveDate::from_ymd_opt(y as i32, m, d).ok_or(("day", "ui.error.date.invalid"))
}

fn field_id(q: Question) -> String {
    format!("f-{}", q.name().replace(['.', '_'], "-"))
}

/// The page for one question.
#[function_component(QuestionPage)]
pub fn question_page(props: &QuestionPageProps) -> Html {
    let lang = props.lang;
    let q = props.question;
    let draft = {
        let initial = flow::get(&props.answers, q);
        use_state(move || Draft::from_answer(initial))
    };
    let errors = use_state(Vec::<FieldError>::new);

    // Move focus to the error summary whenever new errors appear.
    {
        let count = errors.len();
        use_effect_with(count, move |count| {
            if *count > 0 {
                platform::focus_selector(".error-summary");
            }
        });
    }

    let onsubmit = {
        let draft = draft.clone();
        let errors = errors.clone();
        let answers = props.answers.clone();
        let skipped = props.skipped.clone();
        let today = props.today;
        let on_answer = props.on_answer.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match to_answer(q, &draft, lang) {
                Err(errs) => errors.set(errs),
                Ok(value) => {
                    match flow::check_answer(&answers, &skipped, q, value.clone(), today) {
                        Ok(_) => {
                            errors.set(Vec::new());
                            on_answer.emit(value);
                        }
                        Err(domain) => {
                            let field = field_id(q);
                            let mut list: Vec<FieldError> = domain
                                .iter()
                                .map(|e| FieldError {
                                    field: field_for_error(&field, q, e),
                                    message: error_text(lang, e),
                                })
                                .collect();
                            if list.is_empty() {
                                list.push(FieldError {
                                    field: format!("{field}-0"),
                                    message: tr(lang, "ui.error.required").to_string(),
                                });
                            }
                            errors.set(list);
                        }
                    }
                }
            }
        })
    };

    let title = question_title(lang, q);
    let hint = question_hint(lang, q);
    let field = field_id(q);
    let error_for = |id: &str| {
        errors
            .iter()
            .find(|e| e.field == id)
            .map(|e| e.message.clone())
    };
    let any_error_here = |prefix: &str| {
        errors
            .iter()
            .find(|e| e.field.starts_with(prefix))
            .map(|e| e.message.clone())
    };

    let summary = if errors.is_empty() {
        html! {}
    } else {
        html! {
            <div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
                <h2 id="error-summary-title" class="error-summary__title">{ tr(lang, "ui.error.summary") }</h2>
                <ul class="error-summary__list">
                    { for errors.iter().map(|e| {
                        let target = e.field.clone();
                        let onclick = Callback::from(move |ev: MouseEvent| {
                            ev.prevent_default();
                            platform::focus_by_id(&target);
                        });
                        html! { <li><a href={format!("#{}", e.field)} {onclick}>{ e.message.clone() }</a></li> }
                    }) }
                </ul>
            </div>
        }
    };

    let hint_html = if hint.is_empty() {
        html! {}
    } else {
        html! { <p class="hint" id={format!("{field}-hint")}>{ hint.clone() }</p> }
    };
    let described = if hint.is_empty() {
        None
    } else {
        Some(format!("{field}-hint"))
    };

    let control = match q.kind() {
        Kind::Choice | Kind::YesNo => {
            let options: Vec<&str> = if q.kind() == Kind::YesNo {
                vec!["yes", "no"]
            } else {
                flow::choice_options(q, &props.answers).to_vec()
            };
            let message = any_error_here(&field);
            let radios = options.iter().enumerate().map(|(i, opt)| {
                let id = format!("{field}-{i}");
                let checked = draft.choice.as_deref() == Some(*opt);
                let onchange = {
                    let draft = draft.clone();
                    let value = opt.to_string();
                    Callback::from(move |_: Event| {
                        let mut d = (*draft).clone();
                        d.choice = Some(value.clone());
                        draft.set(d);
                    })
                };
                html! {
                    <div class="choice" key={*opt}>
                        <input class="choice__input" type="radio" id={id.clone()} name={field.clone()}
                               value={*opt} {checked} {onchange} />
                        <label class="choice__label" for={id}>{ option_label(lang, q, opt) }</label>
                    </div>
                }
            });
            html! {
                <div class={classes!("form-group", message.is_some().then_some("form-group--error"))}>
                    <fieldset class="fieldset" aria-describedby={described.clone()}>
                        <legend class="fieldset__legend"><h1 tabindex="-1">{ title.clone() }</h1></legend>
                        { hint_html.clone() }
                        { error_line(lang, message) }
                        <div class="choices">{ for radios }</div>
                    </fieldset>
                </div>
            }
        }
        Kind::MultiChoice => {
            let boxes = q.options().iter().enumerate().map(|(i, opt)| {
                let id = format!("{field}-{i}");
                let checked = draft.choices.iter().any(|c| c == opt);
                let onchange = {
                    let draft = draft.clone();
                    let value = opt.to_string();
                    Callback::from(move |e: Event| {
                        let on = e.target_unchecked_into::<HtmlInputElement>().checked();
                        let mut d = (*draft).clone();
                        d.choices.retain(|c| c != &value);
                        if on {
                            d.choices.push(value.clone());
                        }
                        draft.set(d);
                    })
                };
                html! {
                    <div class="choice" key={*opt}>
                        <input class="choice__input" type="checkbox" id={id.clone()} name={field.clone()}
                               value={*opt} {checked} {onchange} />
                        <label class="choice__label" for={id}>{ option_label(lang, q, opt) }</label>
                    </div>
                }
            });
            html! {
                <div class="form-group">
                    <fieldset class="fieldset" aria-describedby={described.clone()}>
                        <legend class="fieldset__legend"><h1 tabindex="-1">{ title.clone() }</h1></legend>
                        { hint_html.clone() }
                        <div class="choices">{ for boxes }</div>
                    </fieldset>
                </div>
            }
        }
        Kind::Date => {
            let message = any_error_here(&field);
            let part = |name: &'static str,
                        label_key: &'static str,
                        value: String,
                        width: &'static str| {
                let id = format!("{field}-{name}");
                let invalid = error_for(&id).is_some();
                let oninput = {
                    let draft = draft.clone();
                    Callback::from(move |e: InputEvent| {
                        let v = e.target_unchecked_into::<HtmlInputElement>().value();
                        let mut d = (*draft).clone();
                        match name {
                            "day" => d.day = v,
                            "month" => d.month = v,
                            _ => d.year = v,
                        }
                        draft.set(d);
                    })
                };
                html! {
                    <div class="date-input__item">
                        <label class="date-input__label" for={id.clone()}>{ tr(lang, label_key) }</label>
                        <input class={classes!("input", width, invalid.then_some("input--error"))} id={id}
                               type="text" inputmode="numeric" autocomplete="off" {value} {oninput}
                               aria-invalid={if invalid { "true" } else { "false" }} />
                    </div>
                }
            };
            html! {
                <div class={classes!("form-group", message.is_some().then_some("form-group--error"))}>
                    <fieldset class="fieldset" role="group" aria-describedby={format!("{field}-example")}>
                        <legend class="fieldset__legend"><h1 tabindex="-1">{ title.clone() }</h1></legend>
                        { hint_html.clone() }
                        <p class="hint" id={format!("{field}-example")}>{ tr(lang, "ui.date.example") }</p>
                        { error_line(lang, message) }
                        <div class="date-input">
                            { part("day", "ui.date.day", draft.day.clone(), "input--2") }
                            { part("month", "ui.date.month", draft.month.clone(), "input--2") }
                            { part("year", "ui.date.year", draft.year.clone(), "input--4") }
                        </div>
                    </fieldset>
                </div>
            }
        }
        Kind::Text => {
            let message = any_error_here(&field);
            let oninput = {
                let draft = draft.clone();
                Callback::from(move |e: InputEvent| {
                    let mut d = (*draft).clone();
                    d.text = e.target_unchecked_into::<HtmlInputElement>().value();
                    draft.set(d);
                })
            };
            html! {
                <div class={classes!("form-group", message.is_some().then_some("form-group--error"))}>
                    <h1 tabindex="-1"><label for={field.clone()}>{ title.clone() }</label></h1>
                    { hint_html.clone() }
                    { error_line(lang, message.clone()) }
                    <input class={classes!("input", "input--20", message.is_some().then_some("input--error"))}
                           id={field.clone()} type="text" inputmode="numeric" autocomplete="off" spellcheck="false"
                           value={draft.text.clone()} {oninput} aria-describedby={described.clone()} />
                </div>
            }
        }
        Kind::Stays | Kind::Periods => rows_editor(
            lang,
            q,
            &field,
            &draft,
            &errors,
            title.clone(),
            hint_html.clone(),
        ),
    };

    let skip = if flow::is_skippable(q) {
        let on_skip = props.on_skip.clone();
        html! {
            <button type="button" class="button button--secondary"
                    onclick={Callback::from(move |_: MouseEvent| on_skip.emit(()))}>
                { tr(lang, "ui.skip") }
            </button>
        }
    } else {
        html! {}
    };
    let on_back = props.on_back.clone();
    let n = props.step;
    html! {
        <>
            <p class="back"><button type="button" class="link-button"
                onclick={Callback::from(move |_: MouseEvent| on_back.emit(()))}>{ tr(lang, "ui.back") }</button></p>
            <p class="progress">{ tr_with(lang, "ui.progress", &[("n", &n.to_string()), ("of", &props.of.to_string())]) }</p>
            { summary }
            <form novalidate=true {onsubmit}>
                { control }
                <div class="actions">
                    <button type="submit" class="button button--primary">{ tr(lang, "ui.continue") }</button>
                    { skip }
                </div>
            </form>
        </>
    }
}

fn error_line(lang: Lang, message: Option<String>) -> Html {
    match message {
        Some(m) => {
            html! { <p class="error-message"><span class="visually-hidden">{ tr(lang, "ui.error.prefix") }</span>{ m }</p> }
        }
        None => html! {},
    }
}

/// Which field a domain error belongs to (a row of a list, or the whole control).
fn field_for_error(field: &str, q: Question, e: &crate::domain::case::AnswerError) -> String {
    use crate::domain::case::AnswerError as E;
    match (q.kind(), e) {
        (Kind::Stays | Kind::Periods, E::EndBeforeStart { index: Some(i), .. }) => {
            format!("{field}-{i}-to")
        }
        (Kind::Stays, E::OverlappingStays { second, .. }) => format!("{field}-{second}-from"),
        (Kind::Date, _) => format!("{field}-day"),
        (Kind::Choice | Kind::YesNo, _) => format!("{field}-0"),
        _ => field.to_string(),
    }
}

/// The editor for a list of date ranges with a reason (stays) or a basis (periods).
fn rows_editor(
    lang: Lang,
    q: Question,
    field: &str,
    draft: &UseStateHandle<Draft>,
    errors: &UseStateHandle<Vec<FieldError>>,
    title: String,
    hint: Html,
) -> Html {
    let stays = q.kind() == Kind::Stays;
    let kinds: &[&str] = if stays { ABSENCE_REASONS } else { BASES };
    let kind_key = |k: &str| {
        if stays {
            format!("q.stays_abroad.reason.{k}")
        } else {
            format!("q.uk_basis_history.basis.{k}")
        }
    };
    let set_row = |i: usize, part: &'static str| {
        let draft = draft.clone();
        Callback::from(move |value: String| {
            let mut d = (*draft).clone();
            if let Some(row) = d.rows.get_mut(i) {
                match part {
                    "from" => row.from = value,
                    "to" => row.to = value,
                    _ => row.kind = value,
                }
            }
            draft.set(d);
        })
    };
    let rows = draft.rows.iter().enumerate().map(|(i, row)| {
        let id = |part: &str| format!("{field}-{i}-{part}");
        let err = |part: &str| errors.iter().find(|e| e.field == id(part)).map(|e| e.message.clone());
        let date_input = |part: &'static str, label: &'static str, value: String| {
            let set = set_row(i, part);
            let message = err(part);
            html! {
                <div class={classes!("form-group", message.is_some().then_some("form-group--error"))}>
                    <label class="label" for={id(part)}>{ tr(lang, label) }</label>
                    { error_line(lang, message.clone()) }
                    <input class={classes!("input", message.is_some().then_some("input--error"))} type="date" id={id(part)} {value}
                           oninput={Callback::from(move |e: InputEvent| set.emit(e.target_unchecked_into::<HtmlInputElement>().value()))} />
                </div>
            }
        };
        let set_kind = set_row(i, "kind");
        let remove = {
            let draft = draft.clone();
            Callback::from(move |_: MouseEvent| {
                let mut d = (*draft).clone();
                if i < d.rows.len() {
                    d.rows.remove(i);
                }
                draft.set(d);
            })
        };
        let current = if row.kind.is_empty() { kinds.first().copied().unwrap_or("") } else { row.kind.as_str() };
        html! {
            <fieldset class="fieldset row" key={i}>
                <legend class="fieldset__legend fieldset__legend--s">{ format!("{} {}", tr(lang, if stays { "ui.stays.row" } else { "ui.periods.row" }), i + 1) }</legend>
                { date_input("from", "ui.stays.from", row.from.clone()) }
                { date_input("to", "ui.stays.to", row.to.clone()) }
                <div class="form-group">
                    <label class="label" for={id("kind")}>{ tr(lang, if stays { "ui.stays.reason" } else { "ui.periods.basis" }) }</label>
                    <select class="select" id={id("kind")}
                            onchange={Callback::from(move |e: Event| set_kind.emit(e.target_unchecked_into::<HtmlSelectElement>().value()))}>
                        { for kinds.iter().map(|k| html! { <option value={*k} selected={*k == current}>{ tr(lang, &kind_key(k)).to_string() }</option> }) }
                    </select>
                </div>
                <button type="button" class="button button--secondary" onclick={remove}>
                    { tr(lang, "ui.stays.remove") }<span class="visually-hidden">{ format!(" {}", i + 1) }</span>
                </button>
            </fieldset>
        }
    });
    let add = {
        let draft = draft.clone();
        let first = kinds.first().copied().unwrap_or("").to_string();
        Callback::from(move |_: MouseEvent| {
            let mut d = (*draft).clone();
            d.rows.push(Row {
                kind: first.clone(),
                ..Row::default()
            });
            draft.set(d);
        })
    };
    html! {
        <div class="form-group">
            <h1 tabindex="-1">{ title }</h1>
            { hint }
            if draft.rows.is_empty() {
                <p>{ tr(lang, if stays { "ui.stays.none" } else { "ui.periods.none" }) }</p>
            }
            { for rows }
            <p><button type="button" class="button button--secondary" onclick={add}>{ tr(lang, if stays { "ui.stays.add" } else { "ui.periods.add" }) }</button></p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_typed_as_day_month_year_is_read_and_impossible_dates_name_the_part() {
        assert_eq!(
            parse_date("27", "3", "2024"),
            Ok(NaiveDate::from_ymd_opt(2024, 3, 27).unwrap_or_default())
        );
        assert_eq!(
            parse_date(" 1", "01 ", "2025"),
            Ok(NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or_default())
        );
        assert_eq!(
            parse_date("31", "2", "2025"),
            Err(("day", "ui.error.date.invalid"))
        );
        assert_eq!(parse_date("29", "2", "2023").map_err(|e| e.0), Err("day"));
        assert!(parse_date("29", "2", "2024").is_ok());
        assert_eq!(
            parse_date("1", "13", "2025"),
            Err(("month", "ui.error.date.month"))
        );
        assert_eq!(
            parse_date("x", "1", "2025"),
            Err(("day", "ui.error.date.day"))
        );
        assert_eq!(
            parse_date("1", "1", "25"),
            Err(("year", "ui.error.date.year"))
        );
        assert_eq!(
            parse_date("", "", ""),
            Err(("day", "ui.error.date.invalid"))
        );
    }

    #[test]
    fn a_stay_row_with_a_missing_date_is_an_error_and_a_full_row_is_an_answer() {
        let lang = Lang::En;
        let mut d = Draft::default();
        d.rows.push(Row {
            from: "2025-01-01".into(),
            to: String::new(),
            kind: "other".into(),
        });
        let errs = to_answer(Question::StaysAbroad, &d, lang).unwrap_err();
        assert_eq!(errs[0].field, "f-stays-abroad-0-to");
        d.rows[0].to = "2025-01-10".into();
        assert!(
            matches!(to_answer(Question::StaysAbroad, &d, lang), Ok(AnswerValue::Stays(s)) if s.len() == 1)
        );
    }

    #[test]
    fn the_draft_round_trips_every_answer_kind() {
        for value in [
            AnswerValue::Choice("uk".into()),
            AnswerValue::YesNo(false),
            AnswerValue::Date(NaiveDate::from_ymd_opt(2020, 2, 29).unwrap_or_default()),
            AnswerValue::Text("201258697561".into()),
        ] {
            let q = match &value {
                AnswerValue::Choice(_) => Question::Citizenship,
                AnswerValue::YesNo(_) => Question::EuRegistered,
                AnswerValue::Date(_) => Question::ApplicationDate,
                _ => Question::DufNumber,
            };
            let d = Draft::from_answer(Some(value.clone()));
            assert_eq!(to_answer(q, &d, Lang::En), Ok(value));
        }
    }
}
