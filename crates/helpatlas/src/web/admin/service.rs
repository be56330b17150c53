//! A service's pages: the edit form (every field the public pages show, channels with their hours),
//! retire and restore, holiday closures and special hours, and marking it verified.

use super::form::FormData;
use super::guard::Visitor;
use super::page::{self, Nav};
use super::records::{after_save, author, saved_notice, FormState};
use super::AdminState;
use crate::editing::draft::{ChannelDraft, ServiceDraft};
use crate::editing::{ClosureDraft, EditError};
use crate::i18n::english;
use crate::model::{
    Audience, ChannelType, Cost, DeliveredBy, Form, Kind, Moderation, RecordKind, Referral, Service, Topic,
    VerificationStatus,
};
use askama::Template;
use axum::extract::{OriginalUri, Path, Query, RawForm};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use chrono::{NaiveDate, Utc};
use std::collections::HashMap;
use std::fmt::Display;
use std::sync::Arc;
use uuid::Uuid;

/// Empty channel rows offered after the service's own, for adding channels without JavaScript.
const BLANK_CHANNELS: usize = 2;

/// One option of a checkbox group or select.
pub struct Choice {
    pub code: String,
    pub label: String,
    pub checked: bool,
}

fn choices<T: Copy + Display>(all: &[T], vocabulary: &str, chosen: &[String]) -> Vec<Choice> {
    let t = english();
    all.iter()
        .map(|v| {
            let code = v.to_string();
            Choice { label: t.label(vocabulary, &code).to_string(), checked: chosen.contains(&code), code }
        })
        .collect()
}

pub struct ChannelRow {
    pub index: usize,
    pub kinds: Vec<Choice>,
    pub d: ChannelDraft,
}

impl ChannelRow {
    /// The form field of this row's `part`, e.g. `channels[0].hours`.
    pub fn field(&self, part: &str) -> String {
        format!("channels[{}].{part}", self.index)
    }
}

#[derive(Template)]
#[template(path = "admin/service.html")]
struct ServicePage {
    nav: Option<Nav>,
    title: String,
    csrf: String,
    action: String,
    id: Option<String>,
    retired: Option<String>,
    /// Fields changed here whose value differs at a followed feed, by feed.
    feed_differs: Vec<(String, String)>,
    organization_name: Option<String>,
    d: ServiceDraft,
    state: FormState,
    kinds: Vec<Choice>,
    forms: Vec<Choice>,
    topics: Vec<Choice>,
    audiences: Vec<Choice>,
    delivered_by: Vec<Choice>,
    costs: Vec<Choice>,
    moderations: Vec<Choice>,
    referrals: Vec<Choice>,
    statuses: Vec<Choice>,
    locations: Vec<Choice>,
    channels: Vec<ChannelRow>,
}

impl ServicePage {
    fn error(&self, field: &str) -> Option<&String> {
        self.state.errors.get(field)
    }
}

async fn service_page(
    admin: &AdminState,
    visitor: &Visitor,
    id: Option<Uuid>,
    stored: Option<&Service>,
    d: ServiceDraft,
    status: StatusCode,
    state: FormState,
) -> Response {
    let Some(session) = &visitor.session else { return page::not_found() };
    let organization = d.organization_id.parse::<Uuid>().ok();
    let (organization_name, locations) = match organization {
        Some(o) => {
            let name = match admin.editing.record(RecordKind::Organization, o).await {
                Ok(v) => Some(v.record.name().to_string()),
                Err(EditError::Store(e)) => return page::store_error(&e),
                Err(_) => None,
            };
            let locations = match admin.editing.locations_of(o).await {
                Ok(list) => list,
                Err(EditError::Store(e)) => return page::store_error(&e),
                Err(_) => Vec::new(),
            };
            (name, locations)
        }
        None => (None, Vec::new()),
    };
    let origins = match id {
        Some(id) => match admin.store.origins(id).await {
            Ok(origins) => origins,
            Err(e) => return page::store_error(&e),
        },
        None => Vec::new(),
    };
    let feed_differs =
        origins.into_iter().filter(|o| !o.differs.is_empty()).map(|o| (o.feed, o.differs.join(", "))).collect();
    let single = |value: &str| vec![value.to_string()];
    let channel_kinds = |kind: &str| choices(ChannelType::ALL, ChannelType::VOCABULARY, &single(kind));
    let blanks = (0..BLANK_CHANNELS).map(|_| ChannelDraft::default());
    let channels = d
        .channels
        .iter()
        .cloned()
        .chain(blanks)
        .enumerate()
        .map(|(index, c)| ChannelRow { index, kinds: channel_kinds(&c.kind), d: c })
        .collect();
    page::render(
        status,
        ServicePage {
            nav: Some(Nav::of(session)),
            title: if d.name.is_empty() { "New service".into() } else { d.name.clone() },
            csrf: session.csrf_token.clone(),
            action: id.map_or("/admin/services/new".to_string(), |id| format!("/admin/services/{id}")),
            id: id.map(|i| i.to_string()),
            retired: stored.and_then(|s| s.retired.as_ref()).map(|r| format!("{}: {}", r.status.code(), r.reason)),
            feed_differs,
            organization_name,
            kinds: choices(Kind::ALL, Kind::VOCABULARY, &single(&d.kind)),
            forms: choices(Form::ALL, Form::VOCABULARY, &d.forms),
            topics: choices(Topic::ALL, Topic::VOCABULARY, &d.topics),
            audiences: choices(Audience::ALL, Audience::VOCABULARY, &d.audiences),
            delivered_by: choices(DeliveredBy::ALL, DeliveredBy::VOCABULARY, &d.delivered_by),
            costs: choices(Cost::ALL, Cost::VOCABULARY, &single(&d.cost)),
            moderations: choices(Moderation::ALL, Moderation::VOCABULARY, &single(&d.moderation)),
            referrals: choices(Referral::ALL, Referral::VOCABULARY, &single(&d.referral)),
            statuses: choices(VerificationStatus::ALL, VerificationStatus::VOCABULARY, &single(&d.status)),
            locations: locations
                .into_iter()
                .map(|(id, name)| Choice {
                    checked: d.location_ids.contains(&id.to_string()),
                    code: id.to_string(),
                    label: name,
                })
                .collect(),
            channels,
            d,
            state,
        },
    )
}

/// The draft of a sent service form; channel rows are `channels[N].PART`.
fn draft_of(sent: &FormData) -> ServiceDraft {
    let get = |k: &str| sent.get(k).to_string();
    let mut channels = Vec::new();
    for index in 0.. {
        let field = |part: &str| format!("channels[{index}].{part}");
        if !sent.has(&field("kind")) {
            break;
        }
        channels.push(ChannelDraft {
            kind: sent.get(&field("kind")).into(),
            value: sent.get(&field("value")).into(),
            label: sent.get(&field("label")).into(),
            hours: sent.get(&field("hours")).into(),
            exceptions: sent.get(&field("exceptions")).into(),
            remove: sent.has(&field("remove")),
        });
    }
    ServiceDraft {
        organization_id: get("organization_id"),
        name: get("name"),
        alternate_name: get("alternate_name"),
        kind: get("kind"),
        forms: sent.all("forms"),
        description: get("description"),
        url: get("url"),
        topics: sent.all("topics"),
        audiences: sent.all("audiences"),
        languages: get("languages"),
        cost: get("cost"),
        delivered_by: sent.all("delivered_by"),
        moderation: get("moderation"),
        areas: get("areas"),
        timezone: get("timezone"),
        min_age: get("min_age"),
        max_age: get("max_age"),
        residents_only: sent.has("residents_only"),
        referral: get("referral"),
        eligibility_note: get("eligibility_note"),
        location_ids: sent.all("location_ids"),
        channels,
        source_url: get("source_url"),
        source_date: get("source_date"),
        verified_on: get("verified_on"),
        status: get("status"),
    }
}

fn parse_id(id: &str) -> Option<Uuid> {
    id.parse().ok()
}

async fn load(admin: &AdminState, id: &str) -> Result<(Uuid, Service, i64), Response> {
    let id = parse_id(id).ok_or_else(page::not_found)?;
    match admin.editing.service(id).await {
        Ok((service, version)) => Ok((id, service, version)),
        Err(EditError::Store(e)) => Err(page::store_error(&e)),
        Err(_) => Err(page::not_found()),
    }
}

pub async fn new_form(
    Extension(admin): Extension<Arc<AdminState>>,
    Extension(visitor): Extension<Visitor>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let organization = query.get("organization").map_or("", String::as_str);
    let mut draft = ServiceDraft::new_for(organization, Utc::now().date_naive());
    let mut state = FormState::fresh(None);
    if let Some((suggestion, notice, note)) = super::queue::prefill(&admin, &query).await {
        draft = super::queue::suggested_service(draft, &suggestion);
        (state.notice, state.note) = (Some(notice), note);
    }
    service_page(&admin, &visitor, None, None, draft, StatusCode::OK, state).await
}

pub async fn edit_form(
    Extension(admin): Extension<Arc<AdminState>>,
    Extension(visitor): Extension<Visitor>,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let (id, service, version) = match load(&admin, &id).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let mut state = FormState::fresh(Some(version));
    state.notice = saved_notice(&query);
    if let Some((_, notice, note)) = super::queue::prefill(&admin, &query).await {
        (state.notice, state.note) = (Some(notice), note);
    }
    service_page(&admin, &visitor, Some(id), Some(&service), ServiceDraft::of(&service), StatusCode::OK, state).await
}

pub async fn create(
    Extension(admin): Extension<Arc<AdminState>>,
    Extension(visitor): Extension<Visitor>,
    OriginalUri(uri): OriginalUri,
    RawForm(body): RawForm,
) -> Response {
    let sent = FormData::parse(&body);
    let draft = draft_of(&sent);
    let result = admin.editing.save_service(None, None, &draft, &author(&visitor), sent.get("note")).await;
    let (status, state) = match result {
        Ok(_) | Err(EditError::NotFound) | Err(EditError::Store(_)) => {
            return after_save(result, "services", &uri, &sent, |_, _| page::not_found())
        }
        Err(EditError::Invalid(invalid)) => {
            (StatusCode::UNPROCESSABLE_ENTITY, FormState::invalid(&invalid, None, sent.get("note")))
        }
        Err(EditError::Conflict(c)) => (StatusCode::CONFLICT, FormState::conflicted(&c, sent.get("note"))),
    };
    service_page(&admin, &visitor, None, None, draft, status, state).await
}

pub async fn update(
    Extension(admin): Extension<Arc<AdminState>>,
    Extension(visitor): Extension<Visitor>,
    Path(id): Path<String>,
    OriginalUri(uri): OriginalUri,
    RawForm(body): RawForm,
) -> Response {
    let (id, stored, _) = match load(&admin, &id).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let sent = FormData::parse(&body);
    let Some(version) = sent.version() else {
        return page::missing_version(&sent);
    };
    let draft = draft_of(&sent);
    let result = admin.editing.save_service(Some(id), Some(version), &draft, &author(&visitor), sent.get("note")).await;
    let (status, state) = match result {
        Ok(_) | Err(EditError::NotFound) | Err(EditError::Store(_)) => {
            return after_save(result, "services", &uri, &sent, |_, _| page::not_found())
        }
        Err(EditError::Invalid(invalid)) => {
            (StatusCode::UNPROCESSABLE_ENTITY, FormState::invalid(&invalid, Some(version), sent.get("note")))
        }
        Err(EditError::Conflict(c)) => (StatusCode::CONFLICT, FormState::conflicted(&c, sent.get("note"))),
    };
    service_page(&admin, &visitor, Some(id), Some(&stored), draft, status, state).await
}

/// The page of one of a service's special edits (retire, closures, verify).
#[derive(Template)]
#[template(path = "admin/service_action.html")]
struct ActionPage {
    nav: Option<Nav>,
    title: String,
    csrf: String,
    id: String,
    /// `retire`, `closures` or `verify`.
    action: &'static str,
    version: i64,
    retired: Option<(String, String)>,
    source_url: String,
    /// The source as a link, when it may be one (see `view::href`).
    source_href: Option<String>,
    verified_on: String,
    channels: Vec<ClosureChannel>,
    sent: FormData,
    error: Option<String>,
}

pub struct ClosureChannel {
    pub index: usize,
    pub label: String,
    pub has_hours: bool,
    pub exceptions: Vec<(NaiveDate, String)>,
}

impl ActionPage {
    fn sent(&self, name: &str) -> &str {
        self.sent.get(name)
    }
}

fn action_page(
    visitor: &Visitor,
    action: &'static str,
    (id, service, version): (Uuid, &Service, i64),
    sent: FormData,
    status: StatusCode,
    error: Option<String>,
) -> Response {
    let Some(session) = &visitor.session else { return page::not_found() };
    let title = match action {
        "retire" => format!("Retire or restore {}", service.name),
        "closures" => format!("Closures and special hours of {}", service.name),
        _ => format!("Mark {} verified", service.name),
    };
    let channels = service
        .channels
        .iter()
        .enumerate()
        .map(|(index, c)| ClosureChannel {
            index,
            label: format!("{} {}", english().get(&format!("channel.{}", c.kind.code())), c.value),
            has_hours: c.hours.is_some(),
            exceptions: c
                .hours
                .iter()
                .flat_map(|h| h.exceptions.iter())
                .map(|e| (e.date, e.open.map_or("closed".to_string(), |s| s.to_string())))
                .collect(),
        })
        .collect();
    page::render(
        status,
        ActionPage {
            nav: Some(Nav::of(session)),
            title,
            csrf: session.csrf_token.clone(),
            id: id.to_string(),
            action,
            version,
            retired: service.retired.as_ref().map(|r| (r.status.code().to_string(), r.reason.clone())),
            source_url: service.source_url.clone(),
            source_href: crate::web::view::href(&service.source_url),
            verified_on: service.verified_on.to_string(),
            channels,
            sent,
            error,
        },
    )
}

async fn show_action(admin: &AdminState, visitor: &Visitor, id: &str, action: &'static str) -> Response {
    match load(admin, id).await {
        Ok((id, service, version)) => {
            action_page(visitor, action, (id, &service, version), FormData::default(), StatusCode::OK, None)
        }
        Err(response) => response,
    }
}

/// After a special edit: to the service's form when done; the same page with the message otherwise.
async fn act(
    admin: &AdminState,
    visitor: &Visitor,
    id: &str,
    action: &'static str,
    uri: &axum::http::Uri,
    body: &[u8],
    result: impl AsyncFnOnce(Uuid, i64, &FormData) -> Result<crate::store::Saved, EditError>,
) -> Response {
    let (id, service, _) = match load(admin, id).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let sent = FormData::parse(body);
    let Some(version) = sent.version() else {
        return page::missing_version(&sent);
    };
    let (status, error) = match result(id, version, &sent).await {
        Ok(_) => return Redirect::to(&format!("/admin/services/{id}?saved=1")).into_response(),
        Err(EditError::Invalid(invalid)) => (StatusCode::UNPROCESSABLE_ENTITY, invalid.0.iter().map(|e| e.message.clone()).collect::<Vec<_>>().join(" ")),
        Err(EditError::Conflict(c)) => (
            StatusCode::CONFLICT,
            format!(
                "Not saved: {} saved version {} meanwhile. The page now shows the current version; check it and send the form again.",
                c.since.last().map(|r| r.author.label()).unwrap_or_default(),
                c.current.version
            ),
        ),
        Err(EditError::NotFound) => return page::not_found(),
        Err(EditError::Store(e)) => return page::save_failed(&e, uri, &sent),
    };
    let (current, current_version) = match admin.editing.service(id).await {
        Ok(found) => found,
        Err(_) => (service, version),
    };
    action_page(visitor, action, (id, &current, current_version), sent, status, Some(error))
}

pub async fn retire_form(
    Extension(admin): Extension<Arc<AdminState>>,
    Extension(visitor): Extension<Visitor>,
    Path(id): Path<String>,
) -> Response {
    show_action(&admin, &visitor, &id, "retire").await
}

pub async fn retire(
    Extension(admin): Extension<Arc<AdminState>>,
    Extension(visitor): Extension<Visitor>,
    Path(id): Path<String>,
    OriginalUri(uri): OriginalUri,
    RawForm(body): RawForm,
) -> Response {
    let by = author(&visitor);
    act(&admin, &visitor, &id, "retire", &uri, &body, async |id, version, sent: &FormData| {
        admin.editing.retire(id, version, sent.get("status"), sent.get("reason"), &by).await
    })
    .await
}

pub async fn restore(
    Extension(admin): Extension<Arc<AdminState>>,
    Extension(visitor): Extension<Visitor>,
    Path(id): Path<String>,
    OriginalUri(uri): OriginalUri,
    RawForm(body): RawForm,
) -> Response {
    let by = author(&visitor);
    act(&admin, &visitor, &id, "retire", &uri, &body, async |id, version, sent: &FormData| {
        admin.editing.restore(id, version, &by, sent.get("note")).await
    })
    .await
}

pub async fn closures_form(
    Extension(admin): Extension<Arc<AdminState>>,
    Extension(visitor): Extension<Visitor>,
    Path(id): Path<String>,
) -> Response {
    show_action(&admin, &visitor, &id, "closures").await
}

fn closure_draft(sent: &FormData) -> ClosureDraft {
    ClosureDraft {
        from: sent.get("from").into(),
        to: sent.get("to").into(),
        open: sent.get("open").into(),
        channels: sent.all("channel").iter().filter_map(|c| c.parse().ok()).collect(),
        remove: sent
            .all("remove")
            .iter()
            .filter_map(|r| {
                let (position, date) = r.split_once('/')?;
                Some((position.parse().ok()?, date.parse().ok()?))
            })
            .collect(),
    }
}

pub async fn closures(
    Extension(admin): Extension<Arc<AdminState>>,
    Extension(visitor): Extension<Visitor>,
    Path(id): Path<String>,
    OriginalUri(uri): OriginalUri,
    RawForm(body): RawForm,
) -> Response {
    let by = author(&visitor);
    act(&admin, &visitor, &id, "closures", &uri, &body, async |id, version, sent: &FormData| {
        admin.editing.closures(id, version, &closure_draft(sent), &by).await
    })
    .await
}

pub async fn verify_form(
    Extension(admin): Extension<Arc<AdminState>>,
    Extension(visitor): Extension<Visitor>,
    Path(id): Path<String>,
) -> Response {
    show_action(&admin, &visitor, &id, "verify").await
}

pub async fn verify(
    Extension(admin): Extension<Arc<AdminState>>,
    Extension(visitor): Extension<Visitor>,
    Path(id): Path<String>,
    OriginalUri(uri): OriginalUri,
    RawForm(body): RawForm,
) -> Response {
    let by = author(&visitor);
    act(&admin, &visitor, &id, "verify", &uri, &body, async |id, version, sent: &FormData| {
        admin.editing.verify(id, version, sent.get("source_url"), sent.get("source_date"), sent.get("note"), &by).await
    })
    .await
}
