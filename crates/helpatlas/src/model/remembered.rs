//! Answers worked out once and then looked up: for work that libraries redo on every call (building a
//! formatter, compiling a pattern) whose answers are few and never change.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::Mutex;

/// Answers kept before the memory is emptied and starts again: far more than a directory's numbers,
/// names or times of day, so only a flood of distinct questions ever empties it.
const KEPT: usize = 100_000;

pub struct Remembered<K, V>(Mutex<HashMap<K, V>>);

impl<K: Eq + Hash, V: Clone> Default for Remembered<K, V> {
    fn default() -> Self {
        Remembered(Mutex::new(HashMap::new()))
    }
}

impl<K: Eq + Hash, V: Clone> Remembered<K, V> {
    /// The answer to `key`, worked out by `work_out` the first time.
    pub fn get_or(&self, key: K, work_out: impl FnOnce() -> V) -> V {
        if let Some(found) = self.0.lock().ok().and_then(|known| known.get(&key).cloned()) {
            return found;
        }
        let found = work_out();
        if let Ok(mut known) = self.0.lock() {
            if known.len() >= KEPT {
                known.clear();
            }
            known.insert(key, found.clone());
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_is_worked_out_once() {
        let remembered: Remembered<u32, String> = Remembered::default();
        let mut calls = 0;
        for _ in 0..3 {
            assert_eq!(
                remembered.get_or(7, || {
                    calls += 1;
                    "seven".to_string()
                }),
                "seven"
            );
        }
        assert_eq!(calls, 1);
        assert_eq!(remembered.get_or(8, || "eight".to_string()), "eight");
    }
}
