//! The index saved to a file beside the database, so that a restart reads it back in seconds instead
//! of reading every record from the store and building the text index again (minutes at a million
//! services).
//!
//! A saved index belongs to one moment of one store's history: its [`Stamp`] is the number of the
//! change it was built at and that change's own record (when and by whom it was written), which
//! another database, or one restored from a backup taken before that change, does not share. A saved
//! index whose change the store still has is read and brought up to date with the changes since;
//! anything else is rebuilt.
//!
//! The file is written under a temporary name and renamed into place, so that a crash leaves the
//! previous file or none. A SHA-256 of everything after the magic number closes it; it is checked
//! before the index is used, so a damaged file is refused as a whole and rebuilt, never served.
//!
//! Layout: magic, then frames (a little-endian `u64` length and the bytes), one per record or
//! table entry so that neither writing nor reading holds more than one at a time beside the index:
//! the header (postcard, with the counts of what follows), the small tables, each service's summary
//! and facts, the coverage lists, the packers' dictionaries, every packed record, the text index's
//! files (name, bytes); then the checksum.

use super::coverage::Area;
use super::coverage::Key;
use super::facts::{Facts, FactsRef, Languages, Schedule, Schedules};
use super::ids::{IdMap, Positions};
use super::plain::Plain;
use super::pool::Pools;
use super::records::{Blocks, Packer};
use super::text::TextIndex;
use super::{Index, Lists, Packers, StoredLocation, StoredOrganization, Summary, Tables};
use crate::model::Point;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use uuid::Uuid;

const MAGIC: &[u8; 8] = b"HAINDEX\n";
/// Bumped whenever what is saved changes shape or order: a file of another format is rebuilt, not
/// misread (format 4: services in region order, see `update::Region`; 5: records in MessagePack, see
/// `records`, and a service's kind saved as a byte; 6: dates in records as numbers, see `model::compact`).
const FORMAT: u32 = 6;
/// Longest header or small table accepted: anything longer is not one of ours.
const MAX_SMALL: u64 = 16 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum SavedError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{path}: not a saved index of this version of Help Atlas")]
    Format { path: PathBuf },
    #[error("{path}: damaged ({reason})")]
    Damaged { path: PathBuf, reason: String },
    #[error("{path}: saved at change {saved}, which is not in the store's history")]
    OtherHistory { path: PathBuf, saved: i64 },
}

/// Where in a store's history an index was built: a change's number, and that change's own record
/// (none for change 0, the empty store).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub change: i64,
    pub mark: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct Header {
    format: u32,
    stamp: Stamp,
    services: u64,
    organizations: u64,
    locations: u64,
    lists: u64,
    plain: u64,
    crisis: u64,
}

/// The tables that are not per service or per key. Schedules are few and hold `Hours`, whose serde
/// form leaves out empty fields: each is kept as JSON, which tells what is there.
#[derive(Serialize, Deserialize)]
struct Small {
    schedules: Vec<String>,
    vacant: Vec<u32>,
    languages: Vec<String>,
}

/// A service's [`Summary`], with its schedule as a place in [`Small::schedules`]; written from
/// borrowed fields (`T` = `&str`, `&[Uuid]`...) and read into owned ones, which postcard encodes alike.
#[derive(Serialize, Deserialize)]
struct SavedSummary<N, L, T> {
    id: Uuid,
    organization_id: Uuid,
    name: N,
    last_modified: DateTime<Utc>,
    location_ids: L,
    terms: T,
    schedule: u32,
}

#[derive(Serialize, Deserialize)]
struct SavedLocation<P> {
    id: Uuid,
    organization_id: Uuid,
    point: Point,
    postcode: P,
}

type OwnedSummary = SavedSummary<Box<str>, Box<[Uuid]>, Box<[u16]>>;
/// A service's summary and facts as read, with the facts' languages, points and areas.
type FactsRead = (OwnedSummary, Facts, Vec<u16>, Vec<Point>, Vec<Area>);

/// Writes frames into a running SHA-256.
struct Writer {
    inner: BufWriter<File>,
    sum: Sha256,
    buf: Vec<u8>,
}

impl Writer {
    fn bytes(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        let len = (bytes.len() as u64).to_le_bytes();
        self.sum.update(len);
        self.sum.update(bytes);
        self.inner.write_all(&len)?;
        self.inner.write_all(bytes)
    }

    fn value(&mut self, value: &impl Serialize) -> std::io::Result<()> {
        let mut buf = std::mem::take(&mut self.buf);
        buf.clear();
        let encoded = postcard::to_extend(value, buf).map_err(std::io::Error::other)?;
        let written = self.bytes(&encoded);
        self.buf = encoded;
        written
    }
}

impl Index {
    /// Saves this index to `path` as built at `stamp`, replacing what was there only once all is written.
    pub fn save(&self, stamp: &Stamp, path: &Path) -> Result<(), SavedError> {
        let io = |source| SavedError::Io { path: path.to_path_buf(), source };
        let files = self
            .text
            .files(&self.searcher)
            .map_err(|e| SavedError::Damaged { path: path.into(), reason: e.to_string() })?;
        // Named for this process, so that two servers sharing a data directory never write into one file.
        let partial = path.with_extension(format!("{}.partial", std::process::id()));
        let file = File::create(&partial).map_err(io)?;
        let mut w = Writer { inner: BufWriter::with_capacity(1 << 20, file), sum: Sha256::new(), buf: Vec::new() };
        w.inner.write_all(MAGIC).map_err(io)?;
        self.write(stamp, &files, &mut w).map_err(io)?;
        let sum = w.sum.finalize();
        let mut file = w.inner.into_inner().map_err(|e| io(e.into_error()))?;
        file.write_all(&sum).map_err(io)?;
        file.sync_all().map_err(io)?;
        std::fs::rename(&partial, path).map_err(io)
    }

    fn write(&self, stamp: &Stamp, files: &[(String, Vec<u8>)], w: &mut Writer) -> std::io::Result<()> {
        let t = &self.tables;
        w.value(&Header {
            format: FORMAT,
            stamp: stamp.clone(),
            services: t.services.len() as u64,
            organizations: t.organizations.len() as u64,
            locations: t.locations.len() as u64,
            lists: t.lists.0.len() as u64,
            plain: t.plain.len() as u64,
            crisis: t.crisis.0.len() as u64,
        })?;
        let mut schedule_ids: HashMap<*const Schedule, u32> = HashMap::new();
        let mut schedules: Vec<String> = Vec::new();
        let mut ids = Vec::with_capacity(t.summaries.len());
        for s in &t.summaries {
            let pointer = Arc::as_ptr(&s.schedule);
            let id = match schedule_ids.get(&pointer) {
                Some(id) => *id,
                None => {
                    schedules.push(serde_json::to_string(&*s.schedule).map_err(std::io::Error::other)?);
                    let id = (schedules.len() - 1) as u32;
                    schedule_ids.insert(pointer, id);
                    id
                }
            };
            ids.push(id);
        }
        let mut vacant: Vec<u32> = t.vacant.iter().copied().collect();
        vacant.sort_unstable();
        w.value(&Small { schedules, vacant, languages: t.languages.codes().to_vec() })?;
        for (position, schedule) in ids.into_iter().enumerate() {
            let (s, f) = (t.summary_at(position as u32), t.facts_at(position as u32));
            let summary = SavedSummary {
                id: s.id,
                organization_id: s.organization_id,
                name: s.name(),
                last_modified: s.last_modified,
                location_ids: s.location_ids(),
                terms: s.terms(),
                schedule,
            };
            w.value(&(summary, &*f, f.languages(), f.points(), &*f.areas()))?;
        }
        for (key, list) in &t.lists.0 {
            w.value(&(key, &***list))?;
        }
        for (key, list) in t.plain.lists() {
            w.value(&(key, list))?;
        }
        for (key, list) in &t.crisis.0 {
            w.value(&(key, &***list))?;
        }
        for packer in [&t.packers.services, &t.packers.organizations, &t.packers.locations] {
            w.bytes(packer.dictionary())?;
        }
        for packed in &t.services {
            w.bytes(t.blocks.bytes(packed))?;
        }
        for (id, o) in t.organizations.iter() {
            w.value(&(id, t.pools.name(o.name)))?;
            w.bytes(t.blocks.bytes(&o.record))?;
        }
        for (id, l) in t.locations.iter() {
            let postcode = l.postcode.as_deref();
            w.value(&SavedLocation { id: *id, organization_id: l.organization_id, point: l.point, postcode })?;
            w.bytes(t.blocks.bytes(&l.record))?;
        }
        w.value(&(files.len() as u64))?;
        for (name, bytes) in files {
            w.bytes(name.as_bytes())?;
            w.bytes(bytes)?;
        }
        Ok(())
    }

    /// The index saved at `path`, opened as far as its [`Stamp`]; `Ok(None)` when there is no file.
    pub fn open_saved(path: &Path) -> Result<Option<SavedIndex>, SavedError> {
        let file = match File::open(path) {
            Ok(file) => file,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(source) => return Err(SavedError::Io { path: path.into(), source }),
        };
        let size = file.metadata().map_err(|source| SavedError::Io { path: path.into(), source })?.len();
        let inner = BufReader::with_capacity(1 << 20, file);
        let mut r = Reader { path: path.into(), left: size, inner, sum: Sha256::new(), buf: Vec::new() };
        let mut magic = [0; 8];
        r.exact(&mut magic).map_err(|_| SavedError::Format { path: path.into() })?;
        if &magic != MAGIC {
            return Err(SavedError::Format { path: path.into() });
        }
        r.sum = Sha256::new();
        let header: Header = r.value(MAX_SMALL).map_err(|_| SavedError::Format { path: path.into() })?;
        if header.format != FORMAT {
            return Err(SavedError::Format { path: path.into() });
        }
        Ok(Some(SavedIndex { r, header }))
    }
}

/// A saved index whose header has been read: the caller checks its stamp against the store, then
/// reads the rest.
pub struct SavedIndex {
    r: Reader,
    header: Header,
}

impl SavedIndex {
    pub fn stamp(&self) -> &Stamp {
        &self.header.stamp
    }

    /// Refuses the file as not of the store's history.
    pub fn other_history(&self) -> SavedError {
        SavedError::OtherHistory { path: self.r.path.clone(), saved: self.header.stamp.change }
    }

    /// The whole index, once its checksum has been found right. The caller brings it up to date
    /// with the changes since [`Index::change`].
    pub fn read(self) -> Result<Index, SavedError> {
        let SavedIndex { mut r, header } = self;
        let tables = Tables::read(&header, &mut r)?;
        let count: u64 = r.value(16)?;
        let files = (0..count).map(|_| r.file()).collect::<Result<Vec<_>, _>>()?;
        r.check_sum()?;
        let text = TextIndex::from_files(files).map_err(|e| r.damaged(e.to_string()))?;
        let searcher = text.searcher().map_err(|e| r.damaged(e.to_string()))?;
        if searcher.num_docs() != (tables.services.len() - tables.vacant.len()) as u64 {
            return Err(r.damaged("its text index and its records disagree"));
        }
        // The age readiness reports is that of this version in memory, as for a build.
        Ok(Index::version(tables, Arc::new(text), searcher, header.stamp.change, true))
    }
}

/// Reads frames, summing what it reads, never allocating more than the file has left.
struct Reader {
    path: PathBuf,
    left: u64,
    inner: BufReader<File>,
    sum: Sha256,
    buf: Vec<u8>,
}

impl Reader {
    /// Room to reserve for `count` entries: no more than the rest of the file could hold (each takes
    /// more than 16 bytes), so that a damaged count fails as damaged instead of asking for all memory.
    fn capacity_for(&self, count: u64) -> usize {
        usize::try_from(count.min(self.left / 16)).unwrap_or(0)
    }

    fn damaged(&self, reason: impl Into<String>) -> SavedError {
        SavedError::Damaged { path: self.path.clone(), reason: reason.into() }
    }

    fn exact(&mut self, buf: &mut [u8]) -> Result<(), SavedError> {
        if (buf.len() as u64) > self.left {
            return Err(self.damaged("it ends too early"));
        }
        self.inner.read_exact(buf).map_err(|source| SavedError::Io { path: self.path.clone(), source })?;
        self.left -= buf.len() as u64;
        self.sum.update(&*buf);
        Ok(())
    }

    /// The next frame, into `self.buf`.
    fn frame(&mut self, limit: u64) -> Result<(), SavedError> {
        let mut len = [0; 8];
        self.exact(&mut len)?;
        let len = u64::from_le_bytes(len);
        if len > limit.min(self.left) {
            return Err(self.damaged("a part is longer than the file or than it may be"));
        }
        let mut buf = std::mem::take(&mut self.buf);
        buf.resize(len as usize, 0);
        let read = self.exact(&mut buf);
        self.buf = buf;
        read
    }

    fn bytes(&mut self) -> Result<Vec<u8>, SavedError> {
        self.frame(u64::MAX)?;
        Ok(std::mem::take(&mut self.buf))
    }

    fn value<T: for<'de> Deserialize<'de>>(&mut self, limit: u64) -> Result<T, SavedError> {
        self.frame(limit)?;
        postcard::from_bytes(&self.buf).map_err(|e| self.damaged(format!("an unreadable entry: {e}")))
    }

    fn file(&mut self) -> Result<(String, Vec<u8>), SavedError> {
        self.frame(1024)?;
        let name =
            String::from_utf8(std::mem::take(&mut self.buf)).map_err(|_| self.damaged("a file name is not UTF-8"))?;
        Ok((name, self.bytes()?))
    }

    fn check_sum(&mut self) -> Result<(), SavedError> {
        let computed = self.sum.clone().finalize();
        let mut stored = [0; 32];
        self.exact(&mut stored)?;
        if self.left != 0 {
            return Err(self.damaged("it goes on after its checksum"));
        }
        if computed.as_slice() != stored {
            return Err(self.damaged("its checksum does not match"));
        }
        Ok(())
    }
}

impl Tables {
    /// The tables [`Index::write`] saved, read in the same order.
    fn read(header: &Header, r: &mut Reader) -> Result<Tables, SavedError> {
        let n = usize::try_from(header.services).map_err(|_| r.damaged("too many services"))?;
        let small: Small = r.value(MAX_SMALL)?;
        if small.vacant.iter().any(|&p| p as usize >= n) {
            return Err(r.damaged("a retired service's place is out of range"));
        }
        let mut interned = Schedules::default();
        let schedules = small.schedules.iter().map(|json| {
            let schedule = serde_json::from_str(json).map_err(|e| r.damaged(format!("an unreadable schedule: {e}")))?;
            Ok(interned.intern(schedule))
        });
        let schedules: Vec<Arc<Schedule>> = schedules.collect::<Result<_, SavedError>>()?;
        let vacant: HashSet<u32> = small.vacant.into_iter().collect();
        let mut languages = Languages::default();
        for code in &small.languages {
            languages.intern(code);
        }
        let mut positions = Positions::with_capacity(n);
        let mut summaries = Vec::with_capacity(n);
        let mut facts = Vec::with_capacity(n);
        let mut pools = Pools::default();
        pools.reserve(n);
        for position in 0..n as u32 {
            let (s, f, languages, points, areas): FactsRead = r.value(MAX_SMALL)?;
            let schedule = schedules.get(s.schedule as usize).ok_or_else(|| r.damaged("a schedule is missing"))?;
            let id = s.id;
            summaries.push(Summary {
                id: s.id,
                organization_id: s.organization_id,
                name: pools.names.add(s.name.as_bytes()),
                last_modified: s.last_modified,
                location_ids: pools.location_ids.add(&s.location_ids),
                terms: pools.terms.add(&s.terms),
                schedule: Arc::clone(schedule),
            });
            facts.push(f.with_lists(&languages, &points, &areas, &mut pools));
            if !vacant.contains(&position) {
                positions.insert(id, position, |p| summaries[p as usize].id);
            }
        }
        let read_list = |r: &mut Reader| -> Result<(Key, Vec<u32>), SavedError> {
            let (key, list): (Key, Vec<u32>) = r.value(u64::MAX)?;
            if list.iter().any(|&p| p as usize >= n) {
                return Err(r.damaged("a coverage list names a service that is not there"));
            }
            Ok((key, list))
        };
        let read_lists = |r: &mut Reader, count: u64| -> Result<Lists, SavedError> {
            (0..count)
                .map(|_| read_list(r).map(|(key, list)| (key, Arc::new(list))))
                .collect::<Result<_, _>>()
                .map(Lists)
        };
        let lists = read_lists(r, header.lists)?;
        let mut plain = Plain::default();
        for _ in 0..header.plain {
            let (key, list) = read_list(r)?;
            for p in list {
                plain.add(key.clone(), p, FactsRef::new(&facts[p as usize], &pools));
            }
        }
        let crisis = read_lists(r, header.crisis)?;
        let packers = Arc::new(Packers {
            services: Packer::with_dictionary(r.bytes()?),
            organizations: Packer::with_dictionary(r.bytes()?),
            locations: Packer::with_dictionary(r.bytes()?),
        });
        let mut blocks = Blocks::default();
        let services = (0..n).map(|_| Ok(blocks.add(&r.bytes()?))).collect::<Result<Vec<_>, SavedError>>()?;
        let mut organizations = IdMap::with_capacity(r.capacity_for(header.organizations));
        for _ in 0..header.organizations {
            let (id, name): (Uuid, String) = r.value(MAX_SMALL)?;
            let name = pools.names.add(name.as_bytes());
            organizations.insert(id, StoredOrganization { name, record: blocks.add(&r.bytes()?) });
        }
        let mut locations = IdMap::with_capacity(r.capacity_for(header.locations));
        for _ in 0..header.locations {
            let l: SavedLocation<Option<Box<str>>> = r.value(MAX_SMALL)?;
            let record = blocks.add(&r.bytes()?);
            let stored =
                StoredLocation { organization_id: l.organization_id, point: l.point, postcode: l.postcode, record };
            locations.insert(l.id, stored);
        }
        Ok(Tables {
            packers,
            blocks: Arc::new(blocks),
            services,
            summaries,
            facts,
            pools,
            positions,
            vacant,
            organizations,
            locations,
            lists,
            plain,
            crisis,
            languages,
            schedules: interned,
        })
    }
}
