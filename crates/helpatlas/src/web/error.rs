//! The one mapping from failures to HTTP responses. Every error page keeps the crisis banner.

use super::frame::Frame;
use super::language::{content_language, localise_links};
use crate::i18n::Messages;
use crate::store::StoreError;
use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

#[derive(Debug, thiserror::Error)]
pub enum WebError {
    #[error("not found")]
    NotFound,
    #[error("{0}")]
    BadRequest(String),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("rendering failed: {0}")]
    Render(#[from] askama::Error),
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    t: &'static Messages,
    frame: Frame,
    heading: String,
    detail: String,
}

impl WebError {
    fn status(&self) -> StatusCode {
        match self {
            WebError::NotFound => StatusCode::NOT_FOUND,
            WebError::BadRequest(_) => StatusCode::BAD_REQUEST,
            WebError::Store(_) | WebError::Render(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

/// Renders an error page for `frame` (which carries the crisis banner of the visitor's country).
pub fn error_page(frame: Frame, error: &WebError) -> Response {
    let t = frame.t;
    let status = error.status();
    if status.is_server_error() {
        tracing::error!(%error, "request failed");
    }
    let (heading, detail) = match error {
        WebError::NotFound => (t.get("error.not_found.title"), t.get("error.not_found.detail").to_string()),
        WebError::BadRequest(why) => (t.get("error.bad_request.title"), why.clone()),
        _ => (t.get("error.server.title"), t.get("error.server.detail").to_string()),
    };
    let page = ErrorPage { t, frame: frame.titled(heading), heading: heading.to_string(), detail };
    let body = page.render().unwrap_or_else(|_| t.get("error.server.detail").to_string());
    (status, [content_language(t)], Html(localise_links(&body, t.lang))).into_response()
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        error_page(Frame::plain(crate::i18n::english()), &self)
    }
}
