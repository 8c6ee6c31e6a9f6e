//! The page's answers-file writer (`wire::codec`) against serde (`domain::format`): the same
//! bytes written, read back by the one reader (`format::parse`) as the same value; that reader
//! on hostile text (never a panic); the checksum catches hand edits but not reformatting; URL
//! fragments round-trip and tampered ones are refused.
//!
//! The answer generators are shared with `tests/properties.rs` (`tests/support/mod.rs`: wild
//! dates anywhere in chrono's range, DUF numbers of random characters, stays and periods of
//! every shape).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use proptest::prelude::*;
use proptest::sample::select;
use residence_checker::domain::answers::*;
use residence_checker::domain::format::{self, AnswersFile, FormatError};
use residence_checker::domain::questions::Question;
use residence_checker::wire::codec;

mod support;
use support::*;

fn tricky_string() -> BoxedStrategy<String> {
    prop_oneof![
        ".{0,16}",
        "\\PC{0,12}",
        "[\\x00-\\x20\"\\\\/\\x7f\u{2028}é😀]{0,10}",
    ]
    .boxed()
}

fn result_digest() -> BoxedStrategy<BTreeMap<String, String>> {
    let key = prop_oneof![
        select(vec![
            "card_needed",
            "appointment",
            "fee",
            "renewal_deadline"
        ])
        .prop_map(String::from),
        tricky_string(),
    ];
    let value = prop_oneof![
        select(vec!["yes", "no", "maybe"]).prop_map(String::from),
        tricky_string(),
    ];
    prop::collection::btree_map(key, value, 0..6).boxed()
}

/// A file with every envelope field optional; the checksum absent, right, or anything.
fn arb_file() -> BoxedStrategy<AnswersFile> {
    (
        wild_answers(),
        o(tricky_string()),
        o(wild_date()),
        o(result_digest()),
        0u8..3,
        "[0-9a-f]{8}|.{0,9}",
    )
        .prop_map(|(answers, rules_version, today, result, seal, sum)| {
            let mut f = AnswersFile::new(answers, rules_version.as_deref(), today);
            f.result = result;
            match seal {
                0 => {}
                1 => codec::seal(&mut f),
                _ => f.checksum = Some(sum),
            }
            f
        })
        .boxed()
}

fn sealed(f: &AnswersFile) -> AnswersFile {
    let mut f = f.clone();
    codec::seal(&mut f);
    f
}

// ---------------------------------------------------------------------------------------------
// The one reader, and the writer read back
// ---------------------------------------------------------------------------------------------

/// The one reader, `format::parse`, on `text`: it never panics, and what it accepts the page's
/// writer (`codec::write`, sealed) writes back to a file read as the same, compact or pretty.
fn reads_back(text: &str) -> Result<(), TestCaseError> {
    if let Ok(file) = format::parse(text) {
        let mut sealed = file;
        codec::seal(&mut sealed);
        for pretty in [false, true] {
            let again = codec::write(&sealed, pretty);
            prop_assert_eq!(format::parse(&again), Ok(sealed.clone()), "{}", text);
        }
    }
    Ok(())
}

fn assert_reads_back(text: &str) {
    if let Err(e) = reads_back(text) {
        panic!("{e}");
    }
}

/// JSON text from a value with object keys in an order picked by `seed` (serde_json writes them
/// sorted), and optionally with structs written as arrays.
fn json_shuffled(v: &serde_json::Value, seed: u64, out: &mut String) {
    use serde_json::Value as V;
    match v {
        V::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                json_shuffled(item, seed.rotate_left(7) ^ i as u64, out);
            }
            out.push(']');
        }
        V::Object(m) => {
            let mut entries: Vec<_> = m.iter().collect();
            let n = entries.len();
            if n > 1 {
                for i in 0..n {
                    let j = (seed.rotate_left(i as u32 * 5) as usize ^ i) % n;
                    entries.swap(i, j);
                }
            }
            out.push('{');
            for (i, (k, item)) in entries.into_iter().enumerate() {
                if i > 0 {
                    out.push_str(if seed.is_multiple_of(3) { " ,\n " } else { "," });
                }
                out.push_str(&serde_json::to_string(k).unwrap());
                out.push(':');
                json_shuffled(item, seed.rotate_left(11) ^ n as u64, out);
            }
            out.push('}');
        }
        other => out.push_str(&other.to_string()),
    }
}

/// Every object and array inside `v`, by a path of keys and indexes, paired with its depth.
fn containers(v: &serde_json::Value) -> Vec<Vec<serde_json::Value>> {
    fn walk(
        v: &serde_json::Value,
        path: &mut Vec<serde_json::Value>,
        out: &mut Vec<Vec<serde_json::Value>>,
    ) {
        match v {
            serde_json::Value::Object(m) => {
                out.push(path.clone());
                for (k, item) in m {
                    path.push(k.as_str().into());
                    walk(item, path, out);
                    path.pop();
                }
            }
            serde_json::Value::Array(items) => {
                out.push(path.clone());
                for (i, item) in items.iter().enumerate() {
                    path.push(i.into());
                    walk(item, path, out);
                    path.pop();
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(v, &mut Vec::new(), &mut out);
    out
}

fn at_mut<'a>(
    v: &'a mut serde_json::Value,
    path: &[serde_json::Value],
) -> &'a mut serde_json::Value {
    path.iter().fold(v, |v, p| match p {
        serde_json::Value::String(k) => &mut v[k.as_str()],
        _ => &mut v[p.as_u64().unwrap_or(0) as usize],
    })
}

fn arb_json() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value as J;
    let leaf = prop_oneof![
        Just(J::Null),
        any::<bool>().prop_map(J::Bool),
        any::<i64>().prop_map(J::from),
        any::<u64>().prop_map(J::from),
        any::<f64>().prop_map(J::from),
        select(vec![J::from(1), J::from(-1), J::from(1.0), J::from(0)]),
        ".{0,12}".prop_map(J::String),
        select(vec![
            "residence-checker-answers",
            "2025-01-01",
            "+10000-01-01",
            "-0001-12-31",
            "2025-02-30",
            " 2025-01-01",
            "2025-1-1",
            "eu_eea",
            "uk",
            "temporary",
            "lost",
            "other",
            "work_abroad",
            "employee",
            "spouse",
            "201258697561",
        ])
        .prop_map(|s| J::String(s.to_string())),
    ];
    let key = select(vec![
        "format",
        "format_version",
        "rules_version",
        "today",
        "answers",
        "result",
        "checksum",
        "citizenship",
        "status",
        "stays_abroad",
        "uk_basis_history",
        "from",
        "to",
        "reason",
        "basis",
        "uk",
        "uk_family",
        "relationship",
        "supported",
        "card_situation",
        "duf_number",
        "permit_start",
        "eu_registered",
        "unknown_field",
    ]);
    leaf.prop_recursive(4, 64, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(J::Array),
            prop::collection::btree_map(key.clone().prop_map(str::to_string), inner, 0..8)
                .prop_map(|m| J::Object(m.into_iter().collect())),
        ]
    })
}

/// Text that looks like JSON: a soup of its tokens.
fn json_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(
        select(vec![
            "{",
            "}",
            "[",
            "]",
            ":",
            ",",
            " ",
            "\n",
            "\"",
            "\\",
            "\\u",
            "d83d",
            "de00",
            "null",
            "true",
            "fals",
            "0",
            "-",
            "1",
            ".5",
            "e9",
            "E+",
            "01",
            "\"format\"",
            "\"residence-checker-answers\"",
            "\"format_version\"",
            "\"answers\"",
            "\"a\"",
            "\u{0}",
            "é",
            "\u{feff}",
        ]),
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(256), ..ProptestConfig::default() })]

    #[test]
    fn the_codec_writes_what_serde_writes_and_it_reads_back(f in arb_file()) {
        let compact = codec::write(&f, false);
        prop_assert_eq!(&compact, &serde_json::to_string(&f).unwrap());
        let pretty = codec::write(&f, true);
        prop_assert_eq!(&pretty, &serde_json::to_string_pretty(&f).unwrap());
        prop_assert_eq!(codec::checksum(&f), format::checksum(&f));
        let right = f.checksum.is_none() || f.checksum == Some(codec::checksum(&f));
        for text in [&compact, &pretty] {
            if right {
                prop_assert_eq!(format::parse(text), Ok(f.clone()));
            } else {
                prop_assert_eq!(format::parse(text), Err(FormatError::ChecksumMismatch));
            }
            reads_back(text)?;
        }
    }

    #[test]
    fn arbitrary_text_is_read_or_refused(text in "\\PC{0,300}") {
        reads_back(&text)?;
    }

    #[test]
    fn json_soup_is_read_or_refused(text in json_soup(), envelope in any::<bool>()) {
        let text = if envelope {
            format!("{{\"format\":\"residence-checker-answers\",\"format_version\":1,\"answers\":{text}}}")
        } else {
            text
        };
        reads_back(&text)?;
    }

    #[test]
    fn arbitrary_json_is_read_or_refused(
        mut v in arb_json(),
        envelope in any::<bool>(),
        seed in any::<u64>(),
    ) {
        if envelope {
            if let serde_json::Value::Object(m) = &mut v {
                m.insert("format".into(), format::FORMAT_NAME.into());
                m.insert("format_version".into(), 1.into());
            }
        }
        reads_back(&v.to_string())?;
        let mut shuffled = String::new();
        json_shuffled(&v, seed, &mut shuffled);
        reads_back(&shuffled)?;
    }

    /// A written file with characters cut out, changed, inserted, or the end cut off.
    #[test]
    fn mangled_files_are_read_or_refused(
        f in arb_file(),
        pretty in any::<bool>(),
        edits in prop::collection::vec(
            (any::<prop::sample::Index>(), select(vec!["", "\"", "{", "}", "[", "]", ",", ":", "0", "1", "-", "a", "\\", "null", " ", "é", "\u{1}"]), 0u8..4),
            1..4,
        ),
    ) {
        let mut text = codec::write(&f, pretty);
        for (at, s, op) in edits {
            let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
            if bounds.is_empty() {
                break;
            }
            let i = bounds[at.index(bounds.len())];
            match op {
                0 => { text.remove(i); }
                1 => { text.remove(i); text.insert_str(i, s); }
                2 => text.insert_str(i, s),
                _ => text.truncate(i),
            }
        }
        reads_back(&text)?;
    }

    /// Structural changes to a valid file: an unknown field, a field removed, a value of the
    /// wrong type, a struct written as an array, and the keys in another order.
    #[test]
    fn files_of_changed_structure_are_read_or_refused(
        f in arb_file(),
        at in any::<prop::sample::Index>(),
        op in 0u8..4,
        junk in arb_json(),
        seed in any::<u64>(),
    ) {
        let mut v: serde_json::Value = serde_json::from_str(&codec::write(&f, false)).unwrap();
        let places = containers(&v);
        let path = &places[at.index(places.len())];
        let target = at_mut(&mut v, path);
        match (op, target) {
            (0, serde_json::Value::Object(m)) => { m.insert("unknown_field".into(), junk); }
            (1, serde_json::Value::Object(m)) => {
                if let Some(k) = m.keys().nth(seed as usize % m.len().max(1)).cloned() {
                    m.remove(&k);
                }
            }
            (2, serde_json::Value::Object(m)) => {
                if let Some(k) = m.keys().nth(seed as usize % m.len().max(1)).cloned() {
                    m.insert(k, junk);
                }
            }
            (2, serde_json::Value::Array(items)) if !items.is_empty() => {
                let i = seed as usize % items.len();
                items[i] = junk;
            }
            (3, t @ serde_json::Value::Object(_)) => {
                // The sequence form of a struct: the values in field order (the writer's
                // order), which serde accepts for a struct.
                let text = serde_json::to_string(t).unwrap();
                let fields: Vec<serde_json::Value> = serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(&text)
                    .map(|m| m.into_iter().map(|(_, v)| v).collect())
                    .unwrap_or_default();
                *t = serde_json::Value::Array(fields);
            }
            _ => {}
        }
        reads_back(&v.to_string())?;
        let mut shuffled = String::new();
        json_shuffled(&v, seed, &mut shuffled);
        reads_back(&shuffled)?;
    }
}

#[test]
fn deep_nesting_is_refused_without_a_panic() {
    for depth in [1, 2, 100, 126, 127, 128, 129, 1000, 10_000] {
        for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
            let text = format!("{}{}", open.repeat(depth), close.repeat(depth));
            assert_reads_back(&text);
            let text = format!(
                "{{\"format\":\"residence-checker-answers\",\"format_version\":1,\"answers\":{{\"x\":{}1{}}}}}",
                open.repeat(depth),
                close.repeat(depth)
            );
            assert_reads_back(&text);
        }
    }
    assert!(matches!(
        format::parse(&"[".repeat(10_000)),
        Err(FormatError::NotJson { .. })
    ));
}

/// Corners of the format: structs as arrays, unit variants as single-key maps, `null` for
/// absent, duplicate keys, escapes, numbers, and error order.
#[test]
fn known_corners_are_read_or_refused() {
    let envelope = |answers: &str| {
        format!(
            r#"{{"format":"residence-checker-answers","format_version":1,"answers":{answers}}}"#
        )
    };
    let answers = [
        "{}",
        "[]",
        "null",
        "5",
        r#""x""#,
        r#"["uk"]"#,
        r#"["uk", true, "uk_national"]"#,
        r#"[null, null, null]"#,
        r#"["martian"]"#,
        &format!("[{}]", ["null"; 51].join(",")),
        &format!("[{}]", ["null"; 52].join(",")),
        &format!("[{}, {{\"supported\": true}}]", ["null"; 43].join(",")),
        &format!("[{}, [\"spouse\", \"student\"]]", ["null"; 43].join(",")),
        &format!("[{}, [{}]]", ["null"; 43].join(","), ["null"; 13].join(",")),
        &format!("[{}, null]", ["null"; 43].join(",")),
        r#"{"citizenship": {"uk": null}}"#,
        r#"{"citizenship": {"uk": 1}}"#,
        r#"{"citizenship": {"mars": null}}"#,
        r#"{"citizenship": {}}"#,
        r#"{"citizenship": {"uk": null, "other": null}}"#,
        r#"{"citizenship": ["uk"]}"#,
        r#"{"citizenship": "uk", "citizenship": "uk"}"#,
        r#"{"uk_family": null}"#,
        r#"{"uk_family": {}}"#,
        r#"{"uk_family": {"supported": "yes"}}"#,
        r#"{"uk_family": {"colour": 1}}"#,
        r#"{"uk_family.supported": true}"#,
        r#"{"relationship": "spouse"}"#,
        r#"{"card_situation": ["lost", "mars"]}"#,
        r#"{"card_situation": [{"lost": null}]}"#,
        r#"{"card_situation": "lost"}"#,
        r#"{"card_situation": null}"#,
        r#"{"stays_abroad": [["2025-01-01", "2025-01-02", "other"]]}"#,
        r#"{"stays_abroad": [["2025-01-01", "2025-01-02"]]}"#,
        r#"{"stays_abroad": [[]]}"#,
        r#"{"stays_abroad": [["2025-01-01", "2025-01-02", "other", 4]]}"#,
        r#"{"stays_abroad": [["2025-01-01", 5, "other", 4]]}"#,
        r#"{"stays_abroad": [{"from": "2025-01-01", "to": "2025-01-02"}]}"#,
        r#"{"stays_abroad": [{"from": "2025-01-01"}]}"#,
        r#"{"stays_abroad": [{"reason": "mars"}]}"#,
        r#"{"stays_abroad": [{"from": "2025-01-01", "to": "2025-01-02", "reason": "other", "x": 1}]}"#,
        r#"{"stays_abroad": [null]}"#,
        r#"{"uk_basis_history": [{"from": "2025-01-01", "to": "2025-01-02", "basis": "student"}]}"#,
        r#"{"uk_basis_history": [{"from": "2025-01-01", "to": "2025-01-02", "reason": "other"}]}"#,
        r#"{"date_of_birth": "2025-1-1"}"#,
        r#"{"date_of_birth": " 2025-01-01"}"#,
        r#"{"date_of_birth": "2025-01-01 "}"#,
        r#"{"date_of_birth": "+2025-01-01"}"#,
        r#"{"date_of_birth": "20250-01-01"}"#,
        r#"{"date_of_birth": "2025-02-30"}"#,
        r#"{"date_of_birth": "2025-01"}"#,
        r#"{"date_of_birth": 20250101}"#,
        r#"{"date_of_birth": 1.5}"#,
        r#"{"date_of_birth": -1}"#,
        r#"{"date_of_birth": true}"#,
        r#"{"date_of_birth": [], "basis": "x", "zzz": 1}"#,
        r#"{"zzz": 1, "basis": "x"}"#,
        r#"{"duf_number": "\ud83d\ude00 \u00e9\n"}"#,
        r#"{"duf_number": "\ud83d"}"#,
        r#"{"duf_number": "\ude00"}"#,
        r#"{"duf_number": "\ud83d\u0041"}"#,
        r#"{"duf_number": "\ud83dx"}"#,
        r#"{"duf_number": "\x"}"#,
        r#"{"duf_number": "\u12"}"#,
        "{\"duf_number\": \"a\tb\"}",
        r#"{"duf_number": "\/\b\f\r"}"#,
        r#"{"eu_registered": 1e400}"#,
        r#"{"eu_registered": 01}"#,
        r#"{"eu_registered": 1.}"#,
        r#"{"eu_registered": -}"#,
        r#"{"eu_registered": 1e}"#,
        r#"{"eu_registered": True}"#,
        r#"{"eu_registered": nul}"#,
        r#"{"eu_registered": true,}"#,
        r#"{"eu_registered": true"#,
    ];
    for a in answers {
        assert_reads_back(&envelope(a));
    }
    let files = [
        "",
        " ",
        "\u{feff}{}",
        "{}",
        "[]",
        "null",
        r#"{"format":"residence-checker-answers"}"#,
        r#"{"format":"residence-checker-answers","format_version":1}"#,
        r#"{"format":"residence-checker-answers","format_version":1.0,"answers":{}}"#,
        r#"{"format":"residence-checker-answers","format_version":-1,"answers":{}}"#,
        r#"{"format":"residence-checker-answers","format_version":-0,"answers":{}}"#,
        r#"{"format":"residence-checker-answers","format_version":2,"answers":{}}"#,
        r#"{"format":"residence-checker-answers","format_version":18446744073709551615,"answers":{}}"#,
        r#"{"format":"residence-checker-answers","format_version":18446744073709551616,"answers":{}}"#,
        r#"{"format":"residence-checker-answers","format_version":"1","answers":{}}"#,
        r#"{"format":"other","format_version":1,"answers":{}}"#,
        r#"{"format":"residence-checker-answers","format_version":1,"answers":{}} x"#,
        r#"{"format":"residence-checker-answers","format_version":1,"answers":{}}  "#,
        r#"{"format":"residence-checker-answers","format_version":1,"answers":{},"format":"residence-checker-answers"}"#,
        r#"{"format":"residence-checker-answers","format_version":1,"answers":{},"colour":1}"#,
        r#"{"format":"residence-checker-answers","format_version":1,"answers":{},"today":null,"rules_version":null,"result":null,"checksum":null}"#,
        r#"{"format":"residence-checker-answers","format_version":1,"answers":{},"today":"x"}"#,
        r#"{"format":"residence-checker-answers","format_version":1,"answers":{},"rules_version":1}"#,
        r#"{"format":"residence-checker-answers","format_version":1,"answers":{},"result":{"a":"yes","b":1}}"#,
        r#"{"format":"residence-checker-answers","format_version":1,"answers":{},"result":[]}"#,
        r#"{"format":"residence-checker-answers","format_version":1,"answers":{},"result":{"a":"yes","a":"no"}}"#,
        r#"{"format":"residence-checker-answers","format_version":1,"answers":{},"checksum":"00000000"}"#,
        r#"{"format":"residence-checker-answers","format_version":1,"answers":{},"checksum":5}"#,
        r#"{"format":"residence-checker-answers","format_version":1,"answers":{"colour":1},"checksum":"00000000"}"#,
        r#"{"format_version":1,"answers":{}}"#,
    ];
    for text in files {
        assert_reads_back(text);
    }
}

// ---------------------------------------------------------------------------------------------
// Checksum
// ---------------------------------------------------------------------------------------------

#[test]
fn crc32_gives_the_standard_check_value() {
    assert_eq!(format::crc32(b"123456789"), 0xcbf4_3926);
    assert_eq!(format::crc32(b""), 0);
    assert_eq!(format::checksum_text("123456789"), "cbf43926");
}

fn example_file() -> AnswersFile {
    let answers = Answers {
        citizenship: Some(Citizenship::Other),
        status: Some(Status::Temporary),
        duf_number: Some("2012 586975 61".into()),
        stays_abroad: Some(vec![Stay {
            from: NaiveDate::from_ymd_opt(2025, 1, 10).unwrap(),
            to: NaiveDate::from_ymd_opt(2025, 5, 31).unwrap(),
            reason: AbsenceReason::WorkAbroad,
        }]),
        ..Answers::default()
    };
    let result = BTreeMap::from([("card_needed".to_string(), "yes".to_string())]);
    AnswersFile::new(
        answers,
        Some("2026.11.1"),
        NaiveDate::from_ymd_opt(2026, 11, 22),
    )
    .with_result(result)
}

#[test]
fn a_hand_edit_of_one_answer_in_a_sealed_file_is_refused() {
    let text = format::write_file(&example_file());
    assert!(format::parse(&text).is_ok());
    let edited = text.replace("\"temporary\"", "\"permanent_permit\"");
    assert_ne!(edited, text);
    assert_eq!(format::parse(&edited), Err(FormatError::ChecksumMismatch));
    assert_eq!(format::parse(&edited), Err(FormatError::ChecksumMismatch));
    // The same edit with the checksum removed is accepted: the checksum is optional.
    let v: serde_json::Value = serde_json::from_str(&edited).unwrap();
    let mut m = v.as_object().unwrap().clone();
    m.remove("checksum");
    let unsealed = serde_json::Value::Object(m).to_string();
    assert!(format::parse(&unsealed).is_ok());
}

#[test]
fn a_reformatted_sealed_file_is_still_accepted() {
    let file = sealed(&example_file());
    let v: serde_json::Value = serde_json::from_str(&codec::write(&file, false)).unwrap();
    for seed in 0..20u64 {
        let mut text = String::new();
        json_shuffled(&v, seed.wrapping_mul(0x9e37_79b9_7f4a_7c15), &mut text);
        assert_eq!(format::parse(&text), Ok(file.clone()), "{text}");
        assert_eq!(format::parse(&text), Ok(file.clone()), "{text}");
    }
    let pretty = codec::write(&file, true).replace('\n', "\r\n\t ");
    assert_eq!(format::parse(&pretty), Ok(file.clone()));
}

#[test]
fn the_documented_checksum_example_is_right() {
    let canonical = r#"{"format":"residence-checker-answers","format_version":2,"rules_version":"2026.12.1","today":"2026-12-01","answers":{"citizenship":"other","status":"temporary","topic":"everything"},"result":{"card_needed":"yes"}}"#;
    let file = format::parse(canonical).unwrap();
    assert_eq!(codec::write(&file, false), canonical);
    assert_eq!(codec::checksum(&file), format::checksum_text(canonical));
    let doc = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/docs/answers-format.md"
    ))
    .unwrap();
    let sum = codec::checksum(&file);
    assert!(
        doc.contains(canonical),
        "the document shows the canonical form"
    );
    assert_eq!(sum, "693a3dcc");
    assert!(
        doc.contains(&format!("\"checksum\": \"{sum}\"")),
        "the document shows {sum}"
    );
    assert!(
        doc.contains(&format!("CRC-32 is `{sum}`")),
        "the document shows {sum}"
    );
    // The envelope example of the document, as it is shown there, reads with its checksum.
    let start = doc.find("```json\n{\n  \"format\"").unwrap() + "```json\n".len();
    let example = &doc[start..start + doc[start..].find("```").unwrap()];
    let mut sealed_file = file.clone();
    codec::seal(&mut sealed_file);
    assert_eq!(format::parse(example), Ok(sealed_file.clone()));
    assert_eq!(format::parse(example), Ok(sealed_file));
}

// ---------------------------------------------------------------------------------------------
// URL fragment
// ---------------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(64), ..ProptestConfig::default() })]

    #[test]
    fn a_fragment_round_trips_sealed(f in arb_file()) {
        let fragment = codec::to_fragment(&f);
        prop_assert!(fragment.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
        let mut expected = f.clone();
        expected.checksum = None;
        codec::seal(&mut expected);
        prop_assert_eq!(codec::from_fragment(&fragment), Ok(expected));
    }

    #[test]
    fn a_fragment_with_one_character_changed_is_refused(
        at in any::<prop::sample::Index>(),
        c in select(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".to_vec()),
    ) {
        let mut fragment = codec::to_fragment(&example_file()).into_bytes();
        let i = at.index(fragment.len());
        prop_assume!(fragment[i] != c);
        fragment[i] = c;
        let fragment = String::from_utf8(fragment).unwrap();
        prop_assert!(codec::from_fragment(&fragment).is_err(), "{}", fragment);
    }

    #[test]
    fn a_truncated_fragment_is_refused(at in any::<prop::sample::Index>()) {
        let fragment = codec::to_fragment(&example_file());
        let cut = &fragment[..at.index(fragment.len())];
        prop_assert!(codec::from_fragment(cut).is_err());
    }
}

#[test]
fn a_fragment_that_is_not_base64url_or_too_long_or_unsealed_is_refused() {
    let fragment = codec::to_fragment(&example_file());
    assert!(codec::from_fragment(&fragment).is_ok());
    for bad in [
        format!("{fragment}="),
        format!("#{fragment}"),
        fragment.replace('-', "+"),
        format!("{fragment} "),
        format!("{}é", &fragment[..fragment.len() - 1]),
        "A".to_string(),
        "AB".to_string(), // stray bits: 'B' leaves a bit set after the last whole byte
    ] {
        if bad != fragment {
            assert!(
                matches!(codec::from_fragment(&bad), Err(FormatError::NotJson { .. })),
                "{bad}"
            );
        }
    }
    let long = "A".repeat(codec::MAX_FRAGMENT_CHARS + 4);
    assert!(matches!(
        codec::from_fragment(&long),
        Err(FormatError::TooLarge { .. })
    ));
    // Valid base64url of a valid file without a checksum: refused in a link.
    let unsealed = codec::write(&example_file(), false);
    assert!(format::parse(&unsealed).is_ok());
    let encoded = {
        let mut sealed_fragment = codec::to_fragment(&example_file());
        // Decode what to_fragment made, drop the checksum, encode again: go through the
        // public API by encoding the unsealed text by hand.
        sealed_fragment.clear();
        base64url(unsealed.as_bytes())
    };
    assert_eq!(
        codec::from_fragment(&encoded),
        Err(FormatError::ChecksumMismatch)
    );
    // And one that is sealed but whose answers were changed.
    let mut changed = sealed(&example_file());
    changed.answers.status = Some(Status::PermanentPermit);
    let text = codec::write(&changed, false);
    assert_eq!(
        codec::from_fragment(&base64url(text.as_bytes())),
        Err(FormatError::ChecksumMismatch)
    );
}

#[test]
fn the_test_encoder_agrees_with_to_fragment() {
    let f = sealed(&example_file());
    assert_eq!(
        base64url(codec::write(&f, false).as_bytes()),
        codec::to_fragment(&f)
    );
}

// ---------------------------------------------------------------------------------------------
// Version 1 (before topic first) is read and migrated
// ---------------------------------------------------------------------------------------------

/// A sealed version-1 file of `answers`, as the checker wrote it before format version 2 (by
/// serde: the page's writer knows only the fields of version 2).
fn version_1(mut answers: Answers) -> AnswersFile {
    answers.topic = None;
    let mut f = AnswersFile::new(answers, Some("2026.11.1"), None);
    f.format_version = 1;
    f.checksum = Some(format::checksum(&f));
    f
}

/// The decision for some answers (or the refusal), comparable.
fn decision_of(answers: &Answers) -> String {
    let today = NaiveDate::from_ymd_opt(2026, 12, 1).expect("date");
    match residence_checker::domain::case::Case::from_answers(answers, today) {
        Ok(case) => format!("{:?}", residence_checker::engine::evaluate(&case, today)),
        Err(e) => format!("{e:?}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(256), ..ProptestConfig::default() })]

    /// Every version-1 file (saved file, link, stored state: all read by the one reader) loads
    /// as version 2 with the full check as its topic, and gives the same decision. Version 1
    /// could give the permit's expiry as `permit_end` and a renewal's hand-in day as
    /// `renewal_submitted` (each fact once: version 2 has one field each); generated files
    /// use those fields too, and read as the asked fields.
    #[test]
    fn a_version_1_file_is_migrated_and_gives_the_same_decision(
        answers in wild_answers(),
        older in any::<(bool, bool)>(),
    ) {
        let mut asked = answers.clone();
        asked.topic = None;
        let before = decision_of(&asked);
        let mut given = asked.clone();
        if older.0 {
            given.permit_end = given.permit_expiry.take();
        }
        if older.1 {
            given.renewal_submitted = given.application_date.take();
        }
        let v1 = version_1(given);
        let compact = serde_json::to_string(&v1).unwrap();
        for text in [compact.clone(), format::write_file(&v1)] {
            let file = format::parse(&text).map_err(|e| TestCaseError::fail(format!("{e}: {text}")))?;
            prop_assert_eq!(file.format_version, 2);
            prop_assert_eq!(file.answers.topic, Some(Topic::Everything));
            let mut plain = file.answers.clone();
            plain.topic = None;
            prop_assert_eq!(&plain, &asked);
            prop_assert_eq!(file.answers.version_1_fields().count(), 0);
            // The decision names its topic; otherwise it is the same.
            prop_assert_eq!(&decision_of(&plain), &before);
        }
        let fragment = support::base64url(compact.as_bytes());
        let back = codec::from_fragment(&fragment).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(back.answers.topic, Some(Topic::Everything));
        prop_assert_eq!(&back.answers.permit_expiry, &asked.permit_expiry);
        prop_assert_eq!(&back.answers.application_date, &asked.application_date);
    }
}

/// Each fact once: a version-2 file may not hold a field of version 1; it is refused, naming
/// the field, and the field that took its place.
#[test]
fn a_version_2_file_with_a_version_1_field_is_refused() {
    for (field, instead) in [
        ("permit_end", "permit_expiry"),
        ("renewal_submitted", "application_date"),
    ] {
        let text = format!(
            r#"{{"format":"residence-checker-answers","format_version":2,"answers":{{"{field}":"2026-12-31"}}}}"#
        );
        match format::parse(&text) {
            Err(FormatError::Field { path, message }) => {
                assert_eq!(path, format!("answers.{field}"));
                assert!(message.contains(instead), "{message}");
            }
            other => panic!("{field}: {other:?}"),
        }
        let v1 = text.replace("\"format_version\":2", "\"format_version\":1");
        let file = format::parse(&v1).expect("version 1");
        assert_eq!(
            residence_checker::flow::answer::get_json(
                &file.answers,
                Question::from_name(instead).unwrap()
            ),
            Some(serde_json::json!("2026-12-31"))
        );
    }
}

/// A version-1 list of answers (the positional form) reads unchanged: the topic is the last
/// field of version 2.
#[test]
fn a_version_1_answer_list_reads_unchanged() {
    let text =
        r#"{"format":"residence-checker-answers","format_version":1,"answers":["other",false]}"#;
    {
        let f = format::parse(text).expect("a version-1 list");
        assert_eq!(f.answers.citizenship, Some(Citizenship::Other));
        assert_eq!(f.answers.eu_family_member, Some(false));
        assert_eq!(f.answers.topic, Some(Topic::Everything));
    }
}

/// The hand-over of a loaded file's result digest from the report worker to the page
/// (`residence_checker::wire::digest::digest_to_text` / `digest_from_text`): what the file holds comes back unchanged.
/// Issue 14: `{"card_needed":"yes,fee=no"}` came back as two entries and `{"a=b":"yes"}` as
/// `{"a":"b=yes"}`, and an empty digest disappeared, while the checksum had accepted the file.
#[test]
fn a_result_digest_crosses_the_hand_over_unchanged() {
    for digest in [
        BTreeMap::from([("card_needed".to_string(), "yes,fee=no".to_string())]),
        BTreeMap::from([("a=b".to_string(), "yes".to_string())]),
        BTreeMap::from([
            ("%2C".to_string(), "%".to_string()),
            (String::new(), "=".into()),
        ]),
        BTreeMap::new(),
    ] {
        let line = residence_checker::wire::digest::digest_to_text(&digest);
        assert_eq!(
            residence_checker::wire::digest::digest_from_text(&line),
            Some(digest),
            "{line}"
        );
    }
}

#[test]
fn a_hand_over_line_that_is_not_one_is_refused() {
    for line in ["a", "a=b,c", "a=%2", "a=%41", "a=b,a=c"] {
        assert_eq!(
            residence_checker::wire::digest::digest_from_text(line),
            None,
            "{line}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn every_result_digest_round_trips_through_the_hand_over(digest in result_digest()) {
        let line = residence_checker::wire::digest::digest_to_text(&digest);
        prop_assert_eq!(residence_checker::wire::digest::digest_from_text(&line), Some(digest));
    }
}

/// Issue 14: `+2024-01-05`, `02024-01-05`, `-0000-01-01` and `20240-01-05` were accepted in
/// files, against the documented one spelling per day. Both readers refuse them alike.
#[test]
fn a_date_in_another_spelling_is_refused_by_both_readers() {
    for date in [
        "+2024-01-05",
        "02024-01-05",
        "-0000-01-01",
        "20240-01-05",
        "2024-1-05",
    ] {
        let text = format!(
            r#"{{"format":"residence-checker-answers","format_version":2,"answers":{{"card_expiry":"{date}"}}}}"#
        );
        assert!(
            matches!(format::parse(&text), Err(FormatError::Field { ref path, .. }) if path == "answers.card_expiry"),
            "{date}: {:?}",
            format::parse(&text)
        );
        assert_reads_back(&text);
    }
    for date in ["2024-01-05", "+10000-01-01", "-0001-12-31", "0000-01-01"] {
        let text = format!(
            r#"{{"format":"residence-checker-answers","format_version":2,"answers":{{"card_expiry":"{date}"}}}}"#
        );
        assert!(format::parse(&text).is_ok(), "{date}");
        assert_reads_back(&text);
    }
}

/// The significant digits of 2^1024 - 2^970, halfway between the largest double and 2^1024
/// (times 10^308): from there on a number rounds to infinity, which is not JSON.
const HALFWAY: &str = "1797693134862315807937289714053034150799341327100378269361737789804449682927647509466490179775872070963302864166928879109465555478519404026306574886715058206819089020007083836762738548458177115317644757302700698555713669596228429148198608349364752927190741684443655107043427115596995080930428801779041744979";

/// The kind of refusal of `[number]`: a number at most the largest double is JSON (but not an
/// answers file), one from [`HALFWAY`] on is not JSON. `digits` are the number's significant
/// digits with the first at 10^308.
fn refusal_of_number_near_the_largest_double(text: &str, digits: &str) -> Result<(), String> {
    let n = digits.len().max(HALFWAY.len());
    let over = format!("{digits:0<n$}") >= format!("{HALFWAY:0<n$}");
    match (over, format::parse(text)) {
        (true, Err(FormatError::NotJson { .. })) | (false, Err(FormatError::NotAnswersFile)) => {
            Ok(())
        }
        (over, other) => Err(format!("{text} (over: {over}): {other:?}")),
    }
}

/// Issue 14: the two readers disagreed on numbers next to the largest double (one said "not
/// JSON", the other "not an answers file") and on the path of an unknown empty top-level key.
/// Now there is one reader; these are its answers.
#[test]
fn numbers_at_the_edge_of_a_double_and_an_empty_key_are_read_as_documented() {
    for (text, digits) in [
        ("[1.7976931348623158e308]", "17976931348623158"),
        ("[179769313486231590e291]", "17976931348623159"),
        ("[1.7976931348623157e308]", "17976931348623157"),
        ("[1.797693134862315807e308]", "1797693134862315807"),
        ("[1.7976931348623158079e308]", "17976931348623158079"),
        ("[-1.7976931348623159e308]", "17976931348623159"),
    ] {
        refusal_of_number_near_the_largest_double(text, digits).unwrap();
        assert_reads_back(text);
    }
    assert!(matches!(
        format::parse("[1e309]"),
        Err(FormatError::NotJson { .. })
    ));
    for (text, path) in [
        (
            r#"{"format":"residence-checker-answers","format_version":2,"":1}"#,
            "",
        ),
        (
            r#"{"format":"residence-checker-answers","format_version":2,"answers":{"":1}}"#,
            "answers.",
        ),
    ] {
        assert!(
            matches!(format::parse(text), Err(FormatError::Field { path: ref p, .. }) if p == path),
            "{text}: {:?}",
            format::parse(text)
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Numbers whose digits start like the largest double's, in every spelling: each is read
    /// as in range or as "not JSON", exactly at the halfway point.
    #[test]
    fn numbers_near_the_largest_double_are_refused_by_their_value(
        cut in 10usize..40,
        tail in "[0-9]{0,8}",
        dot in 0usize..6,
        sign in any::<bool>(),
    ) {
        let digits = format!("{}{tail}", &HALFWAY[..cut]);
        let int = dot.min(digits.len() - 1) + 1;
        let exp = 308 - (int as i64 - 1);
        let number = format!("{}{}.{}e{exp}", if sign { "-" } else { "" }, &digits[..int], &digits[int..]);
        let text = format!("[{number}]");
        refusal_of_number_near_the_largest_double(&text, &digits).map_err(TestCaseError::fail)?;
        reads_back(&text)?;
    }
}

// ---------------------------------------------------------------------------------------------
// The round trip: what the app writes from accepted answers is accepted again (issue 25)
// ---------------------------------------------------------------------------------------------

/// Issue 25: 5,000 stays and 5,000 basis periods made a valid file of 720 KB; the answers file
/// the app offered for download from it was 1.16 MB and was refused when loaded back. A file the
/// reader accepts is now written back within the limit (the reader refuses more than 1,000 basis
/// periods: docs/answers-format.md).
#[test]
fn the_answers_written_from_long_lists_are_read_back() {
    let start = NaiveDate::from_ymd_opt(1990, 1, 1).expect("date");
    let on = |days: u64| {
        start
            .checked_add_days(chrono::Days::new(days))
            .expect("date")
    };
    let answers = Answers {
        citizenship: Some(Citizenship::Uk),
        brexit_role: Some(BrexitRole::UkNational),
        topic: Some(Topic::Everything),
        stays_abroad: Some(
            (0..5_000)
                .map(|i| Stay {
                    from: on(2 * i),
                    to: on(2 * i),
                    reason: AbsenceReason::StudiesResearchTraining,
                })
                .collect(),
        ),
        uk_basis_history: Some(
            (0..5_000)
                .map(|i| BasisPeriod {
                    from: on(2 * i),
                    to: on(2 * i),
                    basis: EeaBasis::SufficientFunds,
                })
                .collect(),
        ),
        ..Answers::default()
    };
    let today = NaiveDate::from_ymd_opt(2026, 12, 1).expect("date");
    let text = codec::write(&AnswersFile::new(answers, None, None), false);
    assert!(text.len() < format::MAX_FILE_BYTES, "{}", text.len());
    if let Ok(file) = format::parse(&text) {
        if let Err(e) = written_back(&file, today) {
            panic!("{e}");
        }
    }
}

/// Issue 25: a file of 1,000,000 bytes with a DUF number padded with spaces loaded, but the
/// page's request for its result page (the answers and the day) was 1,000,021 bytes and the
/// report worker refused it. The reader now refuses a DUF number of more than 64 characters.
#[test]
fn the_answers_written_from_a_padded_duf_number_are_read_back() {
    let answers = |duf: String| Answers {
        citizenship: Some(Citizenship::Other),
        duf_number: Some(duf),
        ..Answers::default()
    };
    let short = codec::write(
        &AnswersFile::new(answers("2012 586975 61".into()), None, None),
        false,
    );
    let padding = " ".repeat(format::MAX_FILE_BYTES - short.len());
    let text = codec::write(
        &AnswersFile::new(answers(format!("2012 586975 61{padding}")), None, None),
        false,
    );
    assert_eq!(text.len(), format::MAX_FILE_BYTES);
    if let Ok(file) = format::parse(&text) {
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).expect("date");
        if let Err(e) = written_back(&file, today) {
            panic!("{e}");
        }
    }
}

/// The largest answers file the reader accepts: every list at its limit, every date in its
/// longest spelling (13 characters, `-262143-01-01`), every choice at its longest key, every
/// text at its limit in characters that JSON writes as six bytes each (`\u0001`), and a result
/// digest of the most findings.
fn largest_file() -> AnswersFile {
    use residence_checker::domain::case::{MAX_BASIS_PERIODS, MAX_DUF_CHARS, MAX_LIST_LEN};
    use residence_checker::domain::questions::Kind;
    use residence_checker::flow::{set, AnswerValue};
    let long = NaiveDate::MIN;
    let escaped = |n: usize, seed: usize| -> String {
        // Distinct texts of control characters (but \b, \t, \n, \f, \r, written shorter).
        let pool: Vec<char> = (1u8..0x20)
            .filter(|c| !matches!(c, 8..=10 | 12 | 13))
            .map(char::from)
            .collect();
        (0..n)
            .map(|i| pool[(seed / pool.len().pow(i.min(3) as u32) + i) % pool.len()])
            .collect()
    };
    let longest = |options: &[&str]| {
        options
            .iter()
            .max_by_key(|o| o.len())
            .map(|o| o.to_string())
            .expect("options")
    };
    let mut answers = Answers::default();
    for q in Question::ALL {
        let value = match q.kind() {
            Kind::Choice => AnswerValue::Choice(longest(q.options())),
            Kind::MultiChoice => {
                AnswerValue::Choices(q.options().iter().map(|o| o.to_string()).collect())
            }
            Kind::YesNo => AnswerValue::YesNo(false),
            Kind::Date => AnswerValue::Date(long),
            Kind::Text => AnswerValue::Text(escaped(MAX_DUF_CHARS, 0)),
            Kind::Stays => AnswerValue::Stays(vec![
                Stay {
                    from: long,
                    to: long,
                    reason: AbsenceReason::StudiesResearchTraining,
                };
                MAX_LIST_LEN
            ]),
            Kind::Periods => AnswerValue::Periods(vec![
                BasisPeriod {
                    from: long,
                    to: long,
                    basis: EeaBasis::SufficientFunds,
                };
                MAX_BASIS_PERIODS
            ]),
        };
        assert!(set(&mut answers, *q, value), "{}", q.name());
    }
    let mut file = AnswersFile::new(
        answers,
        Some(&escaped(format::MAX_TEXT_CHARS, 1)),
        Some(long),
    );
    file.result = Some(
        (0..format::MAX_RESULT_ENTRIES)
            .map(|i| {
                (
                    escaped(format::MAX_TEXT_CHARS, i),
                    escaped(format::MAX_TEXT_CHARS, i + 7),
                )
            })
            .collect(),
    );
    assert_eq!(
        file.result.as_ref().map(BTreeMap::len),
        Some(format::MAX_RESULT_ENTRIES)
    );
    codec::seal(&mut file);
    file
}

/// Issue 25, the limits chosen: the largest answers file the reader accepts, written pretty
/// with its checksum (larger than any form the app writes: its compact request to the worker,
/// the answers kept on the device, a link, and the download, whose digest and rules version
/// are within the limits of the file's own), fits within the size limit and reads back the
/// same; a link of it fits the link's limit.
#[test]
fn the_largest_file_the_reader_accepts_is_written_back_within_the_limit() {
    use residence_checker::engine::{FindingKey, RULES_VERSION};
    let file = largest_file();
    let pretty = codec::write(&file, true);
    println!(
        "the largest answers file: {} bytes pretty, {} compact",
        pretty.len(),
        codec::write(&file, false).len()
    );
    assert!(pretty.len() <= format::MAX_FILE_BYTES, "{}", pretty.len());
    assert_eq!(format::parse(&pretty), Ok(file.clone()));
    assert_eq!(
        codec::from_fragment(&codec::to_fragment(&file)),
        Ok(file.clone())
    );
    let today = NaiveDate::MIN;
    if let Err(e) = written_back(&file, today) {
        panic!("{e}");
    }
    // The download's own digest and rules version are within the file's limits.
    assert!(FindingKey::ALL.len() <= format::MAX_RESULT_ENTRIES);
    for key in FindingKey::ALL {
        assert!(key.as_str().chars().count() <= format::MAX_TEXT_CHARS);
    }
    assert!(RULES_VERSION.chars().count() <= format::MAX_TEXT_CHARS);
    // One more of anything is refused, naming the field.
    let mut more = file.clone();
    more.checksum = None;
    let mut longer = more.clone();
    if let Some(stays) = longer.answers.stays_abroad.as_mut() {
        stays.push(stays[0]);
    }
    let mut longer_duf = more.clone();
    if let Some(duf) = longer_duf.answers.duf_number.as_mut() {
        duf.push('1');
    }
    let mut more_periods = more.clone();
    if let Some(periods) = more_periods.answers.uk_basis_history.as_mut() {
        periods.push(periods[0]);
    }
    for (f, path) in [
        (longer, "answers.stays_abroad"),
        (longer_duf, "answers.duf_number"),
        (more_periods, "answers.uk_basis_history"),
    ] {
        match format::parse(&codec::write(&f, false)) {
            Err(FormatError::Field { path: p, .. }) => assert_eq!(p, path),
            other => panic!("{path}: {other:?}"),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// `null` is "not answered"; refusals name no internal type (issue 25)
// ---------------------------------------------------------------------------------------------

/// Issue 25: `"uk_family": null` was refused with "invalid type: null, expected struct
/// UkFamilyAnswers", while the document says `null` means "not answered".
#[test]
fn uk_family_null_is_not_answered() {
    let file = |family: &str| {
        format!(
            r#"{{"format":"residence-checker-answers","format_version":2,"answers":{{"citizenship":"uk"{family}}}}}"#
        )
    };
    let absent = format::parse(&file("")).expect("absent");
    assert_eq!(
        format::parse(&file(r#","uk_family":null"#)),
        Ok(absent.clone())
    );
    assert_eq!(format::parse(&file(r#","uk_family":{}"#)), Ok(absent));
    let e = format::parse(&file(r#","uk_family":5"#)).expect_err("a number");
    assert!(!e.to_string().contains("UkFamilyAnswers"), "{e}");
}

/// Issue 25: `null` reads as "not answered" for every field of the answers (the version-1
/// fields in a version-1 file), of `uk_family`, and for every optional field of the envelope:
/// a file with any one of them `null` reads like the file without it.
#[test]
fn null_reads_as_absent_for_every_optional_field() {
    use residence_checker::domain::questions::Kind;
    use residence_checker::flow::{set, AnswerValue};
    use serde_json::Value;
    let day = NaiveDate::from_ymd_opt(2026, 11, 22).expect("date");
    let mut answers = Answers::default();
    for q in Question::ALL {
        let value = match q.kind() {
            Kind::Choice => AnswerValue::Choice(q.options()[0].into()),
            Kind::MultiChoice => AnswerValue::Choices(vec![q.options()[0].into()]),
            Kind::YesNo => AnswerValue::YesNo(true),
            Kind::Date => AnswerValue::Date(day),
            Kind::Text => AnswerValue::Text("2012 586975 61".into()),
            Kind::Stays => AnswerValue::Stays(vec![]),
            Kind::Periods => AnswerValue::Periods(vec![]),
        };
        assert!(set(&mut answers, *q, value), "{}", q.name());
    }
    let mut file = AnswersFile::new(answers, Some("2026.12.1"), Some(day));
    file.result = Some(BTreeMap::from([("fee".to_string(), "no".to_string())]));
    let mut v1 = file.clone();
    v1.format_version = 1;
    v1.answers.topic = None;
    v1.answers.permit_end = Some(day);
    v1.answers.renewal_submitted = Some(day);
    let mut checked = 0;
    for file in [file, v1] {
        let whole = serde_json::to_value(&file).expect("JSON");
        // Every path to an optional field: the envelope's, the answers', uk_family's.
        let mut paths: Vec<Vec<&str>> = ["rules_version", "today", "result", "checksum"]
            .iter()
            .map(|k| vec![*k])
            .collect();
        let answers = whole["answers"].as_object().expect("answers");
        for k in answers.keys() {
            paths.push(vec!["answers", k]);
        }
        for k in answers["uk_family"].as_object().expect("uk_family").keys() {
            paths.push(vec!["answers", "uk_family", k]);
        }
        for path in paths {
            let (last, parents) = path.split_last().expect("path");
            let mut with_null = whole.clone();
            let mut without = whole.clone();
            for (v, null) in [(&mut with_null, true), (&mut without, false)] {
                let mut at = v;
                for p in parents {
                    at = &mut at[*p];
                }
                let object = at.as_object_mut().expect("object");
                if null {
                    object.insert(last.to_string(), Value::Null);
                } else {
                    object.remove(*last);
                }
            }
            let read = |v: &Value| format::parse(&serde_json::to_string(v).expect("JSON"));
            assert!(read(&without).is_ok(), "{path:?}: {:?}", read(&without));
            assert_eq!(read(&with_null), read(&without), "{path:?}");
            checked += 1;
        }
    }
    assert!(checked > 2 * Question::ALL.len(), "{checked}");
}
