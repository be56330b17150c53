//! Answers worked out once and then looked up: for work that libraries redo on every call (building a
//! formatter, compiling a pattern) whose answers are few and never change.

use std::collections::HashMap;
use std::convert::Infallible;
use std::hash::Hash;
use std::sync::Mutex;

/// Answers kept before the memory is emptied and starts again: far more than a directory's numbers,
/// names or times of day, so only a flood of distinct questions ever empties it.
const KEPT: usize = 100_000;

pub struct Remembered<K, V> {
    known: Mutex<HashMap<K, V>>,
    kept: usize,
}

impl<K: Eq + Hash, V: Clone> Default for Remembered<K, V> {
    fn default() -> Self {
        Remembered::keeping(KEPT)
    }
}

impl<K: Eq + Hash, V: Clone> Remembered<K, V> {
    /// Keeping at most `kept` answers: for questions visitors choose (words typed), whose answers
    /// would otherwise take memory a flood of distinct ones could grow.
    pub fn keeping(kept: usize) -> Self {
        Remembered { known: Mutex::new(HashMap::new()), kept }
    }

    /// The answer to `key`, worked out by `work_out` the first time.
    pub fn get_or(&self, key: K, work_out: impl FnOnce() -> V) -> V {
        match self.try_get_or(key, || Ok::<V, Infallible>(work_out())) {
            Ok(found) => found,
            Err(never) => match never {},
        }
    }

    /// The answer to `key`, worked out by `work_out` the first time it gives one: an error is
    /// returned and not kept, so the next call tries again.
    pub fn try_get_or<E>(&self, key: K, work_out: impl FnOnce() -> Result<V, E>) -> Result<V, E> {
        if let Some(found) = self.known.lock().ok().and_then(|known| known.get(&key).cloned()) {
            return Ok(found);
        }
        let found = work_out()?;
        if let Ok(mut known) = self.known.lock() {
            if known.len() >= self.kept {
                known.clear();
            }
            known.insert(key, found.clone());
        }
        Ok(found)
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

    #[test]
    fn a_full_memory_starts_again() {
        let remembered: Remembered<u32, u32> = Remembered::keeping(2);
        for n in [1, 2, 3] {
            remembered.get_or(n, || n * 10);
        }
        let mut calls = 0;
        let mut again = |n: u32| {
            remembered.get_or(n, || {
                calls += 1;
                n * 10
            })
        };
        assert_eq!((again(3), again(1)), (30, 10));
        assert_eq!(calls, 1, "3 was kept after the memory of 1 and 2 was emptied; 1 was worked out again");
    }
}
