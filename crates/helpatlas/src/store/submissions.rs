//! Reports and suggestions from the public, and what editors decided about them: stored beside the
//! records so that every replica shares one queue.

use super::sql::SqlStore;
use super::StoreError;
use crate::moderation::{Content, NewSubmission, Reason, Resolution, Status, Submission, SubmissionType};
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sqlx::any::AnyRow;
use sqlx::Row;
use uuid::Uuid;

/// Which submissions a queue page shows. Every filter is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueueQuery {
    pub submission_type: Option<SubmissionType>,
    pub status: Option<Status>,
    /// ISO code, `""` for none.
    pub country: Option<String>,
    pub kind: Option<String>,
    pub reason: Option<Reason>,
    /// Received at or before this time (older than an age).
    pub before: Option<DateTime<Utc>>,
    /// Received after this time (younger than an age).
    pub after: Option<DateTime<Utc>>,
    pub service_id: Option<Uuid>,
    pub limit: usize,
}

/// How many submissions match a query, by status, and how many open ones are urgent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueueCounts {
    pub by_status: Vec<(Status, i64)>,
    pub urgent_open: i64,
}

impl QueueCounts {
    pub fn of(&self, status: Status) -> i64 {
        self.by_status.iter().find(|(s, _)| *s == status).map_or(0, |(_, n)| *n)
    }
}

/// An editor's decision about some submissions.
#[derive(Debug, Clone)]
pub struct Decision {
    pub ids: Vec<Uuid>,
    pub status: Status,
    pub duplicate_of: Option<Uuid>,
    /// `None` when reopening.
    pub resolution: Option<Resolution>,
    /// Spam is not kept: what was typed is emptied.
    pub empty_content: bool,
}

#[async_trait]
pub trait Submissions: Send + Sync {
    async fn add_submission(&self, submission: &NewSubmission) -> Result<(), StoreError>;

    async fn submission(&self, id: Uuid) -> Result<Option<Submission>, StoreError>;

    /// Urgent first, then oldest first.
    async fn queue(&self, query: &QueueQuery) -> Result<Vec<Submission>, StoreError>;

    /// Counts by status of what `query` matches, whatever its own status filter.
    async fn queue_counts(&self, query: &QueueQuery) -> Result<QueueCounts, StoreError>;

    /// Applies `decision` to its submissions in one transaction; returns how many changed.
    async fn decide(&self, decision: &Decision) -> Result<u64, StoreError>;
}

const COLUMNS: &str = "id, type, created_at, status, country, kind, service_id, reason, urgent, doc, duplicate_of, resolved_at, resolved_by, resolution";

fn time(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(seconds, 0).unwrap_or_default()
}

fn submission_from(row: &AnyRow) -> Result<Submission, StoreError> {
    let id: String = row.try_get("id")?;
    let corrupt = |reason: String| StoreError::Corrupt { table: "submissions", id: id.clone(), reason };
    let uuid = |text: Option<String>| -> Result<Option<Uuid>, StoreError> {
        text.map(|t| t.parse().map_err(|e: uuid::Error| corrupt(e.to_string()))).transpose()
    };
    let content: Content =
        serde_json::from_str(&row.try_get::<String, _>("doc")?).map_err(|e| corrupt(e.to_string()))?;
    let reason: String = row.try_get("reason")?;
    let status: String = row.try_get("status")?;
    let resolved_at: Option<i64> = row.try_get("resolved_at")?;
    let resolved_by: Option<String> = row.try_get("resolved_by")?;
    Ok(Submission {
        id: id.parse().map_err(|e: uuid::Error| corrupt(e.to_string()))?,
        created_at: time(row.try_get("created_at")?),
        country: row.try_get("country")?,
        kind: row.try_get("kind")?,
        service_id: uuid(row.try_get("service_id")?)?,
        reason: match reason.as_str() {
            "" => None,
            code => Some(code.parse().map_err(|e: crate::moderation::UnknownCode| corrupt(e.to_string()))?),
        },
        urgent: row.try_get::<i64, _>("urgent")? != 0,
        content,
        status: status.parse().map_err(|e: crate::moderation::UnknownCode| corrupt(e.to_string()))?,
        duplicate_of: uuid(row.try_get("duplicate_of")?)?,
        resolution: match (resolved_at, resolved_by) {
            (Some(at), Some(by)) => Some(Resolution { at: time(at), by, note: row.try_get("resolution")? }),
            _ => None,
        },
    })
}

/// The `WHERE` clause of a query and its parameters (all text, bound in order).
fn conditions(query: &QueueQuery, with_status: bool) -> (String, Vec<String>) {
    let mut sql = String::from(" WHERE 1 = 1");
    let mut texts: Vec<String> = Vec::new();
    let mut and = |clause: &str, value: String| {
        texts.push(value);
        sql.push_str(&format!(" AND {clause} ${}", texts.len()));
    };
    if let Some(t) = query.submission_type {
        and("type =", t.code().into());
    }
    if let (true, Some(s)) = (with_status, query.status) {
        and("status =", s.code().into());
    }
    if let Some(c) = &query.country {
        and("country =", c.clone());
    }
    if let Some(k) = &query.kind {
        and("kind =", k.clone());
    }
    if let Some(r) = query.reason {
        and("reason =", r.code().into());
    }
    if let Some(s) = query.service_id {
        and("service_id =", s.to_string());
    }
    // Times are numbers computed here, not text from outside: written into the statement.
    if let Some(before) = query.before {
        sql.push_str(&format!(" AND created_at <= {}", before.timestamp()));
    }
    if let Some(after) = query.after {
        sql.push_str(&format!(" AND created_at > {}", after.timestamp()));
    }
    (sql, texts)
}

fn bind_all<'q>(
    mut q: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    texts: &'q [String],
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
    for t in texts {
        q = q.bind(t.as_str());
    }
    q
}

#[async_trait]
impl Submissions for SqlStore {
    async fn add_submission(&self, s: &NewSubmission) -> Result<(), StoreError> {
        let doc = serde_json::to_string(&s.content).unwrap_or_default();
        sqlx::query(
            "INSERT INTO submissions (id, type, created_at, status, country, kind, service_id, reason, urgent, doc) \
             VALUES ($1, $2, $3, 'open', $4, $5, $6, $7, $8, $9)",
        )
        .bind(s.id.to_string())
        .bind(s.content.submission_type().code())
        .bind(s.created_at.timestamp())
        .bind(s.country.as_str())
        .bind(s.kind.as_str())
        .bind(s.service_id.map(|id| id.to_string()))
        .bind(s.reason.map_or("", Reason::code))
        .bind(i64::from(s.urgent))
        .bind(doc)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn submission(&self, id: Uuid) -> Result<Option<Submission>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM submissions WHERE id = $1");
        let row = sqlx::query(&sql).bind(id.to_string()).fetch_optional(&self.pool).await?;
        row.as_ref().map(submission_from).transpose()
    }

    async fn queue(&self, query: &QueueQuery) -> Result<Vec<Submission>, StoreError> {
        let (filter, texts) = conditions(query, true);
        let sql = format!(
            "SELECT {COLUMNS} FROM submissions{filter} ORDER BY urgent DESC, created_at, id LIMIT {}",
            query.limit
        );
        let rows = bind_all(sqlx::query(&sql), &texts).fetch_all(&self.pool).await?;
        rows.iter().map(submission_from).collect()
    }

    async fn queue_counts(&self, query: &QueueQuery) -> Result<QueueCounts, StoreError> {
        let (filter, texts) = conditions(query, false);
        let sql = format!(
            "SELECT status, COUNT(*) AS n, SUM(CASE WHEN urgent = 1 AND status = 'open' THEN 1 ELSE 0 END) AS urgent \
             FROM submissions{filter} GROUP BY status"
        );
        let rows = bind_all(sqlx::query(&sql), &texts).fetch_all(&self.pool).await?;
        let mut counts = QueueCounts::default();
        for row in &rows {
            let status: String = row.try_get("status")?;
            let Ok(status) = status.parse::<Status>() else { continue };
            counts.by_status.push((status, row.try_get("n")?));
            counts.urgent_open += row.try_get::<Option<i64>, _>("urgent")?.unwrap_or(0);
        }
        counts.by_status.sort();
        Ok(counts)
    }

    async fn decide(&self, decision: &Decision) -> Result<u64, StoreError> {
        let mut tx = self.pool.begin().await?;
        let mut changed = 0;
        let (at, by, note) = match &decision.resolution {
            Some(r) => (Some(r.at.timestamp()), Some(r.by.clone()), r.note.clone()),
            None => (None, None, String::new()),
        };
        for id in &decision.ids {
            let mut sql = String::from(
                "UPDATE submissions SET status = $1, duplicate_of = $2, resolved_at = $3, resolved_by = $4, resolution = $5",
            );
            if decision.empty_content {
                sql.push_str(", doc = $7");
            }
            sql.push_str(" WHERE id = $6");
            let mut q = sqlx::query(&sql)
                .bind(decision.status.code())
                .bind(decision.duplicate_of.map(|d| d.to_string()))
                .bind(at)
                .bind(by.clone())
                .bind(note.as_str())
                .bind(id.to_string());
            if decision.empty_content {
                let row = sqlx::query("SELECT type FROM submissions WHERE id = $1")
                    .bind(id.to_string())
                    .fetch_optional(&mut *tx)
                    .await?;
                let Some(row) = row else { continue };
                let empty = match row.try_get::<String, _>("type")?.as_str() {
                    "report" => Content::Report(Default::default()),
                    _ => Content::Suggestion(Default::default()),
                };
                q = q.bind(serde_json::to_string(&empty).unwrap_or_default());
            }
            changed += q.execute(&mut *tx).await?.rows_affected();
        }
        tx.commit().await?;
        Ok(changed)
    }
}
