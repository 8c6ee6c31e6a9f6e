//! A language's catalogues are fetched when first needed, so the first load stays small (see
//! `text::Lang::words`): the start page of any language but English when that language is
//! chosen; the questions and results while the start page shows, once the browser is idle
//! ([`use_prefetch`]), or at Start if they are not there yet. The report worker is started
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

/// Fetches the `part` of `lang` when `needed` and not already there, again on a retry.
#[hook]
pub fn use_words(lang: Lang, part: Part, needed: bool) -> UseWords {
    let words = use_state(|| Words::Idle);
    let retry = use_state(|| 0u32);
    {
        let words = words.clone();
        use_effect_with((lang, needed, *retry), move |&(lang, needs, _)| {
            if needs && part == Part::Results {
                platform::worker::warm(lang);
            }
            if needs && lang.words(part).is_none() {
                words.set(Words::Loading);
                platform::spawn(async move {
                    words.set(match platform::load_words(lang, part).await {
                        Ok(()) => Words::Ready,
                        Err(e) => Words::Failed(e),
                    });
                });
            }
        });
    }
    UseWords {
        words,
        on_retry: Callback::from(move |_: MouseEvent| retry.set(*retry + 1)),
    }
}

/// While the start page shows in `lang` (`on_start`), once the browser is idle: fetches the
/// questions-and-results words of `lang`, so Start does not wait for them, then starts the
/// report worker, which fetches what a result needs. Nothing is shown of it; if the fetch
/// fails, Start fetches again and says so if that fails too.
#[hook]
pub fn use_prefetch(lang: Lang, on_start: bool) {
    use_effect_with((lang, on_start), |&(lang, on_start)| {
        if on_start {
            platform::page::when_idle(move || {
                platform::spawn(async move {
                    if platform::load_words(lang, Part::Results).await.is_ok() {
                        platform::worker::warm(lang);
                    }
                });
            });
        }
    });
}
