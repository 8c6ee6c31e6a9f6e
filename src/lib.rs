//! Norwegian residence card and permit checker.
//!
//! A guidance tool that runs entirely in the browser (and natively for tests and the
//! command-line evaluator). It is **not legal advice**: the decision letter from UDI or the
//! police always wins.
//!
//! Two crates, with imports flowing one way (see `shared/design.md`):
//!
//! ```text
//! crates/core (residence-core): the pure layers; no yew, no browser, no clock, no I/O
//!   domain  <-  engine  <-  text  <-  report
//!      ^          ^          ^
//!      +----- flow ----------+        wire (page <-> worker formats): domain, flow
//! this crate (residence-checker): the browser app, the worker and the CLI
//!   ui  -->  platform  (and both use the pure layers above)
//! ```
//!
//! The crate boundary is enforced by the compiler: `residence-core` has none of the browser
//! crates among its dependencies, so an import of yew, web-sys or `crate::ui` there fails the
//! build. The order inside it is checked by a test (`tests/layers.rs`). The pure layers are
//! re-exported here under their own names, so `crate::domain::…` reads the same everywhere.

pub use residence_core::{domain, engine, flow, report, text, wire};

pub mod platform;
pub mod ui;

/// The allocator of the browser builds (the app and the report worker): Talc, which is smaller
/// than Rust's default for WebAssembly (dlmalloc) and faster; the first-load budget counts every
/// byte of the app. Natively the system allocator is used.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
