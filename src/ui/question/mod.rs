//! One question per page, with the right control for its kind: radio choices, checkboxes,
//! yes/no, a date as day / month / year fields, the DUF number, and editors for stays abroad
//! and basis periods. Errors appear in a summary at the top that receives focus and links to
//! the field; the values typed so far are kept.
//!
//! The page only collects and checks the shape of the input (a date that exists, a choice
//! made); validation of meaning comes from the domain through [`flow::check_answer`].
//!
//! This module is the page's frame (back link, progress, error summary, the form with its
//! continue and skip buttons); each kind of question has its own control, a render function
//! given [`ControlProps`] (plain functions, not yew components: the page holds the state, and
//! seven components cost 1.9 KB of the first load): `choice` (choice and yes/no, which share the radio buttons),
//! `multi_choice`, `date`, `text` and `rows` (stays and periods, which share the editor). The
//! draft and its reading into an answer are in `draft`.
//!
//! May import `crate::ui`, `crate::platform`, `crate::domain`, `crate::flow` and `crate::text`
//! only.

mod choice;
mod date;
mod draft;
mod multi_choice;
mod rows;
mod text;

use chrono::NaiveDate;
use yew::prelude::*;

use crate::domain::answers::Answers;
use crate::domain::questions::{Kind, Question, QuestionSet};
use crate::flow::{self, AnswerValue};
use crate::platform;
use crate::text::render::{error_text, option_label, question_hint, question_title, skip_label};
use crate::text::{tr, tr_with, Lang};
use draft::{field_for_error, field_id, to_answer, Draft, FieldError};

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
    pub skipped: QuestionSet,
    /// The day the rules are applied for.
    pub today: NaiveDate,
    /// Position of this question on the path (1-based).
    pub step: usize,
    /// About how many questions the journey asks in all (`flow::estimated_length`); `None`
    /// before the journey is known (the citizenship, then the topic).
    pub of: Option<usize>,
    /// Called with a valid answer.
    pub on_answer: Callback<AnswerValue>,
    /// Called when the reader skips (only offered for skippable questions).
    pub on_skip: Callback<()>,
    /// Called when the reader goes back.
    pub on_back: Callback<()>,
}

/// What every question kind's control is given.
pub struct ControlProps {
    /// The language to show.
    pub lang: Lang,
    /// The question on this page.
    pub question: Question,
    /// The answers so far (the options of a choice may depend on them).
    pub answers: Answers,
    /// What the reader has typed or chosen so far.
    pub draft: Draft,
    /// The errors shown (each names its field).
    pub errors: Vec<FieldError>,
    /// Called with the draft after a change.
    pub on_draft: Callback<Draft>,
}

impl ControlProps {
    /// One option of a choice question: its input (`"radio"` or `"checkbox"`) and its label.
    fn option_row(
        &self,
        (i, opt): (usize, &'static str),
        input: &'static str,
        checked: bool,
        onchange: Callback<Event>,
    ) -> Html {
        let field = self.field();
        let id = format!("{field}-{i}");
        html! {
            <div class="choice" key={opt}>
                <input class="choice__input" type={input} id={id.clone()} name={field}
                       value={opt} {checked} {onchange} />
                <label class="choice__label" for={id}>
                    { option_label(self.lang, self.question, opt) }
                </label>
            </div>
        }
    }

    /// The id of the question's field (the prefix of its parts' ids).
    fn field(&self) -> String {
        field_id(self.question)
    }

    /// The question, as the page's heading.
    fn title(&self) -> String {
        question_title(self.lang, self.question)
    }

    /// The question's hint, with the sentences about the options offered now.
    fn hint_text(&self) -> String {
        let offered = match self.question.kind() {
            Kind::Choice | Kind::MultiChoice => {
                crate::flow::choice_options(self.question, &self.answers)
            }
            _ => &[],
        };
        question_hint(self.lang, self.question, offered)
    }

    /// The question's hint, if it has one.
    fn hint(&self) -> Html {
        let hint = self.hint_text();
        if hint.is_empty() {
            html! {}
        } else {
            html! { <p class="hint" id={format!("{}-hint", self.field())}>{ hint.clone() }</p> }
        }
    }

    /// The id of the hint, for `aria-describedby` (none without a hint).
    fn described(&self) -> Option<String> {
        if self.hint_text().is_empty() {
            None
        } else {
            Some(format!("{}-hint", self.field()))
        }
    }

    /// The error of the field `id`, if any.
    fn error_for(&self, id: &str) -> Option<String> {
        self.errors
            .iter()
            .find(|e| e.field == id)
            .map(|e| e.message.clone())
    }

    /// The first error of any field whose id starts with `prefix`.
    fn any_error_here(&self, prefix: &str) -> Option<String> {
        self.errors
            .iter()
            .find(|e| e.field.starts_with(prefix))
            .map(|e| e.message.clone())
    }
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
        let skipped = props.skipped;
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

    let control = {
        let on_draft = {
            let draft = draft.clone();
            Callback::from(move |d: Draft| draft.set(d))
        };
        let control_props = ControlProps {
            lang,
            question: q,
            answers: props.answers.clone(),
            draft: (*draft).clone(),
            errors: (*errors).clone(),
            on_draft,
        };
        match q.kind() {
            Kind::Choice => choice::choice_control(&control_props),
            Kind::YesNo => choice::yes_no_control(&control_props),
            Kind::MultiChoice => multi_choice::multi_choice_control(&control_props),
            Kind::Date => date::date_control(&control_props),
            Kind::Text => text::text_control(&control_props),
            Kind::Stays => rows::stays_control(&control_props),
            Kind::Periods => rows::periods_control(&control_props),
        }
    };

    let skip = if q.is_skippable() {
        let on_skip = props.on_skip.clone();
        html! {
            <button type="button" class="button button--secondary"
                    onclick={Callback::from(move |_: MouseEvent| on_skip.emit(()))}>
                { skip_label(lang, q) }
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
            <p class="progress">{ match props.of {
                Some(of) => tr_with(lang, "ui.progress", &[("n", &n.to_string()), ("of", &of.to_string())]),
                None => tr_with(lang, "ui.progress.first", &[("n", &n.to_string())]),
            } }</p>
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

/// The error next to a field, if any.
fn error_line(lang: Lang, message: Option<String>) -> Html {
    match message {
        Some(m) => {
            html! { <p class="error-message"><span class="visually-hidden">{ tr(lang, "ui.error.prefix") }</span>{ m }</p> }
        }
        None => html! {},
    }
}
