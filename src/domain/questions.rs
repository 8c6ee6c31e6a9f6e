//! The questions, one per answer field, each tied to its rule-book id (`Q1` … `Q37`; the topic
//! question, which is not in the rule book, is `Q0`).
//!
//! A [`Question`] names a single thing to ask ("one thing per page"). The engine names the
//! questions whose answers would settle a "maybe"; the flow decides the order; the text layer
//! holds the words (key `q.<name>.*`).

use serde::{Serialize, Serializer};

macro_rules! questions {
    ($($v:ident => $name:literal, $q:literal;)*) => {
        /// One question of the checker.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Question { $(#[doc = $q] $v,)* }
        impl Question {
            /// Every question, in the rule book's order.
            pub const ALL: &'static [Question] = &[$(Question::$v,)*];
            /// The answer field's name in the answers format, e.g. `"card_expiry"`.
            pub fn name(self) -> &'static str { match self { $(Question::$v => $name,)* } }
            /// The rule book's question id, e.g. `"Q15"`.
            pub fn rulebook_id(self) -> &'static str { match self { $(Question::$v => $q,)* } }
            /// The question whose answer field has this name.
            pub fn from_name(name: &str) -> Option<Question> {
                match name { $($name => Some(Question::$v),)* _ => None }
            }
        }
    };
}

questions! {
    Citizenship => "citizenship", "Q1";
    EuFamilyMember => "eu_family_member", "Q2";
    BrexitRole => "brexit_role", "Q1";
    Status => "status", "Q3";
    Basis => "basis", "Q4";
    FamilyFiveYearGroup => "family_five_year_group", "Q4";
    AppliedFor => "applied_for", "Q5";
    ApplicationDate => "application_date", "Q6";
    AppliedFrom => "applied_from", "Q7";
    SubmittedBy => "submitted_by", "Q8";
    BiometricsTaken => "biometrics_taken", "Q9";
    TravelDocument => "travel_document", "Q10";
    LetterSaysMeetPolice => "letter_says_meet_police", "Q11";
    Channel => "channel", "Q12";
    DateOfBirth => "date_of_birth", "Q13";
    CardSituation => "card_situation", "Q14";
    CardExpiry => "card_expiry", "Q15";
    PermitExpiry => "permit_expiry", "Q16";
    LocationNow => "location_now", "Q17";
    HandInOldCard => "hand_in_old_card", "Q18";
    DufNumber => "duf_number", "Q19";
    NewPassportRecently => "new_passport_recently", "Q20";
    NewPassportDate => "new_passport_date", "Q20";
    AppointmentDate => "appointment_date", "Q21";
    CardLostInMail => "card_lost_in_mail", "Q22";
    PlannedDeparture => "planned_departure", "Q23";
    RenewalRegisteredOnline => "renewal_registered_online", "Q24";
    NoAppointmentBeforeDeadline => "no_appointment_before_deadline", "Q24";
    RenewalDigital => "renewal_digital", "Q24";
    PermitStart => "permit_start", "Q25";
    StaysAbroad => "stays_abroad", "Q26";
    ResidenceRequirementDate => "residence_requirement_date", "Q27";
    FirstQualifyingPermitDate => "first_qualifying_permit_date", "Q27";
    PermitGap => "permit_gap", "Q37";
    PlanAbroadOverTwoYears => "plan_abroad_over_two_years", "Q28";
    LongAbroadReason => "long_abroad_reason", "Q28";
    IntendsToReturn => "intends_to_return", "Q28";
    UkResidenceStart => "uk_residence_start", "Q29";
    UkBasisHistory => "uk_basis_history", "Q29";
    BrexitAppliedByDeadline => "brexit_applied_by_deadline", "Q30";
    BrexitApplicationDate => "brexit_application_date", "Q30";
    BrexitSpecialReasons => "brexit_special_reasons", "Q30";
    UkChildBirthOrAdoption => "uk_child_birth_or_adoption", "Q31";
    UkRelationship => "uk_family.relationship", "Q32";
    UkNationalBasis => "uk_family.uk_national_basis", "Q32";
    UkRelationshipBefore2021 => "uk_family.relationship_before_2021", "Q32";
    UkLivingInNorwayBy2021 => "uk_family.living_in_norway_by_2021", "Q32";
    UkCohabitationStart => "uk_family.cohabitation_start", "Q32";
    UkChildrenTogether => "uk_family.children_together", "Q32";
    UkWeddingWithinSixMonths => "uk_family.wedding_within_six_months", "Q32";
    UkHealthInsurance => "uk_family.health_insurance", "Q32";
    UkSupported => "uk_family.supported", "Q32";
    UkFosterConfirmation => "uk_family.foster_confirmation", "Q32";
    UkSiblingApproved => "uk_family.sibling_without_caregivers_approved", "Q32";
    UkOnlyCarer => "uk_family.only_carer_in_norway", "Q32";
    FrontierStartedBy2021 => "frontier_started_by_2021", "Q33";
    FrontierLivesAbroad => "frontier_lives_abroad", "Q33";
    OldPermitIndicators => "old_permit_indicators", "Q34";
    UkRegisteredAsEuFamily => "uk_registered_as_eu_family", "Q1";
    EuStayOverThreeMonths => "eu_stay_over_three_months", "Q35";
    EuRegistered => "eu_registered", "Q35";
    EuResidenceStart => "eu_residence_start", "Q35";
    OtherCitizenship => "other_citizenship", "Q36";
    Topic => "topic", "Q0";
}

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

impl Question {
    /// How the question is answered.
    pub fn kind(self) -> Kind {
        use Question::*;
        match self {
            Citizenship | Topic | BrexitRole | Status | Basis | AppliedFor | AppliedFrom
            | SubmittedBy | TravelDocument | LetterSaysMeetPolice | Channel | LocationNow
            | LongAbroadReason | UkRelationship | UkNationalBasis | PermitGap => Kind::Choice,
            CardSituation | OldPermitIndicators => Kind::MultiChoice,
            ApplicationDate
            | DateOfBirth
            | CardExpiry
            | PermitExpiry
            | NewPassportDate
            | AppointmentDate
            | PlannedDeparture
            | RenewalRegisteredOnline
            | PermitStart
            | ResidenceRequirementDate
            | FirstQualifyingPermitDate
            | UkResidenceStart
            | BrexitApplicationDate
            | UkChildBirthOrAdoption
            | UkCohabitationStart
            | EuResidenceStart => Kind::Date,
            DufNumber => Kind::Text,
            StaysAbroad => Kind::Stays,
            UkBasisHistory => Kind::Periods,
            _ => Kind::YesNo,
        }
    }

    /// The choices of a choice question, by their keys in the answers format (empty for other
    /// kinds).
    pub fn options(self) -> &'static [&'static str] {
        use crate::domain::answers as a;
        use Question::*;
        match self {
            Citizenship => a::Citizenship::OPTIONS,
            Topic => a::Topic::OPTIONS,
            BrexitRole => a::BrexitRole::OPTIONS,
            Status => a::Status::OPTIONS,
            Basis => a::Basis::OPTIONS,
            AppliedFor => a::AppliedFor::OPTIONS,
            AppliedFrom | LocationNow => a::Place::OPTIONS,
            SubmittedBy => a::SubmittedBy::OPTIONS,
            TravelDocument => a::TravelDocument::OPTIONS,
            LetterSaysMeetPolice => a::LetterSays::OPTIONS,
            Channel => a::Channel::OPTIONS,
            LongAbroadReason => a::LongAbroadReason::OPTIONS,
            UkRelationship => a::UkRelationship::OPTIONS,
            UkNationalBasis => a::UkNationalBasis::OPTIONS,
            PermitGap => a::PermitGap::OPTIONS,
            CardSituation => a::CardSituation::OPTIONS,
            OldPermitIndicators => a::OldPermitIndicator::OPTIONS,
            _ => &[],
        }
    }
}
