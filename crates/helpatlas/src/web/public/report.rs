//! `/services/{id}/report`: "Report a problem" with a listed service, without an account, a cookie or
//! JavaScript. A refused form comes back with what was typed and why; a stored one leads to a
//! confirmation that lists the crisis lines open now.

use super::feedback::{self, Posted, Problems};
use super::render;
use crate::i18n::{Language, Messages};
use crate::model::Service;
use crate::moderation::guard::HONEYPOT;
use crate::moderation::input::{ReportForm, CONTACT_MAX, DETAIL_MAX};
use crate::moderation::{report_form_id, Reason, Sent};
use crate::web::language::{with_language, Visit};
use crate::web::view::channel_label;
use crate::web::{AppState, Frame, WebError};
use askama::Template;
use axum::extract::{Path, Request, State};
use axum::response::{IntoResponse, Redirect, Response};
use uuid::Uuid;

/// One choice of a radio group or select.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub checked: bool,
}

#[derive(Template)]
#[template(path = "report.html")]
struct ReportPage {
    t: &'static Messages,
    frame: Frame,
    service_name: String,
    service_href: String,
    action: String,
    token: String,
    reasons: Vec<Choice>,
    channels: Vec<Choice>,
    typed: ReportForm,
    problems: Problems,
    detail_max: usize,
    contact_max: usize,
    honeypot: &'static str,
}

impl ReportPage {
    fn error(&self, field: &str) -> Option<&String> {
        self.problems.get(field)
    }
}

fn find(state: &AppState, visit: &Visit, id: &str) -> Result<(Service, Frame), WebError> {
    let id: Uuid = id.parse().map_err(|_| WebError::NotFound)?;
    let index = state.index();
    let service = index.service(id).ok_or(WebError::NotFound)?;
    let frame = match crate::geo::home_country(&service.areas) {
        Some(country) => Frame::for_country(visit, &index, country),
        None => Frame::international(visit, Language::English),
    };
    Ok((service, frame))
}

fn page(
    state: &AppState,
    service: &Service,
    frame: Frame,
    typed: ReportForm,
    problems: Problems,
) -> Result<Response, WebError> {
    let t = frame.t;
    let intake = feedback::intake(state)?;
    let reasons = Reason::ALL
        .iter()
        .map(|r| Choice {
            value: r.code().into(),
            label: t.get(&format!("report.reason.{}", r.code())).to_string(),
            checked: typed.reason == r.code(),
        })
        .collect();
    let channels = service
        .channels
        .iter()
        .enumerate()
        .map(|(i, c)| Choice {
            value: i.to_string(),
            label: format!("{}: {}", channel_label(c.kind, t), c.value),
            checked: typed.channel == i.to_string(),
        })
        .collect();
    let title = t.with("report.title", "name", &service.name);
    render(
        t,
        ReportPage {
            t,
            frame: frame.titled(&title),
            service_name: service.name.clone(),
            service_href: format!("/services/{}", service.id),
            action: format!("/services/{}/report", service.id),
            token: intake.token(&report_form_id(service.id)),
            reasons,
            channels,
            typed,
            problems,
            detail_max: DETAIL_MAX,
            contact_max: CONTACT_MAX,
            honeypot: HONEYPOT,
        },
    )
}

pub async fn form(State(state): State<AppState>, visit: Visit, Path(id): Path<String>) -> Result<Response, WebError> {
    let (service, frame) = find(&state, &visit, &id)?;
    page(&state, &service, frame, ReportForm::default(), Problems::default())
}

pub async fn submit(
    State(state): State<AppState>,
    visit: Visit,
    Path(id): Path<String>,
    request: Request,
) -> Result<Response, WebError> {
    let (service, frame) = find(&state, &visit, &id)?;
    let intake = feedback::intake(&state)?;
    let posted = Posted::read(request, intake.settings.trust_proxy).await?;
    let typed = ReportForm {
        reason: posted.field("reason"),
        channel: posted.field("channel"),
        detail: posted.field("detail"),
        contact: posted.field("contact"),
    };
    let (token, honeypot) = (posted.field("token"), posted.field(HONEYPOT));
    let sent = Sent { token: &token, honeypot: &honeypot, client: posted.client };
    match intake.report(&service, &typed, sent).await {
        Ok(_) => {
            let sent = format!("/services/{}/report/sent", service.id);
            Ok(Redirect::to(&with_language(&sent, frame.t.language)).into_response())
        }
        Err(refusal) => feedback::refused(frame.t, frame, refusal, intake.min_fill_seconds(), |frame, problems| {
            page(&state, &service, frame, typed.clone(), problems)
        }),
    }
}

pub async fn sent(State(state): State<AppState>, visit: Visit, Path(id): Path<String>) -> Result<Response, WebError> {
    let (service, frame) = find(&state, &visit, &id)?;
    let country = crate::geo::home_country(&service.areas);
    let back = (format!("/services/{}", service.id), frame.t.with("feedback.back_to", "name", &service.name));
    feedback::sent_page(&state, &visit, country, Some(service.id), true, back)
}
