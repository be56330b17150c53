//! The one guard in front of every route of the editors' area: who is asking (a session cookie,
//! checked in the database, so every replica accepts it), whether their role may use the route, and
//! for every form sent, a CSRF token that belongs to them. A refused form is shown back with what was
//! typed, so nothing is lost.

use super::form::FormData;
use super::page;
use super::AdminState;
use crate::auth::tokens::same;
use crate::auth::Session;
use crate::model::Role;
use crate::web::AppState;
use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use std::sync::Arc;

pub const SESSION_COOKIE: &str = "helpatlas_session";
/// The signed token of the sign-in and setup forms, which are sent before there is a session.
pub const FORM_COOKIE: &str = "helpatlas_form";
/// Largest form accepted: a service with dozens of channels is a few tens of kilobytes.
const MAX_FORM_BYTES: usize = 256 * 1024;

/// Who may use a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone (sign-in, setup link); forms carry a signed token instead of a session's.
    Open,
    /// Any signed-in account.
    Signed,
    /// Editors and admins.
    Editor,
    /// Admins only.
    Admin,
}

/// What the guard found out about the request, for the handlers.
#[derive(Clone)]
pub struct Visitor {
    pub session: Option<Session>,
    /// Whether the browser reached the server over TLS (directly or through a trusted proxy).
    pub secure: bool,
    pub client: Option<std::net::IpAddr>,
}

fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

pub fn session_token(headers: &HeaderMap) -> Option<&str> {
    cookie(headers, SESSION_COOKIE)
}

pub fn form_cookie(headers: &HeaderMap) -> Option<&str> {
    cookie(headers, FORM_COOKIE)
}

fn forwarded<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

/// The client's address: the socket's, or behind a trusted proxy the last address it added.
fn client(request: &Request, trust_proxy: bool) -> Option<std::net::IpAddr> {
    let proxied = trust_proxy
        .then(|| forwarded(request.headers(), "x-forwarded-for"))
        .flatten()
        .and_then(|list| list.rsplit(',').next())
        .and_then(|ip| ip.trim().parse().ok());
    proxied.or_else(|| request.extensions().get::<axum::extract::ConnectInfo<std::net::SocketAddr>>().map(|c| c.0.ip()))
}

/// Whether a browser says the request came from another site (`Sec-Fetch-Site`): a form posted from
/// elsewhere is refused even before its token is looked at.
fn cross_site(headers: &HeaderMap) -> bool {
    matches!(forwarded(headers, "sec-fetch-site"), Some("cross-site" | "same-site"))
}

pub async fn check(State((state, access)): State<(AppState, Access)>, request: Request, next: Next) -> Response {
    let Some(admin) = super::admin(&state) else { return page::not_found() };
    let secure = admin.settings.trust_proxy && forwarded(request.headers(), "x-forwarded-proto") == Some("https");
    let client = client(&request, admin.settings.trust_proxy);
    let posting = request.method() != Method::GET && request.method() != Method::HEAD;
    let (parts, body) = request.into_parts();
    let bytes = match posting {
        true => match to_bytes(body, MAX_FORM_BYTES).await {
            Ok(bytes) => bytes,
            Err(_) => {
                return page::message(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "Form too large",
                    "The form sent is larger than 256 KB; nothing was saved.",
                    None,
                )
            }
        },
        false => Default::default(),
    };
    let sent = FormData::parse(&bytes);
    let session = match session_token(&parts.headers) {
        Some(token) => match admin.auth.session(token).await {
            Ok(session) => session,
            Err(e) if posting => return page::unavailable(&e, &parts.uri, &sent),
            Err(e) => return page::store_error(&e),
        },
        None => None,
    };
    if let Some(refusal) = refuse(&admin, access, &parts.headers, &parts.uri, posting, session.as_ref(), &sent) {
        return refusal;
    }
    let mut request = Request::from_parts(parts, Body::from(bytes));
    request.extensions_mut().insert(admin.clone());
    request.extensions_mut().insert(Visitor { session, secure, client });
    let mut response = next.run(request).await;
    // Nothing of the editors' area is kept by browsers or proxies: it shows unpublished work.
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// The answer to a request the guard does not let through, if any.
fn refuse(
    admin: &Arc<AdminState>,
    access: Access,
    headers: &HeaderMap,
    uri: &axum::http::Uri,
    posting: bool,
    session: Option<&Session>,
    sent: &FormData,
) -> Option<Response> {
    if posting && cross_site(headers) {
        return Some(page::forbidden("This form was sent from another site, so it was refused. Nothing was saved."));
    }
    let required = match access {
        Access::Open => {
            let valid = posting.then(|| {
                let field = sent.get("form_token");
                let cookie = form_cookie(headers).unwrap_or_default();
                same(field, cookie) && admin.auth.signer().check_form_token(field, Utc::now())
            });
            return match valid {
                Some(false) => Some(page::message(
                    StatusCode::FORBIDDEN,
                    "Form expired",
                    "This form was open too long or came from elsewhere, so it was not accepted. Load the page again and resend it.",
                    None,
                )),
                _ => None,
            };
        }
        Access::Signed => None,
        Access::Editor => Some(Role::Editor),
        Access::Admin => Some(Role::Admin),
    };
    let Some(session) = session else {
        if posting {
            return Some(page::signed_out(uri, sent));
        }
        let next = uri.path_and_query().map(|p| p.as_str()).unwrap_or("/admin");
        return Some(Redirect::to(&format!("/admin/login?next={}", super::form::encode(next))).into_response());
    };
    if required.is_some_and(|role| session.user.role < role) {
        return Some(page::forbidden("Your account may not use this page."));
    }
    (posting && !same(sent.get("csrf"), &session.csrf_token)).then(|| {
        page::forbidden("This form's security token is missing or belongs to another session, so it was refused. Nothing was saved. Load the page again and resend it.")
    })
}
