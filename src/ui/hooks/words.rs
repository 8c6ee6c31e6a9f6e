//! A language's catalogues are fetched when first needed, so the first load stays small (see
//! `text::Lang::words`): the start page of any language but English when that language is
//! chosen; the questions and results while the start page shows, once the browser is idle
//! ([`use_ahead`]), or at Start if they are not there yet. The report worker is started
//! with them, so it is ready, with its own catalogues, by the result page.
//!
//! May import `crate::ui`, `crate::platform` and `crate::text` only.

use yew::prelude::*;

use crate::platform;
use crate::text::{Lang, Part};

/// Whether a catalogue has been fetched.
#[derive(Debug, Clone, PartialEq)]
pub enum Words {
    /// Not asked for yet.
    Idle,
    /// Being fetched.
    Loading,
    /// Fetched.
    Ready,
    /// The fetch failed (the reason, for the hint line).
    Failed(String),
}

/// The words' state and how to fetch them again.
pub struct UseWords {
    /// Whether the words have been fetched.
    pub words: UseStateHandle<Words>,
    /// Fetches them again (after a failure).
    pub on_retry: Callback<MouseEvent>,
}

/// Fetches the `part` of `lang` when `needed` and not already there, again on a retry. Once the
/// questions-and-results words are there, starts the report worker, which then fetches what a
/// result in `lang` needs.
#[hook]
pub fn use_words(lang: Lang, part: Part, needed: bool) -> UseWords {
    let words = use_state(|| Words::Idle);
    let retry = use_state(|| 0u32);
    {
        let words = words.clone();
        use_effect_with((lang, needed, *retry), move |&(lang, needs, _)| {
            let warm = move || {
                if part == Part::Results {
                    platform::worker::warm(lang);
                }
            };
            if !needs {
                return;
            }
            if lang.words(part).is_some() {
                warm();
                return;
            }
            words.set(Words::Loading);
            platform::spawn(async move {
                let loaded = platform::load_words(lang, part).await;
                if loaded.is_ok() {
                    warm();
                }
                words.set(match loaded {
                    Ok(()) => Words::Ready,
                    Err(e) => Words::Failed(e),
                });
            });
        });
    }
    UseWords {
        words,
        on_retry: Callback::from(move |_: MouseEvent| retry.set(*retry + 1)),
    }
}

/// True once the browser has been idle while `on_start` (the start page shows, after the app
/// runs): from then on the questions' words are fetched, and the report worker started, ahead
/// of Start, so that Start does not wait for them. Nothing is shown of it; if the fetch fails,
/// the page after Start says so and offers to try again.
#[hook]
pub fn use_ahead(on_start: bool) -> bool {
    let ahead = use_state_eq(|| false);
    {
        let ahead = ahead.clone();
        use_effect_with(on_start, move |&on_start| {
            if on_start && !*ahead {
                platform::page::when_idle(move || ahead.set(true));
            }
        });
    }
    *ahead
}
