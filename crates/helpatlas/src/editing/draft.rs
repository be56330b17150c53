//! Records as an editor types them: every field as text, exactly as entered, so that a form with
//! mistakes comes back with what was typed. [`super::validate`] turns a draft into a record.

use crate::model::{Channel, Location, Organization, Service};
use chrono::NaiveDate;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct OrganizationDraft {
    pub name: String,
    pub description: String,
    pub url: String,
    pub email: String,
}

impl OrganizationDraft {
    pub fn of(o: &Organization) -> OrganizationDraft {
        OrganizationDraft {
            name: o.name.clone(),
            description: o.description.clone(),
            url: o.url.clone().unwrap_or_default(),
            email: o.email.clone().unwrap_or_default(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct LocationDraft {
    pub organization_id: String,
    pub name: String,
    pub address: String,
    pub postal_code: String,
    pub city: String,
    pub region: String,
    pub country: String,
    pub lat: String,
    pub lon: String,
}

impl LocationDraft {
    pub fn of(l: &Location) -> LocationDraft {
        LocationDraft {
            organization_id: l.organization_id.to_string(),
            name: l.name.clone(),
            address: l.address.clone().unwrap_or_default(),
            postal_code: l.postal_code.clone().unwrap_or_default(),
            city: l.city.clone().unwrap_or_default(),
            region: l.region.clone().unwrap_or_default(),
            country: l.country.to_string(),
            lat: l.point.lat.to_string(),
            lon: l.point.lon.to_string(),
        }
    }
}

/// One channel: its hours and dated exceptions one per line, in the data-file notation
/// (`Mo-Fr 09:00-17:00`, `24/7`; `2026-12-24 closed`, `2027-01-01 10:00-14:00`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ChannelDraft {
    pub kind: String,
    pub value: String,
    pub label: String,
    pub hours: String,
    pub exceptions: String,
    /// Ticked to take the channel out.
    pub remove: bool,
}

impl ChannelDraft {
    pub fn of(c: &Channel) -> ChannelDraft {
        let hours = c.hours.as_ref();
        ChannelDraft {
            kind: c.kind.code().to_string(),
            value: c.value.clone(),
            label: c.label.clone().unwrap_or_default(),
            hours: hours.map(|h| h.rules_notation().join("\n")).unwrap_or_default(),
            exceptions: hours
                .map(|h| h.exceptions.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))
                .unwrap_or_default(),
            remove: false,
        }
    }

    pub fn is_blank(&self) -> bool {
        self.value.trim().is_empty()
            && self.label.trim().is_empty()
            && self.hours.trim().is_empty()
            && self.exceptions.trim().is_empty()
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ServiceDraft {
    pub organization_id: String,
    pub name: String,
    pub alternate_name: String,
    pub kind: String,
    pub forms: Vec<String>,
    pub description: String,
    pub url: String,
    pub topics: Vec<String>,
    pub audiences: Vec<String>,
    /// ISO 639 codes separated by commas or spaces.
    pub languages: String,
    pub cost: String,
    pub delivered_by: Vec<String>,
    pub moderation: String,
    /// One area per line: `world`, `NO`, `NO-03`, `radius:LAT,LON,KM`.
    pub areas: String,
    pub timezone: String,
    pub min_age: String,
    pub max_age: String,
    pub residents_only: bool,
    pub referral: String,
    pub eligibility_note: String,
    pub location_ids: Vec<String>,
    pub channels: Vec<ChannelDraft>,
    pub source_url: String,
    pub source_date: String,
    pub verified_on: String,
    pub status: String,
}

fn codes<T: std::fmt::Display>(values: &[T]) -> Vec<String> {
    values.iter().map(ToString::to_string).collect()
}

impl ServiceDraft {
    pub fn of(s: &Service) -> ServiceDraft {
        let e = &s.eligibility;
        ServiceDraft {
            organization_id: s.organization_id.to_string(),
            name: s.name.clone(),
            alternate_name: s.alternate_name.clone().unwrap_or_default(),
            kind: s.kind.code().into(),
            forms: codes(&s.forms),
            description: s.description.clone(),
            url: s.url.clone().unwrap_or_default(),
            topics: codes(&s.topics),
            audiences: codes(&s.audiences),
            languages: s.languages.join(", "),
            cost: s.cost.map(|c| c.code().to_string()).unwrap_or_default(),
            delivered_by: codes(&s.delivered_by),
            moderation: s.moderation.map(|m| m.code().to_string()).unwrap_or_default(),
            areas: codes(&s.areas).join("\n"),
            timezone: s.timezone.name().into(),
            min_age: e.min_age.map(|a| a.to_string()).unwrap_or_default(),
            max_age: e.max_age.map(|a| a.to_string()).unwrap_or_default(),
            residents_only: e.residents_only,
            referral: e.referral.map(|r| r.code().to_string()).unwrap_or_default(),
            eligibility_note: e.note.clone().unwrap_or_default(),
            location_ids: codes(&s.location_ids),
            channels: s.channels.iter().map(ChannelDraft::of).collect(),
            source_url: s.source_url.clone(),
            source_date: s.source_date.map(|d| d.to_string()).unwrap_or_default(),
            verified_on: s.verified_on.to_string(),
            status: s.status.code().into(),
        }
    }

    /// A blank service of `organization`, checked today.
    pub fn new_for(organization: &str, today: NaiveDate) -> ServiceDraft {
        ServiceDraft {
            organization_id: organization.to_string(),
            verified_on: today.to_string(),
            status: "unverified".into(),
            ..ServiceDraft::default()
        }
    }
}
