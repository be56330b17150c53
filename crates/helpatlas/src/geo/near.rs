//! The country a point lies in, judged by the nearest bundled city within a few grid cells: good
//! enough to place a radius area (no borders are bundled).

use super::atlas;
use crate::model::{CountryCode, Point, ServiceArea};
use std::collections::HashMap;
use std::sync::OnceLock;

/// Side of a grid cell, in degrees.
const CELL_DEGREES: f64 = 1.0;
/// How many rings of cells around a point to look in for a city before giving up.
const CITY_SEARCH_RINGS: i16 = 3;

fn cell_of(p: Point) -> (i16, i16) {
    ((p.lat / CELL_DEGREES).floor() as i16, (p.lon / CELL_DEGREES).floor() as i16)
}

/// Bundled cities by grid cell.
fn city_grid() -> &'static HashMap<(i16, i16), Vec<usize>> {
    static GRID: OnceLock<HashMap<(i16, i16), Vec<usize>>> = OnceLock::new();
    GRID.get_or_init(|| {
        let mut grid: HashMap<(i16, i16), Vec<usize>> = HashMap::new();
        for (i, city) in atlas().cities().iter().enumerate() {
            grid.entry(cell_of(city.point)).or_default().push(i);
        }
        grid
    })
}

/// The country a service area lies in: none for the world, and for a radius the country of the city
/// nearest its centre (see [`country_near`]).
pub fn area_country(area: &ServiceArea) -> Option<CountryCode> {
    match area {
        ServiceArea::Country(c) => Some(*c),
        ServiceArea::Subdivision(code) => code.get(..2).and_then(|c| c.parse().ok()),
        ServiceArea::Radius { center, .. } => country_near(*center),
        ServiceArea::World => None,
    }
}

/// A service's home country: that of the first of its `areas` lying in one (none when all are worldwide).
pub fn home_country(areas: &[ServiceArea]) -> Option<CountryCode> {
    areas.iter().find_map(area_country)
}

pub fn country_near(p: Point) -> Option<CountryCode> {
    let (a, b) = cell_of(p);
    let cities = atlas().cities();
    (0..=CITY_SEARCH_RINGS).find_map(|ring| {
        (a - ring..=a + ring)
            .flat_map(|x| (b - ring..=b + ring).map(move |y| (x, y)))
            .filter_map(|cell| city_grid().get(&cell))
            .flatten()
            .map(|&i| (cities[i].point.distance_km(p), &cities[i]))
            .min_by(|x, y| x.0.total_cmp(&y.0))
            .map(|(_, c)| c.country)
    })
}
