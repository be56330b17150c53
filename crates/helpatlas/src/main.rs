use clap::Parser;
use helpatlas::cli::{run, Cli};
use std::io::IsTerminal;
use std::process::ExitCode;
use tracing_subscriber::EnvFilter;

/// A directory of a million services is tens of millions of small strings and vectors; glibc's malloc
/// pads each to at least 32 bytes and keeps what the index build freed, mimalloc does neither.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    // tantivy logs every segment file it writes or deletes at info level: noise on each index update.
    let default_filter = || EnvFilter::new("info,tantivy=warn");
    let filter = EnvFilter::try_from_env("HELPATLAS_LOG").unwrap_or_else(|_| default_filter());
    let logs = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    // Colour codes only for a person at a terminal: in a file or a pipe they are noise for collectors.
    match std::env::var("HELPATLAS_LOG_FORMAT").as_deref() {
        Ok("json") => logs.json().init(),
        Ok("text") | Err(_) => logs.with_ansi(std::io::stderr().is_terminal()).init(),
        Ok(other) => {
            eprintln!("error: HELPATLAS_LOG_FORMAT must be `text` or `json`, not `{other}`");
            return ExitCode::FAILURE;
        }
    }
    match run(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
