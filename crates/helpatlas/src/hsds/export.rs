//! The domain model as HSDS records. Every fact is put in the HSDS field made for it; what HSDS lacks
//! travels as `attribute` rows of the `helpatlas` taxonomy (see `taxonomy.rs`), so the JSON documents
//! and the CSV tables carry the same, complete information. Child ids are UUIDv5 of the parent id and
//! the child's position, so the same data always gives the same records.

use super::taxonomy::{self, Carrier, NAMESPACE};
use crate::model::{Channel, ChannelType, Hours, Location, Organization, Provenance, Service};
use chrono::{DateTime, SecondsFormat, TimeZone, Utc};
use chrono_tz::{OffsetComponents, Tz};
use serde_json::{json, Map, Value};
use uuid::Uuid;

pub type Record = Map<String, Value>;

pub fn child_id(kind: &str, parent: Uuid, key: &str) -> Uuid {
    Uuid::new_v5(&NAMESPACE, format!("{kind}:{parent}:{key}").as_bytes())
}

pub fn timestamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

/// Builds a record from `(key, value)` pairs, leaving out nulls (HSDS treats absent and null alike).
fn record(pairs: Vec<(&str, Value)>) -> Record {
    pairs.into_iter().filter(|(_, v)| !v.is_null()).map(|(k, v)| (k.to_string(), v)).collect()
}

fn attribute(link_entity: &str, link_id: Uuid, code: &str, value: Option<String>) -> Record {
    record(vec![
        ("id", json!(child_id("attribute", link_id, code))),
        ("link_id", json!(link_id)),
        ("taxonomy_term_id", json!(taxonomy::term_id(code))),
        ("link_entity", json!(link_entity)),
        ("value", json!(value)),
    ])
}

/// Where a record that a followed feed brought came from: the feed, the publisher's id, first and
/// last seen and the publisher's licence, one attribute each (no licence attribute when none was
/// given).
pub fn provenance_attributes(link_entity: &str, link_id: Uuid, p: &Provenance) -> Vec<Record> {
    let mut out = vec![
        attribute(link_entity, link_id, Carrier::Feed.code(), Some(p.feed.clone())),
        attribute(link_entity, link_id, Carrier::FeedRecordId.code(), Some(p.publisher_id.to_string())),
        attribute(link_entity, link_id, Carrier::FeedFirstSeen.code(), Some(timestamp(p.first_seen))),
        attribute(link_entity, link_id, Carrier::FeedLastSeen.code(), Some(timestamp(p.last_seen))),
    ];
    if !p.licence.is_empty() {
        out.push(attribute(link_entity, link_id, Carrier::FeedLicence.code(), Some(p.licence.clone())));
    }
    out
}

pub struct OrganizationParts {
    pub organization: Record,
    pub attributes: Vec<Record>,
}

pub fn organization(o: &Organization) -> OrganizationParts {
    let organization = record(vec![
        ("id", json!(o.id)),
        ("name", json!(o.name)),
        ("description", json!(o.description)),
        ("website", json!(o.url)),
        ("email", json!(o.email)),
    ]);
    let last_modified = Some(timestamp(o.last_modified));
    let mut attributes = vec![attribute("organization", o.id, Carrier::LastModified.code(), last_modified)];
    if !o.translations.is_empty() {
        let texts = serde_json::to_string(&o.translations).ok();
        attributes.push(attribute("organization", o.id, Carrier::Translations.code(), texts));
    }
    OrganizationParts { organization, attributes }
}

pub struct LocationParts {
    pub location: Record,
    pub addresses: Vec<Record>,
    pub attributes: Vec<Record>,
}

pub fn location(l: &Location) -> LocationParts {
    let location = record(vec![
        ("id", json!(l.id)),
        ("location_type", json!("physical")),
        ("organization_id", json!(l.organization_id)),
        ("name", json!(l.name)),
        ("latitude", json!(l.point.lat)),
        ("longitude", json!(l.point.lon)),
    ]);
    let mut attributes =
        vec![attribute("location", l.id, Carrier::LastModified.code(), Some(timestamp(l.last_modified)))];
    let mut addresses = Vec::new();
    match (&l.address, &l.city, &l.postal_code) {
        (Some(street), Some(city), Some(postal_code)) => addresses.push(record(vec![
            ("id", json!(child_id("address", l.id, "0"))),
            ("location_id", json!(l.id)),
            ("address_1", json!(street)),
            ("city", json!(city)),
            ("region", json!(l.region)),
            // Required by HSDS; the ISO 3166-2 code when known, else the country.
            ("state_province", json!(l.region.clone().unwrap_or_else(|| l.country.to_string()))),
            ("postal_code", json!(postal_code)),
            ("country", json!(l.country)),
            ("address_type", json!("physical")),
        ])),
        _ => {
            let partial = json!({"address": l.address, "postal_code": l.postal_code, "city": l.city, "region": l.region, "country": l.country});
            attributes.push(attribute("location", l.id, Carrier::PartialAddress.code(), Some(partial.to_string())));
        }
    }
    LocationParts { location, addresses, attributes }
}

#[derive(Default)]
pub struct ServiceParts {
    pub service: Record,
    pub phones: Vec<Record>,
    pub schedules: Vec<Record>,
    pub service_areas: Vec<Record>,
    pub languages: Vec<Record>,
    pub cost_options: Vec<Record>,
    pub attributes: Vec<Record>,
    /// `(service_at_location record, location id)`, in the service's order of locations.
    pub service_at_locations: Vec<(Record, Uuid)>,
}

/// The service's own one-to-one fields (`services.csv`; the list form of the API).
pub fn service_record(s: &Service) -> Record {
    let email = s.channels.iter().find(|c| c.kind == ChannelType::Email).map(|c| c.value.clone());
    let e = &s.eligibility;
    record(vec![
        ("id", json!(s.id)),
        ("organization_id", json!(s.organization_id)),
        ("name", json!(s.name)),
        ("alternate_name", json!(s.alternate_name)),
        ("description", json!(s.description)),
        ("url", json!(s.url)),
        ("email", json!(email)),
        ("status", json!(s.retired.as_ref().map_or("active", |r| r.status.code()))),
        ("eligibility_description", json!(e.note)),
        ("minimum_age", json!(e.min_age)),
        ("maximum_age", json!(e.max_age)),
        ("assured_date", json!(s.verified_on.to_string())),
        ("last_modified", json!(timestamp(s.last_modified))),
    ])
}

pub fn service(s: &Service) -> ServiceParts {
    ServiceParts {
        service: service_record(s),
        phones: phones(s),
        schedules: schedules(s),
        service_areas: s
            .areas
            .iter()
            .enumerate()
            .map(|(i, area)| {
                record(vec![
                    ("id", json!(child_id("service_area", s.id, &i.to_string()))),
                    ("service_id", json!(s.id)),
                    ("name", json!(area.to_string())),
                    ("description", json!(area_description(area))),
                ])
            })
            .collect(),
        languages: s
            .languages
            .iter()
            .enumerate()
            .map(|(i, code)| {
                let id = child_id("language", s.id, &i.to_string());
                record(vec![("id", json!(id)), ("service_id", json!(s.id)), ("code", json!(code))])
            })
            .collect(),
        cost_options: s
            .cost
            .iter()
            .map(|cost| {
                record(vec![
                    ("id", json!(child_id("cost_option", s.id, "0"))),
                    ("service_id", json!(s.id)),
                    ("option", json!(crate::i18n::english().label("cost", cost.code()))),
                ])
            })
            .collect(),
        attributes: service_attributes(s),
        service_at_locations: s
            .location_ids
            .iter()
            .map(|l| {
                let id = child_id("service_at_location", s.id, &l.to_string());
                (record(vec![("id", json!(id)), ("service_id", json!(s.id)), ("location_id", json!(l))]), *l)
            })
            .collect(),
    }
}

fn area_description(area: &crate::model::ServiceArea) -> Option<String> {
    use crate::model::ServiceArea;
    let atlas = crate::geo::atlas();
    match area {
        ServiceArea::World => Some("Anywhere in the world".into()),
        ServiceArea::Country(c) => atlas.country(*c).map(|c| c.name.clone()),
        ServiceArea::Subdivision(code) => atlas.subdivision(code).map(|s| s.name.clone()),
        ServiceArea::Radius { km, .. } => Some(format!("Within {km} km of the point")),
    }
}

fn service_attributes(s: &Service) -> Vec<Record> {
    let codes = crate::model::terms::service_term_codes(s);
    let mut out: Vec<Record> = codes.iter().map(|code| attribute("service", s.id, code, None)).collect();
    let channels = serde_json::to_string(&s.channels).ok();
    out.push(attribute("service", s.id, Carrier::Timezone.code(), Some(s.timezone.name().to_string())));
    out.push(attribute("service", s.id, Carrier::Channels.code(), channels));
    out.push(attribute("service", s.id, Carrier::SourceUrl.code(), Some(s.source_url.clone())));
    if let Some(date) = s.source_date {
        out.push(attribute("service", s.id, Carrier::SourceDate.code(), Some(date.to_string())));
    }
    if let Some(retired) = &s.retired {
        out.push(attribute("service", s.id, Carrier::RetiredReason.code(), Some(retired.reason.clone())));
    }
    if s.eligibility.residents_only {
        out.push(attribute("service", s.id, Carrier::ResidentsOnly.code(), None));
    }
    if !s.translations.is_empty() {
        let texts = serde_json::to_string(&s.translations).ok();
        out.push(attribute("service", s.id, Carrier::Translations.code(), texts));
    }
    out
}

fn phones(s: &Service) -> Vec<Record> {
    s.channels
        .iter()
        .enumerate()
        .filter(|(_, c)| matches!(c.kind, ChannelType::Phone | ChannelType::Sms))
        .map(|(i, c)| {
            let kind = if c.kind == ChannelType::Sms { "text" } else { "voice" };
            record(vec![
                ("id", json!(child_id("phone", s.id, &i.to_string()))),
                ("service_id", json!(s.id)),
                ("number", json!(c.value)),
                ("type", json!(kind)),
                ("description", json!(c.label)),
            ])
        })
        .collect()
}

/// The standard (winter) UTC offset of a zone in hours: HSDS has only a fixed offset, and a fixed
/// instant keeps the export deterministic. The IANA zone itself travels in the `timezone` attribute.
pub fn utc_offset_hours(zone: Tz) -> f64 {
    let instant = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).single().unwrap_or_default();
    let offset = zone.offset_from_utc_datetime(&instant.naive_utc());
    offset.base_utc_offset().num_minutes() as f64 / 60.0
}

fn number(value: f64) -> Value {
    if value.fract() == 0.0 {
        json!(value as i64)
    } else {
        json!(value)
    }
}

/// One weekly schedule per rule of every channel with hours, and one dated schedule per exception
/// (`valid_from` = `valid_to` = its day: open only at its times, or, without times, closed). HSDS
/// cannot say "24 hours", so an always-open channel is every day 00:00–23:59, as the HSDS guidance
/// suggests; likewise a 24:00 close.
fn schedules(s: &Service) -> Vec<Record> {
    let offset = number(utc_offset_hours(s.timezone));
    let mut out = Vec::new();
    for (i, channel) in s.channels.iter().enumerate() {
        let Some(hours) = &channel.hours else { continue };
        for exception in &hours.exceptions {
            let day = exception.date.to_string();
            let (opens, closes) = match exception.open {
                Some(span) => (Some(hhmmss(span.opens)), Some(hhmmss(span.closes))),
                None => (None, None),
            };
            let what = if exception.open.is_some() { "Special hours" } else { "Closed" };
            out.push(record(vec![
                ("id", json!(child_id("schedule", s.id, &format!("{i}/{day}")))),
                ("service_id", json!(s.id)),
                ("timezone", offset.clone()),
                ("valid_from", json!(day)),
                ("valid_to", json!(day)),
                ("dtstart", json!(day)),
                ("opens_at", json!(opens)),
                ("closes_at", json!(closes)),
                ("attending_type", json!(channel.kind.code())),
                ("description", json!(format!("{what}: {}", schedule_description(channel)))),
                (
                    "notes",
                    json!(if exception.open.is_some() { "open only at these times on this day" } else { "closed" }),
                ),
            ]));
        }
        for (j, (days, opens, closes)) in weekly_spans(hours).into_iter().enumerate() {
            out.push(record(vec![
                ("id", json!(child_id("schedule", s.id, &format!("{i}/{j}")))),
                ("service_id", json!(s.id)),
                ("timezone", offset.clone()),
                ("freq", json!("WEEKLY")),
                ("wkst", json!("MO")),
                ("byday", json!(days)),
                ("opens_at", json!(opens)),
                ("closes_at", json!(closes)),
                ("attending_type", json!(channel.kind.code())),
                ("description", json!(schedule_description(channel))),
            ]));
        }
    }
    out
}

fn schedule_description(channel: &Channel) -> String {
    match &channel.label {
        Some(label) => format!("{label} ({})", channel.value),
        None => format!("{}: {}", channel.kind, channel.value),
    }
}

/// `(BYDAY, opens, closes)` of each weekly rule, in iCal day codes and HH:MM:SS (the time format of
/// the Tabular Data Package; HSDS JSON accepts it too).
/// `HH:MM:SS`, with 24:00 as 23:59 (HSDS times stop at 23:59).
fn hhmmss(minutes: u16) -> String {
    format!("{}:00", crate::model::format_time(minutes.min(23 * 60 + 59)))
}

fn weekly_spans(hours: &Hours) -> Vec<(String, String, String)> {
    let hhmm = hhmmss;
    let mut out = Vec::new();
    if hours.always {
        out.push(("MO,TU,WE,TH,FR,SA,SU".to_string(), "00:00:00".to_string(), "23:59:00".to_string()));
    }
    for rule in &hours.weekly {
        let days: Vec<String> = rule.days.iter().map(|d| d.to_string()[..2].to_uppercase()).collect();
        out.push((days.join(","), hhmm(rule.span.opens), hhmm(rule.span.closes)));
    }
    out
}
