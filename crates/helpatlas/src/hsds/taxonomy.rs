//! The published `helpatlas` taxonomy (shared/design/TAXONOMY.md) as HSDS `taxonomy` and
//! `taxonomy_term` records. A term's `code` is `vocabulary:code` (`topic:insomnia`), because the
//! descriptor requires codes to be unique and some codes exist in two vocabularies (`in-person` is a
//! kind and a channel). Ids are UUIDv5 of the code, so they never change between exports or machines.
//!
//! Besides the vocabulary terms, a few terms carry a value in their `attribute` rows, for facts HSDS
//! has no field for (IANA zone, channels with their hours, source page, …); see [`Carrier`].

use crate::i18n::english;
use crate::model::terms::vocabularies;
use std::sync::OnceLock;
use uuid::Uuid;

/// Namespace of every id this module derives (terms, attributes, phones, schedules, …).
pub const NAMESPACE: Uuid = Uuid::from_u128(0x6f1c_2b3e_8a4d_4c5f_9e1a_3b7d_2c4e_6a80);
pub const TAXONOMY_NAME: &str = "helpatlas";
pub const TAXONOMY_VERSION: &str = "1";

pub fn taxonomy_id() -> Uuid {
    Uuid::new_v5(&NAMESPACE, b"taxonomy:helpatlas")
}

pub fn term_id(code: &str) -> Uuid {
    Uuid::new_v5(&NAMESPACE, format!("term:{code}").as_bytes())
}

/// Terms whose attribute rows carry a value: Help Atlas facts HSDS has no field for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Carrier {
    /// The service's IANA time zone (HSDS `schedule.timezone` is only a fixed offset).
    Timezone,
    /// Every channel with its own hours, as JSON (HSDS schedules cannot say which phone they belong to).
    Channels,
    /// The page the facts came from.
    SourceUrl,
    /// The date the source gives for its own content (as precise as the page gives it).
    SourceDate,
    /// Why a service that is not `active` stopped running.
    RetiredReason,
    /// Only residents of the service area may use it.
    ResidentsOnly,
    /// `last_modified` of an organization or location (HSDS has it for services only).
    LastModified,
    /// A location address lacking parts HSDS requires of an `address` (postal code, city, street).
    PartialAddress,
    /// An organization's or service's texts in other languages (HSDS has one text per field).
    Translations,
    /// Provenance of a record another directory published and this one follows (see `feeds`): the
    /// feed's name here.
    Feed,
    /// The record's id at the publisher.
    FeedRecordId,
    /// When a pull of the feed first brought the record.
    FeedFirstSeen,
    /// When a pull of the feed last found the record.
    FeedLastSeen,
    /// The publisher's licence, as the operator who follows the feed gave it.
    FeedLicence,
}

impl Carrier {
    /// In the order of the published terms: new carriers go last, so that the places of the terms
    /// (kept by the search index) stay the same.
    pub const ALL: [Carrier; 14] = [
        Carrier::Timezone,
        Carrier::Channels,
        Carrier::SourceUrl,
        Carrier::SourceDate,
        Carrier::RetiredReason,
        Carrier::ResidentsOnly,
        Carrier::LastModified,
        Carrier::PartialAddress,
        Carrier::Translations,
        Carrier::Feed,
        Carrier::FeedRecordId,
        Carrier::FeedFirstSeen,
        Carrier::FeedLastSeen,
        Carrier::FeedLicence,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Carrier::Timezone => "timezone",
            Carrier::Channels => "channels",
            Carrier::SourceUrl => "source-url",
            Carrier::SourceDate => "source-date",
            Carrier::RetiredReason => "retired-reason",
            Carrier::ResidentsOnly => "residents-only",
            Carrier::LastModified => "last-modified",
            Carrier::PartialAddress => "partial-address",
            Carrier::Translations => "translations",
            Carrier::Feed => "feed",
            Carrier::FeedRecordId => "feed-record-id",
            Carrier::FeedFirstSeen => "feed-first-seen",
            Carrier::FeedLastSeen => "feed-last-seen",
            Carrier::FeedLicence => "feed-licence",
        }
    }

    fn description(self) -> &'static str {
        match self {
            Carrier::Timezone => "The IANA time zone of all hours of the service (value), e.g. Europe/Oslo.",
            Carrier::Channels => {
                "The ways to reach the service with each one's hours (value: Help Atlas channel JSON)."
            }
            Carrier::SourceUrl => "The page the facts about the service came from (value: URL).",
            Carrier::SourceDate => {
                "The date the source gives for its own content (value: YYYY-MM-DD, YYYY-MM or YYYY)."
            }
            Carrier::RetiredReason => "Why a service whose status is not active stopped running (value: text).",
            Carrier::ResidentsOnly => "Only people who live in the service area may use the service.",
            Carrier::LastModified => "When the record last changed (value: RFC 3339 date and time).",
            Carrier::PartialAddress => "Parts of an address that lacks what an HSDS address requires (value: JSON).",
            Carrier::Translations => {
                "The record's description (and a service's eligibility note) in other languages, by BCP 47 tag \
                 (value: JSON, e.g. {\"nb\": {\"description\": \"…\"}})."
            }
            Carrier::Feed => {
                "The record came from another directory's HSDS publication that this directory follows: the \
                 feed's name here (value: text)."
            }
            Carrier::FeedRecordId => "The record's id at the publisher of the feed (value: text).",
            Carrier::FeedFirstSeen => {
                "When a pull of the feed first brought the record (value: RFC 3339 date and time)."
            }
            Carrier::FeedLastSeen => "When a pull of the feed last found the record (value: RFC 3339 date and time).",
            Carrier::FeedLicence => {
                "The licence the publisher of the feed gives its data under, as this directory's operator \
                 recorded it (value: text)."
            }
        }
    }

    pub fn from_code(code: &str) -> Option<Carrier> {
        Carrier::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// One term of the taxonomy.
#[derive(Debug, Clone)]
pub struct Term {
    pub code: String,
    pub name: String,
    pub description: String,
}

impl Term {
    pub fn id(&self) -> Uuid {
        term_id(&self.code)
    }
}

/// What each vocabulary's terms are about, for their descriptions.
fn vocabulary_description(vocabulary: &str) -> &'static str {
    match vocabulary {
        "kind" => "Kind of help",
        "form" => "Form of help",
        "topic" => "What a person wants help with",
        "audience" => "Who the service is for",
        "cost" => "What the service costs",
        "delivered-by" => "Who delivers the service",
        "moderation" => "How a community is moderated",
        "referral" => "Referral needed",
        _ => "Verification of the facts",
    }
}

/// Every term, vocabulary by vocabulary (see [`crate::model::terms`]), then the carriers, in a fixed
/// order.
pub fn terms() -> &'static [Term] {
    static TERMS: OnceLock<Vec<Term>> = OnceLock::new();
    TERMS.get_or_init(|| {
        let mut terms = Vec::new();
        for (vocabulary, codes) in vocabularies() {
            let what = vocabulary_description(vocabulary);
            terms.extend(codes.into_iter().map(|code| {
                let name = english().label(vocabulary, &code).to_string();
                Term { description: format!("{what}: {name}."), code: format!("{vocabulary}:{code}"), name }
            }));
        }
        terms.extend(Carrier::ALL.into_iter().map(|c| Term {
            code: c.code().to_string(),
            name: c.code().replace('-', " "),
            description: c.description().to_string(),
        }));
        terms
    })
}

pub fn term(id: Uuid) -> Option<&'static Term> {
    terms().iter().find(|t| t.id() == id)
}

/// A term's place in [`terms`]: a small number the search index keeps per service instead of ids.
pub fn ordinal(id: Uuid) -> Option<u16> {
    terms().iter().position(|t| t.id() == id).and_then(|i| u16::try_from(i).ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn term_codes_and_ids_are_unique_and_stable() {
        let codes: HashSet<&str> = terms().iter().map(|t| t.code.as_str()).collect();
        assert_eq!(codes.len(), terms().len());
        assert!(codes.contains("kind:in-person") && codes.contains("topic:insomnia"));
        assert_eq!(term_id("topic:insomnia"), term_id("topic:insomnia"));
        assert_ne!(term_id("kind:in-person"), term_id("channel:in-person"));
    }

    /// Search keeps a service's terms as places among the vocabulary terms (`model::terms`); the API
    /// filters them by a published term's place: the two must agree.
    #[test]
    fn a_service_s_term_places_are_the_places_of_its_published_terms() {
        let directory = crate::generate::directory(300, 3);
        for s in &directory.services {
            let codes = crate::model::terms::service_term_codes(s);
            let published: Vec<u16> = codes.iter().filter_map(|c| ordinal(term_id(c))).collect();
            assert_eq!(published.len(), codes.len(), "every code of {} is a published term", s.id);
            assert_eq!(&*crate::model::terms::service_ordinals(s), &published[..]);
        }
    }
}
