//! Editing through the editors' area over real HTTP: what an editor saves reaches the public pages,
//! has a history that can be reverted, never silently overwrites another editor's save, and bad
//! input is refused with what was typed kept.

mod common;

use common::browser::{hidden, signed_in, Browser};
use helpatlas::bundled::service_id;
use helpatlas::editing::draft::ServiceDraft;
use helpatlas::model::{Author, Directory, Role, Service};
use std::time::Duration;

/// The fields a browser sends for the edit form of `draft`, with `changes` applied.
fn fields(draft: &ServiceDraft, version: &str, changes: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = vec![
        ("version".into(), version.into()),
        ("organization_id".into(), draft.organization_id.clone()),
        ("name".into(), draft.name.clone()),
        ("alternate_name".into(), draft.alternate_name.clone()),
        ("kind".into(), draft.kind.clone()),
        ("description".into(), draft.description.clone()),
        ("url".into(), draft.url.clone()),
        ("languages".into(), draft.languages.clone()),
        ("cost".into(), draft.cost.clone()),
        ("moderation".into(), draft.moderation.clone()),
        ("areas".into(), draft.areas.clone()),
        ("timezone".into(), draft.timezone.clone()),
        ("min_age".into(), draft.min_age.clone()),
        ("max_age".into(), draft.max_age.clone()),
        ("referral".into(), draft.referral.clone()),
        ("eligibility_note".into(), draft.eligibility_note.clone()),
        ("source_url".into(), draft.source_url.clone()),
        ("source_date".into(), draft.source_date.clone()),
        ("verified_on".into(), draft.verified_on.clone()),
        ("status".into(), draft.status.clone()),
    ];
    for (name, values) in [
        ("forms", &draft.forms),
        ("topics", &draft.topics),
        ("audiences", &draft.audiences),
        ("delivered_by", &draft.delivered_by),
        ("location_ids", &draft.location_ids),
    ] {
        out.extend(values.iter().map(|v| (name.to_string(), v.clone())));
    }
    if draft.residents_only {
        out.push(("residents_only".into(), "1".into()));
    }
    for (i, c) in draft.channels.iter().enumerate() {
        for (part, value) in [
            ("kind", &c.kind),
            ("value", &c.value),
            ("label", &c.label),
            ("hours", &c.hours),
            ("exceptions", &c.exceptions),
        ] {
            out.push((format!("channels[{i}].{part}"), value.clone()));
        }
    }
    for (name, value) in changes {
        match out.iter_mut().find(|(k, _)| k == name) {
            Some(field) => field.1 = value.to_string(),
            None => out.push((name.to_string(), value.to_string())),
        }
    }
    out
}

async fn stored(app: &common::TestApp, slug: &str) -> Service {
    app.state.store.service(service_id(slug)).await.expect("read").expect("service")
}

/// Saves the edit form of the service `slug` with `changes`.
async fn save(browser: &mut Browser<'_>, slug: &str, changes: &[(&str, &str)]) -> common::browser::Answer {
    let id = service_id(slug);
    let page = browser.get(&format!("/admin/services/{id}")).await;
    assert_eq!(page.status, 200, "{}", page.body);
    let version = hidden(&page.body, "version").expect("version");
    let service = browser.app.state.store.service(id).await.expect("read").expect("service");
    let form = fields(&ServiceDraft::of(&service), &version, changes);
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let csrf = hidden(&page.body, "csrf").expect("csrf");
    let mut all = vec![("csrf", csrf.as_str())];
    all.extend(pairs);
    browser.post(&format!("/admin/services/{id}"), &all).await
}

/// Polls the public page until `check` holds (the index follows the store within a second or two).
async fn public_page_shows(app: &common::TestApp, path: &str, check: impl Fn(u16, &str) -> bool) -> bool {
    for _ in 0..100 {
        let (status, body) = app.page(path).await;
        if check(status, &body) {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    false
}

#[tokio::test]
async fn an_edit_reaches_the_public_page_has_a_history_and_can_be_reverted() {
    let app = common::spawn().await;
    let (mut editor, _) = signed_in(&app, "kari@example.org", Role::Editor).await;
    let id = service_id("gb-samaritans");
    let public = format!("/services/{id}");
    let answer = save(
        &mut editor,
        "gb-samaritans",
        &[("channels[0].hours", "Mo-Fr 09:00-17:00"), ("note", "new hours from the website")],
    )
    .await;
    assert_eq!(
        (answer.status, answer.location.clone()),
        (303, Some(format!("/admin/services/{id}?saved=1"))),
        "{}",
        answer.body
    );
    assert!(
        public_page_shows(&app, &public, |_, body| body.contains("Mon–Fri 09:00–17:00")).await,
        "the new hours are public"
    );
    let history = editor.get(&format!("/admin/services/{id}/history")).await.body;
    assert!(history.contains("edit by kari@example.org"), "{history}");
    assert!(history.contains("new hours from the website"));
    assert!(history.contains("channels 1 › hours") && history.contains("Mo,Tu,We,Th,Fr 09:00-17:00"));
    assert!(history.contains("create by bundled directory data"), "the bundled load is the first author");
    let current = hidden(&history, "version").expect("current version");
    let answer = editor
        .submit(
            &format!("/admin/services/{id}/history"),
            &format!("/admin/services/{id}/revert"),
            &[("version", &current), ("to", "1")],
        )
        .await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    assert!(public_page_shows(&app, &public, |_, body| body.contains("24 hours, every day")).await, "reverted");
    let history = editor.get(&format!("/admin/services/{id}/history")).await.body;
    assert!(history.contains("revert by kari@example.org") && history.contains("back to version 1"));
}

#[tokio::test]
async fn a_stale_form_is_refused_with_the_other_change_shown_and_the_typed_values_kept() {
    let app = common::spawn().await;
    let (mut first, _) = signed_in(&app, "first@example.org", Role::Editor).await;
    let (mut second, _) = signed_in(&app, "second@example.org", Role::Editor).await;
    let id = service_id("gb-samaritans");
    let before = stored(&app, "gb-samaritans").await;
    let stale_page = second.get(&format!("/admin/services/{id}")).await;
    let stale_version = hidden(&stale_page.body, "version").expect("version");
    assert_eq!(save(&mut first, "gb-samaritans", &[("name", "Samaritans (first)")]).await.status, 303);
    let form = fields(&ServiceDraft::of(&before), &stale_version, &[("description", "Typed by the second editor.")]);
    let csrf = hidden(&stale_page.body, "csrf").expect("csrf");
    let mut pairs: Vec<(&str, &str)> = vec![("csrf", &csrf)];
    pairs.extend(form.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let answer = second.post(&format!("/admin/services/{id}"), &pairs).await;
    assert_eq!(answer.status, 409);
    assert!(answer.body.contains("first@example.org saved this record"), "{}", answer.body);
    assert!(answer.body.contains("Samaritans (first)"), "their change is shown");
    assert!(answer.body.contains("Typed by the second editor."), "what was typed is kept");
    assert_eq!(stored(&app, "gb-samaritans").await.name, "Samaritans (first)", "nothing overwritten");
    let newer = hidden(&answer.body, "version").expect("version");
    assert_ne!(newer, stale_version, "the form is now based on the current version");
    let mut resend: Vec<(&str, &str)> =
        pairs.iter().map(|(k, v)| if *k == "version" { (*k, newer.as_str()) } else { (*k, *v) }).collect();
    resend.retain(|(k, _)| *k != "version");
    resend.push(("version", &newer));
    assert_eq!(
        second.post(&format!("/admin/services/{id}"), &resend).await.status,
        303,
        "sent again knowingly, it saves"
    );
    assert_eq!(stored(&app, "gb-samaritans").await.description, "Typed by the second editor.");
}

#[tokio::test]
async fn invalid_input_is_shown_by_its_field_with_what_was_typed_and_nothing_is_saved() {
    let app = common::spawn().await;
    let (mut editor, _) = signed_in(&app, "kari@example.org", Role::Editor).await;
    let before = stored(&app, "gb-samaritans").await;
    let answer = save(
        &mut editor,
        "gb-samaritans",
        &[
            ("name", "  "),
            ("url", "javascript:alert(1)"),
            ("channels[0].hours", "Mo-Fr 9-17"),
            ("description", "Kept as typed"),
        ],
    )
    .await;
    assert_eq!(answer.status, 422);
    for message in ["must not be empty", "`javascript:alert(1)` is not an https URL", "`9` is not a time of day"] {
        assert!(answer.body.contains(message), "{message}");
    }
    assert!(answer.body.contains("Kept as typed") && answer.body.contains("Mo-Fr 9-17"), "typed values kept");
    assert!(answer.body.contains(r#"aria-invalid="true" aria-describedby="e-url""#));
    assert_eq!(stored(&app, "gb-samaritans").await, before, "nothing half-saved");
}

const XSS: [&str; 5] = [
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "' onmouseover='alert(1)",
    "<svg/onload=alert(1)>",
    "javascript:alert(1)",
];

#[tokio::test]
async fn markup_saved_in_any_text_field_is_shown_as_text_and_dangerous_links_are_refused() {
    let app = common::spawn().await;
    let (mut editor, _) = signed_in(&app, "kari@example.org", Role::Editor).await;
    let id = service_id("gb-samaritans");
    for payload in XSS {
        let text = format!("Samaritans {payload}");
        let answer = save(
            &mut editor,
            "gb-samaritans",
            &[
                ("name", &text),
                ("alternate_name", payload),
                ("description", payload),
                ("eligibility_note", payload),
                ("channels[0].label", payload),
            ],
        )
        .await;
        assert_eq!(answer.status, 303, "{payload}: {}", answer.body);
        assert!(
            public_page_shows(&app, &format!("/services/{id}"), |_, body| body.contains("Samaritans ")
                && !body.contains("24 hours, every day")
                || body.contains(&askama_escaped(payload)))
            .await
        );
        for path in [
            format!("/services/{id}"),
            format!("/admin/services/{id}"),
            format!("/admin/services/{id}/history"),
            "/admin/services?q=samaritans".to_string(),
        ] {
            let body = if path.starts_with("/admin") { editor.get(&path).await.body } else { app.page(&path).await.1 };
            for raw in ["<script>alert", "<img src=x", "<svg/onload", "onmouseover='alert"] {
                assert!(!body.contains(raw), "{path} shows `{raw}` unescaped");
            }
        }
    }
    for (field, value) in [
        ("url", "javascript:alert(1)"),
        ("source_url", "data:text/html,<b>x</b>"),
        ("channels[0].value", "javascript:alert(1)"),
        ("name", "Evil\u{202E}gnp.exe"),
        ("description", "a\u{0}b"),
    ] {
        let answer = save(&mut editor, "gb-samaritans", &[(field, value)]).await;
        assert_eq!(answer.status, 422, "{field} = {value:?} is refused");
    }
}

fn askama_escaped(text: &str) -> String {
    text.replace('&', "&#38;").replace('<', "&#60;").replace('>', "&#62;").replace('"', "&#34;").replace('\'', "&#39;")
}

#[tokio::test]
async fn a_retired_service_leaves_search_and_the_api_and_comes_back_when_restored() {
    let app = common::spawn().await;
    let (mut editor, _) = signed_in(&app, "kari@example.org", Role::Editor).await;
    let id = service_id("gb-samaritans");
    let page = format!("/admin/services/{id}/retire");
    let version = hidden(&editor.get(&page).await.body, "version").expect("version");
    let answer = editor
        .submit(&page, &page, &[("version", &version), ("status", "defunct"), ("reason", "The line closed in 2026.")])
        .await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    assert!(public_page_shows(&app, &format!("/services/{id}"), |status, _| status == 404).await);
    assert!(!app.page("/gb/helplines").await.1.contains(&id.to_string()));
    assert!(!app.page("/api/services?per_page=1000").await.1.contains(&id.to_string()));
    assert!(editor.get("/admin/retired").await.body.contains("Samaritans helpline"));
    let version = hidden(&editor.get(&page).await.body, "version").expect("version");
    let answer = editor
        .submit(&page, &format!("/admin/services/{id}/restore"), &[("version", &version), ("note", "It reopened.")])
        .await;
    assert_eq!(answer.status, 303);
    assert!(public_page_shows(&app, &format!("/services/{id}"), |status, _| status == 200).await);
    assert!(public_page_shows(&app, "/gb/helplines", |_, body| body.contains(&id.to_string())).await);
    let history = editor.get(&format!("/admin/services/{id}/history")).await.body;
    assert!(history.contains("retire by kari@example.org") && history.contains("restore by kari@example.org"));
}

#[tokio::test]
async fn a_holiday_closure_closes_the_chosen_channels_on_its_days() {
    let app = common::spawn().await;
    let (mut editor, _) = signed_in(&app, "kari@example.org", Role::Editor).await;
    let id = service_id("gb-samaritans");
    let page = format!("/admin/services/{id}/closures");
    let form = editor.get(&page).await.body;
    let version = hidden(&form, "version").expect("version");
    let today = chrono::Utc::now().with_timezone(&chrono_tz::Europe::London).date_naive();
    let from = (today - chrono::Days::new(1)).to_string();
    let to = (today + chrono::Days::new(1)).to_string();
    let answer =
        editor.submit(&page, &page, &[("version", &version), ("from", &from), ("to", &to), ("channel", "0")]).await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    let service = stored(&app, "gb-samaritans").await;
    let exceptions = &service.channels[0].hours.as_ref().expect("hours").exceptions;
    assert_eq!(exceptions.len(), 3, "one closed day each");
    // The day as the page's language writes it (English for a British service).
    let shown = helpatlas::i18n::english().date(today);
    assert!(
        public_page_shows(&app, &format!("/services/{id}"), |_, body| body.contains(&format!("{shown}: closed"))).await
    );
    assert!(!service.channels[0]
        .availability(service.timezone, chrono::Utc::now())
        .eq(&helpatlas::model::Availability::Open));
    let bad = editor
        .submit(
            &page,
            &page,
            &[
                ("version", &(version.parse::<i64>().expect("n") + 1).to_string()),
                ("from", "2026-02-30"),
                ("channel", "0"),
            ],
        )
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.body.contains("is not a date"));
}

#[tokio::test]
async fn verifying_records_who_when_and_which_source_and_the_dashboard_follows() {
    let app = common::spawn().await;
    let (mut editor, _) = signed_in(&app, "kari@example.org", Role::Editor).await;
    let mut old = stored(&app, "gb-samaritans").await;
    old.verified_on = chrono::NaiveDate::from_ymd_opt(2020, 1, 2).expect("date");
    app.state
        .store
        .upsert(&Directory { services: vec![old.clone()], ..Directory::default() }, &Author::System)
        .await
        .expect("upsert");
    let dashboard = editor.get("/admin?country=GB").await.body;
    assert!(
        dashboard.contains("Samaritans helpline")
            && dashboard.contains("2020-01-02")
            && dashboard.contains("(overdue)"),
        "{dashboard}"
    );
    assert!(
        public_page_shows(&app, &format!("/services/{}", old.id), |_, body| body
            .contains("not been checked against its source for over 12 months"))
        .await
    );
    let page = format!("/admin/services/{}/verify", old.id);
    let version = hidden(&editor.get(&page).await.body, "version").expect("version");
    let answer = editor
        .submit(
            &page,
            &page,
            &[
                ("version", &version),
                ("source_url", "https://www.samaritans.org/how-we-can-help/contact-samaritan/"),
                ("note", "phoned them"),
            ],
        )
        .await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    let now = stored(&app, "gb-samaritans").await;
    assert_eq!(now.verified_on, chrono::Utc::now().date_naive());
    assert_eq!(now.status, helpatlas::model::VerificationStatus::Verified);
    let history = editor.get(&format!("/admin/services/{}/history", old.id)).await.body;
    assert!(
        history.contains("verify by kari@example.org")
            && history
                .contains("checked against https://www.samaritans.org/how-we-can-help/contact-samaritan/: phoned them")
    );
    assert!(!editor.get("/admin?country=GB").await.body.contains("Samaritans helpline"), "no longer due");
    assert!(
        public_page_shows(&app, &format!("/services/{}", old.id), |_, body| !body.contains("over 12 months")).await
    );
}

#[tokio::test]
async fn new_organizations_locations_and_services_can_be_created() {
    let app = common::spawn().await;
    let (mut editor, _) = signed_in(&app, "kari@example.org", Role::Editor).await;
    let answer = editor
        .submit(
            "/admin/organizations/new",
            "/admin/organizations/new",
            &[("name", "Fjordhjelp"), ("url", "https://fjordhjelp.example.org")],
        )
        .await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    let organization = answer
        .location
        .expect("location")
        .trim_start_matches("/admin/organizations/")
        .trim_end_matches("?saved=1")
        .to_string();
    let answer = editor
        .submit(
            "/admin/locations/new",
            "/admin/locations/new",
            &[
                ("organization_id", &organization),
                ("name", "Bergen office"),
                ("country", "NO"),
                ("lat", "60.39"),
                ("lon", "5.32"),
                ("city", "Bergen"),
            ],
        )
        .await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    let draft = ServiceDraft {
        organization_id: organization.clone(),
        name: "Fjordhjelp chat".into(),
        kind: "helplines".into(),
        description: "A chat for people in Vestland.".into(),
        areas: "NO-46".into(),
        timezone: "Europe/Oslo".into(),
        source_url: "https://fjordhjelp.example.org/chat".into(),
        verified_on: "2026-01-05".into(),
        status: "verified".into(),
        channels: vec![helpatlas::editing::draft::ChannelDraft {
            kind: "chat".into(),
            value: "https://fjordhjelp.example.org/chat".into(),
            hours: "Mo-Fr 18:00-22:00".into(),
            ..Default::default()
        }],
        ..ServiceDraft::default()
    };
    let form = fields(&draft, "", &[]);
    let mut pairs: Vec<(&str, &str)> =
        form.iter().filter(|(k, _)| k != "version").map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let page = editor.get(&format!("/admin/services/new?organization={organization}")).await.body;
    let csrf = hidden(&page, "csrf").expect("csrf");
    pairs.push(("csrf", &csrf));
    let answer = editor.post("/admin/services/new", &pairs).await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    assert!(public_page_shows(&app, "/no/helplines?region=NO-46", |_, body| body.contains("Fjordhjelp chat")).await);
}

#[tokio::test]
async fn the_bundled_data_retires_what_it_dropped_and_leaves_editors_changes_alone() {
    let dir = tempfile::tempdir().expect("tmp");
    let data = helpatlas::config::DataConfig { data_dir: dir.path().to_path_buf(), database: None };
    let store = helpatlas::app::open_store(&data).await.expect("store");
    helpatlas::app::sync_bundled(store.as_ref()).await.expect("first start");
    let mut directory = store.load_directory().await.expect("load");
    let mut dropped =
        directory.services.iter().find(|s| s.id == service_id("gb-samaritans")).expect("samaritans").clone();
    dropped.id = uuid::Uuid::new_v4();
    dropped.name = "A service a later release no longer has".into();
    store
        .upsert(&Directory { services: vec![dropped.clone()], ..Directory::default() }, &Author::Bundled)
        .await
        .expect("as if bundled");
    let edited =
        directory.services.iter_mut().find(|s| s.id == service_id("no-mental-helse-hjelpetelefonen")).map(|s| {
            s.description = "Changed by an editor.".into();
            s.clone()
        });
    let edited = edited.unwrap_or_else(|| {
        let s = &mut directory.services[0];
        s.description = "Changed by an editor.".into();
        s.clone()
    });
    let editor = Author::User { id: uuid::Uuid::now_v7(), email: "kari@example.org".into() };
    store.upsert(&Directory { services: vec![edited.clone()], ..Directory::default() }, &editor).await.expect("edit");
    store.set_setting("bundled_directory_fingerprint", "an older release").await.expect("pretend a new release");
    helpatlas::app::sync_bundled(store.as_ref()).await.expect("next start");
    let retired = store.service(dropped.id).await.expect("read").expect("kept, not deleted");
    assert_eq!(retired.retired.map(|r| r.reason), Some("Removed from the bundled directory data.".to_string()));
    assert_eq!(store.service(edited.id).await.expect("read").expect("service").description, "Changed by an editor.");
    let history = store.revisions(helpatlas::model::RecordKind::Service, dropped.id).await.expect("history");
    assert_eq!(history.last().map(|r| r.author.clone()), Some(Author::Bundled));
    store.close().await;
}

/// The rows of the CSV file `file` of a data package as maps of column to value.
fn csv_rows(dir: &std::path::Path, file: &str) -> Vec<std::collections::HashMap<String, String>> {
    let mut reader = csv::Reader::from_path(dir.join(format!("{file}.csv"))).expect(file);
    let header = reader.headers().expect("header").clone();
    reader
        .records()
        .map(|r| header.iter().map(String::from).zip(r.expect("row").iter().map(String::from)).collect())
        .collect()
}

#[tokio::test]
async fn exports_carry_the_history_as_hsds_metadata_without_editors_addresses() {
    use helpatlas::hsds::Form;
    use helpatlas::transfer::{export, ExportForm};
    let app = common::spawn().await;
    let (mut editor, _) = signed_in(&app, "kari@example.org", Role::Editor).await;
    let id = service_id("gb-samaritans");
    let answer = save(&mut editor, "gb-samaritans", &[("channels[0].hours", "Mo-Fr 09:00-17:00")]).await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    let editor_id = app.state.store.revisions(helpatlas::model::RecordKind::Service, id).await.expect("history")[1]
        .author
        .reference()
        .expect("an editor's id");

    let tmp = tempfile::tempdir().expect("tmp");
    let json = tmp.path().join("export.json");
    export(app.state.store.as_ref(), &json, ExportForm::Hsds(Form::Json)).await.expect("json export");
    let text = std::fs::read_to_string(&json).expect("export");
    assert!(!text.contains("kari@example.org"), "an export never names an editor's address");
    let documents: serde_json::Value = serde_json::from_str(&text).expect("json");
    let service = documents
        .as_array()
        .expect("array")
        .iter()
        .flat_map(|o| o["services"].as_array().expect("services").iter())
        .find(|s| s["id"] == id.to_string())
        .expect("the service");
    let rows = service["metadata"].as_array().expect("the service's metadata");
    let created = &rows[0];
    assert_eq!(
        (created["last_action_type"].as_str(), created["field_name"].as_str()),
        (Some("create"), Some("record"))
    );
    assert_eq!(created["updated_by"], "bundled directory data");
    let hours = rows.iter().find(|r| r["field_name"] == "channels 1 › hours").expect("the edited field");
    assert_eq!(hours["last_action_type"], "edit");
    assert_eq!(hours["previous_value"], "24/7");
    assert_eq!(hours["replacement_value"], "Mo,Tu,We,Th,Fr 09:00-17:00");
    assert_eq!(hours["updated_by"], format!("editor {editor_id}"));
    assert_eq!(hours["resource_id"], id.to_string());
    assert_eq!(hours["resource_type"], "service");
    assert_eq!(hours["last_action_date"], chrono::Utc::now().date_naive().to_string());

    let package = tmp.path().join("package");
    export(app.state.store.as_ref(), &package, ExportForm::Hsds(Form::DataPackage)).await.expect("package export");
    let table = csv_rows(&package, "metadata");
    let of_service: Vec<_> = table.iter().filter(|r| r["resource_id"] == id.to_string()).collect();
    assert_eq!(of_service.len(), rows.len(), "the package and the documents carry the same change records");
    assert!(of_service.iter().any(|r| r["field_name"] == "channels 1 › hours" && r["previous_value"] == "24/7"));
    assert!(table.iter().all(|r| r.values().all(|v| !v.is_empty())), "every column of metadata is required");
    let organizations = csv_rows(&package, "organizations").len();
    let creations =
        table.iter().filter(|r| r["resource_type"] == "organization" && r["field_name"] == "record").count();
    assert_eq!(creations, organizations, "every organization has its creation record");
}
