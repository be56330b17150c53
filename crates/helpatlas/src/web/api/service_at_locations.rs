//! `GET /api/service_at_locations` and `GET /api/service_at_locations/{id}`: each service at each of
//! its locations (ids are UUIDv5 of both, as in the export).

use super::list::{self, ListQuery};
use super::{json_response, path_id, ApiError, ApiResult};
use crate::geo::{atlas, PlaceRef};
use crate::hsds::{documents, export};
use crate::model::{Location, Point, Service};
use crate::search::Index;
use crate::web::AppState;
use axum::extract::{Path, RawQuery, State};
use axum::http::HeaderMap;
use serde_json::{json, Value};
use uuid::Uuid;

/// Default and largest search radius of `proximity`, in metres.
const DEFAULT_METRES: f64 = 50_000.0;
const MAX_METRES: f64 = 500_000.0;

/// A point and a distance: only locations within it, nearest first.
struct Proximity {
    center: Point,
    km: f64,
}

/// Parses `proximity=LAT,LON[,METRES]` or `proximity=PLACE[,METRES]`; refuses `postcode`.
fn proximity(raw: Option<&str>) -> Result<Option<Proximity>, ApiError> {
    let pairs: Vec<(String, String)> = url::form_urlencoded::parse(raw.unwrap_or("").as_bytes()).into_owned().collect();
    if pairs.iter().any(|(k, _)| k == "postcode") {
        return Err(ApiError::bad_request(
            "postcode: not supported (no postcode data); use proximity=LAT,LON,METRES or proximity=PLACE,METRES",
        ));
    }
    let Some((_, value)) = pairs.iter().find(|(k, _)| k == "proximity") else { return Ok(None) };
    let bad = || ApiError::bad_request("proximity: expected LAT,LON[,METRES] or PLACE[,METRES]");
    let parts: Vec<&str> = value.split(',').map(str::trim).collect();
    let numbers: Vec<Option<f64>> = parts.iter().map(|p| p.parse::<f64>().ok().filter(|x| x.is_finite())).collect();
    let (center, metres) = match numbers.as_slice() {
        [Some(lat), Some(lon)] => (Point { lat: *lat, lon: *lon }, None),
        [Some(lat), Some(lon), Some(m)] => (Point { lat: *lat, lon: *lon }, Some(*m)),
        [None] | [None, Some(_)] if !parts[0].is_empty() => {
            let place = atlas().find_places(parts[0], None, 10).into_iter().find_map(|m| match m.place {
                PlaceRef::City(c) => Some(c.point),
                PlaceRef::Subdivision(_) => None,
            });
            let center =
                place.ok_or_else(|| ApiError::not_found(format!("proximity: no city called `{}`", parts[0])))?;
            (center, numbers.get(1).copied().flatten())
        }
        _ => return Err(bad()),
    };
    let metres = metres.unwrap_or(DEFAULT_METRES);
    if !center.is_valid() || metres <= 0.0 {
        return Err(bad());
    }
    Ok(Some(Proximity { center, km: metres.min(MAX_METRES) / 1000.0 }))
}

fn pairs<'a>(index: &'a Index, q: &ListQuery) -> Vec<(Uuid, &'a Service, &'a Location)> {
    let mut out: Vec<(Uuid, &Service, &Location)> = index
        .services()
        .filter(|s| super::services::matches(index, s, q))
        .flat_map(|s| s.location_ids.iter().filter_map(move |l| index.location(*l)).map(move |l| (s, l)))
        .map(|(s, l)| (export::child_id("service_at_location", s.id, &l.id.to_string()), s, l))
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
    let near = proximity(raw.as_deref())?;
    let index = state.index();
    if q.ndjson {
        return Ok(list::stream_ndjson(&headers, raw.as_deref(), index, move |index, emit| {
            selected(index, &q, near.as_ref()).into_iter().for_each(|item| emit(render(index, item, &q)));
        }));
    }
    list::answer(&headers, &q, selected(&index, &q, near.as_ref()), |item| render(&index, *item, &q))
}

type Item<'a> = (Uuid, &'a Service, &'a Location);

/// The records the query asks for: by id, or nearest first within `near`.
fn selected<'a>(index: &'a Index, q: &ListQuery, near: Option<&Proximity>) -> Vec<Item<'a>> {
    let mut items = pairs(index, q);
    if let Some(p) = near {
        items.retain(|(_, _, l)| l.point.distance_km(p.center) <= p.km);
        items.sort_by(|a, b| a.2.point.distance_km(p.center).total_cmp(&b.2.point.distance_km(p.center)));
    }
    items
}

fn render(index: &Index, (id, s, l): Item, q: &ListQuery) -> Value {
    if q.full {
        return documents::service_at_location_document(s, l, index);
    }
    json!({"id": id, "service_id": s.id, "location_id": l.id, "location": documents::location_document(l)})
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
    let (_, service, location) = pairs(&index, &ListQuery::default())
        .into_iter()
        .find(|(candidate, _, _)| *candidate == id)
        .ok_or_else(|| ApiError::not_found(format!("no service_at_location with id {id}")))?;
    let value: Value = documents::service_at_location_document(service, location, index.as_ref());
    Ok(json_response(&headers, &value))
}
