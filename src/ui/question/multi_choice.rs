//! The checkboxes of a question where several options may be ticked (or none).
//!
//! May import `crate::ui` and `crate::text` only.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::ControlProps;
use crate::text::render::option_label;

/// A multiple-choice question: one checkbox per option.
pub fn multi_choice_control(props: &ControlProps) -> Html {
    let (lang, q) = (props.lang, props.question);
    let field = props.field();
    let boxes = q.options().iter().enumerate().map(|(i, opt)| {
        let id = format!("{field}-{i}");
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
            <fieldset class="fieldset" aria-describedby={props.described()}>
                <legend class="fieldset__legend"><h1 tabindex="-1">{ props.title() }</h1></legend>
                { props.hint() }
                <div class="choices">{ for boxes }</div>
            </fieldset>
        </div>
    }
}
