//! The one way an editor's draft becomes a record. Every value goes through the checks the bundled
//! data files go through (`bundled::FieldChecks`, built on the gate's rules in `model::validate`), so
//! a record is valid the same way wherever it comes from; this module only adds what forms need
//! beyond data files (references between records) and reports every problem by field.

use super::draft::{ChannelDraft, LocationDraft, OrganizationDraft, ServiceDraft};
use crate::bundled::FieldChecks;
use crate::model::validate::{self, Lines};
use crate::model::{
    Audience, Channel, ChannelType, Cost, DeliveredBy, Eligibility, Form, Kind, Location, Moderation, Organization,
    Point, Referral, Retirement, Service, ServiceTexts, Topic, Translations, VerificationStatus,
};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use uuid::Uuid;

/// One problem of a draft: the form field and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

/// Every problem of a draft; nothing is saved while there is one.
#[derive(Debug, Clone, Default, PartialEq, Eq, thiserror::Error)]
#[error("{} problem(s): {}", .0.len(), .0.iter().map(|e| format!("{}: {}", e.field, e.message)).collect::<Vec<_>>().join("; "))]
pub struct Invalid(pub Vec<FieldError>);

impl Invalid {
    /// The messages about `field`.
    pub fn about(&self, field: &str) -> Vec<&str> {
        self.0.iter().filter(|e| e.field == field).map(|e| e.message.as_str()).collect()
    }
}

/// Long texts (descriptions, notes) may hold line breaks; names and labels are one line.
fn lines_of(max: usize) -> Lines {
    if max > validate::NAME_MAX {
        Lines::Many
    } else {
        Lines::One
    }
}

/// A draft under check: the bundled checks and the gate's text rules.
struct Check {
    fields: FieldChecks,
}

impl Check {
    fn new() -> Check {
        Check { fields: FieldChecks::default() }
    }

    /// Required text, trimmed.
    fn required(&mut self, field: &str, value: &str, max: usize) -> String {
        self.fields.text(field, value, max)
    }

    /// Optional text: `None` when blank.
    fn optional(&mut self, field: &str, value: &str, max: usize) -> Option<String> {
        let value = value.trim();
        if value.is_empty() {
            return None;
        }
        if let Err(e) = validate::strict_text(value, lines_of(max), max, false) {
            self.fields.problem(field, e.to_string());
        }
        Some(value.to_string())
    }

    fn optional_https(&mut self, field: &str, value: &str) -> Option<String> {
        let value = value.trim();
        (!value.is_empty()).then(|| self.fields.https(field, value)).flatten()
    }

    /// An email address (the gate's rule: nothing that could leave a `mailto:` link).
    fn email(&mut self, field: &str, value: &str) -> Option<String> {
        let value = value.trim();
        (!value.is_empty()).then(|| self.fields.email(field, value)).flatten()
    }

    fn optional_code<T: std::str::FromStr>(&mut self, field: &str, value: &str) -> Option<T>
    where
        T::Err: std::fmt::Display,
    {
        let value = value.trim();
        (!value.is_empty()).then(|| self.fields.parse(field, value)).flatten()
    }

    fn age(&mut self, field: &str, value: &str) -> Option<u8> {
        let value = value.trim();
        if value.is_empty() {
            return None;
        }
        match value.parse::<u8>() {
            Ok(age) if age <= 120 => Some(age),
            _ => {
                self.fields.problem(field, format!("`{value}` is not an age in whole years (0–120)"));
                None
            }
        }
    }

    fn finish<T>(self, record: Option<T>) -> Result<T, Invalid> {
        let problems: Vec<FieldError> =
            self.fields.into_problems().into_iter().map(|(field, message)| FieldError { field, message }).collect();
        match record {
            Some(record) if problems.is_empty() => Ok(record),
            _ => Err(Invalid(problems)),
        }
    }
}

fn lines(text: &str) -> Vec<String> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect()
}

pub fn organization(draft: &OrganizationDraft, id: Uuid, now: DateTime<Utc>) -> Result<Organization, Invalid> {
    let mut c = Check::new();
    let organization = Organization {
        id,
        name: c.required("name", &draft.name, validate::NAME_MAX),
        description: c.optional("description", &draft.description, validate::DESCRIPTION_MAX).unwrap_or_default(),
        url: c.optional_https("url", &draft.url),
        email: c.email("email", &draft.email),
        translations: Translations::new(),
        last_modified: now,
    };
    c.finish(Some(organization))
}

pub fn location(draft: &LocationDraft, id: Uuid, organization: Uuid, now: DateTime<Utc>) -> Result<Location, Invalid> {
    let mut c = Check::new();
    let number = |c: &mut Check, field: &str, value: &str| {
        value.trim().parse::<f64>().map_err(|_| c.fields.problem(field, format!("`{value}` is not a number"))).ok()
    };
    let (lat, lon) = (number(&mut c, "lat", &draft.lat), number(&mut c, "lon", &draft.lon));
    let point = match (lat, lon) {
        (Some(lat), Some(lon)) if (Point { lat, lon }).is_valid() => Some(Point { lat, lon }),
        (Some(_), Some(_)) => {
            c.fields.problem("lat", "latitude must be within ±90 and longitude within ±180");
            None
        }
        _ => None,
    };
    let region = c.optional("region", &draft.region, 10);
    if let Some(code) = &region {
        c.fields.subdivision("region", code);
    }
    let country = c.fields.country("country", draft.country.trim());
    let name = c.required("name", &draft.name, validate::NAME_MAX);
    let address = c.optional("address", &draft.address, validate::ADDRESS_MAX);
    let postal_code = c.optional("postal_code", &draft.postal_code, validate::POSTAL_CODE_MAX);
    let city = c.optional("city", &draft.city, validate::CITY_MAX);
    let location = match (country, point) {
        (Some(country), Some(point)) => Some(Location {
            id,
            organization_id: organization,
            name,
            address,
            postal_code,
            city,
            region,
            country,
            point,
            last_modified: now,
        }),
        _ => None,
    };
    c.finish(location)
}

/// What a service's draft needs besides itself.
pub struct ServiceContext<'a> {
    pub id: Uuid,
    /// The service's organization exists.
    pub organization: Option<Uuid>,
    /// Ids of the organization's locations, which the service may be offered at.
    pub locations: &'a [Uuid],
    /// Values in-person channels may have besides location ids and URLs (slugs of bundled data).
    pub place_names: &'a [String],
    /// Kept as stored: retirement is changed by retiring and restoring, not by the form.
    pub retired: Option<Retirement>,
    /// Kept as stored: the form edits the original texts only.
    pub translations: Translations<ServiceTexts>,
    pub now: DateTime<Utc>,
}

fn channel(c: &mut Check, i: usize, draft: &ChannelDraft, places: &[String]) -> Option<Channel> {
    let field = |name: &str| format!("channels[{i}].{name}");
    let kind = c.fields.parse::<ChannelType>(&field("kind"), draft.kind.trim());
    let value = draft.value.trim();
    let valid = kind.is_some_and(|k| c.fields.channel_value(&field("value"), k, value, places));
    let label = c.optional(&field("label"), &draft.label, validate::LABEL_MAX);
    let (rules, exceptions) = (lines(&draft.hours), lines(&draft.exceptions));
    let hours = match rules.is_empty() && exceptions.is_empty() {
        true => None,
        false => Some(c.fields.hours(&field("hours"), &rules, &exceptions)?),
    };
    Some(Channel { kind: kind?, value: value.to_string(), label, hours }).filter(|_| valid)
}

pub fn service(draft: &ServiceDraft, cx: &ServiceContext) -> Result<Service, Invalid> {
    let mut c = Check::new();
    let organization_id = draft.organization_id.trim().parse::<Uuid>().ok().filter(|id| Some(*id) == cx.organization);
    if organization_id.is_none() {
        c.fields.problem("organization_id", "choose the organization that runs the service");
    }
    let mut location_ids = Vec::new();
    for id in &draft.location_ids {
        match id.parse::<Uuid>().ok().filter(|l| cx.locations.contains(l)) {
            Some(l) if !location_ids.contains(&l) => location_ids.push(l),
            Some(_) => {}
            None => c.fields.problem("location_ids", format!("`{id}` is not a location of the organization")),
        }
    }
    let places: Vec<String> = location_ids.iter().map(Uuid::to_string).chain(cx.place_names.iter().cloned()).collect();
    let drafts: Vec<(usize, &ChannelDraft)> =
        draft.channels.iter().enumerate().filter(|(_, ch)| !ch.remove && !ch.is_blank()).collect();
    let channels: Vec<Option<Channel>> = drafts.iter().map(|(i, ch)| channel(&mut c, *i, ch, &places)).collect();
    if drafts.is_empty() {
        c.fields.problem("channels", "a service needs at least one way to reach it");
    }
    let languages: Vec<String> =
        draft.languages.split([',', ' ', '\n']).map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect();
    for code in &languages {
        c.fields.language("languages", code);
    }
    let min_age = c.age("min_age", &draft.min_age);
    let max_age = c.age("max_age", &draft.max_age);
    if let (Some(min), Some(max)) = (min_age, max_age) {
        if min > max {
            c.fields.problem("min_age", "is greater than the highest age");
        }
    }
    let verified_on = c.fields.date("verified_on", draft.verified_on.trim());
    let source_date = match draft.source_date.trim() {
        "" => None,
        text => c.fields.source_date("source_date", text, verified_on),
    };
    let name = c.required("name", &draft.name, validate::NAME_MAX);
    let alternate_name = c.optional("alternate_name", &draft.alternate_name, validate::NAME_MAX);
    let kind = c.fields.parse::<Kind>("kind", draft.kind.trim());
    let forms = c.fields.parse_all::<Form>("forms", &draft.forms);
    let description = c.required("description", &draft.description, validate::DESCRIPTION_MAX);
    let url = c.optional_https("url", &draft.url);
    let topics = c.fields.parse_all::<Topic>("topics", &draft.topics);
    let audiences = c.fields.parse_all::<Audience>("audiences", &draft.audiences);
    let cost = c.optional_code::<Cost>("cost", &draft.cost);
    let delivered_by = c.fields.parse_all::<DeliveredBy>("delivered_by", &draft.delivered_by);
    let moderation = c.optional_code::<Moderation>("moderation", &draft.moderation);
    let areas = c.fields.areas("areas", &lines(&draft.areas));
    let referral = c.optional_code::<Referral>("referral", &draft.referral);
    let note = c.optional("eligibility_note", &draft.eligibility_note, validate::NOTE_MAX);
    let timezone = c.fields.parse::<Tz>("timezone", draft.timezone.trim());
    let source_url = c.fields.https("source_url", draft.source_url.trim());
    let status = c.fields.parse::<VerificationStatus>("status", draft.status.trim());
    let assemble = || {
        Some(Service {
            id: cx.id,
            organization_id: organization_id?,
            name,
            alternate_name,
            kind: kind?,
            forms,
            description,
            url,
            topics,
            audiences,
            languages,
            cost,
            delivered_by,
            moderation,
            areas,
            eligibility: Eligibility { min_age, max_age, residents_only: draft.residents_only, referral, note },
            timezone: timezone?,
            channels: channels.into_iter().collect::<Option<Vec<_>>>()?,
            location_ids,
            source_url: source_url?,
            source_date,
            verified_on: verified_on?,
            status: status?,
            retired: cx.retired.clone(),
            translations: cx.translations.clone(),
            last_modified: cx.now,
        })
    };
    let service = assemble();
    c.finish(service)
}
