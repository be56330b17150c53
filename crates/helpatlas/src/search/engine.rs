//! Answering a [`SearchQuery`] from the in-memory index: coverage, filters, text, facets, ranking.
//!
//! Filters within one facet are alternatives (OR); different facets all apply (AND). Each facet's
//! counts apply every filter except its own, so a count says what choosing that value would give.

use super::query::{Facets, SearchHit, SearchQuery, SearchResults};
use super::synonyms;
use super::Index;
use crate::geo::fold;
use crate::model::{Coverage, Kind, Service};
use std::collections::BTreeMap;

/// The filters of a query that have facets.
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

/// Which filters one service passes: `filters` indexed by [`Filter`]; `fixed` for text and age, which
/// are not facets and always apply.
struct Passes {
    filters: [bool; 9],
    fixed: bool,
}

impl Passes {
    fn all(&self) -> bool {
        self.fixed && self.filters.iter().all(|p| *p)
    }

    /// Every filter passes except perhaps `skip`: the set a facet of `skip` counts over.
    fn all_but(&self, skip: Filter) -> bool {
        self.fixed && self.filters.iter().enumerate().all(|(i, p)| i == skip as usize || *p)
    }
}

fn any_or_empty<T: PartialEq>(wanted: &[T], has: &[T]) -> bool {
    wanted.is_empty() || wanted.iter().any(|w| has.contains(w))
}

struct Candidate<'a> {
    service: &'a Service,
    distance_km: Option<f64>,
    partial: bool,
    score: u32,
    passes: Passes,
}

/// How well the words of the query match a service: 0 = not at all. Every word must match the start of
/// a word of the service's text, or the query must name one of the service's topics in everyday words.
fn text_score(haystack: &str, name: &str, words: &[&str], topics: &[crate::model::Topic], service: &Service) -> u32 {
    let topic_match = !topics.is_empty() && topics.iter().any(|t| service.topics.contains(t));
    let starts_word = |text: &str, word: &str| text.split(' ').any(|w| w.starts_with(word));
    let all_words = !words.is_empty() && words.iter().all(|w| starts_word(haystack, w));
    let name_words = words.iter().filter(|w| starts_word(name, w)).count() as u32;
    match (all_words, topic_match) {
        (false, false) => 0,
        (true, _) => 10 + 5 * name_words + u32::from(topic_match) * 5,
        (false, true) => 5,
    }
}

impl Index {
    pub fn search(&self, q: &SearchQuery) -> SearchResults<'_> {
        let folded = q.text.as_deref().map(fold).unwrap_or_default();
        let words: Vec<&str> = folded.split(' ').filter(|w| w.len() > 1 || folded.len() == 1).collect();
        let topics = synonyms::topics_in(&folded);
        let crisis = synonyms::is_crisis(&topics);
        let candidates: Vec<Candidate> =
            self.services().iter().enumerate().filter_map(|(i, s)| self.candidate(i, s, q, &words, &topics)).collect();
        let facets = facets(&candidates, q);
        let mut hits: Vec<&Candidate> = candidates.iter().filter(|c| c.passes.all()).collect();
        hits.sort_by(|a, b| {
            b.score
                .cmp(&a.score)
                .then(a.partial.cmp(&b.partial))
                .then(a.distance_km.unwrap_or(f64::MAX).total_cmp(&b.distance_km.unwrap_or(f64::MAX)))
                .then(b.service.is_open_now(q.now).cmp(&a.service.is_open_now(q.now)))
                .then(b.service.verified_on.cmp(&a.service.verified_on))
                .then_with(|| a.service.name.cmp(&b.service.name))
                .then(a.service.id.cmp(&b.service.id))
        });
        let total = hits.len();
        let start = q.page.saturating_sub(1).saturating_mul(q.per_page);
        let hits = hits
            .into_iter()
            .skip(start)
            .take(q.per_page)
            .map(|c| SearchHit { service: c.service, distance_km: c.distance_km, partial: c.partial })
            .collect();
        SearchResults { total, hits, facets, crisis }
    }

    fn candidate<'a>(
        &'a self,
        position: usize,
        s: &'a Service,
        q: &SearchQuery,
        words: &[&str],
        topics: &[crate::model::Topic],
    ) -> Option<Candidate<'a>> {
        let distance_km = q.place.point.and_then(|p| {
            s.location_ids.iter().filter_map(|id| self.location(*id)).map(|l| l.point.distance_km(p)).reduce(f64::min)
        });
        let near = distance_km.is_some_and(|d| d <= q.radius_km);
        let coverage = s.coverage(&q.place);
        if coverage == Coverage::None && !near {
            return None;
        }
        let score = match q.text {
            Some(_) => text_score(self.haystack(position), &fold(&s.name), words, topics, s),
            None => 1,
        };
        let age_ok = q.age.is_none_or(|age| {
            s.eligibility.min_age.is_none_or(|min| age >= min) && s.eligibility.max_age.is_none_or(|max| age <= max)
        });
        // In the order of `Filter`.
        let filters = [
            q.kind.is_none_or(|k| k == s.kind),
            any_or_empty(&q.topics, &s.topics),
            q.channels.is_empty() || s.channels.iter().any(|c| q.channels.contains(&c.kind)),
            q.costs.is_empty() || s.cost.is_some_and(|c| q.costs.contains(&c)),
            any_or_empty(&q.languages, &s.languages),
            q.audiences.is_empty() || s.audiences.is_empty() || any_or_empty(&q.audiences, &s.audiences),
            any_or_empty(&q.delivered_by, &s.delivered_by),
            !q.open_now || s.is_open_now(q.now),
            !q.always_open || s.is_always_open(),
        ];
        let passes = Passes { filters, fixed: score > 0 && age_ok };
        Some(Candidate {
            service: s,
            distance_km,
            partial: coverage == Coverage::PartOfCountry && !near,
            score,
            passes,
        })
    }
}

fn counted<K: Ord + Clone>(counts: BTreeMap<K, usize>) -> Vec<(K, usize)> {
    counts.into_iter().collect()
}

fn facets(candidates: &[Candidate], q: &SearchQuery) -> Facets {
    let mut kinds = BTreeMap::new();
    let mut topics = BTreeMap::new();
    let mut channels = BTreeMap::new();
    let mut costs = BTreeMap::new();
    let mut languages = BTreeMap::new();
    let mut audiences = BTreeMap::new();
    let mut delivered_by = BTreeMap::new();
    let (mut open_now, mut always_open) = (0, 0);
    for c in candidates {
        let (s, p) = (c.service, &c.passes);
        if p.all_but(Filter::Kind) {
            *kinds.entry(s.kind).or_insert(0) += 1;
        }
        if p.all_but(Filter::Topic) {
            s.topics.iter().for_each(|t| *topics.entry(*t).or_insert(0) += 1);
        }
        if p.all_but(Filter::Channel) {
            let mut kinds: Vec<_> = s.channels.iter().map(|c| c.kind).collect();
            kinds.sort();
            kinds.dedup();
            kinds.into_iter().for_each(|k| *channels.entry(k).or_insert(0) += 1);
        }
        if p.all_but(Filter::Cost) {
            s.cost.into_iter().for_each(|c| *costs.entry(c).or_insert(0) += 1);
        }
        if p.all_but(Filter::Language) {
            s.languages.iter().for_each(|l| *languages.entry(l.clone()).or_insert(0) += 1);
        }
        if p.all_but(Filter::Audience) {
            s.audiences.iter().for_each(|a| *audiences.entry(*a).or_insert(0) += 1);
        }
        if p.all_but(Filter::DeliveredBy) {
            s.delivered_by.iter().for_each(|d| *delivered_by.entry(*d).or_insert(0) += 1);
        }
        if p.all_but(Filter::OpenNow) && s.is_open_now(q.now) {
            open_now += 1;
        }
        if p.all_but(Filter::AlwaysOpen) && s.is_always_open() {
            always_open += 1;
        }
    }
    let kinds: Vec<(Kind, usize)> = counted(kinds);
    Facets {
        kinds,
        topics: counted(topics),
        channels: counted(channels),
        costs: counted(costs),
        languages: counted(languages),
        audiences: counted(audiences),
        delivered_by: counted(delivered_by),
        open_now,
        always_open,
    }
}
