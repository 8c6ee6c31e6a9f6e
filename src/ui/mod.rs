//! The only yew code: one root reducer over the answers, pages and small components.
//!
//! [`App`] owns the state ([`state::AppState`]) through `use_reducer`; what happens around it
//! (restoring, history, the report worker, the words, taking over the pre-rendered page) is in
//! custom hooks ([`hooks`]); pages are small function components that receive the language and
//! callbacks, and never decide anything themselves. Every page is rendered inside [`frame`],
//! which the build's pre-rendered start page ([`prerender`]) shares. Browser side effects
//! (document language, title, focus) go through [`crate::platform`], in effects, never in the
//! reducer.

pub mod check;
pub mod hooks;
pub mod kiosk;
pub mod lang_switch;
pub mod load;
pub mod pages;
pub mod prerender;
pub mod question;
pub mod result;
pub mod save;
pub mod state;
pub mod store;

use yew::prelude::*;

use crate::platform;
use crate::text::{tr, tr_with, Lang, Part};
use check::CheckPage;
use hooks::address::{
    use_first_lang, use_kiosk, use_kiosk_presets, use_preset_topic, use_selftest,
};
use hooks::document::{use_document, use_take_over};
use hooks::history::use_history;
use hooks::restore::use_restore;
use hooks::words::{use_ahead, use_words, UseWords, Words};
use hooks::worker::use_result_view;
use lang_switch::LangSwitch;
use pages::StartPage;
use question::QuestionPage;
use result::ResultPage;
use state::{Action, AppState, Page};

/// Shows a recovery page instead of a blank one if the app ever panics (a panic stops the
/// WebAssembly app for good). Installed through yew, which otherwise installs its own hook when
/// the app starts. Answers already stored on the device survive; in kiosk mode
/// nothing was stored, and the page with the answers on it is replaced.
pub fn recover_from_panics() {
    yew::set_custom_panic_hook(Box::new(|_| {
        let lang = platform::document_lang()
            .and_then(|tag| Lang::from_tag(&tag))
            .unwrap_or(Lang::En);
        let body = if platform::device::query_param("kiosk").is_some() {
            "panic.body.kiosk"
        } else {
            "panic.body"
        };
        platform::device::show_recovery_page(
            tr(lang, "panic.title"),
            tr(lang, body),
            tr(lang, "panic.button"),
        );
    }));
}

/// A catalogue could not be fetched: what, why (the reason, once the fetch has failed) and a
/// retry.
fn words_failed(lang: Lang, title: String, body: &str, words: &UseWords) -> Html {
    html! {
        <>
            <h1 tabindex="-1">{ title }</h1>
            <p>{ tr(lang, body) }</p>
            if let Words::Failed(reason) = &*words.words {
                <p class="hint">{ reason.clone() }</p>
            }
            <p class="actions">
                <button type="button" class="button button--primary" onclick={words.on_retry.clone()}>
                    { tr(lang, "words.retry") }
                </button>
            </p>
        </>
    }
}

/// The root component of the checker.
#[function_component(App)]
pub fn app() -> Html {
    let kiosk = use_kiosk();
    let first_lang = use_first_lang();
    let state = use_reducer(|| AppState::new(first_lang, platform::today()));
    use_preset_topic(&state);
    use_kiosk_presets(&state, kiosk.is_some());
    let restore = use_restore(&state, kiosk.is_some());
    let (chosen, page) = (state.lang, state.page);
    // The start page of the chosen language is fetched when it is chosen (English's is
    // embedded); until it is there, the page is English's (see the content below).
    let start_words = use_words(chosen, Part::Start, true);
    let lang = if chosen.words(Part::Start).is_some() {
        chosen
    } else {
        Lang::En
    };
    // The moment while the chosen language's start page arrives: nothing is shown (below),
    // rather than a flash of English.
    let waiting = lang != chosen && !matches!(*start_words.words, Words::Failed(_));
    use_selftest();
    use_take_over(lang, !waiting && !*restore.restoring);
    use_document(lang, page, !waiting);
    use_history(&state, &restore);
    let result_view = use_result_view(&state, lang, &restore.restored);
    let needs_words = page != Page::Start;
    let ahead = use_ahead(page == Page::Start && !waiting);
    let words = use_words(lang, Part::Results, needs_words || ahead);
    if waiting {
        return html! { <main id="main" class="wrap" aria-busy="true"></main> };
    }

    let dispatch = |action: Action| {
        let state = state.clone();
        Callback::from(move |_: ()| state.dispatch(action.clone()))
    };
    // Start over, wiping every answer (the kiosk's button and its idle timeout).
    let wipe = {
        let state = state.clone();
        let restored = restore.restored.clone();
        Callback::from(move |()| {
            state.dispatch(Action::StartOver);
            // The next person at a kiosk starts in the kiosk's language, not the last one's.
            if kiosk.is_some() {
                state.dispatch(Action::SetLang(first_lang));
            }
            restored.set(None);
            platform::replace_history(&Page::Start.fragment());
        })
    };
    // "Forget my answers": wipe, and remove everything stored on this device.
    let forget = {
        let wipe = wipe.clone();
        let notice = restore.notice.clone();
        Callback::from(move |_: MouseEvent| {
            wipe.emit(());
            store::forget();
            notice.set(Some("start.forgotten"));
        })
    };
    let has_answers = !store::is_blank(&state.answers, &state.skipped);
    let on_lang = {
        let state = state.clone();
        Callback::from(move |lang: Lang| state.dispatch(Action::SetLang(lang)))
    };

    let content = if lang != chosen {
        let title = tr_with(lang, "words.lang_failed.title", &[("lang", chosen.name())]);
        words_failed(lang, title, "words.lang_failed.body", &start_words)
    } else if *restore.restoring {
        html! { <p class="loading" role="status" aria-live="polite">{ tr(lang, "words.restoring") }</p> }
    } else if needs_words && lang.words(Part::Results).is_none() {
        match &*words.words {
            Words::Failed(_) => {
                let title = tr(lang, "words.failed.title").to_string();
                words_failed(lang, title, "words.failed.body", &words)
            }
            _ => html! {
                <p class="loading" role="status" aria-live="polite">{ tr(lang, "words.loading") }</p>
            },
        }
    } else {
        match page {
            Page::Start => html! {
                <StartPage {lang} on_start={dispatch(Action::Start)}
                    on_load={kiosk.is_none().then(|| dispatch(Action::GoTo(Page::Load)))}
                    saved={has_answers && kiosk.is_none()} notice={*restore.notice} />
            },
            Page::Load => {
                let on_restore = {
                    let state = state.clone();
                    let restored = restore.restored.clone();
                    Callback::from(move |file: crate::domain::format::AnswersFile| {
                        state.dispatch(Action::Restore(file.answers.clone()));
                        restored.set(Some(file));
                    })
                };
                html! {
                    <load::LoadPage {lang} from_link={(*restore.from_link).clone()} {on_restore}
                        on_cancel={dispatch(Action::GoTo(Page::Start))} />
                }
            }
            Page::Question(q) => {
                let (n, of) = state.step(q);
                let on_answer = {
                    let state = state.clone();
                    Callback::from(move |v| state.dispatch(Action::Answer(q, v)))
                };
                html! {
                    <QuestionPage key={q.name()} {lang} question={q} answers={state.answers.clone()}
                        skipped={state.skipped} today={state.today}
                        step={n} {of} {on_answer}
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
                        skipped={state.skipped} {on_change} assumed_in_norway={state.assume_in_norway}
                        on_result={dispatch(Action::ShowResult)} on_back={dispatch(Action::Back)} />
                }
            }
            Page::Result => {
                let view = &*result_view.view;
                let has_dates = matches!(view, result::ViewState::Ready(v) if !v.dates.is_empty());
                html! {
                    <ResultPage {lang} answers={state.answers.clone()} today={state.today}
                        kiosk={kiosk.is_some()} view={view.clone()}
                        on_retry={result_view.on_retry.clone()}
                        on_back={dispatch(Action::Back)} on_start_over={wipe.clone()}
                        on_topic={{
                            let state = state.clone();
                            Callback::from(move |key| state.dispatch(Action::ChooseTopic(key)))
                        }}>
                        <save::SavePanel {lang} answers={state.answers.clone()} today={state.today}
                            {has_dates} kiosk={kiosk.is_some()} />
                    </ResultPage>
                }
            }
        }
    };

    let frame = Frame {
        lang,
        on_lang,
        start_over: kiosk.map(|_| {
            let wipe = wipe.clone();
            Callback::from(move |_: MouseEvent| wipe.emit(()))
        }),
        guard: match kiosk {
            Some(idle_secs) => html! {
                <kiosk::IdleGuard {lang} {idle_secs} on_timeout={wipe.clone()} />
            },
            None => Html::default(),
        },
        forget: (has_answers && kiosk.is_none()).then_some(forget),
    };
    frame.around(content)
}

/// The page around every page's content, as `<body>` holds it: the header (the app's name, the
/// kiosk's Start over, the language switch), the kiosk's idle guard, `<main>` and the footer
/// (the disclaimer, "Forget my answers"). [`App`] renders every page in it, and so does the
/// build's pre-rendered start page ([`prerender`]): one markup for both.
pub struct Frame {
    /// The language the page shows.
    pub lang: Lang,
    /// Called with the language the reader picks.
    pub on_lang: Callback<Lang>,
    /// The kiosk's "Start over" (kiosk mode only).
    pub start_over: Option<Callback<MouseEvent>>,
    /// Between the header and `<main>`: the kiosk's idle guard (nothing until it warns).
    pub guard: Html,
    /// "Forget my answers", when answers are kept on this device (never in kiosk mode).
    pub forget: Option<Callback<MouseEvent>>,
}

impl Frame {
    /// The whole page with `content` in `<main>`.
    pub fn around(self, content: Html) -> Html {
        let Frame {
            lang,
            on_lang,
            start_over,
            guard,
            forget,
        } = self;
        html! {
            <>
                <header class="site-header">
                    <div class="wrap site-header__inner">
                        <p class="site-header__name">{ tr(lang, "app.name") }</p>
                        if let Some(onclick) = start_over {
                            <button type="button" class="button button--header" {onclick}>
                                { tr(lang, "kiosk.start_over") }
                            </button>
                        }
                        <LangSwitch current={lang} on_select={on_lang} />
                    </div>
                </header>
                { guard }
                <main id="main" class="wrap">{ content }</main>
                <footer class="site-footer">
                    <div class="wrap">
                        <p>{ tr(lang, "footer.disclaimer") }</p>
                        if let Some(onclick) = forget {
                            <p><button type="button" class="link-button" {onclick}>{ tr(lang, "forget.button") }</button></p>
                        }
                    </div>
                </footer>
            </>
        }
    }
}
