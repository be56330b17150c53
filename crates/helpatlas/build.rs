//! Lists the curated directory files and the articles so that the binary embeds every one of them
//! without a hand-maintained list.

use std::{env, fs, path::Path};

fn main() {
    embed("../../data/directory", ".toml", "directory_files.rs");
    embed("../../content/articles", ".md", "article_files.rs");
}

/// Writes `pub const FILES: &[(&str, &str)]` of (file name, contents) for every file of `dir` whose
/// name ends with `extension`, sorted by name.
fn embed(dir: &str, extension: &str, out_file: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<String> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{} must exist: {e}", dir.display()))
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(extension))
        .collect();
    files.sort();
    let entries: String =
        files.iter().map(|f| format!("    ({f:?}, include_str!({:?})),\n", dir.join(f).display())).collect();
    let out = Path::new(&env::var("OUT_DIR").expect("OUT_DIR set by cargo")).join(out_file);
    fs::write(out, format!("pub const FILES: &[(&str, &str)] = &[\n{entries}];\n")).expect("write OUT_DIR");
}
