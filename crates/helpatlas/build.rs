//! Lists the curated directory files so that the binary embeds every one of them without a
//! hand-maintained list.

use std::{env, fs, path::Path};

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/directory");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<String> = fs::read_dir(&dir)
        .expect("data/directory exists")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".toml"))
        .collect();
    files.sort();
    let entries: String =
        files.iter().map(|f| format!("    ({f:?}, include_str!({:?})),\n", dir.join(f).display())).collect();
    let out = Path::new(&env::var("OUT_DIR").expect("OUT_DIR set by cargo")).join("directory_files.rs");
    fs::write(out, format!("pub const FILES: &[(&str, &str)] = &[\n{entries}];\n")).expect("write OUT_DIR");
}
