//! Signing in and out, choosing a password through a setup link, and changing it.

use super::form::FormData;
use super::guard::{Visitor, FORM_COOKIE, SESSION_COOKIE};
use super::page::{self, Nav};
use super::AdminState;
use crate::auth::{AuthError, SignInError};
use askama::Template;
use axum::extract::{Path, Query};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use chrono::{Duration, Utc};
use std::collections::HashMap;
use std::sync::Arc;

/// How long a sign-in or setup form may stay open before it must be loaded again.
const FORM_VALID: Duration = Duration::hours(2);

/// A cookie of the editors' area: never sent outside `/admin`, never to scripts, never from other sites.
fn cookie(name: &str, value: &str, secure: bool, max_age: Option<i64>) -> HeaderValue {
    let mut text = format!("{name}={value}; Path=/admin; HttpOnly; SameSite=Strict");
    if let Some(seconds) = max_age {
        text.push_str(&format!("; Max-Age={seconds}"));
    }
    if secure {
        text.push_str("; Secure");
    }
    HeaderValue::from_str(&text).unwrap_or_else(|_| HeaderValue::from_static(""))
}

fn with_cookies(mut response: Response, cookies: Vec<HeaderValue>) -> Response {
    for c in cookies {
        response.headers_mut().append(header::SET_COOKIE, c);
    }
    response
}

/// Where to go after signing in: only somewhere in the editors' area of this site.
fn safe_next(next: &str) -> &str {
    let inside = next.starts_with("/admin") && !next.starts_with("//") && !next.contains(['\\', '\r', '\n']);
    if inside {
        next
    } else {
        "/admin"
    }
}

#[derive(Template)]
#[template(path = "admin/login.html")]
struct LoginPage {
    nav: Option<Nav>,
    title: String,
    form_token: String,
    email: String,
    next: String,
    error: Option<String>,
    notice: Option<String>,
}

/// A sign-in form, its signed token set in its cookie too.
fn login_page(visitor: &Visitor, status: StatusCode, page: LoginPage) -> Response {
    let token = page.form_token.clone();
    with_cookies(
        page::render(status, page),
        vec![cookie(FORM_COOKIE, &token, visitor.secure, Some(FORM_VALID.num_seconds()))],
    )
}

fn new_login(admin: &AdminState, email: &str, next: &str, error: Option<String>, notice: Option<String>) -> LoginPage {
    LoginPage {
        nav: None,
        title: "Sign in".into(),
        form_token: admin.auth.signer().form_token(Utc::now() + FORM_VALID),
        email: email.into(),
        next: safe_next(next).into(),
        error,
        notice,
    }
}

pub async fn form(
    Extension(admin): Extension<Arc<AdminState>>,
    Extension(visitor): Extension<Visitor>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let next = query.get("next").map_or("/admin", String::as_str);
    if visitor.session.is_some() {
        return Redirect::to(safe_next(next)).into_response();
    }
    let notice = query.get("notice").and_then(|n| match n.as_str() {
        "password-set" => Some("Your password is set. Sign in with it.".to_string()),
        "password-changed" => {
            Some("Your password is changed and your other sessions ended. Sign in with the new password.".to_string())
        }
        "signed-out" => Some("You are signed out.".to_string()),
        _ => None,
    });
    login_page(&visitor, StatusCode::OK, new_login(&admin, "", next, None, notice))
}

pub async fn submit(
    Extension(admin): Extension<Arc<AdminState>>,
    Extension(visitor): Extension<Visitor>,
    axum::extract::RawForm(body): axum::extract::RawForm,
) -> Response {
    let sent = FormData::parse(&body);
    let (email, next) = (sent.get("email"), sent.get("next"));
    match admin.auth.sign_in(email, sent.get("password"), visitor.client).await {
        Ok(signed_in) => {
            // A session the browser had before is ended: every sign-in starts a new one.
            if let Some(old) = &visitor.session {
                if let Err(e) = admin.auth.sign_out(old).await {
                    tracing::warn!(error = %e, "could not end the previous session");
                }
            }
            let session = cookie(SESSION_COOKIE, &signed_in.token, visitor.secure, None);
            let spent = cookie(FORM_COOKIE, "", visitor.secure, Some(0));
            with_cookies(Redirect::to(safe_next(next)).into_response(), vec![session, spent])
        }
        Err(SignInError::Store(e)) => page::save_failed(&e, &axum::http::Uri::from_static("/admin/login"), &sent),
        Err(e) => {
            let status = match e {
                SignInError::Throttled { .. } => StatusCode::TOO_MANY_REQUESTS,
                _ => StatusCode::UNAUTHORIZED,
            };
            login_page(&visitor, status, new_login(&admin, email, next, Some(e.to_string()), None))
        }
    }
}

pub async fn sign_out(
    Extension(admin): Extension<Arc<AdminState>>,
    Extension(visitor): Extension<Visitor>,
) -> Response {
    if let Some(session) = &visitor.session {
        if let Err(e) = admin.auth.sign_out(session).await {
            return page::store_error(&e);
        }
    }
    let cleared = cookie(SESSION_COOKIE, "", visitor.secure, Some(0));
    with_cookies(Redirect::to("/admin/login?notice=signed-out").into_response(), vec![cleared])
}

#[derive(Template)]
#[template(path = "admin/setup.html")]
struct SetupPage {
    nav: Option<Nav>,
    title: String,
    form_token: String,
    email: String,
    error: Option<String>,
}

fn setup_page(
    admin: &AdminState,
    visitor: &Visitor,
    status: StatusCode,
    email: &str,
    error: Option<String>,
) -> Response {
    let form_token = admin.auth.signer().form_token(Utc::now() + FORM_VALID);
    let page = SetupPage {
        nav: None,
        title: "Choose your password".into(),
        form_token: form_token.clone(),
        email: email.into(),
        error,
    };
    with_cookies(
        page::render(status, page),
        vec![cookie(FORM_COOKIE, &form_token, visitor.secure, Some(FORM_VALID.num_seconds()))],
    )
}

fn setup_invalid(e: &AuthError) -> Response {
    match e {
        AuthError::Store(e) => page::store_error(e),
        other => page::message(StatusCode::NOT_FOUND, "Setup link not valid", &other.to_string(), None),
    }
}

pub async fn setup_form(
    Extension(admin): Extension<Arc<AdminState>>,
    Extension(visitor): Extension<Visitor>,
    Path(token): Path<String>,
) -> Response {
    match admin.auth.setup_account(&token).await {
        Ok(user) => setup_page(&admin, &visitor, StatusCode::OK, &user.email, None),
        Err(e) => setup_invalid(&e),
    }
}

pub async fn setup_submit(
    Extension(admin): Extension<Arc<AdminState>>,
    Extension(visitor): Extension<Visitor>,
    Path(token): Path<String>,
    axum::extract::RawForm(body): axum::extract::RawForm,
) -> Response {
    let sent = FormData::parse(&body);
    match admin.auth.complete_setup(&token, sent.get("password"), sent.get("confirm")).await {
        Ok(_) => Redirect::to("/admin/login?notice=password-set").into_response(),
        Err(AuthError::Password(e)) => {
            let email = admin.auth.setup_account(&token).await.map(|u| u.email).unwrap_or_default();
            setup_page(&admin, &visitor, StatusCode::UNPROCESSABLE_ENTITY, &email, Some(e.to_string()))
        }
        Err(e) => setup_invalid(&e),
    }
}

#[derive(Template)]
#[template(path = "admin/account.html")]
struct AccountPage {
    nav: Option<Nav>,
    title: String,
    email: String,
    role: String,
    csrf: String,
    error: Option<String>,
}

fn account_page(visitor: &Visitor, status: StatusCode, error: Option<String>) -> Response {
    let Some(session) = &visitor.session else { return page::not_found() };
    page::render(
        status,
        AccountPage {
            nav: Some(Nav::of(session)),
            title: "Your account".into(),
            email: session.user.email.clone(),
            role: session.user.role.to_string(),
            csrf: session.csrf_token.clone(),
            error,
        },
    )
}

pub async fn account(Extension(visitor): Extension<Visitor>) -> Response {
    account_page(&visitor, StatusCode::OK, None)
}

pub async fn change_password(
    Extension(admin): Extension<Arc<AdminState>>,
    Extension(visitor): Extension<Visitor>,
    axum::extract::RawForm(body): axum::extract::RawForm,
) -> Response {
    let Some(session) = &visitor.session else { return page::not_found() };
    let sent = FormData::parse(&body);
    match admin
        .auth
        .change_password(&session.user, sent.get("current"), sent.get("new_password"), sent.get("confirm"))
        .await
    {
        Ok(()) => {
            let cleared = cookie(SESSION_COOKIE, "", visitor.secure, Some(0));
            with_cookies(Redirect::to("/admin/login?notice=password-changed").into_response(), vec![cleared])
        }
        Err(AuthError::Store(e)) => page::store_error(&e),
        Err(e) => account_page(&visitor, StatusCode::UNPROCESSABLE_ENTITY, Some(e.to_string())),
    }
}
