//! Pure renderers of the outputs: checklist, summary (readable and machine-readable), calendar
//! file, QR code. Same input, same bytes. May import `domain`, `engine` and `text`.
//!
//! The browser app runs the renderers of downloads in a separate web worker
//! (`src/bin/report_worker.rs`), so that they are not part of the first load.

pub mod html;
pub mod ics;
pub mod qr;
pub mod text;
pub mod view;

use chrono::{Datelike, NaiveDate};

/// A file the checker offers to download.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FileKind {
    /// The readable summary ([`html::summary_html`]).
    Summary,
    /// The answers file (`domain::format`), to load again later.
    Answers,
    /// The calendar file of the key dates ([`ics::calendar_ics`]).
    Dates,
}

impl FileKind {
    /// The word in the file name: `summary`, `answers` or `dates`.
    pub fn as_str(self) -> &'static str {
        match self {
            FileKind::Summary => "summary",
            FileKind::Answers => "answers",
            FileKind::Dates => "dates",
        }
    }

    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            FileKind::Summary => "html",
            FileKind::Answers => "json",
            FileKind::Dates => "ics",
        }
    }

    /// The media type to download the file with.
    pub fn mime(self) -> &'static str {
        match self {
            FileKind::Summary => "text/html;charset=utf-8",
            FileKind::Answers => "application/json",
            FileKind::Dates => "text/calendar;charset=utf-8",
        }
    }
}

/// The answers file to download ([`FileKind::Answers`]), as the report worker writes it: the
/// answers with the rules version, the day and a digest of the decision (so that a later load
/// can show what changed), sealed with its checksum, pretty.
pub fn answers_file(
    answers: &crate::domain::answers::Answers,
    today: NaiveDate,
    decision: &crate::engine::Decision,
) -> String {
    use crate::domain::format::{write_file, AnswersFile};
    let file = AnswersFile::new(
        answers.clone(),
        Some(crate::engine::RULES_VERSION),
        Some(today),
    )
    .with_result(crate::engine::outcome::digest(decision));
    write_file(&file)
}

/// The name to save a file under, carrying the day it was made for.
///
/// ```
/// use chrono::{Datelike, NaiveDate};
/// use residence_core::report::{file_name, FileKind};
/// let day = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
/// assert_eq!(file_name(FileKind::Summary, day), "residence-checker-summary-2026-11-22.html");
/// assert_eq!(file_name(FileKind::Answers, day), "residence-checker-answers-2026-11-22.json");
/// assert_eq!(file_name(FileKind::Dates, day), "residence-checker-dates-2026-11-22.ics");
/// ```
pub fn file_name(kind: FileKind, today: NaiveDate) -> String {
    format!(
        "residence-checker-{}-{:04}-{:02}-{:02}.{}",
        kind.as_str(),
        today.year(),
        today.month(),
        today.day(),
        kind.extension()
    )
}
