//! The editors for a list of date ranges: stays abroad, each with a reason, and basis
//! periods, each with a basis. One editor, two kinds ([`stays_control`],
//! [`periods_control`]).
//!
//! May import `crate::ui`, `crate::domain` and `crate::text` only.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::draft::{Row, NEW_PERIOD_BASIS, NEW_STAY_REASON};
use super::{error_line, ControlProps};
use crate::domain::answers::{AbsenceReason, EeaBasis, Keyed};
use crate::text::render::{absence_reason_label, eea_basis_label};
use crate::text::tr;

/// The stays abroad: a row per stay, with its reason.
pub fn stays_control(props: &ControlProps) -> Html {
    let label = |r: &AbsenceReason| (r.key(), absence_reason_label(props.lang, *r));
    let kinds = AbsenceReason::ALL.iter().map(label).collect();
    rows_editor(props, true, kinds, NEW_STAY_REASON.key())
}

/// The basis periods: a row per period, with its basis.
pub fn periods_control(props: &ControlProps) -> Html {
    let label = |b: &EeaBasis| (b.key(), eea_basis_label(props.lang, *b));
    let kinds = EeaBasis::ALL.iter().map(label).collect();
    rows_editor(props, false, kinds, NEW_PERIOD_BASIS.key())
}

/// The editor for a list of date ranges with a reason (stays) or a basis (periods): `kinds`
/// are the choices by key with their labels, `new_kind` the one a new row starts with.
fn rows_editor(
    props: &ControlProps,
    stays: bool,
    kinds: Vec<(&'static str, String)>,
    new_kind: &'static str,
) -> Html {
    let lang = props.lang;
    let field = props.field();
    let draft = &props.draft;
    let set_row = |i: usize, part: &'static str| {
        let draft = draft.clone();
        let on_draft = props.on_draft.clone();
        Callback::from(move |value: String| {
            let mut d = draft.clone();
            if let Some(row) = d.rows.get_mut(i) {
                match part {
                    "from" => row.from = value,
                    "to" => row.to = value,
                    _ => row.kind = value,
                }
            }
            on_draft.emit(d);
        })
    };
    let rows = draft.rows.iter().enumerate().map(|(i, row)| {
        let id = |part: &str| format!("{field}-{i}-{part}");
        let err = |part: &str| props.error_for(&id(part));
        let date_input = |part: &'static str, label: &'static str, value: String| {
            let set = set_row(i, part);
            let message = err(part);
            html! {
                <div class={classes!("form-group", message.is_some().then_some("form-group--error"))}>
                    <label class="label" for={id(part)}>{ tr(lang, label) }</label>
                    { error_line(lang, message.clone()) }
                    <input class={classes!("input", message.is_some().then_some("input--error"))} type="date" id={id(part)} {value}
                           oninput={Callback::from(move |e: InputEvent| set.emit(e.target_unchecked_into::<HtmlInputElement>().value()))} />
                </div>
            }
        };
        let set_kind = set_row(i, "kind");
        let remove = {
            let draft = draft.clone();
            let on_draft = props.on_draft.clone();
            Callback::from(move |_: MouseEvent| {
                let mut d = draft.clone();
                if i < d.rows.len() {
                    d.rows.remove(i);
                }
                on_draft.emit(d);
            })
        };
        let current = if row.kind.is_empty() { new_kind } else { row.kind.as_str() };
        html! {
            <fieldset class="fieldset row" key={i}>
                <legend class="fieldset__legend fieldset__legend--s">{ format!("{} {}", tr(lang, if stays { "ui.stays.row" } else { "ui.periods.row" }), i + 1) }</legend>
                { date_input("from", "ui.stays.from", row.from.clone()) }
                { date_input("to", "ui.stays.to", row.to.clone()) }
                <div class="form-group">
                    <label class="label" for={id("kind")}>{ tr(lang, if stays { "ui.stays.reason" } else { "ui.periods.basis" }) }</label>
                    <select class="select" id={id("kind")}
                            onchange={Callback::from(move |e: Event| set_kind.emit(e.target_unchecked_into::<HtmlSelectElement>().value()))}>
                        { for kinds.iter().map(|(k, label)| html! { <option value={*k} selected={*k == current}>{ label.clone() }</option> }) }
                    </select>
                </div>
                <button type="button" class="button button--secondary" onclick={remove}>
                    { tr(lang, "ui.stays.remove") }<span class="visually-hidden">{ format!(" {}", i + 1) }</span>
                </button>
            </fieldset>
        }
    });
    let add = {
        let draft = draft.clone();
        let on_draft = props.on_draft.clone();
        Callback::from(move |_: MouseEvent| {
            let mut d = draft.clone();
            d.rows.push(Row {
                kind: new_kind.to_string(),
                ..Row::default()
            });
            on_draft.emit(d);
        })
    };
    html! {
        <div class="form-group">
            <h1 tabindex="-1">{ props.title() }</h1>
            { props.hint() }
            if draft.rows.is_empty() {
                <p>{ tr(lang, if stays { "ui.stays.none" } else { "ui.periods.none" }) }</p>
            }
            { for rows }
            <p><button type="button" class="button button--secondary" onclick={add}>{ tr(lang, if stays { "ui.stays.add" } else { "ui.periods.add" }) }</button></p>
        </div>
    }
}
