//! Overload over HTTP: pages to be made beyond a bounded queue are refused with `503` and
//! `Retry-After` on a page that keeps the crisis banner, while kept pages and every country's crisis
//! information are still answered.

mod common;

use helpatlas::app;
use helpatlas::config::DataConfig;
use helpatlas::web::admission::{AdmissionLimits, Ticket};
use helpatlas::web::AppState;
use std::time::{Duration, Instant};
use tokio::sync::oneshot;

struct Server {
    base: String,
    state: AppState,
    client: reqwest::Client,
    _data: tempfile::TempDir,
    _stop: oneshot::Sender<()>,
}

async fn server(limits: AdmissionLimits) -> Server {
    server_caching(limits, true).await
}

async fn server_caching(limits: AdmissionLimits, caching: bool) -> Server {
    let data = tempfile::tempdir().expect("temporary directory");
    let config = DataConfig { data_dir: data.path().to_path_buf(), database: None };
    let state = app::prepare(&config, caching).await.expect("app prepares").with_admission(limits);
    let listener = app::bind("127.0.0.1:0").await.expect("a free port");
    let (stop, stopped) = oneshot::channel::<()>();
    let running = app::start(state.clone(), listener, async {
        let _ = stopped.await;
    })
    .await
    .expect("app starts");
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("client");
    Server { base: format!("http://{}", running.addr), state, client, _data: data, _stop: stop }
}

impl Server {
    async fn get(&self, path: &str) -> (u16, Option<String>, String) {
        let response = self.client.get(format!("{}{path}", self.base)).send().await.expect("request");
        let status = response.status().as_u16();
        let retry = response.headers().get("retry-after").map(|v| v.to_str().unwrap_or_default().to_string());
        (status, retry, response.text().await.expect("body"))
    }
}

impl Server {
    /// Takes the one computing place and the one waiting place of a queue of limits (1, 1).
    fn fill_queue(&self) -> (Ticket, Ticket) {
        let admission = self.state.admission();
        (admission.enter().expect("a place"), admission.enter().expect("a place"))
    }
}

/// The emergency number link of the crisis banner on a page.
fn banner_number(page: &str) -> String {
    let start = page.find("class=\"tel big\" href=\"").expect("the page shows the emergency number");
    page[start..].split('"').nth(3).expect("href").to_string()
}

#[tokio::test]
async fn a_full_queue_sheds_searches_but_not_kept_pages_or_crisis_information() {
    let server = server(AdmissionLimits { computing: 1, waiting: 1 }).await;
    let (status, _, kept) = server.get("/no/in-person").await;
    assert_eq!(status, 200);
    let (status, _, _) = server.get("/api/search?country=no&q=angst").await;
    assert_eq!(status, 200);

    // Two pages being made: the one computing and the one waiting fill the queue.
    let places = server.fill_queue();

    let (status, retry, page) = server.get("/no/search?q=sorg").await;
    assert_eq!(status, 503, "{page}");
    assert_eq!(retry.as_deref(), Some("5"));
    assert_eq!(banner_number(&page), banner_number(&kept), "the refusal shows Norway's emergency number");
    assert!(page.contains("href=\"/no\""), "and links to the country's crisis information");

    let (status, retry, body) = server.get("/api/search?country=se&q=sorg").await;
    assert_eq!((status, retry.as_deref()), (503, Some("5")));
    let json: serde_json::Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(json["status"], 503);

    let (status, _, page) = server.get("/zz-unknown/search?q=x").await;
    assert_eq!(status, 503, "an unknown country is refused like any search");
    assert!(page.contains("class=\"crisis\""), "with international guidance");

    for path in ["/no/in-person", "/api/search?country=no&q=angst"] {
        assert_eq!(server.get(path).await.0, 200, "{path} was kept and is answered from memory");
    }
    for path in ["/", "/se", "/se/helplines", "/fi", "/de/helplines"] {
        assert_eq!(server.get(path).await.0, 200, "{path} is crisis information, made however busy");
    }

    drop(places);
    let (status, retry, _) = server.get("/no/search?q=sorg").await;
    assert_eq!((status, retry), (200, None), "a free queue admits the search again");
}

#[tokio::test]
async fn without_the_page_cache_a_full_queue_still_sheds_searches_but_not_crisis_information() {
    let server = server_caching(AdmissionLimits { computing: 1, waiting: 1 }, false).await;
    assert_eq!(server.get("/no/search?q=sorg").await.0, 200, "an idle server makes the search");

    let places = server.fill_queue();

    let (status, retry, page) = server.get("/no/search?q=sorg").await;
    assert_eq!((status, retry.as_deref()), (503, Some("5")), "{page}");
    assert!(page.contains("class=\"crisis\""), "the refusal keeps the crisis banner");
    for path in ["/", "/no", "/no/helplines"] {
        assert_eq!(server.get(path).await.0, 200, "{path} is crisis information, made however busy");
    }

    drop(places);
    assert_eq!(server.get("/no/search?q=sorg").await.0, 200, "a free queue admits the search again");
}

/// Percentile `p` (0–100) of `samples`.
fn percentile(samples: &mut [Duration], p: usize) -> Duration {
    samples.sort();
    samples[(samples.len() * p / 100).min(samples.len() - 1)]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_flood_of_distinct_searches_leaves_crisis_information_answered() {
    let server = std::sync::Arc::new(server(AdmissionLimits { computing: 1, waiting: 2 }).await);
    let flood: Vec<_> = (0..400)
        .map(|i| {
            let server = std::sync::Arc::clone(&server);
            tokio::spawn(async move {
                let path = format!("/no/search?q=flood{i}");
                let (status, retry, page) = server.get(&path).await;
                match status {
                    200 => assert!(retry.is_none()),
                    503 => {
                        assert_eq!(retry.as_deref(), Some("5"));
                        assert!(page.contains("class=\"tel big\""), "a refusal still shows the emergency number");
                    }
                    other => panic!("{path}: {other}"),
                }
                status
            })
        })
        .collect();
    let mut crisis_times = Vec::new();
    for country in ["no", "se", "dk", "fi", "de", "fr", "gb", "us", "au", "nz"] {
        for path in [format!("/{country}"), format!("/{country}/helplines")] {
            let started = Instant::now();
            let (status, _, page) = server.get(&path).await;
            crisis_times.push(started.elapsed());
            assert_eq!(status, 200, "{path} during the flood: {page}");
        }
    }
    let mut shed = 0;
    for answer in flood {
        shed += usize::from(answer.await.expect("flood request") == 503);
    }
    println!(
        "flood of 400 distinct searches: {shed} shed; crisis pages p50 {:?}, p99 {:?}",
        percentile(&mut crisis_times, 50),
        percentile(&mut crisis_times, 99)
    );
}
