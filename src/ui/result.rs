//! The result page: findings in plain language, most important first, each with "why" (its
//! rules and sources with their addresses, recorded conflicts, and what would settle a
//! "maybe"); key dates; the checklist; the rules version; the not-legal-advice line.

use chrono::NaiveDate;
use yew::prelude::*;

use crate::domain::answers::Answers;
use crate::domain::case::Case;
use crate::engine::decision::{Decision, Finding, ItemKind, Priority};
use crate::engine::evaluate;
use crate::text::render::{
    conflict_text, date_label, error_text, finding_body, finding_title, format_date, format_nok,
    item_text, missing_text, rule_title, situation_line,
};
use crate::text::{tr, tr_with, Lang};

/// Properties of [`ResultPage`].
#[derive(Properties, PartialEq)]
pub struct ResultPageProps {
    /// The language to show.
    pub lang: Lang,
    /// The answers.
    pub answers: Answers,
    /// The day the rules are applied for.
    pub today: NaiveDate,
    /// Called to go back to the check page.
    pub on_back: Callback<()>,
    /// Called to start over.
    pub on_start_over: Callback<()>,
    /// Kiosk mode: outside pages are shown as addresses (and QR codes), never as links that
    /// navigate away, and printing comes first.
    #[prop_or_default]
    pub kiosk: bool,
}

/// An outside address: a link, or in kiosk mode plain text (a shared screen must not wander
/// off to other sites).
fn address(url: &'static str, kiosk: bool) -> Html {
    if kiosk {
        html! { <span class="address">{ url }</span> }
    } else {
        html! { <a href={url} rel="noreferrer">{ url }</a> }
    }
}

fn finding_view(lang: Lang, f: &Finding, index: usize, kiosk: bool) -> Html {
    let rules = f
        .rules
        .iter()
        .map(|r| html! { <li>{ format!("{} – {}", r.as_str(), rule_title(lang, *r)) }</li> });
    let sources = f
        .sources
        .iter()
        .map(|s| html! { <li>{ address(s.url(), kiosk) }</li> });
    let conflicts = f
        .conflicts
        .iter()
        .map(|c| html! { <li>{ conflict_text(lang, *c) }</li> });
    let verdict = format!("finding--{}", f.verdict.as_str());
    html! {
        <article class={classes!("finding", verdict)} key={index}>
            <h3 class="finding__title">{ finding_title(lang, f) }</h3>
            { for finding_body(lang, f).into_iter().map(|p| html! { <p>{ p }</p> }) }
            if let Some(m) = missing_text(lang, f) {
                <p class="finding__missing">{ m }</p>
            }
            <details class="details">
                <summary class="details__summary">{ tr(lang, "ui.why") }</summary>
                <div class="details__text">
                    if !f.conflicts.is_empty() {
                        <p><strong>{ tr(lang, "ui.conflict") }</strong></p>
                        <ul class="list">{ for conflicts }</ul>
                    }
                    <p><strong>{ tr(lang, "ui.rules") }</strong></p>
                    <ul class="list">{ for rules }</ul>
                    <p><strong>{ tr(lang, "ui.sources") }</strong></p>
                    <ul class="list list--sources">{ for sources }</ul>
                </div>
            </details>
        </article>
    }
}

fn decision_view(lang: Lang, d: &Decision, kiosk: bool) -> Html {
    let section = |priority: Priority, key: &'static str| {
        let items: Vec<Html> = d
            .findings
            .iter()
            .enumerate()
            .filter(|(_, f)| f.priority == priority)
            .map(|(i, f)| finding_view(lang, f, i, kiosk))
            .collect();
        if items.is_empty() {
            html! {}
        } else {
            html! {
                <section class="findings" aria-labelledby={format!("h-{key}")}>
                    <h2 id={format!("h-{key}")}>{ tr(lang, key) }</h2>
                    { for items }
                </section>
            }
        }
    };
    let dates = d.dates.iter().map(|k| {
        html! {
            <div class="summary-list__row">
                <dt class="summary-list__key">{ date_label(lang, k.key) }</dt>
                <dd class="summary-list__value">{ format_date(lang, k.date) }</dd>
            </div>
        }
    });
    let items = |kind: ItemKind| {
        d.checklist
            .iter()
            .filter(move |i| i.kind == kind)
            .map(move |i| {
                let mut extra = Vec::new();
                if let Some(due) = i.due {
                    extra.push(tr_with(
                        lang,
                        "ui.checklist.due",
                        &[("date", &format_date(lang, due))],
                    ));
                }
                if let Some(cost) = i.cost {
                    extra.push(tr_with(
                        lang,
                        "ui.checklist.cost",
                        &[("amount", &format_nok(lang, cost))],
                    ));
                }
                html! {
                    <li class="checklist__item">
                        <span class="checkbox" aria-hidden="true"></span>
                        { item_text(lang, i) }
                        if !extra.is_empty() { { format!(" ({})", extra.join(", ")) } }
                    </li>
                }
            })
    };
    let do_items: Vec<Html> = items(ItemKind::Do).collect();
    let bring_items: Vec<Html> = items(ItemKind::Bring).collect();
    html! {
        <>
            { section(Priority::Action, "ui.priority.action") }
            { section(Priority::Warning, "ui.priority.warning") }
            if !d.dates.is_empty() {
                <section aria-labelledby="h-dates">
                    <h2 id="h-dates">{ tr(lang, "ui.dates.title") }</h2>
                    <dl class="summary-list">{ for dates }</dl>
                </section>
            }
            if !d.checklist.is_empty() {
                <section class="checklist" aria-labelledby="h-checklist">
                    <h2 id="h-checklist">{ tr(lang, "ui.checklist.title") }</h2>
                    if !do_items.is_empty() {
                        <h3>{ tr(lang, "ui.checklist.do") }</h3>
                        <ul class="list">{ for do_items }</ul>
                    }
                    if !bring_items.is_empty() {
                        <h3>{ tr(lang, "ui.checklist.bring") }</h3>
                        <ul class="list">{ for bring_items }</ul>
                    }
                </section>
            }
            { section(Priority::Info, "ui.priority.info") }
            { sources_view(lang, d, kiosk) }
            <p class="rules-version">{ tr_with(lang, "ui.rules_version", &[("version", d.rules_version), ("date", &format_date(lang, d.rules_reviewed))]) }</p>
        </>
    }
}

/// Every source of the result once, as printed addresses: on paper (where the "Why?" details
/// stay closed), and on screen in kiosk mode.
fn sources_view(lang: Lang, d: &Decision, kiosk: bool) -> Html {
    let mut urls: Vec<&'static str> = Vec::new();
    for s in d.findings.iter().flat_map(|f| f.sources.iter()) {
        if !urls.contains(&s.url()) {
            urls.push(s.url());
        }
    }
    html! {
        <section class={classes!("sources", (!kiosk).then_some("print-only"))} aria-labelledby="h-sources">
            <h2 id="h-sources">{ tr(lang, "ui.sources") }</h2>
            <ul class="list list--sources">{ for urls.into_iter().map(|u| html! { <li>{ address(u, true) }</li> }) }</ul>
        </section>
    }
}

fn print_button(lang: Lang) -> Html {
    html! {
        <p><button type="button" class="button button--primary"
            onclick={Callback::from(|_: MouseEvent| crate::platform::device::print())}>
            { tr(lang, "ui.print") }
        </button></p>
    }
}

/// The result page.
#[function_component(ResultPage)]
pub fn result_page(props: &ResultPageProps) -> Html {
    let lang = props.lang;
    let kiosk = props.kiosk;
    let body = match Case::from_answers(&props.answers, props.today) {
        Ok(case) => decision_view(lang, &evaluate(&case, props.today), kiosk),
        // Answers are validated as they are given, so this is a safety net, not a path.
        Err(errors) => html! {
            <div class="error-summary" role="alert">
                <h2 class="error-summary__title">{ tr(lang, "ui.error.summary") }</h2>
                <ul class="error-summary__list">{ for errors.iter().map(|e| html! { <li>{ error_text(lang, e) }</li> }) }</ul>
            </div>
        },
    };
    let on_back = props.on_back.clone();
    let on_start_over = props.on_start_over.clone();
    html! {
        <>
            <p class="back"><button type="button" class="link-button"
                onclick={Callback::from(move |_: MouseEvent| on_back.emit(()))}>{ tr(lang, "ui.back") }</button></p>
            <h1 tabindex="-1">{ tr(lang, "ui.result.title") }</h1>
            <div class="print-only print-header">
                <p>{ tr_with(lang, "ui.print.made_on", &[("date", &format_date(lang, props.today))]) }</p>
                <p>{ situation_line(lang, &props.answers) }</p>
            </div>
            <p class="notice">{ tr(lang, "ui.not_advice") }</p>
            if kiosk { { print_button(lang) } }
            { body }
            <section class="save" aria-labelledby="h-save">
                <h2 id="h-save">{ tr(lang, "ui.save.title") }</h2>
                if !kiosk { { print_button(lang) } }
            </section>
            <p class="actions">
                <button type="button" class="button button--secondary"
                        onclick={Callback::from(move |_: MouseEvent| on_start_over.emit(()))}>
                    { tr(lang, "ui.start_over") }
                </button>
            </p>
        </>
    }
}
