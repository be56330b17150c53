//! Place lookup by name: case-, accent- and spelling-variant-insensitive prefix search over cities and
//! subdivisions, ranked by population.

use super::{Atlas, City, Subdivision};
use crate::model::CountryCode;
use std::collections::HashMap;

/// Folds a name to the form used for matching: ASCII transliteration (ø→o, ß→ss), lowercase,
/// punctuation as spaces, and the German/Nordic digraphs `ae`, `oe`, `ue` read as their base vowel, so
/// that "Tromsø", "Tromso" and "Tromsoe", or "München", "Munchen" and "Muenchen", meet.
pub fn fold(name: &str) -> String {
    let ascii = deunicode::deunicode(name).to_lowercase();
    let spaced: String = ascii.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' }).collect();
    let words: Vec<&str> = spaced.split_whitespace().collect();
    words.join(" ").replace("ae", "a").replace("oe", "o").replace("ue", "u")
}

#[derive(Debug, Clone, Copy)]
enum Entry {
    City(usize),
    Subdivision(usize),
}

#[derive(Debug, Clone, Copy)]
pub enum PlaceRef<'a> {
    City(&'a City),
    Subdivision(&'a Subdivision),
}

impl PlaceRef<'_> {
    pub fn country(&self) -> CountryCode {
        match self {
            PlaceRef::City(c) => c.country,
            PlaceRef::Subdivision(s) => s.country,
        }
    }

    pub fn name(&self) -> &str {
        match self {
            PlaceRef::City(c) => &c.name,
            PlaceRef::Subdivision(s) => &s.name,
        }
    }
}

#[derive(Debug, Clone)]
pub struct PlaceMatch<'a> {
    pub place: PlaceRef<'a>,
    /// The name (or alternate name) that matched the query.
    pub matched_name: String,
    /// The whole folded name equals the folded query, not only its beginning.
    pub exact: bool,
}

pub(super) struct PlaceIndex {
    /// (folded name, original name, entry), sorted by folded name for prefix ranges.
    keys: Vec<(String, String, Entry)>,
    subdivision_codes: Vec<String>,
    /// Population of the largest city in each subdivision, to rank regions among cities.
    subdivision_weight: Vec<u32>,
    city_positions: HashMap<u32, usize>,
}

impl PlaceIndex {
    pub(super) fn build<'a>(cities: &[City], subdivisions: impl Iterator<Item = &'a Subdivision>) -> PlaceIndex {
        let mut keys = Vec::new();
        for (i, city) in cities.iter().enumerate() {
            let mut seen: Vec<String> = Vec::new();
            for name in std::iter::once(&city.name).chain(&city.alternate_names) {
                let folded = fold(name);
                if folded.is_empty() || seen.contains(&folded) {
                    continue;
                }
                seen.push(folded.clone());
                keys.push((folded, name.clone(), Entry::City(i)));
            }
        }
        let mut subdivision_codes: Vec<String> = subdivisions
            .map(|s| {
                keys.push((fold(&s.name), s.name.clone(), Entry::Subdivision(0)));
                s.code.clone()
            })
            .collect();
        // Entries were pushed in the same order as codes; fix their positions after sorting the codes.
        let order: HashMap<String, usize> = {
            let mut sorted = subdivision_codes.clone();
            sorted.sort();
            sorted.into_iter().enumerate().map(|(i, c)| (c, i)).collect()
        };
        let mut next_subdivision = 0;
        for key in keys.iter_mut() {
            if let Entry::Subdivision(_) = key.2 {
                key.2 = Entry::Subdivision(order[&subdivision_codes[next_subdivision]]);
                next_subdivision += 1;
            }
        }
        subdivision_codes.sort();
        let mut subdivision_weight = vec![0; subdivision_codes.len()];
        for city in cities {
            if let Some(&i) = city.subdivision.as_ref().and_then(|s| order.get(s)) {
                subdivision_weight[i] = subdivision_weight[i].max(city.population);
            }
        }
        keys.sort_by(|a, b| a.0.cmp(&b.0));
        let city_positions = cities.iter().enumerate().map(|(i, c)| (c.id, i)).collect();
        PlaceIndex { keys, subdivision_codes, subdivision_weight, city_positions }
    }

    pub(super) fn city_position(&self, id: u32) -> Option<usize> {
        self.city_positions.get(&id).copied()
    }

    fn weight(&self, atlas: &Atlas, entry: Entry) -> u32 {
        match entry {
            Entry::City(i) => atlas.cities[i].population,
            Entry::Subdivision(i) => self.subdivision_weight[i],
        }
    }

    fn resolve<'a>(&self, atlas: &'a Atlas, entry: Entry) -> Option<PlaceRef<'a>> {
        match entry {
            Entry::City(i) => atlas.cities.get(i).map(PlaceRef::City),
            Entry::Subdivision(i) => atlas.subdivision(&self.subdivision_codes[i]).map(PlaceRef::Subdivision),
        }
    }

    pub(super) fn search<'a>(
        &self,
        atlas: &'a Atlas,
        query: &str,
        country: Option<CountryCode>,
        limit: usize,
    ) -> Vec<PlaceMatch<'a>> {
        let folded = fold(query);
        if folded.is_empty() || limit == 0 {
            return Vec::new();
        }
        let start = self.keys.partition_point(|k| k.0.as_str() < folded.as_str());
        let matches = self.keys[start..].iter().take_while(|k| k.0.starts_with(&folded));
        // A one-letter query matches thousands of names: places of other countries are left out
        // before ranking, and only the best `limit` are sorted.
        let in_country =
            |entry: Entry| country.is_none_or(|c| self.resolve(atlas, entry).is_some_and(|p| p.country() == c));
        // Best hit per place: an exact name beats a prefix; cities win ties over regions.
        let mut best: HashMap<(bool, usize), (bool, &str)> = HashMap::new();
        for (key, name, entry) in matches.filter(|k| in_country(k.2)) {
            let id = match *entry {
                Entry::City(i) => (true, i),
                Entry::Subdivision(i) => (false, i),
            };
            let exact = *key == folded;
            let slot = best.entry(id).or_insert((exact, name));
            if exact && !slot.0 {
                *slot = (exact, name);
            }
        }
        let mut hits: Vec<(bool, u32, bool, Entry, &str)> = best
            .into_iter()
            .map(|((is_city, i), (exact, name))| {
                let entry = if is_city { Entry::City(i) } else { Entry::Subdivision(i) };
                (exact, self.weight(atlas, entry), is_city, entry, name)
            })
            .collect();
        let rank = |a: &(bool, u32, bool, Entry, &str), b: &(bool, u32, bool, Entry, &str)| {
            (b.0, b.1, b.2, a.4).cmp(&(a.0, a.1, a.2, b.4))
        };
        if hits.len() > limit {
            hits.select_nth_unstable_by(limit - 1, rank);
            hits.truncate(limit);
        }
        hits.sort_by(rank);
        hits.into_iter()
            .filter_map(|(exact, _, _, entry, name)| {
                let place = self.resolve(atlas, entry)?;
                Some(PlaceMatch { place, matched_name: name.to_string(), exact })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::super::atlas;

    fn first(query: &str) -> (String, String) {
        let hits = atlas().find_places(query, None, 5);
        let hit = hits.first().unwrap_or_else(|| panic!("no place found for {query}"));
        (hit.place.name().to_string(), hit.place.country().to_string())
    }

    #[test]
    fn spelling_variants_find_the_same_city() {
        for q in ["tromso", "Tromsø", "TROMSOE", "tromsø "] {
            assert_eq!(first(q), ("Tromsø".to_string(), "NO".to_string()), "query {q}");
        }
        for q in ["münchen", "munich", "Muenchen", "munchen"] {
            assert_eq!(first(q), ("Munich".to_string(), "DE".to_string()), "query {q}");
        }
        assert_eq!(first("sao paulo").1, "BR");
        assert_eq!(first("São Paulo").0, first("sao paulo").0);
    }

    #[test]
    fn prefixes_rank_by_population() {
        let hits = atlas().find_places("lond", None, 3);
        assert_eq!(hits[0].place.name(), "London");
        assert_eq!(hits[0].place.country().as_str(), "GB");
    }

    #[test]
    fn a_country_filter_keeps_only_its_places() {
        let hits = atlas().find_places("london", Some("CA".parse().expect("code")), 3);
        assert!(!hits.is_empty());
        assert!(hits.iter().all(|h| h.place.country().as_str() == "CA"));
    }

    #[test]
    fn folding_is_accent_and_case_insensitive() {
        assert_eq!(super::fold("  Tromsø  "), "tromso");
        assert_eq!(super::fold("Tromsoe"), "tromso");
        assert_eq!(super::fold("MÜNCHEN"), super::fold("Muenchen"));
        assert_eq!(super::fold("Saint-Étienne"), "saint etienne");
        assert_eq!(super::fold("!!!"), "");
    }
}
