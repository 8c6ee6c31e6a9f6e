//! Embedded mode and the URL parameters a host page may pass (`docs/embedding.md`).
//!
//! - `?embed` puts the class `embed` on `<html>`: a compact layout for an iframe
//!   (`style/main.css`).
//! - `lang=en|nb` chooses the language ([`lang_param`], read by the app's language
//!   negotiation before the browser's preference).
//! - `look=contrast` puts the class `look-contrast` on `<html>` (`look=light`, the default,
//!   adds nothing).
//! - `host=https://example.org` (with `embed`): the app tells that origin, and only that
//!   origin, its document height with
//!   `parent.postMessage({type: "residence-checker:height", height}, host)`, on load and
//!   whenever the height changes. Without `host` nothing is ever posted (never to `"*"`).
//!   The app accepts no messages from the host.
//!
//! The parsing ([`Params::parse`]) is pure and never panics; only [`start`] and
//! [`lang_param`] touch the browser.

use std::cell::Cell;

use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::{closure::Closure, JsCast};

/// The `type` of the height message posted to the host page.
pub const HEIGHT_MESSAGE: &str = "residence-checker:height";

/// A look the host page may choose with `look=…`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Look {
    /// The normal colours (`look=light`).
    Light,
    /// Stronger contrast: darker muted text and lines (`look=contrast`).
    Contrast,
}

/// The parameters of the page's query string that concern embedding.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Params {
    /// `embed` is present (with or without a value).
    pub embed: bool,
    /// `lang=en` or `lang=nb` (lower-cased); other values are ignored.
    pub lang: Option<String>,
    /// `look=light` or `look=contrast`; other values are ignored.
    pub look: Option<Look>,
    /// `host=…` when it is an http(s) origin (`scheme://host[:port]`, a trailing `/` dropped);
    /// anything else (a path, `*`, another scheme) is ignored.
    pub host: Option<String>,
}

impl Params {
    /// Reads a query string such as `"?embed&lang=nb&host=https%3A%2F%2Fexample.org"` (the
    /// leading `?` is optional). Unknown parameters are ignored; the first of a repeated one wins.
    pub fn parse(search: &str) -> Params {
        let mut params = Params::default();
        let search = search.strip_prefix('?').unwrap_or(search);
        for pair in search.split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = percent_decode(value);
            match percent_decode(key).as_str() {
                "embed" => params.embed = true,
                "lang" if params.lang.is_none() => {
                    let lang = value.to_ascii_lowercase();
                    if lang == "en" || lang == "nb" {
                        params.lang = Some(lang);
                    }
                }
                "look" if params.look.is_none() => {
                    params.look = match value.as_str() {
                        "light" => Some(Look::Light),
                        "contrast" => Some(Look::Contrast),
                        _ => None,
                    };
                }
                "host" if params.host.is_none() => params.host = origin(&value),
                _ => {}
            }
        }
        params
    }

    /// The classes to add to `<html>`.
    pub fn classes(&self) -> Vec<&'static str> {
        let mut classes = Vec::new();
        if self.embed {
            classes.push("embed");
        }
        if self.look == Some(Look::Contrast) {
            classes.push("look-contrast");
        }
        classes
    }

    /// The origin to post the height to: only in embedded mode, and only if the host gave one.
    pub fn height_target(&self) -> Option<&str> {
        self.host.as_deref().filter(|_| self.embed)
    }
}

/// `value` if it is an http(s) origin, without a trailing `/`.
fn origin(value: &str) -> Option<String> {
    let value = value.strip_suffix('/').unwrap_or(value);
    let rest = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"))?;
    let valid = !rest.is_empty()
        && rest
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
    valid.then(|| value.to_string())
}

/// Decodes `%XX` escapes and `+` (a space in a query string); invalid escapes stay as they are
/// and invalid UTF-8 becomes U+FFFD.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = |j: usize| bytes.get(j).and_then(|&c| (c as char).to_digit(16));
        match (b, hex(i + 1), hex(i + 2)) {
            (b'%', Some(hi), Some(lo)) => {
                // Two hex digits make at most 255.
                out.push((hi * 16 + lo) as u8);
                i += 3;
            }
            (b'+', _, _) => {
                out.push(b' ');
                i += 1;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The parameters of the current page's address (empty outside a browser page).
fn current() -> Params {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    Params::parse(&search)
}

/// The language the address asks for (`lang=en` or `lang=nb`), if any. The app's language
/// negotiation prefers it over the browser's language.
pub fn lang_param() -> Option<String> {
    current().lang
}

/// Applies the address's parameters: classes on `<html>`, and in embedded mode with a `host`,
/// reports the document height to the host page. Call once, before the app renders.
pub fn start() {
    let params = current();
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(root) = window.document().and_then(|d| d.document_element()) else {
        return;
    };
    for class in params.classes() {
        let name = root.class_name();
        root.set_class_name(&if name.is_empty() {
            class.to_string()
        } else {
            format!("{name} {class}")
        });
    }
    if let Some(host) = params.height_target() {
        report_height(&window, root, host.to_string());
    }
}

/// Posts the height of `root` to the parent window at `host` now and on every change.
fn report_height(window: &web_sys::Window, root: web_sys::Element, host: String) {
    let Some(parent) = window.parent().ok().flatten() else {
        return;
    };
    if Object::is(&parent, window) {
        return; // not in a frame
    }
    let Ok(root) = root.dyn_into::<web_sys::HtmlElement>() else {
        return;
    };
    let last = Cell::new(-1);
    let observed = root.clone();
    let post = move || {
        let height = observed.offset_height();
        if height == last.replace(height) {
            return;
        }
        let message = Object::new();
        let _ = Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
        let _ = Reflect::set(&message, &"height".into(), &height.into());
        // Fails only for a malformed origin, which `Params::parse` refuses.
        let _ = parent.post_message(&message, &host);
    };
    post();
    // A ResizeObserver reports the first size on `observe` and every change after it.
    let constructor = Reflect::get(window, &"ResizeObserver".into())
        .ok()
        .and_then(|c| c.dyn_into::<Function>().ok());
    let Some(constructor) = constructor else {
        return;
    };
    let callback = Closure::<dyn FnMut()>::new(post);
    let observer = Reflect::construct(&constructor, &Array::of1(callback.as_ref()));
    let observe = observer.as_ref().ok().and_then(|o| {
        Reflect::get(o, &"observe".into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
    });
    if let (Ok(observer), Some(observe)) = (&observer, observe) {
        if observe.call1(observer, &root).is_ok() {
            // The observer lives as long as the page.
            callback.forget();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_plain_address_is_not_embedded_and_asks_for_nothing() {
        assert_eq!(Params::parse(""), Params::default());
        assert_eq!(Params::parse("?"), Params::default());
        assert!(Params::parse("?kiosk").classes().is_empty());
    }

    #[test]
    fn embed_with_a_host_posts_to_exactly_that_origin() {
        let p = Params::parse("?embed&host=https%3A%2F%2Fexample.org%2F&lang=nb");
        assert!(p.embed);
        assert_eq!(p.height_target(), Some("https://example.org"));
        assert_eq!(p.lang.as_deref(), Some("nb"));
        assert_eq!(p.classes(), ["embed"]);
    }

    #[test]
    fn an_unencoded_host_with_a_port_is_accepted() {
        let p = Params::parse("embed=1&host=http://localhost:8080");
        assert_eq!(p.height_target(), Some("http://localhost:8080"));
    }

    #[test]
    fn without_embed_or_without_host_nothing_is_posted() {
        assert_eq!(
            Params::parse("?host=https://example.org").height_target(),
            None
        );
        assert_eq!(Params::parse("?embed").height_target(), None);
    }

    #[test]
    fn a_wildcard_a_path_or_another_scheme_is_not_a_host() {
        for bad in [
            "*",
            "%2A",
            "https://example.org/page",
            "javascript:alert(1)",
            "https://",
            "https://exa mple.org",
            "ftp://example.org",
            "https://example.org?x",
        ] {
            let p = Params::parse(&format!("?embed&host={bad}"));
            assert_eq!(p.height_target(), None, "{bad}");
        }
    }

    #[test]
    fn unknown_languages_and_looks_are_ignored() {
        let p = Params::parse("?lang=de&look=neon");
        assert_eq!((p.lang, p.look), (None, None));
        let p = Params::parse("?lang=EN&look=contrast");
        assert_eq!(p.lang.as_deref(), Some("en"));
        assert_eq!(p.classes(), ["look-contrast"]);
        assert_eq!(Params::parse("?look=light").classes(), Vec::<&str>::new());
    }

    #[test]
    fn the_first_of_a_repeated_parameter_wins() {
        let p = Params::parse("?lang=nb&lang=en&host=https://a.example&host=https://b.example&embed");
        assert_eq!(p.lang.as_deref(), Some("nb"));
        assert_eq!(p.height_target(), Some("https://a.example"));
    }

    #[test]
    fn broken_escapes_stay_as_they_are() {
        assert_eq!(percent_decode("%"), "%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(percent_decode("a+b%C3%A5"), "a bå");
        assert_eq!(percent_decode("%FF"), "\u{FFFD}");
    }

    proptest! {
        #[test]
        fn any_query_string_parses_without_panicking(search in ".{0,200}") {
            let p = Params::parse(&search);
            if let Some(host) = p.height_target() {
                prop_assert!(host.starts_with("http://") || host.starts_with("https://"));
                prop_assert_eq!(host.matches('/').count(), 2);
                prop_assert!(!host.contains('*'));
            }
        }

        #[test]
        fn any_escaped_text_decodes_without_panicking(text in "[%+a-fA-F0-9xyz\u{e5}]{0,40}") {
            let _ = percent_decode(&text);
        }
    }
}
