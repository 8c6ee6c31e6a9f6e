//! The checkboxes of a question where several options may be ticked (or none).
//!
//! May import `crate::ui` and `crate::text` only.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::ControlProps;

/// A multiple-choice question: one checkbox per option.
pub fn multi_choice_control(props: &ControlProps) -> Html {
    let q = props.question;
    let boxes = q.options().iter().enumerate().map(|(i, opt)| {
        let checked = props.draft.choices.iter().any(|c| c == opt);
        let onchange = {
            let draft = props.draft.clone();
            let on_draft = props.on_draft.clone();
            let value = opt.to_string();
            Callback::from(move |e: Event| {
                let on = e.target_unchecked_into::<HtmlInputElement>().checked();
                let mut d = draft.clone();
                d.choices.retain(|c| c != &value);
                if on {
                    d.choices.push(value.clone());
                }
                on_draft.emit(d);
            })
        };
        props.option_row((i, *opt), "checkbox", checked, onchange)
    });
    html! {
        <div class="form-group">
            <fieldset class="fieldset" aria-describedby={props.described()}>
                <legend class="fieldset__legend"><h1 tabindex="-1">{ props.title() }</h1></legend>
                { props.hint() }
                <div class="choices">{ for boxes }</div>
            </fieldset>
        </div>
    }
}
