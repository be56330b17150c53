//! Following feeds between servers on loopback: a Help Atlas server publishing its HSDS API and
//! another following it, a static HSDS publisher (a JSON file and a data package zip served by a
//! plain HTTP server, with ETags), and publishers that misbehave (invalid data, no answer, a redirect
//! loop, gigabytes). Records arrive, change and are retired; unchanged feeds answer 304; failed pulls
//! change nothing and say why; a local editor's change survives the next pull.

mod common;

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use common::postgres::{drop_postgres, fresh_postgres};
use helpatlas::feeds::{self, FeedError, FeedSettings, Subscription};
use helpatlas::model::{
    Action, Author, CountryCode, Directory, Feed, LinkStatus, PullOutcome, Record, RecordKind, RetiredStatus,
    Retirement, Role, Service,
};
use helpatlas::store::{Edit, Store};
use helpatlas::{app, bundled, hsds};
use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::net::TcpListener;
use uuid::Uuid;

fn settings() -> FeedSettings {
    FeedSettings {
        limits: hsds::source::Limits { max_bytes: 4 * 1024 * 1024, ..Default::default() },
        request_timeout: Duration::from_secs(2),
        ..Default::default()
    }
}

async fn follow(store: &dyn Store, name: &str, url: &str, countries: &[&str]) {
    let subscription = Subscription {
        name: name.into(),
        url: url.into(),
        every_hours: 6,
        countries: countries.iter().map(|c| c.parse::<CountryCode>().expect("code")).collect(),
        kinds: Vec::new(),
        licence: "CC BY 4.0".into(),
    };
    feeds::add(store, subscription, chrono::Utc::now()).await.expect("feed added");
}

async fn feed(store: &dyn Store, name: &str) -> Feed {
    store.feed(name).await.expect("store").expect("the feed exists")
}

async fn pull(store: &dyn Store, name: &str) -> Result<feeds::PullSummary, FeedError> {
    pull_with(store, name, &settings()).await
}

async fn pull_with(store: &dyn Store, name: &str, settings: &FeedSettings) -> Result<feeds::PullSummary, FeedError> {
    let feed = feed(store, name).await;
    feeds::pull(store, &feed, settings, chrono::Utc::now()).await
}

/// The subscriber's copy of the publisher's service `id` from feed `name`.
async fn copy(store: &dyn Store, name: &str, id: Uuid) -> Option<Service> {
    store.service(feeds::local_id(name, RecordKind::Service, id)).await.expect("store")
}

/// Makes the publisher's API answer from what its store holds now.
async fn refresh(app: &common::TestApp) {
    let index = app::load_index(app.state.store.as_ref(), None).await.expect("index");
    app.state.replace_index(index);
}

fn has_area(s: &Service, country: &str) -> bool {
    s.areas.iter().any(|a| helpatlas::geo::area_country(a).is_some_and(|c| c.as_str() == country))
}

async fn listed_in(store: &dyn Store, country: &str) -> Vec<Service> {
    let directory = store.load_directory().await.expect("directory");
    directory.services.into_iter().filter(|s| !s.is_retired() && has_area(s, country)).collect()
}

/// An editor's change of a record, as the editors' area saves it.
async fn edit_here(store: &dyn Store, mut service: Service, name: &str) {
    let versioned = store.record(RecordKind::Service, service.id).await.expect("store").expect("record");
    service.name = name.to_string();
    let edit = Edit {
        record: Record::Service(service),
        expected_version: Some(versioned.version),
        author: Author::User { id: Uuid::now_v7(), email: "editor@example.org".into() },
        action: Action::Edit,
        note: "Local correction".into(),
    };
    store.save(&edit).await.expect("saved");
}

#[tokio::test]
async fn a_help_atlas_api_is_followed_page_by_page() {
    let publisher = common::spawn().await;
    let subscriber = common::spawn().await;
    let (theirs, ours) = (publisher.state.store.as_ref(), subscriber.state.store.as_ref());
    follow(ours, "peer", &format!("{}/api", publisher.base), &["NO"]).await;
    // The whole bundled directory, every record nested, is several megabytes.
    let mut roomy = settings();
    roomy.limits.max_bytes = 256 * 1024 * 1024;
    // Every pull whole, so that each one sees what disappeared (incremental pulls: below).
    roomy.full_pull_every = Duration::ZERO;
    let roomy = &roomy;
    let pull = |store, name| pull_with(store, name, roomy);

    let first = pull(ours, "peer").await.expect("first pull");
    let norwegian = listed_in(theirs, "NO").await;
    assert!(!norwegian.is_empty());
    assert_eq!(first.services, norwegian.len(), "only the countries followed: {first:?}");
    for s in &norwegian {
        let here = copy(ours, "peer", s.id).await.expect("every Norwegian service arrived");
        assert_eq!((here.name.as_str(), here.is_retired()), (s.name.as_str(), false));
    }
    let status = feed(ours, "peer").await;
    assert_eq!((status.outcome, status.form), (Some(PullOutcome::Changed), Some(helpatlas::model::FeedForm::Api)));
    assert!(status.validators.len() >= 2, "the bundled directory spans pages of 100: {:?}", status.validators.keys());

    let second = pull(ours, "peer").await.expect("unchanged pull");
    assert!(second.unchanged_feed, "every page answered 304: {second:?}");
    assert_eq!(feed(ours, "peer").await.outcome, Some(PullOutcome::Unchanged));

    // At the publisher: one service added, one renamed, one retired (it leaves the API's lists).
    let mut added = norwegian[0].clone();
    added.id = Uuid::now_v7();
    added.name = "Added at the publisher".into();
    let mut renamed = norwegian[1].clone();
    renamed.name = "Renamed at the publisher".into();
    let mut removed = norwegian[2].clone();
    removed.retired = Some(Retirement { status: RetiredStatus::Defunct, reason: "Closed.".into() });
    let changes = Directory { services: vec![added.clone(), renamed.clone(), removed.clone()], ..Default::default() };
    theirs.upsert(&changes, &Author::System).await.expect("publisher writes");
    refresh(&publisher).await;

    let third = pull(ours, "peer").await.expect("pull after changes");
    assert!(!third.unchanged_feed);
    assert_eq!(copy(ours, "peer", added.id).await.expect("added arrived").name, "Added at the publisher");
    assert_eq!(copy(ours, "peer", renamed.id).await.expect("renamed").name, "Renamed at the publisher");
    assert!(!copy(ours, "peer", removed.id).await.expect("kept").is_retired(), "one miss does not retire");
    let fourth = pull(ours, "peer").await.expect("unchanged again");
    assert_eq!((fourth.unchanged_feed, fourth.retired), (true, 1), "{fourth:?}");
    let gone = copy(ours, "peer", removed.id).await.expect("kept, retired");
    assert!(gone.retired.as_ref().is_some_and(|r| r.reason.contains("peer")), "{:?}", gone.retired);

    // The public page names the feed, its date and the licence.
    refresh(&subscriber).await;
    let local = feeds::local_id("peer", RecordKind::Service, added.id);
    let (status, body) = subscriber.page(&format!("/services/{local}?hl=en")).await;
    assert_eq!(status, 200);
    assert!(body.contains("From peer,"), "{body}");
    let date = helpatlas::i18n::english().date(added.last_modified.date_naive());
    assert!(body.contains(&format!("updated {date}")), "{body}");
    assert!(body.contains("Licence: CC BY 4.0."), "{body}");

    // A local editor's change is kept over the publisher's next change.
    let here = copy(ours, "peer", renamed.id).await.expect("copy");
    edit_here(ours, here, "Corrected here").await;
    renamed.name = "Renamed again at the publisher".into();
    renamed.description = "Described anew at the publisher".into();
    let publish = |service: &Service| Directory { services: vec![service.clone()], ..Default::default() };
    theirs.upsert(&publish(&renamed), &Author::System).await.expect("w");
    refresh(&publisher).await;
    let fifth = pull(ours, "peer").await.expect("pull");
    assert_eq!(fifth.kept_local, 1, "{fifth:?}");
    let here = copy(ours, "peer", renamed.id).await.expect("copy");
    assert_eq!((here.name.as_str(), here.description.as_str()), ("Corrected here", "Described anew at the publisher"));
    let origins = ours.origins(here.id).await.expect("origins");
    assert_eq!(origins[0].differs, vec!["name".to_string()], "the editor sees that the feed says otherwise");
    // Pinned for good: the feed's later changes still leave the name alone.
    renamed.description = "Described a third time".into();
    theirs.upsert(&publish(&renamed), &Author::System).await.expect("w");
    refresh(&publisher).await;
    pull(ours, "peer").await.expect("pull");
    let here = copy(ours, "peer", renamed.id).await.expect("copy");
    assert_eq!((here.name.as_str(), here.description.as_str()), ("Corrected here", "Described a third time"));

    // The publisher's copies of the bundled services are found to be the same services; an editor
    // confirms one (one listing, both sources) and splits another.
    let suggested = ours.listing_links(LinkStatus::Suggested).await.expect("links");
    let bundled_ids: std::collections::HashSet<Uuid> = norwegian.iter().map(|s| s.id).collect();
    let twin = |s: &Service| feeds::local_id("peer", RecordKind::Service, s.id);
    let pairs: Vec<_> = suggested.iter().filter(|l| bundled_ids.contains(&l.other_id)).collect();
    let untouched =
        norwegian[3..].iter().filter(|s| pairs.iter().any(|l| l.record_id == twin(s) && l.other_id == s.id));
    let untouched: Vec<&Service> = untouched.collect();
    assert!(untouched.len() >= 2, "each unchanged copy is suggested as its bundled original: {suggested:?}");
    let (same, different) = (untouched[0], untouched[1]);
    let (mut editor, _) = common::browser::signed_in(&subscriber, "editor@example.org", Role::Editor).await;
    let list = editor.get("/admin/merges").await;
    assert!(
        list.body.contains(&format!("value=\"{}\"", twin(same))) && list.body.contains("same phone number"),
        "{}",
        list.body
    );
    for (service, action) in [(same, "confirm"), (different, "split")] {
        let (record, other) = (twin(service).to_string(), service.id.to_string());
        let answer = editor
            .submit("/admin/merges", "/admin/merges", &[("record", &record), ("other", &other), ("action", action)])
            .await;
        assert_eq!(answer.status, 200, "{}", answer.body);
    }
    assert!(copy(ours, "peer", same.id).await.expect("copy").is_retired(), "the feed's copy leaves the lists");
    assert!(!copy(ours, "peer", different.id).await.expect("copy").is_retired());
    refresh(&subscriber).await;
    let (_, body) = subscriber.page(&format!("/services/{}?hl=en", same.id)).await;
    assert!(body.contains("From peer,"), "the one listing names the feed among its sources: {body}");
    let again = ours.listing_links(LinkStatus::Suggested).await.expect("links");
    assert!(!again.iter().any(|l| l.record_id == twin(same) || l.record_id == twin(different)));
    // The next pulls leave the confirmed copy retired and do not suggest the split pair again.
    renamed.description = "Described a fourth time".into();
    theirs.upsert(&publish(&renamed), &Author::System).await.expect("w");
    refresh(&publisher).await;
    pull(ours, "peer").await.expect("pull");
    assert!(copy(ours, "peer", same.id).await.expect("copy").is_retired());
    let after = ours.listing_links(LinkStatus::Suggested).await.expect("links");
    assert!(!after.iter().any(|l| l.record_id == twin(different) && l.other_id == different.id));

    // Removing the feed retires what it brought.
    let retired = feeds::remove(ours, "peer", chrono::Utc::now()).await.expect("removed");
    assert!(retired >= norwegian.len() - 2, "{retired}");
    assert!(copy(ours, "peer", added.id).await.expect("kept").is_retired());
    assert!(ours.feed("peer").await.expect("store").is_none());
}

/// A publisher that is not Help Atlas: one file at `/feed`, with an ETag, answering 304 when asked
/// with it.
#[derive(Clone, Default)]
struct StaticFile(Arc<Mutex<Vec<u8>>>);

async fn static_file(State(file): State<StaticFile>, headers: HeaderMap) -> Response {
    let bytes = file.0.lock().expect("lock").clone();
    let etag = format!(
        "\"{:x}-{}\"",
        bytes.iter().fold(0u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(*b))),
        bytes.len()
    );
    if headers.get(header::IF_NONE_MATCH).and_then(|v| v.to_str().ok()) == Some(etag.as_str()) {
        return (StatusCode::NOT_MODIFIED, [(header::ETAG, etag)]).into_response();
    }
    ([(header::ETAG, etag)], bytes).into_response()
}

async fn serve(router: Router) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("port");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move { axum::serve(listener, router).await });
    format!("http://{addr}")
}

/// An organization of the bundled data with three of its services, under new ids (another
/// directory's records).
fn small_directory() -> Directory {
    let mut bundled = bundled::load().expect("bundled").0;
    bundled.sort();
    let organization = bundled
        .organizations
        .iter()
        .find(|o| {
            bundled.services.iter().filter(|s| s.organization_id == o.id && s.location_ids.is_empty()).count() >= 3
        })
        .expect("an organization with three services")
        .clone();
    let mut services: Vec<Service> = bundled
        .services
        .iter()
        .filter(|s| s.organization_id == organization.id && s.location_ids.is_empty())
        .take(3)
        .cloned()
        .collect();
    let mut organization = organization;
    organization.id = Uuid::now_v7();
    for s in &mut services {
        s.id = Uuid::now_v7();
        s.organization_id = organization.id;
    }
    Directory { organizations: vec![organization], locations: Vec::new(), services }
}

/// The directory as HSDS JSON, or as a data package zip.
fn publication(directory: &Directory, zipped: bool) -> Vec<u8> {
    let dir = tempfile::tempdir().expect("dir");
    if !zipped {
        let path = dir.path().join("hsds.json");
        hsds::export(directory, hsds::Form::Json, &path).expect("export");
        return std::fs::read(path).expect("read");
    }
    let package = dir.path().join("package");
    hsds::export(directory, hsds::Form::DataPackage, &package).expect("export");
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for entry in std::fs::read_dir(&package).expect("package") {
        let path = entry.expect("entry").path();
        let name = path.file_name().expect("name").to_string_lossy().into_owned();
        zip.start_file(name, zip::write::SimpleFileOptions::default()).expect("zip entry");
        zip.write_all(&std::fs::read(&path).expect("csv")).expect("zip write");
    }
    zip.finish().expect("zip").into_inner()
}

async fn static_publisher_flow(subscriber: &common::TestApp, zipped: bool) {
    let ours = subscriber.state.store.as_ref();
    let file = StaticFile::default();
    let mut directory = small_directory();
    *file.0.lock().expect("lock") = publication(&directory, zipped);
    let base = serve(Router::new().route("/feed", get(static_file)).with_state(file.clone())).await;
    follow(ours, "static", &format!("{base}/feed"), &[]).await;

    let first = pull(ours, "static").await.expect("first pull");
    assert_eq!(first.services, 3, "{first:?}");
    for s in &directory.services {
        assert_eq!(copy(ours, "static", s.id).await.expect("arrived").name, s.name);
    }
    let unchanged = pull(ours, "static").await.expect("unchanged");
    assert!(unchanged.unchanged_feed, "the file answered 304: {unchanged:?}");

    // Added, changed, retired (a status the file carries: retired within one pull), and dropped.
    let mut added = directory.services[0].clone();
    added.id = Uuid::now_v7();
    added.name = "Added to the file".into();
    directory.services[0].name = "Changed in the file".into();
    directory.services[1].retired = Some(Retirement { status: RetiredStatus::Inactive, reason: "Paused.".into() });
    let dropped = directory.services.remove(2);
    directory.services.push(added.clone());
    *file.0.lock().expect("lock") = publication(&directory, zipped);
    pull(ours, "static").await.expect("pull after changes");
    assert_eq!(copy(ours, "static", added.id).await.expect("added").name, "Added to the file");
    assert_eq!(copy(ours, "static", directory.services[0].id).await.expect("changed").name, "Changed in the file");
    assert!(copy(ours, "static", directory.services[1].id).await.expect("retired").is_retired());
    assert!(!copy(ours, "static", dropped.id).await.expect("missed once").is_retired());
    pull(ours, "static").await.expect("unchanged");
    assert!(copy(ours, "static", dropped.id).await.expect("missed twice").is_retired());

    // A local edit survives the publisher's next change.
    let here = copy(ours, "static", directory.services[0].id).await.expect("copy");
    edit_here(ours, here, "Edited here").await;
    directory.services[0].name = "Changed again in the file".into();
    *file.0.lock().expect("lock") = publication(&directory, zipped);
    let kept = pull(ours, "static").await.expect("pull");
    assert_eq!(kept.kept_local, 1);
    let here = copy(ours, "static", directory.services[0].id).await.expect("copy");
    assert_eq!(here.name, "Edited here");
    let (mut editor, _) =
        common::browser::signed_in(subscriber, "editor@example.org", helpatlas::model::Role::Editor).await;
    let form = editor.get(&format!("/admin/services/{}", here.id)).await;
    let notice = "The feed static has other values for fields changed here, which its pulls leave as they are: name.";
    assert!(form.body.contains(notice), "{}", form.body);
    let metrics = subscriber.get("/metrics").await.text().await.expect("metrics");
    for counter in [
        "helpatlas_feed_pulls_total{feed=\"static\",outcome=\"changed\"}",
        "helpatlas_feed_pulls_total{feed=\"static\",outcome=\"unchanged\"}",
        "helpatlas_feed_records_written_total{feed=\"static\"}",
    ] {
        assert!(metrics.contains(counter), "{counter} in:\n{metrics}");
    }
    feeds::remove(ours, "static", chrono::Utc::now()).await.expect("removed");
}

#[tokio::test]
async fn a_static_hsds_json_file_is_followed() {
    let subscriber = common::spawn().await;
    static_publisher_flow(&subscriber, false).await;
}

#[tokio::test]
async fn a_static_data_package_zip_is_followed() {
    let subscriber = common::spawn().await;
    static_publisher_flow(&subscriber, true).await;
}

#[tokio::test]
async fn feeds_work_on_postgresql() {
    let (url, name) = fresh_postgres().await;
    let subscriber = common::spawn_with(Some(url)).await;
    static_publisher_flow(&subscriber, false).await;
    drop(subscriber);
    drop_postgres(&name).await;
}

/// Endless bytes, in chunks.
fn endless() -> Body {
    let chunk = Bytes::from(vec![b' '; 64 * 1024]);
    Body::from_stream(futures_util::stream::repeat_with(move || Ok::<_, std::convert::Infallible>(chunk.clone())))
}

async fn hostile_publisher() -> String {
    let redirect = |to: &'static str| move || async move { (StatusCode::FOUND, [(header::LOCATION, to)]) };
    let router = Router::new()
        .route("/not-json", get(|| async { "<html>Service directory</html>" }))
        .route("/not-hsds", get(|| async { r#"[{"id": "3", "name": 5}]"# }))
        .route("/empty", get(|| async { "[]" }))
        .route("/missing", get(|| async { StatusCode::NOT_FOUND }))
        .route(
            "/slow",
            get(|| async {
                tokio::time::sleep(Duration::from_secs(30)).await;
                "[]"
            }),
        )
        .route("/loop-a", get(redirect("/loop-b")))
        .route("/loop-b", get(redirect("/loop-a")))
        .route("/huge-declared", get(|| async { ([(header::CONTENT_LENGTH, "2147483648")], endless()) }))
        .route("/huge-streamed", get(|| async { endless() }));
    serve(router).await
}

/// A path of the hostile publisher, what the pull's error must be, and what its message says.
type Case = (&'static str, fn(&FeedError) -> bool, &'static str);

#[tokio::test]
async fn a_publisher_that_misbehaves_is_refused_and_nothing_changes() {
    let subscriber = common::spawn().await;
    let ours = subscriber.state.store.as_ref();
    let base = hostile_publisher().await;
    let cases: [Case; 8] = [
        ("not-json", |e| matches!(e, FeedError::NotHsds { .. }), "not valid JSON"),
        ("not-hsds", |e| matches!(e, FeedError::Import(_) | FeedError::NotHsds { .. } | FeedError::Empty(_)), ""),
        ("empty", |e| matches!(e, FeedError::Empty(_)), "holds no services"),
        ("missing", |e| matches!(e, FeedError::Fetch { .. }), "404"),
        ("slow", |e| matches!(e, FeedError::Fetch { .. }), "no complete answer within 2 s"),
        ("loop-a", |e| matches!(e, FeedError::Fetch { .. }), "redirects"),
        ("huge-declared", |e| matches!(e, FeedError::TooLarge { .. }), "more than 4194304 bytes"),
        ("huge-streamed", |e| matches!(e, FeedError::TooLarge { .. }), "more than 4194304 bytes"),
    ];
    let before = ours.latest_change().await.expect("change");
    for (path, expected, says) in cases {
        follow(ours, path, &format!("{base}/{path}"), &[]).await;
        let error = pull(ours, path).await.expect_err(path);
        assert!(expected(&error), "{path}: {error:?}");
        assert!(error.to_string().contains(says), "{path}: {error}");
        let status = feed(ours, path).await;
        assert_eq!(status.outcome, Some(PullOutcome::Failed), "{path}");
        assert_eq!(status.message, error.to_string(), "{path}: the status page shows the message");
        assert!(ours.feed_records(path).await.expect("store").is_empty(), "{path}");
    }
    assert_eq!(ours.latest_change().await.expect("change"), before, "no record was written");
    let metrics = subscriber.get("/metrics").await.text().await.expect("metrics");
    for (path, _, _) in cases {
        let line = format!("helpatlas_feed_pulls_total{{feed=\"{path}\",outcome=\"failed\"}} 1");
        assert!(metrics.contains(&line), "{line} in:\n{metrics}");
    }
}

/// What an Open Referral UK 3.0 publisher sends: date-times without a UTC offset, phones without ids.
fn uk_style(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(object) => {
            for (key, inner) in object.iter_mut() {
                if key == "last_modified" {
                    if let Some(text) = inner.as_str() {
                        *inner = serde_json::Value::String(
                            text.trim_end_matches("+00:00").trim_end_matches('Z').to_string(),
                        );
                    }
                }
                if key == "phones" {
                    for phone in inner.as_array_mut().into_iter().flatten() {
                        phone.as_object_mut().map(|p| p.remove("id"));
                    }
                }
                uk_style(inner);
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(uk_style),
        _ => {}
    }
}

fn uk_publication(directory: &Directory) -> Vec<u8> {
    let mut json: serde_json::Value = serde_json::from_slice(&publication(directory, false)).expect("json");
    uk_style(&mut json);
    let text = serde_json::to_string(&json).expect("json");
    assert!(text.contains("\"phones\"") && text.contains("\"last_modified\""), "the sample has phones and dates");
    text.into_bytes()
}

#[tokio::test]
async fn a_feed_with_recoverable_deviations_is_read_with_a_note_per_kind() {
    let subscriber = common::spawn().await;
    let ours = subscriber.state.store.as_ref();
    let file = StaticFile::default();
    let directory = small_directory();
    *file.0.lock().expect("lock") = uk_publication(&directory);
    let base = serve(Router::new().route("/feed", get(static_file)).with_state(file.clone())).await;
    follow(ours, "council", &format!("{base}/feed"), &[]).await;
    let pulled = pull(ours, "council").await.expect("read despite its deviations");
    assert_eq!(pulled.services, 3);
    assert_eq!(
        pulled
            .notes
            .iter()
            .filter(|n| n.contains("without a UTC offset were read in their service's time zone"))
            .count(),
        1,
        "{:?}",
        pulled.notes
    );
    assert_eq!(pulled.notes.iter().filter(|n| n.contains("phone")).count(), 1, "{:?}", pulled.notes);
    for s in &directory.services {
        let here = copy(ours, "council", s.id).await.expect("arrived");
        assert_eq!(here.channels.len(), s.channels.len(), "the phones without ids arrived");
        // The publisher wrote its clock's time without an offset: read in the service's own zone.
        let local = s.last_modified.naive_utc();
        let meant = local.and_local_timezone(s.timezone).earliest().expect("a time of the zone");
        assert_eq!(here.last_modified, meant.with_timezone(&chrono::Utc), "read in {}", s.timezone);
    }
}

#[tokio::test]
async fn an_open_referral_uk_1_api_is_refused_naming_its_shape() {
    let subscriber = common::spawn().await;
    let ours = subscriber.state.store.as_ref();
    let page = r#"{"totalElements": 1, "totalPages": 1, "number": 1, "size": 1, "first": true, "last": true, "content": [{"id": "x", "name": "A service"}]}"#;
    let router = Router::new()
        .route("/api", get(|| async { r#"{"version": "1.0", "openapi_url": "/api/openapi.json"}"# }))
        .route("/api/services", get(move || async move { page }));
    let base = serve(router).await;
    follow(ours, "uk1", &format!("{base}/api"), &[]).await;
    let error = pull(ours, "uk1").await.expect_err("refused");
    assert!(error.to_string().contains("Open Referral UK 1.0 API"), "{error}");
}

fn helpatlas(args: &[&str], data_dir: &std::path::Path) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_helpatlas"))
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

#[test]
fn imports_that_find_nothing_or_an_older_hsds_say_why_and_fail() {
    let data = tempfile::tempdir().expect("tmp");
    let empty = data.path().join("empty.json");
    std::fs::write(&empty, "[]").expect("write");
    let out = helpatlas(&["import", empty.to_str().expect("utf-8")], data.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("found no records to import"), "{}", text(&out.stderr));

    // An HSDS 1.x export: CSVs without a datapackage.json, with tables 3.0 no longer has.
    let old = data.path().join("hsds1");
    std::fs::create_dir_all(&old).expect("mkdir");
    std::fs::write(old.join("services.csv"), "id,organization_id,name\n1,1,A service\n").expect("write");
    std::fs::write(old.join("physical_addresses.csv"), "id,location_id,address_1\n1,1,High Street\n").expect("write");
    let out = helpatlas(&["import", old.to_str().expect("utf-8")], data.path());
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("HSDS 1.x or 2.0") && stderr.contains("physical_addresses.csv"), "{stderr}");

    // A package whose descriptor lists the tables of an older HSDS, even without their files.
    let listed = data.path().join("hsds2");
    std::fs::create_dir_all(&listed).expect("mkdir");
    let descriptor = r#"{"name": "hsds", "resources": [{"name": "services", "path": "services.csv"}, {"name": "regular_schedules", "path": "regular_schedules.csv"}]}"#;
    std::fs::write(listed.join("datapackage.json"), descriptor).expect("write");
    std::fs::write(listed.join("services.csv"), "id,organization_id,name\n1,1,A service\n").expect("write");
    let out = helpatlas(&["import", listed.to_str().expect("utf-8")], data.path());
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("HSDS 1.x or 2.0") && stderr.contains("regular_schedules.csv in its datapackage.json"),
        "{stderr}"
    );

    // HSDS 2.0-shaped documents, as the Open Referral UK 1.0 API publishes them: a page, and documents.
    let page = data.path().join("oruk1-page.json");
    std::fs::write(&page, r#"{"totalElements": 1, "totalPages": 1, "content": [{"id": "1", "name": "A service"}]}"#)
        .expect("write");
    let documents = data.path().join("oruk1.json");
    let service = r#"[{"id": "1", "name": "A service", "regular_schedules": [], "eligibilitys": []}]"#;
    std::fs::write(&documents, service).expect("write");
    for (path, says) in [(&page, "Open Referral UK 1.0 API"), (&documents, "`regular_schedules`")] {
        let out = helpatlas(&["import", path.to_str().expect("utf-8")], data.path());
        assert_eq!(out.status.code(), Some(1), "{}", path.display());
        let stderr = text(&out.stderr);
        assert!(stderr.contains("shape of HSDS 2.0") && stderr.contains(says), "{stderr}");
        assert!(stderr.contains("HSDS 3.0"), "names what is supported: {stderr}");
    }
}

#[test]
fn an_hsds_3_csv_folder_without_a_descriptor_is_read_with_a_note() {
    let data = tempfile::tempdir().expect("tmp");
    let folder = data.path().join("csv");
    hsds::export(&small_directory(), hsds::Form::DataPackage, &folder).expect("export");
    std::fs::remove_file(folder.join("datapackage.json")).expect("rm");
    let out = helpatlas(&["import", folder.to_str().expect("utf-8")], data.path());
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", text(&out.stderr));
    assert!(stdout.contains("has no datapackage.json: its CSV files") && stdout.contains("services.csv"), "{stdout}");

    // Columns HSDS 3.0 lacks: refused, saying what an older export needs.
    let old = data.path().join("old");
    std::fs::create_dir_all(&old).expect("mkdir");
    std::fs::write(old.join("phones.csv"), "id,service_id,number,language\n1,1,+47 22 40 00 40,nb\n").expect("write");
    let out = helpatlas(&["import", old.to_str().expect("utf-8")], data.path());
    assert_eq!(out.status.code(), Some(1));
    let said = format!("{}{}", text(&out.stdout), text(&out.stderr));
    assert!(said.contains("unknown column `language`") && said.contains("convert them to HSDS 3.0"), "{said}");
}

#[test]
fn lenient_imports_repair_with_notes_and_strict_ones_refuse() {
    let data = tempfile::tempdir().expect("tmp");
    let file = data.path().join("council.json");
    std::fs::write(&file, uk_publication(&small_directory())).expect("write");
    let path = file.to_str().expect("utf-8");
    let strict = helpatlas(&["import", path], data.path());
    assert_eq!(strict.status.code(), Some(1), "{}", text(&strict.stdout));
    let lenient = helpatlas(&["import", "--lenient", path], data.path());
    let stdout = text(&lenient.stdout);
    assert!(lenient.status.success(), "{stdout}{}", text(&lenient.stderr));
    assert!(
        stdout.contains("note: date-times without a UTC offset were read in their service's time zone"),
        "{stdout}"
    );
    assert!(stdout.contains("note: records without an id were given one"), "{stdout}");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_feeds_commands_add_list_pull_and_remove() {
    let data = tempfile::tempdir().expect("tmp");
    let file = StaticFile::default();
    *file.0.lock().expect("lock") = publication(&small_directory(), false);
    let base = serve(Router::new().route("/feed", get(static_file)).with_state(file)).await;
    let dir = data.path().to_path_buf();
    let run = |args: Vec<String>| {
        let dir = dir.clone();
        async move {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let out = tokio::task::spawn_blocking({
                let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
                move || helpatlas(&args.iter().map(String::as_str).collect::<Vec<_>>(), &dir)
            })
            .await
            .expect("joined");
            (out.status.code(), text(&out.stdout), text(&out.stderr))
        }
    };
    let args = |items: &[&str]| items.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let url = format!("{base}/feed");
    let (code, _, stderr) = run(args(&["feeds", "add", "ftp://example.org/x", "--name", "x"])).await;
    assert_eq!(code, Some(1));
    assert!(stderr.contains("only http and https"), "{stderr}");
    let (code, _, stderr) = run(args(&["feeds", "add", &url, "--name", "other", "--every", "0h"])).await;
    assert_eq!(code, Some(2), "clap refuses the interval: {stderr}");
    let (code, stdout, stderr) =
        run(args(&["feeds", "add", &url, "--name", "other", "--every", "1d", "--kinds", "helplines,in-person"])).await;
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.contains("pulled every 24 h"), "{stdout}");
    let (code, stdout, stderr) = run(args(&["feeds", "pull", "other"])).await;
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.contains("pulled other:"), "{stdout}");
    let (_, stdout, _) = run(args(&["feeds", "list"])).await;
    assert!(
        stdout.contains("other\t") && stdout.contains("changed:") && stdout.contains("kinds helplines,in-person"),
        "{stdout}"
    );
    let (code, _, stderr) = run(args(&["feeds", "pull", "nobody"])).await;
    assert_eq!(code, Some(1));
    assert!(stderr.contains("no feed is named `nobody`"), "{stderr}");
    let (code, stdout, stderr) = run(args(&["feeds", "remove", "other"])).await;
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.contains("no longer following `other`"), "{stdout}");
}

#[tokio::test]
async fn admins_follow_pull_and_stop_following_feeds_in_the_editors_area() {
    use common::browser::signed_in;
    let app = common::spawn().await;
    let (mut admin, _) = signed_in(&app, "admin@example.org", Role::Admin).await;
    let file = StaticFile::default();
    let directory = small_directory();
    let helplines = directory.services.iter().filter(|s| s.kind == helpatlas::model::Kind::Helplines).count();
    assert!(helplines > 0);
    *file.0.lock().expect("lock") = publication(&directory, false);
    let base = serve(Router::new().route("/feed", get(static_file)).with_state(file)).await;
    let url = format!("{base}/feed");

    let page = admin.get("/admin/feeds").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("No feeds are followed yet."), "{}", page.body);
    let refused = admin
        .submit(
            "/admin/feeds",
            "/admin/feeds",
            &[("url", &url), ("name", "Other Feed"), ("every", "6h"), ("countries", "NO")],
        )
        .await;
    assert_eq!(refused.status, 422);
    assert!(refused.body.contains("is not a usable feed name"), "{}", refused.body);
    assert!(refused.body.contains(&format!("value=\"{url}\"")), "what was typed is kept: {}", refused.body);
    let refused = admin
        .submit(
            "/admin/feeds",
            "/admin/feeds",
            &[("url", &url), ("name", "other"), ("every", "6h"), ("countries", "XX")],
        )
        .await;
    assert_eq!(refused.status, 422);
    assert!(refused.body.contains("`XX` is not a known ISO 3166-1 country code"), "{}", refused.body);

    let added = admin
        .submit(
            "/admin/feeds",
            "/admin/feeds",
            &[("url", &url), ("name", "other"), ("every", "1d"), ("licence", "CC0"), ("kinds", "helplines")],
        )
        .await;
    assert_eq!(added.status, 201, "{}", added.body);
    assert!(added.body.contains("not pulled yet"), "{}", added.body);
    let pulled = admin.submit("/admin/feeds", "/admin/feeds/other", &[("action", "pull")]).await;
    assert_eq!(pulled.status, 200, "{}", pulled.body);
    assert!(pulled.body.contains("Pulled other:"), "{}", pulled.body);
    assert!(pulled.body.contains("every 24 h; licence CC0"), "{}", pulled.body);

    let broken = format!("{base}/nothing-here");
    admin.submit("/admin/feeds", "/admin/feeds", &[("url", &broken), ("name", "broken"), ("every", "6h")]).await;
    let failed = admin.submit("/admin/feeds", "/admin/feeds/broken", &[("action", "pull")]).await;
    assert_eq!(failed.status, 422);
    assert!(failed.body.contains("<strong>failed</strong>"), "{}", failed.body);
    assert!(failed.body.contains("answered 404 Not Found"), "the status shows why: {}", failed.body);

    let removed = admin.submit("/admin/feeds", "/admin/feeds/other", &[("action", "remove")]).await;
    assert_eq!(removed.status, 200);
    let said = format!("No longer following other; {helplines} of its services retired.");
    assert!(removed.body.contains(&said), "only the kinds followed were taken: {}", removed.body);
    let forged = admin.post("/admin/feeds/broken", &[("csrf", "forged"), ("action", "remove")]).await;
    assert_eq!(forged.status, 403, "a form without the session's token is refused");
    assert!(app.state.store.feed("broken").await.expect("store").is_some());
}

#[tokio::test]
async fn due_feeds_are_pulled_once_even_by_two_replicas_at_once() {
    let (url, name) = fresh_postgres().await;
    let a = common::spawn_with(Some(url.clone())).await;
    let b = common::spawn_with(Some(url)).await;
    let file = StaticFile::default();
    *file.0.lock().expect("lock") = publication(&small_directory(), false);
    let base = serve(Router::new().route("/feed", get(static_file)).with_state(file)).await;
    follow(a.state.store.as_ref(), "shared", &format!("{base}/feed"), &[]).await;
    let settings = settings();
    let (on_a, on_b) = tokio::join!(
        feeds::pull_due(a.state.store.as_ref(), &settings),
        feeds::pull_due(b.state.store.as_ref(), &settings)
    );
    let pulled: Vec<_> = on_a.expect("store").into_iter().chain(on_b.expect("store")).collect();
    assert_eq!(pulled.len(), 1, "one replica claimed the feed: {pulled:?}");
    assert!(pulled[0].1.is_ok(), "{pulled:?}");
    let again = feeds::pull_due(b.state.store.as_ref(), &settings).await.expect("store");
    assert!(again.is_empty(), "not due again for six hours: {again:?}");
    drop((a, b));
    drop_postgres(&name).await;
}

async fn pull_at(
    store: &dyn Store,
    name: &str,
    settings: &FeedSettings,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<feeds::PullSummary, FeedError> {
    let feed = feed(store, name).await;
    feeds::pull(store, &feed, settings, at).await
}

async fn missed(store: &dyn Store, name: &str, id: Uuid) -> u32 {
    let local = feeds::local_id(name, RecordKind::Service, id);
    let rows = store.feed_records(name).await.expect("store");
    rows.iter().find(|r| r.record_id == local).expect("a provenance row").missed
}

#[tokio::test]
async fn an_api_feed_is_pulled_for_its_changes_between_daily_full_pulls() {
    let publisher = common::spawn().await;
    let subscriber = common::spawn().await;
    let (theirs, ours) = (publisher.state.store.as_ref(), subscriber.state.store.as_ref());
    follow(ours, "peer", &format!("{}/api", publisher.base), &["NO"]).await;
    let mut roomy = settings();
    roomy.limits.max_bytes = 256 * 1024 * 1024;
    let roomy = &roomy;
    let start = chrono::Utc::now();
    let at = |hours: i64| start + chrono::Duration::hours(hours);

    let first = pull_at(ours, "peer", roomy, at(0)).await.expect("first pull");
    assert!(!first.incremental, "the first pull is whole: {first:?}");
    let norwegian = listed_in(theirs, "NO").await;
    let mut added = norwegian[0].clone();
    added.id = Uuid::now_v7();
    added.name = "Added at the publisher".into();
    added.last_modified = chrono::Utc::now();
    let mut removed = norwegian[1].clone();
    removed.retired = Some(Retirement { status: RetiredStatus::Defunct, reason: "Closed.".into() });
    removed.last_modified = chrono::Utc::now();
    let changes = Directory { services: vec![added.clone(), removed.clone()], ..Default::default() };
    theirs.upsert(&changes, &Author::System).await.expect("publisher writes");
    refresh(&publisher).await;

    let second = pull_at(ours, "peer", roomy, at(1)).await.expect("incremental pull");
    assert!(second.incremental && !second.unchanged_feed, "{second:?}");
    assert_eq!(second.services, 1, "only what changed since the last pull: {second:?}");
    assert_eq!(copy(ours, "peer", added.id).await.expect("added arrived").name, "Added at the publisher");
    assert_eq!(missed(ours, "peer", removed.id).await, 0, "what an incremental pull does not return is not missing");
    let status = feed(ours, "peer").await;
    assert!(status.validators.keys().any(|url| url.contains("modified_after=")), "{:?}", status.validators.keys());
    assert!(status.message.contains("incremental"), "{}", status.message);
    // Pulls until nothing changed since: the same question, answered 304.
    pull_at(ours, "peer", roomy, at(2)).await.expect("incremental pull");
    pull_at(ours, "peer", roomy, at(3)).await.expect("incremental pull");
    let quiet = pull_at(ours, "peer", roomy, at(4)).await.expect("incremental pull");
    assert!(quiet.incremental && quiet.unchanged_feed, "{quiet:?}");

    // A day after the last full pull, a full one sees what disappeared; incremental pulls between
    // full ones count no misses; the second full pull without it retires it.
    let full = pull_at(ours, "peer", roomy, at(25)).await.expect("full pull");
    assert!(!full.incremental, "{full:?}");
    assert_eq!(missed(ours, "peer", removed.id).await, 1);
    let between = pull_at(ours, "peer", roomy, at(26)).await.expect("incremental pull");
    assert!(between.incremental, "{between:?}");
    assert_eq!(missed(ours, "peer", removed.id).await, 1, "not counted by an incremental pull");
    assert!(!copy(ours, "peer", removed.id).await.expect("kept").is_retired());
    let again = pull_at(ours, "peer", roomy, at(50)).await.expect("full pull");
    assert!(!again.incremental && again.retired == 1, "{again:?}");
    assert!(copy(ours, "peer", removed.id).await.expect("kept").is_retired());
}

#[tokio::test]
async fn an_api_that_refuses_modified_after_is_pulled_whole() {
    let subscriber = common::spawn().await;
    let ours = subscriber.state.store.as_ref();
    let documents: serde_json::Value =
        serde_json::from_slice(&publication(&small_directory(), false)).expect("documents");
    let page = serde_json::json!({"contents": documents, "total_pages": 1, "last_page": true}).to_string();
    let services = move |axum::extract::RawQuery(query): axum::extract::RawQuery| {
        let page = page.clone();
        async move {
            match query.unwrap_or_default().contains("modified_after") {
                true => (StatusCode::BAD_REQUEST, "unknown parameter modified_after".to_string()),
                false => (StatusCode::OK, page),
            }
        }
    };
    let router = Router::new()
        .route("/api", get(|| async { r#"{"version": "3.0", "openapi_url": "/api/openapi.json"}"# }))
        .route("/api/services", get(services));
    let base = serve(router).await;
    follow(ours, "plain", &format!("{base}/api"), &[]).await;
    let start = chrono::Utc::now();
    let first = pull_at(ours, "plain", &settings(), start).await.expect("first pull");
    assert_eq!((first.services, first.incremental), (3, false), "{first:?}");
    let later = start + chrono::Duration::hours(6);
    let second = pull_at(ours, "plain", &settings(), later).await.expect("pulled whole instead");
    assert_eq!((second.services, second.incremental), (3, false), "{second:?}");
}

/// The attribute values of `code` (a `helpatlas` term) in an HSDS document's `attributes`.
fn attribute_values(document: &serde_json::Value, code: &str) -> Vec<String> {
    let term = hsds::taxonomy::term_id(code).to_string();
    let attributes = document.get("attributes").and_then(serde_json::Value::as_array).cloned().unwrap_or_default();
    attributes
        .iter()
        .filter(|a| a.get("taxonomy_term_id").and_then(serde_json::Value::as_str) == Some(term.as_str()))
        .filter_map(|a| a.get("value").and_then(serde_json::Value::as_str).map(String::from))
        .collect()
}

#[tokio::test]
async fn what_a_feed_brought_is_exported_with_its_provenance() {
    let subscriber = common::spawn().await;
    let ours = subscriber.state.store.as_ref();
    let file = StaticFile::default();
    let directory = small_directory();
    *file.0.lock().expect("lock") = publication(&directory, false);
    let base = serve(Router::new().route("/feed", get(static_file)).with_state(file)).await;
    follow(ours, "static", &format!("{base}/feed"), &[]).await;
    pull(ours, "static").await.expect("pulled");
    let theirs = &directory.services[0];
    let local = feeds::local_id("static", RecordKind::Service, theirs.id);
    let row = ours.feed_records("static").await.expect("store").into_iter().find(|r| r.record_id == local);
    let row = row.expect("provenance");
    let expect = |document: &serde_json::Value, what: &str| {
        assert_eq!(attribute_values(document, "feed"), vec!["static".to_string()], "{what}: {document}");
        assert_eq!(attribute_values(document, "feed-record-id"), vec![theirs.id.to_string()], "{what}");
        let first_seen = hsds::export::timestamp(row.first_seen);
        assert_eq!(attribute_values(document, "feed-first-seen"), vec![first_seen], "{what}");
        assert_eq!(attribute_values(document, "feed-last-seen").len(), 1, "{what}");
        assert_eq!(attribute_values(document, "feed-licence"), vec!["CC BY 4.0".to_string()], "{what}");
    };

    // HSDS JSON and ndjson: the service in its organization's document.
    let dir = tempfile::tempdir().expect("dir");
    for (form, name) in [(hsds::Form::Json, "all.json"), (hsds::Form::Ndjson, "all.ndjson")] {
        let path = dir.path().join(name);
        helpatlas::transfer::export(ours, &path, helpatlas::transfer::ExportForm::Hsds(form)).await.expect("export");
        let text = std::fs::read_to_string(&path).expect("read");
        let organizations: Vec<serde_json::Value> = match form {
            hsds::Form::Json => serde_json::from_str(&text).expect("json"),
            _ => text.lines().map(|l| serde_json::from_str(l).expect("line")).collect(),
        };
        let service = organizations
            .iter()
            .flat_map(|o| o.get("services").and_then(serde_json::Value::as_array).cloned().unwrap_or_default())
            .find(|s| s.get("id").and_then(serde_json::Value::as_str) == Some(local.to_string().as_str()))
            .expect("the service is exported");
        expect(&service, name);
        let bundled = organizations.iter().flat_map(|o| o["services"].as_array().cloned().unwrap_or_default());
        let unmarked = bundled.filter(|s| attribute_values(s, "feed").is_empty()).count();
        assert!(unmarked > 0, "records of this directory carry no provenance");
    }

    // The data package: attribute rows of the feed terms, linked to the service.
    let package = dir.path().join("package");
    helpatlas::transfer::export(ours, &package, helpatlas::transfer::ExportForm::Hsds(hsds::Form::DataPackage))
        .await
        .expect("export");
    let attributes = std::fs::read_to_string(package.join("attributes.csv")).expect("attributes.csv");
    let feed_term = hsds::taxonomy::term_id("feed").to_string();
    let rows: Vec<&str> = attributes.lines().filter(|l| l.contains(&local.to_string())).collect();
    assert!(rows.iter().any(|l| l.contains(&feed_term) && l.contains("static")), "{rows:?}");
    assert!(rows.iter().any(|l| l.contains(&theirs.id.to_string())), "{rows:?}");
    let terms = std::fs::read_to_string(package.join("taxonomy_terms.csv")).expect("taxonomy_terms.csv");
    assert!(terms.contains(&feed_term), "the term is published with the package");

    // The API: one service, and the full list.
    refresh(&subscriber).await;
    let (status, body) = subscriber.page(&format!("/api/services/{local}")).await;
    assert_eq!(status, 200, "{body}");
    expect(&serde_json::from_str(&body).expect("json"), "/api/services/{id}");
    let organization = feeds::local_id("static", RecordKind::Organization, directory.organizations[0].id);
    let (status, body) = subscriber.page(&format!("/api/services?full=true&organization_id={organization}")).await;
    assert_eq!(status, 200);
    let page: serde_json::Value = serde_json::from_str(&body).expect("json");
    let contents = page["contents"].as_array().cloned().unwrap_or_default();
    let listed = contents.iter().find(|s| s["id"].as_str() == Some(local.to_string().as_str())).expect("listed");
    expect(listed, "/api/services?full=true");
    let (_, body) =
        subscriber.page(&format!("/api/services?full=true&format=ndjson&organization_id={organization}")).await;
    let line = body.lines().find(|l| l.contains(&local.to_string())).expect("in the ndjson list");
    expect(&serde_json::from_str(line).expect("json"), "ndjson list");
}
