//! `GET /api/service_at_locations` and `GET /api/service_at_locations/{id}`: each service at each of
//! its locations (ids are UUIDv5 of both, as in the export).

use super::list::{self, ListQuery};
use super::{json_response, path_id, ApiError, ApiResult};
use crate::geo::{atlas, PlaceRef};
use crate::hsds::{documents, export};
use crate::model::{CountryCode, Point};
use crate::search::{postcode_key, Index};
use crate::web::AppState;
use axum::extract::{Path, RawQuery, State};
use axum::http::HeaderMap;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use uuid::Uuid;

/// Default and largest search radius of `proximity`, in metres.
const DEFAULT_METRES: f64 = 50_000.0;
const MAX_METRES: f64 = 500_000.0;

/// Longest `postcode` accepted, once normalised: the longest postal codes in use have 10 characters.
const MAX_POSTCODE_CHARS: usize = 32;

/// Points and a distance: only locations within the distance of one of the points, nearest first.
struct Proximity {
    centers: Vec<Point>,
    km: f64,
}

/// Where `proximity` puts its point: given, or where the `postcode`'s locations are.
enum Center {
    Point(Point),
    Postcode,
}

/// The query's place filters: `postcode` and `proximity`.
struct Near {
    /// The normalised postal code every location must have, unless it is only the centre of `proximity`.
    postcode: Option<String>,
    proximity: Option<Proximity>,
}

/// The centroid of the locations with `postcode`, one per country: postal codes repeat across
/// countries (`1000` is in Oslo, Brussels, Copenhagen, …), and a point between them is nowhere.
fn postcode_centers(index: &Index, postcode: &str) -> Vec<Point> {
    let mut sums: BTreeMap<CountryCode, (f64, f64, f64)> = BTreeMap::new();
    for (country, point) in index.postcode_points(postcode) {
        let sum = sums.entry(country).or_default();
        *sum = (sum.0 + point.lat, sum.1 + point.lon, sum.2 + 1.0);
    }
    sums.into_values().map(|(lat, lon, n)| Point { lat: lat / n, lon: lon / n }).collect()
}

/// Parses `postcode` and `proximity=LAT,LON[,METRES]`, `proximity=PLACE[,METRES]` or, with
/// `postcode`, `proximity=METRES` (around the postcode's locations).
fn near(index: &Index, raw: Option<&str>) -> Result<Near, ApiError> {
    let pairs: Vec<(String, String)> = url::form_urlencoded::parse(raw.unwrap_or("").as_bytes()).into_owned().collect();
    let postcode = match pairs.iter().find(|(k, _)| k == "postcode") {
        None => None,
        Some((_, value)) => {
            let postcode = postcode_key(value);
            if postcode.is_empty() || postcode.chars().count() > MAX_POSTCODE_CHARS {
                let message = format!("postcode: expected a postal code of 1 to {MAX_POSTCODE_CHARS} characters");
                return Err(ApiError::bad_request(message));
            }
            Some(postcode)
        }
    };
    let Some((_, value)) = pairs.iter().find(|(k, _)| k == "proximity") else {
        return Ok(Near { postcode, proximity: None });
    };
    let (center, metres) = proximity(value, postcode.is_some())?;
    let proximity = |centers| Some(Proximity { centers, km: metres.min(MAX_METRES) / 1000.0 });
    Ok(match center {
        Center::Point(point) => Near { postcode, proximity: proximity(vec![point]) },
        // The postcode is the centre here, not a filter: nearby locations with other codes count.
        Center::Postcode => {
            let centers = postcode.as_deref().map(|p| postcode_centers(index, p)).unwrap_or_default();
            Near { postcode: None, proximity: proximity(centers) }
        }
    })
}

/// Parses the value of `proximity`; a distance alone is allowed when there is a `postcode`.
fn proximity(value: &str, with_postcode: bool) -> Result<(Center, f64), ApiError> {
    let bad =
        || ApiError::bad_request("proximity: expected LAT,LON[,METRES], PLACE[,METRES] or, with postcode, METRES");
    let parts: Vec<&str> = value.split(',').map(str::trim).collect();
    let numbers: Vec<Option<f64>> = parts.iter().map(|p| p.parse::<f64>().ok().filter(|x| x.is_finite())).collect();
    let (center, metres) = match numbers.as_slice() {
        [Some(m)] if with_postcode => (Center::Postcode, Some(*m)),
        [Some(lat), Some(lon)] => (Center::Point(Point { lat: *lat, lon: *lon }), None),
        [Some(lat), Some(lon), Some(m)] => (Center::Point(Point { lat: *lat, lon: *lon }), Some(*m)),
        [None] | [None, Some(_)] if !parts[0].is_empty() => {
            let place = atlas().find_places(parts[0], None, 10).into_iter().find_map(|m| match m.place {
                PlaceRef::City(c) => Some(c.point),
                PlaceRef::Subdivision(_) => None,
            });
            let center =
                place.ok_or_else(|| ApiError::not_found(format!("proximity: no city called `{}`", parts[0])))?;
            (Center::Point(center), numbers.get(1).copied().flatten())
        }
        _ => return Err(bad()),
    };
    let metres = metres.unwrap_or(DEFAULT_METRES);
    if matches!(&center, Center::Point(p) if !p.is_valid()) || metres <= 0.0 {
        return Err(bad());
    }
    Ok((center, metres))
}

/// Each service the query asks for at each of its locations: (service-at-location id, service id,
/// location id), by id.
fn pairs(index: &Index, q: &ListQuery) -> Vec<Item> {
    let filter = super::services::Filter::new(q);
    let mut out: Vec<Item> = filter
        .candidates(index)
        .filter(|s| filter.matches(index, *s))
        .flat_map(|s| s.location_ids().iter().filter(|l| index.location_point(**l).is_some()).map(move |l| (s.id, *l)))
        .map(|(s, l)| (export::child_id("service_at_location", s, &l.to_string()), s, l))
        .collect();
    out.sort_by_key(|(id, _, _)| *id);
    out
}

#[utoipa::path(get, path = "/api/service_at_locations", tag = "HSDS",
    summary = "Services at their locations, paginated; filters apply to the service",
    params(super::openapi::ListParams, super::openapi::ProximityParams),
    responses(
        (status = 200, description = "A `Page` of service-at-location records", content((super::openapi::Page = "application/json"), (String = "application/x-ndjson"))),
        (status = 400, description = "A parameter is invalid", body = super::openapi::Error),
        (status = 404, description = "`proximity` names no known city", body = super::openapi::Error),
    ))]
pub async fn list(State(state): State<AppState>, RawQuery(raw): RawQuery, headers: HeaderMap) -> ApiResult {
    let q = ListQuery::parse(raw.as_deref())?;
    let index = state.index();
    let near = near(&index, raw.as_deref())?;
    if q.ndjson {
        return Ok(list::stream_ndjson(&headers, raw.as_deref(), index, move |index, emit| {
            selected(index, &q, &near).iter().for_each(|item| emit(render(index, item, &q)));
        }));
    }
    list::answer(&headers, &q, selected(&index, &q, &near), |item| render(&index, item, &q))
}

type Item = (Uuid, Uuid, Uuid);

/// The records the query asks for: by id, or nearest first within `near`.
fn selected(index: &Index, q: &ListQuery, near: &Near) -> Vec<Item> {
    let mut items = pairs(index, q);
    if let Some(postcode) = &near.postcode {
        items.retain(|(_, _, l)| index.location_postcode(*l) == Some(postcode.as_str()));
    }
    if let Some(p) = &near.proximity {
        let distance = |l: Uuid| {
            let point = index.location_point(l).unwrap_or(Point { lat: f64::NAN, lon: f64::NAN });
            p.centers.iter().map(|c| point.distance_km(*c)).fold(f64::INFINITY, f64::min)
        };
        let mut near: Vec<(f64, Item)> =
            items.into_iter().map(|i| (distance(i.2), i)).filter(|(d, _)| *d <= p.km).collect();
        near.sort_by(|a, b| a.0.total_cmp(&b.0));
        items = near.into_iter().map(|(_, i)| i).collect();
    }
    items
}

fn render(index: &Index, &(id, s, l): &Item, q: &ListQuery) -> Value {
    let (Some(s), Some(l)) = (index.service(s), index.location(l)) else { return Value::Null };
    if q.full {
        return documents::service_at_location_document(&s, &l, index);
    }
    json!({"id": id, "service_id": s.id, "location_id": l.id, "location": documents::location_document(&l)})
}

#[utoipa::path(get, path = "/api/service_at_locations/{id}", tag = "HSDS",
    summary = "One service at one location, with both nested",
    params(("id" = uuid::Uuid, Path, description = "The service-at-location UUID")),
    responses(
        (status = 200, description = "The record (`compiled/service_at_location.json`)", body = super::openapi::Document),
        (status = 400, description = "The id is not a UUID", body = super::openapi::Error),
        (status = 404, description = "No such record", body = super::openapi::Error),
    ))]
pub async fn one(State(state): State<AppState>, Path(id): Path<String>, headers: HeaderMap) -> ApiResult {
    let id = path_id(&id)?;
    let index = state.index();
    let not_found = || ApiError::not_found(format!("no service_at_location with id {id}"));
    let (_, service, location) = pairs(&index, &ListQuery::default())
        .into_iter()
        .find(|(candidate, _, _)| *candidate == id)
        .ok_or_else(not_found)?;
    let (Some(service), Some(location)) = (index.service(service), index.location(location)) else {
        return Err(not_found());
    };
    let value: Value = documents::service_at_location_document(&service, &location, index.as_ref());
    Ok(json_response(&headers, &value))
}
