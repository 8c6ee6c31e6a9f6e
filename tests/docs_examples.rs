//! The examples of `docs/answers-format.md` are real files (`docs/examples/*.json`): each must
//! parse, validate and evaluate, and give the outcome the document shows, so the docs can never
//! go stale. The document must also name every answer field, and the command-line evaluator must
//! behave on bad input as documented (exit code 2, message naming the field).

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;
use residence_checker::domain::case::Case;
use residence_checker::domain::format;
use residence_checker::domain::questions::Question;
use residence_checker::engine::{evaluate, Decision, FindingKey, Value, Verdict};
use residence_checker::wire::codec;

/// The day the document's outputs were produced for (`--today 2026-11-22`).
fn doc_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn examples() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("docs/examples"))
        .expect("docs/examples exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

fn decide(path: &Path, today: NaiveDate) -> Decision {
    let text = std::fs::read_to_string(path).unwrap();
    let file = format::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let case = Case::from_answers(&file.answers, today)
        .unwrap_or_else(|e| panic!("{}: invalid answers {e:?}", path.display()));
    evaluate(&case, today)
}

fn verdict(d: &Decision, key: FindingKey) -> &Verdict {
    &d.finding(key)
        .unwrap_or_else(|| panic!("no finding {}", key.as_str()))
        .verdict
}

fn param<'a>(d: &'a Decision, key: FindingKey, name: &str) -> &'a Value {
    d.finding(key)
        .and_then(|f| f.params.get(name))
        .unwrap_or_else(|| panic!("no {name} on {}", key.as_str()))
}

fn date(y: i32, m: u32, day: u32) -> Value {
    Value::Date(NaiveDate::from_ymd_opt(y, m, day).unwrap())
}

#[test]
fn every_example_parses_validates_and_evaluates() {
    let files = examples();
    assert!(files.len() >= 8, "expected one example per area A–H");
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let file = format::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        // On the document's day, and on the file's own day if it has one.
        for today in [Some(doc_day()), file.today].into_iter().flatten() {
            let case = Case::from_answers(&file.answers, today)
                .unwrap_or_else(|e| panic!("{}: invalid answers {e:?}", path.display()));
            let d = evaluate(&case, today);
            assert!(!d.findings.is_empty(), "{}", path.display());
        }
        // The written form of the same answers reads back identically.
        let written = format::write(&file.answers, None, None);
        let again = format::parse(&written).unwrap();
        assert_eq!(again.answers, file.answers, "{}", path.display());
        assert!(again.checksum.is_some(), "the written file is sealed");
        // The page's writer writes the same file, which reads back the same.
        let mut sealed = file.clone();
        codec::seal(&mut sealed);
        let by_page = codec::write(&sealed, true);
        assert_eq!(format::parse(&by_page), Ok(sealed), "{}", path.display());
    }
}

#[test]
fn every_example_is_shown_in_the_document() {
    let doc = std::fs::read_to_string(root().join("docs/answers-format.md")).unwrap();
    for path in examples() {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        assert!(
            doc.contains(&format!("docs/examples/{name}")),
            "docs/answers-format.md does not show {name}"
        );
    }
}

#[test]
fn the_document_names_every_answer_field() {
    let doc = std::fs::read_to_string(root().join("docs/answers-format.md")).unwrap();
    for q in Question::ALL {
        let leaf = q.name().rsplit('.').next().unwrap();
        assert!(
            doc.contains(&format!("`{leaf}`")),
            "docs/answers-format.md does not document `{}` ({})",
            q.name(),
            q.rulebook_id()
        );
    }
}

#[test]
fn the_examples_give_the_outcomes_the_document_shows() {
    let ex = |name: &str| decide(&root().join("docs/examples").join(name), doc_day());

    let a = ex("a-who-needs-a-card.json");
    assert_eq!(verdict(&a, FindingKey::CardNeeded), &Verdict::No);
    assert_eq!(verdict(&a, FindingKey::EuRegistration), &Verdict::Yes);

    let b = ex("b-appointment-or-post.json");
    assert_eq!(verdict(&b, FindingKey::Appointment), &Verdict::No);
    assert_eq!(
        param(&b, FindingKey::Appointment, "route"),
        &Value::Key("post")
    );

    let c = ex("c-arrival.json");
    assert_eq!(verdict(&c, FindingKey::Appointment), &Verdict::Yes);
    assert_eq!(
        param(&c, FindingKey::CardArrival, "expected_by"),
        &date(2027, 1, 13)
    );
    assert_eq!(
        param(&c, FindingKey::TripBeforeCard, "safe_from"),
        &date(2027, 1, 14)
    );

    let d = ex("d-new-card-and-fee.json");
    assert_eq!(verdict(&d, FindingKey::NewCard), &Verdict::Yes);
    assert_eq!(param(&d, FindingKey::Fee, "amount"), &Value::Nok(300));

    let e = ex("e-renewal.json");
    assert_eq!(
        param(&e, FindingKey::RenewalDeadline, "deadline"),
        &date(2027, 1, 28)
    );

    let f = ex("f-absence-temporary-permit.json");
    assert_eq!(
        verdict(&f, FindingKey::AbsenceTemporaryPermit),
        &Verdict::Yes
    );
    assert_eq!(
        param(&f, FindingKey::AbsenceTemporaryPermit, "days_abroad"),
        &Value::Days(203)
    );

    let g = ex("g-permanent-abroad.json");
    assert_eq!(verdict(&g, FindingKey::KeepPermanentAbroad), &Verdict::Yes);

    let h = ex("h-brexit.json");
    assert_eq!(verdict(&h, FindingKey::BrexitLate), &Verdict::Yes);
    assert_eq!(verdict(&h, FindingKey::BrexitCovered), &Verdict::Yes);
}

fn run_cli(json: &str, name: &str) -> std::process::Output {
    let dir = std::env::temp_dir().join(format!("rc-docs-examples-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, json).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_evaluate"))
        .arg(&path)
        .args(["--today", "2026-11-22"])
        .output()
        .expect("run evaluate");
    let _ = std::fs::remove_file(&path);
    out
}

#[test]
fn the_cli_refuses_bad_input_with_exit_code_2_naming_the_field() {
    let cases = [
        (
            r#"{"format":"residence-checker-answers","format_version":1,"answers":{"citizenship":"martian"}}"#,
            "answers.citizenship",
        ),
        (
            r#"{"format":"residence-checker-answers","format_version":1,"answers":{"stays_abroad":[{"from":"2025-03-01","to":"2025-02-01","reason":"other"}]}}"#,
            "field `stays_abroad`",
        ),
        (
            r#"{"format":"residence-checker-answers","format_version":1,"answers":{"duf_number":"2012 5869"}}"#,
            "field `duf_number`",
        ),
        (
            r#"{"format":"residence-checker-answers","format_version":1,"answers":{"card_expiry":"2300-01-01"}}"#,
            "field `card_expiry`",
        ),
        (
            r#"{"format":"residence-checker-answers","format_version":3,"answers":{}}"#,
            "format version 3",
        ),
    ];
    for (i, (json, expected)) in cases.iter().enumerate() {
        let out = run_cli(json, &format!("bad-{i}.json"));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{json}\n{stderr}");
        assert!(
            stderr.contains(expected),
            "{json}: stderr does not mention {expected}:\n{stderr}"
        );
    }
}

#[test]
fn the_cli_evaluates_an_example_as_json() {
    let path = root().join("docs/examples/f-absence-temporary-permit.json");
    let out = Command::new(env!("CARGO_BIN_EXE_evaluate"))
        .arg(&path)
        .args(["--today", "2026-11-22", "--format", "json"])
        .output()
        .expect("run evaluate");
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    assert_eq!(v["today"], "2026-11-22");
    assert!(v["findings"].as_array().is_some_and(|f| !f.is_empty()));
}

/// Issue 14: `evaluate /dev/zero` read past 2 GB before refusing. It now stops one byte past
/// the limit and says the file is too large.
#[cfg(unix)]
#[test]
fn the_cli_refuses_an_endless_file_without_reading_it_all() {
    let started = std::time::Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_evaluate"))
        .arg("/dev/zero")
        .output()
        .expect("run evaluate");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("at most 1000000 bytes"), "{stderr}");
    assert!(
        started.elapsed() < std::time::Duration::from_secs(10),
        "took {:?}",
        started.elapsed()
    );
}

/// Issue 14: `evaluate … | head -1` panicked with exit code 101 about one run in five. A reader
/// that goes away now ends the output quietly.
#[test]
fn the_cli_does_not_panic_when_its_reader_goes_away() {
    use std::process::Stdio;
    let path = root().join("docs/examples/f-absence-temporary-permit.json");
    for _ in 0..10 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_evaluate"))
            .arg(&path)
            .args(["--today", "2026-11-22", "--format", "json"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run evaluate");
        // Close the reading end at once, before the output is written.
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("wait");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

/// Issue 14: `--today` accepted `2026-1-5` and ` 2026-11-22`, which files refuse.
#[test]
fn the_cli_reads_today_as_strictly_as_a_file() {
    let path = root().join("docs/examples/f-absence-temporary-permit.json");
    for today in ["2026-1-5", " 2026-11-22", "+2026-11-22", "02026-11-22"] {
        let out = Command::new(env!("CARGO_BIN_EXE_evaluate"))
            .arg(&path)
            .args(["--today", today])
            .output()
            .expect("run evaluate");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "--today {today:?}: {stderr}");
        assert!(stderr.contains("is not a date"), "{stderr}");
    }
}

/// Issue 14: a file saved with a UTF-8 byte-order mark was refused as "not JSON" without
/// saying why. Both readers now accept it (docs/answers-format.md).
#[test]
fn a_file_with_a_byte_order_mark_is_read_like_the_same_file_without_it() {
    let json =
        std::fs::read_to_string(root().join("docs/examples/f-absence-temporary-permit.json"))
            .expect("example");
    let with_bom = format!("\u{feff}{json}");
    let plain = residence_checker::domain::format::parse(&json).expect("plain");
    assert_eq!(
        residence_checker::domain::format::parse(&with_bom),
        Ok(plain)
    );
    let out = run_cli(&with_bom, "bom.json");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Issue 25: a file name, `--today` or `--format` holding a byte that is not UTF-8 (a file saved
/// on a Latin-1 system, `answers-\xFF.json`) aborted `evaluate` with exit code 134. Such a file
/// name is now read like any other; a value that is not UTF-8 is refused with exit code 2.
#[cfg(unix)]
#[test]
fn the_cli_takes_arguments_that_are_not_utf8_without_a_panic() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let dir = std::env::temp_dir().join(format!("rc-latin1-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let name = OsStr::from_bytes(b"answers-\xFF.json");
    let path = dir.join(name);
    std::fs::copy(
        root().join("docs/examples/f-absence-temporary-permit.json"),
        &path,
    )
    .unwrap();
    let run = |args: &[&OsStr]| {
        Command::new(env!("CARGO_BIN_EXE_evaluate"))
            .args(args)
            .output()
            .expect("run evaluate")
    };
    let today = OsStr::new("--today");
    let day = OsStr::new("2026-11-22");
    let format = OsStr::new("--format");
    let latin1 = OsStr::from_bytes(b"\xFF");
    let missing = dir.join(OsStr::from_bytes(b"missing-\xFF.json"));
    let cases: [(Vec<&OsStr>, i32, &str); 6] = [
        (vec![path.as_os_str(), today, day], 0, ""),
        (
            vec![missing.as_os_str(), today, day],
            2,
            "missing-\u{fffd}.json",
        ),
        (vec![path.as_os_str(), today, latin1], 2, "is not a date"),
        (
            vec![path.as_os_str(), format, latin1],
            2,
            "--format must be json or text",
        ),
        (
            vec![path.as_os_str(), OsStr::from_bytes(b"--\xFF")],
            2,
            "unknown option",
        ),
        (vec![path.as_os_str(), latin1], 2, "unexpected argument"),
    ];
    for (args, code, says) in cases {
        let out = run(&args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {stderr}");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Issue 25: with standard output on a full disk, `evaluate` printed nothing, said nothing and
/// exited 0. A failed write now says so on standard error and exits with code 1; only a closed
/// pipe stays quiet (exit 0, above).
#[cfg(target_os = "linux")]
#[test]
fn the_cli_says_so_when_its_output_cannot_be_written() {
    let path = root().join("docs/examples/f-absence-temporary-permit.json");
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let out = Command::new(env!("CARGO_BIN_EXE_evaluate"))
        .arg(&path)
        .args(["--today", "2026-11-22"])
        .stdout(full)
        .output()
        .expect("run evaluate");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.starts_with("evaluate: cannot write the output"),
        "{stderr}"
    );
}

/// An example file padded with spaces (a reformatting the checksum allows) to `size` bytes.
fn padded_example(size: usize) -> String {
    let json =
        std::fs::read_to_string(root().join("docs/examples/f-absence-temporary-permit.json"))
            .expect("example");
    let json = json.trim_end();
    format!("{json}{}", " ".repeat(size - json.len()))
}

/// Issue 25: a file of 1,000,000 bytes with a byte-order mark in front loads through the
/// reader, which ignores the mark, but the command line and the browser's file picker counted
/// the mark and refused it.
#[test]
fn a_byte_order_mark_does_not_count_against_the_size_limit() {
    let limit = format::MAX_FILE_BYTES;
    let text = format!("\u{feff}{}", padded_example(limit));
    assert_eq!(text.len(), limit + 3);
    assert!(format::parse(&text).is_ok());
    // The file picker, by the file's size before reading.
    assert_eq!(format::refuse_unread(text.len() as u64), None);
    let out = run_cli(&text, "largest-with-bom.json");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Issue 25: the command line said "the file is 1000001 bytes" for any larger file (it reads one
/// byte past the limit): a message now states what was measured.
#[test]
fn the_cli_states_the_size_it_measured() {
    for size in [1_000_001, 1_000_004, 2_000_000] {
        let out = run_cli(&padded_example(size), "too-large.json");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(
            stderr.contains(&format!("the file is {size} bytes")),
            "{size}: {stderr}"
        );
    }
}

/// The backticked names in the first column of the first table after the line starting with
/// `heading` in docs/answers-format.md, in order.
fn doc_table(heading: &str) -> Vec<String> {
    let doc = std::fs::read_to_string(root().join("docs/answers-format.md")).unwrap();
    let mut lines = doc.lines().skip_while(|l| !l.starts_with(heading)).skip(1);
    let mut names = Vec::new();
    for line in lines.by_ref() {
        if !line.starts_with('|') {
            if names.is_empty() {
                continue;
            }
            break;
        }
        let first = line.split('|').nth(1).unwrap_or("").trim();
        if let Some(name) = first.strip_prefix('`').and_then(|n| n.strip_suffix('`')) {
            names.push(name.to_string());
        }
    }
    assert!(!names.is_empty(), "no table after {heading:?}");
    names
}

/// Every answer field the questions ask given a value (not the version-1 fields).
fn every_answer() -> residence_checker::domain::answers::Answers {
    use residence_checker::domain::questions::Kind;
    use residence_checker::flow::{set, AnswerValue};
    let day = doc_day();
    let mut a = residence_checker::domain::answers::Answers::default();
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
        assert!(set(&mut a, *q, value), "{}", q.name());
    }
    a
}

/// Issue 25: the document says answers are sealed in the order of its field table; a third
/// party that writes the canonical form so (here for every answer field of version 2) must get
/// a checksum the reader accepts. The table listed `topic` second, the code sealed it last:
/// every file with a topic was refused as changed.
#[test]
fn a_file_sealed_in_the_documented_order_is_accepted() {
    let mut answers = every_answer();
    answers.permit_end = None;
    answers.renewal_submitted = None;
    let value = serde_json::to_value(&answers).unwrap();
    let field = |name: &str| {
        let v = value.get(name)?;
        Some(format!("\"{name}\":{}", serde_json::to_string(v).unwrap()))
    };
    let family: Vec<String> = doc_table("`uk_family` (Q32)")
        .iter()
        .filter_map(|name| {
            let v = value.get("uk_family")?.get(name)?;
            Some(format!("\"{name}\":{}", serde_json::to_string(v).unwrap()))
        })
        .collect();
    let fields: Vec<String> = doc_table("## Answer fields")
        .iter()
        .filter_map(|name| match name.as_str() {
            "uk_family" => Some(format!("\"uk_family\":{{{}}}", family.join(","))),
            _ => field(name),
        })
        .collect();
    let canonical = format!(
        "{{\"format\":\"residence-checker-answers\",\"format_version\":2,\"answers\":{{{}}}}}",
        fields.join(",")
    );
    let sum = format::checksum_text(&canonical);
    let sealed = format!(
        "{},\"checksum\":\"{sum}\"}}",
        canonical.strip_suffix('}').unwrap()
    );
    let read = format::parse(&sealed);
    assert!(read.is_ok(), "{read:?}\n{canonical}");
    assert_eq!(read.unwrap().answers, answers);
}

/// The keys of a JSON text's objects in the order written, with each key's own (for reading
/// the order the code seals in: serde_json's `Value` sorts them).
struct Keys(Vec<(String, Keys)>);

impl<'de> serde::Deserialize<'de> for Keys {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Keys;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("JSON")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut m: A) -> Result<Keys, A::Error> {
                let mut keys = Vec::new();
                while let Some(k) = m.next_key::<String>()? {
                    keys.push((k, m.next_value::<Keys>()?));
                }
                Ok(Keys(keys))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut s: A) -> Result<Keys, A::Error> {
                while s.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(Keys(Vec::new()))
            }
            fn visit_bool<E>(self, _: bool) -> Result<Keys, E> {
                Ok(Keys(Vec::new()))
            }
            fn visit_u64<E>(self, _: u64) -> Result<Keys, E> {
                Ok(Keys(Vec::new()))
            }
            fn visit_str<E>(self, _: &str) -> Result<Keys, E> {
                Ok(Keys(Vec::new()))
            }
        }
        d.deserialize_any(V)
    }
}

impl Keys {
    fn names(&self) -> Vec<String> {
        self.0.iter().map(|(k, _)| k.clone()).collect()
    }
    fn of(&self, key: &str) -> &Keys {
        &self.0.iter().find(|(k, _)| k == key).expect(key).1
    }
}

/// Issue 25: the document's tables (the envelope, the answer fields, `uk_family`'s fields) are
/// in the order the code seals a file in: the canonical form's, `format::checksum`, which the
/// page's writer (`wire::codec`) follows (`tests/codec.rs`).
#[test]
fn the_documented_field_order_is_the_sealing_order() {
    let mut answers = every_answer();
    answers.permit_end = Some(doc_day());
    answers.renewal_submitted = Some(doc_day());
    let mut file = format::AnswersFile::new(answers, Some("2026.12.1"), Some(doc_day()));
    file.result = Some([("card_needed".to_string(), "yes".to_string())].into());
    file.checksum = Some("00000000".into());
    let canonical = serde_json::to_string(&file).unwrap();
    let keys: Keys = serde_json::from_str(&canonical).unwrap();
    assert_eq!(
        doc_table("## Envelope"),
        keys.names(),
        "the envelope's table"
    );
    let answers = keys.of("answers");
    assert_eq!(
        doc_table("## Answer fields"),
        answers.names(),
        "the answer fields' table"
    );
    assert_eq!(
        doc_table("`uk_family` (Q32)"),
        answers.of("uk_family").names(),
        "the table of `uk_family`"
    );
    // The page's writer seals in the same order (the version-1 fields it never writes).
    let mut v2 = file.clone();
    v2.answers.permit_end = None;
    v2.answers.renewal_submitted = None;
    assert_eq!(
        codec::write(&v2, false),
        serde_json::to_string(&v2).unwrap()
    );
}
