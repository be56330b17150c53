//! Many small lists kept end to end in one vector. A boxed slice costs 16 bytes where it is kept and
//! an allocation of its own; a [`Run`] costs 8 and none. At a million services the lists of the
//! services' facts and summaries took 96 MB in pointers alone.

use super::coverage::Area;
use crate::model::Point;
use uuid::Uuid;

/// Where one list is in its [`Pool`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Run {
    start: u32,
    len: u32,
}

/// The items of many lists. A list replaced by an update leaves its old items behind until the index
/// is next built or read from its saved copy, which write only the lists in use.
#[derive(Debug, Clone)]
pub struct Pool<T>(Vec<T>);

impl<T> Default for Pool<T> {
    fn default() -> Self {
        Pool(Vec::new())
    }
}

impl<T: Clone> Pool<T> {
    /// Keeps `items` (nothing, for an empty list).
    pub fn add(&mut self, items: &[T]) -> Run {
        if items.is_empty() {
            return Run::default();
        }
        let (start, len) = (u32::try_from(self.0.len()), u32::try_from(items.len()));
        let (Ok(start), Ok(len)) = (start, len) else {
            panic!("a pool holds fewer than 2^32 items");
        };
        self.0.extend_from_slice(items);
        Run { start, len }
    }

    pub fn get(&self, run: Run) -> &[T] {
        let start = run.start as usize;
        self.0.get(start..start + run.len as usize).unwrap_or_default()
    }

    pub fn reserve(&mut self, additional: usize) {
        self.0.reserve_exact(additional);
    }
}

/// The lists of every service's facts and summary.
#[derive(Debug, Clone, Default)]
pub struct Pools {
    pub(super) languages: Pool<u16>,
    pub(super) points: Pool<Point>,
    pub(super) areas: Pool<Area>,
    /// Names, as UTF-8.
    pub(super) names: Pool<u8>,
    pub(super) location_ids: Pool<Uuid>,
    pub(super) terms: Pool<u16>,
}

impl Pools {
    /// Makes room for the lists of `services` more services, as most services have them: one area, a
    /// language or two, a few terms, at most a location.
    pub fn reserve(&mut self, services: usize) {
        self.languages.reserve(services + services / 2);
        self.points.reserve(services / 2);
        self.areas.reserve(services);
        self.names.reserve(services * 32);
        self.location_ids.reserve(services / 2);
        self.terms.reserve(services * 8);
    }

    /// A name kept with [`Pool::add`] of its bytes.
    pub fn name(&self, run: Run) -> &str {
        std::str::from_utf8(self.names.get(run)).unwrap_or_default()
    }
}

/// A service's facts or summary with the pools its lists are in (see `FactsRef`, `SummaryRef`).
pub struct Pooled<'a, T> {
    pub(super) item: &'a T,
    pub(super) pools: &'a Pools,
}

impl<'a, T> Pooled<'a, T> {
    pub fn new(item: &'a T, pools: &'a Pools) -> Pooled<'a, T> {
        Pooled { item, pools }
    }
}

impl<T> Clone for Pooled<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Pooled<'_, T> {}

impl<T> std::ops::Deref for Pooled<'_, T> {
    type Target = T;

    fn deref(&self) -> &T {
        self.item
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_come_back_as_they_were_added() {
        let mut pool = Pool::default();
        let lists: Vec<Vec<u32>> = (0..100u32).map(|n| (0..n % 7).map(|i| n * 10 + i).collect()).collect();
        let runs: Vec<Run> = lists.iter().map(|l| pool.add(l)).collect();
        for (run, list) in runs.iter().zip(&lists) {
            assert_eq!(pool.get(*run), &list[..]);
        }
        assert_eq!(pool.get(Run::default()), &[] as &[u32]);
        assert_eq!(pool.0.len(), lists.iter().map(Vec::len).sum::<usize>(), "empty lists take no room");
    }
}
