//! The page the app renders into, and how it takes over the pre-rendered start page.
//!
//! The built `index.html` holds the start page as the app's first render shows it (rendered at
//! build time from the same components, `ui::prerender`), and the boot script
//! (`assets/boot.js`) keeps it usable until the app runs: it picks the language and the
//! variant, switches the language, and keeps a click on Start or "Continue from a saved
//! summary". The app renders into a `<body>` of its own ([`app_root`]), not yet in the
//! document, and after each render offers it to the boot script ([`take_over`]), which swaps
//! it in once it shows the same page in the same language (one DOM operation, so nothing moves
//! on screen), then replays the kept click. Without the boot script (the wasm browser tests
//! mount the app elsewhere) nothing is pending and [`take_over`] does nothing.
//!
//! Also here: [`when_idle`], for work that must not delay what the reader is waiting for.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The boot script's function that swaps the app's body in (`assets/boot.js`).
const TAKE_OVER: &str = "residenceCheckerTakeOver";

thread_local! {
    /// The app's body while it is not yet the document's.
    static PENDING: RefCell<Option<web_sys::HtmlElement>> = const { RefCell::new(None) };
}

/// A `<body>` for the app to render into, outside the document until [`take_over`] puts it
/// in; `None` without a document.
pub fn app_root() -> Option<web_sys::Element> {
    let body = web_sys::window()?
        .document()?
        .create_element("body")
        .ok()?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()?;
    PENDING.set(Some(body.clone()));
    Some(body.into())
}

/// Offers the app's body to the boot script after a render: `lang` is the language the app
/// shows, `settled` whether it shows a page rather than a moment of waiting (for the chosen
/// language's start page, or for the answers stored on this device). Does nothing once the
/// app has taken over. Without the boot script, a settled body replaces the document's.
pub fn take_over(lang: &str, settled: bool) {
    let Some(body) = PENDING.with_borrow(|p| p.clone()) else {
        return;
    };
    let global = js_sys::global();
    let swap = js_sys::Reflect::get(&global, &TAKE_OVER.into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let taken = match swap {
        Some(swap) => swap
            .call3(&JsValue::NULL, &body, &lang.into(), &settled.into())
            .is_ok_and(|done| done.is_truthy()),
        None if settled => web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| {
                d.set_body(Some(&body));
                true
            }),
        None => false,
    };
    if taken {
        PENDING.set(None);
    }
}

/// The language the boot script chose for the page (`<html lang>`, once it has marked the page
/// with its `js` class): the address's `?lang=`, else the first of the browser's languages the
/// checker speaks, or the one the reader switched to before the app ran.
pub fn boot_lang() -> Option<String> {
    let root = web_sys::window()?.document()?.document_element()?;
    root.class_list()
        .contains("js")
        .then(|| root.get_attribute("lang"))
        .flatten()
}

/// Runs `task` when the browser is idle (`requestIdleCallback`, at most two seconds later),
/// or at once after the current task where the browser has no idle callbacks.
pub fn when_idle(task: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = Closure::once_into_js(task);
    let idle = js_sys::Reflect::get(&window, &"requestIdleCallback".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"timeout".into(), &2000.into());
    let scheduled = idle.is_some_and(|idle| idle.call2(&window, &callback, &options).is_ok());
    if !scheduled {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 0);
    }
}
