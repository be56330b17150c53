//! Open Referral HSDS 3.0: the directory as HSDS JSON documents and as the HSDS Tabular Data Package,
//! and back. The official descriptor (`descriptor.rs`) drives the tables and their checks; facts HSDS
//! has no field for travel as attributes of the published `helpatlas` taxonomy (`taxonomy.rs`), so
//! `import(export(x)) == x` for every field in every form.

pub mod descriptor;
pub mod documents;
pub mod export;
mod flatten;
pub mod import;
pub mod lenient;
pub mod metadata;
pub mod source;
pub mod tables;
pub mod tabular;
pub mod taxonomy;

use crate::model::validate::{self, Mode};
use crate::model::Directory;
use chrono::{DateTime, Utc};
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum HsdsError {
    #[error("cannot read {path}: {reason}")]
    Read { path: String, reason: String },
    #[error("{path} is larger than {max} bytes")]
    TooLarge { path: String, max: u64 },
    #[error("{path}: the package's CSV files together are larger than {max} bytes")]
    PackageTooLarge { path: String, max: u64 },
    #[error("{path} is not valid JSON: {reason}")]
    Parse { path: String, reason: String },
    #[error("{path} is not a usable zip archive: {reason}")]
    Zip { path: String, reason: String },
    #[error("{path} has an entry `{entry}` that points outside the archive; refusing it")]
    UnsafeEntry { path: String, entry: String },
    #[error("cannot write {path}: {reason}")]
    Write { path: String, reason: String },
    #[error("{path} is an HSDS 1.x or 2.0 data package (it has {marker}); Help Atlas reads HSDS 3.0 only (the official datapackage.json with addresses.csv, schedules.csv, service_at_locations.csv …): convert it to HSDS 3.0 first")]
    OlderVersion { path: String, marker: String },
    #[error("{path} holds documents in the shape of HSDS 2.0, which the Open Referral UK 1.0 API publishes (it has {marker}); Help Atlas reads HSDS 3.0 JSON, the Open Referral UK 3.0 profile among it: convert it to HSDS 3.0 first")]
    OlderDocuments { path: String, marker: String },
}

/// Maps and sets of the import's checks and joins, which hash tens of millions of ids at a million
/// services: foldhash is several times faster than the standard SipHash and still seeded per process.
pub(crate) type FastMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
pub(crate) type FastSet<T> = std::collections::HashSet<T, foldhash::fast::RandomState>;

/// The HSDS forms of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// One JSON array of organization documents (each with its locations and services).
    Json,
    /// One organization document per line.
    Ndjson,
    /// A directory with the official `datapackage.json` and one CSV per table.
    DataPackage,
}

/// A file written under a temporary name and renamed when complete, so a reader never sees half a
/// file; written through a buffer, so a large export streams to disk in bounded memory.
pub struct AtomicFile {
    path: PathBuf,
    temporary: PathBuf,
    writer: BufWriter<File>,
}

impl AtomicFile {
    pub fn create(path: &Path) -> Result<AtomicFile, HsdsError> {
        let mut temporary = path.as_os_str().to_owned();
        temporary.push(".partial");
        let temporary = PathBuf::from(temporary);
        let file = File::create(&temporary).map_err(|e| write_error(path, e))?;
        Ok(AtomicFile { path: path.to_path_buf(), temporary, writer: BufWriter::new(file) })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn append(&mut self, bytes: &[u8]) -> Result<(), HsdsError> {
        self.writer.write_all(bytes).map_err(|e| write_error(&self.path, e))
    }

    /// Flushes, syncs and renames the file into place.
    pub fn commit(self) -> Result<(), HsdsError> {
        let path = self.path;
        let file = self.writer.into_inner().map_err(|e| write_error(&path, e.into_error()))?;
        file.sync_all().map_err(|e| write_error(&path, e))?;
        std::fs::rename(&self.temporary, &path).map_err(|e| write_error(&path, e))
    }
}

impl Write for AtomicFile {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.writer.write(bytes)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.writer.flush()
    }
}

pub(crate) fn write_error(path: &Path, reason: impl ToString) -> HsdsError {
    HsdsError::Write { path: path.display().to_string(), reason: reason.to_string() }
}

/// Writes a whole file atomically (see [`AtomicFile`]).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), HsdsError> {
    let mut file = AtomicFile::create(path)?;
    file.append(bytes)?;
    file.commit()
}

/// Writes the directory in `form`, without change records (data that has no history: generated data).
pub fn export(directory: &Directory, form: Form, path: &Path) -> Result<(), HsdsError> {
    export_with_metadata(directory, &metadata::Metadata::default(), form, path)
}

/// Writes the directory in `form` with the change records of `metadata`; records are ordered by id, so
/// the same data gives the same bytes.
pub fn export_with_metadata(
    directory: &Directory,
    metadata: &metadata::Metadata,
    form: Form,
    path: &Path,
) -> Result<(), HsdsError> {
    match form {
        Form::DataPackage => {
            let mut package = tabular::PackageWriter::create(path)?;
            package.directory(directory, metadata)?;
            package.finish()
        }
        Form::Json | Form::Ndjson => {
            let mut documents = documents::DocumentWriter::create(path, form)?;
            documents.directory(directory, metadata)?;
            documents.finish()
        }
    }
}

/// HSDS rows checked and turned into a directory.
#[derive(Debug, Default)]
pub struct Prepared {
    pub directory: Directory,
    /// Problems that stop the import (empty with `skip_invalid`).
    pub problems: Vec<String>,
    /// What `skip_invalid` left out, each with its place and reason.
    pub left_out: Vec<String>,
    /// Defaults applied to records from other directories, and records left out on purpose.
    pub notes: Vec<String>,
}

/// Checks the rows against the official descriptor, then builds the directory and puts every record
/// through the gate (`model::validate`). Without `skip_invalid` any problem is reported and nothing
/// is built; with it, bad values and records are left out and listed. Hidden characters are taken
/// out of texts either way, each noted.
pub fn prepare(
    mut tables: tables::Tables,
    read_problems: Vec<String>,
    skip_invalid: bool,
    now: DateTime<Utc>,
) -> Prepared {
    let mut prepared = Prepared::default();
    if !read_problems.is_empty() {
        prepared.problems = read_problems;
        return prepared;
    }
    let checked = tables::check(&mut tables, skip_invalid);
    prepared.left_out = checked.left_out;
    if !checked.problems.is_empty() {
        prepared.problems = checked.problems;
        return prepared;
    }
    let mapped = import::map(tables, now);
    prepared.notes = mapped.notes;
    if skip_invalid {
        prepared.left_out.extend(mapped.problems);
    } else {
        prepared.problems = mapped.problems;
    }
    prepared.directory = mapped.directory;
    let gated = gate(&mut prepared.directory, skip_invalid);
    prepared.notes.extend(gated.cleaned);
    match skip_invalid {
        true => prepared.left_out.extend(gated.refused.into_iter().chain(gated.dropped)),
        false => prepared.problems.extend(gated.refused),
    }
    prepared
}

/// Every imported record through the gate: HSDS in every form, Help Atlas's own JSON, followed feeds.
pub fn gate(directory: &mut Directory, skip_invalid: bool) -> validate::DirectoryFindings {
    let mode = if skip_invalid { Mode::ImportSkippingInvalid } else { Mode::Import };
    let mut found = validate::directory(directory, mode);
    if skip_invalid {
        for line in &mut found.refused {
            line.push_str("; record left out");
        }
    }
    found
}

#[cfg(test)]
mod tests;
