//! The questionnaire as data: which question comes next for the answers so far.
//!
//! Routing only: no rule logic and no words. May import `domain` and `engine`.
