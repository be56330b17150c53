//! A followed feed: another directory's HSDS publication that this directory takes records from,
//! and where each record it brought came from.

use super::{CountryCode, Kind, RecordKind};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use uuid::Uuid;

/// How a feed is published, as its first successful pull found out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FeedForm {
    /// An HSDS API: `/services` read page by page.
    Api,
    /// One file: HSDS JSON or ndjson, Help Atlas JSON, or a Tabular Data Package zip.
    File,
}

impl FeedForm {
    pub fn code(self) -> &'static str {
        match self {
            FeedForm::Api => "api",
            FeedForm::File => "file",
        }
    }

    pub fn from_code(code: &str) -> Option<FeedForm> {
        match code {
            "api" => Some(FeedForm::Api),
            "file" => Some(FeedForm::File),
            _ => None,
        }
    }
}

/// What the last pull of a feed did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PullOutcome {
    /// Records were read (whether or not any changed).
    Changed,
    /// The publisher said nothing changed since the last pull (HTTP 304).
    Unchanged,
    /// Nothing was changed: the feed could not be reached, read or accepted.
    Failed,
}

impl PullOutcome {
    pub fn code(self) -> &'static str {
        match self {
            PullOutcome::Changed => "changed",
            PullOutcome::Unchanged => "unchanged",
            PullOutcome::Failed => "failed",
        }
    }

    pub fn from_code(code: &str) -> Option<PullOutcome> {
        match code {
            "changed" => Some(PullOutcome::Changed),
            "unchanged" => Some(PullOutcome::Unchanged),
            "failed" => Some(PullOutcome::Failed),
            _ => None,
        }
    }
}

/// A publisher's validators for one URL, sent back as `If-None-Match` and `If-Modified-Since`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Validator {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
}

/// A feed and the state of its pulls.
#[derive(Debug, Clone, PartialEq)]
pub struct Feed {
    /// The operator's name for it: letters, digits and `-`, unique.
    pub name: String,
    pub url: String,
    pub every_hours: u32,
    /// Only services in these countries (none: all).
    pub countries: Vec<CountryCode>,
    /// Only services of these kinds (none: all).
    pub kinds: Vec<Kind>,
    /// The publisher's licence as the operator gave it.
    pub licence: String,
    pub form: Option<FeedForm>,
    /// By URL: the validators of the last successful pull.
    pub validators: BTreeMap<String, Validator>,
    pub created_at: DateTime<Utc>,
    pub attempted_at: Option<DateTime<Utc>>,
    pub succeeded_at: Option<DateTime<Utc>>,
    pub outcome: Option<PullOutcome>,
    /// What the last pull did, or why it failed (the importer's message).
    pub message: String,
    /// When the last successful full pull (every record asked for) started.
    pub full_pulled_at: Option<DateTime<Utc>>,
    /// When the last successful pull that read records (not only `304`s) started: an incremental
    /// pull asks for what changed since then.
    pub read_at: Option<DateTime<Utc>>,
}

impl Feed {
    /// Whether a pull is due at `now`: never pulled, or `every_hours` since the last attempt.
    pub fn is_due(&self, now: DateTime<Utc>) -> bool {
        self.attempted_at.is_none_or(|at| now - at >= chrono::Duration::hours(self.every_hours.into()))
    }
}

/// One record a feed brought.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedRecord {
    pub feed: String,
    pub kind: RecordKind,
    /// The record's id in this directory.
    pub record_id: Uuid,
    /// The record's id at the publisher.
    pub publisher_id: Uuid,
    pub first_seen: DateTime<Utc>,
    pub last_seen: DateTime<Utc>,
    /// Successful pulls in a row that did not have it.
    pub missed: u32,
    /// Fields a local editor changed: pulls leave them as the editor did.
    pub pinned: Vec<String>,
    /// Pinned fields whose value at the publisher differs from the local one.
    pub differs: Vec<String>,
}

/// Where a record a feed brought came from, as exports and the API show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provenance {
    pub feed: String,
    pub publisher_id: Uuid,
    pub first_seen: DateTime<Utc>,
    pub last_seen: DateTime<Utc>,
    /// The publisher's licence as the operator gave it ('' when not given).
    pub licence: String,
}

/// Where a listed record came from, for its public page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedOrigin {
    pub feed: String,
    pub licence: String,
    pub last_seen: DateTime<Utc>,
    /// Fields changed here whose value at the publisher differs.
    pub differs: Vec<String>,
}

/// Two listings that look like the same service: `record_id` came from a feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListingLink {
    pub record_id: uuid::Uuid,
    pub other_id: uuid::Uuid,
    /// Why they look alike, e.g. "same phone number +47 116 123".
    pub reason: String,
    pub status: LinkStatus,
}

/// Where an editor's review of a [`ListingLink`] stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkStatus {
    Suggested,
    /// One listing: the feed's copy is retired, the other names the feed among its sources.
    Confirmed,
    /// Different services: never suggested again.
    Split,
}

impl LinkStatus {
    pub fn code(self) -> &'static str {
        match self {
            LinkStatus::Suggested => "suggested",
            LinkStatus::Confirmed => "confirmed",
            LinkStatus::Split => "split",
        }
    }

    pub fn from_code(code: &str) -> Option<LinkStatus> {
        [LinkStatus::Suggested, LinkStatus::Confirmed, LinkStatus::Split].into_iter().find(|s| s.code() == code)
    }
}
