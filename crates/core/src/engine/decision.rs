//! What the engine returns: a [`Decision`] of findings, key dates and a checklist.
//!
//! A [`Finding`] answers one question about the applicant's situation ("Must you book a police
//! appointment?") with a [`Verdict`]: yes, no, or maybe with the questions whose answers would
//! settle it. Every finding carries its rule ids, its sources and any conflict between sources
//! that the rule book records. Words live in the text layer: findings carry only keys and typed
//! parameters.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::questions::Question;
use crate::domain::refs::{Conflict, RuleId, Source};

macro_rules! keyed {
    ($(#[$meta:meta])* $name:ident { $($v:ident => $key:literal,)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $(#[doc = $key] $v,)* }
        impl $name {
            /// Every value.
            pub const ALL: &'static [$name] = &[$($name::$v,)*];
            /// The key used in catalogues and the machine-readable output.
            pub fn as_str(self) -> &'static str { match self { $($name::$v => $key,)* } }
            /// The value with this key.
            pub fn from_key(key: &str) -> Option<Self> { match key { $($key => Some($name::$v),)* _ => None } }
        }
        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
    };
}

keyed! {
    /// What a finding is about.
    FindingKey {
        CardNeeded => "card_needed",
        CardDuties => "card_duties",
        EuRegistration => "eu_registration",
        EuFamilyCard => "eu_family_card",
        PermanentRightDocument => "permanent_right_document",
        EuPermanentRight => "eu_permanent_right",
        Appointment => "appointment",
        HowToBook => "how_to_book",
        GuardianMustAttend => "guardian_must_attend",
        PostalDelivery => "postal_delivery",
        CardReturnedToPolice => "card_returned_to_police",
        NoTravelUntilCard => "no_travel_until_card",
        NationalIdNumber => "national_id_number",
        DecisionLetterPrevails => "decision_letter_prevails",
        CardArrival => "card_arrival",
        TripBeforeCard => "trip_before_card",
        LivesAbroadBorder => "lives_abroad_border",
        NewCard => "new_card",
        OrderBy => "order_by",
        OrderRequirements => "order_requirements",
        DufNumber => "duf_number",
        Fee => "fee",
        OrderProcess => "order_process",
        LostAbroad => "lost_abroad",
        PermanentWithoutValidCard => "permanent_without_valid_card",
        RenewalDeadline => "renewal_deadline",
        RightsWhileWaiting => "rights_while_waiting",
        RenewalLeadTime => "renewal_lead_time",
        PermanentApplicationTiming => "permanent_application_timing",
        ProtectionRenewalAbroad => "protection_renewal_abroad",
        PermitGap => "permit_gap",
        TravelWithCard => "travel_with_card",
        AbsenceTemporaryPermit => "absence_temporary_permit",
        AbsencePermanentPlanning => "absence_permanent_planning",
        PermanentRequirements => "permanent_requirements",
        PermanentLanguage => "permanent_language",
        PermanentIncome => "permanent_income",
        PermanentPermitGap => "permanent_permit_gap",
        PermanentPermitLoss => "permanent_permit_loss",
        KeepPermanentAbroad => "keep_permanent_abroad",
        PermanentRightLoss => "permanent_right_loss",
        BrexitCovered => "brexit_covered",
        BrexitLate => "brexit_late",
        BrexitChildNoDeadline => "brexit_child_no_deadline",
        BrexitPermanent => "brexit_permanent",
        BrexitPoliceProcess => "brexit_police_process",
        BrexitWaiting => "brexit_waiting",
        BrexitFamily => "brexit_family",
        BrexitFrontierWorker => "brexit_frontier_worker",
        BrexitOldPermanentPermit => "brexit_old_permanent_permit",
        BrexitTemporaryExpiring => "brexit_temporary_expiring",
        BrexitTravelPending => "brexit_travel_pending",
        BrexitEuFamily => "brexit_eu_family",
        BrexitFamilyAbroad => "brexit_family_abroad",
        UkVisitor => "uk_visitor",
        BrexitFees => "brexit_fees",
        BrexitCardRemark => "brexit_card_remark",
        CollectiveNewArrival => "collective_new_arrival",
        CollectiveFiveYears => "collective_five_years",
        CollectiveExtension => "collective_extension",
        CollectiveNoExtension => "collective_no_extension",
        CollectiveCardByPost => "collective_card_by_post",
        CollectiveTravel => "collective_travel",
        CollectivePermanent => "collective_permanent",
    }
}

keyed! {
    /// A date the applicant should note (also exported to the calendar file).
    DateKey {
        RenewalDeadline => "renewal_deadline",
        RenewalRecommended => "renewal_recommended",
        OrderNewCardBy => "order_new_card_by",
        CardExpiry => "card_expiry",
        PermitExpiry => "permit_expiry",
        CardExpectedEarliest => "card_expected_earliest",
        CardExpectedBy => "card_expected_by",
        SafeToTravelFrom => "safe_to_travel_from",
        ResidenceTimeMet => "residence_time_met",
        PermanentApplicationEarliest => "permanent_application_earliest",
        PermanentRightFrom => "permanent_right_from",
        BrexitPermanentFrom => "brexit_permanent_from",
        CollectiveNewExpiry => "collective_new_expiry",
        CollectiveCheckUdi => "collective_check_udi",
        CollectiveFiveYears => "collective_five_years",
        Appointment => "appointment",
        CollectiveLetter => "collective_letter",
        Trip => "trip",
        AppointmentBy => "appointment_by",
        RegisterOnlineBy => "register_online_by",
    }
}

keyed! {
    /// One line of the checklist.
    ItemKey {
        RegisterEu => "register_eu",
        ApplyEuFamilyCard => "apply_eu_family_card",
        CheckDecisionLetter => "check_decision_letter",
        BookAppointment => "book_appointment",
        WaitForPolice => "wait_for_police",
        BringGuardian => "bring_guardian",
        NamesOnLetterbox => "names_on_letterbox",
        PostenRegistration => "posten_registration",
        TellPoliceNewAddress => "tell_police_new_address",
        BringTravelDocument => "bring_travel_document",
        WaitForCardBeforeTravel => "wait_for_card_before_travel",
        OrderNewCard => "order_new_card",
        PayFee => "pay_fee",
        BringCoverLetter => "bring_cover_letter",
        BringPassport => "bring_passport",
        BringOldPassport => "bring_old_passport",
        BringOldCard => "bring_old_card",
        HaveDufNumber => "have_duf_number",
        FindDufNumber => "find_duf_number",
        PoliceReport => "police_report",
        ContactEmbassy => "contact_embassy",
        SignedExplanation => "signed_explanation",
        SubmitRenewal => "submit_renewal",
        RegisterRenewalOnline => "register_renewal_online",
        ListTripsAbroad => "list_trips_abroad",
        ApplyToKeepPermanent => "apply_to_keep_permanent",
        ApplyPermanent => "apply_permanent",
        ProofOfResidence => "proof_of_residence",
        ProofOfBasis => "proof_of_basis",
        ProofOfRelationship => "proof_of_relationship",
        ProofOfInterruptionReason => "proof_of_interruption_reason",
        OtherParentConsent => "other_parent_consent",
        EmploymentContract => "employment_contract",
        CarryBrexitReceipt => "carry_brexit_receipt",
        ExplainLateApplication => "explain_late_application",
        IdDocument => "id_document",
        CheckBrexitCardRemark => "check_brexit_card_remark",
        ContactUdi => "contact_udi",
        BookChildFingerprints => "book_child_fingerprints",
        MoveTrip => "move_trip",
        CheckUdiFiveYears => "check_udi_five_years",
    }
}

impl ItemKey {
    /// Whether the thing is for the police appointment: everything under "Things to bring" but
    /// the list of trips abroad, which the applicant keeps for a permanent application.
    pub fn for_the_appointment(self) -> bool {
        self != ItemKey::ListTripsAbroad
    }
}

/// The answer a finding gives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "verdict", rename_all = "snake_case")]
pub enum Verdict {
    /// Yes.
    Yes,
    /// No.
    No,
    /// It depends: the listed questions would settle it (empty when the authorities decide case
    /// by case).
    Maybe {
        /// The questions whose answers are missing.
        missing: Vec<Question>,
    },
}

impl Verdict {
    /// "Maybe", with these questions missing.
    pub fn maybe(missing: &[Question]) -> Verdict {
        Verdict::Maybe {
            missing: missing.to_vec(),
        }
    }

    /// The verdict's key: `yes`, `no` or `maybe`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Verdict::Yes => "yes",
            Verdict::No => "no",
            Verdict::Maybe { .. } => "maybe",
        }
    }
}

/// How prominently a finding is shown: things to do first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    /// Something the applicant must do, or a risk to the permit.
    Action,
    /// Something to watch out for.
    Warning,
    /// Background that explains the situation.
    Info,
}

/// A typed value a finding reports. Words are added by the text layer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Value {
    /// A date.
    Date(NaiveDate),
    /// An amount in Norwegian kroner.
    Nok(u32),
    /// A number of days.
    Days(i64),
    /// A plain number (an age).
    Number(i64),
    /// A number of something counted, worded with the language's plural rules ("3 months").
    Count(Counted, i64),
    /// One of a fixed set of keys (for example a reason), rendered by the text layer.
    Key(&'static str),
    /// Several keys.
    Keys(Vec<&'static str>),
    /// Text the applicant typed, already validated (a DUF number). Never rendered as HTML.
    Text(String),
}

/// What a [`Value::Count`] counts. The text layer words it as `plural.<as_str>.<category>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Counted {
    /// Working days (Monday to Friday, not public holidays).
    WorkingDays,
    /// Calendar months.
    Months,
    /// Years.
    Years,
    /// Signs the applicant chose from a list.
    Signs,
}

impl Counted {
    /// The word's name in catalogue keys: `working_days`, `months`, `years`, `signs`.
    pub fn as_str(self) -> &'static str {
        match self {
            Counted::WorkingDays => "working_days",
            Counted::Months => "months",
            Counted::Years => "years",
            Counted::Signs => "signs",
        }
    }
}

/// One finding of the decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// What the finding is about.
    pub key: FindingKey,
    /// Its answer.
    #[serde(flatten)]
    pub verdict: Verdict,
    /// How prominently to show it.
    pub priority: Priority,
    /// The rules it applies.
    pub rules: Vec<RuleId>,
    /// The sources of those rules.
    pub sources: Vec<Source>,
    /// Conflicts between sources that the rule book records for it; the finding uses the
    /// conservative reading and the text says so.
    pub conflicts: Vec<Conflict>,
    /// Typed values for the text (dates, amounts, reasons).
    pub params: BTreeMap<&'static str, Value>,
}

impl Finding {
    /// A new finding.
    pub fn new(key: FindingKey, verdict: Verdict, priority: Priority) -> Finding {
        Finding {
            key,
            verdict,
            priority,
            rules: Vec::new(),
            sources: Vec::new(),
            conflicts: Vec::new(),
            params: BTreeMap::new(),
        }
    }

    /// Adds rule ids.
    pub fn rules(mut self, rules: &[RuleId]) -> Finding {
        for r in rules {
            if !self.rules.contains(r) {
                self.rules.push(*r);
            }
        }
        self
    }

    /// Adds sources.
    pub fn sources(mut self, sources: &[Source]) -> Finding {
        for s in sources {
            if !self.sources.contains(s) {
                self.sources.push(*s);
            }
        }
        self
    }

    /// Adds a recorded conflict.
    pub fn conflict(mut self, conflict: Conflict) -> Finding {
        if !self.conflicts.contains(&conflict) {
            self.conflicts.push(conflict);
        }
        self
    }

    /// Changes the verdict to "maybe", with these questions missing.
    pub fn verdict_maybe(mut self, missing: &[Question]) -> Finding {
        self.verdict = Verdict::maybe(missing);
        self
    }

    /// Sets a parameter.
    pub fn param(mut self, name: &'static str, value: Value) -> Finding {
        self.params.insert(name, value);
        self
    }

    /// Sets a date parameter when the date is known.
    pub fn date(self, name: &'static str, date: Option<NaiveDate>) -> Finding {
        match date {
            Some(d) => self.param(name, Value::Date(d)),
            None => self,
        }
    }

    /// A date parameter, if set.
    pub fn get_date(&self, name: &str) -> Option<NaiveDate> {
        match self.params.get(name) {
            Some(Value::Date(d)) => Some(*d),
            _ => None,
        }
    }

    /// A key parameter, if set.
    pub fn get_key(&self, name: &str) -> Option<&'static str> {
        match self.params.get(name) {
            Some(Value::Key(k)) => Some(k),
            _ => None,
        }
    }

    /// True when the verdict is yes.
    pub fn is_yes(&self) -> bool {
        self.verdict == Verdict::Yes
    }
}

/// A date to note, with the rules it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeyDate {
    /// What the date is.
    pub key: DateKey,
    /// The date.
    pub date: NaiveDate,
    /// The rules it comes from.
    pub rules: Vec<RuleId>,
}

/// The kind of a checklist item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// Something to do.
    Do,
    /// A document to bring.
    Bring,
}

/// Where a checklist item stands (decided by [`crate::engine::situation`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemState {
    /// Still to do (by its date, if it has one).
    #[default]
    Todo,
    /// Its date has passed: the words say what to do now.
    Overdue,
    /// The answers say it is done; shown as done.
    Done,
}

/// One line of the personalised checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChecklistItem {
    /// What to do or bring.
    pub key: ItemKey,
    /// Do or bring.
    pub kind: ItemKind,
    /// By when, if there is a date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    /// What it costs, in NOK, if anything.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost: Option<u32>,
    /// The other possible cost, when the sources disagree or it depends (e.g. NOK 0 or NOK 300).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost_alt: Option<u32>,
    /// To do, overdue or done.
    pub state: ItemState,
    /// The rules it comes from.
    pub rules: Vec<RuleId>,
}

/// Everything the engine concludes for one case on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decision {
    /// The rules version ([`crate::engine::RULES_VERSION`]).
    pub rules_version: &'static str,
    /// The day the rules were last reviewed against their sources.
    pub rules_reviewed: NaiveDate,
    /// The day by which they must be reviewed again; after it the result says they may be out
    /// of date.
    pub rules_review_by: NaiveDate,
    /// The day the decision was made for.
    pub today: NaiveDate,
    /// The findings, most important first.
    pub findings: Vec<Finding>,
    /// Dates to note, in date order: a view of the plan ([`super::plan::Plan::key_dates`]).
    pub dates: Vec<KeyDate>,
    /// What to do and bring, in the plan's order: a view of the plan
    /// ([`super::plan::Plan::checklist`]).
    pub checklist: Vec<ChecklistItem>,
    /// Where the applicant stands on each track; the findings, dates and checklist follow it.
    pub situation: super::situation::Situation,
    /// What the applicant wanted to find out: the findings, dates and checklist are that
    /// topic's ([`super::topic::focus`]).
    pub topic: crate::domain::answers::Topic,
    /// The other topics with something to say for these answers.
    pub other_topics: Vec<crate::domain::answers::Topic>,
    /// The plan: numbered steps from the day evaluated; the checklist and the dates above are
    /// its views ([`super::plan`]).
    pub plan: super::plan::Plan,
}

impl Decision {
    /// True when the decision is made after the rules' review-by day: the rules may have
    /// changed since they were last reviewed.
    pub fn rules_may_be_outdated(&self) -> bool {
        self.today > self.rules_review_by
    }

    /// The finding with this key, if any.
    pub fn finding(&self, key: FindingKey) -> Option<&Finding> {
        self.findings.iter().find(|f| f.key == key)
    }

    /// The date with this key, if any.
    pub fn date(&self, key: DateKey) -> Option<NaiveDate> {
        self.dates.iter().find(|d| d.key == key).map(|d| d.date)
    }
}
