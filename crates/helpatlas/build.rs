//! Lists the curated directory files and the articles so that the binary embeds every one of them
//! without a hand-maintained list.

use std::{env, fs, path::Path};

fn main() {
    embed("../../data/directory", ".toml", "directory_files.rs");
    embed_tree("../../content/articles", ".md", "article_files.rs");
    embed_tree("../../data/translations", ".toml", "translation_files.rs");
}

/// Like [`embed`], for the files one folder down (`lang/file.toml`), named by that relative path; files
/// at the top are listed too, so that the loader can say they are misplaced.
fn embed_tree(dir: &str, extension: &str, out_file: &str) {
    let dir = manifest_dir().join(dir);
    println!("cargo:rerun-if-changed={}", dir.display());
    let folders = fs::read_dir(&dir).unwrap_or_else(|e| panic!("{} must exist: {e}", dir.display()));
    let mut files: Vec<String> = folders
        .filter_map(|e| e.ok())
        .flat_map(|folder| {
            let name = folder.file_name().to_string_lossy().into_owned();
            if !folder.path().is_dir() {
                return if name.ends_with(extension) { vec![name] } else { Vec::new() };
            }
            let inner = fs::read_dir(folder.path()).unwrap_or_else(|e| panic!("{name}: {e}"));
            inner
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|file| file.ends_with(extension))
                .map(move |file| format!("{name}/{file}"))
                .collect::<Vec<_>>()
        })
        .collect();
    files.sort();
    write_files(&dir, &files, out_file);
}

/// Writes `pub const FILES: &[(&str, &str)]` of (file name, contents) for every file of `dir` whose
/// name ends with `extension`, sorted by name.
fn embed(dir: &str, extension: &str, out_file: &str) {
    let dir = manifest_dir().join(dir);
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<String> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{} must exist: {e}", dir.display()))
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(extension))
        .collect();
    files.sort();
    write_files(&dir, &files, out_file);
}

/// Writes the `FILES` constant for `files` (paths relative to `dir`) to `out_file` in `OUT_DIR`.
fn write_files(dir: &Path, files: &[String], out_file: &str) {
    let entries: String =
        files.iter().map(|f| format!("    ({f:?}, include_str!({:?})),\n", dir.join(f).display())).collect();
    let out = Path::new(&env::var("OUT_DIR").expect("OUT_DIR set by cargo")).join(out_file);
    fs::write(out, format!("pub const FILES: &[(&str, &str)] = &[\n{entries}];\n")).expect("write OUT_DIR");
}

/// The crate's folder as cargo gives it when the script runs: `env!` would bake in the folder the
/// script was first compiled in, and a build directory copied to another checkout would then embed
/// the other checkout's data.
fn manifest_dir() -> std::path::PathBuf {
    std::path::PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR set by cargo"))
}
