//! Checks of the bundled directory data beyond what the loader refuses outright: every phone number is
//! valid for its country by the gate's rule (`PhoneNumber::checked`, which the loader also applies),
//! links dial correctly, no service is listed twice, and no place stands on a city's centre.

use helpatlas::bundled;
use helpatlas::model::{ChannelType, PhoneNumber};
use regex::Regex;
use std::collections::HashSet;

#[test]
fn every_phone_number_is_valid_for_its_country() {
    let (directory, _) = bundled::load().expect("bundled data");
    let mut invalid = Vec::new();
    for s in &directory.services {
        for c in s.channels.iter().filter(|c| matches!(c.kind, ChannelType::Phone | ChannelType::Sms)) {
            if let Err(e) = PhoneNumber::checked(&c.value) {
                invalid.push(format!("{}: {}: {e}", s.name, c.value));
            }
        }
    }
    assert!(invalid.is_empty(), "numbers the gate does not accept: {invalid:#?}");
}

#[test]
fn tel_links_are_e164_or_a_short_code() {
    let e164 = Regex::new(r"^tel:\+[1-9]\d{6,14}$").expect("regex");
    let short = Regex::new(r"^tel:\d{2,6}$").expect("regex");
    let (directory, _) = bundled::load().expect("bundled data");
    for c in directory.services.iter().flat_map(|s| &s.channels).filter(|c| c.kind == ChannelType::Phone) {
        let href = PhoneNumber::parse(&c.value).expect("parsed").tel_href();
        assert!(e164.is_match(&href) || short.is_match(&href), "{} → {href}", c.value);
    }
}

#[test]
fn no_service_is_listed_twice() {
    let (directory, _) = bundled::load().expect("bundled data");
    let mut seen = HashSet::new();
    for s in &directory.services {
        let areas: Vec<String> = s.areas.iter().map(ToString::to_string).collect();
        assert!(seen.insert((s.name.to_lowercase(), areas.clone())), "{} ({areas:?}) appears twice", s.name);
    }
}

#[test]
fn every_record_has_a_source_and_a_date() {
    let (directory, _) = bundled::load().expect("bundled data");
    for s in &directory.services {
        assert!(s.source_url.starts_with("https://"), "{}", s.name);
        assert!(s.verified_on <= chrono::Utc::now().date_naive(), "{}: checked in the future", s.name);
    }
}

/// A location's coordinates come from a page that gives them. The bundled cities' coordinates are
/// their centres: a clinic found exactly there was placed by the city's name, not found there, and
/// would show up first for everyone "near" the city.
#[test]
fn no_location_is_placed_at_a_city_centre() {
    let (directory, _) = bundled::load().expect("bundled data");
    let centres: Vec<_> = helpatlas::geo::atlas().cities().iter().map(|c| (c.country, c.point, &c.name)).collect();
    let mut placed_by_name = Vec::new();
    for l in &directory.locations {
        let on_centre =
            centres.iter().find(|(country, point, _)| *country == l.country && point.distance_km(l.point) < 0.05);
        if let Some((_, _, city)) = on_centre {
            placed_by_name.push(format!("{} is at the centre of {city}", l.name));
        }
    }
    assert!(placed_by_name.is_empty(), "{placed_by_name:#?}");
}
