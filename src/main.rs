//! The browser app entry (built by Trunk for `wasm32-unknown-unknown`).
//!
//! On other targets this binary only says where the app runs, so that `cargo build`,
//! `cargo clippy --all-targets` and `cargo test` work natively.

#[cfg(target_arch = "wasm32")]
fn main() {
    yew::Renderer::<residence_checker::ui::App>::new().render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The checker runs in the browser: start it with `cargo xtask serve`.");
}
