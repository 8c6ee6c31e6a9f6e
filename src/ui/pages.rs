//! The pages: small function components that show words from the catalogue and report clicks.

use yew::prelude::*;

use crate::text::{tr, Lang};

/// Properties of [`StartPage`].
#[derive(Properties, PartialEq)]
pub struct StartPageProps {
    /// The language to show.
    pub lang: Lang,
    /// Called when the reader presses Start.
    pub on_start: Callback<()>,
    /// Called for "Continue from a saved summary" (none in a kiosk: no file picker on a
    /// shared screen).
    #[prop_or_default]
    pub on_load: Option<Callback<()>>,
    /// Whether answers from an earlier visit are kept (Start continues with them).
    #[prop_or_default]
    pub saved: bool,
    /// A message about the stored answers (set aside, forgotten), by catalogue key.
    #[prop_or_default]
    pub notice: Option<&'static str>,
}

/// The start page: what the checker does, what it does not do, privacy, and a Start button.
#[function_component(StartPage)]
pub fn start_page(props: &StartPageProps) -> Html {
    let lang = props.lang;
    let t = |key| tr(lang, key);
    let list = |keys: &[&'static str]| {
        html! { <ul class="list">{ for keys.iter().map(|&k| html! { <li>{ t(k) }</li> }) }</ul> }
    };
    let on_start = props.on_start.clone();
    let on_load = props.on_load.clone();
    html! {
        <>
            <h1 tabindex="-1">{ t("start.title") }</h1>
            if !lang.reviewed() {
                <p class="translation-note">{ t("start.unreviewed") }</p>
            }
            if let Some(key) = props.notice {
                <p class="notice" role="status">{ t(key) }</p>
            }
            if props.saved {
                <p class="notice" role="status">{ t("start.saved") }</p>
            }
            <p class="lead">{ t("start.lead") }</p>
            // Embedded, this one line stands for the three sections (style/main.css).
            <p class="start-short">{ t("start.embed.short") }</p>
            <section class="start-long" aria-labelledby="does">
                <h2 id="does">{ t("start.does.heading") }</h2>
                { list(&["start.does.card", "start.does.cost", "start.does.dates", "start.does.abroad"]) }
            </section>
            <section class="start-long" aria-labelledby="doesnot">
                <h2 id="doesnot">{ t("start.doesnot.heading") }</h2>
                { list(&["start.doesnot.advice", "start.doesnot.apply", "start.doesnot.letter"]) }
            </section>
            <section class="start-long" aria-labelledby="privacy">
                <h2 id="privacy">{ t("start.privacy.heading") }</h2>
                <p>{ t("start.privacy.body") }</p>
            </section>
            <p class="actions">
                <button type="button" class="button button--primary"
                        onclick={Callback::from(move |_: MouseEvent| on_start.emit(()))}>
                    { t("start.button") }
                </button>
                if let Some(on_load) = on_load {
                    <button type="button" class="button button--secondary"
                            onclick={Callback::from(move |_: MouseEvent| on_load.emit(()))}>
                        { t("load.start") }
                    </button>
                }
            </p>
        </>
    }
}
