//! A file given to `helpatlas import`: Help Atlas JSON, HSDS JSON or ndjson, or a zipped data package,
//! recognised and read as the import reads it, then checked and mapped into a directory.
#![no_main]

use helpatlas::hsds::source::{read, Input, Limits};
use helpatlas::hsds::prepare;
use libfuzzer_sys::fuzz_target;
use std::io::Write;

fuzz_target!(|data: &[u8]| {
    let Ok(mut file) = tempfile::NamedTempFile::new() else { return };
    if file.write_all(data).is_err() {
        return;
    }
    // Small limits keep every run short; the limits themselves are part of what is tried.
    let limits = Limits { max_bytes: 1 << 20, max_json_bytes: 1 << 20, max_entries: 64 };
    match read(file.path(), &limits) {
        Ok(Input::Hsds { tables, problems, .. }) => {
            let _ = prepare(tables, problems, data.len() % 2 == 0, chrono::Utc::now());
        }
        Ok(Input::Atlas(directory)) => {
            let _ = helpatlas::transfer::check(&directory, &Default::default());
        }
        Err(_) => {}
    }
});
