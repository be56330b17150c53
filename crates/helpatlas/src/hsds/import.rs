//! Checked HSDS rows into the domain model. Help Atlas's own exports carry every fact in HSDS fields
//! and `helpatlas` attributes and come back unchanged; records from other directories lack those
//! attributes and get the documented defaults (docs/design.md, "HSDS import defaults"), each noted.

use super::tables::{Row, Tables};
use super::taxonomy::{self, Carrier};
use super::FastMap;
use crate::model::{
    Channel, ChannelType, CountryCode, DatedException, Days, Directory, Eligibility, Hours, Kind, Location,
    Organization, PhoneNumber, Point, RetiredStatus, Retirement, Service, ServiceArea, SourceDate, SourceDateError,
    Span, TextSet, Translations, VerificationStatus, WeeklyRule,
};
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::de::DeserializeOwned;
use std::collections::{BTreeSet, HashMap};
use std::str::FromStr;
use std::sync::Arc;
use uuid::Uuid;

/// The directory built from the rows, what could not be built, and which defaults were applied.
#[derive(Debug, Default)]
pub struct Mapped {
    pub directory: Directory,
    /// Records that cannot become part of the directory, each with its place; the record is left out.
    pub problems: Vec<String>,
    /// Defaults applied and records left out on purpose (inactive services, unusable locations).
    pub notes: Vec<String>,
}

/// A `helpatlas` attribute of one record: its term code and value. Owned, so that the attribute rows
/// (most rows of a package: 12 million for a million services) are let go before the directory is built.
struct Attribute {
    code: Arc<str>,
    value: Option<Box<str>>,
}

#[derive(Debug, Default, serde::Deserialize)]
struct AddressParts {
    address: Option<String>,
    postal_code: Option<String>,
    city: Option<String>,
    region: Option<String>,
    country: Option<String>,
}

struct Context<'a> {
    tables: &'a Tables,
    now: DateTime<Utc>,
    attributes: FastMap<Uuid, Vec<Attribute>>,
    addresses: FastMap<Uuid, &'a Row>,
    /// Location ids of each service, in row order.
    service_locations: FastMap<Uuid, Vec<Uuid>>,
    /// Rows of each service detail table by service id, in row order: found once, because scanning a
    /// whole table for every service made a 100,000-service import take many minutes.
    details: HashMap<&'static str, FastMap<Uuid, Vec<&'a Row>>>,
    organizations: FastMap<Uuid, &'a Row>,
}

/// The tables of service details, each linked by `service_id`.
const DETAIL_TABLES: [&str; 4] = ["language", "service_area", "schedule", "phone"];

fn by_link<'a>(rows: &'a [Row], column: &str) -> FastMap<Uuid, Vec<&'a Row>> {
    let mut out: FastMap<Uuid, Vec<&Row>> = FastMap::default();
    for row in rows {
        if let Some(id) = row.uuid(column) {
            out.entry(id).or_default().push(row);
        }
    }
    out
}

/// The codes of the `helpatlas` terms among the rows; terms of other taxonomies are not ours to read.
fn our_terms(tables: &Tables) -> FastMap<Uuid, Arc<str>> {
    tables
        .of("taxonomy_term")
        .iter()
        .filter(|t| {
            t.uuid("taxonomy_id") == Some(taxonomy::taxonomy_id()) || t.str("taxonomy") == Some(taxonomy::TAXONOMY_NAME)
        })
        .filter_map(|t| Some((t.uuid("id")?, t.str("code")?.into())))
        .collect()
}

/// Takes the attribute rows out of the tables, keeping our terms' codes and values by record.
fn take_attributes(tables: &mut Tables) -> FastMap<Uuid, Vec<Attribute>> {
    let terms = our_terms(tables);
    let mut attributes: FastMap<Uuid, Vec<Attribute>> = FastMap::default();
    for row in tables.rows.remove("attribute").unwrap_or_default() {
        let code = row.uuid("taxonomy_term_id").and_then(|id| terms.get(&id));
        if let (Some(link), Some(code)) = (row.uuid("link_id"), code) {
            let value = row.str("value").map(Box::from);
            attributes.entry(link).or_default().push(Attribute { code: code.clone(), value });
        }
    }
    attributes
}

pub fn map(mut tables: Tables, now: DateTime<Utc>) -> Mapped {
    let attributes = take_attributes(&mut tables);
    let tables = &tables;
    let addresses = by_link(tables.of("address"), "location_id")
        .into_iter()
        .filter_map(|(id, rows)| {
            let physical = rows.iter().find(|r| r.str("address_type") == Some("physical")).or(rows.first());
            Some((id, *physical?))
        })
        .collect();
    let mut service_locations: FastMap<Uuid, Vec<Uuid>> = FastMap::default();
    for sal in tables.of("service_at_location") {
        if let (Some(service), Some(location)) = (sal.uuid("service_id"), sal.uuid("location_id")) {
            let list = service_locations.entry(service).or_default();
            if !list.contains(&location) {
                list.push(location);
            }
        }
    }
    let details = DETAIL_TABLES.iter().map(|table| (*table, by_link(tables.of(table), "service_id"))).collect();
    let organizations = tables.of("organization").iter().filter_map(|r| Some((r.uuid("id")?, r))).collect();
    let cx = Context { tables, now, attributes, addresses, service_locations, details, organizations };
    let mut mapped = Mapped::default();
    for row in tables.of("organization") {
        match cx.organization(row) {
            Some(Ok(organization)) => mapped.directory.organizations.push(organization),
            Some(Err(problem)) => mapped.problems.push(problem),
            None => {}
        }
    }
    for row in tables.of("location") {
        match cx.location(row) {
            Ok(location) => mapped.directory.locations.push(location),
            Err(why) => mapped.notes.push(format!("{}: location left out: {why}", row.place)),
        }
    }
    let located: BTreeSet<Uuid> = mapped.directory.locations.iter().map(|l| l.id).collect();
    for row in tables.of("service") {
        let mut builder = ServiceBuilder { cx: &cx, row, problems: Vec::new(), notes: Vec::new() };
        let service = builder.build(&located);
        mapped.notes.extend(builder.notes);
        match service {
            Some(service) if builder.problems.is_empty() => mapped.directory.services.push(service),
            _ => mapped.problems.extend(builder.problems),
        }
    }
    mapped
}

impl<'a> Context<'a> {
    /// The rows of `table` (one of [`DETAIL_TABLES`]) that belong to the service `id`.
    fn details(&self, table: &str, id: Uuid) -> &[&'a Row] {
        self.details.get(table).and_then(|rows| rows.get(&id)).map(Vec::as_slice).unwrap_or_default()
    }

    fn attributes(&self, id: Uuid) -> &[Attribute] {
        self.attributes.get(&id).map(Vec::as_slice).unwrap_or(&[])
    }

    fn carried(&self, id: Uuid, carrier: Carrier) -> Option<&str> {
        self.attributes(id).iter().find(|a| *a.code == *carrier.code()).and_then(|a| a.value.as_deref())
    }

    fn has(&self, id: Uuid, carrier: Carrier) -> bool {
        self.attributes(id).iter().any(|a| *a.code == *carrier.code())
    }

    fn last_modified(&self, id: Uuid, row: &Row) -> DateTime<Utc> {
        let text = row.str("last_modified").or_else(|| self.carried(id, Carrier::LastModified));
        text.and_then(|t| DateTime::parse_from_rfc3339(t).ok()).map_or(self.now, |t| t.with_timezone(&Utc))
    }

    /// The translations attribute of a record, checked (see [`TextSet`]); empty when it has none.
    fn translations<T: TextSet + DeserializeOwned>(&self, id: Uuid) -> Result<Translations<T>, String> {
        let Some(json) = self.carried(id, Carrier::Translations) else { return Ok(Translations::new()) };
        let translations: Translations<T> =
            serde_json::from_str(json).map_err(|e| format!("the helpatlas translations value is not valid: {e}"))?;
        match crate::model::translation_problems(&translations).as_slice() {
            [] => Ok(translations),
            problems => Err(format!("the helpatlas translations value: {}", problems.join("; "))),
        }
    }

    /// The organization of a row; `Err` names the row and what is wrong.
    fn organization(&self, row: &Row) -> Option<Result<Organization, String>> {
        let id = row.uuid("id")?;
        let translations = match self.translations(id) {
            Ok(translations) => translations,
            Err(problem) => return Some(Err(format!("{}: {problem}", row.place.column("attributes")))),
        };
        Some(Ok(Organization {
            id,
            name: row.str("name")?.to_string(),
            description: row.str("description").unwrap_or_default().to_string(),
            url: row.str("website").map(str::to_string),
            email: row.str("email").map(str::to_string),
            translations,
            last_modified: self.last_modified(id, row),
        }))
    }

    fn location(&self, row: &Row) -> Result<Location, String> {
        let id = row.uuid("id").ok_or("no id")?;
        let point = match (row.number("latitude"), row.number("longitude")) {
            (Some(lat), Some(lon)) if (Point { lat, lon }).is_valid() => Point { lat, lon },
            (Some(lat), Some(lon)) => return Err(format!("latitude {lat}, longitude {lon} are out of range")),
            _ => return Err("no latitude and longitude".into()),
        };
        let organization_id = row.uuid("organization_id").or_else(|| self.owner_of(id)).ok_or("no organization")?;
        let parts = match self.addresses.get(&id) {
            Some(address) => AddressParts {
                address: address.str("address_1").map(str::to_string),
                postal_code: address.str("postal_code").map(str::to_string),
                city: address.str("city").map(str::to_string),
                region: address.str("region").map(str::to_string),
                country: address.str("country").map(str::to_string),
            },
            None => self.partial_address(id).unwrap_or_default(),
        };
        let country = parts.country.as_deref().unwrap_or_default();
        let country = crate::geo::atlas()
            .parse_country(country)
            .map(|c| c.code)
            .ok_or_else(|| format!("no known ISO 3166-1 country in its address (`{country}`)"))?;
        Ok(Location {
            id,
            organization_id,
            name: row.str("name").unwrap_or_default().to_string(),
            address: parts.address,
            postal_code: parts.postal_code,
            city: parts.city,
            region: parts.region,
            country,
            point,
            last_modified: self.last_modified(id, row),
        })
    }

    /// The address parts HSDS could not hold (see `Carrier::PartialAddress`).
    fn partial_address(&self, id: Uuid) -> Option<AddressParts> {
        serde_json::from_str(self.carried(id, Carrier::PartialAddress)?).ok()
    }

    /// The organization of a service offered at a location without its own organization.
    fn owner_of(&self, location: Uuid) -> Option<Uuid> {
        let service = self.service_locations.iter().find(|(_, ls)| ls.contains(&location)).map(|(s, _)| *s)?;
        self.tables.of("service").iter().find(|r| r.uuid("id") == Some(service))?.uuid("organization_id")
    }
}

struct ServiceBuilder<'c, 'a> {
    cx: &'c Context<'a>,
    row: &'a Row,
    problems: Vec<String>,
    notes: Vec<String>,
}

impl<'c, 'a> ServiceBuilder<'c, 'a> {
    fn problem(&mut self, column: &str, message: String) {
        self.problems.push(format!("{}: {message}", self.row.place.column(column)));
    }

    fn note(&mut self, message: String) {
        self.notes.push(format!("{}: {message}", self.row.place));
    }

    /// Codes of one vocabulary among the service's attributes, parsed.
    fn codes<T: FromStr<Err = crate::model::UnknownCode>>(&mut self, id: Uuid, vocabulary: &str) -> Vec<T> {
        let prefix = format!("{vocabulary}:");
        let mut out = Vec::new();
        for a in self.cx.attributes(id) {
            let Some(code) = a.code.strip_prefix(&prefix) else { continue };
            match code.parse::<T>() {
                Ok(value) => out.push(value),
                Err(e) => self.problem("attributes", e.to_string()),
            }
        }
        out
    }

    fn build(&mut self, located: &BTreeSet<Uuid>) -> Option<Service> {
        let row = self.row;
        let id = row.uuid("id")?;
        let organization_id = row.uuid("organization_id")?;
        let kind = match self.codes::<Kind>(id, "kind").first() {
            Some(kind) => *kind,
            None => {
                self.note("no helpatlas kind term: `in-person` assumed".into());
                Kind::InPerson
            }
        };
        let location_ids: Vec<Uuid> = self
            .cx
            .service_locations
            .get(&id)
            .map(|ls| ls.iter().copied().filter(|l| located.contains(l)).collect())
            .unwrap_or_default();
        let areas = self.areas(id, kind);
        let timezone = self.timezone(id);
        let channels = self.channels(id, areas.iter().find_map(ServiceArea::country));
        let source_url = self.source_url(id, organization_id);
        let eligibility = Eligibility {
            min_age: self.age("minimum_age"),
            max_age: self.age("maximum_age"),
            residents_only: self.cx.has(id, Carrier::ResidentsOnly),
            referral: self.codes(id, "referral").first().copied(),
            note: row.str("eligibility_description").map(str::to_string),
        };
        let status = self.codes(id, "status").first().copied().unwrap_or(VerificationStatus::Unverified);
        let retired = self.retirement(id);
        let source_date = self.source_date(id);
        let translations = self.cx.translations(id).unwrap_or_else(|problem| {
            self.problem("attributes", problem);
            Translations::new()
        });
        Some(Service {
            id,
            organization_id,
            name: row.str("name")?.to_string(),
            alternate_name: row.str("alternate_name").map(str::to_string),
            kind,
            forms: self.codes(id, "form"),
            description: row.str("description").unwrap_or_default().to_string(),
            url: row.str("url").map(str::to_string),
            topics: self.codes(id, "topic"),
            audiences: self.codes(id, "audience"),
            languages: self.languages(id),
            cost: self.codes(id, "cost").first().copied(),
            delivered_by: self.codes(id, "delivered-by"),
            moderation: self.codes(id, "moderation").first().copied(),
            areas,
            eligibility,
            timezone,
            channels,
            location_ids,
            source_url: source_url?,
            source_date,
            verified_on: self.verified_on(id),
            status,
            retired,
            translations,
            last_modified: self.cx.last_modified(id, row),
        })
    }

    fn age(&mut self, column: &str) -> Option<u8> {
        let value = self.row.number(column)?;
        if value.fract() == 0.0 && (0.0..=150.0).contains(&value) {
            Some(value as u8)
        } else {
            self.problem(column, format!("`{value}` is not an age in whole years"));
            None
        }
    }

    fn languages(&self, id: Uuid) -> Vec<String> {
        let rows = self.cx.details("language", id).iter();
        let mut out: Vec<String> = Vec::new();
        for code in rows.filter_map(|l| l.str("code")) {
            if !out.iter().any(|c| c == code) {
                out.push(code.to_string());
            }
        }
        out
    }

    /// Service areas named by code; else the countries of the service's locations. Only an in-person
    /// service may have none: it is then shown for no place, which is better than shown everywhere.
    fn areas(&mut self, id: Uuid, kind: Kind) -> Vec<ServiceArea> {
        let rows = self.cx.details("service_area", id);
        let mut areas: Vec<ServiceArea> = rows.iter().filter_map(|r| r.str("name")?.parse().ok()).collect();
        if areas.is_empty() {
            // Every location of the service counts here, also one left out for lack of coordinates.
            let all_locations = self.cx.service_locations.get(&id).map(Vec::as_slice).unwrap_or_default();
            let countries = all_locations.iter().filter_map(|l| self.cx.addresses.get(l)?.str("country"));
            for country in countries.filter_map(|c| crate::geo::atlas().parse_country(c)).map(|c| c.code) {
                if !areas.contains(&ServiceArea::Country(country)) {
                    areas.push(ServiceArea::Country(country));
                }
            }
            if !areas.is_empty() {
                let names: Vec<String> = areas.iter().map(ToString::to_string).collect();
                self.note(format!(
                    "no service area named by code: the countries of its locations assumed ({})",
                    names.join(", ")
                ));
            }
        }
        if areas.is_empty() && kind == Kind::InPerson {
            self.note("no service area: it is listed for no place until one is added".into());
        } else if areas.is_empty() {
            self.problem(
                "service_areas",
                "no service area: name one by code (`world`, a country `NO`, a subdivision `NO-03`) or give the service a location with an address".into(),
            );
        }
        areas
    }

    /// The IANA zone; else the fixed offset of its schedules as an `Etc/GMT` zone; else UTC.
    fn timezone(&mut self, id: Uuid) -> Tz {
        if let Some(name) = self.cx.carried(id, Carrier::Timezone) {
            match name.parse::<Tz>() {
                Ok(zone) => return zone,
                Err(_) => self.problem("attributes", format!("`{name}` is not an IANA time zone")),
            }
        }
        let offset = self.schedules(id).iter().find_map(|s| s.number("timezone"));
        match offset.filter(|o| o.fract() == 0.0 && o.abs() <= 14.0) {
            // POSIX-style names invert the sign: UTC+3 is `Etc/GMT-3`.
            Some(hours) if hours != 0.0 => format!("Etc/GMT{:+}", -(hours as i32)).parse().unwrap_or(Tz::UTC),
            _ => Tz::UTC,
        }
    }

    fn schedules(&self, id: Uuid) -> Vec<&'a Row> {
        self.cx.details("schedule", id).to_vec()
    }

    /// The channels attribute; else the service's phones (written `+CC national`, read by the plan of
    /// the service's country) and email, with its weekly schedules.
    fn channels(&mut self, id: Uuid, country: Option<CountryCode>) -> Vec<Channel> {
        if let Some(json) = self.cx.carried(id, Carrier::Channels) {
            match serde_json::from_str(json) {
                Ok(channels) => return channels,
                Err(e) => self.problem("attributes", format!("the helpatlas channels value is not valid: {e}")),
            }
        }
        let hours = self.weekly_hours(id);
        let phones = self.cx.details("phone", id).iter();
        let mut channels: Vec<Channel> = phones
            .filter_map(|p| {
                let number = p.str("number")?.trim_matches(|c: char| c == '"' || c.is_whitespace());
                let number = PhoneNumber::from_foreign(number, country).unwrap_or_else(|| number.to_string());
                let kind =
                    if matches!(p.str("type"), Some("text" | "sms")) { ChannelType::Sms } else { ChannelType::Phone };
                Some(Channel {
                    kind,
                    value: number,
                    label: p.str("description").map(str::to_string),
                    hours: hours.clone(),
                })
            })
            .collect();
        if let Some(email) = self.row.str("email") {
            channels.push(Channel { kind: ChannelType::Email, value: email.to_string(), label: None, hours: None });
        }
        channels
    }

    /// Weekly schedules (`freq` WEEKLY or unset, with days and times) as hours, and schedules of
    /// single days (`valid_from` = `valid_to`, no days) as dated exceptions: open at their times, or
    /// closed without times. Others are not read.
    fn weekly_hours(&self, id: Uuid) -> Option<Hours> {
        let mut hours = Hours::default();
        for schedule in self.schedules(id) {
            if let Some(exception) = dated_exception(schedule) {
                hours.exceptions.retain(|e| e.date != exception.date);
                hours.exceptions.push(exception);
                continue;
            }
            if schedule.str("freq").is_some_and(|f| f != "WEEKLY") {
                continue;
            }
            let (Some(byday), Some(opens), Some(closes)) =
                (schedule.str("byday"), schedule.str("opens_at"), schedule.str("closes_at"))
            else {
                continue;
            };
            let days = byday.split(',').map(|d| title_case(d.trim())).collect::<Vec<_>>().join(",");
            let span = format!("{}-{}", &opens.get(..5).unwrap_or(opens), &closes.get(..5).unwrap_or(closes));
            if let (Ok(days), Ok(span)) = (days.parse(), span.parse::<Span>()) {
                hours.weekly.push(WeeklyRule { days, span });
            }
        }
        hours.exceptions.sort_by_key(|e| e.date);
        let all_week = |r: &WeeklyRule| r.days == Days::EVERY_DAY && r.span.opens == 0 && r.span.closes == 23 * 60 + 59;
        if hours.weekly.len() == 1 && hours.weekly.iter().all(all_week) {
            return Some(Hours { always: true, weekly: Vec::new(), exceptions: hours.exceptions });
        }
        (!hours.weekly.is_empty() || !hours.exceptions.is_empty()).then_some(hours)
    }

    fn source_url(&mut self, id: Uuid, organization: Uuid) -> Option<String> {
        if let Some(url) = self.cx.carried(id, Carrier::SourceUrl) {
            return Some(url.to_string());
        }
        let org = self.cx.organizations.get(&organization);
        let candidates = [self.row.str("url"), org.and_then(|o| o.str("website")), org.and_then(|o| o.str("uri"))];
        let found = candidates.into_iter().flatten().find(|u| u.starts_with("https://") || u.starts_with("http://"));
        match found {
            Some(url) => {
                self.note(format!("no helpatlas source-url: `{url}` used as the source"));
                Some(url.to_string())
            }
            None => {
                self.problem("url", "no source: give the service a `url` or its organization a `website`".into());
                None
            }
        }
    }

    /// A service the source marks as not running is imported retired: it stays out of every public list
    /// but keeps its history, and an import that marks it active again restores it.
    fn retirement(&mut self, id: Uuid) -> Option<Retirement> {
        let status = self.row.str("status")?;
        let retired = RetiredStatus::from_hsds(status)?;
        let reason = match self.cx.carried(id, Carrier::RetiredReason) {
            Some(reason) => reason.to_string(),
            None => format!("Marked `{status}` by the source."),
        };
        Some(Retirement { status: retired, reason })
    }

    fn source_date(&mut self, id: Uuid) -> Option<SourceDate> {
        let text = self.cx.carried(id, Carrier::SourceDate)?;
        text.parse().map_err(|e: SourceDateError| self.problem("attributes", e.to_string())).ok()
    }

    fn verified_on(&mut self, id: Uuid) -> NaiveDate {
        if let Some(date) = self.row.str("assured_date").and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()) {
            return date;
        }
        let date = self.cx.last_modified(id, self.row).date_naive();
        self.note(format!("no assured_date: {date} (its last change, else today) used as the date checked"));
        date
    }
}

/// A schedule of one day (`valid_from` = `valid_to`, no weekdays): closed, or open only at its times.
fn dated_exception(schedule: &Row) -> Option<DatedException> {
    let from = schedule.str("valid_from")?;
    if schedule.str("valid_to") != Some(from) || schedule.str("byday").is_some() {
        return None;
    }
    let date = NaiveDate::parse_from_str(from, "%Y-%m-%d").ok()?;
    let open = match (schedule.str("opens_at"), schedule.str("closes_at")) {
        (Some(opens), Some(closes)) => Some(
            format!("{}-{}", opens.get(..5).unwrap_or(opens), closes.get(..5).unwrap_or(closes))
                .parse::<Span>()
                .ok()?,
        ),
        _ => None,
    };
    Some(DatedException { date, open })
}

/// `MO` → `Mo`: iCal day codes in the data-file notation.
fn title_case(code: &str) -> String {
    let mut chars = code.chars();
    match chars.next() {
        Some(first) => first.to_ascii_uppercase().to_string() + &chars.as_str().to_ascii_lowercase(),
        None => String::new(),
    }
}
