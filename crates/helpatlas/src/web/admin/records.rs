//! Lists of records to edit, and the forms of organizations and locations.

use super::form::FormData;
use super::guard::Visitor;
use super::page::{self, Nav};
use super::AdminState;
use crate::editing::draft::{LocationDraft, OrganizationDraft};
use crate::editing::validate::Invalid;
use crate::editing::{Conflict, EditError};
use crate::i18n::{english, Messages};
use crate::model::diff::FieldChange;
use crate::model::{Author, Record, RecordKind};
use crate::store::{RecordQuery, RecordSummary, Saved};
use askama::Template;
use axum::extract::{OriginalUri, Path, Query, RawForm};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use std::collections::HashMap;
use std::sync::Arc;
use uuid::Uuid;

const PER_PAGE: usize = 50;

#[derive(Template)]
#[template(path = "admin/records.html")]
struct ListPage {
    nav: Option<Nav>,
    title: String,
    t: &'static Messages,
    /// `services`, `organizations` or `locations`: the address of each record.
    base: &'static str,
    q: String,
    country: String,
    kind: String,
    show_service_filters: bool,
    records: Vec<RecordSummary>,
    page: usize,
    next: Option<String>,
    previous: Option<String>,
    new_href: Option<String>,
}

/// The user a request's session belongs to, as the author of what they save.
pub fn author(visitor: &Visitor) -> Author {
    match &visitor.session {
        Some(s) => Author::User { id: s.user.id, email: s.user.email.clone() },
        None => Author::System,
    }
}

fn page_number(query: &HashMap<String, String>) -> Option<usize> {
    match query.get("page").map(|p| p.parse::<usize>()) {
        None => Some(1),
        Some(Ok(n)) if (1..=10_000).contains(&n) => Some(n),
        _ => None,
    }
}

async fn list(
    admin: &AdminState,
    visitor: &Visitor,
    kind: RecordKind,
    query: &HashMap<String, String>,
    retired: Option<bool>,
) -> Response {
    let Some(session) = &visitor.session else { return page::not_found() };
    let Some(number) = page_number(query) else {
        return page::message(StatusCode::BAD_REQUEST, "Bad request", "`page` must be a number from 1 to 10000.", None);
    };
    let get = |key: &str| query.get(key).map(|v| v.trim().to_string()).unwrap_or_default();
    let (q, country, service_kind) = (get("q"), get("country").to_uppercase(), get("kind"));
    let organization = query.get("organization").and_then(|o| o.parse().ok());
    let find = RecordQuery {
        text: Some(q.clone()),
        country: (!country.is_empty()).then(|| country.clone()),
        service_kind: (!service_kind.is_empty()).then(|| service_kind.clone()),
        retired,
        organization,
        limit: PER_PAGE + 1,
        offset: (number - 1) * PER_PAGE,
    };
    let mut records = match admin.store.find(kind, &find).await {
        Ok(records) => records,
        Err(e) => return page::store_error(&e),
    };
    let more = records.len() > PER_PAGE;
    records.truncate(PER_PAGE);
    let base = kind.table();
    let path = if retired == Some(true) { "retired".to_string() } else { base.to_string() };
    let link = |n: usize| {
        format!("/admin/{path}?q={}&country={}&kind={}&page={n}", super::form::encode(&q), country, service_kind)
    };
    let title = match (kind, retired) {
        (RecordKind::Service, Some(true)) => "Retired services",
        (RecordKind::Service, _) => "Services",
        (RecordKind::Organization, _) => "Organizations",
        (RecordKind::Location, _) => "Locations",
    };
    let (next, previous) = (more.then(|| link(number + 1)), (number > 1).then(|| link(number - 1)));
    page::ok(ListPage {
        nav: Some(Nav::of(session)),
        title: title.into(),
        t: english(),
        base,
        q,
        country,
        kind: service_kind,
        show_service_filters: kind == RecordKind::Service,
        records,
        page: number,
        next,
        previous,
        new_href: (retired != Some(true)).then(|| format!("/admin/{base}/new")),
    })
}

pub async fn services(
    Extension(admin): Extension<Arc<AdminState>>,
    Extension(visitor): Extension<Visitor>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let retired = match query.get("retired").map(String::as_str) {
        Some("yes") => Some(true),
        Some("all") => None,
        _ => Some(false),
    };
    list(&admin, &visitor, RecordKind::Service, &query, retired).await
}

pub async fn retired(
    Extension(admin): Extension<Arc<AdminState>>,
    Extension(visitor): Extension<Visitor>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    list(&admin, &visitor, RecordKind::Service, &query, Some(true)).await
}

pub async fn organizations(
    Extension(admin): Extension<Arc<AdminState>>,
    Extension(visitor): Extension<Visitor>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    list(&admin, &visitor, RecordKind::Organization, &query, None).await
}

pub async fn locations(
    Extension(admin): Extension<Arc<AdminState>>,
    Extension(visitor): Extension<Visitor>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    list(&admin, &visitor, RecordKind::Location, &query, None).await
}

/// Someone else's save, shown above a refused form.
pub struct ConflictView {
    pub by: String,
    pub at: String,
    pub changes: Vec<FieldChange>,
}

impl ConflictView {
    pub fn of(conflict: &Conflict) -> ConflictView {
        let last = conflict.since.last();
        ConflictView {
            by: last.map(|r| r.author.label()).unwrap_or_default(),
            at: last.map(|r| r.at.format("%Y-%m-%d %H:%M UTC").to_string()).unwrap_or_default(),
            changes: conflict.changes.clone(),
        }
    }
}

/// What a form page shows besides the record: errors by field, a conflict, the version to base on.
pub struct FormState {
    pub errors: HashMap<String, String>,
    pub conflict: Option<ConflictView>,
    pub version: Option<i64>,
    pub note: String,
    pub notice: Option<String>,
}

impl FormState {
    pub fn fresh(version: Option<i64>) -> FormState {
        FormState { errors: HashMap::new(), conflict: None, version, note: String::new(), notice: None }
    }

    pub fn invalid(invalid: &Invalid, version: Option<i64>, note: &str) -> FormState {
        let mut errors: HashMap<String, String> = HashMap::new();
        for e in &invalid.0 {
            errors
                .entry(e.field.clone())
                .and_modify(|m| {
                    m.push_str("; ");
                    m.push_str(&e.message)
                })
                .or_insert_with(|| e.message.clone());
        }
        FormState { errors, conflict: None, version, note: note.into(), notice: None }
    }

    /// The form as sent, now based on the current version: saving it again overwrites knowingly.
    pub fn conflicted(conflict: &Conflict, note: &str) -> FormState {
        FormState {
            errors: HashMap::new(),
            conflict: Some(ConflictView::of(conflict)),
            version: Some(conflict.current.version),
            note: note.into(),
            notice: None,
        }
    }

    /// Error summary lines: (field, message).
    pub fn summary(&self) -> Vec<(String, String)> {
        let mut list: Vec<(String, String)> = self.errors.iter().map(|(f, m)| (f.clone(), m.clone())).collect();
        list.sort();
        list
    }
}

/// The outcome of a save, as a response: back to the record (or its new address) when saved; the form
/// again, with what was typed, otherwise.
pub fn after_save(
    result: Result<(Uuid, Saved), EditError>,
    base: &str,
    uri: &axum::http::Uri,
    sent: &FormData,
    again: impl FnOnce(StatusCode, FormState) -> Response,
) -> Response {
    let note = sent.get("note");
    match result {
        Ok((id, _)) => Redirect::to(&format!("/admin/{base}/{id}?saved=1")).into_response(),
        Err(EditError::Invalid(invalid)) => {
            again(StatusCode::UNPROCESSABLE_ENTITY, FormState::invalid(&invalid, sent.version(), note))
        }
        Err(EditError::Conflict(conflict)) => again(StatusCode::CONFLICT, FormState::conflicted(&conflict, note)),
        Err(EditError::NotFound) => page::not_found(),
        Err(EditError::Store(e)) => page::save_failed(&e, uri, sent),
    }
}

#[derive(Template)]
#[template(path = "admin/organization.html")]
struct OrganizationPage {
    nav: Option<Nav>,
    title: String,
    csrf: String,
    action: String,
    id: Option<String>,
    d: OrganizationDraft,
    state: FormState,
}

fn organization_page(
    visitor: &Visitor,
    id: Option<Uuid>,
    d: OrganizationDraft,
    status: StatusCode,
    state: FormState,
) -> Response {
    let Some(session) = &visitor.session else { return page::not_found() };
    let action = id.map_or("/admin/organizations/new".to_string(), |id| format!("/admin/organizations/{id}"));
    let title = if d.name.is_empty() { "New organization".to_string() } else { d.name.clone() };
    page::render(
        status,
        OrganizationPage {
            nav: Some(Nav::of(session)),
            title,
            csrf: session.csrf_token.clone(),
            action,
            id: id.map(|i| i.to_string()),
            d,
            state,
        },
    )
}

fn organization_draft(sent: &FormData) -> OrganizationDraft {
    OrganizationDraft {
        name: sent.get("name").into(),
        description: sent.get("description").into(),
        url: sent.get("url").into(),
        email: sent.get("email").into(),
    }
}

fn parse_id(id: &str) -> Result<Uuid, Box<Response>> {
    id.parse().map_err(|_| Box::new(page::not_found()))
}

pub fn saved_notice(query: &HashMap<String, String>) -> Option<String> {
    query.contains_key("saved").then(|| "Saved. The public pages show the change within a few seconds.".to_string())
}

pub async fn new_organization(Extension(visitor): Extension<Visitor>) -> Response {
    organization_page(&visitor, None, OrganizationDraft::default(), StatusCode::OK, FormState::fresh(None))
}

pub async fn edit_organization(
    Extension(admin): Extension<Arc<AdminState>>,
    Extension(visitor): Extension<Visitor>,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let id = match parse_id(&id) {
        Ok(id) => id,
        Err(r) => return *r,
    };
    match admin.editing.record(RecordKind::Organization, id).await {
        Ok(v) => match v.record {
            Record::Organization(o) => {
                let mut state = FormState::fresh(Some(v.version));
                state.notice = saved_notice(&query);
                organization_page(&visitor, Some(id), OrganizationDraft::of(&o), StatusCode::OK, state)
            }
            _ => page::not_found(),
        },
        Err(EditError::Store(e)) => page::store_error(&e),
        Err(_) => page::not_found(),
    }
}

pub async fn create_organization(
    Extension(admin): Extension<Arc<AdminState>>,
    Extension(visitor): Extension<Visitor>,
    OriginalUri(uri): OriginalUri,
    RawForm(body): RawForm,
) -> Response {
    let sent = FormData::parse(&body);
    let draft = organization_draft(&sent);
    let result = admin.editing.save_organization(None, None, &draft, &author(&visitor), sent.get("note")).await;
    after_save(result, "organizations", &uri, &sent, |status, state| {
        organization_page(&visitor, None, draft.clone(), status, state)
    })
}

pub async fn update_organization(
    Extension(admin): Extension<Arc<AdminState>>,
    Extension(visitor): Extension<Visitor>,
    Path(id): Path<String>,
    OriginalUri(uri): OriginalUri,
    RawForm(body): RawForm,
) -> Response {
    let id = match parse_id(&id) {
        Ok(id) => id,
        Err(r) => return *r,
    };
    let sent = FormData::parse(&body);
    let Some(version) = sent.version() else {
        return page::missing_version(&sent);
    };
    let draft = organization_draft(&sent);
    let result =
        admin.editing.save_organization(Some(id), Some(version), &draft, &author(&visitor), sent.get("note")).await;
    after_save(result, "organizations", &uri, &sent, |status, state| {
        organization_page(&visitor, Some(id), draft.clone(), status, state)
    })
}

#[derive(Template)]
#[template(path = "admin/location.html")]
struct LocationPage {
    nav: Option<Nav>,
    title: String,
    csrf: String,
    action: String,
    id: Option<String>,
    d: LocationDraft,
    state: FormState,
}

fn location_page(
    visitor: &Visitor,
    id: Option<Uuid>,
    d: LocationDraft,
    status: StatusCode,
    state: FormState,
) -> Response {
    let Some(session) = &visitor.session else { return page::not_found() };
    let action = id.map_or("/admin/locations/new".to_string(), |id| format!("/admin/locations/{id}"));
    let title = if d.name.is_empty() { "New location".to_string() } else { d.name.clone() };
    page::render(
        status,
        LocationPage {
            nav: Some(Nav::of(session)),
            title,
            csrf: session.csrf_token.clone(),
            action,
            id: id.map(|i| i.to_string()),
            d,
            state,
        },
    )
}

fn location_draft(sent: &FormData) -> LocationDraft {
    let get = |k: &str| sent.get(k).to_string();
    LocationDraft {
        organization_id: get("organization_id"),
        name: get("name"),
        address: get("address"),
        postal_code: get("postal_code"),
        city: get("city"),
        region: get("region"),
        country: get("country"),
        lat: get("lat"),
        lon: get("lon"),
    }
}

pub async fn new_location(
    Extension(visitor): Extension<Visitor>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let draft = LocationDraft {
        organization_id: query.get("organization").cloned().unwrap_or_default(),
        ..LocationDraft::default()
    };
    location_page(&visitor, None, draft, StatusCode::OK, FormState::fresh(None))
}

pub async fn edit_location(
    Extension(admin): Extension<Arc<AdminState>>,
    Extension(visitor): Extension<Visitor>,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let id = match parse_id(&id) {
        Ok(id) => id,
        Err(r) => return *r,
    };
    match admin.editing.record(RecordKind::Location, id).await {
        Ok(v) => match v.record {
            Record::Location(l) => {
                let mut state = FormState::fresh(Some(v.version));
                state.notice = saved_notice(&query);
                location_page(&visitor, Some(id), LocationDraft::of(&l), StatusCode::OK, state)
            }
            _ => page::not_found(),
        },
        Err(EditError::Store(e)) => page::store_error(&e),
        Err(_) => page::not_found(),
    }
}

pub async fn create_location(
    Extension(admin): Extension<Arc<AdminState>>,
    Extension(visitor): Extension<Visitor>,
    OriginalUri(uri): OriginalUri,
    RawForm(body): RawForm,
) -> Response {
    let sent = FormData::parse(&body);
    let draft = location_draft(&sent);
    let result = admin.editing.save_location(None, None, &draft, &author(&visitor), sent.get("note")).await;
    after_save(result, "locations", &uri, &sent, |status, state| {
        location_page(&visitor, None, draft.clone(), status, state)
    })
}

pub async fn update_location(
    Extension(admin): Extension<Arc<AdminState>>,
    Extension(visitor): Extension<Visitor>,
    Path(id): Path<String>,
    OriginalUri(uri): OriginalUri,
    RawForm(body): RawForm,
) -> Response {
    let id = match parse_id(&id) {
        Ok(id) => id,
        Err(r) => return *r,
    };
    let sent = FormData::parse(&body);
    let Some(version) = sent.version() else {
        return page::missing_version(&sent);
    };
    let draft = location_draft(&sent);
    let result =
        admin.editing.save_location(Some(id), Some(version), &draft, &author(&visitor), sent.get("note")).await;
    after_save(result, "locations", &uri, &sent, |status, state| {
        location_page(&visitor, Some(id), draft.clone(), status, state)
    })
}
