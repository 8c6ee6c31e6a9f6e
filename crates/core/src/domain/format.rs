//! The machine-readable answers file (JSON, with a format version): what the command-line
//! evaluator reads and what the app saves and loads. Documented in `docs/answers-format.md`.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::de::{Deserializer, Error as _, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use super::answers::{Answers, Topic};

/// The value of the `format` field.
pub const FORMAT_NAME: &str = "residence-checker-answers";
/// The current format version. Version 2 added the `topic` answer (topic first); a version-1
/// file is read and migrated ([`AnswersFile::migrate`]).
pub const FORMAT_VERSION: u32 = 2;
/// The oldest format version still read.
pub const OLDEST_FORMAT_VERSION: u32 = 1;
/// The largest answers file accepted, in bytes of its text: a leading byte-order mark, which
/// every reader ignores, is not counted ([`BOM`]).
pub const MAX_FILE_BYTES: usize = 1_000_000;
/// The longest text of the envelope's `rules_version` and of each finding name and verdict
/// in `result`, in characters (the reader refuses longer).
pub const MAX_TEXT_CHARS: usize = 64;
/// The most findings a `result` digest may hold (the reader refuses more); the engine has
/// fewer kinds of findings than this (a test checks it).
pub const MAX_RESULT_ENTRIES: usize = 100;

/// The longest link fragment read (`wire::codec::from_fragment`): the base64url, without
/// padding, of a file of [`MAX_FILE_BYTES`] with a byte-order mark, so that a link is refused
/// for its size exactly when the same file would be.
pub const MAX_FRAGMENT_CHARS: usize = {
    let n = MAX_FILE_BYTES + BOM.len();
    n / 3 * 4 + [0, 2, 3][n % 3]
};
/// The UTF-8 byte-order mark (U+FEFF), which some Windows editors save at the start of a file:
/// every reader accepts and ignores it, and no size limit counts it.
pub const BOM: &str = "\u{feff}";

/// An answers file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "an answers file (a JSON object)")]
pub struct AnswersFile {
    /// Always [`FORMAT_NAME`].
    pub format: String,
    /// The format version ([`FORMAT_VERSION`]).
    pub format_version: u32,
    /// The rules version the file was saved with, if any.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "bounded::rules_version"
    )]
    pub rules_version: Option<String>,
    /// The day the answers were evaluated for, if saved with one.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::dates::strict::option"
    )]
    pub today: Option<NaiveDate>,
    /// The answers.
    pub answers: Answers,
    /// A digest of the result when the file was saved: finding key (its catalogue name, e.g.
    /// `card_needed`) to `"yes"`, `"no"` or `"maybe"`. A later load under another rules version
    /// can show what changed.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "bounded::result"
    )]
    pub result: Option<BTreeMap<String, String>>,
    /// CRC-32 (IEEE) of the file's canonical form, 8 lowercase hex digits (see [`checksum`]).
    /// Detects accidents and hand edits; it is not a signature.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checksum: Option<String>,
}

impl AnswersFile {
    /// A file of the current format holding `answers`, with no result digest and no checksum.
    pub fn new(answers: Answers, rules_version: Option<&str>, today: Option<NaiveDate>) -> Self {
        AnswersFile {
            format: FORMAT_NAME.to_string(),
            format_version: FORMAT_VERSION,
            rules_version: rules_version.map(str::to_string),
            today,
            answers,
            result: None,
            checksum: None,
        }
    }

    /// The file in the current format version, answering the same: a version-1 file was made
    /// by the full check, so its topic is [`Topic::Everything`] (it then reopens on the same
    /// result, not on the topic question). Every reader calls this after the checksum, which
    /// covers the file as it was written.
    ///
    /// Version 1 also gave two facts a second field each (each fact once): those answer the
    /// asked fields ([`Answers::migrate_from_version_1`]).
    pub fn migrate(mut self) -> Self {
        if self.format_version < 2 {
            self.answers.topic.get_or_insert(Topic::Everything);
            self.answers.migrate_from_version_1();
        }
        self.format_version = FORMAT_VERSION;
        self
    }

    /// The same file with a result digest (see `engine::outcome::digest`).
    pub fn with_result(mut self, result: BTreeMap<String, String>) -> Self {
        self.result = Some(result);
        self
    }
}

/// The reader's limits on what a file holds, besides its size: every list and every text is
/// bounded, so that whatever the reader accepts, the checker writes back (pretty, with its
/// digest, the day and the checksum) within [`MAX_FILE_BYTES`], and it is read again
/// (docs/answers-format.md, "Limits"). Each is a `deserialize_with` of its field; the error
/// names the limit, and the reader adds the field's path.
pub(crate) mod bounded {
    use std::collections::BTreeMap;

    use serde::de::Error as _;
    use serde::{Deserialize, Deserializer};

    use super::{MAX_RESULT_ENTRIES, MAX_TEXT_CHARS};
    use crate::domain::answers::{BasisPeriod, CardSituation, Keyed, OldPermitIndicator, Stay};
    use crate::domain::case::{MAX_BASIS_PERIODS, MAX_DUF_CHARS, MAX_LIST_LEN};

    fn list<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
        d: D,
        max: usize,
    ) -> Result<Option<Vec<T>>, D::Error> {
        let list = Option::<Vec<T>>::deserialize(d)?;
        match &list {
            Some(l) if l.len() > max => Err(D::Error::custom(format!(
                "a list of at most {max} entries, not {}",
                l.len()
            ))),
            _ => Ok(list),
        }
    }

    fn text<E: serde::de::Error>(t: &str, max: usize) -> Result<(), E> {
        let n = t.chars().count();
        if n > max {
            return Err(E::custom(format!("at most {max} characters, not {n}")));
        }
        Ok(())
    }

    /// Q26: at most [`MAX_LIST_LEN`] stays.
    pub fn stays<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<Stay>>, D::Error> {
        list(d, MAX_LIST_LEN)
    }

    /// Q29: at most [`MAX_BASIS_PERIODS`] periods.
    pub fn periods<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<BasisPeriod>>, D::Error> {
        list(d, MAX_BASIS_PERIODS)
    }

    /// Q14: at most one entry per option.
    pub fn card_situation<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Vec<CardSituation>>, D::Error> {
        list(d, CardSituation::KEYS.len())
    }

    /// Q34: at most one entry per option.
    pub fn old_permit_indicators<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Vec<OldPermitIndicator>>, D::Error> {
        list(d, OldPermitIndicator::KEYS.len())
    }

    /// Q19: at most [`MAX_DUF_CHARS`] characters, spaces included.
    pub fn duf_number<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
        let duf = Option::<String>::deserialize(d)?;
        if let Some(t) = &duf {
            text(t, MAX_DUF_CHARS)?;
        }
        Ok(duf)
    }

    /// The envelope's rules version: at most [`MAX_TEXT_CHARS`] characters.
    pub fn rules_version<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
        let version = Option::<String>::deserialize(d)?;
        if let Some(t) = &version {
            text(t, MAX_TEXT_CHARS)?;
        }
        Ok(version)
    }

    /// The result digest: at most [`MAX_RESULT_ENTRIES`] findings, each name and verdict at
    /// most [`MAX_TEXT_CHARS`] characters.
    pub fn result<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<BTreeMap<String, String>>, D::Error> {
        let result = Option::<BTreeMap<String, String>>::deserialize(d)?;
        if let Some(r) = &result {
            if r.len() > MAX_RESULT_ENTRIES {
                return Err(D::Error::custom(format!(
                    "at most {MAX_RESULT_ENTRIES} findings, not {}",
                    r.len()
                )));
            }
            for (name, verdict) in r {
                text(name, MAX_TEXT_CHARS)?;
                text(verdict, MAX_TEXT_CHARS)?;
            }
        }
        Ok(result)
    }
}

/// Why an answers file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatError {
    /// Larger than [`MAX_FILE_BYTES`] (a link: longer than its base64url).
    TooLarge {
        /// What was measured, as the message states it.
        size: Size,
    },
    /// Not JSON at all.
    NotJson {
        /// What the parser said.
        message: String,
    },
    /// JSON, but not an answers file (no `format` field with the expected name).
    NotAnswersFile,
    /// An answers file of a format version this checker cannot read.
    UnsupportedVersion {
        /// The version in the file.
        version: u64,
    },
    /// A field has a wrong value or is unknown.
    Field {
        /// The path of the field, e.g. `answers.stays_abroad[2].from`.
        path: String,
        /// What is wrong with it.
        message: String,
    },
    /// The file has a checksum and it does not match the contents: the file was changed by hand
    /// or corrupted (or, in a URL fragment, the checksum is missing).
    ChecksumMismatch,
}

/// The size a refusal for being too large states: what was measured, and in what.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Size {
    /// The text is this many bytes, a leading byte-order mark not counted: what the reader
    /// counts against [`MAX_FILE_BYTES`].
    Text(u64),
    /// The file is this many bytes as the system counts them, a byte-order mark included: too
    /// large to be read at all ([`refuse_unread`]).
    File(u64),
    /// More than this many bytes of text: reading stopped there (a stream, such as a pipe, whose
    /// size is not known before it is read).
    MoreThan(u64),
    /// A link's fragment of this many characters (base64url).
    Link(u64),
    /// Not carried: the report worker hands a refusal to the page by its code, without sizes.
    Unknown,
}

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FormatError::TooLarge { size } => {
                match size {
                    Size::Text(n) => write!(
                        f,
                        "the file is {n} bytes (a byte-order mark not counted)"
                    )?,
                    Size::File(n) => write!(f, "the file is {n} bytes")?,
                    Size::MoreThan(n) => write!(f, "the file is more than {n} bytes")?,
                    Size::Link(n) => {
                        return write!(
                            f,
                            "the link's answers are {n} characters; a link holds at most {} (an answers file of {MAX_FILE_BYTES} bytes)",
                            MAX_FRAGMENT_CHARS
                        )
                    }
                    Size::Unknown => f.write_str("the file is too large")?,
                }
                write!(f, "; an answers file is at most {MAX_FILE_BYTES} bytes")
            }
            FormatError::NotJson { message } => write!(f, "the file is not valid JSON: {message}"),
            FormatError::NotAnswersFile => write!(
                f,
                "the file is not an answers file (its \"format\" field is not \"{FORMAT_NAME}\")"
            ),
            FormatError::UnsupportedVersion { version } => write!(
                f,
                "the file has format version {version}; this checker reads versions {OLDEST_FORMAT_VERSION} to {FORMAT_VERSION}"
            ),
            FormatError::Field { path, message } => write!(f, "field `{path}`: {message}"),
            FormatError::ChecksumMismatch => f.write_str(
                "the file's checksum does not match its contents (changed by hand or damaged)",
            ),
        }
    }
}

impl std::error::Error for FormatError {}

impl FormatError {
    /// A short code for the kind of refusal, as the report worker hands it to the page:
    /// `too_large`, `not_answers` (not JSON, or not an answers file), `version:N`,
    /// `field:PATH` or `checksum`. Sizes and parser messages are not carried.
    pub fn code(&self) -> String {
        match self {
            FormatError::TooLarge { .. } => "too_large".into(),
            FormatError::NotJson { .. } | FormatError::NotAnswersFile => "not_answers".into(),
            FormatError::UnsupportedVersion { version } => format!("version:{version}"),
            FormatError::Field { path, .. } => format!("field:{path}"),
            FormatError::ChecksumMismatch => "checksum".into(),
        }
    }

    /// The refusal a [`FormatError::code`] stands for (`None` for any other text).
    pub fn from_code(code: &str) -> Option<FormatError> {
        Some(match code {
            "too_large" => FormatError::TooLarge {
                size: Size::Unknown,
            },
            "not_answers" => FormatError::NotAnswersFile,
            "checksum" => FormatError::ChecksumMismatch,
            _ => match (code.strip_prefix("version:"), code.strip_prefix("field:")) {
                (Some(v), _) => FormatError::UnsupportedVersion {
                    version: v.parse().ok()?,
                },
                (_, Some(path)) => FormatError::Field {
                    path: path.to_string(),
                    message: String::new(),
                },
                _ => return None,
            },
        })
    }
}

/// CRC-32 (IEEE 802.3, the zlib and PNG one) of `bytes`, computed bit by bit: a few
/// instructions instead of a 1 KB (or, sliced, 16 KB) table in the browser app.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xEDB8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}

/// The checksum text of a canonical form: its [`crc32`] as 8 lowercase hex digits.
pub fn checksum_text(canonical: &str) -> String {
    let crc = crc32(canonical.as_bytes());
    (0..8)
        .rev()
        .map(|i| char::from(b"0123456789abcdef"[((crc >> (i * 4)) & 0xf) as usize]))
        .collect()
}

/// The checksum of `file`: [`checksum_text`] of its canonical form, the compact JSON
/// (`serde_json::to_string`, field order of the structs) of the whole file with `checksum`
/// left out. Any `checksum` already in `file` is ignored.
pub fn checksum(file: &AnswersFile) -> String {
    let mut canonical = file.clone();
    canonical.checksum = None;
    checksum_text(&serde_json::to_string(&canonical).unwrap_or_default())
}

/// A JSON value as `serde_json::Value`, but an object with a key twice is refused (serde_json
/// keeps the last one silently; the answers format does not allow it).
struct Strict(serde_json::Value);

impl<'de> Deserialize<'de> for Strict {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(StrictVisitor)
    }
}

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Strict;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Strict, E> {
        Ok(Strict(v.into()))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Strict, E> {
        Ok(Strict(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Strict, E> {
        Ok(Strict(v.into()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Strict, E> {
        Ok(Strict(v.into()))
    }
    fn visit_str<E>(self, v: &str) -> Result<Strict, E> {
        Ok(Strict(v.into()))
    }
    fn visit_string<E>(self, v: String) -> Result<Strict, E> {
        Ok(Strict(v.into()))
    }
    fn visit_unit<E>(self) -> Result<Strict, E> {
        Ok(Strict(serde_json::Value::Null))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Strict, A::Error> {
        let mut items = Vec::new();
        while let Some(Strict(v)) = seq.next_element()? {
            items.push(v);
        }
        Ok(Strict(serde_json::Value::Array(items)))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Strict, A::Error> {
        let mut m = serde_json::Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if m.contains_key(&key) {
                return Err(A::Error::custom(format!("duplicate key `{key}`")));
            }
            let Strict(v) = map.next_value()?;
            m.insert(key, v);
        }
        Ok(Strict(serde_json::Value::Object(m)))
    }
}

/// Parses an answers file. Checks the size, that it is JSON (an object never has a key twice),
/// that it is an answers file, the format version, then every field (naming the field on
/// error), and last the checksum when the file has one.
pub fn parse(text: &str) -> Result<AnswersFile, FormatError> {
    // A UTF-8 byte-order mark (as some Windows editors save) is not part of the JSON.
    let text = strip_bom(text);
    if text.len() > MAX_FILE_BYTES {
        return Err(FormatError::TooLarge {
            size: Size::Text(text.len() as u64),
        });
    }
    let Strict(value) = serde_json::from_str(text).map_err(|e| FormatError::NotJson {
        message: e.to_string(),
    })?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT_NAME) {
        return Err(FormatError::NotAnswersFile);
    }
    check_version(value.get("format_version").and_then(|v| v.as_u64()))?;
    let file: AnswersFile =
        serde_path_to_error::deserialize(value).map_err(|e| FormatError::Field {
            path: e.path().to_string(),
            message: e.into_inner().to_string(),
        })?;
    if file.format_version >= 2 {
        if let Some((old, new)) = file.answers.version_1_fields().next() {
            return Err(FormatError::Field {
                path: format!("answers.{old}"),
                message: format!("`{old}` is a field of format version 1; version 2 has `{new}`"),
            });
        }
    }
    match &file.checksum {
        Some(sum) if *sum != checksum(&file) => Err(FormatError::ChecksumMismatch),
        _ => Ok(file.migrate()),
    }
}

/// The refusal of a file of `size` bytes, as the system counts it before the file is read (the
/// browser's file picker; the command line for a regular file), if it is too large to read:
/// larger than [`MAX_FILE_BYTES`] even if it starts with a byte-order mark, which the reader
/// does not count. A file of up to `MAX_FILE_BYTES` + 3 bytes is read, and the reader decides.
pub fn refuse_unread(size: u64) -> Option<FormatError> {
    (size > (MAX_FILE_BYTES + BOM.len()) as u64).then_some(FormatError::TooLarge {
        size: Size::File(size),
    })
}

/// `text` without a leading UTF-8 byte-order mark (U+FEFF), which the reader accepts and
/// ignores, as browsers do when they read a file as text.
fn strip_bom(text: &str) -> &str {
    text.strip_prefix(BOM).unwrap_or(text)
}

/// Checks the `format_version` of a file (`None` when it is missing or not a whole number):
/// the step every reader of the format shares.
pub fn check_version(version: Option<u64>) -> Result<(), FormatError> {
    match version {
        Some(v) if (u64::from(OLDEST_FORMAT_VERSION)..=u64::from(FORMAT_VERSION)).contains(&v) => {
            Ok(())
        }
        Some(version) => Err(FormatError::UnsupportedVersion { version }),
        None => Err(FormatError::Field {
            path: "format_version".into(),
            message: "missing or not a whole number".into(),
        }),
    }
}

/// Writes an answers file (pretty JSON, stable field order), sealed with its checksum.
pub fn write(answers: &Answers, rules_version: Option<&str>, today: Option<NaiveDate>) -> String {
    write_file(&AnswersFile::new(answers.clone(), rules_version, today))
}

/// Writes `file` (pretty JSON, stable field order) with its checksum filled in, whatever
/// `file.checksum` was.
pub fn write_file(file: &AnswersFile) -> String {
    let mut sealed = file.clone();
    sealed.checksum = Some(checksum(file));
    serde_json::to_string_pretty(&sealed).unwrap_or_default()
}

#[cfg(test)]
mod hand_over_tests {
    use super::*;

    #[test]
    fn every_refusal_keeps_its_kind_through_its_code() {
        for e in [
            FormatError::TooLarge {
                size: Size::Unknown,
            },
            FormatError::NotAnswersFile,
            FormatError::UnsupportedVersion { version: 7 },
            FormatError::Field {
                path: "answers.stays_abroad[2].from".into(),
                message: String::new(),
            },
            FormatError::ChecksumMismatch,
        ] {
            assert_eq!(FormatError::from_code(&e.code()), Some(e));
        }
        let not_json = FormatError::NotJson {
            message: "x".into(),
        };
        assert_eq!(
            FormatError::from_code(&not_json.code()),
            Some(FormatError::NotAnswersFile)
        );
        assert_eq!(FormatError::from_code("the worker failed"), None);
        assert_eq!(FormatError::from_code("version:many"), None);
    }
}
