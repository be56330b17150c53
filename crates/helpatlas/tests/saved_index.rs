//! The search index saved beside the database: read back, it answers exactly as the index it was
//! saved from (before and after updates); a damaged file is refused whole; a restart reads it and
//! catches up with the changes since, and rebuilds when the file belongs to another database or to
//! a history a restored backup has replaced. An index built on disk answers as one built in memory
//! and leaves no files behind.

mod common;

use common::places::{now, place};
use helpatlas::app::{self, IndexOrigin};
use helpatlas::bundled::service_id;
use helpatlas::config::DataConfig;
use helpatlas::model::{Author, Directory, Kind, RetiredStatus, Retirement};
use helpatlas::search::{Index, SavedError, SearchQuery, Stamp};
use helpatlas::store::Store;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, SystemTime};
use uuid::Uuid;

const PLACES: &[&str] =
    &["NO", "US", "IN", "CN", "GB/London", "US/Los Angeles", "DE/Berlin", "JP/Tokyo", "BR/São Paulo"];
const TEXTS: &[Option<&str>] = &[None, Some("depression"), Some("anxi"), Some("depresion"), Some("suicidal")];

/// Everything a page shows of every query of a fixed mix, and the crisis lines and listings of each place.
fn answers(index: &Index) -> Vec<String> {
    let mut out = Vec::new();
    for at in PLACES {
        let place = place(at);
        for text in TEXTS {
            for kind in std::iter::once(None).chain(Kind::ALL.iter().copied().map(Some)) {
                for open_now in [false, true] {
                    let mut q = SearchQuery::new(place.clone(), now());
                    q.text = text.map(str::to_string);
                    q.kind = kind;
                    q.open_now = open_now;
                    let found = index.search(&q);
                    let hits: Vec<(Uuid, Option<&str>, Option<f64>, bool)> = found
                        .hits
                        .iter()
                        .map(|h| {
                            let organization = index.organization_name(h.service.organization_id);
                            (h.service.id, organization, h.distance_km, h.partial)
                        })
                        .collect();
                    out.push(format!(
                        "{at} {text:?} {kind:?} {open_now}: {} {hits:?} {:?} {}",
                        found.total, found.facets, found.crisis
                    ));
                }
            }
        }
        let crisis: Vec<Uuid> = index.crisis_lines(&place, 10).iter().map(|s| s.id).collect();
        out.push(format!("{at} crisis lines {crisis:?}"));
        for kind in Kind::ALL {
            let available = index.available(&place, *kind, 5);
            let first: Vec<Uuid> = available.first.iter().map(|h| h.service.id).collect();
            out.push(format!("{at} {kind:?} available {} {first:?}", available.total));
        }
    }
    out
}

/// A change of every sort an index takes: a service edited, one retired, one added.
fn changes(directory: &Directory, n: usize) -> Directory {
    let mut edited = directory.services[n].clone();
    edited.description = format!("{} Now also for panic attacks and insomnia.", edited.description);
    let mut retired = directory.services[n + 1].clone();
    retired.retired = Some(Retirement { status: RetiredStatus::Defunct, reason: "Closed (test).".into() });
    let mut added = directory.services[n + 2].clone();
    added.id = Uuid::new_v4();
    added.name = format!("{} (second site)", added.name);
    Directory { services: vec![edited, retired, added], ..Directory::default() }
}

/// Asserts two answer lists equal, showing the first that differs rather than both lists.
fn same(a: &[String], b: &[String], what: &str) {
    assert_eq!(a.len(), b.len(), "{what}");
    if let Some((x, y)) = a.iter().zip(b).find(|(x, y)| x != y) {
        panic!("{what}:\n{x}\n{y}");
    }
}

fn stamp(change: i64) -> Stamp {
    Stamp { change, mark: Some(format!("test change {change}")) }
}

fn read(path: &Path) -> Result<Index, SavedError> {
    Index::open_saved(path)?.expect("the file is there").read()
}

#[test]
fn a_saved_index_answers_exactly_as_the_one_it_was_saved_from() {
    let directory = helpatlas::generate::directory(6_000, 11);
    let built = Index::build(directory.clone(), 1);
    // An updated index has retired slots and more than one text segment, which must come back too.
    let updated = built.apply(&changes(&directory, 10), 2).expect("update applies");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = |change: i64| dir.path().join(format!("index-{change}.bin"));
    // Saved before either is updated again: the text index is shared by the versions of an index,
    // and a later update may remove files an earlier version's searcher still reads.
    built.save(&stamp(1), &path(1)).expect("saves");
    updated.save(&stamp(2), &path(2)).expect("saves");
    for (index, change) in [(&built, 1), (&updated, 2)] {
        let saved = Index::open_saved(&path(change)).expect("opens").expect("the file is there");
        assert_eq!(saved.stamp(), &stamp(change));
        let loaded = saved.read().expect("reads");
        assert_eq!(loaded.change, change);
        assert_eq!(loaded.len(), index.len());
        same(&answers(&loaded), &answers(index), &format!("index at change {change}"));
        let ids = |i: &Index| i.services().map(|s| s.id).collect::<Vec<_>>();
        assert_eq!(ids(&loaded), ids(index));
    }
    let next = changes(&directory, 100);
    let loaded = read(&path(2)).expect("reads");
    let (from_loaded, from_index) =
        (loaded.apply(&next, 9).expect("applies"), updated.apply(&next, 9).expect("applies"));
    same(&answers(&from_loaded), &answers(&from_index), "updates after reading");
}

#[test]
fn a_damaged_or_foreign_file_is_refused_whole() {
    let index = Index::build(helpatlas::generate::directory(1_500, 3), 4);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("search-index.bin");
    index.save(&stamp(4), &path).expect("saves");
    let whole = std::fs::read(&path).expect("file");
    assert!(read(&path).is_ok());

    let damaged = |bytes: Vec<u8>| {
        std::fs::write(&path, bytes).expect("write");
        Index::open_saved(&path).and_then(|saved| saved.expect("file").read())
    };
    for at in [40, whole.len() / 3, whole.len() / 2, whole.len() - 40, whole.len() - 1] {
        let mut bytes = whole.clone();
        bytes[at] ^= 0x20;
        let error =
            damaged(bytes).err().unwrap_or_else(|| panic!("a flipped bit at {at} of {} is noticed", whole.len()));
        assert!(matches!(error, SavedError::Damaged { .. } | SavedError::Format { .. }), "{error}");
    }
    for cut in [10, 100, whole.len() / 2, whole.len() - 1] {
        let error = damaged(whole[..cut].to_vec()).err().expect("a cut file is noticed");
        assert!(matches!(error, SavedError::Damaged { .. } | SavedError::Format { .. }), "cut at {cut}: {error}");
    }
    let mut longer = whole.clone();
    longer.push(0);
    assert!(matches!(damaged(longer), Err(SavedError::Damaged { .. })));
    let mut other = whole.clone();
    other[..8].copy_from_slice(b"SQLite f");
    assert!(matches!(damaged(other), Err(SavedError::Format { .. })));
    assert!(matches!(Index::open_saved(&dir.path().join("none.bin")), Ok(None)));
}

async fn open(dir: &Path) -> (DataConfig, Arc<dyn Store>) {
    let config = DataConfig { data_dir: dir.to_path_buf(), database: None };
    let store = app::open_store(&config).await.expect("store opens");
    app::sync_bundled(store.as_ref()).await.expect("bundled data loads");
    (config, store)
}

/// A bundled service, edited as an editor would, so that the store moves on by one change.
async fn edit(store: &dyn Store, slug: &str, description: &str) {
    let mut service = store.service(service_id(slug)).await.expect("read").expect("bundled service");
    service.description = description.to_string();
    store.upsert(&Directory { services: vec![service], ..Directory::default() }, &Author::System).await.expect("write");
}

fn finds(index: &Index, text: &str) -> Vec<Uuid> {
    let mut q = SearchQuery::new(place("GB"), now());
    q.text = Some(text.to_string());
    index.search(&q).hits.iter().map(|h| h.service.id).collect()
}

#[tokio::test]
async fn a_restart_reads_the_saved_index_and_catches_up_with_the_store() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (config, store) = open(dir.path()).await;
    let path = config.saved_index();
    let (first, origin) = app::open_index(store.as_ref(), &path).await.expect("opens");
    assert_eq!(origin, IndexOrigin::Built, "nothing was saved yet");
    let saved_at = first.change;
    app::save_index(store.clone(), Arc::new(first), Arc::from(path.as_path())).await;
    assert!(path.is_file(), "the index was saved");

    let (reread, origin) = app::open_index(store.as_ref(), &path).await.expect("opens");
    assert_eq!(origin, IndexOrigin::Saved { change: saved_at });
    assert_eq!(reread.change, saved_at);
    let built = app::load_index(store.as_ref(), None).await.expect("builds");
    same(&answers(&reread), &answers(&built), "the saved copy answers as a fresh build");

    edit(store.as_ref(), "gb-samaritans", "Listening support, now with a zyxwvutsrq line.").await;
    let (caught_up, origin) = app::open_index(store.as_ref(), &path).await.expect("opens");
    assert_eq!(origin, IndexOrigin::Saved { change: saved_at });
    assert!(caught_up.change > saved_at);
    assert_eq!(finds(&caught_up, "zyxwvutsrq"), vec![service_id("gb-samaritans")]);

    let mut bytes = std::fs::read(&path).expect("file");
    let middle = bytes.len() / 2;
    bytes[middle] ^= 1;
    std::fs::write(&path, bytes).expect("write");
    let (rebuilt, origin) = app::open_index(store.as_ref(), &path).await.expect("opens");
    assert_eq!(origin, IndexOrigin::Built, "a damaged copy is rebuilt, never served");
    assert_eq!(finds(&rebuilt, "zyxwvutsrq"), vec![service_id("gb-samaritans")]);
}

#[tokio::test]
async fn an_index_saved_for_another_history_is_rebuilt() {
    let (one, two) = (tempfile::tempdir().expect("temp dir"), tempfile::tempdir().expect("temp dir"));
    let (config, store) = open(one.path()).await;
    let path = config.saved_index();
    let backup = one.path().join("before.backup");
    helpatlas::backup::backup(&config.database_url(), &backup).await.expect("backs up");
    edit(store.as_ref(), "gb-samaritans", "Listening support with a qqqxxxzzz line.").await;
    let (index, _) = app::open_index(store.as_ref(), &path).await.expect("opens");
    let saved_at = index.change;
    app::save_index(store.clone(), Arc::new(index), Arc::from(path.as_path())).await;

    // Another database at the same change number.
    let (_, other) = open(two.path()).await;
    edit(other.as_ref(), "gb-samaritans", "Listening support.").await;
    assert_eq!(other.latest_change().await.expect("change"), saved_at);
    let (index, origin) = app::open_index(other.as_ref(), &path).await.expect("opens");
    assert_eq!(origin, IndexOrigin::Built);
    assert!(finds(&index, "qqqxxxzzz").is_empty());

    // The same database restored to before the saved change, then written to again past it.
    store.close().await;
    helpatlas::backup::restore(&config.database_url(), &backup).await.expect("restores");
    let (_, store) = open(one.path()).await;
    edit(store.as_ref(), "gb-samaritans", "Listening support, edited after the restore.").await;
    edit(store.as_ref(), "gb-samaritans", "Listening support, edited twice after the restore.").await;
    assert!(store.latest_change().await.expect("change") >= saved_at);
    let (index, origin) = app::open_index(store.as_ref(), &path).await.expect("opens");
    assert_eq!(origin, IndexOrigin::Built, "the saved change is not the restored store's");
    assert!(finds(&index, "qqqxxxzzz").is_empty(), "nothing of the replaced history is served");
}

/// The build directories in `dir`, by name.
fn builds_in(dir: &Path) -> Vec<String> {
    let names =
        std::fs::read_dir(dir).expect("lists").map(|e| e.expect("entry").file_name().to_string_lossy().into_owned());
    let mut builds: Vec<String> = names.filter(|n| n.starts_with(".search-build-")).collect();
    builds.sort();
    builds
}

#[tokio::test]
async fn a_build_on_disk_answers_as_one_in_memory_and_leaves_only_others_builds() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (config, store) = open(dir.path()).await;
    let stale = dir.path().join(".search-build-stopped");
    std::fs::create_dir(&stale).expect("dir");
    std::fs::write(stale.join("segment.idx"), b"left by a server that stopped while building").expect("file");
    let two_hours_ago = SystemTime::now() - Duration::from_secs(2 * 3600);
    std::fs::File::open(&stale).and_then(|d| d.set_modified(two_hours_ago)).expect("dated");
    std::fs::create_dir(dir.path().join(".search-build-running")).expect("dir");

    let on_disk = app::load_index(store.as_ref(), Some(dir.path())).await.expect("builds on disk");
    let in_memory = app::load_index(store.as_ref(), None).await.expect("builds in memory");
    same(&answers(&on_disk), &answers(&in_memory), "an index built on disk answers as one built in memory");
    assert_eq!(builds_in(dir.path()), vec![".search-build-running", ".search-build-stopped"], "its own is gone");

    let (opened, origin) = app::open_index(store.as_ref(), &config.saved_index()).await.expect("opens");
    assert_eq!(origin, IndexOrigin::Built);
    same(&answers(&opened), &answers(&in_memory), "a start builds on disk too");
    assert_eq!(builds_in(dir.path()), vec![".search-build-running"], "a stale build is removed, a recent one kept");
}
