//! Fetching a feed over HTTP within limits: a time-out per request, a bounded number of redirects, a
//! byte budget for the whole pull, and conditional requests (`If-None-Match`, `If-Modified-Since`)
//! so that an unchanged publication answers `304` without a body. An HSDS API is read whole, or,
//! between full pulls, only for what changed (`modified_after`).

use super::{FeedError, FeedSettings};
use crate::model::{FeedForm, Validator};
use chrono::{DateTime, SecondsFormat, Utc};
use reqwest::header::{HeaderMap, ETAG, IF_MODIFIED_SINCE, IF_NONE_MATCH, LAST_MODIFIED};
use reqwest::StatusCode;
use serde_json::Value;
use std::collections::BTreeMap;
use std::error::Error as _;

/// What a pull fetched.
pub enum Fetched {
    /// Every URL answered 304: nothing changed since the last successful pull.
    Unchanged { full: bool },
    /// The publication as the HSDS importer reads it: every record (`full`), or only those an API
    /// says changed since the time asked.
    Body { bytes: Vec<u8>, form: FeedForm, validators: BTreeMap<String, Validator>, full: bool },
}

/// One HTTP answer: 304, or a body read within the budget.
enum Answer {
    NotModified,
    Body {
        bytes: Vec<u8>,
        validator: Validator,
    },
    /// `400 Bad Request` or `422`: the publisher does not take what was asked (a parameter).
    Refused(StatusCode),
}

fn refused(url: &str, status: StatusCode) -> FeedError {
    FeedError::Fetch { url: url.to_string(), reason: format!("answered {status}") }
}

/// Whether a URL is a page of an incremental pull.
fn is_incremental(url: &str) -> bool {
    url.contains("modified_after=")
}

/// The HTTP client of pulls: no cookies, a time-out per request, redirects followed up to a limit
/// (reqwest refuses a loop or a longer chain with an error, which the pull reports).
pub fn client(settings: &FeedSettings) -> Result<reqwest::Client, FeedError> {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::limited(settings.max_redirects))
        .timeout(settings.request_timeout)
        .connect_timeout(settings.request_timeout)
        .user_agent(format!("helpatlas/{} (follows HSDS feeds)", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| FeedError::Fetch {
            url: "(no request sent)".into(),
            reason: format!("the HTTP client cannot start: {e}"),
        })
}

/// A request error as one line with its causes.
fn describe(error: &reqwest::Error, settings: &FeedSettings) -> String {
    if error.is_timeout() {
        return format!("no complete answer within {} s", settings.request_timeout.as_secs());
    }
    if error.is_redirect() {
        return format!("redirects in a loop or more than {} times", settings.max_redirects);
    }
    let mut text = String::from(if error.is_connect() { "could not connect" } else { "request failed" });
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

fn validator_of(headers: &HeaderMap) -> Validator {
    let text = |name| headers.get(name).and_then(|v: &reqwest::header::HeaderValue| v.to_str().ok()).map(String::from);
    Validator { etag: text(ETAG), last_modified: text(LAST_MODIFIED) }
}

/// Reads the pull's answers, taking every body's bytes from one budget.
pub struct Fetcher<'a> {
    client: &'a reqwest::Client,
    settings: &'a FeedSettings,
    remaining: u64,
}

impl<'a> Fetcher<'a> {
    pub fn new(client: &'a reqwest::Client, settings: &'a FeedSettings) -> Fetcher<'a> {
        Fetcher { client, settings, remaining: settings.limits.max_bytes }
    }

    /// GETs `url`, conditionally when `known` holds validators of it.
    async fn get(&mut self, url: &str, known: Option<&Validator>) -> Result<Answer, FeedError> {
        let fetch_error = |reason: String| FeedError::Fetch { url: url.to_string(), reason };
        let mut request = self.client.get(url);
        if let Some(etag) = known.and_then(|v| v.etag.as_deref()) {
            request = request.header(IF_NONE_MATCH, etag);
        }
        if let Some(date) = known.and_then(|v| v.last_modified.as_deref()) {
            request = request.header(IF_MODIFIED_SINCE, date);
        }
        let mut response = request.send().await.map_err(|e| fetch_error(describe(&e, self.settings)))?;
        let status = response.status();
        if status == StatusCode::NOT_MODIFIED && known.is_some() {
            return Ok(Answer::NotModified);
        }
        if matches!(status, StatusCode::BAD_REQUEST | StatusCode::UNPROCESSABLE_ENTITY) {
            return Ok(Answer::Refused(status));
        }
        if !status.is_success() {
            return Err(fetch_error(format!("answered {status}")));
        }
        let validator = validator_of(response.headers());
        let too_large = || FeedError::TooLarge { url: url.to_string(), max: self.settings.limits.max_bytes };
        if response.content_length().is_some_and(|length| length > self.remaining) {
            return Err(too_large());
        }
        let mut bytes = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(|e| fetch_error(describe(&e, self.settings)))? {
            self.remaining = self.remaining.checked_sub(chunk.len() as u64).ok_or_else(too_large)?;
            bytes.extend_from_slice(&chunk);
        }
        Ok(Answer::Body { bytes, validator })
    }

    /// Fetches the feed at `url`: as the HSDS API it was found to be, or as one file; a file that
    /// turns out to be an API's root document (`version`, `openapi_url`) makes the feed an API. An
    /// API is asked only for the services changed since `since` when that is given.
    pub async fn fetch(
        &mut self,
        url: &str,
        form: Option<FeedForm>,
        known: &BTreeMap<String, Validator>,
        since: Option<DateTime<Utc>>,
    ) -> Result<Fetched, FeedError> {
        if form == Some(FeedForm::Api) {
            return self.api(url, known, since).await;
        }
        let (bytes, validator) = match self.get(url, known.get(url)).await? {
            Answer::NotModified => return Ok(Fetched::Unchanged { full: true }),
            Answer::Body { bytes, validator } => (bytes, validator),
            Answer::Refused(status) => return Err(refused(url, status)),
        };
        if is_api_root(&bytes) {
            return self.api(url, &BTreeMap::new(), None).await;
        }
        let validators = BTreeMap::from([(url.to_string(), validator)]);
        Ok(Fetched::Body { bytes, form: FeedForm::File, validators, full: true })
    }

    /// Reads `/services` page by page. Each page is asked for conditionally; when every page of the
    /// last pull answers 304 nothing changed, otherwise the pages that answered 304 are fetched again
    /// whole, because a full pull needs every record to see which ones are missing. With `since`,
    /// the pages are those of the services changed since then (`modified_after`); a publisher that
    /// refuses the parameter is read whole instead.
    async fn api(
        &mut self,
        base: &str,
        all_known: &BTreeMap<String, Validator>,
        since: Option<DateTime<Utc>>,
    ) -> Result<Fetched, FeedError> {
        let full = since.is_none();
        // The validators of this pull's pages; an incremental pull keeps the full pull's for the next
        // full one, and forgets those of incremental pulls since an earlier time.
        let first = page_url(base, 1, self.settings.page_size, since)?;
        let asked = first.split_once("modified_after=").map(|(_, time)| format!("modified_after={time}"));
        let ours = |url: &str| match &asked {
            Some(time) => url.ends_with(time.as_str()),
            None => !is_incremental(url),
        };
        let known: BTreeMap<String, Validator> =
            all_known.iter().filter(|(url, _)| ours(url)).map(|(u, v)| (u.clone(), v.clone())).collect();
        let mut kept: BTreeMap<String, Validator> = match full {
            true => BTreeMap::new(),
            false => {
                all_known.iter().filter(|(url, _)| !is_incremental(url)).map(|(u, v)| (u.clone(), v.clone())).collect()
            }
        };
        let mut pages: Vec<(String, Option<Vec<u8>>)> = Vec::new();
        let mut validators = BTreeMap::new();
        for number in 1..=self.settings.max_pages {
            let url = page_url(base, number, self.settings.page_size, since)?;
            let more = match self.get(&url, known.get(&url)).await? {
                Answer::NotModified => {
                    let more = known.contains_key(&page_url(base, number + 1, self.settings.page_size, since)?);
                    validators.insert(url.clone(), known.get(&url).cloned().unwrap_or_default());
                    pages.push((url, None));
                    more
                }
                Answer::Body { bytes, validator } => {
                    let more = has_next_page(&url, &bytes, number)?;
                    validators.insert(url.clone(), validator);
                    pages.push((url, Some(bytes)));
                    more
                }
                Answer::Refused(_) if !full && number == 1 => return Box::pin(self.api(base, all_known, None)).await,
                Answer::Refused(status) => return Err(refused(&url, status)),
            };
            if !more {
                let unchanged = pages.iter().all(|(_, body)| body.is_none()) && validators.len() == known.len();
                if unchanged {
                    return Ok(Fetched::Unchanged { full });
                }
                validators.append(&mut kept);
                return self.gather(pages, validators, full).await;
            }
        }
        Err(FeedError::NotHsds {
            url: base.to_string(),
            reason: format!("more than {} pages of services", self.settings.max_pages),
        })
    }

    /// Joins the pages' services into one JSON array, fetching again whole the pages that answered 304.
    async fn gather(
        &mut self,
        pages: Vec<(String, Option<Vec<u8>>)>,
        mut validators: BTreeMap<String, Validator>,
        full: bool,
    ) -> Result<Fetched, FeedError> {
        let mut services = Vec::new();
        for (url, body) in pages {
            let bytes = match body {
                Some(bytes) => bytes,
                None => match self.get(&url, None).await? {
                    Answer::Body { bytes, validator } => {
                        validators.insert(url.clone(), validator);
                        bytes
                    }
                    Answer::NotModified => not_modified_unasked(&url)?,
                    Answer::Refused(status) => return Err(refused(&url, status)),
                },
            };
            services.extend(page_contents(&url, &bytes)?);
        }
        let json = serde_json::to_vec(&Value::Array(services))
            .map_err(|e| FeedError::NotHsds { url: String::new(), reason: e.to_string() })?;
        Ok(Fetched::Body { bytes: json, form: FeedForm::Api, validators, full })
    }
}

/// An unconditional request cannot answer 304; a server that does is not speaking HTTP as it should.
fn not_modified_unasked(url: &str) -> Result<Vec<u8>, FeedError> {
    Err(FeedError::Fetch { url: url.to_string(), reason: "answered 304 to a request that was not conditional".into() })
}

/// The URL of page `number` of the API's services, with every record nested (`full=true`), only
/// those changed since `since` when given.
fn page_url(base: &str, number: usize, per_page: usize, since: Option<DateTime<Utc>>) -> Result<String, FeedError> {
    let root = format!("{}/", base.trim_end_matches('/'));
    let mut url = url::Url::parse(&root)
        .and_then(|u| u.join("services"))
        .map_err(|e| FeedError::InvalidUrl { url: base.to_string(), reason: e.to_string() })?;
    url.query_pairs_mut()
        .append_pair("page", &number.to_string())
        .append_pair("per_page", &per_page.to_string())
        .append_pair("full", "true");
    if let Some(since) = since {
        url.query_pairs_mut().append_pair("modified_after", &since.to_rfc3339_opts(SecondsFormat::Secs, true));
    }
    Ok(url.to_string())
}

/// An API's root document: an object naming its HSDS version or OpenAPI document, and no record id.
fn is_api_root(bytes: &[u8]) -> bool {
    // A root document is a few hundred bytes; a large file is data.
    if bytes.len() > 64 * 1024 {
        return false;
    }
    match serde_json::from_slice::<Value>(bytes) {
        Ok(Value::Object(object)) => {
            !object.contains_key("id")
                && !object.contains_key("contents")
                && (object.contains_key("openapi_url") || object.contains_key("version"))
        }
        _ => false,
    }
}

fn page_object(url: &str, bytes: &[u8]) -> Result<serde_json::Map<String, Value>, FeedError> {
    let not_a_page = |reason: String| FeedError::NotHsds { url: url.to_string(), reason };
    match serde_json::from_slice::<Value>(bytes) {
        Ok(Value::Object(object)) if object.get("contents").is_some_and(Value::is_array) => Ok(object),
        Ok(Value::Object(object)) if object.contains_key("content") && object.contains_key("totalPages") => {
            Err(not_a_page(
                "it answers in the shape of the Open Referral UK 1.0 API (`content`, `totalPages`); Help Atlas \
                 follows HSDS 3.0 APIs (`contents`, `total_pages`), the Open Referral UK 3.0 profile among them"
                    .into(),
            ))
        }
        Ok(_) => Err(not_a_page("not an HSDS Page (an object with `contents`)".into())),
        Err(e) => Err(not_a_page(format!("not JSON: {e}"))),
    }
}

/// Whether the Page says another page follows: `last_page: false`, or `total_pages` beyond this one.
fn has_next_page(url: &str, bytes: &[u8], number: usize) -> Result<bool, FeedError> {
    let page = page_object(url, bytes)?;
    let empty = page.get("contents").and_then(Value::as_array).is_none_or(Vec::is_empty);
    if empty {
        return Ok(false);
    }
    if let Some(last) = page.get("last_page").and_then(Value::as_bool) {
        return Ok(!last);
    }
    let total = page.get("total_pages").and_then(Value::as_u64).unwrap_or(1);
    Ok((number as u64) < total)
}

fn page_contents(url: &str, bytes: &[u8]) -> Result<Vec<Value>, FeedError> {
    let mut page = page_object(url, bytes)?;
    match page.remove("contents") {
        Some(Value::Array(items)) => Ok(items),
        _ => Ok(Vec::new()),
    }
}
