//! What this device remembers and what a hand-off link carries, read back once, and every
//! later change remembered again (never in kiosk mode).
//!
//! The stored answers are read by the report worker (see `load::read`), so they arrive a
//! moment after the first render; until then [`Restore::restoring`] is set and nothing is
//! stored. [`Restore::resume`] is called by the history hook once it knows the first page.
//!
//! May import `crate::ui`, `crate::platform` and `crate::domain` only.

use std::rc::Rc;

use yew::prelude::*;

use crate::domain::format::AnswersFile;
use crate::domain::questions::QuestionSet;
use crate::platform;
use crate::ui::state::{Action, AppState, Page};
use crate::ui::{load, store};

/// The handles restoring leaves to the rest of the app.
#[derive(Clone)]
pub struct Restore {
    /// The stored answers (as text) and skipped questions, read once.
    pub stored: Rc<Option<(String, QuestionSet)>>,
    /// True until the stored answers have been read back.
    pub restoring: UseStateHandle<bool>,
    /// False if the stored answers could not be read just now: they are then left untouched.
    pub saving: UseStateHandle<bool>,
    /// A message for the start page about stored answers.
    pub notice: UseStateHandle<Option<&'static str>>,
    /// The fragment of a hand-off link (`#load=…`), read once; it is removed from the address
    /// at once so the answers do not stay in the history.
    pub from_link: Rc<Option<String>>,
    /// A file or link the reader restored: its saved result is compared with today's.
    pub restored: UseStateHandle<Option<AnswersFile>>,
}

/// Reads back what this device remembers (never in kiosk mode) and the answers of a hand-off
/// link, and remembers every change on this device (not in kiosk mode, and not before the
/// stored answers have been read back).
#[hook]
pub fn use_restore(state: &UseReducerHandle<AppState>, kiosk: bool) -> Restore {
    let stored = use_memo((), move |_| if kiosk { None } else { store::stored() });
    let restoring = use_state(|| stored.is_some());
    let saving = use_state(|| !kiosk);
    let notice = use_state(|| None::<&'static str>);
    let from_link = use_memo((), |_| {
        platform::location_fragment()
            .strip_prefix("load=")
            .map(str::to_string)
    });
    let restored = use_state(|| None::<AnswersFile>);

    use_effect_with(
        (state.answers.clone(), state.skipped, *saving && !*restoring),
        |(answers, skipped, save)| {
            if *save {
                store::save(answers, skipped);
            }
        },
    );
    Restore {
        stored,
        restoring,
        saving,
        notice,
        from_link,
        restored,
    }
}

impl Restore {
    /// Continues with the stored answers, if any, then goes to `page` (the page of a reload,
    /// if any). Stored answers that cannot be read are set aside, and the start page says so.
    pub fn resume(&self, state: &UseReducerHandle<AppState>, page: Option<Page>) {
        match (*self.stored).clone() {
            Some((text, skipped)) => {
                let state = state.clone();
                let (restoring, saving, notice) = (
                    self.restoring.clone(),
                    self.saving.clone(),
                    self.notice.clone(),
                );
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
    }
}
