//! The in-memory view of the directory that public pages and the API read from: built from the store
//! at start-up and brought up to date with each change (see [`Index::apply`]), so pages never wait on
//! the database.
//!
//! Parts: `coverage` files services under place keys, `facts` packs what filters and facets need,
//! `text` is the tantivy index, `engine` answers a [`SearchQuery`], `update` builds and updates.

mod cache;
mod coverage;
mod engine;
mod facts;
mod listings;
pub mod query;
pub mod synonyms;
mod text;
mod update;

pub use query::{Facets, SearchHit, SearchQuery, SearchResults};
pub use text::SearchError;

use crate::model::{Coverage, Kind, Location, Organization, Place, Service};
use chrono::{DateTime, Utc};
use coverage::Key;
use facts::{Facts, Languages, OpenCache};
use std::collections::HashMap;
use std::sync::Arc;
use text::TextIndex;
use uuid::Uuid;

/// Services filed under each coverage key, by position. Lists are shared between versions of the
/// index and copied only when an update touches them.
#[derive(Clone, Default)]
struct Lists(HashMap<Key, Arc<Vec<u32>>>);

impl Lists {
    fn add(&mut self, key: Key, position: u32) {
        Arc::make_mut(self.0.entry(key).or_default()).push(position);
    }

    fn remove(&mut self, key: &Key, position: u32) {
        if let Some(list) = self.0.get_mut(key) {
            Arc::make_mut(list).retain(|&p| p != position);
        }
    }

    /// Every position filed under any of `keys`, once each.
    fn union(&self, keys: &[Key], len: usize) -> Vec<u32> {
        let mut seen = vec![0u64; len / 64 + 1];
        let mut out = Vec::new();
        for list in keys.iter().filter_map(|k| self.0.get(k)) {
            for &p in list.iter() {
                let (word, bit) = (p as usize / 64, 1u64 << (p % 64));
                if seen[word] & bit == 0 {
                    seen[word] |= bit;
                    out.push(p);
                }
            }
        }
        out
    }
}

/// Everything the index knows besides the text index, by service position. Cloned for an update:
/// the records themselves and the coverage lists are shared, not copied.
#[derive(Clone, Default)]
struct Tables {
    services: Vec<Arc<Service>>,
    facts: Vec<Facts>,
    positions: HashMap<Uuid, u32>,
    organizations: HashMap<Uuid, Arc<Organization>>,
    locations: HashMap<Uuid, Arc<Location>>,
    /// The services that show an organization's or a location's data, to update when it changes.
    dependents: HashMap<Uuid, Vec<u32>>,
    lists: Lists,
    /// The same, for crisis lines only: the banner on every page asks for them.
    crisis: Lists,
    languages: Languages,
}

pub struct Index {
    tables: Tables,
    text: Arc<TextIndex>,
    /// A snapshot of the text index matching `tables`.
    searcher: tantivy::Searcher,
    open: OpenCache,
    cache: cache::Cache<cache::Cached>,
    /// Crisis lines by place: every page's banner asks for them.
    crisis_lines: cache::Cache<Vec<u32>>,
    listings: listings::Listings,
    /// Whether answers are kept for the minute (see `cache`); off only to measure computing them.
    caching: bool,
    /// The store's change number this index was built from.
    pub change: i64,
}

/// A service that covers a place, with how well it does.
#[derive(Debug, Clone, Copy)]
pub struct Hit<'a> {
    pub service: &'a Service,
    pub coverage: Coverage,
}

impl Index {
    pub fn services(&self) -> impl Iterator<Item = &Service> {
        self.tables.services.iter().map(|s| s.as_ref())
    }

    pub fn service(&self, id: Uuid) -> Option<&Service> {
        self.tables.positions.get(&id).map(|&i| self.tables.services[i as usize].as_ref())
    }

    pub fn organization(&self, id: Uuid) -> Option<&Organization> {
        self.tables.organizations.get(&id).map(|o| o.as_ref())
    }

    pub fn location(&self, id: Uuid) -> Option<&Location> {
        self.tables.locations.get(&id).map(|l| l.as_ref())
    }

    /// Every location, in no particular order (the HSDS API sorts what it lists).
    pub fn locations(&self) -> impl Iterator<Item = &Location> {
        self.tables.locations.values().map(|l| l.as_ref())
    }

    pub fn set_caching(&mut self, on: bool) {
        self.caching = on;
    }

    /// The answer kept under `key` in `cache`, or the one `compute` gives.
    fn remembered<T>(
        &self,
        cache: &cache::Cache<T>,
        key: impl FnOnce() -> String,
        compute: impl FnOnce() -> T,
    ) -> Arc<T> {
        if self.caching {
            cache.get_or(key(), compute)
        } else {
            Arc::new(compute())
        }
    }

    /// Size of the text index, as tantivy counts it.
    pub fn text_index_bytes(&self) -> u64 {
        self.searcher.space_usage().map_or(0, |u| u.total().get_bytes())
    }

    pub fn len(&self) -> usize {
        self.tables.services.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tables.services.is_empty()
    }

    /// Positions of services that may be offered at `place`, with their exact reach.
    fn reaching<'a>(
        &'a self,
        lists: &'a Lists,
        place: &'a Place,
        radius_km: f64,
    ) -> impl Iterator<Item = (u32, coverage::Reach)> + 'a {
        let keys = coverage::keys_for(place, radius_km);
        let here = coverage::Here::new(place, radius_km);
        lists.union(&keys, self.tables.services.len()).into_iter().filter_map(move |p| {
            let f = &self.tables.facts[p as usize];
            let reach = coverage::covers(&f.areas, &f.radius_homes, &f.points, &here);
            reach.offered().then_some((p, reach))
        })
    }

    /// Services of one kind that can be used at `place`: those whose areas cover it, then those that
    /// cover only part of its country; by name within each group.
    pub fn available(&self, place: &Place, kind: Kind) -> Vec<Hit<'_>> {
        let mut hits: Vec<Hit> = self
            .reaching(&self.tables.lists, place, 0.0)
            .filter(|(_, r)| r.coverage != Coverage::None)
            .map(|(p, r)| Hit { service: self.tables.services[p as usize].as_ref(), coverage: r.coverage })
            .filter(|h| h.service.kind == kind)
            .collect();
        hits.sort_by(|a, b| {
            b.coverage
                .cmp(&a.coverage)
                .then_with(|| a.service.name.cmp(&b.service.name))
                .then(a.service.id.cmp(&b.service.id))
        });
        hits
    }

    /// The crisis line to show in the banner for a place: a crisis line that covers all of it,
    /// preferring one that is open around the clock and one meant for this country over a worldwide one.
    pub fn crisis_line(&self, place: &Place) -> Option<&Service> {
        self.crisis_lines(place).into_iter().next()
    }

    pub fn crisis_lines(&self, place: &Place) -> Vec<&Service> {
        let positions = self.remembered(&self.crisis_lines, || format!("{place:?}"), || self.rank_crisis_lines(place));
        positions.iter().map(|&p| self.tables.services[p as usize].as_ref()).collect()
    }

    fn rank_crisis_lines(&self, place: &Place) -> Vec<u32> {
        let mut lines: Vec<u32> = self
            .reaching(&self.tables.crisis, place, 0.0)
            .filter(|(_, r)| r.coverage == Coverage::Covers)
            .map(|(p, _)| p)
            .collect();
        // Keys made once per line: a radius area's country is a lookup, too dear for every comparison.
        lines.sort_by_cached_key(|&p| {
            let s = self.tables.services[p as usize].as_ref();
            let national = s.areas.iter().any(|a| a.country() == Some(place.country));
            (!self.tables.facts[p as usize].always_open, !national, &s.name, s.id)
        });
        lines
    }

    /// Helplines covering `place` that are open at `at`, except `except`.
    pub fn open_alternatives(&self, place: &Place, at: DateTime<Utc>, except: Uuid) -> Vec<&Service> {
        self.available(place, Kind::Helplines)
            .into_iter()
            .filter(|h| h.coverage == Coverage::Covers && h.service.id != except && h.service.is_open_now(at))
            .map(|h| h.service)
            .take(5)
            .collect()
    }
}
