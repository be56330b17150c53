//! The interface languages, how a visitor's language is chosen, and which one a country's pages
//! start in.

use crate::model::CountryCode;
use icu_locale::LocaleExpander;
use unic_langid::LanguageIdentifier;

/// A language the site's own text is written in. The pseudo-locale is English with every letter
/// accented and 40% more length: a test language that shows untranslated text and layouts too tight
/// for longer translations; it is never offered to visitors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Language {
    English,
    Spanish,
    French,
    German,
    Portuguese,
    Italian,
    Dutch,
    NorwegianBokmal,
    Swedish,
    Polish,
    Arabic,
    Japanese,
    Pseudo,
}

impl Language {
    /// The languages offered to visitors, in the switcher's order.
    pub const INTERFACE: [Language; 12] = [
        Language::English,
        Language::Spanish,
        Language::French,
        Language::German,
        Language::Portuguese,
        Language::Italian,
        Language::Dutch,
        Language::NorwegianBokmal,
        Language::Swedish,
        Language::Polish,
        Language::Arabic,
        Language::Japanese,
    ];

    /// Every catalogue: the interface languages, then the pseudo-locale.
    pub const ALL: [Language; 13] = {
        let mut all = [Language::Pseudo; 13];
        let mut i = 0;
        while i < Language::INTERFACE.len() {
            all[i] = Language::INTERFACE[i];
            i += 1;
        }
        all
    };

    /// The BCP 47 tag: the value of `hl=` and of `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Spanish => "es",
            Language::French => "fr",
            Language::German => "de",
            Language::Portuguese => "pt",
            Language::Italian => "it",
            Language::Dutch => "nl",
            Language::NorwegianBokmal => "nb",
            Language::Swedish => "sv",
            Language::Polish => "pl",
            Language::Arabic => "ar",
            Language::Japanese => "ja",
            Language::Pseudo => "en-XA",
        }
    }

    /// The language of an `hl=` value, which is exactly one of the codes above.
    pub fn from_code(code: &str) -> Option<Language> {
        Language::ALL.into_iter().find(|l| l.code() == code)
    }

    pub fn is_right_to_left(self) -> bool {
        self == Language::Arabic
    }

    /// The value of the `dir` attribute.
    pub fn dir(self) -> &'static str {
        if self.is_right_to_left() {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// The language a country's pages start in: the country's most likely language by CLDR (Norway →
    /// Norwegian Bokmål, Egypt → Arabic, Switzerland → German), or English when the site does not
    /// speak it.
    pub fn of_country(country: CountryCode) -> Language {
        let Ok(mut likely) = format!("und-{}", country.as_str()).parse::<icu_locale::LanguageIdentifier>() else {
            return Language::English;
        };
        LocaleExpander::new_extended().maximize(&mut likely);
        Language::INTERFACE.into_iter().find(|l| l.code() == likely.language.as_str()).unwrap_or(Language::English)
    }

    /// The best interface language for an `Accept-Language` header, if any of its languages is one.
    /// Norwegian without a written standard (`no`) is read as Bokmål, which nearly all Norwegians write.
    pub fn negotiate(accept_language: &str) -> Option<Language> {
        let requested: Vec<LanguageIdentifier> = fluent_langneg::accepted_languages::parse(accept_language)
            .into_iter()
            .map(|mut id| {
                if id.language.as_str() == "no" {
                    id.language = unic_langid::subtags::Language::from_bytes(b"nb").unwrap_or(id.language);
                }
                id
            })
            .collect();
        let available: Vec<LanguageIdentifier> =
            Language::INTERFACE.iter().filter_map(|l| l.code().parse().ok()).collect();
        let chosen = fluent_langneg::negotiate_languages(
            &requested,
            &available,
            None,
            fluent_langneg::NegotiationStrategy::Lookup,
        );
        let first = chosen.first()?;
        Language::INTERFACE.into_iter().find(|l| l.code() == first.language.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn country(code: &str) -> CountryCode {
        code.parse().expect("country code")
    }

    #[test]
    fn a_country_starts_in_its_main_language() {
        assert_eq!(Language::of_country(country("NO")), Language::NorwegianBokmal);
        assert_eq!(Language::of_country(country("EG")), Language::Arabic);
        assert_eq!(Language::of_country(country("JP")), Language::Japanese);
        assert_eq!(Language::of_country(country("BR")), Language::Portuguese);
        assert_eq!(Language::of_country(country("AT")), Language::German);
        assert_eq!(Language::of_country(country("BE")), Language::Dutch);
        assert_eq!(Language::of_country(country("MX")), Language::Spanish);
        assert_eq!(Language::of_country(country("FI")), Language::English, "Finnish is not offered");
        assert_eq!(Language::of_country(country("GB")), Language::English);
    }

    #[test]
    fn accept_language_picks_the_best_offered_language() {
        assert_eq!(Language::negotiate("ja-JP,ja;q=0.9,en;q=0.5"), Some(Language::Japanese));
        assert_eq!(Language::negotiate("fi, sv;q=0.8"), Some(Language::Swedish));
        assert_eq!(Language::negotiate("no"), Some(Language::NorwegianBokmal));
        assert_eq!(Language::negotiate("pt-BR"), Some(Language::Portuguese));
        assert_eq!(Language::negotiate("ar-EG,ar;q=0.9"), Some(Language::Arabic));
        assert_eq!(Language::negotiate("fi, ko"), None);
        assert_eq!(Language::negotiate("garbage;;q=x"), None);
    }

    #[test]
    fn codes_round_trip_and_the_pseudo_locale_is_not_offered() {
        for l in Language::ALL {
            assert_eq!(Language::from_code(l.code()), Some(l));
        }
        assert!(!Language::INTERFACE.contains(&Language::Pseudo));
        assert_eq!(Language::from_code("es-ES"), None);
        assert_eq!(Language::from_code("no"), None, "Norway's code is not a language of this site");
    }
}
