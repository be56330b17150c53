//! The text side of search, on tantivy, held in RAM: folded, stemmed words per service, matched with
//! synonyms, phrases, prefixes and typo tolerance, restricted to the place's coverage keys.
//!
//! Words are folded (`geo::fold`) and stemmed here, before tantivy sees them, with the stemmer of the
//! service's first language; tantivy only splits on spaces. A query word is stemmed with every
//! stemmer and any of its stems may match, so a Norwegian query finds Norwegian services without the
//! query saying its language.

use super::coverage::Key;
use super::synonyms::{self, Found};
use super::within::{within, Area};
use crate::geo::fold;
use crate::model::remembered::Remembered;
use crate::model::Topic;
use rust_stemmers::{Algorithm, Stemmer};
use std::path::Path;
use std::sync::{Arc, LazyLock, Mutex, OnceLock};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::ColumnValues;
use tantivy::directory::RamDirectory;
use tantivy::indexer::NoMergePolicy;
use tantivy::query::{BooleanQuery, BoostQuery, ConstScoreQuery, FuzzyTermQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED, STRING};
use tantivy::tokenizer::{TextAnalyzer, WhitespaceTokenizer};
use tantivy::Directory;
use tantivy::{DocId, IndexReader, IndexWriter, ReloadPolicy, Score, Searcher, SegmentReader, TantivyDocument, Term};
use uuid::Uuid;

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("text index: {0}")]
    Text(#[from] tantivy::TantivyError),
    #[error("text index writer is unavailable (a previous update failed)")]
    Writer,
    #[error("a service packed while building the index could not be read back")]
    Unpacked,
    #[error("saved text index: {0}")]
    Saved(String),
    #[error("directory for building the text index in {path}: {source}")]
    BuildDirectory { path: std::path::PathBuf, source: std::io::Error },
}

/// tantivy's list of segments, and its list of the files it manages (see [`TextIndex::from_files`]).
const META_FILE: &str = "meta.json";
/// The field holding each document's service position.
const ORD_FIELD: &str = "ord";
const MANAGED_FILE: &str = ".managed.json";

/// tantivy's file extensions of a segment's components (`SegmentComponent`), but deletes.
const SEGMENT_FILES: &[&str] = &["pos", "idx", "term", "store", "fast", "fieldnorm"];
/// Names of the directories [`TextIndex::builder_in`] builds in (see [`remove_stale_builds`]).
const BUILD_DIR_PREFIX: &str = ".search-build-";
/// A build directory untouched this long was left by a process that stopped while building: a build
/// writes its segments continuously and takes minutes even at millions of services.
const STALE_BUILD: std::time::Duration = std::time::Duration::from_secs(3600);

/// Removes build directories in `parent` that a stopped process left behind (see [`STALE_BUILD`]),
/// returning how many; one that cannot be removed is left, with a warning.
pub fn remove_stale_builds(parent: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return 0;
    };
    let stale = entries.flatten().filter(|e| {
        let named = e.file_name().to_str().is_some_and(|n| n.starts_with(BUILD_DIR_PREFIX));
        let age = e.metadata().and_then(|m| m.modified()).ok().and_then(|t| t.elapsed().ok());
        named && age.is_some_and(|a| a >= STALE_BUILD)
    });
    let mut removed = 0;
    for entry in stale {
        match std::fs::remove_dir_all(entry.path()) {
            Ok(()) => removed += 1,
            Err(e) => tracing::warn!(path = %entry.path().display(), error = %e, "cannot remove an old index build"),
        }
    }
    removed
}

/// Languages (ISO 639-1) whose stemmer is used; others are folded only. Scripts that `fold`
/// transliterates (Greek, Cyrillic, Arabic) are not stemmed, since their stemmers expect the original.
const STEMMERS: &[(&str, Algorithm)] = &[
    ("en", Algorithm::English),
    ("da", Algorithm::Danish),
    ("nl", Algorithm::Dutch),
    ("fi", Algorithm::Finnish),
    ("fr", Algorithm::French),
    ("de", Algorithm::German),
    ("hu", Algorithm::Hungarian),
    ("it", Algorithm::Italian),
    ("no", Algorithm::Norwegian),
    ("nb", Algorithm::Norwegian),
    ("nn", Algorithm::Norwegian),
    ("pt", Algorithm::Portuguese),
    ("ro", Algorithm::Romanian),
    ("es", Algorithm::Spanish),
    ("sv", Algorithm::Swedish),
    ("tr", Algorithm::Turkish),
];

fn stemmers() -> &'static [(&'static str, Stemmer)] {
    static ALL: OnceLock<Vec<(&'static str, Stemmer)>> = OnceLock::new();
    ALL.get_or_init(|| STEMMERS.iter().map(|(code, a)| (*code, Stemmer::create(*a))).collect())
}

fn stemmer_for(languages: &[String]) -> Option<&'static Stemmer> {
    languages.iter().find_map(|l| stemmers().iter().find(|(code, _)| *code == l.as_str()).map(|(_, s)| s))
}

/// Words that say nothing about the help wanted, in the languages with data. Dropped from queries
/// unless nothing else is left.
const STOPWORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "and",
    "or",
    "to",
    "of",
    "for",
    "in",
    "on",
    "at",
    "with",
    "about",
    "i",
    "me",
    "my",
    "im",
    "is",
    "am",
    "are",
    "be",
    "need",
    "want",
    "someone",
    "some",
    "get",
    "find",
    "near",
    "help",
    "jeg",
    "og",
    "med",
    "til",
    "for",
    "hjelp",
    "trenger",
    "det",
    "en",
    "et",
    "jag",
    "och",
    "hjalp",
    "behover",
    "ich",
    "und",
    "mit",
    "fur",
    "hilfe",
    "brauche",
    "der",
    "die",
    "das",
    "ein",
    "eine",
    "mich",
    "minun",
    "ja",
    "apua",
    "tarvitsen",
    "ik",
    "en",
    "het",
    "de",
    "hulp",
    "je",
    "et",
    "le",
    "la",
    "les",
    "el",
    "los",
    "y",
    "de",
];

const NAME_BOOST: Score = 2.0;
const TOPIC_BOOST: Score = 3.0;
/// Most query words considered; the rest of a long query is ignored.
const MAX_WORDS: usize = 12;

pub struct Fields {
    /// The service's position: what results are read by, and what an update replaces documents by
    /// (a service keeps its position). Indexed as a number rather than the service's id as text, whose
    /// million unique terms took a quarter of the index.
    ord: Field,
    coverage: Field,
    topic: Field,
    name: Field,
    body: Field,
    exact: Field,
}

/// What to index for one service.
pub struct TextDoc<'a> {
    pub ord: u32,
    pub languages: &'a [String],
    pub name: &'a str,
    /// Everything else a person may type: description, organization, topic labels, place names.
    pub body: Vec<&'a str>,
    pub topics: &'a [Topic],
    pub keys: Vec<Key>,
}

fn stemmed(stemmer: Option<&Stemmer>, folded: &str) -> String {
    match stemmer {
        Some(s) => folded.split(' ').map(|w| s.stem(w)).collect::<Vec<_>>().join(" "),
        None => folded.to_string(),
    }
}

/// The text index and the one writer that updates it (shared by every version of the search index).
pub struct TextIndex {
    fields: Fields,
    reader: IndexReader,
    writer: Mutex<Option<IndexWriter>>,
}

/// A text index being built, batch by batch (see [`TextIndex::builder`]).
pub struct TextBuilder {
    index: tantivy::Index,
    fields: Fields,
    writer: IndexWriter,
    threads: usize,
    /// Where the segments are written while building, if not in memory (see [`TextIndex::builder_in`]).
    on_disk: Option<tempfile::TempDir>,
}

impl TextBuilder {
    /// Indexes documents `0..len` of a batch, made by `doc` on the builder's threads: folding and
    /// stemming cost more than tantivy's own work, and documents are made one at a time so that a
    /// batch's are never all held at once.
    pub fn add<'a>(&self, len: usize, doc: impl Fn(usize) -> TextDoc<'a> + Sync) -> Result<(), SearchError> {
        let threads = self.threads;
        std::thread::scope(|scope| {
            let workers: Vec<_> = (0..threads)
                .map(|t| {
                    let (writer, fields, doc) = (&self.writer, &self.fields, &doc);
                    scope.spawn(move || {
                        (t..len)
                            .step_by(threads)
                            .try_for_each(|i| writer.add_document(fields.document(&doc(i))).map(drop))
                    })
                })
                .collect();
            workers.into_iter().try_for_each(|w| w.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
        })?;
        Ok(())
    }

    /// Commits, then merges to one segment so that queries walk one set of postings; an index built
    /// on disk is then read into memory, a file at a time, and its directory removed.
    pub fn finish(mut self) -> Result<TextIndex, SearchError> {
        self.writer.commit()?;
        let segments = self.index.searchable_segment_ids()?;
        if segments.len() > 1 {
            self.writer.merge(&segments).wait()?;
        }
        self.writer.wait_merging_threads()?;
        let Some(dir) = self.on_disk else {
            return TextIndex::ready(self.index, self.fields);
        };
        let reader: IndexReader = self.index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        let index = TextIndex::from_file_iter(segment_files(self.index.directory(), &reader.searcher())?)?;
        drop((reader, self.index));
        let path = dir.path().to_path_buf();
        dir.close().map_err(|source| SearchError::BuildDirectory { path, source })?;
        Ok(index)
    }
}

/// The files of the index as `searcher` sees it, read one at a time as the iterator is walked: first
/// the list of segments (`meta.json`), made anew from the searcher's own segments since updates may
/// have moved the index on since, then each segment's files.
fn segment_files<'a>(
    directory: &'a dyn Directory,
    searcher: &Searcher,
) -> Result<impl Iterator<Item = Result<(String, Vec<u8>), SearchError>> + 'a, SearchError> {
    let saved = |e: &dyn std::fmt::Display| SearchError::Saved(e.to_string());
    let meta = directory.atomic_read(Path::new(META_FILE)).map_err(tantivy::TantivyError::from)?;
    let mut meta: serde_json::Value = serde_json::from_slice(&meta).map_err(|e| saved(&e))?;
    let mut segments = Vec::new();
    let mut names = Vec::new();
    for segment in searcher.segment_readers() {
        let id = Uuid::parse_str(&segment.segment_id().uuid_string()).map_err(|e| saved(&e))?;
        let deletes = segment
            .delete_opstamp()
            .map(|opstamp| serde_json::json!({ "num_deleted_docs": segment.num_deleted_docs(), "opstamp": opstamp }));
        segments.push(serde_json::json!({ "segment_id": id, "max_doc": segment.max_doc(), "deletes": deletes }));
        let id = id.simple();
        names.extend(SEGMENT_FILES.iter().map(|ext| format!("{id}.{ext}")));
        names.extend(segment.delete_opstamp().map(|opstamp| format!("{id}.{opstamp}.del")));
    }
    meta["segments"] = serde_json::Value::Array(segments);
    let meta = serde_json::to_vec(&meta).map_err(|e| saved(&e))?;
    let read = names.into_iter().map(|name| {
        let bytes = directory.atomic_read(Path::new(&name)).map_err(tantivy::TantivyError::from)?;
        Ok((name, bytes))
    });
    Ok(std::iter::once(Ok((META_FILE.to_string(), meta))).chain(read))
}

/// Segments an updated index may have before the small ones are merged (see `merge_small_segments`).
const MAX_SEGMENTS: usize = 8;

/// Memory for the writer that updates the index after it is built.
const UPDATE_WRITER_BYTES: usize = 20_000_000;

impl TextIndex {
    fn schema() -> (Schema, Fields) {
        let mut b = Schema::builder();
        let words = |positions: bool| {
            let option =
                if positions { IndexRecordOption::WithFreqsAndPositions } else { IndexRecordOption::WithFreqs };
            TextOptions::default()
                .set_indexing_options(TextFieldIndexing::default().set_tokenizer("words").set_index_option(option))
        };
        let fields = Fields {
            ord: b.add_u64_field(ORD_FIELD, INDEXED | FAST),
            coverage: b.add_text_field("coverage", STRING),
            topic: b.add_text_field("topic", STRING),
            name: b.add_text_field("name", words(true)),
            body: b.add_text_field("body", words(true)),
            exact: b.add_text_field("exact", words(false)),
        };
        (b.build(), fields)
    }

    /// Starts a build in memory with `threads` threads preparing documents and `budget` bytes for
    /// tantivy.
    pub fn builder(threads: usize, budget: usize) -> Result<TextBuilder, SearchError> {
        let (schema, fields) = TextIndex::schema();
        TextIndex::builder_of(tantivy::Index::create_in_ram(schema), fields, threads, budget, None)
    }

    /// Starts a build whose segments are written to a new directory in `parent` (removed when the
    /// build is finished or dropped) and read into memory once merged: the segments, and at the end
    /// their merged copy, are then not on the heap beside everything else the build holds.
    pub fn builder_in(parent: &Path, threads: usize, budget: usize) -> Result<TextBuilder, SearchError> {
        let dir = tempfile::Builder::new()
            .prefix(BUILD_DIR_PREFIX)
            .tempdir_in(parent)
            .map_err(|source| SearchError::BuildDirectory { path: parent.to_path_buf(), source })?;
        let (schema, fields) = TextIndex::schema();
        let index = tantivy::Index::create_in_dir(dir.path(), schema)?;
        TextIndex::builder_of(index, fields, threads, budget, Some(dir))
    }

    fn builder_of(
        index: tantivy::Index,
        fields: Fields,
        threads: usize,
        budget: usize,
        on_disk: Option<tempfile::TempDir>,
    ) -> Result<TextBuilder, SearchError> {
        index.tokenizers().register("words", TextAnalyzer::from(WhitespaceTokenizer::default()));
        let writer: IndexWriter = index.writer_with_num_threads(threads, budget)?;
        // `finish` merges every segment into one; a background merge of some of them at the same
        // time would make that merge fail (it did with a smaller budget at a million services).
        writer.set_merge_policy(Box::new(NoMergePolicy));
        Ok(TextBuilder { index, fields, writer, threads, on_disk })
    }

    /// The index with its update writer and reader.
    fn ready(index: tantivy::Index, fields: Fields) -> Result<TextIndex, SearchError> {
        let writer: IndexWriter = index.writer_with_num_threads(1, UPDATE_WRITER_BYTES)?;
        // Merges run inside `update`, under its lock, never in the background: the files of the
        // index then change only there, so that `files` can read a consistent set.
        writer.set_merge_policy(Box::new(NoMergePolicy));
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        Ok(TextIndex { fields, reader, writer: Mutex::new(Some(writer)) })
    }

    /// Each update adds a segment; past [`MAX_SEGMENTS`], all but the largest are merged into one, so
    /// that queries walk few sets of postings and a merge costs about the size of the changes.
    fn merge_small_segments(writer: &mut IndexWriter) -> tantivy::Result<()> {
        let mut segments = writer.index().searchable_segment_metas()?;
        if segments.len() <= MAX_SEGMENTS {
            return Ok(());
        }
        segments.sort_by_key(|s| std::cmp::Reverse(s.num_docs()));
        let small: Vec<_> = segments[1..].iter().map(|s| s.id()).collect();
        writer.merge(&small).wait().map(drop)
    }

    /// The files of the index as `searcher` sees it, by name: what [`TextIndex::from_files`] takes
    /// back. tantivy's list of segments (`meta.json`) is written anew from the searcher's own
    /// segments, since updates may have moved the index on since the searcher was made; a file an
    /// update has removed since then fails the read rather than saving another index.
    pub fn files(&self, searcher: &Searcher) -> Result<Vec<(String, Vec<u8>)>, SearchError> {
        // No update commits or merges while the files are read.
        let _updates_wait = self.writer.lock().map_err(|_| SearchError::Writer)?;
        segment_files(searcher.index().directory(), searcher)?.collect()
    }

    /// The index saved by [`TextIndex::files`], in memory again.
    pub fn from_files(files: Vec<(String, Vec<u8>)>) -> Result<TextIndex, SearchError> {
        TextIndex::from_file_iter(files.into_iter().map(Ok))
    }

    /// The index of `files` in memory, each file let go once copied in.
    fn from_file_iter(
        files: impl Iterator<Item = Result<(String, Vec<u8>), SearchError>>,
    ) -> Result<TextIndex, SearchError> {
        let directory = RamDirectory::create();
        let mut managed: Vec<String> = Vec::new();
        for file in files {
            let (name, bytes) = file?;
            let path = Path::new(&name);
            if path.components().count() != 1 || name.starts_with('.') {
                return Err(SearchError::Saved(format!("unexpected file name {name:?}")));
            }
            directory.atomic_write(path, &bytes).map_err(|e| SearchError::Saved(e.to_string()))?;
            if name != META_FILE {
                managed.push(name);
            }
        }
        // Listed as tantivy's own files, so that merges after the restart remove them when unused.
        let managed = serde_json::to_vec(&managed).map_err(|e| SearchError::Saved(e.to_string()))?;
        directory.atomic_write(Path::new(MANAGED_FILE), &managed).map_err(|e| SearchError::Saved(e.to_string()))?;
        let index = tantivy::Index::open(directory)?;
        let (schema, fields) = TextIndex::schema();
        if index.schema() != schema {
            return Err(SearchError::Saved("the saved text index has another schema".into()));
        }
        index.tokenizers().register("words", TextAnalyzer::from(WhitespaceTokenizer::default()));
        TextIndex::ready(index, fields)
    }

    pub fn searcher(&self) -> Result<Snapshot, SearchError> {
        Snapshot::of(self.reader.searcher())
    }

    /// Replaces the documents of the given services, removes those of the services at `removed`, and
    /// returns a searcher that sees the change.
    pub fn update<'a>(
        &self,
        docs: impl Iterator<Item = TextDoc<'a>>,
        removed: &[u32],
    ) -> Result<Snapshot, SearchError> {
        let mut guard = self.writer.lock().map_err(|_| SearchError::Writer)?;
        let writer = guard.as_mut().ok_or(SearchError::Writer)?;
        for &position in removed {
            writer.delete_term(Term::from_field_u64(self.fields.ord, u64::from(position)));
        }
        for doc in docs {
            writer.delete_term(Term::from_field_u64(self.fields.ord, u64::from(doc.ord)));
            writer.add_document(self.fields.document(&doc))?;
        }
        let committed = writer.commit().map(drop).and_then(|()| TextIndex::merge_small_segments(writer));
        if let Err(e) = committed {
            // A writer whose commit or merge failed is in an unknown state; later updates rebuild instead.
            *guard = None;
            return Err(e.into());
        }
        self.reader.reload()?;
        self.searcher()
    }

    /// The documents of `searcher` filed under `keys`: a place's, for [`TextIndex::search`].
    pub fn area(&self, searcher: &Snapshot, keys: &[Key]) -> Result<Arc<Area>, SearchError> {
        let terms: Vec<Term> = keys.iter().map(|k| Term::from_field_text(self.fields.coverage, &k.token())).collect();
        Ok(Arc::new(Area::of(searcher, &terms)?))
    }

    /// Services matching `text` among the documents of `area` (of the same `searcher`), with their
    /// scores. Tries strictly first (every word), then with typos and prefixes allowed, then any word:
    /// the first that finds anything.
    pub fn search(
        &self,
        searcher: &Snapshot,
        parsed: &Parsed,
        area: &Arc<Area>,
    ) -> Result<Vec<(u32, Score)>, SearchError> {
        let clauses = Clauses { fields: &self.fields, area: Arc::clone(area) };
        for mode in [Mode::Strict, Mode::Tolerant, Mode::AnyWord] {
            let Some(query) = clauses.text_query(parsed, mode) else { return Ok(Vec::new()) };
            let found = searcher.search(&*query, &searcher.all_scored())?;
            if !found.is_empty() {
                return Ok(found);
            }
        }
        Ok(Vec::new())
    }

    /// Positions of the services that have, for each of `words` (folded), a word starting with it
    /// among their name and text words; every service when `words` is empty.
    pub fn with_prefixes(&self, searcher: &Snapshot, words: &[&str]) -> Result<Vec<u32>, SearchError> {
        let prefix = |w: &str| -> Box<dyn Query> {
            Box::new(FuzzyTermQuery::new_prefix(Term::from_field_text(self.fields.exact, w), 0, true))
        };
        let query: Box<dyn Query> = if words.is_empty() {
            Box::new(tantivy::query::AllQuery)
        } else {
            Box::new(BooleanQuery::new(words.iter().map(|w| (Occur::Must, prefix(w))).collect()))
        };
        let found = searcher.search(&query, &searcher.all_scored())?;
        Ok(found.into_iter().map(|(p, _)| p).collect())
    }
}

/// The clauses of a text query, each matching only documents of the place's area (see
/// [`super::within`]).
struct Clauses<'a> {
    fields: &'a Fields,
    area: Arc<Area>,
}

impl Clauses<'_> {
    /// A term clause of the area.
    fn term(&self, field: Field, text: &str) -> Box<dyn Query> {
        let query = TermQuery::new(Term::from_field_text(field, text), IndexRecordOption::WithFreqs);
        within(Box::new(query), &self.area)
    }

    /// One clause per content word and per synonym, all required (or, for `AnyWord`, any).
    fn text_query(&self, parsed: &Parsed, mode: Mode) -> Option<Box<dyn Query>> {
        let last = parsed.words.len().saturating_sub(1);
        let mut clauses: Vec<Box<dyn Query>> = parsed
            .content
            .iter()
            .map(|&i| self.word_query(&parsed.words[i], mode, i == last && !parsed.ends_with_space))
            .collect();
        for found in &parsed.found {
            clauses.push(self.synonym_query(parsed, found, mode));
        }
        clauses.extend(parsed.phrases.iter().filter_map(|p| self.phrase_query(p)));
        if clauses.is_empty() {
            return None;
        }
        let occur = if mode == Mode::AnyWord { Occur::Should } else { Occur::Must };
        Some(Box::new(BooleanQuery::new(clauses.into_iter().map(|c| (occur, c)).collect())))
    }

    /// A word matches any of its stems in the name (boosted) or elsewhere, or itself unstemmed; in
    /// tolerant mode also with a typo or two, or as the beginning of a word when it is the last one typed.
    fn word_query(&self, word: &str, mode: Mode, last: bool) -> Box<dyn Query> {
        let f = self.fields;
        let mut options: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for stem in stems(word).iter() {
            options.push((Occur::Should, Box::new(BoostQuery::new(self.term(f.name, stem), NAME_BOOST))));
            options.push((Occur::Should, self.term(f.body, stem)));
        }
        options.push((Occur::Should, self.term(f.exact, word)));
        if mode != Mode::Strict {
            let chars = word.chars().count();
            let distance = match chars {
                0..=3 => 0,
                4..=7 => 1,
                _ => 2,
            };
            if distance > 0 {
                let fuzzy = FuzzyTermQuery::new(Term::from_field_text(f.exact, word), distance, true);
                options.push((Occur::Should, within(Box::new(fuzzy), &self.area)));
            }
            if last && chars >= 3 {
                let prefix = FuzzyTermQuery::new_prefix(Term::from_field_text(f.exact, word), 0, true);
                options.push((Occur::Should, within(Box::new(prefix), &self.area)));
            }
        }
        Box::new(BooleanQuery::new(options))
    }

    /// A synonym matches its topic (boosted), or the words that make it up.
    fn synonym_query(&self, parsed: &Parsed, found: &Found, mode: Mode) -> Box<dyn Query> {
        let topic = Term::from_field_text(self.fields.topic, found.topic.code());
        // Every service of the topic matches it equally: how many other topics it lists says nothing.
        let topic = TermQuery::new(topic, IndexRecordOption::Basic);
        let topic = Box::new(ConstScoreQuery::new(within(Box::new(topic), &self.area), TOPIC_BOOST));
        let words: Vec<(Occur, Box<dyn Query>)> = (found.first_word..found.first_word + found.words)
            .filter_map(|i| parsed.words.get(i))
            .filter(|w| !is_stopword(w))
            .map(|w| (Occur::Must, self.word_query(w, mode, false)))
            .collect();
        let mut options: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Should, topic)];
        if !words.is_empty() {
            options.push((Occur::Should, Box::new(BooleanQuery::new(words))));
        }
        Box::new(BooleanQuery::new(options))
    }

    /// A quoted phrase: its words in order, stemmed alike by any one language's stemmer.
    fn phrase_query(&self, words: &[String]) -> Option<Box<dyn Query>> {
        if words.len() < 2 {
            return words.first().map(|w| self.word_query(w, Mode::Strict, false));
        }
        let mut variants: Vec<Vec<String>> = std::iter::once(words.to_vec())
            .chain(stemmers().iter().map(|(_, s)| words.iter().map(|w| s.stem(w).into_owned()).collect()))
            .collect();
        variants.sort();
        variants.dedup();
        let options = variants
            .into_iter()
            .map(|v| {
                let terms = v.iter().map(|w| Term::from_field_text(self.fields.body, w)).collect();
                (Occur::Should, within(Box::new(PhraseQuery::new(terms)), &self.area))
            })
            .collect();
        Some(Box::new(BooleanQuery::new(options)))
    }
}

impl Fields {
    fn document(&self, doc: &TextDoc) -> TantivyDocument {
        let stemmer = stemmer_for(doc.languages);
        let name = fold(doc.name);
        let body = fold(&doc.body.join(" "));
        let mut d = TantivyDocument::default();
        d.add_u64(self.ord, u64::from(doc.ord));
        for key in &doc.keys {
            d.add_text(self.coverage, key.token());
        }
        for topic in doc.topics {
            d.add_text(self.topic, topic.code());
        }
        d.add_text(self.name, stemmed(stemmer, &name));
        d.add_text(self.body, stemmed(stemmer, &body));
        d.add_text(self.exact, format!("{name} {body}"));
        d
    }
}

/// Every stem a word may have in any language, and the word itself. Remembered: running every
/// language's stemmer over the words of each query was a twentieth of a results page's work.
fn stems(word: &str) -> Arc<[String]> {
    static KNOWN: LazyLock<Remembered<String, Arc<[String]>>> = LazyLock::new(|| Remembered::keeping(10_000));
    KNOWN.get_or(word.to_string(), || {
        let mut all: Vec<String> = stemmers().iter().map(|(_, s)| s.stem(word).into_owned()).collect();
        all.push(word.to_string());
        all.sort();
        all.dedup();
        all.into()
    })
}

fn is_stopword(word: &str) -> bool {
    STOPWORDS.contains(&word)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Strict,
    Tolerant,
    AnyWord,
}

/// A query's text, read once: folded words, synonyms found, quoted phrases, and the words left to match.
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    pub words: Vec<String>,
    pub found: Vec<Found>,
    /// Indexes into `words` of words that are neither stopwords nor part of a synonym.
    pub content: Vec<usize>,
    pub phrases: Vec<Vec<String>>,
    /// The text ends with a space: its last word is complete, not a beginning.
    pub ends_with_space: bool,
}

impl Parsed {
    pub fn new(text: &str) -> Parsed {
        let phrases: Vec<Vec<String>> = text
            .split('"')
            .skip(1)
            .step_by(2)
            .map(|p| fold(p).split(' ').filter(|w| !w.is_empty()).map(String::from).collect::<Vec<_>>())
            .filter(|p: &Vec<String>| !p.is_empty())
            .collect();
        // Japanese and Arabic phrases first, on the text as written (see `synonyms::SCRIPT_PHRASES`); they
        // name a topic but no words of the folded text.
        let (written, rest) = synonyms::find_as_written(text);
        let folded = fold(&rest);
        let words: Vec<String> =
            folded.split(' ').filter(|w| !w.is_empty()).take(MAX_WORDS).map(String::from).collect();
        let refs: Vec<&str> = words.iter().map(String::as_str).collect();
        let mut found = synonyms::find(&refs);
        found.extend(written.into_iter().map(|topic| Found { topic, first_word: 0, words: 0 }));
        let in_synonym = |i: usize| found.iter().any(|f| (f.first_word..f.first_word + f.words).contains(&i));
        let mut content: Vec<usize> = (0..words.len()).filter(|&i| !in_synonym(i) && !is_stopword(&words[i])).collect();
        if content.is_empty() && found.is_empty() && phrases.is_empty() {
            content = (0..words.len()).collect();
        }
        Parsed { words, found, content, phrases, ends_with_space: text.ends_with(char::is_whitespace) }
    }

    pub fn is_empty(&self) -> bool {
        self.content.is_empty() && self.found.is_empty() && self.phrases.is_empty()
    }

    pub fn topics(&self) -> Vec<Topic> {
        let mut topics: Vec<Topic> = self.found.iter().map(|f| f.topic).collect();
        topics.sort();
        topics.dedup();
        topics
    }
}

/// A searcher with the service position of every document of its segments, read once from their
/// column: opening the column for each text query cost 3% of the CPU of the benchmark's pages, and
/// reading each found document's position from the packed column another 3% (4 bytes a service).
#[derive(Clone)]
pub struct Snapshot {
    searcher: Searcher,
    /// By segment ordinal, then document.
    positions: Vec<Arc<[u32]>>,
}

impl Snapshot {
    fn of(searcher: Searcher) -> Result<Snapshot, SearchError> {
        let positions = |segment: &SegmentReader| -> tantivy::Result<Arc<[u32]>> {
            let column = segment.fast_fields().u64(ORD_FIELD)?.first_or_default_col(0);
            // Positions are below 2^32 by construction (they index a Vec of services).
            Ok((0..segment.max_doc()).map(|doc| column.get_val(doc) as u32).collect())
        };
        let positions = searcher.segment_readers().iter().map(positions).collect::<tantivy::Result<_>>()?;
        Ok(Snapshot { searcher, positions })
    }

    /// A collector of every matching document's service position and score.
    fn all_scored(&self) -> AllScored<'_> {
        AllScored { positions: &self.positions }
    }
}

impl std::ops::Deref for Snapshot {
    type Target = Searcher;

    fn deref(&self) -> &Searcher {
        &self.searcher
    }
}

/// Collects every matching document's service position and score.
struct AllScored<'a> {
    /// By segment ordinal.
    positions: &'a [Arc<[u32]>],
}

struct SegmentScored {
    positions: Arc<[u32]>,
    found: Vec<(u32, Score)>,
}

impl Collector for AllScored<'_> {
    type Fruit = Vec<(u32, Score)>;
    type Child = SegmentScored;

    fn for_segment(&self, segment: u32, _: &SegmentReader) -> tantivy::Result<SegmentScored> {
        let positions = self.positions.get(segment as usize).ok_or_else(|| {
            tantivy::TantivyError::InvalidArgument(format!("no position column for segment {segment}"))
        })?;
        Ok(SegmentScored { positions: Arc::clone(positions), found: Vec::new() })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<Vec<(u32, Score)>>) -> tantivy::Result<Self::Fruit> {
        Ok(fruits.into_iter().flatten().collect())
    }
}

impl SegmentCollector for SegmentScored {
    type Fruit = Vec<(u32, Score)>;

    fn collect(&mut self, doc: DocId, score: Score) {
        if let Some(&position) = self.positions.get(doc as usize) {
            self.found.push((position, score));
        }
    }

    fn harvest(self) -> Self::Fruit {
        self.found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::query::TermSetQuery;

    /// Restricting each clause to the place's documents finds what the whole query restricted to them
    /// found before (the text query intersected with the place's coverage terms), with the same scores,
    /// in every mode, for small places and whole countries.
    #[test]
    fn clauses_restricted_to_the_place_find_what_the_restricted_query_found() {
        use crate::geo::atlas;
        use crate::model::Place;
        let index = super::super::Index::build(crate::generate::directory(20_000, 3), 1);
        let (text, searcher) = (&index.text, &index.searcher);
        let everywhere = Clauses { fields: &text.fields, area: Arc::new(Area::everything(searcher)) };
        let before = |parsed: &Parsed, keys: &[Key]| -> Vec<(u32, Score)> {
            let terms: Vec<Term> =
                keys.iter().map(|k| Term::from_field_text(text.fields.coverage, &k.token())).collect();
            let area: Box<dyn Query> = Box::new(ConstScoreQuery::new(Box::new(TermSetQuery::new(terms)), 0.0));
            for mode in [Mode::Strict, Mode::Tolerant, Mode::AnyWord] {
                let Some(words) = everywhere.text_query(parsed, mode) else { return Vec::new() };
                let query = BooleanQuery::new(vec![(Occur::Must, area.box_clone()), (Occur::Must, words)]);
                let found = searcher.search(&query, &searcher.all_scored()).expect("search");
                if !found.is_empty() {
                    return found;
                }
            }
            Vec::new()
        };
        let mut places = Vec::new();
        for code in ["US", "NO", "IN", "DE", "BR"] {
            let country = atlas().parse_country(code).expect("known country").code;
            places.push(Place { country, subdivisions: Vec::new(), point: None });
            let city = atlas().cities().iter().filter(|c| c.country == country).max_by_key(|c| c.population);
            let city = city.expect("a city");
            let subdivisions = city.subdivision.as_deref().map(|s| atlas().subdivision_chain(s)).unwrap_or_default();
            places.push(Place { country, subdivisions, point: Some(city.point) });
        }
        let texts =
            ["depression", "panic attacks", "can't sleep", "depresion", "anxi", "grief chat", "\"support group\""];
        let mut compared = 0;
        for place in &places {
            let keys = super::super::coverage::keys_for(place, 50.0);
            for t in texts {
                let parsed = Parsed::new(t);
                let area = text.area(searcher, &keys).expect("the place's documents");
                let mut now = text.search(searcher, &parsed, &area).expect("search");
                let mut then = before(&parsed, &keys);
                now.sort_by_key(|&(p, _)| p);
                then.sort_by_key(|&(p, _)| p);
                let positions = |v: &[(u32, Score)]| v.iter().map(|&(p, _)| p).collect::<Vec<_>>();
                assert_eq!(positions(&now), positions(&then), "{t:?} at {place:?}");
                for ((_, a), (_, b)) in now.iter().zip(&then) {
                    assert!((a - b).abs() <= 1e-5 * a.abs().max(1.0), "{t:?} at {place:?}: score {a} was {b}");
                }
                compared += now.len();
            }
        }
        assert!(compared > 2_000, "too few matches compared: {compared}");
    }

    #[test]
    fn stopwords_and_synonyms_leave_the_words_to_match() {
        let p = Parsed::new("I need help with panic attacks at work");
        assert_eq!(p.topics(), vec![Topic::Panic]);
        let content: Vec<&str> = p.content.iter().map(|&i| p.words[i].as_str()).collect();
        assert_eq!(content, vec!["work"]);
    }

    #[test]
    fn japanese_and_arabic_phrases_name_their_topic() {
        let p = Parsed::new("夜眠れない");
        assert_eq!(p.topics(), vec![Topic::Insomnia]);
        assert!(p.content.is_empty(), "{:?}", p.words);
        let p = Parsed::new("لا أستطيع النوم oslo");
        assert_eq!(p.topics(), vec![Topic::Insomnia]);
        assert_eq!(p.words, vec!["oslo".to_string()]);
        assert!(!Parsed::new("いのちの電話").is_empty(), "a name in Japanese is still searched");
    }

    #[test]
    fn quoted_words_are_a_phrase() {
        let p = Parsed::new("\"Mental Helse\" chat");
        assert_eq!(p.phrases, vec![vec!["mental".to_string(), "helse".to_string()]]);
    }

    #[test]
    fn a_query_of_stopwords_only_still_searches() {
        assert!(!Parsed::new("help").is_empty());
        assert!(Parsed::new(" ?! ").is_empty());
    }

    #[test]
    fn norwegian_and_english_forms_share_a_stem() {
        assert!(stems("depresjoner").contains(&"depresjon".to_string()));
        assert!(stems("helplines").contains(&"helplin".to_string()));
    }
}
