//! What filters and facets need of each service, packed into bit sets so that a query can test and
//! count tens of thousands of candidates in well under a millisecond.
//!
//! Filters within one facet are alternatives (OR); different facets all apply (AND). Each facet's
//! counts apply every filter except its own, so a count says what choosing that value would give.

use super::coverage::{pack, Area, SmallArea};
use super::pool::{Pooled, Pools, Run};
use super::query::{Facets, SearchQuery};
use crate::model::{Audience, ChannelType, Cost, CountryCode, DeliveredBy, Form, Hours, Kind, Point, Service, Topic};
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

/// Position of a variant in its vocabulary (the enums have no explicit discriminants).
pub fn bit<T: Copy + Into<usize>>(value: T) -> u32 {
    1 << value.into()
}

macro_rules! position {
    ($($t:ty),+) => {$(impl From<$t> for usize { fn from(v: $t) -> usize { v as usize } })+};
}
position!(Kind, Topic, ChannelType, Cost, Audience, DeliveredBy);

fn mask<T: Copy + Into<usize>>(values: impl IntoIterator<Item = T>) -> u32 {
    values.into_iter().fold(0, |m, v| m | bit(v))
}

/// Language codes as small numbers.
#[derive(Debug, Clone, Default)]
pub struct Languages {
    codes: Vec<String>,
    ids: HashMap<String, u16>,
}

impl Languages {
    pub fn intern(&mut self, code: &str) -> u16 {
        if let Some(&id) = self.ids.get(code) {
            return id;
        }
        let id = u16::try_from(self.codes.len()).unwrap_or(u16::MAX);
        self.codes.push(code.to_string());
        self.ids.insert(code.to_string(), id);
        id
    }

    pub fn id(&self, code: &str) -> Option<u16> {
        self.ids.get(code).copied()
    }

    pub fn code(&self, id: u16) -> &str {
        self.codes.get(usize::from(id)).map_or("", String::as_str)
    }

    pub fn len(&self) -> usize {
        self.codes.len()
    }

    /// Every code, by id.
    pub fn codes(&self) -> &[String] {
        &self.codes
    }
}

/// What filters, facets and ranking read of a service, of a fixed size: its lists are in the tables'
/// [`Pools`], read through a [`FactsRef`]. Saved with the index without the lists, which are saved
/// beside it. One cache line each: a query reads the facts of every candidate, scattered over the
/// table, and each one read is a wait on memory at a million services.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[repr(align(64))]
pub struct Facts {
    /// One bit: the kinds fit in a byte, which leaves room for the areas in place.
    kind: u8,
    pub topics: u32,
    pub channels: u32,
    /// One bit, or none when the cost is not known. Two bytes, which keeps the whole at 64.
    pub cost: u16,
    /// None: for everyone.
    pub audiences: u32,
    pub delivered_by: u32,
    /// Only for people who live in the service's areas.
    pub residents_only: bool,
    pub min_age: u8,
    pub max_age: u8,
    pub always_open: bool,
    /// A crisis line for everyone: shown first for a query that signals a crisis.
    pub crisis_line: bool,
    pub verified_on: NaiveDate,
    /// The first bytes of the name, big-endian: orders like the name itself, so most ties between
    /// equally ranked results are broken without reading the names.
    pub name_key: u64,
    #[serde(skip)]
    languages: Run,
    /// Where the service's physical locations are.
    #[serde(skip)]
    points: Run,
    #[serde(skip)]
    areas: Areas,
}

// Every service has one: kept small on purpose (it was 104 bytes with its lists boxed).
const _: () = assert!(std::mem::size_of::<Facts>() == 64 && Cost::ALL.len() <= 16 && Kind::ALL.len() <= 8);

/// A service's areas as its facts keep them: a single area other than a radius, as most services
/// have, in place; others in the pool. Read from the pool, the areas were a second wait on memory for
/// every candidate a query tests (a tenth of a computed page's time at a million services).
#[derive(Debug, Clone, Copy)]
enum Areas {
    One(SmallArea),
    Pooled(Run),
}

impl Default for Areas {
    fn default() -> Areas {
        Areas::Pooled(Run::default())
    }
}

impl Areas {
    fn keep(areas: &[Area], pools: &mut Pools) -> Areas {
        match areas {
            [one] => SmallArea::of(one).map_or_else(|| Areas::Pooled(pools.areas.add(areas)), Areas::One),
            _ => Areas::Pooled(pools.areas.add(areas)),
        }
    }
}

/// A service's areas, read through [`FactsRef::areas`]: a slice either way.
pub enum AreaList<'a> {
    One(Area),
    Pooled(&'a [Area]),
}

impl std::ops::Deref for AreaList<'_> {
    type Target = [Area];

    fn deref(&self) -> &[Area] {
        match self {
            AreaList::One(area) => std::slice::from_ref(area),
            AreaList::Pooled(areas) => areas,
        }
    }
}

/// A service's facts with its lists.
pub type FactsRef<'a> = Pooled<'a, Facts>;

impl<'a> FactsRef<'a> {
    pub fn languages(self) -> &'a [u16] {
        self.pools.languages.get(self.item.languages)
    }

    /// Where the service's physical locations are.
    pub fn points(self) -> &'a [Point] {
        self.pools.points.get(self.item.points)
    }

    pub fn areas(self) -> AreaList<'a> {
        match self.item.areas {
            Areas::One(area) => AreaList::One(area.area()),
            Areas::Pooled(run) => AreaList::Pooled(self.pools.areas.get(run)),
        }
    }

    /// The service's areas when they are kept in the pool rather than in place.
    pub fn pooled_areas(self) -> Option<&'a [Area]> {
        match self.item.areas {
            Areas::One(_) => None,
            Areas::Pooled(run) => Some(self.pools.areas.get(run)),
        }
    }

    /// Whether one of the service's areas, other than the whole world, lies in `country`.
    pub fn meant_for(self, country: CountryCode) -> bool {
        self.areas().iter().any(|a| match a {
            Area::World => false,
            Area::Country(c) => *c == country,
            Area::Subdivision(code) => &code[..2] == country.as_str().as_bytes(),
            Area::Radius { home, .. } => *home == Some(country),
        })
    }
}

impl Facts {
    /// The service's kind, as a bit.
    pub fn kind(&self) -> u32 {
        u32::from(self.kind)
    }

    /// The facts of `s`, whose locations are at `points`, with their lists kept in `pools`.
    pub fn of(s: &Service, points: &[Point], languages: &mut Languages, pools: &mut Pools) -> Facts {
        let mut name = [0u8; 8];
        for (n, b) in name.iter_mut().zip(s.name.bytes()) {
            *n = b;
        }
        let codes: Vec<u16> = s.languages.iter().map(|l| languages.intern(l)).collect();
        Facts {
            kind: u8::try_from(bit(s.kind)).unwrap_or(0),
            topics: mask(s.topics.iter().copied()),
            channels: mask(s.channels.iter().map(|c| c.kind)),
            cost: u16::try_from(mask(s.cost)).unwrap_or(0),
            audiences: mask(s.audiences.iter().copied()),
            delivered_by: mask(s.delivered_by.iter().copied()),
            residents_only: s.eligibility.residents_only,
            min_age: s.eligibility.min_age.unwrap_or(0),
            max_age: s.eligibility.max_age.unwrap_or(u8::MAX),
            always_open: s.is_always_open(),
            crisis_line: s.kind == Kind::Helplines && s.has_form(Form::CrisisLine) && s.audiences.is_empty(),
            verified_on: s.verified_on,
            name_key: u64::from_be_bytes(name),
            languages: pools.languages.add(&codes),
            points: pools.points.add(points),
            areas: Areas::keep(&pack(s), pools),
        }
    }

    /// Puts the lists of facts read without them (a saved index's) into `pools`.
    pub fn with_lists(mut self, languages: &[u16], points: &[Point], areas: &[Area], pools: &mut Pools) -> Facts {
        self.languages = pools.languages.add(languages);
        self.points = pools.points.add(points);
        self.areas = Areas::keep(areas, pools);
        self
    }
}

/// The filters of a query that have facets, as bit positions in [`Filters::fails`].
#[derive(Debug, Clone, Copy)]
enum Filter {
    Kind,
    Topic,
    Channel,
    Cost,
    Language,
    Audience,
    DeliveredBy,
    OpenNow,
    AlwaysOpen,
}

/// A query's filters as bit masks (0: no filter).
pub struct Filters {
    kind: u32,
    topics: u32,
    channels: u32,
    costs: u32,
    languages: Option<Vec<u16>>,
    audiences: u32,
    delivered_by: u32,
    open_now: bool,
    always_open: bool,
    age: Option<u8>,
    resident_of: Option<CountryCode>,
}

impl Filters {
    pub fn of(q: &SearchQuery, languages: &Languages) -> Filters {
        Filters {
            kind: mask(q.kind),
            topics: mask(q.topics.iter().copied()),
            channels: mask(q.channels.iter().copied()),
            costs: mask(q.costs.iter().copied()),
            // A language nobody offers matches nothing, rather than being ignored.
            languages: (!q.languages.is_empty())
                .then(|| q.languages.iter().map(|l| languages.id(l).unwrap_or(u16::MAX)).collect()),
            audiences: mask(q.audiences.iter().copied()),
            delivered_by: mask(q.delivered_by.iter().copied()),
            open_now: q.open_now,
            always_open: q.always_open,
            age: q.age,
            resident_of: q.resident_of,
        }
    }

    /// Whether the query filters by nothing but (perhaps) the kind: then every service of a passing
    /// kind passes, and facet counts can be read off tallies.
    pub fn kind_only(&self) -> bool {
        self.topics == 0
            && self.channels == 0
            && self.costs == 0
            && self.languages.is_none()
            && self.audiences == 0
            && self.delivered_by == 0
            && !self.open_now
            && !self.always_open
            && self.age.is_none()
            && self.resident_of.is_none()
    }

    /// Whether services of kind `kind` (a bit) pass the kind filter.
    pub fn kind_passes(&self, kind: u32) -> bool {
        self.kind == 0 || self.kind & kind != 0
    }

    /// Whether the person's age and residence, which have no facets, let them use the service.
    pub fn eligible(&self, f: FactsRef) -> bool {
        let resident = |home: CountryCode| !f.residents_only || f.areas().contains(&Area::World) || f.meant_for(home);
        self.age.is_none_or(|age| f.min_age <= age && age <= f.max_age) && self.resident_of.is_none_or(resident)
    }

    /// The set of failing filters, one bit per [`Filter`]; `open` is asked only when it matters.
    pub fn fails(&self, f: FactsRef, open: impl FnOnce() -> bool) -> u32 {
        let miss = |wanted: u32, has: u32| wanted != 0 && wanted & has == 0;
        let mut fails = 0;
        let mut set = |filter: Filter, failed: bool| fails |= u32::from(failed) << filter as u32;
        set(Filter::Kind, miss(self.kind, f.kind()));
        set(Filter::Topic, miss(self.topics, f.topics));
        set(Filter::Channel, miss(self.channels, f.channels));
        set(Filter::Cost, miss(self.costs, u32::from(f.cost)));
        set(
            Filter::Language,
            self.languages.as_ref().is_some_and(|wanted| !f.languages().iter().any(|l| wanted.contains(l))),
        );
        set(Filter::Audience, f.audiences != 0 && miss(self.audiences, f.audiences));
        set(Filter::DeliveredBy, miss(self.delivered_by, f.delivered_by));
        set(Filter::AlwaysOpen, self.always_open && !f.always_open);
        if self.open_now {
            set(Filter::OpenNow, !open());
        }
        fails
    }
}

/// Facet counts being gathered, indexed by vocabulary position.
#[derive(Default)]
pub struct Counter {
    kinds: [usize; 32],
    topics: [usize; 32],
    channels: [usize; 32],
    costs: [usize; 32],
    languages: Vec<usize>,
    audiences: [usize; 32],
    delivered_by: [usize; 32],
    open_now: usize,
    always_open: usize,
}

/// The positions of the bits set in `bits`.
fn set_bits(mut bits: u32) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        let position = (bits != 0).then(|| bits.trailing_zeros() as usize)?;
        bits &= bits - 1;
        Some(position)
    })
}

fn count_bits(counts: &mut [usize; 32], bits: u32) {
    set_bits(bits).for_each(|i| counts[i] += 1);
}

/// The facet counts of a fixed set of services (all of one kind), added up as services are filed and
/// taken out: what [`Counter::add_tally`] reads instead of visiting each service.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tally {
    count: u32,
    topics: [u32; 32],
    channels: [u32; 32],
    costs: [u32; 32],
    audiences: [u32; 32],
    delivered_by: [u32; 32],
    /// By language id.
    languages: Vec<u32>,
    always_open: u32,
}

impl Tally {
    pub fn add(&mut self, f: FactsRef) {
        self.change(f, |n| *n += 1);
    }

    pub fn remove(&mut self, f: FactsRef) {
        self.change(f, |n| *n = n.saturating_sub(1));
    }

    fn change(&mut self, f: FactsRef, by: impl Fn(&mut u32)) {
        let bits = |counts: &mut [u32; 32], bits: u32| set_bits(bits).for_each(|i| by(&mut counts[i]));
        by(&mut self.count);
        bits(&mut self.topics, f.topics);
        bits(&mut self.channels, f.channels);
        bits(&mut self.costs, u32::from(f.cost));
        bits(&mut self.audiences, f.audiences);
        bits(&mut self.delivered_by, f.delivered_by);
        for &l in f.languages() {
            let l = usize::from(l);
            if self.languages.len() <= l {
                self.languages.resize(l + 1, 0);
            }
            by(&mut self.languages[l]);
        }
        if f.always_open {
            by(&mut self.always_open);
        }
    }
}

impl Counter {
    pub fn new(languages: usize) -> Counter {
        Counter { languages: vec![0; languages], ..Counter::default() }
    }

    /// Counts a candidate that fails `fails`: into every facet when it passes all filters, into one
    /// facet when it fails only that facet's filter, nowhere otherwise.
    pub fn add(&mut self, f: FactsRef, fails: u32, open: impl FnOnce() -> bool) {
        let only = |filter: Filter| fails == 0 || fails == 1 << filter as u32;
        if fails.count_ones() > 1 {
            return;
        }
        if only(Filter::Kind) {
            count_bits(&mut self.kinds, f.kind());
        }
        if only(Filter::Topic) {
            count_bits(&mut self.topics, f.topics);
        }
        if only(Filter::Channel) {
            count_bits(&mut self.channels, f.channels);
        }
        if only(Filter::Cost) {
            count_bits(&mut self.costs, u32::from(f.cost));
        }
        if only(Filter::Language) {
            for &l in f.languages() {
                if let Some(n) = self.languages.get_mut(usize::from(l)) {
                    *n += 1;
                }
            }
        }
        if only(Filter::Audience) {
            count_bits(&mut self.audiences, f.audiences);
        }
        if only(Filter::DeliveredBy) {
            count_bits(&mut self.delivered_by, f.delivered_by);
        }
        if only(Filter::AlwaysOpen) && f.always_open {
            self.always_open += 1;
        }
        if only(Filter::OpenNow) && open() {
            self.open_now += 1;
        }
    }

    /// Counts the services `tally` adds up, all of kind `kind` (a bit) and each passing every filter
    /// but the kind: into the kind facet, and into every other facet too when `kind_passes`. "Open now"
    /// is not in a tally (it changes by the minute): see [`Counter::add_open`].
    pub fn add_tally(&mut self, kind: u32, tally: &Tally, kind_passes: bool) {
        set_bits(kind).for_each(|i| self.kinds[i] += tally.count as usize);
        if !kind_passes {
            return;
        }
        let add = |counts: &mut [usize; 32], from: &[u32; 32]| {
            for (c, n) in counts.iter_mut().zip(from) {
                *c += *n as usize;
            }
        };
        add(&mut self.topics, &tally.topics);
        add(&mut self.channels, &tally.channels);
        add(&mut self.costs, &tally.costs);
        add(&mut self.audiences, &tally.audiences);
        add(&mut self.delivered_by, &tally.delivered_by);
        for (l, n) in tally.languages.iter().enumerate() {
            if let Some(c) = self.languages.get_mut(l) {
                *c += *n as usize;
            }
        }
        self.always_open += tally.always_open as usize;
    }

    /// Counts services that pass every filter and are open now into the "open now" facet.
    pub fn add_open(&mut self, n: usize) {
        self.open_now += n;
    }

    pub fn facets(self, languages: &Languages) -> Facets {
        fn listed<T: Copy>(all: &[T], counts: &[usize; 32]) -> Vec<(T, usize)> {
            all.iter().enumerate().filter(|(i, _)| counts[*i] > 0).map(|(i, v)| (*v, counts[i])).collect()
        }
        let mut langs: Vec<(String, usize)> = self
            .languages
            .iter()
            .enumerate()
            .filter(|(_, n)| **n > 0)
            .map(|(i, n)| (languages.code(i as u16).to_string(), *n))
            .collect();
        langs.sort();
        Facets {
            kinds: listed(Kind::ALL, &self.kinds),
            topics: listed(Topic::ALL, &self.topics),
            channels: listed(ChannelType::ALL, &self.channels),
            costs: listed(Cost::ALL, &self.costs),
            languages: langs,
            audiences: listed(Audience::ALL, &self.audiences),
            delivered_by: listed(DeliveredBy::ALL, &self.delivered_by),
            open_now: self.open_now,
            always_open: self.always_open,
        }
    }
}

/// When a service can be reached: what "open now" reads, kept unpacked. Services share equal
/// schedules (most keep office hours or are always open), so each distinct one is kept once.
#[derive(Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Schedule {
    zone: Tz,
    /// A channel is always usable: an app or web program without set hours.
    self_service: bool,
    hours: Box<[Hours]>,
}

impl Schedule {
    pub fn of(s: &Service) -> Schedule {
        Schedule {
            zone: s.timezone,
            self_service: s.channels.iter().any(|c| c.hours.is_none() && c.is_self_service()),
            hours: s.channels.iter().filter_map(|c| c.hours.clone()).collect(),
        }
    }

    /// The same as [`Service::is_open_now`].
    pub fn is_open(&self, at: DateTime<Utc>) -> bool {
        self.self_service || self.hours.iter().any(|h| h.is_open_at(self.zone, at))
    }
}

/// Equal schedules, kept once.
#[derive(Clone, Default)]
pub struct Schedules(HashSet<Arc<Schedule>>);

impl Schedules {
    pub fn intern(&mut self, schedule: Schedule) -> Arc<Schedule> {
        if let Some(kept) = self.0.get(&schedule) {
            return Arc::clone(kept);
        }
        let kept = Arc::new(schedule);
        self.0.insert(Arc::clone(&kept));
        kept
    }
}

/// Whether each service is open, remembered for the current minute: hours are kept to the minute, so
/// the answer cannot change within one, and a busy server evaluates each service's hours at most once
/// a minute instead of once per query. Each slot holds the minute it was computed for, so a stale or
/// racing write is never mistaken for a fresh one.
pub struct OpenCache {
    slots: Vec<AtomicU32>,
}

const OPEN_BIT: u32 = 1;

impl OpenCache {
    pub fn new(len: usize) -> OpenCache {
        OpenCache { slots: (0..len).map(|_| AtomicU32::new(u32::MAX)).collect() }
    }

    /// Asks for the minute's answer of the service at `position` to be loaded (see `search::prefetch`):
    /// the slots of a query's candidates are as scattered as their facts.
    pub fn prefetch(&self, position: u32) {
        if let Some(slot) = self.slots.get(position as usize) {
            super::prefetch(slot);
        }
    }

    /// Whether the service at `position`, whose schedule is `service`, is open at `now`. The schedule
    /// is taken by reference to its `Arc` and read only when the minute's answer is not kept: reading
    /// it means reading the service's summary, one more cache miss for each of thousands of candidates.
    pub fn is_open(&self, position: u32, service: &Arc<Schedule>, now: DateTime<Utc>) -> bool {
        // Minute numbers wrap after ~4000 years; bit 0 holds the answer.
        let stamp = ((now.timestamp().div_euclid(60) as u32) & (u32::MAX >> 2)) << 1;
        let Some(slot) = self.slots.get(position as usize) else { return service.is_open(now) };
        let cached = slot.load(Ordering::Relaxed);
        if cached & !OPEN_BIT == stamp {
            return cached & OPEN_BIT != 0;
        }
        let open = service.is_open(now);
        slot.store(stamp | u32::from(open), Ordering::Relaxed);
        open
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A service's areas read back as they were packed, whether kept in place or in the pool, built
    /// afresh or with the lists of a saved index; most services keep theirs in place.
    #[test]
    fn areas_come_back_as_packed_in_place_or_pooled() {
        let directory = crate::generate::directory(5_000, 4);
        let (mut languages, mut pools) = (Languages::default(), Pools::default());
        let mut in_place = 0;
        for s in &directory.services {
            let packed = pack(s);
            let built = Facts::of(s, &[], &mut languages, &mut pools);
            let read = built.clone().with_lists(&[], &[], &packed, &mut pools);
            for f in [&built, &read] {
                assert_eq!(&*FactsRef::new(f, &pools).areas(), &packed[..], "{}", s.name);
            }
            in_place += usize::from(matches!(built.areas, Areas::One(_)));
        }
        let all = directory.services.len();
        assert!(in_place * 2 > all && in_place < all, "{in_place} of {all} in place");
    }

    #[test]
    fn a_schedule_is_open_exactly_when_its_service_is() {
        let directory = crate::generate::directory(2_000, 3);
        let mut schedules = Schedules::default();
        let start = DateTime::from_timestamp(1_790_000_000, 0).unwrap_or_default();
        // Every 97 minutes for a week and a half: all weekdays, day and night, and a DST change in some zones.
        let moments: Vec<DateTime<Utc>> = (0..160).map(|i| start + chrono::Duration::minutes(97 * i)).collect();
        let mut open = 0;
        for s in &directory.services {
            let schedule = schedules.intern(Schedule::of(s));
            for &at in &moments {
                assert_eq!(schedule.is_open(at), s.is_open_now(at), "{} at {at}", s.name);
                open += usize::from(s.is_open_now(at));
            }
        }
        assert!(open > 0 && open < directory.services.len() * moments.len());
        let (a, b) = (&directory.services[0], &directory.services[1]);
        let again = schedules.intern(Schedule::of(a));
        assert!(Arc::ptr_eq(&again, &schedules.intern(Schedule::of(a))), "an equal schedule is kept once");
        let mut twin = b.clone();
        twin.timezone = a.timezone;
        twin.channels = a.channels.clone();
        assert!(
            Arc::ptr_eq(&again, &schedules.intern(Schedule::of(&twin))),
            "another service's equal schedule is shared"
        );
    }
}
