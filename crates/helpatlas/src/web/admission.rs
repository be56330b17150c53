//! Admission of computed pages. A page missing from the page cache is made by a search and a render on
//! a blocking thread; without a bound, a flood of distinct queries (never cached, every filter
//! combination of a large country) would start hundreds of such threads on a few cores, and every
//! visitor, including one looking for a crisis line, would wait behind them.
//!
//! So at most `computing` pages are made at once and at most `waiting` more wait their turn; beyond
//! that a request is answered at once with `503 Service Unavailable` and `Retry-After`, on a small
//! page that still carries the crisis banner of the country asked about. Kept pages are answered
//! from memory before admission is asked, and a country's crisis information (its overview and its
//! helplines, without filters) is always made, however busy the server is.

use super::computing::ComputingThreads;
use super::frame::Frame;
use super::language::Visit;
use super::AppState;
use crate::geo::atlas;
use crate::i18n::Language;
use askama::Template;
use axum::http::{header, HeaderValue, StatusCode, Uri};
use axum::response::{Html, IntoResponse, Response};
use std::sync::Arc;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// Seconds a shed client is asked to wait before trying again.
const RETRY_AFTER_SECONDS: u32 = 5;

/// How many pages are made at once and how many more may wait.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AdmissionLimits {
    pub computing: usize,
    pub waiting: usize,
}

impl Default for AdmissionLimits {
    /// One page per core (a page is CPU work: more at once only makes each slower), and a queue of
    /// what those cores make in well under a second on a large directory.
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, usize::from);
        AdmissionLimits { computing: cores, waiting: 16 * cores }
    }
}

pub struct Admission {
    limits: AdmissionLimits,
    /// Permits for those computing and those waiting together: when none is left, the request is shed.
    admitted: Arc<Semaphore>,
    /// `computing` threads, taking admitted pages in turn from one queue.
    threads: ComputingThreads,
}

/// A place among those computing or waiting; dropping it lets another request in.
pub struct Ticket {
    _admitted: OwnedSemaphorePermit,
}

/// The queue is full: the request is to be refused.
#[derive(Debug, PartialEq, Eq)]
pub struct Full;

impl Admission {
    pub fn new(limits: AdmissionLimits) -> Admission {
        let computing = limits.computing.max(1);
        Admission {
            limits,
            admitted: Arc::new(Semaphore::new(computing + limits.waiting)),
            threads: ComputingThreads::start(computing),
        }
    }

    pub fn limits(&self) -> AdmissionLimits {
        self.limits
    }

    /// A place in the queue, or `Full` at once when there is none.
    pub fn enter(&self) -> Result<Ticket, Full> {
        let admitted = Arc::clone(&self.admitted).try_acquire_owned().map_err(|_| Full)?;
        Ok(Ticket { _admitted: admitted })
    }

    /// Makes a page with its `ticket` on the computing threads, which give way to the async workers:
    /// it waits in their queue, in order, until a thread is free. Waiting there rather than for a
    /// permit lets a thread that ends a page start the next at once: with the turn handed over by a
    /// semaphore, each page waited for an async worker to wake up and pass it on, and the thread slept
    /// meanwhile. The ticket is given back when the work ends, even if its client has left, or when
    /// its turn comes after the client left (the page is then not made). `None` if the work panicked
    /// or was not made.
    pub async fn compute<T: Send + 'static>(
        &self,
        ticket: Ticket,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Option<T> {
        self.threads
            .run(move || {
                let made = work();
                drop(ticket);
                made
            })
            .await
    }
}

/// Whether the request asks for a country's crisis information, which is made however busy the server
/// is: `/`, `/{cc}` and `/{cc}/helplines`, without parameters (with them, the page is a search).
pub fn is_crisis_information(uri: &Uri) -> bool {
    if uri.query().is_some_and(|q| !q.is_empty()) {
        return false;
    }
    let mut segments = uri.path().trim_matches('/').split('/');
    match (segments.next(), segments.next(), segments.next()) {
        (Some(""), None, None) => true,
        (Some(code), rest, None) if atlas_country(code) => matches!(rest, None | Some("helplines")),
        _ => false,
    }
}

fn atlas_country(code: &str) -> bool {
    code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase()) && atlas().parse_country(code).is_some()
}

#[derive(Template)]
#[template(path = "busy.html")]
struct BusyPage {
    t: &'static crate::i18n::Messages,
    frame: Frame,
    country_href: Option<String>,
}

/// The answer to a shed request: `503` with `Retry-After`; JSON for the API, otherwise a page with the
/// crisis banner of the country in the path (international guidance when there is none).
pub fn busy(state: &AppState, uri: &Uri) -> Response {
    metrics::counter!("helpatlas_requests_shed_total").increment(1);
    let mut response = if uri.path().starts_with("/api/") { busy_json() } else { busy_page(state, uri) };
    let headers = response.headers_mut();
    headers.insert(header::RETRY_AFTER, HeaderValue::from(RETRY_AFTER_SECONDS));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

fn busy_json() -> Response {
    let body = serde_json::json!({
        "status": 503,
        "error": "Service Unavailable",
        "message": format!("too many searches at once; try again in {RETRY_AFTER_SECONDS} seconds"),
    });
    let mut response = (StatusCode::SERVICE_UNAVAILABLE, axum::Json(body)).into_response();
    response.headers_mut().insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    response
}

fn busy_page(state: &AppState, uri: &Uri) -> Response {
    let visit = Visit::of_address(uri, state);
    let first = uri.path().trim_start_matches('/').split('/').next().unwrap_or_default();
    let country = (first.len() == 2 && first.bytes().all(|b| b.is_ascii_lowercase()))
        .then(|| atlas().parse_country(first))
        .flatten();
    let frame = match country {
        Some(c) => Frame::for_country(&visit, &state.index(), c.code),
        None => Frame::international(&visit, Language::English),
    };
    let t = frame.t;
    let page = BusyPage {
        t,
        frame: frame.titled(t.get("error.busy.title")),
        country_href: country.map(|c| format!("/{}", c.code.slug())),
    };
    let body = page.render().unwrap_or_else(|_| t.get("error.busy.detail").to_string());
    (StatusCode::SERVICE_UNAVAILABLE, Html(body)).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures_util::FutureExt;

    #[test]
    fn crisis_information_is_a_country_overview_or_its_helplines_without_parameters() {
        let crisis = |uri: &str| is_crisis_information(&uri.parse().expect("uri"));
        assert!(crisis("/"));
        assert!(crisis("/no"));
        assert!(crisis("/no/"));
        assert!(crisis("/no/helplines"));
        assert!(!crisis("/no/helplines?topic=grief"), "filters make it a search");
        assert!(!crisis("/no?city=oslo"));
        assert!(!crisis("/no/in-person"));
        assert!(!crisis("/no/search"));
        assert!(!crisis("/zz"), "not a country");
        assert!(!crisis("/NO"));
        assert!(!crisis("/no/helplines/x"));
        assert!(!crisis("/api/search"));
    }

    #[tokio::test]
    async fn beyond_those_computing_and_waiting_requests_are_refused_and_the_waiting_one_runs_after() {
        let admission = Arc::new(Admission::new(AdmissionLimits { computing: 1, waiting: 1 }));
        let (first, second) = (admission.enter().expect("the first computes"), admission.enter().expect("one waits"));
        assert!(matches!(admission.enter(), Err(Full)), "the third is refused at once");
        let (release, released) = std::sync::mpsc::channel::<()>();
        let started = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let running = {
            let (admission, started) = (Arc::clone(&admission), Arc::clone(&started));
            async move {
                let work = move || {
                    started.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                    released.recv().is_ok()
                };
                admission.compute(first, work).await
            }
        };
        let waiting = {
            let started = Arc::clone(&started);
            admission.compute(second, move || started.fetch_add(1, std::sync::atomic::Ordering::SeqCst))
        };
        let (running, mut waiting) = (tokio::spawn(running), Box::pin(waiting));
        while started.load(std::sync::atomic::Ordering::SeqCst) == 0 {
            tokio::task::yield_now().await;
        }
        assert!((&mut waiting).now_or_never().is_none(), "the second is queued behind the first");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        assert!((&mut waiting).now_or_never().is_none(), "and waits for the one thread");
        assert_eq!(started.load(std::sync::atomic::Ordering::SeqCst), 1, "only the first has started");
        assert!(matches!(admission.enter(), Err(Full)), "both places are still taken");
        release.send(()).expect("the first is running");
        assert_eq!(running.await.expect("task"), Some(true));
        assert_eq!(waiting.await, Some(1), "the second ran once the first ended");
        assert!(admission.enter().is_ok(), "a free queue admits again");
    }

    #[tokio::test]
    async fn a_page_whose_client_left_before_its_turn_is_not_made() {
        let admission = Arc::new(Admission::new(AdmissionLimits { computing: 1, waiting: 1 }));
        let (first, second) = (admission.enter().expect("a place"), admission.enter().expect("a place"));
        let (release, released) = std::sync::mpsc::channel::<()>();
        let running = {
            let admission = Arc::clone(&admission);
            tokio::spawn(async move { admission.compute(first, move || released.recv().is_ok()).await })
        };
        let made = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let left = {
            let made = Arc::clone(&made);
            admission.compute(second, move || made.store(true, std::sync::atomic::Ordering::SeqCst))
        };
        assert!(Box::pin(left).now_or_never().is_none(), "queued behind the first");
        release.send(()).expect("the first is running");
        assert_eq!(running.await.expect("task"), Some(true));
        let next = admission.enter().expect("the left page's place is free");
        assert_eq!(admission.compute(next, || 7).await, Some(7));
        assert!(!made.load(std::sync::atomic::Ordering::SeqCst), "the page of the client that left was not made");
    }
}
