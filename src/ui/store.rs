//! Remembering answers on this device (normal mode only; kiosk mode never stores anything).
//!
//! The answers are kept in the browser's local storage in the answers file format (JSON, with
//! its format version; written and read by `wire::codec`), so a reload or a closed tab loses
//! nothing. Skipped questions are kept beside them as a list of question names. A stored state
//! that cannot be read (damaged, changed by hand, or of a format version this checker does not
//! know) is moved aside under [`SET_ASIDE_KEY`], never silently dropped, and the start page
//! says so. Format version 1 is the only one so far, so there is nothing to migrate yet; a
//! future version 2 adds its migration from 1 where the stored file is read.

use crate::domain::answers::Answers;
use crate::domain::format::AnswersFile;
use crate::domain::questions::{Question, QuestionSet};
use crate::engine::RULES_VERSION;
use crate::platform::device;
use crate::wire::codec;

/// Where the answers are stored.
pub const ANSWERS_KEY: &str = "residence-checker.answers";
/// Where the skipped questions are stored.
pub const SKIPPED_KEY: &str = "residence-checker.skipped";
/// Where a stored state that could not be read is kept.
pub const SET_ASIDE_KEY: &str = "residence-checker.answers.set-aside";

/// The stored answers file and skipped questions, if this device remembers any. The file is
/// read by the report worker (see `load::read`); if it cannot be read, [`set_aside`] keeps it.
pub fn stored() -> Option<(String, QuestionSet)> {
    let text = device::storage_get(ANSWERS_KEY)?;
    let skipped = device::storage_get(SKIPPED_KEY)
        .map(|s| parse_skipped(&s))
        .unwrap_or_default();
    Some((text, skipped))
}

/// Moves a stored state that could not be read aside (never silently dropped).
pub fn set_aside(text: &str) {
    device::storage_set(SET_ASIDE_KEY, text);
    device::storage_remove(ANSWERS_KEY);
    device::storage_remove(SKIPPED_KEY);
}

/// The skipped questions from their stored form (names separated by commas; unknown names
/// are ignored).
pub fn parse_skipped(text: &str) -> QuestionSet {
    text.split(',').filter_map(Question::from_name).collect()
}

/// The stored form of the skipped questions.
pub fn write_skipped(skipped: &QuestionSet) -> String {
    skipped
        .iter()
        .map(|q| q.name())
        .collect::<Vec<_>>()
        .join(",")
}

/// True when nothing has been answered or skipped: nothing to remember or forget.
pub fn is_blank(answers: &Answers, skipped: &QuestionSet) -> bool {
    *answers == Answers::default() && skipped.is_empty()
}

/// Remembers the answers; with nothing answered or skipped, forgets instead.
pub fn save(answers: &Answers, skipped: &QuestionSet) {
    if is_blank(answers, skipped) {
        device::storage_remove(ANSWERS_KEY);
        device::storage_remove(SKIPPED_KEY);
        return;
    }
    let file = AnswersFile::new(answers.clone(), Some(RULES_VERSION), None);
    device::storage_set(ANSWERS_KEY, &codec::write(&file, false));
    device::storage_set(SKIPPED_KEY, &write_skipped(skipped));
}

/// Forgets everything this checker stored on the device, including a set-aside state.
pub fn forget() {
    for key in [ANSWERS_KEY, SKIPPED_KEY, SET_ASIDE_KEY] {
        device::storage_remove(key);
    }
}
