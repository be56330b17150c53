//! What the public sends and what becomes of it: reports about a listed service, suggestions of a
//! missing one, their reasons and the states an editor moves them through.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use uuid::Uuid;

/// A code that is not one of a list's codes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} `{value}`")]
pub struct UnknownCode {
    pub what: &'static str,
    pub value: String,
}

macro_rules! codes {
    ($(#[$meta:meta])* $name:ident, $what:literal { $($variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }
        }

        impl FromStr for $name {
            type Err = UnknownCode;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($code => Ok($name::$variant),)+
                    _ => Err(UnknownCode { what: $what, value: s.to_string() }),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}

codes!(
    /// A report about a listed service or a suggestion of a missing one.
    SubmissionType, "type" {
        Report => "report",
        Suggestion => "suggestion",
    }
);

codes!(
    /// Why someone reports a service.
    Reason, "reason" {
        NumberDoesNotWork => "number-does-not-work",
        Closed => "closed",
        WrongHours => "wrong-hours",
        WrongAddress => "wrong-address",
        Harmful => "harmful",
        Other => "other",
    }
);

codes!(
    /// Where an editor has put a submission.
    Status, "status" {
        Open => "open",
        Accepted => "accepted",
        Dismissed => "dismissed",
        Spam => "spam",
        Duplicate => "duplicate",
    }
);

impl Reason {
    /// Whether this reason, about a crisis line, means people in crisis may be reaching nobody.
    pub fn is_urgent_for_crisis_lines(self) -> bool {
        matches!(self, Reason::NumberDoesNotWork | Reason::Closed)
    }

    /// The element id of the editors' service form that this reason is about, so that the form
    /// opens at it (and its style marks it): the channel reported when there is one.
    pub fn form_field(self, channel: Option<usize>) -> String {
        match (self, channel) {
            (Reason::NumberDoesNotWork | Reason::WrongHours | Reason::WrongAddress, Some(n)) => {
                format!("f-channels[{n}].value")
            }
            (Reason::NumberDoesNotWork | Reason::WrongHours | Reason::Closed, None) => "f-channels".into(),
            (Reason::WrongAddress, None) => "f-location_ids".into(),
            (Reason::Harmful, _) => "f-description".into(),
            (Reason::Closed, Some(_)) => "f-channels".into(),
            (Reason::Other, _) => "f-name".into(),
        }
    }
}

/// What a person wrote in a report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportText {
    /// The channel the report is about (its position on the service page), as shown then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<(usize, String)>,
    #[serde(default)]
    pub detail: String,
    #[serde(default)]
    pub contact: String,
}

/// What a person wrote in a suggestion.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SuggestionText {
    pub name: String,
    /// Phone numbers, addresses, links: how people reach the service.
    pub reach: String,
    #[serde(default)]
    pub who: String,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub source_url: String,
    #[serde(default)]
    pub contact: String,
}

/// What was typed, by type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Content {
    Report(ReportText),
    Suggestion(SuggestionText),
}

impl Content {
    pub fn submission_type(&self) -> SubmissionType {
        match self {
            Content::Report(_) => SubmissionType::Report,
            Content::Suggestion(_) => SubmissionType::Suggestion,
        }
    }

    pub fn contact(&self) -> &str {
        match self {
            Content::Report(r) => &r.contact,
            Content::Suggestion(s) => &s.contact,
        }
    }
}

/// A submission as received, before anyone looked at it.
#[derive(Debug, Clone, PartialEq)]
pub struct NewSubmission {
    pub id: Uuid,
    pub created_at: DateTime<Utc>,
    /// ISO code, `""` when none.
    pub country: String,
    /// Kind of help (`helplines`…), `""` when not known.
    pub kind: String,
    pub service_id: Option<Uuid>,
    pub reason: Option<Reason>,
    pub urgent: bool,
    pub content: Content,
}

/// What an editor decided about a submission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolution {
    pub at: DateTime<Utc>,
    pub by: String,
    pub note: String,
}

/// A stored submission.
#[derive(Debug, Clone, PartialEq)]
pub struct Submission {
    pub id: Uuid,
    pub created_at: DateTime<Utc>,
    pub country: String,
    pub kind: String,
    pub service_id: Option<Uuid>,
    pub reason: Option<Reason>,
    pub urgent: bool,
    pub content: Content,
    pub status: Status,
    pub duplicate_of: Option<Uuid>,
    pub resolution: Option<Resolution>,
}

impl Submission {
    pub fn submission_type(&self) -> SubmissionType {
        self.content.submission_type()
    }

    /// The first eight hex digits of the id: enough to tell submissions apart on a page or in a note.
    pub fn short_id(&self) -> String {
        self.id.simple().to_string()[..8].to_string()
    }
}
