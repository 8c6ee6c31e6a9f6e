//! "Continue from a saved summary": load an answers file (file picker or drag and drop), or
//! the answers carried by a hand-off link, check it strictly, show what it holds, and only
//! replace the current answers when the reader confirms. A refused file changes nothing.
//!
//! The strict reading (`domain::format::parse`, `wire::codec::from_fragment`) runs in the
//! report worker, so the first-load app carries no JSON reader: [`read`] sends the text and
//! gets the answers back in `flow::answer`'s line form.

use yew::prelude::*;

use crate::domain::dates::parse_iso;
use crate::domain::format::{refuse_unread, AnswersFile, FormatError, FORMAT_VERSION};
use crate::engine::RULES_VERSION;
use crate::platform::worker::{self, Job, Reply};
use crate::platform::{self, device};
use crate::text::render::format_date;
use crate::text::{tr, tr_with, Lang};
use crate::wire::digest::digest_from_text;
use crate::wire::lines::from_lines;

/// Why loading did not work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The file or link was refused.
    Format(FormatError),
    /// It could not be read just now (the worker failed).
    Failed,
}

/// Reads an answers file ([`Job::ReadFile`]) or a link's fragment ([`Job::ReadFragment`]) in
/// the report worker.
pub async fn read(job: Job, text: &str) -> Result<AnswersFile, Refusal> {
    let reply = worker::request(job, Lang::En, chrono::NaiveDate::default(), "", text).await;
    match reply {
        Ok(Reply::Loaded {
            lines,
            today,
            rules_version,
            result,
        }) => {
            let answers = from_lines(&lines).ok_or(Refusal::Failed)?;
            let mut file = AnswersFile::new(answers, None, parse_iso(&today));
            file.rules_version = rules_version;
            file.result = match result {
                Some(text) => Some(digest_from_text(&text).ok_or(Refusal::Failed)?),
                None => None,
            };
            Ok(file)
        }
        Ok(_) => Err(Refusal::Failed),
        Err(e) => Err(FormatError::from_code(&e).map_or(Refusal::Failed, Refusal::Format)),
    }
}

/// Why a file or link was refused, as the words to show.
pub fn error_message(lang: Lang, e: &Refusal) -> String {
    let Refusal::Format(e) = e else {
        return tr(lang, "load.error.failed").to_string();
    };
    match e {
        FormatError::TooLarge { .. } => tr(lang, "load.error.too_large").to_string(),
        FormatError::NotJson { .. } | FormatError::NotAnswersFile => {
            tr(lang, "load.error.not_answers").to_string()
        }
        FormatError::UnsupportedVersion { version } if *version > u64::from(FORMAT_VERSION) => {
            tr(lang, "load.error.newer").to_string()
        }
        FormatError::UnsupportedVersion { .. } => tr(lang, "load.error.older").to_string(),
        FormatError::Field { path, .. } => tr_with(lang, "load.error.field", &[("field", path)]),
        FormatError::ChecksumMismatch => tr(lang, "load.error.checksum").to_string(),
    }
}

/// Properties of [`LoadPage`].
#[derive(Properties, PartialEq)]
pub struct LoadPageProps {
    /// The language to show.
    pub lang: Lang,
    /// The fragment of the hand-off link the page was opened by, if any.
    #[prop_or_default]
    pub from_link: Option<String>,
    /// Called with the file when the reader confirms.
    pub on_restore: Callback<AnswersFile>,
    /// Called to leave without loading.
    pub on_cancel: Callback<()>,
}

/// The load page.
#[function_component(LoadPage)]
pub fn load_page(props: &LoadPageProps) -> Html {
    let lang = props.lang;
    let outcome = use_state(|| None::<Result<AnswersFile, Refusal>>);
    let over = use_state(|| false);
    {
        let outcome = outcome.clone();
        use_effect_with(props.from_link.clone(), move |link| {
            if let Some(link) = link.clone() {
                platform::spawn(async move {
                    outcome.set(Some(read(Job::ReadFragment, &link).await));
                });
            }
        });
    }
    let take = {
        let outcome = outcome.clone();
        Callback::from(move |file: web_sys::File| {
            let outcome = outcome.clone();
            platform::spawn(async move {
                // A file too large is refused unread, by its size as the system gives it.
                let result = match refuse_unread(device::file_size(&file)) {
                    Some(e) => Err(Refusal::Format(e)),
                    None => match device::read_file(file).await {
                        Some(text) => read(Job::ReadFile, &text).await,
                        None => Err(Refusal::Format(FormatError::NotAnswersFile)),
                    },
                };
                outcome.set(Some(result));
            });
        })
    };
    let on_change = {
        let take = take.clone();
        Callback::from(move |e: Event| {
            let input: Option<web_sys::HtmlInputElement> = e.target_dyn_into();
            if let Some(file) = input.as_ref().and_then(device::chosen_file) {
                take.emit(file);
            }
        })
    };
    let on_drop = {
        let over = over.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(false);
            if let Some(file) = device::dropped_file(&e) {
                take.emit(file);
            }
        })
    };
    let on_drag_over = {
        let over = over.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(true);
        })
    };
    let on_drag_leave = {
        let over = over.clone();
        Callback::from(move |_: DragEvent| over.set(false))
    };
    let from_link = props.from_link.is_some();
    let cancel = props.on_cancel.clone();
    let back = html! {
        <p class="back"><button type="button" class="link-button"
            onclick={Callback::from(move |_: MouseEvent| cancel.emit(()))}>{ tr(lang, "ui.back") }</button></p>
    };
    let error = match &*outcome {
        Some(Err(e)) => Some(error_message(lang, e)),
        _ => None,
    };
    // A refusal is announced: focus moves to its summary (as for a wrong answer).
    use_effect_with(error.clone(), |error| {
        if error.is_some() {
            platform::focus_selector(".error-summary");
        }
    });
    if let Some(Ok(file)) = &*outcome {
        let restore = {
            let on_restore = props.on_restore.clone();
            let file = file.clone();
            Callback::from(move |_: MouseEvent| on_restore.emit(file.clone()))
        };
        let cancel = props.on_cancel.clone();
        let saved = file
            .today
            .map(|d| tr_with(lang, "load.found.dated", &[("date", &format_date(lang, d))]))
            .unwrap_or_else(|| tr(lang, "load.found").to_string());
        let version = file
            .rules_version
            .as_deref()
            .filter(|v| *v != RULES_VERSION);
        return html! {
            <>
                { back }
                <h1 tabindex="-1">{ tr(lang, "load.confirm.title") }</h1>
                <p>{ saved }</p>
                if let Some(v) = version {
                    <p class="notice">{ tr_with(lang, "load.rules_differ", &[("saved", v), ("current", RULES_VERSION)]) }</p>
                }
                <p>{ tr(lang, "load.confirm.body") }</p>
                <p class="actions">
                    <button type="button" class="button button--primary" onclick={restore}>{ tr(lang, "load.confirm.yes") }</button>
                    <button type="button" class="button button--secondary"
                        onclick={Callback::from(move |_: MouseEvent| cancel.emit(()))}>{ tr(lang, "load.confirm.no") }</button>
                </p>
            </>
        };
    }
    html! {
        <>
            { back }
            if let Some(message) = error {
                <div class="error-summary" role="alert" tabindex="-1">
                    <h2 class="error-summary__title">{ tr(lang, if from_link { "load.error.link_title" } else { "load.error.title" }) }</h2>
                    <p>{ message }</p>
                    <p>{ tr(lang, "load.error.kept") }</p>
                </div>
            }
            <h1 tabindex="-1">{ tr(lang, "load.title") }</h1>
            <p>{ tr(lang, "load.body") }</p>
            <div class={classes!("drop-zone", (*over).then_some("drop-zone--over"))}
                 ondrop={on_drop} ondragover={on_drag_over} ondragleave={on_drag_leave}>
                <label class="label" for="answers-file">{ tr(lang, "load.choose") }</label>
                <p class="hint">{ tr(lang, "load.drop") }</p>
                <input class="input" type="file" id="answers-file" accept=".json,application/json"
                       onchange={on_change} />
            </div>
        </>
    }
}
