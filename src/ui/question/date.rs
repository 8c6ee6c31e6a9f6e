//! A date typed as day, month and year in three fields (the reader's own order of parts is
//! not guessed: each field is labelled).
//!
//! May import `crate::ui` and `crate::text` only.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::{error_line, ControlProps};
use crate::text::tr;

/// A date question: day, month and year fields under one legend.
pub fn date_control(props: &ControlProps) -> Html {
    let lang = props.lang;
    let field = props.field();
    let message = props.any_error_here(&field);
    let part = |name: &'static str, label_key: &'static str, value: String, width: &'static str| {
        let id = format!("{field}-{name}");
        let invalid = props.error_for(&id).is_some();
        let oninput = {
            let draft = props.draft.clone();
            let on_draft = props.on_draft.clone();
            Callback::from(move |e: InputEvent| {
                let v = e.target_unchecked_into::<HtmlInputElement>().value();
                let mut d = draft.clone();
                match name {
                    "day" => d.day = v,
                    "month" => d.month = v,
                    _ => d.year = v,
                }
                on_draft.emit(d);
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
                <legend class="fieldset__legend"><h1 tabindex="-1">{ props.title() }</h1></legend>
                { props.hint() }
                <p class="hint" id={format!("{field}-example")}>{ tr(lang, "ui.date.example") }</p>
                { error_line(lang, message) }
                <div class="date-input">
                    { part("day", "ui.date.day", props.draft.day.clone(), "input--2") }
                    { part("month", "ui.date.month", props.draft.month.clone(), "input--2") }
                    { part("year", "ui.date.year", props.draft.year.clone(), "input--4") }
                </div>
            </fieldset>
        </div>
    }
}
