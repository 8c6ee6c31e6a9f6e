//! The vocabulary of the checker: typed answers (each `None` until given), validated facts
//! ([`case::Case`], "parse, don't validate"), questions, rule and source references, and date
//! helpers.
//!
//! Pure: no clock, no I/O, no yew, no browser. Imports nothing from the other layers.

pub mod answers;
pub mod case;
pub mod dates;
pub mod format;
pub mod questions;
pub mod refs;
pub mod sort;
