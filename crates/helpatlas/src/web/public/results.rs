//! `/{cc}/{kind}` and `/{cc}/search`: what help can be used at the chosen place, with filters that
//! show live counts, pagination, and empty states that point to what is available.

use super::{country_frame, render};
use crate::geo::atlas;
use crate::i18n::Messages;
use crate::model::{ChannelType, Kind, Place, Service};
use crate::search::{Facets, Index, SearchQuery};
use crate::web::language::Visit;
use crate::web::params::Params;
use crate::web::view::{
    area_label, channel_label, channel_name, channel_target, eligibility_line, local_text, phone_link, LocalText,
    NumberView,
};
use crate::web::{AppState, Frame, WebError};
use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::response::Response;
use chrono::Utc;

const PER_PAGE: usize = 20;

pub struct ResultItem {
    pub href: String,
    pub name: String,
    pub organization: String,
    pub description: LocalText,
    /// The main way to reach the service, as a link that calls, texts or opens the chat.
    pub contact: Option<ContactLink>,
    pub channels: String,
    pub eligibility: Option<String>,
    pub distance: Option<String>,
    pub only_in: Option<String>,
    pub open_now: bool,
}

/// A link that reaches a service at once: "Call 116 123", "Text 85258", "Chat".
pub struct ContactLink {
    pub text: String,
    pub href: String,
}

/// What every entry of a list of services is shown with.
pub(super) struct Listing<'a> {
    pub index: &'a Index,
    pub t: &'a Messages,
    pub now: chrono::DateTime<Utc>,
    /// The page's language, for the records' texts.
    pub language: &'a str,
    /// The country the page is about, for phone numbers as dialled there.
    pub country: crate::model::CountryCode,
}

pub struct FacetOption {
    pub value: String,
    pub label: String,
    pub count: usize,
    pub checked: bool,
}

pub struct FacetGroup {
    pub key: &'static str,
    pub label: &'static str,
    pub options: Vec<FacetOption>,
}

pub struct KindLink {
    pub label: String,
    pub href: String,
    pub count: usize,
}

pub struct CrisisBlock {
    pub emergency: Option<NumberView>,
    pub lines: Vec<(String, String, Option<NumberView>)>,
}

#[derive(Template)]
#[template(path = "results.html")]
struct ResultsPage {
    t: &'static Messages,
    frame: Frame,
    heading: String,
    action: String,
    country_slug: String,
    place_name: String,
    kind: Option<&'static str>,
    query_text: String,
    hidden: Vec<(&'static str, String)>,
    items: Vec<ResultItem>,
    groups: Vec<FacetGroup>,
    open_now: (usize, bool),
    always_open: (usize, bool),
    age: String,
    resident: bool,
    filtered: bool,
    clear_href: String,
    prev_href: Option<String>,
    next_href: Option<String>,
    page_label: String,
    other_kinds: Vec<KindLink>,
    crisis: Option<CrisisBlock>,
    /// What the count line says: how many were found, or, when none, what found nothing.
    count_text: String,
    /// With nothing found: the place's general support lines, there for anyone whatever the matter.
    support: Vec<(String, String, Option<NumberView>)>,
}

pub async fn kind_page(
    State(state): State<AppState>,
    visit: Visit,
    Path((code, kind)): Path<(String, String)>,
    RawQuery(raw): RawQuery,
) -> Result<Response, Response> {
    let (country, frame) = country_frame(&state, &visit, &code).map_err(|page| *page)?;
    let t = frame.t;
    let fail = |e: WebError| super::error_with(Frame::country_frame(t, &state.index(), country), e);
    let kind: Kind = kind.parse().map_err(|e| fail(crate::web::params::unknown_code(t, &e)))?;
    results(&state, frame, country, Some(kind), raw.as_deref(), t).map_err(fail)
}

pub async fn search_page(
    State(state): State<AppState>,
    visit: Visit,
    Path(code): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, Response> {
    let (country, frame) = country_frame(&state, &visit, &code).map_err(|page| *page)?;
    let t = frame.t;
    results(&state, frame, country, None, raw.as_deref(), t)
        .map_err(|e| super::error_with(Frame::country_frame(t, &state.index(), country), e))
}

fn results(
    state: &AppState,
    frame: Frame,
    country: crate::model::CountryCode,
    kind: Option<Kind>,
    raw: Option<&str>,
    t: &'static Messages,
) -> Result<Response, WebError> {
    let params = Params::parse(raw)?;
    let filters = params.filters(t)?;
    let choice = params.place(country, t)?;
    let index = state.index();
    let mut query = filters.query(choice.place.clone(), kind, Utc::now());
    query.per_page = PER_PAGE;
    let found = index.search(&query);
    let pages = found.total.div_ceil(PER_PAGE).max(1);
    let page_href =
        |n: usize| format!("?{}", params.without(&["page"], Some(("page", &n.to_string())))).replace("?&", "?");
    let slug = country.slug();
    let heading = match kind {
        Some(k) => t.with(&format!("results.heading.{}", k.code()), "place", &choice.name),
        None => t.with("results.heading.search", "place", &choice.name),
    };
    let crisis = found.crisis.then(|| crisis_block(&index, &choice.place));
    let support = match (found.total, &crisis) {
        (0, None) => support_lines(&index, &choice.place),
        _ => Vec::new(),
    };
    let count_text = match (found.total, &query.text) {
        (0, Some(text)) => t.with_all("results.no_match", &[("query", text), ("place", &choice.name)]),
        (0, None) => t.with("results.none", "place", &choice.name),
        (n, _) => t.with("results.count", "n", &n.to_string()),
    };
    let listing = Listing { index: &index, t, now: query.now, language: t.lang, country };
    let items = found.hits.iter().map(|h| item(&h.service, h.distance_km, h.partial, &listing)).collect();
    // With nothing found, point to every kind that has anything at this place at all.
    let other_kinds = if found.total == 0 {
        let everything = index.search(&SearchQuery::new(choice.place.clone(), query.now));
        kind_links(&everything.facets, &slug, &choice.query(), kind, t)
    } else {
        kind_links(&found.facets, &slug, &format!("?{}", params.without(&["page"], None)), kind, t)
    };
    render(
        t,
        ResultsPage {
            t,
            frame: frame.titled(&heading),
            heading,
            action: match kind {
                Some(k) => format!("/{slug}/{}", k.code()),
                None => format!("/{slug}/search"),
            },
            country_slug: slug.clone(),
            place_name: choice.name.clone(),
            kind: kind.map(|k| k.code()),
            query_text: query.text.clone().unwrap_or_default(),
            hidden: choice.params(),
            items,
            groups: facet_groups(&found.facets, &params, t),
            open_now: (found.facets.open_now, query.open_now),
            always_open: (found.facets.always_open, query.always_open),
            age: query.age.map(|a| a.to_string()).unwrap_or_default(),
            resident: query.resident_of.is_some(),
            filtered: is_filtered(&query),
            clear_href: format!("?{}", params.without(FILTER_KEYS, None)),
            prev_href: (query.page > 1).then(|| page_href(query.page - 1)),
            next_href: (query.page < pages).then(|| page_href(query.page + 1)),
            page_label: t.with("results.page_of", "page", &format!("{} / {pages}", query.page)),
            other_kinds,
            crisis,
            count_text,
            support,
        },
    )
}

const FILTER_KEYS: &[&str] =
    &["topic", "channel", "cost", "lang", "audience", "by", "open", "always", "age", "resident", "page"];

fn is_filtered(f: &SearchQuery) -> bool {
    !(f.topics.is_empty()
        && f.channels.is_empty()
        && f.costs.is_empty()
        && f.languages.is_empty()
        && f.audiences.is_empty()
        && f.delivered_by.is_empty())
        || f.open_now
        || f.always_open
        || f.age.is_some()
        || f.resident_of.is_some()
}

/// One service as a result list shows it (also on the country overview).
pub(super) fn item(s: &Service, distance: Option<f64>, partial: bool, listing: &Listing) -> ResultItem {
    let Listing { index, t, now, language, .. } = *listing;
    let mut channels: Vec<&str> = s.channels.iter().map(|c| channel_label(c.kind, t)).collect();
    channels.dedup();
    ResultItem {
        href: format!("/services/{}", s.id),
        name: s.name.clone(),
        organization: index.organization_name(s.organization_id).unwrap_or_default().to_string(),
        description: local_text(s.description_in(language), language, t),
        contact: contact_link(s, listing),
        channels: channels.join(", "),
        eligibility: eligibility_line(s, t),
        distance: distance.map(|d| t.with("results.distance", "km", &format!("{d:.0}"))),
        only_in: partial.then(|| s.areas.iter().map(|a| area_label(a, t)).collect::<Vec<_>>().join(", ")),
        open_now: s.is_open_now(now),
    }
}

/// The first of a service's channels that a link can open (the data lists the main one first): a call,
/// a text or a chat, never an address to travel to.
fn contact_link(s: &Service, listing: &Listing) -> Option<ContactLink> {
    let t = listing.t;
    s.channels.iter().filter(|c| c.kind != ChannelType::InPerson).find_map(|c| {
        let (display, href) = channel_target(c, Some(listing.country));
        let text = match c.kind {
            ChannelType::Phone => t.with("results.call", "number", &display),
            ChannelType::Sms => t.with("results.text", "number", &display),
            _ => channel_name(c, t),
        };
        Some(ContactLink { text, href: href? })
    })
}

fn crisis_block(index: &Index, place: &Place) -> CrisisBlock {
    let emergency = atlas().emergency_numbers(place.country).and_then(|e| e.primary()).map(NumberView::short);
    CrisisBlock { emergency, lines: support_lines(index, place) }
}

/// The place's first few crisis lines for everyone (name, link, number): they listen whatever the
/// matter, so they are what to offer when a search finds nothing.
fn support_lines(index: &Index, place: &Place) -> Vec<(String, String, Option<NumberView>)> {
    index
        .crisis_lines(place, 3)
        .into_iter()
        .map(|s| {
            let phone = s
                .channels
                .iter()
                .find(|c| c.kind == ChannelType::Phone)
                .map(|c| phone_link(&c.value, Some(place.country)));
            (s.name.clone(), format!("/services/{}", s.id), phone)
        })
        .collect()
}

fn group<T: Copy>(
    key: &'static str,
    label: &'static str,
    counts: &[(T, usize)],
    code: impl Fn(T) -> String,
    name: impl Fn(&str) -> String,
    params: &Params,
) -> FacetGroup {
    let options = counts
        .iter()
        .map(|(value, count)| {
            let value = code(*value);
            FacetOption { label: name(&value), checked: params.has(key, &value), value, count: *count }
        })
        .collect();
    FacetGroup { key, label, options }
}

fn facet_groups(f: &Facets, params: &Params, t: &'static Messages) -> Vec<FacetGroup> {
    let languages: Vec<(&str, usize)> = f.languages.iter().map(|(l, n)| (l.as_str(), *n)).collect();
    let mut groups = vec![
        group("topic", "filter.topic", &f.topics, |v| v.code().into(), |c| t.label("topic", c).into(), params),
        group("channel", "filter.channel", &f.channels, |v| v.code().into(), |c| t.label("channel", c).into(), params),
        group("cost", "filter.cost", &f.costs, |v| v.code().into(), |c| t.label("cost", c).into(), params),
        group(
            "audience",
            "filter.audience",
            &f.audiences,
            |v| v.code().into(),
            |c| t.label("audience", c).into(),
            params,
        ),
        group("by", "filter.by", &f.delivered_by, |v| v.code().into(), |c| t.label("by", c).into(), params),
        group("lang", "filter.lang", &languages, |v| v.to_string(), |c| t.language_name(c), params),
    ];
    // Values the current filters rule out are still shown when checked, so they can be unchecked.
    for g in &mut groups {
        for value in params.all(g.key) {
            if !g.options.iter().any(|o| o.value == value) {
                g.options.push(FacetOption { value: value.into(), label: value.into(), count: 0, checked: true });
            }
        }
    }
    groups.retain(|g| !g.options.is_empty());
    groups
}

/// Links to the other kinds' result pages, each with `query` (`?…` or empty) appended.
fn kind_links(f: &Facets, slug: &str, query: &str, current: Option<Kind>, t: &Messages) -> Vec<KindLink> {
    let query = if query == "?" { "" } else { query };
    f.kinds
        .iter()
        .filter(|(k, n)| Some(*k) != current && *n > 0)
        .map(|(k, n)| KindLink {
            label: t.label("kind", k.code()).to_string(),
            href: format!("/{slug}/{}{query}", k.code()),
            count: *n,
        })
        .collect()
}
