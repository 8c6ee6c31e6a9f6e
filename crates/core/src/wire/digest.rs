//! A loaded file's result digest (its `result` field) as one line, for the hand-over from the
//! report worker to the page. May import nothing but the standard library.

use std::collections::BTreeMap;

/// A result digest (the `result` field) as one line, `key=verdict,…`, for the hand-over from
/// the report worker to the page; [`digest_from_text`] reads it back. `%`, `,` and `=` inside a
/// key or verdict are written `%25`, `%2C` and `%3D`, so any digest a file holds comes back
/// unchanged (the checksum covers it). An empty digest is the empty line; a missing one is not
/// handed over at all.
///
/// ```
/// use std::collections::BTreeMap;
/// use residence_core::wire::digest::{digest_from_text, digest_to_text};
/// let tricky = BTreeMap::from([("card_needed".to_string(), "yes,fee=no".to_string())]);
/// assert_eq!(digest_to_text(&tricky), "card_needed=yes%2Cfee%3Dno");
/// assert_eq!(digest_from_text(&digest_to_text(&tricky)), Some(tricky));
/// ```
pub fn digest_to_text(digest: &BTreeMap<String, String>) -> String {
    let escape = |s: &str| {
        s.replace('%', "%25")
            .replace(',', "%2C")
            .replace('=', "%3D")
    };
    let pairs: Vec<String> = digest
        .iter()
        .map(|(k, v)| format!("{}={}", escape(k), escape(v)))
        .collect();
    pairs.join(",")
}

/// Reads [`digest_to_text`] back; `None` when the line is not one (a pair without `=`, an
/// unknown escape, a key twice). The empty line is the empty digest.
pub fn digest_from_text(text: &str) -> Option<BTreeMap<String, String>> {
    fn unescape(s: &str) -> Option<String> {
        let mut out = String::with_capacity(s.len());
        let mut rest = s;
        while let Some(i) = rest.find('%') {
            out.push_str(&rest[..i]);
            let code = rest.get(i + 1..i + 3)?;
            out.push(match code {
                "25" => '%',
                "2C" => ',',
                "3D" => '=',
                _ => return None,
            });
            rest = &rest[i + 3..];
        }
        out.push_str(rest);
        Some(out)
    }
    let mut digest = BTreeMap::new();
    if text.is_empty() {
        return Some(digest);
    }
    for pair in text.split(',') {
        let (k, v) = pair.split_once('=')?;
        if digest.insert(unescape(k)?, unescape(v)?).is_some() {
            return None;
        }
    }
    Some(digest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_result_digest_survives_its_one_line_form() {
        let digest: BTreeMap<String, String> = [("card_needed", "yes"), ("appointment", "maybe")]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        assert_eq!(digest_from_text(&digest_to_text(&digest)), Some(digest));
        // The empty line is the empty digest (a missing digest is not handed over at all).
        assert_eq!(digest_from_text(""), Some(BTreeMap::new()));
    }
}
