//! `/{cc}`: a country's emergency numbers first, then what help exists there, by kind.

use super::render;
use crate::geo::{atlas, EmergencyNumbers};
use crate::i18n::Messages;
use crate::model::{CountryCode, Coverage, Kind, Place};
use crate::search::Hit;
use crate::web::view::{area_label, channel_label, eligibility_line, NumberView};
use crate::web::{AppState, Frame, WebError};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};

pub struct EmergencyView {
    pub rows: Vec<(String, Vec<NumberView>)>,
    pub note: Option<String>,
    pub source_url: String,
    pub checked_on: String,
}

pub struct ServiceSummary {
    pub href: String,
    pub name: String,
    pub organization: String,
    pub description: String,
    pub channels: String,
    pub eligibility: Option<String>,
    /// Set when the service covers only part of the country: where it does.
    pub only_in: Option<String>,
}

pub struct KindSection {
    pub code: &'static str,
    pub services: Vec<ServiceSummary>,
}

#[derive(Template)]
#[template(path = "country.html")]
struct CountryPage {
    t: &'static Messages,
    frame: Frame,
    country_name: String,
    emergency: Option<EmergencyView>,
    sections: Vec<KindSection>,
}

fn emergency_view(e: &EmergencyNumbers, t: &Messages) -> EmergencyView {
    let rows = [
        ("emergency.general", &e.general),
        ("emergency.police", &e.police),
        ("emergency.ambulance", &e.ambulance),
        ("emergency.fire", &e.fire),
    ]
    .into_iter()
    .filter(|(_, numbers)| !numbers.is_empty())
    .map(|(key, numbers)| (t.get(key).to_string(), numbers.iter().map(|n| NumberView::short(n)).collect()))
    .collect();
    EmergencyView { rows, note: e.note.clone(), source_url: e.source_url.clone(), checked_on: e.checked_on.to_string() }
}

fn summary(hit: &Hit, index: &crate::search::Index, t: &Messages) -> ServiceSummary {
    let s = hit.service;
    let mut channels: Vec<&str> = s.channels.iter().map(|c| channel_label(c.kind, t)).collect();
    channels.dedup();
    let only_in = (hit.coverage == Coverage::PartOfCountry)
        .then(|| s.areas.iter().map(|a| area_label(a, t)).collect::<Vec<_>>().join(", "));
    ServiceSummary {
        href: format!("/services/{}", s.id),
        name: s.name.clone(),
        organization: index.organization(s.organization_id).map(|o| o.name.clone()).unwrap_or_default(),
        description: s.description.clone(),
        channels: channels.join(", "),
        eligibility: eligibility_line(s, t),
        only_in,
    }
}

pub async fn page(State(state): State<AppState>, Path(code): Path<String>) -> Result<Response, WebError> {
    let t = state.messages;
    let country = (code.len() == 2).then(|| atlas().parse_country(&code)).flatten().ok_or(WebError::NotFound)?;
    // One address per country page: lowercase, so links and caches agree.
    if code != country.code.slug() {
        return Ok(Redirect::permanent(&format!("/{}", country.code.slug())).into_response());
    }
    let index = state.index();
    let cc: CountryCode = country.code;
    let place = Place { country: cc, subdivisions: Vec::new(), point: None };
    let sections = Kind::ALL
        .iter()
        .map(|kind| KindSection {
            code: kind.code(),
            services: index.available(&place, *kind).iter().map(|h| summary(h, &index, t)).collect(),
        })
        .collect();
    render(CountryPage {
        t,
        frame: Frame::for_country(t, &index, cc),
        country_name: country.name.clone(),
        emergency: atlas().emergency_numbers(cc).map(|e| emergency_view(e, t)),
        sections,
    })
}
