//! Reading and writing one answer by its question, generically, through the answers format.
//!
//! Every [`Question`] names a field of [`Answers`] (`Question::name`, with a dot for the family
//! answers: `uk_family.relationship`). Going through the serde representation keeps the UI, the
//! flow and the saved file in step with no per-field code.

use chrono::NaiveDate;
use serde_json::{Map, Value};

use crate::domain::answers::{Answers, BasisPeriod, Stay};
use crate::domain::questions::Question;

/// A value for one question, as the UI collects it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerValue {
    /// One choice, by its key in the answers format (e.g. `"eu_eea"`).
    Choice(String),
    /// Several choices (an empty list means "none of these").
    Choices(Vec<String>),
    /// Yes or no.
    YesNo(bool),
    /// A date.
    Date(NaiveDate),
    /// Free text (the DUF number).
    Text(String),
    /// Stays abroad.
    Stays(Vec<Stay>),
    /// Basis periods.
    Periods(Vec<BasisPeriod>),
}

impl AnswerValue {
    fn to_json(&self) -> Value {
        match self {
            AnswerValue::Choice(c) | AnswerValue::Text(c) => Value::String(c.clone()),
            AnswerValue::Choices(cs) => {
                Value::Array(cs.iter().map(|c| Value::String(c.clone())).collect())
            }
            AnswerValue::YesNo(b) => Value::Bool(*b),
            AnswerValue::Date(d) => Value::String(d.to_string()),
            AnswerValue::Stays(s) => serde_json::to_value(s).unwrap_or(Value::Null),
            AnswerValue::Periods(p) => serde_json::to_value(p).unwrap_or(Value::Null),
        }
    }
}

fn to_map(answers: &Answers) -> Map<String, Value> {
    match serde_json::to_value(answers) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    }
}

fn from_map(map: Map<String, Value>) -> Option<Answers> {
    serde_json::from_value(Value::Object(map)).ok()
}

fn split(q: Question) -> (&'static str, Option<&'static str>) {
    match q.name().split_once('.') {
        Some((outer, inner)) => (outer, Some(inner)),
        None => (q.name(), None),
    }
}

/// The answer to `q` in the answers format, or `None` if unanswered.
pub fn get_json(answers: &Answers, q: Question) -> Option<Value> {
    let map = to_map(answers);
    let (outer, inner) = split(q);
    let v = map.get(outer)?;
    let v = match inner {
        Some(inner) => v.get(inner)?,
        None => v,
    };
    (!v.is_null()).then(|| v.clone())
}

/// Every question that has an answer.
pub fn answered(answers: &Answers) -> std::collections::BTreeSet<Question> {
    let map = to_map(answers);
    Question::ALL
        .iter()
        .copied()
        .filter(|q| {
            let (outer, inner) = split(*q);
            let v = map.get(outer);
            let v = match inner {
                Some(inner) => v.and_then(|v| v.get(inner)),
                None => v,
            };
            v.is_some_and(|v| !v.is_null())
        })
        .collect()
}

/// True when `q` has an answer.
pub fn is_answered(answers: &Answers, q: Question) -> bool {
    get_json(answers, q).is_some()
}

/// The answer to `q` as the UI's value, or `None` if unanswered.
pub fn get(answers: &Answers, q: Question) -> Option<AnswerValue> {
    let v = get_json(answers, q)?;
    Some(match v {
        Value::Bool(b) => AnswerValue::YesNo(b),
        Value::String(s) => match (q, s.parse::<NaiveDate>()) {
            (Question::DufNumber, _) => AnswerValue::Text(s),
            (_, Ok(d)) => AnswerValue::Date(d),
            (_, Err(_)) => AnswerValue::Choice(s),
        },
        Value::Array(items) => match q {
            Question::StaysAbroad => {
                AnswerValue::Stays(serde_json::from_value(Value::Array(items)).ok()?)
            }
            Question::UkBasisHistory => {
                AnswerValue::Periods(serde_json::from_value(Value::Array(items)).ok()?)
            }
            _ => AnswerValue::Choices(
                items
                    .into_iter()
                    .filter_map(|i| i.as_str().map(str::to_string))
                    .collect(),
            ),
        },
        _ => return None,
    })
}

/// Sets the answer to `q`. Returns `false` (and changes nothing) if the value is not a valid
/// answer to that question (an unknown choice, a date for a yes/no question, …).
pub fn set(answers: &mut Answers, q: Question, value: AnswerValue) -> bool {
    write(answers, q, Some(value.to_json()))
}

/// Removes the answer to `q`.
pub fn clear(answers: &mut Answers, q: Question) {
    write(answers, q, None);
}

fn write(answers: &mut Answers, q: Question, value: Option<Value>) -> bool {
    let mut map = to_map(answers);
    let (outer, inner) = split(q);
    match inner {
        None => match value {
            Some(v) => {
                map.insert(outer.to_string(), v);
            }
            None => {
                map.remove(outer);
            }
        },
        Some(inner) => {
            let mut sub = match map.remove(outer) {
                Some(Value::Object(m)) => m,
                _ => Map::new(),
            };
            match value {
                Some(v) => {
                    sub.insert(inner.to_string(), v);
                }
                None => {
                    sub.remove(inner);
                }
            }
            map.insert(outer.to_string(), Value::Object(sub));
        }
    }
    match from_map(map) {
        Some(new) => {
            *answers = new;
            true
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::answers::{Citizenship, UkRelationship};

    #[test]
    fn a_choice_is_set_read_and_cleared_by_its_question() {
        let mut a = Answers::default();
        assert!(set(
            &mut a,
            Question::Citizenship,
            AnswerValue::Choice("uk".into())
        ));
        assert_eq!(a.citizenship, Some(Citizenship::Uk));
        assert_eq!(
            get(&a, Question::Citizenship),
            Some(AnswerValue::Choice("uk".into()))
        );
        clear(&mut a, Question::Citizenship);
        assert_eq!(a, Answers::default());
    }

    #[test]
    fn a_family_answer_is_written_inside_uk_family() {
        let mut a = Answers::default();
        assert!(set(
            &mut a,
            Question::UkRelationship,
            AnswerValue::Choice("sibling".into())
        ));
        assert_eq!(a.uk_family.relationship, Some(UkRelationship::Sibling));
        assert!(is_answered(&a, Question::UkRelationship));
        assert!(!is_answered(&a, Question::UkSupported));
    }

    #[test]
    fn a_wrong_value_is_refused_and_changes_nothing() {
        let mut a = Answers::default();
        assert!(!set(
            &mut a,
            Question::Citizenship,
            AnswerValue::Choice("mars".into())
        ));
        assert!(!set(
            &mut a,
            Question::EuRegistered,
            AnswerValue::Date(NaiveDate::MIN)
        ));
        assert_eq!(a, Answers::default());
    }

    #[test]
    fn every_question_names_a_real_answer_field() {
        for q in Question::ALL {
            let mut a = Answers::default();
            // Writing JSON null to a field that does not exist would be refused by
            // deny_unknown_fields; a real field accepts it.
            let (outer, inner) = split(*q);
            let mut map = to_map(&a);
            match inner {
                None => {
                    map.insert(outer.into(), Value::Null);
                }
                Some(i) => {
                    let mut sub = Map::new();
                    sub.insert(i.into(), Value::Null);
                    map.insert(outer.into(), Value::Object(sub));
                }
            }
            a = from_map(map).unwrap_or_else(|| panic!("{} is not a field", q.name()));
            assert!(!is_answered(&a, *q));
        }
    }
}

#[cfg(test)]
mod option_tests {
    use super::*;
    use crate::domain::questions::Kind;

    #[test]
    fn every_listed_option_is_a_valid_answer_and_every_choice_question_has_options() {
        for q in Question::ALL {
            match q.kind() {
                Kind::Choice => {
                    assert!(!q.options().is_empty(), "{} has no options", q.name());
                    for o in q.options() {
                        let mut a = Answers::default();
                        assert!(
                            set(&mut a, *q, AnswerValue::Choice((*o).into())),
                            "{} = {o} refused",
                            q.name()
                        );
                    }
                }
                Kind::MultiChoice => {
                    let all: Vec<String> = q.options().iter().map(|o| o.to_string()).collect();
                    let mut a = Answers::default();
                    assert!(set(&mut a, *q, AnswerValue::Choices(all)), "{}", q.name());
                }
                _ => assert!(q.options().is_empty()),
            }
        }
    }
}
