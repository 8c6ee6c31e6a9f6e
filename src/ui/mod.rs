//! The only yew code: one root reducer over the answers, pages and small components.
//!
//! [`App`] owns the state ([`state::AppState`]) through `use_reducer`; pages are small
//! function components that receive the language and callbacks, and never decide anything
//! themselves. Browser side effects (document language, title, focus) go through
//! [`crate::platform`], in effects, never in the reducer.

pub mod check;
pub mod kiosk;
pub mod lang_switch;
pub mod load;
pub mod pages;
pub mod question;
pub mod result;
pub mod save;
pub mod state;
pub mod store;

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

/// The root component of the checker.
#[function_component(App)]
pub fn app() -> Html {
    // The mode comes from the address once: `?kiosk[&idle=SECONDS]`.
    let kiosk = use_memo((), |_| {
        let kiosk = platform::device::query_param("kiosk").is_some();
        if kiosk {
            platform::set_root_class("kiosk");
        }
        kiosk.then(|| kiosk::idle_secs(platform::device::query_param("idle").as_deref()))
    });
    let kiosk = *kiosk;
    // What this device remembers (never in kiosk mode), read once; the report worker reads
    // it (see `load::read`) and the answers arrive a moment after the first render.
    let stored = use_memo((), move |_| {
        if kiosk.is_some() {
            None
        } else {
            store::stored()
        }
    });
    let restoring = use_state(|| stored.is_some());
    // False if the stored answers could not be read just now: they are then left untouched.
    let saving = use_state(|| kiosk.is_none());
    // The language the app starts in (and a kiosk returns to after a wipe).
    let first_lang = *use_memo((), |_| {
        let preferred = platform::embed::lang_param().or_else(platform::preferred_language);
        Lang::negotiate(preferred.as_deref())
    });
    let state = use_reducer(|| AppState::new(first_lang, platform::today()));
    // `?topic=<name>`: an information page embeds the checker on one topic (docs/embedding.md).
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            if let Some(topic) = platform::device::query_param("topic") {
                state.dispatch(Action::PresetTopic(topic));
            }
        });
    }
    // A message for the start page about stored answers.
    let notice = use_state(|| None::<&'static str>);
    // The fragment of a hand-off link (`#load=…`), read once; it is removed from the address
    // at once so the answers do not stay in the history.
    let from_link = use_memo((), |_| {
        platform::location_fragment()
            .strip_prefix("load=")
            .map(str::to_string)
    });
    // A file or link the reader restored: its saved result is compared with today's.
    let restored = use_state(|| None::<crate::domain::format::AnswersFile>);

    // Remember every change on this device (not in kiosk mode, and not before the stored
    // answers have been read back).
    use_effect_with(
        (
            state.answers.clone(),
            state.skipped.clone(),
            *saving && !*restoring,
        ),
        |(answers, skipped, save)| {
            if *save {
                store::save(answers, skipped);
            }
        },
    );
    let lang = state.lang;
    let page = state.page;

    // A deliberate failure for the end-to-end test of the recovery page (`?selftest=panic`):
    // it only ever shows that page, after the stored answers were read.
    use_effect_with((), |_| {
        if platform::device::query_param("selftest").as_deref() == Some("panic") {
            panic!("self-test of the recovery page");
        }
    });

    let heading = match page {
        Page::Question(q) => crate::text::render::question_title(lang, q),
        other => tr(lang, other.title_key()).to_string(),
    };
    use_effect_with((lang, heading), |(lang, heading)| {
        platform::set_document_lang(lang.code(), lang.dir());
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
    // refuses pages the answers do not reach).
    {
        let state = state.clone();
        let from_link = from_link.is_some();
        let stored = (*stored).clone();
        let (restoring, saving, notice) = (restoring.clone(), saving.clone(), notice.clone());
        use_effect_with((), move |_| {
            // A reload keeps its page (the reducer refuses pages the answers do not reach); a
            // hand-off link opens the load page.
            let fragment = platform::location_fragment();
            let page = if from_link {
                Some(Page::Load)
            } else {
                Page::from_fragment(&fragment)
            }
            .filter(|p| *p != Page::Start);
            platform::replace_history(&page.unwrap_or(Page::Start).fragment());
            match stored {
                Some((text, skipped)) => {
                    let state = state.clone();
                    platform::spawn(async move {
                        match load::read(platform::worker::Job::ReadFile, &text).await {
                            Ok(file) => state.dispatch(Action::Resume(file.answers, skipped)),
                            Err(load::Refusal::Format(_)) => {
                                store::set_aside(&text);
                                notice.set(Some("start.set_aside"));
                            }
                            Err(load::Refusal::Failed) => saving.set(false),
                        }
                        if let Some(page) = page {
                            state.dispatch(Action::GoTo(page));
                        }
                        restoring.set(false);
                    });
                }
                None => {
                    if let Some(page) = page {
                        state.dispatch(Action::GoTo(page));
                    }
                }
            }
            let state = state.clone();
            let listener = platform::on_history(move |fragment| {
                // A hand-off link pasted into an open checker: read it as a fresh start.
                if fragment.starts_with("load=") {
                    platform::reload();
                    return;
                }
                let page = Page::from_fragment(&fragment).unwrap_or(Page::Start);
                state.dispatch(Action::GoTo(page));
            });
            move || drop(listener)
        });
    }
    let first_page = use_mut_ref(|| true);
    use_effect_with(page, move |page| {
        // The first page is already in the address (see above).
        if !first_page.replace(false) && platform::location_fragment() != page.fragment() {
            platform::push_history(&page.fragment());
        }
    });

    let dispatch = |action: Action| {
        let state = state.clone();
        Callback::from(move |_: ()| state.dispatch(action.clone()))
    };
    // Start over, wiping every answer (the kiosk's button and its idle timeout).
    let wipe = {
        let state = state.clone();
        let restored = restored.clone();
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
        let notice = notice.clone();
        Callback::from(move |_: MouseEvent| {
            wipe.emit(());
            store::forget();
            notice.set(Some("start.forgotten"));
        })
    };
    let has_answers = !store::is_blank(&state.answers, &state.skipped);

    // The result's words come from the report worker (see `report::view`), worked out again
    // when the answers, the language or the restored file change.
    let view = use_state(|| result::ViewState::Loading);
    let view_retry = use_state(|| 0u32);
    {
        let view = view.clone();
        let deps = (
            page == Page::Result,
            state.answers.clone(),
            lang,
            state.today,
            (*restored).clone(),
            *view_retry,
        );
        use_effect_with(
            deps,
            move |(on_result, answers, lang, today, restored, _)| {
                if *on_result {
                    view.set(result::ViewState::Loading);
                    let json = save::answers_json(answers, *today, restored.as_ref());
                    let (lang, today) = (*lang, *today);
                    platform::spawn(async move {
                        use platform::worker::{request, Job, Reply};
                        let reply = request(Job::Result, lang, today, &json, "").await;
                        view.set(match reply {
                            Ok(Reply::File { body, .. }) => {
                                match crate::wire::view::decode(&body) {
                                    Some(v) => result::ViewState::Ready(std::rc::Rc::new(v)),
                                    None => result::ViewState::Failed("unreadable result".into()),
                                }
                            }
                            Ok(_) => result::ViewState::Failed("unexpected reply".into()),
                            Err(e) => result::ViewState::Failed(e),
                        });
                    });
                }
            },
        );
    }
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
            if needs {
                platform::worker::warm();
            }
            if needs && lang.results().is_none() {
                words.set(Words::Loading);
                platform::spawn(async move {
                    words.set(match platform::load_words(lang).await {
                        Ok(()) => Words::Ready,
                        Err(e) => Words::Failed(e),
                    });
                });
            }
        });
    }

    let content = if *restoring {
        html! { <p class="loading" role="status" aria-live="polite">{ tr(lang, "words.restoring") }</p> }
    } else if needs_words && lang.results().is_none() {
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
            Page::Start => html! {
                <StartPage {lang} on_start={dispatch(Action::Start)}
                    on_load={dispatch(Action::GoTo(Page::Load))}
                    saved={has_answers && kiosk.is_none()} notice={*notice} />
            },
            Page::Load => {
                let on_restore = {
                    let state = state.clone();
                    let restored = restored.clone();
                    Callback::from(move |file: crate::domain::format::AnswersFile| {
                        state.dispatch(Action::Restore(file.answers.clone()));
                        restored.set(Some(file));
                    })
                };
                html! {
                    <load::LoadPage {lang} from_link={(*from_link).clone()} {on_restore}
                        on_cancel={dispatch(Action::GoTo(Page::Start))} />
                }
            }
            Page::Question(q) => {
                let progress = state.progress();
                let n = progress
                    .path
                    .iter()
                    .position(|p| *p == q)
                    .map_or(1, |i| i + 1);
                let of = crate::flow::estimated_length(&state.answers, &state.skipped, state.today)
                    .max(n);
                let on_answer = {
                    let state = state.clone();
                    Callback::from(move |v| state.dispatch(Action::Answer(q, v)))
                };
                html! {
                    <QuestionPage key={q.name()} {lang} question={q} answers={state.answers.clone()}
                        skipped={state.skipped.clone()} today={state.today}
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
                        skipped={state.skipped.clone()} {on_change}
                        on_result={dispatch(Action::ShowResult)} on_back={dispatch(Action::Back)} />
                }
            }
            Page::Result => {
                let has_dates =
                    matches!(&*view, result::ViewState::Ready(v) if !v.dates.is_empty());
                let retry = view_retry.clone();
                html! {
                    <ResultPage {lang} answers={state.answers.clone()} today={state.today}
                        kiosk={kiosk.is_some()} view={(*view).clone()}
                        on_retry={Callback::from(move |()| retry.set(*retry + 1))}
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

    html! {
        <>
            <header class="site-header">
                <div class="wrap site-header__inner">
                    <p class="site-header__name">{ tr(lang, "app.name") }</p>
                    if kiosk.is_some() {
                        <button type="button" class="button button--header"
                            onclick={let wipe = wipe.clone(); Callback::from(move |_: MouseEvent| wipe.emit(()))}>
                            { tr(lang, "kiosk.start_over") }
                        </button>
                    }
                    <LangSwitch current={lang} on_select={on_lang} />
                </div>
            </header>
            if let Some(idle_secs) = kiosk {
                <kiosk::IdleGuard {lang} {idle_secs} on_timeout={wipe.clone()} />
            }
            <main id="main" class="wrap">{ content }</main>
            <footer class="site-footer">
                <div class="wrap">
                    <p>{ tr(lang, "footer.disclaimer") }</p>
                    if has_answers && kiosk.is_none() {
                        <p><button type="button" class="link-button" onclick={forget}>{ tr(lang, "forget.button") }</button></p>
                    }
                </div>
            </footer>
        </>
    }
}
