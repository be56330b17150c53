//! `GET /api/search`: the public site's search with every filter, for a place, with facet counts.

use super::{json_response, services, ApiError, ApiResult};
use crate::geo::atlas;
use crate::model::Kind;
use crate::search::{Facets, SearchQuery};
use crate::web::params::Params;
use crate::web::AppState;
use axum::extract::{RawQuery, State};
use axum::http::HeaderMap;
use serde_json::{json, Value};

fn counts<T: ToString>(values: &[(T, usize)]) -> Value {
    Value::Array(values.iter().map(|(v, n)| json!({"value": v.to_string(), "count": n})).collect())
}

fn facets(f: &Facets) -> Value {
    json!({
        "kind": counts(&f.kinds),
        "topic": counts(&f.topics),
        "channel": counts(&f.channels),
        "cost": counts(&f.costs),
        "lang": counts(&f.languages),
        "audience": counts(&f.audiences),
        "by": counts(&f.delivered_by),
        "open": f.open_now,
        "always": f.always_open,
    })
}

fn query(state: &AppState, raw: Option<&str>) -> Result<SearchQuery, ApiError> {
    let bad = |e: crate::web::WebError| ApiError::bad_request(e.to_string());
    let params = Params::parse(raw).map_err(bad)?;
    let code = params
        .one("country")
        .ok_or_else(|| ApiError::bad_request("country: required (an ISO 3166-1 code, e.g. NO)"))?;
    let country = atlas()
        .parse_country(code)
        .ok_or_else(|| ApiError::not_found(format!("country: no country with code `{code}`")))?;
    // A well-formed region or city that names no place is "not found", like an unknown country.
    let place = params.place(country.code, state.messages).map_err(|e| ApiError::not_found(e.to_string()))?.place;
    let filters = params.filters(state.messages).map_err(bad)?;
    let kind = params
        .one("kind")
        .map(str::parse::<Kind>)
        .transpose()
        .map_err(|e| ApiError::bad_request(format!("kind: {e}")))?;
    let mut q = filters.query(place, kind, chrono::Utc::now());
    q.per_page = match params.one("per_page") {
        None => 20,
        Some(raw) => raw.parse().ok().filter(|n| (1..=super::list::MAX_PER_PAGE).contains(n)).ok_or_else(|| {
            ApiError::bad_request(format!(
                "per_page: `{raw}` is not a whole number from 1 to {}",
                super::list::MAX_PER_PAGE
            ))
        })?,
    };
    Ok(q)
}

#[utoipa::path(get, path = "/api/search", tag = "Help Atlas",
    summary = "Search for a place with every filter of the public site; facet counts per filter value",
    params(super::openapi::SearchParams),
    responses(
        (status = 200, description = "Results (HSDS service list items with distance) and facet counts", body = super::openapi::Document),
        (status = 400, description = "A parameter is invalid", body = super::openapi::Error),
        (status = 404, description = "No such country, region or city", body = super::openapi::Error),
    ))]
pub async fn search(State(state): State<AppState>, RawQuery(raw): RawQuery, headers: HeaderMap) -> ApiResult {
    let q = query(&state, raw.as_deref())?;
    let index = state.index();
    let results = index.search(&q);
    let list = super::list::ListQuery::default();
    let hits: Vec<Value> = results
        .hits
        .iter()
        .map(|h| json!({"service": services::render_service(&index, &h.service, &list), "distance_km": h.distance_km, "partial": h.partial}))
        .collect();
    let value = json!({
        "total_items": results.total,
        "page_number": q.page,
        "per_page": q.per_page,
        "crisis": results.crisis,
        "contents": hits,
        "facets": facets(&results.facets),
    });
    Ok(json_response(&headers, &value))
}
