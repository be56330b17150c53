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

fn translated(file: &str, text: &str) -> Result<Directory, Vec<DataProblem>> {
    let note = "[service.eligibility]\nnote = \"Adults only.\"\n";
    parse_with_translations(&[("test.toml", &service(note))], &[(file, text)]).map_err(|e| e.0)
}

#[test]
fn translations_are_added_to_their_records() {
    let text = "[organization.xx-org]\ndescription = \"Eksempel\"\n\n[service.xx-line]\ndescription = \" En linje. \"\neligibility_note = \"Bare voksne.\"\n";
    let directory = translated("nb/test.toml", text).unwrap_or_else(|e| panic!("{e:?}"));
    let nb: crate::model::LanguageTag = "nb".parse().expect("tag");
    assert_eq!(directory.organizations[0].translations[&nb].description.as_deref(), Some("Eksempel"));
    let texts = &directory.services[0].translations[&nb];
    assert_eq!(texts.description.as_deref(), Some("En linje."));
    assert_eq!(directory.services[0].eligibility_note_in("nb").map(|n| n.text), Some("Bare voksne."));
    assert_eq!(directory.services[0].description_in("de").language, "en");
}

#[test]
fn the_bundled_translations_load_with_their_records() {
    let (directory, _) = load().unwrap_or_else(|e| panic!("{e}"));
    let lifeline = directory.services.iter().find(|s| s.id == service_id("us-988-lifeline")).expect("988");
    let es = lifeline.description_in("es");
    assert_eq!(es.language, "es");
    assert!(es.text.starts_with("Llame"), "{}", es.text);
}

/// The (record, field, message) of each problem of one translation file.
fn translation_problems(file: &str, text: &str) -> Vec<(String, String, String)> {
    let problems = translated(file, text).expect_err("should be rejected");
    for p in &problems {
        assert_eq!(p.file, format!("translations/{file}"));
    }
    problems.into_iter().map(|p| (p.record, p.field, p.message)).collect()
}

#[test]
fn bad_translation_files_are_refused_naming_file_and_key() {
    let one = "[service.xx-line]\ndescription = \"Hei\"\n";
    let unknown_slug = translation_problems("nb/test.toml", "[service.xx-nothing]\ndescription = \"Hei\"\n");
    assert_eq!(
        unknown_slug,
        vec![("service.xx-nothing".into(), "-".into(), "no service with slug `xx-nothing` in test.toml".into())]
    );
    let unknown_field = translation_problems("nb/test.toml", "[service.xx-line]\nname = \"Hei\"\n");
    assert_eq!(unknown_field[0].0, "service.xx-line (line 2)");
    assert_eq!(unknown_field[0].1, "name");
    assert!(unknown_field[0].2.contains("unknown field `name`"), "{unknown_field:?}");
    let bad_language = translation_problems("norsk/test.toml", one);
    assert!(bad_language[0].2.contains("`norsk` is not a language tag"), "{bad_language:?}");
    let case = translation_problems("zh-hant/test.toml", one);
    assert!(case[0].2.contains("must be written `zh-Hant`"), "{case:?}");
    let english = translation_problems("en/test.toml", one);
    assert!(english[0].2.contains("the language the records are written in"), "{english:?}");
    let no_file = translation_problems("nb/other.toml", one);
    assert!(no_file[0].2.contains("no directory file `other.toml`"), "{no_file:?}");
    let misplaced = translation_problems("test.toml", one);
    assert!(misplaced[0].2.contains("must be in a folder named by its language"), "{misplaced:?}");
    let empty = translation_problems("nb/test.toml", "[service.xx-line]\ndescription = \"  \"\n");
    assert_eq!(empty, vec![("service.xx-line".into(), "description".into(), "must not be empty".into())]);
    let long = format!("[organization.xx-org]\ndescription = \"{}\"\n", "a".repeat(2001));
    let long = translation_problems("nb/test.toml", &long);
    assert_eq!(
        long,
        vec![("organization.xx-org".into(), "description".into(), "is longer than 2000 characters".into())]
    );
    let nothing = translation_problems("nb/test.toml", "[service.xx-line]\n");
    assert_eq!(nothing[0].1, "description");
}

#[test]
fn a_note_is_translated_only_where_the_record_has_one() {
    let text = "[service.xx-line]\neligibility_note = \"Bare voksne.\"\n";
    let problems = parse_with_translations(&[("test.toml", &service(""))], &[("nb/test.toml", text)])
        .expect_err("no note to translate")
        .0;
    assert_eq!(problems[0].field, "eligibility_note");
    assert_eq!(problems[0].message, "the record has no eligibility note to translate");
}
