//! `/{cc}`: a country's emergency numbers first, then what help exists there, by kind (the first few of
//! each, with a link to all). `?city=` or `?region=` narrows the place.

use super::results::{item, Listing, ResultItem};
use super::{country_frame, error_with, render};
use crate::geo::{atlas, EmergencyNumbers, Numbers, SourceStatus};
use crate::i18n::Messages;
use crate::model::{Coverage, Kind};
use crate::web::language::Visit;
use crate::web::params::Params;
use crate::web::view::{source_date_label, NumberView};
use crate::web::{AppState, Frame, WebError};
use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{NaiveDate, Utc};

/// How many services of each kind the overview shows before "see all".
const PREVIEW: usize = 3;

pub struct EmergencyView {
    pub rows: Vec<EmergencyRow>,
    pub note: Option<String>,
    pub source_url: String,
    pub official: bool,
    pub more_sources: Vec<String>,
    pub checked_on: String,
    /// Why the numbers count as unconfirmed, if they do.
    pub unconfirmed: Option<String>,
}

/// One line of the emergency box: the numbers of a service, or why there is none to show.
pub struct EmergencyRow {
    pub label: String,
    pub numbers: Vec<NumberView>,
    /// Said instead of numbers when none is known.
    pub missing: Option<String>,
}

pub struct KindSection {
    pub code: &'static str,
    pub services: Vec<ResultItem>,
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

fn emergency_view(e: &EmergencyNumbers, t: &Messages, today: NaiveDate) -> EmergencyView {
    let general = e.general.listed().first();
    let mut rows: Vec<EmergencyRow> = Vec::new();
    if let Numbers::Listed(numbers) = &e.general {
        rows.push(EmergencyRow::listed(t.get("emergency.general"), numbers));
    }
    for (key, numbers) in
        [("emergency.police", &e.police), ("emergency.ambulance", &e.ambulance), ("emergency.fire", &e.fire)]
    {
        let label = t.get(key);
        match numbers {
            Numbers::Listed(numbers) => rows.push(EmergencyRow::listed(label, numbers)),
            // The general number, shown above, is the one to call.
            Numbers::NoSeparate => {}
            Numbers::Unknown => {
                let missing = match general {
                    Some(number) => t.with("emergency.unknown_call", "number", number),
                    None => t.get("emergency.not_known").to_string(),
                };
                rows.push(EmergencyRow { label: label.to_string(), numbers: Vec::new(), missing: Some(missing) });
            }
        }
    }
    EmergencyView {
        rows,
        note: e.note.clone(),
        source_url: e.source_url.clone(),
        official: e.status == SourceStatus::Official,
        more_sources: e.more_sources.clone(),
        checked_on: t.date(e.checked_on),
        unconfirmed: unconfirmed(e, t, today),
    }
}

/// Why a row's numbers are not confirmed: only second sources, no date on the source, or an old one.
fn unconfirmed(e: &EmergencyNumbers, t: &Messages, today: NaiveDate) -> Option<String> {
    if e.is_confirmed(today) {
        return None;
    }
    Some(match (e.status, e.source_date) {
        (SourceStatus::Unverified, _) => t.get("emergency.unconfirmed_secondary").to_string(),
        (SourceStatus::Official, None) => t.get("emergency.unconfirmed_undated").to_string(),
        (SourceStatus::Official, Some(date)) => {
            t.with("emergency.unconfirmed_old", "date", &source_date_label(date, t))
        }
    })
}

impl EmergencyRow {
    fn listed(label: &str, numbers: &[String]) -> EmergencyRow {
        EmergencyRow {
            label: label.to_string(),
            numbers: numbers.iter().map(|n| NumberView::short(n)).collect(),
            missing: None,
        }
    }
}

pub async fn page(
    State(state): State<AppState>,
    visit: Visit,
    Path(code): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, Response> {
    // One address per country page: lowercase, so links and caches agree.
    if let Some(country) = atlas().parse_country(&code).filter(|c| code.len() == 2 && code != c.code.slug()) {
        let query = raw.map(|q| format!("?{q}")).unwrap_or_default();
        return Ok(Redirect::permanent(&format!("/{}{query}", country.code.slug())).into_response());
    }
    let (country, frame) = country_frame(&state, &visit, &code).map_err(|page| *page)?;
    let t = frame.t;
    let fail = |e: WebError| error_with(Frame::country_frame(t, &state.index(), country), e);
    let params = Params::parse(raw.as_deref()).map_err(fail)?;
    let choice = params.place(country, t).map_err(fail)?;
    let index = state.index();
    let listing = Listing { index: &index, t, now: chrono::Utc::now(), language: t.lang, country };
    let suffix = choice.query();
    let sections = Kind::ALL
        .iter()
        .map(|kind| {
            let available = index.available(&choice.place, *kind, PREVIEW);
            KindSection {
                code: kind.code(),
                total: available.total,
                services: available
                    .first
                    .iter()
                    .map(|h| item(&h.service, None, h.coverage == Coverage::PartOfCountry, &listing))
                    .collect(),
                href: format!("/{}/{}{suffix}", country.slug(), kind.code()),
            }
        })
        .collect();
    render(
        t,
        CountryPage {
            t,
            frame,
            country_slug: country.slug(),
            place_name: choice.name.clone(),
            hidden: choice.params(),
            emergency: atlas().emergency_numbers(country).map(|e| emergency_view(e, t, Utc::now().date_naive())),
            sections,
        },
    )
    .map_err(fail)
}
