//! One conformance suite for every store backend: SQLite always, PostgreSQL at
//! `HELPATLAS_TEST_POSTGRES` (default: the local server at 127.0.0.1:5432).

mod common;

use common::postgres::{drop_postgres, fresh_postgres};
use helpatlas::bundled;
use helpatlas::model::{Action, Author, Directory, Record, RecordKind, Role};
use helpatlas::store::{self, RecordTable, Store, StoreError};
use helpatlas::store::{Edit, NewSession, NewUser, Saved};
use std::sync::Arc;

fn starter() -> Directory {
    bundled::load().expect("bundled data is valid").0
}

async fn conformance(url: &str) {
    let store: Arc<dyn Store> = store::open(url).await.expect("open");
    an_empty_store_has_nothing(store.as_ref()).await;
    writes_and_reads_back_everything(store.as_ref()).await;
    writing_the_same_data_again_changes_nothing(store.as_ref()).await;
    a_changed_record_is_written_and_numbered(store.as_ref()).await;
    a_bad_batch_is_written_not_at_all(store.as_ref()).await;
    changes_since_gives_only_later_records(store.as_ref()).await;
    pages_read_everything_once_in_id_order(store.as_ref()).await;
    the_streamed_exports_equal_the_in_memory_ones(store.as_ref()).await;
    settings_round_trip(store.as_ref()).await;
    every_write_leaves_a_revision_by_its_author(store.as_ref()).await;
    a_save_based_on_an_old_version_is_refused(store.as_ref()).await;
    accounts_sessions_and_failures_round_trip(store.as_ref()).await;
    the_dashboard_counts_due_services_by_country_and_kind(store.as_ref()).await;
    store.close().await;
    reopening_keeps_the_data(url).await;
}

async fn an_empty_store_has_nothing(store: &dyn Store) {
    assert!(store.load_directory().await.expect("load").is_empty());
    assert_eq!(store.latest_change().await.expect("change"), 0);
    assert_eq!(store.count(RecordTable::Services).await.expect("count"), 0);
}

async fn writes_and_reads_back_everything(store: &dyn Store) {
    let directory = starter();
    let total = directory.organizations.len() + directory.locations.len() + directory.services.len();
    let summary = store.upsert(&directory, &Author::System).await.expect("upsert");
    assert_eq!((summary.written, summary.unchanged), (total, 0));
    assert_eq!(store.load_directory().await.expect("load"), directory, "every field survives the round trip");
    let one = &directory.services[3];
    assert_eq!(store.service(one.id).await.expect("get").as_ref(), Some(one));
    assert_eq!(store.service(uuid::Uuid::nil()).await.expect("get"), None);
    let ids = store.reference_ids().await.expect("ids");
    assert_eq!(ids.organizations, directory.organizations.iter().map(|o| o.id).collect());
    assert_eq!(ids.locations, directory.locations.iter().map(|l| l.id).collect());
    let counts = [RecordTable::Organizations, RecordTable::Locations, RecordTable::Services].map(|t| store.count(t));
    let [organizations, locations, services] = counts;
    assert_eq!(organizations.await.expect("count"), directory.organizations.len() as u64);
    assert_eq!(locations.await.expect("count"), directory.locations.len() as u64);
    assert_eq!(services.await.expect("count"), directory.services.len() as u64);
}

async fn writing_the_same_data_again_changes_nothing(store: &dyn Store) {
    let before = store.latest_change().await.expect("change");
    let summary = store.upsert(&starter(), &Author::System).await.expect("upsert");
    assert_eq!((summary.written, summary.change), (0, None));
    assert_eq!(store.latest_change().await.expect("change"), before);
}

async fn a_changed_record_is_written_and_numbered(store: &dyn Store) {
    let before = store.latest_change().await.expect("change");
    let mut directory = starter();
    directory.services[0].description = "Changed description".into();
    let summary = store.upsert(&directory, &Author::System).await.expect("upsert");
    assert_eq!(summary.written, 1);
    assert!(summary.change.is_some_and(|c| c > before));
    assert_eq!(store.latest_change().await.expect("change"), summary.change.expect("numbered"));
    let stored = store.service(directory.services[0].id).await.expect("get").expect("exists");
    assert_eq!(stored.description, "Changed description");
}

async fn a_bad_batch_is_written_not_at_all(store: &dyn Store) {
    let before = store.load_directory().await.expect("load");
    let mut batch = starter();
    batch.organizations[0].name = "A change that must not land".into();
    batch.services[1].organization_id = uuid::Uuid::new_v4();
    let result = store.upsert(&batch, &Author::System).await;
    assert!(matches!(result, Err(StoreError::Database(_))), "a dangling reference is refused: {result:?}");
    assert_eq!(store.load_directory().await.expect("load"), before, "nothing of the batch was written");
}

async fn changes_since_gives_only_later_records(store: &dyn Store) {
    let before = store.latest_change().await.expect("change");
    assert!(store.changes_since(before).await.expect("changes").is_empty(), "nothing after the latest change");
    let mut directory = store.load_directory().await.expect("load");
    directory.services[2].description = "Changed again".into();
    directory.locations[0].name = "Moved".into();
    let summary = store.upsert(&directory, &Author::System).await.expect("upsert");
    let changes = store.changes_since(before).await.expect("changes");
    assert_eq!(changes.services, vec![directory.services[2].clone()]);
    assert_eq!(changes.locations, vec![directory.locations[0].clone()]);
    assert!(changes.organizations.is_empty());
    let everything = store.changes_since(0).await.expect("changes");
    assert_eq!(everything, store.load_directory().await.expect("load"), "since 0 is everything");
    assert!(store.changes_since(summary.change.expect("numbered")).await.expect("changes").is_empty());

    // A new translation alone is a change, which replicas read from the feed like any other.
    let before = store.latest_change().await.expect("change");
    let translated = directory.services.iter_mut().find(|s| !s.translations.is_empty()).expect("a translated service");
    let kept = translated.translations.keys().next().expect("a language").to_string();
    let texts = helpatlas::model::ServiceTexts { description: Some("Saluton.".into()), eligibility_note: None };
    translated.translations.insert("eo".parse().expect("tag"), texts);
    store.upsert(&directory, &Author::System).await.expect("upsert");
    let changes = store.changes_since(before).await.expect("changes");
    assert_eq!(changes.services.len(), 1);
    assert_eq!(changes.services[0].description_in("eo").text, "Saluton.");
    assert_eq!(changes.services[0].description_in(&kept).language, kept, "the other languages are kept");
}

/// Pages of 7 (far smaller than the data) read every table, and organizations with their records,
/// exactly once each, in id order.
async fn pages_read_everything_once_in_id_order(store: &dyn Store) {
    let whole = store.load_directory().await.expect("load");
    let mut paged = Directory::default();
    for table in [RecordTable::Organizations, RecordTable::Locations, RecordTable::Services] {
        let mut after = None;
        loop {
            let page = store.page(table, after, 7).await.expect("page");
            let ids: Vec<uuid::Uuid> = match table {
                RecordTable::Organizations => page.organizations.iter().map(|o| o.id).collect(),
                RecordTable::Locations => page.locations.iter().map(|l| l.id).collect(),
                RecordTable::Services => page.services.iter().map(|s| s.id).collect(),
            };
            let Some(last) = ids.last() else { break };
            assert!(ids.len() <= 7);
            after = Some(*last);
            paged.organizations.extend(page.organizations);
            paged.locations.extend(page.locations);
            paged.services.extend(page.services);
        }
    }
    assert_eq!(paged, whole, "every record once, ordered by id");
    let mut grouped = Directory::default();
    let mut after = None;
    loop {
        let page = store.organizations_with_records(after, 7).await.expect("page");
        let Some(last) = page.organizations.last().map(|o| o.id) else { break };
        assert!(page.organizations.len() <= 7);
        let theirs: std::collections::HashSet<_> = page.organizations.iter().map(|o| o.id).collect();
        assert!(page.locations.iter().all(|l| theirs.contains(&l.organization_id)));
        assert!(page.services.iter().all(|s| theirs.contains(&s.organization_id)));
        after = Some(last);
        grouped.organizations.extend(page.organizations);
        grouped.locations.extend(page.locations);
        grouped.services.extend(page.services);
    }
    grouped.sort();
    assert_eq!(grouped, whole, "every organization with all its records, each once");
}

/// The export read from the store page by page gives the bytes of the in-memory exporter.
async fn the_streamed_exports_equal_the_in_memory_ones(store: &dyn Store) {
    use helpatlas::hsds::Form;
    let directory = store.load_directory().await.expect("load");
    let ids = |kind: RecordKind| -> Vec<uuid::Uuid> {
        match kind {
            RecordKind::Organization => directory.organizations.iter().map(|o| o.id).collect(),
            RecordKind::Location => directory.locations.iter().map(|l| l.id).collect(),
            RecordKind::Service => directory.services.iter().map(|s| s.id).collect(),
        }
    };
    let mut revisions = Vec::new();
    for kind in RecordKind::ALL {
        revisions.extend(store.revisions_of(kind, &ids(kind)).await.expect("revisions"));
    }
    assert!(revisions.len() > directory.services.len(), "every record has its history");
    let metadata = helpatlas::hsds::metadata::Metadata::from_revisions(&revisions);
    let tmp = tempfile::tempdir().expect("tmp");
    for form in [Form::Json, Form::Ndjson, Form::DataPackage] {
        let (streamed, in_memory) = (tmp.path().join(format!("{form:?}-a")), tmp.path().join(format!("{form:?}-b")));
        let count = helpatlas::transfer::export(store, &streamed, helpatlas::transfer::ExportForm::Hsds(form))
            .await
            .expect("export");
        assert_eq!(count, directory.services.len());
        helpatlas::hsds::export_with_metadata(&directory, &metadata, form, &in_memory).expect("export");
        let files = |p: &std::path::Path| -> Vec<(String, Vec<u8>)> {
            if p.is_file() {
                return vec![(String::new(), std::fs::read(p).expect("read"))];
            }
            let mut names: Vec<_> = std::fs::read_dir(p).expect("dir").map(|e| e.expect("entry").path()).collect();
            names.sort();
            names
                .iter()
                .map(|n| (n.file_name().expect("name").to_string_lossy().into_owned(), std::fs::read(n).expect("read")))
                .collect()
        };
        assert!(files(&streamed) == files(&in_memory), "{form:?}");
    }
}

async fn settings_round_trip(store: &dyn Store) {
    assert_eq!(store.setting("colour").await.expect("get"), None);
    store.set_setting("colour", "teal").await.expect("set");
    store.set_setting("colour", "navy").await.expect("set");
    assert_eq!(store.setting("colour").await.expect("get").as_deref(), Some("navy"));
}

async fn reopening_keeps_the_data(url: &str) {
    let store = store::open(url).await.expect("reopen migrates nothing and keeps data");
    assert_eq!(store.load_directory().await.expect("load").services.len(), starter().services.len());
    store.close().await;
}

#[tokio::test]
async fn sqlite_store_conforms() {
    let dir = tempfile::tempdir().expect("tmp");
    conformance(&format!("sqlite://{}?mode=rwc", dir.path().join("test.db").display())).await;
}

#[tokio::test]
async fn postgres_store_conforms() {
    let (url, name) = fresh_postgres().await;
    conformance(&url).await;
    drop_postgres(&name).await;
}

#[tokio::test]
async fn a_postgres_database_with_other_tables_is_refused() {
    let (url, name) = fresh_postgres().await;
    let pool = sqlx::AnyPool::connect(&url).await.expect("connect");
    sqlx::raw_sql("CREATE TABLE customers (id INTEGER)").execute(&pool).await.expect("create");
    pool.close().await;
    let result = store::open(&url).await;
    assert!(matches!(result, Err(StoreError::Foreign { .. })), "{:?}", result.err());
    drop_postgres(&name).await;
}

async fn every_write_leaves_a_revision_by_its_author(store: &dyn Store) {
    let service = &starter().services[0];
    let revisions = store.revisions(RecordKind::Service, service.id).await.expect("revisions");
    assert!(revisions.len() >= 2, "created, then changed by a later test");
    assert_eq!((revisions[0].version, revisions[0].action, revisions[0].author.kind()), (1, Action::Create, "system"));
    assert_eq!(revisions[1].action, Action::Update);
    let versioned = store.record(RecordKind::Service, service.id).await.expect("read").expect("record");
    assert_eq!(versioned.version, revisions.last().expect("last").version);
    assert_eq!(revisions.last().expect("last").record().expect("doc"), versioned.record);
}

async fn a_save_based_on_an_old_version_is_refused(store: &dyn Store) {
    let id = starter().services[1].id;
    let current = store.record(RecordKind::Service, id).await.expect("read").expect("record");
    let Record::Service(mut service) = current.record.clone() else { panic!("a service") };
    service.name = "Saved by the first editor".into();
    let author = Author::User { id: uuid::Uuid::now_v7(), email: "first@example.org".into() };
    let edit = |record: Record, expected| Edit {
        record,
        expected_version: expected,
        author: author.clone(),
        action: Action::Edit,
        note: "why".into(),
    };
    let saved = store.save(&edit(Record::Service(service.clone()), Some(current.version))).await.expect("save");
    assert!(matches!(saved, Saved::Written { version, .. } if version == current.version + 1));
    assert_eq!(
        store.save(&edit(Record::Service(service.clone()), Some(current.version + 1))).await.expect("same"),
        Saved::Unchanged { version: current.version + 1 }
    );
    service.name = "Saved by the second editor, from a stale form".into();
    let stale = store.save(&edit(Record::Service(service.clone()), Some(current.version))).await;
    assert!(matches!(stale, Err(StoreError::Conflict { found: Some(v), .. }) if v == current.version + 1), "{stale:?}");
    assert!(
        matches!(store.save(&edit(Record::Service(service), None)).await, Err(StoreError::Conflict { .. })),
        "a new record with a taken id"
    );
    let latest = store.revision(RecordKind::Service, id, current.version + 1).await.expect("read").expect("revision");
    assert_eq!(
        (latest.author.label(), latest.note.as_str(), latest.action),
        ("first@example.org".to_string(), "why", Action::Edit)
    );
    let log = store.audit_log(Some("record-edit"), None, 10).await.expect("audit");
    assert!(log.iter().any(|e| e.actor == "first@example.org" && e.subject.contains(&id.to_string())));
}

async fn accounts_sessions_and_failures_round_trip(store: &dyn Store) {
    let now = chrono::Utc::now();
    let user = NewUser {
        id: uuid::Uuid::now_v7(),
        email: "kari@example.org".into(),
        role: Role::Editor,
        password_hash: Some("hash".into()),
        setup_token_hash: None,
        setup_expires_at: None,
        created_at: now,
    };
    store.add_user(&user).await.expect("add");
    assert!(matches!(
        store.add_user(&NewUser { id: uuid::Uuid::now_v7(), ..user.clone() }).await,
        Err(StoreError::Duplicate(_))
    ));
    let (found, hash) = store.user_by_email("kari@example.org").await.expect("read").expect("user");
    assert_eq!((found.role, hash.as_deref(), found.disabled), (Role::Editor, Some("hash"), false));
    store
        .add_session(&NewSession { token_hash: "t1".into(), user_id: user.id, csrf_token: "c1".into(), at: now })
        .await
        .expect("session");
    assert_eq!(store.session("t1").await.expect("read").expect("session").user.email, "kari@example.org");
    store.set_disabled(user.id, true).await.expect("disable");
    assert!(store.session("t1").await.expect("read").expect("session").user.disabled);
    store.end_sessions_of(user.id).await.expect("end");
    assert!(store.session("t1").await.expect("read").is_none());
    let keys = vec!["account:kari@example.org".to_string(), "client:abc".to_string()];
    store.add_failure(&keys, now).await.expect("fail");
    store.add_failure(&keys[..1], now).await.expect("fail");
    assert_eq!(
        store.failures("account:kari@example.org", now - chrono::Duration::minutes(1)).await.expect("count").0,
        2
    );
    assert_eq!(store.failures("client:abc", now + chrono::Duration::minutes(1)).await.expect("count").0, 0);
    store.clear_failures("account:kari@example.org").await.expect("clear");
    assert_eq!(
        store.failures("account:kari@example.org", now - chrono::Duration::minutes(1)).await.expect("count").0,
        0
    );
    assert_eq!(store.setting_or_init("secret", "a").await.expect("init"), "a");
    assert_eq!(store.setting_or_init("secret", "b").await.expect("init"), "a", "the first value stays");
}

async fn the_dashboard_counts_due_services_by_country_and_kind(store: &dyn Store) {
    let mut directory = starter();
    let old = chrono::NaiveDate::from_ymd_opt(2001, 1, 1).expect("date");
    let gb: Vec<_> =
        directory.services.iter_mut().filter(|s| helpatlas::store::home_country(s) == "GB").take(2).collect();
    let ids: Vec<_> = gb.iter().map(|s| s.id).collect();
    let kind = gb[0].kind.code().to_string();
    let mut changed = Directory::default();
    for s in gb {
        s.verified_on = old;
        changed.services.push(s.clone());
    }
    store.upsert(&changed, &Author::System).await.expect("upsert");
    let counts = store
        .due_counts(
            chrono::NaiveDate::from_ymd_opt(2001, 6, 1).expect("date"),
            chrono::NaiveDate::from_ymd_opt(2001, 7, 1).expect("date"),
        )
        .await
        .expect("counts");
    let overdue: i64 = counts.iter().filter(|c| c.country == "GB").map(|c| c.overdue).sum();
    assert_eq!(overdue, 2, "{counts:?}");
    let query = helpatlas::store::DueQuery {
        verified_by: Some(old),
        country: Some("GB".into()),
        kind: Some(kind),
        limit: 10,
        offset: 0,
    };
    let due = store.due(&query).await.expect("due");
    assert!(!due.is_empty() && due.iter().all(|d| ids.contains(&d.id)));
}
