//! A digest of a decision, saved with the answers (`AnswersFile::result`), and what changed
//! between a saved digest and a fresh decision (for example after the rules were updated).
//!
//! The digest names each finding by its catalogue name (`FindingKey::as_str`, the `<key>` of
//! `finding.<key>.…` in the text catalogues) and gives its verdict as `yes`, `no` or `maybe`.

use std::collections::BTreeMap;

use super::decision::Decision;

/// One finding whose verdict is not what it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The finding's catalogue name, e.g. `card_needed`.
    pub finding: String,
    /// The saved verdict (`yes`, `no`, `maybe`), or `None` if the finding was not in the saved
    /// result.
    pub before: Option<String>,
    /// The verdict now, or `None` if the finding is no longer given.
    pub after: Option<String>,
}

/// Finding name → verdict for every finding of `decision`. If a finding appeared twice, the
/// first (most important) one counts.
pub fn digest(decision: &Decision) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for f in &decision.findings {
        out.entry(f.key.as_str().to_string())
            .or_insert_with(|| f.verdict.as_str().to_string());
    }
    out
}

/// The findings whose verdict differs between `saved` and `now`, including findings only in
/// one of them, in order of finding name.
pub fn compare(saved: &BTreeMap<String, String>, now: &BTreeMap<String, String>) -> Vec<Change> {
    let mut names: Vec<&String> = saved.keys().chain(now.keys()).collect();
    names.sort();
    names.dedup();
    names
        .into_iter()
        .filter_map(|name| {
            let before = saved.get(name);
            let after = now.get(name);
            (before != after).then(|| Change {
                finding: name.clone(),
                before: before.cloned(),
                after: after.cloned(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::decision::{Finding, FindingKey, Priority, Verdict};
    use chrono::NaiveDate;

    fn decision(findings: Vec<Finding>) -> Decision {
        Decision {
            rules_version: "test",
            rules_reviewed: NaiveDate::MIN,
            rules_review_by: NaiveDate::MAX,
            situation: Default::default(),
            today: NaiveDate::MIN,
            findings,
            dates: Vec::new(),
            checklist: Vec::new(),
            topic: crate::domain::answers::Topic::Everything,
            other_topics: Vec::new(),
            plan: Default::default(),
        }
    }

    fn map(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn a_digest_names_findings_as_the_catalogue_does_with_their_verdicts() {
        let d = decision(vec![
            Finding::new(FindingKey::CardNeeded, Verdict::Yes, Priority::Action),
            Finding::new(FindingKey::Appointment, Verdict::No, Priority::Action),
            Finding::new(FindingKey::Fee, Verdict::maybe(&[]), Priority::Info),
        ]);
        assert_eq!(
            digest(&d),
            map(&[
                ("appointment", "no"),
                ("card_needed", "yes"),
                ("fee", "maybe")
            ])
        );
    }

    #[test]
    fn a_finding_given_twice_keeps_its_first_verdict() {
        let d = decision(vec![
            Finding::new(FindingKey::Fee, Verdict::Yes, Priority::Action),
            Finding::new(FindingKey::Fee, Verdict::No, Priority::Info),
        ]);
        assert_eq!(digest(&d), map(&[("fee", "yes")]));
    }

    #[test]
    fn nothing_changed_gives_no_changes() {
        let m = map(&[("a", "yes"), ("b", "no")]);
        assert!(compare(&m, &m).is_empty());
        assert!(compare(&BTreeMap::new(), &BTreeMap::new()).is_empty());
    }

    #[test]
    fn changed_new_and_dropped_findings_are_listed_in_name_order() {
        let saved = map(&[("c", "yes"), ("a", "maybe"), ("same", "no")]);
        let now = map(&[("b", "no"), ("a", "yes"), ("same", "no")]);
        let change = |f: &str, b: Option<&str>, a: Option<&str>| Change {
            finding: f.into(),
            before: b.map(String::from),
            after: a.map(String::from),
        };
        assert_eq!(
            compare(&saved, &now),
            vec![
                change("a", Some("maybe"), Some("yes")),
                change("b", None, Some("no")),
                change("c", Some("yes"), None),
            ]
        );
    }
}
