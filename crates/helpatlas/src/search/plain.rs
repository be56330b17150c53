//! Services whose reach follows from one coverage key alone, kept apart from the other coverage lists.
//!
//! A service with one area that is the world, a country or a subdivision and no physical location
//! reaches every place that asks its key in the same way (no distance, no radius to test). With
//! locations it does so for the places known only by their country (no point to measure from), as does
//! a service with one radius area for those places, the only ones that ask `RadiusIn`. Most
//! national and regional lines, online services and communities are such. Under each key they are
//! grouped by kind in ranking order (by name), with their facet counts added up, so that a page without
//! query text costs what it shows rather than a pass over every service of a country: counts are read
//! off the tallies, and only "open now" and "verified lately" are read per service, from the list itself.
//!
//! No query asks two keys that hold the same plain service, so these lists need no merging.

use super::coverage::{Area, Key};
use super::facts::{Facts, FactsRef, Tally};
use crate::model::Kind;
use chrono::Datelike;
use std::cmp::Ordering;
use std::collections::HashMap;
use std::sync::Arc;

const KINDS: usize = Kind::ALL.len();

/// Whether a service with these facts is plain under `key`: for every place that asks it when it has
/// no locations, for the places without a point when it has (see [`Flavours`]).
pub fn plain_under(key: &Key, f: FactsRef) -> bool {
    matches!(
        (key, &*f.areas()),
        (Key::RadiusIn(_), [Area::Radius { .. }])
            | (
                Key::World | Key::Country(_) | Key::Subdivision(_) | Key::SubdivisionOf(_),
                [Area::World | Area::Country(_) | Area::Subdivision(_)],
            )
    )
}

/// Whether plain services may be filed under `key`.
pub fn holds_plain(key: &Key) -> bool {
    matches!(key, Key::World | Key::Country(_) | Key::Subdivision(_) | Key::SubdivisionOf(_) | Key::RadiusIn(_))
}

/// A plain service in its list: its position, and the day it was verified (days from the common era),
/// so that walking a list reads nothing else of the service but whether it is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub position: u32,
    pub verified: i32,
}

/// The plain services of one kind under one key.
#[derive(Debug, Clone, Default)]
pub struct Group {
    /// In ranking order by name once settled (see [`Plain::settle`]).
    pub entries: Vec<Entry>,
    /// None while the group has never held a service: most keys hold only some kinds.
    pub tally: Option<Box<Tally>>,
    sorted: bool,
}

impl Group {
    fn settled(&self) -> bool {
        self.sorted || self.entries.len() < 2
    }
}

pub type Groups = [Group; KINDS];

/// The plain services under one key: those without locations, plain for every place, and those with,
/// plain only for places without a point; a place with a point measures the distance to each of those
/// (they are also filed under their locations' cells).
#[derive(Debug, Clone, Default)]
pub struct Flavours {
    pub fixed: Groups,
    pub located: Groups,
}

impl Flavours {
    fn of(&mut self, f: FactsRef) -> &mut Group {
        let groups = if f.points().is_empty() { &mut self.fixed } else { &mut self.located };
        &mut groups[group_of(&f)]
    }

    fn groups(&self) -> impl Iterator<Item = &Group> {
        self.fixed.iter().chain(&self.located)
    }
}

/// Plain services by key, each key's lists shared between versions of the index and copied only when
/// an update touches them.
#[derive(Clone, Default)]
pub struct Plain(HashMap<Key, Arc<Flavours>>);

fn group_of(f: &Facts) -> usize {
    (f.kind().trailing_zeros() as usize).min(KINDS - 1)
}

impl Plain {
    pub fn add(&mut self, key: Key, position: u32, f: FactsRef) {
        let group = Arc::make_mut(self.0.entry(key).or_default()).of(f);
        group.entries.push(Entry { position, verified: f.verified_on.num_days_from_ce() });
        group.tally.get_or_insert_with(Default::default).add(f);
        group.sorted = false;
    }

    /// Takes out the service at `position`, whose facts were `f` when it was added.
    pub fn remove(&mut self, key: &Key, position: u32, f: FactsRef) {
        let Some(flavours) = self.0.get_mut(key) else { return };
        let group = Arc::make_mut(flavours).of(f);
        let before = group.entries.len();
        group.entries.retain(|e| e.position != position);
        if let Some(tally) = group.tally.as_mut().filter(|_| group.entries.len() < before) {
            tally.remove(f);
        }
    }

    /// Sorts every group changed since the last call by `order`.
    pub fn settle(&mut self, order: impl Fn(u32, u32) -> Ordering) {
        for flavours in self.0.values_mut() {
            if flavours.groups().all(Group::settled) {
                continue;
            }
            let flavours = Arc::make_mut(flavours);
            for group in flavours.fixed.iter_mut().chain(&mut flavours.located).filter(|g| !g.settled()) {
                group.entries.sort_by(|a, b| order(a.position, b.position));
                group.sorted = true;
            }
        }
    }

    pub fn get(&self, key: &Key) -> Option<&Flavours> {
        self.0.get(key).map(|g| &**g)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    #[cfg(test)]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Every key with the positions filed under it, group after group.
    pub fn lists(&self) -> impl Iterator<Item = (&Key, Vec<u32>)> {
        self.0.iter().map(|(k, f)| (k, f.groups().flat_map(|g| g.entries.iter().map(|e| e.position)).collect()))
    }
}
