//! Topic first: which findings and dates answer the question the applicant came with.
//!
//! The rules run on every answer as always; [`focus`] then keeps the findings of the chosen
//! [`Topic`] (and the dates that belong to them) before the checklist is built, so the to-do
//! list follows what is shown. [`others`] names the other topics with something to say for
//! these answers: the result lists them as "other things that may concern you".
//!
//! May import `domain` and the engine's decision types only.

use super::decision::{DateKey as D, FindingKey as F, KeyDate};
use super::Finding;
use crate::domain::answers::Topic;

/// The findings of each topic (a finding may answer several). The full check shows them all.
fn findings(topic: Topic) -> &'static [F] {
    match topic {
        Topic::GetCard => &[
            F::CardNeeded,
            F::CardDuties,
            F::EuRegistration,
            F::EuFamilyCard,
            F::PermanentRightDocument,
            F::Appointment,
            F::HowToBook,
            F::GuardianMustAttend,
            F::PostalDelivery,
            F::CardReturnedToPolice,
            F::NoTravelUntilCard,
            F::LivesAbroadBorder,
            F::NationalIdNumber,
            F::DecisionLetterPrevails,
            F::CardArrival,
            F::TripBeforeCard,
            F::BrexitPoliceProcess,
            F::BrexitCardRemark,
            F::CollectiveNewArrival,
            F::CollectiveCardByPost,
            F::NewCard,
            F::OrderBy,
            F::OrderRequirements,
            F::DufNumber,
            F::Fee,
            F::OrderProcess,
            F::LostAbroad,
        ],
        Topic::CardProblem => &[
            F::CardNeeded,
            F::NewCard,
            F::OrderBy,
            F::OrderRequirements,
            F::DufNumber,
            F::Fee,
            F::OrderProcess,
            // a minor comes to the photo appointment with a parent or guardian.
            F::GuardianMustAttend,
            F::LostAbroad,
            F::PermanentWithoutValidCard,
            F::CardArrival,
            F::TripBeforeCard,
            F::CollectiveCardByPost,
            F::BrexitCardRemark,
            // A temporary permit's expiring card is renewed with the permit.
            F::RenewalDeadline,
            F::DecisionLetterPrevails,
        ],
        Topic::Expiring => &[
            F::RenewalDeadline,
            F::RightsWhileWaiting,
            F::RenewalLeadTime,
            F::ProtectionRenewalAbroad,
            F::PermitGap,
            F::NewCard,
            F::OrderBy,
            F::OrderRequirements,
            F::DufNumber,
            F::Fee,
            F::OrderProcess,
            F::GuardianMustAttend,
            F::LostAbroad,
            F::PermanentWithoutValidCard,
            F::CardArrival,
            F::TripBeforeCard,
            F::BrexitTemporaryExpiring,
            F::BrexitWaiting,
            F::CollectiveFiveYears,
            F::CollectiveExtension,
            F::CollectiveNoExtension,
            // the new card after the extension comes by post.
            F::CollectiveCardByPost,
            F::DecisionLetterPrevails,
        ],
        Topic::Travel => &[
            F::TravelWithCard,
            F::LivesAbroadBorder,
            F::NewCard,
            F::Fee,
            F::AbsenceTemporaryPermit,
            F::NoTravelUntilCard,
            F::TripBeforeCard,
            F::CardArrival,
            F::BrexitTravelPending,
            F::CollectiveTravel,
            F::KeepPermanentAbroad,
            F::PermanentPermitLoss,
            F::PermanentRightLoss,
            F::AbsencePermanentPlanning,
            F::LostAbroad,
            F::DecisionLetterPrevails,
        ],
        Topic::Permanent => &[
            F::PermanentApplicationTiming,
            F::PermanentRequirements,
            F::PermanentLanguage,
            F::PermanentIncome,
            F::PermanentPermitGap,
            F::AbsencePermanentPlanning,
            F::PermanentPermitLoss,
            F::KeepPermanentAbroad,
            F::PermanentRightLoss,
            F::PermanentRightDocument,
            F::EuPermanentRight,
            F::BrexitPermanent,
            F::CollectiveFiveYears,
            F::CollectivePermanent,
            F::DecisionLetterPrevails,
        ],
        Topic::Brexit => &[
            F::BrexitCovered,
            F::BrexitLate,
            F::BrexitChildNoDeadline,
            F::BrexitPermanent,
            F::BrexitPoliceProcess,
            F::BrexitWaiting,
            F::BrexitFamily,
            F::BrexitFrontierWorker,
            F::LivesAbroadBorder,
            F::BrexitOldPermanentPermit,
            F::BrexitTemporaryExpiring,
            F::BrexitTravelPending,
            F::BrexitEuFamily,
            F::BrexitFamilyAbroad,
            F::UkVisitor,
            F::BrexitFees,
            F::BrexitCardRemark,
            F::DecisionLetterPrevails,
        ],
        Topic::CollectiveProtection => &[
            F::CollectiveFiveYears,
            F::CollectiveNewArrival,
            F::CollectiveExtension,
            F::CollectiveNoExtension,
            F::CollectiveCardByPost,
            F::CollectiveTravel,
            F::CollectivePermanent,
            F::TripBeforeCard,
            F::DecisionLetterPrevails,
        ],
        Topic::Everything => F::ALL,
    }
}

/// The topics each key date belongs to.
fn date_topics(key: D) -> &'static [Topic] {
    use Topic::*;
    match key {
        D::RenewalDeadline | D::RenewalRecommended => &[CardProblem, Expiring],
        D::OrderNewCardBy | D::CardExpiry => &[GetCard, CardProblem, Expiring],
        D::PermitExpiry => &[CardProblem, Expiring, Travel, Brexit, CollectiveProtection],
        D::CardExpectedEarliest | D::CardExpectedBy | D::SafeToTravelFrom => {
            &[GetCard, CardProblem, Expiring, Travel]
        }
        D::ResidenceTimeMet | D::PermanentApplicationEarliest | D::PermanentRightFrom => {
            &[Permanent]
        }
        D::BrexitPermanentFrom => &[Brexit, Permanent],
        D::CollectiveNewExpiry => &[CollectiveProtection, Expiring, Travel],
        D::CollectiveFiveYears | D::CollectiveCheckUdi => {
            &[CollectiveProtection, Expiring, Travel, Permanent]
        }
        // The plan's own events (after the topic's focus): on every topic that reaches them.
        D::Appointment | D::CollectiveLetter | D::Trip | D::AppointmentBy | D::RegisterOnlineBy => {
            Topic::ALL
        }
    }
}

/// Whether `topic` shows the finding `key`.
pub fn covers(topic: Topic, key: F) -> bool {
    findings(topic).contains(&key)
}

/// Keeps the findings and dates of `topic`.
pub fn focus(topic: Topic, findings: &mut Vec<Finding>, dates: &mut Vec<KeyDate>) {
    if topic == Topic::Everything {
        return;
    }
    findings.retain(|f| covers(topic, f.key));
    // Who must come along is said with the appointment it is for (a renewal's appointment is
    // not on the expiring topic; a new card's is).
    if !findings
        .iter()
        .any(|f| matches!(f.key, F::Appointment | F::OrderProcess))
    {
        findings.retain(|f| f.key != F::GuardianMustAttend);
    }
    dates.retain(|d| date_topics(d.key).contains(&topic));
}

/// The other topics (not the full check) that have a finding for these answers which `topic`
/// does not show, in the question's order. `all` are the findings before [`focus`]; the
/// finding every topic shows (the decision letter prevails) does not count.
pub fn others(topic: Topic, all: &[Finding]) -> Vec<Topic> {
    if topic == Topic::Everything {
        return Vec::new();
    }
    Topic::ALL
        .iter()
        .copied()
        .filter(|t| *t != topic && *t != Topic::Everything)
        .filter(|t| {
            all.iter().any(|f| {
                f.key != F::DecisionLetterPrevails && covers(*t, f.key) && !covers(topic, f.key)
            })
        })
        .collect()
}
