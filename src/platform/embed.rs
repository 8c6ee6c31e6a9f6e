//! The language a host page (or a kiosk) asks for in the address: `?lang=en`, `nb`, `nn`, `uk`
//! or `ar` (`docs/embedding.md`). The app's language negotiation prefers it over the browser's.
//!
//! The rest of embedded mode (the `embed` and `look-contrast` classes on `<html>`, the height
//! messages to the host page) and the service worker registration live in the boot script
//! (`assets/boot.js`): the same few lines in Rust cost about 2.5 KB brotli of wasm (measured),
//! which the first-load budget cannot spare.

/// `value` if it is the code of a language the checker speaks (`text::Lang::code`): the
/// `lang` parameter's value, exactly (`?lang=NB` or `?lang=de` counts as absent). Never panics.
pub fn lang_code(value: &str) -> Option<&str> {
    crate::text::Lang::ALL
        .iter()
        .any(|l| l.code() == value)
        .then_some(value)
}

/// The language the page's address asks for (`lang=en`, `nb`, `nn`, `uk` or `ar`), if any. The
/// address is read by the one query-string reader, `device::query_param` (the first `lang`
/// wins, as `URLSearchParams.get` has it).
pub fn lang_param() -> Option<String> {
    super::device::query_param("lang").filter(|v| lang_code(v).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn an_embedding_page_may_ask_for_any_language_of_the_checker() {
        for code in ["en", "nb", "nn", "uk", "ar"] {
            assert_eq!(lang_code(code), Some(code));
        }
    }

    #[test]
    fn an_unknown_language_is_ignored() {
        for value in ["", "de", "NB", "NN", "no", "ua", "nb ", "en-GB"] {
            assert_eq!(lang_code(value), None, "{value:?}");
        }
    }

    proptest! {
        #[test]
        fn any_value_gives_a_language_of_the_checker_or_nothing(value in ".{0,20}") {
            prop_assert!(matches!(lang_code(&value), None | Some("en" | "nb" | "nn" | "uk" | "ar")));
        }
    }
}
