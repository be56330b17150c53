//! The message catalogue: every user-visible string of the site, by key, so that templates hold no
//! text and a translation is one more file in `locales/`.

use std::collections::HashMap;
use std::sync::OnceLock;

const ENGLISH: &str = include_str!("../locales/en.toml");

pub struct Messages {
    pub lang: &'static str,
    texts: HashMap<String, String>,
}

impl Messages {
    fn parse(lang: &'static str, source: &str) -> Result<Messages, toml::de::Error> {
        Ok(Messages { lang, texts: toml::from_str(source)? })
    }

    /// The text for `key`; a missing key shows itself, which the catalogue test prevents.
    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        self.texts.get(key).map(String::as_str).unwrap_or(key)
    }

    /// The text for `key` with `{name}` replaced by `value`.
    pub fn with(&self, key: &str, name: &str, value: &str) -> String {
        self.get(key).replace(&format!("{{{name}}}"), value)
    }

    /// The label of a vocabulary code, e.g. `label("topic", "insomnia")` → "Sleep problems".
    pub fn label<'a>(&'a self, vocabulary: &str, code: &'a str) -> &'a str {
        self.texts.get(&format!("{vocabulary}.{code}")).map(String::as_str).unwrap_or(code)
    }

    pub fn has(&self, key: &str) -> bool {
        self.texts.contains_key(key)
    }
}

/// The English catalogue. It is compiled in and checked by tests, so failing to parse it is a build bug.
pub fn english() -> &'static Messages {
    static EN: OnceLock<Messages> = OnceLock::new();
    EN.get_or_init(|| match Messages::parse("en", ENGLISH) {
        Ok(m) => m,
        Err(e) => panic!("locales/en.toml is invalid: {e}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `t.get("…")`/`t.with("…"` key used by a template or by code exists in the catalogue.
    #[test]
    fn every_key_used_exists() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/");
        let mut sources = Vec::new();
        for dir in ["templates", "src/web", "src/web/public"] {
            for entry in std::fs::read_dir(format!("{root}{dir}")).expect("dir exists") {
                let path = entry.expect("entry").path();
                if path.is_file() {
                    sources.push(std::fs::read_to_string(&path).expect("readable"));
                }
            }
        }
        let pattern = regex::Regex::new(r#"\b(?:get|with|msg)\("([a-z0-9_.-]+)""#).expect("regex");
        let mut missing = Vec::new();
        for source in &sources {
            for cap in pattern.captures_iter(source) {
                if !english().has(&cap[1]) {
                    missing.push(cap[1].to_string());
                }
            }
        }
        assert!(missing.is_empty(), "keys missing from locales/en.toml: {missing:?}");
    }

    #[test]
    fn every_vocabulary_code_has_a_label() {
        use crate::model::*;
        let mut missing = Vec::new();
        let mut check = |vocabulary: &str, codes: Vec<&str>| {
            for code in codes {
                if !english().has(&format!("{vocabulary}.{code}")) {
                    missing.push(format!("{vocabulary}.{code}"));
                }
            }
        };
        check("kind", Kind::ALL.iter().map(|c| c.code()).collect());
        check("kind-intro", Kind::ALL.iter().map(|c| c.code()).collect());
        check("topic", Topic::ALL.iter().map(|c| c.code()).collect());
        check("audience", Audience::ALL.iter().map(|c| c.code()).collect());
        check("channel", ChannelType::ALL.iter().map(|c| c.code()).collect());
        check("cost", Cost::ALL.iter().map(|c| c.code()).collect());
        check("referral", Referral::ALL.iter().map(|c| c.code()).collect());
        assert!(missing.is_empty(), "labels missing from locales/en.toml: {missing:?}");
    }

    #[test]
    fn placeholders_are_filled() {
        let m = Messages::parse("en", "greet = \"Hello {name}\"").expect("valid");
        assert_eq!(m.with("greet", "name", "Oslo"), "Hello Oslo");
        assert_eq!(m.get("absent"), "absent");
    }
}
