//! `/{cc}/suggest`: "Suggest a service" missing from a country's listings, without an account, a
//! cookie or JavaScript. Linked from the country page and every results page (with its kind).

use super::feedback::{self, Posted, Problems};
use super::report::Choice;
use super::{country_frame, render};
use crate::i18n::Messages;
use crate::model::{CountryCode, Kind};
use crate::moderation::guard::HONEYPOT;
use crate::moderation::input::{SuggestionForm, CONTACT_MAX, NAME_MAX, PLACE_MAX, REACH_MAX, URL_MAX, WHO_MAX};
use crate::moderation::{suggestion_form_id, Sent};
use crate::web::language::{with_language, Visit};
use crate::web::{AppState, Frame, WebError};
use askama::Template;
use axum::extract::{Path, Query, Request, State};
use axum::response::{IntoResponse, Redirect, Response};

/// What a link to the form may say: the kind of help of the results page it is on.
#[derive(serde::Deserialize)]
pub struct FormQuery {
    kind: Option<String>,
}

/// The size limit of each field, for the form's `maxlength`s.
pub struct Limits {
    pub name: usize,
    pub reach: usize,
    pub who: usize,
    pub place: usize,
    pub url: usize,
    pub contact: usize,
}

const LIMITS: Limits =
    Limits { name: NAME_MAX, reach: REACH_MAX, who: WHO_MAX, place: PLACE_MAX, url: URL_MAX, contact: CONTACT_MAX };

#[derive(Template)]
#[template(path = "suggest.html")]
struct SuggestPage {
    t: &'static Messages,
    frame: Frame,
    country_name: String,
    action: String,
    token: String,
    kinds: Vec<Choice>,
    typed: SuggestionForm,
    problems: Problems,
    limits: Limits,
    honeypot: &'static str,
}

impl SuggestPage {
    fn error(&self, field: &str) -> Option<&String> {
        self.problems.get(field)
    }
}

fn page(
    state: &AppState,
    country: CountryCode,
    frame: Frame,
    typed: SuggestionForm,
    problems: Problems,
) -> Result<Response, WebError> {
    let t = frame.t;
    let intake = feedback::intake(state)?;
    let kinds = Kind::ALL
        .iter()
        .map(|k| Choice {
            value: k.code().into(),
            label: t.label("kind", k.code()).to_string(),
            checked: typed.kind == k.code(),
        })
        .collect();
    let country_name = frame.title.clone();
    render(
        t,
        SuggestPage {
            t,
            frame: frame.titled(&t.with("suggest.title", "country", &country_name)),
            country_name,
            action: format!("/{}/suggest", country.slug()),
            token: intake.token(&suggestion_form_id(country)),
            kinds,
            typed,
            problems,
            limits: LIMITS,
            honeypot: HONEYPOT,
        },
    )
}

pub async fn form(
    State(state): State<AppState>,
    visit: Visit,
    Path(code): Path<String>,
    Query(query): Query<FormQuery>,
) -> Result<Response, Response> {
    let (country, frame) = country_frame(&state, &visit, &code).map_err(|page| *page)?;
    // A results page passes its kind on; anything else is simply not chosen.
    let kind = query.kind.filter(|k| k.parse::<Kind>().is_ok()).unwrap_or_default();
    let typed = SuggestionForm { kind, ..SuggestionForm::default() };
    page(&state, country, frame, typed, Problems::default()).map_err(IntoResponse::into_response)
}

pub async fn submit(
    State(state): State<AppState>,
    visit: Visit,
    Path(code): Path<String>,
    request: Request,
) -> Result<Response, Response> {
    let (country, frame) = country_frame(&state, &visit, &code).map_err(|page| *page)?;
    receive(&state, country, frame, request).await.map_err(IntoResponse::into_response)
}

async fn receive(state: &AppState, country: CountryCode, frame: Frame, request: Request) -> Result<Response, WebError> {
    let intake = feedback::intake(state)?;
    let posted = Posted::read(request, intake.settings.trust_proxy).await?;
    let typed = SuggestionForm {
        name: posted.field("name"),
        kind: posted.field("kind"),
        reach: posted.field("reach"),
        who: posted.field("who"),
        place: posted.field("place"),
        source_url: posted.field("source_url"),
        contact: posted.field("contact"),
    };
    let (token, honeypot) = (posted.field("token"), posted.field(HONEYPOT));
    let sent = Sent { token: &token, honeypot: &honeypot, client: posted.client };
    match intake.suggest(country, &typed, sent).await {
        Ok(_) => {
            let sent = format!("/{}/suggest/sent", country.slug());
            Ok(Redirect::to(&with_language(&sent, frame.t.language)).into_response())
        }
        Err(refusal) => feedback::refused(frame.t, frame, refusal, intake.min_fill_seconds(), |frame, problems| {
            page(state, country, frame, typed.clone(), problems)
        }),
    }
}

pub async fn sent(State(state): State<AppState>, visit: Visit, Path(code): Path<String>) -> Result<Response, Response> {
    let (country, frame) = country_frame(&state, &visit, &code).map_err(|page| *page)?;
    let back = (format!("/{}", country.slug()), frame.t.with("feedback.back_to", "name", &frame.title));
    feedback::sent_page(&state, &visit, Some(country), None, false, back).map_err(IntoResponse::into_response)
}
