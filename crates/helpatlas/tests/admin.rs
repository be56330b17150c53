//! The editors' area's security over real HTTP: who may use which route (every route of the router,
//! every method), CSRF, sessions, sign-in throttling, no account enumeration, and that the public
//! site never sets a cookie.

mod common;

use common::browser::{account, hidden, signed_in, Browser, PASSWORD};
use helpatlas::auth::Actor;
use helpatlas::bundled::{record_id, service_id, RecordKind};
use helpatlas::model::Role;
use helpatlas::web::admin::{route_list, Access};
use reqwest::Method;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Who {
    Anonymous,
    Editor,
    Admin,
    Disabled,
}

/// What a request should get: an exact status, or (for a form its sender may send) a handled answer:
/// the form refused for its content or done, never refused for who sent it.
#[derive(Debug, PartialEq)]
enum Expect {
    Status(u16),
    SignIn,
    Handled,
}

fn expected(access: Access, who: Who, method: &Method, path: &str) -> Expect {
    let signed = matches!(who, Who::Editor | Who::Admin);
    match (access, method == Method::GET) {
        // Sign-in and setup pages: a signed-in person is sent on; forms need the signed form token.
        (Access::Open, true) if path.starts_with("/admin/setup") => Expect::Status(404),
        (Access::Open, true) if signed => Expect::Status(303),
        (Access::Open, true) => Expect::Status(200),
        (Access::Open, false) => Expect::Status(403),
        (_, true) if !signed => Expect::SignIn,
        (_, false) if !signed => Expect::Status(401),
        (Access::Admin, _) if who == Who::Editor => Expect::Status(403),
        (_, true) => Expect::Status(200),
        (_, false) => Expect::Handled,
    }
}

fn fill(path: &str, user: &str, submission: &str) -> String {
    let id = if path.starts_with("/admin/queue") {
        submission.to_string()
    } else if path.starts_with("/admin/services") {
        service_id("gb-samaritans").to_string()
    } else if path.starts_with("/admin/organizations") {
        record_id(RecordKind::Organization, "gb-samaritans-org").to_string()
    } else if path.starts_with("/admin/locations") {
        record_id(RecordKind::Location, "au-mmhc-penrith").to_string()
    } else {
        user.to_string()
    };
    path.replace("{id}", &id).replace("{token}", "not-a-setup-token").replace("{name}", FEED)
}

/// The followed feed the feeds' routes act on.
const FEED: &str = "followed";

/// A suggestion in the queue, for the queue's routes.
async fn queued_suggestion(app: &common::TestApp) -> String {
    use helpatlas::moderation::{Content, NewSubmission, SuggestionText};
    let id = uuid::Uuid::now_v7();
    let suggestion = NewSubmission {
        id,
        created_at: chrono::Utc::now(),
        country: "GB".into(),
        kind: String::new(),
        service_id: None,
        reason: None,
        urgent: false,
        content: Content::Suggestion(SuggestionText {
            name: "A line".into(),
            reach: "+44 20 7946 0958".into(),
            ..Default::default()
        }),
    };
    app.state.store.add_submission(&suggestion).await.expect("queued");
    id.to_string()
}

#[tokio::test]
async fn every_route_answers_each_kind_of_visitor_as_its_access_says() {
    let app = common::spawn().await;
    let target = account(&app, "target@example.org", Role::Editor).await;
    let (editor, _) = signed_in(&app, "editor@example.org", Role::Editor).await;
    let (admin, _) = signed_in(&app, "admin@example.org", Role::Admin).await;
    let (disabled, disabled_user) = signed_in(&app, "disabled@example.org", Role::Editor).await;
    let auth = &app.state.admin.as_ref().expect("admin").auth;
    auth.set_disabled(&disabled_user, true, &Actor::CommandLine).await.expect("disable");
    let submission = queued_suggestion(&app).await;
    let feed = helpatlas::feeds::Subscription {
        name: FEED.into(),
        url: "http://127.0.0.1:9/never-pulled".into(),
        every_hours: 6,
        countries: Vec::new(),
        kinds: Vec::new(),
        licence: String::new(),
    };
    helpatlas::feeds::add(app.state.store.as_ref(), feed, chrono::Utc::now()).await.expect("feed");
    let routes = route_list();
    assert!(routes.len() >= 40, "{} routes", routes.len());
    let mut checked = 0;
    let mut failures = Vec::new();
    let methods = [Method::GET, Method::POST, Method::PUT, Method::DELETE, Method::PATCH];
    let mut paths: Vec<&str> = routes.iter().map(|(p, _, _)| *p).collect();
    paths.dedup();
    for path in paths {
        // Signing out ends the session: it is checked last, below.
        if path == "/admin/logout" {
            continue;
        }
        let url = fill(path, &target.id.to_string(), &submission);
        for method in &methods {
            let route = routes.iter().find(|(p, m, _)| *p == path && m == method);
            for (who, browser) in [
                (Who::Anonymous, None),
                (Who::Editor, Some(&editor)),
                (Who::Admin, Some(&admin)),
                (Who::Disabled, Some(&disabled)),
            ] {
                let mut b = browser.map_or_else(|| Browser::new(&app), |b| b.on(&app.base));
                let csrf = if *method == Method::GET || browser.is_none() {
                    String::new()
                } else {
                    hidden(&b.get("/admin/account").await.body, "csrf").unwrap_or_default()
                };
                let answer = b.request(method.clone(), &url, &[("csrf", csrf.as_str())]).await;
                let want = match route {
                    None => Expect::Status(405),
                    Some((_, _, access)) => expected(*access, who, method, path),
                };
                let ok = match &want {
                    Expect::Status(s) => answer.status == *s,
                    Expect::SignIn => {
                        answer.status == 303
                            && answer.location.as_deref().is_some_and(|l| l.starts_with("/admin/login?next="))
                    }
                    Expect::Handled => matches!(answer.status, 200 | 201 | 303 | 400 | 409 | 422),
                };
                if !ok {
                    failures.push(format!(
                        "{method} {url} as {who:?}: got {} (location {:?}), want {want:?}",
                        answer.status, answer.location
                    ));
                }
                checked += 1;
            }
        }
    }
    for (who, browser) in [(Who::Editor, editor), (Who::Admin, admin)] {
        let mut b = browser;
        let answer = b.submit("/admin/account", "/admin/logout", &[]).await;
        assert_eq!(
            (answer.status, answer.location.as_deref()),
            (303, Some("/admin/login?notice=signed-out")),
            "{who:?}"
        );
        assert_eq!(b.get("/admin").await.status, 303, "{who:?} is signed out");
    }
    assert_eq!(Browser::new(&app).post("/admin/logout", &[]).await.status, 401);
    assert!(failures.is_empty(), "{} of {checked} checks failed:\n{}", failures.len(), failures.join("\n"));
}

#[tokio::test]
async fn a_form_without_its_own_sessions_token_is_refused_and_changes_nothing() {
    let app = common::spawn().await;
    let (mut editor, _) = signed_in(&app, "editor@example.org", Role::Editor).await;
    let (mut other, _) = signed_in(&app, "other@example.org", Role::Editor).await;
    let id = service_id("gb-samaritans");
    let page = format!("/admin/services/{id}/retire");
    let version = hidden(&editor.get(&page).await.body, "version").expect("version");
    let others_token = hidden(&other.get("/admin/account").await.body, "csrf").expect("token");
    let fields = |csrf: &'static str| {
        vec![
            ("version", version.clone()),
            ("status", "defunct".to_string()),
            ("reason", "Closed".to_string()),
            ("csrf", csrf.to_string()),
        ]
    };
    for (case, csrf) in [("missing", None), ("wrong", Some("0".repeat(64))), ("another session's", Some(others_token))]
    {
        let mut form: Vec<(String, String)> =
            fields("").into_iter().filter(|(k, _)| *k != "csrf").map(|(k, v)| (k.to_string(), v)).collect();
        if let Some(token) = csrf {
            form.push(("csrf".into(), token));
        }
        let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let answer = editor.post(&page, &pairs).await;
        assert_eq!(answer.status, 403, "{case} token");
        assert!(answer.body.contains("Nothing was saved"), "{case}");
        let stored = app.state.store.service(id).await.expect("read").expect("service");
        assert!(!stored.is_retired(), "{case} token changed nothing");
    }
    let answer =
        editor.submit(&page, &page, &[("version", &version), ("status", "defunct"), ("reason", "Closed")]).await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    assert!(app.state.store.service(id).await.expect("read").expect("service").is_retired());
    let cross_site = app
        .client
        .post(format!("{}/admin/services/{id}/restore", app.base))
        .header("cookie", format!("helpatlas_session={}", editor.session().expect("session")))
        .header("sec-fetch-site", "cross-site")
        .header("content-type", "application/x-www-form-urlencoded")
        .body("csrf=x")
        .send()
        .await
        .expect("request");
    assert_eq!(cross_site.status().as_u16(), 403, "a form from another site");
}

#[tokio::test]
async fn signing_in_starts_a_new_session_and_signing_out_ends_it() {
    let app = common::spawn().await;
    account(&app, "kari@example.org", Role::Editor).await;
    let mut browser = Browser::new(&app);
    browser.cookies.insert("helpatlas_session".into(), "attacker-chosen-value".into());
    assert_eq!(browser.get("/admin").await.status, 303, "a made-up session is no session");
    let answer = browser.sign_in("kari@example.org", PASSWORD).await;
    assert_eq!(answer.status, 303);
    let cookie = answer.cookies.iter().find(|c| c.starts_with("helpatlas_session=")).expect("session cookie");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/admin"),
        "{cookie}"
    );
    assert!(!cookie.contains("Secure"), "plain HTTP without a trusted proxy: {cookie}");
    let token = browser.session().expect("session").clone();
    assert_ne!(token, "attacker-chosen-value");
    assert_eq!(browser.get("/admin").await.status, 200);
    let mut again = Browser::new(&app);
    again.sign_in("kari@example.org", PASSWORD).await;
    assert_ne!(again.session(), Some(&token), "each sign-in has its own session");
    let answer = browser.submit("/admin", "/admin/logout", &[]).await;
    assert_eq!(answer.status, 303);
    assert!(answer.cookies.iter().any(|c| c.starts_with("helpatlas_session=;") && c.contains("Max-Age=0")));
    let mut replay = Browser::new(&app);
    replay.cookies.insert("helpatlas_session".into(), token);
    assert_eq!(replay.get("/admin").await.status, 303, "a signed-out session stays dead");
    assert_eq!(again.get("/admin").await.status, 200, "other sessions go on");
}

/// Moves every session's clock back, as if `idle` seconds passed since its last request and
/// `age` seconds since sign-in.
async fn age_sessions(app: &common::TestApp, idle: i64, age: i64) {
    let url = format!("sqlite://{}", app.data_dir.path().join("helpatlas.db").display());
    let pool = sqlx::SqlitePool::connect(&url).await.expect("database");
    sqlx::query("UPDATE sessions SET last_seen_at = last_seen_at - ?, created_at = created_at - ?")
        .bind(idle)
        .bind(age)
        .execute(&pool)
        .await
        .expect("update");
    pool.close().await;
}

#[tokio::test]
async fn sessions_end_after_an_idle_hour_and_after_twelve_hours_in_all() {
    let app = common::spawn().await;
    let (mut browser, _) = signed_in(&app, "kari@example.org", Role::Editor).await;
    age_sessions(&app, 50 * 60, 50 * 60).await;
    assert_eq!(browser.get("/admin").await.status, 200, "50 idle minutes are fine, and the request counts as activity");
    age_sessions(&app, 61 * 60, 0).await;
    assert_eq!(browser.get("/admin").await.status, 303, "61 idle minutes end it");
    let mut browser = Browser::new(&app);
    browser.sign_in("kari@example.org", PASSWORD).await;
    for hours in [4, 8, 11] {
        age_sessions(&app, 0, if hours == 11 { 3 * 3600 } else { 4 * 3600 }).await;
        assert_eq!(browser.get("/admin").await.status, 200, "{hours} hours after sign-in");
    }
    age_sessions(&app, 0, 3600).await;
    assert_eq!(browser.get("/admin").await.status, 303, "12 hours after sign-in, however active");
}

#[tokio::test]
async fn repeated_failures_are_throttled_alike_for_real_and_unknown_accounts() {
    let app = common::spawn().await;
    account(&app, "kari@example.org", Role::Editor).await;
    let disabled = account(&app, "ola@example.org", Role::Editor).await;
    let auth = &app.state.admin.as_ref().expect("admin").auth;
    auth.set_disabled(&disabled, true, &Actor::CommandLine).await.expect("disable");
    let refusal = |body: &str| body.contains("That email and password do not match an active account.");
    let mut messages = Vec::new();
    for (email, password) in
        [("kari@example.org", "wrong password!!"), ("nobody@example.org", PASSWORD), ("ola@example.org", PASSWORD)]
    {
        let answer = Browser::new(&app).sign_in(email, password).await;
        assert_eq!(answer.status, 401, "{email}");
        assert!(refusal(&answer.body), "{email}: the same words for every refusal");
        messages.push(
            answer
                .body
                .replace(email, "EMAIL")
                .replace(&hidden(&answer.body, "form_token").unwrap_or_default(), "TOKEN"),
        );
    }
    assert!(messages.windows(2).all(|w| w[0] == w[1]), "refusals cannot be told apart");
    for email in ["kari@example.org", "nobody@example.org"] {
        for attempt in 2..=5 {
            assert_eq!(
                Browser::new(&app).sign_in(email, "wrong password!!").await.status,
                401,
                "{email} attempt {attempt}"
            );
        }
        let answer = Browser::new(&app).sign_in(email, PASSWORD).await;
        assert_eq!(answer.status, 429, "{email}: the sixth attempt waits, even with the right password");
        assert!(answer.body.contains("Too many failed sign-ins"), "{email}");
    }
    let log = auth.audit_log(Some("sign-in-failed"), None, 100).await.expect("audit");
    assert_eq!(log.len(), 11, "every failure is in the audit log");
    assert!(log.iter().all(|e| !e.detail.contains(PASSWORD)), "no password in the log");
}

#[tokio::test]
async fn the_public_site_never_sets_a_cookie_and_admin_cookies_stay_under_admin() {
    let app = common::spawn().await;
    let (mut editor, _) = signed_in(&app, "kari@example.org", Role::Editor).await;
    let id = service_id("gb-samaritans");
    for path in [
        "/",
        "/no",
        "/no/helplines",
        "/gb/search?q=anxiety",
        &format!("/services/{id}"),
        "/articles",
        "/places?q=oslo",
        "/api/services",
        "/api/search?country=NO",
        "/zz",
        "/static/site.css",
        "/static/admin.css",
    ] {
        let response = app
            .client
            .get(format!("{}{path}", app.base))
            .header("cookie", format!("helpatlas_session={}", editor.session().expect("session")))
            .send()
            .await
            .expect("request");
        assert!(response.headers().get("set-cookie").is_none(), "{path} sets a cookie");
    }
    let login = editor.get("/admin/login").await;
    assert!(login.cookies.is_empty() || login.cookies.iter().all(|c| c.contains("Path=/admin")));
    let answer = Browser::new(&app).get("/admin/login").await;
    assert!(
        !answer.cookies.is_empty()
            && answer.cookies.iter().all(|c| c.contains("Path=/admin") && c.contains("HttpOnly"))
    );
}

#[tokio::test]
async fn a_setup_link_sets_a_password_once() {
    let app = common::spawn().await;
    let auth = &app.state.admin.as_ref().expect("admin").auth;
    let issued = auth.add_user("new@example.org", Role::Editor, None, &Actor::CommandLine).await.expect("account");
    let token = issued.setup_token.expect("a setup link");
    let page = format!("/admin/setup/{token}");
    let mut browser = Browser::new(&app);
    let form = browser.get(&page).await;
    assert_eq!(form.status, 200);
    let form_token = hidden(&form.body, "form_token").expect("token");
    let answer = browser
        .post(&page, &[("form_token", &form_token), ("password", "password1234"), ("confirm", "password1234")])
        .await;
    assert_eq!(answer.status, 422);
    assert!(answer.body.contains("common passwords"), "{}", answer.body);
    let form_token = hidden(&answer.body, "form_token").expect("token");
    let answer = browser
        .post(
            &page,
            &[
                ("form_token", &form_token),
                ("password", "a quiet walk by the fjord"),
                ("confirm", "a quiet walk by the fjord"),
            ],
        )
        .await;
    assert_eq!((answer.status, answer.location.as_deref()), (303, Some("/admin/login?notice=password-set")));
    assert_eq!(browser.get(&page).await.status, 404, "the link is spent");
    assert_eq!(Browser::new(&app).sign_in("new@example.org", "a quiet walk by the fjord").await.status, 303);
}

#[tokio::test]
async fn admins_add_disable_and_reset_accounts_and_see_it_all_in_the_audit_log() {
    let app = common::spawn().await;
    let (mut admin, _) = signed_in(&app, "admin@example.org", Role::Admin).await;
    let answer =
        admin.submit("/admin/users", "/admin/users", &[("email", "Kari@Example.org"), ("role", "editor")]).await;
    assert_eq!(answer.status, 201, "{}", answer.body);
    let link_start = answer.body.find("/admin/setup/").expect("setup link shown once");
    let token: String = answer.body[link_start + 13..].chars().take_while(char::is_ascii_hexdigit).collect();
    assert_eq!(token.len(), 64);
    let again =
        admin.submit("/admin/users", "/admin/users", &[("email", "kari@example.org"), ("role", "editor")]).await;
    assert_eq!(again.status, 422, "the email is taken, in any case");
    let kari = app.state.admin.as_ref().expect("admin").auth.user_by_email("kari@example.org").await.expect("kari");
    let answer = admin.submit("/admin/users", &format!("/admin/users/{}", kari.id), &[("action", "disable")]).await;
    assert_eq!(answer.status, 303);
    let audit = admin.get("/admin/audit").await.body;
    for event in ["user-added", "user-disabled", "sign-in"] {
        assert!(audit.contains(event), "{event} in the audit log");
    }
    let me = app.state.admin.as_ref().expect("admin").auth.user_by_email("admin@example.org").await.expect("me");
    let own = admin
        .submit("/admin/users", &format!("/admin/users/{}", me.id), &[("action", "role"), ("role", "editor")])
        .await;
    assert_eq!(own.status, 422, "an admin cannot demote themselves");
}
