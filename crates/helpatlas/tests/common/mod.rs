//! Starts the real application on a free port with a fresh data directory.

#![allow(dead_code)]

use helpatlas::app;
use helpatlas::config::DataConfig;
use helpatlas::web::AppState;
use tempfile::TempDir;
use tokio::sync::oneshot;

pub struct TestApp {
    pub base: String,
    pub state: AppState,
    pub client: reqwest::Client,
    pub data_dir: TempDir,
    _shutdown: oneshot::Sender<()>,
}

pub async fn spawn() -> TestApp {
    spawn_with(None).await
}

/// The application on `database` (a PostgreSQL URL), or on SQLite in a fresh data directory.
pub async fn spawn_with(database: Option<String>) -> TestApp {
    spawn_full(database, helpatlas::moderation::IntakeSettings::default()).await
}

/// The application with the public forms guarded by `intake`.
pub async fn spawn_full(database: Option<String>, intake: helpatlas::moderation::IntakeSettings) -> TestApp {
    let data_dir = tempfile::tempdir().expect("temporary directory");
    let data = DataConfig { data_dir: data_dir.path().to_path_buf(), database };
    let admin = helpatlas::web::admin::AdminSettings::default();
    let state = app::prepare_full(&data, true, admin, intake).await.expect("app prepares");
    let (tx, rx) = oneshot::channel::<()>();
    let listener = app::bind("127.0.0.1:0").await.expect("a free port");
    let running = app::start(state.clone(), listener, async {
        let _ = rx.await;
    })
    .await
    .expect("app starts");
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("client");
    TestApp { base: format!("http://{}", running.addr), state, client, data_dir, _shutdown: tx }
}

impl TestApp {
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(format!("{}{path}", self.base)).send().await.expect("request succeeds")
    }

    /// Status and body of a GET.
    pub async fn page(&self, path: &str) -> (u16, String) {
        let response = self.get(path).await;
        let status = response.status().as_u16();
        (status, response.text().await.expect("body"))
    }
}

pub mod browser;
pub mod places;
pub mod postgres;
