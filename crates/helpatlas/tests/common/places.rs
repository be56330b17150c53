//! Places and a fixed moment for search tests.

use chrono::{DateTime, Utc};
use helpatlas::geo::{atlas, PlaceRef};
use helpatlas::model::Place;

/// A Wednesday at noon UTC, so that "open now" is the same on every run.
pub fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-01-14T12:00:00Z").expect("valid time").with_timezone(&Utc)
}

/// `CC` for a whole country, or `CC/City` for the biggest city of that name there.
pub fn place(at: &str) -> Place {
    let (code, city) = at.split_once('/').map_or((at, None), |(c, city)| (c, Some(city)));
    let country = atlas().parse_country(code).expect("known country").code;
    let Some(city) = city else { return Place { country, subdivisions: Vec::new(), point: None } };
    let found = atlas().find_places(city, Some(country), 1);
    let PlaceRef::City(c) = found.first().expect("city exists").place else { panic!("{city} is a city") };
    let subdivisions = c.subdivision.as_deref().map(|s| atlas().subdivision_chain(s)).unwrap_or_default();
    Place { country, subdivisions, point: Some(c.point) }
}
