//! The HSDS API over real HTTP: envelopes, caching headers, CORS, errors, and agreement with the index.

mod common;

use helpatlas::model::{Author, Directory, Kind, Location, Point};
use serde_json::Value;
use uuid::Uuid;

async fn json(app: &common::TestApp, path: &str) -> (u16, Value) {
    let response = app.get(path).await;
    let status = response.status().as_u16();
    (status, response.json().await.expect("JSON body"))
}

#[tokio::test]
async fn the_root_names_the_hsds_version_and_the_openapi_document() {
    let app = common::spawn().await;
    let (status, body) = json(&app, "/api/").await;
    assert_eq!(status, 200);
    assert_eq!(body["version"], "3.0");
    assert!(body["openapi_url"].as_str().is_some_and(|u| u.ends_with("/api/openapi.json")));
    let (status, openapi) = json(&app, "/api/openapi.json").await;
    assert_eq!(status, 200);
    assert!(openapi["openapi"].as_str().is_some_and(|v| v.starts_with("3.1")), "{}", openapi["openapi"]);
    assert!(openapi["paths"]["/api/services/{id}"].is_object());
}

#[tokio::test]
async fn services_are_paged_in_the_hsds_envelope_and_each_can_be_fetched() {
    let app = common::spawn().await;
    let (status, page) = json(&app, "/api/services?per_page=5&page=2").await;
    assert_eq!(status, 200);
    let total = app.state.index().len() as u64;
    assert_eq!(page["total_items"].as_u64(), Some(total));
    assert_eq!(page["total_pages"].as_u64(), Some(total.div_ceil(5)));
    assert_eq!((page["page_number"].as_u64(), page["size"].as_u64()), (Some(2), Some(5)));
    assert_eq!((page["first_page"].as_bool(), page["empty"].as_bool()), (Some(false), Some(false)));
    let id = page["contents"][0]["id"].as_str().expect("an id").to_string();
    let (status, service) = json(&app, &format!("/api/services/{id}")).await;
    assert_eq!(status, 200);
    assert_eq!(service["id"], id.as_str());
    assert!(service["organization"]["name"].is_string() && service["attributes"].is_array());
}

#[tokio::test]
async fn filters_combine_with_and() {
    let app = common::spawn().await;
    let index = app.state.index();
    let service = index.services().next().expect("a service");
    let path = format!(
        "/api/services?organization_id={}&taxonomy_term_id={}",
        service.organization_id,
        helpatlas::hsds::taxonomy::term_id(&format!("kind:{}", service.kind))
    );
    let (_, page) = json(&app, &path).await;
    let expected =
        index.services().filter(|s| s.organization_id == service.organization_id && s.kind == service.kind).count();
    assert_eq!(page["total_items"].as_u64(), Some(expected as u64));
    let (_, none) = json(&app, "/api/services?modified_after=2999-01-01").await;
    assert_eq!((none["total_items"].as_u64(), none["empty"].as_bool()), (Some(0), Some(true)));
}

#[tokio::test]
async fn answers_are_cacheable_and_open_to_any_origin() {
    let app = common::spawn().await;
    let response = app.get("/api/taxonomy_terms?per_page=3").await;
    assert_eq!(response.headers()["access-control-allow-origin"], "*");
    assert!(response.headers()["cache-control"].to_str().is_ok_and(|v| v.contains("max-age")));
    let etag = response.headers()["etag"].clone();
    let again = app
        .client
        .get(format!("{}/api/taxonomy_terms?per_page=3", app.base))
        .header("if-none-match", etag)
        .send()
        .await
        .expect("request");
    assert_eq!(again.status().as_u16(), 304);
}

#[tokio::test]
async fn bad_parameters_are_400_with_a_json_body() {
    let app = common::spawn().await;
    for (path, message) in [
        ("/api/services?page=0", "page: `0` is not a whole number from 1 to 1000"),
        ("/api/services?per_page=1000", "per_page: `1000` is not a whole number from 1 to 100"),
        ("/api/services?taxonomy_term_id=abc", "taxonomy_term_id: `abc` is not a UUID"),
        ("/api/services?format=xml", "format: `xml` is not json or ndjson"),
        ("/api/services/abc", "`abc` is not a UUID"),
        ("/api/search", "country: required (an ISO 3166-1 code, e.g. NO)"),
    ] {
        let (status, body) = json(&app, path).await;
        assert_eq!((status, body["message"].as_str()), (400, Some(message)), "{path}");
    }
    let (status, body) = json(&app, "/api/services/00000000-0000-4000-8000-000000000000").await;
    assert_eq!((status, body["status"].as_u64()), (404, Some(404)));
    assert_eq!(json(&app, "/api/no-such-thing").await.0, 404);
}

#[tokio::test]
async fn ndjson_lists_every_result_one_per_line() {
    let app = common::spawn().await;
    let response = app.get("/api/services?format=ndjson").await;
    assert_eq!(response.headers()["content-type"], "application/x-ndjson");
    let body = response.text().await.expect("body");
    assert_eq!(body.lines().count(), app.state.index().len());
    assert!(body.lines().all(|l| serde_json::from_str::<Value>(l).is_ok()));
}

#[tokio::test]
async fn search_exposes_the_public_filters_with_facets() {
    let app = common::spawn().await;
    let (status, body) = json(&app, "/api/search?country=NO&kind=helplines&per_page=3").await;
    assert_eq!(status, 200);
    assert!(body["total_items"].as_u64().is_some_and(|n| n > 0));
    assert!(body["contents"].as_array().is_some_and(|c| c.len() <= 3));
    assert!(body["facets"]["topic"].is_array() && body["facets"]["kind"].is_array());
    let (status, _) = json(&app, "/api/search?country=NO&topic=sadness").await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn service_at_locations_can_be_limited_to_a_distance_from_a_point_or_a_city() {
    let app = common::spawn().await;
    let near = |q: &str| format!("/api/service_at_locations?proximity={q}");
    let body: serde_json::Value = app.get(&near("-1.2833,36.8167,20000")).await.json().await.expect("json");
    let nairobi = body["total_items"].as_u64().expect("total");
    assert!(nairobi >= 1, "the bundled data has a hospital in Nairobi");
    let body: serde_json::Value = app.get(&near("Nairobi,20000")).await.json().await.expect("json");
    assert_eq!(body["total_items"].as_u64(), Some(nairobi), "a city name works like its coordinates");
    let body: serde_json::Value = app.get(&near("-45.0,170.0,1000")).await.json().await.expect("json");
    assert_eq!(body["total_items"], 0, "nothing within 1 km of a point at sea");
    assert_eq!(app.get(&near("91,0")).await.status().as_u16(), 400);
    assert_eq!(app.get(&near("Qqqxqqqville")).await.status().as_u16(), 404);
}

#[tokio::test]
async fn ndjson_streams_every_record_and_honours_its_etag() {
    let app = common::spawn().await;
    let page: Value = app.get("/api/services?per_page=1").await.json().await.expect("json");
    let total = page["total_items"].as_u64().expect("total") as usize;
    let response = app.get("/api/services?format=ndjson").await;
    assert_eq!(response.headers()["content-type"], "application/x-ndjson");
    let etag = response.headers()["etag"].to_str().expect("ascii").to_string();
    let body = response.text().await.expect("body");
    let lines: Vec<&str> = body.lines().collect();
    assert_eq!(lines.len(), total, "one line per service, not paged");
    assert!(lines.iter().all(|l| serde_json::from_str::<Value>(l).is_ok()));
    let again = app
        .client
        .get(format!("{}/api/services?format=ndjson", app.base))
        .header("if-none-match", &etag)
        .send()
        .await
        .expect("request");
    assert_eq!(again.status().as_u16(), 304);
    // Compressed, the stream is polled again after its end; it must still end with the last chunk (it once
    // panicked there and the connection broke off). Read over a raw connection to see the chunk framing.
    for path in [
        "/api/services?format=ndjson",
        "/api/organizations?format=ndjson&organization_id=e3e70682-c209-1cac-a29f-6fbed82c07cd",
    ] {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let mut stream = tokio::net::TcpStream::connect(app.base.trim_start_matches("http://")).await.expect("connect");
        let request = format!("GET {path} HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\nConnection: close\r\n\r\n");
        stream.write_all(request.as_bytes()).await.expect("send");
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).await.expect("read");
        assert!(raw.ends_with(b"0\r\n\r\n"), "{path}: the chunked body ends with its last chunk");
    }
}

/// An organization with five locations stored beside the bundled data: two near each other in London
/// (`SW1A 1AA`, `SW1A 2AA`), two with the postal code `X1000` in Oslo and in Brussels (made up, so that
/// no bundled location shares it), used by two services, and one in Bergen no service uses. Waits until the server's index has them.
async fn with_postcodes(app: &common::TestApp) -> (Uuid, Vec<Uuid>) {
    let mut directory = app.state.store.load_directory().await.expect("load");
    let mut organization = directory.organizations[0].clone();
    organization.id = Uuid::new_v4();
    organization.name = "Postcode test organization".into();
    let template = directory.locations[0].clone();
    let places = [
        ("SW1A 1AA", "GB", 51.5010, -0.1416),
        ("SW1A 2AA", "GB", 51.5034, -0.1276),
        ("X1000", "NO", 59.9139, 10.7522),
        ("X1000", "BE", 50.8503, 4.3517),
        ("5003", "NO", 60.3913, 5.3221),
    ];
    let locations: Vec<Location> = places
        .iter()
        .map(|(postcode, country, lat, lon)| Location {
            id: Uuid::new_v4(),
            organization_id: organization.id,
            postal_code: Some(postcode.to_string()),
            country: country.parse().expect("a country code"),
            point: Point { lat: *lat, lon: *lon },
            ..template.clone()
        })
        .collect();
    let mut service = directory.services.iter().find(|s| s.kind == Kind::InPerson).expect("in person").clone();
    service.organization_id = organization.id;
    let services: Vec<_> = [[0, 2], [1, 3]]
        .iter()
        .map(|used| {
            let mut s = service.clone();
            s.id = Uuid::new_v4();
            s.location_ids = used.iter().map(|i| locations[*i].id).collect();
            s
        })
        .collect();
    let ids = locations.iter().map(|l| l.id).collect();
    directory = Directory { organizations: vec![organization.clone()], locations, services };
    app.state.store.upsert(&directory, &Author::System).await.expect("upsert");
    for _ in 0..50 {
        if app.state.index().organization(organization.id).is_some() {
            return (organization.id, ids);
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    panic!("the server's index did not take the new records within 10 seconds");
}

fn location_ids(page: &Value) -> Vec<String> {
    let contents = page["contents"].as_array().expect("contents");
    contents.iter().map(|c| c["location_id"].as_str().expect("location_id").to_string()).collect()
}

#[tokio::test]
async fn postcode_filters_service_at_locations_or_centres_a_proximity() {
    let app = common::spawn().await;
    let (_, l) = with_postcodes(&app).await;
    let app = &app;
    let page = |q: &str| {
        let path = format!("/api/service_at_locations?{q}");
        async move { json(app, &path).await }
    };
    let (status, body) = page("postcode=sw1a%201aa").await;
    assert_eq!(status, 200);
    assert_eq!(location_ids(&body), vec![l[0].to_string()], "case and spaces do not matter");
    // Within 3 km of the centroid of `SW1A 1AA`: both London locations, nearest first.
    let (_, body) = page("postcode=SW1A1AA&proximity=3000").await;
    assert_eq!(location_ids(&body), vec![l[0].to_string(), l[1].to_string()]);
    // `X1000` is in Oslo and in Brussels: one centroid per country, each location near its own.
    let (_, body) = page("postcode=x1000&proximity=1000").await;
    let mut found = location_ids(&body);
    found.sort();
    let mut expected = vec![l[2].to_string(), l[3].to_string()];
    expected.sort();
    assert_eq!(found, expected);
    // With coordinates, the postcode stays a filter: both must hold.
    let (_, body) = page("postcode=SW1A1AA&proximity=51.5034,-0.1276,500").await;
    assert_eq!(body["total_items"], 0, "SW1A 1AA is 1 km from that point");
    let (_, body) = page("postcode=SW1A1AA&proximity=51.5010,-0.1416,500").await;
    assert_eq!(location_ids(&body), vec![l[0].to_string()]);
    for query in ["postcode=ZZ99%209ZZ", "postcode=ZZ999ZZ&proximity=5000"] {
        let (status, body) = page(query).await;
        assert_eq!(
            (status, &body["total_items"], &body["empty"]),
            (200, &Value::from(0), &Value::from(true)),
            "{query}"
        );
    }
    for query in ["postcode=", "postcode=%20", &format!("postcode={}", "9".repeat(33)), "proximity=5000"] {
        let (status, body) = page(query).await;
        assert_eq!((status, body["status"].as_u64()), (400, Some(400)), "{query}");
    }
}

#[tokio::test]
async fn an_organization_lists_every_location_also_those_no_service_uses() {
    let app = common::spawn().await;
    let (organization, mut locations) = with_postcodes(&app).await;
    let (status, body) = json(&app, &format!("/api/organizations/{organization}")).await;
    assert_eq!(status, 200);
    let listed: Vec<&str> =
        body["locations"].as_array().expect("locations").iter().filter_map(|l| l["id"].as_str()).collect();
    locations.sort();
    assert_eq!(listed, locations.iter().map(Uuid::to_string).collect::<Vec<_>>(), "all five, ordered by id");
    assert_eq!(body["services"].as_array().map(Vec::len), Some(2));
}

#[tokio::test]
async fn the_search_filter_finds_exactly_the_services_whose_words_start_with_the_query_words() {
    let app = common::spawn().await;
    let index = app.state.index();
    let fold = helpatlas::geo::fold;
    let words_of = |s: &helpatlas::model::Service| {
        let organization = index.organization(s.organization_id).map(|o| o.name).unwrap_or_default();
        let text = format!("{} {} {} {organization}", s.name, s.alternate_name.as_deref().unwrap_or(""), s.description);
        fold(&text).split(' ').map(String::from).collect::<Vec<_>>()
    };
    let sample = index.services().find(|s| s.description.split(' ').count() > 3).expect("a described service");
    let own = words_of(&sample);
    let long: Vec<&String> = own.iter().filter(|w| w.chars().count() >= 5).collect();
    // Word starts from its name and from its description, in another case: prefixes, not whole words.
    let starts: Vec<String> =
        [long.first(), long.last()].into_iter().flatten().map(|w| w.chars().take(4).collect()).collect();
    let text = starts.join(" ").to_uppercase();
    let mut expected: Vec<String> = index
        .services()
        .filter(|s| {
            let words = words_of(s);
            starts.iter().all(|p| words.iter().any(|w| w.starts_with(p.as_str())))
        })
        .map(|s| s.id.to_string())
        .collect();
    expected.sort();
    let (status, page) = json(&app, &format!("/api/services?per_page=100&search={}", text.replace(' ', "+"))).await;
    assert_eq!(status, 200);
    let found: Vec<String> =
        page["contents"].as_array().into_iter().flatten().filter_map(|s| s["id"].as_str().map(String::from)).collect();
    assert_eq!(page["total_items"].as_u64(), Some(expected.len() as u64), "{text}");
    assert_eq!(found, expected[..expected.len().min(100)], "{text}");
    assert!(expected.contains(&sample.id.to_string()), "{text}");
    let (_, none) = json(&app, "/api/services?search=zzzqqq").await;
    assert_eq!(none["total_items"].as_u64(), Some(0));
}
