//! Several servers on one PostgreSQL database, as an operator runs replicas: sessions, throttling and
//! edits are shared, and the public pages keep serving when the database goes away while edits fail
//! clearly and lose nothing.

mod common;

use common::browser::{account, hidden, signed_in, Browser, PASSWORD};
use common::postgres::{drop_postgres, fresh_postgres};
use helpatlas::bundled::service_id;
use helpatlas::model::Role;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

/// Polls `path` on `app` until `check` holds; how long it took.
async fn until(app: &common::TestApp, path: &str, check: impl Fn(u16, &str) -> bool) -> Option<Duration> {
    let started = Instant::now();
    for _ in 0..200 {
        let (status, body) = app.page(path).await;
        if check(status, &body) {
            return Some(started.elapsed());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    None
}

#[tokio::test]
async fn replicas_share_sessions_throttling_and_every_edit() {
    let (url, name) = fresh_postgres().await;
    let a = common::spawn_with(Some(url.clone())).await;
    let b = common::spawn_with(Some(url)).await;
    let (mut on_a, _) = signed_in(&a, "kari@example.org", Role::Editor).await;
    let mut on_b = on_a.on(&b.base);
    assert_eq!(on_b.get("/admin").await.status, 200, "a session made on one replica is valid on the other");

    let id = service_id("gb-samaritans");
    let page = format!("/admin/services/{id}/retire");
    let version = hidden(&on_a.get(&page).await.body, "version").expect("version");
    let answer = on_a
        .submit(&page, &page, &[("version", &version), ("status", "inactive"), ("reason", "Paused for renovation.")])
        .await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    let took =
        until(&b, &format!("/services/{id}"), |status, _| status == 404).await.expect("retired on the other replica");
    println!("a retirement on replica A left replica B's public pages after {} ms", took.as_millis());
    let answer = on_b
        .submit(
            &page,
            &format!("/admin/services/{id}/restore"),
            &[("version", &(version.parse::<i64>().expect("n") + 1).to_string())],
        )
        .await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    let took =
        until(&a, &format!("/services/{id}"), |status, _| status == 200).await.expect("restored on the other replica");
    println!("a restore on replica B reached replica A's public pages after {} ms", took.as_millis());

    account(&a, "ola@example.org", Role::Editor).await;
    for _ in 0..5 {
        assert_eq!(Browser::new(&a).sign_in("ola@example.org", "wrong password!!").await.status, 401);
    }
    assert_eq!(Browser::new(&b).sign_in("ola@example.org", PASSWORD).await.status, 429, "failures on A count on B");
    drop(a);
    drop(b);
    drop_postgres(&name).await;
}

/// A TCP relay to PostgreSQL that can be cut and restored, to take the database away from a server.
struct Relay {
    port: u16,
    tasks: Arc<Mutex<Vec<JoinHandle<()>>>>,
}

impl Relay {
    async fn start(port: u16) -> Relay {
        let listener = TcpListener::bind(("127.0.0.1", port)).await.expect("relay port");
        let port = listener.local_addr().expect("address").port();
        let tasks: Arc<Mutex<Vec<JoinHandle<()>>>> = Arc::default();
        let inner = tasks.clone();
        let accept = tokio::spawn(async move {
            while let Ok((mut client, _)) = listener.accept().await {
                let connection = tokio::spawn(async move {
                    if let Ok(mut server) = TcpStream::connect("127.0.0.1:5432").await {
                        let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
                    }
                });
                inner.lock().expect("lock").push(connection);
            }
        });
        tasks.lock().expect("lock").push(accept);
        Relay { port, tasks }
    }

    fn cut(&self) {
        for task in self.tasks.lock().expect("lock").drain(..) {
            task.abort();
        }
    }
}

#[tokio::test]
async fn without_the_database_public_pages_still_serve_and_a_refused_edit_keeps_what_was_typed() {
    let (url, name) = fresh_postgres().await;
    let relay = Relay::start(0).await;
    let relayed = url.replace("127.0.0.1:5432", &format!("127.0.0.1:{}", relay.port));
    assert_ne!(relayed, url, "the test database is on 127.0.0.1:5432");
    let app = common::spawn_with(Some(relayed)).await;
    let (mut editor, _) = signed_in(&app, "kari@example.org", Role::Editor).await;
    let id = service_id("gb-samaritans");
    let page = format!("/admin/services/{id}/retire");
    let form = editor.get(&page).await.body;
    let (csrf, version) = (hidden(&form, "csrf").expect("csrf"), hidden(&form, "version").expect("version"));

    relay.cut();
    for path in ["/gb", &format!("/services/{id}"), "/gb/helplines", "/api/services"] {
        assert_eq!(app.page(path).await.0, 200, "{path} serves from the index");
    }
    let fields = [
        ("csrf", csrf.as_str()),
        ("version", version.as_str()),
        ("status", "defunct"),
        ("reason", "Typed while the database was away."),
    ];
    let answer = editor.post(&page, &fields).await;
    assert_eq!(answer.status, 503);
    assert!(answer.body.contains("Not saved: the database cannot be reached"));
    assert!(answer.body.contains("Typed while the database was away."), "what was typed is on the page");
    assert!(
        answer.body.contains(r#"name="reason" value="Typed while the database was away.""#),
        "and in a form to send again"
    );

    let back = Relay::start(relay.port).await;
    let mut sent = None;
    for _ in 0..50 {
        let answer = editor.post(&page, &fields).await;
        if answer.status != 503 {
            sent = Some(answer.status);
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(sent, Some(303), "sent again once the database is back, it saves");
    assert!(app.state.store.service(id).await.expect("read").expect("service").is_retired());
    drop(app);
    back.cut();
    drop_postgres(&name).await;
}
