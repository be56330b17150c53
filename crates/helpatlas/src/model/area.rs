//! Where a service can be used: the whole world, a country, a subdivision, or a radius around a point.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// An ISO 3166-1 alpha-2 code, stored uppercase. Whether the code exists is checked against the
/// bundled reference data where it enters the program (see `geo`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CountryCode([u8; 2]);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AreaError {
    #[error("`{0}` is not an ISO 3166-1 alpha-2 country code")]
    Country(String),
    #[error("`{0}` is not an ISO 3166-2 subdivision code")]
    Subdivision(String),
    #[error("`{0}` is not a radius (expected `radius:LAT,LON,KM`)")]
    Radius(String),
}

impl CountryCode {
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("??")
    }

    /// Lowercase, as used in URLs (`/no`).
    pub fn slug(&self) -> String {
        self.as_str().to_ascii_lowercase()
    }
}

impl FromStr for CountryCode {
    type Err = AreaError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bytes = s.as_bytes();
        if bytes.len() != 2 || !bytes.iter().all(u8::is_ascii_alphabetic) {
            return Err(AreaError::Country(s.into()));
        }
        Ok(CountryCode([bytes[0].to_ascii_uppercase(), bytes[1].to_ascii_uppercase()]))
    }
}

impl TryFrom<String> for CountryCode {
    type Error = AreaError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<CountryCode> for String {
    fn from(c: CountryCode) -> String {
        c.as_str().to_string()
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A point on Earth in degrees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Point {
    pub lat: f64,
    pub lon: f64,
}

const EARTH_RADIUS_KM: f64 = 6371.0;

impl Point {
    /// Great-circle distance in kilometres (haversine; good to well under 1% for this use).
    pub fn distance_km(self, other: Point) -> f64 {
        Origin::new(self).distance_km(other)
    }

    pub fn is_valid(self) -> bool {
        (-90.0..=90.0).contains(&self.lat) && (-180.0..=180.0).contains(&self.lon)
    }
}

/// A point that many distances are measured from (a searched place, against every candidate), with
/// the cosine of its latitude worked out once.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Origin {
    pub point: Point,
    lat: f64,
    cos_lat: f64,
}

impl Origin {
    pub fn new(point: Point) -> Origin {
        let lat = point.lat.to_radians();
        Origin { point, lat, cos_lat: lat.cos() }
    }

    /// [`Point::distance_km`] from this point, to the last bit.
    pub fn distance_km(&self, other: Point) -> f64 {
        let la2 = other.lat.to_radians();
        let dlat = la2 - self.lat;
        let dlon = (other.lon - self.point.lon).to_radians();
        let a = (dlat / 2.0).sin().powi(2) + self.cos_lat * la2.cos() * (dlon / 2.0).sin().powi(2);
        2.0 * EARTH_RADIUS_KM * a.sqrt().asin()
    }

    /// Whether `other` is within `km`, exactly as `distance_km(other) <= km`. A point is never nearer
    /// than its difference in latitude, so most of those farther away are told without trigonometry;
    /// and never farther than the way along this point's parallel to its longitude, then along that
    /// meridian, so most of those well inside are too (a city's candidates mostly are: measuring them
    /// was a twentieth of a computed page at a million services). Both with a margin far above
    /// rounding: the rest are measured.
    pub fn within_km(&self, other: Point, km: f64) -> bool {
        let along_meridian = EARTH_RADIUS_KM * (other.lat.to_radians() - self.lat).abs();
        if along_meridian > km * (1.0 + 1e-9) + 1e-9 {
            return false;
        }
        let dlon = (other.lon - self.point.lon).abs();
        let dlon = if dlon > 180.0 { 360.0 - dlon } else { dlon };
        let along_parallel = EARTH_RADIUS_KM * self.cos_lat * dlon.to_radians();
        // Longitudes outside ±180° (never stored) are measured.
        if (0.0..=180.0).contains(&dlon) && along_meridian + along_parallel < km * (1.0 - 1e-9) - 1e-9 {
            return true;
        }
        self.distance_km(other) <= km
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum ServiceArea {
    World,
    Country(CountryCode),
    /// ISO 3166-2 code, e.g. `NO-03`.
    Subdivision(String),
    Radius {
        center: Point,
        km: f64,
    },
}

/// Where a person is: always a country, maybe a subdivision and a point (a chosen city).
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub country: CountryCode,
    pub subdivisions: Vec<String>,
    pub point: Option<Point>,
}

/// How a service area relates to a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Coverage {
    None,
    /// Covers part of the place's country, but the place is not known precisely enough to say more.
    PartOfCountry,
    Covers,
}

impl FromStr for ServiceArea {
    type Err = AreaError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s == "world" {
            return Ok(ServiceArea::World);
        }
        if let Some(spec) = s.strip_prefix("radius:") {
            let bad = || AreaError::Radius(s.into());
            let parts: Vec<f64> =
                spec.split(',').map(|p| p.trim().parse::<f64>().map_err(|_| bad())).collect::<Result<_, _>>()?;
            let [lat, lon, km] = parts[..] else { return Err(bad()) };
            let center = Point { lat, lon };
            if !(center.is_valid() && km > 0.0 && km <= 20_000.0) {
                return Err(bad());
            }
            return Ok(ServiceArea::Radius { center, km });
        }
        if let Some((country, rest)) = s.split_once('-') {
            let valid_rest = (1..=3).contains(&rest.len()) && rest.bytes().all(|b| b.is_ascii_alphanumeric());
            if country.parse::<CountryCode>().is_err() || !valid_rest {
                return Err(AreaError::Subdivision(s.into()));
            }
            return Ok(ServiceArea::Subdivision(s.to_ascii_uppercase()));
        }
        Ok(ServiceArea::Country(s.parse()?))
    }
}

impl TryFrom<String> for ServiceArea {
    type Error = AreaError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl fmt::Display for ServiceArea {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ServiceArea::World => f.write_str("world"),
            ServiceArea::Country(c) => write!(f, "{c}"),
            ServiceArea::Subdivision(code) => f.write_str(code),
            ServiceArea::Radius { center, km } => write!(f, "radius:{},{},{}", center.lat, center.lon, km),
        }
    }
}

impl From<ServiceArea> for String {
    fn from(a: ServiceArea) -> String {
        a.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `within_km` answers as the distance does, also at the very edge (the distance itself and the
    /// numbers just beside it), and an origin measures as the point does.
    #[test]
    fn within_is_the_distance_compared() {
        let mut points: Vec<Point> = (0..400)
            .map(|i| {
                let i = f64::from(i);
                Point { lat: ((i * 37.1) % 178.0) - 89.0, lon: ((i * 71.3) % 358.0) - 179.0 }
            })
            .collect();
        // Clusters of near points, as a city's candidates are: on the equator, at the latitudes of
        // big cities, near a pole and across the date line.
        for (lat, lon) in [(0.0, 0.0), (40.7, -74.0), (59.9, 10.8), (-33.9, 151.2), (84.0, 30.0), (-10.0, 179.9)] {
            for i in 0..30 {
                let i = f64::from(i);
                let (dlat, dlon) = ((i * 0.37) % 4.0 - 2.0, (i * 0.71) % 9.0 - 4.5);
                let lon: f64 = lon + dlon;
                let lon = if lon > 180.0 { lon - 360.0 } else { lon };
                points.push(Point { lat: (lat + dlat).clamp(-90.0, 90.0), lon });
            }
        }
        let (mut inside, mut tested) = (0, 0);
        for from in points.iter().step_by(7) {
            let origin = Origin::new(*from);
            for to in &points {
                let d = from.distance_km(*to);
                assert_eq!(origin.distance_km(*to).to_bits(), d.to_bits());
                assert_eq!(to.distance_km(*from).to_bits(), d.to_bits(), "the same either way");
                let beside = |step: i64| f64::from_bits(d.to_bits().saturating_add_signed(step));
                for km in [0.0, 10.0, 100.0, 250.0, 500.0, 5_000.0, d, beside(-1), beside(1)] {
                    assert_eq!(origin.within_km(*to, km), d <= km, "{from:?} {to:?} {km}");
                    inside += usize::from(d <= km);
                    tested += 1;
                }
            }
        }
        assert!(inside > tested / 5 && inside < tested, "{inside} of {tested}");
    }

    #[test]
    fn oslo_to_bergen_is_about_305_km() {
        let d = Point { lat: 59.9139, lon: 10.7522 }.distance_km(Point { lat: 60.3913, lon: 5.3221 });
        assert!((300.0..310.0).contains(&d), "{d}");
    }

    #[test]
    fn malformed_areas_are_rejected() {
        assert!("Norway".parse::<ServiceArea>().is_err());
        assert!("radius:91,0,5".parse::<ServiceArea>().is_err());
        assert!("radius:1,2".parse::<ServiceArea>().is_err());
        assert!("NO-".parse::<ServiceArea>().is_err());
        assert_eq!("radius:1,2,3".parse::<ServiceArea>().map(|a| a.to_string()), Ok("radius:1,2,3".into()));
    }
}
