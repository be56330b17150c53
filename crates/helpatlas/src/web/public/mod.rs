//! The public site: HTML pages for people looking for help. Handlers parse, ask the index, render.

mod articles;
mod country;
mod feedback;
mod home;
mod places;
mod report;
mod results;
mod service;
mod suggest;

pub use articles::Article;
pub use feedback::routes as feedback_routes;

use super::error::error_page;
use super::{AppState, Frame, WebError};
use crate::geo::atlas;
use crate::model::CountryCode;
use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::Router;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(home::page))
        .route("/go", get(home::go))
        .route("/places", get(places::search))
        .route("/places/near", get(places::near))
        .route("/articles", get(articles::list))
        .route("/articles/{slug}", get(articles::page))
        .route("/services/{id}", get(service::page))
        .route("/{country}", get(country::page))
        .route("/{country}/search", get(results::search_page))
        .route("/{country}/{kind}", get(results::kind_page))
}

/// Renders a page template into a response.
fn render(page: impl Template) -> Result<Response, WebError> {
    Ok(Html(page.render()?).into_response())
}

/// An error page that keeps the crisis banner of the visitor's country.
fn error_with(frame: Frame, error: WebError) -> Response {
    error_page(frame, &error)
}

/// The country of a `/{cc}/…` path (lowercase ISO code) and its page frame; a 404 page otherwise.
fn country_frame(state: &AppState, code: &str) -> Result<(CountryCode, Frame), Box<Response>> {
    let country = (code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase()))
        .then(|| atlas().parse_country(code))
        .flatten()
        .ok_or_else(|| Box::new(error_with(Frame::international(state.messages, None), WebError::NotFound)))?;
    Ok((country.code, Frame::for_country(state.messages, &state.index(), country.code)))
}

/// Anything no route knows: a real 404 page that still shows how to get urgent help.
pub async fn not_found(State(state): State<AppState>) -> Response {
    error_page(Frame::international(state.messages, None), &WebError::NotFound)
}
