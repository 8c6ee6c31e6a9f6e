//! "Check your answers": every answer on the path with a change link, then the result.

use yew::prelude::*;

use crate::domain::answers::{Answers, Place};
use crate::domain::questions::{Question, QuestionSet};
use crate::text::render::{answer_summary, question_summary};
use crate::text::{tr, tr_with, Lang};

/// Properties of [`CheckPage`].
#[derive(Properties, PartialEq)]
pub struct CheckPageProps {
    /// The language to show.
    pub lang: Lang,
    /// The questions on the path, in order.
    pub path: Vec<Question>,
    /// The answers.
    pub answers: Answers,
    /// The skipped questions.
    pub skipped: QuestionSet,
    /// Called with the question to change.
    pub on_change: Callback<Question>,
    /// Called to see the result.
    pub on_result: Callback<()>,
    /// Called to go back.
    pub on_back: Callback<()>,
    /// A kiosk took the reader to be in Norway: said above the answers while that answer
    /// stands (it can be changed like any other).
    #[prop_or_default]
    pub assumed_in_norway: bool,
}

/// The check-your-answers page.
#[function_component(CheckPage)]
pub fn check_page(props: &CheckPageProps) -> Html {
    let lang = props.lang;
    let rows = props.path.iter().map(|q| {
        let q = *q;
        let answer = if props.skipped.contains(q) {
            crate::text::render::skipped_label(lang, q)
        } else {
            answer_summary(lang, &props.answers, q).unwrap_or_default()
        };
        let on_change = props.on_change.clone();
        let label = question_summary(lang, q);
        html! {
            <div class="summary-list__row" key={q.name()}>
                <dt class="summary-list__key">{ label.clone() }</dt>
                <dd class="summary-list__value">{ answer }</dd>
                <dd class="summary-list__actions">
                    <button type="button" class="link-button"
                            onclick={Callback::from(move |_: MouseEvent| on_change.emit(q))}>
                        { tr(lang, "ui.change") }<span class="visually-hidden">{ format!(" {label}") }</span>
                    </button>
                </dd>
            </div>
        }
    });
    let assumed = props.assumed_in_norway
        && props.path.contains(&Question::LocationNow)
        && props.answers.location_now == Some(Place::Norway);
    let on_result = props.on_result.clone();
    let on_back = props.on_back.clone();
    html! {
        <>
            <p class="back"><button type="button" class="link-button"
                onclick={Callback::from(move |_: MouseEvent| on_back.emit(()))}>{ tr(lang, "ui.back") }</button></p>
            <h1 tabindex="-1">{ tr(lang, "ui.check.title") }</h1>
            if assumed {
                <p class="notice assumed">{ tr_with(lang, "ui.check.assumed_norway",
                    &[("question", &question_summary(lang, Question::LocationNow))]) }</p>
            }
            <dl class="summary-list">{ for rows }</dl>
            <p class="actions">
                <button type="button" class="button button--primary"
                        onclick={Callback::from(move |_: MouseEvent| on_result.emit(()))}>
                    { tr(lang, "ui.see_result") }
                </button>
            </p>
        </>
    }
}
