//! Round trips and hostile input: `import(export(x)) == x` in every form, byte-identical exports, and
//! refusals of zip bombs, path traversal, oversized files and wrong encodings.

use super::source::{self, Input, Limits};
use super::{export, prepare, Form};
use crate::model::Directory;
use std::io::Write;
use std::path::Path;

fn bundled() -> Directory {
    let (mut directory, _) = crate::bundled::load().expect("bundled data loads");
    directory.sort();
    directory
}

fn import(path: &Path) -> Directory {
    let Input::Hsds { tables, problems, .. } = source::read(path, &Limits::default()).expect("readable") else {
        panic!("read as Help Atlas JSON")
    };
    let prepared = prepare(tables, problems, false, chrono::Utc::now());
    assert!(prepared.problems.is_empty(), "{:#?}", &prepared.problems[..prepared.problems.len().min(5)]);
    assert!(prepared.notes.is_empty(), "{:#?}", &prepared.notes[..prepared.notes.len().min(5)]);
    let mut directory = prepared.directory;
    directory.sort();
    directory
}

#[test]
fn every_form_round_trips_the_bundled_directory_exactly() {
    let directory = bundled();
    let tmp = tempfile::tempdir().expect("tmp");
    for (form, name) in [(Form::Json, "x.json"), (Form::Ndjson, "x.ndjson"), (Form::DataPackage, "pkg")] {
        let path = tmp.path().join(name);
        export(&directory, form, &path).expect("exports");
        let back = import(&path);
        for (a, b) in directory.services.iter().zip(&back.services) {
            assert_eq!(a, b, "{form:?}");
        }
        assert_eq!(back, directory, "{form:?}");
    }
}

#[test]
fn exports_are_byte_identical() {
    let directory = bundled();
    let tmp = tempfile::tempdir().expect("tmp");
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    let mut shuffled = directory.clone();
    shuffled.services.reverse();
    export(&directory, Form::DataPackage, &a).expect("exports");
    export(&shuffled, Form::DataPackage, &b).expect("exports");
    for entry in std::fs::read_dir(&a).expect("dir") {
        let name = entry.expect("entry").file_name();
        assert!(std::fs::read(a.join(&name)).ok() == std::fs::read(b.join(&name)).ok(), "{name:?} differs");
    }
}

/// The JSON export is written document by document, but its bytes are those of pretty-printing the
/// whole array at once (what it was before it streamed), and ndjson is one compact document a line.
#[test]
fn the_streamed_json_is_the_pretty_printed_array() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (json, ndjson, empty) = (tmp.path().join("x.json"), tmp.path().join("x.ndjson"), tmp.path().join("e.json"));
    export(&bundled(), Form::Json, &json).expect("exports");
    export(&bundled(), Form::Ndjson, &ndjson).expect("exports");
    export(&Directory::default(), Form::Json, &empty).expect("exports");
    let bytes = std::fs::read(&json).expect("read");
    let documents: Vec<serde_json::Value> = serde_json::from_slice(&bytes).expect("JSON");
    let mut expected = serde_json::to_vec_pretty(&documents).expect("pretty");
    expected.push(b'\n');
    assert!(bytes == expected, "differs from to_vec_pretty");
    let lines: Vec<String> = documents.iter().map(|d| format!("{d}\n")).collect();
    assert_eq!(std::fs::read_to_string(&ndjson).expect("read"), lines.concat());
    assert_eq!(std::fs::read_to_string(&empty).expect("read"), "[]\n");
}

fn zip_with(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        writer.start_file(*name, options).expect("entry");
        writer.write_all(bytes).expect("write");
    }
    writer.finish().expect("zip").into_inner()
}

/// Why `bytes` named `name` is refused: read from a file as `import` does, and from memory as a feed
/// does, which must say the same.
fn read_error(bytes: &[u8], name: &str, limits: Limits) -> String {
    let tmp = tempfile::tempdir().expect("tmp");
    let path = tmp.path().join(name);
    std::fs::write(&path, bytes).expect("write");
    let refusal = |read: Result<Input, super::HsdsError>| match read {
        Err(e) => e.to_string(),
        Ok(Input::Hsds { problems, .. }) if !problems.is_empty() => problems.join("\n"),
        Ok(_) => panic!("{name} was accepted"),
    };
    let from_file = refusal(source::read(&path, &limits));
    assert_eq!(from_file, refusal(source::read_bytes(&path, bytes, &limits)), "{name}");
    from_file
}

#[test]
fn a_zip_bomb_is_refused() {
    let huge = vec![b'a'; 2_000_000];
    let bytes = zip_with(&[("datapackage.json", b"{}"), ("services.csv", &huge)]);
    assert!(bytes.len() < 100_000, "the archive is small");
    let limits = Limits { max_bytes: 1_000_000, ..Limits::default() };
    let message = read_error(&bytes, "bomb.zip", limits);
    assert!(message.contains("expands to more than 1000000 bytes"), "{message}");
}

#[test]
fn a_zip_entry_pointing_outside_the_archive_is_refused() {
    let bytes = zip_with(&[("datapackage.json", b"{}"), ("../../etc/services.csv", b"id\n")]);
    let message = read_error(&bytes, "evil.zip", Limits::default());
    assert!(message.contains("has an entry `../../etc/services.csv` that points outside the archive"), "{message}");
}

#[test]
fn a_truncated_or_foreign_descriptor_is_refused_naming_the_file() {
    let tmp = tempfile::tempdir().expect("tmp");
    let descriptor = tmp.path().join("datapackage.json");
    std::fs::write(tmp.path().join("organizations.csv"), b"id,name\n").expect("write");
    for (content, reason) in
        [(&b"{\"name\": \"hsds\", \"resou"[..], "EOF while parsing"), (b"[1, 2]", "must be a JSON object")]
    {
        std::fs::write(&descriptor, content).expect("write");
        let message = source::read(tmp.path(), &Limits::default()).map(|_| ()).expect_err("refused").to_string();
        assert!(message.starts_with(&format!("{} is not valid JSON: ", descriptor.display())), "{message}");
        assert!(message.contains(reason), "{message}");
    }
    let bytes = zip_with(&[("datapackage.json", b"{\"truncated"), ("services.csv", b"id\n")]);
    let message = read_error(&bytes, "cut.zip", Limits::default());
    assert!(message.contains("cut.zip entry datapackage.json is not valid JSON"), "{message}");
}

#[test]
fn a_directory_of_json_files_names_the_files_to_import() {
    let tmp = tempfile::tempdir().expect("tmp");
    std::fs::write(tmp.path().join("helpatlas.json"), b"{}").expect("write");
    let message = source::read(tmp.path(), &Limits::default()).map(|_| ()).expect_err("refused").to_string();
    let file = tmp.path().join("helpatlas.json");
    assert!(message.contains(&format!("`helpatlas import {}`", file.display())), "{message}");
}

#[test]
fn an_oversized_file_is_refused() {
    let limits = Limits { max_json_bytes: 1000, ..Limits::default() };
    let message = read_error(&[b' '; 2000], "big.json", limits);
    assert!(message.ends_with("big.json is larger than 1000 bytes"), "{message}");
}

#[test]
fn a_package_larger_than_the_limit_together_is_refused_as_a_whole() {
    let tmp = tempfile::tempdir().expect("tmp");
    std::fs::write(tmp.path().join("datapackage.json"), b"{}").expect("write");
    std::fs::write(tmp.path().join("organizations.csv"), [b' '; 600]).expect("write");
    std::fs::write(tmp.path().join("services.csv"), [b' '; 600]).expect("write");
    let limits = Limits { max_bytes: 1000, ..Limits::default() };
    let message = source::read(tmp.path(), &limits).map(|_| ()).expect_err("refused").to_string();
    assert_eq!(
        message,
        format!("{}: the package's CSV files together are larger than 1000 bytes", tmp.path().display())
    );
}

#[test]
fn an_oversized_field_is_refused() {
    let long = "x".repeat(super::tables::MAX_FIELD_CHARS + 1);
    let doc = serde_json::json!({"id": "9d0e6f46-0000-4000-8000-000000000001", "name": long, "description": "d"});
    let tmp = tempfile::tempdir().expect("tmp");
    let path = tmp.path().join("org.json");
    std::fs::write(&path, doc.to_string()).expect("write");
    let Input::Hsds { tables, problems, .. } = source::read(&path, &Limits::default()).expect("readable") else {
        panic!("HSDS expected")
    };
    let prepared = prepare(tables, problems, false, chrono::Utc::now());
    assert_eq!(prepared.problems.len(), 1);
    assert!(prepared.problems[0].ends_with("field name: longer than 65536 characters"), "{:?}", prepared.problems);
}

#[test]
fn wrong_encodings_are_named() {
    let latin1 = b"id,name,description\n9d0e6f46-0000-4000-8000-000000000001,Caf\xe9,d\n";
    let bytes = zip_with(&[("datapackage.json", b"{}"), ("organizations.csv", latin1)]);
    let message = read_error(&bytes, "latin1.zip", Limits::default());
    assert_eq!(
        message,
        "organizations.csv row 2 column name: not UTF-8 text (invalid byte at offset 3 of the value); save it as UTF-8"
    );
    let message = read_error(b"{\"name\": \"Caf\xe9\"}", "latin1.json", Limits::default());
    assert!(message.contains("not UTF-8 text"), "{message}");
}

#[test]
fn a_csv_is_read_past_a_byte_order_mark_with_each_row_in_its_place() {
    let resource = super::descriptor::resource("organization").expect("organization");
    let csv = "\u{feff}id,name,description\n9d0e6f46-0000-4000-8000-000000000001,Café,d\n";
    let mut tables = super::tables::Tables::default();
    super::tabular::read_csv(resource, "organizations.csv", csv.as_bytes(), &mut tables).expect("readable");
    let row = tables.of("organization").get(0).expect("a row");
    assert_eq!(row.uuid("id"), uuid::Uuid::parse_str("9d0e6f46-0000-4000-8000-000000000001").ok());
    assert_eq!(row.str("name"), Some("Café"));
    assert_eq!(row.place().to_string(), "organizations.csv row 2");
}

#[test]
fn holiday_closures_travel_as_schedules_of_one_day_both_ways() {
    let mut service =
        bundled().services.into_iter().find(|s| s.channels.iter().any(|c| c.hours.is_some())).expect("hours");
    let channel = service.channels.iter_mut().find(|c| c.hours.is_some()).expect("hours");
    let hours = channel.hours.as_mut().expect("hours");
    hours.exceptions =
        vec!["2026-12-24 closed".parse().expect("closed"), "2027-01-01 10:00-14:00".parse().expect("open")];
    let schedules = super::export::service(&service).schedules;
    let dated: Vec<_> = schedules.iter().filter(|s| s.contains_key("valid_from")).collect();
    assert_eq!(dated.len(), 2);
    assert_eq!(
        (dated[0]["valid_from"].as_str(), dated[0]["valid_to"].as_str()),
        (Some("2026-12-24"), Some("2026-12-24"))
    );
    assert!(!dated[0].contains_key("opens_at") && dated[0]["notes"] == "closed");
    assert_eq!((dated[1]["opens_at"].as_str(), dated[1]["closes_at"].as_str()), (Some("10:00:00"), Some("14:00:00")));

    // A directory that is not Help Atlas sends only HSDS fields: the schedules alone carry the hours.
    let organization = uuid::Uuid::new_v4();
    let id = uuid::Uuid::new_v4();
    let document = serde_json::json!([{
        "id": organization, "name": "Fjordhjelp", "description": "A helpline in Vestland.", "website": "https://fjordhjelp.example.org",
        "services": [{
            "id": id, "organization_id": organization, "name": "Fjordhjelp line", "status": "active",
            "url": "https://fjordhjelp.example.org/line",
            "service_areas": [{"id": uuid::Uuid::new_v4(), "service_id": id, "name": "NO"}],
            "phones": [{"id": uuid::Uuid::new_v4(), "service_id": id, "number": "+47 22 40 00 40"}],
            "schedules": [
                {"id": uuid::Uuid::new_v4(), "service_id": id, "freq": "WEEKLY", "byday": "MO,TU,WE,TH,FR", "opens_at": "09:00", "closes_at": "17:00"},
                {"id": uuid::Uuid::new_v4(), "service_id": id, "valid_from": "2026-12-24", "valid_to": "2026-12-24"},
                {"id": uuid::Uuid::new_v4(), "service_id": id, "valid_from": "2026-12-31", "valid_to": "2026-12-31", "opens_at": "10:00", "closes_at": "14:00"}
            ]
        }]
    }]);
    let tmp = tempfile::tempdir().expect("tmp");
    let path = tmp.path().join("foreign.json");
    std::fs::write(&path, document.to_string()).expect("write");
    let Input::Hsds { tables, problems, .. } = source::read(&path, &Limits::default()).expect("readable") else {
        panic!("HSDS")
    };
    let prepared = prepare(tables, problems, false, chrono::Utc::now());
    assert!(prepared.problems.is_empty(), "{:?}", prepared.problems);
    let hours = prepared.directory.services[0].channels[0].hours.clone().expect("hours");
    assert_eq!(hours.rules_notation(), vec!["Mo,Tu,We,Th,Fr 09:00-17:00"]);
    let exceptions: Vec<String> = hours.exceptions.iter().map(ToString::to_string).collect();
    assert_eq!(exceptions, vec!["2026-12-24 closed", "2026-12-31 10:00-14:00"]);
}

/// Imports `path` and returns its problems (the records with problems are left out).
fn import_problems(path: &Path) -> Vec<String> {
    let Input::Hsds { tables, problems, .. } = source::read(path, &Limits::default()).expect("readable") else {
        panic!("read as Help Atlas JSON")
    };
    prepare(tables, problems, false, chrono::Utc::now()).problems
}

#[test]
fn translations_travel_as_an_attribute_and_bad_ones_are_refused() {
    let directory = bundled();
    assert!(directory.services.iter().any(|s| !s.translations.is_empty()), "the bundled data has translations");
    let tmp = tempfile::tempdir().expect("tmp");
    let path = tmp.path().join("x.json");
    export(&directory, Form::Json, &path).expect("exports");
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains(r#""code": "translations""#), "the helpatlas term names it");
    // An empty Spanish description and an unknown language, as another directory might send them.
    let broken =
        text.replacen(r#"\"es\":{\"description\":\"Llame"#, r#"\"es\":{\"description\":\" \",\"x\":\"Llame"#, 1);
    assert_ne!(broken, text);
    std::fs::write(&path, broken).expect("write");
    let problems = import_problems(&path);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(problems[0].contains("the helpatlas translations value"), "{}", problems[0]);
}
