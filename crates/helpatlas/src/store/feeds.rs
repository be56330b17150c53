//! Followed feeds and the provenance of the records they brought: which feed, the publisher's id,
//! first and last seen, and how many successful pulls in a row a record was missing from.

use super::sql::SqlStore;
use super::StoreError;
use crate::model::{
    CountryCode, Feed, FeedForm, FeedOrigin, FeedRecord, Kind, LinkStatus, ListingLink, Provenance, PullOutcome,
    RecordKind,
};
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sqlx::any::AnyRow;
use sqlx::Row;
use uuid::Uuid;

/// The end of a pull, as the feed's status records it.
#[derive(Debug, Clone)]
pub struct PullRecord<'a> {
    pub outcome: PullOutcome,
    pub message: &'a str,
    pub at: DateTime<Utc>,
    /// Set by a successful pull: what it learnt about the feed.
    pub form: Option<FeedForm>,
    pub validators: Option<&'a std::collections::BTreeMap<String, crate::model::Validator>>,
    /// A successful pull that asked for every record.
    pub full: bool,
    /// A successful pull that read records (not only `304`s).
    pub read: bool,
}

#[async_trait]
pub trait Feeds: Send + Sync {
    /// Adds a feed; [`StoreError::Duplicate`] when its name is taken.
    async fn add_feed(&self, feed: &Feed) -> Result<(), StoreError>;

    /// Every feed, by name.
    async fn feeds(&self) -> Result<Vec<Feed>, StoreError>;

    async fn feed(&self, name: &str) -> Result<Option<Feed>, StoreError>;

    /// Deletes a feed and its provenance rows; false when there was none.
    async fn delete_feed(&self, name: &str) -> Result<bool, StoreError>;

    /// Marks a pull of the feed as started at `now` unless another started after `since`: true when
    /// this caller may pull (several replicas sharing a database pull each feed once).
    async fn claim_feed(&self, name: &str, now: DateTime<Utc>, since: DateTime<Utc>) -> Result<bool, StoreError>;

    /// Records how a pull ended.
    async fn record_pull(&self, name: &str, pull: &PullRecord<'_>) -> Result<(), StoreError>;

    /// The feed's provenance rows.
    async fn feed_records(&self, name: &str) -> Result<Vec<FeedRecord>, StoreError>;

    /// Replaces the feed's provenance rows with `records`, in one transaction.
    async fn replace_feed_records(&self, name: &str, records: &[FeedRecord]) -> Result<(), StoreError>;

    /// Where the records among `ids` that feeds brought came from; `None` asks for every such record.
    async fn provenance(&self, ids: Option<&[Uuid]>) -> Result<Vec<(Uuid, Provenance)>, StoreError>;

    /// The feeds that brought a record, or a listing confirmed as the same, most recently seen first.
    async fn origins(&self, record_id: Uuid) -> Result<Vec<FeedOrigin>, StoreError>;

    /// Adds suggested links; pairs already known (suggested, confirmed or split) are left as they are.
    async fn suggest_links(&self, links: &[ListingLink]) -> Result<(), StoreError>;

    /// The links of one status, by record.
    async fn listing_links(&self, status: LinkStatus) -> Result<Vec<ListingLink>, StoreError>;

    /// Sets a link's status; false when there is no such link.
    async fn set_link_status(&self, record_id: Uuid, other_id: Uuid, status: LinkStatus) -> Result<bool, StoreError>;
}

fn time(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(seconds, 0).unwrap_or_default()
}

fn joined<T: ToString>(items: &[T]) -> String {
    items.iter().map(ToString::to_string).collect::<Vec<_>>().join(",")
}

/// A comma-separated list of field names.
fn names(text: &str) -> Vec<String> {
    text.split(',').filter(|s| !s.is_empty()).map(str::to_string).collect()
}

fn feed_from(row: &AnyRow) -> Result<Feed, StoreError> {
    let name: String = row.try_get("name")?;
    let corrupt = |reason: String| StoreError::Corrupt { table: "feeds", id: name.clone(), reason };
    let list = |column: &str| -> Result<Vec<String>, StoreError> {
        let text: String = row.try_get(column)?;
        Ok(text.split(',').filter(|s| !s.is_empty()).map(str::to_string).collect())
    };
    let countries: Vec<CountryCode> = list("countries")?
        .iter()
        .map(|c| c.parse().map_err(|e: crate::model::AreaError| corrupt(e.to_string())))
        .collect::<Result<_, _>>()?;
    let kinds: Vec<Kind> = list("kinds")?
        .iter()
        .map(|k| k.parse().map_err(|e: crate::model::UnknownCode| corrupt(e.to_string())))
        .collect::<Result<_, _>>()?;
    let validators: String = row.try_get("validators")?;
    let outcome: String = row.try_get("outcome")?;
    let form: String = row.try_get("form")?;
    let every: i64 = row.try_get("every_hours")?;
    Ok(Feed {
        url: row.try_get("url")?,
        every_hours: u32::try_from(every).map_err(|e| corrupt(e.to_string()))?,
        countries,
        kinds,
        licence: row.try_get("licence")?,
        form: FeedForm::from_code(&form),
        validators: serde_json::from_str(&validators).map_err(|e| corrupt(e.to_string()))?,
        created_at: time(row.try_get("created_at")?),
        attempted_at: row.try_get::<Option<i64>, _>("attempted_at")?.map(time),
        succeeded_at: row.try_get::<Option<i64>, _>("succeeded_at")?.map(time),
        outcome: PullOutcome::from_code(&outcome),
        message: row.try_get("message")?,
        full_pulled_at: row.try_get::<Option<i64>, _>("full_pulled_at")?.map(time),
        read_at: row.try_get::<Option<i64>, _>("read_at")?.map(time),
        name: name.clone(),
    })
}

fn record_from(row: &AnyRow) -> Result<FeedRecord, StoreError> {
    let id: String = row.try_get("record_id")?;
    let corrupt = |reason: String| StoreError::Corrupt { table: "feed_records", id: id.clone(), reason };
    let table: String = row.try_get("record_table")?;
    let publisher: String = row.try_get("publisher_id")?;
    let missed: i64 = row.try_get("missed")?;
    let pinned: String = row.try_get("pinned")?;
    let differs: String = row.try_get("differs")?;
    Ok(FeedRecord {
        feed: row.try_get("feed")?,
        kind: RecordKind::from_table(&table).ok_or_else(|| corrupt(format!("unknown table {table}")))?,
        record_id: id.parse().map_err(|e: uuid::Error| corrupt(e.to_string()))?,
        publisher_id: publisher.parse().map_err(|e: uuid::Error| corrupt(e.to_string()))?,
        first_seen: time(row.try_get("first_seen")?),
        last_seen: time(row.try_get("last_seen")?),
        missed: u32::try_from(missed).map_err(|e| corrupt(e.to_string()))?,
        pinned: names(&pinned),
        differs: names(&differs),
    })
}

/// Ids per query of [`Feeds::provenance`], well under every driver's bind limit.
const PROVENANCE_CHUNK: usize = 500;

fn provenance_from(row: &AnyRow) -> Result<(Uuid, Provenance), StoreError> {
    let id: String = row.try_get("record_id")?;
    let corrupt = |reason: String| StoreError::Corrupt { table: "feed_records", id: id.clone(), reason };
    let publisher: String = row.try_get("publisher_id")?;
    let provenance = Provenance {
        feed: row.try_get("feed")?,
        publisher_id: publisher.parse().map_err(|e: uuid::Error| corrupt(e.to_string()))?,
        first_seen: time(row.try_get("first_seen")?),
        last_seen: time(row.try_get("last_seen")?),
        licence: row.try_get("licence")?,
    };
    Ok((id.parse().map_err(|e: uuid::Error| corrupt(e.to_string()))?, provenance))
}

const PROVENANCE_SELECT: &str = "SELECT r.record_id, r.feed, r.publisher_id, r.first_seen, r.last_seen, f.licence \
                                 FROM feed_records r JOIN feeds f ON f.name = r.feed";

const FEED_COLUMNS: &str = "name, url, every_hours, countries, kinds, licence, form, validators, created_at, \
                            attempted_at, succeeded_at, outcome, message, full_pulled_at, read_at";

#[async_trait]
impl Feeds for SqlStore {
    async fn add_feed(&self, feed: &Feed) -> Result<(), StoreError> {
        let validators = serde_json::to_string(&feed.validators).unwrap_or_else(|_| "{}".into());
        let inserted = sqlx::query(
            "INSERT INTO feeds (name, url, every_hours, countries, kinds, licence, form, validators, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (name) DO NOTHING",
        )
        .bind(feed.name.as_str())
        .bind(feed.url.as_str())
        .bind(i64::from(feed.every_hours))
        .bind(joined(&feed.countries))
        .bind(joined(&feed.kinds))
        .bind(feed.licence.as_str())
        .bind(feed.form.map_or("", FeedForm::code))
        .bind(validators)
        .bind(feed.created_at.timestamp())
        .execute(&self.pool)
        .await?;
        match inserted.rows_affected() {
            0 => Err(StoreError::Duplicate(format!("the feed name `{}`", feed.name))),
            _ => Ok(()),
        }
    }

    async fn feeds(&self) -> Result<Vec<Feed>, StoreError> {
        let rows =
            sqlx::query(&format!("SELECT {FEED_COLUMNS} FROM feeds ORDER BY name")).fetch_all(&self.pool).await?;
        rows.iter().map(feed_from).collect()
    }

    async fn feed(&self, name: &str) -> Result<Option<Feed>, StoreError> {
        let row = sqlx::query(&format!("SELECT {FEED_COLUMNS} FROM feeds WHERE name = $1"))
            .bind(name)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(feed_from).transpose()
    }

    async fn delete_feed(&self, name: &str) -> Result<bool, StoreError> {
        let mut tx = self.pool.begin().await?;
        // Deleted explicitly: SQLite honours ON DELETE CASCADE only with foreign keys on.
        sqlx::query("DELETE FROM feed_records WHERE feed = $1").bind(name).execute(&mut *tx).await?;
        let deleted = sqlx::query("DELETE FROM feeds WHERE name = $1").bind(name).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(deleted.rows_affected() > 0)
    }

    async fn claim_feed(&self, name: &str, now: DateTime<Utc>, since: DateTime<Utc>) -> Result<bool, StoreError> {
        let claimed = sqlx::query(
            "UPDATE feeds SET attempted_at = $2 WHERE name = $1 AND (attempted_at IS NULL OR attempted_at <= $3)",
        )
        .bind(name)
        .bind(now.timestamp())
        .bind(since.timestamp())
        .execute(&self.pool)
        .await?;
        Ok(claimed.rows_affected() > 0)
    }

    async fn record_pull(&self, name: &str, pull: &PullRecord<'_>) -> Result<(), StoreError> {
        let succeeded = (pull.outcome != PullOutcome::Failed).then(|| pull.at.timestamp());
        let validators = pull.validators.map(|v| serde_json::to_string(v).unwrap_or_else(|_| "{}".into()));
        let full = succeeded.filter(|_| pull.full);
        let read = succeeded.filter(|_| pull.read);
        sqlx::query(
            "UPDATE feeds SET outcome = $2, message = $3, attempted_at = $4, \
               succeeded_at = COALESCE($5, succeeded_at), form = COALESCE($6, form), \
               validators = COALESCE($7, validators), full_pulled_at = COALESCE($8, full_pulled_at), \
               read_at = COALESCE($9, read_at) WHERE name = $1",
        )
        .bind(name)
        .bind(pull.outcome.code())
        .bind(pull.message)
        .bind(pull.at.timestamp())
        .bind(succeeded)
        .bind(pull.form.map(FeedForm::code))
        .bind(validators)
        .bind(full)
        .bind(read)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn feed_records(&self, name: &str) -> Result<Vec<FeedRecord>, StoreError> {
        let rows = sqlx::query(
            "SELECT feed, record_table, record_id, publisher_id, first_seen, last_seen, missed, pinned, differs FROM feed_records \
             WHERE feed = $1 ORDER BY record_table, record_id",
        )
        .bind(name)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(record_from).collect()
    }

    async fn replace_feed_records(&self, name: &str, records: &[FeedRecord]) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("DELETE FROM feed_records WHERE feed = $1").bind(name).execute(&mut *tx).await?;
        for r in records {
            sqlx::query(
                "INSERT INTO feed_records (feed, record_table, record_id, publisher_id, first_seen, last_seen, missed, pinned, differs) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            )
            .bind(name)
            .bind(r.kind.table())
            .bind(r.record_id.to_string())
            .bind(r.publisher_id.to_string())
            .bind(r.first_seen.timestamp())
            .bind(r.last_seen.timestamp())
            .bind(i64::from(r.missed))
            .bind(r.pinned.join(","))
            .bind(r.differs.join(","))
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn provenance(&self, ids: Option<&[Uuid]>) -> Result<Vec<(Uuid, Provenance)>, StoreError> {
        let Some(ids) = ids else {
            let rows =
                sqlx::query(&format!("{PROVENANCE_SELECT} ORDER BY r.record_id, r.feed")).fetch_all(&self.pool).await?;
            return rows.iter().map(provenance_from).collect();
        };
        let mut out = Vec::new();
        for chunk in ids.chunks(PROVENANCE_CHUNK) {
            let placeholders: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
            let sql = format!(
                "{PROVENANCE_SELECT} WHERE r.record_id IN ({}) ORDER BY r.record_id, r.feed",
                placeholders.join(", ")
            );
            let query = chunk.iter().fold(sqlx::query(&sql), |q, id| q.bind(id.to_string()));
            for row in &query.fetch_all(&self.pool).await? {
                out.push(provenance_from(row)?);
            }
        }
        Ok(out)
    }

    async fn origins(&self, record_id: Uuid) -> Result<Vec<FeedOrigin>, StoreError> {
        let rows = sqlx::query(
            "SELECT r.feed, f.licence, r.last_seen, r.differs FROM feed_records r JOIN feeds f ON f.name = r.feed \
             WHERE r.record_id = $1 \
             UNION ALL SELECT r.feed, f.licence, r.last_seen, '' AS differs FROM listing_links l \
             JOIN feed_records r ON r.record_id = l.record_id JOIN feeds f ON f.name = r.feed \
             WHERE l.other_id = $1 AND l.status = 'confirmed' ORDER BY last_seen DESC, feed",
        )
        .bind(record_id.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(FeedOrigin {
                    feed: row.try_get("feed")?,
                    licence: row.try_get("licence")?,
                    last_seen: time(row.try_get("last_seen")?),
                    differs: names(&row.try_get::<String, _>("differs")?),
                })
            })
            .collect()
    }

    async fn suggest_links(&self, links: &[ListingLink]) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        for l in links {
            sqlx::query(
                "INSERT INTO listing_links (record_id, other_id, reason, status) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (record_id, other_id) DO NOTHING",
            )
            .bind(l.record_id.to_string())
            .bind(l.other_id.to_string())
            .bind(l.reason.as_str())
            .bind(l.status.code())
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn listing_links(&self, status: LinkStatus) -> Result<Vec<ListingLink>, StoreError> {
        let rows = sqlx::query(
            "SELECT record_id, other_id, reason, status FROM listing_links WHERE status = $1 ORDER BY record_id, other_id",
        )
        .bind(status.code())
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let record: String = row.try_get("record_id")?;
                let other: String = row.try_get("other_id")?;
                let code: String = row.try_get("status")?;
                let corrupt =
                    |reason: String| StoreError::Corrupt { table: "listing_links", id: record.clone(), reason };
                Ok(ListingLink {
                    record_id: record.parse().map_err(|e: uuid::Error| corrupt(e.to_string()))?,
                    other_id: other.parse().map_err(|e: uuid::Error| corrupt(e.to_string()))?,
                    reason: row.try_get("reason")?,
                    status: LinkStatus::from_code(&code).ok_or_else(|| corrupt(format!("unknown status {code}")))?,
                })
            })
            .collect()
    }

    async fn set_link_status(&self, record_id: Uuid, other_id: Uuid, status: LinkStatus) -> Result<bool, StoreError> {
        let done = sqlx::query("UPDATE listing_links SET status = $3 WHERE record_id = $1 AND other_id = $2")
            .bind(record_id.to_string())
            .bind(other_id.to_string())
            .bind(status.code())
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected() > 0)
    }
}
