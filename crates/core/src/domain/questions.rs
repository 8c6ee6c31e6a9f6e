//! The questions, one per answer field, each tied to its rule-book id (`Q1` … `Q38`; the topic
//! question, which is not in the rule book, is `Q0`).
//!
//! A [`Question`] names a single thing to ask ("one thing per page"). The engine names the
//! questions whose answers would settle a "maybe"; the flow decides the order; the text layer
//! holds the words (key `q.<name>.*`).
//!
//! **One table** ([`question_table!`]): each question's answer field, rule-book id, kind (with
//! its choices), whether it may be skipped, and the checks on its answer. This module builds
//! [`Question`] from it; `flow::answer` builds the reading and writing of each field from the
//! same rows, and `case::Case::from_answers` runs the checks. Adding a question is a row here,
//! its field in `answers.rs`, where the flow asks it (`flow/mod.rs`), and its words in the
//! catalogues.
//!
//! May import `domain::answers` only.

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

use crate::domain::answers::Answers;

/// The question table, handed to `$then!` (a macro that reads the rows it needs). A row:
/// `Variant => answer.field, "rule-book id", Kind(choices), skip | ask, [checks];` where the
/// field is the answer field in [`Answers`] and its name in the answers format, the choices
/// (for the kinds that have them) are a `Keyed` type of `domain::answers`, `skip` says "I
/// don't know yet" is an answer (the checker then says what the answer would settle), and
/// the checks are [`Check`]s. The rows are in the rule book's order, which is also the
/// field order of [`Answers`].
macro_rules! question_table {
    ($then:ident) => {
        $then! {
            Citizenship                 => citizenship,                                   "Q1",  Choice(Citizenship),             ask,  [];
            EuFamilyMember              => eu_family_member,                              "Q2",  YesNo,                           ask,  [];
            BrexitRole                  => brexit_role,                                   "Q1",  Choice(BrexitRole),              ask,  [];
            Status                      => status,                                        "Q3",  Choice(Status),                  ask,  [];
            Basis                       => basis,                                         "Q4",  Choice(Basis),                   ask,  [];
            FamilyFiveYearGroup         => family_five_year_group,                        "Q4",  YesNo,                           ask,  [];
            AppliedFor                  => applied_for,                                   "Q5",  Choice(AppliedFor),              ask,  [];
            ApplicationDate             => application_date,                              "Q6",  Date,                            ask,  [];
            AppliedFrom                 => applied_from,                                  "Q7",  Choice(Place),                   ask,  [];
            SubmittedBy                 => submitted_by,                                  "Q8",  Choice(SubmittedBy),             ask,  [];
            BiometricsTaken             => biometrics_taken,                              "Q9",  YesNo,                           ask,  [];
            TravelDocument              => travel_document,                               "Q10", Choice(TravelDocument),          ask,  [];
            LetterSaysMeetPolice        => letter_says_meet_police,                       "Q11", Choice(LetterSays),              ask,  [];
            Channel                     => channel,                                       "Q12", Choice(Channel),                 ask,  [];
            DateOfBirth                 => date_of_birth,                                 "Q13", Date,                            ask,  [NotInFuture];
            CardSituation               => card_situation,                                "Q14", MultiChoice(CardSituation),      ask,  [];
            CardExpiry                  => card_expiry,                                   "Q15", Date,                            skip, [];
            PermitExpiry                => permit_expiry,                                 "Q16", Date,                            skip, [NotBefore(PermitStart)];
            LocationNow                 => location_now,                                  "Q17", Choice(Place),                   ask,  [];
            HandInOldCard               => hand_in_old_card,                              "Q18", YesNo,                           ask,  [];
            DufNumber                   => duf_number,                                    "Q19", Text,                            skip, [];
            NewPassportRecently         => new_passport_recently,                         "Q20", YesNo,                           ask,  [];
            NewPassportDate             => new_passport_date,                             "Q20", Date,                            skip, [];
            AppointmentDate             => appointment_date,                              "Q21", Date,                            skip, [];
            CardLostInMail              => card_lost_in_mail,                             "Q22", YesNo,                           ask,  [];
            PlannedDeparture            => planned_departure,                             "Q23", Date,                            skip, [];
            RenewalRegisteredOnline     => renewal_registered_online,                     "Q24", Date,                            skip, [];
            NoAppointmentBeforeDeadline => no_appointment_before_deadline,                "Q24", YesNo,                           ask,  [];
            RenewalDigital              => renewal_digital,                               "Q24", YesNo,                           ask,  [];
            PermitStart                 => permit_start,                                  "Q25", Date,                            skip, [];
            StaysAbroad                 => stays_abroad,                                  "Q26", Stays,                           ask,  [];
            ResidenceRequirementDate    => residence_requirement_date,                    "Q27", Date,                            skip, [];
            FirstQualifyingPermitDate   => first_qualifying_permit_date,                  "Q27", Date,                            skip, [];
            PermitGap                   => permit_gap,                                    "Q37", Choice(PermitGap),               ask,  [];
            PlanAbroadOverTwoYears      => plan_abroad_over_two_years,                    "Q28", YesNo,                           ask,  [];
            LongAbroadReason            => long_abroad_reason,                            "Q28", Choice(LongAbroadReason),        ask,  [];
            IntendsToReturn             => intends_to_return,                             "Q28", YesNo,                           ask,  [];
            UkResidenceStart            => uk_residence_start,                            "Q29", Date,                            ask,  [];
            UkBasisHistory              => uk_basis_history,                              "Q29", Periods,                         skip, [];
            BrexitAppliedByDeadline     => brexit_applied_by_deadline,                    "Q30", YesNo,                           ask,  [];
            BrexitApplicationDate       => brexit_application_date,                       "Q30", Date,                            ask,  [];
            BrexitSpecialReasons        => brexit_special_reasons,                        "Q30", YesNo,                           ask,  [];
            UkChildBirthOrAdoption      => uk_child_birth_or_adoption,                    "Q31", Date,                            skip, [];
            UkRelationship              => uk_family.relationship,                        "Q32", Choice(UkRelationship),          ask,  [];
            UkNationalBasis             => uk_family.uk_national_basis,                   "Q32", Choice(UkNationalBasis),         ask,  [];
            UkRelationshipBefore2021    => uk_family.relationship_before_2021,            "Q32", YesNo,                           ask,  [];
            UkLivingInNorwayBy2021      => uk_family.living_in_norway_by_2021,            "Q32", YesNo,                           ask,  [];
            UkCohabitationStart         => uk_family.cohabitation_start,                  "Q32", Date,                            skip, [];
            UkChildrenTogether          => uk_family.children_together,                   "Q32", YesNo,                           ask,  [];
            UkWeddingWithinSixMonths    => uk_family.wedding_within_six_months,           "Q32", YesNo,                           ask,  [];
            UkHealthInsurance           => uk_family.health_insurance,                    "Q32", YesNo,                           ask,  [];
            UkSupported                 => uk_family.supported,                           "Q32", YesNo,                           ask,  [];
            UkFosterConfirmation        => uk_family.foster_confirmation,                 "Q32", YesNo,                           ask,  [];
            UkSiblingApproved           => uk_family.sibling_without_caregivers_approved, "Q32", YesNo,                           ask,  [];
            UkOnlyCarer                 => uk_family.only_carer_in_norway,                "Q32", YesNo,                           ask,  [];
            FrontierStartedBy2021       => frontier_started_by_2021,                      "Q33", YesNo,                           ask,  [];
            FrontierLivesAbroad         => frontier_lives_abroad,                         "Q33", YesNo,                           ask,  [];
            OldPermitIndicators         => old_permit_indicators,                         "Q34", MultiChoice(OldPermitIndicator), ask,  [];
            UkRegisteredAsEuFamily      => uk_registered_as_eu_family,                    "Q1",  YesNo,                           ask,  [];
            EuStayOverThreeMonths       => eu_stay_over_three_months,                     "Q35", YesNo,                           ask,  [];
            EuRegistered                => eu_registered,                                 "Q35", YesNo,                           ask,  [];
            EuResidenceStart            => eu_residence_start,                            "Q35", Date,                            skip, [];
            OtherCitizenship            => other_citizenship,                             "Q36", YesNo,                           ask,  [];
            FirstCollectivePermit       => first_collective_permit,                       "Q38", Date,                            skip, [NotInFuture, NotBeforeDay(COLLECTIVE_PROTECTION_FROM)];
            Topic                       => topic,                                         "Q0",  Choice(Topic),                   ask,  [];
        }
    };
}
pub(crate) use question_table;

/// The choices of a row's kind, if it has any.
macro_rules! choices_of {
    () => {
        &[]
    };
    ($t:ident) => {
        crate::domain::answers::$t::OPTIONS
    };
}

/// A row's date answer: the field for a date question, `None` for the others.
macro_rules! date_of {
    (Date, $field:expr) => {
        $field
    };
    ($kind:ident, $field:expr) => {
        None
    };
}

macro_rules! define_questions {
    ($($v:ident => $($f:ident).+, $q:literal, $kind:ident $(($t:ident))?, $skip:ident, [$($check:expr),*];)*) => {
        /// One question of the checker.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, enumset::EnumSetType)]
        #[enumset(no_super_impls)]
        pub enum Question { $(#[doc = $q] $v,)* }
        impl Question {
            /// Every question, in the rule book's order.
            pub const ALL: &'static [Question] = &[$(Question::$v,)*];
            /// The answer field's name in the answers format, e.g. `"card_expiry"`.
            pub fn name(self) -> &'static str {
                match self { $(Question::$v => stringify!($($f).+),)* }
            }
            /// The rule book's question id, e.g. `"Q15"`.
            pub fn rulebook_id(self) -> &'static str { match self { $(Question::$v => $q,)* } }
            /// The question whose answer field has this name.
            pub fn from_name(name: &str) -> Option<Question> {
                Question::ALL.iter().copied().find(|q| q.name() == name)
            }
            /// How the question is answered.
            pub fn kind(self) -> Kind { match self { $(Question::$v => Kind::$kind,)* } }
            /// The choices of a choice question, by their keys in the answers format (empty for
            /// other kinds).
            pub fn options(self) -> &'static [&'static str] {
                match self { $(Question::$v => choices_of!($($t)?),)* }
            }
            /// Whether the question may be skipped ("I don't know yet" / "I don't have one").
            pub fn is_skippable(self) -> bool {
                match self { $(Question::$v => stringify!($skip) == "skip",)* }
            }
            /// The checks on a given answer, besides those of its kind (a date's range, a
            /// list's entries, the DUF number's form).
            pub fn checks(self) -> &'static [Check] {
                #[allow(unused_imports)]
                use {Check::*, Question::*};
                match self { $(Question::$v => &[$($check),*],)* }
            }
            /// The answer to a date question, if given (`None` for the other kinds).
            pub fn date_answer(self, a: &Answers) -> Option<NaiveDate> {
                match self { $(Question::$v => date_of!($kind, a.$($f).+),)* }
            }
        }
    };
}

question_table!(define_questions);

/// A set of questions (the ones skipped, the ones a path reaches), in [`Question::ALL`]'s order:
/// one bit per question (the `enumset` crate). A `BTreeSet` cost the browser app about 3 KB of
/// its first load in tree code for no gain.
pub type QuestionSet = enumset::EnumSet<Question>;

/// A check on a date answer besides its range (every date is between 1900 and 2199, by its
/// kind), run by `case::Case::from_answers`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Check {
    /// Not after today (a date of birth).
    NotInFuture,
    /// Not before the answer to that question (a period's end after its start).
    NotBefore(Question),
    /// Not before this day (nothing of its kind existed earlier).
    NotBeforeDay(NaiveDate),
}

/// 11 March 2022: the first permits under temporary collective protection for people from
/// Ukraine (rule book, Q38 and R-138): no first permit can be earlier.
pub const COLLECTIVE_PROTECTION_FROM: NaiveDate = match NaiveDate::from_ymd_opt(2022, 3, 11) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

impl Serialize for Question {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

/// How a question is answered: the control the UI shows for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// One of [`Question::options`].
    Choice,
    /// Any number of [`Question::options`].
    MultiChoice,
    /// Yes or no.
    YesNo,
    /// A date.
    Date,
    /// Free text (the DUF number).
    Text,
    /// A list of stays abroad.
    Stays,
    /// A list of basis periods.
    Periods,
}
