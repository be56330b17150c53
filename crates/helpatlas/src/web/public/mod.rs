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
use super::language::{content_language, localise_links, Visit};
use super::{AppState, Frame, WebError};
use crate::geo::atlas;
use crate::i18n::{Language, Messages};
use crate::model::CountryCode;
use askama::Template;
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

const PAGE_CAPACITY: usize = 64 * 1024;

/// Renders a page template in the language of `t` into a response: its internal links carry the
/// language, and `Content-Language` names it.
fn render(t: &Messages, page: impl Template) -> Result<Response, WebError> {
    // Rendered into room for a results page (tens of kilobytes) rather than grown from askama's
    // estimate, a dozen copies on the way.
    let mut rendered = String::with_capacity(PAGE_CAPACITY);
    page.render_into(&mut rendered)?;
    let html = localise_links(&rendered, t.lang);
    Ok(([content_language(t)], Html(html)).into_response())
}

/// An error page that keeps the crisis banner of the visitor's country.
fn error_with(frame: Frame, error: WebError) -> Response {
    error_page(frame, &error)
}

/// The country of a `/{cc}/…` path (lowercase ISO code) and its page frame; a 404 page otherwise.
fn country_frame(state: &AppState, visit: &Visit, code: &str) -> Result<(CountryCode, Frame), Box<Response>> {
    let country = (code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase()))
        .then(|| atlas().parse_country(code))
        .flatten()
        .ok_or_else(|| Box::new(error_with(Frame::plain(visit.messages(Language::English)), WebError::NotFound)))?;
    Ok((country.code, Frame::for_country(visit, &state.index(), country.code)))
}

/// Anything no route knows: a real 404 page that still shows how to get urgent help.
pub async fn not_found(visit: Visit) -> Response {
    error_page(Frame::plain(visit.messages(Language::English)), &WebError::NotFound)
}
