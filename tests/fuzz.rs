//! Fuzz-style tests, bounded in time (a few seconds each), run with every `cargo test`:
//! random mutations of the valid example files (`docs/examples/*.json`)
//!
//! - through the one answers-file reader (`domain::format::parse`), as a file and as a
//!   hand-off link (`wire::codec::from_fragment`), which must give the same kind of answer
//!   (a link must also be sealed), and what is accepted must read back the same once written
//!   by the page's writer (`wire::codec::write`);
//! - through the `evaluate` command line, which must exit with 0 or 2 (never a panic's 101 or
//!   a signal).
//!
//! And, for issue 25: random command lines of `evaluate` (arguments that are not UTF-8
//! among them) and every way its output can fail end in a message and a documented exit code;
//! every size limit counts what the reader counts and says what it measured; whatever the
//! reader accepts, the app writes back (file, link, request to the worker) and reads the same;
//! no refusal names an internal type; restoring a file never drops an answer its path asks.
//!
//! The generator is seeded: a failure prints its seed and case number, and
//! `FUZZ_SEED=<seed> cargo test --test fuzz` repeats the same cases. `FUZZ_SECONDS` changes the
//! time each test runs (default 3).

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use residence_checker::domain::format::{self, FormatError};
use residence_checker::wire::codec;

mod support;

/// xorshift64*: small, fast and reproducible from its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn seed() -> u64 {
    std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5EED_2026_1201)
        .max(1)
}

fn budget() -> Duration {
    let secs = std::env::var("FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3.0_f64);
    Duration::from_secs_f64(secs)
}

fn examples() -> Vec<Vec<u8>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/examples");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("docs/examples")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let texts: Vec<Vec<u8>> = files
        .iter()
        .map(|p| std::fs::read(p).expect("read"))
        .collect();
    assert!(texts.len() >= 5, "only {} example files", texts.len());
    texts
}

/// Bytes that make JSON, numbers, dates and escapes interesting.
const PIECES: &[&str] = &[
    "\"",
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\\",
    "\\u0000",
    "\\ud800",
    "0",
    "9",
    "-",
    "+",
    "e",
    ".",
    "1e309",
    "null",
    "true",
    "false",
    " ",
    "\n",
    "\u{feff}",
    "é",
    "😀",
    "2024-02-30",
    "+2024-01-05",
    "\"x\":1",
    "\"\":0",
    "1.7976931348623158e308",
    "=",
    "%",
    "\t",
];

/// One to four random edits of `text`: a byte changed, a piece inserted, a range removed or
/// repeated.
fn mutate(rng: &mut Rng, text: &[u8]) -> Vec<u8> {
    let mut out = text.to_vec();
    for _ in 0..=rng.below(4) {
        let at = rng.below(out.len() + 1);
        match rng.below(5) {
            0 if !out.is_empty() => {
                let i = at.min(out.len() - 1);
                out[i] = (rng.next() & 0xff) as u8;
            }
            1 | 2 => {
                let piece = PIECES[rng.below(PIECES.len())].as_bytes();
                out.splice(at..at, piece.iter().copied());
            }
            3 => {
                let end = (at + rng.below(12)).min(out.len());
                out.drain(at..end);
            }
            _ => {
                let end = (at + rng.below(24)).min(out.len());
                let copy = out[at..end].to_vec();
                out.splice(at..at, copy);
            }
        }
    }
    out
}

/// The kind of a reader's answer: the value when accepted, the error's kind otherwise (and the
/// path of a wrong field).
fn kind(r: &Result<format::AnswersFile, FormatError>) -> String {
    match r {
        Ok(file) => format!("ok {file:?}"),
        Err(FormatError::Field { path, .. }) => format!("field {path}"),
        Err(FormatError::NotJson { .. }) => "not json".into(),
        Err(e) => format!("{e:?}"),
    }
}

#[test]
fn mutated_files_get_the_same_kind_of_answer_as_a_file_and_as_a_link() {
    let seed = seed();
    let mut rng = Rng(seed);
    let files = examples();
    let started = Instant::now();
    let mut cases = 0u64;
    let mut accepted = 0u64;
    while started.elapsed() < budget() {
        let base = &files[rng.below(files.len())];
        let bytes = mutate(&mut rng, base);
        let text = String::from_utf8_lossy(&bytes);
        let file = format::parse(&text);
        let link = codec::from_fragment(&support::base64url(text.as_bytes()));
        let as_link = match &file {
            Ok(f) if f.checksum.is_none() => Err(FormatError::ChecksumMismatch),
            other => other.clone(),
        };
        assert_eq!(
            kind(&link),
            kind(&as_link),
            "seed {seed}, case {cases}: a link reads otherwise than the file\n{text}"
        );
        if let Ok(mut f) = file {
            codec::seal(&mut f);
            let again = codec::write(&f, cases.is_multiple_of(2));
            assert_eq!(
                format::parse(&again),
                Ok(f),
                "seed {seed}, case {cases}: written back otherwise\n{text}"
            );
            accepted += 1;
        }
        cases += 1;
    }
    assert!(cases > 500, "only {cases} cases in {:?}", budget());
    println!("seed {seed}: {cases} mutated files, {accepted} accepted");
}

#[test]
fn the_command_line_exits_with_0_or_2_on_mutated_files() {
    let seed = seed();
    let mut rng = Rng(seed ^ 0xC11);
    let files = examples();
    let dir = std::env::temp_dir().join(format!("rc-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("mutated.json");
    let started = Instant::now();
    let mut cases = 0u64;
    let mut codes = [0u64; 3];
    while started.elapsed() < budget() {
        let base = &files[rng.below(files.len())];
        let bytes = mutate(&mut rng, base);
        std::fs::write(&path, &bytes).expect("write");
        let out = Command::new(env!("CARGO_BIN_EXE_evaluate"))
            .arg(&path)
            .args(["--today", "2026-12-01"])
            .output()
            .expect("run evaluate");
        let code = out.status.code();
        assert!(
            matches!(code, Some(0 | 2)),
            "seed {seed}, case {cases}: exit {code:?}\n{}\n{}",
            String::from_utf8_lossy(&bytes),
            String::from_utf8_lossy(&out.stderr)
        );
        codes[code.unwrap_or(1) as usize] += 1;
        cases += 1;
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(cases > 20, "only {cases} runs in {:?}", budget());
    println!(
        "seed {seed}: {cases} runs of evaluate, {} exit 0, {} exit 2",
        codes[0], codes[2]
    );
}

/// Issue 25: random command lines of `evaluate`, with arguments that are not UTF-8, missing
/// values, unknown options, files that are not answers files, a directory and an endless file:
/// every run ends with exit code 0 (with output) or 2 (with a message and the usage line), never
/// a panic.
#[cfg(unix)]
#[test]
fn hostile_command_lines_end_in_a_message_and_a_documented_exit_code() {
    use std::ffi::{OsStr, OsString};
    use std::os::unix::ffi::OsStrExt;
    let seed = seed();
    let mut rng = Rng(seed ^ 0xA465);
    let dir = std::env::temp_dir().join(format!("rc-fuzz-args-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let example =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/examples/d-new-card-and-fee.json");
    let latin1 = dir.join(OsStr::from_bytes(b"answers-\xFF.json"));
    std::fs::copy(&example, &latin1).expect("copy");
    let pieces: Vec<OsString> = [
        b"--today".as_slice(),
        b"--format",
        b"json",
        b"text",
        b"--help",
        b"-h",
        b"--",
        b"--\xFF",
        b"2026-12-01",
        b"2026-1-5",
        b"\xFF",
        b"\xC3",
        b"2026-12-0\xFF",
        b"js\xFFon",
        "é".as_bytes(),
        b"",
        b" ",
        b"/dev/zero",
        b"/dev/null",
        b"/",
        b"missing-\xFF.json",
    ]
    .iter()
    .map(|b| OsStr::from_bytes(b).to_os_string())
    .chain([example.into_os_string(), latin1.into_os_string()])
    .collect();
    let started = Instant::now();
    let mut cases = 0u64;
    let mut codes = [0u64; 3];
    while started.elapsed() < budget() {
        let args: Vec<&OsString> = (0..rng.below(6))
            .map(|_| &pieces[rng.below(pieces.len())])
            .collect();
        let out = Command::new(env!("CARGO_BIN_EXE_evaluate"))
            .args(&args)
            .output()
            .expect("run evaluate");
        let code = out.status.code();
        let stderr = String::from_utf8_lossy(&out.stderr);
        let context = format!("seed {seed}, case {cases}: {args:?}: exit {code:?}\n{stderr}");
        match code {
            Some(0) => assert!(!out.stdout.is_empty() && stderr.is_empty(), "{context}"),
            Some(2) => assert!(
                stderr.starts_with("evaluate: ") && stderr.contains("usage: evaluate"),
                "{context}"
            ),
            _ => panic!("{context}"),
        }
        assert!(!stderr.contains("panicked"), "{context}");
        codes[code.unwrap_or(1) as usize] += 1;
        cases += 1;
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(cases > 20, "only {cases} runs in {:?}", budget());
    println!(
        "seed {seed}: {cases} command lines, {} exit 0, {} exit 2",
        codes[0], codes[2]
    );
}

/// Issue 25: every way standard output can fail, under random command lines. A write that
/// fails (a full disk, a descriptor open only for reading) ends in a message on standard error
/// and exit code 1; a reader that went away (a closed pipe) is quiet with the exit code the run
/// had anyway (0, or 2 for bad input, whose message goes to standard error).
#[cfg(target_os = "linux")]
#[test]
fn every_failed_write_of_the_command_line_ends_in_a_message_and_a_documented_exit_code() {
    use std::process::Stdio;
    let seed = seed();
    let mut rng = Rng(seed ^ 0xF011);
    let dir = std::env::temp_dir().join(format!("rc-fuzz-out-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let read_only = dir.join("read-only");
    std::fs::write(&read_only, b"").expect("write");
    let files = examples();
    let answers = dir.join("answers.json");
    let started = Instant::now();
    let mut cases = 0u64;
    let mut codes = [0u64; 3];
    while started.elapsed() < budget() {
        // Mostly valid files, some refused, in every output format.
        let base = &files[rng.below(files.len())];
        let bytes = if rng.below(4) == 0 {
            mutate(&mut rng, base)
        } else {
            base.clone()
        };
        std::fs::write(&answers, &bytes).expect("write");
        let mut args = vec![answers.clone().into_os_string()];
        args.extend(
            [
                ["--today", "2026-12-01"],
                ["--format", "json"],
                ["--format", "text"],
            ][rng.below(3)]
            .map(Into::into),
        );
        if rng.below(8) == 0 {
            args = vec!["--help".into()];
        }
        let run = |stdout: Stdio, close: bool| {
            let mut child = Command::new(env!("CARGO_BIN_EXE_evaluate"))
                .args(&args)
                .stdout(stdout)
                .stderr(Stdio::piped())
                .spawn()
                .expect("run evaluate");
            if close {
                drop(child.stdout.take());
            }
            child.wait_with_output().expect("wait")
        };
        let reference = run(Stdio::piped(), false);
        let expected = reference.status.code();
        assert!(matches!(expected, Some(0 | 2)), "seed {seed}, case {cases}");
        let sink = rng.below(3);
        let out = match sink {
            0 => run(
                std::fs::OpenOptions::new()
                    .write(true)
                    .open("/dev/full")
                    .expect("/dev/full")
                    .into(),
                false,
            ),
            1 => run(std::fs::File::open(&read_only).expect("open").into(), false),
            _ => run(Stdio::piped(), true),
        };
        let code = out.status.code();
        let stderr = String::from_utf8_lossy(&out.stderr);
        let context =
            format!("seed {seed}, case {cases}, sink {sink}: {args:?}: exit {code:?}\n{stderr}");
        if sink < 2 && expected == Some(0) {
            assert_eq!(code, Some(1), "{context}");
            assert!(
                stderr.starts_with("evaluate: cannot write the output: "),
                "{context}"
            );
        } else {
            assert_eq!(code, expected, "{context}");
            assert_eq!(
                stderr,
                String::from_utf8_lossy(&reference.stderr),
                "{context}"
            );
        }
        codes[code.unwrap_or(0) as usize] += 1;
        cases += 1;
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(cases > 10, "only {cases} runs in {:?}", budget());
    println!(
        "seed {seed}: {cases} runs, {} exit 0, {} exit 1, {} exit 2",
        codes[0], codes[1], codes[2]
    );
}

/// Issue 25: every size limit counts what the reader counts (the text, a leading byte-order
/// mark not counted), and every refusal states what was measured. Files of random sizes around
/// the limit and beyond, with and without a mark, through the reader, the file picker's check
/// before reading (`format::refuse_unread`), a link, and `evaluate` reading a file and a pipe.
#[cfg(target_os = "linux")]
#[test]
fn every_size_limit_counts_what_the_reader_counts_and_says_what_it_measured() {
    use std::io::Write;
    use std::process::Stdio;
    let seed = seed();
    let mut rng = Rng(seed ^ 0x512E);
    let limit = format::MAX_FILE_BYTES;
    let example = String::from_utf8(examples()[0].clone()).expect("UTF-8");
    let example = example.trim_end();
    let dir = std::env::temp_dir().join(format!("rc-fuzz-size-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("sized.json");
    let started = Instant::now();
    let mut cases = 0u64;
    while started.elapsed() < budget() {
        // The text's size without the mark: at the limit, just around it, or anywhere up to 1.5 MB.
        let n = match rng.below(3) {
            0 => limit - 3 + rng.below(10),
            1 => example.len() + rng.below(limit),
            _ => limit + rng.below(limit / 2),
        };
        let bom = if rng.below(2) == 0 { format::BOM } else { "" };
        let text = format!("{bom}{example}{}", " ".repeat(n - example.len()));
        let on_disk = text.len() as u64;
        let fits = n <= limit;
        let context = format!(
            "seed {seed}, case {cases}: {n} bytes, mark {}",
            !bom.is_empty()
        );
        let measured = |message: &str| {
            message.contains(&format!(
                "the file is {n} bytes (a byte-order mark not counted)"
            )) || message.contains(&format!("the file is {on_disk} bytes;"))
                || (on_disk > (limit + 3) as u64
                    && message.contains(&format!("the file is more than {limit} bytes")))
        };
        // The reader.
        match format::parse(&text) {
            Ok(_) => assert!(fits, "{context}"),
            Err(e) => {
                assert!(!fits, "{context}: {e}");
                assert_eq!(
                    e,
                    FormatError::TooLarge {
                        size: format::Size::Text(n as u64)
                    },
                    "{context}"
                );
            }
        }
        // The file picker refuses unread only what the reader would refuse.
        if let Some(e) = format::refuse_unread(on_disk) {
            assert!(!fits, "{context}");
            assert!(measured(&e.to_string()), "{context}: {e}");
        }
        // A link.
        match codec::from_fragment(&support::base64url(text.as_bytes())) {
            Err(FormatError::ChecksumMismatch) => assert!(fits, "{context}"),
            Err(e @ FormatError::TooLarge { .. }) => {
                assert!(!fits, "{context}");
                let chars = support::base64url(text.as_bytes()).len();
                let said = e.to_string();
                assert!(
                    measured(&said) || said.contains(&format!("are {chars} characters")),
                    "{context}: {said}"
                );
            }
            other => panic!("{context}: {other:?}"),
        }
        // The command line, from a file and from a pipe.
        std::fs::write(&path, &text).expect("write");
        let piped = rng.below(2) == 0;
        let mut child = Command::new(env!("CARGO_BIN_EXE_evaluate"))
            .arg(if piped {
                "/dev/stdin".as_ref()
            } else {
                path.as_os_str()
            })
            .args(["--today", "2026-12-01"])
            .stdin(if piped { Stdio::piped() } else { Stdio::null() })
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run evaluate");
        if let Some(mut stdin) = child.stdin.take() {
            let text = text.clone();
            // The command stops reading past the limit: a closed pipe is expected then.
            std::thread::spawn(move || {
                let _ = stdin.write_all(text.as_bytes());
            });
        }
        let out = child.wait_with_output().expect("wait");
        let stderr = String::from_utf8_lossy(&out.stderr);
        let context = format!("{context}, piped {piped}: {stderr}");
        if fits {
            assert_eq!(out.status.code(), Some(0), "{context}");
        } else {
            assert_eq!(out.status.code(), Some(2), "{context}");
            assert!(measured(&stderr), "{context}");
        }
        cases += 1;
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(cases > 10, "only {cases} cases in {:?}", budget());
    println!("seed {seed}: {cases} sizes");
}

/// Random answers: each question answered or not, with any of its values (choices by key,
/// several choices with repeats, dates anywhere in chrono's range or mostly recent, texts of
/// characters JSON escapes, lists from empty to their limit). `plausible` keeps dates recent,
/// stays apart and the DUF number valid, so that the answers also pass validation often.
fn random_answers(rng: &mut Rng, plausible: bool) -> residence_checker::domain::answers::Answers {
    use chrono::{Days, NaiveDate};
    use residence_checker::domain::answers::*;
    use residence_checker::domain::case::{MAX_BASIS_PERIODS, MAX_DUF_CHARS, MAX_LIST_LEN};
    use residence_checker::domain::questions::{Kind, Question};
    use residence_checker::flow::{set, AnswerValue};
    let recent = NaiveDate::from_ymd_opt(1995, 1, 1).expect("date");
    let date = |rng: &mut Rng| -> NaiveDate {
        let wild = [
            NaiveDate::MIN,
            NaiveDate::MAX,
            NaiveDate::from_ymd_opt(10_000, 1, 1).expect("date"),
        ];
        if !plausible && rng.below(4) == 0 {
            wild[rng.below(wild.len())]
        } else {
            recent + Days::new(rng.below(13_000) as u64)
        }
    };
    // Mostly short lists; now and then one at its limit, or of any length up to it.
    let length = |rng: &mut Rng, max: usize| match rng.below(40) {
        0 => max - rng.below(3),
        1 => rng.below(max),
        _ => rng.below(8),
    };
    let mut a = Answers::default();
    for q in Question::ALL {
        if rng.below(3) == 0 {
            continue;
        }
        let options = q.options();
        let value = match q.kind() {
            Kind::Choice => AnswerValue::Choice(options[rng.below(options.len())].into()),
            Kind::MultiChoice => AnswerValue::Choices(
                (0..rng.below(options.len() + 1))
                    .map(|_| options[rng.below(options.len())].into())
                    .collect(),
            ),
            Kind::YesNo => AnswerValue::YesNo(rng.below(2) == 0),
            Kind::Date => AnswerValue::Date(date(rng)),
            Kind::Text if plausible => AnswerValue::Text("2012 586975 61".into()),
            Kind::Text => AnswerValue::Text(
                (0..length(rng, MAX_DUF_CHARS))
                    .map(|_| ['1', ' ', '\u{1}', '"', 'é', '😀', '\\'][rng.below(7)])
                    .collect(),
            ),
            Kind::Stays => {
                let mut from = recent;
                let mut stays = Vec::new();
                for _ in 0..length(rng, MAX_LIST_LEN) {
                    let reason = AbsenceReason::ALL[rng.below(AbsenceReason::ALL.len())];
                    if plausible {
                        from = from + Days::new(1 + rng.below(3) as u64);
                        stays.push(Stay {
                            from,
                            to: from,
                            reason,
                        });
                    } else {
                        stays.push(Stay {
                            from: date(rng),
                            to: date(rng),
                            reason,
                        });
                    }
                }
                AnswerValue::Stays(stays)
            }
            Kind::Periods => AnswerValue::Periods(
                (0..length(rng, MAX_BASIS_PERIODS))
                    .map(|_| {
                        let from = date(rng);
                        BasisPeriod {
                            from,
                            to: if plausible { from } else { date(rng) },
                            basis: EeaBasis::ALL[rng.below(EeaBasis::ALL.len())],
                        }
                    })
                    .collect(),
            ),
        };
        assert!(set(&mut a, *q, value), "{}", q.name());
    }
    if !plausible && rng.below(8) == 0 {
        a.permit_end = Some(date(rng));
        a.renewal_submitted = Some(date(rng));
    }
    a
}

/// Issue 25, the round trip: for any answers the reader accepts, every file, link and
/// page-to-worker request the app writes from them (as loaded and once restored) is accepted
/// again and holds the same answers (`support::written_back`). Random files, some at the
/// limits of their lists and texts, in either format version, compact or pretty, sealed or not,
/// with or without a byte-order mark, and mutated example files.
#[test]
fn whatever_the_reader_accepts_the_app_writes_back_and_reads_the_same() {
    use chrono::NaiveDate;
    use residence_checker::domain::format::{AnswersFile, MAX_RESULT_ENTRIES, MAX_TEXT_CHARS};
    let seed = seed();
    let mut rng = Rng(seed ^ 0x2B0D);
    let files = examples();
    let started = Instant::now();
    let mut cases = 0u64;
    let mut accepted = 0u64;
    while started.elapsed() < budget() {
        let text = if rng.below(4) == 0 {
            let base = &files[rng.below(files.len())];
            String::from_utf8_lossy(&mutate(&mut rng, base)).into_owned()
        } else {
            let plausible = rng.below(2) == 0;
            let mut file = AnswersFile::new(random_answers(&mut rng, plausible), None, None);
            let text = |rng: &mut Rng| -> String {
                let n = if rng.below(4) == 0 {
                    MAX_TEXT_CHARS
                } else {
                    rng.below(12)
                };
                (0..n)
                    .map(|_| ['a', '_', '\u{1}', '"', '😀'][rng.below(5)])
                    .collect()
            };
            if rng.below(2) == 0 {
                file.rules_version = Some(text(&mut rng));
            }
            if rng.below(2) == 0 {
                file.today = NaiveDate::from_ymd_opt(2026, 12, 1);
            }
            if rng.below(2) == 0 {
                let n = if rng.below(4) == 0 {
                    MAX_RESULT_ENTRIES
                } else {
                    rng.below(8)
                };
                file.result = Some((0..n).map(|_| (text(&mut rng), text(&mut rng))).collect());
            }
            if rng.below(4) == 0 {
                file.format_version = 1;
                file.answers.topic = None;
            } else {
                file.answers.permit_end = None;
                file.answers.renewal_submitted = None;
            }
            if rng.below(2) == 0 {
                codec::seal(&mut file);
                if file.format_version == 1 {
                    file.checksum = Some(format::checksum(&file));
                }
            }
            let json = if rng.below(2) == 0 {
                serde_json::to_string(&file)
            } else {
                serde_json::to_string_pretty(&file)
            }
            .expect("JSON");
            if rng.below(8) == 0 {
                format!("{}{json}", format::BOM)
            } else {
                json
            }
        };
        if let Ok(file) = format::parse(&text) {
            let today = [
                NaiveDate::MIN,
                NaiveDate::from_ymd_opt(2026, 12, 1).expect("date"),
            ][rng.below(2)];
            if let Err(e) = support::written_back(&file, today) {
                panic!(
                    "seed {seed}, case {cases}: {e}\n{}",
                    &text[..text.len().min(2000)]
                );
            }
            accepted += 1;
        }
        cases += 1;
    }
    assert!(cases > 50, "only {cases} cases in {:?}", budget());
    println!("seed {seed}: {cases} files, {accepted} accepted and written back");
}

/// The names of the Rust types a refusal must not show: every struct and enum of the answers
/// and the file format (read from their source), and the standard ones serde names.
fn internal_type_names() -> Vec<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("crates/core/src/domain");
    let mut names: Vec<String> = ["answers.rs", "format.rs", "questions.rs", "case.rs"]
        .iter()
        .flat_map(|f| {
            let source = std::fs::read_to_string(dir.join(f)).expect("source");
            source
                .lines()
                .filter_map(|l| {
                    let l = l.trim_start().trim_start_matches("pub ");
                    let rest = l
                        .strip_prefix("struct ")
                        .or_else(|| l.strip_prefix("enum "))?;
                    let name: String = rest
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    (!name.is_empty()).then_some(name)
                })
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(names.iter().any(|n| n == "UkFamilyAnswers"), "{names:?}");
    names.extend(
        [
            "struct",
            "enum",
            "NaiveDate",
            "String",
            "Vec",
            "Option",
            "BTreeMap",
            "u8",
            "u16",
            "u32",
            "u64",
            "i32",
            "i64",
            "usize",
            "f64",
            "bool",
            "str",
            "Value",
        ]
        .map(String::from),
    );
    names
}

/// A structural mutation of a JSON file: one value anywhere replaced by a value of another
/// kind (`null` among them), one key removed, or an unknown one added.
fn mutate_structure(rng: &mut Rng, v: &mut serde_json::Value) {
    use serde_json::{json, Value};
    let replacements = [
        json!(null),
        json!(true),
        json!(0),
        json!(-1),
        json!(1.5),
        json!(4_294_967_296_u64),
        json!("x"),
        json!(""),
        json!("2024-01-01"),
        json!([]),
        json!([null]),
        json!([1, "x"]),
        json!({}),
        json!({"x": 1}),
        json!({"uk": null}),
        json!({"from": "2024-01-01"}),
    ];
    // Walk down to a random value: at each container, stop or go into one of its entries.
    let mut at = v;
    loop {
        let stop = rng.below(3) == 0;
        let next = match at {
            Value::Object(m) if !m.is_empty() && !stop => {
                let key = m.keys().nth(rng.below(m.len())).cloned();
                match rng.below(10) {
                    0 => {
                        if let Some(k) = key {
                            m.remove(&k);
                        }
                        return;
                    }
                    1 => {
                        m.insert("unknown_field".into(), json!(1));
                        return;
                    }
                    _ => key,
                }
            }
            Value::Array(a) if !a.is_empty() && !stop => Some(rng.below(a.len()).to_string()),
            _ => None,
        };
        match next {
            Some(k) => {
                at = match at {
                    Value::Object(m) => m.get_mut(&k).expect("key"),
                    Value::Array(a) => &mut a[k.parse::<usize>().expect("index")],
                    _ => unreachable!(),
                }
            }
            None => {
                *at = replacements[rng.below(replacements.len())].clone();
                return;
            }
        }
    }
}

/// Issue 25: no refusal of a file names an internal Rust type (it said "expected struct
/// UkFamilyAnswers"), and no validation message does: files mutated in their structure (a value
/// of another kind anywhere, `null` among them, a key removed or added) and byte by byte, as a
/// file and as a link, and validated when read.
#[test]
fn no_refusal_names_an_internal_type() {
    use residence_checker::domain::case::Case;
    use residence_checker::text::{render::error_text, Lang};
    let names = internal_type_names();
    // A type's name, but a one-word name that is also an English word ("Check", "Status")
    // only where serde names types: after "expected", "struct" or "enum".
    let named = |message: &str| -> Option<String> {
        let words: Vec<&str> = message
            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .filter(|w| !w.is_empty())
            .collect();
        words.iter().enumerate().find_map(|(i, w)| {
            let typed = i > 0 && ["expected", "struct", "enum"].contains(&words[i - 1]);
            let camel = w.chars().filter(char::is_ascii_uppercase).count() > 1;
            let lower = w.chars().all(|c| !c.is_ascii_uppercase());
            let flagged = names.iter().any(|n| n == w) && (typed || camel || lower);
            flagged.then(|| w.to_string())
        })
    };
    let seed = seed();
    let mut rng = Rng(seed ^ 0x7E9E);
    let files = examples();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date");
    let started = Instant::now();
    let mut cases = 0u64;
    let mut refused = 0u64;
    while started.elapsed() < budget() {
        let base = &files[rng.below(files.len())];
        let text = if rng.below(3) == 0 {
            String::from_utf8_lossy(&mutate(&mut rng, base)).into_owned()
        } else {
            let mut v: serde_json::Value = serde_json::from_slice(base).expect("example");
            for _ in 0..=rng.below(2) {
                mutate_structure(&mut rng, &mut v);
            }
            serde_json::to_string(&v).expect("JSON")
        };
        let messages: Vec<String> = match format::parse(&text) {
            Err(e) => {
                refused += 1;
                let link = codec::from_fragment(&support::base64url(text.as_bytes()));
                vec![
                    e.to_string(),
                    link.map_or_else(|e| e.to_string(), |_| String::new()),
                ]
            }
            Ok(file) => match Case::from_answers(&file.answers, today) {
                Err(errors) => errors.iter().map(|e| error_text(Lang::En, e)).collect(),
                Ok(_) => Vec::new(),
            },
        };
        for m in messages {
            if let Some(name) = named(&m) {
                panic!("seed {seed}, case {cases}: `{name}` in {m:?}\n{text}");
            }
        }
        cases += 1;
    }
    assert!(cases > 500, "only {cases} cases in {:?}", budget());
    println!("seed {seed}: {cases} mutated files, {refused} refused");
}

/// A journey made by answering, as the app makes it: each next question answered with one of
/// its sample values (`flow::enumerate::samples`) or skipped, through `flow::check_answer`.
fn random_journey(
    rng: &mut Rng,
    today: chrono::NaiveDate,
) -> residence_checker::domain::answers::Answers {
    use residence_checker::domain::questions::QuestionSet;
    use residence_checker::flow::{check_answer, enumerate::samples, progress, prune};
    let mut answers = Default::default();
    let mut skipped = QuestionSet::new();
    for _ in 0..100 {
        let Some(q) = progress(&answers, &skipped, today).next else {
            break;
        };
        let values = samples(q, &answers, today);
        match values[rng.below(values.len())].clone() {
            Some(v) => match check_answer(&answers, &skipped, q, v, today) {
                Ok((a, s)) => (answers, skipped) = (a, s),
                Err(_) if q.is_skippable() => {
                    skipped.insert(q);
                }
                Err(_) => break,
            },
            None => {
                skipped.insert(q);
                (answers, skipped) = prune(&answers, &skipped, today);
            }
        }
    }
    answers
}

/// Issue 25: restoring a file never drops an answer that the restored path asks. Files made of
/// a random journey with stale answers added (answers of questions the path does not ask, or
/// another answer to one it asks, as a file edited or made elsewhere holds them), and of random
/// answers, are restored as the app restores them (`Action::Restore`: `flow::prune`, then the
/// open questions that may be skipped skipped); every question on the restored path that the
/// file answered still has the file's answer, and every answer pruning keeps is on its path.
#[test]
fn restoring_a_file_never_drops_an_answer_the_restored_path_asks() {
    use residence_checker::domain::answers::Topic;
    use residence_checker::domain::questions::{Question, QuestionSet};
    use residence_checker::flow::answer::answered;
    use residence_checker::flow::{enumerate::samples, get, path, prune, set};
    use residence_checker::text::Lang;
    use residence_checker::ui::state::{Action, AppState};
    use std::rc::Rc;
    use yew::Reducible;
    let seed = seed();
    let mut rng = Rng(seed ^ 0x4E57);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date");
    let started = Instant::now();
    let mut cases = 0u64;
    let mut asked = 0u64;
    while started.elapsed() < budget() {
        let file = if rng.below(4) == 0 {
            random_answers(&mut rng, true)
        } else {
            let mut a = random_journey(&mut rng, today);
            for _ in 0..=rng.below(4) {
                let on_path = path(&a, today);
                let q = if rng.below(3) == 0 && !on_path.is_empty() {
                    on_path[rng.below(on_path.len())]
                } else {
                    Question::ALL[rng.below(Question::ALL.len())]
                };
                let values: Vec<_> = samples(q, &a, today).into_iter().flatten().collect();
                if !values.is_empty() {
                    set(&mut a, q, values[rng.below(values.len())].clone());
                }
            }
            a
        };
        // What pruning keeps is on the path it makes (or the full check's, under a topic).
        let (pruned, _) = prune(&file, &QuestionSet::new(), today);
        let mut full = pruned.clone();
        full.topic = Some(Topic::Everything);
        let reached: QuestionSet = path(&pruned, today)
            .into_iter()
            .chain(path(&full, today))
            .collect();
        for q in answered(&pruned) {
            assert!(
                reached.contains(q),
                "seed {seed}, case {cases}: {} kept but not reached\n{file:?}",
                q.name()
            );
        }
        let restored =
            Rc::new(AppState::new(Lang::En, today)).reduce(Action::Restore(file.clone()));
        for q in restored.progress().path {
            if let Some(given) = get(&file, q) {
                asked += 1;
                assert_eq!(
                    get(&restored.answers, q).as_ref(),
                    Some(&given),
                    "seed {seed}, case {cases}: {} dropped on restoring\n{file:?}",
                    q.name()
                );
            }
        }
        cases += 1;
    }
    assert!(cases > 100, "only {cases} restores in {:?}", budget());
    println!("seed {seed}: {cases} restores, {asked} answers asked again and kept");
}
