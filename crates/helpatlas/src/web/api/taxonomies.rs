//! `GET /api/taxonomies[/{id}]` and `GET /api/taxonomy_terms[/{id}]`: the published `helpatlas`
//! taxonomy, the one every service is classified by.

use super::list::{self, ListQuery};
use super::{json_response, path_id, ApiError, ApiResult};
use crate::geo::fold;
use crate::hsds::documents;
use crate::hsds::taxonomy::{self, Term};
use axum::extract::{Path, RawQuery};
use axum::http::HeaderMap;
use serde_json::Value;

#[utoipa::path(get, path = "/api/taxonomies", tag = "HSDS",
    summary = "The taxonomies in use (one: `helpatlas`)",
    params(super::openapi::ListParams),
    responses(
        (status = 200, description = "A `Page` of taxonomies", content((super::openapi::Page = "application/json"), (String = "application/x-ndjson"))),
        (status = 400, description = "A parameter is invalid", body = super::openapi::Error),
    ))]
pub async fn list_taxonomies(RawQuery(raw): RawQuery, headers: HeaderMap) -> ApiResult {
    let q = ListQuery::parse(raw.as_deref())?;
    let ours = q.taxonomy_id.is_none_or(|id| id == taxonomy::taxonomy_id());
    let items: Vec<Value> = if ours { vec![Value::Object(documents::taxonomy_record())] } else { Vec::new() };
    list::answer(&headers, &q, items, Value::clone)
}

#[utoipa::path(get, path = "/api/taxonomies/{id}", tag = "HSDS",
    summary = "One taxonomy",
    params(("id" = uuid::Uuid, Path, description = "The taxonomy's UUID")),
    responses(
        (status = 200, description = "The taxonomy", body = super::openapi::Document),
        (status = 400, description = "The id is not a UUID", body = super::openapi::Error),
        (status = 404, description = "No such taxonomy", body = super::openapi::Error),
    ))]
pub async fn one_taxonomy(Path(id): Path<String>, headers: HeaderMap) -> ApiResult {
    let id = path_id(&id)?;
    if id != taxonomy::taxonomy_id() {
        return Err(ApiError::not_found(format!("no taxonomy with id {id}")));
    }
    Ok(json_response(&headers, &Value::Object(documents::taxonomy_record())))
}

fn term_matches(term: &Term, q: &ListQuery) -> bool {
    q.taxonomy_id.is_none_or(|id| id == taxonomy::taxonomy_id())
        && q.taxonomy_term_id.is_none_or(|id| id == term.id())
        && q.search.as_deref().is_none_or(|text| fold(&format!("{} {}", term.code, term.name)).contains(&fold(text)))
}

#[utoipa::path(get, path = "/api/taxonomy_terms", tag = "HSDS",
    summary = "The terms of the `helpatlas` taxonomy (codes `vocabulary:code`)",
    params(super::openapi::ListParams),
    responses(
        (status = 200, description = "A `Page` of taxonomy terms", content((super::openapi::Page = "application/json"), (String = "application/x-ndjson"))),
        (status = 400, description = "A parameter is invalid", body = super::openapi::Error),
    ))]
pub async fn list_terms(RawQuery(raw): RawQuery, headers: HeaderMap) -> ApiResult {
    let q = ListQuery::parse(raw.as_deref())?;
    let mut terms: Vec<&Term> = taxonomy::terms().iter().filter(|t| term_matches(t, &q)).collect();
    terms.sort_by_key(|t| t.id());
    list::answer(&headers, &q, terms, |t| documents::term_document(t))
}

#[utoipa::path(get, path = "/api/taxonomy_terms/{id}", tag = "HSDS",
    summary = "One taxonomy term, with its taxonomy",
    params(("id" = uuid::Uuid, Path, description = "The term's UUID")),
    responses(
        (status = 200, description = "The term", body = super::openapi::Document),
        (status = 400, description = "The id is not a UUID", body = super::openapi::Error),
        (status = 404, description = "No such term", body = super::openapi::Error),
    ))]
pub async fn one_term(Path(id): Path<String>, headers: HeaderMap) -> ApiResult {
    let id = path_id(&id)?;
    let term = taxonomy::term(id).ok_or_else(|| ApiError::not_found(format!("no taxonomy term with id {id}")))?;
    Ok(json_response(&headers, &documents::term_document(term)))
}
