//! The OpenAPI 3.1 document of `/api`, generated from the handlers' `#[utoipa::path]` annotations and
//! the parameter types below, so it cannot drift from the code.

use super::json_response;
use axum::http::HeaderMap;
use axum::response::Response;
use utoipa::{IntoParams, OpenApi, ToSchema};

/// The HSDS list parameters. Filters combine with AND.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)] // Read by `utoipa` for the document only; handlers parse the raw query for exact 400s.
pub struct ListParams {
    /// Full-text search: every word must start a word of the name or description.
    #[param(max_length = 200)]
    search: Option<String>,
    /// Page number, from 1.
    #[param(minimum = 1, maximum = 1000)]
    page: Option<u32>,
    /// Results per page.
    #[param(minimum = 1, maximum = 100)]
    per_page: Option<u32>,
    /// `json` (default, paginated) or `ndjson` (every result, one per line).
    #[param(pattern = "^(json|ndjson)$")]
    format: Option<String>,
    /// Only records classified by this taxonomy term.
    #[param(format = Uuid)]
    taxonomy_term_id: Option<String>,
    /// Only records classified by a term of this taxonomy.
    #[param(format = Uuid)]
    taxonomy_id: Option<String>,
    /// Only records of this organization.
    #[param(format = Uuid)]
    organization_id: Option<String>,
    /// Only records changed on or after this date (YYYY-MM-DD) or date and time (RFC 3339).
    #[param(format = DateTime)]
    modified_after: Option<String>,
    /// Only `id`, `name`, `status` and `last_modified` of each service.
    minimal: Option<bool>,
    /// Fully nested records.
    full: Option<bool>,
}

/// Where to look, for `/api/service_at_locations`. HSDS measures `proximity` from a postcode's centroid;
/// Help Atlas has no postcode data, so the point comes with it.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)] // Read by `utoipa` for the document only.
pub struct ProximityParams {
    /// `LAT,LON[,METRES]` or `PLACE[,METRES]` (a city name from the gazetteer, e.g. `Tromsø,20000`):
    /// only locations within METRES (default 50000, at most 500000), nearest first. With `postcode`,
    /// `METRES` alone measures from the centroid of the locations that have that postal code (one per
    /// country, as codes repeat across countries), and `postcode` is then the centre, not a filter.
    #[param(max_length = 200)]
    proximity: Option<String>,
    /// Only locations whose postal address has this postal code, compared without case or spaces
    /// (`sw1a 1aa` = `SW1A1AA`). A code no location has gives an empty page. 1–32 characters.
    #[param(max_length = 200)]
    postcode: Option<String>,
}

/// The public site's search filters. Values of one filter are alternatives (repeat the key); different
/// filters all apply.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)] // Read by `utoipa` for the document only.
pub struct SearchParams {
    /// Where the person is: an ISO 3166-1 code.
    #[param(pattern = "^[A-Za-z]{2}$")]
    country: String,
    /// Narrower: an ISO 3166-2 subdivision of that country, e.g. `NO-03`.
    region: Option<String>,
    /// Narrower still: a GeoNames city id (see `helpatlas places`).
    #[param(minimum = 0)]
    city: Option<u32>,
    /// One of the five kinds of help.
    #[param(pattern = "^(online-therapy|in-person|support-groups|helplines|communities)$")]
    kind: Option<String>,
    /// Words to search for (everyday words map to topics).
    #[param(max_length = 200)]
    q: Option<String>,
    /// Topic codes (TAXONOMY.md).
    topic: Option<Vec<String>>,
    /// Channel codes: phone, sms, chat, video, email, messaging, app, web-program, in-person.
    channel: Option<Vec<String>>,
    /// Cost codes.
    cost: Option<Vec<String>>,
    /// ISO 639 language codes.
    lang: Option<Vec<String>>,
    /// Audience codes.
    audience: Option<Vec<String>>,
    /// Who delivers it: professionals, trained-volunteers, peers.
    by: Option<Vec<String>>,
    /// `1`: open now.
    open: Option<String>,
    /// `1`: open around the clock.
    always: Option<String>,
    /// `1`: the person lives in `country`, so services only for residents of elsewhere are left out.
    #[param(pattern = "^[01]$")]
    resident: Option<String>,
    /// The person's age.
    #[param(minimum = 0, maximum = 120)]
    age: Option<u8>,
    /// Distance in km within which a location counts as near.
    #[param(minimum = 0.001, maximum = 1000000)]
    radius: Option<f64>,
    #[param(minimum = 1, maximum = 1000)]
    page: Option<u32>,
    #[param(minimum = 1, maximum = 100)]
    per_page: Option<u32>,
}

/// The HSDS `Page` envelope; `contents` holds the records.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct Page {
    total_items: u64,
    total_pages: u64,
    page_number: u64,
    size: u64,
    first_page: bool,
    last_page: bool,
    empty: bool,
    contents: Vec<serde_json::Value>,
}

/// An HSDS JSON document (see the compiled schemas of HSDS 3.0).
#[derive(ToSchema)]
#[schema(value_type = Object)]
#[allow(dead_code)]
pub struct Document(serde_json::Value);

/// What went wrong.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct Error {
    status: u16,
    error: String,
    message: String,
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Help Atlas API",
        description = "Open Referral HSDS 3.0 API of a directory of mental-health help. Keyless; CORS open for GET.",
        version = "3.0"
    ),
    paths(
        super::root::root,
        super::services::list,
        super::services::one,
        super::organizations::list,
        super::organizations::one,
        super::service_at_locations::list,
        super::service_at_locations::one,
        super::taxonomies::list_taxonomies,
        super::taxonomies::one_taxonomy,
        super::taxonomies::list_terms,
        super::taxonomies::one_term,
        super::search::search,
    ),
    components(schemas(Page, Document, Error))
)]
pub struct ApiDoc;

pub async fn document(headers: HeaderMap) -> Response {
    let value = serde_json::to_value(ApiDoc::openapi()).unwrap_or_default();
    json_response(&headers, &value)
}
