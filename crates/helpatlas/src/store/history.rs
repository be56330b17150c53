//! Every record's versions: one record written with optimistic concurrency and its revision in one
//! transaction, the history read back, and the queries of the editors' lists and dashboard.

use super::rows::{bind_columns, new_change, record_row, Table};
use super::sql::SqlStore;
use super::StoreError;
use crate::model::{Action, Author, Record, RecordKind, Revision, Versioned};
use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::any::AnyRow;
use sqlx::Row;
use std::collections::HashSet;
use uuid::Uuid;

/// One record to write: a new one (`expected_version: None`) or a new version of version
/// `expected_version`.
#[derive(Debug, Clone)]
pub struct Edit {
    pub record: Record,
    pub expected_version: Option<i64>,
    pub author: Author,
    pub action: Action,
    /// Why, in the editor's words (or what was reverted to).
    pub note: String,
}

/// What a save did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    Written {
        version: i64,
        change: i64,
    },
    /// The record was already stored exactly so: nothing written, no revision.
    Unchanged {
        version: i64,
    },
}

impl Saved {
    pub fn version(self) -> i64 {
        match self {
            Saved::Written { version, .. } | Saved::Unchanged { version } => version,
        }
    }
}

/// A line of an editors' list of records.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordSummary {
    pub id: Uuid,
    pub name: String,
    /// Services: the kind of help; locations: the organization id; organizations: empty.
    pub detail: String,
    pub country: String,
    pub verified_on: Option<NaiveDate>,
    pub retired: bool,
    pub version: i64,
}

/// Which records an editors' list shows.
#[derive(Debug, Clone, Default)]
pub struct RecordQuery {
    /// Part of the name, any case.
    pub text: Option<String>,
    /// Services only: home country (`''` for none), kind, retired or not.
    pub country: Option<String>,
    pub service_kind: Option<String>,
    pub retired: Option<bool>,
    /// Locations and services of one organization.
    pub organization: Option<Uuid>,
    pub limit: usize,
    pub offset: usize,
}

/// Services that are not retired and were verified on or before `verified_by`, for the dashboard.
#[derive(Debug, Clone, Default)]
pub struct DueQuery {
    pub verified_by: Option<NaiveDate>,
    pub country: Option<String>,
    pub kind: Option<String>,
    pub limit: usize,
    pub offset: usize,
}

/// How many services of one country and kind are overdue and due soon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueCount {
    pub country: String,
    pub kind: String,
    pub overdue: i64,
    pub due_soon: i64,
}

#[async_trait]
pub trait History: Send + Sync {
    /// One record with its version.
    async fn record(&self, kind: RecordKind, id: Uuid) -> Result<Option<Versioned>, StoreError>;

    /// Writes one record and its revision in one transaction; refuses ([`StoreError::Conflict`]) when
    /// the stored version is not the one the edit was based on. Writing a record exactly as stored
    /// writes nothing.
    async fn save(&self, edit: &Edit) -> Result<Saved, StoreError>;

    /// Every version of a record, oldest first.
    async fn revisions(&self, kind: RecordKind, id: Uuid) -> Result<Vec<Revision>, StoreError>;

    async fn revision(&self, kind: RecordKind, id: Uuid, version: i64) -> Result<Option<Revision>, StoreError>;

    /// Every version of the records `ids`, each record's oldest first (HSDS `metadata` of an export page).
    async fn revisions_of(&self, kind: RecordKind, ids: &[Uuid]) -> Result<Vec<Revision>, StoreError>;

    /// Records any of whose versions was written by an author of `author_kind`.
    async fn written_by(&self, kind: RecordKind, author_kind: &str) -> Result<HashSet<Uuid>, StoreError>;

    /// Records whose latest version was written by an author of another kind than `author_kind`.
    async fn last_written_by_others(&self, kind: RecordKind, author_kind: &str) -> Result<HashSet<Uuid>, StoreError>;

    async fn find(&self, kind: RecordKind, query: &RecordQuery) -> Result<Vec<RecordSummary>, StoreError>;

    /// Overdue (verified on or before `overdue_by`) and due-soon (before `soon_by`) services by
    /// country and kind.
    async fn due_counts(&self, overdue_by: NaiveDate, soon_by: NaiveDate) -> Result<Vec<DueCount>, StoreError>;

    /// The services of [`DueQuery`], longest unverified first.
    async fn due(&self, query: &DueQuery) -> Result<Vec<RecordSummary>, StoreError>;
}

/// Ids per query of [`History::revisions_of`].
const REVISIONS_CHUNK: usize = 500;

fn revision_from(row: &AnyRow, kind: RecordKind) -> Result<Revision, StoreError> {
    let id: String = row.try_get("record_id")?;
    let corrupt = |reason: String| StoreError::Corrupt { table: "revisions", id: id.clone(), reason };
    let record_id = id.parse().map_err(|e: uuid::Error| corrupt(e.to_string()))?;
    let action: String = row.try_get("action")?;
    let author_id: Option<String> = row.try_get("author_id")?;
    Ok(Revision {
        kind,
        record_id,
        version: row.try_get("version")?,
        at: DateTime::from_timestamp(row.try_get("at")?, 0).unwrap_or_default(),
        author: Author::from_stored(
            &row.try_get::<String, _>("author_kind")?,
            author_id.as_deref(),
            &row.try_get::<String, _>("author")?,
        ),
        action: Action::from_code(&action).ok_or_else(|| corrupt(format!("unknown action `{action}`")))?,
        note: row.try_get("note")?,
        doc: row.try_get("doc")?,
    })
}

const REVISION_COLUMNS: &str = "record_id, version, at, author_kind, author_id, author, action, note, doc";

fn summary_from(row: &AnyRow, kind: RecordKind) -> Result<RecordSummary, StoreError> {
    let id: String = row.try_get("id")?;
    let parsed =
        id.parse().map_err(|e: uuid::Error| StoreError::Corrupt { table: kind.table(), id, reason: e.to_string() })?;
    let verified: Option<String> = row.try_get("verified_on")?;
    Ok(RecordSummary {
        id: parsed,
        name: row.try_get("name")?,
        detail: row.try_get("detail")?,
        country: row.try_get("country")?,
        verified_on: verified.and_then(|d| d.parse().ok()),
        retired: row.try_get::<i64, _>("retired")? != 0,
        version: row.try_get("version")?,
    })
}

/// The columns of a summary, per table (organizations and locations lack the service-only ones).
fn summary_columns(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Service => "id, name, kind AS detail, country, verified_on, retired, version",
        RecordKind::Organization => {
            "id, name, '' AS detail, '' AS country, CAST(NULL AS TEXT) AS verified_on, CAST(0 AS BIGINT) AS retired, version"
        }
        RecordKind::Location => {
            "id, CAST(doc AS TEXT) AS name, organization_id AS detail, '' AS country, CAST(NULL AS TEXT) AS verified_on, CAST(0 AS BIGINT) AS retired, version"
        }
    }
}

/// A statement's text with its parameters, built clause by clause.
#[derive(Default)]
struct Statement {
    sql: String,
    texts: Vec<String>,
}

impl Statement {
    fn and(&mut self, clause: &str, value: String) {
        self.texts.push(value);
        self.sql.push_str(&format!(" AND {}", clause.replace('?', &format!("${}", self.texts.len()))));
    }
}

impl SqlStore {
    async fn current_version(
        &self,
        tx: &mut sqlx::Transaction<'_, sqlx::Any>,
        table: &Table,
        id: Uuid,
    ) -> Result<Option<(i64, String)>, StoreError> {
        let sql = format!("SELECT version, doc FROM {} WHERE id = $1", table.name);
        let row = sqlx::query(&sql).bind(id.to_string()).fetch_optional(&mut **tx).await?;
        Ok(row.map(|r| Ok::<_, sqlx::Error>((r.try_get("version")?, r.try_get("doc")?))).transpose()?)
    }
}

#[async_trait]
impl History for SqlStore {
    async fn record(&self, kind: RecordKind, id: Uuid) -> Result<Option<Versioned>, StoreError> {
        let sql = format!("SELECT id, doc, version FROM {} WHERE id = $1", kind.table());
        let Some(row) = sqlx::query(&sql).bind(id.to_string()).fetch_optional(&self.pool).await? else {
            return Ok(None);
        };
        let doc: String = row.try_get("doc")?;
        let record = Record::from_json(kind, &doc).map_err(|e| StoreError::Corrupt {
            table: kind.table(),
            id: id.to_string(),
            reason: e.to_string(),
        })?;
        Ok(Some(Versioned { record, version: row.try_get("version")? }))
    }

    async fn save(&self, edit: &Edit) -> Result<Saved, StoreError> {
        let kind = edit.record.kind();
        let table = Table::of(kind);
        let id = edit.record.id();
        let mut tx = self.pool.begin().await?;
        let stored = self.current_version(&mut tx, table, id).await?;
        let conflict = |found: Option<i64>| StoreError::Conflict {
            table: kind.table(),
            id,
            expected: edit.expected_version,
            found,
        };
        let (id_text, doc, last_modified, extra) = record_row(&edit.record);
        match (edit.expected_version, &stored) {
            (Some(expected), Some((version, stored_doc))) if expected == *version => {
                if *stored_doc == doc {
                    return Ok(Saved::Unchanged { version: *version });
                }
            }
            (None, None) => {}
            (_, found) => return Err(conflict(found.as_ref().map(|(v, _)| *v))),
        }
        let now = Utc::now();
        let change = new_change(&mut tx, now, &edit.author).await?;
        let written = match edit.expected_version {
            Some(expected) => {
                let sql = table.update_sql();
                let query = sqlx::query(&sql)
                    .bind(id_text.to_string())
                    .bind(expected)
                    .bind(doc.as_str())
                    .bind(last_modified.as_str())
                    .bind(change);
                bind_columns(query, &extra).execute(&mut *tx).await?.rows_affected()
            }
            None => {
                let sql = table.insert_sql();
                let query = sqlx::query(&sql)
                    .bind(id_text.to_string())
                    .bind(doc.as_str())
                    .bind(last_modified.as_str())
                    .bind(change);
                bind_columns(query, &extra).execute(&mut *tx).await?.rows_affected()
            }
        };
        // Another writer can slip in between the read and the update on PostgreSQL (read committed):
        // the version condition of the UPDATE is what decides.
        if written == 0 {
            let found = self.current_version(&mut tx, table, id).await?.map(|(v, _)| v);
            return Err(conflict(found));
        }
        let version = edit.expected_version.map_or(1, |v| v + 1);
        sqlx::query(
            "INSERT INTO revisions (record_table, record_id, version, change_seq, at, author_kind, author_id, author, action, note, doc) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(kind.table())
        .bind(id.to_string())
        .bind(version)
        .bind(change)
        .bind(now.timestamp())
        .bind(edit.author.kind())
        .bind(edit.author.reference())
        .bind(edit.author.label())
        .bind(edit.action.code())
        .bind(edit.note.as_str())
        .bind(doc.as_str())
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO audit_log (at, actor_id, actor, event, subject, detail) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(now.timestamp())
        .bind(match &edit.author {
            Author::User { id, .. } => Some(id.to_string()),
            _ => None,
        })
        .bind(edit.author.label())
        .bind(format!("record-{}", edit.action.code()))
        .bind(format!("{} {id} ({})", kind.singular(), edit.record.name()))
        .bind(format!(
            "version {version}{}",
            if edit.note.is_empty() { String::new() } else { format!(": {}", edit.note) }
        ))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(Saved::Written { version, change })
    }

    async fn revisions(&self, kind: RecordKind, id: Uuid) -> Result<Vec<Revision>, StoreError> {
        let sql = format!(
            "SELECT {REVISION_COLUMNS} FROM revisions WHERE record_table = $1 AND record_id = $2 ORDER BY version"
        );
        let rows = sqlx::query(&sql).bind(kind.table()).bind(id.to_string()).fetch_all(&self.pool).await?;
        rows.iter().map(|r| revision_from(r, kind)).collect()
    }

    async fn revision(&self, kind: RecordKind, id: Uuid, version: i64) -> Result<Option<Revision>, StoreError> {
        let sql = format!(
            "SELECT {REVISION_COLUMNS} FROM revisions WHERE record_table = $1 AND record_id = $2 AND version = $3"
        );
        let row =
            sqlx::query(&sql).bind(kind.table()).bind(id.to_string()).bind(version).fetch_optional(&self.pool).await?;
        row.map(|r| revision_from(&r, kind)).transpose()
    }

    async fn revisions_of(&self, kind: RecordKind, ids: &[Uuid]) -> Result<Vec<Revision>, StoreError> {
        let mut revisions = Vec::new();
        // The ids of an export page are not a range of the id order (services of a range of
        // organizations): they are looked up by list, in chunks well under every driver's bind limit.
        for chunk in ids.chunks(REVISIONS_CHUNK) {
            let placeholders: Vec<String> = (2..chunk.len() + 2).map(|i| format!("${i}")).collect();
            let sql = format!(
                "SELECT {REVISION_COLUMNS} FROM revisions WHERE record_table = $1 AND record_id IN ({}) ORDER BY record_id, version",
                placeholders.join(", ")
            );
            let query = chunk.iter().fold(sqlx::query(&sql).bind(kind.table()), |q, id| q.bind(id.to_string()));
            let rows = query.fetch_all(&self.pool).await?;
            for row in &rows {
                revisions.push(revision_from(row, kind)?);
            }
        }
        revisions.sort_by_key(|r| (r.record_id, r.version));
        Ok(revisions)
    }

    async fn written_by(&self, kind: RecordKind, author_kind: &str) -> Result<HashSet<Uuid>, StoreError> {
        let rows = sqlx::query("SELECT DISTINCT record_id FROM revisions WHERE record_table = $1 AND author_kind = $2")
            .bind(kind.table())
            .bind(author_kind)
            .fetch_all(&self.pool)
            .await?;
        ids_of(&rows)
    }

    async fn last_written_by_others(&self, kind: RecordKind, author_kind: &str) -> Result<HashSet<Uuid>, StoreError> {
        let sql = format!(
            "SELECT r.record_id FROM revisions r JOIN {t} t ON t.id = r.record_id AND t.version = r.version \
             WHERE r.record_table = $1 AND r.author_kind <> $2",
            t = kind.table()
        );
        let rows = sqlx::query(&sql).bind(kind.table()).bind(author_kind).fetch_all(&self.pool).await?;
        ids_of(&rows)
    }

    async fn find(&self, kind: RecordKind, query: &RecordQuery) -> Result<Vec<RecordSummary>, StoreError> {
        let mut statement = Statement {
            sql: format!("SELECT {} FROM {} WHERE 1 = 1", summary_columns(kind), kind.table()),
            texts: Vec::new(),
        };
        if let Some(text) = query.text.as_deref().filter(|t| !t.trim().is_empty()) {
            let pattern = format!("%{}%", text.trim().to_lowercase().replace(['%', '_'], ""));
            let column = if kind == RecordKind::Location { "doc" } else { "name" };
            statement.and(&format!("LOWER({column}) LIKE ?"), pattern);
        }
        if let Some(organization) = query.organization {
            statement.and("organization_id = ?", organization.to_string());
        }
        if kind == RecordKind::Service {
            if let Some(country) = &query.country {
                statement.and("country = ?", country.clone());
            }
            if let Some(service_kind) = &query.service_kind {
                statement.and("kind = ?", service_kind.clone());
            }
            if let Some(retired) = query.retired {
                statement.sql.push_str(if retired { " AND retired = 1" } else { " AND retired = 0" });
            }
        }
        let order = if kind == RecordKind::Location { "id" } else { "name, id" };
        statement.sql.push_str(&format!(" ORDER BY {order} LIMIT {} OFFSET {}", query.limit, query.offset));
        let mut q = sqlx::query(&statement.sql);
        for text in &statement.texts {
            q = q.bind(text.as_str());
        }
        let rows = q.fetch_all(&self.pool).await?;
        let mut out: Vec<RecordSummary> = rows.iter().map(|r| summary_from(r, kind)).collect::<Result<_, _>>()?;
        if kind == RecordKind::Location {
            // Locations have no name column: the name is read from the document selected in its place.
            for summary in &mut out {
                let location: crate::model::Location =
                    super::sql::decode(&summary.name, "locations", || summary.id.to_string())?;
                summary.name = location.name;
                summary.country = location.country.to_string();
            }
        }
        Ok(out)
    }

    async fn due_counts(&self, overdue_by: NaiveDate, soon_by: NaiveDate) -> Result<Vec<DueCount>, StoreError> {
        let rows = sqlx::query(
            "SELECT country, kind, \
                    SUM(CASE WHEN verified_on <= $1 THEN 1 ELSE 0 END) AS overdue, \
                    SUM(CASE WHEN verified_on > $1 THEN 1 ELSE 0 END) AS due_soon \
             FROM services WHERE retired = 0 AND verified_on <= $2 GROUP BY country, kind ORDER BY country, kind",
        )
        .bind(overdue_by.to_string())
        .bind(soon_by.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(DueCount {
                    country: r.try_get("country")?,
                    kind: r.try_get("kind")?,
                    overdue: r.try_get("overdue")?,
                    due_soon: r.try_get("due_soon")?,
                })
            })
            .collect::<Result<_, sqlx::Error>>()
            .map_err(StoreError::from)
    }

    async fn due(&self, query: &DueQuery) -> Result<Vec<RecordSummary>, StoreError> {
        let mut statement = Statement {
            sql: format!("SELECT {} FROM services WHERE retired = 0", summary_columns(RecordKind::Service)),
            texts: Vec::new(),
        };
        if let Some(date) = query.verified_by {
            statement.and("verified_on <= ?", date.to_string());
        }
        if let Some(country) = &query.country {
            statement.and("country = ?", country.clone());
        }
        if let Some(kind) = &query.kind {
            statement.and("kind = ?", kind.clone());
        }
        statement
            .sql
            .push_str(&format!(" ORDER BY verified_on, name, id LIMIT {} OFFSET {}", query.limit, query.offset));
        let mut q = sqlx::query(&statement.sql);
        for text in &statement.texts {
            q = q.bind(text.as_str());
        }
        let rows = q.fetch_all(&self.pool).await?;
        rows.iter().map(|r| summary_from(r, RecordKind::Service)).collect()
    }
}

fn ids_of(rows: &[AnyRow]) -> Result<HashSet<Uuid>, StoreError> {
    rows.iter()
        .map(|r| {
            let id: String = r.try_get("record_id")?;
            id.parse().map_err(|e: uuid::Error| StoreError::Corrupt { table: "revisions", id, reason: e.to_string() })
        })
        .collect()
}
