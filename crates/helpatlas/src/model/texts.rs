//! A record's texts in other languages than the one it was written in. Names are never translated
//! (they stay as the organisation writes them); descriptions and eligibility notes are.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

/// The language the records' own texts are written in, unless a record says otherwise: the bundled
/// directory and the editors' forms are in English.
pub const ORIGINAL_LANGUAGE: &str = "en";

/// Longest translated description, as for the original.
pub const MAX_DESCRIPTION_CHARS: usize = 2000;
/// Longest translated eligibility note, as for the original (the editors' form's limit).
pub const MAX_NOTE_CHARS: usize = 1000;

/// A BCP 47 language tag of the shapes the directory uses: an ISO 639 language (2 or 3 lowercase
/// letters), optionally a script (`Hant`) and a region (`BR`, `419`), in canonical case.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct LanguageTag(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a language tag (ISO 639 code, optionally with a script and region: `nb`, `zh-Hant`, `pt-BR`)")]
pub struct BadLanguageTag(pub String);

impl LanguageTag {
    /// [`ORIGINAL_LANGUAGE`] as a tag.
    pub fn original() -> LanguageTag {
        LanguageTag(ORIGINAL_LANGUAGE.to_string())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The ISO 639 part: `pt` of `pt-BR`.
    pub fn language(&self) -> &str {
        self.0.split('-').next().unwrap_or(&self.0)
    }
}

impl FromStr for LanguageTag {
    type Err = BadLanguageTag;

    fn from_str(text: &str) -> Result<LanguageTag, BadLanguageTag> {
        let bad = || BadLanguageTag(text.to_string());
        let mut parts = text.split('-');
        let language = parts.next().filter(|l| is_alpha(l, 2..=3)).ok_or_else(bad)?;
        let mut tag = language.to_ascii_lowercase();
        let mut rest: Vec<&str> = parts.collect();
        if let Some(script) = rest.first().filter(|s| is_alpha(s, 4..=4)) {
            tag.push('-');
            tag.push_str(&script[..1].to_ascii_uppercase());
            tag.push_str(&script[1..].to_ascii_lowercase());
            rest.remove(0);
        }
        match rest.as_slice() {
            [] => {}
            [region]
                if is_alpha(region, 2..=2) || (region.len() == 3 && region.bytes().all(|b| b.is_ascii_digit())) =>
            {
                tag.push('-');
                tag.push_str(&region.to_ascii_uppercase());
            }
            _ => return Err(bad()),
        }
        Ok(LanguageTag(tag))
    }
}

fn is_alpha(part: &str, lengths: std::ops::RangeInclusive<usize>) -> bool {
    lengths.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_alphabetic())
}

impl TryFrom<String> for LanguageTag {
    type Error = BadLanguageTag;

    fn try_from(text: String) -> Result<LanguageTag, BadLanguageTag> {
        text.parse()
    }
}

impl From<LanguageTag> for String {
    fn from(tag: LanguageTag) -> String {
        tag.0
    }
}

impl fmt::Display for LanguageTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An organization's description in one language.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrganizationTexts {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// A service's translatable texts in one language; a text left `None` shows in the original.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceTexts {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eligibility_note: Option<String>,
}

/// One text's problem: empty, or longer than its field allows.
fn text_problem(field: &'static str, text: Option<&str>, max: usize) -> Option<(&'static str, String)> {
    let text = text?;
    if text.trim().is_empty() {
        Some((field, "must not be empty".to_string()))
    } else if text.chars().count() > max {
        Some((field, format!("is longer than {max} characters")))
    } else {
        None
    }
}

/// The texts of one language of a record, checked the same way wherever they come from.
pub trait TextSet {
    /// What is wrong with these texts, as (field, message): the one check of every translation that
    /// comes in (data files, HSDS imports).
    fn problems(&self) -> Vec<(&'static str, String)>;
}

/// Every problem of a record's translations, as "language field: message".
pub fn translation_problems<T: TextSet>(translations: &Translations<T>) -> Vec<String> {
    let each = translations.iter().flat_map(|(tag, texts)| {
        texts.problems().into_iter().map(move |(field, message)| format!("{tag} {field}: {message}"))
    });
    each.collect()
}

impl TextSet for OrganizationTexts {
    fn problems(&self) -> Vec<(&'static str, String)> {
        let mut problems: Vec<_> =
            text_problem("description", self.description.as_deref(), MAX_DESCRIPTION_CHARS).into_iter().collect();
        if self.description.is_none() {
            problems.push(("description", "is missing".to_string()));
        }
        problems
    }
}

impl TextSet for ServiceTexts {
    fn problems(&self) -> Vec<(&'static str, String)> {
        let mut problems: Vec<_> = [
            text_problem("description", self.description.as_deref(), MAX_DESCRIPTION_CHARS),
            text_problem("eligibility_note", self.eligibility_note.as_deref(), MAX_NOTE_CHARS),
        ]
        .into_iter()
        .flatten()
        .collect();
        if self.description.is_none() && self.eligibility_note.is_none() {
            problems.push(("description", "a translation needs a description or an eligibility_note".to_string()));
        }
        problems
    }
}

/// Texts by language.
pub type Translations<T> = BTreeMap<LanguageTag, T>;

/// A text to show and the language it is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Localized<'a> {
    pub text: &'a str,
    pub language: &'a str,
}

impl Localized<'_> {
    /// Whether the text is in another language than the page's (and should be marked as such).
    pub fn differs_from(&self, page_language: &str) -> bool {
        primary(self.language) != primary(page_language)
    }
}

fn primary(tag: &str) -> &str {
    tag.split('-').next().unwrap_or(tag)
}

/// The best of `translations` for `wanted`: the exact tag, else one of the same language (`pt` for
/// `pt-BR`, `zh-Hant` for `zh`), else the `original` in [`ORIGINAL_LANGUAGE`].
pub fn pick<'a, T>(
    translations: &'a Translations<T>,
    wanted: &str,
    original: &'a str,
    text: impl Fn(&'a T) -> Option<&'a str>,
) -> Localized<'a> {
    let exact = translations.iter().find(|(tag, _)| tag.as_str().eq_ignore_ascii_case(wanted));
    let same_language = || translations.iter().find(|(tag, _)| tag.language() == primary(wanted));
    exact
        .into_iter()
        .chain(same_language())
        .find_map(|(tag, texts)| text(texts).map(|t| Localized { text: t, language: tag.as_str() }))
        .filter(|_| primary(wanted) != ORIGINAL_LANGUAGE)
        .unwrap_or(Localized { text: original, language: ORIGINAL_LANGUAGE })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags_are_checked_and_put_in_canonical_case() {
        let ok = |t: &str| t.parse::<LanguageTag>().map(|t| t.to_string());
        assert_eq!(ok("nb"), Ok("nb".into()));
        assert_eq!(ok("zh-hant"), Ok("zh-Hant".into()));
        assert_eq!(ok("pt-br"), Ok("pt-BR".into()));
        assert_eq!(ok("sr-Latn-RS"), Ok("sr-Latn-RS".into()));
        assert_eq!(ok("es-419"), Ok("es-419".into()));
        assert_eq!(ok("fil"), Ok("fil".into()));
        for bad in ["", "n", "norsk", "nb_NO", "nb-", "pt-BRA", "12", "zh-Hant-TW-x"] {
            assert!(bad.parse::<LanguageTag>().is_err(), "{bad}");
        }
    }

    #[test]
    fn the_page_language_picks_its_text_or_the_original() {
        let mut t: Translations<ServiceTexts> = Translations::new();
        let nb = ServiceTexts { description: Some("Hei".into()), eligibility_note: None };
        t.insert("nb".parse().expect("tag"), nb);
        t.insert("pt-BR".parse().expect("tag"), ServiceTexts { description: Some("Olá".into()), ..Default::default() });
        fn description(s: &ServiceTexts) -> Option<&str> {
            s.description.as_deref()
        }
        assert_eq!(pick(&t, "nb", "Hi", description), Localized { text: "Hei", language: "nb" });
        assert_eq!(pick(&t, "pt", "Hi", description), Localized { text: "Olá", language: "pt-BR" });
        assert_eq!(pick(&t, "de", "Hi", description), Localized { text: "Hi", language: "en" });
        fn note(s: &ServiceTexts) -> Option<&str> {
            s.eligibility_note.as_deref()
        }
        assert_eq!(pick(&t, "nb", "Adults", note), Localized { text: "Adults", language: "en" });
        assert!(pick(&t, "de", "Hi", description).differs_from("de"));
        assert!(!pick(&t, "en-GB", "Hi", description).differs_from("en-GB"));
    }
}
