//! Records, articles and numbers in the page's language and local conventions, over HTTP against the
//! real server: translated texts with the original marked when there is none, numbers as dialled at
//! home, the results list's contact link, and searches that find nothing.

mod common;

use common::spawn;
use helpatlas::bundled::service_id;

#[tokio::test]
async fn a_service_page_shows_its_text_in_the_page_language_or_marks_the_original() {
    let app = spawn().await;
    let lifeline = format!("/services/{}", service_id("us-988-lifeline"));
    let (status, spanish) = app.page(&format!("{lifeline}?hl=es")).await;
    assert_eq!(status, 200);
    assert!(spanish.contains(">Llame, escriba un mensaje de texto o chatee"), "the Spanish text, unmarked");
    assert!(!spanish.contains("lang-note"));
    let (_, english) = app.page(&lifeline).await;
    assert!(english.contains(">Call, text or chat with a trained crisis counsellor"));
    assert!(!english.contains("lang-note"), "English on an English page needs no note");
    let (_, german) = app.page(&format!("{lifeline}?hl=de")).await;
    assert!(
        german.contains(r#"<span lang="en">Call, text or chat"#),
        "without a German text the original is shown, marked as English"
    );
    assert!(german.contains(r#"<span class="lang-note">(auf Englisch)</span>"#), "{german}");
    assert!(english.contains("<dd>English, Spanish</dd>"), "languages by name, not code");

    let telehealth = format!("/services/{}?hl=es", service_id("us-va-telemental-health"));
    let (_, body) = app.page(&telehealth).await;
    assert!(body.contains(">Para veteranos que reciben atención médica del VA"), "the eligibility note too");

    let (status, body) = app.page(&format!("{lifeline}?hl=xx_YY")).await;
    assert_eq!(status, 400);
    assert!(body.contains("xx_YY"), "the unknown language is named: {body}");
}

#[tokio::test]
async fn numbers_show_as_dialled_at_home_and_link_in_international_form() {
    let app = spawn().await;
    let (_, body) = app.page(&format!("/services/{}", service_id("de-telefonseelsorge"))).await;
    assert!(body.contains(r#"href="tel:+498001110111" rel="noreferrer"><bdi>0800 1110111</bdi></a>"#), "{body}");
    let (_, body) = app.page(&format!("/services/{}", service_id("no-kirkens-sos-krisetelefon"))).await;
    assert!(body.contains(r#"href="tel:+4722400040" rel="noreferrer"><bdi>22 40 00 40</bdi></a>"#), "{body}");
    let (_, body) = app.page(&format!("/services/{}", service_id("no-mental-helse-hjelpetelefonen"))).await;
    assert!(body.contains(r#"href="tel:116123" rel="noreferrer"><bdi>116 123</bdi></a>"#), "short codes as dialled");
}

#[tokio::test]
async fn the_results_list_links_each_service_s_main_way_to_reach_it() {
    let app = spawn().await;
    let (status, body) = app.page("/us/helplines").await;
    assert_eq!(status, 200);
    assert!(
        body.contains(r#"<p class="contact"><a class="tel" href="tel:988" rel="noreferrer">Call 988</a>"#),
        "{body}"
    );
    let (_, body) = app.page("/de/helplines").await;
    assert!(body.contains(r#"href="tel:+498001110111" rel="noreferrer">0800 1110111 anrufen</a>"#), "{body}");
    let (_, body) = app.page("/us/helplines?hl=es").await;
    assert!(body.contains("Llame, escriba un mensaje de texto"), "the list shows the page language's text");
    let (_, body) = app.page("/us/helplines?hl=fr").await;
    assert!(body.contains(r#"<span lang="en">"#), "without a French text the English original is marked");
}

/// Nobody should read a bare "0 found" (the issue's example was "can't sleep", which Norway's data now
/// answers: Bodø's low-threshold service names sleep problems).
#[tokio::test]
async fn a_search_that_finds_nothing_offers_the_general_support_lines_and_the_kinds_of_help() {
    let app = spawn().await;
    let (status, body) = app.page("/no/search?q=tax+return&hl=en").await;
    assert_eq!(status, 200);
    assert!(!body.contains(">0 found<"), "never a bare count");
    assert!(body.contains("Nothing matched “tax return” in Norway."), "{body}");
    let support = body.find(r#"<ul class="support">"#).expect("support lines");
    assert!(body[support..].contains("Hjelpetelefonen"));
    assert!(body[support..].contains(r#"href="tel:116123""#));
    assert!(body.contains(r#"href="/no/helplines"#), "the kinds of help that exist");
}

#[tokio::test]
async fn crisis_phrases_in_other_scripts_put_crisis_lines_first() {
    let app = spawn().await;
    for (country, query) in
        [("jp", "死にたい"), ("eg", "أريد أن أموت"), ("es", "quiero morir"), ("pl", "myśli samobójcze")]
    {
        let url = format!("/{country}/search?q={}", url_escape(query));
        let (status, body) = app.page(&url).await;
        assert_eq!(status, 200, "{url}");
        assert!(body.contains(r#"id="urgent-heading""#), "{url}: crisis lines first");
    }
}

fn url_escape(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

#[tokio::test]
async fn articles_come_in_the_page_language_with_their_other_languages_linked() {
    let app = spawn().await;
    let (status, body) = app.page("/articles/helplines?hl=es").await;
    assert_eq!(status, 200);
    assert!(body.contains("<h1>¿Qué pasa cuando llamas a una línea de ayuda o de crisis?</h1>"));
    assert!(body.contains(r#"<h2 id="references">Referencias</h2>"#));
    assert!(body.contains(r#"hreflang="en" lang="en">English</a>"#), "{body}");
    let (_, body) = app.page("/articles/helplines?hl=ja").await;
    assert!(body.contains(r#"<p class="lang-note">（英語）</p>"#), "{body}");
    assert!(body.contains(r#"<article class="article" lang="en">"#));
    let (_, list) = app.page("/articles?hl=es").await;
    assert!(list.contains(r#"<a href="/articles/helplines?hl=es">¿Qué pasa cuando llamas"#), "{list}");
}
