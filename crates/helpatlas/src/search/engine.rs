//! Answering a [`SearchQuery`]: candidates from the place's coverage keys (through the text index when
//! there is text), the exact coverage test, filters and facets in one pass, then ranking of only the
//! page asked for.
//!
//! Ranking: services that cover the whole place before those known only to be somewhere in its
//! country (for a place known only by its country: a local service may not be usable there at all),
//! then text relevance (in tiers, so that near-equal scores leave room for the next signals),
//! then services meant for the place before worldwide ones, then distance to the nearest location, open now, verified in the last year, name and id (stable).

use super::cache::{self, Cached};
use super::facts::{Counter, Filters};
use super::query::{SearchHit, SearchQuery, SearchResults, MAX_RADIUS_KM};
use super::text::Parsed;
use super::{coverage, synonyms, Index};
use std::cmp::Ordering;

/// How many relevance tiers text scores are cut into.
const RELEVANCE_TIERS: f32 = 8.0;
/// A service checked within this many days counts as recently verified.
const RECENT_DAYS: i64 = 365;

/// A result, with what ranking compares.
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
                Some(SearchHit { service: self.service_at(p)?, distance_km, partial })
            })
            .collect();
        SearchResults { total: answer.total, hits, facets: answer.facets.clone(), crisis: answer.crisis }
    }

    fn answer(&self, q: &SearchQuery) -> Cached {
        let parsed = q.text.as_deref().map(Parsed::new).filter(|p| !p.is_empty());
        let crisis = parsed.as_ref().is_some_and(|p| synonyms::is_crisis(&p.topics()));
        let radius_km = if q.radius_km.is_finite() { q.radius_km.clamp(0.0, MAX_RADIUS_KM) } else { MAX_RADIUS_KM };
        let keys = coverage::keys_for(&q.place, radius_km);
        let scored: Vec<(u32, f32)> = match &parsed {
            Some(p) => self.text.search(&self.searcher, p, &keys).unwrap_or_else(|e| {
                tracing::warn!(error = %e, "text search failed; answering without text matches");
                Vec::new()
            }),
            None => self.tables.lists.union(&keys, self.slots()).into_iter().map(|p| (p, 0.0)).collect(),
        };
        let filters = Filters::of(q, &self.tables.languages);
        let mut counter = Counter::new(self.tables.languages.len());
        let recent_since = q.now.date_naive() - chrono::Duration::days(RECENT_DAYS);
        let max_score = scored.iter().map(|(_, s)| *s).fold(f32::MIN_POSITIVE, f32::max);
        let here = coverage::Here::new(&q.place, radius_km);
        let mut ranked = Vec::new();
        for (position, score) in scored {
            let (s, f) = (&self.tables.summaries[position as usize], &self.tables.facts[position as usize]);
            let reach = coverage::covers(&f.areas, &f.radius_homes, &f.points, &here);
            if !reach.offered() || !filters.eligible(f) {
                continue;
            }
            let open = || self.open.is_open(position, &s.schedule, q.now);
            let fails = filters.fails(f, open);
            counter.add(f, fails, open);
            if fails == 0 {
                ranked.push(Ranked {
                    position,
                    tier: ((score / max_score) * RELEVANCE_TIERS).floor() as u8,
                    partial: reach.partial(),
                    worldwide: reach.worldwide,
                    distance_km: reach.distance_km,
                    open: open(),
                    recent: f.verified_on >= recent_since,
                    name_key: f.name_key,
                });
            }
        }
        let facets = counter.facets(&self.tables.languages);
        let first_positions: Vec<u32> = if crisis { self.crisis_positions(&q.place).to_vec() } else { Vec::new() };
        let total = ranked.len() + first_positions.iter().filter(|p| !ranked.iter().any(|r| r.position == **p)).count();
        let start = q.page.saturating_sub(1).saturating_mul(q.per_page);
        let end = start.saturating_add(q.per_page);
        let top = self.top(ranked, end.saturating_add(first_positions.len()));
        let ranked_hits = top
            .into_iter()
            .filter(|r| !first_positions.contains(&r.position))
            .map(|r| (r.position, r.distance_km, r.partial));
        let hits =
            first_positions.iter().map(|&p| (p, None, false)).chain(ranked_hits).skip(start).take(q.per_page).collect();
        Cached { total, hits, facets, crisis }
    }

    /// The best `n` results in order, without sorting the rest.
    fn top(&self, mut ranked: Vec<Ranked>, n: usize) -> Vec<Ranked> {
        let order = |a: &Ranked, b: &Ranked| self.compare(a, b);
        if n < ranked.len() {
            if n == 0 {
                return Vec::new();
            }
            ranked.select_nth_unstable_by(n - 1, order);
            ranked.truncate(n);
        }
        ranked.sort_by(order);
        ranked
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
            .then_with(|| {
                let (x, y) = (&self.tables.summaries[a.position as usize], &self.tables.summaries[b.position as usize]);
                x.name.cmp(&y.name).then(x.id.cmp(&y.id))
            })
    }
}
