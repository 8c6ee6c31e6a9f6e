//! The app state and its reducer: which language, which page. Pure, no browser.

use std::rc::Rc;

use yew::Reducible;

use crate::text::Lang;

/// The pages that exist so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// The start page: what the checker does and does not do, and a Start button.
    Start,
    /// Says honestly that the questionnaire is not built yet.
    NotYetBuilt,
}

impl Page {
    /// The catalogue key of the page's heading (also used in the tab title).
    pub fn title_key(self) -> &'static str {
        match self {
            Page::Start => "start.title",
            Page::NotYetBuilt => "notyet.title",
        }
    }
}

/// Everything the app remembers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppState {
    /// The language every text is shown in.
    pub lang: Lang,
    /// The page on screen.
    pub page: Page,
}

impl AppState {
    /// A fresh state on the start page.
    pub fn new(lang: Lang) -> Self {
        AppState {
            lang,
            page: Page::Start,
        }
    }
}

/// What the reader can do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Switch the language; the page stays.
    SetLang(Lang),
    /// Go to a page; the language stays.
    Go(Page),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = match action {
            Action::SetLang(lang) => AppState {
                lang,
                ..(*self).clone()
            },
            Action::Go(page) => AppState {
                page,
                ..(*self).clone()
            },
        };
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn switching_language_keeps_the_page() {
        let s = Rc::new(AppState {
            lang: Lang::En,
            page: Page::NotYetBuilt,
        });
        let s = s.reduce(Action::SetLang(Lang::Nb));
        assert_eq!(
            *s,
            AppState {
                lang: Lang::Nb,
                page: Page::NotYetBuilt
            }
        );
    }

    #[test]
    fn start_then_back_returns_to_the_start_page_in_the_same_language() {
        let s = Rc::new(AppState::new(Lang::Nb));
        let s = s.reduce(Action::Go(Page::NotYetBuilt));
        assert_eq!(s.page, Page::NotYetBuilt);
        let s = s.reduce(Action::Go(Page::Start));
        assert_eq!(*s, AppState::new(Lang::Nb));
    }

    #[test]
    fn every_page_heading_exists_in_every_language() {
        for lang in Lang::ALL {
            for page in [Page::Start, Page::NotYetBuilt] {
                assert!(lang.catalogue().get(page.title_key()).is_some());
            }
        }
    }
}
