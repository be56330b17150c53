//! Rendering the editors' area: the frame of every page (who is signed in, the menu, the sign-out
//! form) and the pages that say why something was not done.

use super::form::FormData;
use crate::auth::Session;
use crate::store::StoreError;
use askama::Template;
use axum::http::{StatusCode, Uri};
use axum::response::{Html, IntoResponse, Response};

/// The menu of a signed-in person.
pub struct Nav {
    pub email: String,
    pub is_admin: bool,
    pub csrf: String,
}

impl Nav {
    pub fn of(session: &Session) -> Nav {
        Nav { email: session.user.email.clone(), is_admin: session.user.is_admin(), csrf: session.csrf_token.clone() }
    }
}

pub fn render(status: StatusCode, page: impl Template) -> Response {
    match page.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "rendering an admin page failed");
            (StatusCode::INTERNAL_SERVER_ERROR, "The page could not be made.").into_response()
        }
    }
}

pub fn ok(page: impl Template) -> Response {
    render(StatusCode::OK, page)
}

#[derive(Template)]
#[template(path = "admin/message.html")]
struct MessagePage {
    nav: Option<Nav>,
    title: String,
    text: String,
    /// What the person typed, shown so that nothing is lost.
    typed: Vec<(String, String)>,
    /// Sends the same form again (every field, tokens included) to this address.
    retry: Option<(String, Vec<(String, String)>)>,
}

pub fn message(status: StatusCode, title: &str, text: &str, typed: Option<&FormData>) -> Response {
    let typed = typed.map(FormData::typed).unwrap_or_default();
    render(status, MessagePage { nav: None, title: title.into(), text: text.into(), typed, retry: None })
}

pub fn not_found() -> Response {
    message(StatusCode::NOT_FOUND, "Not found", "There is no such page or record in the editors' area.", None)
}

/// A form of an existing record without the version it was made from (not one of this site's forms).
pub fn missing_version(sent: &FormData) -> Response {
    message(StatusCode::BAD_REQUEST, "Bad request", "The form lacks the version it was made from.", Some(sent))
}

pub fn forbidden(text: &str) -> Response {
    message(StatusCode::FORBIDDEN, "Not allowed", text, None)
}

/// A form sent without a live session (signed out, timed out, disabled): refused, with what was typed.
pub fn signed_out(_uri: &Uri, sent: &FormData) -> Response {
    message(
        StatusCode::UNAUTHORIZED,
        "Signed out",
        "You are not signed in (your session ended), so nothing was saved. What you typed is below: copy it, sign in at /admin/login and enter it again.",
        Some(sent),
    )
}

/// A form that could not be saved because the database is out of reach: shown back with a button
/// that sends it again unchanged.
pub fn unavailable(error: &StoreError, uri: &Uri, sent: &FormData) -> Response {
    tracing::warn!(%error, "the database is out of reach; an editor's form was not saved");
    render(
        StatusCode::SERVICE_UNAVAILABLE,
        MessagePage {
            nav: None,
            title: "Not saved: the database cannot be reached".into(),
            text: "Nothing was saved. Your form is kept on this page: send it again when the database is back. The public site keeps working meanwhile.".into(),
            typed: sent.typed(),
            retry: Some((uri.path().to_string(), sent.0.clone())),
        },
    )
}

/// A page that could not be read from the database.
pub fn store_error(error: &StoreError) -> Response {
    if error.is_unavailable() {
        tracing::warn!(%error, "the database is out of reach");
        return message(
            StatusCode::SERVICE_UNAVAILABLE,
            "The database cannot be reached",
            "The editors' area needs the database, which is out of reach just now. The public site keeps working. Try again in a minute.",
            None,
        );
    }
    tracing::error!(%error, "an admin page failed");
    message(
        StatusCode::INTERNAL_SERVER_ERROR,
        "Something went wrong",
        "The page could not be made. The error is in the server's log.",
        None,
    )
}

/// A form refused because its store write failed: unreachable database → shown back for resending.
pub fn save_failed(error: &StoreError, uri: &Uri, sent: &FormData) -> Response {
    match error.is_unavailable() {
        true => unavailable(error, uri, sent),
        false => store_error(error),
    }
}
