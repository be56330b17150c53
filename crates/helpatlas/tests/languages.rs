//! Interface languages over HTTP: the language in the address, country defaults, the start page's
//! `Accept-Language` suggestion, the switcher and `hreflang` alternates, right-to-left pages, and
//! names, dates and hours in the page language's conventions.

mod common;

use common::spawn;
use helpatlas::bundled::service_id;

const LANGUAGES: [&str; 12] = ["en", "es", "fr", "de", "pt", "it", "nl", "nb", "sv", "pl", "ar", "ja"];

fn html_tag(body: &str) -> &str {
    let start = body.find("<html").expect("html element");
    &body[start..start + body[start..].find('>').expect("end of tag")]
}

#[tokio::test]
async fn a_country_page_is_in_its_main_language_with_a_switch_to_every_other() {
    let app = spawn().await;
    let response = app.get("/no").await;
    assert_eq!(response.headers().get("content-language").and_then(|v| v.to_str().ok()), Some("nb"));
    assert!(response.headers().get("vary").is_none_or(|v| !v.to_str().unwrap_or("").contains("Accept-Language")));
    let body = response.text().await.expect("body");
    assert_eq!(html_tag(&body), r#"<html lang="nb" dir="ltr""#);
    assert!(body.contains("Hjelp for psykisk helse: Norge"), "Bokmål, with CLDR's name of Norway");
    for code in LANGUAGES {
        assert!(
            body.contains(&format!(r#"<link rel="alternate" hreflang="{code}" href="/no?hl={code}">"#)),
            "hreflang {code}"
        );
        assert!(body.contains(&format!(r#"hreflang="{code}" lang="{code}""#)), "switcher entry {code}");
    }
    assert!(body.contains(r#"<link rel="alternate" hreflang="x-default" href="/no">"#));
    assert!(body.contains(r#"<a class="english" href="/no?hl=en" hreflang="en" lang="en">English</a>"#));
    assert!(body.contains(r#"lang="nb" aria-current="page">Norsk bokmål</a>"#));

    let (_, english) = app.page("/no?hl=en").await;
    assert_eq!(html_tag(&english), r#"<html lang="en" dir="ltr""#);
    assert!(english.contains("Mental-health help in Norway"));
    assert!(!english.contains(r#"class="english""#), "no separate English link on an English page");
    assert!(english.contains(r#"<link rel="alternate" hreflang="x-default" href="/no">"#));
}

#[tokio::test]
async fn every_internal_link_and_form_keeps_the_chosen_language() {
    let app = spawn().await;
    let href = regex::Regex::new(r#"<a [^>]*href="(/[^"/][^"]*|/|\?[^"]*)""#).expect("regex");
    for path in ["/?hl=ja", "/jp/helplines?hl=pt", "/no/search?q=angst&hl=ar", "/articles?hl=sv"] {
        let (status, body) = app.page(path).await;
        assert_eq!(status, 200, "{path}");
        let lang = path.rsplit("hl=").next().expect("hl");
        let mut links = 0;
        for cap in href.captures_iter(&body) {
            let url = &cap[1];
            links += 1;
            assert!(url.contains("hl="), "{path}: {url} lacks the language");
        }
        assert!(links > 3, "{path} has links");
        for form in body.match_indices("<form ").map(|(i, _)| &body[i..]) {
            let form = &form[..form.find("</form>").expect("end of form")];
            assert!(
                form.contains(&format!(r#"<input type="hidden" name="hl" value="{lang}">"#)),
                "{path}: a form without the language: {form}"
            );
        }
    }
    // Choosing a country on the start page without JavaScript keeps its language.
    let response = app.get("/go?country=NO&hl=ja").await;
    assert_eq!(response.headers().get("location").and_then(|v| v.to_str().ok()), Some("/no?hl=ja"));
    let response = app.get("/go?country=NO").await;
    assert_eq!(response.headers().get("location").and_then(|v| v.to_str().ok()), Some("/no"));
}

#[tokio::test]
async fn the_start_page_follows_accept_language_only_as_a_suggestion() {
    let app = spawn().await;
    let ask = |accept: &'static str, path: &'static str| {
        let request = app.client.get(format!("{}{path}", app.base)).header("accept-language", accept);
        async move { request.send().await.expect("request") }
    };
    let japanese = ask("ja-JP,ja;q=0.9,en;q=0.5", "/").await;
    assert_eq!(japanese.headers().get("vary").and_then(|v| v.to_str().ok()), Some("Accept-Language"));
    let body = japanese.text().await.expect("body");
    assert_eq!(html_tag(&body), r#"<html lang="ja" dir="ltr""#);
    assert!(body.contains("お住まいの地域で心の健康の支援を探す"));
    assert!(body.contains(r#"<option value="no">ノルウェー</option>"#), "country names from CLDR");
    // The same address for a browser in English: not the cached Japanese page.
    let (_, english) = app.page("/").await;
    assert!(english.contains(r#"<option value="no">Norway</option>"#));
    // hl decides over the header, and the header chooses nothing on other pages.
    let body = ask("ja", "/?hl=de").await.text().await.expect("body");
    assert_eq!(html_tag(&body), r#"<html lang="de" dir="ltr""#);
    let body = ask("ja", "/no").await.text().await.expect("body");
    assert_eq!(html_tag(&body), r#"<html lang="nb" dir="ltr""#);
    // Countries are listed in the order of the page language's alphabet.
    let (_, german) = app.page("/?hl=de").await;
    let position = |name: &str| german.find(&format!(">{name}</option>")).unwrap_or_else(|| panic!("{name}"));
    assert!(position("Norwegen") < position("Österreich") && position("Österreich") < position("Polen"));
}

#[tokio::test]
async fn arabic_pages_run_right_to_left_and_isolate_numbers() {
    let app = spawn().await;
    let (status, body) = app.page("/eg").await;
    assert_eq!(status, 200);
    assert_eq!(html_tag(&body), r#"<html lang="ar" dir="rtl""#);
    assert!(body.contains("مساعدة في الصحة النفسية في \u{2068}مصر\u{2069}"), "the country name isolated");
    assert!(body.contains(r#"<bdi dir="ltr">"#), "the emergency number keeps its direction");
    let (_, japan) = app.page("/jp").await;
    assert_eq!(html_tag(&japan), r#"<html lang="ja" dir="ltr""#);
}

#[tokio::test]
async fn an_unknown_language_is_a_400_naming_the_available_ones() {
    let app = spawn().await;
    for path in ["/no?hl=xx", "/?hl=NO", "/services/00000000-0000-0000-0000-000000000000?hl=en-GB"] {
        let (status, body) = app.page(path).await;
        assert_eq!(status, 400, "{path}");
        assert!(
            body.contains(
                "is not a language this site is written in. Available: en, es, fr, de, pt, it, nl, nb, sv, pl, ar, ja."
            ),
            "{path}: {body}"
        );
    }
}

#[tokio::test]
async fn service_pages_name_languages_and_show_hours_and_dates_in_the_page_language() {
    let app = spawn().await;
    let id = service_id("de-nummer-gegen-kummer-116111");
    let (_, german) = app.page(&format!("/services/{id}")).await;
    let languages = |body: &str| {
        let rows = [">Sprachen</dt><dd>", ">Languages</dt><dd>", ">対応言語</dt><dd>"];
        let at = rows.iter().find_map(|row| body.find(row)).expect("languages row");
        body[at..at + body[at..].find("</dd>").expect("end")].to_string()
    };
    assert!(languages(&german).ends_with("<dd>Deutsch"), "{}", languages(&german));
    assert!(german.contains("14:00–20:00"), "24-hour clock in German");
    let source_line = |body: &str| {
        let at = body.find(r#"<p class="source">"#).expect("source line");
        body[at..at + body[at..].find("</p>").expect("end")].to_string()
    };
    let german_date = regex::Regex::new(r"\b\d\d\.\d\d\.20\d\d\b").expect("regex");
    assert!(german_date.is_match(&source_line(&german)), "dates as Germans write them: {}", source_line(&german));
    let (_, english) = app.page(&format!("/services/{id}?hl=en")).await;
    assert!(languages(&english).ends_with("<dd>German"), "{}", languages(&english));
    let (_, japanese) = app.page(&format!("/services/{id}?hl=ja")).await;
    assert!(languages(&japanese).ends_with("<dd>ドイツ語"), "{}", languages(&japanese));
    let japanese_date = regex::Regex::new(r"\b20\d\d/\d\d/\d\d\b").expect("regex");
    assert!(
        japanese_date.is_match(&source_line(&japanese)),
        "dates as Japanese write them: {}",
        source_line(&japanese)
    );
}

#[tokio::test]
async fn the_pseudo_locale_renders_every_page_kind() {
    let app = spawn().await;
    let id = service_id("gb-samaritans");
    for path in [
        "/?hl=en-XA".to_string(),
        "/no?hl=en-XA".to_string(),
        "/no/helplines?hl=en-XA".to_string(),
        format!("/services/{id}?hl=en-XA"),
        format!("/services/{id}/report?hl=en-XA"),
        "/gb/suggest?hl=en-XA".to_string(),
        "/articles?hl=en-XA".to_string(),
        "/places?q=oslo&hl=en-XA".to_string(),
    ] {
        let (status, body) = app.page(&path).await;
        assert_eq!(status, 200, "{path}");
        assert!(body.contains(r#"<html lang="en-XA""#), "{path}");
        assert!(body.contains("Ǫûîçķ éẋîţ"), "{path}: the quick exit in pseudo text");
    }
}
