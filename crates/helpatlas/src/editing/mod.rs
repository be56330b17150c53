//! Changing records through the editors' area: drafts validated into records, each save a new
//! version based on the version the editor saw (a stale save is refused with what changed since),
//! and the special edits of a service: revert, retire and restore, holiday closures, verification.

pub mod draft;
pub mod validate;

use crate::model::{
    diff, Action, Author, DatedException, Record, RecordKind, RetiredStatus, Retirement, Revision, Service,
    VerificationStatus, Versioned,
};
use crate::store::{Edit, RecordQuery, Saved, Store, StoreError};
use chrono::{NaiveDate, Utc};
use draft::{LocationDraft, OrganizationDraft, ServiceDraft};
use std::sync::Arc;
use uuid::Uuid;
use validate::{FieldError, Invalid};

/// Someone else saved the record after the version an edit was based on.
#[derive(Debug, Clone)]
pub struct Conflict {
    pub current: Versioned,
    /// The versions written since the edit's base, oldest first.
    pub since: Vec<Revision>,
    /// What they changed: the edit's base against the current version.
    pub changes: Vec<diff::FieldChange>,
}

#[derive(Debug, thiserror::Error)]
pub enum EditError {
    #[error(transparent)]
    Invalid(#[from] Invalid),
    #[error("someone else saved this record meanwhile")]
    Conflict(Box<Conflict>),
    #[error("no such record")]
    NotFound,
    #[error(transparent)]
    Store(StoreError),
}

impl EditError {
    fn field(field: &str, message: impl Into<String>) -> EditError {
        EditError::Invalid(Invalid(vec![FieldError { field: field.into(), message: message.into() }]))
    }
}

/// A closure or special opening to add to some channels of a service: every day from `from` to
/// `to`, closed (`open: None`) or open only `open` (`HH:MM-HH:MM`).
#[derive(Debug, Clone, Default)]
pub struct ClosureDraft {
    pub from: String,
    pub to: String,
    pub open: String,
    /// Positions of the channels it applies to.
    pub channels: Vec<usize>,
    /// `(channel position, date)` of exceptions to take out.
    pub remove: Vec<(usize, NaiveDate)>,
}

/// Longest closure added at once.
const MAX_CLOSURE_DAYS: i64 = 366;

#[derive(Clone)]
pub struct Editing {
    store: Arc<dyn Store>,
}

impl Editing {
    pub fn new(store: Arc<dyn Store>) -> Editing {
        Editing { store }
    }

    pub async fn record(&self, kind: RecordKind, id: Uuid) -> Result<Versioned, EditError> {
        self.store.record(kind, id).await.map_err(EditError::Store)?.ok_or(EditError::NotFound)
    }

    pub async fn service(&self, id: Uuid) -> Result<(Service, i64), EditError> {
        match self.record(RecordKind::Service, id).await? {
            Versioned { record: Record::Service(s), version } => Ok((s, version)),
            _ => Err(EditError::NotFound),
        }
    }

    /// Writes `record` as the version after `expected` (a new record when `None`).
    pub async fn save(
        &self,
        record: Record,
        expected: Option<i64>,
        author: &Author,
        action: Action,
        note: &str,
    ) -> Result<Saved, EditError> {
        let edit =
            Edit { record, expected_version: expected, author: author.clone(), action, note: note.trim().to_string() };
        match self.store.save(&edit).await {
            Ok(saved) => Ok(saved),
            Err(StoreError::Conflict { found: Some(_), .. }) if expected.is_some() => {
                Err(self.conflict(edit.record.kind(), edit.record.id(), expected.unwrap_or(0)).await)
            }
            Err(StoreError::Conflict { .. }) if expected.is_some() => Err(EditError::NotFound),
            Err(StoreError::Conflict { .. }) => Err(EditError::field("id", "a record with this id exists already")),
            Err(e) => Err(EditError::Store(e)),
        }
    }

    async fn conflict(&self, kind: RecordKind, id: Uuid, base: i64) -> EditError {
        let current = match self.record(kind, id).await {
            Ok(current) => current,
            Err(e) => return e,
        };
        match self.store.revisions(kind, id).await {
            Ok(all) => {
                let base_record = all.iter().find(|r| r.version == base).and_then(|r| r.record().ok());
                let changes = diff::diff(base_record.as_ref(), &current.record);
                let since = all.into_iter().filter(|r| r.version > base).collect();
                EditError::Conflict(Box::new(Conflict { current, since, changes }))
            }
            Err(e) => EditError::Store(e),
        }
    }

    pub async fn save_organization(
        &self,
        id: Option<Uuid>,
        expected: Option<i64>,
        draft: &OrganizationDraft,
        author: &Author,
        note: &str,
    ) -> Result<(Uuid, Saved), EditError> {
        let id = id.unwrap_or_else(Uuid::now_v7);
        let organization = validate::organization(draft, id, Utc::now())?;
        let action = if expected.is_some() { Action::Edit } else { Action::Create };
        Ok((id, self.save(Record::Organization(organization), expected, author, action, note).await?))
    }

    pub async fn save_location(
        &self,
        id: Option<Uuid>,
        expected: Option<i64>,
        draft: &LocationDraft,
        author: &Author,
        note: &str,
    ) -> Result<(Uuid, Saved), EditError> {
        let organization = self.organization_of(&draft.organization_id).await?;
        let id = id.unwrap_or_else(Uuid::now_v7);
        let location = validate::location(draft, id, organization, Utc::now())?;
        let action = if expected.is_some() { Action::Edit } else { Action::Create };
        Ok((id, self.save(Record::Location(location), expected, author, action, note).await?))
    }

    async fn organization_of(&self, text: &str) -> Result<Uuid, EditError> {
        let id = text.trim().parse::<Uuid>().ok();
        let exists = match id {
            Some(id) => self.store.record(RecordKind::Organization, id).await.map_err(EditError::Store)?.is_some(),
            None => false,
        };
        id.filter(|_| exists)
            .ok_or_else(|| EditError::field("organization_id", "choose the organization it belongs to"))
    }

    /// The ids of an organization's locations, which its services may be offered at.
    pub async fn locations_of(&self, organization: Uuid) -> Result<Vec<(Uuid, String)>, EditError> {
        let query = RecordQuery { organization: Some(organization), limit: 1000, ..RecordQuery::default() };
        let found = self.store.find(RecordKind::Location, &query).await.map_err(EditError::Store)?;
        Ok(found.into_iter().map(|l| (l.id, l.name)).collect())
    }

    pub async fn save_service(
        &self,
        id: Option<Uuid>,
        expected: Option<i64>,
        draft: &ServiceDraft,
        author: &Author,
        note: &str,
    ) -> Result<(Uuid, Saved), EditError> {
        let stored = match (id, expected) {
            (Some(id), Some(_)) => Some(self.service(id).await?.0),
            _ => None,
        };
        let organization = self.organization_of(&draft.organization_id).await.ok();
        let locations: Vec<Uuid> = match organization {
            Some(o) => self.locations_of(o).await?.into_iter().map(|(id, _)| id).collect(),
            None => Vec::new(),
        };
        let place_names: Vec<String> = stored
            .iter()
            .flat_map(|s| s.channels.iter())
            .filter(|c| c.kind == crate::model::ChannelType::InPerson)
            .map(|c| c.value.clone())
            .collect();
        let id = id.unwrap_or_else(Uuid::now_v7);
        let cx = validate::ServiceContext {
            id,
            organization,
            locations: &locations,
            place_names: &place_names,
            retired: stored.and_then(|s| s.retired),
            now: Utc::now(),
        };
        let service = validate::service(draft, &cx)?;
        let action = if expected.is_some() { Action::Edit } else { Action::Create };
        Ok((id, self.save(Record::Service(service), expected, author, action, note).await?))
    }

    /// Writes the document of an earlier version again, as a new version.
    pub async fn revert(
        &self,
        kind: RecordKind,
        id: Uuid,
        to: i64,
        expected: i64,
        author: &Author,
    ) -> Result<Saved, EditError> {
        let revision = self.store.revision(kind, id, to).await.map_err(EditError::Store)?.ok_or(EditError::NotFound)?;
        let mut record = revision.record().map_err(|e| {
            EditError::Store(StoreError::Corrupt { table: "revisions", id: id.to_string(), reason: e.to_string() })
        })?;
        record.set_last_modified(Utc::now());
        self.save(record, Some(expected), author, Action::Revert, &format!("back to version {to}")).await
    }

    pub async fn retire(
        &self,
        id: Uuid,
        expected: i64,
        status: &str,
        reason: &str,
        author: &Author,
    ) -> Result<Saved, EditError> {
        let (mut service, _) = self.service(id).await?;
        let status = match status {
            "inactive" => RetiredStatus::Inactive,
            "defunct" => RetiredStatus::Defunct,
            _ => return Err(EditError::field("status", "choose whether the service stopped for now or for good")),
        };
        let reason = reason.trim();
        if reason.is_empty() || reason.chars().count() > 500 {
            return Err(EditError::field("reason", "say in up to 500 characters what the source says happened"));
        }
        service.retired = Some(Retirement { status, reason: reason.to_string() });
        service.last_modified = Utc::now();
        self.save(Record::Service(service), Some(expected), author, Action::Retire, reason).await
    }

    pub async fn restore(&self, id: Uuid, expected: i64, author: &Author, note: &str) -> Result<Saved, EditError> {
        let (mut service, _) = self.service(id).await?;
        if service.retired.take().is_none() {
            return Err(EditError::field("retired", "the service is not retired"));
        }
        service.last_modified = Utc::now();
        self.save(Record::Service(service), Some(expected), author, Action::Restore, note).await
    }

    /// Records that a person checked the service against `source` today.
    pub async fn verify(
        &self,
        id: Uuid,
        expected: i64,
        source: &str,
        source_date: &str,
        note: &str,
        author: &Author,
    ) -> Result<Saved, EditError> {
        let (mut service, _) = self.service(id).await?;
        let today = Utc::now().date_naive();
        let mut checks = crate::bundled::FieldChecks::default();
        let source_url = checks.https("source_url", source.trim());
        let source_date = match source_date.trim() {
            "" => None,
            text => checks.source_date("source_date", text, Some(today)),
        };
        let problems = checks.into_problems();
        if !problems.is_empty() {
            return Err(EditError::Invalid(Invalid(
                problems.into_iter().map(|(field, message)| FieldError { field, message }).collect(),
            )));
        }
        service.source_url = source_url.unwrap_or(service.source_url);
        service.source_date = source_date.or(service.source_date);
        service.verified_on = today;
        service.status = VerificationStatus::Verified;
        service.last_modified = Utc::now();
        let note = match note.trim() {
            "" => format!("checked against {}", service.source_url),
            text => format!("checked against {}: {text}", service.source_url),
        };
        self.save(Record::Service(service), Some(expected), author, Action::Verify, &note).await
    }

    /// Adds a closure (or special opening) to some channels and takes out chosen exceptions.
    pub async fn closures(
        &self,
        id: Uuid,
        expected: i64,
        draft: &ClosureDraft,
        author: &Author,
    ) -> Result<Saved, EditError> {
        let (mut service, _) = self.service(id).await?;
        for (position, date) in &draft.remove {
            if let Some(hours) = service.channels.get_mut(*position).and_then(|c| c.hours.as_mut()) {
                hours.exceptions.retain(|e| e.date != *date);
            }
        }
        let adding = !draft.from.trim().is_empty();
        let added = if adding { closure_days(draft)? } else { Vec::new() };
        if adding && draft.channels.is_empty() {
            return Err(EditError::field("channels", "choose the channels the closure applies to"));
        }
        for position in &draft.channels {
            let channel =
                service.channels.get_mut(*position).ok_or_else(|| EditError::field("channels", "no such channel"))?;
            let Some(hours) = channel.hours.as_mut() else {
                return Err(EditError::field(
                    "channels",
                    format!("{} {} has no published hours: add its hours first", channel.kind, channel.value),
                ));
            };
            for exception in &added {
                hours.exceptions.retain(|e| e.date != exception.date);
                hours.exceptions.push(exception.clone());
            }
            hours.exceptions.sort_by_key(|e| e.date);
        }
        service.last_modified = Utc::now();
        let note = match added.first() {
            Some(first) => format!("{} day(s) from {}", added.len(), first),
            None => "exceptions removed".into(),
        };
        self.save(Record::Service(service), Some(expected), author, Action::Closures, &note).await
    }
}

/// The exceptions of a closure draft, one per day, parsed as the data files' `exceptions`.
fn closure_days(draft: &ClosureDraft) -> Result<Vec<DatedException>, EditError> {
    let date = |field: &str, text: &str| {
        NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
            .map_err(|_| EditError::field(field, format!("`{}` is not a date (YYYY-MM-DD)", text.trim())))
    };
    let from = date("from", &draft.from)?;
    let to = if draft.to.trim().is_empty() { from } else { date("to", &draft.to)? };
    let days = (to - from).num_days();
    if !(0..MAX_CLOSURE_DAYS).contains(&days) {
        return Err(EditError::field(
            "to",
            format!("must be on or after the first day and within {MAX_CLOSURE_DAYS} days of it"),
        ));
    }
    let what = match draft.open.trim() {
        "" => "closed".to_string(),
        span => span.to_string(),
    };
    from.iter_days()
        .take(days as usize + 1)
        .map(|day| {
            format!("{day} {what}").parse::<DatedException>().map_err(|e| EditError::field("open", e.to_string()))
        })
        .collect()
}
