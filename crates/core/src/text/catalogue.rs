//! The catalogue file format and its parser.
//!
//! A catalogue is plain UTF-8 text a translator can edit without touching Rust:
//!
//! ```text
//! # A comment line. Blank lines are ignored.
//! start.title = Check what applies to your residence card
//! title.page = {page} – Residence card checker
//! ```
//!
//! - One entry per line: `key = value`. The key is everything before the first `=`, the value
//!   everything after it; both are trimmed.
//! - Keys use lowercase ASCII letters, digits, `.`, `_` and `-`, and must be unique.
//! - Values may contain placeholders written `{name}` (same characters as keys, no `.`), which
//!   [`fill`] replaces. A literal brace is written `{{` or `}}`. A value may be empty.
//! - `\n` in a value stands for a line break.
//!
//! The parser is pure and never panics: a malformed line is reported in [`Parsed::errors`] and
//! skipped, and every good line is still returned.

use std::collections::BTreeSet;

use crate::domain::sort::sort_by_key;

/// One `key = value` entry, borrowed from the catalogue text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry<'a> {
    /// The key, e.g. `start.title`.
    pub key: &'a str,
    /// The value as written (escapes such as `\n` and `{{` are kept; see [`unescape`]).
    pub value: &'a str,
    /// The 1-based line number, for messages.
    pub line: usize,
}

/// Why a line of a catalogue was rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The line is neither blank, a comment nor `key = value`.
    MissingEquals,
    /// The key is empty or uses characters other than `a-z 0-9 . _ -`.
    BadKey,
    /// The key already appeared on an earlier line.
    DuplicateKey,
    /// A `{` without its `}`, a stray `}`, or a placeholder name with bad characters.
    BadPlaceholder,
}

/// A rejected line: where and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError {
    /// The 1-based line number.
    pub line: usize,
    /// What is wrong with it.
    pub problem: Problem,
}

/// The result of parsing a catalogue: the good entries (sorted by key) and the bad lines.
#[derive(Debug, Clone, Default)]
pub struct Parsed<'a> {
    /// Good entries, sorted by key, keys unique.
    pub entries: Vec<Entry<'a>>,
    /// Lines that were skipped, in file order.
    pub errors: Vec<LineError>,
}

impl<'a> Parsed<'a> {
    /// The raw value for `key`, if the catalogue has it.
    pub fn get(&self, key: &str) -> Option<&'a str> {
        self.entries
            .binary_search_by(|e| e.key.cmp(key))
            .ok()
            .and_then(|i| self.entries.get(i))
            .map(|e| e.value)
    }

    /// All keys, sorted.
    pub fn keys(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.entries.iter().map(|e| e.key)
    }
}

fn is_key_char(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-')
}

fn is_placeholder_char(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '_' | '-')
}

/// Parses a catalogue. Never panics; see the module documentation for the format.
pub fn parse(text: &str) -> Parsed<'_> {
    let mut entries: Vec<Entry<'_>> = Vec::new();
    let mut errors = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let Some((key, value)) = trimmed.split_once('=') else {
            errors.push(LineError {
                line,
                problem: Problem::MissingEquals,
            });
            continue;
        };
        let (key, value) = (key.trim(), value.trim());
        if key.is_empty() || !key.chars().all(is_key_char) {
            errors.push(LineError {
                line,
                problem: Problem::BadKey,
            });
            continue;
        }
        if placeholders(value).is_none() {
            errors.push(LineError {
                line,
                problem: Problem::BadPlaceholder,
            });
            continue;
        }
        entries.push(Entry { key, value, line });
    }
    // A stable sort keeps the first of two equal keys first; later duplicates are reported.
    sort_by_key(&mut entries, |e| e.key);
    let mut unique: Vec<Entry<'_>> = Vec::with_capacity(entries.len());
    for entry in entries {
        match unique.last() {
            Some(prev) if prev.key == entry.key => errors.push(LineError {
                line: entry.line,
                problem: Problem::DuplicateKey,
            }),
            _ => unique.push(entry),
        }
    }
    sort_by_key(&mut errors, |e| e.line);
    Parsed {
        entries: unique,
        errors,
    }
}

/// One piece of a value: literal text or a placeholder name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece<'a> {
    Text(&'a str),
    Placeholder(&'a str),
}

/// Splits a value into pieces, or `None` if its braces are malformed. Escapes (`{{`, `}}`)
/// come out as one-character text pieces.
fn pieces(value: &str) -> Option<Vec<Piece<'_>>> {
    let mut out = Vec::new();
    let mut rest = value;
    while let Some(pos) = rest.find(['{', '}']) {
        let (before, after) = rest.split_at(pos);
        if !before.is_empty() {
            out.push(Piece::Text(before));
        }
        if let Some(tail) = after.strip_prefix("{{") {
            out.push(Piece::Text("{"));
            rest = tail;
        } else if let Some(tail) = after.strip_prefix("}}") {
            out.push(Piece::Text("}"));
            rest = tail;
        } else if let Some(tail) = after.strip_prefix('{') {
            let end = tail.find('}')?;
            let name = tail.get(..end)?;
            if name.is_empty() || !name.chars().all(is_placeholder_char) {
                return None;
            }
            out.push(Piece::Placeholder(name));
            rest = tail.get(end + 1..)?;
        } else {
            // A lone `}`.
            return None;
        }
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    Some(out)
}

/// The set of placeholder names in a value, or `None` if its braces are malformed.
pub fn placeholders(value: &str) -> Option<BTreeSet<&str>> {
    // `extend`, not `collect`, which sorts (see `domain::sort`).
    let mut names = BTreeSet::new();
    names.extend(pieces(value)?.into_iter().filter_map(|p| match p {
        Piece::Placeholder(name) => Some(name),
        Piece::Text(_) => None,
    }));
    Some(names)
}

/// Replaces `\n` escapes by line breaks. `{{`/`}}` are handled by [`fill`].
pub fn unescape(value: &str) -> std::borrow::Cow<'_, str> {
    if value.contains("\\n") {
        std::borrow::Cow::Owned(value.replace("\\n", "\n"))
    } else {
        std::borrow::Cow::Borrowed(value)
    }
}

/// Fills the placeholders of `template` from `args` (`name`, `text`) and resolves escapes.
///
/// A placeholder with no matching argument is kept visibly as `{name}`, so a mistake shows
/// on screen instead of silently vanishing. Malformed braces leave the template as it is.
///
/// ```
/// use residence_core::text::catalogue::fill;
/// assert_eq!(fill("Hello, {who}!", &[("who", "Kari")]), "Hello, Kari!");
/// assert_eq!(fill("{a} and {b}", &[("a", "1")]), "1 and {b}");
/// assert_eq!(fill("{{literal}}", &[]), "{literal}");
/// ```
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let template = unescape(template);
    let Some(parts) = pieces(&template) else {
        return template.into_owned();
    };
    let mut out = String::with_capacity(template.len());
    for part in parts {
        match part {
            Piece::Text(text) => out.push_str(text),
            Piece::Placeholder(name) => match args.iter().find(|(n, _)| *n == name) {
                Some((_, value)) => out.push_str(value),
                None => {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            },
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_blank_lines_and_entries() {
        let p = parse("# comment\n\n b.key = Two words \na = x=y\n");
        assert!(p.errors.is_empty());
        assert_eq!(p.get("a"), Some("x=y"));
        assert_eq!(p.get("b.key"), Some("Two words"));
        assert_eq!(p.get("missing"), None);
        assert_eq!(p.keys().collect::<Vec<_>>(), ["a", "b.key"]);
    }

    #[test]
    fn malformed_lines_are_reported_and_skipped() {
        let p = parse("no equals here\nBad Key = x\n = empty\nok = {open\nok2 = close}\nfine = yes\nfine = again");
        let problems: Vec<_> = p
            .errors
            .iter()
            .map(|e| (e.line, e.problem.clone()))
            .collect();
        assert_eq!(
            problems,
            [
                (1, Problem::MissingEquals),
                (2, Problem::BadKey),
                (3, Problem::BadKey),
                (4, Problem::BadPlaceholder),
                (5, Problem::BadPlaceholder),
                (7, Problem::DuplicateKey),
            ]
        );
        assert_eq!(p.get("fine"), Some("yes"));
    }

    #[test]
    fn placeholder_sets() {
        let names = placeholders("{a} {b} {a} {{not}}").unwrap_or_default();
        assert_eq!(names.into_iter().collect::<Vec<_>>(), ["a", "b"]);
        assert!(placeholders("{Bad}").is_none());
        assert!(placeholders("{}").is_none());
    }

    #[test]
    fn fill_resolves_line_breaks() {
        assert_eq!(fill("one\\ntwo", &[]), "one\ntwo");
    }

    proptest::proptest! {
        #[test]
        fn parse_and_fill_never_panic(text in "\\PC*") {
            let parsed = parse(&text);
            for entry in &parsed.entries {
                let _ = fill(entry.value, &[("x", "y")]);
            }
            let _ = fill(&text, &[]);
        }
    }
}
