//! How records become rows: the tables written by upserts and edits, their derived columns, and the
//! revisions every write leaves.

use super::sql::{encode, Backend};
use super::StoreError;
use crate::model::{Author, Location, Organization, Record, RecordKind, Service};
use chrono::{DateTime, Utc};
use sqlx::any::AnyArguments;
use sqlx::query::Query;
use sqlx::{Any, Row, Transaction};
use uuid::Uuid;

/// A table of records: `id, doc, last_modified, change_seq`, then the columns derived from the document.
pub(super) struct Table {
    pub(super) name: &'static str,
    columns: &'static [&'static str],
}

pub(super) const ORGANIZATIONS: Table =
    Table { name: "organizations", columns: &["id", "doc", "last_modified", "change_seq", "name"] };
pub(super) const LOCATIONS: Table =
    Table { name: "locations", columns: &["id", "doc", "last_modified", "change_seq", "organization_id"] };
pub(super) const SERVICES: Table = Table {
    name: "services",
    columns: &[
        "id",
        "doc",
        "last_modified",
        "change_seq",
        "organization_id",
        "name",
        "kind",
        "verified_on",
        "country",
        "retired",
    ],
};

/// Rows per INSERT statement: one statement per row made a million-service import take minutes.
/// 100 rows × 10 columns stays far below SQLite's and PostgreSQL's parameter limits.
pub(super) const ROWS_PER_STATEMENT: usize = 100;

impl Table {
    pub(super) fn of(kind: RecordKind) -> &'static Table {
        match kind {
            RecordKind::Organization => &ORGANIZATIONS,
            RecordKind::Location => &LOCATIONS,
            RecordKind::Service => &SERVICES,
        }
    }

    /// Writes one record over the version `$2` only: the edit that refuses to overwrite a version it
    /// was not based on.
    pub(super) fn update_sql(&self) -> String {
        let sets: Vec<String> =
            self.columns[1..].iter().enumerate().map(|(i, c)| format!("{c} = ${}", i + 3)).collect();
        format!("UPDATE {} SET {}, version = version + 1 WHERE id = $1 AND version = $2", self.name, sets.join(", "))
    }

    pub(super) fn insert_sql(&self) -> String {
        let values: Vec<String> = (1..=self.columns.len()).map(|i| format!("${i}")).collect();
        format!("INSERT INTO {} ({}) VALUES ({})", self.name, self.columns.join(", "), values.join(", "))
    }
}

/// `INSERT … VALUES (…), (…) ON CONFLICT (id) DO UPDATE … WHERE doc changed`, for `rows` rows. Rows whose
/// document is unchanged are not touched, so they do not count as written (nor get a new version).
/// SQLite gets anonymous `?` parameters: sqlx finds each numbered one by name, which SQLite looks up
/// by scanning the statement's parameters, so numbered ones cost time quadratic in the row count.
pub(super) fn upsert_sql(table: &Table, rows: usize, backend: Backend) -> String {
    let n = table.columns.len();
    let parameter = |i: usize| match backend {
        Backend::Sqlite => "?".to_string(),
        Backend::Postgres => format!("${i}"),
    };
    let values: Vec<String> = (0..rows)
        .map(|r| format!("({})", (1..=n).map(|c| parameter(r * n + c)).collect::<Vec<_>>().join(", ")))
        .collect();
    let mut updates: Vec<String> = table.columns[1..].iter().map(|c| format!("{c} = excluded.{c}")).collect();
    updates.push(format!("version = {}.version + 1", table.name));
    format!(
        "INSERT INTO {t} ({cols}) VALUES {values} ON CONFLICT (id) DO UPDATE SET {updates} WHERE {t}.doc <> excluded.doc",
        t = table.name,
        cols = table.columns.join(", "),
        values = values.join(", "),
        updates = updates.join(", "),
    )
}

/// A value of a derived column.
pub(super) enum Column {
    Text(String),
    Number(i64),
}

/// The values of one row after `id, doc, last_modified` (the change number is bound separately).
pub(super) type UpsertRow = (Uuid, String, String, Vec<Column>);

pub(super) fn organization_row(o: &Organization) -> UpsertRow {
    (o.id, encode(o), o.last_modified.to_rfc3339(), vec![Column::Text(o.name.clone())])
}

pub(super) fn location_row(l: &Location) -> UpsertRow {
    (l.id, encode(l), l.last_modified.to_rfc3339(), vec![Column::Text(l.organization_id.to_string())])
}

/// The home country of a service's areas ('' when none has one, e.g. worldwide): the dashboard's
/// grouping.
pub fn home_country(s: &Service) -> String {
    crate::geo::home_country(&s.areas).map(|c| c.to_string()).unwrap_or_default()
}

pub(super) fn service_row(s: &Service) -> UpsertRow {
    let extra = vec![
        Column::Text(s.organization_id.to_string()),
        Column::Text(s.name.clone()),
        Column::Text(s.kind.code().to_string()),
        Column::Text(s.verified_on.to_string()),
        Column::Text(home_country(s)),
        Column::Number(i64::from(s.is_retired())),
    ];
    (s.id, encode(s), s.last_modified.to_rfc3339(), extra)
}

pub(super) fn record_row(record: &Record) -> UpsertRow {
    match record {
        Record::Organization(o) => organization_row(o),
        Record::Location(l) => location_row(l),
        Record::Service(s) => service_row(s),
    }
}

type AnyQuery<'q> = Query<'q, Any, AnyArguments<'q>>;

pub(super) fn bind_columns<'q>(mut query: AnyQuery<'q>, columns: &'q [Column]) -> AnyQuery<'q> {
    for value in columns {
        query = match value {
            Column::Text(text) => query.bind(text.as_str()),
            Column::Number(n) => query.bind(*n),
        };
    }
    query
}

/// Numbers a new write transaction.
pub(super) async fn new_change(
    tx: &mut Transaction<'_, Any>,
    at: DateTime<Utc>,
    author: &Author,
) -> Result<i64, StoreError> {
    Ok(sqlx::query("INSERT INTO changes (at, origin) VALUES ($1, $2) RETURNING seq")
        .bind(at.to_rfc3339())
        .bind(author.kind())
        .fetch_one(&mut **tx)
        .await?
        .try_get("seq")?)
}

/// Records a revision of every row of `table` written by `change`: one statement, however many rows.
pub(super) async fn record_revisions(
    tx: &mut Transaction<'_, Any>,
    table: &Table,
    change: i64,
    at: DateTime<Utc>,
    author: &Author,
) -> Result<(), StoreError> {
    let sql = format!(
        "INSERT INTO revisions (record_table, record_id, version, change_seq, at, author_kind, author_id, author, action, doc) \
         SELECT '{t}', id, version, change_seq, $2, $3, $4, $5, CASE WHEN version = 1 THEN 'create' ELSE 'update' END, doc \
         FROM {t} WHERE change_seq = $1",
        t = table.name
    );
    sqlx::query(&sql)
        .bind(change)
        .bind(at.timestamp())
        .bind(author.kind())
        .bind(author.reference())
        .bind(author.label())
        .execute(&mut **tx)
        .await?;
    Ok(())
}
