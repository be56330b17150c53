//! The HSDS Tabular Data Package: one CSV per table of the official descriptor, with the descriptor
//! itself as `datapackage.json`. Writing is deterministic; reading turns each CSV row into a [`Row`]
//! with values typed by the descriptor, so the same checks apply as for JSON.

use super::descriptor::{self, FieldType, Resource, DATAPACKAGE_JSON};
use super::export::{self, Record};
use super::tables::{Place, Row, Tables};
use super::{documents, taxonomy, HsdsError};
use crate::model::Directory;
use serde_json::{Number, Value};
use std::collections::BTreeMap;
use std::path::Path;

/// Every table's records in the order they are written: organizations, locations and services by
/// id, each followed by its own details in their given order.
pub fn records(directory: &Directory) -> BTreeMap<&'static str, Vec<Record>> {
    let mut sorted = directory.clone();
    sorted.sort();
    let mut out: BTreeMap<&'static str, Vec<Record>> = BTreeMap::new();
    let mut push = |table: &'static str, records: Vec<Record>| out.entry(table).or_default().extend(records);
    push("taxonomy", vec![documents::taxonomy_record()]);
    push("taxonomy_term", taxonomy::terms().iter().map(documents::term_record).collect());
    for o in &sorted.organizations {
        let parts = export::organization(o);
        push("organization", vec![parts.organization]);
        push("attribute", parts.attributes);
    }
    for l in &sorted.locations {
        let parts = export::location(l);
        push("location", vec![parts.location]);
        push("address", parts.addresses);
        push("attribute", parts.attributes);
    }
    for s in &sorted.services {
        let parts = export::service(s);
        push("service", vec![parts.service]);
        push("phone", parts.phones);
        push("schedule", parts.schedules);
        push("service_area", parts.service_areas);
        push("language", parts.languages);
        push("cost_option", parts.cost_options);
        push("attribute", parts.attributes);
        push("service_at_location", parts.service_at_locations.into_iter().map(|(r, _)| r).collect());
    }
    out
}

fn cell(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

fn write_error(path: &Path, reason: impl ToString) -> HsdsError {
    HsdsError::Write { path: path.display().to_string(), reason: reason.to_string() }
}

/// One CSV table: the descriptor's columns in its order, `\n` line ends.
pub fn csv_bytes(resource: &Resource, records: &[Record]) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(Vec::new());
    writer.write_record(resource.fields.iter().map(|f| f.name.as_str()))?;
    for record in records {
        writer.write_record(resource.fields.iter().map(|f| cell(record.get(&f.name))))?;
    }
    writer.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

/// Writes the package into the directory `dir` (created if needed): every table of the official
/// descriptor, empty ones with their header only, and the descriptor unchanged.
pub fn write_package(directory: &Directory, dir: &Path) -> Result<(), HsdsError> {
    std::fs::create_dir_all(dir).map_err(|e| write_error(dir, e))?;
    let records = records(directory);
    let empty = Vec::new();
    for resource in descriptor::resources() {
        let rows = records.get(resource.name.as_str()).unwrap_or(&empty);
        let path = dir.join(&resource.path);
        let bytes = csv_bytes(resource, rows).map_err(|e| write_error(&path, e))?;
        super::write_atomically(&path, &bytes)?;
    }
    super::write_atomically(&dir.join("datapackage.json"), DATAPACKAGE_JSON.as_bytes())
}

/// Parses one CSV file of the package into rows of `resource`. Problems with the file as a whole
/// (encoding, header, malformed CSV) are returned as `Err`.
pub fn read_csv(resource: &Resource, file: &str, bytes: &[u8], tables: &mut Tables) -> Result<(), Vec<String>> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        vec![format!("{file}: not UTF-8 text (invalid byte at offset {}); save it as UTF-8", e.valid_up_to())]
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| vec![format!("{file}: unreadable header: {e}")])?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    check_header(resource, file, &header)?;
    for (i, record) in reader.records().enumerate() {
        let row = i + 2;
        let record = record.map_err(|e| vec![format!("{file} row {row}: malformed CSV: {e}")])?;
        let values = header.iter().zip(record.iter()).map(|(name, raw)| (name.clone(), typed(resource, name, raw)));
        tables
            .push(&resource.name, Row { place: Place::Csv { file: file.to_string(), row }, values: values.collect() });
    }
    Ok(())
}

fn check_header(resource: &Resource, file: &str, header: &[String]) -> Result<(), Vec<String>> {
    let mut problems: Vec<String> = header
        .iter()
        .filter(|h| resource.field(h).is_none())
        .map(|h| format!("{file} header: unknown column `{h}` (HSDS {} has no such field)", resource.name))
        .collect();
    problems.extend(
        resource
            .fields
            .iter()
            .filter(|f| f.required && !header.contains(&f.name))
            .map(|f| format!("{file} header: required column `{}` is missing", f.name)),
    );
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// A cell as a JSON value of its column's type; an unparsable number stays text for the checks to name.
fn typed(resource: &Resource, column: &str, raw: &str) -> Value {
    if raw.trim().is_empty() {
        return Value::Null;
    }
    let is_number = resource.field(column).is_some_and(|f| f.kind == FieldType::Number);
    if is_number {
        let trimmed = raw.trim();
        if let Ok(n) = trimmed.parse::<i64>() {
            return Value::Number(n.into());
        }
        if let Some(n) = trimmed.parse::<f64>().ok().and_then(Number::from_f64) {
            return Value::Number(n);
        }
    }
    Value::String(raw.to_string())
}
