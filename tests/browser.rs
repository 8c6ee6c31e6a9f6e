//! Browser tests with `wasm-bindgen-test`, in headless Chromium (`cargo xtask test browser`).
//!
//! They render the real [`App`] into a test element and drive it through the DOM. Native
//! `cargo test` compiles this file to nothing (`wasm32` only).
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use residence_checker::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Lets yew's scheduler render and run effects.
async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(50)).await;
}

/// Mounts the app into a fresh element of the test page.
async fn mount() -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").expect("a div");
    gloo::utils::body().append_child(&root).expect("appended");
    yew::Renderer::<App>::with_root(root.clone()).render();
    settle().await;
    root
}

fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
        .trim()
        .to_string()
}

fn click(root: &Element, selector: &str) {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        .unwrap_or_else(|| panic!("no clickable element for `{selector}`"))
        .click();
}

fn document_lang() -> String {
    gloo::utils::document_element()
        .get_attribute("lang")
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn start_page_shows_its_heading_fetches_bokmal_and_switches_back() {
    use residence_checker::text::{install, Lang, Part};
    let root = mount().await;
    assert_eq!(
        text(&root, "main h1"),
        "Check what applies to your residence card"
    );
    assert_eq!(document_lang(), "en");

    // Only English's start page is built in. The test server has no `text/nb.txt`: the page
    // stays English, says so and offers a retry.
    click(&root, r#".lang-switch button[lang="nb"]"#);
    for _ in 0..50 {
        settle().await;
        if text(&root, "main h1") == "Norsk bokmål could not be loaded" {
            break;
        }
    }
    assert_eq!(text(&root, "main h1"), "Norsk bokmål could not be loaded");
    assert_eq!(document_lang(), "en");

    // With the words in place, Try again shows the bokmål start page.
    let words = include_str!("../crates/core/src/text/nb.txt").to_string();
    assert_eq!(install(Lang::Nb, Part::Start, words), Ok(()));
    click(&root, "main .actions button");
    settle().await;
    assert_eq!(
        text(&root, "main h1"),
        "Finn ut hva som gjelder for oppholdskortet ditt"
    );
    assert_eq!(document_lang(), "nb");
    assert_eq!(
        gloo::utils::document().title(),
        "Finn ut hva som gjelder for oppholdskortet ditt – Oppholdskortsjekken"
    );

    click(&root, r#".lang-switch button[lang="en"]"#);
    settle().await;
    assert_eq!(
        text(&root, "main h1"),
        "Check what applies to your residence card"
    );
    assert_eq!(document_lang(), "en");
    root.remove();
}

#[wasm_bindgen_test]
async fn start_fetches_the_questions_says_so_if_it_cannot_and_then_asks_the_first_question() {
    use residence_checker::text::{install, Lang, Part};
    let root = mount().await;
    click(&root, "main button.button--primary");
    // The test server has no `text/en.result.txt`: the app says so honestly and offers a retry.
    for _ in 0..50 {
        settle().await;
        if text(&root, "main h1") == "The questions could not be loaded" {
            break;
        }
    }
    assert_eq!(text(&root, "main h1"), "The questions could not be loaded");

    // With the words in place, Try again shows the first question, focus on its heading.
    let words = include_str!("../crates/core/src/text/en.result.txt").to_string();
    assert_eq!(install(Lang::En, Part::Results, words), Ok(()));
    click(&root, "main .actions button");
    settle().await;
    assert_eq!(text(&root, "main h1"), "What is your citizenship?");
    let focused = gloo::utils::document()
        .active_element()
        .map(|e| e.tag_name());
    assert_eq!(focused.as_deref(), Some("H1"));

    click(&root, "main .back button");
    settle().await;
    assert_eq!(
        text(&root, "main h1"),
        "Check what applies to your residence card"
    );
    root.remove();
}
