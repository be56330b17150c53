//! A record's history: every version with who wrote it, when and why, what changed field by field,
//! and a button to bring back any earlier version (as a new version).

use super::form::FormData;
use super::guard::Visitor;
use super::page::{self, Nav};
use super::records::author;
use super::AdminState;
use crate::editing::EditError;
use crate::model::diff::{diff, FieldChange};
use crate::model::RecordKind;
use askama::Template;
use axum::extract::{OriginalUri, Path, RawForm};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use std::sync::Arc;
use uuid::Uuid;

pub struct VersionView {
    pub version: i64,
    pub at: String,
    pub author: String,
    pub action: &'static str,
    pub note: String,
    pub changes: Vec<FieldChange>,
    pub current: bool,
}

#[derive(Template)]
#[template(path = "admin/history.html")]
struct HistoryPage {
    nav: Option<Nav>,
    title: String,
    csrf: String,
    base: &'static str,
    id: String,
    current: i64,
    versions: Vec<VersionView>,
    /// Reports from the public about the record and what became of each.
    reports: Vec<super::queue::Item>,
}

async fn page(admin: &AdminState, visitor: &Visitor, kind: RecordKind, id: &str) -> Response {
    let Some(session) = &visitor.session else { return page::not_found() };
    let Ok(id) = id.parse::<Uuid>() else { return page::not_found() };
    let current = match admin.editing.record(kind, id).await {
        Ok(current) => current,
        Err(EditError::Store(e)) => return page::store_error(&e),
        Err(_) => return page::not_found(),
    };
    let revisions = match admin.store.revisions(kind, id).await {
        Ok(revisions) => revisions,
        Err(e) => return page::store_error(&e),
    };
    let mut previous = None;
    let mut versions = Vec::new();
    for revision in &revisions {
        let record = revision.record().ok();
        let changes = match &record {
            Some(r) => diff(previous.as_ref(), r),
            None => Vec::new(),
        };
        versions.push(VersionView {
            version: revision.version,
            at: revision.at.format("%Y-%m-%d %H:%M UTC").to_string(),
            author: revision.author.label(),
            action: revision.action.code(),
            note: revision.note.clone(),
            changes,
            current: revision.version == current.version,
        });
        previous = record;
    }
    versions.reverse();
    let reports = match super::queue::about(admin, kind, id).await {
        Ok(reports) => reports,
        Err(e) => return page::store_error(&e),
    };
    page::ok(HistoryPage {
        nav: Some(Nav::of(session)),
        title: format!("History of {}", current.record.name()),
        csrf: session.csrf_token.clone(),
        base: kind.table(),
        id: id.to_string(),
        current: current.version,
        versions,
        reports,
    })
}

async fn revert(
    admin: &AdminState,
    visitor: &Visitor,
    kind: RecordKind,
    id: &str,
    uri: &axum::http::Uri,
    body: &[u8],
) -> Response {
    let Ok(id) = id.parse::<Uuid>() else { return page::not_found() };
    let sent = FormData::parse(body);
    let (Ok(to), Some(expected)) = (sent.get("to").parse::<i64>(), sent.version()) else {
        return page::message(
            StatusCode::BAD_REQUEST,
            "Bad request",
            "Say which version to go back to, from the history page.",
            None,
        );
    };
    match admin.editing.revert(kind, id, to, expected, &author(visitor)).await {
        Ok(_) => Redirect::to(&format!("/admin/{}/{id}/history", kind.table())).into_response(),
        Err(EditError::Conflict(conflict)) => page::message(
            StatusCode::CONFLICT,
            "Not reverted: the record changed meanwhile",
            &format!(
                "{} saved version {} after you opened the history, so nothing was reverted. Look at the history again and choose.",
                conflict.since.last().map(|r| r.author.label()).unwrap_or_default(),
                conflict.current.version
            ),
            None,
        ),
        Err(EditError::NotFound) => page::not_found(),
        Err(EditError::Store(e)) => page::save_failed(&e, uri, &sent),
        Err(EditError::Invalid(e)) => page::message(StatusCode::UNPROCESSABLE_ENTITY, "Not reverted", &e.to_string(), None),
    }
}

macro_rules! history_routes {
    ($($page:ident, $revert:ident, $kind:expr;)*) => {$(
        pub async fn $page(
            Extension(admin): Extension<Arc<AdminState>>,
            Extension(visitor): Extension<Visitor>,
            Path(id): Path<String>,
        ) -> Response {
            page(&admin, &visitor, $kind, &id).await
        }

        pub async fn $revert(
            Extension(admin): Extension<Arc<AdminState>>,
            Extension(visitor): Extension<Visitor>,
            Path(id): Path<String>,
            OriginalUri(uri): OriginalUri,
            RawForm(body): RawForm,
        ) -> Response {
            revert(&admin, &visitor, $kind, &id, &uri, &body).await
        }
    )*};
}

history_routes! {
    service_page, revert_service, RecordKind::Service;
    organization_page, revert_organization, RecordKind::Organization;
    location_page, revert_location, RecordKind::Location;
}
