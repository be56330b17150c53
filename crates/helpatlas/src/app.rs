//! Start-up: open the store, bring the bundled directory in, build the index, serve, and keep the
//! index in step with the store.

use crate::bundled::{self, DataError};
use crate::config::{ConfigError, DataConfig};
use crate::i18n;
use crate::linkcheck::{self, CheckSettings};
use crate::model::{Author, Directory, RecordKind, RetiredStatus, Retirement};
use crate::moderation::{Intake, IntakeSettings};
use crate::search::{Building, Index, SavedError, SearchError, Stamp};
use crate::store::{self, RecordTable, Store, StoreError};
use crate::web::admin::{AdminSettings, AdminState};
use crate::web::{self, AppState};
use chrono::Utc;
use std::collections::HashSet;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use uuid::Uuid;

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
    #[error("saved search index {0}")]
    Saved(#[from] SavedError),
}

/// The setting that records which version of the bundled directory the store holds.
const BUNDLED_FINGERPRINT: &str = "bundled_directory_fingerprint";

/// How often a server asks the store whether another process (an import, another replica, an
/// editor on another replica) wrote: one indexed read of one integer, so that an edit reaches every
/// replica's public pages within two seconds.
const REFRESH_INTERVAL: Duration = Duration::from_secs(1);

/// How often at most an index that changed since it was saved is saved again: often enough that a
/// restart has little to catch up on, rarely enough that saving a large index (seconds of one core)
/// costs little.
const SAVE_INTERVAL: Duration = Duration::from_secs(600);

/// How often ended sessions and old failed sign-ins are deleted.
const PRUNE_INTERVAL: Duration = Duration::from_secs(600);

/// Opens the store of `data`, creating the data directory and migrating as needed.
pub async fn open_store(data: &DataConfig) -> Result<Arc<dyn Store>, AppError> {
    data.prepare()?;
    Ok(store::open(&data.database_url()).await?)
}

/// Writes the bundled directory into the store when the store does not hold this version of it yet.
/// Unchanged records are left alone, so a restart with the same binary writes nothing. A record that
/// an editor or an import changed since the bundled data last wrote it is theirs and stays as they
/// left it; a service the bundled data once wrote but no longer has is retired, not left behind.
pub async fn sync_bundled(store: &dyn Store) -> Result<(), AppError> {
    let (mut directory, fingerprint) = bundled::load()?;
    if store.setting(BUNDLED_FINGERPRINT).await?.as_deref() == Some(fingerprint.as_str()) {
        return Ok(());
    }
    let bundled: HashSet<Uuid> = directory.services.iter().map(|s| s.id).collect();
    let kept = keep_local_changes(store, &mut directory).await?;
    let retired = retire_removed(store, &bundled, &mut directory).await?;
    let summary = store.upsert(&directory, &Author::Bundled).await?;
    store.set_setting(BUNDLED_FINGERPRINT, &fingerprint).await?;
    tracing::info!(
        written = summary.written,
        unchanged = summary.unchanged,
        kept_local_changes = kept,
        retired,
        "bundled directory loaded"
    );
    Ok(())
}

/// Leaves out of `directory` the records whose latest version someone other than the bundled data
/// wrote; returns how many.
async fn keep_local_changes(store: &dyn Store, directory: &mut Directory) -> Result<usize, AppError> {
    let before = directory.organizations.len() + directory.locations.len() + directory.services.len();
    let organizations = store.last_written_by_others(RecordKind::Organization, "bundled").await?;
    let locations = store.last_written_by_others(RecordKind::Location, "bundled").await?;
    let services = store.last_written_by_others(RecordKind::Service, "bundled").await?;
    directory.organizations.retain(|o| !organizations.contains(&o.id));
    directory.locations.retain(|l| !locations.contains(&l.id));
    directory.services.retain(|s| !services.contains(&s.id));
    Ok(before - directory.organizations.len() - directory.locations.len() - directory.services.len())
}

/// Adds to `directory` a retired version of every service the bundled data once wrote and that is not
/// `present` in it now; returns how many.
async fn retire_removed(
    store: &dyn Store,
    present: &HashSet<Uuid>,
    directory: &mut Directory,
) -> Result<usize, AppError> {
    let mut removed: Vec<Uuid> = store
        .written_by(RecordKind::Service, "bundled")
        .await?
        .into_iter()
        .filter(|id| !present.contains(id))
        .collect();
    removed.sort();
    let mut retired = 0;
    for id in removed {
        let Some(mut service) = store.service(id).await? else { continue };
        if service.is_retired() {
            continue;
        }
        service.retired = Some(Retirement {
            status: RetiredStatus::Defunct,
            reason: "Removed from the bundled directory data.".into(),
        });
        service.last_modified = Utc::now();
        directory.services.push(service);
        retired += 1;
    }
    Ok(retired)
}

/// Records read from the store at a time while the index is built: enough that reading and
/// building stay busy, few enough that a million are never held as records at once.
const BUILD_BATCH: usize = 20_000;

/// Builds the search index from the store's current contents, every table read a batch at a time
/// and packed as it comes (organizations, locations, then services), so that a million records are
/// never all held at once. With `build_dir` (the data directory), the text index is built on disk
/// there and read into memory once merged, which lowers the build's peak memory.
pub async fn load_index(store: &dyn Store, build_dir: Option<&Path>) -> Result<Index, AppError> {
    let started = std::time::Instant::now();
    let change = store.latest_change().await?;
    let organizations = store.page(RecordTable::Organizations, None, BUILD_BATCH).await?.organizations;
    let locations = store.page(RecordTable::Locations, None, BUILD_BATCH).await?.locations;
    let services = store.page(RecordTable::Services, None, BUILD_BATCH).await?.services;
    let first = (organizations, locations, services);
    let build_dir = build_dir.map(Path::to_path_buf);
    let mut counts = [0; 3];
    for (n, table) in counts.iter_mut().zip([RecordTable::Organizations, RecordTable::Locations, RecordTable::Services])
    {
        *n = usize::try_from(store.count(table).await?).unwrap_or(0);
    }
    let (building, (organizations, locations, services)) = blocking(move || {
        let mut building = Building::new(&first.0, &first.1, &first.2, build_dir.as_deref())?;
        building.reserve(counts[0], counts[1], counts[2]);
        Ok::<_, SearchError>((building, first))
    })
    .await??;
    let building = add_table(
        store,
        RecordTable::Organizations,
        building,
        organizations,
        |o| o.id,
        |d| d.organizations,
        |b, v| {
            b.add_organizations(v);
            Ok(())
        },
    )
    .await?;
    let building = add_table(
        store,
        RecordTable::Locations,
        building,
        locations,
        |l| l.id,
        |d| d.locations,
        |b, v| {
            b.add_locations(v);
            Ok(())
        },
    )
    .await?;
    let building = add_table(
        store,
        RecordTable::Services,
        building,
        services,
        |s| s.id,
        |d| d.services,
        |b, v| {
            b.add(v);
            Ok(())
        },
    )
    .await?;
    let index = blocking(move || building.finish(change)).await??;
    tracing::info!(
        services = index.len(),
        build_ms = started.elapsed().as_millis() as u64,
        text_index_mb = index.text_index_bytes() / 1_000_000,
        records_mb = index.packed_bytes() / 1_000_000,
        "search index built"
    );
    Ok(index)
}

/// Adds a whole table to `building`, starting with `batch` (its first page): each batch is added on
/// the blocking pool while the next is read.
async fn add_table<T: Send + 'static>(
    store: &dyn Store,
    table: RecordTable,
    mut building: Building,
    mut batch: Vec<T>,
    id: fn(&T) -> Uuid,
    records: fn(Directory) -> Vec<T>,
    add: fn(&mut Building, Vec<T>) -> Result<(), SearchError>,
) -> Result<Building, AppError> {
    loop {
        let last = batch.last().map(id).filter(|_| batch.len() == BUILD_BATCH);
        let adding = blocking(move || add(&mut building, batch).map(|()| building));
        let next = async {
            match last {
                Some(last) => store.page(table, Some(last), BUILD_BATCH).await.map(|d| Some(records(d))),
                None => Ok(None),
            }
        };
        let (next, added) = tokio::join!(next, adding);
        building = added??;
        match next? {
            Some(more) => batch = more,
            None => return Ok(building),
        }
    }
}

/// Runs `work` on the blocking pool.
async fn blocking<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Result<T, AppError> {
    tokio::task::spawn_blocking(work).await.map_err(|e| AppError::Serve(std::io::Error::other(e.to_string())))
}

/// Where an opened index came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndexOrigin {
    /// Built from every record in the store.
    Built,
    /// Read from the copy saved at this change, then brought up to date.
    Saved { change: i64 },
}

/// The index of the store: the copy saved at `saved` brought up to date, when it is whole and of the
/// store's history; else built from the store.
pub async fn open_index(store: &dyn Store, saved: &Path) -> Result<(Index, IndexOrigin), AppError> {
    let started = std::time::Instant::now();
    match read_saved_index(store, saved).await {
        Ok(Some((index, change))) => {
            tracing::info!(
                services = index.len(),
                change = index.change,
                saved_change = change,
                read_ms = started.elapsed().as_millis() as u64,
                "search index read from its saved copy"
            );
            return Ok((index, IndexOrigin::Saved { change }));
        }
        Ok(None) => {}
        Err(e) => tracing::warn!(error = %e, "not using the saved search index; building it from the store"),
    }
    let build_dir = build_dir(saved);
    if let Some(dir) = build_dir {
        let removed = crate::search::remove_stale_builds(dir);
        if removed > 0 {
            tracing::info!(removed, "removed index builds that a stopped server left behind");
        }
    }
    Ok((load_index(store, build_dir).await?, IndexOrigin::Built))
}

/// Where the index is built on disk: beside its saved copy (see [`load_index`]).
fn build_dir(saved: &Path) -> Option<&Path> {
    saved.parent().filter(|p| !p.as_os_str().is_empty())
}

/// The saved index at `path`, brought up to date, with the change it was saved at.
async fn read_saved_index(store: &dyn Store, path: &Path) -> Result<Option<(Index, i64)>, AppError> {
    let file = path.to_path_buf();
    let Some(saved) = blocking(move || Index::open_saved(&file)).await?? else { return Ok(None) };
    if store.change_mark(saved.stamp().change).await? != saved.stamp().mark {
        return Err(saved.other_history().into());
    }
    let index = blocking(move || saved.read()).await??;
    let saved_change = index.change;
    let latest = store.latest_change().await?;
    if latest == saved_change {
        return Ok(Some((index, saved_change)));
    }
    Ok(Some((update_index(store, Arc::new(index), latest).await?, saved_change)))
}

/// Saves `index` at `path` for the next start (see `search::saved`); a failure only costs that
/// start a rebuild, so it is logged, not returned.
pub async fn save_index(store: Arc<dyn Store>, index: Arc<Index>, path: Arc<Path>) {
    let started = std::time::Instant::now();
    let stamp = match store.change_mark(index.change).await {
        Ok(mark) => Stamp { change: index.change, mark },
        Err(e) => return tracing::warn!(error = %e, "cannot save the search index: the store is unreachable"),
    };
    let change = index.change;
    let saved = blocking(move || {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|source| SavedError::Io { path: dir.into(), source })?;
        }
        index.save(&stamp, &path)
    })
    .await
    .and_then(|saved| saved.map_err(AppError::from));
    match saved {
        Ok(()) => tracing::info!(change, save_ms = started.elapsed().as_millis() as u64, "search index saved"),
        Err(e) => tracing::warn!(error = %e, "cannot save the search index"),
    }
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

/// Everything a server needs, ready to bind, with the editors' area's default settings.
pub async fn prepare(data: &DataConfig, caching: bool) -> Result<AppState, AppError> {
    prepare_with(data, caching, AdminSettings::default()).await
}

/// Everything a server needs, ready to bind, with the public forms' default guards.
pub async fn prepare_with(data: &DataConfig, caching: bool, admin: AdminSettings) -> Result<AppState, AppError> {
    let intake = IntakeSettings { trust_proxy: admin.trust_proxy, ..IntakeSettings::default() };
    prepare_full(data, caching, admin, intake).await
}

/// Everything a server needs, ready to bind.
pub async fn prepare_full(
    data: &DataConfig,
    caching: bool,
    admin: AdminSettings,
    intake: IntakeSettings,
) -> Result<AppState, AppError> {
    let store = open_store(data).await?;
    sync_bundled(store.as_ref()).await?;
    let saved = data.saved_index();
    let (index, origin) = open_index(store.as_ref(), &saved).await?;
    let unsaved = origin != IndexOrigin::Saved { change: index.change };
    let admin = AdminState::new(store.clone(), admin).await?;
    let intake = Intake::new(store.clone(), intake).await?;
    let state = AppState::new(store, index, i18n::english(), caching)
        .with_admin(admin)
        .with_intake(intake)
        .with_saved_index(&saved);
    if unsaved {
        tokio::spawn(save_index(state.store.clone(), state.index(), Arc::from(saved.as_path())));
    }
    Ok(state)
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
    web::health::install();
    tokio::spawn(keep_index_fresh(state.clone()));
    tokio::spawn(prune_sessions(state.clone()));
    // The server hands each request its client's address, which reaches the editors' sign-in
    // throttling only; nothing logs it.
    let router = web::router(state);
    let task = tokio::spawn(async move {
        web::server::serve(listener, router, web::server::ConnectionLimits::default(), shutdown)
            .await
            .map_err(AppError::Serve)
    });
    Ok(Running { addr, task })
}

async fn prune_sessions(state: AppState) {
    let Some(admin) = state.admin.clone() else { return };
    let mut ticker = tokio::time::interval(PRUNE_INTERVAL);
    loop {
        ticker.tick().await;
        if let Err(e) = admin.auth.prune().await {
            tracing::warn!(error = %e, "cannot delete ended sessions");
        }
    }
}

/// How often `serve` looks for feeds that are due.
const FEED_CHECK_INTERVAL: Duration = Duration::from_secs(60);

/// Pulls due feeds, one at a time, each within the pull's limits; a failed pull is recorded on its
/// feed's status and changes nothing.
async fn pull_feeds_regularly(store: Arc<dyn Store>, settings: crate::feeds::FeedSettings) {
    let mut ticker = tokio::time::interval(FEED_CHECK_INTERVAL);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticker.tick().await;
        let pulled = match crate::feeds::pull_due(store.as_ref(), &settings).await {
            Ok(pulled) => pulled,
            Err(e) => {
                tracing::warn!(error = %e, "cannot read the followed feeds; trying again in a minute");
                continue;
            }
        };
        for (feed, result) in pulled {
            match result {
                Ok(summary) => tracing::info!(feed, outcome = %summary.message(), "feed pulled"),
                Err(e) => tracing::warn!(feed, error = %e, "feed pull failed; nothing was changed"),
            }
        }
    }
}

/// The scheduled link check. Replicas sharing a database each run it; the results are the same
/// rows; a replica skips its turn when another ran within half the interval.
async fn check_links_regularly(store: Arc<dyn Store>, every: Duration, settings: CheckSettings) {
    let mut ticker = tokio::time::interval(every);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticker.tick().await;
        // Another replica may have run it within the interval: checking again would count its
        // failures twice.
        let recent = store.last_link_run().await.ok().flatten().is_some_and(|at| {
            let half = chrono::Duration::from_std(every / 2).unwrap_or_default();
            Utc::now() - at < half
        });
        if recent {
            continue;
        }
        match linkcheck::run(store.as_ref(), &settings).await {
            Ok(summary) => tracing::info!(
                checked = summary.checked,
                failed = summary.failed.len(),
                blocked = summary.blocked,
                phone_problems = summary.phone_problems.len(),
                "links checked"
            ),
            Err(e) => tracing::warn!(error = %e, "the link check failed; it runs again at the next interval"),
        }
    }
}

async fn keep_index_fresh(state: AppState) {
    let mut ticker = tokio::time::interval(REFRESH_INTERVAL);
    let mut saved_at = std::time::Instant::now();
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
                load_index(state.store.as_ref(), state.saved_index.as_deref().and_then(build_dir)).await
            }
        };
        match updated {
            Ok(index) => {
                tracing::info!(services = index.len(), change = index.change, "index updated");
                state.replace_index(index);
                if let Some(path) = state.saved_index.clone().filter(|_| saved_at.elapsed() >= SAVE_INTERVAL) {
                    saved_at = std::time::Instant::now();
                    tokio::spawn(save_index(state.store.clone(), state.index(), path));
                }
            }
            Err(e) => tracing::warn!(error = %e, "cannot rebuild the index; serving the last one"),
        }
    }
}

/// What `serve` does besides serving: the public forms' guards, and how often links are checked
/// (never unless asked).
#[derive(Debug, Clone, Default)]
pub struct ServeExtras {
    pub intake: IntakeSettings,
    /// The site's public origin, for full addresses in pages (`hreflang`).
    pub public_url: Option<String>,
    pub check_links_every: Option<Duration>,
    pub link_checks: CheckSettings,
    /// How followed feeds are pulled.
    pub feeds: crate::feeds::FeedSettings,
}

/// `helpatlas serve`: serves until Ctrl-C or SIGTERM; `caching` as in [`AppState::new`].
pub async fn serve(
    data: &DataConfig,
    addr: &str,
    caching: bool,
    admin: AdminSettings,
    extras: ServeExtras,
) -> Result<(), AppError> {
    let listener = bind(addr).await?;
    let mut state = prepare_full(data, caching, admin, extras.intake).await?;
    if let Some(url) = extras.public_url {
        state = state.with_public_url(url);
    }
    if let Some(every) = extras.check_links_every {
        tokio::spawn(check_links_regularly(state.store.clone(), every, extras.link_checks));
    }
    tokio::spawn(pull_feeds_regularly(state.store.clone(), extras.feeds));
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
