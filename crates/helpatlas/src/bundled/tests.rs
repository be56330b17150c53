use super::*;

const GOOD_ORG: &str = r#"
[[organization]]
slug = "xx-org"
name = "Example organisation"
url = "https://example.org"
"#;

fn service(extra: &str) -> String {
    format!(
        r#"{GOOD_ORG}
[[service]]
slug = "xx-line"
organization = "xx-org"
name = "Example line"
kind = "helplines"
description = "A line."
areas = ["NO"]
timezone = "Europe/Oslo"
source_url = "https://example.org/line"
checked_on = "2026-11-27"
status = "verified"
{extra}
[[service.channel]]
type = "phone"
value = "+47 116 123"
hours = ["24/7"]
"#
    )
}

fn problems(text: &str) -> Vec<DataProblem> {
    parse_files(&[("test.toml", text)]).expect_err("should be rejected").0
}

#[test]
fn the_bundled_directory_loads_and_has_the_starter_services() {
    let (directory, fingerprint) = load().unwrap_or_else(|e| panic!("{e}"));
    for slug in [
        "gb-samaritans",
        "us-988-lifeline",
        "au-lifeline",
        "no-mental-helse-hjelpetelefonen",
        "au-mindspot",
        "dk-internetpsykiatrien",
        "gb-nhs-talking-therapies",
    ] {
        assert!(directory.services.iter().any(|s| s.id == service_id(slug)), "missing {slug}");
    }
    assert_eq!(fingerprint.len(), 16);
    let (again, _) = load().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(directory, again, "loading twice must give identical records");
}

#[test]
fn a_valid_record_is_accepted_with_a_slug_derived_id() {
    let dir = parse_files(&[("test.toml", &service(""))]).expect("valid");
    assert_eq!(dir.services.len(), 1);
    assert_eq!(dir.services[0].id, service_id("xx-line"));
    assert_eq!(dir.services[0].organization_id, dir.organizations[0].id);
}

#[test]
fn a_missing_source_names_file_record_and_field() {
    let text = service("").replace("source_url = \"https://example.org/line\"\n", "");
    let found = problems(&text);
    assert!(found[0].to_string().starts_with("test.toml: record `xx-line (line "), "{}", found[0]);
    assert!(found[0].message.contains("source_url"), "{}", found[0]);
}

#[test]
fn an_unknown_field_names_its_record_line_and_key() {
    let text = GOOD_ORG.replace("url = ", "alternate_name = \"Other\"\nurl = ");
    let found = problems(&text);
    assert_eq!(
        (found[0].record.as_str(), found[0].field.as_str()),
        ("xx-org (line 5)", "alternate_name"),
        "{}",
        found[0]
    );
}

#[test]
fn an_http_source_is_rejected() {
    let text = service("").replace("https://example.org/line", "http://example.org/line");
    let found = problems(&text);
    assert_eq!(found[0].field, "source_url");
    assert_eq!(found[0].record, "xx-line");
}

#[test]
fn an_invalid_number_is_rejected() {
    let found = problems(&service("").replace("+47 116 123", "116 123"));
    assert_eq!((found[0].record.as_str(), found[0].field.as_str()), ("xx-line", "channel.value"));
}

#[test]
fn an_unknown_country_is_rejected() {
    let found = problems(&service("").replace("areas = [\"NO\"]", "areas = [\"XQ\"]"));
    assert_eq!(found[0].field, "areas");
    assert!(found[0].message.contains("XQ"));
}

#[test]
fn unknown_codes_and_fields_are_rejected() {
    let found = problems(&service("topics = [\"sadness\"]\n"));
    assert_eq!(found[0].field, "topics");
    assert!(found[0].message.contains("valid: suicidal-thoughts"));
    let found = problems(&service("colour = \"blue\"\n"));
    assert!(found[0].message.contains("colour"), "{}", found[0]);
}

#[test]
fn every_problem_is_reported_not_only_the_first() {
    let text = service("kind2 = 1\n").replace("\"helplines\"", "\"therapy\"");
    assert!(!problems(&text).is_empty());
    let text = service("").replace("\"helplines\"", "\"therapy\"").replace("Europe/Oslo", "Mars/Base");
    let fields: Vec<String> = problems(&text).into_iter().map(|p| p.field).collect();
    assert_eq!(fields, vec!["kind", "timezone"]);
}

#[test]
fn duplicate_slugs_are_rejected_across_files() {
    let err = parse_files(&[("a.toml", &service("")), ("b.toml", GOOD_ORG)]).expect_err("duplicate");
    assert!(err.0.iter().any(|p| p.file == "b.toml" && p.message.contains("already used in a.toml")));
}
