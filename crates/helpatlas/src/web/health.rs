//! What an operator asks the server: `/healthz` (the process answers), `/readyz` (the index is built;
//! whether the database is reachable and how old the index is) and `/metrics` (Prometheus). Metric
//! labels hold route templates (`/{cc}/{kind}`), methods and status codes only: never an address,
//! a query or a place.

use super::AppState;
use axum::extract::{MatchedPath, Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};
use serde::Serialize;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// How often the recorder's histograms are drained into their summaries.
const UPKEEP_EVERY: Duration = Duration::from_secs(5);

/// The process's metrics recorder, installed on first use (one per process: every app of a test
/// process shares it).
fn prometheus() -> &'static PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE.get_or_init(|| {
        let recorder = PrometheusBuilder::new().build_recorder();
        let handle = recorder.handle();
        // Fails only if another recorder was installed first; its metrics then go there.
        let _ = metrics::set_global_recorder(recorder);
        // A recorder built by hand keeps every latency sample until it is drained: without upkeep the
        // process grows by every request's sample until someone reads /metrics (the soak measured
        // +45 % resident memory in 10 minutes at 18,000 requests a second).
        let upkeep = handle.clone();
        let started = std::thread::Builder::new().name("metrics-upkeep".into()).spawn(move || loop {
            std::thread::sleep(UPKEEP_EVERY);
            upkeep.run_upkeep();
        });
        if let Err(e) = started {
            tracing::warn!("metrics upkeep thread not started ({e}): latency samples are drained only by /metrics");
        }
        handle
    })
}

/// Installs the metrics recorder, so that what happens before the first request (a feed pulled at
/// start) is counted too.
pub fn install() {
    prometheus();
}

/// Counts every request by route template and status, and times it.
pub async fn record(request: Request, next: Next) -> Response {
    let route = request.extensions().get::<MatchedPath>().map_or("unmatched", |p| p.as_str()).to_string();
    let method = request.method().to_string();
    let started = Instant::now();
    let response = next.run(request).await;
    let status = response.status().as_u16().to_string();
    let labels = [("route", route), ("method", method), ("status", status)];
    metrics::counter!("helpatlas_http_requests_total", &labels).increment(1);
    metrics::histogram!("helpatlas_http_request_duration_seconds", &labels[..2])
        .record(started.elapsed().as_secs_f64());
    response
}

#[derive(Serialize)]
struct Readiness {
    index_change: i64,
    index_services: usize,
    index_age_seconds: i64,
    database: &'static str,
}

/// Ready once the index is built, which happens before the server listens; the database may be
/// away (pages are served from the index then), which the answer says.
pub async fn readyz(State(state): State<AppState>) -> Response {
    let index = state.index();
    let database = match state.store.latest_change().await {
        Ok(_) => "reachable",
        Err(_) => "unreachable",
    };
    let age = (chrono::Utc::now() - index.built_at).num_seconds();
    Json(Readiness { index_change: index.change, index_services: index.len(), index_age_seconds: age, database })
        .into_response()
}

pub async fn metrics_page(State(state): State<AppState>) -> Response {
    let handle = prometheus();
    let index = state.index();
    metrics::gauge!("helpatlas_index_change").set(index.change as f64);
    metrics::gauge!("helpatlas_index_services").set(index.len() as f64);
    metrics::gauge!("helpatlas_index_age_seconds").set((chrono::Utc::now() - index.built_at).num_seconds() as f64);
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")], handle.render()).into_response()
}
