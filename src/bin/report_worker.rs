//! The report worker: a web worker (built by Trunk from `index.html`'s
//! `data-type="worker"` link, as `report_worker_loader.js`) that makes the downloadable files,
//! so that their code is not part of the app's first load.
//!
//! Protocol (plain JS objects, see `platform::worker` for the client):
//!
//! - once started, the worker posts `{ready: true}`; messages sent before that would be lost;
//!   requests are answered one at a time, in the order they came;
//! - request: `{id, kind, lang, today, answers, text}`, where `kind` is `"summary"`,
//!   `"calendar"`, `"answers"` (the answers file to download, sealed, with a result digest),
//!   `"result"` (the result page's words, `report::view`, in `body`), `"read"` (read the
//!   answers file or, with `mode: "fragment"`, the hand-off link's fragment in `text`; replies
//!   `{lines, today, rules_version, result}` or an error `too_large`, `not_answers`,
//!   `version:N`, `field:PATH`, `checksum`) or `"qr"`, `lang` is a language code (`text::Lang::code`), `today` is `YYYY-MM-DD`, `answers` is
//!   an answers file (JSON, format v1) and `text` is what the QR code encodes (for a summary,
//!   a non-empty `text` adds its QR code to the page);
//! - reply: `{id, ok: true, name, mime, body}` for a file, `{id, ok: true, size, path}` for a
//!   QR code (`path` is an SVG path `d` in module units, quiet zone not included), or
//!   `{id, ok: false, error}`.
//!
//! The worker fetches a language's catalogues, `text/<lang>.txt` (but English's, which is
//! embedded) and `text/<lang>.result.txt` (relative to itself, with `platform::load_words`),
//! once per language, and bokmål's for the staff copy. It starts fetching every catalogue a
//! result in the page's language needs as soon as it runs (`?lang=` in its address, set by
//! `platform::worker`), all at once rather than one after another; a request in another
//! language fetches what it lacks the same way. It never panics on a message: anything
//! unexpected is answered with `ok: false`. Natively this binary does nothing.

#[cfg(target_arch = "wasm32")]
mod worker {
    use std::cell::{Cell, RefCell};
    use std::collections::VecDeque;

    use chrono::NaiveDate;
    use js_sys::{Object, Promise, Reflect};
    use residence_checker::domain::case::Case;
    use residence_checker::domain::format;
    use residence_checker::engine::evaluate;
    use residence_checker::platform::load_words;
    use residence_checker::report::html::summary_html;
    use residence_checker::report::ics::calendar_ics;
    use residence_checker::report::qr::{qr, svg_path};
    use residence_checker::report::view::build;
    use residence_checker::report::{answers_file, file_name, FileKind};
    use residence_checker::text::render::error_text;
    use residence_checker::text::{Lang, Part};
    use residence_checker::wire::codec;
    use residence_checker::wire::lines::to_lines;
    use residence_checker::wire::{digest::digest_to_text, view::encode};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    fn scope() -> DedicatedWorkerGlobalScope {
        js_sys::global().unchecked_into()
    }

    /// Sets a field of a reply (setting a field of a plain object cannot fail).
    fn set(object: &Object, key: &str, value: JsValue) {
        let _ = Reflect::set(object, &JsValue::from_str(key), &value);
    }

    fn string_field(data: &JsValue, key: &str) -> Option<String> {
        Reflect::get(data, &JsValue::from_str(key))
            .ok()
            .and_then(|v| v.as_string())
    }

    /// Answers one request: the reply's fields besides `id`.
    async fn answer(data: &JsValue) -> Result<Object, String> {
        let kind = string_field(data, "kind").ok_or("no kind")?;
        let text = string_field(data, "text").unwrap_or_default();
        let reply = Object::new();
        if kind == "qr" {
            let code = qr(&text).ok_or("the text is too long for a QR code")?;
            set(&reply, "size", JsValue::from(code.size));
            set(&reply, "path", JsValue::from(svg_path(&code)));
            return Ok(reply);
        }
        if kind == "read" {
            // A file, a stored state or a hand-off link's fragment: read strictly here (the
            // page carries no JSON reader) and handed back as `wire::lines::to_lines`.
            let loaded = match string_field(data, "mode").as_deref() {
                Some("fragment") => codec::from_fragment(&text),
                _ => format::parse(&text),
            }
            .map_err(|e| e.code())?;
            set(&reply, "lines", JsValue::from(to_lines(&loaded.answers)));
            let today = loaded.today.map(|d| d.to_string()).unwrap_or_default();
            set(&reply, "today", JsValue::from(today));
            // Absent stays absent, and empty stays empty: the checksum covers both.
            if let Some(rules) = &loaded.rules_version {
                set(&reply, "rules_version", JsValue::from(rules.as_str()));
            }
            if let Some(result) = &loaded.result {
                set(&reply, "result", JsValue::from(digest_to_text(result)));
            }
            return Ok(reply);
        }
        let file = match kind.as_str() {
            "summary" => FileKind::Summary,
            "calendar" => FileKind::Dates,
            "answers" => FileKind::Answers,
            "result" => FileKind::Summary,
            other => return Err(format!("unknown kind {other:?}")),
        };
        let code = string_field(data, "lang").unwrap_or_default();
        let lang = Lang::ALL
            .into_iter()
            .find(|l| l.code() == code)
            .ok_or_else(|| format!("unknown language {code:?}"))?;
        let today: NaiveDate = string_field(data, "today")
            .and_then(|t| t.parse().ok())
            .ok_or("today is not a date (YYYY-MM-DD)")?;
        let answers = string_field(data, "answers").ok_or("no answers")?;
        let loaded = format::parse(&answers).map_err(|e| e.to_string())?;
        let answers = loaded.answers;
        // Every catalogue at once (those already on their way are waited for, not fetched
        // again); the bokmål ones for the staff copy of a result (report::view::staff_copy).
        let needed = catalogues(lang, kind == "result");
        for &(lang, part) in &needed {
            prefetch(lang, part);
        }
        for (lang, part) in needed {
            words(lang, part).await?;
        }
        if kind == "result" {
            // The result page's words, compared with a loaded file's saved result if any.
            let view = build(lang, today, &answers, loaded.result.as_ref());
            set(&reply, "body", JsValue::from(encode(&view)));
            return Ok(reply);
        }
        let case = Case::from_answers(&answers, today).map_err(|errors| {
            errors
                .iter()
                .map(|e| error_text(lang, e))
                .collect::<Vec<_>>()
                .join("\n")
        })?;
        let decision = evaluate(&case, today);
        let body = match file {
            // The answers file to keep: with the rules version, the day, a digest of the
            // result (so a later load can show what changed) and the checksum.
            FileKind::Answers => answers_file(&answers, today, &decision),
            FileKind::Summary => {
                let code = if text.is_empty() { None } else { qr(&text) };
                summary_html(lang, today, &answers, &decision, code.as_ref())
            }
            _ => calendar_ics(lang, today, &decision).ok_or("there are no dates")?,
        };
        set(&reply, "name", JsValue::from(file_name(file, today)));
        set(&reply, "mime", JsValue::from_str(file.mime()));
        set(&reply, "body", JsValue::from(body));
        Ok(reply)
    }

    /// The catalogues a request in `lang` needs: the language's two, and bokmål's two for a
    /// result's staff copy.
    fn catalogues(lang: Lang, staff_copy: bool) -> Vec<(Lang, Part)> {
        let mut langs = vec![lang];
        if staff_copy && lang != Lang::Nb {
            langs.push(Lang::Nb);
        }
        langs
            .into_iter()
            .flat_map(|l| [(l, Part::Start), (l, Part::Results)])
            .filter(|&(l, part)| l.words(part).is_none())
            .collect()
    }

    /// Starts fetching a catalogue, unless it is there or on its way; returns the fetch to wait
    /// for.
    fn prefetch(lang: Lang, part: Part) -> Option<Promise> {
        if lang.words(part).is_some() {
            return None;
        }
        Some(LOADING.with_borrow_mut(|loading| {
            if let Some((_, promise)) = loading.iter().find(|(key, _)| *key == (lang, part)) {
                return promise.clone();
            }
            let promise = wasm_bindgen_futures::future_to_promise(async move {
                load_words(lang, part)
                    .await
                    .map(|()| JsValue::TRUE)
                    .map_err(JsValue::from)
            });
            loading.push(((lang, part), promise.clone()));
            promise
        }))
    }

    /// A catalogue, installed: fetched, or waited for if it is on its way already.
    async fn words(lang: Lang, part: Part) -> Result<(), String> {
        let Some(promise) = prefetch(lang, part) else {
            return Ok(());
        };
        let loaded = wasm_bindgen_futures::JsFuture::from(promise.clone()).await;
        // Done either way: the words are installed, or the next request fetches again.
        LOADING.with_borrow_mut(|l| l.retain(|(_, p)| !Object::is(p, &promise)));
        loaded
            .map(|_| ())
            .map_err(|e| e.as_string().unwrap_or_else(|| "a catalogue failed".into()))
    }

    /// The page's language, from the worker's address (`?lang=`), if one the checker speaks.
    fn page_lang() -> Option<Lang> {
        let location = Reflect::get(&js_sys::global(), &"location".into()).ok()?;
        let search = string_field(&location, "search")?;
        let code = search.strip_prefix("?lang=")?;
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    async fn handle(data: JsValue) {
        let id = Reflect::get(&data, &JsValue::from_str("id")).unwrap_or(JsValue::UNDEFINED);
        let reply = match answer(&data).await {
            Ok(reply) => {
                set(&reply, "ok", JsValue::TRUE);
                reply
            }
            Err(error) => {
                let reply = Object::new();
                set(&reply, "ok", JsValue::FALSE);
                set(&reply, "error", JsValue::from(error));
                reply
            }
        };
        set(&reply, "id", id);
        // Posting a plain object of strings and numbers cannot fail to clone.
        let _ = scope().post_message(&reply);
    }

    thread_local! {
        /// Requests not yet answered, oldest first.
        static QUEUE: RefCell<VecDeque<JsValue>> = const { RefCell::new(VecDeque::new()) };
        /// Whether a loop is answering the queue.
        static BUSY: Cell<bool> = const { Cell::new(false) };
        /// Catalogues on their way, so that a request waits for the fetch the worker's start
        /// began instead of starting another.
        static LOADING: RefCell<Vec<((Lang, Part), Promise)>> = const { RefCell::new(Vec::new()) };
    }

    /// Answers the queued requests one at a time, in order: a second request in the same
    /// language then finds the words the first one fetched.
    async fn drain() {
        while let Some(data) = QUEUE.with_borrow_mut(|q| q.pop_front()) {
            handle(data).await;
        }
        BUSY.set(false);
    }

    /// Listens for requests, then tells the page it is ready.
    pub fn start() {
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
            QUEUE.with_borrow_mut(|q| q.push_back(event.data()));
            if !BUSY.replace(true) {
                wasm_bindgen_futures::spawn_local(drain());
            }
        });
        let scope = scope();
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // The worker lives as long as the page: its listener is never removed.
        on_message.forget();
        let ready = Object::new();
        set(&ready, "ready", JsValue::TRUE);
        let _ = scope.post_message(&ready);
        // What a result in the page's language will need, while the reader answers.
        if let Some(lang) = page_lang() {
            for (lang, part) in catalogues(lang, true) {
                prefetch(lang, part);
            }
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    worker::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
