//! Import and export of the whole directory: Help Atlas's own JSON form (`--format atlas`, a lossless
//! backup of every field) and the HSDS forms (`hsds` module). Every import ends in the same checks
//! against what the store already holds, then one transaction.

use crate::geo::atlas;
use crate::hsds::{self, HsdsError};
use crate::model::{Author, Directory, Kind, Location, Organization, RecordKind, Service, ServiceArea};
use crate::store::{RecordTable, Store, StoreError, StoredIds, UpsertSummary};
use chrono::{DateTime, Utc};
use std::collections::HashSet;
use std::fmt;
use std::path::Path;
use uuid::Uuid;

#[derive(Debug, thiserror::Error)]
pub enum TransferError {
    #[error("{path} has {} problem(s), nothing was imported:\n{}", .problems.len(), .problems.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n"))]
    Invalid { path: String, problems: Vec<String> },
    #[error("cannot write {path}: {reason}")]
    Write { path: String, reason: String },
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Hsds(#[from] HsdsError),
    #[error("{path}: found no records to import; {why}")]
    Empty { path: String, why: String },
}

/// A problem with one record of an import, named so that `--skip-invalid` can leave the record out.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub table: &'static str,
    pub id: Uuid,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {}", self.table, self.id, self.message)
    }
}

/// Every problem that would make `incoming` inconsistent once merged with the stored records `existing`.
/// The values of its fields are the gate's (`model::validate`), which every import path runs first.
pub fn check(incoming: &Directory, existing: &StoredIds) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut duplicates = |table: &'static str, ids: Vec<Uuid>| {
        let mut seen = HashSet::new();
        for id in ids {
            if !seen.insert(id) {
                problems.push(Problem { table, id, message: "appears more than once".into() });
            }
        }
    };
    duplicates("organization", incoming.organizations.iter().map(|o| o.id).collect());
    duplicates("location", incoming.locations.iter().map(|l| l.id).collect());
    duplicates("service", incoming.services.iter().map(|s| s.id).collect());
    let orgs: HashSet<Uuid> =
        incoming.organizations.iter().map(|o| o.id).chain(existing.organizations.iter().copied()).collect();
    let locations: HashSet<Uuid> =
        incoming.locations.iter().map(|l| l.id).chain(existing.locations.iter().copied()).collect();
    for l in &incoming.locations {
        if !orgs.contains(&l.organization_id) {
            let message = format!("field organization_id: no organization with id {}", l.organization_id);
            problems.push(Problem { table: "location", id: l.id, message });
        }
        if !l.point.is_valid() {
            let message = "field point: latitude or longitude out of range".into();
            problems.push(Problem { table: "location", id: l.id, message });
        }
    }
    for s in &incoming.services {
        let at = |field: &str, what: String| Problem {
            table: "service",
            id: s.id,
            message: format!("field {field}: {what}"),
        };
        if !orgs.contains(&s.organization_id) {
            problems.push(at("organization_id", format!("no organization with id {}", s.organization_id)));
        }
        for l in s.location_ids.iter().filter(|l| !locations.contains(l)) {
            problems.push(at("location_ids", format!("no location with id {l}")));
        }
        // An in-person service without areas is listed for no place; anything reached remotely must
        // say where it can be used.
        if s.areas.is_empty() && s.kind != Kind::InPerson {
            problems.push(at("areas", "a service that is not in-person needs at least one service area".into()));
        }
        for area in &s.areas {
            let known = match area {
                ServiceArea::Country(c) => atlas().country(*c).is_some(),
                ServiceArea::Subdivision(code) => atlas().subdivision(code).is_some(),
                _ => true,
            };
            if !known {
                problems.push(at("areas", format!("`{area}` is not a known ISO 3166 code")));
            }
        }
    }
    problems
}

/// How an import runs.
#[derive(Debug, Clone, Copy, Default)]
pub struct ImportOptions {
    /// Check only; write nothing.
    pub dry_run: bool,
    /// Leave out invalid values and records (listed in the report) and import the rest.
    pub skip_invalid: bool,
    /// How much may be read, so that a mistaken path or a zip bomb cannot exhaust memory.
    pub limits: hsds::source::Limits,
    /// Repair what real publishers get wrong but can be read without guessing (`hsds::lenient`),
    /// each kind of repair noted.
    pub lenient: bool,
}

/// What an import did.
#[derive(Debug, Default)]
pub struct ImportReport {
    pub summary: UpsertSummary,
    /// Records in the checked directory (organizations, locations, services).
    pub records: usize,
    /// What `skip_invalid` left out, each with its place and reason.
    pub left_out: Vec<String>,
    /// Defaults applied to records that lack Help Atlas's own fields.
    pub notes: Vec<String>,
}

fn invalid(path: &Path, problems: Vec<String>) -> TransferError {
    TransferError::Invalid { path: path.display().to_string(), problems }
}

/// Reads any supported form (Help Atlas JSON, HSDS JSON/ndjson, HSDS data package directory or zip)
/// into a directory, with what was left out and the defaults applied.
pub fn read_any(
    path: &Path,
    options: ImportOptions,
    now: DateTime<Utc>,
) -> Result<(Directory, Vec<String>, Vec<String>), TransferError> {
    let input = hsds::source::read(path, &options.limits)?;
    checked(input, path, options, now)
}

/// As [`read_any`], for a file already in memory (a feed's download), named `name` in messages.
pub fn read_any_bytes(
    name: &Path,
    bytes: &[u8],
    options: ImportOptions,
    now: DateTime<Utc>,
) -> Result<(Directory, Vec<String>, Vec<String>), TransferError> {
    let input = hsds::source::read_bytes(name, bytes, &options.limits)?;
    checked(input, name, options, now)
}

fn checked(
    input: hsds::source::Input,
    path: &Path,
    options: ImportOptions,
    now: DateTime<Utc>,
) -> Result<(Directory, Vec<String>, Vec<String>), TransferError> {
    match input {
        hsds::source::Input::Atlas(mut directory) => {
            let gated = hsds::gate(&mut directory, options.skip_invalid);
            if !options.skip_invalid && !gated.refused.is_empty() {
                return Err(invalid(path, gated.refused));
            }
            Ok((directory, gated.refused.into_iter().chain(gated.dropped).collect(), gated.cleaned))
        }
        hsds::source::Input::Hsds { mut tables, problems, notes } => {
            let repaired = if options.lenient { hsds::lenient::repair(&mut tables) } else { Vec::new() };
            let prepared = hsds::prepare(tables, problems, options.skip_invalid, now);
            if !prepared.problems.is_empty() {
                return Err(invalid(path, prepared.problems));
            }
            Ok((prepared.directory, prepared.left_out, [notes, repaired, prepared.notes].concat()))
        }
    }
}

/// Leaves out every record with a problem, again until none is left (leaving out an organization
/// leaves its services dangling); returns what was left out.
fn leave_out_invalid(incoming: &mut Directory, existing: &StoredIds) -> Vec<String> {
    let mut left_out = Vec::new();
    loop {
        let problems = check(incoming, existing);
        if problems.is_empty() {
            return left_out;
        }
        let doomed: HashSet<Uuid> = problems.iter().map(|p| p.id).collect();
        incoming.organizations.retain(|o| !doomed.contains(&o.id));
        incoming.locations.retain(|l| !doomed.contains(&l.id));
        incoming.services.retain(|s| !doomed.contains(&s.id));
        left_out.extend(problems.iter().map(ToString::to_string));
    }
}

/// A stored record with an id and a change date.
trait Dated: Clone + PartialEq {
    fn id(&self) -> Uuid;
    fn date(&mut self) -> &mut DateTime<Utc>;
}

macro_rules! dated {
    ($($t:ty),*) => {$(
        impl Dated for $t {
            fn id(&self) -> Uuid {
                self.id
            }
            fn date(&mut self) -> &mut DateTime<Utc> {
                &mut self.last_modified
            }
        }
    )*};
}

dated!(Organization, Location, Service);

/// Records without a `last_modified` of their own were stamped `now` on reading. Where such a record is
/// stored already with the same content, it keeps its stored date, so re-importing the same data
/// changes nothing.
fn keep_dates_of_unchanged<T: Dated>(incoming: &mut [T], existing: &[T], now: DateTime<Utc>) {
    let stored: std::collections::HashMap<Uuid, &T> = existing.iter().map(|r| (r.id(), r)).collect();
    for record in incoming.iter_mut() {
        let Some(&old) = stored.get(&record.id()) else { continue };
        if *record.date() != now {
            continue;
        }
        let mut candidate = record.clone();
        *candidate.date() = *old.clone().date();
        if candidate == *old {
            *record = candidate;
        }
    }
}

/// Whether any record carries `date`: the `now` given to records the source left undated.
pub fn has_date(directory: &Directory, date: DateTime<Utc>) -> bool {
    directory.organizations.iter().any(|o| o.last_modified == date)
        || directory.locations.iter().any(|l| l.last_modified == date)
        || directory.services.iter().any(|s| s.last_modified == date)
}

/// [`keep_dates_of_unchanged`] for every table.
pub fn keep_unchanged_dates(incoming: &mut Directory, existing: &Directory, now: DateTime<Utc>) {
    keep_dates_of_unchanged(&mut incoming.organizations, &existing.organizations, now);
    keep_dates_of_unchanged(&mut incoming.locations, &existing.locations, now);
    keep_dates_of_unchanged(&mut incoming.services, &existing.services, now);
}

/// Checks everything, then writes everything in one transaction. With `dry_run`, only checks.
/// `progress` is called now and then while writing, with the records written so far and the total.
pub async fn import(
    store: &dyn Store,
    path: &Path,
    options: ImportOptions,
    progress: &(dyn Fn(usize, usize) + Send + Sync),
) -> Result<ImportReport, TransferError> {
    let now = Utc::now();
    let (mut incoming, mut left_out, notes) = read_any(path, options, now)?;
    if incoming.is_empty() {
        return Err(TransferError::Empty { path: path.display().to_string(), why: why_empty(&left_out, &notes) });
    }
    // Whole stored records are read only when some incoming record had no date of its own.
    if has_date(&incoming, now) {
        keep_unchanged_dates(&mut incoming, &store.load_directory().await?, now);
    }
    let existing = store.reference_ids().await?;
    if options.skip_invalid {
        left_out.extend(leave_out_invalid(&mut incoming, &existing));
    } else {
        let problems = check(&incoming, &existing);
        if !problems.is_empty() {
            return Err(invalid(path, problems.iter().map(ToString::to_string).collect()));
        }
    }
    let records = incoming.organizations.len() + incoming.locations.len() + incoming.services.len();
    let summary = match options.dry_run {
        true => UpsertSummary::default(),
        false => {
            let author = Author::Import { source: source_name(path) };
            store.upsert_reporting(&incoming, &author, &|done| progress(done, records)).await?
        }
    };
    Ok(ImportReport { summary, records, left_out, notes })
}

/// Why an import found no records: what was left out or noted, or that nothing in it is a record.
fn why_empty(left_out: &[String], notes: &[String]) -> String {
    let said: Vec<&String> = left_out.iter().chain(notes).take(5).collect();
    match said.is_empty() {
        true => "it holds no organization, location or service records (an HSDS 3.0 file has service or organization documents; a package, services.csv and organizations.csv)".into(),
        false => format!("every record was left out: {}", said.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("; ")),
    }
}

/// How an import names what it read in the history: the file's name, not the importer's directories.
fn source_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |name| name.to_string_lossy().into_owned())
}

/// The forms `export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportForm {
    Atlas,
    Hsds(hsds::Form),
}

/// The largest id of a page of one table.
fn last_id(page: &Directory) -> Option<Uuid> {
    let organization = page.organizations.last().map(|o| o.id);
    organization.or(page.locations.last().map(|l| l.id)).or(page.services.last().map(|s| s.id))
}

/// The change records of a page's records, from their revision history.
async fn page_metadata(store: &dyn Store, page: &Directory) -> Result<hsds::metadata::Metadata, TransferError> {
    let organizations: Vec<Uuid> = page.organizations.iter().map(|o| o.id).collect();
    let locations: Vec<Uuid> = page.locations.iter().map(|l| l.id).collect();
    let services: Vec<Uuid> = page.services.iter().map(|s| s.id).collect();
    let mut revisions = store.revisions_of(RecordKind::Organization, &organizations).await?;
    revisions.extend(store.revisions_of(RecordKind::Location, &locations).await?);
    revisions.extend(store.revisions_of(RecordKind::Service, &services).await?);
    let ids: Vec<Uuid> = organizations.into_iter().chain(locations).chain(services).collect();
    let provenance = store.provenance(Some(&ids)).await?;
    Ok(hsds::metadata::Metadata::from_revisions(&revisions).with_provenance(provenance))
}

/// Records read from the store per query while exporting: enough to keep the queries few, few enough
/// to keep memory small at any size.
const EXPORT_PAGE: usize = 2000;

/// Writes the whole directory, records ordered by id, so that the same data gives the same bytes.
/// The HSDS forms are written as the store is read, page by page, in bounded memory; returns the
/// number of services written.
pub async fn export(store: &dyn Store, path: &Path, form: ExportForm) -> Result<usize, TransferError> {
    match form {
        ExportForm::Atlas => {
            let mut directory = store.load_directory().await?;
            directory.sort();
            let shown = path.display().to_string();
            let json = serde_json::to_vec_pretty(&directory)
                .map_err(|e| TransferError::Write { path: shown, reason: e.to_string() })?;
            hsds::write_atomically(path, &json)?;
            Ok(directory.services.len())
        }
        ExportForm::Hsds(hsds::Form::DataPackage) => {
            let mut package = hsds::tabular::PackageWriter::create(path)?;
            let mut services = 0;
            for table in [RecordTable::Organizations, RecordTable::Locations, RecordTable::Services] {
                let mut after = None;
                loop {
                    let page = store.page(table, after, EXPORT_PAGE).await?;
                    let Some(last) = last_id(&page) else { break };
                    after = Some(last);
                    services += page.services.len();
                    package.directory(&page, &page_metadata(store, &page).await?)?;
                }
            }
            package.finish()?;
            Ok(services)
        }
        ExportForm::Hsds(form) => {
            let mut documents = hsds::documents::DocumentWriter::create(path, form)?;
            let (mut services, mut after) = (0, None);
            loop {
                let page = store.organizations_with_records(after, EXPORT_PAGE).await?;
                let Some(last) = page.organizations.last() else { break };
                after = Some(last.id);
                services += page.services.len();
                documents.directory(&page, &page_metadata(store, &page).await?)?;
            }
            documents.finish()?;
            Ok(services)
        }
    }
}
