//! The only yew code: one root reducer over the answers, pages and small components.
//!
//! [`App`] owns the state ([`state::AppState`]) through `use_reducer`; pages are small
//! function components that receive the language and callbacks, and never decide anything
//! themselves. Browser side effects (document language, title, focus) go through
//! [`crate::platform`], in effects, never in the reducer.

pub mod check;
pub mod lang_switch;
pub mod pages;
pub mod question;
pub mod result;
pub mod state;

use yew::prelude::*;

use crate::platform;
use crate::text::{tr, tr_with, Lang};
use check::CheckPage;
use lang_switch::LangSwitch;
use pages::StartPage;
use question::QuestionPage;
use result::ResultPage;
use state::{Action, AppState, Page};

/// Whether the questions-and-results words have been fetched.
#[derive(Debug, Clone, PartialEq)]
enum Words {
    Idle,
    Loading,
    Ready,
    Failed(String),
}

/// The root component of the checker.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| {
        let preferred = platform::embed::lang_param().or_else(platform::preferred_language);
        AppState::new(Lang::negotiate(preferred.as_deref()), platform::today())
    });
    let lang = state.lang;
    let page = state.page;

    let heading = match page {
        Page::Question(q) => crate::text::render::question_title(lang, q),
        other => tr(lang, other.title_key()).to_string(),
    };
    use_effect_with((lang, heading), |(lang, heading)| {
        platform::set_document_lang(lang.code());
        platform::set_title(&tr_with(*lang, "title.page", &[("page", heading)]));
    });

    // Focus follows page changes (not the first render, where the reader starts at the top),
    // and moves again when the words of a page arrive after it was shown as loading.
    let first_render = use_mut_ref(|| true);
    let words_ready = lang.results().is_some();
    use_effect_with((page, words_ready), move |_| {
        if !first_render.replace(false) {
            platform::focus_main_heading();
        }
    });

    // The browser's Back and Forward move between the pages and keep every answer: each page
    // change adds a history entry, and a history move asks the reducer for that page (which
    // refuses pages the answers do not reach). Answers are not stored (yet), so a fresh load
    // always starts on the start page.
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            platform::replace_history(&Page::Start.fragment());
            let listener = platform::on_history(move |fragment| {
                let page = Page::from_fragment(&fragment).unwrap_or(Page::Start);
                state.dispatch(Action::GoTo(page));
            });
            move || drop(listener)
        });
    }
    use_effect_with(page, |page| {
        if platform::location_fragment() != page.fragment() {
            platform::push_history(&page.fragment());
        }
    });

    let dispatch = |action: Action| {
        let state = state.clone();
        Callback::from(move |_: ()| state.dispatch(action.clone()))
    };
    let on_lang = {
        let state = state.clone();
        Callback::from(move |lang: Lang| state.dispatch(Action::SetLang(lang)))
    };

    // The questions-and-results words are fetched when first needed (after Start), so the first
    // load stays small; see `text::Lang::results_file`.
    let words = use_state(|| Words::Idle);
    let retry = use_state(|| 0u32);
    let needs_words = page != Page::Start;
    {
        let words = words.clone();
        use_effect_with((lang, needs_words, *retry), move |&(lang, needs, _)| {
            if needs && lang.results().is_none() {
                words.set(Words::Loading);
                platform::spawn(async move {
                    let path = format!("text/{}", lang.results_file());
                    let result = match platform::fetch_text(&path).await {
                        Ok(text) => crate::text::install_results(lang, text),
                        Err(e) => Err(e),
                    };
                    words.set(match result {
                        Ok(()) => Words::Ready,
                        Err(e) => Words::Failed(e),
                    });
                });
            }
        });
    }

    let content = if needs_words && lang.results().is_none() {
        match &*words {
            Words::Failed(reason) => {
                let retry = retry.clone();
                html! {
                    <>
                        <h1 tabindex="-1">{ tr(lang, "words.failed.title") }</h1>
                        <p>{ tr(lang, "words.failed.body") }</p>
                        <p class="hint">{ reason.clone() }</p>
                        <p class="actions">
                            <button type="button" class="button button--primary"
                                onclick={Callback::from(move |_: MouseEvent| retry.set(*retry + 1))}>
                                { tr(lang, "words.retry") }
                            </button>
                        </p>
                    </>
                }
            }
            _ => html! {
                <p class="loading" role="status" aria-live="polite">{ tr(lang, "words.loading") }</p>
            },
        }
    } else {
        match page {
            Page::Start => html! { <StartPage {lang} on_start={dispatch(Action::Start)} /> },
            Page::Question(q) => {
                let progress = state.progress();
                let n = progress
                    .path
                    .iter()
                    .position(|p| *p == q)
                    .map_or(1, |i| i + 1);
                let on_answer = {
                    let state = state.clone();
                    Callback::from(move |v| state.dispatch(Action::Answer(q, v)))
                };
                html! {
                    <QuestionPage key={q.name()} {lang} question={q} answers={state.answers.clone()}
                        skipped={state.skipped.clone()} today={state.today}
                        step={n} {on_answer}
                        on_skip={dispatch(Action::Skip(q))} on_back={dispatch(Action::Back)} />
                }
            }
            Page::Check => {
                let on_change = {
                    let state = state.clone();
                    Callback::from(move |q| state.dispatch(Action::Change(q)))
                };
                html! {
                    <CheckPage {lang} path={state.progress().path} answers={state.answers.clone()}
                        skipped={state.skipped.clone()} {on_change}
                        on_result={dispatch(Action::ShowResult)} on_back={dispatch(Action::Back)} />
                }
            }
            Page::Result => html! {
                <ResultPage {lang} answers={state.answers.clone()} today={state.today}
                    on_back={dispatch(Action::Back)} on_start_over={dispatch(Action::StartOver)} />
            },
        }
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
