//! The site's own text in every interface language: Project Fluent catalogues in `locales/`, one
//! file per language with the same message ids, and CLDR (through ICU4X) for what it already knows:
//! country and language names, dates, weekdays and times.

mod cldr;
mod language;
mod messages;

pub use language::Language;
pub use messages::{CatalogueError, Messages};

use std::sync::OnceLock;

/// The catalogue files, compiled in. The pseudo-locale is made from the English one.
fn source(language: Language) -> (&'static str, &'static str) {
    match language {
        Language::English | Language::Pseudo => ("en", include_str!("../../locales/en.ftl")),
        Language::Spanish => ("es", include_str!("../../locales/es.ftl")),
        Language::French => ("fr", include_str!("../../locales/fr.ftl")),
        Language::German => ("de", include_str!("../../locales/de.ftl")),
        Language::Portuguese => ("pt", include_str!("../../locales/pt.ftl")),
        Language::Italian => ("it", include_str!("../../locales/it.ftl")),
        Language::Dutch => ("nl", include_str!("../../locales/nl.ftl")),
        Language::NorwegianBokmal => ("nb", include_str!("../../locales/nb.ftl")),
        Language::Swedish => ("sv", include_str!("../../locales/sv.ftl")),
        Language::Polish => ("pl", include_str!("../../locales/pl.ftl")),
        Language::Arabic => ("ar", include_str!("../../locales/ar.ftl")),
        Language::Japanese => ("ja", include_str!("../../locales/ja.ftl")),
    }
}

/// The catalogue of `language`, parsed on first use. The files are part of the build and checked by
/// tests, so one that fails to parse is a build bug.
pub fn catalogue(language: Language) -> &'static Messages {
    static CATALOGUES: [OnceLock<Messages>; Language::ALL.len()] = [const { OnceLock::new() }; Language::ALL.len()];
    let slot = Language::ALL.iter().position(|l| *l == language).unwrap_or(0);
    CATALOGUES[slot].get_or_init(|| {
        let (file, text) = source(language);
        match Messages::parse(language, file, text) {
            Ok(m) => m,
            Err(e) => panic!("{e}"),
        }
    })
}

/// The English catalogue: the admin area's language and the fallback.
pub fn english() -> &'static Messages {
    catalogue(Language::English)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeSet, HashMap};

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
        let pattern = regex::Regex::new(r#"\b(?:get|with|with_all|count|msg)\("([a-z0-9_.-]+)""#).expect("regex");
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

    /// The variables each message of a catalogue uses, by Fluent id (in select expressions too).
    fn variables(source: &str) -> HashMap<String, BTreeSet<String>> {
        use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
        fn walk_inline(e: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
            if let InlineExpression::VariableReference { id } = e {
                out.insert(id.name.to_string());
            }
        }
        fn walk(p: &Pattern<&str>, out: &mut BTreeSet<String>) {
            for element in &p.elements {
                match element {
                    PatternElement::Placeable { expression: Expression::Inline(e) } => walk_inline(e, out),
                    PatternElement::Placeable { expression: Expression::Select { selector, variants } } => {
                        walk_inline(selector, out);
                        for v in variants {
                            walk(&v.value, out);
                        }
                    }
                    PatternElement::TextElement { .. } => {}
                }
            }
        }
        let resource = fluent_syntax::parser::parse(source).expect("parses");
        resource
            .body
            .iter()
            .filter_map(|entry| match entry {
                Entry::Message(m) => {
                    let mut used = BTreeSet::new();
                    if let Some(p) = &m.value {
                        walk(p, &mut used);
                    }
                    Some((m.id.name.to_string(), used))
                }
                _ => None,
            })
            .collect()
    }

    #[test]
    fn every_catalogue_has_every_message_with_the_same_variables() {
        let english_variables = variables(source(Language::English).1);
        let mut problems = Vec::new();
        for language in Language::INTERFACE {
            let (file, text) = source(language);
            let translated = variables(text);
            for (id, used) in &english_variables {
                match translated.get(id) {
                    None => problems.push(format!("{file}.ftl lacks {id}")),
                    Some(t) if !t.is_subset(used) => {
                        problems.push(format!("{file}.ftl {id} uses {t:?}; English has {used:?}"))
                    }
                    Some(_) => {}
                }
            }
            for id in translated.keys().filter(|id| !english_variables.contains_key(*id)) {
                problems.push(format!("{file}.ftl has {id}, which English does not"));
            }
            // Every catalogue loads (a parse or duplicate error would panic here).
            assert_eq!(catalogue(language).ids().count(), english().ids().count(), "{file}");
        }
        assert!(problems.is_empty(), "{problems:#?}");
    }

    /// Translations are translations: only names, loanwords and the like may read as in English.
    #[test]
    fn translations_are_not_english_copies() {
        for language in Language::INTERFACE.into_iter().filter(|l| *l != Language::English) {
            let t = catalogue(language);
            let same: Vec<&str> = english().ids().filter(|id| t.get(id) == english().get(id)).collect();
            let share = same.len() as f64 / english().ids().count() as f64;
            assert!(share < 0.05, "{}: {} of the messages are as in English: {same:?}", t.lang, same.len());
        }
    }

    #[test]
    fn the_pseudo_locale_changes_and_lengthens_every_message() {
        let pseudo = catalogue(Language::Pseudo);
        // Variables (shown as `{$name}` when not given) are the caller's text, not the catalogue's.
        let variable = regex::Regex::new(r"\{\$[a-z_]+\}").expect("regex");
        for id in english().ids() {
            let (en, xa) = (variable.replace_all(english().get(id), ""), variable.replace_all(pseudo.get(id), ""));
            if en.chars().any(|c| c.is_ascii_alphabetic()) {
                assert_ne!(en, xa, "{id}");
                assert!(xa.chars().count() * 10 >= en.chars().count() * 14, "{id}: {xa}");
            }
        }
    }
}
