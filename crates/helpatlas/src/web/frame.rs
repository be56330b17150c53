//! What every page shows around its content: title, the quick exit, and the crisis banner with the
//! emergency number and main crisis line of the visitor's country (or international guidance).

use super::language::{LanguageLink, Visit};
use super::view::{phone_link, NumberView};
use crate::geo::atlas;
use crate::i18n::{catalogue, Language, Messages};
use crate::model::{ChannelType, CountryCode};
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
    /// The language switcher and the `hreflang` alternates; empty on pages that have no address of
    /// their own (errors).
    pub languages: Vec<LanguageLink>,
    /// The page's full address without `hl`: the `x-default` alternate.
    pub any_language: String,
}

impl Frame {
    /// A frame without language switcher: error pages, whose address is not a page of its own.
    pub fn plain(t: &'static Messages) -> Frame {
        Frame {
            t,
            title: t.get("site.name").to_string(),
            country: None,
            emergency: None,
            crisis: None,
            languages: Vec::new(),
            any_language: String::new(),
        }
    }

    /// The frame for a visitor whose country is not known: international guidance, in `language`.
    pub fn international(visit: &Visit, language: Language) -> Frame {
        Frame::plain(catalogue(visit.language(language))).switchable(visit)
    }

    /// A country's page, in the country's main language unless the visit asks for another.
    pub fn for_country(visit: &Visit, index: &Index, code: CountryCode) -> Frame {
        Frame::for_country_in(visit, index, code, Language::of_country(code))
    }

    /// A page with a country's crisis banner, in `language` unless the visit asks for another.
    pub fn for_country_in(visit: &Visit, index: &Index, code: CountryCode, language: Language) -> Frame {
        Frame::country_frame(visit.messages(language), index, code).switchable(visit)
    }

    /// The crisis banner of `code`, in the language `t` is.
    pub fn country_frame(t: &'static Messages, index: &Index, code: CountryCode) -> Frame {
        let Some(country) = atlas().country(code) else {
            return Frame::plain(t);
        };
        let emergency = atlas().emergency_numbers(code).and_then(|e| e.primary()).map(NumberView::short);
        let crisis = index.crisis_line(code).map(|s| CrisisView {
            name: s.name.clone(),
            number: s.channels.iter().find(|c| c.kind == ChannelType::Phone).map(|c| phone_link(&c.value, Some(code))),
            href: format!("/services/{}", s.id),
        });
        let name = t.country_name(country.code);
        Frame {
            t,
            title: name.clone(),
            country: Some(CountryView { slug: code.slug(), name }),
            emergency,
            crisis,
            languages: Vec::new(),
            any_language: String::new(),
        }
    }

    /// Adds the language switcher for the visited address.
    fn switchable(mut self, visit: &Visit) -> Frame {
        self.languages = visit.language_links(self.t.language);
        self.any_language = visit.full(&visit.href_without_language());
        self
    }

    /// The current language's entry of the switcher.
    pub fn current_language(&self) -> Option<&LanguageLink> {
        self.languages.iter().find(|l| l.current)
    }

    /// The switcher's direct link to English, shown beside it on pages in another language.
    pub fn english_link(&self) -> Option<&LanguageLink> {
        self.languages.iter().find(|l| l.code == "en" && !l.current)
    }

    pub fn titled(mut self, title: &str) -> Frame {
        self.title = title.to_string();
        self
    }
}
