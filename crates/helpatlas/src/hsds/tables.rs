//! HSDS records as flat rows, one list per table of the official descriptor, each row remembering where
//! it came from, and the checks the descriptor implies: types, formats, required fields, enumerations,
//! uniqueness and foreign keys. JSON documents are flattened into the same rows, so both input forms
//! are checked by the same code and report problems the same way.

use super::descriptor::{self, Field, FieldType, Format, Resource};
use super::FastSet;
use crate::model::validate::{self, Schemes, WebUrl};
use chrono::{DateTime, NaiveDate, NaiveTime};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::sync::Arc;

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
}

impl<'a> Cell<'a> {
    /// The text a message shows for the value.
    fn text(self) -> &'a str {
        match self {
            Cell::Empty => "",
            Cell::Text(s) => s.trim(),
            Cell::Number(s) | Cell::Json(s) => s,
        }
    }
}

/// How a cell's text is read, kept in the top two bits of its end offset in the row's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Empty = 0,
    Text = 1,
    Number = 2,
    Json = 3,
}

const KIND_SHIFT: u32 = 30;
const END_MASK: u32 = (1 << KIND_SHIFT) - 1;

impl Kind {
    fn of(cell: u32) -> Kind {
        match cell >> KIND_SHIFT {
            0 => Kind::Empty,
            1 => Kind::Text,
            2 => Kind::Number,
            _ => Kind::Json,
        }
    }
}

/// Rows longer than this are refused while reading: no HSDS record needs more (every field is limited
/// to [`MAX_FIELD_CHARS`]), and it keeps the row's cell offsets within 30 bits.
pub const MAX_ROW_BYTES: usize = 16 * 1024 * 1024;

/// One record of one table, compact because a million-service import holds tens of millions of them
/// until every check has passed: the values of the descriptor's fields, in its order, in one text
/// buffer. Values of columns the descriptor lacks are not kept; nothing reads them.
#[derive(Debug, Clone)]
pub struct Row {
    pub place: Place,
    resource: &'static Resource,
    text: Box<str>,
    /// Per field of `resource`: where its text ends in `text`, and how to read it ([`Kind`], top bits).
    cells: Box<[u32]>,
}

impl Row {
    /// A row of `resource` from one value per field of it, in the descriptor's order.
    pub fn new<'c>(resource: &'static Resource, place: Place, values: impl IntoIterator<Item = Cell<'c>>) -> Row {
        let mut text = String::new();
        let cells = values
            .into_iter()
            .map(|cell| {
                let (kind, value) = match cell {
                    Cell::Empty => (Kind::Empty, ""),
                    Cell::Text(s) => (Kind::Text, s),
                    Cell::Number(s) => (Kind::Number, s),
                    Cell::Json(s) => (Kind::Json, s),
                };
                text.push_str(value);
                // Readers refuse rows over MAX_ROW_BYTES, and JSON documents are limited to 512 MiB.
                let end = u32::try_from(text.len()).unwrap_or(END_MASK).min(END_MASK);
                end | (kind as u32) << KIND_SHIFT
            })
            .collect();
        Row { place, resource, text: text.into_boxed_str(), cells }
    }

    /// A row of `resource` from a JSON object's properties; properties the descriptor lacks are dropped.
    pub fn from_json(resource: &'static Resource, place: Place, values: &Map<String, Value>) -> Row {
        let texts: Vec<(Kind, std::borrow::Cow<str>)> = resource
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
            Kind::Empty => Cell::Empty,
            Kind::Text => Cell::Text(text),
            Kind::Number => Cell::Number(text),
            Kind::Json => Cell::Json(text),
        });
        Row::new(resource, place, cells)
    }

    pub fn resource(&self) -> &'static Resource {
        self.resource
    }

    /// The value of the field at `index` in the descriptor's order.
    pub fn at(&self, index: usize) -> Cell<'_> {
        let Some(&cell) = self.cells.get(index) else { return Cell::Empty };
        let start = index.checked_sub(1).and_then(|i| self.cells.get(i)).map_or(0, |c| c & END_MASK);
        let text = self.text.get(start as usize..(cell & END_MASK) as usize).unwrap_or_default();
        match Kind::of(cell) {
            Kind::Empty => Cell::Empty,
            Kind::Text => Cell::Text(text),
            Kind::Number => Cell::Number(text),
            Kind::Json => Cell::Json(text),
        }
    }

    /// Every value, in the descriptor's order.
    pub fn cells(&self) -> impl Iterator<Item = Cell<'_>> {
        (0..self.cells.len()).map(|i| self.at(i))
    }

    /// The value of `column`; `Empty` for a column the descriptor lacks.
    pub fn cell(&self, column: &str) -> Cell<'_> {
        self.resource.fields.iter().position(|f| f.name == column).map_or(Cell::Empty, |i| self.at(i))
    }

    /// Empties one value (an invalid optional value that `--skip-invalid` leaves out).
    fn clear(&mut self, column: &str) {
        if let Some(i) = self.resource.fields.iter().position(|f| f.name == column) {
            self.cells[i] &= END_MASK;
        }
    }

    pub fn str(&self, column: &str) -> Option<&str> {
        match self.cell(column) {
            Cell::Text(s) => Some(s.trim()).filter(|s| !s.is_empty()),
            _ => None,
        }
    }

    pub fn number(&self, column: &str) -> Option<f64> {
        match self.cell(column) {
            Cell::Number(s) => s.parse().ok(),
            _ => None,
        }
    }

    pub fn uuid(&self, column: &str) -> Option<uuid::Uuid> {
        self.str(column).and_then(|s| uuid::Uuid::parse_str(s).ok())
    }
}

/// All rows, by resource name (`service`, `phone`, …).
#[derive(Debug, Clone, Default)]
pub struct Tables {
    pub rows: BTreeMap<String, Vec<Row>>,
}

impl Tables {
    pub fn of(&self, resource: &str) -> &[Row] {
        self.rows.get(resource).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn push(&mut self, row: Row) {
        match self.rows.get_mut(&row.resource.name) {
            Some(rows) => rows.push(row),
            None => {
                self.rows.insert(row.resource.name.clone(), vec![row]);
            }
        }
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
    let place = &tables.of(&issue.resource)[issue.row].place;
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
        } else if let (Some(rows), Some(column)) = (tables.rows.get_mut(&issue.resource), &issue.column) {
            rows[issue.row].clear(column);
        }
    }
    for (resource, positions) in doomed {
        if let Some(rows) = tables.rows.get_mut(resource) {
            let mut position = 0;
            rows.retain(|_| {
                position += 1;
                !positions.contains(&(position - 1))
            });
        }
    }
}

fn find_issues(tables: &Tables) -> Vec<Issue> {
    let ids: HashMap<&str, FastSet<&str>> = descriptor::resources()
        .iter()
        .map(|r| (r.name.as_str(), tables.of(&r.name).iter().filter_map(|row| row.str("id")).collect()))
        .collect();
    let mut issues = Vec::new();
    for resource in descriptor::resources() {
        let mut seen: HashMap<&str, FastSet<&str>> = HashMap::new();
        for (position, row) in tables.of(&resource.name).iter().enumerate() {
            let mut issue = |column: Option<&str>, message: String| {
                issues.push(Issue {
                    resource: resource.name.clone(),
                    row: position,
                    column: column.map(str::to_string),
                    message,
                })
            };
            for (field, value) in resource.fields.iter().zip(row.cells()) {
                if let Err(message) = check_value(field, value) {
                    issue(Some(&field.name), message);
                    continue;
                }
                if field.unique && value != Cell::Empty {
                    let text = value.text();
                    if !seen.entry(field.name.as_str()).or_default().insert(text) {
                        issue(Some(&field.name), format!("`{text}` appears more than once"));
                    }
                }
            }
            for message in dangling(resource, row, &ids) {
                issue(Some(&message.0), message.1);
            }
        }
    }
    issues
}

fn dangling(resource: &Resource, row: &Row, ids: &HashMap<&str, FastSet<&str>>) -> Vec<(String, String)> {
    resource
        .foreign_keys
        .iter()
        .filter_map(|key| {
            let value = row.str(&key.field)?;
            let known = ids.get(key.resource.as_str()).is_some_and(|set| set.contains(value));
            (!known).then(|| (key.field.clone(), format!("no {} with id {value}", key.resource)))
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

    fn row(resource: &str, file: &str, n: usize, values: Value) -> Row {
        let Value::Object(values) = values else { panic!("object expected") };
        let resource = descriptor::resource(resource).expect("resource");
        Row::from_json(resource, Place::Csv { file: file.into(), row: n }, &values)
    }

    #[test]
    fn a_row_keeps_each_value_with_its_kind() {
        let values = json!({"id": " x ", "latitude": 59.9, "name": true, "alternate_name": "", "unknown": "y"});
        let row = row("location", "locations.csv", 2, values);
        assert_eq!(row.cell("id"), Cell::Text(" x "));
        assert_eq!(row.str("id"), Some("x"));
        assert_eq!(row.number("latitude"), Some(59.9));
        assert_eq!(row.cell("name"), Cell::Json("true"));
        assert_eq!((row.cell("alternate_name"), row.str("alternate_name")), (Cell::Text(""), None));
        assert_eq!((row.cell("description"), row.cell("unknown")), (Cell::Empty, Cell::Empty));
        assert_eq!(row.cells().count(), row.resource().fields.len());
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
        assert_eq!(tables.of("location")[0].cell("organization_id"), Cell::Empty);
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
