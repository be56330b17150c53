//! Command-line interface: parses arguments and calls the library.

use crate::app::{self, AppError};
use crate::auth::{Actor, Auth};
use crate::config::DataConfig;
use crate::geo::{atlas, PlaceRef};
use crate::model::Role;
use crate::transfer::{self, TransferError};
use crate::web::admin::AdminSettings;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(name = "helpatlas", version, about = "Help Atlas: an open directory of mental-health help.")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Args, Debug, Clone)]
pub struct DataArgs {
    /// Directory for the embedded SQLite database.
    #[arg(long, env = "HELPATLAS_DATA_DIR", default_value = "./helpatlas-data")]
    pub data_dir: PathBuf,
    /// Database URL (sqlite://PATH or postgres://…); default: a SQLite file in the data directory.
    #[arg(long, env = "HELPATLAS_DATABASE")]
    pub database: Option<String>,
}

impl DataArgs {
    fn config(&self) -> DataConfig {
        DataConfig { data_dir: self.data_dir.clone(), database: self.database.clone() }
    }
}

/// Settings of the editors' area at /admin.
#[derive(Args, Debug, Clone)]
pub struct AdminArgs {
    /// The server runs behind a reverse proxy: trust its X-Forwarded-For (the client address for
    /// sign-in throttling) and X-Forwarded-Proto (https → cookies marked Secure).
    #[arg(long, env = "HELPATLAS_TRUST_PROXY")]
    pub trust_proxy: bool,
    /// Months after its last check that a service is due to be verified again.
    #[arg(long, env = "HELPATLAS_VERIFY_MONTHS", default_value_t = 12, value_parser = clap::value_parser!(u32).range(1..=60))]
    pub verify_months: u32,
    /// Days ahead that the verification dashboard lists services as due soon.
    #[arg(long, env = "HELPATLAS_DUE_SOON_DAYS", default_value_t = 30, value_parser = clap::value_parser!(u32).range(1..=365))]
    pub due_soon_days: u32,
}

impl AdminArgs {
    fn settings(&self) -> AdminSettings {
        AdminSettings {
            trust_proxy: self.trust_proxy,
            verify_months: self.verify_months,
            due_soon_days: self.due_soon_days,
        }
    }
}

/// The public forms' guards and the scheduled link check.
#[derive(Args, Debug, Clone)]
pub struct PublicArgs {
    /// The address people reach the site at (scheme and host, such as https://help.example.org): the
    /// `hreflang` alternates of every page name it in full, as search engines require.
    #[arg(long, env = "HELPATLAS_PUBLIC_URL", default_value = "http://127.0.0.1:8080", value_parser = parse_public_url)]
    pub public_url: String,
    /// Seconds a person takes at least to fill in a public form: one sent back sooner is refused.
    #[arg(long, env = "HELPATLAS_FORM_MIN_SECONDS", default_value_t = 3, value_parser = clap::value_parser!(u32).range(0..=600))]
    pub form_min_seconds: u32,
    /// Public forms one client may send per 10 minutes (counted in memory, by a keyed hash of the
    /// address that is replaced every 10 minutes).
    #[arg(long, env = "HELPATLAS_FORM_LIMIT", default_value_t = 5, value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub form_limit: u32,
    /// Check every link and phone number this often, in hours (off unless given).
    #[arg(long, env = "HELPATLAS_CHECK_LINKS_EVERY", value_parser = clap::value_parser!(u32).range(1..=8760))]
    pub check_links_every: Option<u32>,
    #[command(flatten)]
    pub checker: CheckerArgs,
}

/// How politely and how fast the link checker works.
#[derive(Args, Debug, Clone)]
pub struct CheckerArgs {
    /// Requests in flight at once, over all hosts.
    #[arg(long, default_value_t = 16, value_parser = clap::value_parser!(u32).range(1..=256))]
    pub link_concurrency: u32,
    /// Requests in flight at once to one host.
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u32).range(1..=16))]
    pub link_per_host: u32,
    /// Seconds a request may take before the link counts as unreachable.
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..=300))]
    pub link_timeout: u32,
}

impl CheckerArgs {
    fn settings(&self) -> crate::linkcheck::CheckSettings {
        crate::linkcheck::CheckSettings {
            concurrency: self.link_concurrency as usize,
            per_host: self.link_per_host as usize,
            timeout: std::time::Duration::from_secs(self.link_timeout.into()),
            ..Default::default()
        }
    }
}

/// An http(s) origin with nothing after the host, written without a trailing slash.
fn parse_public_url(value: &str) -> Result<String, String> {
    let url = url::Url::parse(value).map_err(|e| format!("`{value}` is not a URL: {e}"))?;
    let bare = url.path() == "/" && url.query().is_none() && url.fragment().is_none() && url.username().is_empty();
    if !matches!(url.scheme(), "http" | "https") || url.host().is_none() || !bare {
        return Err(format!(
            "`{value}` is not an http(s) address without path, query or user (such as https://help.example.org)"
        ));
    }
    Ok(url.as_str().trim_end_matches('/').to_string())
}

impl PublicArgs {
    fn extras(&self, trust_proxy: bool) -> app::ServeExtras {
        let defaults = crate::moderation::IntakeSettings::default();
        let limits = crate::moderation::guard::Limits { per_client: self.form_limit, ..defaults.limits };
        app::ServeExtras {
            intake: crate::moderation::IntakeSettings {
                min_fill: chrono::Duration::seconds(self.form_min_seconds.into()),
                limits,
                trust_proxy,
            },
            public_url: Some(self.public_url.clone()),
            check_links_every: self.check_links_every.map(|h| std::time::Duration::from_secs(u64::from(h) * 3600)),
            link_checks: self.checker.settings(),
            feeds: crate::feeds::FeedSettings::default(),
        }
    }
}

#[derive(ValueEnum, Debug, Clone, Copy)]
pub enum RoleArg {
    /// Manages accounts and everything else.
    Admin,
    /// Edits records.
    Editor,
}

impl RoleArg {
    fn role(self) -> Role {
        match self {
            RoleArg::Admin => Role::Admin,
            RoleArg::Editor => Role::Editor,
        }
    }
}

/// How a new password is given: never on the command line, where other users and the shell history see it.
#[derive(Args, Debug, Clone)]
pub struct PasswordArgs {
    /// Read the password from the first line of standard input instead of printing a setup link.
    #[arg(long)]
    pub password_stdin: bool,
    /// The address people reach the server at, for the setup link.
    #[arg(long, env = "HELPATLAS_PUBLIC_URL", default_value = "http://127.0.0.1:8080")]
    pub url: String,
}

#[derive(Subcommand, Debug)]
pub enum UserCommand {
    /// Create an account; prints a one-time setup link (valid 24 hours) unless --password-stdin.
    Add {
        email: String,
        #[arg(long, value_enum)]
        role: RoleArg,
        #[command(flatten)]
        password: PasswordArgs,
        #[command(flatten)]
        data: DataArgs,
    },
    /// List every account.
    List {
        #[command(flatten)]
        data: DataArgs,
    },
    /// Stop an account from signing in and end its sessions.
    Disable {
        email: String,
        #[command(flatten)]
        data: DataArgs,
    },
    /// Let a disabled account sign in again.
    Enable {
        email: String,
        #[command(flatten)]
        data: DataArgs,
    },
    /// Clear an account's password and end its sessions; prints a new setup link unless --password-stdin.
    Reset {
        email: String,
        #[command(flatten)]
        password: PasswordArgs,
        #[command(flatten)]
        data: DataArgs,
    },
}

impl UserCommand {
    fn data(&self) -> &DataArgs {
        match self {
            UserCommand::Add { data, .. }
            | UserCommand::List { data }
            | UserCommand::Disable { data, .. }
            | UserCommand::Enable { data, .. }
            | UserCommand::Reset { data, .. } => data,
        }
    }
}

#[derive(Subcommand, Debug)]
pub enum FeedCommand {
    /// Follow another directory's HSDS 3.0 publication: an HSDS API (its root URL), an HSDS JSON file
    /// or a Tabular Data Package zip. `serve` pulls it when due; `feeds pull` pulls it now.
    Add {
        /// The API's root (e.g. https://example.org/api) or the file's URL.
        url: String,
        /// A short name for it: lowercase letters, digits and `-`; shown on every record it brings.
        #[arg(long)]
        name: String,
        /// How often to pull: hours (`6h`) or days (`1d`).
        #[arg(long, default_value = "6h", value_parser = crate::feeds::parse_interval)]
        every: u32,
        /// Take only services in these countries (ISO codes, comma-separated); default all.
        #[arg(long, value_delimiter = ',')]
        countries: Vec<String>,
        /// Take only services of these kinds (comma-separated, e.g. helplines,in-person); default all.
        #[arg(long, value_delimiter = ',')]
        kinds: Vec<crate::model::Kind>,
        /// The publisher's licence, shown with every record it brings (e.g. "CC BY 4.0").
        #[arg(long, default_value = "")]
        licence: String,
        #[command(flatten)]
        data: DataArgs,
    },
    /// List the followed feeds and how their last pull went.
    List {
        #[command(flatten)]
        data: DataArgs,
    },
    /// Pull a feed now; exits non-zero when the pull fails (nothing is then changed).
    Pull {
        name: String,
        /// Largest download and import in bytes (see `import --max-bytes`).
        #[arg(long, env = "HELPATLAS_IMPORT_MAX_BYTES", default_value_t = crate::hsds::source::DEFAULT_MAX_BYTES)]
        max_bytes: u64,
        #[command(flatten)]
        data: DataArgs,
    },
    /// Stop following a feed: the services it brought are retired (kept with their history).
    Remove {
        name: String,
        #[command(flatten)]
        data: DataArgs,
    },
}

impl FeedCommand {
    fn data(&self) -> &DataArgs {
        match self {
            FeedCommand::Add { data, .. }
            | FeedCommand::List { data }
            | FeedCommand::Pull { data, .. }
            | FeedCommand::Remove { data, .. } => data,
        }
    }
}

#[derive(ValueEnum, Debug, Clone, Copy)]
pub enum ExportFormat {
    /// Help Atlas JSON: every field of every record (a lossless backup).
    Atlas,
    /// HSDS 3.0 JSON: an array of organization documents with their locations and services.
    Json,
    /// HSDS 3.0 JSON, one organization document per line.
    Ndjson,
    /// HSDS 3.0 Tabular Data Package: PATH is a directory of CSVs with the official datapackage.json.
    Datapackage,
}

impl ExportFormat {
    fn form(self) -> transfer::ExportForm {
        match self {
            ExportFormat::Atlas => transfer::ExportForm::Atlas,
            ExportFormat::Json => transfer::ExportForm::Hsds(crate::hsds::Form::Json),
            ExportFormat::Ndjson => transfer::ExportForm::Hsds(crate::hsds::Form::Ndjson),
            ExportFormat::Datapackage => transfer::ExportForm::Hsds(crate::hsds::Form::DataPackage),
        }
    }
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Serve the website (creates and migrates the database and loads the bundled data on first start).
    Serve {
        /// Address and port to listen on.
        #[arg(long, env = "HELPATLAS_BIND", default_value = "127.0.0.1:8080")]
        bind: String,
        /// Compute every page and search answer afresh instead of keeping repeated ones for a minute
        /// (for benchmarks).
        #[arg(long)]
        no_cache: bool,
        #[command(flatten)]
        admin: AdminArgs,
        #[command(flatten)]
        public: PublicArgs,
        #[command(flatten)]
        data: DataArgs,
    },
    /// Check every URL of the directory (robots.txt respected) and every phone number against its
    /// country's numbering plan; the editors' dashboard lists URLs failing three checks in a row.
    CheckLinks {
        #[command(flatten)]
        checker: CheckerArgs,
        #[command(flatten)]
        data: DataArgs,
    },
    /// Manage the accounts of the editors' area.
    User {
        #[command(subcommand)]
        action: UserCommand,
    },
    /// Follow other directories' HSDS feeds.
    Feeds {
        #[command(subcommand)]
        action: FeedCommand,
    },
    /// Import Help Atlas JSON, HSDS JSON or ndjson, or an HSDS data package (directory or .zip): everything
    /// is checked first, then written in one transaction.
    Import {
        /// The file, or the data package directory, to import.
        path: PathBuf,
        /// Check only; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Leave out invalid values and records, import the rest, and list what was left out.
        #[arg(long)]
        skip_invalid: bool,
        /// Repair what can be read without guessing (date-times without a UTC offset, nested records
        /// without an id, rows repeated exactly), with a note per kind of repair.
        #[arg(long)]
        lenient: bool,
        /// Largest import in bytes: a file, or a data package's CSVs together once decompressed (a
        /// package needs about its own size in memory).
        #[arg(long, env = "HELPATLAS_IMPORT_MAX_BYTES", default_value_t = crate::hsds::source::DEFAULT_MAX_BYTES)]
        max_bytes: u64,
        #[command(flatten)]
        data: DataArgs,
    },
    /// Export the whole directory (records ordered by id; the same data gives the same bytes).
    Export {
        /// Output format.
        #[arg(long, value_enum, default_value = "atlas")]
        format: ExportFormat,
        /// The file to write (a directory for `datapackage`).
        path: PathBuf,
        #[command(flatten)]
        data: DataArgs,
    },
    /// Find cities and regions by name (any case, with or without accents, common spellings).
    Places {
        /// A name or the beginning of one, e.g. "tromso" or "sao paulo".
        query: String,
        /// Only places in this country (ISO code, e.g. NO).
        #[arg(long)]
        country: Option<String>,
        /// How many places to list.
        #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u16).range(1..=500))]
        limit: u16,
    },
    /// Coverage of the directory per country and kind of help.
    Stats {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        data: DataArgs,
    },
    /// Write a consistent snapshot of the whole database (records, history, accounts, reports) to PATH,
    /// while servers keep running: a SQLite database file, or for PostgreSQL a `pg_dump` custom-format
    /// file (needs `pg_dump`). PATH must not exist.
    Backup {
        path: PathBuf,
        #[command(flatten)]
        data: DataArgs,
    },
    /// Replace the whole database with a backup made by `helpatlas backup`. Stop every server using
    /// the database first (a restore under a running server is refused).
    Restore {
        path: PathBuf,
        #[command(flatten)]
        data: DataArgs,
    },
    /// Create or upgrade the database schema, then exit.
    Migrate {
        #[command(flatten)]
        data: DataArgs,
    },
    /// Write a synthetic directory (for tests and benchmarks) as Help Atlas JSON files to import.
    Generate {
        /// How many services.
        #[arg(long)]
        services: usize,
        /// The same seed gives the same data.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Directory to write into.
        #[arg(long)]
        out: PathBuf,
        /// Help Atlas JSON (files of 100,000 services) or one HSDS file or data package.
        #[arg(long, value_enum, default_value = "atlas")]
        format: ExportFormat,
    },
}

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    App(#[from] AppError),
    #[error(transparent)]
    Transfer(#[from] TransferError),
    #[error("`{0}` is not a known ISO 3166-1 country code")]
    UnknownCountry(String),
    #[error("no place matches `{0}`")]
    NoPlace(String),
    #[error(transparent)]
    Generate(#[from] crate::generate::GenerateError),
    #[error(transparent)]
    Auth(#[from] crate::auth::AuthError),
    #[error("cannot read the password from standard input: {0}")]
    Stdin(String),
    #[error(transparent)]
    Check(#[from] crate::linkcheck::CheckError),
    #[error(transparent)]
    Backup(#[from] crate::backup::BackupError),
    #[error(transparent)]
    Feed(#[from] crate::feeds::FeedError),
}

pub async fn run(cli: Cli) -> Result<(), CliError> {
    match cli.command {
        Command::Serve { bind, no_cache, admin, public, data } => {
            let extras = public.extras(admin.trust_proxy);
            Ok(app::serve(&data.config(), &bind, !no_cache, admin.settings(), extras).await?)
        }
        Command::CheckLinks { checker, data } => {
            let store = app::open_store(&data.config()).await?;
            let result = crate::linkcheck::run(store.as_ref(), &checker.settings()).await;
            store.close().await;
            print!("{}", result?.render_text());
            Ok(())
        }
        Command::User { action } => {
            let store = app::open_store(&action.data().config()).await?;
            let result = user(store.clone(), action).await;
            store.close().await;
            result
        }
        Command::Feeds { action } => {
            let store = app::open_store(&action.data().config()).await?;
            let result = feeds(store.as_ref(), action).await;
            store.close().await;
            result
        }
        Command::Import { path, dry_run, skip_invalid, lenient, max_bytes, data } => {
            let store = app::open_store(&data.config()).await?;
            let limits = crate::hsds::source::Limits { max_bytes, ..Default::default() };
            let options = transfer::ImportOptions { dry_run, skip_invalid, limits, lenient };
            let bar = progress_bar();
            let result = transfer::import(store.as_ref(), &path, options, &|done, total| {
                bar.set_length(total as u64);
                bar.set_position(done as u64);
            })
            .await;
            bar.finish_and_clear();
            store.close().await;
            report_import(&path, dry_run, &result?);
            Ok(())
        }
        Command::Export { format, path, data } => {
            let store = app::open_store(&data.config()).await?;
            app::sync_bundled(store.as_ref()).await?;
            let result = transfer::export(store.as_ref(), &path, format.form()).await;
            store.close().await;
            println!("exported {} services to {}", result?, path.display());
            Ok(())
        }
        Command::Places { query, country, limit } => places(&query, country.as_deref(), limit.into()),
        Command::Stats { json, data } => {
            let store = app::open_store(&data.config()).await?;
            app::sync_bundled(store.as_ref()).await?;
            let directory = store.load_directory().await;
            store.close().await;
            let stats = crate::stats::compute(&directory.map_err(AppError::from)?);
            match json {
                true => println!("{}", serde_json::to_string_pretty(&stats).unwrap_or_default()),
                false => print!("{}", crate::stats::render_text(&stats)),
            }
            Ok(())
        }
        Command::Backup { path, data } => {
            let config = data.config();
            config.prepare().map_err(AppError::from)?;
            let report = crate::backup::backup(&config.database_url(), &path).await?;
            println!("backed up to {} ({} bytes)", report.path.display(), report.bytes);
            Ok(())
        }
        Command::Restore { path, data } => {
            let config = data.config();
            config.prepare().map_err(AppError::from)?;
            crate::backup::restore(&config.database_url(), &path).await?;
            println!("restored {}", path.display());
            Ok(())
        }
        Command::Migrate { data } => {
            let store = app::open_store(&data.config()).await?;
            store.close().await;
            println!("database is up to date");
            Ok(())
        }
        Command::Generate { services, seed, out, format } => {
            let files = match format.form() {
                transfer::ExportForm::Atlas => crate::generate::write(services, seed, &out)?,
                transfer::ExportForm::Hsds(form) => crate::generate::write_hsds(services, seed, &out, form)?,
            };
            for file in files {
                println!("{}", file.display());
            }
            Ok(())
        }
    }
}

async fn feeds(store: &dyn crate::store::Store, action: FeedCommand) -> Result<(), CliError> {
    let now = chrono::Utc::now();
    match action {
        FeedCommand::Add { url, name, every, countries, kinds, licence, .. } => {
            let countries = crate::feeds::parse_countries(countries.iter().map(String::as_str))?;
            let subscription = crate::feeds::Subscription { name, url, every_hours: every, countries, kinds, licence };
            let feed = crate::feeds::add(store, subscription, now).await?;
            println!(
                "following {} as `{}`, pulled every {} h; `helpatlas feeds pull {}` pulls it now",
                feed.url, feed.name, feed.every_hours, feed.name
            );
        }
        FeedCommand::List { .. } => {
            for feed in store.feeds().await.map_err(AppError::from)? {
                println!("{}", feed_line(&feed));
            }
        }
        FeedCommand::Pull { name, max_bytes, .. } => {
            let feed =
                store.feed(&name).await.map_err(AppError::from)?.ok_or(crate::feeds::FeedError::NotFound(name))?;
            let limits = crate::hsds::source::Limits { max_bytes, ..Default::default() };
            let settings = crate::feeds::FeedSettings { limits, ..Default::default() };
            let summary = crate::feeds::pull(store, &feed, &settings, now).await?;
            for note in summary.notes.iter().take(MAX_NOTES_SHOWN) {
                println!("note: {note}");
            }
            println!("pulled {}: {}", feed.name, summary.message());
        }
        FeedCommand::Remove { name, .. } => {
            let retired = crate::feeds::remove(store, &name, now).await?;
            println!("no longer following `{name}`; {retired} of its services retired");
        }
    }
    Ok(())
}

/// A feed as `feeds list` shows it: name, URL, interval, filters, last pull.
fn feed_line(feed: &crate::model::Feed) -> String {
    let join = |items: Vec<String>| if items.is_empty() { "all".to_string() } else { items.join(",") };
    let countries = join(feed.countries.iter().map(ToString::to_string).collect());
    let kinds = join(feed.kinds.iter().map(ToString::to_string).collect());
    let last = match (feed.attempted_at, feed.outcome) {
        (Some(at), Some(outcome)) => {
            format!("{} {}: {}", at.format("%Y-%m-%d %H:%M UTC"), outcome.code(), feed.message)
        }
        _ => "never pulled".to_string(),
    };
    format!("{}\t{}\tevery {} h\tcountries {countries}\tkinds {kinds}\t{last}", feed.name, feed.url, feed.every_hours)
}

/// The first line of standard input, without its line ending.
fn password_from_stdin() -> Result<String, CliError> {
    let mut line = String::new();
    std::io::stdin().read_line(&mut line).map_err(|e| CliError::Stdin(e.to_string()))?;
    Ok(line.trim_end_matches(['\n', '\r']).to_string())
}

fn print_issued(issued: &crate::auth::Issued, url: &str) {
    match &issued.setup_token {
        Some(token) => {
            println!(
                "{} ({}) must choose a password within 24 hours at this one-time link:",
                issued.user.email, issued.user.role
            );
            println!("{}/admin/setup/{token}", url.trim_end_matches('/'));
        }
        None => println!("{} ({}) can sign in at /admin/login", issued.user.email, issued.user.role),
    }
}

async fn user(store: std::sync::Arc<dyn crate::store::Store>, action: UserCommand) -> Result<(), CliError> {
    let auth = Auth::new(store).await.map_err(AppError::from)?;
    let by = Actor::CommandLine;
    let password = |args: &PasswordArgs| args.password_stdin.then(password_from_stdin).transpose();
    match action {
        UserCommand::Add { email, role, password: args, .. } => {
            let typed = password(&args)?;
            let issued = auth.add_user(&email, role.role(), typed.as_deref().map(|p| (p, p)), &by).await?;
            print_issued(&issued, &args.url);
        }
        UserCommand::List { .. } => {
            for u in auth.users().await.map_err(AppError::from)? {
                let state = match (u.disabled, u.has_password) {
                    (true, _) => "disabled",
                    (false, false) => "waiting for setup",
                    (false, true) => "active",
                };
                let last =
                    u.last_sign_in_at.map_or("never".to_string(), |t| t.format("%Y-%m-%d %H:%M UTC").to_string());
                println!("{}\t{}\t{state}\tlast signed in {last}", u.email, u.role);
            }
        }
        UserCommand::Disable { email, .. } => {
            auth.set_disabled(&auth.user_by_email(&email).await?, true, &by).await?;
            println!("{email} is disabled and signed out everywhere");
        }
        UserCommand::Enable { email, .. } => {
            auth.set_disabled(&auth.user_by_email(&email).await?, false, &by).await?;
            println!("{email} can sign in again");
        }
        UserCommand::Reset { email, password: args, .. } => {
            let account = auth.user_by_email(&email).await?;
            let typed = password(&args)?;
            let issued = auth.reset(&account, typed.as_deref().map(|p| (p, p)), &by).await?;
            print_issued(&issued, &args.url);
        }
    }
    Ok(())
}

/// A progress bar on standard error when it is a terminal; hidden otherwise (logs, CI, pipes).
fn progress_bar() -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(0);
    if let Ok(style) = indicatif::ProgressStyle::with_template("writing {bar:40} {pos}/{len} records ({eta} left)") {
        bar.set_style(style);
    }
    bar
}

/// Most notes printed; a large foreign import can have one per record.
const MAX_NOTES_SHOWN: usize = 20;

fn report_import(path: &std::path::Path, dry_run: bool, report: &transfer::ImportReport) {
    for line in &report.left_out {
        println!("left out: {line}");
    }
    for line in report.notes.iter().take(MAX_NOTES_SHOWN) {
        println!("note: {line}");
    }
    if report.notes.len() > MAX_NOTES_SHOWN {
        println!("note: … and {} more", report.notes.len() - MAX_NOTES_SHOWN);
    }
    let summary = &report.summary;
    match dry_run {
        true => println!("checked {}: {} records valid, nothing written", path.display(), report.records),
        false => println!("imported {}: {} written, {} unchanged", path.display(), summary.written, summary.unchanged),
    }
    if !report.left_out.is_empty() {
        println!("{} item(s) left out", report.left_out.len());
    }
}

fn places(query: &str, country: Option<&str>, limit: usize) -> Result<(), CliError> {
    let country = match country {
        Some(code) => Some(atlas().parse_country(code).ok_or_else(|| CliError::UnknownCountry(code.to_string()))?.code),
        None => None,
    };
    let hits = atlas().find_places(query, country, limit);
    if hits.is_empty() {
        return Err(CliError::NoPlace(query.to_string()));
    }
    for hit in hits {
        let country_name = atlas().country(hit.place.country()).map_or("", |c| c.name.as_str());
        let line = match hit.place {
            PlaceRef::City(c) => {
                let region = c.subdivision.as_deref().and_then(|s| atlas().subdivision(s)).map(|s| s.name.as_str());
                let region = region.map(|r| format!("{r}, ")).unwrap_or_default();
                format!("{}\t{region}{country_name}\tcity, population {}\t{}", c.name, c.population, c.timezone)
            }
            PlaceRef::Subdivision(s) => format!("{}\t{country_name}\t{} {}", s.name, s.kind.to_lowercase(), s.code),
        };
        println!("{line}");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::parse_public_url;

    #[test]
    fn the_public_url_is_an_origin() {
        assert_eq!(parse_public_url("https://help.example.org/").as_deref(), Ok("https://help.example.org"));
        assert_eq!(parse_public_url("http://127.0.0.1:8080").as_deref(), Ok("http://127.0.0.1:8080"));
        for bad in ["help.example.org", "ftp://help.example.org", "https://help.example.org/help", "https://a@b.org"] {
            assert!(parse_public_url(bad).is_err(), "{bad}");
        }
    }
}
