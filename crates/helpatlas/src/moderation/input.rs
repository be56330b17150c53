//! The public forms as typed, and the checks that turn them into what is stored. Every field has a
//! size limit; text, links and addresses go through the gate's rules (`model::validate`), the same as
//! every other way data comes in. Every problem is reported by field, and the form comes back with
//! what was typed.

use super::types::{Reason, ReportText, SuggestionText};
use crate::editing::validate::{FieldError, Invalid};
use crate::model::validate::{self, is_hidden, Lines, Schemes, WebUrl};
use crate::model::{Kind, Service};

/// Longest free-text detail of a report.
pub const DETAIL_MAX: usize = 2000;
/// Longest contact address (an email address's limit).
pub const CONTACT_MAX: usize = 254;
/// Longest name of a suggested service.
pub const NAME_MAX: usize = validate::NAME_MAX;
/// Longest "how to reach it".
pub const REACH_MAX: usize = 500;
/// Longest "who it helps".
pub const WHO_MAX: usize = 500;
/// Longest "where".
pub const PLACE_MAX: usize = 200;
/// Longest source link.
pub const URL_MAX: usize = validate::URL_MAX;

/// A report form as sent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportForm {
    pub reason: String,
    pub channel: String,
    pub detail: String,
    pub contact: String,
}

/// A suggestion form as sent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SuggestionForm {
    pub name: String,
    pub kind: String,
    pub reach: String,
    pub who: String,
    pub place: String,
    pub source_url: String,
    pub contact: String,
}

#[derive(Default)]
struct Problems(Vec<FieldError>);

impl Problems {
    fn add(&mut self, field: &str, message: impl Into<String>) {
        self.0.push(FieldError { field: field.into(), message: message.into() });
    }

    /// Text within `max` characters, trimmed, without invisible control or direction characters
    /// (line breaks and tabs only where `multiline`); required text must not be empty.
    fn text(&mut self, field: &str, value: &str, max: usize, multiline: bool, required: bool) -> String {
        let value = value.trim();
        if required && value.is_empty() {
            self.add(field, "is empty: please fill it in");
        }
        let length = value.chars().count();
        if length > max {
            self.add(field, format!("is {length} characters long; at most {max} fit"));
        }
        let lines = if multiline { Lines::Many } else { Lines::One };
        if let Some(c) = value.chars().find(|&c| is_hidden(c, lines)) {
            self.add(field, format!("contains an invisible control character (U+{:04X}); please remove it", c as u32));
        }
        value.to_string()
    }

    fn into_result<T>(self, value: T) -> Result<T, Invalid> {
        match self.0.is_empty() {
            true => Ok(value),
            false => Err(Invalid(self.0)),
        }
    }
}

/// An optional email address to reply to.
fn contact(problems: &mut Problems, value: &str) -> String {
    let value = problems.text("contact", value, CONTACT_MAX, false, false);
    if value.is_empty() {
        return value;
    }
    if validate::email(&value).is_err() {
        problems.add("contact", "is not an email address (like name@example.org); leave it empty if you want no reply");
    }
    value
}

/// A report about `service`.
pub fn report(form: &ReportForm, service: &Service) -> Result<(Reason, ReportText), Invalid> {
    let mut problems = Problems::default();
    let reason = match form.reason.parse::<Reason>() {
        Ok(reason) => Some(reason),
        Err(_) => {
            problems.add("reason", "choose what is wrong");
            None
        }
    };
    let channel = match form.channel.trim() {
        "" => None,
        text => match text.parse::<usize>().ok().and_then(|i| service.channels.get(i).map(|c| (i, c.value.clone()))) {
            Some(found) => Some(found),
            None => {
                problems.add("channel", "choose one of the service's contacts, or none");
                None
            }
        },
    };
    let detail = problems.text("detail", &form.detail, DETAIL_MAX, true, false);
    if reason == Some(Reason::Other) && detail.is_empty() {
        problems.add("detail", "say what is wrong");
    }
    let contact = contact(&mut problems, &form.contact);
    let text = ReportText { channel, detail, contact };
    problems.into_result((reason.unwrap_or(Reason::Other), text))
}

/// A suggestion of a service.
pub fn suggestion(form: &SuggestionForm) -> Result<(Option<Kind>, SuggestionText), Invalid> {
    let mut problems = Problems::default();
    let name = problems.text("name", &form.name, NAME_MAX, false, true);
    let kind = match form.kind.trim() {
        "" => None,
        code => match code.parse::<Kind>() {
            Ok(kind) => Some(kind),
            Err(_) => {
                problems.add("kind", "choose one of the kinds of help, or leave it open");
                None
            }
        },
    };
    let reach = problems.text("reach", &form.reach, REACH_MAX, true, true);
    let who = problems.text("who", &form.who, WHO_MAX, true, false);
    let place = problems.text("place", &form.place, PLACE_MAX, false, false);
    let source_url = problems.text("source_url", &form.source_url, URL_MAX, false, false);
    if !source_url.is_empty() && WebUrl::parse(&source_url, Schemes::Web).is_err() {
        problems.add("source_url", "is not a web address starting with https:// or http://");
    }
    let contact = contact(&mut problems, &form.contact);
    problems.into_result((kind, SuggestionText { name, reach, who, place, source_url, contact }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn service() -> Service {
        let directory = crate::bundled::load().expect("bundled data").0;
        directory.services.into_iter().find(|s| !s.channels.is_empty()).expect("a service")
    }

    fn fields(invalid: &Invalid) -> Vec<&str> {
        invalid.0.iter().map(|e| e.field.as_str()).collect()
    }

    #[test]
    fn a_report_needs_a_known_reason_and_a_detail_for_other() {
        let s = service();
        let ok = report(&ReportForm { reason: "closed".into(), ..Default::default() }, &s).expect("valid");
        assert_eq!(ok.0, Reason::Closed);
        let missing = report(&ReportForm::default(), &s).expect_err("no reason");
        assert_eq!(fields(&missing), ["reason"]);
        let other = report(&ReportForm { reason: "other".into(), ..Default::default() }, &s).expect_err("no detail");
        assert_eq!(fields(&other), ["detail"]);
        let channel = ReportForm { reason: "closed".into(), channel: "99".into(), ..Default::default() };
        assert_eq!(fields(&report(&channel, &s).expect_err("no such channel")), ["channel"]);
    }

    #[test]
    fn every_field_has_a_limit_and_refuses_hidden_characters() {
        let s = service();
        let long = ReportForm { reason: "other".into(), detail: "x".repeat(DETAIL_MAX + 1), ..Default::default() };
        assert!(report(&long, &s).expect_err("too long").0[0].message.contains("at most 2000"));
        let hidden = ReportForm { reason: "closed".into(), detail: "ok\u{202E}gnorw".into(), ..Default::default() };
        assert!(report(&hidden, &s).expect_err("bidi").0[0].message.contains("U+202E"));
        let lines = ReportForm { reason: "closed".into(), detail: "line one\nline two".into(), ..Default::default() };
        assert!(report(&lines, &s).is_ok(), "line breaks belong in the detail");
        let form = SuggestionForm {
            name: "n\u{0007}".into(),
            reach: String::new(),
            source_url: "javascript:alert(1)".into(),
            contact: "not an address".into(),
            kind: "sadness".into(),
            ..Default::default()
        };
        let invalid = suggestion(&form).expect_err("invalid");
        assert_eq!(fields(&invalid), ["name", "kind", "reach", "source_url", "contact"]);
    }

    #[test]
    fn a_suggestion_keeps_what_was_typed_trimmed() {
        let form = SuggestionForm {
            name: " Night Line ".into(),
            kind: "helplines".into(),
            reach: "+47 22 22 22 22".into(),
            source_url: "https://example.org/night".into(),
            contact: "me@example.org".into(),
            ..Default::default()
        };
        let (kind, text) = suggestion(&form).expect("valid");
        assert_eq!(
            (kind, text.name.as_str(), text.contact.as_str()),
            (Some(Kind::Helplines), "Night Line", "me@example.org")
        );
    }
}
