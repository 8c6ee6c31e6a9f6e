//! The language switch: one real button per language, each labelled in its own language
//! (with a matching `lang` attribute) and marked `aria-pressed` when selected.

use yew::prelude::*;

use crate::text::{tr, Lang};

/// Properties of [`LangSwitch`].
#[derive(Properties, PartialEq)]
pub struct LangSwitchProps {
    /// The language shown now.
    pub current: Lang,
    /// Called with the language the reader picks.
    pub on_select: Callback<Lang>,
}

/// The language switch.
#[function_component(LangSwitch)]
pub fn lang_switch(props: &LangSwitchProps) -> Html {
    let current = props.current;
    let buttons = Lang::ALL.iter().map(|&lang| {
        let on_select = props.on_select.clone();
        let onclick = Callback::from(move |_: MouseEvent| on_select.emit(lang));
        let pressed = if lang == current { "true" } else { "false" };
        html! {
            <li>
                <button type="button" class="lang-switch__button" lang={lang.code()} dir={lang.dir()}
                        aria-pressed={pressed} {onclick}>
                    { lang.name() }
                </button>
            </li>
        }
    });
    html! {
        <nav class="lang-switch" aria-label={tr(current, "lang.switch.label")}>
            <ul class="lang-switch__list">{ for buttons }</ul>
        </nav>
    }
}
