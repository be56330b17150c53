//! Reading an import: which form a path holds (Help Atlas JSON, HSDS JSON or ndjson, an HSDS
//! Tabular Data Package as a directory or a .zip), and reading it within limits, so that a zip bomb,
//! an oversized file or an entry that points outside the archive is refused before it costs memory.

use super::descriptor;
use super::flatten::Flattener;
use super::tables::{Place, Table, Tables};
use super::{tabular, HsdsError};
use crate::model::Directory;
use serde_json::Value;
use std::io::Read;
use std::path::Path;

/// How much an import may read.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest import in all: a file, or a package's CSVs together once decompressed. CSV rows are
    /// read as they stream in and kept compactly, ids as 16-byte UUIDs (a package needs about its own
    /// size in memory until written).
    pub max_bytes: u64,
    /// Largest JSON file (a document, an array or ndjson), which is read and parsed whole, at many
    /// times its size in memory.
    pub max_json_bytes: u64,
    /// Most entries a zip may have.
    pub max_entries: usize,
}

/// The default of [`Limits::max_bytes`]: three times a million-service package (2.8 GB), and about
/// half the memory of the machine the benchmarks run on once read.
pub const DEFAULT_MAX_BYTES: u64 = 8 * 1024 * 1024 * 1024;

impl Default for Limits {
    fn default() -> Self {
        Limits { max_bytes: DEFAULT_MAX_BYTES, max_json_bytes: 512 * 1024 * 1024, max_entries: 1000 }
    }
}

/// Counts the bytes read through it and fails past `remaining`, so that a zip bomb or an oversized
/// package is refused while it is read, before it costs memory.
struct Budget<R> {
    inner: R,
    remaining: u64,
    exceeded: bool,
}

impl<R: Read> Read for Budget<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        match self.remaining.checked_sub(n as u64) {
            Some(left) => {
                self.remaining = left;
                Ok(n)
            }
            None => {
                self.exceeded = true;
                Err(std::io::Error::other("over the import size limit"))
            }
        }
    }
}

/// What a path held.
#[derive(Debug)]
pub enum Input {
    Atlas(Directory),
    /// HSDS rows, and problems found while reading them (encoding, headers, malformed documents).
    Hsds {
        tables: Tables,
        problems: Vec<String>,
        /// How the input was read where that is worth saying (a CSV folder without a descriptor).
        notes: Vec<String>,
    },
}

fn read_error(path: &Path, reason: impl ToString) -> HsdsError {
    HsdsError::Read { path: path.display().to_string(), reason: reason.to_string() }
}

pub fn read(path: &Path, limits: &Limits) -> Result<Input, HsdsError> {
    if path.is_dir() {
        return read_package_dir(path, limits);
    }
    if path.file_name().is_some_and(|n| n == "datapackage.json") {
        return read_package_dir(path.parent().unwrap_or(Path::new(".")), limits);
    }
    let mut magic = [0u8; 4];
    let mut file = std::fs::File::open(path).map_err(|e| read_error(path, e))?;
    let start = file.read(&mut magic).map_err(|e| read_error(path, e))?;
    if is_zip(&magic[..start]) {
        return read_zip(path, file, limits);
    }
    read_json(path, &read_limited(path, limits.max_json_bytes)?)
}

/// A zip archive's first four bytes (a local file header, or the end record of an empty archive).
fn is_zip(start: &[u8]) -> bool {
    start == b"PK\x03\x04" || start == b"PK\x05\x06"
}

/// Reads a file's contents already in memory as [`read`] reads a file of that name: for callers that
/// hold the bytes (a feed's download) rather than a path. Data package directories are files on
/// disk by nature, so only a zipped package is recognised here.
pub fn read_bytes(name: &Path, bytes: &[u8], limits: &Limits) -> Result<Input, HsdsError> {
    if is_zip(bytes.get(..4).unwrap_or(bytes)) {
        return read_zip(name, std::io::Cursor::new(bytes), limits);
    }
    if bytes.len() as u64 > limits.max_json_bytes {
        return Err(HsdsError::TooLarge { path: name.display().to_string(), max: limits.max_json_bytes });
    }
    read_json(name, bytes)
}

fn read_limited(path: &Path, max: u64) -> Result<Vec<u8>, HsdsError> {
    let file = std::fs::File::open(path).map_err(|e| read_error(path, e))?;
    let mut bytes = Vec::new();
    file.take(max + 1).read_to_end(&mut bytes).map_err(|e| read_error(path, e))?;
    if bytes.len() as u64 > max {
        return Err(HsdsError::TooLarge { path: path.display().to_string(), max });
    }
    Ok(bytes)
}

/// A package that is larger than the import limit.
struct OverLimit;

/// Reads one CSV of a package with what is left of the limit, and takes what it read from it. `size`
/// is what the file says it holds (a zip entry's claim is not trusted beyond the limit).
fn read_table(
    resource: &'static descriptor::Resource,
    input: impl Read,
    size: u64,
    remaining: &mut u64,
    tables: &mut Tables,
    problems: &mut Vec<String>,
) -> Result<(), OverLimit> {
    tables.table(resource).reserve_for(size.min(*remaining));
    let mut budget = Budget { inner: input, remaining: *remaining, exceeded: false };
    let read = tabular::read_csv(resource, &resource.path, &mut budget, tables);
    if budget.exceeded {
        return Err(OverLimit);
    }
    *remaining = budget.remaining;
    if let Err(found) = read {
        problems.extend(found);
    }
    Ok(())
}

/// Tables of HSDS 1.x and 2.0 that 3.0 renamed or folded into others: a package with any of them is
/// of an older version, whose columns differ too.
const OLDER_TABLES: [&str; 8] = [
    "physical_addresses.csv",
    "postal_addresses.csv",
    "regular_schedules.csv",
    "holiday_schedules.csv",
    "services_at_location.csv",
    "accessibility_for_disabilities.csv",
    "payment_accepted.csv",
    "eligibility.csv",
];

/// The first table of an older HSDS among `names` (file names, possibly with folders).
fn older_marker<'a>(names: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    names.into_iter().find(|name| OLDER_TABLES.iter().any(|old| name.rsplit('/').next() == Some(*old)))
}

fn refuse_older_dir(dir: &Path) -> Result<(), HsdsError> {
    let names: Vec<String> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    match older_marker(names.iter().map(String::as_str)) {
        Some(marker) => Err(HsdsError::OlderVersion { path: dir.display().to_string(), marker: marker.to_string() }),
        None => Ok(()),
    }
}

/// The HSDS 3.0 tables among the CSV files of a folder.
fn tables_in(dir: &Path) -> Vec<&'static str> {
    descriptor::resources().iter().filter(|r| dir.join(&r.path).is_file()).map(|r| r.path.as_str()).collect()
}

fn read_package_dir(dir: &Path, limits: &Limits) -> Result<Input, HsdsError> {
    refuse_older_dir(dir)?;
    let mut notes = Vec::new();
    if dir.join("datapackage.json").is_file() {
        check_descriptor(&dir.join("datapackage.json"))?;
    } else {
        // Many exports are CSV files alone: tables named as HSDS 3.0 names them are read with its
        // descriptor, which Help Atlas carries.
        let found = tables_in(dir);
        if found.is_empty() {
            return Err(read_error(dir, not_a_package(dir)));
        }
        notes.push(format!(
            "{} has no datapackage.json: its CSV files ({}) were read as the HSDS 3.0 tables of those names",
            dir.display(),
            found.join(", ")
        ));
    }
    let mut tables = Tables::default();
    let mut problems = Vec::new();
    let mut remaining = limits.max_bytes;
    for resource in descriptor::resources() {
        let file = dir.join(&resource.path);
        if !file.is_file() {
            continue;
        }
        let opened = std::fs::File::open(&file).map_err(|e| read_error(&file, e))?;
        let size = opened.metadata().map_or(0, |m| m.len());
        // The limit is on the package as a whole: name it so, not the file that crossed it.
        read_table(resource, opened, size, &mut remaining, &mut tables, &mut problems).map_err(|OverLimit| {
            HsdsError::PackageTooLarge { path: dir.display().to_string(), max: limits.max_bytes }
        })?;
    }
    if !notes.is_empty() && !problems.is_empty() {
        problems.push(format!(
            "{}: without a datapackage.json the CSV files were read as HSDS 3.0; if they are an HSDS 1.x or 2.0 export \
             (other columns, tables such as physical_addresses.csv or regular_schedules.csv), convert them to HSDS 3.0 first",
            dir.display()
        ));
    }
    Ok(Input::Hsds { tables, problems, notes })
}

/// Why a directory is not a data package, naming the JSON files in it that can be imported instead
/// (`helpatlas generate` writes Help Atlas JSON files into a directory).
fn not_a_package(dir: &Path) -> String {
    let mut json: Vec<String> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json") || n.ends_with(".ndjson"))
        .collect();
    json.sort();
    match json.first() {
        None => "not an HSDS data package (no datapackage.json, and no CSV file named as an HSDS 3.0 table: services.csv, organizations.csv, locations.csv …)".to_string(),
        Some(first) => format!(
            "not an HSDS data package (no datapackage.json); import its JSON files one by one instead ({}), e.g. `helpatlas import {}`",
            json.join(", "),
            dir.join(first).display()
        ),
    }
}

/// A package's `datapackage.json` must at least be a JSON object: a truncated or foreign descriptor
/// means the package is not what it claims to be, so nothing of it is read.
fn check_descriptor(path: &Path) -> Result<(), HsdsError> {
    let bytes = read_limited(path, MAX_DESCRIPTOR_BYTES)?;
    descriptor_is_an_object(path.display().to_string(), &bytes)
}

fn descriptor_is_an_object(shown: String, bytes: &[u8]) -> Result<(), HsdsError> {
    let reason = match serde_json::from_slice::<Value>(bytes) {
        Ok(Value::Object(descriptor)) => return descriptor_is_current(shown, &descriptor),
        Ok(_) => "a data package descriptor must be a JSON object".to_string(),
        Err(e) => e.to_string(),
    };
    Err(HsdsError::Parse { path: shown, reason })
}

/// A descriptor that lists tables of an older HSDS describes an older package, even when the files of
/// those tables are missing.
fn descriptor_is_current(shown: String, descriptor: &serde_json::Map<String, Value>) -> Result<(), HsdsError> {
    let resources = descriptor.get("resources").and_then(Value::as_array).cloned().unwrap_or_default();
    let paths: Vec<String> =
        resources.iter().filter_map(|r| r.get("path").and_then(Value::as_str)).map(String::from).collect();
    match older_marker(paths.iter().map(String::as_str)) {
        Some(marker) => {
            Err(HsdsError::OlderVersion { path: shown, marker: format!("{marker} in its datapackage.json") })
        }
        None => Ok(()),
    }
}

/// Properties of HSDS 2.0 documents (as the Open Referral UK 1.0 API publishes them) that HSDS 3.0
/// renamed or folded into others.
const OLDER_PROPERTIES: [&str; 6] = [
    "regular_schedules",
    "holiday_schedules",
    "physical_addresses",
    "postal_addresses",
    "eligibilitys",
    "service_taxonomys",
];

/// The first older property of a document, or of the services or organization it nests.
fn older_property(document: &Value) -> Option<&'static str> {
    let Value::Object(object) = document else { return None };
    let nested = ["services", "organization", "service"].into_iter().filter_map(|key| object.get(key));
    let nested = nested.flat_map(|value| match value {
        Value::Array(items) => items.iter().collect::<Vec<_>>(),
        other => vec![other],
    });
    OLDER_PROPERTIES.into_iter().find(|key| object.contains_key(*key)).or_else(|| {
        nested
            .filter_map(|inner| inner.as_object())
            .find_map(|o| OLDER_PROPERTIES.into_iter().find(|k| o.contains_key(*k)))
    })
}

/// Open Referral's own descriptor is about 100 KB.
const MAX_DESCRIPTOR_BYTES: u64 = 16 * 1024 * 1024;

fn zip_error(path: &Path, reason: impl ToString) -> HsdsError {
    HsdsError::Zip { path: path.display().to_string(), reason: reason.to_string() }
}

/// Reads the package's CSVs as they are decompressed: nothing is extracted to disk, and every entry
/// name is checked anyway, because an archive with `../` names is hostile and should be said to be.
fn read_zip(path: &Path, file: impl Read + std::io::Seek, limits: &Limits) -> Result<Input, HsdsError> {
    let mut archive = zip::ZipArchive::new(file).map_err(|e| zip_error(path, e))?;
    if archive.len() > limits.max_entries {
        return Err(zip_error(path, format!("more than {} entries", limits.max_entries)));
    }
    let mut names = Vec::new();
    for i in 0..archive.len() {
        let entry = archive.by_index_raw(i).map_err(|e| zip_error(path, e))?;
        if entry.enclosed_name().is_none() {
            return Err(HsdsError::UnsafeEntry { path: path.display().to_string(), entry: entry.name().to_string() });
        }
        names.push(entry.name().to_string());
    }
    if let Some(marker) = older_marker(names.iter().map(String::as_str)) {
        return Err(HsdsError::OlderVersion { path: path.display().to_string(), marker: marker.to_string() });
    }
    let package = names
        .iter()
        .filter(|n| n.rsplit('/').next() == Some("datapackage.json"))
        .min_by_key(|n| n.len())
        .ok_or_else(|| zip_error(path, "not an HSDS data package (no datapackage.json inside)"))?;
    let prefix = package.trim_end_matches("datapackage.json").to_string();
    check_zipped_descriptor(path, &mut archive, package)?;
    let mut tables = Tables::default();
    let mut problems = Vec::new();
    let mut remaining = limits.max_bytes;
    for resource in descriptor::resources() {
        let name = format!("{prefix}{}", resource.path);
        let Ok(entry) = archive.by_name(&name) else { continue };
        let size = entry.size();
        read_table(resource, entry, size, &mut remaining, &mut tables, &mut problems).map_err(|OverLimit| {
            zip_error(path, format!("expands to more than {} bytes (a zip bomb?)", limits.max_bytes))
        })?;
    }
    Ok(Input::Hsds { tables, problems, notes: Vec::new() })
}

fn check_zipped_descriptor<R: Read + std::io::Seek>(
    path: &Path,
    archive: &mut zip::ZipArchive<R>,
    name: &str,
) -> Result<(), HsdsError> {
    let entry = archive.by_name(name).map_err(|e| zip_error(path, e))?;
    let mut bytes = Vec::new();
    entry.take(MAX_DESCRIPTOR_BYTES + 1).read_to_end(&mut bytes).map_err(|e| zip_error(path, e))?;
    descriptor_is_an_object(format!("{} entry {name}", path.display()), &bytes)
}

/// Help Atlas JSON (an object of `organizations`, `locations`, `services`), an HSDS document, an
/// array or a `Page` of them, or ndjson with one document per line.
fn read_json(path: &Path, bytes: &[u8]) -> Result<Input, HsdsError> {
    let shown = path.display().to_string();
    let text = std::str::from_utf8(bytes).map_err(|e| HsdsError::Parse {
        path: shown.clone(),
        reason: format!("not UTF-8 text (invalid byte at offset {})", e.valid_up_to()),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let documents: Vec<(String, Value)> = match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(object)) if is_atlas(&object) => {
            let directory = serde_json::from_value(Value::Object(object))
                .map_err(|e| HsdsError::Parse { path: shown, reason: format!("not valid Help Atlas JSON: {e}") })?;
            return Ok(Input::Atlas(directory));
        }
        Ok(Value::Object(object))
            if object.get("content").is_some_and(Value::is_array)
                && (object.contains_key("totalPages") || object.contains_key("totalElements")) =>
        {
            let marker = "`content` and `totalPages`: a page of the Open Referral UK 1.0 API".to_string();
            return Err(HsdsError::OlderDocuments { path: shown, marker });
        }
        Ok(Value::Object(mut object)) if object.get("contents").is_some_and(Value::is_array) => {
            numbered(&shown, "document", object.remove("contents").into_iter().flat_map(array_items))
        }
        Ok(Value::Object(object)) if object.keys().all(|k| k.ends_with(".csv")) => {
            return Ok(tables_json(&shown, object))
        }
        Ok(Value::Array(items)) => numbered(&shown, "document", items.into_iter()),
        Ok(other) => vec![(shown.clone(), other)],
        Err(whole) => ndjson(&shown, text, &whole)?,
    };
    if let Some(marker) = documents.iter().find_map(|(_, document)| older_property(document)) {
        return Err(HsdsError::OlderDocuments { path: shown, marker: format!("`{marker}`") });
    }
    let mut flattener = Flattener::default();
    for (place, document) in documents {
        flattener.document(&place, document);
    }
    Ok(Input::Hsds { tables: flattener.tables, problems: flattener.problems, notes: Vec::new() })
}

/// The tabular form as JSON (`{"services.csv": [rows…], …}`), as in the official `tabular.json`.
fn tables_json(file: &str, object: serde_json::Map<String, Value>) -> Input {
    let mut tables = Tables::default();
    let mut problems = Vec::new();
    for (name, rows) in object {
        let Some(resource) = descriptor::resource_by_path(&name) else {
            problems.push(format!("{file}: `{name}` is not a table of the HSDS data package"));
            continue;
        };
        for (i, row) in array_items(rows).into_iter().enumerate() {
            let place = Place::Json { document: format!("{file} {name}").into(), path: format!("[{i}]") };
            match row {
                Value::Object(values) => tables.push(Table::single_json(resource, place, &values)),
                _ => problems.push(format!("{place}: expected a JSON object")),
            }
        }
    }
    Input::Hsds { tables, problems, notes: Vec::new() }
}

fn array_items(value: Value) -> Vec<Value> {
    match value {
        Value::Array(items) => items,
        other => vec![other],
    }
}

fn numbered(file: &str, what: &str, items: impl Iterator<Item = Value>) -> Vec<(String, Value)> {
    items.enumerate().map(|(i, v)| (format!("{file} {what} {}", i + 1), v)).collect()
}

fn is_atlas(object: &serde_json::Map<String, Value>) -> bool {
    !object.contains_key("id") && ["organizations", "locations", "services"].iter().all(|k| object.contains_key(*k))
}

/// One JSON document per line. When even the first line is not a document, the file is reported
/// with the error of reading it as one JSON document, which is what it more likely was meant to be.
fn ndjson(file: &str, text: &str, whole: &serde_json::Error) -> Result<Vec<(String, Value)>, HsdsError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        match serde_json::from_str::<Value>(line) {
            Ok(value) => out.push((format!("{file} line {}", i + 1), value)),
            Err(_) if out.is_empty() => {
                return Err(HsdsError::Parse { path: file.to_string(), reason: format!("not JSON or ndjson: {whole}") })
            }
            Err(e) => return Err(HsdsError::Parse { path: file.to_string(), reason: format!("line {}: {e}", i + 1) }),
        }
    }
    Ok(out)
}
