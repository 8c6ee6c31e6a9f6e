//! The radio buttons of a choice question and of a yes/no question: one control, two kinds
//! ([`choice_control`] with the options the answers so far allow, [`yes_no_control`] with yes
//! and no).
//!
//! May import `crate::ui`, `crate::flow` and `crate::text` only.

use yew::prelude::*;

use super::{error_line, ControlProps};
use crate::flow;

/// A choice question: one radio button per option.
pub fn choice_control(props: &ControlProps) -> Html {
    radios(props, flow::choice_options(props.question, &props.answers))
}

/// A yes/no question: two radio buttons.
pub fn yes_no_control(props: &ControlProps) -> Html {
    radios(props, &["yes", "no"])
}

/// A fieldset of radio buttons, one per option; the heading is its legend.
fn radios(props: &ControlProps, options: &[&'static str]) -> Html {
    let lang = props.lang;
    let field = props.field();
    let message = props.any_error_here(&field);
    let radios = options.iter().enumerate().map(|(i, opt)| {
        let checked = props.draft.choice.as_deref() == Some(*opt);
        let onchange = {
            let draft = props.draft.clone();
            let on_draft = props.on_draft.clone();
            let value = opt.to_string();
            Callback::from(move |_: Event| {
                let mut d = draft.clone();
                d.choice = Some(value.clone());
                on_draft.emit(d);
            })
        };
        props.option_row((i, *opt), "radio", checked, onchange)
    });
    html! {
        <div class={classes!("form-group", message.is_some().then_some("form-group--error"))}>
            <fieldset class="fieldset" aria-describedby={props.described()}>
                <legend class="fieldset__legend"><h1 tabindex="-1">{ props.title() }</h1></legend>
                { props.hint() }
                { error_line(lang, message) }
                <div class="choices">{ for radios }</div>
            </fieldset>
        </div>
    }
}
