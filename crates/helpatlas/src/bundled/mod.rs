//! The curated directory shipped with the binary (`data/directory/*.toml`, format in
//! `docs/data-format.md`): parsed, checked in full and turned into the domain model.
//!
//! Either every record is valid and the whole directory loads, or start-up stops with every problem
//! listed by file, record and field; the data is never half-loaded.

mod raw;
mod translations;

use crate::geo::atlas;
use crate::model::validate::{self, Lines, Schemes, WebUrl};
use crate::model::*;
use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone, Utc};
use raw::{RawChannel, RawFile, RawLocation, RawService};
use std::collections::HashMap;
use std::fmt;
use uuid::Uuid;

mod files {
    include!(concat!(env!("OUT_DIR"), "/directory_files.rs"));
}

mod translation_files {
    include!(concat!(env!("OUT_DIR"), "/translation_files.rs"));
}

/// Namespace of the UUIDv5 ids derived from record slugs; never change it, or every id changes.
const SLUG_NAMESPACE: Uuid = Uuid::from_u128(0x6f3e_1c2a_9b4d_4e8f_a1c7_2d5b_8e90_f3a4);

/// The kinds of record whose slugs form separate namespaces (an organization and its main service may
/// share a slug).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecordKind {
    Organization,
    Service,
    Location,
}

impl RecordKind {
    fn prefix(self) -> &'static str {
        match self {
            RecordKind::Organization => "organization",
            RecordKind::Service => "service",
            RecordKind::Location => "location",
        }
    }
}

/// The stable UUID of a bundled record.
pub fn record_id(kind: RecordKind, slug: &str) -> Uuid {
    Uuid::new_v5(&SLUG_NAMESPACE, format!("{}:{slug}", kind.prefix()).as_bytes())
}

pub fn service_id(slug: &str) -> Uuid {
    record_id(RecordKind::Service, slug)
}

/// One problem in one record of one data file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataProblem {
    pub file: String,
    pub record: String,
    pub field: String,
    pub message: String,
}

impl fmt::Display for DataProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: record `{}` field `{}`: {}", self.file, self.record, self.field, self.message)
    }
}

#[derive(Debug, Clone, thiserror::Error)]
#[error("the directory data has {} problem(s):\n{}", .0.len(), .0.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n"))]
pub struct DataError(pub Vec<DataProblem>);

/// The bundled directory, and a fingerprint of its source files (to notice a new version at start-up).
pub fn load() -> Result<(Directory, String), DataError> {
    let directory = parse_with_translations(files::FILES, translation_files::FILES)?;
    let all: Vec<(&str, &str)> = files::FILES.iter().chain(translation_files::FILES).copied().collect();
    Ok((directory, fingerprint(&all)))
}

/// FNV-1a over the files' names and contents: stable across builds and platforms.
fn fingerprint(files: &[(&str, &str)]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in files.iter().flat_map(|(name, text)| name.bytes().chain(text.bytes())) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// Where in a file a syntax or schema error lies: the slug of the record around it (or its line) and the
/// text at the error, usually the offending key.
fn whereabouts(text: &str, span: std::ops::Range<usize>) -> (String, String) {
    let before = text.get(..span.start).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    // The span of a missing field is its whole table, header included.
    let slug = text
        .get(..(span.start + 2).min(text.len()))
        .and_then(|head| head.rfind("[["))
        .and_then(|table| text.get(table..))
        .and_then(|record| record.lines().find_map(|l| l.trim().strip_prefix("slug = ")))
        .map(|slug| slug.trim_matches('"').to_string());
    let record = match slug {
        Some(slug) => format!("{slug} (line {line})"),
        None => format!("line {line}"),
    };
    let field = text.get(span).map(str::trim).filter(|f| !f.is_empty() && f.len() <= 40).unwrap_or("-");
    (record, field.to_string())
}

/// Parses and checks a set of (file name, TOML text) pairs.
pub fn parse_files(files: &[(&str, &str)]) -> Result<Directory, DataError> {
    parse_with_translations(files, &[])
}

/// Parses and checks directory files and translation files (`lang/stem.toml`, TOML text) of their
/// records.
pub fn parse_with_translations(files: &[(&str, &str)], translations: &[(&str, &str)]) -> Result<Directory, DataError> {
    let mut checker = Checker::default();
    let mut parsed = Vec::new();
    for (name, text) in files {
        match toml::from_str::<RawFile>(text) {
            Ok(file) => parsed.push((*name, file)),
            Err(e) => {
                let (record, field) = e.span().map_or(("-".into(), "-".into()), |span| whereabouts(text, span));
                checker.problem(name, &record, &field, e.message().to_string())
            }
        }
    }
    for (file, raw) in &parsed {
        for org in &raw.organization {
            checker.organization(file, org);
        }
    }
    for (file, raw) in &parsed {
        for service in &raw.service {
            checker.service(file, service);
        }
    }
    checker.translations(translations);
    if !checker.problems.is_empty() {
        return Err(DataError(checker.problems));
    }
    let mut directory = checker.directory;
    date_organizations(&mut directory);
    directory.sort();
    Ok(directory)
}

/// An organization counts as changed when the newest of its services was checked, so that loading the
/// same files twice yields identical records.
fn date_organizations(directory: &mut Directory) {
    for org in &mut directory.organizations {
        org.last_modified = directory
            .services
            .iter()
            .filter(|s| s.organization_id == org.id)
            .map(|s| s.last_modified)
            .max()
            .unwrap_or(DateTime::<Utc>::UNIX_EPOCH);
    }
}

#[derive(Default)]
struct Checker {
    directory: Directory,
    problems: Vec<DataProblem>,
    slugs: HashMap<(RecordKind, String), String>,
}

/// Accumulates problems for one record so that every field is checked, not only the first bad one.
struct RecordCheck<'a> {
    checker: &'a mut Checker,
    file: &'a str,
    record: &'a str,
}

impl RecordCheck<'_> {
    fn problem(&mut self, field: &str, message: impl Into<String>) {
        self.checker.problem(self.file, self.record, field, message.into());
    }

    fn parse<T: std::str::FromStr>(&mut self, field: &str, value: &str) -> Option<T>
    where
        T::Err: fmt::Display,
    {
        value.parse::<T>().map_err(|e| self.problem(field, e.to_string())).ok()
    }

    fn parse_all<T: std::str::FromStr>(&mut self, field: &str, values: &[String]) -> Vec<T>
    where
        T::Err: fmt::Display,
    {
        values.iter().filter_map(|v| self.parse(field, v)).collect()
    }

    /// A link of curated data: https only (the gate's rule, [`WebUrl`]).
    fn https(&mut self, field: &str, value: &str) -> Option<String> {
        WebUrl::parse(value, Schemes::Https)
            .map(WebUrl::into_string)
            .map_err(|e| self.problem(field, e.to_string()))
            .ok()
    }

    /// Required text: not empty, within `max` characters, without hidden characters; trimmed.
    fn text(&mut self, field: &str, value: &str, max: usize) -> String {
        let lines = if max > validate::NAME_MAX { Lines::Many } else { Lines::One };
        if let Err(e) = validate::strict_text(value, lines, max, true) {
            self.problem(field, e.to_string());
        }
        value.trim().to_string()
    }

    /// Optional text, by the same rules; `None` when blank.
    fn optional_text(&mut self, field: &str, value: Option<&str>, lines: Lines, max: usize) -> Option<String> {
        let value = value.map(str::trim).filter(|v| !v.is_empty())?;
        if let Err(e) = validate::strict_text(value, lines, max, false) {
            self.problem(field, e.to_string());
        }
        Some(value.to_string())
    }

    fn slug(&mut self, kind: RecordKind, slug: &str) {
        let valid = !slug.is_empty()
            && slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !slug.starts_with('-');
        if !valid {
            self.problem("slug", "must be lowercase letters, digits and hyphens");
        }
        if let Some(other) = self.checker.slugs.insert((kind, slug.to_string()), self.file.to_string()) {
            self.problem("slug", format!("is already used in {other}"));
        }
    }
}

impl Checker {
    fn problem(&mut self, file: &str, record: &str, field: &str, message: String) {
        self.problems.push(DataProblem { file: file.into(), record: record.into(), field: field.into(), message });
    }

    fn record<'a>(&'a mut self, file: &'a str, record: &'a str) -> RecordCheck<'a> {
        RecordCheck { checker: self, file, record }
    }

    fn organization(&mut self, file: &str, raw: &raw::RawOrganization) {
        let mut r = self.record(file, &raw.slug);
        r.slug(RecordKind::Organization, &raw.slug);
        let name = r.text("name", &raw.name, validate::NAME_MAX);
        let description =
            r.optional_text("description", Some(&raw.description), Lines::Many, validate::DESCRIPTION_MAX);
        let url = raw.url.as_deref().and_then(|u| r.https("url", u));
        let email = raw.email.as_deref().and_then(|e| check_email(&mut r, "email", e));
        let org = Organization {
            id: record_id(RecordKind::Organization, &raw.slug),
            name,
            description: description.unwrap_or_default(),
            url,
            email,
            translations: Translations::new(),
            last_modified: DateTime::<Utc>::UNIX_EPOCH,
        };
        self.directory.organizations.push(org);
    }

    fn service(&mut self, file: &str, raw: &RawService) {
        let organization_id = record_id(RecordKind::Organization, &raw.organization);
        let org_exists = self.directory.organizations.iter().any(|o| o.id == organization_id);
        let mut r = self.record(file, &raw.slug);
        r.slug(RecordKind::Service, &raw.slug);
        if !org_exists {
            r.problem("organization", format!("no organization with slug `{}`", raw.organization));
        }
        let name = r.text("name", &raw.name, validate::NAME_MAX);
        let alternate_name =
            r.optional_text("alternate_name", raw.alternate_name.as_deref(), Lines::One, validate::NAME_MAX);
        let description = r.text("description", &raw.description, validate::DESCRIPTION_MAX);
        let kind = r.parse::<Kind>("kind", &raw.kind);
        let forms = r.parse_all::<Form>("forms", &raw.forms);
        let topics = r.parse_all::<Topic>("topics", &raw.topics);
        let audiences = r.parse_all::<Audience>("audiences", &raw.audiences);
        let delivered_by = r.parse_all::<DeliveredBy>("delivered_by", &raw.delivered_by);
        let cost = raw.cost.as_deref().and_then(|c| r.parse::<Cost>("cost", c));
        let moderation = raw.moderation.as_deref().and_then(|m| r.parse::<Moderation>("moderation", m));
        let areas = check_areas(&mut r, &raw.areas);
        let timezone = r.parse::<chrono_tz::Tz>("timezone", &raw.timezone);
        let url = raw.url.as_deref().and_then(|u| r.https("url", u));
        let source_url = r.https("source_url", &raw.source_url);
        let verified_on = check_date(&mut r, "checked_on", &raw.checked_on);
        let source_date = raw.source_date.as_deref().and_then(|d| check_source_date(&mut r, d, verified_on));
        let (status, retired) = check_status(&mut r, raw);
        let eligibility = raw.eligibility.as_ref().map(|e| check_eligibility(&mut r, e)).unwrap_or_default();
        for lang in &raw.languages {
            if !(2..=3).contains(&lang.len()) || !lang.bytes().all(|b| b.is_ascii_lowercase()) {
                r.problem("languages", format!("`{lang}` is not an ISO 639 language code"));
            }
        }
        let locations: Vec<Location> =
            raw.location.iter().filter_map(|l| check_location(&mut r, l, organization_id)).collect();
        let channels: Vec<Channel> = raw.channel.iter().filter_map(|c| check_channel(&mut r, c, raw)).collect();
        if raw.channel.is_empty() {
            r.problem("channel", "a service needs at least one channel");
        }
        let (Some(kind), Some(timezone), Some(source_url), Some(verified_on), Some(status)) =
            (kind, timezone, source_url, verified_on, status)
        else {
            return;
        };
        let last_modified = Utc.from_utc_datetime(&verified_on.and_time(NaiveTime::MIN));
        let service = Service {
            id: service_id(&raw.slug),
            organization_id,
            name,
            alternate_name,
            kind,
            forms,
            description,
            url,
            topics,
            audiences,
            languages: raw.languages.clone(),
            cost,
            delivered_by,
            moderation,
            areas,
            eligibility,
            timezone,
            channels,
            location_ids: locations.iter().map(|l| l.id).collect(),
            source_url,
            source_date,
            verified_on,
            status,
            retired,
            translations: Translations::new(),
            last_modified,
        };
        self.directory.locations.extend(locations.into_iter().map(|l| Location { last_modified, ..l }));
        self.directory.services.push(service);
    }
}

/// The loader's checks of single values, for the other writers of records (the editors' forms): the
/// same rules as the data files, with each problem reported by field.
#[derive(Default)]
pub struct FieldChecks {
    checker: Checker,
}

impl FieldChecks {
    fn record(&mut self) -> RecordCheck<'_> {
        self.checker.record("form", "-")
    }

    pub fn problem(&mut self, field: &str, message: impl Into<String>) {
        self.record().problem(field, message);
    }

    /// Required text: not empty, at most `max` characters; trimmed.
    pub fn text(&mut self, field: &str, value: &str, max: usize) -> String {
        self.record().text(field, value, max)
    }

    pub fn https(&mut self, field: &str, value: &str) -> Option<String> {
        self.record().https(field, value)
    }

    pub fn email(&mut self, field: &str, value: &str) -> Option<String> {
        check_email(&mut self.record(), field, value)
    }

    pub fn parse<T: std::str::FromStr>(&mut self, field: &str, value: &str) -> Option<T>
    where
        T::Err: fmt::Display,
    {
        self.record().parse(field, value)
    }

    pub fn parse_all<T: std::str::FromStr>(&mut self, field: &str, values: &[String]) -> Vec<T>
    where
        T::Err: fmt::Display,
    {
        self.record().parse_all(field, values)
    }

    /// Service areas that exist in the reference data; at least one.
    pub fn areas(&mut self, field: &str, values: &[String]) -> Vec<ServiceArea> {
        let areas = check_areas(&mut self.record(), values);
        self.rename("areas", field);
        areas
    }

    pub fn date(&mut self, field: &str, value: &str) -> Option<NaiveDate> {
        check_date(&mut self.record(), field, value)
    }

    /// The source's own date, not after the day it was read.
    pub fn source_date(&mut self, field: &str, value: &str, checked_on: Option<NaiveDate>) -> Option<SourceDate> {
        let date = check_source_date(&mut self.record(), value, checked_on);
        self.rename("source_date", field);
        date
    }

    pub fn language(&mut self, field: &str, code: &str) {
        if !(2..=3).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_lowercase()) {
            self.problem(field, format!("`{code}` is not an ISO 639 language code"));
        }
    }

    /// A channel's value for its type (see [`check_channel_value`]). In-person channels name one of
    /// `locations` or link to a page.
    pub fn channel_value(&mut self, field: &str, kind: ChannelType, value: &str, locations: &[String]) -> bool {
        check_channel_value(&mut self.record(), field, kind, value, locations)
    }

    /// Hours in the data-file notation: weekly rules and dated exceptions, one per entry.
    pub fn hours(&mut self, field: &str, rules: &[String], exceptions: &[String]) -> Option<Hours> {
        Hours::parse(rules, exceptions).map_err(|e| self.problem(field, e.to_string())).ok()
    }

    /// A location's country, known to the reference data.
    pub fn country(&mut self, field: &str, value: &str) -> Option<CountryCode> {
        let country = self.parse::<CountryCode>(field, value)?;
        if atlas().country(country).is_none() {
            self.problem(field, format!("`{country}` is not a known country"));
            return None;
        }
        Some(country)
    }

    /// A known ISO 3166-2 code.
    pub fn subdivision(&mut self, field: &str, value: &str) {
        if atlas().subdivision(value).is_none() {
            self.problem(field, format!("`{value}` is not a known ISO 3166-2 code"));
        }
    }

    fn rename(&mut self, from: &str, to: &str) {
        for p in &mut self.checker.problems {
            if p.field == from {
                p.field = to.to_string();
            }
        }
    }

    /// Every problem found, as (field, message).
    pub fn into_problems(self) -> Vec<(String, String)> {
        self.checker.problems.into_iter().map(|p| (p.field, p.message)).collect()
    }
}

fn check_date(r: &mut RecordCheck, field: &str, value: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map_err(|_| r.problem(field, format!("`{value}` is not a date (YYYY-MM-DD)")))
        .ok()
}

/// The source's own date: as precise as the page gives it, and not after the day it was read.
fn check_source_date(r: &mut RecordCheck, value: &str, checked_on: Option<NaiveDate>) -> Option<SourceDate> {
    let date = value.parse::<SourceDate>().map_err(|e| r.problem("source_date", e.to_string())).ok()?;
    if checked_on.is_some_and(|checked| date > SourceDate::day(checked)) {
        r.problem("source_date", format!("`{value}` is later than checked_on"));
        return None;
    }
    Some(date)
}

/// `status` is `verified` or `unverified`, or `retired` for a service that no longer runs, which then
/// needs `retired_reason` (and its `source_url` is the page saying so).
fn check_status(r: &mut RecordCheck, raw: &RawService) -> (Option<VerificationStatus>, Option<Retirement>) {
    let reason = raw.retired_reason.as_deref().map(str::trim).filter(|s| !s.is_empty());
    if raw.status != "retired" {
        if reason.is_some() {
            r.problem("retired_reason", "only a service with status `retired` has a retired_reason");
        }
        return (r.parse::<VerificationStatus>("status", &raw.status), None);
    }
    let Some(reason) = reason else {
        r.problem("retired_reason", "a retired service needs retired_reason: what its source says happened");
        return (None, None);
    };
    if let Err(e) = validate::strict_text(reason, Lines::Many, validate::REASON_MAX, true) {
        r.problem("retired_reason", e.to_string());
    }
    let retirement = Retirement { status: RetiredStatus::Defunct, reason: reason.to_string() };
    (Some(VerificationStatus::Unverified), Some(retirement))
}

fn check_email(r: &mut RecordCheck, field: &str, value: &str) -> Option<String> {
    validate::email(value).map_err(|e| r.problem(field, e.to_string())).ok()
}

/// A channel's value by the gate's rule for its type (a phone number in its country's plan, an email
/// address, an https link); an in-person channel names one of `locations` or links to a page.
fn check_channel_value(r: &mut RecordCheck, field: &str, kind: ChannelType, value: &str, locations: &[String]) -> bool {
    let value = value.trim();
    if kind == ChannelType::InPerson && locations.iter().any(|l| l == value) {
        return true;
    }
    if kind == ChannelType::InPerson && !value.starts_with("https://") {
        r.problem(field, format!("`{value}` is neither a location of this service nor an https URL"));
        return false;
    }
    validate::channel_value(kind, value, Schemes::Https).map_err(|e| r.problem(field, e.to_string())).is_ok()
}

fn check_areas(r: &mut RecordCheck, areas: &[String]) -> Vec<ServiceArea> {
    if areas.is_empty() {
        r.problem("areas", "a service needs at least one service area");
    }
    let parsed: Vec<ServiceArea> = r.parse_all("areas", areas);
    for area in &parsed {
        let known = match area {
            ServiceArea::Country(c) => atlas().country(*c).is_some(),
            ServiceArea::Subdivision(code) => atlas().subdivision(code).is_some(),
            ServiceArea::World | ServiceArea::Radius { .. } => true,
        };
        if !known {
            r.problem("areas", format!("`{area}` is not a known ISO 3166 code"));
        }
    }
    parsed
}

fn check_eligibility(r: &mut RecordCheck, raw: &raw::RawEligibility) -> Eligibility {
    if let (Some(min), Some(max)) = (raw.min_age, raw.max_age) {
        if min > max {
            r.problem("eligibility.min_age", "is greater than max_age");
        }
    }
    Eligibility {
        min_age: raw.min_age,
        max_age: raw.max_age,
        residents_only: raw.residents_only,
        referral: raw.referral.as_deref().and_then(|v| r.parse("eligibility.referral", v)),
        note: r.optional_text("eligibility.note", raw.note.as_deref(), Lines::Many, validate::NOTE_MAX),
    }
}

fn check_location(r: &mut RecordCheck, raw: &RawLocation, organization_id: Uuid) -> Option<Location> {
    r.slug(RecordKind::Location, &raw.slug);
    let point = Point { lat: raw.lat, lon: raw.lon };
    if !point.is_valid() {
        r.problem("location.lat", "latitude or longitude out of range");
    }
    let country = r.parse::<CountryCode>("location.country", &raw.country)?;
    if atlas().country(country).is_none() {
        r.problem("location.country", format!("`{country}` is not a known country"));
    }
    if let Some(region) = raw.region.as_deref().filter(|code| atlas().subdivision(code).is_none()) {
        r.problem("location.region", format!("`{region}` is not a known ISO 3166-2 code"));
    }
    let one_line = |r: &mut RecordCheck, field: &str, value: Option<&String>, max: usize| {
        r.optional_text(field, value.map(String::as_str), Lines::One, max)
    };
    Some(Location {
        id: record_id(RecordKind::Location, &raw.slug),
        organization_id,
        name: r.text("location.name", &raw.name, validate::NAME_MAX),
        address: one_line(r, "location.address", raw.address.as_ref(), validate::ADDRESS_MAX),
        postal_code: one_line(r, "location.postal_code", raw.postal_code.as_ref(), validate::POSTAL_CODE_MAX),
        city: one_line(r, "location.city", raw.city.as_ref(), validate::CITY_MAX),
        region: raw.region.clone(),
        country,
        point,
        last_modified: DateTime::<Utc>::UNIX_EPOCH,
    })
}

fn check_channel(r: &mut RecordCheck, raw: &RawChannel, service: &RawService) -> Option<Channel> {
    let kind = r.parse::<ChannelType>("channel.type", &raw.kind)?;
    let slugs: Vec<String> = service.location.iter().map(|l| l.slug.clone()).collect();
    check_channel_value(r, "channel.value", kind, &raw.value, &slugs);
    let label = r.optional_text("channel.label", raw.label.as_deref(), Lines::One, validate::LABEL_MAX);
    let hours = match (&raw.hours, &raw.exceptions) {
        (None, None) => None,
        (rules, exceptions) => {
            let empty = Vec::new();
            Hours::parse(rules.as_ref().unwrap_or(&empty), exceptions.as_ref().unwrap_or(&empty))
                .map_err(|e| r.problem("channel.hours", e.to_string()))
                .ok()
        }
    };
    Some(Channel { kind, value: raw.value.trim().to_string(), label, hours })
}

#[cfg(test)]
mod tests;
