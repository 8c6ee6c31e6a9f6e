//! The page's side of the report worker (`src/bin/report_worker.rs`): starts it ahead of use
//! ([`warm`], with the language, so it fetches that language's catalogues as it starts) or on
//! first use, sends it requests and matches its replies by id. Kept small: this is in the first
//! load.
//!
//! A request fails (`Err`) when the worker reports an error, when the worker cannot start or
//! fails, or when no reply comes within ten seconds. After a failure of the worker itself the
//! next request starts a new one.

use std::cell::RefCell;

use chrono::NaiveDate;
use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};

use crate::text::Lang;

/// The script Trunk writes for the worker (workers are not hashed).
const SCRIPT: &str = "report_worker_loader.js";
/// How long to wait for a reply, in milliseconds.
const TIMEOUT_MS: i32 = 10_000;

/// What to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Job {
    /// The summary page (HTML file).
    Summary,
    /// The calendar file of the key dates.
    Calendar,
    /// The QR code of the request's text.
    Qr,
    /// The answers file to download.
    Answers,
    /// The result page's words (`report::view`), in the reply's `body`.
    Result,
    /// Read an answers file (the request's text).
    ReadFile,
    /// Read a hand-off link's fragment (the request's text).
    ReadFragment,
}

/// What the worker made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// A file to download.
    File {
        /// The file name, with the date.
        name: String,
        /// Its media type.
        mime: String,
        /// Its contents.
        body: String,
    },
    /// Answers read from a file or link: `wire::lines::to_lines`, the day and rules version
    /// it was saved with, and its result digest as `wire::digest::digest_to_text` (`None` when the
    /// file has none; an empty value is kept as empty).
    Loaded {
        /// The answers, as lines.
        lines: String,
        /// `YYYY-MM-DD` or empty.
        today: String,
        /// The rules version, if the file has one.
        rules_version: Option<String>,
        /// The result digest, if the file has one.
        result: Option<String>,
    },
    /// A QR code: `size` modules per side, `path` the SVG path `d` of the dark modules (add a
    /// quiet zone of 4 modules in the `viewBox`).
    Qr {
        /// Modules per side.
        size: u32,
        /// The SVG path.
        path: String,
    },
}

struct State {
    worker: Worker,
    ready: bool,
    broken: bool,
    queue: Vec<JsValue>,
    pending: Vec<(u32, Function)>,
    next_id: u32,
    _listeners: [Closure<dyn FnMut(JsValue)>; 2],
}

thread_local! {
    static STATE: RefCell<Option<State>> = const { RefCell::new(None) };
}

fn field(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// Resolves the request `id` with `value` (a request that timed out is resolved already; its
/// late reply does nothing).
fn settle(id: u32, value: &JsValue) {
    let resolve = STATE.with_borrow_mut(|s| {
        let pending = &mut s.as_mut()?.pending;
        let at = pending.iter().position(|(i, _)| *i == id)?;
        Some(pending.swap_remove(at).1)
    });
    if let Some(resolve) = resolve {
        let _ = resolve.call1(&JsValue::NULL, value);
    }
}

/// Fails every waiting request and marks the worker for replacement.
fn fail_all() {
    let pending = STATE.with_borrow_mut(|s| match s {
        Some(s) => {
            s.broken = true;
            std::mem::take(&mut s.pending)
        }
        None => Vec::new(),
    });
    for (_, resolve) in pending {
        let _ = resolve.call1(&JsValue::NULL, &"the report worker failed".into());
    }
}

fn on_message(data: JsValue) {
    if field(&data, "ready").is_truthy() {
        let queue = STATE.with_borrow_mut(|s| match s {
            Some(s) => {
                s.ready = true;
                std::mem::take(&mut s.queue)
            }
            None => Vec::new(),
        });
        STATE.with_borrow(|s| {
            if let Some(s) = s {
                for message in &queue {
                    let _ = s.worker.post_message(message);
                }
            }
        });
    } else if let Some(id) = field(&data, "id").as_f64() {
        settle(id as u32, &data);
    }
}

/// Starts the worker for `lang` (`?lang=`: the catalogues it fetches at once).
fn start(lang: Lang) -> Result<State, JsValue> {
    let worker = Worker::new(&format!("{SCRIPT}?lang={}", lang.code()))?;
    let message = Closure::<dyn FnMut(JsValue)>::new(|event: JsValue| {
        on_message(event.unchecked_into::<MessageEvent>().data())
    });
    let error = Closure::<dyn FnMut(JsValue)>::new(|_| fail_all());
    worker.set_onmessage(Some(message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(error.as_ref().unchecked_ref()));
    Ok(State {
        worker,
        ready: false,
        broken: false,
        queue: Vec::new(),
        pending: Vec::new(),
        next_id: 0,
        _listeners: [message, error],
    })
}

/// Sends `message` (with a fresh id) to the worker, starting it for `lang` if needed; returns
/// the id.
fn send(message: &Object, lang: Lang) -> Result<u32, String> {
    STATE.with_borrow_mut(|slot| {
        if slot.as_ref().is_none_or(|s| s.broken) {
            if let Some(old) = slot.take() {
                old.worker.terminate();
            }
            *slot = Some(start(lang).map_err(|_| "the report worker could not start")?);
        }
        let s = slot.as_mut().ok_or("no worker")?;
        s.next_id = s.next_id.wrapping_add(1);
        let id = s.next_id;
        let _ = Reflect::set(message, &"id".into(), &id.into());
        if s.ready {
            s.worker
                .post_message(message)
                .map_err(|_| "the request could not be sent")?;
        } else {
            s.queue.push(message.into());
        }
        Ok(id)
    })
}

/// Asks the worker for a file or a QR code. `answers_json` is an answers file (format v1);
/// `text` is what the QR code encodes (for a summary, a non-empty `text` adds its QR code).
pub async fn request(
    job: Job,
    lang: Lang,
    today: NaiveDate,
    answers_json: &str,
    text: &str,
) -> Result<Reply, String> {
    let message = Object::new();
    let kind = match job {
        Job::Summary => "summary",
        Job::Calendar => "calendar",
        Job::Qr => "qr",
        Job::Answers => "answers",
        Job::Result => "result",
        Job::ReadFile | Job::ReadFragment => "read",
    };
    if job == Job::ReadFragment {
        let _ = Reflect::set(&message, &"mode".into(), &"fragment".into());
    }
    for (key, value) in [
        ("kind", kind),
        ("lang", lang.code()),
        ("today", &today.to_string()),
        ("answers", answers_json),
        ("text", text),
    ] {
        let _ = Reflect::set(&message, &key.into(), &value.into());
    }
    let id = send(&message, lang)?;
    let promise = Promise::new(&mut |resolve, _| {
        // The timer resolves the promise with a message after ten seconds, unless the reply
        // came first (a promise settles once). No closure is needed for it.
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_1(
                &resolve,
                TIMEOUT_MS,
                &"the report worker did not answer".into(),
            );
        }
        STATE.with_borrow_mut(|s| {
            if let Some(s) = s {
                s.pending.push((id, resolve));
            }
        })
    });
    let reply = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .unwrap_or_default();
    if let Some(error) = reply.as_string() {
        return Err(error);
    }
    let text = |key| field(&reply, key).as_string().unwrap_or_default();
    if !field(&reply, "ok").is_truthy() {
        return Err(text("error"));
    }
    if field(&reply, "lines").is_string() {
        return Ok(Reply::Loaded {
            lines: text("lines"),
            today: text("today"),
            rules_version: field(&reply, "rules_version").as_string(),
            result: field(&reply, "result").as_string(),
        });
    }
    Ok(match field(&reply, "size").as_f64() {
        Some(size) => Reply::Qr {
            size: size as u32,
            path: text("path"),
        },
        None => Reply::File {
            name: text("name"),
            mime: text("mime"),
            body: text("body"),
        },
    })
}

/// Starts the worker ahead of its first request, so that it loads, and fetches the catalogues
/// of `lang` that a result needs, while the reader answers the questions: the result page then
/// does not wait for it.
pub fn warm(lang: Lang) {
    STATE.with_borrow_mut(|slot| {
        if slot.is_none() {
            *slot = start(lang).ok();
        }
    });
}
