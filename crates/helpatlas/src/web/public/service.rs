//! `/services/{id}`: everything about one service, every channel as a working link with its hours,
//! and — when it is closed now — helplines that are open.

use super::render;
use crate::i18n::Language;
use crate::i18n::Messages;
use crate::model::{Place, Service};
use crate::web::language::Visit;
use crate::web::view::{
    area_label, channel_view, eligibility_line, href, local_text, short_url, source_date_label, ChannelView, LocalText,
};
use crate::web::{AppState, Frame, WebError};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use chrono::Utc;
use uuid::Uuid;

/// A followed feed the listing came from: "From FEED, updated DATE. Licence: …".
pub struct Origin {
    pub feed: String,
    pub updated: String,
    pub licence: String,
}

pub struct Alternative {
    pub href: String,
    pub name: String,
}

#[derive(Template)]
#[template(path = "service.html")]
struct ServicePage {
    t: &'static Messages,
    frame: Frame,
    name: String,
    alternate_name: Option<String>,
    kind: &'static str,
    organization: Option<(String, Option<String>)>,
    description: LocalText,
    website: Option<(String, String)>,
    channels: Vec<ChannelView>,
    timezone: String,
    open_now: bool,
    areas: String,
    eligibility: Option<String>,
    eligibility_note: Option<LocalText>,
    cost: Option<&'static str>,
    languages: String,
    topics: Vec<&'static str>,
    audiences: Vec<&'static str>,
    verified_on: String,
    verified: bool,
    /// Not checked against its source for over 12 months.
    stale: bool,
    source_url: Option<String>,
    source_date: Option<String>,
    origins: Vec<Origin>,
    alternatives: Vec<Alternative>,
    report_href: String,
}

fn home_place(service: &Service) -> Option<Place> {
    let country = crate::geo::home_country(&service.areas)?;
    Some(Place { country, subdivisions: Vec::new(), point: None })
}

/// In the language of the service's country unless `hl` names another.
pub async fn page(State(state): State<AppState>, visit: Visit, Path(id): Path<String>) -> Result<Response, WebError> {
    let id: Uuid = id.parse().map_err(|_| WebError::NotFound)?;
    let index = state.index();
    let s = index.service(id).ok_or(WebError::NotFound)?;
    let now = Utc::now();
    let place = home_place(&s);
    let frame = match &place {
        Some(p) => Frame::for_country(&visit, &index, p.country),
        None => Frame::international(&visit, Language::English),
    };
    let t = frame.t;
    let open_now = s.is_open_now(now);
    let alternatives = match (&place, open_now) {
        (Some(p), false) => index
            .open_alternatives(p, now, s.id)
            .into_iter()
            .map(|a| Alternative { href: format!("/services/{}", a.id), name: a.name.clone() })
            .collect(),
        _ => Vec::new(),
    };
    // The listing's feeds, when it came from any: a page without them is better than no page.
    let updated = t.date(s.last_modified.date_naive());
    let origins = match state.store.origins(s.id).await {
        Ok(origins) => origins,
        Err(e) => {
            tracing::warn!(error = %e, "cannot read where a listing came from");
            Vec::new()
        }
    };
    let origins =
        origins.into_iter().map(|o| Origin { feed: o.feed, updated: updated.clone(), licence: o.licence }).collect();
    let language = t.lang;
    render(
        t,
        ServicePage {
            t,
            frame: frame.titled(&s.name),
            name: s.name.clone(),
            alternate_name: s.alternate_name.clone(),
            kind: s.kind.code(),
            organization: index
                .organization(s.organization_id)
                .map(|o| (o.name.clone(), o.url.as_deref().and_then(href))),
            description: local_text(s.description_in(language), language, t),
            website: s.url.as_deref().and_then(href).map(|u| (short_url(&u), u)),
            channels: s
                .channels
                .iter()
                .map(|c| channel_view(c, s.timezone, place.as_ref().map(|p| p.country), now, t))
                .collect(),
            timezone: s.timezone.name().to_string(),
            open_now,
            areas: s.areas.iter().map(|a| area_label(a, t)).collect::<Vec<_>>().join(", "),
            eligibility: eligibility_line(&s, t),
            eligibility_note: s.eligibility_note_in(language).map(|n| local_text(n, language, t)),
            cost: s.cost.map(|c| c.code()),
            languages: s.languages.iter().map(|l| t.language_name(l)).collect::<Vec<_>>().join(", "),
            topics: s.topics.iter().map(|x| x.code()).collect(),
            audiences: s.audiences.iter().map(|x| x.code()).collect(),
            verified_on: t.date(s.verified_on),
            verified: s.status == crate::model::VerificationStatus::Verified,
            stale: now
                .date_naive()
                .checked_sub_months(chrono::Months::new(12))
                .is_some_and(|limit| s.verified_on < limit),
            source_url: href(&s.source_url),
            source_date: s.source_date.map(|d| source_date_label(d, t)),
            origins,
            alternatives,
            report_href: format!("/services/{}/report", s.id),
        },
    )
}
