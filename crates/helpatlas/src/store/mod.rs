//! The source of truth: one interface, implemented for SQLite (the embedded default) and PostgreSQL
//! (for several stateless replicas). The database is chosen by URL.

mod accounts;
mod feeds;
mod history;
mod link_checks;
mod rows;
mod sql;
mod submissions;

pub use accounts::{Accounts, NewSession, NewUser, SessionRecord};
pub use feeds::{Feeds, PullRecord};
pub use history::{DueCount, DueQuery, Edit, History, RecordQuery, RecordSummary, Saved};
pub use link_checks::{LinkChecks, LinkState};
pub use rows::home_country;
pub use sql::SqlStore;
pub use submissions::{Decision, QueueCounts, QueueQuery, Submissions};

use crate::model::{Author, Directory, Service};
use async_trait::async_trait;
use std::sync::Arc;
use uuid::Uuid;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("unsupported database URL `{0}` (expected sqlite://PATH or postgres://…)")]
    UnsupportedUrl(String),
    #[error("cannot open the database {url}: {reason}")]
    Open { url: String, reason: String },
    #[error("{url} is not a Help Atlas database (it has other tables: {tables}); refusing to touch it")]
    Foreign { url: String, tables: String },
    #[error(
        "the database {url} has schema version {found}, newer than this binary knows ({known}); upgrade helpatlas"
    )]
    NewerSchema { url: String, found: i64, known: i64 },
    #[error("migrating the database failed: {0}")]
    Migrate(String),
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("a stored record is unreadable ({table} {id}): {reason}")]
    Corrupt { table: &'static str, id: String, reason: String },
    #[error("reading the store was interrupted (the program is shutting down)")]
    Interrupted,
    /// An edit based on `expected` found another version (`None`: no such record; for a new record,
    /// `expected` is `None` and the id is taken).
    #[error("{table} {id} is at version {found:?}, not {expected:?}: someone else saved it meanwhile")]
    Conflict { table: &'static str, id: Uuid, expected: Option<i64>, found: Option<i64> },
    #[error("{0} is already taken")]
    Duplicate(String),
}

impl StoreError {
    /// Whether the database could not be reached at all (as opposed to refusing a statement).
    pub fn is_unavailable(&self) -> bool {
        matches!(
            self,
            StoreError::Database(
                sqlx::Error::Io(_) | sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Tls(_)
            ) | StoreError::Open { .. }
        )
    }
}

/// The tables of records, for [`Store::page`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordTable {
    Organizations,
    Locations,
    Services,
}

impl RecordTable {
    /// The table's name in the database.
    pub fn name(self) -> &'static str {
        match self {
            RecordTable::Organizations => "organizations",
            RecordTable::Locations => "locations",
            RecordTable::Services => "services",
        }
    }
}

/// Ids of stored records that other records refer to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoredIds {
    pub organizations: std::collections::HashSet<Uuid>,
    pub locations: std::collections::HashSet<Uuid>,
}

/// What an upsert did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct UpsertSummary {
    /// Records inserted or changed.
    pub written: usize,
    /// Records already stored exactly as given.
    pub unchanged: usize,
    /// The change number of this write, when anything was written.
    pub change: Option<i64>,
}

/// The records, and (through its supertraits) the editors' accounts, every record's history, the
/// public's reports and suggestions and the link checker's findings: one database holds all, so that
/// every replica shares them.
#[async_trait]
pub trait Store: Accounts + History + Submissions + LinkChecks + Feeds + Send + Sync {
    /// Everything stored, each list ordered by id.
    async fn load_directory(&self) -> Result<Directory, StoreError>;

    async fn service(&self, id: Uuid) -> Result<Option<Service>, StoreError>;

    /// Up to `limit` records of `table` with ids above `after`, ordered by id, the other lists empty:
    /// a whole table read page by page in bounded memory.
    async fn page(&self, table: RecordTable, after: Option<Uuid>, limit: usize) -> Result<Directory, StoreError>;

    /// How many records `table` holds, retired ones too: what a build of the index makes room for.
    async fn count(&self, table: RecordTable) -> Result<u64, StoreError>;

    /// Up to `limit` organizations with ids above `after`, ordered by id, with all their locations and
    /// services: the directory read organization by organization in bounded memory.
    async fn organizations_with_records(&self, after: Option<Uuid>, limit: usize) -> Result<Directory, StoreError>;

    /// The ids of every stored organization and location: what an import's references may point to,
    /// without reading whole records.
    async fn reference_ids(&self) -> Result<StoredIds, StoreError>;

    /// Inserts or replaces every record by id, in one transaction: all or nothing. Records that are
    /// already stored exactly as given are left alone, so writing the same data twice changes nothing.
    /// Each record written gets a revision by `author`.
    async fn upsert(&self, directory: &Directory, author: &Author) -> Result<UpsertSummary, StoreError> {
        self.upsert_reporting(directory, author, &|_| {}).await
    }

    /// [`Store::upsert`], calling `progress` with the number of records written so far now and then
    /// (for a progress bar; organizations, then locations, then services).
    async fn upsert_reporting(
        &self,
        directory: &Directory,
        author: &Author,
        progress: &(dyn Fn(usize) + Send + Sync),
    ) -> Result<UpsertSummary, StoreError>;

    async fn setting(&self, key: &str) -> Result<Option<String>, StoreError>;

    async fn set_setting(&self, key: &str, value: &str) -> Result<(), StoreError>;

    /// The setting's value; when it has none yet, `value` becomes it. Several processes starting at
    /// once agree on one value.
    async fn setting_or_init(&self, key: &str, value: &str) -> Result<String, StoreError>;

    /// The number of the latest change (0 when empty): replicas poll it to notice writes.
    async fn latest_change(&self) -> Result<i64, StoreError>;

    /// When and by what change `seq` was written, or `None` when the store has no such change: with
    /// the number, what tells this store's history from that of another database or an older backup.
    async fn change_mark(&self, seq: i64) -> Result<Option<String>, StoreError>;

    /// Every record written by a change numbered above `after`, each list ordered by id: what a
    /// server that has seen change `after` needs to catch up without reloading everything.
    async fn changes_since(&self, after: i64) -> Result<Directory, StoreError>;

    async fn close(&self);
}

/// The newest schema version this binary knows for the kind of database at `url`.
pub fn known_schema_version(url: &str) -> Option<i64> {
    sql::known_schema_version(url)
}

/// Opens (creating and migrating if needed) the database at `url`.
pub async fn open(url: &str) -> Result<Arc<dyn Store>, StoreError> {
    Ok(Arc::new(SqlStore::connect(url).await?))
}
