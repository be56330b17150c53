//! What changed between two versions of a record, field by field, in words an editor reads: every
//! field of the stored document by its path (`channels 2 › hours`), hours in the data-file notation.

use super::{Hours, Record};
use serde_json::Value;

/// One changed field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    /// The field's path, e.g. `eligibility › min age`.
    pub field: String,
    /// Empty when the field was not set.
    pub before: String,
    pub after: String,
}

/// Fields that change with every save and say nothing about the content.
const SKIPPED: [&str; 1] = ["last modified"];

fn label(path: &str, key: &str) -> String {
    let key = key.replace('_', " ");
    if path.is_empty() {
        key
    } else {
        format!("{path} › {key}")
    }
}

fn hours_text(value: &Value) -> Option<String> {
    let hours: Hours = serde_json::from_value(value.clone()).ok()?;
    let mut lines = hours.rules_notation();
    lines.extend(hours.exceptions.iter().map(ToString::to_string));
    Some(lines.join("; "))
}

fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(if *b { "yes" } else { "no" }.to_string()),
        _ => None,
    }
}

fn flatten(value: &Value, path: &str, out: &mut Vec<(String, String)>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                let here = label(path, key);
                match (key.as_str(), hours_text(v)) {
                    ("hours", Some(text)) => out.push((here, text)),
                    _ => flatten(v, &here, out),
                }
            }
        }
        Value::Array(items) if items.iter().all(|i| scalar(i).is_some()) => {
            out.push((path.to_string(), items.iter().filter_map(scalar).collect::<Vec<_>>().join(", ")));
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                flatten(item, &format!("{path} {}", i + 1), out);
            }
        }
        Value::Null => {}
        other => out.extend(scalar(other).map(|s| (path.to_string(), s))),
    }
}

/// Every field of `record` with its value.
pub fn fields(record: &Record) -> Vec<(String, String)> {
    let mut out = Vec::new();
    flatten(&record.to_json(), "", &mut out);
    out.retain(|(field, _)| !SKIPPED.contains(&field.as_str()));
    out
}

/// The fields that differ between `before` (none for a new record) and `after`: those `after` has,
/// then those only `before` had.
pub fn diff(before: Option<&Record>, after: &Record) -> Vec<FieldChange> {
    let old = before.map(fields).unwrap_or_default();
    let new = fields(after);
    let value_in = |list: &[(String, String)], field: &str| {
        list.iter().find(|(f, _)| f == field).map(|(_, v)| v.clone()).unwrap_or_default()
    };
    let mut changes: Vec<FieldChange> = new
        .iter()
        .filter(|(field, value)| value_in(&old, field) != *value)
        .map(|(field, value)| FieldChange { field: field.clone(), before: value_in(&old, field), after: value.clone() })
        .collect();
    changes.extend(
        old.iter().filter(|(field, _)| !new.iter().any(|(f, _)| f == field)).map(|(field, value)| FieldChange {
            field: field.clone(),
            before: value.clone(),
            after: String::new(),
        }),
    );
    changes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundled;

    fn samaritans() -> crate::model::Service {
        let directory = bundled::load().expect("bundled data").0;
        let id = bundled::service_id("gb-samaritans");
        directory.services.into_iter().find(|s| s.id == id).expect("samaritans")
    }

    #[test]
    fn a_change_of_hours_and_name_reads_as_two_fields() {
        let before = samaritans();
        let mut after = before.clone();
        after.name = "Samaritans UK".into();
        after.channels[0].hours = Some(Hours::parse(&["Mo-Fr 09:00-17:00"], &["2026-12-24 closed"]).expect("hours"));
        after.last_modified = chrono::Utc::now();
        let changes = diff(Some(&Record::Service(before)), &Record::Service(after));
        let change = |field: &str| changes.iter().find(|c| c.field == field).expect(field);
        assert_eq!(changes.len(), 2, "{changes:?}");
        assert_eq!(change("name").before, "Samaritans helpline");
        assert_eq!(change("channels 1 › hours").after, "Mo,Tu,We,Th,Fr 09:00-17:00; 2026-12-24 closed");
    }

    #[test]
    fn a_new_record_lists_every_field_and_a_removed_value_is_shown_gone() {
        let service = samaritans();
        let all = diff(None, &Record::Service(service.clone()));
        assert!(all.iter().any(|c| c.field == "topics" && c.before.is_empty()));
        let mut without = service.clone();
        without.url = None;
        let changes = diff(Some(&Record::Service(service)), &Record::Service(without));
        assert_eq!(changes.len(), 1);
        assert_eq!((changes[0].field.as_str(), changes[0].after.as_str()), ("url", ""));
    }
}
