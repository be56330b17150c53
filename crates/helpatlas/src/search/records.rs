//! Records kept compressed in memory: each one in MessagePack, compressed on its own with zstd against
//! a dictionary trained on the directory's own records. Field names and the values records share then
//! cost a few bits, so a service takes about 200 bytes instead of the ~1.3 KB its structs and strings
//! take, and a page decodes only the twenty records it shows (a few microseconds each).
//!
//! MessagePack rather than JSON: it reads back about a quarter faster (lengths instead of escapes to
//! scan for, identifiers as 16 bytes instead of text), and a page decodes every record it shows.
//! Fields are written with their names, as maps: the model leaves empty fields out, which a format
//! of fields by position (postcard, bincode) could not read back.
//!
//! What ranking, filtering and facets read for every candidate stays unpacked beside these (see
//! `facts` and [`super::Summary`]).

use serde::de::DeserializeOwned;
use serde::Serialize;
use std::cell::RefCell;
use std::sync::Arc;
use zstd::zstd_safe::{self, CCtx, CDict, DCtx, DDict};

/// Size of the trained dictionary: past 8 KB records barely shrink further.
const DICTIONARY_BYTES: usize = 8 * 1024;
/// Records the dictionary is trained on.
const SAMPLES: usize = 2_000;
const LEVEL: i32 = 1;

/// One record, compressed: in the [`Blocks`] of the build or saved index it came from, or on its own
/// (a record changed since, or one too large for a block).
#[derive(Clone)]
pub enum Packed {
    InBlock { at: u32, len: u32 },
    Own(Arc<[u8]>),
}

// An `Arc<[u8]>`'s pointer is never null, so the enum needs no tag of its own.
const _: () = assert!(std::mem::size_of::<Packed>() == 16);

impl Packed {
    pub fn own(bytes: &[u8]) -> Packed {
        Packed::Own(bytes.into())
    }

    pub fn bytes(&self) -> usize {
        match self {
            Packed::InBlock { len, .. } => *len as usize,
            Packed::Own(bytes) => bytes.len(),
        }
    }
}

/// Size of a block of records.
const BLOCK: usize = 1 << 20;
/// Blocks addressable by a `u32` offset.
const MAX_BLOCKS: usize = (u32::MAX as usize + 1) / BLOCK;

/// Records packed together, a mebibyte a block: a record kept on its own cost its bytes plus a
/// counted pointer's header and the allocator's rounding, about 30 bytes more for each of the 2.3
/// million records of a million-service directory. Written while an index is built or read, then
/// shared by every version of it.
#[derive(Default)]
pub struct Blocks(Vec<Vec<u8>>);

impl Blocks {
    /// Keeps `bytes` in the last block, or a new one (on its own once 4 GiB of blocks are full).
    pub fn add(&mut self, bytes: &[u8]) -> Packed {
        let fits = |b: &Vec<u8>| b.len() + bytes.len() <= BLOCK;
        if bytes.len() > BLOCK || (!self.0.last().is_some_and(fits) && self.0.len() == MAX_BLOCKS) {
            return Packed::own(bytes);
        }
        if !self.0.last().is_some_and(fits) {
            self.0.push(Vec::with_capacity(BLOCK));
        }
        let index = self.0.len() - 1;
        let block = &mut self.0[index];
        let at = (index * BLOCK + block.len()) as u32;
        block.extend_from_slice(bytes);
        Packed::InBlock { at, len: bytes.len() as u32 }
    }

    /// The compressed bytes of `packed` (empty, which reads as no record, if it is not from here).
    pub fn bytes<'a>(&'a self, packed: &'a Packed) -> &'a [u8] {
        match packed {
            Packed::Own(bytes) => bytes,
            Packed::InBlock { at, len } => {
                let (index, start) = (*at as usize / BLOCK, *at as usize % BLOCK);
                let block = self.0.get(index);
                block.and_then(|b| b.get(start..start + *len as usize)).unwrap_or_default()
            }
        }
    }
}

/// A record as MessagePack, with field names.
fn encode<T: Serialize>(record: &T) -> Result<Vec<u8>, rmp_serde::encode::Error> {
    rmp_serde::to_vec_named(record)
}

/// Compresses and decompresses records with one dictionary (shared by every version of the index).
pub struct Packer {
    dictionary: Vec<u8>,
    compress: CDict<'static>,
    decompress: DDict<'static>,
}

thread_local! {
    static CONTEXTS: RefCell<(CCtx<'static>, DCtx<'static>)> = RefCell::new((CCtx::create(), DCtx::create()));
}

impl Packer {
    /// A packer for records like `samples` (from [`Packer::samples`]), which may be few or none: with too few
    /// to train on, their plain concatenation serves as the dictionary.
    pub fn new(samples: &[Vec<u8>]) -> Packer {
        let samples = &samples[..samples.len().min(SAMPLES)];
        let dictionary = zstd::dict::from_samples(samples, DICTIONARY_BYTES).unwrap_or_else(|_| {
            let mut raw: Vec<u8> = samples.iter().flatten().copied().collect();
            raw.truncate(DICTIONARY_BYTES);
            raw
        });
        Packer::with_dictionary(dictionary)
    }

    /// A packer with a dictionary made before (a saved index's): it reads what that one packed.
    pub fn with_dictionary(dictionary: Vec<u8>) -> Packer {
        Packer { compress: CDict::create(&dictionary, LEVEL), decompress: DDict::create(&dictionary), dictionary }
    }

    pub fn dictionary(&self) -> &[u8] {
        &self.dictionary
    }

    /// Samples for [`Packer::new`]: records spread over `records`.
    pub fn samples<T: Serialize>(records: &[T]) -> Vec<Vec<u8>> {
        let step = (records.len() / SAMPLES).max(1);
        records.iter().step_by(step).filter_map(|r| encode(r).ok()).collect()
    }

    /// `record` compressed, for [`Blocks::add`] or [`Packed::own`].
    pub fn pack<T: Serialize>(&self, record: &T) -> Vec<u8> {
        let raw = encode(record).unwrap_or_else(|e| {
            tracing::error!(error = %e, "a record could not be encoded to be kept in memory");
            Vec::new()
        });
        let mut out = Vec::with_capacity(zstd_safe::compress_bound(raw.len()));
        let result = CONTEXTS.with(|c| c.borrow_mut().0.compress_using_cdict(&mut out, &raw, &self.compress).map(drop));
        // Compressing into a buffer of the bound's size fails only on a zstd bug; the record is then
        // kept as it is, which `unpack` tells by its missing frame header.
        if result.is_err() {
            out = raw;
        }
        out
    }

    /// The record, or `None` if the bytes are not one of `T` (never for what [`Packer::pack`] made).
    pub fn unpack<T: DeserializeOwned>(&self, bytes: &[u8]) -> Option<T> {
        let Ok(Some(size)) = zstd_safe::get_frame_content_size(bytes) else {
            return rmp_serde::from_slice(bytes).ok();
        };
        let mut raw = Vec::with_capacity(usize::try_from(size).ok()?);
        CONTEXTS.with(|c| c.borrow_mut().1.decompress_using_ddict(&mut raw, bytes, &self.decompress)).ok()?;
        match rmp_serde::from_slice(&raw) {
            Ok(record) => Some(record),
            Err(e) => {
                tracing::error!(error = %e, "a record kept in memory could not be read back");
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate;

    #[test]
    fn records_come_back_as_they_went_in_and_smaller() {
        let directory = generate::directory(3_000, 7);
        let packer = Packer::new(&Packer::samples(&directory.services));
        let mut packed_bytes = 0;
        let mut json_bytes = 0;
        for s in &directory.services {
            let packed = packer.pack(s);
            packed_bytes += packed.len();
            json_bytes += serde_json::to_vec(s).map(|j| j.len()).unwrap_or_default();
            assert_eq!(packer.unpack::<crate::model::Service>(&packed).as_ref(), Some(s));
        }
        assert!(packed_bytes * 3 < json_bytes, "{packed_bytes} packed of {json_bytes}");
    }

    /// The bundled records use every field the generated ones leave out (translations, eligibility,
    /// source dates, retirement, opening hours of every shape): each comes back equal.
    #[test]
    fn every_bundled_record_comes_back_as_it_went_in() {
        let (directory, _) = crate::bundled::load().expect("bundled data loads");
        let services = Packer::new(&Packer::samples(&directory.services));
        for s in &directory.services {
            assert_eq!(services.unpack::<crate::model::Service>(&services.pack(s)).as_ref(), Some(s), "{}", s.name);
        }
        let organizations = Packer::new(&Packer::samples(&directory.organizations));
        for o in &directory.organizations {
            assert_eq!(organizations.unpack::<crate::model::Organization>(&organizations.pack(o)).as_ref(), Some(o));
        }
        let locations = Packer::new(&Packer::samples(&directory.locations));
        for l in &directory.locations {
            assert_eq!(locations.unpack::<crate::model::Location>(&locations.pack(l)).as_ref(), Some(l));
        }
        assert!(directory.services.iter().any(|s| !s.translations.is_empty()), "some records have translations");
    }

    #[test]
    fn a_packer_without_samples_still_keeps_records() {
        let directory = generate::directory(5, 1);
        let packer = Packer::new(&[]);
        let s = &directory.services[0];
        assert_eq!(packer.unpack::<crate::model::Service>(&packer.pack(s)).as_ref(), Some(s));
        let few = Packer::new(&Packer::samples(&directory.services));
        assert_eq!(few.unpack::<crate::model::Service>(&few.pack(s)).as_ref(), Some(s));
    }

    #[test]
    fn records_kept_in_blocks_come_back_whole_across_blocks_and_large_ones_on_their_own() {
        let mut blocks = Blocks::default();
        let records: Vec<Vec<u8>> = (0..3_000u32).map(|n| n.to_le_bytes().repeat(100 + n as usize % 200)).collect();
        let packed: Vec<Packed> = records.iter().map(|r| blocks.add(r)).collect();
        assert!(blocks.0.len() > 1, "the records fill more than one block");
        assert!(blocks.0.iter().all(|b| b.len() <= BLOCK && b.capacity() == BLOCK));
        assert!(packed.iter().all(|p| matches!(p, Packed::InBlock { .. })));
        for (p, r) in packed.iter().zip(&records) {
            assert_eq!(blocks.bytes(p), &r[..]);
        }
        let large = vec![7u8; BLOCK + 1];
        let own = blocks.add(&large);
        assert!(matches!(own, Packed::Own(_)));
        assert_eq!(blocks.bytes(&own), &large[..]);
        assert_eq!(Blocks::default().bytes(&packed[2_999]), &[] as &[u8], "a record from other blocks reads as none");
    }
}
