//! The pure layers of the residence checker: no yew, no browser, no clock, no I/O (the
//! dependencies of this crate say so, and the compiler holds to it).
//!
//! ```text
//! domain  <-  engine  <-  text  <-  report
//!    ^          ^          ^
//!    +----- flow ----------+        wire: domain, flow
//! ```
//!
//! - `domain`: the answers, the questions (one table), dates, the answers file.
//! - `engine`: the rules, from a validated case to one decision.
//! - `flow`: which question comes next (routing only).
//! - `text`: the words in four languages, and how values are written.
//! - `report`: the summary, the calendar file, the QR code, the result view.
//! - `wire`: the formats between the page and the report worker.
//!
//! Which layer may use which is checked by `tests/layers.rs` of the app crate.

pub mod domain;
pub mod engine;
pub mod flow;
pub mod report;
pub mod text;
pub mod wire;
