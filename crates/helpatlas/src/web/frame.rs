//! What every page shows around its content: title, the quick exit, and the crisis banner with the
//! emergency number and main crisis line of the visitor's country (or international guidance).

use super::view::{phone_link, NumberView};
use crate::geo::atlas;
use crate::i18n::Messages;
use crate::model::{ChannelType, CountryCode, Place};
use crate::search::Index;

pub struct CountryView {
    pub slug: String,
    pub name: String,
}

pub struct CrisisView {
    pub name: String,
    pub number: Option<NumberView>,
    pub href: String,
}

pub struct Frame {
    pub t: &'static Messages,
    pub title: String,
    pub country: Option<CountryView>,
    pub emergency: Option<NumberView>,
    pub crisis: Option<CrisisView>,
}

impl Frame {
    /// The frame for a visitor whose country is not known: international guidance.
    pub fn international(t: &'static Messages, _index: Option<&Index>) -> Frame {
        Frame { t, title: t.get("site.name").to_string(), country: None, emergency: None, crisis: None }
    }

    pub fn for_country(t: &'static Messages, index: &Index, code: CountryCode) -> Frame {
        let Some(country) = atlas().country(code) else {
            return Frame::international(t, Some(index));
        };
        let emergency = atlas().emergency_numbers(code).and_then(|e| e.primary()).map(NumberView::short);
        let place = Place { country: code, subdivisions: Vec::new(), point: None };
        let crisis = index.crisis_line(&place).map(|s| CrisisView {
            name: s.name.clone(),
            number: s.channels.iter().find(|c| c.kind == ChannelType::Phone).map(|c| phone_link(&c.value, Some(code))),
            href: format!("/services/{}", s.id),
        });
        Frame {
            t,
            title: country.name.clone(),
            country: Some(CountryView { slug: code.slug(), name: country.name.clone() }),
            emergency,
            crisis,
        }
    }

    pub fn titled(mut self, title: &str) -> Frame {
        self.title = title.to_string();
        self
    }
}
