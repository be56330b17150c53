//! `GET /api/services` and `GET /api/services/{id}`.

use super::list::{self, ListQuery};
use super::{json_response, path_id, ApiError, ApiResult};
use crate::geo::fold;
use crate::hsds::{documents, export, taxonomy};
use crate::model::{Provenance, Service};
use crate::search::{Index, SummaryRef};
use crate::web::AppState;
use axum::extract::{Path, RawQuery, State};
use axum::http::HeaderMap;
use serde_json::Value;
use std::collections::HashMap;
use uuid::Uuid;

/// The query's service filters (HSDS filters combine with AND), with the term's place worked out once.
pub struct Filter<'q> {
    q: &'q ListQuery,
    /// `Some(None)`: a term no service has.
    term: Option<Option<u16>>,
}

impl<'q> Filter<'q> {
    pub fn new(q: &'q ListQuery) -> Filter<'q> {
        Filter { q, term: q.taxonomy_term_id.map(taxonomy::ordinal) }
    }

    /// Whether the service passes: what its summary holds is tested first, and the record is decoded
    /// only for the text filter.
    pub fn matches(&self, index: &Index, s: SummaryRef) -> bool {
        let q = self.q;
        let passes = q.organization_id.is_none_or(|o| s.organization_id == o)
            && q.modified_after.is_none_or(|t| s.last_modified >= t)
            && q.taxonomy_id.is_none_or(|t| t == taxonomy::taxonomy_id())
            && self.term.is_none_or(|term| term.is_some_and(|t| s.terms().contains(&t)));
        if !passes || q.search.is_none() {
            return passes;
        }
        index.service(s.id).is_some_and(|full| record_matches(index, &full, q))
    }

    /// The services to test, by id: for a text filter only those the text index finds for its words.
    pub fn candidates<'a>(&self, index: &'a Index) -> Box<dyn Iterator<Item = SummaryRef<'a>> + 'a> {
        match self.q.search.as_deref() {
            Some(text) => {
                let mut found = index.with_word_prefixes(text);
                found.sort_unstable_by_key(|s| s.id);
                Box::new(found.into_iter())
            }
            None => Box::new(index.services_by_id()),
        }
    }
}

/// Whether a service passes the filters that read the whole record: term and text.
pub fn record_matches(index: &Index, s: &Service, q: &ListQuery) -> bool {
    let term = |id| crate::model::terms::service_term_codes(s).iter().any(|code| taxonomy::term_id(code) == id);
    q.taxonomy_id.is_none_or(|t| t == taxonomy::taxonomy_id())
        && q.taxonomy_term_id.is_none_or(term)
        && q.search.as_deref().is_none_or(|text| mentions(index, s, text))
}

/// Every word of `text` starts a word of the service's name, description or organization's name.
fn mentions(index: &Index, s: &Service, text: &str) -> bool {
    let organization = index.organization(s.organization_id).map(|o| o.name).unwrap_or_default();
    let haystack =
        fold(&format!("{} {} {} {organization}", s.name, s.alternate_name.as_deref().unwrap_or(""), s.description));
    let words: Vec<&str> = haystack.split(' ').collect();
    fold(text).split(' ').filter(|w| !w.is_empty()).all(|w| words.iter().any(|h| h.starts_with(w)))
}

/// A service as a list shows it: its own fields and its organization (`compiled/service_list.json`);
/// `minimal` keeps only what identifies it and when it changed; `full` nests everything.
pub fn render_service(index: &Index, s: &Service, q: &ListQuery) -> Value {
    if q.full {
        return documents::service_document(s, index, documents::Nesting { organization: true, locations: true });
    }
    let mut record = export::service_record(s);
    if q.minimal {
        record.retain(|k, _| MINIMAL_FIELDS.contains(&k.as_str()));
    } else if let Some(organization) = index.organization(s.organization_id) {
        record.insert("organization".into(), documents::organization_record(&organization));
    }
    Value::Object(record)
}

/// The service `id` as a list shows it.
fn render(index: &Index, id: &Uuid, q: &ListQuery) -> Value {
    index.service(*id).map_or(Value::Null, |s| render_service(index, &s, q))
}

/// What identifies a service and when it changed.
const MINIMAL_FIELDS: &[&str] = &["id", "name", "status", "last_modified"];

#[utoipa::path(get, path = "/api/services", tag = "HSDS",
    summary = "Services, paginated; filters combine with AND",
    params(super::openapi::ListParams),
    responses(
        (status = 200, description = "A `Page` of services (or ndjson with `format=ndjson`)", content((super::openapi::Page = "application/json"), (String = "application/x-ndjson"))),
        (status = 400, description = "A parameter is invalid", body = super::openapi::Error),
    ))]
pub async fn list(State(state): State<AppState>, RawQuery(raw): RawQuery, headers: HeaderMap) -> ApiResult {
    let q = ListQuery::parse(raw.as_deref())?;
    let index = state.index();
    if !q.full {
        return list::respond(&headers, raw.as_deref(), q, index, selected, render);
    }
    // Full documents carry the provenance of what feeds brought: looked up for the services shown.
    let ids = selected(&index, &q);
    let shown = match q.ndjson {
        true => None,
        false => Some(ids.iter().skip((q.page - 1) * q.per_page).take(q.per_page).copied().collect::<Vec<_>>()),
    };
    let provenance = provenance(&state, shown.as_deref()).await?;
    let with_provenance = move |index: &Index, id: &Uuid, q: &ListQuery| {
        let mut document = render(index, id, q);
        documents::add_service_provenance(&mut document, &|id| provenance.get(&id));
        document
    };
    list::respond(&headers, raw.as_deref(), q, index, move |_, _| ids.clone(), with_provenance)
}

/// Where the records among `ids` (all with `None`) that followed feeds brought came from.
async fn provenance(state: &AppState, ids: Option<&[Uuid]>) -> Result<HashMap<Uuid, Provenance>, ApiError> {
    let found = state.store.provenance(ids).await;
    let found = found.map_err(|e| ApiError::unavailable(format!("the provenance of records cannot be read: {e}")))?;
    Ok(found.into_iter().collect())
}

/// The services the query asks for, ordered by id.
fn selected(index: &Index, q: &ListQuery) -> Vec<Uuid> {
    let filter = Filter::new(q);
    filter.candidates(index).filter(|s| filter.matches(index, *s)).map(|s| s.id).collect()
}

#[utoipa::path(get, path = "/api/services/{id}", tag = "HSDS",
    summary = "One service, fully nested (organization, locations, phones, schedules, attributes …)",
    params(("id" = uuid::Uuid, Path, description = "The service's UUID")),
    responses(
        (status = 200, description = "The service (`compiled/service.json`)", body = super::openapi::Document),
        (status = 400, description = "The id is not a UUID", body = super::openapi::Error),
        (status = 404, description = "No such service", body = super::openapi::Error),
    ))]
pub async fn one(State(state): State<AppState>, Path(id): Path<String>, headers: HeaderMap) -> ApiResult {
    let id = path_id(&id)?;
    let index = state.index();
    let service = index.service(id).ok_or_else(|| ApiError::not_found(format!("no service with id {id}")))?;
    let nesting = documents::Nesting { organization: true, locations: true };
    let mut document = documents::service_document(&service, index.as_ref(), nesting);
    let ids: Vec<Uuid> = [service.id, service.organization_id].into_iter().chain(service.location_ids).collect();
    let provenance = provenance(&state, Some(&ids)).await?;
    documents::add_service_provenance(&mut document, &|id| provenance.get(&id));
    Ok(json_response(&headers, &document))
}
