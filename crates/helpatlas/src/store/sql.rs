//! The SQL store, on sqlx's `Any` driver: the schema and queries are plain SQL that SQLite and
//! PostgreSQL both understand, so one implementation serves both; only migrations and connection
//! settings differ per backend.

use super::rows::{
    bind_columns, location_row, new_change, organization_row, record_revisions, service_row, upsert_sql, Table,
    UpsertRow, LOCATIONS, ORGANIZATIONS, ROWS_PER_STATEMENT, SERVICES,
};
use super::{RecordTable, Store, StoreError, StoredIds, UpsertSummary};
use crate::model::{Author, Directory, Organization, Service};
use async_trait::async_trait;
use futures_util::TryStreamExt;
use serde::de::DeserializeOwned;
use serde::Serialize;
use sqlx::any::{AnyPoolOptions, AnyRow};
use sqlx::migrate::Migrator;
use sqlx::{AnyConnection, AnyPool, Connection, Executor, Row};
use std::time::Duration;
use uuid::Uuid;

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("migrations/postgres");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    fn of(url: &str) -> Option<Backend> {
        if url.starts_with("sqlite:") {
            Some(Backend::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Some(Backend::Postgres)
        } else {
            None
        }
    }

    fn migrator(self) -> &'static Migrator {
        match self {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        }
    }

    fn tables_query(self) -> &'static str {
        match self {
            Backend::Sqlite => "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
            Backend::Postgres => "SELECT CAST(table_name AS TEXT) AS name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY name",
        }
    }
}

pub(super) fn known_schema_version(url: &str) -> Option<i64> {
    Backend::of(url).map(|backend| backend.migrator().iter().map(|m| m.version).max().unwrap_or(0))
}

pub struct SqlStore {
    pub(super) pool: AnyPool,
    pub(super) backend: Backend,
}

/// The URL without any password, for messages.
fn display_url(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut u) if u.password().is_some() => {
            let _ = u.set_password(Some("***"));
            u.to_string()
        }
        _ => url.to_string(),
    }
}

impl SqlStore {
    pub async fn connect(url: &str) -> Result<SqlStore, StoreError> {
        sqlx::any::install_default_drivers();
        let backend = Backend::of(url).ok_or_else(|| StoreError::UnsupportedUrl(url.to_string()))?;
        let shown = display_url(url);
        let open_error = |e: sqlx::Error| StoreError::Open { url: shown.clone(), reason: e.to_string() };
        // Look before touching: one plain connection reads what is there, so that a corrupt or foreign
        // file is reported before anything (even the journal mode) is written to it.
        let mut probe = AnyConnection::connect(url).await.map_err(open_error)?;
        let checked = check_ownership(&mut probe, backend, &shown).await;
        let _ = probe.close().await;
        checked?;
        let pool = AnyPoolOptions::new()
            .acquire_timeout(Duration::from_secs(10))
            .max_connections(if backend == Backend::Sqlite { 4 } else { 8 })
            .after_connect(move |conn, _| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        conn.execute(
                            "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;",
                        )
                        .await?;
                    }
                    Ok(())
                })
            })
            .connect(url)
            .await
            .map_err(open_error)?;
        if backend == Backend::Sqlite {
            pool.execute("PRAGMA journal_mode = WAL").await.map_err(open_error)?;
        }
        backend.migrator().run(&pool).await.map_err(|e| StoreError::Migrate(e.to_string()))?;
        let store = SqlStore { pool, backend };
        store.derive_service_columns().await?;
        Ok(store)
    }
}

/// The setting that says the services' derived columns of migration 3 were filled for rows written
/// before it.
const SERVICE_COLUMNS_DERIVED: &str = "service_columns_derived";

impl SqlStore {
    /// Fills the columns that migration 3 added to services (home country, retired) for the rows
    /// written before it: they are derived from the document, which SQL cannot read portably.
    async fn derive_service_columns(&self) -> Result<(), StoreError> {
        if self.setting(SERVICE_COLUMNS_DERIVED).await?.is_some() {
            return Ok(());
        }
        let services: Vec<Service> = self.load_table("services").await?;
        let mut tx = self.pool.begin().await?;
        for s in &services {
            sqlx::query("UPDATE services SET country = $1, retired = $2 WHERE id = $3")
                .bind(super::rows::home_country(s))
                .bind(i64::from(s.is_retired()))
                .bind(s.id.to_string())
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        self.set_setting(SERVICE_COLUMNS_DERIVED, "1").await
    }
}

/// Refuses a database that holds someone else's tables, or a schema newer than this binary's.
async fn check_ownership(conn: &mut AnyConnection, backend: Backend, url: &str) -> Result<(), StoreError> {
    let tables: Vec<String> = sqlx::query(backend.tables_query())
        .fetch_all(&mut *conn)
        .await
        .map_err(|e| StoreError::Open { url: url.to_string(), reason: e.to_string() })?
        .iter()
        .map(|r| r.try_get::<String, _>("name"))
        .collect::<Result<_, _>>()?;
    if tables.is_empty() {
        return Ok(());
    }
    if !tables.iter().any(|t| t == "_sqlx_migrations") {
        let shown: Vec<&str> = tables.iter().take(5).map(String::as_str).collect();
        return Err(StoreError::Foreign { url: url.to_string(), tables: shown.join(", ") });
    }
    let found: i64 = sqlx::query("SELECT COALESCE(MAX(version), 0) AS v FROM _sqlx_migrations WHERE success = TRUE")
        .fetch_one(&mut *conn)
        .await?
        .try_get("v")?;
    let known = backend.migrator().iter().map(|m| m.version).max().unwrap_or(0);
    if found > known {
        return Err(StoreError::NewerSchema { url: url.to_string(), found, known });
    }
    Ok(())
}

/// Rows read per batch when loading a whole table.
const LOAD_BATCH: usize = 20_000;

/// A stored document; `id` names the row only when the document is unreadable.
pub(super) fn decode<T: DeserializeOwned>(
    doc: &str,
    table: &'static str,
    id: impl FnOnce() -> String,
) -> Result<T, StoreError> {
    serde_json::from_str(doc).map_err(|e| StoreError::Corrupt { table, id: id(), reason: e.to_string() })
}

pub(super) fn decode_row<T: DeserializeOwned>(row: &AnyRow, table: &'static str) -> Result<T, StoreError> {
    decode(&row.try_get::<String, _>("doc")?, table, || row.try_get::<String, _>("id").unwrap_or_default())
}

/// The (id, document) pairs of up to [`LOAD_BATCH`] more rows.
async fn next_batch(
    rows: &mut (impl futures_util::Stream<Item = Result<AnyRow, sqlx::Error>> + Unpin),
) -> Result<Vec<(String, String)>, StoreError> {
    let mut batch = Vec::with_capacity(LOAD_BATCH);
    while batch.len() < LOAD_BATCH {
        let Some(row) = rows.try_next().await? else { break };
        batch.push((row.try_get::<String, _>("id")?, row.try_get::<String, _>("doc")?));
    }
    Ok(batch)
}

/// The records of a decoding task; a task that panicked is a bug, passed on as such.
fn joined<T>(result: Result<Result<Vec<T>, StoreError>, tokio::task::JoinError>) -> Result<Vec<T>, StoreError> {
    match result {
        Ok(records) => records,
        Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
        Err(_) => Err(StoreError::Interrupted),
    }
}

pub(super) fn encode<T: Serialize>(record: &T) -> String {
    // The domain types serialise infallibly: no maps with non-string keys, no foreign types.
    serde_json::to_string(record).unwrap_or_default()
}

impl SqlStore {
    async fn load_table<T: DeserializeOwned + Send + 'static>(
        &self,
        table: &'static str,
    ) -> Result<Vec<T>, StoreError> {
        let sql = format!("SELECT id, doc FROM {table} ORDER BY id");
        // Rows are read in batches and each batch is decoded on another thread while the next is read:
        // decoding JSON costs as much as reading, and holding every row's JSON text at once would
        // double the memory a million-service load needs.
        let mut rows = sqlx::query(&sql).fetch(&self.pool);
        let mut records = Vec::new();
        let mut decoding: Option<tokio::task::JoinHandle<Result<Vec<T>, StoreError>>> = None;
        loop {
            let batch = next_batch(&mut rows).await?;
            let last = batch.len() < LOAD_BATCH;
            let decode_batch = move || batch.iter().map(|(id, doc)| decode(doc, table, || id.clone())).collect();
            if let Some(previous) = decoding.replace(tokio::task::spawn_blocking(decode_batch)) {
                records.extend(joined(previous.await)?);
            }
            if last {
                break;
            }
        }
        if let Some(final_batch) = decoding {
            records.extend(joined(final_batch.await)?);
        }
        Ok(records)
    }

    /// Rows of `table` with ids in (`after`, `upto`] (or above `after`) when `column` is `id`, or whose
    /// `column` (a reference) is in that range; ordered by id, at most `limit`.
    async fn load_range<T: DeserializeOwned>(
        &self,
        table: &'static str,
        column: &'static str,
        after: Option<Uuid>,
        upto: Option<Uuid>,
        limit: Option<usize>,
    ) -> Result<Vec<T>, StoreError> {
        // Ids are stored as lowercase hyphenated text, whose order is the order of the UUIDs; "" is
        // below every id.
        let after = after.map(|id| id.to_string()).unwrap_or_default();
        let mut sql = format!("SELECT id, doc FROM {table} WHERE {column} > $1");
        if upto.is_some() {
            sql.push_str(&format!(" AND {column} <= $2"));
        }
        sql.push_str(" ORDER BY id");
        if let Some(limit) = limit {
            // A number, not text from outside: written into the statement as is.
            sql.push_str(&format!(" LIMIT {limit}"));
        }
        let mut query = sqlx::query(&sql).bind(after);
        if let Some(upto) = upto {
            query = query.bind(upto.to_string());
        }
        query.fetch_all(&self.pool).await?.iter().map(|r| decode_row(r, table)).collect()
    }

    async fn ids(&self, table: &'static str) -> Result<std::collections::HashSet<Uuid>, StoreError> {
        let sql = format!("SELECT id FROM {table}");
        let mut ids = std::collections::HashSet::new();
        for row in sqlx::query(&sql).fetch_all(&self.pool).await? {
            let id: String = row.try_get("id")?;
            let parsed = id.parse().map_err(|e: uuid::Error| StoreError::Corrupt {
                table,
                id: id.clone(),
                reason: e.to_string(),
            })?;
            ids.insert(parsed);
        }
        Ok(ids)
    }

    async fn load_changed<T: DeserializeOwned>(
        conn: &mut AnyConnection,
        table: &'static str,
        after: i64,
    ) -> Result<Vec<T>, StoreError> {
        let sql = format!("SELECT id, doc FROM {table} WHERE change_seq > $1 ORDER BY id");
        sqlx::query(&sql).bind(after).fetch_all(conn).await?.iter().map(|r| decode_row(r, table)).collect()
    }
}

/// How often (in records) an upsert reports its progress.
const PROGRESS_EVERY: usize = 1000;

/// Upserts `rows` into `table` in statements of up to [`ROWS_PER_STATEMENT`] rows; returns how many
/// were written. `done` counts every row handed in, for progress. Rows are encoded a statement at a
/// time: the encoded documents of a million records would take gigabytes.
async fn upsert_rows(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    backend: Backend,
    table: &Table,
    mut rows: impl Iterator<Item = UpsertRow>,
    change: i64,
    done: &mut usize,
    progress: &(dyn Fn(usize) + Send + Sync),
) -> Result<usize, StoreError> {
    let mut written = 0;
    let full = upsert_sql(table, ROWS_PER_STATEMENT, backend);
    loop {
        let chunk: Vec<UpsertRow> = rows.by_ref().take(ROWS_PER_STATEMENT).collect();
        if chunk.is_empty() {
            return Ok(written);
        }
        let last = (chunk.len() < ROWS_PER_STATEMENT).then(|| upsert_sql(table, chunk.len(), backend));
        let sql = last.as_deref().unwrap_or(&full);
        let mut query = sqlx::query(sql);
        for (id, doc, last_modified, extra) in &chunk {
            query = query.bind(id.to_string()).bind(doc.as_str()).bind(last_modified.as_str()).bind(change);
            query = bind_columns(query, extra);
        }
        written += query.execute(&mut **tx).await?.rows_affected() as usize;
        let before = *done;
        *done += chunk.len();
        if *done / PROGRESS_EVERY != before / PROGRESS_EVERY {
            progress(*done);
        }
    }
}

#[async_trait]
impl Store for SqlStore {
    async fn load_directory(&self) -> Result<Directory, StoreError> {
        Ok(Directory {
            organizations: self.load_table("organizations").await?,
            locations: self.load_table("locations").await?,
            services: self.load_table("services").await?,
        })
    }

    async fn page(&self, table: RecordTable, after: Option<Uuid>, limit: usize) -> Result<Directory, StoreError> {
        let mut page = Directory::default();
        let name = table.name();
        match table {
            RecordTable::Organizations => {
                page.organizations = self.load_range(name, "id", after, None, Some(limit)).await?
            }
            RecordTable::Locations => page.locations = self.load_range(name, "id", after, None, Some(limit)).await?,
            RecordTable::Services => page.services = self.load_range(name, "id", after, None, Some(limit)).await?,
        }
        Ok(page)
    }

    async fn count(&self, table: RecordTable) -> Result<u64, StoreError> {
        // The name is one of three constants, not text from outside.
        let row = sqlx::query(&format!("SELECT COUNT(*) AS n FROM {}", table.name())).fetch_one(&self.pool).await?;
        Ok(u64::try_from(row.try_get::<i64, _>("n")?).unwrap_or(0))
    }

    async fn organizations_with_records(&self, after: Option<Uuid>, limit: usize) -> Result<Directory, StoreError> {
        let organizations: Vec<Organization> = self.load_range("organizations", "id", after, None, Some(limit)).await?;
        let Some(last) = organizations.last().map(|o| o.id) else { return Ok(Directory::default()) };
        // The page's organizations are exactly those with ids in (after, last]: their records are
        // those whose organization_id is in that range (an indexed range scan).
        Ok(Directory {
            locations: self.load_range("locations", "organization_id", after, Some(last), None).await?,
            services: self.load_range("services", "organization_id", after, Some(last), None).await?,
            organizations,
        })
    }

    async fn reference_ids(&self) -> Result<StoredIds, StoreError> {
        Ok(StoredIds { organizations: self.ids("organizations").await?, locations: self.ids("locations").await? })
    }

    async fn service(&self, id: Uuid) -> Result<Option<Service>, StoreError> {
        let row = sqlx::query("SELECT id, doc FROM services WHERE id = $1")
            .bind(id.to_string())
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| decode_row(&r, "services")).transpose()
    }

    async fn upsert_reporting(
        &self,
        directory: &Directory,
        author: &Author,
        progress: &(dyn Fn(usize) + Send + Sync),
    ) -> Result<UpsertSummary, StoreError> {
        let mut tx = self.pool.begin().await?;
        if self.backend == Backend::Sqlite {
            // A cache of 256 MiB (filled only as needed) holds the index pages a large import touches;
            // with the default 2 MB SQLite spills dirty pages of the open transaction to the WAL and reads
            // them back again and again. Set here, not for every connection: a server reading whole
            // tables at start would otherwise keep 256 MiB of pages per connection it read with.
            sqlx::query("PRAGMA cache_size = -262144").execute(&mut *tx).await?;
        }
        let now = chrono::Utc::now();
        let change = new_change(&mut tx, now, author).await?;
        // Organizations first, then locations, then services: each may refer to the ones before.
        let mut done = 0;
        let d = directory;
        let b = self.backend;
        let mut written = upsert_rows(
            &mut tx,
            b,
            &ORGANIZATIONS,
            d.organizations.iter().map(organization_row),
            change,
            &mut done,
            progress,
        )
        .await?;
        written +=
            upsert_rows(&mut tx, b, &LOCATIONS, d.locations.iter().map(location_row), change, &mut done, progress)
                .await?;
        written +=
            upsert_rows(&mut tx, b, &SERVICES, d.services.iter().map(service_row), change, &mut done, progress).await?;
        progress(done);
        if self.backend == Backend::Sqlite {
            // Back to SQLite's default, so that the pooled connection does not keep the large cache.
            sqlx::query("PRAGMA cache_size = -2000").execute(&mut *tx).await?;
        }
        if written == 0 {
            tx.rollback().await?;
            return Ok(UpsertSummary { written, unchanged: done, change: None });
        }
        for table in [&ORGANIZATIONS, &LOCATIONS, &SERVICES] {
            record_revisions(&mut tx, table, change, now, author).await?;
        }
        tx.commit().await?;
        Ok(UpsertSummary { written, unchanged: done - written, change: Some(change) })
    }

    async fn setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        let row = sqlx::query("SELECT value FROM settings WHERE key = $1").bind(key).fetch_optional(&self.pool).await?;
        Ok(row.map(|r| r.try_get("value")).transpose()?)
    }

    async fn set_setting(&self, key: &str, value: &str) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        )
        .bind(key)
        .bind(value)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn setting_or_init(&self, key: &str, value: &str) -> Result<String, StoreError> {
        sqlx::query("INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING")
            .bind(key)
            .bind(value)
            .execute(&self.pool)
            .await?;
        Ok(self.setting(key).await?.unwrap_or_else(|| value.to_string()))
    }

    async fn latest_change(&self) -> Result<i64, StoreError> {
        let row = sqlx::query("SELECT COALESCE(MAX(seq), 0) AS seq FROM changes").fetch_one(&self.pool).await?;
        Ok(row.try_get("seq")?)
    }

    async fn change_mark(&self, seq: i64) -> Result<Option<String>, StoreError> {
        let row =
            sqlx::query("SELECT at, origin FROM changes WHERE seq = $1").bind(seq).fetch_optional(&self.pool).await?;
        let Some(row) = row else { return Ok(None) };
        Ok(Some(format!("{} {}", row.try_get::<String, _>("at")?, row.try_get::<String, _>("origin")?)))
    }

    /// The three tables are read in one transaction, so that a write landing between them cannot give
    /// a service without the organization it was written with.
    async fn changes_since(&self, after: i64) -> Result<Directory, StoreError> {
        let mut tx = self.pool.begin().await?;
        if self.backend == Backend::Postgres {
            // PostgreSQL's default (read committed) gives every statement its own snapshot.
            sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").execute(&mut *tx).await?;
        }
        let changes = Directory {
            organizations: Self::load_changed(&mut tx, "organizations", after).await?,
            locations: Self::load_changed(&mut tx, "locations", after).await?,
            services: Self::load_changed(&mut tx, "services", after).await?,
        };
        tx.commit().await?;
        Ok(changes)
    }

    async fn close(&self) {
        self.pool.close().await;
    }
}
