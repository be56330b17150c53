//! Versions of records: who wrote each one and why. Every write of a record, by an editor, an import,
//! the bundled data or (later) a followed feed, is a revision with an author.

use super::{Location, Organization, Service};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Who wrote a version of a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Author {
    /// An editor's account; `email` as it was when they wrote.
    User { id: Uuid, email: String },
    /// `helpatlas import`, naming what was imported.
    Import { source: String },
    /// The curated directory shipped with the binary.
    Bundled,
    /// A followed HSDS feed, by its name.
    Feed { name: String },
    /// The program itself (records kept from before history was recorded; tests).
    System,
}

impl Author {
    pub fn kind(&self) -> &'static str {
        match self {
            Author::User { .. } => "user",
            Author::Import { .. } => "import",
            Author::Bundled => "bundled",
            Author::Feed { .. } => "feed",
            Author::System => "system",
        }
    }

    /// The user id or feed name, where the author has one.
    pub fn reference(&self) -> Option<String> {
        match self {
            Author::User { id, .. } => Some(id.to_string()),
            Author::Feed { name } => Some(name.clone()),
            _ => None,
        }
    }

    /// What history pages and HSDS `metadata.updated_by` show.
    pub fn label(&self) -> String {
        match self {
            Author::User { email, .. } => email.clone(),
            Author::Import { source } => format!("import of {source}"),
            Author::Bundled => "bundled directory data".into(),
            Author::Feed { name } => format!("feed {name}"),
            Author::System => "Help Atlas".into(),
        }
    }

    /// The author stored as `kind`, `reference` and `label`.
    pub fn from_stored(kind: &str, reference: Option<&str>, label: &str) -> Author {
        match (kind, reference) {
            ("user", Some(id)) => Author::User { id: id.parse().unwrap_or_default(), email: label.to_string() },
            ("import", _) => Author::Import { source: label.trim_start_matches("import of ").to_string() },
            ("bundled", _) => Author::Bundled,
            ("feed", Some(name)) => Author::Feed { name: name.to_string() },
            _ => Author::System,
        }
    }
}

/// Why a revision was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    Create,
    /// A bulk write (import, bundled data) that changed a stored record.
    Update,
    Edit,
    Revert,
    Retire,
    Restore,
    Verify,
    Closures,
}

impl Action {
    pub const ALL: [Action; 8] = [
        Action::Create,
        Action::Update,
        Action::Edit,
        Action::Revert,
        Action::Retire,
        Action::Restore,
        Action::Verify,
        Action::Closures,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Action::Create => "create",
            Action::Update => "update",
            Action::Edit => "edit",
            Action::Revert => "revert",
            Action::Retire => "retire",
            Action::Restore => "restore",
            Action::Verify => "verify",
            Action::Closures => "closures",
        }
    }

    pub fn from_code(code: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.code() == code)
    }
}

/// The three kinds of record, as their tables are named.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecordKind {
    Organization,
    Location,
    Service,
}

impl RecordKind {
    pub const ALL: [RecordKind; 3] = [RecordKind::Organization, RecordKind::Location, RecordKind::Service];

    pub fn table(self) -> &'static str {
        match self {
            RecordKind::Organization => "organizations",
            RecordKind::Location => "locations",
            RecordKind::Service => "services",
        }
    }

    /// The singular, as HSDS names the resource type.
    pub fn singular(self) -> &'static str {
        match self {
            RecordKind::Organization => "organization",
            RecordKind::Location => "location",
            RecordKind::Service => "service",
        }
    }

    pub fn from_table(table: &str) -> Option<RecordKind> {
        RecordKind::ALL.into_iter().find(|k| k.table() == table)
    }
}

/// Any one record.
// One record is handled at a time (an edit, a revision): boxing the service would save nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Record {
    Organization(Organization),
    Location(Location),
    Service(Service),
}

impl Record {
    pub fn kind(&self) -> RecordKind {
        match self {
            Record::Organization(_) => RecordKind::Organization,
            Record::Location(_) => RecordKind::Location,
            Record::Service(_) => RecordKind::Service,
        }
    }

    pub fn id(&self) -> Uuid {
        match self {
            Record::Organization(o) => o.id,
            Record::Location(l) => l.id,
            Record::Service(s) => s.id,
        }
    }

    pub fn name(&self) -> &str {
        match self {
            Record::Organization(o) => &o.name,
            Record::Location(l) => &l.name,
            Record::Service(s) => &s.name,
        }
    }

    pub fn set_last_modified(&mut self, at: DateTime<Utc>) {
        match self {
            Record::Organization(o) => o.last_modified = at,
            Record::Location(l) => l.last_modified = at,
            Record::Service(s) => s.last_modified = at,
        }
    }

    /// The record as the JSON document the store keeps.
    pub fn to_json(&self) -> serde_json::Value {
        let value = match self {
            Record::Organization(o) => serde_json::to_value(o),
            Record::Location(l) => serde_json::to_value(l),
            Record::Service(s) => serde_json::to_value(s),
        };
        // The domain types serialise infallibly: no maps with non-string keys, no foreign types.
        value.unwrap_or_default()
    }

    /// Reads a stored document of `kind`.
    pub fn from_json(kind: RecordKind, doc: &str) -> Result<Record, serde_json::Error> {
        Ok(match kind {
            RecordKind::Organization => Record::Organization(serde_json::from_str(doc)?),
            RecordKind::Location => Record::Location(serde_json::from_str(doc)?),
            RecordKind::Service => Record::Service(serde_json::from_str(doc)?),
        })
    }
}

/// A record with the version it has in the store (1 for the first).
#[derive(Debug, Clone, PartialEq)]
pub struct Versioned {
    pub record: Record,
    pub version: i64,
}

/// One stored version of a record.
#[derive(Debug, Clone, PartialEq)]
pub struct Revision {
    pub kind: RecordKind,
    pub record_id: Uuid,
    pub version: i64,
    pub at: DateTime<Utc>,
    pub author: Author,
    pub action: Action,
    pub note: String,
    /// The whole record as it was after this revision.
    pub doc: String,
}

impl Revision {
    pub fn record(&self) -> Result<Record, serde_json::Error> {
        Record::from_json(self.kind, &self.doc)
    }
}
