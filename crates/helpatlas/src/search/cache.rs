//! Answers to recent queries, kept per version of the index: pages are addressed by their URL, and the
//! same pages (a country's helplines, a city's in-person services) are asked again and again. An
//! answer depends on the index version (each version has its own cache, so an update empties it) and
//! on the clock only through "open now" and "verified recently", so it is kept for the minute it was
//! computed in.

use super::query::{Facets, SearchQuery};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Most answers kept; when full, the cache starts over (cheap, and popular pages come back at once).
const CAPACITY: usize = 20_000;

/// One answer, by service position so that it does not borrow the index.
pub struct Cached {
    pub total: usize,
    /// Position, distance, partial coverage.
    pub hits: Vec<(u32, Option<f64>, bool)>,
    pub facets: Facets,
    pub crisis: bool,
}

/// Answers by key, for one version of the index.
pub struct Cache<T> {
    entries: Mutex<HashMap<String, Arc<T>>>,
}

impl<T> Default for Cache<T> {
    fn default() -> Self {
        Cache { entries: Mutex::default() }
    }
}

/// Everything the answer depends on, with the time cut to the minute.
pub fn key(q: &SearchQuery) -> String {
    let minute = q.now.timestamp().div_euclid(60);
    let mut q = q.clone();
    q.now = chrono::DateTime::from_timestamp(minute * 60, 0).unwrap_or(q.now);
    format!("{q:?}")
}

impl<T> Cache<T> {
    /// The answer kept under `key`, or the one `compute` gives, kept from now on.
    pub fn get_or(&self, key: String, compute: impl FnOnce() -> T) -> Arc<T> {
        if let Some(answer) = self.get(&key) {
            return answer;
        }
        let answer = Arc::new(compute());
        self.put(key, Arc::clone(&answer));
        answer
    }

    fn get(&self, key: &str) -> Option<Arc<T>> {
        self.entries.lock().ok()?.get(key).cloned()
    }

    fn put(&self, key: String, answer: Arc<T>) {
        if let Ok(mut entries) = self.entries.lock() {
            if entries.len() >= CAPACITY {
                entries.clear();
            }
            entries.insert(key, answer);
        }
    }
}
