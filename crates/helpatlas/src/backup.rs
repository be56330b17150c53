//! `helpatlas backup` and `helpatlas restore`: a consistent snapshot of the whole database (records,
//! history, accounts, the public's reports), taken while servers run, and its return.
//!
//! SQLite: the snapshot is `VACUUM INTO`, one read transaction, so writers carry on and the copy is
//! a complete database file. PostgreSQL: `pg_dump --format=custom` (one repeatable-read snapshot) and
//! `pg_restore --single-transaction`, the tools of the server's own installation.
//!
//! A backup is written under a temporary name, checked, synced and only then renamed to the name
//! asked for: a full disk or a kill leaves no file that looks like a complete backup. A restore
//! replaces the database whole, so it refuses while another process (a server) has the database
//! open: servers keep their index of the records in memory, which a restore under them would leave
//! stale.

use crate::store::{self, StoreError};
use sqlx::{AnyConnection, Connection, Executor, Row};
use std::path::{Path, PathBuf};
use std::process::Command;

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{0} already exists; a backup is never written over another file")]
    Exists(PathBuf),
    #[error("cannot write the backup {path}: {reason}; nothing was left under that name")]
    Write { path: PathBuf, reason: String },
    #[error("cannot read {path}: {reason}")]
    Read { path: PathBuf, reason: String },
    #[error("{path} is not a Help Atlas backup for {backend}: {reason}")]
    NotABackup { path: PathBuf, backend: &'static str, reason: String },
    #[error("the database is open in {0} (a running server?); stop every server using it, then restore")]
    InUse(String),
    #[error("`{tool}` failed: {reason}")]
    Tool { tool: &'static str, reason: String },
    #[error("cannot restore into {url}: {reason}; the database is unchanged")]
    Restore { url: String, reason: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What a backup holds and where it went.
#[derive(Debug)]
pub struct BackupReport {
    pub path: PathBuf,
    pub bytes: u64,
}

/// The first bytes of each kind of backup file.
const SQLITE_MAGIC: &[u8] = b"SQLite format 3\0";
const PG_DUMP_MAGIC: &[u8] = b"PGDMP";

/// Writes a snapshot of the database at `url` to `path`, which must not exist.
pub async fn backup(url: &str, path: &Path) -> Result<BackupReport, BackupError> {
    sqlx::any::install_default_drivers();
    if path.exists() {
        return Err(BackupError::Exists(path.to_path_buf()));
    }
    let partial = partial_name(path);
    // Left by a backup that was killed: incomplete by its name, and in the way of the new one.
    let _ = std::fs::remove_file(&partial);
    let written = match sqlite_file(url) {
        Some(_) => sqlite_backup(url, &partial).await,
        None if is_postgres(url) => pg_dump(url, &partial).await,
        None => Err(BackupError::Store(StoreError::UnsupportedUrl(url.to_string()))),
    };
    let finished = written.and_then(|()| publish(&partial, path));
    if finished.is_err() {
        // What is there is incomplete or unchecked; removing it may fail on the same full disk, and
        // its name says it is partial.
        let _ = std::fs::remove_file(&partial);
    }
    finished?;
    let bytes = std::fs::metadata(path).map(|m| m.len()).unwrap_or_default();
    Ok(BackupReport { path: path.to_path_buf(), bytes })
}

/// Replaces the database at `url` with the backup at `path`.
pub async fn restore(url: &str, path: &Path) -> Result<(), BackupError> {
    sqlx::any::install_default_drivers();
    let magic = read_magic(path)?;
    match sqlite_file(url) {
        Some(live) if magic.starts_with(SQLITE_MAGIC) => sqlite_restore(&live, path).await,
        Some(_) => Err(not_a_backup(path, "SQLite", "it is not a SQLite database file")),
        None if is_postgres(url) && magic.starts_with(PG_DUMP_MAGIC) => pg_restore(url, path).await,
        None if is_postgres(url) => Err(not_a_backup(path, "PostgreSQL", "it is not a pg_dump custom-format file")),
        None => Err(BackupError::Store(StoreError::UnsupportedUrl(url.to_string()))),
    }
}

fn not_a_backup(path: &Path, backend: &'static str, reason: &str) -> BackupError {
    BackupError::NotABackup { path: path.to_path_buf(), backend, reason: reason.to_string() }
}

fn is_postgres(url: &str) -> bool {
    url.starts_with("postgres://") || url.starts_with("postgresql://")
}

/// The file of a `sqlite:` URL (`sqlite://PATH?options` or `sqlite:PATH`).
fn sqlite_file(url: &str) -> Option<PathBuf> {
    let rest = url.strip_prefix("sqlite:")?;
    let rest = rest.strip_prefix("//").unwrap_or(rest);
    let file = rest.split('?').next().unwrap_or_default();
    Some(PathBuf::from(file))
}

/// `DIR/.NAME.partial`: beside the target, so the final rename stays on one file system.
fn partial_name(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    path.with_file_name(format!(".{name}.partial"))
}

fn write_error(path: &Path, e: impl ToString) -> BackupError {
    BackupError::Write { path: path.to_path_buf(), reason: e.to_string() }
}

/// Syncs the checked `partial` file and renames it to `path`.
fn publish(partial: &Path, path: &Path) -> Result<(), BackupError> {
    std::fs::File::open(partial).and_then(|f| f.sync_all()).map_err(|e| write_error(path, e))?;
    std::fs::rename(partial, path).map_err(|e| write_error(path, e))?;
    sync_directory(path).map_err(|e| write_error(path, e))
}

/// Makes a rename in `path`'s directory durable.
fn sync_directory(path: &Path) -> std::io::Result<()> {
    match path.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(dir) => std::fs::File::open(dir)?.sync_all(),
        None => std::fs::File::open(".")?.sync_all(),
    }
}

fn read_magic(path: &Path) -> Result<Vec<u8>, BackupError> {
    use std::io::Read;
    let read_error = |e: std::io::Error| BackupError::Read { path: path.to_path_buf(), reason: e.to_string() };
    let mut magic = Vec::with_capacity(SQLITE_MAGIC.len());
    std::fs::File::open(path)
        .map_err(read_error)?
        .take(SQLITE_MAGIC.len() as u64)
        .read_to_end(&mut magic)
        .map_err(read_error)?;
    Ok(magic)
}

async fn sqlite_backup(url: &str, partial: &Path) -> Result<(), BackupError> {
    // Opening through the store checks that the file is a Help Atlas database (and migrates it, as a
    // server would), so a backup of some other file is refused.
    store::open(url).await?.close().await;
    let mut conn = AnyConnection::connect(url).await.map_err(StoreError::from)?;
    let target = partial.to_string_lossy().into_owned();
    let vacuumed = sqlx::query("VACUUM INTO ?").bind(target).execute(&mut conn).await;
    let _ = conn.close().await;
    vacuumed.map_err(|e| write_error(partial, e))?;
    check_sqlite_file(partial).await
}

/// Proves a SQLite file whole and a Help Atlas database of a schema this binary knows.
async fn check_sqlite_file(file: &Path) -> Result<(), BackupError> {
    let url = format!("sqlite://{}?mode=ro", file.display());
    let broken = |e: sqlx::Error| not_a_backup(file, "SQLite", &e.to_string());
    let mut conn = AnyConnection::connect(&url).await.map_err(broken)?;
    let result = async {
        let verdict: String = conn.fetch_one("PRAGMA quick_check").await.map_err(broken)?.try_get(0).map_err(broken)?;
        if verdict != "ok" {
            return Err(not_a_backup(file, "SQLite", &format!("the file is damaged ({verdict})")));
        }
        let version: i64 = sqlx::query("SELECT COALESCE(MAX(version), 0) FROM _sqlx_migrations WHERE success = TRUE")
            .fetch_one(&mut conn)
            .await
            .map_err(|_| not_a_backup(file, "SQLite", "it has no Help Atlas schema"))?
            .try_get(0)
            .map_err(broken)?;
        let known = store::known_schema_version(&url).unwrap_or_default();
        if version > known {
            return Err(StoreError::NewerSchema { url: file.display().to_string(), found: version, known }.into());
        }
        Ok(())
    }
    .await;
    let _ = conn.close().await;
    result
}

async fn sqlite_restore(live: &Path, backup: &Path) -> Result<(), BackupError> {
    check_sqlite_file(backup).await?;
    // The copy is made and migrated beside the live file, then renamed over it: the database is
    // either the old one or the whole restored one, whatever happens meanwhile.
    let staged = partial_name(live);
    let staging = async {
        std::fs::copy(backup, &staged).map_err(|e| write_error(&staged, e))?;
        store::open(&format!("sqlite://{}", staged.display())).await?.close().await;
        std::fs::File::open(&staged).and_then(|f| f.sync_all()).map_err(|e| write_error(&staged, e))
    }
    .await;
    if let Err(e) = staging {
        let _ = std::fs::remove_file(&staged);
        return Err(e);
    }
    let swapped = swap_in(live, &staged).await;
    if swapped.is_err() {
        let _ = std::fs::remove_file(&staged);
    }
    swapped
}

/// Renames `staged` over `live` while holding `live` so that no other connection has it open.
async fn swap_in(live: &Path, staged: &Path) -> Result<(), BackupError> {
    if !live.exists() {
        std::fs::rename(staged, live).map_err(|e| write_error(live, e))?;
        return sync_directory(live).map_err(|e| write_error(live, e));
    }
    let url = format!("sqlite://{}", live.display());
    let mut conn = AnyConnection::connect(&url).await.map_err(StoreError::from)?;
    // Leaving WAL mode needs the only connection to the file: it fails, or leaves the mode as it was,
    // while a server has it open. It also folds the write-ahead log into the file, so no log of the
    // old database is left to be applied to the restored one.
    let mode: Result<String, sqlx::Error> = async {
        conn.execute("PRAGMA busy_timeout = 0").await?;
        conn.fetch_one("PRAGMA journal_mode = DELETE").await?.try_get(0)
    }
    .await;
    let result = match mode {
        Ok(mode) if mode.eq_ignore_ascii_case("delete") => {
            std::fs::rename(staged, live).map_err(|e| write_error(live, e))?;
            sync_directory(live).map_err(|e| write_error(live, e))
        }
        _ => Err(BackupError::InUse("another process".into())),
    };
    let _ = conn.close().await;
    result
}

/// Runs a PostgreSQL client tool with the URL's password in its environment (not on its command line,
/// where every user of the machine could read it).
fn pg_tool(tool: &'static str, url: &str, args: &[&std::ffi::OsStr]) -> Result<(), BackupError> {
    let mut parsed = url::Url::parse(url)
        .map_err(|e| BackupError::Tool { tool, reason: format!("the database URL is invalid: {e}") })?;
    let password = parsed.password().map(str::to_string);
    let _ = parsed.set_password(None);
    let mut command = Command::new(tool);
    command.args(args).arg("--dbname").arg(parsed.as_str());
    if let Some(password) = password {
        command.env("PGPASSWORD", password);
    }
    let output = command.output().map_err(|e| BackupError::Tool { tool, reason: e.to_string() })?;
    if output.status.success() {
        return Ok(());
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    Err(BackupError::Tool { tool, reason: stderr.trim().to_string() })
}

async fn pg_dump(url: &str, partial: &Path) -> Result<(), BackupError> {
    store::open(url).await?.close().await;
    let (url, file) = (url.to_string(), partial.to_path_buf());
    tokio::task::spawn_blocking(move || {
        pg_tool(
            "pg_dump",
            &url,
            &["--format=custom".as_ref(), "--no-owner".as_ref(), "--file".as_ref(), file.as_os_str()],
        )
    })
    .await
    .map_err(|e| BackupError::Tool { tool: "pg_dump", reason: e.to_string() })?
}

async fn pg_restore(url: &str, path: &Path) -> Result<(), BackupError> {
    let mut conn = AnyConnection::connect(url).await.map_err(StoreError::from)?;
    let others: Result<i64, sqlx::Error> = async {
        sqlx::query(
            "SELECT CAST(COUNT(*) AS BIGINT) FROM pg_stat_activity \
             WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'",
        )
        .fetch_one(&mut conn)
        .await?
        .try_get(0)
    }
    .await;
    let _ = conn.close().await;
    match others.map_err(StoreError::from)? {
        0 => {}
        n => return Err(BackupError::InUse(format!("{n} other connection(s)"))),
    }
    let (owned_url, file) = (url.to_string(), path.to_path_buf());
    let restored = tokio::task::spawn_blocking(move || {
        let args: [&std::ffi::OsStr; 6] = [
            "--clean".as_ref(),
            "--if-exists".as_ref(),
            "--single-transaction".as_ref(),
            "--exit-on-error".as_ref(),
            "--no-owner".as_ref(),
            file.as_os_str(),
        ];
        pg_tool("pg_restore", &owned_url, &args)
    })
    .await
    .map_err(|e| BackupError::Tool { tool: "pg_restore", reason: e.to_string() })?;
    restored.map_err(|e| BackupError::Restore { url: shown_url(url), reason: e.to_string() })?;
    // The restored schema may be older than this binary's: bring it up to date, as a server would.
    store::open(url).await?.close().await;
    Ok(())
}

/// The URL without any password, for messages.
fn shown_url(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut u) if u.password().is_some() => {
            let _ = u.set_password(Some("***"));
            u.to_string()
        }
        _ => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_of_a_sqlite_url() {
        assert_eq!(
            sqlite_file("sqlite:///var/lib/helpatlas/helpatlas.db?mode=rwc"),
            Some("/var/lib/helpatlas/helpatlas.db".into())
        );
        assert_eq!(sqlite_file("sqlite://data/h.db"), Some("data/h.db".into()));
        assert_eq!(sqlite_file("sqlite:h.db"), Some("h.db".into()));
        assert_eq!(sqlite_file("postgres://x/y"), None);
    }

    #[test]
    fn a_partial_backup_is_hidden_beside_its_target() {
        assert_eq!(partial_name(Path::new("/b/monday.db")), PathBuf::from("/b/.monday.db.partial"));
        assert_eq!(partial_name(Path::new("monday.db")), PathBuf::from(".monday.db.partial"));
    }
}
