//! The result page: findings in plain language, most important first, each with "why" (its
//! rules and sources with their addresses, recorded conflicts, and what would settle a
//! "maybe"); key dates; the checklist; the rules version; the not-legal-advice line; and the
//! ways to keep the result (print, download, continue on a phone).
//!
//! The words of the result come from the report worker as a [`ResultView`] (see
//! `report::view`): this page only lays them out.

use chrono::NaiveDate;
use yew::prelude::*;

use crate::domain::answers::Answers;
use crate::report::view::{FindingView, ResultView, StaffCopyView, StepView};
use crate::text::render::{format_date, situation_line};
use crate::text::{tr, tr_with, Lang};

/// Where the result's words stand.
#[derive(Debug, Clone, PartialEq)]
pub enum ViewState {
    /// Being worked out.
    Loading,
    /// Ready.
    Ready(std::rc::Rc<ResultView>),
    /// The worker failed (the reason, for the hint line).
    Failed(String),
}

/// Properties of [`ResultPage`].
#[derive(Properties, PartialEq)]
pub struct ResultPageProps {
    /// The language to show.
    pub lang: Lang,
    /// The answers.
    pub answers: Answers,
    /// The day the rules are applied for.
    pub today: NaiveDate,
    /// The result's words.
    pub view: ViewState,
    /// Called to try working out the result again after a failure.
    pub on_retry: Callback<()>,
    /// Called to go back to the check page.
    pub on_back: Callback<()>,
    /// Called to start over.
    pub on_start_over: Callback<()>,
    /// Called with a topic's key to check that topic next, keeping the answers.
    #[prop_or_default]
    pub on_topic: Callback<String>,
    /// Kiosk mode: outside pages are shown as addresses (and QR codes), never as links that
    /// navigate away, and printing comes first.
    #[prop_or_default]
    pub kiosk: bool,
    /// The ways to keep the result (downloads, the QR hand-off), below the print button.
    #[prop_or_default]
    pub children: Html,
}

/// An outside address: a link, or in kiosk mode plain text (a shared screen must not wander
/// off to other sites). Always left to right, also inside Arabic text.
fn address(url: &str, kiosk: bool) -> Html {
    if kiosk {
        html! { <span class="address" dir="ltr">{ url }</span> }
    } else {
        html! { <a href={url.to_string()} rel="noreferrer" dir="ltr">{ url }</a> }
    }
}

fn list(items: &[String], f: impl Fn(&str) -> Html) -> Html {
    html! { <ul class="list">{ for items.iter().map(|i| html! { <li>{ f(i) }</li> }) }</ul> }
}

fn text(s: &str) -> Html {
    html! { { s } }
}

fn finding_view(lang: Lang, f: &FindingView, kiosk: bool) -> Html {
    html! {
        <article class={classes!("finding", format!("finding--{}", f.verdict))} id={format!("f-{}", f.id)} tabindex="-1">
            <h3 class="finding__title">{ &f.title }</h3>
            { for f.body.iter().map(|p| html! { <p>{ p }</p> }) }
            if let Some(m) = &f.missing {
                <p class="finding__missing">{ m }</p>
            }
            <details class="details">
                <summary class="details__summary">{ tr(lang, "ui.why") }</summary>
                <div class="details__text">
                    if !f.conflicts.is_empty() {
                        <p><strong>{ tr(lang, "ui.conflict") }</strong></p>
                        { list(&f.conflicts, text) }
                    }
                    <p><strong>{ tr(lang, "ui.rules") }</strong></p>
                    { list(&f.rules, text) }
                    <p><strong>{ tr(lang, "ui.sources") }</strong></p>
                    <ul class="list list--sources">{ for f.sources.iter().map(|u| html! { <li>{ address(u, kiosk) }</li> }) }</ul>
                </div>
            </details>
        </article>
    }
}

fn checklist(items: &[String]) -> Html {
    html! {
        <ul class="list">
            { for items.iter().map(|i| html! {
                <li class="checklist__item"><span class="checkbox" aria-hidden="true"></span>{ i }</li>
            }) }
        </ul>
    }
}

/// One step of the plan: when, what, and why (buttons that move to the findings: the page's
/// own address fragment names pages, so no `#` links).
fn step_view(lang: Lang, n: usize, step: &StepView) -> Html {
    html! {
        <li class={classes!("step", format!("step--{}", step.state), (n == 0).then_some("step--next"))}>
            <span class="checkbox" aria-hidden="true"></span>
            <div class="step__body">
                if n == 0 {
                    <p class="step__next">{ tr(lang, "plan.next") }</p>
                }
                <p class="step__when"><strong>{ &step.when }</strong></p>
                <p class="step__text">{ &step.text }</p>
                if !step.why.is_empty() {
                    <p class="step__why">
                        { tr(lang, "plan.why") }{ " " }
                        { for step.why.iter().enumerate().map(|(i, (id, title))| {
                            let target = format!("f-{id}");
                            html! {
                                <>
                                    if i > 0 { { ", " } }
                                    <button type="button" class="link-button"
                                        onclick={Callback::from(move |_: MouseEvent| crate::platform::focus_by_id(&target))}>
                                        { title }
                                    </button>
                                </>
                            }
                        }) }
                    </p>
                }
            </div>
        </li>
    }
}

/// "Your plan": the numbered steps, what is already done, and what to bring. It leads the
/// result, the print (page 1) and the summary.
fn plan_view(lang: Lang, d: &ResultView) -> Html {
    html! {
        <section class="plan" aria-labelledby="h-plan">
            <h2 id="h-plan">{ tr(lang, "plan.title") }</h2>
            if d.plan.is_empty() {
                <p>{ tr(lang, "plan.none") }</p>
            } else {
                <p class="hint">{ tr(lang, "plan.hint") }</p>
                <ol class="steps">
                    { for d.plan.iter().enumerate().map(|(n, s)| step_view(lang, n, s)) }
                </ol>
            }
            if !d.done.is_empty() {
                <h3>{ tr(lang, "plan.done.title") }</h3>
                { list(&d.done, text) }
            }
            if !d.bring_items.is_empty() {
                <h3>{ tr(lang, "ui.checklist.bring") }</h3>
                { checklist(&d.bring_items) }
            }
        </section>
    }
}

/// "Other things that may concern you": each topic a button into its questions (the answers
/// are kept, so only what is new is asked).
fn other_topics(lang: Lang, d: &ResultView, on_topic: &Callback<String>) -> Html {
    if d.other_topics.is_empty() {
        return html! {};
    }
    html! {
        <section class="other-topics" aria-labelledby="h-other">
            <h2 id="h-other">{ tr(lang, "ui.other_topics.title") }</h2>
            <p class="hint">{ tr(lang, "ui.other_topics.hint") }</p>
            <ul class="list">
                { for d.other_topics.iter().map(|(key, words)| {
                    let on_topic = on_topic.clone();
                    let key = key.clone();
                    html! {
                        <li><button type="button" class="link-button" data-topic={key.clone()}
                            onclick={Callback::from(move |_: MouseEvent| on_topic.emit(key.clone()))}>
                            { words }
                        </button></li>
                    }
                }) }
            </ul>
        </section>
    }
}

fn decision_view(lang: Lang, d: &ResultView, kiosk: bool) -> Html {
    if !d.errors.is_empty() {
        // Answers are validated as they are given, so this is a safety net, not a path.
        return html! {
            <div class="error-summary" role="alert">
                <h2 class="error-summary__title">{ tr(lang, "ui.error.summary") }</h2>
                <ul class="error-summary__list">{ for d.errors.iter().map(|e| html! { <li>{ e }</li> }) }</ul>
            </div>
        };
    }
    let section = |priority: &'static str| {
        d.sections
            .iter()
            .filter(move |s| s.priority == priority)
            .map(|s| {
                let id = format!("h-{}", s.priority);
                html! {
                    <section class={classes!("findings", format!("findings--{}", s.priority))} aria-labelledby={id.clone()}>
                        <h2 {id}>{ &s.heading }</h2>
                        { for s.findings.iter().map(|f| finding_view(lang, f, kiosk)) }
                    </section>
                }
            })
    };
    html! {
        // The plan leads, on screen and on paper (page 1).
        <div class="result-body">
            { plan_view(lang, d) }
            if !d.changes.is_empty() {
                <section class="notice changes" aria-labelledby="h-changes">
                    <h2 id="h-changes">{ tr(lang, "ui.changes.title") }</h2>
                    { list(&d.changes, text) }
                </section>
            }
            { for section("action") }
            { for section("warning") }
            if !d.dates.is_empty() {
                <section class="dates" aria-labelledby="h-dates">
                    <h2 id="h-dates">{ tr(lang, "ui.dates.title") }</h2>
                    <dl class="summary-list">
                        { for d.dates.iter().map(|(label, date)| html! {
                            <div class="summary-list__row">
                                <dt class="summary-list__key">{ label }</dt>
                                <dd class="summary-list__value">{ date }</dd>
                            </div>
                        }) }
                    </dl>
                </section>
            }
            { for section("info") }
            // Every source once, as printed addresses: on paper (where "Why?" stays closed),
            // and on screen in kiosk mode, as one short list (the QR code at the top opens the
            // result, and its links, on the reader's phone).
            <section class={classes!("sources", (!kiosk).then_some("print-only"))} aria-labelledby="h-sources">
                <h2 id="h-sources">{ tr(lang, "ui.sources") }</h2>
                // Addresses run left to right as one paragraph on paper, also in Arabic (a
                // right-to-left paragraph broke them across lines and interleaved them).
                <ul class="list list--sources" dir="ltr">
                    { for d.sources.iter().map(|u| html! { <li>{ address(u, true) }</li> }) }
                </ul>
            </section>
            <p class="rules-version">{ &d.rules_version }</p>
        </div>
    }
}

/// The option to print a bokmål copy of the checklist for the staff at the counter (ticked by
/// default in kiosk mode), shown when the result comes with a copy (`report::view::staff_copy`).
fn staff_copy_option(lang: Lang, copy: Option<&StaffCopyView>, kiosk: bool) -> Html {
    if copy.is_none() {
        return html! {};
    }
    html! {
        <div class="choice staff-copy__option">
            <input class="choice__input" type="checkbox" id="staff-copy" checked={kiosk} />
            <label class="choice__label" for="staff-copy">{ tr(lang, "ui.print.staff_copy") }</label>
        </div>
    }
}

/// The bokmål copy itself, at the end of the page. It is never shown on screen; on paper it
/// follows the applicant's pages when the option is ticked (style/print.css reads the box, so
/// the page keeps no state of its own).
fn staff_copy(copy: Option<&StaffCopyView>) -> Html {
    let Some(copy) = copy else {
        return html! {};
    };
    let part = |title: &str, items: &[String]| {
        if items.is_empty() {
            return html! {};
        }
        html! { <><h3>{ title }</h3>{ checklist(items) }</> }
    };
    html! {
        <section class="staff-copy" lang="nb" dir="ltr" aria-labelledby="h-staff">
            <h2 id="h-staff">{ &copy.heading }</h2>
            { part(&copy.do_title, &copy.do_items) }
            { part(&copy.bring_title, &copy.bring_items) }
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
    let body = match &props.view {
        ViewState::Ready(view) => html! {
            <>
                { decision_view(lang, view, kiosk) }
                { other_topics(lang, view, &props.on_topic) }
            </>
        },
        ViewState::Loading => html! {
            <p class="loading" role="status" aria-live="polite">{ tr(lang, "ui.result.working") }</p>
        },
        ViewState::Failed(reason) => {
            let retry = props.on_retry.clone();
            html! {
                <div role="alert">
                    <p>{ tr(lang, "ui.result.failed") }</p>
                    <p class="hint">{ reason }</p>
                    <p><button type="button" class="button button--primary"
                        onclick={Callback::from(move |_: MouseEvent| retry.emit(()))}>{ tr(lang, "words.retry") }</button></p>
                </div>
            }
        }
    };
    let ready = matches!(props.view, ViewState::Ready(_));
    let on_back = props.on_back.clone();
    let on_start_over = props.on_start_over.clone();
    html! {
        <>
            <p class="back"><button type="button" class="link-button"
                onclick={Callback::from(move |_: MouseEvent| on_back.emit(()))}>{ tr(lang, "ui.back") }</button></p>
            <h1 tabindex="-1">{ tr(lang, "ui.result.title") }</h1>
            <div class="print-only print-header">
                <p>{ tr_with(lang, "ui.print.made_on", &[("date", &format_date(lang, props.today))]) }</p>
                if !lang.reviewed() {
                    <p class="translation-note">{ tr(lang, "start.unreviewed") }</p>
                }
                <p>{ situation_line(lang, &props.answers) }</p>
            </div>
            <p class="notice">{ tr(lang, "ui.not_advice") }</p>
            // A kiosk: printing and "continue on your phone" come first, above the result.
            if kiosk && ready {
                <section class="save save--kiosk" aria-label={tr(lang, "ui.save.title").to_string()}>
                    { print_button(lang) }
                    if let ViewState::Ready(view) = &props.view {
                        { staff_copy_option(lang, view.staff_copy.as_ref(), kiosk) }
                    }
                    { props.children.clone() }
                </section>
            }
            { body }
            if ready && !kiosk {
                <section class="save" aria-labelledby="h-save">
                    <h2 id="h-save">{ tr(lang, "ui.save.title") }</h2>
                    { print_button(lang) }
                    if let ViewState::Ready(view) = &props.view {
                        { staff_copy_option(lang, view.staff_copy.as_ref(), kiosk) }
                    }
                    { props.children.clone() }
                </section>
            }
            <p class="actions">
                <button type="button" class="button button--secondary"
                        onclick={Callback::from(move |_: MouseEvent| on_start_over.emit(()))}>
                    { tr(lang, "ui.start_over") }
                </button>
            </p>
            if let ViewState::Ready(view) = &props.view {
                { staff_copy(view.staff_copy.as_ref()) }
            }
        </>
    }
}
