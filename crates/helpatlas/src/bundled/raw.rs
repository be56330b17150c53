//! The data files' shape, exactly as written; unknown fields are errors so that typos surface.

use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFile {
    #[serde(default)]
    pub organization: Vec<RawOrganization>,
    #[serde(default)]
    pub service: Vec<RawService>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOrganization {
    pub slug: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub url: Option<String>,
    pub email: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawService {
    pub slug: String,
    pub organization: String,
    pub name: String,
    pub alternate_name: Option<String>,
    pub kind: String,
    #[serde(default)]
    pub forms: Vec<String>,
    #[serde(default)]
    pub description: String,
    pub url: Option<String>,
    #[serde(default)]
    pub topics: Vec<String>,
    #[serde(default)]
    pub audiences: Vec<String>,
    #[serde(default)]
    pub languages: Vec<String>,
    pub cost: Option<String>,
    #[serde(default)]
    pub delivered_by: Vec<String>,
    pub moderation: Option<String>,
    #[serde(default)]
    pub areas: Vec<String>,
    pub timezone: String,
    pub source_url: String,
    pub source_date: Option<String>,
    pub checked_on: String,
    pub status: String,
    pub retired_reason: Option<String>,
    pub eligibility: Option<RawEligibility>,
    #[serde(default)]
    pub channel: Vec<RawChannel>,
    #[serde(default)]
    pub location: Vec<RawLocation>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEligibility {
    pub min_age: Option<u8>,
    pub max_age: Option<u8>,
    #[serde(default)]
    pub residents_only: bool,
    pub referral: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawChannel {
    #[serde(rename = "type")]
    pub kind: String,
    pub value: String,
    pub hours: Option<Vec<String>>,
    pub exceptions: Option<Vec<String>>,
    pub label: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLocation {
    pub slug: String,
    pub name: String,
    pub address: Option<String>,
    pub postal_code: Option<String>,
    pub city: Option<String>,
    pub region: Option<String>,
    pub country: String,
    pub lat: f64,
    pub lon: f64,
}
