//! The answers file without serde: what the browser app uses to save answers (local storage, a
//! downloaded file, a URL fragment for a QR code) and to load them back.
//!
//! [`write`] gives the same bytes as `serde_json::to_string` / `to_string_pretty` of the same
//! [`AnswersFile`], and [`read`] accepts exactly what [`crate::domain::format::parse`] accepts,
//! with the same value, and refuses the rest with the same [`FormatError`] variant (and, for a
//! wrong field, the same path). `tests/codec.rs` checks both against serde. The answers are
//! walked through [`crate::flow::answer`] (one question at a time, in the field order of
//! [`Answers`]), so there is no second table of answer fields here.
//!
//! Error messages are serde's too, except that a number which is not a whole number is quoted
//! as written (`1e2`) where serde quotes the float it parsed (`100.0`).
//!
//! The parser is a small strict JSON parser: nesting deeper than serde_json's limit, a key twice
//! in an object, and anything over [`MAX_FILE_BYTES`] are refused; it never panics.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::domain::answers::{Answers, BasisPeriod, Keyed, Stay, UkFamilyAnswers};
use crate::domain::format::{
    check_version, checksum_text, AnswersFile, FormatError, FORMAT_NAME, MAX_FILE_BYTES,
};
use crate::domain::questions::{Kind, Question};
use crate::flow::answer::{get, set, AnswerValue};

/// The family answers' field in [`Answers`], and the prefix of their question names.
const FAMILY: &str = "uk_family";
const FAMILY_DOT: &str = "uk_family.";

/// The significant digits of 2^1024 − 2^970, halfway between the largest double and 2^1024
/// (times 10^308): from there on a number rounds to infinity.
const HALFWAY_PAST_MAX: &str = "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792";

/// serde_json refuses the 128th level of nested arrays and objects.
const MAX_DEPTH: usize = 127;

/// The longest URL fragment [`from_fragment`] reads: the base64url length of a file of
/// [`MAX_FILE_BYTES`].
pub const MAX_FRAGMENT_CHARS: usize = MAX_FILE_BYTES.div_ceil(3) * 4;

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
// Parsing JSON
// ---------------------------------------------------------------------------------------------

/// A parsed JSON value. Object entries are sorted by key (serde_json's map order, which decides
/// which of several wrong fields is reported).
enum J {
    Null,
    Bool(bool),
    /// A number, as written.
    Num(String),
    Str(String),
    Arr(Vec<J>),
    Obj(Vec<(String, J)>),
}

struct Parser<'a> {
    text: &'a str,
    i: usize,
    depth: usize,
}

impl Parser<'_> {
    fn err(&self, what: &str) -> FormatError {
        let before = self.text.as_bytes().get(..self.i).unwrap_or_default();
        let line = 1 + before.iter().filter(|b| **b == b'\n').count();
        let column = before.iter().rev().take_while(|b| **b != b'\n').count();
        let mut message = String::from(what);
        let _ = write!(message, " at line {line} column {column}");
        FormatError::NotJson { message }
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.i).copied()
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.i += 1;
        }
    }

    fn eat(&mut self, word: &str) -> bool {
        let found = self
            .text
            .as_bytes()
            .get(self.i..)
            .is_some_and(|rest| rest.starts_with(word.as_bytes()));
        if found {
            self.i += word.len();
        }
        found
    }

    fn value(&mut self) -> Result<J, FormatError> {
        self.ws();
        match self.peek() {
            Some(b'{') => self.nested(b'}'),
            Some(b'[') => self.nested(b']'),
            Some(b'"') => self.string().map(J::Str),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ if self.eat("true") => Ok(J::Bool(true)),
            _ if self.eat("false") => Ok(J::Bool(false)),
            _ if self.eat("null") => Ok(J::Null),
            None => Err(self.err("EOF while parsing a value")),
            _ => Err(self.err("expected value")),
        }
    }

    /// An object or an array, at the opening bracket.
    fn nested(&mut self, close: u8) -> Result<J, FormatError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.err("recursion limit exceeded"));
        }
        self.i += 1;
        let mut items = Vec::new();
        let mut entries = Vec::new();
        self.ws();
        if self.peek() == Some(close) {
            self.i += 1;
        } else {
            loop {
                if close == b'}' {
                    self.ws();
                    if self.peek() != Some(b'"') {
                        return Err(self.err("key must be a string"));
                    }
                    let key = self.string()?;
                    self.ws();
                    if !self.eat(":") {
                        return Err(self.err("expected `:`"));
                    }
                    entries.push((key, self.value()?));
                } else {
                    items.push(self.value()?);
                }
                self.ws();
                match self.peek() {
                    Some(b',') => self.i += 1,
                    Some(c) if c == close => {
                        self.i += 1;
                        break;
                    }
                    None => return Err(self.err("EOF while parsing")),
                    _ => return Err(self.err("expected `,` or a closing bracket")),
                }
            }
        }
        self.depth -= 1;
        if close == b']' {
            return Ok(J::Arr(items));
        }
        sort_by_key(&mut entries);
        if let Some(w) = entries.windows(2).find(|w| w[0].0 == w[1].0) {
            let mut message = String::from("duplicate key `");
            message.push_str(&w[0].0);
            message.push('`');
            return Err(self.err(&message));
        }
        Ok(J::Obj(entries))
    }

    /// A string, at the opening quote.
    fn string(&mut self) -> Result<String, FormatError> {
        self.i += 1;
        let mut out = String::new();
        let mut run = self.i;
        loop {
            match self.peek() {
                None => return Err(self.err("EOF while parsing a string")),
                Some(b'"') => {
                    out.push_str(self.text.get(run..self.i).unwrap_or_default());
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    out.push_str(self.text.get(run..self.i).unwrap_or_default());
                    self.i += 1;
                    let c = self.escape()?;
                    out.push(c);
                    run = self.i;
                }
                Some(0..=0x1f) => {
                    return Err(self.err("control character (\\u0000-\\u001F) found in string"))
                }
                Some(_) => self.i += 1,
            }
        }
    }

    /// The character of an escape, after the backslash.
    fn escape(&mut self) -> Result<char, FormatError> {
        let c = self.peek();
        self.i += 1;
        Ok(match c {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                let n = self.hex4()?;
                let code = match n {
                    0xD800..=0xDBFF => {
                        if !self.eat("\\u") {
                            return Err(self.err("unexpected end of hex escape"));
                        }
                        match self.hex4()? {
                            low @ 0xDC00..=0xDFFF => {
                                0x1_0000 + ((n - 0xD800) << 10) + (low - 0xDC00)
                            }
                            _ => return Err(self.err("lone leading surrogate in hex escape")),
                        }
                    }
                    0xDC00..=0xDFFF => return Err(self.err("lone leading surrogate in hex escape")),
                    n => n,
                };
                char::from_u32(code).unwrap_or_default()
            }
            _ => return Err(self.err("invalid escape")),
        })
    }

    fn hex4(&mut self) -> Result<u32, FormatError> {
        let mut n = 0;
        for _ in 0..4 {
            let d = self.peek().and_then(|b| char::from(b).to_digit(16));
            let Some(d) = d else {
                return Err(self.err("invalid escape"));
            };
            n = n * 16 + d;
            self.i += 1;
        }
        Ok(n)
    }

    fn digits(&mut self) -> usize {
        let start = self.i;
        while let Some(b'0'..=b'9') = self.peek() {
            self.i += 1;
        }
        self.i - start
    }

    /// A number. Only whether it is a whole number (and which) matters to an answers file, but
    /// one too large for a float is refused as serde_json refuses it.
    fn number(&mut self) -> Result<J, FormatError> {
        let start = self.i;
        self.eat("-");
        let int_start = self.i;
        if self.eat("0") {
            if let Some(b'0'..=b'9') = self.peek() {
                return Err(self.err("invalid number"));
            }
        } else if self.digits() == 0 {
            return Err(self.err("invalid number"));
        }
        let int_len = self.i - int_start;
        if self.eat(".") && self.digits() == 0 {
            return Err(self.err("invalid number"));
        }
        let mantissa_end = self.i;
        let mut exp: i64 = 0;
        if self.eat("e") || self.eat("E") {
            let negative = self.eat("-");
            if !negative {
                self.eat("+");
            }
            let digits_start = self.i;
            if self.digits() == 0 {
                return Err(self.err("invalid number"));
            }
            for b in self
                .text
                .as_bytes()
                .get(digits_start..self.i)
                .unwrap_or_default()
            {
                exp = (exp * 10 + i64::from(b - b'0')).min(1 << 40);
            }
            if negative {
                exp = -exp;
            }
        }
        // The magnitude: 10^(position of the first significant digit + exponent). A number of
        // magnitude 308 is out of range from the point halfway between the largest double and
        // 2^1024 (a tie rounds to even, which is infinity), as serde_json reads numbers
        // correctly rounded (its `float_roundtrip` feature).
        let mantissa = self.text.get(int_start..mantissa_end).unwrap_or_default();
        let significant: String = mantissa.chars().filter(|c| *c != '.').collect();
        if let Some(first) = significant.find(|c| c != '0') {
            let magnitude = int_len as i64 - 1 - first as i64 + exp;
            let digits = significant.get(first..).unwrap_or_default();
            let digits = digits.trim_end_matches('0');
            if magnitude > 308 || (magnitude == 308 && digits >= HALFWAY_PAST_MAX) {
                return Err(self.err("number out of range"));
            }
        }
        Ok(J::Num(
            self.text.get(start..self.i).unwrap_or_default().to_string(),
        ))
    }
}

/// Sorts object entries by key: a heap sort, a few hundred bytes of wasm where the standard
/// library's sort is several kilobytes. Equal keys end up side by side (and are then refused).
fn sort_by_key(v: &mut [(String, J)]) {
    fn sift(v: &mut [(String, J)], mut root: usize, end: usize) {
        loop {
            let mut child = 2 * root + 1;
            if child >= end {
                return;
            }
            if child + 1 < end && v[child].0 < v[child + 1].0 {
                child += 1;
            }
            if v[root].0 >= v[child].0 {
                return;
            }
            v.swap(root, child);
            root = child;
        }
    }
    let n = v.len();
    for i in (0..n / 2).rev() {
        sift(v, i, n);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift(v, 0, end);
    }
}

// ---------------------------------------------------------------------------------------------
// Reading an answers file
// ---------------------------------------------------------------------------------------------

/// Reads an answers file: the same checks, value and errors as
/// [`crate::domain::format::parse`] (size, JSON, answers file, version, every field, and the
/// checksum when there is one), without serde.
pub fn read(text: &str) -> Result<AnswersFile, FormatError> {
    let text = crate::domain::format::strip_bom(text);
    if text.len() > MAX_FILE_BYTES {
        return Err(FormatError::TooLarge { bytes: text.len() });
    }
    let mut p = Parser {
        text,
        i: 0,
        depth: 0,
    };
    let root = p.value()?;
    p.ws();
    if p.i < text.len() {
        return Err(p.err("trailing characters"));
    }
    let J::Obj(entries) = &root else {
        return Err(FormatError::NotAnswersFile);
    };
    let field = |name: &str| entries.iter().find(|(k, _)| k == name).map(|(_, v)| v);
    if !matches!(field("format"), Some(J::Str(f)) if f == FORMAT_NAME) {
        return Err(FormatError::NotAnswersFile);
    }
    let version = field("format_version").and_then(whole_number);
    check_version(version)?;
    let mut file = Dec { path: Vec::new() }.file(entries)?;
    // The checksum covers the file as written, in its own version; then it is migrated.
    file.format_version = version
        .and_then(|v| u32::try_from(v).ok())
        .unwrap_or(file.format_version);
    match &file.checksum {
        Some(sum) if *sum != checksum(&file) => Err(FormatError::ChecksumMismatch),
        _ => Ok(file.migrate()),
    }
}

/// A number written as a whole number that fits `u64` (serde_json's `as_u64`).
fn whole_number(v: &J) -> Option<u64> {
    match v {
        J::Num(n) => n.parse().ok(),
        _ => None,
    }
}

#[derive(Clone, Copy)]
enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

/// Decodes the parsed JSON into the answers file, keeping the path for error messages (as
/// serde_path_to_error writes it: `answers.stays_abroad[2].from`).
struct Dec<'a> {
    path: Vec<Seg<'a>>,
}

type Res<T> = Result<T, FormatError>;

/// `one of `a`, `b``, as serde lists expected names.
fn one_of(names: &[&str]) -> String {
    let mut s = String::new();
    match names {
        [] => s.push_str("nothing"),
        [one] => push_quoted(&mut s, one),
        [a, b] => {
            push_quoted(&mut s, a);
            s.push_str(" or ");
            push_quoted(&mut s, b);
        }
        _ => {
            s.push_str("one of ");
            for (i, n) in names.iter().enumerate() {
                if i > 0 {
                    s.push_str(", ");
                }
                push_quoted(&mut s, n);
            }
        }
    }
    s
}

fn push_quoted(s: &mut String, name: &str) {
    s.push('`');
    s.push_str(name);
    s.push('`');
}

/// What serde calls a value in "invalid type: …".
fn unexpected(v: &J) -> String {
    match v {
        J::Null => "null".into(),
        J::Bool(b) => format!("boolean `{b}`"),
        J::Num(n) if n.contains(['.', 'e', 'E']) => format!("floating point `{n}`"),
        J::Num(n) => format!("integer `{n}`"),
        J::Str(s) => format!("string {s:?}"),
        J::Arr(_) => "sequence".into(),
        J::Obj(_) => "map".into(),
    }
}

/// The fields of [`Answers`] in order: a question, or `None` for `uk_family`.
fn answer_fields() -> Vec<Option<Question>> {
    let mut fields = Vec::new();
    for &q in Question::ALL {
        if !q.name().starts_with(FAMILY_DOT) {
            fields.push(Some(q));
        } else if fields.last() != Some(&None) {
            fields.push(None);
        }
    }
    fields
}

fn family_fields() -> impl Iterator<Item = Question> {
    Question::ALL
        .iter()
        .copied()
        .filter(|q| q.name().starts_with(FAMILY_DOT))
}

impl<'a> Dec<'a> {
    fn err(&self, message: String) -> FormatError {
        let mut path = String::new();
        for (i, seg) in self.path.iter().enumerate() {
            match seg {
                Seg::Key(k) => {
                    if i > 0 {
                        path.push('.');
                    }
                    path.push_str(k);
                }
                Seg::Index(n) => {
                    let _ = write!(path, "[{n}]");
                }
            }
        }
        // serde_path_to_error writes the root as `.`, and a path of one empty key as ``.
        if self.path.is_empty() {
            path.push('.');
        }
        FormatError::Field { path, message }
    }

    fn invalid(&self, v: &J, expected: &str) -> FormatError {
        self.err(format!(
            "invalid type: {}, expected {expected}",
            unexpected(v)
        ))
    }

    fn unknown_field(&mut self, key: &'a str, expected: &[&str]) -> FormatError {
        self.path.push(Seg::Key(key));
        self.err(format!(
            "unknown field `{key}`, expected {}",
            one_of(expected)
        ))
    }

    fn missing(&self, name: &str) -> FormatError {
        self.err(format!("missing field `{name}`"))
    }

    /// A struct in its sequence form: more elements than fields is refused (after the fields,
    /// as serde does).
    fn too_long(&self, items: &[J], fields: usize) -> Res<()> {
        if items.len() > fields {
            return Err(self.err(format!(
                "invalid length {}, expected fewer elements in array",
                items.len()
            )));
        }
        Ok(())
    }

    fn file(&mut self, entries: &'a [(String, J)]) -> Res<AnswersFile> {
        let mut file = AnswersFile::new(Answers::default(), None, None);
        let mut answers = None;
        for (k, v) in entries {
            self.path.push(Seg::Key(k));
            match k.as_str() {
                // Checked before: the name and the version.
                "format" | "format_version" => {}
                "rules_version" => file.rules_version = self.option(v, Self::string)?,
                "today" => file.today = self.option(v, Self::date)?,
                "answers" => answers = Some(self.answers(v)?),
                "result" => file.result = self.option(v, Self::result)?,
                "checksum" => file.checksum = self.option(v, Self::string)?,
                _ => {
                    self.path.pop();
                    return Err(self.unknown_field(
                        k,
                        &[
                            "format",
                            "format_version",
                            "rules_version",
                            "today",
                            "answers",
                            "result",
                            "checksum",
                        ],
                    ));
                }
            }
            self.path.pop();
        }
        file.answers = answers.ok_or_else(|| self.missing("answers"))?;
        Ok(file)
    }

    fn option<T>(&mut self, v: &'a J, f: fn(&mut Self, &'a J) -> Res<T>) -> Res<Option<T>> {
        match v {
            J::Null => Ok(None),
            v => f(self, v).map(Some),
        }
    }

    fn string(&mut self, v: &'a J) -> Res<String> {
        match v {
            J::Str(s) => Ok(s.clone()),
            v => Err(self.invalid(v, "a string")),
        }
    }

    fn boolean(&mut self, v: &'a J) -> Res<bool> {
        match v {
            J::Bool(b) => Ok(*b),
            v => Err(self.invalid(v, "a boolean")),
        }
    }

    fn date(&mut self, v: &'a J) -> Res<NaiveDate> {
        match v {
            J::Str(s) => crate::domain::dates::parse_iso(s)
                .ok_or_else(|| self.err(crate::domain::dates::strict::MESSAGE.to_string())),
            v => Err(self.invalid(v, "a string")),
        }
    }

    fn result(&mut self, v: &'a J) -> Res<BTreeMap<String, String>> {
        let J::Obj(entries) = v else {
            return Err(self.invalid(v, "a map"));
        };
        let mut map = BTreeMap::new();
        for (k, v) in entries {
            self.path.push(Seg::Key(k));
            map.insert(k.clone(), self.string(v)?);
            self.path.pop();
        }
        Ok(map)
    }

    fn list<T>(&mut self, v: &'a J, f: impl Fn(&mut Self, &'a J) -> Res<T>) -> Res<Vec<T>> {
        let J::Arr(items) = v else {
            return Err(self.invalid(v, "a sequence"));
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            self.path.push(Seg::Index(i));
            out.push(f(self, item)?);
            self.path.pop();
        }
        Ok(out)
    }

    /// A unit variant: `"key"`, or `{"key": null}` as serde also accepts.
    fn variant(&mut self, v: &'a J, options: &[&str]) -> Res<String> {
        let (key, content) = match v {
            J::Str(s) => (s, None),
            J::Obj(entries) => match entries.as_slice() {
                [(k, content)] => (k, Some(content)),
                _ => {
                    return Err(
                        self.err("invalid value: map, expected map with a single key".to_string())
                    )
                }
            },
            v => return Err(self.invalid(v, "string or map")),
        };
        if !options.contains(&key.as_str()) {
            return Err(self.err(format!(
                "unknown variant `{key}`, expected {}",
                one_of(options)
            )));
        }
        match content {
            None | Some(J::Null) => Ok(key.clone()),
            Some(other) => {
                self.path.push(Seg::Key(key));
                Err(self.invalid(other, "unit"))
            }
        }
    }

    /// One answer (absent and `null` are both "not answered").
    fn answer(&mut self, a: &mut Answers, q: Question, v: &'a J) -> Res<()> {
        if let J::Null = v {
            return Ok(());
        }
        let options = q.options();
        let value = match q.kind() {
            Kind::Choice => AnswerValue::Choice(self.variant(v, options)?),
            Kind::MultiChoice => AnswerValue::Choices(self.list(v, |d, x| d.variant(x, options))?),
            Kind::YesNo => AnswerValue::YesNo(self.boolean(v)?),
            Kind::Date => AnswerValue::Date(self.date(v)?),
            Kind::Text => AnswerValue::Text(self.string(v)?),
            Kind::Stays => AnswerValue::Stays(self.list(v, Self::stay)?),
            Kind::Periods => AnswerValue::Periods(self.list(v, Self::period)?),
        };
        if set(a, q, value) {
            Ok(())
        } else {
            Err(self.err("not a valid answer".to_string()))
        }
    }

    fn answers(&mut self, v: &'a J) -> Res<Answers> {
        let mut a = Answers::default();
        match v {
            J::Obj(entries) => {
                for (k, v) in entries {
                    let top = !k.contains('.');
                    let q = Question::ALL.iter().copied().find(|q| top && q.name() == k);
                    self.path.push(Seg::Key(k));
                    match q {
                        Some(q) => self.answer(&mut a, q, v)?,
                        None if k == FAMILY => a.uk_family = self.family(v)?,
                        None => {
                            self.path.pop();
                            let names: Vec<&str> = answer_fields()
                                .iter()
                                .map(|f| f.map_or(FAMILY, |q| q.name()))
                                .collect();
                            return Err(self.unknown_field(k, &names));
                        }
                    }
                    self.path.pop();
                }
            }
            J::Arr(items) => {
                let fields = answer_fields();
                let count = fields.len();
                for (i, (item, field)) in items.iter().zip(fields).enumerate() {
                    self.path.push(Seg::Index(i));
                    match field {
                        Some(q) => self.answer(&mut a, q, item)?,
                        None => a.uk_family = self.family(item)?,
                    }
                    self.path.pop();
                }
                self.too_long(items, count)?;
            }
            v => return Err(self.invalid(v, "struct Answers")),
        }
        Ok(a)
    }

    /// The family answers live in `Answers::uk_family`; they are set through `answers`.
    fn family(&mut self, v: &'a J) -> Res<UkFamilyAnswers> {
        let mut a = Answers::default();
        match v {
            J::Obj(entries) => {
                for (k, v) in entries {
                    let q = family_fields().find(|q| q.name().strip_prefix(FAMILY_DOT) == Some(k));
                    let Some(q) = q else {
                        let names: Vec<&str> = family_fields()
                            .map(|q| q.name().strip_prefix(FAMILY_DOT).unwrap_or_default())
                            .collect();
                        return Err(self.unknown_field(k, &names));
                    };
                    self.path.push(Seg::Key(k));
                    self.answer(&mut a, q, v)?;
                    self.path.pop();
                }
            }
            J::Arr(items) => {
                for (i, (item, q)) in items.iter().zip(family_fields()).enumerate() {
                    self.path.push(Seg::Index(i));
                    self.answer(&mut a, q, item)?;
                    self.path.pop();
                }
                self.too_long(items, family_fields().count())?;
            }
            v => return Err(self.invalid(v, "struct UkFamilyAnswers")),
        }
        Ok(a.uk_family)
    }

    fn stay(&mut self, v: &'a J) -> Res<Stay> {
        let (from, to, reason) = self.dated(v, "reason", "Stay", Self::keyed)?;
        Ok(Stay { from, to, reason })
    }

    fn period(&mut self, v: &'a J) -> Res<BasisPeriod> {
        let (from, to, basis) = self.dated(v, "basis", "BasisPeriod", Self::keyed)?;
        Ok(BasisPeriod { from, to, basis })
    }

    /// A value of a [`Keyed`] choice.
    fn keyed<T: Keyed>(&mut self, v: &'a J) -> Res<T> {
        let names: Vec<&str> = T::KEYS.iter().map(|(k, _)| *k).collect();
        let key = self.variant(v, &names)?;
        T::from_key(&key).ok_or_else(|| self.err("not a valid answer".to_string()))
    }

    /// `{"from": date, "to": date, <third>: …}` (or its sequence form), every field required.
    fn dated<T>(
        &mut self,
        v: &'a J,
        third: &str,
        name: &str,
        f: impl Fn(&mut Self, &'a J) -> Res<T>,
    ) -> Res<(NaiveDate, NaiveDate, T)> {
        let (mut from, mut to, mut other) = (None, None, None);
        match v {
            J::Obj(entries) => {
                for (k, v) in entries {
                    self.path.push(Seg::Key(k));
                    match k.as_str() {
                        "from" => from = Some(self.date(v)?),
                        "to" => to = Some(self.date(v)?),
                        k if k == third => other = Some(f(self, v)?),
                        _ => {
                            self.path.pop();
                            return Err(self.unknown_field(k, &["from", "to", third]));
                        }
                    }
                    self.path.pop();
                }
                let from = from.ok_or_else(|| self.missing("from"))?;
                let to = to.ok_or_else(|| self.missing("to"))?;
                let other = other.ok_or_else(|| self.missing(third))?;
                Ok((from, to, other))
            }
            J::Arr(items) => {
                let short = |d: &Self, n: usize| {
                    d.err(format!(
                        "invalid length {n}, expected struct {name} with 3 elements"
                    ))
                };
                let mut it = items.iter().enumerate();
                let mut at = |d: &mut Self| {
                    let (i, item) = it.next().ok_or_else(|| short(d, items.len()))?;
                    d.path.push(Seg::Index(i));
                    Ok::<_, FormatError>(item)
                };
                let item = at(self)?;
                let from = self.date(item)?;
                self.path.pop();
                let item = at(self)?;
                let to = self.date(item)?;
                self.path.pop();
                let item = at(self)?;
                let other = f(self, item)?;
                self.path.pop();
                self.too_long(items, 3)?;
                Ok((from, to, other))
            }
            v => Err(self.invalid(v, &format!("struct {name}"))),
        }
    }
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

/// Reads a URL fragment written by [`to_fragment`] (without the `#`). Stricter than [`read`]:
/// only the base64url alphabet with no padding and no stray bits, at most
/// [`MAX_FRAGMENT_CHARS`], and the checksum is required ([`FormatError::ChecksumMismatch`] when
/// it is missing or wrong).
pub fn from_fragment(s: &str) -> Result<AnswersFile, FormatError> {
    if s.len() > MAX_FRAGMENT_CHARS {
        return Err(FormatError::TooLarge { bytes: s.len() });
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
    let file = read(&text)?;
    if file.checksum.is_none() {
        return Err(FormatError::ChecksumMismatch);
    }
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_answer_fields_are_those_of_the_struct_in_order() {
        let names: Vec<&str> = answer_fields()
            .iter()
            .map(|f| f.map_or(FAMILY, |q| q.name()))
            .collect();
        let json = serde_json::to_value(Answers {
            uk_family: UkFamilyAnswers {
                supported: Some(true),
                ..UkFamilyAnswers::default()
            },
            ..Answers::default()
        })
        .unwrap_or_default();
        assert!(json.get(FAMILY).is_some());
        assert_eq!(names.len(), 55);
        assert_eq!(names.first(), Some(&"citizenship"));
        assert_eq!(names.get(45), Some(&FAMILY));
        assert_eq!(family_fields().count(), 12);
    }

    #[test]
    fn a_number_too_large_for_a_float_is_not_json() {
        for n in ["1e309", "-2e308", "1.8e308", "1000e306"] {
            let text = format!("{{\"a\":{n}}}");
            assert!(
                matches!(read(&text), Err(FormatError::NotJson { .. })),
                "{n}"
            );
        }
        for n in ["1e308", "1.7e308", "0e99999", "1e-400", "-0.0"] {
            let text = format!("[{n}]");
            assert_eq!(read(&text), Err(FormatError::NotAnswersFile), "{n}");
        }
    }
}
