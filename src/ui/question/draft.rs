//! What the reader has typed or chosen so far on a question page, and reading it into an
//! answer (or the errors that stop it): a choice made, a date that exists, rows with both
//! dates. The field ids the errors point at are made here too.
//!
//! May import `crate::domain`, `crate::flow` and `crate::text` only.

use chrono::NaiveDate;

use crate::domain::answers::{AbsenceReason, BasisPeriod, EeaBasis, Keyed, Stay};
use crate::domain::questions::{Kind, Question};
use crate::flow::AnswerValue;
use crate::text::{tr, Lang};

/// The reason a new stay starts with, and the one a stay whose reason cannot be read gets:
/// not an exempt reason, so a row left as it is never lowers the days counted abroad.
pub const NEW_STAY_REASON: AbsenceReason = AbsenceReason::Other;
/// The basis a new period starts with, and the one a period whose basis cannot be read gets.
pub const NEW_PERIOD_BASIS: EeaBasis = EeaBasis::Employee;

/// A row of the stays or periods editor, as typed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Row {
    /// The first day (`YYYY-MM-DD`, from a date input).
    pub from: String,
    /// The last day.
    pub to: String,
    /// The reason (stays) or the basis (periods), by key.
    pub kind: String,
}

impl Row {
    /// The row of a given stay or period.
    fn of(from: NaiveDate, to: NaiveDate, kind: impl Keyed) -> Row {
        Row {
            from: from.to_string(),
            to: to.to_string(),
            kind: kind.key().to_string(),
        }
    }
}

/// What the reader has typed or chosen so far.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Draft {
    /// The option chosen (a choice, or `yes` / `no`).
    pub choice: Option<String>,
    /// The options ticked.
    pub choices: Vec<String>,
    /// The day of a date.
    pub day: String,
    /// The month of a date.
    pub month: String,
    /// The year of a date.
    pub year: String,
    /// A text.
    pub text: String,
    /// The rows of a stays or periods editor.
    pub rows: Vec<Row>,
}

impl Draft {
    /// The draft of an answer given before (empty without one).
    pub fn from_answer(value: Option<AnswerValue>) -> Draft {
        let mut d = Draft::default();
        match value {
            Some(AnswerValue::Choice(c)) => d.choice = Some(c),
            Some(AnswerValue::YesNo(b)) => d.choice = Some(if b { "yes" } else { "no" }.into()),
            Some(AnswerValue::Choices(cs)) => d.choices = cs,
            Some(AnswerValue::Date(date)) => {
                use chrono::Datelike;
                d.day = date.day().to_string();
                d.month = date.month().to_string();
                d.year = date.year().to_string();
            }
            Some(AnswerValue::Text(t)) => d.text = t,
            Some(AnswerValue::Stays(stays)) => {
                d.rows = stays
                    .iter()
                    .map(|s| Row::of(s.from, s.to, s.reason))
                    .collect()
            }
            Some(AnswerValue::Periods(periods)) => {
                d.rows = periods
                    .iter()
                    .map(|p| Row::of(p.from, p.to, p.basis))
                    .collect()
            }
            None => {}
        }
        d
    }
}

/// An error shown in the summary and next to its field.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldError {
    /// The id of the field to fix.
    pub field: String,
    /// What is wrong, in the reader's language.
    pub message: String,
}

/// Reads the draft into an answer, or the errors that stop it.
pub fn to_answer(q: Question, d: &Draft, lang: Lang) -> Result<AnswerValue, Vec<FieldError>> {
    let field = field_id(q);
    let err = |field: String, key: &str| FieldError {
        field,
        message: tr(lang, key).to_string(),
    };
    match q.kind() {
        Kind::Choice => d
            .choice
            .clone()
            .map(AnswerValue::Choice)
            .ok_or_else(|| vec![err(format!("{field}-0"), "ui.error.required")]),
        Kind::YesNo => match d.choice.as_deref() {
            Some("yes") => Ok(AnswerValue::YesNo(true)),
            Some("no") => Ok(AnswerValue::YesNo(false)),
            _ => Err(vec![err(format!("{field}-0"), "ui.error.required")]),
        },
        Kind::MultiChoice => Ok(AnswerValue::Choices(d.choices.clone())),
        Kind::Text => {
            if d.text.trim().is_empty() {
                Err(vec![err(field, "ui.error.required")])
            } else {
                Ok(AnswerValue::Text(d.text.trim().to_string()))
            }
        }
        Kind::Date => parse_date(&d.day, &d.month, &d.year)
            .map(AnswerValue::Date)
            .map_err(|(part, key)| vec![err(format!("{field}-{part}"), key)]),
        Kind::Stays | Kind::Periods => {
            let mut errors = Vec::new();
            let mut stays = Vec::new();
            let mut periods = Vec::new();
            for (i, row) in d.rows.iter().enumerate() {
                let from = crate::domain::dates::parse_iso(&row.from);
                let to = crate::domain::dates::parse_iso(&row.to);
                if from.is_none() {
                    errors.push(err(format!("{field}-{i}-from"), "ui.error.date.invalid"));
                }
                if to.is_none() {
                    errors.push(err(format!("{field}-{i}-to"), "ui.error.date.invalid"));
                }
                if let (Some(from), Some(to)) = (from, to) {
                    if q.kind() == Kind::Stays {
                        let reason = AbsenceReason::from_key(&row.kind).unwrap_or(NEW_STAY_REASON);
                        stays.push(Stay { from, to, reason });
                    } else {
                        let basis = EeaBasis::from_key(&row.kind).unwrap_or(NEW_PERIOD_BASIS);
                        periods.push(BasisPeriod { from, to, basis });
                    }
                }
            }
            if !errors.is_empty() {
                Err(errors)
            } else if q.kind() == Kind::Stays {
                Ok(AnswerValue::Stays(stays))
            } else {
                Ok(AnswerValue::Periods(periods))
            }
        }
    }
}

/// A date typed as day, month and year; the error names the part to fix.
fn parse_date(
    day: &str,
    month: &str,
    year: &str,
) -> Result<NaiveDate, (&'static str, &'static str)> {
    let num = |s: &str| s.trim().parse::<u32>().ok();
    let (d, m, y) = (num(day), num(month), num(year));
    if day.trim().is_empty() && month.trim().is_empty() && year.trim().is_empty() {
        return Err(("day", "ui.error.date.invalid"));
    }
    let Some(d) = d.filter(|d| (1..=31).contains(d)) else {
        return Err(("day", "ui.error.date.day"));
    };
    let Some(m) = m.filter(|m| (1..=12).contains(m)) else {
        return Err(("month", "ui.error.date.month"));
    };
    let Some(y) = y.filter(|y| (1000..=9999).contains(y)) else {
        return Err(("year", "ui.error.date.year"));
    };
    NaiveDate::from_ymd_opt(y as i32, m, d).ok_or(("day", "ui.error.date.invalid"))
}

/// The id of a question's field (the prefix of its parts' ids).
pub fn field_id(q: Question) -> String {
    format!("f-{}", q.name().replace(['.', '_'], "-"))
}

/// Which field a domain error belongs to (a row of a list, or the whole control).
pub fn field_for_error(field: &str, q: Question, e: &crate::domain::case::AnswerError) -> String {
    use crate::domain::case::AnswerError as E;
    match (q.kind(), e) {
        (Kind::Stays | Kind::Periods, E::EndBeforeStart { index: Some(i), .. }) => {
            format!("{field}-{i}-to")
        }
        (Kind::Stays, E::OverlappingStays { second, .. }) => format!("{field}-{second}-from"),
        (Kind::Date, _) => format!("{field}-day"),
        (Kind::Choice | Kind::YesNo, _) => format!("{field}-0"),
        _ => field.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_typed_as_day_month_year_is_read_and_impossible_dates_name_the_part() {
        assert_eq!(
            parse_date("27", "3", "2024"),
            Ok(NaiveDate::from_ymd_opt(2024, 3, 27).unwrap_or_default())
        );
        assert_eq!(
            parse_date(" 1", "01 ", "2025"),
            Ok(NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or_default())
        );
        assert_eq!(
            parse_date("31", "2", "2025"),
            Err(("day", "ui.error.date.invalid"))
        );
        assert_eq!(parse_date("29", "2", "2023").map_err(|e| e.0), Err("day"));
        assert!(parse_date("29", "2", "2024").is_ok());
        assert_eq!(
            parse_date("1", "13", "2025"),
            Err(("month", "ui.error.date.month"))
        );
        assert_eq!(
            parse_date("x", "1", "2025"),
            Err(("day", "ui.error.date.day"))
        );
        assert_eq!(
            parse_date("1", "1", "25"),
            Err(("year", "ui.error.date.year"))
        );
        assert_eq!(
            parse_date("", "", ""),
            Err(("day", "ui.error.date.invalid"))
        );
    }

    #[test]
    fn a_stay_row_with_a_missing_date_is_an_error_and_a_full_row_is_an_answer() {
        let lang = Lang::En;
        let mut d = Draft::default();
        d.rows.push(Row {
            from: "2025-01-01".into(),
            to: String::new(),
            kind: "other".into(),
        });
        let errs = to_answer(Question::StaysAbroad, &d, lang).unwrap_err();
        assert_eq!(errs[0].field, "f-stays-abroad-0-to");
        d.rows[0].to = "2025-01-10".into();
        assert!(
            matches!(to_answer(Question::StaysAbroad, &d, lang), Ok(AnswerValue::Stays(s)) if s.len() == 1)
        );
    }

    #[test]
    fn the_draft_round_trips_every_answer_kind() {
        let day = |m, d| NaiveDate::from_ymd_opt(2024, m, d).unwrap_or_default();
        for value in [
            AnswerValue::Choice("uk".into()),
            AnswerValue::YesNo(false),
            AnswerValue::Choices(vec!["lost".into(), "expired".into()]),
            AnswerValue::Date(NaiveDate::from_ymd_opt(2020, 2, 29).unwrap_or_default()),
            AnswerValue::Text("201258697561".into()),
            AnswerValue::Stays(vec![
                Stay {
                    from: day(1, 2),
                    to: day(1, 9),
                    reason: AbsenceReason::SeriousIllness,
                },
                Stay {
                    from: day(3, 1),
                    to: day(3, 1),
                    reason: AbsenceReason::Other,
                },
            ]),
            AnswerValue::Periods(vec![BasisPeriod {
                from: day(1, 1),
                to: day(6, 30),
                basis: EeaBasis::Student,
            }]),
        ] {
            let q = match &value {
                AnswerValue::Choice(_) => Question::Citizenship,
                AnswerValue::YesNo(_) => Question::EuRegistered,
                AnswerValue::Choices(_) => Question::CardSituation,
                AnswerValue::Date(_) => Question::ApplicationDate,
                AnswerValue::Stays(_) => Question::StaysAbroad,
                AnswerValue::Periods(_) => Question::UkBasisHistory,
                _ => Question::DufNumber,
            };
            let d = Draft::from_answer(Some(value.clone()));
            assert_eq!(to_answer(q, &d, Lang::En), Ok(value));
        }
    }
}
