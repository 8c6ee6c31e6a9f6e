//! CLDR plural categories for whole numbers, per language: which form of a counted word
//! ("1 day", "2 days"; Ukrainian "1 день", "2 дні", "5 днів") a number takes. Pure; may import
//! nothing but [`super::Lang`].
//!
//! The rules are those of the Unicode CLDR plural rules (`plurals.xml`, cardinal) for integers
//! (`i = n`, `v = 0`), written out by hand: four small functions instead of a crate keeps the
//! first load small, and the tests below pin each rule on the numbers CLDR gives as examples.
//! A catalogue writes one key per category, `plural.<word>.<category>`; the completeness test
//! in [`super`] checks that each language has exactly its categories.

use super::Lang;

/// A CLDR plural category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Plural {
    /// Arabic 0.
    Zero,
    /// English and bokmål 1; Ukrainian 1, 21, 31…; Arabic 1.
    One,
    /// Arabic 2.
    Two,
    /// Ukrainian 2–4, 22–24…; Arabic 3–10, 103–110…
    Few,
    /// Ukrainian 0, 5–20, 25–30…; Arabic 11–99, 111–199…
    Many,
    /// Everything else.
    Other,
}

impl Plural {
    /// The category's name as written in catalogue keys: `zero`, `one`, `two`, `few`, `many`,
    /// `other`.
    pub fn name(self) -> &'static str {
        match self {
            Plural::Zero => "zero",
            Plural::One => "one",
            Plural::Two => "two",
            Plural::Few => "few",
            Plural::Many => "many",
            Plural::Other => "other",
        }
    }

    /// The categories `lang` uses for whole numbers, each once, in CLDR order.
    pub fn categories(lang: Lang) -> &'static [Plural] {
        use Plural::*;
        match lang {
            Lang::En | Lang::Nb | Lang::Nn => &[One, Other],
            Lang::Uk => &[One, Few, Many, Other],
            Lang::Ar => &[Zero, One, Two, Few, Many, Other],
        }
    }

    /// The category of the whole number `n` in `lang`. Negative numbers take the category of
    /// their absolute value.
    ///
    /// ```
    /// use residence_core::text::{plural::Plural, Lang};
    /// assert_eq!(Plural::of(Lang::En, 1), Plural::One);
    /// assert_eq!(Plural::of(Lang::Uk, 22), Plural::Few);
    /// assert_eq!(Plural::of(Lang::Ar, 11), Plural::Many);
    /// ```
    pub fn of(lang: Lang, n: i64) -> Plural {
        let n = n.unsigned_abs();
        let (n10, n100) = (n % 10, n % 100);
        match lang {
            // one: i = 1 and v = 0.
            Lang::En | Lang::Nb | Lang::Nn => {
                if n == 1 {
                    Plural::One
                } else {
                    Plural::Other
                }
            }
            // one: n % 10 = 1 and n % 100 != 11; few: n % 10 = 2..4 and n % 100 != 12..14;
            // many: n % 10 = 0, or n % 10 = 5..9, or n % 100 = 11..14.
            Lang::Uk => {
                if n10 == 1 && n100 != 11 {
                    Plural::One
                } else if (2..=4).contains(&n10) && !(12..=14).contains(&n100) {
                    Plural::Few
                } else {
                    Plural::Many
                }
            }
            // zero: n = 0; one: n = 1; two: n = 2; few: n % 100 = 3..10; many: n % 100 = 11..99.
            Lang::Ar => match (n, n100) {
                (0, _) => Plural::Zero,
                (1, _) => Plural::One,
                (2, _) => Plural::Two,
                (_, 3..=10) => Plural::Few,
                (_, 11..=99) => Plural::Many,
                _ => Plural::Other,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Plural::{self, *};
    use super::*;

    const NUMBERS: [i64; 8] = [0, 1, 2, 3, 11, 21, 100, 101];

    fn row(lang: Lang) -> Vec<Plural> {
        NUMBERS.iter().map(|&n| Plural::of(lang, n)).collect()
    }

    #[test]
    fn english_bokmal_and_nynorsk_have_one_and_other() {
        let expected = [Other, One, Other, Other, Other, Other, Other, Other];
        assert_eq!(row(Lang::En), expected);
        assert_eq!(row(Lang::Nb), expected);
        assert_eq!(row(Lang::Nn), expected);
    }

    #[test]
    fn ukrainian_has_one_few_many() {
        assert_eq!(
            row(Lang::Uk),
            [Many, One, Few, Few, Many, One, Many, One],
            "0 днів, 1 день, 2 дні, 3 дні, 11 днів, 21 день, 100 днів, 101 день"
        );
        assert_eq!(Plural::of(Lang::Uk, 12), Many);
        assert_eq!(Plural::of(Lang::Uk, 24), Few);
        assert_eq!(Plural::of(Lang::Uk, 111), Many);
    }

    #[test]
    fn arabic_has_all_six() {
        assert_eq!(
            row(Lang::Ar),
            [Zero, One, Two, Few, Many, Many, Other, Other]
        );
        assert_eq!(Plural::of(Lang::Ar, 10), Few);
        assert_eq!(Plural::of(Lang::Ar, 103), Few);
        assert_eq!(Plural::of(Lang::Ar, 199), Many);
        assert_eq!(Plural::of(Lang::Ar, 1000), Other);
    }

    #[test]
    fn every_category_a_rule_gives_is_one_the_language_lists() {
        for lang in Lang::ALL {
            for n in -5..=1200 {
                assert!(Plural::categories(lang).contains(&Plural::of(lang, n)));
            }
        }
    }
}
