//! The formats that leave one part of the checker for another: between the page and the report
//! worker, and out of the app into saved files, the device's storage and hand-off links. Each
//! writer has its reader next to it, and `tests/codec.rs` and the round-trip property tests
//! check every pair with hostile text in every field.
//!
//! - [`codec`]: the answers file as JSON without serde (the page writes it; the worker reads a
//!   hand-off link's fragment with it), and the URL fragment of a QR code;
//! - [`lines`]: loaded answers as `question=value` lines (worker → page);
//! - [`digest`]: a loaded file's result digest as one line (worker → page);
//! - [`view`]: the result page's words as tagged records (worker → page).
//!
//! May import `domain`, `flow::answer` (one answer at a time) and `report::view` (the types it
//! carries); never `ui` or `platform`.

pub mod codec;
pub mod digest;
pub mod lines;
pub mod view;
