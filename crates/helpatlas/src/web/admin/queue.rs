//! The queue of the public's reports and suggestions: filters (type, country, kind, reason, age,
//! status), counts, urgent reports (a crisis line that does not answer or has closed) at the top,
//! reports about one service grouped, bulk actions (dismiss, spam, duplicate), and accepting: a
//! report opens its service's form at the field reported, a suggestion a pre-filled new service.

use super::form::FormData;
use super::guard::Visitor;
use super::page::{self, Nav};
use super::AdminState;
use crate::editing::draft::{OrganizationDraft, ServiceDraft};
use crate::editing::EditError;
use crate::i18n::{english, Messages};
use crate::model::{RecordKind, User};
use crate::moderation::{decide, Action, Content, DecisionError, Reason, Status, Submission, SubmissionType};
use crate::store::{QueueCounts, QueueQuery, RecordQuery};
use askama::Template;
use axum::extract::{OriginalUri, Path, Query, RawForm};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use chrono::{Duration, Utc};
use std::collections::HashMap;
use std::sync::Arc;
use uuid::Uuid;

/// Most submissions listed at once.
const LISTED: usize = 300;

/// The filters as chosen (raw, to show them back).
#[derive(Debug, Clone, Default)]
pub struct Filters {
    pub submission_type: String,
    pub status: String,
    pub country: String,
    pub kind: String,
    pub reason: String,
    /// `day`, `week`, `month`: younger than; `old`: older than a month.
    pub age: String,
}

impl Filters {
    fn of(query: &HashMap<String, String>) -> Filters {
        let get = |k: &str| query.get(k).map(|v| v.trim().to_string()).unwrap_or_default();
        Filters {
            submission_type: get("type"),
            status: query.get("status").map_or_else(|| "open".to_string(), |s| s.trim().to_string()),
            country: get("country").to_uppercase(),
            kind: get("kind"),
            reason: get("reason"),
            age: get("age"),
        }
    }

    /// The store's query, or the first filter that is not understood.
    fn query(&self) -> Result<QueueQuery, String> {
        fn parse(v: &str) -> Option<&str> {
            (!v.is_empty()).then_some(v)
        }
        let now = Utc::now();
        let (after, before) = match self.age.as_str() {
            "" => (None, None),
            "day" => (Some(now - Duration::days(1)), None),
            "week" => (Some(now - Duration::days(7)), None),
            "month" => (Some(now - Duration::days(30)), None),
            "old" => (None, Some(now - Duration::days(30))),
            other => return Err(format!("age `{other}`: choose day, week, month or old")),
        };
        Ok(QueueQuery {
            submission_type: parse(&self.submission_type)
                .map(str::parse)
                .transpose()
                .map_err(|e: crate::moderation::UnknownCode| e.to_string())?,
            status: match self.status.as_str() {
                "" | "all" => None,
                s => Some(s.parse().map_err(|e: crate::moderation::UnknownCode| e.to_string())?),
            },
            country: parse(&self.country).map(|c| if c == "NONE" { String::new() } else { c.to_string() }),
            kind: parse(&self.kind).map(str::to_string),
            reason: parse(&self.reason)
                .map(str::parse)
                .transpose()
                .map_err(|e: crate::moderation::UnknownCode| e.to_string())?,
            before,
            after,
            service_id: None,
            limit: LISTED + 1,
        })
    }
}

/// One submission as the queue shows it.
pub struct Item {
    pub id: String,
    pub short_id: String,
    pub received: String,
    pub status: &'static str,
    pub urgent: bool,
    pub reason: String,
    pub summary: String,
    pub contact: String,
    pub duplicate_of: Option<String>,
    pub resolution: Option<String>,
}

/// Reports about one service, or one suggestion.
pub struct Group {
    pub title: String,
    /// The service's edit form (reports), or nothing (suggestions).
    pub href: Option<String>,
    pub country: String,
    pub kind: String,
    pub urgent: bool,
    pub items: Vec<Item>,
}

fn item(s: &Submission) -> Item {
    let t = english();
    let summary = match &s.content {
        Content::Report(r) => {
            let on = r.channel.as_ref().map(|(_, v)| format!("[{v}] ")).unwrap_or_default();
            format!("{on}{}", r.detail)
        }
        Content::Suggestion(g) => {
            let mut lines = vec![format!("Reach: {}", g.reach)];
            lines.extend((!g.who.is_empty()).then(|| format!("Helps: {}", g.who)));
            lines.extend((!g.place.is_empty()).then(|| format!("Where: {}", g.place)));
            lines.extend((!g.source_url.is_empty()).then(|| format!("Source: {}", g.source_url)));
            lines.join(" · ")
        }
    };
    Item {
        id: s.id.to_string(),
        short_id: s.short_id(),
        received: s.created_at.format("%Y-%m-%d %H:%M").to_string(),
        status: s.status.code(),
        urgent: s.urgent && s.status == Status::Open,
        reason: s.reason.map(|r| t.get(&format!("report.reason.{}", r.code())).to_string()).unwrap_or_default(),
        summary,
        contact: s.content.contact().to_string(),
        duplicate_of: s.duplicate_of.map(|d| d.simple().to_string()[..8].to_string()),
        resolution: s.resolution.as_ref().map(|r| {
            let note = if r.note.is_empty() { String::new() } else { format!(": {}", r.note) };
            format!("{} by {} on {}{note}", s.status.code(), r.by, r.at.format("%Y-%m-%d"))
        }),
    }
}

/// Reports grouped by service (in the order of their first, so urgent groups stay on top);
/// suggestions one by one.
fn groups(listed: &[Submission], names: &HashMap<Uuid, String>) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    let mut by_service: HashMap<Uuid, usize> = HashMap::new();
    for s in listed {
        let view = item(s);
        if let Some(service) = s.service_id {
            if let Some(&at) = by_service.get(&service) {
                out[at].urgent |= view.urgent;
                out[at].items.push(view);
                continue;
            }
            by_service.insert(service, out.len());
            out.push(Group {
                title: names.get(&service).cloned().unwrap_or_else(|| format!("service {service} (no longer listed)")),
                href: Some(format!("/admin/services/{service}")),
                country: s.country.clone(),
                kind: s.kind.clone(),
                urgent: view.urgent,
                items: vec![view],
            });
            continue;
        }
        let title = match &s.content {
            Content::Suggestion(g) => format!("Suggestion: {}", g.name),
            Content::Report(_) => "Report".into(),
        };
        out.push(Group {
            title,
            href: None,
            country: s.country.clone(),
            kind: s.kind.clone(),
            urgent: false,
            items: vec![view],
        });
    }
    out
}

#[derive(Template)]
#[template(path = "admin/queue.html")]
struct QueuePage {
    nav: Option<Nav>,
    title: String,
    t: &'static Messages,
    csrf: String,
    filters: Filters,
    counts: QueueCounts,
    statuses: Vec<(&'static str, i64)>,
    reasons: Vec<(&'static str, String)>,
    groups: Vec<Group>,
    more: bool,
    message: Option<String>,
    return_to: String,
}

async fn queue_page(
    admin: &AdminState,
    visitor: &Visitor,
    query: &HashMap<String, String>,
    status: StatusCode,
    message: Option<String>,
) -> Response {
    let Some(session) = &visitor.session else { return page::not_found() };
    let filters = Filters::of(query);
    let store_query = match filters.query() {
        Ok(q) => q,
        Err(why) => {
            return page::message(StatusCode::BAD_REQUEST, "Bad request", &format!("Unknown filter: {why}."), None)
        }
    };
    let counts = match admin.store.queue_counts(&store_query).await {
        Ok(c) => c,
        Err(e) => return page::store_error(&e),
    };
    let mut listed = match admin.store.queue(&store_query).await {
        Ok(l) => l,
        Err(e) => return page::store_error(&e),
    };
    let more = listed.len() > LISTED;
    listed.truncate(LISTED);
    let mut names = HashMap::new();
    for id in listed.iter().filter_map(|s| s.service_id) {
        if let std::collections::hash_map::Entry::Vacant(slot) = names.entry(id) {
            if let Ok(Some(service)) = admin.store.service(id).await {
                slot.insert(service.name);
            }
        }
    }
    let t = english();
    page::render(
        status,
        QueuePage {
            nav: Some(Nav::of(session)),
            title: "Reports and suggestions".into(),
            t,
            csrf: session.csrf_token.clone(),
            statuses: Status::ALL.iter().map(|s| (s.code(), counts.of(*s))).collect(),
            counts,
            reasons: Reason::ALL
                .iter()
                .map(|r| (r.code(), t.get(&format!("report.reason.{}", r.code())).to_string()))
                .collect(),
            groups: groups(&listed, &names),
            more,
            message,
            return_to: return_to(query),
            filters,
        },
    )
}

/// The queue's address with its filters, to come back to after an action.
fn return_to(query: &HashMap<String, String>) -> String {
    let mut pairs: Vec<(&String, &String)> = query
        .iter()
        .filter(|(k, _)| ["type", "status", "country", "kind", "reason", "age"].contains(&k.as_str()))
        .collect();
    pairs.sort();
    let encoded: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={}", super::form::encode(v))).collect();
    format!("/admin/queue?{}", encoded.join("&"))
}

pub async fn page(
    Extension(admin): Extension<Arc<AdminState>>,
    Extension(visitor): Extension<Visitor>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    queue_page(&admin, &visitor, &query, StatusCode::OK, None).await
}

fn user(visitor: &Visitor) -> Option<&User> {
    visitor.session.as_ref().map(|s| &s.user)
}

/// A refusal to show beside the queue (`Ok`), or the page that replaces it (boxed: it is large).
fn decision_error(e: DecisionError) -> Result<String, Box<Response>> {
    match e {
        DecisionError::Store(e) => Err(Box::new(page::store_error(&e))),
        DecisionError::NotFound => Err(Box::new(page::not_found())),
        other => Ok(other.to_string()),
    }
}

/// A safe place to go back to: one of the queue's own pages.
fn back(sent: &FormData) -> String {
    let wanted = sent.get("return_to");
    match wanted.starts_with("/admin/queue") && !wanted.contains("//") {
        true => wanted.to_string(),
        false => "/admin/queue".to_string(),
    }
}

/// The bulk form: an action for every ticked submission.
pub async fn bulk(
    Extension(admin): Extension<Arc<AdminState>>,
    Extension(visitor): Extension<Visitor>,
    OriginalUri(uri): OriginalUri,
    RawForm(body): RawForm,
) -> Response {
    let sent = FormData::parse(&body);
    let Some(by) = user(&visitor) else { return page::not_found() };
    let ids: Vec<Uuid> = sent.all("ids").iter().filter_map(|i| i.parse().ok()).collect();
    let action = match Action::from_code(sent.get("action")) {
        Some(a @ (Action::Dismiss | Action::Spam | Action::Duplicate | Action::Reopen)) => a,
        _ => {
            return page::message(
                StatusCode::BAD_REQUEST,
                "Bad request",
                "Choose dismiss, spam, duplicate or reopen.",
                Some(&sent),
            )
        }
    };
    match decide(admin.store.as_ref(), &ids, action, None, by, sent.get("note")).await {
        Ok(_) => Redirect::to(&back(&sent)).into_response(),
        Err(e) => match decision_error(e) {
            Ok(message) => {
                let query: HashMap<String, String> = uri
                    .query()
                    .map(|q| url::form_urlencoded::parse(q.as_bytes()).into_owned().collect())
                    .unwrap_or_default();
                queue_page(&admin, &visitor, &query, StatusCode::UNPROCESSABLE_ENTITY, Some(message)).await
            }
            Err(response) => *response,
        },
    }
}

#[derive(Template)]
#[template(path = "admin/queue_item.html")]
struct ItemPage {
    nav: Option<Nav>,
    title: String,
    t: &'static Messages,
    csrf: String,
    item: Item,
    submission_type: &'static str,
    open: bool,
    country: String,
    kind: String,
    service: Option<(String, String)>,
    suggestion: Option<crate::moderation::SuggestionText>,
    others: Vec<Item>,
    message: Option<String>,
}

async fn load(admin: &AdminState, id: &str) -> Result<Submission, Response> {
    let id: Uuid = id.parse().map_err(|_| page::not_found())?;
    match admin.store.submission(id).await {
        Ok(Some(s)) => Ok(s),
        Ok(None) => Err(page::not_found()),
        Err(e) => Err(page::store_error(&e)),
    }
}

async fn item_page(
    admin: &AdminState,
    visitor: &Visitor,
    s: Submission,
    status: StatusCode,
    message: Option<String>,
) -> Response {
    let Some(session) = &visitor.session else { return page::not_found() };
    let (service, others) = match s.service_id {
        Some(id) => {
            let name =
                admin.store.service(id).await.ok().flatten().map_or_else(|| "no longer listed".to_string(), |x| x.name);
            let query = QueueQuery { service_id: Some(id), limit: 100, ..QueueQuery::default() };
            let others = match admin.store.queue(&query).await {
                Ok(list) => list.iter().filter(|o| o.id != s.id).map(item).collect(),
                Err(e) => return page::store_error(&e),
            };
            (Some((format!("/admin/services/{id}"), name)), others)
        }
        None => (None, Vec::new()),
    };
    let suggestion = match &s.content {
        Content::Suggestion(g) => Some(g.clone()),
        Content::Report(_) => None,
    };
    page::render(
        status,
        ItemPage {
            nav: Some(Nav::of(session)),
            title: format!(
                "{} {}",
                if s.submission_type() == SubmissionType::Report { "Report" } else { "Suggestion" },
                s.short_id()
            ),
            t: english(),
            csrf: session.csrf_token.clone(),
            item: item(&s),
            submission_type: s.submission_type().code(),
            open: s.status == Status::Open,
            country: s.country.clone(),
            kind: s.kind.clone(),
            service,
            suggestion,
            others,
            message,
        },
    )
}

pub async fn show(
    Extension(admin): Extension<Arc<AdminState>>,
    Extension(visitor): Extension<Visitor>,
    Path(id): Path<String>,
) -> Response {
    match load(&admin, &id).await {
        Ok(s) => item_page(&admin, &visitor, s, StatusCode::OK, None).await,
        Err(response) => response,
    }
}

/// The reports about a service and what became of each, for its history page.
pub async fn about(admin: &AdminState, kind: RecordKind, id: Uuid) -> Result<Vec<Item>, crate::store::StoreError> {
    if kind != RecordKind::Service {
        return Ok(Vec::new());
    }
    let query = QueueQuery { service_id: Some(id), limit: 500, ..QueueQuery::default() };
    Ok(admin.store.queue(&query).await?.iter().map(item).collect())
}

/// Where accepting leads: a report to its service's form at the field reported, a suggestion to
/// choosing its organization.
fn after_accept(s: &Submission) -> String {
    match (&s.content, s.service_id) {
        (Content::Report(r), Some(service)) => {
            let field = s.reason.unwrap_or(Reason::Other).form_field(r.channel.as_ref().map(|(i, _)| *i));
            format!("/admin/services/{service}?report={}#{field}", s.id)
        }
        _ => format!("/admin/queue/{}/organization", s.id),
    }
}

/// One submission's form: accept, dismiss, spam, duplicate of another, reopen.
pub async fn act(
    Extension(admin): Extension<Arc<AdminState>>,
    Extension(visitor): Extension<Visitor>,
    Path(id): Path<String>,
    RawForm(body): RawForm,
) -> Response {
    let s = match load(&admin, &id).await {
        Ok(s) => s,
        Err(response) => return response,
    };
    let sent = FormData::parse(&body);
    let Some(by) = user(&visitor) else { return page::not_found() };
    let Some(action) = Action::from_code(sent.get("action")) else {
        return item_page(&admin, &visitor, s, StatusCode::UNPROCESSABLE_ENTITY, Some("Choose what to do.".into()))
            .await;
    };
    let original = match (action, sent.get("original").trim()) {
        (Action::Duplicate, "") => None,
        (Action::Duplicate, text) => match find_original(&admin, text).await {
            Ok(found) => found,
            Err(response) => return response,
        },
        _ => None,
    };
    if action == Action::Duplicate && original.is_none() {
        let message = "Give the number (the first eight characters) of the report or suggestion this one repeats.";
        return item_page(&admin, &visitor, s, StatusCode::UNPROCESSABLE_ENTITY, Some(message.into())).await;
    }
    // Accepting again what was accepted already only leads on to the record.
    if action == Action::Accept && s.status == Status::Accepted {
        return Redirect::to(&after_accept(&s)).into_response();
    }
    match decide(admin.store.as_ref(), &[s.id], action, original, by, sent.get("note")).await {
        Ok(_) if action == Action::Accept => Redirect::to(&after_accept(&s)).into_response(),
        Ok(_) => Redirect::to(&format!("/admin/queue/{}", s.id)).into_response(),
        Err(e) => match decision_error(e) {
            Ok(message) => item_page(&admin, &visitor, s, StatusCode::UNPROCESSABLE_ENTITY, Some(message)).await,
            Err(response) => *response,
        },
    }
}

/// A submission named by the start of its id (as pages show it) or its whole id.
async fn find_original(admin: &AdminState, text: &str) -> Result<Option<Uuid>, Response> {
    if let Ok(id) = text.parse::<Uuid>() {
        return Ok(Some(id));
    }
    let prefix = text.to_lowercase();
    if prefix.len() < 8 || !prefix.chars().all(|c| c.is_ascii_hexdigit()) {
        return Ok(None);
    }
    let all = QueueQuery { limit: 10_000, ..QueueQuery::default() };
    match admin.store.queue(&all).await {
        Ok(list) => Ok(list.iter().find(|s| s.id.simple().to_string().starts_with(&prefix)).map(|s| s.id)),
        Err(e) => Err(page::store_error(&e)),
    }
}

#[derive(Template)]
#[template(path = "admin/queue_organization.html")]
struct OrganizationChoice {
    nav: Option<Nav>,
    title: String,
    csrf: String,
    id: String,
    suggestion: crate::moderation::SuggestionText,
    q: String,
    found: Vec<(String, String)>,
    message: Option<String>,
}

/// Accepting a suggestion, first step: the organization that runs it, found or made from it.
pub async fn organization(
    Extension(admin): Extension<Arc<AdminState>>,
    Extension(visitor): Extension<Visitor>,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let s = match load(&admin, &id).await {
        Ok(s) => s,
        Err(response) => return response,
    };
    organization_page(&admin, &visitor, &s, query.get("q").map(|q| q.trim().to_string()), StatusCode::OK, None).await
}

async fn organization_page(
    admin: &AdminState,
    visitor: &Visitor,
    s: &Submission,
    q: Option<String>,
    status: StatusCode,
    message: Option<String>,
) -> Response {
    let Some(session) = &visitor.session else { return page::not_found() };
    let Content::Suggestion(suggestion) = &s.content else { return page::not_found() };
    let q = q.unwrap_or_else(|| suggestion.name.clone());
    let find = RecordQuery { text: Some(q.clone()), limit: 20, ..RecordQuery::default() };
    let found = match admin.store.find(RecordKind::Organization, &find).await {
        Ok(list) => list.into_iter().map(|o| (o.id.to_string(), o.name)).collect(),
        Err(e) => return page::store_error(&e),
    };
    page::render(
        status,
        OrganizationChoice {
            nav: Some(Nav::of(session)),
            title: format!("Accept suggestion: {}", suggestion.name),
            csrf: session.csrf_token.clone(),
            id: s.id.to_string(),
            suggestion: suggestion.clone(),
            q,
            found,
            message,
        },
    )
}

/// Accepting a suggestion: a new organization made from it, then its pre-filled service form.
pub async fn create_organization(
    Extension(admin): Extension<Arc<AdminState>>,
    Extension(visitor): Extension<Visitor>,
    Path(id): Path<String>,
    OriginalUri(uri): OriginalUri,
    RawForm(body): RawForm,
) -> Response {
    let s = match load(&admin, &id).await {
        Ok(s) => s,
        Err(response) => return response,
    };
    let sent = FormData::parse(&body);
    let draft = OrganizationDraft {
        name: sent.get("name").into(),
        description: sent.get("description").into(),
        url: sent.get("url").into(),
        email: String::new(),
    };
    let note = format!("from public suggestion {}", s.short_id());
    match admin.editing.save_organization(None, None, &draft, &super::records::author(&visitor), &note).await {
        Ok((organization, _)) => {
            Redirect::to(&format!("/admin/services/new?organization={organization}&suggestion={}", s.id))
                .into_response()
        }
        Err(EditError::Invalid(invalid)) => {
            let message =
                invalid.0.iter().map(|e| format!("{}: {}", e.field, e.message)).collect::<Vec<_>>().join("; ");
            organization_page(&admin, &visitor, &s, None, StatusCode::UNPROCESSABLE_ENTITY, Some(message)).await
        }
        Err(EditError::Store(e)) => page::save_failed(&e, &uri, &sent),
        Err(_) => page::not_found(),
    }
}

/// What the editors' service form starts from and says when it is opened from the queue: a new
/// service pre-filled from a suggestion, or (for a report) a notice of what was reported and a note
/// for the history. `None` when the query names no submission of the queue.
pub async fn prefill(admin: &AdminState, query: &HashMap<String, String>) -> Option<(Submission, String, String)> {
    let id: Uuid = query.get("suggestion").or_else(|| query.get("report"))?.parse().ok()?;
    let s = admin.store.submission(id).await.ok().flatten()?;
    let (notice, note) = match &s.content {
        Content::Report(r) => {
            let reason =
                english().get(&format!("report.reason.{}", s.reason.unwrap_or(Reason::Other).code())).to_string();
            let on = r.channel.as_ref().map(|(_, v)| format!(" (about {v})")).unwrap_or_default();
            let detail = if r.detail.is_empty() { String::new() } else { format!(": “{}”", r.detail) };
            (
                format!(
                    "Report {} from the public{on}: {reason}{detail}. The field reported is marked below.",
                    s.short_id()
                ),
                format!("report {}: {reason}", s.short_id()),
            )
        }
        Content::Suggestion(_) => (
            format!(
                "Pre-filled from public suggestion {}: check every field against the service's own page before saving.",
                s.short_id()
            ),
            format!("from public suggestion {}", s.short_id()),
        ),
    };
    Some((s, notice, note))
}

/// A new service's draft filled in from a suggestion: name, source, who it helps, and the ways to
/// reach it (phone numbers and web addresses as channels, the rest in the description).
pub fn suggested_service(mut draft: ServiceDraft, s: &Submission) -> ServiceDraft {
    let Content::Suggestion(g) = &s.content else { return draft };
    draft.name = g.name.clone();
    draft.kind = s.kind.clone();
    draft.source_url = g.source_url.clone();
    draft.eligibility_note = g.who.clone();
    draft.areas = s.country.clone();
    let mut rest = Vec::new();
    for part in g.reach.split(['\n', ',', ';']).map(str::trim).filter(|p| !p.is_empty()) {
        let channel = if part.starts_with("https://") || part.starts_with("http://") {
            if draft.url.is_empty() {
                draft.url = part.to_string();
            }
            None
        } else if part.chars().filter(char::is_ascii_digit).count() >= 3
            && part.chars().all(|c| c.is_ascii_digit() || " +-()./".contains(c))
        {
            Some("phone")
        } else {
            rest.push(part.to_string());
            None
        };
        if let Some(kind) = channel {
            draft.channels.push(crate::editing::draft::ChannelDraft {
                kind: kind.into(),
                value: part.into(),
                ..Default::default()
            });
        }
    }
    let mut description = Vec::new();
    if !rest.is_empty() {
        description.push(format!("How to reach it (as suggested): {}.", rest.join("; ")));
    }
    if !g.place.is_empty() {
        description.push(format!("Where (as suggested): {}.", g.place));
    }
    draft.description = description.join(" ");
    draft
}
