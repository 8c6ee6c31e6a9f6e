//! The pure layers (`domain`, `engine`, `flow`, `text`, `report`, `wire`, in the crate
//! `crates/core`) import nothing from the browser and never read the clock, and imports flow
//! one way (`shared/design.md`). The compiler already refuses a browser import there (the crate
//! has no browser dependencies, test [`the_pure_crate_has_no_browser_dependency`] holds that);
//! this test checks the clock and the order inside the crate:
//! `domain` uses no other layer; `engine` uses only `domain`; `flow` is routing and does not
//! use the wire formats; `wire` carries words and answers but makes neither (no `engine`, no
//! `text`).
//!
//! Comments (`// …`, `//! …`, `/// …`, `/* … */`) are stripped before matching, so module docs may
//! mention yew. String literals are kept: a `"yew"` in code is suspicious enough to look at.

use std::path::{Path, PathBuf};

/// Words that must not appear in any pure layer.
const FORBIDDEN_EVERYWHERE: &[&str] = &[
    "yew",
    "web_sys",
    "js_sys",
    "wasm_bindgen",
    "gloo",
    "crate::ui",
    "crate::platform",
    "SystemTime",
    "Instant::now",
    "Utc::now",
    "Local::now",
];

/// The pure layers and, for each, the other layers it must not use.
const LAYERS: &[(&str, &[&str])] = &[
    (
        "domain",
        &[
            "crate::engine",
            "crate::flow",
            "crate::text",
            "crate::report",
        ],
    ),
    ("engine", &["crate::flow", "crate::text", "crate::report"]),
    ("flow", &["crate::wire", "crate::report"]),
    ("text", &["crate::wire"]),
    ("report", &[]),
    ("wire", &["crate::engine", "crate::text"]),
];

/// Removes comments, keeping line structure (so line numbers stay right). Handles `//` line
/// comments, nested `/* */` block comments, and does not mistake `//` inside a string literal
/// (e.g. `"https://…"`) for a comment, nor a `'"'` char literal for the start of a string.
fn strip_comments(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let at = |i: usize| chars.get(i).copied();
    let mut out = String::with_capacity(source.len());
    let mut depth = 0usize; // block-comment nesting
    let mut in_string = false;
    let mut line_comment = false;
    let mut i = 0;
    while let Some(c) = at(i) {
        i += 1;
        if c == '\n' {
            line_comment = false;
            out.push('\n');
            continue;
        }
        if line_comment {
            continue;
        }
        if depth > 0 {
            if c == '*' && at(i) == Some('/') {
                i += 1;
                depth -= 1;
            } else if c == '/' && at(i) == Some('*') {
                i += 1;
                depth += 1;
            }
            continue;
        }
        if in_string {
            out.push(c);
            if c == '\\' {
                if let Some(next) = at(i) {
                    out.push(next);
                    i += 1;
                }
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            // A char literal: 'x' or '\x' (anything else after a quote is a lifetime).
            '\'' if at(i) == Some('\\') || at(i + 1) == Some('\'') => {
                out.push(c);
                let mut escaped = false;
                while let Some(d) = at(i) {
                    i += 1;
                    out.push(d);
                    if d == '\'' && !escaped {
                        break;
                    }
                    escaped = d == '\\' && !escaped;
                }
            }
            '/' if at(i) == Some('/') => line_comment = true,
            '/' if at(i) == Some('*') => {
                i += 1;
                depth = 1;
            }
            _ => out.push(c),
        }
    }
    out
}

/// One offending line: `(line number, the word found, the line)`.
type Hit = (usize, &'static str, String);

/// Scans a source text for the forbidden words (after stripping comments).
fn scan(source: &str, forbidden: &[&'static str]) -> Vec<Hit> {
    let stripped = strip_comments(source);
    let mut hits = Vec::new();
    for (n, line) in stripped.lines().enumerate() {
        for word in forbidden {
            if contains_word(line, word) {
                hits.push((n + 1, *word, line.trim().to_string()));
            }
        }
    }
    hits
}

/// `word` occurs in `line` as a whole identifier path (so `yew` matches `yew::prelude` and
/// `use yew;` but not `yewtree` or `my_yew`).
fn contains_word(line: &str, word: &str) -> bool {
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    line.match_indices(word).any(|(i, _)| {
        let before = line[..i].chars().next_back();
        let after = line[i + word.len()..].chars().next();
        !(before.is_some_and(is_ident) || after.is_some_and(is_ident))
    })
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn pure_layers_import_nothing_from_the_browser_and_respect_the_layer_order() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/core/src");
    let mut problems = Vec::new();
    let mut scanned = 0;
    for (layer, also_forbidden) in LAYERS {
        let mut files = Vec::new();
        rust_files(&src.join(layer), &mut files);
        files.sort();
        assert!(
            !files.is_empty(),
            "no source files found for layer `{layer}`"
        );
        let forbidden: Vec<&'static str> = FORBIDDEN_EVERYWHERE
            .iter()
            .chain(also_forbidden.iter())
            .copied()
            .collect();
        for file in files {
            scanned += 1;
            let text = std::fs::read_to_string(&file).expect("readable source file");
            let rel = file
                .strip_prefix(env!("CARGO_MANIFEST_DIR"))
                .unwrap_or(&file);
            for (line, word, code) in scan(&text, &forbidden) {
                problems.push(format!(
                    "{}:{line}: `{word}` in the {layer} layer: {code}",
                    rel.display()
                ));
            }
        }
    }
    assert!(scanned >= 5, "scanned only {scanned} files");
    assert!(
        problems.is_empty(),
        "the pure layers must not use the browser, the clock, or a later layer:\n{}",
        problems.join("\n")
    );
}

// The scanner itself must be able to fail.

#[test]
fn scanner_finds_browser_imports_and_clock_reads() {
    let source = "use chrono::NaiveDate;\nuse yew::prelude::*;\nfn f() { let t = std::time::SystemTime::now(); }\nuse crate::ui::App;\n";
    let hits = scan(source, FORBIDDEN_EVERYWHERE);
    let found: Vec<(usize, &str)> = hits.iter().map(|(n, w, _)| (*n, *w)).collect();
    assert_eq!(found, vec![(2, "yew"), (3, "SystemTime"), (4, "crate::ui")]);
}

#[test]
fn scanner_finds_a_layer_going_the_wrong_way() {
    let source = "//! Engine.\nuse crate::domain::case::Case;\nuse crate::text::catalogue;\n";
    let hits = scan(source, &["crate::text", "crate::report"]);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].0, 3);
}

#[test]
fn scanner_ignores_comments_but_not_strings() {
    let source = "//! Rendered later by yew.\n/// Not `web_sys` either.\nfn f() {} // gloo in a trailing comment\n/* block yew /* nested gloo */ still comment */ fn g() {}\nconst U: &str = \"https://example.org\"; use yew;\nconst S: &str = \"js_sys\";\n";
    let hits = scan(source, FORBIDDEN_EVERYWHERE);
    let found: Vec<(usize, &str)> = hits.iter().map(|(n, w, _)| (*n, *w)).collect();
    assert_eq!(found, vec![(5, "yew"), (6, "js_sys")]);
}

#[test]
fn scanner_is_not_fooled_by_char_literals_or_lifetimes() {
    let source = "fn q<'a>(s: &'a str) -> bool { s.contains('\"') } // yew\nfn e() -> char { '\\'' } // gloo\nuse yew;\n";
    let hits = scan(source, FORBIDDEN_EVERYWHERE);
    let found: Vec<(usize, &str)> = hits.iter().map(|(n, w, _)| (*n, *w)).collect();
    assert_eq!(found, vec![(3, "yew")]);
}

#[test]
fn scanner_matches_whole_identifiers_only() {
    assert!(contains_word("use yew::prelude::*;", "yew"));
    assert!(contains_word("extern crate gloo;", "gloo"));
    assert!(!contains_word("let yewtree = 1;", "yew"));
    assert!(!contains_word("let my_gloo_thing = 1;", "gloo"));
    assert!(contains_word("crate::ui::App", "crate::ui"));
    assert!(!contains_word("crate::uikit", "crate::ui"));
}

/// The crate boundary is the compiler's: `crates/core` lists no browser crate, so a `yew` or
/// `web_sys` import there does not build.
#[test]
fn the_pure_crate_has_no_browser_dependency() {
    let manifest = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/core/Cargo.toml"),
    )
    .expect("crates/core/Cargo.toml");
    let deps: Vec<&str> = manifest
        .lines()
        .skip_while(|l| !l.starts_with("[dependencies]"))
        .skip(1)
        .take_while(|l| !l.starts_with('['))
        .filter_map(|l| l.split('=').next())
        .map(str::trim)
        .filter(|name| !name.is_empty() && !name.starts_with('#'))
        .collect();
    assert!(deps.contains(&"chrono"), "{deps:?}");
    for browser in [
        "yew",
        "web-sys",
        "js-sys",
        "wasm-bindgen",
        "wasm-bindgen-futures",
        "gloo",
    ] {
        assert!(!deps.contains(&browser), "crates/core depends on {browser}");
    }
}
