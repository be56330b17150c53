//! A rolling restart of two `helpatlas serve` processes on one PostgreSQL database, under steady
//! load: `SIGTERM` lets the requests in flight finish and refuses new connections, so a client that,
//! like a load balancer, sends a request whose connection was refused (or closed before any answer)
//! to the other replica sees no request fail.

mod common;

use common::postgres::{drop_postgres, fresh_postgres};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").expect("port").local_addr().expect("address").port()
}

fn serve(url: &str, port: u16, data: &std::path::Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_helpatlas"))
        .args(["serve", "--bind", &format!("127.0.0.1:{port}"), "--database", url, "--data-dir"])
        .arg(data)
        .env_remove("HELPATLAS_DATA_DIR")
        .env("HELPATLAS_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("serve starts")
}

async fn until_ready(client: &reqwest::Client, port: u16) {
    for _ in 0..600 {
        if client.get(format!("http://127.0.0.1:{port}/readyz")).send().await.is_ok_and(|r| r.status() == 200) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the replica on port {port} did not become ready");
}

fn terminate(child: &Child) {
    let status = Command::new("kill").args(["-TERM", &child.id().to_string()]).status().expect("kill runs");
    assert!(status.success());
}

/// Whether the request never reached a server: a load balancer sends it to another replica.
fn not_delivered(error: &reqwest::Error) -> bool {
    error.is_connect() || (error.is_request() && !error.is_timeout())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn restarting_one_of_two_replicas_fails_no_request() {
    let (url, name) = fresh_postgres().await;
    let data = tempfile::tempdir().expect("data directory");
    let ports = [free_port(), free_port()];
    // The first start migrates and loads the bundled data; the second replica finds it there.
    let mut first = serve(&url, ports[0], data.path());
    let client = reqwest::Client::builder().timeout(Duration::from_secs(30)).build().expect("client");
    until_ready(&client, ports[0]).await;
    let second = serve(&url, ports[1], data.path());
    until_ready(&client, ports[1]).await;

    let stop = Arc::new(AtomicBool::new(false));
    let (answered, redirected) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    let paths = ["/no", "/no/helplines", "/se/search?q=angst", "/api/search?country=gb&q=samaritans", "/gb/helplines"];
    let workers: Vec<_> = (0..4)
        .map(|worker| {
            let (client, stop, answered, redirected) =
                (client.clone(), Arc::clone(&stop), Arc::clone(&answered), Arc::clone(&redirected));
            tokio::spawn(async move {
                let mut n = worker;
                while !stop.load(Ordering::Relaxed) {
                    let path = paths[n % paths.len()];
                    let mut delivered = None;
                    for attempt in 0..2 {
                        let port = ports[(n + attempt) % 2];
                        match client.get(format!("http://127.0.0.1:{port}{path}")).send().await {
                            Ok(response) => {
                                delivered = Some(response);
                                break;
                            }
                            Err(e) if not_delivered(&e) => {
                                redirected.fetch_add(1, Ordering::Relaxed);
                            }
                            Err(e) => panic!("{path} on port {port} failed after it was sent: {e}"),
                        }
                    }
                    let response = delivered.unwrap_or_else(|| panic!("{path}: neither replica took it"));
                    let status = response.status();
                    let body = response.text().await.unwrap_or_else(|e| panic!("{path}: the body was cut: {e}"));
                    assert_eq!(status, 200, "{path}: {body}");
                    answered.fetch_add(1, Ordering::Relaxed);
                    n += 1;
                }
            })
        })
        .collect();

    tokio::time::sleep(Duration::from_secs(2)).await;
    let before_restart = answered.load(Ordering::Relaxed);
    terminate(&first);
    let exit = tokio::task::spawn_blocking(move || {
        let status = first.wait().expect("wait");
        (first, status)
    });
    let (_, status) = exit.await.expect("task");
    assert!(status.success(), "a replica stopped by SIGTERM exits cleanly: {status:?}");
    tokio::time::sleep(Duration::from_secs(1)).await;
    first = serve(&url, ports[0], data.path());
    until_ready(&client, ports[0]).await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    stop.store(true, Ordering::Relaxed);
    for worker in workers {
        worker.await.expect("no request failed");
    }
    println!(
        "{} requests answered ({before_restart} before the restart), {} sent to the other replica",
        answered.load(Ordering::Relaxed),
        redirected.load(Ordering::Relaxed)
    );
    for mut child in [first, second] {
        terminate(&child);
        let _ = child.wait();
    }
    drop_postgres(&name).await;
}
