//! The browser app entry (built by Trunk for `wasm32-unknown-unknown`): renders the app into a
//! body of its own, which takes over the pre-rendered start page (see `platform::page`).
//!
//! On other targets this binary only says where the app runs, so that `cargo build`,
//! `cargo clippy --all-targets` and `cargo test` work natively.

#[cfg(target_arch = "wasm32")]
fn main() {
    use residence_checker::{platform, ui};
    ui::recover_from_panics();
    // A body of its own, swapped in for the pre-rendered start page once the app shows the
    // same (`platform::page`).
    match platform::page::app_root() {
        Some(root) => yew::Renderer::<ui::App>::with_root(root).render(),
        None => yew::Renderer::<ui::App>::new().render(),
    };
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The checker runs in the browser: start it with `cargo xtask serve`.");
}
