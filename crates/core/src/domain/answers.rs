//! The applicant's answers to the rule book's questions (`Q0` … `Q38`), as typed values.
//!
//! Every answer is `None` until given. Choices are enums, dates are dates, stays abroad are a
//! list of date ranges with a reason. Nothing here is validated beyond its type: that is the job
//! of [`crate::domain::case::Case::from_answers`]. The serde names are the machine-readable
//! answers format documented in `docs/answers-format.md`; renaming one is a format change.
//! Each choice is defined once, with `choices!`: its values, keys, serde names and options.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Defines a choice of the answers format in one place: the enum, its serde names (the keys
/// of the answers format, which are also the option keys of its question and of the
/// catalogues, `q.<question>.opt.<key>`), its [`Keyed`] table and its `OPTIONS` in order. A
/// new option is one line here (and its words in the catalogues).
macro_rules! choices {
    ($(#[$m:meta])* pub enum $t:ident { $($(#[$vm:meta])* $v:ident = $key:literal,)* }) => {
        $(#[$m])*
        #[derive(Serialize, Deserialize)]
        pub enum $t { $($(#[$vm])* #[serde(rename = $key)] $v,)* }
        impl Keyed for $t {
            const KEYS: &'static [(&'static str, Self)] = &[$(($key, $t::$v)),*];
        }
        impl $t {
            /// Every value, in order.
            pub const ALL: &'static [$t] = &[$($t::$v),*];
            /// Every option's key, in order.
            pub const OPTIONS: &'static [&'static str] = &[$($key),*];
        }
    };
}

choices! {
    /// What the applicant wants to find out: the journey asks only the facts that topic needs and
    /// shows its findings ("topic first"). Not a fact about the applicant, but part of the answers
    /// so that a saved file or a link reopens the same journey; a file without it (format
    /// version 1) is read as [`Topic::Everything`].
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
    pub enum Topic {
        /// I have applied or got a decision, and need my residence card (police or post).
        GetCard = "get_card",
        /// My card is lost, stolen, damaged or wrong: a new card.
        CardProblem = "card_problem",
        /// My card or permit is expiring: renewal, or a new card for a permanent permit.
        Expiring = "expiring",
        /// Travel and time abroad.
        Travel = "travel",
        /// Permanent residence: applying, or keeping it.
        Permanent = "permanent",
        /// The Brexit rules.
        Brexit = "brexit",
        /// Temporary collective protection (Ukraine).
        CollectiveProtection = "collective_protection",
        /// Not sure: the full check.
        Everything = "everything",
    }
}

impl Topic {
    /// The status that what was applied for implies, on the "get my card" journey: waiting
    /// for a first permit, or holding the temporary permit being renewed or built on. `None`
    /// for a new card only (any status), a Brexit permit and permanent right (asked).
    pub fn implied_status(applied: AppliedFor) -> Option<Status> {
        match applied {
            AppliedFor::FirstPermit
            | AppliedFor::DerivedRefugee
            | AppliedFor::FirstAsylumWithPolice => Some(Status::NoneYet),
            AppliedFor::Renewal | AppliedFor::PermanentPermit => Some(Status::Temporary),
            AppliedFor::PermanentRight | AppliedFor::BrexitPermit | AppliedFor::NewCardOnly => None,
        }
    }

    /// What the topic says the applicant is applying for, given their status, where the
    /// journey does not ask it (each fact once: choosing "my card is lost" already says a new
    /// card is wanted).
    pub fn implied_applied_for(self, status: Option<Status>) -> Option<AppliedFor> {
        let temporary = matches!(status, Some(Status::Temporary | Status::BrexitTemporary));
        let permanent = matches!(
            status,
            Some(Status::PermanentPermit | Status::PermanentRight)
        );
        match self {
            Topic::CardProblem => Some(AppliedFor::NewCardOnly),
            Topic::Expiring if temporary => Some(AppliedFor::Renewal),
            Topic::Expiring if permanent => Some(AppliedFor::NewCardOnly),
            Topic::Permanent if temporary => Some(AppliedFor::PermanentPermit),
            Topic::CollectiveProtection if temporary => Some(AppliedFor::Renewal),
            _ => None,
        }
    }
}

choices! {
    /// Q1: citizenship category.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum Citizenship {
        /// A citizen of an EU or EEA country (not Norway).
        EuEea = "eu_eea",
        /// A citizen of the United Kingdom.
        Uk = "uk",
        /// Any other citizenship (outside the EU/EEA).
        Other = "other",
    }
}

choices! {
    /// Q3: the applicant's current residence status.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum Status {
        /// No permit yet, or an application is pending.
        NoneYet = "none_yet",
        /// A temporary residence permit.
        Temporary = "temporary",
        /// A permanent residence permit (including the old settlement permit, bosettingstillatelse).
        PermanentPermit = "permanent_permit",
        /// Permanent right of residence (varig oppholdsrett) under the EU/EEA rules.
        PermanentRight = "permanent_right",
        /// A temporary permit under the Brexit rules.
        BrexitTemporary = "brexit_temporary",
        /// An EU/EEA registration certificate (registreringsbevis).
        EuRegistration = "eu_registration",
        /// An EU/EEA permanent residence certificate.
        EuPermanentCertificate = "eu_permanent_certificate",
        /// The applicant does not know.
        DontKnow = "dont_know",
    }
}

choices! {
    /// Q4: the basis of the permit.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum Basis {
        /// Work immigration.
        Work = "work",
        /// Studies.
        Study = "study",
        /// Family immigration.
        Family = "family",
        /// Protection (asylum).
        Protection = "protection",
        /// Strong humanitarian considerations or a particular connection to Norway.
        Humanitarian = "humanitarian",
        /// Temporary collective protection (people displaced from Ukraine, R-130).
        CollectiveProtection = "collective_protection",
        /// The Brexit rules.
        Brexit = "brexit",
        /// Family member of an EU/EEA national.
        EuFamily = "eu_family",
        /// Anything else.
        Other = "other",
    }
}

choices! {
    /// Q5: what the applicant applied for.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum AppliedFor {
        /// A first residence permit.
        FirstPermit = "first_permit",
        /// Renewal of a permit.
        Renewal = "renewal",
        /// A permanent residence permit.
        PermanentPermit = "permanent_permit",
        /// Permanent right of residence as a family member of an EU/EEA national.
        PermanentRight = "permanent_right",
        /// Derived refugee status.
        DerivedRefugee = "derived_refugee",
        /// Protection (asylum) for the first time, lodged with the police.
        FirstAsylumWithPolice = "first_asylum_with_police",
        /// A permit under the Brexit rules.
        BrexitPermit = "brexit_permit",
        /// Only a new residence card.
        NewCardOnly = "new_card_only",
    }
}

choices! {
    /// Q7 and Q17: Norway or abroad.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum Place {
        /// In Norway.
        Norway = "norway",
        /// Outside Norway.
        Abroad = "abroad",
    }
}

choices! {
    /// Q8: who submitted the application.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum SubmittedBy {
        /// The applicant, in person.
        Myself = "myself",
        /// The employer, online on the applicant's behalf.
        Employer = "employer",
        /// Someone with power of attorney (for example a lawyer).
        PowerOfAttorney = "power_of_attorney",
    }
}

choices! {
    /// Q10: a Norwegian immigrant's passport (utlendingspass) or refugee travel document (reisebevis).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum TravelDocument {
        /// The applicant has no such document.
        None = "none",
        /// A valid document that has not been handed in to the police.
        Valid = "valid",
        /// An expired document, already handed in to the police.
        ExpiredHandedIn = "expired_handed_in",
        /// An expired document, not handed in to the police.
        ExpiredNotHandedIn = "expired_not_handed_in",
    }
}

choices! {
    /// Q11: does the decision letter say the applicant must meet the police?
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum LetterSays {
        /// Yes, the letter says so.
        Yes = "yes",
        /// No, the letter says no meeting is needed.
        No = "no",
        /// No letter yet, or unsure.
        Unsure = "unsure",
    }
}

choices! {
    /// Q12: how the application was made.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum Channel {
        /// Online, in UDI's Application Portal.
        Online = "online",
        /// On paper.
        Paper = "paper",
    }
}

choices! {
    /// Q14: why a new card may be needed (several may apply).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
    pub enum CardSituation {
        /// The card expires soon.
        ExpiringSoon = "expiring_soon",
        /// The card has expired.
        Expired = "expired",
        /// The card is lost.
        Lost = "lost",
        /// The card was stolen.
        Stolen = "stolen",
        /// The card is damaged.
        Damaged = "damaged",
        /// The information on the card is wrong (for example name or citizenship).
        WrongInformation = "wrong_information",
        /// The applicant received a card that was damaged or had errors when it arrived.
        ReceivedDefective = "received_defective",
        /// A change of name or other information on the card.
        NameOrOtherChange = "name_or_other_change",
        /// A passport sticker (expired, or to be replaced by a card).
        PassportSticker = "passport_sticker",
    }
}

choices! {
    /// Q37: time without a valid permit between two permits, in total.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum PermitGap {
        /// Never without a valid permit.
        None = "none",
        /// Three months or less in total.
        UpToThreeMonths = "up_to_three_months",
        /// More than three months in total.
        OverThreeMonths = "over_three_months",
    }
}

impl CardSituation {
    /// Something is wrong with the card itself (lost, stolen, damaged, wrong or defective
    /// information, or details that changed): the card is replaced now, whatever its expiry.
    pub fn is_card_problem(self) -> bool {
        matches!(
            self,
            CardSituation::Lost
                | CardSituation::Stolen
                | CardSituation::Damaged
                | CardSituation::WrongInformation
                | CardSituation::ReceivedDefective
                | CardSituation::NameOrOtherChange
        )
    }
}

choices! {
    /// Q26: why the applicant was abroad.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
    pub enum AbsenceReason {
        /// Pregnancy or childbirth.
        PregnancyChildbirth = "pregnancy_childbirth",
        /// Serious illness.
        SeriousIllness = "serious_illness",
        /// Research, studies or vocational training.
        StudiesResearchTraining = "studies_research_training",
        /// Secondment abroad.
        Secondment = "secondment",
        /// Compulsory military or civilian service.
        MilitaryCivilianService = "military_civilian_service",
        /// Work abroad.
        WorkAbroad = "work_abroad",
        /// Holidays or any other reason.
        Other = "other",
    }
}

impl AbsenceReason {
    /// Reasons for which a longer absence does not break continuous residence under the EU/EEA
    /// and Brexit rules.
    pub fn is_exempt(self) -> bool {
        !matches!(self, AbsenceReason::WorkAbroad | AbsenceReason::Other)
    }
}

/// Q26: one stay outside Norway (both days inclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a stay abroad, {\"from\": date, \"to\": date, \"reason\": …}"
)]
pub struct Stay {
    /// The day the applicant left Norway.
    #[serde(deserialize_with = "crate::domain::dates::strict::date")]
    pub from: NaiveDate,
    /// The day the applicant came back.
    #[serde(deserialize_with = "crate::domain::dates::strict::date")]
    pub to: NaiveDate,
    /// Why the applicant was abroad.
    pub reason: AbsenceReason,
}

choices! {
    /// Q28: why a permanent-permit holder plans to live abroad for more than two years.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum LongAbroadReason {
        /// Military or civilian national service (or equivalent) in the home country.
        NationalService = "national_service",
        /// Work abroad.
        Work = "work",
        /// Studies above upper-secondary level.
        HigherStudies = "higher_studies",
        /// Accompanying a spouse, cohabitant or parent who works or studies abroad.
        AccompanyingFamily = "accompanying_family",
        /// Any other reason.
        Other = "other",
    }
}

choices! {
    /// Q29: the basis for EU/EEA right of residence during a period.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum EeaBasis {
        /// Employee.
        Employee = "employee",
        /// Self-employed.
        SelfEmployed = "self_employed",
        /// Student.
        Student = "student",
        /// Sufficient funds of one's own.
        SufficientFunds = "sufficient_funds",
        /// Family member of a person with one of the other bases.
        FamilyMember = "family_member",
    }
}

/// Q29: one period of the basis history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a period, {\"from\": date, \"to\": date, \"basis\": …}"
)]
pub struct BasisPeriod {
    /// First day of the period.
    #[serde(deserialize_with = "crate::domain::dates::strict::date")]
    pub from: NaiveDate,
    /// Last day of the period (inclusive).
    #[serde(deserialize_with = "crate::domain::dates::strict::date")]
    pub to: NaiveDate,
    /// The basis held.
    pub basis: EeaBasis,
}

choices! {
    /// How the Brexit rules may concern the applicant.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum BrexitRole {
        /// A UK national living in Norway.
        UkNational = "uk_national",
        /// A family member of a UK national living in Norway.
        FamilyMember = "family_member",
        /// A UK frontier worker (works in Norway, lives abroad).
        FrontierWorker = "frontier_worker",
        /// A family member of a UK frontier worker.
        FrontierWorkerFamily = "frontier_worker_family",
        /// None of these.
        NotConcerned = "not_concerned",
    }
}

choices! {
    /// Q32: the relationship of a family member to the UK national.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum UkRelationship {
        /// Spouse or registered partner.
        Spouse = "spouse",
        /// Cohabitant.
        Cohabitant = "cohabitant",
        /// Engaged to be married.
        Engaged = "engaged",
        /// Child, grandchild or great-grandchild.
        Descendant = "descendant",
        /// Parent, grandparent or great-grandparent.
        Ascendant = "ascendant",
        /// Foster child.
        FosterChild = "foster_child",
        /// Full sibling.
        Sibling = "sibling",
        /// A family member who needs care because of serious health problems.
        NeedsCare = "needs_care",
        /// Another family member who is sufficiently supported by, or part of the household of, the
        /// UK national.
        OtherSupported = "other_supported",
    }
}

choices! {
    /// Q32: the UK national's basis of residence.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum UkNationalBasis {
        /// Employed, self-employed or with sufficient funds.
        WorkerOrFunds = "worker_or_funds",
        /// Student.
        Student = "student",
    }
}

choices! {
    /// Q34: signs that a UK national holds an old permanent residence permit.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
    pub enum OldPermitIndicator {
        /// Came to Norway in the 1990s or earlier.
        Arrived1990sOrEarlier = "arrived1990s_or_earlier",
        /// Has or had a passport sticker stating permanent residence.
        PermanentSticker = "permanent_sticker",
        /// Got a work permit under the EU/EEA rules and a permanent permit before 2010.
        EeaWorkPermanentBefore2010 = "eea_work_permanent_before2010",
        /// Came with a Norwegian spouse and got a permanent permit after three years.
        NorwegianSpouseThreeYears = "norwegian_spouse_three_years",
    }
}

/// Q32: the answers a family member of a UK national gives about the relationship.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    default,
    deny_unknown_fields,
    expecting = "an object of the family member's answers"
)]
pub struct UkFamilyAnswers {
    /// Relationship to the UK national.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relationship: Option<UkRelationship>,
    /// The UK national's basis of residence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uk_national_basis: Option<UkNationalBasis>,
    /// The relationship existed before 31 December 2020.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relationship_before_2021: Option<bool>,
    /// The family member lived in Norway by the end of 31 December 2020.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub living_in_norway_by_2021: Option<bool>,
    /// The day the couple started living together.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::domain::dates::strict::option")]
    pub cohabitation_start: Option<NaiveDate>,
    /// The couple have or expect a child together (conceived by the end of 31 December 2020).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub children_together: Option<bool>,
    /// The couple plan to marry within the next six months.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wedding_within_six_months: Option<bool>,
    /// The family member has comprehensive health insurance covering all risks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub health_insurance: Option<bool>,
    /// The family member is already supported by (dependent on, or in the household of) the
    /// family member in Norway.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub supported: Option<bool>,
    /// Foster child: the home country's authorities confirm the child may settle in Norway.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub foster_confirmation: Option<bool>,
    /// Sibling: has no parents or other caregivers and child welfare services approve the
    /// family member in Norway as caregiver.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sibling_without_caregivers_approved: Option<bool>,
    /// Needs care: the family member in Norway is the only one who can provide it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub only_carer_in_norway: Option<bool>,
}

/// All the answers given so far. Every field is `None` until answered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields, expecting = "an object of answers")]
pub struct Answers {
    /// Q1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub citizenship: Option<Citizenship>,
    /// Q2: a non-EU/EEA family member of an EU/EEA national living in Norway.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub eu_family_member: Option<bool>,
    /// How the Brexit rules may concern the applicant (asked of UK nationals and of family
    /// members of UK nationals).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub brexit_role: Option<BrexitRole>,
    /// Q3.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// Q4.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub basis: Option<Basis>,
    /// Q4, for family immigration: the family member in Norway the permit is based on is in
    /// the five-year group of R-076 (protection, resettlement, strong humanitarian grounds or a
    /// particular connection).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub family_five_year_group: Option<bool>,
    /// Q5.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub applied_for: Option<AppliedFor>,
    /// Q6.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::domain::dates::strict::option")]
    pub application_date: Option<NaiveDate>,
    /// Q7.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub applied_from: Option<Place>,
    /// Q8.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub submitted_by: Option<SubmittedBy>,
    /// Q9.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub biometrics_taken: Option<bool>,
    /// Q10.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub travel_document: Option<TravelDocument>,
    /// Q11.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub letter_says_meet_police: Option<LetterSays>,
    /// Q12.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel: Option<Channel>,
    /// Q13.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::domain::dates::strict::option")]
    pub date_of_birth: Option<NaiveDate>,
    /// Q14 (several may apply; an empty list means "none of these").
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::domain::format::bounded::card_situation")]
    pub card_situation: Option<Vec<CardSituation>>,
    /// Q15.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::domain::dates::strict::option")]
    pub card_expiry: Option<NaiveDate>,
    /// Q16.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::domain::dates::strict::option")]
    pub permit_expiry: Option<NaiveDate>,
    /// Q17.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location_now: Option<Place>,
    /// Q18.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hand_in_old_card: Option<bool>,
    /// Q19 (as typed; spaces allowed).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::domain::format::bounded::duf_number")]
    pub duf_number: Option<String>,
    /// Q20: received a new passport in the last four years.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_passport_recently: Option<bool>,
    /// Q20: the date of the new passport.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::domain::dates::strict::option")]
    pub new_passport_date: Option<NaiveDate>,
    /// Q21.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::domain::dates::strict::option")]
    pub appointment_date: Option<NaiveDate>,
    /// Q22.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub card_lost_in_mail: Option<bool>,
    /// Q23.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::domain::dates::strict::option")]
    pub planned_departure: Option<NaiveDate>,
    /// Q24: the day the renewal was registered online.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::domain::dates::strict::option")]
    pub renewal_registered_online: Option<NaiveDate>,
    /// Format version 1 only: the day a renewal was handed in, since version 2 the
    /// application's date (Q6, `application_date`; each fact once). Read from a version-1 file
    /// and moved there by `AnswersFile::migrate`; refused in a version-2 file, never written,
    /// never read by the rules.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::domain::dates::strict::option")]
    pub renewal_submitted: Option<NaiveDate>,
    /// Q24: no police appointment was available before the one-month deadline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub no_appointment_before_deadline: Option<bool>,
    /// Q24: the renewal was submitted digitally (fee paid, documents uploaded), not at the police.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub renewal_digital: Option<bool>,
    /// Q25: first day of the current permit.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::domain::dates::strict::option")]
    pub permit_start: Option<NaiveDate>,
    /// Format version 1 only: the current permit's last day, since version 2 its expiry (Q16,
    /// `permit_expiry`; each fact once). Read from a version-1 file and moved there by
    /// `AnswersFile::migrate`; refused in a version-2 file, never written, never read by the
    /// rules.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::domain::dates::strict::option")]
    pub permit_end: Option<NaiveDate>,
    /// Q26 (an empty list means "no stays abroad").
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::domain::format::bounded::stays")]
    pub stays_abroad: Option<Vec<Stay>>,
    /// Q27: the day the residence-time requirement for a permanent permit will be met.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::domain::dates::strict::option")]
    pub residence_requirement_date: Option<NaiveDate>,
    /// Q27: the day the first permit that counts towards a permanent permit was granted.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::domain::dates::strict::option")]
    pub first_qualifying_permit_date: Option<NaiveDate>,
    /// Q37: time without a valid permit between two permits, in total.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permit_gap: Option<PermitGap>,
    /// Q28: plans to live abroad for more than two years.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan_abroad_over_two_years: Option<bool>,
    /// Q28: the reason.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub long_abroad_reason: Option<LongAbroadReason>,
    /// Q28: intends to move back to Norway.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub intends_to_return: Option<bool>,
    /// Q29: the day the UK national started living in Norway with EU/EEA right of residence.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::domain::dates::strict::option")]
    pub uk_residence_start: Option<NaiveDate>,
    /// Q29: the basis history (an empty list means "not given").
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::domain::format::bounded::periods")]
    pub uk_basis_history: Option<Vec<BasisPeriod>>,
    /// Q30: applied for a Brexit permit by 31 December 2021.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub brexit_applied_by_deadline: Option<bool>,
    /// Q30: the day the Brexit application was made.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::domain::dates::strict::option")]
    pub brexit_application_date: Option<NaiveDate>,
    /// Q30: special reasons prevented applying in time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub brexit_special_reasons: Option<bool>,
    /// Q31: the child's date of birth or adoption.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::domain::dates::strict::option")]
    pub uk_child_birth_or_adoption: Option<NaiveDate>,
    /// Q32 (`null`, like `{}` or no field, is nothing answered).
    #[serde(skip_serializing_if = "UkFamilyAnswers::is_empty")]
    #[serde(deserialize_with = "UkFamilyAnswers::or_null")]
    pub uk_family: UkFamilyAnswers,
    /// Q33: started work or business in Norway by the end of 31 December 2020.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub frontier_started_by_2021: Option<bool>,
    /// Q33: lives abroad.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub frontier_lives_abroad: Option<bool>,
    /// Q34 (an empty list means "none of these").
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::domain::format::bounded::old_permit_indicators")]
    pub old_permit_indicators: Option<Vec<OldPermitIndicator>>,
    /// a UK national registered as a family member of a non-UK EU/EEA national.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uk_registered_as_eu_family: Option<bool>,
    /// Q35: staying in Norway for more than three months.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub eu_stay_over_three_months: Option<bool>,
    /// Q35: registered under the EU/EEA registration scheme.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub eu_registered: Option<bool>,
    /// Q35: the day the registration (residence under EU/EEA rules) started.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::domain::dates::strict::option")]
    pub eu_residence_start: Option<NaiveDate>,
    /// Q36 (collective protection): also a citizen of a country other than Ukraine.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub other_citizenship: Option<bool>,
    /// Q38 (collective protection): the day of the first permit under collective protection,
    /// from which the five years are counted.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "crate::domain::dates::strict::option")]
    pub first_collective_permit: Option<NaiveDate>,
    /// What the applicant wants to find out (asked after Q1; new in format version 2, and
    /// last so that a version-1 list of answers reads unchanged).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub topic: Option<Topic>,
}

impl Answers {
    /// The answers with what the topic says filled in (each fact once): what is applied for
    /// ([`Topic::implied_applied_for`]) and, for the collective-protection topic, the basis.
    /// The topic's answer wins over an older answer kept from another topic.
    pub fn with_topic_implied(&self) -> Answers {
        let mut a = self.clone();
        if let Some(topic) = a.topic {
            if topic == Topic::GetCard {
                if let Some(status) = a.applied_for.and_then(Topic::implied_status) {
                    a.status = Some(status);
                }
            }
            if let Some(applied) = topic.implied_applied_for(a.status) {
                a.applied_for = Some(applied);
            }
            if topic == Topic::CollectiveProtection {
                a.basis = Some(Basis::CollectiveProtection);
            }
        }
        a
    }
}

/// Fields of the answers format that the questions do not ask, because a question that is
/// asked already holds the fact: a saved file may carry them. When the asked question has no
/// answer, they answer it ("each fact once"); [`Answers::fill_from_unasked`] does so before the
/// flow drops them, and the rules read the same two helpers.
impl Answers {
    /// Q20: a new passport in the last four years before `today`: the applicant's yes or no,
    /// else from the passport's date.
    pub fn new_passport_in_last_four_years(&self, today: NaiveDate) -> Option<bool> {
        self.new_passport_recently.or_else(|| {
            let issued = self.new_passport_date?;
            Some(crate::domain::dates::years_before(today, 4).is_none_or(|cutoff| issued >= cutoff))
        })
    }

    /// Q30: applied for a Brexit permit by 31 December 2021: the applicant's yes or no, else
    /// from the application's date.
    pub fn brexit_applied_in_time(&self) -> Option<bool> {
        self.brexit_applied_by_deadline.or_else(|| {
            let deadline = NaiveDate::from_ymd_opt(2021, 12, 31)?;
            Some(self.brexit_application_date? <= deadline)
        })
    }

    /// Q14: whether any of the card situations given is `wanted`.
    pub fn card_situation_any(&self, wanted: impl Fn(CardSituation) -> bool) -> bool {
        self.card_situation
            .as_ref()
            .is_some_and(|list| list.iter().any(|c| wanted(*c)))
    }

    /// Q14: the card is lost or stolen.
    pub fn card_lost_or_stolen(&self) -> bool {
        self.card_situation_any(|c| matches!(c, CardSituation::Lost | CardSituation::Stolen))
    }

    /// Q14 / Q18: the applicant can hand in the old card (it is not lost or stolen, and they
    /// did not say they keep it).
    pub fn can_hand_in_old_card(&self) -> bool {
        !self.card_lost_or_stolen() && self.hand_in_old_card != Some(false)
    }

    /// Answers the asked yes/no questions from the unasked date fields where only the date is
    /// given (a file saved by another tool, or by an older version).
    pub fn fill_from_unasked(&mut self, today: NaiveDate) {
        self.new_passport_recently = self.new_passport_in_last_four_years(today);
        self.brexit_applied_by_deadline = self.brexit_applied_in_time();
    }

    /// The answers of a version-1 file in version 2 (each fact once): the permit's last day
    /// (`permit_end`) is its expiry, and the day a renewal was handed in
    /// (`renewal_submitted`) is the application's date. Where a file gave both fields of one
    /// fact, the one the checker asked wins, as version 1 read it.
    pub fn migrate_from_version_1(&mut self) {
        self.permit_expiry = self.permit_expiry.or(self.permit_end.take());
        self.application_date = self.application_date.or(self.renewal_submitted.take());
    }

    /// The version-1 fields still given, which a version-2 file may not hold: each as its
    /// name in the answers format and the name of the field that took its place.
    pub fn version_1_fields(&self) -> impl Iterator<Item = (&'static str, &'static str)> {
        [
            (
                "renewal_submitted",
                "application_date",
                self.renewal_submitted.is_some(),
            ),
            ("permit_end", "permit_expiry", self.permit_end.is_some()),
        ]
        .into_iter()
        .filter_map(|(old, new, given)| given.then_some((old, new)))
    }

    /// Q6 for a renewal: the day the renewal was handed in (the day it counts as submitted,
    ///
    pub fn renewal_handed_in(&self) -> Option<NaiveDate> {
        if self.applied_for == Some(AppliedFor::Renewal) {
            self.application_date
        } else {
            None
        }
    }
}

impl UkFamilyAnswers {
    /// True when nothing has been answered.
    pub fn is_empty(&self) -> bool {
        self == &UkFamilyAnswers::default()
    }

    /// Reads the family member's answers, `null` as nothing answered (as for every answer).
    fn or_null<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Option::<UkFamilyAnswers>::deserialize(d)?.unwrap_or_default())
    }
}

/// A choice of the answers format and its key (its serde name), converted without a
/// serializer: the browser app stays small when it does not carry `serde_json` for this.
pub trait Keyed: Sized + Copy + PartialEq + 'static {
    /// Every value with its key, in declaration order.
    const KEYS: &'static [(&'static str, Self)];

    /// The key, e.g. `"eu_eea"`.
    fn key(self) -> &'static str {
        Self::KEYS
            .iter()
            .find(|(_, v)| *v == self)
            .map_or("", |(k, _)| k)
    }

    /// The value with this key.
    fn from_key(key: &str) -> Option<Self> {
        Self::KEYS.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
    }
}

#[cfg(test)]
mod keyed_tests {
    use super::*;

    fn agrees_with_serde<T: Keyed + Serialize + for<'de> Deserialize<'de> + std::fmt::Debug>() {
        for (key, value) in T::KEYS {
            assert_eq!(
                serde_json::to_value(value).ok(),
                Some(serde_json::Value::String((*key).into()))
            );
            assert_eq!(T::from_key(key), Some(*value));
            assert_eq!(value.key(), *key);
        }
        assert_eq!(T::from_key("no such key"), None);
    }

    #[test]
    fn every_key_is_the_serde_name_of_its_value() {
        agrees_with_serde::<Citizenship>();
        agrees_with_serde::<Status>();
        agrees_with_serde::<Basis>();
        agrees_with_serde::<AppliedFor>();
        agrees_with_serde::<Place>();
        agrees_with_serde::<PermitGap>();
        agrees_with_serde::<SubmittedBy>();
        agrees_with_serde::<TravelDocument>();
        agrees_with_serde::<LetterSays>();
        agrees_with_serde::<Channel>();
        agrees_with_serde::<CardSituation>();
        agrees_with_serde::<AbsenceReason>();
        agrees_with_serde::<LongAbroadReason>();
        agrees_with_serde::<EeaBasis>();
        agrees_with_serde::<BrexitRole>();
        agrees_with_serde::<UkRelationship>();
        agrees_with_serde::<UkNationalBasis>();
        agrees_with_serde::<OldPermitIndicator>();
    }
}
