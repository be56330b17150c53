//! The in-memory view of the directory that public pages and the API read from: built from the store
//! at start-up and brought up to date with each change (see [`Index::apply`]), so pages never wait on
//! the database.
//!
//! Parts: `records` keeps the records compressed (a page decodes only what it shows), `coverage`
//! files services under place keys, `facts` packs what filters and facets need, `text` is the
//! tantivy index, `engine` answers a [`SearchQuery`], `update` builds and updates.

mod cache;
mod coverage;
mod engine;
mod facts;
mod ids;
mod listings;
mod plain;
mod pool;
pub mod query;
mod records;
mod saved;
pub mod synonyms;
mod text;
mod update;
mod within;

pub use query::{Facets, SearchHit, SearchQuery, SearchResults};
pub use saved::{SavedError, SavedIndex, Stamp};
pub use text::{remove_stale_builds, SearchError};
pub use update::Building;

use crate::model::remembered::Remembered;
use crate::model::{CountryCode, Coverage, Kind, Location, Organization, Place, Point, Service};
use chrono::{DateTime, Utc};
use coverage::Key;
use facts::{Facts, Languages, OpenCache, Schedule, Schedules};
use ids::{IdMap, Positions};
use pool::{Pooled, Pools, Run};
use records::{Blocks, Packed, Packer};
use std::collections::{HashMap, HashSet};
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

    /// Every position filed under any of `keys` or in `more`, once each.
    fn union(&self, keys: &[Key], more: &[&plain::Groups], len: usize) -> Vec<u32> {
        thread_local! {
            /// Which positions were seen, one bit each: kept between calls, and cleared bit by bit
            /// after each, because allocating and zeroing it per query cost more than the union itself.
            static SEEN: std::cell::RefCell<Vec<u64>> = const { std::cell::RefCell::new(Vec::new()) };
        }
        let lists: Vec<&Arc<Vec<u32>>> = keys.iter().filter_map(|k| self.0.get(k)).collect();
        let more = more.iter().flat_map(|groups| groups.iter()).flat_map(|g| g.entries.iter().map(|e| e.position));
        let mut out = Vec::with_capacity(lists.iter().map(|l| l.len()).sum());
        SEEN.with_borrow_mut(|seen| {
            if seen.len() <= len / 64 {
                seen.resize(len / 64 + 1, 0);
            }
            for p in lists.iter().flat_map(|l| l.iter().copied()).chain(more) {
                let (word, bit) = (p as usize / 64, 1u64 << (p % 64));
                if seen[word] & bit == 0 {
                    seen[word] |= bit;
                    out.push(p);
                }
            }
            for &p in &out {
                seen[p as usize / 64] = 0;
            }
        });
        out
    }
}

/// How many candidates ahead a pass over candidates asks for their lists to be loaded, and half how
/// many ahead for their facts (see [`Index::prefetch_ahead`]): enough for the work on the candidates in
/// between to cover a wait on memory.
const PREFETCH_AHEAD: usize = 8;

/// A place as a key of kept answers: a whole country (every page's banner asks for one) by its code,
/// without writing out the whole place.
fn place_key(place: &Place) -> String {
    match place.subdivisions.is_empty() && place.point.is_none() {
        true => place.country.as_str().to_string(),
        false => format!("{place:?}"),
    }
}

/// Records kept decoded by [`Index::shown_at`]: a few hundred results pages' worth, some 6 MB.
const SHOWN_KEPT: usize = 4_096;

/// Places whose text documents are kept by [`Index::text_area`]: a bit per service each, some 4 MB
/// at a million services.
const AREAS_KEPT: usize = 32;

/// Asks the processor to start loading `item` into its caches, without waiting (where it can be asked).
fn prefetch<T>(item: &T) {
    #[cfg(target_arch = "x86_64")]
    safe_arch::prefetch_t0(item);
    #[cfg(not(target_arch = "x86_64"))]
    let _ = item;
}

/// The plain lists a query asks (see [`Index::plain_lists`]).
struct Asked<'a> {
    plain: Vec<(&'a plain::Groups, coverage::Reach)>,
    tested: Vec<&'a plain::Groups>,
}

/// A physical location, as the index keeps it: what coverage and listings read, and the record.
#[derive(Clone)]
struct StoredLocation {
    organization_id: Uuid,
    point: Point,
    /// Normalised (see [`postcode_key`]), for the API's `postcode` filter.
    postcode: Option<Box<str>>,
    record: Packed,
}

impl StoredLocation {
    fn of(l: &Location, record: Packed) -> StoredLocation {
        StoredLocation {
            organization_id: l.organization_id,
            point: l.point,
            postcode: l.postal_code.as_deref().map(|p| postcode_key(p).into()),
            record,
        }
    }
}

/// An organization, as the index keeps it: its name, which every result shows, unpacked (in the
/// tables' name pool), and the record.
#[derive(Clone)]
struct StoredOrganization {
    name: Run,
    record: Packed,
}

/// A postal code compared without case or spaces: `sw1a 1aa` is `SW1A1AA`.
pub fn postcode_key(raw: &str) -> String {
    raw.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_uppercase).collect()
}

/// The packers of the three kinds of record, each with a dictionary trained on its own kind.
struct Packers {
    services: Packer,
    organizations: Packer,
    locations: Packer,
}

/// Everything the index knows besides the text index, by service position. Cloned for an update:
/// the records themselves and the coverage lists are shared, not copied.
#[derive(Clone)]
struct Tables {
    packers: Arc<Packers>,
    /// The records packed when the index was built or read; later ones are kept on their own.
    blocks: Arc<Blocks>,
    services: Vec<Packed>,
    summaries: Vec<Summary>,
    facts: Vec<Facts>,
    /// The lists of `facts`.
    pools: Pools,
    positions: Positions,
    /// Positions of services retired since the index was built: the slot stays so that every other
    /// service keeps its position, but nothing lists or finds it.
    vacant: HashSet<u32>,
    organizations: IdMap<StoredOrganization>,
    locations: IdMap<StoredLocation>,
    /// Services filed under each coverage key, except those kept in `plain`.
    lists: Lists,
    plain: plain::Plain,
    /// Every crisis line under each coverage key, plain or not: the banner on every page asks for them.
    crisis: Lists,
    languages: Languages,
    schedules: Schedules,
}

/// What is read of a service for every candidate or listing entry, kept unpacked: the rest of the
/// record is decoded only for the services a page shows.
/// Its lists are in the tables' [`Pools`], read through a [`SummaryRef`].
#[derive(Debug, Clone)]
pub struct Summary {
    pub id: Uuid,
    pub organization_id: Uuid,
    pub last_modified: DateTime<Utc>,
    name: Run,
    location_ids: Run,
    /// Its terms, as places (see `model::terms::service_ordinals`).
    terms: Run,
    schedule: Arc<Schedule>,
}

// Every service has one (it was 104 bytes with its lists boxed).
const _: () = assert!(std::mem::size_of::<Summary>() == 80);

/// A service's summary with its lists.
pub type SummaryRef<'a> = Pooled<'a, Summary>;

impl<'a> SummaryRef<'a> {
    pub fn name(self) -> &'a str {
        self.pools.name(self.item.name)
    }

    pub fn location_ids(self) -> &'a [Uuid] {
        self.pools.location_ids.get(self.item.location_ids)
    }

    /// Its terms, as places (see `model::terms::service_ordinals`).
    pub fn terms(self) -> &'a [u16] {
        self.pools.terms.get(self.item.terms)
    }

    /// The order of services equal in every other way: by name, then id.
    fn by_name(self, other: SummaryRef) -> std::cmp::Ordering {
        self.name().cmp(other.name()).then(self.id.cmp(&other.id))
    }
}

pub struct Index {
    tables: Tables,
    text: Arc<TextIndex>,
    /// A snapshot of the text index matching `tables`.
    searcher: text::Snapshot,
    open: OpenCache,
    cache: cache::Cache<cache::Cached>,
    /// Crisis lines by place: every page's banner asks for them.
    crisis_lines: cache::Cache<Vec<u32>>,
    /// Records pages showed lately, decoded (see [`Index::shown_at`]).
    shown: Remembered<u32, Option<Arc<Service>>>,
    /// The text documents of places searched lately (see [`Index::text_area`]).
    areas: Remembered<Vec<Key>, Arc<within::Area>>,
    listings: listings::Listings,
    /// Whether answers are kept for the minute (see `cache`); off only to measure computing them.
    caching: bool,
    /// The store's change number this index was built from.
    pub change: i64,
    /// When this version was made (a build, or an update applied).
    pub built_at: DateTime<Utc>,
}

/// A service that covers a place, with how well it does.
#[derive(Debug, Clone)]
pub struct Hit {
    pub service: Arc<Service>,
    pub coverage: Coverage,
}

/// The services of one kind that can be used at a place: how many, and the first few.
#[derive(Debug, Clone)]
pub struct Available {
    pub total: usize,
    pub first: Vec<Hit>,
}

impl Index {
    /// A version of the index over `tables` and the text index as `searcher` sees it, with empty
    /// caches, made now.
    fn version(
        mut tables: Tables,
        text: Arc<TextIndex>,
        searcher: text::Snapshot,
        change: i64,
        caching: bool,
    ) -> Index {
        tables.settle();
        Index {
            searcher,
            text,
            open: OpenCache::new(tables.services.len()),
            cache: Default::default(),
            crisis_lines: Default::default(),
            shown: Remembered::keeping(SHOWN_KEPT),
            areas: Remembered::keeping(AREAS_KEPT),
            listings: Default::default(),
            caching,
            tables,
            change,
            built_at: Utc::now(),
        }
    }

    fn service_at(&self, position: u32) -> Option<Service> {
        self.tables.service_at(position)
    }

    /// The service at `position` as a page shows it: decoded once while pages keep showing it. The
    /// same records come back on page after page (a country's first helplines, a city's services), and
    /// decoding the twenty a results page shows was as much work as finding them. A record is data,
    /// not an answer: it holds for this version of the index whatever the clock says, so it is kept
    /// also when answers are not (`serve --no-cache`).
    fn shown_at(&self, position: u32) -> Option<Arc<Service>> {
        self.shown.get_or(position, || self.service_at(position).map(Arc::new))
    }

    fn services_at(&self, positions: impl IntoIterator<Item = u32>) -> Vec<Arc<Service>> {
        positions.into_iter().filter_map(|p| self.shown_at(p)).collect()
    }

    /// Every service, decoded one at a time (for a whole-directory walk, not for a page).
    pub fn services(&self) -> impl Iterator<Item = Service> + '_ {
        self.listed().filter_map(|p| self.service_at(p))
    }

    /// Every position that holds a listed (not retired) service.
    fn listed(&self) -> impl Iterator<Item = u32> + '_ {
        (0..self.slots() as u32).filter(|p| !self.tables.vacant.contains(p))
    }

    /// How many service positions there are, retired ones included: the bound of every position list.
    fn slots(&self) -> usize {
        self.tables.services.len()
    }

    pub fn service(&self, id: Uuid) -> Option<Service> {
        self.tables.position(&id).and_then(|p| self.service_at(p))
    }

    pub fn organization(&self, id: Uuid) -> Option<Organization> {
        self.tables.organization(id)
    }

    /// An organization's name, without decoding its record: what a result list shows of it.
    pub fn organization_name(&self, id: Uuid) -> Option<&str> {
        self.tables.organization_name(id)
    }

    pub fn location(&self, id: Uuid) -> Option<Location> {
        self.tables.location(id)
    }

    /// Where a location is, without decoding it.
    pub fn location_point(&self, id: Uuid) -> Option<Point> {
        self.tables.locations.get(&id).map(|l| l.point)
    }

    /// A location's postal code, normalised by [`postcode_key`], without decoding it.
    pub fn location_postcode(&self, id: Uuid) -> Option<&str> {
        self.tables.locations.get(&id).and_then(|l| l.postcode.as_deref())
    }

    /// Where the locations with postal code `key` (see [`postcode_key`]) are, by country.
    pub fn postcode_points(&self, key: &str) -> Vec<(CountryCode, Point)> {
        let with_postcode = self.tables.locations.iter().filter(|(_, l)| l.postcode.as_deref() == Some(key));
        with_postcode.filter_map(|(id, l)| Some((self.location(*id)?.country, l.point))).collect()
    }

    /// Summaries of the services that have, for every word of `text`, a word starting with it in
    /// their name or text (description, organization, topics, places): a superset of what the HSDS
    /// `search` filter accepts, found in the text index instead of by decoding every record.
    pub fn with_word_prefixes(&self, text: &str) -> Vec<SummaryRef<'_>> {
        let folded = crate::geo::fold(text);
        let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
        match self.text.with_prefixes(&self.searcher, &words) {
            Ok(found) => found.into_iter().map(|p| self.tables.summary_at(p)).collect(),
            Err(e) => {
                tracing::warn!(error = %e, "text index failed; checking every service");
                self.listed().map(|p| self.tables.summary_at(p)).collect()
            }
        }
    }

    /// Every location, decoded one at a time, in no particular order (the HSDS API sorts what it lists).
    pub fn locations(&self) -> impl Iterator<Item = Location> + '_ {
        self.tables
            .locations
            .values()
            .filter_map(|l| self.tables.packers.locations.unpack(self.tables.blocks.bytes(&l.record)))
    }

    /// The text documents filed under `keys` (a place's), read from their postings once while text
    /// queries keep asking about the place. Every text query about a place, whatever its words, kind
    /// or filters, needs them, and reading them (tens of thousands of postings for a big city at a
    /// million services) was about a tenth of the benchmark's CPU there. Like a decoded record, they
    /// are data of this version of the index, not an answer, so they are kept also when answers are
    /// not.
    fn text_area(&self, keys: &[Key]) -> Result<Arc<within::Area>, text::SearchError> {
        self.areas.try_get_or(keys.to_vec(), || self.text.area(&self.searcher, keys))
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

    /// Size of the packed records (services, organizations and locations).
    pub fn packed_bytes(&self) -> usize {
        let t = &self.tables;
        t.services.iter().map(Packed::bytes).sum::<usize>()
            + t.organizations.values().map(|o| o.record.bytes()).sum::<usize>()
            + t.locations.values().map(|l| l.record.bytes()).sum::<usize>()
    }

    /// How many services are listed.
    pub fn len(&self) -> usize {
        self.slots() - self.tables.vacant.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Asks for what a pass over candidates reads of the candidates ahead of its `i`th, where
    /// `position_at` gives the position of each: the facts and minute's "open now" answer of the one
    /// twice [`PREFETCH_AHEAD`] ahead, and the lists of the one [`PREFETCH_AHEAD`] ahead, whose facts
    /// were asked for earlier (reading them is how the lists are found).
    fn prefetch_ahead(&self, i: usize, position_at: impl Fn(usize) -> Option<u32>) {
        if let Some(far) = position_at(i + 2 * PREFETCH_AHEAD) {
            self.tables.prefetch_facts(far);
            self.open.prefetch(far);
        }
        if let Some(near) = position_at(i + PREFETCH_AHEAD) {
            self.tables.prefetch_lists(near);
        }
    }

    /// Positions in `lists` under `keys`, or in `more`, of services that may be offered at `here`, with
    /// their exact reach.
    fn reaching<'a>(
        &'a self,
        lists: &'a Lists,
        keys: &[Key],
        more: &[&plain::Groups],
        here: &'a coverage::Here,
    ) -> impl Iterator<Item = (u32, coverage::Reach)> + 'a {
        let candidates = lists.union(keys, more, self.slots());
        (0..candidates.len()).filter_map(move |i| {
            self.prefetch_ahead(i, |j| candidates.get(j).copied());
            let p = candidates[i];
            let f = self.tables.facts_at(p);
            let reach = coverage::covers(&f.areas(), f.points(), here);
            reach.offered().then_some((p, reach))
        })
    }

    /// The plain lists (see `plain`) under `keys`: those plain at `here` whose services are offered
    /// there, with how they reach it (the same for every service of a list), and those whose services
    /// are to be tested one by one, being located and `here` having a point.
    fn plain_lists(&self, keys: &[Key], here: &coverage::Here) -> Asked<'_> {
        let mut asked: Vec<&Key> = keys.iter().filter(|k| plain::holds_plain(k)).collect();
        asked.sort();
        asked.dedup();
        let reach = |groups: &plain::Groups| {
            let first = groups.iter().find_map(|g| g.entries.first())?;
            let f = self.tables.facts_at(first.position);
            Some(coverage::covers(&f.areas(), f.points(), here)).filter(coverage::Reach::offered)
        };
        let mut out = Asked { plain: Vec::new(), tested: Vec::new() };
        for flavours in asked.into_iter().filter_map(|k| self.tables.plain.get(k)) {
            let located = if here.has_point() {
                out.tested.push(&flavours.located);
                None
            } else {
                Some(&flavours.located)
            };
            let plain = std::iter::once(&flavours.fixed).chain(located);
            out.plain.extend(plain.filter_map(|g| Some((g, reach(g)?))));
        }
        out
    }

    /// How many services of one kind can be used at `place`, and the first `first` of them in order:
    /// those whose areas cover it, then those that cover only part of its country; crisis lines first
    /// within each group (someone glancing at the first few should see one), then by name.
    fn usable(&self, place: &Place, kind: Kind, first: usize) -> (usize, Vec<(u32, Coverage)>) {
        let keys = coverage::keys_for(place, 0.0);
        let here = coverage::Here::new(place, 0.0);
        let bit = facts::bit(kind);
        let asked = self.plain_lists(&keys, &here);
        let mut hits: Vec<(u32, Coverage)> = self
            .reaching(&self.tables.lists, &keys, &asked.tested, &here)
            .filter(|(p, r)| r.coverage != Coverage::None && self.tables.facts[*p as usize].kind() == bit)
            .map(|(p, r)| (p, r.coverage))
            .collect();
        let mut total = hits.len();
        let crisis = |p: u32| self.tables.facts[p as usize].crisis_line;
        for (groups, reach) in asked.plain {
            let entries = &groups[usize::from(kind)].entries;
            total += entries.len();
            // A list is in name order: its first `first` crisis lines and first `first` others suffice.
            let (mut lines, mut others) = (0, 0);
            for e in entries {
                if lines >= first {
                    break;
                }
                if crisis(e.position) {
                    lines += 1;
                } else if others < first {
                    others += 1;
                } else {
                    continue;
                }
                hits.push((e.position, reach.coverage));
            }
        }
        let summary = |p: u32| self.tables.summary_at(p);
        hits.sort_by(|(a, x), (b, y)| {
            let by_name = || summary(*a).by_name(summary(*b));
            y.cmp(x).then_with(|| crisis(*b).cmp(&crisis(*a))).then_with(by_name)
        });
        hits.truncate(first);
        (total, hits)
    }

    /// The services of one kind that can be used at `place` (see [`Index::usable`]), the first
    /// `first` of them decoded.
    pub fn available(&self, place: &Place, kind: Kind, first: usize) -> Available {
        let (total, usable) = self.usable(place, kind, first);
        let first =
            usable.into_iter().filter_map(|(p, coverage)| Some(Hit { service: self.shown_at(p)?, coverage })).collect();
        Available { total, first }
    }

    /// The crisis line to show in the banner of a country's pages: a crisis line that covers all of it,
    /// preferring one that is open around the clock and one meant for this country over a worldwide one.
    /// Every page of the country shows it: its ranking is kept for this version of the index (see
    /// [`Index::crisis_positions`]) and its record stays decoded among those pages show.
    pub fn crisis_line(&self, country: CountryCode) -> Option<Arc<Service>> {
        let place = Place { country, subdivisions: Vec::new(), point: None };
        self.crisis_lines(&place, 1).into_iter().next()
    }

    /// The first `n` crisis lines for a place, in the banner's order. With answers remembered, a place's
    /// whole ranking is kept for this version of the index; worked out afresh, only the first `n` are
    /// put in order, except for a whole country's (see [`Index::crisis_positions`]).
    pub fn crisis_lines(&self, place: &Place, n: usize) -> Vec<Arc<Service>> {
        if self.keeps_crisis_ranking(place) {
            self.services_at(self.crisis_positions(place).iter().take(n).copied())
        } else {
            self.services_at(self.rank_crisis_lines(place, n))
        }
    }

    /// Every crisis line covering `place`, in order. Their order depends on the data alone, not on the
    /// clock, so it holds until an update makes a new version of the index. A whole country's is kept
    /// even when answers are not remembered: every page of a country shows its first in the banner,
    /// so not keeping it measured the same ranking again on every page rather than computing pages.
    fn crisis_positions(&self, place: &Place) -> Arc<Vec<u32>> {
        let rank = || self.rank_crisis_lines(place, usize::MAX);
        if self.keeps_crisis_ranking(place) {
            self.crisis_lines.get_or(place_key(place), rank)
        } else {
            Arc::new(rank())
        }
    }

    /// Whether the whole crisis ranking of `place` is kept for this version of the index: always for a
    /// place known only by its country, the place of every page's banner.
    fn keeps_crisis_ranking(&self, place: &Place) -> bool {
        self.caching || (place.subdivisions.is_empty() && place.point.is_none())
    }

    /// The first `n` crisis lines covering `place`, in order.
    fn rank_crisis_lines(&self, place: &Place, n: usize) -> Vec<u32> {
        self.first_crisis_lines(self.crisis_candidates(place), n)
    }

    /// What a crisis query at `place` puts first: the first `n` crisis lines in order, and every one of
    /// them by position (for the count, and to leave them out of the ranked results). Worked out afresh,
    /// only the first `n` are put in order: a country's crisis lines number thousands at a million
    /// services, and a page shows twenty.
    fn crisis_firsts(&self, place: &Place, n: usize) -> (Vec<u32>, Vec<u32>) {
        let (first, mut all) = if self.keeps_crisis_ranking(place) {
            let ranking = self.crisis_positions(place);
            (ranking.iter().take(n).copied().collect(), ranking.to_vec())
        } else {
            let lines = self.crisis_candidates(place);
            let all = lines.iter().map(|&(.., p)| p).collect();
            (self.first_crisis_lines(lines, n), all)
        };
        all.sort_unstable();
        (first, all)
    }

    /// The crisis lines covering `place`, with what orders them: around the clock first, then meant for
    /// the place's country, then by name. Keys are worked out once per line, and names compared only
    /// where their first bytes tie.
    fn crisis_candidates(&self, place: &Place) -> Vec<(bool, bool, u64, u32)> {
        let (keys, here) = (coverage::covering_keys_for(place), coverage::Here::new(place, 0.0));
        self.reaching(&self.tables.crisis, &keys, &[], &here)
            .filter(|(_, r)| r.coverage == Coverage::Covers)
            .map(|(p, _)| {
                let f = self.tables.facts_at(p);
                (!f.always_open, !f.meant_for(place.country), f.name_key, p)
            })
            .collect()
    }

    /// The first `n` of `lines` (see [`Index::crisis_candidates`]), in order.
    fn first_crisis_lines(&self, mut lines: Vec<(bool, bool, u64, u32)>, n: usize) -> Vec<u32> {
        let order = |a: &(bool, bool, u64, u32), b: &(bool, bool, u64, u32)| {
            (a.0, a.1, a.2)
                .cmp(&(b.0, b.1, b.2))
                .then_with(|| self.tables.summary_at(a.3).by_name(self.tables.summary_at(b.3)))
        };
        if n < lines.len() {
            let Some(last) = n.checked_sub(1) else { return Vec::new() };
            lines.select_nth_unstable_by(last, order);
            lines.truncate(n);
        }
        lines.sort_unstable_by(order);
        lines.into_iter().map(|(.., p)| p).collect()
    }

    /// Helplines covering `place` that are open at `at`, except `except`.
    pub fn open_alternatives(&self, place: &Place, at: DateTime<Utc>, except: Uuid) -> Vec<Arc<Service>> {
        let open = self.usable(place, Kind::Helplines, usize::MAX).1.into_iter().filter(|&(p, coverage)| {
            let s = &self.tables.summaries[p as usize];
            coverage == Coverage::Covers && s.id != except && self.open.is_open(p, &s.schedule, at)
        });
        self.services_at(open.map(|(p, _)| p).take(5))
    }
}
