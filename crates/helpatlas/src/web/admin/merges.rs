//! Listings that look like the same service (found by pulls, `feeds::merge`): editors confirm them
//! (the feed's copy is retired and the other listing names the feed among its sources) or split them
//! (never suggested again; a confirmed pair split again lists the feed's copy again).

use super::form::FormData;
use super::guard::Visitor;
use super::page::{self, Nav};
use super::records::author;
use super::AdminState;
use crate::model::{LinkStatus, ListingLink};
use askama::Template;
use axum::extract::RawForm;
use axum::http::StatusCode;
use axum::response::Response;
use axum::Extension;
use std::sync::Arc;
use uuid::Uuid;

/// A pair as the page shows it.
pub struct Pair {
    pub record_id: String,
    pub record_name: String,
    pub other_id: String,
    pub other_name: String,
    pub reason: String,
}

#[derive(Template)]
#[template(path = "admin/merges.html")]
struct MergesPage {
    nav: Option<Nav>,
    title: String,
    csrf: String,
    suggested: Vec<Pair>,
    confirmed: Vec<Pair>,
    notice: Option<String>,
    error: Option<String>,
}

async fn pairs(admin: &AdminState, status: LinkStatus) -> Result<Vec<Pair>, crate::store::StoreError> {
    let mut out = Vec::new();
    for ListingLink { record_id, other_id, reason, .. } in admin.store.listing_links(status).await? {
        let name = |s: Option<crate::model::Service>| s.map_or_else(|| "(no longer stored)".to_string(), |s| s.name);
        out.push(Pair {
            record_name: name(admin.store.service(record_id).await?),
            other_name: name(admin.store.service(other_id).await?),
            record_id: record_id.to_string(),
            other_id: other_id.to_string(),
            reason,
        });
    }
    Ok(out)
}

async fn merges_page(
    admin: &AdminState,
    visitor: &Visitor,
    status: StatusCode,
    notice: Option<String>,
    error: Option<String>,
) -> Response {
    let Some(session) = &visitor.session else { return page::not_found() };
    let (suggested, confirmed) =
        match (pairs(admin, LinkStatus::Suggested).await, pairs(admin, LinkStatus::Confirmed).await) {
            (Ok(s), Ok(c)) => (s, c),
            (Err(e), _) | (_, Err(e)) => return page::store_error(&e),
        };
    let page = MergesPage {
        nav: Some(Nav::of(session)),
        title: "Same service?".into(),
        csrf: session.csrf_token.clone(),
        suggested,
        confirmed,
        notice,
        error,
    };
    page::render(status, page)
}

pub async fn page(Extension(admin): Extension<Arc<AdminState>>, Extension(visitor): Extension<Visitor>) -> Response {
    merges_page(&admin, &visitor, StatusCode::OK, None, None).await
}

/// `confirm` or `split` the pair `record`, `other`.
pub async fn act(
    Extension(admin): Extension<Arc<AdminState>>,
    Extension(visitor): Extension<Visitor>,
    RawForm(body): RawForm,
) -> Response {
    let sent = FormData::parse(&body);
    let (Ok(record), Ok(other)) = (sent.get("record").parse::<Uuid>(), sent.get("other").parse::<Uuid>()) else {
        return page::message(
            StatusCode::BAD_REQUEST,
            "Bad request",
            "The form names no pair of listings.",
            Some(&sent),
        );
    };
    let action = sent.get("action");
    let status = match action {
        "confirm" => LinkStatus::Confirmed,
        "split" => LinkStatus::Split,
        _ => {
            return page::message(
                StatusCode::BAD_REQUEST,
                "Bad request",
                "The form asks for neither confirm nor split.",
                Some(&sent),
            )
        }
    };
    let known = match admin.store.listing_links(LinkStatus::Suggested).await {
        Ok(s) => s,
        Err(e) => return page::store_error(&e),
    };
    let confirmed = match admin.store.listing_links(LinkStatus::Confirmed).await {
        Ok(c) => c,
        Err(e) => return page::store_error(&e),
    };
    let is = |list: &[ListingLink]| list.iter().any(|l| l.record_id == record && l.other_id == other);
    let was_confirmed = is(&confirmed);
    if !is(&known) && !was_confirmed {
        return merges_page(&admin, &visitor, StatusCode::NOT_FOUND, None, Some("No such pair is waiting.".into()))
            .await;
    }
    let (service, version) = match admin.editing.service(record).await {
        Ok(found) => found,
        Err(e) => return merges_page(&admin, &visitor, StatusCode::CONFLICT, None, Some(e.to_string())).await,
    };
    let by = author(&visitor);
    let saved = match (status, was_confirmed) {
        (LinkStatus::Confirmed, false) => {
            let reason = format!("The same service as listing {other}; kept as one listing with both sources.");
            admin.editing.retire(record, version, "defunct", &reason, &by).await.map(|_| ())
        }
        (LinkStatus::Split, true) if service.is_retired() => admin
            .editing
            .restore(record, version, &by, &format!("Not the same service as listing {other}."))
            .await
            .map(|_| ()),
        _ => Ok(()),
    };
    if let Err(e) = saved {
        return merges_page(&admin, &visitor, StatusCode::CONFLICT, None, Some(e.to_string())).await;
    }
    if let Err(e) = admin.store.set_link_status(record, other, status).await {
        return page::store_error(&e);
    }
    let notice = match status {
        LinkStatus::Confirmed => format!("{} is now one listing with {}.", service.name, other),
        _ => format!("{} and {} are kept apart.", service.name, other),
    };
    merges_page(&admin, &visitor, StatusCode::OK, Some(notice), None).await
}
