//! The in-memory view of the directory that public pages read from: built from the store at start-up
//! and replaced whole when the store changes, so pages never wait on the database.

mod engine;
pub mod query;
pub mod synonyms;

pub use query::{Facets, SearchHit, SearchQuery, SearchResults};

use crate::geo::fold;
use crate::i18n::english;
use crate::model::{Coverage, Directory, Form, Kind, Location, Organization, Place, Service};
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use uuid::Uuid;

pub struct Index {
    directory: Directory,
    services: HashMap<Uuid, usize>,
    organizations: HashMap<Uuid, usize>,
    locations: HashMap<Uuid, usize>,
    /// Per service (same order): folded name, description, organization, topic labels, forms.
    haystacks: Vec<String>,
    /// The store's change number this index was built from.
    pub change: i64,
}

/// A service that covers a place, with how well it does.
#[derive(Debug, Clone, Copy)]
pub struct Hit<'a> {
    pub service: &'a Service,
    pub coverage: Coverage,
}

/// The folded text a query's words are matched against.
fn haystack(s: &Service, organization: &str) -> String {
    let t = english();
    let mut text = vec![s.name.as_str(), s.alternate_name.as_deref().unwrap_or(""), &s.description, organization];
    text.extend(s.topics.iter().map(|x| t.label("topic", x.code())));
    text.extend(s.forms.iter().map(|x| x.code()));
    text.extend(s.audiences.iter().map(|x| t.label("audience", x.code())));
    fold(&text.join(" "))
}

fn positions<T>(items: &[T], id: impl Fn(&T) -> Uuid) -> HashMap<Uuid, usize> {
    items.iter().enumerate().map(|(i, item)| (id(item), i)).collect()
}

impl Index {
    pub fn build(directory: Directory, change: i64) -> Index {
        let organizations = positions(&directory.organizations, |o| o.id);
        let haystacks = directory
            .services
            .iter()
            .map(|s| {
                let org = organizations.get(&s.organization_id).map(|&i| directory.organizations[i].name.as_str());
                haystack(s, org.unwrap_or(""))
            })
            .collect();
        Index {
            haystacks,
            services: positions(&directory.services, |s| s.id),
            organizations,
            locations: positions(&directory.locations, |l| l.id),
            directory,
            change,
        }
    }

    pub fn services(&self) -> &[Service] {
        &self.directory.services
    }

    fn haystack(&self, position: usize) -> &str {
        &self.haystacks[position]
    }

    pub fn service(&self, id: Uuid) -> Option<&Service> {
        self.services.get(&id).map(|&i| &self.directory.services[i])
    }

    pub fn organization(&self, id: Uuid) -> Option<&Organization> {
        self.organizations.get(&id).map(|&i| &self.directory.organizations[i])
    }

    pub fn location(&self, id: Uuid) -> Option<&Location> {
        self.locations.get(&id).map(|&i| &self.directory.locations[i])
    }

    pub fn len(&self) -> usize {
        self.directory.services.len()
    }

    pub fn is_empty(&self) -> bool {
        self.directory.services.is_empty()
    }

    /// Services of one kind that can be used at `place`: those whose areas cover it, then those that
    /// cover only part of its country; by name within each group.
    pub fn available(&self, place: &Place, kind: Kind) -> Vec<Hit<'_>> {
        let mut hits: Vec<Hit> = self
            .directory
            .services
            .iter()
            .filter(|s| s.kind == kind)
            .map(|s| Hit { service: s, coverage: s.coverage(place) })
            .filter(|h| h.coverage != Coverage::None)
            .collect();
        hits.sort_by(|a, b| b.coverage.cmp(&a.coverage).then_with(|| a.service.name.cmp(&b.service.name)));
        hits
    }

    /// The crisis line to show in the banner for a place: a crisis line that covers all of it,
    /// preferring one that is open around the clock and one meant for this country over a worldwide one.
    pub fn crisis_line(&self, place: &Place) -> Option<&Service> {
        self.crisis_lines(place).into_iter().next()
    }

    pub fn crisis_lines(&self, place: &Place) -> Vec<&Service> {
        let mut lines: Vec<&Service> = self
            .directory
            .services
            .iter()
            .filter(|s| s.kind == Kind::Helplines && s.has_form(Form::CrisisLine))
            .filter(|s| s.coverage(place) == Coverage::Covers && s.audiences.is_empty())
            .collect();
        let national = |s: &Service| s.areas.iter().any(|a| a.country() == Some(place.country));
        lines.sort_by_key(|s| (!s.is_always_open(), !national(s), s.name.clone()));
        lines
    }

    /// Helplines covering `place` that are open at `at`, except `except`.
    pub fn open_alternatives(&self, place: &Place, at: DateTime<Utc>, except: Uuid) -> Vec<&Service> {
        self.available(place, Kind::Helplines)
            .into_iter()
            .filter(|h| h.coverage == Coverage::Covers && h.service.id != except && h.service.is_open_now(at))
            .map(|h| h.service)
            .take(5)
            .collect()
    }
}
