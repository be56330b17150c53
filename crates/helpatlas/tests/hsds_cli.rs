//! HSDS import and export through the `helpatlas` binary, on the official examples in
//! ../shared/hsds-3.0 and on the bundled directory.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn hsds_examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/hsds-3.0/examples")
}

/// The official example package: its CSVs beside the official descriptor. Upstream the example's
/// `datapackage.json` is a symbolic link to `../../datapackage.json`; a checkout without symbolic
/// links holds it as a text file naming that path, which is not a descriptor (and is refused, below).
fn official_example_package(into: &Path) -> PathBuf {
    let package = into.join("example");
    std::fs::create_dir_all(&package).expect("mkdir");
    for entry in std::fs::read_dir(hsds_examples().join("csv")).expect("examples") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "csv") {
            std::fs::copy(&path, package.join(path.file_name().expect("name"))).expect("copy");
        }
    }
    std::fs::copy(hsds_examples().join("../datapackage.json"), package.join("datapackage.json")).expect("copy");
    package
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
    let package = official_example_package(data.path());
    let out = helpatlas(&["import", package.to_str().expect("utf-8")], data.path());
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("has 4 problem(s), nothing was imported"), "{stderr}");
    for problem in FOUR_DANGLING {
        assert!(stderr.contains(problem), "missing `{problem}` in {stderr}");
    }
}

#[test]
fn a_package_whose_descriptor_is_not_json_is_refused_and_nothing_is_imported() {
    let data = tempfile::tempdir().expect("tmp");
    let package = official_example_package(data.path());
    std::fs::write(package.join("datapackage.json"), "../../datapackage.json").expect("write");
    let out = helpatlas(&["import", package.to_str().expect("utf-8")], data.path());
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    let descriptor = package.join("datapackage.json");
    assert!(stderr.contains(&format!("error: {} is not valid JSON", descriptor.display())), "{stderr}");
    let stats =
        helpatlas(&["export", "--format", "atlas", data.path().join("out.json").to_str().expect("utf-8")], data.path());
    assert!(stats.status.success());
    let exported = std::fs::read_to_string(data.path().join("out.json")).expect("export");
    assert!(!exported.contains("ac148810-d857-441c-9679-408f346de14b"), "nothing of the package was imported");
}

#[test]
fn with_skip_invalid_the_rest_of_the_package_is_imported_and_the_left_out_listed() {
    let data = tempfile::tempdir().expect("tmp");
    let package = official_example_package(data.path());
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
        let history =
            |p: &Path| std::fs::read_to_string(if p.is_dir() { p.join("metadata.csv") } else { p.to_path_buf() });
        assert!(history(&exported).expect("first").contains("bundled directory data"), "{format}: the first history");
        assert!(history(&again).expect("again").contains("import of "), "{format}: the importer's own history");
    }
}

/// Every HSDS `metadata` member removed: the change records are each directory's own history.
fn strip_metadata(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            map.remove("metadata");
            map.values_mut().for_each(strip_metadata);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(strip_metadata),
        _ => {}
    }
}

/// The records of a JSON or ndjson export, without their change records.
fn records(path: &Path) -> Option<Vec<serde_json::Value>> {
    let text = std::fs::read_to_string(path).ok()?;
    let mut values: Vec<serde_json::Value> = match serde_json::from_str(&text) {
        Ok(whole) => vec![whole],
        Err(_) => text.lines().map(serde_json::from_str).collect::<Result<_, _>>().ok()?,
    };
    values.iter_mut().for_each(strip_metadata);
    Some(values)
}

/// The same data in two exports, files compared byte for byte except the change records (`metadata`),
/// which tell each database's own history.
fn same_tree(a: &Path, b: &Path) -> bool {
    let name = a.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    if name == "metadata.csv" {
        return b.is_file();
    }
    if name.ends_with(".json") && name != "datapackage.json" || name.ends_with(".ndjson") {
        return records(a).is_some() && records(a) == records(b);
    }
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

/// Replaces `table`'s CSV in the package `dir` by what `change` makes of its lines.
fn edit_csv(dir: &Path, table: &str, change: impl FnOnce(&mut Vec<Vec<u8>>)) {
    let path = dir.join(table);
    let bytes = std::fs::read(&path).expect("read");
    let mut lines: Vec<Vec<u8>> = bytes.split(|b| *b == b'\n').map(<[u8]>::to_vec).filter(|l| !l.is_empty()).collect();
    change(&mut lines);
    std::fs::write(&path, lines.join(&b'\n')).expect("write");
}

fn copy_package(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("dir") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), to.join(entry.file_name())).expect("copy");
    }
}

/// Replaces the `column` cell of data row `row` (1 = the first after the header), in a CSV whose cells
/// hold no commas before that column.
fn set_cell(lines: &mut [Vec<u8>], row: usize, column: &str, value: &str) {
    let header = String::from_utf8(lines[0].clone()).expect("utf-8");
    let at = header.split(',').position(|c| c == column).expect("column");
    let line = String::from_utf8(lines[row].clone()).expect("utf-8");
    let mut cells: Vec<&str> = line.splitn(at + 2, ',').collect();
    cells[at] = value;
    lines[row] = cells.join(",").into_bytes();
}

/// Each kind of bad input, through the binary: refused, the problem named with its place, and the
/// database exactly as before. (An oversized package is tested with a small `--max-bytes`; zip bombs
/// with small limits in `src/hsds/tests.rs`.)
#[test]
fn every_kind_of_bad_input_is_refused_with_its_place_and_the_database_unchanged() {
    let work = tempfile::tempdir().expect("tmp");
    let data = work.path().join("data");
    let good = work.path().join("good");
    let before = work.path().join("before.json");
    assert!(helpatlas(&["export", "--format", "datapackage", good.to_str().expect("utf-8")], &data).status.success());
    assert!(helpatlas(&["export", "--format", "json", before.to_str().expect("utf-8")], &data).status.success());
    let dangling = "9d0c4d8e-0000-4000-8000-000000000000";
    let organizations = std::fs::read_to_string(good.join("organizations.csv")).expect("read").lines().count() - 1;
    type LinesEdit = Box<dyn FnOnce(&mut Vec<Vec<u8>>)>;
    let cases: Vec<(&str, &str, LinesEdit, String)> = vec![
        (
            "malformed CSV",
            "organizations.csv",
            Box::new(|l| l.push(b"\"unterminated,x".to_vec())),
            format!("organizations.csv row {}: malformed CSV", organizations + 2),
        ),
        (
            "wrong encoding",
            "organizations.csv",
            Box::new(|l| l[1].extend_from_slice(b"Caf\xe9")),
            "organizations.csv row 2 column parent_organization_id: not UTF-8 text".into(),
        ),
        ("duplicate id", "organizations.csv", Box::new(|l| l.push(l[1].clone())), "appears more than once".into()),
        (
            "dangling reference",
            "services.csv",
            Box::new(move |l| set_cell(l, 1, "organization_id", dangling)),
            format!("services.csv row 2 column organization_id: no organization with id {dangling}"),
        ),
        (
            "wrong type",
            "locations.csv",
            Box::new(|l| set_cell(l, 1, "location_type", "spaceship")),
            "locations.csv row 2 column location_type: `spaceship` is not one of".into(),
        ),
        (
            "absurdly large field",
            "services.csv",
            Box::new(|l| set_cell(l, 1, "alternate_name", &"x".repeat(70_000))),
            "services.csv row 2 column alternate_name: longer than 65536 characters".into(),
        ),
    ];
    let check_with = |what: &str, path: &Path, options: &[&str], expected: &str| {
        let out = helpatlas(&[&["import", path.to_str().expect("utf-8")], options].concat(), &data);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{what}: {stderr}");
        assert!(stderr.contains(expected), "{what}: expected `{expected}` in {stderr}");
    };
    let check = |what: &str, path: &Path, expected: &str| check_with(what, path, &[], expected);
    for (i, (what, table, change, expected)) in cases.into_iter().enumerate() {
        let bad = work.path().join(format!("bad-{i}"));
        copy_package(&good, &bad);
        edit_csv(&bad, table, change);
        check(what, &bad, &expected);
    }
    let malformed = work.path().join("malformed.json");
    std::fs::write(&malformed, b"[{\"id\": ").expect("write");
    check("malformed JSON", &malformed, "malformed.json is not valid JSON");
    let traversal = work.path().join("traversal.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&traversal).expect("create"));
    for (name, bytes) in [("datapackage.json", &b"{}"[..]), ("../../services.csv", b"id\n")] {
        zip.start_file(name, zip::write::SimpleFileOptions::default()).expect("entry");
        std::io::Write::write_all(&mut zip, bytes).expect("write");
    }
    zip.finish().expect("zip");
    check("path traversal", &traversal, "has an entry `../../services.csv` that points outside the archive");
    let too_large = format!("{}: the package's CSV files together are larger than 1000 bytes", good.display());
    check_with("oversized package", &good, &["--max-bytes", "1000"], &too_large);
    let after = work.path().join("after.json");
    assert!(helpatlas(&["export", "--format", "json", after.to_str().expect("utf-8")], &data).status.success());
    assert!(std::fs::read(&before).ok() == std::fs::read(&after).ok(), "database changed");
}
