//! The HSDS Tabular Data Package: one CSV per table of the official descriptor, with the descriptor
//! itself as `datapackage.json`. Writing is deterministic; reading turns each CSV row into a [`Row`]
//! with values typed by the descriptor, so the same checks apply as for JSON.

use super::descriptor::{self, Field, FieldType, Resource, DATAPACKAGE_JSON};
use super::export::{self, Record};
use super::metadata::Metadata;
use super::tables::{Cell, Place, Tables, MAX_ROW_BYTES};
use super::{documents, taxonomy, write_error, AtomicFile, HsdsError};
use crate::model::{Directory, Location, Organization, Service};
use serde_json::Value;
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

    /// The provenance attributes of a record a followed feed brought.
    fn provenance(&mut self, entity: &str, id: uuid::Uuid, metadata: &Metadata) -> Result<(), HsdsError> {
        match metadata.provenance(id) {
            Some(p) => self.write("attribute", &export::provenance_attributes(entity, id, p)),
            None => Ok(()),
        }
    }

    pub fn organization(&mut self, o: &Organization, metadata: &Metadata) -> Result<(), HsdsError> {
        let parts = export::organization(o);
        self.write("organization", &[parts.organization])?;
        self.write("attribute", &parts.attributes)?;
        self.provenance("organization", o.id, metadata)?;
        self.write("metadata", metadata.of(o.id))
    }

    pub fn location(&mut self, l: &Location, metadata: &Metadata) -> Result<(), HsdsError> {
        let parts = export::location(l);
        self.write("location", &[parts.location])?;
        self.write("address", &parts.addresses)?;
        self.write("attribute", &parts.attributes)?;
        self.provenance("location", l.id, metadata)?;
        self.write("metadata", metadata.of(l.id))
    }

    pub fn service(&mut self, s: &Service, metadata: &Metadata) -> Result<(), HsdsError> {
        self.write("metadata", metadata.of(s.id))?;
        let parts = export::service(s);
        self.write("service", &[parts.service])?;
        self.write("phone", &parts.phones)?;
        self.write("schedule", &parts.schedules)?;
        self.write("service_area", &parts.service_areas)?;
        self.write("language", &parts.languages)?;
        self.write("cost_option", &parts.cost_options)?;
        self.write("attribute", &parts.attributes)?;
        self.provenance("service", s.id, metadata)?;
        let service_at_locations: Vec<Record> = parts.service_at_locations.into_iter().map(|(r, _)| r).collect();
        self.write("service_at_location", &service_at_locations)
    }

    /// Writes a whole directory held in memory, in the order [`PackageWriter`] asks for, with the
    /// change records of `metadata`.
    pub fn directory(&mut self, directory: &Directory, metadata: &Metadata) -> Result<(), HsdsError> {
        let mut organizations: Vec<&Organization> = directory.organizations.iter().collect();
        organizations.sort_by_key(|o| o.id);
        organizations.into_iter().try_for_each(|o| self.organization(o, metadata))?;
        let mut locations: Vec<&Location> = directory.locations.iter().collect();
        locations.sort_by_key(|l| l.id);
        locations.into_iter().try_for_each(|l| self.location(l, metadata))?;
        let mut services: Vec<&Service> = directory.services.iter().collect();
        services.sort_by_key(|s| s.id);
        services.into_iter().try_for_each(|s| self.service(s, metadata))
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

/// Parses one CSV file of the package into rows of `resource`, as it is read: the file itself is never
/// held in memory. Problems with the file as a whole (encoding, header, malformed CSV, an absurdly long
/// row) are returned as `Err`.
pub fn read_csv(
    resource: &'static Resource,
    file: &str,
    input: impl std::io::Read,
    tables: &mut Tables,
) -> Result<(), Vec<String>> {
    // The csv reader skips a UTF-8 byte order mark before the header.
    let mut reader = csv::ReaderBuilder::new().buffer_capacity(1 << 16).from_reader(input);
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| vec![format!("{file}: unreadable header: {e}")])?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    check_header(resource, file, &header)?;
    // Where each field of the descriptor is in the file, if it is there.
    let columns: Vec<Option<usize>> =
        resource.fields.iter().map(|f| header.iter().position(|h| *h == f.name)).collect();
    let shared: std::sync::Arc<str> = file.into();
    let table = tables.table(resource);
    let mut record = csv::ByteRecord::new();
    let mut row = 1;
    loop {
        row += 1;
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => return Ok(()),
            Err(e) => return Err(vec![format!("{file} row {row}: malformed CSV: {e}")]),
        }
        if record.as_slice().len() > MAX_ROW_BYTES {
            return Err(vec![format!("{file} row {row}: longer than {MAX_ROW_BYTES} bytes")]);
        }
        let mut cells = Vec::with_capacity(columns.len());
        for (field, column) in resource.fields.iter().zip(&columns) {
            let raw = column.and_then(|c| record.get(c)).unwrap_or_default();
            let text = std::str::from_utf8(raw).map_err(|e| {
                vec![format!(
                    "{file} row {row} column {}: not UTF-8 text (invalid byte at offset {} of the value); save it as UTF-8",
                    field.name,
                    e.valid_up_to()
                )]
            })?;
            cells.push(typed(field, text));
        }
        table.push(Place::Csv { file: shared.clone(), row }, cells);
    }
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

/// A cell as given, a number when its column is a number column and it reads as one; anything else
/// stays text for the checks to name.
fn typed<'a>(field: &Field, raw: &'a str) -> Cell<'a> {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return Cell::Empty;
    }
    if field.kind == FieldType::Number && trimmed.parse::<f64>().is_ok_and(f64::is_finite) {
        return Cell::Number(trimmed);
    }
    Cell::Text(raw)
}
