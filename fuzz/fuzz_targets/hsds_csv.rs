//! One CSV file of an HSDS data package, read into rows of the table the first byte picks, then
//! checked against the descriptor and mapped into a directory as an import does.
#![no_main]

use helpatlas::hsds::{descriptor, prepare, tables::Tables, tabular::read_csv};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, csv)) = data.split_first() else { return };
    let resources = descriptor::resources();
    let resource = &resources[usize::from(pick) % resources.len()];
    let mut tables = Tables::default();
    let problems = read_csv(resource, &resource.path, csv, &mut tables).err().unwrap_or_default();
    let _ = prepare(tables, problems, pick & 0x80 != 0, chrono::Utc::now());
});
