//! `/places?q=`: find a city or region by name — an HTML list for browsers without JavaScript, JSON
//! (`format=json`) for the type-ahead. `/places/near?lat=&lon=`: the nearest city to a point, for the
//! opt-in "use my location" (the point is rounded and used for this request only).

use super::render;
use crate::geo::{atlas, PlaceRef};
use crate::i18n::{Language, Messages};
use crate::model::{CountryCode, Point};
use crate::web::language::Visit;
use crate::web::params::Params;
use crate::web::{AppState, Frame, WebError};
use askama::Template;
use axum::extract::{RawQuery, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

const MAX_PLACES: usize = 10;
const MAX_PLACE_QUERY: usize = 100;

#[derive(Serialize)]
pub struct PlaceLink {
    pub name: String,
    pub detail: String,
    pub href: String,
}

#[derive(Template)]
#[template(path = "places.html")]
struct PlacesPage {
    t: &'static Messages,
    frame: Frame,
    query: String,
    country_slug: String,
    places: Vec<PlaceLink>,
}

fn link(place: &PlaceRef, t: &Messages) -> PlaceLink {
    let country_name = t.country_name(place.country());
    let slug = place.country().slug();
    match place {
        PlaceRef::City(c) => {
            let region = c.subdivision.as_deref().and_then(|s| atlas().subdivision(s)).map(|s| s.name.as_str());
            PlaceLink {
                name: c.name.clone(),
                detail: region.map_or_else(|| country_name.to_string(), |r| format!("{r}, {country_name}")),
                href: format!("/{slug}?city={}", c.id),
            }
        }
        PlaceRef::Subdivision(s) => PlaceLink {
            name: s.name.clone(),
            detail: format!("{}, {country_name}", s.kind),
            href: format!("/{slug}?region={}", s.code),
        },
    }
}

fn json_error(message: String) -> Response {
    (StatusCode::BAD_REQUEST, Json(serde_json::json!({ "error": message }))).into_response()
}

pub async fn search(State(state): State<AppState>, visit: Visit, RawQuery(raw): RawQuery) -> Response {
    let country_param = raw
        .as_deref()
        .and_then(|q| Params::parse(Some(q)).ok())
        .and_then(|p| p.one("country").and_then(|c| atlas().parse_country(c)).map(|c| c.code));
    let t = visit.messages(country_param.map_or(Language::English, Language::of_country));
    let params = match Params::parse(raw.as_deref()) {
        Ok(p) => p,
        Err(e) => return e.into_response(),
    };
    let json = params.one("format") == Some("json");
    let fail = |message: String| if json { json_error(message) } else { WebError::BadRequest(message).into_response() };
    let query = params.one("q").unwrap_or("").trim().to_string();
    if query.chars().count() > MAX_PLACE_QUERY {
        return fail(t.with("error.place_too_long", "max", &MAX_PLACE_QUERY.to_string()));
    }
    let country: Option<CountryCode> = match params.one("country") {
        None => None,
        Some(code) => match atlas().parse_country(code) {
            Some(c) => Some(c.code),
            None => return fail(t.with("error.unknown_country", "code", code)),
        },
    };
    let places: Vec<PlaceLink> =
        atlas().find_places(&query, country, MAX_PLACES).iter().map(|m| link(&m.place, t)).collect();
    if json {
        return ([(header::CACHE_CONTROL, "public, max-age=3600")], Json(places)).into_response();
    }
    let frame = match country {
        Some(c) => Frame::for_country(&visit, &state.index(), c),
        None => Frame::international(&visit, Language::English),
    };
    let page = PlacesPage {
        t,
        frame: frame.titled(t.get("places.title")),
        query,
        country_slug: country.map(|c| c.slug()).unwrap_or_default(),
        places,
    };
    render(t, page).unwrap_or_else(IntoResponse::into_response)
}

/// Rounds a coordinate to about a kilometre: enough to find the nearest city, not enough to locate a
/// person.
fn round(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

pub async fn near(visit: Visit, RawQuery(raw): RawQuery) -> Response {
    let t = visit.messages(Language::English);
    let params = match Params::parse(raw.as_deref()) {
        Ok(p) => p,
        Err(e) => return json_error(e.to_string()),
    };
    let coordinate = |key: &str| params.one(key).and_then(|v| v.parse::<f64>().ok()).filter(|v| v.is_finite());
    let (Some(lat), Some(lon)) = (coordinate("lat"), coordinate("lon")) else {
        return json_error(t.get("error.bad_coordinates").into());
    };
    let point = Point { lat: round(lat), lon: round(lon) };
    if !point.is_valid() {
        return json_error(t.get("error.bad_coordinates").into());
    }
    let by_distance = atlas().cities().iter().map(|c| (c.point.distance_km(point), c));
    match by_distance.min_by(|a, b| a.0.total_cmp(&b.0)) {
        Some((_, city)) => {
            ([(header::CACHE_CONTROL, "no-store")], Json(link(&PlaceRef::City(city), t))).into_response()
        }
        None => json_error(t.get("places.none_near").into()),
    }
}
