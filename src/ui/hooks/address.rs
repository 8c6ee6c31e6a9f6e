//! What the address asks for, read once: the kiosk mode (`?kiosk[&idle=SECONDS]`), the
//! language an embedding page asks for, a topic (`?topic=<name>`, docs/embedding.md) and the
//! self-test of the recovery page (`?selftest=panic`).
//!
//! May import `crate::ui`, `crate::platform` and `crate::text` only.

use yew::prelude::*;

use crate::platform;
use crate::text::Lang;
use crate::ui::kiosk;
use crate::ui::state::{Action, AppState};

/// The kiosk mode, from the address once: `None` outside a kiosk, else the seconds of
/// inactivity before the answers are wiped. Marks the page's root for the kiosk's styles.
#[hook]
pub fn use_kiosk() -> Option<u32> {
    let kiosk = use_memo((), |_| {
        let kiosk = platform::device::query_param("kiosk").is_some();
        if kiosk {
            platform::set_root_class("kiosk");
        }
        kiosk.then(|| kiosk::idle_secs(platform::device::query_param("idle").as_deref()))
    });
    *kiosk
}

/// The language the app starts in (and a kiosk returns to after a wipe): the one the boot
/// script chose and the pre-rendered page shows, else (no boot script) the address's or the
/// browser's.
#[hook]
pub fn use_first_lang() -> Lang {
    *use_memo((), |_| {
        let preferred = platform::page::boot_lang()
            .or_else(platform::embed::lang_param)
            .or_else(platform::preferred_language);
        Lang::negotiate(preferred.as_deref())
    })
}

/// `?topic=<name>`: an information page embeds the checker on one topic (docs/embedding.md).
#[hook]
pub fn use_preset_topic(state: &UseReducerHandle<AppState>) {
    let state = state.clone();
    use_effect_with((), move |_| {
        if let Some(topic) = platform::device::query_param("topic") {
            state.dispatch(Action::PresetTopic(topic));
        }
    });
}

/// A kiosk stands in an office in Norway: the reader is taken to be in Norway (the check page
/// says so, and it can be changed there).
#[hook]
pub fn use_kiosk_presets(state: &UseReducerHandle<AppState>, kiosk: bool) {
    let state = state.clone();
    use_effect_with(kiosk, move |&kiosk| {
        if kiosk {
            state.dispatch(Action::AssumeInNorway);
        }
    });
}

/// A deliberate failure for the end-to-end test of the recovery page (`?selftest=panic`):
/// it only ever shows that page, after the stored answers were read.
#[hook]
pub fn use_selftest() {
    use_effect_with((), |_| {
        if platform::device::query_param("selftest").as_deref() == Some("panic") {
            panic!("self-test of the recovery page");
        }
    });
}
