//! `GET /api/service_at_locations` and `GET /api/service_at_locations/{id}`: each service at each of
//! its locations (ids are UUIDv5 of both, as in the export).

use super::list::{self, ListQuery};
use super::{json_response, path_id, ApiError, ApiResult};
use crate::hsds::{documents, export};
use crate::model::{Location, Service};
use crate::search::Index;
use crate::web::AppState;
use axum::extract::{Path, RawQuery, State};
use axum::http::HeaderMap;
use serde_json::{json, Value};
use uuid::Uuid;

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
    params(super::openapi::ListParams),
    responses(
        (status = 200, description = "A `Page` of service-at-location records", content((super::openapi::Page = "application/json"), (String = "application/x-ndjson"))),
        (status = 400, description = "A parameter is invalid", body = super::openapi::Error),
    ))]
pub async fn list(State(state): State<AppState>, RawQuery(raw): RawQuery, headers: HeaderMap) -> ApiResult {
    let q = ListQuery::parse(raw.as_deref())?;
    let index = state.index();
    let items = pairs(&index, &q);
    list::answer(&headers, &q, items, |(id, s, l)| {
        if q.full {
            return documents::service_at_location_document(s, l, index.as_ref());
        }
        json!({"id": id, "service_id": s.id, "location_id": l.id, "location": documents::location_document(l)})
    })
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
