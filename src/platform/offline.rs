//! Offline use: registers the service worker (`sw.js`, generated after every build by
//! `tools/sw.mjs`), which keeps a copy of the whole app so that it also runs without a network.
//!
//! The worker is registered only once the page has finished loading, so that its download of
//! the rest of the app never competes with (or counts towards) the first load. It goes through
//! `js_sys::Reflect` on `navigator.serviceWorker`, so no extra `web-sys` features are needed.
//! Anything missing or failing (a `file:` page, a browser without service workers, a refused
//! registration) is ignored quietly: the app works the same, only not offline.

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// The service worker script, relative to the page (its folder is the worker's scope).
const SCRIPT: &str = "sw.js";

/// Registers the service worker once the page has loaded (now, if it already has), over
/// http(s) only. Never fails and never panics.
pub fn register_when_loaded() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let protocol = window.location().protocol().unwrap_or_default();
    if protocol != "http:" && protocol != "https:" {
        return;
    }
    let complete = window
        .document()
        .is_some_and(|d| d.ready_state() == "complete");
    if complete {
        register();
    } else {
        gloo::events::EventListener::once(&window, "load", |_| register()).forget();
    }
}

/// `navigator.serviceWorker.register("sw.js")`, with any error swallowed.
fn register() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let container = Reflect::get(&window.navigator(), &JsValue::from_str("serviceWorker"))
        .ok()
        .filter(|c| c.is_object());
    let Some(container) = container else {
        return;
    };
    let register = Reflect::get(&container, &JsValue::from_str("register"))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok());
    let Some(register) = register else {
        return;
    };
    if let Ok(promise) = register.call1(&container, &JsValue::from_str(SCRIPT)) {
        if let Ok(promise) = promise.dyn_into::<Promise>() {
            // Awaiting the promise keeps a rejection from being reported as unhandled.
            super::spawn(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            });
        }
    }
}
