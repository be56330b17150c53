//! Translated record texts, `data/translations/<lang>/<directory-file-stem>.toml` (format in
//! `docs/data-format.md`): each file holds one language's texts for the records of one directory file,
//! checked against those records and added to them.

use super::{Checker, RecordKind};
use crate::model::{LanguageTag, OrganizationTexts, ServiceTexts, TextSet, ORIGINAL_LANGUAGE};
use serde::Deserialize;
use std::collections::BTreeMap;

/// One translation file exactly as written; unknown fields are errors so that typos surface.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTranslations {
    #[serde(default)]
    organization: BTreeMap<String, RawOrganizationTexts>,
    #[serde(default)]
    service: BTreeMap<String, RawServiceTexts>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOrganizationTexts {
    description: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawServiceTexts {
    description: Option<String>,
    eligibility_note: Option<String>,
}

/// Where a file's texts go: its language and the directory file its records are in.
struct Target {
    language: LanguageTag,
    directory_file: String,
}

impl Checker {
    /// Checks every translation file (`lang/stem.toml`, text) against the records already checked,
    /// and adds the texts of the sound ones to the directory.
    pub(super) fn translations(&mut self, files: &[(&str, &str)]) {
        for (name, text) in files {
            let shown = format!("translations/{name}");
            let Some(target) = self.target(&shown, name) else { continue };
            match toml::from_str::<RawTranslations>(text) {
                Ok(raw) => self.add_translations(&shown, &target, raw),
                Err(e) => {
                    let (record, field) = e.span().map_or(("-".into(), "-".into()), |span| whereabouts(text, span));
                    self.problem(&shown, &record, &field, e.message().to_string());
                }
            }
        }
    }

    /// The language and directory file a translation file's path names; `None` (with the problem) when
    /// either is wrong.
    fn target(&mut self, shown: &str, name: &str) -> Option<Target> {
        let Some((language, file)) = name.split_once('/') else {
            self.problem(
                shown,
                "-",
                "-",
                "must be in a folder named by its language: translations/<lang>/<file>.toml".into(),
            );
            return None;
        };
        let tag = match language.parse::<LanguageTag>() {
            Ok(tag) if tag.as_str() == language && tag.language() != ORIGINAL_LANGUAGE => tag,
            Ok(tag) if tag.language() == ORIGINAL_LANGUAGE => {
                let message = format!("`{language}` is the language the records are written in; nothing to translate");
                self.problem(shown, "-", "-", message);
                return None;
            }
            Ok(tag) => {
                self.problem(shown, "-", "-", format!("the language folder `{language}` must be written `{tag}`"));
                return None;
            }
            Err(e) => {
                self.problem(shown, "-", "-", e.to_string());
                return None;
            }
        };
        let known = self.slugs.values().any(|f| f == file);
        if !known {
            self.problem(
                shown,
                "-",
                "-",
                format!("there is no directory file `{file}` whose records it could translate"),
            );
            return None;
        }
        Some(Target { language: tag, directory_file: file.to_string() })
    }

    /// Whether `slug` is a record of `kind` in the target's directory file; a problem if not.
    fn known_record(&mut self, shown: &str, target: &Target, kind: RecordKind, slug: &str) -> bool {
        let key = format!("{}.{slug}", kind.prefix());
        match self.slugs.get(&(kind, slug.to_string())) {
            Some(file) if *file == target.directory_file => true,
            Some(file) => {
                let message = format!("`{slug}` is a record of {file}, not of {}", target.directory_file);
                self.problem(shown, &key, "-", message);
                false
            }
            None => {
                let message = format!("no {} with slug `{slug}` in {}", kind.prefix(), target.directory_file);
                self.problem(shown, &key, "-", message);
                false
            }
        }
    }

    fn text_problems(&mut self, shown: &str, key: &str, problems: Vec<(&'static str, String)>) -> bool {
        let sound = problems.is_empty();
        for (field, message) in problems {
            self.problem(shown, key, field, message);
        }
        sound
    }

    fn add_translations(&mut self, shown: &str, target: &Target, raw: RawTranslations) {
        for (slug, texts) in raw.organization {
            if !self.known_record(shown, target, RecordKind::Organization, &slug) {
                continue;
            }
            let texts = OrganizationTexts { description: texts.description.map(|t| t.trim().to_string()) };
            let key = format!("organization.{slug}");
            if self.text_problems(shown, &key, texts.problems()) {
                let id = super::record_id(RecordKind::Organization, &slug);
                if let Some(org) = self.directory.organizations.iter_mut().find(|o| o.id == id) {
                    org.translations.insert(target.language.clone(), texts);
                }
            }
        }
        for (slug, texts) in raw.service {
            if !self.known_record(shown, target, RecordKind::Service, &slug) {
                continue;
            }
            let key = format!("service.{slug}");
            let texts = ServiceTexts {
                description: texts.description.map(|t| t.trim().to_string()),
                eligibility_note: texts.eligibility_note.map(|t| t.trim().to_string()),
            };
            let id = super::service_id(&slug);
            let Some(service) = self.directory.services.iter_mut().find(|s| s.id == id) else { continue };
            let mut problems = texts.problems();
            if texts.eligibility_note.is_some() && service.eligibility.note.is_none() {
                problems.push(("eligibility_note", "the record has no eligibility note to translate".into()));
            }
            if problems.is_empty() {
                service.translations.insert(target.language.clone(), texts);
            }
            self.text_problems(shown, &key, problems);
        }
    }
}

/// Where in a translation file a syntax or schema error lies: the table around it (`service.slug`, or
/// the line) and the text at the error, usually the offending key.
fn whereabouts(text: &str, span: std::ops::Range<usize>) -> (String, String) {
    let before = text.get(..span.start).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let table = before
        .lines()
        .rev()
        .find_map(|l| l.trim().strip_prefix('[').and_then(|l| l.split(']').next()))
        .map(|t| t.trim().to_string());
    let record = match table {
        Some(table) => format!("{table} (line {line})"),
        None => format!("line {line}"),
    };
    let field = text.get(span).map(str::trim).filter(|f| !f.is_empty() && f.len() <= 40).unwrap_or("-");
    (record, field.to_string())
}
