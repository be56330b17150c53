//! Keeping spam out of the public forms without tracking anyone: no cookie, no stored address.
//!
//! - A form carries a token signed with a key kept in the database settings (so every replica
//!   accepts every replica's forms) that says when the form was made: a form sent back faster than a
//!   person can fill it, or a day later, is refused.
//! - A honeypot field that people do not see and bots fill in.
//! - Rate limits per client kept only in this process's memory, keyed by a hash of the client's
//!   address under a random key that is replaced, with every count, at the end of each window: no
//!   address is stored, logged or comparable across windows.

use crate::auth::tokens::{random_token, same};
use chrono::{DateTime, Duration, Utc};
use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::Instant;

/// The name of the field that must stay empty.
pub const HONEYPOT: &str = "website";

/// Why a form's token was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenProblem {
    /// Missing, altered, or made for another form.
    Invalid,
    /// Sent back sooner than a person fills the form in.
    TooFast,
    /// Made too long ago.
    Expired,
}

fn mac(key: &[u8], value: &str) -> String {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key).expect("HMAC takes a key of any length");
    mac.update(value.as_bytes());
    mac.finalize().into_bytes().iter().map(|b| format!("{b:02x}")).collect()
}

/// Signs and checks the time a form was made.
#[derive(Clone)]
pub struct FormTokens {
    key: Vec<u8>,
    min_fill: Duration,
    max_age: Duration,
}

impl FormTokens {
    pub fn new(key: &str, min_fill: Duration, max_age: Duration) -> FormTokens {
        FormTokens { key: key.as_bytes().to_vec(), min_fill, max_age }
    }

    /// A token for the form `form` (e.g. `report:SERVICE-ID`) made at `now`: `ISSUED.MAC`.
    pub fn issue(&self, form: &str, now: DateTime<Utc>) -> String {
        let issued = now.timestamp_millis();
        format!("{issued}.{}", mac(&self.key, &format!("{form}|{issued}")))
    }

    pub fn check(&self, token: &str, form: &str, now: DateTime<Utc>) -> Result<(), TokenProblem> {
        let (issued, signature) = token.split_once('.').ok_or(TokenProblem::Invalid)?;
        let millis: i64 = issued.parse().map_err(|_| TokenProblem::Invalid)?;
        if !same(&mac(&self.key, &format!("{form}|{millis}")), signature) {
            return Err(TokenProblem::Invalid);
        }
        let issued = DateTime::from_timestamp_millis(millis).ok_or(TokenProblem::Invalid)?;
        let age = now - issued;
        if age < self.min_fill {
            return Err(TokenProblem::TooFast);
        }
        if age > self.max_age {
            return Err(TokenProblem::Expired);
        }
        Ok(())
    }

    /// How long a person must take at least, in whole seconds (for the message).
    pub fn min_fill_seconds(&self) -> i64 {
        self.min_fill.num_seconds()
    }
}

/// How many forms one client, and all clients together, may send per window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub per_client: u32,
    pub total: u32,
    pub window: std::time::Duration,
}

struct Window {
    started: Instant,
    key: String,
    counts: HashMap<String, u32>,
    total: u32,
}

impl Window {
    fn new(now: Instant) -> Window {
        Window { started: now, key: random_token(), counts: HashMap::new(), total: 0 }
    }
}

/// Counts forms sent, in memory only.
pub struct RateLimiter {
    limits: Limits,
    window: Mutex<Window>,
}

/// A client over its limit: how long until the window ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limited {
    pub retry_after: std::time::Duration,
}

impl RateLimiter {
    pub fn new(limits: Limits) -> RateLimiter {
        RateLimiter { limits, window: Mutex::new(Window::new(Instant::now())) }
    }

    /// The current window, replaced (key and counts) when it has ended.
    fn current(&self, now: Instant) -> std::sync::MutexGuard<'_, Window> {
        let mut window = match self.window.lock() {
            Ok(w) => w,
            Err(poisoned) => poisoned.into_inner(),
        };
        if now.duration_since(window.started) >= self.limits.window {
            *window = Window::new(now);
        }
        window
    }

    fn client_key(window: &Window, client: Option<IpAddr>) -> String {
        // Without an address (not over TCP), all such requests share one count.
        mac(window.key.as_bytes(), &client.map(|c| c.to_string()).unwrap_or_default())
    }

    /// Whether `client` may send one more form now.
    pub fn check(&self, client: Option<IpAddr>, now: Instant) -> Result<(), Limited> {
        let window = self.current(now);
        let used = window.counts.get(&Self::client_key(&window, client)).copied().unwrap_or(0);
        if used >= self.limits.per_client || window.total >= self.limits.total {
            let retry_after = self.limits.window.saturating_sub(now.duration_since(window.started));
            return Err(Limited { retry_after });
        }
        Ok(())
    }

    /// Counts one form from `client`.
    pub fn count(&self, client: Option<IpAddr>, now: Instant) {
        let mut window = self.current(now);
        let key = Self::client_key(&window, client);
        *window.counts.entry(key).or_insert(0) += 1;
        window.total += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration as StdDuration;

    #[test]
    fn a_token_holds_for_its_form_between_the_fill_time_and_a_day() {
        let tokens = FormTokens::new("key", Duration::seconds(3), Duration::days(1));
        let made = Utc::now();
        let token = tokens.issue("report:a", made);
        assert_eq!(tokens.check(&token, "report:a", made + Duration::seconds(1)), Err(TokenProblem::TooFast));
        assert_eq!(tokens.check(&token, "report:a", made + Duration::seconds(5)), Ok(()));
        assert_eq!(tokens.check(&token, "report:b", made + Duration::seconds(5)), Err(TokenProblem::Invalid));
        assert_eq!(tokens.check(&token, "report:a", made + Duration::days(2)), Err(TokenProblem::Expired));
        let other_key = FormTokens::new("other", Duration::seconds(3), Duration::days(1));
        assert_eq!(other_key.check(&token, "report:a", made + Duration::seconds(5)), Err(TokenProblem::Invalid));
        let (issued, _) = token.split_once('.').expect("two parts");
        let earlier = format!("{}.{}", issued.parse::<i64>().expect("millis") - 60_000, &token[issued.len() + 1..]);
        assert_eq!(tokens.check(&earlier, "report:a", made + Duration::seconds(5)), Err(TokenProblem::Invalid));
        assert_eq!(tokens.check("", "report:a", made), Err(TokenProblem::Invalid));
    }

    #[test]
    fn each_client_and_all_together_have_a_limit_that_ends_with_the_window() {
        let limits = Limits { per_client: 2, total: 3, window: StdDuration::from_secs(600) };
        let limiter = RateLimiter::new(limits);
        let (a, b, c): (IpAddr, IpAddr, IpAddr) =
            ("192.0.2.1".parse().unwrap(), "192.0.2.2".parse().unwrap(), "192.0.2.3".parse().unwrap());
        let start = Instant::now();
        for _ in 0..2 {
            assert!(limiter.check(Some(a), start).is_ok());
            limiter.count(Some(a), start);
        }
        let refused = limiter.check(Some(a), start + StdDuration::from_secs(100)).expect_err("over the limit");
        // The window began when the limiter was made, a moment before `start`.
        assert!((StdDuration::from_secs(499)..=StdDuration::from_secs(500)).contains(&refused.retry_after));
        assert!(limiter.check(Some(b), start).is_ok(), "another client is counted apart");
        limiter.count(Some(b), start);
        assert!(limiter.check(Some(c), start).is_err(), "all clients together are over the total");
        assert!(limiter.check(Some(a), start + StdDuration::from_secs(600)).is_ok(), "a new window forgets");
    }
}
