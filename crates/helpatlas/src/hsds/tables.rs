//! HSDS records as flat rows, one list per table of the official descriptor, each row remembering where
//! it came from, and the checks the descriptor implies: types, formats, required fields, enumerations,
//! uniqueness and foreign keys. JSON documents are flattened into the same rows, so both input forms
//! are checked by the same code and report problems the same way.

use super::descriptor::{self, Field, FieldType, Format, Resource};
use super::FastSet;
use crate::model::validate::{self, Schemes, WebUrl};
use chrono::{DateTime, NaiveDate, NaiveTime};
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::sync::Arc;
use uuid::Uuid;

/// Longest text accepted in one field (characters); longer values are an error, not a truncation.
pub const MAX_FIELD_CHARS: usize = 64 * 1024;

/// Where a row came from, to name it in messages. File and document names are shared by all their
/// rows: a million-row table would otherwise hold a million copies of its file name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// `row` counts the header as row 1, as `frictionless` does.
    Csv { file: Arc<str>, row: usize },
    /// A JSON path within one document, e.g. `services.json document 2 .phones[0]`.
    Json { document: Arc<str>, path: String },
}

impl Place {
    pub fn column(&self, column: &str) -> String {
        match self {
            Place::Csv { .. } => format!("{self} column {column}"),
            Place::Json { .. } => format!("{self} field {column}"),
        }
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::Csv { file, row } => write!(f, "{file} row {row}"),
            Place::Json { document, path } if path.is_empty() => f.write_str(document),
            Place::Json { document, path } => write!(f, "{document} {path}"),
        }
    }
}

/// One value of a row, borrowed from it, as it was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell<'a> {
    /// Absent, JSON `null` or an empty CSV cell.
    Empty,
    Text(&'a str),
    /// A JSON number, or a CSV cell of a number column that reads as a finite number.
    Number(&'a str),
    /// Any other JSON value (`true`, an object, …) as JSON text, kept for the checks to name.
    Json(&'a str),
    /// A value of a `uuid` column written exactly as [`Uuid`] writes it (lower case, with hyphens),
    /// kept as its 16 bytes: ids are most of a package's text.
    Uuid(Uuid),
}

impl<'a> Cell<'a> {
    /// The text a message shows for the value, and the text of the value as given.
    pub fn text(self) -> Cow<'a, str> {
        match self {
            Cell::Empty => Cow::Borrowed(""),
            Cell::Text(s) => Cow::Borrowed(s.trim()),
            Cell::Number(s) | Cell::Json(s) => Cow::Borrowed(s),
            Cell::Uuid(id) => Cow::Owned(id.to_string()),
        }
    }
}

/// How a cell's value is kept, in the top bits of its word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Empty = 0,
    Text = 1,
    Number = 2,
    Json = 3,
    Uuid = 4,
    /// A UUID value emptied by `--skip-invalid`: it keeps its slot, so later UUIDs of the row are found.
    ClearedUuid = 5,
}

const KIND_SHIFT: u32 = 29;
const END_MASK: u32 = (1 << KIND_SHIFT) - 1;

impl Kind {
    fn of(word: u32) -> Kind {
        match word >> KIND_SHIFT {
            0 => Kind::Empty,
            1 => Kind::Text,
            2 => Kind::Number,
            3 => Kind::Json,
            4 => Kind::Uuid,
            _ => Kind::ClearedUuid,
        }
    }

    fn has_uuid_slot(word: u32) -> bool {
        matches!(Kind::of(word), Kind::Uuid | Kind::ClearedUuid)
    }
}

/// Rows longer than this are refused while reading: no HSDS record needs more (every field is limited
/// to [`MAX_FIELD_CHARS`]), and it keeps the row's cell offsets within 29 bits.
pub const MAX_ROW_BYTES: usize = 16 * 1024 * 1024;

/// Whether `text` is a UUID exactly as [`Uuid`] writes it, so that keeping its 16 bytes loses nothing.
fn canonical_uuid(text: &str) -> Option<Uuid> {
    if text.len() != 36 || text.bytes().any(|b| b.is_ascii_uppercase()) {
        return None;
    }
    Uuid::parse_str(text).ok()
}

/// The cell words of a table: two bytes each while every row's text is short, four once one is not.
/// Most rows are short, and a million-service package has 180 million cells.
#[derive(Debug, Clone)]
enum Words {
    /// The kind in the top three bits, the end in the other 13: rows of up to 8,191 bytes of text.
    Narrow(Vec<u16>),
    /// As [`KIND_SHIFT`] and [`END_MASK`] say.
    Wide(Vec<u32>),
}

const NARROW_SHIFT: u32 = 13;
const NARROW_END: u32 = (1 << NARROW_SHIFT) - 1;

impl Words {
    fn len(&self) -> usize {
        match self {
            Words::Narrow(words) => words.len(),
            Words::Wide(words) => words.len(),
        }
    }

    /// The word at `i`, in the wide form.
    fn get(&self, i: usize) -> Option<u32> {
        match self {
            Words::Narrow(words) => words.get(i).map(|&w| Words::wide(w)),
            Words::Wide(words) => words.get(i).copied(),
        }
    }

    /// The wide form of a narrow word.
    fn wide(word: u16) -> u32 {
        u32::from(word) >> NARROW_SHIFT << KIND_SHIFT | u32::from(word) & NARROW_END
    }

    /// The narrow form of a wide word, when its end fits.
    fn narrow(word: u32) -> Option<u16> {
        let end = word & END_MASK;
        (end <= NARROW_END).then(|| u16::try_from(word >> KIND_SHIFT << NARROW_SHIFT | end).ok()).flatten()
    }

    /// Makes the words wide when `word` does not fit the narrow form.
    fn fit(&mut self, word: u32) {
        if let Words::Narrow(words) = self {
            if Words::narrow(word).is_none() {
                *self = Words::Wide(words.iter().map(|&w| Words::wide(w)).collect());
            }
        }
    }

    fn push(&mut self, word: u32) {
        self.fit(word);
        match self {
            Words::Narrow(words) => words.extend(Words::narrow(word)),
            Words::Wide(words) => words.push(word),
        }
    }

    fn set(&mut self, i: usize, word: u32) {
        self.fit(word);
        match self {
            Words::Narrow(words) => {
                if let (Some(slot), Some(word)) = (words.get_mut(i), Words::narrow(word)) {
                    *slot = word;
                }
            }
            Words::Wide(words) => {
                if let Some(slot) = words.get_mut(i) {
                    *slot = word;
                }
            }
        }
    }

    fn truncate(&mut self, len: usize) {
        match self {
            Words::Narrow(words) => words.truncate(len),
            Words::Wide(words) => words.truncate(len),
        }
    }
}

/// Where one row's values are in its table.
#[derive(Debug, Clone, Copy)]
struct RowAt {
    /// Where its text starts in [`Table::text`].
    text: u64,
    /// Where its UUIDs start in [`Table::uuids`].
    uuids: u32,
    /// Its CSV row number, or its index in [`Places::Listed`].
    place: u32,
}

/// Where a table's rows came from.
#[derive(Debug, Clone)]
enum Places {
    /// Every row from one CSV file: [`RowAt::place`] is the row number, and the name is kept once.
    Csv(Arc<str>),
    /// Rows from JSON documents or several files: [`RowAt::place`] indexes this list.
    Listed(Vec<Place>),
}

/// The records of one table, compact because a million-service import holds tens of millions of them
/// until every check has passed: every row's values, in the descriptor's order, in one text buffer and
/// one list of UUIDs, with one word per cell for where its text ends and how to read it ([`Kind`]).
/// Values of columns the descriptor lacks are not kept; nothing reads them.
#[derive(Debug, Clone)]
pub struct Table {
    resource: &'static Resource,
    text: String,
    uuids: Vec<Uuid>,
    rows: Vec<RowAt>,
    /// `resource.fields.len()` words per row: where the cell's text ends, relative to the row's start.
    cells: Words,
    places: Places,
}

impl Table {
    pub fn new(resource: &'static Resource) -> Table {
        Table {
            resource,
            text: String::new(),
            uuids: Vec::new(),
            rows: Vec::new(),
            cells: Words::Narrow(Vec::new()),
            places: Places::Listed(Vec::new()),
        }
    }

    /// A table of one row, from one value per field of `resource` in the descriptor's order.
    pub fn single<'c>(resource: &'static Resource, place: Place, values: impl IntoIterator<Item = Cell<'c>>) -> Table {
        let mut table = Table::new(resource);
        table.push(place, values);
        table
    }

    /// A table of one row from a JSON object's properties; properties the descriptor lacks are dropped.
    pub fn single_json(resource: &'static Resource, place: Place, values: &Map<String, Value>) -> Table {
        let texts: Vec<(Kind, Cow<str>)> = resource
            .fields
            .iter()
            .map(|f| match values.get(&f.name) {
                None | Some(Value::Null) => (Kind::Empty, "".into()),
                Some(Value::String(s)) => (Kind::Text, s.as_str().into()),
                Some(Value::Number(n)) => (Kind::Number, n.to_string().into()),
                Some(other) => (Kind::Json, other.to_string().into()),
            })
            .collect();
        let cells = texts.iter().map(|(kind, text)| match kind {
            Kind::Text => Cell::Text(text),
            Kind::Number => Cell::Number(text),
            Kind::Json => Cell::Json(text),
            _ => Cell::Empty,
        });
        Table::single(resource, place, cells)
    }

    pub fn resource(&self) -> &'static Resource {
        self.resource
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn get(&self, index: usize) -> Option<Row<'_>> {
        (index < self.rows.len()).then_some(Row { table: self, index })
    }

    pub fn iter(&self) -> impl Iterator<Item = Row<'_>> {
        (0..self.rows.len()).map(move |index| Row { table: self, index })
    }

    /// Makes room for the rows of a file of `bytes` bytes at most, so that its text and UUIDs are not
    /// copied as their buffers grow (a copy holds the old and the new buffer at once: half a gigabyte
    /// for the UUIDs of a million-service package). Room that cannot be had is not taken.
    pub fn reserve_for(&mut self, bytes: u64) {
        let bytes = usize::try_from(bytes).unwrap_or(usize::MAX);
        let _ = self.text.try_reserve(bytes);
        // A UUID written as text takes 36 bytes of the file, 16 here.
        let _ = self.uuids.try_reserve(bytes / 36);
    }

    /// Adds a row from one value per field, in the descriptor's order (missing ones are empty).
    pub fn push<'c>(&mut self, place: Place, values: impl IntoIterator<Item = Cell<'c>>) {
        let (text, uuids) = self.encode(values);
        let place = self.place_word(place);
        self.rows.push(RowAt { text, uuids, place });
    }

    /// Adds every row of `other`, a table of the same resource.
    pub fn append(&mut self, other: &Table) {
        for row in other.iter() {
            self.push(row.place(), row.cells());
        }
    }

    /// Puts the values of `other`'s first row in place of row `index`'s, which keeps its place. The old
    /// values stay unread in the buffers: repairs are few.
    pub fn overwrite(&mut self, index: usize, other: &Table) {
        let Some(row) = other.get(0) else { return };
        let width = self.resource.fields.len();
        let before = self.cells.len();
        let (text, uuids) = self.encode(row.cells());
        if let Some(at) = self.rows.get_mut(index) {
            at.text = text;
            at.uuids = uuids;
            for k in 0..width {
                if let Some(word) = self.cells.get(before + k) {
                    self.cells.set(index * width + k, word);
                }
            }
        }
        self.cells.truncate(before);
    }

    /// Empties one value of one row (an invalid optional value that `--skip-invalid` leaves out).
    pub fn clear(&mut self, index: usize, column: &str) {
        let width = self.resource.fields.len();
        let Some(i) = self.resource.fields.iter().position(|f| f.name == column) else { return };
        if let Some(word) = self.cells.get(index * width + i) {
            let kind = if Kind::has_uuid_slot(word) { Kind::ClearedUuid } else { Kind::Empty };
            self.cells.set(index * width + i, (word & END_MASK) | (kind as u32) << KIND_SHIFT);
        }
    }

    /// Keeps the rows whose index `keep` accepts, in order.
    pub fn retain(&mut self, mut keep: impl FnMut(usize) -> bool) {
        let mut kept = Table::new(self.resource);
        for row in self.iter().filter(|row| keep(row.index)) {
            kept.push(row.place(), row.cells());
        }
        *self = kept;
    }

    /// Writes the values' texts and UUIDs and their cell words; returns where the row's text and UUIDs
    /// start.
    fn encode<'c>(&mut self, values: impl IntoIterator<Item = Cell<'c>>) -> (u64, u32) {
        let text_start = self.text.len();
        let uuid_start = u32::try_from(self.uuids.len()).unwrap_or(u32::MAX);
        let mut values = values.into_iter();
        for field in &self.resource.fields {
            let value = values.next().unwrap_or(Cell::Empty);
            let value = match value {
                Cell::Text(s) if field.format == Format::Uuid => canonical_uuid(s).map_or(value, Cell::Uuid),
                other => other,
            };
            let kind = match value {
                Cell::Empty => Kind::Empty,
                Cell::Text(s) => self.write(Kind::Text, s),
                Cell::Number(s) => self.write(Kind::Number, s),
                Cell::Json(s) => self.write(Kind::Json, s),
                Cell::Uuid(id) => {
                    self.uuids.push(id);
                    Kind::Uuid
                }
            };
            // Readers refuse rows over MAX_ROW_BYTES, and JSON documents are limited to 512 MiB.
            let end = u32::try_from(self.text.len() - text_start).unwrap_or(END_MASK).min(END_MASK);
            self.cells.push(end | (kind as u32) << KIND_SHIFT);
        }
        (text_start as u64, uuid_start)
    }

    fn write(&mut self, kind: Kind, text: &str) -> Kind {
        self.text.push_str(text);
        kind
    }

    /// The word that keeps `place` in [`RowAt::place`], turning the table's places into a list when the
    /// row is not from the table's one CSV file.
    fn place_word(&mut self, place: Place) -> u32 {
        if let Place::Csv { file, row } = &place {
            if self.rows.is_empty() && matches!(&self.places, Places::Listed(list) if list.is_empty()) {
                self.places = Places::Csv(file.clone());
            }
            if let (Places::Csv(ours), Ok(row)) = (&self.places, u32::try_from(*row)) {
                if ours == file {
                    return row;
                }
            }
        }
        let mut list = match std::mem::replace(&mut self.places, Places::Listed(Vec::new())) {
            Places::Listed(list) => list,
            Places::Csv(file) => {
                let list = self.rows.iter().map(|at| Place::Csv { file: file.clone(), row: at.place as usize });
                let list: Vec<Place> = list.collect();
                for (i, at) in self.rows.iter_mut().enumerate() {
                    at.place = u32::try_from(i).unwrap_or(u32::MAX);
                }
                list
            }
        };
        list.push(place);
        let word = u32::try_from(list.len() - 1).unwrap_or(u32::MAX);
        self.places = Places::Listed(list);
        word
    }
}

/// One record of a [`Table`], read in place.
#[derive(Debug, Clone, Copy)]
pub struct Row<'a> {
    table: &'a Table,
    index: usize,
}

impl<'a> Row<'a> {
    pub fn resource(&self) -> &'static Resource {
        self.table.resource
    }

    /// Its position in its table.
    pub fn index(&self) -> usize {
        self.index
    }

    /// Where it came from, to name it in messages.
    pub fn place(&self) -> Place {
        let at = self.table.rows[self.index].place;
        match &self.table.places {
            Places::Csv(file) => Place::Csv { file: file.clone(), row: at as usize },
            Places::Listed(list) => {
                list.get(at as usize).cloned().unwrap_or(Place::Json { document: Arc::from(""), path: String::new() })
            }
        }
    }

    fn width(&self) -> usize {
        self.table.resource.fields.len()
    }

    /// The cell word of the field at `index`.
    fn word(&self, index: usize) -> Option<u32> {
        (index < self.width()).then(|| self.table.cells.get(self.index * self.width() + index)).flatten()
    }

    /// The value of the field at `index` in the descriptor's order.
    pub fn at(&self, index: usize) -> Cell<'a> {
        let Some(word) = self.word(index) else { return Cell::Empty };
        let at = self.table.rows[self.index];
        let start = index.checked_sub(1).and_then(|i| self.word(i)).map_or(0, |w| w & END_MASK);
        let range = at.text as usize + start as usize..at.text as usize + (word & END_MASK) as usize;
        let text = self.table.text.get(range).unwrap_or_default();
        match Kind::of(word) {
            Kind::Empty | Kind::ClearedUuid => Cell::Empty,
            Kind::Text => Cell::Text(text),
            Kind::Number => Cell::Number(text),
            Kind::Json => Cell::Json(text),
            Kind::Uuid => {
                let before = (0..index).filter_map(|i| self.word(i)).filter(|w| Kind::has_uuid_slot(*w)).count();
                self.table.uuids.get(at.uuids as usize + before).map_or(Cell::Empty, |id| Cell::Uuid(*id))
            }
        }
    }

    /// Every value, in the descriptor's order.
    pub fn cells(self) -> impl Iterator<Item = Cell<'a>> {
        (0..self.width()).map(move |i| self.at(i))
    }

    /// The value of `column`; `Empty` for a column the descriptor lacks.
    pub fn cell(&self, column: &str) -> Cell<'a> {
        self.table.resource.fields.iter().position(|f| f.name == column).map_or(Cell::Empty, |i| self.at(i))
    }

    /// The trimmed text of a column that is not a `uuid` column (those are read with [`Row::uuid`] or
    /// [`Row::text`]); `None` when empty or not text.
    pub fn str(&self, column: &str) -> Option<&'a str> {
        debug_assert!(
            self.table.resource.field(column).is_none_or(|f| f.format != Format::Uuid),
            "`{column}` is a uuid column: read it with `uuid` or `text`"
        );
        match self.cell(column) {
            Cell::Text(s) => Some(s.trim()).filter(|s| !s.is_empty()),
            _ => None,
        }
    }

    /// The trimmed text of any column, an id among them; `None` when empty or not text.
    pub fn text(&self, column: &str) -> Option<Cow<'a, str>> {
        match self.cell(column) {
            Cell::Text(s) => Some(Cow::Borrowed(s.trim())).filter(|s| !s.is_empty()),
            Cell::Uuid(id) => Some(Cow::Owned(id.to_string())),
            _ => None,
        }
    }

    pub fn number(&self, column: &str) -> Option<f64> {
        match self.cell(column) {
            Cell::Number(s) => s.parse().ok(),
            _ => None,
        }
    }

    pub fn uuid(&self, column: &str) -> Option<Uuid> {
        match self.cell(column) {
            Cell::Uuid(id) => Some(id),
            Cell::Text(s) => Uuid::parse_str(s.trim()).ok(),
            _ => None,
        }
    }
}

/// Every table read, by resource name (`service`, `phone`, …).
#[derive(Debug, Clone, Default)]
pub struct Tables {
    pub tables: BTreeMap<String, Table>,
}

impl Tables {
    /// The rows of `resource`; none when it was not read.
    pub fn of(&self, resource: &str) -> Rows<'_> {
        Rows(self.tables.get(resource))
    }

    /// The table of `resource`, made when first asked for.
    pub fn table(&mut self, resource: &'static Resource) -> &mut Table {
        self.tables.entry(resource.name.clone()).or_insert_with(|| Table::new(resource))
    }

    /// Adds every row of `rows` to the table of its resource.
    pub fn push(&mut self, rows: Table) {
        match self.tables.get_mut(&rows.resource.name) {
            Some(table) => table.append(&rows),
            None => {
                self.tables.insert(rows.resource.name.clone(), rows);
            }
        }
    }
}

/// The rows of one table, or of a table that was not read.
#[derive(Debug, Clone, Copy)]
pub struct Rows<'a>(Option<&'a Table>);

impl<'a> Rows<'a> {
    pub fn len(&self) -> usize {
        self.0.map_or(0, Table::len)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn get(&self, index: usize) -> Option<Row<'a>> {
        self.0.and_then(|t| t.get(index))
    }

    pub fn iter(&self) -> impl Iterator<Item = Row<'a>> {
        self.0.into_iter().flat_map(|t| t.iter())
    }
}

/// One problem found in one row.
#[derive(Debug, Clone)]
struct Issue {
    resource: String,
    row: usize,
    column: Option<String>,
    message: String,
}

/// What checking found: problems that stop an import, or with `skip_invalid`, what was left out.
#[derive(Debug, Default)]
pub struct Checked {
    pub problems: Vec<String>,
    pub left_out: Vec<String>,
}

/// Checks every row against the descriptor. Without `skip_invalid`, every problem is returned; with
/// it, a bad optional value is dropped (the row stays) and a row with a bad required value or id is
/// dropped, repeating until what is left is consistent.
pub fn check(tables: &mut Tables, skip_invalid: bool) -> Checked {
    let mut checked = Checked::default();
    loop {
        let issues = find_issues(tables);
        if issues.is_empty() {
            return checked;
        }
        let described = issues.iter().map(|i| describe(tables, i));
        if !skip_invalid {
            checked.problems.extend(described);
            return checked;
        }
        checked.left_out.extend(described);
        drop_issues(tables, &issues);
    }
}

fn describe(tables: &Tables, issue: &Issue) -> String {
    let Some(row) = tables.of(&issue.resource).get(issue.row) else { return issue.message.clone() };
    let place = row.place();
    match &issue.column {
        Some(column) => format!("{}: {}", place.column(column), issue.message),
        None => format!("{place}: {}", issue.message),
    }
}

fn drop_issues(tables: &mut Tables, issues: &[Issue]) {
    let mut doomed: HashMap<&str, HashSet<usize>> = HashMap::new();
    for issue in issues {
        let required = issue
            .column
            .as_deref()
            .is_none_or(|c| descriptor::resource(&issue.resource).and_then(|r| r.field(c)).is_none_or(|f| f.required));
        if required {
            doomed.entry(issue.resource.as_str()).or_default().insert(issue.row);
        } else if let (Some(table), Some(column)) = (tables.tables.get_mut(&issue.resource), &issue.column) {
            table.clear(issue.row, column);
        }
    }
    for (resource, positions) in doomed {
        if let Some(table) = tables.tables.get_mut(resource) {
            table.retain(|i| !positions.contains(&i));
        }
    }
}

/// Ids and other unique values as the checks compare them: a value of a `uuid` column by the UUID it
/// reads as (16 bytes, whatever its case, as the import reads it), anything else by its trimmed text.
#[derive(Default)]
struct Keys<'a> {
    uuids: FastSet<Uuid>,
    texts: FastSet<Cow<'a, str>>,
}

enum Key<'a> {
    Uuid(Uuid),
    Text(Cow<'a, str>),
}

fn key<'a>(field: &Field, value: Cell<'a>) -> Option<Key<'a>> {
    let text = match value {
        Cell::Empty => return None,
        Cell::Uuid(id) => return Some(Key::Uuid(id)),
        other => other.text(),
    };
    if text.is_empty() {
        return None;
    }
    match Uuid::parse_str(&text) {
        Ok(id) if field.format == Format::Uuid => Some(Key::Uuid(id)),
        _ => Some(Key::Text(text)),
    }
}

impl<'a> Keys<'a> {
    /// Room for `n` values of `field` at once: a set grown by doubling holds its old and new tables
    /// while it grows, 400 MB for the ids of 12 million attributes.
    fn with_capacity(field: &Field, n: usize) -> Keys<'a> {
        let mut keys = Keys::default();
        match field.format {
            Format::Uuid => keys.uuids.reserve(n),
            _ => keys.texts.reserve(n),
        }
        keys
    }

    /// Adds a value; `false` when it was there already.
    fn insert(&mut self, field: &Field, value: Cell<'a>) -> bool {
        match key(field, value) {
            Some(Key::Uuid(id)) => self.uuids.insert(id),
            Some(Key::Text(text)) => self.texts.insert(text),
            None => true,
        }
    }

    fn contains(&self, field: &Field, value: Cell<'a>) -> bool {
        match key(field, value) {
            Some(Key::Uuid(id)) => self.uuids.contains(&id),
            Some(Key::Text(text)) => self.texts.contains(&text),
            None => false,
        }
    }
}

/// An id as a reference may name it: text or a UUID, not a number or other JSON value.
fn as_id(value: Cell) -> Cell {
    match value {
        Cell::Text(_) | Cell::Uuid(_) => value,
        _ => Cell::Empty,
    }
}

/// The ids of every table that a foreign key refers to. Only those are kept for the whole check: the
/// largest tables (attributes, schedules, change records) are referred to by none.
fn referenced_ids(tables: &Tables) -> HashMap<&'static str, Keys<'_>> {
    let referenced: HashSet<&str> =
        descriptor::resources().iter().flat_map(|r| &r.foreign_keys).map(|k| k.resource.as_str()).collect();
    descriptor::resources()
        .iter()
        .filter(|r| referenced.contains(r.name.as_str()))
        .map(|resource| {
            let mut keys = Keys::default();
            if let Some(field) = resource.field("id") {
                for row in tables.of(&resource.name).iter() {
                    keys.insert(field, as_id(row.cell("id")));
                }
            }
            (resource.name.as_str(), keys)
        })
        .collect()
}

fn find_issues(tables: &Tables) -> Vec<Issue> {
    let ids = referenced_ids(tables);
    let mut issues = Vec::new();
    for resource in descriptor::resources() {
        let rows = tables.of(&resource.name);
        let mut seen: HashMap<&str, Keys> = HashMap::new();
        for row in rows.iter() {
            let mut issue = |column: Option<&str>, message: String| {
                issues.push(Issue {
                    resource: resource.name.clone(),
                    row: row.index(),
                    column: column.map(str::to_string),
                    message,
                })
            };
            for (field, value) in resource.fields.iter().zip(row.cells()) {
                if let Err(message) = check_value(field, value) {
                    issue(Some(&field.name), message);
                    continue;
                }
                if field.unique
                    && value != Cell::Empty
                    && !seen
                        .entry(field.name.as_str())
                        .or_insert_with(|| Keys::with_capacity(field, rows.len()))
                        .insert(field, value)
                {
                    issue(Some(&field.name), format!("`{}` appears more than once", value.text()));
                }
            }
            for message in dangling(resource, row, &ids) {
                issue(Some(&message.0), message.1);
            }
        }
    }
    issues
}

fn dangling(resource: &Resource, row: Row, ids: &HashMap<&str, Keys>) -> Vec<(String, String)> {
    resource
        .foreign_keys
        .iter()
        .filter_map(|key| {
            let field = resource.field(&key.field)?;
            let value = as_id(row.cell(&key.field));
            let shown = row.text(&key.field)?;
            let known = ids.get(key.resource.as_str()).is_some_and(|set| set.contains(field, value));
            (!known).then(|| (key.field.clone(), format!("no {} with id {shown}", key.resource)))
        })
        .collect()
}

/// Whether one value fits its column; the message says how it does not.
pub fn check_value(field: &Field, value: Cell) -> Result<(), String> {
    let blank = match value {
        Cell::Empty => true,
        Cell::Text(s) => s.trim().is_empty(),
        _ => false,
    };
    if blank {
        return if field.required { Err("a value is required".into()) } else { Ok(()) };
    }
    match (field.kind, value) {
        (FieldType::Number, Cell::Number(_)) => Ok(()),
        (FieldType::Number, other) => Err(format!("`{}` is not a number", other.text())),
        (_, Cell::Text(s)) => check_text(field, s.trim()),
        // Only a `uuid` column keeps UUIDs, and only texts that are one.
        (_, Cell::Uuid(_)) => Ok(()),
        (_, other) => Err(format!("expected text, found `{}`", other.text())),
    }
}

fn check_text(field: &Field, text: &str) -> Result<(), String> {
    if text.chars().count() > MAX_FIELD_CHARS {
        return Err(format!("longer than {MAX_FIELD_CHARS} characters"));
    }
    let type_ok = match field.kind {
        FieldType::Date => NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok(),
        FieldType::Time => parse_time(text).is_some(),
        FieldType::DateTime => DateTime::parse_from_rfc3339(text).is_ok(),
        FieldType::String | FieldType::Number => true,
    };
    if !type_ok {
        let expected = match field.kind {
            FieldType::Date => "a date (YYYY-MM-DD)",
            FieldType::Time => "a time (HH:MM or HH:MM:SS)",
            _ => "a date and time (RFC 3339)",
        };
        return Err(format!("`{text}` is not {expected}"));
    }
    // Links and addresses are checked by the gate's rules (`model::validate`), so that a link no page
    // may carry is refused here, named by its place, with the descriptor's other problems.
    match field.format {
        Format::None => {}
        Format::Uuid if uuid::Uuid::parse_str(text).is_err() => return Err(format!("`{text}` is not a UUID")),
        Format::Uuid => {}
        Format::Email => {
            validate::email(text).map_err(|e| e.to_string())?;
        }
        Format::Uri => {
            WebUrl::parse(text, Schemes::Web).map_err(|e| e.to_string())?;
        }
    }
    match &field.allowed {
        Some(allowed) if !allowed.iter().any(|a| a == text) => {
            Err(format!("`{text}` is not one of {}", allowed.join(", ")))
        }
        _ => Ok(()),
    }
}

pub fn parse_time(text: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(text, "%H:%M:%S").or_else(|_| NaiveTime::parse_from_str(text, "%H:%M")).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn row(resource: &str, file: &str, n: usize, values: Value) -> Table {
        let Value::Object(values) = values else { panic!("object expected") };
        let resource = descriptor::resource(resource).expect("resource");
        Table::single_json(resource, Place::Csv { file: file.into(), row: n }, &values)
    }

    #[test]
    fn a_row_keeps_each_value_with_its_kind() {
        let values = json!({"id": " x ", "latitude": 59.9, "name": true, "alternate_name": "", "unknown": "y"});
        let table = row("location", "locations.csv", 2, values);
        let row = table.get(0).expect("a row");
        assert_eq!(row.cell("id"), Cell::Text(" x "));
        assert_eq!(row.text("id").as_deref(), Some("x"));
        assert_eq!(row.number("latitude"), Some(59.9));
        assert_eq!(row.cell("name"), Cell::Json("true"));
        assert_eq!((row.cell("alternate_name"), row.str("alternate_name")), (Cell::Text(""), None));
        assert_eq!((row.cell("description"), row.cell("unknown")), (Cell::Empty, Cell::Empty));
        assert_eq!(row.cells().count(), row.resource().fields.len());
    }

    #[test]
    fn ids_written_as_uuid_writes_them_are_kept_as_uuids_and_read_back_unchanged() {
        const SERVICE: &str = "9d0e6f46-0000-4000-8000-000000000002";
        let upper = "9D0E6F46-0000-4000-8000-000000000003";
        let phone = json!({"id": upper, "service_id": SERVICE, "location_id": " x ", "number": SERVICE});
        let table = row("phone", "phones.csv", 2, phone);
        let row = table.get(0).expect("a row");
        let service = uuid::Uuid::parse_str(SERVICE).ok();
        assert_eq!(row.cell("service_id"), Cell::Uuid(service.expect("a UUID")));
        assert_eq!(row.text("service_id").as_deref(), Some(SERVICE));
        assert_eq!(row.cell("id"), Cell::Text(upper), "written otherwise: kept as written");
        assert_eq!(row.uuid("id"), uuid::Uuid::parse_str(upper).ok());
        assert_eq!(row.str("number"), Some(SERVICE), "not a uuid column: text");
    }

    #[test]
    fn clearing_replacing_and_dropping_rows_keeps_the_other_values_in_place() {
        let ids: Vec<String> = (1..=6).map(|n| format!("9d0e6f46-0000-4000-8000-00000000000{n}")).collect();
        let mut tables = Tables::default();
        for (n, pair) in ids.chunks(2).enumerate() {
            let phone = json!({"id": pair[0], "service_id": pair[1], "location_id": pair[0], "number": format!("{n}")});
            tables.push(row("phone", "phones.csv", n + 2, phone));
        }
        let phones = tables.tables.get_mut("phone").expect("phones");
        phones.clear(0, "location_id");
        let replacement = row("phone", "elsewhere.csv", 9, json!({"id": ids[5], "number": "new"}));
        phones.overwrite(1, &replacement);
        let first = phones.get(0).expect("first");
        assert_eq!(first.cell("location_id"), Cell::Empty);
        assert_eq!(first.text("service_id").as_deref(), Some(ids[1].as_str()), "a later UUID is still found");
        assert_eq!(first.str("number"), Some("0"));
        let second = phones.get(1).expect("second");
        assert_eq!((second.text("id").as_deref(), second.str("number")), (Some(ids[5].as_str()), Some("new")));
        assert_eq!(second.place().to_string(), "phones.csv row 3", "a replaced row keeps its place");
        phones.retain(|i| i != 0);
        assert_eq!(phones.len(), 2);
        let kept: Vec<String> = phones.iter().map(|p| format!("{} {:?}", p.place(), p.str("number"))).collect();
        assert_eq!(kept, ["phones.csv row 3 Some(\"new\")", "phones.csv row 4 Some(\"2\")"]);
        let other = row("phone", "other.csv", 7, json!({"id": ids[1], "number": "x"}));
        tables.push(other);
        let places: Vec<String> = tables.of("phone").iter().map(|p| p.place().to_string()).collect();
        assert_eq!(places, ["phones.csv row 3", "phones.csv row 4", "other.csv row 7"]);
    }

    #[test]
    fn a_long_row_widens_the_cell_words_and_every_row_reads_the_same() {
        let service = "9d0e6f46-0000-4000-8000-000000000002";
        let long = "x".repeat(9000);
        let mut tables = Tables::default();
        for (n, description) in ["short", long.as_str(), "after"].into_iter().enumerate() {
            let values = json!({"id": service, "service_id": service, "description": description, "freq": "WEEKLY"});
            tables.push(row("schedule", "schedules.csv", n + 2, values));
        }
        let read: Vec<(Option<String>, Option<&str>, Option<&str>)> = tables
            .of("schedule")
            .iter()
            .map(|s| (s.text("service_id").map(|id| id.into_owned()), s.str("description"), s.str("freq")))
            .collect();
        let expected = |d| (Some(service.to_string()), Some(d), Some("WEEKLY"));
        assert_eq!(read, [expected("short"), expected(long.as_str()), expected("after")]);
    }

    #[test]
    fn an_id_repeated_in_another_case_is_the_same_id() {
        let mut tables = Tables::default();
        let id = "9d0e6f46-0000-4000-8000-00000000000a";
        for (n, id) in [id.to_string(), id.to_uppercase()].into_iter().enumerate() {
            tables.push(row("taxonomy", "taxonomies.csv", n + 2, json!({"id": id, "name": "a", "description": "b"})));
        }
        let problems = check(&mut tables, false).problems;
        assert_eq!(
            problems,
            [format!("taxonomies.csv row 3 column id: `{}` appears more than once", id.to_uppercase())]
        );
    }

    #[test]
    fn dangling_references_are_named_with_their_place() {
        let mut tables = Tables::default();
        let org = "9d0e6f46-0000-4000-8000-000000000001";
        let service = json!({"id": "9d0e6f46-0000-4000-8000-000000000002", "organization_id": org, "name": "x", "status": "active"});
        tables.push(row("service", "services.csv", 2, service));
        let checked = check(&mut tables, false);
        assert_eq!(
            checked.problems,
            vec![format!("services.csv row 2 column organization_id: no organization with id {org}")]
        );
    }

    #[test]
    fn skipping_drops_bad_optional_values_and_rows_with_bad_ids() {
        let mut tables = Tables::default();
        tables.push(row(
            "organization",
            "organizations.csv",
            2,
            json!({"id": "not-a-uuid", "name": "a", "description": "b"}),
        ));
        let location = json!({"id": "9d0e6f46-0000-4000-8000-000000000003", "location_type": "physical", "organization_id": "9d0e6f46-0000-4000-8000-000000000009"});
        tables.push(row("location", "locations.csv", 2, location));
        let checked = check(&mut tables, true);
        assert!(checked.problems.is_empty());
        assert_eq!(checked.left_out.len(), 2, "{:?}", checked.left_out);
        assert!(tables.of("organization").is_empty());
        assert_eq!(tables.of("location").get(0).expect("kept").cell("organization_id"), Cell::Empty);
    }

    #[test]
    fn types_enums_and_duplicates_are_checked() {
        let mut tables = Tables::default();
        let id = "9d0e6f46-0000-4000-8000-000000000004";
        tables.push(row("taxonomy", "taxonomies.csv", 2, json!({"id": id, "name": "a", "description": "b"})));
        tables.push(row(
            "taxonomy",
            "taxonomies.csv",
            3,
            json!({"id": id, "name": "a", "description": "b", "uri": "nope"}),
        ));
        let problems = check(&mut tables, false).problems;
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].starts_with("taxonomies.csv row 3 column id: "));
        assert!(problems[1].starts_with("taxonomies.csv row 3 column uri: `nope` is not an http or https URL"));
    }
}
