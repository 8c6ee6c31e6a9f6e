//! Norwegian residence card and permit checker.
//!
//! A guidance tool that runs entirely in the browser (and natively for tests and the
//! command-line evaluator). It is **not legal advice**: the decision letter from UDI or the
//! police always wins.
//!
//! Layers, with imports flowing one way (see `shared/design.md`):
//!
//! ```text
//! domain  <-  engine  <-  text  <-  report
//!    ^          ^          ^          ^
//!    +----- flow ----------+          |
//!               ui  ------------------+--> platform
//! ```
//!
//! `domain`, `engine`, `flow`, `text` and `report` are pure: no clock, no I/O, no yew, no
//! browser. A test (`tests/layers.rs`) enforces that.

pub mod domain;
pub mod engine;
pub mod flow;
pub mod platform;
pub mod report;
pub mod text;
pub mod ui;
pub mod wire;

/// The allocator of the browser builds (the app and the report worker): Talc, which is smaller
/// than Rust's default for WebAssembly (dlmalloc) and faster; the first-load budget counts every
/// byte of the app. Natively the system allocator is used.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
