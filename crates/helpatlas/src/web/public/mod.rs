//! The public site: HTML pages for people looking for help. Handlers parse, ask the index, render.

mod country;
mod home;
mod service;

use super::error::error_page;
use super::{AppState, Frame, WebError};
use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::Router;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(home::page))
        .route("/go", get(home::go))
        .route("/services/{id}", get(service::page))
        .route("/{country}", get(country::page))
}

/// Renders a page template into a response.
fn render(page: impl Template) -> Result<Response, WebError> {
    Ok(Html(page.render()?).into_response())
}

/// Anything no route knows: a real 404 page that still shows how to get urgent help.
pub async fn not_found(State(state): State<AppState>) -> Response {
    error_page(Frame::international(state.messages, Some(&state.index())), &WebError::NotFound)
}
