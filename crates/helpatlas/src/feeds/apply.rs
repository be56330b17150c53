//! What a pull writes: the feed's records under ids of their own (so that two publishers, or a
//! publisher and the bundled data, never overwrite each other's records), each record's provenance,
//! the retirement of records missing from two successful pulls in a row, and nothing over a record
//! that an editor of this directory changed.

use super::{FeedError, PullSummary};
use crate::model::{Author, Directory, Feed, FeedRecord, RecordKind, RetiredStatus, Retirement, Service};
use crate::store::Store;
use crate::transfer::{self, TransferError};
use chrono::{DateTime, Utc};
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

/// The namespace of the ids of records that feeds bring (a fixed random UUID).
const NAMESPACE: Uuid = Uuid::from_u128(0x6f0e_61c4_2b7d_4f2a_9a53_0c8e_51d2_7b19);

/// Successful pulls in a row a record may be missing from before its service is retired.
const MISSES_BEFORE_RETIRING: u32 = 2;

/// The id in this directory of the record `publisher` of `kind` that feed `feed` brings: the same
/// every pull, and distinct for every feed.
pub fn local_id(feed: &str, kind: RecordKind, publisher: Uuid) -> Uuid {
    Uuid::new_v5(&NAMESPACE, format!("{feed}/{}/{publisher}", kind.table()).as_bytes())
}

/// One record of a pull: its kind, its id here and at the publisher.
type Seen = (RecordKind, Uuid, Uuid);

/// Gives every record its id here, rewriting the references between them.
fn localise(feed: &str, directory: &mut Directory) -> Vec<Seen> {
    let id = |kind, publisher| local_id(feed, kind, publisher);
    let mut seen = Vec::new();
    for o in &mut directory.organizations {
        let publisher = o.id;
        o.id = id(RecordKind::Organization, publisher);
        seen.push((RecordKind::Organization, o.id, publisher));
    }
    for l in &mut directory.locations {
        let publisher = l.id;
        l.id = id(RecordKind::Location, publisher);
        l.organization_id = id(RecordKind::Organization, l.organization_id);
        seen.push((RecordKind::Location, l.id, publisher));
    }
    for s in &mut directory.services {
        let publisher = s.id;
        s.id = id(RecordKind::Service, publisher);
        s.organization_id = id(RecordKind::Organization, s.organization_id);
        s.location_ids = s.location_ids.iter().map(|l| id(RecordKind::Location, *l)).collect();
        seen.push((RecordKind::Service, s.id, publisher));
    }
    seen
}

/// Keeps the services of the countries and kinds the feed takes, and the organizations and locations
/// they use.
fn select(feed: &Feed, directory: &mut Directory) {
    let location_countries: HashMap<Uuid, crate::model::CountryCode> =
        directory.locations.iter().map(|l| (l.id, l.country)).collect();
    directory.services.retain(|s| {
        let kind = feed.kinds.is_empty() || feed.kinds.contains(&s.kind);
        let mut countries = s
            .areas
            .iter()
            .filter_map(|a| a.country())
            .chain(s.location_ids.iter().filter_map(|l| location_countries.get(l).copied()));
        kind && (feed.countries.is_empty() || countries.any(|c| feed.countries.contains(&c)))
    });
    let organizations: HashSet<Uuid> = directory.services.iter().map(|s| s.organization_id).collect();
    let locations: HashSet<Uuid> = directory.services.iter().flat_map(|s| s.location_ids.iter().copied()).collect();
    directory.locations.retain(|l| locations.contains(&l.id));
    let organizations: HashSet<Uuid> =
        organizations.into_iter().chain(directory.locations.iter().map(|l| l.organization_id)).collect();
    directory.organizations.retain(|o| organizations.contains(&o.id));
}

/// Leaves out of `directory` the records whose latest version someone other than a feed wrote (an
/// editor, an import): they are this directory's decisions now. Returns them.
async fn leave_local_changes(store: &dyn Store, directory: &mut Directory) -> Result<HashSet<Uuid>, FeedError> {
    let mut local = HashSet::new();
    let organizations = store.last_written_by_others(RecordKind::Organization, "feed").await?;
    let locations = store.last_written_by_others(RecordKind::Location, "feed").await?;
    let services = store.last_written_by_others(RecordKind::Service, "feed").await?;
    directory.organizations.retain(|o| not_local(&organizations, o.id, &mut local));
    directory.locations.retain(|l| not_local(&locations, l.id, &mut local));
    directory.services.retain(|s| not_local(&services, s.id, &mut local));
    Ok(local)
}

/// Whether `id` is not among the `changed_here`; when it is, it is added to `local`.
fn not_local(changed_here: &HashSet<Uuid>, id: Uuid, local: &mut HashSet<Uuid>) -> bool {
    if changed_here.contains(&id) {
        local.insert(id);
        return false;
    }
    true
}

/// The provenance rows after a pull that saw `seen`: seen records found now, the others missed once
/// more. Returns the rows and the services that have now been missing long enough to retire.
fn account(previous: &[FeedRecord], seen: &[Seen], feed: &str, now: DateTime<Utc>) -> (Vec<FeedRecord>, Vec<Uuid>) {
    let before: HashMap<(RecordKind, Uuid), &FeedRecord> =
        previous.iter().map(|r| ((r.kind, r.record_id), r)).collect();
    let present: HashSet<(RecordKind, Uuid)> = seen.iter().map(|(kind, id, _)| (*kind, *id)).collect();
    let mut rows = Vec::new();
    let mut to_retire = Vec::new();
    for (kind, record_id, publisher_id) in seen {
        let first_seen = before.get(&(*kind, *record_id)).map_or(now, |r| r.first_seen);
        rows.push(FeedRecord {
            feed: feed.to_string(),
            kind: *kind,
            record_id: *record_id,
            publisher_id: *publisher_id,
            first_seen,
            last_seen: now,
            missed: 0,
        });
    }
    for record in previous.iter().filter(|r| !present.contains(&(r.kind, r.record_id))) {
        let missed = record.missed.saturating_add(1);
        if record.kind == RecordKind::Service && missed == MISSES_BEFORE_RETIRING {
            to_retire.push(record.record_id);
        }
        rows.push(FeedRecord { missed, ..record.clone() });
    }
    (rows, to_retire)
}

/// The retired versions of the services `ids` that are listed now, with `reason`.
async fn retired(store: &dyn Store, ids: &[Uuid], reason: &str, now: DateTime<Utc>) -> Result<Vec<Service>, FeedError> {
    let mut out = Vec::new();
    for id in ids {
        let Some(mut service) = store.service(*id).await? else { continue };
        if service.is_retired() {
            continue;
        }
        service.retired = Some(Retirement { status: RetiredStatus::Defunct, reason: reason.to_string() });
        service.last_modified = now;
        out.push(service);
    }
    Ok(out)
}

fn missing_reason(feed: &str) -> String {
    format!("Missing from the feed {feed} in {MISSES_BEFORE_RETIRING} successful pulls in a row.")
}

/// Writes what a pull read: `directory` holds the publisher's records with the publisher's ids.
pub async fn changed(
    store: &dyn Store,
    feed: &Feed,
    mut directory: Directory,
    now: DateTime<Utc>,
) -> Result<PullSummary, FeedError> {
    let read = directory.services.len();
    select(feed, &mut directory);
    if directory.services.is_empty() {
        let why = match read {
            0 => String::new(),
            n => format!(" of the countries and kinds it is followed for (it has {n} others)"),
        };
        return Err(FeedError::Empty(why));
    }
    let services = directory.services.len();
    let seen = localise(&feed.name, &mut directory);
    let local = leave_local_changes(store, &mut directory).await?;
    if transfer::has_date(&directory, now) {
        transfer::keep_unchanged_dates(&mut directory, &store.load_directory().await?, now);
    }
    let previous = store.feed_records(&feed.name).await?;
    let (rows, to_retire) = account(&previous, &seen, &feed.name, now);
    let to_retire: Vec<Uuid> = to_retire.into_iter().filter(|id| !local.contains(id)).collect();
    let retiring = retired(store, &to_retire, &missing_reason(&feed.name), now).await?;
    let retired_count = retiring.len();
    directory.services.extend(retiring);
    let problems = transfer::check(&directory, &store.reference_ids().await?);
    if !problems.is_empty() {
        let problems = problems.iter().map(ToString::to_string).collect();
        return Err(FeedError::Import(TransferError::Invalid { path: feed.url.clone(), problems }));
    }
    let written = store.upsert(&directory, &Author::Feed { name: feed.name.clone() }).await?;
    store.replace_feed_records(&feed.name, &rows).await?;
    Ok(PullSummary {
        unchanged_feed: false,
        services,
        written: written.written,
        retired: retired_count,
        kept_local: local.len(),
        notes: Vec::new(),
    })
}

/// An unchanged feed still lacks what it lacked: records missing from the last pull count one
/// more miss.
pub async fn unchanged(store: &dyn Store, feed: &Feed, now: DateTime<Utc>) -> Result<PullSummary, FeedError> {
    let previous = store.feed_records(&feed.name).await?;
    let present: Vec<Seen> =
        previous.iter().filter(|r| r.missed == 0).map(|r| (r.kind, r.record_id, r.publisher_id)).collect();
    let (mut rows, to_retire) = account(&previous, &present, &feed.name, now);
    // Records seen in the last pull were not fetched again: they keep the time they were last seen.
    for row in rows.iter_mut().filter(|r| r.missed == 0) {
        if let Some(before) = previous.iter().find(|p| p.kind == row.kind && p.record_id == row.record_id) {
            row.last_seen = before.last_seen;
        }
    }
    let local = store.last_written_by_others(RecordKind::Service, "feed").await?;
    let to_retire: Vec<Uuid> = to_retire.into_iter().filter(|id| !local.contains(id)).collect();
    let retiring = retired(store, &to_retire, &missing_reason(&feed.name), now).await?;
    let count = retiring.len();
    if !retiring.is_empty() {
        let directory = Directory { services: retiring, ..Default::default() };
        store.upsert(&directory, &Author::Feed { name: feed.name.clone() }).await?;
    }
    store.replace_feed_records(&feed.name, &rows).await?;
    Ok(PullSummary { unchanged_feed: true, retired: count, ..Default::default() })
}

/// Retires every listed service the feed brought; returns how many.
pub async fn retire_all(store: &dyn Store, feed: &Feed, now: DateTime<Utc>) -> Result<usize, FeedError> {
    let ids: Vec<Uuid> = store
        .feed_records(&feed.name)
        .await?
        .into_iter()
        .filter(|r| r.kind == RecordKind::Service)
        .map(|r| r.record_id)
        .collect();
    let reason = format!("The feed {} it came from is no longer followed.", feed.name);
    let retiring = retired(store, &ids, &reason, now).await?;
    let count = retiring.len();
    if count > 0 {
        let directory = Directory { services: retiring, ..Default::default() };
        store.upsert(&directory, &Author::Feed { name: feed.name.clone() }).await?;
    }
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: RecordKind, n: u128, missed: u32) -> FeedRecord {
        let at = DateTime::from_timestamp(1_700_000_000, 0).unwrap_or_default();
        FeedRecord {
            feed: "f".into(),
            kind,
            record_id: Uuid::from_u128(n),
            publisher_id: Uuid::from_u128(n + 100),
            first_seen: at,
            last_seen: at,
            missed,
        }
    }

    #[test]
    fn a_service_is_retired_at_its_second_miss_only() {
        let now = Utc::now();
        let previous = vec![
            record(RecordKind::Service, 1, 0),
            record(RecordKind::Service, 2, 1),
            record(RecordKind::Service, 3, 2),
            record(RecordKind::Organization, 4, 1),
        ];
        let seen = vec![];
        let (rows, retire) = account(&previous, &seen, "f", now);
        assert_eq!(retire, vec![Uuid::from_u128(2)]);
        let missed: Vec<u32> = rows.iter().map(|r| r.missed).collect();
        assert_eq!(missed, vec![1, 2, 3, 2]);
    }

    #[test]
    fn a_record_seen_again_is_no_longer_missing_and_keeps_its_first_sighting() {
        let now = Utc::now();
        let previous = vec![record(RecordKind::Service, 1, 1)];
        let seen = vec![(RecordKind::Service, Uuid::from_u128(1), Uuid::from_u128(101))];
        let (rows, retire) = account(&previous, &seen, "f", now);
        assert!(retire.is_empty());
        assert_eq!((rows[0].missed, rows[0].first_seen, rows[0].last_seen), (0, previous[0].first_seen, now));
    }

    #[test]
    fn ids_are_stable_and_distinct_per_feed_and_table() {
        let publisher = Uuid::from_u128(7);
        assert_eq!(local_id("a", RecordKind::Service, publisher), local_id("a", RecordKind::Service, publisher));
        assert_ne!(local_id("a", RecordKind::Service, publisher), local_id("b", RecordKind::Service, publisher));
        assert_ne!(local_id("a", RecordKind::Service, publisher), local_id("a", RecordKind::Location, publisher));
    }
}
