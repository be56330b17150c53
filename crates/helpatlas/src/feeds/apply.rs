//! What a pull writes: the feed's records under ids of their own (so that two publishers, or a
//! publisher and the bundled data, never overwrite each other's records), each record's provenance,
//! the retirement of records missing from two successful full pulls in a row, and nothing over a
//! record that an editor of this directory changed. An incremental pull (only what changed since a
//! time) writes what it read and counts no misses: a record it did not return may be unchanged.

use super::{FeedError, PullSummary};
use crate::model::{Author, Directory, Feed, FeedRecord, Record, RecordKind, RetiredStatus, Retirement, Service};
use crate::store::Store;
use crate::transfer::{self, TransferError};
use chrono::{DateTime, Utc};
use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

/// The namespace of the ids of records that feeds bring (a fixed random UUID).
const NAMESPACE: Uuid = Uuid::from_u128(0x6f0e_61c4_2b7d_4f2a_9a53_0c8e_51d2_7b19);

/// Successful full pulls in a row a record may be missing from before its service is retired.
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
            .filter_map(crate::geo::area_country)
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

/// Fields a pull never pins: the record's date changes with every write.
const NEVER_PINNED: [&str; 1] = ["last_modified"];

/// The fields of a stored document as a JSON object.
fn fields_of(doc: &str) -> Map<String, Value> {
    match serde_json::from_str(doc) {
        Ok(Value::Object(fields)) => fields,
        _ => Map::new(),
    }
}

/// The fields an editor (or an import) changed since a feed last wrote the record.
async fn edited_here(store: &dyn Store, kind: RecordKind, id: Uuid) -> Result<Vec<String>, FeedError> {
    let revisions = store.revisions(kind, id).await?;
    let (Some(latest), Some(base)) = (revisions.last(), revisions.iter().rev().find(|r| r.author.kind() == "feed"))
    else {
        return Ok(Vec::new());
    };
    let (base, now) = (fields_of(&base.doc), fields_of(&latest.doc));
    let mut keys: Vec<&String> = base.keys().chain(now.keys()).collect();
    keys.sort();
    keys.dedup();
    Ok(keys
        .into_iter()
        .filter(|k| !NEVER_PINNED.contains(&k.as_str()) && base.get(*k) != now.get(*k))
        .cloned()
        .collect())
}

/// The fields pinned on one record and those of them where the feed says otherwise.
#[derive(Debug, Clone, Default, PartialEq)]
struct Pins {
    pinned: Vec<String>,
    differs: Vec<String>,
}

/// The feed's version of a record with the `pinned` fields as they are here; `None` when that is
/// what is stored already.
fn merge(incoming: &Record, here: &Record, pinned: &[String]) -> (Option<Record>, Vec<String>) {
    let (Value::Object(feed), Value::Object(local)) = (incoming.to_json(), here.to_json()) else {
        return (Some(incoming.clone()), Vec::new());
    };
    let mut merged = feed.clone();
    for key in pinned {
        match local.get(key) {
            Some(value) => merged.insert(key.clone(), value.clone()),
            None => merged.remove(key),
        };
    }
    let differs = pinned.iter().filter(|k| feed.get(*k) != local.get(*k)).cloned().collect();
    let undated = |fields: &Map<String, Value>| {
        let mut fields = fields.clone();
        fields.remove("last_modified");
        fields
    };
    if undated(&merged) == undated(&local) {
        return (None, differs);
    }
    let record = Record::from_json(incoming.kind(), &Value::Object(merged).to_string()).ok();
    (Some(record.unwrap_or_else(|| here.clone())), differs)
}

fn push(directory: &mut Directory, record: Record) {
    match record {
        Record::Organization(o) => directory.organizations.push(o),
        Record::Location(l) => directory.locations.push(l),
        Record::Service(s) => directory.services.push(s),
    }
}

/// Keeps the fields local editors changed: pinned once changed here (remembered in the provenance
/// rows), they stay as the editor left them in every later pull, while the feed's other fields keep
/// arriving. Returns the directory to write and the pins of every record that has some.
async fn keep_local_fields(
    store: &dyn Store,
    directory: Directory,
    previous: &HashMap<(RecordKind, Uuid), &FeedRecord>,
) -> Result<(Directory, HashMap<Uuid, Pins>), FeedError> {
    let mut changed_here = HashMap::new();
    for kind in RecordKind::ALL {
        changed_here.insert(kind, store.last_written_by_others(kind, "feed").await?);
    }
    let records = directory
        .organizations
        .into_iter()
        .map(Record::Organization)
        .chain(directory.locations.into_iter().map(Record::Location))
        .chain(directory.services.into_iter().map(Record::Service));
    let (mut out, mut pins) = (Directory::default(), HashMap::new());
    for record in records {
        let (kind, id) = (record.kind(), record.id());
        let mut pinned = previous.get(&(kind, id)).map(|r| r.pinned.clone()).unwrap_or_default();
        if changed_here.get(&kind).is_some_and(|ids| ids.contains(&id)) {
            for field in edited_here(store, kind, id).await? {
                if !pinned.contains(&field) {
                    pinned.push(field);
                }
            }
        }
        let here = match pinned.is_empty() {
            true => None,
            false => store.record(kind, id).await?,
        };
        let Some(here) = here else {
            push(&mut out, record);
            continue;
        };
        let (merged, differs) = merge(&record, &here.record, &pinned);
        pins.insert(id, Pins { pinned, differs });
        if let Some(merged) = merged {
            push(&mut out, merged);
        }
    }
    Ok((out, pins))
}

/// The provenance rows after a pull that saw `seen`: seen records found now, the others missed once
/// more after a `full` pull (and left as they were after an incremental one). Returns the rows and
/// the services that have now been missing long enough to retire.
fn account(
    previous: &[FeedRecord],
    seen: &[Seen],
    pins: &HashMap<Uuid, Pins>,
    feed: &str,
    now: DateTime<Utc>,
    full: bool,
) -> (Vec<FeedRecord>, Vec<Uuid>) {
    let before: HashMap<(RecordKind, Uuid), &FeedRecord> =
        previous.iter().map(|r| ((r.kind, r.record_id), r)).collect();
    let present: HashSet<(RecordKind, Uuid)> = seen.iter().map(|(kind, id, _)| (*kind, *id)).collect();
    let mut rows = Vec::new();
    let mut to_retire = Vec::new();
    for (kind, record_id, publisher_id) in seen {
        let first_seen = before.get(&(*kind, *record_id)).map_or(now, |r| r.first_seen);
        let Pins { pinned, differs } = pins.get(record_id).cloned().unwrap_or_default();
        rows.push(FeedRecord {
            feed: feed.to_string(),
            kind: *kind,
            record_id: *record_id,
            publisher_id: *publisher_id,
            first_seen,
            last_seen: now,
            missed: 0,
            pinned,
            differs,
        });
    }
    for record in previous.iter().filter(|r| !present.contains(&(r.kind, r.record_id))) {
        if !full {
            rows.push(record.clone());
            continue;
        }
        let missed = record.missed.saturating_add(1);
        // A record with fields changed here is this directory's too: it is not retired for the feed.
        if record.kind == RecordKind::Service && missed == MISSES_BEFORE_RETIRING && record.pinned.is_empty() {
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

/// Writes what a pull read: `directory` holds the publisher's records with the publisher's ids,
/// every one (`full`) or those changed since the time an incremental pull asked from.
pub async fn changed(
    store: &dyn Store,
    feed: &Feed,
    mut directory: Directory,
    now: DateTime<Utc>,
    full: bool,
) -> Result<PullSummary, FeedError> {
    let read = directory.services.len();
    select(feed, &mut directory);
    if directory.services.is_empty() && !full {
        // Nothing the feed is followed for changed.
        return Ok(PullSummary { unchanged_feed: true, incremental: true, ..Default::default() });
    }
    if directory.services.is_empty() {
        let why = match read {
            0 => String::new(),
            n => format!(" of the countries and kinds it is followed for (it has {n} others)"),
        };
        return Err(FeedError::Empty(why));
    }
    let services = directory.services.len();
    let seen = localise(&feed.name, &mut directory);
    let previous = store.feed_records(&feed.name).await?;
    let before: HashMap<(RecordKind, Uuid), &FeedRecord> =
        previous.iter().map(|r| ((r.kind, r.record_id), r)).collect();
    let (mut directory, pins) = keep_local_fields(store, directory, &before).await?;
    if transfer::has_date(&directory, now) {
        transfer::keep_unchanged_dates(&mut directory, &store.load_directory().await?, now);
    }
    let (rows, to_retire) = account(&previous, &seen, &pins, &feed.name, now, full);
    let local = store.last_written_by_others(RecordKind::Service, "feed").await?;
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
    let ours: HashSet<Uuid> = rows.iter().filter(|r| r.kind == RecordKind::Service).map(|r| r.record_id).collect();
    let suggested = super::merge::suggestions(&store.load_directory().await?, &ours);
    store.suggest_links(&suggested).await?;
    Ok(PullSummary {
        unchanged_feed: false,
        services,
        written: written.written,
        retired: retired_count,
        kept_local: pins.len(),
        notes: Vec::new(),
        incremental: !full,
    })
}

/// An unchanged feed still lacks what it lacked: after a full pull, records missing from the last
/// pull count one more miss; an incremental pull that found no change changes nothing.
pub async fn unchanged(
    store: &dyn Store,
    feed: &Feed,
    now: DateTime<Utc>,
    full: bool,
) -> Result<PullSummary, FeedError> {
    if !full {
        return Ok(PullSummary { unchanged_feed: true, incremental: true, ..Default::default() });
    }
    let previous = store.feed_records(&feed.name).await?;
    let present: Vec<Seen> =
        previous.iter().filter(|r| r.missed == 0).map(|r| (r.kind, r.record_id, r.publisher_id)).collect();
    let pins =
        previous.iter().map(|r| (r.record_id, Pins { pinned: r.pinned.clone(), differs: r.differs.clone() })).collect();
    let (mut rows, to_retire) = account(&previous, &present, &pins, &feed.name, now, true);
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
            pinned: Vec::new(),
            differs: Vec::new(),
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
        let (rows, retire) = account(&previous, &seen, &HashMap::new(), "f", now, true);
        assert_eq!(retire, vec![Uuid::from_u128(2)]);
        let missed: Vec<u32> = rows.iter().map(|r| r.missed).collect();
        assert_eq!(missed, vec![1, 2, 3, 2]);
    }

    #[test]
    fn an_incremental_pull_counts_no_misses() {
        let now = Utc::now();
        let previous = vec![record(RecordKind::Service, 1, 0), record(RecordKind::Service, 2, 1)];
        let seen = vec![(RecordKind::Service, Uuid::from_u128(1), Uuid::from_u128(101))];
        let (rows, retire) = account(&previous, &seen, &HashMap::new(), "f", now, false);
        assert!(retire.is_empty());
        assert_eq!((rows[0].missed, rows[0].last_seen), (0, now));
        assert_eq!(rows[1], previous[1], "a record the pull did not return is left as it was");
    }

    #[test]
    fn a_record_seen_again_is_no_longer_missing_and_keeps_its_first_sighting() {
        let now = Utc::now();
        let previous = vec![record(RecordKind::Service, 1, 1)];
        let seen = vec![(RecordKind::Service, Uuid::from_u128(1), Uuid::from_u128(101))];
        let (rows, retire) = account(&previous, &seen, &HashMap::new(), "f", now, true);
        assert!(retire.is_empty());
        assert_eq!((rows[0].missed, rows[0].first_seen, rows[0].last_seen), (0, previous[0].first_seen, now));
    }

    #[test]
    fn pinned_fields_stay_as_edited_and_the_feeds_other_fields_arrive() {
        let stored = crate::bundled::load().expect("bundled").0.services[0].clone();
        let mut here = stored.clone();
        here.name = "Edited here".into();
        let mut incoming = stored.clone();
        incoming.name = "Renamed by the publisher".into();
        incoming.description = "New at the publisher".into();
        let pinned = vec!["name".to_string()];
        let (merged, differs) = merge(&Record::Service(incoming), &Record::Service(here.clone()), &pinned);
        let Some(Record::Service(merged)) = merged else { panic!("a service to write") };
        assert_eq!((merged.name.as_str(), merged.description.as_str()), ("Edited here", "New at the publisher"));
        assert_eq!(differs, pinned);
        let (unchanged, differs) = merge(&Record::Service(here.clone()), &Record::Service(here), &pinned);
        assert!(unchanged.is_none(), "nothing to write when the merge is what is stored");
        assert!(differs.is_empty());
    }

    #[test]
    fn ids_are_stable_and_distinct_per_feed_and_table() {
        let publisher = Uuid::from_u128(7);
        assert_eq!(local_id("a", RecordKind::Service, publisher), local_id("a", RecordKind::Service, publisher));
        assert_ne!(local_id("a", RecordKind::Service, publisher), local_id("b", RecordKind::Service, publisher));
        assert_ne!(local_id("a", RecordKind::Service, publisher), local_id("a", RecordKind::Location, publisher));
    }
}
