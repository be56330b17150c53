//! Start-up: open the store, bring the bundled directory in, build the index, serve, and keep the
//! index in step with the store.

use crate::bundled::{self, DataError};
use crate::config::{ConfigError, DataConfig};
use crate::i18n;
use crate::search::{Index, SearchError};
use crate::store::{self, Store, StoreError};
use crate::web::{self, AppState};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Data(#[from] DataError),
    #[error("cannot listen on {addr}: {reason}")]
    Bind { addr: String, reason: String },
    #[error("server error: {0}")]
    Serve(std::io::Error),
    #[error(transparent)]
    Search(#[from] SearchError),
}

/// The setting that records which version of the bundled directory the store holds.
const BUNDLED_FINGERPRINT: &str = "bundled_directory_fingerprint";

/// How often a server asks the store whether another process (an import, another replica) wrote.
const REFRESH_INTERVAL: Duration = Duration::from_secs(2);

/// Opens the store of `data`, creating the data directory and migrating as needed.
pub async fn open_store(data: &DataConfig) -> Result<Arc<dyn Store>, AppError> {
    data.prepare()?;
    Ok(store::open(&data.database_url()).await?)
}

/// Writes the bundled directory into the store when the store does not hold this version of it yet.
/// Unchanged records are left alone, so a restart with the same binary writes nothing.
pub async fn sync_bundled(store: &dyn Store) -> Result<(), AppError> {
    let (directory, fingerprint) = bundled::load()?;
    if store.setting(BUNDLED_FINGERPRINT).await?.as_deref() == Some(fingerprint.as_str()) {
        return Ok(());
    }
    let summary = store.upsert(&directory, "bundled").await?;
    store.set_setting(BUNDLED_FINGERPRINT, &fingerprint).await?;
    tracing::info!(written = summary.written, unchanged = summary.unchanged, "bundled directory loaded");
    Ok(())
}

/// Builds the search index from the store's current contents.
pub async fn load_index(store: &dyn Store) -> Result<Index, AppError> {
    let started = std::time::Instant::now();
    let change = store.latest_change().await?;
    let directory = store.load_directory().await?;
    let loaded = started.elapsed();
    let index = tokio::task::spawn_blocking(move || Index::try_build(directory, change))
        .await
        .map_err(|e| AppError::Serve(std::io::Error::other(e.to_string())))?
        .map_err(AppError::Search)?;
    tracing::info!(
        services = index.len(),
        load_ms = loaded.as_millis() as u64,
        build_ms = (started.elapsed() - loaded).as_millis() as u64,
        text_index_mb = index.text_index_bytes() / 1_000_000,
        records_mb = index.packed_bytes() / 1_000_000,
        "search index built"
    );
    Ok(index)
}

/// A new version of `index` with the records written since it was built, up to change `latest`.
/// Records read twice (written again while reading) are applied twice, which changes nothing.
pub async fn update_index(store: &dyn Store, index: Arc<Index>, latest: i64) -> Result<Index, AppError> {
    let changes = store.changes_since(index.change).await?;
    tokio::task::spawn_blocking(move || index.apply(&changes, latest))
        .await
        .map_err(|e| AppError::Serve(std::io::Error::other(e.to_string())))?
        .map_err(AppError::Search)
}

/// Everything a server needs, ready to bind.
pub async fn prepare(data: &DataConfig, caching: bool) -> Result<AppState, AppError> {
    let store = open_store(data).await?;
    sync_bundled(store.as_ref()).await?;
    let index = load_index(store.as_ref()).await?;
    Ok(AppState::new(store, index, i18n::english(), caching))
}

/// A running server: its address, and the task that ends when it stops.
pub struct Running {
    pub addr: SocketAddr,
    pub task: tokio::task::JoinHandle<Result<(), AppError>>,
}

/// Claims the address (port 0 picks a free port). `serve` does this before loading anything, so a port
/// in use is reported at once, not after the index of a large directory is built.
pub async fn bind(addr: &str) -> Result<TcpListener, AppError> {
    TcpListener::bind(addr).await.map_err(|e| AppError::Bind { addr: addr.to_string(), reason: e.to_string() })
}

/// Serves on `listener` until `shutdown` resolves.
pub async fn start(
    state: AppState,
    listener: TcpListener,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<Running, AppError> {
    let addr = listener.local_addr().map_err(|e| AppError::Bind { addr: "listener".into(), reason: e.to_string() })?;
    tokio::spawn(keep_index_fresh(state.clone()));
    let router = web::router(state);
    let task = tokio::spawn(async move {
        web::server::serve(listener, router, web::server::ConnectionLimits::default(), shutdown)
            .await
            .map_err(AppError::Serve)
    });
    Ok(Running { addr, task })
}

async fn keep_index_fresh(state: AppState) {
    let mut ticker = tokio::time::interval(REFRESH_INTERVAL);
    loop {
        ticker.tick().await;
        let latest = match state.store.latest_change().await {
            Ok(latest) => latest,
            Err(e) => {
                metrics::counter!("helpatlas_store_errors_total").increment(1);
                tracing::warn!(error = %e, "cannot check the store for changes; serving the last index");
                continue;
            }
        };
        let current = state.index();
        if latest == current.change {
            continue;
        }
        let updated = match update_index(state.store.as_ref(), current, latest).await {
            Ok(index) => Ok(index),
            Err(e) => {
                tracing::warn!(error = %e, "cannot update the index; rebuilding it");
                load_index(state.store.as_ref()).await
            }
        };
        match updated {
            Ok(index) => {
                tracing::info!(services = index.len(), change = index.change, "index updated");
                state.replace_index(index);
            }
            Err(e) => tracing::warn!(error = %e, "cannot rebuild the index; serving the last one"),
        }
    }
}

/// `helpatlas serve`: runs until Ctrl-C or SIGTERM.
/// Serves until a shutdown signal; `caching` as in [`AppState::new`].
pub async fn serve(data: &DataConfig, addr: &str, caching: bool) -> Result<(), AppError> {
    let listener = bind(addr).await?;
    let state = prepare(data, caching).await?;
    let services = state.index().len();
    let running = start(state, listener, shutdown_signal()).await?;
    tracing::info!(addr = %running.addr, services, "serving Help Atlas on http://{}", running.addr);
    running.task.await.map_err(|e| AppError::Serve(std::io::Error::other(e.to_string())))?
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = terminate => {} }
}
