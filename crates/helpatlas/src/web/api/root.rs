//! `GET /api/`: which HSDS version this API speaks and where its OpenAPI document is.

use super::json_response;
use axum::http::HeaderMap;
use axum::response::Response;
use serde_json::json;

#[utoipa::path(get, path = "/api/", tag = "HSDS",
    summary = "The HSDS version, profile and OpenAPI document of this API",
    responses((status = 200, description = "`version`, `profile`, `openapi_url`", body = super::openapi::Document)))]
pub async fn root(headers: HeaderMap) -> Response {
    let host = headers.get(axum::http::header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("localhost");
    let value = json!({
        "version": "3.0",
        "profile": "https://docs.openreferral.org/en/latest/hsds/profiles.html",
        "openapi_url": format!("http://{host}/api/openapi.json"),
    });
    json_response(&headers, &value)
}
