//! The rules: `evaluate(&Case, today) -> Decision`. May import `domain` only.

pub mod absence;
pub mod calendar;
