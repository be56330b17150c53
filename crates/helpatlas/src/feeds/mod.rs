//! Following other directories' HSDS 3.0 publications: an HSDS API (read page by page through
//! `/services`), an HSDS JSON file or a Tabular Data Package zip. Every pull goes through the HSDS
//! importer and its limits, and is all or nothing: a pull that fails changes no record and leaves its
//! message on the feed's status. Records keep their provenance (`feed_records`); a record missing
//! from two successful full pulls in a row is retired; a record an editor changed here is theirs and
//! a pull leaves it alone. Between full pulls an HSDS API is asked only for what changed
//! (`modified_after`); such an incremental pull cannot see what disappeared, so it counts no misses.

mod apply;
mod fetch;
pub mod merge;

use crate::model::{CountryCode, Feed, FeedForm, Kind, PullOutcome};
use crate::store::{PullRecord, Store, StoreError};
use crate::transfer::TransferError;
use chrono::{DateTime, Utc};
use std::time::Duration;

pub use apply::local_id;

#[derive(Debug, thiserror::Error)]
pub enum FeedError {
    #[error("`{0}` is not a usable feed name: use 1 to 40 lowercase letters, digits and `-`")]
    InvalidName(String),
    #[error("`{url}` is not a usable feed URL: {reason}")]
    InvalidUrl { url: String, reason: String },
    #[error("`{0}` is not an interval: use hours (`6h`, `6`) or days (`1d`), from 1 hour to 365 days")]
    InvalidInterval(String),
    #[error("`{0}` is not a known ISO 3166-1 country code")]
    UnknownCountry(String),
    #[error(transparent)]
    UnknownKind(#[from] crate::model::UnknownCode),
    #[error("no feed is named `{0}`")]
    NotFound(String),
    #[error("a feed named `{0}` exists already")]
    Exists(String),
    #[error("fetching {url} failed: {reason}")]
    Fetch { url: String, reason: String },
    #[error("{url} sent more than {max} bytes; refused (raise the import limit if the feed is really this large)")]
    TooLarge { url: String, max: u64 },
    #[error("{url} is not an HSDS publication: {reason}")]
    NotHsds { url: String, reason: String },
    #[error("the pull took longer than {0} s and was stopped; nothing was changed")]
    TimedOut(u64),
    #[error("the feed holds no services{0}; nothing was changed")]
    Empty(String),
    #[error(transparent)]
    Import(#[from] TransferError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// How pulls run.
#[derive(Debug, Clone)]
pub struct FeedSettings {
    /// The importer's limits; `max_bytes` also bounds what one pull downloads.
    pub limits: crate::hsds::source::Limits,
    /// Longest one request may take, its body included.
    pub request_timeout: Duration,
    /// Longest a whole pull may take.
    pub pull_timeout: Duration,
    pub max_redirects: usize,
    /// Services asked for per API page, and most pages read.
    pub page_size: usize,
    pub max_pages: usize,
    /// An HSDS API feed is pulled whole when its last full pull is this old (or older), and only
    /// for what changed in between.
    pub full_pull_every: Duration,
    /// How much earlier than the last pull that read records an incremental pull asks from: clocks
    /// differ, and a publisher's lists may show an edit a while after its date.
    pub incremental_margin: Duration,
}

impl Default for FeedSettings {
    fn default() -> Self {
        FeedSettings {
            limits: crate::hsds::source::Limits::default(),
            request_timeout: Duration::from_secs(60),
            pull_timeout: Duration::from_secs(30 * 60),
            max_redirects: 5,
            page_size: 100,
            max_pages: 10_000,
            full_pull_every: Duration::from_secs(24 * 3600),
            incremental_margin: Duration::from_secs(3600),
        }
    }
}

/// A feed to add, as the operator gave it.
#[derive(Debug, Clone)]
pub struct Subscription {
    pub name: String,
    pub url: String,
    pub every_hours: u32,
    pub countries: Vec<CountryCode>,
    pub kinds: Vec<Kind>,
    pub licence: String,
}

const MAX_NAME: usize = 40;

fn check_name(name: &str) -> Result<(), FeedError> {
    let valid = (1..=MAX_NAME).contains(&name.len())
        && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !name.starts_with('-');
    valid.then_some(()).ok_or_else(|| FeedError::InvalidName(name.to_string()))
}

/// Only http and https, without credentials: a feed URL is shown on the status page.
fn check_url(raw: &str) -> Result<(), FeedError> {
    let invalid = |reason: &str| FeedError::InvalidUrl { url: raw.to_string(), reason: reason.to_string() };
    let url = url::Url::parse(raw).map_err(|e| invalid(&e.to_string()))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(invalid("only http and https are followed"));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(invalid("credentials in the URL would be shown to every admin; refused"));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(invalid("no host"));
    }
    Ok(())
}

/// Parses `6h`, `6` (hours) or `2d` (days).
pub fn parse_interval(text: &str) -> Result<u32, FeedError> {
    let invalid = || FeedError::InvalidInterval(text.to_string());
    let trimmed = text.trim();
    let (number, factor) = match trimmed.strip_suffix('d') {
        Some(days) => (days, 24),
        None => (trimmed.strip_suffix('h').unwrap_or(trimmed), 1),
    };
    let hours = number.parse::<u32>().map_err(|_| invalid())?.checked_mul(factor).ok_or_else(invalid)?;
    (1..=24 * 365).contains(&hours).then_some(hours).ok_or_else(invalid)
}

/// Country codes as typed (`NO`, `se`), each checked against the known countries.
pub fn parse_countries<'a>(typed: impl IntoIterator<Item = &'a str>) -> Result<Vec<CountryCode>, FeedError> {
    typed
        .into_iter()
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(|c| {
            crate::geo::atlas()
                .parse_country(c)
                .map(|country| country.code)
                .ok_or_else(|| FeedError::UnknownCountry(c.to_string()))
        })
        .collect()
}

/// Kinds of help as typed (`helplines`), each checked against the vocabulary.
pub fn parse_kinds<'a>(typed: impl IntoIterator<Item = &'a str>) -> Result<Vec<Kind>, FeedError> {
    typed.into_iter().map(str::trim).filter(|k| !k.is_empty()).map(|k| Ok(k.parse::<Kind>()?)).collect()
}

/// Adds a feed after checking its name and URL; it is pulled when first due (at once by `serve`).
pub async fn add(store: &dyn Store, subscription: Subscription, now: DateTime<Utc>) -> Result<Feed, FeedError> {
    check_name(&subscription.name)?;
    check_url(&subscription.url)?;
    let feed = Feed {
        name: subscription.name,
        url: subscription.url,
        every_hours: subscription.every_hours,
        countries: subscription.countries,
        kinds: subscription.kinds,
        licence: subscription.licence.trim().to_string(),
        form: None,
        validators: Default::default(),
        created_at: now,
        attempted_at: None,
        succeeded_at: None,
        outcome: None,
        message: String::new(),
        full_pulled_at: None,
        read_at: None,
    };
    match store.add_feed(&feed).await {
        Err(StoreError::Duplicate(_)) => Err(FeedError::Exists(feed.name)),
        other => other.map(|()| feed).map_err(FeedError::from),
    }
}

/// What a pull did, for the command line and the status page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PullSummary {
    pub unchanged_feed: bool,
    pub services: usize,
    pub written: usize,
    pub retired: usize,
    /// Records an editor changed here, left as they are.
    pub kept_local: usize,
    /// The importer's notes (defaults applied, records left out on purpose).
    pub notes: Vec<String>,
    /// Only what changed since the last pull that read records was asked for: nothing was missed.
    pub incremental: bool,
}

impl PullSummary {
    pub fn message(&self) -> String {
        let retired = match self.retired {
            0 => String::new(),
            n => format!(", {n} retired after missing from two pulls"),
        };
        let kept = match self.kept_local {
            0 => String::new(),
            n => format!(", {n} kept as local editors left them"),
        };
        let how = if self.incremental { " (incremental pull: changes only)" } else { "" };
        match self.unchanged_feed {
            true => format!("unchanged since the last pull{how}{retired}"),
            false => format!("{} services read, {} records written{retired}{kept}{how}", self.services, self.written),
        }
    }
}

/// Pulls one feed now, within the pull's time limit, and records the outcome on the feed: on
/// failure nothing but the status changes.
pub async fn pull(
    store: &dyn Store,
    feed: &Feed,
    settings: &FeedSettings,
    now: DateTime<Utc>,
) -> Result<PullSummary, FeedError> {
    let attempt = tokio::time::timeout(settings.pull_timeout, pull_records(store, feed, settings, now)).await;
    let result = attempt.unwrap_or_else(|_| Err(FeedError::TimedOut(settings.pull_timeout.as_secs())));
    let (outcome, message, learnt) = match &result {
        Ok((summary, learnt)) => {
            let outcome = if summary.unchanged_feed { PullOutcome::Unchanged } else { PullOutcome::Changed };
            (outcome, summary.message(), learnt.clone())
        }
        Err(e) => (PullOutcome::Failed, e.to_string(), None),
    };
    let summary = result.as_ref().ok().map(|(summary, _)| summary);
    count(&feed.name, outcome, summary);
    let record = PullRecord {
        outcome,
        message: &message,
        at: now,
        form: learnt.as_ref().map(|(form, _)| *form),
        validators: learnt.as_ref().map(|(_, validators)| validators),
        full: summary.is_some_and(|s| !s.incremental),
        read: summary.is_some_and(|s| !s.unchanged_feed),
    };
    store.record_pull(&feed.name, &record).await?;
    result.map(|(summary, _)| summary)
}

/// Feed pulls and what they wrote, for `/metrics`: by feed (a name the operator chose) and outcome.
fn count(feed: &str, outcome: PullOutcome, summary: Option<&PullSummary>) {
    let labels = [("feed", feed.to_string()), ("outcome", outcome.code().to_string())];
    metrics::counter!("helpatlas_feed_pulls_total", &labels).increment(1);
    let Some(summary) = summary else { return };
    let feed = [("feed", feed.to_string())];
    metrics::counter!("helpatlas_feed_records_written_total", &feed).increment(summary.written as u64);
    metrics::counter!("helpatlas_feed_services_retired_total", &feed).increment(summary.retired as u64);
}

/// What a successful pull learnt about the feed: its form and the validators of its URLs.
type Learnt = Option<(FeedForm, std::collections::BTreeMap<String, crate::model::Validator>)>;

async fn pull_records(
    store: &dyn Store,
    feed: &Feed,
    settings: &FeedSettings,
    now: DateTime<Utc>,
) -> Result<(PullSummary, Learnt), FeedError> {
    let client = fetch::client(settings)?;
    let mut fetcher = fetch::Fetcher::new(&client, settings);
    match fetcher.fetch(&feed.url, feed.form, &feed.validators, incremental_since(feed, settings, now)).await? {
        fetch::Fetched::Unchanged { full } => {
            let summary = apply::unchanged(store, feed, now, full).await?;
            Ok((summary, None))
        }
        fetch::Fetched::Body { bytes, form, validators, full } => {
            let options =
                crate::transfer::ImportOptions { limits: settings.limits, lenient: true, ..Default::default() };
            let name = std::path::Path::new(DOWNLOAD);
            let read = crate::transfer::read_any_bytes(name, &bytes, options, now);
            let (directory, _, notes) = read.map_err(|e| name_the_feed(e, &feed.url))?;
            let mut summary = apply::changed(store, feed, directory, now, full).await?;
            summary.notes = notes;
            Ok((summary, Some((form, validators))))
        }
    }
}

/// Where an incremental pull of an HSDS API starts: the start of the last pull that read records,
/// less the margin; `None` when the pull must be full (not an API, never pulled whole, or the last
/// full pull is `full_pull_every` old).
fn incremental_since(feed: &Feed, settings: &FeedSettings, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let every = chrono::Duration::from_std(settings.full_pull_every).ok()?;
    let margin = chrono::Duration::from_std(settings.incremental_margin).ok()?;
    let recent = feed.full_pulled_at.is_some_and(|at| now - at < every);
    (feed.form == Some(FeedForm::Api) && recent).then_some(feed.read_at?.checked_sub_signed(margin)?)
}

/// The importer names what it read by [`DOWNLOAD`]; the operator knows the feed by its URL.
const DOWNLOAD: &str = "the download";

fn name_the_feed(error: TransferError, url: &str) -> FeedError {
    match error {
        TransferError::Invalid { problems, .. } => {
            let problems = problems.iter().map(|p| p.replace(DOWNLOAD, url)).collect();
            FeedError::Import(TransferError::Invalid { path: url.to_string(), problems })
        }
        TransferError::Hsds(e) => {
            let reason = e.to_string().replace(&format!("{DOWNLOAD}: "), "");
            FeedError::NotHsds { url: url.to_string(), reason }
        }
        other => FeedError::Import(other),
    }
}

/// Removes a feed: its services are retired (kept with their history, not orphaned), then the
/// feed and its provenance are deleted. Returns how many services were retired.
pub async fn remove(store: &dyn Store, name: &str, now: DateTime<Utc>) -> Result<usize, FeedError> {
    let feed = store.feed(name).await?.ok_or_else(|| FeedError::NotFound(name.to_string()))?;
    let retired = apply::retire_all(store, &feed, now).await?;
    store.delete_feed(name).await?;
    Ok(retired)
}

/// Pulls every feed that is due, one at a time; a replica skips a feed another one just claimed.
pub async fn pull_due(
    store: &dyn Store,
    settings: &FeedSettings,
) -> Result<Vec<(String, Result<PullSummary, FeedError>)>, StoreError> {
    let mut done = Vec::new();
    for feed in store.feeds().await? {
        let now = Utc::now();
        if !feed.is_due(now) {
            continue;
        }
        let since = now - chrono::Duration::hours(feed.every_hours.into());
        if !store.claim_feed(&feed.name, now, since).await? {
            continue;
        }
        let result = pull(store, &feed, settings, now).await;
        done.push((feed.name.clone(), result));
    }
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals_are_hours_or_days() {
        assert_eq!(parse_interval("6h").ok(), Some(6));
        assert_eq!(parse_interval("6").ok(), Some(6));
        assert_eq!(parse_interval("2d").ok(), Some(48));
        for bad in ["0h", "", "h", "-1", "6m", "366d", "99999999999d"] {
            assert!(parse_interval(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn api_feeds_are_pulled_whole_now_and_then_and_for_changes_in_between() {
        let now = Utc::now();
        let hours = |n: i64| chrono::Duration::hours(n);
        let settings = FeedSettings::default();
        let feed = Feed {
            name: "f".into(),
            url: "https://example.org/api".into(),
            every_hours: 6,
            countries: Vec::new(),
            kinds: Vec::new(),
            licence: String::new(),
            form: Some(FeedForm::Api),
            validators: Default::default(),
            created_at: now - hours(48),
            attempted_at: None,
            succeeded_at: None,
            outcome: None,
            message: String::new(),
            full_pulled_at: Some(now - hours(12)),
            read_at: Some(now - hours(6)),
        };
        assert_eq!(incremental_since(&feed, &settings, now), Some(now - hours(7)));
        let stale = Feed { full_pulled_at: Some(now - hours(24)), ..feed.clone() };
        assert_eq!(incremental_since(&stale, &settings, now), None, "a full pull a day");
        let never = Feed { full_pulled_at: None, ..feed.clone() };
        assert_eq!(incremental_since(&never, &settings, now), None);
        let file = Feed { form: Some(FeedForm::File), ..feed.clone() };
        assert_eq!(incremental_since(&file, &settings, now), None, "a file has no modified_after");
        let always = FeedSettings { full_pull_every: Duration::ZERO, ..settings };
        assert_eq!(incremental_since(&feed, &always, now), None);
    }

    #[test]
    fn names_and_urls_are_checked() {
        assert!(check_name("council-feed-2").is_ok());
        for bad in ["", "Feed", "feed name", "-feed", "föd", &"a".repeat(41)] {
            assert!(check_name(bad).is_err(), "{bad}");
        }
        assert!(check_url("https://example.org/api").is_ok());
        for bad in ["ftp://example.org/x", "https://user:pw@example.org/", "file:///etc/passwd", "not a url"] {
            assert!(check_url(bad).is_err(), "{bad}");
        }
    }
}
