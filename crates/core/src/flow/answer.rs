//! Reading and writing one answer by its question, generically, through the answers format.
//!
//! Every [`Question`] names a field of [`Answers`] (`Question::name`, with a dot for the family
//! answers: `uk_family.relationship`), in the one question table of `domain::questions`, from
//! which the reading and writing here are built: no per-field code.

use chrono::NaiveDate;
use serde_json::Value;

use crate::domain::answers::{Answers, BasisPeriod, Stay};
use crate::domain::questions::{Question, QuestionSet};

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

/// Converts one answer field to and from [`AnswerValue`].
trait Field: Sized {
    fn to_answer(&self) -> AnswerValue;
    fn from_answer(value: AnswerValue) -> Option<Self>;
}

/// A choice, through its key in the answers format.
fn choice_key<T: Keyed>(v: &T) -> String {
    v.key().to_string()
}

fn from_key<T: Keyed>(key: String) -> Option<T> {
    T::from_key(&key)
}

macro_rules! choice_fields {
    ($($t:ty),*) => {$(
        impl Field for $t {
            fn to_answer(&self) -> AnswerValue {
                AnswerValue::Choice(choice_key(self))
            }
            fn from_answer(value: AnswerValue) -> Option<Self> {
                match value {
                    AnswerValue::Choice(c) => from_key(c),
                    _ => None,
                }
            }
        }
    )*};
}

macro_rules! list_fields {
    ($($t:ty),*) => {$(
        impl Field for Vec<$t> {
            fn to_answer(&self) -> AnswerValue {
                AnswerValue::Choices(self.iter().map(choice_key).collect())
            }
            fn from_answer(value: AnswerValue) -> Option<Self> {
                match value {
                    AnswerValue::Choices(cs) => cs.into_iter().map(from_key).collect(),
                    _ => None,
                }
            }
        }
    )*};
}

use crate::domain::answers::{
    AppliedFor, Basis, BrexitRole, CardSituation, Channel, Citizenship, Keyed, LetterSays,
    LongAbroadReason, OldPermitIndicator, PermitGap, Place, Status, SubmittedBy, Topic,
    TravelDocument, UkNationalBasis, UkRelationship,
};

choice_fields!(
    Citizenship,
    Topic,
    BrexitRole,
    Status,
    Basis,
    AppliedFor,
    Place,
    SubmittedBy,
    TravelDocument,
    LetterSays,
    Channel,
    LongAbroadReason,
    UkRelationship,
    UkNationalBasis,
    PermitGap
);
list_fields!(CardSituation, OldPermitIndicator);

impl Field for bool {
    fn to_answer(&self) -> AnswerValue {
        AnswerValue::YesNo(*self)
    }
    fn from_answer(value: AnswerValue) -> Option<Self> {
        match value {
            AnswerValue::YesNo(b) => Some(b),
            _ => None,
        }
    }
}

impl Field for NaiveDate {
    fn to_answer(&self) -> AnswerValue {
        AnswerValue::Date(*self)
    }
    fn from_answer(value: AnswerValue) -> Option<Self> {
        match value {
            AnswerValue::Date(d) => Some(d),
            _ => None,
        }
    }
}

impl Field for String {
    fn to_answer(&self) -> AnswerValue {
        AnswerValue::Text(self.clone())
    }
    fn from_answer(value: AnswerValue) -> Option<Self> {
        match value {
            AnswerValue::Text(t) => Some(t),
            _ => None,
        }
    }
}

impl Field for Vec<Stay> {
    fn to_answer(&self) -> AnswerValue {
        AnswerValue::Stays(self.clone())
    }
    fn from_answer(value: AnswerValue) -> Option<Self> {
        match value {
            AnswerValue::Stays(s) => Some(s),
            _ => None,
        }
    }
}

impl Field for Vec<BasisPeriod> {
    fn to_answer(&self) -> AnswerValue {
        AnswerValue::Periods(self.clone())
    }
    fn from_answer(value: AnswerValue) -> Option<Self> {
        match value {
            AnswerValue::Periods(p) => Some(p),
            _ => None,
        }
    }
}

/// One accessor per question: the field it reads and writes.
macro_rules! fields {
    ($($q:ident => $($f:ident).+, $id:literal, $kind:ident $(($t:ident))?, $skip:ident, [$($check:expr),*];)*) => {
        /// The answer to `q` as the UI's value, or `None` if unanswered.
        pub fn get(answers: &Answers, q: Question) -> Option<AnswerValue> {
            match q {
                $(Question::$q => answers.$($f).+.as_ref().map(Field::to_answer),)*
            }
        }

        /// Sets the answer to `q`. Returns `false` (and changes nothing) if the value is not a
        /// valid answer to that question (an unknown choice, a date for a yes/no question, …).
        pub fn set(answers: &mut Answers, q: Question, value: AnswerValue) -> bool {
            match q {
                $(Question::$q => match Field::from_answer(value) {
                    Some(v) => {
                        answers.$($f).+ = Some(v);
                        true
                    }
                    None => false,
                },)*
            }
        }

        /// Removes the answer to `q`.
        pub fn clear(answers: &mut Answers, q: Question) {
            match q {
                $(Question::$q => answers.$($f).+ = None,)*
            }
        }

        /// True when `q` has an answer.
        pub fn is_answered(answers: &Answers, q: Question) -> bool {
            match q {
                $(Question::$q => answers.$($f).+.is_some(),)*
            }
        }
    };
}

// One arm per row of the question table (`domain::questions`).
crate::domain::questions::question_table!(fields);

/// Every question that has an answer.
pub fn answered(answers: &Answers) -> QuestionSet {
    Question::ALL
        .iter()
        .copied()
        .filter(|q| is_answered(answers, *q))
        .collect()
}

/// The answer to `q` in the answers format (for the reviewers' flow graph), or `None`.
pub fn get_json(answers: &Answers, q: Question) -> Option<Value> {
    Some(match get(answers, q)? {
        AnswerValue::Choice(c) | AnswerValue::Text(c) => Value::String(c),
        AnswerValue::YesNo(b) => Value::Bool(b),
        AnswerValue::Date(d) => Value::String(d.to_string()),
        other => Value::String(format!("{other:?}")),
    })
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
    fn every_question_writes_the_answers_format_field_its_name_says() {
        use crate::domain::questions::Kind;
        for q in Question::ALL {
            let value = match q.kind() {
                Kind::Choice => AnswerValue::Choice(q.options()[0].into()),
                Kind::MultiChoice => AnswerValue::Choices(vec![]),
                Kind::YesNo => AnswerValue::YesNo(true),
                Kind::Date => {
                    AnswerValue::Date(NaiveDate::from_ymd_opt(2020, 1, 1).unwrap_or_default())
                }
                Kind::Text => AnswerValue::Text("201258697561".into()),
                Kind::Stays => AnswerValue::Stays(vec![]),
                Kind::Periods => AnswerValue::Periods(vec![]),
            };
            let mut a = Answers::default();
            assert!(set(&mut a, *q, value.clone()), "{}", q.name());
            assert_eq!(get(&a, *q), Some(value));
            let json = serde_json::to_value(&a).unwrap_or_default();
            let found = match q.name().split_once('.') {
                Some((outer, inner)) => json.get(outer).and_then(|o| o.get(inner)),
                None => json.get(q.name()),
            };
            assert!(found.is_some(), "{} is not the field it writes", q.name());
            clear(&mut a, *q);
            assert_eq!(a, Answers::default());
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
