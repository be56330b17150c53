//! `helpatlas backup` taken from under a running server that keeps writing, and `helpatlas restore`:
//! the whole database comes back (records, history, accounts) on SQLite and on PostgreSQL, a restore
//! under a running server is refused, and a bad backup changes nothing.

mod common;

use common::postgres::{drop_postgres, fresh_postgres};
use helpatlas::app;
use helpatlas::bundled::service_id;
use helpatlas::config::DataConfig;
use helpatlas::model::{Author, Directory, RetiredStatus, Retirement};
use helpatlas::store::Store;
use std::path::Path;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// Runs the binary on the database of `data` (a data directory, or a PostgreSQL URL).
fn helpatlas(args: &[&str], data: &Target) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_helpatlas"));
    command.args(args).env_remove("HELPATLAS_DATA_DIR").env_remove("HELPATLAS_DATABASE");
    match data {
        Target::Sqlite(dir) => command.arg("--data-dir").arg(dir),
        Target::Postgres(url, dir) => command.arg("--database").arg(url).arg("--data-dir").arg(dir),
    };
    command.output().expect("binary runs")
}

enum Target {
    Sqlite(std::path::PathBuf),
    Postgres(String, std::path::PathBuf),
}

fn ok(output: Output) -> String {
    let out = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(output.status.success(), "{out}{}", String::from_utf8_lossy(&output.stderr));
    out
}

fn error_line(output: &Output) -> String {
    assert!(!output.status.success(), "expected failure: {}", String::from_utf8_lossy(&output.stdout));
    let stderr = String::from_utf8_lossy(&output.stderr);
    stderr.lines().find(|l| l.starts_with("error:")).unwrap_or_default().to_string()
}

/// The whole directory as Help Atlas JSON (the same data gives the same bytes).
fn export(data: &Target, dir: &Path, name: &str) -> Vec<u8> {
    let file = dir.join(name);
    ok(helpatlas(&["export", file.to_str().expect("path")], data));
    std::fs::read(file).expect("export")
}

/// Retires a bundled service, as an editor would.
async fn retire(store: &dyn Store, slug: &str) {
    let mut service = store.service(service_id(slug)).await.expect("read").expect("bundled service");
    service.retired = Some(Retirement { status: RetiredStatus::Defunct, reason: "Closed.".into() });
    let changed = Directory { services: vec![service], ..Directory::default() };
    store.upsert(&changed, &Author::System).await.expect("write");
}

/// Keeps writing to the store (a setting, as every sign-in and check does) until stopped.
fn keep_writing(store: Arc<dyn Store>) -> (Arc<AtomicBool>, tokio::task::JoinHandle<u32>) {
    let stop = Arc::new(AtomicBool::new(false));
    let task = tokio::spawn({
        let stop = Arc::clone(&stop);
        async move {
            let mut writes = 0;
            while !stop.load(Ordering::Relaxed) {
                store.set_setting("backup_test_counter", &writes.to_string()).await.expect("write");
                writes += 1;
                tokio::task::yield_now().await;
            }
            writes
        }
    });
    (stop, task)
}

async fn round_trip(database: Option<String>) {
    let app = common::spawn_with(database.clone()).await;
    let work = tempfile::tempdir().expect("temporary directory");
    let data = match &database {
        Some(url) => Target::Postgres(url.clone(), app.data_dir.path().to_path_buf()),
        None => Target::Sqlite(app.data_dir.path().to_path_buf()),
    };
    ok(helpatlas(&["user", "add", "before@example.org", "--role", "editor"], &data));
    retire(app.state.store.as_ref(), "gb-samaritans").await;

    let backup = work.path().join("monday.backup");
    let backup_arg = backup.to_str().expect("path");
    let (stop, writer) = keep_writing(app.state.store.clone());
    let answer = tokio::task::spawn_blocking({
        let data = match &data {
            Target::Sqlite(d) => Target::Sqlite(d.clone()),
            Target::Postgres(u, d) => Target::Postgres(u.clone(), d.clone()),
        };
        let arg = backup_arg.to_string();
        move || helpatlas(&["backup", &arg], &data)
    })
    .await
    .expect("task");
    stop.store(true, Ordering::Relaxed);
    let writes = writer.await.expect("writer");
    let said = ok(answer);
    assert!(said.contains("backed up to"), "{said}");
    println!("{writes} writes went on during the backup");
    let leftovers: Vec<_> =
        std::fs::read_dir(work.path()).expect("dir").map(|e| e.expect("entry").file_name()).collect();
    assert_eq!(leftovers, vec![std::ffi::OsString::from("monday.backup")], "no partial file is left");
    let at_backup = export(&data, work.path(), "at-backup.json");

    assert!(error_line(&helpatlas(&["backup", backup_arg], &data)).contains("already exists"));
    retire(app.state.store.as_ref(), "no-kirkens-sos-krisetelefon").await;
    ok(helpatlas(&["user", "add", "after@example.org", "--role", "editor"], &data));
    let changed = export(&data, work.path(), "changed.json");
    assert_ne!(changed, at_backup);

    let refused = helpatlas(&["restore", backup_arg], &data);
    assert!(error_line(&refused).contains("stop every server"), "{}", error_line(&refused));
    assert_eq!(export(&data, work.path(), "after-refusal.json"), changed, "a refused restore changes nothing");

    let garbage = work.path().join("notes.txt");
    std::fs::write(&garbage, "not a backup at all").expect("write");
    assert!(error_line(&helpatlas(&["restore", garbage.to_str().expect("path")], &data))
        .contains("not a Help Atlas backup"));

    // The server stops (its store closes), then the backup comes back whole.
    app.state.store.close().await;
    ok(helpatlas(&["restore", backup_arg], &data));
    assert_eq!(export(&data, work.path(), "restored.json"), at_backup, "every record as it was at the backup");
    let users = ok(helpatlas(&["user", "list"], &data));
    assert!(users.contains("before@example.org") && !users.contains("after@example.org"), "{users}");

    // A server starts on the restored database and serves it.
    let config = DataConfig { data_dir: app.data_dir.path().to_path_buf(), database };
    let state = app::prepare(&config, true).await.expect("a server prepares on the restored database");
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let listener = app::bind("127.0.0.1:0").await.expect("port");
    let running = app::start(state.clone(), listener, async {
        let _ = stopped.await;
    })
    .await
    .expect("starts");
    let status = |slug: &'static str| {
        let url = format!("http://{}/services/{}", running.addr, service_id(slug));
        async move { reqwest::get(url).await.expect("request").status().as_u16() }
    };
    assert_eq!(status("no-kirkens-sos-krisetelefon").await, 200, "retired after the backup: back");
    assert_eq!(status("gb-samaritans").await, 404, "retired before the backup: still retired");
    drop(stop);
    state.store.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_backup_under_a_running_server_and_restore() {
    round_trip(None).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_backup_under_a_running_server_and_restore() {
    let (url, name) = fresh_postgres().await;
    round_trip(Some(url)).await;
    drop_postgres(&name).await;
}
