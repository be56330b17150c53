//! Whole responses of the pages people ask again and again (a country's helplines, a city's in-person
//! services, the same `/api/search`), kept as bytes so that a repeated request costs a hash lookup
//! instead of a search and a render.
//!
//! A page depends only on its URL, the index version and the clock (through "open now", which has
//! minute resolution), so a kept page is fresh for the minute and index version it was made in. When
//! the minute turns, the first request for a page gets the last minute's copy while the page is made
//! anew in the background, one page at a time: otherwise every popular page would be recomputed at
//! once on the minute, and each visitor would wait for it. A new index version is never answered from an older one.
//! Only complete `200` answers are kept; error pages, redirects and streams pass through. A page to
//! be made waits for its turn in [`super::admission`], which sheds what a bounded queue cannot hold.

use super::admission::{busy, is_crisis_information, Full, Ticket};
use axum::body::{to_bytes, Body, Bytes, HttpBody};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

/// Most bytes kept; see [`Pages::make_room`] for what goes when that is reached.
const CAPACITY_BYTES: usize = 64 * 1024 * 1024;
/// Larger bodies are served but not kept.
const MAX_BODY_BYTES: usize = 256 * 1024;
/// Minutes an outdated copy may still be answered instead of `503` when the queue is full.
const OUTDATED_IF_BUSY_MINUTES: i64 = 15;

/// The index version and the minute a page was made in.
type Stamp = (i64, i64);

#[derive(Clone)]
struct Page {
    headers: HeaderMap,
    body: Bytes,
}

struct Entry {
    stamp: Stamp,
    page: Page,
    /// Times it was asked for since it was kept or room was last made.
    hits: u32,
}

struct Pages {
    capacity: usize,
    entries: HashMap<String, Entry>,
    bytes: usize,
    /// Pages being made anew in the background.
    refreshing: HashSet<String>,
}

impl Pages {
    /// When full, the pages nobody asked for again since room was last made go: under a flood of
    /// distinct searches, or a crawler walking every filter, those are nearly all, and the pages people
    /// keep asking for stay (starting over would send every one of them to the queue the flood fills).
    /// The pages that stay must be asked for again to stay next time; should too few go, all go.
    fn make_room(&mut self) {
        self.entries.retain(|_, e| std::mem::take(&mut e.hits) > 0);
        self.bytes = self.entries.iter().map(|(key, e)| key.len() + e.page.body.len()).sum();
        if self.bytes > self.capacity / 2 {
            self.entries.clear();
            self.bytes = 0;
        }
    }
}

enum Lookup {
    Fresh(Page),
    /// Last minute's copy; `refresh` tells the caller to make the page anew.
    Stale {
        page: Page,
        refresh: bool,
    },
    /// Not kept for this minute or the last; `outdated` is an older copy of the same index version,
    /// answered only when the page cannot be made now.
    Missing {
        outdated: Option<Page>,
    },
}

pub struct PageCache {
    enabled: bool,
    pages: Mutex<Pages>,
    /// Stale pages are remade one at a time, so that on the minute one core remakes pages while the
    /// other keeps answering; a popular page is served stale a little longer instead.
    remaking: tokio::sync::Semaphore,
}

impl PageCache {
    pub fn new(enabled: bool) -> PageCache {
        PageCache::with_capacity(enabled, CAPACITY_BYTES)
    }

    fn with_capacity(enabled: bool, capacity: usize) -> PageCache {
        let pages = Pages { capacity, entries: HashMap::new(), bytes: 0, refreshing: HashSet::new() };
        PageCache { enabled, pages: Mutex::new(pages), remaking: tokio::sync::Semaphore::new(1) }
    }

    fn lookup(&self, stamp: Stamp, key: &str) -> Lookup {
        let Ok(mut pages) = self.pages.lock() else { return Lookup::Missing { outdated: None } };
        let found = pages.entries.get_mut(key).map(|e| {
            e.hits = e.hits.saturating_add(1);
            &*e
        });
        let page = match found {
            Some(e) if e.stamp == stamp => return Lookup::Fresh(e.page.clone()),
            Some(e) if e.stamp.0 == stamp.0 && e.stamp.1 + 1 == stamp.1 => e.page.clone(),
            Some(e) if e.stamp.0 == stamp.0 && stamp.1 - e.stamp.1 <= OUTDATED_IF_BUSY_MINUTES => {
                return Lookup::Missing { outdated: Some(e.page.clone()) }
            }
            _ => return Lookup::Missing { outdated: None },
        };
        let refresh = pages.refreshing.insert(key.to_string());
        Lookup::Stale { page, refresh }
    }

    fn put(&self, stamp: Stamp, key: String, page: Page) {
        let Ok(mut pages) = self.pages.lock() else { return };
        pages.refreshing.remove(&key);
        let size = key.len() + page.body.len();
        if pages.bytes + size > pages.capacity {
            pages.make_room();
        }
        pages.bytes += size;
        let hits = pages.entries.get(&key).map_or(0, |e| e.hits);
        if let Some(old) = pages.entries.insert(key.clone(), Entry { stamp, page, hits }) {
            pages.bytes -= key.len() + old.page.body.len();
        }
    }

    /// Forgets that `key` is being made anew, when the new answer is not to be kept.
    fn not_kept(&self, key: &str) {
        if let Ok(mut pages) = self.pages.lock() {
            pages.refreshing.remove(key);
        }
    }
}

/// Middleware for the routes whose answers depend on nothing but the URL, the index and the minute.
pub async fn serve_cached(State(state): State<super::AppState>, request: Request, next: Next) -> Response {
    if request.method() != Method::GET {
        return next.run(request).await;
    }
    if !state.pages.enabled {
        return compute_admitted(&state, next, request).await;
    }
    let stamp = (state.index().change, chrono::Utc::now().timestamp().div_euclid(60));
    let key = cache_key(request.uri(), request.headers());
    let found = state.pages.lookup(stamp, &key);
    let result = match &found {
        Lookup::Fresh(_) => "fresh",
        Lookup::Stale { .. } => "stale",
        Lookup::Missing { .. } => "missing",
    };
    metrics::counter!("helpatlas_page_cache_lookups_total", "result" => result).increment(1);
    match found {
        Lookup::Fresh(page) => page.respond(request.headers()),
        Lookup::Stale { page, refresh } => {
            let response = page.respond(request.headers());
            if refresh {
                let pages = Arc::clone(&state.pages);
                tokio::spawn(async move {
                    // The semaphore is never closed; were it, the page would be remade by a later caller.
                    let Ok(_turn) = pages.remaking.acquire().await else { return pages.not_kept(&key) };
                    keep(&pages, stamp, key, make(next, request).await).await;
                });
            }
            response
        }
        Lookup::Missing { .. } if is_crisis_information(request.uri()) => {
            keep(&state.pages, stamp, key, make(next, request).await).await
        }
        // Under a flood the background remaking falls behind and pages people keep asking for drop
        // out of the last minute; a copy a few minutes old ("open now" as it was then) serves them
        // better than a refusal.
        Lookup::Missing { outdated } => match state.admission().enter() {
            Ok(turn) => keep(&state.pages, stamp, key, make_admitted(&state, next, request, turn).await).await,
            Err(Full) => match outdated {
                Some(page) => page.respond(request.headers()),
                None => busy(&state, request.uri()),
            },
        },
    }
}

/// Without the cache (`serve --no-cache`) every page is computed, so every page but a country's crisis
/// information goes through admission: the bounded queue protects the same visitors either way.
async fn compute_admitted(state: &super::AppState, next: Next, request: Request) -> Response {
    if is_crisis_information(request.uri()) {
        return make(next, request).await;
    }
    match state.admission().enter() {
        Ok(turn) => make_admitted(state, next, request, turn).await,
        Err(Full) => busy(state, request.uri()),
    }
}

/// The path and its parameters in one order: `?a=1&b=2` and `?b=2&a=1` ask for the same page. Keys
/// keep each parameter's values in their order, since repeated keys list several choices. The start
/// page without `hl` is in the language `Accept-Language` suggests, which is part of its key.
fn cache_key(uri: &axum::http::Uri, headers: &HeaderMap) -> String {
    let Some(query) = uri.query().filter(|q| !q.is_empty()) else {
        if uri.path() == "/" {
            let accepted = headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(crate::i18n::Language::negotiate)
                .unwrap_or(crate::i18n::Language::English);
            return format!("/ (Accept-Language: {})", accepted.code());
        }
        return uri.path().to_string();
    };
    let mut pairs: Vec<&str> = query.split('&').filter(|p| !p.is_empty()).collect();
    pairs.sort_by_key(|pair| pair.split('=').next().unwrap_or_default());
    format!("{}?{}", uri.path(), pairs.join("&"))
}

/// Runs the handler on a blocking thread: a page is made by synchronous search and rendering, which
/// would otherwise hold up one of the few async workers that answer every kept page. Used for a
/// country's crisis information and the remaking of kept pages, which go at full priority.
async fn make(next: Next, request: Request) -> Response {
    let runtime = tokio::runtime::Handle::current();
    let made = tokio::task::spawn_blocking(move || runtime.block_on(next.run(request))).await;
    made.unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response())
}

/// As [`make`], for a page admitted with its `turn`: on admission's computing threads, which give
/// way to the async workers. The turn goes with the work, which goes on when its client leaves: its
/// place in the queue is freed when the work ends, not before.
async fn make_admitted(state: &super::AppState, next: Next, request: Request, turn: Ticket) -> Response {
    let runtime = tokio::runtime::Handle::current();
    let made = state.admission().compute(turn, move || runtime.block_on(next.run(request))).await;
    made.unwrap_or_else(|| StatusCode::INTERNAL_SERVER_ERROR.into_response())
}

/// Keeps a complete `200` answer of known, small size, and gives back the response to send.
async fn keep(cache: &PageCache, stamp: Stamp, key: String, response: Response) -> Response {
    // Rendered pages have a known length; streams (ndjson) do not and pass through.
    let small = response.body().size_hint().exact().is_some_and(|n| n <= MAX_BODY_BYTES as u64);
    if response.status() != StatusCode::OK || !small {
        cache.not_kept(&key);
        return response;
    }
    let (parts, body) = response.into_parts();
    match to_bytes(body, MAX_BODY_BYTES).await {
        Ok(body) => {
            cache.put(stamp, key, Page { headers: parts.headers.clone(), body: body.clone() });
            Response::from_parts(parts, Body::from(body))
        }
        // An in-memory body of known length does not fail; should one, the client sees an error.
        Err(_) => {
            cache.not_kept(&key);
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

impl Page {
    /// The kept page, or `304 Not Modified` when the client already holds it (its ETag matches).
    fn respond(self, request: &HeaderMap) -> Response {
        let fresh =
            self.headers.get(header::ETAG).zip(request.get(header::IF_NONE_MATCH)).is_some_and(|(etag, asked)| {
                let etag = etag.to_str().unwrap_or_default();
                asked.to_str().unwrap_or_default().split(',').any(|tag| {
                    let tag = tag.trim();
                    tag == "*" || tag.trim_start_matches("W/") == etag.trim_start_matches("W/")
                })
            });
        let mut response =
            if fresh { StatusCode::NOT_MODIFIED.into_response() } else { Response::new(Body::from(self.body)) };
        let headers = response.headers_mut();
        for (name, value) in &self.headers {
            if !(fresh && name == header::CONTENT_TYPE) {
                headers.insert(name, value.clone());
            }
        }
        response
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn parameters_in_any_order_share_one_key() {
        let key = |uri: &str| super::cache_key(&uri.parse().expect("uri"), &HeaderMap::new());
        assert_eq!(key("/no/helplines?topic=grief&open=1"), key("/no/helplines?open=1&topic=grief"));
        assert_ne!(key("/no/helplines?topic=a&topic=b"), key("/no/helplines?topic=a"));
        assert_eq!(key("/no/helplines?topic=a&topic=b&open=1"), "/no/helplines?open=1&topic=a&topic=b");
        assert_eq!(key("/no?"), "/no");
    }

    #[test]
    fn the_start_page_without_hl_is_kept_per_suggested_language() {
        let mut japanese = HeaderMap::new();
        japanese.insert(header::ACCEPT_LANGUAGE, "ja,en;q=0.5".parse().expect("header"));
        let key = |uri: &str, headers: &HeaderMap| super::cache_key(&uri.parse().expect("uri"), headers);
        assert_ne!(key("/", &japanese), key("/", &HeaderMap::new()));
        assert_eq!(key("/?hl=ja", &japanese), key("/?hl=ja", &HeaderMap::new()), "hl decides, not the header");
        assert_eq!(key("/no", &japanese), key("/no", &HeaderMap::new()));
    }

    use super::*;

    fn page(text: &'static str) -> Page {
        Page { headers: HeaderMap::new(), body: Bytes::from_static(text.as_bytes()) }
    }

    fn body(found: Lookup) -> (&'static str, Bytes) {
        match found {
            Lookup::Fresh(p) => ("fresh", p.body),
            Lookup::Stale { page, refresh: true } => ("stale, refresh", page.body),
            Lookup::Stale { page, refresh: false } => ("stale", page.body),
            Lookup::Missing { outdated: None } => ("missing", Bytes::new()),
            Lookup::Missing { outdated: Some(page) } => ("missing, outdated copy", page.body),
        }
    }

    #[test]
    fn a_page_is_fresh_for_its_minute_then_served_stale_while_one_caller_remakes_it() {
        let cache = PageCache::new(true);
        cache.put((7, 100), "/no/helplines".into(), page("minute 100"));
        assert_eq!(body(cache.lookup((7, 100), "/no/helplines")), ("fresh", Bytes::from("minute 100")));
        assert_eq!(body(cache.lookup((7, 101), "/no/helplines")), ("stale, refresh", Bytes::from("minute 100")));
        assert_eq!(body(cache.lookup((7, 101), "/no/helplines")).0, "stale", "only one caller remakes it");
        cache.put((7, 101), "/no/helplines".into(), page("minute 101"));
        assert_eq!(body(cache.lookup((7, 101), "/no/helplines")), ("fresh", Bytes::from("minute 101")));
        assert_eq!(body(cache.lookup((7, 102), "/no/helplines")).0, "stale, refresh", "remade pages are remade again");
    }

    #[test]
    fn a_new_index_version_or_an_old_page_is_never_served_from_the_cache() {
        let cache = PageCache::new(true);
        cache.put((7, 100), "/no".into(), page("version 7"));
        assert_eq!(body(cache.lookup((8, 100), "/no")).0, "missing");
        assert_eq!(body(cache.lookup((7, 100), "/se")).0, "missing");
        let outdated = ("missing, outdated copy", Bytes::from("version 7"));
        assert_eq!(body(cache.lookup((7, 102), "/no")), outdated, "offered only for when the queue is full");
        assert_eq!(body(cache.lookup((7, 115), "/no")), outdated);
        assert_eq!(body(cache.lookup((7, 116), "/no")).0, "missing", "too old even for a busy server");
    }

    #[test]
    fn when_full_the_pages_asked_for_again_stay_and_those_asked_once_go() {
        let cache = PageCache::with_capacity(true, 120);
        let ten = || page("0123456789");
        cache.put((7, 100), "/no".into(), ten());
        cache.put((7, 100), "/se".into(), ten());
        assert_eq!(body(cache.lookup((7, 100), "/no")).0, "fresh");
        for n in 0..5 {
            cache.put((7, 100), format!("/flood/{n}"), ten());
        }
        // Full: the next page makes room. Only /no was asked for again.
        cache.put((7, 100), "/flood/5".into(), ten());
        assert_eq!(body(cache.lookup((7, 100), "/no")).0, "fresh", "asked again: stays");
        for gone in ["/se", "/flood/0", "/flood/4"] {
            assert_eq!(body(cache.lookup((7, 100), gone)).0, "missing", "{gone} was asked for once");
        }
        assert_eq!(body(cache.lookup((7, 100), "/flood/5")).0, "fresh", "the page that needed room is kept");
        for n in 6..12 {
            cache.put((7, 100), format!("/flood/{n}"), ten());
        }
        assert_eq!(body(cache.lookup((7, 100), "/no")).0, "fresh", "asked again since: stays again");
    }

    #[test]
    fn a_page_that_is_not_kept_can_be_remade_by_the_next_caller() {
        let cache = PageCache::new(true);
        cache.put((7, 100), "/no".into(), page("old"));
        assert_eq!(body(cache.lookup((7, 101), "/no")).0, "stale, refresh");
        cache.not_kept("/no");
        assert_eq!(body(cache.lookup((7, 101), "/no")).0, "stale, refresh");
    }
}
