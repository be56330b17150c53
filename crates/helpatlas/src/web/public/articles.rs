//! `/articles` and `/articles/{slug}`: short evidence-based articles, written in Markdown under
//! `content/articles/` (English) and `content/articles/<lang>/` (translations, same file names), rendered
//! on the server with numbered references. A page shows the article in its language (`hl=`) when there
//! is a translation, else the English one marked as such.

use super::render;
use crate::geo::atlas;
use crate::i18n::{Language, Messages};
use crate::model::{LanguageTag, Localized, ORIGINAL_LANGUAGE};
use crate::web::language::Visit;
use crate::web::params::Params;
use crate::web::{AppState, Frame, WebError};
use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::response::Response;
use pulldown_cmark::{html, Event, Options, Parser};
use serde::Deserialize;
use std::sync::OnceLock;

mod files {
    include!(concat!(env!("OUT_DIR"), "/article_files.rs"));
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    title: String,
    summary: String,
    kind: Option<String>,
    updated: String,
}

#[derive(Debug, Clone)]
pub struct Article {
    pub slug: String,
    /// The language it is written in (BCP 47); English for the files at the top of the folder.
    pub language: String,
    pub title: String,
    pub summary: String,
    pub kind: Option<String>,
    pub updated: String,
    pub html: String,
}

#[derive(Debug, thiserror::Error)]
#[error("content/articles/{file}: {reason}")]
pub struct ArticleError {
    file: String,
    reason: String,
}

/// The heading of the numbered reference list, by the language of the article.
const REFERENCES_HEADINGS: &[(&str, &str)] =
    &[("en", "References"), ("es", "Referencias"), ("fr", "Références"), ("de", "Quellen"), ("pt", "Referências")];

impl Article {
    /// Parses `file` (`slug.md`, or `lang/slug.md` for a translation).
    pub fn parse(file: &str, source: &str) -> Result<Article, ArticleError> {
        let fail = |reason: String| ArticleError { file: file.to_string(), reason };
        let (language, name) = match file.split_once('/') {
            Some((language, name)) => match language.parse::<LanguageTag>() {
                Ok(tag) if tag.as_str() == language => (language, name),
                _ => return Err(fail(format!("`{language}` is not a language tag in canonical form"))),
            },
            None => (ORIGINAL_LANGUAGE, file),
        };
        let heading =
            REFERENCES_HEADINGS.iter().find(|(code, _)| *code == language).map(|(_, heading)| *heading).ok_or_else(
                || fail(format!("no References heading is known for `{language}` (REFERENCES_HEADINGS)")),
            )?;
        let rest = source.strip_prefix("+++\n").ok_or_else(|| fail("must start with +++ front matter".into()))?;
        let (front, body) =
            rest.split_once("\n+++\n").ok_or_else(|| fail("front matter is not closed by +++".into()))?;
        let meta: FrontMatter = toml::from_str(front).map_err(|e| fail(e.message().to_string()))?;
        Ok(Article {
            slug: name.trim_end_matches(".md").to_string(),
            language: language.to_string(),
            title: meta.title,
            summary: meta.summary,
            kind: meta.kind,
            updated: meta.updated,
            html: render_markdown(body, heading),
        })
    }
}

/// Markdown to HTML. Raw HTML in the source is shown as text, never passed through; `[n]` citations link
/// to the numbered references (under the heading `references`), which get anchors.
fn render_markdown(body: &str, references_heading: &str) -> String {
    let events = Parser::new_ext(body, Options::ENABLE_TABLES).map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        other => other,
    });
    let mut out = String::new();
    html::push_html(&mut out, events);
    let (text, references) = match out.split_once(&format!("<h2>{references_heading}</h2>")) {
        Some((text, refs)) => (text.to_string(), refs.to_string()),
        None => (out, String::new()),
    };
    let text = link_citations(&text);
    if references.is_empty() {
        return text;
    }
    format!("{text}<h2 id=\"references\">{references_heading}</h2>{}", anchor_references(&references))
}

/// `[3]` → a link to reference 3.
fn link_citations(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find('[') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let digits = after.chars().take_while(char::is_ascii_digit).count();
        if digits > 0 && after[digits..].starts_with(']') {
            let n = &after[..digits];
            out.push_str(&format!("<a class=\"cite\" href=\"#ref-{n}\">[{n}]</a>"));
            rest = &after[digits + 1..];
        } else {
            out.push('[');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// Numbers the reference list items (`id="ref-N"`) and turns their bare URLs into links.
fn anchor_references(html: &str) -> String {
    let mut n = 0;
    let numbered = html
        .split("<li>")
        .enumerate()
        .map(|(i, part)| {
            if i == 0 {
                return part.to_string();
            }
            n += 1;
            format!("<li id=\"ref-{n}\">{}", link_urls(part))
        })
        .collect::<Vec<_>>();
    numbered.concat()
}

fn link_urls(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("https://") {
        out.push_str(&rest[..start]);
        let url_len = rest[start..].find(|c: char| c.is_whitespace() || c == '<').unwrap_or(rest.len() - start);
        let url = rest[start..start + url_len].trim_end_matches(['.', ',', ')']);
        out.push_str(&format!("<a href=\"{url}\" rel=\"noreferrer\">{url}</a>"));
        rest = &rest[start + url.len()..];
    }
    out.push_str(rest);
    out
}

/// Every article, parsed once. The sources are compiled in and checked by tests, so a parse failure is a
/// build bug; such an article is left out rather than taking the site down.
pub fn all() -> &'static [Article] {
    static ARTICLES: OnceLock<Vec<Article>> = OnceLock::new();
    ARTICLES.get_or_init(|| {
        files::FILES
            .iter()
            .filter_map(|(name, source)| match Article::parse(name, source) {
                Ok(a) => Some(a),
                Err(e) => {
                    tracing::error!(error = %e, "article left out");
                    None
                }
            })
            .collect()
    })
}

/// The article `slug` in `language` when it is translated, else the English one.
pub fn in_language(slug: &str, language: &str) -> Option<&'static Article> {
    let primary = |tag: &str| tag.split('-').next().unwrap_or(tag).to_string();
    let same = |a: &&Article| a.slug == slug;
    let exact = all().iter().filter(same).find(|a| a.language.eq_ignore_ascii_case(language));
    let close = || all().iter().filter(same).find(|a| primary(&a.language) == primary(language));
    exact.or_else(close).or_else(|| all().iter().filter(same).find(|a| a.language == ORIGINAL_LANGUAGE))
}

/// The languages `slug` is written in, each with its address: what `hreflang` alternates and a language
/// switcher link to.
pub fn alternates(slug: &str) -> Vec<Alternate> {
    all()
        .iter()
        .filter(|a| a.slug == slug)
        .map(|a| Alternate {
            hreflang: a.language.clone(),
            href: match a.language.as_str() {
                ORIGINAL_LANGUAGE => format!("/articles/{slug}"),
                other => format!("/articles/{slug}?hl={other}"),
            },
        })
        .collect()
}

/// One language version of an article.
pub struct Alternate {
    pub hreflang: String,
    pub href: String,
}

/// An article in a list: its address for the page's language, and whether it is in another language.
pub struct Listed {
    pub article: &'static Article,
    pub href: String,
    pub note: Option<String>,
}

#[derive(Template)]
#[template(path = "article.html")]
struct ArticlePage {
    t: &'static Messages,
    frame: Frame,
    article: &'static Article,
    results: Option<(String, String)>,
    /// Said when the article is not in the page's language.
    note: Option<String>,
    /// The other languages it is written in, named, with their addresses.
    others: Vec<(String, Alternate)>,
}

#[derive(Template)]
#[template(path = "articles.html")]
struct ArticleList {
    t: &'static Messages,
    frame: Frame,
    articles: Vec<Listed>,
}

/// "(in English)" when `article` is not in `language`.
fn language_note(article: &Article, language: &str, t: &Messages) -> Option<String> {
    let text = Localized { text: "", language: &article.language };
    text.differs_from(language).then(|| t.with("text.in_language", "language", &t.language_name(&article.language)))
}

/// Articles are written in English and translated into some languages: the list shows each in the
/// page's language where it exists, else in English, marked.
pub async fn list(visit: Visit) -> Result<Response, WebError> {
    let frame = Frame::international(&visit, Language::English);
    let t = frame.t;
    let language = t.lang;
    let articles = all()
        .iter()
        .filter(|a| a.language == ORIGINAL_LANGUAGE)
        .filter_map(|a| in_language(&a.slug, language))
        .map(|article| Listed {
            article,
            href: format!("/articles/{}", article.slug),
            note: language_note(article, language, t),
        })
        .collect();
    render(t, ArticleList { t, frame: frame.titled(t.get("articles.title")), articles })
}

pub async fn page(
    State(state): State<AppState>,
    visit: Visit,
    Path(slug): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    let params = Params::parse(raw.as_deref())?;
    let country = params.one("country").and_then(|c| atlas().parse_country(c));
    let frame = match country {
        Some(c) => Frame::for_country_in(&visit, &state.index(), c.code, Language::English),
        None => Frame::international(&visit, Language::English),
    };
    let t = frame.t;
    let language = t.lang;
    let article = in_language(&slug, language).ok_or(WebError::NotFound)?;
    let others = alternates(&slug)
        .into_iter()
        .filter(|a| a.hreflang != article.language)
        .map(|a| (t.language_name(&a.hreflang), a))
        .collect();
    // The link back to results for the reader's place, when the article is about a kind of help.
    let results = match (&article.kind, country) {
        (Some(kind), Some(c)) => Some((
            format!("/{}/{kind}", c.code.slug()),
            t.with(&format!("results.heading.{kind}"), "place", &t.country_name(c.code)),
        )),
        _ => None,
    };
    let note = language_note(article, language, t);
    render(t, ArticlePage { t, frame: frame.titled(&article.title), article, results, note, others })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_article_parses_and_cites_only_existing_references() {
        assert_eq!(all().len(), files::FILES.len(), "an article failed to parse");
        for article in all() {
            let references = article.html.matches("<li id=\"ref-").count();
            for (i, _) in article.html.match_indices("href=\"#ref-") {
                let n: usize = article.html[i + 11..]
                    .chars()
                    .take_while(char::is_ascii_digit)
                    .collect::<String>()
                    .parse()
                    .expect("number");
                assert!((1..=references).contains(&n), "{}: [{n}] has no reference", article.slug);
            }
        }
    }

    /// The part of an article after its References heading.
    fn references(article: &Article) -> &str {
        article.html.split_once("id=\"references\"").map_or("", |(_, refs)| refs)
    }

    #[test]
    fn translations_keep_the_references_as_published() {
        let original = |slug: &str| all().iter().find(|a| a.slug == slug && a.language == ORIGINAL_LANGUAGE);
        let translations: Vec<&Article> = all().iter().filter(|a| a.language != ORIGINAL_LANGUAGE).collect();
        assert!(!translations.is_empty());
        for translated in translations {
            let name = format!("{}/{}", translated.language, translated.slug);
            let original = original(&translated.slug).unwrap_or_else(|| panic!("{name} has no English original"));
            let list = |a: &'static Article| references(a).split_once("</h2>").map_or("", |(_, list)| list);
            assert!(!list(translated).is_empty(), "{name}: no references");
            assert_eq!(list(translated), list(original), "{name}: the references differ from the original");
            assert_eq!(translated.kind, original.kind, "{name}");
            let cited = |a: &Article| a.html.matches("class=\"cite\"").count();
            assert_eq!(cited(translated), cited(original), "{name}: citations");
        }
    }

    #[test]
    fn every_article_is_in_spanish_french_german_and_portuguese() {
        for original in all().iter().filter(|a| a.language == ORIGINAL_LANGUAGE) {
            for language in ["es", "fr", "de", "pt"] {
                let found = in_language(&original.slug, language).map(|a| a.language.as_str());
                assert_eq!(found, Some(language), "{} in {language}", original.slug);
            }
        }
    }

    #[test]
    fn a_page_language_without_a_translation_gets_the_original() {
        let original = in_language("helplines", "ja").expect("exists");
        assert_eq!(original.language, "en");
        assert_eq!(in_language("helplines", "pt-BR").map(|a| a.language.as_str()), Some("pt"));
        assert!(alternates("helplines").iter().any(|a| a.hreflang == "es" && a.href == "/articles/helplines?hl=es"));
        assert!(Article::parse("xx_YY/a.md", "+++\ntitle = \"\"\n+++\n").is_err());
    }

    #[test]
    fn raw_html_is_shown_as_text() {
        let html = render_markdown(
            "Hello <script>alert(1)</script> [1]\n\n## References\n\n1. A. https://example.org/x.\n",
            "References",
        );
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("<a class=\"cite\" href=\"#ref-1\">[1]</a>"));
        assert!(html.contains("<li id=\"ref-1\">A. <a href=\"https://example.org/x\""), "{html}");
    }
}
