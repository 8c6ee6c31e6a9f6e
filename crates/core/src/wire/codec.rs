//! The answers file without serde, written on the page: what the browser app uses to save
//! answers (local storage, a downloaded file, a URL fragment for a QR code).
//!
//! [`write`] gives the same bytes as `serde_json::to_string` / `to_string_pretty` of the same
//! [`AnswersFile`] (`tests/codec.rs` checks it against serde), so the page carries no serde_json.
//! The answers are walked through [`crate::flow::answer`] (one question at a time, in the field
//! order of [`Answers`]), so there is no second table of answer fields here.
//!
//! Reading is not here: every file, stored state and link is read in the report worker by the
//! one JSON reader, [`crate::domain::format::parse`] (serde). [`from_fragment`] only undoes the
//! base64url of a link and hands the text to it.

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::domain::answers::{Answers, Keyed};
use crate::domain::format::{checksum_text, AnswersFile, FormatError, Size};
use crate::domain::questions::Question;
use crate::flow::answer::{get, AnswerValue};

/// The family answers' field in [`Answers`], and the prefix of their question names.
const FAMILY: &str = "uk_family";
const FAMILY_DOT: &str = "uk_family.";

/// The longest URL fragment [`from_fragment`] reads: the base64url length of a file of
/// [`MAX_FILE_BYTES`](crate::domain::format::MAX_FILE_BYTES) (a byte-order mark not counted,
/// as the reader does not count it).
pub use crate::domain::format::MAX_FRAGMENT_CHARS;

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

/// Writes `file` as JSON: compact, or pretty (two-space indent), byte for byte what serde_json
/// writes for it. The checksum is written as it is in `file` (see [`seal`]).
pub fn write(file: &AnswersFile, pretty: bool) -> String {
    let mut out = Out {
        s: String::new(),
        pretty,
        depth: 0,
        first: true,
    };
    out.file(file, file.checksum.as_deref());
    out.s
}

/// The checksum of `file`: CRC-32 of its canonical form (the compact JSON with no checksum),
/// as 8 lowercase hex digits. Equal to [`crate::domain::format::checksum`].
pub fn checksum(file: &AnswersFile) -> String {
    let mut out = Out {
        s: String::new(),
        pretty: false,
        depth: 0,
        first: true,
    };
    out.file(file, None);
    checksum_text(&out.s)
}

/// Sets `file.checksum` to [`checksum`].
pub fn seal(file: &mut AnswersFile) {
    file.checksum = Some(checksum(file));
}

struct Out {
    s: String,
    pretty: bool,
    depth: usize,
    /// Nothing written yet in the innermost open object or array.
    first: bool,
}

impl Out {
    fn newline(&mut self) {
        if self.pretty {
            self.s.push('\n');
            for _ in 0..self.depth {
                self.s.push_str("  ");
            }
        }
    }

    /// Before an element of an array or a key of an object.
    fn next(&mut self) {
        if !self.first {
            self.s.push(',');
        }
        self.first = false;
        self.newline();
    }

    fn open(&mut self, c: char) {
        self.s.push(c);
        self.depth += 1;
        self.first = true;
    }

    fn close(&mut self, c: char) {
        self.depth = self.depth.saturating_sub(1);
        if !self.first {
            self.newline();
        }
        self.s.push(c);
        self.first = false;
    }

    fn key(&mut self, k: &str) {
        self.next();
        self.string(k);
        self.s.push_str(if self.pretty { ": " } else { ":" });
    }

    /// A JSON string, escaped as serde_json does.
    fn string(&mut self, v: &str) {
        self.s.push('"');
        for c in v.chars() {
            match c {
                '"' => self.s.push_str("\\\""),
                '\\' => self.s.push_str("\\\\"),
                '\n' => self.s.push_str("\\n"),
                '\r' => self.s.push_str("\\r"),
                '\t' => self.s.push_str("\\t"),
                '\u{8}' => self.s.push_str("\\b"),
                '\u{c}' => self.s.push_str("\\f"),
                c if u32::from(c) < 0x20 => {
                    self.s.push_str("\\u00");
                    self.s.push(hex_digit(u32::from(c) >> 4));
                    self.s.push(hex_digit(u32::from(c)));
                }
                c => self.s.push(c),
            }
        }
        self.s.push('"');
    }

    fn date(&mut self, d: NaiveDate) {
        self.s.push('"');
        let _ = write!(self.s, "{d}");
        self.s.push('"');
    }

    /// The file, with `checksum` in place of its own.
    fn file(&mut self, f: &AnswersFile, checksum: Option<&str>) {
        self.open('{');
        self.key("format");
        self.string(&f.format);
        self.key("format_version");
        let _ = write!(self.s, "{}", f.format_version);
        if let Some(v) = &f.rules_version {
            self.key("rules_version");
            self.string(v);
        }
        if let Some(d) = f.today {
            self.key("today");
            self.date(d);
        }
        self.key("answers");
        self.answers(&f.answers);
        if let Some(r) = &f.result {
            self.key("result");
            self.open('{');
            for (k, v) in r {
                self.key(k);
                self.string(v);
            }
            self.close('}');
        }
        if let Some(c) = checksum {
            self.key("checksum");
            self.string(c);
        }
        self.close('}');
    }

    fn answers(&mut self, a: &Answers) {
        self.open('{');
        let mut in_family = false;
        for &q in Question::ALL {
            let inner = q.name().strip_prefix(FAMILY_DOT);
            if in_family && inner.is_none() {
                self.close('}');
                in_family = false;
            }
            let Some(value) = get(a, q) else { continue };
            if inner.is_some() && !in_family {
                self.key(FAMILY);
                self.open('{');
                in_family = true;
            }
            self.key(inner.unwrap_or(q.name()));
            self.value(&value);
        }
        if in_family {
            self.close('}');
        }
        self.close('}');
    }

    fn value(&mut self, v: &AnswerValue) {
        match v {
            AnswerValue::Choice(s) | AnswerValue::Text(s) => self.string(s),
            AnswerValue::YesNo(b) => self.s.push_str(if *b { "true" } else { "false" }),
            AnswerValue::Date(d) => self.date(*d),
            AnswerValue::Choices(list) => {
                self.open('[');
                for s in list {
                    self.next();
                    self.string(s);
                }
                self.close(']');
            }
            AnswerValue::Stays(list) => {
                self.open('[');
                for s in list {
                    self.next();
                    self.period(s.from, s.to, "reason", s.reason.key());
                }
                self.close(']');
            }
            AnswerValue::Periods(list) => {
                self.open('[');
                for p in list {
                    self.next();
                    self.period(p.from, p.to, "basis", p.basis.key());
                }
                self.close(']');
            }
        }
    }

    /// A stay or a basis period: `{"from": …, "to": …, <what>: <key>}`.
    fn period(&mut self, from: NaiveDate, to: NaiveDate, what: &str, key: &str) {
        self.open('{');
        self.key("from");
        self.date(from);
        self.key("to");
        self.date(to);
        self.key(what);
        self.string(key);
        self.close('}');
    }
}

fn hex_digit(n: u32) -> char {
    char::from(b"0123456789abcdef"[(n & 0xf) as usize])
}

// ---------------------------------------------------------------------------------------------
// URL fragment
// ---------------------------------------------------------------------------------------------

const BASE64URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// The file for a URL fragment (a QR code hand-off): base64url without padding of the compact
/// JSON, sealed with its checksum.
pub fn to_fragment(file: &AnswersFile) -> String {
    let sum = checksum(file);
    let mut out = Out {
        s: String::new(),
        pretty: false,
        depth: 0,
        first: true,
    };
    out.file(file, Some(&sum));
    let bytes = out.s.into_bytes();
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let mut n = 0u32;
        for (i, b) in chunk.iter().enumerate() {
            n |= u32::from(*b) << (16 - 8 * i);
        }
        for i in 0..=chunk.len() {
            out.push(char::from(BASE64URL[((n >> (18 - 6 * i)) & 63) as usize]));
        }
    }
    out
}

/// Reads a URL fragment written by [`to_fragment`] (without the `#`). Stricter than [`crate::domain::format::parse`]
/// alone:
/// only the base64url alphabet with no padding and no stray bits, at most
/// [`MAX_FRAGMENT_CHARS`], and the checksum is required ([`FormatError::ChecksumMismatch`] when
/// it is missing or wrong).
pub fn from_fragment(s: &str) -> Result<AnswersFile, FormatError> {
    if s.len() > MAX_FRAGMENT_CHARS {
        return Err(FormatError::TooLarge {
            size: Size::Link(s.len() as u64),
        });
    }
    let not_base64 = || FormatError::NotJson {
        message: "the link is not base64url".into(),
    };
    if s.len() % 4 == 1 {
        return Err(not_base64());
    }
    let mut bytes = Vec::with_capacity(s.len() / 4 * 3 + 2);
    for chunk in s.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            let v = match c {
                b'A'..=b'Z' => c - b'A',
                b'a'..=b'z' => c - b'a' + 26,
                b'0'..=b'9' => c - b'0' + 52,
                b'-' => 62,
                b'_' => 63,
                _ => return Err(not_base64()),
            };
            n |= u32::from(v) << (18 - 6 * i);
        }
        let len = chunk.len().saturating_sub(1);
        if n & (0xFF_FFFF >> (8 * len)) != 0 {
            return Err(not_base64());
        }
        for i in 0..len {
            bytes.push((n >> (16 - 8 * i)) as u8);
        }
    }
    let text = String::from_utf8(bytes).map_err(|_| not_base64())?;
    let file = crate::domain::format::parse(&text)?;
    if file.checksum.is_none() {
        return Err(FormatError::ChecksumMismatch);
    }
    Ok(file)
}
