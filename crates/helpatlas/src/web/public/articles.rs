//! `/articles` and `/articles/{slug}`: short evidence-based articles, written in Markdown under
//! `content/articles/`, rendered on the server with numbered references.

use super::render;
use crate::geo::atlas;
use crate::i18n::{Language, Messages};
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

impl Article {
    pub fn parse(file: &str, source: &str) -> Result<Article, ArticleError> {
        let fail = |reason: String| ArticleError { file: file.to_string(), reason };
        let rest = source.strip_prefix("+++\n").ok_or_else(|| fail("must start with +++ front matter".into()))?;
        let (front, body) =
            rest.split_once("\n+++\n").ok_or_else(|| fail("front matter is not closed by +++".into()))?;
        let meta: FrontMatter = toml::from_str(front).map_err(|e| fail(e.message().to_string()))?;
        Ok(Article {
            slug: file.trim_end_matches(".md").to_string(),
            title: meta.title,
            summary: meta.summary,
            kind: meta.kind,
            updated: meta.updated,
            html: render_markdown(body),
        })
    }
}

/// Markdown to HTML. Raw HTML in the source is shown as text, never passed through; `[n]` citations link
/// to the numbered references, which get anchors.
fn render_markdown(body: &str) -> String {
    let events = Parser::new_ext(body, Options::ENABLE_TABLES).map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        other => other,
    });
    let mut out = String::new();
    html::push_html(&mut out, events);
    let (text, references) = match out.split_once("<h2>References</h2>") {
        Some((text, refs)) => (text.to_string(), refs.to_string()),
        None => (out, String::new()),
    };
    let text = link_citations(&text);
    if references.is_empty() {
        return text;
    }
    format!("{text}<h2 id=\"references\">References</h2>{}", anchor_references(&references))
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

#[derive(Template)]
#[template(path = "article.html")]
struct ArticlePage {
    t: &'static Messages,
    frame: Frame,
    article: &'static Article,
    results: Option<(String, String)>,
}

#[derive(Template)]
#[template(path = "articles.html")]
struct ArticleList {
    t: &'static Messages,
    frame: Frame,
    articles: &'static [Article],
}

/// Articles are written in English, so their pages are in English unless `hl` asks for another.
pub async fn list(visit: Visit) -> Result<Response, WebError> {
    let frame = Frame::international(&visit, Language::English);
    let t = frame.t;
    render(t, ArticleList { t, frame: frame.titled(t.get("articles.title")), articles: all() })
}

pub async fn page(
    State(state): State<AppState>,
    visit: Visit,
    Path(slug): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    let article = all().iter().find(|a| a.slug == slug).ok_or(WebError::NotFound)?;
    let params = Params::parse(raw.as_deref())?;
    let country = params.one("country").and_then(|c| atlas().parse_country(c));
    let frame = match country {
        Some(c) => Frame::for_country_in(&visit, &state.index(), c.code, Language::English),
        None => Frame::international(&visit, Language::English),
    };
    let t = frame.t;
    // The link back to results for the reader's place, when the article is about a kind of help.
    let results = match (&article.kind, country) {
        (Some(kind), Some(c)) => Some((
            format!("/{}/{kind}", c.code.slug()),
            t.with(&format!("results.heading.{kind}"), "place", &t.country_name(c.code)),
        )),
        _ => None,
    };
    render(t, ArticlePage { t, frame: frame.titled(&article.title), article, results })
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

    #[test]
    fn raw_html_is_shown_as_text() {
        let html =
            render_markdown("Hello <script>alert(1)</script> [1]\n\n## References\n\n1. A. https://example.org/x.\n");
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("<a class=\"cite\" href=\"#ref-1\">[1]</a>"));
        assert!(html.contains("<li id=\"ref-1\">A. <a href=\"https://example.org/x\""), "{html}");
    }
}
