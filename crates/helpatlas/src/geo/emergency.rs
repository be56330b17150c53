//! Countries' emergency numbers (`data/reference/emergency_numbers.tsv`, curated by hand from official
//! pages; format in `docs/data-format.md`). A number field is a list of numbers, `none` (the source
//! says there is no separate number) or empty (not known): the two must never look alike on a page.

use super::non_empty;
use crate::model::{CountryCode, SourceDate};
use chrono::NaiveDate;

/// What is known of one service's number in a country.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Numbers {
    /// The numbers to dial, as dialled.
    Listed(Vec<String>),
    /// The source says there is no separate number: the general number covers this service (or, for
    /// the general number, the country has none for all services).
    NoSeparate,
    /// No source was found.
    Unknown,
}

impl Numbers {
    /// A field of the table; `None` when it is neither a list of numbers, `none`, nor empty.
    fn parse(field: &str) -> Option<Numbers> {
        match field.trim() {
            "" => Some(Numbers::Unknown),
            "none" => Some(Numbers::NoSeparate),
            list => {
                let numbers: Vec<String> = list.split('|').map(|n| n.trim().to_string()).collect();
                let digits = |n: &String| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit());
                numbers.iter().all(digits).then_some(Numbers::Listed(numbers))
            }
        }
    }

    pub fn listed(&self) -> &[String] {
        match self {
            Numbers::Listed(numbers) => numbers,
            Numbers::NoSeparate | Numbers::Unknown => &[],
        }
    }
}

/// How the row's source stands: an official page confirming every number, or only second sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceStatus {
    Official,
    Unverified,
}

/// A country's emergency numbers with where they come from.
#[derive(Debug, Clone)]
pub struct EmergencyNumbers {
    pub country: CountryCode,
    /// The number for every emergency service.
    pub general: Numbers,
    pub police: Numbers,
    pub ambulance: Numbers,
    pub fire: Numbers,
    pub status: SourceStatus,
    pub source_url: String,
    /// The source's own date, when it shows one.
    pub source_date: Option<SourceDate>,
    /// The day a person read the source.
    pub checked_on: NaiveDate,
    /// Further pages the row relies on.
    pub more_sources: Vec<String>,
    pub note: Option<String>,
}

/// How old a source may be before its numbers count as unconfirmed.
pub const CONFIRMED_YEARS: u32 = 3;

impl EmergencyNumbers {
    /// The number to show first: the general one, else the ambulance's (health emergencies are why a
    /// person on this site needs it), else the police's.
    pub fn primary(&self) -> Option<&str> {
        [&self.general, &self.ambulance, &self.police].into_iter().find_map(|n| n.listed().first()).map(String::as_str)
    }

    pub fn all_numbers(&self) -> impl Iterator<Item = &str> {
        [&self.general, &self.police, &self.ambulance, &self.fire]
            .into_iter()
            .flat_map(Numbers::listed)
            .map(String::as_str)
    }

    /// Whether the numbers rest on an official page dated within the last three years on `today`.
    pub fn is_confirmed(&self, today: NaiveDate) -> bool {
        self.status == SourceStatus::Official
            && self.source_date.is_some_and(|d| !d.is_older_than(CONFIRMED_YEARS, today))
    }
}

/// A row of the table; `None` when any field is malformed (tests parse every row).
pub(super) fn parse(r: &[&str]) -> Option<EmergencyNumbers> {
    let [country, general, police, ambulance, fire, status, source_url, source_date, checked_on, more, note] = r else {
        return None;
    };
    let status = match *status {
        "official" => SourceStatus::Official,
        "unverified" => SourceStatus::Unverified,
        _ => return None,
    };
    let source_date = match source_date.trim() {
        "" => None,
        date => Some(date.parse().ok()?),
    };
    Some(EmergencyNumbers {
        country: country.parse().ok()?,
        general: Numbers::parse(general)?,
        police: Numbers::parse(police)?,
        ambulance: Numbers::parse(ambulance)?,
        fire: Numbers::parse(fire)?,
        status,
        source_url: non_empty(source_url)?,
        source_date,
        checked_on: NaiveDate::parse_from_str(checked_on, "%Y-%m-%d").ok()?,
        more_sources: more.split('|').filter_map(non_empty).collect(),
        note: non_empty(note),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_is_numbers_none_or_unknown() {
        assert_eq!(Numbers::parse("112|911"), Some(Numbers::Listed(vec!["112".into(), "911".into()])));
        assert_eq!(Numbers::parse("none"), Some(Numbers::NoSeparate));
        assert_eq!(Numbers::parse(""), Some(Numbers::Unknown));
        assert_eq!(Numbers::parse("11 2"), None);
        assert_eq!(Numbers::parse("112|"), None);
        assert_eq!(Numbers::parse("None"), None);
    }

    #[test]
    fn the_ambulance_comes_before_the_police_when_there_is_no_general_number() {
        let row = "JP\tnone\t110\t119\t119\tofficial\thttps://example.gov/jp\t2025-04\t2026-12-04\t\t";
        let e = parse(&row.split('\t').collect::<Vec<_>>()).expect("row parses");
        assert_eq!(e.primary(), Some("119"));
        let today = NaiveDate::from_ymd_opt(2026, 12, 4).expect("date");
        assert!(e.is_confirmed(today));
        let old = EmergencyNumbers { source_date: "2023-11".parse().ok(), ..e.clone() };
        assert!(!old.is_confirmed(today), "more than three years old");
        let undated = EmergencyNumbers { source_date: None, ..e.clone() };
        assert!(!undated.is_confirmed(today));
        let second_hand = EmergencyNumbers { status: SourceStatus::Unverified, ..e };
        assert!(!second_hand.is_confirmed(today));
    }
}
