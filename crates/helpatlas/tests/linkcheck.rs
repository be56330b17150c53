//! The link and phone checker against servers this test starts on loopback (and nothing else): a
//! page that works, one that moved, 404, 410, a redirect loop, a slow answer, a TLS failure and a
//! path robots.txt forbids; three failing runs put a URL on the dashboard's list.

use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use helpatlas::bundled;
use helpatlas::linkcheck::{self, CheckSettings, LinkOutcome};
use helpatlas::model::{Author, Channel, ChannelType, Directory};
use helpatlas::store;
use std::time::Duration;
use tokio::io::AsyncWriteExt;
use tokio::net::TcpListener;
use uuid::Uuid;

async fn web_server() -> String {
    let redirect = |to: &'static str| move || async move { (StatusCode::FOUND, [(header::LOCATION, to)]) };
    let app = Router::new()
        .route("/ok", get(|| async { "fine" }))
        .route("/moved", get(|| async { (StatusCode::MOVED_PERMANENTLY, [(header::LOCATION, "/ok")]) }))
        .route("/missing", get(|| async { StatusCode::NOT_FOUND }))
        .route("/gone", get(|| async { StatusCode::GONE }))
        .route("/loop-a", get(redirect("/loop-b")))
        .route("/loop-b", get(redirect("/loop-a")))
        .route("/private/page", get(|| async { "never fetched" }))
        .route(
            "/slow",
            get(|| async {
                tokio::time::sleep(Duration::from_secs(30)).await;
                "too late".into_response()
            }),
        )
        .route("/robots.txt", get(|| async { "User-agent: *\nDisallow: /private\n" }));
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("port");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move { axum::serve(listener, app).await });
    format!("http://{addr}")
}

/// A server that answers in plain text where TLS is expected: every https request to it fails its
/// handshake.
async fn not_tls_server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("port");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let _ = socket.write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n").await;
        }
    });
    format!("https://{addr}/")
}

/// One organization and a service per URL, every link on the servers above.
fn directory(urls: &[String], org_url: &str) -> Directory {
    let bundled = bundled::load().expect("bundled data").0;
    let mut organization = bundled.organizations[0].clone();
    organization.url = Some(org_url.to_string());
    let template = bundled.services.iter().find(|s| s.organization_id == organization.id).expect("a service").clone();
    let services = urls
        .iter()
        .enumerate()
        .map(|(i, url)| {
            let mut s = template.clone();
            s.id = Uuid::now_v7();
            s.url = Some(url.clone());
            s.source_url = org_url.to_string();
            s.location_ids.clear();
            s.channels = vec![Channel {
                kind: ChannelType::Phone,
                value: if i == 0 { "+47 22 40 00 4".into() } else { "+47 22 40 00 40".into() },
                label: None,
                hours: None,
            }];
            s
        })
        .collect();
    Directory { organizations: vec![organization], locations: Vec::new(), services }
}

#[tokio::test]
async fn links_are_checked_politely_and_three_failures_in_a_row_reach_the_dashboard() {
    let web = web_server().await;
    let tls = not_tls_server().await;
    let path = |p: &str| format!("{web}{p}");
    let urls = vec![
        path("/moved"),
        path("/missing"),
        path("/gone"),
        path("/loop-a"),
        path("/slow"),
        path("/private/page"),
        tls.clone(),
    ];
    let dir = tempfile::tempdir().expect("dir");
    let store = store::open(&format!("sqlite://{}?mode=rwc", dir.path().join("c.db").display())).await.expect("open");
    let directory = directory(&urls, &path("/ok"));
    let (uses, _) = linkcheck::links_of(&directory);
    assert!(
        uses.iter().all(|u| u.url.starts_with("http://127.0.0.1:") || u.url.starts_with("https://127.0.0.1:")),
        "loopback only"
    );
    store.upsert(&directory, &Author::System).await.expect("store");
    let settings =
        CheckSettings { timeout: Duration::from_secs(1), concurrency: 4, per_host: 2, ..CheckSettings::default() };
    for run in 1..=3 {
        let summary = linkcheck::run(store.as_ref(), &settings).await.expect("run");
        assert_eq!((summary.checked, summary.ok, summary.blocked, summary.failed.len()), (8, 2, 1, 5), "run {run}");
        assert_eq!(summary.phones_checked, 7);
        assert_eq!(summary.phone_problems.len(), 1, "{:?}", summary.phone_problems);
        assert!(summary.phone_problems[0].problem.contains("is not valid"), "{:?}", summary.phone_problems);
        let on_dashboard = store.failing_links(linkcheck::FAILURES_FOR_DASHBOARD).await.expect("read");
        assert_eq!(on_dashboard.len(), if run == 3 { 5 } else { 0 }, "run {run}");
    }
    let failing = store.failing_links(3).await.expect("read");
    let by_url = |u: &str| failing.iter().find(|s| s.result.url == u).unwrap_or_else(|| panic!("{u} failing"));
    assert_eq!((by_url(&path("/missing")).result.status, by_url(&path("/gone")).result.status), (Some(404), Some(410)));
    assert_eq!(by_url(&path("/gone")).result.outcome, LinkOutcome::Broken);
    let looping = by_url(&path("/loop-a"));
    assert!(looping.result.detail.contains("loop"), "{:?}", looping.result);
    assert_eq!(looping.result.redirects.len(), 2);
    let slow = by_url(&path("/slow"));
    assert_eq!((slow.result.outcome, slow.result.detail.as_str()), (LinkOutcome::Unreachable, "no answer within 1 s"));
    let broken_tls = by_url(&tls);
    assert_eq!(broken_tls.result.outcome, LinkOutcome::Unreachable);
    assert!(!broken_tls.result.detail.is_empty());
    assert_eq!(by_url(&path("/gone")).uses.len(), 1, "the service that uses it");
    assert!(failing.iter().all(|s| s.failures_in_a_row == 3));
    let all = store.failing_links(0).await.expect("read");
    let blocked = all.iter().find(|s| s.result.url == path("/private/page")).expect("recorded");
    assert_eq!((blocked.result.outcome, blocked.failures_in_a_row), (LinkOutcome::Blocked, 0));
    assert!(all.iter().all(|s| s.result.url != path("/moved")), "a redirect to a working page is fine");
    store.close().await;
}
