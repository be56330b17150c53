//! What the public forms share: their routes (outside the page cache: each form carries a fresh
//! token), the client address for the rate limit (never stored or logged), the answers to a refused
//! form, and the confirmation that lists crisis lines open now.

use super::{render, report, suggest};
use crate::editing::validate::Invalid;
use crate::i18n::{Language, Messages};
use crate::model::{CountryCode, Place};
use crate::moderation::guard::TokenProblem;
use crate::moderation::{Intake, Refusal};
use crate::web::language::Visit;
use crate::web::view::{phone_link, NumberView};
use crate::web::{AppState, Frame, WebError};
use askama::Template;
use axum::body::to_bytes;
use axum::extract::{ConnectInfo, Request};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use chrono::Utc;
use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use uuid::Uuid;

/// The header a trusted proxy puts the client's address in.
const FORWARDED_FOR: &str = "x-forwarded-for";

/// Largest form accepted: every field at its limit, encoded, fits well within it.
const MAX_FORM_BYTES: usize = 32 * 1024;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/services/{id}/report", get(report::form).post(report::submit))
        .route("/services/{id}/report/sent", get(report::sent))
        .route("/{country}/suggest", get(suggest::form).post(suggest::submit))
        .route("/{country}/suggest/sent", get(suggest::sent))
        .layer(axum::middleware::from_fn(private))
}

/// Pages with a form carry a token for one visitor: no shared cache may keep them.
async fn private(request: Request, next: axum::middleware::Next) -> Response {
    let mut response = next.run(request).await;
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// The intake of the server; without one (it always has one once started) the forms are not found.
pub fn intake(state: &AppState) -> Result<Arc<Intake>, WebError> {
    state.intake.clone().ok_or(WebError::NotFound)
}

/// The client's address, for counting its forms: the socket's, or behind a trusted proxy the last
/// address it added. Only a keyed hash of it is kept, in memory, for the rate-limit window.
fn client(request: &Request, trust_proxy: bool) -> Option<IpAddr> {
    let headers: &HeaderMap = request.headers();
    let proxied = trust_proxy
        .then(|| headers.get(FORWARDED_FOR).and_then(|v| v.to_str().ok()))
        .flatten()
        .and_then(|list| list.rsplit(',').next())
        .and_then(|ip| ip.trim().parse().ok());
    proxied.or_else(|| request.extensions().get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip()))
}

/// A form as sent: its fields (the first value of each name) and the client's address.
pub struct Posted {
    pub fields: HashMap<String, String>,
    pub client: Option<IpAddr>,
}

impl Posted {
    /// Reads a form of at most [`MAX_FORM_BYTES`]; a larger one is a bad request.
    pub async fn read(request: Request, trust_proxy: bool) -> Result<Posted, WebError> {
        let client = client(&request, trust_proxy);
        let body = to_bytes(request.into_body(), MAX_FORM_BYTES)
            .await
            .map_err(|_| WebError::BadRequest(format!("The form is larger than {} KB.", MAX_FORM_BYTES / 1024)))?;
        let mut fields = HashMap::new();
        for (k, v) in url::form_urlencoded::parse(&body) {
            fields.entry(k.into_owned()).or_insert_with(|| v.into_owned());
        }
        Ok(Posted { fields, client })
    }

    pub fn field(&self, name: &str) -> String {
        self.fields.get(name).cloned().unwrap_or_default()
    }
}

/// A form page's messages: one per field, and one for the whole form.
#[derive(Default)]
pub struct Problems {
    pub fields: HashMap<String, String>,
    pub form: Option<String>,
}

impl Problems {
    pub fn get(&self, field: &str) -> Option<&String> {
        self.fields.get(field)
    }

    pub fn is_empty(&self) -> bool {
        self.fields.is_empty() && self.form.is_none()
    }

    pub fn summary(&self) -> Vec<(String, String)> {
        let mut list: Vec<(String, String)> = self.fields.iter().map(|(f, m)| (f.clone(), m.clone())).collect();
        list.sort();
        list
    }

    fn invalid(invalid: &Invalid) -> Problems {
        let mut fields: HashMap<String, String> = HashMap::new();
        for e in &invalid.0 {
            fields
                .entry(e.field.clone())
                .and_modify(|m| {
                    m.push_str("; ");
                    m.push_str(&e.message)
                })
                .or_insert_with(|| e.message.clone());
        }
        Problems { fields, form: None }
    }

    fn whole(message: String) -> Problems {
        Problems { fields: HashMap::new(), form: Some(message) }
    }
}

#[derive(Template)]
#[template(path = "feedback_limited.html")]
struct LimitedPage {
    t: &'static Messages,
    frame: Frame,
    minutes: u64,
}

/// A refused form: over the rate limit (429, a page that says when to try again), a store failure
/// (an error page), or the form again with what was typed and why (422).
pub fn refused(
    t: &'static Messages,
    frame: Frame,
    refusal: Refusal,
    min_fill: i64,
    again: impl FnOnce(Frame, Problems) -> Result<Response, WebError>,
) -> Result<Response, WebError> {
    let problems = match refusal {
        Refusal::Limited(limited) => {
            let minutes = limited.retry_after.as_secs().div_ceil(60).max(1);
            let mut response =
                render(t, LimitedPage { t, frame: frame.titled(t.get("feedback.limited.title")), minutes })?;
            *response.status_mut() = StatusCode::TOO_MANY_REQUESTS;
            let seconds = HeaderValue::from(limited.retry_after.as_secs().max(1));
            response.headers_mut().insert(header::RETRY_AFTER, seconds);
            return Ok(response);
        }
        Refusal::Store(e) => return Err(WebError::Store(e)),
        Refusal::Trap => Problems::whole(t.get("feedback.trap").to_string()),
        Refusal::Token(TokenProblem::TooFast) => {
            Problems::whole(t.with("feedback.too_fast", "seconds", &min_fill.to_string()))
        }
        Refusal::Token(_) => Problems::whole(t.get("feedback.expired").to_string()),
        Refusal::Invalid(invalid) => Problems::invalid(&invalid),
    };
    let mut response = again(frame, problems)?;
    *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    Ok(response)
}

/// A crisis line open now, for the confirmation page.
pub struct OpenLine {
    pub name: String,
    pub href: String,
    pub number: Option<NumberView>,
}

#[derive(Template)]
#[template(path = "feedback_sent.html")]
struct SentPage {
    t: &'static Messages,
    frame: Frame,
    heading: String,
    next_steps: &'static str,
    lines: Vec<OpenLine>,
    country_slug: Option<String>,
    back: (String, String),
}

/// The confirmation: what happens next, and the country's crisis lines that are open now (the one
/// reported left out: it may be the line that did not answer).
pub fn sent_page(
    state: &AppState,
    visit: &Visit,
    country: Option<CountryCode>,
    leave_out: Option<Uuid>,
    is_report: bool,
    back: (String, String),
) -> Result<Response, WebError> {
    let index = state.index();
    let now = Utc::now();
    let lines = match country {
        Some(code) => index
            .crisis_lines(&Place { country: code, subdivisions: Vec::new(), point: None }, 12)
            .into_iter()
            .filter(|s| Some(s.id) != leave_out && s.is_open_now(now))
            .map(|s| OpenLine {
                href: format!("/services/{}", s.id),
                number: s
                    .channels
                    .iter()
                    .find(|c| c.kind == crate::model::ChannelType::Phone)
                    .map(|c| phone_link(&c.value, Some(code))),
                name: s.name.clone(),
            })
            .collect(),
        None => Vec::new(),
    };
    let frame = match country {
        Some(code) => Frame::for_country(visit, &index, code),
        None => Frame::international(visit, Language::English),
    };
    let t = frame.t;
    let (heading, next_steps) = match is_report {
        true => (t.get("feedback.sent.report"), "feedback.sent.report_next"),
        false => (t.get("feedback.sent.suggestion"), "feedback.sent.suggestion_next"),
    };
    let page = SentPage {
        t,
        frame: frame.titled(heading),
        heading: heading.to_string(),
        next_steps,
        lines,
        country_slug: country.map(|c| c.slug()),
        back,
    };
    Ok(render(t, page)?.into_response())
}
