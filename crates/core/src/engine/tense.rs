//! No past date in a future sentence: the dates of the findings, classified against the day
//! evaluated.
//!
//! Some dates a finding reports are worded as coming ("UDI sends you a letter around …",
//! "Plan for the card to arrive by …", "You meet the residence time on …"). [`FUTURE_DATES`]
//! lists them; each is worded in a sentence of its own, never in a title or body. [`settle`]
//! runs once, at the end of `evaluate`: a listed date before the day evaluated is moved to
//! `<param>_passed`, whose sentence says what it means now ("The card should have come by …: if
//! it has not, contact the police"). So no renderer can write a passed day as a coming one; the
//! plan does the same for its steps (`engine::plan`).
//!
//! Part of the engine: may import the engine's decision types. Pure and never panicking.

use chrono::NaiveDate;

use super::decision::{Finding, FindingKey as F, Value};

/// The dates findings word as coming, by finding and parameter. Each is used only in a sentence
/// of its own (`finding.<key>.<param>`), never in a finding's title or body (a test checks),
/// so that a passed one can be worded as passed.
pub const FUTURE_DATES: &[(F, &str)] = &[
    (F::CardArrival, "appointment"),
    (F::CardArrival, "earliest"),
    (F::CardArrival, "expected_by"),
    (F::CollectiveExtension, "letter_around"),
    (F::CollectiveExtension, "new_expiry"),
    (F::CollectiveExtension, "permit_expiry"),
    (F::CollectiveExtension, "five_years"),
    (F::CollectiveFiveYears, "check_from"),
    (F::PermanentApplicationTiming, "requirement_met"),
    (F::PermanentApplicationTiming, "earliest"),
    (F::PermanentRequirements, "met"),
    (F::PermanentRightDocument, "card_expiry"),
    (F::RenewalDeadline, "permit_expiry"),
    (F::RenewalDeadline, "deadline"),
    (F::RenewalLeadTime, "deadline"),
    (F::RenewalLeadTime, "recommended"),
    (F::ProtectionRenewalAbroad, "permit_expiry"),
    (F::BrexitTemporaryExpiring, "permit_expiry"),
    (F::TripBeforeCard, "safe_from"),
    (F::TripBeforeCard, "valid_until"),
    (F::TripBeforeCard, "book_by"),
    (F::TripBeforeCard, "appointment_by"),
    (F::OrderBy, "order_by"),
];

/// The name a passed date of `param` is kept under, worded as passed; `None` for a date that
/// says nothing once it has passed (the earliest day a card may come, a day to book or travel
/// by, which the plan words), so it is dropped.
pub fn passed_name(param: &str) -> Option<&'static str> {
    Some(match param {
        "appointment" => "appointment_passed",
        "expected_by" => "expected_by_passed",
        "letter_around" => "letter_around_passed",
        "new_expiry" => "new_expiry_passed",
        "met" => "met_passed",
        "requirement_met" => "requirement_met_passed",
        "permit_expiry" => "permit_expiry_passed",
        "five_years" => "five_years_passed",
        "card_expiry" => "card_expiry_passed",
        "deadline" => "deadline_passed",
        "earliest" => "earliest_passed",
        _ => return None,
    })
}

/// Classifies the findings' dates against `today` (see the module docs).
pub fn settle(findings: &mut [Finding], today: NaiveDate) {
    for f in findings.iter_mut() {
        for (key, param) in FUTURE_DATES {
            if f.key != *key {
                continue;
            }
            let Some(date) = f.get_date(param).filter(|d| *d < today) else {
                continue;
            };
            f.params.remove(param);
            if let Some(name) = passed_name(param) {
                f.params.insert(name, Value::Date(date));
            }
        }
    }
}
