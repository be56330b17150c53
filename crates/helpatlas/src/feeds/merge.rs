//! Finding listings that describe the same service: a feed's service and another listing (the
//! bundled data's, an editor's, another feed's) of the same home country with the same phone number,
//! or the same website host and a similar name, or a location within 100 m and a similar name. Pulls
//! suggest them; an editor confirms or splits each (`web/admin/merges.rs`).

use crate::geo::{fold, home_country};
use crate::model::{ChannelType, Directory, LinkStatus, ListingLink, Point, Service};
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

/// Locations closer than this are one place.
const SAME_PLACE_KM: f64 = 0.1;

/// Names are similar when this share of their words (of the larger set) is common to both.
const SIMILAR_WORDS: f64 = 0.5;

/// The number's digits, for numbers long enough to name one service (not `112`).
fn phone_digits(value: &str) -> Option<String> {
    let digits: String = value.chars().filter(char::is_ascii_digit).collect();
    (digits.len() >= 6).then_some(digits)
}

fn phones(s: &Service) -> HashSet<String> {
    s.channels
        .iter()
        .filter(|c| matches!(c.kind, ChannelType::Phone | ChannelType::Sms))
        .filter_map(|c| phone_digits(&c.value))
        .collect()
}

/// The website's host without `www.`.
fn host(s: &Service) -> Option<String> {
    let url = url::Url::parse(s.url.as_deref()?).ok()?;
    Some(url.host_str()?.trim_start_matches("www.").to_ascii_lowercase())
}

pub fn similar_names(a: &str, b: &str) -> bool {
    let (a, b) = (fold(a), fold(b));
    if a == b || (!a.is_empty() && !b.is_empty() && (a.contains(&b) || b.contains(&a))) {
        return true;
    }
    let words = |s: &str| s.split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect::<HashSet<_>>();
    let (a, b) = (words(&a), words(&b));
    let larger = a.len().max(b.len());
    larger > 0 && a.intersection(&b).count() as f64 / larger as f64 >= SIMILAR_WORDS
}

/// Why `a` and `b` look like one service, if they do.
fn alike(a: &Service, b: &Service, points: &HashMap<Uuid, Point>) -> Option<String> {
    if home_country(&a.areas) != home_country(&b.areas) {
        return None;
    }
    if let Some(number) = phones(a).intersection(&phones(b)).next() {
        return Some(format!("same phone number ({number})"));
    }
    let named_alike = similar_names(&a.name, &b.name);
    if let (Some(x), Some(y)) = (host(a), host(b)) {
        if x == y && named_alike {
            return Some(format!("same website ({x}) and a similar name"));
        }
    }
    let near = a
        .location_ids
        .iter()
        .filter_map(|l| points.get(l))
        .any(|p| b.location_ids.iter().filter_map(|l| points.get(l)).any(|q| p.distance_km(*q) < SAME_PLACE_KM));
    (near && named_alike).then(|| "same place and a similar name".to_string())
}

/// Suggested links between the listed services of `ours` (ids a feed brought) and every other listed
/// service of `directory`.
pub fn suggestions(directory: &Directory, ours: &HashSet<Uuid>) -> Vec<ListingLink> {
    let points: HashMap<Uuid, Point> = directory.locations.iter().map(|l| (l.id, l.point)).collect();
    let listed: Vec<&Service> = directory.services.iter().filter(|s| !s.is_retired()).collect();
    let (mine, others): (Vec<&Service>, Vec<&Service>) = listed.into_iter().partition(|s| ours.contains(&s.id));
    let mut links = Vec::new();
    for a in &mine {
        for b in &others {
            if let Some(reason) = alike(a, b, &points) {
                links.push(ListingLink { record_id: a.id, other_id: b.id, reason, status: LinkStatus::Suggested });
            }
        }
    }
    links
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_similar_by_their_words() {
        assert!(similar_names("Mental Helse Hjelpetelefonen", "Hjelpetelefonen – Mental Helse"));
        assert!(similar_names("Samaritans", "Samaritans (UK)"));
        assert!(!similar_names("Kirkens SOS", "Mental Helse"));
    }

    #[test]
    fn the_same_number_in_the_same_country_is_one_service_and_short_numbers_are_not() {
        let bundled = crate::bundled::load().expect("bundled").0;
        let original = bundled.services.iter().find(|s| !phones(s).is_empty()).expect("a service with a phone").clone();
        let mut copy = original.clone();
        copy.id = Uuid::now_v7();
        copy.name = "Another name entirely".into();
        let directory = Directory { services: vec![original.clone(), copy.clone()], ..Default::default() };
        let links = suggestions(&directory, &HashSet::from([copy.id]));
        assert_eq!(links.len(), 1);
        assert!(links[0].reason.starts_with("same phone number"), "{links:?}");
        assert_eq!((links[0].record_id, links[0].other_id), (copy.id, original.id));
        assert_eq!(phone_digits("112"), None);
    }
}
