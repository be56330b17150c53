//! Records kept compressed in memory: each one's JSON, compressed on its own with zstd against a
//! dictionary trained on the directory's own records. Field names and the values records share then
//! cost a few bits, so a service takes about 200 bytes instead of the ~1.3 KB its structs and strings
//! take, and a page decodes only the twenty records it shows (a few microseconds each).
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

/// One record, compressed.
#[derive(Clone)]
pub struct Packed(Arc<[u8]>);

impl Packed {
    pub fn bytes(&self) -> usize {
        self.0.len()
    }

    /// The compressed bytes, as [`Packed::from_bytes`] takes them back (to save the index).
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    pub fn from_bytes(bytes: Vec<u8>) -> Packed {
        Packed(bytes.into())
    }
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
    /// A packer for records like `samples` (JSON documents), which may be few or none: with too few
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
        records.iter().step_by(step).filter_map(|r| serde_json::to_vec(r).ok()).collect()
    }

    pub fn pack<T: Serialize>(&self, record: &T) -> Packed {
        let json = serde_json::to_vec(record).unwrap_or_default();
        let mut out = Vec::with_capacity(zstd_safe::compress_bound(json.len()));
        let result =
            CONTEXTS.with(|c| c.borrow_mut().0.compress_using_cdict(&mut out, &json, &self.compress).map(drop));
        // Compressing into a buffer of the bound's size fails only on a zstd bug; the record is then
        // kept as it is, which `unpack` tells by its missing frame header.
        if result.is_err() {
            out = json;
        }
        Packed(out.into())
    }

    /// The record, or `None` if the bytes are not one of `T` (never for what [`Packer::pack`] made).
    pub fn unpack<T: DeserializeOwned>(&self, packed: &Packed) -> Option<T> {
        let bytes = &packed.0[..];
        let Ok(Some(size)) = zstd_safe::get_frame_content_size(bytes) else {
            return serde_json::from_slice(bytes).ok();
        };
        let mut json = Vec::with_capacity(usize::try_from(size).ok()?);
        CONTEXTS.with(|c| c.borrow_mut().1.decompress_using_ddict(&mut json, bytes, &self.decompress)).ok()?;
        match serde_json::from_slice(&json) {
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
            packed_bytes += packed.bytes();
            json_bytes += serde_json::to_vec(s).map(|j| j.len()).unwrap_or_default();
            assert_eq!(packer.unpack::<crate::model::Service>(&packed).as_ref(), Some(s));
        }
        assert!(packed_bytes * 3 < json_bytes, "{packed_bytes} packed of {json_bytes}");
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
}
