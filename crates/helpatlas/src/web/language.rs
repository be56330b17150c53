//! The page language in the address: `?hl=ja`. A query parameter rather than a path prefix, because
//! two-letter prefixes collide with country paths (`/es` is Spain, `/no` Norway). Without `hl` a
//! country's pages are in its main language and every other page in English; only `/` reads
//! `Accept-Language`, as a first suggestion. No cookie is involved, so a page's address alone says
//! what it shows: links can be shared and pages cached.
//!
//! Templates write internal links bare (`/no/helplines`); [`localise_links`] adds the page's `hl` to
//! every one of them and to every form on the way out, so no link can forget it.

use super::error::error_page;
use super::{AppState, Frame, WebError};
use crate::i18n::{catalogue, english, Language, Messages};
use axum::extract::FromRequestParts;
use axum::http::{header, request::Parts, HeaderValue};
use axum::response::Response;
use std::sync::LazyLock;

/// The query parameter that names the page language.
pub const PARAM: &str = "hl";

/// What a page request says about its language: `hl=` if given, the `Accept-Language` suggestion,
/// and the address without `hl`, from which the language switcher's links are made.
pub struct Visit {
    requested: Option<Language>,
    /// The site's public origin, for the full addresses of `hreflang` alternates.
    origin: std::sync::Arc<str>,
    accepted: Option<Language>,
    path: String,
    /// The query's pairs other than `hl`, in their order.
    others: Vec<(String, String)>,
}

impl FromRequestParts<AppState> for Visit {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Visit, Response> {
        let pairs: Vec<(String, String)> =
            url::form_urlencoded::parse(parts.uri.query().unwrap_or("").as_bytes()).into_owned().collect();
        let requested = match pairs.iter().find(|(k, _)| k == PARAM) {
            None => None,
            Some((_, code)) => Some(Language::from_code(code).ok_or_else(|| unknown_language(code))?),
        };
        let accepted =
            parts.headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).and_then(Language::negotiate);
        Ok(Visit {
            requested,
            origin: state.public_url.clone(),
            accepted,
            path: parts.uri.path().to_string(),
            others: pairs.into_iter().filter(|(k, _)| k != PARAM).collect(),
        })
    }
}

impl Visit {
    /// What the address alone says, for answers made outside a page's handler (the busy page): no
    /// `Accept-Language`, and an unknown `hl` is passed over rather than refused.
    pub fn of_address(uri: &axum::http::Uri, state: &AppState) -> Visit {
        let pairs: Vec<(String, String)> =
            url::form_urlencoded::parse(uri.query().unwrap_or("").as_bytes()).into_owned().collect();
        let requested = pairs.iter().find(|(k, _)| k == PARAM).and_then(|(_, code)| Language::from_code(code));
        Visit {
            requested,
            origin: state.public_url.clone(),
            accepted: None,
            path: uri.path().to_string(),
            others: pairs.into_iter().filter(|(k, _)| k != PARAM).collect(),
        }
    }
}

/// A 400 naming the languages there are, in English: the visitor's language is what is unknown.
fn unknown_language(code: &str) -> Response {
    let valid: Vec<&str> = Language::INTERFACE.iter().map(|l| l.code()).collect();
    let why = english().with_all("error.unknown_interface_language", &[("value", code), ("valid", &valid.join(", "))]);
    error_page(Frame::plain(english()), &WebError::BadRequest(why))
}

/// One entry of the language switcher (and one `hreflang` alternate).
pub struct LanguageLink {
    pub code: &'static str,
    /// The language's name in itself: "Deutsch", "日本語".
    pub name: &'static str,
    pub href: String,
    /// The same in full, with the site's origin: the `hreflang` alternate.
    pub alternate: String,
    pub current: bool,
}

impl Visit {
    /// The language `hl` names, if any.
    pub fn requested(&self) -> Option<Language> {
        self.requested
    }

    /// The page language: `hl`, else `default`.
    pub fn language(&self, default: Language) -> Language {
        self.requested.unwrap_or(default)
    }

    /// The start page's language: `hl`, else the best of `Accept-Language`, else English.
    pub fn start_page_language(&self) -> Language {
        self.requested.or(self.accepted).unwrap_or(Language::English)
    }

    pub fn messages(&self, default: Language) -> &'static Messages {
        catalogue(self.language(default))
    }

    /// This address without `hl`: the one that chooses its language for itself (`x-default`).
    pub fn href_without_language(&self) -> String {
        let query = self.others_query();
        if query.is_empty() {
            self.path.clone()
        } else {
            format!("{}?{query}", self.path)
        }
    }

    /// The query's pairs other than `hl`, written as a query string.
    fn others_query(&self) -> String {
        let mut query = url::form_urlencoded::Serializer::new(String::new());
        query.extend_pairs(self.others.iter());
        query.finish()
    }

    /// `path` with the site's public origin before it.
    pub fn full(&self, path: &str) -> String {
        format!("{}{path}", self.origin)
    }

    /// The switcher: this page in every interface language, each named in itself. The address's own
    /// parameters are written once, and each language adds its `hl` to them: every page has a
    /// switcher, and writing the whole address again for each language was a thirtieth of its work.
    pub fn language_links(&self, current: Language) -> Vec<LanguageLink> {
        let others = self.others_query();
        let separator = if others.is_empty() { "" } else { "&" };
        // Joined with `concat`: `format!` twice for each of a dozen languages was a thirtieth of a
        // computed results page.
        Language::INTERFACE
            .into_iter()
            .zip(autonyms())
            .map(|(l, name)| {
                let href = [self.path.as_str(), "?", &others, separator, PARAM, "=", l.code()].concat();
                LanguageLink {
                    code: l.code(),
                    name: name.as_str(),
                    alternate: [&*self.origin, &href].concat(),
                    href,
                    current: l == current,
                }
            })
            .collect()
    }
}

/// The autonyms of the interface languages, in [`Language::INTERFACE`]'s order.
fn autonyms() -> &'static [String] {
    static AUTONYMS: LazyLock<Vec<String>> = LazyLock::new(|| Language::INTERFACE.into_iter().map(autonym).collect());
    &AUTONYMS
}

/// A language's name in itself, capitalised as a menu entry ("Español", not "español").
pub fn autonym(language: Language) -> String {
    let name = catalogue(language).language_name(language.code());
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => name,
    }
}

/// `url` (an internal address) with `hl` set, for redirects.
pub fn with_language(url: &str, language: Language) -> String {
    let (path, fragment) = url.split_once('#').map_or((url, None), |(p, f)| (p, Some(f)));
    let separator = if path.contains('?') { '&' } else { '?' };
    let mut out = format!("{path}{separator}{PARAM}={}", language.code());
    if let Some(f) = fragment {
        out.push('#');
        out.push_str(f);
    }
    out
}

/// The header that says which language a page is in.
pub fn content_language(t: &Messages) -> (header::HeaderName, HeaderValue) {
    (header::CONTENT_LANGUAGE, HeaderValue::from_static(t.lang))
}

/// Adds `hl=<lang>` to every internal link of a rendered page: `href`s of `<a>` elements that start
/// with `/` (not `//`) or `?`, and every form — a hidden field for GET forms (a browser drops the
/// query of a GET form's action), the action's query for POST forms. Links that already name a
/// language (the switcher), assets and fragments are left alone.
pub fn localise_links(html: &str, lang: &str) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 16);
    let bytes = html.as_bytes();
    // Only `<a` and `<form` are looked for (memchr's vectorised search): a page has a tag every few
    // dozen bytes but a link only every few hundred, and text is copied in runs between the tags
    // that change.
    let mut starts: Vec<usize> =
        memchr::memmem::find_iter(bytes, b"<a").chain(memchr::memmem::find_iter(bytes, b"<form")).collect();
    starts.sort_unstable();
    let mut copied = 0;
    for start in starts {
        if start < copied {
            continue;
        }
        // `localise_tag` leaves every other tag found (`<abbr`, `<article`) as it is.
        let Some(len) = memchr::memchr(b'>', &bytes[start..]) else { break };
        let end = start + len + 1;
        out.push_str(&html[copied..start]);
        localise_tag(&html[start..end], lang, &mut out);
        copied = end;
    }
    out.push_str(&html[copied..]);
    out
}

fn tag_name(tag: &str) -> &str {
    let name = tag.trim_start_matches('<');
    let len = name.bytes().position(|b| !b.is_ascii_alphanumeric()).unwrap_or(name.len());
    &name[..len]
}

/// The value of an attribute in a tag as askama writes it (`name="value"`), and where it starts;
/// `needle` is the attribute's name between a space and `="`.
fn attribute<'a>(tag: &'a str, needle: &str) -> Option<(usize, &'a str)> {
    // Only where the needle's first byte (a space) is: a tag is a few dozen bytes with a few spaces,
    // shorter than `str::find` takes to prepare its search, and comparing at every byte was a
    // fiftieth of a results page.
    let (bytes, wanted) = (tag.as_bytes(), needle.as_bytes());
    let first = *wanted.first()?;
    let start = memchr::memchr_iter(first, bytes).find(|&i| bytes[i..].starts_with(wanted))? + wanted.len();
    let len = memchr::memchr(b'"', &bytes[start..])?;
    Some((start, &tag[start..start + len]))
}

fn is_internal(url: &str) -> bool {
    (url.starts_with('/') && !url.starts_with("//") && !url.starts_with("/static/")) || url.starts_with('?')
}

/// Writes `url` (HTML-escaped, as in an attribute) with `hl` added before any fragment.
fn add_language(url: &str, lang: &str, out: &mut String) {
    let (path, fragment) = url.split_once('#').map_or((url, ""), |(p, _)| (p, &url[p.len()..]));
    let separator = match path.find('?') {
        None => "?",
        Some(i) if i + 1 == path.len() => "",
        Some(_) => "&amp;",
    };
    for part in [path, separator, PARAM, "=", lang, fragment] {
        out.push_str(part);
    }
}

fn names_language(url: &str) -> bool {
    // Split as bytes: splitting on chars decoded every character of every link of the page.
    url.as_bytes().split(|b| matches!(b, b'?' | b'&' | b';')).any(|pair| pair.starts_with(b"hl="))
}

/// Writes `tag` with the language added where it links inside the site. Straight into the page:
/// a page has hundreds of tags, and copying each changed one cost 5% of a results page's CPU.
fn localise_tag(tag: &str, lang: &str, out: &mut String) {
    let with_language = |at: usize, url: &str, out: &mut String| {
        out.push_str(&tag[..at]);
        add_language(url, lang, out);
        out.push_str(&tag[at + url.len()..]);
    };
    match tag_name(tag) {
        "a" => match attribute(tag, " href=\"") {
            Some((at, url)) if is_internal(url) && !names_language(url) => with_language(at, url, out),
            _ => out.push_str(tag),
        },
        "form" => match (attribute(tag, " action=\""), attribute(tag, " method=\"")) {
            (Some((at, url)), Some((_, method))) if method.eq_ignore_ascii_case("post") && is_internal(url) => {
                with_language(at, url, out)
            }
            (Some((_, url)), _) if is_internal(url) => {
                for part in [tag, "<input type=\"hidden\" name=\"", PARAM, "\" value=\"", lang, "\">"] {
                    out.push_str(part);
                }
            }
            _ => out.push_str(tag),
        },
        _ => out.push_str(tag),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_internal_link_and_form_carries_the_language() {
        let page = concat!(
            r#"<link rel="stylesheet" href="/static/site.css"><a class="brand" href="/">Home</a> "#,
            r##"<a href="/no/helplines?topic=grief&amp;open=1#list">x</a> <a href="?page=2">next</a> "##,
            r##"<a href="https://example.org/">out</a> <a href="#main">skip</a> <a href="tel:112">112</a> "##,
            r#"<a href="/no?hl=nb" hreflang="nb">Norsk</a> "#,
            r#"<form class="choose" action="/no/search" method="get"><input name="q"></form> "#,
            r#"<form action="/services/1/report" method="post"></form>"#,
            r#"<abbr title="a"><area href="/x"></abbr><article><a
 href="/a">a</a></article>"#,
        );
        let localised = localise_links(page, "ja");
        assert_eq!(
            localised,
            concat!(
                r#"<link rel="stylesheet" href="/static/site.css"><a class="brand" href="/?hl=ja">Home</a> "#,
                r##"<a href="/no/helplines?topic=grief&amp;open=1&amp;hl=ja#list">x</a> <a href="?page=2&amp;hl=ja">next</a> "##,
                r##"<a href="https://example.org/">out</a> <a href="#main">skip</a> <a href="tel:112">112</a> "##,
                r#"<a href="/no?hl=nb" hreflang="nb">Norsk</a> "#,
                r#"<form class="choose" action="/no/search" method="get"><input type="hidden" name="hl" value="ja"><input name="q"></form> "#,
                r#"<form action="/services/1/report?hl=ja" method="post"></form>"#,
                r#"<abbr title="a"><area href="/x"></abbr><article><a
 href="/a?hl=ja">a</a></article>"#,
            )
        );
    }

    #[test]
    fn the_switcher_links_this_address_in_each_language() {
        let visit = Visit {
            requested: None,
            origin: "https://help.example".into(),
            accepted: None,
            path: "/no/search".into(),
            others: vec![("q".into(), "angst & uro".into()), ("city".into(), "3143244".into())],
        };
        let links = visit.language_links(Language::NorwegianBokmal);
        assert_eq!(links.len(), Language::INTERFACE.len());
        for (link, language) in links.iter().zip(Language::INTERFACE) {
            assert_eq!(link.href, format!("/no/search?q=angst+%26+uro&city=3143244&hl={}", language.code()));
            assert_eq!(link.alternate, format!("https://help.example{}", link.href));
            assert_eq!((link.code, link.current), (language.code(), language == Language::NorwegianBokmal));
            assert_eq!(link.name, autonym(language));
        }
        assert_eq!(visit.href_without_language(), "/no/search?q=angst+%26+uro&city=3143244");
        let bare = Visit { others: Vec::new(), ..visit };
        assert_eq!(bare.language_links(Language::English)[1].href, "/no/search?hl=es");
        assert_eq!(bare.href_without_language(), "/no/search");
    }

    #[test]
    fn redirects_keep_the_language() {
        assert_eq!(with_language("/no", Language::Japanese), "/no?hl=ja");
        assert_eq!(with_language("/no?city=1#top", Language::Arabic), "/no?city=1&hl=ar#top");
    }

    #[test]
    fn autonyms_are_capitalised_names_in_the_language_itself() {
        assert_eq!(autonym(Language::Spanish), "Español");
        assert_eq!(autonym(Language::Japanese), "日本語");
        assert_eq!(autonym(Language::Arabic), "العربية");
        assert_eq!(autonym(Language::NorwegianBokmal), "Norsk bokmål");
    }
}
