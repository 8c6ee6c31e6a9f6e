//! Every word a user sees, per language, loaded from catalogue files. May import `domain` and
//! `engine`.
//!
//! The words live in `src/text/en.txt` (English) and `src/text/nb.txt` (Norwegian bokmål), in
//! the line format described in [`catalogue`]; the words of the questions and results are in
//! `en.result.txt` and `nb.result.txt`, appended to them. [`render`] turns engine output into
//! words. A translator edits those files only. They are
//! embedded in the binary with `include_str!` and parsed once, on first use.
//!
//! A test below fails when the two languages differ in their keys or in the placeholders of
//! any entry, or when a line is malformed. At run time a missing key shows the key itself, so
//! a gap is visible instead of silent.

pub mod catalogue;
pub mod render;

use std::sync::OnceLock;

use catalogue::Parsed;

/// A language the checker speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// English.
    En,
    /// Norwegian bokmål.
    Nb,
}

impl Lang {
    /// Every language, in the order the language switch shows them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Nb];

    /// The BCP 47 code, as used in the `lang` attribute: `"en"` or `"nb"`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Nb => "nb",
        }
    }

    /// The language for a BCP 47 tag such as `nb-NO`, if the checker speaks it. Norwegian
    /// (`no`) and nynorsk (`nn`) readers get bokmål, the closer of the two languages offered.
    ///
    /// ```
    /// use residence_checker::text::Lang;
    /// assert_eq!(Lang::from_tag("nb-NO"), Some(Lang::Nb));
    /// assert_eq!(Lang::from_tag("en-GB"), Some(Lang::En));
    /// assert_eq!(Lang::from_tag("pl"), None);
    /// ```
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "nb" | "no" | "nn" => Some(Lang::Nb),
            _ => None,
        }
    }

    /// The first language in the reader's preference list that the checker speaks, else
    /// English.
    ///
    /// ```
    /// use residence_checker::text::Lang;
    /// assert_eq!(Lang::negotiate(["pl-PL", "nb"]), Lang::Nb);
    /// assert_eq!(Lang::negotiate(["de"]), Lang::En);
    /// ```
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Lang {
        preferred
            .into_iter()
            .find_map(Lang::from_tag)
            .unwrap_or(Lang::En)
    }

    /// The start page and page shell: embedded everywhere, so the first page needs no fetch.
    fn base_source(self) -> &'static str {
        match self {
            Lang::En => include_str!("en.txt"),
            Lang::Nb => include_str!("nb.txt"),
        }
    }

    /// The file name of the questions-and-results catalogue. The browser app fetches it from
    /// `text/<name>` when the applicant presses Start (it is most of the words, and keeping it
    /// out of the first load keeps the first load within budget); native code embeds it.
    pub fn results_file(self) -> &'static str {
        match self {
            Lang::En => "en.result.txt",
            Lang::Nb => "nb.result.txt",
        }
    }

    fn results_cell(self) -> &'static OnceLock<Parsed<'static>> {
        static EN: OnceLock<Parsed<'static>> = OnceLock::new();
        static NB: OnceLock<Parsed<'static>> = OnceLock::new();
        match self {
            Lang::En => &EN,
            Lang::Nb => &NB,
        }
    }

    /// The parsed start-page catalogue of this language.
    pub fn catalogue(self) -> &'static Parsed<'static> {
        static EN: OnceLock<Parsed<'static>> = OnceLock::new();
        static NB: OnceLock<Parsed<'static>> = OnceLock::new();
        let cell = match self {
            Lang::En => &EN,
            Lang::Nb => &NB,
        };
        cell.get_or_init(|| catalogue::parse(self.base_source()))
    }

    /// The parsed questions-and-results catalogue, if available: always natively; in the
    /// browser once [`install_results`] has run for this language.
    pub fn results(self) -> Option<&'static Parsed<'static>> {
        #[cfg(not(target_arch = "wasm32"))]
        {
            let source = match self {
                Lang::En => include_str!("en.result.txt"),
                Lang::Nb => include_str!("nb.result.txt"),
            };
            Some(self.results_cell().get_or_init(|| catalogue::parse(source)))
        }
        #[cfg(target_arch = "wasm32")]
        {
            self.results_cell().get()
        }
    }
}

/// Installs the fetched questions-and-results catalogue of `lang`. A file with malformed lines
/// is refused (its words would show as keys); installing twice keeps the first.
pub fn install_results(lang: Lang, text: String) -> Result<(), String> {
    if lang.results().is_some() {
        return Ok(());
    }
    // Kept for the life of the app: the catalogue is borrowed by every rendered word.
    let text: &'static str = Box::leak(text.into_boxed_str());
    let parsed = checked_results(lang, text)?;
    let _ = lang.results_cell().set(parsed);
    Ok(())
}

/// The parsed catalogue, if the fetched text is one: an empty file or one with a malformed line
/// (an error page, a truncated download) is refused, so that no page shows raw keys. Which keys
/// the files hold is checked by the parity tests on the files themselves.
fn checked_results(lang: Lang, text: &'static str) -> Result<Parsed<'static>, String> {
    let parsed = catalogue::parse(text);
    if !parsed.errors.is_empty() || parsed.entries.is_empty() {
        return Err(format!("{} is not a valid catalogue", lang.results_file()));
    }
    Ok(parsed)
}

/// The words for `key` in `lang`, from the start-page catalogue or the questions-and-results
/// catalogue, if present.
pub fn lookup(lang: Lang, key: &str) -> Option<&'static str> {
    lang.catalogue()
        .get(key)
        .or_else(|| lang.results().and_then(|r| r.get(key)))
}

/// The text for `key` in `lang`, or the key itself when the catalogue lacks it.
///
/// Placeholders are left as written; use [`tr_with`] to fill them.
///
/// ```
/// use residence_checker::text::{tr, Lang};
/// assert_eq!(tr(Lang::En, "lang.name"), "English");
/// assert_eq!(tr(Lang::Nb, "no.such.key"), "no.such.key");
/// ```
pub fn tr(lang: Lang, key: &str) -> &str {
    lookup(lang, key).unwrap_or(key)
}

/// The text for `key` in `lang` with its `{placeholders}` filled from `args` and `\n` turned
/// into line breaks.
///
/// ```
/// use residence_checker::text::{tr_with, Lang};
/// assert_eq!(
///     tr_with(Lang::En, "title.page", &[("page", "Start")]),
///     "Start – Residence card checker"
/// );
/// ```
pub fn tr_with(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    catalogue::fill(tr(lang, key), args)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// Both catalogue files of a language: (file name, parsed).
    fn files(lang: Lang) -> Vec<(String, &'static Parsed<'static>)> {
        let mut files = vec![(format!("{}.txt", lang.code()), lang.catalogue())];
        if let Some(results) = lang.results() {
            files.push((lang.results_file().to_string(), results));
        }
        files
    }

    #[test]
    fn every_catalogue_parses_without_errors() {
        for lang in Lang::ALL {
            assert_eq!(files(lang).len(), 2, "natively both files are embedded");
            for (name, parsed) in files(lang) {
                let errors = &parsed.errors;
                assert!(errors.is_empty(), "{name} has malformed lines: {errors:?}");
            }
        }
    }

    #[test]
    fn every_language_has_the_same_keys_and_placeholders() {
        for (index, (en_name, reference)) in files(Lang::En).into_iter().enumerate() {
            for lang in Lang::ALL {
                let (name, other) = files(lang)[index].clone();
                let a: BTreeSet<_> = reference.keys().collect();
                let b: BTreeSet<_> = other.keys().collect();
                let only_en: Vec<_> = a.difference(&b).collect();
                let only_other: Vec<_> = b.difference(&a).collect();
                assert!(
                    only_en.is_empty() && only_other.is_empty(),
                    "keys differ between {en_name} and {name}: only in en {only_en:?}, only in {} {only_other:?}",
                    lang.code()
                );
                for entry in &reference.entries {
                    let theirs = other.get(entry.key).unwrap_or_default();
                    assert_eq!(
                        catalogue::placeholders(entry.value),
                        catalogue::placeholders(theirs),
                        "placeholders of `{}` differ between {en_name} and {name}",
                        entry.key
                    );
                }
            }
        }
    }

    #[test]
    fn no_key_is_in_both_files_of_a_language() {
        for lang in Lang::ALL {
            let base: BTreeSet<_> = lang.catalogue().keys().collect();
            let results: BTreeSet<_> = lang
                .results()
                .map(|r| r.keys().collect())
                .unwrap_or_default();
            let both: Vec<_> = base.intersection(&results).collect();
            assert!(
                both.is_empty(),
                "{} keys in both files: {both:?}",
                lang.code()
            );
        }
    }

    #[test]
    fn a_fetched_catalogue_that_is_empty_or_malformed_is_refused() {
        assert!(checked_results(Lang::En, "<!doctype html><h1>Not found</h1>").is_err());
        assert!(checked_results(Lang::En, "").is_err());
        assert!(checked_results(Lang::En, "ui.back = Back\nbroken line").is_err());
        assert!(checked_results(Lang::Nb, "ui.back = Tilbake\n").is_ok());
        // Natively the results are embedded, so installing keeps them and succeeds.
        assert_eq!(install_results(Lang::En, "not a catalogue".into()), Ok(()));
        assert!(Lang::En
            .results()
            .is_some_and(|r| r.get("ui.back").is_some()));
    }

    #[test]
    fn no_value_is_empty() {
        for lang in Lang::ALL {
            for entry in &lang.catalogue().entries {
                assert!(
                    !entry.value.is_empty(),
                    "{}.txt: `{}` is empty",
                    lang.code(),
                    entry.key
                );
            }
        }
    }

    #[test]
    fn each_language_names_itself() {
        assert_eq!(tr(Lang::En, "lang.name"), "English");
        assert_eq!(tr(Lang::Nb, "lang.name"), "Norsk bokmål");
    }
}
