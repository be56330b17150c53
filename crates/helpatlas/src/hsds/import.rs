//! Checked HSDS rows into the domain model. Help Atlas's own exports carry every fact in HSDS fields
//! and `helpatlas` attributes and come back unchanged; records from other directories lack those
//! attributes and get the documented defaults (docs/design.md, "HSDS import defaults"), each noted.

use super::tables::{Row, Rows, Table, Tables};
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
use std::collections::BTreeSet;
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

#[derive(Debug, Default, serde::Deserialize)]
struct AddressParts {
    address: Option<String>,
    postal_code: Option<String>,
    city: Option<String>,
    region: Option<String>,
    country: Option<String>,
}

/// What building every record needs, owned, so that the rows of organizations and locations can go
/// before the services are built.
struct Shared {
    now: DateTime<Utc>,
    attributes: Attributes,
    /// Location ids of each service, in row order.
    service_locations: FastMap<Uuid, Vec<Uuid>>,
    /// The country of each location's address: a service that names no area is shown there.
    countries: FastMap<Uuid, CountryCode>,
    /// Each organization's first web address (its website, else its `uri`): the source of a service
    /// that names none.
    organization_sources: FastMap<Uuid, String>,
}

/// [`Shared`] with the rows organizations and locations are built from.
struct Context<'a> {
    shared: &'a Shared,
    tables: &'a Tables,
    addresses: FastMap<Uuid, Row<'a>>,
}

impl std::ops::Deref for Context<'_> {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        self.shared
    }
}

fn is_web(url: &str) -> bool {
    url.starts_with("https://") || url.starts_with("http://")
}

/// The physical address of each location, else its first.
fn addresses(tables: &Tables) -> FastMap<Uuid, Row<'_>> {
    by_link(tables.of("address"), "location_id")
        .into_iter()
        .filter_map(|(id, rows)| {
            let physical = rows.iter().find(|r| r.str("address_type") == Some("physical")).or(rows.first());
            Some((id, *physical?))
        })
        .collect()
}

/// The location ids of each service, in row order, each once.
fn service_locations(tables: &Tables) -> FastMap<Uuid, Vec<Uuid>> {
    let mut out: FastMap<Uuid, Vec<Uuid>> = FastMap::default();
    for sal in tables.of("service_at_location").iter() {
        if let (Some(service), Some(location)) = (sal.uuid("service_id"), sal.uuid("location_id")) {
            let list = out.entry(service).or_default();
            if !list.contains(&location) {
                list.push(location);
            }
        }
    }
    out
}

/// A phone row of a service, as the service's channels are made from it.
struct PhoneRow {
    number: String,
    sms: bool,
    label: Option<String>,
}

/// What the service detail tables give each service, by service id: taken out of them before the
/// services are built, so that their rows (a third of what is left at a million services) are let go
/// first. Hours, offsets and phones are kept only for services that need them: those without a
/// `helpatlas` channels or time zone attribute.
#[derive(Default)]
struct ServiceDetails {
    languages: FastMap<Uuid, Vec<String>>,
    /// Service areas named by code.
    areas: FastMap<Uuid, Vec<ServiceArea>>,
    /// The UTC offset of the service's first schedule that gives one.
    offsets: FastMap<Uuid, f64>,
    hours: FastMap<Uuid, Hours>,
    phones: FastMap<Uuid, Vec<PhoneRow>>,
}

impl ServiceDetails {
    /// Reads the language, service area, schedule and phone tables, each grouped by service once
    /// (scanning a whole table for every service made a 100,000-service import take many minutes), and
    /// removes them.
    fn take(tables: &mut Tables, attributes: &Attributes) -> ServiceDetails {
        let mut details = ServiceDetails::default();
        for (id, rows) in by_link(tables.of("language"), "service_id") {
            let mut codes: Vec<String> = Vec::new();
            for code in rows.iter().filter_map(|l| l.str("code")) {
                if !codes.iter().any(|c| c == code) {
                    codes.push(code.to_string());
                }
            }
            details.languages.insert(id, codes);
        }
        tables.tables.remove("language");
        for (id, rows) in by_link(tables.of("service_area"), "service_id") {
            details.areas.insert(id, rows.iter().filter_map(|r| r.str("name")?.parse().ok()).collect());
        }
        tables.tables.remove("service_area");
        for (id, rows) in by_link(tables.of("schedule"), "service_id") {
            if !attributes.has(id, Carrier::Timezone) {
                if let Some(offset) = rows.iter().find_map(|s| s.number("timezone")) {
                    details.offsets.insert(id, offset);
                }
            }
            if !attributes.has(id, Carrier::Channels) {
                if let Some(hours) = weekly_hours(&rows) {
                    details.hours.insert(id, hours);
                }
            }
        }
        tables.tables.remove("schedule");
        for (id, rows) in by_link(tables.of("phone"), "service_id") {
            if attributes.has(id, Carrier::Channels) {
                continue;
            }
            let phones = rows.iter().filter_map(|p| {
                let number = p.str("number")?.trim_matches(|c: char| c == '"' || c.is_whitespace()).to_string();
                let sms = matches!(p.str("type"), Some("text" | "sms"));
                Some(PhoneRow { number, sms, label: p.str("description").map(str::to_string) })
            });
            details.phones.insert(id, phones.collect());
        }
        tables.tables.remove("phone");
        details
    }
}

fn by_link<'a>(rows: Rows<'a>, column: &str) -> FastMap<Uuid, Vec<Row<'a>>> {
    let mut out: FastMap<Uuid, Vec<Row>> = FastMap::default();
    for row in rows.iter() {
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

/// One `helpatlas` attribute: its term and where its value is in [`Attributes::values`].
struct Attribute {
    value_start: u64,
    value_len: u32,
    term: u32,
}

/// The `helpatlas` attributes of every record, by record id, in row order: compact because they are
/// most rows of a package (12 million for a million services), and owned, so that the attribute rows
/// are let go before the directory is built.
#[derive(Default)]
struct Attributes {
    /// Per record: where its attributes start in `list`, and how many it has.
    by_record: FastMap<Uuid, (u32, u32)>,
    list: Vec<Attribute>,
    /// Term codes, by [`Attribute::term`].
    codes: Vec<Arc<str>>,
    values: String,
}

impl Attributes {
    /// Keeps our terms' codes and values of the attribute rows by record. Two passes over the rows: one
    /// counts each record's attributes and their values' length, one places them.
    fn read(rows: &Table, tables: &Tables) -> Attributes {
        let terms = our_terms(tables);
        let codes: Vec<Arc<str>> = terms.values().cloned().collect();
        let term_of: FastMap<Uuid, u32> =
            terms.keys().enumerate().filter_map(|(i, id)| Some((*id, u32::try_from(i).ok()?))).collect();
        let ours = |row: &Row| Some((row.uuid("link_id")?, *term_of.get(&row.uuid("taxonomy_term_id")?)?));
        let mut by_record: FastMap<Uuid, (u32, u32)> = FastMap::default();
        let mut value_bytes = 0;
        for row in rows.iter() {
            let Some((link, _)) = ours(&row) else { continue };
            by_record.entry(link).or_default().1 += 1;
            value_bytes += row.str("value").map_or(0, str::len);
        }
        let mut next = 0u32;
        for (start, count) in by_record.values_mut() {
            *start = next;
            next = next.saturating_add(std::mem::take(count));
        }
        let mut list: Vec<Attribute> = (0..next).map(|_| Attribute { value_start: 0, value_len: 0, term: 0 }).collect();
        let mut values = String::with_capacity(value_bytes);
        for row in rows.iter() {
            let Some((link, term)) = ours(&row) else { continue };
            let Some((start, count)) = by_record.get_mut(&link) else { continue };
            let value = row.str("value").unwrap_or_default();
            let value_len = u32::try_from(value.len()).unwrap_or(0);
            if let Some(slot) = list.get_mut(*start as usize + *count as usize) {
                *slot = Attribute { value_start: values.len() as u64, value_len, term };
                values.push_str(value);
                *count += 1;
            }
        }
        Attributes { by_record, list, codes, values }
    }

    fn has(&self, id: Uuid, carrier: Carrier) -> bool {
        self.of(id).any(|(code, _)| code == carrier.code())
    }

    /// The term codes and values of one record's attributes, in row order.
    fn of(&self, id: Uuid) -> impl Iterator<Item = (&str, Option<&str>)> {
        let (start, count) = self.by_record.get(&id).copied().unwrap_or_default();
        let list = self.list.get(start as usize..start as usize + count as usize).unwrap_or_default();
        list.iter().map(|a| {
            let code = self.codes.get(a.term as usize).map_or("", |c| c.as_ref());
            let range = a.value_start as usize..a.value_start as usize + a.value_len as usize;
            (code, self.values.get(range).filter(|v| !v.is_empty()))
        })
    }
}

/// The tables the directory is built from; the others were only checked.
const MAPPED_TABLES: [&str; 10] = [
    "organization",
    "location",
    "address",
    "service",
    "service_at_location",
    "language",
    "service_area",
    "schedule",
    "phone",
    "taxonomy_term",
];

pub fn map(mut tables: Tables, now: DateTime<Utc>) -> Mapped {
    // The tables only checked go before the attributes are read, the attribute rows right after.
    let attribute_rows = tables.tables.remove("attribute");
    tables.tables.retain(|name, _| MAPPED_TABLES.contains(&name.as_str()));
    let attributes = attribute_rows.map(|rows| Attributes::read(&rows, &tables)).unwrap_or_default();
    let mut details = ServiceDetails::take(&mut tables, &attributes);
    let service_locations = service_locations(&tables);
    tables.tables.remove("service_at_location");
    let address_rows = addresses(&tables);
    let countries = address_rows
        .iter()
        .filter_map(|(id, address)| Some((*id, crate::geo::atlas().parse_country(address.str("country")?)?.code)))
        .collect();
    let organization_sources = tables
        .of("organization")
        .iter()
        .filter_map(|o| {
            let found = [o.str("website"), o.str("uri")].into_iter().flatten().find(|u| is_web(u))?;
            Some((o.uuid("id")?, found.to_string()))
        })
        .collect();
    let shared = Shared { now, attributes, service_locations, countries, organization_sources };
    let mut mapped = Mapped::default();
    // Reserved at once: growing a list of a million services by doubling holds two copies at the end.
    mapped.directory.organizations.reserve_exact(tables.of("organization").len());
    mapped.directory.locations.reserve_exact(tables.of("location").len());
    mapped.directory.services.reserve_exact(tables.of("service").len());
    let cx = Context { shared: &shared, tables: &tables, addresses: address_rows };
    for row in tables.of("organization").iter() {
        match cx.organization(row) {
            Some(Ok(organization)) => mapped.directory.organizations.push(organization),
            Some(Err(problem)) => mapped.problems.push(problem),
            None => {}
        }
    }
    for row in tables.of("location").iter() {
        match cx.location(row) {
            Ok(location) => mapped.directory.locations.push(location),
            Err(why) => mapped.notes.push(format!("{}: location left out: {why}", row.place())),
        }
    }
    drop(cx);
    for table in ["organization", "location", "address"] {
        tables.tables.remove(table);
    }
    let located: BTreeSet<Uuid> = mapped.directory.locations.iter().map(|l| l.id).collect();
    for row in tables.of("service").iter() {
        let mut builder =
            ServiceBuilder { cx: &shared, details: &mut details, row, problems: Vec::new(), notes: Vec::new() };
        let service = builder.build(&located);
        mapped.notes.extend(builder.notes);
        match service {
            Some(service) if builder.problems.is_empty() => mapped.directory.services.push(service),
            _ => mapped.problems.extend(builder.problems),
        }
    }
    mapped
}

impl Shared {
    fn attributes(&self, id: Uuid) -> impl Iterator<Item = (&str, Option<&str>)> {
        self.attributes.of(id)
    }

    fn carried(&self, id: Uuid, carrier: Carrier) -> Option<&str> {
        self.attributes(id).find(|(code, _)| *code == carrier.code()).and_then(|(_, value)| value)
    }

    fn has(&self, id: Uuid, carrier: Carrier) -> bool {
        self.attributes.has(id, carrier)
    }

    fn last_modified(&self, id: Uuid, row: Row) -> DateTime<Utc> {
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
    fn organization(&self, row: Row) -> Option<Result<Organization, String>> {
        let id = row.uuid("id")?;
        let translations = match self.translations(id) {
            Ok(translations) => translations,
            Err(problem) => return Some(Err(format!("{}: {problem}", row.place().column("attributes")))),
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

    /// The address parts HSDS could not hold (see `Carrier::PartialAddress`).
    fn partial_address(&self, id: Uuid) -> Option<AddressParts> {
        serde_json::from_str(self.carried(id, Carrier::PartialAddress)?).ok()
    }
}

impl Context<'_> {
    fn location(&self, row: Row) -> Result<Location, String> {
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

    /// The organization of a service offered at a location without its own organization.
    fn owner_of(&self, location: Uuid) -> Option<Uuid> {
        let service = self.service_locations.iter().find(|(_, ls)| ls.contains(&location)).map(|(s, _)| *s)?;
        self.tables.of("service").iter().find(|r| r.uuid("id") == Some(service))?.uuid("organization_id")
    }
}

struct ServiceBuilder<'c, 'a> {
    cx: &'c Shared,
    /// Taken from as each service is built: every service id is one row's (the checks saw to that).
    details: &'c mut ServiceDetails,
    row: Row<'a>,
    problems: Vec<String>,
    notes: Vec<String>,
}

impl<'c, 'a> ServiceBuilder<'c, 'a> {
    fn problem(&mut self, column: &str, message: String) {
        self.problems.push(format!("{}: {message}", self.row.place().column(column)));
    }

    fn note(&mut self, message: String) {
        self.notes.push(format!("{}: {message}", self.row.place()));
    }

    /// Codes of one vocabulary among the service's attributes, parsed.
    fn codes<T: FromStr<Err = crate::model::UnknownCode>>(&mut self, id: Uuid, vocabulary: &str) -> Vec<T> {
        let prefix = format!("{vocabulary}:");
        let mut out = Vec::new();
        for (code, _) in self.cx.attributes(id) {
            let Some(code) = code.strip_prefix(&prefix) else { continue };
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
        let channels = self.channels(id, crate::geo::home_country(&areas));
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

    fn languages(&mut self, id: Uuid) -> Vec<String> {
        self.details.languages.remove(&id).unwrap_or_default()
    }

    /// Service areas named by code; else the countries of the service's locations. Only an in-person
    /// service may have none: it is then shown for no place, which is better than shown everywhere.
    fn areas(&mut self, id: Uuid, kind: Kind) -> Vec<ServiceArea> {
        let mut areas = self.details.areas.remove(&id).unwrap_or_default();
        if areas.is_empty() {
            // Every location of the service counts here, also one left out for lack of coordinates.
            let all_locations = self.cx.service_locations.get(&id).map(Vec::as_slice).unwrap_or_default();
            for &country in all_locations.iter().filter_map(|l| self.cx.countries.get(l)) {
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
        let offset = self.details.offsets.remove(&id);
        match offset.filter(|o| o.fract() == 0.0 && o.abs() <= 14.0) {
            // POSIX-style names invert the sign: UTC+3 is `Etc/GMT-3`.
            Some(hours) if hours != 0.0 => format!("Etc/GMT{:+}", -(hours as i32)).parse().unwrap_or(Tz::UTC),
            _ => Tz::UTC,
        }
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
        let hours = self.details.hours.remove(&id);
        let phones = self.details.phones.remove(&id).unwrap_or_default();
        let mut channels: Vec<Channel> = phones
            .into_iter()
            .map(|p| Channel {
                kind: if p.sms { ChannelType::Sms } else { ChannelType::Phone },
                value: PhoneNumber::from_foreign(&p.number, country).unwrap_or(p.number),
                label: p.label,
                hours: hours.clone(),
            })
            .collect();
        if let Some(email) = self.row.str("email") {
            channels.push(Channel { kind: ChannelType::Email, value: email.to_string(), label: None, hours: None });
        }
        channels
    }

    fn source_url(&mut self, id: Uuid, organization: Uuid) -> Option<String> {
        if let Some(url) = self.cx.carried(id, Carrier::SourceUrl) {
            return Some(url.to_string());
        }
        let organization = self.cx.organization_sources.get(&organization).map(String::as_str);
        let found = self.row.str("url").filter(|u| is_web(u)).or(organization);
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

/// Weekly schedules (`freq` WEEKLY or unset, with days and times) as hours, and schedules of
/// single days (`valid_from` = `valid_to`, no days) as dated exceptions: open at their times, or
/// closed without times. Others are not read.
fn weekly_hours(schedules: &[Row]) -> Option<Hours> {
    let mut hours = Hours::default();
    for &schedule in schedules {
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

/// A schedule of one day (`valid_from` = `valid_to`, no weekdays): closed, or open only at its times.
fn dated_exception(schedule: Row) -> Option<DatedException> {
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
