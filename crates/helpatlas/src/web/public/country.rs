//! `/{cc}`: a country's emergency numbers first, then what help exists there, by kind (the first few of
//! each, with a link to all). `?city=` or `?region=` narrows the place.

use super::{country_frame, error_with, render};
use crate::geo::{atlas, EmergencyNumbers};
use crate::i18n::Messages;
use crate::model::{Coverage, Kind};
use crate::search::{Hit, Index};
use crate::web::params::Params;
use crate::web::view::{area_label, channel_label, eligibility_line, NumberView};
use crate::web::{AppState, Frame, WebError};
use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Redirect, Response};

/// How many services of each kind the overview shows before "see all".
const PREVIEW: usize = 3;

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
    pub total: usize,
    pub href: String,
}

#[derive(Template)]
#[template(path = "country.html")]
struct CountryPage {
    t: &'static Messages,
    frame: Frame,
    country_slug: String,
    place_name: String,
    hidden: Vec<(&'static str, String)>,
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

fn summary(hit: &Hit, index: &Index, t: &Messages) -> ServiceSummary {
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

pub async fn page(
    State(state): State<AppState>,
    Path(code): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, Response> {
    // One address per country page: lowercase, so links and caches agree.
    if let Some(country) = atlas().parse_country(&code).filter(|c| code.len() == 2 && code != c.code.slug()) {
        let query = raw.map(|q| format!("?{q}")).unwrap_or_default();
        return Ok(Redirect::permanent(&format!("/{}{query}", country.code.slug())).into_response());
    }
    let (country, frame) = country_frame(&state, &code).map_err(|page| *page)?;
    let t = state.messages;
    let fail = |e: WebError| error_with(Frame::for_country(t, &state.index(), country), e);
    let params = Params::parse(raw.as_deref()).map_err(fail)?;
    let choice = params.place(country, t).map_err(fail)?;
    let index = state.index();
    let suffix = choice.query();
    let sections = Kind::ALL
        .iter()
        .map(|kind| {
            let hits = index.available(&choice.place, *kind);
            KindSection {
                code: kind.code(),
                total: hits.len(),
                services: hits.iter().take(PREVIEW).map(|h| summary(h, &index, t)).collect(),
                href: format!("/{}/{}{suffix}", country.slug(), kind.code()),
            }
        })
        .collect();
    render(CountryPage {
        t,
        frame,
        country_slug: country.slug(),
        place_name: choice.name.clone(),
        hidden: choice.params(),
        emergency: atlas().emergency_numbers(country).map(|e| emergency_view(e, t)),
        sections,
    })
    .map_err(fail)
}
