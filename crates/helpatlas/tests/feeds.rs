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
    Action, Author, CountryCode, Directory, Feed, PullOutcome, Record, RecordKind, RetiredStatus, Retirement, Service,
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
    let index = app::load_index(app.state.store.as_ref()).await.expect("index");
    app.state.replace_index(index);
}

fn has_area(s: &Service, country: &str) -> bool {
    s.areas.iter().any(|a| a.country().is_some_and(|c| c.as_str() == country))
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
    let (status, body) = subscriber.page(&format!("/services/{local}")).await;
    assert_eq!(status, 200);
    assert!(body.contains("From peer,"), "{body}");
    assert!(body.contains(&format!("updated {}", added.last_modified.date_naive())), "{body}");
    assert!(body.contains("Licence: CC BY 4.0."), "{body}");

    // A local editor's change is kept over the publisher's next change.
    let here = copy(ours, "peer", renamed.id).await.expect("copy");
    edit_here(ours, here, "Corrected here").await;
    renamed.name = "Renamed again at the publisher".into();
    theirs
        .upsert(&Directory { services: vec![renamed.clone()], ..Default::default() }, &Author::System)
        .await
        .expect("w");
    refresh(&publisher).await;
    let fifth = pull(ours, "peer").await.expect("pull");
    assert_eq!(fifth.kept_local, 1, "{fifth:?}");
    assert_eq!(copy(ours, "peer", renamed.id).await.expect("copy").name, "Corrected here");

    // Removing the feed retires what it brought.
    let retired = feeds::remove(ours, "peer", chrono::Utc::now()).await.expect("removed");
    assert!(retired >= norwegian.len() - 1, "{retired}");
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
    let bundled = bundled::load().expect("bundled").0;
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
    assert_eq!(copy(ours, "static", directory.services[0].id).await.expect("copy").name, "Edited here");
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

#[tokio::test]
async fn a_publisher_that_misbehaves_is_refused_and_nothing_changes() {
    let subscriber = common::spawn().await;
    let ours = subscriber.state.store.as_ref();
    let base = hostile_publisher().await;
    let cases: [(&str, fn(&FeedError) -> bool, &str); 8] = [
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
}
