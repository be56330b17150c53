//! HSDS import and export through the `helpatlas` binary, on the official examples in
//! ../shared/hsds-3.0 and on the bundled directory.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn hsds_examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/hsds-3.0/examples")
}

fn helpatlas(args: &[&str], data_dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_helpatlas"))
        .args(args)
        .arg("--data-dir")
        .arg(data_dir)
        .env("HELPATLAS_LOG", "warn")
        .env_remove("HELPATLAS_DATABASE")
        .output()
        .expect("binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

const FOUR_DANGLING: [&str; 4] = [
    "locations.csv row 2 column organization_id: no organization with id 985e4a42-bd9f-4edc-911d-0243a4640aca",
    "contacts.csv row 2 column organization_id: no organization with id ae67a707-5893-4225-b0b1-320ab9cb596b",
    "contacts.csv row 2 column service_at_location_id: no service_at_location with id 93eaf18d-1cd2-4ec7-bffb-3c9172ee5070",
    "taxonomy_terms.csv row 2 column taxonomy_id: no taxonomy with id 07ff6aee-a219-438c-b694-d2fcb6c5373b",
];

#[test]
fn the_official_example_package_is_refused_naming_exactly_its_four_dangling_references() {
    let data = tempfile::tempdir().expect("tmp");
    let package = hsds_examples().join("csv");
    let out = helpatlas(&["import", package.to_str().expect("utf-8")], data.path());
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("has 4 problem(s), nothing was imported"), "{stderr}");
    for problem in FOUR_DANGLING {
        assert!(stderr.contains(problem), "missing `{problem}` in {stderr}");
    }
}

#[test]
fn with_skip_invalid_the_rest_of_the_package_is_imported_and_the_left_out_listed() {
    let data = tempfile::tempdir().expect("tmp");
    let package = hsds_examples().join("csv");
    let out = helpatlas(&["import", "--skip-invalid", package.to_str().expect("utf-8")], data.path());
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    for problem in FOUR_DANGLING {
        assert!(stdout.contains(&format!("left out: {problem}")), "{stdout}");
    }
    assert!(stdout.contains("4 item(s) left out"), "{stdout}");
    let again = helpatlas(&["import", "--skip-invalid", package.to_str().expect("utf-8")], data.path());
    assert!(text(&again.stdout).contains(": 0 written"), "re-importing changes nothing: {}", text(&again.stdout));
}

#[test]
fn the_official_example_documents_import() {
    let data = tempfile::tempdir().expect("tmp");
    for name in [
        "service_full",
        "service_list",
        "organization_full",
        "organization_list",
        "service_at_location_full",
        "service_at_location_list",
    ] {
        let file = hsds_examples().join(format!("{name}.json"));
        let out = helpatlas(&["import", file.to_str().expect("utf-8")], data.path());
        assert!(out.status.success(), "{name}: {}", text(&out.stderr));
    }
}

#[test]
fn every_export_format_round_trips_through_a_fresh_database() {
    let work = tempfile::tempdir().expect("tmp");
    let first = work.path().join("first");
    for (format, name) in [("json", "export.json"), ("ndjson", "export.ndjson"), ("datapackage", "package")] {
        let exported = work.path().join(format!("a-{name}"));
        let out = helpatlas(&["export", "--format", format, exported.to_str().expect("utf-8")], &first);
        assert!(out.status.success(), "{format}: {}", text(&out.stderr));
        let fresh = work.path().join(format!("fresh-{format}"));
        let out = helpatlas(&["import", exported.to_str().expect("utf-8")], &fresh);
        assert!(out.status.success(), "{format}: {}", text(&out.stderr));
        let again = work.path().join(format!("b-{name}"));
        assert!(helpatlas(&["export", "--format", format, again.to_str().expect("utf-8")], &fresh).status.success());
        assert!(same_tree(&exported, &again), "{format}: export(import(export(x))) differs from export(x)");
    }
}

fn same_tree(a: &Path, b: &Path) -> bool {
    if a.is_file() {
        return std::fs::read(a).ok() == std::fs::read(b).ok();
    }
    let names = |p: &Path| -> Vec<_> {
        let mut n: Vec<_> = std::fs::read_dir(p).expect("dir").map(|e| e.expect("entry").file_name()).collect();
        n.sort();
        n
    };
    names(a) == names(b) && names(a).iter().all(|n| same_tree(&a.join(n), &b.join(n)))
}

#[test]
fn a_rejected_import_leaves_the_database_unchanged() {
    let work = tempfile::tempdir().expect("tmp");
    let data = work.path().join("data");
    let before = work.path().join("before.json");
    assert!(helpatlas(&["export", "--format", "json", before.to_str().expect("utf-8")], &data).status.success());
    let package = hsds_examples().join("csv");
    assert!(!helpatlas(&["import", package.to_str().expect("utf-8")], &data).status.success());
    let broken = work.path().join("broken.json");
    std::fs::write(&broken, b"[{\"id\": \"not-a-uuid\", \"name\": 5}]").expect("write");
    let out = helpatlas(&["import", broken.to_str().expect("utf-8")], &data);
    assert!(!out.status.success());
    let after = work.path().join("after.json");
    assert!(helpatlas(&["export", "--format", "json", after.to_str().expect("utf-8")], &data).status.success());
    assert!(std::fs::read(&before).ok() == std::fs::read(&after).ok(), "database changed");
}
