//! The bundled directory's TOML files, parsed and checked as at start-up.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = helpatlas::bundled::parse_files(&[("xx.toml", text)]);
});
