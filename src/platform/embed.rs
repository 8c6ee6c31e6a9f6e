//! The language a host page (or a kiosk) asks for in the address: `?lang=en`, `nb`, `uk` or
//! `ar` (`docs/embedding.md`). The app's language negotiation prefers it over the browser's.
//!
//! The rest of embedded mode (the `embed` and `look-contrast` classes on `<html>`, the height
//! messages to the host page) and the service worker registration live in the boot script
//! (`assets/boot.js`): the same few lines in Rust cost about 2.5 KB brotli of wasm (measured),
//! which the first-load budget cannot spare.

/// The value of `lang` in a query string (`"?embed&lang=nb"`, the `?` optional) if it is the
/// code of a language the checker speaks (`text::Lang::code`); the first `lang` wins, and any
/// other value counts as absent. Never panics.
pub fn lang_in_query(search: &str) -> Option<&str> {
    let search = search.strip_prefix('?').unwrap_or(search);
    let value = search
        .split('&')
        .find_map(|pair| pair.strip_prefix("lang="))?;
    crate::text::Lang::ALL
        .iter()
        .any(|l| l.code() == value)
        .then_some(value)
}

/// The language the page's address asks for (`lang=en`, `nb`, `uk` or `ar`), if any.
pub fn lang_param() -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    lang_in_query(&search).map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn an_address_without_lang_asks_for_no_language() {
        assert_eq!(lang_in_query(""), None);
        assert_eq!(lang_in_query("?"), None);
        assert_eq!(lang_in_query("?embed&host=https://example.org"), None);
    }

    #[test]
    fn an_embedding_page_may_ask_for_any_language_of_the_checker() {
        assert_eq!(lang_in_query("?embed&lang=nb"), Some("nb"));
        assert_eq!(lang_in_query("lang=en&embed"), Some("en"));
        assert_eq!(lang_in_query("?embed&lang=uk"), Some("uk"));
        assert_eq!(lang_in_query("?lang=ar&kiosk"), Some("ar"));
    }

    #[test]
    fn an_unknown_language_is_ignored_and_the_first_lang_wins() {
        assert_eq!(lang_in_query("?lang=de"), None);
        assert_eq!(lang_in_query("?lang=NB"), None);
        assert_eq!(lang_in_query("?lang=ua"), None);
        assert_eq!(lang_in_query("?lang="), None);
        assert_eq!(lang_in_query("?lang=de&lang=nb"), None);
        assert_eq!(lang_in_query("?lang=nb&lang=en"), Some("nb"));
        assert_eq!(lang_in_query("?slang=nb"), None);
    }

    proptest! {
        #[test]
        fn any_query_string_gives_a_language_of_the_checker_or_nothing(search in ".{0,200}") {
            let lang = lang_in_query(&search);
            prop_assert!(matches!(lang, None | Some("en" | "nb" | "uk" | "ar")));
        }
    }
}
