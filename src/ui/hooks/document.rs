//! The document around the page: the app takes over the pre-rendered start page once it shows
//! the same thing, its language, direction and title follow the page, and the focus moves to
//! the page's heading when the page changes.
//!
//! May import `crate::ui`, `crate::platform` and `crate::text` only.

use yew::prelude::*;

use crate::platform;
use crate::text::{tr, tr_with, Lang};
use crate::ui::state::Page;

/// The browser tab's title on `page` in `lang`: the page's heading and the app's name. The
/// pre-rendered start page carries the same (`ui::prerender`).
pub fn title(lang: Lang, page: Page) -> String {
    let heading = match page {
        Page::Question(q) => crate::text::render::question_title(lang, q),
        other => tr(lang, other.title_key()).to_string(),
    };
    tr_with(lang, "title.page", &[("page", &heading)])
}

/// After every render until it is done, offers the app's page to take the pre-rendered one's
/// place (`platform::page`): `settled` when it shows a page, not a moment of waiting. Called
/// before the other document hooks, so the app's page is the document's before they focus.
#[hook]
pub fn use_take_over(lang: Lang, settled: bool) {
    use_effect(move || platform::page::take_over(lang.code(), settled));
}

/// Sets the document's language and title for `page` when `shown` (not while the app waits for
/// the chosen language's words and shows nothing: the page on screen keeps its own), and moves
/// the focus to the main heading when the page changes (not on the first render, where the
/// reader starts at the top) and again when the words of a page arrive after it was shown as
/// loading.
#[hook]
pub fn use_document(lang: Lang, page: Page, shown: bool) {
    let title = shown.then(|| title(lang, page));
    use_effect_with((lang, title), |(lang, title)| {
        if let Some(title) = title {
            platform::set_document_lang(lang.code(), lang.dir());
            platform::set_title(title);
        }
    });

    let first_render = use_mut_ref(|| true);
    let words_ready = lang.words(crate::text::Part::Results).is_some();
    use_effect_with((page, words_ready), move |_| {
        if !first_render.replace(false) {
            platform::focus_main_heading();
        }
    });
}
