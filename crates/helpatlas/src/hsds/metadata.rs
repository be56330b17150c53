//! HSDS `metadata`: the change records of an export, read from the revision history. A creation is one
//! row; every later revision gives one row per field it changed, in the words the editors' history
//! shows. Every column of the table is required by the official descriptor, so values that were not set
//! are written as [`NOT_SET`]. Records that followed feeds brought also carry their provenance, which
//! the exports write as attributes of the `feed…` terms (see `export::provenance_attributes`).

use super::export::{child_id, Record};
use crate::model::diff::diff;
use crate::model::{Action, Author, Provenance, Revision};
use serde_json::json;
use std::collections::HashMap;
use uuid::Uuid;

/// What a field held before it was first set, or after it was cleared.
pub const NOT_SET: &str = "(not set)";

/// The metadata rows of records, by the id of the record they describe.
#[derive(Debug, Default)]
pub struct Metadata {
    by_resource: HashMap<Uuid, Vec<Record>>,
    provenance: HashMap<Uuid, Provenance>,
}

impl Metadata {
    /// Builds the rows of `revisions`, which hold each record's versions oldest first.
    pub fn from_revisions(revisions: &[Revision]) -> Metadata {
        let mut metadata = Metadata::default();
        let mut previous: Option<&Revision> = None;
        for revision in revisions {
            let before = previous.filter(|p| p.record_id == revision.record_id);
            metadata.by_resource.entry(revision.record_id).or_default().extend(rows(before, revision));
            previous = Some(revision);
        }
        metadata
    }

    pub fn of(&self, resource: Uuid) -> &[Record] {
        self.by_resource.get(&resource).map(Vec::as_slice).unwrap_or_default()
    }

    /// Adds where records that feeds brought came from, by record id.
    pub fn with_provenance(mut self, provenance: impl IntoIterator<Item = (Uuid, Provenance)>) -> Metadata {
        self.provenance.extend(provenance);
        self
    }

    pub fn provenance(&self, resource: Uuid) -> Option<&Provenance> {
        self.provenance.get(&resource)
    }
}

/// Who wrote a version, as an export shows it: an editor by account id, never by e-mail address, since
/// exports are published.
fn updated_by(author: &Author) -> String {
    match author {
        Author::User { id, .. } => format!("editor {id}"),
        other => other.label(),
    }
}

fn or_not_set(value: String) -> String {
    if value.is_empty() {
        NOT_SET.to_string()
    } else {
        value
    }
}

/// The rows of one revision; `before` is the record's previous revision, if any.
fn rows(before: Option<&Revision>, revision: &Revision) -> Vec<Record> {
    let row = |index: usize, field: &str, previous: String, replacement: String| {
        let key = format!("{}:{index}", revision.version);
        let pairs = [
            ("id", json!(child_id("metadata", revision.record_id, &key))),
            ("resource_id", json!(revision.record_id)),
            ("resource_type", json!(revision.kind.singular())),
            ("last_action_date", json!(revision.at.date_naive().to_string())),
            ("last_action_type", json!(revision.action.code())),
            ("field_name", json!(field)),
            ("previous_value", json!(or_not_set(previous))),
            ("replacement_value", json!(or_not_set(replacement))),
            ("updated_by", json!(updated_by(&revision.author))),
        ];
        pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect::<Record>()
    };
    let (Some(before), Ok(after)) = (before, revision.record()) else {
        // A record's first version (or one that no longer reads): the record as a whole.
        return vec![row(0, "record", String::new(), revision.action.code().to_string())];
    };
    let changes = before.record().map(|b| diff(Some(&b), &after)).unwrap_or_default();
    if changes.is_empty() || revision.action == Action::Create {
        return vec![row(0, "record", String::new(), revision.action.code().to_string())];
    }
    changes.into_iter().enumerate().map(|(i, c)| row(i, &c.field, c.before, c.after)).collect()
}
