//! The one gate for data from outside: the rules every value must meet before it becomes part of a
//! record, written once and used by every path that creates or changes records (the bundled data
//! files, HSDS and Help Atlas imports, the editors' forms, the public's suggestions).
//!
//! - Text: control characters (C0, C1), direction overrides and isolates (U+202A–U+202E,
//!   U+2066–U+2069), direction marks (U+200E, U+200F, U+061C) and invisible separators (U+200B,
//!   U+2060, U+FEFF) are taken out ([`clean_text`]); every field has a maximum length (the `*_MAX`
//!   constants, documented in `docs/data-format.md`).
//! - Links: only `https` (and `http` where the data is not curated), with a host, without user
//!   name, password, spaces or control characters ([`WebUrl`]).
//! - Email addresses: one `@`, a domain with a dot, nothing that could leave a `mailto:` link.
//! - Phone numbers: the country's numbering plan ([`PhoneNumber::checked`]).
//!
//! [`service`], [`organization`] and [`location`] put whole records through these rules; how a
//! broken value is handled depends on the path ([`Mode`]).

use super::{Channel, ChannelType, Directory, Location, Organization, PhoneError, PhoneNumber, Service};
use std::fmt;

/// Longest name of an organization, service or location, and of a service's other name.
pub const NAME_MAX: usize = 200;
/// Longest description of a service or organization.
pub const DESCRIPTION_MAX: usize = 2000;
/// Longest label of a channel (an HSDS phone's description becomes it, often a sentence or two).
pub const LABEL_MAX: usize = 300;
/// Longest note on who may use a service.
pub const NOTE_MAX: usize = 1000;
/// Longest reason a service was retired.
pub const REASON_MAX: usize = 1000;
/// Longest street address.
pub const ADDRESS_MAX: usize = 300;
/// Longest postal code.
pub const POSTAL_CODE_MAX: usize = 20;
/// Longest city name.
pub const CITY_MAX: usize = 100;
/// Longest region (an ISO 3166-2 code in curated data, a name in imported data).
pub const REGION_MAX: usize = 100;
/// Longest link.
pub const URL_MAX: usize = 2000;
/// Longest email address (RFC 5321's path limit).
pub const EMAIL_MAX: usize = 254;

/// Whether a text may hold line breaks (descriptions, notes) or is one line (names, labels).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    One,
    Many,
}

/// Characters that change how the text around them is shown without being seen themselves: they let
/// a name pose as another, hide a part of it or reorder what follows it on the page. Joiners (U+200C,
/// U+200D) stay: Persian, the Indic scripts and emoji need them.
pub fn is_hidden(c: char, lines: Lines) -> bool {
    let line_break = matches!(c, '\n' | '\r' | '\t');
    (c.is_control() && !(line_break && lines == Lines::Many))
        || matches!(
            c,
            '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
                | '\u{200B}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{061C}'
                | '\u{2060}'
                | '\u{FEFF}'
        )
}

/// Whether `value` has a space, a line break or a [hidden](is_hidden) character: what no link may
/// hold. ASCII text (nearly every address) is checked byte by byte: among ASCII characters those are
/// exactly the controls and the space.
pub fn has_space_or_hidden(value: &str) -> bool {
    if value.is_ascii() {
        return value.bytes().any(|b| b <= b' ' || b == 0x7f);
    }
    value.chars().any(|c| c.is_whitespace() || is_hidden(c, Lines::One))
}

/// Text with the hidden characters taken out, and which they were.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cleaned {
    pub text: String,
    pub removed: Vec<char>,
}

impl Cleaned {
    /// "U+202E, U+0007": the removed characters, for messages.
    pub fn removed_names(&self) -> String {
        let mut names: Vec<String> = self.removed.iter().map(|c| format!("U+{:04X}", *c as u32)).collect();
        names.dedup();
        names.join(", ")
    }
}

/// `value`, trimmed, without hidden characters ([`is_hidden`]). A line break, tab or carriage return
/// in one-line text becomes a space, which is not counted as removed.
pub fn clean_text(value: &str, lines: Lines) -> Cleaned {
    let mut text = String::with_capacity(value.len());
    let mut removed = Vec::new();
    for c in value.chars() {
        match c {
            '\n' | '\r' | '\t' if lines == Lines::One => text.push(' '),
            c if is_hidden(c, lines) => removed.push(c),
            c => text.push(c),
        }
    }
    Cleaned { text: text.trim().to_string(), removed }
}

/// What is wrong with a text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    #[error("must not be empty")]
    Empty,
    #[error("is {length} characters long; at most {max} fit")]
    TooLong { length: usize, max: usize },
    #[error("contains invisible control or direction characters ({0}); remove them")]
    Hidden(String),
}

/// A text within `max` characters (after [`clean_text`]).
pub fn check_length(text: &str, max: usize) -> Result<(), TextError> {
    let length = text.chars().count();
    match length > max {
        true => Err(TextError::TooLong { length, max }),
        false => Ok(()),
    }
}

/// Text a person typed or a curator wrote: refused (not changed) when it holds hidden characters,
/// is empty while `required`, or is longer than `max`; trimmed otherwise.
pub fn strict_text(value: &str, lines: Lines, max: usize, required: bool) -> Result<String, TextError> {
    let cleaned = clean_text(value, lines);
    if !cleaned.removed.is_empty() {
        return Err(TextError::Hidden(cleaned.removed_names()));
    }
    if required && cleaned.text.is_empty() {
        return Err(TextError::Empty);
    }
    check_length(&cleaned.text, max)?;
    Ok(value.trim().to_string())
}

/// Which link schemes a path accepts for websites and sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Schemes {
    /// Curated data (data files, editors' forms): https only.
    Https,
    /// Data from other directories and the public, which often cite http pages: https or http.
    Web,
}

/// What is wrong with a link.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UrlError {
    #[error("`{0}` is not an https URL")]
    NotHttps(String),
    #[error("`{0}` is not an http or https URL")]
    NotWeb(String),
    #[error("`{0}` contains spaces, control or invisible characters; a link has none")]
    Hidden(String),
    #[error("`{0}` carries a user name or password; a link must not")]
    Credentials(String),
    #[error("is {length} characters long; at most {max} fit")]
    TooLong { length: usize, max: usize },
}

/// A link to a web page that a page may show: `https` (or `http`, see [`Schemes`]), with a host,
/// without credentials. Kept as written (trimmed), so that what was given comes back unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebUrl(String);

impl WebUrl {
    pub fn parse(value: &str, schemes: Schemes) -> Result<WebUrl, UrlError> {
        let value = value.trim();
        let shown = || value.escape_debug().to_string();
        let length = value.chars().count();
        if length > URL_MAX {
            return Err(UrlError::TooLong { length, max: URL_MAX });
        }
        // The URL parser would quietly drop tabs, line breaks and leading controls: refuse them first.
        if has_space_or_hidden(value) {
            return Err(UrlError::Hidden(shown()));
        }
        let scheme_error = || match schemes {
            Schemes::Https => UrlError::NotHttps(shown()),
            Schemes::Web => UrlError::NotWeb(shown()),
        };
        let url = url::Url::parse(value).map_err(|_| scheme_error())?;
        let scheme_ok = match schemes {
            Schemes::Https => url.scheme() == "https",
            Schemes::Web => matches!(url.scheme(), "https" | "http"),
        };
        if !scheme_ok || !url.host_str().is_some_and(|h| h.contains('.')) {
            return Err(scheme_error());
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(UrlError::Credentials(shown()));
        }
        Ok(WebUrl(value.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

impl fmt::Display for WebUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What is wrong with an email address.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    #[error("`{0}` is not an email address")]
    Invalid(String),
    #[error("is {length} characters long; at most {max} fit")]
    TooLong { length: usize, max: usize },
}

/// An email address that a `mailto:` link can carry: one `@`, a name, a domain with a dot, and none
/// of the characters that would end the address or add to the link (`?`, `#`, `%`, quotes, brackets…).
pub fn email(value: &str) -> Result<String, EmailError> {
    let value = value.trim();
    let length = value.chars().count();
    if length > EMAIL_MAX {
        return Err(EmailError::TooLong { length, max: EMAIL_MAX });
    }
    let forbidden = |c: char| c.is_whitespace() || is_hidden(c, Lines::One) || "<>\"'()[]\\,;:?#%&/`".contains(c);
    let well_formed = value.split_once('@').is_some_and(|(name, domain)| {
        !name.is_empty()
            && domain.contains('.')
            && !domain.contains('@')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !value.chars().any(forbidden)
    });
    match well_formed {
        true => Ok(value.to_string()),
        false => Err(EmailError::Invalid(value.escape_debug().to_string())),
    }
}

/// What is wrong with the value of a channel.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChannelValueError {
    #[error(transparent)]
    Phone(#[from] PhoneError),
    #[error(transparent)]
    Email(#[from] EmailError),
    #[error(transparent)]
    Url(#[from] UrlError),
    #[error(transparent)]
    Text(#[from] TextError),
}

/// Whether an in-person channel's value is meant as a link rather than a place's name or id.
fn looks_like_link(value: &str) -> bool {
    value.contains(':')
}

/// The value of a channel of `kind`, checked: a phone number in its country's plan for phone and
/// SMS, an email address for email, a place (its name, slug or id) or a link for in-person, and a
/// link for the rest.
pub fn channel_value(kind: ChannelType, value: &str, schemes: Schemes) -> Result<String, ChannelValueError> {
    let value = value.trim();
    match kind {
        ChannelType::Phone | ChannelType::Sms => Ok(PhoneNumber::checked(value).map(|_| value.to_string())?),
        ChannelType::Email => Ok(email(value)?),
        ChannelType::InPerson if !looks_like_link(value) => Ok(strict_text(value, Lines::One, NAME_MAX, true)?),
        _ => Ok(WebUrl::parse(value, schemes)?.into_string()),
    }
}

/// How the gate treats what breaks its rules in a whole record from another directory (the data
/// files and the forms check field by field with the same rules, and are stricter: https only, and
/// a hidden character is refused rather than taken out).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// An import: hidden characters are taken out (each noted); an invalid value is an error.
    Import,
    /// An import with `--skip-invalid` (and followed feeds): hidden characters are taken out and an
    /// invalid optional value is dropped, each noted; an invalid required value leaves the record out.
    ImportSkippingInvalid,
}

/// What became of a value that broke a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The record cannot be taken as it is.
    Refused,
    /// The invalid value was left out of the record.
    Dropped,
    /// Hidden characters were taken out of the value.
    Cleaned,
}

/// One rule broken by one field of a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The field, as the data files name it (`name`, `channel.value`, `location.address`…).
    pub field: String,
    pub message: String,
    pub outcome: Outcome,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = if self.outcome == Outcome::Dropped { " (value left out)" } else { "" };
        write!(f, "field `{}`: {}{what}", self.field, self.message)
    }
}

/// A record under the gate: its findings so far.
struct Gate {
    mode: Mode,
    findings: Vec<Finding>,
}

impl Gate {
    fn new(mode: Mode) -> Gate {
        Gate { mode, findings: Vec::new() }
    }

    fn found(&mut self, field: &str, message: impl ToString, outcome: Outcome) {
        self.findings.push(Finding { field: field.to_string(), message: message.to_string(), outcome });
    }

    /// A broken optional value: dropped when skipping invalid values, else the record is refused.
    fn optional_broken(&mut self, field: &str, message: impl ToString) -> bool {
        let dropped = self.mode == Mode::ImportSkippingInvalid;
        self.found(field, message, if dropped { Outcome::Dropped } else { Outcome::Refused });
        dropped
    }

    /// Hidden characters out (each text changed noted), then the length.
    fn text(&mut self, field: &str, text: &mut String, lines: Lines, max: usize) -> Result<(), TextError> {
        let cleaned = clean_text(text, lines);
        if !cleaned.removed.is_empty() {
            let (count, names) = (cleaned.removed.len(), cleaned.removed_names());
            let message = format!("{count} invisible control or direction character(s) removed ({names})");
            self.found(field, message, Outcome::Cleaned);
        }
        *text = cleaned.text;
        check_length(text, max)
    }

    fn required_text(&mut self, field: &str, text: &mut String, lines: Lines, max: usize) {
        if let Err(e) = self.text(field, text, lines, max) {
            self.found(field, e, Outcome::Refused);
        } else if text.trim().is_empty() {
            self.found(field, TextError::Empty, Outcome::Refused);
        }
    }

    /// Optional text; emptied by cleaning or too long and dropped, it becomes `None`.
    fn optional_text(&mut self, field: &str, value: &mut Option<String>, lines: Lines, max: usize) {
        let Some(text) = value.as_mut() else { return };
        if let Err(e) = self.text(field, text, lines, max) {
            if self.optional_broken(field, e) {
                *value = None;
            }
        }
        if value.as_deref().is_some_and(|t| t.trim().is_empty()) {
            *value = None;
        }
    }

    /// Text that may be empty but is not optional in the model (descriptions).
    fn plain_text(&mut self, field: &str, text: &mut String, lines: Lines, max: usize) {
        if let Err(e) = self.text(field, text, lines, max) {
            if self.optional_broken(field, e) {
                text.clear();
            }
        }
    }

    fn optional_url(&mut self, field: &str, value: &mut Option<String>) {
        let Some(url) = value.as_deref() else { return };
        match WebUrl::parse(url, Schemes::Web) {
            Ok(url) => *value = Some(url.into_string()),
            Err(e) => {
                if self.optional_broken(field, e) {
                    *value = None;
                }
            }
        }
    }

    fn required_url(&mut self, field: &str, value: &mut String) {
        match WebUrl::parse(value, Schemes::Web) {
            Ok(url) => *value = url.into_string(),
            Err(e) => self.found(field, e, Outcome::Refused),
        }
    }

    fn optional_email(&mut self, field: &str, value: &mut Option<String>) {
        let Some(address) = value.as_deref() else { return };
        match email(address) {
            Ok(address) => *value = Some(address),
            Err(e) => {
                if self.optional_broken(field, e) {
                    *value = None;
                }
            }
        }
    }

    /// A channel; `false` when it is dropped.
    fn channel(&mut self, channel: &mut Channel) -> bool {
        self.optional_text("channel.label", &mut channel.label, Lines::One, LABEL_MAX);
        if channel.kind == ChannelType::InPerson && !looks_like_link(&channel.value) {
            let mut value = Some(channel.value.clone());
            self.optional_text("channel.value", &mut value, Lines::One, NAME_MAX);
            return match value {
                Some(value) => {
                    channel.value = value;
                    true
                }
                None => false,
            };
        }
        match channel_value(channel.kind, &channel.value, Schemes::Web) {
            Ok(value) => {
                channel.value = value;
                true
            }
            Err(e) => !self.optional_broken("channel.value", format!("{} channel: {e}", channel.kind)),
        }
    }

    fn finish(self) -> Vec<Finding> {
        self.findings
    }
}

/// Puts an organization through the gate; see [`Mode`] for what happens to what breaks a rule.
pub fn organization(o: &mut Organization, mode: Mode) -> Vec<Finding> {
    let mut gate = Gate::new(mode);
    gate.required_text("name", &mut o.name, Lines::One, NAME_MAX);
    gate.plain_text("description", &mut o.description, Lines::Many, DESCRIPTION_MAX);
    gate.optional_url("url", &mut o.url);
    gate.optional_email("email", &mut o.email);
    for (tag, texts) in &mut o.translations {
        let field = format!("translations.{tag}.description");
        gate.optional_text(&field, &mut texts.description, Lines::Many, DESCRIPTION_MAX);
    }
    gate.finish()
}

/// Puts a location through the gate. Its name may be empty (HSDS locations often have none).
pub fn location(l: &mut Location, mode: Mode) -> Vec<Finding> {
    let mut gate = Gate::new(mode);
    gate.plain_text("location.name", &mut l.name, Lines::One, NAME_MAX);
    gate.optional_text("location.address", &mut l.address, Lines::One, ADDRESS_MAX);
    gate.optional_text("location.postal_code", &mut l.postal_code, Lines::One, POSTAL_CODE_MAX);
    gate.optional_text("location.city", &mut l.city, Lines::One, CITY_MAX);
    gate.optional_text("location.region", &mut l.region, Lines::One, REGION_MAX);
    gate.finish()
}

/// Puts a service through the gate; see [`Mode`] for what happens to what breaks a rule.
pub fn service(s: &mut Service, mode: Mode) -> Vec<Finding> {
    let mut gate = Gate::new(mode);
    gate.required_text("name", &mut s.name, Lines::One, NAME_MAX);
    gate.optional_text("alternate_name", &mut s.alternate_name, Lines::One, NAME_MAX);
    gate.plain_text("description", &mut s.description, Lines::Many, DESCRIPTION_MAX);
    gate.optional_url("url", &mut s.url);
    gate.required_url("source_url", &mut s.source_url);
    gate.optional_text("eligibility.note", &mut s.eligibility.note, Lines::Many, NOTE_MAX);
    for (tag, texts) in &mut s.translations {
        let field = format!("translations.{tag}.description");
        gate.optional_text(&field, &mut texts.description, Lines::Many, DESCRIPTION_MAX);
        let field = format!("translations.{tag}.eligibility_note");
        gate.optional_text(&field, &mut texts.eligibility_note, Lines::Many, NOTE_MAX);
    }
    if let Some(retirement) = s.retired.as_mut() {
        gate.required_text("retired_reason", &mut retirement.reason, Lines::Many, REASON_MAX);
    }
    s.languages.retain(|code| {
        let known_shape = (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase());
        let message = || format!("`{}` is not an ISO 639 language code", code.escape_debug());
        known_shape || !gate.optional_broken("languages", message())
    });
    s.channels.retain_mut(|channel| gate.channel(channel));
    gate.finish()
}

/// What the gate found in a whole directory, each line naming the record and the field.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct DirectoryFindings {
    /// Records refused, with why; in [`Mode::ImportSkippingInvalid`] they have been taken out.
    pub refused: Vec<String>,
    /// Invalid optional values left out of their records ([`Mode::ImportSkippingInvalid`] only).
    pub dropped: Vec<String>,
    /// Texts hidden characters were taken out of.
    pub cleaned: Vec<String>,
}

/// Puts every record of an imported directory through the gate. In [`Mode::ImportSkippingInvalid`]
/// refused records are taken out of `directory`; otherwise it keeps them and the caller stops.
pub fn directory(directory: &mut Directory, mode: Mode) -> DirectoryFindings {
    let mut out = DirectoryFindings::default();
    let skip = mode == Mode::ImportSkippingInvalid;
    let mut record = |what: String, findings: Vec<Finding>| -> bool {
        let refused = findings.iter().any(|f| f.outcome == Outcome::Refused);
        for finding in findings {
            let line = format!("{what} {finding}");
            match finding.outcome {
                Outcome::Refused => out.refused.push(line),
                Outcome::Dropped => out.dropped.push(line),
                Outcome::Cleaned => out.cleaned.push(line),
            }
        }
        !(refused && skip)
    };
    let name = |n: &str| clean_text(n, Lines::One).text.chars().take(60).collect::<String>();
    directory.organizations.retain_mut(|o| {
        let what = format!("organization {} ({})", o.id, name(&o.name));
        record(what, organization(o, mode))
    });
    directory.locations.retain_mut(|l| {
        let what = format!("location {} ({})", l.id, name(&l.name));
        record(what, location(l, mode))
    });
    directory.services.retain_mut(|s| {
        let what = format!("service {} ({})", s.id, name(&s.name));
        record(what, service(s, mode))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_characters_are_taken_out_and_named() {
        let cleaned = clean_text(" Help\u{202E}enil \u{200B}line\u{0007} ", Lines::One);
        assert_eq!(cleaned.text, "Helpenil line");
        assert_eq!(cleaned.removed_names(), "U+202E, U+200B, U+0007");
        assert_eq!(clean_text("a\nb", Lines::One).text, "a b");
        assert_eq!(clean_text("a\nb", Lines::Many).text, "a\nb");
        assert_eq!(clean_text("\u{0085}x\u{2066}y\u{2069}\u{FEFF}", Lines::Many).removed.len(), 4);
        assert_eq!(clean_text("می\u{200C}خواهم", Lines::One).removed, Vec::<char>::new(), "the joiner stays");
    }

    #[test]
    fn only_web_links_without_credentials_pass() {
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "\u{0001}javascript:alert(1)",
            "%6Aavascript:alert(1)",
            "&#106;avascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "https://user:secret@example.org/",
            "https://example.org/\u{202E}",
            "https://example.org/a b",
            "//example.org/",
        ] {
            assert!(WebUrl::parse(bad, Schemes::Web).is_err(), "{bad:?} passed");
        }
        assert!(WebUrl::parse("http://example.org/", Schemes::Web).is_ok());
        assert_eq!(
            WebUrl::parse("http://example.org/", Schemes::Https),
            Err(UrlError::NotHttps("http://example.org/".into()))
        );
        assert_eq!(
            WebUrl::parse(" https://example.org/x?y=1 ", Schemes::Https).expect("valid").as_str(),
            "https://example.org/x?y=1"
        );
    }

    #[test]
    fn email_addresses_cannot_leave_their_link() {
        assert_eq!(email(" help@example.org "), Ok("help@example.org".into()));
        for bad in
            ["help@example", "a@b@example.org", "help@example.org?subject=x", "\"><b>@example.org", "x @example.org"]
        {
            assert!(email(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn an_import_cleans_and_refuses_and_skipping_drops_with_a_note() {
        let mut o = Organization {
            id: uuid::Uuid::nil(),
            name: "Good\u{202E} name".into(),
            description: String::new(),
            url: Some("javascript:alert(2)".into()),
            email: None,
            translations: Default::default(),
            last_modified: chrono::DateTime::UNIX_EPOCH,
        };
        let mut strict = o.clone();
        let found = organization(&mut strict, Mode::Import);
        assert_eq!(
            found.iter().map(|f| (f.field.as_str(), f.outcome)).collect::<Vec<_>>(),
            [("name", Outcome::Cleaned), ("url", Outcome::Refused)]
        );
        let found = organization(&mut o, Mode::ImportSkippingInvalid);
        assert_eq!(found[1].outcome, Outcome::Dropped);
        assert_eq!((o.name.as_str(), o.url.as_deref()), ("Good name", None));
    }
}
