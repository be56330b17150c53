//! HSDS JSON documents into flat rows: each nested object becomes a row of its table, linked to its
//! parent by the id column HSDS defines for that link. The same record may appear several times in
//! one document (the official example nests one phone under the service, its location and a contact);
//! the copies are merged, and copies that disagree are a problem.

use super::descriptor;
use super::tables::{Cell, Place, Row, Table, Tables};
use serde_json::{Map, Value};
use std::collections::HashMap;

/// How a nested value links to the object that holds it.
#[derive(Clone, Copy)]
enum Link {
    /// An array of children that each get the parent's id in this column.
    Children(&'static str),
    /// One object whose id the parent gets in this column.
    Parent(&'static str),
    /// Attributes: `link_id` (and `link_entity`) name the parent.
    Attributes,
}

/// `(parent table, property, child table, link)`: every nesting the HSDS 3.0 schemas define.
const NESTING: &[(&str, &str, &str, Link)] = &[
    ("service", "phones", "phone", Link::Children("service_id")),
    ("service", "schedules", "schedule", Link::Children("service_id")),
    ("service", "service_areas", "service_area", Link::Children("service_id")),
    ("service", "service_at_locations", "service_at_location", Link::Children("service_id")),
    ("service", "languages", "language", Link::Children("service_id")),
    ("service", "organization", "organization", Link::Parent("organization_id")),
    ("service", "funding", "funding", Link::Children("service_id")),
    ("service", "cost_options", "cost_option", Link::Children("service_id")),
    ("service", "program", "program", Link::Parent("program_id")),
    ("service", "required_documents", "required_document", Link::Children("service_id")),
    ("service", "contacts", "contact", Link::Children("service_id")),
    ("service_at_location", "contacts", "contact", Link::Children("service_at_location_id")),
    ("service_at_location", "phones", "phone", Link::Children("service_at_location_id")),
    ("service_at_location", "schedules", "schedule", Link::Children("service_at_location_id")),
    ("service_at_location", "location", "location", Link::Parent("location_id")),
    ("service_at_location", "service", "service", Link::Parent("service_id")),
    ("location", "languages", "language", Link::Children("location_id")),
    ("location", "addresses", "address", Link::Children("location_id")),
    ("location", "contacts", "contact", Link::Children("location_id")),
    ("location", "accessibility", "accessibility", Link::Children("location_id")),
    ("location", "phones", "phone", Link::Children("location_id")),
    ("location", "schedules", "schedule", Link::Children("location_id")),
    ("organization", "funding", "funding", Link::Children("organization_id")),
    ("organization", "contacts", "contact", Link::Children("organization_id")),
    ("organization", "phones", "phone", Link::Children("organization_id")),
    ("organization", "locations", "location", Link::Children("organization_id")),
    ("organization", "programs", "program", Link::Children("organization_id")),
    ("organization", "organization_identifiers", "organization_identifier", Link::Children("organization_id")),
    ("organization", "services", "service", Link::Children("organization_id")),
    ("phone", "languages", "language", Link::Children("phone_id")),
    ("contact", "phones", "phone", Link::Children("contact_id")),
    ("attribute", "taxonomy_term", "taxonomy_term", Link::Parent("taxonomy_term_id")),
    ("taxonomy_term", "taxonomy_detail", "taxonomy", Link::Parent("taxonomy_id")),
];

/// Every table may carry attributes and metadata; metadata (change history) is not imported.
fn nesting(table: &str, property: &str) -> Option<(&'static str, Link)> {
    if property == "attributes" {
        return Some(("attribute", Link::Attributes));
    }
    NESTING
        .iter()
        .find(|(parent, key, _, _)| *parent == table && *key == property)
        .map(|(_, _, child, link)| (*child, *link))
}

/// Collects the rows of many documents, merging copies of one record.
#[derive(Default)]
pub struct Flattener {
    pub tables: Tables,
    positions: HashMap<(String, String), usize>,
    pub problems: Vec<String>,
}

impl Flattener {
    /// Adds one top-level document of `table` (`service`, `organization`, `service_at_location`).
    pub fn document(&mut self, document: &str, value: Value) {
        let place = Place::Json { document: document.into(), path: String::new() };
        match value {
            Value::Object(object) => match document_table(&object) {
                Some(table) => {
                    self.object(table, place, object);
                }
                None => self.problems.push(format!("{document}: the API's root document holds no records")),
            },
            other => self.problems.push(format!("{document}: expected a JSON object, found `{}`", short_value(&other))),
        }
    }

    /// Adds one object and its nested objects; returns its id.
    fn object(&mut self, table: &str, place: Place, object: Map<String, Value>) -> Option<Value> {
        let mut values = Map::new();
        let mut nested = Vec::new();
        for (key, value) in object {
            match nesting(table, &key) {
                Some(link) if !value.is_null() => nested.push((key, value, link)),
                _ if key == "metadata" => {}
                _ => {
                    values.insert(key, value);
                }
            }
        }
        for (key, value, (child, link)) in nested {
            let path = |suffix: String| match &place {
                Place::Json { document, path } => {
                    Place::Json { document: document.clone(), path: format!("{path}.{key}{suffix}") }
                }
                csv => csv.clone(),
            };
            match (link, value) {
                (Link::Parent(column), Value::Object(mut inner)) => {
                    // A program nested in a service belongs to the service's organization.
                    if child == "program" {
                        let organization = values.get("organization_id").cloned().unwrap_or(Value::Null);
                        inner.entry("organization_id").or_insert(organization);
                    }
                    if let Some(id) = self.object(child, path(String::new()), inner) {
                        values.entry(column.to_string()).or_insert(id);
                    }
                }
                (Link::Children(_) | Link::Attributes, Value::Array(items)) => {
                    for (i, item) in items.into_iter().enumerate() {
                        let Value::Object(mut inner) = item else {
                            self.problems.push(format!("{}: expected a JSON object", path(format!("[{i}]"))));
                            continue;
                        };
                        let parent_id = values.get("id").cloned().unwrap_or(Value::Null);
                        match link {
                            Link::Attributes => {
                                inner.entry("link_id").or_insert(parent_id);
                                inner.entry("link_entity").or_insert(Value::String(table.to_string()));
                            }
                            Link::Children(column) => {
                                inner.entry(column).or_insert(parent_id);
                            }
                            Link::Parent(_) => {}
                        }
                        self.object(child, path(format!("[{i}]")), inner);
                    }
                }
                (_, other) => {
                    let expected = if matches!(link, Link::Parent(_)) { "an object" } else { "an array" };
                    self.problems.push(format!(
                        "{}: expected {expected}, found `{}`",
                        path(String::new()),
                        short_value(&other)
                    ));
                }
            }
        }
        let id = values.get("id").cloned();
        match descriptor::resource(table) {
            Some(resource) => self.add(table, Table::single_json(resource, place, &values)),
            // Every table of NESTING and document_table is one of the descriptor's.
            None => self.problems.push(format!("{place}: HSDS has no table `{table}`")),
        }
        id
    }

    /// Adds one record (a table of one row), merged into an earlier copy of it when there is one.
    fn add(&mut self, table: &str, record: Table) {
        let Some(id) = record.get(0).and_then(|row| row.text("id")).map(|id| id.into_owned()) else {
            self.tables.push(record);
            return;
        };
        let key = (table.to_string(), id);
        match self.positions.get(&key) {
            Some(&position) => {
                let Some(rows) = self.tables.tables.get_mut(table) else { return };
                let (Some(existing), Some(copy)) = (rows.get(position), record.get(0)) else { return };
                let (merged, conflicts) = merge(existing, copy, table);
                rows.overwrite(position, &merged);
                self.problems.extend(conflicts);
            }
            None => {
                self.positions.insert(key, self.tables.of(table).len());
                self.tables.push(record);
            }
        }
    }
}

/// A second copy of a record merged into the first (as a table of one row), and how they disagree.
fn merge(existing: Row, copy: Row, table: &str) -> (Table, Vec<String>) {
    let mut problems = Vec::new();
    let fields = &existing.resource().fields;
    let merged: Vec<Cell> = existing
        .cells()
        .zip(copy.cells())
        .zip(fields)
        .map(|((old, new), field)| match (old, new) {
            (Cell::Empty, new) => new,
            (old, new) if new == Cell::Empty || old == new => old,
            (old, new) => {
                problems.push(format!(
                    "{}: {table} {} appears again at {} with a different {} (`{}` and `{}`)",
                    existing.place(),
                    existing.text("id").unwrap_or_default(),
                    copy.place(),
                    field.name,
                    short(&cell_text(old)),
                    short(&cell_text(new))
                ));
                old
            }
        })
        .collect();
    (Table::single(existing.resource(), existing.place(), merged), problems)
}

fn cell_text(cell: Cell<'_>) -> std::borrow::Cow<'_, str> {
    match cell {
        Cell::Empty => "null".into(),
        Cell::Text(s) | Cell::Number(s) | Cell::Json(s) => s.into(),
        Cell::Uuid(id) => id.to_string().into(),
    }
}

fn short_value(value: &Value) -> String {
    match value {
        Value::String(s) => short(s),
        other => short(&other.to_string()),
    }
}

fn short(text: &str) -> String {
    if text.chars().count() > 60 {
        format!("{}…", text.chars().take(60).collect::<String>())
    } else {
        text.to_string()
    }
}

/// Which table a top-level document belongs to, from the properties HSDS requires or only that table
/// has; `None` for the API's root document, which holds no records.
pub fn document_table(object: &Map<String, Value>) -> Option<&'static str> {
    let has = |key: &str| object.contains_key(key);
    let only_taxonomy_keys =
        object.keys().all(|k| ["id", "name", "description", "uri", "version", "metadata"].contains(&k.as_str()));
    if has("openapi_url") {
        None
    } else if object.get("service").is_some_and(Value::is_object) {
        Some("service_at_location")
    } else if has("status") || has("organization_id") && !has("location_type") {
        Some("service")
    } else if has("location_type") {
        Some("location")
    } else if has("taxonomy_detail") || has("code") || has("term_uri") {
        Some("taxonomy_term")
    } else if has("version") && only_taxonomy_keys {
        Some("taxonomy")
    } else {
        Some("organization")
    }
}
