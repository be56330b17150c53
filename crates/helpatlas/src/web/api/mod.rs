//! The keyless HSDS 3.0 API under `/api`, answered from the in-memory index: the HSDS endpoints
//! (`/`, services, organizations, service_at_locations, taxonomies, taxonomy_terms) and `/api/search`
//! with every filter of the public site. Every GET answer may be read from any origin, carries an
//! `ETag` and is answered `304` when the client already has it. The OpenAPI document is generated from
//! the handlers' annotations (`openapi.rs`).

mod list;
mod openapi;
mod organizations;
mod root;
mod search;
mod service_at_locations;
mod services;
mod taxonomies;

use super::AppState;
use axum::body::Body;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde_json::{json, Value};
use std::hash::{Hash, Hasher};

/// How long a client or cache may reuse an answer without asking again; the index changes rarely,
/// and the `ETag` makes asking again cheap.
const CACHE_CONTROL: &str = "public, max-age=60";

/// The routes; an unknown path under `/api/` is a JSON 404, not the site's page.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api", get(root::root))
        .route("/api/", get(root::root))
        .route("/api/openapi.json", get(openapi::document))
        .route("/api/services", get(services::list))
        .route("/api/services/{id}", get(services::one))
        .route("/api/organizations", get(organizations::list))
        .route("/api/organizations/{id}", get(organizations::one))
        .route("/api/service_at_locations", get(service_at_locations::list))
        .route("/api/service_at_locations/{id}", get(service_at_locations::one))
        .route("/api/taxonomies", get(taxonomies::list_taxonomies))
        .route("/api/taxonomies/{id}", get(taxonomies::one_taxonomy))
        .route("/api/taxonomy_terms", get(taxonomies::list_terms))
        .route("/api/taxonomy_terms/{id}", get(taxonomies::one_term))
        .route("/api/search", get(search::search))
        .route("/api/{*rest}", get(|| async { ApiError::not_found("no such API endpoint") }))
}

/// An API failure, answered as JSON: `{"status": 400, "error": "Bad Request", "message": "…"}`.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    message: String,
}

impl ApiError {
    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError { status: StatusCode::BAD_REQUEST, message: message.into() }
    }

    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError { status: StatusCode::NOT_FOUND, message: message.into() }
    }

    pub fn unavailable(message: impl Into<String>) -> ApiError {
        ApiError { status: StatusCode::SERVICE_UNAVAILABLE, message: message.into() }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = json!({
            "status": self.status.as_u16(),
            "error": self.status.canonical_reason().unwrap_or("Error"),
            "message": self.message,
        });
        let mut response = (self.status, axum::Json(body)).into_response();
        response.headers_mut().insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
        response
    }
}

pub type ApiResult = Result<Response, ApiError>;

/// A JSON answer with its validator: `304 Not Modified` when `If-None-Match` names the same body.
pub fn json_response(request: &HeaderMap, value: &Value) -> Response {
    let body = serde_json::to_vec(value).unwrap_or_default();
    cached(request, body, "application/json")
}

pub fn cached(request: &HeaderMap, body: Vec<u8>, content_type: &'static str) -> Response {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    body.hash(&mut hasher);
    let etag = format!("\"{:016x}-{:x}\"", hasher.finish(), body.len());
    let matches = request
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|tag| tag.trim().trim_start_matches("W/") == etag || tag.trim() == "*"));
    let mut response = if matches {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let mut response = Response::new(Body::from(body));
        response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
        response
    };
    let headers = response.headers_mut();
    headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(CACHE_CONTROL));
    if let Ok(value) = HeaderValue::from_str(&etag) {
        headers.insert(header::ETAG, value);
    }
    response
}

/// Parses a path id; anything but a UUID is a 400 rather than a 404, so a typo is named as one.
pub fn path_id(raw: &str) -> Result<uuid::Uuid, ApiError> {
    uuid::Uuid::parse_str(raw).map_err(|_| ApiError::bad_request(format!("`{raw}` is not a UUID")))
}
