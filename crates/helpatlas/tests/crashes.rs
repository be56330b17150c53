//! Crashes and faults of the real binary: `kill -9` of an import at random moments leaves the database
//! with all of the import or none of it, and a full disk (a small tmpfs) during import, export or
//! backup gives a clear error, leaves the database as it was and leaves nothing that looks complete.

use sqlx::{AnyConnection, Connection, Row};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn helpatlas() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_helpatlas"));
    command.env_remove("HELPATLAS_DATA_DIR").env_remove("HELPATLAS_DATABASE").env("HELPATLAS_LOG", "warn");
    command
}

fn run(args: &[&str]) -> Output {
    helpatlas().args(args).output().expect("binary runs")
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

fn arg(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

/// A synthetic directory of `services` services as one Help Atlas JSON file.
fn generated(dir: &Path, services: usize) -> PathBuf {
    let out = ok(run(&["generate", "--services", &services.to_string(), "--seed", "7", "--out", arg(dir)]));
    PathBuf::from(out.lines().next().expect("one file").trim())
}

/// A data directory with the bundled directory in it, as a first start leaves it.
fn prepared(dir: &Path) {
    ok(run(&["stats", "--data-dir", arg(dir)]));
}

/// Rows of each record table, and of the change log, of the database in `dir`.
async fn counts(dir: &Path) -> [i64; 4] {
    sqlx::any::install_default_drivers();
    let url = format!("sqlite://{}", dir.join("helpatlas.db").display());
    let mut conn = AnyConnection::connect(&url).await.expect("the database opens");
    let mut counts = [0; 4];
    for (n, table) in ["organizations", "locations", "services", "changes"].iter().enumerate() {
        let row = sqlx::query(&format!("SELECT CAST(COUNT(*) AS BIGINT) FROM {table}"))
            .fetch_one(&mut conn)
            .await
            .expect("count");
        counts[n] = row.try_get(0).expect("number");
    }
    let verdict: String = sqlx::query("PRAGMA integrity_check").fetch_one(&mut conn).await.expect("check").get(0);
    assert_eq!(verdict, "ok");
    conn.close().await.expect("close");
    counts
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("dir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), to.join(entry.file_name())).expect("copy");
    }
}

/// A number from 0 to `below`, different on every call.
fn random_below(below: u128) -> u128 {
    uuid::Uuid::new_v4().as_u128() % below.max(1)
}

#[tokio::test]
async fn an_import_killed_at_any_moment_leaves_all_of_it_or_none() {
    let work = tempfile::tempdir().expect("temporary directory");
    let file = generated(&work.path().join("gen"), 3000);
    let base = work.path().join("base");
    prepared(&base);
    let before = counts(&base).await;

    // How long reading and checking take (a dry run) and how long a whole import takes: the kills fall
    // from a little before the writing starts to just after it ends, where a torn write could be.
    let started = Instant::now();
    ok(run(&["import", arg(&file), "--dry-run", "--data-dir", arg(&base)]));
    let checking = started.elapsed();
    let full = work.path().join("full");
    copy_dir(&base, &full);
    let started = Instant::now();
    ok(run(&["import", arg(&file), "--data-dir", arg(&full)]));
    let whole = started.elapsed();
    let after = counts(&full).await;
    assert!(after[2] > before[2], "the import adds services");

    let (mut none, mut all) = (0, 0);
    for trial in 0..20 {
        let dir = work.path().join(format!("trial-{trial}"));
        copy_dir(&base, &dir);
        let mut child = helpatlas()
            .args(["import", arg(&file), "--data-dir", arg(&dir)])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("import starts");
        let (from, to) = (checking.as_micros() * 9 / 10, whole.as_micros());
        let moment = Duration::from_micros((from + random_below(to.saturating_sub(from))) as u64);
        std::thread::sleep(moment);
        // SIGKILL: no handler runs, nothing is flushed or rolled back by the program.
        let _ = child.kill();
        let _ = child.wait();
        let found = counts(&dir).await;
        match found {
            f if f == before => none += 1,
            f if f == after => all += 1,
            f => panic!("killed after {moment:?}: {f:?} is neither {before:?} nor {after:?}"),
        }
        std::fs::remove_dir_all(&dir).expect("clean up");
    }
    println!("import of {whole:?} (checking {checking:?}) killed 20 times: {none} left nothing, {all} left everything");
}

/// A tmpfs of `kilobytes` mounted on `dir`; unmounted when dropped.
struct SmallDisk(PathBuf);

impl SmallDisk {
    fn mount(dir: &Path, kilobytes: u64) -> SmallDisk {
        std::fs::create_dir_all(dir).expect("mount point");
        let status = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={kilobytes}k"), "tmpfs", arg(dir)])
            .status()
            .expect("mount runs");
        assert!(status.success(), "mounting a tmpfs needs root (the CI machine runs the tests as root)");
        SmallDisk(dir.to_path_buf())
    }

    fn free_kilobytes(&self) -> u64 {
        let out = Command::new("df").args(["--output=avail", "-k", arg(&self.0)]).output().expect("df");
        String::from_utf8_lossy(&out.stdout).lines().nth(1).and_then(|l| l.trim().parse().ok()).expect("df figure")
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

fn running_as_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
}

#[tokio::test]
async fn a_full_disk_fails_import_export_and_backup_clearly_and_changes_nothing() {
    if !running_as_root() {
        eprintln!("skipped: mounting a small tmpfs needs root (CI runs as root)");
        return;
    }
    let work = tempfile::tempdir().expect("temporary directory");
    let file = generated(&work.path().join("gen"), 3000);
    let base = work.path().join("base");
    prepared(&base);
    let database_bytes: u64 =
        std::fs::read_dir(&base).expect("dir").map(|e| e.expect("e").metadata().expect("m").len()).sum();

    // Room for the database and a little more, not for 3000 more services.
    let disk = SmallDisk::mount(&work.path().join("disk"), database_bytes / 1024 + 512);
    let data = disk.0.join("data");
    copy_dir(&base, &data);
    let before = counts(&data).await;
    let failed = run(&["import", arg(&file), "--data-dir", arg(&data)]);
    let message = error_line(&failed);
    assert!(message.contains("full"), "the error says the disk is full: {message}");
    assert_eq!(counts(&data).await, before, "nothing of the import was written");

    // Fill what is left, then export and back up onto the full disk.
    let filler = disk.0.join("filler");
    let free = disk.free_kilobytes();
    std::fs::write(&filler, vec![0u8; (free.saturating_sub(64) * 1024) as usize]).expect("filler");
    for (format, target) in [("json", "export.json"), ("datapackage", "package"), ("atlas", "export-atlas.json")] {
        let target = disk.0.join(target);
        let failed = run(&["export", "--format", format, arg(&target), "--data-dir", arg(&data)]);
        let message = error_line(&failed);
        assert!(message.contains("cannot write"), "{format}: {message}");
        let complete = match format {
            "datapackage" => target.join("datapackage.json").exists(),
            _ => target.exists(),
        };
        assert!(!complete, "{format}: no export that looks complete is left");
    }
    let backup = disk.0.join("backup.db");
    let message = error_line(&run(&["backup", arg(&backup), "--data-dir", arg(&data)]));
    assert!(message.contains("cannot write the backup"), "{message}");
    assert!(!backup.exists(), "no backup that looks complete is left");
    assert_eq!(counts(&data).await, before, "the database is as it was");
    drop(disk);
}
