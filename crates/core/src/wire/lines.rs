//! The answers as lines of `question=value`: the small form in which the report worker hands
//! loaded answers to the page, so the page carries no JSON reader. May import `domain` and
//! `flow::answer` (one answer at a time, by its question).

use chrono::NaiveDate;

use crate::domain::answers::{AbsenceReason, Answers, BasisPeriod, EeaBasis, Keyed, Stay};
use crate::domain::dates::parse_iso;
use crate::domain::questions::{Kind, Question};
use crate::flow::answer::{get, set, AnswerValue};

/// The answers as lines of `question=value`, the small form in which the report worker hands
/// loaded answers to the page (the page then needs no JSON reader). Values: a choice's key;
/// several keys joined by `,`; `yes`/`no`; a date `YYYY-MM-DD`; text with `\`, line breaks
/// escaped; stays and periods as `from/to/key` joined by `;`. [`from_lines`] reads it back.
pub fn to_lines(answers: &Answers) -> String {
    let mut out = String::new();
    for &q in Question::ALL {
        let Some(value) = get(answers, q) else {
            continue;
        };
        out.push_str(q.name());
        out.push('=');
        match value {
            AnswerValue::Choice(c) => out.push_str(&c),
            AnswerValue::Choices(cs) => out.push_str(&cs.join(",")),
            AnswerValue::YesNo(b) => out.push_str(if b { "yes" } else { "no" }),
            AnswerValue::Date(d) => out.push_str(&d.to_string()),
            AnswerValue::Text(t) => {
                for c in t.chars() {
                    match c {
                        '\\' => out.push_str("\\\\"),
                        '\n' => out.push_str("\\n"),
                        '\r' => out.push_str("\\r"),
                        c => out.push(c),
                    }
                }
            }
            AnswerValue::Stays(stays) => {
                let rows: Vec<String> = stays
                    .iter()
                    .map(|s| format!("{}/{}/{}", s.from, s.to, s.reason.key()))
                    .collect();
                out.push_str(&rows.join(";"));
            }
            AnswerValue::Periods(periods) => {
                let rows: Vec<String> = periods
                    .iter()
                    .map(|p| format!("{}/{}/{}", p.from, p.to, p.basis.key()))
                    .collect();
                out.push_str(&rows.join(";"));
            }
        }
        out.push('\n');
    }
    out
}

/// Reads [`to_lines`] back; `None` if any line is not a valid answer.
pub fn from_lines(text: &str) -> Option<Answers> {
    let mut answers = Answers::default();
    for line in text.lines() {
        let (name, value) = line.split_once('=')?;
        let q = Question::from_name(name)?;
        let rows = |value: &str| -> Option<Vec<(NaiveDate, NaiveDate, String)>> {
            if value.is_empty() {
                return Some(Vec::new());
            }
            value
                .split(';')
                .map(|row| {
                    let mut parts = row.split('/');
                    let from = parse_iso(parts.next()?)?;
                    let to = parse_iso(parts.next()?)?;
                    let key = parts.next()?.to_string();
                    parts.next().is_none().then_some((from, to, key))
                })
                .collect()
        };
        let value = match q.kind() {
            Kind::Choice => AnswerValue::Choice(value.to_string()),
            Kind::MultiChoice => AnswerValue::Choices(if value.is_empty() {
                Vec::new()
            } else {
                value.split(',').map(str::to_string).collect()
            }),
            Kind::YesNo => AnswerValue::YesNo(match value {
                "yes" => true,
                "no" => false,
                _ => return None,
            }),
            Kind::Date => AnswerValue::Date(parse_iso(value)?),
            Kind::Text => {
                let mut t = String::new();
                let mut chars = value.chars();
                while let Some(c) = chars.next() {
                    t.push(match c {
                        '\\' => match chars.next()? {
                            'n' => '\n',
                            'r' => '\r',
                            '\\' => '\\',
                            _ => return None,
                        },
                        c => c,
                    });
                }
                AnswerValue::Text(t)
            }
            Kind::Stays => AnswerValue::Stays(
                rows(value)?
                    .into_iter()
                    .map(|(from, to, key)| {
                        Some(Stay {
                            from,
                            to,
                            reason: AbsenceReason::from_key(&key)?,
                        })
                    })
                    .collect::<Option<_>>()?,
            ),
            Kind::Periods => AnswerValue::Periods(
                rows(value)?
                    .into_iter()
                    .map(|(from, to, key)| {
                        Some(BasisPeriod {
                            from,
                            to,
                            basis: EeaBasis::from_key(&key)?,
                        })
                    })
                    .collect::<Option<_>>()?,
            ),
        };
        if !set(&mut answers, q, value) {
            return None;
        }
    }
    Some(answers)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::answers::Citizenship;

    #[test]
    fn the_line_form_refuses_unknown_questions_and_invalid_values() {
        for bad in [
            "no_such_question=yes",
            "citizenship=mars",
            "eu_family_member=maybe",
            "application_date=2024-1-5",
            "stays_abroad=2024-01-01/2024-02-01",
            "stays_abroad=2024-01-01/2024-02-01/holiday_of_a_lifetime",
            "duf_number=12\\x",
            "citizenship",
        ] {
            assert_eq!(from_lines(bad), None, "{bad}");
        }
        assert_eq!(
            from_lines("citizenship=uk\n").map(|a| a.citizenship),
            Some(Some(Citizenship::Uk))
        );
    }
}
