//! `/`: choose a country.

use super::render;
use crate::geo::atlas;
use crate::i18n::Messages;
use crate::model::Kind;
use crate::web::{AppState, Frame, WebError};
use askama::Template;
use axum::extract::{Query, State};
use axum::response::{Redirect, Response};
use serde::Deserialize;

pub struct CountryOption {
    pub slug: String,
    pub name: String,
}

pub struct KindView {
    pub code: &'static str,
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    t: &'static Messages,
    frame: Frame,
    countries: Vec<CountryOption>,
    kinds: Vec<KindView>,
}

pub async fn page(State(state): State<AppState>) -> Result<Response, WebError> {
    let t = state.messages;
    let countries =
        atlas().countries().iter().map(|c| CountryOption { slug: c.code.slug(), name: c.name.clone() }).collect();
    let kinds = Kind::ALL.iter().map(|k| KindView { code: k.code() }).collect();
    render(HomePage { t, frame: Frame::international(t, Some(&state.index())), countries, kinds })
}

#[derive(Deserialize)]
pub struct GoQuery {
    country: Option<String>,
}

/// The country form's target, for browsers without JavaScript: redirects to the country's page.
pub async fn go(State(state): State<AppState>, Query(query): Query<GoQuery>) -> Result<Redirect, WebError> {
    let t = state.messages;
    let code = query.country.unwrap_or_default();
    match atlas().parse_country(code.trim()) {
        Some(country) => Ok(Redirect::to(&format!("/{}", country.code.slug()))),
        None => Err(WebError::BadRequest(t.with("error.unknown_country", "code", &code))),
    }
}
