//! The browser's device services the app uses beyond the page itself: the address's query
//! parameters (`?kiosk`, `?embed`), local storage, printing, downloads, reading a chosen or
//! dropped file, and the reader's activity (for the kiosk's idle wipe).
//!
//! Like the rest of `platform`, every function degrades quietly: storage that the browser
//! refuses (private mode, a sandboxed frame, a full quota) reads as empty and writes as failed,
//! and nothing here panics.

use wasm_bindgen::{JsCast, JsValue};

/// The value of the query parameter `name` in the page's address: `Some("")` for a bare flag
/// such as `?kiosk`, `None` when absent.
pub fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get(name)
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The text stored under `key` on this device, if any (and if storage is available).
pub fn storage_get(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Stores `value` under `key`; `false` when the browser refuses (quota, privacy settings).
pub fn storage_set(key: &str, value: &str) -> bool {
    local_storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

/// Removes `key` from this device's storage.
pub fn storage_remove(key: &str) {
    if let Some(s) = local_storage() {
        let _ = s.remove_item(key);
    }
}

/// Opens the browser's print dialog.
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Offers `body` as a file download named `name` with media type `mime`. Nothing leaves the
/// device: the file is made from memory (a `blob:` address, revoked afterwards).
pub fn download(name: &str, mime: &str, body: &str) -> bool {
    let run = || -> Option<()> {
        let document = web_sys::window()?.document()?;
        let parts = js_sys::Array::of1(&JsValue::from_str(body));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let a: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
        a.set_href(&url);
        a.set_download(name);
        a.click();
        let _ = web_sys::Url::revoke_object_url(&url);
        Some(())
    };
    run().is_some()
}

/// The size in bytes of a file the reader chose or dropped, as the system gives it (before
/// reading it, so that a file too large is refused unread: `domain::format::refuse_unread`).
pub fn file_size(file: &web_sys::File) -> u64 {
    file.size() as u64
}

/// The text of a file the reader chose or dropped, decoded as UTF-8 (a leading byte-order mark
/// dropped, as browsers do); `None` when the browser cannot read it.
pub async fn read_file(file: web_sys::File) -> Option<String> {
    wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()?
        .as_string()
}

/// The first file of a file input, if one was chosen.
pub fn chosen_file(input: &web_sys::HtmlInputElement) -> Option<web_sys::File> {
    input.files()?.get(0)
}

/// The first file dropped in a drag-and-drop event, if any.
pub fn dropped_file(event: &web_sys::DragEvent) -> Option<web_sys::File> {
    event.data_transfer()?.files()?.get(0)
}

/// Milliseconds since the epoch, from the device clock (for the kiosk's idle timer only).
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Calls `on_activity` whenever the reader touches, clicks, types or scrolls anywhere in the
/// page. The listeners stop when the returned values are dropped.
pub fn on_activity(on_activity: impl Fn() + 'static) -> Vec<gloo::events::EventListener> {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return Vec::new();
    };
    let on_activity = std::rc::Rc::new(on_activity);
    ["pointerdown", "keydown", "wheel", "touchstart", "input"]
        .into_iter()
        .map(|event| {
            let f = on_activity.clone();
            gloo::events::EventListener::new(&document, event, move |_| f())
        })
        .collect()
}

/// Replaces the whole page with a recovery message when the app panics, instead of leaving a
/// blank or frozen page. The message is built from fixed words with `textContent` (never HTML),
/// and its "Start again" link reloads the app at the same address (keeping `?kiosk` or
/// `?embed`), where stored answers are found again.
pub fn show_recovery_page(title: &str, body: &str, button: &str) {
    let run = || -> Option<()> {
        let window = web_sys::window()?;
        let document = window.document()?;
        let body_el = document.body()?;
        let location = window.location();
        let search = location.search().ok().unwrap_or_default();
        let search = search
            .replace("selftest=panic&", "")
            .replace("&selftest=panic", "")
            .replace("?selftest=panic", "");
        let href = format!("{}{}", location.pathname().ok()?, search);
        let main = document.create_element("main").ok()?;
        main.set_class_name("wrap recovery");
        let h1 = document.create_element("h1").ok()?;
        h1.set_text_content(Some(title));
        let p = document.create_element("p").ok()?;
        p.set_text_content(Some(body));
        let a = document.create_element("a").ok()?;
        a.set_class_name("button button--primary");
        a.set_attribute("href", &href).ok()?;
        a.set_text_content(Some(button));
        let actions = document.create_element("p").ok()?;
        actions.set_class_name("actions");
        actions.append_child(&a).ok()?;
        main.append_child(&h1).ok()?;
        main.append_child(&p).ok()?;
        main.append_child(&actions).ok()?;
        body_el.set_text_content(None);
        body_el.append_child(&main).ok()?;
        Some(())
    };
    let _ = run();
}
