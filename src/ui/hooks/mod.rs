//! The custom hooks [`super::App`] is made of, one concern each: what the address asks for
//! ([`address`]), what this device or a hand-off link brings back ([`restore`]), the browser's
//! title and focus ([`document`]), Back and Forward ([`history`]), the result from the report
//! worker ([`worker`]) and the questions-and-results words ([`words`]).
//!
//! May import `crate::ui`, `crate::platform`, `crate::text`, `crate::domain` and `crate::wire`
//! only.

pub mod address;
pub mod document;
pub mod history;
pub mod restore;
pub mod words;
pub mod worker;
