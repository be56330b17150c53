//! Which services can possibly be offered at a place, without looking at every service: each service is
//! filed under coverage keys (world, a country, a subdivision, grid cells of its radius areas and of its
//! locations), and a query asks only the keys of its place. The keys over-approximate; the exact test
//! ([`covers`]) runs on the few candidates they return.
//!
//! The same keys are indexed as terms in the text index, so that a text query is restricted to the
//! place inside tantivy rather than after it.

use crate::geo::area_country;
use crate::model::{CountryCode, Coverage, Origin, Place, Point, Service, ServiceArea};
use serde::{Deserialize, Serialize};

/// Side of a grid cell, in degrees.
const CELL_DEGREES: f64 = 1.0;
/// A radius area spanning more cells than this is filed under [`Key::WideRadius`], which every query
/// with a point asks, instead of under each cell.
const MAX_AREA_CELLS: usize = 400;
const KM_PER_DEGREE_LAT: f64 = 111.32;

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Key {
    World,
    Country(CountryCode),
    Subdivision(String),
    /// Any subdivision of this country: what a place known only by its country asks.
    SubdivisionOf(CountryCode),
    /// A radius area whose centre lies in this country: for places without a point.
    RadiusIn(CountryCode),
    /// A radius area overlapping this cell.
    AreaCell(i16, i16),
    WideRadius,
    /// A physical location in this cell.
    LocationCell(i16, i16),
}

impl Key {
    /// The term indexed in the text index's coverage field.
    pub fn token(&self) -> String {
        match self {
            Key::World => "w".into(),
            Key::Country(c) => format!("c:{c}"),
            Key::Subdivision(s) => format!("s:{s}"),
            Key::SubdivisionOf(c) => format!("sc:{c}"),
            Key::RadiusIn(c) => format!("rc:{c}"),
            Key::AreaCell(a, b) => format!("a:{a}:{b}"),
            Key::WideRadius => "aw".into(),
            Key::LocationCell(a, b) => format!("l:{a}:{b}"),
        }
    }
}

pub fn cell_of(p: Point) -> (i16, i16) {
    ((p.lat / CELL_DEGREES).floor() as i16, (p.lon / CELL_DEGREES).floor() as i16)
}

/// Cells overlapping the bounding box of a circle; `None` when there are more than `max`.
fn cells_around(center: Point, km: f64, max: usize) -> Option<Vec<(i16, i16)>> {
    let dlat = km / KM_PER_DEGREE_LAT;
    let cos = center.lat.to_radians().cos().max(0.01);
    let dlon = (km / (KM_PER_DEGREE_LAT * cos)).min(180.0);
    let (lat0, lon0) = cell_of(Point { lat: (center.lat - dlat).max(-90.0), lon: center.lon - dlon });
    let (lat1, lon1) = cell_of(Point { lat: (center.lat + dlat).min(89.999), lon: center.lon + dlon });
    let count = (lat1 - lat0 + 1) as usize * (lon1 - lon0 + 1) as usize;
    if count > max {
        return None;
    }
    let wrap = |lon: i16| -> i16 { (lon + 180).rem_euclid(360) - 180 };
    let mut cells: Vec<(i16, i16)> = (lat0..=lat1).flat_map(|a| (lon0..=lon1).map(move |b| (a, wrap(b)))).collect();
    cells.sort_unstable();
    cells.dedup();
    Some(cells)
}

/// Every key a service is filed under.
pub fn keys_of(service: &Service, locations: &[Point]) -> Vec<Key> {
    let mut keys = Vec::new();
    for area in &service.areas {
        match area {
            ServiceArea::World => keys.push(Key::World),
            ServiceArea::Country(c) => keys.push(Key::Country(*c)),
            ServiceArea::Subdivision(code) => {
                keys.push(Key::Subdivision(code.clone()));
                keys.extend(area_country(area).map(Key::SubdivisionOf));
            }
            ServiceArea::Radius { center, km } => {
                keys.extend(area_country(area).map(Key::RadiusIn));
                match cells_around(*center, *km, MAX_AREA_CELLS) {
                    Some(cells) => keys.extend(cells.into_iter().map(|(a, b)| Key::AreaCell(a, b))),
                    None => keys.push(Key::WideRadius),
                }
            }
        }
    }
    keys.extend(locations.iter().map(|p| {
        let (a, b) = cell_of(*p);
        Key::LocationCell(a, b)
    }));
    keys.sort();
    keys.dedup();
    keys
}

/// The keys a query for `place` (with locations counted within `radius_km`) asks.
pub fn keys_for(place: &Place, radius_km: f64) -> Vec<Key> {
    let mut keys = vec![Key::World, Key::Country(place.country)];
    if place.subdivisions.is_empty() {
        keys.push(Key::SubdivisionOf(place.country));
    } else {
        keys.extend(place.subdivisions.iter().cloned().map(Key::Subdivision));
    }
    match place.point {
        Some(p) => {
            let (a, b) = cell_of(p);
            keys.push(Key::AreaCell(a, b));
            keys.push(Key::WideRadius);
            // A radius of at most MAX_RADIUS_KM spans a few hundred cells at most, even far north.
            let cells = cells_around(p, radius_km, usize::MAX).unwrap_or_default();
            keys.extend(cells.into_iter().map(|(a, b)| Key::LocationCell(a, b)));
        }
        None => keys.push(Key::RadiusIn(place.country)),
    }
    keys
}

/// The keys under which every service that covers the whole of `place` is filed: a location or a
/// service area only part of the place's country reaches never covers it, so the keys that hold only
/// those are left out.
pub fn covering_keys_for(place: &Place) -> Vec<Key> {
    let mut keys = keys_for(place, 0.0);
    keys.retain(|k| !matches!(k, Key::SubdivisionOf(_) | Key::RadiusIn(_) | Key::LocationCell(..)));
    keys
}

/// How a service relates to a place: its coverage, and whether a location is near. The distance to
/// its nearest location is worked out apart ([`Here::nearest_km`]): ranking needs it only for the
/// candidates that pass every filter, and at a million services working it out for every candidate
/// was a twentieth of a computed page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reach {
    pub coverage: Coverage,
    /// A location lies within the query's radius.
    pub near: bool,
    /// Offered here only because it is offered everywhere: ranked after services meant for the place.
    pub worldwide: bool,
}

impl Reach {
    pub fn offered(&self) -> bool {
        self.coverage != Coverage::None || self.near
    }

    /// Known to be offered only somewhere in the place's country.
    pub fn partial(&self) -> bool {
        self.coverage == Coverage::PartOfCountry && !self.near
    }
}

/// A service area packed for the exact test: no heap, so that testing thousands of candidates reads
/// one contiguous table instead of chasing each service's allocations.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum Area {
    World,
    Country(CountryCode),
    /// An ISO 3166-2 code (at most 6 bytes, e.g. `GB-ENG`), zero-padded.
    Subdivision([u8; 6]),
    Radius {
        center: Point,
        km: f32,
        /// The country of the centre: the radius is part of that country for a place without a point.
        home: Option<CountryCode>,
    },
}

// A service's facts keep a list of these: the home fits beside the radius without growing it.
const _: () = assert!(std::mem::size_of::<Area>() == 24);

/// An area other than a radius, in seven bytes: what a service's facts keep in place when it is the
/// service's only area (see `facts::Areas`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SmallArea {
    World,
    Country(CountryCode),
    Subdivision([u8; 6]),
}

const _: () = assert!(std::mem::size_of::<SmallArea>() == 7);

impl SmallArea {
    pub fn of(area: &Area) -> Option<SmallArea> {
        match *area {
            Area::World => Some(SmallArea::World),
            Area::Country(c) => Some(SmallArea::Country(c)),
            Area::Subdivision(code) => Some(SmallArea::Subdivision(code)),
            Area::Radius { .. } => None,
        }
    }

    pub fn area(self) -> Area {
        match self {
            SmallArea::World => Area::World,
            SmallArea::Country(c) => Area::Country(c),
            SmallArea::Subdivision(code) => Area::Subdivision(code),
        }
    }
}

pub fn subdivision_bytes(code: &str) -> [u8; 6] {
    let mut out = [0; 6];
    for (o, b) in out.iter_mut().zip(code.bytes()) {
        *o = b;
    }
    out
}

/// A service's areas packed.
pub fn pack(service: &Service) -> Vec<Area> {
    service.areas.iter().map(pack_area).collect()
}

fn pack_area(a: &ServiceArea) -> Area {
    match a {
        ServiceArea::World => Area::World,
        ServiceArea::Country(c) => Area::Country(*c),
        ServiceArea::Subdivision(code) => Area::Subdivision(subdivision_bytes(code)),
        ServiceArea::Radius { center, km } => Area::Radius { center: *center, km: *km as f32, home: area_country(a) },
    }
}

/// A place, packed once per query for [`covers`].
pub struct Here {
    country: CountryCode,
    subdivisions: Vec<[u8; 6]>,
    origin: Option<Origin>,
    radius_km: f64,
}

impl Here {
    pub fn new(place: &Place, radius_km: f64) -> Here {
        Here {
            country: place.country,
            subdivisions: place.subdivisions.iter().map(|s| subdivision_bytes(s)).collect(),
            origin: place.point.map(Origin::new),
            radius_km,
        }
    }

    pub fn has_point(&self) -> bool {
        self.origin.is_some()
    }

    /// The distance from the place's point to the nearest of `locations`, if it has a point and there
    /// are any.
    pub fn nearest_km(&self, locations: &[Point]) -> Option<f64> {
        let origin = self.origin?;
        locations.iter().map(|l| origin.distance_km(*l)).reduce(f64::min)
    }

    /// Whether one of `locations` lies within the radius around the place's point. With no radius, only
    /// a location at the point itself does (its distance is 0), found without working out distances.
    fn near(&self, locations: &[Point]) -> bool {
        let Some(origin) = self.origin else { return false };
        if self.radius_km <= 0.0 {
            return locations.contains(&origin.point);
        }
        locations.iter().any(|l| origin.within_km(*l, self.radius_km))
    }

    fn coverage(&self, area: &Area) -> Coverage {
        match (area, self.origin) {
            (Area::World, _) => Coverage::Covers,
            (Area::Country(c), _) if *c == self.country => Coverage::Covers,
            (Area::Country(_), _) => Coverage::None,
            (Area::Subdivision(code), _) => {
                if &code[..2] != self.country.as_str().as_bytes() {
                    Coverage::None
                } else if self.subdivisions.contains(code) {
                    Coverage::Covers
                } else if self.subdivisions.is_empty() {
                    Coverage::PartOfCountry
                } else {
                    Coverage::None
                }
            }
            // A radius counts as part of a point-less place's country only when its centre lies in that
            // country (as `area_country` places it).
            (Area::Radius { home, .. }, None) if *home == Some(self.country) => Coverage::PartOfCountry,
            (Area::Radius { .. }, None) => Coverage::None,
            (Area::Radius { center, km, .. }, Some(origin)) if origin.within_km(*center, f64::from(*km)) => {
                Coverage::Covers
            }
            (Area::Radius { .. }, Some(_)) => Coverage::None,
        }
    }
}

/// The exact test, on packed areas (from [`pack`]) and location points.
pub fn covers(areas: &[Area], locations: &[Point], here: &Here) -> Reach {
    let (mut coverage, mut local) = (Coverage::None, Coverage::None);
    for area in areas {
        let c = here.coverage(area);
        coverage = coverage.max(c);
        if *area != Area::World {
            local = local.max(c);
        }
    }
    Reach { coverage, near: here.near(locations), worldwide: coverage != Coverage::None && local == Coverage::None }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_circle_is_filed_under_the_cells_it_touches() {
        let cells = cells_around(Point { lat: 59.9, lon: 10.7 }, 50.0, 100).expect("few cells");
        assert!(cells.contains(&(59, 10)));
        assert!(cells.contains(&(60, 11)), "50 km north-east of Oslo is in the next cells");
        assert!(cells.len() <= 12, "{cells:?}");
        assert!(cells_around(Point { lat: 0.0, lon: 0.0 }, 5000.0, 400).is_none());
    }

    /// A service that covers the whole of a place is filed under one of its covering keys, at whole
    /// countries, their subdivisions and cities with a point.
    #[test]
    fn what_covers_a_place_is_under_its_covering_keys() {
        use crate::geo::atlas;
        use std::collections::HashMap;
        let directory = crate::generate::directory(20_000, 3);
        let points: HashMap<_, _> = directory.locations.iter().map(|l| (l.id, l.point)).collect();
        let mut places = Vec::new();
        for city in atlas().cities().iter().filter(|c| c.population > 1_000_000).step_by(7) {
            let subdivisions = city.subdivision.as_deref().map(|s| atlas().subdivision_chain(s)).unwrap_or_default();
            places.push(Place { country: city.country, subdivisions: Vec::new(), point: None });
            places.push(Place { country: city.country, subdivisions: subdivisions.clone(), point: None });
            places.push(Place { country: city.country, subdivisions, point: Some(city.point) });
        }
        let mut covering = 0;
        for place in &places {
            let (asked, here) = (covering_keys_for(place), Here::new(place, 0.0));
            for s in &directory.services {
                let located: Vec<Point> = s.location_ids.iter().filter_map(|id| points.get(id).copied()).collect();
                if covers(&pack(s), &located, &here).coverage != Coverage::Covers {
                    continue;
                }
                covering += 1;
                let filed = keys_of(s, &located);
                assert!(filed.iter().any(|k| asked.contains(k)), "{} filed under {filed:?}, asked {asked:?}", s.name);
            }
        }
        assert!(places.len() > 30 && covering > 10_000, "{} places, {covering} covering", places.len());
    }

    fn coverage(area: &str, place: &Place) -> Coverage {
        let area: ServiceArea = area.parse().expect("a valid area");
        covers(&[pack_area(&area)], &[], &Here::new(place, 0.0)).coverage
    }

    fn cc(code: &str) -> crate::model::CountryCode {
        code.parse().expect("valid code")
    }

    fn oslo() -> Place {
        Place { country: cc("NO"), subdivisions: vec!["NO-03".into()], point: Some(Point { lat: 59.91, lon: 10.75 }) }
    }

    #[test]
    fn a_danish_service_does_not_cover_norway() {
        assert_eq!(coverage("DK", &oslo()), Coverage::None);
        assert_eq!(coverage("NO", &oslo()), Coverage::Covers);
        assert_eq!(coverage("world", &oslo()), Coverage::Covers);
    }

    #[test]
    fn subdivisions_cover_only_their_own_region() {
        assert_eq!(coverage("NO-03", &oslo()), Coverage::Covers);
        assert_eq!(coverage("NO-46", &oslo()), Coverage::None);
        let norway = Place { country: cc("NO"), subdivisions: vec![], point: None };
        assert_eq!(coverage("NO-46", &norway), Coverage::PartOfCountry);
    }

    #[test]
    fn a_radius_covers_points_inside_it() {
        assert_eq!(coverage("radius:60.39,5.32,50", &oslo()), Coverage::None);
        let near = Place { point: Some(Point { lat: 60.3, lon: 5.4 }), ..oslo() };
        assert_eq!(coverage("radius:60.39,5.32,50", &near), Coverage::Covers);
    }

    #[test]
    fn a_radius_partly_covers_only_its_own_country_when_the_place_has_no_point() {
        let around_bergen: ServiceArea = "radius:60.39,5.32,50".parse().expect("valid");
        assert_eq!(area_country(&around_bergen), Some(cc("NO")));
        let norway = Place { country: cc("NO"), subdivisions: vec![], point: None };
        let japan = Place { country: cc("JP"), subdivisions: vec![], point: None };
        assert_eq!(coverage("radius:60.39,5.32,50", &norway), Coverage::PartOfCountry);
        assert_eq!(coverage("radius:60.39,5.32,50", &japan), Coverage::None);
    }

    /// "Near" without working out distances at radius 0 is "at distance 0", and the nearest location's
    /// distance is the smallest: for every location of generated data, around big cities and at some
    /// locations' own points, with and without a radius.
    #[test]
    fn near_and_nearest_are_the_distances_they_stand_for() {
        use crate::geo::atlas;
        let directory = crate::generate::directory(5_000, 6);
        let points: Vec<Point> = directory.locations.iter().map(|l| l.point).collect();
        let cities = atlas().cities().iter().filter(|c| c.population > 2_000_000).map(|c| (c.country, c.point));
        let at_locations = directory.locations.iter().step_by(50).map(|l| (l.country, l.point));
        let (mut near, mut tested) = (0, 0);
        for (country, point) in cities.chain(at_locations) {
            let place = Place { country, subdivisions: Vec::new(), point: Some(point) };
            for radius_km in [0.0, 10.0, 100.0] {
                let here = Here::new(&place, radius_km);
                for list in points.chunks(3) {
                    let distances: Vec<f64> = list.iter().map(|l| l.distance_km(point)).collect();
                    assert_eq!(here.near(list), distances.iter().any(|&d| d <= radius_km), "{list:?} {radius_km}");
                    assert_eq!(here.nearest_km(list), distances.iter().copied().reduce(f64::min));
                    near += usize::from(here.near(list));
                    tested += 1;
                }
            }
        }
        assert!(near > 100 && near < tested, "{near} of {tested} near");
        let nowhere =
            Here::new(&Place { country: directory.locations[0].country, subdivisions: Vec::new(), point: None }, 50.0);
        assert!(!nowhere.near(&points) && nowhere.nearest_km(&points).is_none());
    }

    #[test]
    fn cells_wrap_around_the_date_line() {
        let cells = cells_around(Point { lat: -17.0, lon: 179.8 }, 50.0, 100).expect("few cells");
        assert!(cells.contains(&(-17, 179)) && cells.contains(&(-17, -180)), "{cells:?}");
    }
}
