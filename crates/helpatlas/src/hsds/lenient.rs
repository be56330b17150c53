//! What real publishers send that is not quite HSDS 3.0 but can be read without guessing, repaired
//! before the checks with one note per kind of repair (never per row, never silently): date-times
//! without a UTC offset (read in their service's own time zone when the data gives one, else as UTC),
//! nested records without an id (given one derived from their parent and content, so the same record
//! gets the same id every time), and rows repeated exactly.
//! What cannot be read this way is still refused by the checks.

use super::descriptor::FieldType;
use super::tables::{Cell, Row, Table, Tables};
use super::taxonomy::{self, Carrier};
use chrono::{DateTime, FixedOffset, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;
use std::collections::{BTreeMap, HashMap, HashSet};
use uuid::Uuid;

/// The namespace of derived ids (a fixed random UUID).
const DERIVED: Uuid = Uuid::from_u128(0x2c1f_8a0e_5d36_4b71_8e42_97f3_0b6d_c154);

/// How many values of each kind of repair, by table.
#[derive(Default)]
struct Repairs {
    offsets: BTreeMap<String, usize>,
    zoned: BTreeMap<String, usize>,
    ids: BTreeMap<String, usize>,
    duplicates: BTreeMap<String, usize>,
}

fn counted(counts: &BTreeMap<String, usize>) -> String {
    counts.iter().map(|(table, n)| format!("{n} {table}")).collect::<Vec<_>>().join(", ")
}

impl Repairs {
    fn notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        if !self.zoned.is_empty() {
            notes.push(format!(
                "date-times without a UTC offset were read in their service's time zone ({} rows)",
                counted(&self.zoned)
            ));
        }
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

/// The time zone a service's date-times without an offset are read in.
#[derive(Debug, Clone, Copy)]
enum Zone {
    /// The IANA zone of Help Atlas's `timezone` attribute.
    Named(Tz),
    /// An HSDS `schedule.timezone`: a fixed UTC offset in hours.
    Fixed(FixedOffset),
}

impl Zone {
    fn local(self, t: NaiveDateTime) -> DateTime<FixedOffset> {
        match self {
            // A time that a change of clocks skips is read with the offset before the change.
            Zone::Named(tz) => match tz.from_local_datetime(&t).earliest() {
                Some(local) => local.fixed_offset(),
                None => {
                    let offset = tz.offset_from_utc_datetime(&t).fix();
                    (t - offset).and_utc().with_timezone(&offset)
                }
            },
            Zone::Fixed(offset) => (t - offset).and_utc().with_timezone(&offset),
        }
    }
}

/// A schedule's fixed offset, when it gives a usable one.
fn schedule_offset(row: Row) -> Option<Zone> {
    let hours = row.number("timezone")?;
    let seconds = (hours * 3600.0).round();
    (seconds.abs() <= 18.0 * 3600.0).then(|| FixedOffset::east_opt(seconds as i32).map(Zone::Fixed)).flatten()
}

/// The zone of each service that has one, by its id as written: its Help Atlas `timezone` attribute,
/// else the offset of its schedules, else that of the schedules of its locations.
fn service_zones(tables: &Tables) -> HashMap<String, Zone> {
    let mut zones = HashMap::new();
    let timezone = taxonomy::term_id(Carrier::Timezone.code());
    for a in tables.of("attribute").iter().filter(|a| a.uuid("taxonomy_term_id") == Some(timezone)) {
        if let (Some(link), Some(zone)) = (a.text("link_id"), a.str("value").and_then(|v| v.parse::<Tz>().ok())) {
            zones.insert(link.into_owned(), Zone::Named(zone));
        }
    }
    let mut by_location = HashMap::new();
    for schedule in tables.of("schedule").iter() {
        let Some(zone) = schedule_offset(schedule) else { continue };
        if let Some(service) = schedule.text("service_id") {
            zones.entry(service.into_owned()).or_insert(zone);
        }
        if let Some(location) = schedule.text("location_id") {
            by_location.entry(location.into_owned()).or_insert(zone);
        }
    }
    for sal in tables.of("service_at_location").iter() {
        let zone = sal.text("location_id").and_then(|l| by_location.get(l.as_ref())).copied();
        if let (Some(service), Some(zone)) = (sal.text("service_id"), zone) {
            zones.entry(service.into_owned()).or_insert(zone);
        }
    }
    zones
}

/// A date-time without an offset, in RFC 3339: in `zone` when given, else as UTC; `None` when the
/// text is not one.
fn with_offset(text: &str, zone: Option<Zone>) -> Option<String> {
    let text = text.trim();
    if DateTime::parse_from_rfc3339(text).is_ok() {
        return None;
    }
    let naive =
        ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M"]
            .iter()
            .find_map(|format| NaiveDateTime::parse_from_str(text, format).ok())?;
    Some(match zone {
        Some(zone) => zone.local(naive).to_rfc3339(),
        None => naive.and_utc().with_timezone(&Utc).to_rfc3339(),
    })
}

/// The zone of the service a row is or belongs to.
fn zone_of(row: Row, zones: &HashMap<String, Zone>) -> Option<Zone> {
    let service = match row.resource().name.as_str() {
        "service" => row.text("id"),
        _ => row.text("service_id"),
    };
    service.and_then(|id| zones.get(id.as_ref())).copied()
}

/// Whether the row links to a parent: a record nested in another one.
fn has_parent(row: Row) -> bool {
    row.resource().foreign_keys.iter().any(|key| row.text(&key.field).is_some())
}

/// The id of a nested record that has none: from its table and every value it has (its parent's id
/// among them), so it is the same at every pull of the same data.
fn derived_id(row: Row) -> String {
    let mut key = row.resource().name.clone();
    for cell in row.cells() {
        key.push('\u{1f}');
        match cell {
            Cell::Empty => {}
            Cell::Text(s) | Cell::Number(s) | Cell::Json(s) => key.push_str(s),
            Cell::Uuid(id) => key.push_str(&id.to_string()),
        }
    }
    Uuid::new_v5(&DERIVED, key.as_bytes()).to_string()
}

/// The row with the values of `changes` (by field position) in place of its own, as a table of one row.
fn rebuilt(row: Row, changes: &[(usize, String)]) -> Table {
    let cells = row
        .cells()
        .enumerate()
        .map(|(i, cell)| changes.iter().find(|(j, _)| *j == i).map_or(cell, |(_, text)| Cell::Text(text)));
    Table::single(row.resource(), row.place(), cells)
}

fn repair_row(row: Row, zones: &HashMap<String, Zone>, repairs: &mut Repairs) -> Option<Table> {
    let table = row.resource().name.clone();
    let zone = zone_of(row, zones);
    let mut changes = Vec::new();
    for (i, field) in row.resource().fields.iter().enumerate() {
        if field.kind != FieldType::DateTime {
            continue;
        }
        if let Some(fixed) = row.str(&field.name).and_then(|text| with_offset(text, zone)) {
            changes.push((i, fixed));
        }
    }
    if !changes.is_empty() {
        let counts = if zone.is_some() { &mut repairs.zoned } else { &mut repairs.offsets };
        *counts.entry(table.clone()).or_default() += 1;
    }
    let id_position = row.resource().fields.iter().position(|f| f.name == "id");
    if let Some(position) = id_position.filter(|_| row.text("id").is_none() && has_parent(row)) {
        changes.push((position, derived_id(row)));
        *repairs.ids.entry(table).or_default() += 1;
    }
    (!changes.is_empty()).then(|| rebuilt(row, &changes))
}

/// Whether two rows hold the same values.
fn same(a: Row, b: Row) -> bool {
    a.cells().eq(b.cells())
}

/// Drops every row that repeats an earlier row of the same id exactly; rows that share an id but
/// differ are kept, for the checks to refuse.
fn drop_repeats(table: &str, rows: &mut Table, repairs: &mut Repairs) {
    let mut first_of: BTreeMap<String, usize> = BTreeMap::new();
    let mut repeats = HashSet::new();
    for row in rows.iter() {
        let Some(id) = row.text("id") else { continue };
        match first_of.get(id.as_ref()).and_then(|&first| rows.get(first)) {
            Some(first) if same(first, row) => {
                repeats.insert(row.index());
            }
            Some(_) => {}
            None => {
                first_of.insert(id.into_owned(), row.index());
            }
        }
    }
    if repeats.is_empty() {
        return;
    }
    *repairs.duplicates.entry(table.to_string()).or_default() += repeats.len();
    rows.retain(|position| !repeats.contains(&position));
}

/// Repairs what can be repaired without guessing; returns one note per kind of repair made.
pub fn repair(tables: &mut Tables) -> Vec<String> {
    let mut repairs = Repairs::default();
    let zones = service_zones(tables);
    for (table, rows) in tables.tables.iter_mut() {
        for position in 0..rows.len() {
            if let Some(fixed) = rows.get(position).and_then(|row| repair_row(row, &zones, &mut repairs)) {
                rows.overwrite(position, &fixed);
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

    fn row(resource: &str, n: usize, values: Value) -> Table {
        let Value::Object(values) = values else { panic!("object expected") };
        let resource = descriptor::resource(resource).expect("resource");
        Table::single_json(resource, Place::Json { document: "doc".into(), path: format!("[{n}]") }, &values)
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
        assert_eq!(services.get(0).expect("kept").str("last_modified"), Some("2024-05-01T10:00:00+00:00"));
        let ids: Vec<String> =
            tables.of("phone").iter().filter_map(|p| p.text("id")).map(|id| id.into_owned()).collect();
        assert_eq!(ids.len(), 2);
        assert_ne!(ids[0], ids[1]);

        let mut again = Tables::default();
        again.push(row("phone", 9, json!({"service_id": SERVICE, "number": "+47 22 40 00 40"})));
        repair(&mut again);
        let again_id = again.of("phone").get(0).and_then(|p| p.text("id")).map(|id| id.into_owned());
        assert_eq!(again_id.as_ref(), Some(&ids[0]), "the same record gets the same id");
    }

    #[test]
    fn date_times_without_an_offset_are_read_in_their_services_zone_else_as_utc() {
        const OSLO: &str = "9d0e6f46-0000-4000-8000-000000000003";
        const OFFSET: &str = "9d0e6f46-0000-4000-8000-000000000004";
        const LOCATED: &str = "9d0e6f46-0000-4000-8000-000000000005";
        const LOCATION: &str = "9d0e6f46-0000-4000-8000-000000000006";
        let timezone = taxonomy::term_id(Carrier::Timezone.code()).to_string();
        let mut tables = Tables::default();
        for (n, id) in [SERVICE, OSLO, OFFSET, LOCATED].into_iter().enumerate() {
            tables.push(row("service", n, json!({"id": id, "name": "a", "last_modified": "2024-01-15T10:00:00"})));
        }
        tables.push(row(
            "attribute",
            4,
            json!({"id": LOCATION, "link_id": OSLO, "link_entity": "service", "taxonomy_term_id": timezone, "value": "Europe/Oslo"}),
        ));
        tables.push(row("schedule", 5, json!({"id": SERVICE, "service_id": OFFSET, "timezone": -5})));
        tables.push(row("schedule", 6, json!({"id": OSLO, "location_id": LOCATION, "timezone": 9})));
        tables.push(row(
            "service_at_location",
            7,
            json!({"id": OFFSET, "service_id": LOCATED, "location_id": LOCATION}),
        ));
        let notes = repair(&mut tables);
        assert_eq!(notes.len(), 2, "one note per kind: {notes:?}");
        assert!(notes[0].contains("read in their service's time zone (3 service rows)"), "{notes:?}");
        assert!(notes[1].contains("read as UTC (1 service rows)"), "{notes:?}");
        let modified = |id: &str| {
            let service = tables.of("service").iter().find(|s| s.text("id").as_deref() == Some(id)).expect("service");
            service.str("last_modified").map(str::to_string)
        };
        assert_eq!(modified(SERVICE).as_deref(), Some("2024-01-15T10:00:00+00:00"));
        assert_eq!(modified(OSLO).as_deref(), Some("2024-01-15T10:00:00+01:00"), "winter time in Oslo");
        assert_eq!(modified(OFFSET).as_deref(), Some("2024-01-15T10:00:00-05:00"), "its schedule's offset");
        assert_eq!(modified(LOCATED).as_deref(), Some("2024-01-15T10:00:00+09:00"), "its location's schedule");
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
