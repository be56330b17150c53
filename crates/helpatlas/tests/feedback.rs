//! The public's reports and suggestions over real HTTP, and the editors' queue: what is stored (only
//! what was typed), what is refused (bad input, spam traps, too many forms) and kept on the page, no
//! cookie ever, urgent reports first, grouping, filters, bulk actions, and accepting.

mod common;

use common::browser::{hidden, signed_in};
use helpatlas::bundled::service_id;
use helpatlas::model::Role;
use helpatlas::moderation::guard::Limits;
use helpatlas::moderation::{Content, IntakeSettings, Status};
use helpatlas::store::QueueQuery;
use std::time::Duration;

fn settings(min_fill_seconds: i64, per_client: u32) -> IntakeSettings {
    IntakeSettings {
        min_fill: chrono::Duration::seconds(min_fill_seconds),
        limits: Limits { per_client, total: 1000, window: Duration::from_secs(600) },
        trust_proxy: false,
    }
}

struct Answer {
    status: u16,
    location: Option<String>,
    cookie: bool,
    retry_after: Option<String>,
    body: String,
}

async fn send(app: &common::TestApp, path: &str, form: &[(&str, &str)]) -> Answer {
    let body = url::form_urlencoded::Serializer::new(String::new()).extend_pairs(form).finish();
    let response = app
        .client
        .post(format!("{}{path}", app.base))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .expect("request");
    let header = |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_string);
    Answer {
        status: response.status().as_u16(),
        location: header("location"),
        cookie: response.headers().get("set-cookie").is_some(),
        retry_after: header("retry-after"),
        body: response.text().await.expect("body"),
    }
}

/// Loads the form at `path` (checking it sets no cookie) and sends it with its token and `fields`.
async fn fill(app: &common::TestApp, path: &str, fields: &[(&str, &str)]) -> Answer {
    let page = app.get(path).await;
    assert!(page.headers().get("set-cookie").is_none(), "{path} sets no cookie");
    let body = page.text().await.expect("body");
    let token = hidden(&body, "token").expect("the form has a token");
    let mut all = vec![("token", token.as_str())];
    all.extend_from_slice(fields);
    send(app, path, &all).await
}

async fn stored(app: &common::TestApp) -> Vec<helpatlas::moderation::Submission> {
    app.state.store.queue(&QueueQuery { limit: 100, ..QueueQuery::default() }).await.expect("queue")
}

#[tokio::test]
async fn a_report_keeps_only_what_was_typed_and_the_confirmation_lists_open_crisis_lines() {
    let app = common::spawn_full(None, settings(0, 100)).await;
    let id = service_id("gb-samaritans");
    let (_, service_page) = app.page(&format!("/services/{id}")).await;
    assert!(service_page.contains(&format!("/services/{id}/report")), "the service page links to the form");
    let answer = fill(
        &app,
        &format!("/services/{id}/report"),
        &[
            ("reason", "number-does-not-work"),
            ("channel", "0"),
            ("detail", "rang three times, no answer"),
            ("contact", ""),
        ],
    )
    .await;
    assert_eq!(
        (answer.status, answer.location.as_deref()),
        (303, Some(format!("/services/{id}/report/sent?hl=en").as_str())),
        "{}",
        answer.body
    );
    assert!(!answer.cookie);
    let list = stored(&app).await;
    assert_eq!(list.len(), 1);
    let report = &list[0];
    assert_eq!((report.service_id, report.country.as_str(), report.urgent), (Some(id), "GB", true));
    let Content::Report(text) = &report.content else { panic!("a report") };
    assert_eq!((text.detail.as_str(), text.contact.as_str()), ("rang three times, no answer", ""));
    let confirmation = app.get(&format!("/services/{id}/report/sent")).await;
    assert!(confirmation.headers().get("set-cookie").is_none());
    let body = confirmation.text().await.expect("body");
    assert!(body.contains("your report was sent") && body.contains("class=\"crisis\""), "{body}");
    assert!(body.contains("If you need to talk to someone now"));
}

#[tokio::test]
async fn bad_input_is_refused_by_field_and_what_was_typed_comes_back() {
    let app = common::spawn_full(None, settings(0, 100)).await;
    let long = "n".repeat(201);
    let answer = fill(
        &app,
        "/gb/suggest",
        &[
            ("name", long.as_str()),
            ("reach", ""),
            ("who", "teens\u{0007}"),
            ("place", "Leeds"),
            ("source_url", "javascript:alert(1)"),
            ("contact", "not-an-address"),
        ],
    )
    .await;
    assert_eq!(answer.status, 422);
    for expected in ["at most 200", "is empty", "U+0007", "not a web address", "not an email address"] {
        assert!(answer.body.contains(expected), "{expected} in {}", answer.body);
    }
    for typed in [long.as_str(), "Leeds", "javascript:alert(1)", "not-an-address"] {
        assert!(answer.body.contains(typed), "{typed} kept");
    }
    let id = service_id("gb-samaritans");
    let answer = fill(&app, &format!("/services/{id}/report"), &[("detail", "it is <b>wrong</b>")]).await;
    assert_eq!(answer.status, 422);
    assert!(
        answer.body.contains("choose what is wrong") && answer.body.contains("it is &#60;b&#62;wrong&#60;/b&#62;"),
        "{}",
        answer.body
    );
    assert!(stored(&app).await.is_empty(), "nothing stored");
}

#[tokio::test]
async fn spam_traps_refuse_without_storing() {
    let app = common::spawn_full(None, settings(0, 100)).await;
    let id = service_id("gb-samaritans");
    let path = format!("/services/{id}/report");
    let trapped = fill(&app, &path, &[("reason", "closed"), ("website", "https://spam.example")]).await;
    assert_eq!(trapped.status, 422);
    assert!(trapped.body.contains("Leave this empty"));
    let forged = send(&app, &path, &[("token", "1700000000000.00ff"), ("reason", "closed")]).await;
    assert_eq!(forged.status, 422);
    assert!(forged.body.contains("not one of ours"), "{}", forged.body);
    let suggest_page = app.page("/gb/suggest").await.1;
    let other_form = hidden(&suggest_page, "token").expect("token");
    let reused = send(&app, &path, &[("token", other_form.as_str()), ("reason", "closed")]).await;
    assert_eq!(reused.status, 422, "a token is good for its own form only");
    assert!(stored(&app).await.is_empty());

    let patient = common::spawn_full(None, settings(3600, 100)).await;
    let fast = fill(&patient, &path, &[("reason", "closed"), ("detail", "typed in no time")]).await;
    assert_eq!(fast.status, 422);
    assert!(fast.body.contains("within 3600 seconds") && fast.body.contains("typed in no time"), "{}", fast.body);
    assert!(stored(&patient).await.is_empty());
}

#[tokio::test]
async fn too_many_forms_get_a_readable_429_page() {
    let app = common::spawn_full(None, settings(0, 2)).await;
    let fields = [("name", "Night line"), ("reach", "+44 20 7946 0958")];
    for _ in 0..2 {
        assert_eq!(fill(&app, "/gb/suggest", &fields).await.status, 303);
    }
    let refused = fill(&app, "/gb/suggest", &fields).await;
    assert_eq!(refused.status, 429);
    assert!(refused.retry_after.is_some_and(|s| s.parse::<u64>().is_ok_and(|s| s > 0)));
    assert!(refused.body.contains("Too many forms sent") && refused.body.contains("class=\"crisis\""));
    assert_eq!(stored(&app).await.len(), 2);
}

#[tokio::test]
async fn the_queue_puts_urgent_reports_first_groups_by_service_filters_and_acts_in_bulk() {
    let app = common::spawn_full(None, settings(0, 100)).await;
    let crisis = service_id("gb-samaritans");
    let other = service_id("no-mental-helse-hjelpetelefonen");
    fill(&app, &format!("/services/{other}/report"), &[("reason", "wrong-hours"), ("detail", "closes at 22")]).await;
    for detail in ["no answer at 3am", "still no answer"] {
        let answer = fill(
            &app,
            &format!("/services/{crisis}/report"),
            &[("reason", "number-does-not-work"), ("detail", detail)],
        )
        .await;
        assert_eq!(answer.status, 303, "{}", answer.body);
    }
    fill(&app, "/gb/suggest", &[("name", "Leeds night line"), ("reach", "+44 113 000 0000")]).await;
    let (mut editor, _) = signed_in(&app, "kari@example.org", Role::Editor).await;
    let queue = editor.get("/admin/queue").await;
    assert_eq!(queue.status, 200);
    let urgent = queue.body.find("Urgent:").expect("an urgent group");
    let hours = queue.body.find("closes at 22").expect("the other report");
    assert!(urgent < hours, "urgent first");
    assert!(queue.body.contains("2 reports"), "two reports about one service are one group");
    let suggestions = editor.get("/admin/queue?type=suggestion").await;
    assert!(suggestions.body.contains("Leeds night line") && !suggestions.body.contains("no answer at 3am"));
    let by_reason = editor.get("/admin/queue?reason=wrong-hours").await;
    assert!(by_reason.body.contains("closes at 22") && !by_reason.body.contains("Leeds night line"));
    let by_country = editor.get("/admin/queue?country=NO").await;
    assert!(by_country.body.contains("closes at 22") && !by_country.body.contains("no answer at 3am"));
    assert_eq!(editor.get("/admin/queue?age=ancient").await.status, 400);

    let list = stored(&app).await;
    let crisis_reports: Vec<String> =
        list.iter().filter(|s| s.service_id == Some(crisis)).map(|s| s.id.to_string()).collect();
    let suggestion = list.iter().find(|s| s.service_id.is_none()).expect("suggestion").id;
    let csrf = hidden(&queue.body, "csrf").expect("csrf");
    let duplicate = editor
        .post(
            "/admin/queue",
            &[("csrf", &csrf), ("action", "duplicate"), ("ids", &crisis_reports[0]), ("ids", &crisis_reports[1])],
        )
        .await;
    assert_eq!(duplicate.status, 303, "{}", duplicate.body);
    let spam =
        editor.post("/admin/queue", &[("csrf", &csrf), ("action", "spam"), ("ids", &suggestion.to_string())]).await;
    assert_eq!(spam.status, 303);
    let after = stored(&app).await;
    let status_of = |id: &str| after.iter().find(|s| s.id.to_string() == id).map(|s| s.status);
    assert_eq!(status_of(&crisis_reports[0]), Some(Status::Open), "the oldest stays open");
    assert_eq!(status_of(&crisis_reports[1]), Some(Status::Duplicate));
    let junk = after.iter().find(|s| s.id == suggestion).expect("kept");
    assert_eq!((junk.status, &junk.content), (Status::Spam, &Content::Suggestion(Default::default())));
    let none = editor.post("/admin/queue", &[("csrf", &csrf), ("action", "spam")]).await;
    assert_eq!(none.status, 422, "nothing chosen");
}

/// Polls `path` until `check` holds: the public pages follow an edit within a second or two.
async fn public_page_shows(app: &common::TestApp, path: &str, check: impl Fn(&str) -> bool) -> bool {
    for _ in 0..100 {
        if check(&app.page(path).await.1) {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    false
}

#[tokio::test]
async fn accepting_opens_the_reported_field_and_an_accepted_suggestion_is_published() {
    let app = common::spawn_full(None, settings(0, 100)).await;
    let crisis = service_id("gb-samaritans");
    fill(
        &app,
        &format!("/services/{crisis}/report"),
        &[("reason", "wrong-hours"), ("channel", "0"), ("detail", "opens at 8")],
    )
    .await;
    fill(
        &app,
        "/gb/suggest",
        &[
            ("name", "Harbour Night Line"),
            ("kind", "helplines"),
            ("reach", "+44 20 7946 0958"),
            ("who", "adults in Leeds"),
        ],
    )
    .await;
    let list = stored(&app).await;
    let report = list.iter().find(|s| s.service_id.is_some()).expect("report").id;
    let suggestion = list.iter().find(|s| s.service_id.is_none()).expect("suggestion").id;
    let (mut editor, _) = signed_in(&app, "kari@example.org", Role::Editor).await;

    let page = editor.get(&format!("/admin/queue/{report}")).await;
    let csrf = hidden(&page.body, "csrf").expect("csrf");
    let accepted = editor.post(&format!("/admin/queue/{report}"), &[("csrf", &csrf), ("action", "accept")]).await;
    let location = accepted.location.expect("to the record");
    assert_eq!(location, format!("/admin/services/{crisis}?report={report}#f-channels[0].value"));
    let form = editor.get(location.split('#').next().expect("path")).await;
    assert!(form.body.contains("from the public") && form.body.contains("opens at 8"), "{}", form.body);
    assert!(form.body.contains("id=\"f-channels[0].value\""), "the reported field is there to be marked");
    assert!(
        form.body.contains(&format!("value=\"report {}", &report.simple().to_string()[..8])),
        "the history note names the report"
    );

    let accepted = editor.post(&format!("/admin/queue/{suggestion}"), &[("csrf", &csrf), ("action", "accept")]).await;
    assert_eq!(accepted.location, Some(format!("/admin/queue/{suggestion}/organization")));
    let made = editor
        .post(
            &format!("/admin/queue/{suggestion}/organization"),
            &[("csrf", &csrf), ("name", "Harbour Trust"), ("description", "A charity."), ("url", "")],
        )
        .await;
    let draft_path = made.location.unwrap_or_else(|| panic!("{} {}", made.status, made.body));
    let draft = editor.get(&draft_path).await;
    assert!(
        draft.body.contains("value=\"Harbour Night Line\"") && draft.body.contains("+44 20 7946 0958"),
        "{}",
        draft.body
    );
    let organization = draft_path
        .split("organization=")
        .nth(1)
        .and_then(|rest| rest.split('&').next())
        .expect("organization")
        .to_string();
    let today = chrono::Utc::now().date_naive().to_string();
    let saved = editor
        .post(
            "/admin/services/new",
            &[
                ("csrf", &csrf),
                ("organization_id", &organization),
                ("name", "Harbour Night Line"),
                ("kind", "helplines"),
                ("description", "A listening line at night."),
                ("areas", "GB"),
                ("timezone", "Europe/London"),
                ("languages", "en"),
                ("channels[0].kind", "phone"),
                ("channels[0].value", "+44 20 7946 0958"),
                ("channels[0].hours", "24/7"),
                ("source_url", "https://example.org/harbour"),
                ("verified_on", &today),
                ("status", "verified"),
                ("note", &format!("from public suggestion {}", &suggestion.simple().to_string()[..8])),
            ],
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert!(
        public_page_shows(&app, "/gb/search?q=harbour", |body| body.contains("Harbour Night Line")).await,
        "published"
    );
    let log = app.state.store.audit_log(Some("submission-accepted"), None, 10).await.expect("audit");
    assert_eq!(log.len(), 2, "both outcomes are in the audit log");
}
