//! Checking one URL: robots.txt first, then a GET whose body is never read, following redirects one
//! by one (each recorded, loops and long chains refused), each request holding one of its host's
//! permits so that no host gets more than its share.

use super::robots::{self, Cache};
use super::{CheckSettings, LinkOutcome, LinkResult};
use chrono::Utc;
use std::collections::{BTreeMap, HashSet};
use std::error::Error as _;
use std::sync::Arc;
use tokio::sync::Semaphore;

/// The HTTP client of a run: no redirects followed by itself, no cookies, a time-out per request.
pub fn client(settings: &CheckSettings) -> Result<reqwest::Client, reqwest::Error> {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(settings.timeout)
        .connect_timeout(settings.timeout)
        .user_agent(format!(
            "{}/{} (link checker of a Help Atlas directory)",
            settings.user_agent,
            env!("CARGO_PKG_VERSION")
        ))
        .build()
}

/// `scheme://host:port` of a URL: the unit robots.txt and the per-host limit apply to.
pub fn host_key(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(u) => u.origin().ascii_serialization(),
        Err(_) => url.to_string(),
    }
}

/// What every check of a run shares.
pub struct Checker {
    pub client: reqwest::Client,
    pub settings: CheckSettings,
    pub robots: Cache,
    pub hosts: BTreeMap<String, Arc<Semaphore>>,
}

/// An error as one line, with its causes (a TLS failure is a cause of a connect error).
fn describe(error: &reqwest::Error, timeout: std::time::Duration) -> String {
    if error.is_timeout() {
        return format!("no answer within {} s", timeout.as_secs());
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

impl Checker {
    async fn send(&self, url: &str) -> Result<reqwest::Response, reqwest::Error> {
        // A redirect may lead to a host the run did not plan for: it then has no permit to wait for.
        let permit = match self.hosts.get(&host_key(url)) {
            Some(host) => host.clone().acquire_owned().await.ok(),
            None => None,
        };
        let response = self.client.get(url).send().await;
        drop(permit);
        response
    }

    async fn allowed(&self, url: &str) -> bool {
        let origin = host_key(url);
        let cell = self.robots.cell(&origin);
        let rules = cell
            .get_or_init(|| async { robots::rules_of(self.send(&format!("{origin}/robots.txt")).await).await })
            .await;
        rules.allows(&self.settings.user_agent, url)
    }

    pub async fn check(&self, url: &str) -> LinkResult {
        let mut result = LinkResult {
            url: url.to_string(),
            checked_at: Utc::now(),
            outcome: LinkOutcome::Ok,
            status: None,
            final_url: None,
            redirects: Vec::new(),
            detail: String::new(),
        };
        let mut seen = HashSet::new();
        let mut current = url.to_string();
        loop {
            if !self.allowed(&current).await {
                result.outcome = LinkOutcome::Blocked;
                result.detail = format!("robots.txt of {} asks not to fetch {current}", host_key(&current));
                return result;
            }
            seen.insert(current.clone());
            let response = match self.send(&current).await {
                Ok(response) => response,
                Err(e) => {
                    result.outcome = LinkOutcome::Unreachable;
                    result.detail = describe(&e, self.settings.timeout);
                    return result;
                }
            };
            let status = response.status();
            result.status = Some(status.as_u16());
            if !status.is_redirection() {
                if !status.is_success() {
                    result.outcome = LinkOutcome::Broken;
                    result.detail = format!("answered {status}");
                }
                return result;
            }
            let next = response
                .headers()
                .get(reqwest::header::LOCATION)
                .and_then(|l| l.to_str().ok())
                .and_then(|l| response.url().join(l).ok());
            let Some(next) = next else {
                result.outcome = LinkOutcome::Broken;
                result.detail = format!("answered {status} without a usable Location");
                return result;
            };
            let next = next.to_string();
            result.redirects.push(format!("{} {next}", status.as_u16()));
            result.final_url = Some(next.clone());
            if seen.contains(&next) {
                result.outcome = LinkOutcome::Broken;
                result.detail = format!("redirects in a loop (back to {next})");
                return result;
            }
            if result.redirects.len() > self.settings.max_redirects {
                result.outcome = LinkOutcome::Broken;
                result.detail = format!("more than {} redirects", self.settings.max_redirects);
                return result;
            }
            current = next;
        }
    }
}
