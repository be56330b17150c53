//! The verification dashboard: services whose last check is older than the verification interval
//! (overdue) or soon will be (due soon), counted by country and kind, and listed longest-unchecked first.

use super::guard::Visitor;
use super::page::{self, Nav};
use super::AdminState;
use crate::geo::atlas;
use crate::i18n::{english, Messages};
use crate::store::{DueCount, DueQuery, RecordSummary};
use askama::Template;
use axum::extract::Query;
use axum::response::Response;
use axum::Extension;
use chrono::{Days, Months, NaiveDate, Utc};
use std::collections::HashMap;
use std::sync::Arc;

/// Most services listed at once.
const LISTED: usize = 200;

pub struct DueRow {
    pub id: String,
    pub name: String,
    pub country: String,
    pub kind: String,
    pub verified_on: String,
    pub due_on: String,
    pub overdue: bool,
}

pub struct CountRow {
    pub country: String,
    pub country_name: String,
    pub kind: String,
    pub overdue: i64,
    pub due_soon: i64,
}

#[derive(Template)]
#[template(path = "admin/dashboard.html")]
struct DashboardPage {
    nav: Option<Nav>,
    title: String,
    t: &'static Messages,
    months: u32,
    soon_days: u32,
    counts: Vec<CountRow>,
    rows: Vec<DueRow>,
    country: String,
    kind: String,
    more: bool,
    checks: super::links::DashboardChecks,
}

pub fn country_name(code: &str) -> String {
    match code.parse().ok().and_then(|c| atlas().country(c)) {
        Some(country) => country.name.clone(),
        None if code.is_empty() => "No country (worldwide)".into(),
        None => code.to_string(),
    }
}

/// The day a service checked on `verified_on` is due again.
pub fn due_on(verified_on: NaiveDate, months: u32) -> NaiveDate {
    verified_on.checked_add_months(Months::new(months)).unwrap_or(NaiveDate::MAX)
}

fn due_row(s: RecordSummary, months: u32, today: NaiveDate) -> DueRow {
    let verified = s.verified_on.unwrap_or(NaiveDate::MIN);
    let due = due_on(verified, months);
    DueRow {
        id: s.id.to_string(),
        name: s.name,
        country: country_name(&s.country),
        kind: s.detail,
        verified_on: verified.to_string(),
        due_on: due.to_string(),
        overdue: due <= today,
    }
}

pub async fn page(
    Extension(admin): Extension<Arc<AdminState>>,
    Extension(visitor): Extension<Visitor>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let Some(session) = &visitor.session else { return page::not_found() };
    let settings = admin.settings;
    let today = Utc::now().date_naive();
    let overdue_by = today.checked_sub_months(Months::new(settings.verify_months)).unwrap_or(NaiveDate::MIN);
    let soon_by = overdue_by.checked_add_days(Days::new(settings.due_soon_days.into())).unwrap_or(overdue_by);
    let filter = |key: &str| query.get(key).map(|v| v.trim().to_string()).filter(|v| !v.is_empty() || key == "country");
    let (country, kind) = (filter("country"), filter("kind"));
    let counts: Vec<DueCount> = match admin.store.due_counts(overdue_by, soon_by).await {
        Ok(counts) => counts,
        Err(e) => return page::store_error(&e),
    };
    let due = DueQuery {
        verified_by: Some(soon_by),
        country: country.clone(),
        kind: kind.clone(),
        limit: LISTED + 1,
        offset: 0,
    };
    let checks = match super::links::dashboard_checks(&admin).await {
        Ok(checks) => checks,
        Err(e) => return page::store_error(&e),
    };
    let mut listed = match admin.store.due(&due).await {
        Ok(listed) => listed,
        Err(e) => return page::store_error(&e),
    };
    let more = listed.len() > LISTED;
    listed.truncate(LISTED);
    page::ok(DashboardPage {
        nav: Some(Nav::of(session)),
        title: "Verification".into(),
        t: english(),
        months: settings.verify_months,
        soon_days: settings.due_soon_days,
        counts: counts
            .into_iter()
            .map(|c| CountRow {
                country_name: country_name(&c.country),
                country: c.country,
                kind: c.kind,
                overdue: c.overdue,
                due_soon: c.due_soon,
            })
            .collect(),
        rows: listed.into_iter().map(|s| due_row(s, settings.verify_months, today)).collect(),
        country: country.unwrap_or_default(),
        kind: kind.unwrap_or_default(),
        more,
        checks,
    })
}
