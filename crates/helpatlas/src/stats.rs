//! Coverage of the directory: which countries have emergency numbers, crisis lines, online therapy,
//! and how many networks, communities and records there are (`helpatlas stats`).

use crate::geo::{atlas, SourceStatus};
use crate::model::{CountryCode, Directory, Form, Kind, Service, VerificationStatus};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Serialize, PartialEq)]
pub struct Stats {
    /// Countries whose table row gives at least one number (a row may say only what was not found).
    pub countries_with_emergency_number: usize,
    /// Of those, the countries whose numbers rest on an official page (`status = official`).
    pub countries_with_official_emergency_source: usize,
    pub countries_with_crisis_line: usize,
    pub countries_with_online_therapy: usize,
    /// Countries with at least one in-person entry point (an out-of-hours line, a clinic, a finder).
    pub countries_with_in_person: usize,
    pub support_group_networks: usize,
    pub online_communities: usize,
    /// Services listed (retired ones left out); `records` is the same count, kept for older readers.
    pub services: usize,
    pub records: usize,
    pub records_unverified: usize,
    /// Services that no longer run, kept for their history.
    pub retired: usize,
    /// Countries with five or more helplines and chats of their own (worldwide services not counted).
    pub countries_with_five_lines: usize,
    /// Services per country (ISO code) and kind, counting services whose areas lie in the country.
    pub per_country: BTreeMap<String, BTreeMap<String, usize>>,
}

/// The countries a service's areas lie in (a country, one of its subdivisions, or a radius round a
/// point in it; worldwide areas name none).
fn countries(s: &Service) -> BTreeSet<CountryCode> {
    s.areas.iter().filter_map(crate::geo::area_country).collect()
}

fn is_support_line(s: &Service) -> bool {
    s.kind == Kind::Helplines && (s.has_form(Form::CrisisLine) || s.has_form(Form::EmotionalSupportLine))
}

pub fn compute(directory: &Directory) -> Stats {
    let listed: Vec<&Service> = directory.services.iter().filter(|s| !s.is_retired()).collect();
    let with = |keep: &dyn Fn(&Service) -> bool| -> usize {
        listed.iter().filter(|s| keep(s)).flat_map(|s| countries(s)).collect::<BTreeSet<_>>().len()
    };
    let mut per_country: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for s in &listed {
        for c in countries(s) {
            *per_country.entry(c.to_string()).or_default().entry(s.kind.code().to_string()).or_default() += 1;
        }
    }
    Stats {
        countries_with_emergency_number: atlas().all_emergency_numbers().filter(|e| e.primary().is_some()).count(),
        countries_with_official_emergency_source: atlas()
            .all_emergency_numbers()
            .filter(|e| e.primary().is_some() && e.status == SourceStatus::Official)
            .count(),
        countries_with_crisis_line: with(&is_support_line),
        countries_with_online_therapy: with(&|s| s.kind == Kind::OnlineTherapy),
        countries_with_in_person: with(&|s| s.kind == Kind::InPerson),
        support_group_networks: listed
            .iter()
            .filter(|s| s.kind == Kind::SupportGroups && s.has_form(Form::MeetingNetwork))
            .count(),
        online_communities: listed.iter().filter(|s| s.kind == Kind::Communities).count(),
        services: listed.len(),
        records: listed.len(),
        records_unverified: listed.iter().filter(|s| s.status == VerificationStatus::Unverified).count(),
        retired: directory.services.len() - listed.len(),
        countries_with_five_lines: per_country
            .values()
            .filter(|kinds| kinds.get(Kind::Helplines.code()) >= Some(&5))
            .count(),
        per_country,
    }
}

/// The human-readable report: totals, then one line per country with its services by kind.
pub fn render_text(stats: &Stats) -> String {
    let mut out = format!(
        "countries with an emergency number: {} ({} from an official page)\ncountries with a crisis or support line: {}\n\
         countries with online therapy: {}\ncountries with in-person help: {}\nsupport-group networks: {}\nonline communities: {}\n\
         countries with five or more helplines and chats: {}\nservices: {} ({} unverified, {} retired not counted)\n\ncountry  {}\n",
        stats.countries_with_emergency_number,
        stats.countries_with_official_emergency_source,
        stats.countries_with_crisis_line,
        stats.countries_with_online_therapy,
        stats.countries_with_in_person,
        stats.support_group_networks,
        stats.online_communities,
        stats.countries_with_five_lines,
        stats.services,
        stats.records_unverified,
        stats.retired,
        Kind::ALL.iter().map(|k| format!("{:>15}", k.code())).collect::<String>(),
    );
    for (code, kinds) in &stats.per_country {
        let name = code.parse().ok().and_then(|c| atlas().country(c)).map_or("", |c| c.name.as_str());
        let counts: String = Kind::ALL.iter().map(|k| format!("{:>15}", kinds.get(k.code()).unwrap_or(&0))).collect();
        out.push_str(&format!("{code:<9}{counts}  {name}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_directory_meets_the_coverage_targets() {
        let (directory, _) = crate::bundled::load().expect("bundled data");
        let stats = compute(&directory);
        assert!(stats.countries_with_emergency_number >= 190, "{}", stats.countries_with_emergency_number);
        assert!(stats.countries_with_crisis_line >= 60, "{}", stats.countries_with_crisis_line);
        assert!(stats.countries_with_online_therapy >= 15, "{}", stats.countries_with_online_therapy);
        assert!(stats.countries_with_in_person >= 80, "{}", stats.countries_with_in_person);
        assert!(stats.support_group_networks >= 20, "{}", stats.support_group_networks);
        assert!(stats.online_communities >= 15, "{}", stats.online_communities);
        assert_eq!(stats.services + stats.retired, directory.services.len());
        assert!(stats.per_country["NO"]["helplines"] >= 2);
    }
}
