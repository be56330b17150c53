//! Followed feeds (admins only): each feed with its last pull and the importer's message when it
//! failed, a form to follow another, and per feed: pull now, stop following.

use super::form::FormData;
use super::guard::Visitor;
use super::page::{self, Nav};
use super::AdminState;
use crate::feeds::{self, FeedError, FeedSettings, Subscription};
use crate::model::{Feed, Kind};
use askama::Template;
use axum::extract::{Path, RawForm};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Extension;
use chrono::Utc;
use std::sync::Arc;

/// A feed as the page shows it.
pub struct FeedView {
    pub name: String,
    pub url: String,
    pub every_hours: u32,
    pub countries: String,
    pub kinds: String,
    pub licence: String,
    pub outcome: &'static str,
    pub attempted: String,
    pub succeeded: String,
    pub message: String,
    pub failed: bool,
}

fn view(feed: &Feed) -> FeedView {
    let list = |items: Vec<String>| if items.is_empty() { "all".to_string() } else { items.join(", ") };
    let time =
        |t: Option<chrono::DateTime<Utc>>| t.map_or("never".into(), |t| t.format("%Y-%m-%d %H:%M UTC").to_string());
    FeedView {
        name: feed.name.clone(),
        url: feed.url.clone(),
        every_hours: feed.every_hours,
        countries: list(feed.countries.iter().map(ToString::to_string).collect()),
        kinds: list(feed.kinds.iter().map(ToString::to_string).collect()),
        licence: feed.licence.clone(),
        outcome: feed.outcome.map_or("not pulled yet", |o| o.code()),
        attempted: time(feed.attempted_at),
        succeeded: time(feed.succeeded_at),
        message: feed.message.clone(),
        failed: feed.outcome == Some(crate::model::PullOutcome::Failed),
    }
}

/// What the add form holds, kept when it is refused.
#[derive(Default)]
pub struct Typed {
    pub url: String,
    pub name: String,
    pub every: String,
    pub countries: String,
    pub kinds: Vec<String>,
    pub licence: String,
}

#[derive(Template)]
#[template(path = "admin/feeds.html")]
struct FeedsPage {
    nav: Option<Nav>,
    title: String,
    csrf: String,
    feeds: Vec<FeedView>,
    /// Every kind of help, and whether the form has it ticked.
    kinds: Vec<(&'static str, bool)>,
    typed: Typed,
    error: Option<String>,
    notice: Option<String>,
}

async fn feeds_page(
    admin: &AdminState,
    visitor: &Visitor,
    status: StatusCode,
    typed: Typed,
    error: Option<String>,
    notice: Option<String>,
) -> Response {
    let Some(session) = &visitor.session else { return page::not_found() };
    let feeds = match admin.store.feeds().await {
        Ok(feeds) => feeds,
        Err(e) => return page::store_error(&e),
    };
    let typed = Typed { every: if typed.every.is_empty() { "6h".into() } else { typed.every }, ..typed };
    page::render(
        status,
        FeedsPage {
            nav: Some(Nav::of(session)),
            title: "Feeds".into(),
            csrf: session.csrf_token.clone(),
            feeds: feeds.iter().map(view).collect(),
            kinds: Kind::ALL.iter().map(|k| (k.code(), typed.kinds.iter().any(|t| t == k.code()))).collect(),
            typed,
            error,
            notice,
        },
    )
}

pub async fn page(Extension(admin): Extension<Arc<AdminState>>, Extension(visitor): Extension<Visitor>) -> Response {
    feeds_page(&admin, &visitor, StatusCode::OK, Typed::default(), None, None).await
}

fn subscription(typed: &Typed) -> Result<Subscription, FeedError> {
    Ok(Subscription {
        name: typed.name.trim().to_string(),
        url: typed.url.trim().to_string(),
        every_hours: feeds::parse_interval(&typed.every)?,
        countries: feeds::parse_countries(typed.countries.split(','))?,
        kinds: feeds::parse_kinds(typed.kinds.iter().map(String::as_str))?,
        licence: typed.licence.trim().to_string(),
    })
}

pub async fn add(
    Extension(admin): Extension<Arc<AdminState>>,
    Extension(visitor): Extension<Visitor>,
    RawForm(body): RawForm,
) -> Response {
    let sent = FormData::parse(&body);
    let typed = Typed {
        url: sent.get("url").into(),
        name: sent.get("name").into(),
        every: sent.get("every").into(),
        countries: sent.get("countries").into(),
        kinds: sent.all("kinds"),
        licence: sent.get("licence").into(),
    };
    let added = match subscription(&typed) {
        Ok(subscription) => feeds::add(admin.store.as_ref(), subscription, Utc::now()).await,
        Err(e) => Err(e),
    };
    match added {
        Ok(feed) => {
            let notice = format!(
                "Following {} as {}; it is pulled within a minute, or now with its Pull button.",
                feed.url, feed.name
            );
            feeds_page(&admin, &visitor, StatusCode::CREATED, Typed::default(), None, Some(notice)).await
        }
        Err(FeedError::Store(e)) => page::save_failed(&e, &"/admin/feeds".parse().unwrap_or_default(), &sent),
        Err(e) => {
            feeds_page(&admin, &visitor, StatusCode::UNPROCESSABLE_ENTITY, typed, Some(e.to_string()), None).await
        }
    }
}

/// Pull now, or stop following (`action` = `pull` or `remove`).
pub async fn act(
    Extension(admin): Extension<Arc<AdminState>>,
    Extension(visitor): Extension<Visitor>,
    Path(name): Path<String>,
    RawForm(body): RawForm,
) -> Response {
    let sent = FormData::parse(&body);
    let store = admin.store.as_ref();
    let feed = match store.feed(&name).await {
        Ok(Some(feed)) => feed,
        Ok(None) => return page::not_found(),
        Err(e) => return page::store_error(&e),
    };
    let done = match sent.get("action") {
        "pull" => feeds::pull(store, &feed, &FeedSettings::default(), Utc::now())
            .await
            .map(|summary| format!("Pulled {}: {}.", feed.name, summary.message())),
        "remove" => feeds::remove(store, &feed.name, Utc::now())
            .await
            .map(|retired| format!("No longer following {}; {retired} of its services retired.", feed.name)),
        _ => {
            return page::message(
                StatusCode::BAD_REQUEST,
                "Bad request",
                "The form asks for neither pull nor remove.",
                Some(&sent),
            )
        }
    };
    match done {
        Ok(notice) => feeds_page(&admin, &visitor, StatusCode::OK, Typed::default(), None, Some(notice)).await,
        Err(e) => {
            let error = format!("{}: {e}", feed.name);
            feeds_page(&admin, &visitor, StatusCode::UNPROCESSABLE_ENTITY, Typed::default(), Some(error), None).await
        }
    }
}
