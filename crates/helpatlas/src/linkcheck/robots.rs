//! `robots.txt`, fetched once per host and run, and matched with Google's rules (the `robotstxt`
//! crate, a port of Google's parser): a site that asks crawlers to stay away is not fetched.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tokio::sync::OnceCell;

/// Largest robots.txt read (Google reads 500 KiB).
const MAX_BYTES: usize = 500 * 1024;

/// What a host's robots.txt allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rules {
    /// No robots.txt (4xx), or the host could not be reached for it (the URL's own check says so).
    AllowAll,
    /// robots.txt answered with a server error: RFC 9309 says to assume everything is disallowed.
    DisallowAll,
    Text(String),
}

impl Rules {
    pub fn allows(&self, user_agent: &str, url: &str) -> bool {
        match self {
            Rules::AllowAll => true,
            Rules::DisallowAll => false,
            Rules::Text(body) => {
                robotstxt::DefaultMatcher::default().one_agent_allowed_by_robots(body, user_agent, url)
            }
        }
    }
}

/// The rules of each host, fetched at most once per run even when many checks ask at once.
#[derive(Default)]
pub struct Cache {
    hosts: Mutex<HashMap<String, Arc<OnceCell<Rules>>>>,
}

impl Cache {
    pub fn cell(&self, origin: &str) -> Arc<OnceCell<Rules>> {
        let mut hosts = match self.hosts.lock() {
            Ok(h) => h,
            Err(poisoned) => poisoned.into_inner(),
        };
        hosts.entry(origin.to_string()).or_default().clone()
    }
}

/// Reads a robots.txt answer.
pub async fn rules_of(response: Result<reqwest::Response, reqwest::Error>) -> Rules {
    let Ok(response) = response else { return Rules::AllowAll };
    let status = response.status();
    if status.is_server_error() {
        return Rules::DisallowAll;
    }
    if !status.is_success() {
        return Rules::AllowAll;
    }
    let mut body = Vec::new();
    let mut response = response;
    while let Ok(Some(chunk)) = response.chunk().await {
        body.extend_from_slice(&chunk);
        if body.len() >= MAX_BYTES {
            body.truncate(MAX_BYTES);
            break;
        }
    }
    Rules::Text(String::from_utf8_lossy(&body).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_for_the_checker_or_for_everyone_are_followed() {
        let rules =
            Rules::Text("User-agent: HelpAtlasLinkChecker\nDisallow: /private\n\nUser-agent: *\nDisallow: /\n".into());
        assert!(!rules.allows("HelpAtlasLinkChecker", "https://example.org/private/page"));
        assert!(rules.allows("HelpAtlasLinkChecker", "https://example.org/public"));
        let everyone = Rules::Text("User-agent: *\nDisallow: /closed\n".into());
        assert!(!everyone.allows("HelpAtlasLinkChecker", "https://example.org/closed/x"));
        assert!(Rules::AllowAll.allows("HelpAtlasLinkChecker", "https://example.org/"));
        assert!(!Rules::DisallowAll.allows("HelpAtlasLinkChecker", "https://example.org/"));
    }
}
