//! The link and phone checker (`helpatlas check-links`, or every few hours in `serve` when asked):
//! every URL of every service and organization (websites, sources, web channels) is fetched with
//! bounded concurrency, a time-out, a limit per host and the host's `robots.txt` respected; each
//! result (status, redirects, date) is stored, and a URL that failed three checks in a row puts its
//! records on the editors' dashboard. Every phone number is checked against its country's numbering
//! plan (libphonenumber's metadata, through the `phonenumber` crate).

mod fetch;
mod phones;
mod robots;

pub use phones::phone_problem;

use crate::model::{ChannelType, Directory, RecordKind};
use crate::store::{Store, StoreError};
use chrono::{DateTime, Utc};
use futures_util::StreamExt;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;
use uuid::Uuid;

/// A URL that failed this many checks in a row puts its records on the editors' dashboard.
pub const FAILURES_FOR_DASHBOARD: i64 = 3;

/// What a check found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LinkOutcome {
    /// Answered 2xx (after any redirects).
    Ok,
    /// Answered with an error status, or redirected in a loop or too often.
    Broken,
    /// No answer: time-out, refused connection, unknown host, TLS failure.
    Unreachable,
    /// The host's robots.txt asks crawlers not to fetch it: not fetched, not counted as a failure.
    Blocked,
}

impl LinkOutcome {
    pub fn code(self) -> &'static str {
        match self {
            LinkOutcome::Ok => "ok",
            LinkOutcome::Broken => "broken",
            LinkOutcome::Unreachable => "unreachable",
            LinkOutcome::Blocked => "blocked",
        }
    }

    pub fn from_code(code: &str) -> Option<LinkOutcome> {
        [LinkOutcome::Ok, LinkOutcome::Broken, LinkOutcome::Unreachable, LinkOutcome::Blocked]
            .into_iter()
            .find(|o| o.code() == code)
    }

    pub fn is_failure(self) -> bool {
        matches!(self, LinkOutcome::Broken | LinkOutcome::Unreachable)
    }
}

/// The check of one URL.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkResult {
    pub url: String,
    pub checked_at: DateTime<Utc>,
    pub outcome: LinkOutcome,
    /// The last status received.
    pub status: Option<u16>,
    /// Where the redirects ended, when there were any.
    pub final_url: Option<String>,
    /// Every redirect followed, as `STATUS URL`.
    pub redirects: Vec<String>,
    /// What went wrong, in words.
    pub detail: String,
}

/// A record's field that holds a URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkUse {
    pub url: String,
    pub kind: RecordKind,
    pub record_id: Uuid,
    /// `url`, `source_url`, `channels[2].value`.
    pub field: String,
}

/// A phone number that is not valid in its country's numbering plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneProblem {
    pub service_id: Uuid,
    pub field: String,
    pub number: String,
    /// The region of its calling code (`NO`), or `""` when none is known.
    pub country: String,
    pub problem: String,
}

/// How politely and how fast links are checked.
#[derive(Debug, Clone)]
pub struct CheckSettings {
    /// Requests in flight at once, over all hosts.
    pub concurrency: usize,
    /// Requests in flight at once to one host.
    pub per_host: usize,
    /// Time for a whole request (connecting, TLS, the answer's headers).
    pub timeout: Duration,
    pub max_redirects: usize,
    /// The product token robots.txt rules are matched against, also sent as the User-Agent.
    pub user_agent: String,
}

impl Default for CheckSettings {
    fn default() -> Self {
        CheckSettings {
            concurrency: 16,
            per_host: 2,
            timeout: Duration::from_secs(20),
            max_redirects: 10,
            user_agent: "HelpAtlasLinkChecker".into(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CheckError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot make an HTTP client: {0}")]
    Client(String),
}

/// What a run found, for the command's summary.
#[derive(Debug, Clone, Default)]
pub struct RunSummary {
    pub checked: usize,
    pub ok: usize,
    pub failed: Vec<LinkResult>,
    pub blocked: usize,
    pub phones_checked: usize,
    pub phone_problems: Vec<PhoneProblem>,
}

impl RunSummary {
    /// The command's report: counts, then every failure and every invalid phone number.
    pub fn render_text(&self) -> String {
        let mut out = format!(
            "{} links checked: {} ok, {} failed, {} not fetched (robots.txt)\n",
            self.checked,
            self.ok,
            self.failed.len(),
            self.blocked
        );
        for r in &self.failed {
            let status = r.status.map(|s| format!(" {s}")).unwrap_or_default();
            out.push_str(&format!("  {} {}{status}: {}\n", r.outcome.code(), r.url, r.detail));
        }
        out.push_str(&format!(
            "{} phone numbers checked: {} not valid\n",
            self.phones_checked,
            self.phone_problems.len()
        ));
        for p in &self.phone_problems {
            out.push_str(&format!("  service {} {}: {} {}\n", p.service_id, p.field, p.number, p.problem));
        }
        out
    }
}

/// Web addresses people open in a browser (not `tel:` or an email address).
fn is_web(value: &str) -> bool {
    value.starts_with("https://") || value.starts_with("http://")
}

/// Every URL of the directory's records that are in use (retired services are left out), and every
/// phone number with its field.
pub fn links_of(directory: &Directory) -> (Vec<LinkUse>, Vec<(Uuid, String, String)>) {
    let mut uses = Vec::new();
    let mut phones = Vec::new();
    let mut add = |kind: RecordKind, record_id: Uuid, field: String, url: &str| {
        if is_web(url) {
            uses.push(LinkUse { url: url.to_string(), kind, record_id, field });
        }
    };
    for o in &directory.organizations {
        if let Some(url) = &o.url {
            add(RecordKind::Organization, o.id, "url".into(), url);
        }
    }
    for s in directory.services.iter().filter(|s| !s.is_retired()) {
        if let Some(url) = &s.url {
            add(RecordKind::Service, s.id, "url".into(), url);
        }
        add(RecordKind::Service, s.id, "source_url".into(), &s.source_url);
        for (i, c) in s.channels.iter().enumerate() {
            let field = format!("channels[{i}].value");
            match c.kind {
                ChannelType::Phone | ChannelType::Sms => phones.push((s.id, field, c.value.clone())),
                _ => add(RecordKind::Service, s.id, field, &c.value),
            }
        }
    }
    (uses, phones)
}

/// Checks every link and phone number of the store's directory and records what it found.
pub async fn run(store: &dyn Store, settings: &CheckSettings) -> Result<RunSummary, CheckError> {
    let directory = store.load_directory().await?;
    let (uses, phones) = links_of(&directory);
    drop(directory);
    let results = check_all(&uses, settings).await?;
    store.record_link_run(&results, &uses).await?;
    let problems: Vec<PhoneProblem> = phones
        .iter()
        .filter_map(|(id, field, number)| {
            let (country, problem) = phone_problem(number)?;
            Some(PhoneProblem { service_id: *id, field: field.clone(), number: number.clone(), country, problem })
        })
        .collect();
    store.record_phone_run(&problems, Utc::now()).await?;
    let mut summary = RunSummary { checked: results.len(), phones_checked: phones.len(), ..RunSummary::default() };
    for r in results {
        match r.outcome {
            LinkOutcome::Ok => summary.ok += 1,
            LinkOutcome::Blocked => summary.blocked += 1,
            _ => summary.failed.push(r),
        }
    }
    summary.phone_problems = problems;
    Ok(summary)
}

/// Checks each distinct URL of `uses` once.
pub async fn check_all(uses: &[LinkUse], settings: &CheckSettings) -> Result<Vec<LinkResult>, CheckError> {
    let client = fetch::client(settings).map_err(|e| CheckError::Client(e.to_string()))?;
    let urls: Vec<String> =
        uses.iter().map(|u| u.url.clone()).collect::<std::collections::BTreeSet<_>>().into_iter().collect();
    let hosts: BTreeMap<String, Arc<Semaphore>> =
        urls.iter().map(|u| (fetch::host_key(u), Arc::new(Semaphore::new(settings.per_host.max(1))))).collect();
    let checker =
        Arc::new(fetch::Checker { client, settings: settings.clone(), robots: robots::Cache::default(), hosts });
    let results: HashMap<String, LinkResult> = futures_util::stream::iter(urls.clone())
        .map(|url| {
            let checker = checker.clone();
            async move {
                let result = checker.check(&url).await;
                (url, result)
            }
        })
        .buffer_unordered(settings.concurrency.max(1))
        .collect()
        .await;
    Ok(urls.into_iter().filter_map(|u| results.get(&u).cloned()).collect())
}
