//! What the link and phone checker found: URLs that failed their last three checks or more (with the
//! records that use them, at the top of the dashboard too), other failures, and phone numbers that
//! are not valid in their country's numbering plan.

use super::guard::Visitor;
use super::page::{self, Nav};
use super::AdminState;
use crate::linkcheck::{PhoneProblem, FAILURES_FOR_DASHBOARD};
use crate::model::RecordKind;
use crate::moderation::Status;
use crate::store::{LinkState, QueueQuery};
use askama::Template;
use axum::response::Response;
use axum::Extension;
use std::sync::Arc;

/// A URL that fails, with the records to fix.
pub struct FailingLink {
    pub url: String,
    pub outcome: &'static str,
    pub detail: String,
    pub status: String,
    pub redirects: Vec<String>,
    pub checked_at: String,
    pub failures: i64,
    pub last_ok: String,
    /// (edit form, name, field)
    pub records: Vec<(String, String, String)>,
}

/// The dashboard's lines about the queue and the checker.
pub struct DashboardChecks {
    pub open: i64,
    pub urgent: i64,
    pub failing: Vec<FailingLink>,
}

async fn failing(admin: &AdminState, min: i64) -> Result<Vec<FailingLink>, crate::store::StoreError> {
    let states = admin.store.failing_links(min).await?;
    let mut out = Vec::new();
    for s in states {
        out.push(view(admin, s).await?);
    }
    Ok(out)
}

async fn view(admin: &AdminState, s: LinkState) -> Result<FailingLink, crate::store::StoreError> {
    let mut records = Vec::new();
    for u in &s.uses {
        let name = match admin.store.record(u.kind, u.record_id).await? {
            Some(v) => v.record.name().to_string(),
            None => continue,
        };
        let base = if u.kind == RecordKind::Service { "services" } else { "organizations" };
        records.push((format!("/admin/{base}/{}", u.record_id), name, u.field.clone()));
    }
    let r = s.result;
    Ok(FailingLink {
        url: r.url,
        outcome: r.outcome.code(),
        detail: r.detail,
        status: r.status.map(|s| s.to_string()).unwrap_or_default(),
        redirects: r.redirects,
        checked_at: r.checked_at.format("%Y-%m-%d %H:%M").to_string(),
        failures: s.failures_in_a_row,
        last_ok: s.last_ok_at.map(|t| t.format("%Y-%m-%d").to_string()).unwrap_or_else(|| "never".into()),
        records,
    })
}

/// For the dashboard: open and urgent submissions, and the URLs failing three checks in a row.
pub async fn dashboard_checks(admin: &AdminState) -> Result<DashboardChecks, crate::store::StoreError> {
    let counts = admin.store.queue_counts(&QueueQuery::default()).await?;
    Ok(DashboardChecks {
        open: counts.of(Status::Open),
        urgent: counts.urgent_open,
        failing: failing(admin, FAILURES_FOR_DASHBOARD).await?,
    })
}

#[derive(Template)]
#[template(path = "admin/links.html")]
struct LinksPage {
    nav: Option<Nav>,
    title: String,
    last_run: Option<String>,
    threshold: i64,
    links: Vec<FailingLink>,
    phones: Vec<PhoneProblem>,
}

pub async fn page(Extension(admin): Extension<Arc<AdminState>>, Extension(visitor): Extension<Visitor>) -> Response {
    let Some(session) = &visitor.session else { return page::not_found() };
    let last_run = match admin.store.last_link_run().await {
        Ok(at) => at.map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string()),
        Err(e) => return page::store_error(&e),
    };
    let (links, phones) = match (failing(&admin, 1).await, admin.store.phone_problems().await) {
        (Ok(links), Ok(phones)) => (links, phones),
        (Err(e), _) | (_, Err(e)) => return page::store_error(&e),
    };
    page::ok(LinksPage {
        nav: Some(Nav::of(session)),
        title: "Links and phone numbers".into(),
        last_run,
        threshold: FAILURES_FOR_DASHBOARD,
        links,
        phones,
    })
}
