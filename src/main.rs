//! The browser app entry (built by Trunk for `wasm32-unknown-unknown`).
fn main() {}
