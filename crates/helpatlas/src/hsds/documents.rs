//! HSDS JSON documents (the canonical form): a service with its organization, locations and details
//! nested; an organization with its locations and services; taxonomy and term documents. Built from
//! the flat records of `export.rs`, so JSON and CSV say the same.

use super::export::{self, Record};
use super::metadata::Metadata;
use super::taxonomy::{self, Term};
use super::{write_error, AtomicFile, Form, HsdsError};
use crate::model::{Directory, Location, Organization, Provenance, Service};
use serde_json::{json, Value};
use std::borrow::{Borrow, Cow};
use std::collections::HashMap;
use std::path::Path;
use uuid::Uuid;

/// Finds the records a document nests: the search index (API) or a directory (export).
/// The index keeps records compressed and hands out decoded copies; a directory lends its own.
pub trait Lookup {
    fn organization(&self, id: Uuid) -> Option<Cow<'_, Organization>>;
    fn location(&self, id: Uuid) -> Option<Cow<'_, Location>>;
}

impl Lookup for crate::search::Index {
    fn organization(&self, id: Uuid) -> Option<Cow<'_, Organization>> {
        crate::search::Index::organization(self, id).map(Cow::Owned)
    }
    fn location(&self, id: Uuid) -> Option<Cow<'_, Location>> {
        crate::search::Index::location(self, id).map(Cow::Owned)
    }
}

/// A directory with its records found by id.
pub struct DirectoryLookup<'a> {
    organizations: HashMap<Uuid, &'a Organization>,
    locations: HashMap<Uuid, &'a Location>,
}

impl<'a> DirectoryLookup<'a> {
    pub fn new(directory: &'a Directory) -> Self {
        DirectoryLookup {
            organizations: directory.organizations.iter().map(|o| (o.id, o)).collect(),
            locations: directory.locations.iter().map(|l| (l.id, l)).collect(),
        }
    }
}

impl Lookup for DirectoryLookup<'_> {
    fn organization(&self, id: Uuid) -> Option<Cow<'_, Organization>> {
        self.organizations.get(&id).copied().map(Cow::Borrowed)
    }
    fn location(&self, id: Uuid) -> Option<Cow<'_, Location>> {
        self.locations.get(&id).copied().map(Cow::Borrowed)
    }
}

pub fn taxonomy_record() -> Record {
    let value = json!({
        "id": taxonomy::taxonomy_id(),
        "name": taxonomy::TAXONOMY_NAME,
        "description": "The Help Atlas vocabulary: kinds and forms of mental-health help, topics, audiences, \
            costs, who delivers it, and terms carrying facts HSDS has no field for.",
        "version": taxonomy::TAXONOMY_VERSION,
    });
    value.as_object().cloned().unwrap_or_default()
}

pub fn term_record(term: &Term) -> Record {
    let value = json!({
        "id": term.id(),
        "code": term.code,
        "name": term.name,
        "description": term.description,
        "taxonomy": taxonomy::TAXONOMY_NAME,
        "taxonomy_id": taxonomy::taxonomy_id(),
        "language": "en",
    });
    value.as_object().cloned().unwrap_or_default()
}

/// A term document as the API serves it: the term with its taxonomy nested.
pub fn term_document(term: &Term) -> Value {
    let mut record = term_record(term);
    record.insert("taxonomy_detail".into(), Value::Object(taxonomy_record()));
    Value::Object(record)
}

/// Attributes with their taxonomy term nested, so a reader needs no second request to read the code.
fn attributes(records: Vec<Record>) -> Value {
    let nested = records.into_iter().map(|mut a| {
        let term = a.get("taxonomy_term_id").and_then(Value::as_str).and_then(|id| Uuid::parse_str(id).ok());
        if let Some(term) = term.and_then(taxonomy::term) {
            a.insert("taxonomy_term".into(), term_document(term));
        }
        Value::Object(a)
    });
    Value::Array(nested.collect())
}

fn array(records: Vec<Record>) -> Value {
    Value::Array(records.into_iter().map(Value::Object).collect())
}

pub fn location_document(l: &Location) -> Value {
    let parts = export::location(l);
    let mut doc = parts.location;
    doc.insert("addresses".into(), array(parts.addresses));
    doc.insert("attributes".into(), attributes(parts.attributes));
    Value::Object(doc)
}

pub fn organization_record(o: &Organization) -> Value {
    let parts = export::organization(o);
    let mut doc = parts.organization;
    doc.insert("attributes".into(), attributes(parts.attributes));
    Value::Object(doc)
}

/// What a service document nests besides its own details.
#[derive(Debug, Clone, Copy)]
pub struct Nesting {
    pub organization: bool,
    pub locations: bool,
}

pub fn service_document(s: &Service, lookup: &dyn Lookup, nesting: Nesting) -> Value {
    let parts = export::service(s);
    let mut doc = parts.service;
    doc.insert("phones".into(), array(parts.phones));
    doc.insert("schedules".into(), array(parts.schedules));
    doc.insert("service_areas".into(), array(parts.service_areas));
    doc.insert("languages".into(), array(parts.languages));
    doc.insert("cost_options".into(), array(parts.cost_options));
    doc.insert("attributes".into(), attributes(parts.attributes));
    let service_at_locations = parts.service_at_locations.into_iter().map(|(mut sal, location_id)| {
        if let Some(location) = nesting.locations.then(|| lookup.location(location_id)).flatten() {
            sal.insert("location".into(), location_document(&location));
        }
        Value::Object(sal)
    });
    doc.insert("service_at_locations".into(), Value::Array(service_at_locations.collect()));
    if let Some(organization) = nesting.organization.then(|| lookup.organization(s.organization_id)).flatten() {
        doc.insert("organization".into(), organization_record(&organization));
    }
    Value::Object(doc)
}

/// An organization with its locations and services (services nest their locations' ids only).
pub fn organization_document<L: Borrow<Location>, S: Borrow<Service>>(
    o: &Organization,
    locations: &[L],
    services: &[S],
) -> Value {
    let Value::Object(mut doc) = organization_record(o) else { return Value::Null };
    let no_lookup = NoLookup;
    let nesting = Nesting { organization: false, locations: false };
    doc.insert("locations".into(), Value::Array(locations.iter().map(|l| location_document(l.borrow())).collect()));
    let services = services.iter().map(|s| service_document(s.borrow(), &no_lookup, nesting));
    doc.insert("services".into(), Value::Array(services.collect()));
    Value::Object(doc)
}

/// A service at one of its locations, with both nested.
pub fn service_at_location_document(s: &Service, l: &Location, lookup: &dyn Lookup) -> Value {
    let id = export::child_id("service_at_location", s.id, &l.id.to_string());
    let nesting = Nesting { organization: true, locations: false };
    json!({
        "id": id,
        "service_id": s.id,
        "location_id": l.id,
        "service": service_document(s, lookup, nesting),
        "location": location_document(l),
    })
}

struct NoLookup;

impl Lookup for NoLookup {
    fn organization(&self, _: Uuid) -> Option<Cow<'_, Organization>> {
        None
    }
    fn location(&self, _: Uuid) -> Option<Cow<'_, Location>> {
        None
    }
}

/// The directory as organization documents ordered by id, each with its locations and services
/// ordered by id: every record appears exactly once. Made one at a time, as they are written.
fn organization_documents(directory: &Directory) -> impl Iterator<Item = Value> + '_ {
    let mut locations: HashMap<Uuid, Vec<&Location>> = HashMap::new();
    for l in &directory.locations {
        locations.entry(l.organization_id).or_default().push(l);
    }
    let mut services: HashMap<Uuid, Vec<&Service>> = HashMap::new();
    for s in &directory.services {
        services.entry(s.organization_id).or_default().push(s);
    }
    locations.values_mut().for_each(|list| list.sort_by_key(|l| l.id));
    services.values_mut().for_each(|list| list.sort_by_key(|s| s.id));
    let mut organizations: Vec<&Organization> = directory.organizations.iter().collect();
    organizations.sort_by_key(|o| o.id);
    organizations.into_iter().map(move |o| {
        let locations = locations.remove(&o.id).unwrap_or_default();
        organization_document(o, &locations, &services.remove(&o.id).unwrap_or_default())
    })
}

fn record_id(record: &Value) -> Option<Uuid> {
    record.get("id").and_then(Value::as_str).and_then(|id| id.parse::<Uuid>().ok())
}

/// Adds the provenance attributes of a record a followed feed brought to its document.
fn add_provenance(record: &mut Value, entity: &str, provenance: Option<&Provenance>) {
    let (Some(p), Some(id)) = (provenance, record_id(record)) else { return };
    let Value::Array(added) = attributes(export::provenance_attributes(entity, id, p)) else { return };
    if let Value::Object(map) = record {
        match map.entry("attributes").or_insert_with(|| Value::Array(Vec::new())) {
            Value::Array(list) => list.extend(added),
            other => *other = Value::Array(added),
        }
    }
}

/// Adds provenance to a service document as the API serves it: to the service, its organization and
/// its locations, where a feed brought them.
pub fn add_service_provenance<'a>(document: &mut Value, provenance: &dyn Fn(Uuid) -> Option<&'a Provenance>) {
    let of = |record: &Value| record_id(record).and_then(provenance);
    if let Some(organization) = document.get_mut("organization") {
        let p = of(organization);
        add_provenance(organization, "organization", p);
    }
    if let Some(Value::Array(sals)) = document.get_mut("service_at_locations") {
        for location in sals.iter_mut().filter_map(|sal| sal.get_mut("location")) {
            let p = of(location);
            add_provenance(location, "location", p);
        }
    }
    let p = of(document);
    add_provenance(document, "service", p);
}

/// Gives an organization document, its locations and its services their change records, where they
/// have any, and the provenance of those a followed feed brought.
fn attach_metadata(document: &mut Value, metadata: &Metadata) {
    fn attach(record: &mut Value, entity: &str, metadata: &Metadata) {
        let id = record_id(record);
        add_provenance(record, entity, id.and_then(|id| metadata.provenance(id)));
        let rows = id.map(|id| metadata.of(id)).unwrap_or_default();
        if let (Value::Object(map), false) = (record, rows.is_empty()) {
            map.insert("metadata".into(), Value::Array(rows.iter().cloned().map(Value::Object).collect()));
        }
    }
    for (nested, entity) in [("locations", "location"), ("services", "service")] {
        if let Some(Value::Array(records)) = document.get_mut(nested) {
            records.iter_mut().for_each(|record| attach(record, entity, metadata));
        }
    }
    attach(document, "organization", metadata);
}

/// Writes organization documents as they are handed in: a pretty-printed JSON array, or one document
/// per line (ndjson). Callers hand in organizations ordered by id, so the same data gives the same bytes.
pub struct DocumentWriter {
    file: AtomicFile,
    /// One document per line rather than one array.
    lines: bool,
    written: usize,
}

impl DocumentWriter {
    pub fn create(path: &Path, form: Form) -> Result<DocumentWriter, HsdsError> {
        Ok(DocumentWriter { file: AtomicFile::create(path)?, lines: form == Form::Ndjson, written: 0 })
    }

    fn document(&mut self, document: &Value) -> Result<(), HsdsError> {
        let shown = |e: serde_json::Error| write_error(self.file.path(), e);
        if self.lines {
            let mut line = serde_json::to_vec(document).map_err(shown)?;
            line.push(b'\n');
            self.file.append(&line)?;
        } else {
            // The bytes `serde_json::to_vec_pretty` gives for the whole array: the document pretty
            // printed on its own, every line indented one level (JSON text has no raw newlines in strings).
            let pretty = serde_json::to_string_pretty(document).map_err(shown)?;
            self.file.append(if self.written == 0 { b"[\n" } else { b",\n" })?;
            for (i, line) in pretty.split('\n').enumerate() {
                self.file.append(if i == 0 { b"  " } else { b"\n  " })?;
                self.file.append(line.as_bytes())?;
            }
        }
        self.written += 1;
        Ok(())
    }

    /// Writes the organizations of `directory` with their locations and services: the whole
    /// directory, or a batch of organizations with all their records; each record with its change
    /// records from `metadata`.
    pub fn directory(&mut self, directory: &Directory, metadata: &Metadata) -> Result<(), HsdsError> {
        organization_documents(directory).try_for_each(|mut document| {
            attach_metadata(&mut document, metadata);
            self.document(&document)
        })
    }

    pub fn finish(mut self) -> Result<(), HsdsError> {
        if !self.lines {
            self.file.append(if self.written == 0 { b"[]\n" } else { b"\n]\n" })?;
        }
        self.file.commit()
    }
}
