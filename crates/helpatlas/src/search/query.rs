//! What a search asks and what it answers: the contract between the pages/API and the engine.

use crate::model::{Audience, ChannelType, Cost, CountryCode, DeliveredBy, Kind, Place, Service, Topic};
use chrono::{DateTime, Utc};

/// Largest page size a caller may ask for.
pub const MAX_PER_PAGE: usize = 100;
/// Longest query text accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 200;
/// Default and largest distance (km) within which a physical location counts as near the place.
pub const DEFAULT_RADIUS_KM: f64 = 50.0;
pub const MAX_RADIUS_KM: f64 = 500.0;

#[derive(Debug, Clone)]
pub struct SearchQuery {
    pub place: Place,
    pub kind: Option<Kind>,
    pub text: Option<String>,
    pub topics: Vec<Topic>,
    pub channels: Vec<ChannelType>,
    pub costs: Vec<Cost>,
    pub languages: Vec<String>,
    pub audiences: Vec<Audience>,
    pub delivered_by: Vec<DeliveredBy>,
    pub open_now: bool,
    pub always_open: bool,
    /// The person's age, to leave out services they are too young or too old for.
    pub age: Option<u8>,
    /// The country the person lives in, to leave out services only for residents of somewhere else.
    pub resident_of: Option<CountryCode>,
    pub radius_km: f64,
    /// 1-based.
    pub page: usize,
    pub per_page: usize,
    pub now: DateTime<Utc>,
}

impl SearchQuery {
    pub fn new(place: Place, now: DateTime<Utc>) -> SearchQuery {
        SearchQuery {
            place,
            kind: None,
            text: None,
            topics: Vec::new(),
            channels: Vec::new(),
            costs: Vec::new(),
            languages: Vec::new(),
            audiences: Vec::new(),
            delivered_by: Vec::new(),
            open_now: false,
            always_open: false,
            age: None,
            resident_of: None,
            radius_km: DEFAULT_RADIUS_KM,
            page: 1,
            per_page: 20,
            now,
        }
    }
}

#[derive(Debug, Clone)]
pub struct SearchHit {
    pub service: std::sync::Arc<Service>,
    /// Distance from the chosen place to the nearest location of the service, when both are known.
    pub distance_km: Option<f64>,
    /// The service covers only part of the country and the place is not precise enough to tell.
    pub partial: bool,
}

/// How many results each filter value would give, with every other filter applied.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facets {
    pub kinds: Vec<(Kind, usize)>,
    pub topics: Vec<(Topic, usize)>,
    pub channels: Vec<(ChannelType, usize)>,
    pub costs: Vec<(Cost, usize)>,
    pub languages: Vec<(String, usize)>,
    pub audiences: Vec<(Audience, usize)>,
    pub delivered_by: Vec<(DeliveredBy, usize)>,
    pub open_now: usize,
    pub always_open: usize,
}

#[derive(Debug, Clone)]
pub struct SearchResults {
    pub total: usize,
    pub hits: Vec<SearchHit>,
    pub facets: Facets,
    /// The query text signals a crisis: callers show the emergency number and crisis lines first.
    pub crisis: bool,
}
