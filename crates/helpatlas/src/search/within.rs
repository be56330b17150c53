//! Text clauses restricted to the documents filed under a place, clause by clause.
//!
//! A text query is a union of many term clauses (stems in the name and body, the word as typed, its
//! typos and prefixes, a synonym's topic). Intersecting the whole union with the place's documents
//! makes tantivy's buffered union work out the score of every document any clause matches anywhere
//! in the world, window by window, before the intersection drops those outside the place: at a
//! million services a common word matches a quarter of them, and that scoring was most of a text
//! query's time. Each clause is restricted here instead, so that the unions above them only ever see,
//! and score, documents of the place. The scores are those of the clauses: nothing is added.

use std::collections::HashMap;
use std::sync::Arc;
use tantivy::index::SegmentId;
use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, DocSet, Score, SegmentReader, Term, TERMINATED};
use tantivy_common::{BitSet, TinySet};

/// The documents filed under a place, one bit per document of each segment.
pub struct Area {
    segments: HashMap<SegmentId, Arc<Docs>>,
}

impl std::fmt::Debug for Area {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Area").field("segments", &self.segments.len()).finish()
    }
}

impl Area {
    /// The documents of `searcher`'s segments that have any of `terms`, read from the terms' postings.
    pub fn of(searcher: &tantivy::Searcher, terms: &[Term]) -> tantivy::Result<Area> {
        let mut segments = HashMap::new();
        for reader in searcher.segment_readers() {
            let mut docs = BitSet::with_max_value(reader.max_doc());
            for term in terms {
                let index = reader.inverted_index(term.field())?;
                let Some(info) = index.get_term_info(term)? else { continue };
                let mut postings = index.read_block_postings_from_terminfo(&info, IndexRecordOption::Basic)?;
                while !postings.docs().is_empty() {
                    postings.docs().iter().for_each(|&doc| docs.insert(doc));
                    postings.advance();
                }
            }
            segments.insert(reader.segment_id(), Arc::new(Docs::of(docs)));
        }
        Ok(Area { segments })
    }

    /// Every document of `searcher`'s segments: clauses restricted to it match as they would alone.
    #[cfg(test)]
    pub fn everything(searcher: &tantivy::Searcher) -> Area {
        let full =
            |r: &SegmentReader| (r.segment_id(), Arc::new(Docs::of(BitSet::with_max_value_and_full(r.max_doc()))));
        Area { segments: searcher.segment_readers().iter().map(full).collect() }
    }

    fn in_segment(&self, reader: &SegmentReader) -> tantivy::Result<Arc<Docs>> {
        self.segments.get(&reader.segment_id()).cloned().ok_or_else(|| {
            tantivy::TantivyError::InvalidArgument(format!(
                "no area for segment {}",
                reader.segment_id().short_uuid_string()
            ))
        })
    }
}

/// A place's documents in one segment, and which of the bit set's 64-bit words hold any: a place's
/// documents lie in a few runs (see `update::Region`) with long gaps between them, and finding the
/// next run by reading every empty word of a gap was a twenty-fifth of the CPU of the benchmark's
/// pages at a million services.
struct Docs {
    docs: BitSet,
    words: BitSet,
}

impl Docs {
    fn of(docs: BitSet) -> Docs {
        let count = docs.max_value().div_ceil(64);
        let mut words = BitSet::with_max_value(count);
        (0..count).filter(|&w| !docs.tinyset(w).is_empty()).for_each(|w| words.insert(w));
        Docs { docs, words }
    }

    fn contains(&self, doc: DocId) -> bool {
        self.docs.contains(doc)
    }

    fn len(&self) -> usize {
        self.docs.len()
    }

    /// The first document after `doc` (one of the segment's), or `TERMINATED`.
    fn after(&self, doc: DocId) -> DocId {
        let word = doc / 64;
        if let Some(bit) = first_from(self.docs.tinyset(word), doc % 64 + 1) {
            return word * 64 + bit;
        }
        let Some(next) = next_member(&self.words, word) else { return TERMINATED };
        first_from(self.docs.tinyset(next), 0).map_or(TERMINATED, |bit| next * 64 + bit)
    }
}

/// The first member of `set` greater than `value` (which is below the set's maximum).
fn next_member(set: &BitSet, value: u32) -> Option<u32> {
    let word = value / 64;
    if let Some(bit) = first_from(set.tinyset(word), value % 64 + 1) {
        return Some(word * 64 + bit);
    }
    let next = set.first_non_empty_bucket(word + 1)?;
    first_from(set.tinyset(next), 0).map(|bit| next * 64 + bit)
}

/// The lowest member of `word` at or above `bit`; none when `bit` is past the word.
fn first_from(word: TinySet, bit: u32) -> Option<u32> {
    if bit >= 64 {
        return None;
    }
    word.intersect(TinySet::range_greater_or_equal(bit)).into_iter().next()
}

/// `clause`, matching only documents of `area`.
pub fn within(clause: Box<dyn Query>, area: &Arc<Area>) -> Box<dyn Query> {
    Box::new(Within { clause, area: Arc::clone(area) })
}

#[derive(Debug)]
struct Within {
    clause: Box<dyn Query>,
    area: Arc<Area>,
}

impl Clone for Within {
    fn clone(&self) -> Within {
        Within { clause: self.clause.box_clone(), area: Arc::clone(&self.area) }
    }
}

impl Query for Within {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(WithinWeight { clause: self.clause.weight(scoring)?, area: Arc::clone(&self.area) }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.clause.query_terms(visitor);
    }
}

struct WithinWeight {
    clause: Box<dyn Weight>,
    area: Arc<Area>,
}

impl Weight for WithinWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let clause = self.clause.scorer(reader, boost)?;
        Ok(Box::new(WithinScorer::new(clause, self.area.in_segment(reader)?)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        if !self.area.in_segment(reader)?.contains(doc) {
            return Err(tantivy::TantivyError::InvalidArgument(format!("document {doc} is not filed under the place")));
        }
        self.clause.explain(reader, doc)
    }
}

/// A clause's scorer, stopping only on documents of the area: the clause and the area leapfrog, each
/// seeking the other's next document. The index keeps the services of a place together (see
/// `update::Region`), so a seek mostly skips whole blocks of the clause's postings; walking every
/// posting and testing it was slower at a million services for every page of the benchmark mix,
/// even where the clause matched far more documents than the place has.
struct WithinScorer {
    clause: Box<dyn Scorer>,
    area: Arc<Docs>,
    doc: DocId,
}

impl WithinScorer {
    fn new(clause: Box<dyn Scorer>, area: Arc<Docs>) -> WithinScorer {
        let mut scorer = WithinScorer { clause, area, doc: 0 };
        scorer.doc = scorer.settle();
        scorer
    }

    /// The first document at or after the clause's own that is both the clause's and the area's.
    fn settle(&mut self) -> DocId {
        let mut doc = self.clause.doc();
        while doc != TERMINATED && !self.area.contains(doc) {
            doc = match self.area.after(doc) {
                TERMINATED => TERMINATED,
                next => self.clause.seek(next),
            };
        }
        doc
    }
}

impl DocSet for WithinScorer {
    fn advance(&mut self) -> DocId {
        if self.doc != TERMINATED {
            self.clause.advance();
            self.doc = self.settle();
        }
        self.doc
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc < target {
            self.clause.seek(target);
            self.doc = self.settle();
        }
        self.doc
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.clause.size_hint().min(u32::try_from(self.area.len()).unwrap_or(u32::MAX))
    }
}

impl Scorer for WithinScorer {
    fn score(&mut self) -> Score {
        self.clause.score()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs of documents at word edges, single ones, and gaps of every length up to thousands of words.
    fn sample(max: u32) -> Vec<u32> {
        let mut docs = vec![0, 63, 64, 127, 129, 4_095, 4_096, 4_159];
        docs.extend(70_000..70_200);
        docs.extend([262_143, 262_144, 300_001]);
        docs.extend((500_000..max).step_by(40_961));
        docs.push(max - 1);
        docs.retain(|&d| d < max);
        docs.sort_unstable();
        docs.dedup();
        docs
    }

    #[test]
    fn the_next_document_is_found_across_gaps_of_any_length() {
        for max in [1, 64, 65, 4_160, 1_000_000, 1_000_001] {
            let docs = sample(max);
            let mut set = BitSet::with_max_value(max);
            docs.iter().for_each(|&d| set.insert(d));
            let area = Docs::of(set);
            for doc in (0..max).step_by(7).chain(docs.iter().copied()).chain([max - 1]) {
                let expected = docs.iter().copied().find(|&d| d > doc).unwrap_or(TERMINATED);
                assert_eq!(area.after(doc), expected, "after {doc} of {max}");
            }
        }
    }
}
