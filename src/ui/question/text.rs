//! A text question (the DUF number): one field, its label the page's heading.
//!
//! May import `crate::ui` only.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::{error_line, ControlProps};

/// A text question: one text field.
pub fn text_control(props: &ControlProps) -> Html {
    let lang = props.lang;
    let field = props.field();
    let message = props.any_error_here(&field);
    let oninput = {
        let draft = props.draft.clone();
        let on_draft = props.on_draft.clone();
        Callback::from(move |e: InputEvent| {
            let mut d = draft.clone();
            d.text = e.target_unchecked_into::<HtmlInputElement>().value();
            on_draft.emit(d);
        })
    };
    html! {
        <div class={classes!("form-group", message.is_some().then_some("form-group--error"))}>
            <h1 tabindex="-1"><label for={field.clone()}>{ props.title() }</label></h1>
            { props.hint() }
            { error_line(lang, message.clone()) }
            <input class={classes!("input", "input--20", message.is_some().then_some("input--error"))}
                   id={field.clone()} type="text" inputmode="numeric" autocomplete="off" spellcheck="false"
                   value={props.draft.text.clone()} {oninput} aria-describedby={props.described()} />
        </div>
    }
}
