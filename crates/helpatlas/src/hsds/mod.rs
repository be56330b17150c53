//! Open Referral HSDS 3.0: the directory as HSDS JSON documents and as the HSDS Tabular Data Package,
//! and back. The official descriptor (`descriptor.rs`) drives the tables and their checks; facts HSDS
//! has no field for travel as attributes of the published `helpatlas` taxonomy (`taxonomy.rs`), so
//! `import(export(x)) == x` for every field in every form.

pub mod descriptor;
pub mod documents;
pub mod export;
mod flatten;
pub mod import;
pub mod source;
pub mod tables;
pub mod tabular;
pub mod taxonomy;

use crate::model::Directory;
use chrono::{DateTime, Utc};
use std::io::Write;
use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum HsdsError {
    #[error("cannot read {path}: {reason}")]
    Read { path: String, reason: String },
    #[error("{path} is larger than {max} bytes")]
    TooLarge { path: String, max: u64 },
    #[error("{path} is not valid JSON: {reason}")]
    Parse { path: String, reason: String },
    #[error("{path} is not a usable zip archive: {reason}")]
    Zip { path: String, reason: String },
    #[error("{path} has an entry `{entry}` that points outside the archive; refusing it")]
    UnsafeEntry { path: String, entry: String },
    #[error("cannot write {path}: {reason}")]
    Write { path: String, reason: String },
}

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

/// Writes to a temporary file and renames it, so a reader never sees half a file.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), HsdsError> {
    let error = |e: std::io::Error| HsdsError::Write { path: path.display().to_string(), reason: e.to_string() };
    let mut temporary = path.as_os_str().to_owned();
    temporary.push(".partial");
    let temporary = std::path::PathBuf::from(temporary);
    let mut file = std::fs::File::create(&temporary).map_err(error)?;
    file.write_all(bytes).and_then(|_| file.sync_all()).map_err(error)?;
    std::fs::rename(&temporary, path).map_err(error)
}

/// Writes the directory in `form`; records are ordered by id, so the same data gives the same bytes.
pub fn export(directory: &Directory, form: Form, path: &Path) -> Result<(), HsdsError> {
    let write_error =
        |e: serde_json::Error| HsdsError::Write { path: path.display().to_string(), reason: e.to_string() };
    match form {
        Form::DataPackage => tabular::write_package(directory, path),
        Form::Json => {
            let documents = documents::directory_documents(directory);
            let mut bytes = serde_json::to_vec_pretty(&documents).map_err(write_error)?;
            bytes.push(b'\n');
            write_atomically(path, &bytes)
        }
        Form::Ndjson => {
            let mut bytes = Vec::new();
            for document in documents::directory_documents(directory) {
                serde_json::to_writer(&mut bytes, &document).map_err(write_error)?;
                bytes.push(b'\n');
            }
            write_atomically(path, &bytes)
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

/// Checks the rows against the official descriptor, then builds the directory. Without
/// `skip_invalid` any problem is reported and nothing is built; with it, bad values and records are
/// left out and listed.
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
    let mapped = import::map(&tables, now);
    prepared.notes = mapped.notes;
    if skip_invalid {
        prepared.left_out.extend(mapped.problems);
    } else {
        prepared.problems = mapped.problems;
    }
    prepared.directory = mapped.directory;
    prepared
}

#[cfg(test)]
mod tests;
