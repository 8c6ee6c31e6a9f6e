//! The only code that touches the browser: clock, storage, download, print, messages to an
//! embedding page. Everything else receives what it needs from here as plain values.
//!
//! Every function here degrades quietly: if the browser object it needs is missing (no
//! `window`, no `document`), it does nothing or returns an empty answer instead of panicking.
//! The functions may only be called in a browser (on `wasm32`); native code never calls them.

use wasm_bindgen::JsCast;

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// The reader's preferred language tag, as the browser reports it (e.g. `"nb-NO"`), if any.
pub fn preferred_language() -> Option<String> {
    web_sys::window().and_then(|w| w.navigator().language())
}

/// Sets `<html lang="…">`, so that screen readers and hyphenation use the right language.
pub fn set_document_lang(code: &str) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        // Setting an attribute only fails for an invalid name, and "lang" is valid.
        let _ = root.set_attribute("lang", code);
    }
}

/// Sets the title of the browser tab.
pub fn set_title(title: &str) {
    if let Some(doc) = document() {
        doc.set_title(title);
    }
}

/// Moves keyboard and screen-reader focus to the page's main heading (`main h1`), so that a
/// page change is announced and the next Tab starts from the new content.
pub fn focus_main_heading() {
    let heading = document()
        .and_then(|d| d.query_selector("main h1").ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(heading) = heading {
        let _ = heading.focus();
    }
}
