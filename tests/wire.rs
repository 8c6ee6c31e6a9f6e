//! Every message between the page and the report worker comes back as it was sent
//! (`residence_checker::wire`), with hostile text in every field: tabs, line breaks, `\`, `=`,
//! `,`, `%`, `;`, `/`, control characters and any Unicode. The answers file and its fragment
//! are covered by `tests/codec.rs`, the answer lines by `tests/properties.rs`, the result
//! digest by `tests/codec.rs` (`every_result_digest_round_trips_through_the_hand_over`).

use proptest::prelude::*;
use residence_checker::report::view::{
    FindingView, ResultView, SectionView, StaffCopyView, StepView,
};
use residence_checker::wire::view::{decode, encode};

fn hostile() -> BoxedStrategy<String> {
    prop_oneof![
        ".{0,12}",
        "[\t\n\r\\\\=,%;/\u{0}\u{2028}\u{feff}é😀 a]{0,10}",
        Just(String::new()),
        Just("\\t\\n\\\\".to_string()),
    ]
    .boxed()
}

fn list() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(hostile(), 0..3)
}

fn finding() -> impl Strategy<Value = FindingView> {
    (
        (hostile(), hostile()),
        hostile(),
        list(),
        prop::option::of(hostile()),
        list(),
        list(),
        list(),
    )
        .prop_map(
            |((id, verdict), title, body, missing, conflicts, rules, sources)| FindingView {
                id,
                verdict,
                title,
                body,
                missing,
                conflicts,
                rules,
                sources,
            },
        )
}

fn section() -> impl Strategy<Value = SectionView> {
    (hostile(), hostile(), prop::collection::vec(finding(), 0..3)).prop_map(
        |(priority, heading, findings)| SectionView {
            priority,
            heading,
            findings,
        },
    )
}

fn pairs() -> impl Strategy<Value = Vec<(String, String)>> {
    prop::collection::vec((hostile(), hostile()), 0..3)
}

fn step() -> impl Strategy<Value = StepView> {
    (hostile(), hostile(), hostile(), pairs(), list()).prop_map(
        |(state, when, text, why, rules)| StepView {
            state,
            when,
            text,
            why,
            rules,
        },
    )
}

fn staff_copy() -> impl Strategy<Value = StaffCopyView> {
    (hostile(), hostile(), list(), hostile(), list()).prop_map(
        |(heading, do_title, do_items, bring_title, bring_items)| StaffCopyView {
            heading,
            do_title,
            do_items,
            bring_title,
            bring_items,
        },
    )
}

fn view() -> impl Strategy<Value = ResultView> {
    (
        (
            prop::collection::vec(step(), 0..4),
            prop::collection::vec(section(), 0..3),
            pairs(),
        ),
        (list(), list(), list()),
        ("[^\u{0}]{1,12}", list(), list()),
        (pairs(), prop::option::of(staff_copy())),
    )
        .prop_map(
            |(
                (plan, sections, dates),
                (done, bring_items, sources),
                (rules_version, errors, changes),
                (other_topics, staff_copy),
            )| ResultView {
                plan,
                done,
                sections,
                dates,
                bring_items,
                sources,
                rules_version,
                errors,
                changes,
                other_topics,
                staff_copy,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn the_result_view_comes_back_as_it_was_sent(v in view()) {
        prop_assert_eq!(decode(&encode(&v)), Some(v));
    }

    #[test]
    fn any_text_is_read_as_a_view_or_refused_without_panicking(text in "\\PC{0,200}") {
        let _ = decode(&text);
    }
}

/// Words with a line break (a catalogue's `\n`) or a tab came to the page flattened to spaces.
#[test]
fn a_line_break_in_the_words_crosses_to_the_page() {
    let v = ResultView {
        done: vec!["First line\nsecond line\twith a tab \\ and a backslash".into()],
        rules_version: "2026.12.1".into(),
        ..ResultView::default()
    };
    assert_eq!(decode(&encode(&v)), Some(v));
}
