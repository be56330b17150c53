//! What real publishers send that is not quite HSDS 3.0 but can be read without guessing, repaired
//! before the checks with one note per kind of repair (never per row, never silently): date-times
//! without a UTC offset (read as UTC), nested records without an id (given one derived from their
//! parent and content, so the same record gets the same id every time), and rows repeated exactly.
//! What cannot be read this way is still refused by the checks.

use super::descriptor::FieldType;
use super::tables::{Cell, Row, Tables};
use chrono::{DateTime, NaiveDateTime};
use std::collections::{BTreeMap, HashSet};
use uuid::Uuid;

/// The namespace of derived ids (a fixed random UUID).
const DERIVED: Uuid = Uuid::from_u128(0x2c1f_8a0e_5d36_4b71_8e42_97f3_0b6d_c154);

/// How many values of each kind of repair, by table.
#[derive(Default)]
struct Repairs {
    offsets: BTreeMap<String, usize>,
    ids: BTreeMap<String, usize>,
    duplicates: BTreeMap<String, usize>,
}

fn counted(counts: &BTreeMap<String, usize>) -> String {
    counts.iter().map(|(table, n)| format!("{n} {table}")).collect::<Vec<_>>().join(", ")
}

impl Repairs {
    fn notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        if !self.offsets.is_empty() {
            notes.push(format!("date-times without a UTC offset were read as UTC ({} rows)", counted(&self.offsets)));
        }
        if !self.ids.is_empty() {
            notes.push(format!(
                "records without an id were given one derived from their parent and content, the same at every pull ({})",
                counted(&self.ids)
            ));
        }
        if !self.duplicates.is_empty() {
            notes.push(format!("rows repeated exactly were read once ({})", counted(&self.duplicates)));
        }
        notes
    }
}

/// A date-time without an offset, as UTC in RFC 3339; `None` when the text is not one.
fn with_offset(text: &str) -> Option<String> {
    let text = text.trim();
    if DateTime::parse_from_rfc3339(text).is_ok() {
        return None;
    }
    ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M"]
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(text, format).ok())
        .map(|t| t.and_utc().to_rfc3339())
}

/// Whether the row links to a parent: a record nested in another one.
fn parent_link(row: &Row) -> Option<&str> {
    row.resource().foreign_keys.iter().find_map(|key| row.str(&key.field))
}

/// The id of a nested record that has none: from its table and every value it has (its parent's id
/// among them), so it is the same at every pull of the same data.
fn derived_id(row: &Row) -> String {
    let mut key = row.resource().name.clone();
    for cell in row.cells() {
        key.push('\u{1f}');
        key.push_str(match cell {
            Cell::Empty => "",
            Cell::Text(s) | Cell::Number(s) | Cell::Json(s) => s,
        });
    }
    Uuid::new_v5(&DERIVED, key.as_bytes()).to_string()
}

/// The row with the values of `changes` (by field position) in place of its own.
fn rebuilt(row: &Row, changes: &[(usize, String)]) -> Row {
    let cells: Vec<Cell> = row
        .cells()
        .enumerate()
        .map(|(i, cell)| changes.iter().find(|(j, _)| *j == i).map_or(cell, |(_, text)| Cell::Text(text)))
        .collect();
    Row::new(row.resource(), row.place.clone(), cells)
}

fn repair_row(row: &Row, repairs: &mut Repairs) -> Option<Row> {
    let table = row.resource().name.clone();
    let mut changes = Vec::new();
    for (i, field) in row.resource().fields.iter().enumerate() {
        if field.kind != FieldType::DateTime {
            continue;
        }
        if let Some(fixed) = row.str(&field.name).and_then(with_offset) {
            changes.push((i, fixed));
        }
    }
    if !changes.is_empty() {
        *repairs.offsets.entry(table.clone()).or_default() += 1;
    }
    let id_position = row.resource().fields.iter().position(|f| f.name == "id");
    if let Some(position) = id_position.filter(|_| row.str("id").is_none() && parent_link(row).is_some()) {
        changes.push((position, derived_id(row)));
        *repairs.ids.entry(table).or_default() += 1;
    }
    (!changes.is_empty()).then(|| rebuilt(row, &changes))
}

/// Whether two rows hold the same values.
fn same(a: &Row, b: &Row) -> bool {
    a.cells().eq(b.cells())
}

/// Drops every row that repeats an earlier row of the same id exactly; rows that share an id but
/// differ are kept, for the checks to refuse.
fn drop_repeats(table: &str, rows: &mut Vec<Row>, repairs: &mut Repairs) {
    let mut first_of: BTreeMap<String, usize> = BTreeMap::new();
    let mut repeats = HashSet::new();
    for (position, row) in rows.iter().enumerate() {
        let Some(id) = row.str("id") else { continue };
        match first_of.get(id) {
            Some(&first) if same(&rows[first], row) => {
                repeats.insert(position);
            }
            Some(_) => {}
            None => {
                first_of.insert(id.to_string(), position);
            }
        }
    }
    if repeats.is_empty() {
        return;
    }
    *repairs.duplicates.entry(table.to_string()).or_default() += repeats.len();
    let mut position = 0;
    rows.retain(|_| {
        position += 1;
        !repeats.contains(&(position - 1))
    });
}

/// Repairs what can be repaired without guessing; returns one note per kind of repair made.
pub fn repair(tables: &mut Tables) -> Vec<String> {
    let mut repairs = Repairs::default();
    for (table, rows) in tables.rows.iter_mut() {
        for row in rows.iter_mut() {
            if let Some(fixed) = repair_row(row, &mut repairs) {
                *row = fixed;
            }
        }
        drop_repeats(table, rows, &mut repairs);
    }
    repairs.notes()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hsds::descriptor;
    use crate::hsds::tables::Place;
    use serde_json::{json, Value};

    fn row(resource: &str, n: usize, values: Value) -> Row {
        let Value::Object(values) = values else { panic!("object expected") };
        let resource = descriptor::resource(resource).expect("resource");
        Row::from_json(resource, Place::Json { document: "doc".into(), path: format!("[{n}]") }, &values)
    }

    const SERVICE: &str = "9d0e6f46-0000-4000-8000-000000000002";

    #[test]
    fn offsets_ids_and_repeats_are_repaired_with_one_note_each() {
        let mut tables = Tables::default();
        tables.push(row("service", 0, json!({"id": SERVICE, "name": "a", "last_modified": "2024-05-01T10:00:00"})));
        tables.push(row("service", 1, json!({"id": SERVICE, "name": "a", "last_modified": "2024-05-01T10:00:00"})));
        tables.push(row("phone", 2, json!({"service_id": SERVICE, "number": "+47 22 40 00 40"})));
        tables.push(row("phone", 3, json!({"service_id": SERVICE, "number": "+47 22 40 00 41"})));
        let notes = repair(&mut tables);
        assert_eq!(notes.len(), 3, "{notes:?}");
        assert!(notes[0].contains("read as UTC (2 service rows)"), "{notes:?}");
        assert!(notes[1].contains("(2 phone)"), "{notes:?}");
        assert!(notes[2].contains("(1 service)"), "{notes:?}");
        let services = tables.of("service");
        assert_eq!(services.len(), 1);
        assert_eq!(services[0].str("last_modified"), Some("2024-05-01T10:00:00+00:00"));
        let ids: Vec<&str> = tables.of("phone").iter().filter_map(|p| p.str("id")).collect();
        assert_eq!(ids.len(), 2);
        assert_ne!(ids[0], ids[1]);

        let mut again = Tables::default();
        again.push(row("phone", 9, json!({"service_id": SERVICE, "number": "+47 22 40 00 40"})));
        repair(&mut again);
        assert_eq!(again.of("phone")[0].str("id"), Some(ids[0]), "the same record gets the same id");
    }

    #[test]
    fn rows_that_share_an_id_but_differ_are_left_for_the_checks() {
        let mut tables = Tables::default();
        tables.push(row("service", 0, json!({"id": SERVICE, "name": "a"})));
        tables.push(row("service", 1, json!({"id": SERVICE, "name": "b"})));
        assert!(repair(&mut tables).is_empty());
        assert_eq!(tables.of("service").len(), 2);
    }

    #[test]
    fn valid_data_is_left_alone() {
        let mut tables = Tables::default();
        tables.push(row("service", 0, json!({"id": SERVICE, "name": "a", "last_modified": "2024-05-01T10:00:00Z"})));
        assert!(repair(&mut tables).is_empty());
    }
}
