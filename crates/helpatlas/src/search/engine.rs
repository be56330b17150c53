//! Answering a [`SearchQuery`]: candidates from the place's coverage keys (through the text index when
//! there is text), the exact coverage test, filters and facets in one pass, then ranking of only the
//! page asked for.
//!
//! Ranking: services that cover the whole place before those known only to be somewhere in its
//! country (for a place known only by its country: a local service may not be usable there at all),
//! then text relevance (in tiers, so that near-equal scores leave room for the next signals),
//! then services meant for the place before worldwide ones, then distance to the nearest location, open now, verified in the last year, name and id (stable).

use super::cache::{self, Cached};
use super::coverage::Reach;
use super::facts::{Counter, Filters};
use super::plain::{Entry, Groups};
use super::query::{SearchHit, SearchQuery, SearchResults, MAX_RADIUS_KM};
use super::text::Parsed;
use super::{coverage, synonyms, Index};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use std::cmp::Ordering;

/// How many relevance tiers text scores are cut into.
const RELEVANCE_TIERS: f32 = 8.0;
/// A service checked within this many days counts as recently verified.
const RECENT_DAYS: i64 = 365;

/// A result, with what ranking compares.
#[derive(Clone, Copy)]
struct Ranked {
    position: u32,
    tier: u8,
    partial: bool,
    worldwide: bool,
    distance_km: Option<f64>,
    open: bool,
    recent: bool,
    name_key: u64,
}

impl Index {
    pub fn search(&self, q: &SearchQuery) -> SearchResults {
        let answer = self.remembered(&self.cache, || cache::key(q), || self.answer(q));
        let hits = answer
            .hits
            .iter()
            .filter_map(|&(p, distance_km, partial)| {
                Some(SearchHit { service: self.shown_at(p)?, distance_km, partial })
            })
            .collect();
        SearchResults { total: answer.total, hits, facets: answer.facets.clone(), crisis: answer.crisis }
    }

    fn answer(&self, q: &SearchQuery) -> Cached {
        let parsed = q.text.as_deref().map(Parsed::new).filter(|p| !p.is_empty());
        let crisis = parsed.as_ref().is_some_and(|p| synonyms::is_crisis(&p.topics()));
        let radius_km = if q.radius_km.is_finite() { q.radius_km.clamp(0.0, MAX_RADIUS_KM) } else { MAX_RADIUS_KM };
        let keys = coverage::keys_for(&q.place, radius_km);
        let here = coverage::Here::new(&q.place, radius_km);
        let filters = Filters::of(q, &self.tables.languages);
        let mut counter = Counter::new(self.tables.languages.len());
        let recent_since = q.now.date_naive() - chrono::Duration::days(RECENT_DAYS);
        let start = q.page.saturating_sub(1).saturating_mul(q.per_page);
        let end = start.saturating_add(q.per_page);
        // Without text, the plain services are counted and ranked from their own lists, and the
        // coverage lists hold only the others; with text, the text index finds them all.
        let mut plain = (0, Vec::new());
        let scored: Vec<(u32, f32)> = match &parsed {
            Some(p) => {
                self.text_area(&keys).and_then(|area| self.text.search(&self.searcher, p, &area)).unwrap_or_else(|e| {
                    tracing::warn!(error = %e, "text search failed; answering without text matches");
                    Vec::new()
                })
            }
            None => {
                let asked = self.plain_lists(&keys, &here);
                plain = self.plain_answer(&asked.plain, &filters, (q.now, recent_since), &mut counter, end);
                self.tables.lists.union(&keys, &asked.tested, self.slots()).into_iter().map(|p| (p, 0.0)).collect()
            }
        };
        let max_score = scored.iter().map(|(_, s)| *s).fold(f32::MIN_POSITIVE, f32::max);
        // A crisis query shows the place's crisis lines first, then the rest ranked: only the first `end`
        // of the lines can be on the page, and the ranked results leave every one of them out.
        let (firsts, crisis_lines) = if crisis { self.crisis_firsts(&q.place, end) } else { Default::default() };
        let is_crisis_line = |p: u32| crisis_lines.binary_search(&p).is_ok();
        let (mut passed, mut firsts_passed) = (0, 0);
        let mut best = Best::new(self, end);
        for (i, &(position, score)) in scored.iter().enumerate() {
            self.prefetch_ahead(i, |j| scored.get(j).map(|&(p, _)| p));
            let (s, f) = (&self.tables.summaries[position as usize], self.tables.facts_at(position));
            let reach = coverage::covers(&f.areas(), f.points(), &here);
            if !reach.offered() || !filters.eligible(f) {
                continue;
            }
            let open = || self.open.is_open(position, &s.schedule, q.now);
            let fails = filters.fails(f, open);
            counter.add(f, fails, open);
            if fails == 0 {
                passed += 1;
                if is_crisis_line(position) {
                    firsts_passed += 1;
                    continue;
                }
                best.offer(Ranked {
                    position,
                    tier: ((score / max_score) * RELEVANCE_TIERS).floor() as u8,
                    partial: reach.partial(),
                    worldwide: reach.worldwide,
                    distance_km: here.nearest_km(f.points()),
                    open: open(),
                    recent: f.verified_on >= recent_since,
                    name_key: f.name_key,
                });
            }
        }
        let facets = counter.facets(&self.tables.languages);
        let (plain_total, plain_best) = plain;
        let total = passed + plain_total + crisis_lines.len().saturating_sub(firsts_passed);
        plain_best.into_iter().filter(|r| !is_crisis_line(r.position)).for_each(|r| best.offer(r));
        let ranked_hits = best.finish().into_iter().map(|r| (r.position, r.distance_km, r.partial));
        let hits = firsts.iter().map(|&p| (p, None, false)).chain(ranked_hits).skip(start).take(q.per_page).collect();
        Cached { total, hits, facets, crisis }
    }

    /// Counts the services of the plain lists `asked` that pass the query's filters into `counter`, as at
    /// `now` and with "verified lately" meaning since `recent_since`;
    /// returns how many pass and, of each list, those that may be among the first `n` results. A list is
    /// in name order and reaches the place in one way, so within it only "open now" and "verified lately"
    /// reorder: the first `n` of each of those four classes are all that can make the first `n`.
    fn plain_answer(
        &self,
        asked: &[(&Groups, Reach)],
        filters: &Filters,
        (now, recent_since): (DateTime<Utc>, NaiveDate),
        counter: &mut Counter,
        n: usize,
    ) -> (usize, Vec<Ranked>) {
        let recent_since = recent_since.num_days_from_ce();
        let is_open = |p: u32| self.open.is_open(p, &self.tables.summaries[p as usize].schedule, now);
        let (mut total, mut best) = (0, Vec::new());
        for (groups, reach) in asked {
            for (k, group) in groups.iter().enumerate().filter(|(_, g)| !g.entries.is_empty()) {
                let kind = 1u32 << k;
                // Class 0: open and recently verified, 1: open, 2: recently verified, 3: neither.
                let mut classes: [Vec<u32>; 4] = Default::default();
                let mut offer = |e: &Entry, open: bool| {
                    let class = &mut classes[2 * usize::from(!open) + usize::from(e.verified < recent_since)];
                    if class.len() < n {
                        class.push(e.position);
                    }
                };
                if filters.kind_only() {
                    let passes = filters.kind_passes(kind);
                    if let Some(tally) = &group.tally {
                        counter.add_tally(kind, tally, passes);
                    }
                    if !passes {
                        continue;
                    }
                    total += group.entries.len();
                    let mut open_now = 0;
                    for e in &group.entries {
                        let open = is_open(e.position);
                        open_now += usize::from(open);
                        offer(e, open);
                    }
                    counter.add_open(open_now);
                } else {
                    for (i, e) in group.entries.iter().enumerate() {
                        self.prefetch_ahead(i, |j| group.entries.get(j).map(|e| e.position));
                        let f = self.tables.facts_at(e.position);
                        if !filters.eligible(f) {
                            continue;
                        }
                        let open = || is_open(e.position);
                        let fails = filters.fails(f, open);
                        counter.add(f, fails, open);
                        if fails == 0 {
                            total += 1;
                            offer(e, open());
                        }
                    }
                }
                for (class, positions) in classes.into_iter().enumerate() {
                    best.extend(positions.into_iter().map(|position| Ranked {
                        position,
                        tier: 0,
                        partial: reach.partial(),
                        worldwide: reach.worldwide,
                        distance_km: None,
                        open: class < 2,
                        recent: class % 2 == 0,
                        name_key: self.tables.facts[position as usize].name_key,
                    }));
                }
            }
        }
        (total, best)
    }

    fn compare(&self, a: &Ranked, b: &Ranked) -> Ordering {
        let far = |r: &Ranked| r.distance_km.unwrap_or(f64::MAX);
        a.partial
            .cmp(&b.partial)
            .then(b.tier.cmp(&a.tier))
            .then(a.worldwide.cmp(&b.worldwide))
            .then(far(a).total_cmp(&far(b)))
            .then(b.open.cmp(&a.open))
            .then(b.recent.cmp(&a.recent))
            .then(a.name_key.cmp(&b.name_key))
            .then_with(|| self.tables.summary_at(a.position).by_name(self.tables.summary_at(b.position)))
    }
}

/// The best `n` of the results offered, in order, without keeping or sorting the rest: once it holds
/// [`Best::HELD`] times `n` (at least 64), it keeps the best `n`, and from then on turns away with one
/// comparison whatever ranks below the last of them (most of a big place's results, after the first
/// few hundred).
struct Best<'a> {
    index: &'a Index,
    n: usize,
    kept: Vec<Ranked>,
    /// The last of the best `n` at the latest cut.
    bar: Option<Ranked>,
}

impl<'a> Best<'a> {
    const HELD: usize = 8;

    fn new(index: &'a Index, n: usize) -> Best<'a> {
        Best { index, n, kept: Vec::new(), bar: None }
    }

    fn offer(&mut self, r: Ranked) {
        if self.n == 0 || self.bar.is_some_and(|bar| self.index.compare(&r, &bar) == Ordering::Greater) {
            return;
        }
        self.kept.push(r);
        if self.kept.len() >= self.n.saturating_mul(Self::HELD).max(64) {
            self.cut();
        }
    }

    /// Keeps only the best `n`, unordered.
    fn cut(&mut self) {
        if self.kept.len() > self.n {
            let index = self.index;
            self.kept.select_nth_unstable_by(self.n - 1, |a, b| index.compare(a, b));
            self.kept.truncate(self.n);
            self.bar = self.kept.last().copied();
        }
    }

    fn finish(mut self) -> Vec<Ranked> {
        self.cut();
        let index = self.index;
        self.kept.sort_by(|a, b| index.compare(a, b));
        self.kept
    }
}

#[cfg(test)]
mod tests {
    use super::super::Index;
    use crate::geo::atlas;
    use crate::model::{Directory, Kind, Place, RetiredStatus, Retirement, ServiceArea, Topic};
    use crate::search::SearchQuery;
    use chrono::{DateTime, Utc};

    /// Places of several sizes: whole countries, their regions, and cities with their regions and points.
    fn places() -> Vec<Place> {
        let mut places = Vec::new();
        for code in ["US", "IN", "NO", "GB", "DE", "BR", "JP", "NG"] {
            let country = atlas().parse_country(code).expect("known country").code;
            places.push(Place { country, subdivisions: Vec::new(), point: None });
            let cities = atlas().cities().iter().filter(|c| c.country == country);
            for c in cities.filter(|c| c.population > 500_000).take(3) {
                let subdivisions = c.subdivision.as_deref().map(|s| atlas().subdivision_chain(s)).unwrap_or_default();
                places.push(Place { country, subdivisions: subdivisions.clone(), point: None });
                places.push(Place { country, subdivisions, point: Some(c.point) });
            }
        }
        places
    }

    fn queries(place: &Place, now: DateTime<Utc>) -> Vec<SearchQuery> {
        let mut out = Vec::new();
        for kind in std::iter::once(None).chain(Kind::ALL.iter().copied().map(Some)) {
            let q = |f: &dyn Fn(&mut SearchQuery)| {
                let mut q = SearchQuery::new(place.clone(), now);
                q.kind = kind;
                f(&mut q);
                q
            };
            out.push(q(&|_| {}));
            out.push(q(&|q| q.page = 2));
            out.push(q(&|q| q.per_page = 3));
            out.push(q(&|q| q.open_now = true));
            out.push(q(&|q| q.topics = vec![Topic::ALL[0], Topic::ALL[3]]));
            out.push(q(&|q| q.languages = vec!["en".into()]));
            out.push(q(&|q| q.age = Some(30)));
            out.push(q(&|q| q.resident_of = Some(place.country)));
        }
        out
    }

    /// Every query of [`queries`] at every place, a country page's lists and the banner's crisis lines
    /// answered alike by both indexes; returns how many queries found anything.
    fn assert_same_answers(fast: &Index, slow: &Index) -> usize {
        let ids = |r: &crate::search::SearchResults| {
            r.hits.iter().map(|h| (h.service.id, h.distance_km, h.partial)).collect::<Vec<_>>()
        };
        let first = |x: &super::super::Available| x.first.iter().map(|h| h.service.id).collect::<Vec<_>>();
        let lines = |v: Vec<std::sync::Arc<crate::model::Service>>| v.into_iter().map(|s| s.id).collect::<Vec<_>>();
        let mut found = 0;
        for at in ["2026-01-14T12:00:00Z", "2026-07-05T02:30:00Z"] {
            let now = DateTime::parse_from_rfc3339(at).expect("valid time").with_timezone(&Utc);
            for place in places() {
                for q in queries(&place, now) {
                    let (a, b) = (fast.search(&q), slow.search(&q));
                    assert_eq!((a.total, ids(&a)), (b.total, ids(&b)), "{q:?}");
                    assert_eq!(a.facets, b.facets, "{q:?}");
                    found += usize::from(a.total > 0);
                }
                for &kind in Kind::ALL {
                    let (a, b) = (fast.available(&place, kind, 5), slow.available(&place, kind, 5));
                    assert_eq!((a.total, first(&a)), (b.total, first(&b)), "{place:?} {kind:?}");
                }
                assert_eq!(lines(fast.crisis_lines(&place, 5)), lines(slow.crisis_lines(&place, 5)));
            }
        }
        found
    }

    /// Some services renamed, moved to another kind or area, or retired.
    fn changes(directory: &Directory) -> Directory {
        let retirement = Retirement { status: RetiredStatus::Defunct, reason: "closed".into() };
        let services = directory.services.iter().step_by(37).enumerate().map(|(i, s)| {
            let mut s = s.clone();
            match i % 5 {
                0 => s.name = format!("Aa {}", s.name),
                1 => s.kind = Kind::ALL[(usize::from(s.kind) + 1) % Kind::ALL.len()],
                2 => {
                    s.areas = s
                        .areas
                        .first()
                        .and_then(crate::geo::area_country)
                        .map(ServiceArea::Country)
                        .into_iter()
                        .collect()
                }
                3 => s.areas = vec![ServiceArea::World],
                _ => s.retired = Some(retirement.clone()),
            }
            s
        });
        Directory { services: services.collect(), ..Directory::default() }
    }

    /// The plain lists are a faster way to the same answers: an index that keeps every service in the
    /// coverage lists (as before they existed) answers every query, country page and banner alike, as
    /// built and after an update.
    #[test]
    fn plain_lists_change_no_answer() {
        let directory = crate::generate::directory(20_000, 7);
        let fast = Index::build(directory.clone(), 1);
        let mut slow = Index::build(directory.clone(), 1);
        slow.tables.plain_into_lists();
        assert!(slow.tables.plain.is_empty() && !fast.tables.plain.is_empty());
        assert!(assert_same_answers(&fast, &slow) > 500, "too few queries found anything");
        let changes = changes(&directory);
        let fast = fast.apply(&changes, 2).expect("update applies");
        let mut slow = fast.apply(&Directory::default(), 2).expect("empty update applies");
        slow.tables.plain_into_lists();
        assert!(assert_same_answers(&fast, &slow) > 500, "too few queries found anything");
    }

    /// The banner's crisis lines worked out afresh (only the first few put in order) are the first of
    /// the whole ranking that remembered answers keep.
    #[test]
    fn crisis_lines_afresh_are_the_first_of_the_remembered_ranking() {
        let mut fresh = Index::build(crate::generate::directory(20_000, 9), 1);
        fresh.set_caching(false);
        let mut remembered = fresh.apply(&Directory::default(), 1).expect("empty update applies");
        remembered.set_caching(true);
        let ids = |v: Vec<std::sync::Arc<crate::model::Service>>| v.into_iter().map(|s| s.id).collect::<Vec<_>>();
        let mut shown = 0;
        for place in places() {
            let all = ids(remembered.crisis_lines(&place, usize::MAX));
            for n in [0, 1, 3, 12, usize::MAX] {
                let first: Vec<_> = all.iter().take(n).copied().collect();
                assert_eq!(ids(fresh.crisis_lines(&place, n)), first, "{n} at {place:?}");
            }
            shown += all.len();
        }
        assert!(shown > 100, "too few crisis lines: {shown}");
    }

    /// Generated data, its index computing every answer (as `serve --no-cache`), and a query for the
    /// whole of the country `code`.
    fn computing(code: &str) -> (Directory, Index, SearchQuery) {
        let directory = crate::generate::directory(3_000, 5);
        let mut index = Index::build(directory.clone(), 1);
        index.set_caching(false);
        let now = DateTime::parse_from_rfc3339("2026-01-14T12:00:00Z").expect("valid time").with_timezone(&Utc);
        let country = atlas().parse_country(code).expect("a country").code;
        (directory, index, SearchQuery::new(Place { country, subdivisions: Vec::new(), point: None }, now))
    }

    /// A crisis query shows the place's crisis lines first, in the banner's order, then the other results
    /// without them; alike whether the place's whole crisis ranking is kept or only a page's worth of
    /// its first lines is put in order.
    #[test]
    fn crisis_queries_show_the_crisis_lines_first_then_the_rest_without_them() {
        let directory = crate::generate::directory(3_000, 5);
        let kept = Index::build(directory.clone(), 1);
        let mut afresh = Index::build(directory, 1);
        afresh.set_caching(false);
        let now = DateTime::parse_from_rfc3339("2026-01-14T12:00:00Z").expect("valid time").with_timezone(&Utc);
        let ids = |r: &crate::search::SearchResults| r.hits.iter().map(|h| h.service.id).collect::<Vec<_>>();
        let (mut crisis_pages, mut lines_shown) = (0, 0);
        for place in places() {
            let lines: Vec<_> = kept.crisis_lines(&place, usize::MAX).iter().map(|s| s.id).collect();
            for (page, per_page) in [(1, 20), (2, 20), (1, 3), (4, 3), (40, 3), (1, 5_000)] {
                let mut q = SearchQuery::new(place.clone(), now);
                (q.text, q.page, q.per_page) = (Some("suicidal".into()), page, per_page);
                let (a, b) = (kept.search(&q), afresh.search(&q));
                assert_eq!((a.total, ids(&a)), (b.total, ids(&b)), "{q:?}");
                assert!(a.crisis, "{q:?}");
                crisis_pages += 1;
                if per_page == 5_000 {
                    let shown = ids(&a);
                    assert!(shown.starts_with(&lines) && a.total == shown.len(), "{place:?}");
                    assert!(!shown[lines.len()..].iter().any(|id| lines.contains(id)), "{place:?}");
                    lines_shown += lines.len();
                }
            }
        }
        assert!(crisis_pages > 100 && lines_shown > 50, "{crisis_pages} pages, {lines_shown} lines");
    }

    /// The best `n` kept while results are offered are the first `n` of them all sorted, for any `n`,
    /// with ties on every signal before the name, offered in an order that has nothing to do with the
    /// ranking.
    #[test]
    fn the_best_kept_are_the_first_of_all_results_sorted() {
        use super::{Best, Ranked};
        let (_, index, _) = computing("NO");
        let ranked = |p: u32| Ranked {
            position: p,
            tier: (p % 3) as u8,
            partial: p % 7 == 0,
            worldwide: p % 5 == 0,
            distance_km: (p % 4 != 0).then(|| f64::from(p % 11)),
            open: p % 2 == 0,
            recent: p % 3 == 0,
            name_key: index.tables.facts[p as usize].name_key,
        };
        let all: Vec<Ranked> = (0..index.slots() as u32).rev().map(ranked).collect();
        let mut sorted = all.clone();
        sorted.sort_by(|a, b| index.compare(a, b));
        for n in [0, 1, 7, 20, 63, 64, 65, 500, all.len(), all.len() + 1] {
            let mut best = Best::new(&index, n);
            all.iter().for_each(|r| best.offer(*r));
            let kept: Vec<u32> = best.finish().iter().map(|r| r.position).collect();
            let first: Vec<u32> = sorted.iter().take(n).map(|r| r.position).collect();
            assert_eq!(kept, first, "the best {n} of {}", all.len());
        }
    }

    /// A record pages show is decoded once per version of the index, also without remembered answers;
    /// an update's version shows the changed record and the earlier version keeps what it showed.
    #[test]
    fn records_shown_are_decoded_once_and_an_update_shows_the_change() {
        let (_, index, q) = computing("NO");
        let (first, again) = (index.search(&q), index.search(&q));
        assert!(!first.hits.is_empty(), "something is found in Norway");
        for (a, b) in first.hits.iter().zip(&again.hits) {
            assert!(std::sync::Arc::ptr_eq(&a.service, &b.service), "{} decoded again", a.service.name);
        }
        let mut renamed = (*first.hits[0].service).clone();
        renamed.name = format!("{} renamed", renamed.name);
        let changes = Directory { services: vec![renamed.clone()], ..Directory::default() };
        let mut updated = index.apply(&changes, 2).expect("update applies");
        updated.set_caching(false);
        let shown = |i: &Index| {
            i.search(&q).hits.into_iter().find(|h| h.service.id == renamed.id).map(|h| h.service.name.clone())
        };
        assert_eq!(shown(&updated), Some(renamed.name.clone()));
        assert_eq!(
            shown(&index),
            Some(first.hits[0].service.name.clone()),
            "the earlier version shows the record as it was"
        );
    }

    /// A place's text documents are read once per version of the index, also without remembered
    /// answers, and give the same answers as read afresh; an update's version reads its own.
    #[test]
    fn a_places_text_documents_are_read_once_per_version() {
        let (directory, index, mut q) = computing("US");
        let keys = super::super::coverage::keys_for(&q.place, 50.0);
        let area = index.text_area(&keys).expect("the country's documents");
        assert!(std::sync::Arc::ptr_eq(&area, &index.text_area(&keys).expect("again")), "read again");
        q.text = Some("depression".into());
        let ids = |i: &Index, q: &SearchQuery| i.search(q).hits.into_iter().map(|h| h.service.id).collect::<Vec<_>>();
        let first = ids(&index, &q);
        assert!(!first.is_empty(), "depression is found in the US");
        assert_eq!(ids(&index, &q), first);
        let fresh = super::super::Index::build(directory, 1);
        assert_eq!(ids(&fresh, &q), first, "as found by an index that read them afresh");
        let mut renamed = index.service(first[0]).expect("the first found");
        renamed.name = "Qwertzuiop Listening Line".into();
        let mut updated = index.apply(&Directory { services: vec![renamed.clone()], ..Directory::default() }, 2);
        let updated = updated.as_mut().expect("update applies");
        updated.set_caching(false);
        assert!(!std::sync::Arc::ptr_eq(&area, &updated.text_area(&keys).expect("the update's")));
        q.text = Some("qwertzuiop".into());
        assert_eq!(ids(updated, &q), vec![renamed.id]);
    }

    /// A changed organization or location reaches every service that shows it: renamed, its services
    /// are found by the new name; moved, its services are found near where it is now.
    #[test]
    fn an_organization_or_location_change_reaches_its_services() {
        let directory = crate::generate::directory(3_000, 11);
        let index = Index::build(directory.clone(), 1);
        let located = directory.services.iter().find(|s| !s.location_ids.is_empty()).expect("a located service");
        let mut location =
            directory.locations.iter().find(|l| l.id == located.location_ids[0]).expect("its location").clone();
        let mut organization =
            directory.organizations.iter().find(|o| o.id == located.organization_id).expect("its organization").clone();
        organization.name = "Zyxwvut Trust".into();
        let oslo = atlas().find_places("Oslo", atlas().parse_country("NO").map(|c| c.code), 1);
        let crate::geo::PlaceRef::City(oslo) = oslo.first().expect("Oslo").place else { panic!("Oslo is a city") };
        location.point = oslo.point;
        location.country = oslo.country;
        let changes =
            Directory { organizations: vec![organization], locations: vec![location], ..Directory::default() };
        let updated = index.apply(&changes, 2).expect("update applies");
        assert_eq!(updated.organization_name(located.organization_id), Some("Zyxwvut Trust"));
        assert_ne!(
            index.organization_name(located.organization_id),
            Some("Zyxwvut Trust"),
            "the earlier version keeps its name"
        );
        let now = DateTime::parse_from_rfc3339("2026-01-14T12:00:00Z").expect("valid time").with_timezone(&Utc);
        let near_oslo = Place { country: oslo.country, subdivisions: Vec::new(), point: Some(oslo.point) };
        let mut q = SearchQuery::new(near_oslo, now);
        q.per_page = 100;
        let found = |i: &Index, q: &SearchQuery| i.search(q).hits.into_iter().map(|h| h.service.id).collect::<Vec<_>>();
        assert!(!found(&index, &q).contains(&located.id), "not near Oslo before the move");
        assert!(found(&updated, &q).contains(&located.id), "found near Oslo after the move");
        let runs: Vec<_> = directory.services.iter().filter(|s| s.organization_id == located.organization_id).collect();
        for s in runs {
            let home = Place {
                country: crate::geo::area_country(&s.areas[0]).unwrap_or(oslo.country),
                subdivisions: Vec::new(),
                point: None,
            };
            let mut q = SearchQuery::new(home, now);
            q.text = Some("zyxwvut".into());
            assert!(found(&updated, &q).contains(&s.id), "{} found by its organization's new name", s.name);
            assert!(!found(&index, &q).contains(&s.id), "not before the change");
        }
    }

    /// An update replaces a changed service's text and removes a retired one's: the text index holds
    /// one document per listed service, and the new name finds the service.
    #[test]
    fn an_update_replaces_and_removes_text_documents() {
        let directory = crate::generate::directory(3_000, 5);
        let index = Index::build(directory.clone(), 1);
        let mut renamed = directory.services[10].clone();
        renamed.name = "Qwertzuiop Listening Line".into();
        let mut retired = directory.services[20].clone();
        retired.retired = Some(Retirement { status: RetiredStatus::Defunct, reason: "closed".into() });
        let changes = Directory { services: vec![renamed.clone(), retired], ..Directory::default() };
        let updated = index.apply(&changes, 2).expect("update applies");
        assert_eq!(index.searcher.num_docs(), 3_000);
        assert_eq!(
            updated.searcher.num_docs(),
            2_999,
            "the renamed service's old document and the retired one's are gone"
        );
        let now = DateTime::parse_from_rfc3339("2026-01-14T12:00:00Z").expect("valid time").with_timezone(&Utc);
        let country = renamed.areas.first().and_then(crate::geo::area_country).expect("a service area in a country");
        let mut q = SearchQuery::new(Place { country, subdivisions: Vec::new(), point: None }, now);
        q.text = Some("qwertzuiop".into());
        let found = |i: &Index| i.search(&q).hits.into_iter().map(|h| h.service.id).collect::<Vec<_>>();
        assert_eq!(found(&updated), vec![renamed.id]);
        assert!(found(&index).is_empty());
    }
}
