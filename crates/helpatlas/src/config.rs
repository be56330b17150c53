//! Runtime configuration shared by the subcommands: where the data lives and which database to use.

use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot use data directory {path}: {reason}")]
    DataDir { path: String, reason: String },
}

/// Where the data lives. `database` overrides the default SQLite file inside `data_dir`.
#[derive(Debug, Clone)]
pub struct DataConfig {
    pub data_dir: PathBuf,
    pub database: Option<String>,
}

impl DataConfig {
    pub fn database_url(&self) -> String {
        match &self.database {
            Some(url) => url.clone(),
            None => format!("sqlite://{}?mode=rwc", self.data_dir.join("helpatlas.db").display()),
        }
    }

    /// Where the search index is saved between runs: beside the SQLite file, or in the data
    /// directory of a server of an external database.
    pub fn saved_index(&self) -> PathBuf {
        self.data_dir.join("search-index.bin")
    }

    /// Creates the data directory if needed and proves it writable, so that a bad directory is
    /// reported as such rather than as an obscure database error. Not needed for an external database.
    pub fn prepare(&self) -> Result<(), ConfigError> {
        let uses_data_dir = self.database.as_deref().is_none_or(|url| url.starts_with("sqlite:"));
        if !uses_data_dir {
            return Ok(());
        }
        let dir = &self.data_dir;
        let fail = |e: std::io::Error| ConfigError::DataDir { path: dir.display().to_string(), reason: e.to_string() };
        std::fs::create_dir_all(dir).map_err(fail)?;
        probe_writable(dir).map_err(fail)
    }
}

fn probe_writable(dir: &Path) -> std::io::Result<()> {
    let probe = dir.join(format!(".write-test-{}", std::process::id()));
    std::fs::write(&probe, b"")?;
    std::fs::remove_file(&probe)
}
