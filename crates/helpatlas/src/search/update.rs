//! Building the index from a whole directory, and bringing it up to date with changed records
//! without rebuilding: a new version shares everything the change did not touch with the old one,
//! which keeps serving until the new one replaces it.

use super::coverage;
use super::facts::{Facts, OpenCache};
use super::text::{SearchError, TextDoc, TextIndex};
use super::{Index, Tables};
use crate::geo::atlas;
use crate::i18n::english;
use crate::model::{Directory, Location, Organization, Point, Service, ServiceArea};
use std::collections::BTreeSet;
use std::sync::Arc;

/// Memory for building the text index: enough that a million services need only a few segments.
const BUILD_WRITER_BYTES: usize = 200_000_000;

/// Names of the places a service is offered at, so that "Bergen" or "Bayern" finds it.
fn place_names<'a>(s: &'a Service, locations: &[&'a Location]) -> Vec<&'a str> {
    let mut names = Vec::new();
    for area in &s.areas {
        match area {
            ServiceArea::Country(c) => names.extend(atlas().country(*c).map(|c| c.name.as_str())),
            ServiceArea::Subdivision(code) => names.extend(atlas().subdivision(code).map(|s| s.name.as_str())),
            ServiceArea::World | ServiceArea::Radius { .. } => {}
        }
    }
    for l in locations {
        names.extend([l.city.as_deref(), l.region.as_deref()].into_iter().flatten());
    }
    names
}

/// The words of everything a person may type to find `s`, except its name.
fn body<'a>(s: &'a Service, organization: Option<&'a Organization>, locations: &[&'a Location]) -> Vec<&'a str> {
    let t = english();
    let mut body: Vec<&str> = vec![s.alternate_name.as_deref().unwrap_or(""), &s.description];
    body.extend(organization.map(|o| o.name.as_str()));
    body.extend(s.topics.iter().map(|x| t.label("topic", x.code())));
    body.extend(s.forms.iter().map(|x| t.label("form", x.code())));
    body.extend(s.audiences.iter().map(|x| t.label("audience", x.code())));
    body.extend(locations.iter().map(|l| l.name.as_str()));
    body.extend(place_names(s, locations));
    body
}

impl Index {
    /// Builds the index of a whole directory. Building an in-memory text index fails only on a bug
    /// (there is no I/O); callers that can report errors use [`Index::try_build`].
    pub fn build(directory: Directory, change: i64) -> Index {
        match Index::try_build(directory, change) {
            Ok(index) => index,
            Err(e) => panic!("building the in-memory text index failed: {e}"),
        }
    }

    pub fn try_build(directory: Directory, change: i64) -> Result<Index, SearchError> {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 4);
        let services: Vec<Arc<Service>> = directory.services.into_iter().map(Arc::new).collect();
        let mut tables = Tables {
            positions: services.iter().enumerate().map(|(i, s)| (s.id, i as u32)).collect(),
            facts: Vec::with_capacity(services.len()),
            services,
            organizations: directory.organizations.into_iter().map(|o| (o.id, Arc::new(o))).collect(),
            locations: directory.locations.into_iter().map(|l| (l.id, Arc::new(l))).collect(),
            ..Tables::default()
        };
        for position in 0..tables.services.len() as u32 {
            let facts = tables.file(position);
            tables.facts.push(facts);
        }
        let text = TextIndex::build(tables.services.len(), |p| tables.text_doc(p), threads, BUILD_WRITER_BYTES)?;
        Ok(Index {
            searcher: text.searcher(),
            text: Arc::new(text),
            open: OpenCache::new(tables.services.len()),
            cache: Default::default(),
            crisis_lines: Default::default(),
            listings: Default::default(),
            caching: true,
            tables,
            change,
        })
    }

    /// A new version of the index with `changes` (records inserted or modified since this version was
    /// built) applied; this version is left as it was. Costs time in proportion to the size of the
    /// change plus one copy of the per-service tables, instead of a rebuild.
    pub fn apply(&self, changes: &Directory, change: i64) -> Result<Index, SearchError> {
        let mut next = self.tables.clone();
        let touched = next.replace(changes);
        for &p in &touched {
            next.facts[p as usize] = next.file(p);
        }
        let searcher = self.text.update(touched.iter().map(|&p| next.text_doc(p)))?;
        Ok(Index {
            searcher,
            text: Arc::clone(&self.text),
            open: OpenCache::new(next.services.len()),
            cache: Default::default(),
            crisis_lines: Default::default(),
            listings: Default::default(),
            caching: self.caching,
            tables: next,
            change,
        })
    }
}

impl Tables {
    fn locations_of(&self, s: &Service) -> Vec<&Location> {
        s.location_ids.iter().filter_map(|id| self.locations.get(id)).map(|l| l.as_ref()).collect()
    }

    /// Files the service at `position` under its keys and dependencies; returns its facts.
    fn file(&mut self, position: u32) -> Facts {
        let s = Arc::clone(&self.services[position as usize]);
        let points: Box<[Point]> = self.locations_of(&s).iter().map(|l| l.point).collect();
        let facts = Facts::of(&s, points, &mut self.languages);
        let keys = coverage::keys_of(&s, &facts.points, &facts.radius_homes);
        for key in &keys {
            self.lists.add(key.clone(), position);
            if facts.crisis_line {
                self.crisis.add(key.clone(), position);
            }
        }
        for id in std::iter::once(&s.organization_id).chain(&s.location_ids) {
            self.dependents.entry(*id).or_default().push(position);
        }
        facts
    }

    /// Undoes [`Index::file`] for the service now at `position`.
    fn unfile(&mut self, position: u32) {
        let s = Arc::clone(&self.services[position as usize]);
        let f = &self.facts[position as usize];
        let keys = coverage::keys_of(&s, &f.points, &f.radius_homes);
        for key in &keys {
            self.lists.remove(key, position);
            self.crisis.remove(key, position);
        }
        for id in std::iter::once(&s.organization_id).chain(&s.location_ids) {
            if let Some(list) = self.dependents.get_mut(id) {
                list.retain(|&p| p != position);
            }
        }
    }

    fn text_doc(&self, position: u32) -> TextDoc<'_> {
        let s = self.services[position as usize].as_ref();
        let f = &self.facts[position as usize];
        let locations = self.locations_of(s);
        TextDoc {
            id: s.id,
            ord: position,
            languages: &s.languages,
            name: &s.name,
            body: body(s, self.organizations.get(&s.organization_id).map(|o| o.as_ref()), &locations),
            topics: &s.topics,
            keys: coverage::keys_of(s, &f.points, &f.radius_homes),
        }
    }

    /// Takes in changed records; returns the positions of every service whose keys, facts or text may
    /// have changed, unfiled, for the caller to file again.
    fn replace(&mut self, changes: &Directory) -> BTreeSet<u32> {
        let mut touched: BTreeSet<u32> = BTreeSet::new();
        for o in &changes.organizations {
            self.organizations.insert(o.id, Arc::new(o.clone()));
            touched.extend(self.dependents.get(&o.id).into_iter().flatten());
        }
        for l in &changes.locations {
            self.locations.insert(l.id, Arc::new(l.clone()));
            touched.extend(self.dependents.get(&l.id).into_iter().flatten());
        }
        let changed: Vec<(Option<u32>, &Service)> =
            changes.services.iter().map(|s| (self.positions.get(&s.id).copied(), s)).collect();
        touched.extend(changed.iter().filter_map(|(p, _)| *p));
        // Unfiled while the tables still describe the old version of each record.
        for &p in &touched {
            self.unfile(p);
        }
        for (position, s) in changed {
            let p = position.unwrap_or_else(|| {
                self.services.push(Arc::new(s.clone()));
                self.facts.push(Facts::of(s, Box::new([]), &mut self.languages));
                (self.services.len() - 1) as u32
            });
            self.services[p as usize] = Arc::new(s.clone());
            self.positions.insert(s.id, p);
            touched.insert(p);
        }
        touched
    }
}
