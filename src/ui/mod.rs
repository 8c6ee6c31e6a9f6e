//! The only yew code: one root reducer over the answers, pages and small components.
//!
//! [`App`] owns the state ([`state::AppState`]) through `use_reducer`; pages are small
//! function components that receive the language and callbacks, and never decide anything
//! themselves. Browser side effects (document language, title, focus) go through
//! [`crate::platform`], in effects, never in the reducer.

pub mod lang_switch;
pub mod pages;
pub mod state;

use yew::prelude::*;

use crate::platform;
use crate::text::{tr, tr_with, Lang};
use lang_switch::LangSwitch;
use pages::{NotYetPage, StartPage};
use state::{Action, AppState, Page};

/// The root component of the checker.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| {
        let preferred = platform::preferred_language();
        AppState::new(Lang::negotiate(preferred.as_deref()))
    });
    let lang = state.lang;
    let page = state.page;

    use_effect_with((lang, page), |&(lang, page)| {
        platform::set_document_lang(lang.code());
        platform::set_title(&tr_with(
            lang,
            "title.page",
            &[("page", tr(lang, page.title_key()))],
        ));
    });

    // Focus follows page changes (not the first render, where the reader starts at the top).
    let first_render = use_mut_ref(|| true);
    use_effect_with(page, move |_| {
        if !first_render.replace(false) {
            platform::focus_main_heading();
        }
    });

    let on_lang = {
        let state = state.clone();
        Callback::from(move |lang: Lang| state.dispatch(Action::SetLang(lang)))
    };
    let go = |page: Page| {
        let state = state.clone();
        Callback::from(move |_: ()| state.dispatch(Action::Go(page)))
    };

    let content = match page {
        Page::Start => html! { <StartPage {lang} on_start={go(Page::NotYetBuilt)} /> },
        Page::NotYetBuilt => html! { <NotYetPage {lang} on_back={go(Page::Start)} /> },
    };

    html! {
        <>
            <header class="site-header">
                <div class="wrap site-header__inner">
                    <p class="site-header__name">{ tr(lang, "app.name") }</p>
                    <LangSwitch current={lang} on_select={on_lang} />
                </div>
            </header>
            <main id="main" class="wrap">{ content }</main>
            <footer class="site-footer">
                <div class="wrap"><p>{ tr(lang, "footer.disclaimer") }</p></div>
            </footer>
        </>
    }
}
