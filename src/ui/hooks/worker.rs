//! The result's words come from the report worker (see `report::view`), worked out again
//! when the answers, the language or the restored file change, while the result page shows.
//!
//! May import `crate::ui`, `crate::platform`, `crate::domain`, `crate::text` (the language) and
//! `crate::wire` only.

use yew::prelude::*;

use crate::domain::format::AnswersFile;
use crate::platform;
use crate::text::Lang;
use crate::ui::result::ViewState;
use crate::ui::save;
use crate::ui::state::{AppState, Page};

/// The result view and how to ask for it again.
pub struct ResultView {
    /// The result view as far as it is worked out.
    pub view: UseStateHandle<ViewState>,
    /// Asks the worker again (after a failure).
    pub on_retry: Callback<()>,
}

/// Asks the report worker for the result view, in `lang` (the language the page shows),
/// whenever the result page shows with other answers, language, day or restored file than
/// last time (or a retry is asked for).
#[hook]
pub fn use_result_view(state: &AppState, lang: Lang, restored: &Option<AnswersFile>) -> ResultView {
    let view = use_state(|| ViewState::Loading);
    let view_retry = use_state(|| 0u32);
    {
        let view = view.clone();
        let deps = (
            state.page == Page::Result,
            state.answers.clone(),
            lang,
            state.today,
            restored.clone(),
            *view_retry,
        );
        use_effect_with(
            deps,
            move |(on_result, answers, lang, today, restored, _)| {
                if *on_result {
                    view.set(ViewState::Loading);
                    let json = save::answers_json(answers, *today, restored.as_ref());
                    let (lang, today) = (*lang, *today);
                    platform::spawn(async move {
                        use platform::worker::{request, Job, Reply};
                        let reply = request(Job::Result, lang, today, &json, "").await;
                        view.set(match reply {
                            Ok(Reply::File { body, .. }) => {
                                match crate::wire::view::decode(&body) {
                                    Some(v) => ViewState::Ready(std::rc::Rc::new(v)),
                                    None => ViewState::Failed("unreadable result".into()),
                                }
                            }
                            Ok(_) => ViewState::Failed("unexpected reply".into()),
                            Err(e) => ViewState::Failed(e),
                        });
                    });
                }
            },
        );
    }
    ResultView {
        view,
        on_retry: Callback::from(move |()| view_retry.set(*view_retry + 1)),
    }
}
