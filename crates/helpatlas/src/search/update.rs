//! Building the index from a whole directory, and bringing it up to date with changed records
//! without rebuilding: a new version shares everything the change did not touch with the old one,
//! which keeps serving until the new one replaces it.

use super::coverage;
use super::facts::{Facts, FactsRef, Languages, Schedule, Schedules};
use super::ids::{IdMap, Positions};
use super::pool::Pools;
use super::records::{Blocks, Packed, Packer};
use super::text::{SearchError, TextBuilder, TextDoc, TextIndex};
use super::{plain, prefetch, Index, Lists, Packers, StoredLocation, StoredOrganization, Summary, SummaryRef, Tables};
use crate::geo::{area_country, atlas};
use crate::i18n::english;
use crate::model::{CountryCode, Directory, Location, Organization, Point, Service, ServiceArea};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::Arc;
use uuid::Uuid;

/// Memory for building the text index: enough that a million services need only a few segments.
const BUILD_WRITER_BYTES: usize = 200_000_000;

/// What a service's text and facts read of one of its locations: kept while building instead of
/// the whole record.
pub(super) struct LocationText {
    name: Box<str>,
    city: Option<Box<str>>,
    region: Option<Box<str>>,
    point: Point,
}

impl LocationText {
    fn of(l: &Location) -> LocationText {
        LocationText {
            name: l.name.as_str().into(),
            city: l.city.as_deref().map(Into::into),
            region: l.region.as_deref().map(Into::into),
            point: l.point,
        }
    }
}

/// Names of the places a service is offered at, so that "Bergen" or "Bayern" finds it.
fn place_names<'a>(s: &'a Service, locations: &[&'a LocationText]) -> Vec<&'a str> {
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
fn body<'a>(s: &'a Service, organization: Option<&'a str>, locations: &[&'a LocationText]) -> Vec<&'a str> {
    let t = english();
    let mut body: Vec<&str> = vec![s.alternate_name.as_deref().unwrap_or(""), &s.description];
    // Its description in every language it has, so that it is found in the words of each.
    body.extend(s.translations.values().filter_map(|t| t.description.as_deref()));
    body.extend(organization);
    body.extend(s.topics.iter().map(|x| t.label("topic", x.code())));
    body.extend(s.forms.iter().map(|x| t.label("form", x.code())));
    body.extend(s.audiences.iter().map(|x| t.label("audience", x.code())));
    body.extend(locations.iter().map(|l| &*l.name));
    body.extend(place_names(s, locations));
    body
}

/// The text document of the service at `position`, with the organization name and locations it shows
/// and its locations' `points`.
fn text_doc<'a>(
    position: u32,
    s: &'a Service,
    points: &[Point],
    organization: Option<&'a str>,
    locations: &[&'a LocationText],
) -> TextDoc<'a> {
    TextDoc {
        ord: position,
        languages: &s.languages,
        name: &s.name,
        body: body(s, organization, locations),
        topics: &s.topics,
        keys: coverage::keys_of(s, points),
    }
}

/// Services decoded at a time while they are filed in region order.
const FILE_BATCH: usize = 20_000;

/// An index being built from records added in batches: organizations and locations first, then
/// services, so that a million records are never all held at once. Services are packed as they come
/// and filed once all are read, in [`Region`] order.
pub struct Building {
    tables: Tables,
    text: TextBuilder,
    threads: usize,
    /// The records packed so far, the index's once it is finished.
    blocks: Blocks,
    /// What the services' text and facts need of the locations, which are kept packed.
    located: HashMap<Uuid, LocationText>,
    /// The services read so far, packed, with where they are offered.
    read: Vec<(Region, Packed)>,
}

/// Where a service is offered, as an order that puts the services of one place next to each other:
/// by country (services of the whole world first), then those of the whole country, of each
/// subdivision, of each radius, and services known only by their locations, by grid cell.
///
/// Services get their positions, and their text documents their numbers, in this order. A query reads
/// the services of one place: in this order they lie in a few stretches of every table instead of
/// scattered through all of it, and the text index skips whole blocks of postings between them. At a
/// million services computed pages ran at 1.6 times the rate of positions in the order read (BENCHMARKS.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Region {
    country: Option<CountryCode>,
    reach: u8,
    subdivision: [u8; 6],
    cell: (i16, i16),
}

impl Region {
    fn of(s: &Service, located: &HashMap<Uuid, LocationText>) -> Region {
        let area = s.areas.first();
        let mut region = Region { country: area.and_then(area_country), reach: 0, subdivision: [0; 6], cell: (0, 0) };
        match area {
            Some(ServiceArea::World | ServiceArea::Country(_)) => {}
            Some(ServiceArea::Subdivision(code)) => {
                (region.reach, region.subdivision) = (1, coverage::subdivision_bytes(code))
            }
            Some(ServiceArea::Radius { center, .. }) => (region.reach, region.cell) = (2, coverage::cell_of(*center)),
            None => {
                let point = s.location_ids.iter().find_map(|id| located.get(id)).map(|l| l.point);
                (region.reach, region.cell) = (3, point.map_or((0, 0), coverage::cell_of));
            }
        }
        region
    }
}

impl Building {
    /// Starts a build whose packers are trained on samples of each kind of record (the first page
    /// read of each serves). All organizations and locations are added before any service. With
    /// `on_disk`, the text index is built in a directory made there (see [`TextIndex::builder_in`]),
    /// otherwise in memory.
    pub fn new(
        organizations: &[Organization],
        locations: &[Location],
        services: &[Service],
        on_disk: Option<&std::path::Path>,
    ) -> Result<Building, SearchError> {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 4);
        let packers = Arc::new(Packers {
            services: Packer::new(&Packer::samples(services)),
            organizations: Packer::new(&Packer::samples(organizations)),
            locations: Packer::new(&Packer::samples(locations)),
        });
        let tables = Tables {
            services: Vec::new(),
            organizations: IdMap::default(),
            locations: IdMap::default(),
            positions: Positions::default(),
            vacant: HashSet::new(),
            summaries: Vec::new(),
            facts: Vec::new(),
            pools: Pools::default(),
            packers,
            blocks: Arc::default(),
            lists: Lists::default(),
            plain: Default::default(),
            crisis: Lists::default(),
            languages: Languages::default(),
            schedules: Schedules::default(),
        };
        Ok(Building {
            tables,
            text: match on_disk.map(|parent| TextIndex::builder_in(parent, threads, BUILD_WRITER_BYTES)) {
                Some(Ok(builder)) => builder,
                // A data directory that cannot take the build (read-only, say) costs memory, not the start.
                Some(Err(e)) => {
                    tracing::warn!(error = %e, "building the text index in memory instead");
                    TextIndex::builder(threads, BUILD_WRITER_BYTES)?
                }
                None => TextIndex::builder(threads, BUILD_WRITER_BYTES)?,
            },
            threads,
            blocks: Blocks::default(),
            located: HashMap::new(),
            read: Vec::new(),
        })
    }

    /// Makes room for this many records of each kind (retired services included), so that the tables
    /// do not grow by doubling, when for a moment the old copy and the new one, twice its size, are
    /// both held: at a million services that was one of the build's two peaks.
    pub fn reserve(&mut self, organizations: usize, locations: usize, services: usize) {
        let t = &mut self.tables;
        t.organizations.reserve(organizations);
        t.locations.reserve(locations);
        t.services.reserve_exact(services);
        t.summaries.reserve_exact(services);
        t.facts.reserve_exact(services);
        t.pools.reserve(services);
        t.positions.reserve(services, |p| t.summaries[p as usize].id);
        self.located.reserve(locations);
        self.read.reserve_exact(services);
    }

    /// Packs a batch of organizations.
    pub fn add_organizations(&mut self, organizations: Vec<Organization>) {
        let t = &mut self.tables;
        for o in organizations {
            let stored = StoredOrganization {
                name: t.pools.names.add(o.name.as_bytes()),
                record: self.blocks.add(&t.packers.organizations.pack(&o)),
            };
            t.organizations.insert(o.id, stored);
        }
    }

    /// Packs a batch of locations, keeping what the services' text and facts read of them.
    pub fn add_locations(&mut self, locations: Vec<Location>) {
        let packer = &self.tables.packers.locations;
        for l in &locations {
            self.tables.locations.insert(l.id, StoredLocation::of(l, self.blocks.add(&packer.pack(l))));
            self.located.insert(l.id, LocationText::of(l));
        }
    }

    /// Packs a batch of services (retired ones are left out), to be filed and indexed by `finish`.
    pub fn add(&mut self, mut services: Vec<Service>) {
        services.retain(|s| !s.is_retired());
        let packer = &self.tables.packers.services;
        for s in &services {
            self.read.push((Region::of(s, &self.located), self.blocks.add(&packer.pack(s))));
        }
    }

    /// Files and indexes the services read, in region order, a batch at a time.
    fn file_in_region_order(&mut self) -> Result<(), SearchError> {
        let mut read = std::mem::take(&mut self.read);
        read.sort_by_key(|(region, _)| *region);
        for batch in read.chunks(FILE_BATCH) {
            let services = self.unpack(batch)?;
            self.file_batch(&services)?;
            self.tables.services.extend(batch.iter().map(|(_, packed)| packed.clone()));
        }
        Ok(())
    }

    /// The services of `batch`, decoded on the build's threads.
    fn unpack(&self, batch: &[(Region, Packed)]) -> Result<Vec<Service>, SearchError> {
        let (packer, blocks) = (&self.tables.packers.services, &self.blocks);
        let decode = |part: &[(Region, Packed)]| -> Option<Vec<Service>> {
            part.iter().map(|(_, packed)| packer.unpack(blocks.bytes(packed))).collect()
        };
        let parts: Vec<Option<Vec<Service>>> = std::thread::scope(|scope| {
            let workers: Vec<_> = batch
                .chunks(batch.len().div_ceil(self.threads).max(1))
                .map(|part| scope.spawn(move || decode(part)))
                .collect();
            workers.into_iter().map(|w| w.join().unwrap_or_else(|p| std::panic::resume_unwind(p))).collect()
        });
        let mut services = Vec::with_capacity(batch.len());
        for part in parts {
            services.extend(part.ok_or(SearchError::Unpacked)?);
        }
        Ok(services)
    }

    /// Files and indexes `services` at the next positions.
    fn file_batch(&mut self, services: &[Service]) -> Result<(), SearchError> {
        let first = self.tables.summaries.len();
        for s in services {
            let position = self.tables.summaries.len() as u32;
            let summary = self.tables.summarize(s);
            self.tables.summaries.push(summary);
            let summaries = &self.tables.summaries;
            self.tables.positions.insert(s.id, position, |p| summaries[p as usize].id);
            let points: Vec<Point> =
                s.location_ids.iter().filter_map(|id| self.located.get(id)).map(|l| l.point).collect();
            let facts = self.tables.file(position, s, &points);
            self.tables.facts.push(facts);
        }
        let (tables, located) = (&self.tables, &self.located);
        let doc = |i: usize| {
            let s = &services[i];
            let shown: Vec<&LocationText> = s.location_ids.iter().filter_map(|id| located.get(id)).collect();
            let organization = tables.organizations.get(&s.organization_id).map(|o| tables.pools.name(o.name));
            let points = FactsRef::new(&tables.facts[first + i], &tables.pools).points();
            text_doc((first + i) as u32, s, points, organization, &shown)
        };
        self.text.add(services.len(), doc)
    }

    /// The index, as built at store change `change`.
    pub fn finish(mut self, change: i64) -> Result<Index, SearchError> {
        self.file_in_region_order()?;
        let Building { mut tables, text, blocks, located, .. } = self;
        tables.blocks = Arc::new(blocks);
        // What only the services' text needed goes before the text index's final merge, one of the
        // two moments the build holds the most (segments and their merged copy at once): at a million
        // services the build's peak fell from 1,642 to 1,591 MB.
        drop(located);
        let text = text.finish()?;
        let searcher = text.searcher()?;
        Ok(Index::version(tables, Arc::new(text), searcher, change, true))
    }
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
        let Directory { organizations, locations, services } = directory;
        let mut building = Building::new(&organizations, &locations, &services, None)?;
        building.add_organizations(organizations);
        building.add_locations(locations);
        building.add(services);
        building.finish(change)
    }

    /// A new version of the index with `changes` (records inserted or modified since this version was
    /// built) applied; this version is left as it was. Costs time in proportion to the size of the
    /// change plus one copy of the per-service tables, instead of a rebuild.
    pub fn apply(&self, changes: &Directory, change: i64) -> Result<Index, SearchError> {
        let mut next = self.tables.clone();
        let (touched, retired) = next.replace(changes);
        let touched: Vec<(u32, Service)> = touched.into_iter().filter_map(|p| Some((p, next.service_at(p)?))).collect();
        for (p, s) in &touched {
            let points: Vec<Point> =
                s.location_ids.iter().filter_map(|id| next.locations.get(id)).map(|l| l.point).collect();
            next.facts[*p as usize] = next.file(*p, s, &points);
        }
        let shown: Vec<(Option<&str>, Vec<LocationText>)> = touched
            .iter()
            .map(|(_, s)| {
                let locations = s.location_ids.iter().filter_map(|id| next.location(*id));
                (next.organization_name(s.organization_id), locations.map(|l| LocationText::of(&l)).collect())
            })
            .collect();
        let docs = touched.iter().zip(&shown).map(|((p, s), (organization, locations))| {
            let located: Vec<&LocationText> = locations.iter().collect();
            text_doc(*p, s, next.facts_at(*p).points(), *organization, &located)
        });
        let searcher = self.text.update(docs, &retired)?;
        Ok(Index::version(next, Arc::clone(&self.text), searcher, change, self.caching))
    }
}

impl Tables {
    /// The position of the service `id`, unless it is retired or unknown.
    pub(super) fn position(&self, id: &Uuid) -> Option<u32> {
        self.positions.get(id, |p| self.summaries[p as usize].id)
    }

    pub(super) fn summary_at(&self, position: u32) -> SummaryRef<'_> {
        SummaryRef::new(&self.summaries[position as usize], &self.pools)
    }

    pub(super) fn facts_at(&self, position: u32) -> FactsRef<'_> {
        FactsRef::new(&self.facts[position as usize], &self.pools)
    }

    /// Asks the processor to start loading the facts at `position` into its caches, without waiting.
    /// A query's candidates lie scattered over the table of facts, and at a million services reading
    /// each one's was a wait on memory (a tenth of a computed page's time); asked for a few candidates
    /// ahead, those waits overlap.
    pub(super) fn prefetch_facts(&self, position: u32) {
        if let Some(f) = self.facts.get(position as usize) {
            prefetch(f);
        }
    }

    /// Asks for the lists of the facts at `position` (its languages, location points and pooled
    /// areas), reading the facts themselves: to be called once [`Tables::prefetch_facts`] has had
    /// time to bring them in. Each list is one more wait on memory for a candidate that reads it.
    pub(super) fn prefetch_lists(&self, position: u32) {
        let Some(f) = self.facts.get(position as usize) else { return };
        let f = FactsRef::new(f, &self.pools);
        if let Some(first) = f.languages().first() {
            prefetch(first);
        }
        if let Some(first) = f.points().first() {
            prefetch(first);
        }
        if let Some(first) = f.pooled_areas().and_then(<[_]>::first) {
            prefetch(first);
        }
    }

    pub(super) fn service_at(&self, position: u32) -> Option<Service> {
        self.packers.services.unpack(self.blocks.bytes(&self.services[position as usize]))
    }

    pub(super) fn organization(&self, id: Uuid) -> Option<Organization> {
        self.organizations.get(&id).and_then(|o| self.packers.organizations.unpack(self.blocks.bytes(&o.record)))
    }

    /// An organization's name, without decoding its record.
    pub(super) fn organization_name(&self, id: Uuid) -> Option<&str> {
        self.organizations.get(&id).map(|o| self.pools.name(o.name))
    }

    pub(super) fn location(&self, id: Uuid) -> Option<Location> {
        self.locations.get(&id).and_then(|l| self.packers.locations.unpack(self.blocks.bytes(&l.record)))
    }

    fn summarize(&mut self, s: &Service) -> Summary {
        Summary {
            id: s.id,
            organization_id: s.organization_id,
            name: self.pools.names.add(s.name.as_bytes()),
            last_modified: s.last_modified,
            location_ids: self.pools.location_ids.add(&s.location_ids),
            terms: self.pools.terms.add(&crate::model::terms::service_ordinals(s)),
            schedule: self.schedules.intern(Schedule::of(s)),
        }
    }

    /// Files the service `s`, whose locations are at `points`, at `position` under its keys and
    /// dependencies; returns its facts.
    fn file(&mut self, position: u32, s: &Service, points: &[Point]) -> Facts {
        let facts = Facts::of(s, points, &mut self.languages, &mut self.pools);
        let f = FactsRef::new(&facts, &self.pools);
        for key in &coverage::keys_of(s, points) {
            if plain::plain_under(key, f) {
                self.plain.add(key.clone(), position, f);
            } else {
                self.lists.add(key.clone(), position);
            }
            if facts.crisis_line {
                self.crisis.add(key.clone(), position);
            }
        }
        facts
    }

    /// Undoes [`Tables::file`] for `s`, the service now at `position`.
    fn unfile(&mut self, position: u32, s: &Service) {
        let f = FactsRef::new(&self.facts[position as usize], &self.pools);
        for key in &coverage::keys_of(s, f.points()) {
            if plain::plain_under(key, f) {
                self.plain.remove(key, position, f);
            } else {
                self.lists.remove(key, position);
            }
            self.crisis.remove(key, position);
        }
    }

    /// Puts the plain lists changed since the last call back in ranking order by name.
    pub(super) fn settle(&mut self) {
        let (facts, summaries, pools) = (&self.facts, &self.summaries, &self.pools);
        self.plain.settle(|a, b| {
            let summary = |p: u32| SummaryRef::new(&summaries[p as usize], pools);
            let key = |p: u32| facts[p as usize].name_key;
            key(a).cmp(&key(b)).then_with(|| summary(a).by_name(summary(b)))
        });
    }

    /// Moves every plain service into the coverage lists, as they were before plain lists were kept
    /// apart: the reference that the plain lists must answer the same as.
    #[cfg(test)]
    pub(super) fn plain_into_lists(&mut self) {
        for (key, positions) in self.plain.lists() {
            for p in positions {
                self.lists.add(key.clone(), p);
            }
        }
        self.plain = Default::default();
    }

    /// The listed services that show an organization or a location among `changes`. Found by one pass
    /// over the summaries (an update already copies every per-service table) rather than kept in a
    /// reverse index, which cost ~100 MB at a million services.
    fn showing(&self, changes: &Directory) -> BTreeSet<u32> {
        if changes.organizations.is_empty() && changes.locations.is_empty() {
            return BTreeSet::new();
        }
        let organizations: HashSet<Uuid> = changes.organizations.iter().map(|o| o.id).collect();
        let locations: HashSet<Uuid> = changes.locations.iter().map(|l| l.id).collect();
        let shows = |s: SummaryRef| {
            organizations.contains(&s.organization_id) || s.location_ids().iter().any(|l| locations.contains(l))
        };
        let listed = |p: &u32| !self.vacant.contains(p);
        (0..self.summaries.len() as u32).filter(listed).filter(|&p| shows(self.summary_at(p))).collect()
    }

    /// Takes in changed records; returns the positions of every service whose keys, facts or text may
    /// have changed, unfiled, for the caller to file again, and the positions of services retired by
    /// the change, now vacant.
    fn replace(&mut self, changes: &Directory) -> (BTreeSet<u32>, Vec<u32>) {
        let packers = Arc::clone(&self.packers);
        for o in &changes.organizations {
            let name = self.pools.names.add(o.name.as_bytes());
            self.organizations
                .insert(o.id, StoredOrganization { name, record: Packed::own(&packers.organizations.pack(o)) });
        }
        for l in &changes.locations {
            self.locations.insert(l.id, StoredLocation::of(l, Packed::own(&packers.locations.pack(l))));
        }
        let mut touched = self.showing(changes);
        let changed: Vec<(Option<u32>, &Service)> =
            changes.services.iter().map(|s| (self.position(&s.id), s)).collect();
        touched.extend(changed.iter().filter_map(|(p, _)| *p));
        // Unfiled while the tables still describe the old version of each record.
        for &p in &touched {
            if let Some(old) = self.service_at(p) {
                self.unfile(p, &old);
            }
        }
        let mut retired = Vec::new();
        for (position, s) in changed {
            if s.is_retired() {
                if let Some(p) = position {
                    touched.remove(&p);
                    let summaries = &self.summaries;
                    self.positions.remove(&s.id, |p| summaries[p as usize].id);
                    self.vacant.insert(p);
                    retired.push(p);
                }
                continue;
            }
            let (packed, summary) = (Packed::own(&packers.services.pack(s)), self.summarize(s));
            let p = match position {
                Some(p) => {
                    self.services[p as usize] = packed;
                    self.summaries[p as usize] = summary;
                    p
                }
                None => {
                    self.services.push(packed);
                    self.summaries.push(summary);
                    // Placeholder facts, replaced when the caller files the service.
                    self.facts.push(Facts::of(s, &[], &mut self.languages, &mut self.pools));
                    (self.services.len() - 1) as u32
                }
            };
            let summaries = &self.summaries;
            self.positions.insert(s.id, p, |p| summaries[p as usize].id);
            touched.insert(p);
        }
        (touched, retired)
    }
}

#[cfg(test)]
mod tests {
    use super::super::coverage::Area;
    use super::*;

    /// Services are filed in region order: the services of each country (by their first area) take one
    /// stretch of positions.
    #[test]
    fn the_services_of_a_country_are_filed_next_to_each_other() {
        let index = Index::build(crate::generate::directory(5_000, 2), 1);
        let country = |p: u32| match index.tables.facts_at(p).areas().first() {
            Some(Area::Country(c)) => Some(c.as_str().as_bytes().to_vec()),
            Some(Area::Subdivision(code)) => Some(code[..2].to_vec()),
            Some(Area::Radius { home, .. }) => home.map(|c| c.as_str().as_bytes().to_vec()),
            Some(Area::World) | None => None,
        };
        let (mut seen, mut last) = (HashSet::new(), None);
        for p in 0..index.tables.summaries.len() as u32 {
            let c = country(p);
            if last.as_ref() != Some(&c) {
                assert!(seen.insert(c.clone()), "{c:?} again at position {p}");
                last = Some(c);
            }
        }
        assert!(seen.len() > 20, "only {} countries", seen.len());
    }
}
