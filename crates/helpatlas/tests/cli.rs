//! The `helpatlas` binary: help, bad input of every kind, and an end-to-end `serve`.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn helpatlas(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_helpatlas"))
        .args(args)
        .env_remove("HELPATLAS_DATA_DIR")
        .env_remove("HELPATLAS_DATABASE")
        .env_remove("HELPATLAS_BIND")
        .output()
        .expect("binary runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The one error line the binary prints (logging goes to stderr too, so pick the `error:` line).
fn error_line(output: &Output) -> String {
    assert!(!output.status.success(), "expected failure, got success: {}", stdout(output));
    stderr(output).lines().find(|l| l.starts_with("error:")).unwrap_or_default().to_string()
}

fn dir_arg(dir: &Path) -> String {
    dir.display().to_string()
}

#[test]
fn help_explains_every_subcommand() {
    let top = helpatlas(&["--help"]);
    assert!(top.status.success());
    for sub in ["serve", "import", "export", "places", "migrate"] {
        assert!(stdout(&top).contains(sub), "--help lists {sub}");
        let help = helpatlas(&[sub, "--help"]);
        assert!(help.status.success(), "{sub} --help");
        assert!(stdout(&help).contains("Usage: helpatlas"), "{sub} --help");
    }
    assert!(stdout(&helpatlas(&["serve", "--help"])).contains("HELPATLAS_DATA_DIR"));
}

#[test]
fn an_unknown_flag_is_named_and_fails() {
    let out = helpatlas(&["serve", "--colour", "blue"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).starts_with("error: unexpected argument '--colour' found"), "{}", stderr(&out));
}

#[test]
fn an_unknown_log_format_is_named_and_fails() {
    let out = Command::new(env!("CARGO_BIN_EXE_helpatlas"))
        .args(["places", "oslo"])
        .env("HELPATLAS_LOG_FORMAT", "xml")
        .output()
        .expect("binary runs");
    assert_eq!(error_line(&out), "error: HELPATLAS_LOG_FORMAT must be `text` or `json`, not `xml`");
    assert!(stdout(&out).is_empty(), "nothing runs");
}

#[test]
fn places_finds_spelling_variants() {
    for query in ["tromso", "Tromsø", "Tromsoe"] {
        let out = helpatlas(&["places", query]);
        assert!(out.status.success());
        assert!(stdout(&out).starts_with("Tromsø\tTroms, Norway"), "{query}: {}", stdout(&out));
    }
    assert!(stdout(&helpatlas(&["places", "sao paulo"])).starts_with("São Paulo\tSão Paulo, Brazil"));
    assert!(stdout(&helpatlas(&["places", "münchen"])).starts_with("Munich\tBayern, Germany"));
    assert!(stdout(&helpatlas(&["places", "munich"])).starts_with("Munich\tBayern, Germany"));
    assert_eq!(error_line(&helpatlas(&["places", "qqqxqqq"])), "error: no place matches `qqqxqqq`");
    assert_eq!(
        error_line(&helpatlas(&["places", "london", "--country", "QQ"])),
        "error: `QQ` is not a known ISO 3166-1 country code"
    );
}

#[test]
fn an_unusable_data_directory_is_reported() {
    let tmp = tempfile::tempdir().expect("tmp");
    let file = tmp.path().join("a-file");
    std::fs::write(&file, "not a directory").expect("write");
    let data_dir = file.join("data");
    let out = helpatlas(&["migrate", "--data-dir", &dir_arg(&data_dir)]);
    let line = error_line(&out);
    assert!(line.starts_with(&format!("error: cannot use data directory {}", data_dir.display())), "{line}");
    assert_eq!(std::fs::read_to_string(&file).expect("read"), "not a directory", "nothing overwritten");
}

#[test]
fn a_corrupt_database_file_is_refused_and_left_alone() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("helpatlas.db");
    let garbage = b"this is not a database, it is a shopping list: milk, eggs, bread".repeat(100);
    std::fs::write(&db, &garbage).expect("write");
    let line = error_line(&helpatlas(&["migrate", "--data-dir", &dir_arg(tmp.path())]));
    assert!(line.starts_with("error: cannot open the database") && line.contains("not a database"), "{line}");
    assert!(std::fs::read(&db).expect("read") == garbage, "nothing overwritten");
}

fn sqlite_exec(db: &Path, sql: &'static str) {
    let url = format!("sqlite://{}?mode=rwc", db.display());
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    runtime.block_on(async {
        sqlx::any::install_default_drivers();
        let pool = sqlx::AnyPool::connect(&url).await.expect("connect");
        sqlx::raw_sql(sql).execute(&pool).await.expect("sql runs");
        pool.close().await;
    });
}

#[test]
fn a_foreign_database_is_refused_and_left_alone() {
    let tmp = tempfile::tempdir().expect("tmp");
    let db = tmp.path().join("helpatlas.db");
    sqlite_exec(
        &db,
        "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5);",
    );
    let before = std::fs::read(&db).expect("read");
    let line = error_line(&helpatlas(&["migrate", "--data-dir", &dir_arg(tmp.path())]));
    assert!(line.contains("is not a Help Atlas database (it has other tables: invoices)"), "{line}");
    assert!(std::fs::read(&db).expect("read") == before, "nothing changed");
}

#[test]
fn a_newer_schema_is_refused() {
    let tmp = tempfile::tempdir().expect("tmp");
    assert!(helpatlas(&["migrate", "--data-dir", &dir_arg(tmp.path())]).status.success());
    sqlite_exec(
        &tmp.path().join("helpatlas.db"),
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) \
         VALUES (99990101000000, 'from the future', TRUE, X'00', 0)",
    );
    let line = error_line(&helpatlas(&["migrate", "--data-dir", &dir_arg(tmp.path())]));
    assert!(line.contains("has schema version 99990101000000, newer than this binary knows ("), "{line}");
    assert!(line.ends_with("); upgrade helpatlas"), "{line}");
}

#[test]
fn an_unsupported_database_url_is_named() {
    let line = error_line(&helpatlas(&["migrate", "--database", "mysql://localhost/x"]));
    assert_eq!(line, "error: unsupported database URL `mysql://localhost/x` (expected sqlite://PATH or postgres://…)");
}

#[test]
fn a_port_in_use_is_reported() {
    let tmp = tempfile::tempdir().expect("tmp");
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = taken.local_addr().expect("addr").to_string();
    let out = helpatlas(&["serve", "--bind", &addr, "--data-dir", &dir_arg(tmp.path())]);
    let line = error_line(&out);
    assert!(line.starts_with(&format!("error: cannot listen on {addr}:")), "{line}");
}

#[test]
fn export_then_import_changes_nothing() {
    let tmp = tempfile::tempdir().expect("tmp");
    let data = dir_arg(tmp.path());
    let file = tmp.path().join("export.json");
    let out = helpatlas(&["export", "--format", "atlas", &dir_arg(&file), "--data-dir", &data]);
    assert!(out.status.success(), "{}", stderr(&out));
    let first = std::fs::read(&file).expect("exported");
    let out = helpatlas(&["import", &dir_arg(&file), "--data-dir", &data]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains(": 0 written"), "{}", stdout(&out));
    assert!(helpatlas(&["export", &dir_arg(&file), "--data-dir", &data]).status.success());
    assert!(std::fs::read(&file).expect("exported") == first, "export is deterministic");
}

#[test]
fn a_bad_import_is_rejected_whole() {
    let tmp = tempfile::tempdir().expect("tmp");
    let data = dir_arg(tmp.path());
    let export = tmp.path().join("export.json");
    assert!(helpatlas(&["export", &dir_arg(&export), "--data-dir", &data]).status.success());
    let mut doc: serde_json::Value = serde_json::from_slice(&std::fs::read(&export).expect("read")).expect("json");
    // One good change and one dangling reference: neither may be written.
    doc["services"][0]["name"] = "Changed by a bad import".into();
    doc["services"][1]["organization_id"] = "9d0c4d8e-0000-4000-8000-000000000000".into();
    let bad = tmp.path().join("bad.json");
    std::fs::write(&bad, serde_json::to_vec(&doc).expect("json")).expect("write");
    let out = helpatlas(&["import", &dir_arg(&bad), "--data-dir", &data]);
    let message = stderr(&out);
    assert!(!out.status.success());
    assert!(message.contains("has 1 problem(s), nothing was imported"), "{message}");
    assert!(message.contains("field organization_id: no organization with id 9d0c4d8e-0000-4000-8000-000000000000"));
    let after = tmp.path().join("after.json");
    assert!(helpatlas(&["export", &dir_arg(&after), "--data-dir", &data]).status.success());
    assert!(std::fs::read(&after).expect("read") == std::fs::read(&export).expect("read"), "database unchanged");

    std::fs::write(&bad, b"{\"services\": [").expect("write");
    let line = error_line(&helpatlas(&["import", &dir_arg(&bad), "--data-dir", &data]));
    assert!(line.contains("is not valid JSON"), "{line}");
    let line = error_line(&helpatlas(&["import", "/no/such/file.json", "--data-dir", &data]));
    assert!(line.starts_with("error: cannot read /no/such/file.json"), "{line}");
}

#[test]
fn a_generated_directory_names_the_file_to_import_and_that_file_imports() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out_dir = tmp.path().join("generated");
    let data = tmp.path().join("data");
    let generated = helpatlas(&["generate", "--services", "20", "--seed", "3", "--out", &dir_arg(&out_dir)]);
    assert!(generated.status.success(), "{}", stderr(&generated));
    let file = out_dir.join("helpatlas.json");
    let import_dir = helpatlas(&["import", &dir_arg(&out_dir), "--data-dir", &dir_arg(&data)]);
    assert!(
        error_line(&import_dir).contains(&format!("`helpatlas import {}`", file.display())),
        "{}",
        stderr(&import_dir)
    );
    let import_file = helpatlas(&["import", &dir_arg(&file), "--data-dir", &dir_arg(&data)]);
    assert!(import_file.status.success(), "{}", stderr(&import_file));
}

/// `helpatlas serve` end to end: first start loads the bundled data, a second start (computing every
/// page afresh, as benchmarks run it) reuses it. Logs to a pipe carry no colour codes; with
/// `HELPATLAS_LOG_FORMAT=json` every line is a JSON object for log collectors.
#[test]
fn serve_answers_and_a_second_start_reuses_the_data() {
    let tmp = tempfile::tempdir().expect("tmp");
    for start in 0..2 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_helpatlas"))
            .args(["serve", "--bind", "127.0.0.1:0", "--data-dir", &dir_arg(tmp.path())])
            .args(if start == 1 { &["--no-cache"][..] } else { &[] })
            .env("HELPATLAS_LOG", "info")
            .env("HELPATLAS_LOG_FORMAT", if start == 1 { "json" } else { "text" })
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        let mut log = Vec::new();
        let mut lines = BufReader::new(child.stderr.take().expect("stderr")).lines();
        let addr = loop {
            let line = lines.next().expect("server logs its address").expect("utf-8");
            log.push(line.clone());
            if let Some(i) = line.find("http://") {
                let addr = line[i + 7..].split(|c: char| c.is_whitespace() || c == '"').next().expect("address");
                break addr.to_string();
            }
        };
        let body = reqwest::blocking_get(&format!("http://{addr}/no"));
        let _ = child.kill();
        let _ = child.wait();
        assert!(body.contains("Hjelpetelefonen"), "start {start}");
        let loaded = log.iter().any(|l| l.contains("bundled directory loaded"));
        assert_eq!(loaded, start == 0, "start {start}: {log:?}");
        assert!(log.iter().all(|l| !l.contains('\u{1b}')), "no terminal colour codes in a pipe: {log:?}");
        if start == 1 {
            assert!(log.iter().all(|l| serde_json::from_str::<serde_json::Value>(l).is_ok()), "{log:?}");
        }
    }
}

mod reqwest {
    /// A GET on a fresh single-use runtime (the test itself is synchronous).
    pub fn blocking_get(url: &str) -> String {
        let runtime = tokio::runtime::Runtime::new().expect("runtime");
        runtime.block_on(async { ::reqwest::get(url).await.expect("get").text().await.expect("body") })
    }
}

/// Runs `helpatlas ARGS` with `input` on standard input.
fn helpatlas_with_input(args: &[&str], input: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_helpatlas"))
        .args(args)
        .env_remove("HELPATLAS_DATA_DIR")
        .env_remove("HELPATLAS_DATABASE")
        .env_remove("HELPATLAS_PUBLIC_URL")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    child.stdin.take().expect("stdin").write_all(input.as_bytes()).expect("write");
    child.wait_with_output().expect("output")
}

#[test]
fn accounts_are_managed_from_the_command_line_without_passwords_in_arguments() {
    let dir = tempfile::tempdir().expect("tmp");
    let data = dir_arg(dir.path());
    let added = helpatlas(&[
        "user",
        "add",
        "Admin@Example.org",
        "--role",
        "admin",
        "--data-dir",
        &data,
        "--url",
        "https://help.example.org/",
    ]);
    assert!(added.status.success(), "{}", stderr(&added));
    let link = stdout(&added);
    assert!(link.contains("admin@example.org (admin) must choose a password within 24 hours"), "{link}");
    assert!(
        regex::Regex::new(r"https://help\.example\.org/admin/setup/[0-9a-f]{64}\n").expect("regex").is_match(&link),
        "{link}"
    );
    let editor = helpatlas_with_input(
        &["user", "add", "kari@example.org", "--role", "editor", "--password-stdin", "--data-dir", &data],
        "a quiet walk by the fjord\n",
    );
    assert!(editor.status.success(), "{}", stderr(&editor));
    assert!(stdout(&editor).contains("kari@example.org (editor) can sign in"));
    let weak = helpatlas_with_input(
        &["user", "add", "ola@example.org", "--role", "editor", "--password-stdin", "--data-dir", &data],
        "password123\n",
    );
    assert_eq!(error_line(&weak), "error: The password must have at least 12 characters.");
    let common = helpatlas_with_input(
        &["user", "add", "ola@example.org", "--role", "editor", "--password-stdin", "--data-dir", &data],
        "qwertyuiop123\n",
    );
    assert!(error_line(&common).contains("common passwords"));
    assert_eq!(
        error_line(&helpatlas(&["user", "add", "kari@example.org", "--role", "editor", "--data-dir", &data])),
        "error: the email kari@example.org is already taken"
    );
    assert_eq!(
        error_line(&helpatlas(&["user", "add", "not-an-email", "--role", "editor", "--data-dir", &data])),
        "error: `not-an-email` is not an email address"
    );
    assert!(stderr(&helpatlas(&["user", "add", "x@example.org", "--role", "owner", "--data-dir", &data]))
        .contains("invalid value 'owner'"));
    assert!(helpatlas(&["user", "disable", "kari@example.org", "--data-dir", &data]).status.success());
    assert_eq!(
        error_line(&helpatlas(&["user", "disable", "nobody@example.org", "--data-dir", &data])),
        "error: no account has the email nobody@example.org"
    );
    let list = stdout(&helpatlas(&["user", "list", "--data-dir", &data]));
    assert!(list.contains("admin@example.org\tadmin\twaiting for setup\tlast signed in never"), "{list}");
    assert!(list.contains("kari@example.org\teditor\tdisabled"), "{list}");
    let reset = helpatlas(&["user", "reset", "kari@example.org", "--data-dir", &data]);
    assert!(stdout(&reset).contains("/admin/setup/"), "a new setup link");
    assert!(
        stdout(&helpatlas(&["user", "enable", "kari@example.org", "--data-dir", &data])).contains("can sign in again")
    );
}
