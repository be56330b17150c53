//! One language's messages: a Project Fluent catalogue (plural rules, variables, bidi isolation of
//! variables in right-to-left text) and the language's CLDR formatters.

use super::cldr::Cldr;
use super::Language;
use crate::model::CountryCode;
use chrono::{NaiveDate, Weekday};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use foldhash::fast::RandomState;
use std::borrow::Cow;
use std::cell::RefCell;
use std::cmp::Ordering;
use std::collections::HashMap;

/// The catalogue cannot be read: a bug in a `locales/*.ftl` file, which the tests catch.
#[derive(Debug, thiserror::Error)]
pub enum CatalogueError {
    #[error("locales/{file}.ftl does not parse: {errors}")]
    Syntax { file: &'static str, errors: String },
    #[error("locales/{file}.ftl defines a message twice: {errors}")]
    Duplicate { file: &'static str, errors: String },
}

pub struct Messages {
    pub language: Language,
    /// The `lang` attribute of pages in this language.
    pub lang: &'static str,
    /// The `dir` attribute: `ltr` or `rtl`.
    pub dir: &'static str,
    bundle: FluentBundle<FluentResource>,
    /// Every message formatted without arguments, by Fluent id: most messages have none, and
    /// templates borrow them. Hashed with foldhash: a results page looks up a hundred or more, and
    /// SipHash was half the cost of each.
    plain: HashMap<String, String, RandomState>,
    /// The messages that are only text and variables, by Fluent id: filled without Fluent's resolver
    /// (see [`Simple`]). A results page fills dozens, one or two for each service it lists.
    simple: HashMap<String, Simple, RandomState>,
    cldr: Cldr,
}

/// A message made of text and variables only (`Call { $number }`), as its parts. Filling one is
/// joining them: what Fluent's resolver writes for such a pattern, isolation marks included, at a
/// fraction of its cost (arguments, scope and resolver set up for each message).
struct Simple {
    parts: Vec<Part>,
    /// Whether variables are wrapped in isolation marks (right-to-left languages; see `parse`).
    isolating: bool,
}

enum Part {
    Text(String),
    Variable(String),
}

/// 2^53: from here on not every whole number has an `f64` of its own, and Fluent writes numbers
/// through `f64`.
const EXACT_IN_F64: f64 = 9_007_199_254_740_992.0;

impl Simple {
    /// The parts of `pattern`, if it is only text and variable references.
    fn of(pattern: &fluent_syntax::ast::Pattern<&str>, isolating: bool) -> Option<Simple> {
        use fluent_syntax::ast::{Expression, InlineExpression, PatternElement};
        let parts = pattern
            .elements
            .iter()
            .map(|element| match element {
                PatternElement::TextElement { value } => Some(Part::Text(value.to_string())),
                PatternElement::Placeable {
                    expression: Expression::Inline(InlineExpression::VariableReference { id }),
                } => Some(Part::Variable(id.name.to_string())),
                PatternElement::Placeable { .. } => None,
            })
            .collect::<Option<Vec<Part>>>()?;
        // Fluent isolates a variable only when the pattern has more than it.
        Some(Simple { isolating: isolating && parts.len() > 1, parts })
    }

    /// The message with `values`; `None` when Fluent would write it otherwise: a variable not given,
    /// or a number Fluent would write differently from its text (beyond 2^53 it passes through f64).
    fn fill(&self, values: &[(&str, &str)]) -> Option<String> {
        let mut out = String::with_capacity(64);
        for part in &self.parts {
            match part {
                Part::Text(text) => out.push_str(text),
                Part::Variable(name) => {
                    let value = values.iter().find(|(n, _)| n == name)?.1;
                    if matches!(argument(value), FluentValue::Number(n) if n.value >= EXACT_IN_F64) {
                        return None;
                    }
                    if self.isolating {
                        out.push('\u{2068}');
                    }
                    out.push_str(value);
                    if self.isolating {
                        out.push('\u{2069}');
                    }
                }
            }
        }
        Some(out)
    }
}

/// Runs `f` with the Fluent id of the key `parts` joined by dots (Fluent ids allow no dots, so
/// `site.name` is `site-name`). The id is written into a buffer the thread keeps: a results page looks
/// up a hundred or more messages, and allocating each id was a fiftieth of a computed page.
fn with_fluent_id<R>(parts: &[&str], f: impl FnOnce(&str) -> R) -> R {
    thread_local! {
        static ID: RefCell<String> = const { RefCell::new(String::new()) };
    }
    ID.with_borrow_mut(|id| {
        id.clear();
        for (i, part) in parts.iter().enumerate() {
            if i > 0 {
                id.push('-');
            }
            let start = id.len();
            id.push_str(part);
            while let Some(dot) = id[start..].find('.') {
                id.replace_range(start + dot..=start + dot, "-");
            }
        }
        f(id)
    })
}

/// `values` as Fluent's arguments.
fn arguments<'a>(values: &[(&str, &'a str)]) -> FluentArgs<'a> {
    let mut args = FluentArgs::new();
    for (name, value) in values {
        args.set(name.to_string(), argument(value));
    }
    args
}

/// An argument as Fluent sees it: whole numbers as numbers, so that plural rules apply to them.
/// Only a number written exactly as Rust writes it counts, so that "007" stays text.
fn argument(value: &str) -> FluentValue<'_> {
    match value.parse::<u64>() {
        Ok(n) if n.to_string() == value => FluentValue::from(n),
        _ => FluentValue::from(value),
    }
}

impl Messages {
    pub fn parse(language: Language, file: &'static str, source: &str) -> Result<Messages, CatalogueError> {
        let resource = FluentResource::try_new(source.to_string()).map_err(|(_, errors)| CatalogueError::Syntax {
            file,
            errors: errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("; "),
        })?;
        let ids: Vec<String> = resource
            .entries()
            .filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                _ => None,
            })
            .collect();
        let tag = language.code().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![tag]);
        // Isolation marks keep a Latin name or a number in Arabic text in its own direction; in
        // left-to-right text they would only be noise.
        bundle.set_use_isolating(language.is_right_to_left());
        if language == Language::Pseudo {
            bundle.set_transform(Some(pseudo_localise));
        }
        bundle.add_resource(resource).map_err(|errors| CatalogueError::Duplicate {
            file,
            errors: errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("; "),
        })?;
        let mut plain = HashMap::with_capacity_and_hasher(ids.len(), RandomState::default());
        let mut simple = HashMap::with_hasher(RandomState::default());
        for id in ids {
            let Some(pattern) = bundle.get_message(&id).and_then(|m| m.value()) else { continue };
            // The pseudo-locale's transform changes text as it is written: left to Fluent.
            if language != Language::Pseudo {
                if let Some(parts) = Simple::of(pattern, language.is_right_to_left()) {
                    simple.insert(id.clone(), parts);
                }
            }
            let text = bundle.format_pattern(pattern, None, &mut Vec::new()).into_owned();
            plain.insert(id, text);
        }
        let (lang, dir) = (language.code(), language.dir());
        Ok(Messages { language, lang, dir, bundle, plain, simple, cldr: Cldr::new(language) })
    }

    /// The text for `key` (`site.name`); a missing key shows itself, which the catalogue tests prevent.
    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        self.plain_text(&[key]).unwrap_or(key)
    }

    /// The text for `key` with the variable `name` set to `value`.
    pub fn with(&self, key: &str, name: &str, value: &str) -> String {
        self.with_all(key, &[(name, value)])
    }

    /// The text for `key` with several variables set.
    pub fn with_all(&self, key: &str, values: &[(&str, &str)]) -> String {
        if let Some(text) = with_fluent_id(&[key], |id| self.simple.get(id).and_then(|s| s.fill(values))) {
            return text;
        }
        self.format(key, &arguments(values))
    }

    /// The text for `key` with the count `name` set to `n`, so that plural rules apply ("1 found",
    /// "2 found"; Polish and Arabic have more forms).
    pub fn count(&self, key: &str, name: &str, n: usize) -> String {
        let mut args = FluentArgs::new();
        args.set(name.to_string(), FluentValue::from(n));
        self.format(key, &args)
    }

    fn format(&self, key: &str, args: &FluentArgs) -> String {
        let Some(pattern) = with_fluent_id(&[key], |id| self.bundle.get_message(id)).and_then(|m| m.value()) else {
            return key.to_string();
        };
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, Some(args), &mut errors).into_owned();
        if !errors.is_empty() {
            tracing::warn!(key, language = self.lang, ?errors, "message formatted with errors");
        }
        text
    }

    /// The label of a vocabulary code, e.g. `label("topic", "insomnia")` → "Sleep problems".
    pub fn label<'a>(&'a self, vocabulary: &str, code: &'a str) -> &'a str {
        self.plain_text(&[vocabulary, code]).unwrap_or(code)
    }

    pub fn has(&self, key: &str) -> bool {
        self.plain_text(&[key]).is_some()
    }

    /// The message without arguments whose key is `parts` joined by dots.
    fn plain_text(&self, parts: &[&str]) -> Option<&str> {
        with_fluent_id(parts, |id| self.plain.get(id).map(String::as_str))
    }

    /// The Fluent ids this catalogue defines.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.plain.keys().map(String::as_str)
    }

    /// The country's name in this language (CLDR), or the English name of the bundled reference data.
    pub fn country_name(&self, country: CountryCode) -> String {
        self.cldr.country_name(country).unwrap_or_else(|| {
            crate::geo::atlas().country(country).map_or_else(|| country.to_string(), |c| c.name.clone())
        })
    }

    /// A language's name in this language (CLDR); codes CLDR does not name (sign languages as the
    /// data writes them) have a catalogue label, or show as the code.
    pub fn language_name(&self, code: &str) -> String {
        self.cldr.language_name(code).unwrap_or_else(|| {
            let key = format!("lang.{code}");
            if self.has(&key) {
                self.get(&key).to_string()
            } else {
                code.to_uppercase()
            }
        })
    }

    pub fn date(&self, date: NaiveDate) -> String {
        self.cldr.date(date)
    }

    pub fn weekday(&self, day: Weekday) -> String {
        self.cldr.weekday(day)
    }

    /// A time of day in the convention of this language where `country` is (12- or 24-hour).
    pub fn time(&self, minutes: u16, country: Option<CountryCode>) -> String {
        self.cldr.time(minutes, country)
    }

    /// Orders names as this language's alphabet does.
    pub fn compare(&self, a: &str, b: &str) -> Ordering {
        self.cldr.compare(a, b)
    }
}

/// The pseudo-locale's text: every ASCII letter accented and 40% more length, padded in short words
/// so that lines can still wrap. Fluent applies it to the text of messages, never to variables.
fn pseudo_localise(text: &str) -> Cow<'_, str> {
    const PLAIN: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const ACCENTED: &str = "àƀçđéƒĝĥîĵķĺɱñöþǫŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĹṀÑÖÞǪŔŠŢÛṼŴẊÝŽ";
    let letters = text.chars().filter(char::is_ascii_alphabetic).count();
    if letters == 0 {
        return Cow::Borrowed(text);
    }
    let mut out: String =
        text.chars().map(|c| PLAIN.find(c).and_then(|i| ACCENTED.chars().nth(i)).unwrap_or(c)).collect();
    let extra = (text.chars().count() * 2).div_ceil(5);
    let padding: Vec<&str> = std::iter::repeat_n("ŵîđé", extra.div_ceil(4)).collect();
    out.push(' ');
    out.push_str(&padding.join(" "));
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variables_and_plurals_are_filled() {
        let source = "greet = Hello { $name }\nfound = { $n ->\n  [one] one service\n *[other] { $n } services\n}\n";
        let m = Messages::parse(Language::English, "test", source).expect("valid");
        assert_eq!(m.with("greet", "name", "Oslo"), "Hello Oslo");
        assert_eq!(m.count("found", "n", 1), "one service");
        assert_eq!(m.count("found", "n", 4), "4 services");
        assert_eq!(m.with("found", "n", "1"), "one service", "whole numbers given as text still choose");
        assert_eq!(m.get("absent"), "absent");
    }

    #[test]
    fn arabic_isolates_variables_and_english_does_not() {
        let source = "call = اتصل بـ { $number }\n";
        let m = Messages::parse(Language::Arabic, "test", source).expect("valid");
        assert_eq!(m.with("call", "number", "116 123"), "اتصل بـ \u{2068}116 123\u{2069}");
        let m = Messages::parse(Language::English, "test", "call = Call { $number }\n").expect("valid");
        assert_eq!(m.with("call", "number", "116 123"), "Call 116 123");
    }

    #[test]
    fn simple_messages_are_filled_as_fluent_fills_them() {
        let values = ["Oslo", "116 123", "7", "9007199254740993", "", "{ $x }", "עברית"];
        let mut simple = 0;
        for language in Language::ALL {
            let m = crate::i18n::catalogue(language);
            for (id, message) in &m.simple {
                let names: Vec<&str> = message
                    .parts
                    .iter()
                    .filter_map(|p| match p {
                        Part::Variable(name) => Some(name.as_str()),
                        Part::Text(_) => None,
                    })
                    .collect();
                for (i, value) in values.iter().enumerate() {
                    // Each variable a different value, and once with the last variable missing.
                    let given: Vec<(&str, &str)> =
                        names.iter().enumerate().map(|(j, n)| (*n, values[(i + j) % values.len()])).collect();
                    let fluent = m.format(id, &arguments(&given));
                    assert_eq!(m.with_all(id, &given), fluent, "{id} in {language:?} with {value}");
                    let fewer = &given[..given.len().saturating_sub(1)];
                    let fluent = m.format(id, &arguments(fewer));
                    assert_eq!(m.with_all(id, fewer), fluent, "{id} in {language:?} without its last");
                }
                simple += 1;
            }
        }
        assert!(simple > 100, "{simple} simple messages: most messages with variables are simple");
    }

    #[test]
    fn pseudo_text_is_accented_and_longer_but_variables_are_not() {
        let m = Messages::parse(Language::Pseudo, "test", "greet = Hello { $name }\n").expect("valid");
        let text = m.with("greet", "name", "Oslo");
        assert!(text.starts_with("Ĥéĺĺö "), "{text}");
        assert!(text.contains("Oslo"), "{text}");
        assert!(text.chars().count() as f64 >= "Hello Oslo".len() as f64 * 1.4, "{text}");
    }

    #[test]
    fn a_broken_catalogue_is_an_error() {
        assert!(matches!(
            Messages::parse(Language::English, "test", "a = one\na = two\n"),
            Err(CatalogueError::Duplicate { .. })
        ));
        assert!(matches!(Messages::parse(Language::English, "test", "a = { $x\n"), Err(CatalogueError::Syntax { .. })));
    }
}
