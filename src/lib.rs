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
