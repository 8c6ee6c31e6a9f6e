//! The only code that touches the browser: clock, storage, download, print, messages to an
//! embedding page. Everything else receives what it needs from here as plain values.
//!
//! Every function here degrades quietly: if the browser object it needs is missing (no
//! `window`, no `document`), it does nothing or returns an empty answer instead of panicking.
//! The functions may only be called in a browser (on `wasm32`); native code never calls them.

pub mod device;
pub mod embed;
pub mod page;
pub mod worker;

use wasm_bindgen::JsCast;

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// The reader's preferred language tag, as the browser reports it (e.g. `"nb-NO"`), if any.
pub fn preferred_language() -> Option<String> {
    web_sys::window().and_then(|w| w.navigator().language())
}

/// Sets `<html lang="…" dir="…">`, so that screen readers and hyphenation use the right
/// language and the layout mirrors for a right-to-left language (`dir` is `"ltr"` or `"rtl"`).
pub fn set_document_lang(code: &str, dir: &str) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        // Setting an attribute only fails for an invalid name, and these names are valid.
        let _ = root.set_attribute("lang", code);
        let _ = root.set_attribute("dir", dir);
    }
}

/// The `lang` attribute of `<html>`, if set.
pub fn document_lang() -> Option<String> {
    document()?.document_element()?.get_attribute("lang")
}

/// Adds a class to `<html>` (the kiosk and embedded looks).
pub fn set_root_class(class: &str) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.class_list().add_1(class);
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

/// Today's date from the device clock (local time), the only place the app reads the clock.
pub fn today() -> chrono::NaiveDate {
    let now = js_sys::Date::new_0();
    chrono::NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

/// Moves focus to the first element matching `selector` (for example the error summary).
pub fn focus_selector(selector: &str) {
    let element = document()
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// Moves focus to the element with this id (an error summary link's field).
pub fn focus_by_id(id: &str) {
    let element = document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
        element.scroll_into_view();
    }
}

/// Fetches a text file from the app's own origin (a path relative to the page, or to the
/// worker's script inside the report worker: this uses the global `fetch` of either). Fails
/// with a short reason on a network error or a non-success status.
pub async fn fetch_text(path: &str) -> Result<String, String> {
    let global = js_sys::global();
    let fetch: js_sys::Function = js_sys::Reflect::get(&global, &"fetch".into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or("no fetch")?;
    let promise = fetch
        .call1(&global, &path.into())
        .map_err(|_| format!("{path}: network error"))?;
    let response = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(promise))
        .await
        .map_err(|_| format!("{path}: network error"))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "not a response")?;
    if !response.ok() {
        return Err(format!("{path}: HTTP {}", response.status()));
    }
    let text = response.text().map_err(|_| format!("{path}: no body"))?;
    let text = wasm_bindgen_futures::JsFuture::from(text)
        .await
        .map_err(|_| format!("{path}: cannot read"))?;
    text.as_string().ok_or_else(|| format!("{path}: not text"))
}

/// Fetches and installs one of the catalogues of `lang` (`text/<file>`, see
/// `text::Lang::file`), unless it is already there. The page and the report worker both use
/// it (the worker waits for a fetch already under way rather than starting another).
pub async fn load_words(lang: crate::text::Lang, part: crate::text::Part) -> Result<(), String> {
    if lang.words(part).is_some() {
        return Ok(());
    }
    let text = fetch_text(&format!("text/{}", lang.file(part))).await?;
    crate::text::install(lang, part, text)
}

/// Runs a future on the browser's event loop.
pub fn spawn(future: impl std::future::Future<Output = ()> + 'static) {
    wasm_bindgen_futures::spawn_local(future);
}

/// This page's address without its query or fragment (for links to the app itself).
pub fn page_address() -> String {
    web_sys::window()
        .and_then(|w| {
            let l = w.location();
            Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?))
        })
        .unwrap_or_default()
}

/// Loads the page again from its address.
pub fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// The fragment of the page's address, without its `#`.
pub fn location_fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

fn set_history(fragment: &str, push: bool) {
    let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else {
        return;
    };
    let url = format!("#{fragment}");
    let _ = if push {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    };
}

/// Adds a browser-history entry for `fragment`, so the browser's Back returns to this page.
pub fn push_history(fragment: &str) {
    set_history(fragment, true);
}

/// Replaces the current browser-history entry with `fragment`.
pub fn replace_history(fragment: &str) {
    set_history(fragment, false);
}

/// Calls `on_change` with the new fragment whenever the reader goes Back or Forward. The
/// listener stops when the returned value is dropped.
pub fn on_history(on_change: impl Fn(String) + 'static) -> Option<gloo::events::EventListener> {
    let window = web_sys::window()?;
    Some(gloo::events::EventListener::new(
        &window,
        "popstate",
        move |_| on_change(location_fragment()),
    ))
}
