//! Query-string parameters of the public pages, parsed into typed filters. Repeated keys
//! (`topic=a&topic=b`) are how a plain HTML form sends several checked boxes.

use crate::geo::atlas;
use crate::i18n::Messages;
use crate::model::{Audience, ChannelType, Cost, CountryCode, DeliveredBy, Place, Topic, UnknownCode};
use crate::search::query::{SearchQuery, DEFAULT_RADIUS_KM, MAX_QUERY_CHARS, MAX_RADIUS_KM};
use crate::web::WebError;
use std::str::FromStr;

/// Most values one parameter may repeat, and the longest raw query string read.
const MAX_VALUES: usize = 40;
pub const MAX_QUERY_STRING: usize = 4096;
/// Highest page number accepted; deeper pages are never useful to a person.
pub const MAX_PAGE: usize = 1000;

/// The chosen place: the country from the path, optionally narrowed by `region=` or `city=`.
pub struct PlaceChoice {
    pub place: Place,
    /// What to call the place on the page: "Tromsø, Troms" or "Oslo" or the country name.
    pub name: String,
    pub region: Option<String>,
    pub city: Option<u32>,
}

impl PlaceChoice {
    /// The parameters that carry the place from page to page (hidden form fields, links).
    pub fn params(&self) -> Vec<(&'static str, String)> {
        match (self.city, &self.region) {
            (Some(city), _) => vec![("city", city.to_string())],
            (None, Some(region)) => vec![("region", region.clone())],
            _ => Vec::new(),
        }
    }

    /// The same as a query string, `?city=…`, or empty.
    pub fn query(&self) -> String {
        let mut out = url::form_urlencoded::Serializer::new(String::new());
        out.extend_pairs(self.params());
        let query = out.finish();
        if query.is_empty() {
            query
        } else {
            format!("?{query}")
        }
    }
}

#[derive(Default)]
pub struct Filters {
    pub text: Option<String>,
    pub topics: Vec<Topic>,
    pub channels: Vec<ChannelType>,
    pub costs: Vec<Cost>,
    pub languages: Vec<String>,
    pub audiences: Vec<Audience>,
    pub delivered_by: Vec<DeliveredBy>,
    pub open_now: bool,
    pub always_open: bool,
    pub age: Option<u8>,
    /// The person lives in the chosen country: leave out services for residents of elsewhere.
    pub resident: bool,
    pub radius_km: Option<f64>,
    pub page: usize,
}

impl Filters {
    /// The engine's query for these filters at `place` (`kind`: one kind of help, or all); page size is
    /// the caller's.
    pub fn query(
        self,
        place: Place,
        kind: Option<crate::model::Kind>,
        now: chrono::DateTime<chrono::Utc>,
    ) -> SearchQuery {
        let resident_of = self.resident.then_some(place.country);
        let mut q = SearchQuery::new(place, now);
        q.kind = kind;
        q.text = self.text;
        q.topics = self.topics;
        q.channels = self.channels;
        q.costs = self.costs;
        q.languages = self.languages;
        q.audiences = self.audiences;
        q.delivered_by = self.delivered_by;
        q.open_now = self.open_now;
        q.always_open = self.always_open;
        q.age = self.age;
        q.resident_of = resident_of;
        q.radius_km = self.radius_km.unwrap_or(DEFAULT_RADIUS_KM);
        q.page = self.page;
        q
    }
}

pub struct Params {
    pairs: Vec<(String, String)>,
}

impl Params {
    pub fn parse(raw: Option<&str>) -> Result<Params, WebError> {
        let raw = raw.unwrap_or("");
        if raw.len() > MAX_QUERY_STRING {
            let t = crate::i18n::english();
            return Err(WebError::BadRequest(t.with("error.address_too_long", "max", &MAX_QUERY_STRING.to_string())));
        }
        let pairs = url::form_urlencoded::parse(raw.as_bytes()).into_owned().filter(|(_, v)| !v.is_empty()).collect();
        Ok(Params { pairs })
    }

    pub fn all<'a>(&'a self, key: &str) -> impl Iterator<Item = &'a str> + 'a {
        let key = key.to_string();
        self.pairs.iter().filter(move |(k, _)| *k == key).map(|(_, v)| v.as_str())
    }

    pub fn one(&self, key: &str) -> Option<&str> {
        self.all(key).next()
    }

    /// Parses every value of `key` as a vocabulary code; an unknown one is a 400 naming the valid codes.
    fn codes<T: FromStr<Err = UnknownCode>>(&self, key: &str, t: &Messages) -> Result<Vec<T>, WebError> {
        let values: Vec<&str> = self.all(key).collect();
        if values.len() > MAX_VALUES {
            return Err(bad(t, "error.too_many_values", key, ""));
        }
        values.into_iter().map(|v| v.parse().map_err(|e| unknown_code(t, &e))).collect()
    }

    fn number<T: FromStr>(&self, key: &str, t: &Messages) -> Result<Option<T>, WebError> {
        self.one(key).map(|v| v.trim().parse::<T>().map_err(|_| bad(t, "error.bad_number", key, v))).transpose()
    }

    fn flag(&self, key: &str) -> bool {
        self.one(key).is_some_and(|v| v != "0")
    }

    pub fn filters(&self, t: &Messages) -> Result<Filters, WebError> {
        let text = self.one("q").map(str::trim).filter(|q| !q.is_empty()).map(String::from);
        if text.as_ref().is_some_and(|q| q.chars().count() > MAX_QUERY_CHARS) {
            return Err(bad(t, "error.query_too_long", "q", &MAX_QUERY_CHARS.to_string()));
        }
        let languages: Vec<String> = self.all("lang").map(str::to_ascii_lowercase).collect();
        let not_a_language = |l: &&String| !(2..=3).contains(&l.len()) || !l.bytes().all(|b| b.is_ascii_lowercase());
        if let Some(l) = languages.iter().find(not_a_language) {
            return Err(bad(t, "error.bad_language", "lang", l));
        }
        let age: Option<u8> = self.number("age", t)?;
        if let Some(a) = age.filter(|a| *a > 120) {
            return Err(bad(t, "error.bad_number", "age", &a.to_string()));
        }
        let radius_km = self.number::<f64>("radius", t)?;
        if let Some(r) = radius_km.filter(|r| !r.is_finite() || *r <= 0.0) {
            return Err(bad(t, "error.bad_number", "radius", &r.to_string()));
        }
        let page: usize = self.number("page", t)?.unwrap_or(1);
        if page == 0 || page > MAX_PAGE {
            return Err(bad(t, "error.bad_page", "page", &MAX_PAGE.to_string()));
        }
        Ok(Filters {
            text,
            topics: self.codes("topic", t)?,
            channels: self.codes("channel", t)?,
            costs: self.codes("cost", t)?,
            languages,
            audiences: self.codes("audience", t)?,
            delivered_by: self.codes("by", t)?,
            open_now: self.flag("open"),
            always_open: self.flag("always"),
            age,
            resident: self.flag("resident"),
            radius_km: radius_km.map(|r| r.min(MAX_RADIUS_KM)),
            page,
        })
    }

    /// The place of a country page, narrowed by `city=` (a GeoNames id) or `region=` (ISO 3166-2).
    pub fn place(&self, country: CountryCode, t: &Messages) -> Result<PlaceChoice, WebError> {
        let country_name = t.country_name(country);
        if let Some(id) = self.number::<u32>("city", t)? {
            let city = atlas()
                .city(id)
                .filter(|c| c.country == country)
                .ok_or_else(|| WebError::BadRequest(t.with("error.unknown_city", "country", &country_name)))?;
            let region = city.subdivision.clone();
            let subdivisions = region.as_deref().map(|r| atlas().subdivision_chain(r)).unwrap_or_default();
            let place = Place { country, subdivisions, point: Some(city.point) };
            return Ok(PlaceChoice { place, name: city.name.clone(), region, city: Some(id) });
        }
        if let Some(code) = self.one("region") {
            let code = code.to_ascii_uppercase();
            let region = atlas()
                .subdivision(&code)
                .filter(|s| s.country == country)
                .ok_or_else(|| WebError::BadRequest(t.with("error.unknown_region", "country", &country_name)))?;
            let place = Place { country, subdivisions: atlas().subdivision_chain(&code), point: None };
            return Ok(PlaceChoice { place, name: region.name.clone(), region: Some(code), city: None });
        }
        let place = Place { country, subdivisions: Vec::new(), point: None };
        Ok(PlaceChoice { place, name: country_name, region: None, city: None })
    }

    /// The query string without `page`, to build page links and "remove filter" links.
    pub fn without(&self, keys: &[&str], extra: Option<(&str, &str)>) -> String {
        let mut out = url::form_urlencoded::Serializer::new(String::new());
        for (k, v) in self.pairs.iter().filter(|(k, _)| !keys.contains(&k.as_str())) {
            out.append_pair(k, v);
        }
        if let Some((k, v)) = extra {
            out.append_pair(k, v);
        }
        out.finish()
    }

    pub fn has(&self, key: &str, value: &str) -> bool {
        self.all(key).any(|v| v == value)
    }
}

/// A 400 whose message is the catalogue text `key` with `{param}` and `{value}` filled in.
fn bad(t: &Messages, key: &str, param: &str, value: &str) -> WebError {
    WebError::BadRequest(t.with_all(key, &[("param", param), ("value", value)]))
}

/// A 400 for an unknown vocabulary code, naming the valid ones.
pub fn unknown_code(t: &Messages, e: &UnknownCode) -> WebError {
    let vocabulary = t.label("vocabulary", e.vocabulary);
    WebError::BadRequest(
        t.with_all("error.unknown_code", &[("vocabulary", vocabulary), ("value", &e.value), ("valid", &e.valid)]),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filters(raw: &str) -> Result<Filters, String> {
        Params::parse(Some(raw)).and_then(|p| p.filters(crate::i18n::english())).map_err(|e| e.to_string())
    }

    #[test]
    fn repeated_keys_give_several_values() {
        let f = filters("topic=anxiety&topic=panic&channel=phone&open=1").expect("valid");
        assert_eq!(f.topics, vec![Topic::Anxiety, Topic::Panic]);
        assert_eq!(f.channels, vec![ChannelType::Phone]);
        assert!(f.open_now && !f.always_open);
        assert_eq!(f.page, 1);
    }

    #[test]
    fn unknown_values_name_the_valid_ones() {
        let err = filters("topic=sadness").err().expect("rejected");
        assert!(err.contains("“sadness” is not a topic we know. Valid values: suicidal-thoughts"), "{err}");
        assert!(filters("page=0").is_err());
        assert!(filters("page=abc").is_err());
        assert!(filters("age=200").is_err());
        assert!(filters("lang=english").is_err());
        assert!(filters(&format!("q={}", "a".repeat(201))).is_err());
    }

    #[test]
    fn the_radius_is_clamped() {
        assert_eq!(filters("radius=100000").expect("valid").radius_km, Some(MAX_RADIUS_KM));
        assert!(filters("radius=-3").is_err());
        assert!(filters("radius=NaN").is_err());
    }

    #[test]
    fn links_keep_other_parameters() {
        let p = Params::parse(Some("topic=anxiety&page=3&city=1")).expect("valid");
        assert_eq!(p.without(&["page"], Some(("page", "4"))), "topic=anxiety&city=1&page=4");
    }
}
