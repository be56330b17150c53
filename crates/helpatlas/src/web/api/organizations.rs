//! `GET /api/organizations` and `GET /api/organizations/{id}`.

use super::list::{self, ListQuery};
use super::{json_response, path_id, ApiError, ApiResult};
use crate::geo::fold;
use crate::hsds::documents;
use crate::model::Organization;
use crate::search::Index;
use crate::web::AppState;
use axum::extract::{Path, RawQuery, State};
use axum::http::HeaderMap;
use serde_json::Value;
use uuid::Uuid;

/// Whether an organization passes every filter; it is decoded only when a filter reads it.
fn matches(index: &Index, id: Uuid, q: &ListQuery) -> bool {
    if q.organization_id.is_some_and(|o| o != id) {
        return false;
    }
    if q.modified_after.is_none() && q.search.is_none() && q.taxonomy_term_id.is_none() && q.taxonomy_id.is_none() {
        return true;
    }
    index.organization(id).is_some_and(|o| record_matches(index, &o, q))
}

fn record_matches(index: &Index, o: &Organization, q: &ListQuery) -> bool {
    let words = |text: &str| {
        let haystack = fold(&format!("{} {}", o.name, o.description));
        fold(text).split(' ').filter(|w| !w.is_empty()).all(|w| haystack.split(' ').any(|h| h.starts_with(w)))
    };
    // An organization is classified by the terms of its services.
    let classified = (q.taxonomy_term_id.is_none() && q.taxonomy_id.is_none()) || {
        let terms =
            ListQuery { taxonomy_term_id: q.taxonomy_term_id, taxonomy_id: q.taxonomy_id, ..ListQuery::default() };
        index.services_of(o.id).iter().any(|s| super::services::record_matches(index, s, &terms))
    };
    q.modified_after.is_none_or(|t| o.last_modified >= t) && q.search.as_deref().is_none_or(words) && classified
}

/// An organization with its services and locations (`full`), or its own fields only.
fn render(index: &Index, id: &Uuid, q: &ListQuery) -> Value {
    match index.organization(*id) {
        None => Value::Null,
        Some(o) if !q.full => documents::organization_record(&o),
        Some(o) => document(index, &o),
    }
}

/// The organization with its services and every location, also those no service uses (HSDS
/// `organization.locations`).
fn document(index: &Index, o: &Organization) -> Value {
    documents::organization_document(o, &index.locations_of(o.id), &index.services_of(o.id))
}

#[utoipa::path(get, path = "/api/organizations", tag = "HSDS",
    summary = "Organizations, paginated",
    params(super::openapi::ListParams),
    responses(
        (status = 200, description = "A `Page` of organizations", content((super::openapi::Page = "application/json"), (String = "application/x-ndjson"))),
        (status = 400, description = "A parameter is invalid", body = super::openapi::Error),
    ))]
pub async fn list(State(state): State<AppState>, RawQuery(raw): RawQuery, headers: HeaderMap) -> ApiResult {
    let q = ListQuery::parse(raw.as_deref())?;
    list::respond(&headers, raw.as_deref(), q, state.index(), selected, render)
}

/// The organizations the query asks for, ordered by id.
fn selected(index: &Index, q: &ListQuery) -> Vec<Uuid> {
    index.organization_ids().iter().copied().filter(|id| matches(index, *id, q)).collect()
}

#[utoipa::path(get, path = "/api/organizations/{id}", tag = "HSDS",
    summary = "One organization with its locations and services",
    params(("id" = uuid::Uuid, Path, description = "The organization's UUID")),
    responses(
        (status = 200, description = "The organization (`compiled/organization.json`)", body = super::openapi::Document),
        (status = 400, description = "The id is not a UUID", body = super::openapi::Error),
        (status = 404, description = "No such organization", body = super::openapi::Error),
    ))]
pub async fn one(State(state): State<AppState>, Path(id): Path<String>, headers: HeaderMap) -> ApiResult {
    let id = path_id(&id)?;
    let index = state.index();
    let organization =
        index.organization(id).ok_or_else(|| ApiError::not_found(format!("no organization with id {id}")))?;
    Ok(json_response(&headers, &document(&index, &organization)))
}
