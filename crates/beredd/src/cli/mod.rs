//! The command line: `serve`, `demo`, `user`, `export`, `import`, `kit`, `incident`, `keys`,
//! `backup`, `restore`, `remind`, `gallra`, `publish`, `config`, `org`, `platform-admin`. One file per subcommand; the layers of the
//! configuration (file, environment, flags) in `settings`. Its messages are in Swedish, the
//! operators who run it read Swedish; the documents it writes and `kit verify`'s report take
//! `--lang en`.

mod backup;
mod config;
mod demo;
mod export;
mod import;
mod incident;
mod keys;
mod kit;
mod org;
mod platform_admin;
mod progress;
mod publish;
mod remind;
mod restore;
mod serve;
mod settings;
mod thin;
mod user;

use std::future::Future;
use std::net::{IpAddr, SocketAddr};
use std::pin::Pin;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::platform::db::Db;
use crate::platform::net::Listen;

/// What serves the web interface on a database until stopped (the web layer's `server::serve`,
/// handed in by the binary's root so that the command line never names the web layer).
pub type ServeFn = fn(Db, Listen) -> Pin<Box<dyn Future<Output = anyhow::Result<()>> + Send>>;

/// Where and how to serve; shared by `serve` and `demo`.
#[derive(clap::Args, Debug, Clone)]
pub struct ServeOptions {
    /// Address to listen on.
    #[arg(long, env = "BEREDD_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// Mark cookies Secure: set this when Beredd is served over HTTPS (behind a proxy).
    #[arg(long, env = "BEREDD_SECURE_COOKIES")]
    pub secure_cookies: bool,
    /// The address of a reverse proxy in front of Beredd, whose X-Forwarded-For header is then
    /// believed (repeat it, or separate with commas, for several). Without it the header is ignored.
    #[arg(long = "trusted-proxy", env = "BEREDD_TRUSTED_PROXIES", value_delimiter = ',')]
    pub trusted_proxies: Vec<IpAddr>,
    /// A token Prometheus sends (Authorization: Bearer) to read `/metrics`; without it `/metrics`
    /// answers nothing.
    #[arg(long, env = "BEREDD_METRICS_TOKEN", hide_env_values = true)]
    pub metrics_token: Option<String>,
    /// Live board streams this process holds open at once (each a board open in a browser);
    /// beyond it a new one is refused as busy until one closes.
    #[arg(long, env = "BEREDD_MAX_LIVE_STREAMS", default_value_t = crate::platform::net::MAX_LIVE_STREAMS)]
    pub max_live_streams: usize,
}

impl ServeOptions {
    pub fn listen(&self) -> Listen {
        Listen {
            addr: self.listen,
            secure_cookies: self.secure_cookies,
            trusted_proxies: self.trusted_proxies.clone(),
            metrics_token: self.metrics_token.clone().filter(|t| !t.is_empty()),
            max_live_streams: self.max_live_streams,
        }
    }
}

/// Where the data lives; every subcommand that touches the database takes it.
#[derive(clap::Args, Debug, Clone)]
pub struct DbOptions {
    /// sqlite://PATH or postgres://USER@HOST/DB
    #[arg(long = "database", env = "BEREDD_DATABASE_URL", default_value = "sqlite://beredd.db")]
    pub url: String,
    /// The folder of the keys that sign incident logs, outside the database. By default
    /// `beredd-keys` beside a SQLite file, or ~/.local/share/beredd/keys with PostgreSQL.
    #[arg(long = "keys", env = "BEREDD_KEYS")]
    pub keys: Option<std::path::PathBuf>,
    /// Database connections this process holds (1–64; 8 by default, chosen by measurement).
    #[arg(long = "db-connections", env = "BEREDD_DB_CONNECTIONS", value_parser = clap::value_parser!(u32).range(1..=64))]
    pub connections: Option<u32>,
}

impl DbOptions {
    /// Connects to the database, signing with the keys in `--keys` if one was given.
    pub async fn connect(&self) -> Result<Db, crate::platform::db::DbError> {
        let db = Db::connect_with(&self.url, self.connections).await?;
        Ok(match &self.keys {
            Some(dir) => db.with_keys(dir),
            None => db,
        })
    }
}

/// A new passphrase: asked twice without echo on a terminal, else the first line of standard input.
pub(crate) fn read_new_passphrase(prompt: &str) -> anyhow::Result<String> {
    use std::io::IsTerminal;
    if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password(prompt)?;
        let second = rpassword::prompt_password("Upprepa lösenfrasen: ")?;
        if first != second {
            anyhow::bail!("lösenfraserna är inte lika");
        }
        Ok(first)
    } else {
        read_passphrase(prompt)
    }
}

/// A passphrase asked once without echo on a terminal, else the first line of standard input.
pub(crate) fn read_passphrase(prompt: &str) -> anyhow::Result<String> {
    use std::io::{IsTerminal, Read};
    if std::io::stdin().is_terminal() {
        Ok(rpassword::prompt_password(prompt)?)
    } else {
        let mut s = String::new();
        std::io::stdin().read_to_string(&mut s)?;
        Ok(s.lines().next().unwrap_or("").to_owned())
    }
}

#[derive(Parser, Debug)]
#[command(name = "beredd", version, about = "Beredd: informationssäkerhet och kontinuitet för kommunen")]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// The configuration file (TOML); by default /etc/beredd/beredd.toml when it exists.
    /// Environment variables and flags go before what it says.
    #[arg(long, global = true, env = "BEREDD_CONFIG", value_name = "FILE")]
    config: Option<std::path::PathBuf>,
    /// How the log is written: `text` for people, `json` (one object a line) for a log collector.
    #[arg(long, global = true, env = "BEREDD_LOG_FORMAT", value_enum, default_value = "text")]
    log_format: LogFormat,
    /// The organisation a command is for (its short name or number); needed only when the
    /// database holds more than one.
    #[arg(long, global = true, env = "BEREDD_ORG", value_name = "KORTNAMN")]
    org: Option<String>,
}

/// `--org` as given on the command line, set once when it is read.
static CHOSEN_ORG: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();

/// The organisation the command is for: the one `--org` names, or the only one there is
/// (`services::hosting::for_command` says why not otherwise).
pub(crate) async fn organisation(db: &Db) -> anyhow::Result<crate::store::orgs::Organisation> {
    let given = CHOSEN_ORG.get().cloned().flatten();
    crate::services::hosting::for_command(db, given.as_deref()).await
}

#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
enum LogFormat {
    Text,
    Json,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Start the web server on an empty or existing database.
    Serve(serve::Serve),
    /// Create a fresh database with the demo municipality and serve it.
    Demo(demo::Demo),
    /// Manage user accounts.
    #[command(subcommand)]
    User(user::User),
    /// Write a document to a file (the printed binder).
    #[command(subcommand)]
    Export(export::Export),
    /// Read a file into the database: a register (units, people, suppliers, systems, activities,
    /// resources, dependencies, assets) from an xlsx or CSV file, or a whole organisation's export.
    Import(import::Import),
    /// The whole organisation as one encrypted file (by passphrase or to a public key).
    Backup(backup::Backup),
    /// A backup read into an empty database, SQLite or PostgreSQL.
    Restore(restore::Restore),
    /// E-mail the owners of the yearly cycle's tasks that are due soon or overdue.
    Remind(remind::Remind),
    /// Thinning (gallring): show the closed incidents due under the organisation's rule, and
    /// with --apply thin them (the log's texts replaced by markers, the chain kept).
    Gallra(thin::Thin),
    /// The offline crisis kit: check a copy.
    #[command(subcommand)]
    Kit(kit::Kit),
    /// Crisis mode from the command line: verify a log, import a kit's log.
    #[command(subcommand)]
    Incident(incident::Incident),
    /// The keys that sign incident logs, kept outside the database: show the public half, replace.
    #[command(subcommand)]
    Keys(keys::Keys),
    /// An incident's public web page (index.html) from its hotlines and approved messages.
    Publish(publish::Publish),
    /// The configuration: `beredd config check` shows what is in effect and where it comes from.
    #[command(subcommand)]
    Config(config::Config),
    #[command(subcommand)]
    Org(org::Org),
    /// The platform administrator's accounts, for the page /platform (hosted mode).
    #[command(subcommand)]
    PlatformAdmin(platform_admin::PlatformAdmin),
}

/// What the command line is handed from the web layer by the binary's root.
pub struct Web {
    pub serve: ServeFn,
    /// Renders an incident's public page (`beredd publish`).
    pub public_page: crate::services::crisis::publish::RenderFn,
}

pub fn main(web: Web) -> std::process::ExitCode {
    let Web { serve, public_page } = web;
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let file = match settings::File::find(&args) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("fel i inställningarna:\n{e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let command = settings::apply(Cli::command(), file.as_ref());
    let matches = command.clone().get_matches_from(args);
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    init_logging(cli.log_format);
    let _ = CHOSEN_ORG.set(cli.org.clone());
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("fel: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async {
        match cli.command {
            Command::Serve(c) => c.run(serve).await,
            Command::Demo(c) => c.run(serve).await,
            Command::User(c) => c.run().await,
            Command::Export(c) => c.run().await,
            Command::Import(c) => c.run().await,
            Command::Kit(c) => c.run().await,
            Command::Incident(c) => c.run().await,
            Command::Backup(c) => c.run().await,
            Command::Restore(c) => c.run().await,
            Command::Remind(c) => c.run().await,
            Command::Gallra(c) => c.run().await,
            Command::Keys(c) => c.run().await,
            Command::Publish(c) => c.run(public_page).await,
            Command::Org(c) => c.run().await,
            Command::PlatformAdmin(c) => c.run().await,
            Command::Config(c) => {
                let here = matches.subcommand_matches("config").unwrap_or(&matches);
                c.run(file.as_ref(), here, &command)
            }
        }
    });
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("fel: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// The log on standard error (the journal takes it from there), as text or one JSON object a line;
/// what the operator is told on standard output follows the same format.
fn init_logging(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("BEREDD_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn"));
    let log = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    let _ = match format {
        LogFormat::Text => log.try_init(),
        LogFormat::Json => {
            crate::platform::console::use_json();
            log.json().try_init()
        }
    };
}
