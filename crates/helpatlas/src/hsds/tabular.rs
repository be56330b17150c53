//! The HSDS Tabular Data Package: one CSV per table of the official descriptor, with the descriptor
//! itself as `datapackage.json`. Writing is deterministic; reading turns each CSV row into a [`Row`]
//! with values typed by the descriptor, so the same checks apply as for JSON.

use super::descriptor::{self, FieldType, Resource, DATAPACKAGE_JSON};
use super::export::{self, Record};
use super::tables::{Place, Row, Tables};
use super::{documents, taxonomy, write_error, AtomicFile, HsdsError};
use crate::model::{Directory, Location, Organization, Service};
use serde_json::{Number, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn cell(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

/// One CSV table being written: the descriptor's columns in its order, `\n` line ends.
struct TableWriter {
    resource: &'static Resource,
    path: PathBuf,
    csv: csv::Writer<AtomicFile>,
}

impl TableWriter {
    fn write(&mut self, record: &Record) -> Result<(), HsdsError> {
        let cells = self.resource.fields.iter().map(|f| cell(record.get(&f.name)));
        self.csv.write_record(cells).map_err(|e| write_error(&self.path, e))
    }
}

/// Writes the package into a directory as records are handed in, every table at once, so an export
/// of any size needs memory for one record only. Each table holds organizations', then locations',
/// then services' rows, in the order given: callers hand in organizations by id, then locations by
/// id, then services by id, which makes the same data give the same bytes.
pub struct PackageWriter {
    dir: PathBuf,
    /// By resource name; every table of the official descriptor, so empty ones get their header.
    tables: BTreeMap<&'static str, TableWriter>,
}

impl PackageWriter {
    /// Creates `dir` if needed and starts every table with its header and the taxonomy's rows.
    pub fn create(dir: &Path) -> Result<PackageWriter, HsdsError> {
        std::fs::create_dir_all(dir).map_err(|e| write_error(dir, e))?;
        let mut tables = BTreeMap::new();
        for resource in descriptor::resources() {
            let path = dir.join(&resource.path);
            let file = AtomicFile::create(&path)?;
            let mut csv = csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(file);
            csv.write_record(resource.fields.iter().map(|f| f.name.as_str())).map_err(|e| write_error(&path, e))?;
            tables.insert(resource.name.as_str(), TableWriter { resource, path, csv });
        }
        let mut writer = PackageWriter { dir: dir.to_path_buf(), tables };
        writer.write("taxonomy", &[documents::taxonomy_record()])?;
        let terms: Vec<Record> = taxonomy::terms().iter().map(documents::term_record).collect();
        writer.write("taxonomy_term", &terms)?;
        Ok(writer)
    }

    fn write(&mut self, table: &str, records: &[Record]) -> Result<(), HsdsError> {
        // Every table this module writes is in the compiled-in descriptor (a test exports them all).
        let Some(writer) = self.tables.get_mut(table) else {
            return Err(write_error(&self.dir, format!("the HSDS descriptor has no table `{table}`")));
        };
        records.iter().try_for_each(|record| writer.write(record))
    }

    pub fn organization(&mut self, o: &Organization) -> Result<(), HsdsError> {
        let parts = export::organization(o);
        self.write("organization", &[parts.organization])?;
        self.write("attribute", &parts.attributes)
    }

    pub fn location(&mut self, l: &Location) -> Result<(), HsdsError> {
        let parts = export::location(l);
        self.write("location", &[parts.location])?;
        self.write("address", &parts.addresses)?;
        self.write("attribute", &parts.attributes)
    }

    pub fn service(&mut self, s: &Service) -> Result<(), HsdsError> {
        let parts = export::service(s);
        self.write("service", &[parts.service])?;
        self.write("phone", &parts.phones)?;
        self.write("schedule", &parts.schedules)?;
        self.write("service_area", &parts.service_areas)?;
        self.write("language", &parts.languages)?;
        self.write("cost_option", &parts.cost_options)?;
        self.write("attribute", &parts.attributes)?;
        let service_at_locations: Vec<Record> = parts.service_at_locations.into_iter().map(|(r, _)| r).collect();
        self.write("service_at_location", &service_at_locations)
    }

    /// Writes a whole directory held in memory, in the order [`PackageWriter`] asks for.
    pub fn directory(&mut self, directory: &Directory) -> Result<(), HsdsError> {
        let mut organizations: Vec<&Organization> = directory.organizations.iter().collect();
        organizations.sort_by_key(|o| o.id);
        organizations.into_iter().try_for_each(|o| self.organization(o))?;
        let mut locations: Vec<&Location> = directory.locations.iter().collect();
        locations.sort_by_key(|l| l.id);
        locations.into_iter().try_for_each(|l| self.location(l))?;
        let mut services: Vec<&Service> = directory.services.iter().collect();
        services.sort_by_key(|s| s.id);
        services.into_iter().try_for_each(|s| self.service(s))
    }

    /// Completes every table and writes the descriptor unchanged.
    pub fn finish(self) -> Result<(), HsdsError> {
        for table in self.tables.into_values() {
            let file = table.csv.into_inner().map_err(|e| write_error(&table.path, e.into_error()))?;
            file.commit()?;
        }
        super::write_atomically(&self.dir.join("datapackage.json"), DATAPACKAGE_JSON.as_bytes())
    }
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
