//! Keeping the result: downloads (summary page, answers file, calendar file) and the QR code
//! that carries the answers to the reader's own phone in the link's fragment (never sent to a
//! server). In kiosk mode there are no downloads: a file left on a shared machine would leak.

use chrono::NaiveDate;
use yew::prelude::*;

use crate::domain::answers::Answers;
use crate::domain::format::AnswersFile;
use crate::engine::RULES_VERSION;
use crate::platform::worker::{self, Job, Reply};
use crate::platform::{self, device};
use crate::text::{tr, Lang};
use crate::wire::codec;

/// The answers as an answers file (JSON), as the worker reads them. With the file the reader
/// restored, its rules version and saved result go along, so that the result page can say
/// what changed since.
pub fn answers_json(answers: &Answers, today: NaiveDate, restored: Option<&AnswersFile>) -> String {
    let mut file = AnswersFile::new(
        answers.clone(),
        restored.map_or(Some(RULES_VERSION), |r| r.rules_version.as_deref()),
        Some(today),
    );
    file.result = restored.and_then(|r| r.result.clone());
    codec::write(&file, false)
}

/// The link that continues with these answers: the app's public address (the `share`
/// parameter, for a kiosk served from a local address, else this page's address without its
/// query) and `#load=` with the sealed answers.
pub fn handoff_link(answers: &Answers) -> String {
    let base = device::query_param("share")
        .filter(|s| s.starts_with("https://") && !s.contains('#'))
        .unwrap_or_else(platform::page_address);
    let file = AnswersFile::new(answers.clone(), Some(RULES_VERSION), None);
    format!("{base}#load={}", codec::to_fragment(&file))
}

/// Properties of [`SavePanel`].
#[derive(Properties, PartialEq)]
pub struct SavePanelProps {
    /// The language to show.
    pub lang: Lang,
    /// The answers.
    pub answers: Answers,
    /// The day the rules are applied for.
    pub today: NaiveDate,
    /// Whether the result has dates (for the calendar file).
    pub has_dates: bool,
    /// Kiosk mode: no downloads.
    pub kiosk: bool,
}

/// A QR code drawn from the worker's path, with a quiet zone of four modules.
fn qr_svg(size: u32, path: &str, label: &str, class: &'static str) -> Html {
    let side = size + 8;
    html! {
        <svg class={classes!("qr", class)} viewBox={format!("-4 -4 {side} {side}")} role="img"
             aria-label={label.to_string()} shape-rendering="crispEdges">
            <path d={path.to_string()} fill="#000000" />
        </svg>
    }
}

/// Properties of [`QrCode`].
#[derive(Properties, PartialEq)]
pub struct QrCodeProps {
    /// What the code holds (an address).
    pub text: String,
    /// What it is, for screen readers.
    pub label: String,
    /// The size class (`qr--small` for a source's address).
    #[prop_or("qr--small")]
    pub class: &'static str,
    /// What to show instead when the text does not fit in a code.
    #[prop_or_default]
    pub fallback: Html,
}

/// A QR code of `text`, drawn when the report worker has made it.
#[function_component(QrCode)]
pub fn qr_code(props: &QrCodeProps) -> Html {
    let qr = use_state(|| None::<Option<(u32, String)>>);
    {
        let qr = qr.clone();
        use_effect_with(props.text.clone(), move |text| {
            let text = text.clone();
            platform::spawn(async move {
                let reply =
                    worker::request(Job::Qr, Lang::En, NaiveDate::default(), "", &text).await;
                qr.set(Some(match reply {
                    Ok(Reply::Qr { size, path }) => Some((size, path)),
                    _ => None,
                }));
            });
        });
    }
    match &*qr {
        Some(Some((size, path))) => qr_svg(*size, path, &props.label, props.class),
        Some(None) => props.fallback.clone(),
        // Its room is kept while it is drawn, so the page does not grow a moment later.
        None => html! { <div class={classes!("qr", props.class)} aria-hidden="true"></div> },
    }
}

/// The download buttons and the hand-off QR code.
#[function_component(SavePanel)]
pub fn save_panel(props: &SavePanelProps) -> Html {
    let lang = props.lang;
    let message = use_state(|| None::<String>);
    let link = use_memo(props.answers.clone(), handoff_link);
    let download = |job: Job, label: &'static str| {
        let answers = answers_json(&props.answers, props.today, None);
        let today = props.today;
        let message = message.clone();
        html! {
            <button type="button" class="button" onclick={Callback::from(move |_: MouseEvent| {
                let answers = answers.clone();
                let message = message.clone();
                platform::spawn(async move {
                    match worker::request(job, lang, today, &answers, "").await {
                        Ok(Reply::File { name, mime, body })
                            if device::download(&name, &mime, &body) => message.set(None),
                        _ => message.set(Some(tr(lang, "ui.save.failed").to_string())),
                    }
                });
            })}>{ tr(lang, label) }</button>
        }
    };
    html! {
        <>
            if !props.kiosk {
                <p>{ tr(lang, "ui.save.intro") }</p>
                <p>
                    { download(Job::Summary, "ui.save.summary") }
                    { download(Job::Answers, "ui.save.answers") }
                    if props.has_dates { { download(Job::Calendar, "ui.save.calendar") } }
                </p>
                if let Some(m) = &*message {
                    <p class="error-message" role="alert">{ m }</p>
                }
            }
            <div class="handoff">
                // At the top of a kiosk's result, a heading of the page's first level below h1.
                if props.kiosk {
                    <h2>{ tr(lang, "ui.handoff.title") }</h2>
                } else {
                    <h3>{ tr(lang, "ui.handoff.title") }</h3>
                }
                <p>{ tr(lang, "ui.handoff.body") }</p>
                <QrCode text={(*link).clone()} label={tr(lang, "ui.handoff.title").to_string()}
                    class="qr--handoff"
                    fallback={html! { <p class="hint">{ tr(lang, "ui.handoff.too_long") }</p> }} />
            </div>
        </>
    }
}
