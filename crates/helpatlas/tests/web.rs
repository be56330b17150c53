//! The public site, driven over HTTP against the real server.

mod common;

use common::spawn;
use helpatlas::bundled::service_id;
use helpatlas::model::Author;

#[tokio::test]
async fn the_home_page_lets_you_choose_a_country() {
    let app = spawn().await;
    let (status, body) = app.page("/").await;
    assert_eq!(status, 200);
    assert!(body.contains(r#"<form class="choose" action="/go" method="get">"#));
    assert!(body.contains(r#"<option value="no">Norway</option>"#));
    assert_eq!(body.matches("<option value=\"").count(), 250, "249 countries and the placeholder");
    assert!(body.contains("Call your local emergency number"), "international guidance without a country");
}

#[tokio::test]
async fn the_country_form_redirects_without_javascript() {
    let app = spawn().await;
    let response = app.get("/go?country=NO").await;
    assert_eq!(response.status().as_u16(), 303);
    assert_eq!(response.headers()["location"], "/no");
    let (status, body) = app.page("/go?country=zz").await;
    assert_eq!(status, 400);
    assert!(body.contains("“zz” is not a country we know"));
}

/// The check named in the foundation issue: real emergency numbers and services on four countries.
#[tokio::test]
async fn country_pages_show_emergency_numbers_first_then_services() {
    let app = spawn().await;
    for (country, emergency, service) in [
        ("no", "tel:113", "Hjelpetelefonen"),
        ("gb", "tel:999", "Samaritans"),
        ("us", "tel:911", "988 Suicide"),
        ("au", "tel:000", "Lifeline"),
    ] {
        let (status, body) = app.page(&format!("/{country}")).await;
        assert_eq!(status, 200, "/{country}");
        let numbers = body.find(r#"id="emergency-heading""#).expect("emergency section");
        let helplines = body.find(r#"id="kind-helplines""#).expect("helplines section");
        assert!(numbers < helplines, "/{country}: emergency numbers come first");
        assert!(body[numbers..helplines].contains(emergency), "/{country} shows {emergency}");
        assert!(body[helplines..].contains(service), "/{country} lists {service}");
    }
}

/// A number nobody found is said to be unknown, never left out as if there were none; numbers from
/// second sources or undated or old pages say they are unconfirmed.
#[tokio::test]
async fn the_emergency_box_tells_unknown_numbers_and_unconfirmed_sources_apart() {
    let app = spawn().await;
    let section = |body: &str| {
        let start = body.find(r#"id="emergency-heading""#).expect("emergency section");
        body[start..start + body[start..].find("</section>").expect("end")].to_string()
    };
    let (_, bg) = app.page("/bg").await;
    let bg = section(&bg);
    assert!(bg.contains("no separate number found; call 112"), "{bg}");
    assert!(bg.contains("Unconfirmed: the official page shows no date."), "{bg}");
    let (_, ss) = app.page("/ss?hl=en").await;
    let ss = section(&ss);
    assert!(ss.contains(r#"href="tel:122""#) && ss.contains("not known"), "{ss}");
    assert!(ss.contains("Unconfirmed: we found no official page") && !ss.contains("tel:999"), "{ss}");
    // France's pages are in French unless asked for in English.
    let (_, fr) = app.page("/fr?hl=en").await;
    let fr = section(&fr);
    assert!(fr.contains("Official source") && fr.contains("confirmed on"), "{fr}");
    assert!(!fr.contains("Unconfirmed"), "an official page dated within three years: {fr}");
}

#[tokio::test]
async fn the_crisis_banner_shows_the_countrys_number_and_crisis_line() {
    let app = spawn().await;
    let (_, body) = app.page("/gb").await;
    let banner = &body[body.find(r#"<aside class="crisis""#).expect("banner")..body.find("</aside>").expect("end")];
    assert!(banner.contains(r#"href="tel:999""#), "{banner}");
    assert!(banner.contains(r#"href="tel:116123""#), "{banner}");
}

#[tokio::test]
async fn an_online_service_for_denmark_is_not_shown_in_norway() {
    let app = spawn().await;
    let (_, norway) = app.page("/no").await;
    let (_, denmark) = app.page("/dk").await;
    assert!(!norway.contains("Internetpsykiatrien"));
    assert!(denmark.contains("Internetpsykiatrien"));
}

#[tokio::test]
async fn a_service_page_links_every_channel_and_names_its_source() {
    let app = spawn().await;
    let (status, body) = app.page(&format!("/services/{}", service_id("gb-samaritans"))).await;
    assert_eq!(status, 200);
    assert!(body.contains(r#"<h1 dir="auto">Samaritans"#), "title");
    assert!(body.contains(r#"href="tel:116123""#), "phone link");
    assert!(body.contains("Hours are local time in Europe/London."));
    assert!(body.contains("24 hours, every day"));
    assert!(body.contains("checked") || body.contains("Checked"), "verification date");
    let source = body.find(r#"<p class="source">"#).expect("source line");
    assert!(body[source..].contains("href=\"https://"), "source link");

    let id = helpatlas::bundled::service_id("jp-kumamoto-psychiatric-emergency-information-centre");
    let (_, body) = app.page(&format!("/services/{id}?hl=en")).await;
    assert!(body.contains("(the page is dated Dec 26, 2024)"), "the source's own date beside the day it was read");
    let (_, body) = app.page(&format!("/services/{id}")).await;
    assert!(body.contains("（ページの日付：2024/12/26）"), "in Japan's language and its date format: {body}");
}

#[tokio::test]
async fn unknown_pages_are_real_404s_that_still_show_urgent_help() {
    let app = spawn().await;
    let response = app.get("/NO").await;
    assert_eq!((response.status().as_u16(), response.headers()["location"].to_str().ok()), (308, Some("/no")));
    for path in
        ["/zz", "/ZZ", "/norway", "/services/not-a-uuid", "/services/00000000-0000-0000-0000-000000000000", "/a/b/c"]
    {
        let (status, body) = app.page(path).await;
        assert_eq!(status, 404, "{path}");
        assert!(body.contains("Page not found"), "{path}");
        assert!(body.contains(r#"<aside class="crisis""#), "{path} keeps the crisis banner");
    }
}

#[tokio::test]
async fn pages_set_a_strict_policy_and_no_cookies() {
    let app = spawn().await;
    for path in ["/", "/no", "/zz", "/static/site.css"] {
        let response = app.get(path).await;
        let headers = response.headers();
        let csp = headers["content-security-policy"].to_str().expect("ascii");
        assert!(csp.contains("default-src 'none'") && !csp.contains("unsafe-inline"), "{path}: {csp}");
        assert!(headers.get("set-cookie").is_none(), "{path} sets a cookie");
        assert_eq!(headers["x-content-type-options"], "nosniff");
        assert_eq!(headers["referrer-policy"], "no-referrer");
    }
}

#[tokio::test]
async fn pages_load_only_from_this_site() {
    let app = spawn().await;
    let (_, body) = app.page("/no").await;
    for attribute in ["src=\"", "rel=\"stylesheet\" href=\""] {
        for (i, _) in body.match_indices(attribute) {
            let value = &body[i + attribute.len()..];
            assert!(value.starts_with('/'), "external resource: {}", &value[..40.min(value.len())]);
        }
    }
    assert!(!body.contains("<style") && !body.contains("style=\""), "no inline styles");
    assert!(!body.contains("<script>"), "no inline scripts");
}

#[tokio::test]
async fn responses_are_compressed_for_slow_connections() {
    let app = spawn().await;
    let response =
        app.client.get(format!("{}/no", app.base)).header("accept-encoding", "gzip").send().await.expect("request");
    assert_eq!(response.headers()["content-encoding"], "gzip");
}

#[tokio::test]
async fn the_quick_exit_comes_first_in_the_tab_order() {
    let app = spawn().await;
    let (_, body) = app.page("/").await;
    let first_link = body.find("<a ").expect("a link");
    assert!(body[first_link..].starts_with(r#"<a class="exit" id="quick-exit""#));
}

#[tokio::test]
async fn a_change_in_the_store_reaches_the_pages_without_a_restart() {
    let app = spawn().await;
    let mut directory = app.state.store.load_directory().await.expect("load");
    let service = directory.services.iter_mut().find(|s| s.id == service_id("gb-samaritans")).expect("samaritans");
    service.name = "Samaritans (renamed in a test)".into();
    let changed = service.clone();
    directory.services.retain(|s| s.id == changed.id);
    directory.organizations.clear();
    directory.locations.clear();
    app.state.store.upsert(&directory, &Author::System).await.expect("upsert");
    for _ in 0..50 {
        let (_, body) = app.page(&format!("/services/{}", changed.id)).await;
        if body.contains("renamed in a test") {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    panic!("the page did not show the change within 10 seconds");
}

/// The quality bar: a results page's HTML and CSS together stay within 14 KB compressed, so the first
/// round trip of a slow connection carries the whole page.
#[tokio::test]
async fn a_results_page_and_its_css_fit_in_14_kb_compressed() {
    let app = spawn().await;
    let compressed = |path: &'static str| {
        let request = app.client.get(format!("{}{path}", app.base)).header("accept-encoding", "gzip");
        async move {
            let response = request.send().await.expect("request");
            assert_eq!(response.headers()["content-encoding"], "gzip", "{path}");
            response.bytes().await.expect("body").len()
        }
    };
    let css = compressed("/static/site.css").await;
    // In Bokmål, Arabic and Japanese, with the language switcher and hreflang alternates.
    for path in ["/no/helplines", "/no/helplines?hl=en", "/eg/helplines", "/jp/helplines"] {
        let total = css + compressed(path).await;
        assert!(total <= 14 * 1024, "{path}: {total} bytes compressed");
    }
}

#[tokio::test]
async fn results_pages_filter_count_and_paginate() {
    let app = spawn().await;
    let (status, all) = app.page("/no/helplines").await;
    assert_eq!(status, 200);
    let count = |body: &str| body.matches("<h2 class=\"h3\">").count();
    let phone_only = app.page("/no/helplines?channel=phone").await.1;
    assert!(count(&phone_only) <= count(&all) && count(&phone_only) > 0);
    assert!(all.contains(r#"name="channel" value="phone""#), "channel filter with a count");
    let (status, body) = app.page("/no/helplines?page=99").await;
    assert_eq!(status, 200, "a page past the end is an empty page");
    assert!(body.contains("0 found") || body.contains("Nothing matches") || !body.contains("<ol class=\"results\">"));
}

#[tokio::test]
async fn bad_parameters_get_a_helpful_400_with_the_crisis_banner() {
    let app = spawn().await;
    for (path, message) in [
        ("/no/therapy?hl=en", "“therapy” is not a kind of help we know. Valid values: online-therapy, in-person"),
        ("/no/helplines?topic=sadness&hl=en", "“sadness” is not a topic we know. Valid values: suicidal-thoughts"),
        ("/no/helplines?channel=pigeon&hl=en", "“pigeon” is not a channel we know."),
        ("/no/helplines?page=0&hl=en", "The page number must be between 1 and 1000."),
        ("/no/helplines?city=2643743&hl=en", "That city is not one we know in Norway"),
        ("/no?region=SE-AB&hl=en", "That region is not one we know in Norway"),
        ("/no?region=SE-AB", "Den regionen kjenner vi ikke i Norge"),
    ] {
        let (status, body) = app.page(path).await;
        assert_eq!(status, 400, "{path}");
        assert!(body.contains(message), "{path}: {body}");
        assert!(body.contains(r#"href="tel:113""#), "{path} keeps Norway's emergency number");
    }
    let long = format!("/no/search?q={}", "x".repeat(5000));
    assert_eq!(app.page(&long).await.0, 400);
}

#[tokio::test]
async fn a_crisis_query_puts_emergency_help_first() {
    let app = spawn().await;
    let (_, body) = app.page("/no/search?q=I+want+to+die").await;
    let urgent = body.find("id=\"urgent-heading\"").expect("urgent section");
    let form = body.find("<form class=\"filters\"").expect("filters");
    assert!(urgent < form);
    assert!(body[urgent..form].contains("tel:113") && body[urgent..form].contains("116 123"));
}

#[tokio::test]
async fn places_are_found_as_html_and_json() {
    let app = spawn().await;
    let (_, html) = app.page("/places?q=tromsoe&country=no").await;
    assert!(html.contains("Tromsø"));
    let json: serde_json::Value = app.get("/places?q=munchen&format=json").await.json().await.expect("json");
    assert_eq!(json[0]["name"], "Munich");
    assert!(json[0]["href"].as_str().expect("href").starts_with("/de?city="));
    let near: serde_json::Value = app.get("/places/near?lat=59.913&lon=10.752").await.json().await.expect("json");
    assert_eq!(near["name"], "Oslo");
    assert_eq!(app.get("/places/near?lat=91&lon=0").await.status().as_u16(), 400);
}

#[tokio::test]
async fn articles_render_with_numbered_references_and_link_to_results() {
    let app = spawn().await;
    let (status, body) = app.page("/articles/online-therapy?country=dk").await;
    assert_eq!(status, 200);
    assert!(body.contains("<h1>Is online therapy effective?</h1>"));
    assert!(body.contains(r##"<a class="cite" href="#ref-1">[1]</a>"##));
    assert!(body.contains(r#"<li id="ref-10">"#), "ten numbered references");
    assert!(body.contains(r#"href="/dk/online-therapy?hl=en""#), "links to results for the reader's place");
    let (_, results) = app.page("/dk/online-therapy").await;
    assert!(results.contains(r#"href="/articles/online-therapy?country=dk&amp;hl=en""#), "results link to the article");
    assert_eq!(app.page("/articles/no-such-article").await.0, 404);
}

#[tokio::test]
async fn an_age_leaves_out_services_the_person_is_too_young_for() {
    let app = spawn().await;
    let (_, adults) = app.page("/au/online-therapy?age=30").await;
    let (_, child) = app.page("/au/online-therapy?age=12").await;
    assert!(adults.contains("MindSpot"));
    assert!(!child.contains(">MindSpot<"), "MindSpot is for adults");
    assert!(child.contains(r#"name="age" type="number" min="0" max="120" inputmode="numeric" value="12""#));
}

/// Slow clients cannot hold the server: a connection that does not finish its request headers in
/// time is closed, connections beyond the limit are closed at once, and others are still answered.
#[tokio::test]
async fn half_sent_requests_are_cut_off_and_connections_are_bounded() {
    use helpatlas::web::server::{serve, ConnectionLimits};
    use std::time::Duration;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio::net::TcpStream;

    let app = spawn().await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("port");
    let addr = listener.local_addr().expect("address");
    let limits = ConnectionLimits { header_read: Duration::from_secs(1), max_connections: 4, ..Default::default() };
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(serve(listener, helpatlas::web::router(app.state.clone()), limits, async {
        let _ = stopped.await;
    }));
    // Waits for the server to close the connection; a generous bound keeps a broken server from
    // hanging the suite, it is not a speed requirement.
    // Returns how many bytes came before the close, or None if it stayed open.
    async fn closed(stream: &mut TcpStream) -> Option<usize> {
        let (mut buf, mut received) = ([0u8; 1024], 0);
        loop {
            match tokio::time::timeout(Duration::from_secs(30), stream.read(&mut buf)).await {
                Ok(Ok(0)) | Ok(Err(_)) => return Some(received),
                Ok(Ok(n)) => received += n,
                Err(_) => return None,
            }
        }
    }
    let mut slow = Vec::new();
    for _ in 0..4 {
        let mut stream = TcpStream::connect(addr).await.expect("connect");
        stream.write_all(b"GET /no HTTP/1.1\r\nHost: x\r\nX-Slow: ").await.expect("half a request");
        slow.push(stream);
    }
    let mut extra = TcpStream::connect(addr).await.expect("the kernel accepts it");
    let _ = extra.write_all(b"GET /no HTTP/1.1\r\nHost: x\r\n\r\n").await;
    assert_eq!(closed(&mut extra).await, Some(0), "a connection over the limit is closed unanswered");
    for stream in &mut slow {
        assert!(closed(stream).await.is_some(), "a half-sent request is cut off");
    }
    let body = reqwest::get(format!("http://{addr}/no")).await.expect("answered").text().await.expect("body");
    assert!(body.contains("Hjelpetelefonen"), "the server still answers everyone else");
    let _ = stop.send(());
    server.await.expect("server task").expect("server stops cleanly");
}

/// Operators' endpoints: alive, ready with the index's version and age and the database's state,
/// and Prometheus metrics labelled by route template, never by what a visitor asked for.
#[tokio::test]
async fn health_readiness_and_metrics_answer_without_visitor_data() {
    let app = spawn().await;
    assert_eq!(app.page("/healthz").await, (200, "ok".to_string()));
    let (status, ready) = app.page("/readyz").await;
    assert_eq!(status, 200);
    let ready: serde_json::Value = serde_json::from_str(&ready).expect("json");
    assert_eq!(ready["database"], "reachable");
    assert_eq!(ready["index_change"].as_i64(), Some(app.state.index().change));
    assert!(ready["index_services"].as_u64().is_some_and(|n| n > 100));
    assert!(ready["index_age_seconds"].as_i64().is_some_and(|s| s >= 0));

    app.page("/no/search?q=zzsecretquery").await;
    app.page("/no/helplines?city=3143244").await;
    let (status, metrics) = app.page("/metrics").await;
    assert_eq!(status, 200);
    assert!(
        metrics.contains(r#"helpatlas_http_requests_total{route="/{country}/search",method="GET",status="200"}"#),
        "{metrics}"
    );
    assert!(metrics.contains("helpatlas_http_request_duration_seconds"), "{metrics}");
    assert!(metrics.contains("helpatlas_page_cache_lookups_total"), "{metrics}");
    assert!(metrics.contains("helpatlas_index_services"), "{metrics}");
    for private in ["zzsecretquery", "3143244", "127.0.0.1"] {
        assert!(!metrics.contains(private), "{private} leaked into the metrics");
    }

    app.state.store.close().await;
    let (status, ready) = app.page("/readyz").await;
    assert_eq!(status, 200, "pages are still served from the index");
    assert!(ready.contains(r#""database":"unreachable""#), "{ready}");
}
