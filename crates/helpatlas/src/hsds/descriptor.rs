//! The official HSDS 3.0 Tabular Data Package descriptor, compiled in: table names, CSV file names,
//! columns with their types and constraints, and foreign keys. Both the export (column order) and the
//! import checks (types, required, enums, uniqueness, references) are driven by it, so they follow the
//! standard rather than a hand-written copy of it.

use serde::Deserialize;
use std::sync::OnceLock;

/// The descriptor exactly as Open Referral publishes it (`data/hsds/datapackage.json`).
pub const DATAPACKAGE_JSON: &str = include_str!("../../../../data/hsds/datapackage.json");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    String,
    Number,
    Date,
    Time,
    DateTime,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    None,
    Uuid,
    Email,
    Uri,
}

#[derive(Debug, Clone)]
pub struct Field {
    pub name: String,
    pub kind: FieldType,
    pub format: Format,
    pub required: bool,
    pub unique: bool,
    pub allowed: Option<Vec<String>>,
}

#[derive(Debug, Clone)]
pub struct ForeignKey {
    pub field: String,
    /// The referenced resource's name (always its `id` column in HSDS).
    pub resource: String,
}

#[derive(Debug, Clone)]
pub struct Resource {
    pub name: String,
    pub path: String,
    pub fields: Vec<Field>,
    pub foreign_keys: Vec<ForeignKey>,
}

impl Resource {
    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.name == name)
    }
}

#[derive(Deserialize)]
struct RawPackage {
    resources: Vec<RawResource>,
}

#[derive(Deserialize)]
struct RawResource {
    name: String,
    path: String,
    schema: RawSchema,
}

#[derive(Deserialize)]
struct RawSchema {
    fields: Vec<RawField>,
    #[serde(default, rename = "foreignKeys")]
    foreign_keys: Vec<RawForeignKey>,
}

#[derive(Deserialize)]
struct RawField {
    name: String,
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    format: Option<String>,
    #[serde(default)]
    constraints: RawConstraints,
}

#[derive(Deserialize, Default)]
struct RawConstraints {
    #[serde(default)]
    required: bool,
    #[serde(default)]
    unique: bool,
    #[serde(default, rename = "enum")]
    allowed: Option<Vec<String>>,
}

#[derive(Deserialize)]
struct RawForeignKey {
    fields: String,
    reference: RawReference,
}

#[derive(Deserialize)]
struct RawReference {
    resource: String,
}

fn field(raw: RawField) -> Field {
    let kind = match raw.kind.as_str() {
        "number" | "integer" => FieldType::Number,
        "date" => FieldType::Date,
        "time" => FieldType::Time,
        "datetime" => FieldType::DateTime,
        _ => FieldType::String,
    };
    let format = match raw.format.as_deref() {
        Some("uuid") => Format::Uuid,
        Some("email") => Format::Email,
        Some("uri") => Format::Uri,
        _ => Format::None,
    };
    let c = raw.constraints;
    Field { name: raw.name, kind, format, required: c.required, unique: c.unique, allowed: c.allowed }
}

/// Every resource of the official package, in the descriptor's order.
pub fn resources() -> &'static [Resource] {
    static RESOURCES: OnceLock<Vec<Resource>> = OnceLock::new();
    RESOURCES.get_or_init(|| {
        // The descriptor is compiled in and covered by tests: failing to parse it is a build bug.
        let raw: RawPackage = match serde_json::from_str(DATAPACKAGE_JSON) {
            Ok(raw) => raw,
            Err(e) => panic!("data/hsds/datapackage.json is invalid: {e}"),
        };
        raw.resources
            .into_iter()
            .map(|r| Resource {
                name: r.name,
                path: r.path,
                fields: r.schema.fields.into_iter().map(field).collect(),
                foreign_keys: r
                    .schema
                    .foreign_keys
                    .into_iter()
                    .map(|k| ForeignKey { field: k.fields, resource: k.reference.resource })
                    .collect(),
            })
            .collect()
    })
}

pub fn resource(name: &str) -> Option<&'static Resource> {
    resources().iter().find(|r| r.name == name)
}

pub fn resource_by_path(path: &str) -> Option<&'static Resource> {
    resources().iter().find(|r| r.path == path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_official_descriptor_parses() {
        let services = resource("service").expect("service resource");
        assert_eq!(services.path, "services.csv");
        assert!(services.field("status").is_some_and(|f| f.required && f.allowed.is_some()));
        assert_eq!(resource("service_at_location").map(|r| r.path.as_str()), Some("service_at_location.csv"));
        assert!(resources().len() >= 20);
    }
}
