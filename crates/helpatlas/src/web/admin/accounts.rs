//! Accounts (admins only): who can sign in, with which role; setup links; the audit log.

use super::form::FormData;
use super::guard::Visitor;
use super::page::{self, Nav};
use super::AdminState;
use crate::auth::{Actor, AuthError, Issued};
use crate::model::{AuditEntry, Role, User};
use askama::Template;
use axum::extract::{Path, Query, RawForm};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use std::collections::HashMap;
use std::sync::Arc;
use uuid::Uuid;

#[derive(Template)]
#[template(path = "admin/users.html")]
struct UsersPage {
    nav: Option<Nav>,
    title: String,
    csrf: String,
    me: Uuid,
    users: Vec<User>,
    email: String,
    error: Option<String>,
    /// A setup link just issued: the account and the link, shown once.
    issued: Option<(String, String)>,
}

async fn users_page(
    admin: &AdminState,
    visitor: &Visitor,
    status: StatusCode,
    email: &str,
    error: Option<String>,
    issued: Option<(String, String)>,
) -> Response {
    let Some(session) = &visitor.session else { return page::not_found() };
    let users = match admin.auth.users().await {
        Ok(users) => users,
        Err(e) => return page::store_error(&e),
    };
    page::render(
        status,
        UsersPage {
            nav: Some(Nav::of(session)),
            title: "Accounts".into(),
            csrf: session.csrf_token.clone(),
            me: session.user.id,
            users,
            email: email.into(),
            error,
            issued,
        },
    )
}

pub async fn list(Extension(admin): Extension<Arc<AdminState>>, Extension(visitor): Extension<Visitor>) -> Response {
    users_page(&admin, &visitor, StatusCode::OK, "", None, None).await
}

/// The setup link of a token, on the address the admin is using.
fn setup_link(headers: &HeaderMap, secure: bool, token: &str) -> String {
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("localhost");
    format!("{}://{host}/admin/setup/{token}", if secure { "https" } else { "http" })
}

fn actor(visitor: &Visitor) -> Actor {
    visitor.session.as_ref().map_or(Actor::CommandLine, |s| Actor::User(s.user.clone()))
}

fn issued_link(headers: &HeaderMap, visitor: &Visitor, issued: &Issued) -> Option<(String, String)> {
    issued.setup_token.as_ref().map(|t| (issued.user.email.clone(), setup_link(headers, visitor.secure, t)))
}

pub async fn add(
    Extension(admin): Extension<Arc<AdminState>>,
    Extension(visitor): Extension<Visitor>,
    headers: HeaderMap,
    RawForm(body): RawForm,
) -> Response {
    let sent = FormData::parse(&body);
    let email = sent.get("email");
    let role = match sent.get("role").parse::<Role>() {
        Ok(role) => role,
        Err(e) => {
            return users_page(&admin, &visitor, StatusCode::UNPROCESSABLE_ENTITY, email, Some(e.to_string()), None)
                .await
        }
    };
    match admin.auth.add_user(email, role, None, &actor(&visitor)).await {
        Ok(issued) => {
            let link = issued_link(&headers, &visitor, &issued);
            users_page(&admin, &visitor, StatusCode::CREATED, "", None, link).await
        }
        Err(AuthError::Store(e)) if e.is_unavailable() => {
            page::unavailable(&e, &"/admin/users".parse().unwrap_or_default(), &sent)
        }
        Err(e) => {
            users_page(&admin, &visitor, StatusCode::UNPROCESSABLE_ENTITY, email, Some(e.to_string()), None).await
        }
    }
}

/// Disable, enable, reset (new setup link) or change the role of one account.
pub async fn change(
    Extension(admin): Extension<Arc<AdminState>>,
    Extension(visitor): Extension<Visitor>,
    Path(id): Path<String>,
    headers: HeaderMap,
    RawForm(body): RawForm,
) -> Response {
    let sent = FormData::parse(&body);
    let Ok(id) = id.parse::<Uuid>() else { return page::not_found() };
    let user = match admin.auth.user(id).await {
        Ok(Some(user)) => user,
        Ok(None) => return page::not_found(),
        Err(e) => return page::store_error(&e),
    };
    let by = actor(&visitor);
    let result = match sent.get("action") {
        "disable" => admin.auth.set_disabled(&user, true, &by).await.map(|()| None),
        "enable" => admin.auth.set_disabled(&user, false, &by).await.map(|()| None),
        "reset" => admin.auth.reset(&user, None, &by).await.map(|issued| issued_link(&headers, &visitor, &issued)),
        "role" => match sent.get("role").parse::<Role>() {
            Ok(role) => admin.auth.set_role(&user, role, &by).await.map(|()| None),
            Err(e) => {
                return users_page(&admin, &visitor, StatusCode::UNPROCESSABLE_ENTITY, "", Some(e.to_string()), None)
                    .await
            }
        },
        other => {
            let why = format!("`{other}` is not something to do with an account (disable, enable, reset, role)");
            return users_page(&admin, &visitor, StatusCode::UNPROCESSABLE_ENTITY, "", Some(why), None).await;
        }
    };
    match result {
        Ok(Some(link)) => users_page(&admin, &visitor, StatusCode::OK, "", None, Some(link)).await,
        Ok(None) => Redirect::to("/admin/users").into_response(),
        Err(AuthError::Store(e)) => page::store_error(&e),
        Err(e) => users_page(&admin, &visitor, StatusCode::UNPROCESSABLE_ENTITY, "", Some(e.to_string()), None).await,
    }
}

#[derive(Template)]
#[template(path = "admin/audit.html")]
struct AuditPage {
    nav: Option<Nav>,
    title: String,
    event: String,
    entries: Vec<AuditEntry>,
    older: Option<String>,
}

const AUDIT_PAGE: usize = 100;

pub async fn audit(
    Extension(admin): Extension<Arc<AdminState>>,
    Extension(visitor): Extension<Visitor>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let Some(session) = &visitor.session else { return page::not_found() };
    let event = query.get("event").map(|e| e.trim().to_string()).filter(|e| !e.is_empty());
    let before = match query.get("before").map(|b| b.parse::<i64>()) {
        Some(Ok(before)) => Some(before),
        Some(Err(_)) => {
            return page::message(StatusCode::BAD_REQUEST, "Bad request", "`before` must be an entry number.", None)
        }
        None => None,
    };
    let entries = match admin.auth.audit_log(event.as_deref(), before, AUDIT_PAGE).await {
        Ok(entries) => entries,
        Err(e) => return page::store_error(&e),
    };
    let older = (entries.len() == AUDIT_PAGE).then(|| {
        let last = entries.last().map_or(0, |e| e.seq);
        format!("/admin/audit?event={}&before={last}", super::form::encode(event.as_deref().unwrap_or_default()))
    });
    page::ok(AuditPage {
        nav: Some(Nav::of(session)),
        title: "Audit log".into(),
        event: event.unwrap_or_default(),
        entries,
        older,
    })
}
