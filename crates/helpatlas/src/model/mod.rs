//! Domain types of the directory, aligned with Open Referral HSDS 3.0 and extended where HSDS lacks what
//! this directory needs (kind of help, channels with their own hours, IANA zones, typed service areas,
//! eligibility, verification). Plain data and rules, no I/O.

mod account;
mod area;
mod codes;
mod compact;
pub mod diff;
mod feed;
mod hours;
mod phone;
mod provenance;
pub mod remembered;
mod revision;
pub mod terms;
mod texts;
pub mod validate;

pub use account::{normalise_email, AuditEntry, Role, UnknownRole, User};
pub use area::{AreaError, CountryCode, Coverage, Origin, Place, Point, ServiceArea};
pub use codes::{
    Audience, ChannelType, Cost, DeliveredBy, Form, Kind, Moderation, Referral, Topic, UnknownCode, VerificationStatus,
};
pub use feed::{Feed, FeedForm, FeedOrigin, FeedRecord, LinkStatus, ListingLink, Provenance, PullOutcome, Validator};
pub use hours::{format_time, DatedException, Days, Hours, HoursError, Span, WeeklyRule};
pub use phone::{PhoneError, PhoneNumber};
pub use provenance::{RetiredStatus, Retirement, SourceDate, SourceDateError};
pub use revision::{Action, Author, Record, RecordKind, Revision, Versioned};
pub use texts::{
    pick, translation_problems, BadLanguageTag, LanguageTag, Localized, OrganizationTexts, ServiceTexts, TextSet,
    Translations, MAX_DESCRIPTION_CHARS, MAX_NOTE_CHARS, ORIGINAL_LANGUAGE,
};

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Organization {
    pub id: Uuid,
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The description in other languages than [`ORIGINAL_LANGUAGE`].
    #[serde(default, skip_serializing_if = "Translations::is_empty")]
    pub translations: Translations<OrganizationTexts>,
    #[serde(with = "compact::instant")]
    pub last_modified: DateTime<Utc>,
}

impl Organization {
    /// The description in `language` when there is one, else the original.
    pub fn description_in(&self, language: &str) -> Localized<'_> {
        pick(&self.translations, language, &self.description, |t| t.description.as_deref())
    }
}

/// A physical place where a service is delivered (HSDS `location` with its `address`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Location {
    pub id: Uuid,
    pub organization_id: Uuid,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    pub country: CountryCode,
    pub point: Point,
    #[serde(with = "compact::instant")]
    pub last_modified: DateTime<Utc>,
}

/// One way to reach a service, with its own hours. `hours: None` means no fixed hours are published
/// (for websites and apps: available any time).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Channel {
    #[serde(rename = "type")]
    pub kind: ChannelType,
    pub value: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<Hours>,
}

/// Whether a channel can be used at a given moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Availability {
    Open,
    Closed,
    /// No hours are published for this channel.
    Unknown,
}

impl Channel {
    pub fn availability(&self, zone: Tz, at: DateTime<Utc>) -> Availability {
        match &self.hours {
            Some(h) if h.is_open_at(zone, at) => Availability::Open,
            Some(_) => Availability::Closed,
            None if self.is_self_service() => Availability::Open,
            None => Availability::Unknown,
        }
    }

    /// Channels a person uses on their own, without someone answering at set times.
    pub fn is_self_service(&self) -> bool {
        matches!(self.kind, ChannelType::App | ChannelType::WebProgram)
    }

    pub fn is_always_open(&self) -> bool {
        self.hours.as_ref().map_or(self.is_self_service(), |h| h.always && h.exceptions.is_empty())
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Eligibility {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_age: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_age: Option<u8>,
    /// Only people who live in the service area may use it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub residents_only: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referral: Option<Referral>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Eligibility {
    pub fn is_empty(&self) -> bool {
        *self == Eligibility::default()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Service {
    pub id: Uuid,
    pub organization_id: Uuid,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alternate_name: Option<String>,
    pub kind: Kind,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub forms: Vec<Form>,
    #[serde(default)]
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<Topic>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub audiences: Vec<Audience>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<Cost>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub delivered_by: Vec<DeliveredBy>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moderation: Option<Moderation>,
    pub areas: Vec<ServiceArea>,
    #[serde(default, skip_serializing_if = "Eligibility::is_empty")]
    pub eligibility: Eligibility,
    pub timezone: Tz,
    pub channels: Vec<Channel>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub location_ids: Vec<Uuid>,
    /// The page the facts came from.
    pub source_url: String,
    /// The date the source gives for its own content, when it gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_date: Option<SourceDate>,
    /// When a person last read `source_url` and found the facts there (HSDS `assured_date`).
    #[serde(with = "compact::day")]
    pub verified_on: NaiveDate,
    pub status: VerificationStatus,
    /// Set when the service no longer runs: it then leaves the public pages and API lists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retired: Option<Retirement>,
    /// The description and eligibility note in other languages than [`ORIGINAL_LANGUAGE`].
    #[serde(default, skip_serializing_if = "Translations::is_empty")]
    pub translations: Translations<ServiceTexts>,
    #[serde(with = "compact::instant")]
    pub last_modified: DateTime<Utc>,
}

impl Service {
    pub fn is_open_now(&self, at: DateTime<Utc>) -> bool {
        self.channels.iter().any(|c| c.availability(self.timezone, at) == Availability::Open)
    }

    pub fn is_always_open(&self) -> bool {
        self.channels.iter().any(Channel::is_always_open)
    }

    pub fn is_retired(&self) -> bool {
        self.retired.is_some()
    }

    pub fn has_form(&self, form: Form) -> bool {
        self.forms.contains(&form)
    }

    /// The description in `language` when there is one, else the original.
    pub fn description_in(&self, language: &str) -> Localized<'_> {
        pick(&self.translations, language, &self.description, |t| t.description.as_deref())
    }

    /// The eligibility note in `language` when there is one, else the original; `None` without a note.
    pub fn eligibility_note_in(&self, language: &str) -> Option<Localized<'_>> {
        let note = self.eligibility.note.as_deref()?;
        Some(pick(&self.translations, language, note, |t| t.eligibility_note.as_deref()))
    }
}

/// Everything the directory holds, as one value: what the store loads and saves in one transaction,
/// what an import produces and what the public pages read from.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Directory {
    pub organizations: Vec<Organization>,
    pub locations: Vec<Location>,
    pub services: Vec<Service>,
}

impl Directory {
    pub fn is_empty(&self) -> bool {
        self.organizations.is_empty() && self.locations.is_empty() && self.services.is_empty()
    }

    /// Orders every list by id, so that equal contents compare and serialise equal.
    pub fn sort(&mut self) {
        self.organizations.sort_by_key(|o| o.id);
        self.locations.sort_by_key(|l| l.id);
        self.services.sort_by_key(|s| s.id);
    }
}
