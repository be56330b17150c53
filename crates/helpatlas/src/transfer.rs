//! Import and export of the whole directory in Help Atlas's own JSON form (`--format atlas`): a
//! lossless backup of every field. HSDS formats build on the same checks.

use crate::geo::atlas;
use crate::model::{Directory, ServiceArea};
use crate::store::{Store, StoreError, UpsertSummary};
use std::collections::HashSet;
use std::path::Path;

/// Largest import file accepted, so that a mistaken path cannot exhaust memory.
pub const MAX_IMPORT_BYTES: u64 = 512 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum TransferError {
    #[error("cannot read {path}: {reason}")]
    Read { path: String, reason: String },
    #[error("{path} is larger than {max} bytes")]
    TooLarge { path: String, max: u64 },
    #[error("{path} is not valid Help Atlas JSON: {reason}")]
    Parse { path: String, reason: String },
    #[error("{path} has {} problem(s), nothing was imported:\n{}", .problems.len(), .problems.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n"))]
    Invalid { path: String, problems: Vec<String> },
    #[error("cannot write {path}: {reason}")]
    Write { path: String, reason: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}

pub fn read_file(path: &Path) -> Result<Directory, TransferError> {
    let shown = path.display().to_string();
    let meta =
        std::fs::metadata(path).map_err(|e| TransferError::Read { path: shown.clone(), reason: e.to_string() })?;
    if meta.len() > MAX_IMPORT_BYTES {
        return Err(TransferError::TooLarge { path: shown, max: MAX_IMPORT_BYTES });
    }
    let bytes = std::fs::read(path).map_err(|e| TransferError::Read { path: shown.clone(), reason: e.to_string() })?;
    serde_json::from_slice(&bytes).map_err(|e| TransferError::Parse { path: shown, reason: e.to_string() })
}

/// Every problem that would make `incoming` inconsistent once merged with `existing`.
pub fn check(incoming: &Directory, existing: &Directory) -> Vec<String> {
    let mut problems = Vec::new();
    let mut duplicates = |kind: &str, ids: Vec<uuid::Uuid>| {
        let mut seen = HashSet::new();
        for id in ids {
            if !seen.insert(id) {
                problems.push(format!("{kind} {id}: the id appears more than once"));
            }
        }
    };
    duplicates("organization", incoming.organizations.iter().map(|o| o.id).collect());
    duplicates("location", incoming.locations.iter().map(|l| l.id).collect());
    duplicates("service", incoming.services.iter().map(|s| s.id).collect());
    let orgs: HashSet<_> = incoming.organizations.iter().chain(&existing.organizations).map(|o| o.id).collect();
    let locations: HashSet<_> = incoming.locations.iter().chain(&existing.locations).map(|l| l.id).collect();
    for o in &incoming.organizations {
        if o.name.trim().is_empty() {
            problems.push(format!("organization {} field name: must not be empty", o.id));
        }
    }
    for l in &incoming.locations {
        if !orgs.contains(&l.organization_id) {
            problems.push(format!(
                "location {} field organization_id: no organization with id {}",
                l.id, l.organization_id
            ));
        }
        if !l.point.is_valid() {
            problems.push(format!("location {} field point: latitude or longitude out of range", l.id));
        }
    }
    for s in &incoming.services {
        let at = |field: &str, what: String| format!("service {} field {field}: {what}", s.id);
        if s.name.trim().is_empty() {
            problems.push(at("name", "must not be empty".into()));
        }
        if !orgs.contains(&s.organization_id) {
            problems.push(at("organization_id", format!("no organization with id {}", s.organization_id)));
        }
        for l in s.location_ids.iter().filter(|l| !locations.contains(l)) {
            problems.push(at("location_ids", format!("no location with id {l}")));
        }
        if s.areas.is_empty() {
            problems.push(at("areas", "a service needs at least one service area".into()));
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
        if !s.source_url.starts_with("https://") {
            problems.push(at("source_url", format!("`{}` is not an https URL", s.source_url)));
        }
    }
    problems
}

/// Checks everything, then writes everything in one transaction. With `dry_run`, only checks.
pub async fn import(store: &dyn Store, path: &Path, dry_run: bool) -> Result<UpsertSummary, TransferError> {
    let incoming = read_file(path)?;
    let existing = store.load_directory().await?;
    let problems = check(&incoming, &existing);
    if !problems.is_empty() {
        return Err(TransferError::Invalid { path: path.display().to_string(), problems });
    }
    if dry_run {
        return Ok(UpsertSummary::default());
    }
    Ok(store.upsert(&incoming, "import").await?)
}

/// Writes the whole directory, records ordered by id, so that the same data gives the same bytes.
pub async fn export(store: &dyn Store, path: &Path) -> Result<usize, TransferError> {
    let mut directory = store.load_directory().await?;
    directory.sort();
    let shown = path.display().to_string();
    let json = serde_json::to_vec_pretty(&directory)
        .map_err(|e| TransferError::Write { path: shown.clone(), reason: e.to_string() })?;
    let temporary = path.with_extension("partial");
    std::fs::write(&temporary, json)
        .and_then(|_| std::fs::rename(&temporary, path))
        .map_err(|e| TransferError::Write { path: shown, reason: e.to_string() })?;
    Ok(directory.services.len())
}
