//! The personalised checklist: what to do and what to bring, derived from a decision's findings.
//!
//! Each item is traceable to the rules of the finding it comes from. The UI and the reports
//! render the list; they do not decide it.

use super::decision::{
    ChecklistItem, Decision, Finding, FindingKey as F, ItemKey as I, ItemKind, Value, Verdict,
};
use crate::domain::refs::RuleId as R;

struct List(Vec<ChecklistItem>);

impl List {
    fn push(&mut self, key: I, kind: ItemKind, from: &Finding) -> &mut ChecklistItem {
        let pos = match self.0.iter().position(|i| i.key == key) {
            Some(pos) => pos,
            None => {
                self.0.push(ChecklistItem {
                    key,
                    kind,
                    due: None,
                    cost: None,
                    cost_alt: None,
                    state: super::decision::ItemState::Todo,
                    rules: Vec::new(),
                });
                self.0.len() - 1
            }
        };
        let item = &mut self.0[pos];
        for r in &from.rules {
            if !item.rules.contains(r) {
                item.rules.push(*r);
            }
        }
        item
    }

    fn act(&mut self, key: I, from: &Finding) -> &mut ChecklistItem {
        self.push(key, ItemKind::Do, from)
    }

    fn bring(&mut self, key: I, from: &Finding) -> &mut ChecklistItem {
        self.push(key, ItemKind::Bring, from)
    }
}

fn nok(f: &Finding, name: &str) -> Option<u32> {
    match f.params.get(name) {
        Some(Value::Nok(n)) => Some(*n),
        _ => None,
    }
}

fn has_key(f: &Finding, name: &str, key: &str) -> bool {
    match f.params.get(name) {
        Some(Value::Key(k)) => *k == key,
        Some(Value::Keys(ks)) => ks.contains(&key),
        _ => false,
    }
}

/// Builds the checklist for a decision: actions first, then documents to bring.
pub fn build(decision: &Decision) -> Vec<ChecklistItem> {
    let mut list = List(Vec::new());
    let order_by = decision
        .finding(F::OrderBy)
        .and_then(|f| f.get_date("order_by"));
    for f in &decision.findings {
        let yes = f.verdict == Verdict::Yes;
        let not_no = f.verdict != Verdict::No;
        match f.key {
            F::EuRegistration if yes => {
                list.act(I::RegisterEu, f);
            }
            F::EuFamilyCard | F::BrexitEuFamily if yes => {
                list.act(I::ApplyEuFamilyCard, f);
            }
            // The letter is read for how to get the card after a decision; a topic that plans
            // (no application given) has no letter to read.
            F::DecisionLetterPrevails if decision.finding(F::Appointment).is_some() => {
                list.act(I::CheckDecisionLetter, f);
            }
            F::Appointment => match f.get_key("route") {
                Some("book") => {
                    list.act(I::BookAppointment, f);
                    if has_key(f, "reason", "travel_document") {
                        list.bring(I::BringTravelDocument, f);
                    }
                }
                Some("police_summons" | "wait_for_notice") => {
                    list.act(I::WaitForPolice, f);
                }
                _ => {}
            },
            F::GuardianMustAttend if yes => {
                list.bring(I::BringGuardian, f);
            }
            F::PostalDelivery => {
                list.act(I::NamesOnLetterbox, f);
                list.act(I::PostenRegistration, f);
                list.act(I::TellPoliceNewAddress, f);
            }
            F::NoTravelUntilCard => {
                let due = decision.date(super::decision::DateKey::SafeToTravelFrom);
                list.act(I::WaitForCardBeforeTravel, f).due = due;
            }
            // Area T: the verdict on the planned trip says what to do about it.
            F::TripBeforeCard if yes => {
                list.act(I::WaitForCardBeforeTravel, f).due = f.get_date("safe_from");
                if let Some(by) = f.get_date("book_by").or(f.get_date("appointment_by")) {
                    list.act(I::BookAppointment, f).due = Some(by);
                }
                if matches!(
                    f.get_key("case"),
                    Some("no_card_in_time" | "no_valid_card" | "expires_before")
                ) || f.get_key("book_by_passed").is_some()
                {
                    list.act(I::MoveTrip, f);
                }
            }
            F::TripBeforeCard => {
                // A card handed in at an appointment not booked yet: book it in time.
                if let Some(by) = f.get_date("book_by") {
                    list.act(I::BookAppointment, f).due = Some(by);
                }
            }
            F::CollectiveFiveYears => {
                list.act(I::CheckUdiFiveYears, f).due = f.get_date("check_from");
            }
            F::NewCard if yes => {
                list.act(I::OrderNewCard, f).due = order_by;
                if has_key(f, "reasons", "lost_stolen_damaged") {
                    // a card holder must report a lost card.
                    let item = list.act(I::PoliceReport, f);
                    if !item.rules.contains(&R::R003) {
                        item.rules.push(R::R003);
                    }
                }
            }
            F::Fee if not_no => {
                // The item says what the finding says: one amount, or both when it depends.
                let amount = nok(f, "amount");
                let high = nok(f, "amount_high");
                match (amount, high) {
                    (Some(low), Some(high)) => {
                        let item = list.act(I::PayFee, f);
                        item.cost = Some(low);
                        item.cost_alt = Some(high);
                    }
                    (Some(n), None) | (None, Some(n)) if n > 0 => {
                        list.act(I::PayFee, f).cost = Some(n);
                    }
                    _ => {}
                }
            }
            F::OrderProcess => {
                // the new card is ordered, then the photo appointment booked.
                list.act(I::BookAppointment, f);
                list.bring(I::BringCoverLetter, f);
                list.bring(I::BringPassport, f);
                if has_key(f, "new_passport", "yes") || has_key(f, "new_passport", "unknown") {
                    list.bring(I::BringOldPassport, f);
                }
                // Whether the old card can be brought is the situation's to say.
                list.bring(I::BringOldCard, f);
            }
            // A DUF number known is kept ready; one not to hand is found first.
            F::DufNumber if yes => {
                list.bring(I::HaveDufNumber, f);
            }
            F::DufNumber => {
                list.act(I::FindDufNumber, f);
            }
            F::LostAbroad => {
                list.act(I::ContactEmbassy, f);
                list.act(I::SignedExplanation, f);
                if has_key(f, "lost", "yes") {
                    list.act(I::PoliceReport, f);
                }
            }
            F::RenewalDeadline if yes => {
                list.act(I::SubmitRenewal, f).due = f.get_date("deadline");
            }
            F::RightsWhileWaiting if f.get_date("register_online_by").is_some() && !yes => {
                list.act(I::RegisterRenewalOnline, f).due = f.get_date("register_online_by");
            }
            F::AbsencePermanentPlanning | F::PermanentPermitLoss => {
                list.bring(I::ListTripsAbroad, f);
            }
            F::KeepPermanentAbroad if yes => {
                list.act(I::ApplyToKeepPermanent, f);
            }
            F::PermanentApplicationTiming => {
                list.act(I::ApplyPermanent, f);
            }
            F::BrexitPermanent if yes => {
                list.act(I::ApplyPermanent, f);
                list.bring(I::IdDocument, f);
                list.bring(I::ProofOfResidence, f);
                list.bring(I::ProofOfBasis, f);
                if f.params.contains_key("exempt_stay") {
                    list.bring(I::ProofOfInterruptionReason, f);
                }
            }
            F::BrexitLate if yes => {
                list.act(I::ExplainLateApplication, f);
            }
            F::BrexitFamily if not_no => {
                list.bring(I::IdDocument, f);
                list.bring(I::ProofOfRelationship, f);
                list.bring(I::ProofOfResidence, f);
                list.bring(I::ProofOfBasis, f);
                if has_key(f, "minor", "yes") {
                    list.bring(I::OtherParentConsent, f);
                }
            }
            F::BrexitFrontierWorker if yes => {
                list.bring(I::IdDocument, f);
                list.bring(I::EmploymentContract, f);
            }
            F::BrexitTravelPending => {
                list.bring(I::CarryBrexitReceipt, f);
            }
            F::BrexitCardRemark => {
                list.act(I::CheckBrexitCardRemark, f);
            }
            F::BrexitOldPermanentPermit => {
                list.act(I::OrderNewCard, f);
            }
            F::CollectiveNoExtension if yes => {
                list.act(I::ContactUdi, f);
            }
            F::CollectiveCardByPost if yes => {
                list.act(I::NamesOnLetterbox, f);
            }
            F::CollectiveCardByPost if f.verdict == Verdict::No => {
                list.act(I::BookChildFingerprints, f);
            }
            F::BrexitTemporaryExpiring => {
                list.act(I::SubmitRenewal, f).due = f.get_date("permit_expiry");
            }
            _ => {}
        }
    }
    let (mut items, bring): (Vec<_>, Vec<_>) =
        list.0.into_iter().partition(|i| i.kind == ItemKind::Do);
    items.extend(bring);
    items
}
