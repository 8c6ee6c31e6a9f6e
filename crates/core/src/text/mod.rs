//! Every word a user sees, per language, loaded from catalogue files. May import `domain` and
//! `engine`.
//!
//! Each language ([`Lang`]: English, bokmål, nynorsk, Ukrainian, Arabic) has two files in `src/text/`,
//! in the line format described in [`catalogue`] ([`Part`]): `<lang>.txt`, the start page and
//! page shell, and `<lang>.result.txt`, the questions and results. Natively all are embedded;
//! the browser app embeds only English's start page (without comments, by `build.rs`) and
//! fetches the others when the reader needs them (see [`Lang::words`]). [`render`]
//! turns engine output into words, [`plural`] picks a counted word's form. A translator edits
//! those files only (`docs/translating.md`).
//!
//! The tests below fail when the languages differ in their keys or in the placeholders of any
//! entry, when a counted word lacks a plural form of its language, when a review mark is
//! missing, or when a line is malformed. At run time a missing key shows the key itself, so a
//! gap is visible instead of silent.

pub mod catalogue;
pub mod plural;
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
    /// Norwegian nynorsk.
    Nn,
    /// Ukrainian.
    Uk,
    /// Arabic, written right to left.
    Ar,
}

impl Lang {
    /// Every language, in the order the language switch shows them.
    pub const ALL: [Lang; 5] = [Lang::En, Lang::Nb, Lang::Nn, Lang::Uk, Lang::Ar];

    /// The BCP 47 code, as used in the `lang` attribute and in `?lang=`: `"en"`, `"nb"`,
    /// `"nn"`, `"uk"` or `"ar"`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Nb => "nb",
            Lang::Nn => "nn",
            Lang::Uk => "uk",
            Lang::Ar => "ar",
        }
    }

    /// The writing direction, as used in the `dir` attribute: `"rtl"` for Arabic, else
    /// `"ltr"`.
    pub fn dir(self) -> &'static str {
        if self.is_rtl() {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// Whether the language is written right to left.
    pub fn is_rtl(self) -> bool {
        matches!(self, Lang::Ar)
    }

    /// Whether a native speaker has reviewed this language's catalogues, as their header entry
    /// `meta.reviewed` says (`source` for English, the language the texts are written in). An
    /// unreviewed language shows `start.unreviewed` on the start page and the print. Read from
    /// the language's own catalogues only (not English's stand-in while they load): a language
    /// whose words are not there is not taken as reviewed.
    pub fn reviewed(self) -> bool {
        let mark = [Part::Start, Part::Results]
            .into_iter()
            .find_map(|part| self.words(part)?.get("meta.reviewed"));
        matches!(mark, Some("yes" | "source"))
    }

    /// The primary language subtags each language answers to, for [`Lang::from_tag`] and for
    /// the boot script, which picks the language before the app runs (the build writes this
    /// table into the page). Norwegian without a written standard (`no`) gets bokmål, the
    /// standard most readers use; nynorsk (`nn`) gets nynorsk.
    pub const TAGS: [(&'static str, Lang); 6] = [
        ("en", Lang::En),
        ("nb", Lang::Nb),
        ("no", Lang::Nb),
        ("nn", Lang::Nn),
        ("uk", Lang::Uk),
        ("ar", Lang::Ar),
    ];

    /// The language for a BCP 47 tag such as `nb-NO`, if the checker speaks it (by its primary
    /// subtag, [`Lang::TAGS`]).
    ///
    /// ```
    /// use residence_core::text::Lang;
    /// assert_eq!(Lang::from_tag("nb-NO"), Some(Lang::Nb));
    /// assert_eq!(Lang::from_tag("nn-NO"), Some(Lang::Nn));
    /// assert_eq!(Lang::from_tag("no"), Some(Lang::Nb));
    /// assert_eq!(Lang::from_tag("en-GB"), Some(Lang::En));
    /// assert_eq!(Lang::from_tag("ar-SY"), Some(Lang::Ar));
    /// assert_eq!(Lang::from_tag("pl"), None);
    /// ```
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        Lang::TAGS
            .iter()
            .find(|(t, _)| t.eq_ignore_ascii_case(primary))
            .map(|&(_, lang)| lang)
    }

    /// The first language in the reader's preference list that the checker speaks, else
    /// English.
    ///
    /// ```
    /// use residence_core::text::Lang;
    /// assert_eq!(Lang::negotiate(["pl-PL", "nb"]), Lang::Nb);
    /// assert_eq!(Lang::negotiate(["de"]), Lang::En);
    /// ```
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Lang {
        preferred
            .into_iter()
            .find_map(Lang::from_tag)
            .unwrap_or(Lang::En)
    }

    /// The language's name in itself, as the language switch shows it on every page (not a
    /// translated word, so not in the catalogues: the switch needs all five before any
    /// language but English is fetched).
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Nb => "Norsk bokmål",
            Lang::Nn => "Norsk nynorsk",
            Lang::Uk => "Українська",
            Lang::Ar => "العربية",
        }
    }

    /// The file name of one of the language's catalogues (`en.txt`, `nb.result.txt`, …),
    /// served from `text/` in the browser.
    pub fn file(self, part: Part) -> String {
        match part {
            Part::Start => format!("{}.txt", self.code()),
            Part::Results => format!("{}.result.txt", self.code()),
        }
    }

    /// The catalogue's text where it is compiled in: natively every catalogue; in the browser
    /// only the English start page, so the first page needs no fetch and the first load holds
    /// no other language (each `<lang>.txt` without its comments, see build.rs).
    fn embedded(self, part: Part) -> Option<&'static str> {
        #[cfg(not(target_arch = "wasm32"))]
        {
            Some(match (part, self) {
                (Part::Start, Lang::En) => include_str!(concat!(env!("OUT_DIR"), "/en.txt")),
                (Part::Start, Lang::Nb) => include_str!(concat!(env!("OUT_DIR"), "/nb.txt")),
                (Part::Start, Lang::Nn) => include_str!(concat!(env!("OUT_DIR"), "/nn.txt")),
                (Part::Start, Lang::Uk) => include_str!(concat!(env!("OUT_DIR"), "/uk.txt")),
                (Part::Start, Lang::Ar) => include_str!(concat!(env!("OUT_DIR"), "/ar.txt")),
                (Part::Results, Lang::En) => include_str!("en.result.txt"),
                (Part::Results, Lang::Nb) => include_str!("nb.result.txt"),
                (Part::Results, Lang::Nn) => include_str!("nn.result.txt"),
                (Part::Results, Lang::Uk) => include_str!("uk.result.txt"),
                (Part::Results, Lang::Ar) => include_str!("ar.result.txt"),
            })
        }
        #[cfg(target_arch = "wasm32")]
        {
            (part == Part::Start && self == Lang::En)
                .then_some(include_str!(concat!(env!("OUT_DIR"), "/en.txt")))
        }
    }

    fn cell(self, part: Part) -> &'static OnceLock<Parsed<'static>> {
        static CELLS: [[OnceLock<Parsed<'static>>; 2]; Lang::ALL.len()] =
            [const { [const { OnceLock::new() }; 2] }; Lang::ALL.len()];
        &CELLS[self as usize][part as usize]
    }

    /// One of the language's parsed catalogues, if available: an embedded one (parsed on
    /// first use), or one [`install`]ed after it was fetched.
    pub fn words(self, part: Part) -> Option<&'static Parsed<'static>> {
        let cell = self.cell(part);
        if let Some(parsed) = cell.get() {
            return Some(parsed);
        }
        let source = self.embedded(part)?;
        Some(cell.get_or_init(|| catalogue::parse(source)))
    }
}

/// A language's two catalogue files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// `<lang>.txt`: the start page and page shell.
    Start,
    /// `<lang>.result.txt`: the questions and results, fetched after Start in the browser (it
    /// is most of the words; keeping it out of the first load keeps that within budget).
    Results,
}

/// Installs a fetched catalogue of `lang`. A file with malformed lines is refused (its words
/// would show as keys); installing twice keeps the first.
pub fn install(lang: Lang, part: Part, text: String) -> Result<(), String> {
    if lang.words(part).is_some() {
        return Ok(());
    }
    // Kept for the life of the app: the catalogue is borrowed by every rendered word.
    let text: &'static str = Box::leak(text.into_boxed_str());
    let parsed = checked(lang, part, text)?;
    let _ = lang.cell(part).set(parsed);
    Ok(())
}

/// The parsed catalogue, if the fetched text is one: an empty file or one with a malformed line
/// (an error page, a truncated download) is refused, so that no page shows raw keys. Which keys
/// the files hold is checked by the parity tests on the files themselves.
fn checked(lang: Lang, part: Part, text: &'static str) -> Result<Parsed<'static>, String> {
    let parsed = catalogue::parse(text);
    if !parsed.errors.is_empty() || parsed.entries.is_empty() {
        return Err(format!("{} is not a valid catalogue", lang.file(part)));
    }
    Ok(parsed)
}

/// The words for `key` in `lang`, from the start-page catalogue or the questions-and-results
/// catalogue, if present. Until the start page of `lang` has been fetched (or if it could not
/// be), its words are English's, so that no page ever shows keys (see `ui::App`).
pub fn lookup(lang: Lang, key: &str) -> Option<&'static str> {
    let start = lang
        .words(Part::Start)
        .or_else(|| Lang::En.words(Part::Start));
    start
        .and_then(|s| s.get(key))
        .or_else(|| lang.words(Part::Results).and_then(|r| r.get(key)))
}

/// The text for `key` in `lang`, or the key itself when the catalogue lacks it.
///
/// Placeholders are left as written; use [`tr_with`] to fill them.
///
/// ```
/// use residence_core::text::{tr, Lang};
/// assert_eq!(tr(Lang::En, "words.retry"), "Try again");
/// assert_eq!(tr(Lang::Nb, "no.such.key"), "no.such.key");
/// ```
pub fn tr(lang: Lang, key: &str) -> &str {
    lookup(lang, key).unwrap_or(key)
}

/// The text for `key` in `lang` with its `{placeholders}` filled from `args` and `\n` turned
/// into line breaks.
///
/// ```
/// use residence_core::text::{tr_with, Lang};
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
    use super::plural::Plural;
    use super::*;
    use std::collections::BTreeSet;

    /// Both catalogue files of a language: (file name, parsed).
    fn files(lang: Lang) -> Vec<(String, &'static Parsed<'static>)> {
        [Part::Start, Part::Results]
            .into_iter()
            .filter_map(|part| Some((lang.file(part), lang.words(part)?)))
            .collect()
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

    /// A counted word's family and category: `plural.days.few` is `("plural.days", "few")`.
    fn plural_family(key: &str) -> Option<(&str, &str)> {
        key.strip_prefix("plural.")?;
        key.rsplit_once('.')
    }

    /// The keys of a catalogue with each counted word's forms folded into its family.
    fn folded_keys<'a>(parsed: &'a Parsed<'a>) -> BTreeSet<&'a str> {
        parsed
            .keys()
            .map(|k| plural_family(k).map_or(k, |(family, _)| family))
            .collect()
    }

    #[test]
    fn every_language_has_the_same_keys_and_placeholders() {
        for (index, (en_name, reference)) in files(Lang::En).into_iter().enumerate() {
            for lang in Lang::ALL {
                let (name, other) = files(lang)[index].clone();
                let a = folded_keys(reference);
                let b = folded_keys(other);
                let only_en: Vec<_> = a.difference(&b).collect();
                let only_other: Vec<_> = b.difference(&a).collect();
                assert!(
                    only_en.is_empty() && only_other.is_empty(),
                    "keys differ between {en_name} and {name}: only in en {only_en:?}, only in {} {only_other:?}",
                    lang.code()
                );
                for entry in &reference.entries {
                    if plural_family(entry.key).is_some() {
                        continue;
                    }
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
    fn every_counted_word_has_exactly_the_plural_forms_of_its_language() {
        for lang in Lang::ALL {
            let wanted: BTreeSet<&str> =
                Plural::categories(lang).iter().map(|c| c.name()).collect();
            for (name, parsed) in files(lang) {
                let mut families: std::collections::BTreeMap<&str, BTreeSet<&str>> =
                    Default::default();
                for entry in &parsed.entries {
                    if let Some((family, category)) = plural_family(entry.key) {
                        families.entry(family).or_default().insert(category);
                        assert_eq!(
                            catalogue::placeholders(entry.value),
                            Some(BTreeSet::from(["n"])),
                            "{name}: `{}` must use {{n}} and nothing else",
                            entry.key
                        );
                    }
                }
                for (family, have) in families {
                    assert_eq!(have, wanted, "{name}: the forms of `{family}`");
                }
            }
        }
    }

    #[test]
    fn counted_words_follow_the_plural_rules_in_every_language() {
        use render::format_count;
        let forms = |lang| [0, 1, 2, 3, 11, 21, 100, 101].map(|n| format_count(lang, "days", n));
        assert_eq!(
            forms(Lang::En),
            ["0 days", "1 day", "2 days", "3 days", "11 days", "21 days", "100 days", "101 days"]
        );
        assert_eq!(
            forms(Lang::Nb),
            [
                "0 dager",
                "1 dag",
                "2 dager",
                "3 dager",
                "11 dager",
                "21 dager",
                "100 dager",
                "101 dager"
            ]
        );
        assert_eq!(
            forms(Lang::Nn),
            [
                "0 dagar",
                "1 dag",
                "2 dagar",
                "3 dagar",
                "11 dagar",
                "21 dagar",
                "100 dagar",
                "101 dagar"
            ]
        );
        for lang in [Lang::Uk, Lang::Ar] {
            for (n, words) in [0, 1, 2, 3, 11, 21, 100, 101].into_iter().zip(forms(lang)) {
                let category = Plural::of(lang, n).name();
                let template = lookup(lang, &format!("plural.days.{category}")).unwrap_or_default();
                assert_eq!(
                    words,
                    catalogue::fill(template, &[("n", &render::isolate(lang, n.to_string()))]),
                    "{} {n}: the `{category}` form",
                    lang.code()
                );
                assert!(
                    words.contains(&n.to_string()),
                    "{} {n}: {words}",
                    lang.code()
                );
            }
        }
        // Ukrainian 1, 2 and 5 days take three different forms; 21 takes the form of 1.
        let uk = forms(Lang::Uk);
        assert_ne!(uk[1].replace('1', ""), uk[2].replace('2', ""));
        assert_eq!(uk[1].replace('1', ""), uk[5].replace("21", ""));
        assert_eq!(uk[0].replace('0', ""), uk[4].replace("11", ""));
    }

    #[test]
    fn each_catalogue_says_whether_a_native_speaker_reviewed_it() {
        for lang in Lang::ALL {
            for (name, parsed) in files(lang) {
                let mark = parsed.get("meta.reviewed");
                assert!(
                    matches!(mark, Some("yes" | "no" | "source")),
                    "{name}: meta.reviewed is {mark:?}, must be yes, no or source"
                );
            }
            let marks: BTreeSet<_> = files(lang)
                .iter()
                .map(|(_, p)| p.get("meta.reviewed"))
                .collect();
            assert_eq!(marks.len(), 1, "{}: both files agree", lang.code());
        }
        assert!(Lang::En.reviewed());
        for lang in [Lang::Nb, Lang::Nn, Lang::Uk, Lang::Ar] {
            assert!(!lang.reviewed(), "{} is marked unreviewed", lang.code());
        }
    }

    #[test]
    fn no_key_is_in_both_files_of_a_language() {
        for lang in Lang::ALL {
            let keys = |part| -> BTreeSet<_> { lang.words(part).unwrap().keys().collect() };
            let (base, results) = (keys(Part::Start), keys(Part::Results));
            // The review mark is the one key both files carry (they must agree).
            let both: Vec<_> = base
                .intersection(&results)
                .filter(|k| **k != "meta.reviewed")
                .collect();
            assert!(
                both.is_empty(),
                "{} keys in both files: {both:?}",
                lang.code()
            );
        }
    }

    #[test]
    fn a_fetched_catalogue_that_is_empty_or_malformed_is_refused() {
        let results = Part::Results;
        assert!(checked(Lang::En, results, "<!doctype html><h1>Not found</h1>").is_err());
        assert!(checked(Lang::En, results, "").is_err());
        assert!(checked(Lang::En, results, "ui.back = Back\nbroken line").is_err());
        assert!(checked(Lang::Nb, Part::Start, "ui.back = Tilbake\n").is_ok());
        // Natively every catalogue is embedded, so installing keeps it and succeeds.
        assert_eq!(install(Lang::En, results, "not a catalogue".into()), Ok(()));
        assert!(Lang::En
            .words(results)
            .is_some_and(|r| r.get("ui.back").is_some()));
    }

    #[test]
    fn no_value_is_empty() {
        for lang in Lang::ALL {
            for entry in &lang.words(Part::Start).unwrap().entries {
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
    fn each_language_answers_to_its_own_code_and_every_tag_once() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_tag(lang.code()), Some(lang));
            assert_eq!(Lang::from_tag(&lang.code().to_uppercase()), Some(lang));
        }
        let tags: BTreeSet<_> = Lang::TAGS.iter().map(|(t, _)| *t).collect();
        assert_eq!(tags.len(), Lang::TAGS.len(), "a tag listed twice");
        assert_eq!(Lang::from_tag("nn-NO"), Some(Lang::Nn));
        assert_eq!(Lang::from_tag("no"), Some(Lang::Nb));
        assert_eq!(Lang::from_tag("nb-NO"), Some(Lang::Nb));
        assert_eq!(Lang::from_tag(""), None);
    }

    #[test]
    fn each_language_names_itself() {
        let names: Vec<_> = Lang::ALL.iter().map(|l| l.name()).collect();
        assert_eq!(
            names,
            [
                "English",
                "Norsk bokmål",
                "Norsk nynorsk",
                "Українська",
                "العربية"
            ]
        );
    }
}
