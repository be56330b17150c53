//! What the link and phone checker found: the latest check of every URL with how many checks in a
//! row failed, which records use each URL, and the phone numbers that are not valid.

use super::sql::SqlStore;
use super::StoreError;
use crate::linkcheck::{LinkOutcome, LinkResult, LinkUse, PhoneProblem};
use crate::model::RecordKind;
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sqlx::any::AnyRow;
use sqlx::Row;

/// A URL's latest check and its record.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkState {
    pub result: LinkResult,
    pub failures_in_a_row: i64,
    pub last_ok_at: Option<DateTime<Utc>>,
    pub uses: Vec<LinkUse>,
}

#[async_trait]
pub trait LinkChecks: Send + Sync {
    /// Records one run: every URL's result (counting failures in a row), and which records use which
    /// URL (replacing the previous run's list). URLs no record uses any more are forgotten.
    async fn record_link_run(&self, results: &[LinkResult], uses: &[LinkUse]) -> Result<(), StoreError>;

    /// Replaces the list of invalid phone numbers with this run's.
    async fn record_phone_run(&self, problems: &[PhoneProblem], at: DateTime<Utc>) -> Result<(), StoreError>;

    /// URLs whose last `min_failures` or more checks failed, with the records that use them; or with
    /// `min_failures` 0, every URL checked whose last check did not succeed.
    async fn failing_links(&self, min_failures: i64) -> Result<Vec<LinkState>, StoreError>;

    async fn phone_problems(&self) -> Result<Vec<PhoneProblem>, StoreError>;

    /// When the checker last ran, if ever.
    async fn last_link_run(&self) -> Result<Option<DateTime<Utc>>, StoreError>;
}

fn time(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(seconds, 0).unwrap_or_default()
}

fn state_from(row: &AnyRow) -> Result<LinkState, StoreError> {
    let url: String = row.try_get("url")?;
    let outcome: String = row.try_get("outcome")?;
    let redirects: String = row.try_get("redirects")?;
    let corrupt = |reason: String| StoreError::Corrupt { table: "link_checks", id: url.clone(), reason };
    Ok(LinkState {
        result: LinkResult {
            checked_at: time(row.try_get("checked_at")?),
            outcome: LinkOutcome::from_code(&outcome).ok_or_else(|| corrupt(format!("unknown outcome {outcome}")))?,
            status: row.try_get::<Option<i64>, _>("status")?.and_then(|s| u16::try_from(s).ok()),
            final_url: row.try_get("final_url")?,
            redirects: serde_json::from_str(&redirects).map_err(|e| corrupt(e.to_string()))?,
            detail: row.try_get("detail")?,
            url: url.clone(),
        },
        failures_in_a_row: row.try_get("failures_in_a_row")?,
        last_ok_at: row.try_get::<Option<i64>, _>("last_ok_at")?.map(time),
        uses: Vec::new(),
    })
}

fn use_from(row: &AnyRow) -> Result<LinkUse, StoreError> {
    let id: String = row.try_get("record_id")?;
    let table: String = row.try_get("record_table")?;
    let corrupt = |reason: String| StoreError::Corrupt { table: "link_uses", id: id.clone(), reason };
    Ok(LinkUse {
        url: row.try_get("url")?,
        kind: RecordKind::from_table(&table).ok_or_else(|| corrupt(format!("unknown table {table}")))?,
        record_id: id.parse().map_err(|e: uuid::Error| corrupt(e.to_string()))?,
        field: row.try_get("field")?,
    })
}

#[async_trait]
impl LinkChecks for SqlStore {
    async fn record_link_run(&self, results: &[LinkResult], uses: &[LinkUse]) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        for r in results {
            let failed = i64::from(r.outcome.is_failure());
            let ok_at = (r.outcome == LinkOutcome::Ok).then(|| r.checked_at.timestamp());
            sqlx::query(
                "INSERT INTO link_checks (url, checked_at, outcome, status, final_url, redirects, detail, failures_in_a_row, last_ok_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
                 ON CONFLICT (url) DO UPDATE SET checked_at = excluded.checked_at, outcome = excluded.outcome, \
                   status = excluded.status, final_url = excluded.final_url, redirects = excluded.redirects, \
                   detail = excluded.detail, \
                   failures_in_a_row = CASE WHEN excluded.failures_in_a_row = 1 THEN link_checks.failures_in_a_row + 1 \
                                            WHEN excluded.outcome = 'ok' THEN 0 ELSE link_checks.failures_in_a_row END, \
                   last_ok_at = COALESCE(excluded.last_ok_at, link_checks.last_ok_at)",
            )
            .bind(r.url.as_str())
            .bind(r.checked_at.timestamp())
            .bind(r.outcome.code())
            .bind(r.status.map(i64::from))
            .bind(r.final_url.clone())
            .bind(serde_json::to_string(&r.redirects).unwrap_or_else(|_| "[]".into()))
            .bind(r.detail.as_str())
            .bind(failed)
            .bind(ok_at)
            .execute(&mut *tx)
            .await?;
        }
        sqlx::query("DELETE FROM link_uses").execute(&mut *tx).await?;
        for u in uses {
            sqlx::query("INSERT INTO link_uses (url, record_table, record_id, field) VALUES ($1, $2, $3, $4)")
                .bind(u.url.as_str())
                .bind(u.kind.table())
                .bind(u.record_id.to_string())
                .bind(u.field.as_str())
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query("DELETE FROM link_checks WHERE url NOT IN (SELECT url FROM link_uses)").execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn record_phone_run(&self, problems: &[PhoneProblem], at: DateTime<Utc>) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("DELETE FROM phone_checks").execute(&mut *tx).await?;
        for p in problems {
            sqlx::query(
                "INSERT INTO phone_checks (record_id, field, number, country, problem, checked_at) VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(p.service_id.to_string())
            .bind(p.field.as_str())
            .bind(p.number.as_str())
            .bind(p.country.as_str())
            .bind(p.problem.as_str())
            .bind(at.timestamp())
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn failing_links(&self, min_failures: i64) -> Result<Vec<LinkState>, StoreError> {
        let rows = sqlx::query(
            "SELECT url, checked_at, outcome, status, final_url, redirects, detail, failures_in_a_row, last_ok_at \
             FROM link_checks WHERE outcome <> 'ok' AND failures_in_a_row >= $1 ORDER BY failures_in_a_row DESC, url",
        )
        .bind(min_failures)
        .fetch_all(&self.pool)
        .await?;
        let mut states: Vec<LinkState> = rows.iter().map(state_from).collect::<Result<_, _>>()?;
        let uses = sqlx::query(
            "SELECT u.url, u.record_table, u.record_id, u.field FROM link_uses u \
             JOIN link_checks c ON c.url = u.url WHERE c.outcome <> 'ok' AND c.failures_in_a_row >= $1 \
             ORDER BY u.url, u.record_table, u.record_id",
        )
        .bind(min_failures)
        .fetch_all(&self.pool)
        .await?;
        for row in &uses {
            let u = use_from(row)?;
            if let Some(state) = states.iter_mut().find(|s| s.result.url == u.url) {
                state.uses.push(u);
            }
        }
        Ok(states)
    }

    async fn phone_problems(&self) -> Result<Vec<PhoneProblem>, StoreError> {
        let rows = sqlx::query(
            "SELECT record_id, field, number, country, problem FROM phone_checks ORDER BY country, record_id, field",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let id: String = row.try_get("record_id")?;
                Ok(PhoneProblem {
                    service_id: id.parse().map_err(|e: uuid::Error| StoreError::Corrupt {
                        table: "phone_checks",
                        id: id.clone(),
                        reason: e.to_string(),
                    })?,
                    field: row.try_get("field")?,
                    number: row.try_get("number")?,
                    country: row.try_get("country")?,
                    problem: row.try_get("problem")?,
                })
            })
            .collect()
    }

    async fn last_link_run(&self) -> Result<Option<DateTime<Utc>>, StoreError> {
        let row = sqlx::query("SELECT MAX(checked_at) AS at FROM link_checks").fetch_one(&self.pool).await?;
        Ok(row.try_get::<Option<i64>, _>("at")?.map(time))
    }
}
