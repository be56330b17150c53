//! The one gate for untrusted data (`model::validate`), tried with a corpus of hostile values in every
//! text and link field of every way records come in: an HSDS import (through the real binary, then
//! every public page and API answer of what it stored, from the real server), the bundled-data
//! loader, the editors' forms and the public's suggestion form.

use helpatlas::editing::draft::{ChannelDraft, OrganizationDraft, ServiceDraft};
use helpatlas::editing::validate as forms;
use helpatlas::model::validate::{clean_text, Lines};
use helpatlas::moderation::input::{suggestion, SuggestionForm};
use regex::Regex;
use serde_json::{json, Value};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use uuid::Uuid;

/// Text that tries to become markup, to break out of an attribute, or to hide or reorder itself.
const HOSTILE_TEXTS: [&str; 7] = [
    "<script>alert('text')</script>",
    "\"><img src=x onerror=alert('attr')>",
    "' onmouseover='alert(1)' x='",
    "Hjelp\u{202E}enilpleh",
    "\u{2066}isolated\u{2069} and \u{202A}embedded\u{202C}",
    "zero\u{200B}width\u{2060}joiner\u{FEFF}",
    "bell\u{0007}escape\u{001B}next\u{0085}line",
];

/// Links with schemes no page may carry, in several spellings and encodings, and with credentials.
const HOSTILE_URLS: [&str; 10] = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(2)",
    " javascript:alert(3)",
    "java\tscript:alert(4)",
    "%6Aavascript:alert(5)",
    "&#106;avascript:alert(6)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCg3KTwvc2NyaXB0Pg==",
    "vbscript:msgbox(8)",
    "https://user:secret@example.org/9",
    "https://example.org/\u{202E}10",
];

const HOSTILE_PHONES: [&str; 3] = ["not a number <b>", "+47 1", "+47 javascript:alert(1)"];

/// Characters that must never reach a page or an API answer.
fn has_direction_override(text: &str) -> bool {
    text.chars().any(|c| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
}

fn id(n: u128) -> Uuid {
    Uuid::from_u128(0x6a7e_0000_0000_4000_8000_0000_0000_0000 + n)
}

/// An organization document of one service, with `text` in every text field and `url`, `phone` in
/// every link and number field; its `uri` is a valid source, so the service can be kept when the
/// hostile values are left out.
fn document(n: u128, text: &str, url: &str, phone: &str, email: &str) -> Value {
    let (org, service, location) = (id(n * 10), id(n * 10 + 1), id(n * 10 + 2));
    json!({
        "id": org, "name": format!("Org {n} {text}"), "description": text, "website": url,
        "uri": format!("https://example.org/source/{n}"), "email": email,
        "locations": [{
            "id": location, "organization_id": org, "location_type": "physical", "name": text,
            "latitude": 59.91, "longitude": 10.75,
            "addresses": [{"id": id(n * 10 + 3), "location_id": location, "address_1": text, "city": text,
                "region": text, "state_province": "Oslo", "postal_code": "0150", "country": "NO", "address_type": "physical"}]
        }],
        "services": [{
            "id": service, "organization_id": org, "name": format!("Service {n} {text}"),
            "alternate_name": text, "description": text, "url": url, "status": "active",
            "eligibility_description": text,
            "service_areas": [{"id": id(n * 10 + 4), "service_id": service, "name": "NO"}],
            "service_at_locations": [{"id": id(n * 10 + 5), "service_id": service, "location_id": location}],
            "phones": [{"id": id(n * 10 + 6), "service_id": service, "number": phone, "description": text}]
        }]
    })
}

/// Longer than any text field may be.
fn overlong() -> String {
    "x".repeat(5000)
}

/// Every hostile text (also in the email address) with a valid link and number, then every hostile
/// link and number with plain text, then an overlong text.
fn hostile_documents() -> Vec<Value> {
    let long = overlong();
    let plain =
        |url: &'static str, phone: &'static str| ("Plain text".to_string(), url, phone, "help@example.org".into());
    let texts = HOSTILE_TEXTS.iter().map(|t| (t.to_string(), PAGE, NUMBER, format!("{t}@example.org")));
    let urls = HOSTILE_URLS.iter().map(|u| plain(u, NUMBER));
    let phones = HOSTILE_PHONES.iter().map(|p| plain(PAGE, p));
    let long = std::iter::once((long, PAGE, NUMBER, "help@example.org".to_string()));
    let all = texts.chain(urls).chain(phones).chain(long);
    all.enumerate().map(|(n, (t, u, p, e))| document(n as u128 + 1, &t, u, p, &e)).collect()
}

const PAGE: &str = "https://example.org/page";
const NUMBER: &str = "+47 22 40 00 40";

/// The service of document `n` (1-based).
fn hostile_service(n: usize) -> Uuid {
    id(n as u128 * 10 + 1)
}

/// Whether `line` names the service of document `n` and its `field`: by the service's id (the gate),
/// or by the document and its path (the HSDS checks, which run first).
fn names(line: &str, n: usize, field: &str) -> bool {
    let by_id = line.contains(&hostile_service(n).to_string()) && line.contains(&format!("field `{field}`"));
    let by_place = line.contains(&format!("document {n} .services[0]")) && line.contains(&format!("field {field}"));
    by_id || by_place
}

/// The documents (1-based) of the hostile links, of the hostile numbers and of the overlong text.
fn url_documents() -> impl Iterator<Item = usize> {
    (1..=HOSTILE_URLS.len()).map(|i| HOSTILE_TEXTS.len() + i)
}

fn phone_documents() -> impl Iterator<Item = usize> {
    (1..=HOSTILE_PHONES.len()).map(|i| HOSTILE_TEXTS.len() + HOSTILE_URLS.len() + i)
}

const OVERLONG_DOCUMENT: usize = HOSTILE_TEXTS.len() + HOSTILE_URLS.len() + HOSTILE_PHONES.len() + 1;

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

fn write_corpus(dir: &Path, documents: Vec<Value>) -> String {
    let path = dir.join("hostile.json");
    std::fs::write(&path, Value::Array(documents).to_string()).expect("write");
    path.to_str().expect("utf-8").to_string()
}

#[test]
fn a_hostile_import_is_refused_naming_every_record_and_field() {
    let data = tempfile::tempdir().expect("tmp");
    let file = write_corpus(data.path(), hostile_documents());
    let out = helpatlas(&["import", &file], data.path());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("nothing was imported"), "{stderr}");
    // Links and addresses are refused by the HSDS checks, which name the document and its path.
    for n in url_documents() {
        assert!(stderr.lines().any(|l| names(l, n, "url")), "the url of document {n} is not named:\n{stderr}");
    }
    for n in 1..=HOSTILE_TEXTS.len() {
        let named = stderr.lines().any(|l| l.contains(&format!("document {n} field email")));
        assert!(named, "the email address of document {n} is not named:\n{stderr}");
    }
    // What those checks pass goes through the gate, which names the record by id and name.
    let rest: Vec<Value> = hostile_documents()
        .into_iter()
        .enumerate()
        .filter(|(i, _)| phone_documents().any(|n| n == i + 1) || i + 1 == OVERLONG_DOCUMENT)
        .map(|(_, d)| d)
        .collect();
    let file = write_corpus(data.path(), rest);
    let out = helpatlas(&["import", &file], data.path());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    for n in phone_documents() {
        let named = stderr.lines().any(|l| names(l, n, "channel.value"));
        assert!(named, "the number of document {n} is not named:\n{stderr}");
    }
    let named = stderr.lines().any(|l| names(l, OVERLONG_DOCUMENT, "name"));
    assert!(named, "the overlong name is not named:\n{stderr}");
    assert!(stderr.contains("not a number <b>"), "{stderr}");
}

/// `helpatlas serve` on `data_dir`, and its address.
struct Server(Child, String);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn serve(data_dir: &Path) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_helpatlas"))
        .args(["serve", "--bind", "127.0.0.1:0", "--data-dir"])
        .arg(data_dir)
        .env("HELPATLAS_LOG", "info")
        .env_remove("HELPATLAS_DATABASE")
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut lines = BufReader::new(child.stderr.take().expect("stderr")).lines();
    let addr = loop {
        let line = lines.next().expect("server logs its address").expect("utf-8");
        if let Some(i) = line.find("http://") {
            break line[i..].split(|c: char| c.is_whitespace() || c == '"').next().expect("address").to_string();
        }
    };
    // The rest of the log is not read; a thread drains it so that the server never blocks on it.
    std::thread::spawn(move || lines.for_each(drop));
    Server(child, addr)
}

/// One answer of the server.
struct Answer {
    status: u16,
    content_type: String,
    nosniff: bool,
    body: String,
}

/// What an API answer must not contain, whatever the data says: it is JSON that browsers must not
/// sniff as a page, and no link in it has a scheme a page may not carry.
fn assert_inert_json(what: &str, answer: &Answer) {
    let (content_type, nosniff, body) = (&answer.content_type, answer.nosniff, &answer.body);
    assert!(content_type.starts_with("application/json") && nosniff, "{what}: {content_type}, nosniff {nosniff}");
    assert!(!has_direction_override(body), "{what}: a direction override in the answer");
    let lower = body.to_ascii_lowercase();
    for scheme in ["javascript:", "vbscript:", "data:text"] {
        assert!(!lower.contains(scheme), "{what}: {scheme} in {body}");
    }
}

/// What a page must not contain, whatever the data says.
fn assert_inert(what: &str, body: &str) {
    assert!(!has_direction_override(body), "{what}: a direction override reached the page");
    let tags = Regex::new(r"<([a-zA-Z][a-zA-Z0-9]*)((?:[^>])*)>").expect("regex");
    let event = Regex::new(r#"(?i)\son[a-z]+\s*="#).expect("regex");
    for tag in tags.captures_iter(body) {
        let (name, attributes) = (tag[1].to_ascii_lowercase(), &tag[2]);
        assert!(!["img", "iframe", "object", "embed", "svg"].contains(&name.as_str()), "{what}: <{name}{attributes}>");
        assert!(!event.is_match(attributes), "{what}: an event handler in <{name}{attributes}>");
        if name == "script" {
            assert!(attributes.contains("src=\"/static/"), "{what}: an inline or foreign script <script{attributes}>");
        }
    }
    let href = Regex::new(r#"href="([^"]*)""#).expect("regex");
    for link in href.captures_iter(body) {
        let target = &link[1];
        let allowed =
            ["/", "#", "?", "https://", "http://", "tel:", "sms:", "mailto:"].iter().any(|p| target.starts_with(p));
        assert!(allowed && !target.to_ascii_lowercase().contains("script:"), "{what}: href=\"{target}\"");
    }
}

#[tokio::test]
async fn what_a_skipping_import_keeps_is_inert_on_every_page_and_in_every_answer() {
    let data = tempfile::tempdir().expect("tmp");
    let file = write_corpus(data.path(), hostile_documents());
    let out = helpatlas(&["import", &file, "--skip-invalid"], data.path());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    // Every dropped value is named with its record and field.
    let left_out: Vec<&str> = stdout.lines().filter(|l| l.starts_with("left out:")).collect();
    for n in url_documents() {
        assert!(left_out.iter().any(|l| names(l, n, "url")), "the url of document {n}:\n{stdout}");
    }
    for n in phone_documents() {
        assert!(left_out.iter().any(|l| names(l, n, "channel.value")), "the number of document {n}:\n{stdout}");
    }
    assert!(left_out.iter().any(|l| names(l, OVERLONG_DOCUMENT, "name")), "{stdout}");
    let server = serve(data.path());
    let client = reqwest::Client::new();
    let get = |path: String| {
        let client = client.clone();
        let base = server.1.clone();
        async move {
            let response = client.get(format!("{base}{path}")).send().await.expect("request");
            let header =
                |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
            let answer = Answer {
                status: response.status().as_u16(),
                content_type: header("content-type"),
                nosniff: header("x-content-type-options") == "nosniff",
                body: String::new(),
            };
            Answer { body: response.text().await.expect("body"), ..answer }
        }
    };
    let documents = hostile_documents();
    let mut shown = 0;
    for (n, _) in documents.iter().enumerate() {
        let service = hostile_service(n + 1);
        let page = get(format!("/services/{service}")).await;
        if page.status == 404 {
            continue;
        }
        shown += 1;
        assert_eq!(page.status, 200, "service {}", n + 1);
        assert_inert(&format!("service page {}", n + 1), &page.body);
        let answer = get(format!("/api/services/{service}")).await;
        assert_inert_json(&format!("API service {}", n + 1), &answer);
        let json: Value = serde_json::from_str(&answer.body).expect("JSON");
        if let Some(url) = json["url"].as_str() {
            assert!(url.starts_with("https://") || url.starts_with("http://"), "API url {url}");
        }
        let organization = json["organization_id"].as_str().unwrap_or_default().to_string();
        let answer = get(format!("/api/organizations/{organization}")).await;
        assert_inert_json(&format!("API organization {}", n + 1), &answer);
    }
    // All but the overlong one, whose name cannot be kept.
    assert_eq!(shown, documents.len() - 1, "services kept");
    for path in [
        "/no",
        "/no/in-person",
        "/no/search?q=service",
        "/api/services?per_page=100",
        "/api/search?country=NO&q=service",
    ] {
        let answer = get(path.to_string()).await;
        assert_eq!(answer.status, 200, "{path}");
        match path.starts_with("/api/") {
            true => assert_inert_json(path, &answer),
            false => assert_inert(path, &answer.body),
        }
    }
    // The isolated names: every hostile name is shown inside a direction isolate.
    let page = get(format!("/services/{}", hostile_service(4))).await.body;
    assert!(page.contains("<h1 dir=\"auto\">Service 4 Hjelpenilpleh</h1>"), "{page}");
}

#[test]
fn hidden_characters_are_taken_out_of_an_import_each_noted() {
    use helpatlas::hsds::source::{self, Input, Limits};
    let data = tempfile::tempdir().expect("tmp");
    let file = write_corpus(data.path(), hostile_documents());
    let Input::Hsds { tables, problems, .. } = source::read(Path::new(&file), &Limits::default()).expect("readable")
    else {
        panic!("HSDS")
    };
    let prepared = helpatlas::hsds::prepare(tables, problems, true, chrono::Utc::now());
    let service = hostile_service(4).to_string();
    for field in ["name", "alternate_name", "description", "eligibility.note", "channel.label"] {
        let noted = prepared.notes.iter().any(|n| n.contains(&service) && n.contains(&format!("field `{field}`")));
        assert!(noted, "{field} not noted: {:#?}", prepared.notes);
    }
    let kept = prepared.directory.services.iter().find(|s| s.id.to_string() == service).expect("kept");
    assert_eq!(kept.name, "Service 4 Hjelpenilpleh");
    for s in &prepared.directory.services {
        let texts = [&s.name, &s.description].into_iter().chain(s.alternate_name.as_ref());
        for text in texts {
            assert!(!has_direction_override(text) && !text.chars().any(char::is_control), "{text:?}");
        }
        assert!(s.url.iter().all(|u| u.starts_with("https://")), "{:?}", s.url);
    }
    for o in &prepared.directory.organizations {
        assert!(o.url.iter().all(|u| u.starts_with("https://")), "{:?}", o.url);
    }
}

const GOOD_FILE: &str = r#"
[[organization]]
slug = "xx-org"
name = "Example organisation"
url = "https://example.org"

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
eligibility = { note = "Anyone." }

[[service.channel]]
type = "phone"
value = "+47 116 123"
label = "Call"
"#;

/// A TOML string literal of `value`, escaping what TOML requires.
fn toml_string(value: &str) -> String {
    let mut out = String::from("\"");
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[test]
fn the_bundled_loader_refuses_every_hostile_value_naming_its_field() {
    let long = overlong();
    let hidden = |t: &&str| !clean_text(t, Lines::Many).removed.is_empty();
    let texts: Vec<&str> = HOSTILE_TEXTS.iter().copied().filter(hidden).chain([long.as_str()]).collect();
    assert_eq!(texts.len(), 5, "four texts with hidden characters and an overlong one");
    let text_fields = [
        ("name = \"Example line\"", "name"),
        ("description = \"A line.\"", "description"),
        ("note = \"Anyone.\"", "eligibility.note"),
        ("label = \"Call\"", "channel.label"),
        ("name = \"Example organisation\"", "name"),
    ];
    for text in &texts {
        for (line, field) in text_fields {
            let key = line.split(" = ").next().expect("key");
            let file = GOOD_FILE.replacen(line, &format!("{key} = {}", toml_string(text)), 1);
            let problems = helpatlas::bundled::parse_files(&[("hostile.toml", &file)]).expect_err("refused").0;
            assert!(problems.iter().any(|p| p.field == field), "{field} = {text:?}: {problems:?}");
        }
    }
    for url in HOSTILE_URLS.iter().chain(["http://example.org/plain"].iter()) {
        for (line, field) in
            [("source_url = \"https://example.org/line\"", "source_url"), ("url = \"https://example.org\"", "url")]
        {
            let key = line.split(" = ").next().expect("key");
            let file = GOOD_FILE.replacen(line, &format!("{key} = {}", toml_string(url)), 1);
            let problems = helpatlas::bundled::parse_files(&[("hostile.toml", &file)]).expect_err("refused").0;
            assert!(problems.iter().any(|p| p.field == field), "{field} = {url:?}: {problems:?}");
        }
    }
    for phone in HOSTILE_PHONES {
        let file = GOOD_FILE.replacen("\"+47 116 123\"", &toml_string(phone), 1);
        let problems = helpatlas::bundled::parse_files(&[("hostile.toml", &file)]).expect_err("refused").0;
        assert!(problems.iter().any(|p| p.field == "channel.value"), "{phone:?}: {problems:?}");
    }
}

#[test]
fn national_short_codes_pass_the_bundled_loader() {
    for (area, zone, number) in
        [("CY", "Asia/Nicosia", "+357 1410"), ("MT", "Europe/Malta", "+356 1579"), ("GR", "Europe/Athens", "+30 1018")]
    {
        let file = GOOD_FILE
            .replace("areas = [\"NO\"]", &format!("areas = [\"{area}\"]"))
            .replace("Europe/Oslo", zone)
            .replace("+47 116 123", number);
        let directory = helpatlas::bundled::parse_files(&[("short.toml", &file)]);
        assert!(directory.is_ok(), "{number}: {:?}", directory.err());
    }
}

#[test]
fn the_editors_forms_refuse_every_hostile_value_by_field() {
    let now = chrono::Utc::now();
    let long = overlong();
    let refused = |t: &&str| !clean_text(t, Lines::One).removed.is_empty();
    for text in HOSTILE_TEXTS.iter().copied().filter(refused).chain([long.as_str()]) {
        let draft = OrganizationDraft { name: text.into(), description: text.into(), ..OrganizationDraft::default() };
        let invalid = forms::organization(&draft, Uuid::nil(), now).expect_err("refused");
        assert!(!invalid.about("name").is_empty() && !invalid.about("description").is_empty(), "{text:?}: {invalid}");
    }
    let cx = forms::ServiceContext {
        id: Uuid::nil(),
        organization: None,
        locations: &[],
        place_names: &[],
        retired: None,
        translations: Default::default(),
        now,
    };
    for url in HOSTILE_URLS {
        let draft = OrganizationDraft { name: "Org".into(), url: url.into(), ..OrganizationDraft::default() };
        let invalid = forms::organization(&draft, Uuid::nil(), now).expect_err("refused");
        assert!(!invalid.about("url").is_empty(), "{url:?}: {invalid}");
        let draft = ServiceDraft {
            url: url.into(),
            source_url: url.into(),
            channels: vec![ChannelDraft { kind: "chat".into(), value: url.into(), ..ChannelDraft::default() }],
            ..ServiceDraft::default()
        };
        let invalid = forms::service(&draft, &cx).expect_err("refused");
        for field in ["url", "source_url", "channels[0].value"] {
            assert!(!invalid.about(field).is_empty(), "{field} = {url:?}: {invalid}");
        }
    }
    for phone in HOSTILE_PHONES {
        let draft = ServiceDraft {
            channels: vec![ChannelDraft { kind: "phone".into(), value: phone.into(), ..ChannelDraft::default() }],
            ..ServiceDraft::default()
        };
        let invalid = forms::service(&draft, &cx).expect_err("refused");
        assert!(!invalid.about("channels[0].value").is_empty(), "{phone:?}: {invalid}");
    }
}

#[test]
fn the_suggestion_form_refuses_every_hostile_value_by_field() {
    let long = overlong();
    let refused = |t: &&str| !clean_text(t, Lines::One).removed.is_empty();
    for text in HOSTILE_TEXTS.iter().copied().filter(refused).chain([long.as_str()]) {
        let form = SuggestionForm { name: text.into(), reach: "+47 22 40 00 40".into(), ..SuggestionForm::default() };
        let invalid = suggestion(&form).expect_err("refused");
        assert!(invalid.0.iter().any(|e| e.field == "name"), "{text:?}: {invalid}");
    }
    for url in HOSTILE_URLS {
        let form = SuggestionForm {
            name: "Line".into(),
            reach: "call".into(),
            source_url: url.into(),
            ..SuggestionForm::default()
        };
        let invalid = suggestion(&form).expect_err("refused");
        assert!(invalid.0.iter().any(|e| e.field == "source_url"), "{url:?}: {invalid}");
    }
}
