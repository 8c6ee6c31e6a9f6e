//! The validated case: answers that have been checked once, so the rules can trust them.
//!
//! [`Case::from_answers`] is the only way to build a [`Case`] ("parse, don't validate"). It
//! rejects impossible input with typed [`AnswerError`]s that name the question, so the UI can
//! put the message next to the right field: dates before 1900 or after 2199, a period that ends
//! before it starts, overlapping stays abroad, a date of birth after today, a DUF number that is
//! not 12 digits or does not start with a plausible year.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::answers::{Answers, BasisPeriod, Stay};
use super::dates::DateRange;
use super::questions::{Check, Question};
use super::sort::sort_by_key;

/// The earliest date the checker accepts.
pub const EARLIEST_DATE: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};
/// The latest date the checker accepts.
pub const LATEST_DATE: NaiveDate = match NaiveDate::from_ymd_opt(2199, 12, 31) {
    Some(d) => d,
    None => NaiveDate::MAX,
};
/// The most stays abroad one case may list (the reader of answers files refuses more too).
pub const MAX_LIST_LEN: usize = 5_000;
/// The most basis periods (Q29) one case may list (the reader refuses more too). With
/// [`MAX_LIST_LEN`] stays, the largest answers still fit in an answers file once the checker
/// writes them back (pretty, with its digest): 5,000 of each did not (issue 25).
pub const MAX_BASIS_PERIODS: usize = 1_000;
/// The longest DUF number as typed, in characters, spaces included (the reader refuses longer
/// too): 12 digits and room for spaces, but not a file's worth of them.
pub const MAX_DUF_CHARS: usize = 64;

/// The most entries a list answer may have: [`MAX_LIST_LEN`] stays abroad, [`MAX_BASIS_PERIODS`]
/// basis periods (no other question's list is this long: a choice list has at most one entry
/// per option).
pub fn max_entries(question: Question) -> usize {
    match question {
        Question::UkBasisHistory => MAX_BASIS_PERIODS,
        _ => MAX_LIST_LEN,
    }
}

/// Why an answer was refused. Each names the question it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "error", rename_all = "snake_case")]
pub enum AnswerError {
    /// A date before 1900 or after 2199.
    DateOutOfRange {
        /// The question.
        question: Question,
        /// The date given.
        date: NaiveDate,
    },
    /// A date that cannot be in the future (a date of birth) is after today.
    DateInFuture {
        /// The question.
        question: Question,
        /// The date given.
        date: NaiveDate,
    },
    /// A date before the earliest day it can be (a first collective-protection permit before
    /// 11 March 2022).
    DateTooEarly {
        /// The question.
        question: Question,
        /// The date given.
        date: NaiveDate,
        /// The earliest possible day.
        earliest: NaiveDate,
    },
    /// A period ends before it starts. `index` is the position in a list, if any.
    EndBeforeStart {
        /// The question.
        question: Question,
        /// Position in the list (0-based), for stays and basis periods.
        index: Option<usize>,
    },
    /// Two stays abroad overlap (positions in the list as given, 0-based).
    OverlappingStays {
        /// The earlier stay.
        first: usize,
        /// The stay that overlaps it.
        second: usize,
    },
    /// A list is longer than [`max_entries`] allows.
    TooManyEntries {
        /// The question.
        question: Question,
        /// How many were given.
        count: usize,
    },
    /// The DUF number does not have exactly 12 digits after removing spaces (or is longer than
    /// [`MAX_DUF_CHARS`] with them).
    DufLength {
        /// The number of characters after removing spaces (with them, when too long).
        length: usize,
    },
    /// The DUF number contains something other than digits and spaces.
    DufNotDigits,
    /// The DUF number does not start with a plausible year (1900 … this year).
    DufImplausibleYear {
        /// The year it starts with.
        year: u32,
    },
}

impl AnswerError {
    /// The error's kind, as in the answers format (`"duf_length"`, `"end_before_start"`, …).
    pub fn kind(&self) -> &'static str {
        match self {
            AnswerError::DateOutOfRange { .. } => "date_out_of_range",
            AnswerError::DateInFuture { .. } => "date_in_future",
            AnswerError::DateTooEarly { .. } => "date_too_early",
            AnswerError::EndBeforeStart { .. } => "end_before_start",
            AnswerError::OverlappingStays { .. } => "overlapping_stays",
            AnswerError::TooManyEntries { .. } => "too_many_entries",
            AnswerError::DufLength { .. } => "duf_length",
            AnswerError::DufNotDigits => "duf_not_digits",
            AnswerError::DufImplausibleYear { .. } => "duf_implausible_year",
        }
    }

    /// The question the error belongs to.
    pub fn question(&self) -> Question {
        match self {
            AnswerError::DateOutOfRange { question, .. }
            | AnswerError::DateInFuture { question, .. }
            | AnswerError::DateTooEarly { question, .. }
            | AnswerError::EndBeforeStart { question, .. }
            | AnswerError::TooManyEntries { question, .. } => *question,
            AnswerError::OverlappingStays { .. } => Question::StaysAbroad,
            AnswerError::DufLength { .. }
            | AnswerError::DufNotDigits
            | AnswerError::DufImplausibleYear { .. } => Question::DufNumber,
        }
    }
}

/// A DUF number (UDI's case number): exactly 12 digits, starting with the year of the first
/// application (R-044).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Duf(String);

impl Duf {
    /// Parses a DUF number as typed: spaces are removed; exactly 12 digits are required; the first
    /// four must be a year from 1900 to `this_year` (a plausibility check only: the sources give
    /// no lower bound).
    ///
    /// ```
    /// use residence_core::domain::case::Duf;
    /// assert_eq!(Duf::parse("2012 586975 61", 2026).unwrap().as_str(), "201258697561");
    /// assert!(Duf::parse("20125869756", 2026).is_err());
    /// assert!(Duf::parse("20A258697561", 2026).is_err());
    /// ```
    pub fn parse(input: &str, this_year: i32) -> Result<Duf, AnswerError> {
        let typed = input.chars().count();
        if typed > MAX_DUF_CHARS {
            return Err(AnswerError::DufLength { length: typed });
        }
        let compact: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        if !compact.chars().all(|c| c.is_ascii_digit()) {
            return Err(AnswerError::DufNotDigits);
        }
        if compact.len() != 12 {
            return Err(AnswerError::DufLength {
                length: compact.chars().count(),
            });
        }
        let year: u32 = compact
            .get(..4)
            .and_then(|y| y.parse().ok())
            .ok_or(AnswerError::DufNotDigits)?;
        if year < 1900 || i64::from(year) > i64::from(this_year) {
            return Err(AnswerError::DufImplausibleYear { year });
        }
        Ok(Duf(compact))
    }

    /// The 12 digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Answers that passed validation. The rules read answers through [`Case::answers`] and the
/// derived, validated values through the other methods.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    answers: Answers,
    duf: Option<Duf>,
    permit: Option<DateRange>,
    stays: Vec<Stay>,
}

impl Case {
    /// Validates the answers. `today` is only used for checks that depend on it (a date of birth
    /// in the future, the DUF year). Returns every error found, not just the first.
    pub fn from_answers(answers: &Answers, today: NaiveDate) -> Result<Case, Vec<AnswerError>> {
        let mut errors = Vec::new();
        let a = answers;
        // Every date answered: first each date's range, then the checks of the question
        // table (`domain::questions`) that compare it.
        let dates: Vec<(Question, NaiveDate)> = Question::ALL
            .iter()
            .filter_map(|&q| Some((q, q.date_answer(a)?)))
            .collect();
        for &(question, date) in &dates {
            check_date(question, date, &mut errors);
        }
        for &(question, date) in &dates {
            for check in question.checks() {
                match *check {
                    Check::NotInFuture if date > today => {
                        errors.push(AnswerError::DateInFuture { question, date });
                    }
                    Check::NotInFuture => {}
                    Check::NotBeforeDay(earliest) if date < earliest => {
                        errors.push(AnswerError::DateTooEarly {
                            question,
                            date,
                            earliest,
                        });
                    }
                    Check::NotBeforeDay(_) => {}
                    Check::NotBefore(start) => {
                        if start.date_answer(a).is_some_and(|start| date < start) {
                            errors.push(AnswerError::EndBeforeStart {
                                question,
                                index: None,
                            });
                        }
                    }
                }
            }
        }

        // The permit runs from its first day to its expiry (Q25, Q16).
        let permit = match (a.permit_start, a.permit_expiry) {
            (Some(start), Some(end)) => DateRange::new(start, end),
            _ => None,
        };

        let stays = a.stays_abroad.clone().unwrap_or_default();
        check_stays(&stays, &mut errors);
        if let Some(history) = &a.uk_basis_history {
            check_basis_history(history, &mut errors);
        }

        let duf = match a.duf_number.as_deref() {
            Some(text) => match Duf::parse(text, today.year()) {
                Ok(duf) => Some(duf),
                Err(e) => {
                    errors.push(e);
                    None
                }
            },
            None => None,
        };

        if errors.is_empty() {
            let mut sorted = stays;
            sort_by_key(&mut sorted, |s| (s.from, s.to));
            let mut answers = answers.with_topic_implied();
            answers.fill_from_unasked(today);
            Ok(Case {
                answers,
                duf,
                permit,
                stays: sorted,
            })
        } else {
            Err(errors)
        }
    }

    /// The answers as given.
    pub fn answers(&self) -> &Answers {
        &self.answers
    }

    /// The validated DUF number, if given.
    pub fn duf(&self) -> Option<&Duf> {
        self.duf.as_ref()
    }

    /// The current permit's period, if both its dates were given.
    pub fn permit(&self) -> Option<DateRange> {
        self.permit
    }

    /// The stays abroad, sorted by start date, none overlapping.
    pub fn stays(&self) -> &[Stay] {
        &self.stays
    }

    /// The stays abroad as date ranges.
    pub fn stay_ranges(&self) -> Vec<DateRange> {
        self.stays
            .iter()
            .filter_map(|s| DateRange::new(s.from, s.to))
            .collect()
    }
}

fn check_date(question: Question, date: NaiveDate, errors: &mut Vec<AnswerError>) {
    if !(EARLIEST_DATE..=LATEST_DATE).contains(&date) {
        errors.push(AnswerError::DateOutOfRange { question, date });
    }
}

fn check_stays(stays: &[Stay], errors: &mut Vec<AnswerError>) {
    if stays.len() > MAX_LIST_LEN {
        errors.push(AnswerError::TooManyEntries {
            question: Question::StaysAbroad,
            count: stays.len(),
        });
        return;
    }
    let mut valid: Vec<(usize, Stay)> = Vec::with_capacity(stays.len());
    for (index, stay) in stays.iter().enumerate() {
        let before = errors.len();
        check_date(Question::StaysAbroad, stay.from, errors);
        check_date(Question::StaysAbroad, stay.to, errors);
        if stay.to < stay.from {
            errors.push(AnswerError::EndBeforeStart {
                question: Question::StaysAbroad,
                index: Some(index),
            });
        }
        if errors.len() == before {
            valid.push((index, *stay));
        }
    }
    // Stable: stays that start and end on the same days stay in the order given.
    sort_by_key(&mut valid, |(_, s)| (s.from, s.to));
    let mut reported = 0;
    for pair in valid.windows(2) {
        if let [(i, a), (j, b)] = pair {
            if b.from <= a.to && reported < 10 {
                reported += 1;
                errors.push(AnswerError::OverlappingStays {
                    first: *i.min(j),
                    second: *i.max(j),
                });
            }
        }
    }
}

fn check_basis_history(history: &[BasisPeriod], errors: &mut Vec<AnswerError>) {
    if history.len() > MAX_BASIS_PERIODS {
        errors.push(AnswerError::TooManyEntries {
            question: Question::UkBasisHistory,
            count: history.len(),
        });
        return;
    }
    for (index, period) in history.iter().enumerate() {
        check_date(Question::UkBasisHistory, period.from, errors);
        check_date(Question::UkBasisHistory, period.to, errors);
        if period.to < period.from {
            errors.push(AnswerError::EndBeforeStart {
                question: Question::UkBasisHistory,
                index: Some(index),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_kind_is_its_tag_in_the_answers_format() {
        let errors = [
            AnswerError::DateOutOfRange {
                question: Question::DateOfBirth,
                date: NaiveDate::MIN,
            },
            AnswerError::DateInFuture {
                question: Question::DateOfBirth,
                date: NaiveDate::MIN,
            },
            AnswerError::EndBeforeStart {
                question: Question::PermitExpiry,
                index: None,
            },
            AnswerError::OverlappingStays {
                first: 0,
                second: 1,
            },
            AnswerError::TooManyEntries {
                question: Question::StaysAbroad,
                count: 9,
            },
            AnswerError::DufLength { length: 3 },
            AnswerError::DufNotDigits,
            AnswerError::DufImplausibleYear { year: 1800 },
        ];
        for e in errors {
            let json = serde_json::to_value(&e).unwrap_or_default();
            assert_eq!(json["error"].as_str(), Some(e.kind()));
        }
    }
}
