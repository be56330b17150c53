//! The vocabularies a service is classified by (shared/design/TAXONOMY.md), as term codes
//! `vocabulary:code` (`kind:helplines`, `topic:insomnia`): what search keeps per service and what HSDS
//! publishes as the `helpatlas` taxonomy (`hsds::taxonomy`, which adds names, descriptions and the
//! terms that carry values). Kept here, below both, so that neither reaches into the other.

use super::{Audience, Cost, DeliveredBy, Form, Kind, Moderation, Referral, Service, Topic, VerificationStatus};
use std::collections::HashMap;
use std::sync::OnceLock;

/// Every vocabulary, in the order of the published terms, with its values' codes.
pub fn vocabularies() -> [(&'static str, Vec<String>); 9] {
    fn codes<T: std::fmt::Display>(all: &[T]) -> Vec<String> {
        all.iter().map(T::to_string).collect()
    }
    [
        ("kind", codes(Kind::ALL)),
        ("form", codes(Form::ALL)),
        ("topic", codes(Topic::ALL)),
        ("audience", codes(Audience::ALL)),
        ("cost", codes(Cost::ALL)),
        ("delivered-by", codes(DeliveredBy::ALL)),
        ("moderation", codes(Moderation::ALL)),
        ("referral", codes(Referral::ALL)),
        ("status", codes(VerificationStatus::ALL)),
    ]
}

/// The codes of the vocabulary terms a service is classified by.
pub fn service_term_codes(s: &Service) -> Vec<String> {
    let mut codes: Vec<String> = vec![format!("kind:{}", s.kind)];
    codes.extend(s.forms.iter().map(|x| format!("form:{x}")));
    codes.extend(s.topics.iter().map(|x| format!("topic:{x}")));
    codes.extend(s.audiences.iter().map(|x| format!("audience:{x}")));
    codes.extend(s.cost.iter().map(|x| format!("cost:{x}")));
    codes.extend(s.delivered_by.iter().map(|x| format!("delivered-by:{x}")));
    codes.extend(s.moderation.iter().map(|x| format!("moderation:{x}")));
    codes.extend(s.eligibility.referral.iter().map(|x| format!("referral:{x}")));
    codes.push(format!("status:{}", s.status));
    codes
}

/// The places of a service's terms among every vocabulary term in [`vocabularies`] order: small
/// numbers search keeps per service instead of codes. The published taxonomy lists these terms first,
/// in this order, so a place is also the term's place there.
pub fn service_ordinals(s: &Service) -> Box<[u16]> {
    static BY_CODE: OnceLock<HashMap<String, u16>> = OnceLock::new();
    let by_code = BY_CODE.get_or_init(|| {
        let all = vocabularies().into_iter().flat_map(|(v, codes)| codes.into_iter().map(move |c| format!("{v}:{c}")));
        all.enumerate().filter_map(|(i, code)| Some((code, u16::try_from(i).ok()?))).collect()
    });
    service_term_codes(s).iter().filter_map(|c| by_code.get(c.as_str()).copied()).collect()
}
