//! `/`: choose a country.

use super::render;
use crate::geo::atlas;
use crate::i18n::{Language, Messages};
use crate::model::remembered::Remembered;
use crate::model::Kind;
use crate::web::language::{with_language, Visit};
use crate::web::{Frame, WebError};
use askama::Template;
use axum::extract::Query;
use axum::http::{header, HeaderValue};
use axum::response::{Redirect, Response};
use serde::Deserialize;
use std::sync::{Arc, LazyLock};

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
    countries: Arc<[CountryOption]>,
    kinds: Vec<KindView>,
}

/// In the language `hl` names, else the best of the browser's `Accept-Language`: the only page
/// whose language the request headers choose, so it varies by that header.
pub async fn page(visit: Visit) -> Result<Response, WebError> {
    let frame = Frame::international(&visit, visit.start_page_language());
    let t = frame.t;
    let countries = countries_by_name(t);
    let kinds = Kind::ALL.iter().map(|k| KindView { code: k.code() }).collect();
    let mut response = render(t, HomePage { t, frame, countries, kinds })?;
    response.headers_mut().insert(header::VARY, HeaderValue::from_static("Accept-Language"));
    Ok(response)
}

/// Every country, named and ordered in `t`'s language: worked out once per language, since sorting
/// some 250 names with the language's collator was most of the start page's work.
fn countries_by_name(t: &Messages) -> Arc<[CountryOption]> {
    static SORTED: LazyLock<Remembered<Language, Arc<[CountryOption]>>> = LazyLock::new(Remembered::default);
    SORTED.get_or(t.language, || {
        let mut countries: Vec<CountryOption> = atlas()
            .countries()
            .iter()
            .map(|c| CountryOption { slug: c.code.slug(), name: t.country_name(c.code) })
            .collect();
        countries.sort_by(|a, b| t.compare(&a.name, &b.name));
        countries.into()
    })
}

#[derive(Deserialize)]
pub struct GoQuery {
    country: Option<String>,
}

/// The country form's target, for browsers without JavaScript: redirects to the country's page.
/// The chosen language goes along (the start page's form carries it): someone reading the start
/// page in Japanese reads Norway's pages in Japanese too.
pub async fn go(visit: Visit, Query(query): Query<GoQuery>) -> Result<Redirect, WebError> {
    let t = visit.messages(Language::English);
    let code = query.country.unwrap_or_default();
    match atlas().parse_country(code.trim()) {
        Some(country) => {
            let page = format!("/{}", country.code.slug());
            Ok(Redirect::to(&visit.requested().map_or_else(|| page.clone(), |l| with_language(&page, l))))
        }
        None => Err(WebError::BadRequest(t.with("error.unknown_country", "code", &code))),
    }
}
