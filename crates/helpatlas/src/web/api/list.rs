//! What every HSDS list endpoint shares: its query parameters, checked with exact 400 messages, and
//! the `Page` envelope — or, with `format=ndjson`, every result as one JSON document per line.

use super::{cached, json_response, ApiError, ApiResult};
use crate::search::Index;
use crate::web::params::{MAX_PAGE, MAX_QUERY_STRING};
use axum::body::Body;
use axum::http::HeaderMap;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use serde_json::{json, Value};
use std::sync::Arc;
use uuid::Uuid;

/// Largest page size, as for the public pages' search.
pub const MAX_PER_PAGE: usize = crate::search::query::MAX_PER_PAGE;
pub const DEFAULT_PER_PAGE: usize = 50;

/// The HSDS list parameters (all optional; filters combine with AND).
#[derive(Debug, Default)]
pub struct ListQuery {
    pub search: Option<String>,
    pub page: usize,
    pub per_page: usize,
    pub ndjson: bool,
    pub taxonomy_term_id: Option<Uuid>,
    pub taxonomy_id: Option<Uuid>,
    pub organization_id: Option<Uuid>,
    pub modified_after: Option<DateTime<Utc>>,
    pub minimal: bool,
    pub full: bool,
}

/// The query's pairs, empty values kept: `taxonomy_term_id=` is a bad UUID, not an absent one.
struct Params(Vec<(String, String)>);

impl Params {
    fn parse(raw: Option<&str>) -> Result<Params, ApiError> {
        let raw = raw.unwrap_or("");
        if raw.len() > MAX_QUERY_STRING {
            return Err(ApiError::bad_request(format!("the query is longer than {MAX_QUERY_STRING} characters")));
        }
        Ok(Params(url::form_urlencoded::parse(raw.as_bytes()).into_owned().collect()))
    }

    fn one(&self, key: &str) -> Option<&str> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }
}

fn uuid(params: &Params, key: &str) -> Result<Option<Uuid>, ApiError> {
    params
        .one(key)
        .map(|v| Uuid::parse_str(v.trim()).map_err(|_| ApiError::bad_request(format!("{key}: `{v}` is not a UUID"))))
        .transpose()
}

fn boolean(params: &Params, key: &str) -> Result<bool, ApiError> {
    match params.one(key) {
        None | Some("false") => Ok(false),
        Some("true") => Ok(true),
        Some(other) => Err(ApiError::bad_request(format!("{key}: `{other}` is not true or false"))),
    }
}

fn whole(params: &Params, key: &str, default: usize, max: usize) -> Result<usize, ApiError> {
    let Some(raw) = params.one(key) else { return Ok(default) };
    match raw.trim().parse::<usize>() {
        Ok(n) if (1..=max).contains(&n) => Ok(n),
        _ => Err(ApiError::bad_request(format!("{key}: `{raw}` is not a whole number from 1 to {max}"))),
    }
}

impl ListQuery {
    pub fn parse(raw: Option<&str>) -> Result<ListQuery, ApiError> {
        let params = Params::parse(raw)?;
        let search = params.one("search").map(str::trim).filter(|s| !s.is_empty()).map(String::from);
        let max_chars = crate::search::query::MAX_QUERY_CHARS;
        if search.as_ref().is_some_and(|s| s.chars().count() > max_chars) {
            return Err(ApiError::bad_request(format!("search: longer than {max_chars} characters")));
        }
        let modified_after = match params.one("modified_after") {
            None => None,
            Some(raw) => Some(parse_datetime(raw).ok_or_else(|| {
                ApiError::bad_request(format!(
                    "modified_after: `{raw}` is not a date (YYYY-MM-DD) or RFC 3339 date and time"
                ))
            })?),
        };
        let ndjson = match params.one("format") {
            None | Some("json") => false,
            Some("ndjson") => true,
            Some(other) => return Err(ApiError::bad_request(format!("format: `{other}` is not json or ndjson"))),
        };
        Ok(ListQuery {
            search,
            page: whole(&params, "page", 1, MAX_PAGE)?,
            per_page: whole(&params, "per_page", DEFAULT_PER_PAGE, MAX_PER_PAGE)?,
            ndjson,
            taxonomy_term_id: uuid(&params, "taxonomy_term_id")?,
            taxonomy_id: uuid(&params, "taxonomy_id")?,
            organization_id: uuid(&params, "organization_id")?,
            modified_after,
            minimal: boolean(&params, "minimal")?,
            full: boolean(&params, "full")?,
        })
    }
}

fn parse_datetime(raw: &str) -> Option<DateTime<Utc>> {
    let raw = raw.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(raw) {
        return Some(t.with_timezone(&Utc));
    }
    let date = chrono::NaiveDate::parse_from_str(raw, "%Y-%m-%d").ok()?;
    Some(date.and_hms_opt(0, 0, 0)?.and_utc())
}

/// Answers a list: the requested page in the HSDS `Page` envelope, or with `format=ndjson` every item,
/// one per line, without paging (as HSDS asks).
pub fn answer<T>(headers: &HeaderMap, query: &ListQuery, items: Vec<T>, render: impl Fn(&T) -> Value) -> ApiResult {
    if query.ndjson {
        let mut body = Vec::new();
        for item in &items {
            serde_json::to_writer(&mut body, &render(item)).map_err(|e| ApiError::bad_request(e.to_string()))?;
            body.push(b'\n');
        }
        return Ok(cached(headers, body, "application/x-ndjson"));
    }
    let total = items.len();
    let total_pages = total.div_ceil(query.per_page);
    let contents: Vec<Value> =
        items.iter().skip((query.page - 1) * query.per_page).take(query.per_page).map(render).collect();
    let page = json!({
        "total_items": total,
        "total_pages": total_pages,
        "page_number": query.page,
        "size": contents.len(),
        "first_page": query.page == 1,
        "last_page": query.page >= total_pages,
        "empty": contents.is_empty(),
        "contents": contents,
    });
    Ok(json_response(headers, &page))
}

/// Answers a list of records held by the index: `select` picks and orders them and `render` makes each
/// one's JSON, served as a `Page`, or streamed with `format=ndjson`.
pub fn respond<T: 'static>(
    request: &HeaderMap,
    raw_query: Option<&str>,
    query: ListQuery,
    index: Arc<Index>,
    select: impl Fn(&Index, &ListQuery) -> Vec<T> + Send + 'static,
    render: impl Fn(&Index, &T, &ListQuery) -> Value + Send + 'static,
) -> ApiResult {
    if query.ndjson {
        return Ok(stream_ndjson(request, raw_query, index, move |index, emit| {
            select(index, &query).iter().for_each(|item| emit(render(index, item, &query)));
        }));
    }
    answer(request, &query, select(&index, &query), |item| render(&index, item, &query))
}

/// Bytes of ndjson gathered before they are sent on.
const STREAM_CHUNK: usize = 64 * 1024;

/// Answers `format=ndjson` as a stream: a blocking task walks the index and sends the lines in chunks,
/// so a whole directory never sits in memory as one body. `produce` calls `emit` once per item, in
/// order. The ETag names the index version and the query, which together fix the body.
pub fn stream_ndjson(
    request: &HeaderMap,
    raw_query: Option<&str>,
    index: Arc<Index>,
    produce: impl FnOnce(&Index, &mut dyn FnMut(Value)) + Send + 'static,
) -> Response {
    let etag = format!("W/\"{}-{:016x}\"", index.change, fnv(raw_query.unwrap_or("")));
    let fresh = request.get(header::IF_NONE_MATCH).and_then(|v| v.to_str().ok()).is_some_and(|v| v.contains(&etag));
    let mut response = if fresh {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let (tx, rx) = tokio::sync::mpsc::channel::<Vec<u8>>(8);
        tokio::task::spawn_blocking(move || {
            let mut chunk = Vec::with_capacity(STREAM_CHUNK);
            let mut gone = false;
            produce(&index, &mut |value: Value| {
                if gone || serde_json::to_writer(&mut chunk, &value).is_err() {
                    return;
                }
                chunk.push(b'\n');
                if chunk.len() >= STREAM_CHUNK {
                    // The client has hung up when the send fails: stop serialising.
                    gone = tx.blocking_send(std::mem::take(&mut chunk)).is_err();
                }
            });
            if !gone && !chunk.is_empty() {
                let _ = tx.blocking_send(chunk);
            }
        });
        // A closed channel keeps answering `None`, so the body may be polled again after its end (the
        // compression layer does).
        let mut rx = rx;
        let body = futures_util::stream::poll_fn(move |cx| {
            rx.poll_recv(cx).map(|chunk| chunk.map(Ok::<_, std::convert::Infallible>))
        });
        let mut response = Response::new(Body::from_stream(body));
        response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/x-ndjson"));
        response
    };
    let headers = response.headers_mut();
    headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(super::CACHE_CONTROL));
    if let Ok(value) = HeaderValue::from_str(&etag) {
        headers.insert(header::ETAG, value);
    }
    response
}

/// FNV-1a: a stable hash of the query for the ETag.
fn fnv(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}
