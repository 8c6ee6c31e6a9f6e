//! The start page as the app's first render shows it, for the build to write into the page
//! (`src/bin/prerender.rs`, yew's server renderer): so it is on screen, usable, before the
//! WebAssembly has arrived, and the app takes it over without a visible change
//! (`platform::page`, `assets/boot.js`).
//!
//! [`PrerenderedStart`] renders the same [`Frame`] and [`StartPage`] as [`super::App`], with
//! the properties the app gives them on the start page of each kind of [`Visit`]; the
//! callbacks do nothing (the boot script keeps a click until the app runs). The end-to-end
//! test `tests/e2e/instant.test.mjs` compares the two markups in the browser and fails on any
//! difference.

use yew::prelude::*;

use super::pages::StartPage;
use super::Frame;
use crate::text::Lang;

/// Who opens the start page: each is pre-rendered, and the boot script shows the one that
/// applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Visit {
    /// Nothing kept on this device.
    Fresh,
    /// Answers kept on this device (normal mode): the start page says so, and the footer offers
    /// to forget them.
    Returning,
    /// A kiosk (`?kiosk`): "Start over" in the header; nothing is ever kept.
    Kiosk,
}

impl Visit {
    /// Every kind of visit.
    pub const ALL: [Visit; 3] = [Visit::Fresh, Visit::Returning, Visit::Kiosk];

    /// The name the boot script knows it by (`<template data-visit="…">`).
    pub fn name(self) -> &'static str {
        match self {
            Visit::Fresh => "fresh",
            Visit::Returning => "returning",
            Visit::Kiosk => "kiosk",
        }
    }
}

/// Properties of [`PrerenderedStart`].
#[derive(Properties, PartialEq)]
pub struct PrerenderedStartProps {
    /// The language of the page.
    pub lang: Lang,
    /// Whose visit.
    pub visit: Visit,
}

/// The whole start page (everything the app puts in `<body>`) for one language and visit.
#[function_component(PrerenderedStart)]
pub fn prerendered_start(props: &PrerenderedStartProps) -> Html {
    let (lang, visit) = (props.lang, props.visit);
    let returning = visit == Visit::Returning;
    let frame = Frame {
        lang,
        on_lang: Callback::noop(),
        start_over: (visit == Visit::Kiosk).then(Callback::noop),
        // The kiosk's idle guard shows nothing until it warns.
        guard: Html::default(),
        forget: returning.then(Callback::noop),
    };
    frame.around(html! {
        <StartPage {lang} on_start={Callback::noop()}
            on_load={(visit != Visit::Kiosk).then(Callback::noop)}
            saved={returning} notice={None} />
    })
}
