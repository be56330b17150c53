//! A file given to `helpatlas import` or read from a feed: Help Atlas JSON, HSDS JSON or ndjson, or a
//! zipped data package, recognised and read as the import reads it, then checked and mapped into a
//! directory.
#![no_main]

use helpatlas::hsds::prepare;
use helpatlas::hsds::source::{read_bytes, Input, Limits};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    // Small limits keep every run short; the limits themselves are part of what is tried.
    let limits = Limits { max_bytes: 1 << 20, max_json_bytes: 1 << 20, max_entries: 64 };
    match read_bytes(Path::new("fuzzed"), data, &limits) {
        Ok(Input::Hsds { tables, problems, .. }) => {
            let _ = prepare(tables, problems, data.len() % 2 == 0, chrono::Utc::now());
        }
        Ok(Input::Atlas(directory)) => {
            let _ = helpatlas::transfer::check(&directory, &Default::default());
        }
        Err(_) => {}
    }
});
