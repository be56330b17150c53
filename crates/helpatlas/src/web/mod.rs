//! The HTTP edge: one router, security headers on every response, and the mapping of errors to pages.

pub mod admin;
pub mod admission;
mod api;
mod computing;
mod error;
mod escape;
mod frame;
pub(crate) mod health;
pub mod language;
mod page_cache;
pub mod params;
pub mod public;
pub mod server;
mod view;

pub use error::WebError;
pub use frame::Frame;

use crate::i18n::Messages;
use crate::search::Index;
use crate::store::Store;
use axum::http::{header, HeaderName, HeaderValue};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use std::sync::{Arc, RwLock};
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;

/// What every handler can reach. The index is swapped whole when the store changes.
#[derive(Clone)]
pub struct AppState {
    pub store: Arc<dyn Store>,
    index: Arc<RwLock<Arc<Index>>>,
    pub messages: &'static Messages,
    pages: Arc<page_cache::PageCache>,
    /// Bounds the pages made at once; see [`admission`].
    admission: Arc<admission::Admission>,
    /// The editors' area; without it, `/admin` answers 404.
    pub admin: Option<Arc<admin::AdminState>>,
    /// The public's reports and suggestions; without it, their forms answer 404.
    pub intake: Option<Arc<crate::moderation::Intake>>,
    /// The site's public origin (`https://help.example.org`), before the paths of `hreflang`
    /// alternates; empty: paths alone.
    pub public_url: Arc<str>,
    /// Where the index is saved between runs (see `search::saved`); none: not saved.
    pub saved_index: Option<Arc<std::path::Path>>,
}

impl AppState {
    /// `caching` keeps repeated pages and answers for the minute and index version they were made in
    /// (off only to measure the cost of computing every answer).
    pub fn new(store: Arc<dyn Store>, mut index: Index, messages: &'static Messages, caching: bool) -> AppState {
        index.set_caching(caching);
        AppState {
            store,
            index: Arc::new(RwLock::new(Arc::new(index))),
            messages,
            pages: Arc::new(page_cache::PageCache::new(caching)),
            admission: Arc::new(admission::Admission::new(admission::AdmissionLimits::default())),
            admin: None,
            intake: None,
            public_url: Arc::from(""),
            saved_index: None,
        }
    }

    pub fn with_public_url(mut self, url: String) -> AppState {
        self.public_url = Arc::from(url);
        self
    }

    pub fn with_admin(mut self, admin: admin::AdminState) -> AppState {
        self.admin = Some(Arc::new(admin));
        self
    }

    pub fn with_saved_index(mut self, path: &std::path::Path) -> AppState {
        self.saved_index = Some(Arc::from(path));
        self
    }

    pub fn with_admission(mut self, limits: admission::AdmissionLimits) -> AppState {
        self.admission = Arc::new(admission::Admission::new(limits));
        self
    }

    /// The queue of pages to make: callers may hold places in it (as a page being made does).
    pub fn admission(&self) -> &admission::Admission {
        &self.admission
    }

    pub fn with_intake(mut self, intake: crate::moderation::Intake) -> AppState {
        self.intake = Some(Arc::new(intake));
        self
    }

    pub fn index(&self) -> Arc<Index> {
        match self.index.read() {
            Ok(guard) => guard.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    pub fn replace_index(&self, index: Index) {
        let mut guard = match self.index.write() {
            Ok(guard) => guard,
            Err(poisoned) => poisoned.into_inner(),
        };
        *guard = Arc::new(index);
    }
}

/// No inline script or style anywhere, no third-party origin: the site works without JavaScript and
/// sends nothing elsewhere.
const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; \
    connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

pub fn router(state: AppState) -> Router {
    let headers: [(HeaderName, &'static str); 6] = [
        (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (
            HeaderName::from_static("permissions-policy"),
            "geolocation=(self), camera=(), microphone=(), interest-cohort=()",
        ),
        (HeaderName::from_static("cross-origin-opener-policy"), "same-origin"),
    ];
    let mut router = public::routes()
        .merge(api::routes())
        .route_layer(axum::middleware::from_fn_with_state(state.clone(), page_cache::serve_cached))
        .merge(public::feedback_routes())
        .route("/static/site.css", get(stylesheet))
        .route("/static/site.js", get(site_script))
        .route("/static/admin.css", get(admin_stylesheet))
        .merge(admin::routes(&state))
        .route("/static/icon.svg", get(icon))
        .route("/favicon.ico", get(icon))
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(health::readyz))
        .route("/metrics", get(health::metrics_page))
        .fallback(public::not_found)
        .route_layer(axum::middleware::from_fn(health::record))
        .with_state(state)
        .layer(CompressionLayer::new());
    for (name, value) in headers {
        router = router.layer(SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value)));
    }
    router
}

const STYLESHEET: &str = include_str!("../../static/site.css");
const ICON: &str = include_str!("../../static/icon.svg");
const SITE_SCRIPT: &str = include_str!("../../static/site.js");
const ADMIN_STYLESHEET: &str = include_str!("../../static/admin.css");

fn asset(content_type: &'static str, body: &'static str) -> impl IntoResponse {
    ([(header::CONTENT_TYPE, content_type), (header::CACHE_CONTROL, "public, max-age=86400")], body)
}

async fn stylesheet() -> impl IntoResponse {
    asset("text/css; charset=utf-8", STYLESHEET)
}

async fn admin_stylesheet() -> impl IntoResponse {
    asset("text/css; charset=utf-8", ADMIN_STYLESHEET)
}

async fn icon() -> impl IntoResponse {
    asset("image/svg+xml", ICON)
}

async fn site_script() -> impl IntoResponse {
    asset("text/javascript; charset=utf-8", SITE_SCRIPT)
}
