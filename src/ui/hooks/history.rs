//! The browser's Back and Forward move between the pages and keep every answer: each page
//! change adds a history entry, and a history move asks the reducer for that page (which
//! refuses pages the answers do not reach).
//!
//! May import `crate::ui` and `crate::platform` only.

use yew::prelude::*;

use crate::platform;
use crate::ui::hooks::restore::Restore;
use crate::ui::state::{Action, AppState, Page};

/// Opens the first page (a reload keeps its page, a hand-off link opens the load page) once
/// the stored answers are back, follows Back and Forward, and adds a history entry for every
/// later page change.
#[hook]
pub fn use_history(state: &UseReducerHandle<AppState>, restore: &Restore) {
    {
        let state = state.clone();
        let restore = restore.clone();
        use_effect_with((), move |_| {
            // A reload keeps its page (the reducer refuses pages the answers do not reach); a
            // hand-off link opens the load page.
            let fragment = platform::location_fragment();
            let page = if restore.from_link.is_some() {
                Some(Page::Load)
            } else {
                Page::from_fragment(&fragment)
            }
            .filter(|p| *p != Page::Start);
            platform::replace_history(&page.unwrap_or(Page::Start).fragment());
            restore.resume(&state, page);
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
    use_effect_with(state.page, move |page| {
        // The first page is already in the address (see above).
        if !first_page.replace(false) && platform::location_fragment() != page.fragment() {
            platform::push_history(&page.fragment());
        }
    });
}
