//! Every word a user sees, per language, loaded from catalogue files. May import `domain` and
//! `engine`.
