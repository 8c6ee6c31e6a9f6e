//! The document around the page: its language, direction and title follow the page, and
//! the focus moves to the page's heading when the page changes.
//!
//! May import `crate::ui`, `crate::platform` and `crate::text` only.

use yew::prelude::*;

use crate::platform;
use crate::text::{tr, tr_with, Lang};
use crate::ui::state::Page;

/// Sets the document's language and title for `page`, and moves the focus to the main
/// heading when the page changes (not on the first render, where the reader starts at the
/// top) and again when the words of a page arrive after it was shown as loading.
#[hook]
pub fn use_document(lang: Lang, page: Page) {
    let heading = match page {
        Page::Question(q) => crate::text::render::question_title(lang, q),
        other => tr(lang, other.title_key()).to_string(),
    };
    use_effect_with((lang, heading), |(lang, heading)| {
        platform::set_document_lang(lang.code(), lang.dir());
        platform::set_title(&tr_with(*lang, "title.page", &[("page", heading)]));
    });

    let first_render = use_mut_ref(|| true);
    let words_ready = lang.words(crate::text::Part::Results).is_some();
    use_effect_with((page, words_ready), move |_| {
        if !first_render.replace(false) {
            platform::focus_main_heading();
        }
    });
}
