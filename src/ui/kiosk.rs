//! Kiosk mode (`?kiosk`): the idle guard that protects the next person at a shared screen.
//!
//! After `idle_secs` without a touch, click or key press, a warning asks whether the reader is
//! still there and counts down at least [`WARNING_SECS`] seconds; one tap extends. When the
//! count reaches zero, `on_timeout` wipes every answer and returns to the start page.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use crate::platform::device;
use crate::text::render::format_count;
use crate::text::{tr, tr_with, Lang};

/// The idle time before the warning when `?idle=` does not set one: two minutes.
pub const DEFAULT_IDLE_SECS: u32 = 120;
/// How long the warning gives the reader before the wipe.
pub const WARNING_SECS: u32 = 20;

/// The idle time from the `idle` query parameter (in seconds, 5 to 3600), or the default.
pub fn idle_secs(param: Option<&str>) -> u32 {
    param
        .and_then(|p| p.trim().parse::<u32>().ok())
        .filter(|s| (5..=3600).contains(s))
        .unwrap_or(DEFAULT_IDLE_SECS)
}

/// What the guard shows, given the seconds since the last activity: nothing, or the warning
/// with the seconds left, or time out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Idle {
    /// The reader is active.
    Active,
    /// The warning, with this many whole seconds left.
    Warning(u32),
    /// Time is up: wipe.
    TimedOut,
}

/// The guard's state after `idle_ms` milliseconds without activity.
pub fn idle_state(idle_ms: f64, idle_secs: u32) -> Idle {
    let limit = f64::from(idle_secs) * 1000.0;
    let end = limit + f64::from(WARNING_SECS) * 1000.0;
    if idle_ms < limit {
        Idle::Active
    } else if idle_ms < end {
        Idle::Warning(((end - idle_ms) / 1000.0).ceil() as u32)
    } else {
        Idle::TimedOut
    }
}

/// Properties of [`IdleGuard`].
#[derive(Properties, PartialEq)]
pub struct IdleGuardProps {
    /// The language to show.
    pub lang: Lang,
    /// Seconds of inactivity before the warning.
    pub idle_secs: u32,
    /// Called when the warning runs out.
    pub on_timeout: Callback<()>,
}

/// Watches for inactivity and shows the warning; see the module docs.
#[function_component(IdleGuard)]
pub fn idle_guard(props: &IdleGuardProps) -> Html {
    let last = use_mut_ref(device::now_ms);
    let state = use_state_eq(|| Idle::Active);
    {
        let last = last.clone();
        let state = state.clone();
        let idle_secs = props.idle_secs;
        let on_timeout = props.on_timeout.clone();
        use_effect_with(idle_secs, move |_| {
            let listeners = {
                let last = last.clone();
                device::on_activity(move || *last.borrow_mut() = device::now_ms())
            };
            let fired = Rc::new(Cell::new(false));
            let tick = gloo::timers::callback::Interval::new(1000, move || {
                let now = idle_state(device::now_ms() - *last.borrow(), idle_secs);
                if now == Idle::TimedOut {
                    if !fired.replace(true) {
                        *last.borrow_mut() = device::now_ms();
                        state.set(Idle::Active);
                        on_timeout.emit(());
                    }
                } else {
                    fired.set(false);
                    state.set(now);
                }
            });
            move || {
                drop(tick);
                drop(listeners);
            }
        });
    }
    // The warning's button takes focus when it appears, so one key press or tap extends.
    let shown = matches!(*state, Idle::Warning(_));
    use_effect_with(shown, |shown| {
        if *shown {
            crate::platform::focus_selector(".idle-warning button");
        }
    });
    let Idle::Warning(left) = *state else {
        return html! {};
    };
    let lang = props.lang;
    let extend = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            *last.borrow_mut() = device::now_ms();
            state.set(Idle::Active);
        })
    };
    html! {
        <div class="idle-warning" role="alertdialog" aria-modal="true"
             aria-labelledby="idle-title" aria-describedby="idle-body">
            <div class="idle-warning__box">
                <h2 id="idle-title">{ tr(lang, "kiosk.idle.title") }</h2>
                <p id="idle-body">{ tr_with(lang, "kiosk.idle.body", &[("seconds", &format_count(lang, "seconds", i64::from(left)))]) }</p>
                <p><button type="button" class="button button--primary" onclick={extend}>
                    { tr(lang, "kiosk.idle.stay") }
                </button></p>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_warning_counts_down_twenty_seconds_after_the_idle_time_then_times_out() {
        assert_eq!(idle_state(0.0, 120), Idle::Active);
        assert_eq!(idle_state(119_999.0, 120), Idle::Active);
        assert_eq!(idle_state(120_000.0, 120), Idle::Warning(20));
        assert_eq!(idle_state(120_001.0, 120), Idle::Warning(20));
        assert_eq!(idle_state(139_001.0, 120), Idle::Warning(1));
        assert_eq!(idle_state(140_000.0, 120), Idle::TimedOut);
    }

    #[test]
    fn the_idle_time_comes_from_the_address_within_sensible_bounds() {
        assert_eq!(idle_secs(None), 120);
        assert_eq!(idle_secs(Some("")), 120);
        assert_eq!(idle_secs(Some("30")), 30);
        assert_eq!(idle_secs(Some("4")), 120);
        assert_eq!(idle_secs(Some("3601")), 120);
        assert_eq!(idle_secs(Some("abc")), 120);
    }
}
