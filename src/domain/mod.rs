//! The vocabulary of the checker: typed answers (each `None` until given), validated facts
//! ([`case::Case`], "parse, don't validate"), rule and source references, and date helpers.
//!
//! Pure: no clock, no I/O, no yew, no browser. Imports nothing from the other layers.

pub mod dates;
